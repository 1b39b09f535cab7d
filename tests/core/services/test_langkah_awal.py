"""A new real office's first steps are ticked from what the database holds, in order, then disappear."""

from __future__ import annotations

from sqlalchemy import update

from kinerja_desktop.core.db.models import Kantor
from kinerja_desktop.core.model.pegawai import PegawaiInput
from kinerja_desktop.core.services import akun, pegawai, skp, unit_kerja
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.services.langkah_awal import Langkah, langkah_awal
from kinerja_desktop.core.workspace import Workspace

TAHUN = 2026


def _selesai(ws: Workspace, admin: Actor) -> dict[Langkah, bool] | None:
    with ws.read() as s:
        daftar = langkah_awal(s, admin, TAHUN)
    return None if daftar is None else {item.langkah: item.selesai for item in daftar}


def test_each_step_is_ticked_when_done(workspace: Workspace, admin: Actor) -> None:
    assert _selesai(workspace, admin) == dict.fromkeys(Langkah, False)  # the address is still empty
    with workspace.read() as s:
        pertama = langkah_awal(s, admin, TAHUN)
    assert pertama is not None
    assert [item.langkah for item in pertama] == list(Langkah)
    assert pertama[-1].judul == f"SKP tahun {TAHUN}"
    assert "alamat" in pertama[0].keterangan

    with workspace.transaction(admin) as s:
        s.execute(update(Kantor).values(alamat="Jl. Kapten Abdullah No. 1, Plaju"))
    assert _selesai(workspace, admin) == {**dict.fromkeys(Langkah, False), Langkah.IDENTITAS: True}

    with workspace.transaction(admin) as s:
        root = unit_kerja.root_unit_id(s)
        seksi = unit_kerja.create_unit(s, admin, "Seksi Pemerintahan", root)
        camat = pegawai.create_pegawai(
            s, admin, PegawaiInput(nip="19750505 200003 1 004", nama="Camat Plaju", unit_kerja_id=root)
        )
        staf = pegawai.create_pegawai(
            s,
            admin,
            PegawaiInput(
                nip="19900101 201503 1 002", nama="Budi Santoso", unit_kerja_id=seksi, atasan_id=camat
            ),
        )
    selesai = _selesai(workspace, admin)
    assert selesai is not None
    assert [selesai[x] for x in Langkah] == [True, True, True, False, False]

    with workspace.transaction(admin) as s:
        akun.create_pengguna(s, admin, "camat", "rahasia-camat-1", Peran.PENILAI, "Camat", camat)
    selesai = _selesai(workspace, admin)
    assert selesai is not None and selesai[Langkah.AKUN_PENILAI] and not selesai[Langkah.SKP]

    with workspace.transaction(admin) as s:
        skp.create_skp(s, admin, staf, TAHUN)
    assert _selesai(workspace, admin) is None  # every step taken: the checklist makes room for the work


def test_the_demo_office_has_no_checklist(workspace: Workspace, admin: Actor) -> None:
    from kinerja_desktop.core.services import kantor

    with workspace.transaction(admin) as s:
        kantor.mark_demo(s)
    assert _selesai(workspace, admin) is None
