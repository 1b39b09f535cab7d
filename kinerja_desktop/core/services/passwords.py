"""Password hashing with argon2id (OWASP parameters); older scrypt hashes still verify until replaced."""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

# OWASP Password Storage Cheat Sheet, argon2id: 19 MiB of memory, 2 iterations, 1 lane.
# About 40 ms per check on an office PC: slow for guessing, quick for a person logging in.
MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1
_ARGON2ID = "$argon2id$"
_SCRYPT = "scrypt$"


@cache
def _hasher() -> PasswordHasher:
    """argon2id with the parameters above; imported when first needed, not while the app starts."""
    from argon2 import PasswordHasher, Type

    return PasswordHasher(
        time_cost=TIME_COST,
        memory_cost=MEMORY_KIB,
        parallelism=PARALLELISM,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


def hash_password(password: str) -> str:
    """``$argon2id$v=19$m=19456,t=2,p=1$salt$hash`` with a fresh random salt (about 97 characters)."""
    return _hasher().hash(password)


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (argon2id, or the scrypt of earlier versions);
    False for a wrong password and for any malformed or unknown hash."""
    if stored.startswith(_ARGON2ID):
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return _hasher().verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    if stored.startswith(_SCRYPT):
        return _verify_scrypt(password, stored)
    return False


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` is not an argon2id hash with today's parameters: after a successful login
    the password is hashed again, so old scrypt hashes disappear one login at a time."""
    if not stored.startswith(_ARGON2ID):
        return True
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True


def _verify_scrypt(password: str, stored: str) -> bool:
    """``scrypt$N$r$p$salt$hash``, as versions before argon2id wrote it."""
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
