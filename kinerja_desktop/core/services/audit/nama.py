"""Names of the rows audit entries speak of, read in bulk: a few queries a page, never one per entry."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Table, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import Base
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services.audit.label import label_entitas, label_kolom

Nilai = Mapping[str, Any]
_BLOK = 900

#: Per table: the columns its name is made of, the column naming its parent row (and that table).
_BACA: Mapping[str, tuple[tuple[str, ...], tuple[str, str] | None]] = {
    "pegawai": (("nama", "nip"), None),
    "unit_kerja": (("nama",), None),
    "kantor": (("nama",), None),
    "pengguna": (("username", "nama", "peran"), None),
    "perilaku": (("nama",), None),
    "skp": (("tahun", "versi", "pegawai_id"), ("pegawai_id", "pegawai")),
    "evaluasi": (("periode", "skp_id"), ("skp_id", "skp")),
    "rhk": (("teks", "skp_id"), ("skp_id", "skp")),
    "indikator": (("teks", "rhk_id"), ("rhk_id", "rhk")),
    "realisasi": (("periode", "indikator_id"), ("indikator_id", "indikator")),
    "lampiran_skp": (("skp_id",), ("skp_id", "skp")),
    "ekspektasi_perilaku": (("skp_id", "perilaku_id"), ("skp_id", "skp")),
    "rencana_aksi": (("periode", "rhk_id"), ("rhk_id", "rhk")),
    "bukti_dukung": (("periode", "rhk_id"), ("rhk_id", "rhk")),
    "umpan_balik_rhk": (("evaluasi_id", "rhk_id"), ("evaluasi_id", "evaluasi")),
    "umpan_balik_perilaku": (("evaluasi_id", "perilaku_id"), ("evaluasi_id", "evaluasi")),
    "capaian_organisasi": (("unit_kerja_id", "tahun", "periode"), ("unit_kerja_id", "unit_kerja")),
    "tindak_lanjut": (("pegawai_id", "jenis"), ("pegawai_id", "pegawai")),
    "riwayat_jabatan": (("pegawai_id", "jabatan"), ("pegawai_id", "pegawai")),
    "riwayat_pangkat": (("pegawai_id", "golongan"), ("pegawai_id", "pegawai")),
    "pelatihan": (("pegawai_id", "nama"), ("pegawai_id", "pegawai")),
}
#: Second references a name needs beside its parent (the BerAKHLAK value of a feedback, the RHK).
_JUGA: Mapping[str, tuple[tuple[str, str], ...]] = {
    "ekspektasi_perilaku": (("perilaku_id", "perilaku"),),
    "umpan_balik_rhk": (("rhk_id", "rhk"),),
    "umpan_balik_perilaku": (("perilaku_id", "perilaku"),),
}


def singkat(teks: str, panjang: int = 50) -> str:
    """``teks`` on one line, cut at a word with "…" when longer than ``panjang``."""
    satu = " ".join(str(teks).split())
    if len(satu) <= panjang:
        return satu
    return satu[:panjang].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def _periode(kode: Any) -> str:
    try:
        return Periode(str(kode)).label
    except (ValueError, ValidationError):
        return str(kode or "")


@cache
def _gabungan(tabel: str) -> tuple[Table, list[str], FromClause, list[ColumnElement[Any]]]:
    """``tabel`` outer-joined with its parents up the chain, and the columns to read of each (made once:
    building the joined aliases costs more than running the query)."""
    table = Base.metadata.tables[tabel]
    rantai: list[tuple[str, FromClause]] = [(tabel, table)]
    stmt: FromClause = table
    while (induk := _BACA[rantai[-1][0]][1]) is not None:
        fk, tabel_induk = induk
        alias = Base.metadata.tables[tabel_induk].alias()
        stmt = stmt.outerjoin(alias, alias.c.id == rantai[-1][1].c[fk])
        rantai.append((tabel_induk, alias))
    kolom: list[ColumnElement[Any]] = [c for t, a in rantai for c in (a.c.id, *(a.c[k] for k in _BACA[t][0]))]
    return table, [t for t, _a in rantai], stmt, kolom


class DaftarNama:
    """Names of rows by (table, id): ask for them with ``minta``, read them all with ``muat``, then
    ``nama``/``sebutan``. A row gone from the database is named from the values its entry carries."""

    def __init__(self) -> None:
        self._diminta: dict[str, set[str]] = defaultdict(set)
        self._cadangan: dict[tuple[str, str], dict[str, Any]] = {}
        self._nilai: dict[tuple[str, str], dict[str, Any]] = {}

    def minta(self, tabel: str, baris_id: str, *nilai: Nilai | None) -> None:
        """Ask for the name of a row; ``nilai`` are values of it the entry carries (used when it is gone)."""
        if not baris_id or tabel not in _BACA:
            return
        self._diminta[tabel].add(baris_id)
        kunci = (tabel, baris_id)
        for values in nilai:
            if values:
                gabungan = self._cadangan.setdefault(kunci, {})
                for k, v in values.items():
                    if v not in (None, "") and k not in gabungan:
                        gabungan[k] = v

    def muat(self, session: Session) -> None:
        """Read every row asked for with its parents: about one query per table the entries name."""
        baru = {t: set(ids) for t, ids in self._diminta.items()}
        while baru:
            lanjut: dict[str, set[str]] = defaultdict(set)
            for tabel, ids in baru.items():
                ids -= {i for (t, i) in self._nilai if t == tabel}
                if ids:
                    self._baca(session, tabel, ids)
                for baris_id in ids:
                    values = self._values(tabel, baris_id)
                    induk = _BACA[tabel][1]
                    for fk, tabel_induk in (*((induk,) if induk else ()), *_JUGA.get(tabel, ())):
                        ref = values.get(fk)
                        if isinstance(ref, str) and ref and (tabel_induk, ref) not in self._nilai:
                            lanjut[tabel_induk].add(ref)
            baru = {t: ids for t, ids in lanjut.items() if ids}
            for tabel, ids in baru.items():
                self._diminta[tabel] |= ids

    def _baca(self, session: Session, tabel: str, ids: set[str]) -> None:
        """Read rows of ``tabel`` with their parents up the chain (realisasi → … → pegawai) in one
        statement of outer joins, so a deep row costs one query, not one per level."""
        table, rantai, stmt, kolom = _gabungan(tabel)
        daftar = sorted(ids)
        for awal in range(0, len(daftar), _BLOK):  # a page's ids: a few hundred, one statement a table
            blok = daftar[awal : awal + _BLOK]
            for row in session.execute(select(*kolom).select_from(stmt).where(table.c.id.in_(blok))):
                posisi = 0
                for t in rantai:
                    nama_kolom = _BACA[t][0]
                    baris_id, values = row[posisi], row[posisi + 1 : posisi + 1 + len(nama_kolom)]
                    posisi += 1 + len(nama_kolom)
                    if baris_id is not None and (t, baris_id) not in self._nilai:
                        self._nilai[(t, baris_id)] = dict(zip(nama_kolom, values, strict=True))
        for baris_id in ids:
            self._nilai.setdefault((tabel, baris_id), {})

    def _values(self, tabel: str, baris_id: str) -> dict[str, Any]:
        """The row's values: the database's, filled in from its entries' when it is gone."""
        dari_db = self._nilai.get((tabel, baris_id), {})
        cadangan = self._cadangan.get((tabel, baris_id), {})
        return {**cadangan, **dari_db} if cadangan else dari_db

    def ada(self, tabel: str, baris_id: str) -> bool:
        """Whether the row is still in the database (a tombstoned row is)."""
        return bool(self._nilai.get((tabel, baris_id)))

    def pengguna(self, pengguna_id: str | None) -> Nilai:
        return self._values("pengguna", pengguna_id) if pengguna_id else {}

    def nama(self, tabel: str, baris_id: str) -> str | None:
        """The row's own name ("Budi Santoso", "SKP 2026 Budi Santoso"); None when nothing is known."""
        if not baris_id or tabel not in _BACA:
            return None
        v = self._values(tabel, baris_id)
        if not any(v.get(k) not in (None, "") for k in _BACA[tabel][0]):
            return None
        buat = _NAMA.get(tabel)
        return buat(self, v) if buat else None

    def sebutan(self, tabel: str, baris_id: str) -> str:
        """How a sentence names the row, its kind included: "pegawai Budi Santoso", "SKP 2026 Budi"."""
        if tabel == "pengaturan":
            return f"pengaturan {label_kolom('pengaturan', baris_id).lower()}"
        nama = self.nama(tabel, baris_id)
        if nama is None:
            return f"{label_entitas(tabel)} yang sudah tidak ada"
        if tabel in _NAMA_SUDAH_BERJENIS:
            return nama
        return f"{label_entitas(tabel)} {nama}"

    def _ref(self, v: Nilai, fk: str, tabel: str) -> str:
        ref = v.get(fk)
        return (self.nama(tabel, ref) if isinstance(ref, str) else None) or ""


def _skp(d: DaftarNama, v: Nilai) -> str:
    versi = int(v.get("versi") or 1)
    revisi = f" revisi {versi - 1}" if versi > 1 else ""
    return " ".join(p for p in (f"SKP {v.get('tahun', '')}{revisi}", d._ref(v, "pegawai_id", "pegawai")) if p)


def _evaluasi(d: DaftarNama, v: Nilai) -> str:
    skp_id = v.get("skp_id")
    skp = d._values("skp", skp_id) if isinstance(skp_id, str) else {}
    orang = d._ref(skp, "pegawai_id", "pegawai") if skp else ""
    bagian = ("Evaluasi", _periode(v.get("periode")), str(skp.get("tahun", "")), orang)
    return " ".join(p for p in bagian if p)


def _pada(bagian: str, induk: str) -> str:
    return f"{bagian} pada {induk}" if induk else bagian


def _rhk(d: DaftarNama, v: Nilai) -> str:
    return _pada(f"“{singkat(v.get('teks', ''))}”", d._ref(v, "skp_id", "skp"))


def _indikator(d: DaftarNama, v: Nilai) -> str:
    rhk_id = v.get("rhk_id")
    rhk = d._values("rhk", rhk_id) if isinstance(rhk_id, str) else {}
    return _pada(f"“{singkat(v.get('teks', ''))}”", d._ref(rhk, "skp_id", "skp") if rhk else "")


def _induk(d: DaftarNama, v: Nilai, fk: str, tabel: str) -> Nilai:
    ref = v.get(fk)
    return d._values(tabel, ref) if isinstance(ref, str) and ref else {}


def _realisasi(d: DaftarNama, v: Nilai) -> str:
    """ "Triwulan I Budi Santoso, indikator “Jumlah laporan…”": the period and whose, then which."""
    indikator = _induk(d, v, "indikator_id", "indikator")
    skp = _induk(d, _induk(d, indikator, "rhk_id", "rhk"), "skp_id", "skp")
    siapa = f"{_periode(v.get('periode'))} {d._ref(skp, 'pegawai_id', 'pegawai')}".strip()
    teks = indikator.get("teks")
    return f"{siapa}, indikator “{singkat(teks, 40)}”" if teks else siapa


def _capaian(d: DaftarNama, v: Nilai) -> str:
    unit = d._ref(v, "unit_kerja_id", "unit_kerja")
    return f"{unit} {_periode(v.get('periode'))} {v.get('tahun', '')}".strip()


def _rhk_teks(d: DaftarNama, v: Nilai) -> str:
    rhk_id = v.get("rhk_id")
    rhk = d._values("rhk", rhk_id) if isinstance(rhk_id, str) else {}
    return f"RHK “{singkat(rhk.get('teks', ''))}”" if rhk else "RHK"


_NAMA: dict[str, Callable[[DaftarNama, Nilai], str]] = {
    "pegawai": lambda _d, v: str(v.get("nama", "")),
    "unit_kerja": lambda _d, v: str(v.get("nama", "")),
    "kantor": lambda _d, v: str(v.get("nama", "")),
    "perilaku": lambda _d, v: str(v.get("nama", "")),
    "pengguna": lambda _d, v: str(v.get("username", "")),
    "skp": _skp,
    "evaluasi": _evaluasi,
    "rhk": _rhk,
    "indikator": _indikator,
    "realisasi": _realisasi,
    "lampiran_skp": lambda d, v: d._ref(v, "skp_id", "skp"),
    "ekspektasi_perilaku": lambda d, v: _pada(
        d._ref(v, "perilaku_id", "perilaku"), d._ref(v, "skp_id", "skp")
    ),
    "rencana_aksi": lambda d, v: f"{_periode(v.get('periode'))} RHK {d._ref(v, 'rhk_id', 'rhk')}",
    "bukti_dukung": lambda d, v: f"{_periode(v.get('periode'))} RHK {d._ref(v, 'rhk_id', 'rhk')}",
    "umpan_balik_rhk": lambda d, v: _pada(_rhk_teks(d, v), d._ref(v, "evaluasi_id", "evaluasi")),
    "umpan_balik_perilaku": lambda d, v: _pada(
        d._ref(v, "perilaku_id", "perilaku"), d._ref(v, "evaluasi_id", "evaluasi")
    ),
    "capaian_organisasi": _capaian,
    "tindak_lanjut": lambda d, v: f"{v.get('jenis', '')} {d._ref(v, 'pegawai_id', 'pegawai')}".strip(),
    "riwayat_jabatan": lambda d, v: (
        f"“{singkat(v.get('jabatan', ''))}” {d._ref(v, 'pegawai_id', 'pegawai')}".strip()
    ),
    "riwayat_pangkat": lambda d, v: f"{v.get('golongan', '')} {d._ref(v, 'pegawai_id', 'pegawai')}".strip(),
    "pelatihan": lambda d, v: f"“{singkat(v.get('nama', ''))}” {d._ref(v, 'pegawai_id', 'pegawai')}".strip(),
}
#: Tables whose name already says what they are ("SKP 2026 …", "Evaluasi Triwulan I …").
_NAMA_SUDAH_BERJENIS = frozenset({"skp", "evaluasi"})
