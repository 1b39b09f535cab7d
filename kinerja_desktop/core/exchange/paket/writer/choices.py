"""The coded columns of a package and their allowed values, for drop-down lists in the sheets."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from kinerja_desktop.core.model.evaluasi import StatusEvaluasi
from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.model.skp import (
    Aspek,
    JenisForm,
    JenisLampiran,
    JenisRhk,
    Pendekatan,
    Perspektif,
    StatusSkp,
)
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional
from kinerja_desktop.core.rules.pangkat import GOLONGAN_PNS, GOLONGAN_PPPK, StatusKepegawaian
from kinerja_desktop.core.rules.periode import Ritme, daftar_periode
from kinerja_desktop.core.rules.predikat import Predikat, Rating
from kinerja_desktop.core.services.bukti import JenisBukti


def _kode(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(e.value for e in enum)


def _periode() -> tuple[str, ...]:
    tw = [p.kode for p in daftar_periode(Ritme.TRIWULAN, termasuk_akhir=False)]
    bulan = [p.kode for p in daftar_periode(Ritme.BULANAN)]
    return (*tw, *bulan)


@cache
def daftar_pilihan() -> dict[str, tuple[str, ...]]:
    """Each list by its name (a title for the hidden list sheet) → the codes stored in the database."""
    return {
        "Status Kepegawaian": _kode(StatusKepegawaian),
        "Jenis Kelamin": ("L", "P"),
        "Golongan": (*GOLONGAN_PNS, *GOLONGAN_PPPK),
        "Jenis Jabatan": _kode(JenisJabatan),
        "Jenjang Jabatan": _kode(JenjangFungsional),
        "Status Aktif": _kode(StatusAktif),
        "Status SKP": _kode(StatusSkp),
        "Jenis Form SKP": _kode(JenisForm),
        "Pendekatan": _kode(Pendekatan),
        "Jenis RHK": _kode(JenisRhk),
        "Perspektif": _kode(Perspektif),
        "Aspek": _kode(Aspek),
        "Jenis Lampiran": _kode(JenisLampiran),
        "Periode": _periode(),
        "Jenis Bukti": _kode(JenisBukti),
        "Capaian Organisasi": _kode(CapaianOrganisasi),
        "Status Evaluasi": (StatusEvaluasi.DRAF.value, StatusEvaluasi.FINAL.value),
        "Rating": _kode(Rating),
        "Predikat": _kode(Predikat),
        "Kertas": ("F4", "A4"),
        "Ritme": _kode(Ritme),
    }


#: (table, column) → the name of its list in ``daftar_pilihan``.
KOLOM_PILIHAN: dict[tuple[str, str], str] = {
    ("kantor", "kertas"): "Kertas",
    ("kantor", "ritme"): "Ritme",
    ("pegawai", "status_kepegawaian"): "Status Kepegawaian",
    ("pegawai", "jenis_kelamin"): "Jenis Kelamin",
    ("pegawai", "golongan"): "Golongan",
    ("pegawai", "jenis_jabatan"): "Jenis Jabatan",
    ("pegawai", "jenjang_jabatan"): "Jenjang Jabatan",
    ("pegawai", "status_aktif"): "Status Aktif",
    ("riwayat_jabatan", "jenis_jabatan"): "Jenis Jabatan",
    ("riwayat_jabatan", "jenjang_jabatan"): "Jenjang Jabatan",
    ("riwayat_pangkat", "golongan"): "Golongan",
    ("skp", "status"): "Status SKP",
    ("skp", "jenis_form"): "Jenis Form SKP",
    ("skp", "pendekatan"): "Pendekatan",
    ("rhk", "jenis"): "Jenis RHK",
    ("rhk", "perspektif"): "Perspektif",
    ("indikator", "aspek"): "Aspek",
    ("lampiran_skp", "jenis"): "Jenis Lampiran",
    ("rencana_aksi", "periode"): "Periode",
    ("realisasi", "periode"): "Periode",
    ("bukti_dukung", "periode"): "Periode",
    ("bukti_dukung", "jenis"): "Jenis Bukti",
    ("capaian_organisasi", "periode"): "Periode",
    ("capaian_organisasi", "capaian"): "Capaian Organisasi",
    ("evaluasi", "periode"): "Periode",
    ("evaluasi", "status"): "Status Evaluasi",
    ("evaluasi", "rating_hasil"): "Rating",
    ("evaluasi", "rating_perilaku"): "Rating",
    ("evaluasi", "predikat"): "Predikat",
    ("evaluasi", "capaian_organisasi"): "Capaian Organisasi",
}
