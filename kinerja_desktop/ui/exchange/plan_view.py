"""One file's import plan: what it is, its sender's key, counts per sheet, every problem and merge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.exchange.actions import RencanaBerkas
from kinerja_desktop.core.exchange.paket.plan.model import AlasanTertahan, Tertahan
from kinerja_desktop.core.exchange.report import lembar_berisi
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.ui.common.table import make_table, set_widths
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE, OK_STYLE, WARNING_STYLE
from kinerja_desktop.ui.exchange.models import GabungModel, JumlahModel, MasalahModel

_JUDUL_STYLE = "font-size: 12pt; font-weight: bold;"
#: The summary sentences not already said by the status line, the table or the key line.
_CATATAN = ("sudah pernah diimpor", "lebih lama", "digabungkan")


#: What to do here about each reason a file is held back (the plan says the reason itself).
_PETUNJUK = {
    Tertahan.GALAT: "Rinciannya di tab Masalah. Minta kantor pengirim memperbaiki datanya dan mengekspor "
    "ulang paketnya, atau lewati berkas ini.",
    Tertahan.CHECKSUM: "Lewati berkas ini dan minta kantor pengirim mengekspor ulang paketnya.",
    Tertahan.KONFLIK: "Pilih per baris, atau pakai tombol Semua.",
}


def teks_tertahan(alasan: list[AlasanTertahan]) -> str:
    """The plan's reasons a file is held back, each with what to do in the wizard ("" when none)."""
    return " ".join(f"{a.pesan} {_PETUNJUK[a.jenis]}" for a in alasan)


def _keterangan(rb: RencanaBerkas) -> str:
    info = rb.rencana.info
    tahun = f"tahun {info.tahun}" if info.tahun else "semua tahun"
    dibuat = info.dibuat_pada.astimezone().strftime("%d-%m-%Y %H:%M")
    tujuan = f", untuk kantor {info.tujuan_kode}" if info.tujuan_kode else ""
    return (
        f"{info.jenis.label} dari {info.kantor_nama} ({info.kantor_kode}){tujuan}, {tahun}, dibuat {dibuat}."
    )


class RencanaView(QWidget):
    """Shows a plan: what the file is, whose key signed it, its counts, problems and merges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rb: RencanaBerkas | None = None
        self.judul = QLabel()
        self.judul.setStyleSheet(_JUDUL_STYLE)
        self.asal = QLabel(wordWrap=True)
        self.ringkasan = QLabel(wordWrap=True)
        self.ringkasan.setObjectName("ringkasan")
        self.keadaan = QLabel(wordWrap=True)
        self.keadaan.setObjectName("keadaan")
        self.kunci = QLabel(wordWrap=True)
        self.kunci.setObjectName("kunci_pengirim")
        self.kunci.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.jumlah = JumlahModel(self)
        self.tabel_jumlah = make_table(self.jumlah, sortable=False)
        set_widths(self.tabel_jumlah, ("Umpan Balik Perilaku", *(["Tidak sah 00000"] * 6)), {0: (1, 180)})
        self.masalah = MasalahModel(self)
        self.tabel_masalah = make_table(self.masalah)
        set_widths(self.tabel_masalah, ("Umpan Balik Perilaku", "99999", "Tanggal lahir", "Peringatan", ""))
        self.tabel_masalah.selectionModel().currentRowChanged.connect(self.on_masalah_changed)
        self.rinci = QPlainTextEdit(
            readOnly=True, placeholderText="Pilih satu masalah untuk membaca pesannya."
        )
        self.rinci.setMaximumHeight(64)
        masalah = QWidget()
        lay = QVBoxLayout(masalah)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabel_masalah, 1)
        lay.addWidget(self.rinci)
        self.gabung = GabungModel(self)
        self.tabel_gabung = make_table(self.gabung)
        set_widths(
            self.tabel_gabung, ("Umpan Balik Perilaku", "99999", "", "kunci bisnis sama"), {2: (1, 200)}
        )
        self.tab = QTabWidget()
        self.tab.addTab(self.tabel_jumlah, "Jumlah per lembar")
        self.tab.addTab(masalah, "Masalah")
        self.tab.addTab(self.tabel_gabung, "Digabungkan")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.judul, self.asal, self.kunci, self.ringkasan, self.keadaan):
            layout.addWidget(w)
        layout.addWidget(self.tab, 1)

    def show_plan(self, rb: RencanaBerkas, judul: str) -> None:
        self.rb = rb
        r = rb.rencana
        self.judul.setText(judul)
        self.asal.setText(_keterangan(rb))
        catatan = [b for b in r.ringkasan()[1:] if any(k in b for k in _CATATAN)]
        self.ringkasan.setText("\n".join(catatan))
        self.ringkasan.setVisible(bool(catatan))
        self.jumlah.set_jumlah(lembar_berisi(r))
        masalah = list(r.masalah)
        self.masalah.set_rows(sorted(masalah, key=lambda m: (not m.menghalangi, m.lembar, m.baris or 0)))
        self.gabung.set_rows([g for g in r.penggabungan if not g.otomatis])
        self.tab.setTabText(1, f"Masalah ({format_angka(len(masalah))})")
        self.tab.setTabText(2, f"Digabungkan ({self.gabung.rowCount()})")
        self.kunci.setText(r.teks_kunci())
        self.kunci.setStyleSheet(WARNING_STYLE if r.kunci_baru else OK_STYLE)
        self.kunci.setVisible(bool(r.teks_kunci()))
        if masalah and r.galat:
            self.tab.setCurrentIndex(1)
            self.tabel_masalah.setCurrentIndex(self.masalah.index(0, 0))
        else:
            self.tab.setCurrentIndex(0)
        self._keadaan()

    def tanpa_perubahan(self) -> bool:
        return self.rb is not None and self.rb.rencana.ok and not self.rb.rencana.ada_perubahan

    def alasan_tertahan(self) -> list[AlasanTertahan]:
        """Why the plan may not be applied, apart from its conflicts (those are decided on the next step)."""
        if self.rb is None:
            return []
        return [a for a in self.rb.rencana.alasan_tertahan() if a.jenis is not Tertahan.KONFLIK]

    def _keadaan(self) -> None:
        r = self.rb.rencana if self.rb is not None else None
        if r is None:
            return
        tertahan = {a.jenis for a in r.alasan_tertahan()}
        if Tertahan.GALAT in tertahan:
            teks, gaya = (
                f"Ada {format_angka(len(r.galat))} kesalahan; tidak ada yang akan diimpor dari berkas ini.",
                ERROR_STYLE,
            )
        elif not r.ada_perubahan:
            teks, gaya = "Tidak ada yang berubah: data di berkas ini sudah ada di sini.", OK_STYLE
        elif Tertahan.CHECKSUM in tertahan:
            teks, gaya = (
                "Berkas ini diubah setelah diekspor; tidak ada yang akan diimpor darinya.",
                ERROR_STYLE,
            )
        elif Tertahan.KONFLIK in tertahan:
            teks = (
                f"{format_angka(len(r.konflik))} baris diubah di sini dan di kantor pengirim sejak "
                "terakhir sama. Tekan "
                "\u201cLanjut: putuskan konflik\u201d untuk memilih data mana yang dipakai."
            )
            gaya = WARNING_STYLE
        else:
            teks, gaya = "Siap diimpor. Data di sini dicadangkan dulu secara otomatis.", HINT_STYLE
        self.keadaan.setText(teks)
        self.keadaan.setStyleSheet(gaya + " font-weight: bold;")

    def on_masalah_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.rinci.clear()
            return
        self.rinci.setPlainText(self.masalah.rows[current.row()].teks())
