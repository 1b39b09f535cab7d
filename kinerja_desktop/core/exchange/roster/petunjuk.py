"""The "Petunjuk" sheet: how to fill the roster, in Indonesian, for the clerk who opens the template."""

from __future__ import annotations

from kinerja_desktop.core.exchange.roster.columns import KOLOM, PEMISAH_UNIT

JUDUL = "Petunjuk pengisian daftar pegawai"

_CONTOH: dict[str, str] = {
    "nip": "'198609262015051001",
    "nama": "Ahmad Fauzi",
    "gelar_depan": "Drs.",
    "gelar_belakang": "M.Si.",
    "tempat_lahir": "Palembang",
    "tanggal_lahir": "26/09/1986",
    "jenis_kelamin": "L",
    "status_kepegawaian": "PNS",
    "golongan": "III/b",
    "tmt_golongan": "01/04/2022",
    "tmt_cpns": "01/05/2015",
    "jabatan": "Analis Kebijakan",
    "jenis_jabatan": "Jabatan Fungsional Keahlian",
    "jenjang_jabatan": "Ahli Pertama",
    "tmt_jabatan": "02/01/2023",
    "unit_kerja": f"Kecamatan Plaju{PEMISAH_UNIT}Seksi Pemerintahan",
    "atasan": "'197501012000031002",
    "email": "ahmad@palembang.go.id",
    "telepon": "'081234567890",
    "status_aktif": "Aktif",
    "tanggal_nonaktif": "",
}

CATATAN: tuple[str, ...] = (
    "NIP: Excel mengubah angka 18 digit menjadi angka biasa dan membuang digit terakhirnya "
    "(198609262015051001 menjadi 198609262015051000). Kolom NIP dan NIP Atasan pada templat sudah "
    "berformat teks; bila menempel dari berkas lain, tempel sebagai nilai (Paste Special → Values) "
    "atau ketik dengan tanda petik di depan: '198609262015051001. NIP yang terbaca sebagai angka "
    "ditolak saat impor. Spasi di dalam NIP boleh (19860926 201505 1 001).",
    "Tanggal: tanggal Excel biasa, atau teks 26/09/1986, 26-09-1986, 1986-09-26, atau 26 September 1986. "
    "Tahun wajib 4 digit; tanggal yang tidak ada (31/02/2020) ditolak.",
    "Golongan PNS/CPNS: I/a sampai IV/e; juga diterima 'III a', 'iii-a', '3a', '3/a' atau nama pangkat "
    "seperti 'Penata Muda Tk. I'. Golongan PPPK: I sampai XVII (atau angka 1 sampai 17).",
    f"Unit Kerja: tulis jalur lengkap dari kantor, dipisah garis miring berspasi ('{PEMISAH_UNIT}', "
    "dengan spasi di kiri dan kanannya), atau cukup nama unit bila namanya hanya ada satu. "
    "Unit yang belum ada akan dibuat dan dicantumkan pada pratinjau impor.",
    "NIP Atasan: NIP atasan langsung (pejabat penilai kinerja). Atasan boleh pegawai lama atau pegawai "
    "di baris lain berkas ini, urutan barisnya bebas.",
    "Pegawai yang NIP-nya sudah ada akan diubah sesuai isi barisnya; sel kosong berarti nilainya "
    "dikosongkan. Kolom yang dihapus dari lembar tidak mengubah data. Status aktif pegawai lama "
    "tidak diubah lewat impor.",
    "Saat impor, aplikasi lebih dulu menampilkan pratinjau: pegawai yang ditambah, yang diubah (nilai lama → "
    "baru), dan setiap kesalahan dengan lembar, baris dan kolomnya. Data baru disimpan setelah Anda setuju, "
    "sekaligus semuanya, dan basis data dicadangkan otomatis sebelumnya.",
    "Jangan mengubah nama lembar 'Pegawai' atau judul kolom. Lembar tersembunyi 'Daftar' dan '_kinerja' "
    "dipakai aplikasi; biarkan saja.",
)


def baris_petunjuk() -> list[list[str]]:
    """Rows of the sheet: a title, one row per column (header, what it takes, example), then notes."""
    rows: list[list[str]] = [[JUDUL], [], ["Kolom", "Isi", "Contoh"]]
    for k in KOLOM:
        wajib = " Wajib diisi." if k.wajib else ""
        rows.append([k.judul, (k.petunjuk + wajib).strip(), _CONTOH.get(k.kunci, "")])
    rows += [[], ["Catatan"]]
    rows += [[f"{i}.", teks] for i, teks in enumerate(CATATAN, 1)]
    return rows
