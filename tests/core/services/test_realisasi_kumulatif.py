"""The realisation grid's value so far in the year and capaian, per indicator, over several periods."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pendukung_demo import demo_actor as _actor
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Skp
from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput, SkpInput
from kinerja_desktop.core.rules.kumulatif import CaraKumulatif
from kinerja_desktop.core.services import realisasi
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.realisasi import IndikatorRealisasi
from kinerja_desktop.core.workspace import Workspace

D = Decimal
INDIKATOR = (
    IndikatorInput("Jumlah dokumen yang disusun", target_min=D(12), satuan="dokumen"),
    IndikatorInput("Persentase sesuai ketentuan", "kualitas", D(90), D(100), "%"),
    IndikatorInput("Jumlah pengaduan", target_min=D(0), satuan="kali"),
    IndikatorInput("Mutu layanan", "kualitas", target_teks="Sesuai SOP"),
)


def _skp_baru(ws: Workspace, admin: Actor) -> tuple[str, list[str]]:
    """An approved SKP next year (a whole year) with the four indicators above."""
    with ws.read() as s:
        tahun = int(s.scalar(select(func.max(Skp.tahun))) or date.today().year) + 1
        pegawai_id = s.scalars(select(Skp.pegawai_id).where(Skp.status == "disetujui")).first()
    assert pegawai_id is not None
    with ws.transaction(admin) as s:
        skp_id = svc.create_skp(s, admin, pegawai_id, tahun, SkpInput(date(tahun, 1, 1), date(tahun, 12, 31)))
        rhk = svc.add_rhk(s, admin, skp_id, RhkInput("Tersusunnya dokumen layanan"))
        ids = [svc.add_indikator(s, admin, rhk, i) for i in INDIKATOR]
        svc.submit_skp(s, admin, skp_id)
        svc.approve_skp(s, admin, skp_id)
    return skp_id, ids


def _baris(ws: Workspace, actor: Actor, skp_id: str, kode: str) -> list[IndikatorRealisasi]:
    with ws.read() as s:
        return realisasi.get_realisasi_grid(s, actor, skp_id, kode).rhk[0].indikator


def test_cumulative_and_capaian_over_the_year(ws: Workspace) -> None:
    admin = _actor(ws, "admin")
    skp_id, (dokumen, persen, nol, mutu) = _skp_baru(ws, admin)
    isian = {
        "TW1": {
            dokumen: ("3", "SK, laporan, notulen"),
            persen: ("95", ""),
            nol: ("1", ""),
            mutu: ("", "Sesuai"),
        },
        "TW2": {dokumen: ("5", ""), persen: ("90", "")},
        "TW3": {dokumen: ("4", "4 laporan"), mutu: ("", "Sesuai SOP, triwulan III")},
    }
    with ws.transaction(admin) as s:
        for kode, per_indikator in isian.items():
            for indikator, (nilai, teks) in per_indikator.items():
                realisasi.set_realisasi(s, admin, indikator, kode, nilai, teks)
        realisasi.set_realisasi(s, admin, dokumen, "TW2", None, "")  # cleared: TW2 is missing now

    tw1 = _baris(ws, admin, skp_id, "TW1")
    assert [(b.kumulatif_sebelumnya, b.kumulatif) for b in tw1[:3]] == [
        (None, D(3)),
        (None, D(95)),
        (None, D(1)),
    ]
    assert tw1[0].teks_realisasi == "SK, laporan, notulen" and tw1[0].capaian == D(25)

    tw3 = _baris(ws, admin, skp_id, "TW3")
    b_dokumen, b_persen, b_nol, b_mutu = tw3
    assert (b_dokumen.cara, b_persen.cara) == (CaraKumulatif.JUMLAH, CaraKumulatif.TERAKHIR)
    assert b_dokumen.nilai == D(4) and b_dokumen.teks_realisasi == "4 laporan"
    assert (b_dokumen.kumulatif_sebelumnya, b_dokumen.kumulatif) == (D(3), D(7)), "TW2 was cleared"
    assert round(b_dokumen.capaian or 0, 2) == D("58.33")
    assert b_persen.nilai is None and b_persen.kumulatif == D(90), "the latest level reported (TW2)"
    assert round(b_persen.capaian or 0, 2) == D(100), "measured against the range's lower bound"
    assert b_nol.kumulatif == D(1) and b_nol.capaian is None, "a target of 0 has no capaian"
    assert not b_mutu.angka and b_mutu.teks_realisasi == "Sesuai SOP, triwulan III"
    assert b_mutu.kumulatif is None and b_mutu.capaian is None and b_mutu.target == "Sesuai SOP"

    tw2 = _baris(ws, admin, skp_id, "TW2")
    assert tw2[0].nilai is None and tw2[0].kumulatif == D(3), "a later period does not count"

    with ws.transaction(admin) as s:
        realisasi.set_realisasi(s, admin, dokumen, "TW4", "2", "")
        realisasi.set_realisasi(s, admin, persen, "TW4", "100", "")
    tw4 = _baris(ws, admin, skp_id, "TW4")
    assert (tw4[0].kumulatif, tw4[0].capaian) == (D(9), D(75))
    assert tw4[1].kumulatif == D(100) and round(tw4[1].capaian or 0, 1) == D("111.1")
