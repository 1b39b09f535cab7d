"""Paper sizes (F4 by default, A4) and the margins of the national tata naskah."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from kinerja_desktop.core.errors import ValidationError

#: Folio/F4, 215 × 330 mm (609.4 × 935.4 pt), the default of most agency rules.
F4: tuple[float, float] = (215 * mm, 330 * mm)
UKURAN: dict[str, tuple[float, float]] = {"F4": F4, "A4": (float(A4[0]), float(A4[1]))}

#: Margins in points: top 2.5 cm, bottom 3 cm, left 3 cm, right 2.5 cm.
MARGIN_ATAS: float = 25 * mm
MARGIN_BAWAH: float = 30 * mm
MARGIN_KIRI: float = 30 * mm
MARGIN_KANAN: float = 25 * mm


@dataclass(frozen=True)
class Halaman:
    """A page: its size and the writable area inside the margins."""

    lebar: float
    tinggi: float

    @property
    def content_width(self) -> float:
        return self.lebar - MARGIN_KIRI - MARGIN_KANAN

    @property
    def content_height(self) -> float:
        return self.tinggi - MARGIN_ATAS - MARGIN_BAWAH


def halaman(kertas: str, *, lanskap: bool = False) -> Halaman:
    """The page for "F4" or "A4", portrait unless ``lanskap``."""
    if kertas not in UKURAN:
        raise ValidationError(
            f"Ukuran kertas {kertas!r} tidak dikenal.", kolom="kertas", saran="Pilih F4 atau A4."
        )
    ukuran = landscape(UKURAN[kertas]) if lanskap else UKURAN[kertas]
    return Halaman(float(ukuran[0]), float(ukuran[1]))
