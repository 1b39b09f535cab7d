"""Appraisal: organisation capaian, evaluations with their feedback and snapshots, follow-up."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.core.db.base import Base, SyncMixin, UtcDateTime


class CapaianUnit(SyncMixin, Base):
    """Capaian kinerja organisasi of one unit for one period, set by the unit's superior.

    The value is a ``rules.distribusi.CapaianOrganisasi`` code; the table is ``capaian_organisasi``.
    """

    __tablename__ = "capaian_organisasi"
    __table_args__ = (UniqueConstraint("unit_kerja_id", "tahun", "periode"),)

    unit_kerja_id: Mapped[str] = mapped_column(ForeignKey("unit_kerja.id"))
    tahun: Mapped[int] = mapped_column(Integer)
    periode: Mapped[str] = mapped_column(String(8))
    capaian: Mapped[str] = mapped_column(String(20))
    ditetapkan_oleh_id: Mapped[str | None] = mapped_column(ForeignKey("pegawai.id"), default=None)
    catatan: Mapped[str] = mapped_column(Text, default="")


class Evaluasi(SyncMixin, Base):
    """Evaluation of one SKP for one period (a triwulan, a month, or AKHIR for the year).

    Once ``status`` is final the three snapshots hold who the pegawai, the pejabat penilai and
    the atasan pejabat penilai were at that moment; printing and exporting use them.
    """

    __tablename__ = "evaluasi"
    __table_args__ = (UniqueConstraint("skp_id", "periode"),)

    skp_id: Mapped[str] = mapped_column(ForeignKey("skp.id"), index=True)
    periode: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(10), default="draf", index=True)
    rating_hasil: Mapped[str | None] = mapped_column(String(10), default=None)
    rating_perilaku: Mapped[str | None] = mapped_column(String(10), default=None)
    predikat: Mapped[str | None] = mapped_column(String(20), default=None)
    capaian_organisasi: Mapped[str | None] = mapped_column(String(20), default=None)
    catatan_rekomendasi: Mapped[str] = mapped_column(Text, default="")
    angka_kredit: Mapped[Decimal | None] = mapped_column(Numeric(10, 3), default=None)
    distribusi_diakui: Mapped[bool] = mapped_column(Boolean, default=False)
    tanggal_evaluasi: Mapped[date | None] = mapped_column(Date, default=None)
    difinalkan_pada: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    difinalkan_oleh: Mapped[str] = mapped_column(String(60), default="")
    alasan_dibuka: Mapped[str] = mapped_column(Text, default="")
    snapshot_pegawai: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    snapshot_penilai: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    snapshot_atasan_penilai: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class UmpanBalikRhk(SyncMixin, Base):
    """Per RHK in one evaluation: the pegawai's own account and the appraiser's feedback."""

    __tablename__ = "umpan_balik_rhk"
    __table_args__ = (UniqueConstraint("evaluasi_id", "rhk_id"),)

    evaluasi_id: Mapped[str] = mapped_column(ForeignKey("evaluasi.id"))
    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id"))
    penilaian_diri: Mapped[str] = mapped_column(Text, default="")
    umpan_balik: Mapped[str] = mapped_column(Text, default="")


class UmpanBalikPerilaku(SyncMixin, Base):
    """The appraiser's feedback on one BerAKHLAK value in one evaluation."""

    __tablename__ = "umpan_balik_perilaku"
    __table_args__ = (UniqueConstraint("evaluasi_id", "perilaku_id"),)

    evaluasi_id: Mapped[str] = mapped_column(ForeignKey("evaluasi.id"))
    perilaku_id: Mapped[str] = mapped_column(ForeignKey("perilaku.id"))
    umpan_balik: Mapped[str] = mapped_column(Text, default="")


class TindakLanjut(SyncMixin, Base):
    """Follow-up of an evaluation (penghargaan, sanksi, pengembangan)."""

    __tablename__ = "tindak_lanjut"

    pegawai_id: Mapped[str] = mapped_column(ForeignKey("pegawai.id"), index=True)
    evaluasi_id: Mapped[str | None] = mapped_column(ForeignKey("evaluasi.id"), default=None)
    jenis: Mapped[str] = mapped_column(String(20))
    uraian: Mapped[str] = mapped_column(Text, default="")
    tanggal: Mapped[date | None] = mapped_column(Date, default=None)
