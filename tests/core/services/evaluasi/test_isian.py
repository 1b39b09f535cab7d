"""What is typed in: the evaluation form saved as one action, and one rating given on the grid."""

from __future__ import annotations

from datetime import date

import pytest
from pendukung_demo import demo_actor
from pendukung_evaluasi import TW, bawahan_camat, first_rhk, skp_of, staf, start
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Evaluasi
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.model.evaluasi import EvaluasiForm, IsianEvaluasi, JenisRating, StatusEvaluasi
from kinerja_desktop.core.rules.predikat import Predikat, Rating
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.workspace import Workspace


def _form(ws: Workspace, skp_id: str, kode: str = TW) -> EvaluasiForm:
    with ws.read() as s:
        return evaluasi_baca.get_evaluasi_form(s, demo_actor(ws, "admin"), skp_id, kode)


def _evaluasi_count(ws: Workspace) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Evaluasi)) or 0)


def _save(ws: Workspace, actor: Actor, isian: IsianEvaluasi) -> str:
    with ws.transaction(actor) as s:
        return evaluasi.save_isian(s, actor, isian)


def test_saving_starts_the_evaluation_and_writes_everything_given(ws: Workspace) -> None:
    admin = demo_actor(ws, "admin")  # may both rate and type the self-assessment
    skp = skp_of(ws, bawahan_camat(ws)[1])
    awal = _form(ws, skp.id)
    assert awal.evaluasi_id is None
    rhk, perilaku = awal.hasil_kerja[0].rhk_id, awal.perilaku[2].perilaku_id
    ev = _save(
        ws,
        admin,
        IsianEvaluasi(
            skp.id,
            TW,
            penilaian_diri={rhk: "Tiga laporan selesai."},
            umpan_balik_rhk={rhk: "  Bagus; bagikan caranya.  "},
            umpan_balik_perilaku={perilaku: "Aktif belajar."},
            rating=(Rating.DI_ATAS.value, Rating.SESUAI.value),
            catatan="Diusulkan diklat.",
            tanggal=date(2026, 10, 5),
        ),
    )
    f = _form(ws, skp.id)
    assert f.evaluasi_id == ev and f.status is StatusEvaluasi.DRAF
    assert f.hasil_kerja[0].penilaian_diri == "Tiga laporan selesai."
    assert f.hasil_kerja[0].umpan_balik == "Bagus; bagikan caranya."  # stored trimmed
    assert f.perilaku[2].umpan_balik == "Aktif belajar."
    assert (f.rating_hasil, f.rating_perilaku, f.predikat) == ("di_atas", "sesuai", Predikat.BAIK.value)
    assert (f.catatan_rekomendasi, f.tanggal_evaluasi) == ("Diusulkan diklat.", date(2026, 10, 5))


def test_what_is_left_out_stays_as_stored(ws: Workspace) -> None:
    admin = demo_actor(ws, "admin")
    skp = skp_of(ws, bawahan_camat(ws)[1])
    rhk = first_rhk(ws, skp.id)
    ev = _save(
        ws,
        admin,
        IsianEvaluasi(
            skp.id, TW, umpan_balik_rhk={rhk: "Pertahankan."}, rating=("sesuai", "sesuai"), catatan="Awal."
        ),
    )
    assert _save(ws, admin, IsianEvaluasi(skp.id, TW, ev, tanggal=date(2026, 10, 9))) == ev
    f = _form(ws, skp.id)
    assert f.catatan_rekomendasi == "Awal." and f.tanggal_evaluasi == date(2026, 10, 9)  # the date alone
    _save(ws, admin, IsianEvaluasi(skp.id, TW, ev, catatan="Lanjut."))
    f = _form(ws, skp.id)
    assert (f.catatan_rekomendasi, f.tanggal_evaluasi) == ("Lanjut.", date(2026, 10, 9))
    assert (f.rating_hasil, f.rating_perilaku) == ("sesuai", "sesuai")
    assert f.hasil_kerja[0].umpan_balik == "Pertahankan."
    assert IsianEvaluasi(skp.id, TW, ev).kosong and not IsianEvaluasi(skp.id, TW, catatan="").kosong


def test_a_refused_part_keeps_nothing_not_even_the_started_evaluation(ws: Workspace) -> None:
    operator = demo_actor(ws, "operator")  # types the self-assessment, never the penilai's part
    skp = skp_of(ws, bawahan_camat(ws)[0])
    rhk = first_rhk(ws, skp.id)
    sebelum = _evaluasi_count(ws)
    lebih = IsianEvaluasi(skp.id, TW, penilaian_diri={rhk: "Selesai."}, umpan_balik_rhk={rhk: "x"})
    with pytest.raises(PermissionDenied):
        _save(ws, operator, lebih)
    assert _evaluasi_count(ws) == sebelum
    with pytest.raises(ValidationError) as terlalu_panjang:
        _save(ws, operator, IsianEvaluasi(skp.id, TW, penilaian_diri={rhk: "x" * 4001}))
    assert terlalu_panjang.value.kolom == "penilaian_diri" and _evaluasi_count(ws) == sebelum
    ev = _save(ws, operator, IsianEvaluasi(skp.id, TW, penilaian_diri={rhk: "Selesai."}))
    f = _form(ws, skp.id)
    assert f.evaluasi_id == ev and f.hasil_kerja[0].penilaian_diri == "Selesai." and f.rating_perilaku is None


def _rate(ws: Workspace, actor: Actor, skp_id: str, jenis: JenisRating, rating: Rating | None) -> str:
    with ws.transaction(actor) as s:
        return evaluasi.rate_evaluasi(s, actor, skp_id, TW, jenis, rating)


def test_one_rating_starts_the_evaluation_and_keeps_the_other(ws: Workspace) -> None:
    penilai = demo_actor(ws, "penilai")
    skp = skp_of(ws, bawahan_camat(ws)[0])  # heads a unit: the rating hasil follows the unit's capaian
    saran = _form(ws, skp.id).saran_rating_hasil
    assert saran is not None
    ev = _rate(ws, penilai, skp.id, JenisRating.PERILAKU, Rating.DI_ATAS)
    f = _form(ws, skp.id)
    assert f.evaluasi_id == ev and (f.rating_hasil, f.rating_perilaku) == (saran, "di_atas")
    assert f.predikat is not None
    assert _rate(ws, penilai, skp.id, JenisRating.HASIL, Rating.DI_BAWAH) == ev
    f = _form(ws, skp.id)
    assert (f.rating_hasil, f.rating_perilaku, f.predikat) == ("di_bawah", "di_atas", "butuh_perbaikan")
    _rate(ws, penilai, skp.id, JenisRating.PERILAKU, None)
    f = _form(ws, skp.id)
    assert (f.rating_hasil, f.rating_perilaku, f.predikat) == ("di_bawah", None, None)


def test_a_staff_member_rated_first_on_perilaku_has_no_rating_hasil(ws: Workspace) -> None:
    admin = demo_actor(ws, "admin")
    skp = skp_of(ws, staf(ws))
    _rate(ws, admin, skp.id, JenisRating.PERILAKU, Rating.SESUAI)
    f = _form(ws, skp.id)
    assert f.kepala_unit == "" and (f.rating_hasil, f.rating_perilaku) == (None, "sesuai")


def test_rating_someone_elses_pegawai_or_a_final_evaluation_is_refused(ws: Workspace) -> None:
    penilai, admin = demo_actor(ws, "penilai"), demo_actor(ws, "admin")
    lain = skp_of(ws, staf(ws))
    sebelum = _evaluasi_count(ws)
    with pytest.raises(PermissionDenied, match="pejabat penilai"):
        _rate(ws, penilai, lain.id, JenisRating.HASIL, Rating.SESUAI)
    assert _evaluasi_count(ws) == sebelum  # not even started
    skp = skp_of(ws, bawahan_camat(ws)[0])
    ev = start(ws, admin, skp.id)
    with ws.transaction(admin) as s:
        evaluasi.set_rating(s, admin, ev, "sesuai", "sesuai")
        evaluasi.finalise_evaluasi(s, admin, ev, akui_temuan=True)
    with pytest.raises(ValidationError, match="sudah final"):
        _rate(ws, admin, skp.id, JenisRating.HASIL, Rating.DI_ATAS)
