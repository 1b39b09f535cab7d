"""Matriks peran hasil on the demo office: superior RHK rows, supporting RHKs, and RHKs supporting nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Pegawai, Pengguna, Rhk, Skp
from kinerja_desktop.core.model.skp import RhkInput
from kinerja_desktop.core.services import akun, matriks
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


@pytest.fixture
def admin(ws: Workspace) -> Actor:
    with ws.read() as s:
        return akun.actor_of(s.scalars(select(Pengguna).where(Pengguna.username == "admin")).one())


def _office(ws: Workspace) -> tuple[int, str, str]:
    """(demo year, the camat, the root unit)."""
    with ws.read() as s:
        tahun = s.scalar(select(func.max(Skp.tahun)))
        camat = s.scalars(select(Pegawai).where(Pegawai.atasan_id.is_(None))).one()
    assert tahun is not None and camat.unit_kerja_id is not None
    return tahun, camat.id, camat.unit_kerja_id


def test_rows_are_the_superiors_approved_rhk_with_their_supporters(ws: Workspace, admin: Actor) -> None:
    tahun, camat, root = _office(ws)
    with ws.read() as s:
        m = matriks.matriks_peran_hasil(s, admin, root, tahun)
        links = dict(s.execute(select(Rhk.id, Rhk.rhk_atasan_id)).all())
        pemimpin = set(s.scalars(select(Pegawai.atasan_id).where(Pegawai.atasan_id.is_not(None))))
        approved_rhk = set(
            s.scalars(
                select(Rhk.id)
                .join(Skp, Skp.id == Rhk.skp_id)
                .where(Skp.pegawai_id.in_(pemimpin), Skp.status == "disetujui", Skp.tahun == tahun)
            )
        )
    assert {b.rhk_id for b in m.baris} == approved_rhk
    assert {b.pegawai_id for b in m.baris} == pemimpin and not m.atasan_tanpa_skp
    assert sum(len(b.pendukung) for b in m.baris) > 0
    for b in m.baris:
        assert all(links[p.rhk_id] == b.rhk_id for p in b.pendukung)
    assert all(p.pegawai_id != camat for p in m.tanpa_induk)
    assert all(p.jenis == "tambahan" and "Tidak mengintervensi" in p.catatan for p in m.tanpa_induk)


def test_unsupported_rhk_are_listed(ws: Workspace, admin: Actor) -> None:
    tahun, camat, root = _office(ws)
    with ws.read() as s:
        draft = s.scalars(
            select(Skp).where(Skp.status == "draft", Skp.tahun == tahun, Skp.pejabat_penilai_id != camat)
        ).first()
    assert draft is not None
    with ws.transaction(admin) as s:
        bebas = svc.add_rhk(s, admin, draft.id, RhkInput("Tugas tambahan dari pimpinan", jenis="tambahan"))
    with ws.read() as s:
        m = matriks.matriks_peran_hasil(s, admin, root, tahun)
    [row] = [p for p in m.tanpa_induk if p.rhk_id == bebas]
    assert (row.pegawai_id, row.skp_id, row.status_skp) == (draft.pegawai_id, draft.id, "draft")

    # Next year nobody has an approved SKP yet: every leader is listed and unlinked RHKs show up.
    with ws.transaction(admin) as s:
        svc.create_drafts_for_unit(s, admin, root, tahun + 1)
        baru = svc.current_skp_for(s, admin, draft.pegawai_id, tahun + 1)
        assert baru is not None
        utama = svc.add_rhk(s, admin, baru.id, RhkInput("Belum terkait RHK atasan"))
    with ws.read() as s:
        m2 = matriks.matriks_peran_hasil(s, admin, root, tahun + 1)
        n_pemimpin = len(set(s.scalars(select(Pegawai.atasan_id).where(Pegawai.atasan_id.is_not(None)))))
    assert not m2.baris and len(m2.atasan_tanpa_skp) == n_pemimpin
    assert [p.rhk_id for p in m2.tanpa_induk] == [utama]


def test_a_single_unit(ws: Workspace, admin: Actor) -> None:
    tahun, camat, _ = _office(ws)
    with ws.read() as s:
        kasi = s.scalars(
            select(Pegawai).where(
                Pegawai.atasan_id == camat,
                Pegawai.id.in_(select(Pegawai.atasan_id).where(Pegawai.atasan_id != camat)),
            )
        ).first()
        assert kasi is not None and kasi.unit_kerja_id is not None
        m = matriks.matriks_peran_hasil(s, admin, kasi.unit_kerja_id, tahun)
        staf = set(s.scalars(select(Pegawai.id).where(Pegawai.atasan_id == kasi.id)))
        links = dict(s.execute(select(Rhk.id, Rhk.rhk_atasan_id)).all())
    assert {b.pegawai_id for b in m.baris} == {kasi.id}
    assert {p.pegawai_id for b in m.baris for p in b.pendukung} <= staf
    # The head's linked RHKs support the camat's, outside this unit: only unlinked ones are listed.
    assert all(p.pegawai_id in staf or links[p.rhk_id] is None for p in m.tanpa_induk)
