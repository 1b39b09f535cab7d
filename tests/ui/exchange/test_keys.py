"""Office keys on the Pertukaran Data page: fingerprints shown, a changed key refused, then accepted."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Pegawai
from kinerja_desktop.core.exchange.actions import export_paket
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor, kunci_kantor
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.exchange.keys_box import KunciPanel
from kinerja_desktop.ui.exchange.page import SinkronisasiPage

Buka = Callable[[str], Workspace]


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory, demo_office: Callable[[int], Path]) -> dict[str, Path]:
    """PLJ (the shared demo office) and an empty central office BKPSDM."""
    root = tmp_path_factory.mktemp("kunci-ui")
    ws = Workspace.open(AppPaths(root / "PUSAT"))
    with ws.transaction() as s:
        data = kantor.KantorInput(kode="BKPSDM", nama="BKPSDM Kota", tempat="Palembang", is_pusat=True)
        kantor.initialise(s, data, "admin", "rahasia123", "Admin Pusat")
    ws.close()
    return {"PLJ": demo_office(8), "PUSAT": root / "PUSAT"}


@pytest.fixture
def buka(tmp_path: Path, templat: dict[str, Path], sync_tasks: None) -> Iterator[Buka]:
    dibuka: list[Workspace] = []

    def _buka(kode: str) -> Workspace:
        shutil.copytree(templat[kode], tmp_path / kode)
        ws = Workspace.open(AppPaths(tmp_path / kode))
        dibuka.append(ws)
        return ws

    yield _buka
    for ws in dibuka:
        ws.close()


def _page(qtbot: QtBot, ws: Workspace, user: str = "admin", password: str = "rahasia123") -> SinkronisasiPage:
    page = SinkronisasiPage(UiContext(ws, ws.login(user, password), TaskRunner(None)))
    qtbot.addWidget(page)
    page.refresh()
    return page


def _sidik(ws: Workspace) -> str:
    with ws.read() as s:
        return kunci_kantor.own_key(s).sidik


def _impor(page: SinkronisasiPage, path: Path) -> list[str]:
    """Import ``path`` through the wizard; the report's outcome per file."""
    w = page.open_wizard([path])
    w.next_button.click()
    hasil = [h.hasil for h in w.laporan.model.rows]
    w.accept()
    return hasil


def test_the_first_import_shows_the_senders_fingerprint_and_the_page_keeps_it(
    qtbot: QtBot, buka: Buka, tmp_path: Path
) -> None:
    plj, pusat = buka("PLJ"), buka("PUSAT")
    page = _page(qtbot, pusat)
    box = page.keys_box
    assert box.own_label.text() == _sidik(pusat) and box.model.rows == []
    path = export_paket(plj, SYSTEM, tmp_path / "plj.xlsx").path
    w = page.open_wizard([path])
    assert w.rencana.kunci.isVisibleTo(w)
    assert _sidik(plj) in w.rencana.kunci.text() and "belum tersimpan di sini" in w.rencana.kunci.text()
    w.next_button.click()
    assert [(h.hasil, h.keterangan) for h in w.laporan.model.rows] == [
        ("Diimpor", f"Kunci pengirim disimpan: {_sidik(plj)}")
    ]
    (pin,) = box.model.rows
    assert pin.sidik == _sidik(plj) and box.model.index(0, 2).data() == "impor pertama oleh admin"
    w.accept()
    w = page.open_wizard([path])
    assert "cocok dengan yang tersimpan" in w.rencana.kunci.text()


def test_a_changed_key_is_refused_in_the_wizard_until_an_administrator_accepts_it(
    qtbot: QtBot, buka: Buka, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plj, pusat = buka("PLJ"), buka("PUSAT")
    page = _page(qtbot, pusat)
    lama = _sidik(plj)
    assert _impor(page, export_paket(plj, SYSTEM, tmp_path / "plj-1.xlsx").path) == ["Diimpor"]
    with plj.transaction() as s:  # PLJ's PC reinstalled (its data restored), then a name corrected
        kantor.create_key_pair(s)
        pegawai = s.scalars(select(Pegawai).order_by(Pegawai.nip).limit(1)).one()
        pegawai.nama = "Nama Sesudah Pasang Ulang"
    baru = _sidik(plj)
    path = export_paket(plj, SYSTEM, tmp_path / "plj-2.xlsx").path

    w = page.open_wizard([path])
    teks = w.galat.text()
    assert w.galat.isVisibleTo(w) and f"Kunci tersimpan: {lama}; kunci pada paket: {baru}." in teks
    assert "halaman Pertukaran Data (kotak Kunci kantor" in teks
    w.next_button.click()
    assert [h.hasil for h in w.laporan.model.rows] == ["Ditolak"]
    w.accept()

    box = page.keys_box
    assert box.accept_button.isVisibleTo(page)
    monkeypatch.setattr(KunciPanel, "choose_file", lambda self: path)
    box.accept_button.click()
    dialog = box.dialog
    assert dialog is not None and dialog.isVisible()
    assert (dialog.lama.text(), dialog.baru.text()) == (lama, baru)
    dialog.accept_button.click()  # no reason yet
    assert dialog.isVisible() and dialog.alasan_note.isVisibleTo(dialog)
    assert "alasan" in dialog.alasan_note.text() and box.model.rows[0].sidik == lama
    dialog.alasan.setPlainText("Komputer PLJ dipasang ulang; sidik dicocokkan lewat telepon")
    dialog.accept_button.click()
    assert not dialog.isVisible() and dialog.diterima is not None
    (pin,) = box.model.rows
    assert pin.sidik == baru and pin.cara.startswith("diterima oleh admin: Komputer PLJ dipasang ulang")
    with pusat.read() as s:
        (audit,) = s.scalars(select(AuditLog).where(AuditLog.aksi == "terima_kunci")).all()
    assert audit.username == "admin" and lama in audit.keterangan and baru in audit.keterangan
    assert _impor(page, path) == ["Diimpor"]
    with pusat.read() as s:
        assert s.scalar(select(Pegawai.id).where(Pegawai.nama == "Nama Sesudah Pasang Ulang"))


def test_only_an_administrator_may_accept_a_new_key(qtbot: QtBot, buka: Buka) -> None:
    plj = buka("PLJ")
    page = _page(qtbot, plj, "operator", "operator123")
    assert page.keys_box.own_label.text() == _sidik(plj)
    assert not page.keys_box.accept_button.isVisibleTo(page)
    assert not page.keys_box.accept_hint.isVisibleTo(page)
