"""Frozen identity of a pegawai (name, NIP, pangkat, jabatan, unit) as a final evaluation keeps it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.model.skp import Pejabat
from kinerja_desktop.core.rules.pangkat import PANGKAT_PNS, display_pangkat


def snapshot_pejabat(session: Session, pegawai_id: str | None) -> dict[str, Any] | None:
    """The identity block of ``pegawai_id`` as it is now; None when unknown (e.g. outside the office)."""
    if pegawai_id is None:
        return None
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        return None
    unit = session.scalar(select(UnitKerja.nama).where(UnitKerja.id == p.unit_kerja_id)) or ""
    return {
        "id": p.id,
        "nama": p.nama_lengkap,
        "nip": p.nip,
        "pangkat": PANGKAT_PNS.get(p.golongan, ""),
        "golongan": p.golongan,
        "jabatan": p.jabatan,
        "unit": unit,
    }


def pejabat_dari_snapshot(data: dict[str, Any] | None) -> Pejabat | None:
    """The identity block for forms from a stored snapshot (pangkat written "Penata (III/c)")."""
    if not data:
        return None
    pangkat = display_pangkat(str(data.get("golongan", "")), str(data.get("pangkat", "")))
    return Pejabat(
        str(data.get("id", "")),
        str(data.get("nama", "")),
        str(data.get("nip", "")),
        pangkat,
        str(data.get("jabatan", "")),
        str(data.get("unit", "")),
    )
