"""The Beranda's to-do lines per role on the demo office, checked against counts made one row at a time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from pendukung_demo import demo_actor
from pendukung_evaluasi import camat
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import Evaluasi, Kantor, Pegawai, Pelatihan, Pengguna, Skp, SyncLog
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.services.pekerjaan import Cadangan, DaftarPekerjaan, Tujuan, daftar_pekerjaan
from kinerja_desktop.core.workspace import Workspace


def _tahun(ws: Workspace) -> int:
    with ws.read() as s:
        tahun = s.scalar(select(func.max(Skp.tahun)))
    assert tahun is not None
    return tahun


def _baca(ws: Workspace, username: str, hari: date, cadangan: Cadangan | None = None) -> DaftarPekerjaan:
    with ws.read() as s:
        return daftar_pekerjaan(s, demo_actor(ws, username), hari, cadangan)


def _jumlah(daftar: DaftarPekerjaan) -> dict[Tujuan, int]:
    return {b.tujuan: b.jumlah for b in daftar.baris}


def _belum_dinilai(s: Session, tahun: int, kode: str, atasan_id: str | None) -> int:
    """Active pegawai (of one superior) with an approved SKP and no evaluation of the period, one by one."""
    n = 0
    for p in s.scalars(
        select(Pegawai).where(Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None))
    ):
        if atasan_id is not None and p.atasan_id != atasan_id:
            continue
        skp = s.scalars(select(Skp).where(Skp.pegawai_id == p.id, Skp.tahun == tahun)).all()
        if not any(v.status == "disetujui" for v in skp):
            continue
        ada = s.scalar(
            select(func.count())
            .select_from(Evaluasi)
            .where(Evaluasi.skp_id.in_([v.id for v in skp]), Evaluasi.periode == kode)
        )
        n += not ada
    return n


def test_penilai_sees_only_their_own_subordinates(ws: Workspace) -> None:
    tahun = _tahun(ws)
    hari = date(tahun, 11, 15)  # Triwulan IV: the demo rated nobody yet
    daftar = _baca(ws, "penilai", hari)
    assert daftar.periode_label == f"Triwulan IV {tahun}"
    kepala = camat(ws)
    with ws.read() as s:
        milik_penilai = _belum_dinilai(s, tahun, "TW4", kepala)
        sekantor = _belum_dinilai(s, tahun, "TW4", None)
    assert 0 < milik_penilai < sekantor
    belum = [b for b in daftar.baris if b.tujuan is Tujuan.BELUM_DINILAI and b.periode == "TW4"]
    assert [(b.teks, b.jumlah, b.periode) for b in belum] == [
        (f"{milik_penilai} bawahan belum dinilai Triwulan IV {tahun}", milik_penilai, "TW4")
    ]

    # Rating one subordinate takes one off; a draft evaluation shows as "belum final".
    with ws.read() as s:
        skp_id = s.scalar(
            select(Skp.id)
            .join(Pegawai, Pegawai.id == Skp.pegawai_id)
            .where(Pegawai.atasan_id == kepala, Skp.status == "disetujui", Skp.tahun == tahun)
            .limit(1)
        )
    admin = demo_actor(ws, "admin")
    with ws.transaction(admin) as s:
        evaluasi.start_evaluasi(s, admin, skp_id, "TW4")
    tw4 = {b.tujuan: b.jumlah for b in _baca(ws, "penilai", hari).baris if b.periode == "TW4"}
    assert tw4[Tujuan.BELUM_DINILAI] == milik_penilai - 1
    assert tw4[Tujuan.BELUM_FINAL] == 1


def test_penilai_sees_the_period_just_ended_and_in_january_last_years_akhir(ws: Workspace) -> None:
    tahun = _tahun(ws)
    kepala = camat(ws)
    with ws.read() as s:
        tw3 = _belum_dinilai(s, tahun, "TW3", kepala)
        tw4 = _belum_dinilai(s, tahun, "TW4", kepala)
        akhir = _belum_dinilai(s, tahun, "AKHIR", kepala)
    assert tw4 > 0 and akhir > 0
    november = {
        b.periode: b.jumlah
        for b in _baca(ws, "penilai", date(tahun, 11, 15)).baris
        if b.tujuan is Tujuan.BELUM_DINILAI
    }
    assert november == ({"TW3": tw3} if tw3 else {}) | {"TW4": tw4}
    januari = _baca(ws, "penilai", date(tahun + 1, 1, 10))
    assert januari.periode_label == f"Triwulan I {tahun + 1}"
    belum = [(b.teks, b.tahun, b.periode) for b in januari.baris if b.tujuan is Tujuan.BELUM_DINILAI]
    assert belum == [
        (f"{tw4} bawahan belum dinilai Triwulan IV {tahun}", tahun, "TW4"),
        (f"{akhir} bawahan belum dinilai Akhir Tahun {tahun}", tahun, "AKHIR"),
    ]


def test_penilai_sees_the_skp_submitted_to_them(ws: Workspace) -> None:
    tahun = _tahun(ws)
    hari = date(tahun, 11, 15)
    kepala = camat(ws)
    assert Tujuan.SKP_DIAJUKAN not in _jumlah(_baca(ws, "penilai", hari))
    with ws.transaction() as s:
        ids = s.scalars(
            select(Skp.id)
            .where(Skp.tahun == tahun, Skp.status == "disetujui", Skp.pegawai_id != kepala)
            .limit(3)
        ).all()
        s.execute(update(Skp).where(Skp.id.in_(ids)).values(status="diajukan", pejabat_penilai_id=kepala))
    daftar = _baca(ws, "penilai", hari)
    diajukan = [b for b in daftar.baris if b.tujuan is Tujuan.SKP_DIAJUKAN]
    assert [(b.teks, b.tahun) for b in diajukan] == [(f"3 SKP {tahun} menunggu persetujuan Anda", tahun)]
    assert Tujuan.SKP_DIAJUKAN not in _jumlah(_baca(ws, "operator", hari))  # approving is not a clerk's work


def test_operator_lines_match_direct_counts(ws: Workspace) -> None:
    tahun = _tahun(ws)
    hari = date(tahun, 11, 15)
    daftar = _baca(ws, "operator", hari)
    with ws.read() as s:
        aktif = s.scalars(
            select(Pegawai).where(Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None))
        ).all()
        draf = sum(
            1
            for p in aktif
            for v in s.scalars(select(Skp).where(Skp.pegawai_id == p.id, Skp.tahun == tahun))
            if v.status == "draft"
        )
        kurang = 0
        for p in aktif:
            jp = s.scalar(
                select(func.coalesce(func.sum(Pelatihan.jp), 0)).where(
                    Pelatihan.pegawai_id == p.id,
                    Pelatihan.tanggal_mulai.between(date(tahun, 1, 1), date(tahun, 12, 31)),
                )
            )
            kurang += p.status_kepegawaian != "pppk" and jp < 20
        disetujui = s.scalar(
            select(func.count(func.distinct(Skp.pegawai_id)))
            .join(Pegawai, Pegawai.id == Skp.pegawai_id)
            .where(Skp.tahun == tahun, Skp.status == "disetujui", Pegawai.status_aktif == "aktif")
        )
    teks = {b.tujuan: b.teks for b in daftar.baris}
    jumlah = _jumlah(daftar)
    # The demo realised Triwulan I–III only: everyone with an approved SKP still has Triwulan IV to fill.
    assert jumlah[Tujuan.TANPA_REALISASI] == disetujui
    assert teks[Tujuan.TANPA_REALISASI] == f"{disetujui} pegawai belum mengisi realisasi Triwulan IV {tahun}"
    assert jumlah.get(Tujuan.SKP_DRAF, 0) == draf
    assert jumlah[Tujuan.KURANG_JP] == kurang > 0
    assert teks[Tujuan.KURANG_JP] == f"{kurang} pegawai kurang dari 20 JP tahun {tahun}"
    assert teks[Tujuan.PAKET] == "Paket data belum pernah dikirim ke kantor pusat"
    assert not {Tujuan.BELUM_DINILAI, Tujuan.CADANGAN, Tujuan.AKUN_TERKUNCI} & set(jumlah)

    # Realisation of Triwulan II was filled by most: the count of that period is smaller.
    mei = _jumlah(_baca(ws, "operator", date(tahun, 5, 10)))
    assert mei.get(Tujuan.TANPA_REALISASI, 0) < disetujui

    # In January the period just ended (last year's Triwulan IV) is the one still open; Akhir Tahun
    # has no realisation of its own.
    januari = [
        (b.teks, b.tahun, b.periode)
        for b in _baca(ws, "operator", date(tahun + 1, 1, 10)).baris
        if b.tujuan is Tujuan.TANPA_REALISASI
    ]
    assert januari[0] == (f"{disetujui} pegawai belum mengisi realisasi Triwulan IV {tahun}", tahun, "TW4")
    assert "AKHIR" not in {periode for _, _, periode in januari}


def test_package_line_only_when_stale(ws: Workspace) -> None:
    tahun = _tahun(ws)
    hari = date(tahun, 11, 15)
    with ws.transaction() as s:
        s.add(
            SyncLog(
                arah="ekspor", jenis_paket="kantor", waktu=datetime(tahun, 10, 6, 3, tzinfo=utcnow().tzinfo)
            )
        )
    teks = {b.tujuan: b.teks for b in _baca(ws, "operator", hari).baris}
    assert teks[Tujuan.PAKET] == "Paket terakhir dikirim 40 hari lalu"
    assert Tujuan.PAKET not in _jumlah(_baca(ws, "operator", date(tahun, 10, 20)))


def test_administrator_also_sees_backups_and_locked_accounts(ws: Workspace) -> None:
    tahun = _tahun(ws)
    hari = date(tahun, 11, 15)
    teks = {b.tujuan: b.teks for b in _baca(ws, "admin", hari, Cadangan(None)).baris}
    assert teks[Tujuan.CADANGAN] == "Basis data ini belum pernah dicadangkan"
    assert Tujuan.TANPA_REALISASI in teks  # and the operator's lines
    lama = Cadangan(datetime(tahun, 11, 6, 16, 30))
    assert {b.tujuan: b.teks for b in _baca(ws, "admin", hari, lama).baris}[Tujuan.CADANGAN] == (
        "Cadangan terakhir 9 hari lalu"
    )
    for cadangan in (Cadangan(datetime(tahun, 11, 14, 8)), Cadangan(None, dipantau=False), None):
        assert Tujuan.CADANGAN not in _jumlah(_baca(ws, "admin", hari, cadangan))

    assert Tujuan.AKUN_TERKUNCI not in _jumlah(_baca(ws, "admin", hari))
    with ws.transaction() as s:
        s.execute(
            update(Pengguna)
            .where(Pengguna.username == "operator")
            .values(terkunci_sampai=utcnow() + timedelta(minutes=10))
        )
    daftar = _baca(ws, "admin", hari)
    assert {b.tujuan: b.teks for b in daftar.baris}[Tujuan.AKUN_TERKUNCI] == (
        "1 akun terkunci karena salah kata sandi"
    )
    assert Tujuan.AKUN_TERKUNCI not in _jumlah(_baca(ws, "operator", hari))


def test_pimpinan_sees_the_units_not_done_yet(ws: Workspace) -> None:
    tahun = _tahun(ws)
    with ws.read() as s:
        aktif = s.scalar(select(func.count()).select_from(Pegawai).where(Pegawai.status_aktif == "aktif"))
    for hari in (date(tahun, 2, 10), date(tahun, 11, 15)):  # Triwulan I was partly finalised, IV not yet
        daftar = _baca(ws, "pimpinan", hari)
        units = [b for b in daftar.baris if b.unit_id is not None]
        assert units and all(
            b.tujuan is Tujuan.UNIT and b.periode == daftar.periode.kode for b in daftar.baris
        )
        assert len(units) <= 8
        for b in units:
            final, pegawai = map(int, re.search(r": final (\d+) dari (\d+) pegawai", b.teks).groups())
            assert final < pegawai and b.jumlah == pegawai - final
        assert sum(b.jumlah for b in units) <= aktif
        if daftar.baris[-1].unit_id is None:  # more units than lines: the rest on the Monitoring page
            assert len(units) == 8
            assert daftar.baris[-1].teks.endswith(
                f"belum selesai {daftar.periode_label}: lihat halaman Monitoring"
            )
    november = _baca(ws, "pimpinan", date(tahun, 11, 15)).baris
    assert all(": final 0 dari" in b.teks for b in november if b.unit_id is not None)


def test_period_follows_the_office_rhythm(ws: Workspace) -> None:
    tahun = _tahun(ws)
    assert _baca(ws, "operator", date(tahun, 5, 10)).periode_label == f"Triwulan II {tahun}"
    with ws.transaction() as s:
        s.execute(update(Kantor).values(ritme="bulanan"))
    daftar = _baca(ws, "operator", date(tahun, 5, 10))
    assert daftar.periode_label == f"Mei {tahun}"
    assert all("Triwulan" not in b.teks for b in daftar.baris)


@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.PENILAI, Peran.PIMPINAN])
def test_a_fresh_office_has_little_to_do(workspace: Workspace, peran: Peran) -> None:
    with workspace.read() as s:
        daftar = daftar_pekerjaan(s, Actor(None, peran.value, peran.label, peran), date(2026, 3, 1))
    if peran is Peran.PENILAI:  # an account not linked to a pegawai is told what to ask for
        assert [b.tujuan for b in daftar.baris] == [Tujuan.AKUN]
    else:  # no pegawai yet: not even a package to send
        assert daftar.baris == []
