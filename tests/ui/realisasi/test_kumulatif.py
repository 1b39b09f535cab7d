"""Realisasi grid: keterangan beside the number, cumulative and capaian, text targets, Enter goes down."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput, SkpInput
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import realisasi
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.services.realisasi import IndikatorRealisasi
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.realisasi.grid import (
    KOLOM_CAPAIAN,
    KOLOM_KETERANGAN,
    KOLOM_KUMULATIF,
    KOLOM_REALISASI,
)
from kinerja_desktop.ui.realisasi.page import RealisasiPage

from .test_page import TAHUN
from .test_page import demo_template as demo_template  # the module's demo office
from .test_page import errors as errors
from .test_page import page as page

_EDIT = Qt.ItemDataRole.EditRole
_TIP = Qt.ItemDataRole.ToolTipRole


def _stored(ctx: UiContext, skp_id: str, kode: str) -> dict[str, IndikatorRealisasi]:
    with ctx.workspace.read() as s:
        grid = realisasi.get_realisasi_grid(s, ctx.actor, skp_id, kode)
    return {i.indikator_id: i for r in grid.rhk for i in r.indikator}


def _skp_tahun_depan(page: RealisasiPage, ctx: UiContext) -> str:
    """Next year's approved SKP of the page's pegawai: 12 dokumen, a percentage and a text target."""
    assert page.detail is not None
    pegawai_id, tahun, admin = page.detail.pegawai.id, TAHUN + 1, ctx.actor
    with ctx.workspace.transaction(admin) as s:
        skp_id = svc.create_skp(s, admin, pegawai_id, tahun, SkpInput(date(tahun, 1, 1), date(tahun, 12, 31)))
        rhk = svc.add_rhk(s, admin, skp_id, RhkInput("Tersusunnya dokumen layanan"))
        svc.add_indikator(
            s, admin, rhk, IndikatorInput("Jumlah dokumen", target_min=Decimal(12), satuan="dokumen")
        )
        svc.add_indikator(s, admin, rhk, IndikatorInput("Ketepatan", "kualitas", Decimal(80), None, "%"))
        svc.add_indikator(s, admin, rhk, IndikatorInput("Mutu layanan", "kualitas", target_teks="Sesuai SOP"))
        svc.submit_skp(s, admin, skp_id)
        svc.approve_skp(s, admin, skp_id)
        realisasi.set_realisasi(s, admin, svc.get_skp(s, admin, skp_id).rhk[0].indikator[0].id, "TW1", 3)
    page.select_pegawai(pegawai_id, tahun, "TW2")
    return skp_id


def test_keterangan_beside_the_number(page: RealisasiPage, ctx: UiContext, errors: list[str], qtbot) -> None:
    assert page.detail is not None
    row = next(n for n, r in enumerate(page.model.rows) if r.angka and r.indikator_id)
    keterangan = page.model.index(row, KOLOM_KETERANGAN)
    assert page.model.flags(keterangan) & Qt.ItemFlag.ItemIsEditable
    assert page.model.setData(page.model.index(row, KOLOM_REALISASI), "12,5")
    assert page.model.setData(keterangan, " 3 dokumen: SK, laporan, notulen ")
    indikator_id = page.model.rows[row].indikator_id
    stored = _stored(ctx, page.detail.id, "TW4")[indikator_id]
    assert (stored.nilai, stored.teks_realisasi) == (Decimal("12.5"), "3 dokumen: SK, laporan, notulen")
    assert keterangan.data() == "3 dokumen: SK, laporan, notulen"
    assert page.model.index(row, KOLOM_REALISASI).data().startswith("12,5")

    page.load()  # read again: both come back, each in its own column
    assert page.model.index(row, KOLOM_KETERANGAN).data() == "3 dokumen: SK, laporan, notulen"
    assert page.model.index(row, KOLOM_REALISASI).data(_EDIT) == "12,5"
    assert page.model.setData(page.model.index(row, KOLOM_REALISASI), "13")
    stored = _stored(ctx, page.detail.id, "TW4")[indikator_id]
    assert (stored.nilai, stored.teks_realisasi) == (Decimal(13), "3 dokumen: SK, laporan, notulen")
    assert not errors

    # Words typed where the number goes: refused, and the message says where they belong.
    assert not page.model.setData(page.model.index(row, KOLOM_REALISASI), "tiga dokumen")
    qtbot.wait_until(lambda: len(errors) == 1)
    assert errors[0].startswith('Realisasi "tiga dokumen" bukan angka.') and "keterangan" in errors[0]
    assert _stored(ctx, page.detail.id, "TW4")[indikator_id].nilai == Decimal(13)


def test_cumulative_and_capaian_follow_what_is_typed(page: RealisasiPage, ctx: UiContext) -> None:
    assert page.detail is not None
    row = next(n for n, r in enumerate(page.model.rows) if r.angka and r.cara == "jumlah")
    baris = page.model.rows[row]
    sebelumnya = baris.kumulatif_sebelumnya or Decimal(0)
    assert sebelumnya > 0, "the demo has TW1 to TW3"
    assert page.model.setData(page.model.index(row, KOLOM_REALISASI), "10")
    target = baris.target_angka
    assert target is not None
    kumulatif = page.model.index(row, KOLOM_KUMULATIF).data()
    assert kumulatif == f"{format_angka(sebelumnya + 10)} {baris.satuan}".strip()
    capaian = page.model.index(row, KOLOM_CAPAIAN).data()
    assert capaian == f"{format_angka((sebelumnya + 10) * 100 / target, desimal=1)} %"
    assert "jumlah" in page.model.index(row, KOLOM_KUMULATIF).data(_TIP)
    assert "terakhir" in str(page.model.headerData(KOLOM_KUMULATIF, Qt.Orientation.Horizontal, _TIP))
    page.load()
    assert page.model.index(row, KOLOM_KUMULATIF).data() == kumulatif
    assert page.model.index(row, KOLOM_CAPAIAN).data() == capaian


def test_a_text_target_takes_text_in_the_grid(
    page: RealisasiPage, ctx: UiContext, errors: list[str], qtmodeltester
) -> None:
    skp_id = _skp_tahun_depan(page, ctx)
    rows = page.model.rows
    assert [r.angka for r in rows] == [True, True, False]
    dokumen, persen, mutu = (page.model.index(n, KOLOM_REALISASI) for n in range(3))
    assert page.model.index(0, KOLOM_KUMULATIF).data() == "3 dokumen"  # TW1's, nothing in TW2 yet
    assert page.model.index(0, KOLOM_CAPAIAN).data() == "25,0 %"
    assert "teks" in mutu.data(_TIP) and "angka" in dokumen.data(_TIP)
    assert not page.model.flags(page.model.index(2, KOLOM_KETERANGAN)) & Qt.ItemFlag.ItemIsEditable
    assert page.table.columnSpan(2, KOLOM_REALISASI) == 2, "the text takes the keterangan's room too"
    assert page.table.rowSpan(0, 0) == 3 and page.table.columnSpan(0, KOLOM_REALISASI) == 1
    assert page.model.next_editable(page.model.index(1, KOLOM_KETERANGAN)).isValid() is False
    assert page.model.next_editable(dokumen) == persen and page.model.next_editable(persen) == mutu
    assert page.model.setData(mutu, "Sesuai SOP, tanpa keluhan")
    assert page.model.setData(persen, "85")
    assert page.model.index(1, KOLOM_CAPAIAN).data() == "106,3 %"
    assert (
        page.model.index(2, KOLOM_KUMULATIF).data() == "" and page.model.index(2, KOLOM_CAPAIAN).data() == ""
    )
    stored = _stored(ctx, skp_id, "TW2")
    assert (stored[rows[2].indikator_id].nilai, stored[rows[2].indikator_id].teks_realisasi) == (
        None,
        "Sesuai SOP, tanpa keluhan",
    )
    page.load()
    assert page.model.index(2, KOLOM_REALISASI).data() == "Sesuai SOP, tanpa keluhan"
    assert not errors
    qtmodeltester.check(page.model)


def test_typing_replaces_and_enter_moves_down(page: RealisasiPage, ctx: UiContext, qtbot) -> None:
    assert page.detail is not None
    page.show()
    row = next(n for n, r in enumerate(page.model.rows) if r.angka and r.nilai is None and r.indikator_id)
    page.model.setData(page.model.index(row, KOLOM_REALISASI), "40")
    page.table.setCurrentIndex(page.model.index(row, KOLOM_REALISASI))
    page.table.setFocus()
    qtbot.keyClicks(page.table, "7")  # typing starts the editor and replaces the 40
    editor = page.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: page.table.currentIndex().row() != row)
    below = page.model.next_editable(page.model.index(row, KOLOM_REALISASI))
    assert page.table.currentIndex() == below and below.row() == row + 1
    indikator_id = page.model.rows[row].indikator_id
    assert _stored(ctx, page.detail.id, "TW4")[indikator_id].nilai == Decimal(75)

    page.table.setCurrentIndex(page.model.index(row, KOLOM_KETERANGAN))
    qtbot.keyClicks(page.table, "R")
    editor = page.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "apat 2x")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: page.table.currentIndex().row() != row)
    assert page.table.currentIndex().column() == KOLOM_KETERANGAN
    assert _stored(ctx, page.detail.id, "TW4")[indikator_id].teks_realisasi == "Rapat 2x"

    page.table.setCurrentIndex(page.model.index(row, KOLOM_REALISASI))
    qtbot.keyClicks(page.table, "9")
    editor = page.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Esc: nothing saved, the cursor stays
    qtbot.wait_until(lambda: not isinstance(page.table.focusWidget(), QLineEdit))
    assert page.table.currentIndex().row() == row
    assert _stored(ctx, page.detail.id, "TW4")[indikator_id].nilai == Decimal(75)
