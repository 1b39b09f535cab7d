"""SASARAN KINERJA PEGAWAI (JA/JF and JPT forms) and its LAMPIRAN page."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak, Table

from kinerja_desktop.core.documents.build import Bagian, render_pdf
from kinerja_desktop.core.documents.identitas import tabel_identitas
from kinerja_desktop.core.documents.opening import content_width, pembuka
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.rhk_table import BlokRhk, tabel_rhk
from kinerja_desktop.core.documents.styles import gaya, p, pm, teks
from kinerja_desktop.core.documents.table import (
    Perintah,
    baris_kelompok,
    kepala,
    lebar_kolom,
    sel,
    tabel_garis,
)
from kinerja_desktop.core.documents.tanda_tangan import (
    PEGAWAI,
    PENILAI,
    Penanda,
    penanda_mengetahui,
    tanda_tangan,
)
from kinerja_desktop.core.model.skp import (
    Aspek,
    JenisForm,
    JenisLampiran,
    Pendekatan,
    Perspektif,
    RhkView,
    SkpDetail,
    StatusSkp,
)
from kinerja_desktop.core.rules.tanggal import format_periode_penilaian

BAGI_JA_JF = "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
BAGI_JPT = "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
KOLOM_JA_JF = (
    "NO",
    "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
    "RENCANA HASIL KERJA",
    "ASPEK",
    "INDIKATOR KINERJA INDIVIDU",
    "TARGET",
)
KOLOM_JPT = ("NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF")
JUDUL_PERILAKU = "PERILAKU KERJA"
_STATUS_FINAL = (StatusSkp.DISETUJUI.value, StatusSkp.DIGANTI.value)


def label_aspek(kode: str) -> str:
    try:
        return Aspek(kode).label
    except ValueError:
        return kode


def label_perspektif(kode: str) -> str:
    try:
        return Perspektif(kode).label
    except ValueError:
        return kode


def baris_pendekatan(pendekatan: str) -> str:
    jenis = "KUALITATIF" if pendekatan == Pendekatan.KUALITATIF else "KUANTITATIF"
    return f"PENDEKATAN HASIL KERJA {jenis}"


def teks_rhk(rhk: RhkView) -> str:
    if rhk.penugasan_dari.strip():
        return f"{rhk.teks} (penugasan dari {rhk.penugasan_dari.strip()})"
    return rhk.teks


def _blok(nomor: int, rhk: RhkView, jpt: bool) -> BlokRhk:
    indikator = rhk.indikator or []
    baris: list[list[Any]] = []
    for i in range(max(1, len(indikator))):
        ind = indikator[i] if i < len(indikator) else None
        iki, target = (sel(ind.teks), sel(ind.target)) if ind else ("", "")
        if jpt:
            awal = [p(nomor, gaya().sel_tengah), sel(teks_rhk(rhk))] if i == 0 else ["", ""]
            perspektif = sel(label_perspektif(rhk.perspektif)) if i == 0 else ""
            baris.append([*awal, iki, target, perspektif])
        else:
            aspek = sel(label_aspek(ind.aspek)) if ind else ""
            awal = [p(nomor, gaya().sel_tengah), sel(rhk.rhk_atasan_teks or "-"), sel(teks_rhk(rhk))]
            baris.append([*(awal if i == 0 else ["", "", ""]), aspek, iki, target])
    if jpt:
        ulang = {0: str(nomor), 1: teks_rhk(rhk), 4: label_perspektif(rhk.perspektif)}
        return BlokRhk(baris, (0, 1, 4), ulang)
    return BlokRhk(baris, (0, 1, 2), {0: str(nomor), 1: rhk.rhk_atasan_teks or "-", 2: teks_rhk(rhk)})


def tabel_hasil_kerja(skp: SkpDetail, lebar: float) -> Table:
    """HASIL KERJA: the column heads and numbers (repeated on every page), A. UTAMA and B. TAMBAHAN."""
    jpt = skp.jenis_form == JenisForm.JPT
    kolom = KOLOM_JPT if jpt else KOLOM_JA_JF
    bagian = [5, 33, 33, 13, 16] if jpt else [5, 21, 23, 10, 25, 16]
    kelompok = [
        (judul, [_blok(nomor, rhk, jpt) for nomor, rhk in enumerate(daftar, 1)])
        for judul, daftar in (("A. UTAMA", skp.rhk_utama), ("B. TAMBAHAN", skp.rhk_tambahan))
    ]
    return tabel_rhk(kolom, bagian, lebar, kelompok)


def tabel_perilaku(
    perilaku: list[Any], lebar: float, *, umpan_balik: bool = False
) -> tuple[Table, Table | None]:
    """PERILAKU KERJA: each BerAKHLAK value with its statements, ekspektasi khusus (and umpan balik).

    The last value comes as a table of its own, to be kept on the page of the signatures.
    """
    g = gaya()
    kolom = ["NO", "PERILAKU", "EKSPEKTASI KHUSUS PIMPINAN"]
    bagian = [5, 58, 37]
    if umpan_balik:
        kolom.append("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")
        bagian = [4, 48, 24, 24]
    baris: list[list[Any]] = [kepala(*kolom)]
    for i, nilai in enumerate(perilaku, 1):
        butir = "".join(f"<br/>- {teks(s)}" for s in nilai.pernyataan)
        isi = [
            p(i, g.sel_tengah),
            pm(f"<b>{teks(nilai.nama)}</b>{butir}"),
            sel(nilai.ekspektasi_khusus or "-"),
        ]
        if umpan_balik:
            isi.append(sel(getattr(nilai, "umpan_balik", "") or "-"))
        baris.append(isi)
    lebar_kol = lebar_kolom(lebar, bagian)
    if len(baris) < 3:
        return tabel_garis(baris, lebar_kol, judul=JUDUL_PERILAKU), None
    return (
        tabel_garis(baris[:-1], lebar_kol, ruang_sesudah=0, judul=JUDUL_PERILAKU),
        tabel_garis(baris[-1:], lebar_kol, kepala_baris=0, ruang_sesudah=0),
    )


def _tanda_tangan_skp(skp: SkpDetail, opsi: OpsiCetak, lebar: float, ekor: Table | None = None) -> Flowable:
    return tanda_tangan(
        Penanda(PEGAWAI, skp.pegawai, opsi.prefix_pegawai),
        Penanda(PENILAI, skp.pejabat_penilai, opsi.prefix_penilai, bertanggal=True),
        opsi,
        lebar,
        mengetahui=penanda_mengetahui(skp.atasan_penilai, opsi),
        ekor=ekor,
    )


def _judul(skp: SkpDetail, pertama: str) -> list[str]:
    bagi = BAGI_JPT if skp.jenis_form == JenisForm.JPT else BAGI_JA_JF
    return [pertama, baris_pendekatan(skp.pendekatan), bagi]


def skp_story(skp: SkpDetail, opsi: OpsiCetak) -> list[Flowable]:
    """The SKP page(s): header, identities, HASIL KERJA, PERILAKU KERJA, signatures."""
    lebar = content_width(opsi)
    periode = format_periode_penilaian(skp.periode_awal, skp.periode_akhir)
    perilaku, ekor = tabel_perilaku(skp.perilaku, lebar)
    return [
        *pembuka(opsi, lebar, _judul(skp, "SASARAN KINERJA PEGAWAI"), periode),
        tabel_identitas(skp.pegawai, skp.pejabat_penilai, lebar),
        tabel_hasil_kerja(skp, lebar),
        perilaku,
        _tanda_tangan_skp(skp, opsi, lebar, ekor),
    ]


def lampiran_story(skp: SkpDetail, opsi: OpsiCetak) -> list[Flowable]:
    """LAMPIRAN SASARAN KINERJA PEGAWAI: the three numbered lists, then the same signatures."""
    lebar = content_width(opsi)
    periode = format_periode_penilaian(skp.periode_awal, skp.periode_akhir)
    baris: list[list[Any]] = []
    perintah: list[Perintah] = []
    for huruf, jenis in zip("ABC", JenisLampiran, strict=True):
        kelompok, pk = baris_kelompok(f"{huruf}. {jenis.label.upper()}", 2, len(baris))
        baris.append(kelompok)
        perintah += pk
        daftar = skp.lampiran.get(jenis.value, [])
        if not daftar:
            baris.append([p("-", gaya().sel_tengah), ""])
        baris += [[p(f"{i}.", gaya().sel_tengah), sel(item.teks)] for i, item in enumerate(daftar, 1)]
    tabel = tabel_garis(baris, lebar_kolom(lebar, [6, 94]), kepala_baris=0, perintah=perintah)
    return [
        *pembuka(opsi, lebar, _judul(skp, "LAMPIRAN SASARAN KINERJA PEGAWAI"), periode),
        tabel_identitas(skp.pegawai, skp.pejabat_penilai, lebar),
        tabel,
        _tanda_tangan_skp(skp, opsi, lebar),
    ]


def bagian_skp(skp: SkpDetail, opsi: OpsiCetak, *, lampiran: bool = True) -> Bagian:
    isi = skp_story(skp, opsi)
    if lampiran:
        isi += [PageBreak(), *lampiran_story(skp, opsi)]
    return Bagian(isi, draf=skp.status not in _STATUS_FINAL)


def skp_pdf(skp: SkpDetail, opsi: OpsiCetak, *, lampiran: bool = True) -> bytes:
    """The SKP (and, unless ``lampiran`` is False, its LAMPIRAN page) as PDF bytes; DRAF until approved."""
    judul = f"SKP {skp.tahun} - {skp.pegawai.nama}"
    return render_pdf([bagian_skp(skp, opsi, lampiran=lampiran)], opsi.kertas, judul=judul)


def lampiran_skp_pdf(skp: SkpDetail, opsi: OpsiCetak) -> bytes:
    """Only the LAMPIRAN page of the SKP."""
    bagian = Bagian(lampiran_story(skp, opsi), draf=skp.status not in _STATUS_FINAL)
    return render_pdf([bagian], opsi.kertas, judul=f"Lampiran SKP {skp.tahun} - {skp.pegawai.nama}")
