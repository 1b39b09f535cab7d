"""Writing a package: Info first, one formatted sheet per kind, text never a formula, SIASN sheet."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai, Skp
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.build import build_paket_induk, build_paket_kantor
from kinerja_desktop.core.exchange.paket.labels import LABEL_INFO, LEMBAR_DAFTAR, LEMBAR_SIASN
from kinerja_desktop.core.exchange.paket.model import InfoPaket, JenisPaket, Paket, checksum_paket
from kinerja_desktop.core.exchange.paket.schema import jenis_tabel, semua_jenis
from kinerja_desktop.core.exchange.paket.writer.workbook import PaketDibatalkan, write_paket
from kinerja_desktop.core.workspace import Workspace


def paket_kecil(isi: dict[str, list[dict[str, object]]]) -> Paket:
    rows = {t: [jenis_tabel(t).baris(**r) for r in v] for t, v in isi.items()}
    info = InfoPaket(
        jenis=JenisPaket.KANTOR,
        kantor_kode="PLJ",
        kantor_nama="Kecamatan Plaju",
        tujuan_kode="",
        tahun=2026,
        dibuat_pada=datetime(2026, 11, 23, 10, 0, 0, 123456, tzinfo=UTC),
        versi_aplikasi="1.0",
        jumlah={t: len(r) for t, r in rows.items()},
        checksum=checksum_paket(rows),
    )
    return Paket(info, rows)


def baris_pelatihan(nama: str, **lain: object) -> dict[str, object]:
    row: dict[str, object] = {k.nama: None for k in jenis_tabel("pelatihan").kolom}
    row.update(
        pegawai_id="p-1",
        nama=nama,
        penyelenggara="",
        tanggal_mulai=date(2026, 3, 1),
        jp=20,
        nomor_sertifikat="",
        id="a-1",
        kantor_asal="PLJ",
        revisi=1,
        diubah_pada=datetime(2026, 1, 1, tzinfo=UTC),
    )
    row.update(lain)
    return row


@pytest.fixture
def demo(demo_office: Callable[[int], Path], buka_salinan: Callable[[Path], Workspace]) -> Workspace:
    return buka_salinan(demo_office(20))


def test_demo_office_package_has_info_first_and_a_formatted_sheet_per_kind(
    demo: Workspace, tmp_path: Path
) -> None:
    with demo.read() as s:
        tahun = s.scalars(select(Skp.tahun)).first()
        paket = build_paket_kantor(s, demo.kantor_kode, tahun, "1.2.3", dengan_siasn=True)
    demo.close()
    path = tmp_path / "paket.xlsx"
    laporan: list[tuple[int, int]] = []
    write_paket(paket, path, kemajuan=lambda a, b: laporan.append((a, b)) or True)
    assert laporan and laporan[-1][0] == laporan[-1][1] == sum(paket.info.jumlah.values())
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["Info", "Petunjuk"]
    assert wb.sheetnames[2:-2] == [j.lembar for j in semua_jenis()]
    assert wb.sheetnames[-2:] == [LEMBAR_SIASN, LEMBAR_DAFTAR] and wb[LEMBAR_DAFTAR].sheet_state == "hidden"
    info = {r[0]: r[1] for r in wb["Info"].iter_rows(values_only=True) if r[0] in LABEL_INFO.values()}
    assert info["Checksum data (SHA-256)"] == paket.info.checksum and info["Kode kantor pembuat"] == "PLJ"
    assert info["Tahun"] == str(tahun)
    ws = wb["Pegawai"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:")
    judul = [c.value for c in ws[1]]
    assert judul[-5:] == ["ID", "Kantor Asal", "Revisi", "Diubah Pada (UTC)", "Dihapus Pada (UTC)"]
    nip = ws.cell(2, judul.index("NIP") + 1)
    assert nip.data_type == "s" and len(nip.value) == 18
    lahir = ws.cell(2, judul.index("Tanggal lahir") + 1)
    assert lahir.is_date
    teknis = ws.column_dimensions[ws.cell(1, judul.index("ID") + 1).column_letter]
    assert teknis.outline_level == 1 and teknis.hidden
    validasi = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation}
    status = ws.cell(1, judul.index("Status kepegawaian") + 1).column_letter
    assert "Daftar Pilihan" in validasi[status]
    siasn = list(wb[LEMBAR_SIASN].iter_rows(values_only=True))
    assert "hasilKinerjaNilai" in siasn[0] and len(siasn) == len(paket.siasn) + 1 > 1
    baris = [dict(zip(siasn[0], r, strict=True)) for r in siasn[1:]]
    tw1 = next(r for r in baris if r["Periode"] == "Triwulan I")
    assert (tw1["bulanMulaiPenilaian"], tw1["bulanSelesaiPenilaian"], tw1["tahun"]) == (1, 3, tahun)
    assert tw1["hasilKinerjaNilai"] in (1, 2, 3) and tw1["hasilKinerja"].endswith("Ekspektasi")
    assert len(tw1["penilaiNipNrp"]) == 18 and tw1["statusPenilai"] == "ASN"


def test_formula_looking_text_is_stored_as_text(tmp_path: Path) -> None:
    nama = ["=1+1", "+62 812", "-5", "@SUM(A1)", '=HYPERLINK("x")']
    rows = {"pelatihan": [baris_pelatihan(n, id=f"a-{i}") for i, n in enumerate(nama)]}
    path = tmp_path / "p.xlsx"
    write_paket(paket_kecil(rows), path)
    with zipfile.ZipFile(path) as z:
        lembar = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in z.read(n) for n in lembar)
    ws = load_workbook(path)["Pelatihan"]
    kolom = [c.value for c in ws[1]].index("Nama") + 1
    sel = [ws.cell(r, kolom) for r in range(2, 2 + len(nama))]
    assert [c.value for c in sel] == nama
    assert all(c.data_type == "s" and c.quotePrefix for c in sel)


def test_decimals_beyond_excel_precision_travel_as_text(tmp_path: Path) -> None:
    row: dict[str, object] = {k.nama: None for k in jenis_tabel("indikator").kolom}
    row.update(
        rhk_id="r",
        aspek="kuantitas",
        teks="t",
        target_min=Decimal("12345678901234.1234"),
        target_maks=Decimal("2.5"),
        satuan="",
        target_teks="",
        urutan=0,
        id="i",
        kantor_asal="PLJ",
        revisi=1,
        diubah_pada=datetime(2026, 1, 1, tzinfo=UTC),
    )
    path = tmp_path / "p.xlsx"
    write_paket(paket_kecil({"indikator": [row]}), path)
    ws = load_workbook(path)["Indikator"]
    assert ws["D2"].value == "12345678901234.1234" and ws["E2"].value == 2.5


def test_too_long_text_and_missing_folder_are_refused_clearly(tmp_path: Path) -> None:
    rows = {"pelatihan": [baris_pelatihan("x" * 40_000)]}
    with pytest.raises(KnownError, match=r"32\.767"):
        write_paket(paket_kecil(rows), tmp_path / "p.xlsx")
    with pytest.raises(KnownError, match="tidak ada"):
        write_paket(paket_kecil({}), tmp_path / "tidak" / "p.xlsx")
    with pytest.raises(PaketDibatalkan):
        write_paket(
            paket_kecil({"pelatihan": [baris_pelatihan("a")]}), tmp_path / "p.xlsx", lambda a, b: False
        )
    assert not list(tmp_path.glob("*.xlsx")), "nothing half written is left behind"


def test_paket_induk_carries_staff_and_outside_superiors_without_dangling_references(demo: Workspace) -> None:
    with demo.transaction() as s:
        tahun = s.scalars(select(Skp.tahun)).first()
        kepala = s.scalars(select(Pegawai).where(Pegawai.atasan_id.is_(None))).first()
        assert kepala is not None
        luar = Pegawai(kantor_id=kepala.kantor_id, nip="197001012000011001", nama="Sekda", kantor_asal="PST")
        s.add(luar)
        s.flush()
        kepala.atasan_id = luar.id
        luar_id = luar.id
    with demo.read() as s:
        paket = build_paket_induk(s, demo.kantor_kode, tahun, "1.0", kantor_kode="PST")
        with pytest.raises(PaketDibatalkan):
            build_paket_kantor(s, demo.kantor_kode, tahun, "1.0", kemajuan=lambda a, _b: a < 3)
    demo.close()
    assert paket.info.jenis is JenisPaket.INDUK and paket.info.tujuan_kode == demo.kantor_kode
    assert luar_id in {r.id for r in paket.baris["pegawai"]}
    assert paket.baris["evaluasi"] == [] and paket.baris["kantor"]
    ada = {t: {r.id for r in rows} for t, rows in paket.baris.items()}
    for tabel, rows in paket.baris.items():
        for k in jenis_tabel(tabel).kolom:
            if k.rujukan:
                for r in rows:
                    assert r.get(k.nama) is None or r.get(k.nama) in ada[k.rujukan], (tabel, k.nama)
    assert paket.info.checksum == checksum_paket(paket.baris)
