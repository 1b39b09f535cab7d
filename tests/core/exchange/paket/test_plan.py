"""Import plans: counts per sheet, a second import a no-op, invalid rows blocking with where and why."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import AuditLog, Pegawai, SyncLog
from kinerja_desktop.core.errors import KnownError, PermissionDenied, TidakPerlu
from kinerja_desktop.core.exchange.paket.apply import apply_plan
from kinerja_desktop.core.exchange.paket.model import Paket
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace

Buka = Callable[[str], Workspace]


def _jumlah(rencana: Any, tabel: str) -> Any:
    return next(j for j in rencana.jumlah if j.tabel == tabel)


def test_two_offices_import_into_central_as_new_rows_and_again_as_nothing(buka: Buka, sinkron: Any) -> None:
    pusat, plj, sku = buka("PUSAT"), buka("PLJ"), buka("SKU")
    admin = pusat.login("admin", "rahasia123")
    for ws in (plj, sku):
        paket = sinkron.paket(ws)
        rencana, hasil = sinkron.impor(
            pusat, paket, admin, nama_berkas=f"{ws.kantor_kode}.xlsx", sha256="ab" * 32
        )
        assert rencana.ok and not rencana.konflik and rencana.checksum_cocok
        for tabel, rows in paket.baris.items():
            j = _jumlah(rencana, tabel)
            if tabel == "perilaku":  # the BerAKHLAK master: merged with central's own, silently
                assert (j.sama, j.baru) == (7, 0)
            else:
                assert (j.baru, j.total) == (len(rows), len(rows)), tabel
        assert {g.tabel for g in rencana.penggabungan} == {"perilaku"}
        assert all(g.otomatis for g in rencana.penggabungan)
        assert hasil.ditulis
        if pusat.is_sqlite:  # a server database is backed up with the server's tools
            assert hasil.cadangan is not None and hasil.cadangan.exists()
        else:
            assert hasil.cadangan is None
    with pusat.read() as s:
        assert s.scalar(select(func.count()).select_from(Pegawai)) == 16
        log = s.scalars(select(SyncLog).order_by(SyncLog.id)).all()
        assert [(r.kantor_kode, r.arah, r.username, r.nama_berkas) for r in log] == [
            ("PLJ", "impor", "admin", "PLJ.xlsx"),
            ("SKU", "impor", "admin", "SKU.xlsx"),
        ]
        assert log[0].jumlah is not None and log[0].jumlah["total"]["baru"] > 100
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.aksi == "impor")) == 2

    sebelum = sinkron.isi(pusat)
    paket = sinkron.paket(plj)
    lagi = sinkron.rencana(pusat, paket)
    assert lagi.total(Aksi.SAMA) == sum(len(v) for v in paket.baris.values())
    assert lagi.sudah_diimpor and not lagi.ada_perubahan
    assert "Paket ini sudah pernah diimpor; tidak ada yang berubah." in lagi.ringkasan()
    hasil = apply_plan(pusat, admin, lagi)
    assert hasil.cadangan is None and sinkron.isi(pusat) == sebelum


def test_reimport_of_the_same_file_is_recognised_by_its_hash(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    paket = sinkron.paket(plj)
    sinkron.impor(pusat, paket, sha256="cd" * 32)
    kedua = copy.deepcopy(paket)
    pegawai = kedua.baris["pegawai"]
    pegawai[0] = pegawai[0].ganti(telepon="0711-1")
    kedua = sinkron.sign(plj, kedua)  # another checksum: only the file hash matches
    assert kedua.info.checksum != paket.info.checksum
    rencana = sinkron.rencana(pusat, kedua, sha256="cd" * 32)
    assert rencana.sudah_diimpor


def test_plan_needs_the_sync_permission(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    pimpinan = Actor(None, "pimpinan", "Pimpinan", Peran.PIMPINAN)
    with pytest.raises(PermissionDenied, match="mengekspor atau mengimpor paket"):
        sinkron.rencana(pusat, sinkron.paket(plj), pimpinan)


def test_a_package_from_this_office_itself_is_refused(buka: Buka, sinkron: Any) -> None:
    plj = buka("PLJ")
    with pytest.raises(TidakPerlu, match=r"kantor ini sendiri \(PLJ\); tidak ada yang perlu diimpor"):
        sinkron.rencana(plj, sinkron.paket(plj))


def _rusak(paket: Paket) -> Paket:
    """A package with one of each kind of invalid row (rows 2.. of each sheet are list index + 2)."""
    p = copy.deepcopy(paket)
    pegawai = p.baris["pegawai"]
    pegawai[0] = pegawai[0].ganti(nip=198503302010011002)  # a NIP that became a number
    pegawai[1] = pegawai[1].ganti(nama=None)  # a required value removed
    pegawai[2] = pegawai[2].ganti(nip=pegawai[3].nip)  # the same NIP twice
    pelatihan = p.baris["pelatihan"]
    pelatihan.append(pelatihan[0])  # the same id twice
    realisasi, indikator = p.baris["realisasi"], p.baris["indikator"]
    realisasi[0] = realisasi[0].ganti(indikator_id="00000000-0000-0000-0000-000000000000")  # nowhere
    indikator[0] = indikator[0].ganti(target_min="banyak")  # not a number
    return p


def test_invalid_rows_block_with_sheet_row_column_and_a_message(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    paket = sinkron.sign(plj, _rusak(sinkron.paket(plj)))  # PLJ's own data is wrong: row by row
    rencana = sinkron.rencana(pusat, paket)
    assert not rencana.ok
    tempat = {(m.lembar, m.baris, m.kolom) for m in rencana.galat}
    assert ("Pegawai", 2, "NIP") in tempat
    assert ("Pegawai", 3, "Nama") in tempat
    assert ("Pegawai", 5, "NIP") in tempat  # the later of the two rows with one NIP
    assert ("Pelatihan", len(paket.baris["pelatihan"]) + 1, "ID") in tempat
    assert ("Realisasi", 2, "ID Indikator") in tempat
    assert ("Indikator", 2, "Target min") in tempat
    pesan = {m.kolom: m.pesan for m in rencana.galat}
    assert "bilangan" in pesan["Target min"] or "angka" in pesan["Target min"]
    assert "tidak ada di paket ini maupun di basis data" in pesan["ID Indikator"]
    assert _jumlah(rencana, "pegawai").galat == 3 and _jumlah(rencana, "pelatihan").galat == 1
    assert any("tercatat dua kali" in m.pesan for m in rencana.galat)
    sebelum = sinkron.hash_berkas(pusat)
    with pytest.raises(KnownError, match="kesalahan"):
        apply_plan(pusat, sinkron_actor(), rencana)
    assert sinkron.hash_berkas(pusat) == sebelum
    assert not list(pusat.paths.backups.glob("*sebelum-impor-paket*"))


def sinkron_actor() -> Actor:
    return Actor(None, "operator", "Operator", Peran.OPERATOR)


def test_reader_problems_count_their_rows_as_invalid(buka: Buka, sinkron: Any) -> None:
    from kinerja_desktop.core.exchange.paket.plan.model import Masalah

    pusat, plj = buka("PUSAT"), buka("PLJ")
    baca = [Masalah("Pegawai", 4, "Tanggal lahir", "Tanggal tidak terbaca: '31/02/1980'.")]
    rencana = sinkron.rencana(pusat, sinkron.paket(plj), masalah_baca=baca)
    assert _jumlah(rencana, "pegawai").galat == 1 and not rencana.ok
    assert (
        rencana.galat[0].teks()
        == "Lembar Pegawai, baris 4, kolom Tanggal lahir: Tanggal tidak terbaca: '31/02/1980'."
    )


def test_an_edited_package_is_refused_and_nothing_is_planned(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    sinkron.impor(pusat, sinkron.paket(plj))
    paket = sinkron.paket(plj)
    realisasi = paket.baris["realisasi"]
    realisasi[0] = realisasi[0].ganti(nilai=Decimal("99.5"))  # typed over in Excel: revisi unchanged
    sebelum = sinkron.isi(pusat)
    with pytest.raises(KnownError, match="Isi paket ini diubah setelah diekspor") as refused:
        sinkron.rencana(pusat, paket)
    assert "mengekspor ulang" in (refused.value.saran or "")
    assert sinkron.isi(pusat) == sebelum
