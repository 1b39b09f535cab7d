"""Audit entries as sentences: "Operator Sinta mengubah Jabatan Budi Santoso: A → B"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.core.services.audit.daftar import AuditRow
from kinerja_desktop.core.services.audit.label import (
    AKSI,
    RUJUKAN,
    TEKNIS,
    format_nilai,
    format_waktu,
    format_waktu_singkat,
    label_aksi,
    label_entitas,
    label_kolom,
    peran_singkat,
    urutan_kolom,
)
from kinerja_desktop.core.services.audit.nama import DaftarNama, singkat

KOSONG = "(kosong)"
_PALING_BANYAK = 3
#: Events whose sentence names the row they are about ("membuka kembali Evaluasi Triwulan I 2026 …").
_DENGAN_OBJEK = frozenset({"buka_kunci", "buka_evaluasi", "akui_distribusi", "gabung"})
#: Event notes that add nothing to their verb.
_CATATAN_KOSONG = frozenset({"Masuk"})
_STATUS_SKP = {
    "diajukan": "mengajukan",
    "disetujui": "menyetujui",
    "ditolak": "menolak",
    "draft": "mengembalikan {} ke draf",
    "diganti": "menandai {} diganti revisi",
}


@dataclass(frozen=True)
class Perubahan:
    """One field of an entry: its label and its values before and after, as words ("" when empty)."""

    kolom: str
    label: str
    sebelum: str
    sesudah: str


@dataclass(frozen=True)
class EntriAudit:
    """An audit entry as the log screen shows it."""

    row: AuditRow
    waktu: str
    waktu_lengkap: str
    pelaku: str
    kalimat: str
    jenis: str
    perubahan: tuple[Perubahan, ...]

    @property
    def id(self) -> int:
        return self.row.id


def susun(session: Session, rows: list[AuditRow]) -> list[EntriAudit]:
    """``rows`` as sentences, every name they need read in a few bulk queries."""
    names = DaftarNama()
    minta_nama(names, rows)
    names.muat(session)
    return [entri(row, names) for row in rows]


def minta_nama(names: DaftarNama, rows: list[AuditRow]) -> None:
    """Ask ``names`` for every name ``rows`` will need: actors, rows, and rows their values point at."""
    for row in rows:
        names.minta("pengguna", row.pengguna_id or "")
        names.minta(row.tabel, row.baris_id, row.sesudah, row.sebelum)
        for values in (row.sebelum, row.sesudah):
            for kolom, value in (values or {}).items():
                if kolom in RUJUKAN and isinstance(value, str):
                    names.minta(RUJUKAN[kolom], value)


def pelaku(row: AuditRow, names: DaftarNama) -> str:
    """Who did it: "Operator Sinta"; "Sistem" when no one was logged in."""
    akun = names.pengguna(row.pengguna_id)
    if akun:
        peran, nama = peran_singkat(str(akun.get("peran", ""))), str(akun.get("nama") or akun.get("username"))
        return nama if nama.lower().startswith(peran.lower()) else f"{peran} {nama}"
    if row.pengguna_id is None:
        return "Seseorang" if row.aksi == "login_gagal" else "Sistem"
    return f"Pengguna {row.username}"


def perubahan(row: AuditRow, names: DaftarNama) -> tuple[Perubahan, ...]:
    """Every field the entry holds, in form order, values as words."""
    before, after = row.sebelum or {}, row.sesudah or {}
    kolom = sorted(set(before) | set(after), key=lambda k: urutan_kolom(row.tabel, k))
    return tuple(
        Perubahan(
            k,
            label_kolom(row.tabel, k),
            format_nilai(row.tabel, k, before.get(k), names.nama),
            format_nilai(row.tabel, k, after.get(k), names.nama),
        )
        for k in kolom
    )


def entri(row: AuditRow, names: DaftarNama) -> EntriAudit:
    fields = perubahan(row, names)
    siapa = pelaku(row, names)
    return EntriAudit(
        row=row,
        waktu=format_waktu_singkat(row.waktu),
        waktu_lengkap=format_waktu(row.waktu),
        pelaku=siapa,
        kalimat=kalimat(row, names, fields, siapa),
        jenis=label_entitas(row.tabel) if row.tabel else label_aksi(row.aksi),
        perubahan=fields,
    )


def kalimat(row: AuditRow, names: DaftarNama, fields: tuple[Perubahan, ...], siapa: str = "") -> str:
    """The entry as one sentence, its actor (``pelaku``, found when not given) first."""
    siapa = siapa or pelaku(row, names)
    if row.aksi in ("tambah", "hapus"):
        return f"{siapa} {AKSI[row.aksi].kata_kerja} {names.sebutan(row.tabel, row.baris_id)}"
    if row.aksi == "ubah":
        return f"{siapa} {_ubah(row, names, fields)}"
    if row.aksi == "akun_terkunci":
        return _dengan_catatan(f"Akun {siapa} dikunci sementara", row.keterangan)
    aksi = AKSI.get(row.aksi)
    kata = aksi.kata_kerja if aksi else f"mencatat {label_aksi(row.aksi).lower()}"
    if row.aksi in _DENGAN_OBJEK and row.tabel and row.baris_id:
        kata = f"{kata} {names.sebutan(row.tabel, row.baris_id)}"
    return _dengan_catatan(f"{siapa} {kata}", row.keterangan)


def _dengan_catatan(teks: str, keterangan: str) -> str:
    catatan = keterangan.strip()
    if not catatan or catatan in _CATATAN_KOSONG:
        return teks
    return f"{teks} — {catatan}"


def _objek_ubah(row: AuditRow, names: DaftarNama) -> str:
    """An entry's row as an object of "mengubah": a pegawai by name alone (as a clerk says it)."""
    if row.tabel == "pegawai":
        return names.nama("pegawai", row.baris_id) or names.sebutan(row.tabel, row.baris_id)
    return names.sebutan(row.tabel, row.baris_id)


def _ubah(row: AuditRow, names: DaftarNama, fields: tuple[Perubahan, ...]) -> str:
    after: Mapping[str, Any] = row.sesudah or {}
    objek = _objek_ubah(row, names)
    khusus = _ubah_status(row.tabel, after, names.sebutan(row.tabel, row.baris_id))
    if khusus:
        return khusus
    if "dihapus_pada" in after and not after["dihapus_pada"] and (row.sebelum or {}).get("dihapus_pada"):
        return f"mengembalikan {names.sebutan(row.tabel, row.baris_id)} yang pernah dihapus"
    sandi = "password_hash" in after and set(after) <= {"password_hash", "harus_ganti_sandi"}
    if row.tabel == "pengguna" and sandi:
        return f"mengganti kata sandi {objek}"
    shown = [f for f in fields if f.kolom not in TEKNIS and f.kolom in after]
    if not shown:
        return f"mengubah {objek}"
    if len(shown) == 1:
        f = shown[0]
        if f.label.lower() == label_entitas(row.tabel).lower():  # "Realisasi Triwulan I …", said once
            objek = names.nama(row.tabel, row.baris_id) or objek
        return f"mengubah {f.label} {objek}: {_nilai(f.sebelum)} → {_nilai(f.sesudah)}"
    parts = [f"{f.label} {_nilai(f.sebelum)} → {_nilai(f.sesudah)}" for f in shown[:_PALING_BANYAK]]
    sisa = len(shown) - _PALING_BANYAK
    if sisa > 0:
        parts.append(f"dan {sisa} data lain")
    return f"mengubah {objek}: " + "; ".join(parts)


def _nilai(teks: str) -> str:
    return singkat(teks, 60) if teks else KOSONG


def _ubah_status(tabel: str, after: Mapping[str, Any], objek: str) -> str:
    """The verb of a change of state: approving, refusing, finalising, deactivating."""
    if tabel == "skp" and after.get("status") in _STATUS_SKP:
        pola = _STATUS_SKP[after["status"]]
        teks = pola.format(objek) if "{}" in pola else f"{pola} {objek}"
        alasan = str(after.get("catatan_penolakan") or "").strip()
        return f"{teks}: {singkat(alasan, 80)}" if after["status"] == "ditolak" and alasan else teks
    if tabel == "evaluasi" and after.get("status") == "final":
        return f"memfinalkan {objek}"
    if tabel == "evaluasi" and after.get("status") == "draf":
        return f"membuka kembali {objek}"
    if tabel == "pegawai" and "status_aktif" in after:
        status = format_nilai("pegawai", "status_aktif", after["status_aktif"], lambda _t, _i: None)
        if after["status_aktif"] == "aktif":
            return f"mengaktifkan kembali {objek}"
        return f"menonaktifkan {objek}: {status}"
    if tabel == "pengguna" and "aktif" in after:
        return f"{'mengaktifkan' if after['aktif'] else 'menonaktifkan'} {objek}"
    return ""
