"""Staff records: pegawai, their rank and position history, and training hours."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from kinerja_desktop.core.db.base import Base, SyncMixin


class Pegawai(SyncMixin, Base):
    """A civil servant (PNS, CPNS or PPPK). The NIP is a business key, never the identity."""

    __tablename__ = "pegawai"

    kantor_id: Mapped[str] = mapped_column(ForeignKey("kantor.id"), index=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    nama: Mapped[str] = mapped_column(String(150), index=True)
    gelar_depan: Mapped[str] = mapped_column(String(40), default="")
    gelar_belakang: Mapped[str] = mapped_column(String(60), default="")
    tempat_lahir: Mapped[str] = mapped_column(String(100), default="")
    tanggal_lahir: Mapped[date | None] = mapped_column(Date, default=None)
    jenis_kelamin: Mapped[str] = mapped_column(String(1), default="")
    status_kepegawaian: Mapped[str] = mapped_column(String(10), default="pns")
    tmt_cpns: Mapped[date | None] = mapped_column(Date, default=None)
    golongan: Mapped[str] = mapped_column(String(10), default="")
    tmt_golongan: Mapped[date | None] = mapped_column(Date, default=None)
    jabatan: Mapped[str] = mapped_column(String(200), default="")
    jenis_jabatan: Mapped[str] = mapped_column(String(30), default="")
    jenjang_jabatan: Mapped[str] = mapped_column(String(30), default="")
    tmt_jabatan: Mapped[date | None] = mapped_column(Date, default=None)
    unit_kerja_id: Mapped[str | None] = mapped_column(ForeignKey("unit_kerja.id"), index=True, default=None)
    atasan_id: Mapped[str | None] = mapped_column(ForeignKey("pegawai.id"), index=True, default=None)
    email: Mapped[str] = mapped_column(String(100), default="")
    telepon: Mapped[str] = mapped_column(String(50), default="")
    alamat: Mapped[str] = mapped_column(Text, default="")
    foto: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, default=None))
    status_aktif: Mapped[str] = mapped_column(String(20), default="aktif", index=True)
    tanggal_nonaktif: Mapped[date | None] = mapped_column(Date, default=None)
    alasan_nonaktif: Mapped[str] = mapped_column(Text, default="")

    atasan: Mapped[Pegawai | None] = relationship(remote_side="Pegawai.id")

    @property
    def nama_lengkap(self) -> str:
        """Name with academic titles as printed on forms: "Dr. Budi Santoso, S.Kom."."""
        nama = f"{self.gelar_depan} {self.nama}".strip() if self.gelar_depan else self.nama
        return f"{nama}, {self.gelar_belakang}" if self.gelar_belakang else nama


class RiwayatJabatan(SyncMixin, Base):
    """One period in a position and unit; the open one (``sampai`` empty) is current."""

    __tablename__ = "riwayat_jabatan"

    pegawai_id: Mapped[str] = mapped_column(ForeignKey("pegawai.id"), index=True)
    jabatan: Mapped[str] = mapped_column(String(200))
    jenis_jabatan: Mapped[str] = mapped_column(String(30), default="")
    jenjang_jabatan: Mapped[str] = mapped_column(String(30), default="")
    unit_kerja_id: Mapped[str | None] = mapped_column(ForeignKey("unit_kerja.id"), default=None)
    tmt: Mapped[date | None] = mapped_column(Date, default=None)
    sampai: Mapped[date | None] = mapped_column(Date, default=None)
    keterangan: Mapped[str] = mapped_column(Text, default="")


class RiwayatPangkat(SyncMixin, Base):
    """One golongan held from its TMT."""

    __tablename__ = "riwayat_pangkat"

    pegawai_id: Mapped[str] = mapped_column(ForeignKey("pegawai.id"), index=True)
    golongan: Mapped[str] = mapped_column(String(10))
    tmt: Mapped[date | None] = mapped_column(Date, default=None)
    nomor_sk: Mapped[str] = mapped_column(String(100), default="")
    keterangan: Mapped[str] = mapped_column(Text, default="")


class Pelatihan(SyncMixin, Base):
    """A training (pengembangan kompetensi) with its hours in JP."""

    __tablename__ = "pelatihan"
    __table_args__ = (Index("ix_pelatihan_pegawai_mulai", "pegawai_id", "tanggal_mulai"),)

    pegawai_id: Mapped[str] = mapped_column(ForeignKey("pegawai.id"))
    nama: Mapped[str] = mapped_column(String(250))
    penyelenggara: Mapped[str] = mapped_column(String(200), default="")
    tanggal_mulai: Mapped[date] = mapped_column(Date)
    tanggal_selesai: Mapped[date | None] = mapped_column(Date, default=None)
    jp: Mapped[int] = mapped_column(Integer, default=0)
    nomor_sertifikat: Mapped[str] = mapped_column(String(100), default="")
