"""Appraisal: one evaluation's steps and form, a unit's grid and distribution, capaian, snapshots."""

from __future__ import annotations

from kinerja_desktop.core.services.evaluasi.edit import (
    DistribusiPerluDiakui,
    finalise_evaluasi,
    reopen_evaluasi,
    set_catatan,
    set_penilaian_diri,
    set_rating,
    set_umpan_balik_perilaku,
    set_umpan_balik_rhk,
    start_evaluasi,
    temuan_untuk,
)

__all__ = [
    "DistribusiPerluDiakui",
    "finalise_evaluasi",
    "reopen_evaluasi",
    "set_catatan",
    "set_penilaian_diri",
    "set_rating",
    "set_umpan_balik_perilaku",
    "set_umpan_balik_rhk",
    "start_evaluasi",
    "temuan_untuk",
]
