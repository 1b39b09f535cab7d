"""What clerks really type: accepted spellings, refused values with sheet/row/column, superiors by NIP."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.exchange.roster import Aksi, Galat, RosterPlan, apply_import, plan_import
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


@pytest.fixture
def rencana(workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any) -> Any:
    """Type rows into a fresh template and return the plan of importing it."""

    def buat(*rows: dict[str, Any]) -> RosterPlan:
        path = kit.isi_templat(workspace, admin, tmp_path / "isi.xlsx", list(rows))
        with workspace.read() as session:
            return plan_import(session, admin, path)

    return buat


def _satu_galat(plan: RosterPlan) -> Galat:
    assert not plan.ok
    assert len(plan.galat) == 1, plan.lines()
    return plan.galat[0]


def test_nip_stored_as_a_number_is_refused_with_the_reason(
    rencana: Any, kit: Any, workspace: Workspace, admin: Actor
) -> None:
    sebelum = kit.snapshot(workspace)
    plan = rencana(kit.baris(int(kit.nip_pns(1))))
    g = _satu_galat(plan)
    assert (g.lembar, g.baris, g.kolom, g.huruf) == ("Pegawai", 2, "NIP", "A")
    assert "tersimpan sebagai angka oleh Excel sehingga digit terakhirnya sudah hilang" in g.pesan
    assert "awali dengan tanda petik '" in g.pesan
    assert g.teks().startswith("Lembar Pegawai, baris 2, kolom NIP: NIP tersimpan sebagai angka")
    assert plan.baris[0].aksi is Aksi.GALAT
    with pytest.raises(ValidationError, match="masih memiliki 1 kesalahan"):
        apply_import(workspace, admin, plan)
    assert kit.snapshot(workspace) == sebelum


def test_nip_in_scientific_notation_text_is_explained(rencana: Any, kit: Any) -> None:
    g = _satu_galat(rencana(kit.baris("1,98609E+17")))
    assert "notasi ilmiah" in g.pesan and g.kolom == "NIP"


def test_nip_with_spaces_or_a_leading_apostrophe_is_accepted(
    rencana: Any, kit: Any, workspace: Workspace, admin: Actor
) -> None:
    nip1, nip2 = kit.nip_pns(1), kit.nip_pns(2)
    spasi = f"{nip1[:8]} {nip1[8:14]} {nip1[14]} {nip1[15:]}"
    plan = rencana(kit.baris(spasi, "Satu"), kit.baris(f"'{nip2}", "Dua"))
    assert plan.ok, plan.lines()
    assert [b.nip for b in plan.baris] == [nip1, nip2]
    apply_import(workspace, admin, plan)
    with workspace.read() as session:
        assert sorted(session.scalars(select(Pegawai.nip))) == [nip1, nip2]


@pytest.mark.parametrize(
    "isi",
    [
        date(1986, 9, 26),
        datetime(1986, 9, 26, 0, 0),
        "26/09/1986",
        "1986-09-26",
        "26-9-1986",
        "26 September 1986",
        31681,
    ],
)
def test_dates_as_real_dates_text_or_excel_day_numbers(rencana: Any, kit: Any, isi: object) -> None:
    plan = rencana(kit.baris(kit.nip_pns(1), tanggal_lahir=isi, tmt_golongan=isi))
    assert plan.ok, plan.lines()
    data = plan.baris[0].data
    assert data is not None and data.tanggal_lahir == date(1986, 9, 26) == data.tmt_golongan
    assert not plan.peringatan


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("26/09/86", "harus ditulis 4 digit"),
        ("31/02/2020", "tidak ada di kalender"),
        ("kemarin", "tidak dikenali"),
        (1986, "Tulis tanggal lengkap"),
        ("01/01/1905", "tidak masuk akal"),
    ],
)
def test_impossible_dates_and_two_digit_years_are_refused(
    rencana: Any, kit: Any, isi: object, pesan: str
) -> None:
    g = _satu_galat(rencana(kit.baris(kit.nip_pns(1), tmt_golongan=isi)))
    assert (g.kolom, g.baris, g.huruf) == ("TMT Golongan", 2, "J")
    assert pesan in g.pesan


def test_a_birth_date_that_disagrees_with_the_nip_is_a_warning(rencana: Any, kit: Any) -> None:
    plan = rencana(kit.baris(kit.nip_pns(1), tanggal_lahir="27/09/1986"))
    assert plan.ok and plan.counts[Aksi.TAMBAH] == 1
    assert [g.kolom for g in plan.peringatan] == ["Tanggal Lahir"]
    assert "Peringatan (tidak menghalangi impor):" in plan.lines()


@pytest.mark.parametrize(
    ("status", "isi", "hasil"),
    [
        ("PNS", "III a", "III/a"),
        ("pns", "3a", "III/a"),
        ("CPNS", "ii/c", "II/c"),
        ("PPPK", "9", "IX"),
        ("PPPK", 9, "IX"),
        ("P3K", "ix", "IX"),
        ("", "Penata Muda Tk. I", "III/b"),
    ],
)
def test_golongan_as_people_type_it(rencana: Any, kit: Any, status: str, isi: object, hasil: str) -> None:
    nip = kit.nip_pppk(1) if status.upper() in ("PPPK", "P3K") else kit.nip_pns(1)
    plan = rencana(kit.baris(nip, golongan=isi, status_kepegawaian=status))
    assert plan.ok, plan.lines()
    data = plan.baris[0].data
    assert data is not None and data.golongan == hasil


@pytest.mark.parametrize(
    ("status", "isi", "pesan"),
    [
        ("PNS", "XI", "harus disertai ruang"),
        ("PPPK", "III/a", "tidak memakai ruang"),
        ("PNS", "V/a", "tidak dikenal"),
    ],
)
def test_golongan_not_valid_for_the_status_is_refused(
    rencana: Any, kit: Any, status: str, isi: str, pesan: str
) -> None:
    nip = kit.nip_pppk(1) if status == "PPPK" else kit.nip_pns(1)
    g = _satu_galat(rencana(kit.baris(nip, golongan=isi, status_kepegawaian=status)))
    assert g.kolom == "Golongan" and pesan in g.pesan


def test_labels_and_codes_of_choice_columns(rencana: Any, kit: Any) -> None:
    plan = rencana(
        kit.baris(
            kit.nip_pns(1),
            jenis_kelamin="Laki-laki",
            jenis_jabatan="JF Keahlian",
            jenjang_jabatan="ahli muda",
            status_aktif="aktif",
            telepon=81234567890,
        ),
    )
    assert plan.ok, plan.lines()
    data = plan.baris[0].data
    assert data is not None
    assert (data.jenis_kelamin, data.jenis_jabatan, data.jenjang_jabatan) == (
        "L",
        "fungsional_keahlian",
        "ahli_muda",
    )
    assert data.telepon == "081234567890"


def test_unknown_choices_name_the_allowed_values(rencana: Any, kit: Any) -> None:
    plan = rencana(
        kit.baris(kit.nip_pns(1), jenis_kelamin="X", jenis_jabatan="Direktur", status_kepegawaian="Honorer")
    )
    kolom = {g.kolom: g.pesan for g in plan.galat}
    assert set(kolom) == {"Jenis Kelamin (L/P)", "Jenis Jabatan", "Status (PNS/CPNS/PPPK)"}
    assert "isi L (laki-laki) atau P" in kolom["Jenis Kelamin (L/P)"]
    assert "Administrator" in kolom["Jenis Jabatan"]


def test_duplicate_nip_in_the_file_is_an_error_on_the_later_row(rencana: Any, kit: Any) -> None:
    nip = kit.nip_pns(1)
    plan = rencana(kit.baris(nip, "Pertama"), kit.baris(kit.nip_pns(2), "Lain"), kit.baris(nip, "Kedua"))
    g = _satu_galat(plan)
    assert (g.baris, g.kolom) == (4, "NIP") and "sudah ada di baris 2" in g.pesan
    assert [b.aksi for b in plan.baris] == [Aksi.TAMBAH, Aksi.TAMBAH, Aksi.GALAT]


def test_missing_nip_name_or_unit(rencana: Any, kit: Any) -> None:
    plan = rencana(
        kit.baris("", "Tanpa NIP"), kit.baris(kit.nip_pns(1), ""), {"NIP": kit.nip_pns(2), "Nama": "X"}
    )
    assert [(g.baris, g.kolom) for g in plan.galat] == [(2, "NIP"), (3, "Nama"), (4, "Unit Kerja")]


def test_superior_by_nip_in_any_row_order(rencana: Any, kit: Any, workspace: Workspace, admin: Actor) -> None:
    camat, staf = kit.nip_pns(1), kit.nip_pns(2)
    plan = rencana(kit.baris(staf, "Staf", atasan=camat), kit.baris(camat, "Camat", golongan="IV/a"))
    assert plan.ok, plan.lines()
    apply_import(workspace, admin, plan)
    with workspace.read() as session:
        ids = {p.nip: p for p in session.scalars(select(Pegawai))}
        assert ids[staf].atasan_id == ids[camat].id and ids[camat].atasan_id is None


def test_superior_that_exists_nowhere(rencana: Any, kit: Any) -> None:
    g = _satu_galat(rencana(kit.baris(kit.nip_pns(1), atasan=kit.nip_pns(9))))
    assert g.kolom == "NIP Atasan" and "tidak ditemukan di data pegawai maupun di berkas ini" in g.pesan


def test_superior_loops_and_self_are_refused(rencana: Any, kit: Any) -> None:
    a, b = kit.nip_pns(1), kit.nip_pns(2)
    plan = rencana(
        kit.baris(a, "Ani", atasan=b),
        kit.baris(b, "Budi", atasan=a),
        kit.baris(kit.nip_pns(3), atasan=kit.nip_pns(3)),
    )
    pesan = [g.pesan for g in plan.galat]
    assert len(pesan) == 3
    assert pesan[0].startswith("Rantai atasan berputar: Ani → ") and "dirinya sendiri" in pesan[2]


def test_units_by_full_path_by_unique_name_or_new(
    demo: Workspace, demo_admin: Actor, tmp_path: Path, kit: Any
) -> None:
    rows = [
        kit.baris(kit.nip_pns(101), "A", unit_kerja="kecamatan plaju/seksi pemerintahan"),
        kit.baris(kit.nip_pns(102), "B", unit_kerja="Sekretariat Kecamatan"),
        kit.baris(kit.nip_pns(103), "C", unit_kerja="Seksi Baru"),
        kit.baris(kit.nip_pns(104), "D", unit_kerja="Kecamatan Plaju / Seksi Baru / Tim Arsip"),
    ]
    path = kit.isi_templat(demo, demo_admin, tmp_path / "unit.xlsx", rows)
    with demo.read() as session:
        plan = plan_import(session, demo_admin, path)
    assert plan.ok, plan.lines()
    assert [b.jalur_unit for b in plan.baris] == [
        "Kecamatan Plaju / Seksi Pemerintahan",
        "Kecamatan Plaju / Sekretariat Kecamatan",
        "Kecamatan Plaju / Seksi Baru",
        "Kecamatan Plaju / Seksi Baru / Tim Arsip",
    ]
    assert plan.unit_baru == ["Kecamatan Plaju / Seksi Baru", "Kecamatan Plaju / Seksi Baru / Tim Arsip"]
    assert apply_import(demo, demo_admin, plan).unit_dibuat == 2


def test_new_pegawai_marked_retired_needs_a_date_and_is_archived(
    rencana: Any, kit: Any, workspace: Workspace, admin: Actor
) -> None:
    g = _satu_galat(rencana(kit.baris(kit.nip_pns(1), status_aktif="Pensiun")))
    assert g.kolom == "Tanggal Nonaktif" and "Isi tanggal pensiun" in g.pesan
    plan = rencana(kit.baris(kit.nip_pns(1), status_aktif="Pensiun", tanggal_nonaktif="01/10/2046"))
    assert plan.ok, plan.lines()
    assert apply_import(workspace, admin, plan).diarsipkan == 1
    with workspace.read() as session:
        p = session.scalars(select(Pegawai)).one()
        assert (p.status_aktif, p.tanggal_nonaktif) == ("pensiun", date(2046, 10, 1))


def test_blank_rows_are_skipped_and_row_numbers_kept(rencana: Any, kit: Any) -> None:
    plan = rencana(kit.baris(kit.nip_pns(1), "A"), {"NIP": " "}, {}, kit.baris(int(kit.nip_pns(2))))
    assert [b.baris for b in plan.baris] == [2, 5]
    assert plan.galat[0].baris == 5
