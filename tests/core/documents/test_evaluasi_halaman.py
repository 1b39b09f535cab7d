"""How the forms fill their pages: HASIL KERJA from page 1, RHK blocks, long texts, the rekap's last page."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import UnitKerja
from kinerja_desktop.core.documents import evaluasi_kinerja_pdf, rekap_predikat_pdf
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.rhk_table import LANJUTAN
from kinerja_desktop.core.model.evaluasi import DistribusiUnit, EvaluasiForm, IndikatorEvaluasi
from kinerja_desktop.core.model.skp import Pejabat
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.workspace import Workspace

#: Before HASIL KERJA could begin on page 1, every final TW1 form of the demo took at least this many.
HALAMAN_SEBELUMNYA = 4
KEPALA = "INDIKATOR KINERJA INDIVIDU"


def _distribusi(ws: Workspace, admin: Actor, form: EvaluasiForm) -> DistribusiUnit | None:
    if not form.unit_id:
        return None
    with ws.read() as s:
        return evaluasi_unit.distribusi_unit(s, admin, form.unit_id, form.tahun, form.periode)


@pytest.fixture(scope="module")
def form(forms) -> EvaluasiForm:
    return next(f for f in forms("TW1", "final") if f.hasil_kerja and f.pejabat_penilai)


def test_a_small_evaluation_begins_hasil_kerja_on_page_one(
    ws: Workspace, admin: Actor, form: EvaluasiForm, opsi: OpsiCetak, baca
) -> None:
    rhk = form.hasil_kerja[0]
    kecil = replace(form, hasil_kerja=[rhk])
    pdf = baca(evaluasi_kinerja_pdf(kecil, opsi, _distribusi(ws, admin, form)))
    pertama = pdf.halaman[0]
    assert "POLA DISTRIBUSI" in pertama and KEPALA in pertama and "A. UTAMA" in pertama
    assert rhk.teks in pertama and all(i.teks in pertama for i in rhk.indikator)
    assert pdf.jumlah < HALAMAN_SEBELUMNYA


def test_the_demo_tw1_forms_take_fewer_pages(
    ws: Workspace, admin: Actor, forms, opsi: OpsiCetak, baca
) -> None:
    jumlah = []
    for f in forms("TW1", "final"):
        pdf = baca(evaluasi_kinerja_pdf(f, opsi, _distribusi(ws, admin, f)))
        if KEPALA in pdf.halaman[0]:
            # Never the header alone: it begins with (at least) the first RHK.
            assert any(r.teks in pdf.halaman[0] for r in f.hasil_kerja)
        jumlah.append(pdf.jumlah)
    assert max(jumlah) <= HALAMAN_SEBELUMNYA
    assert min(jumlah) < HALAMAN_SEBELUMNYA
    assert sum(jumlah) < HALAMAN_SEBELUMNYA * len(jumlah)


def test_a_block_split_over_pages_names_its_rhk_again(form: EvaluasiForm, opsi: OpsiCetak, baca) -> None:
    rhk = form.hasil_kerja[0]
    banyak = [IndikatorEvaluasi("kuantitas", f"Indikator nomor {i:02d}", f"{i} buah", "-") for i in range(40)]
    pdf = baca(evaluasi_kinerja_pdf(replace(form, hasil_kerja=[replace(rhk, indikator=banyak)]), opsi))
    dengan_tabel = [h for h in pdf.halaman if "Indikator nomor" in h]
    assert len(dengan_tabel) >= 2
    for halaman in dengan_tabel:
        assert KEPALA in halaman and rhk.teks[:40] in halaman
    assert all(LANJUTAN in h for h in dengan_tabel[1:]) and LANJUTAN not in dengan_tabel[0]
    for i in range(40):
        assert pdf.teks.count(f"Indikator nomor {i:02d}") == 1


def test_very_long_feedback_is_split_and_printed_whole(
    ws: Workspace, admin: Actor, form: EvaluasiForm, opsi: OpsiCetak, baca
) -> None:
    kata = [f"catatan{i:03d}" for i in range(400)]
    umpan = " ".join(kata)
    assert len(umpan) >= 4000
    hasil = [replace(form.hasil_kerja[0], umpan_balik=umpan), *form.hasil_kerja[1:]]
    pdf = baca(evaluasi_kinerja_pdf(replace(form, hasil_kerja=hasil), opsi, _distribusi(ws, admin, form)))
    assert KEPALA in pdf.halaman[0] and "catatan000" in pdf.halaman[0]
    for k in kata:
        assert pdf.teks.count(k) == 1, k
    for rhk in form.hasil_kerja:
        assert rhk.teks in pdf.teks
    assert f"Halaman {pdf.jumlah} dari {pdf.jumlah}" in pdf.halaman[-1]


def test_jpt_and_akhir_begin_hasil_kerja_on_page_one_when_it_fits(
    ws: Workspace, admin: Actor, form: EvaluasiForm, opsi: OpsiCetak, baca
) -> None:
    rhk = replace(form.hasil_kerja[0], perspektif="proses_bisnis")
    jpt = replace(form, jenis_form="jpt", hasil_kerja=[rhk])
    pdf = baca(evaluasi_kinerja_pdf(jpt, opsi, _distribusi(ws, admin, form)))
    assert "PERSPEKTIF" in pdf.halaman[0] and rhk.teks in pdf.halaman[0]
    akhir = replace(form, periode="AKHIR", hasil_kerja=[rhk])
    assert rhk.teks in baca(evaluasi_kinerja_pdf(akhir, opsi)).halaman[0]


def test_rekap_signature_stands_beside_the_chart(ws: Workspace, admin: Actor, opsi: OpsiCetak, baca) -> None:
    with ws.read() as s:
        unit = s.scalars(select(UnitKerja.id).where(UnitKerja.induk_id.is_(None))).one()
        baris = evaluasi_unit.grid_unit(s, admin, unit, 2026, "TW1")
        distribusi = evaluasi_unit.distribusi_unit(s, admin, unit, 2026, "TW1")
    kepala = next(b for b in baris if b.kepala_unit)
    penanda = Pejabat(kepala.pegawai_id, kepala.nama, kepala.nip, "", kepala.jabatan, kepala.unit)
    pdf = baca(rekap_predikat_pdf(baris, distribusi, opsi, penanda))
    # 20 pegawai: the list, then counts, chart and signature in one band (three pages before).
    assert pdf.jumlah == 2
    terakhir = pdf.halaman[-1]
    assert baris[-1].nama in terakhir and "Frekuensi Pegawai" in terakhir and kepala.nama in terakhir
    kecil = baca(rekap_predikat_pdf(baris[:3], distribusi, opsi, penanda))
    assert kecil.jumlah == 1 and "Plaju, 23 November 2026" in kecil.halaman[0]
