"""The evaluation form of one pegawai for one period: feedback, ratings, live predikat, finalise, reopen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.model.evaluasi import EvaluasiForm, IsianEvaluasi, JenisRating
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.rules.distribusi import Temuan
from kinerja_desktop.core.rules.predikat import Rating
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_save_discard, ask_yes_no
from kinerja_desktop.ui.common.forms import TeksDialog
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.common.stale import StaleBar
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, OK_STYLE
from kinerja_desktop.ui.penilaian.form_feedback import HasilKerjaPanel, PerilakuPanel
from kinerja_desktop.ui.penilaian.form_header import EvaluasiHeader
from kinerja_desktop.ui.penilaian.form_history import AkuiDistribusiDialog, RiwayatPanel
from kinerja_desktop.ui.penilaian.form_rating import RatingPanel, teks_predikat
from kinerja_desktop.ui.printing.menu import pilihan_form, tombol_evaluasi

_Isian = tuple[Rating | None, Rating | None, str, date | None, dict[str, str], dict[str, str], dict[str, str]]


class EvaluasiDialog(QDialog):
    """Everything is typed first and written by Simpan (or Finalkan) in one transaction, then reloaded."""

    changed = Signal()  # something was written: lists showing evaluations should refresh

    def __init__(self, ctx: UiContext, skp_id: str, kode_periode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.skp_id, self.kode_periode = ctx, skp_id, kode_periode
        self.form: EvaluasiForm | None = None
        self._awal: _Isian | None = None
        self._pengingat = False  # the message line shows the unsaved-changes reminder
        self.setWindowTitle("Evaluasi kinerja")
        self.judul = QLabel()
        self.header = EvaluasiHeader()
        self.tabs = QTabWidget()
        self.hasil_kerja, self.perilaku, self.rating = HasilKerjaPanel(), PerilakuPanel(), RatingPanel()
        self.riwayat = RiwayatPanel()
        self.tabs.addTab(self.hasil_kerja, "&Hasil Kerja")
        self.tabs.addTab(self.perilaku, "&Perilaku Kerja")
        self.tabs.addTab(self.rating, "&Rating dan Predikat")
        self.tabs.addTab(self.riwayat, "Riwayat &Umpan Balik")
        self.predikat = QLabel()
        self.message = QLabel(wordWrap=True)
        self.stale = StaleBar()
        self.stale.reload_requested.connect(self.on_stale_reload_requested)
        self.save_button = QPushButton(
            "&Simpan", clicked=self.on_save_button_clicked, toolTip="Simpan semua isian (Ctrl+S)"
        )
        self.finalise_button = QPushButton("&Finalkan…", clicked=self.on_finalise_button_clicked)
        self.open_button = QPushButton("&Buka kembali…", clicked=self.on_open_button_clicked)
        self.close_button = QPushButton("&Tutup", clicked=self.reject, autoDefault=False)
        self.print_button = tombol_evaluasi(
            ctx, self, lambda: pilihan_form(self.form, self.dirty()), unit=False
        )
        for b in (self.save_button, self.finalise_button, self.open_button):
            b.setAutoDefault(False)
        for panel in (self.hasil_kerja, self.perilaku, self.rating):
            panel.changed.connect(self.on_isian_changed)
        self._build_layout()
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # not the keyword (PySide6 ignores it)
        shortcut.activated.connect(self.on_save_button_clicked)
        fit_to_screen(self, 1440, 860)
        if self.load():
            self.fokus_awal()

    def _build_layout(self) -> None:
        bawah = QHBoxLayout()
        bawah.addWidget(QLabel("Predikat:"))
        bawah.addWidget(self.predikat)
        bawah.addWidget(self.message, 1)
        for b in (
            self.print_button,
            self.save_button,
            self.finalise_button,
            self.open_button,
            self.close_button,
        ):
            bawah.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.judul)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.stale)
        layout.addLayout(bawah)

    # --- reading ---------------------------------------------------------------------------------
    def load(self) -> bool:
        """(Re)load the form from the database; False (and a message) when it cannot be shown."""
        skp_id, kode = self.skp_id, self.kode_periode
        form = ops.look(
            self,
            lambda s, a: evaluasi_baca.get_evaluasi_form(s, a, skp_id, kode),
            message=self,
            failed=self.on_load_failed,
        )
        if form:
            self.show_form(form.value)
        return bool(form)

    def on_stale_reload_requested(self) -> None:
        """Muat ulang after a refused save: the evaluation as stored now; what was typed is dropped."""
        if self.load():
            self.say("Evaluasi dimuat ulang; perubahan terbaru sudah tampil.")

    def on_load_failed(self, _exc: KnownError) -> None:
        for b in (self.save_button, self.finalise_button, self.open_button):
            b.hide()
        self.tabs.setEnabled(False)

    def show_form(self, form: EvaluasiForm) -> None:
        self.form = form
        self.stale.hide()
        self.setWindowTitle(f"Evaluasi kinerja {form.periode_label} {form.tahun} — {form.pegawai.nama}")
        self.judul.setText(
            f"<b style='font-size:13pt'>EVALUASI KINERJA PEGAWAI — {form.periode_label.upper()} "
            f"{form.tahun}</b>"
        )
        self.header.show_form(form)
        for panel in (self.hasil_kerja, self.perilaku, self.rating):
            panel.show_form(form)
        self.riwayat.show_riwayat(form.riwayat)
        self.tabs.setTabText(3, f"Riwayat &Umpan Balik ({len(form.riwayat)})")
        self.save_button.setVisible(form.boleh_nilai or form.boleh_isi_diri)
        self.finalise_button.setVisible(form.boleh_nilai)
        self.open_button.setVisible(form.boleh_buka)
        self._awal = self.isian()
        self.on_isian_changed()

    def fokus_awal(self) -> None:
        """Put the cursor in the first box this account may type in (the Tab order follows the form)."""
        kotak = [*self.hasil_kerja.umpan.values(), *self.hasil_kerja.diri.values()]
        pertama = next((k for k in kotak if not k.isReadOnly()), None)
        if pertama is not None:
            self.tabs.setCurrentWidget(self.hasil_kerja)
            pertama.setFocus()

    def isian(self) -> _Isian:
        hasil, perilaku, catatan, tanggal = self.rating.values()
        diri, umpan_rhk = self.hasil_kerja.values()
        return hasil, perilaku, catatan, tanggal, diri, umpan_rhk, self.perilaku.values()

    def dirty(self) -> bool:
        return self.form is not None and self._awal is not None and self.isian() != self._awal

    def perubahan(self) -> IsianEvaluasi:
        """What was typed that differs from what is stored, in the boxes this account may type in."""
        f = self.form
        assert f is not None
        hasil, perilaku, catatan, tanggal = self.rating.values()
        diri, umpan_rhk = self.hasil_kerja.values()
        umpan_perilaku = self.perilaku.values()
        if not f.boleh_isi_diri:
            diri = {}
        if not f.boleh_nilai:
            return IsianEvaluasi(
                f.skp_id, f.periode, f.evaluasi_id, _beda(diri, _diri_tersimpan(f)), stamp=f.stamp
            )
        rating = (hasil.value if hasil else None, perilaku.value if perilaku else None)
        return IsianEvaluasi(
            f.skp_id,
            f.periode,
            f.evaluasi_id,
            _beda(diri, _diri_tersimpan(f)),
            _beda(umpan_rhk, {r.rhk_id: r.umpan_balik for r in f.hasil_kerja}),
            _beda(umpan_perilaku, {p.perilaku_id: p.umpan_balik for p in f.perilaku}),
            rating=rating if rating != (f.rating_hasil, f.rating_perilaku) else None,
            catatan=catatan if catatan != f.catatan_rekomendasi else None,
            tanggal=tanggal if tanggal is not None and tanggal != f.tanggal_evaluasi else None,
            stamp=f.stamp,
        )

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
        self._pengingat = False

    def set_error(self, text: str) -> None:
        """A form that cannot be read says why in its message line (``ops`` shows known errors here)."""
        self.say(" ".join(text.splitlines()), ok=False)

    def on_isian_changed(self) -> None:
        self.predikat.setText(teks_predikat(self.rating.current_predikat()))
        if self.dirty():
            self.say("Ada perubahan yang belum disimpan (Ctrl+S).", ok=False)
            self._pengingat = True
        elif self._pengingat:
            self.say("")

    # --- writing ---------------------------------------------------------------------------------
    def after_write(self, _value: object = None) -> None:
        """Something was written: lists showing evaluations refresh, and the form is read again."""
        self.changed.emit()
        self.load()

    def save_now(self) -> bool:
        """Simpan without asking; True when everything is stored."""
        f = self.form
        if f is None or not (f.boleh_nilai or f.boleh_isi_diri):
            return False
        if not self.dirty() and f.evaluasi_id is not None:
            self.say("Tidak ada perubahan untuk disimpan.")
            return True
        isian = self.perubahan()
        return bool(
            ops.act(
                self,
                lambda s, a: evaluasi.save_isian(s, a, isian),
                success="Evaluasi sudah disimpan.",
                say=self.say,
                then=self.after_write,
                stale=self.stale,
            )
        )

    def on_save_button_clicked(self) -> None:
        if self.save_button.isVisible() and self.save_button.isEnabled():
            self.save_now()

    def on_finalise_button_clicked(self) -> None:
        if self.form is None or not self.form.boleh_nilai or not self.save_now():
            return
        f = self.form  # read again after saving
        assert f is not None and f.evaluasi_id is not None
        ev_id = f.evaluasi_id
        periksa = ops.look(self, lambda s, a: evaluasi.check_finalise(s, a, ev_id), failed=self.on_ditolak)
        if not periksa:
            return
        temuan = periksa.value
        if temuan:
            if not self.ask_acknowledgement(temuan):
                self.say("Evaluasi belum difinalkan; isian sudah disimpan sebagai draf.")
                return
        elif not ask_yes_no(
            self,
            f"Finalkan evaluasi {f.periode_label} {f.pegawai.nama}?",
            "Setelah final, isian terkunci; hanya administrator yang dapat membukanya kembali.",
        ):
            return
        self.finalise(ev_id, akui=bool(temuan))

    def on_ditolak(self, exc: KnownError) -> None:
        """A rating is missing: show the Rating tab with the cursor on it."""
        kolom = exc.kolom if isinstance(exc, ValidationError) else None
        if kolom in {j.value for j in JenisRating}:
            self.tabs.setCurrentWidget(self.rating)
            pilihan = self.rating.hasil if kolom == JenisRating.HASIL else self.rating.perilaku
            pilihan.setFocus()

    def finalise(self, ev_id: str, *, akui: bool) -> None:
        """Finalise; when the unit's distribution changed meanwhile, ask for the acknowledgement again."""
        stamps = {ev_id: self.form.stamp} if self.form is not None else {}
        hasil = ops.act(
            self, lambda s, a: evaluasi.finalise_each(s, a, [ev_id], akui_temuan=akui, stamps=stamps)
        )
        if not hasil:
            return
        [final] = hasil.value
        if final.temuan:
            if self.ask_acknowledgement(list(final.temuan)):
                self.finalise(ev_id, akui=True)
            return
        if final.error is not None:
            ops.show_known_error(self, final.error, stale=self.stale)
            return
        self.after_write()
        self.say("Evaluasi sudah final dan terkunci.")

    def ask_acknowledgement(self, temuan: list[Temuan]) -> bool:
        nama = self.form.pegawai.nama if self.form else ""
        return AkuiDistribusiDialog(self, nama, temuan).exec() == QDialog.DialogCode.Accepted

    def on_open_button_clicked(self) -> None:
        f = self.form
        if f is None or not f.boleh_buka or f.evaluasi_id is None:
            return
        ev_id = f.evaluasi_id
        dialog = TeksDialog(
            self,
            "Buka kembali evaluasi",
            f"Alasan membuka kembali evaluasi {f.periode_label} {f.pegawai.nama} (dicatat di log audit):",
            ok="Buka kembali",
            wajib="Tuliskan alasan membuka kembali; alasan ini dicatat di log audit.",
            maks=Batas.EVALUASI,
        )
        dialog.write_with(
            lambda: ops.act(
                dialog,
                lambda s, a: evaluasi.reopen_evaluasi(s, a, ev_id, dialog.value(), stamp=f.stamp),
                success="Evaluasi dibuka kembali sebagai draf; pejabat penilai dapat mengubah lalu "
                "memfinalkannya lagi.",
                say=self.say,
                then=self.after_write,
                message=dialog.message,
            )
        )
        dialog.exec()

    def reject(self) -> None:
        """Tutup, Esc or the window's close button: offer to save what was typed."""
        if self.dirty():
            jawab = ask_save_discard(self, "Isian evaluasi ini belum disimpan.")
            if jawab == QMessageBox.StandardButton.Cancel:
                return
            if jawab == QMessageBox.StandardButton.Save and not self.save_now():
                return
        super().reject()


def _diri_tersimpan(f: EvaluasiForm) -> dict[str, str]:
    return {r.rhk_id: r.penilaian_diri for r in f.hasil_kerja}


def _beda(diketik: dict[str, str], tersimpan: dict[str, str]) -> dict[str, str]:
    """The texts typed that differ from the stored ones (by RHK or BerAKHLAK value id)."""
    return {kunci: teks for kunci, teks in diketik.items() if kunci in tersimpan and teks != tersimpan[kunci]}
