"""The sync base: per row and partner office, the version both sides last agreed on (revisi and sidik).

The rule, and why it is sound. A base entry ``(mitra, id) → (revisi, sidik)`` is written

* on **export** to ``mitra``, for every row in the package: after the partner imports it, the partner
  holds exactly these values (a row it had not changed is updated to them, a row it had also changed
  is a conflict the partner resolves — and the partner's choice travels back with a higher revisi);
* on **import** from ``mitra``, for every row applied or found identical (we now hold what the partner
  holds), and for every conflict resolved either way and every stale row (we have now seen the
  partner's version; a later package carrying it again is not news).

So when a row arrives again, "changed since we last agreed" is a comparison with the base on each
side: ours when the local revisi or content differs from the base, theirs when the incoming one does.
Neither side can move the base without having held (export) or seen (import) the other's version, and
every local edit bumps ``revisi`` through the session hook, so a change made after the base was written
is never mistaken for the agreed version. Both sides writing the base for the same exchange keeps them
symmetric: what central sent to an office is what the office will compare against when it replies.

The ``sidik`` is a 128-bit BLAKE2b of the row's content in this database's ids (data columns and
``dihapus_pada``; not ``kantor_asal``, ``revisi`` or ``diubah_pada``), canonical like ``sidik_baris``:
decimals normalised, times in UTC, JSON with sorted keys. It catches a change that did not bump the
revisi (a bulk write, or a workbook edited by hand).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import SinkronDasar
from kinerja_desktop.core.exchange.paket.model import Baris, Paket
from kinerja_desktop.core.exchange.paket.skema import Jenis, TipeKolom, semua_jenis

#: Technical columns that are bookkeeping, not content: two equal rows may differ in them.
BUKAN_ISI = frozenset({"id", "kantor_asal", "revisi", "diubah_pada"})
_BLOK = 900  # ids per IN (...) query: under SQLite's old 999-parameter limit
_TABEL: Table = SinkronDasar.__table__  # type: ignore[assignment]


class Dasar(NamedTuple):
    """The agreed version of one row with one partner."""

    revisi: int
    sidik: str
    id_mitra: str | None


def kolom_isi(jenis: Jenis) -> tuple[str, ...]:
    """The columns whose values make a row's content (data columns and ``dihapus_pada``)."""
    return tuple(k.nama for k in jenis.kolom if k.nama not in BUKAN_ISI)


def _desimal(v: Any) -> Any:
    if isinstance(v, Decimal | int) and not isinstance(v, bool):
        try:
            return format(Decimal(v).normalize(), "f")
        except InvalidOperation:
            return str(v)
    return v


def _waktu(v: Any) -> Any:
    if isinstance(v, datetime):
        w = v.astimezone(UTC) if v.tzinfo is not None else v
        return w.isoformat(timespec="microseconds")
    return _tanggal(v)


def _tanggal(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def _json(v: Any) -> Any:
    return json.dumps(v, sort_keys=True, ensure_ascii=False, default=str) if isinstance(v, dict | list) else v


_KANON: dict[TipeKolom, Callable[[Any], Any]] = {
    TipeKolom.DESIMAL: _desimal,
    TipeKolom.WAKTU: _waktu,
    TipeKolom.TANGGAL: _tanggal,
    TipeKolom.JSON: _json,
}


@cache
def pembuat_sidik(jenis: Jenis) -> Callable[[Baris], str]:
    """``sidik(row)`` for rows of ``jenis`` (missing columns count as empty)."""
    nama = kolom_isi(jenis)
    tipe = [jenis.kolom_bernama(n).tipe for n in nama]
    ubah = [(i, _KANON[t]) for i, t in enumerate(tipe) if t in _KANON]
    ambil = itemgetter(*nama)

    def sidik(baris: Baris) -> str:
        try:
            nilai = list(ambil(baris))
        except KeyError:
            nilai = [baris.get(n) for n in nama]
        for i, f in ubah:
            if nilai[i] is not None:
                nilai[i] = f(nilai[i])
        return hashlib.blake2b(repr(nilai).encode(), digest_size=16).hexdigest()

    return sidik


def _blok(ids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), _BLOK):
        yield ids[i : i + _BLOK]


def muat_dasar(conn: Connection | Session, mitra: str) -> dict[str, Dasar]:
    """Every base entry held for ``mitra``: local id → agreed version."""
    t = _TABEL
    stmt = select(t.c.baris_id, t.c.revisi, t.c.sidik, t.c.id_mitra).where(t.c.mitra == mitra)
    return {r[0]: Dasar(r[1], r[2], r[3]) for r in conn.execute(stmt)}


def alias_mitra(dasar: dict[str, Dasar]) -> dict[str, str]:
    """The partner's ids for rows merged here under another id: their id → our id."""
    return {d.id_mitra: baris_id for baris_id, d in dasar.items() if d.id_mitra}


class EntriDasar(NamedTuple):
    """One base entry to write."""

    tabel: str
    baris_id: str
    revisi: int
    sidik: str
    id_mitra: str | None = None


def tulis_dasar(conn: Connection, mitra: str, entri: Iterable[EntriDasar], ada: set[str]) -> int:
    """Insert or update the base entries for ``mitra`` (``ada``: local ids that already have one).

    An update keeps a remembered partner id unless the entry brings one.
    """
    t = _TABEL
    baru: list[dict[str, Any]] = []
    ubah: list[dict[str, Any]] = []
    ubah_alias: list[dict[str, Any]] = []
    for e in entri:
        if e.baris_id in ada:
            row = {"b_id": e.baris_id, "b_revisi": e.revisi, "b_sidik": e.sidik}
            if e.id_mitra:
                ubah_alias.append({**row, "b_alias": e.id_mitra})
            else:
                ubah.append(row)
        else:
            baru.append(
                {
                    "mitra": mitra,
                    "baris_id": e.baris_id,
                    "tabel": e.tabel,
                    "revisi": e.revisi,
                    "sidik": e.sidik,
                    "id_mitra": e.id_mitra,
                }
            )
    where = (t.c.mitra == mitra) & (t.c.baris_id == bindparam("b_id"))
    nilai: dict[str, Any] = {"revisi": bindparam("b_revisi"), "sidik": bindparam("b_sidik")}
    if baru:
        conn.execute(insert(t), baru)
    if ubah:
        conn.execute(update(t).where(where).values(nilai), ubah)
    if ubah_alias:
        conn.execute(update(t).where(where).values(**nilai, id_mitra=bindparam("b_alias")), ubah_alias)
    return len(baru) + len(ubah) + len(ubah_alias)


def hapus_dasar(conn: Connection, mitra: str, ids: list[str]) -> None:
    """Forget the base of these rows for ``mitra``."""
    t = _TABEL
    for blok in _blok(ids):
        conn.execute(delete(t).where(t.c.mitra == mitra, t.c.baris_id.in_(blok)))


def catat_ekspor(session: Session, paket: Paket, tujuan_kode: str) -> int:
    """Record every row of an exported package as the version agreed with ``tujuan_kode``.

    Call it in the transaction that writes the export's sync log, after the workbook is written.
    Returns the number of base entries written.
    """
    conn = session.connection()
    ada = set(muat_dasar(conn, tujuan_kode))
    entri: list[EntriDasar] = []
    for jenis in semua_jenis():
        sidik = pembuat_sidik(jenis)
        for b in paket.baris.get(jenis.tabel, ()):
            entri.append(EntriDasar(jenis.tabel, str(b["id"]), int(b["revisi"]), sidik(b)))
    return tulis_dasar(conn, tujuan_kode, entri, ada)
