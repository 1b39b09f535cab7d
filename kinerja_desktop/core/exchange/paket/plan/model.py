"""What an import plan says: per sheet counts, problems, conflicts side by side, merges, and its decisions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, Protocol

from kinerja_desktop.core.exchange.paket.model import Baris, InfoPaket
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.kunci_kantor import KunciKantor

Pilihan = Literal["kami", "mereka"]


class Aksi(StrEnum):
    """The fate of one incoming row."""

    BARU = "baru"  # not here yet: inserted
    UBAH = "ubah"  # a newer version of a row we have not changed since we last agreed: updated
    SAMA = "sama"  # the same content as ours: nothing to do
    USANG = "usang"  # an older (or equal) version than ours: ours is kept
    KONFLIK = "konflik"  # both sides changed it since they last agreed: the user chooses
    GALAT = "galat"  # invalid: blocks the whole import

    @property
    def label(self) -> str:
        return _LABEL[self]


_LABEL = {
    Aksi.BARU: "Baru",
    Aksi.UBAH: "Berubah",
    Aksi.SAMA: "Sama",
    Aksi.USANG: "Usang",
    Aksi.KONFLIK: "Konflik",
    Aksi.GALAT: "Tidak sah",  # the word the count tables use (GUI and CLI)
}


class MasalahBaca(Protocol):
    """A problem found while reading the workbook (the reader's own type only needs these fields)."""

    @property
    def lembar(self) -> str: ...
    @property
    def baris(self) -> int | None: ...
    @property
    def kolom(self) -> str: ...
    @property
    def pesan(self) -> str: ...


@dataclass(frozen=True)
class Masalah:
    """One problem: where (sheet, row, column header) and what to do; ``menghalangi`` blocks the import."""

    lembar: str
    baris: int | None  # the sheet's row number; None for the sheet or the package as a whole
    kolom: str  # the column's Indonesian header; "" when not about one column
    pesan: str
    menghalangi: bool = True
    kode: str = ""  # what kind of problem, for code that must tell one from another

    def teks(self) -> str:
        tempat = [f"lembar {self.lembar}"] if self.lembar else []
        if self.baris is not None:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom {self.kolom}")
        awal = ", ".join(tempat)
        return f"{awal[:1].upper()}{awal[1:]}: {self.pesan}" if awal else self.pesan


@dataclass(frozen=True)
class NilaiBeda:
    """One column that differs: our value and theirs, as a clerk reads them."""

    kolom: str
    kami: str
    mereka: str


@dataclass(frozen=True)
class Konflik:
    """A row both sides changed since they last agreed, shown side by side."""

    tabel: str
    lembar: str
    id: str  # the row's id in this database
    baris: int  # the sheet row
    uraian: str  # e.g. "Pegawai 198503302010011002 Budi Santoso"
    beda: tuple[NilaiBeda, ...]
    revisi_kami: int
    revisi_mereka: int
    revisi_dasar: int | None  # the revision both last agreed on (None: never agreed, e.g. born twice)

    @property
    def kunci(self) -> tuple[str, str]:
        """The key of this conflict in ``apply_plan``'s ``pilihan``."""
        return (self.tabel, self.id)


@dataclass(frozen=True)
class Penggabungan:
    """An incoming row born elsewhere under another id, matched to ours by its business key."""

    tabel: str
    lembar: str
    baris: int
    id_mereka: str
    id_kami: str
    uraian: str
    otomatis: bool  # master data merged without asking (the BerAKHLAK values)


@dataclass
class JumlahLembar:
    """Counts for one sheet."""

    tabel: str
    lembar: str
    baru: int = 0
    ubah: int = 0
    sama: int = 0
    usang: int = 0
    konflik: int = 0
    galat: int = 0

    @property
    def total(self) -> int:
        return self.baru + self.ubah + self.sama + self.usang + self.konflik + self.galat

    def add(self, aksi: Aksi) -> None:
        setattr(self, aksi.value, getattr(self, aksi.value) + 1)

    def sebagai_dict(self) -> dict[str, int]:
        return {a.value: getattr(self, a.value) for a in Aksi}


@dataclass
class Keputusan:
    """What applying does to one table (rows are the package's own dicts; ids are mapped on writing)."""

    sisip: list[Baris] = field(default_factory=list)
    perbarui: list[Baris] = field(default_factory=list)
    konflik: dict[str, Baris] = field(default_factory=dict)  # local id → their row
    revisi_kami: dict[str, int] = field(default_factory=dict)  # local id → our revisi (conflicts)
    dasar: list[Baris] = field(default_factory=list)  # rows besides ``sisip`` whose version becomes the base


class Tertahan(StrEnum):
    """What holds a planned file back from being applied."""

    GALAT = "galat"  # blocking problems: the sender must fix the data and export again
    CHECKSUM = "checksum"  # edited after export: never imported (the planner refuses such a file first)
    KONFLIK = "konflik"  # conflicts without a choice of whose data to keep


@dataclass(frozen=True)
class AlasanTertahan:
    """One reason a planned file may not be applied yet, in Indonesian: what and what to do.

    ``rincian`` lists what it is about (the problems, the conflicts), for a longer report.
    """

    jenis: Tertahan
    pesan: str
    saran: str
    rincian: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.pesan} {self.saran}"


@dataclass
class RencanaImpor:
    """The plan of one import: show it, then hand it to ``apply_plan``."""

    info: InfoPaket
    jumlah: list[JumlahLembar]
    masalah: list[Masalah]
    konflik: list[Konflik]
    penggabungan: list[Penggabungan]
    checksum_cocok: bool
    sudah_diimpor: bool  # the same package (file hash or content checksum) was imported before
    lebih_lama: bool  # made before the last package imported from this office
    sha256: str = ""
    keputusan: dict[str, Keputusan] = field(default_factory=dict)
    peta_id: dict[str, str] = field(default_factory=dict)  # their id → our id (merges)
    tabel_peta: set[str] = field(default_factory=set)  # the tables whose ids ``peta_id`` maps
    revisi_db: dict[str, int] = field(default_factory=dict)  # local id → revisi seen (for changed rows)
    ada_dasar: set[str] = field(default_factory=set)  # local ids that already have a base with the partner

    kunci_mitra: str = ""  # the sync base's key for the package's office ("": its code)
    pengirim: KunciKantor | None = None  # the sender's key, its signature checked (None: not checked)
    kunci_baru: bool = False  # no key is pinned for the sender yet: applying pins ``pengirim``

    @property
    def mitra(self) -> str:
        """The key of the sync base agreed with the package's office (``dasar.kunci_mitra``)."""
        return self.kunci_mitra or self.info.kantor_kode

    @property
    def galat(self) -> list[Masalah]:
        return [m for m in self.masalah if m.menghalangi]

    @property
    def peringatan(self) -> list[Masalah]:
        return [m for m in self.masalah if not m.menghalangi]

    @property
    def ok(self) -> bool:
        """No blocking problem (conflicts still need a choice)."""
        return not self.galat

    def total(self, aksi: Aksi) -> int:
        return sum(getattr(j, aksi.value) for j in self.jumlah)

    def belum_diputuskan(
        self, pilihan: dict[tuple[str, str], Pilihan] | None = None, semua: Pilihan | None = None
    ) -> list[Konflik]:
        """The conflicts left without a choice by ``pilihan`` (per conflict key) and ``semua`` (the rest)."""
        return [k for k in self.konflik if ((pilihan or {}).get(k.kunci) or semua) not in ("kami", "mereka")]

    def alasan_tertahan(
        self,
        *,
        pilihan: dict[tuple[str, str], Pilihan] | None = None,
        semua: Pilihan | None = None,
    ) -> list[AlasanTertahan]:
        """Why this plan may not be applied with these decisions (empty: it may).

        ``pilihan``/``semua``: whose data to keep per conflict, or for every conflict not chosen.
        """
        alasan = []
        if self.galat:
            alasan.append(
                AlasanTertahan(
                    Tertahan.GALAT,
                    f"Paket ini memiliki {format_angka(len(self.galat))} kesalahan; tidak ada yang "
                    "diimpor darinya.",
                    "Minta kantor pengirim memperbaiki datanya dan mengekspor ulang paketnya.",
                    tuple(m.teks() for m in self.galat),
                )
            )
        if not self.checksum_cocok:
            alasan.append(
                AlasanTertahan(
                    Tertahan.CHECKSUM,
                    "Isi paket diubah setelah diekspor (checksum tidak cocok); paket yang diubah tidak "
                    "diimpor.",
                    "Minta kantor pengirim mengekspor ulang paketnya, lalu kirim berkas itu apa adanya.",
                )
            )
        belum = self.belum_diputuskan(pilihan, semua)
        if belum:
            alasan.append(
                AlasanTertahan(
                    Tertahan.KONFLIK,
                    f"{format_angka(len(belum))} konflik belum diputuskan.",
                    "Pilih data kami atau data mereka untuk setiap konflik (atau untuk semuanya), lalu "
                    "impor.",
                    tuple(f"{k.lembar} baris {k.baris}: {k.uraian}" for k in belum),
                )
            )
        return alasan

    @property
    def ada_perubahan(self) -> bool:
        """Applying would change data or sync bookkeeping."""
        return any(k.sisip or k.perbarui or k.konflik or k.dasar for k in self.keputusan.values()) or bool(
            self.penggabungan
        )

    def ringkasan(self) -> list[str]:
        """The plan in a few sentences for the preview and ``--dry-run``."""
        out = [
            f"{self.info.jenis.label} dari {self.info.kantor_nama} ({self.info.kantor_kode}): "
            + ", ".join(f"{self.total(a)} {a.label.lower()}" for a in Aksi)
            + "."
        ]
        if self.sudah_diimpor and not self.ada_perubahan:
            out.append("Paket ini sudah pernah diimpor; tidak ada yang berubah.")
        elif not self.ada_perubahan and self.ok:
            out.append("Tidak ada yang berubah: semua data di paket ini sudah sama atau lebih baru di sini.")
        if self.lebih_lama:
            out.append("Paket ini lebih lama daripada paket terakhir yang diimpor dari kantor ini.")
        if self.pengirim is not None:
            out.append(self.teks_kunci())
        if self.galat:
            out.append(
                f"{format_angka(len(self.galat))} kesalahan harus diperbaiki dulu; tidak ada yang "
                "akan diimpor."
            )
        if self.konflik:
            out.append(
                f"{format_angka(len(self.konflik))} konflik: pilih data kami atau data mereka "
                "untuk setiap baris."
            )
        gabung = [g for g in self.penggabungan if not g.otomatis]
        if gabung:
            out.append(
                f"{format_angka(len(gabung))} data yang sama tercatat dua kali akan digabungkan "
                "(lihat daftarnya)."
            )
        return out

    def teks_kunci(self) -> str:
        """The sender's key in one sentence: pinned already, or new here (then compare it by phone)."""
        if self.pengirim is None:
            return ""
        kode = self.pengirim.kode
        if self.kunci_baru:
            return (
                f"Tanda tangan sah. Kunci kantor {kode} belum tersimpan di sini; sidiknya "
                f"{self.pengirim.sidik}. Cocokkan sidik itu lewat telepon dengan yang tampil di halaman "
                f"Pertukaran Data kantor {kode}. Kunci ini disimpan saat impor, dan paket berikutnya dari "
                "kantor itu harus bertanda tangan dengan kunci yang sama."
            )
        return f"Tanda tangan sah: kunci kantor {kode} cocok dengan yang tersimpan ({self.pengirim.sidik})."
