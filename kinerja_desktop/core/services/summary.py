"""Counts for the home screen: staff, units, SKP of a year by status, evaluations of one period."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Evaluasi, Pegawai, Skp, UnitKerja
from kinerja_desktop.core.services.access import Actor, Izin, require


@dataclass(frozen=True)
class Ringkasan:
    tahun: int
    periode: str
    pegawai_aktif: int
    pegawai_pppk: int
    unit_aktif: int
    skp_per_status: dict[str, int] = field(default_factory=dict)
    evaluasi_final: int = 0
    evaluasi_draf: int = 0

    @property
    def skp_total(self) -> int:
        return sum(self.skp_per_status.values())


def ringkasan(session: Session, actor: Actor, tahun: int, kode_periode: str) -> Ringkasan:
    """One round of cheap aggregate queries (indexed columns only); evaluations of one period only, so a
    count never adds up the periods of a year."""
    require(actor, Izin.LIHAT_DATA)
    aktif = (Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None))
    pegawai_aktif = session.scalar(select(func.count()).select_from(Pegawai).where(*aktif)) or 0
    pppk = session.scalar(
        select(func.count()).select_from(Pegawai).where(*aktif, Pegawai.status_kepegawaian == "pppk")
    )
    unit = session.scalar(
        select(func.count())
        .select_from(UnitKerja)
        .where(UnitKerja.ditutup_pada.is_(None), UnitKerja.dihapus_pada.is_(None))
    )
    skp_rows = session.execute(
        select(Skp.status, func.count())
        .where(Skp.tahun == tahun, Skp.dihapus_pada.is_(None), Skp.status != "diganti")
        .group_by(Skp.status)
    ).all()
    eval_rows = session.execute(
        select(Evaluasi.status, func.count())
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .where(
            Skp.tahun == tahun,
            Evaluasi.periode == kode_periode,
            Evaluasi.dihapus_pada.is_(None),
            Skp.dihapus_pada.is_(None),
        )
        .group_by(Evaluasi.status)
    ).all()
    evals = {status: int(n) for status, n in eval_rows}
    return Ringkasan(
        tahun=tahun,
        periode=kode_periode,
        pegawai_aktif=int(pegawai_aktif),
        pegawai_pppk=int(pppk or 0),
        unit_aktif=int(unit or 0),
        skp_per_status={status: int(n) for status, n in skp_rows},
        evaluasi_final=evals.get("final", 0),
        evaluasi_draf=evals.get("draf", 0),
    )
