"""Optimistic locking: the stamp of the rows a screen shows, checked again before a change is written.

A screen keeps the stamp of what it read and hands it back with the change; the service compares it with
the rows as they are now, inside the writing transaction, and refuses with ``DataBerubah`` (naming who
changed them and when, from the audit log) when they differ. A stamp of ``None`` means "do not check"
(an import, a command that edits without having shown anything first). Every ``SyncMixin`` row
also carries it as SQLAlchemy's ``version_id_col``, so the UPDATE itself is conditional on the revision the
transaction read: a change committed between the check and the write cannot be overwritten either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.engine import begin_sqlite_now
from kinerja_desktop.core.db.models import AuditLog, Pengguna
from kinerja_desktop.core.errors import DataBerubah
from kinerja_desktop.core.rules.tanggal import format_tanggal

#: Who made a change no account made: a command such as ``kinerja-desktop pegawai import``.
SISTEM = "sistem (perintah kinerja-desktop)"
#: A kind of row and which of its rows a screen shows, e.g. ``(Rhk, Rhk.skp_id == skp_id)``.
Part = tuple[type[Any], ColumnElement[bool]]


def stamp(session: Session, *parts: Part) -> str:
    """A text that changes whenever any row of ``parts`` changes.

    Per part the number of rows (deleted ones included: a deletion is a tombstone) and the sum of their
    ``revisi``; adding a row raises the first, every change or deletion the second, so neither repeats.
    """
    texts = []
    for model, where in parts:
        n, total = session.execute(
            select(func.count(), func.coalesce(func.sum(model.revisi), 0)).select_from(model).where(where)
        ).one()
        texts.append(f"{n}.{total}")
    return "-".join(texts)


def content_stamp(values: Iterable[Any]) -> str:
    """The stamp of a row without ``revisi`` (an account): a short hash of the columns a screen edits."""
    text = "\x1f".join("" if v is None else str(v) for v in values)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def ensure_unchanged(session: Session, seen: str | None, *parts: Part) -> None:
    """Refuse with ``DataBerubah`` when the rows of ``parts`` are no longer as the screen read them.

    The first part is the row the others belong to (the SKP, the evaluation): it is locked for writing
    before the stamp is read, so two changes checked against the same stamp at the same moment are
    taken one after the other and the second sees the first (adding a row changes no existing row, so
    ``version_id_col`` alone would let both through).
    """
    if seen is None:
        return
    lock_for_write(session, parts[0])
    if stamp(session, *parts) != seen:
        raise changed(session, *parts)


def lock_for_write(session: Session, part: Part) -> None:
    """Hold the rows of ``part`` for this transaction's writing: ``SELECT … FOR UPDATE`` on a server;
    on SQLite, which locks the whole file, the transaction takes the write lock now (``BEGIN
    IMMEDIATE``, waiting out another writer within the busy timeout) instead of at its first write."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        begin_sqlite_now(connection, immediate=True)
        return
    model, where = part
    session.execute(select(model.id).where(where).with_for_update())


def ensure_row(session: Session, row: Any, seen: int | str | None) -> None:
    """Refuse with ``DataBerubah`` when ``row`` (loaded in this transaction) has another revisi than the
    one the screen read, or was deleted since (a tombstone: the message then says so)."""
    if seen is None:
        return
    if str(row.revisi) != str(seen) or getattr(row, "dihapus_pada", None) is not None:
        raise changed(session, (type(row), type(row).id == row.id))


def changed(session: Session, *parts: Part) -> DataBerubah:
    """The refusal for rows changed meanwhile, naming the last change the audit log holds for them."""
    last: tuple[datetime, int, str, str] | None = None
    nama = func.coalesce(func.nullif(Pengguna.nama, ""), func.nullif(AuditLog.username, "sistem"), SISTEM)
    for model, where in parts:
        ids = select(model.id).where(where)
        found = session.execute(
            select(AuditLog.waktu, AuditLog.id, nama, AuditLog.aksi)
            .outerjoin(Pengguna, Pengguna.id == AuditLog.pengguna_id)
            .where(AuditLog.tabel == model.__tablename__, AuditLog.baris_id.in_(ids))
            .order_by(AuditLog.id.desc())
            .limit(1)
        ).first()
        if found is not None and (last is None or (found[0], found[1]) > (last[0], last[1])):
            last = (found[0], found[1], found[2] or "", found[3])
    if last is None:
        return DataBerubah(pesan_berubah("", None))
    pesan = pesan_berubah(last[2], last[0], dihapus=last[3] == "hapus")
    return DataBerubah(pesan, oleh=last[2], pada=last[0])


def pesan_berubah(
    oleh: str, pada: datetime | None, *, dihapus: bool = False, hari_ini: date | None = None
) -> str:
    """The refusal's text, e.g. "Data ini sudah diubah oleh Sinta pukul 10.42; muat ulang untuk melihat
    perubahannya.", the time in this computer's zone, the date too when it was not today."""
    siapa = f"oleh {oleh}" if oleh else "oleh pengguna lain"
    if pada is None:
        kapan = "sejak dibuka"
    else:
        lokal = pada.astimezone()
        hari = "" if lokal.date() == (hari_ini or date.today()) else f"pada {format_tanggal(lokal.date())} "
        kapan = f"{hari}pukul {lokal:%H.%M}"
    if dihapus:
        return f"Data ini sudah dihapus {siapa} {kapan}; muat ulang untuk melihat daftar terbaru."
    return f"Data ini sudah diubah {siapa} {kapan}; muat ulang untuk melihat perubahannya."
