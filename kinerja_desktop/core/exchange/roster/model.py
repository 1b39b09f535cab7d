"""An import plan: per-row actions, changes old → new, problems by sheet/row/column, and its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from kinerja_desktop.core.model.pegawai import PegawaiInput, StatusAktif
from kinerja_desktop.core.rules.angka import format_angka


class Aksi(StrEnum):
    """What importing a row will do."""

    TAMBAH = "tambah"
    UBAH = "ubah"
    SAMA = "sama"
    GALAT = "galat"

    @property
    def label(self) -> str:
        return {"tambah": "Ditambah", "ubah": "Diubah", "sama": "Tetap sama", "galat": "Bermasalah"}[self]


@dataclass(frozen=True)
class Galat:
    """A problem at one cell: an error blocks the whole import, a warning (``peringatan``) does not."""

    lembar: str
    baris: int
    kolom: str
    pesan: str
    huruf: str = ""
    peringatan: bool = False

    def teks(self) -> str:
        return f"Lembar {self.lembar}, baris {self.baris}, kolom {self.kolom}: {self.pesan}"


@dataclass(frozen=True)
class Perubahan:
    """One field of an existing pegawai that the file changes."""

    kolom: str
    lama: str
    baru: str

    def teks(self) -> str:
        return f"{self.kolom}: {self.lama or '(kosong)'} → {self.baru or '(kosong)'}"


@dataclass
class BarisRencana:
    """One data row of the sheet and what will happen to it.

    ``data`` is the normalised record without unit and superior; those travel as ``jalur_unit``
    and ``atasan_nip`` because they may name units or pegawai that only exist after the import.
    """

    baris: int
    nip: str
    nama: str
    aksi: Aksi = Aksi.SAMA
    data: PegawaiInput | None = None
    jalur_unit: str = ""
    atasan_nip: str = ""
    status_aktif: StatusAktif = StatusAktif.AKTIF
    tanggal_nonaktif: date | None = None
    pegawai_id: str | None = None
    revisi: int | None = None
    perubahan: list[Perubahan] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)
    peringatan: list[Galat] = field(default_factory=list)

    @property
    def judul(self) -> str:
        return f"baris {self.baris}: {self.nip or '(tanpa NIP)'} {self.nama}".rstrip()


@dataclass
class RosterPlan:
    """The preview of an import; nothing is written until ``apply_import`` is called with it."""

    berkas: Path
    lembar: str
    baris: list[BarisRencana]
    unit_baru: list[str] = field(default_factory=list)
    kolom_tidak_ada: list[str] = field(default_factory=list)
    kolom_asing: list[str] = field(default_factory=list)
    kantor_asal: str = ""

    def jumlah(self, aksi: Aksi) -> int:
        return sum(1 for b in self.baris if b.aksi is aksi)

    @property
    def counts(self) -> dict[Aksi, int]:
        return {aksi: self.jumlah(aksi) for aksi in Aksi}

    @property
    def galat(self) -> list[Galat]:
        return [g for b in self.baris for g in b.galat]

    @property
    def peringatan(self) -> list[Galat]:
        return [g for b in self.baris for g in b.peringatan]

    @property
    def ok(self) -> bool:
        return not any(b.galat for b in self.baris)

    @property
    def ada_perubahan(self) -> bool:
        return bool(self.unit_baru) or any(b.aksi in (Aksi.TAMBAH, Aksi.UBAH) for b in self.baris)

    def ringkasan(self) -> str:
        c = self.counts
        teks = (
            f"{c[Aksi.TAMBAH]} ditambah, {c[Aksi.UBAH]} diubah, {c[Aksi.SAMA]} tetap sama, "
            f"{c[Aksi.GALAT]} bermasalah"
        )
        return teks + (f", {len(self.unit_baru)} unit kerja baru" if self.unit_baru else "")

    def lines(self) -> list[str]:
        """The plan as Indonesian text for the command line and the preview dialog."""
        c = self.counts
        out = [
            f"Pratinjau impor daftar pegawai: {self.berkas.name} "
            f"(lembar {self.lembar}, {format_angka(len(self.baris))} baris data)",
            f"  Ditambah        : {format_angka(c[Aksi.TAMBAH])} pegawai",
            f"  Diubah          : {format_angka(c[Aksi.UBAH])} pegawai",
            f"  Tetap sama      : {format_angka(c[Aksi.SAMA])} pegawai",
            f"  Bermasalah      : {format_angka(c[Aksi.GALAT])} baris "
            f"({format_angka(len(self.galat))} kesalahan)",
            f"  Unit kerja baru : {len(self.unit_baru)}",
        ]
        if self.kolom_tidak_ada:
            out.append(
                f"Kolom yang tidak ada di berkas (nilainya tidak diubah): {', '.join(self.kolom_tidak_ada)}"
            )
        if self.kolom_asing:
            out.append(f"Kolom yang tidak dikenal dan diabaikan: {', '.join(self.kolom_asing)}")
        if self.unit_baru:
            out.append("Unit kerja yang akan dibuat:")
            out += [f"  + {jalur}" for jalur in self.unit_baru]
        if self.galat:
            out.append("Kesalahan (perbaiki di berkas lalu impor lagi; belum ada data yang disimpan):")
            out += [f"  {g.teks()}" for g in self.galat]
        if self.peringatan:
            out.append("Peringatan (tidak menghalangi impor):")
            out += [f"  {g.teks()}" for g in self.peringatan]
        tambah = [b for b in self.baris if b.aksi is Aksi.TAMBAH]
        if tambah:
            out.append("Pegawai yang akan ditambah:")
            out += [f"  {b.judul}" for b in tambah]
        ubah = [b for b in self.baris if b.aksi is Aksi.UBAH]
        if ubah:
            out.append("Pegawai yang akan diubah:")
            for b in ubah:
                out.append(f"  {b.judul}")
                out += [f"    {p.teks()}" for p in b.perubahan]
        if not self.ok:
            out.append("Impor tidak bisa dilanjutkan sampai semua kesalahan diperbaiki.")
        elif not self.ada_perubahan:
            out.append("Tidak ada yang perlu diubah: isi berkas sudah sama dengan data.")
        else:
            out.append("Berkas siap diimpor.")
        return out
