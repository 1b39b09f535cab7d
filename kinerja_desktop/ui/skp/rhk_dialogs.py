"""Dialogs of the Hasil Kerja tab: an RHK, an indicator, and "Mulai dari RHK atasan"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.skp import (
    JenisForm,
    JenisRhk,
    Perspektif,
    PilihanKaskade,
    RhkInput,
    RhkPilihan,
    RhkView,
)
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.ui.common.forms import FormDialog, LengthCounter, TeksEdit
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.common.widgets import HINT_STYLE, FieldNote, with_note

_USER = Qt.ItemDataRole.UserRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
TANPA_ATASAN = "— tanpa RHK atasan —"
JENIS_LABEL = {JenisRhk.UTAMA.value: "Utama", JenisRhk.TAMBAHAN.value: "Tambahan"}


def potong(teks: str, n: int = 90) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1].rstrip() + "…"


def jenis_combo(jenis: str = JenisRhk.UTAMA.value) -> QComboBox:
    combo = QComboBox()
    for code, label in JENIS_LABEL.items():
        combo.addItem(label, code)
    combo.setCurrentIndex(max(0, combo.findData(jenis)))
    return combo


class RhkDialog(FormDialog):
    """Jenis, (JA/JF) the intervened superior RHK or (JPT) perspektif, and the RHK text."""

    def __init__(
        self, parent: QWidget | None, jenis_form: str, kaskade: PilihanKaskade, awal: RhkView | None = None
    ) -> None:
        super().__init__(parent, "Ubah RHK" if awal else "Tambah RHK")
        self.jpt = jenis_form == JenisForm.JPT
        self.kaskade = kaskade
        self.value_: RhkInput | None = None
        self.jenis = jenis_combo(awal.jenis if awal else JenisRhk.UTAMA.value)
        self.atasan = QComboBox()
        self.atasan.setMinimumContentsLength(50)
        self.atasan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.atasan.addItem(TANPA_ATASAN, None)
        for p in kaskade.pilihan:
            self.atasan.addItem(f"{JENIS_LABEL.get(p.jenis, p.jenis)}: {potong(p.teks)}", p.id)
            self.atasan.setItemData(self.atasan.count() - 1, p.teks, _TOOLTIP)
        if awal and awal.rhk_atasan_id and self.atasan.findData(awal.rhk_atasan_id) < 0:
            self.atasan.addItem(f"(tautan lama) {potong(awal.rhk_atasan_teks)}", awal.rhk_atasan_id)
        self.atasan.setCurrentIndex(max(0, self.atasan.findData(awal.rhk_atasan_id if awal else None)))
        self.pesan = QLabel(kaskade.pesan, wordWrap=True, styleSheet=HINT_STYLE)
        self.pesan.setVisible(bool(kaskade.pesan))
        self.perspektif = QComboBox()
        self.perspektif.addItem("— pilih perspektif —", "")
        for pers in Perspektif:
            self.perspektif.addItem(pers.label, pers.value)
        self.perspektif.setCurrentIndex(max(0, self.perspektif.findData(awal.perspektif if awal else "")))
        self.teks = TeksEdit(awal.teks if awal else "", lines=4)
        self.teks.enter.connect(self.accept)
        self.counter = LengthCounter(self.teks, Batas.RHK)
        self.atasan_note, self.teks_note = FieldNote(), FieldNote()
        self.notes.update(teks=self.teks_note, rhk_atasan_id=self.atasan_note, perspektif=self.atasan_note)

        form = QFormLayout()
        form.addRow("Jenis RHK", self.jenis)
        if self.jpt:
            form.addRow("Perspektif", self.perspektif)
        else:
            atasan = QVBoxLayout()
            atasan.addWidget(self.atasan)
            atasan.addWidget(self.pesan)
            box = with_note(atasan, self.atasan_note)
            form.addRow("RHK atasan yang\ndiintervensi", box)
        teks = QVBoxLayout()
        teks.addWidget(self.teks)
        teks.addWidget(self.counter)
        form.addRow("Rencana hasil kerja", with_note(teks, self.teks_note))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self.atasan.currentIndexChanged.connect(self.on_atasan_changed)
        self.mark_clean()

    def snapshot(self) -> object:
        return (
            self.jenis.currentData(),
            self.atasan.currentData(),
            self.perspektif.currentData(),
            self.teks.text().strip(),
        )

    def on_atasan_changed(self) -> None:
        """Choosing a superior RHK on an empty form offers its text as a start."""
        pilihan = {p.id: p for p in self.kaskade.pilihan}.get(self.atasan.currentData())
        if pilihan is not None and not self.teks.text().strip():
            self.teks.prefill(pilihan.teks)

    def check(self) -> bool:
        self.atasan_note.clear_note()
        self.teks_note.clear_note()
        teks = self.teks.text().strip()
        jenis = self.jenis.currentData()
        rhk_atasan = None if self.jpt else self.atasan.currentData()
        if not teks:
            self.teks_note.set_error("Tuliskan rencana hasil kerja.")
            self.teks.setFocus()
            return False
        if not self.jpt and jenis == JenisRhk.UTAMA and self.kaskade.wajib and rhk_atasan is None:
            self.atasan_note.set_error("RHK utama wajib mengintervensi salah satu RHK atasan.")
            self.atasan.setFocus()
            return False
        perspektif = self.perspektif.currentData() if self.jpt else ""
        self.value_ = RhkInput(teks, jenis, rhk_atasan, perspektif)
        return True

    def value(self) -> RhkInput:
        assert self.value_ is not None
        return self.value_


class MulaiDariDialog(FormDialog):
    """Pick one of the superior's approved RHKs to copy (text, indicators, link)."""

    def __init__(self, parent: QWidget | None, atasan_nama: str, pilihan: list[RhkPilihan]) -> None:
        super().__init__(parent, "Mulai dari RHK atasan", "Tambahkan")
        self.daftar = QListWidget()
        self.daftar.setWordWrap(True)
        for p in pilihan:
            jenis = JENIS_LABEL.get(p.jenis, p.jenis)
            item = QListWidgetItem(f"{jenis}: {p.teks}  ({len(p.indikator)} indikator)")
            item.setData(_USER, p.id)
            self.daftar.addItem(item)
        if pilihan:
            self.daftar.setCurrentRow(0)
        self.daftar.itemDoubleClicked.connect(self.accept)
        self.jenis = jenis_combo()
        layout = QVBoxLayout(self)
        keterangan = (
            f"RHK {atasan_nama} yang sudah disetujui. RHK baru menyalin teks dan indikatornya, "
            "dan mengintervensi RHK yang dipilih."
        )
        layout.addWidget(QLabel(keterangan, wordWrap=True))
        layout.addWidget(self.daftar, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel("Jenis RHK baru"))
        row.addWidget(self.jenis)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 700, 420)
        self.mark_clean()

    def check(self) -> bool:
        if self.daftar.currentItem() is None:
            self.message.set_error("Pilih satu RHK atasan.")
            return False
        return True

    def value(self) -> tuple[str, str]:
        item = self.daftar.currentItem()
        return str(item.data(_USER)), str(self.jenis.currentData())
