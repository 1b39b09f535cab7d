"""SKP planning: create, read, edit, flow, copy; the modules of this package hold the parts."""

from __future__ import annotations

from kinerja_desktop.core.services.skp.drafts import (
    copy_last_year,
    create_drafts_for_unit,
    create_skp,
    revise_skp,
)
from kinerja_desktop.core.services.skp.header import delete_skp, refresh_penilai, update_skp
from kinerja_desktop.core.services.skp.kaskade import cascade_options, starting_points
from kinerja_desktop.core.services.skp.lampiran import (
    add_lampiran,
    delete_lampiran,
    move_indikator,
    move_lampiran,
    move_rhk,
    reorder_indikator,
    reorder_lampiran,
    reorder_rhk,
    update_lampiran,
)
from kinerja_desktop.core.services.skp.read import current_skp_for, get_skp, list_skp, skp_exists
from kinerja_desktop.core.services.skp.rhk import (
    add_indikator,
    add_rhk,
    add_rhk_from,
    delete_indikator,
    delete_rhk,
    update_indikator,
    update_rhk,
)
from kinerja_desktop.core.services.skp.status import (
    SkpBelumLengkap,
    approve_skp,
    check_skp,
    reject_skp,
    save_ekspektasi,
    set_ekspektasi,
    submit_skp,
    withdraw_skp,
)

__all__ = [
    "SkpBelumLengkap",
    "add_indikator",
    "add_lampiran",
    "add_rhk",
    "add_rhk_from",
    "approve_skp",
    "cascade_options",
    "check_skp",
    "copy_last_year",
    "create_drafts_for_unit",
    "create_skp",
    "current_skp_for",
    "delete_indikator",
    "delete_lampiran",
    "delete_rhk",
    "delete_skp",
    "get_skp",
    "list_skp",
    "move_indikator",
    "move_lampiran",
    "move_rhk",
    "refresh_penilai",
    "reject_skp",
    "reorder_indikator",
    "reorder_lampiran",
    "reorder_rhk",
    "revise_skp",
    "save_ekspektasi",
    "set_ekspektasi",
    "skp_exists",
    "starting_points",
    "submit_skp",
    "update_indikator",
    "update_lampiran",
    "update_rhk",
    "update_skp",
    "withdraw_skp",
]
