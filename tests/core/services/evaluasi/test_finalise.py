"""Finalising: one readiness rule, the findings of the units concerned, each row finalised on its own."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pendukung_demo import demo_actor
from pendukung_evaluasi import TW, bawahan_camat, skp_of, staf, start
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Evaluasi, Skp, UnitKerja
from kinerja_desktop.core.db.session import savepoint
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, JenisRating, StatusEvaluasi
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.workspace import Workspace


def _rated(ws: Workspace, actor: Actor, perilaku: str | None = "sesuai") -> list[str]:
    """Every subordinate of the camat rated (Sesuai/Sesuai: all Baik, which the distribution flags)."""
    ids = []
    for pid in bawahan_camat(ws):
        ev = start(ws, actor, skp_of(ws, pid).id)
        with ws.transaction(actor) as s:
            evaluasi.set_rating(s, actor, ev, "sesuai", perilaku)
        ids.append(ev)
    return ids


def _status(ws: Workspace, ids: list[str]) -> list[str]:
    with ws.read() as s:
        return [s.get(Evaluasi, i).status for i in ids]  # type: ignore[union-attr]


def _grid(ws: Workspace, actor: Actor, kode: str = TW) -> dict[str, BarisEvaluasi]:
    with ws.read() as s:
        root = s.scalars(select(UnitKerja.id).where(UnitKerja.induk_id.is_(None))).one()
        tahun = s.scalar(select(Skp.tahun))
        assert tahun is not None
        return {b.pegawai_id: b for b in evaluasi_unit.grid_unit(s, actor, root, tahun, kode)}


def test_a_grid_row_says_why_it_is_locked_and_why_it_is_not_ready(ws: Workspace) -> None:
    penilai = demo_actor(ws, "penilai")
    rows = _grid(ws, penilai)
    sendiri = rows[bawahan_camat(ws)[0]]
    assert sendiri.boleh_nilai and sendiri.alasan_terkunci == ""
    assert evaluasi.alasan_belum_siap(sendiri) == (
        "rating hasil kerja dan rating perilaku kerja belum diisi; isi dulu lalu finalkan."
    )
    lain = rows[staf(ws)]
    assert not lain.boleh_nilai and lain.alasan_terkunci.startswith("Hanya pejabat penilai pegawai ini (")
    assert evaluasi.alasan_belum_siap(lain) == lain.alasan_terkunci
    tanpa_skp = next(b for b in rows.values() if b.status is StatusEvaluasi.TANPA_SKP)
    assert "belum disetujui" in tanpa_skp.alasan_terkunci
    final = next(b for b in _grid(ws, penilai, "TW1").values() if b.status is StatusEvaluasi.FINAL)
    assert "sudah final" in evaluasi.alasan_belum_siap(final)
    pimpinan = _grid(ws, demo_actor(ws, "pimpinan"))[bawahan_camat(ws)[0]]
    assert "dapat melihat lewat formulir" in pimpinan.alasan_terkunci
    siap = replace(sendiri, status=StatusEvaluasi.DRAF, evaluasi_id="x", rating_hasil="sesuai")
    assert evaluasi.alasan_belum_siap(siap) == "rating perilaku kerja belum diisi; isi dulu lalu finalkan."
    assert evaluasi.alasan_belum_siap(replace(siap, rating_perilaku="di_atas")) == ""


def test_checking_names_the_missing_rating_else_gives_the_findings(ws: Workspace) -> None:
    penilai = demo_actor(ws, "penilai")
    ev = _rated(ws, penilai, perilaku=None)[0]
    with pytest.raises(ValidationError) as kurang, ws.read() as s:
        evaluasi.check_finalise(s, penilai, ev)
    assert kurang.value.kolom == JenisRating.PERILAKU.value
    assert "rating perilaku kerja belum dipilih" in kurang.value.pesan
    assert "tab Rating" in (kurang.value.saran or "")
    with ws.transaction(penilai) as s:
        evaluasi.set_rating(s, penilai, ev, None, "sesuai")
    with pytest.raises(ValidationError) as kurang, ws.transaction(penilai) as s:
        evaluasi.finalise_evaluasi(s, penilai, ev, akui_temuan=True)
    assert kurang.value.kolom == JenisRating.HASIL.value  # the same rule when finalising
    ids = _rated(ws, penilai)
    with ws.read() as s:
        temuan = evaluasi.check_finalise(s, penilai, ids[0])
        assert temuan and temuan == evaluasi.temuan_untuk(s, penilai, ids[0])
        assert evaluasi.temuan_semua(s, penilai, ids) == temuan  # one unit: said once
        assert evaluasi.temuan_semua(s, penilai, []) == []


def test_finalising_each_reports_per_row_and_a_refusal_undoes_no_other(ws: Workspace) -> None:
    penilai = demo_actor(ws, "penilai")
    ids = _rated(ws, penilai)
    with ws.transaction(penilai) as s:
        evaluasi.set_rating(s, penilai, ids[1], "sesuai", None)
    lain = start(ws, demo_actor(ws, "admin"), skp_of(ws, staf(ws)).id)
    with ws.transaction(penilai) as s:
        hasil = evaluasi.finalise_each(s, penilai, [ids[0], ids[1], lain, *ids[2:]], akui_temuan=True)
    assert [h.evaluasi_id for h in hasil] == [ids[0], ids[1], lain, *ids[2:]]
    assert [h.final for h in hasil] == [True, False, False] + [True] * len(ids[2:])
    assert "rating hasil kerja" not in hasil[1].alasan and "rating perilaku kerja" in hasil[1].alasan
    assert "pejabat penilai" in hasil[2].alasan and hasil[2].temuan == ()
    assert all(h.nama for h in hasil)
    assert _status(ws, ids) == ["final", "draf"] + ["final"] * len(ids[2:])
    assert _status(ws, [lain]) == ["draf"]
    with ws.read() as s:
        akui = set(s.scalars(select(AuditLog.baris_id).where(AuditLog.aksi == "akui_distribusi")))
        dikunci = {
            a.baris_id
            for a in s.scalars(select(AuditLog).where(AuditLog.tabel == "evaluasi"))
            if (a.sesudah or {}).get("status") == "final"
        }
    assert akui == dikunci == {ids[0], *ids[2:]}  # the refused rows left no trace


def test_unacknowledged_findings_refuse_each_with_them(ws: Workspace) -> None:
    penilai = demo_actor(ws, "penilai")
    ids = _rated(ws, penilai)
    with ws.transaction(penilai) as s:
        hasil = evaluasi.finalise_each(s, penilai, ids, akui_temuan=False)
    assert not any(h.final for h in hasil) and all(h.temuan for h in hasil)
    assert all("pola distribusi" in h.alasan for h in hasil)
    assert _status(ws, ids) == ["draf"] * len(ids)


def test_the_rows_finalised_are_undone_with_the_transaction(ws: Workspace) -> None:
    penilai = demo_actor(ws, "penilai")
    ids = _rated(ws, penilai)

    class Batal(Exception):
        pass

    with pytest.raises(Batal), ws.transaction(penilai) as s:
        hasil = evaluasi.finalise_each(s, penilai, ids, akui_temuan=True)
        assert all(h.final for h in hasil)
        raise Batal
    assert _status(ws, ids) == ["draf"] * len(ids)


def test_a_savepoint_undoes_only_its_own_changes(ws: Workspace) -> None:
    admin = demo_actor(ws, "admin")
    with ws.read() as s:
        unit_ids = list(s.scalars(select(UnitKerja.id).order_by(UnitKerja.id).limit(2)))

    def nama(uid: str) -> str:
        with ws.read() as s:
            return s.get(UnitKerja, uid).nama  # type: ignore[union-attr]

    a, b = unit_ids
    lama_b = nama(b)
    with ws.transaction(admin) as s:
        s.scalars(select(UnitKerja)).all()  # a read first: the driver has not opened a transaction yet
        with savepoint(s):
            s.get(UnitKerja, a).nama = "Unit A Baru"  # type: ignore[union-attr]
        with pytest.raises(ValueError), savepoint(s):
            s.get(UnitKerja, b).nama = "Unit B Baru"  # type: ignore[union-attr]
            s.flush()
            raise ValueError
    assert (nama(a), nama(b)) == ("Unit A Baru", lama_b)
    with pytest.raises(RuntimeError), ws.transaction(admin) as s:
        with savepoint(s):
            s.get(UnitKerja, b).nama = "Unit B Baru"  # type: ignore[union-attr]
        raise RuntimeError
    assert nama(b) == lama_b, "a released savepoint is still undone with its transaction"
