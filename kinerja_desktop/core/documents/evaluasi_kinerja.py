"""EVALUASI KINERJA PEGAWAI (per period): plan, realisation, feedback, ratings, predikat, the unit's curve."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from kinerja_desktop.core.documents.build import Bagian, render_pdf
from kinerja_desktop.core.documents.chart import grafik_distribusi
from kinerja_desktop.core.documents.evaluasi_parts import (
    baris_periode,
    kode_evaluasi,
    kotak_nilai,
    periode_penilaian,
    teks_capaian,
    teks_predikat,
    teks_rating,
)
from kinerja_desktop.core.documents.identitas import tabel_identitas
from kinerja_desktop.core.documents.opening import content_width, pembuka
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.rhk_table import BlokRhk, tabel_rhk
from kinerja_desktop.core.documents.skp import (
    BAGI_JA_JF,
    BAGI_JPT,
    label_aspek,
    label_perspektif,
    tabel_perilaku,
)
from kinerja_desktop.core.documents.styles import gaya, p
from kinerja_desktop.core.documents.table import sel, tabel_polos
from kinerja_desktop.core.documents.tanda_tangan import (
    PENILAI,
    Penanda,
    penanda_mengetahui,
    tanda_tangan,
    ttd_final,
)
from kinerja_desktop.core.model.evaluasi import DistribusiUnit, EvaluasiForm, RhkEvaluasi
from kinerja_desktop.core.model.skp import JenisForm, JenisRhk
from kinerja_desktop.core.rules.angka import format_angka

REALISASI = "REALISASI BERDASARKAN BUKTI DUKUNG"
UMPAN_BALIK = "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"
KOLOM_JA_JF = (
    "NO",
    "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
    "RENCANA HASIL KERJA",
    "ASPEK",
    "INDIKATOR KINERJA INDIVIDU",
    "TARGET",
    REALISASI,
    UMPAN_BALIK,
)
KOLOM_JPT = (
    "NO",
    "RENCANA HASIL KERJA",
    "INDIKATOR KINERJA INDIVIDU",
    "TARGET",
    "PERSPEKTIF",
    REALISASI,
    UMPAN_BALIK,
)
#: The smallest POLA DISTRIBUSI chart beside the identities (it grows to their height).
_TINGGI_GRAFIK = 30 * mm


def _blok(nomor: int, rhk: RhkEvaluasi, jpt: bool) -> BlokRhk:
    """The rows of one RHK: RHK cells and the feedback in the first row, one row per indicator."""
    tengah = gaya().sel_tengah
    baris: list[list[Any]] = []
    for i in range(max(1, len(rhk.indikator))):
        ind = rhk.indikator[i] if i < len(rhk.indikator) else None
        iki, target, realisasi = (
            (sel(ind.teks), sel(ind.target), sel(ind.realisasi or "-")) if ind else ("", "", "")
        )
        pertama = i == 0
        umpan = sel(rhk.umpan_balik or "-") if pertama else ""
        if jpt:
            awal = [p(nomor, tengah), sel(rhk.teks)] if pertama else ["", ""]
            perspektif = sel(label_perspektif(rhk.perspektif)) if pertama else ""
            baris.append([*awal, iki, target, perspektif, realisasi, umpan])
        else:
            awal = (
                [p(nomor, tengah), sel(rhk.rhk_atasan_teks or "-"), sel(rhk.teks)]
                if pertama
                else ["", "", ""]
            )
            aspek = sel(label_aspek(ind.aspek)) if ind else ""
            baris.append([*awal, aspek, iki, target, realisasi, umpan])
    if jpt:
        ulang = {0: str(nomor), 1: rhk.teks, 4: label_perspektif(rhk.perspektif)}
        return BlokRhk(baris, (0, 1, 4, 6), ulang)
    return BlokRhk(baris, (0, 1, 2, 7), {0: str(nomor), 1: rhk.rhk_atasan_teks or "-", 2: rhk.teks})


def tabel_hasil_kerja(form: EvaluasiForm, lebar: float) -> Table:
    """HASIL KERJA: A. UTAMA and B. TAMBAHAN, one block per RHK (see ``tabel_rhk``)."""
    jpt = form.jenis_form == JenisForm.JPT
    kolom = KOLOM_JPT if jpt else KOLOM_JA_JF
    bagian = [4, 19, 17, 10, 13, 17, 19] if jpt else [3, 14, 15, 7, 17, 9, 16, 19]
    utama = [r for r in form.hasil_kerja if r.jenis == JenisRhk.UTAMA]
    tambahan = [r for r in form.hasil_kerja if r.jenis != JenisRhk.UTAMA]
    kelompok = [
        (judul, [_blok(nomor, rhk, jpt) for nomor, rhk in enumerate(daftar, 1)])
        for judul, daftar in (("A. UTAMA", utama), ("B. TAMBAHAN", tambahan))
    ]
    rating = ("RATING HASIL KERJA", teks_rating(form.rating_hasil))
    return tabel_rhk(kolom, bagian, lebar, kelompok, penutup=rating)


def _identitas_capaian(form: EvaluasiForm, distribusi: DistribusiUnit | None, lebar: float) -> list[Flowable]:
    """The identity table, CAPAIAN KINERJA ORGANISASI and, when known, the unit's POLA DISTRIBUSI.

    With the curve, the identities take the left and the capaian and curve the right of one band, so
    the HASIL KERJA table has room to begin on the first page.
    """
    capaian = [("CAPAIAN KINERJA ORGANISASI", teks_capaian(form.capaian_organisasi))]
    if distribusi is None:
        identitas = tabel_identitas(form.pegawai, form.pejabat_penilai, lebar)
        return [identitas, kotak_nilai(capaian, lebar * 0.42)]
    kiri, jarak = lebar * 0.61, lebar * 0.02
    kanan = lebar - kiri - jarak
    identitas = tabel_identitas(form.pegawai, form.pejabat_penilai, kiri)
    kotak = kotak_nilai(capaian, kanan, (64, 36))
    dinilai = format_angka(distribusi.dinilai)
    judul = p(f"POLA DISTRIBUSI: {distribusi.unit} ({dinilai} pegawai dinilai)", gaya().sel_kepala)
    sisa = identitas.wrap(kiri, 1e6)[1] - kotak.wrap(kanan, 1e6)[1] - judul.wrap(kanan, 1e6)[1] - 8
    isi_kanan: list[Flowable] = [
        kotak,
        judul,
        grafik_distribusi(distribusi.jumlah, kanan, max(_TINGGI_GRAFIK, sisa)),
    ]
    return [
        tabel_polos(
            [[identitas, "", isi_kanan]],
            [kiri, jarak, kanan],
            perintah=[("BOTTOMPADDING", (0, 0), (-1, -1), 6)],
        )
    ]


def evaluasi_kinerja_story(
    form: EvaluasiForm, opsi: OpsiCetak, distribusi: DistribusiUnit | None
) -> list[Flowable]:
    lebar = content_width(opsi, lanskap=True)
    ttd = ttd_final(opsi, form.final)
    jpt = form.jenis_form == JenisForm.JPT
    judul = [
        "EVALUASI KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        BAGI_JPT if jpt else BAGI_JA_JF,
        baris_periode(form),
    ]
    perilaku, ekor = tabel_perilaku(form.perilaku, lebar, umpan_balik=True)
    nilai_akhir = kotak_nilai(
        [
            ("RATING PERILAKU KERJA", teks_rating(form.rating_perilaku)),
            ("PREDIKAT KINERJA PEGAWAI", teks_predikat(form.predikat)),
        ],
        lebar * 0.46,
    )
    return [
        *pembuka(opsi, lebar, judul, periode_penilaian(form)),
        *_identitas_capaian(form, distribusi, lebar),
        tabel_hasil_kerja(form, lebar),
        perilaku,
        tanda_tangan(
            None,
            Penanda(PENILAI, form.pejabat_penilai, opsi.prefix_penilai, bertanggal=True, gambar=ttd[1]),
            opsi,
            lebar,
            mengetahui=penanda_mengetahui(form.atasan_penilai, opsi, ttd[2]),
            ekor=ekor,
            samping=nilai_akhir,
        ),
    ]


def bagian_evaluasi_kinerja(
    form: EvaluasiForm, opsi: OpsiCetak, distribusi: DistribusiUnit | None = None
) -> Bagian:
    return Bagian(
        evaluasi_kinerja_story(form, opsi, distribusi),
        draf=not form.final,
        kode_verifikasi=kode_evaluasi(form),
    )


def evaluasi_kinerja_pdf(
    form: EvaluasiForm, opsi: OpsiCetak, distribusi: DistribusiUnit | None = None
) -> bytes:
    """The Evaluasi Kinerja Pegawai of one period (landscape), with the unit's curve when given."""
    judul = f"Evaluasi Kinerja {form.periode_label} {form.tahun} - {form.pegawai.nama}"
    return render_pdf(
        [bagian_evaluasi_kinerja(form, opsi, distribusi)], opsi.kertas, lanskap=True, judul=judul
    )
