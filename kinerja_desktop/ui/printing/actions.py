"""Where printing starts: one SKP, one evaluation's forms, a unit's rekap, and a batch for a unit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy.orm import Session

from kinerja_desktop.core.documents import (
    dokumen_evaluasi_pdf,
    evaluasi_kinerja_pdf,
    konversi_ak_pdf,
    skp_pdf,
)
from kinerja_desktop.core.documents.files import save_pdf
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.model.evaluasi import EvaluasiForm
from kinerja_desktop.core.model.skp import SkpDetail
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.services.printing.batch import (
    DaftarCetak,
    JenisCetak,
    Permintaan,
    list_printable,
    opsi_bawaan,
    render_daftar,
)
from kinerja_desktop.core.services.skp import read as skp_baca
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no, show_info
from kinerja_desktop.ui.common.tasks import TaskContext
from kinerja_desktop.ui.printing.preview import PratinjauDialog, Render, Sumber, nama_berkas

#: A batch larger than this is saved straight to a file chosen first instead of previewed (about 7 s of
#: loading and rendering at 44 documents/s; the preview would hold every page again).
BATAS_PRATINJAU = 300


def _open(
    ctx: UiContext, parent: QWidget | None, sumber: Sumber, pdf: bytes | None = None
) -> PratinjauDialog:
    dialog = PratinjauDialog(ctx, sumber, pdf, parent)
    dialog.open()
    return dialog


def pratinjau_skp(ctx: UiContext, parent: QWidget | None, skp_id: str) -> PratinjauDialog | None:
    """The SKP with its lampiran (DRAF until approved)."""

    def read(session: Session, actor: Actor) -> tuple[SkpDetail, OpsiCetak]:
        require(actor, Izin.CETAK)
        return skp_baca.get_skp(session, actor, skp_id), opsi_bawaan(session)

    dibaca = ops.look(parent, read, ctx=ctx)
    if not dibaca:
        return None
    detail, opsi = dibaca.value
    judul = f"SKP {detail.tahun} - {detail.pegawai.nama}"
    return _open(ctx, parent, Sumber(judul, lambda _s, _a, o, _k: skp_pdf(detail, o), opsi))


def _render_evaluasi(session: Session, actor: Actor, jenis: JenisCetak, form: EvaluasiForm) -> Render:
    if jenis is JenisCetak.DOKUMEN_EVALUASI:
        return lambda _s, _a, o, _k: dokumen_evaluasi_pdf(form, o)
    if jenis is JenisCetak.KONVERSI_AK:
        if not form.jenjang_kode:
            raise KnownError(
                f"{form.pegawai.nama} bukan pejabat fungsional, jadi tidak ada konversi angka kredit "
                "untuk dicetak."
            )
        return lambda _s, _a, o, _k: konversi_ak_pdf(form, o)
    distribusi = None
    if form.unit_id:
        distribusi = evaluasi_unit.distribusi_unit(session, actor, form.unit_id, form.tahun, form.periode)
    return lambda _s, _a, o, _k: evaluasi_kinerja_pdf(form, o, distribusi)


def pratinjau_evaluasi(
    ctx: UiContext, parent: QWidget | None, jenis: JenisCetak, skp_id: str, periode: str
) -> PratinjauDialog | None:
    """Evaluasi Kinerja, Dokumen Evaluasi or Konversi AK of one pegawai and period (as stored now)."""

    def read(session: Session, actor: Actor) -> tuple[EvaluasiForm, OpsiCetak, Render]:
        require(actor, Izin.CETAK)
        form = evaluasi_baca.get_evaluasi_form(session, actor, skp_id, periode)
        return form, opsi_bawaan(session), _render_evaluasi(session, actor, jenis, form)

    dibaca = ops.look(parent, read, ctx=ctx)
    if not dibaca:
        return None
    form, opsi, render = dibaca.value
    judul = f"{jenis.label} {form.periode_label} {form.tahun} - {form.pegawai.nama}"
    return _open(ctx, parent, Sumber(judul, render, opsi, boleh_ttd=form.final))


def _render_daftar(daftar: DaftarCetak) -> Render:
    return lambda session, actor, opsi, kemajuan: render_daftar(session, actor, daftar, opsi, kemajuan)


def pratinjau_rekap(
    ctx: UiContext, parent: QWidget | None, unit_id: str, tahun: int, periode: str, *, sub_unit: bool = True
) -> PratinjauDialog | None:
    """The unit's rekap predikat for the period, signed by the head of the unit."""
    permintaan = Permintaan(JenisCetak.REKAP, tahun, periode, unit_id, termasuk_sub_unit=sub_unit)
    dibaca = ops.look(parent, lambda s, a: (list_printable(s, a, permintaan), opsi_bawaan(s)), ctx=ctx)
    if not dibaca:
        return None
    daftar, opsi = dibaca.value
    return _open(ctx, parent, Sumber(daftar.judul, _render_daftar(daftar), opsi))


def _setuju(parent: QWidget | None, daftar: DaftarCetak) -> bool:
    """Ask before a batch that skips someone or keeps to the pegawai a filtered list shows."""
    dilewati = daftar.dilewati
    teks = f"{format_angka(daftar.jumlah)} dokumen {daftar.permintaan.jenis.label} akan dicetak"
    teks += f"; {format_angka(len(dilewati))} pegawai dilewati." if dilewati else "."
    rincian: list[str] = []
    if daftar.permintaan.hanya_pegawai is not None:
        rincian.append("Hanya pegawai yang tampil di daftar (sesuai saringan yang dipilih).")
    if dilewati:
        rincian.append(
            "\n".join(f"{d.nama}: {d.alasan}" for d in dilewati[:12]) + ("\n…" if len(dilewati) > 12 else "")
        )
    return ask_yes_no(parent, teks, "\n\n".join([*rincian, "Lanjutkan?"]), default_yes=True)


def print_batch(
    ctx: UiContext,
    parent: QWidget | None,
    permintaan: Permintaan,
    selesai: Callable[[PratinjauDialog | Path | None], None] | None = None,
) -> TaskContext | None:
    """Every document of ``permintaan`` in one PDF, built in the background with progress and Batal.

    Then the preview opens; a batch over BATAS_PRATINJAU is saved straight to a file chosen first.
    ``selesai`` gets the preview, the saved path, or None (cancelled or failed). Returns the running task.
    """
    lapor = selesai or (lambda _hasil: None)

    def read(session: Session, actor: Actor) -> tuple[DaftarCetak, OpsiCetak]:
        daftar = list_printable(session, actor, permintaan)
        opsi = opsi_bawaan(session)
        if not daftar.butir:
            render_daftar(session, actor, daftar, opsi)  # raises NotFound with the reasons
        return daftar, opsi

    dibaca = ops.look(parent, read, ctx=ctx, failed=lambda _e: lapor(None))
    if not dibaca:
        return None
    daftar, opsi = dibaca.value
    tujuan: Path | None = None
    if daftar.jumlah > BATAS_PRATINJAU:
        nama, _ = QFileDialog.getSaveFileName(
            parent,
            f"Simpan {format_angka(daftar.jumlah)} dokumen ke PDF",
            str(Path.home() / nama_berkas(daftar.judul)),
            "Dokumen PDF (*.pdf)",
        )
        if not nama:
            lapor(None)
            return None
        tujuan = Path(nama if nama.lower().endswith(".pdf") else f"{nama}.pdf")
    elif (daftar.dilewati or permintaan.hanya_pegawai is not None) and not _setuju(parent, daftar):
        lapor(None)
        return None
    render = _render_daftar(daftar)

    def kemajuan(n: int, jumlah: int) -> bool:
        ops.progress(n, jumlah, f"Menyiapkan dokumen {min(n + 1, jumlah)} dari {jumlah}…")
        return True

    def work(session: Session, actor: Actor) -> bytes:
        pdf = render(session, actor, opsi, kemajuan)
        ops.progress(daftar.jumlah, daftar.jumlah, "Menyimpan…")
        if tujuan is not None:
            save_pdf(pdf, tujuan)
        return pdf

    def sukses(pdf: bytes) -> None:
        if tujuan is not None:
            show_info(
                parent,
                f"{format_angka(daftar.jumlah)} dokumen {permintaan.jenis.label} tersimpan.",
                str(tujuan),
            )
            lapor(tujuan)
            return
        ttd = daftar.semua_final and permintaan.jenis not in (JenisCetak.SKP, JenisCetak.REKAP)
        sumber = Sumber(daftar.judul, render, opsi, daftar.jumlah, latar=daftar.jumlah > 1, boleh_ttd=ttd)
        lapor(_open(ctx, parent, sumber, pdf))

    berjalan = ops.look(
        parent,
        work,
        ctx=ctx,
        then=sukses,
        failed=lambda _e: lapor(None),
        cancelled=lambda: lapor(None),
        background=f"Menyiapkan {daftar.judul}…",
    )
    return berjalan.task
