"""Test support for the server settings: an in-memory keyring, a port nobody listens on."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError


class KeyringMemori(KeyringBackend):
    """A keyring that keeps passwords in a dict, as Windows Credential Locker would on disk."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.isi: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.isi.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.isi[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.isi.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class KeyringRusak(KeyringBackend):
    """A keyring whose service fails (locked, absent): every call raises."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("layanan tidak tersedia")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("layanan tidak tersedia")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("layanan tidak tersedia")


@contextmanager
def pakai_keyring(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """``backend`` as the keyring for the block, the previous one back afterwards."""
    sebelumnya = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(sebelumnya)


def port_tertutup() -> int:
    """A local port with nothing listening on it (bound, then let go)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port
