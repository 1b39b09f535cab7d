"""REKAPITULASI PREDIKAT KINERJA PEGAWAI of a unit and period: the list, the counts, the chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.core.documents.build import Bagian, render_pdf
from kinerja_desktop.core.documents.chart import URUTAN_SUMBU_X, grafik_distribusi
from kinerja_desktop.core.documents.evaluasi_parts import teks_capaian
from kinerja_desktop.core.documents.opening import content_width, pembuka
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.styles import gaya, p
from kinerja_desktop.core.documents.table import (
    kepala,
    lebar_kolom,
    nomor_kolom,
    sel,
    tabel_garis,
    tabel_polos,
)
from kinerja_desktop.core.documents.tanda_tangan import Penanda, blok
from kinerja_desktop.core.model.evaluasi import (
    BarisEvaluasi,
    DistribusiUnit,
    StatusEvaluasi,
    label_predikat,
    label_rating,
)
from kinerja_desktop.core.model.skp import Pejabat
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.tanggal import format_periode_penilaian

JUDUL = "REKAPITULASI PREDIKAT KINERJA PEGAWAI"


def _tabel_pegawai(baris: Sequence[BarisEvaluasi], lebar: float) -> Flowable:
    kolom = (
        "NO",
        "NAMA / NIP",
        "JABATAN",
        "UNIT KERJA",
        "RATING HASIL KERJA",
        "RATING PERILAKU KERJA",
        "PREDIKAT KINERJA",
        "STATUS",
    )
    isi: list[list[Any]] = [kepala(*kolom), nomor_kolom(len(kolom))]
    tengah = gaya().sel_tengah
    for i, b in enumerate(baris, 1):
        isi.append(
            [
                p(i, tengah),
                sel(f"{b.nama}\nNIP {b.nip}"),
                sel(b.jabatan),
                sel(b.unit),
                sel(label_rating(b.rating_hasil) or "-"),
                sel(label_rating(b.rating_perilaku) or "-"),
                sel(label_predikat(b.predikat) or "-"),
                sel(b.status.label),
            ]
        )
    if not baris:
        isi.append([p("Tidak ada pegawai pada unit ini.", tengah)] + [""] * (len(kolom) - 1))
    perintah = [("SPAN", (0, 2), (-1, 2))] if not baris else []
    return tabel_garis(
        isi, lebar_kolom(lebar, [4, 22, 18, 16, 11, 11, 11, 8]), kepala_baris=2, perintah=perintah
    )


def _tabel_jumlah(distribusi: DistribusiUnit, lebar: float) -> Flowable:
    isi: list[list[Any]] = [kepala("PREDIKAT KINERJA PEGAWAI", "JUMLAH", "PERSENTASE")]
    tengah = gaya().sel_tengah
    for predikat in reversed(URUTAN_SUMBU_X):
        persen = f"{format_angka(distribusi.persen.get(predikat, 0.0), desimal=1)} %"
        jumlah = format_angka(distribusi.jumlah.get(predikat, 0))
        isi.append([sel(predikat.label), p(jumlah, tengah), p(persen, tengah)])
    isi.append([p("Jumlah dinilai", gaya().sel_tebal), p(format_angka(distribusi.dinilai), tengah), ""])
    isi.append([sel("Belum dinilai"), p(format_angka(distribusi.belum_dinilai), tengah), ""])
    return tabel_garis(isi, lebar_kolom(lebar, [50, 20, 30]))


def rekap_story(
    baris: Sequence[BarisEvaluasi], distribusi: DistribusiUnit, opsi: OpsiCetak, penandatangan: Pejabat | None
) -> list[Flowable]:
    lebar = content_width(opsi, lanskap=True)
    g = gaya()
    periode = Periode(distribusi.periode)
    rentang = format_periode_penilaian(periode.awal(distribusi.tahun), periode.akhir(distribusi.tahun))
    isi: list[Flowable] = [
        *pembuka(opsi, lebar, [JUDUL, f"PERIODE: {periode.label_form}"], rentang),
        p(f"UNIT KERJA: {distribusi.unit}", g.isi_tebal),
        p(f"CAPAIAN KINERJA ORGANISASI: {teks_capaian(distribusi.capaian)}", g.isi_tebal),
        Spacer(1, 2 * mm),
        _tabel_pegawai(baris, lebar),
    ]
    if penandatangan is None:
        return [*isi, _ringkasan(distribusi, [lebar * 0.45, lebar * 0.55], None)]
    # The signature beside the counts and the chart: one band that moves to a new page whole, so it
    # never stands alone, and a small unit's rekap fits on one page.
    peran = penandatangan.jabatan or "Pimpinan Unit Kerja"
    ttd = blok(Penanda(peran, penandatangan, bertanggal=True), opsi, baris_tanggal=True)
    return [*isi, _ringkasan(distribusi, [lebar * 0.33, lebar * 0.4, lebar * 0.27], ttd)]


def _ringkasan(distribusi: DistribusiUnit, lebar: list[float], ttd: list[Flowable] | None) -> Flowable:
    """The counts per predikat (with the notes on the distribution), the chart and the signature."""
    g = gaya()
    kiri: list[Flowable] = [_tabel_jumlah(distribusi, lebar[0] * 0.85)]
    if distribusi.temuan:
        kiri.append(p("Catatan pola distribusi:", g.isi_tebal))
        kiri += [p(f"- {t.pesan}", g.isi) for t in distribusi.temuan]
    judul = "DISTRIBUSI PREDIKAT KINERJA PEGAWAI"
    grafik = grafik_distribusi(distribusi.jumlah, lebar[1], (60 if ttd is None else 52) * mm, judul)
    baris: list[Any] = [kiri, grafik] if ttd is None else [kiri, grafik, [Spacer(1, 6 * mm), *ttd]]
    return tabel_polos([baris], lebar)


def rekap_predikat_pdf(
    baris: Sequence[BarisEvaluasi],
    distribusi: DistribusiUnit,
    opsi: OpsiCetak,
    penandatangan: Pejabat | None = None,
) -> bytes:
    """The unit's pegawai with their predikat, the counts and the chart; DRAF while any is not final."""
    draf = any(b.status is not StatusEvaluasi.FINAL for b in baris)
    bagian = Bagian(rekap_story(baris, distribusi, opsi, penandatangan), draf=draf)
    judul = f"Rekap predikat {distribusi.unit} {Periode(distribusi.periode).label} {distribusi.tahun}"
    return render_pdf([bagian], opsi.kertas, lanskap=True, judul=judul)
