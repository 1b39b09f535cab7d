"""One import per office at a time on a database server: a transaction-scoped advisory lock."""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import KnownError


def lock_key(kantor_kode: str) -> int:
    """The signed 64-bit advisory lock key of imports from ``kantor_kode`` (the same on every PC)."""
    digest = hashlib.sha256(f"kinerja-desktop impor {kantor_kode.upper()}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def lock_office_import(session: Session, kantor_kode: str) -> None:
    """Take the import lock of ``kantor_kode`` until the session's transaction ends, or refuse.

    On PostgreSQL two staff importing packages of the same office at once would race on the same rows;
    the second is refused at once with what to do (imports of different offices go on side by side).
    SQLite lets one writer in at a time anyway, and the plan is checked again once it is in.
    """
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return
    dapat = conn.execute(text("SELECT pg_try_advisory_xact_lock(:kunci)"), {"kunci": lock_key(kantor_kode)})
    if not dapat.scalar():
        raise KnownError(
            f"Paket kantor {kantor_kode} sedang diimpor oleh staf lain saat ini, jadi paket ini belum "
            "diimpor.",
            saran="Tunggu sampai impor itu selesai, lalu buat rencana impor paket ini lagi: datanya mungkin "
            "sudah berubah karena impor itu.",
        )
