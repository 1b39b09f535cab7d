"""``generate_demo``: a complete demo office (units, pegawai, a year of SKP and evaluations, accounts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import Base
from kinerja_desktop.core.db.models import Kantor, Pengguna, Perilaku, UnitKerja
from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.demo import organisasi
from kinerja_desktop.core.demo.evaluasi import EvaluasiMaker, rencana_rating
from kinerja_desktop.core.demo.identitas import NipSource, make_nama
from kinerja_desktop.core.demo.model import DUnit
from kinerja_desktop.core.demo.pegawai import PegawaiMaker
from kinerja_desktop.core.demo.rng import Acak
from kinerja_desktop.core.demo.skp import SkpMaker, choose_status
from kinerja_desktop.core.demo.writer import Penulis
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.kantor import KantorInput
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.pangkat import PANGKAT_PNS
from kinerja_desktop.core.services import akun, kantor
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.core.workspace import Workspace

Progress = Callable[[int, int, str], None]

PEGAWAI_MIN, PEGAWAI_MAKS = 5, 50_000
TAHUN_MIN = 2023
ADMIN = ("admin", "admin123")
AKUN_LAIN: tuple[tuple[str, str, Peran], ...] = (
    ("operator", "operator123", Peran.OPERATOR),
    ("penilai", "penilai123", Peran.PENILAI),
    ("pimpinan", "pimpinan123", Peran.PIMPINAN),
)


@dataclass(frozen=True)
class DemoResult:
    """What was loaded: the office code, rows per table, and the accounts (username, password, role)."""

    kantor_kode: str
    counts: dict[str, int] = field(default_factory=dict)
    akun: list[tuple[str, str, str]] = field(default_factory=list)


class _Kemajuan:
    """Throttled progress: about a hundred reports for the whole run."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self.total = total
        self.done = 0
        self.label = ""
        self._langkah = max(1, total // 100)
        self._berikut = 0

    def tahap(self, label: str) -> None:
        self.label = label
        self._report()

    def advance(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if self.done >= self._berikut:
            self._report()

    def _report(self) -> None:
        self._berikut = self.done + self._langkah
        if self._progress is not None:
            self._progress(self.done, self.total, self.label)


def _check(jumlah_pegawai: int, tahun: int) -> None:
    if not PEGAWAI_MIN <= jumlah_pegawai <= PEGAWAI_MAKS:
        raise ValidationError(
            f"Jumlah pegawai demo harus {PEGAWAI_MIN} sampai {format_angka(PEGAWAI_MAKS)}.",
            kolom="jumlah_pegawai",
        )
    batas = date.today().year + 1
    if not TAHUN_MIN <= tahun <= batas:
        raise ValidationError(f"Tahun data demo harus {TAHUN_MIN} sampai {batas}.", kolom="tahun")


def _atasan_luar(rng: Acak, instansi: str) -> dict[str, str]:
    """The Sekretaris Daerah, who appraises the camat: the atasan pejabat penilai of the camat's staff."""
    daerah = instansi.removeprefix("Pemerintah ").strip() or "Daerah"
    lahir = date(1971, rng.randint(1, 12), rng.randint(1, 28))
    nip = NipSource(rng).pns(lahir, date(1996, 3, 1), "L")
    nama = make_nama(rng, "L", "S2", lahir.year, tua_haji=True)
    lengkap = " ".join(x for x in (nama.gelar_depan, nama.nama) if x)
    return {
        "nama": f"{lengkap}, {nama.gelar_belakang}" if nama.gelar_belakang else lengkap,
        "nip": nip,
        "pangkat": PANGKAT_PNS["IV/c"],
        "golongan": "IV/c",
        "jabatan": f"Sekretaris Daerah {daerah}",
        "unit": f"Sekretariat Daerah {daerah}",
    }


def _sudah_berisi(session: Session) -> bool:
    """True when the database has an office identity, an office row or any account."""
    if kantor.get_setting(session, kantor.KEY_KANTOR_ID):
        return True
    return any(session.scalar(select(func.count()).select_from(m)) for m in (Kantor, Pengguna))


def _count(session: Session) -> dict[str, int]:
    hasil: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        hasil[table.name] = session.scalar(select(func.count()).select_from(table)) or 0
    return hasil


def generate_demo(
    workspace: Workspace,
    *,
    jumlah_pegawai: int = 40,
    kantor_nama: str = "Kecamatan Plaju",
    kantor_kode: str = "PLJ",
    instansi: str = "Pemerintah Kota Palembang",
    tempat: str = "Plaju",
    seed: int = 1,
    tahun: int | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Fill an empty database with a realistic demo office, all in one transaction.

    The same ``seed`` gives the same rows (ids included), except what ``kantor.initialise``
    creates itself (office, root unit, BerAKHLAK master data, settings) and the password hashes.
    Raises ValidationError when the database already has an office.
    """
    tahun = tahun if tahun is not None else date.today().year
    _check(jumlah_pegawai, tahun)
    rng = Acak(seed)
    waktu = datetime(tahun, 1, 1, tzinfo=UTC)
    kemajuan = _Kemajuan(progress, 3 * jumlah_pegawai + 2)
    kemajuan.tahap("Menyiapkan kantor")
    with workspace.trim_wal_on_failure(), workspace.transaction() as session:
        if _sudah_berisi(session):
            raise ValidationError(
                "Data demo hanya bisa dimuat ke basis data yang masih kosong. "
                "Basis data ini sudah berisi identitas kantor atau akun pengguna.",
                saran="Pilih folder data baru (misalnya dengan --data-dir) untuk mencoba data demo.",
            )
        data = KantorInput(kode=kantor_kode, nama=kantor_nama, tempat=tempat, instansi=instansi)
        admin = kantor.initialise(session, data, ADMIN[0], ADMIN[1], "Administrator Demo")
        kantor.mark_demo(session)
        session.flush()
        session.info["actor"] = admin.audit
        info = kantor.get_kantor(session)
        root_id = session.scalars(
            select(UnitKerja.id).where(UnitKerja.kantor_id == info.id, UnitKerja.induk_id.is_(None))
        ).one()
        perilaku_ids = list(session.scalars(select(Perilaku.id).order_by(Perilaku.urutan)))
        kemajuan.advance(1)

        session.info["skip_audit"] = True
        penulis = Penulis(session, info.kode, waktu)
        kemajuan.tahap("Unit kerja dan pegawai")
        units = organisasi.rencana_unit(rng, jumlah_pegawai, root_id, info.nama, info.kode)
        organisasi.write_units(penulis, units, info.id)
        organisasi.choose_capaian(rng, units)
        pegawai = PegawaiMaker(rng, penulis, info.id, tahun).make_all(units, jumlah_pegawai, kemajuan.advance)
        organisasi.write_capaian(penulis, rng, units, tahun)

        kemajuan.tahap("SKP, realisasi dan bukti dukung")
        choose_status(rng, pegawai)
        pembuat_skp = SkpMaker(rng, penulis, tahun, perilaku_ids)
        for p in pegawai:
            rencana_rating(rng, p)
            pembuat_skp.make(p)
            pembuat_skp.realisasi(p)
            penulis.titik_aman()
            kemajuan.advance(1)

        kemajuan.tahap("Evaluasi kinerja")
        penilai_akun = AKUN_LAIN[1][0]
        pembuat_evaluasi = EvaluasiMaker(
            rng, penulis, tahun, perilaku_ids, _atasan_luar(rng, info.instansi), penilai_akun
        )
        for p in pegawai:
            pembuat_evaluasi.make(p)
            penulis.titik_aman()
            kemajuan.advance(1)
        penulis.selesai()
        _write_heads(session, units)
        session.info["skip_audit"] = False

        kemajuan.tahap("Akun pengguna")
        akun_demo = [(ADMIN[0], ADMIN[1], Peran.ADMIN.label)]
        camat = pegawai[0]
        for username, sandi, peran in AKUN_LAIN:
            nama = {Peran.OPERATOR: f"Operator {info.nama}", Peran.PIMPINAN: f"Pimpinan ({camat.jabatan})"}
            pegawai_id = camat.id if peran is Peran.PENILAI else None
            akun.create_pengguna(
                session, admin, username, sandi, peran, nama.get(peran, camat.nama_lengkap), pegawai_id
            )
            akun_demo.append((username, sandi, peran.label))
        counts = _count(session)
        log_event(
            session,
            "demo",
            f"Data demo dimuat (seed {seed}, tahun {tahun}): {counts['unit_kerja']} unit kerja, "
            f"{counts['pegawai']} pegawai, {counts['skp']} SKP, {counts['evaluasi']} evaluasi, "
            f"{sum(counts.values())} baris.",
        )
        counts["audit_log"] += 1
        kemajuan.advance(1)
    kemajuan.tahap("Selesai")
    return DemoResult(kantor_kode=info.kode, counts=counts, akun=akun_demo)


def _write_heads(session: Session, units: list[DUnit]) -> None:
    """Set each unit's kepala_id now that the pegawai exist (units had to be written first)."""
    stmt = update(UnitKerja).where(UnitKerja.id == bindparam("b_id")).values(kepala_id=bindparam("b_kepala"))
    rows = [{"b_id": u.id, "b_kepala": u.kepala.id} for u in units if u.kepala is not None]
    if rows:
        session.connection().execute(stmt, rows)


__all__ = ["DemoResult", "generate_demo"]
