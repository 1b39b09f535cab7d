"""Bukti dukung: notes, http(s) links, files stored once under their hash, and missing files reported."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select, update

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import (
    AuditLog,
    BerkasBukti,
    BuktiDukung,
    Pegawai,
    Pengguna,
    Rhk,
    Skp,
    SyncLog,
)
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.services import akun, bukti, bukti_store, realisasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


@pytest.fixture
def operator(ws: Workspace) -> Actor:
    with ws.read() as s:
        return akun.actor_of(s.scalars(select(Pengguna).where(Pengguna.username == "operator")).one())


def _rhk(ws: Workspace, status: str = "disetujui") -> list[str]:
    """RHK ids of one demo SKP with ``status`` (not one appraised by the camat)."""
    with ws.read() as s:
        camat = s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_(None))).one()
        skp = s.scalars(
            select(Skp).where(Skp.status == status, Skp.pejabat_penilai_id != camat).order_by(Skp.id)
        ).first()
        assert skp is not None
        return list(s.scalars(select(Rhk.id).where(Rhk.skp_id == skp.id).order_by(Rhk.urutan)))


def _stored(ws: Workspace) -> set[str]:
    """The hashes whose content the office's store holds: files in the data folder, rows on a server."""
    if ws.is_sqlite:
        return {p.name for p in ws.paths.evidence.rglob("*") if p.is_file()}
    with ws.read() as s:
        return set(s.scalars(select(BerkasBukti.sha256)))


def _lose(ws: Workspace, sha: str, replacement: bytes | None = None) -> None:
    """The stored content disappears (or is replaced by other bytes), behind the app's back."""
    if ws.is_sqlite:
        path = ws.paths.evidence / sha[:2] / sha
        path.unlink(missing_ok=True)
        if replacement is not None:
            path.write_bytes(replacement)
        return
    with ws.engine.begin() as conn:
        conn.execute(delete(BerkasBukti).where(BerkasBukti.sha256 == sha))
        if replacement is not None:
            conn.execute(
                insert(BerkasBukti).values(
                    sha256=sha, ukuran=len(replacement), isi=replacement, dibuat=utcnow()
                )
            )


def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_files_are_stored_once_under_their_hash(ws: Workspace, operator: Actor, tmp_path: Path) -> None:
    evidence = ws.paths.evidence
    content = b"%PDF-1.4 laporan triwulan\n" * 100
    sha = hashlib.sha256(content).hexdigest()
    a, b = _rhk(ws)[:2]
    with ws.transaction(operator) as s:
        first = bukti.add_berkas(
            s, operator, a, "TW4", _file(tmp_path, "laporan.pdf", content), evidence, "Laporan"
        )
        second = bukti.add_berkas(s, operator, b, "TW4", _file(tmp_path, "salinan.pdf", content), evidence)
    assert _stored(ws) == {sha}
    with ws.read() as s:
        assert b"".join(bukti_store.store_for(s, evidence).open(s, sha)) == content
    with ws.read() as s:
        rows = {r.id: r for r in s.scalars(select(BuktiDukung).where(BuktiDukung.id.in_([first, second])))}
        grid = realisasi.get_realisasi_grid(s, operator, s.get_one(Rhk, a).skp_id, "TW4")
        listed = bukti.list_bukti(s, operator, a, "TW4", evidence)
    assert {r.nama_berkas for r in rows.values()} == {"laporan.pdf", "salinan.pdf"}
    assert {(r.sha256, r.ukuran, r.jenis) for r in rows.values()} == {(sha, len(content), "berkas")}
    assert [r.status_berkas for r in listed if r.id == first] == ["ada"]
    assert next(r for r in grid.rhk if r.rhk_id == a).jumlah_bukti >= 1

    with ws.transaction(operator) as s:
        bukti.delete_bukti(s, operator, first, evidence)
    assert _stored(ws) == {sha}  # the other row still uses it
    with ws.transaction(operator) as s:
        bukti.delete_bukti(s, operator, second, evidence)
    assert _stored(ws) == set()
    with ws.read() as s:
        assert s.get_one(BuktiDukung, second).dihapus_pada is not None


def test_a_missing_file_is_reported_not_a_crash(ws: Workspace, operator: Actor, tmp_path: Path) -> None:
    evidence = ws.paths.evidence
    [a, *_] = _rhk(ws)
    with ws.transaction(operator) as s:
        bid = bukti.add_berkas(
            s, operator, a, "TW4", _file(tmp_path, "foto.jpg", b"\xff\xd8\xff foto"), evidence
        )
    with ws.read() as s:
        opened = bukti.berkas_untuk_dibuka(s, operator, bid, evidence)
        row = s.get_one(BuktiDukung, bid)
    assert opened.name == "foto.jpg" and opened.read_bytes().endswith(b"foto")
    _lose(ws, row.sha256)
    with ws.read() as s:
        assert bukti.check_berkas(s, evidence, row) is bukti.StatusBerkas.HILANG
        [listed] = [r for r in bukti.list_bukti(s, operator, a, "TW4", evidence) if r.id == bid]
        assert listed.status_berkas == "hilang"
        with pytest.raises(NotFound, match=r"foto\.jpg tidak ada") as info:
            bukti.berkas_untuk_dibuka(s, operator, bid, evidence)
        with pytest.raises(NotFound, match=r"foto\.jpg tidak ada"):
            bukti.simpan_berkas(s, operator, bid, evidence, tmp_path / "keluar" / "foto.jpg")
    assert not (tmp_path / "keluar" / "foto.jpg").exists()
    if not ws.is_sqlite:  # who attached it, and where it may still be
        assert "dilampirkan oleh pengguna operator" in info.value.pesan
        assert "komputer tempat berkas itu dilampirkan" in info.value.saran
    _lose(ws, row.sha256, b"lain")
    with ws.read() as s:
        assert bukti.check_berkas(s, evidence, row) is bukti.StatusBerkas.BERUBAH


def test_file_checks_and_rollback(
    ws: Workspace, operator: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evidence = ws.paths.evidence
    [a, *_] = _rhk(ws)
    with pytest.raises(ValidationError, match="tidak ditemukan"), ws.transaction(operator) as s:
        bukti.add_berkas(s, operator, a, "TW4", tmp_path / "tidak-ada.pdf", evidence)
    with pytest.raises(ValidationError, match="kosong"), ws.transaction(operator) as s:
        bukti.add_berkas(s, operator, a, "TW4", _file(tmp_path, "kosong.pdf", b""), evidence)
    monkeypatch.setattr(bukti_store, "MAKS_UKURAN", 10)
    with pytest.raises(ValidationError, match="terlalu besar") as info, ws.transaction(operator) as s:
        bukti.add_berkas(s, operator, a, "TW4", _file(tmp_path, "besar.pdf", b"x" * 11), evidence)
    assert info.value.kolom == "berkas"
    monkeypatch.undo()
    with pytest.raises(RuntimeError), ws.transaction(operator) as s:
        bukti.add_berkas(s, operator, a, "TW4", _file(tmp_path, "batal.pdf", b"dibatalkan"), evidence)
        raise RuntimeError("the action fails after the copy")
    assert _stored(ws) == set()
    with pytest.raises(ValidationError, match="setelah SKP disetujui"), ws.transaction(operator) as s:
        bukti.add_berkas(s, operator, _rhk(ws, "draft")[0], "TW1", _file(tmp_path, "d.pdf", b"d"), evidence)
    assert _stored(ws) == set()
    with ws.read() as s:
        assert s.scalar(select(func.count()).where(BuktiDukung.jenis == "berkas")) == 0


@pytest.mark.parametrize(
    "tautan", ["ftp://arsip.local/a.pdf", "javascript:alert(1)", "www.example.com", "http://"]
)
def test_links_must_be_http_or_https(ws: Workspace, operator: Actor, tautan: str) -> None:
    [a, *_] = _rhk(ws)
    with pytest.raises(ValidationError, match="http") as info, ws.transaction(operator) as s:
        bukti.add_tautan(s, operator, a, "TW4", tautan)
    assert info.value.kolom == "tautan"


def test_notes_and_links(ws: Workspace, operator: Actor) -> None:
    [a, *_] = _rhk(ws)
    with ws.read() as s:
        before = s.scalar(select(func.count()).select_from(BuktiDukung).where(BuktiDukung.rhk_id == a))
    with ws.transaction(operator) as s:
        bukti.add_catatan(s, operator, a, "TW4", "Rapat koordinasi tanggal 3")
        bukti.add_tautan(s, operator, a, "TW4", " https://drive.example.go.id/x?id=1 ", "Notulen")
    with pytest.raises(ValidationError, match="wajib"), ws.transaction(operator) as s:
        bukti.add_catatan(s, operator, a, "TW4", "  ")
    with ws.read() as s:
        rows = bukti.list_bukti(s, operator, a, "TW4")
        after = s.scalar(select(func.count()).select_from(BuktiDukung).where(BuktiDukung.rhk_id == a))
    assert after == (before or 0) + 2
    assert [(r.jenis, r.tautan, r.status_berkas) for r in rows] == [
        ("catatan", "", ""),
        ("tautan", "https://drive.example.go.id/x?id=1", ""),
    ]


def test_a_file_that_came_in_a_package_says_its_content_did_not_travel(
    ws: Workspace, operator: Actor, tmp_path: Path
) -> None:
    """Packages carry the evidence rows, not the files: the message says so instead of blaming a PC."""
    evidence = ws.paths.evidence
    [a, *_] = _rhk(ws)
    with ws.transaction(operator) as s:
        bid = bukti.add_berkas(s, operator, a, "TW4", _file(tmp_path, "sk.pdf", b"%PDF sk"), evidence)
    with ws.transaction() as s:
        paket = SyncLog(
            arah="impor", jenis_paket="kantor", nama_berkas="paket-kpt-2026.xlsx", kantor_kode="KPT"
        )
        s.add(paket)
        s.flush()
        s.execute(
            update(AuditLog)
            .where(AuditLog.tabel == "bukti_dukung", AuditLog.baris_id == bid)
            .values(sync_log_id=paket.id)
        )
        row = s.get_one(BuktiDukung, bid)
        row.kantor_asal = "KPT"
    _lose(ws, row.sha256)
    with ws.read() as s, pytest.raises(NotFound) as info:
        bukti.berkas_untuk_dibuka(s, operator, bid, evidence)
    assert "datang dari paket paket-kpt-2026.xlsx kantor KPT" in info.value.pesan
    assert "tidak ikut dalam paket" in info.value.pesan and "kantor asal" in info.value.saran


def test_the_evaluation_lists_each_rhks_evidence_of_its_period(
    ws: Workspace, operator: Actor, tmp_path: Path
) -> None:
    a, b, *_ = _rhk(ws)
    with ws.read() as s:
        skp_id = s.scalars(select(Rhk.skp_id).where(Rhk.id == a)).one()
    with ws.transaction(operator) as s:
        s.execute(update(BuktiDukung).where(BuktiDukung.rhk_id.in_([a, b])).values(dihapus_pada=utcnow()))
        s.flush()
        tw3 = bukti.add_catatan(s, operator, a, "TW3", "Rapat triwulan tiga")
        tw2 = bukti.add_tautan(s, operator, a, "TW2", "https://arsip.example.go.id/tw2")
        berkas = bukti.add_berkas(
            s, operator, b, "TW3", _file(tmp_path, "foto.png", b"\x89PNG isi"), ws.paths.evidence
        )
        sha = s.get(BuktiDukung, berkas).sha256  # type: ignore[union-attr]
    _lose(ws, sha)
    with ws.read() as s:
        triwulan = bukti.bukti_evaluasi(s, operator, skp_id, "TW3", ws.paths.evidence)
        tahunan = bukti.bukti_evaluasi(s, operator, skp_id, "AKHIR", ws.paths.evidence)
    assert [r.id for r in triwulan[a]] == [tw3]  # the other period's link is left out
    assert [(r.id, r.status_berkas) for r in triwulan[b]] == [(berkas, "hilang")]
    assert [r.id for r in tahunan[a]] == [tw2, tw3]  # the whole year, in period order
    assert set(triwulan) == set(tahunan) == set(_rhk(ws))  # every RHK, with or without evidence
    assert all(r.periode == "TW3" for rows in triwulan.values() for r in rows)
