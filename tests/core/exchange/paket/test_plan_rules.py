"""A package row obeys the rules a typed row does: each break is refused at its sheet, row and column,
with the message the form gives (or one worded for a cell), and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kinerja_desktop.core.db.models import Skp
from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.exchange.paket.apply import apply_plan
from kinerja_desktop.core.exchange.paket.model import Paket
from kinerja_desktop.core.exchange.paket.plan.model import Masalah, RencanaImpor
from kinerja_desktop.core.exchange.paket.plan.planner import plan_paket
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket
from kinerja_desktop.core.exchange.paket.writer.workbook import write_paket
from kinerja_desktop.core.model.pegawai import PegawaiInput
from kinerja_desktop.core.model.skp import IndikatorInput
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.services.evaluasi.access import ensure_skp_disetujui
from kinerja_desktop.core.services.pegawai import check_pegawai
from kinerja_desktop.core.services.skp.rhk import clean_indikator
from kinerja_desktop.core.workspace import Workspace
from tests.pendukung_paket import sign_paket, sign_workbook

Buka = Callable[[str], Workspace]
Ubah = Callable[[Any], int]  # edits the workbook, returns the sheet row it changed


def _kolom(ws: Any, judul: str) -> int:
    return int([c.value for c in ws[1]].index(judul) + 1)


def _baris(ws: Any, syarat: Callable[[dict[str, Any]], bool]) -> int:
    """The first data row whose cells (by header) meet ``syarat``."""
    judul = [c.value for c in ws[1]]
    for r, nilai in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if syarat(dict(zip(judul, nilai, strict=False))):
            return r
    raise AssertionError("no such row")


def _rencana(buka: Buka, sinkron: Any, tmp_path: Path, ubah: Ubah) -> tuple[RencanaImpor, int, Workspace]:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    path = tmp_path / "paket.xlsx"
    write_paket(sinkron.paket(plj), path)
    wb = load_workbook(path)
    baris = ubah(wb)
    wb.save(path)
    sign_workbook(plj, path)  # a package its office made so, not one edited on the way
    hasil = read_paket(path)
    with pusat.read() as s:
        rencana = plan_paket(s, SYSTEM, hasil.paket, hasil.masalah, checksum_cocok=hasil.checksum_cocok)
    return rencana, baris, pusat


def _di(rencana: RencanaImpor, lembar: str, baris: int, kolom: str) -> Masalah:
    """The one problem at that cell; the row is invalid and the plan may not be applied."""
    (m,) = [m for m in rencana.galat if (m.lembar, m.baris, m.kolom) == (lembar, baris, kolom)]
    assert not rencana.ok
    assert next(j for j in rencana.jumlah if j.lembar == lembar).galat >= 1
    return m


def _pesan_layanan(fungsi: Callable[[], object]) -> str:
    with pytest.raises(ValidationError) as info:
        fungsi()
    return info.value.pesan


def test_a_predikat_against_the_matrix_is_refused(buka: Buka, sinkron: Any, tmp_path: Path) -> None:
    def ubah(wb: Any) -> int:
        ws = wb["Evaluasi"]
        r = _baris(ws, lambda d: d["Rating hasil"] == "sesuai" and d["Predikat"] == "baik")
        ws.cell(r, _kolom(ws, "Predikat")).value = "sangat_baik"
        return r

    rencana, r, pusat = _rencana(buka, sinkron, tmp_path, ubah)
    m = _di(rencana, "Evaluasi", r, "Predikat")
    assert "Predikat Sangat Baik tidak sesuai matriks predikat kinerja" in m.pesan
    assert "menghasilkan Baik" in m.pesan and "ekspor ulang" in m.pesan
    sebelum = sinkron.isi(pusat)
    with pytest.raises(KnownError):
        apply_plan(pusat, SYSTEM, rencana)
    assert sinkron.isi(pusat) == sebelum


def test_an_angka_kredit_against_the_conversion_table_is_refused(
    buka: Buka, sinkron: Any, tmp_path: Path
) -> None:
    def ubah(wb: Any) -> int:
        ws = wb["Evaluasi"]
        r = _baris(ws, lambda d: d["Predikat"] is not None)
        ws.cell(r, _kolom(ws, "Angka kredit")).value = 99.5
        return r

    rencana, r, _ = _rencana(buka, sinkron, tmp_path, ubah)
    m = _di(rencana, "Evaluasi", r, "Angka kredit")
    assert m.pesan.startswith("Angka kredit 99,500 tidak sesuai tabel konversi predikat ke angka kredit")


def test_a_final_evaluation_on_an_skp_not_approved_is_refused_as_the_form_refuses_it(
    buka: Buka, sinkron: Any, tmp_path: Path
) -> None:
    baris_skp: dict[str, int] = {}

    def ubah(wb: Any) -> int:
        ev = wb["Evaluasi"]
        r = _baris(ev, lambda d: d["Status"] == "final")
        skp_id = ev.cell(r, _kolom(ev, "ID SKP")).value
        ws = wb["SKP"]
        baris_skp["r"] = _baris(ws, lambda d: d["ID"] == skp_id)
        ws.cell(baris_skp["r"], _kolom(ws, "Status")).value = "diajukan"
        return r

    rencana, r, _ = _rencana(buka, sinkron, tmp_path, ubah)
    m = _di(rencana, "Evaluasi", r, "ID SKP")
    typed = _pesan_layanan(lambda: ensure_skp_disetujui(Skp(status="diajukan")))
    assert typed == "Evaluasi kinerja hanya untuk SKP yang sudah disetujui (status SKP ini: Diajukan)."
    assert m.pesan.startswith(typed)
    assert not [x for x in rencana.galat if (x.lembar, x.baris) == ("SKP", baris_skp["r"])]  # a valid status


def _nama_pegawai(buka: Buka, nama: str) -> str:
    """What the pegawai form says of this name."""
    ws = buka("PLJ")
    with ws.read() as s:
        _, masalah = check_pegawai(s, SYSTEM, PegawaiInput(nip="198609262015051001", nama=nama))
    return next(m.pesan for m in masalah if m.kolom == "nama")


def test_a_name_longer_than_the_app_keeps_is_refused(buka: Buka, sinkron: Any, tmp_path: Path) -> None:
    def ubah(wb: Any) -> int:
        ws = wb["Pegawai"]
        ws.cell(2, _kolom(ws, "Nama")).value = "Budi " * 31  # 155 characters, 154 once tidied
        return 2

    rencana, r, _ = _rencana(buka, sinkron, tmp_path, ubah)
    m = _di(rencana, "Pegawai", r, "Nama")
    typed = _nama_pegawai(buka, "Budi " * 31)
    assert typed == "Nama pegawai terlalu panjang (maksimal 150 karakter)."
    assert m.pesan.startswith(typed)


def test_a_name_of_40000_characters_is_refused_in_a_workbook_and_in_a_package(
    buka: Buka, sinkron: Any, tmp_path: Path
) -> None:
    nama = "A" * 40_000

    def ubah(wb: Any) -> int:
        ws = wb["Pegawai"]
        ws.cell(3, _kolom(ws, "Nama")).value = nama
        return 3

    rencana, r, _ = _rencana(buka, sinkron, tmp_path, ubah)
    typed = _nama_pegawai(buka, nama)
    assert _di(rencana, "Pegawai", r, "Nama").pesan.startswith(typed)  # the 32,767 a cell keeps

    pusat, plj = buka("PUSAT"), buka("PLJ")
    paket: Paket = sinkron.paket(plj)
    pegawai = paket.baris["pegawai"]
    pegawai[0] = pegawai[0].ganti(nama=nama)  # a package made some other way: the planner's own rule
    with pusat.read() as s:
        rencana = plan_paket(s, SYSTEM, sign_paket(plj, paket))
    assert _di(rencana, "Pegawai", 2, "Nama").pesan.startswith(typed)


def test_an_unknown_code_is_refused_as_the_form_refuses_it(buka: Buka, sinkron: Any, tmp_path: Path) -> None:
    def ubah(wb: Any) -> int:
        ws = wb["Indikator"]
        ws.cell(2, _kolom(ws, "Aspek")).value = "kecepatan"
        return 2

    rencana, r, _ = _rencana(buka, sinkron, tmp_path, ubah)
    m = _di(rencana, "Indikator", r, "Aspek")
    typed = _pesan_layanan(lambda: clean_indikator(IndikatorInput("Laporan selesai", aspek="kecepatan")))
    assert typed == "Aspek harus kuantitas, kualitas, waktu atau biaya."
    assert m.pesan.startswith(typed)


@pytest.mark.parametrize(
    ("judul", "nilai", "kolom", "awal_pesan"),
    [
        ("NIP", "198001012006041000", "nip", "Nomor urut NIP (3 digit terakhir) tidak boleh 000"),
        ("NIP", "19800101200604100", "nip", "NIP harus 18 digit, tetapi yang diisi 17 digit."),
        ("Tanggal lahir", date(1905, 6, 1), "tanggal_lahir", "Tanggal lahir 1 Juni 1905 tidak masuk akal"),
    ],
)
def test_an_invalid_nip_or_date_is_refused_as_the_form_refuses_it(
    buka: Buka, sinkron: Any, tmp_path: Path, judul: str, nilai: object, kolom: str, awal_pesan: str
) -> None:
    def ubah(wb: Any) -> int:
        ws = wb["Pegawai"]
        r = _baris(ws, lambda d: d["Status kepegawaian"] == "pns")
        ws.cell(r, _kolom(ws, judul)).value = nilai
        return r

    rencana, r, pusat = _rencana(buka, sinkron, tmp_path, ubah)
    m = _di(rencana, "Pegawai", r, judul)
    data = PegawaiInput(nip="198001012006041001", nama="Budi")
    data = replace(data, nip=nilai) if kolom == "nip" else replace(data, tanggal_lahir=nilai)  # type: ignore[arg-type]
    with pusat.read() as s:
        _, masalah = check_pegawai(s, SYSTEM, data)
    typed = next(x.pesan for x in masalah if x.kolom == kolom and not x.peringatan)
    assert typed.startswith(awal_pesan)
    assert m.pesan.startswith(typed)


def test_an_skp_period_outside_its_year_is_refused(buka: Buka, sinkron: Any, tmp_path: Path) -> None:
    def ubah(wb: Any) -> int:
        ws = wb["SKP"]
        ws.cell(2, _kolom(ws, "Periode awal")).value = date(sinkron.tahun - 1, 12, 1)
        return 2

    rencana, r, _ = _rencana(buka, sinkron, tmp_path, ubah)
    m = _di(rencana, "SKP", r, "Periode awal")
    assert m.pesan.startswith(f"Tanggal 1 Desember {sinkron.tahun - 1} di luar tahun SKP {sinkron.tahun}.")


def test_a_valid_package_has_no_problem_and_a_decimal_target_passes(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    paket: Paket = sinkron.paket(plj)
    indikator = paket.baris["indikator"]
    indikator[0] = indikator[0].ganti(
        target_min=Decimal("0.5000"), target_maks=Decimal("99999999999999.9999")
    )
    with pusat.read() as s:
        rencana = plan_paket(s, SYSTEM, sign_paket(plj, paket))
    assert rencana.ok, [m.teks() if hasattr(m, "teks") else m for m in rencana.galat]


def test_an_invisible_control_character_is_refused_where_it_is(buka: Buka, sinkron: Any) -> None:
    """A NUL (PostgreSQL cannot store it) or another control character (a sheet cannot hold it), in a
    text with a rule or in a technical column: refused at its cell, as the form refuses it."""
    pusat, plj = buka("PUSAT"), buka("PLJ")
    paket: Paket = sinkron.paket(plj)
    pegawai = paket.baris["pegawai"]
    pegawai[1] = pegawai[1].ganti(tempat_lahir="Pal\x00embang")
    pegawai[2] = pegawai[2].ganti(kantor_asal="PLJ\x1b")
    with pusat.read() as s:
        rencana = plan_paket(s, SYSTEM, sign_paket(plj, paket))
    lahir = _di(rencana, "Pegawai", 3, "Tempat lahir")
    assert lahir.pesan.startswith(
        "Tempat lahir berisi karakter tak terlihat yang tidak boleh disimpan (U+0000, pada karakter ke-4)."
    )
    kantor_asal = _di(rencana, "Pegawai", 4, "Kantor Asal")
    assert kantor_asal.pesan.startswith("Kantor Asal berisi karakter tak terlihat yang tidak boleh disimpan")
    typed = _nama_pegawai(buka, "Budi\x07 Santoso")
    assert typed.startswith("Nama pegawai berisi karakter tak terlihat yang tidak boleh disimpan (U+0007")
    with pytest.raises(KnownError):
        apply_plan(pusat, SYSTEM, rencana)
