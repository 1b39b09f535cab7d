"""Fast rating entry: keys 3/2/1 on the grid, Delete to clear, and the same choices on a context menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QTableView
from sqlalchemy.orm import Session

from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, JenisRating
from kinerja_desktop.core.rules.predikat import Rating
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.ui.penilaian.grid import KOLOM_HASIL, KOLOM_PERILAKU, RATING_KEY

#: Key → rating code (0 clears).
TOMBOL: dict[int, int] = {
    Qt.Key.Key_1.value: 1,
    Qt.Key.Key_2.value: 2,
    Qt.Key.Key_3.value: 3,
    Qt.Key.Key_0.value: 0,
    Qt.Key.Key_Delete.value: 0,
    Qt.Key.Key_Backspace.value: 0,
}
PETUNJUK = (
    "Ketik 3 (Di Atas), 2 (Sesuai) atau 1 (Di Bawah Ekspektasi): tombol pertama mengisi rating hasil "
    "kerja, tombol kedua rating perilaku kerja, lalu pilihan turun ke pegawai berikutnya. Delete "
    "mengosongkan; Enter atau klik dua kali membuka formulir evaluasi."
)
#: What an account that only looks (pimpinan) is told instead: no rating keys to learn.
PETUNJUK_LIHAT = "Enter atau klik dua kali membuka formulir evaluasi untuk dibaca."


def install_rating_keys(table: QTableView, callback: Callable[[int], None]) -> list[QShortcut]:
    """Shortcuts on ``table`` (also from the numeric keypad) calling ``callback`` with 0–3."""
    shortcuts = []
    for key, angka in TOMBOL.items():
        for modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            if modifier is Qt.KeyboardModifier.KeypadModifier and angka == 0 and key != Qt.Key.Key_0.value:
                continue
            shortcut = QShortcut(QKeySequence(key | modifier.value), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # the keyword is ignored by PySide6
            shortcut.activated.connect(lambda a=angka: callback(a))
            shortcuts.append(shortcut)
    return shortcuts


def jenis_rating(kolom: int) -> JenisRating:
    """Which rating a column of the grid holds (any other column: the rating hasil kerja)."""
    return JenisRating.PERILAKU if kolom == KOLOM_PERILAKU else JenisRating.HASIL


def rating_angka(angka: int) -> Rating | None:
    """The rating typed as 3, 2 or 1; None (clear) for 0."""
    return RATING_KEY.get(angka)


def baris_terbaru(
    session: Session, actor: Actor, row: BarisEvaluasi, tahun: int, kode: str
) -> BarisEvaluasi | None:
    """The row read again from its own unit only (fast even when the grid shows the whole office)."""
    if row.unit_id is None:
        return None
    rows = evaluasi_unit.grid_unit(session, actor, row.unit_id, tahun, kode, termasuk_sub_unit=False)
    baru = next((b for b in rows if b.pegawai_id == row.pegawai_id), None)
    return replace(baru, kepala_unit=row.kepala_unit) if baru else None


def menu_rating(
    table: QTableView,
    pos: QPoint,
    pilih: Callable[[int, int], None],
    buka: Callable[[], None],
    *,
    boleh_nilai: bool = True,
) -> QMenu | None:
    """The context menu of a row: both ratings (3/2/1, Kosongkan) for a rater, and opening the form."""
    index = table.indexAt(pos)
    if not index.isValid():
        return None
    menu = QMenu(table)
    rating_menus = (KOLOM_HASIL, "Rating hasil kerja"), (KOLOM_PERILAKU, "Rating perilaku kerja")
    for kolom, judul in rating_menus if boleh_nilai else ():
        sub = menu.addMenu(judul)
        for rating in Rating:
            action = sub.addAction(f"{rating.kode_angka}  {rating.label}")
            action.triggered.connect(lambda _=False, k=kolom, a=rating.kode_angka: pilih(k, a))
        sub.addSeparator()
        kosong = sub.addAction("Kosongkan")
        kosong.triggered.connect(lambda _=False, k=kolom: pilih(k, 0))
    menu.addSeparator()
    menu.addAction("Buka formulir evaluasi…").triggered.connect(buka)
    return menu
