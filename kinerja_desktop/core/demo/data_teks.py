"""Sentences for the demo: lampiran, ekspektasi khusus, rencana aksi, evidence, feedback, trainings."""

from __future__ import annotations

# fmt: off
SUMBER_DAYA: tuple[str, ...] = (
    "Komputer/laptop dan akses internet kantor",
    "Printer, kertas dan alat tulis kantor",
    "Akses aplikasi SIAK dan SRIKANDI",
    "Kendaraan operasional untuk kegiatan lapangan",
    "Ruang pelayanan dan meja layanan yang memadai",
    "Dukungan data dari kelurahan dan RT/RW",
)
SKEMA: tuple[str, ...] = (
    "Hasil kerja dilaporkan setiap bulan kepada atasan langsung",
    "Laporan triwulanan disampaikan paling lambat tanggal 10 bulan berikutnya",
    "Bukti dukung diunggah atau dicatat pada aplikasi setiap akhir bulan",
)
KONSEKUENSI: tuple[str, ...] = (
    "Target yang tercapai menjadi dasar pemberian Tambahan Penghasilan Pegawai sesuai ketentuan",
    "Target yang tidak tercapai menjadi bahan pembinaan oleh atasan langsung",
    "Capaian kinerja menjadi pertimbangan pengembangan karier dan penghargaan",
)

#: Ekspektasi khusus pimpinan per BerAKHLAK value (urutan 1–7).
EKSPEKTASI_KHUSUS: dict[int, tuple[str, ...]] = {
    1: ("Melayani warga yang datang ke kantor dengan ramah dan menuntaskan layanan pada hari yang sama",
        "Menanggapi pengaduan masyarakat paling lambat 1x24 jam"),
    2: ("Mengisi laporan kegiatan harian tepat waktu dan sesuai fakta",
        "Menggunakan kendaraan dan peralatan dinas hanya untuk keperluan kedinasan"),
    3: ("Mengikuti paling sedikit 20 JP pengembangan kompetensi dalam setahun",
        "Membimbing rekan kerja baru dalam penggunaan aplikasi layanan"),
    4: ("Menjaga suasana kerja yang rukun dan saling membantu antarseksi",),
    5: ("Menjaga kerahasiaan data kependudukan warga",
        "Mengikuti upacara dan apel pagi secara tertib"),
    6: ("Mengusulkan paling sedikit satu perbaikan cara kerja setiap semester",
        "Cepat menyesuaikan diri dengan aplikasi layanan yang baru"),
    7: ("Berkoordinasi dengan kelurahan dan RT/RW dalam setiap kegiatan lapangan",
        "Terbuka berbagi data dengan seksi lain untuk pelayanan terpadu"),
}

#: Rencana aksi per triwulan; ``{objek}`` is the RHK's counted object.
RENCANA_AKSI: dict[str, tuple[str, ...]] = {
    "TW1": ("Menginventarisasi dan menyiapkan bahan {objek}",
            "Menyusun jadwal pelaksanaan {objek} tahun berjalan"),
    "TW2": ("Melaksanakan dan mendokumentasikan {objek} triwulan II",
            "Memantau pelaksanaan {objek} dan mencatat kendala"),
    "TW3": ("Mengevaluasi capaian {objek} semester I dan menyusun tindak lanjut",
            "Melaksanakan {objek} triwulan III dan menyusun rekapitulasi"),
}

BUKTI_CATATAN: tuple[str, ...] = (
    "Rekapitulasi {objek} {periode} tersimpan di map arsip unit",
    "Daftar hadir dan notulen kegiatan {periode} ada pada arsip unit",
    "Laporan {objek} {periode} sudah diserahkan kepada atasan langsung",
)
BUKTI_TAUTAN = "https://arsip.plaju.example/bukti/{tahun}/{periode}/{kode}"

PENILAIAN_DIRI: dict[str, tuple[str, ...]] = {
    "di_atas": ("Target {periode} terlampaui; {objek} selesai lebih cepat dari jadwal",),
    "sesuai": ("Target {periode} tercapai sesuai rencana aksi", "{objek} selesai sesuai jadwal"),
    "di_bawah": ("Sebagian target {periode} belum tercapai karena kendala data dan waktu",),
}
UMPAN_BALIK_RHK: dict[str, tuple[str, ...]] = {
    "di_atas": ("Capaian sangat baik, pertahankan dan bagikan cara kerjanya kepada rekan",
                "Hasil kerja melampaui target; dokumentasi bukti dukung sudah lengkap"),
    "sesuai": ("Hasil kerja sesuai target; lengkapi bukti dukung tepat waktu",
               "Sudah sesuai ekspektasi; tingkatkan ketelitian rekapitulasi data",
               "Pertahankan; koordinasikan lebih awal dengan kelurahan"),
    "di_bawah": ("Capaian belum sesuai target; susun rencana percepatan bersama atasan",
                 "Bukti dukung belum lengkap; perbaiki pencatatan kegiatan setiap minggu"),
}
UMPAN_BALIK_PERILAKU: dict[str, tuple[str, ...]] = {
    "di_atas": ("Menjadi teladan bagi rekan kerja", "Sangat baik dan konsisten"),
    "sesuai": ("Sudah sesuai ekspektasi", "Baik, pertahankan", "Sesuai harapan pimpinan"),
    "di_bawah": ("Perlu perbaikan, akan dibina melalui konseling atasan",),
}
CATATAN_REKOMENDASI: dict[str, str] = {
    "sangat_baik": "Pertahankan kinerja; dapat dipertimbangkan untuk penghargaan pegawai berprestasi.",
    "baik": "Kinerja sesuai ekspektasi; tingkatkan inovasi pelayanan.",
    "butuh_perbaikan": "Perlu pendampingan atasan dan peningkatan kompetensi teknis.",
    "kurang": "Perlu pembinaan disiplin dan perilaku kerja oleh atasan langsung.",
    "sangat_kurang": "Perlu pembinaan intensif dan rencana perbaikan kinerja.",
}
TINDAK_LANJUT: dict[str, tuple[str, str]] = {
    "sangat_baik": ("penghargaan", "Diusulkan sebagai pegawai berprestasi tingkat kecamatan"),
    "butuh_perbaikan": ("pengembangan", "Coaching oleh atasan langsung setiap bulan dan bimtek teknis"),
    "kurang": ("sanksi", "Teguran lisan dan pembinaan disiplin oleh atasan langsung"),
}
CATATAN_CAPAIAN: dict[str, str] = {
    "istimewa": "Seluruh rencana aksi triwulan tercapai melampaui target yang disepakati.",
    "baik": "Sebagian besar rencana aksi triwulan tercapai sesuai target.",
}
CATATAN_PENOLAKAN = (
    "RHK belum menunjukkan keterkaitan dengan RHK atasan yang diintervensi; "
    "lengkapi indikator kualitas dan waktu, lalu ajukan kembali."
)

#: Trainings: name, organiser, JP range.
PELATIHAN: tuple[tuple[str, str, int, int], ...] = (
    ("Bimbingan Teknis Penyusunan SKP dan Evaluasi Kinerja", "BKPSDM Kota Palembang", 12, 16),
    ("Sosialisasi Core Values ASN BerAKHLAK", "BKPSDM Kota Palembang", 2, 4),
    ("Webinar Pelayanan Publik Prima", "LAN RI (ASN Unggul)", 2, 3),
    ("Pelatihan Microsoft Excel untuk Pengolahan Data", "BPSDM Provinsi Sumatera Selatan", 16, 24),
    ("Bimbingan Teknis Aplikasi SIPD", "Bappeda Kota Palembang", 8, 16),
    ("Pelatihan Penanganan Pengaduan Masyarakat", "BPSDM Provinsi Sumatera Selatan", 24, 32),
    ("E-learning Manajemen ASN", "LAN RI (ASN Unggul)", 6, 10),
    ("Pelatihan Teknis Kearsipan", "Dinas Perpustakaan dan Kearsipan Kota Palembang", 16, 24),
    ("Bimtek Administrasi Kependudukan", "Dinas Kependudukan dan Pencatatan Sipil Kota Palembang", 8, 12),
    ("Workshop Penyusunan LKjIP", "Bagian Organisasi Setda Kota Palembang", 6, 8),
    ("Pelatihan Tata Naskah Dinas Elektronik (SRIKANDI)", "BKPSDM Kota Palembang", 8, 12),
    ("Pelatihan Penyidik Pegawai Negeri Sipil", "Satpol PP Provinsi Sumatera Selatan", 32, 40),
)
# fmt: on
