"""Progress of one period per unit: SKP approved, realisation filled, rated, final (aggregate counts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kinerja_desktop.core.db.models import Evaluasi, Indikator, Pegawai, Realisasi, Rhk, Skp
from kinerja_desktop.core.model.evaluasi import StatusEvaluasi
from kinerja_desktop.core.model.skp import StatusSkp
from kinerja_desktop.core.rules.periode import Periode


@dataclass
class Kemajuan:
    """Counts of active pegawai of one unit (its own, not its sub-units') in one period.

    ``skp_disetujui``: with an approved SKP of the year; ``wajib_realisasi``: of those, the SKP covers the
    period; ``realisasi``: something realised in the period; ``dinilai``: an evaluation of the period was
    started (draft or final) on an approved SKP; ``final``: that evaluation is final.
    """

    pegawai: int = 0
    skp_disetujui: int = 0
    wajib_realisasi: int = 0
    realisasi: int = 0
    dinilai: int = 0
    final: int = 0

    @property
    def belum_dinilai(self) -> int:
        return self.skp_disetujui - self.dinilai

    @property
    def belum_final(self) -> int:
        """Evaluations started and still a draft."""
        return self.dinilai - self.final

    @property
    def tanpa_realisasi(self) -> int:
        return max(0, self.wajib_realisasi - self.realisasi)

    def tambah(self, lain: Kemajuan) -> None:
        for nama in ("pegawai", "skp_disetujui", "wajib_realisasi", "realisasi", "dinilai", "final"):
            setattr(self, nama, getattr(self, nama) + getattr(lain, nama))


def _pegawai_aktif(atasan_id: str | None) -> list[ColumnElement[bool]]:
    syarat = [Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None)]
    if atasan_id is not None:
        syarat.append(Pegawai.atasan_id == atasan_id)
    return syarat


def _skp_disetujui(tahun: int) -> list[ColumnElement[bool]]:
    return [Skp.tahun == tahun, Skp.status == StatusSkp.DISETUJUI.value, Skp.dihapus_pada.is_(None)]


def kemajuan_per_unit(
    session: Session,
    tahun: int,
    p: Periode,
    *,
    atasan_id: str | None = None,
    realisasi: bool = True,
    penilaian: bool = True,
) -> dict[str | None, Kemajuan]:
    """Counts per unit id (None: pegawai without a unit) of every active pegawai, or only the direct
    subordinates of ``atasan_id``. Four grouped queries over indexed columns, whatever the office's size;
    ``realisasi`` or ``penilaian`` False leaves that query out (and its counts 0) when nobody needs them.

    Rated and final follow the Penilaian grid: a pegawai with an approved SKP of the year counts as rated
    when an evaluation of the period exists on any version of that year's SKP.
    """
    hasil: dict[str | None, Kemajuan] = {}

    def unit(uid: str | None) -> Kemajuan:
        return hasil.setdefault(uid, Kemajuan())

    aktif = _pegawai_aktif(atasan_id)
    for uid, n in session.execute(
        select(Pegawai.unit_kerja_id, func.count()).where(*aktif).group_by(Pegawai.unit_kerja_id)
    ):
        unit(uid).pegawai = int(n)
    lingkup: list[ColumnElement[bool]] = []
    if atasan_id is not None:
        # A superior's few subordinates by id: their SKPs are then found by (pegawai_id, tahun), instead
        # of every approved SKP of the office being checked for its superior.
        lingkup.append(Skp.pegawai_id.in_(list(session.scalars(select(Pegawai.id).where(*aktif)))))
        aktif = [*aktif, *lingkup]

    awal, akhir = p.awal(tahun), p.akhir(tahun)
    mencakup = and_(Skp.periode_awal <= akhir, Skp.periode_akhir >= awal)
    for uid, n, wajib in session.execute(
        select(
            Pegawai.unit_kerja_id,
            func.count(func.distinct(Skp.pegawai_id)),
            func.count(func.distinct(case((mencakup, Skp.pegawai_id), else_=None))),
        )
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(*_skp_disetujui(tahun), *aktif)
        .group_by(Pegawai.unit_kerja_id)
    ):
        unit(uid).skp_disetujui, unit(uid).wajib_realisasi = int(n), int(wajib)

    if realisasi:
        _realisasi(session, tahun, p, aktif, mencakup, unit)
    if penilaian:
        _penilaian(session, tahun, p, aktif, lingkup, unit)
    return hasil


def _realisasi(
    session: Session,
    tahun: int,
    p: Periode,
    aktif: list[ColumnElement[bool]],
    mencakup: ColumnElement[bool],
    unit: Callable[[str | None], Kemajuan],
) -> None:
    # The same join as the Monitoring page (from the period's realisations, ix_realisasi_periode).
    terisi = and_(
        Realisasi.periode == p.kode,
        Realisasi.dihapus_pada.is_(None),
        or_(Realisasi.nilai.is_not(None), Realisasi.teks != ""),
    )
    for uid, n in session.execute(
        select(Pegawai.unit_kerja_id, func.count(func.distinct(Skp.pegawai_id)))
        .select_from(Realisasi)
        .join(Indikator, Indikator.id == Realisasi.indikator_id)
        .join(Rhk, Rhk.id == Indikator.rhk_id)
        .join(Skp, Skp.id == Rhk.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(terisi, Indikator.dihapus_pada.is_(None), Rhk.dihapus_pada.is_(None), mencakup)
        .where(*_skp_disetujui(tahun), *aktif)
        .group_by(Pegawai.unit_kerja_id)
    ):
        unit(uid).realisasi = int(n)


def _penilaian(
    session: Session,
    tahun: int,
    p: Periode,
    aktif: list[ColumnElement[bool]],
    lingkup: list[ColumnElement[bool]],
    unit: Callable[[str | None], Kemajuan],
) -> None:
    disetujui = select(Skp.pegawai_id).where(*_skp_disetujui(tahun), *lingkup)
    final = case((Evaluasi.status == StatusEvaluasi.FINAL.value, Skp.pegawai_id), else_=None)
    for uid, n, n_final in session.execute(
        select(
            Pegawai.unit_kerja_id,
            func.count(func.distinct(Skp.pegawai_id)),
            func.count(func.distinct(final)),
        )
        .select_from(Evaluasi)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(
            Evaluasi.periode == p.kode,
            Evaluasi.dihapus_pada.is_(None),
            Skp.tahun == tahun,
            Skp.dihapus_pada.is_(None),
            Skp.pegawai_id.in_(disetujui),
            *aktif,
        )
        .group_by(Pegawai.unit_kerja_id)
    ):
        unit(uid).dinilai, unit(uid).final = int(n), int(n_final)


def jumlah(per_unit: dict[str | None, Kemajuan]) -> Kemajuan:
    total = Kemajuan()
    for k in per_unit.values():
        total.tambah(k)
    return total
