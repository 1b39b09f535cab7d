"""Audit entries told as sentences: a verb for every kind of entry, names for ids, values in words."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from kinerja_desktop.core.services.audit import AKSI, AuditRow
from kinerja_desktop.core.services.audit.kalimat import entri, kalimat, minta_nama, perubahan
from kinerja_desktop.core.services.audit.label import format_nilai, format_waktu
from kinerja_desktop.core.services.audit.nama import DaftarNama

WAKTU = datetime(2026, 12, 7, 3, 40, tzinfo=UTC)
SINTA = "u-sinta"


def _names() -> DaftarNama:
    """Names known from the entries themselves (no database): an operator, a pegawai, units, an SKP."""
    names = DaftarNama()
    names.minta("pengguna", SINTA, {"username": "sinta", "nama": "Sinta", "peran": "operator"})
    names.minta("pegawai", "p-budi", {"nama": "Budi Santoso", "nip": "198001012005011001"})
    names.minta("unit_kerja", "u-umum", {"nama": "Seksi Umum"})
    names.minta("unit_kerja", "u-pem", {"nama": "Seksi Pemerintahan"})
    names.minta("skp", "s-1", {"tahun": 2026, "versi": 1, "pegawai_id": "p-budi"})
    names.minta("evaluasi", "e-4", {"periode": "TW4", "skp_id": "s-1"})
    names.minta("rhk", "r-1", {"teks": "Tersusunnya laporan kepegawaian yang akurat", "skp_id": "s-1"})
    names.minta("indikator", "i-1", {"teks": "Jumlah laporan", "rhk_id": "r-1"})
    return names


def _row(
    aksi: str,
    tabel: str = "",
    baris_id: str = "",
    sebelum: dict[str, Any] | None = None,
    sesudah: dict[str, Any] | None = None,
    keterangan: str = "",
    pengguna_id: str | None = SINTA,
) -> AuditRow:
    return AuditRow(1, WAKTU, "sinta", aksi, tabel, baris_id, sebelum, sesudah, keterangan, pengguna_id)


def _say(row: AuditRow) -> str:
    names = _names()
    minta_nama(names, [row])
    return kalimat(row, names, perubahan(row, names))


def test_a_change_of_one_field_reads_as_the_clerk_says_it() -> None:
    row = _row(
        "ubah",
        "pegawai",
        "p-budi",
        {"jabatan": "Pranata Komputer"},
        {"jabatan": "Pranata Komputer Ahli Pertama"},
    )
    assert _say(row) == (
        "Operator Sinta mengubah Jabatan Budi Santoso: Pranata Komputer → Pranata Komputer Ahli Pertama"
    )


def test_references_dates_numbers_and_codes_are_words() -> None:
    unit = _row("ubah", "pegawai", "p-budi", {"unit_kerja_id": "u-umum"}, {"unit_kerja_id": "u-pem"})
    assert _say(unit).endswith("mengubah Unit kerja Budi Santoso: Seksi Umum → Seksi Pemerintahan")
    tmt = _row("ubah", "pegawai", "p-budi", {"tmt_jabatan": None}, {"tmt_jabatan": "2026-01-02"})
    assert _say(tmt).endswith("mengubah TMT jabatan Budi Santoso: (kosong) → 2 Januari 2026")
    nilai = _row("ubah", "realisasi", "x", {"nilai": "12.5000"}, {"nilai": "1500.0000"})
    assert "12,5 → 1.500" in _say(nilai)
    status = _row("ubah", "pegawai", "p-budi", {"status_kepegawaian": "cpns"}, {"status_kepegawaian": "pns"})
    assert _say(status).endswith("Status kepegawaian Budi Santoso: CPNS → PNS")
    assert format_nilai("skp", "tahun", 2026, lambda _t, _i: None) == "2026"  # a year is no amount
    assert format_nilai("pegawai", "jenis_kelamin", "P", lambda _t, _i: None) == "Perempuan"
    assert format_nilai("evaluasi", "predikat", "baik", lambda _t, _i: None) == "Baik"
    assert format_nilai("pengguna", "aktif", False, lambda _t, _i: None) == "tidak"
    assert format_nilai("pengguna", "password_hash", "***", lambda _t, _i: None) == "(disembunyikan)"


def test_several_fields_are_listed_and_the_rest_counted() -> None:
    before = {"jabatan": "A", "golongan": "III/a", "email": "", "telepon": "1", "revisi": 3}
    after = {"jabatan": "B", "golongan": "III/b", "email": "b@x.id", "telepon": "2", "revisi": 4}
    text = _say(_row("ubah", "pegawai", "p-budi", before, after))
    assert text == (
        "Operator Sinta mengubah Budi Santoso: Golongan III/a → III/b; Jabatan A → B; "
        "Email (kosong) → b@x.id; dan 1 data lain"
    )


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ({"status": "diajukan"}, "Operator Sinta mengajukan SKP 2026 Budi Santoso"),
        ({"status": "disetujui"}, "Operator Sinta menyetujui SKP 2026 Budi Santoso"),
        (
            {"status": "ditolak", "catatan_penolakan": "Target belum terukur"},
            "Operator Sinta menolak SKP 2026 Budi Santoso: Target belum terukur",
        ),
        ({"status": "draft"}, "Operator Sinta mengembalikan SKP 2026 Budi Santoso ke draf"),
    ],
)
def test_skp_steps_have_their_own_verbs(after: dict[str, Any], expected: str) -> None:
    assert _say(_row("ubah", "skp", "s-1", {"status": "x"}, after)) == expected


def test_evaluations_pegawai_and_accounts_changing_state() -> None:
    final = _row("ubah", "evaluasi", "e-4", {"status": "draf"}, {"status": "final", "predikat": "baik"})
    assert _say(final) == "Operator Sinta memfinalkan Evaluasi Triwulan IV 2026 Budi Santoso"
    pensiun = _row("ubah", "pegawai", "p-budi", {"status_aktif": "aktif"}, {"status_aktif": "pensiun"})
    assert _say(pensiun) == "Operator Sinta menonaktifkan pegawai Budi Santoso: Pensiun"
    sandi = _row("ubah", "pengguna", SINTA, {"password_hash": "***"}, {"password_hash": "***"})
    assert _say(sandi) == "Operator Sinta mengganti kata sandi akun sinta"


def test_additions_and_deletions_name_the_row_and_its_owner() -> None:
    rhk = _row("tambah", "rhk", "r-1", None, {"teks": "Tersusunnya laporan kepegawaian yang akurat"})
    assert _say(rhk) == (
        "Operator Sinta menambah RHK “Tersusunnya laporan kepegawaian yang akurat” pada SKP 2026 Budi Santoso"
    )
    indikator = _row("hapus", "indikator", "i-1", {"teks": "Jumlah laporan"}, None)
    assert _say(indikator).endswith("menghapus indikator “Jumlah laporan” pada SKP 2026 Budi Santoso")
    gone = _row("hapus", "pelatihan", "gone", {"pegawai_id": "p-budi", "nama": "Diklat PIM IV"}, None)
    assert _say(gone) == "Operator Sinta menghapus pelatihan “Diklat PIM IV” Budi Santoso"
    unknown = _row("ubah", "pelatihan", "never-seen", {"jp": 10}, {"jp": 12})
    assert (
        _say(unknown) == "Operator Sinta mengubah Jam pelajaran (JP) pelatihan yang sudah tidak ada: 10 → 12"
    )


def _event_row(aksi: str) -> AuditRow:
    tabel, baris = {
        "buka_evaluasi": ("evaluasi", "e-4"),
        "akui_distribusi": ("evaluasi", "e-4"),
        "buka_kunci": ("pengguna", SINTA),
    }.get(aksi, ("", ""))
    return _row(aksi, tabel, baris, keterangan="Catatan kejadian")


@pytest.mark.parametrize("aksi", sorted(set(AKSI) - {"tambah", "ubah", "hapus"}))
def test_every_event_kind_has_a_verb_and_keeps_its_note(aksi: str) -> None:
    text = _say(_event_row(aksi))
    assert text.endswith(" — Catatan kejadian")
    if aksi == "akun_terkunci":
        assert text.startswith("Akun Operator Sinta dikunci sementara")
    else:
        assert text.startswith(f"Operator Sinta {AKSI[aksi].kata_kerja}")
    assert "_" not in text.split(" — ")[0]


def test_events_about_a_row_name_it_and_plain_notes_are_not_repeated() -> None:
    assert _say(_event_row("buka_evaluasi")).startswith(
        "Operator Sinta membuka kembali Evaluasi Triwulan IV 2026 Budi Santoso — "
    )
    assert _say(_row("login", "pengguna", SINTA, keterangan="Masuk")) == "Operator Sinta masuk ke aplikasi"


def test_who_did_it_when_no_account_is_known() -> None:
    system = _row("cadangan", keterangan="Cadangan dibuat: a.db", pengguna_id=None)
    assert _say(system) == "Sistem membuat cadangan — Cadangan dibuat: a.db"
    nobody = _row("login_gagal", keterangan="Nama pengguna tidak dikenal", pengguna_id=None)
    assert _say(nobody) == "Seseorang gagal masuk — Nama pengguna tidak dikenal"
    gone = _row("login", pengguna_id="u-gone")
    assert _say(gone) == "Pengguna sinta masuk ke aplikasi"


def test_an_entry_carries_its_time_and_every_field_in_form_order() -> None:
    row = _row("tambah", "pegawai", "p-budi", None, {"id": "p-budi", "nip": "1980", "nama": "Budi Santoso"})
    shown = entri(row, _names())
    assert shown.waktu_lengkap == format_waktu(WAKTU)
    assert [p.label for p in shown.perubahan] == ["Nama", "NIP", "Kode data"]
    assert shown.perubahan[0].sebelum == "" and shown.perubahan[0].sesudah == "Budi Santoso"
    assert shown.jenis == "pegawai"


def test_every_column_of_every_audited_table_has_a_label() -> None:
    from kinerja_desktop.core.db.base import Base
    from kinerja_desktop.core.services.audit.label import ENTITAS, punya_label

    missing = [
        f"{table}.{column.name}"
        for table in ENTITAS
        for column in Base.metadata.tables[table].c
        if not punya_label(table, column.name)
    ]
    assert missing == []


def test_a_realisation_names_its_period_pegawai_and_indicator_once() -> None:
    names = _names()
    names.minta("realisasi", "re-1", {"periode": "TW1", "indikator_id": "i-1"})
    row = _row("ubah", "realisasi", "re-1", {"nilai": "10.0000"}, {"nilai": "15.0000"})
    assert kalimat(row, names, perubahan(row, names)) == (
        "Operator Sinta mengubah Realisasi Triwulan I Budi Santoso, indikator “Jumlah laporan”: 10 → 15"
    )


def test_a_deleted_row_entered_again_is_said_to_come_back() -> None:
    row = _row(
        "ubah",
        "pegawai",
        "p-budi",
        {"dihapus_pada": "2026-11-02T03:00:00+00:00", "nama": "Budi"},
        {"dihapus_pada": None, "nama": "Budi Santoso"},
    )
    assert _say(row) == "Operator Sinta mengembalikan pegawai Budi Santoso yang pernah dihapus"
