"""Identity blocks: the two-sided table of the SKP and the numbered blocks of the Dokumen Evaluasi."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table

from kinerja_desktop.core.documents.styles import gaya, p
from kinerja_desktop.core.documents.table import Perintah, kepala, lebar_kolom, sel, tabel_garis
from kinerja_desktop.core.model.skp import Pejabat

LABEL = ("NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN", "UNIT KERJA")


def nilai_identitas(pejabat: Pejabat | None) -> tuple[str, str, str, str, str]:
    """NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN, UNIT KERJA ("-" for an unknown person)."""
    if pejabat is None:
        return ("-", "-", "-", "-", "-")
    return tuple(
        v or "-" for v in (pejabat.nama, pejabat.nip, pejabat.pangkat, pejabat.jabatan, pejabat.unit)
    )  # type: ignore[return-value]


def tabel_identitas(pegawai: Pejabat | None, penilai: Pejabat | None, lebar: float) -> Table:
    """NO | PEGAWAI YANG DINILAI | NO | PEJABAT PENILAI KINERJA, five numbered lines each."""
    kiri, kanan = nilai_identitas(pegawai), nilai_identitas(penilai)
    baris: list[list[Any]] = [
        [*kepala("NO", "PEGAWAI YANG DINILAI"), "", *kepala("NO", "PEJABAT PENILAI KINERJA"), ""]
    ]
    tengah = gaya().sel_tengah
    for i, label in enumerate(LABEL):
        nomor = p(i + 1, tengah)
        baris.append([nomor, sel(label), sel(kiri[i]), p(i + 1, tengah), sel(label), sel(kanan[i])])
    perintah: list[Perintah] = [("SPAN", (1, 0), (2, 0)), ("SPAN", (4, 0), (5, 0))]
    return tabel_garis(baris, lebar_kolom(lebar, [5, 17, 28, 5, 17, 28]), perintah=perintah)


def baris_bernomor(
    nomor: int, judul: str, pejabat: Pejabat | None, mulai: int
) -> tuple[list[list[Any]], list[Perintah]]:
    """Rows "n | JUDUL" then NAMA … UNIT KERJA for a three-column table, starting at row ``mulai``."""
    g = gaya()
    nilai = nilai_identitas(pejabat)
    baris: list[list[Any]] = [[p(nomor, g.sel_tengah), p(judul, g.sel_tebal), ""]]
    perintah: list[Perintah] = [
        ("SPAN", (1, mulai), (2, mulai)),
    ]
    baris += [["", sel(label), sel(nilai[i])] for i, label in enumerate(LABEL)]
    return baris, perintah
