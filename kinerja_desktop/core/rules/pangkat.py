"""Status kepegawaian, golongan/ruang and pangkat of PNS, and golongan of PPPK."""

from __future__ import annotations

import re
from enum import StrEnum

from kinerja_desktop.core.errors import ValidationError


class StatusKepegawaian(StrEnum):
    """Employment status of an ASN."""

    PNS = "pns"
    CPNS = "cpns"
    PPPK = "pppk"

    @property
    def label(self) -> str:
        """Display text: "PNS", "CPNS" or "PPPK"."""
        return self.value.upper()


#: PNS golongan/ruang, lowest first.
GOLONGAN_PNS: tuple[str, ...] = (
    "I/a",
    "I/b",
    "I/c",
    "I/d",
    "II/a",
    "II/b",
    "II/c",
    "II/d",
    "III/a",
    "III/b",
    "III/c",
    "III/d",
    "IV/a",
    "IV/b",
    "IV/c",
    "IV/d",
    "IV/e",
)

#: PNS golongan/ruang to the full pangkat name.
PANGKAT_PNS: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}

#: PPPK golongan (Roman numerals, no pangkat name), lowest first.
GOLONGAN_PPPK: tuple[str, ...] = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)

_ROMAWI_PNS = {"1": "I", "2": "II", "3": "III", "4": "IV", "I": "I", "II": "II", "III": "III", "IV": "IV"}
_PNS = re.compile(r"(IV|III|II|I|[1-4])\s*[/\-.]?\s*([A-E])")
_PNS_DI_AKHIR = re.compile(r"(.*?)[\s(,/\-]+(IV|III|II|I)\s*/\s*([A-E])\s*\)?")
_TANPA_RUANG = re.compile(r"[IVX]+|\d{1,2}")
_AWALAN = re.compile(r"(GOLONGAN|GOL\.?)\s*")

_DITERIMA = (
    "Untuk PNS/CPNS tulis golongan/ruang I/a sampai IV/e (juga diterima: 'III a', 'iii-a', '3a', '3/a'); "
    "untuk PPPK tulis golongan I sampai XVII (juga diterima angka biasa, misalnya '9' untuk IX)."
)


def golongan_untuk_status(status: StatusKepegawaian) -> tuple[str, ...]:
    """Golongan allowed for a status: the PNS list for PNS and CPNS, I–XVII for PPPK."""
    return GOLONGAN_PPPK if StatusKepegawaian(status) == StatusKepegawaian.PPPK else GOLONGAN_PNS


def _kunci_pangkat(teks: str) -> str:
    teks = re.sub(r"\bTK\b\.?\s*", "TINGKAT ", teks.upper())
    return " ".join(teks.replace(".", " ").split())


_GOLONGAN_DARI_PANGKAT = {_kunci_pangkat(nama): gol for gol, nama in PANGKAT_PNS.items()}


def _gagal(asli: str, alasan: str) -> ValidationError:
    return ValidationError(
        f"Golongan '{asli}' tidak dapat diterima: {alasan}", kolom="golongan", saran=_DITERIMA
    )


def _golongan_pns(asli: str, romawi: str, ruang: str, status: StatusKepegawaian | None) -> str:
    if status == StatusKepegawaian.PPPK:
        raise _gagal(asli, "golongan PPPK tidak memakai ruang (huruf a–e).")
    golongan = f"{_ROMAWI_PNS[romawi]}/{ruang.lower()}"
    if golongan not in PANGKAT_PNS:
        raise _gagal(asli, f"golongan {_ROMAWI_PNS[romawi]} tidak memiliki ruang {ruang.lower()}.")
    return golongan


def normalize_golongan(text: str, status: StatusKepegawaian | None = None) -> str:
    """Canonical golongan ("III/a" or PPPK "IX") from the many ways people type it.

    PNS: "III/a", "III a", "iii-a", "3a", "3/a", "3 A", "Gol. III/a", a pangkat name such as
    "Penata Muda Tk. I", or both ("Penata Muda Tingkat I (III/b)"). A value without a ruang
    letter ("IX", "ix", "9") is a PPPK golongan unless ``status`` is PNS or CPNS.
    """
    asli = text.strip()
    status = StatusKepegawaian(status) if status is not None else None
    teks = _AWALAN.sub("", " ".join(asli.replace("\u00a0", " ").upper().split()), count=1)
    if not teks:
        raise ValidationError("Golongan belum diisi.", kolom="golongan", saran=_DITERIMA)
    if m := _PNS.fullmatch(teks):
        return _golongan_pns(asli, m.group(1), m.group(2), status)
    if _TANPA_RUANG.fullmatch(teks):
        if status in (StatusKepegawaian.PNS, StatusKepegawaian.CPNS):
            raise _gagal(asli, "golongan PNS/CPNS harus disertai ruang, misalnya III/a.")
        romawi = GOLONGAN_PPPK[int(teks) - 1] if teks.isdigit() and 1 <= int(teks) <= 17 else teks
        if romawi not in GOLONGAN_PPPK:
            raise _gagal(asli, "golongan PPPK hanya I sampai XVII.")
        return romawi
    kunci = _kunci_pangkat(teks)
    if kunci in _GOLONGAN_DARI_PANGKAT:
        romawi, ruang = _GOLONGAN_DARI_PANGKAT[kunci].split("/")
        return _golongan_pns(asli, romawi, ruang, status)
    if m := _PNS_DI_AKHIR.fullmatch(teks):
        golongan = _golongan_pns(asli, m.group(2), m.group(3), status)
        dari_nama = _GOLONGAN_DARI_PANGKAT.get(_kunci_pangkat(m.group(1)))
        if dari_nama is not None and dari_nama != golongan:
            raise _gagal(asli, f"pangkat {PANGKAT_PNS[dari_nama]} bukan golongan {golongan}.")
        if dari_nama is not None:
            return golongan
    raise _gagal(asli, "bentuk penulisannya tidak dikenal.")


def display_pangkat(golongan: str, tertulis: str = "") -> str:
    """Pangkat as forms show it ("Penata (III/c)"); without a golongan we know, what was written
    (a snapshot's own pangkat) or else the golongan as it stands."""
    if not golongan:
        return tertulis
    try:
        return format_pangkat_golongan(golongan)
    except ValidationError:
        return tertulis or golongan


def format_pangkat_golongan(golongan: str) -> str:
    """Display text: "Penata Muda Tingkat I (III/b)" for PNS, "Golongan IX" for PPPK."""
    gol = normalize_golongan(golongan)
    if gol in PANGKAT_PNS:
        return f"{PANGKAT_PNS[gol]} ({gol})"
    return f"Golongan {gol}"


def urutan_golongan(golongan: str) -> int:
    """Sort key: PNS I/a..IV/e give 1..17, PPPK I..XVII give 101..117 (PNS sort first)."""
    gol = normalize_golongan(golongan)
    if gol in PANGKAT_PNS:
        return GOLONGAN_PNS.index(gol) + 1
    return GOLONGAN_PPPK.index(gol) + 101
