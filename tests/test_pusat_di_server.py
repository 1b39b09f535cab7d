"""A central office on a real PostgreSQL server, end to end: two PCs set up with ``init --pusat``, two
offices' packages imported, a paket induk sent back, two staff editing the same evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pendukung_server import cluster_postgres, jalankan_sql
from sqlalchemy import func, select

from kinerja_desktop.cli import main
from kinerja_desktop.core.db.models import Evaluasi, Kantor, Pegawai, Skp
from kinerja_desktop.core.errors import DataBerubah
from kinerja_desktop.core.model.evaluasi import IsianEvaluasi
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.services import akun, evaluasi
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.workspace import Workspace

SANDI_ADMIN = "rahasia123"


@pytest.fixture(scope="module")
def cluster() -> Iterator[ServerSettings]:
    with cluster_postgres() as settings:
        yield settings


def _cli(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> tuple[int, str]:
    code = main([*args, "--data-dir", str(folder)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_central_office_on_a_server_from_set_up_to_two_staff_at_once(
    cluster: ServerSettings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    jalankan_sql(
        cluster,
        "DROP DATABASE IF EXISTS bkpsdm",
        "DROP ROLE IF EXISTS bkpsdm",
        "CREATE ROLE bkpsdm LOGIN PASSWORD 'Sandi-Server-1'",
        "CREATE DATABASE bkpsdm OWNER bkpsdm",
    )
    url = f"postgresql://bkpsdm:Sandi-Server-1@{cluster.host}:{cluster.port}/bkpsdm"
    monkeypatch.setenv("KINERJA_PASSWORD", SANDI_ADMIN)
    pc1, pc2 = tmp_path / "pc-1", tmp_path / "pc-2"
    kantor = [
        "--kantor",
        "BKPSDM Kota Palembang",
        "--kode",
        "BKP",
        "--tempat",
        "Palembang",
        "--admin",
        "admin",
    ]
    code, out = _cli(capsys, pc1, "init", "--pusat", "--database-url", url, *kantor)
    assert code == 0, out
    code, out = _cli(capsys, pc2, "init", "--pusat", "--database-url", url)
    assert code == 0 and "BKPSDM Kota Palembang" in out, out

    # Two offices send their packages; each PC imports one.
    paket = {}
    for kode, nama, seed in (("PLJ", "Kecamatan Plaju", "1"), ("KTP", "Kecamatan Kertapati", "2")):
        folder = tmp_path / kode
        code, out = _cli(
            capsys, folder, "demo", "--pegawai", "8", "--kode", kode, "--kantor", nama, "--seed", seed
        )
        assert code == 0, out
        paket[kode] = tmp_path / f"{kode}.xlsx"
        assert _cli(capsys, folder, "export", "--out", str(paket[kode]))[0] == 0
    code, out = _cli(capsys, pc1, "import", str(paket["PLJ"]))
    assert code == 0 and "Impor selesai" in out, out
    code, out = _cli(capsys, pc2, "import", str(paket["KTP"]))
    assert code == 0 and "Impor selesai" in out, out
    code, out = _cli(capsys, pc1, "import", str(paket["KTP"]))
    assert code == 0 and "sudah pernah diimpor" in out, out

    # The paket induk goes back to Plaju and is accepted there.
    induk = tmp_path / "induk-PLJ.xlsx"
    code, out = _cli(capsys, pc2, "export", "--out", str(induk), "--induk", "--kantor", "PLJ")
    assert code == 0, out
    code, out = _cli(capsys, tmp_path / "PLJ", "import", str(induk))
    assert code == 0 and "Paket induk dari BKPSDM Kota Palembang (BKP)" in out, out

    # Both PCs see the same data on the server.
    ws1, ws2 = Workspace.open(AppPaths(pc1)), Workspace.open(AppPaths(pc2))
    try:
        assert ws1.server_label == ws2.server_label == f"{cluster.host}:{cluster.port}/bkpsdm"
        with ws1.read() as s:
            kantor_kode = set(s.scalars(select(Kantor.kode)))
            pegawai = s.scalar(select(func.count()).select_from(Pegawai))
        assert {"BKP", "PLJ", "KTP"} <= kantor_kode and pegawai == 16

        # Two staff, one on each PC, open the same evaluation; the second save is refused.
        admin = ws1.login("admin", SANDI_ADMIN)
        with ws1.transaction(admin) as s:
            akun.create_pengguna(s, admin, "sinta", "Sinta-Rahasia-9", Peran.ADMIN, "Sinta Maharani")
        sinta = ws2.login("sinta", "Sinta-Rahasia-9")
        with ws1.read() as s:
            skp_id, periode = s.execute(
                select(Evaluasi.skp_id, Evaluasi.periode)
                .join(Skp, Skp.id == Evaluasi.skp_id)
                .where(Evaluasi.status == "draf", Evaluasi.dihapus_pada.is_(None))
                .order_by(Evaluasi.id)
                .limit(1)
            ).one()
            form_admin = evaluasi_baca.get_evaluasi_form(s, admin, skp_id, periode)
        with ws2.read() as s:
            form_sinta = evaluasi_baca.get_evaluasi_form(s, sinta, skp_id, periode)
        assert form_admin.stamp == form_sinta.stamp != ""
        with ws2.transaction(sinta) as s:
            evaluasi.save_isian(
                s,
                sinta,
                IsianEvaluasi(
                    skp_id,
                    periode,
                    form_sinta.evaluasi_id,
                    rating=("di_bawah", "di_bawah"),  # differs from the demo's
                    stamp=form_sinta.stamp,
                ),
            )
        with pytest.raises(DataBerubah) as refused, ws1.transaction(admin) as s:
            evaluasi.save_isian(
                s,
                admin,
                IsianEvaluasi(
                    skp_id,
                    periode,
                    form_admin.evaluasi_id,
                    rating=("di_atas", "di_atas"),
                    stamp=form_admin.stamp,
                ),
            )
        assert refused.value.oleh == "Sinta Maharani"
        with ws1.read() as s:
            saved = evaluasi_baca.get_evaluasi_form(s, admin, skp_id, periode)
        assert saved.stamp != form_admin.stamp
    finally:
        ws1.close()
        ws2.close()
