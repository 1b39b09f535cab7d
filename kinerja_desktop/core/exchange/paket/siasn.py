"""The SIASN sheet of a central export: final evaluations shaped like SIASN's kinerja periodik upload."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Evaluasi, Pegawai, Skp
from kinerja_desktop.core.rules.periode import periode
from kinerja_desktop.core.rules.predikat import Predikat, Rating
from kinerja_desktop.core.services.kantor import get_setting

#: Column key (the SIASN field name where there is one) → header.
KOLOM_SIASN: tuple[tuple[str, str], ...] = (
    ("nip", "NIP Dinilai"),
    ("nama", "Nama Dinilai"),
    ("pnsDinilaiId", "pnsDinilaiId"),
    ("tahun", "tahun"),
    ("periode", "Periode"),
    ("periodikId", "periodikId"),
    ("bulanMulaiPenilaian", "bulanMulaiPenilaian"),
    ("bulanSelesaiPenilaian", "bulanSelesaiPenilaian"),
    ("tahunMulaiPenilaian", "tahunMulaiPenilaian"),
    ("tahunSelesaiPenilaian", "tahunSelesaiPenilaian"),
    ("hasilKinerjaNilai", "hasilKinerjaNilai"),
    ("hasilKinerja", "hasilKinerja"),
    ("perilakuKerjaNilai", "perilakuKerjaNilai"),
    ("perilakuKerja", "perilakuKerja"),
    ("kuadranKinerjaNilai", "kuadranKinerjaNilai"),
    ("kuadranKinerja", "kuadranKinerja"),
    ("penilaiNama", "penilaiNama"),
    ("penilaiNipNrp", "penilaiNipNrp"),
    ("penilaiGolongan", "penilaiGolongan"),
    ("penilaiJabatanNama", "penilaiJabatanNama"),
    ("penilaiUnorNama", "penilaiUnorNama"),
    ("statusPenilai", "statusPenilai"),
    ("koefisienId", "koefisienId"),
    ("angkaKredit", "Angka Kredit"),
)
#: Settings (Pengaturan) that hold SIASN reference codes: ``siasn.<list>.<our code>``; unset → defaults.
_BAWAAN = {f"siasn.rating.{r.value}": str(r.kode_angka) for r in Rating}


def kode_siasn(session: Session, daftar: str, kode: str | None) -> str:
    """SIASN's code for one of ours (e.g. ``rating``/``di_atas`` → "3"); "" when none is set."""
    if not kode:
        return ""
    kunci = f"siasn.{daftar}.{kode}"
    return get_setting(session, kunci, _BAWAAN.get(kunci, ""))


def _angka(teks: str) -> int | str:
    return int(teks) if teks.isdigit() else teks


def _label(enum: Any, kode: str | None) -> str:
    try:
        return str(enum(kode).label) if kode else ""
    except ValueError:
        return kode or ""


def baris_siasn(session: Session, pegawai_ids: Any, tahun: int | None) -> list[dict[str, Any]]:
    """One row per final evaluation of the pegawai in ``pegawai_ids`` (a select of ids) for ``tahun``."""
    stmt = (
        select(Evaluasi, Skp.tahun, Skp.periode_awal, Skp.periode_akhir, Pegawai.nip, Pegawai.nama)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .where(Evaluasi.status == "final", Evaluasi.dihapus_pada.is_(None), Skp.pegawai_id.in_(pegawai_ids))
        .order_by(Pegawai.nip, Skp.tahun, Evaluasi.periode)
    )
    if tahun is not None:
        stmt = stmt.where(Skp.tahun == tahun)
    hasil: list[dict[str, Any]] = []
    for ev, th, awal, akhir, nip, nama in session.execute(stmt):
        p = periode(ev.periode)
        mulai = max(p.bulan_awal, awal.month if awal.year == th else 1)
        selesai = min(p.bulan_awal + p.jumlah_bulan - 1, akhir.month if akhir.year == th else 12)
        penilai = ev.snapshot_penilai or {}
        hasil.append(
            {
                "nip": nip,
                "nama": (ev.snapshot_pegawai or {}).get("nama") or nama,
                "pnsDinilaiId": "",
                "tahun": th,
                "periode": p.label,
                "periodikId": _angka(kode_siasn(session, "periodik", ev.periode)),
                "bulanMulaiPenilaian": mulai,
                "bulanSelesaiPenilaian": max(selesai, mulai),
                "tahunMulaiPenilaian": th,
                "tahunSelesaiPenilaian": th,
                "hasilKinerjaNilai": _angka(kode_siasn(session, "rating", ev.rating_hasil)),
                "hasilKinerja": _label(Rating, ev.rating_hasil),
                "perilakuKerjaNilai": _angka(kode_siasn(session, "rating", ev.rating_perilaku)),
                "perilakuKerja": _label(Rating, ev.rating_perilaku),
                "kuadranKinerjaNilai": _angka(kode_siasn(session, "predikat", ev.predikat)),
                "kuadranKinerja": _label(Predikat, ev.predikat),
                "penilaiNama": str(penilai.get("nama", "")),
                "penilaiNipNrp": str(penilai.get("nip", "")),
                "penilaiGolongan": str(penilai.get("golongan", "")),
                "penilaiJabatanNama": str(penilai.get("jabatan", "")),
                "penilaiUnorNama": str(penilai.get("unit", "")),
                "statusPenilai": "ASN" if penilai else "",
                "koefisienId": "",
                "angkaKredit": float(ev.angka_kredit) if ev.angka_kredit is not None else "",
            }
        )
    return hasil
