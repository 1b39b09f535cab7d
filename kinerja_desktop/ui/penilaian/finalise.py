"""Finalising evaluations from the grid: findings to acknowledge first, then every ready row at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, HasilFinal
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.distribusi import Temuan
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.widgets import WARNING_STYLE

AKUI = "Saya sudah memperhatikan peringatan pola distribusi"
PESAN_KUNCI = "Evaluasi yang sudah final terkunci; hanya administrator yang dapat membukanya kembali."


@dataclass
class RingkasanFinal:
    """Who was finalised, and who not with the reason."""

    berhasil: list[str] = field(default_factory=list)
    gagal: list[tuple[str, str]] = field(default_factory=list)

    belum_siap: int = 0

    @classmethod
    def dari(cls, hasil: list[HasilFinal]) -> RingkasanFinal:
        return cls([h.nama for h in hasil if h.final], [(h.nama, h.alasan) for h in hasil if not h.final])

    def rincian(self) -> str:
        return "\n".join(f"• {nama}: {alasan}" for nama, alasan in self.gagal)

    def teks(self) -> str:
        """ "3 evaluasi difinalkan. 1 tidak difinalkan:" (the reasons follow in ``rincian``)."""
        teks = f"{format_angka(len(self.berhasil))} evaluasi difinalkan."
        if self.gagal:
            teks += f" {len(self.gagal)} tidak difinalkan:"
        elif self.belum_siap:
            teks += (
                f" {format_angka(self.belum_siap)} pegawai lain belum siap (lihat 'Hanya yang belum final')."
            )
        return teks


class AkuiDialog(QDialog):
    """Lists the findings; "Finalkan" is enabled only once the acknowledgement box is ticked."""

    def __init__(self, temuan: list[Temuan], jumlah: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Peringatan pola distribusi")
        self.setMinimumWidth(520)
        items = "".join(f"<li>{escape(t.pesan)}</li>" for t in temuan)
        daftar = QLabel(f"<ul style='margin-left: -20px'>{items}</ul>", wordWrap=True)
        daftar.setStyleSheet(WARNING_STYLE)
        self.check = QCheckBox(AKUI)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(f"Finalkan {format_angka(jumlah)} evaluasi")
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.check.toggled.connect(self.ok.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Sebaran predikat unit belum sesuai pola distribusi (SE MenPANRB 3/2023). Periksa kembali "
                "penilaian, atau nyatakan bahwa Anda sudah memperhatikan peringatan ini untuk tetap "
                "memfinalkan.",
                wordWrap=True,
            )
        )
        layout.addWidget(daftar)
        layout.addWidget(self.check)
        layout.addWidget(self.buttons)


def finalise_rows(parent: QWidget, rows: list[BarisEvaluasi], *, terpilih: bool) -> RingkasanFinal | None:
    """Finalise the ready ones of ``rows`` after the user confirmed (acknowledging findings, if any).

    ``terpilih``: the user chose these rows, so the ones not ready are reported as not finalised with
    the reason; otherwise they are only counted. None when nothing was done.
    """
    alasan = {r.pegawai_id: evaluasi.alasan_belum_siap(r) for r in rows}
    siap = [r.evaluasi_id for r in rows if not alasan[r.pegawai_id] and r.evaluasi_id]
    belum = [(r.nama, alasan[r.pegawai_id]) for r in rows if alasan[r.pegawai_id]]
    if not siap:
        daftar = "\n".join(f"• {n}: {a}" for n, a in belum[:15]) if terpilih else ""
        ops.show_known_error(
            parent,
            ValidationError(
                "Belum ada evaluasi yang siap difinalkan: beri kedua rating dulu, lalu finalkan.",
                saran=daftar or None,
            ),
        )
        return None
    temuan = ops.look(parent, lambda s, a: evaluasi.temuan_semua(s, a, siap))
    if not temuan:
        return None
    if temuan.value:
        dialog = AkuiDialog(temuan.value, len(siap), parent)
        if not dialog.exec() or not dialog.check.isChecked():
            return None
    elif not ask_yes_no(parent, f"Finalkan {format_angka(len(siap))} evaluasi?", PESAN_KUNCI):
        return None
    akui = bool(temuan.value)
    dilihat = {r.evaluasi_id: r.revisi for r in rows if r.evaluasi_id}
    hasil = ops.act(parent, lambda s, a: evaluasi.finalise_each(s, a, siap, akui_temuan=akui, revisi=dilihat))
    if not hasil:
        return None
    ringkasan = RingkasanFinal.dari(hasil.value)
    if terpilih:
        ringkasan.gagal = belum + ringkasan.gagal
    else:
        ringkasan.belum_siap = len(belum)
    return ringkasan
