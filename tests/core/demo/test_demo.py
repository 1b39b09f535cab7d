"""Tests for the demo office generator: structure, validity, cascade, evaluations, accounts, determinism."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.core.db.base import SyncMixin
from kinerja_desktop.core.db.models import (
    AuditLog,
    BuktiDukung,
    CapaianUnit,
    Evaluasi,
    Indikator,
    LampiranSkp,
    Pegawai,
    Pelatihan,
    Realisasi,
    Rhk,
    RiwayatJabatan,
    RiwayatPangkat,
    Skp,
    UnitKerja,
)
from kinerja_desktop.core.demo import DemoResult, generate_demo
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.rules import distribusi
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional
from kinerja_desktop.core.rules.nip import JenisNip, parse_nip
from kinerja_desktop.core.rules.pangkat import GOLONGAN_PNS, GOLONGAN_PPPK, StatusKepegawaian
from kinerja_desktop.core.rules.predikat import Predikat, Rating, compute_predikat
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.workspace import Workspace

SNAPSHOT_KEYS = {"nama", "nip", "pangkat", "golongan", "jabatan", "unit"}


def _demo(folder: Path, **kwargs: object) -> tuple[Workspace, DemoResult]:
    ws = Workspace.open(AppPaths(folder))
    return ws, generate_demo(ws, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, DemoResult]]:
    ws, result = _demo(tmp_path_factory.mktemp("demo"))
    yield ws, result
    ws.close()


@pytest.fixture
def session(demo: tuple[Workspace, DemoResult]) -> Iterator[Session]:
    with demo[0].read() as s:
        yield s


def test_default_demo_counts(demo: tuple[Workspace, DemoResult]) -> None:
    _, result = demo
    assert result.kantor_kode == "PLJ"
    assert result.counts["pegawai"] == 40
    assert result.counts["skp"] == 40
    assert result.counts["unit_kerja"] == 16
    assert result.counts["pengguna"] == 4
    for table in (
        "rhk",
        "indikator",
        "realisasi",
        "evaluasi",
        "umpan_balik_rhk",
        "umpan_balik_perilaku",
        "lampiran_skp",
        "ekspektasi_perilaku",
        "rencana_aksi",
        "bukti_dukung",
        "capaian_organisasi",
        "riwayat_jabatan",
        "riwayat_pangkat",
        "pelatihan",
    ):
        assert result.counts[table] > 0, table
    assert result.counts["ekspektasi_perilaku"] == 7 * 40


def test_database_flagged_demo_and_refuses_second_run(demo: tuple[Workspace, DemoResult]) -> None:
    ws, _ = demo
    with ws.read() as s:
        assert kantor.get_kantor(s).demo
    with pytest.raises(ValidationError, match="masih kosong"):
        generate_demo(ws)


def test_refuses_initialised_office(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="masih kosong"):
        generate_demo(workspace)


def test_rejects_bad_size(tmp_path: Path) -> None:
    ws = Workspace.open(AppPaths(tmp_path))
    try:
        with pytest.raises(ValidationError):
            generate_demo(ws, jumlah_pegawai=4)
        assert not ws.is_initialised()
    finally:
        ws.close()


def test_nips_valid_and_consistent(session: Session) -> None:
    pegawai = session.scalars(select(Pegawai)).all()
    assert len({p.nip for p in pegawai}) == len(pegawai)
    status = Counter(p.status_kepegawaian for p in pegawai)
    assert status["cpns"] >= 2
    assert 0.1 <= status["pppk"] / len(pegawai) <= 0.35
    for p in pegawai:
        info = parse_nip(p.nip)
        assert info.tanggal_lahir == p.tanggal_lahir
        assert info.jenis_kelamin == p.jenis_kelamin
        if p.status_kepegawaian == StatusKepegawaian.PPPK:
            assert info.jenis is JenisNip.PPPK
            assert p.tmt_cpns is None and p.golongan in GOLONGAN_PPPK
        else:
            assert info.jenis is JenisNip.PNS
            assert info.tmt_cpns == p.tmt_cpns
            assert p.golongan in GOLONGAN_PNS
        assert p.nama and p.tempat_lahir and p.status_aktif == "aktif"


def test_positions_and_ranks_plausible(session: Session) -> None:
    for p in session.scalars(select(Pegawai)):
        jenis = JenisJabatan(p.jenis_jabatan)
        assert not jenis.is_jpt
        if jenis.is_fungsional:
            jenjang = JenjangFungsional(p.jenjang_jabatan)
            assert jenjang.jenis is jenis and jenjang.label in p.jabatan
        else:
            assert p.jenjang_jabatan == ""
        if jenis in (JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS):
            assert p.golongan >= "III/a"
    camat = session.scalars(select(Pegawai).where(Pegawai.atasan_id.is_(None))).one()
    assert camat.jabatan == "Camat Plaju"
    assert camat.jenis_jabatan == JenisJabatan.ADMINISTRATOR
    assert camat.golongan.startswith("IV/")


def test_atasan_chain_without_cycles(session: Session) -> None:
    pegawai = {p.id: p for p in session.scalars(select(Pegawai))}
    tanpa_atasan = [p for p in pegawai.values() if p.atasan_id is None]
    assert len(tanpa_atasan) == 1
    for p in pegawai.values():
        seen = {p.id}
        cur = p
        while cur.atasan_id is not None:
            atasan = pegawai[cur.atasan_id]
            assert atasan.kantor_id == p.kantor_id
            assert atasan.id not in seen, "cycle"
            seen.add(atasan.id)
            cur = atasan
        assert cur.id == tanpa_atasan[0].id
        assert len(seen) <= 4


def test_units_have_heads(session: Session) -> None:
    units = session.scalars(select(UnitKerja)).all()
    root = [u for u in units if u.induk_id is None]
    assert len(root) == 1 and root[0].nama == "Kecamatan Plaju"
    names = {u.nama for u in units}
    assert {"Sekretariat Kecamatan", "Seksi Pelayanan Umum", "Kelurahan Plaju Ulu"} <= names
    for u in units:
        assert u.kepala_id is not None
        kepala = session.get(Pegawai, u.kepala_id)
        assert kepala is not None and kepala.unit_kerja_id == u.id
    for p in session.scalars(select(Pegawai).where(Pegawai.atasan_id.is_not(None))):
        atasan = session.get(Pegawai, p.atasan_id)
        assert atasan is not None
        unit = session.get(UnitKerja, p.unit_kerja_id)
        assert unit is not None
        # A head answers to the head of the parent unit; staff to the head of their own unit.
        if unit.kepala_id == p.id:
            induk = session.get(UnitKerja, unit.induk_id)
            assert induk is not None and atasan.id == induk.kepala_id
        else:
            assert atasan.id == unit.kepala_id


def test_every_pegawai_has_history(session: Session) -> None:
    for p in session.scalars(select(Pegawai)):
        rows = session.scalars(select(RiwayatJabatan).where(RiwayatJabatan.pegawai_id == p.id)).all()
        terbuka = [r for r in rows if r.sampai is None]
        assert len(terbuka) == 1 and terbuka[0].jabatan == p.jabatan and terbuka[0].tmt == p.tmt_jabatan
        for r in rows:
            assert r.sampai is None or r.tmt is None or r.tmt <= r.sampai
    no_pangkat = session.scalar(
        select(func.count()).select_from(Pegawai).where(~Pegawai.id.in_(select(RiwayatPangkat.pegawai_id)))
    )
    assert no_pangkat == 0


def test_skp_statuses_and_rejection(session: Session) -> None:
    skps = session.scalars(select(Skp)).all()
    status = Counter(s.status for s in skps)
    assert status["ditolak"] == 1
    assert status["disetujui"] > len(skps) / 2
    assert set(status) <= {"draft", "diajukan", "disetujui", "ditolak"}
    ditolak = next(s for s in skps if s.status == "ditolak")
    assert ditolak.catatan_penolakan
    tahun = date.today().year
    for s in skps:
        assert (s.tahun, s.jenis_form, s.pendekatan) == (tahun, "ja_jf", "kuantitatif")
        assert s.periode_awal == date(tahun, 1, 1) and s.periode_akhir == date(tahun, 12, 31)
        pegawai = session.get(Pegawai, s.pegawai_id)
        assert pegawai is not None and s.pejabat_penilai_id == pegawai.atasan_id


def test_rhk_cascade_points_to_atasan_skp(session: Session) -> None:
    rhk_atasan = aliased(Rhk)
    skp_atasan = aliased(Skp)
    rows = session.execute(
        select(Rhk, Skp, Pegawai, skp_atasan)
        .join(Skp, Skp.id == Rhk.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .outerjoin(rhk_atasan, rhk_atasan.id == Rhk.rhk_atasan_id)
        .outerjoin(skp_atasan, skp_atasan.id == rhk_atasan.skp_id)
    ).all()
    jumlah_utama = Counter[str]()
    for rhk, skp, pegawai, skp_dari_atasan in rows:
        assert rhk.jenis in ("utama", "tambahan")
        if rhk.jenis == "utama":
            jumlah_utama[skp.id] += 1
        if pegawai.atasan_id is None or rhk.jenis == "tambahan":
            assert rhk.rhk_atasan_id is None
            continue
        assert rhk.rhk_atasan_id is not None
        assert skp_dari_atasan.pegawai_id == pegawai.atasan_id
        assert skp_dari_atasan.tahun == skp.tahun
    assert all(2 <= n <= 4 for n in jumlah_utama.values())


def test_indicators_realisasi_and_evidence(session: Session) -> None:
    aspek = Counter(session.scalars(select(Indikator.aspek)))
    assert set(aspek) == {"kuantitas", "kualitas", "waktu"}
    for ind in session.scalars(select(Indikator)):
        assert ind.target_min is not None and ind.target_min > 0
        assert ind.teks and ind.satuan
        assert ind.target_maks is None or ind.target_maks >= ind.target_min
    realisasi = session.scalars(select(Realisasi)).all()
    assert {r.periode for r in realisasi} == {"TW1", "TW2", "TW3"}
    assert all(isinstance(r.nilai, Decimal) and r.nilai >= 0 for r in realisasi)
    indikator_disetujui = session.scalar(
        select(func.count()).select_from(Indikator).join(Rhk).join(Skp).where(Skp.status == "disetujui")
    )
    assert len(realisasi) == 3 * (indikator_disetujui or 0)
    assert {b.jenis for b in session.scalars(select(BuktiDukung))} == {"catatan", "tautan"}
    assert {x.jenis for x in session.scalars(select(LampiranSkp))} == {"sumber_daya", "skema", "konsekuensi"}


def test_evaluations_follow_matrix_and_carry_snapshots(session: Session) -> None:
    evaluasi = session.scalars(select(Evaluasi)).all()
    assert {e.periode for e in evaluasi} == {"TW1", "TW2"}
    predikat = Counter[str]()
    for e in evaluasi:
        assert e.capaian_organisasi in {c.value for c in distribusi.CapaianOrganisasi}
        if e.rating_hasil is None:
            assert e.status == "draf" and e.predikat is None
            continue
        assert e.predikat == compute_predikat(Rating(e.rating_hasil), Rating(e.rating_perilaku or "")).value
        predikat[e.predikat] += 1
        if e.periode == "TW1":
            assert e.status == "final" and e.difinalkan_pada is not None
            for snap in (e.snapshot_pegawai, e.snapshot_penilai, e.snapshot_atasan_penilai):
                assert snap is not None and set(snap) == SNAPSHOT_KEYS and snap["nama"] and snap["nip"]
            skp = session.get(Skp, e.skp_id)
            assert skp is not None
            pegawai = session.get(Pegawai, skp.pegawai_id)
            assert pegawai is not None and e.snapshot_pegawai is not None
            assert e.snapshot_pegawai["nip"] == pegawai.nip
        else:
            assert e.status == "draf" and e.snapshot_pegawai is None
    assert predikat.most_common(1)[0][0] == Predikat.BAIK.value


def test_fungsional_get_angka_kredit(session: Session) -> None:
    rows = session.execute(
        select(Evaluasi, Pegawai)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(Evaluasi.predikat.is_not(None))
    ).all()
    for e, p in rows:
        if JenisJabatan(p.jenis_jabatan).is_fungsional:
            assert e.angka_kredit is not None and e.angka_kredit > 0
        else:
            assert e.angka_kredit is None


def test_capaian_per_unit_and_period(session: Session) -> None:
    rows = session.scalars(select(CapaianUnit)).all()
    units = session.scalar(select(func.count()).select_from(UnitKerja))
    assert len(rows) == 3 * (units or 0)
    assert {r.capaian for r in rows} <= {"baik", "istimewa"}


def test_sync_columns_and_types(session: Session) -> None:
    for model in (Pegawai, Skp, Rhk, Realisasi, Evaluasi, Pelatihan):
        row = session.scalars(select(model).limit(1)).one()
        assert isinstance(row, SyncMixin)
        assert row.kantor_asal == "PLJ" and row.revisi == 1 and row.dihapus_pada is None
        assert isinstance(row.diubah_pada, datetime) and row.diubah_pada.tzinfo is not None
    p = session.scalars(select(Pegawai).limit(1)).one()
    assert isinstance(p.tanggal_lahir, date)


def test_training_hours(session: Session) -> None:
    jp = Counter[str]()
    for pel in session.scalars(select(Pelatihan)):
        assert 2 <= pel.jp <= 40
        jp[pel.pegawai_id] += pel.jp
    pns = session.scalars(select(Pegawai.id).where(Pegawai.status_kepegawaian == "pns")).all()
    assert any(jp[i] < 20 for i in pns)


def test_accounts_log_in(demo: tuple[Workspace, DemoResult]) -> None:
    ws, result = demo
    assert [a[0] for a in result.akun] == ["admin", "operator", "penilai", "pimpinan"]
    for username, password, _label in result.akun:
        actor = ws.login(username, password)
        assert actor.username == username
        if username == "penilai":
            assert actor.pegawai_id is not None


def test_one_audit_summary(session: Session) -> None:
    demo_rows = session.scalars(select(AuditLog).where(AuditLog.aksi == "demo")).all()
    assert len(demo_rows) == 1 and "40 pegawai" in demo_rows[0].keterangan
    assert not session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.tabel == "pegawai"))


def _pegawai_rows(ws: Workspace) -> list[tuple[object, ...]]:
    """Every pegawai column except references to rows that ``kantor.initialise`` made (random ids)."""
    with ws.read() as s:
        cols = [c for c in Pegawai.__table__.c if c.name not in ("kantor_id", "unit_kerja_id")]
        query = select(*cols, UnitKerja.kode).join(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
        return [tuple(r) for r in s.execute(query.order_by(Pegawai.nip)).all()]


def test_same_seed_same_data(tmp_path: Path, demo: tuple[Workspace, DemoResult]) -> None:
    ws, result = _demo(tmp_path / "a")
    try:
        assert _pegawai_rows(ws) == _pegawai_rows(demo[0])
        assert result.counts == demo[1].counts
    finally:
        ws.close()
    ws2, _ = _demo(tmp_path / "b", seed=2)
    try:
        assert _pegawai_rows(ws2) != _pegawai_rows(demo[0])
    finally:
        ws2.close()


def test_progress_reported(tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    ws, result = _demo(tmp_path, jumlah_pegawai=5, progress=lambda d, t, label: calls.append((d, t, label)))
    try:
        assert result.counts["pegawai"] == 5
        assert calls and all(0 <= d <= t for d, t, _ in calls)
        assert calls[-1][0] == calls[-1][1]
    finally:
        ws.close()


@pytest.mark.slow
def test_counts_scale_with_size(tmp_path: Path, demo: tuple[Workspace, DemoResult]) -> None:
    ws, result = _demo(tmp_path, jumlah_pegawai=2000)
    try:
        small, big = demo[1].counts, result.counts
        assert big["pegawai"] == 2000 and big["skp"] == 2000
        assert 40 <= big["unit_kerja"] <= 80
        for table in ("rhk", "indikator", "realisasi", "evaluasi", "pelatihan", "umpan_balik_perilaku"):
            ratio = big[table] / small[table]
            assert 25 <= ratio <= 80, (table, ratio)
        with ws.read() as s:
            per_unit = Counter(s.scalars(select(Pegawai.unit_kerja_id)))
        assert max(per_unit.values()) <= 300
    finally:
        ws.close()
