"""Drafts for a whole unit: progress reports, a cancel keeps nothing, and the copy of last year's plans."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import (
    AuditLog,
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    Pegawai,
    Rhk,
    Skp,
)
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.services.skp import drafts as skp_salin
from kinerja_desktop.core.workspace import Workspace


def _root_and_year(ws: Workspace) -> tuple[str, int]:
    with ws.read() as s:
        root = s.scalars(select(Pegawai.unit_kerja_id).where(Pegawai.atasan_id.is_(None))).one()
        tahun = s.scalar(select(func.max(Skp.tahun)))
    assert root is not None and tahun is not None
    return root, tahun


def _count(ws: Workspace, model: type[object], *where: object) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


class Batal(Exception):
    """What a progress callback raises when the user cancels."""


def test_progress_is_reported_per_batch_up_to_the_total(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(skp_salin, "BATCH_DRAF", 6)
    root, tahun = _root_and_year(ws)
    admin = ws.login("admin", "admin123")
    laporan: list[tuple[int, int, str]] = []
    with ws.transaction(admin) as s:
        hasil = svc.create_drafts_for_unit(
            s, admin, root, tahun + 1, progress=lambda d, t, label: laporan.append((d, t, label))
        )
    total = len(hasil.dibuat)
    assert total == _count(ws, Skp, Skp.tahun == tahun + 1) > 12
    assert [d for d, _, _ in laporan] == [0, *range(6, total, 6), total]
    assert {t for _, t, _ in laporan} == {total}
    assert laporan[-1][2] == f"Membuat draf SKP: {total} dari {total} pegawai"


def test_cancel_from_the_progress_callback_keeps_nothing(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(skp_salin, "BATCH_DRAF", 5)
    root, tahun = _root_and_year(ws)
    admin = ws.login("admin", "admin123")
    before = {m: _count(ws, m) for m in (Skp, Rhk, Indikator, LampiranSkp, EkspektasiPerilaku, AuditLog)}
    dipanggil: list[int] = []

    def progress(done: int, total: int, _label: str) -> None:
        dipanggil.append(done)
        if done >= 10:  # two batches are already written (and flushed) when the user cancels
            raise Batal()

    with pytest.raises(Batal), ws.transaction(admin) as s:
        svc.create_drafts_for_unit(s, admin, root, tahun + 1, salin_tahun_lalu=True, progress=progress)
    assert dipanggil == [0, 5, 10]
    assert {m: _count(ws, m) for m in before} == before
    assert _count(ws, Skp, Skp.tahun == tahun + 1) == 0


def test_drafts_copy_last_years_plans_like_a_single_copy(ws: Workspace) -> None:
    root, tahun = _root_and_year(ws)
    admin = ws.login("admin", "admin123")
    with ws.transaction(admin) as s:
        hasil = svc.create_drafts_for_unit(s, admin, root, tahun + 1, salin_tahun_lalu=True)
    assert hasil.dibuat

    def isi(s: Session, skp_id: str) -> tuple[list[tuple[str, str, list[str]]], list[tuple[str, str]]]:
        rhk = [
            (r.jenis, r.teks, [i.teks for i in r.indikator if i.dihapus_pada is None])
            for r in s.scalars(
                select(Rhk).where(Rhk.skp_id == skp_id, Rhk.dihapus_pada.is_(None)).order_by(Rhk.urutan)
            )
        ]
        lampiran = [
            (x.jenis, x.teks)
            for x in s.scalars(
                select(LampiranSkp)
                .where(LampiranSkp.skp_id == skp_id, LampiranSkp.dihapus_pada.is_(None))
                .order_by(LampiranSkp.urutan, LampiranSkp.id)
            )
        ]
        return rhk, sorted(lampiran)  # the same urutan in each jenis: among jenis the order is by id

    with ws.read() as s:
        for pegawai_id, skp_id in hasil.dibuat.items():
            sumber = skp_salin._previous(s, pegawai_id, tahun + 1)
            assert isi(s, skp_id) == (isi(s, sumber.id) if sumber is not None else ([], []))
        links = s.scalars(select(Rhk).join(Skp, Skp.id == Rhk.skp_id).where(Skp.tahun == tahun + 1)).all()
        assert links and all(r.rhk_atasan_id is None and r.asal_id is None for r in links)
