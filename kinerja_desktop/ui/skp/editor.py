"""The SKP editor: header, the three tabs, and the flow buttons (ajukan, setujui, tolak, revisi, …)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import DataBerubah, KnownError
from kinerja_desktop.core.model.skp import STATUS_BISA_DIUBAH, SkpDetail, StatusSkp
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.services import skp
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_save_discard, ask_yes_no
from kinerja_desktop.ui.common.forms import MasalahDialog, TeksDialog
from kinerja_desktop.ui.common.ops import Note, Outcome, Work
from kinerja_desktop.ui.common.stale import StaleBar
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, OK_STYLE, WARNING_STYLE
from kinerja_desktop.ui.printing.menu import tombol_skp
from kinerja_desktop.ui.skp.hasil_kerja import HasilKerjaTab
from kinerja_desktop.ui.skp.header import SkpHeader
from kinerja_desktop.ui.skp.lampiran import LampiranTab
from kinerja_desktop.ui.skp.list_dialogs import HeaderDialog
from kinerja_desktop.ui.skp.perilaku import PerilakuTab

T = TypeVar("T")


def alasan_read_only(d: SkpDetail) -> str:
    """The short line that says why nothing can be changed (empty when the SKP is editable)."""
    if not d.read_only:
        return ""
    if d.status == StatusSkp.DISETUJUI:
        return "SKP sudah disetujui; buat revisi untuk mengubah."
    if d.status == StatusSkp.DIAJUKAN and d.boleh_setujui:
        return (
            "SKP ini diajukan kepada Anda: periksa isinya, tulis ekspektasi khusus, lalu setujui atau tolak."
        )
    if d.status == StatusSkp.DIAJUKAN:
        return "SKP sedang diajukan; tarik kembali untuk mengubah, atau tunggu keputusan pejabat penilai."
    if d.status == StatusSkp.DIGANTI:
        return "Versi ini sudah diganti revisi dan hanya bisa dilihat."
    return "Anda hanya dapat melihat SKP ini."


class SkpEditor(QWidget):
    """Shows one SKP version; every button is one service call in one transaction, then a reload."""

    closed = Signal()
    changed = Signal()  # something was saved: the list should refresh

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: SkpDetail | None = None
        self.header = SkpHeader()
        self.header.versi_dipilih.connect(self.on_versi_dipilih)
        self.back_button = QPushButton("← Daftar SKP", clicked=self.on_back_button_clicked)
        self.judul = QLabel()
        self.tabs = QTabWidget()
        self.hasil_kerja, self.lampiran, self.perilaku = (
            HasilKerjaTab(self),
            LampiranTab(self),
            PerilakuTab(self),
        )
        self.tabs.addTab(self.hasil_kerja, "Hasil Kerja")
        self.tabs.addTab(self.lampiran, "Lampiran")
        self.tabs.addTab(self.perilaku, "Perilaku Kerja")
        self.submit_button = QPushButton("Ajukan…", clicked=self.on_submit_button_clicked)
        self.withdraw_button = QPushButton("Tarik kembali", clicked=self.on_withdraw_button_clicked)
        self.approve_button = QPushButton("Setujui", clicked=self.on_approve_button_clicked)
        self.reject_button = QPushButton("Tolak…", clicked=self.on_reject_button_clicked)
        self.revise_button = QPushButton("Revisi", clicked=self.on_revise_button_clicked)
        self.delete_button = QPushButton("Hapus draf", clicked=self.on_delete_button_clicked)
        self.edit_header_button = QPushButton("Periode…", clicked=self.on_edit_header_button_clicked)
        self.edit_header_button.setToolTip(
            "Ubah periode penilaian atau pendekatan, dan perbarui pejabat penilai"
        )
        self.print_button = tombol_skp(
            ctx, self, lambda: self.detail.id if self.detail else None, lambda: self.settle("cetak")
        )
        self.alasan = QLabel(wordWrap=True, styleSheet=WARNING_STYLE)
        self.message = QLabel(wordWrap=True)
        self.stale = StaleBar(
            hint="Periksa perubahannya dulu sebelum mengubah, menyetujui, atau menolak lagi."
        )
        self.stale.reload_requested.connect(self.on_stale_reload_requested)
        self._build_layout()
        for key in ("Alt+Left", "Esc"):
            shortcut = QShortcut(QKeySequence(key), self, self.on_back_button_clicked)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.judul, 1)
        for b in (
            self.edit_header_button,
            self.submit_button,
            self.withdraw_button,
            self.approve_button,
            self.reject_button,
            self.revise_button,
            self.delete_button,
            self.print_button,
        ):
            top.addWidget(b)
        line = QFrame(frameShape=QFrame.Shape.HLine, frameShadow=QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.alasan)
        layout.addWidget(line)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.stale)
        layout.addWidget(self.message)

    # --- the one way to read and to act (the tabs use these through EditorHost) ---------------
    def look(self, fn: Work[T]) -> Outcome[T]:
        return ops.look(self, fn)

    def act(
        self,
        fn: Work[T],
        success: str = "",
        *,
        reload: bool = True,
        notes: Mapping[str, Note] | None = None,
        message: Note | None = None,
    ) -> Outcome[T]:
        """One action in one transaction; then the SKP is read again (also after a refusal) and the
        page is told. Ekspektasi typed and not saved stay in their boxes through the reload.

        A refusal because someone else changed the SKP since it was shown is not followed by a reload:
        the bar above the message line names them, and the view (with its stamp) stays as it was until
        Muat ulang, so that a second try is refused too rather than overwriting their change."""

        def done(_value: T) -> None:
            if reload:
                self.reload()
            self.changed.emit()

        def failed(exc: KnownError) -> None:
            if isinstance(exc, DataBerubah):
                self.stale.set_error(exc.pesan)
            else:
                self.reload()

        return ops.act(
            self,
            fn,
            success=success,
            say=self.say,
            then=done,
            failed=failed,
            notes=notes,
            message=message,
            stale=self.stale if message is None else None,
        )

    def stamp(self) -> str | None:
        return self.detail.stamp if self.detail is not None else None

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def load(self, skp_id: str) -> bool:
        detail = self.look(lambda s, a: skp.get_skp(s, a, skp_id))
        if not detail:
            return False
        self.show_detail(detail.value)
        self.say("")
        return True

    def reload(self) -> None:
        if self.detail is not None:
            skp_id = self.detail.id
            detail = self.look(lambda s, a: skp.get_skp(s, a, skp_id))
            if detail:
                self.show_detail(detail.value)

    def on_stale_reload_requested(self) -> None:
        self.reload()
        self.say("SKP dimuat ulang; perubahan terbaru sudah tampil.")

    def show_detail(self, d: SkpDetail) -> None:
        self.detail = d
        self.stale.hide()
        self.judul.setText(f"<b>SKP {d.tahun}</b> — {d.pegawai.nama}")
        self.header.show_detail(d)
        for tab in (self.hasil_kerja, self.lampiran, self.perilaku):
            tab.show_detail(d)
        alasan = alasan_read_only(d)
        self.alasan.setText(alasan)
        self.alasan.setVisible(bool(alasan))
        kelola = self.ctx.actor.can(Izin.KELOLA_SKP)
        bisa_ubah = d.status in STATUS_BISA_DIUBAH and not d.read_only
        ada_revisi = any(v.versi > d.versi for v in d.versi_lain)
        self.submit_button.setVisible(bisa_ubah)
        self.delete_button.setVisible(bisa_ubah)
        self.edit_header_button.setVisible(bisa_ubah)
        self.withdraw_button.setVisible(d.status == StatusSkp.DIAJUKAN and kelola and not d.boleh_setujui)
        self.approve_button.setVisible(d.boleh_setujui)
        self.reject_button.setVisible(d.boleh_setujui)
        self.revise_button.setVisible(d.status == StatusSkp.DISETUJUI and kelola and not ada_revisi)

    # --- nothing typed is lost: asked before an action that leaves or locks the SKP ------------------
    def settle(self, lanjut: str, pertanyaan: str = "") -> bool:
        """Ekspektasi khusus typed and not saved are saved (Simpan), dropped (Buang), or the action
        ``lanjut`` ("setujui", "tutup SKP", …) is not done (Batal). True when the action may go on."""
        if not self.perilaku.dirty():
            return True
        jawab = ask_save_discard(
            self,
            f"{pertanyaan}\n\nEkspektasi khusus yang Anda ketik belum disimpan."
            if pertanyaan
            else "Ekspektasi khusus yang Anda ketik belum disimpan.",
            "Simpan: ekspektasi disimpan dulu. Buang: ekspektasi yang baru diketik dihapus. "
            "Batal: kembali ke SKP tanpa melakukan apa pun.",
            save=f"Simpan, lalu {lanjut}",
            discard=f"Buang, lalu {lanjut}",
        )
        if jawab == QMessageBox.StandardButton.Save:
            return self.perilaku.save()
        if jawab == QMessageBox.StandardButton.Discard:
            self.perilaku.discard()
            return True
        return False

    def confirm(
        self, lanjut: str, pertanyaan: str, keterangan: str = "", *, default_yes: bool = False
    ) -> bool:
        """Before a flow action: with unsaved ekspektasi the Simpan / Buang / Batal question, which names
        the action, is the confirmation; otherwise ``pertanyaan`` with Ya / Tidak."""
        if self.perilaku.dirty():
            return self.settle(lanjut, pertanyaan)
        return ask_yes_no(self, pertanyaan, keterangan, default_yes=default_yes)

    def can_leave(self) -> bool:
        return self.settle("tutup SKP")

    # --- reactions --------------------------------------------------------------------------------
    def on_back_button_clicked(self) -> None:
        if self.can_leave():
            self.closed.emit()

    def on_versi_dipilih(self, skp_id: str) -> None:
        if self.detail is None or skp_id == self.detail.id:
            return
        if self.settle("buka versi lain"):
            self.load(skp_id)
        else:
            self.header.show_detail(self.detail)  # the list names the version still shown

    def on_submit_button_clicked(self) -> None:
        d = self.detail
        ditanya = self.perilaku.dirty()
        if d is None or not self.settle("ajukan", "Ajukan SKP ini kepada pejabat penilai?"):
            return
        dicek = self.look(lambda s, a: skp.check_skp(s, a, d.id))
        if not dicek:
            return
        kesalahan = [m.pesan for m in dicek.value if not m.peringatan]
        peringatan = [m.pesan for m in dicek.value if m.peringatan]
        if kesalahan:
            MasalahDialog(self, "SKP belum bisa diajukan:", kesalahan, peringatan).exec()
            self.say(f"SKP belum bisa diajukan: {len(kesalahan)} hal perlu diperbaiki.", ok=False)
            return
        if peringatan:
            dialog = MasalahDialog(self, "SKP dapat diajukan, tetapi perhatikan:", [], peringatan)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        elif not ditanya and not ask_yes_no(self, "Ajukan SKP ini kepada pejabat penilai?", default_yes=True):
            return
        self.act(
            lambda s, a: skp.submit_skp(s, a, d.id, stamp=self.stamp()),
            "SKP sudah diajukan kepada pejabat penilai.",
        )

    def on_withdraw_button_clicked(self) -> None:
        d = self.detail
        if d is not None and self.confirm("tarik kembali", "Tarik kembali pengajuan SKP ini menjadi draf?"):
            self.act(
                lambda s, a: skp.withdraw_skp(s, a, d.id, stamp=self.stamp()),
                "Pengajuan sudah ditarik; SKP kembali draf.",
            )

    def on_approve_button_clicked(self) -> None:
        d = self.detail
        pertanyaan = f"Setujui SKP {d.tahun} {d.pegawai.nama}?" if d is not None else ""
        if d is not None and self.confirm("setujui", pertanyaan, default_yes=True):
            self.act(lambda s, a: skp.approve_skp(s, a, d.id, stamp=self.stamp()), "SKP sudah disetujui.")

    def on_reject_button_clicked(self) -> None:
        d = self.detail
        if d is None or not self.settle("tolak", f"Tolak SKP {d.tahun} {d.pegawai.nama}?"):
            return
        dialog = TeksDialog(
            self,
            "Tolak SKP",
            f"Catatan untuk {d.pegawai.nama}: apa yang perlu diperbaiki?",
            ok="Tolak SKP",
            wajib="Tuliskan catatan penolakan agar pegawai tahu apa yang harus diperbaiki.",
            maks=Batas.CATATAN_PENOLAKAN,
        )
        dialog.write_with(
            lambda: self.act(
                lambda s, a: skp.reject_skp(s, a, d.id, dialog.value(), stamp=self.stamp()),
                "SKP sudah ditolak dengan catatan.",
                message=dialog.message,
            )
        )
        dialog.exec()

    def on_revise_button_clicked(self) -> None:
        d = self.detail
        if d is None:
            return
        if not self.confirm(
            "buat revisi",
            "Buat revisi SKP ini?",
            "Revisi menjadi versi draf baru; versi yang disetujui tetap berlaku sampai revisi disetujui.",
            default_yes=True,
        ):
            return
        baru = self.act(lambda s, a: skp.revise_skp(s, a, d.id, stamp=self.stamp()))
        if baru:
            self.load(baru.value)
            self.say(f"Revisi dibuat sebagai versi {self.detail.versi if self.detail else ''}.")

    def on_edit_header_button_clicked(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = HeaderDialog(self, d.tahun, d.periode_awal, d.periode_akhir, d.pendekatan)
        dialog.write_with(
            lambda: self.act(
                lambda s, a: skp.update_skp(s, a, d.id, dialog.data(), stamp=self.stamp()),
                "Periode dan pendekatan disimpan.",
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            changed = self.act(lambda s, a: skp.refresh_penilai(s, a, d.id))
            if changed and changed.value:
                self.say("Periode disimpan; pejabat penilai disesuaikan dengan data pegawai terkini.")

    def on_delete_button_clicked(self) -> None:
        d = self.detail
        termasuk = " (termasuk ekspektasi khusus yang baru diketik)" if self.perilaku.dirty() else ""
        if d is None or not ask_yes_no(
            self, f"Hapus draf SKP versi {d.versi} ini beserta seluruh isinya{termasuk}?"
        ):
            return
        if not self.act(lambda s, a: skp.delete_skp(s, a, d.id, stamp=self.stamp()), reload=False):
            return
        self.perilaku.discard()  # deleted with the draft
        lain = max(d.versi_lain, key=lambda v: v.versi, default=None)
        if lain is not None:
            self.load(lain.id)
            self.say(f"Draf dihapus; yang tampil kini versi {lain.versi}.")
        else:
            self.detail = None
            self.closed.emit()
