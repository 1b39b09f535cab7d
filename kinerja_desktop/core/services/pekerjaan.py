"""What waits for the logged-in user: the home page's to-do lines per role, each naming where it is done."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import Pegawai, Pengguna, Skp, SyncLog, UnitKerja
from kinerja_desktop.core.model.skp import StatusSkp
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.periode import AKHIR, Periode, daftar_periode, periode, periode_untuk_tanggal
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, Peran, require
from kinerja_desktop.core.services.kemajuan import Kemajuan, jumlah, kemajuan_per_unit
from kinerja_desktop.core.services.pelatihan import JP_MINIMUM_PNS, jp_per_pegawai
from kinerja_desktop.core.services.realisasi import ritme_kantor

#: A package not sent for longer than this many days is worth a line (the central office waits for it).
BATAS_HARI_PAKET = 30
#: A backup older than this many days is worth a line.
BATAS_HARI_CADANGAN = 7
#: At most this many units on the pimpinan's list (the least advanced first); the rest on one line.
UNIT_PALING_BANYAK = 8


class Tujuan(StrEnum):
    """Where a line is resolved; the screens map each to a page and its filter."""

    SKP_DIAJUKAN = "skp_diajukan"
    SKP_DRAF = "skp_draf"
    BELUM_DINILAI = "belum_dinilai"
    BELUM_FINAL = "belum_final"
    TANPA_REALISASI = "tanpa_realisasi"
    KURANG_JP = "kurang_jp"
    PAKET = "paket"
    CADANGAN = "cadangan"
    AKUN_TERKUNCI = "akun_terkunci"
    UNIT = "unit"
    AKUN = "akun"


@dataclass(frozen=True)
class Pekerjaan:
    """One line: the sentence, where it leads, and the year, period and unit that page should show."""

    teks: str
    tujuan: Tujuan
    jumlah: int = 0
    tahun: int | None = None
    periode: str | None = None
    unit_id: str | None = None


@dataclass(frozen=True)
class DaftarPekerjaan:
    """The lines for one user; ``periode`` is the office's current period (by its rhythm and the date)."""

    tahun: int
    periode: Periode
    baris: list[Pekerjaan] = field(default_factory=list)

    @property
    def periode_label(self) -> str:
        """ "Triwulan IV 2026"."""
        return f"{self.periode.label} {self.tahun}"


@dataclass(frozen=True)
class Cadangan:
    """What the screens know about backups (files beside the database, not rows in it)."""

    terakhir: datetime | None  # local time of the newest backup, None when there is none
    dipantau: bool = True  # False: this computer cannot make backups of this database


def periode_berjalan(session: Session, hari: date) -> tuple[int, Periode]:
    """The year and the office's period (triwulan or month, by its rhythm) that contain ``hari``."""
    return hari.year, periode_untuk_tanggal(ritme_kantor(session), hari)


def hari_lalu(hari: date, kapan: date) -> str:
    """ "hari ini", "kemarin" or "9 hari lalu"."""
    selisih = (hari - kapan).days
    if selisih <= 0:
        return "hari ini"
    return "kemarin" if selisih == 1 else f"{format_angka(selisih)} hari lalu"


def daftar_pekerjaan(
    session: Session, actor: Actor, hari: date, cadangan: Cadangan | None = None
) -> DaftarPekerjaan:
    """The lines with work waiting for ``actor`` on ``hari``: only counts above zero and stale dates.

    A pejabat penilai sees their direct subordinates; an operator the whole office; an administrator
    also backups and locked accounts; a pimpinan the units that are not done with the period yet.
    """
    require(actor, Izin.LIHAT_DATA)
    tahun, p = periode_berjalan(session, hari)
    daftar = DaftarPekerjaan(tahun, p)
    if actor.peran is Peran.PENILAI:
        daftar.baris.extend(_penilai(session, actor, tahun, p))
    elif actor.peran is Peran.PIMPINAN:
        daftar.baris.extend(_pimpinan(session, tahun, p))
    else:
        daftar.baris.extend(_operator(session, tahun, p, hari))
        if actor.peran is Peran.ADMIN:
            daftar.baris.extend(_admin(session, hari, cadangan))
    return daftar


def _penilai(session: Session, actor: Actor, tahun: int, p: Periode) -> list[Pekerjaan]:
    if actor.pegawai_id is None:
        return [
            Pekerjaan(
                "Akun Anda belum ditautkan ke data pegawai; minta administrator menautkannya agar daftar "
                "bawahan Anda tampil di sini.",
                Tujuan.AKUN,
            )
        ]
    baris = []
    for skp_tahun, n in session.execute(
        select(Skp.tahun, func.count())
        .where(
            Skp.pejabat_penilai_id == actor.pegawai_id,
            Skp.status == StatusSkp.DIAJUKAN.value,
            Skp.dihapus_pada.is_(None),
        )
        .group_by(Skp.tahun)
        .order_by(Skp.tahun)
    ):
        teks = f"{format_angka(n)} SKP {skp_tahun} menunggu persetujuan Anda"
        baris.append(Pekerjaan(teks, Tujuan.SKP_DIAJUKAN, int(n), skp_tahun))
    # The period just ended is rated now (in January: last year's last period and its Akhir Tahun).
    for t, q in (*periode_sebelumnya(session, tahun, p), (tahun, p)):
        total = jumlah(kemajuan_per_unit(session, t, q, atasan_id=actor.pegawai_id, realisasi=False))
        baris.extend(_penilaian(total, t, q, "bawahan"))
    return baris


def periode_sebelumnya(session: Session, tahun: int, p: Periode) -> list[tuple[int, Periode]]:
    """The periods rated just after ``p`` began: the one before it in the office's rhythm, and after the
    first period of a year the previous year's last period and its Akhir Tahun."""
    semua = daftar_periode(ritme_kantor(session), termasuk_akhir=False)
    i = semua.index(p) if p in semua else 0
    if i > 0:
        return [(tahun, semua[i - 1])]
    return [(tahun - 1, semua[-1]), (tahun - 1, periode(AKHIR))]


def _penilaian(total: Kemajuan, tahun: int, p: Periode, siapa: str) -> list[Pekerjaan]:
    label = f"{p.label} {tahun}"
    baris = []
    if total.belum_dinilai:
        teks = f"{format_angka(total.belum_dinilai)} {siapa} belum dinilai {label}"
        baris.append(Pekerjaan(teks, Tujuan.BELUM_DINILAI, total.belum_dinilai, tahun, p.kode))
    if total.belum_final:
        teks = f"{format_angka(total.belum_final)} evaluasi {label} sudah dimulai tetapi belum final"
        baris.append(Pekerjaan(teks, Tujuan.BELUM_FINAL, total.belum_final, tahun, p.kode))
    return baris


def _operator(session: Session, tahun: int, p: Periode, hari: date) -> list[Pekerjaan]:
    baris = []
    # Realisation of a period is reported as it ends: the period just ended comes first when still open.
    sebelum = [(t, q) for t, q in periode_sebelumnya(session, tahun, p) if not q.is_akhir]
    for t, q in (*sebelum, (tahun, p)):
        total = jumlah(kemajuan_per_unit(session, t, q, penilaian=False))
        if total.tanpa_realisasi:
            n = total.tanpa_realisasi
            teks = f"{format_angka(n)} pegawai belum mengisi realisasi {q.label} {t}"
            baris.append(Pekerjaan(teks, Tujuan.TANPA_REALISASI, n, t, q.kode))
    draf = session.scalar(
        select(func.count())
        .select_from(Skp)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(
            Skp.tahun == tahun,
            Skp.status == StatusSkp.DRAFT.value,
            Skp.dihapus_pada.is_(None),
            Pegawai.status_aktif == "aktif",
            Pegawai.dihapus_pada.is_(None),
        )
    )
    if draf:
        baris.append(Pekerjaan(f"{format_angka(draf)} SKP {tahun} masih draf", Tujuan.SKP_DRAF, draf, tahun))
    kurang = _kurang_jp(session, tahun)
    if kurang:
        teks = f"{format_angka(kurang)} pegawai kurang dari {JP_MINIMUM_PNS} JP tahun {tahun}"
        baris.append(Pekerjaan(teks, Tujuan.KURANG_JP, kurang, tahun))
    if total.pegawai == 0 or kantor.get_kantor(session).is_pusat:
        return baris  # nothing to send yet; the central office receives packages rather than sends them
    terakhir = session.scalar(select(func.max(SyncLog.waktu)).where(SyncLog.arah == "ekspor"))
    if terakhir is None:
        baris.append(Pekerjaan("Paket data belum pernah dikirim ke kantor pusat", Tujuan.PAKET))
    elif (hari - _tanggal_lokal(terakhir)).days > BATAS_HARI_PAKET:
        teks = f"Paket terakhir dikirim {hari_lalu(hari, _tanggal_lokal(terakhir))}"
        baris.append(Pekerjaan(teks, Tujuan.PAKET))
    return baris


def _kurang_jp(session: Session, tahun: int) -> int:
    """Active PNS and CPNS with fewer training hours than the yearly minimum (by start date)."""
    jp = jp_per_pegawai(tahun)
    n = session.scalar(
        select(func.count())
        .select_from(Pegawai)
        .outerjoin(jp, jp.c.pegawai_id == Pegawai.id)
        .where(
            Pegawai.status_aktif == "aktif",
            Pegawai.dihapus_pada.is_(None),
            Pegawai.status_kepegawaian != "pppk",
            func.coalesce(jp.c.jp, 0) < JP_MINIMUM_PNS,
        )
    )
    return int(n or 0)


def _tanggal_lokal(waktu: datetime) -> date:
    """The local calendar date of a stored time (stored in UTC; a naive time is taken as UTC)."""
    if waktu.tzinfo is None:
        waktu = waktu.replace(tzinfo=UTC)
    return waktu.astimezone().date()


def _admin(session: Session, hari: date, cadangan: Cadangan | None) -> list[Pekerjaan]:
    baris = []
    if cadangan is not None and cadangan.dipantau:
        if cadangan.terakhir is None:
            baris.append(Pekerjaan("Basis data ini belum pernah dicadangkan", Tujuan.CADANGAN))
        elif (hari - cadangan.terakhir.date()).days > BATAS_HARI_CADANGAN:
            teks = f"Cadangan terakhir {hari_lalu(hari, cadangan.terakhir.date())}"
            baris.append(Pekerjaan(teks, Tujuan.CADANGAN))
    terkunci = session.scalar(
        select(func.count())
        .select_from(Pengguna)
        .where(Pengguna.aktif.is_(True), Pengguna.terkunci_sampai > utcnow())
    )
    if terkunci:
        teks = f"{format_angka(terkunci)} akun terkunci karena salah kata sandi"
        baris.append(Pekerjaan(teks, Tujuan.AKUN_TERKUNCI, terkunci))
    return baris


def _pimpinan(session: Session, tahun: int, p: Periode) -> list[Pekerjaan]:
    """Per unit below the office (with its sub-units): how far the period is, for units not done yet
    (the screen names the period above the lines)."""
    units = session.execute(
        select(UnitKerja.id, UnitKerja.nama, UnitKerja.induk_id)
        .where(UnitKerja.dihapus_pada.is_(None))
        .order_by(UnitKerja.urutan, UnitKerja.nama)
    ).all()
    induk = {u.id: u.induk_id for u in units}
    akar = [u.id for u in units if u.induk_id is None]
    per_unit = kemajuan_per_unit(session, tahun, p)
    puncak: dict[str, Kemajuan] = {}
    for uid, k in per_unit.items():
        atas = _di_bawah_akar(uid, induk, akar)
        if atas is not None:
            puncak.setdefault(atas, Kemajuan()).tambah(k)
    nama = {u.id: u.nama for u in units}
    urutan = {u.id: n for n, u in enumerate(units)}
    belum = [(uid, k) for uid, k in puncak.items() if k.pegawai and k.final < k.pegawai]
    belum.sort(key=lambda item: (item[1].final / item[1].pegawai, urutan[item[0]]))
    label = f"{p.label} {tahun}"
    baris = [
        Pekerjaan(
            f"{nama[uid]}: final {format_angka(k.final)} dari {format_angka(k.pegawai)} pegawai · SKP "
            f"disetujui {format_angka(k.skp_disetujui)} · realisasi {format_angka(k.realisasi)} · dinilai "
            f"{format_angka(k.dinilai)}",
            Tujuan.UNIT,
            k.pegawai - k.final,
            tahun,
            p.kode,
            uid,
        )
        for uid, k in belum[:UNIT_PALING_BANYAK]
    ]
    if len(belum) > UNIT_PALING_BANYAK:
        sisa = len(belum) - UNIT_PALING_BANYAK
        teks = f"{format_angka(sisa)} unit lain belum selesai {label}: lihat halaman Monitoring"
        baris.append(Pekerjaan(teks, Tujuan.UNIT, sisa, tahun, p.kode))
    return baris


def _di_bawah_akar(uid: str | None, induk: dict[str, str | None], akar: list[str]) -> str | None:
    """The unit just below the office's root that holds ``uid`` (the root itself when it is the root)."""
    if uid is None:
        return None
    langkah = uid
    for _ in range(len(induk) + 1):
        atas = induk.get(langkah)
        if atas is None:
            return langkah if langkah in induk else None
        if atas in akar:
            return langkah
        langkah = atas
    return None
