"""Reading the audit log: filtered, newest first, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import AuditLog
from kinerja_desktop.core.services.access import Actor, Izin, require

AKSI_LABEL = {
    "tambah": "Tambah",
    "ubah": "Ubah",
    "hapus": "Hapus",
    "login": "Masuk",
    "login_gagal": "Gagal masuk",
    "akun_terkunci": "Akun terkunci",
    "buka_kunci": "Buka kunci",
    "cadangan": "Cadangan",
    "pulihkan": "Pemulihan",
    "demo": "Data demo",
}


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as the audit screen shows it."""

    id: int
    waktu: datetime
    username: str
    aksi: str
    tabel: str
    baris_id: str
    sebelum: dict[str, Any] | None
    sesudah: dict[str, Any] | None
    keterangan: str

    @property
    def aksi_label(self) -> str:
        return AKSI_LABEL.get(self.aksi, self.aksi)

    def ringkasan(self) -> str:
        """A one-line summary: the note, or the changed fields as ``field: old → new``."""
        if self.keterangan:
            return self.keterangan
        before, after = self.sebelum or {}, self.sesudah or {}
        keys = sorted(set(before) | set(after))
        if self.aksi == "ubah":
            parts = [f"{k}: {before.get(k)!s} → {after.get(k)!s}" for k in keys]
        else:
            source = after or before
            shown = [k for k in keys if k in source and source[k] not in (None, "") and not _technical(k)]
            shown.sort(key=lambda k: (_PREFERRED.index(k) if k in _PREFERRED else len(_PREFERRED), k))
            parts = [f"{k}={source[k]!s}" for k in shown[:6]]
        return "; ".join(parts)


# Columns that say what a row is, shown first in a summary; ids and sync columns are left out.
_PREFERRED = (
    "nama",
    "nip",
    "username",
    "kode",
    "teks",
    "jabatan",
    "tahun",
    "periode",
    "status",
    "kunci",
    "nilai",
)


def _technical(key: str) -> bool:
    return key in {"id", "kantor_asal", "dihapus_pada", "password_hash"} or key.endswith("_id")


@dataclass(frozen=True)
class AuditFilter:
    teks: str = ""
    aksi: str = ""
    tabel: str = ""
    dari: date | None = None
    sampai: date | None = None


def _conditions(f: AuditFilter) -> list[Any]:
    cond: list[Any] = []
    if f.aksi:
        cond.append(AuditLog.aksi == f.aksi)
    if f.tabel:
        cond.append(AuditLog.tabel == f.tabel)
    if f.dari:
        cond.append(AuditLog.waktu >= datetime.combine(f.dari, time.min).astimezone())
    if f.sampai:
        cond.append(AuditLog.waktu < datetime.combine(f.sampai + timedelta(days=1), time.min).astimezone())
    if f.teks.strip():
        like = f"%{f.teks.strip()}%"
        cond.append(
            or_(AuditLog.username.ilike(like), AuditLog.keterangan.ilike(like), AuditLog.baris_id == f.teks)
        )
    return cond


def count_audit(session: Session, actor: Actor, f: AuditFilter) -> int:
    require(actor, Izin.LIHAT_AUDIT)
    return int(session.scalar(select(func.count()).select_from(AuditLog).where(*_conditions(f))) or 0)


def list_audit(
    session: Session, actor: Actor, f: AuditFilter, *, offset: int = 0, limit: int = 200
) -> list[AuditRow]:
    """Entries matching ``f``, newest first."""
    require(actor, Izin.LIHAT_AUDIT)
    stmt = (
        select(AuditLog)
        .where(*_conditions(f))
        .order_by(AuditLog.waktu.desc(), AuditLog.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [
        AuditRow(
            id=e.id,
            waktu=e.waktu,
            username=e.username,
            aksi=e.aksi,
            tabel=e.tabel,
            baris_id=e.baris_id,
            sebelum=e.sebelum,
            sesudah=e.sesudah,
            keterangan=e.keterangan,
        )
        for e in session.scalars(stmt)
    ]


def audit_tables(session: Session) -> list[str]:
    return [t for t in session.scalars(select(AuditLog.tabel).distinct().order_by(AuditLog.tabel)) if t]
