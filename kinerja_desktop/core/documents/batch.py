"""Many Dokumen Evaluasi in one PDF: one build, a page break between forms, progress and cancel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from kinerja_desktop.core.documents.build import Bagian, Kemajuan, render_pdf
from kinerja_desktop.core.documents.dokumen_evaluasi import bagian_dokumen_evaluasi
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.model.evaluasi import EvaluasiForm
from kinerja_desktop.core.rules.periode import Periode


def _kunci(form: EvaluasiForm) -> tuple[str, str, str, int, int]:
    p = form.pegawai
    return (p.unit.casefold(), p.nama.casefold(), p.nip, form.tahun, Periode(form.periode).urutan)


def sort_for_print(forms: Sequence[EvaluasiForm]) -> list[EvaluasiForm]:
    """By unit, then name, then NIP (case-insensitive), then year and period."""
    return sorted(forms, key=_kunci)


def dokumen_evaluasi_massal_pdf(
    forms: Sequence[EvaluasiForm], opsi: OpsiCetak, kemajuan: Kemajuan | None = None
) -> bytes:
    """Every form's Dokumen Evaluasi, ordered by unit and name, each numbered "Halaman x dari y" on its own.

    ``kemajuan(selesai, jumlah)`` is called before each form and at the end; returning False stops the
    build with CetakDibatalkan. Forms are laid out one at a time, so memory stays flat.
    """
    urut = sort_for_print(forms)
    return dokumen_evaluasi_berurutan_pdf(urut, len(urut), opsi, kemajuan)


def dokumen_evaluasi_berurutan_pdf(
    forms: Iterable[EvaluasiForm], jumlah: int, opsi: OpsiCetak, kemajuan: Kemajuan | None = None
) -> bytes:
    """Like ``dokumen_evaluasi_massal_pdf`` for forms already in order, taken one at a time.

    ``forms`` may be a generator that loads each form only when it is printed (ids sorted beforehand),
    so loading and layout share one progress bar and the forms never sit in memory together.
    """

    def bagian() -> Iterator[Bagian]:
        for form in forms:
            yield bagian_dokumen_evaluasi(form, opsi)

    return render_pdf(
        bagian(), opsi.kertas, judul="Dokumen Evaluasi Kinerja Pegawai", jumlah=jumlah, kemajuan=kemajuan
    )
