"""All models of the domain, importable from one place."""

from kinerja_desktop.core.db.base import Base, SyncMixin
from kinerja_desktop.core.db.models.evaluasi import (
    CapaianUnit,
    Evaluasi,
    TindakLanjut,
    UmpanBalikPerilaku,
    UmpanBalikRhk,
)
from kinerja_desktop.core.db.models.organisasi import Kantor, Pengaturan, UnitKerja
from kinerja_desktop.core.db.models.pegawai import Pegawai, Pelatihan, RiwayatJabatan, RiwayatPangkat
from kinerja_desktop.core.db.models.sistem import AuditLog, Pengguna, SyncBaseline, SyncLog
from kinerja_desktop.core.db.models.skp import (
    BerkasBukti,
    BuktiDukung,
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    Perilaku,
    Realisasi,
    RencanaAksi,
    Rhk,
    Skp,
)

__all__ = [
    "AuditLog",
    "Base",
    "BerkasBukti",
    "BuktiDukung",
    "CapaianUnit",
    "EkspektasiPerilaku",
    "Evaluasi",
    "Indikator",
    "Kantor",
    "LampiranSkp",
    "Pegawai",
    "Pelatihan",
    "Pengaturan",
    "Pengguna",
    "Perilaku",
    "Realisasi",
    "RencanaAksi",
    "Rhk",
    "RiwayatJabatan",
    "RiwayatPangkat",
    "Skp",
    "SyncBaseline",
    "SyncLog",
    "SyncMixin",
    "TindakLanjut",
    "UmpanBalikPerilaku",
    "UmpanBalikRhk",
    "UnitKerja",
]
