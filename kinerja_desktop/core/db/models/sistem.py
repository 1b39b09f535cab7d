"""Local system tables: user accounts, the audit log and the sync log (these never travel)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.core.db.base import Base, UtcDateTime, new_id, utcnow


class Pengguna(Base):
    """A local account with one role; a penilai is linked to the pegawai they are."""

    __tablename__ = "pengguna"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    nama: Mapped[str] = mapped_column(String(150), default="")
    peran: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    pegawai_id: Mapped[str | None] = mapped_column(ForeignKey("pegawai.id"), default=None)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    gagal_login: Mapped[int] = mapped_column(Integer, default=0)
    terkunci_sampai: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    harus_ganti_sandi: Mapped[bool] = mapped_column(Boolean, default=False)
    dibuat_pada: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    login_terakhir: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class AuditLog(Base):
    """Who changed what, when, from which value to which (written in the same transaction)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    waktu: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    pengguna_id: Mapped[str | None] = mapped_column(String(36), default=None)
    username: Mapped[str] = mapped_column(String(60), default="")
    aksi: Mapped[str] = mapped_column(String(20))
    tabel: Mapped[str] = mapped_column(String(40), default="", index=True)
    baris_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    sebelum: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    sesudah: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    keterangan: Mapped[str] = mapped_column(Text, default="")
    #: The import (package or roster) that wrote this entry; None for everything else.
    sync_log_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)


class SyncLog(Base):
    """One package exported or imported: file hash, office, counts and who did it."""

    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    waktu: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    arah: Mapped[str] = mapped_column(String(10))
    jenis_paket: Mapped[str] = mapped_column(String(20))
    nama_berkas: Mapped[str] = mapped_column(String(255), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    kantor_kode: Mapped[str] = mapped_column(String(20), default="")
    tahun: Mapped[int | None] = mapped_column(Integer, default=None)
    jumlah: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    pengguna_id: Mapped[str | None] = mapped_column(String(36), default=None)
    username: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[str] = mapped_column(String(20), default="selesai")
    keterangan: Mapped[str] = mapped_column(Text, default="")


class SyncBaseline(Base):
    """The version of one travelling row last agreed with one partner office (the base of a 3-way merge).

    Written on export (what we sent becomes the base for that partner) and on import (what we received
    and applied, or found identical, becomes the base). ``id_mitra`` is the partner's own id for the row
    when the two were born apart and merged by business key. Never travels. (The table keeps the name
    it was created with, ``sinkron_dasar``.)
    """

    __tablename__ = "sinkron_dasar"
    # One entry per row and partner: a million for a big office. Without a rowid the primary key is
    # the table itself (one B-tree to write instead of two); the table name before the id keeps each
    # sheet's entries together, so a sheet written in id order appends instead of scattering.
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012

    mitra: Mapped[str] = mapped_column(String(20), primary_key=True)
    tabel: Mapped[str] = mapped_column(String(40), primary_key=True)
    baris_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revisi: Mapped[int] = mapped_column(Integer)
    sidik: Mapped[str] = mapped_column(String(32))
    id_mitra: Mapped[str | None] = mapped_column(String(36), default=None)
