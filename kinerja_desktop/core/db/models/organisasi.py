"""Offices, the unit tree and this installation's settings."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from sqlalchemy import Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from kinerja_desktop.core.db.base import Base, SyncMixin


class Kantor(SyncMixin, Base):
    """An office: this installation's own identity, and at the central office every office it holds."""

    __tablename__ = "kantor"

    kode: Mapped[str] = mapped_column(String(20), unique=True)
    nama: Mapped[str] = mapped_column(String(200))
    instansi: Mapped[str] = mapped_column(String(200), default="")
    tempat: Mapped[str] = mapped_column(String(100), default="")
    alamat: Mapped[str] = mapped_column(Text, default="")
    telepon: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    is_pusat: Mapped[bool] = mapped_column(Boolean, default=False)
    kertas: Mapped[str] = mapped_column(String(4), default="F4")
    ritme: Mapped[str] = mapped_column(String(20), default="triwulan")
    logo: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, default=None))

    units: Mapped[list[UnitKerja]] = relationship(back_populates="kantor")


class UnitKerja(SyncMixin, Base):
    """A unit of the organisation tree: kantor → seksi/bidang → sub-unit."""

    __tablename__ = "unit_kerja"

    kantor_id: Mapped[str] = mapped_column(ForeignKey("kantor.id"), index=True)
    induk_id: Mapped[str | None] = mapped_column(ForeignKey("unit_kerja.id"), index=True, default=None)
    kode: Mapped[str] = mapped_column(String(40), default="")
    nama: Mapped[str] = mapped_column(String(200))
    kepala_id: Mapped[str | None] = mapped_column(ForeignKey("pegawai.id", use_alter=True), default=None)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    ditutup_pada: Mapped[date | None] = mapped_column(Date, default=None)

    kantor: Mapped[Kantor] = relationship(back_populates="units")
    induk: Mapped[UnitKerja | None] = relationship(remote_side="UnitKerja.id", back_populates="anak")
    anak: Mapped[list[UnitKerja]] = relationship(back_populates="induk")


class Pengaturan(Base):
    """Key/value settings of this installation (never travels)."""

    __tablename__ = "pengaturan"
    #: Settings whose value the audit log never shows (this office's private signing key).
    RAHASIA: ClassVar[frozenset[str]] = frozenset({"kunci_privat"})

    kunci: Mapped[str] = mapped_column(String(60), primary_key=True)
    nilai: Mapped[str] = mapped_column(Text, default="")
