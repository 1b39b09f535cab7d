"""The "Hasil Kerja" tab: RHK grouped Utama/Tambahan with their indicators, and buttons to change them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.skp import Aspek, JenisForm, Perspektif, RhkView, SkpDetail
from kinerja_desktop.core.services import skp
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.widgets import on_enter
from kinerja_desktop.ui.skp.indikator_dialog import IndikatorDialog
from kinerja_desktop.ui.skp.rhk_dialogs import MulaiDariDialog, RhkDialog, potong
from kinerja_desktop.ui.skp.wrap_delegate import WrapDelegate

if TYPE_CHECKING:
    from kinerja_desktop.ui.skp.editor_host import EditorHost

KUNCI = Qt.ItemDataRole.UserRole + 1  # "rhk:<id>" or "indikator:<id>"
KOLOM_JA_JF = ("No", "RHK atasan yang diintervensi", "Rencana hasil kerja", "Aspek", "Indikator", "Target")
KOLOM_JPT = ("No", "Rencana hasil kerja", "Indikator kinerja individu", "Target", "Perspektif")


def _label(enum: type[Aspek] | type[Perspektif], code: str) -> str:
    try:
        return enum(code).label
    except ValueError:
        return code


def _cells(texts: list[str], kunci: tuple[str, str] | None) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        item.setData(":".join(kunci) if kunci else None, KUNCI)
        items.append(item)
    return items


def fill_model(model: QStandardItemModel, detail: SkpDetail) -> None:
    """Rebuild: "A. UTAMA" and "B. TAMBAHAN" groups, each RHK a row and each indicator a row below it."""
    jpt = detail.jenis_form == JenisForm.JPT
    model.clear()
    model.setHorizontalHeaderLabels(list(KOLOM_JPT if jpt else KOLOM_JA_JF))
    bold = QFont()
    bold.setBold(True)
    for judul, rhk in (("A. UTAMA", detail.rhk_utama), ("B. TAMBAHAN", detail.rhk_tambahan)):
        group = _cells([judul] + [""] * (model.columnCount() - 1), None)
        group[0].setFont(bold)
        model.invisibleRootItem().appendRow(group)
        if not rhk:
            group[0].appendRow(_cells(["", "(belum ada)"] + [""] * (model.columnCount() - 2), None))
        for n, r in enumerate(rhk, 1):
            group[0].appendRow(_rhk_row(r, n, jpt))


def _rhk_row(r: RhkView, n: int, jpt: bool) -> list[QStandardItem]:
    kunci = ("rhk", r.id)
    if jpt:
        row = _cells(
            [str(n), r.teks, "", "", _label(Perspektif, r.perspektif) if r.perspektif else "—"], kunci
        )
    else:
        atasan = r.rhk_atasan_teks if r.rhk_atasan_id else "—"
        row = _cells([str(n), atasan, r.teks, "", "", ""], kunci)
    if not r.indikator:
        hint = _cells([""] * len(row), kunci)
        hint[len(row) - 2 if jpt else 4].setText("(belum ada indikator)")
        row[0].appendRow(hint)
    for i in r.indikator:
        k = ("indikator", i.id)
        if jpt:
            row[0].appendRow(_cells(["", "", i.teks, i.target or "(belum ada target)", ""], k))
        else:
            row[0].appendRow(
                _cells(["", "", "", _label(Aspek, i.aspek), i.teks, i.target or "(belum ada)"], k)
            )
    return row


class HasilKerjaTab(QWidget):
    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.editor = editor
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(model=self.model, wordWrap=True, alternatingRowColors=True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrapDelegate(self.tree))
        self.tree.setIndentation(14)
        self.tree.header().setStretchLastSection(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.jpt = False
        self.tree.header().geometriesChanged.connect(self.fit_columns)
        self.tree.doubleClicked.connect(self.on_edit_button_clicked)
        on_enter(self.tree, self.on_edit_button_clicked)
        self.add_rhk_button = QPushButton("Tambah RHK…", clicked=self.on_add_rhk_button_clicked)
        self.start_from_button = QPushButton(
            "Mulai dari RHK atasan…", clicked=self.on_start_from_button_clicked
        )
        self.add_indikator_button = QPushButton(
            "Tambah indikator…", clicked=self.on_add_indikator_button_clicked
        )
        self.edit_button = QPushButton("Ubah…", clicked=self.on_edit_button_clicked)
        self.delete_button = QPushButton("Hapus", clicked=self.on_delete_button_clicked)
        self.up_button = QPushButton("Naik", clicked=lambda: self.on_move_clicked(-1))
        self.down_button = QPushButton("Turun", clicked=lambda: self.on_move_clicked(1))
        buttons = QHBoxLayout()
        for b in (
            self.add_rhk_button,
            self.start_from_button,
            self.add_indikator_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self.tree.selectionModel().selectionChanged.connect(self.on_selection_changed)

    def show_detail(self, detail: SkpDetail) -> None:
        kunci = self.selected()
        fill_model(self.model, detail)
        self.tree.expandAll()
        self.tree.setFirstColumnSpanned(0, self.tree.rootIndex(), True)
        self.tree.setFirstColumnSpanned(1, self.tree.rootIndex(), True)
        self.jpt = detail.jenis_form == JenisForm.JPT
        self.fit_columns()
        if kunci is not None:
            self.select(kunci)
        self.on_selection_changed()

    def fit_columns(self) -> None:
        """Share the visible width among the text columns, then let long texts wrap."""
        lebar = self.tree.viewport().width()
        angka = self.tree.fontMetrics().horizontalAdvance("B. TAMBAHAN") + 44
        if self.jpt:
            tetap = {0: angka, 3: 150, 4: 150}
            bagian = {1: 1.0, 2: 1.0}
        else:
            tetap = {0: angka, 3: 90, 5: 130}
            bagian = {1: 1.0, 2: 1.1, 4: 1.3}
        sisa = max(300, lebar - sum(tetap.values()))
        total = sum(bagian.values())
        header = self.tree.header()
        with QSignalBlocker(header):
            for column, width in tetap.items():
                header.resizeSection(column, width)
            for column, share in bagian.items():
                header.resizeSection(column, max(120, int(sisa * share / total)))
        self.tree.doItemsLayout()

    def selected(self) -> tuple[str, str] | None:
        index = self.tree.currentIndex()
        value = index.siblingAtColumn(0).data(KUNCI) if index.isValid() else None
        if not value:
            return None
        jenis, _, item_id = str(value).partition(":")
        return jenis, item_id

    def select(self, kunci: tuple[str, str]) -> None:
        flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        found = self.model.match(self.model.index(0, 0), KUNCI, ":".join(kunci), 1, flags)
        if found:
            self.tree.setCurrentIndex(found[0])

    def rhk_of_selection(self) -> RhkView | None:
        kunci, detail = self.selected(), self.editor.detail
        if kunci is None or detail is None:
            return None
        for r in detail.rhk:
            if (kunci[0] == "rhk" and r.id == kunci[1]) or any(i.id == kunci[1] for i in r.indikator):
                return r
        return None

    def on_selection_changed(self) -> None:
        detail = self.editor.detail
        bisa = detail is not None and not detail.read_only
        kunci = self.selected()
        for b in (self.add_rhk_button, self.start_from_button):
            b.setEnabled(bisa)
        self.start_from_button.setVisible(detail is None or detail.jenis_form != JenisForm.JPT)
        self.add_indikator_button.setEnabled(bisa and self.rhk_of_selection() is not None)
        for b in (self.edit_button, self.delete_button, self.up_button, self.down_button):
            b.setEnabled(bisa and kunci is not None)
        apa = " indikator" if kunci is not None and kunci[0] == "indikator" else " RHK" if kunci else ""
        self.edit_button.setText(f"Ubah{apa}…")
        self.delete_button.setText(f"Hapus{apa}")

    # --- actions ----------------------------------------------------------------------------------
    def on_add_rhk_button_clicked(self) -> None:
        detail = self.editor.detail
        if detail is None or detail.read_only:
            return
        kaskade = self.editor.look(lambda s, a: skp.cascade_options(s, a, detail.id))
        if not kaskade:
            return
        dialog = RhkDialog(self, detail.jenis_form, kaskade.value)
        dialog.write_with(
            lambda: self.editor.act(
                lambda s, a: skp.add_rhk(s, a, detail.id, dialog.value(), stamp=self.editor.stamp()),
                "RHK sudah ditambahkan.",
                notes=dialog.notes,
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome:
            self.select(("rhk", dialog.outcome.value))

    def on_start_from_button_clicked(self) -> None:
        detail = self.editor.detail
        if detail is None or detail.read_only:
            return
        dibaca = self.editor.look(lambda s, a: skp.cascade_options(s, a, detail.id))
        if not dibaca:
            return
        kaskade = dibaca.value
        if not kaskade.pilihan:
            self.editor.say(kaskade.pesan or "Pejabat penilai belum memiliki RHK yang disetujui.", ok=False)
            return
        dialog = MulaiDariDialog(self, kaskade.atasan_nama, kaskade.pilihan)
        dialog.write_with(
            lambda: self.editor.act(
                lambda s, a: skp.add_rhk_from(s, a, detail.id, *dialog.value(), stamp=self.editor.stamp()),
                "RHK dan indikatornya sudah disalin dari RHK atasan.",
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome:
            self.select(("rhk", dialog.outcome.value))

    def on_add_indikator_button_clicked(self) -> None:
        rhk = self.rhk_of_selection()
        if rhk is None or self.editor.detail is None or self.editor.detail.read_only:
            return
        dialog = IndikatorDialog(self)
        dialog.setWindowTitle(f"Tambah indikator — {potong(rhk.teks, 50)}")
        dialog.write_with(
            lambda: self.editor.act(
                lambda s, a: skp.add_indikator(s, a, rhk.id, dialog.value(), stamp=self.editor.stamp()),
                "Indikator sudah ditambahkan.",
                notes=dialog.notes,
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome:
            self.select(("indikator", dialog.outcome.value))

    def on_edit_button_clicked(self) -> None:
        kunci, detail, rhk = self.selected(), self.editor.detail, self.rhk_of_selection()
        if kunci is None or detail is None or rhk is None or detail.read_only:
            return
        if kunci[0] == "rhk":
            kaskade = self.editor.look(lambda s, a: skp.cascade_options(s, a, detail.id))
            if not kaskade:
                return
            dialog = RhkDialog(self, detail.jenis_form, kaskade.value, rhk)
            dialog.write_with(
                lambda: self.editor.act(
                    lambda s, a: skp.update_rhk(s, a, rhk.id, dialog.value(), stamp=self.editor.stamp()),
                    "RHK sudah diubah.",
                    notes=dialog.notes,
                    message=dialog.message,
                )
            )
            dialog.exec()
            return
        indikator = next(i for i in rhk.indikator if i.id == kunci[1])
        dialog2 = IndikatorDialog(self, indikator)
        dialog2.write_with(
            lambda: self.editor.act(
                lambda s, a: skp.update_indikator(
                    s, a, indikator.id, dialog2.value(), stamp=self.editor.stamp()
                ),
                "Indikator sudah diubah.",
                notes=dialog2.notes,
                message=dialog2.message,
            )
        )
        dialog2.exec()

    def on_delete_button_clicked(self) -> None:
        kunci, rhk = self.selected(), self.rhk_of_selection()
        if kunci is None or rhk is None:
            return
        if kunci[0] == "rhk":
            pertanyaan = f'Hapus RHK "{potong(rhk.teks, 80)}" beserta {len(rhk.indikator)} indikatornya?'
            if ask_yes_no(self, pertanyaan):
                self.editor.act(
                    lambda s, a: skp.delete_rhk(s, a, rhk.id, stamp=self.editor.stamp()), "RHK sudah dihapus."
                )
            return
        indikator = next(i for i in rhk.indikator if i.id == kunci[1])
        if ask_yes_no(self, f'Hapus indikator "{potong(indikator.teks, 80)}"?'):
            self.editor.act(
                lambda s, a: skp.delete_indikator(s, a, indikator.id, stamp=self.editor.stamp()),
                "Indikator sudah dihapus.",
            )

    def on_move_clicked(self, langkah: int) -> None:
        kunci = self.selected()
        if kunci is None:
            return
        if kunci[0] == "rhk":
            self.editor.act(lambda s, a: skp.move_rhk(s, a, kunci[1], langkah, stamp=self.editor.stamp()))
        else:
            self.editor.act(
                lambda s, a: skp.move_indikator(s, a, kunci[1], langkah, stamp=self.editor.stamp())
            )
        self.select(kunci)
