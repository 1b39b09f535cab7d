"""Approving a superior's revision moves subordinates' links along each RHK's origin (``asal_id``)."""

from __future__ import annotations

from pendukung_demo import demo_actor as _actor
from sqlalchemy import func, select, update

from kinerja_desktop.core.db.models import Pegawai, Rhk, Skp
from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


class Kasus:
    """A kepala seksi's approved SKP, one of their staff's SKP, and the staff RHK linked to it."""

    def __init__(self, ws: Workspace) -> None:
        with ws.read() as s:
            tahun = s.scalar(select(func.max(Skp.tahun)))
            assert tahun is not None
            atasan = dict(s.execute(select(Pegawai.id, Pegawai.atasan_id)).all())
            camat = next(p for p, a in atasan.items() if a is None)
            kasi = sorted({a for a in atasan.values() if a and atasan[a] == camat})[0]
            kasi_skp = s.scalars(select(Skp).where(Skp.pegawai_id == kasi, Skp.tahun == tahun)).one()
            kasi_rhk = {r.id for r in s.scalars(select(Rhk).where(Rhk.skp_id == kasi_skp.id))}
            staf_rhk = s.scalars(
                select(Rhk)
                .join(Skp, Skp.id == Rhk.skp_id)
                .where(Rhk.rhk_atasan_id.in_(kasi_rhk), Skp.status == "disetujui")
                .order_by(Rhk.id)
            ).first()
            assert staf_rhk is not None and staf_rhk.rhk_atasan_id is not None
        assert kasi_skp.status == "disetujui"
        self.tahun, self.kasi_skp_id = tahun, kasi_skp.id
        self.staf_skp_id, self.staf_rhk_id = staf_rhk.skp_id, staf_rhk.id
        self.target_lama: str = staf_rhk.rhk_atasan_id

    def revisi(self, ws: Workspace, admin: Actor) -> tuple[str, dict[str, Rhk]]:
        """A revision of the kepala seksi's SKP: its id and its RHK by origin."""
        with ws.transaction(admin) as s:
            baru_id = svc.revise_skp(s, admin, self.kasi_skp_id)
        with ws.read() as s:
            rhk = {r.asal_id or "": r for r in s.scalars(select(Rhk).where(Rhk.skp_id == baru_id))}
        return baru_id, rhk

    def link(self, ws: Workspace) -> str | None:
        with ws.read() as s:
            return s.get_one(Rhk, self.staf_rhk_id).rhk_atasan_id


def _setujui(ws: Workspace, admin: Actor, skp_id: str) -> None:
    with ws.transaction(admin) as s:
        svc.submit_skp(s, admin, skp_id)
    penilai = _actor(ws, "penilai")
    with ws.transaction(penilai) as s:
        svc.approve_skp(s, penilai, skp_id)


def _ubah_teks(ws: Workspace, admin: Actor, rhk: Rhk, teks: str) -> None:
    with ws.transaction(admin) as s:
        svc.update_rhk(s, admin, rhk.id, RhkInput(teks, rhk.jenis, rhk.rhk_atasan_id))


def _masalah_kaskade(ws: Workspace, admin: Actor, skp_id: str) -> list[str]:
    with ws.read() as s:
        return [m.pesan for m in svc.check_skp(s, admin, skp_id) if m.kolom == "rhk_atasan_id"]


def test_revision_records_where_each_rhk_came_from(ws: Workspace) -> None:
    kasus, admin = Kasus(ws), _actor(ws, "admin")
    with ws.read() as s:
        asli = set(
            s.scalars(select(Rhk.id).where(Rhk.skp_id == kasus.kasi_skp_id, Rhk.dihapus_pada.is_(None)))
        )
    _, rhk = kasus.revisi(ws, admin)
    assert set(rhk) == asli


def test_reworded_rhk_keeps_the_subordinate_link(ws: Workspace) -> None:
    kasus, admin = Kasus(ws), _actor(ws, "admin")
    baru_id, rhk = kasus.revisi(ws, admin)
    salinan = rhk[kasus.target_lama]
    _ubah_teks(ws, admin, salinan, "Rumusan RHK yang diperbaiki dalam revisi")
    _setujui(ws, admin, baru_id)
    assert kasus.link(ws) == salinan.id
    assert _masalah_kaskade(ws, admin, kasus.staf_skp_id) == []


def test_rhk_deleted_in_the_revision_leaves_a_link_the_cascade_check_flags(ws: Workspace) -> None:
    kasus, admin = Kasus(ws), _actor(ws, "admin")
    baru_id, rhk = kasus.revisi(ws, admin)
    salinan = rhk[kasus.target_lama]
    with ws.transaction(admin) as s:
        if salinan.jenis == "utama" and sum(r.jenis == "utama" for r in rhk.values()) == 1:
            svc.add_rhk(s, admin, baru_id, RhkInput("RHK utama pengganti", "utama", salinan.rhk_atasan_id))
        svc.delete_rhk(s, admin, salinan.id)
        # A new RHK with the deleted one's text is a new RHK, not the deleted one.
        svc.add_rhk(s, admin, baru_id, RhkInput(salinan.teks, "tambahan"))
    with ws.transaction(admin) as s:
        ind = svc.get_skp(s, admin, baru_id)
        for r in ind.rhk:
            if not r.indikator:
                svc.add_indikator(s, admin, r.id, IndikatorInput("Jumlah dokumen", target_teks="Ada"))
    _setujui(ws, admin, baru_id)
    assert kasus.link(ws) == kasus.target_lama
    with ws.read() as s:
        terputus = s.scalar(
            select(func.count()).where(
                Rhk.skp_id == kasus.staf_skp_id, Rhk.rhk_atasan_id == kasus.target_lama
            )
        )
    masalah = _masalah_kaskade(ws, admin, kasus.staf_skp_id)
    assert len(masalah) == terputus >= 1
    assert all("diganti revisi; pilih ulang" in m for m in masalah)


def test_revision_copied_before_origins_were_kept_falls_back_to_the_same_text(ws: Workspace) -> None:
    kasus, admin = Kasus(ws), _actor(ws, "admin")
    with ws.read() as s:
        links = dict(
            s.execute(
                select(Rhk.id, Rhk.rhk_atasan_id)
                .join(Skp, Skp.id == Rhk.skp_id)
                .where(Rhk.rhk_atasan_id.in_(select(Rhk.id).where(Rhk.skp_id == kasus.kasi_skp_id)))
                .where(Skp.status != "diganti")
            ).all()
        )
    baru_id, rhk = kasus.revisi(ws, admin)
    with ws.transaction(admin) as s:  # what a revision made by the previous release looks like
        s.execute(update(Rhk).where(Rhk.skp_id == baru_id).values(asal_id=None))
    salinan = rhk[kasus.target_lama]
    _ubah_teks(ws, admin, salinan, "Rumusan RHK yang diperbaiki dalam revisi")
    _setujui(ws, admin, baru_id)
    with ws.read() as s:
        sekarang = {r: s.get_one(Rhk, r).rhk_atasan_id for r in links}
    for rhk_id, target in links.items():
        assert target is not None
        if target == kasus.target_lama:
            assert sekarang[rhk_id] == target  # reworded: no way to tell, the link stays and is flagged
        else:
            assert sekarang[rhk_id] == rhk[target].id  # same text: moved
    assert any("diganti" in m for m in _masalah_kaskade(ws, admin, kasus.staf_skp_id))


def test_copy_of_last_years_skp_records_no_origin(ws: Workspace) -> None:
    kasus, admin = Kasus(ws), _actor(ws, "admin")
    with ws.read() as s:
        pegawai_id = s.get_one(Skp, kasus.kasi_skp_id).pegawai_id
    with ws.transaction(admin) as s:
        baru_id = svc.copy_last_year(s, admin, pegawai_id, kasus.tahun + 1)
    with ws.read() as s:
        asal = list(s.scalars(select(Rhk.asal_id).where(Rhk.skp_id == baru_id)))
    assert asal and asal == [None] * len(asal)
