"""Signed packages: what the signature covers, and which packages an office refuses before any plan."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pendukung_paket import write_info_fields

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.actions import export_paket, plan_file
from kinerja_desktop.core.exchange.paket.model import InfoPaket, JenisPaket
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket, read_paket_info
from kinerja_desktop.core.exchange.paket.signature import signed_bytes, verify_info
from kinerja_desktop.core.services import kantor, kunci_kantor
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.signing import new_key_pair
from kinerja_desktop.core.workspace import Workspace

Buka = Callable[[str], Workspace]


def test_an_exported_package_carries_a_signature_that_survives_the_workbook(
    buka: Buka, tmp_path: Path
) -> None:
    plj = buka("PLJ")
    path = export_paket(plj, SYSTEM, tmp_path / "plj.xlsx").path
    info = read_paket_info(path)
    with plj.read() as s:
        sendiri = kunci_kantor.own_key(s)
        privat = kunci_kantor.private_key(s)
    assert info.kunci_publik == sendiri.kunci_publik and verify_info(info)
    assert read_paket(path).paket.info == info
    with zipfile.ZipFile(path) as z:  # the private key never leaves the database
        assert all(privat.encode() not in z.read(n) for n in z.namelist())


def _semua_field_lain(info: InfoPaket) -> list[InfoPaket]:
    """``info`` with one field changed at a time (every field but the signature)."""
    ubah: dict[str, Any] = {
        "jenis": JenisPaket.INDUK,
        "kantor_kode": "SKU",
        "kantor_nama": "Kecamatan Lain",
        "tujuan_kode": "SKU",
        "tahun": 1999,
        "dibuat_pada": info.dibuat_pada + timedelta(microseconds=1),
        "versi_aplikasi": "9.9",
        "jumlah": {**info.jumlah, "pegawai": info.jumlah["pegawai"] + 1},
        "checksum": "0" * 64,
        "format": "lain",
        "versi_format": info.versi_format + 1,
        "kunci_publik": new_key_pair().publik,
    }
    assert set(ubah) == {f.name for f in fields(info)} - {"tanda_tangan"}, "every signed field is tried"
    return [replace(info, **{k: v}) for k, v in ubah.items()]


def test_every_info_field_is_covered_by_the_signature(buka: Buka, sinkron: Any) -> None:
    info = sinkron.paket(buka("PLJ")).info
    assert verify_info(info)
    for lain in _semua_field_lain(info):
        assert signed_bytes(lain) != signed_bytes(info)
        assert not verify_info(lain), lain
    assert not verify_info(replace(info, tanda_tangan=""))


@pytest.mark.parametrize(
    ("field", "nilai"),
    [("tahun", "2020"), ("kantor_kode", "SKU"), ("checksum", "0" * 64), ("jenis", "induk")],
)
def test_an_info_field_changed_in_the_workbook_is_refused_naming_the_signature(
    buka: Buka, tmp_path: Path, field: str, nilai: str
) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    path = export_paket(plj, SYSTEM, tmp_path / "plj.xlsx").path
    write_info_fields(path, **{field: nilai})
    if field == "jenis":  # a paket induk must name its office
        write_info_fields(path, tujuan_kode="PUSAT")
    with pytest.raises(KnownError) as refused:
        plan_file(pusat, SYSTEM, path)
    assert "Lembar Info paket ini diubah setelah diekspor" in refused.value.pesan
    assert "lembar Info, Tanda tangan pembuat (Ed25519)" in refused.value.pesan
    assert "mengekspor ulang" in (refused.value.saran or "")


def test_an_unsigned_package_from_an_older_version_is_refused(buka: Buka, tmp_path: Path) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    path = export_paket(plj, SYSTEM, tmp_path / "plj.xlsx").path
    write_info_fields(path, kunci_publik="", tanda_tangan="")
    with pytest.raises(KnownError, match="tidak bertanda tangan") as refused:
        plan_file(pusat, SYSTEM, path)
    assert "versi lama" in refused.value.pesan
    assert "memperbarui Kinerja Desktop" in (refused.value.saran or "")


def test_an_office_refuses_another_offices_paket_kantor(buka: Buka, sinkron: Any) -> None:
    plj, sku = buka("PLJ"), buka("SKU")
    sebelum = sinkron.isi(sku)
    with pytest.raises(KnownError) as refused:
        sinkron.rencana(sku, sinkron.paket(plj))
    assert "paket kantor dari Kecamatan PLJ (PLJ)" in refused.value.pesan
    assert "bukan untuk kantor ini (SKU)" in refused.value.pesan and "Jenis paket" in refused.value.pesan
    assert "Kirim berkas ini ke kantor pusat" in (refused.value.saran or "")
    assert sinkron.isi(sku) == sebelum


def test_a_paket_induk_is_for_the_office_it_names_only(buka: Buka, sinkron: Any) -> None:
    pusat, plj, sku = buka("PUSAT"), buka("PLJ"), buka("SKU")
    sinkron.impor(pusat, sinkron.paket(plj))
    induk = sinkron.paket(pusat, "PLJ", jenis=JenisPaket.INDUK, tujuan="PLJ")
    with pytest.raises(KnownError, match=r"Paket induk ini untuk kantor PLJ, bukan untuk kantor ini \(SKU\)"):
        sinkron.rencana(sku, induk)
    assert sinkron.rencana(plj, induk).ok
    with pytest.raises(KnownError, match="Kode kantor tujuan"):
        sinkron.rencana(plj, sinkron.sign(pusat, replace(induk, info=replace(induk.info, tujuan_kode=""))))


def test_the_first_import_pins_the_key_and_a_later_one_checks_it(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    admin = pusat.login("admin", "rahasia123")
    with plj.read() as s:
        sidik = kunci_kantor.own_key(s).sidik
    rencana = sinkron.rencana(pusat, sinkron.paket(plj))
    assert rencana.kunci_baru and rencana.pengirim is not None and rencana.pengirim.sidik == sidik
    assert any(sidik in b and "belum tersimpan" in b for b in rencana.ringkasan())
    with pusat.read() as s:
        assert kunci_kantor.pinned_key(s, "PLJ") is None, "planning pins nothing"
    _, hasil = sinkron.impor(pusat, sinkron.paket(plj), admin)
    assert hasil.kunci_baru == sidik and f"Kunci pengirim disimpan di sini: {sidik}." in hasil.lines()
    with pusat.read() as s:
        (pin,) = kunci_kantor.pinned_keys(s)
        audit = [a.keterangan for a in _audit(s, "kunci_mitra")]
    assert (pin.kode, pin.sidik, pin.oleh, pin.cara) == ("PLJ", sidik, "admin", "impor pertama oleh admin")
    assert audit == [f"Kunci kantor PLJ disimpan pada impor pertama darinya: {sidik}."]
    lagi = sinkron.rencana(pusat, sinkron.paket(plj))
    assert not lagi.kunci_baru and f"cocok dengan yang tersimpan ({sidik})" in lagi.teks_kunci()


def _audit(s: Any, aksi: str) -> list[Any]:
    from sqlalchemy import select

    from kinerja_desktop.core.db.models import AuditLog

    return list(s.scalars(select(AuditLog).where(AuditLog.aksi == aksi).order_by(AuditLog.id)))


def _pasang_ulang(ws: Workspace) -> str:
    """The office's PC reinstalled: a new key pair. Returns the new fingerprint."""
    with ws.transaction() as s:
        kantor.create_key_pair(s)
    with ws.read() as s:
        return kunci_kantor.own_key(s).sidik


def test_another_key_is_refused_with_both_fingerprints_until_an_administrator_accepts_it(
    buka: Buka, sinkron: Any, tmp_path: Path
) -> None:
    from kinerja_desktop.core.errors import PermissionDenied, ValidationError
    from kinerja_desktop.core.exchange.actions import accept_key, import_file, read_key
    from kinerja_desktop.core.services.access import Actor, Peran

    pusat, plj = buka("PUSAT"), buka("PLJ")
    admin = pusat.login("admin", "rahasia123")
    sinkron.impor(pusat, sinkron.paket(plj))
    with pusat.read() as s:
        lama = kunci_kantor.pinned_key(s, "PLJ")
    assert lama is not None
    baru = _pasang_ulang(plj)
    path = export_paket(plj, SYSTEM, tmp_path / "plj-baru.xlsx").path
    sebelum = sinkron.isi(pusat)
    with pytest.raises(kunci_kantor.KunciBerbeda) as refused:
        plan_file(pusat, admin, path)
    assert f"Kunci tersimpan: {lama.sidik}; kunci pada paket: {baru}." in refused.value.pesan
    assert "halaman Pertukaran Data" in (refused.value.saran or "")
    assert "kinerja-desktop kunci terima" in (refused.value.saran or "")

    dari = read_key(pusat, admin, path, "plj")
    assert dari.tersimpan == lama and dari.kunci.sidik == baru
    operator = Actor(None, "operator", "Operator", Peran.OPERATOR)
    with pytest.raises(PermissionDenied, match="menerima kunci tanda tangan baru"):
        read_key(pusat, operator, path)
    with pytest.raises(PermissionDenied), pusat.transaction(operator) as s:
        accept_key(s, operator, dari, "Komputer dipasang ulang")
    with pytest.raises(ValidationError) as kosong, pusat.transaction(admin) as s:
        accept_key(s, admin, dari, "  ")
    assert kosong.value.kolom == "alasan"
    assert sinkron.isi(pusat) == sebelum

    alasan = "Komputer PLJ dipasang ulang; sidik dicocokkan lewat telepon"
    with pusat.transaction(admin) as s:
        diterima = accept_key(s, admin, dari, alasan)
    assert (diterima.sidik, diterima.alasan, diterima.oleh) == (baru, alasan, "admin")
    assert [k.sidik for k in diterima.sebelumnya] == [lama.sidik]
    with pusat.read() as s:
        (terima,) = _audit(s, "terima_kunci")
        assert kunci_kantor.pinned_key(s, "PLJ") == diterima
    assert terima.username == "admin" and alasan in terima.keterangan
    assert terima.sebelum == {"sidik": lama.sidik} and terima.sesudah == {"sidik": baru, "alasan": alasan}
    with pytest.raises(ValidationError, match="sudah tersimpan"), pusat.transaction(admin) as s:
        accept_key(s, admin, dari, alasan)

    rb = plan_file(pusat, admin, path)
    assert not rb.rencana.kunci_baru and rb.rencana.ok
    import_file(pusat, admin, rb)


def test_applying_checks_the_key_again(buka: Buka, sinkron: Any, tmp_path: Path) -> None:
    """A key accepted for the office between the plan and the import keeps the planned file out."""
    from kinerja_desktop.core.exchange.actions import accept_key, import_file, read_key

    pusat, plj, lain = buka("PUSAT"), buka("PLJ"), buka("PLJ")
    admin = pusat.login("admin", "rahasia123")
    rb = plan_file(pusat, admin, export_paket(plj, SYSTEM, tmp_path / "plj.xlsx").path)
    assert rb.rencana.kunci_baru
    _pasang_ulang(lain)
    dari = read_key(pusat, admin, export_paket(lain, SYSTEM, tmp_path / "lain.xlsx").path)
    with pusat.transaction(admin) as s:
        accept_key(s, admin, dari, "Kunci ini yang benar")
    sebelum = sinkron.isi(pusat)
    with pytest.raises(kunci_kantor.KunciBerbeda):
        import_file(pusat, admin, rb)
    assert sinkron.isi(pusat) == sebelum
    assert not list(pusat.paths.backups.glob("*sebelum-impor-paket*")), "refused before the backup"


def test_the_private_key_never_reaches_the_audit_log(buka: Buka) -> None:
    from sqlalchemy import select

    from kinerja_desktop.core.db.models import AuditLog

    plj = buka("PLJ")
    _pasang_ulang(plj)
    with plj.read() as s:
        privat = kunci_kantor.private_key(s)
        rows = s.scalars(select(AuditLog).where(AuditLog.baris_id == kantor.KEY_KUNCI_PRIVAT)).all()
        semua = " ".join(f"{a.sebelum} {a.sesudah} {a.keterangan}" for a in s.scalars(select(AuditLog)))
    assert rows and all((a.sesudah or {}).get("nilai") == "***" for a in rows)
    assert privat not in semua
