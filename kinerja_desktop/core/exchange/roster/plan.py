"""``plan_import``: read a roster and say, row by row, what importing it would add, change or refuse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.exchange.roster import convert
from kinerja_desktop.core.exchange.roster.columns import (
    KOLOM,
    KOLOM_PER_KUNCI,
    MEDAN_INPUT,
    label_jenis_jabatan,
    label_jenjang,
    label_status,
)
from kinerja_desktop.core.exchange.roster.model import Aksi, BarisRencana, Galat, Perubahan, RosterPlan
from kinerja_desktop.core.exchange.roster.reader import PESAN_RUMUS, BarisMentah, LembarRoster, read_roster
from kinerja_desktop.core.exchange.roster.units import PetaUnit, kunci_jalur
from kinerja_desktop.core.model.pegawai import PegawaiInput, StatusAktif
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.pegawai.records import check_pegawai

_INPUT = tuple(f.name for f in fields(PegawaiInput))


@dataclass
class _Lama:
    """An existing pegawai as the plan compares it."""

    id: str
    nip: str
    nama: str
    revisi: int
    status_aktif: str
    data: PegawaiInput
    atasan_nip: str


def _tgl(d: date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def _display(kunci: str, nilai: object) -> str:
    if isinstance(nilai, date):
        return _tgl(nilai)
    teks = "" if nilai is None else str(nilai)
    if kunci == "status_kepegawaian":
        return label_status(teks)
    if kunci == "jenis_jabatan":
        return label_jenis_jabatan(teks) if teks else ""
    if kunci == "jenjang_jabatan":
        return label_jenjang(teks) if teks else ""
    return teks


class _Planner:
    """Holds what one plan needs: the sheet, the units, the existing pegawai, and the rows so far."""

    def __init__(self, session: Session, actor: Actor, lembar: LembarRoster) -> None:
        self.session = session
        self.actor = actor
        self.lembar = lembar
        asal = [lembar.kantor_asal] if lembar.kantor_asal else []
        self.peta = PetaUnit(session, asal)
        self.lama: dict[str, _Lama] = {}
        self.dihapus: set[str] = set()
        self.unit_baru: dict[str, str] = {}
        self._nama_berkas: dict[str, str] = {}
        self._load_pegawai()

    def _load_pegawai(self) -> None:
        semua = list(self.session.scalars(select(Pegawai)))
        # Held here so the checks' session.get() finds them in the (weak) identity map: no query per row.
        self._tetap: list[object] = [*semua, *self.session.scalars(select(UnitKerja))]
        nip_per_id = {p.id: p.nip for p in semua}
        for p in semua:
            if p.dihapus_pada is not None:
                self.dihapus.add(p.nip)
                continue
            data = PegawaiInput(**{name: getattr(p, name) for name in _INPUT})
            atasan = nip_per_id.get(p.atasan_id, "") if p.atasan_id else ""
            self.lama[p.nip] = _Lama(p.id, p.nip, p.nama_lengkap, p.revisi, p.status_aktif, data, atasan)

    def make_error(self, b: BarisRencana, kunci: str, pesan: str, *, peringatan: bool = False) -> Galat:
        kolom = self.lembar.judul_kolom(kunci) if kunci in KOLOM_PER_KUNCI else kunci
        return Galat(self.lembar.lembar, b.baris, kolom, pesan, self.lembar.huruf(kunci), peringatan)

    def galat(self, b: BarisRencana, kunci: str, pesan: str, *, peringatan: bool = False) -> None:
        g = self.make_error(b, kunci, pesan, peringatan=peringatan)
        (b.peringatan if peringatan else b.galat).append(g)

    def read_row(self, raw: BarisMentah) -> tuple[BarisRencana, dict[str, object]]:
        nilai: dict[str, object] = {}
        gagal: list[tuple[str, str]] = []
        for kunci, sel in raw.sel.items():
            if kunci in raw.rumus:  # its value is whatever the formula last computed: not imported
                gagal.append((kunci, PESAN_RUMUS))
                continue
            try:
                nilai[kunci] = convert.PEMBACA.get(kunci, convert.teks)(sel)
            except convert.NilaiSalah as exc:
                gagal.append((kunci, exc.pesan))
        nama = str(nilai.get("nama", "")) or (
            "" if "nama" in raw.rumus else convert.teks(raw.sel.get("nama"))
        )
        b = BarisRencana(raw.baris, str(nilai.get("nip", "")), nama)
        for kunci, pesan in gagal:
            self.galat(b, kunci, pesan)
        return b, nilai

    def check_row(self, b: BarisRencana, nilai: dict[str, object]) -> None:
        """Build the record (existing values where the file is silent), then check it like a form."""
        lama = self.lama.get(b.nip)
        gagal = {g.kolom for g in b.galat}
        if lama is None and b.nip in self.dihapus:
            self.galat(
                b, "nip", f"NIP {b.nip} milik data pegawai yang sudah dihapus; tidak bisa dipakai lagi."
            )
        dasar = lama.data if lama else PegawaiInput(nip=b.nip, nama="")
        ubah = {k: nilai[k] for k in MEDAN_INPUT if k in nilai}
        if not ubah.get("status_kepegawaian"):
            ubah["status_kepegawaian"] = dasar.status_kepegawaian or "pns"
        data = replace(dasar, **ubah, atasan_id=None)  # type: ignore[arg-type]
        b.jalur_unit = self.peta.jalur(data.unit_kerja_id)
        pengganti = data.unit_kerja_id
        if "unit_kerja" in nilai:
            pengganti = self._unit(b, str(nilai["unit_kerja"]))
        clean, masalah = check_pegawai(
            self.session, self.actor, replace(data, unit_kerja_id=pengganti), lama.id if lama else None
        )
        temuan = [
            self.make_error(b, k, m.pesan, peringatan=m.peringatan)
            for m in masalah
            if self.lembar.judul_kolom(k := m.kolom if m.kolom in KOLOM_PER_KUNCI else "nip") not in gagal
        ]
        b.data = replace(clean, unit_kerja_id=None, atasan_id=None)
        b.nama = clean.nama or b.nama
        b.atasan_nip = str(nilai["atasan"]) if "atasan" in nilai else (lama.atasan_nip if lama else "")
        status = nilai.get("status_aktif")
        if isinstance(status, StatusAktif):
            b.status_aktif = status
        elif lama is not None:
            b.status_aktif = StatusAktif(lama.status_aktif)
        tanggal = nilai.get("tanggal_nonaktif")
        b.tanggal_nonaktif = tanggal if isinstance(tanggal, date) else None
        if lama is None:
            b.aksi = Aksi.TAMBAH
            if b.status_aktif is not StatusAktif.AKTIF and b.tanggal_nonaktif is None:
                self.galat(b, "tanggal_nonaktif", f"Isi tanggal {b.status_aktif.label.lower()} pegawai ini.")
        else:
            self._compare(b, lama)
        if b.aksi is not Aksi.SAMA:  # an unchanged row is not written: old problems are not this file's
            b.galat += [g for g in temuan if not g.peringatan]
            b.peringatan += [g for g in temuan if g.peringatan]

    def _unit(self, b: BarisRencana, teks: str) -> str | None:
        hasil = self.peta.find(teks)
        b.jalur_unit = hasil.jalur
        if hasil.pesan:
            self.galat(b, "unit_kerja", hasil.pesan)
            return self.peta.root_id
        if hasil.unit_id is not None or not hasil.baru:
            return hasil.unit_id
        for jalur in hasil.baru:
            self.unit_baru.setdefault(kunci_jalur(jalur), jalur)
        return self.peta.root_id  # stands in for the unit still to be created

    def _compare(self, b: BarisRencana, lama: _Lama) -> None:
        b.pegawai_id = lama.id
        b.revisi = lama.revisi
        assert b.data is not None
        for k in MEDAN_INPUT:
            sebelum, sesudah = getattr(lama.data, k), getattr(b.data, k)
            if sebelum != sesudah and (sebelum or sesudah):
                judul = KOLOM_PER_KUNCI[k].judul
                b.perubahan.append(Perubahan(judul, _display(k, sebelum), _display(k, sesudah)))
        jalur_lama = self.peta.jalur(lama.data.unit_kerja_id)
        if kunci_jalur(jalur_lama) != kunci_jalur(b.jalur_unit):
            b.perubahan.append(Perubahan(KOLOM_PER_KUNCI["unit_kerja"].judul, jalur_lama, b.jalur_unit))
        if lama.atasan_nip != b.atasan_nip:
            b.perubahan.append(Perubahan(KOLOM_PER_KUNCI["atasan"].judul, lama.atasan_nip, b.atasan_nip))
        if b.status_aktif.value != lama.status_aktif:
            self.galat(
                b,
                "status_aktif",
                f"Status aktif di berkas ({b.status_aktif.label}) berbeda dengan data "
                f"({StatusAktif(lama.status_aktif).label}); status tidak diubah lewat impor. "
                "Gunakan menu Pegawai untuk mengarsipkan atau mengaktifkan kembali.",
                peringatan=True,
            )
            b.status_aktif = StatusAktif(lama.status_aktif)
        if b.perubahan and lama.status_aktif != StatusAktif.AKTIF.value:
            self.galat(
                b,
                "nip",
                f"{lama.nama} berstatus {StatusAktif(lama.status_aktif).label}; data pegawai nonaktif "
                "tidak diubah lewat impor. Aktifkan kembali dulu lewat menu Pegawai.",
            )
        b.aksi = Aksi.UBAH if b.perubahan else Aksi.SAMA

    def check_atasan(self, rows: list[BarisRencana], per_nip: dict[str, BarisRencana]) -> None:
        """Second pass, so a superior may appear on any row: found, active, and no loop."""
        self._nama_berkas = {nip: b.nama for nip, b in per_nip.items()}
        akhir = {nip: lama.atasan_nip for nip, lama in self.lama.items()}
        akhir.update({nip: b.atasan_nip for nip, b in per_nip.items()})
        for b in rows:
            lama = self.lama.get(b.nip)
            if not b.atasan_nip or (lama is not None and lama.atasan_nip == b.atasan_nip):
                continue
            if b.atasan_nip == b.nip:
                self.galat(
                    b, "atasan", "Pegawai tidak bisa menjadi atasan (pejabat penilai) dirinya sendiri."
                )
                continue
            atasan = self.lama.get(b.atasan_nip)
            if atasan is None and b.atasan_nip not in per_nip:
                pesan = f"NIP atasan {b.atasan_nip} tidak ditemukan di data pegawai maupun di berkas ini."
                self.galat(b, "atasan", pesan)
            elif atasan is not None and atasan.status_aktif != StatusAktif.AKTIF.value:
                pesan = f"{atasan.nama} sudah nonaktif dan tidak bisa menjadi pejabat penilai."
                self.galat(b, "atasan", pesan)
            else:
                self._check_loop(b, akhir)

    def _check_loop(self, b: BarisRencana, akhir: dict[str, str]) -> None:
        rantai = [b.atasan_nip]
        cursor = akhir.get(b.atasan_nip, "")
        seen = {b.atasan_nip}
        while cursor and cursor not in seen:
            if cursor == b.nip:
                nama = [self._nama(n) for n in rantai]
                self.galat(
                    b,
                    "atasan",
                    f"Rantai atasan berputar: {b.nama} → {' → '.join(nama)} → {b.nama}. "
                    "Pilih atasan yang tidak berada di bawah pegawai ini.",
                )
                return
            seen.add(cursor)
            rantai.append(cursor)
            cursor = akhir.get(cursor, "")

    def _nama(self, nip: str) -> str:
        lama = self.lama.get(nip)
        return self._nama_berkas.get(nip) or (lama.nama if lama else nip)


def plan_import(
    session: Session, actor: Actor, path: Path, *, progress: Callable[[int, int, str], None] | None = None
) -> RosterPlan:
    """Preview importing ``path``: raises RosterError for a bad file; otherwise every row's fate.

    ``progress(done, total, label)`` is called about a hundred times while the rows are checked.
    """
    require(actor, Izin.KELOLA_PEGAWAI)
    lembar = read_roster(Path(path))
    p = _Planner(session, actor, lembar)
    rows: list[BarisRencana] = []
    per_nip: dict[str, BarisRencana] = {}
    langkah = max(1, len(lembar.baris) // 100)
    for i, raw in enumerate(lembar.baris):
        if progress is not None and i % langkah == 0:
            progress(i, len(lembar.baris), "Memeriksa baris")
        b, nilai = p.read_row(raw)
        rows.append(b)
        if b.nip and b.nip in per_nip:
            pertama = per_nip[b.nip].baris
            p.galat(
                b,
                "nip",
                f"NIP {b.nip} sudah ada di baris {pertama} berkas ini; satu pegawai cukup satu baris.",
            )
            continue
        if b.nip:
            per_nip[b.nip] = b
        p.check_row(b, nilai)
    p.check_atasan([b for b in rows if per_nip.get(b.nip) is b], per_nip)
    for b in rows:
        if b.galat:
            b.aksi = Aksi.GALAT
    tidak_ada = [k.judul for k in KOLOM if not lembar.ada(k.kunci)]
    return RosterPlan(
        berkas=lembar.berkas,
        lembar=lembar.lembar,
        baris=rows,
        unit_baru=list(p.unit_baru.values()),
        kolom_tidak_ada=tidak_ada,
        kolom_asing=lembar.kolom_asing,
        kantor_asal=lembar.kantor_asal,
    )
