"""Property: an office's package imported into an empty central database gives back the same rows.

The office is generated within the rules a form enforces (``core/validation``): targets and
realisations are zero or more with the lower bound first, the predikat follows the matrix, the angka
kredit the conversion table, and only an approved SKP is evaluated; the texts are anything.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pendukung_pg import lepas
from sqlalchemy import select

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import (
    Evaluasi,
    Indikator,
    Kantor,
    Pegawai,
    Realisasi,
    Rhk,
    Skp,
    UnitKerja,
)
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.rules.angka_kredit import compute_angka_kredit
from kinerja_desktop.core.rules.jabatan import JenjangFungsional
from kinerja_desktop.core.rules.predikat import Rating, compute_predikat
from kinerja_desktop.core.validation.base import KARAKTER_KENDALI
from kinerja_desktop.core.workspace import Workspace

TAHUN = date.today().year
#: Any text the application keeps: no surrogates, none of the control characters it refuses (tab and
#: line breaks are kept, as are C1 controls and every other plane).
DITOLAK = "".join(c for c in map(chr, range(32)) if KARAKTER_KENDALI.match(c))
teks = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=DITOLAK), max_size=25)
isi = teks.filter(str.strip)  # a text the application never leaves empty (a name, an RHK, an indicator)
desimal = st.none() | st.decimals(
    min_value=Decimal("0"), max_value=Decimal("99999999"), places=4, allow_nan=False
)
rating = st.sampled_from(list(Rating))
tanggal = st.none() | st.dates(min_value=date(1940, 1, 1), max_value=date(2040, 12, 31))
indikator = st.fixed_dictionaries(
    {
        "teks": isi,
        "target_min": desimal,
        "target_maks": desimal,
        "realisasi": st.dictionaries(st.sampled_from(["TW1", "TW2", "TW3", "TW4"]), desimal, max_size=3),
        "hapus": st.booleans(),
    }
)
rhk = st.fixed_dictionaries(
    {"teks": isi, "indikator": st.lists(indikator, max_size=2), "hapus": st.booleans()}
)
pegawai = st.fixed_dictionaries(
    {
        "nama": isi,
        "gelar_belakang": teks,
        "tanggal_lahir": tanggal,
        "rhk": st.lists(rhk, max_size=2),
        "evaluasi": st.none()
        | st.tuples(teks, st.none() | st.tuples(rating, rating), st.sampled_from(list(JenjangFungsional))),
        "atasan": st.booleans(),
        "hapus": st.booleans(),
    }
)


def _target(a: Decimal | None, b: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    """A target as a form stores it: a single value is the lower bound, a range lower first."""
    batas = sorted(x for x in (a, b) if x is not None)
    return (*batas, None, None)[:2]  # type: ignore[return-value]


def _isi_kantor(ws: Workspace, data: list[dict[str, Any]]) -> None:
    """Write the generated office through the ORM (the session hook sets kantor_asal and revisi)."""
    with ws.transaction() as s:
        kantor_id = s.scalars(select(Kantor.id)).one()
        unit_id = s.scalars(select(UnitKerja.id)).first()
        ids: list[str] = []
        for n, d in enumerate(data):
            p = Pegawai(
                kantor_id=kantor_id,
                nip=str(198001012006041001 + n),
                nama=d["nama"],
                gelar_belakang=d["gelar_belakang"],
                tanggal_lahir=d["tanggal_lahir"],
                unit_kerja_id=unit_id,
                atasan_id=ids[-1] if ids and d["atasan"] else None,
            )
            s.add(p)
            s.flush()
            ids.append(p.id)
            skp = Skp(
                pegawai_id=p.id,
                tahun=TAHUN,
                periode_awal=date(TAHUN, 1, 1),
                periode_akhir=date(TAHUN, 12, 31),
                status="draft" if d["evaluasi"] is None else "disetujui",
            )
            s.add(skp)
            s.flush()
            for u, r in enumerate(d["rhk"]):
                baris = Rhk(skp_id=skp.id, teks=r["teks"], urutan=u)
                s.add(baris)
                s.flush()
                for v, i in enumerate(r["indikator"]):
                    lo, hi = _target(i["target_min"], i["target_maks"])
                    ind = Indikator(rhk_id=baris.id, teks=i["teks"], target_min=lo, target_maks=hi, urutan=v)
                    s.add(ind)
                    s.flush()
                    for periode, nilai in i["realisasi"].items():
                        s.add(Realisasi(indikator_id=ind.id, periode=periode, nilai=nilai, teks=i["teks"]))
                    if i["hapus"]:
                        ind.dihapus_pada = utcnow()
                if r["hapus"]:
                    baris.dihapus_pada = utcnow()
            if d["evaluasi"] is not None:
                catatan, ratings, jenjang = d["evaluasi"]
                predikat = compute_predikat(*ratings) if ratings else None
                s.add(
                    Evaluasi(
                        skp_id=skp.id,
                        periode="AKHIR",
                        rating_hasil=ratings[0].value if ratings else None,
                        rating_perilaku=ratings[1].value if ratings else None,
                        predikat=predikat.value if predikat else None,
                        catatan_rekomendasi=catatan,
                        angka_kredit=compute_angka_kredit(jenjang, predikat) if predikat else None,
                        difinalkan_pada=datetime.combine(
                            date(TAHUN, 12, 31), time(8, 30), tzinfo=utcnow().tzinfo
                        ),
                        snapshot_pegawai={"nama": catatan, "nip": p.nip, "angka": [1, 2.5]},
                    )
                )
            if d["hapus"]:
                s.flush()
                p.dihapus_pada = utcnow()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.lists(pegawai, min_size=1, max_size=4))
def test_export_then_import_into_an_empty_central_gives_the_same_rows(
    data: list[dict[str, Any]], template_folder: Path, templat_sinkron: dict[str, Path], sinkron: Any
) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(template_folder, root / "kantor")
        shutil.copytree(templat_sinkron["PUSAT"], root / "pusat")
        kantor, pusat = Workspace.open(AppPaths(root / "kantor")), Workspace.open(AppPaths(root / "pusat"))
        try:
            _isi_kantor(kantor, data)
            paket = sinkron.paket(kantor)
            rencana, _ = sinkron.impor(pusat, paket)
            assert rencana.ok and rencana.total(Aksi.BARU) == sum(len(v) for v in paket.baris.values()) - 7
            kembali = sinkron.paket(pusat, "PLJ", catat=False)
            # Only the BerAKHLAK master differs: central keeps its own seven values (ids, revisi, time)
            # and the office's rows that name them are mapped to them by their order.
            assert sinkron.normal(kembali.baris) == sinkron.normal(paket.baris)
            assert not sinkron.rencana(pusat, paket).ada_perubahan
        finally:
            kantor.close()
            pusat.close()
    finally:
        lepas(root)
        shutil.rmtree(root, ignore_errors=True)
