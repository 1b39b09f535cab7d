"""Appraisal: one evaluation's steps and form, a unit's grid and distribution, capaian, snapshots."""

from __future__ import annotations

from kinerja_desktop.core.services.evaluasi.edit import (
    DistribusiPerluDiakui,
    check_finalise,
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
from kinerja_desktop.core.services.evaluasi.finalise import alasan_belum_siap, finalise_each, temuan_semua
from kinerja_desktop.core.services.evaluasi.isian import rate_evaluasi, save_isian

__all__ = [
    "DistribusiPerluDiakui",
    "alasan_belum_siap",
    "check_finalise",
    "finalise_each",
    "finalise_evaluasi",
    "rate_evaluasi",
    "reopen_evaluasi",
    "save_isian",
    "set_catatan",
    "set_penilaian_diri",
    "set_rating",
    "set_umpan_balik_perilaku",
    "set_umpan_balik_rhk",
    "start_evaluasi",
    "temuan_semua",
    "temuan_untuk",
]
