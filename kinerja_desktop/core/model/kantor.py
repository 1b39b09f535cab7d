"""This office as screens and documents need it, and what setting it up asks for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KantorInfo:
    """This office as screens and documents need it."""

    id: str
    kode: str
    nama: str
    instansi: str
    tempat: str
    alamat: str
    telepon: str
    email: str
    is_pusat: bool
    kertas: str
    ritme: str
    punya_logo: bool
    demo: bool
    revisi: int = 1


@dataclass(frozen=True)
class KantorInput:
    """What the first-run wizard or ``init`` asks for."""

    kode: str
    nama: str
    tempat: str
    instansi: str = ""
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    is_pusat: bool = False
    kertas: str = "F4"
    ritme: str = "triwulan"
    logo: bytes | None = None
