"""Bukti dukung per RHK and period: a note, a link, or a file kept in the data folder under its hash."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.concurrency import ensure_row
from kinerja_desktop.core.db.models import BuktiDukung
from kinerja_desktop.core.errors import KnownError, NotFound, ValidationError
from kinerja_desktop.core.model.skp import JenisBukti as JenisBukti
from kinerja_desktop.core.paths import private_dir
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.periode import periode
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.realisasi import check_periode, ensure_progress
from kinerja_desktop.core.services.skp.access import get_rhk_row
from kinerja_desktop.core.validation.base import raise_first
from kinerja_desktop.core.validation.realisasi import BUKTI_DUKUNG, tautan_problem

MAKS_UKURAN = 20 * 1024 * 1024
_POTONGAN = 1024 * 1024


class StatusBerkas(StrEnum):
    """Whether a stored file is still there: "ada", "hilang" (missing) or "berubah" (other size)."""

    ADA = "ada"
    HILANG = "hilang"
    BERUBAH = "berubah"


@dataclass(frozen=True)
class BuktiRow:
    """One piece of evidence; ``status_berkas`` is empty for notes and links or when not checked."""

    id: str
    rhk_id: str
    periode: str
    jenis: str
    keterangan: str
    tautan: str
    nama_berkas: str
    sha256: str
    ukuran: int
    status_berkas: str = ""
    revisi: int = 1


def berkas_path(evidence_dir: Path, row: BuktiRow | BuktiDukung) -> Path:
    """Where a file's content is stored: ``<evidence>/<first two hex digits>/<sha256>``."""
    return evidence_dir / row.sha256[:2] / row.sha256


def check_berkas(evidence_dir: Path, row: BuktiRow | BuktiDukung) -> StatusBerkas:
    """Is the stored file there with its recorded size? A missing file is a status, never an exception."""
    try:
        ukuran = berkas_path(evidence_dir, row).stat().st_size
    except OSError:
        return StatusBerkas.HILANG
    return StatusBerkas.ADA if ukuran == row.ukuran else StatusBerkas.BERUBAH


def _target(session: Session, actor: Actor, rhk_id: str, kode_periode: str) -> tuple[str, str]:
    rhk, skp = get_rhk_row(session, rhk_id)
    p = check_periode(session, kode_periode)
    ensure_progress(session, actor, skp, p)
    return rhk.id, p.kode


def _add(session: Session, row: BuktiDukung) -> str:
    session.add(row)
    session.flush()
    return row.id


def _keterangan(teks: str, wajib: bool) -> str:
    cleaned = BUKTI_DUKUNG.text("keterangan").ensure(teks.strip())
    if wajib:
        raise_first(BUKTI_DUKUNG.check({"jenis": JenisBukti.CATATAN.value, "keterangan": cleaned}))
    return cleaned


def add_catatan(session: Session, actor: Actor, rhk_id: str, kode_periode: str, keterangan: str) -> str:
    """Evidence written as a note."""
    rhk, kode = _target(session, actor, rhk_id, kode_periode)
    teks = _keterangan(keterangan, True)
    return _add(
        session, BuktiDukung(rhk_id=rhk, periode=kode, jenis=JenisBukti.CATATAN.value, keterangan=teks)
    )


def clean_tautan(tautan: str) -> str:
    """An http or https address with a host, else ValidationError."""
    cleaned = tautan.strip()
    raise_first([m for m in (tautan_problem(cleaned),) if m is not None])
    return cleaned


def add_tautan(
    session: Session, actor: Actor, rhk_id: str, kode_periode: str, tautan: str, keterangan: str = ""
) -> str:
    """Evidence kept elsewhere, given as a web address (http/https only)."""
    rhk, kode = _target(session, actor, rhk_id, kode_periode)
    row = BuktiDukung(
        rhk_id=rhk,
        periode=kode,
        jenis=JenisBukti.TAUTAN.value,
        tautan=clean_tautan(tautan),
        keterangan=_keterangan(keterangan, False),
    )
    return _add(session, row)


def _mb(n: int) -> str:
    return f"{format_angka(n / 1024 / 1024, desimal=1)} MB"


def store_file(source: Path, evidence_dir: Path) -> tuple[str, int, bool]:
    """Copy ``source`` into the evidence folder under its SHA-256; returns (hash, size, newly stored)."""
    if not source.is_file():
        raise ValidationError(f"Berkas {source.name} tidak ditemukan.", kolom="berkas")
    if (awal := source.stat().st_size) > MAKS_UKURAN:
        raise ValidationError(
            f"Berkas {source.name} terlalu besar ({_mb(awal)}); batasnya {_mb(MAKS_UKURAN)}.",
            kolom="berkas",
            saran="Perkecil berkasnya (misalnya kompres PDF atau foto) atau simpan sebagai tautan.",
        )
    private_dir(evidence_dir)
    digest, ukuran = hashlib.sha256(), 0
    fd, tmp_name = tempfile.mkstemp(prefix=".masuk-", dir=evidence_dir)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(_POTONGAN):
                ukuran += len(chunk)
                if ukuran > MAKS_UKURAN:
                    raise ValidationError(
                        f"Berkas {source.name} melebihi {_mb(MAKS_UKURAN)}.", kolom="berkas"
                    )
                digest.update(chunk)
                out.write(chunk)
        if ukuran == 0:
            raise ValidationError(f"Berkas {source.name} kosong.", kolom="berkas")
        sha = digest.hexdigest()
        target = evidence_dir / sha[:2] / sha
        if target.is_file() and target.stat().st_size == ukuran:
            return sha, ukuran, False
        private_dir(target.parent)
        os.replace(tmp, target)  # made by mkstemp: the user's alone (0600) on POSIX
        return sha, ukuran, True
    except OSError as exc:
        raise KnownError(
            f"Berkas {source.name} gagal disalin ke folder data: {exc.strerror or exc}.",
            saran="Periksa sisa ruang penyimpanan dan izin folder data, lalu coba lagi.",
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


def add_berkas(
    session: Session,
    actor: Actor,
    rhk_id: str,
    kode_periode: str,
    source_path: Path,
    evidence_dir: Path,
    keterangan: str = "",
) -> str:
    """Evidence as a file: copied (once per content) into the evidence folder, original name kept."""
    rhk, kode = _target(session, actor, rhk_id, kode_periode)
    teks = _keterangan(keterangan, False)
    source = Path(source_path)
    sha, ukuran, baru = store_file(source, evidence_dir)
    if baru:
        path = evidence_dir / sha[:2] / sha

        def _buang(*_: Any) -> None:
            path.unlink(missing_ok=True)

        event.listen(session, "after_rollback", _buang, once=True)
    row = BuktiDukung(
        rhk_id=rhk,
        periode=kode,
        jenis=JenisBukti.BERKAS.value,
        keterangan=teks,
        nama_berkas=source.name[:255],
        sha256=sha,
        ukuran=ukuran,
    )
    return _add(session, row)


def _get(session: Session, bukti_id: str, revisi: int | None = None) -> BuktiDukung:
    row = session.get(BuktiDukung, bukti_id)
    if row is not None:
        ensure_row(session, row, revisi)
    if row is None or row.dihapus_pada is not None:
        raise NotFound("Bukti dukung tidak ditemukan (mungkin sudah dihapus).")
    return row


def _hash_in_use(session: Session, sha: str, except_id: str) -> bool:
    return bool(
        session.scalar(
            select(BuktiDukung.id)
            .where(BuktiDukung.sha256 == sha, BuktiDukung.id != except_id, BuktiDukung.dihapus_pada.is_(None))
            .limit(1)
        )
    )


def delete_bukti(
    session: Session, actor: Actor, bukti_id: str, evidence_dir: Path, *, revisi: int | None = None
) -> None:
    """Delete (tombstone) evidence; its stored file goes after the commit unless another row uses it.
    ``revisi`` as the list read it: evidence changed (or deleted) meanwhile is refused."""
    row = _get(session, bukti_id, revisi)
    _, skp = get_rhk_row(session, row.rhk_id)
    ensure_progress(session, actor, skp, periode(row.periode))
    row.dihapus_pada = utcnow()
    if row.jenis == JenisBukti.BERKAS and row.sha256 and not _hash_in_use(session, row.sha256, row.id):
        path = berkas_path(evidence_dir, row)

        def _delete(*_: Any) -> None:
            path.unlink(missing_ok=True)

        event.listen(session, "after_commit", _delete, once=True)


def _row(b: BuktiDukung, evidence_dir: Path | None) -> BuktiRow:
    status = ""
    if evidence_dir is not None and b.jenis == JenisBukti.BERKAS:
        status = check_berkas(evidence_dir, b).value
    return BuktiRow(
        b.id,
        b.rhk_id,
        b.periode,
        b.jenis,
        b.keterangan,
        b.tautan,
        b.nama_berkas,
        b.sha256,
        b.ukuran,
        status,
        b.revisi,
    )


def list_bukti(
    session: Session, actor: Actor, rhk_id: str, kode_periode: str, evidence_dir: Path | None = None
) -> list[BuktiRow]:
    """Evidence of an RHK in a period, oldest first; with ``evidence_dir`` each file's status is checked."""
    require(actor, Izin.LIHAT_DATA)
    rhk, _ = get_rhk_row(session, rhk_id)
    p = check_periode(session, kode_periode)
    rows = session.scalars(
        select(BuktiDukung)
        .where(
            BuktiDukung.rhk_id == rhk.id, BuktiDukung.periode == p.kode, BuktiDukung.dihapus_pada.is_(None)
        )
        .order_by(BuktiDukung.diubah_pada, BuktiDukung.id)
    )
    return [_row(b, evidence_dir) for b in rows]


def resolve_berkas(session: Session, actor: Actor, bukti_id: str, evidence_dir: Path) -> Path:
    """The stored file to hand to the system viewer; NotFound (a clear message) when it is missing."""
    require(actor, Izin.LIHAT_DATA)
    row = _get(session, bukti_id)
    if row.jenis != JenisBukti.BERKAS:
        raise ValidationError("Bukti dukung ini bukan berkas.")
    status = check_berkas(evidence_dir, row)
    if status is not StatusBerkas.ADA:
        keadaan = "tidak ada" if status is StatusBerkas.HILANG else "berubah ukurannya"
        raise NotFound(
            f"Berkas {row.nama_berkas} {keadaan} di folder data ({berkas_path(evidence_dir, row)}).",
            saran="Pulihkan folder bukti dari cadangan, atau hapus bukti ini dan unggah ulang berkasnya.",
        )
    return berkas_path(evidence_dir, row)


def referenced_files(session: Session, evidence_dir: Path) -> list[Path]:
    """Every stored file a live evidence row refers to (what a backup of the data folder must include)."""
    hashes = session.scalars(
        select(BuktiDukung.sha256)
        .where(BuktiDukung.jenis == JenisBukti.BERKAS.value, BuktiDukung.dihapus_pada.is_(None))
        .distinct()
    )
    return [evidence_dir / h[:2] / h for h in hashes if h]
