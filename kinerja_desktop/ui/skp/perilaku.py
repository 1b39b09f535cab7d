"""The "Perilaku Kerja" tab: the 7 BerAKHLAK values, their statements, and the ekspektasi khusus pimpinan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.skp import SkpDetail
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.services import skp
from kinerja_desktop.ui.common.forms import LengthCounter, TeksEdit
from kinerja_desktop.ui.common.widgets import HINT_STYLE

if TYPE_CHECKING:
    from kinerja_desktop.ui.skp.editor_host import EditorHost


#: A box's counter appears once this share of the limit is used (seven boxes, mostly short texts).
COUNTER_NEAR = 0.8


class PerilakuTab(QWidget):
    """Ekspektasi are edited in place and saved together with "Simpan ekspektasi".

    What was typed and not saved survives the SKP being read again after another action (a new RHK,
    a refused save); the editor asks before an action that leaves or locks the SKP.
    """

    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.editor = editor
        self.skp_id: str | None = None
        self.awal: dict[str, str] = {}
        self.edits: dict[str, TeksEdit] = {}
        self.counters: dict[str, LengthCounter] = {}
        self.keterangan = QLabel(wordWrap=True, styleSheet=HINT_STYLE)
        self.save_button = QPushButton("Simpan ekspektasi", clicked=self.on_save_button_clicked)
        self.isi = QWidget()
        self.grid = QGridLayout(self.isi)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.isi)
        top = QHBoxLayout()
        top.addWidget(self.keterangan, 1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def show_detail(self, detail: SkpDetail) -> None:
        keep = detail.id == self.skp_id and detail.boleh_ekspektasi
        tersisa = {pid: self.edits[pid].text() for pid in self.changed()} if keep else {}
        self.skp_id = detail.id
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is None:
                break
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.awal = {p.perilaku_id: p.ekspektasi_khusus for p in detail.perilaku}
        self.edits, self.counters = {}, {}
        self.grid.addWidget(QLabel("<b>Perilaku kerja</b>"), 0, 0)
        self.grid.addWidget(QLabel("<b>Ekspektasi khusus pimpinan</b>"), 0, 1)
        for n, p in enumerate(detail.perilaku, 1):
            butir = "".join(f"<li>{s}</li>" for s in p.pernyataan)
            teks = QLabel(f"<b>{p.urutan}. {p.nama}</b><ol type='a' style='margin-left:-20px'>{butir}</ol>")
            teks.setWordWrap(True)
            edit = TeksEdit(tersisa.get(p.perilaku_id, p.ekspektasi_khusus), lines=4, multi_line=True)
            edit.setReadOnly(not detail.boleh_ekspektasi)
            edit.setPlaceholderText("(belum diisi)")
            counter = LengthCounter(edit, Batas.EKSPEKTASI, near=COUNTER_NEAR)
            box = QWidget()
            kolom = QVBoxLayout(box)
            kolom.setContentsMargins(0, 0, 0, 0)
            kolom.setSpacing(2)
            kolom.addWidget(edit)
            kolom.addWidget(counter)
            counter.on_box_text_changed()  # shown now that it has a parent, when the text is long
            self.edits[p.perilaku_id], self.counters[p.perilaku_id] = edit, counter
            self.grid.addWidget(teks, n, 0)
            self.grid.addWidget(box, n, 1)
        self.save_button.setVisible(detail.boleh_ekspektasi)
        if detail.boleh_ekspektasi:
            self.keterangan.setText(
                "Sebagai pejabat penilai, tuliskan ekspektasi khusus untuk setiap nilai, lalu simpan."
            )
        else:
            self.keterangan.setText("Ekspektasi khusus diisi oleh pejabat penilai sebelum SKP disetujui.")

    def changed(self) -> dict[str, str]:
        return {
            pid: e.text().strip() for pid, e in self.edits.items() if e.text().strip() != self.awal.get(pid)
        }

    def dirty(self) -> bool:
        return bool(self.changed())

    def save(self) -> bool:
        """Store every changed ekspektasi; True when nothing is left unsaved. A refusal is shown and
        the typed texts stay in their boxes."""
        detail, ubah = self.editor.detail, self.changed()
        if detail is None or not ubah:
            return True
        return bool(
            self.editor.act(
                lambda s, a: skp.save_ekspektasi(s, a, detail.id, ubah, stamp=detail.stamp),
                "Ekspektasi khusus pimpinan sudah disimpan.",
            )
        )

    def discard(self) -> None:
        """Put the stored texts back in the boxes (Buang)."""
        for pid, edit in self.edits.items():
            if edit.text().strip() != self.awal.get(pid, ""):
                edit.setPlainText(self.awal.get(pid, ""))

    def on_save_button_clicked(self) -> None:
        self.save()
