"""Finalising evaluations from the grid: findings to acknowledge first, then one transaction per row."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, StatusEvaluasi
from kinerja_desktop.core.rules.distribusi import Temuan
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no, show_error
from kinerja_desktop.ui.common.widgets import WARNING_STYLE

AKUI = "Saya sudah memperhatikan peringatan pola distribusi"
PESAN_KUNCI = "Evaluasi yang sudah final terkunci; hanya administrator yang dapat membukanya kembali."


@dataclass
class HasilFinal:
    """Who was finalised, and who not with the reason."""

    berhasil: list[str] = field(default_factory=list)
    gagal: list[tuple[str, str]] = field(default_factory=list)

    belum_siap: int = 0

    def rincian(self) -> str:
        return "\n".join(f"• {nama}: {alasan}" for nama, alasan in self.gagal)

    def teks(self) -> str:
        """ "3 evaluasi difinalkan. 1 tidak difinalkan:" (the reasons follow in ``rincian``)."""
        teks = f"{len(self.berhasil)} evaluasi difinalkan."
        if self.gagal:
            teks += f" {len(self.gagal)} tidak difinalkan:"
        elif self.belum_siap:
            teks += f" {self.belum_siap} pegawai lain belum siap (lihat 'Hanya yang belum final')."
        return teks


def siap_final(row: BarisEvaluasi) -> bool:
    """A draft this account may rate, with both ratings given."""
    return (
        row.boleh_nilai
        and row.status is StatusEvaluasi.DRAF
        and bool(row.evaluasi_id and row.rating_hasil and row.rating_perilaku)
    )


def alasan_belum_siap(row: BarisEvaluasi, terkunci: str) -> str:
    if not row.boleh_nilai:
        return terkunci
    kurang = [
        n
        for n, v in (("rating hasil kerja", row.rating_hasil), ("rating perilaku kerja", row.rating_perilaku))
        if not v
    ]
    if kurang:
        return f"{' dan '.join(kurang)} belum diisi; isi dulu lalu finalkan."
    return "belum dinilai; beri kedua rating dulu lalu finalkan."


def temuan_baris(ctx: UiContext, rows: list[BarisEvaluasi]) -> list[Temuan]:
    """The distribution findings of every unit these rows belong to (one per unit, no repeats)."""
    per_unit: dict[str | None, str] = {}
    for row in rows:
        if row.evaluasi_id:
            per_unit.setdefault(row.unit_id, row.evaluasi_id)
    hasil: list[Temuan] = []
    with ctx.workspace.read() as session:
        for evaluasi_id in per_unit.values():
            for t in evaluasi.temuan_untuk(session, ctx.actor, evaluasi_id):
                if t not in hasil:
                    hasil.append(t)
    return hasil


def finalkan(ctx: UiContext, rows: list[BarisEvaluasi], *, akui_temuan: bool) -> HasilFinal:
    """Finalise each row in its own transaction; a row refused is reported with the service's reason."""
    hasil = HasilFinal()
    for row in rows:
        if row.evaluasi_id is None:
            hasil.gagal.append((row.nama, "belum dinilai; beri kedua rating dulu lalu finalkan."))
            continue
        try:
            with ctx.workspace.transaction(ctx.actor) as session:
                evaluasi.finalise_evaluasi(session, ctx.actor, row.evaluasi_id, akui_temuan=akui_temuan)
        except KnownError as exc:
            hasil.gagal.append((row.nama, exc.pesan))
        else:
            hasil.berhasil.append(row.nama)
    return hasil


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
        self.ok.setText(f"Finalkan {jumlah} evaluasi")
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


def finalkan_baris(
    ctx: UiContext, parent: QWidget, rows: list[BarisEvaluasi], alasan: dict[str, str], *, terpilih: bool
) -> HasilFinal | None:
    """Finalise the ready ones of ``rows`` after the user confirmed (acknowledging findings, if any).

    ``terpilih``: the user chose these rows, so the ones not ready are reported as not finalised with
    the reason; otherwise they are only counted. None when nothing was done.
    """
    siap = [r for r in rows if siap_final(r)]
    belum = [(r.nama, alasan_belum_siap(r, alasan.get(r.pegawai_id, ""))) for r in rows if not siap_final(r)]
    if not siap:
        daftar = "\n".join(f"• {n}: {a}" for n, a in belum[:15]) if terpilih else ""
        show_error(
            parent,
            ValidationError(
                "Belum ada evaluasi yang siap difinalkan: beri kedua rating dulu, lalu finalkan.",
                saran=daftar or None,
            ),
        )
        return None
    try:
        temuan = temuan_baris(ctx, siap)
    except KnownError as exc:
        show_error(parent, exc)
        return None
    if temuan:
        dialog = AkuiDialog(temuan, len(siap), parent)
        if not dialog.exec() or not dialog.check.isChecked():
            return None
    elif not ask_yes_no(parent, f"Finalkan {len(siap)} evaluasi?", PESAN_KUNCI):
        return None
    hasil = finalkan(ctx, siap, akui_temuan=bool(temuan))
    if terpilih:
        hasil.gagal = belum + hasil.gagal
    else:
        hasil.belum_siap = len(belum)
    return hasil
