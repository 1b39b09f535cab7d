"""ReportLab forms: layout helpers and one module per official form, each returning PDF bytes."""

from kinerja_desktop.core.documents.batch import (
    dokumen_evaluasi_berurutan_pdf,
    dokumen_evaluasi_massal_pdf,
    sort_for_print,
)
from kinerja_desktop.core.documents.build import CetakDibatalkan
from kinerja_desktop.core.documents.dokumen_evaluasi import dokumen_evaluasi_pdf
from kinerja_desktop.core.documents.evaluasi_kinerja import evaluasi_kinerja_pdf
from kinerja_desktop.core.documents.evaluasi_parts import kode_evaluasi
from kinerja_desktop.core.documents.konversi_ak import konversi_ak_pdf
from kinerja_desktop.core.documents.options import Kop, OpsiCetak, opsi_kantor
from kinerja_desktop.core.documents.rekap_predikat import rekap_predikat_pdf
from kinerja_desktop.core.documents.skp import lampiran_skp_pdf, skp_pdf

__all__ = [
    "CetakDibatalkan",
    "Kop",
    "OpsiCetak",
    "dokumen_evaluasi_berurutan_pdf",
    "dokumen_evaluasi_massal_pdf",
    "dokumen_evaluasi_pdf",
    "evaluasi_kinerja_pdf",
    "kode_evaluasi",
    "konversi_ak_pdf",
    "lampiran_skp_pdf",
    "opsi_kantor",
    "rekap_predikat_pdf",
    "skp_pdf",
    "sort_for_print",
]
