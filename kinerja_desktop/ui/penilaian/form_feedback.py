"""The evaluation form's hasil kerja and perilaku kerja: RHK cards and BerAKHLAK rows with feedback boxes."""

from __future__ import annotations

import re
from functools import partial
from html import escape

from PySide6.QtCore import QSizeF, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.evaluasi import EvaluasiForm, RhkEvaluasi
from kinerja_desktop.core.model.skp import Aspek, JenisForm, JenisRhk, Perspektif
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.ui.common.forms import LengthCounter
from kinerja_desktop.ui.common.widgets import HINT_STYLE
from kinerja_desktop.ui.penilaian.form_bukti import BuktiRhkPane

_KARTU_TERPILIH = "QFrame#kartu_terpilih { border: 2px solid #3b78c2; border-radius: 3px; }"
_READ_ONLY_STYLE = "QTextEdit { background: #f3f3f3; color: #222; }"
_PERIODE_BARU = re.compile(r"; (?=[A-Z][a-z]+(?: [IV]+)?: )")
_SEL = "style='border:1px solid #b8b8b8; padding:3px; vertical-align:top'"
#: A box's counter appears once this share of its limit is used (the form has a dozen boxes or more).
COUNTER_NEAR = 0.8


class TeksIsian(QTextEdit):
    """A paragraph box that grows with its text (up to ``baris_maks`` lines), plain text, Tab moves on.

    ``counter`` (placed by the form under the box) says how many characters are left once the text
    nears the limit the service checks (``Batas.EVALUASI``).
    """

    def __init__(self, text: str = "", *, placeholder: str = "", baris_min: int = 2, baris_maks: int = 14):
        super().__init__()
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setPlainText(text)
        self.setPlaceholderText(placeholder)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        line = self.fontMetrics().lineSpacing()
        self._min, self._max = line * baris_min + 14, line * baris_maks + 14
        self.setFixedHeight(self._min)
        self.document().documentLayout().documentSizeChanged.connect(self.on_document_size_changed)
        self.counter = LengthCounter(self, Batas.EVALUASI, near=COUNTER_NEAR)

    def on_document_size_changed(self, size: QSizeF) -> None:
        needed = int(size.height()) + 2 * self.frameWidth() + 4
        self.setFixedHeight(max(self._min, min(self._max, needed)))

    def with_counter(self) -> QWidget:
        """The box with its counter below it, as one cell of a form."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self)
        layout.addWidget(self.counter)
        self.counter.on_box_text_changed()
        return box

    def text(self) -> str:
        return self.toPlainText().strip()

    def set_editable(self, editable: bool) -> None:
        self.setReadOnly(not editable)
        self.setStyleSheet("" if editable else _READ_ONLY_STYLE)
        if not editable and not self.toPlainText():
            self.setPlaceholderText("(belum diisi)")
        self.counter.on_box_text_changed()


class TeksTampil(QTextBrowser):
    """Read-only rich text laid out at the available width, as tall as it needs (nothing cut off)."""

    def __init__(self, html: str = "") -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self.document().setDocumentMargin(0)
        self.document().documentLayout().documentSizeChanged.connect(self.on_document_size_changed)
        self.setHtml(html)

    def on_document_size_changed(self, size: QSizeF) -> None:
        self.setFixedHeight(int(size.height()) + 2)


def _label(enum: type[Aspek] | type[Perspektif], code: str) -> str:
    try:
        return enum(code).label
    except ValueError:
        return code


def _realisasi_html(teks: str) -> str:
    if not teks:
        return "<span style='color:#888'><i>belum diisi</i></span>"
    return "<br>".join(escape(bagian) for bagian in _PERIODE_BARU.split(teks))


def tabel_indikator(r: RhkEvaluasi, jpt: bool, akhir: bool) -> str:
    """The indicators of one RHK as an HTML table: (aspek), IKI, target, realisasi."""
    judul = ["Indikator kinerja individu", "Target", "Realisasi" + (" per periode" if akhir else "")]
    lebar = ["48%", "17%", "35%"] if jpt else ["12%", "40%", "16%", "32%"]
    if not jpt:
        judul.insert(0, "Aspek")
    kepala = "".join(
        f"<th {_SEL} width='{w}' align='left' bgcolor='#eef1f5'>{t}</th>"
        for t, w in zip(judul, lebar, strict=True)
    )
    baris = []
    for i in r.indikator:
        sel = [escape(i.teks), escape(i.target) or "—", _realisasi_html(i.realisasi)]
        if not jpt:
            sel.insert(0, escape(_label(Aspek, i.aspek)))
        baris.append("<tr>" + "".join(f"<td {_SEL}>{s}</td>" for s in sel) + "</tr>")
    if not baris:
        baris.append(f"<tr><td {_SEL} colspan='{len(judul)}'><i>belum ada indikator</i></td></tr>")
    return (
        "<table width='100%' cellspacing='0' cellpadding='3' style='border-collapse:collapse'>"
        f"<tr>{kepala}</tr>{''.join(baris)}</table>"
    )


class RhkKartu(QFrame):
    """One RHK: what was planned and realised, the pegawai's own account, the penilai's feedback."""

    def __init__(self, nomor: str, r: RhkEvaluasi, jpt: bool, akhir: bool) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        judul = QLabel(f"<b>{nomor}. {escape(r.teks)}</b>", wordWrap=True)
        if jpt:
            sub = f"Perspektif: {escape(_label(Perspektif, r.perspektif)) if r.perspektif else '—'}"
        else:
            atasan = escape(r.rhk_atasan_teks) if r.rhk_atasan_teks else "—"
            sub = f"RHK atasan yang diintervensi: {atasan}"
        keterangan = QLabel(sub, wordWrap=True, styleSheet=HINT_STYLE)
        bukti = "sepanjang tahun" if akhir else "periode ini"
        jumlah = QLabel(f"Bukti dukung {bukti}: <b>{format_angka(r.jumlah_bukti)}</b>", styleSheet=HINT_STYLE)
        self.bukti_button = QPushButton("Lihat bukti dukung ▸", autoDefault=False)
        self.bukti_button.setToolTip("Tampilkan bukti dukung RHK ini di panel sebelah kanan.")
        self.bukti_button.setEnabled(r.jumlah_bukti > 0)
        baris_bukti = QHBoxLayout()
        baris_bukti.addWidget(jumlah)
        baris_bukti.addWidget(self.bukti_button)
        baris_bukti.addStretch()
        self.diri = TeksIsian(r.penilaian_diri, placeholder="Penilaian diri pegawai atas RHK ini…")
        self.umpan = TeksIsian(
            r.umpan_balik, placeholder="Umpan balik berkelanjutan berdasarkan bukti dukung…"
        )
        grid = QGridLayout()
        grid.addWidget(QLabel("Penilaian diri pegawai"), 0, 0)
        grid.addWidget(QLabel("Umpan balik berkelanjutan (pejabat penilai)"), 0, 1)
        grid.addWidget(self.diri.with_counter(), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.umpan.with_counter(), 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(judul)
        layout.addWidget(keterangan)
        layout.addWidget(TeksTampil(tabel_indikator(r, jpt, akhir)))
        layout.addLayout(baris_bukti)
        layout.addLayout(grid)

    def set_terpilih(self, terpilih: bool) -> None:
        """The card whose evidence the pane beside shows has a coloured frame."""
        self.setObjectName("kartu_terpilih" if terpilih else "")
        self.setStyleSheet(_KARTU_TERPILIH if terpilih else "")


def _clear(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()


def _scrollable(isi: QWidget) -> QScrollArea:
    scroll = QScrollArea(widgetResizable=True)
    scroll.setWidget(isi)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


class HasilKerjaPanel(QWidget):
    """Every RHK (utama, then tambahan) as a card in one scrolling column; beside it the evidence of
    the chosen RHK (its button, or the cursor in one of its boxes, chooses it)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.diri: dict[str, TeksIsian] = {}
        self.umpan: dict[str, TeksIsian] = {}
        self.kartu: dict[str, tuple[str, RhkKartu, str]] = {}  # RHK id → (nomor, card, text)
        self.isi = QWidget()
        self.kolom = QVBoxLayout(self.isi)
        self.scroll_area = _scrollable(self.isi)
        self.bukti = BuktiRhkPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.addWidget(self.bukti)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 560])  # cards first; the pane can be dragged wider or closed
        self.splitter.splitterMoved.connect(self.bukti.on_splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_app_focus_changed)

    def show_form(self, form: EvaluasiForm) -> None:
        posisi = self.scroll_area.verticalScrollBar().value()
        _clear(self.kolom)
        self.diri, self.umpan, self.kartu = {}, {}, {}
        jpt = form.jenis_form == JenisForm.JPT
        akhir = form.periode == "AKHIR"
        for huruf, jenis, judul in (
            ("A", JenisRhk.UTAMA, "A. UTAMA"),
            ("B", JenisRhk.TAMBAHAN, "B. TAMBAHAN"),
        ):
            self.kolom.addWidget(QLabel(f"<b>{judul}</b>"))
            rhk = [r for r in form.hasil_kerja if r.jenis == jenis]
            if not rhk:
                self.kolom.addWidget(QLabel("(tidak ada)", styleSheet=HINT_STYLE))
            for n, r in enumerate(rhk, 1):
                kartu = RhkKartu(f"{huruf}.{n}", r, jpt, akhir)
                kartu.diri.set_editable(form.boleh_isi_diri)
                kartu.umpan.set_editable(form.boleh_nilai)
                kartu.diri.textChanged.connect(self.changed)
                kartu.umpan.textChanged.connect(self.changed)
                self.diri[r.rhk_id], self.umpan[r.rhk_id] = kartu.diri, kartu.umpan
                self.kartu[r.rhk_id] = (f"{huruf}.{n}", kartu, r.teks)
                kartu.bukti_button.clicked.connect(partial(self.on_bukti_button_clicked, r.rhk_id))
                self.kolom.addWidget(kartu)
        self.kolom.addStretch()
        self.scroll_area.verticalScrollBar().setValue(posisi)
        tadi = self.bukti.rhk_id
        self.bukti.load(form)
        self.bukti.rhk_id = ""
        if self.kartu:
            self.pilih(tadi if tadi in self.kartu else next(iter(self.kartu)))

    def pilih(self, rhk_id: str) -> None:
        """Show the evidence of this RHK in the pane beside the cards (nothing when it is already shown)."""
        if rhk_id == self.bukti.rhk_id or rhk_id not in self.kartu:
            return
        for kunci, (_, kartu, _) in self.kartu.items():
            kartu.set_terpilih(kunci == rhk_id)
        nomor, _, teks = self.kartu[rhk_id]
        self.bukti.show_rhk(rhk_id, nomor, teks)

    def on_bukti_button_clicked(self, rhk_id: str, _checked: bool = False) -> None:
        self.pilih(rhk_id)

    def on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Typing in an RHK's box brings its evidence beside it."""
        for rhk_id in self.kartu:
            if new is not None and new in (self.diri.get(rhk_id), self.umpan.get(rhk_id)):
                self.pilih(rhk_id)
                return

    def values(self) -> tuple[dict[str, str], dict[str, str]]:
        """(penilaian diri, umpan balik) per RHK id, as typed."""
        return {k: e.text() for k, e in self.diri.items()}, {k: e.text() for k, e in self.umpan.items()}


class PerilakuPanel(QWidget):
    """The seven BerAKHLAK values with their statements and ekspektasi khusus, and a feedback box each."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.umpan: dict[str, TeksIsian] = {}
        self.isi = QWidget()
        self.grid = QGridLayout(self.isi)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area = _scrollable(self.isi)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def show_form(self, form: EvaluasiForm) -> None:
        posisi = self.scroll_area.verticalScrollBar().value()
        _clear(self.grid)
        self.umpan = {}
        self.grid.addWidget(QLabel("<b>Perilaku kerja dan ekspektasi khusus pimpinan</b>"), 0, 0)
        self.grid.addWidget(QLabel("<b>Umpan balik (pejabat penilai)</b>"), 0, 1)
        for n, p in enumerate(form.perilaku, 1):
            butir = "".join(f"<li>{escape(s)}</li>" for s in p.pernyataan)
            harap = escape(p.ekspektasi_khusus) if p.ekspektasi_khusus else "<i>(tidak ada)</i>"
            teks = QLabel(
                f"<b>{p.urutan}. {escape(p.nama)}</b><ol type='a' style='margin-left:-20px'>{butir}</ol>"
                f"<span style='color:#555'>Ekspektasi khusus pimpinan:</span> {harap}",
                wordWrap=True,
            )
            teks.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            edit = TeksIsian(p.umpan_balik, placeholder=f"Umpan balik atas perilaku {p.nama}…")
            edit.set_editable(form.boleh_nilai)
            edit.textChanged.connect(self.changed)
            self.umpan[p.perilaku_id] = edit
            self.grid.addWidget(teks, 2 * n - 1, 0)
            self.grid.addWidget(edit.with_counter(), 2 * n - 1, 1, Qt.AlignmentFlag.AlignTop)
            if n < len(form.perilaku):
                garis = QFrame(frameShape=QFrame.Shape.HLine, frameShadow=QFrame.Shadow.Sunken)
                self.grid.addWidget(garis, 2 * n, 0, 1, 2)
        self.scroll_area.verticalScrollBar().setValue(posisi)

    def values(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.umpan.items()}
