"""Office ↔ central exchange, one action each: export a package, plan and apply a file, the history."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop import __version__
from kinerja_desktop.core.db.models import Kantor, Pegawai, Skp, SyncLog
from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.apply import HasilImpor, apply_plan
from kinerja_desktop.core.exchange.paket.build import build_paket_induk, build_paket_kantor
from kinerja_desktop.core.exchange.paket.labels import LEMBAR_SIASN
from kinerja_desktop.core.exchange.paket.model import InfoPaket, JenisPaket
from kinerja_desktop.core.exchange.paket.plan.model import Pilihan, RencanaImpor
from kinerja_desktop.core.exchange.paket.plan.planner import plan_paket
from kinerja_desktop.core.exchange.paket.plan.sender import saran_ekspor_ulang
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket, read_paket_info
from kinerja_desktop.core.exchange.paket.schema import jenis_tabel
from kinerja_desktop.core.exchange.paket.siasn import baris_siasn
from kinerja_desktop.core.exchange.paket.signature import is_signed, verify_info
from kinerja_desktop.core.exchange.paket.sync_base import kunci_mitra, record_export
from kinerja_desktop.core.exchange.paket.writer.workbook import write_paket
from kinerja_desktop.core.exchange.roster.apply import JENIS_ROSTER
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import kantor, kunci_kantor
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.kunci_kantor import KunciKantor
from kinerja_desktop.core.workspace import Workspace

Kemajuan = Callable[[int, int, str], None]  # (done, total, what) — raise to cancel
#: How an office names the central office (receiver, sync log) while it does not know its code yet.
#: Only a name: the sync base of an office keys the central office as ``dasar.MITRA_PUSAT`` whether or
#: not its code is known, so bases recorded before the first paket induk still count afterwards.
PUSAT_BAWAAN = "PUSAT"


def sha256_berkas(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for potong in iter(lambda: f.read(1 << 20), b""):
            h.update(potong)
    return h.hexdigest()


def _report(kemajuan: Kemajuan | None, label: str) -> Callable[[int, int], bool]:
    def report(selesai: int, jumlah: int) -> bool:
        if kemajuan is not None:
            kemajuan(selesai, jumlah, label)
        return True

    return report


def kode_pusat(session: Session) -> str:
    """The central office's code as known here (from a paket induk received), else ``PUSAT_BAWAAN``."""
    sendiri = kantor.get_kantor(session).kode
    kode = session.scalar(
        select(Kantor.kode).where(
            Kantor.is_pusat.is_(True), Kantor.kode != sendiri, Kantor.dihapus_pada.is_(None)
        )
    )
    return kode or PUSAT_BAWAAN


def kantor_tujuan(session: Session) -> list[tuple[str, str]]:
    """(kode, nama) of every office held here other than this one: those a paket induk can be made for."""
    sendiri = kantor.get_kantor(session).kode
    rows = session.execute(
        select(Kantor.kode, Kantor.nama)
        .where(Kantor.kode != sendiri, Kantor.dihapus_pada.is_(None))
        .order_by(Kantor.nama)
    )
    return [(kode, nama) for kode, nama in rows]


def tahun_tersedia(session: Session) -> list[int]:
    """The years that have SKPs here, newest first (a package can hold one year or all)."""
    return list(session.scalars(select(Skp.tahun).distinct().order_by(Skp.tahun.desc())))


@dataclass(frozen=True)
class HasilEkspor:
    """A package written: where, what it holds per sheet, and for whom."""

    path: Path
    info: InfoPaket
    tujuan: str
    siasn: int | None = None  # rows of the SIASN sheet (None: no SIASN sheet)

    @property
    def per_lembar(self) -> list[tuple[str, int]]:
        return [(jenis_tabel(t).lembar, n) for t, n in self.info.jumlah.items()]

    @property
    def total(self) -> int:
        return sum(self.info.jumlah.values())

    @property
    def penerima(self) -> str:
        """ "kantor pusat (BKPSDM)", "kantor pusat" while its code is unknown, or "kantor PLJ"."""
        if self.info.jenis is JenisPaket.INDUK:
            return f"kantor {self.tujuan}"
        return "kantor pusat" if self.tujuan == PUSAT_BAWAAN else f"kantor pusat ({self.tujuan})"

    def lines(self) -> list[str]:
        tahun = f"tahun {self.info.tahun}" if self.info.tahun else "semua tahun"
        out = [
            f"{self.info.jenis.label} ({tahun}) untuk {self.penerima}: {format_angka(self.total)} baris "
            f"disimpan ke {self.path}."
        ]
        out += [f"  {lembar:<28} {n:>8}" for lembar, n in self.per_lembar if n]
        if self.siasn is not None:
            out.append(f"  {LEMBAR_SIASN:<28} {self.siasn:>8}  (untuk SIASN; tidak ikut diimpor)")
        return out


def _check_siasn(siasn: bool, di_pusat: bool, induk_untuk: str | None) -> None:
    if siasn and not di_pusat:
        raise KnownError(
            "Lembar SIASN hanya dibuat di kantor pusat.",
            saran="Di kantor ini buat paket kantor tanpa lembar SIASN, lalu kirim ke kantor pusat.",
        )
    if siasn and induk_untuk is not None:
        raise KnownError(
            "Lembar SIASN memuat hasil penilaian semua kantor, jadi tidak disertakan pada paket induk untuk "
            "satu kantor.",
            saran="Buat ekspor tersendiri dengan lembar SIASN (tanpa paket induk).",
        )


def export_paket(
    ws: Workspace,
    actor: Actor,
    path: Path,
    *,
    tahun: int | None = None,
    induk_untuk: str | None = None,
    siasn: bool = False,
    kemajuan: Kemajuan | None = None,
) -> HasilEkspor:
    """Write this office's paket kantor (or, at the central office, a paket induk for ``induk_untuk``).

    Nothing is recorded until the file is written; then the rows sent become the version agreed with
    the receiver (at an office under ``MITRA_PUSAT``, the key it uses for its central office whether
    or not its code is known yet), and the sync log and audit log say so. ``siasn`` (central office,
    paket kantor only) adds the SIASN sheet: the final evaluations of every office held here for
    ``tahun``, shaped like SIASN's kinerja periodik upload. It is for central staff and is not imported.
    """
    require(actor, Izin.SINKRONISASI)
    path = Path(path)
    with ws.read() as s:
        sendiri = kantor.get_kantor(s)
        _check_siasn(siasn, sendiri.is_pusat, induk_untuk)
        if induk_untuk is not None:
            kode = induk_untuk.strip().upper()
            if not sendiri.is_pusat:
                raise KnownError(
                    "Paket induk hanya dibuat oleh kantor pusat.",
                    saran="Di kantor ini buat paket kantor, lalu kirim ke kantor pusat.",
                )
            if kode not in {k for k, _ in kantor_tujuan(s)}:
                raise KnownError(
                    f"Kantor dengan kode {kode} belum ada di basis data ini.",
                    saran="Impor dulu paket kantor dari kantor itu, lalu buat paket induknya.",
                )
            paket = build_paket_induk(
                s, kode, tahun, __version__, kemajuan=_report(kemajuan, "Mengambil data…")
            )
            tujuan = mitra = kode
        else:
            paket = build_paket_kantor(
                s, sendiri.kode, tahun, __version__, kemajuan=_report(kemajuan, "Mengambil data…")
            )
            tujuan = kode_pusat(s)
            if siasn:  # every pegawai held here, of every office
                paket.siasn = baris_siasn(s, select(Pegawai.id), tahun)
            mitra = kunci_mitra(tujuan, di_pusat=sendiri.is_pusat, mitra_pusat=True)
    write_paket(paket, path, _report(kemajuan, f"Menulis {path.name}…"))
    sha = sha256_berkas(path)
    info = paket.info
    with ws.transaction(actor) as s:
        record_export(s, paket, mitra)
        s.add(
            SyncLog(
                arah="ekspor",
                jenis_paket=info.jenis.value,
                nama_berkas=path.name,
                sha256=sha,
                kantor_kode=tujuan,
                tahun=info.tahun,
                jumlah={"lembar": dict(info.jumlah), "total": {"baris": sum(info.jumlah.values())}},
                pengguna_id=actor.pengguna_id,
                username=actor.username,
                keterangan=f"checksum {info.checksum}",
            )
        )
        log_event(
            s,
            "ekspor",
            f"Ekspor {info.jenis.label.lower()} untuk {tujuan} ke {path.name}: "
            f"{sum(info.jumlah.values())} baris.",
            tabel="sync_log",
        )
    return HasilEkspor(path, info, tujuan, None if paket.siasn is None else len(paket.siasn))


@dataclass
class RencanaBerkas:
    """The plan of one file, with the file's hash (which recognises a re-import)."""

    path: Path
    sha256: str
    rencana: RencanaImpor

    @property
    def nama(self) -> str:
        return self.path.name


def plan_file(ws: Workspace, actor: Actor, path: Path, kemajuan: Kemajuan | None = None) -> RencanaBerkas:
    """Read ``path`` and plan its import; nothing is written. Not a sound package: KnownError."""
    require(actor, Izin.SINKRONISASI)
    path = Path(path)
    hasil = read_paket(path, _report(kemajuan, f"Membaca {path.name}…"))
    sha = sha256_berkas(path)
    if kemajuan is not None:
        kemajuan(0, 0, f"Membandingkan {path.name} dengan data di sini…")
    with ws.read() as s:
        rencana = plan_paket(
            s, actor, hasil.paket, hasil.masalah, sha256=sha, checksum_cocok=hasil.checksum_cocok
        )
    return RencanaBerkas(path, sha, rencana)


def import_file(
    ws: Workspace,
    actor: Actor,
    rb: RencanaBerkas,
    *,
    pilihan: dict[tuple[str, str], Pilihan] | None = None,
    semua: Pilihan | None = None,
) -> HasilImpor:
    """Apply a planned file (after a backup, all or nothing)."""
    return apply_plan(ws, actor, rb.rencana, pilihan, semua, rb.nama, rb.sha256)


@dataclass(frozen=True)
class KunciDiPaket:
    """The key a package is signed with, beside the key pinned here for its office (accepting a new key)."""

    path: Path
    info: InfoPaket
    tersimpan: KunciKantor | None  # None: nothing pinned for that office yet

    @property
    def kunci(self) -> KunciKantor:
        return KunciKantor(self.info.kantor_kode, self.info.kunci_publik)

    @property
    def kantor(self) -> str:
        """ "Kecamatan Plaju (PLJ)" """
        return f"{self.info.kantor_nama} ({self.info.kantor_kode})"


def _check_key_source(info: InfoPaket, nama: str) -> None:
    """A key is accepted only from a package whose Info fields its own signature covers."""
    if not is_signed(info):
        raise KnownError(
            f"Paket {nama} tidak bertanda tangan (dibuat dengan versi lama), jadi tidak memuat kunci.",
            saran=f"Minta kantor {info.kantor_kode} memperbarui Kinerja Desktop, lalu mengekspor ulang "
            "paketnya.",
        )
    if not verify_info(info):
        raise KnownError(
            f"Lembar Info paket {nama} diubah setelah diekspor: tanda tangannya tidak cocok lagi dengan "
            "isinya, jadi kuncinya tidak bisa diterima.",
            saran=saran_ekspor_ulang(info.kantor_kode),
        )


def read_key(ws: Workspace, actor: Actor, path: Path, kode: str | None = None) -> KunciDiPaket:
    """The key ``path`` is signed with and the key pinned for its office; only the Info sheet is read.

    ``kode``: the office the key is expected from (the package must be that office's).
    """
    require(actor, Izin.TERIMA_KUNCI)
    path = Path(path)
    info = read_paket_info(path)
    _check_key_source(info, path.name)
    if kode is not None and info.kantor_kode != kode.strip().upper():
        raise KnownError(
            f"Paket {path.name} dibuat oleh kantor {info.kantor_kode}, bukan kantor {kode.strip().upper()}.",
            saran="Pilih paket dari kantor yang kuncinya akan diterima.",
        )
    with ws.read() as s:
        if info.kantor_kode == kantor.get_kantor(s).kode:
            raise KnownError(
                f"Paket {path.name} dibuat oleh kantor ini sendiri; kunci kantor ini tidak diterima dari "
                "paket.",
                saran="Pilih paket yang diterima dari kantor lain.",
            )
        tersimpan = kunci_kantor.pinned_key(s, info.kantor_kode)
    return KunciDiPaket(path, info, tersimpan)


def accept_key(session: Session, actor: Actor, dari: KunciDiPaket, alasan: str) -> KunciKantor:
    """An administrator accepts the key of package ``dari`` as its office's key from now on, with a
    reason (audited); the next package signed with it imports."""
    _check_key_source(dari.info, dari.path.name)
    return kunci_kantor.accept_key(session, actor, dari.info.kantor_kode, dari.info.kunci_publik, alasan)


@dataclass(frozen=True)
class EntriRiwayat:
    """One line of the sync log as the history table shows it."""

    waktu: datetime
    arah: str
    jenis: str
    nama_berkas: str
    kantor_kode: str
    username: str
    jumlah: dict[str, Any]

    @property
    def arah_label(self) -> str:
        return "Impor" if self.arah == "impor" else "Ekspor"

    @property
    def jenis_label(self) -> str:
        if self.jenis == JENIS_ROSTER:
            return "Daftar pegawai"
        return JenisPaket(self.jenis).label if self.jenis in {j.value for j in JenisPaket} else self.jenis

    def ringkas(self) -> str:
        total = self.jumlah.get("total", {}) if self.jumlah else {}
        if self.arah != "impor":
            return f"{total.get('baris', 0)} baris"
        label = {"baru": "baru", "ubah": "berubah", "sama": "sama", "usang": "usang", "konflik": "konflik"}
        return ", ".join(f"{total.get(k, 0)} {v}" for k, v in label.items() if total.get(k))


def riwayat(session: Session, actor: Actor, batas: int = 500) -> list[EntriRiwayat]:
    """The newest ``batas`` entries of the sync log."""
    require(actor, Izin.SINKRONISASI)
    t = SyncLog
    rows = session.scalars(select(t).order_by(t.waktu.desc(), t.id.desc()).limit(batas))
    return [
        EntriRiwayat(r.waktu, r.arah, r.jenis_paket, r.nama_berkas, r.kantor_kode, r.username, r.jumlah or {})
        for r in rows
    ]
