"""The "Lampiran" tab: three numbered lists (sumber daya, skema pertanggungjawaban, konsekuensi)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.skp import JenisLampiran, LampiranView, SkpDetail
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.services import skp
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.forms import TeksDialog
from kinerja_desktop.ui.common.widgets import on_enter
from kinerja_desktop.ui.skp.rhk_dialogs import potong

if TYPE_CHECKING:
    from kinerja_desktop.ui.skp.editor_host import EditorHost

_ID = Qt.ItemDataRole.UserRole
CONTOH = {
    JenisLampiran.SUMBER_DAYA: "mis. Membutuhkan komputer/laptop",
    JenisLampiran.SKEMA: "mis. Hasil kerja dilaporkan setiap bulan",
    JenisLampiran.KONSEKUENSI: "mis. Penghargaan bila target tercapai, teguran bila tidak",
}


class DaftarLampiran(QGroupBox):
    """One numbered list with Tambah/Ubah/Hapus/Naik/Turun."""

    def __init__(self, editor: EditorHost, jenis: JenisLampiran) -> None:
        super().__init__(jenis.label)
        self.editor, self.jenis = editor, jenis
        self.items: list[LampiranView] = []
        self.daftar = QListWidget(wordWrap=True, spacing=3)
        self.daftar.itemDoubleClicked.connect(self.on_edit_button_clicked)
        self.daftar.currentRowChanged.connect(self.on_selection_changed)
        on_enter(self.daftar, self.on_edit_button_clicked)
        self.add_button = QPushButton("Tambah…", clicked=self.on_add_button_clicked)
        self.edit_button = QPushButton("Ubah…", clicked=self.on_edit_button_clicked)
        self.delete_button = QPushButton("Hapus", clicked=self.on_delete_button_clicked)
        self.up_button = QPushButton("Naik", clicked=lambda: self.on_move_clicked(-1))
        self.down_button = QPushButton("Turun", clicked=lambda: self.on_move_clicked(1))
        grid = QGridLayout()
        for n, b in enumerate((self.add_button, self.edit_button, self.delete_button)):
            grid.addWidget(b, 0, n)
        grid.addWidget(self.up_button, 1, 0)
        grid.addWidget(self.down_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.daftar, 1)
        layout.addLayout(grid)

    def show_items(self, items: list[LampiranView], read_only: bool) -> None:
        current = self.selected()
        self.items, self.read_only = items, read_only
        self.daftar.clear()
        for n, item in enumerate(items, 1):
            row = QListWidgetItem(f"{n}. {item.teks}")
            row.setData(_ID, item.id)
            self.daftar.addItem(row)
            if current is not None and item.id == current.id:
                self.daftar.setCurrentItem(row)
        if not items:
            self.daftar.addItem(QListWidgetItem("(belum diisi)"))
            self.daftar.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.on_selection_changed()

    def selected(self) -> LampiranView | None:
        row = self.daftar.currentItem()
        item_id = row.data(_ID) if row is not None else None
        return next((i for i in self.items if i.id == item_id), None)

    def on_selection_changed(self) -> None:
        bisa = not getattr(self, "read_only", True)
        self.add_button.setEnabled(bisa)
        for b in (self.edit_button, self.delete_button, self.up_button, self.down_button):
            b.setEnabled(bisa and self.selected() is not None)

    def on_add_button_clicked(self) -> None:
        detail = self.editor.detail
        if detail is None or detail.read_only:
            return
        dialog = TeksDialog(
            self,
            f"Tambah {self.jenis.label.lower()}",
            f"{self.jenis.label} ({CONTOH[self.jenis]}):",
            maks=Batas.LAMPIRAN,
        )
        jenis = self.jenis.value
        dialog.write_with(
            lambda: self.editor.act(
                lambda s, a: skp.add_lampiran(
                    s, a, detail.id, jenis, dialog.value(), stamp=self.editor.stamp()
                ),
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome:
            self.select(dialog.outcome.value)

    def select(self, item_id: str) -> None:
        for n in range(self.daftar.count()):
            if self.daftar.item(n).data(_ID) == item_id:
                self.daftar.setCurrentRow(n)

    def on_edit_button_clicked(self) -> None:
        item = self.selected()
        if item is None or getattr(self, "read_only", True):
            return
        dialog = TeksDialog(
            self, f"Ubah {self.jenis.label.lower()}", f"{self.jenis.label}:", item.teks, maks=Batas.LAMPIRAN
        )
        dialog.write_with(
            lambda: self.editor.act(
                lambda s, a: skp.update_lampiran(s, a, item.id, dialog.value(), stamp=self.editor.stamp()),
                message=dialog.message,
            )
        )
        dialog.exec()

    def on_delete_button_clicked(self) -> None:
        item = self.selected()
        if item is not None and ask_yes_no(self, f'Hapus "{potong(item.teks, 80)}" dari lampiran?'):
            self.editor.act(lambda s, a: skp.delete_lampiran(s, a, item.id, stamp=self.editor.stamp()))

    def on_move_clicked(self, langkah: int) -> None:
        item = self.selected()
        if item is not None:
            self.editor.act(lambda s, a: skp.move_lampiran(s, a, item.id, langkah, stamp=self.editor.stamp()))


class LampiranTab(QWidget):
    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.lists = {j.value: DaftarLampiran(editor, j) for j in JenisLampiran}
        layout = QHBoxLayout(self)
        for box in self.lists.values():
            layout.addWidget(box)

    def show_detail(self, detail: SkpDetail) -> None:
        for jenis, box in self.lists.items():
            box.show_items(detail.lampiran.get(jenis, []), detail.read_only)
