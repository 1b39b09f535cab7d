"""This installation's identity: first-run setup of the office, its settings and the demo flag."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.concurrency import ensure_row
from kinerja_desktop.core.db.models import Kantor, Pengaturan, Pengguna, Perilaku, UnitKerja
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.model.kantor import KantorInfo, KantorInput
from kinerja_desktop.core.rules.berakhlak import NILAI_BERAKHLAK
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.signing import KeyPair, new_key_pair
from kinerja_desktop.core.validation.base import raise_first
from kinerja_desktop.core.validation.unit import KANTOR, kode_problem
from kinerja_desktop.core.validation.unit import KERTAS as KERTAS
from kinerja_desktop.core.validation.unit import RITME as RITME

KEY_KANTOR_ID = "kantor_id"
KEY_MODE = "mode"
KEY_DEMO = "demo"
#: This office's Ed25519 key pair that signs its packages (``core.signing``; the audit log masks the
#: private key, which never leaves the database and its backups).
KEY_KUNCI_PRIVAT = "kunci_privat"
KEY_KUNCI_PUBLIK = "kunci_publik"


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Pengaturan, key)
    return row.nilai if row is not None else default


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Pengaturan, key)
    if row is None:
        session.add(Pengaturan(kunci=key, nilai=value))
    else:
        row.nilai = value


def is_initialised(session: Session) -> bool:
    """True once an office identity and at least one account exist."""
    if not get_setting(session, KEY_KANTOR_ID):
        return False
    return bool(session.scalar(select(func.count()).select_from(Pengguna)))


def validate_kantor(data: KantorInput) -> None:
    """Raise ValidationError, naming the field, for the first unacceptable value (the rules an imported
    office row obeys too, ``validation.unit``)."""
    raise_first([m for m in (kode_problem(data.kode.strip()),) if m is not None])
    teks = ("nama", "instansi", "tempat", "alamat", "telepon", "email")
    row: dict[str, object] = {k: str(getattr(data, k)).strip() for k in teks}
    row.update(kertas=data.kertas, ritme=data.ritme)
    raise_first(KANTOR.check(row))
    if data.logo is not None and len(data.logo) > 2_000_000:
        raise ValidationError("Berkas logo terlalu besar (maksimal 2 MB).", kolom="logo")


def initialise(
    session: Session, data: KantorInput, admin_username: str, admin_password: str, admin_nama: str = ""
) -> Actor:
    """Record the office identity, its root unit and BerAKHLAK master data, and the first admin."""
    if get_setting(session, KEY_KANTOR_ID):
        raise ValidationError("Identitas kantor sudah diisi; ubah lewat menu Pengaturan Kantor.")
    validate_kantor(data)
    kode = data.kode.strip().upper()
    session.info["kantor_kode"] = kode
    kantor = Kantor(
        kode=kode,
        nama=data.nama.strip(),
        instansi=data.instansi.strip(),
        tempat=data.tempat.strip(),
        alamat=data.alamat.strip(),
        telepon=data.telepon.strip(),
        email=data.email.strip(),
        is_pusat=data.is_pusat,
        kertas=data.kertas,
        ritme=data.ritme,
        logo=data.logo,
    )
    session.add(kantor)
    session.flush()
    session.add(UnitKerja(kantor_id=kantor.id, nama=kantor.nama, kode=kode))
    seed_perilaku(session)
    set_setting(session, KEY_KANTOR_ID, kantor.id)
    set_setting(session, KEY_MODE, "pusat" if data.is_pusat else "kantor")
    set_setting(session, KEY_DEMO, "0")
    create_key_pair(session)
    return akun.create_first_admin(session, admin_username, admin_password, admin_nama)


def create_key_pair(session: Session) -> KeyPair:
    """Give this office a new key pair for signing its packages (replacing none: callers check first)."""
    pasangan = new_key_pair()
    set_setting(session, KEY_KUNCI_PRIVAT, pasangan.privat)
    set_setting(session, KEY_KUNCI_PUBLIK, pasangan.publik)
    return pasangan


def seed_perilaku(session: Session) -> None:
    """Insert the seven BerAKHLAK values unless they are already there."""
    if session.scalar(select(func.count()).select_from(Perilaku)):
        return
    for nilai in NILAI_BERAKHLAK:
        session.add(
            Perilaku(
                urutan=nilai.urutan,
                nama=nilai.nama,
                definisi=nilai.definisi,
                pernyataan=list(nilai.pernyataan),
            )
        )


def _kantor(session: Session) -> Kantor:
    kantor_id = get_setting(session, KEY_KANTOR_ID)
    kantor = session.get(Kantor, kantor_id) if kantor_id else None
    if kantor is None:
        raise NotFound(
            "Identitas kantor belum diisi.", saran="Jalankan wizard awal atau 'kinerja-desktop init'."
        )
    return kantor


def get_kantor(session: Session) -> KantorInfo:
    """This installation's office."""
    kantor = _kantor(session)
    logo_present = session.scalar(select(Kantor.logo.is_not(None)).where(Kantor.id == kantor.id))
    return KantorInfo(
        id=kantor.id,
        kode=kantor.kode,
        nama=kantor.nama,
        instansi=kantor.instansi,
        tempat=kantor.tempat,
        alamat=kantor.alamat,
        telepon=kantor.telepon,
        email=kantor.email,
        is_pusat=kantor.is_pusat,
        kertas=kantor.kertas,
        ritme=kantor.ritme,
        punya_logo=bool(logo_present),
        demo=get_setting(session, KEY_DEMO) == "1",
        revisi=kantor.revisi,
    )


def get_logo(session: Session) -> bytes | None:
    return _kantor(session).logo


def update_kantor(
    session: Session, actor: Actor, data: KantorInput, *, keep_logo: bool = True, revisi: int | None = None
) -> None:
    """Change the office identity (the code is fixed once data has travelled, so it is not changed here);
    ``revisi`` as the settings page read it refuses a change made meanwhile."""
    require(actor, Izin.KELOLA_KANTOR)
    kantor = _kantor(session)
    ensure_row(session, kantor, revisi)
    validate_kantor(data)
    kantor.nama = data.nama.strip()
    kantor.instansi = data.instansi.strip()
    kantor.tempat = data.tempat.strip()
    kantor.alamat = data.alamat.strip()
    kantor.telepon = data.telepon.strip()
    kantor.email = data.email.strip()
    kantor.kertas = data.kertas
    kantor.ritme = data.ritme
    if not keep_logo or data.logo is not None:
        kantor.logo = data.logo


def mark_demo(session: Session) -> None:
    set_setting(session, KEY_DEMO, "1")
