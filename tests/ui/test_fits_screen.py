"""Dialogs fit a 1366×768 office screen with a 40 px taskbar: no button below the screen's edge."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget
from reportlab.pdfgen import canvas
from sqlalchemy import select

from kinerja_desktop.core.db.models import Skp
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.services import pegawai
from kinerja_desktop.ui.common import screen
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.screen import FRAME_H, FRAME_W
from kinerja_desktop.ui.exchange.import_wizard import ImporWizard
from kinerja_desktop.ui.pegawai.form import PegawaiForm
from kinerja_desktop.ui.penilaian.form import EvaluasiDialog
from kinerja_desktop.ui.printing.preview import PratinjauDialog, Sumber
from kinerja_desktop.ui.recovery import RecoveryWindow
from kinerja_desktop.ui.server_dialog import ServerSettingsDialog

KANTOR_PC = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px taskbar


@pytest.fixture(autouse=True)
def layar_kantor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen, "free_area", lambda _widget: KANTOR_PC)


def _shown_size(widget: QWidget) -> QSize:
    """The size the window opens at: the one set, else what its layout asks for."""
    return widget.size() if widget.testAttribute(Qt.WidgetAttribute.WA_Resized) else widget.sizeHint()


def _assert_fits(widget: QWidget) -> None:
    size = _shown_size(widget)
    assert size.width() + FRAME_W <= KANTOR_PC.width(), f"{type(widget).__name__} {size}"
    assert size.height() + FRAME_H <= KANTOR_PC.height(), f"{type(widget).__name__} {size}"


def _pdf() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawString(72, 720, "Pratinjau")
    c.save()
    return out.getvalue()


def test_the_print_preview_fits(qtbot, ctx: UiContext) -> None:
    pdf = _pdf()
    opsi = OpsiCetak(tanggal=date.today(), tempat="Plaju")
    dialog = PratinjauDialog(ctx, Sumber("SKP", lambda *_args: pdf, opsi), pdf)
    qtbot.addWidget(dialog)
    _assert_fits(dialog)


def test_the_evaluation_form_and_the_import_wizard_fit(qtbot, ctx: UiContext) -> None:
    with ctx.workspace.read() as s:
        skp_id = s.scalars(select(Skp.id).where(Skp.status == "disetujui")).first()
    assert skp_id is not None
    forms: list[Callable[[], QWidget]] = [
        lambda: EvaluasiDialog(ctx, skp_id, "TW3"),
        lambda: ImporWizard(ctx),
    ]
    for make in forms:
        dialog = make()
        qtbot.addWidget(dialog)
        _assert_fits(dialog)


def test_the_pegawai_form_fits(qtbot, ctx: UiContext) -> None:
    with ctx.workspace.read() as s:
        row = next(r for r in pegawai.list_pegawai(s, ctx.actor) if r.status_aktif == StatusAktif.AKTIF.value)
    for pid in (None, row.id):
        dialog = PegawaiForm(ctx, pid)
        qtbot.addWidget(dialog)
        _assert_fits(dialog)


def test_the_recovery_screen_and_the_server_settings_fit(qtbot, ctx: UiContext) -> None:
    recovery = RecoveryWindow(ctx.workspace.paths, KnownError("Basis data rusak."))
    server = ServerSettingsDialog(ctx.workspace.paths, "PLJ")
    for dialog in (recovery, server):
        qtbot.addWidget(dialog)
        _assert_fits(dialog)
