"""The Beranda in the main window: each role's lines, a click opens the page on its filter, the checklist."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import Pengguna, Skp
from kinerja_desktop.core.model.evaluasi import StatusEvaluasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.pekerjaan import Pekerjaan, Tujuan
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.beranda import page as beranda_page
from kinerja_desktop.ui.beranda.page import KOSONG, BerandaPage
from kinerja_desktop.ui.cadangan.page import CadanganPage
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.monitoring.page import MonitoringPage
from kinerja_desktop.ui.pelatihan.page import PelatihanPage
from kinerja_desktop.ui.pengguna.page import PenggunaPage
from kinerja_desktop.ui.penilaian.page import PenilaianPage
from kinerja_desktop.ui.skp.page import SkpPage
from kinerja_desktop.ui.unit_kerja.page import UnitKerjaPage


@pytest.fixture
def tahun(demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> int:
    """The demo's year; the Beranda counts as on 15 November of it (Triwulan IV: nobody rated yet)."""
    with demo_ws.read() as s:
        found = s.scalar(select(func.max(Skp.tahun)))
    assert found is not None
    monkeypatch.setattr(beranda_page, "hari_ini", lambda: date(found, 11, 15))
    return found


@pytest.fixture
def jendela(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    dibuka: list[MainWindow] = []
    yield dibuka
    for window in dibuka:
        window._logging_out = True  # as after Keluar akun: no backup questions
        window.close()


def _buka(
    qtbot: QtBot, dibuka: list[MainWindow], ws: Workspace, user: str, password: str = ""
) -> BerandaPage:
    window = MainWindow(ws, ws.login(user, password or f"{user}123"))
    qtbot.addWidget(window)
    dibuka.append(window)
    beranda = window.stack.currentWidget()
    assert isinstance(beranda, BerandaPage)
    return beranda


def _baris(beranda: BerandaPage, tujuan: Tujuan) -> tuple[QPushButton, Pekerjaan]:
    """The line of ``tujuan`` for the current period (a penilai may also have the period just ended)."""
    found = [(w, b) for w, b in beranda.baris if b.tujuan is tujuan]
    assert found, [b.teks for _, b in beranda.baris]
    widget, baris = found[-1]
    assert isinstance(widget, QPushButton) and widget.text().endswith(baris.teks)
    return widget, baris


def _current(beranda: BerandaPage) -> object:
    window = beranda.window()
    assert isinstance(window, MainWindow)
    return window.stack.currentWidget()


def test_penilai_line_opens_penilaian_on_own_staff_not_rated(
    qtbot: QtBot, demo_ws: Workspace, tahun: int, jendela: list[MainWindow]
) -> None:
    beranda = _buka(qtbot, jendela, demo_ws, "penilai")
    assert beranda.judul_pekerjaan.text() == f"Yang perlu dikerjakan — Triwulan IV {tahun}"
    assert beranda.cards["eval_final"].caption.text() == f"evaluasi final Triwulan IV {tahun}"
    button, baris = _baris(beranda, Tujuan.BELUM_DINILAI)
    assert baris.teks == f"{baris.jumlah} bawahan belum dinilai Triwulan IV {tahun}"
    assert {b.tujuan for _, b in beranda.baris} <= {Tujuan.BELUM_DINILAI, Tujuan.SKP_DIAJUKAN}

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = _current(beranda)
    assert isinstance(page, PenilaianPage)
    p = page.pilihan.value()
    assert (p.tahun, p.kode, p.bawahan, p.sub_unit) == (tahun, "TW4", True, True)
    assert page.pilihan.unit.currentIndex() == 0  # the whole office
    assert page.belum_dinilai.isChecked() and not page.belum_final.isChecked()
    rows = page.model.rows
    assert len(rows) == baris.jumlah
    assert {r.status for r in rows} == {StatusEvaluasi.BELUM}

    page.belum_dinilai.setChecked(False)  # the filter is the page's own checkbox: the clerk can undo it
    assert len(page.model.rows) >= baris.jumlah


def test_operator_lines_open_skp_pelatihan_and_monitoring(
    qtbot: QtBot, demo_ws: Workspace, tahun: int, jendela: list[MainWindow]
) -> None:
    with demo_ws.transaction() as s:
        dua = s.scalars(select(Skp.id).where(Skp.tahun == tahun, Skp.status == "disetujui").limit(2)).all()
        s.execute(update(Skp).where(Skp.id.in_(dua)).values(status="draft"))
    beranda = _buka(qtbot, jendela, demo_ws, "operator")
    tujuan = [b.tujuan for _, b in beranda.baris]
    assert tujuan == [Tujuan.TANPA_REALISASI, Tujuan.SKP_DRAF, Tujuan.KURANG_JP, Tujuan.PAKET]

    button, baris = _baris(beranda, Tujuan.SKP_DRAF)
    button.click()
    skp_page = _current(beranda)
    assert isinstance(skp_page, SkpPage)
    assert (skp_page.tahun.value(), skp_page.status.currentData()) == (tahun, "draft")
    assert skp_page.model.rowCount() == baris.jumlah
    assert {r.status for r in skp_page.model.rows} == {"draft"}

    window = beranda.window()
    assert isinstance(window, MainWindow)
    window.open_page(BerandaPage)
    button, baris = _baris(beranda, Tujuan.KURANG_JP)
    button.click()
    pelatihan = _current(beranda)
    assert isinstance(pelatihan, PelatihanPage) and pelatihan.hanya.isChecked()
    assert sum(1 for r in pelatihan.model.rows if r.kurang) == baris.jumlah

    window.open_page(BerandaPage)
    button, baris = _baris(beranda, Tujuan.TANPA_REALISASI)
    button.click()
    monitoring = _current(beranda)
    assert isinstance(monitoring, MonitoringPage)
    assert monitoring.bar.value() == (tahun, "TW4")
    assert monitoring.data is not None and monitoring.data.total.tanpa_realisasi == baris.jumlah
    assert monitoring.jenis.currentData() == "tanpa_realisasi"
    assert monitoring.model.rowCount() == baris.jumlah
    assert {r.masalah for r in monitoring.model.rows} == {"tanpa_realisasi"}
    monitoring.jenis.setCurrentIndex(0)  # the clerk can see every problem again
    assert monitoring.model.rowCount() > baris.jumlah


def test_administrator_sees_backup_and_locked_accounts(
    qtbot: QtBot, demo_ws: Workspace, tahun: int, jendela: list[MainWindow]
) -> None:
    with demo_ws.transaction() as s:
        s.execute(
            update(Pengguna)
            .where(Pengguna.username == "operator")
            .values(terkunci_sampai=utcnow() + timedelta(minutes=10))
        )
    beranda = _buka(qtbot, jendela, demo_ws, "admin")
    _baris(beranda, Tujuan.AKUN_TERKUNCI)[0].click()
    pengguna = _current(beranda)
    assert isinstance(pengguna, PenggunaPage)
    selected = pengguna.selected()
    assert selected is not None and selected.username == "operator" and pengguna.unlock_button.isEnabled()
    assert pengguna.message.text().startswith("1 akun terkunci")

    window = beranda.window()
    assert isinstance(window, MainWindow)
    window.open_page(BerandaPage)
    assert [b.teks for _, b in beranda.baris if b.tujuan is Tujuan.CADANGAN] == [
        "Basis data ini belum pernah dicadangkan"
    ]
    _baris(beranda, Tujuan.CADANGAN)[0].click()
    assert isinstance(_current(beranda), CadanganPage)


def test_pimpinan_sees_units_and_opens_monitoring_on_one(
    qtbot: QtBot, demo_ws: Workspace, tahun: int, jendela: list[MainWindow]
) -> None:
    beranda = _buka(qtbot, jendela, demo_ws, "pimpinan")
    assert beranda.judul_pekerjaan.text() == f"Unit yang belum selesai — Triwulan IV {tahun}"
    units = [(w, b) for w, b in beranda.baris if b.unit_id is not None]
    assert units and all(b.tujuan is Tujuan.UNIT for _, b in beranda.baris)
    button, baris = units[1]
    assert isinstance(button, QPushButton)
    button.click()
    monitoring = _current(beranda)
    assert isinstance(monitoring, MonitoringPage)
    row = monitoring.selected_unit_row()
    assert row is not None and row.unit_id == baris.unit_id
    assert not beranda.kotak_langkah.isVisible()  # a pimpinan is not asked to set the office up


def test_fresh_office_checklist_and_nothing_waiting(
    qtbot: QtBot, workspace: Workspace, admin: Actor, sync_tasks: None, jendela: list[MainWindow]
) -> None:
    beranda = _buka(qtbot, jendela, workspace, "admin", "rahasia123")
    beranda.window().resize(QSize(1366, 728))
    beranda.window().show()
    assert beranda.kotak_langkah.isVisible()
    langkah = [(w, item) for w, item in beranda.tombol_langkah]
    assert [item.judul for _, item in langkah][:4] == [
        "Identitas kantor",
        "Unit kerja",
        "Data pegawai",
        "Akun pejabat penilai",
    ]
    assert not any(item.selesai for _, item in langkah)
    widget = langkah[1][0]
    assert isinstance(widget, QPushButton)
    widget.click()
    assert isinstance(_current(beranda), UnitKerjaPage)

    with workspace.transaction(admin) as s:
        from kinerja_desktop.core.db.models import Kantor

        s.execute(update(Kantor).values(alamat="Jl. Kapten Abdullah 1"))
    window = beranda.window()
    assert isinstance(window, MainWindow)
    window.open_page(BerandaPage)
    assert [item.selesai for _, item in beranda.tombol_langkah][:2] == [True, False]


def test_nothing_waiting_is_said_plainly(
    qtbot: QtBot, workspace: Workspace, sync_tasks: None, jendela: list[MainWindow]
) -> None:
    from kinerja_desktop.core.services import akun

    with workspace.transaction() as s:
        from kinerja_desktop.core.services.access import SYSTEM, Peran

        akun.create_pengguna(s, SYSTEM, "kepala", "rahasia-kepala-1", Peran.PIMPINAN, "Kepala")
    beranda = _buka(qtbot, jendela, workspace, "kepala", "rahasia-kepala-1")
    assert beranda.baris == []
    assert beranda.status_pekerjaan.text() == KOSONG
    assert not beranda.kotak_langkah.isVisibleTo(beranda)


def test_a_line_the_account_may_not_open_is_plain_text(
    qtbot: QtBot, workspace: Workspace, sync_tasks: None, jendela: list[MainWindow]
) -> None:
    from kinerja_desktop.core.services import akun

    with workspace.transaction() as s:
        from kinerja_desktop.core.services.access import SYSTEM, Peran

        akun.create_pengguna(s, SYSTEM, "sinta", "rahasia-sinta-1", Peran.OPERATOR, "Sinta")
    beranda = _buka(qtbot, jendela, workspace, "sinta", "rahasia-sinta-1")
    akun_penilai = [w for w, item in beranda.tombol_langkah if item.judul == "Akun pejabat penilai"]
    assert len(akun_penilai) == 1 and isinstance(akun_penilai[0], QLabel)  # the Pengguna page is the admin's
