"""The evaluation form's ratings, the live predikat from the 3×3 matrix, catatan, date and angka kredit."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.evaluasi import EvaluasiForm, label_capaian
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.angka_kredit import (
    KOEFISIEN_JENJANG,
    PERSENTASE_PREDIKAT,
    compute_angka_kredit,
)
from kinerja_desktop.core.rules.jabatan import JenjangFungsional
from kinerja_desktop.core.rules.predikat import Predikat, Rating, compute_predikat
from kinerja_desktop.core.services.evaluasi.access import predikat_dari
from kinerja_desktop.ui.common.widgets import HINT_STYLE, WARNING_STYLE, DateField
from kinerja_desktop.ui.penilaian.form_feedback import TeksIsian

#: Row order of the matrix (rating hasil kerja, best first) and column order (rating perilaku, worst first).
BARIS = (Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH)
KOLOM = (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)
WARNA_PREDIKAT = {
    Predikat.SANGAT_BAIK: "#1b5e20",
    Predikat.BAIK: "#2e7d32",
    Predikat.BUTUH_PERBAIKAN: "#8a5a00",
    Predikat.KURANG: "#b34700",
    Predikat.SANGAT_KURANG: "#b00020",
}
_SEL = "border:1px solid #bbb; padding:4px;"


def teks_predikat(predikat: Predikat | None) -> str:
    """Rich text of a predikat in its colour, or a hint when a rating is still missing."""
    if predikat is None:
        return "<span style='color:#777'>— (isi kedua rating)</span>"
    return f"<b style='color:{WARNA_PREDIKAT[predikat]}'>{predikat.label}</b>"


class PilihanRating(QGroupBox):
    """Three radio buttons: Di Atas / Sesuai / Di Bawah Ekspektasi (none chosen = not rated yet)."""

    changed = Signal()

    def __init__(self, judul: str) -> None:
        super().__init__(judul)
        self.group = QButtonGroup(self)
        self.tombol: dict[Rating, QRadioButton] = {}
        layout = QHBoxLayout(self)
        for n, rating in enumerate(BARIS):
            tombol = QRadioButton(rating.label)
            self.group.addButton(tombol, n)
            self.tombol[rating] = tombol
            layout.addWidget(tombol)
        layout.addStretch()
        self.group.idToggled.connect(self.on_id_toggled)

    def value(self) -> Rating | None:
        n = self.group.checkedId()
        return BARIS[n] if n >= 0 else None

    def set_value(self, rating: Rating | None) -> None:
        self.group.setExclusive(False)
        for r, tombol in self.tombol.items():
            tombol.setChecked(r == rating)
        self.group.setExclusive(True)

    def set_editable(self, editable: bool) -> None:
        for tombol in self.tombol.values():
            tombol.setEnabled(editable)

    def on_id_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.changed.emit()


class MatriksPredikat(QLabel):
    """The 3×3 matrix as a small table with the cell of the current ratings highlighted."""

    def show_ratings(self, hasil: Rating | None, perilaku: Rating | None) -> None:
        kepala = "".join(f"<th style='{_SEL}' bgcolor='#eef1f5'>{k.label}</th>" for k in KOLOM)
        baris = []
        for h in BARIS:
            sel = []
            for p in KOLOM:
                predikat = compute_predikat(h, p)
                aktif = h == hasil and p == perilaku
                warna = " bgcolor='#ffe08a'" if aktif else ""
                isi = f"<b>{predikat.label}</b>" if aktif else predikat.label
                sel.append(f"<td style='{_SEL}' align='center'{warna}>{isi}</td>")
            baris.append(
                f"<tr><th style='{_SEL}' bgcolor='#eef1f5' align='left'>{h.label}</th>{''.join(sel)}</tr>"
            )
        self.setText(
            "<table cellspacing='0' style='border-collapse:collapse'>"
            f"<tr><th style='{_SEL}'>Hasil kerja ↓ / Perilaku →</th>{kepala}</tr>{''.join(baris)}</table>"
        )


class RatingPanel(QWidget):
    """Ratings chosen with radio buttons; predikat and angka kredit recomputed as they change."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.form: EvaluasiForm | None = None
        self.hasil = PilihanRating("Rating hasil kerja")
        self.perilaku = PilihanRating("Rating perilaku kerja")
        self.saran = QLabel(wordWrap=True)
        self.tanpa_realisasi = QLabel(wordWrap=True)
        self.tanpa_realisasi.setStyleSheet(WARNING_STYLE)
        self.tanpa_realisasi.setObjectName("tanpa_realisasi")
        self.tanpa_realisasi.hide()
        self.predikat = QLabel(textFormat=Qt.TextFormat.RichText)
        self.predikat.setStyleSheet("font-size: 15pt;")
        self.matriks = MatriksPredikat()
        self.catatan = TeksIsian(placeholder="Catatan dan rekomendasi pejabat penilai…", baris_min=3)
        self.tanggal = DateField()
        self.ak_box = QGroupBox("Angka kredit (jabatan fungsional)")
        self.ak = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        QVBoxLayout(self.ak_box).addWidget(self.ak)
        predikat_box = QGroupBox("Predikat kinerja pegawai (dari matriks, tidak diketik)")
        kotak = QGridLayout(predikat_box)
        kotak.addWidget(self.predikat, 0, 0)
        kotak.addWidget(self.matriks, 0, 1, 2, 1)
        kotak.setColumnStretch(0, 1)
        catatan_box = QGroupBox("Catatan/rekomendasi")
        form = QFormLayout(catatan_box)
        form.addRow(self.catatan.with_counter())
        form.addRow("Tanggal evaluasi", self.tanggal)
        isi = QWidget()
        layout = QVBoxLayout(isi)
        for w in (
            self.tanpa_realisasi,
            self.hasil,
            self.saran,
            self.perilaku,
            predikat_box,
            catatan_box,
            self.ak_box,
        ):
            layout.addWidget(w)
        layout.addStretch()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(isi)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.hasil.changed.connect(self.on_rating_changed)
        self.perilaku.changed.connect(self.on_rating_changed)
        self.catatan.textChanged.connect(self.changed)
        self.tanggal.changed.connect(self.changed)

    def show_form(self, form: EvaluasiForm) -> None:
        self.form = form
        hasil = form.rating_hasil or (form.saran_rating_hasil if form.boleh_nilai else None)
        self.hasil.set_value(Rating(hasil) if hasil else None)
        self.perilaku.set_value(Rating(form.rating_perilaku) if form.rating_perilaku else None)
        for pilihan in (self.hasil, self.perilaku):
            pilihan.set_editable(form.boleh_nilai)
        self.catatan.setPlainText(form.catatan_rekomendasi)
        self.catatan.set_editable(form.boleh_nilai)
        awal = form.tanggal_evaluasi or (date.today() if form.boleh_nilai else None)
        self.tanggal.set_value(awal)
        self.tanggal.setEnabled(form.boleh_nilai)
        self.ak_box.setVisible(bool(form.jenjang_fungsional))
        dilaporkan = any(i.realisasi for r in form.hasil_kerja for i in r.indikator)
        self.tanpa_realisasi.setVisible(form.boleh_nilai and not dilaporkan)
        self.tanpa_realisasi.setText(
            f"Belum ada realisasi yang dilaporkan untuk {form.periode_label}. Penilaian tetap bisa disimpan; "
            "pastikan rating didasarkan pada laporan atau bukti lain, dan tuliskan dasarnya di catatan."
        )
        self.on_rating_changed(emit=False)

    def values(self) -> tuple[Rating | None, Rating | None, str, date | None]:
        return self.hasil.value(), self.perilaku.value(), self.catatan.text(), self.tanggal.value()

    def current_predikat(self) -> Predikat | None:
        return predikat_dari(self.hasil.value(), self.perilaku.value())

    def on_rating_changed(self, emit: bool = True) -> None:
        hasil, perilaku = self.hasil.value(), self.perilaku.value()
        self.predikat.setText(teks_predikat(predikat_dari(hasil, perilaku)))
        self.matriks.show_ratings(hasil, perilaku)
        self._saran(hasil)
        self._angka_kredit()
        if emit:
            self.changed.emit()

    def _saran(self, hasil: Rating | None) -> None:
        f = self.form
        if f is None or not f.kepala_unit or not f.boleh_nilai:  # a hint for the rater, not for readers
            self.saran.hide()
            return
        self.saran.show()
        if f.saran_rating_hasil is None:
            self.saran.setStyleSheet(WARNING_STYLE)
            self.saran.setText(
                f"Pegawai ini memimpin {escape(f.kepala_unit)}, tetapi capaian unit untuk {f.periode_label} "
                "belum ditetapkan. Minta pimpinan satu tingkat di atasnya menetapkan capaian organisasi "
                "pada halaman Penilaian; rating hasil kerja akan mengikutinya."
            )
            return
        saran = Rating(f.saran_rating_hasil)
        teks = (
            f"Pegawai ini memimpin {escape(f.kepala_unit)}: rating hasil kerja mengikuti capaian unit "
            f"({label_capaian(f.capaian_organisasi)}), yaitu <b>{saran.label}</b>."
        )
        if hasil is not None and hasil != saran:
            self.saran.setStyleSheet(WARNING_STYLE)
            self.saran.setText(f"{teks} Rating yang dipilih berbeda; pastikan ada alasannya di catatan.")
        else:
            self.saran.setStyleSheet(HINT_STYLE)
            self.saran.setText(teks)

    def _angka_kredit(self) -> None:
        f = self.form
        if f is None or not f.jenjang_fungsional:
            return
        menurut_kode = {j.value: j for j in JenjangFungsional}
        jenjang = menurut_kode.get(f.jenjang_kode) or {j.label: j for j in JenjangFungsional}.get(
            f.jenjang_fungsional
        )
        if jenjang is None:
            self.ak.setText(f"Jenjang {escape(f.jenjang_fungsional)} tidak dikenal.")
            return
        koefisien, bulan = KOEFISIEN_JENJANG[jenjang], f.bulan_angka_kredit
        dasar = (
            f"Jenjang <b>{jenjang.label}</b> · koefisien {format_angka(koefisien)} per tahun · "
            f"{bulan} bulan dalam periode ini"
        )
        predikat = self.current_predikat()
        if predikat is None or bulan < 1:
            rumus = "AK = koefisien × persentase predikat × bulan/12 (dihitung setelah kedua rating diisi)"
        else:
            persen = PERSENTASE_PREDIKAT[predikat]
            ak = compute_angka_kredit(jenjang, predikat, bulan)
            rumus = (
                f"AK = {format_angka(koefisien)} × {format_angka(persen)} % ({predikat.label}) × {bulan}/12 "
                f"= <b>{format_angka(ak)}</b>"
            )
        self.ak.setText(f"{dasar}<br>{rumus}")
