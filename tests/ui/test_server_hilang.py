"""A real PostgreSQL that drops the app (its backend terminated, or the server stopped): the window says
so with Coba lagi, keeps what was typed, and works again once the server is back (PostgreSQL run only)."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pendukung_db import DI_POSTGRES
from pendukung_putus import Pertanyaan, putus_saat
from pendukung_server import cluster_postgres, hentikan_cluster, nyalakan_cluster
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kinerja_desktop.cli import main
from kinerja_desktop.core.db.models import Pegawai
from kinerja_desktop.core.errors import ServerTidakTerjangkau
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.pegawai import records
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.login import LoginDialog
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.pegawai.form import PegawaiForm
from kinerja_desktop.ui.pegawai.page import PegawaiPage

pytestmark = pytest.mark.skipif(not DI_POSTGRES, reason="needs a PostgreSQL server")

KANTOR = kantor.KantorInput(kode="BKP", nama="BKPSDM Kota Palembang", tempat="Palembang")


@pytest.fixture
def tanya(monkeypatch: pytest.MonkeyPatch) -> Pertanyaan:
    return Pertanyaan(monkeypatch)


def _seorang(ctx: UiContext) -> str:
    with ctx.workspace.read() as s:
        return s.scalars(select(Pegawai.id).order_by(Pegawai.nip)).first() or ""


def _telepon(ctx: UiContext, pid: str) -> str:
    with ctx.workspace.read() as s:
        return s.get_one(Pegawai, pid).telepon


def test_a_terminated_backend_keeps_the_typed_pegawai_and_saves_later(
    qtbot: QtBot, ctx: UiContext, tanya: Pertanyaan
) -> None:
    pid = _seorang(ctx)
    sebelum = _telepon(ctx, pid)
    dialog = PegawaiForm(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.kontak.telepon.setText("0711-999 (baru)")
    tanya.jawaban = [False]  # Tutup
    with putus_saat(ctx.workspace.engine, "UPDATE pegawai") as ended:
        assert not dialog.save()
    assert len(ended) == 1 and len(tanya.pesan) == 1
    url = ctx.workspace.engine.url
    assert tanya.pesan[0].server == f"{url.host}:{url.port}"
    assert dialog.saved_id is None and dialog.kontak.telepon.text() == "0711-999 (baru)"  # kept
    assert _telepon(ctx, pid) == sebelum  # nothing written
    assert not ctx.tasks.server.terjangkau
    assert dialog.save() and _telepon(ctx, pid) == "0711-999 (baru)"  # the server answers again
    assert ctx.tasks.server.terjangkau


def test_coba_lagi_after_a_terminated_backend_saves_the_same_input(
    qtbot: QtBot, ctx: UiContext, tanya: Pertanyaan
) -> None:
    pid = _seorang(ctx)
    dialog = PegawaiForm(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.kontak.telepon.setText("0711-123")
    tanya.jawaban = [True]  # Coba lagi: the next connection from the pool is a new one
    with putus_saat(ctx.workspace.engine, "UPDATE pegawai") as ended:
        assert dialog.save()
    assert len(ended) == 1 and len(tanya.pesan) == 1
    assert _telepon(ctx, pid) == "0711-123"
    with ctx.workspace.read() as s:  # once: the failed attempt left no revision behind
        assert s.get_one(Pegawai, pid).revisi == 2


def test_the_command_line_says_it_without_a_traceback(
    ctx: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def ended_by_the_server(session: Session, *_a: object, **_k: object) -> object:
        session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        raise AssertionError("the server should have ended this connection")

    monkeypatch.setattr(records, "list_pegawai", ended_by_the_server)
    data_dir = str(ctx.workspace.paths.data_dir)
    code = main(["pegawai", "export", "--out", str(tmp_path / "d.xlsx"), "--data-dir", data_dir])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "tidak bisa dihubungi" in err and "Periksa jaringan" in err and "hubungi pengelola server" in err
    assert not (tmp_path / "d.xlsx").exists()


# --- a server that is stopped and started again -------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[ServerSettings]:
    with cluster_postgres() as settings:
        yield settings


@pytest.fixture
def di_cluster(cluster: ServerSettings, tmp_path: Path, sync_tasks: None) -> Iterator[Workspace]:
    """A data folder of a central office whose data is on ``cluster`` (a database of the test's own)."""
    from pendukung_server import jalankan_sql

    name = "hilang_" + tmp_path.name.lower().replace("-", "_")[-40:]
    jalankan_sql(cluster, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}")
    paths = AppPaths(tmp_path / "pusat")
    ws = Workspace.open(paths, url=replace(cluster, database=name).url())
    with ws.transaction() as s:
        kantor.initialise(s, KANTOR, "admin", "rahasia123", "Admin Pusat")
    yield ws
    ws.close()
    with contextlib.suppress(subprocess.CalledProcessError):  # already running
        nyalakan_cluster(cluster)


def _label(window: MainWindow) -> str:
    return window.status_db.text()


def test_a_stopped_server_is_named_in_the_status_bar_until_coba_lagi_works(
    qtbot: QtBot, di_cluster: Workspace, cluster: ServerSettings, tanya: Pertanyaan
) -> None:
    window = MainWindow(di_cluster, di_cluster.login("admin", "rahasia123"))
    qtbot.addWidget(window)
    label = f"Server: {cluster.host}:{cluster.port}"
    assert _label(window).startswith(label) and "TIDAK TERJANGKAU" not in _label(window)
    hentikan_cluster(cluster)
    seen: list[str] = []

    def server_back() -> bool:
        seen.append(_label(window))
        window.grab().save(str(Path(di_cluster.paths.data_dir) / "hilang.png"))
        nyalakan_cluster(cluster)
        return True

    tanya.jawaban = [False, server_back]
    window.open_page(PegawaiPage)  # its read finds no server: Tutup
    assert "TIDAK TERJANGKAU" in _label(window)
    assert isinstance(tanya.pesan[0], ServerTidakTerjangkau)
    assert f"{cluster.host}:{cluster.port}" in tanya.pesan[0].pesan
    window.reload_page()  # the server is back meanwhile: Coba lagi reads again
    assert seen and "TIDAK TERJANGKAU" in seen[0]
    assert len(tanya.pesan) == 2
    assert "TIDAK TERJANGKAU" not in _label(window)
    page = window.page(PegawaiPage)
    assert page is not None


def test_the_login_window_with_the_server_down_offers_coba_lagi(
    qtbot: QtBot, di_cluster: Workspace, cluster: ServerSettings, tanya: Pertanyaan
) -> None:
    login = LoginDialog(di_cluster)
    qtbot.addWidget(login)
    logged: list[object] = []
    login.logged_in.connect(logged.append)
    login.username.setText("admin")
    login.password.setText("rahasia123")
    hentikan_cluster(cluster)
    tanya.jawaban = [False]
    login.on_login_clicked()
    assert not logged and login.password.text() == "rahasia123"  # typed, kept
    assert len(tanya.pesan) == 1 and "tidak bisa dihubungi" in tanya.pesan[0].pesan

    def server_back() -> bool:
        nyalakan_cluster(cluster)
        return True

    tanya.jawaban = [server_back]
    login.on_login_clicked()
    assert len(logged) == 1


def test_a_new_window_on_a_stopped_server_reads_nothing_half(
    di_cluster: Workspace, cluster: ServerSettings
) -> None:
    """Without a window: the workspace raises the one error and is usable once the server is back."""
    hentikan_cluster(cluster)
    with pytest.raises(ServerTidakTerjangkau):
        di_cluster.kantor_info()
    nyalakan_cluster(cluster)
    info = di_cluster.kantor_info()
    assert info is not None and info.kode == "BKP"
    assert server.engine_options(di_cluster.engine.url)  # the connect timeout keeps the wait short
