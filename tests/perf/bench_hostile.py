"""Hostile workbooks: how long refusing each takes and the peak memory of the process that refuses it.

Run from the checkout:  python tests/perf/bench_hostile.py

Each hostile sheet is made here (never stored), once as the Pegawai sheet of a plain workbook read by the
roster reader, once as the Pegawai sheet of a real (empty) package read by the package reader, each in a
fresh process. The figures are that process's exit code, wall time (start-up included) and peak memory
(``RUSAGE_CHILDREN`` in a small process that starts it, so pytest's or this script's own memory is not
counted). Target: every file refused with a message, no exit by signal, each process ≤ 300 MB. For
scale, python-calamine alone is given the far cell once: it aborts (exit -6, SIGABRT).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' support modules

import random
import string
import subprocess
import tempfile
import time
import zipfile
from datetime import UTC, datetime

from pendukung_berkas import (  # type: ignore[import-not-found]
    Mentah,
    add_shared_strings,
    bomb_part,
    read_apart,
    shared_xml,
    sheet_xml,
    workbook_parts,
    write_zip,
)

from kinerja_desktop.core.exchange.paket.model import InfoPaket, JenisPaket, Paket, checksum_paket
from kinerja_desktop.core.exchange.paket.reader.file_checks import check_file
from kinerja_desktop.core.exchange.paket.schema import semua_jenis
from kinerja_desktop.core.exchange.paket.writer.workbook import write_paket

_JUDUL = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Nama</t></is></c></row>'
)
_CALAMINE = (
    "import sys, python_calamine\n"
    "python_calamine.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0)"
)
_PEMBACA = {
    "roster": ("kinerja_desktop.core.exchange.roster.reader", "read_roster"),
    "paket": ("kinerja_desktop.core.exchange.paket.reader.workbook", "read_paket"),
}


def _teks_panjang() -> bytes:
    teks = "".join(random.Random(1).choices(string.ascii_letters, k=1024**2))
    return shared_xml([teks])


#: name → (the Pegawai sheet, the shared strings or None)
KASUS: dict[str, tuple[bytes | Mentah, bytes | None]] = {
    "sel XFD1048576": (sheet_xml(_JUDUL + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'), None),
    "dimension A1:B2, sel ZZ90000": (
        sheet_xml(_JUDUL + '<row r="90000"><c r="ZZ90000"><v>1</v></c></row>', "A1:B2"),
        None,
    ),
    "20.000 sel tanpa alamat, satu baris": (sheet_xml("<row>" + "<c><v>1</v></c>" * 20_000 + "</row>"), None),
    "uniqueCount 10 miliar": (sheet_xml(_JUDUL), shared_xml(["a"], 10**10)),
    "teks 1 MB di 3.000 sel (3 GB)": (
        sheet_xml("".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 3001))),
        _teks_panjang(),
    ),
    "bom zip, lembar 1 GB": (bomb_part(1024**3), None),
}


def _roster(path: Path, lembar: bytes | Mentah, shared: bytes | None) -> Path:
    parts: dict[str, bytes | Mentah] = dict(workbook_parts({"Pegawai": b""}, shared))
    parts["xl/worksheets/sheet1.xml"] = lembar
    return write_zip(path, parts)


def _paket(path: Path, lembar: bytes | Mentah, shared: bytes | None) -> Path:
    """An empty package of this app whose Pegawai sheet is replaced by ``lembar``."""
    baris: dict[str, list[object]] = {j.tabel: [] for j in semua_jenis()}
    info = InfoPaket(
        JenisPaket.KANTOR,
        "PLJ",
        "Kecamatan Plaju",
        "",
        2026,
        datetime(2026, 1, 1, tzinfo=UTC),
        "1.0",
        {t: 0 for t in baris},
        checksum_paket(baris),  # type: ignore[arg-type]
    )
    dasar = path.with_name("dasar.xlsx")
    write_paket(Paket(info, baris), dasar)  # type: ignore[arg-type]
    bagian = check_file(dasar).part("Pegawai")
    with zipfile.ZipFile(dasar) as z:
        parts: dict[str, bytes | Mentah] = {i.filename: z.read(i) for i in z.infolist()}
    assert bagian is not None
    parts[bagian] = lembar
    if shared is not None:
        add_shared_strings(parts, shared)
    return write_zip(path, parts)


def main() -> None:
    puncak = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'berkas':38} {'ukuran':>9} {'pembaca':>7} {'kode':>4} {'detik':>6} {'puncak':>9}  pesan")
        for nama, (lembar, shared) in KASUS.items():
            for pembaca, buat in (("roster", _roster), ("paket", _paket)):
                path = buat(Path(tmp) / f"{pembaca}.xlsx", lembar, shared)
                mulai = time.perf_counter()
                hasil = read_apart(*_PEMBACA[pembaca], path)
                detik = time.perf_counter() - mulai
                puncak = max(puncak, hasil.puncak_mb)
                pesan = (hasil.ditolak or hasil.keluaran or "\n").splitlines()[0]
                ukuran = f"{path.stat().st_size / 1024:,.0f} KB"
                print(
                    f"{nama:38} {ukuran:>9} {pembaca:>7} {hasil.kode:4d} {detik:6.2f} "
                    f"{hasil.puncak_mb:6.0f} MB  {pesan[:90]}",
                    flush=True,
                )
        path = _roster(Path(tmp) / "jauh.xlsx", KASUS["sel XFD1048576"][0], None)
        kode = subprocess.run(
            [sys.executable, "-c", _CALAMINE, str(path)], capture_output=True, env={"RUST_BACKTRACE": "0"}
        ).returncode
        print(f"python-calamine sendiri, sel XFD1048576: kode {kode} (tanpa pemeriksaan berkas)")
    print(f"puncak terbesar proses pembaca: {puncak:.0f} MB (batas 300 MB)")


if __name__ == "__main__":
    main()
