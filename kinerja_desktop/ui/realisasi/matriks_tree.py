"""The matriks peran hasil as a tree: superior RHK → supporting RHKs, then the two groups of leftovers."""

from __future__ import annotations

from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from kinerja_desktop.core.services.matriks import MatriksPeranHasil, PendukungRhk
from kinerja_desktop.core.services.skp_data import JenisRhk, StatusSkp
from kinerja_desktop.ui.pegawai.table import DIMMED

KOLOM = ("Rencana hasil kerja", "Pemilik", "Keterangan")
GRUP_TANPA_INDUK = "Tidak mendukung RHK atasan"
GRUP_TANPA_SKP = "Atasan tanpa SKP disetujui"


def _item(text: str, tooltip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setToolTip(tooltip or text)
    return item


def _bold(item: QStandardItem) -> QStandardItem:
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    return item


def _tambahan(jenis: str) -> str:
    return "" if jenis == JenisRhk.UTAMA else " (tambahan)"


def _pendukung(p: PendukungRhk, keterangan: str = "") -> list[QStandardItem]:
    status = "" if p.status_skp == StatusSkp.DISETUJUI else f"SKP {StatusSkp(p.status_skp).label.lower()}"
    catatan = "; ".join(t for t in (keterangan, status) if t)
    owner = _item(p.nama, f"{p.nama}\n{p.jabatan}")
    row = [_item(p.teks + _tambahan(p.jenis)), owner, _item(catatan)]
    if status:
        for item in row:
            item.setForeground(DIMMED)
    return row


def fill_matriks(model: QStandardItemModel, data: MatriksPeranHasil) -> None:
    """Rebuild ``model`` from ``data``: one top-level item per superior RHK, then the two groups."""
    model.clear()
    model.setHorizontalHeaderLabels(list(KOLOM))
    root = model.invisibleRootItem()
    for b in data.baris:
        jumlah = len(b.pendukung)
        keterangan = f"{jumlah} RHK pendukung" if jumlah else "Belum didukung bawahan"
        parent = [
            _bold(_item(b.teks + _tambahan(b.jenis))),
            _item(b.nama, f"{b.nama}\n{b.jabatan}"),
            _item(keterangan),
        ]
        if not jumlah:
            parent[2].setForeground(DIMMED)
        for p in b.pendukung:
            parent[0].appendRow(_pendukung(p))
        root.appendRow(parent)
    lepas = [_bold(_item(f"{GRUP_TANPA_INDUK} ({len(data.tanpa_induk)})")), _item(""), _item("")]
    for p in data.tanpa_induk:
        lepas[0].appendRow(_pendukung(p, p.catatan.rstrip(".")))
    root.appendRow(lepas)
    tanpa = [_bold(_item(f"{GRUP_TANPA_SKP} ({len(data.atasan_tanpa_skp)})")), _item(""), _item("")]
    for nama in data.atasan_tanpa_skp:
        tanpa[0].appendRow([_item("—"), _item(nama), _item("RHK bawahannya belum bisa dipetakan")])
    root.appendRow(tanpa)
