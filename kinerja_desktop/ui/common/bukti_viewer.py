"""One piece of evidence shown in place, read-only: a note's text, a link, an image, a PDF, other files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services import bukti
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.bukti import BuktiRow, JenisBukti
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.bukti_daftar import JENIS, ukuran_kb
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE

#: Files larger than this are read in the background (progress and Batal after a moment).
BATAS_LATAR = 1024 * 1024
#: An image is decoded at most this many pixels on its longer side (a preview, not the original).
PIKSEL_MAKS = 2400
_PILIH = Qt.TextInteractionFlag.TextSelectableByMouse
_TEKS = Qt.TextFormat.PlainText  # what the pegawai typed is shown as typed, never as markup
GAMBAR = frozenset({"png", "jpg", "jpeg", "jfif", "gif", "bmp", "webp", "tif", "tiff"})


def _tombol(teks: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    tombol = QPushButton(teks)
    tombol.setAutoDefault(False)
    tombol.setToolTip(tip)
    tombol.clicked.connect(slot)
    return tombol


class Tampilan(Enum):
    """How a file is shown: inside the app (image, PDF) or by the computer's own program."""

    GAMBAR = "gambar"
    PDF = "pdf"
    LAIN = "lain"


def tampilan_untuk(nama_berkas: str) -> Tampilan:
    """By the file name's extension (what the pegawai attached keeps its original name)."""
    akhiran = Path(nama_berkas).suffix.lower().lstrip(".")
    if akhiran == "pdf":
        return Tampilan.PDF
    return Tampilan.GAMBAR if akhiran in GAMBAR else Tampilan.LAIN


@dataclass(frozen=True)
class Siap:
    """A file ready to show: the temporary copy under its own name, and the decoded image if it is one."""

    bukti_id: str
    path: Path
    gambar: QImage | None = None


def baca_gambar(path: Path) -> QImage:
    """The image at most PIKSEL_MAKS on its longer side, turned as its camera meant (a null image when
    it cannot be read). Safe off the GUI thread: a QImage, not a QPixmap."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    ukuran = reader.size()
    if ukuran.isValid() and max(ukuran.width(), ukuran.height()) > PIKSEL_MAKS:
        reader.setScaledSize(ukuran.scaled(PIKSEL_MAKS, PIKSEL_MAKS, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def buka_tautan(parent: QWidget, tautan: str) -> bool:
    """Open a link in the web browser after the user agreed to leave the app; True when opened."""
    if not ask_yes_no(
        parent,
        "Buka tautan ini di peramban?",
        f"{tautan}\n\nTautan ini membuka halaman di luar Kinerja Desktop. Bukalah hanya bila Anda "
        "mengenal alamatnya.",
    ):
        return False
    QDesktopServices.openUrl(QUrl(tautan))
    return True


class BuktiViewer(QWidget):
    """Shows the chosen evidence: notes and links as text, images and PDFs inside the app, any other
    file through the computer's own program. A file that is not there says why and what to do
    (and ``gagal`` fires, so a list beside it can show the file's status as it is now)."""

    gagal = Signal()

    def __init__(self, parent: QWidget | None = None, *, saran_gagal: str = "") -> None:
        """``saran_gagal`` follows the reason a file cannot be shown (who can mend it, on a read-only
        screen)."""
        super().__init__(parent)
        self.row: BuktiRow | None = None
        self.saran_gagal = saran_gagal
        self.judul = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.keterangan = QLabel(wordWrap=True, textInteractionFlags=_PILIH, textFormat=_TEKS)
        self.pesan = QLabel(wordWrap=True, textInteractionFlags=_PILIH, textFormat=_TEKS)
        self.kosong = QLabel(wordWrap=True, textFormat=_TEKS)
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kosong.setStyleSheet(HINT_STYLE)
        self.teks = QPlainTextEdit(readOnly=True)
        self.tautan = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText, openExternalLinks=False)
        self.tautan.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tautan.linkActivated.connect(self.on_tautan_activated)
        self.gambar = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.gambar_area = QScrollArea(widgetResizable=True)
        self.gambar_area.setWidget(self.gambar)
        # The image is fitted again when the room shrinks (scroll bars appear) or a pane is dragged.
        for bar in (self.gambar_area.verticalScrollBar(), self.gambar_area.horizontalScrollBar()):
            bar.rangeChanged.connect(self.on_gambar_range_changed)
        self.pdf = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.stack = QStackedWidget()
        for w in (self.kosong, self.teks, self.tautan, self.gambar_area, self.pdf_view):
            self.stack.addWidget(w)
        self.tautan_button = _tombol("Buk&a tautan…", self.on_tautan_button_clicked)
        self.program_button = _tombol(
            "Buka di program &lain",
            self.on_program_button_clicked,
            "Buka salinan berkas ini dengan program komputer ini (misalnya pengolah kata).",
        )
        self.tampilkan_button = _tombol("Ta&mpilkan", self.on_tampilkan_button_clicked)
        self.tombol = QHBoxLayout()  # a window holding the viewer adds its own buttons here
        self.tombol.addStretch()
        for b in (self.tampilkan_button, self.tautan_button, self.program_button):
            self.tombol.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.judul)
        layout.addWidget(self.keterangan)
        layout.addWidget(self.pesan)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self.tombol)
        self._pixmap = QPixmap()
        self.show_bukti(None)

    @property
    def evidence(self) -> Path:
        return ops.context_of(self).workspace.paths.evidence

    # --- what is shown ----------------------------------------------------------------------------
    def show_bukti(self, row: BuktiRow | None, *, baca: bool = True) -> None:
        """Show ``row`` (None: the hint); a file is read at once unless ``baca`` is false (a large file
        chosen by the form itself, not by the user: it waits for its button)."""
        self.row = row
        self.pdf.close()
        self._pixmap = QPixmap()
        self.gambar.clear()
        self._say("")
        self.tautan_button.setVisible(row is not None and row.jenis == JenisBukti.TAUTAN)
        self.program_button.setVisible(row is not None and row.jenis == JenisBukti.BERKAS)
        self.program_button.setEnabled(False)
        self.tampilkan_button.hide()
        if row is None:
            self.kosong.setText("Pilih bukti dukung di daftar untuk melihatnya di sini.")
            self.judul.setText("")
            self.keterangan.hide()
            self.stack.setCurrentWidget(self.kosong)
            return
        self.judul.setText(self._judul(row))
        lain = row.keterangan if row.jenis != JenisBukti.CATATAN else ""
        self.keterangan.setText(lain)
        self.keterangan.setVisible(bool(lain))
        if row.jenis == JenisBukti.CATATAN:
            self.teks.setPlainText(row.keterangan)
            self.stack.setCurrentWidget(self.teks)
        elif row.jenis == JenisBukti.TAUTAN:
            alamat = escape(row.tautan, quote=True)
            self.tautan.setText(
                f"<p>Alamat: <a href='{alamat}'>{escape(row.tautan)}</a></p>"
                "<p style='color:#666'>Tautan dibuka di peramban, di luar aplikasi ini, setelah Anda "
                "menyetujuinya.</p>"
            )
            self.stack.setCurrentWidget(self.tautan)
        elif baca or row.ukuran <= BATAS_LATAR:
            self.baca_berkas(row)
        else:
            self._tunggu(row)

    def _judul(self, row: BuktiRow) -> str:
        periode = Periode(row.periode).label
        jenis = JENIS.get(row.jenis, row.jenis)
        if row.jenis == JenisBukti.BERKAS:
            return f"<b>{jenis}: {escape(row.nama_berkas)}</b> ({ukuran_kb(row.ukuran)}) · {periode}"
        return f"<b>{jenis}</b> · {periode}"

    def _say(self, text: str, *, error: bool = True) -> None:
        self.pesan.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.pesan.setText(text)
        self.pesan.setVisible(bool(text))

    def _tunggu(self, row: BuktiRow) -> None:
        self.stack.setCurrentWidget(self.kosong)
        self.kosong.setText(f"Berkas ini {ukuran_kb(row.ukuran)}; tekan «Tampilkan» untuk membacanya.")
        self.tampilkan_button.show()
        self.program_button.setEnabled(True)

    def on_tampilkan_button_clicked(self) -> None:
        if self.row is not None and self.row.jenis == JenisBukti.BERKAS:
            self.tampilkan_button.hide()
            self.baca_berkas(self.row)

    # --- reading a file ---------------------------------------------------------------------------
    def baca_berkas(self, row: BuktiRow) -> None:
        """Read the file (a temporary copy under its own name; in the background when large) and show it."""
        evidence, tampilan = self.evidence, tampilan_untuk(row.nama_berkas)
        self.stack.setCurrentWidget(self.kosong)
        self.kosong.setText(f"Membaca {row.nama_berkas}…")

        def work(s: Session, a: Actor) -> Siap:
            path = bukti.berkas_untuk_dibuka(s, a, row.id, evidence)
            return Siap(row.id, path, baca_gambar(path) if tampilan is Tampilan.GAMBAR else None)

        ops.look(
            self,
            work,
            then=self.on_berkas_ready,
            message=ops.note(self.on_berkas_failed),
            background=f"Membaca berkas {row.nama_berkas}…" if row.ukuran > BATAS_LATAR else None,
        )

    def on_berkas_failed(self, text: str) -> None:
        self.stack.setCurrentWidget(self.kosong)
        self.kosong.setText("")
        self.program_button.hide()
        self._say(f"{text}\n{self.saran_gagal}".strip())
        self.gagal.emit()

    def on_berkas_ready(self, siap: Siap) -> None:
        row = self.row
        if row is None or row.id != siap.bukti_id:  # another piece was chosen meanwhile
            return
        self.program_button.setEnabled(True)
        tampilan = tampilan_untuk(row.nama_berkas)
        if tampilan is Tampilan.GAMBAR and siap.gambar is not None and not siap.gambar.isNull():
            self._pixmap = QPixmap.fromImage(siap.gambar)
            self.stack.setCurrentWidget(self.gambar_area)
            self.sesuaikan_gambar()
            QTimer.singleShot(0, self.sesuaikan_gambar)  # once the window is laid out
            return
        if tampilan is Tampilan.PDF and self.pdf.load(str(siap.path)) == QPdfDocument.Error.None_:
            self.stack.setCurrentWidget(self.pdf_view)
            return
        self.stack.setCurrentWidget(self.kosong)
        if tampilan is Tampilan.LAIN:
            self.kosong.setText(
                f"Berkas {row.nama_berkas} tidak bisa ditampilkan di dalam aplikasi. Tekan «Buka di program "
                "lain» untuk membukanya dengan program komputer ini."
            )
        else:
            self.kosong.setText(
                f"Isi berkas {row.nama_berkas} tidak terbaca sebagai {'gambar' if siap.gambar else 'PDF'}. "
                "Coba «Buka di program lain», atau minta pegawai melampirkan ulang berkasnya."
            )

    def on_gambar_range_changed(self, _lo: int, hi: int) -> None:
        if hi > 0:
            self.sesuaikan_gambar()

    def sesuaikan_gambar(self) -> None:
        """Scale the image to the room it has now (never above its own size); called again when the
        panes around it are resized."""
        if self._pixmap.isNull():
            return
        ruang = self.gambar_area.viewport().size() - QSize(4, 4)
        if ruang.width() < 50 or ruang.height() < 50:
            ruang = QSize(400, 300)
        asli = self._pixmap.size()
        muat = asli.width() <= ruang.width() and asli.height() <= ruang.height()
        target = asli if muat else asli.scaled(ruang, Qt.AspectRatioMode.KeepAspectRatio)
        if target == self.gambar.pixmap().size():
            return  # already at that size: scaling is the slow part
        if muat:
            self.gambar.setPixmap(self._pixmap)
            return
        mode = Qt.TransformationMode.SmoothTransformation
        self.gambar.setPixmap(self._pixmap.scaled(target, Qt.AspectRatioMode.IgnoreAspectRatio, mode))

    # --- leaving the app --------------------------------------------------------------------------
    def on_tautan_activated(self, _href: str) -> None:
        self.on_tautan_button_clicked()

    def on_tautan_button_clicked(self) -> None:
        if self.row is not None and self.row.jenis == JenisBukti.TAUTAN:
            buka_tautan(self, self.row.tautan)

    def on_program_button_clicked(self) -> None:
        """The temporary copy opened by the program this computer uses for its kind of file."""
        row = self.row
        if row is None or row.jenis != JenisBukti.BERKAS:
            return
        evidence = self.evidence

        def buka(path: Path) -> None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        ops.look(
            self,
            lambda s, a: bukti.berkas_untuk_dibuka(s, a, row.id, evidence),
            then=buka,
            message=ops.note(self.on_berkas_failed),
            background=f"Menyiapkan berkas {row.nama_berkas}…" if row.ukuran > BATAS_LATAR else None,
        )


class BuktiDialog(QDialog):
    """The viewer in a window of its own (the Realisasi page), left open beside the page and reused for
    the next piece opened."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.viewer = BuktiViewer()
        self.viewer.tombol.addWidget(_tombol("&Tutup", self.close))
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer)
        fit_to_screen(self, 900, 760)

    def show_bukti(self, row: BuktiRow) -> None:
        self.setWindowTitle(f"Bukti dukung — {row.nama_berkas or JENIS.get(row.jenis, row.jenis)}")
        self.show()
        self.activateWindow()
        self.viewer.show_bukti(row)
