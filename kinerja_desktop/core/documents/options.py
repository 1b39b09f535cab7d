"""What is chosen at print time: paper, date, place, the letterhead, signer prefixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.kantor import KantorInfo

#: Prefixes for a signer acting in a position: pelaksana tugas, pelaksana harian.
PREFIX_PENANDATANGAN = ("", "Plt.", "Plh.")


@dataclass(frozen=True)
class Kop:
    """The letterhead: instansi, office name, address line, optional logo (PNG or JPEG bytes)."""

    instansi: str
    nama: str
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    logo: bytes | None = field(default=None, repr=False)

    @classmethod
    def dari_kantor(cls, info: KantorInfo, logo: bytes | None = None) -> Kop:
        return cls(info.instansi, info.nama, info.alamat, info.telepon, info.email, logo)


@dataclass(frozen=True)
class OpsiCetak:
    """Print-time choices shared by every form.

    ``prefix_*`` is "", "Plt." or "Plh." and is written before the signer's jabatan.
    ``kop`` names the agency on every form; ``cetak_kop`` also prints it as a letterhead on top.
    ``tampilkan_mengetahui`` adds "Mengetahui, Atasan Pejabat Penilai Kinerja" under the signatures.
    ``ttd_*`` is a scanned signature (PNG or JPEG) put in the signing space; it is printed only on the
    forms of a final evaluation, never on a draft or an SKP.
    """

    tanggal: date
    tempat: str
    kop: Kop | None = None
    cetak_kop: bool = True
    kertas: str = "F4"
    prefix_pegawai: str = ""
    prefix_penilai: str = ""
    prefix_atasan: str = ""
    tampilkan_mengetahui: bool = False
    tampilkan_pangkat: bool = False
    ttd_pegawai: bytes | None = field(default=None, repr=False)
    ttd_penilai: bytes | None = field(default=None, repr=False)
    ttd_atasan: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.kertas not in ("F4", "A4"):
            raise ValidationError("Ukuran kertas harus F4 atau A4.", kolom="kertas")
        for prefix in (self.prefix_pegawai, self.prefix_penilai, self.prefix_atasan):
            if prefix not in PREFIX_PENANDATANGAN:
                raise ValidationError(
                    f"Awalan penanda tangan {prefix!r} tidak dikenal.",
                    kolom="prefix",
                    saran="Pilih Plt., Plh., atau kosongkan.",
                )

    @property
    def instansi(self) -> str:
        """The agency name of the header line ("PEMERINTAH KOTA PALEMBANG")."""
        if self.kop is None:
            return ""
        return self.kop.instansi.strip() or self.kop.nama.strip()


def opsi_kantor(info: KantorInfo, tanggal: date, logo: bytes | None = None, **ubah: object) -> OpsiCetak:
    """Options from the office settings (kertas, tempat, kop); ``ubah`` overrides any field."""
    dasar: dict[str, object] = {
        "tanggal": tanggal,
        "tempat": info.tempat,
        "kop": Kop.dari_kantor(info, logo),
        "kertas": info.kertas if info.kertas in ("F4", "A4") else "F4",
    }
    dasar.update(ubah)
    return OpsiCetak(**dasar)  # type: ignore[arg-type]
