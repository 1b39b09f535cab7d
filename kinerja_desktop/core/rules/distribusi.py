"""Checks of a unit's predikat distribution against the pola distribusi of SE MenPANRB 3/2023."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.predikat import Predikat


class CapaianOrganisasi(StrEnum):
    """Capaian kinerja organisasi set by the leader one level up, per period and year."""

    ISTIMEWA = "istimewa"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"

    @property
    def label(self) -> str:
        """Display text, e.g. "Butuh Perbaikan (Cukup)"."""
        return _LABEL_CAPAIAN[self]


_LABEL_CAPAIAN: dict[CapaianOrganisasi, str] = {
    CapaianOrganisasi.ISTIMEWA: "Istimewa",
    CapaianOrganisasi.BAIK: "Baik",
    CapaianOrganisasi.BUTUH_PERBAIKAN: "Butuh Perbaikan (Cukup)",
    CapaianOrganisasi.KURANG: "Kurang",
    CapaianOrganisasi.SANGAT_KURANG: "Sangat Kurang",
}


@dataclass(frozen=True)
class Temuan:
    """One warning about a distribution: a stable ascii ``kode`` and an Indonesian ``pesan``."""

    kode: str
    pesan: str


_Jenis = Literal["terbanyak", "maksimum", "minimum", "wajib_ada"]


@dataclass(frozen=True)
class _Aturan:
    jenis: _Jenis
    predikat: tuple[Predikat, ...]
    batas: int = 0  # percent


_SB, _B, _BP, _K, _SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)

_ATURAN: dict[CapaianOrganisasi, tuple[_Aturan, ...]] = {
    CapaianOrganisasi.ISTIMEWA: (
        _Aturan("terbanyak", (_SB,)),
        _Aturan("maksimum", (_SB,), 70),
    ),
    CapaianOrganisasi.BAIK: (
        _Aturan("terbanyak", (_B,)),
        _Aturan("maksimum", (_B,), 70),
        _Aturan("wajib_ada", (_BP, _K)),
    ),
    CapaianOrganisasi.BUTUH_PERBAIKAN: (
        _Aturan("minimum", (_BP,), 60),
        _Aturan("maksimum", (_SB,), 10),
    ),
    CapaianOrganisasi.KURANG: (
        _Aturan("minimum", (_K,), 60),
        _Aturan("minimum", (_BP,), 10),
        _Aturan("maksimum", (_SB,), 10),
    ),
    CapaianOrganisasi.SANGAT_KURANG: (
        _Aturan("minimum", (_SK,), 60),
        _Aturan("minimum", (_K, _BP), 10),
        _Aturan("maksimum", (_SB,), 0),
    ),
}


def _clean(jumlah: Mapping[Predikat, int]) -> dict[Predikat, int]:
    hasil = {p: 0 for p in Predikat}
    for kunci, nilai in jumlah.items():
        p = Predikat(kunci)
        if isinstance(nilai, bool) or not isinstance(nilai, int) or nilai < 0:
            raise ValidationError(
                f"Jumlah pegawai berpredikat {p.label} tidak sah ({nilai!r}).",
                kolom="jumlah",
                saran="Isi jumlah pegawai dengan bilangan bulat 0 atau lebih.",
            )
        hasil[p] += nilai
    return hasil


def persentase(jumlah: Mapping[Predikat, int]) -> dict[Predikat, float]:
    """Share of each predikat in percent (0–100), all five keys present; all 0.0 for an empty unit."""
    bersih = _clean(jumlah)
    total = sum(bersih.values())
    if total == 0:
        return {p: 0.0 for p in Predikat}
    return {p: n * 100 / total for p, n in bersih.items()}


def _teks_persen(n: int, total: int) -> str:
    nilai = Decimal(n * 100) / Decimal(total)
    return f"{format_angka(nilai, desimal=1).removesuffix(',0')}%"


def _nama(predikat: tuple[Predikat, ...]) -> str:
    if len(predikat) == 1:
        return predikat[0].label
    return "Gabungan " + " dan ".join(p.label for p in predikat)


def _kode(predikat: tuple[Predikat, ...]) -> str:
    return "_".join(p.value for p in predikat)


def _check(aturan: _Aturan, bersih: dict[Predikat, int], total: int, capaian: str) -> Temuan | None:
    n = sum(bersih[p] for p in aturan.predikat)
    nama = _nama(aturan.predikat)
    bagian = f"{n} dari {total} pegawai ({_teks_persen(n, total)})"
    untuk = f"untuk capaian organisasi {capaian}"
    if aturan.jenis == "terbanyak":
        lain = max((p for p in Predikat if p not in aturan.predikat), key=lambda p: (bersih[p], -p.urutan))
        if bersih[lain] <= n:
            return None
        return Temuan(
            f"{_kode(aturan.predikat)}_bukan_terbanyak",
            f"{nama} {bagian} seharusnya predikat terbanyak {untuk}, tetapi {lain.label} lebih banyak: "
            f"{bersih[lain]} pegawai ({_teks_persen(bersih[lain], total)}).",
        )
    if aturan.jenis == "maksimum":
        if n * 100 <= aturan.batas * total:
            return None
        if aturan.batas == 0:
            return Temuan(
                f"{_kode(aturan.predikat)}_tidak_boleh_ada",
                f"{nama} {bagian}, padahal predikat {nama} tidak boleh ada {untuk}.",
            )
        return Temuan(
            f"{_kode(aturan.predikat)}_melebihi_batas",
            f"{nama} {bagian} melebihi batas {aturan.batas}% {untuk}.",
        )
    if aturan.jenis == "minimum":
        if n * 100 >= aturan.batas * total:
            return None
        return Temuan(
            f"{_kode(aturan.predikat)}_kurang_dari_minimum",
            f"{nama} hanya {bagian}, kurang dari minimal {aturan.batas}% {untuk}.",
        )
    if n > 0:
        return None
    daftar = " atau ".join(p.label for p in aturan.predikat)
    return Temuan(
        f"{_kode(aturan.predikat)}_tidak_ada",
        f"Belum ada pegawai berpredikat {daftar}; {untuk} harus ada sebagian pegawai dengan predikat itu.",
    )


def check_distribusi(capaian: CapaianOrganisasi, jumlah: Mapping[Predikat, int]) -> list[Temuan]:
    """Warnings where a unit's predikat counts depart from the pola distribusi for ``capaian``.

    ``jumlah`` maps predikat to the number of employees; missing keys count as 0. The rules
    (SE MenPANRB 3/2023) are reported as warnings, never enforced:

    - Istimewa: Sangat Baik is the most frequent predikat and at most 70 %.
    - Baik: Baik is the most frequent and at most 70 %; at least one Butuh Perbaikan or
      Kurang/Misconduct.
    - Butuh Perbaikan: Butuh Perbaikan at least 60 %; Sangat Baik at most 10 %.
    - Kurang: Kurang/Misconduct at least 60 %; Butuh Perbaikan at least 10 %; Sangat Baik at most 10 %.
    - Sangat Kurang: Sangat Kurang at least 60 %; Kurang/Misconduct plus Butuh Perbaikan together
      at least 10 %; no Sangat Baik at all.

    "Most" (sebagian besar) is read as: no other predikat has more employees than the dominant
    one; a tie still counts as most frequent. Percentage limits compare exact fractions with
    integer arithmetic, without rounding: 7 of 10 is exactly 70 % and passes a 70 % cap, 3 of 5
    is exactly 60 % and meets a 60 % minimum. Small units are not treated specially, so a
    one-person unit usually gets warnings. An empty unit gives no findings.
    """
    bersih = _clean(jumlah)
    total = sum(bersih.values())
    if total == 0:
        return []
    cap = CapaianOrganisasi(capaian)
    hasil = [_check(a, bersih, total, cap.label) for a in _ATURAN[cap]]
    return [t for t in hasil if t is not None]
