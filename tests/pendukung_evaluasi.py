"""Test support for appraisal on the demo office: the camat, his subordinates, their SKPs, evaluations."""

from __future__ import annotations

import pytest
from pendukung_demo import demo_actor
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai, Skp
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.workspace import Workspace

TW = "TW3"  # the demo has capaian for TW1–TW3 and evaluations only for TW1 (final) and TW2 (draft)


def camat(ws: Workspace) -> str:
    """The head of the office (the pejabat penilai account's pegawai)."""
    with ws.read() as s:
        return s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_(None))).one()


def skp_of(ws: Workspace, pegawai_id: str) -> Skp:
    with ws.read() as s:
        return s.scalars(select(Skp).where(Skp.pegawai_id == pegawai_id, Skp.status == "disetujui")).one()


def bawahan_camat(ws: Workspace) -> list[str]:
    """The camat's direct subordinates with an approved SKP, each heading a unit, by NIP."""
    kepala = camat(ws)
    with ws.read() as s:
        return list(
            s.scalars(
                select(Pegawai.id)
                .join(Skp, Skp.pegawai_id == Pegawai.id)
                .where(Pegawai.atasan_id == kepala, Skp.status == "disetujui")
                .order_by(Pegawai.nip)
            )
        )


def staf(ws: Workspace) -> str:
    """A pegawai whose pejabat penilai is not the camat (outside the penilai account's reach)."""
    kepala = camat(ws)
    with ws.read() as s:
        return s.scalars(
            select(Skp.pegawai_id)
            .where(
                Skp.status == "disetujui",
                Skp.pejabat_penilai_id.is_not(None),
                Skp.pejabat_penilai_id != kepala,
            )
            .order_by(Skp.pegawai_id)
        ).first() or pytest.fail("no staff SKP in the demo")


def start(ws: Workspace, actor: Actor, skp_id: str, kode: str = TW) -> str:
    with ws.transaction(actor) as s:
        return evaluasi.start_evaluasi(s, actor, skp_id, kode)


def first_rhk(ws: Workspace, skp_id: str) -> str:
    with ws.read() as s:
        return evaluasi_baca.get_evaluasi_form(s, demo_actor(ws, "admin"), skp_id, TW).hasil_kerja[0].rhk_id
