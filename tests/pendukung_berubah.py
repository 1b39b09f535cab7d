"""Test support for two people at once: a second account with a name, and the refusal's checks."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pendukung_demo import demo_actor
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pengguna
from kinerja_desktop.core.errors import DataBerubah
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace

SINTA = "Sinta Maharani"


def sinta(ws: Workspace, username: str = "operator") -> Actor:
    """The demo account ``username``, named Sinta: the one who saves first."""
    with ws.transaction() as s:
        s.scalars(select(Pengguna).where(Pengguna.username == username)).one().nama = SINTA
    return demo_actor(ws, username)


def assert_names_sinta(info: pytest.ExceptionInfo[DataBerubah]) -> None:
    """The refusal names Sinta and the time of her change, in this computer's local time."""
    exc = info.value
    assert exc.oleh == SINTA and exc.pada is not None
    jam = exc.pada.astimezone().strftime("%H.%M")
    assert re.fullmatch(
        rf"Data ini sudah (diubah|dihapus) oleh {SINTA} pukul {jam}; muat ulang untuk melihat .+\.", exc.pesan
    ), exc.pesan


def tangkap(widget: QWidget, nama: str) -> None:
    """With ``KINERJA_TANGKAP`` set to a folder, save what the person sees: the window at 1366×768."""
    folder = os.environ.get("KINERJA_TANGKAP")
    if not folder:
        return
    window = widget.window()
    window.resize(min(window.width(), 1366), min(window.height(), 768))
    window.show()
    QApplication.processEvents()
    window.grab().save(str(Path(folder) / f"{nama}.png"))
