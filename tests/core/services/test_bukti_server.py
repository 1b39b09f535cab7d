"""Evidence on a server: every PC sees a file attached on another, and old folder files are uploaded."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pendukung_db import DI_POSTGRES
from sqlalchemy import delete, func, select

from kinerja_desktop.core.db.models import AuditLog, BerkasBukti, BuktiDukung, Pegawai, Pengguna, Rhk, Skp
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import akun, bukti, bukti_store
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.bukti_store import DatabaseStore, FolderStore
from kinerja_desktop.core.workspace import Workspace

pytestmark = pytest.mark.skipif(not DI_POSTGRES, reason="PostgreSQL only: a server shared by several PCs")


@pytest.fixture
def operator(ws: Workspace) -> Actor:
    with ws.read() as s:
        return akun.actor_of(s.scalars(select(Pengguna).where(Pengguna.username == "operator")).one())


@pytest.fixture
def pc2(ws: Workspace, tmp_path: Path) -> Iterator[Workspace]:
    """A second PC of the same office: its own data folder, the same server database."""
    other = Workspace.open(
        AppPaths(tmp_path / "pc2"), url=ws.engine.url.render_as_string(hide_password=False)
    )
    yield other
    other.close()


def _rhk(ws: Workspace) -> str:
    with ws.read() as s:
        camat = s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_(None))).one()
        skp = s.scalars(
            select(Skp).where(Skp.status == "disetujui", Skp.pejabat_penilai_id != camat).order_by(Skp.id)
        ).first()
        assert skp is not None
        return s.scalars(select(Rhk.id).where(Rhk.skp_id == skp.id).order_by(Rhk.urutan)).first() or ""


def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / "asal" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def _contents(ws: Workspace) -> dict[str, int]:
    with ws.read() as s:
        return {sha: ukuran for sha, ukuran in s.execute(select(BerkasBukti.sha256, BerkasBukti.ukuran))}


def test_attached_on_one_pc_opens_and_saves_on_another(
    ws: Workspace, pc2: Workspace, operator: Actor, tmp_path: Path
) -> None:
    content = b"%PDF-1.4 notulen rapat\n" * 5000
    rhk = _rhk(ws)
    with ws.transaction(operator) as s:
        bid = bukti.add_berkas(
            s, operator, rhk, "TW4", _file(tmp_path, "notulen.pdf", content), ws.paths.evidence
        )
    assert not any(p.is_file() for p in ws.paths.evidence.rglob("*"))  # nothing in PC 1's folder
    with pc2.read() as s:
        [row] = [r for r in bukti.list_bukti(s, operator, rhk, "TW4", pc2.paths.evidence) if r.id == bid]
        opened = bukti.berkas_untuk_dibuka(s, operator, bid, pc2.paths.evidence)
        saved = bukti.simpan_berkas(s, operator, bid, pc2.paths.evidence, tmp_path / "unduh" / "salinan.pdf")
    assert row.status_berkas == "ada"
    assert opened.name == "notulen.pdf" and opened.read_bytes() == content
    assert saved.read_bytes() == content


def test_the_same_content_is_stored_once_and_goes_with_its_last_row(
    ws: Workspace, pc2: Workspace, operator: Actor, tmp_path: Path
) -> None:
    content = b"\xff\xd8\xff foto kegiatan" * 1000
    sha = hashlib.sha256(content).hexdigest()
    rhk = _rhk(ws)
    with ws.transaction(operator) as s:
        first = bukti.add_berkas(
            s, operator, rhk, "TW4", _file(tmp_path, "a.jpg", content), ws.paths.evidence
        )
    with pc2.transaction(operator) as s:
        second = bukti.add_berkas(
            s, operator, rhk, "TW4", _file(tmp_path, "b.jpg", content), pc2.paths.evidence
        )
    assert _contents(ws) == {sha: len(content)}
    with ws.transaction(operator) as s:
        bukti.delete_bukti(s, operator, first, ws.paths.evidence)
    assert _contents(ws) == {sha: len(content)}
    with pc2.transaction(operator) as s:
        bukti.delete_bukti(s, operator, second, pc2.paths.evidence)
    assert _contents(ws) == {}


def test_a_failed_attach_leaves_neither_row_nor_content(
    ws: Workspace, operator: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rhk = _rhk(ws)
    with ws.read() as s:
        rows = s.scalar(select(func.count()).select_from(BuktiDukung))
    with pytest.raises(RuntimeError), ws.transaction(operator) as s:
        bukti.add_berkas(s, operator, rhk, "TW4", _file(tmp_path, "x.pdf", b"batal"), ws.paths.evidence)
        raise RuntimeError("the action fails after the content was written")
    monkeypatch.setattr(bukti_store, "MAKS_UKURAN", 100)
    with pytest.raises(ValidationError, match="terlalu besar"), ws.transaction(operator) as s:
        bukti.add_berkas(s, operator, rhk, "TW4", _file(tmp_path, "y.pdf", b"y" * 101), ws.paths.evidence)
    with ws.read() as s:
        assert s.scalar(select(func.count()).select_from(BuktiDukung)) == rows
    assert _contents(ws) == {}


def test_content_is_read_in_pieces(ws: Workspace, tmp_path: Path) -> None:
    content = bytes(range(256)) * (bukti_store.POTONGAN // 256 * 2 + 7)
    with ws.transaction() as s:
        stored = DatabaseStore().put(s, _file(tmp_path, "besar.bin", content))
    with ws.read() as s:
        pieces = list(DatabaseStore().open(s, stored.sha256))
    assert [len(p) for p in pieces] == [
        bukti_store.POTONGAN,
        bukti_store.POTONGAN,
        len(content) % bukti_store.POTONGAN,
    ]
    assert b"".join(pieces) == content and stored.baru


def test_an_attach_of_the_same_content_waits_for_a_delete_and_keeps_the_content(
    ws: Workspace, pc2: Workspace, operator: Actor, tmp_path: Path
) -> None:
    """PC 1 deletes the last row of a content while PC 2 attaches the same content: PC 2's row keeps it."""
    content = b"daftar hadir" * 100
    source = _file(tmp_path, "hadir.pdf", content)
    rhk = _rhk(ws)
    with ws.transaction(operator) as s:
        old = bukti.add_berkas(s, operator, rhk, "TW4", source, ws.paths.evidence)
    attached = threading.Event()
    done: list[str] = []
    with pc2.transaction(operator) as s2:
        bukti.add_berkas(s2, operator, rhk, "TW4", source, pc2.paths.evidence)  # holds the content's lock

        def delete_on_pc1() -> None:
            with ws.transaction(operator) as s1:
                s1.connection().exec_driver_sql("SET LOCAL lock_timeout = '20s'")
                attached.set()
                bukti.delete_bukti(s1, operator, old, ws.paths.evidence)
            done.append("hapus")

        worker = threading.Thread(target=delete_on_pc1)
        worker.start()
        assert attached.wait(10)
        worker.join(0.5)
        assert worker.is_alive()  # the delete waits for the attach
    worker.join(25)
    assert done == ["hapus"]
    assert set(_contents(ws)) == {hashlib.sha256(content).hexdigest()}


def test_files_of_a_pc_that_used_the_server_before_are_uploaded_at_start(
    ws: Workspace, operator: Actor, tmp_path: Path
) -> None:
    """PC 2 attached two files before the server kept content (rows on the server, files in its folder);
    a third file's content is on no PC. Opening PC 2 uploads what it has, once; the third stays missing
    and says who attached it."""
    rhk = _rhk(ws)
    files = {n: _file(tmp_path, n, n.encode() * 500) for n in ("satu.pdf", "dua.jpg", "tiga.pdf")}
    ids = {}
    with ws.transaction(operator) as s:
        for name, path in files.items():
            ids[name] = bukti.add_berkas(s, operator, rhk, "TW4", path, ws.paths.evidence)
    with ws.engine.begin() as conn:
        conn.execute(delete(BerkasBukti))  # as a server looked before 0007
    folder2 = AppPaths(tmp_path / "pc2")
    FolderStore(folder2.evidence).copy_in(files["satu.pdf"])
    FolderStore(folder2.backups / "bukti").copy_in(files["dua.jpg"])  # the copy beside its backups
    spoiled = FolderStore(folder2.evidence).path(hashlib.sha256(files["tiga.pdf"].read_bytes()).hexdigest())
    spoiled.parent.mkdir(parents=True, exist_ok=True)
    spoiled.write_bytes(b"x" * len(files["tiga.pdf"].read_bytes()))  # right size, wrong content

    url = ws.engine.url.render_as_string(hide_password=False)
    pc2 = Workspace.open(folder2, url=url)
    try:
        again = pc2.upload_evidence()
    finally:
        pc2.close()
    assert (again.diunggah, again.tidak_ada, len(again.gagal)) == (0, 0, 1)
    assert "tidak sama" in again.gagal[0]
    with ws.read() as s:
        status = {
            r.nama_berkas: r.status_berkas
            for r in bukti.list_bukti(s, operator, rhk, "TW4", ws.paths.evidence)
        }
        assert status["satu.pdf"] == status["dua.jpg"] == "ada" and status["tiga.pdf"] == "hilang"
        assert bukti.berkas_untuk_dibuka(s, operator, ids["dua.jpg"], ws.paths.evidence).read_bytes() == (
            b"dua.jpg" * 500
        )
        with pytest.raises(NotFound) as info:
            bukti.berkas_untuk_dibuka(s, operator, ids["tiga.pdf"], ws.paths.evidence)
        catatan = s.scalars(select(AuditLog.keterangan).where(AuditLog.aksi == "bukti")).all()
    assert "tiga.pdf tidak ada di server basis data" in info.value.pesan
    assert "dilampirkan oleh pengguna operator" in info.value.pesan
    assert len(catatan) == 1 and catatan[0].startswith("2 berkas bukti dukung diunggah ke server")

    spoiled.unlink()
    FolderStore(folder2.evidence).copy_in(files["tiga.pdf"])  # the file found again on PC 2
    pc2 = Workspace.open(folder2, url=url)
    try:
        assert pc2.upload_evidence().diunggah == 0  # already done while opening
    finally:
        pc2.close()
    assert len(_contents(ws)) == 3
