"""What every form starts with: letterhead, title lines, and the agency / periode header line."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from kinerja_desktop.core.documents.kop import baris_kepala, judul, kop_surat
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.paper import halaman


def content_width(opsi: OpsiCetak, *, lanskap: bool = False) -> float:
    """Width between the margins of the chosen paper."""
    return halaman(opsi.kertas, lanskap=lanskap).content_width


def pembuka(
    opsi: OpsiCetak, lebar: float, baris_judul: Sequence[str], periode_penilaian: str
) -> list[Flowable]:
    """Kop (when printed), the title lines, and "INSTANSI … PERIODE PENILAIAN: …"."""
    isi: list[Flowable] = []
    if opsi.cetak_kop and opsi.kop is not None:
        isi += kop_surat(opsi.kop, lebar)
    isi += judul(*baris_judul)
    isi.append(baris_kepala(opsi.instansi, f"PERIODE PENILAIAN: {periode_penilaian}", lebar))
    return isi
