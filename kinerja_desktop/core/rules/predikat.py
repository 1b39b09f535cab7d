"""Rating hasil/perilaku kerja and the 3×3 predikat kinerja matrix (PermenPANRB 6/2022)."""

from __future__ import annotations

from enum import StrEnum


class Rating(StrEnum):
    """Rating hasil kerja or rating perilaku kerja given by the pejabat penilai kinerja."""

    DI_ATAS = "di_atas"
    SESUAI = "sesuai"
    DI_BAWAH = "di_bawah"

    @property
    def label(self) -> str:
        """Display text, e.g. "Di Atas Ekspektasi"."""
        return _LABEL_RATING[self]

    @property
    def kode_angka(self) -> int:
        """Numeric code used by printed forms and older apps: 3 di atas, 2 sesuai, 1 di bawah."""
        return _KODE_ANGKA[self]


_LABEL_RATING: dict[Rating, str] = {
    Rating.DI_ATAS: "Di Atas Ekspektasi",
    Rating.SESUAI: "Sesuai Ekspektasi",
    Rating.DI_BAWAH: "Di Bawah Ekspektasi",
}
_KODE_ANGKA: dict[Rating, int] = {Rating.DI_ATAS: 3, Rating.SESUAI: 2, Rating.DI_BAWAH: 1}


class Predikat(StrEnum):
    """Predikat kinerja pegawai, declared best first."""

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"

    @property
    def label(self) -> str:
        """Display text, e.g. "Kurang/Misconduct"."""
        return _LABEL_PREDIKAT[self]

    @property
    def urutan(self) -> int:
        """Rank for sorting: 0 is Sangat Baik (best), 4 is Sangat Kurang."""
        return _URUTAN[self]


_LABEL_PREDIKAT: dict[Predikat, str] = {
    Predikat.SANGAT_BAIK: "Sangat Baik",
    Predikat.BAIK: "Baik",
    Predikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    Predikat.KURANG: "Kurang/Misconduct",
    Predikat.SANGAT_KURANG: "Sangat Kurang",
}
_URUTAN: dict[Predikat, int] = {p: i for i, p in enumerate(Predikat)}

# Key: (rating hasil kerja, rating perilaku kerja).
_MATRIKS: dict[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
    (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
}


def compute_predikat(rating_hasil: Rating, rating_perilaku: Rating) -> Predikat:
    """Predikat kinerja pegawai from the two ratings (the 3×3 matrix of PermenPANRB 6/2022)."""
    return _MATRIKS[(Rating(rating_hasil), Rating(rating_perilaku))]
