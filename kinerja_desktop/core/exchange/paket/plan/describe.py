"""Rows and values as a clerk reads them: "Pegawai 198503302010011002 Budi", "SKP 2026 versi 1 milik …"."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from kinerja_desktop.core.exchange.paket.model import Baris, Paket, make_baris
from kinerja_desktop.core.exchange.paket.schema import Kolom, jenis_tabel
from kinerja_desktop.core.rules.angka import format_angka

_INDUK = ("pegawai_id", "skp_id", "evaluasi_id", "rhk_id", "indikator_id", "unit_kerja_id")
_TEKS = ("nama", "teks", "jabatan", "golongan", "uraian", "keterangan", "umpan_balik", "ekspektasi_khusus")


def _pendek(teks: str, n: int = 50) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"


class Describer:
    """Describes rows of a package or of the database, by their id in this database."""

    def __init__(self, conn: Connection, paket: Paket, peta: dict[str, str]) -> None:
        self._conn = conn
        self._paket = paket
        self._peta = peta
        self._indeks: dict[str, dict[str, Baris]] = {}

    def _baris(self, tabel: str, rid: str) -> Baris | None:
        if tabel not in self._indeks:
            rows = self._paket.baris.get(tabel, [])
            self._indeks[tabel] = {self._peta.get(str(r.get("id")), str(r.get("id"))): r for r in rows}
        row = self._indeks[tabel].get(rid)
        if row is not None:
            return row
        jenis = jenis_tabel(tabel)
        t = jenis.table
        nama = [k.nama for k in jenis.kolom]
        r = self._conn.execute(select(*[t.c[k] for k in nama]).where(t.c.id == rid)).first()
        return make_baris(jenis.kelas, r) if r is not None else None

    def uraian_id(self, tabel: str, rid: str | None) -> str:
        if not rid:
            return ""
        rid = self._peta.get(rid, rid)
        row = self._baris(tabel, rid)
        return self.uraian(tabel, row) if row is not None else f"{jenis_tabel(tabel).lembar} {rid}"

    def uraian(self, tabel: str, row: Baris, *, dengan_induk: bool = True) -> str:
        """One line naming the row by what a clerk knows: NIP and name, year, period, text."""
        g = row.get
        if tabel == "pegawai":
            return f"Pegawai {g('nip') or ''} {g('nama') or ''}".strip()
        if tabel == "kantor":
            return f"Kantor {g('kode') or ''} {g('nama') or ''}".strip()
        if tabel == "perilaku":
            return f"Perilaku {g('nama') or g('urutan')}"
        if tabel == "skp":
            pemilik = self.uraian_id("pegawai", g("pegawai_id"))
            return f"SKP {g('tahun')} versi {g('versi')} milik {pemilik}"
        lembar = jenis_tabel(tabel).lembar
        bagian = [lembar]
        if g("periode"):
            bagian.append(str(g("periode")))
        teks = next((str(g(k)) for k in _TEKS if g(k)), "")
        if teks:
            bagian.append(f"“{_pendek(teks)}”")
        if dengan_induk:
            induk = next(((k, g(k)) for k in _INDUK if g(k)), None)
            if induk is not None:
                tabel_induk = "unit_kerja" if induk[0] == "unit_kerja_id" else induk[0][:-3]
                bagian.append(f"({self.uraian_id(tabel_induk, str(induk[1]))})")
        return " ".join(bagian)

    def display(self, kolom: Kolom, v: Any) -> str:
        """A value as the preview shows it (a reference as the row it names)."""
        if v is None:
            return ""
        if kolom.rujukan and isinstance(v, str) and not kolom.teknis:
            return self.uraian_id(kolom.rujukan, v)
        if isinstance(v, bool):
            return "Ya" if v else "Tidak"
        if isinstance(v, Decimal):
            return format_angka(v)
        if isinstance(v, datetime):
            return f"{v:%d/%m/%Y %H:%M} UTC"
        if isinstance(v, date):
            return f"{v:%d/%m/%Y}"
        if isinstance(v, dict | list):
            return json.dumps(v, ensure_ascii=False, sort_keys=True)
        return str(v)
