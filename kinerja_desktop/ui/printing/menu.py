"""The "Cetak" buttons other screens add: a menu of the evaluation forms, and the SKP."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, EvaluasiForm
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.core.services.printing.batch import JenisCetak, Permintaan
from kinerja_desktop.core.services.printing.lookup import pejabat_fungsional
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_error
from kinerja_desktop.ui.printing.actions import (
    pratinjau_evaluasi,
    pratinjau_rekap,
    pratinjau_skp,
    print_batch,
)

#: Why Konversi AK is greyed out for a pegawai without a jenjang fungsional.
TANPA_JENJANG = "Hanya untuk pejabat fungsional"


@dataclass(frozen=True)
class Pilihan:
    """What the screen has in view: one pegawai's approved SKP (if any), the unit, year and period.

    ``fungsional``: whether that pegawai has a jenjang fungsional (None: not known, read when asked).
    ``tampil``: the pegawai a filtered list shows, which a batch then keeps to (None: the whole unit).
    """

    skp_id: str | None
    periode: str
    tahun: int
    unit_id: str | None = None
    sub_unit: bool = True
    belum_disimpan: bool = False
    pegawai_id: str | None = None
    fungsional: bool | None = None
    tampil: frozenset[str] | None = None


def pilihan_form(form: EvaluasiForm | None, belum_disimpan: bool) -> Pilihan | None:
    """The evaluation form's pegawai and period (``belum_disimpan``: what is typed is not stored yet)."""
    if form is None:
        return None
    return Pilihan(
        form.skp_id,
        form.periode,
        form.tahun,
        form.unit_id,
        belum_disimpan=belum_disimpan,
        fungsional=bool(form.jenjang_kode),
    )


def pilihan_grid(
    baris: BarisEvaluasi | None, pilihan: Any, tampil: list[BarisEvaluasi] | None = None
) -> Pilihan:
    """The Penilaian page's current row and its unit / year / period / sub-unit choice.

    ``tampil``: the rows listed when the list is filtered (only the account's staff, only not final).
    """
    skp_id, pegawai_id = (baris.skp_id, baris.pegawai_id) if baris is not None else (None, None)
    ids = frozenset(r.pegawai_id for r in tampil) if tampil is not None else None
    return Pilihan(
        skp_id,
        pilihan.kode,
        pilihan.tahun,
        pilihan.unit_id,
        pilihan.sub_unit,
        pegawai_id=pegawai_id,
        tampil=ids,
    )


def tombol_skp(
    ctx: UiContext,
    parent: QWidget,
    skp_id: Callable[[], str | None],
    ready: Callable[[], bool] | None = None,
) -> QPushButton:
    """ "Cetak SKP…": the SKP ``skp_id()`` names, with its lampiran, in the preview. ``ready()`` is
    asked first (e.g. about unsaved input); False prints nothing."""

    def klik() -> None:
        if ready is not None and not ready():
            return
        sid = skp_id()
        if sid is None:
            show_error(parent, "Pilih dulu pegawai yang sudah punya SKP.")
            return
        pratinjau_skp(ctx, parent, sid)

    tombol: QPushButton = QPushButton("Cetak SKP…", clicked=klik)
    tombol.setToolTip("Pratinjau, cetak ke printer, atau simpan SKP dan lampirannya sebagai PDF")
    tombol.setEnabled(ctx.actor.can(Izin.CETAK))
    return tombol


def _satu(ctx: UiContext, parent: QWidget, pilih: Callable[[], Pilihan | None], jenis: JenisCetak) -> None:
    p = pilih()
    if p is None or p.skp_id is None:
        show_error(parent, "Pilih dulu pegawai yang SKP-nya sudah disetujui.")
        return
    if p.belum_disimpan:
        pesan = "Isian evaluasi belum disimpan. Simpan dulu (Ctrl+S) agar yang dicetak sama dengan layar."
        show_error(parent, pesan)
        return
    pratinjau_evaluasi(ctx, parent, jenis, p.skp_id, p.periode)


def _unit(ctx: UiContext, parent: QWidget, pilih: Callable[[], Pilihan | None], massal: bool) -> None:
    p = pilih()
    if p is None or p.unit_id is None:
        show_error(parent, "Pilih dulu unit kerjanya.")
        return
    if massal:
        permintaan = Permintaan(
            JenisCetak.DOKUMEN_EVALUASI,
            p.tahun,
            p.periode,
            p.unit_id,
            termasuk_sub_unit=p.sub_unit,
            hanya_pegawai=p.tampil,
        )
        print_batch(ctx, parent, permintaan)
    else:
        pratinjau_rekap(ctx, parent, p.unit_id, p.tahun, p.periode, sub_unit=p.sub_unit)


def _konversi_ak(ctx: UiContext, parent: QWidget, aksi: QAction, p: Pilihan | None) -> None:
    """Offer Konversi AK only for a pejabat fungsional (read when the menu opens, not per row)."""
    fungsional = True if p is None else p.fungsional
    if fungsional is None:
        fungsional = True
        if p is not None and (pegawai_id := p.pegawai_id) is not None:
            dibaca = ops.look(
                parent,
                lambda s, a: pejabat_fungsional(s, a, pegawai_id),
                ctx=ctx,
                message=ops.note(
                    lambda _text: None
                ),  # unsaid: chosen anyway, the preview tells what is wrong
            )
            fungsional = dibaca.value if dibaca else True
    aksi.setEnabled(fungsional)
    aksi.setToolTip("" if fungsional else TANPA_JENJANG)


def tombol_evaluasi(
    ctx: UiContext, parent: QWidget, pilih: Callable[[], Pilihan | None], *, unit: bool = True
) -> QPushButton:
    """ "Cetak ▾": Evaluasi Kinerja, Dokumen Evaluasi, Konversi AK of the pegawai in view; with ``unit``
    also the unit's rekap predikat and every Dokumen Evaluasi of the unit in one PDF.
    """
    menu = QMenu(parent)
    menu.setToolTipsVisible(True)
    aksi: dict[JenisCetak, QAction] = {}

    def cetak(jenis: JenisCetak) -> Callable[[], None]:
        return lambda: _satu(ctx, parent, pilih, jenis)

    for jenis, teks in (
        (JenisCetak.EVALUASI, "Evaluasi Kinerja…"),
        (JenisCetak.DOKUMEN_EVALUASI, "Dokumen Evaluasi…"),
        (JenisCetak.KONVERSI_AK, "Konversi Angka Kredit (jabatan fungsional)…"),
    ):
        aksi[jenis] = menu.addAction(teks, cetak(jenis))
    menu.aboutToShow.connect(lambda: _konversi_ak(ctx, parent, aksi[JenisCetak.KONVERSI_AK], pilih()))
    if unit:
        menu.addSeparator()
        menu.addAction("Rekap predikat unit…", lambda: _unit(ctx, parent, pilih, massal=False))
        menu.addAction(
            "Cetak semua Dokumen Evaluasi unit ini…", lambda: _unit(ctx, parent, pilih, massal=True)
        )
    tombol = QPushButton("Cetak")
    tombol.setMenu(menu)
    tombol.setToolTip("Pratinjau, cetak ke printer, atau simpan formulir sebagai PDF")
    tombol.setEnabled(ctx.actor.can(Izin.CETAK))
    tombol.setAutoDefault(False)
    return tombol
