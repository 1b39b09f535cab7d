"""``apply_import``: carry out a clean plan after a backup, in one transaction, through the staff services.

The import is recorded in the sync log (kind ``roster``) before anything is written, so every audit
entry the services write for it names that record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Kantor, Pegawai, Pengaturan, SyncLog, UnitKerja
from kinerja_desktop.core.db.server_backup import TANPA_CADANGAN
from kinerja_desktop.core.db.session import link_import, log_event
from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.exchange.roster.columns import PEMISAH_UNIT
from kinerja_desktop.core.exchange.roster.model import Aksi, BarisRencana, RosterPlan
from kinerja_desktop.core.exchange.roster.units import PetaUnit
from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.services import pegawai as layanan
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.workspace import Workspace

ALASAN_CADANGAN = "sebelum-impor-pegawai"
#: ``SyncLog.jenis_paket`` of a roster import (packages use ``JenisPaket``).
JENIS_ROSTER = "roster"
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ApplyResult:
    """What the import did, and the backup taken just before it (None for a server database)."""

    ditambah: int
    diubah: int
    diarsipkan: int
    unit_dibuat: int
    cadangan: Path | None

    def lines(self) -> list[str]:
        out = [
            f"Impor selesai: {self.ditambah} pegawai ditambah, {self.diubah} diubah, "
            f"{self.unit_dibuat} unit kerja dibuat."
        ]
        if self.diarsipkan:
            out.append(f"{self.diarsipkan} pegawai baru langsung dicatat nonaktif sesuai kolom Status Aktif.")
        cadangan = TANPA_CADANGAN if self.cadangan is None else f"Cadangan sebelum impor: {self.cadangan}"
        out.append(cadangan)
        return out


def _urutan(rows: list[BarisRencana]) -> list[BarisRencana]:
    """Superiors before their staff, so every link points at a saved, still active pegawai."""
    per_nip = {b.nip: b for b in rows}
    hasil: list[BarisRencana] = []
    selesai: set[str] = set()
    for awal in rows:
        tumpukan: list[BarisRencana] = []
        cursor: BarisRencana | None = awal
        while cursor is not None and cursor.nip not in selesai and cursor not in tumpukan:
            tumpukan.append(cursor)
            cursor = per_nip.get(cursor.atasan_nip)
        for b in reversed(tumpukan):
            selesai.add(b.nip)
            hasil.append(b)
    return hasil


def _create_unit(session: Session, actor: Actor, plan: RosterPlan) -> tuple[PetaUnit, int]:
    asal = [plan.kantor_asal] if plan.kantor_asal else []
    peta = PetaUnit(session, asal)
    dibuat = 0
    for jalur in plan.unit_baru:
        if peta.find(jalur).unit_id is not None:
            continue  # made meanwhile (or a parent listed twice)
        induk_teks, _, nama = jalur.rpartition(PEMISAH_UNIT)
        induk = peta.find(induk_teks).unit_id if induk_teks else peta.root_id
        if induk is None:
            raise ValidationError(f"Unit induk untuk '{jalur}' tidak ditemukan.")
        unit_id = unit_kerja.create_unit(session, actor, nama, induk)
        peta.add(unit_id, nama.strip(), induk)
        dibuat += 1
    return peta, dibuat


def _tahan(session: Session) -> list[object]:
    """The rows the services look up for every pegawai (office, settings, units, staff), kept in memory.

    The session's identity map holds objects weakly; without these references each ``session.get``
    inside the services would be a query again, several per imported row.
    """
    return [
        obj for model in (Kantor, Pengaturan, UnitKerja, Pegawai) for obj in session.scalars(select(model))
    ]


def _write(
    session: Session, actor: Actor, plan: RosterPlan, peta: PetaUnit, progress: Progress | None
) -> tuple[int, int, int]:
    rows = [b for b in plan.baris if b.aksi in (Aksi.TAMBAH, Aksi.UBAH)]
    aktif = select(Pegawai.nip, Pegawai.id).where(Pegawai.dihapus_pada.is_(None))
    ids: dict[str, str] = {nip: pegawai_id for nip, pegawai_id in session.execute(aktif)}
    revisi: dict[str, int] = {
        pegawai_id: rev for pegawai_id, rev in session.execute(select(Pegawai.id, Pegawai.revisi))
    }
    for b in rows:
        if b.aksi is Aksi.UBAH and revisi.get(b.pegawai_id or "") != b.revisi:
            raise ValidationError(
                f"Data {b.nama} (NIP {b.nip}) sudah diubah orang lain setelah pratinjau dibuat.",
                saran="Buat pratinjau impor lagi, lalu lanjutkan.",
            )
    ditambah = diubah = 0
    baru_nonaktif: list[tuple[str, BarisRencana]] = []
    tetap = _tahan(session)
    atasan: dict[str, Pegawai | None] = {}  # superiors created by this import, held likewise
    langkah = max(1, len(rows) // 100)
    for i, b in enumerate(_urutan(rows)):
        if progress is not None and i % langkah == 0:
            progress(i, len(rows), "Menyimpan data pegawai")
        assert b.data is not None
        unit_id = peta.find(b.jalur_unit).unit_id if b.jalur_unit else None
        atasan_id = ids.get(b.atasan_nip) if b.atasan_nip else None
        if atasan_id is not None and atasan_id not in atasan:
            atasan[atasan_id] = session.get(Pegawai, atasan_id)
        data = replace(b.data, unit_kerja_id=unit_id, atasan_id=atasan_id)
        try:
            if b.aksi is Aksi.TAMBAH:
                # create_pegawai flushes the new row itself; its history rows can wait for the next
                # flush instead of costing one more before the next NIP check (half the flushes).
                with session.no_autoflush:
                    ids[b.nip] = layanan.create_pegawai(session, actor, data)
                ditambah += 1
                if b.status_aktif is not StatusAktif.AKTIF:
                    baru_nonaktif.append((ids[b.nip], b))
            else:
                assert b.pegawai_id is not None
                layanan.update_pegawai(session, actor, b.pegawai_id, data)
                diubah += 1
        except KnownError as exc:
            raise ValidationError(
                f"Lembar {plan.lembar}, baris {b.baris} (NIP {b.nip}): {exc.pesan}",
                saran="Tidak ada data yang diubah. Perbaiki berkas, buat pratinjau lagi, lalu impor.",
            ) from exc
    tetap.clear()
    for pegawai_id, b in baru_nonaktif:
        assert b.tanggal_nonaktif is not None
        layanan.archive_pegawai(
            session, actor, pegawai_id, b.status_aktif, b.tanggal_nonaktif, "Impor daftar pegawai"
        )
    return ditambah, diubah, len(baru_nonaktif)


def _sha256(path: Path) -> str:
    """The file's hash, for the record ("" when it is gone since the preview)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def apply_import(
    workspace: Workspace, actor: Actor, plan: RosterPlan, *, progress: Progress | None = None
) -> ApplyResult:
    """Back up, then write the whole plan in one transaction; any failure leaves the database as it was.

    ``progress(done, total, label)`` is called about a hundred times; an exception it raises (a
    cancel) rolls everything back.
    """
    require(actor, Izin.KELOLA_PEGAWAI)
    if not plan.ok:
        raise ValidationError(
            f"Berkas {plan.berkas.name} masih memiliki {len(plan.galat)} kesalahan; tidak ada yang diimpor.",
            saran="Perbaiki kesalahan yang tercantum pada pratinjau, lalu impor lagi.",
        )
    if not plan.ada_perubahan:
        return ApplyResult(0, 0, 0, 0, None)
    cadangan = workspace.backup(actor, reason=ALASAN_CADANGAN) if workspace.is_sqlite else None
    with workspace.transaction(actor) as session:
        catatan = SyncLog(
            arah="impor",
            jenis_paket=JENIS_ROSTER,
            nama_berkas=plan.berkas.name,
            sha256=_sha256(plan.berkas),
            kantor_kode=plan.kantor_asal,
            pengguna_id=actor.pengguna_id,
            username=actor.username,
        )
        link_import(session, catatan)  # the services' audit entries from here on name this import
        peta, unit_dibuat = _create_unit(session, actor, plan)
        ditambah, diubah, diarsipkan = _write(session, actor, plan, peta, progress)
        catatan.jumlah = {
            "total": {"baru": ditambah, "ubah": diubah},
            "unit_dibuat": unit_dibuat,
            "diarsipkan": diarsipkan,
        }
        log_event(
            session,
            "impor",
            f"Impor daftar pegawai dari {plan.berkas.name}: {ditambah} ditambah, {diubah} diubah, "
            f"{unit_dibuat} unit kerja dibuat.",
            tabel="pegawai",
        )
    return ApplyResult(ditambah, diubah, diarsipkan, unit_dibuat, cadangan)
