"""Evidence files a PC kept in its data folder before its server stored them, uploaded at start-up."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import BerkasBukti, BuktiDukung
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.model.skp import JenisBukti
from kinerja_desktop.core.services.bukti_store import DatabaseStore, FolderStore

log = logging.getLogger(__name__)


@dataclass
class HasilUnggah:
    """What one pass did: contents uploaded from this PC, contents this PC does not have either, and
    files that could not be uploaded (with the reason)."""

    diunggah: int = 0
    tidak_ada: int = 0
    gagal: list[str] = field(default_factory=list)


def missing_on_server(session: Session) -> list[tuple[str, int]]:
    """(hash, size) of live file evidence whose content the server's table lacks."""
    ada = exists().where(BerkasBukti.sha256 == BuktiDukung.sha256)
    rows = session.execute(
        select(BuktiDukung.sha256, func.max(BuktiDukung.ukuran))
        .where(
            BuktiDukung.jenis == JenisBukti.BERKAS.value,
            BuktiDukung.dihapus_pada.is_(None),
            BuktiDukung.sha256 != "",
            ~ada,
        )
        .group_by(BuktiDukung.sha256)
        .order_by(BuktiDukung.sha256)
    )
    return [(sha, int(ukuran or 0)) for sha, ukuran in rows]


def local_copy(folders: list[Path], sha256: str, ukuran: int) -> Path | None:
    """This PC's file of that content: in its evidence folder or the copy beside its backups."""
    for folder in folders:
        path = FolderStore(folder).path(sha256)
        try:
            if path.stat().st_size == ukuran:
                return path
        except OSError:
            continue
    return None


def upload_one(session: Session, sha256: str, ukuran: int, folders: list[Path]) -> bool:
    """Put this PC's copy of one content on the server (its hash checked); False when it has none.
    A copy whose content does not match its name is a KnownError (the transaction is to be dropped)."""
    path = local_copy(folders, sha256, ukuran)
    if path is None:
        return False
    DatabaseStore().put(session, path, sha256)
    return True


def record(hasil: HasilUnggah, step: str, exc: KnownError) -> None:
    hasil.gagal.append(f"{step[:12]}: {exc}")
    log.warning("Berkas bukti %s tidak diunggah ke server: %s", step, exc)
