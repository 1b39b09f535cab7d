"""Numbers behind the home screen's charts: progress per unit, the predikat distribution, the yearly trend."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Executable, and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Evaluasi, Indikator, Pegawai, Realisasi, Rhk, Skp, UnitKerja
from kinerja_desktop.core.model.evaluasi import StatusEvaluasi
from kinerja_desktop.core.model.skp import StatusSkp
from kinerja_desktop.core.rules.periode import AKHIR, Periode, periode_untuk_tanggal
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.core.services.access import Actor, Izin, Peran, require
from kinerja_desktop.core.services.realisasi import ritme_kantor

#: How many years the trend shows, the current one included.
TAHUN_TREN = 5
TANPA_UNIT = "(Tanpa unit kerja)"


@dataclass(frozen=True)
class KemajuanUnit:
    """One unit's active pegawai and how many of them have reached each step of the period."""

    unit_id: str | None
    nama: str
    pegawai: int
    skp_disetujui: int = 0
    realisasi_terisi: int = 0
    dinilai: int = 0
    final: int = 0


@dataclass(frozen=True)
class Kemajuan:
    """Progress per unit for ``periode`` of ``tahun`` (units in the office's order)."""

    tahun: int
    periode: Periode
    units: list[KemajuanUnit] = field(default_factory=list)


@dataclass(frozen=True)
class Sebaran:
    """Pegawai per predikat for one period (``periode`` None: no period has a predikat yet)."""

    tahun: int
    periode: Periode | None
    jumlah: dict[Predikat, int] = field(default_factory=dict)

    @property
    def dinilai(self) -> int:
        return sum(self.jumlah.values())


@dataclass(frozen=True)
class Tren:
    """Final annual (Akhir Tahun) evaluations per year and predikat, oldest year first."""

    tahun: list[int]
    jumlah: dict[int, dict[Predikat, int]] = field(default_factory=dict)

    @property
    def kosong(self) -> bool:
        return not any(sum(per.values()) for per in self.jumlah.values())


@dataclass(frozen=True)
class DataGrafik:
    """``lingkup`` names who is counted ("seluruh kantor", "bawahan langsung Anda")."""

    lingkup: str
    kemajuan: Kemajuan
    sebaran: Sebaran
    tren: Tren


@dataclass(frozen=True)
class Lingkup:
    """Who is counted: ``syarat`` on the pegawai; ``kantor`` when that is the whole office."""

    nama: str
    syarat: ColumnElement[bool]
    kantor: bool


def lingkup(actor: Actor) -> Lingkup:
    """A pejabat penilai's charts count its direct subordinates (as its Penilaian page does); the other
    roles, who see every pegawai, the whole office."""
    if actor.peran is not Peran.PENILAI:
        return Lingkup("seluruh kantor", true(), kantor=True)
    if actor.pegawai_id is None:
        return Lingkup("bawahan langsung Anda", Pegawai.id.is_(None), kantor=False)
    return Lingkup("bawahan langsung Anda", Pegawai.atasan_id == actor.pegawai_id, kantor=False)


def _aktif(syarat: ColumnElement[bool]) -> tuple[ColumnElement[bool], ...]:
    return syarat, Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None)


def data_grafik(session: Session, actor: Actor, hari: date | None = None) -> DataGrafik:
    """All three charts' numbers for ``hari`` (today by default): ten queries, six of them grouped counts."""
    require(actor, Izin.LIHAT_DATA)
    hari = hari or date.today()
    siapa = lingkup(actor)
    p = periode_untuk_tanggal(ritme_kantor(session), hari)
    return DataGrafik(
        siapa.nama,
        kemajuan(session, siapa, hari.year, p),
        sebaran_terakhir(session, siapa.syarat, hari),
        tren(session, siapa.syarat, hari.year),
    )


def unit_utama(session: Session) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Each live unit's top unit (a root's child, or the root itself) and the top units in order."""
    rows = session.execute(
        select(UnitKerja.id, UnitKerja.nama, UnitKerja.induk_id)
        .where(UnitKerja.dihapus_pada.is_(None))
        .order_by(UnitKerja.urutan, UnitKerja.nama)
    ).all()
    induk = {r.id: r.induk_id for r in rows}
    nama = {r.id: r.nama for r in rows}

    def puncak(uid: str) -> str:
        jalur = [uid]
        while (atas := induk.get(jalur[-1])) is not None and atas in induk and atas not in jalur:
            jalur.append(atas)
        return jalur[-2] if len(jalur) > 1 else jalur[-1]

    milik = {r.id: puncak(r.id) for r in rows}
    urutan = list(dict.fromkeys(milik[r.id] for r in rows))
    return milik, [(uid, nama[uid]) for uid in urutan]


def _per_unit(session: Session, stmt: Executable) -> dict[str | None, int]:
    return {uid: int(n) for uid, n in session.execute(stmt)}


def kemajuan(session: Session, siapa: Lingkup, tahun: int, p: Periode) -> Kemajuan:
    """Active pegawai per top unit and how many have an approved SKP, realisation, a predikat, a final one.

    Four grouped queries joined on the pegawai (no IN lists). For the whole office the realisation one
    reads the period's realisasi through ``ix_realisasi_periode`` as the monitoring page does; for a few
    subordinates ``periode || ''`` keeps SQLite off that index, so it goes from the pegawai down to
    each indicator's own row (unique indikator_id + periode) instead of reading the whole period.
    """
    aktif = _aktif(siapa.syarat)
    periode_ini = Realisasi.periode if siapa.kantor else Realisasi.periode.concat("")
    unit = Pegawai.unit_kerja_id
    orang = func.count(func.distinct(Skp.pegawai_id))
    skp_tahun = and_(Skp.tahun == tahun, Skp.dihapus_pada.is_(None))
    disetujui = and_(skp_tahun, Skp.status == StatusSkp.DISETUJUI.value)
    pegawai = _per_unit(session, select(unit, func.count()).where(*aktif).group_by(unit))
    skp = _per_unit(
        session,
        select(unit, orang)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(disetujui, *aktif)
        .group_by(unit),
    )
    terisi = _per_unit(
        session,
        select(unit, orang)
        .select_from(Realisasi)
        .join(Indikator, Indikator.id == Realisasi.indikator_id)
        .join(Rhk, Rhk.id == Indikator.rhk_id)
        .join(Skp, Skp.id == Rhk.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(
            periode_ini == p.kode,
            Realisasi.dihapus_pada.is_(None),
            or_(Realisasi.nilai.is_not(None), Realisasi.teks != ""),
            Indikator.dihapus_pada.is_(None),
            Rhk.dihapus_pada.is_(None),
            disetujui,
            *aktif,
        )
        .group_by(unit),
    )
    dinilai: dict[str | None, int] = {}
    final: dict[str | None, int] = {}
    for uid, n_dinilai, n_final in session.execute(
        select(
            unit,
            func.count(func.distinct(case((Evaluasi.predikat.is_not(None), Skp.pegawai_id)))),
            func.count(func.distinct(case((Evaluasi.status == StatusEvaluasi.FINAL.value, Skp.pegawai_id)))),
        )
        .select_from(Evaluasi)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(skp_tahun, Evaluasi.periode == p.kode, Evaluasi.dihapus_pada.is_(None), *aktif)
        .group_by(unit)
    ):
        dinilai[uid], final[uid] = int(n_dinilai), int(n_final)
    milik, urutan = unit_utama(session)
    jumlah: dict[str | None, list[int]] = {}
    for kolom, angka in enumerate((pegawai, skp, terisi, dinilai, final)):
        for uid, n in angka.items():
            kunci = milik.get(uid) if uid is not None else None
            jumlah.setdefault(kunci, [0] * 5)[kolom] += n
    nama = dict(urutan)
    hasil = [KemajuanUnit(uid, nama[uid], *jumlah[uid]) for uid, _ in urutan if jumlah.get(uid, [0])[0]]
    if jumlah.get(None, [0])[0]:
        hasil.append(KemajuanUnit(None, TANPA_UNIT, *jumlah[None]))
    return Kemajuan(tahun, p, hasil)


def _jumlah_predikat(session: Session, stmt: Executable) -> dict[Predikat, int]:
    jumlah = {pr: 0 for pr in Predikat}
    for predikat, n in session.execute(stmt):
        jumlah[Predikat(str(predikat))] += int(n)
    return jumlah


def sebaran_terakhir(session: Session, syarat: ColumnElement[bool], hari: date) -> Sebaran:
    """Predikat of active pegawai in the latest period (this year or the last) that has any predikat.

    Drafts with a predikat count, as on the Penilaian page; a period that has not started is skipped.
    """
    dasar = and_(
        *_aktif(syarat),
        Skp.dihapus_pada.is_(None),
        Evaluasi.dihapus_pada.is_(None),
        Evaluasi.predikat.is_not(None),
    )
    ada = session.execute(
        select(Skp.tahun, Evaluasi.periode)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(dasar, Skp.tahun.between(hari.year - 1, hari.year))
        .group_by(Skp.tahun, Evaluasi.periode)
    ).all()
    calon = [(int(t), Periode(str(k))) for t, k in ada if Periode(str(k)).awal(int(t)) <= hari]
    if not calon:
        return Sebaran(hari.year, None, {pr: 0 for pr in Predikat})
    tahun, p = max(calon, key=lambda c: (c[0], c[1].urutan))
    jumlah = _jumlah_predikat(
        session,
        select(Evaluasi.predikat, func.count())
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(dasar, Skp.tahun == tahun, Evaluasi.periode == p.kode)
        .group_by(Evaluasi.predikat),
    )
    return Sebaran(tahun, p, jumlah)


def tren(session: Session, syarat: ColumnElement[bool], tahun: int, banyak: int = TAHUN_TREN) -> Tren:
    """Final Akhir Tahun predikat per year for the ``banyak`` years up to ``tahun`` (left staff included)."""
    daftar = list(range(tahun - banyak + 1, tahun + 1))
    jumlah = {t: {pr: 0 for pr in Predikat} for t in daftar}
    for t, predikat, n in session.execute(
        select(Skp.tahun, Evaluasi.predikat, func.count())
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(
            syarat,
            Pegawai.dihapus_pada.is_(None),
            Skp.tahun.between(daftar[0], daftar[-1]),
            Skp.dihapus_pada.is_(None),
            Evaluasi.periode == AKHIR,
            Evaluasi.status == StatusEvaluasi.FINAL.value,
            Evaluasi.dihapus_pada.is_(None),
            Evaluasi.predikat.is_not(None),
        )
        .group_by(Skp.tahun, Evaluasi.predikat)
    ):
        jumlah[int(t)][Predikat(str(predikat))] += int(n)
    return Tren(daftar, jumlah)
