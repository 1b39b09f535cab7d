"""Dokumen Evaluasi: identities, predikat, catatan, signatures, DRAF, the verification code, the batch."""

from __future__ import annotations

from dataclasses import replace

from kinerja_desktop.core.documents import (
    CetakDibatalkan,
    dokumen_evaluasi_berurutan_pdf,
    dokumen_evaluasi_massal_pdf,
    dokumen_evaluasi_pdf,
)
from kinerja_desktop.core.documents.batch import sort_for_print
from kinerja_desktop.core.documents.evaluasi_parts import kode_evaluasi
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.model.evaluasi import label_capaian, label_predikat

BARIS_TANGGAL = "Plaju, 23 November 2026"
F4_PT = (609.4, 935.4)
A4_PT = (595.3, 841.9)


def test_final_form_prints_identities_predikat_and_its_code(forms, opsi: OpsiCetak, baca) -> None:
    form = next(f for f in forms("TW1", "final") if f.catatan_rekomendasi and f.atasan_penilai)
    pdf = baca(dokumen_evaluasi_pdf(form, opsi))
    assert pdf.ukuran() == F4_PT
    teks = pdf.teks
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in teks
    assert "PERIODE: TRIWULAN I" in teks
    assert f"PERIODE PENILAIAN: 01 JANUARI SD 31 MARET TAHUN {form.tahun}" in teks
    for orang in (form.pegawai, form.pejabat_penilai, form.atasan_penilai):
        assert orang is not None
        assert orang.nama in teks and orang.nip in teks
    assert f"NIP {form.pegawai.nip}" in teks and f"NIP {form.pejabat_penilai.nip}" in teks
    assert "CAPAIAN KINERJA ORGANISASI" in teks and label_capaian(form.capaian_organisasi).upper() in teks
    assert f"PREDIKAT KINERJA PEGAWAI {label_predikat(form.predikat).upper()}" in teks
    assert form.catatan_rekomendasi in teks
    assert teks.count(BARIS_TANGGAL) == 2
    assert "Pegawai yang Dinilai," in teks and "Pejabat Penilai Kinerja," in teks
    assert f"Halaman {pdf.jumlah} dari {pdf.jumlah}" in pdf.halaman[-1]
    kode = kode_evaluasi(form)
    assert kode is not None and len(kode) == 10
    assert f"Kode verifikasi: {kode}" in teks
    assert "DRAF" not in teks


def test_draft_form_has_the_watermark_and_no_code(forms, opsi: OpsiCetak, baca) -> None:
    form = forms("TW2", "draf")[0]
    pdf = baca(dokumen_evaluasi_pdf(form, opsi))
    assert "PERIODE: TRIWULAN II" in pdf.teks
    assert all("DRAF" in halaman for halaman in pdf.halaman)
    assert "Kode verifikasi" not in pdf.teks
    assert kode_evaluasi(form) is None


def test_the_code_follows_the_content_not_the_print_options(forms, opsi: OpsiCetak) -> None:
    form = forms("TW1", "final")[0]
    kode = kode_evaluasi(form)
    assert kode == kode_evaluasi(replace(form, boleh_buka=not form.boleh_buka))
    assert kode != kode_evaluasi(replace(form, catatan_rekomendasi=form.catatan_rekomendasi + "."))
    assert set(kode or "") <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def test_a4_plt_prefix_and_mengetahui(forms, opsi: OpsiCetak, baca) -> None:
    form = next(f for f in forms("TW1", "final") if f.atasan_penilai and f.pejabat_penilai)
    pilihan = replace(
        opsi, kertas="A4", prefix_penilai="Plt.", tampilkan_mengetahui=True, tampilkan_pangkat=True
    )
    pdf = baca(dokumen_evaluasi_pdf(form, pilihan))
    assert pdf.ukuran() == A4_PT
    assert form.pejabat_penilai is not None and form.atasan_penilai is not None
    assert f"Plt. {form.pejabat_penilai.jabatan}" in pdf.teks
    assert "Mengetahui, Atasan Pejabat Penilai Kinerja," in pdf.teks
    assert form.pejabat_penilai.pangkat in pdf.teks


def test_names_outside_latin_1_and_long_catatan_print_whole(forms, opsi: OpsiCetak, baca) -> None:
    form = forms("TW1", "final")[0]
    nama = "Łukasz Çağrı Ñúñez, S.Kom."
    catatan = " ".join(f"Catatan{i:03d} perlu ditindaklanjuti." for i in range(400))
    form = replace(form, pegawai=replace(form.pegawai, nama=nama), catatan_rekomendasi=catatan)
    pdf = baca(dokumen_evaluasi_pdf(form, opsi))
    assert nama in pdf.teks
    assert "Catatan000" in pdf.teks and "Catatan399" in pdf.teks
    assert pdf.jumlah >= 2
    assert all(f"dari {pdf.jumlah}" in h for h in pdf.halaman)


def test_batch_one_pdf_ordered_by_unit_and_name_with_pages_per_form(forms, opsi: OpsiCetak, baca) -> None:
    semua = forms("TW1") + forms("TW2")
    dilaporkan: list[tuple[int, int]] = []

    def kemajuan(selesai: int, jumlah: int) -> bool:
        dilaporkan.append((selesai, jumlah))
        return True

    pdf = baca(dokumen_evaluasi_massal_pdf(list(reversed(semua)), opsi, kemajuan))
    assert dilaporkan == [(i, len(semua)) for i in range(len(semua) + 1)]
    urut = sort_for_print(semua)
    awal = [
        i
        for i, h in enumerate(pdf.halaman)
        if "DOKUMEN EVALUASI KINERJA PEGAWAI" in h and "Halaman 1 dari" in h
    ]
    assert len(awal) == len(semua)
    for i, form in zip(awal, urut, strict=True):
        assert form.pegawai.nip in pdf.halaman[i]
        assert ("DRAF" in pdf.halaman[i]) is (not form.final)
    assert all("Halaman" in h for h in pdf.halaman)


def test_batch_can_be_cancelled(forms, opsi: OpsiCetak) -> None:
    semua = forms("TW1")

    def kemajuan(selesai: int, jumlah: int) -> bool:
        return selesai < 3

    try:
        dokumen_evaluasi_massal_pdf(semua, opsi, kemajuan)
    except CetakDibatalkan as exc:
        assert "dibatalkan" in str(exc)
    else:
        raise AssertionError("the batch was not cancelled")


def test_kop_with_the_office_logo_and_without_a_damaged_one(forms, opsi: OpsiCetak, baca) -> None:
    from kinerja_desktop.core.paths import resources_dir

    form = forms("TW1", "final")[0]
    assert opsi.kop is not None
    logo = (resources_dir() / "icons" / "app.png").read_bytes()
    dengan = baca(dokumen_evaluasi_pdf(form, replace(opsi, kop=replace(opsi.kop, logo=logo))))
    assert len(dengan.reader.pages[0].images) == 1
    rusak = baca(dokumen_evaluasi_pdf(form, replace(opsi, kop=replace(opsi.kop, logo=b"bukan gambar"))))
    assert len(rusak.reader.pages[0].images) == 0
    assert "KECAMATAN PLAJU" in rusak.teks and "PEMERINTAH KOTA PALEMBANG" in rusak.teks
    tanpa_kop = baca(dokumen_evaluasi_pdf(form, replace(opsi, cetak_kop=False)))
    assert "KECAMATAN PLAJU" not in tanpa_kop.teks and "PEMERINTAH KOTA PALEMBANG" in tanpa_kop.teks


def test_ordered_forms_can_come_from_a_generator(forms, opsi: OpsiCetak, baca) -> None:
    semua = sort_for_print(forms("TW1"))
    diambil: list[int] = []

    def satu_per_satu():  # type: ignore[no-untyped-def]
        for i, form in enumerate(semua):
            diambil.append(i)
            yield form

    pdf = baca(dokumen_evaluasi_berurutan_pdf(satu_per_satu(), len(semua), opsi))
    assert diambil == list(range(len(semua)))
    assert sum("Halaman 1 dari" in h for h in pdf.halaman) == len(semua)
