"""Bukti dukung per RHK and period: a note, a link, or a file kept under its hash (``bukti_store``)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.concurrency import ensure_row
from kinerja_desktop.core.db.models import AuditLog, BuktiDukung, SyncLog
from kinerja_desktop.core.errors import KnownError, NotFound, ValidationError
from kinerja_desktop.core.model.skp import JenisBukti as JenisBukti
from kinerja_desktop.core.paths import private_dir
from kinerja_desktop.core.rules.periode import Periode, periode
from kinerja_desktop.core.rules.tanggal import format_tanggal
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.bukti_store import MAKS_UKURAN as MAKS_UKURAN
from kinerja_desktop.core.services.bukti_store import BuktiStore, FolderStore, store_for, write_file
from kinerja_desktop.core.services.realisasi import check_periode, ensure_progress
from kinerja_desktop.core.services.skp.access import get_rhk_row, get_skp_row, live_rhk
from kinerja_desktop.core.validation.base import raise_first
from kinerja_desktop.core.validation.realisasi import BUKTI_DUKUNG, tautan_problem


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
    tersimpan = store_for(session, evidence_dir).put(session, source)
    row = BuktiDukung(
        rhk_id=rhk,
        periode=kode,
        jenis=JenisBukti.BERKAS.value,
        keterangan=teks,
        nama_berkas=source.name[:255],
        sha256=tersimpan.sha256,
        ukuran=tersimpan.ukuran,
    )
    return _add(session, row)


def _get(session: Session, bukti_id: str, revisi: int | None = None) -> BuktiDukung:
    row = session.get(BuktiDukung, bukti_id)
    if row is not None:
        ensure_row(session, row, revisi)
    if row is None or row.dihapus_pada is not None:
        raise NotFound("Bukti dukung tidak ditemukan (mungkin sudah dihapus).")
    return row


def delete_bukti(
    session: Session, actor: Actor, bukti_id: str, evidence_dir: Path, *, revisi: int | None = None
) -> None:
    """Delete (tombstone) evidence; its stored content goes with it unless another live row uses it
    (in the data folder after the commit, on a server in the same transaction).
    ``revisi`` as the list read it: evidence changed (or deleted) meanwhile is refused."""
    row = _get(session, bukti_id, revisi)
    _, skp = get_rhk_row(session, row.rhk_id)
    ensure_progress(session, actor, skp, periode(row.periode))
    row.dihapus_pada = utcnow()
    session.flush()
    if row.jenis == JenisBukti.BERKAS and row.sha256:
        store_for(session, evidence_dir).discard(session, row.sha256)


def status_of(tersimpan: int | None, ukuran: int) -> StatusBerkas:
    """The status of content stored with size ``tersimpan`` (None: not there) for a row of ``ukuran``."""
    if tersimpan is None:
        return StatusBerkas.HILANG
    return StatusBerkas.ADA if tersimpan == ukuran else StatusBerkas.BERUBAH


def check_berkas(session: Session, evidence_dir: Path, row: BuktiRow | BuktiDukung) -> StatusBerkas:
    """Is the stored content there with its recorded size? Missing is a status, never an exception."""
    return status_of(
        store_for(session, evidence_dir).sizes(session, [row.sha256]).get(row.sha256), row.ukuran
    )


def _row(b: BuktiDukung, sizes: dict[str, int] | None) -> BuktiRow:
    status = ""
    if sizes is not None and b.jenis == JenisBukti.BERKAS:
        status = status_of(sizes.get(b.sha256), b.ukuran).value
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
    """Evidence of an RHK in a period, oldest first; with ``evidence_dir`` each file's status is checked
    (in the data folder, or on the server for a central office)."""
    require(actor, Izin.LIHAT_DATA)
    rhk, _ = get_rhk_row(session, rhk_id)
    p = check_periode(session, kode_periode)
    rows = list(
        session.scalars(
            select(BuktiDukung)
            .where(
                BuktiDukung.rhk_id == rhk.id,
                BuktiDukung.periode == p.kode,
                BuktiDukung.dihapus_pada.is_(None),
            )
            .order_by(BuktiDukung.diubah_pada, BuktiDukung.id)
        )
    )
    sizes = None
    if evidence_dir is not None:
        hashes = {b.sha256 for b in rows if b.jenis == JenisBukti.BERKAS and b.sha256}
        sizes = store_for(session, evidence_dir).sizes(session, hashes)
    return [_row(b, sizes) for b in rows]


def bukti_evaluasi(
    session: Session, actor: Actor, skp_id: str, kode_periode: str, evidence_dir: Path
) -> dict[str, list[BuktiRow]]:
    """Evidence of every RHK of the SKP for an evaluation period (the annual one: every period of the
    year, in period order), per RHK id, oldest first, each file's status checked. One query."""
    require(actor, Izin.LIHAT_DATA)
    skp = get_skp_row(session, skp_id)
    p = periode(kode_periode)
    rhk_ids = [r.id for r in live_rhk(session, skp.id)]
    stmt = select(BuktiDukung).where(BuktiDukung.rhk_id.in_(rhk_ids), BuktiDukung.dihapus_pada.is_(None))
    if not p.is_akhir:
        stmt = stmt.where(BuktiDukung.periode == p.kode)
    rows = list(session.scalars(stmt.order_by(BuktiDukung.diubah_pada, BuktiDukung.id)))
    rows.sort(key=lambda b: Periode(b.periode).urutan)  # stable: oldest first within a period
    hashes = {b.sha256 for b in rows if b.jenis == JenisBukti.BERKAS and b.sha256}
    sizes = store_for(session, evidence_dir).sizes(session, hashes)
    hasil: dict[str, list[BuktiRow]] = {rhk_id: [] for rhk_id in rhk_ids}
    for b in rows:
        hasil[b.rhk_id].append(_row(b, sizes))
    return hasil


def _berkas_row(session: Session, actor: Actor, bukti_id: str) -> BuktiDukung:
    require(actor, Izin.LIHAT_DATA)
    row = _get(session, bukti_id)
    if row.jenis != JenisBukti.BERKAS:
        raise ValidationError("Bukti dukung ini bukan berkas.")
    return row


_SARAN_PAKET = (
    "Minta berkasnya dari kantor asal, lalu hapus bukti ini dan lampirkan berkas itu di sini, bila perlu."
)


def _ready(session: Session, row: BuktiDukung, store: BuktiStore) -> None:
    """NotFound, saying where the content should be and what to do, unless it is there intact."""
    status = status_of(store.sizes(session, [row.sha256]).get(row.sha256), row.ukuran)
    if status is StatusBerkas.ADA:
        return
    keadaan = "tidak ada" if status is StatusBerkas.HILANG else "berubah ukurannya"
    asal, dari_paket = _asal(session, row)
    if isinstance(store, FolderStore):
        pesan = f"Berkas {row.nama_berkas} {keadaan} di folder data ({store.path(row.sha256)})."
        saran = "Pulihkan folder bukti dari cadangan, atau hapus bukti ini dan unggah ulang berkasnya."
    else:
        pesan = f"Berkas {row.nama_berkas} {keadaan} di {store.tempat}."
        saran = (
            "Buka Kinerja Desktop di komputer tempat berkas itu dilampirkan: berkas yang masih ada di "
            "folder datanya diunggah ke server saat aplikasi dibuka. Bila tidak ada lagi di sana, hapus "
            "bukti ini dan lampirkan ulang berkasnya."
        )
    raise NotFound(f"{pesan} {asal}".strip(), saran=_SARAN_PAKET if dari_paket else saran)


def asal_berkas(session: Session, row: BuktiDukung) -> str:
    """Who attached the file and when, as the audit log knows it (one sentence; empty when unknown)."""
    return _asal(session, row)[0]


def _asal(session: Session, row: BuktiDukung) -> tuple[str, bool]:
    entry = session.execute(
        select(AuditLog.username, AuditLog.waktu, AuditLog.sync_log_id)
        .where(AuditLog.tabel == BuktiDukung.__tablename__, AuditLog.baris_id == row.id)
        .where(AuditLog.aksi == "tambah")
        .order_by(AuditLog.id)
        .limit(1)
    ).first()
    if entry is None:
        return (f"Berkas ini dicatat oleh kantor {row.kantor_asal}." if row.kantor_asal else ""), False
    username, waktu, impor = entry
    if impor is not None:
        paket = session.get(SyncLog, impor)
        nama = f" {paket.nama_berkas}" if paket is not None and paket.nama_berkas else ""
        kalimat = (
            f"Bukti ini datang dari paket{nama} kantor {row.kantor_asal or '-'}; isi berkasnya tidak ikut "
            "dalam paket."
        )
        return kalimat, True
    return (
        f"Berkas ini dilampirkan oleh pengguna {username or 'sistem'} pada "
        f"{format_tanggal(waktu.astimezone().date())}.",
        False,
    )


def simpan_berkas(session: Session, actor: Actor, bukti_id: str, evidence_dir: Path, target: Path) -> Path:
    """Save the file's content as ``target`` (the user's choice, "Simpan sebagai")."""
    row = _berkas_row(session, actor, bukti_id)
    store = store_for(session, evidence_dir)
    _ready(session, row, store)
    try:
        write_file(store, session, row.sha256, target)
    except OSError as exc:
        raise KnownError(
            f"Berkas {row.nama_berkas} gagal disimpan ke {target}: {exc.strerror or exc}.",
            saran="Pilih folder lain yang boleh ditulisi dan masih punya ruang.",
        ) from exc
    return target


def berkas_untuk_dibuka(session: Session, actor: Actor, bukti_id: str, evidence_dir: Path) -> Path:
    """A copy under the original name in the temp folder, for the system viewer (the store names files
    by their hash, without an extension; a server has no file at all). Reused while it is intact."""
    row = _berkas_row(session, actor, bukti_id)
    store = store_for(session, evidence_dir)
    _ready(session, row, store)
    folder = Path(tempfile.gettempdir()) / "kinerja-bukti" / row.sha256[:16]
    target = folder / (Path(row.nama_berkas).name or row.sha256)
    try:
        private_dir(folder.parent)
        private_dir(folder)
        if not target.is_file() or target.stat().st_size != row.ukuran:
            write_file(store, session, row.sha256, target)
    except OSError as exc:
        raise KnownError(
            f"Berkas {row.nama_berkas} tidak bisa disiapkan untuk dibuka: {exc.strerror or exc}.",
            saran="Periksa sisa ruang penyimpanan komputer ini, lalu coba lagi.",
        ) from exc
    return target


def berkas_path(evidence_dir: Path, row: BuktiRow | BuktiDukung) -> Path:
    """Where a file's content is kept in a data folder: ``<evidence>/<first two hex digits>/<sha256>``."""
    return FolderStore(evidence_dir).path(row.sha256)


def referenced_files(session: Session, evidence_dir: Path) -> list[Path]:
    """Every data-folder file a live evidence row refers to (what a backup of a SQLite office copies)."""
    hashes = session.scalars(
        select(BuktiDukung.sha256)
        .where(BuktiDukung.jenis == JenisBukti.BERKAS.value, BuktiDukung.dihapus_pada.is_(None))
        .distinct()
    )
    return [FolderStore(evidence_dir).path(h) for h in hashes if h]
