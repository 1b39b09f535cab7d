"""What to print for: a unit typed by code, name or path, a pegawai by NIP (checked first), and whether
a pegawai has a Konversi Angka Kredit to print."""

from __future__ import annotations

import difflib

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.rules.nip import normalize_nip, parse_nip
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.evaluasi.access import jenjang_of


def _kunci(teks: str) -> str:
    return " ".join(teks.split()).casefold()


def _jalur(unit_id: str, nama: dict[str, str], induk: dict[str, str | None]) -> str:
    bagian: list[str] = []
    cursor: str | None = unit_id
    while cursor is not None and cursor in nama and len(bagian) < 50:
        bagian.append(nama[cursor])
        cursor = induk[cursor]
    return " / ".join(reversed(bagian))


def find_unit(session: Session, actor: Actor, teks: str) -> str:
    """The id of the unit whose code, name or path ("Kecamatan Plaju / Sekretariat") is ``teks``.

    Code first (case ignored), then the whole path, then the name. A name shared by several units is
    refused with their codes, so the person can type one of them.
    """
    require(actor, Izin.LIHAT_DATA)
    dicari = _kunci(teks)
    if not dicari:
        raise ValidationError("Unit kerja belum diisi.", kolom="unit")
    rows = session.execute(
        select(UnitKerja.id, UnitKerja.kode, UnitKerja.nama, UnitKerja.induk_id).where(
            UnitKerja.dihapus_pada.is_(None)
        )
    ).all()
    nama = {r.id: r.nama for r in rows}
    induk = {r.id: r.induk_id for r in rows}
    for kolom in ("kode", "jalur", "nama"):
        sama = [
            r
            for r in rows
            if _kunci(
                r.kode if kolom == "kode" else r.nama if kolom == "nama" else _jalur(r.id, nama, induk)
            ).replace(" / ", "/")
            == dicari.replace(" / ", "/")
        ]
        if len(sama) == 1:
            return str(sama[0].id)
        if len(sama) > 1:
            pilihan = "; ".join(sorted(f"{r.kode or '-'} ({_jalur(r.id, nama, induk)})" for r in sama))
            raise ValidationError(
                f"Ada {len(sama)} unit kerja bernama '{teks.strip()}'.",
                kolom="unit",
                saran=f"Tulis kode unitnya: {pilihan}.",
            )
    mirip = difflib.get_close_matches(dicari, [_kunci(r.nama) for r in rows], n=3, cutoff=0.6)
    saran = "Tulis kode unit (mis. PLJ.SEK), nama persisnya, atau jalur lengkapnya."
    if mirip:
        asli = {_kunci(r.nama): r.nama for r in rows}
        saran = f"Mungkin maksudnya: {', '.join(asli[m] for m in mirip)}. " + saran
    raise NotFound(f"Unit kerja '{teks.strip()}' tidak ditemukan.", saran=saran)


def find_pegawai_by_nip(session: Session, actor: Actor, nip: str) -> str:
    """The id of the pegawai with this NIP; the NIP is checked first (spaces and dots may be typed)."""
    require(actor, Izin.LIHAT_DATA)
    bersih = normalize_nip(nip)
    pegawai_id = session.scalar(
        select(Pegawai.id).where(Pegawai.nip == bersih, Pegawai.dihapus_pada.is_(None))
    )
    if pegawai_id is not None:
        return str(pegawai_id)
    parse_nip(bersih)  # a malformed NIP says what is wrong with it
    raise NotFound(f"Tidak ada pegawai dengan NIP {bersih}.", saran="Periksa NIP-nya di halaman Pegawai.")


def pejabat_fungsional(session: Session, actor: Actor, pegawai_id: str) -> bool:
    """Whether the pegawai holds a jenjang fungsional that earns angka kredit (one lookup by key)."""
    require(actor, Izin.LIHAT_DATA)
    pegawai = session.get(Pegawai, pegawai_id)
    return pegawai is not None and jenjang_of(pegawai) is not None
