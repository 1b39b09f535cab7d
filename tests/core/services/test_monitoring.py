"""Monitoring of a period on the demo office, checked against a count made the slow, obvious way."""

from __future__ import annotations

from collections import Counter

import pytest
from pendukung_demo import demo_actor as _actor
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Indikator, Pegawai, Realisasi, Rhk, Skp
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.services import monitoring, realisasi
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.workspace import Workspace


def _tahun(ws: Workspace) -> int:
    with ws.read() as s:
        tahun = s.scalar(select(func.max(Skp.tahun)))
    assert tahun is not None
    return tahun


def _direct(s: Session, tahun: int, periode: str) -> dict[str, str]:
    """Each active pegawai's problem, one pegawai at a time."""
    hasil: dict[str, str] = {}
    for p in s.scalars(select(Pegawai).where(Pegawai.status_aktif == "aktif")):
        versi = s.scalars(
            select(Skp).where(Skp.pegawai_id == p.id, Skp.tahun == tahun, Skp.dihapus_pada.is_(None))
        ).all()
        disetujui = [v for v in versi if v.status == "disetujui"]
        if not versi:
            hasil[p.id] = "tanpa_skp"
        elif not disetujui:
            hasil[p.id] = "belum_disetujui"
        else:
            n = s.scalar(
                select(func.count())
                .select_from(Realisasi)
                .join(Indikator, Indikator.id == Realisasi.indikator_id)
                .join(Rhk, Rhk.id == Indikator.rhk_id)
                .where(
                    Rhk.skp_id == disetujui[0].id,
                    Realisasi.periode == periode,
                    Realisasi.dihapus_pada.is_(None),
                    Rhk.dihapus_pada.is_(None),
                    Indikator.dihapus_pada.is_(None),
                )
            )
            if not n:
                hasil[p.id] = "tanpa_realisasi"
    return hasil


@pytest.mark.parametrize("periode", ["TW1", "TW3", "TW4"])
def test_counts_match_a_direct_count(ws: Workspace, periode: str) -> None:
    tahun, pimpinan = _tahun(ws), _actor(ws, "pimpinan")
    with ws.read() as s:
        data = monitoring.monitoring(s, pimpinan, tahun, periode)
        expected = _direct(s, tahun, periode)
        aktif = s.scalar(select(func.count()).select_from(Pegawai).where(Pegawai.status_aktif == "aktif"))
    assert {d.pegawai_id: d.masalah for d in data.daftar} == expected
    counts = Counter(expected.values())
    t = data.total
    assert (t.pegawai_aktif, t.tanpa_skp, t.belum_disetujui, t.tanpa_realisasi) == (
        aktif,
        counts["tanpa_skp"],
        counts["belum_disetujui"],
        counts["tanpa_realisasi"],
    )
    assert sum(u.pegawai_aktif for u in data.units) == aktif
    assert sum(u.belum_disetujui for u in data.units) == t.belum_disetujui
    assert t.lengkap == aktif - len(expected)
    if periode == "TW4":  # the demo has realisation for TW1–TW3 only
        assert t.tanpa_realisasi == aktif - t.tanpa_skp - t.belum_disetujui > 0
    else:
        assert t.belum_disetujui > 0


def test_list_follows_changes_and_names_the_skp_to_open(ws: Workspace) -> None:
    tahun, admin = _tahun(ws), _actor(ws, "admin")
    with ws.read() as s:
        before = monitoring.monitoring(s, admin, tahun, "TW4")
    draft = next(d for d in before.daftar if d.masalah == "belum_disetujui")
    kosong = next(d for d in before.daftar if d.masalah == "tanpa_realisasi")
    assert draft.skp_id and kosong.skp_id and draft.nip and draft.unit_nama
    with ws.transaction(admin) as s:
        svc.delete_skp(s, admin, draft.skp_id)
        indikator = svc.get_skp(s, admin, kosong.skp_id).rhk[0].indikator[0].id
        realisasi.set_realisasi(s, admin, indikator, "TW4", 1)
    with ws.read() as s:
        after = monitoring.monitoring(s, admin, tahun, "TW4")
    status = {d.pegawai_id: (d.masalah, d.keterangan, d.skp_id) for d in after.daftar}
    assert status[draft.pegawai_id] == ("tanpa_skp", f"Belum ada SKP tahun {tahun}.", None)
    assert kosong.pegawai_id not in status
    assert after.total.tanpa_skp == before.total.tanpa_skp + 1
    assert after.total.tanpa_realisasi == before.total.tanpa_realisasi - 1


def test_one_unit_and_period_check(ws: Workspace) -> None:
    tahun, admin = _tahun(ws), _actor(ws, "admin")
    with ws.read() as s:
        semua = monitoring.monitoring(s, admin, tahun, "TW2")
        unit = next(u for u in semua.units if u.induk_id is not None and u.pegawai_aktif > 1)
        assert unit.unit_id is not None
        satu = monitoring.monitoring(s, admin, tahun, "TW2", unit.unit_id)
        with pytest.raises(ValidationError, match="bukan periode"):
            monitoring.monitoring(s, admin, tahun, "B02")
    assert [u.unit_id for u in satu.units] == [unit.unit_id]
    assert (satu.total.pegawai_aktif, satu.total.belum_disetujui) == (
        unit.pegawai_aktif,
        unit.belum_disetujui,
    )
    assert {d.pegawai_id for d in satu.daftar} == {
        d.pegawai_id for d in semua.daftar if d.unit_id == unit.unit_id
    }
