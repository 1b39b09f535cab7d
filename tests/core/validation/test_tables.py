"""The row rules agree with the tables, the package's drop-downs and its required columns, and say what
is wrong in the form's words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import String

from kinerja_desktop.core.exchange.paket.schema import ISI_WAJIB, TipeKolom, semua_jenis
from kinerja_desktop.core.exchange.paket.writer.choices import KOLOM_PILIHAN, daftar_pilihan
from kinerja_desktop.core.validation.base import CodeRule, TextRule
from kinerja_desktop.core.validation.evaluasi import (
    angka_kredit_problem,
    bulan_dalam_periode,
    predikat_problem,
)
from kinerja_desktop.core.validation.realisasi import tautan_problem
from kinerja_desktop.core.validation.tables import aturan_tabel, max_length, semua_aturan


def _diperiksa(tabel: str) -> set[str]:
    aturan = aturan_tabel(tabel)
    return {a.kolom for a in aturan.column_rules()} | {k for r in aturan.baris for k in r.kolom}


def test_every_text_a_package_carries_has_a_rule() -> None:
    tanpa = [
        (j.tabel, k.nama)
        for j in semua_jenis()
        for k in j.kolom
        if k.tipe is TipeKolom.TEKS and not k.teknis and not k.rujukan and k.nama not in _diperiksa(j.tabel)
    ]
    assert tanpa == []
    assert set(semua_aturan()) == {j.tabel for j in semua_jenis()}


def test_a_text_limit_is_the_length_of_its_column() -> None:
    beda = []
    for j in semua_jenis():
        for t in aturan_tabel(j.tabel).teks:
            jenis_kolom = j.table.c[t.kolom].type
            if isinstance(jenis_kolom, String) and jenis_kolom.length and jenis_kolom.length != t.maks:
                beda.append((j.tabel, t.kolom, jenis_kolom.length, t.maks))
    assert beda == []
    assert max_length("pegawai", "nama") == 150 and max_length("rhk", "teks") == 4000


def test_the_codes_accepted_are_the_drop_down_lists_of_the_package() -> None:
    beda = []
    for (tabel, kolom), daftar in KOLOM_PILIHAN.items():
        if (tabel, kolom) == ("pegawai", "golongan"):
            continue  # which golongan depends on the status: a rule across the row
        kode = next((k for k in aturan_tabel(tabel).kode if k.kolom == kolom), None)
        if kode is None or kode.kode != frozenset(daftar_pilihan()[daftar]):
            beda.append((tabel, kolom))
    assert beda == []


def test_a_column_the_package_never_leaves_empty_is_one_the_rules_never_leave_empty() -> None:
    longgar = []
    for tabel, kolom_wajib in ISI_WAJIB.items():
        aturan = aturan_tabel(tabel)
        for kolom in kolom_wajib:
            rule = next((a for a in aturan.column_rules() if a.kolom == kolom), None)
            wajib = (isinstance(rule, TextRule) and rule.wajib) or (
                isinstance(rule, CodeRule) and not rule.boleh_kosong
            )
            if not wajib and not any(kolom in r.kolom for r in aturan.baris):
                longgar.append((tabel, kolom))
    assert longgar == []


def test_a_text_rule_measures_and_requires() -> None:
    nama = aturan_tabel("pegawai").text("nama")
    assert nama.problem("A" * 150) is None
    assert nama.problem("A" * 151).pesan == "Nama pegawai terlalu panjang (maksimal 150 karakter)."  # type: ignore[union-attr]
    assert nama.problem("  ").pesan == "Nama pegawai wajib diisi."  # type: ignore[union-attr]
    assert (
        aturan_tabel("pegawai").check({"nama": "Budi", "golongan": "IX", "status_kepegawaian": "pns"}) != []
    )


@pytest.mark.parametrize(
    ("hasil", "perilaku", "predikat", "salah"),
    [
        ("sesuai", "sesuai", "baik", False),
        ("di_atas", "di_atas", "sangat_baik", False),
        ("sesuai", "sesuai", "sangat_baik", True),
        ("di_bawah", "di_bawah", "butuh_perbaikan", True),
        (None, "sesuai", None, False),
        (None, "sesuai", "baik", True),
        ("sesuai", "sesuai", None, True),
    ],
)
def test_the_predikat_follows_the_matrix(
    hasil: str | None, perilaku: str, predikat: str | None, salah: bool
) -> None:
    assert (predikat_problem(hasil, perilaku, predikat) is not None) is salah


def test_the_angka_kredit_follows_the_conversion_table_for_the_months_in_the_skp() -> None:
    # Ahli Muda (25 a year), Baik (100 %), a triwulan: 6.25; a TW1 of an SKP from 1 March: one month.
    assert bulan_dalam_periode("TW1", 2026, date(2026, 1, 1), date(2026, 12, 31)) == 3
    assert bulan_dalam_periode("TW1", 2026, date(2026, 3, 1), date(2026, 12, 31)) == 1
    assert bulan_dalam_periode("TW1", 2026, date(2026, 7, 1), date(2026, 12, 31)) == 0
    assert angka_kredit_problem(Decimal("6.250"), "baik", 3) is None
    assert angka_kredit_problem(Decimal("6.25"), "baik", 1) is not None
    assert angka_kredit_problem(Decimal("2.083"), "baik", 1) is None  # 25 × 100 % × 1/12, rounded
    salah = angka_kredit_problem(Decimal("6.250"), "baik", 0)
    assert salah is not None and "di luar periode penilaian" in salah.pesan
    assert angka_kredit_problem(None, "baik", 3) is None


def test_a_link_is_a_whole_web_address_within_its_length() -> None:
    assert tautan_problem("https://contoh.go.id/berkas/1") is None
    assert tautan_problem("contoh.go.id") is not None
    assert tautan_problem("https://contoh.go.id/a b") is not None
    panjang = tautan_problem("https://contoh.go.id/" + "a" * 2000)
    assert panjang is not None and panjang.pesan == "Tautan terlalu panjang (maksimal 2.000 karakter)."
