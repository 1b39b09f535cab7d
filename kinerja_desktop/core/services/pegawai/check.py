"""Checks of a pegawai's data before saving: the record's own rules, duplicates, unit, superior chain."""

from __future__ import annotations

from dataclasses import asdict, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.pegawai import Masalah, PegawaiInput
from kinerja_desktop.core.rules.nip import (
    JenisNip,
    NipInfo,
    check_consistency,
    kode_jenis_kelamin,
    normalize_nip,
)
from kinerja_desktop.core.rules.pangkat import StatusKepegawaian, normalize_golongan
from kinerja_desktop.core.validation.base import raise_first
from kinerja_desktop.core.validation.pegawai import PEGAWAI, read_nip
from kinerja_desktop.core.validation.pegawai import jenis_nip_untuk as jenis_nip_untuk


def _clean(text: str) -> str:
    return " ".join(text.split())


def info_nip(nip: str, status: str) -> NipInfo:
    """Parse a NIP in the layout the status implies (raises ValidationError with the reason)."""
    return read_nip(nip, status)


def review_pegawai(
    session: Session, data: PegawaiInput, pegawai_id: str | None = None
) -> tuple[PegawaiInput, list[Masalah]]:
    """Normalise ``data`` (NIP digits, golongan spelling, fields the NIP implies) and list every problem:
    the record's own rules (``validation.pegawai``, as an import checks them), then what needs the
    database (a NIP already in use, the unit, the superior chain)."""
    masalah: list[Masalah] = []
    status = data.status_kepegawaian.strip().lower()
    data = replace(
        data,
        nip=normalize_nip(data.nip),
        nama=_clean(data.nama),
        status_kepegawaian=status,
        gelar_depan=_clean(data.gelar_depan),
        gelar_belakang=_clean(data.gelar_belakang),
        tempat_lahir=_clean(data.tempat_lahir),
        jabatan=_clean(data.jabatan),
        email=data.email.strip(),
        telepon=data.telepon.strip(),
        alamat=data.alamat.strip(),
    )
    if data.jenis_kelamin.strip():
        try:
            data = replace(data, jenis_kelamin=kode_jenis_kelamin(data.jenis_kelamin))
        except ValidationError as exc:
            masalah.append(Masalah("jenis_kelamin", exc.pesan, saran=exc.saran or ""))
            data = replace(data, jenis_kelamin="")
    salah_status = PEGAWAI.code("status_kepegawaian").problem(status)
    if salah_status is not None:
        masalah.append(salah_status)
        status = StatusKepegawaian.PNS.value
        data = replace(data, status_kepegawaian=status)
    data = _normalize_golongan(data, masalah)
    masalah += PEGAWAI.check(asdict(data), lewati={m.kolom for m in masalah})
    if not any(m.kolom == "nip" for m in masalah):
        data = _check_nip(session, data, pegawai_id, masalah)
    _check_unit(session, data, masalah)
    _check_atasan(session, data, pegawai_id, masalah)
    return data, masalah


def _normalize_golongan(data: PegawaiInput, masalah: list[Masalah]) -> PegawaiInput:
    """The golongan as stored ("III/b", PPPK "IX") from however it was typed."""
    if not data.golongan.strip():
        return replace(data, golongan="")
    try:
        golongan = normalize_golongan(data.golongan, StatusKepegawaian(data.status_kepegawaian))
    except ValidationError as exc:
        masalah.append(Masalah("golongan", exc.pesan, saran=exc.saran or ""))
        return data
    return replace(data, golongan=golongan)


def _check_nip(
    session: Session, data: PegawaiInput, pegawai_id: str | None, masalah: list[Masalah]
) -> PegawaiInput:
    info = info_nip(data.nip, data.status_kepegawaian)  # valid: the rules found nothing wrong with it
    twin = session.execute(
        select(Pegawai.nama, Pegawai.status_aktif, Pegawai.dihapus_pada).where(
            Pegawai.nip == info.nip, Pegawai.id != (pegawai_id or "")
        )
    ).first()
    if twin is not None and not (twin.dihapus_pada is not None and pegawai_id is None):
        # A new pegawai may take the NIP of a deleted one: the record is used again (create_pegawai).
        if twin.dihapus_pada is not None:
            keadaan = " (data yang sudah dihapus; tambahkan sebagai pegawai baru bila orangnya sama)"
        elif twin.status_aktif != "aktif":
            keadaan = " (nonaktif; aktifkan kembali bila orangnya sama)"
        else:
            keadaan = ""
        masalah.append(Masalah("nip", f"NIP {info.nip} sudah dipakai oleh {twin.nama}{keadaan}."))
    for pesan in check_consistency(
        info,
        data.tanggal_lahir,
        data.jenis_kelamin or None,
        data.tmt_cpns if info.jenis is JenisNip.PNS else None,
    ):
        kolom = "tanggal_lahir" if "lahir" in pesan else "jenis_kelamin" if "kelamin" in pesan else "tmt_cpns"
        masalah.append(Masalah(kolom, pesan, peringatan=True))
    return replace(
        data,
        tanggal_lahir=data.tanggal_lahir or info.tanggal_lahir,
        jenis_kelamin=data.jenis_kelamin or info.jenis_kelamin,
        tmt_cpns=data.tmt_cpns or info.tmt_cpns,
    )


def _check_unit(session: Session, data: PegawaiInput, masalah: list[Masalah]) -> None:
    if data.unit_kerja_id is None:
        masalah.append(Masalah("unit_kerja", "Pilih unit kerja pegawai."))
        return
    unit = session.get(UnitKerja, data.unit_kerja_id)
    if unit is None or unit.dihapus_pada is not None:
        masalah.append(Masalah("unit_kerja", "Unit kerja yang dipilih tidak ditemukan."))
    elif unit.ditutup_pada is not None:
        masalah.append(Masalah("unit_kerja", f"Unit '{unit.nama}' sudah ditutup; pilih unit yang aktif."))


def _check_atasan(
    session: Session, data: PegawaiInput, pegawai_id: str | None, masalah: list[Masalah]
) -> None:
    if data.atasan_id is None:
        return
    if pegawai_id is not None and data.atasan_id == pegawai_id:
        masalah.append(
            Masalah("atasan", "Pegawai tidak bisa menjadi atasan (pejabat penilai) dirinya sendiri.")
        )
        return
    atasan = session.get(Pegawai, data.atasan_id)
    if atasan is None or atasan.dihapus_pada is not None:
        masalah.append(Masalah("atasan", "Atasan yang dipilih tidak ditemukan."))
        return
    if atasan.status_aktif != "aktif":
        masalah.append(
            Masalah("atasan", f"{atasan.nama} sudah nonaktif dan tidak bisa menjadi pejabat penilai.")
        )
        return
    if pegawai_id is None:
        return
    seen = {atasan.id}
    chain = [atasan.nama]
    cursor = atasan.atasan_id
    while cursor is not None:
        if cursor == pegawai_id:
            masalah.append(
                Masalah(
                    "atasan",
                    f"Rantai atasan berputar: {' → '.join(chain)} → pegawai ini. "
                    "Pilih atasan yang tidak berada di bawah pegawai ini.",
                )
            )
            return
        if cursor in seen:
            return  # an existing loop elsewhere: not this change's doing
        seen.add(cursor)
        row = session.execute(select(Pegawai.nama, Pegawai.atasan_id).where(Pegawai.id == cursor)).first()
        if row is None:
            return
        chain.append(row.nama)
        cursor = row.atasan_id


def raise_first_error(masalah: list[Masalah]) -> None:
    """Raise the first blocking problem as a ValidationError (warnings are not raised)."""
    raise_first(masalah)
