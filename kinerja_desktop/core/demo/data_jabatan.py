"""Unit kinds of a kecamatan, their heads, and the staff positions each unit kind employs."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional

J = JenjangFungsional
ADM, PGW, PLK = JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS, JenisJabatan.PELAKSANA
AHLI, TRAMPIL = JenisJabatan.FUNGSIONAL_KEAHLIAN, JenisJabatan.FUNGSIONAL_KETERAMPILAN


@dataclass(frozen=True)
class JabatanStaf:
    """A staff position: pelaksana (no jenjang) or fungsional with the jenjang it may have."""

    nama: str
    jenis: JenisJabatan
    pendidikan: str  # SLTA, D3 or S1: sets the entry golongan
    jenjang: tuple[JenjangFungsional, ...] = ()
    bobot: float = 1.0


PENGADMINISTRASI = JabatanStaf("Pengadministrasi Perkantoran", PLK, "SLTA", bobot=2)
OPERATOR = JabatanStaf("Operator Layanan Operasional", PLK, "SLTA", bobot=1.5)
PENATA_LAYANAN = JabatanStaf("Penata Layanan Operasional", PLK, "S1", bobot=1.5)
PENELAAH = JabatanStaf("Penelaah Teknis Kebijakan", PLK, "S1", bobot=1.5)
PENGOLAH_DATA = JabatanStaf("Pengolah Data dan Informasi", PLK, "D3", bobot=1.5)
PENGELOLA_UMUM = JabatanStaf("Pengelola Umum Operasional", PLK, "D3")
BENDAHARA = JabatanStaf("Bendahara Pengeluaran", PLK, "S1", bobot=0.6)
ANALIS_KEBIJAKAN = JabatanStaf("Analis Kebijakan", AHLI, "S1", (J.AHLI_PERTAMA, J.AHLI_MUDA), 0.7)
PERENCANA = JabatanStaf("Perencana", AHLI, "S1", (J.AHLI_PERTAMA, J.AHLI_MUDA), 0.6)
PRAKOM_AHLI = JabatanStaf("Pranata Komputer", AHLI, "S1", (J.AHLI_PERTAMA,), 0.6)
PRAKOM_TERAMPIL = JabatanStaf("Pranata Komputer", TRAMPIL, "D3", (J.TERAMPIL, J.MAHIR), 0.6)
ARSIPARIS = JabatanStaf("Arsiparis", TRAMPIL, "D3", (J.TERAMPIL, J.MAHIR), 0.7)
ANALIS_SDM = JabatanStaf(
    "Analis Sumber Daya Manusia Aparatur", AHLI, "S1", (J.AHLI_PERTAMA, J.AHLI_MUDA), 0.6
)
ANALIS_KEUANGAN = JabatanStaf("Analis Keuangan Pusat dan Daerah", AHLI, "S1", (J.AHLI_PERTAMA,), 0.6)
POLPP = JabatanStaf("Polisi Pamong Praja", TRAMPIL, "SLTA", (J.PEMULA, J.TERAMPIL, J.MAHIR, J.PENYELIA), 3)
POLPP_AHLI = JabatanStaf("Polisi Pamong Praja", AHLI, "S1", (J.AHLI_PERTAMA,), 0.5)
PSM = JabatanStaf("Penggerak Swadaya Masyarakat", AHLI, "S1", (J.AHLI_PERTAMA, J.AHLI_MUDA), 1.2)
PENYULUH_SOSIAL = JabatanStaf("Penyuluh Sosial", AHLI, "S1", (J.AHLI_PERTAMA, J.AHLI_MUDA), 1)
PEKERJA_SOSIAL = JabatanStaf("Pekerja Sosial", TRAMPIL, "D3", (J.TERAMPIL, J.MAHIR), 0.8)


@dataclass(frozen=True)
class JenisUnit:
    """A kind of unit: its name pattern, its head's position, and who works there.

    ``{kel}`` in the patterns is the kelurahan name; ``tema`` groups RHK texts for the cascade.
    """

    kunci: str
    nama: str
    kode: str
    kepala: str
    jenis_kepala: JenisJabatan
    golongan_kepala: tuple[str, ...]
    staf: tuple[JabatanStaf, ...]
    bobot: float = 1.0


_GOL_ESELON_IV = ("III/b", "III/c", "III/d")
_GOL_KELURAHAN = ("III/a", "III/b", "III/c")
_STAF_SEKRETARIAT = (PENGADMINISTRASI, PENGELOLA_UMUM, PENATA_LAYANAN, BENDAHARA, ARSIPARIS, ANALIS_SDM)
_STAF_KELURAHAN = (PENGADMINISTRASI, OPERATOR, PENGOLAH_DATA, PENATA_LAYANAN, POLPP, PSM)

KECAMATAN = JenisUnit("kecamatan", "", "", "Camat", ADM, ("IV/a", "IV/b"), ())
SEKRETARIAT = JenisUnit(
    "sekretariat",
    "Sekretariat Kecamatan",
    "SEK",
    "Sekretaris Kecamatan",
    ADM,
    ("III/d", "IV/a"),
    _STAF_SEKRETARIAT,
    1.5,
)
SUBBAG_UMUM = JenisUnit(
    "subbag_umum",
    "Subbagian Umum dan Kepegawaian",
    "UMP",
    "Kepala Subbagian Umum dan Kepegawaian",
    PGW,
    _GOL_ESELON_IV,
    (PENGADMINISTRASI, PENGELOLA_UMUM, ARSIPARIS, ANALIS_SDM, PRAKOM_TERAMPIL),
    1.3,
)
SUBBAG_KEUANGAN = JenisUnit(
    "subbag_keuangan",
    "Subbagian Perencanaan dan Keuangan",
    "PRK",
    "Kepala Subbagian Perencanaan dan Keuangan",
    PGW,
    _GOL_ESELON_IV,
    (BENDAHARA, PENATA_LAYANAN, PERENCANA, ANALIS_KEUANGAN, PENGADMINISTRASI),
    1.0,
)
SEKSI: tuple[JenisUnit, ...] = (
    JenisUnit(
        "pemerintahan",
        "Seksi Pemerintahan",
        "PEM",
        "Kepala Seksi Pemerintahan",
        PGW,
        _GOL_ESELON_IV,
        (PENELAAH, PENGOLAH_DATA, PENGADMINISTRASI, ANALIS_KEBIJAKAN),
    ),
    JenisUnit(
        "trantib",
        "Seksi Ketentraman dan Ketertiban Umum",
        "TRANTIB",
        "Kepala Seksi Ketentraman dan Ketertiban Umum",
        PGW,
        _GOL_ESELON_IV,
        (POLPP, POLPP_AHLI, OPERATOR, PENGADMINISTRASI),
        1.4,
    ),
    JenisUnit(
        "pmk",
        "Seksi Pemberdayaan Masyarakat dan Kelurahan",
        "PMK",
        "Kepala Seksi Pemberdayaan Masyarakat dan Kelurahan",
        PGW,
        _GOL_ESELON_IV,
        (PSM, PENELAAH, PENGADMINISTRASI, PERENCANA),
    ),
    JenisUnit(
        "kesos",
        "Seksi Kesejahteraan Sosial",
        "KESOS",
        "Kepala Seksi Kesejahteraan Sosial",
        PGW,
        _GOL_ESELON_IV,
        (PENYULUH_SOSIAL, PEKERJA_SOSIAL, PENGOLAH_DATA, PENGADMINISTRASI),
    ),
    JenisUnit(
        "yanum",
        "Seksi Pelayanan Umum",
        "YANUM",
        "Kepala Seksi Pelayanan Umum",
        PGW,
        _GOL_ESELON_IV,
        (PENATA_LAYANAN, OPERATOR, PRAKOM_AHLI, PRAKOM_TERAMPIL, PENGADMINISTRASI),
    ),
)
KELURAHAN = JenisUnit(
    "kelurahan", "Kelurahan {kel}", "KEL", "Lurah {kel}", PGW, _GOL_ESELON_IV, _STAF_KELURAHAN, 1.5
)
SUB_KELURAHAN: tuple[JenisUnit, ...] = (
    JenisUnit(
        "kel_sekretariat",
        "Sekretariat Kelurahan {kel}",
        "SEK",
        "Sekretaris Kelurahan {kel}",
        PGW,
        _GOL_KELURAHAN,
        (PENGADMINISTRASI, PENGELOLA_UMUM, PENGOLAH_DATA, ARSIPARIS),
    ),
    JenisUnit(
        "kel_pemerintahan",
        "Seksi Pemerintahan Kel. {kel}",
        "PEM",
        "Kepala Seksi Pemerintahan Kelurahan {kel}",
        PGW,
        _GOL_KELURAHAN,
        (PENATA_LAYANAN, OPERATOR, PENGOLAH_DATA, PENGADMINISTRASI),
        1.2,
    ),
    JenisUnit(
        "kel_trantib",
        "Seksi Ketentraman dan Ketertiban Kel. {kel}",
        "TRANTIB",
        "Kepala Seksi Ketentraman dan Ketertiban Kelurahan {kel}",
        PGW,
        _GOL_KELURAHAN,
        (POLPP, OPERATOR, PENGADMINISTRASI),
    ),
    JenisUnit(
        "kel_pm",
        "Seksi Pemberdayaan Masyarakat Kel. {kel}",
        "PM",
        "Kepala Seksi Pemberdayaan Masyarakat Kelurahan {kel}",
        PGW,
        _GOL_KELURAHAN,
        (PSM, PENYULUH_SOSIAL, PENGADMINISTRASI, PENATA_LAYANAN),
    ),
)

#: Golongan range of each jenjang fungsional for PNS (domain §5).
GOLONGAN_JENJANG: dict[JenjangFungsional, tuple[str, ...]] = {
    J.AHLI_PERTAMA: ("III/a", "III/b"),
    J.AHLI_MUDA: ("III/c", "III/d"),
    J.AHLI_MADYA: ("IV/a", "IV/b", "IV/c"),
    J.AHLI_UTAMA: ("IV/d", "IV/e"),
    J.PEMULA: ("II/a",),
    J.TERAMPIL: ("II/b", "II/c", "II/d"),
    J.MAHIR: ("III/a", "III/b"),
    J.PENYELIA: ("III/c", "III/d"),
}
#: Entry golongan and the highest golongan a pelaksana reaches, per education.
GOLONGAN_MASUK: dict[str, str] = {"SLTA": "II/a", "D3": "II/c", "S1": "III/a"}
GOLONGAN_PUNCAK: dict[str, str] = {"SLTA": "III/b", "D3": "III/c", "S1": "III/d"}
#: PPPK golongan per education (PermenPANRB 72/2020 practice) and their first jenjang.
GOLONGAN_PPPK: dict[str, str] = {"SLTA": "V", "D3": "VII", "S1": "IX"}
JENJANG_PPPK: frozenset[JenjangFungsional] = frozenset({J.AHLI_PERTAMA, J.PEMULA, J.TERAMPIL})

#: Earlier positions, for the older riwayat_jabatan rows.
JABATAN_LAMA_STAF: tuple[str, ...] = (
    "Pengadministrasi Umum",
    "Pengolah Data",
    "Pengelola Pelayanan Kependudukan",
    "Pengadministrasi Keuangan",
    "Pengelola Sarana dan Prasarana Kantor",
    "Pengadministrasi Kepegawaian",
)
JABATAN_LAMA_KEPALA: tuple[tuple[str, JenisJabatan, str], ...] = (
    ("Kepala Seksi Pemerintahan Kecamatan Seberang Ulu I", PGW, ""),
    ("Lurah 16 Ulu", PGW, ""),
    ("Kepala Subbagian Umum Kecamatan Kertapati", PGW, ""),
    ("Kepala Seksi Ketentraman dan Ketertiban Umum Kecamatan Jakabaring", PGW, ""),
    ("Sekretaris Kelurahan Sentosa", PGW, ""),
    ("Penelaah Teknis Kebijakan", PLK, ""),
    ("Analis Kebijakan Ahli Pertama", AHLI, J.AHLI_PERTAMA.value),
)
