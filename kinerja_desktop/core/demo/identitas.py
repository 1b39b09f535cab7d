"""Who a demo pegawai is: name and titles, birth, NIP, golongan and dates consistent with each other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kinerja_desktop.core.demo import data_nama as dn
from kinerja_desktop.core.demo.rng import Acak
from kinerja_desktop.core.rules.nip import make_nip_pns, make_nip_pppk
from kinerja_desktop.core.rules.pangkat import GOLONGAN_PNS

KODE_PPPK = "21"
USIA_MASUK = {"SLTA": (19, 25), "D3": (21, 27), "S1": (23, 30), "S2": (23, 29)}
USIA_MAKS = 57
BULAN_TMT = (1, 2, 3, 4, 12)


@dataclass
class Nama:
    nama: str
    gelar_depan: str
    gelar_belakang: str


def make_nama(rng: Acak, jenis_kelamin: str, pendidikan: str, tahun_lahir: int, tua_haji: bool) -> Nama:
    """A Palembang-flavoured name; titles follow education (SLTA, D3, S1, S.STP, S2) and age."""
    if jenis_kelamin == "L":
        depan, belakang, awalan = dn.NAMA_DEPAN_L, dn.NAMA_BELAKANG_L, dn.AWALAN_L
    else:
        depan, belakang, awalan = dn.NAMA_DEPAN_P, dn.NAMA_BELAKANG_P, dn.AWALAN_P
    bagian = [rng.salah_satu(depan)]
    if rng.peluang(0.25):
        tengah = rng.salah_satu(depan)
        if tengah != bagian[0]:
            bagian.append(tengah)
    bagian.append(rng.salah_satu(belakang))
    if rng.peluang(0.08):
        bagian.insert(0, rng.salah_satu(awalan))
    nama = " ".join(bagian)
    gelar_depan: list[str] = []
    gelar_belakang: list[str] = []
    if pendidikan == "D3":
        gelar_belakang.append(rng.salah_satu(dn.GELAR_D3))
    elif pendidikan in ("S1", "S2", "S.STP"):
        if pendidikan == "S.STP" or (pendidikan == "S2" and rng.peluang(0.4)):
            gelar_belakang.append("S.STP")
        elif tahun_lahir < 1972 and rng.peluang(0.6):
            gelar_depan.append("Drs." if jenis_kelamin == "L" else "Dra.")
        else:
            gelar_belakang.append(rng.salah_satu(dn.GELAR_S1))
        if pendidikan == "S2":
            gelar_belakang.append(rng.salah_satu(dn.GELAR_S2))
    if tua_haji and rng.peluang(0.3):
        gelar_depan.append("H." if jenis_kelamin == "L" else "Hj.")
    return Nama(nama, " ".join(gelar_depan), ", ".join(gelar_belakang))


class NipSource:
    """Builds unique NIPs: the 3-digit serial starts at 001 (sometimes higher) and is bumped on collision."""

    def __init__(self, rng: Acak) -> None:
        self._rng = rng
        self._dipakai: set[str] = set()

    def _unik(self, make: Callable[[int], str], awal: int) -> str:
        nomor = awal
        while True:
            nip = make(nomor)
            if nip not in self._dipakai:
                self._dipakai.add(nip)
                return nip
            nomor += 1

    def _awal(self) -> int:
        return 1 if self._rng.peluang(0.8) else self._rng.randint(2, 9)

    def pns(self, lahir: date, tmt_cpns: date, jenis_kelamin: str) -> str:
        return self._unik(lambda n: make_nip_pns(lahir, tmt_cpns, jenis_kelamin, n), self._awal())

    def pppk(self, lahir: date, tahun: int, jenis_kelamin: str) -> str:
        return self._unik(lambda n: make_nip_pppk(lahir, tahun, KODE_PPPK, jenis_kelamin, n), self._awal())


def tanggal_lahir(rng: Acak, tmt: date, pendidikan: str, tahun: int) -> date:
    """A birth date that puts the entry age in the usual range for ``pendidikan`` and the age at the
    end of ``tahun`` at most ``USIA_MAKS``."""
    lo, hi = USIA_MASUK.get(pendidikan, (23, 30))
    usia = rng.randint(lo, hi)
    tahun_lahir = max(tmt.year - usia, tahun - USIA_MAKS)
    return rng.tanggal(date(tahun_lahir, 1, 1), date(tahun_lahir, 12, 28))


def tmt_dari_masa_kerja(rng: Acak, tahun: int, masa_kerja: int) -> date:
    return date(tahun - masa_kerja, rng.salah_satu(BULAN_TMT), 1)


def shift_golongan(golongan: str, langkah: int) -> str:
    """The golongan ``langkah`` steps above (or below) ``golongan``, kept inside I/a–IV/e."""
    i = GOLONGAN_PNS.index(golongan) + langkah
    return GOLONGAN_PNS[max(0, min(len(GOLONGAN_PNS) - 1, i))]


def selisih(atas: str, bawah: str) -> int:
    return GOLONGAN_PNS.index(atas) - GOLONGAN_PNS.index(bawah)
