"""A package's signature: what it covers (the Info fields, the data checksum among them) and its check.

Pure, no database. The signed bytes are a versioned, canonical text of every Info field but the
signature itself — format and version, kind, the making and target office, the year, when it was made,
the app version, the row count of every sheet, the checksum of all rows and the maker's public key — so
a changed cell fails the checksum and a changed Info field fails the signature.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC

from kinerja_desktop.core.exchange.paket.model import InfoPaket
from kinerja_desktop.core.exchange.paket.schema import semua_jenis
from kinerja_desktop.core.signing import public_key_of, sign_bytes, verify_bytes

#: Written into the signed bytes: a later version may sign other fields under another number.
VERSI_TANDA_TANGAN = 1
_AWALAN = b"kinerja-desktop/paket/tanda-tangan\n"


def signed_bytes(info: InfoPaket) -> bytes:
    """The bytes the maker signs: every Info field but the signature, as the reader reads them back."""
    dibuat = info.dibuat_pada
    dibuat = dibuat.replace(tzinfo=UTC) if dibuat.tzinfo is None else dibuat.astimezone(UTC)
    isi = {
        "versi_tanda_tangan": VERSI_TANDA_TANGAN,
        "format": info.format.strip(),
        "versi_format": info.versi_format,
        "jenis": info.jenis.value,
        "kantor_kode": info.kantor_kode.strip(),
        "kantor_nama": info.kantor_nama.strip(),
        "tujuan_kode": info.tujuan_kode.strip(),
        "tahun": info.tahun,
        "dibuat_pada": dibuat.isoformat(timespec="microseconds"),
        "versi_aplikasi": info.versi_aplikasi.strip(),
        "jumlah": {j.tabel: int(info.jumlah.get(j.tabel, 0)) for j in semua_jenis()},
        "checksum": info.checksum.strip(),
        "kunci_publik": info.kunci_publik.strip(),
    }
    return _AWALAN + json.dumps(isi, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def sign_info(info: InfoPaket, privat: str) -> InfoPaket:
    """``info`` with the public key of ``privat`` and its signature over everything else."""
    tanpa = replace(info, kunci_publik=public_key_of(privat), tanda_tangan="")
    return replace(tanpa, tanda_tangan=sign_bytes(privat, signed_bytes(tanpa)))


def is_signed(info: InfoPaket) -> bool:
    """The Info sheet carries a public key and a signature (a package made before signing had neither)."""
    return bool(info.kunci_publik and info.tanda_tangan)


def verify_info(info: InfoPaket) -> bool:
    """True when the signature is the maker's key's over exactly these Info fields."""
    return is_signed(info) and verify_bytes(info.kunci_publik, signed_bytes(info), info.tanda_tangan)
