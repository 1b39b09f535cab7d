"""The SKP flow on the demo office: submit, reject with a note, approve, audit, ekspektasi, revisions."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from pendukung_demo import demo_actor as _actor
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import AuditLog, Indikator, Pegawai, Perilaku, Realisasi, Rhk, Skp
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.services import realisasi
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace


def _people(ws: Workspace) -> tuple[int, str, str, str]:
    """(demo year, camat, a kepala seksi under the camat who leads staff, one of their staff)."""
    with ws.read() as s:
        tahun = s.scalar(select(func.max(Skp.tahun)))
        assert tahun is not None
        atasan = dict(s.execute(select(Pegawai.id, Pegawai.atasan_id)).all())
    camat = next(p for p, a in atasan.items() if a is None)
    kasi = sorted({a for a in atasan.values() if a and atasan[a] == camat})[0]
    staf = sorted(p for p, a in atasan.items() if a == kasi)[0]
    return tahun, camat, kasi, staf


def _skp(ws: Workspace, skp_id: str) -> Skp:
    with ws.read() as s:
        return s.get_one(Skp, skp_id)


def _skp_of(ws: Workspace, pegawai_id: str, tahun: int) -> Skp:
    with ws.read() as s:
        return s.scalars(select(Skp).where(Skp.pegawai_id == pegawai_id, Skp.tahun == tahun)).one()


def _siap(ws: Workspace, actor: Actor, pegawai_id: str, tahun: int) -> str:
    """A complete draft: one RHK utama with a targeted indicator and a lampiran item of each kind."""
    with ws.transaction(actor) as s:
        skp_id = svc.create_skp(s, actor, pegawai_id, tahun)
        rhk = svc.add_rhk(s, actor, skp_id, RhkInput("Terselenggaranya pelayanan administrasi"))
        svc.add_indikator(
            s, actor, rhk, IndikatorInput("Jumlah layanan", target_min=Decimal(120), satuan="layanan")
        )
        for jenis in ("sumber_daya", "skema", "konsekuensi"):
            svc.add_lampiran(s, actor, skp_id, jenis, f"Butir {jenis}")
    return skp_id


def _jumlah_realisasi(ws: Workspace, skp_id: str) -> int:
    with ws.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(Realisasi)
                .join(Indikator, Indikator.id == Realisasi.indikator_id)
                .join(Rhk, Rhk.id == Indikator.rhk_id)
                .where(Rhk.skp_id == skp_id)
            )
            or 0
        )


def test_full_flow_with_rejection_note_and_audit(ws: Workspace) -> None:
    tahun, camat, kasi, _ = _people(ws)
    operator, penilai = _actor(ws, "operator"), _actor(ws, "penilai")
    skp_id = _siap(ws, operator, kasi, tahun + 1)
    with ws.transaction(operator) as s:
        peringatan = svc.submit_skp(s, operator, skp_id)
    assert all(m.peringatan for m in peringatan)
    assert _skp(ws, skp_id).status == "diajukan" and _skp(ws, skp_id).diajukan_pada is not None
    with pytest.raises(ValidationError, match="diajukan"), ws.transaction(operator) as s:
        svc.add_lampiran(s, operator, skp_id, "skema", "Tidak bisa saat diajukan")
    with pytest.raises(PermissionDenied), ws.transaction(operator) as s:
        svc.approve_skp(s, operator, skp_id)
    with pytest.raises(ValidationError, match="catatan penolakan") as info, ws.transaction(penilai) as s:
        svc.reject_skp(s, penilai, skp_id, "   ")
    assert info.value.kolom == "catatan_penolakan"
    with (
        pytest.raises(ValidationError, match="Catatan penolakan terlalu panjang") as info,
        ws.transaction(penilai) as s,
    ):
        svc.reject_skp(s, penilai, skp_id, "x" * (Batas.CATATAN_PENOLAKAN + 1))
    assert info.value.kolom == "catatan_penolakan" and _skp(ws, skp_id).status == "diajukan"
    with ws.transaction(penilai) as s:
        svc.reject_skp(s, penilai, skp_id, "Target layanan terlalu rendah.")
    ditolak = _skp(ws, skp_id)
    assert (ditolak.status, ditolak.catatan_penolakan) == ("ditolak", "Target layanan terlalu rendah.")
    with ws.read() as s:
        assert not svc.get_skp(s, operator, skp_id).read_only
    with ws.transaction(operator) as s:
        [rhk] = svc.get_skp(s, operator, skp_id).rhk
        svc.update_indikator(
            s, operator, rhk.indikator[0].id, IndikatorInput("Jumlah layanan", target_min=Decimal(150))
        )
        svc.submit_skp(s, operator, skp_id)
    with ws.transaction(penilai) as s:
        svc.approve_skp(s, penilai, skp_id)
    disetujui = _skp(ws, skp_id)
    assert (disetujui.status, disetujui.catatan_penolakan) == ("disetujui", "")
    assert disetujui.disetujui_pada is not None
    with ws.read() as s:
        entries = s.scalars(
            select(AuditLog).where(AuditLog.tabel == "skp", AuditLog.baris_id == skp_id).order_by(AuditLog.id)
        ).all()
    jejak = [
        (e.username, (e.sesudah or {}).get("status")) for e in entries if (e.sesudah or {}).get("status")
    ]
    assert jejak == [
        ("operator", "draft"),
        ("operator", "diajukan"),
        ("penilai", "ditolak"),
        ("operator", "diajukan"),
        ("penilai", "disetujui"),
    ]
    assert any(
        (e.sesudah or {}).get("catatan_penolakan") == "Target layanan terlalu rendah." for e in entries
    )
    assert camat == penilai.pegawai_id


def test_only_the_skps_penilai_or_an_admin_decides(ws: Workspace) -> None:
    tahun, camat, kasi, staf = _people(ws)
    admin, penilai = _actor(ws, "admin"), _actor(ws, "penilai")
    skp_id = _siap(ws, admin, staf, tahun + 1)  # pejabat penilai: the kepala seksi, not the camat
    with ws.transaction(admin) as s:
        svc.submit_skp(s, admin, skp_id)
    with pytest.raises(PermissionDenied, match="pejabat penilainya"), ws.transaction(penilai) as s:
        svc.approve_skp(s, penilai, skp_id)
    kasi_akun = replace(penilai, username="kasi", pegawai_id=kasi)
    with ws.transaction(kasi_akun) as s:
        svc.reject_skp(s, kasi_akun, skp_id, "Perbaiki indikator.")
    with ws.transaction(admin) as s:
        svc.submit_skp(s, admin, skp_id)
        svc.approve_skp(s, admin, skp_id)
    with pytest.raises(ValidationError, match="sudah diajukan"), ws.transaction(admin) as s:
        svc.reject_skp(s, admin, skp_id, "Terlambat")
    assert _skp(ws, skp_id).status == "disetujui" and camat != kasi


def test_withdraw_and_delete_a_draft(ws: Workspace) -> None:
    tahun, _, kasi, _ = _people(ws)
    operator = _actor(ws, "operator")
    skp_id = _siap(ws, operator, kasi, tahun + 1)
    with ws.transaction(operator) as s:
        svc.submit_skp(s, operator, skp_id)
        svc.withdraw_skp(s, operator, skp_id)
        svc.delete_skp(s, operator, skp_id)
    with ws.read() as s:
        assert svc.current_skp_for(s, operator, kasi, tahun + 1) is None
    with ws.transaction(operator) as s:
        again = svc.create_skp(s, operator, kasi, tahun + 1)
    assert _skp(ws, again).versi == 2  # the deleted version keeps its number (it is a tombstone)


def test_ekspektasi_only_by_the_pejabat_penilai(ws: Workspace) -> None:
    tahun, _, kasi, _ = _people(ws)
    operator, penilai = _actor(ws, "operator"), _actor(ws, "penilai")
    skp_id = _siap(ws, operator, kasi, tahun + 1)
    with ws.read() as s:
        perilaku = s.scalars(select(Perilaku.id).order_by(Perilaku.urutan)).first()
        assert svc.get_skp(s, penilai, skp_id).boleh_ekspektasi
        assert not svc.get_skp(s, operator, skp_id).boleh_ekspektasi
    assert perilaku is not None
    with pytest.raises(PermissionDenied), ws.transaction(operator) as s:
        svc.set_ekspektasi(s, operator, skp_id, perilaku, "Ramah kepada warga")
    lain = replace(penilai, username="lain", pegawai_id=kasi)
    with pytest.raises(PermissionDenied, match="pejabat penilainya"), ws.transaction(lain) as s:
        svc.set_ekspektasi(s, lain, skp_id, perilaku, "Ramah kepada warga")
    with ws.transaction(operator) as s:
        svc.submit_skp(s, operator, skp_id)
    with ws.transaction(penilai) as s:
        svc.set_ekspektasi(s, penilai, skp_id, perilaku, "Ramah kepada warga")
        svc.approve_skp(s, penilai, skp_id)
    with ws.read() as s:
        detail = svc.get_skp(s, penilai, skp_id)
    assert detail.perilaku[0].ekspektasi_khusus == "Ramah kepada warga"
    assert not detail.boleh_ekspektasi
    with pytest.raises(ValidationError, match="sudah disetujui"), ws.transaction(penilai) as s:
        svc.set_ekspektasi(s, penilai, skp_id, perilaku, "Ubah")
    admin_lain = replace(penilai, peran=Peran.ADMIN, pegawai_id=None)
    with pytest.raises(ValidationError), ws.transaction(admin_lain) as s:
        svc.set_ekspektasi(s, admin_lain, skp_id, perilaku, "Ubah")


def test_ekspektasi_of_several_values_are_saved_together(ws: Workspace) -> None:
    tahun, _, kasi, _ = _people(ws)
    operator, penilai = _actor(ws, "operator"), _actor(ws, "penilai")
    skp_id = _siap(ws, operator, kasi, tahun + 1)
    with ws.read() as s:
        pertama, kedua = s.scalars(select(Perilaku.id).order_by(Perilaku.urutan)).all()[:2]

    def tersimpan() -> dict[str, str]:
        with ws.read() as s:
            return {p.perilaku_id: p.ekspektasi_khusus for p in svc.get_skp(s, penilai, skp_id).perilaku}

    with pytest.raises(ValidationError, match="terlalu panjang") as ditolak, ws.transaction(penilai) as s:
        svc.save_ekspektasi(s, penilai, skp_id, {pertama: "Ramah kepada warga", kedua: "x" * 2001})
    assert tersimpan()[pertama] == "" and tersimpan()[kedua] == ""  # one refused: none kept
    # The message names the value whose text is too long, and by how much.
    assert "Ekspektasi khusus untuk Akuntabel" in ditolak.value.pesan and "2.001" in ditolak.value.pesan
    assert ditolak.value.saran == "Persingkat 1 karakter, lalu simpan lagi."
    with ws.transaction(penilai) as s:
        svc.save_ekspektasi(s, penilai, skp_id, {pertama: " Ramah kepada warga ", kedua: "Tepat waktu"})
    assert (tersimpan()[pertama], tersimpan()[kedua]) == ("Ramah kepada warga", "Tepat waktu")
    with pytest.raises(PermissionDenied), ws.transaction(operator) as s:
        svc.save_ekspektasi(s, operator, skp_id, {pertama: "Ubah"})


def test_revision_keeps_the_old_version_until_the_new_one_is_approved(ws: Workspace) -> None:
    tahun, _, kasi, staf = _people(ws)
    admin, penilai = _actor(ws, "admin"), _actor(ws, "penilai")
    lama = _skp_of(ws, kasi, tahun)
    with ws.read() as s:
        lama_rhk = {r.id: r.teks for r in s.scalars(select(Rhk).where(Rhk.skp_id == lama.id))}
        staf_skp = s.scalars(select(Skp).where(Skp.pegawai_id == staf, Skp.tahun == tahun)).one()
        links = {r.id: r.rhk_atasan_id for r in s.scalars(select(Rhk).where(Rhk.skp_id == staf_skp.id))}
    assert set(links.values()) & set(lama_rhk)
    with ws.transaction(admin) as s:
        baru_id = svc.revise_skp(s, admin, lama.id)
    with pytest.raises(ValidationError, match="Sudah ada revisi"), ws.transaction(admin) as s:
        svc.revise_skp(s, admin, lama.id)
    with ws.read() as s:
        baru, tetap = svc.get_skp(s, admin, baru_id), svc.get_skp(s, admin, lama.id)
        assert svc.current_skp_for(s, admin, kasi, tahun) == baru
    assert (baru.versi, baru.status, tetap.status) == (lama.versi + 1, "draft", "disetujui")
    assert tetap.read_only and not baru.read_only
    assert [r.teks for r in baru.rhk] == [r.teks for r in tetap.rhk]
    assert [(v.versi, v.status) for v in baru.versi_lain] == [(lama.versi, "disetujui")]
    assert _jumlah_realisasi(ws, baru_id) == _jumlah_realisasi(ws, lama.id) > 0
    with pytest.raises(ValidationError, match="sedang direvisi"), ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, tetap.rhk[0].indikator[0].id, "TW4", 1)

    with ws.transaction(admin) as s:
        svc.update_rhk(
            s, admin, baru.rhk[-1].id, RhkInput("RHK yang diubah dalam revisi", jenis=baru.rhk[-1].jenis)
        )
        svc.submit_skp(s, admin, baru_id)
    with ws.transaction(penilai) as s:
        svc.approve_skp(s, penilai, baru_id)
    assert (_skp(ws, lama.id).status, _skp(ws, baru_id).status) == ("diganti", "disetujui")
    with ws.read() as s:
        salinan = {r.asal_id: r.id for r in s.scalars(select(Rhk).where(Rhk.skp_id == baru_id))}
        relinked = {r.id: r.rhk_atasan_id for r in s.scalars(select(Rhk).where(Rhk.skp_id == staf_skp.id))}
        assert svc.get_skp(s, admin, lama.id).read_only
    for rhk_id, target in links.items():  # every copied RHK replaces its origin, reworded or not
        assert relinked[rhk_id] == (salinan[target] if target in lama_rhk else target)
    with pytest.raises(ValidationError, match="diganti"), ws.transaction(admin) as s:
        svc.add_rhk(s, admin, lama.id, RhkInput("X", jenis="tambahan"))
