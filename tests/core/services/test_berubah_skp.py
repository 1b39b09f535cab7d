"""Two people on the same SKP, realisation or evaluation: a change from a stale view is refused."""

from __future__ import annotations

import queue
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from pendukung_berubah import assert_names_sinta, sinta
from pendukung_demo import demo_actor
from pendukung_evaluasi import TW, bawahan_camat, first_rhk, skp_of
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Evaluasi, Pegawai, Realisasi, Skp
from kinerja_desktop.core.errors import DataBerubah
from kinerja_desktop.core.model.evaluasi import IsianEvaluasi, JenisRating
from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput
from kinerja_desktop.core.rules.predikat import Rating
from kinerja_desktop.core.services import bukti, evaluasi, realisasi, unit_kerja
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.services.evaluasi.capaian import list_capaian, set_capaian
from kinerja_desktop.core.workspace import Workspace


def _draft(ws: Workspace) -> str:
    """A complete draft SKP for next year of a kepala seksi (approved by the penilai account)."""
    operator = demo_actor(ws, "operator")
    with ws.read() as s:
        tahun = int(s.scalar(select(func.max(Skp.tahun))) or 0)
        camat = s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_(None))).one()
        kasi = s.scalars(select(Pegawai.id).where(Pegawai.atasan_id == camat).order_by(Pegawai.id)).first()
    assert kasi is not None
    with ws.transaction(operator) as s:
        skp_id = svc.create_skp(s, operator, kasi, tahun + 1)
        rhk = svc.add_rhk(s, operator, skp_id, RhkInput("Terselenggaranya pelayanan administrasi"))
        svc.add_indikator(s, operator, rhk, IndikatorInput("Jumlah layanan", target_min=Decimal(120)))
        for jenis in ("sumber_daya", "skema", "konsekuensi"):
            svc.add_lampiran(s, operator, skp_id, jenis, f"Butir {jenis}")
    return skp_id


def test_skp_editor_actions_from_a_stale_view_are_refused(ws: Workspace) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws)
    skp_id = _draft(ws)
    with ws.read() as s:
        dibuka = svc.get_skp(s, admin, skp_id)  # A opens the editor
    [rhk] = dibuka.rhk_utama
    with ws.transaction(b) as s:  # B rewords the RHK in her own window
        svc.update_rhk(s, b, rhk.id, RhkInput("Terselenggaranya layanan yang cepat"), stamp=dibuka.stamp)
    stale = dibuka.stamp
    refused = [
        lambda s: svc.update_rhk(s, admin, rhk.id, RhkInput("Teks A"), stamp=stale),
        lambda s: svc.delete_rhk(s, admin, rhk.id, stamp=stale),
        lambda s: svc.add_rhk(s, admin, skp_id, RhkInput("RHK baru A"), stamp=stale),
        lambda s: svc.update_indikator(s, admin, rhk.indikator[0].id, IndikatorInput("Ind A"), stamp=stale),
        lambda s: svc.add_lampiran(s, admin, skp_id, "skema", "Butir A", stamp=stale),
        lambda s: svc.update_lampiran(s, admin, dibuka.lampiran["skema"][0].id, "A", stamp=stale),
        lambda s: svc.delete_lampiran(s, admin, dibuka.lampiran["skema"][0].id, stamp=stale),
        lambda s: svc.save_ekspektasi(s, admin, skp_id, {dibuka.perilaku[0].perilaku_id: "A"}, stamp=stale),
        lambda s: svc.submit_skp(s, admin, skp_id, stamp=stale),
        lambda s: svc.delete_skp(s, admin, skp_id, stamp=stale),
    ]
    for action in refused:
        with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
            action(s)
        assert_names_sinta(info)
    with ws.read() as s:
        sekarang = svc.get_skp(s, admin, skp_id)
    assert [r.teks for r in sekarang.rhk_utama] == ["Terselenggaranya layanan yang cepat"]
    assert sekarang.status == "draft" and sekarang.stamp != stale
    with ws.transaction(admin) as s:  # reloaded: A's change goes through
        svc.update_rhk(s, admin, rhk.id, RhkInput("Teks A"), stamp=sekarang.stamp)


def test_approving_an_skp_changed_after_it_was_opened_is_refused(ws: Workspace) -> None:
    operator, penilai = sinta(ws), demo_actor(ws, "penilai")
    skp_id = _draft(ws)
    with ws.transaction(operator) as s:
        svc.submit_skp(s, operator, skp_id)
    with ws.read() as s:
        dilihat = svc.get_skp(s, penilai, skp_id)  # the penilai opens it to approve
    with ws.transaction(operator) as s:  # Sinta takes it back, changes a target, submits again
        svc.withdraw_skp(s, operator, skp_id)
        ind = svc.get_skp(s, operator, skp_id).rhk_utama[0].indikator[0]
        svc.update_indikator(s, operator, ind.id, IndikatorInput("Jumlah layanan", target_min=Decimal(90)))
        svc.submit_skp(s, operator, skp_id)
    for action in (
        lambda s: svc.approve_skp(s, penilai, skp_id, stamp=dilihat.stamp),
        lambda s: svc.reject_skp(s, penilai, skp_id, "Target kurang", stamp=dilihat.stamp),
    ):
        with pytest.raises(DataBerubah) as info, ws.transaction(penilai) as s:
            action(s)
        assert_names_sinta(info)
    with ws.read() as s:
        assert s.get_one(Skp, skp_id).status == "diajukan"
        dilihat = svc.get_skp(s, penilai, skp_id)
    with ws.transaction(penilai) as s:
        svc.approve_skp(s, penilai, skp_id, stamp=dilihat.stamp)


def _disetujui(ws: Workspace) -> Skp:
    return skp_of(ws, bawahan_camat(ws)[1])


def test_realisasi_typed_by_two_people_keeps_the_first(ws: Workspace) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws)
    skp = _disetujui(ws)
    with ws.read() as s:
        grid = realisasi.get_realisasi_grid(s, admin, skp.id, "TW4")
    sel = grid.rhk[0].indikator[0]
    with ws.transaction(b) as s:
        realisasi.set_realisasi(s, b, sel.indikator_id, "TW4", 7, revisi=sel.revisi)
    with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, sel.indikator_id, "TW4", 9, revisi=sel.revisi)
    assert_names_sinta(info)
    with ws.read() as s:
        row = s.scalars(
            select(Realisasi).where(Realisasi.indikator_id == sel.indikator_id, Realisasi.periode == "TW4")
        )
        assert row.one().nilai == Decimal(7)


def test_rencana_aksi_and_bukti_changed_or_deleted_meanwhile(ws: Workspace, tmp_path: Path) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws)
    skp = _disetujui(ws)
    rhk_id = first_rhk(ws, skp.id)
    with ws.transaction(admin) as s:
        aksi_id = realisasi.add_rencana_aksi(s, admin, rhk_id, "TW4", "Rapat koordinasi")
        bukti_id = bukti.add_catatan(s, admin, rhk_id, "TW4", "Notulen rapat")
    with ws.read() as s:
        grid = realisasi.get_realisasi_grid(s, admin, skp.id, "TW4")
        [dibaca] = [b_ for b_ in bukti.list_bukti(s, admin, rhk_id, "TW4") if b_.id == bukti_id]
    aksi = next(a for r in grid.rhk for a in r.rencana_aksi if a.id == aksi_id)
    with ws.transaction(b) as s:
        realisasi.update_rencana_aksi(s, b, aksi_id, "Rapat koordinasi bulanan", revisi=aksi.revisi)
        bukti.delete_bukti(s, b, bukti_id, tmp_path, revisi=dibaca.revisi)
    for action in (
        lambda s: realisasi.update_rencana_aksi(s, admin, aksi_id, "Rapat", revisi=aksi.revisi),
        lambda s: realisasi.delete_rencana_aksi(s, admin, aksi_id, revisi=aksi.revisi),
        lambda s: bukti.delete_bukti(s, admin, bukti_id, tmp_path, revisi=dibaca.revisi),
    ):
        with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
            action(s)
        assert_names_sinta(info)


def _form(ws: Workspace, skp_id: str) -> evaluasi_baca.EvaluasiForm:
    with ws.read() as s:
        return evaluasi_baca.get_evaluasi_form(s, demo_actor(ws, "penilai"), skp_id, TW)


def test_evaluation_saved_rated_or_finalised_from_a_stale_form(ws: Workspace) -> None:
    b, penilai = sinta(ws), demo_actor(ws, "penilai")
    skp = _disetujui(ws)
    rhk = first_rhk(ws, skp.id)
    dibuka = _form(ws, skp.id)  # the penilai opens the form before anything was written
    assert dibuka.evaluasi_id is None and dibuka.stamp == ""
    with ws.transaction(b) as s:  # Sinta types the pegawai's self-assessment (starts the evaluation)
        evaluasi.save_isian(s, b, IsianEvaluasi(skp.id, TW, penilaian_diri={rhk: "Selesai."}, stamp=""))
    isian = IsianEvaluasi(skp.id, TW, rating=("sesuai", "di_atas"), stamp=dibuka.stamp)
    with pytest.raises(DataBerubah) as info, ws.transaction(penilai) as s:
        evaluasi.save_isian(s, penilai, isian)
    assert_names_sinta(info)
    with pytest.raises(DataBerubah), ws.transaction(penilai) as s:  # the grid read "not started" too
        evaluasi.rate_evaluasi(s, penilai, skp.id, TW, JenisRating.HASIL, Rating.SESUAI, revisi=0)
    dimuat = _form(ws, skp.id)
    assert dimuat.hasil_kerja[0].penilaian_diri == "Selesai."
    with ws.transaction(penilai) as s:
        evaluasi.save_isian(
            s,
            penilai,
            IsianEvaluasi(skp.id, TW, dimuat.evaluasi_id, rating=("sesuai", "di_atas"), stamp=dimuat.stamp),
        )
    siap = _form(ws, skp.id)
    with ws.transaction(b) as s:  # Sinta rewrites the self-assessment after the penilai looked
        evaluasi.save_isian(
            s,
            b,
            IsianEvaluasi(skp.id, TW, siap.evaluasi_id, penilaian_diri={rhk: "Revisi."}, stamp=siap.stamp),
        )
    assert siap.evaluasi_id is not None
    with pytest.raises(DataBerubah) as info, ws.transaction(penilai) as s:
        evaluasi.finalise_evaluasi(s, penilai, siap.evaluasi_id, akui_temuan=True, stamp=siap.stamp)
    assert_names_sinta(info)
    with ws.read() as s:
        assert s.get_one(Evaluasi, siap.evaluasi_id).status == "draf"


def test_capaian_set_by_someone_else_meanwhile(ws: Workspace) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws, "admin")
    with ws.read() as s:
        root = unit_kerja.root_unit_id(s)
        [dibaca] = list_capaian(s, admin, [root], 2026, "TW4")
    with ws.transaction(b) as s:
        set_capaian(s, b, root, 2026, "TW4", "baik", "Rapat pimpinan", revisi=dibaca.revisi)
    with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
        set_capaian(s, admin, root, 2026, "TW4", "istimewa", revisi=dibaca.revisi)
    assert_names_sinta(info)
    with ws.read() as s:
        [sekarang] = list_capaian(s, admin, [root], 2026, "TW4")
    assert sekarang.capaian == "baik" and sekarang.revisi != dibaca.revisi


def test_two_additions_checked_against_the_same_view_at_once_take_turns(ws: Workspace) -> None:
    """A adds an RHK and has not committed yet when B, from the same view, adds another: B waits for A
    and is then refused (each addition alone changes no existing row, so only the lock tells them apart)."""
    admin, b = demo_actor(ws, "admin"), sinta(ws)
    skp_id = _draft(ws)
    with ws.read() as s:
        seen = svc.get_skp(s, admin, skp_id).stamp
    checked, outcome = threading.Event(), queue.Queue[BaseException | None]()

    def second() -> None:
        checked.wait(10)
        try:
            with ws.transaction(admin) as s:
                svc.add_rhk(s, admin, skp_id, RhkInput("RHK dari jendela A"), stamp=seen)
        except BaseException as exc:  # handed to the test thread
            outcome.put(exc)
        else:
            outcome.put(None)

    worker = threading.Thread(target=second)
    worker.start()
    with ws.transaction(b) as s:
        svc.add_rhk(s, b, skp_id, RhkInput("RHK dari jendela Sinta"), stamp=seen)
        checked.set()
        time.sleep(0.5)  # the other addition is now waiting for this transaction
    worker.join(20)
    assert isinstance(outcome.get_nowait(), DataBerubah)
    with ws.read() as s:
        names = [r.teks for r in svc.get_skp(s, admin, skp_id).rhk_utama]
    assert "RHK dari jendela Sinta" in names and "RHK dari jendela A" not in names
