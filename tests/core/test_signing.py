"""Ed25519 keys of offices: signatures that verify only unchanged, and the fingerprint read by phone."""

from __future__ import annotations

import base64
import re

from kinerja_desktop.core.signing import (
    fingerprint,
    is_public_key,
    new_key_pair,
    public_key_of,
    sign_bytes,
    verify_bytes,
)


def test_a_signature_verifies_with_its_key_only_and_only_for_the_same_bytes() -> None:
    a, b = new_key_pair(), new_key_pair()
    assert a != b and public_key_of(a.privat) == a.publik and is_public_key(a.publik)
    assert len(base64.b64decode(a.privat)) == len(base64.b64decode(a.publik)) == 32
    ttd = sign_bytes(a.privat, b"paket PLJ 2026")
    assert verify_bytes(a.publik, b"paket PLJ 2026", ttd)
    assert not verify_bytes(a.publik, b"paket PLJ 2027", ttd)
    assert not verify_bytes(b.publik, b"paket PLJ 2026", ttd)
    lain = bytearray(base64.b64decode(ttd))
    lain[0] ^= 1
    assert not verify_bytes(a.publik, b"paket PLJ 2026", base64.b64encode(bytes(lain)).decode())


def test_garbage_never_verifies_and_is_no_key() -> None:
    a = new_key_pair()
    ttd = sign_bytes(a.privat, b"x")
    for publik, tanda in (("", ttd), ("bukan base64!", ttd), (a.publik, ""), (a.publik, "QUJD"), (ttd, ttd)):
        assert not verify_bytes(publik, b"x", tanda)
    assert not is_public_key("") and not is_public_key("QUJD") and not is_public_key(ttd)


def test_the_fingerprint_is_the_code_and_eight_hash_bytes_in_groups_of_four() -> None:
    publik = base64.b64encode(bytes(range(32))).decode()
    sidik = fingerprint("PLJ", publik)
    assert sidik == "PLJ 630D-CD29-66C4-3366"  # sha256(bytes 0..31) starts 630dcd29 66c43366
    assert re.fullmatch(r"PLJ [0-9A-F]{4}(-[0-9A-F]{4}){3}", fingerprint("PLJ", new_key_pair().publik))
    assert fingerprint("PLJ", new_key_pair().publik) != fingerprint("PLJ", new_key_pair().publik)
    assert fingerprint("PLJ", "rusak") == "PLJ (kunci tidak sah)"
