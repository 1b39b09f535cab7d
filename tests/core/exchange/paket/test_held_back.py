"""Why a planned file is held back: one answer from the plan, for the apply step, the CLI and the wizard."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.apply import apply_plan
from kinerja_desktop.core.exchange.paket.model import InfoPaket, JenisPaket
from kinerja_desktop.core.exchange.paket.plan.model import (
    Konflik,
    Masalah,
    NilaiBeda,
    RencanaImpor,
    Tertahan,
)
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace


def _konflik(n: int) -> Konflik:
    return Konflik(
        "pegawai", "Pegawai", f"id-{n}", n + 1, f"Pegawai {n}", (NilaiBeda("Nama", "A", "B"),), 2, 3, 1
    )


def _rencana(*, galat: int = 0, konflik: int = 0, checksum_cocok: bool = True) -> RencanaImpor:
    info = InfoPaket(JenisPaket.KANTOR, "PLJ", "Kecamatan Plaju", "", 2026, datetime.now(UTC), "uji", {}, "x")
    masalah = [Masalah("Pegawai", n + 2, "NIP", f"NIP ke-{n} tidak sah.") for n in range(galat)]
    masalah.append(Masalah("Pegawai", 9, "", "Hanya peringatan.", menghalangi=False))
    semua_konflik = [_konflik(n) for n in range(konflik)]
    return RencanaImpor(info, [], masalah, semua_konflik, [], checksum_cocok, False, False)


def test_a_clean_plan_is_not_held_back() -> None:
    assert _rencana().alasan_tertahan() == []
    assert _rencana(konflik=2).alasan_tertahan(semua="kami") == []


def test_every_reason_is_said_once_in_order_with_what_it_is_about() -> None:
    rencana = _rencana(galat=2, konflik=3, checksum_cocok=False)
    alasan = rencana.alasan_tertahan()
    assert [a.jenis for a in alasan] == [Tertahan.GALAT, Tertahan.CHECKSUM, Tertahan.KONFLIK]
    galat, checksum, konflik = alasan
    assert "2 kesalahan" in galat.pesan and galat.rincian == (
        "Lembar Pegawai, baris 2, kolom NIP: NIP ke-0 tidak sah.",
        "Lembar Pegawai, baris 3, kolom NIP: NIP ke-1 tidak sah.",
    )
    assert "checksum tidak cocok" in checksum.pesan and checksum.saran
    assert konflik.pesan == "3 konflik belum diputuskan." and len(konflik.rincian) == 3
    assert str(konflik) == f"{konflik.pesan} {konflik.saran}"


def test_decisions_release_what_they_decide() -> None:
    rencana = _rencana(konflik=3)
    kunci = rencana.konflik[0].kunci
    alasan = rencana.alasan_tertahan(pilihan={kunci: "mereka"})
    assert [(a.jenis, a.pesan) for a in alasan] == [(Tertahan.KONFLIK, "2 konflik belum diputuskan.")]
    assert "Pegawai 0" not in " ".join(alasan[0].rincian)
    assert rencana.belum_diputuskan({kunci: "kami"}, None) == rencana.konflik[1:]
    assert rencana.belum_diputuskan({kunci: "kami"}, "mereka") == []
    assert rencana.alasan_tertahan(semua="kami") == []


def test_applying_refuses_with_the_plans_reasons(workspace: Workspace) -> None:
    rencana = _rencana(galat=1, konflik=1, checksum_cocok=False)
    with pytest.raises(KnownError) as refused:
        apply_plan(workspace, SYSTEM, rencana)
    for a in rencana.alasan_tertahan():
        assert a.pesan in refused.value.pesan and a.saran in (refused.value.saran or "")
    assert "NIP ke-0 tidak sah" in refused.value.pesan and "Pegawai 0" in refused.value.pesan
    with pytest.raises(KnownError, match="1 konflik belum diputuskan") as refused:
        apply_plan(workspace, SYSTEM, _rencana(konflik=1))
    assert "galat" not in refused.value.pesan


def test_no_decision_releases_rows_that_do_not_match_their_checksum() -> None:
    rencana = _rencana(konflik=1, checksum_cocok=False)
    alasan = rencana.alasan_tertahan(semua="mereka")
    assert [a.jenis for a in alasan] == [Tertahan.CHECKSUM]
    assert "mengekspor ulang" in alasan[0].saran
