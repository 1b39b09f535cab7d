"""The unit tree: create, rename, move, set the head, close and reopen, delete only when empty."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.concurrency import ensure_row
from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.model.pegawai import nama_lengkap
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.validation.unit import UNIT_KERJA


@dataclass(frozen=True)
class UnitRow:
    """A unit as the tree and the forms show it."""

    id: str
    nama: str
    kode: str
    induk_id: str | None
    kepala_id: str | None
    kepala_nama: str
    urutan: int
    ditutup_pada: date | None
    jumlah_pegawai: int
    revisi: int = 1

    @property
    def aktif(self) -> bool:
        return self.ditutup_pada is None


def list_units(session: Session, actor: Actor, *, termasuk_ditutup: bool = True) -> list[UnitRow]:
    """Every unit (not deleted), parents before children is not guaranteed: build the tree by ``induk_id``."""
    require(actor, Izin.LIHAT_DATA)
    counts = dict(
        session.execute(
            select(Pegawai.unit_kerja_id, func.count())
            .where(Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None))
            .group_by(Pegawai.unit_kerja_id)
        ).all()
    )
    stmt = (
        select(UnitKerja, Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang)
        .outerjoin(Pegawai, Pegawai.id == UnitKerja.kepala_id)
        .where(UnitKerja.dihapus_pada.is_(None))
        .order_by(UnitKerja.urutan, UnitKerja.nama)
    )
    if not termasuk_ditutup:
        stmt = stmt.where(UnitKerja.ditutup_pada.is_(None))
    rows = []
    for unit, nama, depan, belakang in session.execute(stmt):
        kepala = nama_lengkap(nama or "", depan or "", belakang or "")
        rows.append(
            UnitRow(
                unit.id,
                unit.nama,
                unit.kode,
                unit.induk_id,
                unit.kepala_id,
                kepala,
                unit.urutan,
                unit.ditutup_pada,
                int(counts.get(unit.id, 0)),
                unit.revisi,
            )
        )
    return rows


def _get(session: Session, unit_id: str, revisi: int | None = None) -> UnitKerja:
    """The unit; with ``revisi`` (as a screen read it) refused when someone changed it meanwhile."""
    unit = session.get(UnitKerja, unit_id)
    if unit is not None:
        ensure_row(session, unit, revisi)
    if unit is None or unit.dihapus_pada is not None:
        raise NotFound("Unit kerja tidak ditemukan (mungkin sudah dihapus).")
    return unit


def _check_nama(session: Session, nama: str, induk_id: str | None, except_id: str | None = None) -> str:
    cleaned = UNIT_KERJA.text("nama").ensure(" ".join(nama.split()))
    twin = session.scalar(
        select(UnitKerja.id).where(
            func.lower(UnitKerja.nama) == cleaned.lower(),
            UnitKerja.induk_id.is_(None) if induk_id is None else UnitKerja.induk_id == induk_id,
            UnitKerja.dihapus_pada.is_(None),
            UnitKerja.id != (except_id or ""),
        )
    )
    if twin:
        raise ValidationError(f"Sudah ada unit bernama '{cleaned}' di bawah induk yang sama.", kolom="nama")
    return cleaned


def _check_kepala(session: Session, kepala_id: str | None) -> None:
    if kepala_id is None:
        return
    kepala = session.get(Pegawai, kepala_id)
    if kepala is None or kepala.dihapus_pada is not None or kepala.status_aktif != "aktif":
        raise ValidationError("Kepala unit harus pegawai yang masih aktif.", kolom="kepala")


def create_unit(
    session: Session,
    actor: Actor,
    nama: str,
    induk_id: str | None,
    *,
    kode: str = "",
    kepala_id: str | None = None,
) -> str:
    """A new unit under ``induk_id`` (None only for the office's root unit)."""
    require(actor, Izin.KELOLA_PEGAWAI)
    if induk_id is None:
        raise ValidationError("Pilih unit induk (unit baru berada di bawah unit lain).", kolom="induk")
    induk = _get(session, induk_id)
    if induk.ditutup_pada is not None:
        raise ValidationError(f"Unit induk '{induk.nama}' sudah ditutup.", kolom="induk")
    cleaned = _check_nama(session, nama, induk_id)
    _check_kepala(session, kepala_id)
    urutan = session.scalar(
        select(func.coalesce(func.max(UnitKerja.urutan), 0)).where(UnitKerja.induk_id == induk_id)
    )
    unit = UnitKerja(
        kantor_id=induk.kantor_id,
        induk_id=induk_id,
        nama=cleaned,
        kode=kode.strip(),
        kepala_id=kepala_id,
        urutan=int(urutan or 0) + 1,
    )
    session.add(unit)
    session.flush()
    return unit.id


def update_unit(
    session: Session,
    actor: Actor,
    unit_id: str,
    *,
    nama: str,
    kode: str,
    kepala_id: str | None,
    revisi: int | None = None,
) -> None:
    """Rename, change the code, or set the head of a unit; ``revisi`` as the dialog read it."""
    require(actor, Izin.KELOLA_PEGAWAI)
    unit = _get(session, unit_id, revisi)
    unit.nama = _check_nama(session, nama, unit.induk_id, except_id=unit.id)
    _check_kepala(session, kepala_id)
    unit.kode = kode.strip()
    unit.kepala_id = kepala_id


def move_unit(
    session: Session, actor: Actor, unit_id: str, induk_baru_id: str, *, revisi: int | None = None
) -> None:
    """Put a unit (with its sub-units) under another parent; a unit cannot move below itself."""
    require(actor, Izin.KELOLA_PEGAWAI)
    unit = _get(session, unit_id, revisi)
    if unit.induk_id is None:
        raise ValidationError("Unit teratas (kantor) tidak bisa dipindahkan.")
    induk = _get(session, induk_baru_id)
    cursor: UnitKerja | None = induk
    while cursor is not None:
        if cursor.id == unit.id:
            raise ValidationError(
                f"'{unit.nama}' tidak bisa dipindahkan ke bawah '{induk.nama}' "
                "karena itu sub-unitnya sendiri.",
                kolom="induk",
            )
        cursor = session.get(UnitKerja, cursor.induk_id) if cursor.induk_id else None
    if induk.ditutup_pada is not None:
        raise ValidationError(f"Unit induk '{induk.nama}' sudah ditutup.", kolom="induk")
    _check_nama(session, unit.nama, induk.id, except_id=unit.id)
    unit.induk_id = induk.id


def _active_staff(session: Session, unit_id: str) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Pegawai)
            .where(
                Pegawai.unit_kerja_id == unit_id,
                Pegawai.status_aktif == "aktif",
                Pegawai.dihapus_pada.is_(None),
            )
        )
        or 0
    )


def _open_children(session: Session, unit_id: str) -> list[str]:
    return list(
        session.scalars(
            select(UnitKerja.nama).where(
                UnitKerja.induk_id == unit_id,
                UnitKerja.ditutup_pada.is_(None),
                UnitKerja.dihapus_pada.is_(None),
            )
        )
    )


def _ensure_empty(session: Session, unit: UnitKerja, verb: str) -> None:
    staff = _active_staff(session, unit.id)
    if staff:
        raise ValidationError(
            f"Unit '{unit.nama}' masih memiliki {staff} pegawai aktif sehingga tidak bisa {verb}.",
            saran="Pindahkan pegawainya ke unit lain terlebih dahulu.",
        )
    children = _open_children(session, unit.id)
    if children:
        raise ValidationError(
            f"Unit '{unit.nama}' masih memiliki sub-unit aktif ({', '.join(children[:3])}) "
            f"sehingga tidak bisa {verb}.",
            saran="Tutup atau pindahkan sub-unitnya terlebih dahulu.",
        )


def close_unit(
    session: Session, actor: Actor, unit_id: str, tanggal: date | None = None, *, revisi: int | None = None
) -> None:
    """Mark a unit closed (kept for history); refused while it has active staff or open sub-units."""
    require(actor, Izin.KELOLA_PEGAWAI)
    unit = _get(session, unit_id, revisi)
    if unit.induk_id is None:
        raise ValidationError("Unit teratas (kantor) tidak bisa ditutup.")
    _ensure_empty(session, unit, "ditutup")
    unit.ditutup_pada = tanggal or date.today()


def reopen_unit(session: Session, actor: Actor, unit_id: str, *, revisi: int | None = None) -> None:
    require(actor, Izin.KELOLA_PEGAWAI)
    unit = _get(session, unit_id, revisi)
    if unit.induk_id:
        induk = _get(session, unit.induk_id)
        if induk.ditutup_pada is not None:
            raise ValidationError(f"Buka dulu unit induknya, '{induk.nama}'.")
    unit.ditutup_pada = None


def delete_unit(session: Session, actor: Actor, unit_id: str, *, revisi: int | None = None) -> None:
    """Delete (as a tombstone that travels) a unit that never held anyone now; else say why not."""
    require(actor, Izin.KELOLA_PEGAWAI)
    unit = _get(session, unit_id, revisi)
    if unit.induk_id is None:
        raise ValidationError("Unit teratas (kantor) tidak bisa dihapus.")
    _ensure_empty(session, unit, "dihapus")
    anyone = session.scalar(select(func.count()).select_from(Pegawai).where(Pegawai.unit_kerja_id == unit.id))
    if anyone:
        raise ValidationError(
            f"Unit '{unit.nama}' pernah memiliki pegawai (kini nonaktif) sehingga tidak dihapus.",
            saran="Tutup unit ini saja agar riwayatnya tetap utuh.",
        )
    unit.dihapus_pada = utcnow()


def root_unit_id(session: Session) -> str:
    """The office's own unit (the root of the tree)."""
    info = kantor.get_kantor(session)
    unit_id = session.scalar(
        select(UnitKerja.id)
        .where(UnitKerja.kantor_id == info.id, UnitKerja.induk_id.is_(None), UnitKerja.dihapus_pada.is_(None))
        .order_by(UnitKerja.urutan)
    )
    if unit_id is None:
        raise NotFound("Unit teratas kantor tidak ditemukan.")
    return unit_id


def subtree_ids(session: Session, actor: Actor, unit_id: str) -> set[str]:
    """The unit and every unit below it (closed ones included)."""
    require(actor, Izin.LIHAT_DATA)
    children: dict[str | None, list[str]] = {}
    for child_id, parent_id in session.execute(
        select(UnitKerja.id, UnitKerja.induk_id).where(UnitKerja.dihapus_pada.is_(None))
    ):
        children.setdefault(parent_id, []).append(child_id)
    found: set[str] = set()
    queue = [unit_id]
    while queue:
        current = queue.pop()
        if current not in found:
            found.add(current)
            queue.extend(children.get(current, []))
    return found
