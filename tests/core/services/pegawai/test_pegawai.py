"""Staff records: checks, history on change, archive and re-activation, superior chains."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai, RiwayatJabatan, RiwayatPangkat, UnitKerja
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.model.pegawai import PegawaiInput, StatusAktif
from kinerja_desktop.core.services import pegawai as svc
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace

CAMAT_NIP = "197503122000031002"
STAF_NIP = "198609262015052001"  # a woman: digit 15 is 2


def _root(ws: Workspace) -> str:
    with ws.read() as session:
        return unit_kerja.root_unit_id(session)


def _create(ws: Workspace, actor: Actor, data: PegawaiInput) -> str:
    with ws.transaction(actor) as session:
        return svc.create_pegawai(session, actor, data)


@pytest.fixture
def camat(workspace: Workspace, admin: Actor) -> str:
    data = PegawaiInput(
        nip="19750312 200003 1 002",
        nama="Ahmad Fauzi",
        gelar_belakang="S.STP, M.Si",
        golongan="IV a",
        jabatan="Camat",
        jenis_jabatan="administrator",
        unit_kerja_id=_root(workspace),
    )
    return _create(workspace, admin, data)


def _staf(ws: Workspace, atasan: str | None = None, **changes: object) -> PegawaiInput:
    base = PegawaiInput(
        nip=STAF_NIP,
        nama="Siti Aminah",
        golongan="3b",
        jabatan="Pengadministrasi Perkantoran",
        jenis_jabatan="pelaksana",
        unit_kerja_id=_root(ws),
        atasan_id=atasan,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_create_normalises_and_fills_from_the_nip(workspace: Workspace, admin: Actor, camat: str) -> None:
    with workspace.read() as session:
        p = session.get(Pegawai, camat)
        assert p is not None
        assert (p.nip, p.golongan, p.jenis_kelamin) == (CAMAT_NIP, "IV/a", "L")
        assert (p.tanggal_lahir, p.tmt_cpns) == (date(1975, 3, 12), date(2000, 3, 1))
        assert p.nama_lengkap == "Ahmad Fauzi, S.STP, M.Si"
        [riwayat] = session.scalars(select(RiwayatJabatan).where(RiwayatJabatan.pegawai_id == camat))
        assert riwayat.jabatan == "Camat" and riwayat.sampai is None
        assert (
            session.scalar(select(RiwayatPangkat.golongan).where(RiwayatPangkat.pegawai_id == camat))
            == "IV/a"
        )


def test_disagreement_with_the_nip_is_a_warning_not_a_block(
    workspace: Workspace, admin: Actor, camat: str
) -> None:
    data = _staf(workspace, camat, tanggal_lahir=date(1986, 9, 25), jenis_kelamin="L")
    with workspace.read() as session:
        clean, masalah = svc.check_pegawai(session, admin, data)
    warnings = {m.kolom: m.pesan for m in masalah if m.peringatan}
    assert set(warnings) == {"tanggal_lahir", "jenis_kelamin"}
    assert "26 September 1986" in warnings["tanggal_lahir"]
    assert not [m for m in masalah if not m.peringatan]
    assert clean.tanggal_lahir == date(1986, 9, 25)  # what was typed is kept; the clerk decides
    _create(workspace, admin, data)


@pytest.mark.parametrize(
    ("changes", "kolom", "fragment"),
    [
        ({"nip": "12345"}, "nip", "18 digit"),
        ({"nip": CAMAT_NIP}, "nip", "sudah dipakai oleh Ahmad Fauzi"),
        ({"nama": "  "}, "nama", "wajib"),
        ({"golongan": "XIII"}, "golongan", "golongan PNS/CPNS harus disertai ruang"),
        ({"status_kepegawaian": "honorer"}, "status_kepegawaian", "PNS, CPNS atau PPPK"),
        ({"jenis_jabatan": "pelaksana", "jenjang_jabatan": "ahli_muda"}, "jenjang_jabatan", "bukan jenjang"),
        ({"unit_kerja_id": None}, "unit_kerja", "Pilih unit"),
        ({"email": "bukan-surel"}, "email", "tidak sah"),
    ],
)
def test_bad_values_are_refused_with_the_field_named(
    workspace: Workspace, admin: Actor, camat: str, changes: dict[str, object], kolom: str, fragment: str
) -> None:
    with pytest.raises(ValidationError, match=fragment) as info:
        _create(workspace, admin, _staf(workspace, camat, **changes))
    assert info.value.kolom == kolom


def test_gender_words_are_understood(workspace: Workspace, admin: Actor, camat: str) -> None:
    with workspace.read() as session:
        clean, masalah = svc.check_pegawai(session, admin, _staf(workspace, camat, jenis_kelamin="Wanita"))
        assert clean.jenis_kelamin == "P" and masalah == []
        _, masalah = svc.check_pegawai(session, admin, _staf(workspace, camat, jenis_kelamin="Pria"))
        assert [m.kolom for m in masalah] == ["jenis_kelamin"] and masalah[0].peringatan  # NIP says woman
        _, masalah = svc.check_pegawai(session, admin, _staf(workspace, camat, jenis_kelamin="X"))
        assert [(m.kolom, m.peringatan) for m in masalah] == [("jenis_kelamin", False)]


def test_nip_of_a_deleted_record_comes_back_as_new_but_another_pegawai_cannot_take_it(
    workspace: Workspace, admin: Actor, camat: str
) -> None:
    from kinerja_desktop.core.db.base import utcnow

    staf = _create(workspace, admin, _staf(workspace, None))
    with workspace.transaction(admin) as session:
        p = session.get(Pegawai, camat)
        assert p is not None
        p.dihapus_pada = utcnow()
    with pytest.raises(ValidationError, match="sudah dihapus"), workspace.transaction(admin) as session:
        svc.update_pegawai(session, admin, staf, _staf(workspace, None, nip=CAMAT_NIP))
    assert _create(workspace, admin, _staf(workspace, None, nip=CAMAT_NIP, nama="Ahmad Fauzi")) == camat


def test_pppk_takes_roman_golongan_and_its_own_nip_layout(workspace: Workspace, admin: Actor) -> None:
    data = PegawaiInput(
        nip="199001012023211001",
        nama="Rudi Hartono",
        status_kepegawaian="pppk",
        golongan="9",
        unit_kerja_id=_root(workspace),
    )
    pid = _create(workspace, admin, data)
    with workspace.read() as session:
        p = session.get(Pegawai, pid)
        assert p is not None and p.golongan == "IX" and p.tmt_cpns is None


def test_own_superior_and_loops_are_refused(workspace: Workspace, admin: Actor, camat: str) -> None:
    staf = _create(workspace, admin, _staf(workspace, camat))
    with workspace.read() as session:
        camat_data = svc.get_pegawai(session, admin, camat).data
    with pytest.raises(ValidationError, match="dirinya sendiri"), workspace.transaction(admin) as session:
        svc.update_pegawai(session, admin, camat, replace(camat_data, atasan_id=camat))
    with (
        pytest.raises(ValidationError, match="berputar: Siti Aminah"),
        workspace.transaction(admin) as session,
    ):
        svc.update_pegawai(session, admin, camat, replace(camat_data, atasan_id=staf))


def test_change_of_jabatan_and_golongan_adds_history(workspace: Workspace, admin: Actor, camat: str) -> None:
    staf = _create(workspace, admin, _staf(workspace, camat))
    with workspace.transaction(admin) as session:
        seksi = unit_kerja.create_unit(session, admin, "Seksi Pemerintahan", _root(workspace))
        data = svc.get_pegawai(session, admin, staf).data
        svc.update_pegawai(
            session,
            admin,
            staf,
            replace(
                data,
                jabatan="Analis Pemerintahan",
                unit_kerja_id=seksi,
                tmt_jabatan=date(2026, 7, 1),
                golongan="III/c",
                tmt_golongan=date(2026, 4, 1),
            ),
        )
    with workspace.read() as session:
        detail = svc.get_pegawai(session, admin, staf)
    assert [(r.jabatan, r.tmt, r.sampai) for r in detail.riwayat_jabatan] == [
        ("Analis Pemerintahan", date(2026, 7, 1), None),
        ("Pengadministrasi Perkantoran", None, date(2026, 7, 1)),
    ]
    assert detail.riwayat_jabatan[0].unit_nama == "Seksi Pemerintahan"
    assert [r.golongan for r in detail.riwayat_pangkat] == ["III/c", "III/b"]
    assert detail.atasan is not None and detail.atasan.nama == "Ahmad Fauzi, S.STP, M.Si"


def test_atasan_penilai_is_the_superiors_superior(workspace: Workspace, admin: Actor, camat: str) -> None:
    staf = _create(workspace, admin, _staf(workspace, camat))
    bawah = _create(workspace, admin, _staf(workspace, staf, nip="199512312020121001", nama="Bayu"))
    with workspace.read() as session:
        detail = svc.get_pegawai(session, admin, bawah)
    assert detail.atasan is not None and detail.atasan.id == staf
    assert detail.atasan_penilai is not None and detail.atasan_penilai.id == camat


def test_archive_reports_subordinates_and_units_then_reactivate(
    workspace: Workspace, admin: Actor, camat: str
) -> None:
    staf = _create(workspace, admin, _staf(workspace, camat))
    with workspace.transaction(admin) as session:
        unit = session.get(UnitKerja, _root(workspace))
        assert unit is not None
        unit.kepala_id = camat
        hasil = svc.archive_pegawai(
            session, admin, camat, StatusAktif.PENSIUN, date(2026, 4, 1), "Batas usia"
        )
    assert hasil.bawahan == ["Siti Aminah"] and hasil.unit_dipimpin == ["Kecamatan Plaju"]
    with workspace.read() as session:
        detail = svc.get_pegawai(session, admin, camat)
        assert (detail.status_aktif, detail.tanggal_nonaktif) == ("pensiun", date(2026, 4, 1))
        assert detail.riwayat_jabatan[0].sampai == date(2026, 4, 1)
        assert [r.id for r in svc.list_pegawai(session, admin, termasuk_nonaktif=False)] == [staf]
    with pytest.raises(ValidationError, match="aktifkan kembali"), workspace.transaction(admin) as session:
        svc.update_pegawai(session, admin, camat, detail.data)
    with pytest.raises(ValidationError, match="nonaktif"), workspace.transaction(admin) as session:
        data = svc.get_pegawai(session, admin, staf).data
        svc.update_pegawai(session, admin, staf, replace(data, atasan_id=camat, nama="Siti A."))
    with workspace.transaction(admin) as session:
        svc.reactivate_pegawai(session, admin, camat)
    with workspace.read() as session:
        assert svc.get_pegawai(session, admin, camat).status_aktif == "aktif"


def test_reassign_subordinates(workspace: Workspace, admin: Actor, camat: str) -> None:
    staf = _create(workspace, admin, _staf(workspace, camat))
    baru = _create(workspace, admin, _staf(workspace, None, nip="198001012005011003", nama="Sekcam"))
    with workspace.transaction(admin) as session:
        assert svc.reassign_bawahan(session, admin, camat, baru) == 1
    with workspace.read() as session:
        assert svc.get_pegawai(session, admin, staf).atasan.id == baru  # type: ignore[union-attr]


def test_only_staff_roles_change_records(workspace: Workspace, admin: Actor) -> None:
    penilai = Actor("p", "penilai", "Penilai", Peran.PENILAI)
    with pytest.raises(PermissionDenied), workspace.transaction(penilai) as session:
        svc.create_pegawai(session, penilai, _staf(workspace))
    with workspace.read() as session:
        assert svc.list_pegawai(session, penilai) == []  # reading is allowed


def test_list_has_names_of_unit_and_superior(workspace: Workspace, admin: Actor, camat: str) -> None:
    _create(workspace, admin, _staf(workspace, camat))
    with workspace.read() as session:
        rows = {r.nama: r for r in svc.list_pegawai(session, admin)}
    assert rows["Siti Aminah"].atasan_nama == "Ahmad Fauzi"
    assert rows["Siti Aminah"].unit_nama == "Kecamatan Plaju"
    assert rows["Ahmad Fauzi"].nama_lengkap == "Ahmad Fauzi, S.STP, M.Si"


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_save_creates_or_changes_with_the_photo_in_one_action(
    workspace: Workspace, admin: Actor, camat: str
) -> None:
    def jumlah() -> int:
        with workspace.read() as session:
            return len(svc.list_pegawai(session, admin))

    sebelum = jumlah()
    with pytest.raises(ValidationError) as refused, workspace.transaction(admin) as session:
        svc.save_pegawai(session, admin, None, _staf(workspace, camat), b"GIF89a", ganti_foto=True)
    assert refused.value.kolom == "foto" and jumlah() == sebelum  # the refused photo kept nothing

    with workspace.transaction(admin) as session:
        staf = svc.save_pegawai(session, admin, None, _staf(workspace, camat), PNG, ganti_foto=True)
    with workspace.transaction(admin) as session:
        assert svc.save_pegawai(session, admin, staf, _staf(workspace, camat, jabatan="Analis")) == staf
    with workspace.read() as session:
        assert svc.get_foto(session, admin, staf) == PNG  # not asked to change: kept
        assert svc.get_pegawai(session, admin, staf).data.jabatan == "Analis"
    with workspace.transaction(admin) as session:
        svc.save_pegawai(
            session, admin, staf, _staf(workspace, camat, jabatan="Analis"), None, ganti_foto=True
        )
    with workspace.read() as session:
        assert svc.get_foto(session, admin, staf) is None
