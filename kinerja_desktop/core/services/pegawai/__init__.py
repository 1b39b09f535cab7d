"""Staff records: list, detail, create, edit (history kept), archive, and the checks before saving."""

from __future__ import annotations

from kinerja_desktop.core.services.pegawai.records import (
    archive_pegawai,
    check_pegawai,
    create_pegawai,
    get_foto,
    get_pegawai,
    list_pegawai,
    reactivate_pegawai,
    reassign_bawahan,
    save_pegawai,
    set_foto,
    update_pegawai,
)

__all__ = [
    "archive_pegawai",
    "check_pegawai",
    "create_pegawai",
    "get_foto",
    "get_pegawai",
    "list_pegawai",
    "reactivate_pegawai",
    "reassign_bawahan",
    "save_pegawai",
    "set_foto",
    "update_pegawai",
]
