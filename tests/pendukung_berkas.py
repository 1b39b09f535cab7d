"""Hostile workbooks made in the tests (never stored), and a reader run in a process of its own."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_JENIS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def sheet_xml(isi: str, dimensi: str | None = None) -> bytes:
    """A worksheet part whose sheetData holds ``isi`` (rows and cells as written)."""
    dim = f'<dimension ref="{dimensi}"/>' if dimensi else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}" xmlns:r="{NS_REL}">{dim}'
        f"<sheetData>{isi}</sheetData></worksheet>"
    ).encode()


def shared_xml(teks: list[str], unik: int | None = None) -> bytes:
    """A sharedStrings part; ``unik`` is the uniqueCount it claims (default: the truth)."""
    si = "".join(f"<si><t>{t}</t></si>" for t in teks)
    n = len(teks) if unik is None else unik
    return f'<sst xmlns="{NS}" count="{len(teks)}" uniqueCount="{n}">{si}</sst>'.encode()


def workbook_parts(sheets: dict[str, bytes], shared: bytes | None = None) -> dict[str, bytes]:
    """Every part of a minimal xlsx with these sheets (name → worksheet XML) that python-calamine opens."""
    nama = list(sheets)
    tipe = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(nama))
    )
    if shared is not None:
        tipe += (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{_JENIS}worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(len(nama))
    )
    if shared is not None:
        rels += f'<Relationship Id="rIdS" Type="{_JENIS}sharedStrings" Target="sharedStrings.xml"/>'
    daftar = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(nama))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{tipe}</Types>"
        ).encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{_JENIS}officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{NS_REL}">'
            f"<sheets>{daftar}</sheets></workbook>"
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{rels}</Relationships>'
        ).encode(),
    }
    for i, xml in enumerate(sheets.values()):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    return parts


@dataclass(frozen=True)
class Mentah:
    """A part given already deflated: the raw deflate stream, the CRC-32 and size of what it inflates to."""

    data: bytes
    crc: int
    ukuran: int


def write_zip(path: Path, parts: dict[str, bytes | Mentah]) -> Path:
    """Write ``parts`` as a zip by hand, so a part may be one already deflated (see ``bomb``)."""
    badan = bytearray()
    pusat = bytearray()
    for nama, isi in parts.items():
        if isinstance(isi, bytes):
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            isi = Mentah(c.compress(isi) + c.flush(), zlib.crc32(isi), len(isi))
        nama_b = nama.encode()
        awal = len(badan)
        badan += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, isi.crc, len(isi.data), isi.ukuran, len(nama_b), 0
        )
        badan += nama_b + isi.data
        pusat += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0x21,
            isi.crc,
            len(isi.data),
            isi.ukuran,
            len(nama_b),
            0,
            0,
            0,
            0,
            0,
            awal,
        )
        pusat += nama_b
    akhir = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(pusat), len(badan), 0)
    path.write_bytes(bytes(badan + pusat + akhir))
    return path


def bomb_part(ukuran: int) -> Mentah:
    """A worksheet part inflating to ``ukuran`` bytes (spaces) from about a thousandth of that."""
    awal = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>'.encode()
    akhir = b"</sheetData></worksheet>"
    blok = b" " * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    kepala = c.compress(awal) + c.flush(zlib.Z_FULL_FLUSH)
    isi_blok = c.compress(blok) + c.flush(zlib.Z_FULL_FLUSH)  # after a full flush every block is alike
    n = ukuran // len(blok)
    ekor = c.compress(akhir) + c.flush()
    crc = zlib.crc32(awal)
    for _ in range(n):
        crc = zlib.crc32(blok, crc)
    crc = zlib.crc32(akhir, crc)
    return Mentah(kepala + isi_blok * n + ekor, crc, len(awal) + n * len(blok) + len(akhir))


def bomb(path: Path, ukuran: int, lembar: str = "Pegawai") -> Path:
    """A workbook whose one sheet inflates to ``ukuran`` bytes from about a thousandth of that."""
    parts: dict[str, bytes | Mentah] = dict(workbook_parts({lembar: b""}))
    parts["xl/worksheets/sheet1.xml"] = bomb_part(ukuran)
    return write_zip(path, parts)


def add_shared_strings(parts: dict[str, bytes | Mentah], shared: bytes) -> None:
    """Give a workbook's parts (as read from a zip) the shared strings ``shared``."""
    parts["xl/sharedStrings.xml"] = shared
    for nama, tambah in (
        (
            "xl/_rels/workbook.xml.rels",
            f'<Relationship Id="rIdS" Type="{_JENIS}sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        ),
        (
            "[Content_Types].xml",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
    ):
        isi = parts[nama]
        assert isinstance(isi, bytes)
        penutup = tambah.rpartition("<")[2]
        parts[nama] = isi.replace(f"<{penutup}".encode(), tambah.encode())


def replace_part(path: Path, part: str, lama: bytes, baru: bytes) -> Path:
    """Rewrite the zip with ``lama`` replaced by ``baru`` in one part (which must contain it)."""
    with zipfile.ZipFile(path) as z:
        isi = {i.filename: z.read(i) for i in z.infolist()}
    assert lama in isi[part], f"{lama!r} not in {part}"
    isi[part] = isi[part].replace(lama, baru, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data)
    return path


@dataclass(frozen=True)
class HasilAnak:
    """How a reader run in a process of its own ended."""

    kode: int  # its exit code; negative when a signal ended it (-6: SIGABRT)
    keluaran: str
    puncak_mb: float  # its peak resident memory

    @property
    def ditolak(self) -> str:
        """The refusal it printed ("" when it accepted the file or died)."""
        return self.keluaran.partition("DITOLAK ")[2] if self.kode == 0 else ""


_ANAK = """
import sys
from pathlib import Path
from kinerja_desktop.core.errors import KnownError
from {modul} import {fungsi} as baca
try:
    baca(Path(sys.argv[1]))
except KnownError as exc:
    print("DITOLAK", exc)
else:
    print("DITERIMA")
"""

#: Starts the reader and waits for it, from a process of its own: a child's peak memory counts the
#: memory of the process it was forked from, so the reader must not be forked from pytest itself.
_PERANTARA = """
import json, resource, subprocess, sys
selesai = subprocess.run(sys.argv[1:], capture_output=True, text=True, errors="replace")
puncak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"kode": selesai.returncode, "keluaran": selesai.stdout + selesai.stderr, "mb": puncak}))
"""


def read_apart(modul: str, fungsi: str, path: Path) -> HasilAnak:
    """Run ``modul.fungsi(path)`` in a process of its own, so a crash shows as a signal, not as ours."""
    if sys.platform == "win32":
        pytest.skip("measures the reader's memory with resource.getrusage (POSIX)")
    anak = [sys.executable, "-c", _ANAK.format(modul=modul, fungsi=fungsi), str(path)]
    selesai = subprocess.run(
        [sys.executable, "-c", _PERANTARA, *anak],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "RUST_BACKTRACE": "0"},
        check=True,
    )
    hasil = json.loads(selesai.stdout)
    return HasilAnak(hasil["kode"], hasil["keluaran"], hasil["mb"])
