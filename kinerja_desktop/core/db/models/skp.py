"""SKP planning: the plan, its RHK and indicators, lampiran, behaviour, actions, realisation, evidence."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.core.db.base import Base, SyncMixin, UtcDateTime


class Perilaku(SyncMixin, Base):
    """A BerAKHLAK core value with its three statements (editable master data)."""

    __tablename__ = "perilaku"

    urutan: Mapped[int] = mapped_column(Integer, unique=True)
    nama: Mapped[str] = mapped_column(String(60))
    definisi: Mapped[str] = mapped_column(Text, default="")
    pernyataan: Mapped[list[str]] = mapped_column(JSON, default=list)


class Skp(SyncMixin, Base):
    """Sasaran Kinerja Pegawai for one pegawai and year; a revision is a new ``versi``."""

    __tablename__ = "skp"
    __table_args__ = (UniqueConstraint("pegawai_id", "tahun", "versi"),)

    pegawai_id: Mapped[str] = mapped_column(ForeignKey("pegawai.id"), index=True)
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    versi: Mapped[int] = mapped_column(Integer, default=1)
    periode_awal: Mapped[date] = mapped_column(Date)
    periode_akhir: Mapped[date] = mapped_column(Date)
    pendekatan: Mapped[str] = mapped_column(String(20), default="kuantitatif")
    jenis_form: Mapped[str] = mapped_column(String(10), default="ja_jf")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    catatan_penolakan: Mapped[str] = mapped_column(Text, default="")
    pejabat_penilai_id: Mapped[str | None] = mapped_column(ForeignKey("pegawai.id"), default=None)
    atasan_penilai_id: Mapped[str | None] = mapped_column(ForeignKey("pegawai.id"), default=None)
    diajukan_pada: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    disetujui_pada: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)

    rhk: Mapped[list[Rhk]] = relationship(back_populates="skp", order_by="Rhk.urutan")


class Rhk(SyncMixin, Base):
    """Rencana Hasil Kerja; ``rhk_atasan_id`` is the superior's RHK it intervenes (the cascade).

    ``asal_id`` is the RHK of the approved version a revision copied this one from, so that approving
    the revision moves subordinates' links to it even when its text was reworded. Only revisions set
    it: a copy of last year's SKP is a new plan for another year (links never cross years), and an RHK
    typed in or started from the superior's RHK has no origin.
    """

    __tablename__ = "rhk"

    skp_id: Mapped[str] = mapped_column(ForeignKey("skp.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(10), default="utama")
    teks: Mapped[str] = mapped_column(Text)
    rhk_atasan_id: Mapped[str | None] = mapped_column(ForeignKey("rhk.id"), index=True, default=None)
    asal_id: Mapped[str | None] = mapped_column(ForeignKey("rhk.id"), index=True, default=None)
    perspektif: Mapped[str] = mapped_column(String(30), default="")
    penugasan_dari: Mapped[str] = mapped_column(String(200), default="")
    urutan: Mapped[int] = mapped_column(Integer, default=0)

    skp: Mapped[Skp] = relationship(back_populates="rhk")
    indikator: Mapped[list[Indikator]] = relationship(back_populates="rhk", order_by="Indikator.urutan")


class Indikator(SyncMixin, Base):
    """Indikator Kinerja Individu with its aspek and target (number with unit, range, or text)."""

    __tablename__ = "indikator"

    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id"), index=True)
    aspek: Mapped[str] = mapped_column(String(20), default="kuantitas")
    teks: Mapped[str] = mapped_column(Text)
    target_min: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), default=None)
    target_maks: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), default=None)
    satuan: Mapped[str] = mapped_column(String(60), default="")
    target_teks: Mapped[str] = mapped_column(Text, default="")
    urutan: Mapped[int] = mapped_column(Integer, default=0)

    rhk: Mapped[Rhk] = relationship(back_populates="indikator")


class LampiranSkp(SyncMixin, Base):
    """One numbered item of the Lampiran: dukungan sumber daya, skema pertanggungjawaban, konsekuensi."""

    __tablename__ = "lampiran_skp"

    skp_id: Mapped[str] = mapped_column(ForeignKey("skp.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(20))
    teks: Mapped[str] = mapped_column(Text)
    urutan: Mapped[int] = mapped_column(Integer, default=0)


class EkspektasiPerilaku(SyncMixin, Base):
    """Ekspektasi khusus pimpinan for one BerAKHLAK value in one SKP."""

    __tablename__ = "ekspektasi_perilaku"
    __table_args__ = (UniqueConstraint("skp_id", "perilaku_id"),)

    skp_id: Mapped[str] = mapped_column(ForeignKey("skp.id"), index=True)
    perilaku_id: Mapped[str] = mapped_column(ForeignKey("perilaku.id"))
    ekspektasi_khusus: Mapped[str] = mapped_column(Text, default="")


class RencanaAksi(SyncMixin, Base):
    """A planned action for one RHK in one period."""

    __tablename__ = "rencana_aksi"

    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id"), index=True)
    periode: Mapped[str] = mapped_column(String(8))
    teks: Mapped[str] = mapped_column(Text)
    urutan: Mapped[int] = mapped_column(Integer, default=0)


class Realisasi(SyncMixin, Base):
    """What was achieved on one indicator in one period (number or text)."""

    __tablename__ = "realisasi"
    __table_args__ = (UniqueConstraint("indikator_id", "periode"),)

    indikator_id: Mapped[str] = mapped_column(ForeignKey("indikator.id"))
    periode: Mapped[str] = mapped_column(String(8), index=True)
    nilai: Mapped[Decimal | None] = mapped_column(Numeric(18, 4), default=None)
    teks: Mapped[str] = mapped_column(Text, default="")


class BuktiDukung(SyncMixin, Base):
    """Evidence for one RHK in one period: a note, a link, or a file kept under its content hash."""

    __tablename__ = "bukti_dukung"

    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id"), index=True)
    periode: Mapped[str] = mapped_column(String(8))
    jenis: Mapped[str] = mapped_column(String(10), default="catatan")
    keterangan: Mapped[str] = mapped_column(Text, default="")
    tautan: Mapped[str] = mapped_column(Text, default="")
    nama_berkas: Mapped[str] = mapped_column(String(255), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    ukuran: Mapped[int] = mapped_column(Integer, default=0)


class BerkasBukti(Base):
    """The content of an evidence file on a server database, once per SHA-256 (unused on SQLite,
    where files stay in the data folder). Written and read in Core only: never audited, never loaded
    whole by accident."""

    __tablename__ = "berkas_bukti"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    ukuran: Mapped[int] = mapped_column(Integer)
    isi: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    dibuat: Mapped[datetime] = mapped_column(UtcDateTime())
