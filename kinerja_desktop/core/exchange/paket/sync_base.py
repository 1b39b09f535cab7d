"""The sync base: per row and partner office, the version both sides last agreed on (revisi and sidik).

The rule, and why it is sound. A base entry ``(mitra, id) → (revisi, sidik)`` is written

* on **export** to ``mitra``, for every row in the package: after the partner imports it, the partner
  holds exactly these values (a row it had not changed is updated to them, a row it had also changed
  is a conflict the partner resolves — and the partner's choice travels back with a higher revisi);
* on **import** from ``mitra``, for every row applied or found identical (we now hold what the partner
  holds), and for every conflict resolved either way and every stale row (we have now seen the
  partner's version; a later package carrying it again is not news).

So when a row arrives again, "changed since we last agreed" is a comparison with the base on each
side: ours when the local content differs from the base, theirs when the incoming one does (and an
incoming revisi below the base's is simply older). Neither side moves the base without having held
(export) or seen (import) the other's version, and every local edit bumps ``revisi`` through the
session hook, so a change made after the base was written is never mistaken for the agreed version.
Writing the base on both sides of one exchange keeps them symmetric: what central sent to an office
is what the office compares against when it replies, and a conflict resolved at central travels back
with a revisi above both versions, so the office takes it as an update.

The export half assumes the usual cycle: a partner imports what we sent before it sends us changes of
the same rows. A partner that edits a row from its older version without importing ours, and reaches
a revisi at least as high as the one we sent, is taken as an update, not a conflict (a package could
carry the checksum of the last package its maker imported to close that gap).

The partner key. At the central office each partner is an office, keyed by its code (the package's
``kantor_kode`` on import, the paket induk's receiver on export). An office has exactly one partner
for packages in both directions, the central office, yet it learns the central office's code only
when the first paket induk arrives, after it may already have exported. So an office keeps
everything agreed with its central office under the fixed key ``MITRA_PUSAT`` (``kunci_mitra``): a
paket kantor it sends goes to the central office, and a paket induk it receives comes from it (only
the central office makes one). The key cannot be an office code (codes start with a letter or
digit), so it never mixes with a partner keyed by code, and nothing is re-keyed when the code becomes
known: a plan that is cancelled leaves the database as it was, and a later change of the central
office's code does not orphan the bases.

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
from functools import cache, lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.bulk import BulkInsert, blocks, in_values
from kinerja_desktop.core.db.models import SyncBaseline
from kinerja_desktop.core.exchange.paket.model import Baris, Paket
from kinerja_desktop.core.exchange.paket.schema import Jenis, TipeKolom, semua_jenis

#: Technical columns that are bookkeeping, not content: two equal rows may differ in them.
BUKAN_ISI = frozenset({"id", "kantor_asal", "revisi", "diubah_pada"})
_POTONG = 20_000  # entries per executemany
_KOLOM = ("mitra", "baris_id", "tabel", "revisi", "sidik", "id_mitra")
_TABEL: Table = SyncBaseline.__table__  # type: ignore[assignment]
#: The partner key under which an office keeps what it agreed with its central office (see above).
MITRA_PUSAT = "(pusat)"


def kunci_mitra(kode: str, *, di_pusat: bool, mitra_pusat: bool) -> str:
    """The key of the base agreed with office ``kode``.

    ``di_pusat``: this installation is the central office; ``mitra_pusat``: the partner is the central
    office (it made a paket induk we import, or receives the paket kantor we export).
    """
    return MITRA_PUSAT if mitra_pusat and not di_pusat else kode


class Dasar(NamedTuple):
    """The agreed version of one row with one partner."""

    revisi: int
    sidik: str
    id_mitra: str | None


def content_columns(jenis: Jenis) -> tuple[str, ...]:
    """The columns whose values make a row's content (data columns and ``dihapus_pada``)."""
    return tuple(k.nama for k in jenis.kolom if k.nama not in BUKAN_ISI)


@lru_cache(maxsize=65_536)  # decimals, dates and times repeat a lot across rows
def _desimal(v: Any) -> Any:
    if isinstance(v, Decimal | int) and not isinstance(v, bool):
        try:
            return format(Decimal(v).normalize(), "f")
        except InvalidOperation:
            return str(v)
    return v


@lru_cache(maxsize=65_536)
def _waktu(v: Any) -> Any:
    if isinstance(v, datetime):
        w = v.astimezone(UTC) if v.tzinfo is not None else v
        return w.isoformat(timespec="microseconds")
    return _tanggal(v)


@lru_cache(maxsize=65_536)
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
    nama = content_columns(jenis)
    tipe = [jenis.kolom_bernama(n).tipe for n in nama]
    ubah = [(i, _KANON[t]) for i, t in enumerate(tipe) if t in _KANON]
    ambil = itemgetter(*(jenis.indeks(n) for n in nama))

    def sidik(baris: Baris) -> str:
        nilai = list(ambil(baris))
        for i, f in ubah:
            if nilai[i] is not None:
                nilai[i] = f(nilai[i])
        return hashlib.blake2b(repr(nilai).encode(), digest_size=16).hexdigest()

    return sidik


def load_baselines(
    conn: Connection | Session, mitra: str, tabel: str, ids: Iterable[str]
) -> dict[str, Dasar]:
    """The base entries held for ``mitra`` of these local ids of ``tabel``: local id → agreed version."""
    t = _TABEL
    dicari = set(ids)
    milik = (t.c.mitra == mitra) & (t.c.tabel == tabel)
    stmt = select(t.c.baris_id, t.c.revisi, t.c.sidik, t.c.id_mitra).where(milik)
    n = conn.execute(select(func.count()).select_from(t).where(milik)).scalar_one() if dicari else 0
    if n == 0:
        return {}
    if n <= 3 * len(dicari):
        return {r[0]: Dasar(r[1], r[2], r[3]) for r in conn.execute(stmt) if r[0] in dicari}
    hasil: dict[str, Dasar] = {}
    urut = sorted(dicari)
    c = conn if isinstance(conn, Connection) else conn.connection()
    for blok in blocks(c, urut):
        kondisi = in_values(c, t.c.baris_id, blok)
        hasil.update((r[0], Dasar(r[1], r[2], r[3])) for r in conn.execute(stmt.where(kondisi)).all())
    return hasil


def load_aliases(conn: Connection | Session, mitra: str) -> dict[str, str]:
    """The partner's ids for rows merged here under another id: their id → our id."""
    t = _TABEL
    stmt = select(t.c.id_mitra, t.c.baris_id).where(t.c.mitra == mitra, t.c.id_mitra.is_not(None))
    return {r[0]: r[1] for r in conn.execute(stmt)}


class EntriDasar(NamedTuple):
    """One base entry to write."""

    tabel: str
    baris_id: str
    revisi: int
    sidik: str
    id_mitra: str | None = None


def _slices(entri: Iterable[EntriDasar]) -> Iterator[list[EntriDasar]]:
    kumpul: list[EntriDasar] = []
    for e in entri:
        kumpul.append(e)
        if len(kumpul) >= _POTONG:
            yield kumpul
            kumpul = []
    if kumpul:
        yield kumpul


def _sisip(conn: Connection, mitra: str, baru: list[EntriDasar]) -> None:
    """Straight to the driver (``bulk.BulkInsert``): these are plain strings and integers."""
    BulkInsert(conn, _TABEL, _KOLOM).write(
        [(mitra, e.baris_id, e.tabel, e.revisi, e.sidik, e.id_mitra) for e in baru]
    )


def write_baselines(conn: Connection, mitra: str, entri: Iterable[EntriDasar], ada: set[str]) -> int:
    """Insert or update the base entries for ``mitra`` (``ada``: local ids that already have one).

    Written a slice at a time, so a million entries never sit in memory at once. An update keeps a
    remembered partner id unless the entry brings one.
    """
    t = _TABEL
    where = (t.c.mitra == mitra) & (t.c.tabel == bindparam("b_tabel")) & (t.c.baris_id == bindparam("b_id"))
    nilai: dict[str, Any] = {"revisi": bindparam("b_revisi"), "sidik": bindparam("b_sidik")}
    n = 0
    for potong in _slices(entri):
        baru = [e for e in potong if e.baris_id not in ada]
        ubah = [
            {
                "b_tabel": e.tabel,
                "b_id": e.baris_id,
                "b_revisi": e.revisi,
                "b_sidik": e.sidik,
                "b_alias": e.id_mitra,
            }
            for e in potong
            if e.baris_id in ada
        ]
        if baru:
            _sisip(conn, mitra, baru)
        polos = [u for u in ubah if not u["b_alias"]]
        alias = [u for u in ubah if u["b_alias"]]
        if polos:
            conn.execute(update(t).where(where).values(nilai), polos)
        if alias:
            conn.execute(update(t).where(where).values(**nilai, id_mitra=bindparam("b_alias")), alias)
        n += len(potong)
    return n


def record_export(session: Session, paket: Paket, tujuan_kode: str) -> int:
    """Record every row of an exported package as the version agreed with ``tujuan_kode``.

    ``tujuan_kode`` is the receiver's partner key (``kunci_mitra``: ``MITRA_PUSAT`` at an office).

    Call it in the transaction that writes the export's sync log, after the workbook is written.
    Returns the number of base entries written.
    """
    conn = session.connection()
    n = 0
    for jenis in semua_jenis():
        sidik = pembuat_sidik(jenis)
        rows = paket.baris.get(jenis.tabel, [])
        ada = set(load_baselines(conn, tujuan_kode, jenis.tabel, (str(b.id) for b in rows)))
        entri = (EntriDasar(jenis.tabel, str(b.id), int(b.revisi), sidik(b)) for b in rows)
        n += write_baselines(conn, tujuan_kode, entri, ada)
    return n
