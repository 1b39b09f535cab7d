"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 13:41:03.471139
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("waktu", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pengguna_id", sa.String(length=36), nullable=True),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("aksi", sa.String(length=20), nullable=False),
        sa.Column("tabel", sa.String(length=40), nullable=False),
        sa.Column("baris_id", sa.String(length=36), nullable=False),
        sa.Column("sebelum", sa.JSON(), nullable=True),
        sa.Column("sesudah", sa.JSON(), nullable=True),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_baris_id"), ["baris_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_tabel"), ["tabel"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_waktu"), ["waktu"], unique=False)

    op.create_table(
        "kantor",
        sa.Column("kode", sa.String(length=20), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("instansi", sa.String(length=200), nullable=False),
        sa.Column("tempat", sa.String(length=100), nullable=False),
        sa.Column("alamat", sa.Text(), nullable=False),
        sa.Column("telepon", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=100), nullable=False),
        sa.Column("is_pusat", sa.Boolean(), nullable=False),
        sa.Column("kertas", sa.String(length=4), nullable=False),
        sa.Column("ritme", sa.String(length=20), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kantor")),
        sa.UniqueConstraint("kode", name=op.f("uq_kantor_kode")),
    )
    op.create_table(
        "pengaturan",
        sa.Column("kunci", sa.String(length=60), nullable=False),
        sa.Column("nilai", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kunci", name=op.f("pk_pengaturan")),
    )
    op.create_table(
        "perilaku",
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=60), nullable=False),
        sa.Column("definisi", sa.Text(), nullable=False),
        sa.Column("pernyataan", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_perilaku")),
        sa.UniqueConstraint("urutan", name=op.f("uq_perilaku_urutan")),
    )
    op.create_table(
        "sync_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("waktu", sa.DateTime(timezone=True), nullable=False),
        sa.Column("arah", sa.String(length=10), nullable=False),
        sa.Column("jenis_paket", sa.String(length=20), nullable=False),
        sa.Column("nama_berkas", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kantor_kode", sa.String(length=20), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=True),
        sa.Column("jumlah", sa.JSON(), nullable=True),
        sa.Column("pengguna_id", sa.String(length=36), nullable=True),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_log_sha256"), ["sha256"], unique=False)

    op.create_table(
        "unit_kerja",
        sa.Column("kantor_id", sa.String(length=36), nullable=False),
        sa.Column("induk_id", sa.String(length=36), nullable=True),
        sa.Column("kode", sa.String(length=40), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("kepala_id", sa.String(length=36), nullable=True),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("ditutup_pada", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["induk_id"], ["unit_kerja.id"], name=op.f("fk_unit_kerja_induk_id_unit_kerja")
        ),
        sa.ForeignKeyConstraint(["kantor_id"], ["kantor.id"], name=op.f("fk_unit_kerja_kantor_id_kantor")),
        sa.ForeignKeyConstraint(
            ["kepala_id"], ["pegawai.id"], name=op.f("fk_unit_kerja_kepala_id_pegawai"), use_alter=True
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_kerja")),
    )
    with op.batch_alter_table("unit_kerja", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_kerja_induk_id"), ["induk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_kerja_kantor_id"), ["kantor_id"], unique=False)

    op.create_table(
        "pegawai",
        sa.Column("kantor_id", sa.String(length=36), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("nama", sa.String(length=150), nullable=False),
        sa.Column("gelar_depan", sa.String(length=40), nullable=False),
        sa.Column("gelar_belakang", sa.String(length=60), nullable=False),
        sa.Column("tempat_lahir", sa.String(length=100), nullable=False),
        sa.Column("tanggal_lahir", sa.Date(), nullable=True),
        sa.Column("jenis_kelamin", sa.String(length=1), nullable=False),
        sa.Column("status_kepegawaian", sa.String(length=10), nullable=False),
        sa.Column("tmt_cpns", sa.Date(), nullable=True),
        sa.Column("golongan", sa.String(length=10), nullable=False),
        sa.Column("tmt_golongan", sa.Date(), nullable=True),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("jenis_jabatan", sa.String(length=30), nullable=False),
        sa.Column("jenjang_jabatan", sa.String(length=30), nullable=False),
        sa.Column("tmt_jabatan", sa.Date(), nullable=True),
        sa.Column("unit_kerja_id", sa.String(length=36), nullable=True),
        sa.Column("atasan_id", sa.String(length=36), nullable=True),
        sa.Column("email", sa.String(length=100), nullable=False),
        sa.Column("telepon", sa.String(length=50), nullable=False),
        sa.Column("alamat", sa.Text(), nullable=False),
        sa.Column("foto", sa.LargeBinary(), nullable=True),
        sa.Column("status_aktif", sa.String(length=20), nullable=False),
        sa.Column("tanggal_nonaktif", sa.Date(), nullable=True),
        sa.Column("alasan_nonaktif", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["atasan_id"], ["pegawai.id"], name=op.f("fk_pegawai_atasan_id_pegawai")),
        sa.ForeignKeyConstraint(["kantor_id"], ["kantor.id"], name=op.f("fk_pegawai_kantor_id_kantor")),
        sa.ForeignKeyConstraint(
            ["unit_kerja_id"], ["unit_kerja.id"], name=op.f("fk_pegawai_unit_kerja_id_unit_kerja")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pegawai")),
        sa.UniqueConstraint("nip", name=op.f("uq_pegawai_nip")),
    )
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pegawai_atasan_id"), ["atasan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pegawai_kantor_id"), ["kantor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pegawai_nama"), ["nama"], unique=False)
        batch_op.create_index(batch_op.f("ix_pegawai_status_aktif"), ["status_aktif"], unique=False)
        batch_op.create_index(batch_op.f("ix_pegawai_unit_kerja_id"), ["unit_kerja_id"], unique=False)

    op.create_table(
        "capaian_organisasi",
        sa.Column("unit_kerja_id", sa.String(length=36), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("periode", sa.String(length=8), nullable=False),
        sa.Column("capaian", sa.String(length=20), nullable=False),
        sa.Column("ditetapkan_oleh_id", sa.String(length=36), nullable=True),
        sa.Column("catatan", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["ditetapkan_oleh_id"],
            ["pegawai.id"],
            name=op.f("fk_capaian_organisasi_ditetapkan_oleh_id_pegawai"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_kerja_id"], ["unit_kerja.id"], name=op.f("fk_capaian_organisasi_unit_kerja_id_unit_kerja")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capaian_organisasi")),
        sa.UniqueConstraint(
            "unit_kerja_id",
            "tahun",
            "periode",
            name=op.f("uq_capaian_organisasi_unit_kerja_id_tahun_periode"),
        ),
    )
    op.create_table(
        "pelatihan",
        sa.Column("pegawai_id", sa.String(length=36), nullable=False),
        sa.Column("nama", sa.String(length=250), nullable=False),
        sa.Column("penyelenggara", sa.String(length=200), nullable=False),
        sa.Column("tanggal_mulai", sa.Date(), nullable=False),
        sa.Column("tanggal_selesai", sa.Date(), nullable=True),
        sa.Column("jp", sa.Integer(), nullable=False),
        sa.Column("nomor_sertifikat", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["pegawai_id"], ["pegawai.id"], name=op.f("fk_pelatihan_pegawai_id_pegawai")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pelatihan")),
    )
    with op.batch_alter_table("pelatihan", schema=None) as batch_op:
        batch_op.create_index("ix_pelatihan_pegawai_mulai", ["pegawai_id", "tanggal_mulai"], unique=False)

    op.create_table(
        "pengguna",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("nama", sa.String(length=150), nullable=False),
        sa.Column("peran", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("pegawai_id", sa.String(length=36), nullable=True),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("gagal_login", sa.Integer(), nullable=False),
        sa.Column("terkunci_sampai", sa.DateTime(timezone=True), nullable=True),
        sa.Column("harus_ganti_sandi", sa.Boolean(), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("login_terakhir", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["pegawai_id"], ["pegawai.id"], name=op.f("fk_pengguna_pegawai_id_pegawai")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pengguna")),
        sa.UniqueConstraint("username", name=op.f("uq_pengguna_username")),
    )
    op.create_table(
        "riwayat_jabatan",
        sa.Column("pegawai_id", sa.String(length=36), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("jenis_jabatan", sa.String(length=30), nullable=False),
        sa.Column("jenjang_jabatan", sa.String(length=30), nullable=False),
        sa.Column("unit_kerja_id", sa.String(length=36), nullable=True),
        sa.Column("tmt", sa.Date(), nullable=True),
        sa.Column("sampai", sa.Date(), nullable=True),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_riwayat_jabatan_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["unit_kerja_id"], ["unit_kerja.id"], name=op.f("fk_riwayat_jabatan_unit_kerja_id_unit_kerja")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_riwayat_jabatan")),
    )
    with op.batch_alter_table("riwayat_jabatan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_riwayat_jabatan_pegawai_id"), ["pegawai_id"], unique=False)

    op.create_table(
        "riwayat_pangkat",
        sa.Column("pegawai_id", sa.String(length=36), nullable=False),
        sa.Column("golongan", sa.String(length=10), nullable=False),
        sa.Column("tmt", sa.Date(), nullable=True),
        sa.Column("nomor_sk", sa.String(length=100), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_riwayat_pangkat_pegawai_id_pegawai")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_riwayat_pangkat")),
    )
    with op.batch_alter_table("riwayat_pangkat", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_riwayat_pangkat_pegawai_id"), ["pegawai_id"], unique=False)

    op.create_table(
        "skp",
        sa.Column("pegawai_id", sa.String(length=36), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.Column("periode_awal", sa.Date(), nullable=False),
        sa.Column("periode_akhir", sa.Date(), nullable=False),
        sa.Column("pendekatan", sa.String(length=20), nullable=False),
        sa.Column("jenis_form", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("catatan_penolakan", sa.Text(), nullable=False),
        sa.Column("pejabat_penilai_id", sa.String(length=36), nullable=True),
        sa.Column("atasan_penilai_id", sa.String(length=36), nullable=True),
        sa.Column("diajukan_pada", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disetujui_pada", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["atasan_penilai_id"], ["pegawai.id"], name=op.f("fk_skp_atasan_penilai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(["pegawai_id"], ["pegawai.id"], name=op.f("fk_skp_pegawai_id_pegawai")),
        sa.ForeignKeyConstraint(
            ["pejabat_penilai_id"], ["pegawai.id"], name=op.f("fk_skp_pejabat_penilai_id_pegawai")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skp")),
        sa.UniqueConstraint("pegawai_id", "tahun", "versi", name=op.f("uq_skp_pegawai_id_tahun_versi")),
    )
    with op.batch_alter_table("skp", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skp_pegawai_id"), ["pegawai_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_skp_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_skp_tahun"), ["tahun"], unique=False)

    op.create_table(
        "ekspektasi_perilaku",
        sa.Column("skp_id", sa.String(length=36), nullable=False),
        sa.Column("perilaku_id", sa.String(length=36), nullable=False),
        sa.Column("ekspektasi_khusus", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["perilaku_id"], ["perilaku.id"], name=op.f("fk_ekspektasi_perilaku_perilaku_id_perilaku")
        ),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_ekspektasi_perilaku_skp_id_skp")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekspektasi_perilaku")),
        sa.UniqueConstraint("skp_id", "perilaku_id", name=op.f("uq_ekspektasi_perilaku_skp_id_perilaku_id")),
    )
    with op.batch_alter_table("ekspektasi_perilaku", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ekspektasi_perilaku_skp_id"), ["skp_id"], unique=False)

    op.create_table(
        "evaluasi",
        sa.Column("skp_id", sa.String(length=36), nullable=False),
        sa.Column("periode", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("rating_hasil", sa.String(length=10), nullable=True),
        sa.Column("rating_perilaku", sa.String(length=10), nullable=True),
        sa.Column("predikat", sa.String(length=20), nullable=True),
        sa.Column("capaian_organisasi", sa.String(length=20), nullable=True),
        sa.Column("catatan_rekomendasi", sa.Text(), nullable=False),
        sa.Column("angka_kredit", sa.Numeric(precision=10, scale=3), nullable=True),
        sa.Column("distribusi_diakui", sa.Boolean(), nullable=False),
        sa.Column("tanggal_evaluasi", sa.Date(), nullable=True),
        sa.Column("difinalkan_pada", sa.DateTime(timezone=True), nullable=True),
        sa.Column("difinalkan_oleh", sa.String(length=60), nullable=False),
        sa.Column("alasan_dibuka", sa.Text(), nullable=False),
        sa.Column("snapshot_pegawai", sa.JSON(), nullable=True),
        sa.Column("snapshot_penilai", sa.JSON(), nullable=True),
        sa.Column("snapshot_atasan_penilai", sa.JSON(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_evaluasi_skp_id_skp")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluasi")),
        sa.UniqueConstraint("skp_id", "periode", name=op.f("uq_evaluasi_skp_id_periode")),
    )
    with op.batch_alter_table("evaluasi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluasi_skp_id"), ["skp_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evaluasi_status"), ["status"], unique=False)

    op.create_table(
        "lampiran_skp",
        sa.Column("skp_id", sa.String(length=36), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_lampiran_skp_skp_id_skp")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lampiran_skp")),
    )
    with op.batch_alter_table("lampiran_skp", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lampiran_skp_skp_id"), ["skp_id"], unique=False)

    op.create_table(
        "rhk",
        sa.Column("skp_id", sa.String(length=36), nullable=False),
        sa.Column("jenis", sa.String(length=10), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("rhk_atasan_id", sa.String(length=36), nullable=True),
        sa.Column("perspektif", sa.String(length=30), nullable=False),
        sa.Column("penugasan_dari", sa.String(length=200), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["rhk_atasan_id"], ["rhk.id"], name=op.f("fk_rhk_rhk_atasan_id_rhk")),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_rhk_skp_id_skp")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rhk")),
    )
    with op.batch_alter_table("rhk", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rhk_rhk_atasan_id"), ["rhk_atasan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rhk_skp_id"), ["skp_id"], unique=False)

    op.create_table(
        "bukti_dukung",
        sa.Column("rhk_id", sa.String(length=36), nullable=False),
        sa.Column("periode", sa.String(length=8), nullable=False),
        sa.Column("jenis", sa.String(length=10), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("tautan", sa.Text(), nullable=False),
        sa.Column("nama_berkas", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("ukuran", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["rhk_id"], ["rhk.id"], name=op.f("fk_bukti_dukung_rhk_id_rhk")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bukti_dukung")),
    )
    with op.batch_alter_table("bukti_dukung", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bukti_dukung_rhk_id"), ["rhk_id"], unique=False)

    op.create_table(
        "indikator",
        sa.Column("rhk_id", sa.String(length=36), nullable=False),
        sa.Column("aspek", sa.String(length=20), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("target_min", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("target_maks", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("satuan", sa.String(length=60), nullable=False),
        sa.Column("target_teks", sa.Text(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["rhk_id"], ["rhk.id"], name=op.f("fk_indikator_rhk_id_rhk")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indikator")),
    )
    with op.batch_alter_table("indikator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indikator_rhk_id"), ["rhk_id"], unique=False)

    op.create_table(
        "rencana_aksi",
        sa.Column("rhk_id", sa.String(length=36), nullable=False),
        sa.Column("periode", sa.String(length=8), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["rhk_id"], ["rhk.id"], name=op.f("fk_rencana_aksi_rhk_id_rhk")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rencana_aksi")),
    )
    with op.batch_alter_table("rencana_aksi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rencana_aksi_rhk_id"), ["rhk_id"], unique=False)

    op.create_table(
        "tindak_lanjut",
        sa.Column("pegawai_id", sa.String(length=36), nullable=False),
        sa.Column("evaluasi_id", sa.String(length=36), nullable=True),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("uraian", sa.Text(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["evaluasi_id"], ["evaluasi.id"], name=op.f("fk_tindak_lanjut_evaluasi_id_evaluasi")
        ),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_tindak_lanjut_pegawai_id_pegawai")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tindak_lanjut")),
    )
    with op.batch_alter_table("tindak_lanjut", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tindak_lanjut_pegawai_id"), ["pegawai_id"], unique=False)

    op.create_table(
        "umpan_balik_perilaku",
        sa.Column("evaluasi_id", sa.String(length=36), nullable=False),
        sa.Column("perilaku_id", sa.String(length=36), nullable=False),
        sa.Column("umpan_balik", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["evaluasi_id"], ["evaluasi.id"], name=op.f("fk_umpan_balik_perilaku_evaluasi_id_evaluasi")
        ),
        sa.ForeignKeyConstraint(
            ["perilaku_id"], ["perilaku.id"], name=op.f("fk_umpan_balik_perilaku_perilaku_id_perilaku")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_umpan_balik_perilaku")),
        sa.UniqueConstraint(
            "evaluasi_id", "perilaku_id", name=op.f("uq_umpan_balik_perilaku_evaluasi_id_perilaku_id")
        ),
    )
    op.create_table(
        "umpan_balik_rhk",
        sa.Column("evaluasi_id", sa.String(length=36), nullable=False),
        sa.Column("rhk_id", sa.String(length=36), nullable=False),
        sa.Column("penilaian_diri", sa.Text(), nullable=False),
        sa.Column("umpan_balik", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["evaluasi_id"], ["evaluasi.id"], name=op.f("fk_umpan_balik_rhk_evaluasi_id_evaluasi")
        ),
        sa.ForeignKeyConstraint(["rhk_id"], ["rhk.id"], name=op.f("fk_umpan_balik_rhk_rhk_id_rhk")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_umpan_balik_rhk")),
        sa.UniqueConstraint("evaluasi_id", "rhk_id", name=op.f("uq_umpan_balik_rhk_evaluasi_id_rhk_id")),
    )
    op.create_table(
        "realisasi",
        sa.Column("indikator_id", sa.String(length=36), nullable=False),
        sa.Column("periode", sa.String(length=8), nullable=False),
        sa.Column("nilai", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kantor_asal", sa.String(length=20), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dihapus_pada", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["indikator_id"], ["indikator.id"], name=op.f("fk_realisasi_indikator_id_indikator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_realisasi")),
        sa.UniqueConstraint("indikator_id", "periode", name=op.f("uq_realisasi_indikator_id_periode")),
    )


def downgrade() -> None:
    op.drop_table("realisasi")
    op.drop_table("umpan_balik_rhk")
    op.drop_table("umpan_balik_perilaku")
    with op.batch_alter_table("tindak_lanjut", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tindak_lanjut_pegawai_id"))

    op.drop_table("tindak_lanjut")
    with op.batch_alter_table("rencana_aksi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rencana_aksi_rhk_id"))

    op.drop_table("rencana_aksi")
    with op.batch_alter_table("indikator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indikator_rhk_id"))

    op.drop_table("indikator")
    with op.batch_alter_table("bukti_dukung", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bukti_dukung_rhk_id"))

    op.drop_table("bukti_dukung")
    with op.batch_alter_table("rhk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rhk_skp_id"))
        batch_op.drop_index(batch_op.f("ix_rhk_rhk_atasan_id"))

    op.drop_table("rhk")
    with op.batch_alter_table("lampiran_skp", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lampiran_skp_skp_id"))

    op.drop_table("lampiran_skp")
    with op.batch_alter_table("evaluasi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluasi_status"))
        batch_op.drop_index(batch_op.f("ix_evaluasi_skp_id"))

    op.drop_table("evaluasi")
    with op.batch_alter_table("ekspektasi_perilaku", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekspektasi_perilaku_skp_id"))

    op.drop_table("ekspektasi_perilaku")
    with op.batch_alter_table("skp", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skp_tahun"))
        batch_op.drop_index(batch_op.f("ix_skp_status"))
        batch_op.drop_index(batch_op.f("ix_skp_pegawai_id"))

    op.drop_table("skp")
    with op.batch_alter_table("riwayat_pangkat", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_riwayat_pangkat_pegawai_id"))

    op.drop_table("riwayat_pangkat")
    with op.batch_alter_table("riwayat_jabatan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_riwayat_jabatan_pegawai_id"))

    op.drop_table("riwayat_jabatan")
    op.drop_table("pengguna")
    with op.batch_alter_table("pelatihan", schema=None) as batch_op:
        batch_op.drop_index("ix_pelatihan_pegawai_mulai")

    op.drop_table("pelatihan")
    op.drop_table("capaian_organisasi")
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pegawai_unit_kerja_id"))
        batch_op.drop_index(batch_op.f("ix_pegawai_status_aktif"))
        batch_op.drop_index(batch_op.f("ix_pegawai_nama"))
        batch_op.drop_index(batch_op.f("ix_pegawai_kantor_id"))
        batch_op.drop_index(batch_op.f("ix_pegawai_atasan_id"))

    op.drop_table("pegawai")
    with op.batch_alter_table("unit_kerja", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_kerja_kantor_id"))
        batch_op.drop_index(batch_op.f("ix_unit_kerja_induk_id"))

    op.drop_table("unit_kerja")
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_log_sha256"))

    op.drop_table("sync_log")
    op.drop_table("perilaku")
    op.drop_table("pengaturan")
    op.drop_table("kantor")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_waktu"))
        batch_op.drop_index(batch_op.f("ix_audit_log_tabel"))
        batch_op.drop_index(batch_op.f("ix_audit_log_baris_id"))

    op.drop_table("audit_log")
