"""Where evidence files' content lives: the data folder (SQLite) or the server database (PostgreSQL)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import delete, event, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import BerkasBukti, BuktiDukung
from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.model.skp import JenisBukti
from kinerja_desktop.core.paths import private_dir
from kinerja_desktop.core.rules.angka import format_angka

MAKS_UKURAN = 20 * 1024 * 1024
POTONGAN = 1024 * 1024


@dataclass(frozen=True)
class Tersimpan:
    """A file put into a store: its hash, its size, and whether this put added the content."""

    sha256: str
    ukuran: int
    baru: bool


class BuktiStore(Protocol):
    """Content-addressed storage of evidence files, inside the caller's transaction."""

    #: Where the content is, as a clerk names it ("folder data komputer ini", "server basis data").
    tempat: str

    def put(self, session: Session, source: Path, sha256: str = "") -> Tersimpan:
        """Store ``source`` (at most MAKS_UKURAN, not empty); with ``sha256`` only when it matches."""
        ...

    def sizes(self, session: Session, hashes: Collection[str]) -> dict[str, int]:
        """The stored size of each hash that is there (a missing hash is left out)."""
        ...

    def open(self, session: Session, sha256: str) -> Iterator[bytes]:
        """The content in pieces of at most POTONGAN bytes (nothing when it is not there)."""
        ...

    def discard(self, session: Session, sha256: str) -> None:
        """Remove the content when no live evidence row refers to it any longer (at commit)."""
        ...


def mb(n: int) -> str:
    return f"{format_angka(n / 1024 / 1024, desimal=1)} MB"


def _terlalu_besar(source: Path, ukuran: int) -> ValidationError:
    return ValidationError(
        f"Berkas {source.name} terlalu besar ({mb(ukuran)}); batasnya {mb(MAKS_UKURAN)}.",
        kolom="berkas",
        saran="Perkecil berkasnya (misalnya kompres PDF atau foto) atau simpan sebagai tautan.",
    )


def _check_source(source: Path) -> None:
    if not source.is_file():
        raise ValidationError(f"Berkas {source.name} tidak ditemukan.", kolom="berkas")
    if (ukuran := source.stat().st_size) > MAKS_UKURAN:
        raise _terlalu_besar(source, ukuran)


def _check_read(source: Path, sha: str, ukuran: int, expected: str) -> None:
    if ukuran == 0:
        raise ValidationError(f"Berkas {source.name} kosong.", kolom="berkas")
    if expected and sha != expected:
        raise ValidationError(f"Isi berkas {source.name} tidak sama dengan yang dicatat.", kolom="berkas")


def _gagal_baca(source: Path, exc: OSError) -> KnownError:
    return KnownError(
        f"Berkas {source.name} gagal dibaca atau disalin: {exc.strerror or exc}.",
        saran="Periksa sisa ruang penyimpanan dan izin folder, lalu coba lagi.",
    )


def in_use(session: Session, sha256: str) -> bool:
    """Does a live (not deleted) evidence row refer to this content?"""
    return bool(
        session.scalar(
            select(BuktiDukung.id)
            .where(
                BuktiDukung.sha256 == sha256,
                BuktiDukung.jenis == JenisBukti.BERKAS.value,
                BuktiDukung.dihapus_pada.is_(None),
            )
            .limit(1)
        )
    )


class FolderStore:
    """SQLite (one PC): ``<evidence>/<first two hex digits>/<sha256>`` in the data folder; the backups
    copy these files once into ``cadangan/bukti``."""

    tempat = "folder data komputer ini"

    def __init__(self, evidence_dir: Path) -> None:
        self.evidence_dir = evidence_dir

    def path(self, sha256: str) -> Path:
        return self.evidence_dir / sha256[:2] / sha256

    def put(self, session: Session, source: Path, sha256: str = "") -> Tersimpan:
        tersimpan = self.copy_in(source, sha256)
        if tersimpan.baru:
            path = self.path(tersimpan.sha256)

            def _buang(*_: Any) -> None:
                path.unlink(missing_ok=True)

            event.listen(session, "after_rollback", _buang, once=True)
        return tersimpan

    def copy_in(self, source: Path, expected: str = "") -> Tersimpan:
        """Copy ``source`` in under its hash (outside any transaction: the caller cleans up)."""
        _check_source(source)
        private_dir(self.evidence_dir)
        digest, ukuran = hashlib.sha256(), 0
        fd, tmp_name = tempfile.mkstemp(prefix=".masuk-", dir=self.evidence_dir)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(POTONGAN):
                    ukuran += len(chunk)
                    if ukuran > MAKS_UKURAN:
                        raise _terlalu_besar(source, ukuran)
                    digest.update(chunk)
                    out.write(chunk)
            sha = digest.hexdigest()
            _check_read(source, sha, ukuran, expected)
            target = self.path(sha)
            if target.is_file() and target.stat().st_size == ukuran:
                return Tersimpan(sha, ukuran, False)
            private_dir(target.parent)
            os.replace(tmp, target)  # made by mkstemp: the user's alone (0600) on POSIX
            return Tersimpan(sha, ukuran, True)
        except OSError as exc:
            raise _gagal_baca(source, exc) from exc
        finally:
            tmp.unlink(missing_ok=True)

    def sizes(self, session: Session, hashes: Collection[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for sha in hashes:
            try:
                found[sha] = self.path(sha).stat().st_size
            except OSError:
                continue
        return found

    def open(self, session: Session, sha256: str) -> Iterator[bytes]:
        try:
            with self.path(sha256).open("rb") as src:
                while chunk := src.read(POTONGAN):
                    yield chunk
        except FileNotFoundError:
            return

    def discard(self, session: Session, sha256: str) -> None:
        if in_use(session, sha256):
            return
        path = self.path(sha256)

        def _delete(*_: Any) -> None:
            path.unlink(missing_ok=True)

        event.listen(session, "after_commit", _delete, once=True)


class DatabaseStore:
    """PostgreSQL (every PC of a central office): the table ``berkas_bukti``, written in the same
    transaction as the evidence row, so a failed attach leaves neither row nor content."""

    tempat = "server basis data"

    def put(self, session: Session, source: Path, sha256: str = "") -> Tersimpan:
        _check_source(source)
        try:
            with source.open("rb") as src:
                isi = src.read(MAKS_UKURAN + 1)  # one copy in memory; the size was checked above
        except OSError as exc:
            raise _gagal_baca(source, exc) from exc
        if len(isi) > MAKS_UKURAN:
            raise _terlalu_besar(source, len(isi))
        sha = hashlib.sha256(isi).hexdigest()
        _check_read(source, sha, len(isi), sha256)
        for _ in range(3):
            # Keep content already there: a share lock stops a concurrent discard until this commits.
            if session.scalar(
                select(BerkasBukti.sha256).where(BerkasBukti.sha256 == sha).with_for_update(read=True)
            ):
                return Tersimpan(sha, len(isi), False)
            added = session.scalar(
                pg_insert(BerkasBukti)
                .values(sha256=sha, ukuran=len(isi), isi=isi, dibuat=utcnow())
                .on_conflict_do_nothing(index_elements=["sha256"])
                .returning(BerkasBukti.sha256)
            )
            if added:
                return Tersimpan(sha, len(isi), True)
            # Another PC stored it meanwhile (or just discarded it): look again.
        raise KnownError(
            f"Berkas {source.name} tidak bisa disimpan ke server karena sedang diubah dari komputer lain.",
            saran="Coba lampirkan lagi sebentar lagi.",
        )

    def sizes(self, session: Session, hashes: Collection[str]) -> dict[str, int]:
        if not hashes:
            return {}
        rows = session.execute(
            select(BerkasBukti.sha256, BerkasBukti.ukuran).where(BerkasBukti.sha256.in_(list(hashes)))
        )
        return {sha: ukuran for sha, ukuran in rows}

    def open(self, session: Session, sha256: str) -> Iterator[bytes]:
        ukuran = self.sizes(session, [sha256]).get(sha256)
        if ukuran is None:
            return
        for awal in range(0, ukuran, POTONGAN):
            potongan = session.scalar(
                select(func.substring(BerkasBukti.isi, awal + 1, POTONGAN)).where(
                    BerkasBukti.sha256 == sha256
                )
            )
            if potongan is None:
                return
            yield bytes(potongan)

    def discard(self, session: Session, sha256: str) -> None:
        # Lock the content first: an attach of the same content on another PC waits, or is seen below.
        locked = session.scalar(
            select(BerkasBukti.sha256).where(BerkasBukti.sha256 == sha256).with_for_update()
        )
        if locked and not in_use(session, sha256):
            session.execute(delete(BerkasBukti).where(BerkasBukti.sha256 == sha256))


def store_for(session: Session, evidence_dir: Path) -> BuktiStore:
    """The store of this session's database: the data folder for SQLite, the server's table otherwise."""
    if session.get_bind().dialect.name == "sqlite":
        return FolderStore(evidence_dir)
    return DatabaseStore()


def write_file(store: BuktiStore, session: Session, sha256: str, target: Path) -> int:
    """Write the content to ``target`` (through a temporary file beside it, replaced at the end);
    returns the bytes written, 0 when the content is not in the store (``target`` untouched)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".bukti-", dir=target.parent)
    tmp = Path(tmp_name)
    ditulis = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in store.open(session, sha256):
                out.write(chunk)
                ditulis += len(chunk)
        if ditulis:
            os.replace(tmp, target)  # made by mkstemp: the user's alone (0600) on POSIX
        return ditulis
    finally:
        tmp.unlink(missing_ok=True)
