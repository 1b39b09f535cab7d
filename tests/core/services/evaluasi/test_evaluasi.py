"""Appraisal services: ratings and predikat, permissions, finalising with distribution, locking, reopening."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pendukung_demo import demo_actor as _actor
from pendukung_evaluasi import TW
from pendukung_evaluasi import bawahan_camat as _bawahan_camat
from pendukung_evaluasi import camat as _camat
from pendukung_evaluasi import first_rhk as _first_rhk
from pendukung_evaluasi import skp_of as _skp_of
from pendukung_evaluasi import staf as _staf
from pendukung_evaluasi import start as _start
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Evaluasi, Indikator, Pegawai, Skp, UnitKerja
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.model.evaluasi import StatusEvaluasi
from kinerja_desktop.core.rules.predikat import Predikat, Rating, compute_predikat
from kinerja_desktop.core.services import evaluasi, realisasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import capaian
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.workspace import Workspace


@pytest.mark.parametrize("hasil", list(Rating))
@pytest.mark.parametrize("perilaku", list(Rating))
def test_every_matrix_cell_is_stored_as_computed(ws: Workspace, hasil: Rating, perilaku: Rating) -> None:
    penilai = _actor(ws, "penilai")
    skp = _skp_of(ws, _bawahan_camat(ws)[0])
    ev = _start(ws, penilai, skp.id)
    with ws.transaction(penilai) as s:
        predikat = evaluasi.set_rating(s, penilai, ev, hasil.value, perilaku.value)
    assert predikat == compute_predikat(hasil, perilaku).value
    with ws.read() as s:
        row = s.get(Evaluasi, ev)
        assert row is not None and row.predikat == predikat and row.status == "draf"


def test_start_is_idempotent_and_a_unit_head_rating_follows_capaian(ws: Workspace) -> None:
    penilai = _actor(ws, "penilai")
    kepala = _bawahan_camat(ws)[0]
    skp = _skp_of(ws, kepala)
    with ws.read() as s:
        unit = s.scalars(select(UnitKerja).where(UnitKerja.kepala_id == kepala)).one()
        nilai = capaian.get_capaian(s, unit.id, skp.tahun, TW)
    ev = _start(ws, penilai, skp.id)
    assert _start(ws, penilai, skp.id) == ev
    with ws.read() as s:
        row = s.get(Evaluasi, ev)
        assert row is not None
        assert row.capaian_organisasi == nilai
        expected = {"istimewa": "di_atas", "baik": "sesuai"}.get(str(nilai), "di_bawah")
        assert row.rating_hasil == expected
        form = evaluasi_baca.get_evaluasi_form(s, penilai, skp.id, TW)
        assert form.saran_rating_hasil == expected and form.kepala_unit == unit.nama


def test_periods_and_skp_status_are_checked(ws: Workspace) -> None:
    admin = _actor(ws, "admin")
    skp = _skp_of(ws, _bawahan_camat(ws)[0])
    with pytest.raises(ValidationError, match="bukan periode evaluasi"), ws.transaction(admin) as s:
        evaluasi.start_evaluasi(s, admin, skp.id, "B01")
    with ws.read() as s:
        draft = s.scalars(select(Skp).where(Skp.status == "draft")).first()
    assert draft is not None
    with pytest.raises(ValidationError, match="sudah disetujui"), ws.transaction(admin) as s:
        evaluasi.start_evaluasi(s, admin, draft.id, TW)
    assert _start(ws, admin, skp.id, "AKHIR")


def test_permissions(ws: Workspace) -> None:
    penilai, operator, pimpinan = (_actor(ws, n) for n in ("penilai", "operator", "pimpinan"))
    skp = _skp_of(ws, _bawahan_camat(ws)[0])
    with pytest.raises(PermissionDenied), ws.transaction(pimpinan) as s:
        evaluasi.start_evaluasi(s, pimpinan, skp.id, TW)
    ev = _start(ws, operator, skp.id)  # the clerk may open it to type the self-assessment
    rhk_id = _first_rhk(ws, skp.id)
    with ws.transaction(operator) as s:
        evaluasi.set_penilaian_diri(s, operator, ev, rhk_id, "Sudah saya selesaikan 3 laporan.")
    for fn in (
        lambda s: evaluasi.set_rating(s, operator, ev, "sesuai", "sesuai"),
        lambda s: evaluasi.set_umpan_balik_rhk(s, operator, ev, rhk_id, "Bagus"),
        lambda s: evaluasi.finalise_evaluasi(s, operator, ev, akui_temuan=True),
    ):
        with pytest.raises(PermissionDenied), ws.transaction(operator) as s:
            fn(s)
    for bukan_pegawainya in (pimpinan, penilai):
        with pytest.raises(PermissionDenied), ws.transaction(bukan_pegawainya) as s:
            evaluasi.set_penilaian_diri(s, bukan_pegawainya, ev, rhk_id, "x")
    orang_lain = _skp_of(ws, _staf(ws))
    ev_lain = _start(ws, _actor(ws, "admin"), orang_lain.id)
    with pytest.raises(PermissionDenied, match="pejabat penilai"), ws.transaction(penilai) as s:
        evaluasi.set_rating(s, penilai, ev_lain, "sesuai", "sesuai")
    with ws.read() as s:
        form = evaluasi_baca.get_evaluasi_form(s, penilai, skp.id, TW)
        assert form.boleh_nilai and form.hasil_kerja[0].penilaian_diri.startswith("Sudah saya")
        assert not evaluasi_baca.get_evaluasi_form(s, pimpinan, skp.id, TW).boleh_nilai
        assert not evaluasi_baca.get_evaluasi_form(s, penilai, orang_lain.id, TW).boleh_nilai


def _finalise_all_but_one(ws: Workspace, penilai: Actor) -> tuple[str, str]:
    """Rate every subordinate of the camat Sesuai/Sesuai; return (one evaluation id, its pegawai id)."""
    ids = []
    for pid in _bawahan_camat(ws):
        ev = _start(ws, penilai, _skp_of(ws, pid).id)
        with ws.transaction(penilai) as s:
            evaluasi.set_rating(s, penilai, ev, "sesuai", "sesuai")
        ids.append((ev, pid))
    return ids[0]


def test_finalise_needs_ratings_and_acknowledged_distribution_then_locks(ws: Workspace) -> None:
    penilai = _actor(ws, "penilai")
    skp = _skp_of(ws, _bawahan_camat(ws)[0])
    ev = _start(ws, penilai, skp.id)
    with ws.transaction(penilai) as s:
        evaluasi.set_rating(s, penilai, ev, None, "sesuai")
    with pytest.raises(ValidationError, match="rating hasil kerja"), ws.transaction(penilai) as s:
        evaluasi.finalise_evaluasi(s, penilai, ev)
    ev, _ = _finalise_all_but_one(ws, penilai)
    # Everyone Baik in a unit whose capaian asks for some Butuh Perbaikan/Kurang: a warning to acknowledge.
    with pytest.raises(evaluasi.DistribusiPerluDiakui) as info, ws.transaction(penilai) as s:
        evaluasi.finalise_evaluasi(s, penilai, ev)
    assert info.value.temuan
    with ws.read() as s:
        assert s.get(Evaluasi, ev).status == "draf"  # type: ignore[union-attr]
    with ws.transaction(penilai) as s:
        evaluasi.finalise_evaluasi(s, penilai, ev, akui_temuan=True)
    with ws.read() as s:
        row = s.get(Evaluasi, ev)
        assert row is not None and row.status == "final" and row.distribusi_diakui
        assert row.snapshot_pegawai and row.snapshot_penilai and row.snapshot_pegawai["nip"]
        assert row.difinalkan_oleh == "penilai" and row.difinalkan_pada is not None
        aksi = set(s.scalars(select(AuditLog.aksi).where(AuditLog.baris_id == ev)))
        assert "akui_distribusi" in aksi
    for fn in (
        lambda s: evaluasi.set_rating(s, penilai, ev, "di_atas", "di_atas"),
        lambda s: evaluasi.set_catatan(s, penilai, ev, "ubah"),
        lambda s: evaluasi.set_umpan_balik_rhk(s, penilai, ev, _first_rhk(ws, skp.id), "ubah"),
        lambda s: evaluasi.finalise_evaluasi(s, penilai, ev, akui_temuan=True),
    ):
        with pytest.raises(ValidationError, match="sudah final"), ws.transaction(penilai) as s:
            fn(s)


def test_snapshot_stays_when_the_pegawai_changes_and_reopen_is_admin_only(ws: Workspace) -> None:
    penilai, admin = _actor(ws, "penilai"), _actor(ws, "admin")
    ev, pid = _finalise_all_but_one(ws, penilai)
    with ws.transaction(penilai) as s:
        evaluasi.finalise_evaluasi(s, penilai, ev, akui_temuan=True)
    with ws.read() as s:
        jabatan_lama = s.get(Pegawai, pid).jabatan  # type: ignore[union-attr]
    with ws.transaction(admin) as s:
        pegawai = s.get(Pegawai, pid)
        assert pegawai is not None
        pegawai.jabatan = "Jabatan Baru Setelah Final"
        pegawai.nama = "Nama Baru"
    with ws.read() as s:
        form = evaluasi_baca.get_evaluasi_form_by_id(s, admin, ev)
        assert form.final and form.pegawai.jabatan == jabatan_lama and form.pegawai.nama != "Nama Baru"
        assert form.boleh_buka and not evaluasi_baca.get_evaluasi_form_by_id(s, penilai, ev).boleh_buka
    with pytest.raises(PermissionDenied), ws.transaction(penilai) as s:
        evaluasi.reopen_evaluasi(s, penilai, ev, "Salah ketik rating")
    with pytest.raises(ValidationError, match="alasan"), ws.transaction(admin) as s:
        evaluasi.reopen_evaluasi(s, admin, ev, "  ")
    with ws.transaction(admin) as s:
        evaluasi.reopen_evaluasi(s, admin, ev, "Salah ketik rating perilaku")
    with ws.read() as s:
        row = s.get(Evaluasi, ev)
        assert row is not None and row.status == "draf" and "Salah ketik rating perilaku" in row.alasan_dibuka
        log = list(s.scalars(select(AuditLog).where(AuditLog.baris_id == ev)))
        assert any(a.aksi == "buka_evaluasi" for a in log)
        perubahan = [(a.sebelum or {}).get("status") for a in log] + [
            (a.sesudah or {}).get("status") for a in log
        ]
        assert "final" in perubahan and "draf" in perubahan, (
            "the audit log keeps both the lock and the reopen"
        )
    with ws.transaction(penilai) as s:
        evaluasi.set_rating(s, penilai, ev, "di_atas", "sesuai")
        evaluasi.finalise_evaluasi(s, penilai, ev, akui_temuan=True)
    with ws.read() as s:
        row = s.get(Evaluasi, ev)
        assert row is not None and row.status == "final" and row.predikat == Predikat.BAIK.value
        assert (
            row.snapshot_pegawai is not None
            and row.snapshot_pegawai["jabatan"] == "Jabatan Baru Setelah Final"
        )


def test_angka_kredit_pro_rata_for_jabatan_fungsional(ws: Workspace) -> None:
    admin = _actor(ws, "admin")
    with ws.read() as s:
        pid = s.scalars(
            select(Pegawai.id).where(Pegawai.jenjang_jabatan == "ahli_pertama").order_by(Pegawai.nip)
        ).first()
    assert pid is not None
    skp = _skp_of(ws, pid)
    ev = _start(ws, admin, skp.id)
    akhir = _start(ws, admin, skp.id, "AKHIR")
    with ws.transaction(admin) as s:
        evaluasi.set_rating(s, admin, ev, "sesuai", "sesuai")
        evaluasi.set_rating(s, admin, akhir, "di_atas", "di_atas")
    with ws.read() as s:
        assert s.get(Evaluasi, ev).angka_kredit == Decimal("3.125")  # type: ignore[union-attr]
        assert s.get(Evaluasi, akhir).angka_kredit == Decimal("18.750")  # type: ignore[union-attr]
        form = evaluasi_baca.get_evaluasi_form(s, admin, skp.id, TW)
        assert (
            form.jenjang_fungsional and form.jenjang_kode == "ahli_pertama" and form.bulan_angka_kredit == 3
        )
        assert form.skp_periode_awal == skp.periode_awal and form.skp_periode_akhir == skp.periode_akhir


def test_grid_distribution_and_missing_list(ws: Workspace) -> None:
    penilai, admin = _actor(ws, "penilai"), _actor(ws, "admin")
    camat = _camat(ws)
    with ws.read() as s:
        root = s.scalars(select(UnitKerja.id).where(UnitKerja.induk_id.is_(None))).one()
        tahun = s.scalar(select(Skp.tahun))
        assert tahun is not None
        semua = evaluasi_unit.grid_unit(s, admin, root, tahun, "TW1")
        bawahan = evaluasi_unit.grid_unit(s, penilai, root, tahun, TW, hanya_bawahan=True)
        jumlah = s.query(Pegawai).filter(Pegawai.status_aktif == "aktif").count()
    assert len(semua) == jumlah and semua[0].kepala_unit
    assert {b.status for b in semua} <= set(StatusEvaluasi)
    assert any(b.status is StatusEvaluasi.FINAL for b in semua)
    assert bawahan and all(b.penilai_id == camat for b in bawahan if b.skp_id)
    assert all(b.boleh_nilai for b in bawahan if b.skp_id)
    assert all(b.status in (StatusEvaluasi.BELUM, StatusEvaluasi.TANPA_SKP) for b in bawahan)
    _finalise_all_but_one(ws, penilai)
    with ws.read() as s:
        dist = evaluasi_unit.distribusi_unit(s, penilai, root, tahun, TW)
        assert dist.jumlah[Predikat.BAIK] == len([b for b in bawahan if b.skp_id])
        assert dist.dinilai + dist.belum_dinilai == jumlah
        assert round(sum(dist.persen.values())) == 100
        tanpa = evaluasi_unit.distribusi_unit(s, penilai, root, tahun, "TW4")
        assert [t.kode for t in tanpa.temuan] == ["capaian_belum_ada"]
        sisa = evaluasi_unit.belum_final(s, penilai, root, tahun, TW, hanya_bawahan=True)
        assert len(sisa) == len(bawahan) and all(b.status is not StatusEvaluasi.FINAL for b in sisa)


def test_capaian_is_set_by_the_head_one_level_up(ws: Workspace) -> None:
    penilai, admin, operator = _actor(ws, "penilai"), _actor(ws, "admin"), _actor(ws, "operator")
    kepala = _bawahan_camat(ws)[0]
    skp = _skp_of(ws, kepala)
    with ws.read() as s:
        unit = s.scalars(select(UnitKerja).where(UnitKerja.kepala_id == kepala)).one()
        root = s.scalars(select(UnitKerja.id).where(UnitKerja.induk_id.is_(None))).one()
    ev = _start(ws, penilai, skp.id, "TW4")  # no capaian yet for TW4
    with ws.read() as s:
        assert s.get(Evaluasi, ev).rating_hasil is None  # type: ignore[union-attr]
    with ws.transaction(penilai) as s:
        capaian.set_capaian(s, penilai, unit.id, skp.tahun, "TW4", "istimewa", "Semua target terlampaui")
    with ws.read() as s:
        row = s.get(Evaluasi, ev)
        assert row is not None and row.capaian_organisasi == "istimewa" and row.rating_hasil == "di_atas"
        daftar = capaian.list_capaian(s, penilai, [root, unit.id], skp.tahun, "TW4")
        assert [(c.capaian, c.boleh_ubah) for c in daftar] == [(None, False), ("istimewa", True)]
    with pytest.raises(PermissionDenied, match="pimpinan di atasnya"), ws.transaction(penilai) as s:
        capaian.set_capaian(s, penilai, root, skp.tahun, "TW4", "baik")
    with pytest.raises(PermissionDenied), ws.transaction(operator) as s:
        capaian.set_capaian(s, operator, unit.id, skp.tahun, "TW4", "baik")
    with pytest.raises(ValidationError, match="tidak dikenal"), ws.transaction(admin) as s:
        capaian.set_capaian(s, admin, root, skp.tahun, "TW4", "luar biasa")
    with ws.transaction(admin) as s:
        capaian.set_capaian(s, admin, root, skp.tahun, "TW4", "baik")


def test_form_shows_realisation_feedback_and_history(ws: Workspace) -> None:
    admin = _actor(ws, "admin")
    with ws.read() as s:
        ev = s.scalars(select(Evaluasi).where(Evaluasi.periode == "TW2").order_by(Evaluasi.id)).first()
        assert ev is not None
        form = evaluasi_baca.get_evaluasi_form_by_id(s, admin, ev.id)
        akhir = evaluasi_baca.get_evaluasi_form(s, admin, ev.skp_id, "AKHIR")
    assert form.status is StatusEvaluasi.DRAF and form.evaluasi_id == ev.id
    assert any(i.realisasi for r in form.hasil_kerja for i in r.indikator)
    assert all(i.target for r in form.hasil_kerja for i in r.indikator)
    assert [r.periode for r in form.riwayat] == ["TW1"] and form.riwayat[0].status == "final"
    assert len(form.perilaku) == 7
    assert akhir.status is StatusEvaluasi.BELUM and [r.periode for r in akhir.riwayat] == ["TW1", "TW2"]
    assert any("Triwulan I:" in i.realisasi for r in akhir.hasil_kerja for i in r.indikator)


def test_a_final_evaluation_locks_the_realisation_of_its_period(ws: Workspace) -> None:
    admin = _actor(ws, "admin")
    with ws.read() as s:
        ev = s.scalars(select(Evaluasi).where(Evaluasi.periode == "TW1", Evaluasi.status == "final")).first()
        assert ev is not None
        form = evaluasi_baca.get_evaluasi_form_by_id(s, admin, ev.id)
    rhk = form.hasil_kerja[0].rhk_id
    with ws.read() as s:
        indikator = s.scalars(select(Indikator.id).where(Indikator.rhk_id == rhk)).first()
    assert indikator is not None
    with pytest.raises(ValidationError, match="Triwulan I SKP ini sudah final"), ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "TW1", 1)
    with pytest.raises(ValidationError, match="terkunci"), ws.transaction(admin) as s:
        realisasi.add_rencana_aksi(s, admin, rhk, "TW1", "Aksi baru")
    with ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "TW3", 1)  # other periods stay open
        evaluasi.reopen_evaluasi(s, admin, ev.id, "Realisasi Triwulan I salah ketik")
    with ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator, "TW1", 1)
    with ws.read() as s:
        grid = realisasi.get_realisasi_grid(s, admin, ev.skp_id, "TW1")
        assert grid.bisa_diisi
    akhir = _start(ws, admin, ev.skp_id, "AKHIR")
    with ws.transaction(admin) as s:
        evaluasi.set_rating(s, admin, akhir, "sesuai", "sesuai")
        evaluasi.finalise_evaluasi(s, admin, akhir, akui_temuan=True)
    with ws.read() as s:
        assert not realisasi.get_realisasi_grid(s, admin, ev.skp_id, "TW3").bisa_diisi
