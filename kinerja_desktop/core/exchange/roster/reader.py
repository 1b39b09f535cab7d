"""Open a roster workbook with python-calamine: refuse bad files clearly, find the sheet and its headers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.exchange.roster.columns import (
    FORMAT,
    JUDUL_DIKENAL,
    KOLOM,
    KOLOM_PER_KUNCI,
    LEMBAR_DATA,
    LEMBAR_PENANDA,
    VERSI,
    huruf_kolom,
    kunci_judul,
)
from kinerja_desktop.core.exchange.roster.convert import Sel, kosong, teks
from kinerja_desktop.core.exchange.xlsx_checks import Batas, Gaya, Lembar, check_workbook
from kinerja_desktop.core.exchange.xlsx_scan import MAKS_RUMUS, Jangkauan
from kinerja_desktop.core.rules.angka import format_angka

BARIS_MAKS = 100_000
#: How far a sheet the reader loads may reach: BARIS_MAKS rows of data, a title above the header and the
#: blank formatted rows an export or the template adds below; the roster's columns and a clerk's own
#: (8.8 million cells: python-calamine holds them all while it reads the sheet).
BATAS_LEMBAR = Batas(baris=110_000, kolom=80)
_CARI_JUDUL = 10  # the header row may sit below a title; look this far down
_SARAN_SIMPAN = "Buka berkas di Excel atau LibreOffice, lalu simpan sebagai Buku Kerja Excel (.xlsx)."
_SARAN_NILAI = (
    "Ganti rumus dengan nilainya (salin selnya, lalu Tempel Khusus → Nilai), simpan, lalu impor lagi."
)
#: A cell holding a formula: its value is whatever it last computed, so it is refused, not imported.
PESAN_RUMUS = "Sel berisi rumus (formula); daftar pegawai hanya boleh berisi nilai. " + _SARAN_NILAI


class RosterError(ValidationError):
    """The file as a whole cannot be imported (not a workbook, damaged, not a roster); nothing was changed."""


@dataclass(frozen=True)
class BarisMentah:
    """One non-blank data row: its row number on the sheet and the raw cell per column kunci."""

    baris: int
    sel: dict[str, Sel]
    rumus: frozenset[str] = frozenset()  # the kunci of the cells holding a formula


@dataclass(frozen=True)
class LembarRoster:
    """The roster sheet as read: which column holds what, and the rows below the header."""

    berkas: Path
    lembar: str
    kolom: dict[str, int]
    judul: dict[str, str]
    baris: list[BarisMentah]
    kolom_asing: list[str] = field(default_factory=list)
    penanda: dict[str, str] = field(default_factory=dict)

    def ada(self, kunci: str) -> bool:
        return kunci in self.kolom

    def judul_kolom(self, kunci: str) -> str:
        """The header as written in the file (or the roster's own header for an absent column)."""
        return self.judul.get(kunci) or KOLOM_PER_KUNCI[kunci].judul

    def huruf(self, kunci: str) -> str:
        return huruf_kolom(self.kolom[kunci]) if kunci in self.kolom else ""

    @property
    def kantor_asal(self) -> str:
        return self.penanda.get("kantor", "")


def _gagal(pesan: str, saran: str | None = _SARAN_SIMPAN) -> RosterError:
    return RosterError(pesan, saran=saran)


def _shorten(teks: str, panjang: int = 300) -> str:
    """What a message quotes of the file: at most ``panjang`` characters (a cell can hold 32,767)."""
    return teks if len(teks) <= panjang else teks[: panjang - 1] + "…"


def _refuse(pesan: str, saran: str | None) -> RosterError:
    return RosterError(pesan, saran=saran)


GAYA_ROSTER = Gaya(
    galat=_refuse,
    saran_ulang="Ambil ulang berkas aslinya, atau buka di Excel lalu simpan ulang sebagai .xlsx.",
    saran_format=_SARAN_SIMPAN,
    saran_xls="Buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai Buku Kerja Excel (.xlsx).",
    saran_batas="Hapus isi dan format di luar tabel daftar pegawai (baris di bawahnya dan kolom di sebelah "
    "kanannya), simpan, lalu impor lagi.",
)


def _loaded(lembar: Lembar) -> bool:
    """Whether the reader may load this sheet: the marker, the roster sheet, or any visible sheet."""
    nama = lembar.nama
    return lembar.terlihat or nama == LEMBAR_PENANDA or nama.strip().casefold() == LEMBAR_DATA.casefold()


def _formulas(lembar: str, h: Jangkauan | None) -> dict[int, set[int]]:
    """The formula cells of the roster sheet: row → its columns (both 1-based)."""
    rumus = h.rumus if h is not None else []
    if (h is not None and h.rumus_lebih) or (None, None) in rumus:
        jumlah = f"lebih dari {format_angka(MAKS_RUMUS)} sel" if h is not None and h.rumus_lebih else "sel"
        raise _gagal(
            f"Lembar '{lembar}' berisi rumus (formula) di {jumlah}; daftar pegawai hanya boleh berisi nilai.",
            _SARAN_NILAI,
        )
    hasil: dict[int, set[int]] = {}
    for baris, kolom in rumus:
        if baris is not None and kolom is not None:
            hasil.setdefault(baris, set()).add(kolom)
    return hasil


def _open(path: Path) -> python_calamine.CalamineWorkbook:
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        raise _gagal(f"Berkas {path.name} tidak bisa dibaca sebagai buku kerja Excel: {exc}.") from exc


def _sheet_rows(wb: python_calamine.CalamineWorkbook, nama: str) -> Sequence[Sequence[Sel]]:
    try:
        rows: Sequence[Sequence[Sel]] = wb.get_sheet_by_name(nama).to_python(skip_empty_area=False)
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        raise _gagal(f"Lembar '{nama}' pada berkas ini rusak dan tidak bisa dibaca: {exc}.") from exc
    return rows


def _penanda(wb: python_calamine.CalamineWorkbook, nama_lembar: list[str]) -> dict[str, str]:
    if LEMBAR_PENANDA not in nama_lembar:
        return {}
    hasil: dict[str, str] = {}
    for row in _sheet_rows(wb, LEMBAR_PENANDA):
        if len(row) >= 2 and not kosong(row[0]):
            hasil[teks(row[0]).casefold()] = teks(row[1])
    return hasil


def _check_marker(penanda: dict[str, str], nama: str) -> None:
    bentuk = penanda.get("format", "")
    if not bentuk:
        return
    if not bentuk.startswith(FORMAT):
        if bentuk.startswith("kinerja-desktop"):
            raise _gagal(f"Berkas {nama} adalah '{bentuk}', bukan daftar pegawai.", None)
        return
    versi = bentuk.removeprefix(FORMAT).strip().lstrip("v")
    if versi.isdigit() and int(versi) > VERSI:
        raise _gagal(
            f"Berkas {nama} dibuat oleh versi aplikasi yang lebih baru (format v{versi}).",
            "Perbarui aplikasi Kinerja Desktop ini, lalu impor lagi.",
        )


def _judul(row: Sequence[Sel]) -> dict[str, list[int]]:
    hasil: dict[str, list[int]] = {}
    for i, sel in enumerate(row):
        if isinstance(sel, str) and (kunci := JUDUL_DIKENAL.get(kunci_judul(sel))):
            hasil.setdefault(kunci, []).append(i)
    return hasil


def _baris_judul(rows: Sequence[Sequence[Sel]], minimal: int) -> int | None:
    for i, row in enumerate(rows[:_CARI_JUDUL]):
        if len(_judul(row)) >= minimal:
            return i
    return None


def _choose_sheet(
    wb: python_calamine.CalamineWorkbook, nama: str
) -> tuple[str, Sequence[Sequence[Sel]], int]:
    lembar_kerja = [m for m in wb.sheets_metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
    terlihat = [m.name for m in lembar_kerja if m.visible == python_calamine.SheetVisibleEnum.Visible]
    utama = [m.name for m in lembar_kerja if m.name.strip().casefold() == LEMBAR_DATA.casefold()]
    if utama:
        rows = _sheet_rows(wb, utama[0])
        i = _baris_judul(rows, 2)
        if i is None:
            pertama = next((r for r in rows if any(not kosong(v) for v in r)), [])
            ada = _shorten(", ".join(teks(v) for v in pertama if not kosong(v))) or "(kosong)"
            raise _gagal(
                f"Lembar '{utama[0]}' pada berkas {nama} tidak memuat judul kolom daftar pegawai "
                f"(NIP, Nama, …). Baris pertamanya berisi: {ada}.",
                "Gunakan templat daftar pegawai dari aplikasi, atau beri judul kolom seperti pada templat.",
            )
        return utama[0], rows, i
    for lembar in terlihat:
        rows = _sheet_rows(wb, lembar)
        i = _baris_judul(rows, 3)
        if i is not None and {"nip", "nama"} & set(_judul(rows[i])):
            return lembar, rows, i
    raise _gagal(
        f"Berkas {nama} bukan daftar pegawai: tidak ada lembar '{LEMBAR_DATA}' dan tidak ada lembar "
        f"berjudul kolom NIP dan Nama. Lembar yang ada: {', '.join(terlihat) or '(tidak ada)'}.",
        "Gunakan templat daftar pegawai dari aplikasi (menu Pegawai → Templat Excel).",
    )


def read_roster(path: Path) -> LembarRoster:
    """Read the roster sheet; raises RosterError (in Indonesian) for any file-level problem."""
    path = Path(path)
    buku = check_workbook(path, GAYA_ROSTER)
    jangkauan = buku.scan({x.nama: BATAS_LEMBAR for x in buku.lembar if _loaded(x)})  # before calamine
    wb = _open(path)
    try:
        nama_lembar = list(wb.sheet_names)
        penanda = _penanda(wb, nama_lembar)
        _check_marker(penanda, path.name)
        lembar, rows, i_judul = _choose_sheet(wb, path.name)
    finally:
        wb.close()
    judul_row = rows[i_judul]
    posisi = _judul(judul_row)
    ganda = {k: v for k, v in posisi.items() if len(v) > 1}
    if ganda:
        uraian = "; ".join(
            f"{KOLOM_PER_KUNCI[k].judul} (kolom {' dan '.join(huruf_kolom(i) for i in v)})"
            for k, v in ganda.items()
        )
        raise _gagal(f"Lembar '{lembar}' memiliki judul kolom ganda: {uraian}.", "Hapus salah satunya.")
    kolom = {k: v[0] for k, v in posisi.items()}
    wajib = [k.judul for k in KOLOM if k.wajib and k.kunci not in kolom]
    if wajib:
        ada = _shorten(", ".join(teks(v) for v in judul_row if not kosong(v)))
        raise _gagal(
            f"Lembar '{lembar}' tidak memiliki kolom wajib: {', '.join(wajib)}. Kolom yang ada: {ada}.",
            "Tambahkan kolom itu dengan judul yang sama seperti pada templat.",
        )
    dikenal = set(kolom.values())
    asing = [teks(v) for i, v in enumerate(judul_row) if not kosong(v) and i not in dikenal]
    data = rows[i_judul + 1 :]
    if len(data) > BARIS_MAKS:
        raise _gagal(
            f"Lembar '{lembar}' berisi {format_angka(len(data))} baris; batasnya {format_angka(BARIS_MAKS)}."
        )
    rumus = _formulas(lembar, jangkauan.get(lembar))
    baris: list[BarisMentah] = []
    for n in sorted(set(range(i_judul + 2, i_judul + 2 + len(data))) | {r for r in rumus if r > i_judul + 1}):
        row = data[n - i_judul - 2] if n - i_judul - 2 < len(data) else []
        sel = {k: (row[i] if i < len(row) else None) for k, i in kolom.items()}
        dirumus = frozenset(k for k, i in kolom.items() if i + 1 in rumus.get(n, ()))
        if not dirumus and all(kosong(v) for v in sel.values()):
            continue
        baris.append(BarisMentah(n, sel, dirumus))
    judul = {k: teks(judul_row[i]) for k, i in kolom.items()}
    return LembarRoster(path, lembar, kolom, judul, baris, asing, penanda)
