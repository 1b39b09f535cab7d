"""Office keys: this office's signing key pair, and the partner offices' keys pinned here.

A partner's public key is pinned the first time a package of that office is imported (one setting per
office, ``kunci_mitra:KODE``, holding JSON); a later package signed with another key is refused with
both fingerprints until an administrator accepts the new key with a reason (a reinstalled PC). Every
pin and every acceptance is in the audit log. The private key is read only to sign a package being
exported here; it never leaves the database and its backups.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import Pengaturan
from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.errors import KnownError, NotFound, ValidationError
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.signing import fingerprint, is_public_key, public_key_of

#: The setting of a pinned partner key is this prefix and the office code.
AWALAN_MITRA = "kunci_mitra:"
#: The shortest reason an administrator may give for accepting a new key.
MIN_ALASAN = 5
_TANGGAL = "%d-%m-%Y"


@dataclass(frozen=True)
class KunciLama:
    """A key an office signed with before, kept with its pin for the record."""

    kunci_publik: str
    sidik: str
    sejak: datetime | None
    sampai: datetime | None


@dataclass(frozen=True)
class KunciKantor:
    """An office's public key as known here: this office's own, or a partner's pinned key."""

    kode: str
    kunci_publik: str
    sejak: datetime | None = None  # when it was pinned here (this office's own key: None)
    oleh: str = ""  # who pinned it (the importing user) or accepted it (an administrator)
    alasan: str = ""  # why an administrator accepted it; "" when pinned at the first import
    sebelumnya: tuple[KunciLama, ...] = ()  # the keys it replaced, oldest first

    @property
    def sidik(self) -> str:
        """The fingerprint people compare by phone, e.g. ``PLJ 7F3A-19C2-0B4D-88E1``."""
        return fingerprint(self.kode, self.kunci_publik)

    @property
    def sejak_teks(self) -> str:
        return self.sejak.astimezone().strftime(_TANGGAL) if self.sejak else ""

    @property
    def cara(self) -> str:
        """How the key came to be pinned, in a few words for the page and ``info``."""
        if self.alasan:
            return f"diterima oleh {self.oleh}: {self.alasan}"
        return f"impor pertama oleh {self.oleh}" if self.oleh else "impor pertama"


@dataclass(frozen=True)
class DaftarKunci:
    """What the Pertukaran Data page and ``info`` show: this office's key and the pinned ones."""

    sendiri: KunciKantor | None  # None before the office is set up
    mitra: list[KunciKantor]


class KunciBerbeda(KnownError):
    """A package signed with another key than the one pinned for its office."""

    def __init__(self, tersimpan: KunciKantor, kunci_publik: str) -> None:
        self.tersimpan = tersimpan
        self.kunci_publik = kunci_publik
        self.sidik_baru = fingerprint(tersimpan.kode, kunci_publik)
        kode = tersimpan.kode
        sejak = f" sejak {tersimpan.sejak_teks}" if tersimpan.sejak_teks else ""
        super().__init__(
            f"Paket ini ditandatangani dengan kunci lain daripada kunci kantor {kode} yang tersimpan di sini"
            f"{sejak}. Kunci tersimpan: {tersimpan.sidik}; kunci pada paket: {self.sidik_baru}.",
            saran=f"Telepon kantor {kode} dan minta dibacakan sidik kunci di halaman Pertukaran Data mereka. "
            f"Bila komputer kantor {kode} memang dipasang ulang dan sidiknya sama dengan kunci pada paket, "
            "administrator kantor ini dapat menerima kunci baru itu di halaman Pertukaran Data (kotak Kunci "
            "kantor, tombol Terima kunci baru…) atau dengan perintah 'kinerja-desktop kunci terima', lalu "
            "mengimpor lagi. Bila sidiknya tidak sama, jangan impor berkas ini.",
        )


def _setting(session: Session, kunci: str) -> str:
    return kantor.get_setting(session, kunci)


def own_key(session: Session) -> KunciKantor:
    """This office's public key (NotFound before the office is set up)."""
    kode = kantor.get_kantor(session).kode
    publik = _setting(session, kantor.KEY_KUNCI_PUBLIK)
    if not publik:
        raise NotFound(
            "Kantor ini belum memiliki kunci tanda tangan paket.",
            saran="Tutup lalu buka lagi aplikasi; kuncinya dibuat otomatis saat basis data dibuka.",
        )
    return KunciKantor(kode, publik)


def private_key(session: Session) -> str:
    """The private key that signs a package exported here (read by the export only; never shown)."""
    privat = _setting(session, kantor.KEY_KUNCI_PRIVAT)
    if not privat:
        own_key(session)  # says what to do when the office has no key pair at all
        raise NotFound(
            "Kunci privat kantor ini tidak ada.",
            saran="Pulihkan cadangan basis data terakhir yang masih memuatnya.",
        )
    return privat


def ensure_key_pair(session: Session) -> KunciKantor | None:
    """Give a set-up office without a key pair (a database from before packages were signed) its own;
    recorded in the audit log. None when there is nothing to do (not set up yet, or a key pair exists)."""
    if not kantor.is_initialised(session):
        return None
    privat = _setting(session, kantor.KEY_KUNCI_PRIVAT)
    if privat:
        publik = public_key_of(privat)
        if _setting(session, kantor.KEY_KUNCI_PUBLIK) != publik:  # only the public half was lost
            kantor.set_setting(session, kantor.KEY_KUNCI_PUBLIK, publik)
        return None
    kantor.create_key_pair(session)
    kunci = own_key(session)
    log_event(
        session,
        "kunci_kantor",
        f"Kunci tanda tangan paket dibuat untuk kantor ini: {kunci.sidik}.",
        tabel="pengaturan",
        baris_id=kantor.KEY_KUNCI_PUBLIK,
        sesudah={"sidik": kunci.sidik},
    )
    return kunci


def _waktu(teks: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(teks)) if teks else None
    except ValueError:
        return None


def _from_json(kode: str, teks: str) -> KunciKantor | None:
    try:
        isi = json.loads(teks)
    except ValueError:
        return None
    if not isinstance(isi, dict) or not isinstance(isi.get("kunci_publik"), str):
        return None
    lama = tuple(
        KunciLama(
            str(k.get("kunci_publik", "")),
            fingerprint(kode, str(k.get("kunci_publik", ""))),
            _waktu(k.get("sejak")),
            _waktu(k.get("sampai")),
        )
        for k in isi.get("sebelumnya", [])
        if isinstance(k, dict)
    )
    return KunciKantor(
        kode,
        isi["kunci_publik"],
        _waktu(isi.get("sejak")),
        str(isi.get("oleh", "")),
        str(isi.get("alasan", "")),
        lama,
    )


def _to_json(kunci: KunciKantor) -> str:
    def waktu(w: datetime | None) -> str | None:
        return w.isoformat() if w else None

    return json.dumps(
        {
            "kunci_publik": kunci.kunci_publik,
            "sidik": kunci.sidik,  # for a person reading the table; recomputed when read
            "sejak": waktu(kunci.sejak),
            "oleh": kunci.oleh,
            "alasan": kunci.alasan,
            "sebelumnya": [
                {"kunci_publik": k.kunci_publik, "sejak": waktu(k.sejak), "sampai": waktu(k.sampai)}
                for k in kunci.sebelumnya
            ],
        },
        ensure_ascii=False,
    )


def pinned_key(session: Session, kode: str) -> KunciKantor | None:
    """The key pinned here for office ``kode`` (None before the first import from it)."""
    teks = _setting(session, AWALAN_MITRA + kode)
    return _from_json(kode, teks) if teks else None


def pinned_keys(session: Session) -> list[KunciKantor]:
    """Every pinned partner key, by office code."""
    mitra = Pengaturan.kunci.startswith(AWALAN_MITRA, autoescape=True)
    rows = session.scalars(select(Pengaturan).where(mitra))
    hasil = [_from_json(r.kunci.removeprefix(AWALAN_MITRA), r.nilai) for r in rows]
    return sorted((k for k in hasil if k is not None), key=lambda k: k.kode)


def read_keys(session: Session, actor: Actor) -> DaftarKunci:
    """This office's key and every pinned partner key, for the Pertukaran Data page and ``info``."""
    require(actor, Izin.SINKRONISASI)
    sendiri = own_key(session) if kantor.is_initialised(session) else None
    return DaftarKunci(sendiri, pinned_keys(session))


def check_pinned(session: Session, kode: str, kunci_publik: str) -> KunciKantor | None:
    """The key pinned for office ``kode`` when it is ``kunci_publik``; None when none is pinned yet;
    ``KunciBerbeda`` (both fingerprints named) when another key is pinned."""
    tersimpan = pinned_key(session, kode)
    if tersimpan is not None and tersimpan.kunci_publik != kunci_publik:
        raise KunciBerbeda(tersimpan, kunci_publik)
    return tersimpan


def pin_key(session: Session, actor: Actor, kode: str, kunci_publik: str) -> KunciKantor:
    """Pin ``kunci_publik`` for office ``kode`` at the first import from it (the import's transaction);
    the key already pinned is returned unchanged, another one refused (``KunciBerbeda``)."""
    require(actor, Izin.SINKRONISASI)
    tersimpan = check_pinned(session, kode, kunci_publik)
    if tersimpan is not None:
        return tersimpan
    kunci = KunciKantor(kode, kunci_publik, utcnow(), actor.username)
    kantor.set_setting(session, AWALAN_MITRA + kode, _to_json(kunci))
    log_event(
        session,
        "kunci_mitra",
        f"Kunci kantor {kode} disimpan pada impor pertama darinya: {kunci.sidik}.",
        tabel="pengaturan",
        baris_id=AWALAN_MITRA + kode,
        sesudah={"sidik": kunci.sidik},
    )
    return kunci


def accept_key(session: Session, actor: Actor, kode: str, kunci_publik: str, alasan: str) -> KunciKantor:
    """An administrator accepts ``kunci_publik`` as office ``kode``'s key from now on (a reinstalled PC),
    with a reason; the key it replaces is kept in the pin's history, and the audit log names both."""
    require(actor, Izin.TERIMA_KUNCI)
    kode = kode.strip().upper()
    if kantor.is_initialised(session) and kode == kantor.get_kantor(session).kode:
        raise ValidationError(
            f"{kode} adalah kode kantor ini sendiri; kunci kantor ini tidak diterima dari paket.",
            kolom="kantor",
        )
    if not is_public_key(kunci_publik):
        raise ValidationError("Kunci pada paket ini tidak terbaca.", kolom="kunci")
    bersih = " ".join(alasan.split())
    if len(bersih) < MIN_ALASAN:
        raise ValidationError(
            "Tuliskan alasan menerima kunci baru ini (sedikitnya 5 karakter), misalnya siapa yang "
            "dihubungi dan apa yang terjadi; alasan ini dicatat di log audit.",
            kolom="alasan",
        )
    lama = pinned_key(session, kode)
    baru = KunciKantor(kode, kunci_publik, utcnow(), actor.username, bersih)
    if lama is not None and lama.kunci_publik == kunci_publik:
        raise ValidationError(
            f"Kunci {baru.sidik} sudah tersimpan untuk kantor {kode}; tidak ada yang perlu diterima.",
            kolom="kunci",
        )
    if lama is not None:
        riwayat = (*lama.sebelumnya, KunciLama(lama.kunci_publik, lama.sidik, lama.sejak, baru.sejak))
        baru = KunciKantor(kode, kunci_publik, baru.sejak, actor.username, bersih, riwayat)
    kantor.set_setting(session, AWALAN_MITRA + kode, _to_json(baru))
    semula = lama.sidik if lama is not None else "belum ada"
    log_event(
        session,
        "terima_kunci",
        f"Kunci baru kantor {kode} diterima: {semula} \u2192 {baru.sidik}. Alasan: {bersih}",
        tabel="pengaturan",
        baris_id=AWALAN_MITRA + kode,
        sebelum={"sidik": semula},
        sesudah={"sidik": baru.sidik, "alasan": bersih},
    )
    return baru
