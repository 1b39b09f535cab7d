"""Workbook file safety before python-calamine opens it: a sound xlsx zip of sane size, sane sheets.

python-calamine aborts the whole process (no exception, the GUI dies with it) when a workbook asks it
for more memory than there is: a cell at XFD1048576, a shared-string count of ten billion, a long
shared string copied into every cell. Both readers (the roster and the package) therefore call
``check_workbook`` on the file, then ``BukuKerja.scan`` on the sheets they will read, before calamine
sees it; both find everything calamine would read the way calamine finds it (the sheet parts through
``_rels/.rels``, ``xl/workbook.xml`` and its relationships, zip names compared without case).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.xlsx_scan import (
    JAUH,
    POTONGAN,
    Jangkauan,
    SheetTidakLazim,
    TeksBersama,
    huruf_kolom,
    read_ref,
    scan_sheet,
)
from kinerja_desktop.core.rules.angka import format_angka

#: Uncompressed size of the whole workbook: a year of the 15,000-pegawai demo office is about 0.5 GB.
MAKS_UKURAN_ISI = 4 * 1024**3
#: One part may not inflate more than this many times (a "zip bomb"); xlsx sheets inflate 5–20×.
MAKS_RASIO = 200
#: The parts read whole when the workbook is opened (workbook.xml, relationships, styles.xml).
MAKS_BAGIAN_KECIL = 32 * 1024**2
#: Distinct shared strings: python-calamine keeps them all, and reserves room for as many as the file says.
MAKS_TEKS_BERSAMA = 10_000_000
#: Bytes of shared strings the cells of one sheet may copy (calamine gives every cell its own copy).
MAKS_TEKS_LEMBAR = 256 * 1024**2
#: Parts in the zip: Python's zipfile holds a record of each in memory (about 500 bytes), from a
#: directory entry of 46 bytes; a workbook has a few dozen, a few hundred with many pictures.
MAKS_BAGIAN = 10_000
#: Excel's own last row.
BARIS_EXCEL = 1_048_576

_ERROR_ZIP = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)
_STRING_BERSAMA = "sharedStrings.xml"
_AKHIR_ZIP = struct.Struct("<4s4H2LH")  # the end of central directory record
_PENUNJUK_ZIP64 = struct.Struct("<4sLQL")  # its zip64 locator, just before it
_AKHIR_ZIP64 = struct.Struct("<4sQ2H2L4Q")
_TERLALU_BANYAK_TEKS = "terlalu besar bila dibuka"


@dataclass(frozen=True)
class Gaya:
    """How one reader words a refusal: the error it raises and what it tells the clerk to do."""

    galat: Callable[[str, str | None], KnownError]
    saran_ulang: str  # a damaged or unreasonable file: where to get a sound one
    saran_format: str  # a text file, or a workbook of another format
    saran_xls: str  # an old .xls, or a workbook protected by a password
    saran_batas: str  # a sheet reaching beyond its limits

    def refuse(self, pesan: str, saran: str | None = None) -> KnownError:
        return self.galat(pesan, saran)


@dataclass(frozen=True)
class Batas:
    """How far one sheet may reach: its last row and its last column (1-based).

    python-calamine holds every cell from A1 to there (about 64 bytes each while a sheet is loaded), so
    the two together bound the memory one sheet can take.
    """

    baris: int
    kolom: int


@dataclass(frozen=True)
class Lembar:
    """One sheet as the workbook lists it, and the part of the zip that holds its cells."""

    nama: str
    part: zipfile.ZipInfo
    terlihat: bool


def _count_parts(path: Path) -> int:
    """The number of parts the zip's directory announces, read from its last bytes (0 if none found)."""
    with path.open("rb") as f:
        f.seek(0, 2)
        ukuran = f.tell()
        f.seek(max(0, ukuran - _AKHIR_ZIP.size - 65_535))
        ekor = f.read()
        i = ekor.rfind(b"PK\x05\x06")
        if i < 0 or len(ekor) - i < _AKHIR_ZIP.size:
            return 0  # not a zip: zipfile says so
        jumlah = int(_AKHIR_ZIP.unpack_from(ekor, i)[4])
        j = i - _PENUNJUK_ZIP64.size
        if jumlah == 0xFFFF and j >= 0 and ekor[j : j + 4] == b"PK\x06\x07":
            f.seek(_PENUNJUK_ZIP64.unpack_from(ekor, j)[2])
            data = f.read(_AKHIR_ZIP64.size)
            if len(data) == _AKHIR_ZIP64.size and data[:4] == b"PK\x06\x06":
                jumlah = int(_AKHIR_ZIP64.unpack(data)[7])
        return jumlah


def _kunci(nama: str) -> str:
    """A zip name as calamine looks it up: without case, "\\" as "/"."""
    return nama.replace("\\", "/").lower()


def check_workbook(path: Path, gaya: Gaya) -> BukuKerja:
    """Refuse what is not a sound, sanely sized xlsx; nothing of its sheets is inflated yet."""
    nama = path.name
    if not path.exists():
        raise gaya.refuse(f"Berkas {path} tidak ditemukan.", "Periksa nama dan folder berkasnya.")
    if not path.is_file():
        raise gaya.refuse(f"{path} adalah folder, bukan berkas .xlsx.", "Pilih berkas .xlsx-nya.")
    try:
        with path.open("rb") as f:
            awal = f.read(8)
    except OSError as exc:
        raise gaya.refuse(f"Berkas {nama} tidak bisa dibaca: {exc.strerror or exc}.") from exc
    if not awal:
        raise gaya.refuse(f"Berkas {nama} kosong (0 bita).", gaya.saran_ulang)
    if awal.startswith(b"\xd0\xcf\x11\xe0"):
        raise gaya.refuse(
            f"Berkas {nama} berformat Excel lama (.xls) atau dilindungi kata sandi, sehingga tidak bisa "
            "dibaca.",
            gaya.saran_xls,
        )
    if not awal.startswith(b"PK"):
        raise gaya.refuse(
            f"Berkas {nama} bukan buku kerja Excel (.xlsx); isinya tampak seperti teks atau format lain.",
            gaya.saran_format,
        )
    try:
        jumlah = _count_parts(path)
        if jumlah > MAKS_BAGIAN:
            raise gaya.refuse(
                f"Berkas {nama} berisi {format_angka(jumlah)} bagian; buku kerja yang wajar berisi paling "
                f"banyak {format_angka(MAKS_BAGIAN)}.",
                gaya.saran_ulang,
            )
        with zipfile.ZipFile(path) as arsip:
            return _Pembuka(path, arsip, gaya).open()
    except _ERROR_ZIP as exc:
        raise gaya.refuse(
            f"Berkas {nama} rusak: arsipnya tidak utuh (mungkin terpotong saat disalin atau diunduh).",
            gaya.saran_ulang,
        ) from exc


class _Pembuka:
    """The checks of ``check_workbook`` on the open zip: names, sizes, the sheet list, shared strings."""

    def __init__(self, path: Path, arsip: zipfile.ZipFile, gaya: Gaya) -> None:
        self.path = path
        self.nama = path.name
        self.arsip = arsip
        self.gaya = gaya
        self.isi: dict[str, zipfile.ZipInfo] = {}

    def damaged(self, apa: str) -> KnownError:
        return self.gaya.refuse(f"Berkas {self.nama} rusak: {apa}.", self.gaya.saran_ulang)

    def open(self) -> BukuKerja:
        for info in self.arsip.infolist():
            kunci = _kunci(info.filename)
            if kunci in self.isi:
                raise self.damaged(f"bagian '{info.filename}' ada lebih dari sekali di dalamnya")
            self.isi[kunci] = info
        if "content.xml" in self.isi:
            raise self.gaya.refuse(
                f"Berkas {self.nama} berformat OpenDocument (.ods), bukan .xlsx.",
                "Buka di LibreOffice lalu simpan sebagai Buku Kerja Excel 2007-365 (.xlsx).",
            )
        if "xl/workbook.bin" in self.isi:
            raise self.gaya.refuse(
                f"Berkas {self.nama} berformat Excel biner (.xlsb), bukan .xlsx.", self.gaya.saran_format
            )
        if "xl/workbook.xml" not in self.isi:
            raise self.gaya.refuse(
                f"Berkas {self.nama} adalah arsip zip, tetapi bukan buku kerja Excel (.xlsx).",
                self.gaya.saran_format,
            )
        self.check_sizes()
        folder = self.read_folder()
        dibaca = {folder + "workbook.xml", folder + "_rels/workbook.xml.rels", "_rels/.rels"}
        lembar = self.read_sheets(folder)
        teks = TeksBersama()
        if (sst := self.isi.get(_kunci(folder + _STRING_BERSAMA))) is not None:
            teks = self.read_shared_strings(sst)
            dibaca.add(folder + _STRING_BERSAMA)
        return BukuKerja(
            self.path, self.gaya, self.arsip.infolist(), lembar, teks, {_kunci(d) for d in dibaca}
        )

    def check_sizes(self) -> None:
        total = sum(i.file_size for i in self.isi.values())
        boros = [
            i for i in self.isi.values() if i.file_size > MAKS_RASIO * max(i.compress_size, 1) + 1_000_000
        ]
        if total > MAKS_UKURAN_ISI or boros:
            gb = format_angka(total / 1024**3, desimal=1)
            raise self.gaya.refuse(
                f"Berkas {self.nama} terlalu besar bila dibuka ({gb} GB; batasnya "
                f"{MAKS_UKURAN_ISI // 1024**3} GB, dan tidak satu bagian pun boleh mengembang lebih dari "
                f"{MAKS_RASIO} kali). Berkas ini bukan buku kerja yang wajar.",
                self.gaya.saran_ulang,
            )
        for kunci in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "_rels/.rels"):
            kecil = self.isi.get(kunci)
            if kecil is not None and kecil.file_size > MAKS_BAGIAN_KECIL:
                raise self.gaya.refuse(
                    f"Berkas {self.nama} tidak wajar: bagian '{kecil.filename}' di dalamnya berukuran "
                    f"{format_angka(kecil.file_size / 1024**2, desimal=0)} MB bila dibuka (batasnya "
                    f"{MAKS_BAGIAN_KECIL // 1024**2} MB).",
                    self.gaya.saran_ulang,
                )

    def walk_xml(self, kunci: str, start: Callable[[str, dict[str, str]], None], tanpa_entitas: bool) -> None:
        """Feed one small part to expat, calling ``start(local name, attributes)`` per element."""
        info = self.isi.get(_kunci(kunci))
        if info is None:
            raise self.damaged("daftar lembarnya tidak terbaca")
        data = self.arsip.read(info)
        if tanpa_entitas and b"&" in data:  # calamine reads these attributes undecoded: keep them plain
            raise self.damaged("daftar lembarnya tidak terbaca")

        def doctype(*_: object) -> None:
            raise SheetTidakLazim("DOCTYPE")

        parser = expat.ParserCreate()
        parser.StartElementHandler = lambda nama, attrs: start(nama.rpartition(":")[2], attrs)
        parser.StartDoctypeDeclHandler = doctype
        try:
            parser.Parse(data, True)
        except (expat.ExpatError, SheetTidakLazim) as exc:
            raise self.damaged("daftar lembarnya tidak terbaca") from exc

    def read_folder(self) -> str:
        """The workbook's folder as calamine finds it, through the package relationships; it must be xl/."""
        target: list[str] = []

        def start(lokal: str, attrs: dict[str, str]) -> None:
            if lokal == "Relationship" and attrs.get("Type", "").endswith("/relationships/officeDocument"):
                target.append(attrs.get("Target", ""))

        self.walk_xml("_rels/.rels", start, tanpa_entitas=True)
        if not target:
            raise self.damaged("daftar lembarnya tidak terbaca")
        t = target[-1]
        folder = t[: t.rfind("/") + 1].removeprefix("/")
        if folder.lower() != "xl/":
            raise self.damaged("daftar lembarnya tidak terbaca")
        return folder

    def read_sheets(self, folder: str) -> list[Lembar]:
        rels: dict[str, str] = {}
        ganda: list[str] = []

        def relasi(lokal: str, attrs: dict[str, str]) -> None:
            if lokal == "Relationship" and (rid := attrs.get("Id")) is not None:
                if rid in rels:
                    ganda.append(rid)
                rels[rid] = attrs.get("Target", "")

        self.walk_xml(folder + "_rels/workbook.xml.rels", relasi, tanpa_entitas=True)
        if ganda:
            raise self.damaged("daftar lembarnya tidak terbaca")
        daftar: list[tuple[str, str | None, bool]] = []

        def lembar(lokal: str, attrs: dict[str, str]) -> None:
            if lokal != "sheet":
                return
            ids = [v for k, v in attrs.items() if k == "id" or k.endswith(":id")]
            nama = attrs.get("name", "")
            if len(ids) != 1 or ids[0] not in rels:
                raise SheetTidakLazim(nama)
            daftar.append((nama, rels[ids[0]], attrs.get("state", "visible") == "visible"))

        self.walk_xml(folder + "workbook.xml", lembar, tanpa_entitas=False)
        hasil: list[Lembar] = []
        for nama, target, terlihat in daftar:
            if any(x.nama == nama for x in hasil):
                raise self.damaged(f"nama lembar '{nama}' dipakai dua kali")
            t = target or ""
            info = self.isi.get(_kunci(t[1:] if t.startswith("/") else folder + t))
            if info is None or "\\" in t:
                raise self.damaged(f"isi lembar '{nama}' tidak ada di dalamnya")
            hasil.append(Lembar(nama, info, terlihat))
        return hasil

    def read_shared_strings(self, info: zipfile.ZipInfo) -> TeksBersama:
        """Each shared string's length (the bytes of its <si>, an upper bound), checking their number."""
        mulai = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
        jumlah_tertulis = re.compile(rb"\buniqueCount\s*=\s*[\"']\+?0*([0-9]{1,20})[\"']")
        teks = TeksBersama()
        sebelumnya: int | None = None
        dibaca = 0
        with self.arsip.open(info) as f:
            while potongan := f.read(POTONGAN):
                if b"<!" in potongan or b"<?" in potongan[1 if dibaca == 0 else 0 :]:
                    raise self.damaged("daftar teksnya tidak lazim")
                for m in jumlah_tertulis.finditer(potongan):
                    if int(m[1]) > MAKS_TEKS_BERSAMA:
                        raise self._too_many(int(m[1]))
                for m in mulai.finditer(potongan):
                    posisi = dibaca + m.start()
                    if sebelumnya is not None:
                        teks.panjang.append(min(posisi - sebelumnya, 0xFFFFFFFF))
                    sebelumnya = posisi
                if len(teks.panjang) > MAKS_TEKS_BERSAMA:
                    raise self._too_many(len(teks.panjang))
                dibaca += len(potongan)
        if sebelumnya is not None:
            teks.panjang.append(min(dibaca - sebelumnya, 0xFFFFFFFF))
        teks.terpanjang = max(teks.panjang, default=0)
        return teks

    def _too_many(self, n: int) -> KnownError:
        return self.gaya.refuse(
            f"Berkas {self.nama} berisi terlalu banyak teks berbeda ({format_angka(n)}; batasnya "
            f"{format_angka(MAKS_TEKS_BERSAMA)}). Berkas ini bukan buku kerja yang wajar.",
            self.gaya.saran_ulang,
        )


class BukuKerja:
    """A workbook file that passed the file checks; ``scan`` reads the sheets about to be loaded."""

    def __init__(
        self,
        path: Path,
        gaya: Gaya,
        isi: list[zipfile.ZipInfo],
        lembar: list[Lembar],
        teks: TeksBersama,
        dibaca: set[str],
    ) -> None:
        self.path = path
        self.gaya = gaya
        self.isi = isi
        self.lembar = lembar
        self.teks = teks
        self.dibaca = dibaca  # parts already read whole (and so checked) by check_workbook

    @property
    def nama_lembar(self) -> list[str]:
        return [x.nama for x in self.lembar]

    def part(self, nama: str) -> str | None:
        """The zip part holding the cells of sheet ``nama``."""
        return next((x.part.filename for x in self.lembar if x.nama == nama), None)

    def scan(self, batas: Mapping[str, Batas]) -> dict[str, Jangkauan]:
        """Check every part is intact and every sheet in ``batas`` within its limits; refuses otherwise.

        Returns what the scan found per sheet (its reach, formulas, merged ranges) for the reader's own
        checks. The other parts are inflated only to check them, a megabyte at a time.
        """
        per_part = {x.part.filename: x for x in self.lembar if x.nama in batas}
        hasil: dict[str, Jangkauan] = {}
        bagian = ""
        try:
            with zipfile.ZipFile(self.path) as arsip:
                for info in self.isi:
                    bagian = info.filename
                    lembar = per_part.get(info.filename)
                    if lembar is not None:
                        hasil[lembar.nama] = self._scan_sheet(arsip, lembar, batas[lembar.nama])
                    elif _kunci(info.filename) not in self.dibaca:
                        with arsip.open(info) as f:
                            while f.read(POTONGAN):
                                pass
        except SheetTidakLazim as exc:
            raise self.gaya.refuse(
                f"Lembar '{exc}' pada berkas {self.path.name} rusak: isinya bukan lembar kerja Excel yang "
                "wajar.",
                self.gaya.saran_ulang,
            ) from exc
        except _ERROR_ZIP as exc:
            raise self.gaya.refuse(
                f"Berkas {self.path.name} rusak: bagian '{bagian}' di dalamnya tidak utuh.",
                self.gaya.saran_ulang,
            ) from exc
        return hasil

    def _scan_sheet(self, arsip: zipfile.ZipFile, lembar: Lembar, batas: Batas) -> Jangkauan:
        try:
            h = scan_sheet(
                lambda: arsip.open(lembar.part),
                self.teks,
                batas.baris,
                batas.kolom,
                lambda h: _beyond(h, batas) is not None,
            )
        except SheetTidakLazim as exc:
            raise SheetTidakLazim(lembar.nama) from exc
        alasan = _beyond(h, batas)
        if alasan is not None:
            # What reaches too far can be cleared in Excel; too much text copied is no sane workbook.
            saran = (
                self.gaya.saran_ulang if alasan.startswith(_TERLALU_BANYAK_TEKS) else self.gaya.saran_batas
            )
            raise self.gaya.refuse(f"Lembar '{lembar.nama}' pada berkas {self.path.name} {alasan}", saran)
        return h


def _kolom(n: int) -> str:
    return huruf_kolom(n) if n < JAUH else "di luar batas Excel"


def _beyond(h: Jangkauan, b: Batas) -> str | None:
    """Why the sheet reaches beyond its limits, as the end of a sentence; None when it does not."""
    ujung = [p for ref in h.dimensi.split(":") if (p := read_ref(ref)) is not None]
    if ujung and (max(p[0] for p in ujung) > b.baris or max(p[1] for p in ujung) > b.kolom):
        return (
            f"mencatat ukurannya {h.dimensi}, lebih dari batas lembar ini (sampai kolom "
            f"{huruf_kolom(b.kolom)} dan baris {format_angka(b.baris)})."
        )
    if h.kolom > b.kolom:
        return (
            f"terlalu lebar: sel {h.sel_kolom} berada di kolom {_kolom(h.kolom)}, padahal lembar ini paling "
            f"jauh sampai kolom {huruf_kolom(b.kolom)} ({format_angka(b.kolom)} kolom)."
        )
    if h.baris > b.baris:
        return (
            f"terlalu panjang: sel {h.sel_baris} berada di baris {format_angka(h.baris)}, padahal lembar ini "
            f"paling jauh sampai baris {format_angka(b.baris)}."
        )
    if h.teks_bersama > MAKS_TEKS_LEMBAR:
        return (
            f"{_TERLALU_BANYAK_TEKS}: teks di sel-selnya (tiap sel memegang salinannya sendiri) berjumlah "
            f"lebih dari {format_angka(MAKS_TEKS_LEMBAR // 1024**2)} MB."
        )
    return None
