"""SKP and Lampiran SKP: header, identities, RHK grouped utama/tambahan, perilaku, signatures, long SKPs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import Skp
from kinerja_desktop.core.documents import lampiran_skp_pdf, skp_pdf
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.model.skp import IndikatorInput, JenisForm, RhkInput, SkpDetail
from kinerja_desktop.core.rules.tanggal import format_periode_penilaian
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.skp import read as skp_baca
from kinerja_desktop.core.services.skp import rhk as skp_rhk
from kinerja_desktop.core.workspace import Workspace

BARIS_TANGGAL = "Plaju, 23 November 2026"
F4_PT = (609.4, 935.4)
KEPALA = "INDIKATOR KINERJA INDIVIDU"


def _skp(ws: Workspace, admin: Actor, status: str) -> SkpDetail:
    with ws.read() as s:
        ids = s.scalars(select(Skp.id).where(Skp.status == status).order_by(Skp.id)).all()
        details = [skp_baca.get_skp(s, admin, i) for i in ids]
    return next(d for d in details if d.pejabat_penilai is not None and d.rhk_utama)


@pytest.fixture(scope="module")
def disetujui(ws: Workspace, admin: Actor) -> SkpDetail:
    return _skp(ws, admin, "disetujui")


def test_approved_skp_and_its_lampiran(disetujui: SkpDetail, opsi: OpsiCetak, baca) -> None:
    pdf = baca(skp_pdf(disetujui, opsi))
    assert all(pdf.ukuran(i) == F4_PT for i in range(pdf.jumlah))
    teks = pdf.teks
    for judul in (
        "SASARAN KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN",
    ):
        assert judul in teks
    periode = format_periode_penilaian(disetujui.periode_awal, disetujui.periode_akhir)
    assert f"PERIODE PENILAIAN: {periode}" in teks
    assert disetujui.pejabat_penilai is not None
    for orang in (disetujui.pegawai, disetujui.pejabat_penilai):
        assert orang.nama in teks and f"NIP {orang.nip}" in teks
    assert "A. UTAMA" in teks and "B. TAMBAHAN" in teks and "PERILAKU KERJA" in teks
    for rhk in disetujui.rhk:
        assert rhk.teks in teks
    assert "Berorientasi Pelayanan" in teks and "Kolaboratif" in teks
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in teks
    for judul in ("A. DUKUNGAN SUMBER DAYA", "B. SKEMA PERTANGGUNGJAWABAN", "C. KONSEKUENSI"):
        assert judul in teks
    for daftar in disetujui.lampiran.values():
        for item in daftar:
            assert item.teks in teks
    assert teks.count(BARIS_TANGGAL) == 2  # the SKP page and the Lampiran page
    for i, halaman in enumerate(pdf.halaman, 1):
        assert f"Halaman {i} dari {pdf.jumlah}" in halaman
    assert "DRAF" not in teks and "Kode verifikasi" not in teks


def test_lampiran_alone(disetujui: SkpDetail, opsi: OpsiCetak, baca) -> None:
    pdf = baca(lampiran_skp_pdf(disetujui, opsi))
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in pdf.teks and KEPALA not in pdf.teks


def test_draft_skp_is_marked_on_every_page(ws: Workspace, admin: Actor, opsi: OpsiCetak, baca) -> None:
    with ws.read() as s:
        skp_id = s.scalars(select(Skp.id).where(Skp.status != "disetujui").order_by(Skp.id)).first()
        assert skp_id is not None
        detail = skp_baca.get_skp(s, admin, skp_id)
    pdf = baca(skp_pdf(detail, opsi))
    assert all("DRAF" in halaman for halaman in pdf.halaman)


def test_jpt_form_has_perspektif_and_no_intervened_column(
    disetujui: SkpDetail, opsi: OpsiCetak, baca
) -> None:
    rhk = [replace(r, perspektif="penerima_layanan", penugasan_dari="Menteri") for r in disetujui.rhk_utama]
    jpt = replace(disetujui, jenis_form=JenisForm.JPT.value, rhk_utama=rhk)
    teks = baca(skp_pdf(jpt, opsi, lampiran=False)).teks
    assert "PERSPEKTIF" in teks and "Penerima Layanan" in teks
    assert "(penugasan dari Menteri)" in teks
    assert "DIINTERVENSI" not in teks
    assert "BAGI PEJABAT PIMPINAN TINGGI" in teks


@pytest.fixture
def skp_panjang(ws: Workspace, admin: Actor) -> Iterator[SkpDetail]:
    """A draft SKP grown to 60 RHK (each with three indicators) through the SKP services."""
    with ws.read() as s:
        skp_id = s.scalars(select(Skp.id).where(Skp.status == "draft").order_by(Skp.id)).first()
        assert skp_id is not None
        ada = len(skp_baca.get_skp(s, admin, skp_id).rhk)
    with ws.transaction(admin) as s:
        for i in range(ada + 1, 61):
            rhk_id = skp_rhk.add_rhk(
                s,
                admin,
                skp_id,
                RhkInput(f"Terlaksananya tugas tambahan nomor {i:02d} dari pimpinan", "tambahan"),
            )
            for aspek, teks, target, satuan in (
                ("kuantitas", f"Jumlah laporan tugas nomor {i:02d}", "12", "laporan"),
                ("kualitas", f"Persentase laporan tugas nomor {i:02d} yang diterima tanpa revisi", "90", "%"),
                ("waktu", f"Waktu penyelesaian tugas nomor {i:02d}", "12", "bulan"),
            ):
                skp_rhk.add_indikator(
                    s, admin, rhk_id, IndikatorInput(teks, aspek, Decimal(target), None, satuan)
                )
    with ws.read() as s:
        yield skp_baca.get_skp(s, admin, skp_id)


def test_sixty_rhk_span_pages_with_the_header_repeated(skp_panjang: SkpDetail, opsi: OpsiCetak, baca) -> None:
    assert len(skp_panjang.rhk) == 60
    pdf = baca(skp_pdf(skp_panjang, opsi, lampiran=False))
    assert pdf.jumlah >= 5
    halaman_rhk = [h for h in pdf.halaman if "Kuantitas" in h]
    assert len(halaman_rhk) >= 4
    assert all(KEPALA in h and "RENCANA HASIL KERJA" in h for h in halaman_rhk)
    for rhk in skp_panjang.rhk:
        assert rhk.teks in pdf.teks
    assert "Waktu penyelesaian tugas nomor 60" in pdf.teks
    assert f"Halaman {pdf.jumlah} dari {pdf.jumlah}" in pdf.halaman[-1]
    assert BARIS_TANGGAL in pdf.halaman[-1]
