"""Rencana hasil kerja texts per unit kind, for heads and staff, tagged with a theme for the cascade."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RhkContoh:
    """An RHK text with what its kuantitas indicator counts (``objek`` ``kerja``, in ``satuan``)."""

    tema: str
    teks: str
    objek: str
    kerja: str
    satuan: str
    target: tuple[int, int]


R = RhkContoh

# fmt: off

#: When no superior RHK has the same theme, these are tried next (then any utama RHK).
TEMA_CADANGAN: dict[str, tuple[str, ...]] = {
    "umum": ("tatakelola",),
    "keuangan": ("tatakelola",),
    "perencanaan": ("tatakelola",),
    "pemerintahan": ("pelayanan",),
    "kesos": ("pemberdayaan",),
    "pelayanan": ("pemerintahan",),
}

KEPALA: dict[str, tuple[RhkContoh, ...]] = {
    "kecamatan": (
        R("pelayanan", "Meningkatnya kualitas pelayanan publik tingkat kecamatan",
          "layanan administrasi terpadu kecamatan", "diselesaikan", "layanan", (2400, 6000)),
        R("trantib", "Terwujudnya ketentraman dan ketertiban umum di wilayah kecamatan",
          "kegiatan penertiban dan patroli wilayah", "dilaksanakan", "kegiatan", (96, 180)),
        R("pemberdayaan", "Meningkatnya partisipasi masyarakat dalam pembangunan kelurahan",
          "usulan pembangunan kelurahan", "ditindaklanjuti", "usulan", (40, 90)),
        R("tatakelola", "Terwujudnya tata kelola pemerintahan kecamatan yang akuntabel",
          "dokumen perencanaan dan laporan kinerja kecamatan", "disusun", "dokumen", (8, 14)),
    ),
    "sekretariat": (
        R("umum", "Terselenggaranya administrasi umum dan kepegawaian kecamatan yang tertib",
          "layanan administrasi umum dan kepegawaian", "diselesaikan", "layanan", (300, 700)),
        R("keuangan", "Terlaksananya pengelolaan keuangan kecamatan yang tertib dan akuntabel",
          "laporan keuangan kecamatan", "disusun", "laporan", (12, 16)),
        R("perencanaan", "Tersusunnya dokumen perencanaan dan pelaporan kinerja kecamatan tepat waktu",
          "dokumen perencanaan dan pelaporan kinerja", "disusun", "dokumen", (6, 10)),
    ),
    "subbag_umum": (
        R("umum", "Terkelolanya administrasi kepegawaian kecamatan", "usulan layanan kepegawaian",
          "diproses", "usulan", (60, 160)),
        R("umum", "Terpeliharanya sarana dan prasarana kantor kecamatan",
          "barang milik daerah", "diinventarisasi", "unit", (150, 400)),
        R("umum", "Tertatanya persuratan dan arsip kecamatan", "surat masuk dan keluar",
          "diagendakan", "surat", (900, 2400)),
    ),
    "subbag_keuangan": (
        R("perencanaan", "Tersusunnya dokumen Renja dan RKA kecamatan", "dokumen Renja dan RKA",
          "disusun", "dokumen", (3, 5)),
        R("keuangan", "Terlaksananya penatausahaan keuangan kecamatan secara tertib",
          "dokumen pertanggungjawaban keuangan", "diverifikasi", "dokumen", (240, 600)),
        R("perencanaan", "Tersusunnya laporan kinerja (LKjIP) kecamatan", "laporan kinerja",
          "disusun", "laporan", (4, 6)),
    ),
    "pemerintahan": (
        R("pemerintahan", "Terlaksananya pelayanan administrasi kependudukan tingkat kecamatan",
          "berkas administrasi kependudukan", "diverifikasi", "berkas", (600, 1800)),
        R("pemerintahan", "Terlaksananya pembinaan penyelenggaraan pemerintahan kelurahan",
          "kegiatan pembinaan kelurahan", "dilaksanakan", "kegiatan", (12, 28)),
        R("pemerintahan", "Tersedianya data pertanahan dan batas wilayah yang mutakhir",
          "data pertanahan dan batas wilayah", "dimutakhirkan", "dokumen", (20, 60)),
    ),
    "trantib": (
        R("trantib", "Terlaksananya penegakan peraturan daerah dan peraturan wali kota di wilayah kecamatan",
          "kegiatan penegakan perda", "dilaksanakan", "kegiatan", (24, 60)),
        R("trantib", "Terselenggaranya patroli ketentraman dan ketertiban umum secara rutin",
          "patroli wilayah", "dilaksanakan", "kegiatan", (96, 200)),
        R("trantib", "Tertanganinya pengaduan gangguan ketertiban masyarakat",
          "pengaduan gangguan ketertiban", "ditangani", "pengaduan", (30, 90)),
    ),
    "pmk": (
        R("pemberdayaan", "Terlaksananya musyawarah perencanaan pembangunan tingkat kecamatan",
          "tahapan musrenbang kecamatan", "dilaksanakan", "kegiatan", (6, 12)),
        R("pemberdayaan", "Meningkatnya keaktifan lembaga kemasyarakatan kelurahan",
          "kegiatan pembinaan lembaga kemasyarakatan", "dilaksanakan", "kegiatan", (14, 36)),
        R("pemberdayaan", "Terlaksananya gerakan gotong royong dan pembinaan PKK",
          "kegiatan gotong royong dan PKK", "dilaksanakan", "kegiatan", (20, 48)),
    ),
    "kesos": (
        R("kesos", "Tersalurkannya bantuan sosial tepat sasaran", "penerima bantuan sosial",
          "diverifikasi", "orang", (300, 1200)),
        R("kesos", "Termutakhirkannya Data Terpadu Kesejahteraan Sosial (DTKS) kecamatan",
          "data keluarga DTKS", "dimutakhirkan", "keluarga", (400, 1500)),
        R("kesos", "Terlaksananya pembinaan kegiatan keagamaan, kepemudaan dan olahraga",
          "kegiatan pembinaan keagamaan dan kepemudaan", "dilaksanakan", "kegiatan", (10, 30)),
    ),
    "yanum": (
        R("pelayanan", "Terlaksananya pelayanan administrasi terpadu kecamatan (PATEN)",
          "permohonan layanan PATEN", "diselesaikan", "permohonan", (900, 2600)),
        R("pelayanan", "Meningkatnya indeks kepuasan masyarakat terhadap layanan kecamatan",
          "survei kepuasan masyarakat", "dilaksanakan", "laporan", (2, 4)),
        R("pelayanan", "Terlaksananya pelayanan surat keterangan dan legalisasi tepat waktu",
          "surat keterangan dan legalisasi", "diterbitkan", "surat", (600, 1800)),
    ),
    "kelurahan": (
        R("pelayanan", "Terselenggaranya pelayanan administrasi kemasyarakatan di kelurahan",
          "surat pengantar dan keterangan warga", "diterbitkan", "surat", (500, 1500)),
        R("trantib", "Terwujudnya ketentraman dan ketertiban di wilayah kelurahan",
          "kegiatan siskamling dan patroli", "dilaksanakan", "kegiatan", (24, 72)),
        R("pemberdayaan", "Meningkatnya partisipasi masyarakat dalam pembangunan kelurahan",
          "kegiatan musyawarah dan gotong royong", "dilaksanakan", "kegiatan", (12, 36)),
        R("kesos", "Terlaksananya pendataan dan pelayanan kesejahteraan sosial kelurahan",
          "data keluarga penerima manfaat", "diverifikasi", "keluarga", (100, 400)),
    ),
    "kel_sekretariat": (
        R("tatakelola", "Tertibnya administrasi umum, keuangan dan kepegawaian kelurahan",
          "dokumen administrasi kelurahan", "diselesaikan", "dokumen", (120, 360)),
        R("pelayanan", "Tersusunnya laporan penyelenggaraan pemerintahan kelurahan",
          "laporan kelurahan", "disusun", "laporan", (12, 16)),
    ),
    "kel_pemerintahan": (
        R("pelayanan", "Terlaksananya pelayanan administrasi kependudukan di kelurahan",
          "berkas kependudukan warga", "diproses", "berkas", (300, 900)),
        R("pelayanan", "Termutakhirkannya data penduduk dan RT/RW kelurahan", "data RT/RW",
          "dimutakhirkan", "dokumen", (12, 40)),
    ),
    "kel_trantib": (
        R("trantib", "Terlaksananya pembinaan ketentraman dan ketertiban lingkungan kelurahan",
          "kegiatan pembinaan siskamling", "dilaksanakan", "kegiatan", (24, 60)),
        R("trantib", "Tertanganinya laporan gangguan ketertiban warga", "laporan gangguan ketertiban",
          "ditangani", "laporan", (10, 40)),
    ),
    "kel_pm": (
        R("pemberdayaan", "Terlaksananya pemberdayaan lembaga kemasyarakatan kelurahan",
          "kegiatan LPM, PKK dan karang taruna", "difasilitasi", "kegiatan", (12, 36)),
        R("kesos", "Terlaksananya pendataan penerima bantuan sosial kelurahan",
          "data penerima bantuan", "diverifikasi", "orang", (100, 400)),
    ),
}

STAF: dict[str, tuple[RhkContoh, ...]] = {
    "umum": (
        R("umum", "Terlaksananya pengagendaan surat masuk dan keluar", "surat", "diagendakan", "surat",
          (400, 1200)),
        R("umum", "Terkelolanya data kepegawaian pegawai kecamatan", "data kepegawaian", "dimutakhirkan",
          "dokumen", (40, 120)),
        R("umum", "Tersedianya laporan inventaris barang milik daerah", "laporan inventaris", "disusun",
          "laporan", (4, 12)),
        R("keuangan", "Tersusunnya dokumen pertanggungjawaban belanja", "dokumen SPJ", "disusun",
          "dokumen", (120, 360)),
        R("perencanaan", "Tersusunnya bahan laporan kinerja triwulanan", "bahan laporan kinerja",
          "disusun", "dokumen", (4, 8)),
    ),
    "pemerintahan": (
        R("pemerintahan", "Terverifikasinya berkas permohonan administrasi kependudukan",
          "berkas kependudukan", "diverifikasi", "berkas", (300, 900)),
        R("pemerintahan", "Tersusunnya rekapitulasi data kependudukan kelurahan", "rekap data penduduk",
          "disusun", "dokumen", (12, 24)),
        R("pemerintahan", "Terlaksananya pendataan batas wilayah dan pertanahan", "data pertanahan",
          "dihimpun", "dokumen", (10, 40)),
        R("pelayanan", "Terlayaninya permohonan surat keterangan warga", "surat keterangan",
          "diterbitkan", "surat", (200, 800)),
    ),
    "trantib": (
        R("trantib", "Terlaksananya patroli ketertiban umum di wilayah kecamatan", "patroli",
          "dilaksanakan", "kegiatan", (48, 120)),
        R("trantib", "Terlaksananya penertiban pedagang kaki lima dan reklame liar", "kegiatan penertiban",
          "dilaksanakan", "kegiatan", (12, 40)),
        R("trantib", "Tersusunnya laporan penanganan gangguan ketertiban", "laporan penanganan",
          "disusun", "laporan", (12, 36)),
        R("trantib", "Terlaksananya pengamanan kegiatan pemerintahan dan kemasyarakatan",
          "kegiatan pengamanan", "dilaksanakan", "kegiatan", (12, 30)),
    ),
    "pemberdayaan": (
        R("pemberdayaan", "Terfasilitasinya musyawarah perencanaan pembangunan kelurahan",
          "musyawarah kelurahan", "difasilitasi", "kegiatan", (7, 14)),
        R("pemberdayaan", "Terlaksananya pembinaan lembaga kemasyarakatan", "kegiatan pembinaan",
          "dilaksanakan", "kegiatan", (10, 30)),
        R("pemberdayaan", "Tersusunnya profil dan data potensi kelurahan", "profil kelurahan", "disusun",
          "dokumen", (2, 7)),
    ),
    "kesos": (
        R("kesos", "Terverifikasinya data calon penerima bantuan sosial", "data calon penerima",
          "diverifikasi", "orang", (200, 700)),
        R("kesos", "Termutakhirkannya data DTKS", "data keluarga DTKS", "dimutakhirkan", "keluarga",
          (200, 800)),
        R("kesos", "Terlaksananya pendampingan warga penyandang masalah kesejahteraan sosial",
          "kunjungan pendampingan", "dilaksanakan", "kegiatan", (12, 48)),
    ),
    "pelayanan": (
        R("pelayanan", "Terlayaninya permohonan PATEN secara tuntas", "permohonan PATEN", "diselesaikan",
          "permohonan", (400, 1200)),
        R("pelayanan", "Tersusunnya laporan survei kepuasan masyarakat", "laporan survei", "disusun",
          "laporan", (2, 4)),
        R("pelayanan", "Terkelolanya antrean dan registrasi layanan", "registrasi layanan", "dicatat",
          "permohonan", (600, 2000)),
        R("pelayanan", "Tersedianya informasi layanan di media sosial kecamatan", "unggahan informasi",
          "dipublikasikan", "unggahan", (24, 96)),
    ),
    "tatakelola": (
        R("tatakelola", "Tertibnya administrasi persuratan kelurahan", "surat", "diagendakan", "surat",
          (300, 900)),
        R("tatakelola", "Tersusunnya laporan keuangan kelurahan", "laporan keuangan", "disusun", "laporan",
          (12, 14)),
    ),
}

#: Which staff pool a unit kind uses.
STAF_UNIT: dict[str, tuple[str, ...]] = {
    "sekretariat": ("umum",),
    "subbag_umum": ("umum",),
    "subbag_keuangan": ("umum",),
    "pemerintahan": ("pemerintahan",),
    "trantib": ("trantib",),
    "pmk": ("pemberdayaan",),
    "kesos": ("kesos",),
    "yanum": ("pelayanan",),
    "kelurahan": ("pelayanan", "trantib", "pemberdayaan", "kesos"),
    "kel_sekretariat": ("tatakelola",),
    "kel_pemerintahan": ("pelayanan", "pemerintahan"),
    "kel_trantib": ("trantib",),
    "kel_pm": ("pemberdayaan", "kesos"),
}

TAMBAHAN: tuple[RhkContoh, ...] = (
    R("", "Terlaksananya tugas sebagai anggota Tim Penyusun LKjIP Kecamatan", "rapat tim", "diikuti",
      "kegiatan", (3, 6)),
    R("", "Terlaksananya tugas sebagai panitia peringatan Hari Kemerdekaan RI", "kegiatan kepanitiaan",
      "dilaksanakan", "kegiatan", (2, 5)),
    R("", "Terlaksananya tugas sebagai petugas pendataan Regsosek", "keluarga", "didata", "keluarga",
      (50, 150)),
    R("", "Terlaksananya tugas sebagai anggota Tim Satgas Penanganan Banjir", "kegiatan satgas",
      "diikuti", "kegiatan", (3, 8)),
    R("", "Terlaksananya tugas sebagai operator aplikasi SRIKANDI", "naskah dinas elektronik",
      "dikelola", "naskah", (100, 400)),
)
# fmt: on
