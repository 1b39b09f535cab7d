"""The evaluation form of one pegawai for one period: feedback, ratings, live predikat, finalise, reopen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

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
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.model.evaluasi import EvaluasiForm
from kinerja_desktop.core.rules.distribusi import Temuan
from kinerja_desktop.core.rules.predikat import Rating
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_save_discard, ask_yes_no, show_error
from kinerja_desktop.ui.common.forms import TeksDialog
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
        self.simpan = QPushButton(
            "&Simpan", clicked=self.on_simpan_clicked, toolTip="Simpan semua isian (Ctrl+S)"
        )
        self.finalkan = QPushButton("&Finalkan…", clicked=self.on_finalkan_clicked)
        self.buka = QPushButton("&Buka kembali…", clicked=self.on_buka_clicked)
        self.tutup = QPushButton("&Tutup", clicked=self.reject, autoDefault=False)
        self.cetak = tombol_evaluasi(ctx, self, lambda: pilihan_form(self.form, self.dirty()), unit=False)
        for b in (self.simpan, self.finalkan, self.buka):
            b.setAutoDefault(False)
        for panel in (self.hasil_kerja, self.perilaku, self.rating):
            panel.changed.connect(self.on_isian_changed)
        self._build_layout()
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # not the keyword (PySide6 ignores it)
        shortcut.activated.connect(self.on_simpan_clicked)
        layar = self.screen().availableGeometry()
        self.resize(min(1180, int(layar.width() * 0.95)), min(820, int(layar.height() * 0.9)))
        if self.muat():
            self.fokus_awal()

    def _build_layout(self) -> None:
        bawah = QHBoxLayout()
        bawah.addWidget(QLabel("Predikat:"))
        bawah.addWidget(self.predikat)
        bawah.addWidget(self.message, 1)
        for b in (self.cetak, self.simpan, self.finalkan, self.buka, self.tutup):
            bawah.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.judul)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bawah)

    # --- reading ---------------------------------------------------------------------------------
    def muat(self) -> bool:
        """(Re)load the form from the database; False (and a message) when it cannot be shown."""
        try:
            with self.ctx.workspace.read() as session:
                form = evaluasi_baca.get_evaluasi_form(
                    session, self.ctx.actor, self.skp_id, self.kode_periode
                )
        except KnownError as exc:
            self.say(f"{exc.pesan} {exc.saran or ''}".strip(), ok=False)
            for b in (self.simpan, self.finalkan, self.buka):
                b.hide()
            self.tabs.setEnabled(False)
            return False
        self.show_form(form)
        return True

    def show_form(self, form: EvaluasiForm) -> None:
        self.form = form
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
        self.simpan.setVisible(form.boleh_nilai or form.boleh_isi_diri)
        self.finalkan.setVisible(form.boleh_nilai)
        self.buka.setVisible(form.boleh_buka)
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

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def on_isian_changed(self) -> None:
        self.predikat.setText(teks_predikat(self.rating.current_predikat()))
        if self.dirty():
            self.say("Ada perubahan yang belum disimpan (Ctrl+S).", ok=False)
        elif self.message.text().startswith("Ada perubahan"):
            self.say("")

    # --- writing ---------------------------------------------------------------------------------
    def jalankan(self, fn: Callable[[Session, Actor], Any], sukses: str) -> bool:
        """One action in one transaction; a known error is shown and nothing is written. Then reload."""
        try:
            with self.ctx.workspace.transaction(self.ctx.actor) as session:
                fn(session, self.ctx.actor)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.changed.emit()
        self.muat()
        self.say(sukses)
        return True

    def simpan_isian(self, session: Session, actor: Actor) -> str:
        """Start the evaluation when there is none, then write what differs from what was loaded."""
        f = self.form
        assert f is not None
        ev_id = f.evaluasi_id or evaluasi.start_evaluasi(session, actor, f.skp_id, f.periode)
        hasil, perilaku, catatan, tanggal, diri, umpan_rhk, umpan_perilaku = self.isian()
        if f.boleh_isi_diri:
            for r in f.hasil_kerja:
                if diri.get(r.rhk_id, r.penilaian_diri) != r.penilaian_diri:
                    evaluasi.set_penilaian_diri(session, actor, ev_id, r.rhk_id, diri[r.rhk_id])
        if not f.boleh_nilai:
            return ev_id
        for r in f.hasil_kerja:
            if umpan_rhk.get(r.rhk_id, r.umpan_balik) != r.umpan_balik:
                evaluasi.set_umpan_balik_rhk(session, actor, ev_id, r.rhk_id, umpan_rhk[r.rhk_id])
        for p in f.perilaku:
            if umpan_perilaku.get(p.perilaku_id, p.umpan_balik) != p.umpan_balik:
                evaluasi.set_umpan_balik_perilaku(
                    session, actor, ev_id, p.perilaku_id, umpan_perilaku[p.perilaku_id]
                )
        ratings = (hasil.value if hasil else None, perilaku.value if perilaku else None)
        if f.evaluasi_id is None or ratings != (f.rating_hasil, f.rating_perilaku):
            evaluasi.set_rating(session, actor, ev_id, *ratings)
        if catatan != f.catatan_rekomendasi or (tanggal is not None and tanggal != f.tanggal_evaluasi):
            evaluasi.set_catatan(session, actor, ev_id, catatan, tanggal)
        return ev_id

    def simpan_sekarang(self) -> bool:
        """Simpan without asking; True when everything is stored."""
        if self.form is None or not (self.form.boleh_nilai or self.form.boleh_isi_diri):
            return False
        if not self.dirty() and self.form.evaluasi_id is not None:
            self.say("Tidak ada perubahan untuk disimpan.")
            return True
        return self.jalankan(self.simpan_isian, "Evaluasi sudah disimpan.")

    def on_simpan_clicked(self) -> None:
        if self.simpan.isVisible() and self.simpan.isEnabled():
            self.simpan_sekarang()

    def on_finalkan_clicked(self) -> None:
        f = self.form
        if f is None or not f.boleh_nilai or not self.simpan_sekarang():
            return
        f = self.form
        assert f is not None and f.evaluasi_id is not None
        ev_id = f.evaluasi_id
        kurang = [
            n
            for n, v in (("rating hasil kerja", f.rating_hasil), ("rating perilaku kerja", f.rating_perilaku))
            if not v
        ]
        if kurang:
            self.tabs.setCurrentWidget(self.rating)
            (self.rating.hasil if not f.rating_hasil else self.rating.perilaku).setFocus()
            show_error(
                self,
                ValidationError(
                    f"Evaluasi belum bisa difinalkan: {' dan '.join(kurang)} belum dipilih.",
                    saran="Pilih rating pada tab Rating dan Predikat, lalu tekan Finalkan lagi.",
                ),
            )
            return
        try:
            with self.ctx.workspace.read() as session:
                temuan = evaluasi.temuan_untuk(session, self.ctx.actor, ev_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        if temuan:
            if not self.akui(temuan):
                self.say("Evaluasi belum difinalkan; isian sudah disimpan sebagai draf.")
                return
        elif not ask_yes_no(
            self,
            f"Finalkan evaluasi {f.periode_label} {f.pegawai.nama}?",
            "Setelah final, isian terkunci; hanya administrator yang dapat membukanya kembali.",
        ):
            return
        try:
            with self.ctx.workspace.transaction(self.ctx.actor) as session:
                evaluasi.finalise_evaluasi(session, self.ctx.actor, ev_id, akui_temuan=bool(temuan))
        except evaluasi.DistribusiPerluDiakui as exc:  # the unit changed meanwhile: ask again
            if not self.akui(exc.temuan):
                return
            self.jalankan(
                lambda s, a: evaluasi.finalise_evaluasi(s, a, ev_id, akui_temuan=True),
                "Evaluasi sudah final.",
            )
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.changed.emit()
        self.muat()
        self.say("Evaluasi sudah final dan terkunci.")

    def akui(self, temuan: list[Temuan]) -> bool:
        nama = self.form.pegawai.nama if self.form else ""
        return AkuiDistribusiDialog(self, nama, temuan).exec() == QDialog.DialogCode.Accepted

    def on_buka_clicked(self) -> None:
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
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        alasan = dialog.value()
        self.jalankan(
            lambda s, a: evaluasi.reopen_evaluasi(s, a, ev_id, alasan),
            "Evaluasi dibuka kembali sebagai draf; pejabat penilai dapat mengubah lalu memfinalkannya lagi.",
        )

    def reject(self) -> None:
        """Tutup, Esc or the window's close button: offer to save what was typed."""
        if self.dirty():
            jawab = ask_save_discard(self, "Isian evaluasi ini belum disimpan.")
            if jawab == QMessageBox.StandardButton.Cancel:
                return
            if jawab == QMessageBox.StandardButton.Save and not self.simpan_sekarang():
                return
        super().reject()
