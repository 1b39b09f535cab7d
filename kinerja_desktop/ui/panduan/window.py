"""The Panduan window: chapters on the left, the chapter on the right, search across the whole guide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextTable,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_TITLE
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.panduan import isi

#: Room between a picture and the edge of the reading pane.
_TEPI_GAMBAR = 60
_WARNA_TEMUAN = QColor("#ffe27a")


class Halaman(QTextBrowser):
    """The reading pane: a chapter's Markdown with roomier headings and pictures no wider than the pane."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.setOpenLinks(False)
        self._lebar_dimuat = 0

    def tampilkan(self, teks: str) -> None:
        self._lebar_dimuat = self._lebar_gambar()
        self.document().clear()
        self.document().setMarkdown(teks, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        self.document().setDocumentMargin(14)
        block = self.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setTopMargin(18 if level > 1 else 4)
                fmt.setBottomMargin(8)
                cursor.setBlockFormat(fmt)
            block = block.next()
        for frame in self.document().rootFrame().childFrames():
            if isinstance(frame, QTextTable):
                table_fmt = frame.format()
                table_fmt.setCellPadding(4)
                table_fmt.setCellSpacing(0)
                table_fmt.setBorderCollapse(True)
                frame.setFormat(table_fmt)
        self.moveCursor(QTextCursor.MoveOperation.Start)  # a chapter opens at its title

    def _lebar_gambar(self) -> int:
        return max(480, self.viewport().width() - _TEPI_GAMBAR)

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        if type_ == QTextDocument.ResourceType.ImageResource.value and not url.scheme():
            image = QImage(str(self.folder / url.path()))
            if image.isNull():
                return None
            lebar = self._lebar_gambar()
            if image.width() > lebar:
                image = image.scaledToWidth(lebar, Qt.TransformationMode.SmoothTransformation)
            return image
        return super().loadResource(type_, name)

    def perlu_dimuat_ulang(self) -> bool:
        """Whether the pane grew or shrank enough that the pictures should be scaled again."""
        return abs(self._lebar_gambar() - self._lebar_dimuat) > 40


class PanduanWindow(QWidget):
    """A non-modal window over the main window; ``buka(bab)`` shows a chapter by its anchor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(f"Panduan — {APP_TITLE}")
        self.semua = isi.daftar_bab()
        self.nama_sekarang = ""
        self._riwayat: list[str] = []
        self._teks_polos: dict[str, str] = {}

        self.cari = QLineEdit(placeholderText="Cari di panduan…", clearButtonEnabled=True)
        self.cari.setObjectName("cari")
        self.cari.setToolTip("Ketik kata yang dicari; Enter menuju temuan berikutnya.")
        self.cari.textChanged.connect(self.on_cari_text_changed)
        self.cari.returnPressed.connect(self.on_cari_return_pressed)
        self.jumlah = QLabel("", wordWrap=True)
        self.jumlah.setStyleSheet("color: #555;")
        self.jumlah.setVisible(False)
        self.daftar = QListWidget()
        self.daftar.setObjectName("daftar_bab")
        self.daftar.setStyleSheet("QListWidget::item { padding: 5px 6px; }")
        self.daftar.setWordWrap(True)
        self.daftar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for bab in self.semua:
            item = QListWidgetItem(bab.judul)
            item.setData(Qt.ItemDataRole.UserRole, bab.nama)
            self.daftar.addItem(item)
        self.daftar.currentItemChanged.connect(self.on_daftar_current_changed)
        self.kembali = QPushButton("Kembali")
        self.kembali.setToolTip("Kembali ke bab yang dibaca sebelumnya (Alt+Kiri)")
        self.kembali.setEnabled(False)
        self.kembali.clicked.connect(self.on_kembali_clicked)
        QShortcut(QKeySequence("Alt+Left"), self, self.on_kembali_clicked)
        QShortcut(QKeySequence.StandardKey.Find, self, self.cari.setFocus)
        QShortcut(QKeySequence("Esc"), self, self.close)

        kiri = QWidget()
        kiri_layout = QVBoxLayout(kiri)
        kiri_layout.setContentsMargins(8, 8, 0, 8)
        kiri_layout.addWidget(self.cari)
        kiri_layout.addWidget(self.jumlah)
        kiri_layout.addWidget(self.daftar, 1)
        tombol = QHBoxLayout()
        tombol.addWidget(self.kembali)
        tombol.addStretch(1)
        kiri_layout.addLayout(tombol)

        self.halaman = Halaman(isi.folder())
        self.halaman.setObjectName("isi_panduan")
        self.halaman.anchorClicked.connect(self.on_halaman_anchor_clicked)
        splitter = QSplitter()
        splitter.addWidget(kiri)
        splitter.addWidget(self.halaman)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 850])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        fit_to_screen(self, 1200, 860)

    # --- reading ------------------------------------------------------------------------------------
    def bab(self, nama: str) -> isi.Bab | None:
        return next((bab for bab in self.semua if bab.nama == nama), None)

    def buka(self, nama: str, *, catat: bool = True) -> None:
        """Show chapter ``nama`` (the first chapter when no chapter has that anchor)."""
        bab = self.bab(nama) or self.bab(isi.BAB_AWAL) or (self.semua[0] if self.semua else None)
        if bab is None:
            self.halaman.setPlainText("Berkas panduan tidak ditemukan. Pasang ulang aplikasi.")
            return
        if catat and self.nama_sekarang and self.nama_sekarang != bab.nama:
            self._riwayat.append(self.nama_sekarang)
        self.kembali.setEnabled(bool(self._riwayat))
        self.nama_sekarang = bab.nama
        self.halaman.tampilkan(bab.teks())
        self._tandai_temuan()
        self.daftar.blockSignals(True)
        for row in range(self.daftar.count()):
            if self.daftar.item(row).data(Qt.ItemDataRole.UserRole) == bab.nama:
                self.daftar.setCurrentRow(row)
        self.daftar.blockSignals(False)

    def on_daftar_current_changed(self, current: QListWidgetItem | None, _old: object) -> None:
        if current is not None:
            self.buka(str(current.data(Qt.ItemDataRole.UserRole)))

    def on_halaman_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        nama = isi.bab_dari_berkas(url.path())
        if nama:
            self.buka(nama)

    def on_kembali_clicked(self) -> None:
        if self._riwayat:
            self.buka(self._riwayat.pop(), catat=False)
            self.kembali.setEnabled(bool(self._riwayat))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.nama_sekarang and self.halaman.perlu_dimuat_ulang():
            posisi = self.halaman.verticalScrollBar().value()
            self.buka(self.nama_sekarang, catat=False)
            self.halaman.verticalScrollBar().setValue(posisi)

    # --- search -------------------------------------------------------------------------------------
    def teks_polos(self, bab: isi.Bab) -> str:
        """The chapter as it reads on screen (no Markdown marks), lower-case, for searching."""
        if bab.nama not in self._teks_polos:
            doc = QTextDocument()
            doc.setMarkdown(bab.teks())
            self._teks_polos[bab.nama] = doc.toPlainText().lower()
        return self._teks_polos[bab.nama]

    def temuan(self, kata: str) -> dict[str, int]:
        """How often ``kata`` occurs in each chapter that has it."""
        kata = kata.strip().lower()
        if not kata:
            return {}
        hitung = {bab.nama: self.teks_polos(bab).count(kata) for bab in self.semua}
        return {nama: n for nama, n in hitung.items() if n}

    def on_cari_text_changed(self, text: str) -> None:
        hasil = self.temuan(text)
        for row in range(self.daftar.count()):
            item = self.daftar.item(row)
            bab = self.semua[row]
            n = hasil.get(bab.nama, 0)
            item.setHidden(bool(text.strip()) and not n)
            item.setText(f"{bab.judul}  ({format_angka(n)})" if n else bab.judul)
        self.daftar.doItemsLayout()  # a longer title wraps instead of being cut
        self.jumlah.setVisible(bool(text.strip()))
        if not text.strip():
            self.jumlah.setText("")
        elif hasil:
            total = sum(hasil.values())
            self.jumlah.setText(
                f"{format_angka(total)} temuan di {format_angka(len(hasil))} bab. "
                "Tekan Enter untuk yang berikutnya."
            )
        else:
            self.jumlah.setText("Tidak ditemukan. Coba kata lain yang lebih pendek.")
        if hasil and self.nama_sekarang not in hasil:
            self.buka(next(bab.nama for bab in self.semua if bab.nama in hasil))
        else:
            self._tandai_temuan()

    def on_cari_return_pressed(self) -> None:
        kata = self.cari.text().strip()
        hasil = self.temuan(kata)
        if not hasil:
            return
        if self.halaman.find(kata):
            return
        urutan = [bab.nama for bab in self.semua if bab.nama in hasil]
        posisi = urutan.index(self.nama_sekarang) if self.nama_sekarang in urutan else -1
        self.buka(urutan[(posisi + 1) % len(urutan)])
        self.halaman.find(kata)

    def _tandai_temuan(self) -> None:
        """Paint every occurrence of the search words in the chapter shown, and go to the first one."""
        kata = self.cari.text().strip()
        doc = self.halaman.document()
        tanda: list[QTextEdit.ExtraSelection] = []
        cursor = doc.find(kata) if kata else QTextCursor()
        pertama = QTextCursor(cursor)
        while kata and not cursor.isNull():
            pilihan = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(_WARNA_TEMUAN)
            pilihan.format = fmt
            pilihan.cursor = cursor
            tanda.append(pilihan)
            cursor = doc.find(kata, cursor)
        self.halaman.setExtraSelections(tanda)
        if not pertama.isNull():
            pertama.clearSelection()
            self.halaman.setTextCursor(pertama)
            self.halaman.ensureCursorVisible()


def buka_panduan(parent: QWidget, bab: str) -> PanduanWindow:
    """Show the guide at chapter ``bab``: the window already open over ``parent``, else a new one."""
    window = parent.findChild(PanduanWindow)
    if window is None:
        window = PanduanWindow(parent)
    window.buka(bab)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
