"""Where each Beranda line leads: the page that resolves it and what that page should show."""

from __future__ import annotations

from kinerja_desktop.core.services.langkah_awal import Langkah, LangkahAwal
from kinerja_desktop.core.services.pekerjaan import Pekerjaan, Tujuan
from kinerja_desktop.ui.common.base_page import Fokus, Page

#: A page and what it shows (None: the line leads nowhere, e.g. a note for the administrator).
Arah = tuple[type[Page], Fokus] | None


def arah_pekerjaan(baris: Pekerjaan) -> Arah:
    """The page of a to-do line; imported on use so the first paint of the Beranda does not wait."""
    from kinerja_desktop.ui.cadangan.page import CadanganPage
    from kinerja_desktop.ui.exchange.page import SinkronisasiPage
    from kinerja_desktop.ui.monitoring.page import MonitoringPage
    from kinerja_desktop.ui.pelatihan.page import PelatihanPage
    from kinerja_desktop.ui.pengguna.page import PenggunaPage
    from kinerja_desktop.ui.penilaian.page import PenilaianPage
    from kinerja_desktop.ui.skp.page import SkpPage

    t, tahun, kode = baris.tujuan, baris.tahun, baris.periode
    arah: dict[Tujuan, Arah] = {
        Tujuan.SKP_DIAJUKAN: (SkpPage, Fokus(tahun, status="diajukan", hanya_bawahan=True)),
        Tujuan.SKP_DRAF: (SkpPage, Fokus(tahun, status="draft")),
        Tujuan.BELUM_DINILAI: (PenilaianPage, Fokus(tahun, kode, status="belum", hanya_bawahan=True)),
        Tujuan.BELUM_FINAL: (PenilaianPage, Fokus(tahun, kode, status="draf", hanya_bawahan=True)),
        Tujuan.TANPA_REALISASI: (MonitoringPage, Fokus(tahun, kode, status="tanpa_realisasi")),
        Tujuan.UNIT: (MonitoringPage, Fokus(tahun, kode, baris.unit_id)),
        Tujuan.KURANG_JP: (PelatihanPage, Fokus(tahun, status="kurang")),
        Tujuan.PAKET: (SinkronisasiPage, Fokus()),
        Tujuan.CADANGAN: (CadanganPage, Fokus()),
        Tujuan.AKUN_TERKUNCI: (PenggunaPage, Fokus(status="terkunci")),
        Tujuan.AKUN: None,
    }
    return arah[t]


def arah_langkah(langkah: LangkahAwal, tahun: int) -> Arah:
    """The page where a first step of a new office is taken."""
    from kinerja_desktop.ui.kantor.page import KantorPage
    from kinerja_desktop.ui.pegawai.page import PegawaiPage
    from kinerja_desktop.ui.pengguna.page import PenggunaPage
    from kinerja_desktop.ui.skp.page import SkpPage
    from kinerja_desktop.ui.unit_kerja.page import UnitKerjaPage

    halaman: dict[Langkah, type[Page]] = {
        Langkah.IDENTITAS: KantorPage,
        Langkah.UNIT: UnitKerjaPage,
        Langkah.PEGAWAI: PegawaiPage,
        Langkah.AKUN_PENILAI: PenggunaPage,
        Langkah.SKP: SkpPage,
    }
    return halaman[langkah.langkah], Fokus(tahun)
