"""EVALUASI KINERJA PEGAWAI (per period): plan, realisation, feedback, ratings, predikat, the unit's curve."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from kinerja_desktop.core.documents.bentuk import lebar_isi, pembuka
from kinerja_desktop.core.documents.evaluasi_umum import (
    baris_periode,
    kode_evaluasi,
    kotak_nilai,
    periode_penilaian,
    teks_capaian,
    teks_predikat,
    teks_rating,
)
from kinerja_desktop.core.documents.gaya import gaya, p
from kinerja_desktop.core.documents.grafik import grafik_distribusi
from kinerja_desktop.core.documents.identitas import tabel_identitas
from kinerja_desktop.core.documents.opsi import OpsiCetak
from kinerja_desktop.core.documents.skp import (
    BAGI_JA_JF,
    BAGI_JPT,
    label_aspek,
    label_perspektif,
    tabel_perilaku,
)
from kinerja_desktop.core.documents.susun import Bagian, render_pdf
from kinerja_desktop.core.documents.tabel import (
    Perintah,
    baris_kelompok,
    gabung_baris,
    jangan_pisah,
    kepala,
    lebar_kolom,
    nomor_kolom,
    rendah,
    sel,
    tabel_garis,
    tabel_polos,
)
from kinerja_desktop.core.documents.tanda_tangan import (
    PENILAI,
    Penanda,
    penanda_mengetahui,
    tanda_tangan,
    ttd_final,
)
from kinerja_desktop.core.services.evaluasi_data import DistribusiUnit, EvaluasiForm, RhkEvaluasi
from kinerja_desktop.core.services.skp_data import JenisForm, JenisRhk

REALISASI = "REALISASI BERDASARKAN BUKTI DUKUNG"
UMPAN_BALIK = "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"
KOLOM_JA_JF = (
    "NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
    "INDIKATOR KINERJA INDIVIDU", "TARGET", REALISASI, UMPAN_BALIK,
)  # fmt: skip
KOLOM_JPT = (
    "NO",
    "RENCANA HASIL KERJA",
    "INDIKATOR KINERJA INDIVIDU",
    "TARGET",
    "PERSPEKTIF",
    REALISASI,
    UMPAN_BALIK,
)


def _baris_rhk(nomor: int, rhk: RhkEvaluasi, jpt: bool) -> tuple[list[list[Any]], tuple[int, ...]]:
    n = max(1, len(rhk.indikator))
    tengah = gaya().sel_tengah
    baris: list[list[Any]] = []
    for i in range(n):
        ind = rhk.indikator[i] if i < len(rhk.indikator) else None
        iki, target, realisasi = (
            (sel(ind.teks), sel(ind.target), sel(ind.realisasi or "-")) if ind else ("", "", "")
        )
        pertama = i == 0
        umpan = sel(rhk.umpan_balik or "-") if pertama else ""
        if jpt:
            awal = [p(nomor, tengah), sel(rhk.teks)] if pertama else ["", ""]
            baris.append(
                [
                    *awal,
                    iki,
                    target,
                    sel(label_perspektif(rhk.perspektif)) if pertama else "",
                    realisasi,
                    umpan,
                ]
            )
        else:
            awal = (
                [p(nomor, tengah), sel(rhk.rhk_atasan_teks or "-"), sel(rhk.teks)]
                if pertama
                else ["", "", ""]
            )
            aspek = sel(label_aspek(ind.aspek)) if ind else ""
            baris.append([*awal, aspek, iki, target, realisasi, umpan])
    return baris, (0, 1, 4, 6) if jpt else (0, 1, 2, 7)


def tabel_hasil_kerja(form: EvaluasiForm, lebar: float) -> Table:
    jpt = form.jenis_form == JenisForm.JPT
    kolom = KOLOM_JPT if jpt else KOLOM_JA_JF
    bagian = [4, 19, 17, 10, 13, 17, 19] if jpt else [3, 14, 15, 7, 17, 9, 16, 19]
    lebar_kol = lebar_kolom(lebar, bagian)
    baris: list[list[Any]] = [kepala(*kolom), nomor_kolom(len(kolom))]
    perintah: list[Perintah] = []
    utama = [r for r in form.hasil_kerja if r.jenis == JenisRhk.UTAMA]
    tambahan = [r for r in form.hasil_kerja if r.jenis != JenisRhk.UTAMA]
    for judul, daftar in (("A. UTAMA", utama), ("B. TAMBAHAN", tambahan)):
        kelompok, pk = baris_kelompok(judul, len(kolom), len(baris))
        baris.append(kelompok)
        perintah += pk
        if not daftar:
            perintah.append(("SPAN", (0, len(baris)), (-1, len(baris))))
            baris.append([p("-", gaya().sel_tengah)] + [""] * (len(kolom) - 1))
        for nomor, rhk in enumerate(daftar, 1):
            b, kolom_gabung = _baris_rhk(nomor, rhk, jpt)
            if nomor == 1 and rendah(b[0], lebar_kol):
                perintah.append(jangan_pisah(len(baris) - 1))
            perintah += gabung_baris(b, kolom_gabung, len(baris), lebar_kol)
            baris += b
    return tabel_garis(baris, lebar_kol, kepala_baris=2, perintah=perintah, judul="HASIL KERJA")


def _capaian(form: EvaluasiForm, distribusi: DistribusiUnit | None, lebar: float) -> Flowable:
    """CAPAIAN KINERJA ORGANISASI on the left and, when known, the unit's POLA DISTRIBUSI on the right."""
    kotak = kotak_nilai([("CAPAIAN KINERJA ORGANISASI", teks_capaian(form.capaian_organisasi))], lebar * 0.42)
    if distribusi is None:
        return kotak
    judul = f"POLA DISTRIBUSI: {distribusi.unit} ({distribusi.dinilai} pegawai dinilai)"
    grafik = grafik_distribusi(distribusi.jumlah, min(lebar * 0.55, 150 * mm), 52 * mm, judul)
    return tabel_polos(
        [[kotak, grafik]], [lebar * 0.45, lebar * 0.55], perintah=[("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    )


def isi_evaluasi_kinerja(
    form: EvaluasiForm, opsi: OpsiCetak, distribusi: DistribusiUnit | None
) -> list[Flowable]:
    lebar = lebar_isi(opsi, lanskap=True)
    ttd = ttd_final(opsi, form.final)
    jpt = form.jenis_form == JenisForm.JPT
    judul = [
        "EVALUASI KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        BAGI_JPT if jpt else BAGI_JA_JF,
        baris_periode(form),
    ]
    perilaku, ekor = tabel_perilaku(form.perilaku, lebar, umpan_balik=True)
    kotak = lebar * 0.6
    return [
        *pembuka(opsi, lebar, judul, periode_penilaian(form)),
        tabel_identitas(form.pegawai, form.pejabat_penilai, lebar),
        _capaian(form, distribusi, lebar),
        tabel_hasil_kerja(form, lebar),
        kotak_nilai([("RATING HASIL KERJA", teks_rating(form.rating_hasil))], kotak),
        perilaku,
        tanda_tangan(
            None,
            Penanda(PENILAI, form.pejabat_penilai, opsi.prefix_penilai, bertanggal=True, gambar=ttd[1]),
            opsi,
            lebar,
            mengetahui=penanda_mengetahui(form.atasan_penilai, opsi, ttd[2]),
            ekor=_ekor(ekor, form, kotak),
        ),
    ]


def _ekor(ekor: Table | None, form: EvaluasiForm, lebar: float) -> Flowable:
    from reportlab.platypus import KeepTogether

    bagian: list[Flowable] = [ekor] if ekor is not None else []
    bagian += [
        Spacer(1, 6),
        kotak_nilai(
            [
                ("RATING PERILAKU KERJA", teks_rating(form.rating_perilaku)),
                ("PREDIKAT KINERJA PEGAWAI", teks_predikat(form.predikat)),
            ],
            lebar,
        ),
    ]
    return KeepTogether(bagian)


def bagian_evaluasi_kinerja(
    form: EvaluasiForm, opsi: OpsiCetak, distribusi: DistribusiUnit | None = None
) -> Bagian:
    return Bagian(
        isi_evaluasi_kinerja(form, opsi, distribusi), draf=not form.final, kode_verifikasi=kode_evaluasi(form)
    )


def evaluasi_kinerja_pdf(
    form: EvaluasiForm, opsi: OpsiCetak, distribusi: DistribusiUnit | None = None
) -> bytes:
    """The Evaluasi Kinerja Pegawai of one period (landscape), with the unit's curve when given."""
    judul = f"Evaluasi Kinerja {form.periode_label} {form.tahun} - {form.pegawai.nama}"
    return render_pdf(
        [bagian_evaluasi_kinerja(form, opsi, distribusi)], opsi.kertas, lanskap=True, judul=judul
    )
