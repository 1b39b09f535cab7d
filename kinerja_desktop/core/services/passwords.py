"""Password hashing with scrypt from the standard library (salted, slow, self-describing)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

# About 50 ms per check on an office PC: slow for guessing, quick for a person logging in.
_N, _R, _P = 2**14, 8, 1
_DKLEN = 32


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$hash`` with a fresh random salt."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN)
    return "$".join(
        [
            "scrypt",
            str(_N),
            str(_R),
            str(_P),
            base64.b64encode(salt).decode(),
            base64.b64encode(digest).decode(),
        ]
    )


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; False for any malformed hash."""
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        digest = hashlib.scrypt(
            password.encode(), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


def check_password_strength(password: str) -> str | None:
    """An Indonesian reason why ``password`` is too weak, or None when it is acceptable."""
    if len(password) < 8:
        return "Kata sandi minimal 8 karakter."
    if password.isdigit() or password.isalpha():
        return "Kata sandi harus berisi huruf dan angka."
    return None
