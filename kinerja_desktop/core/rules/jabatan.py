"""Jenis jabatan ASN and jenjang jabatan fungsional."""

from __future__ import annotations

from enum import StrEnum


class JenisJabatan(StrEnum):
    """Kind of position: JPT, jabatan administrasi, or jabatan fungsional."""

    JPT_UTAMA = "jpt_utama"
    JPT_MADYA = "jpt_madya"
    JPT_PRATAMA = "jpt_pratama"
    ADMINISTRATOR = "administrator"
    PENGAWAS = "pengawas"
    PELAKSANA = "pelaksana"
    FUNGSIONAL_KEAHLIAN = "fungsional_keahlian"
    FUNGSIONAL_KETERAMPILAN = "fungsional_keterampilan"

    @property
    def label(self) -> str:
        """Display text, e.g. "JPT Pratama" or "Jabatan Fungsional Keahlian"."""
        return _LABEL_JENIS[self]

    @property
    def is_jpt(self) -> bool:
        """True for Jabatan Pimpinan Tinggi (Utama, Madya, Pratama); they use the SKP JPT form."""
        return self in (JenisJabatan.JPT_UTAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA)

    @property
    def is_fungsional(self) -> bool:
        """True for jabatan fungsional (keahlian or keterampilan), which earn angka kredit."""
        return self in (JenisJabatan.FUNGSIONAL_KEAHLIAN, JenisJabatan.FUNGSIONAL_KETERAMPILAN)


_LABEL_JENIS: dict[JenisJabatan, str] = {
    JenisJabatan.JPT_UTAMA: "JPT Utama",
    JenisJabatan.JPT_MADYA: "JPT Madya",
    JenisJabatan.JPT_PRATAMA: "JPT Pratama",
    JenisJabatan.ADMINISTRATOR: "Administrator",
    JenisJabatan.PENGAWAS: "Pengawas",
    JenisJabatan.PELAKSANA: "Pelaksana",
    JenisJabatan.FUNGSIONAL_KEAHLIAN: "Jabatan Fungsional Keahlian",
    JenisJabatan.FUNGSIONAL_KETERAMPILAN: "Jabatan Fungsional Keterampilan",
}


class JenjangFungsional(StrEnum):
    """Level of a jabatan fungsional, lowest first within each kind."""

    AHLI_PERTAMA = "ahli_pertama"
    AHLI_MUDA = "ahli_muda"
    AHLI_MADYA = "ahli_madya"
    AHLI_UTAMA = "ahli_utama"
    PEMULA = "pemula"
    TERAMPIL = "terampil"
    MAHIR = "mahir"
    PENYELIA = "penyelia"

    @property
    def label(self) -> str:
        """Display text, e.g. "Ahli Madya"."""
        return _LABEL_JENJANG[self]

    @property
    def jenis(self) -> JenisJabatan:
        """FUNGSIONAL_KEAHLIAN for the Ahli levels, FUNGSIONAL_KETERAMPILAN for the others."""
        if self in _KEAHLIAN:
            return JenisJabatan.FUNGSIONAL_KEAHLIAN
        return JenisJabatan.FUNGSIONAL_KETERAMPILAN


_LABEL_JENJANG: dict[JenjangFungsional, str] = {
    JenjangFungsional.AHLI_PERTAMA: "Ahli Pertama",
    JenjangFungsional.AHLI_MUDA: "Ahli Muda",
    JenjangFungsional.AHLI_MADYA: "Ahli Madya",
    JenjangFungsional.AHLI_UTAMA: "Ahli Utama",
    JenjangFungsional.PEMULA: "Pemula",
    JenjangFungsional.TERAMPIL: "Terampil",
    JenjangFungsional.MAHIR: "Mahir",
    JenjangFungsional.PENYELIA: "Penyelia",
}
_KEAHLIAN: tuple[JenjangFungsional, ...] = (
    JenjangFungsional.AHLI_PERTAMA,
    JenjangFungsional.AHLI_MUDA,
    JenjangFungsional.AHLI_MADYA,
    JenjangFungsional.AHLI_UTAMA,
)
_KETERAMPILAN: tuple[JenjangFungsional, ...] = (
    JenjangFungsional.PEMULA,
    JenjangFungsional.TERAMPIL,
    JenjangFungsional.MAHIR,
    JenjangFungsional.PENYELIA,
)


def jenjang_untuk_jenis(jenis: JenisJabatan) -> tuple[JenjangFungsional, ...]:
    """The jenjang a jenis jabatan may have, lowest first; empty for non-fungsional positions."""
    if jenis == JenisJabatan.FUNGSIONAL_KEAHLIAN:
        return _KEAHLIAN
    if jenis == JenisJabatan.FUNGSIONAL_KETERAMPILAN:
        return _KETERAMPILAN
    return ()
