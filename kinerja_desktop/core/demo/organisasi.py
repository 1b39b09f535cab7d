"""The unit tree of the demo kecamatan, scaled to the number of pegawai, and its capaian per period."""

from __future__ import annotations

import math

from kinerja_desktop.core.db.models import CapaianUnit, UnitKerja
from kinerja_desktop.core.demo import data_jabatan as dj
from kinerja_desktop.core.demo.data_nama import KELURAHAN
from kinerja_desktop.core.demo.data_teks import CATATAN_CAPAIAN
from kinerja_desktop.core.demo.model import PERIODE_REALISASI, DUnit
from kinerja_desktop.core.demo.rng import Acak
from kinerja_desktop.core.demo.writer import Penulis
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi

#: Above this many pegawai every kelurahan gets a sekretariat and three seksi of its own.
BATAS_SUB_KELURAHAN = 600
#: Above ``7 × PEGAWAI_PER_KELURAHAN`` pegawai more kelurahan-style units are added.
PEGAWAI_PER_KELURAHAN = 350


def nama_kelurahan(i: int) -> str:
    """The i-th kelurahan name: Plaju's own seven first, then other Palembang names, then numbered."""
    dasar = KELURAHAN[i % len(KELURAHAN)]
    putaran = i // len(KELURAHAN)
    return dasar if putaran == 0 else f"{dasar} {putaran + 1}"


def jabatan_camat(kantor_nama: str) -> str:
    """ "Camat Plaju" for "Kecamatan Plaju"; "Kepala <kantor>" for any other office name."""
    awalan = "Kecamatan "
    if kantor_nama.startswith(awalan):
        return f"Camat {kantor_nama[len(awalan) :]}"
    return f"Kepala {kantor_nama}"


def rencana_unit(rng: Acak, jumlah_pegawai: int, root_id: str, kantor_nama: str, kode: str) -> list[DUnit]:
    """Units in priority order (root first); small offices keep only the first few.

    Heads take at most about 40 % of the pegawai, so a 5-person office has a camat and a
    sekretariat, 40 pegawai give the full Plaju structure (16 units), and very large demos
    repeat kelurahan-style units so that each unit holds roughly 10–300 pegawai.
    """
    root = DUnit(root_id, dj.KECAMATAN, kantor_nama, kode, None, jabatan_camat(kantor_nama), 0, 0)
    calon: list[DUnit] = [root]
    sek = DUnit(
        rng.uid(), dj.SEKRETARIAT, dj.SEKRETARIAT.nama, f"{kode}.SEK", root, dj.SEKRETARIAT.kepala, 1, 1
    )
    calon.append(sek)
    for i, jenis in enumerate(dj.SEKSI):
        calon.append(
            DUnit(rng.uid(), jenis, jenis.nama, f"{kode}.{jenis.kode}", root, jenis.kepala, i + 2, 1)
        )
    jumlah_kel = max(7, math.ceil(jumlah_pegawai / PEGAWAI_PER_KELURAHAN))
    kelurahan: list[DUnit] = []
    for i in range(jumlah_kel):
        nama = nama_kelurahan(i)
        kel = DUnit(
            rng.uid(),
            dj.KELURAHAN,
            dj.KELURAHAN.nama.format(kel=nama),
            f"{kode}.KEL{i + 1:02d}",
            root,
            dj.KELURAHAN.kepala.format(kel=nama),
            i + 10,
            1,
        )
        kelurahan.append(kel)
    calon.extend(kelurahan)
    for i, jenis in enumerate((dj.SUBBAG_UMUM, dj.SUBBAG_KEUANGAN)):
        calon.append(
            DUnit(rng.uid(), jenis, jenis.nama, f"{kode}.SEK.{jenis.kode}", sek, jenis.kepala, i + 1, 2)
        )
    if jumlah_pegawai >= BATAS_SUB_KELURAHAN:
        for kel in kelurahan:
            nama = kel.nama.removeprefix("Kelurahan ")
            for i, jenis in enumerate(dj.SUB_KELURAHAN):
                calon.append(
                    DUnit(
                        rng.uid(),
                        jenis,
                        jenis.nama.format(kel=nama),
                        f"{kel.kode}.{jenis.kode}",
                        kel,
                        jenis.kepala.format(kel=nama),
                        i + 1,
                        2,
                    )
                )
    batas = max(1, min(len(calon), round(jumlah_pegawai * 0.4)))
    dipakai = calon[:batas]
    for unit in dipakai:
        if unit.induk is not None:
            unit.induk.daun = False
    return dipakai


def write_units(penulis: Penulis, units: list[DUnit], kantor_id: str) -> None:
    """Queue every unit except the root (the office's own root unit already exists)."""
    for unit in units:
        if unit.induk is None:
            continue
        penulis.add(
            UnitKerja,
            {
                "id": unit.id,
                "kantor_id": kantor_id,
                "induk_id": unit.induk.id,
                "kode": unit.kode,
                "nama": unit.nama,
                "kepala_id": None,
                "urutan": unit.urutan,
            },
        )


def choose_capaian(rng: Acak, units: list[DUnit]) -> None:
    """Capaian organisasi per unit and period: mostly Baik, some Istimewa, fairly stable per unit."""
    for unit in units:
        sebelumnya = ""
        for periode in PERIODE_REALISASI:
            if sebelumnya and rng.peluang(0.75):
                nilai = sebelumnya
            else:
                nilai = (CapaianOrganisasi.ISTIMEWA if rng.peluang(0.15) else CapaianOrganisasi.BAIK).value
            unit.capaian[periode] = sebelumnya = nilai


def write_capaian(penulis: Penulis, rng: Acak, units: list[DUnit], tahun: int) -> None:
    """Queue the capaian rows; each is set by the head of the unit one level up (none for the root)."""
    for unit in units:
        penetap = unit.induk.kepala if unit.induk is not None else None
        for periode, nilai in unit.capaian.items():
            penulis.add(
                CapaianUnit,
                {
                    "id": rng.uid(),
                    "unit_kerja_id": unit.id,
                    "tahun": tahun,
                    "periode": periode,
                    "capaian": nilai,
                    "ditetapkan_oleh_id": penetap.id if penetap else None,
                    "catatan": CATATAN_CAPAIAN.get(nilai, ""),
                },
            )
