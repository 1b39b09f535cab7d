"""KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT for a pejabat fungsional (PermenPANRB 1/2023)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.platypus import Flowable

from kinerja_desktop.core.documents.build import Bagian, render_pdf
from kinerja_desktop.core.documents.evaluasi_parts import baris_periode, kode_evaluasi, periode_penilaian
from kinerja_desktop.core.documents.identitas import LABEL, nilai_identitas
from kinerja_desktop.core.documents.opening import content_width, pembuka
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.styles import gaya, p
from kinerja_desktop.core.documents.table import kepala, lebar_kolom, nomor_kolom, sel, tabel_garis
from kinerja_desktop.core.documents.tanda_tangan import (
    PENILAI,
    Penanda,
    penanda_mengetahui,
    tanda_tangan,
    ttd_final,
)
from kinerja_desktop.core.model.evaluasi import EvaluasiForm
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.angka_kredit import (
    KOEFISIEN_JENJANG,
    PERSENTASE_PREDIKAT,
    compute_angka_kredit,
)
from kinerja_desktop.core.rules.jabatan import JenjangFungsional
from kinerja_desktop.core.rules.predikat import Predikat

JUDUL = "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT"


def jenjang_dari_label(label: str) -> JenjangFungsional | None:
    """ "Ahli Madya" → AHLI_MADYA; None when unknown or empty."""
    for jenjang in JenjangFungsional:
        if jenjang.label.casefold() == label.strip().casefold():
            return jenjang
    return None


def jenjang_form(form: EvaluasiForm) -> JenjangFungsional | None:
    """The jenjang of the form: by its code, else (older data) by its label."""
    if form.jenjang_kode:
        try:
            return JenjangFungsional(form.jenjang_kode)
        except ValueError:
            pass
    return jenjang_dari_label(form.jenjang_fungsional)


def _angka(nilai: Decimal | None, akhiran: str = "") -> str:
    return f"{format_angka(nilai)}{akhiran}" if nilai is not None else "-"


def tabel_konversi(form: EvaluasiForm, lebar: float) -> Flowable:
    """PREDIKAT | PROSENTASE | KOEFISIEN PER TAHUN | (JUMLAH BULAN) | ANGKA KREDIT YANG DIDAPAT."""
    jenjang = jenjang_form(form)
    predikat = Predikat(form.predikat) if form.predikat else None
    persen = PERSENTASE_PREDIKAT[predikat] if predikat else None
    koefisien = KOEFISIEN_JENJANG[jenjang] if jenjang else None
    bulan = form.bulan_angka_kredit or 12
    ak = form.angka_kredit
    if ak is None and jenjang and predikat:
        ak = compute_angka_kredit(jenjang, predikat, bulan)
    tengah = gaya().sel_tengah
    nilai = [
        p(predikat.label if predikat else "-", tengah),
        p(_angka(persen, " %"), tengah),
        p(_angka(koefisien), tengah),
    ]
    if bulan == 12:
        judul = kepala("PREDIKAT", "PROSENTASE", "KOEFISIEN PER TAHUN", "ANGKA KREDIT YANG DIDAPAT")
        rumus = "(4) = (2) × (3)"
    else:
        judul = kepala(
            "PREDIKAT", "PROSENTASE", "KOEFISIEN PER TAHUN", "JUMLAH BULAN", "ANGKA KREDIT YANG DIDAPAT"
        )
        nilai.append(p(bulan, tengah))
        rumus = "(5) = (2) × (3) × (4) / 12"
    nilai.append(p(_angka(ak), gaya().sel_kepala))
    n = len(judul)
    baris: list[list[Any]] = [judul, nomor_kolom(n), nilai, [sel(f"Keterangan: {rumus}")] + [""] * (n - 1)]
    return tabel_garis(
        baris, lebar_kolom(lebar, [1] * n), kepala_baris=2, perintah=[("SPAN", (0, 3), (-1, 3))]
    )


def tabel_pegawai(form: EvaluasiForm, lebar: float) -> Flowable:
    nilai = nilai_identitas(form.pegawai)
    baris: list[list[Any]] = [
        [p(i, gaya().sel_tengah), sel(label), sel(nilai[i - 1])] for i, label in enumerate(LABEL, 1)
    ]
    baris.append(
        [p(6, gaya().sel_tengah), sel("JENJANG JABATAN FUNGSIONAL"), sel(form.jenjang_fungsional or "-")]
    )
    return tabel_garis(baris, lebar_kolom(lebar, [6, 34, 60]), kepala_baris=0)


def konversi_ak_story(form: EvaluasiForm, opsi: OpsiCetak) -> list[Flowable]:
    lebar = content_width(opsi)
    ttd = ttd_final(opsi, form.final)
    g = gaya()
    return [
        *pembuka(opsi, lebar, [JUDUL, baris_periode(form)], periode_penilaian(form)),
        p("I. PEGAWAI YANG DINILAI", g.isi_tebal),
        tabel_pegawai(form, lebar),
        p("II. HASIL PENILAIAN KINERJA", g.isi_tebal),
        tabel_konversi(form, lebar),
        tanda_tangan(
            None,
            Penanda(PENILAI, form.pejabat_penilai, opsi.prefix_penilai, bertanggal=True, gambar=ttd[1]),
            opsi,
            lebar,
            mengetahui=penanda_mengetahui(form.atasan_penilai, opsi, ttd[2]),
        ),
    ]


def bagian_konversi_ak(form: EvaluasiForm, opsi: OpsiCetak) -> Bagian:
    """One conversion sheet as a part of a PDF: DRAF unless final, with the code when final."""
    return Bagian(konversi_ak_story(form, opsi), draf=not form.final, kode_verifikasi=kode_evaluasi(form))


def konversi_ak_pdf(form: EvaluasiForm, opsi: OpsiCetak) -> bytes:
    """The angka kredit conversion sheet of one evaluation; DRAF unless the evaluation is final."""
    bagian = bagian_konversi_ak(form, opsi)
    return render_pdf(
        [bagian], opsi.kertas, judul=f"Konversi AK {form.periode_label} {form.tahun} - {form.pegawai.nama}"
    )
