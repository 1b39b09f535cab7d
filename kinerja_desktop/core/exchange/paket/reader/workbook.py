"""Read a package workbook with python-calamine into a Paket, with every problem found on the way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine

from kinerja_desktop.core.exchange.paket.checksum import checksum_cepat
from kinerja_desktop.core.exchange.paket.compact import Compactor
from kinerja_desktop.core.exchange.paket.labels import (
    LEMBAR_DAFTAR,
    LEMBAR_INFO,
    LEMBAR_PETUNJUK,
    LEMBAR_SIASN,
)
from kinerja_desktop.core.exchange.paket.model import Baris, InfoPaket, Paket
from kinerja_desktop.core.exchange.paket.reader.file_checks import BerkasPaketSalah, check_file
from kinerja_desktop.core.exchange.paket.reader.info import read_info, refuse_foreign_workbook
from kinerja_desktop.core.exchange.paket.reader.values import SUDAH_DIBAGI, NilaiSalah, Peringatan, converter
from kinerja_desktop.core.exchange.paket.schema import Jenis, semua_jenis
from kinerja_desktop.core.exchange.paket.writer.workbook import PaketDibatalkan
from kinerja_desktop.core.exchange.xlsx_checks import BARIS_EXCEL, Batas, BukuKerja
from kinerja_desktop.core.exchange.xlsx_scan import MAKS_RUMUS, Jangkauan
from kinerja_desktop.core.memory import release_memory
from kinerja_desktop.core.rules.angka import format_angka

Kemajuan = Callable[[int, int], bool]  # (done, total) → False to cancel

#: Excel's own row limit per sheet, and a package-wide cap (a year of 15,000 pegawai is 1.25 million).
MAKS_BARIS_LEMBAR = BARIS_EXCEL
MAKS_BARIS_TOTAL = 5_000_000
#: Columns a sheet may have besides its own (a reader's notes, kept and ignored).
MAKS_KOLOM_TAMBAHAN = 10
#: Cells from A1 to the last row and column a sheet may reach (python-calamine holds them all, about
#: 64 bytes each while a sheet is loaded): a sheet's last row is this divided by its columns, at most
#: Excel's. A year of the 15,000-pegawai demo office reaches I336772 in Realisasi, about 3 million.
MAKS_SEL_LEMBAR = 16_000_000
#: The Info sheet: a few dozen rows of two columns.
BATAS_INFO = Batas(baris=1_000, kolom=26)
#: Merged ranges per sheet: each is a problem to list; a package has none.
MAKS_GABUNGAN = 1_000
_SETIAP = 50_000  # rows between progress reports
_POTONG = 5_000  # rows turned into compact rows at a time (their temporary lists stay few)
_SARAN_ASLI = "Minta paket baru dari pengirimnya, atau ambil lagi berkas aslinya."


@dataclass(frozen=True)
class MasalahBaca:
    """One problem found while reading: where (sheet, row, column header) and what to do."""

    lembar: str
    baris: int | None  # the sheet's row number; None for the sheet or the file as a whole
    kolom: str  # the column's header as written; "" when not about one column
    pesan: str
    menghalangi: bool = True  # False: a warning, the import may go on


@dataclass
class HasilBaca:
    """The package as read, every problem found, and whether the data still matches its checksum."""

    paket: Paket
    masalah: list[MasalahBaca] = field(default_factory=list)
    checksum_cocok: bool = True
    checksum_dihitung: str = ""

    @property
    def menghalangi(self) -> bool:
        return any(m.menghalangi for m in self.masalah)


def _kunci(v: Any) -> str:
    return " ".join(str(v).split()).casefold()


def _huruf(i: int) -> str:
    hasil = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        hasil = chr(65 + r) + hasil
    return hasil


class _Reader:
    """Reads the sheets of one open workbook, collecting problems."""

    def __init__(
        self, path: Path, wb: python_calamine.CalamineWorkbook, jangkauan: dict[str, Jangkauan]
    ) -> None:
        self.path = path
        self.wb = wb
        self.jangkauan = jangkauan  # what the file checks found in each sheet, formulas included
        self.masalah: list[MasalahBaca] = []
        self.hemat = Compactor(SUDAH_DIBAGI)  # the converters share equal dates, times and numbers

    def add_problem(
        self, lembar: str, baris: int | None, kolom: str, pesan: str, menghalangi: bool = True
    ) -> None:
        self.masalah.append(MasalahBaca(lembar, baris, kolom, pesan, menghalangi))

    def lembar(self, nama: str) -> Any:
        try:
            return self.wb.get_sheet_by_name(nama)
        except (python_calamine.CalamineError, OSError, ValueError) as exc:
            raise BerkasPaketSalah(
                f"Lembar '{nama}' pada berkas {self.path.name} rusak dan tidak bisa dibaca: {exc}.",
                saran=_SARAN_ASLI,
            ) from exc

    def masalah_sel(self, lembar: str, sheet: Any, judul: Sequence[Any]) -> None:
        """Formulas (from the sheet's XML) and merged cells: both block the import."""
        c0 = (sheet.start or (0, 0))[1]
        for (ra, ca), (rb, cb) in sheet.merged_cell_ranges or []:
            rentang = f"{_huruf(ca)}{ra + 1}:{_huruf(cb)}{rb + 1}"
            self.add_problem(
                lembar,
                ra + 1,
                "",
                f"Sel {rentang} digabung (merge); isi sel yang tergabung hilang. "
                "Pisahkan lagi selnya (Unmerge) dengan isi aslinya, atau minta paket baru.",
            )
        rumus = self.jangkauan[lembar].rumus if lembar in self.jangkauan else []
        for baris, kolom in sorted(set(rumus), key=lambda rc: (rc[0] or 0, rc[1] or 0)):
            i = (kolom or 0) - 1 - c0
            nama = str(judul[i]) if 0 <= i < len(judul) else ""
            self.add_problem(
                lembar,
                baris,
                nama,
                "Sel berisi rumus (formula); paket hanya boleh berisi nilai. "
                "Ganti rumus itu dengan nilai aslinya, atau minta paket baru.",
            )

    def posisi(self, jenis: Jenis, judul: Sequence[Any]) -> list[int]:
        """Each column's index in the sheet, found by its header; missing columns refuse the file."""
        ada: dict[str, int] = {}
        for i, v in enumerate(judul):
            if v == "" or v is None:
                continue
            k = _kunci(v)
            if k in ada:
                self.add_problem(
                    jenis.lembar,
                    1,
                    str(v),
                    "Judul kolom ini muncul dua kali; yang dipakai hanya "
                    "yang pertama. Hapus kolom yang lain.",
                )
            else:
                ada[k] = i
        hilang = [k.judul for k in jenis.kolom if _kunci(k.judul) not in ada]
        if hilang:
            raise BerkasPaketSalah(
                f"Lembar '{jenis.lembar}' pada berkas {self.path.name} tidak memiliki kolom: "
                f"{', '.join(hilang)}.",
                saran="Kolom paket tidak boleh dihapus atau diganti judulnya. " + _SARAN_ASLI,
            )
        dikenal = {_kunci(k.judul) for k in jenis.kolom}
        for k, i in ada.items():
            if k not in dikenal:
                self.add_problem(
                    jenis.lembar, 1, str(judul[i]), "Kolom ini tidak dikenal dan diabaikan.", False
                )
        return [ada[_kunci(k.judul)] for k in jenis.kolom]

    def read_sheet(
        self, jenis: Jenis, sudah: int, total: int, kemajuan: Kemajuan | None
    ) -> tuple[list[Baris], Sequence[int]]:
        sheet = self.lembar(jenis.lembar)
        if sheet.height > MAKS_BARIS_LEMBAR or sudah + sheet.height > MAKS_BARIS_TOTAL:
            raise BerkasPaketSalah(
                f"Lembar '{jenis.lembar}' berisi {format_angka(sheet.height)} baris; batasnya "
                f"{format_angka(MAKS_BARIS_LEMBAR)} per lembar dan {format_angka(MAKS_BARIS_TOTAL)} untuk "
                "seluruh paket.",
                saran="Berkas ini bukan paket yang wajar. " + _SARAN_ASLI,
            )
        r0 = (sheet.start or (0, 0))[0]
        rows = iter(sheet.iter_rows())
        judul: list[Any] = next(rows, [])
        kolom = [
            (j, k.nama, converter(k), k.judul)
            for j, k in zip(self.posisi(jenis, judul), jenis.kolom, strict=True)
        ]
        self.masalah_sel(jenis.lembar, sheet, judul)
        fungsi = [f for _, _, f, _ in kolom]
        lebar = len(kolom)
        berurutan = [j for j, _, _, _ in kolom] == list(range(lebar))  # the usual case: as written
        i_id = jenis.indeks("id")
        hasil: list[Baris] = []
        potong: list[list[Any]] = []
        nomor: list[int] | None = None  # None while each row follows the one before (the usual case)
        pertama = r0 + 2
        ids: set[str] = set()
        ganda: list[tuple[int, str]] = []  # (sheet row, id) of the rows skipped as a copy of an earlier one
        for i, row in enumerate(rows):
            if not any(row) and all(v == "" or v is None for v in row):
                continue  # blank rows are skipped silently
            n = r0 + i + 2
            try:
                if berurutan:
                    d = [f(v) for f, v in zip(fungsi, row, strict=False)]
                    if len(d) < lebar:  # a row cut short: its last cells are empty
                        d.extend(f(None) for f in fungsi[len(d) :])
                else:
                    d = [f(row[j] if j < len(row) else None) for j, _, f, _ in kolom]
            except (NilaiSalah, Peringatan):
                d = self._lambat(jenis.lembar, n, row, kolom)
            rid = d[i_id]
            if not rid:
                self.add_problem(
                    jenis.lembar,
                    n,
                    "ID",
                    "ID kosong; baris tanpa ID tidak bisa dikenali dan dilewati. Kembalikan ID aslinya.",
                )
                continue
            if rid in ids:
                ganda.append((n, rid))
                continue
            ids.add(rid)
            if nomor is None and n != pertama + len(hasil) + len(potong):
                nomor = list(range(pertama, pertama + len(hasil) + len(potong)))
            if nomor is not None:
                nomor.append(n)
            potong.append(d)
            if len(potong) == _POTONG:
                hasil.extend(self.hemat.baris(jenis, potong))
                potong.clear()
                if (
                    kemajuan is not None
                    and len(hasil) % _SETIAP == 0
                    and not kemajuan(sudah + len(hasil), total)
                ):
                    raise PaketDibatalkan()
        hasil.extend(self.hemat.baris(jenis, potong))
        urutan = nomor if nomor is not None else range(pertama, pertama + len(hasil))
        self._report_duplicates(jenis.lembar, ganda, hasil, urutan, i_id)
        return hasil, urutan

    def _report_duplicates(
        self, lembar: str, ganda: list[tuple[int, str]], rows: list[Baris], nomor: Sequence[int], i_id: int
    ) -> None:
        """One message per row skipped because its id was taken by an earlier row (named by its number)."""
        if not ganda:
            return
        dicari = {rid for _, rid in ganda}
        asli = {row[i_id]: nomor[j] for j, row in enumerate(rows) if row[i_id] in dicari}
        for n, rid in ganda:
            pesan = f"ID ini sama dengan baris {asli[rid]}; baris ini dilewati. Hapus salah satunya."
            self.add_problem(lembar, n, "ID", pesan)

    def _lambat(
        self, lembar: str, n: int, row: Sequence[Any], kolom: list[tuple[int, str, Any, str]]
    ) -> list[Any]:
        d: list[Any] = []
        for j, _, f, judul in kolom:
            try:
                d.append(f(row[j] if j < len(row) else None))
            except NilaiSalah as exc:
                d.append(None)
                self.add_problem(lembar, n, judul, exc.pesan)
            except Peringatan as p:
                d.append(p.nilai)
                self.add_problem(lembar, n, judul, p.pesan, False)
        return d


def _open(path: Path) -> python_calamine.CalamineWorkbook:
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        raise BerkasPaketSalah(
            f"Berkas {path.name} tidak bisa dibaca sebagai buku kerja Excel: {exc}.", saran=_SARAN_ASLI
        ) from exc


def _scan(buku: BukuKerja) -> dict[str, Jangkauan]:
    """Scan the sheets the reader loads, each within its limits; refuse what no package holds."""
    batas = {LEMBAR_INFO: BATAS_INFO}
    for j in semua_jenis():
        kolom = len(j.kolom) + MAKS_KOLOM_TAMBAHAN
        batas[j.lembar] = Batas(min(MAKS_BARIS_LEMBAR, MAKS_SEL_LEMBAR // kolom), kolom)
    jangkauan = buku.scan(batas)
    for lembar, h in jangkauan.items():
        if h.rumus_lebih or h.gabungan > MAKS_GABUNGAN:
            apa = "sel rumus (formula)" if h.rumus_lebih else "sel gabungan (merge)"
            batasnya = MAKS_RUMUS if h.rumus_lebih else MAKS_GABUNGAN
            raise BerkasPaketSalah(
                f"Lembar '{lembar}' pada berkas {buku.path.name} berisi lebih dari "
                f"{format_angka(batasnya)} {apa}; paket hanya berisi nilai, tanpa rumus dan sel gabungan.",
                saran=_SARAN_ASLI,
            )
    return jangkauan


def read_paket_info(path: Path) -> InfoPaket:
    """Only the Info sheet of the package at ``path``: who made it, for whom, its key and signature."""
    path = Path(path)
    buku = check_file(path)
    refuse_foreign_workbook(path.name, buku.nama_lembar)
    jangkauan = buku.scan({LEMBAR_INFO: BATAS_INFO})  # before python-calamine loads the sheet
    wb = _open(path)
    try:
        sheet = _Reader(path, wb, jangkauan).lembar(LEMBAR_INFO)
        return read_info(path.name, sheet.to_python(skip_empty_area=False))
    finally:
        wb.close()


def read_paket(path: Path, kemajuan: Kemajuan | None = None) -> HasilBaca:
    """Read the package at ``path``; a file that is not a sound package raises ``BerkasPaketSalah``."""
    path = Path(path)
    buku = check_file(path)
    nama_lembar = buku.nama_lembar
    refuse_foreign_workbook(path.name, nama_lembar)
    jangkauan = _scan(buku)  # before python-calamine loads any sheet
    wb = _open(path)
    try:
        pembaca = _Reader(path, wb, jangkauan)
        info_sheet = pembaca.lembar(LEMBAR_INFO)
        info = read_info(path.name, info_sheet.to_python(skip_empty_area=False))
        pembaca.masalah_sel(LEMBAR_INFO, info_sheet, [])
        daftar = semua_jenis()
        hilang = [j.lembar for j in daftar if j.lembar not in nama_lembar]
        if hilang:
            raise BerkasPaketSalah(
                f"Paket {path.name} tidak lengkap: lembar {', '.join(hilang)} tidak ada.",
                saran="Lembar paket tidak boleh dihapus atau diganti namanya. " + _SARAN_ASLI,
            )
        dikenal = {j.lembar for j in daftar} | {LEMBAR_INFO, LEMBAR_PETUNJUK, LEMBAR_DAFTAR, LEMBAR_SIASN}
        for lain in nama_lembar:
            if lain not in dikenal:
                pembaca.add_problem(lain, None, "", "Lembar ini tidak dikenal dan diabaikan.", False)
        total = max(sum(v for v in info.jumlah.values() if v > 0), 1)
        paket = Paket(info)
        # The largest sheets first: each is read whole into memory, best while the package is still small.
        for jenis in sorted(daftar, key=lambda j: -info.jumlah.get(j.tabel, 0)):
            rows, nomor = pembaca.read_sheet(
                jenis, sum(len(v) for v in paket.baris.values()), total, kemajuan
            )
            release_memory()  # the sheet as calamine held it is freed now
            paket.baris[jenis.tabel], paket.nomor[jenis.tabel] = rows, nomor
            if info.jumlah.get(jenis.tabel, 0) != len(rows):
                tertulis = info.jumlah.get(jenis.tabel, 0)
                pesan = f"Lembar Info menyebut {tertulis} baris, yang terbaca {len(rows)}."
                pembaca.add_problem(jenis.lembar, None, "", pesan, False)
            if kemajuan is not None and not kemajuan(sum(len(v) for v in paket.baris.values()), total):
                raise PaketDibatalkan()
        paket.baris = {j.tabel: paket.baris[j.tabel] for j in daftar}  # back in apply order
        paket.nomor = {j.tabel: paket.nomor[j.tabel] for j in daftar}
        posisi = {j.lembar: i for i, j in enumerate(daftar)}
        # As the user reads them: sheet by sheet, row by row, what is about a whole sheet after its rows.
        pembaca.masalah.sort(key=lambda m: (posisi.get(m.lembar, -1), m.baris or MAKS_BARIS_LEMBAR + 1))
    finally:
        wb.close()
    dihitung = checksum_cepat(paket.baris)  # the same value as checksum_paket, several times faster
    release_memory()
    hasil = HasilBaca(paket, pembaca.masalah, dihitung == info.checksum, dihitung)
    if not hasil.checksum_cocok:
        hasil.masalah.append(
            MasalahBaca(
                LEMBAR_INFO,
                None,
                "Checksum data (SHA-256)",
                "Isi paket tidak cocok lagi dengan checksum-nya: paket ini telah diubah setelah dibuat "
                "(misalnya disunting di Excel), jadi tidak bisa diimpor. Minta paket baru dari pembuatnya.",
                False,
            )
        )
    return hasil
