"""History typed in for long-serving staff: past positions without overlaps, ranks that only rise."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai, RiwayatJabatan, RiwayatPangkat
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.services import pegawai as svc
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.services.pegawai.riwayat import (
    DIISI_MANUAL,
    RiwayatJabatanInput,
    RiwayatPangkatInput,
    add_riwayat_jabatan,
    add_riwayat_pangkat,
    delete_riwayat,
)
from kinerja_desktop.core.workspace import Workspace


def _pns(ws: Workspace) -> Pegawai:
    """A PNS of the demo office whose NIP says he started in 2015 or earlier."""
    with ws.read() as s:
        return s.scalars(
            select(Pegawai).where(Pegawai.status_kepegawaian == "pns", Pegawai.tmt_cpns <= date(2015, 1, 1))
        ).first()


def test_past_positions_are_added_in_order_and_never_overlap(ws: Workspace) -> None:
    admin = Actor("x", "admin", "Admin", Peran.ADMIN)
    p = _pns(ws)
    assert p is not None and p.tmt_cpns is not None
    mulai = date(p.tmt_cpns.year, 3, 1)
    lama = RiwayatJabatanInput("Pengadministrasi Umum", mulai, date(mulai.year + 3, 2, 28), "pelaksana")
    with ws.transaction(admin) as s:
        rid = add_riwayat_jabatan(s, admin, p.id, lama)
    with ws.read() as s:
        row = s.get_one(RiwayatJabatan, rid)
        assert (row.jabatan, row.keterangan, row.sampai) == (
            "Pengadministrasi Umum",
            DIISI_MANUAL,
            lama.sampai,
        )
        assert rid in {r.id for r in svc.get_pegawai(s, admin, p.id).riwayat_jabatan}
    bertumpuk = RiwayatJabatanInput("Staf Keuangan", date(mulai.year + 1, 1, 1), date(mulai.year + 2, 1, 1))
    salah = [
        (bertumpuk, "bertumpuk dengan Pengadministrasi Umum"),
        (RiwayatJabatanInput("Staf", date(2010, 5, 1), date(2010, 4, 1)), "harus sesudah TMT"),
        (RiwayatJabatanInput("Staf", date(2010, 5, 1), None), "Tanggal selesai wajib diisi"),
        (RiwayatJabatanInput("", date(2010, 5, 1), date(2011, 5, 1)), "Nama jabatan wajib"),
        (RiwayatJabatanInput("Staf", date(1900, 1, 1), date(1901, 1, 1)), "sebelum tanggal lahir"),
        (RiwayatJabatanInput("Staf", date(2010, 5, 1), date(2999, 1, 1)), "belum terjadi"),
    ]
    for data, pesan in salah:
        with pytest.raises(ValidationError, match=pesan), ws.transaction(admin) as s:
            add_riwayat_jabatan(s, admin, p.id, data)


def test_past_ranks_only_rise_and_a_typed_line_can_be_removed(ws: Workspace) -> None:
    admin = Actor("x", "admin", "Admin", Peran.ADMIN)
    p = _pns(ws)
    assert p is not None and p.tmt_cpns is not None
    tahun = p.tmt_cpns.year
    with ws.transaction(admin) as s:
        a = add_riwayat_pangkat(s, admin, p.id, RiwayatPangkatInput("2c", date(tahun, 3, 1), "SK-1"))
        add_riwayat_pangkat(s, admin, p.id, RiwayatPangkatInput("II/d", date(tahun + 4, 4, 1)))
    with ws.read() as s:
        assert s.get_one(RiwayatPangkat, a).golongan == "II/c"  # typed as people write it
    with pytest.raises(ValidationError, match="lebih rendah daripada II/"), ws.transaction(admin) as s:
        add_riwayat_pangkat(s, admin, p.id, RiwayatPangkatInput("II/b", date(tahun + 5, 1, 1)))
    with pytest.raises(ValidationError, match="lebih tinggi daripada "), ws.transaction(admin) as s:
        add_riwayat_pangkat(s, admin, p.id, RiwayatPangkatInput("IV/a", date(tahun + 2, 1, 1)))
    with pytest.raises(ValidationError, match="Sudah ada golongan II/c"), ws.transaction(admin) as s:
        add_riwayat_pangkat(s, admin, p.id, RiwayatPangkatInput("II/c", date(tahun, 3, 1)))
    with ws.transaction(admin) as s:
        delete_riwayat(s, admin, p.id, a)
    with ws.read() as s:
        assert a not in {r.id for r in svc.get_pegawai(s, admin, p.id).riwayat_pangkat}
        kini = s.scalars(
            select(RiwayatJabatan.id).where(
                RiwayatJabatan.pegawai_id == p.id, RiwayatJabatan.sampai.is_(None)
            )
        ).first()
    assert kini is not None
    with (
        pytest.raises(ValidationError, match="jabatan atau golongan yang sekarang"),
        ws.transaction(admin) as s,
    ):
        delete_riwayat(s, admin, p.id, kini)
    pimpinan = Actor(None, "pimpinan", "Pimpinan", Peran.PIMPINAN)
    with pytest.raises(PermissionDenied), ws.transaction(pimpinan) as s:
        add_riwayat_pangkat(s, pimpinan, p.id, RiwayatPangkatInput("II/a", date(tahun, 1, 1)))


def test_typed_history_follows_the_text_rules_of_its_table(ws: Workspace) -> None:
    admin = Actor("x", "admin", "Admin", Peran.ADMIN)
    p = _pns(ws)
    assert p is not None and p.tmt_cpns is not None
    mulai = date(p.tmt_cpns.year, 3, 1)
    salah = [
        (RiwayatJabatanInput("J" * 201, mulai, date(mulai.year + 1, 1, 1)), "jabatan"),
        (RiwayatJabatanInput("Staf", mulai, date(mulai.year + 1, 1, 1), keterangan="a\x00b"), "keterangan"),
    ]
    for data, kolom in salah:
        with pytest.raises(ValidationError) as refused, ws.transaction(admin) as s:
            add_riwayat_jabatan(s, admin, p.id, data)
        assert refused.value.kolom == kolom
    with pytest.raises(ValidationError) as refused, ws.transaction(admin) as s:
        add_riwayat_pangkat(s, admin, p.id, RiwayatPangkatInput("II/a", mulai, "S" * 101))
    assert refused.value.kolom == "nomor_sk"
