"""DOKUMEN EVALUASI KINERJA PEGAWAI: the cover sheet of one evaluation (identities, predikat, catatan)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from kinerja_desktop.core.documents.build import Bagian, render_pdf
from kinerja_desktop.core.documents.evaluasi_parts import (
    baris_periode,
    kode_evaluasi,
    periode_penilaian,
    teks_capaian,
    teks_predikat,
)
from kinerja_desktop.core.documents.identitas import baris_bernomor
from kinerja_desktop.core.documents.opening import content_width, pembuka
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.styles import gaya, p
from kinerja_desktop.core.documents.table import Perintah, lebar_kolom, sel, tabel_garis
from kinerja_desktop.core.documents.tanda_tangan import (
    PEGAWAI,
    PENILAI,
    Penanda,
    penanda_mengetahui,
    tanda_tangan,
    ttd_final,
)
from kinerja_desktop.core.model.evaluasi import EvaluasiForm

JUDUL = "DOKUMEN EVALUASI KINERJA PEGAWAI"


def tabel_dokumen(form: EvaluasiForm, lebar: float) -> tuple[Flowable, Flowable]:
    """Blocks 1–3 (identities) and 4 EVALUASI KINERJA; then 5 CATATAN/REKOMENDASI as its own table.

    Block 5 is kept on the page of the signatures, so they never stand alone on a page.
    """
    g = gaya()
    baris: list[list[Any]] = []
    perintah: list[Perintah] = []
    for nomor, judul, pejabat in (
        (1, "PEGAWAI YANG DINILAI", form.pegawai),
        (2, "PEJABAT PENILAI KINERJA", form.pejabat_penilai),
        (3, "ATASAN PEJABAT PENILAI KINERJA", form.atasan_penilai),
    ):
        b, pr = baris_bernomor(nomor, judul, pejabat, len(baris))
        baris += b
        perintah += pr
    awal = len(baris)
    baris += [
        [p(4, g.sel_tengah), p("EVALUASI KINERJA", g.sel_tebal), ""],
        ["", sel("CAPAIAN KINERJA ORGANISASI"), p(teks_capaian(form.capaian_organisasi), g.sel_tebal)],
        ["", sel("PREDIKAT KINERJA PEGAWAI"), p(teks_predikat(form.predikat), g.sel_tebal)],
    ]
    perintah.append(("SPAN", (1, awal), (2, awal)))
    lebar_kol = lebar_kolom(lebar, [6, 34, 60])
    catatan: list[list[Any]] = [
        [p(5, g.sel_tengah), p("CATATAN/REKOMENDASI", g.sel_tebal), ""],
        ["", sel(form.catatan_rekomendasi.strip() or "-"), ""],
    ]
    perintah_catatan: list[Perintah] = [
        ("SPAN", (1, 0), (2, 0)),
        ("SPAN", (1, 1), (2, 1)),
        ("BOTTOMPADDING", (1, 1), (2, 1), 12),
    ]
    return (
        tabel_garis(baris, lebar_kol, kepala_baris=0, perintah=perintah, ruang_sesudah=0),
        tabel_garis(catatan, lebar_kol, kepala_baris=0, perintah=perintah_catatan, ruang_sesudah=0),
    )


def dokumen_evaluasi_story(form: EvaluasiForm, opsi: OpsiCetak) -> list[Flowable]:
    lebar = content_width(opsi)
    identitas, catatan = tabel_dokumen(form, lebar)
    ttd_pegawai, ttd_penilai, ttd_atasan = ttd_final(opsi, form.final)
    return [
        *pembuka(opsi, lebar, [JUDUL, baris_periode(form)], periode_penilaian(form)),
        identitas,
        tanda_tangan(
            Penanda(PEGAWAI, form.pegawai, opsi.prefix_pegawai, bertanggal=True, gambar=ttd_pegawai),
            Penanda(PENILAI, form.pejabat_penilai, opsi.prefix_penilai, bertanggal=True, gambar=ttd_penilai),
            opsi,
            lebar,
            mengetahui=penanda_mengetahui(form.atasan_penilai, opsi, ttd_atasan),
            ekor=catatan,
        ),
    ]


def bagian_dokumen_evaluasi(form: EvaluasiForm, opsi: OpsiCetak) -> Bagian:
    """One Dokumen Evaluasi as a part of a PDF: DRAF unless final, with the code when final."""
    return Bagian(
        dokumen_evaluasi_story(form, opsi), draf=not form.final, kode_verifikasi=kode_evaluasi(form)
    )


def dokumen_evaluasi_pdf(form: EvaluasiForm, opsi: OpsiCetak) -> bytes:
    """The Dokumen Evaluasi Kinerja Pegawai of one evaluation as PDF bytes."""
    judul = f"Dokumen Evaluasi {form.periode_label} {form.tahun} - {form.pegawai.nama}"
    return render_pdf([bagian_dokumen_evaluasi(form, opsi)], opsi.kertas, judul=judul)
