"""What the evaluation forms share: periods, printed labels, the verification code of an evaluation."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from reportlab.platypus import Table

from kinerja_desktop.core.documents.styles import gaya, p
from kinerja_desktop.core.documents.table import lebar_kolom, tabel_garis
from kinerja_desktop.core.documents.verification import kode_verifikasi
from kinerja_desktop.core.model.evaluasi import EvaluasiForm, label_capaian, label_predikat, label_rating
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.tanggal import format_periode_penilaian

#: Fields of the form that depend on who is looking, not on the evaluation itself.
_BUKAN_ISI = (
    "riwayat",
    "boleh_nilai",
    "boleh_isi_diri",
    "boleh_buka",
    "alasan_hanya_lihat",
    "saran_rating_hasil",
)


def periode_penilaian(form: EvaluasiForm) -> str:
    """ "01 JANUARI SD 31 MARET TAHUN 2026": the period of the form within the SKP's own period.

    AKHIR is the SKP's whole period (e.g. 1 Juli – 31 Desember for someone who started in July); a
    triwulan or month is cut to the part the SKP covers.
    """
    p = Periode(form.periode)
    awal, akhir = p.awal(form.tahun), p.akhir(form.tahun)
    if form.skp_periode_awal is not None and form.skp_periode_akhir is not None:
        dalam = max(awal, form.skp_periode_awal), min(akhir, form.skp_periode_akhir)
        if dalam[0] <= dalam[1]:
            awal, akhir = dalam
    return format_periode_penilaian(awal, akhir)


def baris_periode(form: EvaluasiForm) -> str:
    """ "PERIODE: TRIWULAN I", "PERIODE: JANUARI" or "PERIODE: AKHIR"."""
    return f"PERIODE: {Periode(form.periode).label_form}"


def teks_rating(kode: str | None) -> str:
    return label_rating(kode).upper() or "-"


def teks_predikat(kode: str | None) -> str:
    return label_predikat(kode).upper() or "-"


def teks_capaian(kode: str | None) -> str:
    return label_capaian(kode).upper() or "-"


def data_evaluasi(form: EvaluasiForm) -> dict[str, Any]:
    """The evaluation's own content (identities, plan, realisation, feedback, ratings, catatan, AK)."""
    data = asdict(form)
    for kunci in _BUKAN_ISI:
        data.pop(kunci, None)
    return data


def kode_evaluasi(form: EvaluasiForm) -> str | None:
    """The verification code of a final evaluation (the same on every form printed from it), else None.

    It hashes the evaluation's content, not the print options, so a reprint carries the same code and any
    change after reopening gives another.
    """
    return kode_verifikasi(data_evaluasi(form)) if form.final else None


def kotak_nilai(baris: list[tuple[str, str]], lebar: float, bagian: tuple[float, float] = (50, 50)) -> Table:
    """A ruled two-column box: LABEL | VALUE (bold), e.g. "RATING HASIL KERJA | SESUAI EKSPEKTASI"."""
    g = gaya()
    isi: list[list[Any]] = [[p(label, g.sel_tebal), p(nilai, g.sel_tebal)] for label, nilai in baris]
    return tabel_garis(isi, lebar_kolom(lebar, bagian), kepala_baris=0)
