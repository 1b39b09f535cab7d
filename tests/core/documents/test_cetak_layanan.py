"""The print service: scope (pegawai, unit, office), order, skipped pegawai, permission, cancel, lookups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.documents import CetakDibatalkan
from kinerja_desktop.core.documents.evaluasi_parts import periode_penilaian
from kinerja_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.core.services import access as akses
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.access import Actor, Izin, Peran
from kinerja_desktop.core.services.printing.batch import JenisCetak, Permintaan, list_printable, print_pdf
from kinerja_desktop.core.services.printing.lookup import find_pegawai_by_nip, find_unit
from kinerja_desktop.core.workspace import Workspace

TAHUN = date.today().year


def _unit(ws: Workspace, kode: str) -> str:
    with ws.read() as s:
        return str(s.scalar(select(UnitKerja.id).where(UnitKerja.kode == kode)))


def test_dokumen_evaluasi_of_a_unit_one_per_evaluation_in_unit_and_name_order(ws, admin, opsi, baca) -> None:
    unit = _unit(ws, "PLJ.SEK")
    with ws.read() as s:
        daftar, data = print_pdf(s, admin, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW1", unit), opsi)
    pdf = baca(data)
    assert daftar.butir and daftar.jumlah == len(daftar.butir)
    kunci = [(b.unit.casefold(), b.nama.casefold(), b.nip) for b in daftar.butir]
    assert kunci == sorted(kunci)
    awal = [h for h in pdf.halaman if "Halaman 1 dari" in h]
    assert len(awal) == daftar.jumlah
    for halaman, butir in zip(awal, daftar.butir, strict=True):
        assert butir.nip in halaman and "DOKUMEN EVALUASI KINERJA PEGAWAI" in halaman
    assert pdf.reader.metadata.title == daftar.judul
    assert daftar.judul.startswith("Dokumen Evaluasi Triwulan I")


def test_whole_office_skips_who_has_nothing_to_print_and_says_why(ws, admin) -> None:
    with ws.read() as s:
        semua = list_printable(s, admin, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW1"))
        jf = list_printable(s, admin, Permintaan(JenisCetak.KONVERSI_AK, TAHUN, "TW1"))
        aktif = select(func.count()).where(Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None))
        n = s.scalar(aktif.select_from(Pegawai))
    assert len(semua.butir) + len(semua.dilewati) == n
    assert {d.alasan for d in semua.dilewati} <= {
        f"SKP {TAHUN} belum disetujui",
        "belum dinilai untuk Triwulan I",
    }
    assert 0 < len(jf.butir) < len(semua.butir)
    assert any("bukan pejabat fungsional" in d.alasan for d in jf.dilewati)


def test_one_pegawai_by_nip_even_before_rating(ws, admin, opsi, baca) -> None:
    with ws.read() as s:
        row = s.execute(select(Pegawai.id, Pegawai.nip).order_by(Pegawai.nip)).first()
        assert row is not None
        pid = find_pegawai_by_nip(s, admin, f" {row.nip[:8]} {row.nip[8:14]} {row.nip[14]} {row.nip[15:]} ")
        assert pid == row.id
        semua = list_printable(s, admin, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW1"))
        siap = next(b for b in semua.butir)
        daftar, data = print_pdf(
            s, admin, Permintaan(JenisCetak.EVALUASI, TAHUN, "TW4", pegawai_id=siap.pegawai_id), opsi
        )
    pdf = baca(data)
    assert daftar.jumlah == 1 and daftar.butir[0].evaluasi_id is None
    assert pdf.ukuran()[0] > pdf.ukuran()[1]  # landscape
    assert "PERIODE: TRIWULAN IV" in pdf.teks and "DRAF" in pdf.teks and siap.nip in pdf.teks


def test_skp_of_the_office_and_the_rekap_of_a_unit(ws, admin, opsi, baca) -> None:
    with ws.read() as s:
        skp, data = print_pdf(s, admin, Permintaan(JenisCetak.SKP, TAHUN), opsi)
        rekap, data_rekap = print_pdf(
            s, admin, Permintaan(JenisCetak.REKAP, TAHUN, "TW1", _unit(ws, "PLJ")), opsi
        )
    pdf = baca(data)
    assert sum("SASARAN KINERJA PEGAWAI" in h and "LAMPIRAN" not in h for h in pdf.halaman) >= skp.jumlah
    assert rekap.jumlah == 1
    assert "REKAPITULASI PREDIKAT KINERJA PEGAWAI" in baca(data_rekap).teks


def test_requests_that_cannot_be_printed(ws, admin, monkeypatch: pytest.MonkeyPatch) -> None:
    with ws.read() as s:
        with pytest.raises(ValidationError, match="Periode wajib"):
            list_printable(s, admin, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN))
        pid = s.scalar(select(Pegawai.id).limit(1))
        with pytest.raises(ValidationError, match="per unit kerja"):
            list_printable(s, admin, Permintaan(JenisCetak.REKAP, TAHUN, "TW1", pegawai_id=pid))
        with pytest.raises(NotFound, match="belum punya SKP"):
            list_printable(s, admin, Permintaan(JenisCetak.SKP, TAHUN + 5, pegawai_id=pid))
        with pytest.raises(NotFound, match="Tidak ada Dokumen Evaluasi"):
            print_pdf(s, admin, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW4"), None)  # type: ignore[arg-type]
        izin = dict(akses.PERAN_IZIN)
        izin[Peran.PIMPINAN] = frozenset({Izin.LIHAT_DATA})
        monkeypatch.setattr(akses, "PERAN_IZIN", izin)
        with pytest.raises(PermissionDenied, match="mencetak"):
            list_printable(s, Actor(None, "p", "P", Peran.PIMPINAN), Permintaan(JenisCetak.SKP, TAHUN))


def test_a_batch_can_be_cancelled(ws, admin, opsi) -> None:
    with ws.read() as s, pytest.raises(CetakDibatalkan):
        print_pdf(s, admin, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW1"), opsi, lambda i, n: i < 2)


def test_the_period_printed_is_the_part_the_skp_covers(forms) -> None:
    form = forms("TW1", "final")[0]
    assert periode_penilaian(form) == f"01 JANUARI SD 31 MARET TAHUN {TAHUN}"
    telat = replace(form, skp_periode_awal=date(TAHUN, 2, 15))
    assert periode_penilaian(telat) == f"15 FEBRUARI SD 31 MARET TAHUN {TAHUN}"
    akhir = replace(form, periode="AKHIR", skp_periode_awal=date(TAHUN, 7, 1))
    assert periode_penilaian(akhir) == f"01 JULI SD 31 DESEMBER TAHUN {TAHUN}"


def test_units_by_code_name_or_path_and_nip_checked(ws, admin) -> None:
    sek = _unit(ws, "PLJ.SEK")
    with ws.transaction(admin) as s:
        assert find_unit(s, admin, "plj.sek") == sek
        assert find_unit(s, admin, "  sekretariat   KECAMATAN ") == sek
        assert find_unit(s, admin, "Kecamatan Plaju / Sekretariat Kecamatan") == sek
        with pytest.raises(NotFound, match="Mungkin maksudnya: Sekretariat Kecamatan"):
            find_unit(s, admin, "Sekretariat Kecamatn")
        unit_kerja.create_unit(s, admin, "Seksi Pemerintahan", sek, kode="PLJ.SEK.PEM")
        with pytest.raises(ValidationError, match="Ada 2 unit") as info:
            find_unit(s, admin, "seksi pemerintahan")
        assert "PLJ.SEK.PEM" in (info.value.saran or "") and "PLJ.PEM" in (info.value.saran or "")
        with pytest.raises(ValidationError):
            find_pegawai_by_nip(s, admin, "12345")
        with pytest.raises(NotFound, match="Tidak ada pegawai dengan NIP"):
            find_pegawai_by_nip(s, admin, "199001012015031001")
        s.rollback()


def test_every_skp_of_the_office_fits_a4_too(ws, admin, opsi, baca) -> None:
    """A row split inside a table where one cell turns out to fit used to fail in ReportLab."""
    with ws.read() as s:
        daftar, data = print_pdf(s, admin, Permintaan(JenisCetak.SKP, TAHUN), replace(opsi, kertas="A4"))
    pdf = baca(data)
    assert sum("Halaman 1 dari" in h for h in pdf.halaman) == daftar.jumlah
    assert all(pdf.ukuran(i) == (595.3, 841.9) for i in range(pdf.jumlah))
    # a continued table never starts again (repeated header) on the page its first part ended on
    assert all(h.count("INDIKATOR KINERJA INDIVIDU") <= 1 for h in pdf.halaman)


def _png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    gambar = Image.new("RGB", (240, 90), "white")
    ImageDraw.Draw(gambar).line([(10, 70), (80, 20), (150, 70), (230, 15)], fill="navy", width=5)
    berkas = io.BytesIO()
    gambar.save(berkas, "PNG")
    return berkas.getvalue()


def test_scanned_signatures_only_on_final_evaluations(ws, admin, opsi, forms, baca) -> None:
    from kinerja_desktop.core.documents import dokumen_evaluasi_pdf, konversi_ak_pdf, skp_pdf
    from kinerja_desktop.core.paths import resources_dir
    from kinerja_desktop.core.services.skp import read as skp_baca

    gambar = (resources_dir() / "icons" / "app.png").read_bytes()
    dengan = replace(
        opsi,
        cetak_kop=False,
        ttd_pegawai=gambar,
        ttd_penilai=_png(),
        ttd_atasan=b"rusak",
        tampilkan_mengetahui=True,
    )
    final = forms("TW1", "final")[0]
    pdf = baca(dokumen_evaluasi_pdf(final, dengan))
    assert len(pdf.reader.pages[0].images) == 2  # the damaged one leaves its space blank
    assert "Mengetahui" in pdf.teks
    assert len(baca(dokumen_evaluasi_pdf(forms("TW2", "draf")[0], dengan)).reader.pages[0].images) == 0
    jf = next(f for f in forms("TW1", "final") if f.jenjang_kode)
    assert sum(len(h.images) for h in baca(konversi_ak_pdf(jf, dengan)).reader.pages) == 1
    with ws.read() as s:
        skp = skp_pdf(skp_baca.get_skp(s, admin, final.skp_id), dengan)
    assert sum(len(h.images) for h in baca(skp).reader.pages) == 0
