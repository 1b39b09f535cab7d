"""Plain data of the appraisal services: statuses, the evaluation form, the unit grid and distribution."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.model.skp import Pejabat
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi, Temuan
from kinerja_desktop.core.rules.predikat import Predikat, Rating


class StatusEvaluasi(StrEnum):
    """Where an evaluation stands; BELUM means no row yet, TANPA_SKP that there is no approved SKP."""

    TANPA_SKP = "tanpa_skp"
    BELUM = "belum"
    DRAF = "draf"
    FINAL = "final"

    @property
    def label(self) -> str:
        return _LABEL_STATUS[self]


_LABEL_STATUS = {
    StatusEvaluasi.TANPA_SKP: "SKP belum disetujui",
    StatusEvaluasi.BELUM: "Belum dinilai",
    StatusEvaluasi.DRAF: "Draf",
    StatusEvaluasi.FINAL: "Final",
}

#: A unit head's rating hasil kerja follows the unit's capaian (SE MenPANRB 3/2023).
RATING_DARI_CAPAIAN: dict[CapaianOrganisasi, Rating] = {
    CapaianOrganisasi.ISTIMEWA: Rating.DI_ATAS,
    CapaianOrganisasi.BAIK: Rating.SESUAI,
    CapaianOrganisasi.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
    CapaianOrganisasi.KURANG: Rating.DI_BAWAH,
    CapaianOrganisasi.SANGAT_KURANG: Rating.DI_BAWAH,
}


class JenisTindakLanjut(StrEnum):
    """What follows an evaluation: an award, a sanction, or a development step."""

    PENGHARGAAN = "penghargaan"
    SANKSI = "sanksi"
    PENGEMBANGAN = "pengembangan"


class JenisRating(StrEnum):
    """Which of the two ratings; the value is the field (``kolom``) a refusal about it names."""

    HASIL = "rating_hasil"
    PERILAKU = "rating_perilaku"

    @property
    def label(self) -> str:
        return "rating hasil kerja" if self is JenisRating.HASIL else "rating perilaku kerja"


def label_rating(kode: str | None) -> str:
    return Rating(kode).label if kode else ""


def label_predikat(kode: str | None) -> str:
    return Predikat(kode).label if kode else ""


def label_capaian(kode: str | None) -> str:
    return CapaianOrganisasi(kode).label if kode else ""


@dataclass(frozen=True)
class IndikatorEvaluasi:
    """An indicator with its target and what was realised (for AKHIR: every period of the year)."""

    aspek: str
    teks: str
    target: str
    realisasi: str


@dataclass(frozen=True)
class RhkEvaluasi:
    """One RHK in the evaluation form: plan, realisation, the pegawai's account and the feedback."""

    rhk_id: str
    jenis: str
    teks: str
    rhk_atasan_teks: str
    perspektif: str
    indikator: list[IndikatorEvaluasi]
    jumlah_bukti: int
    penilaian_diri: str
    umpan_balik: str


@dataclass(frozen=True)
class PerilakuEvaluasi:
    perilaku_id: str
    urutan: int
    nama: str
    pernyataan: tuple[str, ...]
    ekspektasi_khusus: str
    umpan_balik: str


@dataclass(frozen=True)
class RiwayatUmpanBalik:
    """An earlier period of the same year: its ratings, predikat and the feedback given."""

    periode: str
    periode_label: str
    status: str
    predikat: str | None
    umpan_balik_rhk: list[tuple[str, str]]
    umpan_balik_perilaku: list[tuple[str, str]]


@dataclass(frozen=True)
class EvaluasiForm:
    """Everything the evaluation form shows for one approved SKP and one period."""

    evaluasi_id: str | None
    skp_id: str
    tahun: int
    periode: str
    periode_label: str
    status: StatusEvaluasi
    pegawai: Pejabat
    pejabat_penilai: Pejabat | None
    atasan_penilai: Pejabat | None
    unit_id: str | None
    jenis_form: str
    rating_hasil: str | None
    rating_perilaku: str | None
    predikat: str | None
    capaian_organisasi: str | None
    saran_rating_hasil: str | None
    kepala_unit: str
    catatan_rekomendasi: str
    tanggal_evaluasi: date | None
    angka_kredit: Decimal | None
    jenjang_fungsional: str
    bulan_angka_kredit: int
    distribusi_diakui: bool
    difinalkan_pada: datetime | None
    difinalkan_oleh: str
    alasan_dibuka: str
    hasil_kerja: list[RhkEvaluasi]
    perilaku: list[PerilakuEvaluasi]
    riwayat: list[RiwayatUmpanBalik]
    boleh_nilai: bool
    boleh_isi_diri: bool
    boleh_buka: bool
    alasan_hanya_lihat: str
    jenjang_kode: str = ""
    skp_periode_awal: date | None = None
    skp_periode_akhir: date | None = None
    #: The stamp of the evaluation with its feedback rows as read ("" before it was started), handed back
    #: with every change so that one made meanwhile by someone else is refused.
    stamp: str = ""

    @property
    def final(self) -> bool:
        return self.status is StatusEvaluasi.FINAL


@dataclass(frozen=True)
class BarisEvaluasi:
    """One line of the per-unit grid: a pegawai and where their evaluation for the period stands."""

    pegawai_id: str
    nama: str
    nip: str
    jabatan: str
    unit_id: str | None
    unit: str
    penilai_id: str | None
    penilai: str
    skp_id: str | None
    evaluasi_id: str | None
    status: StatusEvaluasi
    rating_hasil: str | None
    rating_perilaku: str | None
    predikat: str | None
    angka_kredit: Decimal | None
    kepala_unit: bool
    boleh_nilai: bool
    alasan_terkunci: str = ""  # why this account may not rate the row, with what to do ("" when it may)
    revisi: int = 0  # the evaluation's revisi as read (0: not started yet)
    ada_realisasi: bool = True  # something was realised in the period (rating without it only warns)


@dataclass(frozen=True)
class IsianEvaluasi:
    """What the evaluation form changed against what it read; what is left out stays as stored.

    ``evaluasi_id`` is None while the evaluation has not been started. Texts are keyed by the RHK's
    or the BerAKHLAK value's id; ``rating`` is the pair (hasil, perilaku) when either changed.
    """

    skp_id: str
    periode: str
    evaluasi_id: str | None = None
    penilaian_diri: dict[str, str] = field(default_factory=dict)
    umpan_balik_rhk: dict[str, str] = field(default_factory=dict)
    umpan_balik_perilaku: dict[str, str] = field(default_factory=dict)
    rating: tuple[str | None, str | None] | None = None
    catatan: str | None = None
    tanggal: date | None = None
    stamp: str | None = None  # ``EvaluasiForm.stamp`` as the form read it; None: not checked

    @property
    def kosong(self) -> bool:
        """Nothing changed."""
        return not (
            self.penilaian_diri
            or self.umpan_balik_rhk
            or self.umpan_balik_perilaku
            or self.rating is not None
            or self.catatan is not None
            or self.tanggal is not None
        )


@dataclass(frozen=True)
class HasilFinal:
    """What finalising one evaluation came to: final, or refused with the reason.

    ``temuan`` holds the distribution findings when the refusal was only that they were not
    acknowledged (the unit changed after the user was asked): ask again, then finalise again.
    """

    evaluasi_id: str
    nama: str
    error: KnownError | None = None
    temuan: tuple[Temuan, ...] = ()

    @property
    def final(self) -> bool:
        return self.error is None

    @property
    def alasan(self) -> str:
        return self.error.pesan if self.error is not None else ""


@dataclass(frozen=True)
class DistribusiUnit:
    """Predikat counts of a unit (and its sub-units) for a period, checked against its capaian."""

    unit_id: str
    unit: str
    tahun: int
    periode: str
    capaian: str | None
    jumlah: dict[Predikat, int]
    persen: dict[Predikat, float]
    belum_dinilai: int
    temuan: list[Temuan] = field(default_factory=list)

    @property
    def dinilai(self) -> int:
        return sum(self.jumlah.values())


@dataclass(frozen=True)
class CapaianRow:
    unit_id: str
    unit: str
    periode: str
    capaian: str | None
    catatan: str
    ditetapkan_oleh: str
    boleh_ubah: bool
    revisi: int = 0  # of the stored capaian as read (0: none yet), handed back by ``set_capaian``
