"""Realisasi and rencana aksi: only on approved SKPs, only for periods of the office's rhythm."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pendukung_demo import demo_actor as _actor
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Kantor, Pegawai, Skp
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput, SkpInput
from kinerja_desktop.core.services import realisasi
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


def _skp_with_status(ws: Workspace, status: str) -> Skp:
    with ws.read() as s:
        tahun = s.scalar(select(func.max(Skp.tahun)))
        camat = s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_(None))).one()
        return s.scalars(
            select(Skp)
            .where(Skp.status == status, Skp.tahun == tahun, Skp.pejabat_penilai_id != camat)
            .order_by(Skp.id)
        ).first() or pytest.fail(f"no {status} SKP in the demo")


def _first_indikator(ws: Workspace, actor: Actor, skp_id: str) -> tuple[str, str]:
    with ws.read() as s:
        rhk = svc.get_skp(s, actor, skp_id).rhk[0]
    return rhk.id, rhk.indikator[0].id


def test_periods_follow_the_office_rhythm(ws: Workspace) -> None:
    admin = _actor(ws, "admin")
    skp = _skp_with_status(ws, "disetujui")
    _, indikator = _first_indikator(ws, admin, skp.id)
    with ws.read() as s:
        assert [p.kode for p in realisasi.periode_realisasi(s)] == ["TW1", "TW2", "TW3", "TW4"]
    for kode in ("B01", "AKHIR"):
        pesan = "bukan periode ritme triwulanan"
        with pytest.raises(ValidationError, match=pesan) as info, ws.transaction(admin) as s:
            realisasi.set_realisasi(s, admin, indikator, kode, 5)
        assert info.value.kolom == "periode"
    with pytest.raises(ValidationError, match="tidak dikenal"), ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "TW9", 5)
    with ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "tw 4", Decimal("7.5"))
        s.scalars(select(Kantor)).one().ritme = "bulanan"
    with ws.read() as s:
        assert len(realisasi.periode_realisasi(s)) == 12
    with ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "B01", 2)
    with pytest.raises(ValidationError, match="bulanan"), ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "TW1", 2)
    with ws.read() as s:
        grid = realisasi.get_realisasi_grid(s, admin, skp.id, "B01")
    assert grid.periode_label == "Januari" and grid.rhk[0].indikator[0].nilai == Decimal(2)


def _refused(ws: Workspace, actor: Actor, skp_id: str) -> None:
    rhk, indikator = _first_indikator(ws, actor, skp_id)
    with pytest.raises(ValidationError, match="setelah SKP disetujui"), ws.transaction(actor) as s:
        realisasi.set_realisasi(s, actor, indikator, "TW1", 3)
    with pytest.raises(ValidationError, match="setelah SKP disetujui"), ws.transaction(actor) as s:
        realisasi.add_rencana_aksi(s, actor, rhk, "TW1", "Menyusun jadwal")
    with ws.read() as s:
        grid = realisasi.get_realisasi_grid(s, actor, skp_id, "TW1")
    assert not grid.bisa_diisi and "disetujui" in grid.alasan


def test_realisasi_only_on_an_approved_skp(ws: Workspace) -> None:
    admin = _actor(ws, "admin")
    draft = _skp_with_status(ws, "draft")
    _refused(ws, admin, _skp_with_status(ws, "ditolak").id)
    _refused(ws, admin, draft.id)
    with ws.transaction(admin) as s:
        svc.submit_skp(s, admin, draft.id)
    assert _status(ws, draft.id) == "diajukan"
    _refused(ws, admin, draft.id)


def _status(ws: Workspace, skp_id: str) -> str:
    with ws.read() as s:
        return s.get_one(Skp, skp_id).status


def test_set_clear_and_set_again_number_or_text(ws: Workspace) -> None:
    operator = _actor(ws, "operator")
    skp = _skp_with_status(ws, "disetujui")
    _, indikator = _first_indikator(ws, operator, skp.id)
    with ws.transaction(operator) as s:
        realisasi.set_realisasi(s, operator, indikator, "TW4", "12,5")
    with ws.read() as s:
        baris = realisasi.get_realisasi_grid(s, operator, skp.id, "TW4").rhk[0]
    assert baris.indikator[0].nilai == Decimal("12.5") and baris.indikator[0].target
    with ws.transaction(operator) as s:
        realisasi.set_realisasi(s, operator, indikator, "TW4", None, "")
    with ws.read() as s:
        assert realisasi.get_realisasi_grid(s, operator, skp.id, "TW4").rhk[0].indikator[0].nilai is None
    with ws.transaction(operator) as s:
        realisasi.set_realisasi(s, operator, indikator, "TW4", None, "Laporan selesai lebih cepat")
    with ws.read() as s:
        i = realisasi.get_realisasi_grid(s, operator, skp.id, "TW4").rhk[0].indikator[0]
    assert (i.nilai, i.teks_realisasi) == (None, "Laporan selesai lebih cepat")
    for bad in (-1, "banyak"):
        with pytest.raises(ValidationError) as info, ws.transaction(operator) as s:
            realisasi.set_realisasi(s, operator, indikator, "TW4", bad)
        assert info.value.kolom == "nilai"


def test_realisasi_is_read_the_indonesian_way(ws: Workspace) -> None:
    """ "1.500" is fifteen hundred, "95,5" a decimal; what is not a number stores nothing."""
    operator = _actor(ws, "operator")
    skp = _skp_with_status(ws, "disetujui")
    _, indikator = _first_indikator(ws, operator, skp.id)

    def tersimpan() -> Decimal | None:
        with ws.read() as s:
            return realisasi.get_realisasi_grid(s, operator, skp.id, "TW4").rhk[0].indikator[0].nilai

    for teks, nilai in (("1.500", "1500"), ("1.500,25", "1500.25"), ("95,5", "95.5"), ("1.5", "1.5")):
        with ws.transaction(operator) as s:
            realisasi.set_realisasi(s, operator, indikator, "TW4", teks)
        assert tersimpan() == Decimal(nilai)
    for bad in ("1,2,3", "1..5", "100.000.000.000.000", "-1"):
        with pytest.raises(ValidationError) as info, ws.transaction(operator) as s:
            realisasi.set_realisasi(s, operator, indikator, "TW4", bad)
        assert info.value.kolom == "nilai" and info.value.pesan.startswith("Realisasi ")
        assert tersimpan() == Decimal("1.5")
    assert realisasi.clean_nilai(" 2.000 ") == Decimal("2000.0000") and realisasi.clean_nilai("") is None
    with pytest.raises(ValidationError) as info:
        realisasi.clean_nilai("3 dokumen: SK, laporan")
    assert info.value.saran == realisasi.SARAN_KETERANGAN, "words belong in the keterangan"


def test_rencana_aksi_per_rhk_and_period(ws: Workspace) -> None:
    operator = _actor(ws, "operator")
    skp = _skp_with_status(ws, "disetujui")
    rhk, _ = _first_indikator(ws, operator, skp.id)
    with ws.transaction(operator) as s:
        a = realisasi.add_rencana_aksi(s, operator, rhk, "TW4", "Menyusun konsep")
        b = realisasi.add_rencana_aksi(s, operator, rhk, "TW4", "Membahas konsep")
        realisasi.update_rencana_aksi(s, operator, a, "Menyusun konsep laporan")
        realisasi.delete_rencana_aksi(s, operator, b)
    with ws.read() as s:
        grid = realisasi.get_realisasi_grid(s, operator, skp.id, "TW4")
    [row] = [r for r in grid.rhk if r.rhk_id == rhk]
    assert [x.teks for x in row.rencana_aksi] == ["Menyusun konsep laporan"]
    with pytest.raises(ValidationError, match="wajib"), ws.transaction(operator) as s:
        realisasi.add_rencana_aksi(s, operator, rhk, "TW4", " ")


def test_period_outside_the_skp_and_penilai_scope(ws: Workspace) -> None:
    admin, penilai = _actor(ws, "admin"), _actor(ws, "penilai")
    skp = _skp_with_status(ws, "disetujui")
    tahun = skp.tahun + 1
    with ws.transaction(admin) as s:
        baru = svc.create_skp(
            s, admin, skp.pegawai_id, tahun, SkpInput(date(tahun, 7, 1), date(tahun, 12, 31))
        )
        rhk = svc.add_rhk(s, admin, baru, RhkInput("Terlaksananya tugas"))
        indikator = svc.add_indikator(s, admin, rhk, IndikatorInput("Jumlah", target_min=Decimal(4)))
        svc.submit_skp(s, admin, baru)
        svc.approve_skp(s, admin, baru)
    with pytest.raises(ValidationError, match="di luar periode penilaian"), ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "TW1", 1)
    with ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "TW3", 1)
    with pytest.raises(PermissionDenied, match="bawahan langsung"), ws.transaction(penilai) as s:
        realisasi.set_realisasi(s, penilai, indikator, "TW3", 2)
    with ws.read() as s:
        grid = realisasi.get_realisasi_grid(s, penilai, baru, "TW3")
    assert not grid.bisa_diisi and grid.rhk[0].indikator[0].nilai == Decimal(1)
    assert grid.bisa_dilihat and "hanya dapat melihat" in grid.alasan  # shown read-only to the penilai
    with ws.transaction(admin) as s:
        draf_id = svc.create_skp(s, admin, skp.pegawai_id, tahun + 1)
    with ws.read() as s:
        luar = realisasi.get_realisasi_grid(s, admin, baru, "TW1")
        draf = realisasi.get_realisasi_grid(s, admin, draf_id, "TW3")
    assert not luar.bisa_diisi and not luar.bisa_dilihat and "di luar periode penilaian" in luar.alasan
    assert not draf.bisa_diisi and not draf.bisa_dilihat and "setelah SKP disetujui" in draf.alasan
