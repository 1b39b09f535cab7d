"""Plain data of SKP planning: codes, what forms hand in, and what lists and the SKP form show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.core.rules.angka import format_angka


class StatusSkp(StrEnum):
    """Where an SKP version is in its flow: draft → diajukan → disetujui (or ditolak → draft)."""

    DRAFT = "draft"
    DIAJUKAN = "diajukan"
    DISETUJUI = "disetujui"
    DITOLAK = "ditolak"
    DIGANTI = "diganti"

    @property
    def label(self) -> str:
        return {
            "draft": "Draf",
            "diajukan": "Diajukan",
            "disetujui": "Disetujui",
            "ditolak": "Ditolak",
            "diganti": "Diganti revisi",
        }[self.value]


#: Statuses in which the plan itself (header, RHK, indikator, lampiran) may be changed.
STATUS_BISA_DIUBAH = frozenset({StatusSkp.DRAFT.value, StatusSkp.DITOLAK.value})


class JenisForm(StrEnum):
    """The SKP form: Jabatan Administrasi/Fungsional (with intervened RHK and aspek) or JPT (perspektif)."""

    JA_JF = "ja_jf"
    JPT = "jpt"


class Pendekatan(StrEnum):
    KUANTITATIF = "kuantitatif"
    KUALITATIF = "kualitatif"


class JenisRhk(StrEnum):
    UTAMA = "utama"
    TAMBAHAN = "tambahan"


class Aspek(StrEnum):
    KUANTITAS = "kuantitas"
    KUALITAS = "kualitas"
    WAKTU = "waktu"
    BIAYA = "biaya"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Perspektif(StrEnum):
    """Perspektif of a JPT RHK."""

    PENERIMA_LAYANAN = "penerima_layanan"
    PROSES_BISNIS = "proses_bisnis"
    PENGUATAN_INTERNAL = "penguatan_internal"
    ANGGARAN = "anggaran"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


class JenisLampiran(StrEnum):
    SUMBER_DAYA = "sumber_daya"
    SKEMA = "skema"
    KONSEKUENSI = "konsekuensi"

    @property
    def label(self) -> str:
        return {
            "sumber_daya": "Dukungan Sumber Daya",
            "skema": "Skema Pertanggungjawaban",
            "konsekuensi": "Konsekuensi",
        }[self.value]


class JenisBukti(StrEnum):
    """What a bukti dukung is: a note, a web link, or a file kept under its content hash."""

    CATATAN = "catatan"
    TAUTAN = "tautan"
    BERKAS = "berkas"


def format_target(
    target_min: Decimal | None, target_maks: Decimal | None, satuan: str, target_teks: str
) -> str:
    """Target as printed: "12 dokumen", "90 – 100 %", or the text target (both when both exist)."""
    angka = ""
    if target_min is not None:
        angka = format_angka(target_min)
        if target_maks is not None:
            angka = f"{angka} – {format_angka(target_maks)}"
        if satuan:
            angka = f"{angka} {satuan}"
    if angka and target_teks:
        return f"{angka} ({target_teks})"
    return angka or target_teks


@dataclass(frozen=True)
class SkpInput:
    """The SKP header: periode penilaian (within the year) and pendekatan."""

    periode_awal: date
    periode_akhir: date
    pendekatan: str = Pendekatan.KUANTITATIF.value

    @classmethod
    def setahun(cls, tahun: int, pendekatan: str = Pendekatan.KUANTITATIF.value) -> SkpInput:
        """1 Januari – 31 Desember of ``tahun``."""
        return cls(date(tahun, 1, 1), date(tahun, 12, 31), pendekatan)


@dataclass(frozen=True)
class RhkInput:
    """One RHK as the form hands it in; ``rhk_atasan_id`` is the intervened superior RHK (JA/JF)."""

    teks: str
    jenis: str = JenisRhk.UTAMA.value
    rhk_atasan_id: str | None = None
    perspektif: str = ""
    penugasan_dari: str = ""


@dataclass(frozen=True)
class IndikatorInput:
    """One IKI: a single number → ``target_min`` only; a range → both; else ``target_teks``."""

    teks: str
    aspek: str = Aspek.KUANTITAS.value
    target_min: Decimal | None = None
    target_maks: Decimal | None = None
    satuan: str = ""
    target_teks: str = ""


@dataclass(frozen=True)
class Pejabat:
    """Identity block of the form: NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN, UNIT KERJA."""

    id: str
    nama: str
    nip: str
    pangkat: str
    jabatan: str
    unit: str


@dataclass(frozen=True)
class IndikatorView:
    id: str
    aspek: str
    teks: str
    target_min: Decimal | None
    target_maks: Decimal | None
    satuan: str
    target_teks: str
    urutan: int

    @property
    def target(self) -> str:
        return format_target(self.target_min, self.target_maks, self.satuan, self.target_teks)

    @property
    def punya_target(self) -> bool:
        return self.target_min is not None or bool(self.target_teks.strip())


@dataclass(frozen=True)
class RhkView:
    """An RHK with its indicators and the text of the superior RHK it intervenes."""

    id: str
    jenis: str
    teks: str
    rhk_atasan_id: str | None
    rhk_atasan_teks: str
    perspektif: str
    penugasan_dari: str
    urutan: int
    indikator: list[IndikatorView] = field(default_factory=list)


@dataclass(frozen=True)
class LampiranView:
    id: str
    jenis: str
    teks: str
    urutan: int


@dataclass(frozen=True)
class PerilakuView:
    """A BerAKHLAK value with its statements and the pejabat penilai's ekspektasi khusus."""

    perilaku_id: str
    urutan: int
    nama: str
    definisi: str
    pernyataan: tuple[str, ...]
    ekspektasi_khusus: str


@dataclass(frozen=True)
class VersiRow:
    id: str
    versi: int
    status: str


@dataclass(frozen=True)
class SkpDetail:
    """The whole SKP as one tree, ready for the form, the print and the checks."""

    id: str
    tahun: int
    versi: int
    periode_awal: date
    periode_akhir: date
    pendekatan: str
    jenis_form: str
    status: str
    catatan_penolakan: str
    diajukan_pada: datetime | None
    disetujui_pada: datetime | None
    pegawai: Pejabat
    pejabat_penilai: Pejabat | None
    atasan_penilai: Pejabat | None
    rhk_utama: list[RhkView]
    rhk_tambahan: list[RhkView]
    lampiran: dict[str, list[LampiranView]]
    perilaku: list[PerilakuView]
    versi_lain: list[VersiRow]
    read_only: bool
    boleh_setujui: bool
    boleh_ekspektasi: bool
    revisi: int
    #: The stamp of everything the editor shows (``skp_stamp``), handed back with each action.
    stamp: str = ""

    @property
    def rhk(self) -> list[RhkView]:
        return [*self.rhk_utama, *self.rhk_tambahan]

    @property
    def status_label(self) -> str:
        return StatusSkp(self.status).label


@dataclass(frozen=True)
class SkpRow:
    """A line of the SKP list: the current version of one pegawai's SKP for the year."""

    id: str
    pegawai_id: str
    nama: str
    nip: str
    jabatan: str
    unit_id: str | None
    unit_nama: str
    tahun: int
    versi: int
    status: str
    pejabat_penilai_nama: str
    jumlah_rhk: int


@dataclass(frozen=True)
class RhkPilihan:
    """A superior RHK that can be intervened (or started from), with its indicators."""

    id: str
    jenis: str
    teks: str
    indikator: list[IndikatorInput] = field(default_factory=list)


@dataclass(frozen=True)
class PilihanKaskade:
    """What the RHK form offers: the pejabat penilai's approved RHKs of the same year, or why none."""

    atasan_id: str | None
    atasan_nama: str
    skp_atasan_id: str | None
    pilihan: list[RhkPilihan]
    pesan: str

    @property
    def wajib(self) -> bool:
        """True when an RHK utama must name one of ``pilihan`` (the superior has an approved SKP)."""
        return self.skp_atasan_id is not None


@dataclass(frozen=True)
class DraftDilewati:
    pegawai_id: str
    nama: str
    alasan: str


@dataclass(frozen=True)
class HasilDraft:
    """Result of creating drafts for a unit: the new SKP ids by pegawai, and who was skipped and why."""

    dibuat: dict[str, str] = field(default_factory=dict)
    dilewati: list[DraftDilewati] = field(default_factory=list)
