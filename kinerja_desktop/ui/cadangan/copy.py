"""Salin cadangan ke…: choose a folder outside the data folder (a flash disk), copy, say what was written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from kinerja_desktop.core.db.backup import CopyRecord, CopyResult
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.storage import size_text
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext


def choose_copy_folder(parent: QWidget | None) -> Path | None:
    """Ask for the folder to copy the backups into; None when the clerk cancels."""
    name = QFileDialog.getExistingDirectory(
        parent, "Pilih folder tujuan salinan cadangan (misalnya flash disk)"
    )
    return Path(name) if name else None


def copy_done_text(result: CopyResult) -> str:
    bukti = f" dan {result.bukti} berkas bukti dukung baru" if result.bukti else ""
    return (
        f"Cadangan {result.backup.name} ({size_text(result.size)}){bukti} disalin ke {result.folder}. "
        "Simpan flash disk itu di tempat yang aman, terpisah dari komputer ini."
    )


def last_copy_text(record: CopyRecord | None) -> str:
    """The line under the backups: when and where the backups were last copied outside."""
    if record is None:
        return "Cadangan belum pernah disalin ke luar folder data (misalnya ke flash disk)."
    return f"Terakhir disalin ke luar folder data: {record.waktu:%d-%m-%Y %H:%M}, ke {record.tujuan}."


def copy_backups(
    widget: QWidget,
    ctx: UiContext,
    folder: Path,
    *,
    then: Callable[[CopyResult], None],
    failed: Callable[[KnownError], None] | None = None,
) -> None:
    """Copy the newest backup and the evidence into ``folder`` in the background."""
    workspace, actor = ctx.workspace, ctx.actor
    ops.attempt(
        widget,
        lambda: workspace.copy_backups_to(folder, actor),
        ctx=ctx,
        then=then,
        failed=failed,
        background="Menyalin cadangan…",
        cancellable=False,
    )
