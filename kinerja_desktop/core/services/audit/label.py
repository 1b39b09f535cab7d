"""The words of the audit log: action verbs, entity names, field labels and values as a clerk reads them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric
from sqlalchemy.types import TypeDecorator

from kinerja_desktop.core.db.base import Base
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.evaluasi import StatusEvaluasi, label_capaian, label_predikat, label_rating
from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.model.skp import Aspek, JenisLampiran, Perspektif, StatusSkp
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.pangkat import StatusKepegawaian
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.tanggal import NAMA_BULAN, format_tanggal
from kinerja_desktop.core.services.access import Peran


@dataclass(frozen=True)
class Aksi:
    """One kind of audit entry: the verb of its sentence and its name in the filter list."""

    kata_kerja: str
    label: str


#: Every ``aksi`` the application writes: row changes (the session hook and package imports) and events.
AKSI: Mapping[str, Aksi] = {
    "tambah": Aksi("menambah", "Menambah data"),
    "ubah": Aksi("mengubah", "Mengubah data"),
    "hapus": Aksi("menghapus", "Menghapus data"),
    "login": Aksi("masuk ke aplikasi", "Masuk"),
    "login_gagal": Aksi("gagal masuk", "Gagal masuk"),
    "akun_terkunci": Aksi("terkunci sementara", "Akun terkunci"),
    "buka_kunci": Aksi("membuka kunci akun", "Membuka kunci akun"),
    "cadangan": Aksi("membuat cadangan", "Cadangan"),
    "pulihkan": Aksi("memulihkan data dari cadangan", "Pemulihan"),
    "demo": Aksi("memuat data demo", "Data demo"),
    "ekspor": Aksi("mengekspor", "Ekspor"),
    "impor": Aksi("mengimpor", "Impor"),
    "konflik": Aksi("memilih data pada konflik impor", "Konflik impor"),
    "gabung": Aksi("menggabungkan data kembar dari kantor lain", "Penggabungan data"),
    "bukti": Aksi("mengunggah bukti dukung ke server", "Unggah bukti dukung"),
    "akui_distribusi": Aksi("mengakui peringatan pola distribusi", "Pola distribusi diakui"),
    "buka_evaluasi": Aksi("membuka kembali", "Membuka kembali evaluasi"),
    "kunci_kantor": Aksi("membuat kunci tanda tangan paket", "Kunci kantor"),
    "kunci_mitra": Aksi("menyimpan kunci kantor mitra", "Kunci kantor mitra"),
    "terima_kunci": Aksi("menerima kunci baru kantor mitra", "Kunci baru kantor mitra"),
}

#: What each table holds, in the words of a sentence ("menambah pegawai …").
ENTITAS: Mapping[str, str] = {
    "pegawai": "pegawai",
    "unit_kerja": "unit kerja",
    "kantor": "identitas kantor",
    "pengaturan": "pengaturan",
    "pengguna": "akun",
    "skp": "SKP",
    "rhk": "RHK",
    "indikator": "indikator",
    "lampiran_skp": "lampiran SKP",
    "ekspektasi_perilaku": "ekspektasi perilaku",
    "rencana_aksi": "rencana aksi",
    "realisasi": "realisasi",
    "bukti_dukung": "bukti dukung",
    "perilaku": "perilaku kerja",
    "evaluasi": "evaluasi",
    "umpan_balik_rhk": "umpan balik RHK",
    "umpan_balik_perilaku": "umpan balik perilaku",
    "capaian_organisasi": "capaian organisasi",
    "tindak_lanjut": "tindak lanjut",
    "riwayat_jabatan": "riwayat jabatan",
    "riwayat_pangkat": "riwayat pangkat",
    "pelatihan": "pelatihan",
}

_UMUM = {
    "nama": "Nama",
    "nip": "NIP",
    "kode": "Kode",
    "teks": "Uraian",
    "keterangan": "Keterangan",
    "catatan": "Catatan",
    "status": "Status",
    "periode": "Periode",
    "tahun": "Tahun",
    "jenis": "Jenis",
    "urutan": "Urutan",
    "email": "Email",
    "telepon": "Telepon",
    "alamat": "Alamat",
    "pegawai_id": "Pegawai",
    "unit_kerja_id": "Unit kerja",
    "kantor_id": "Kantor",
    "skp_id": "SKP",
    "rhk_id": "RHK",
    "evaluasi_id": "Evaluasi",
    "perilaku_id": "Perilaku kerja",
    "indikator_id": "Indikator",
    "tmt": "TMT",
    "dihapus_pada": "Dihapus pada",
    "kantor_asal": "Kantor asal",
    "id": "Kode data",
}

#: Field labels per table, in the order a clerk reads the form; ``_UMUM`` fills the rest.
LABEL_KOLOM: Mapping[str, Mapping[str, str]] = {
    "pegawai": {
        "nama": "Nama",
        "nip": "NIP",
        "gelar_depan": "Gelar depan",
        "gelar_belakang": "Gelar belakang",
        "tempat_lahir": "Tempat lahir",
        "tanggal_lahir": "Tanggal lahir",
        "jenis_kelamin": "Jenis kelamin",
        "status_kepegawaian": "Status kepegawaian",
        "tmt_cpns": "TMT CPNS",
        "golongan": "Golongan",
        "tmt_golongan": "TMT golongan",
        "jabatan": "Jabatan",
        "jenis_jabatan": "Jenis jabatan",
        "jenjang_jabatan": "Jenjang jabatan",
        "tmt_jabatan": "TMT jabatan",
        "unit_kerja_id": "Unit kerja",
        "atasan_id": "Atasan langsung",
        "status_aktif": "Status aktif",
        "tanggal_nonaktif": "Tanggal nonaktif",
        "alasan_nonaktif": "Alasan nonaktif",
        "foto": "Foto",
    },
    "unit_kerja": {"induk_id": "Unit induk", "kepala_id": "Kepala unit", "ditutup_pada": "Ditutup pada"},
    "kantor": {
        "nama": "Nama kantor",
        "instansi": "Instansi",
        "tempat": "Tempat",
        "is_pusat": "Kantor pusat",
        "kertas": "Ukuran kertas",
        "ritme": "Ritme penilaian",
        "logo": "Logo",
    },
    "pengaturan": {"kunci": "Pengaturan", "nilai": "Nilai"},
    "pengguna": {
        "username": "Nama pengguna",
        "peran": "Peran",
        "password_hash": "Kata sandi",
        "pegawai_id": "Pegawai",
        "aktif": "Aktif",
        "harus_ganti_sandi": "Harus ganti kata sandi",
        "dibuat_pada": "Dibuat pada",
        "gagal_login": "Gagal masuk berturut-turut",
        "terkunci_sampai": "Terkunci sampai",
        "login_terakhir": "Terakhir masuk",
    },
    "skp": {
        "tahun": "Tahun",
        "versi": "Versi",
        "status": "Status",
        "periode_awal": "Awal periode",
        "periode_akhir": "Akhir periode",
        "pendekatan": "Pendekatan",
        "jenis_form": "Jenis formulir",
        "catatan_penolakan": "Catatan penolakan",
        "pejabat_penilai_id": "Pejabat penilai",
        "atasan_penilai_id": "Atasan pejabat penilai",
        "diajukan_pada": "Diajukan pada",
        "disetujui_pada": "Disetujui pada",
    },
    "rhk": {
        "jenis": "Jenis RHK",
        "teks": "Rencana hasil kerja",
        "rhk_atasan_id": "RHK atasan yang diintervensi",
        "asal_id": "RHK asal",
        "perspektif": "Perspektif",
        "penugasan_dari": "Penugasan dari",
    },
    "indikator": {
        "aspek": "Aspek",
        "teks": "Indikator",
        "target_min": "Target",
        "target_maks": "Target tertinggi",
        "satuan": "Satuan",
        "target_teks": "Target (teks)",
    },
    "realisasi": {"nilai": "Realisasi", "teks": "Realisasi (teks)"},
    "bukti_dukung": {
        "tautan": "Tautan",
        "nama_berkas": "Nama berkas",
        "ukuran": "Ukuran berkas (bita)",
        "sha256": "Sidik berkas (SHA-256)",
    },
    "perilaku": {"definisi": "Definisi", "pernyataan": "Pernyataan"},
    "ekspektasi_perilaku": {"ekspektasi_khusus": "Ekspektasi khusus pimpinan"},
    "evaluasi": {
        "periode": "Periode",
        "status": "Status",
        "rating_hasil": "Rating hasil kerja",
        "rating_perilaku": "Rating perilaku kerja",
        "predikat": "Predikat",
        "capaian_organisasi": "Capaian organisasi",
        "catatan_rekomendasi": "Catatan dan rekomendasi",
        "angka_kredit": "Angka kredit",
        "distribusi_diakui": "Pola distribusi diakui",
        "tanggal_evaluasi": "Tanggal evaluasi",
        "difinalkan_pada": "Difinalkan pada",
        "difinalkan_oleh": "Difinalkan oleh",
        "alasan_dibuka": "Alasan dibuka kembali",
        "snapshot_pegawai": "Data pegawai saat final",
        "snapshot_penilai": "Data pejabat penilai saat final",
        "snapshot_atasan_penilai": "Data atasan pejabat penilai saat final",
    },
    "umpan_balik_rhk": {"penilaian_diri": "Penilaian diri", "umpan_balik": "Umpan balik"},
    "umpan_balik_perilaku": {"umpan_balik": "Umpan balik"},
    "capaian_organisasi": {"capaian": "Capaian organisasi", "ditetapkan_oleh_id": "Ditetapkan oleh"},
    "tindak_lanjut": {"uraian": "Uraian", "tanggal": "Tanggal"},
    "riwayat_jabatan": {
        "jabatan": "Jabatan",
        "jenis_jabatan": "Jenis jabatan",
        "jenjang_jabatan": "Jenjang jabatan",
        "sampai": "Sampai",
    },
    "riwayat_pangkat": {"golongan": "Golongan", "nomor_sk": "Nomor SK"},
    "pelatihan": {
        "nama": "Nama pelatihan",
        "penyelenggara": "Penyelenggara",
        "tanggal_mulai": "Tanggal mulai",
        "tanggal_selesai": "Tanggal selesai",
        "jp": "Jam pelajaran (JP)",
        "nomor_sertifikat": "Nomor sertifikat",
    },
}

#: Columns that point at another row, and the table of that row (shown as its name, not its id).
RUJUKAN: Mapping[str, str] = {
    "pegawai_id": "pegawai",
    "atasan_id": "pegawai",
    "kepala_id": "pegawai",
    "pejabat_penilai_id": "pegawai",
    "atasan_penilai_id": "pegawai",
    "ditetapkan_oleh_id": "pegawai",
    "unit_kerja_id": "unit_kerja",
    "induk_id": "unit_kerja",
    "kantor_id": "kantor",
    "skp_id": "skp",
    "rhk_id": "rhk",
    "rhk_atasan_id": "rhk",
    "asal_id": "rhk",
    "indikator_id": "indikator",
    "evaluasi_id": "evaluasi",
    "perilaku_id": "perilaku",
}

#: Columns a sentence leaves out (bookkeeping, or said by the verb itself); the detail pane shows them all.
TEKNIS = frozenset({"id", "kantor_asal", "revisi", "diubah_pada", "dihapus_pada", "urutan", "asal_id"})

_ANGKA_POLOS = frozenset({"tahun", "versi", "urutan", "revisi"})
_PERAN_SINGKAT = {
    Peran.ADMIN.value: "Administrator",
    Peran.OPERATOR.value: "Operator",
    Peran.PENILAI.value: "Penilai",
    Peran.PIMPINAN.value: "Pimpinan",
}


def peran_singkat(peran: str) -> str:
    """A role as it stands before a name: "Operator", "Penilai"."""
    return _PERAN_SINGKAT.get(peran, peran.capitalize())


def label_aksi(aksi: str) -> str:
    found = AKSI.get(aksi)
    return found.label if found else aksi.replace("_", " ").capitalize()


def label_entitas(tabel: str) -> str:
    return ENTITAS.get(tabel, tabel.replace("_", " "))


def label_kolom(tabel: str, kolom: str) -> str:
    """A column as a clerk calls it: ("pegawai", "tmt_jabatan") → "TMT jabatan"."""
    own = LABEL_KOLOM.get(tabel, {})
    if kolom in own:
        return own[kolom]
    return _UMUM.get(kolom, kolom.replace("_", " ").capitalize())


def punya_label(tabel: str, kolom: str) -> bool:
    """Whether the label table names ``kolom`` of ``tabel`` (rather than spelling out the column)."""
    return kolom in LABEL_KOLOM.get(tabel, {}) or kolom in _UMUM or kolom in TEKNIS


def urutan_kolom(tabel: str, kolom: str) -> tuple[int, str]:
    """Sort key putting a table's columns in the order of its label table (form order), the rest after."""
    own = list(LABEL_KOLOM.get(tabel, {}))
    return (own.index(kolom) if kolom in own else len(own) + (kolom in TEKNIS), kolom)


def _label_enum(labels: Callable[[str], str]) -> Callable[[str], str]:
    def label(kode: str) -> str:
        try:
            return labels(kode)
        except (ValueError, KeyError, ValidationError):
            return kode

    return label


_ENUM: dict[tuple[str, str], Callable[[str], str]] = {
    ("skp", "status"): _label_enum(lambda k: StatusSkp(k).label),
    ("evaluasi", "status"): _label_enum(lambda k: StatusEvaluasi(k).label),
}
_ENUM_KOLOM: dict[str, Callable[[str], str]] = {
    "status_aktif": _label_enum(lambda k: StatusAktif(k).label),
    "status_kepegawaian": _label_enum(lambda k: StatusKepegawaian(k).label),
    "periode": _label_enum(lambda k: Periode(k).label),
    "rating_hasil": _label_enum(label_rating),
    "rating_perilaku": _label_enum(label_rating),
    "predikat": _label_enum(label_predikat),
    "capaian": _label_enum(label_capaian),
    "capaian_organisasi": _label_enum(label_capaian),
    "aspek": _label_enum(lambda k: Aspek(k).label),
    "perspektif": _label_enum(lambda k: Perspektif(k).label),
    "peran": _label_enum(lambda k: Peran(k).label),
    "jenis_kelamin": _label_enum(lambda k: {"L": "Laki-laki", "P": "Perempuan"}[k]),
    "jenis_form": _label_enum(lambda k: {"ja_jf": "JA/JF", "jpt": "JPT"}[k]),
}
_ENUM[("lampiran_skp", "jenis")] = _label_enum(lambda k: JenisLampiran(k).label)


def _kolom_type(tabel: str, kolom: str) -> Any:
    table = Base.metadata.tables.get(tabel)
    if table is None or kolom not in table.c:
        return None
    kind = table.c[kolom].type
    return kind.impl if isinstance(kind, TypeDecorator) else kind


def format_waktu(waktu: datetime) -> str:
    """A moment in local time, Indonesian style: "7 Desember 2026 23.40"."""
    lokal = waktu.astimezone()
    return f"{format_tanggal(lokal.date())} {lokal.hour:02d}.{lokal.minute:02d}"


def format_waktu_singkat(waktu: datetime) -> str:
    """A moment for a table cell: "07 Des 2026 23.40" (columns line up)."""
    lokal = waktu.astimezone()
    return f"{lokal.day:02d} {NAMA_BULAN[lokal.month][:3]} {lokal.year} {lokal.hour:02d}.{lokal.minute:02d}"


def format_nilai(tabel: str, kolom: str, value: Any, nama: Callable[[str, str], str | None]) -> str:
    """A stored value as words: dates in Indonesian, numbers via ``format_angka``, codes as their label,
    a reference as the name ``nama(table, id)`` finds; "" for an empty value."""
    if value is None or value == "":
        return ""
    if value == "***":
        return "(disembunyikan)"
    if kolom in RUJUKAN and isinstance(value, str):
        return nama(RUJUKAN[kolom], value) or "(data lain)"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dict | list):
        return _format_json(value)
    enum = _ENUM.get((tabel, kolom)) or _ENUM_KOLOM.get(kolom)
    if enum is not None and isinstance(value, str):
        return enum(value)
    kind = _kolom_type(tabel, kolom)
    teks = str(value)
    try:
        if isinstance(kind, DateTime):
            return format_waktu(datetime.fromisoformat(teks))
        if isinstance(kind, Date):
            return format_tanggal(date.fromisoformat(teks[:10]))
        if isinstance(kind, Numeric | Integer) and not isinstance(kind, Boolean):
            return teks if kolom in _ANGKA_POLOS else format_angka(Decimal(teks))
    except (ValueError, InvalidOperation):
        return teks
    return teks


def _format_json(value: dict[str, Any] | list[Any]) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "; ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, ""))
