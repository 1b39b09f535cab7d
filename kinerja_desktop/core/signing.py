"""Ed25519 keys that sign packages: a new key pair, sign, verify, and the fingerprint read over the phone.

Pure functions, no database. Keys travel as the base64 text of their raw 32 bytes (a private key only
into this office's own settings, never into a package); a signature is the base64 of its 64 bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

#: Bytes of a raw Ed25519 key and of a signature.
PANJANG_KUNCI = 32
PANJANG_TANDA_TANGAN = 64
#: Bytes of the public key's SHA-256 shown in a fingerprint (in groups of two bytes: 7F3A-19C2-…).
BITA_SIDIK = 8


@dataclass(frozen=True)
class KeyPair:
    """A private key and its public key, each as base64 text of the raw bytes."""

    privat: str
    publik: str


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _raw(teks: str, panjang: int) -> bytes | None:
    """The bytes of base64 ``teks`` when they are ``panjang`` long, else None."""
    try:
        data = base64.b64decode(teks.strip().encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return data if len(data) == panjang else None


def new_key_pair() -> KeyPair:
    """A fresh key pair from the operating system's random source."""
    privat = Ed25519PrivateKey.generate()
    return KeyPair(_b64(privat.private_bytes_raw()), _b64(privat.public_key().public_bytes_raw()))


def _private_key(privat: str) -> Ed25519PrivateKey:
    raw = _raw(privat, PANJANG_KUNCI)
    if raw is None:
        raise ValueError("not a base64 Ed25519 private key")
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key_of(privat: str) -> str:
    """The public key that belongs to ``privat``."""
    return _b64(_private_key(privat).public_key().public_bytes_raw())


def is_public_key(publik: str) -> bool:
    """True when ``publik`` is the base64 text of 32 bytes (any 32 bytes; the curve checks on verify)."""
    return _raw(publik, PANJANG_KUNCI) is not None


def sign_bytes(privat: str, data: bytes) -> str:
    """The signature of ``data`` by ``privat``, as base64 text."""
    return _b64(_private_key(privat).sign(data))


def verify_bytes(publik: str, data: bytes, tanda_tangan: str) -> bool:
    """True when ``tanda_tangan`` is a signature of exactly ``data`` by the owner of ``publik``."""
    kunci = _raw(publik, PANJANG_KUNCI)
    ttd = _raw(tanda_tangan, PANJANG_TANDA_TANGAN)
    if kunci is None or ttd is None:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(kunci).verify(ttd, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(kode: str, publik: str) -> str:
    """What people compare by phone: the office code, then the first 8 bytes of the SHA-256 of the raw
    public key in hex groups of four, e.g. ``PLJ 7F3A-19C2-0B4D-88E1``. The one form used everywhere."""
    raw = _raw(publik, PANJANG_KUNCI)
    if raw is None:
        return f"{kode} (kunci tidak sah)".strip()
    hexa = hashlib.sha256(raw).hexdigest()[: BITA_SIDIK * 2].upper()
    kelompok = "-".join(hexa[i : i + 4] for i in range(0, len(hexa), 4))
    return f"{kode} {kelompok}".strip()
