"""The rules of ``core/validation`` over a package's sheets, so a row imported obeys what a row typed does.

Column rules (a text's length, a known code, a number or date in range) look at a whole column first
and at its rows only when the column fails (the longest text, the set of codes, the extremes); rules
across one row's columns run per row. Rules that need another row — an evaluation stands on an approved
SKP, its angka kredit follows the months of the period inside that SKP — are checked against the
package's own SKP rows, or ours when the package does not carry them. Each problem is recorded at its
sheet, row and column with the rule's own message and what the sender should do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection

from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.plan.checks import ProblemLog
from kinerja_desktop.core.exchange.paket.plan.local import baris_lokal
from kinerja_desktop.core.exchange.paket.schema import Jenis, TipeKolom, jenis_tabel
from kinerja_desktop.core.validation.base import (
    KARAKTER_KENDALI,
    CodeRule,
    DateRule,
    NumberRule,
    TextRule,
    control_problem,
)
from kinerja_desktop.core.validation.evaluasi import (
    KODE_PERIODE,
    STATUS_SKP_DINILAI,
    angka_kredit_problem,
    bulan_dalam_periode,
    skp_problem,
)
from kinerja_desktop.core.validation.tables import aturan_tabel

#: What the sender does about a row that breaks a rule of the application.
SARAN_ATURAN = "Perbaiki datanya di kantor asal, lalu ekspor ulang paketnya."


def _record(catat: ProblemLog, i: int, kolom: str, pesan: str) -> None:
    catat.record(i, kolom, f"{pesan} {SARAN_ATURAN}")


def _check_text(aturan: TextRule, vals: list[Any], catat: ProblemLog, isi_wajib: bool) -> None:
    """The longest text first; empty texts only where the type check has not looked for them already."""
    try:
        terpanjang = max(map(len, filter(None, vals)), default=0)  # None and "" are never too long
    except TypeError:  # a value that is not a text (the type check reports it): measure the texts only
        terpanjang = max((len(v) for v in vals if type(v) is str), default=0)
    kosong = aturan.wajib and not isi_wajib and any(type(v) is str and not v.strip() for v in vals)
    if terpanjang <= aturan.maks and not kosong and not _has_control(vals):
        return
    for i, v in enumerate(vals):
        masalah = aturan.problem(v) if type(v) is str else None
        if masalah is not None:
            _record(catat, i, aturan.kolom, masalah.pesan)


def _has_control(vals: list[Any]) -> bool:
    """Whether any text of a column holds a control character (one search over the column's texts)."""
    return KARAKTER_KENDALI.search("\n".join(v for v in vals if type(v) is str)) is not None


def _check_control(jenis: Jenis, nama: str, vals: list[Any], catat: ProblemLog) -> None:
    """A text column without a rule of its own (ids, the office code): no control character either."""
    if not _has_control(vals):
        return
    label = next(k.judul for k in jenis.kolom if k.nama == nama)
    for i, v in enumerate(vals):
        masalah = control_problem(nama, label, v) if type(v) is str else None
        if masalah is not None:
            _record(catat, i, nama, masalah.pesan)


def _check_code(aturan: CodeRule, vals: list[Any], catat: ProblemLog) -> None:
    """The set of a column's values first (a handful of codes for a million rows); a value that is not a
    text is the type check's to report."""
    salah = {v for v in {v for v in vals if type(v) is str or v is None} if aturan.problem(v) is not None}
    if not salah:
        return
    for i, v in enumerate(vals):
        if (type(v) is str or v is None) and v in salah:
            masalah = aturan.problem(v)
            if masalah is not None:
                _record(catat, i, aturan.kolom, masalah.pesan)


def _check_range(aturan: NumberRule | DateRule, vals: list[Any], catat: ProblemLog) -> None:
    """The smallest and largest values first."""
    jenis: tuple[type, ...] = (date,) if isinstance(aturan, DateRule) else (int, Decimal)
    isi = [v for v in vals if type(v) in jenis]
    if not isi:
        return
    try:
        rendah, tinggi = min(isi), max(isi)
        bersih = aturan.problem(rendah) is None and aturan.problem(tinggi) is None
    except InvalidOperation:  # a NaN among the numbers
        bersih = False
    if bersih:
        return
    for i, v in enumerate(vals):
        masalah = aturan.problem(v) if type(v) in jenis else None
        if masalah is not None:
            _record(catat, i, aturan.kolom, masalah.pesan)


def check_rules(jenis: Jenis, rows: list[Baris], catat: ProblemLog) -> None:
    """Every rule of the table that needs only the row itself."""
    if not rows:
        return
    aturan = aturan_tabel(jenis.tabel)
    isi_wajib = {k.nama for k in jenis.kolom if k.isi_wajib}

    def kolom(nama: str) -> list[Any]:
        return list(map(attrgetter(nama), rows))

    for teks in aturan.teks:
        _check_text(teks, kolom(teks.kolom), catat, teks.kolom in isi_wajib)
    beraturan = {t.kolom for t in aturan.teks} | {k.kolom for k in aturan.kode}
    for k in jenis.kolom:
        if k.tipe is TipeKolom.TEKS and k.nama not in beraturan:
            _check_control(jenis, k.nama, kolom(k.nama), catat)
    for kode in aturan.kode:
        _check_code(kode, kolom(kode.kolom), catat)
    rentang: tuple[NumberRule | DateRule, ...] = (*aturan.angka, *aturan.tanggal)
    for batas in rentang:
        _check_range(batas, kolom(batas.kolom), catat)
    for periksa in aturan.baris:  # one call per row, its values handed over a column at a time
        for i, temuan in enumerate(map(periksa.periksa, *map(kolom, periksa.kolom))):
            for masalah in temuan:
                if not masalah.peringatan:
                    _record(catat, i, masalah.kolom, masalah.pesan)


def check_evaluasi(
    conn: Connection,
    rows: list[Baris],
    skp_rows: list[Baris],
    catat: ProblemLog,
    id_kami: Callable[[Any], Any],
) -> None:
    """An evaluation stands on an approved SKP, and its angka kredit is the conversion table's for the
    months of its period inside that SKP (the package's version of the SKP, else ours).

    ``id_kami`` turns a package id into this database's id (merged rows).
    """
    skp = {id_kami(r.id): r for r in skp_rows}
    dicari = {id_kami(r.skp_id) for r in rows if type(r.skp_id) is str} - skp.keys()
    if dicari:
        skp.update(baris_lokal(conn, jenis_tabel("skp"), dicari))
    for i, row in enumerate(rows):
        if i in catat.galat or row.dihapus_pada is not None:
            continue
        s = skp.get(id_kami(row.skp_id))
        if s is None:
            continue  # the reference check has said so
        if s.status not in STATUS_SKP_DINILAI:
            masalah = skp_problem(str(s.status))
            if masalah is not None:
                _record(catat, i, "skp_id", masalah.pesan)
            continue
        if row.angka_kredit is None or row.periode not in KODE_PERIODE:
            continue
        if not _tanggal_skp(s):
            continue
        bulan = bulan_dalam_periode(row.periode, s.tahun, s.periode_awal, s.periode_akhir)
        masalah = angka_kredit_problem(row.angka_kredit, row.predikat, bulan)
        if masalah is not None:
            _record(catat, i, "angka_kredit", masalah.pesan)


def _tanggal_skp(s: Baris) -> bool:
    return type(s.tahun) is int and type(s.periode_awal) is date and type(s.periode_akhir) is date
