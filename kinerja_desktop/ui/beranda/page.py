"""Home page: the office, what waits for this user (each line opens where it is done), the numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.model.kantor import KantorInfo
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services import summary as ringkasan
from kinerja_desktop.core.services.access import Actor, Izin, Peran
from kinerja_desktop.core.services.langkah_awal import LangkahAwal, langkah_awal
from kinerja_desktop.core.services.pekerjaan import Cadangan, DaftarPekerjaan, Pekerjaan, daftar_pekerjaan
from kinerja_desktop.ui.beranda.grafik import GrafikKantor
from kinerja_desktop.ui.beranda.tujuan import Arah, arah_langkah, arah_pekerjaan
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Fokus, Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskContext, default_failure
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE

_SKP_STATUS = (
    ("draft", "Draf"),
    ("diajukan", "Diajukan"),
    ("disetujui", "Disetujui"),
    ("ditolak", "Ditolak"),
)
_TAUTAN = (
    "QPushButton { border: none; background: transparent; color: #0b5cad; text-align: left;"
    " padding: 3px 2px; font-size: 10.5pt; }"
    "QPushButton:hover, QPushButton:focus { text-decoration: underline; }"
)
DEMO = (
    "DATA DEMO — isi basis data ini contoh, bukan data pegawai sungguhan. Bila sudah siap, "
    "mulai data kantor Anda sendiri dengan tombol di samping."
)
DEMO_LIHAT = (
    "DATA DEMO — isi basis data ini contoh, bukan data pegawai sungguhan. Data kantor sungguhan "
    "dimulai oleh administrator kantor."
)
#: Shown while the lines are read and when nothing waits.
MEMUAT = "Menghitung pekerjaan yang menunggu…"
KOSONG = "Tidak ada pekerjaan yang menunggu."


def hari_ini() -> date:
    """The day the lines are counted for (the current period follows from it)."""
    return date.today()


@dataclass(frozen=True)
class BacaanBeranda:
    """Everything the page reads in the background: the to-do lines, the first steps, the numbers."""

    pekerjaan: DaftarPekerjaan
    langkah: list[LangkahAwal] | None
    angka: ringkasan.Ringkasan


def baca_beranda(session: Session, actor: Actor, hari: date, cadangan: Cadangan | None) -> BacaanBeranda:
    daftar = daftar_pekerjaan(session, actor, hari, cadangan)
    # The first steps are work for whoever keeps the office's data, not for a penilai or a pimpinan.
    langkah = langkah_awal(session, actor, daftar.tahun) if actor.can(Izin.KELOLA_PEGAWAI) else None
    angka = ringkasan.ringkasan(session, actor, daftar.tahun, daftar.periode.kode)
    return BacaanBeranda(daftar, langkah, angka)


def _judul(teks: str, tambah: int = 2) -> QLabel:
    label = QLabel(teks)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + tambah)
    font.setBold(True)
    label.setFont(font)
    return label


def _petunjuk(teks: str) -> QLabel:
    label = QLabel(teks, wordWrap=True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _tautan(teks: str) -> QPushButton:
    button = QPushButton(teks)
    button.setStyleSheet(_TAUTAN)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFlat(True)
    return button


def _kosongkan(layout: QLayout) -> None:
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            _kosongkan(inner)


class _Card(QFrame):
    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        font = QFont(self.value.font())
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555;")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


#: The charts' least height: axis labels and a few unit bars stay readable on a 1366×768 screen.
TINGGI_GRAFIK = 280


class BerandaPage(Page):
    """Sections from the top: the office, the demo banner, a new office's first steps, the to-do lines,
    the numbers of the period, then ``area_grafik`` for charts; all in a scroll area.

    The heading is read at once; the rest in the background (``baca_beranda``), so the page paints
    before the counts of a large office are done.
    """

    title = "Beranda"
    izin = Izin.LIHAT_DATA
    bab_panduan = "mulai"
    #: The demo banner's button: leave the demo for the real office (the main window asks how).
    mulai_sungguhan = Signal()
    #: A line was clicked: the page class and the ``Fokus`` it should open on.
    buka_halaman = Signal(object, object)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self._bacaan_ke = 0  # only the newest read is shown
        self.bacaan: BacaanBeranda | None = None
        self.heading = _judul("", 5)
        self.subheading = QLabel(wordWrap=True)
        self.demo_banner = QLabel(DEMO, wordWrap=True)
        self.demo_banner.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 8px; border-radius: 4px;"
        )
        self.demo_banner.hide()
        self.demo_button = QPushButton("Mulai data kantor sungguhan…")
        self.demo_button.clicked.connect(self.mulai_sungguhan)
        self.demo_button.setEnabled(ctx.actor.can(Izin.KELOLA_KANTOR))
        self.demo_button.hide()

        self.judul_pekerjaan = _judul("Yang perlu dikerjakan")
        self.status_pekerjaan = _petunjuk(MEMUAT)
        self.daftar = QVBoxLayout()
        self.daftar.setSpacing(0)
        #: The clickable lines as shown: (button or label, the line).
        self.baris: list[tuple[QPushButton | QLabel, Pekerjaan]] = []

        self.judul_langkah = _judul("Langkah awal kantor")
        self.keterangan_langkah = _petunjuk(
            "Kantor ini baru mulai. Selesaikan langkah berikut berurutan; tanda centang muncul sendiri "
            "setelah langkahnya selesai."
        )
        self.langkah = QGridLayout()
        self.langkah.setColumnStretch(2, 1)
        self.kotak_langkah = QWidget()
        kotak = QVBoxLayout(self.kotak_langkah)
        kotak.setContentsMargins(0, 10, 0, 0)
        kotak.addWidget(self.judul_langkah)
        kotak.addWidget(self.keterangan_langkah)
        kotak.addLayout(self.langkah)
        self.kotak_langkah.hide()
        self.tombol_langkah: list[tuple[QPushButton | QLabel, LangkahAwal]] = []

        self.judul_angka = _judul("Sekilas kantor")
        self.cards: dict[str, _Card] = {
            "pegawai": _Card("pegawai aktif"),
            "pppk": _Card("di antaranya PPPK"),
            "unit": _Card("unit kerja"),
            "skp": _Card("SKP tahun ini"),
            "eval_final": _Card("evaluasi final periode ini"),
            "eval_draf": _Card("evaluasi masih draf periode ini"),
        }
        grid = QGridLayout()
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 3, index % 3)
        self.skp_detail = QLabel(wordWrap=True)
        self.skp_detail.setObjectName("skp_detail")
        self.skp_detail.setTextFormat(Qt.TextFormat.PlainText)
        #: Charts of the office, below the numbers.
        self.grafik = GrafikKantor(ctx)
        self.grafik.setMinimumHeight(TINGGI_GRAFIK)
        self.area_grafik = QVBoxLayout()
        self.area_grafik.addWidget(self.grafik)
        self._build_layout(grid)

    def _build_layout(self, grid: QGridLayout) -> None:
        isi = QWidget()
        isi.setObjectName("isi_beranda")
        layout = QVBoxLayout(isi)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_banner, 1)
        demo_row.addWidget(self.demo_button)
        layout.addLayout(demo_row)
        layout.addWidget(self.kotak_langkah)  # a new office's first steps come before anything else
        layout.addSpacing(10)
        layout.addWidget(self.judul_pekerjaan)
        layout.addWidget(self.status_pekerjaan)
        layout.addLayout(self.daftar)
        layout.addSpacing(14)
        layout.addWidget(self.judul_angka)
        layout.addLayout(grid)
        layout.addWidget(self.skp_detail)
        layout.addSpacing(8)
        layout.addLayout(self.area_grafik, 1)  # the charts take the height left, and keep enough to read
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(isi)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- data -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The office at once; the lines and numbers, then the charts, in the background (no progress
        dialog): the worker takes them in turn, and the work waiting comes first."""
        dibaca = ops.look(self, lambda s, _a: kantor.get_kantor(s))
        if dibaca:
            self.show_kantor(dibaca.value)
        self._bacaan_ke += 1
        nomor = self._bacaan_ke
        if self.bacaan is None:
            self.status_pekerjaan.setText(MEMUAT)
            self.status_pekerjaan.setStyleSheet(HINT_STYLE)
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_task: TaskContext) -> BacaanBeranda:
            cadangan = None
            if actor.peran is Peran.ADMIN:
                cadangan = Cadangan(ws.last_backup(), ws.is_sqlite or ws.can_back_up())
            with ws.read() as session:
                return baca_beranda(session, actor, hari_ini(), cadangan)

        def done(hasil: BacaanBeranda) -> None:
            if isValid(self) and nomor == self._bacaan_ke:  # not a page closed while it was read
                self.show_data(hasil)

        self.ctx.tasks.run(
            work, done, self.on_read_failed, label="Memuat Beranda…", cancellable=False, quiet=True
        )
        self.grafik.refresh()

    def on_read_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        if isinstance(exc, KnownError):
            self.status_pekerjaan.setText(str(exc))
            self.status_pekerjaan.setStyleSheet(ERROR_STYLE)
            return
        default_failure(self, exc)

    def show_kantor(self, info: KantorInfo) -> None:
        self.heading.setText(info.nama)
        parts = [p for p in (info.instansi, info.alamat.replace("\n", ", ")) if p]
        jenis = "Kantor pusat" if info.is_pusat else "Kantor"
        self.subheading.setText(f"{jenis} · kode {info.kode}" + (" · " + " · ".join(parts) if parts else ""))
        boleh = self.ctx.actor.can(Izin.KELOLA_KANTOR)
        self.demo_banner.setVisible(info.demo)
        self.demo_banner.setText(DEMO if boleh else DEMO_LIHAT)
        self.demo_button.setVisible(info.demo and self.ctx.workspace.is_sqlite and boleh)

    def show_data(self, data: BacaanBeranda) -> None:
        self.bacaan = data
        self.show_pekerjaan(data.pekerjaan)
        self.show_langkah(data.langkah, data.pekerjaan.tahun)
        self.show_angka(data.angka, data.pekerjaan)

    def show_pekerjaan(self, daftar: DaftarPekerjaan) -> None:
        judul = (
            "Unit yang belum selesai" if self.ctx.actor.peran is Peran.PIMPINAN else "Yang perlu dikerjakan"
        )
        self.judul_pekerjaan.setText(f"{judul} — {daftar.periode_label}")
        _kosongkan(self.daftar)
        self.baris = []
        for baris in daftar.baris:
            widget = self._widget_arah(f"•  {baris.teks}", arah_pekerjaan(baris))
            self.daftar.addWidget(widget)
            self.baris.append((widget, baris))
        self.status_pekerjaan.setStyleSheet(HINT_STYLE)
        self.status_pekerjaan.setText("" if daftar.baris else KOSONG)
        self.status_pekerjaan.setVisible(not daftar.baris)

    def show_langkah(self, langkah: list[LangkahAwal] | None, tahun: int) -> None:
        _kosongkan(self.langkah)
        self.tombol_langkah = []
        self.kotak_langkah.setVisible(bool(langkah))
        for n, item in enumerate(langkah or []):
            tanda = QLabel("✔" if item.selesai else "○")
            tanda.setStyleSheet("color: #1b6e4a; font-weight: bold;" if item.selesai else "color: #8a5300;")
            tanda.setToolTip("Sudah" if item.selesai else "Belum")
            widget = self._widget_arah(f"{n + 1}. {item.judul}", arah_langkah(item, tahun))
            keterangan = _petunjuk(item.keterangan)
            self.langkah.addWidget(tanda, n, 0)
            self.langkah.addWidget(widget, n, 1)
            self.langkah.addWidget(keterangan, n, 2)
            self.tombol_langkah.append((widget, item))

    def show_angka(self, data: ringkasan.Ringkasan, daftar: DaftarPekerjaan) -> None:
        self.judul_angka.setText(f"Sekilas kantor — {daftar.periode_label}")
        self.cards["pegawai"].value.setText(format_angka(data.pegawai_aktif))
        self.cards["pppk"].value.setText(format_angka(data.pegawai_pppk))
        self.cards["unit"].value.setText(format_angka(data.unit_aktif))
        self.cards["skp"].value.setText(format_angka(data.skp_total))
        self.cards["skp"].caption.setText(f"SKP tahun {data.tahun}")
        self.cards["eval_final"].value.setText(format_angka(data.evaluasi_final))
        self.cards["eval_final"].caption.setText(f"evaluasi final {daftar.periode_label}")
        self.cards["eval_draf"].value.setText(format_angka(data.evaluasi_draf))
        self.cards["eval_draf"].caption.setText(f"evaluasi masih draf {daftar.periode_label}")
        rincian = ", ".join(
            f"{label} {format_angka(data.skp_per_status.get(code, 0))}" for code, label in _SKP_STATUS
        )
        self.skp_detail.setText(f"Status SKP {data.tahun}: {rincian}.")

    def _widget_arah(self, teks: str, arah: Arah) -> QPushButton | QLabel:
        """A link to the page that resolves the line, or plain text when this account may not open it."""
        if arah is None or not self.ctx.actor.can(arah[0].izin):
            label = QLabel(teks, wordWrap=True)
            label.setContentsMargins(2, 3, 2, 3)
            return label
        cls, fokus = arah
        button = _tautan(teks)
        button.setToolTip(f"Buka halaman {cls.title}")
        button.clicked.connect(lambda: self.on_tautan_clicked(cls, fokus))
        return button

    def on_tautan_clicked(self, cls: type[Page], fokus: Fokus) -> None:
        self.buka_halaman.emit(cls, fokus)
