"""Evaluasi Kinerja Pegawai, konversi angka kredit and the unit's rekap predikat."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from sqlalchemy import select

from kinerja_desktop.core.db.models import UnitKerja
from kinerja_desktop.core.documents import evaluasi_kinerja_pdf, konversi_ak_pdf, rekap_predikat_pdf
from kinerja_desktop.core.documents.evaluasi_parts import kode_evaluasi
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.model.evaluasi import label_predikat, label_rating
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.core.services import realisasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.services.skp import read as skp_baca
from kinerja_desktop.core.workspace import Workspace

BARIS_TANGGAL = "Plaju, 23 November 2026"
F4_LANSKAP = (935.4, 609.4)


def _unit_induk(ws: Workspace) -> str:
    with ws.read() as s:
        return s.scalars(select(UnitKerja.id).where(UnitKerja.induk_id.is_(None))).one()


def test_final_evaluation_with_ratings_feedback_and_curve(
    ws: Workspace, admin: Actor, forms, opsi: OpsiCetak, baca
) -> None:
    form = next(f for f in forms("TW1", "final") if f.hasil_kerja and f.pejabat_penilai)
    with ws.read() as s:
        distribusi = evaluasi_unit.distribusi_unit(s, admin, _unit_induk(ws), form.tahun, "TW1")
    pdf = baca(evaluasi_kinerja_pdf(form, opsi, distribusi))
    assert all(pdf.ukuran(i) == F4_LANSKAP for i in range(pdf.jumlah))
    teks = pdf.teks
    assert "EVALUASI KINERJA PEGAWAI" in teks and "PERIODE: TRIWULAN I" in teks
    assert "REALISASI BERDASARKAN BUKTI DUKUNG" in teks
    assert "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG" in teks
    assert form.pegawai.nama in teks and form.pegawai.nip in teks
    assert f"RATING HASIL KERJA {label_rating(form.rating_hasil).upper()}" in teks
    assert f"RATING PERILAKU KERJA {label_rating(form.rating_perilaku).upper()}" in teks
    assert f"PREDIKAT KINERJA PEGAWAI {label_predikat(form.predikat).upper()}" in teks
    for rhk in form.hasil_kerja:
        assert rhk.teks in teks
        if rhk.umpan_balik:
            assert rhk.umpan_balik in teks
    assert "Frekuensi Pegawai" in teks and "POLA DISTRIBUSI" in teks
    assert "Sangat Kurang" in teks and "Sangat Baik" in teks
    assert BARIS_TANGGAL in pdf.halaman[-1]
    assert f"Kode verifikasi: {kode_evaluasi(form)}" in teks
    assert "DRAF" not in teks


def test_akhir_evaluation_not_started_is_a_draft(
    ws: Workspace, admin: Actor, forms, opsi: OpsiCetak, baca
) -> None:
    skp_id = forms("TW1", "final")[0].skp_id
    with ws.read() as s:
        form = evaluasi_baca.get_evaluasi_form(s, admin, skp_id, "AKHIR")
    pdf = baca(evaluasi_kinerja_pdf(form, opsi))
    assert "PERIODE: AKHIR" in pdf.teks
    assert f"01 JANUARI SD 31 DESEMBER TAHUN {form.tahun}" in pdf.teks
    assert all("DRAF" in h for h in pdf.halaman)
    assert "Frekuensi Pegawai" not in pdf.teks


def test_konversi_angka_kredit(forms, opsi: OpsiCetak, baca) -> None:
    form = next(f for f in forms("TW1", "final") if f.angka_kredit is not None)
    teks = baca(konversi_ak_pdf(form, opsi)).teks
    assert "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT" in teks
    assert "PROSENTASE" in teks and "KOEFISIEN PER TAHUN" in teks and "ANGKA KREDIT YANG DIDAPAT" in teks
    assert form.jenjang_fungsional in teks and form.pegawai.nip in teks
    assert form.angka_kredit is not None and format_angka(form.angka_kredit) in teks
    assert label_predikat(form.predikat) in teks
    tahunan = replace(
        form, bulan_angka_kredit=12, angka_kredit=Decimal("37.5"), jenjang_fungsional="Ahli Madya"
    )
    teks = baca(konversi_ak_pdf(tahunan, opsi)).teks
    assert "(4) = (2) × (3)" in teks and "37,5" in teks and "JUMLAH BULAN" not in teks


def test_rekap_predikat_of_the_office(ws: Workspace, admin: Actor, opsi: OpsiCetak, baca) -> None:
    unit = _unit_induk(ws)
    with ws.read() as s:
        baris = evaluasi_unit.grid_unit(s, admin, unit, 2026, "TW1")
        distribusi = evaluasi_unit.distribusi_unit(s, admin, unit, 2026, "TW1")
    kepala = next(b for b in baris if b.kepala_unit)
    from kinerja_desktop.core.model.skp import Pejabat

    penanda = Pejabat(kepala.pegawai_id, kepala.nama, kepala.nip, "", kepala.jabatan, kepala.unit)
    pdf = baca(rekap_predikat_pdf(baris, distribusi, opsi, penanda))
    teks = pdf.teks
    assert "REKAPITULASI PREDIKAT KINERJA PEGAWAI" in teks and "PERIODE: TRIWULAN I" in teks
    for b in baris:
        assert b.nama in teks and b.nip in teks
    assert "Frekuensi Pegawai" in teks
    assert f"Jumlah dinilai {distribusi.dinilai}" in teks
    assert BARIS_TANGGAL in pdf.halaman[-1] and f"{kepala.jabatan}," in pdf.halaman[-1]
    assert f"Halaman {pdf.jumlah} dari {pdf.jumlah}" in pdf.halaman[-1]


def test_numbers_print_the_indonesian_way(ws: Workspace, admin: Actor, forms, opsi: OpsiCetak, baca) -> None:
    """A realisation typed as "1.500,5" prints as typed; counts of a big office group thousands."""
    skp_id = forms("TW1", "final")[0].skp_id
    with ws.read() as s:
        rhk = skp_baca.get_skp(s, admin, skp_id).rhk_utama[0]
    indikator = next(i for i in rhk.indikator if i.target_min is not None)
    with ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator.id, "TW3", "1.500,5")
    with ws.read() as s:
        form = evaluasi_baca.get_evaluasi_form(s, admin, skp_id, "TW3")
    baris = next(i for r in form.hasil_kerja for i in r.indikator if i.teks == indikator.teks)
    assert baris.realisasi == f"1.500,5 {indikator.satuan}".strip()
    assert baris.target == indikator.target
    assert baris.realisasi in baca(evaluasi_kinerja_pdf(form, opsi)).teks

    unit = _unit_induk(ws)
    with ws.read() as s:
        pegawai = evaluasi_unit.grid_unit(s, admin, unit, 2026, "TW1")
        distribusi = evaluasi_unit.distribusi_unit(s, admin, unit, 2026, "TW1")
    jumlah = {p: 0 for p in Predikat} | {Predikat.BAIK: 1500, Predikat.SANGAT_BAIK: 250}
    besar = replace(
        distribusi,
        jumlah=jumlah,
        persen={p: n * 100 / 1750 for p, n in jumlah.items()},
        belum_dinilai=1200,
    )
    teks = baca(rekap_predikat_pdf(pegawai, besar, opsi)).teks
    assert "Jumlah dinilai 1.750" in teks and "Belum dinilai 1.200" in teks
    assert "1.500 85,7 %" in teks and "250 14,3 %" in teks
    assert teks.count("1.500") >= 2 and "1.600" in teks  # the chart: a bar's count and the axis


def test_jpt_evaluation_columns(forms, opsi: OpsiCetak, baca) -> None:
    form = next(f for f in forms("TW1", "final") if f.hasil_kerja)
    hasil = [replace(r, perspektif="proses_bisnis") for r in form.hasil_kerja]
    teks = baca(evaluasi_kinerja_pdf(replace(form, jenis_form="jpt", hasil_kerja=hasil), opsi)).teks
    assert "BAGI PEJABAT PIMPINAN TINGGI" in teks and "PERSPEKTIF" in teks and "Proses Bisnis" in teks
    assert "DIINTERVENSI" not in teks and "REALISASI BERDASARKAN BUKTI DUKUNG" in teks


def test_the_keterangan_prints_beside_the_number(
    ws: Workspace, admin: Actor, forms, opsi: OpsiCetak, baca
) -> None:
    """What people write beside the figure is in the form's REALISASI cell, after the number."""
    skp_id = forms("TW1", "final")[0].skp_id
    with ws.read() as s:
        rhk = skp_baca.get_skp(s, admin, skp_id).rhk_utama[0]
    indikator = next(i for i in rhk.indikator if i.target_min is not None)
    with ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, indikator.id, "TW3", "3", "SK dan notulen")
    with ws.read() as s:
        form = evaluasi_baca.get_evaluasi_form(s, admin, skp_id, "TW3")
    baris = next(i for r in form.hasil_kerja for i in r.indikator if i.teks == indikator.teks)
    assert baris.realisasi == f"{f'3 {indikator.satuan}'.strip()} (SK dan notulen)"
    teks = " ".join(baca(evaluasi_kinerja_pdf(form, opsi)).teks.split())
    assert "(SK dan notulen)" in teks
