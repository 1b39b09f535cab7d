"""Fast rating entry: keys 3/2/1 on the grid, Delete to clear, and the same choices on a context menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QTableView
from sqlalchemy.orm import Session

from kinerja_desktop.core.model.evaluasi import BarisEvaluasi
from kinerja_desktop.core.rules.predikat import Rating
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.penilaian.grid import KOLOM_HASIL, KOLOM_PERILAKU

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


def pasang_tombol(table: QTableView, callback: Callable[[int], None]) -> list[QShortcut]:
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


def ratings_baru(row: BarisEvaluasi, kolom: int, angka: int) -> tuple[str | None, str | None]:
    """The pair of ratings after typing ``angka`` (0 clears) into ``kolom``."""
    nilai = next((r.value for r in Rating if r.kode_angka == angka), None)
    if kolom == KOLOM_PERILAKU:
        return row.rating_hasil, nilai
    return nilai, row.rating_perilaku


def simpan_rating(
    ctx: UiContext, row: BarisEvaluasi, kode: str, kolom: int, hasil: str | None, perilaku: str | None
) -> None:
    """Start the evaluation on the first rating, then store both ratings (the predikat follows).

    A unit head's new evaluation starts with the rating hasil that follows the unit's capaian: typing
    the perilaku first keeps it.
    """
    assert row.skp_id is not None
    with ctx.workspace.transaction(ctx.actor) as session:
        evaluasi_id = row.evaluasi_id
        if evaluasi_id is None:
            evaluasi_id = evaluasi.start_evaluasi(session, ctx.actor, row.skp_id, kode)
            if kolom == KOLOM_PERILAKU and hasil is None and row.kepala_unit:
                hasil = evaluasi_baca.get_evaluasi_form_by_id(session, ctx.actor, evaluasi_id).rating_hasil
        evaluasi.set_rating(session, ctx.actor, evaluasi_id, hasil, perilaku)


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
    table: QTableView, pos: QPoint, pilih: Callable[[int, int], None], buka: Callable[[], None]
) -> QMenu | None:
    """The context menu of a row: both ratings (3/2/1, Kosongkan) and opening the form."""
    index = table.indexAt(pos)
    if not index.isValid():
        return None
    menu = QMenu(table)
    for kolom, judul in ((KOLOM_HASIL, "Rating hasil kerja"), (KOLOM_PERILAKU, "Rating perilaku kerja")):
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
