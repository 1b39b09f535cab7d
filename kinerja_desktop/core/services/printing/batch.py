"""Printing: which forms a request covers (in unit and name order), and one PDF of them all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.documents.build import Bagian, CetakDibatalkan, Kemajuan, render_pdf
from kinerja_desktop.core.documents.dokumen_evaluasi import bagian_dokumen_evaluasi
from kinerja_desktop.core.documents.evaluasi_kinerja import bagian_evaluasi_kinerja
from kinerja_desktop.core.documents.konversi_ak import bagian_konversi_ak
from kinerja_desktop.core.documents.options import OpsiCetak, opsi_kantor
from kinerja_desktop.core.documents.rekap_predikat import rekap_predikat_pdf
from kinerja_desktop.core.documents.skp import bagian_skp
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.model.evaluasi import DistribusiUnit, EvaluasiForm, StatusEvaluasi
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.services.skp import read as skp_baca
from kinerja_desktop.core.services.unit_kerja import root_unit_id


class JenisCetak(StrEnum):
    """The printable forms, by the name the command line uses."""

    SKP = "skp"
    EVALUASI = "evaluasi"
    DOKUMEN_EVALUASI = "dokumen-evaluasi"
    KONVERSI_AK = "konversi-ak"
    REKAP = "rekap"

    @property
    def label(self) -> str:
        return _LABEL[self]

    @property
    def per_periode(self) -> bool:
        return self is not JenisCetak.SKP


_LABEL = {
    JenisCetak.SKP: "SKP",
    JenisCetak.EVALUASI: "Evaluasi Kinerja",
    JenisCetak.DOKUMEN_EVALUASI: "Dokumen Evaluasi",
    JenisCetak.KONVERSI_AK: "Konversi Angka Kredit",
    JenisCetak.REKAP: "Rekap Predikat",
}


@dataclass(frozen=True)
class Permintaan:
    """What to print: a kind, a year (and period), for one pegawai, one unit, or (neither) the office.

    ``hanya_pegawai`` narrows the scope to these pegawai (the rows a filtered list shows); None: all.
    """

    jenis: JenisCetak
    tahun: int
    periode: str = ""
    unit_id: str | None = None
    pegawai_id: str | None = None
    termasuk_sub_unit: bool = True
    hanya_pegawai: frozenset[str] | None = None


@dataclass(frozen=True)
class Butir:
    """One document to print: whose, and which SKP or evaluation it comes from."""

    pegawai_id: str
    nama: str
    nip: str
    unit: str
    skp_id: str
    evaluasi_id: str | None = None
    final: bool = False


@dataclass(frozen=True)
class Dilewati:
    """A pegawai in the scope who gets no document, and why."""

    nama: str
    nip: str
    alasan: str


@dataclass(frozen=True)
class DaftarCetak:
    """The documents of a request, ordered by unit, name and NIP; the rekap has one, for ``unit_id``."""

    permintaan: Permintaan
    unit_id: str
    judul: str
    butir: list[Butir] = field(default_factory=list)
    dilewati: list[Dilewati] = field(default_factory=list)

    @property
    def jumlah(self) -> int:
        return 1 if self.permintaan.jenis is JenisCetak.REKAP else len(self.butir)

    @property
    def semua_final(self) -> bool:
        return bool(self.butir) and all(b.final for b in self.butir)


def opsi_bawaan(session: Session, tanggal: date | None = None, **ubah: object) -> OpsiCetak:
    """The office's print options (paper, place, letterhead with logo) dated ``tanggal`` (today)."""
    info = kantor.get_kantor(session)
    logo = kantor.get_logo(session) if info.punya_logo else None
    return opsi_kantor(info, tanggal or date.today(), logo, **ubah)


def _periode(p: Permintaan) -> Periode | None:
    if not p.jenis.per_periode:
        return None
    if not p.periode:
        raise ValidationError(
            f"Periode wajib dipilih untuk mencetak {p.jenis.label}.",
            kolom="periode",
            saran="Misalnya TW1 sampai TW4, B01 sampai B12, atau AKHIR.",
        )
    return Periode(p.periode)


def _urut(b: Butir) -> tuple[str, str, str]:
    return b.unit.casefold(), b.nama.casefold(), b.nip


def list_printable(session: Session, actor: Actor, p: Permintaan) -> DaftarCetak:
    """Which documents ``p`` covers, without loading them (a few queries whatever the office size)."""
    require(actor, Izin.CETAK)
    periode = _periode(p)
    unit_id, nama_lingkup = p.unit_id, ""
    if p.pegawai_id is not None:
        if p.jenis is JenisCetak.REKAP:
            raise ValidationError(
                "Rekap predikat dicetak per unit kerja, bukan per pegawai.",
                saran="Pilih unit kerjanya, atau kosongkan untuk seluruh kantor.",
            )
        pegawai = session.get(Pegawai, p.pegawai_id)
        if pegawai is None or pegawai.dihapus_pada is not None:
            raise NotFound("Pegawai tidak ditemukan.")
        unit_id, nama_lingkup = pegawai.unit_kerja_id, pegawai.nama_lengkap
    unit_id = unit_id or root_unit_id(session)
    unit = session.get(UnitKerja, unit_id)
    if unit is None or unit.dihapus_pada is not None:
        raise NotFound("Unit kerja tidak ditemukan.")
    nama_lingkup = nama_lingkup or unit.nama
    waktu = f"{periode.label} {p.tahun}" if periode else str(p.tahun)
    daftar = DaftarCetak(p, unit_id, f"{p.jenis.label} {waktu} - {nama_lingkup}")
    if p.jenis is JenisCetak.REKAP:
        return daftar
    sub_unit = p.termasuk_sub_unit and p.pegawai_id is None
    if periode is None:
        _load_skp(session, actor, p, unit_id, sub_unit, daftar)
    else:
        _load_evaluasi(session, actor, p, periode, unit_id, sub_unit, daftar)
    daftar.butir.sort(key=_urut)
    daftar.dilewati.sort(key=lambda d: (d.nama.casefold(), d.nip))
    return daftar


def _load_skp(
    session: Session, actor: Actor, p: Permintaan, unit_id: str, sub_unit: bool, d: DaftarCetak
) -> None:
    rows = skp_baca.list_skp(session, actor, p.tahun, unit_id, termasuk_sub_unit=sub_unit)
    for r in rows:
        if (p.pegawai_id is None or r.pegawai_id == p.pegawai_id) and _dalam(p, r.pegawai_id):
            d.butir.append(
                Butir(r.pegawai_id, r.nama, r.nip, r.unit_nama, r.id, final=r.status == "disetujui")
            )
    if p.pegawai_id is not None and not d.butir:
        raise NotFound(f"Pegawai ini belum punya SKP tahun {p.tahun}.")


def _dalam(p: Permintaan, pegawai_id: str) -> bool:
    return p.hanya_pegawai is None or pegawai_id in p.hanya_pegawai


def _jenjang(session: Session, ids: list[str]) -> dict[str, str]:
    hasil: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        stmt = select(Pegawai.id, Pegawai.jenjang_jabatan).where(Pegawai.id.in_(ids[i : i + 500]))
        hasil.update({pid: j or "" for pid, j in session.execute(stmt)})
    return hasil


def _load_evaluasi(
    session: Session,
    actor: Actor,
    p: Permintaan,
    periode: Periode,
    unit_id: str,
    sub_unit: bool,
    d: DaftarCetak,
) -> None:
    rows = evaluasi_unit.grid_unit(session, actor, unit_id, p.tahun, periode.kode, termasuk_sub_unit=sub_unit)
    rows = [r for r in rows if _dalam(p, r.pegawai_id)]
    if p.pegawai_id is not None:
        rows = [r for r in rows if r.pegawai_id == p.pegawai_id]
        if not rows:
            raise NotFound("Pegawai ini tidak aktif atau tidak ada di unit kerjanya.")
    jenjang = _jenjang(session, [r.pegawai_id for r in rows]) if p.jenis is JenisCetak.KONVERSI_AK else {}
    for r in rows:
        alasan = ""
        if r.skp_id is None:
            alasan = f"SKP {p.tahun} belum disetujui"
        elif r.evaluasi_id is None and p.pegawai_id is None:
            alasan = f"belum dinilai untuk {periode.label}"
        elif p.jenis is JenisCetak.KONVERSI_AK and not jenjang.get(r.pegawai_id):
            alasan = "bukan pejabat fungsional (tanpa angka kredit)"
        if alasan:
            d.dilewati.append(Dilewati(r.nama, r.nip, alasan))
            continue
        assert r.skp_id is not None
        final = r.status is StatusEvaluasi.FINAL
        d.butir.append(Butir(r.pegawai_id, r.nama, r.nip, r.unit, r.skp_id, r.evaluasi_id, final))
    if p.pegawai_id is not None and not d.butir:
        raise NotFound(f"{rows[0].nama}: {d.dilewati[0].alasan}; tidak ada yang dapat dicetak.")


def _form(session: Session, actor: Actor, b: Butir, periode: str) -> EvaluasiForm:
    if b.evaluasi_id is not None:
        return evaluasi_baca.get_evaluasi_form_by_id(session, actor, b.evaluasi_id)
    return evaluasi_baca.get_evaluasi_form(session, actor, b.skp_id, periode)


def _bagian(session: Session, actor: Actor, daftar: DaftarCetak, opsi: OpsiCetak) -> Iterator[Bagian]:
    """Each document's parts, loaded only when it is laid out (so a batch never sits in memory)."""
    p = daftar.permintaan
    distribusi: dict[str, DistribusiUnit | None] = {}
    for b in daftar.butir:
        if p.jenis is JenisCetak.SKP:
            yield bagian_skp(skp_baca.get_skp(session, actor, b.skp_id), opsi)
            continue
        form = _form(session, actor, b, p.periode)
        if p.jenis is JenisCetak.DOKUMEN_EVALUASI:
            yield bagian_dokumen_evaluasi(form, opsi)
        elif p.jenis is JenisCetak.KONVERSI_AK:
            yield bagian_konversi_ak(form, opsi)
        else:
            kunci = form.unit_id or ""
            if kunci and kunci not in distribusi:
                distribusi[kunci] = evaluasi_unit.distribusi_unit(session, actor, kunci, p.tahun, p.periode)
            yield bagian_evaluasi_kinerja(form, opsi, distribusi.get(kunci))


def _rekap(session: Session, actor: Actor, daftar: DaftarCetak, opsi: OpsiCetak) -> bytes:
    p = daftar.permintaan
    baris = evaluasi_unit.grid_unit(
        session, actor, daftar.unit_id, p.tahun, p.periode, termasuk_sub_unit=p.termasuk_sub_unit
    )
    baris.sort(key=lambda b: (b.unit.casefold(), b.nama.casefold(), b.nip))
    dist = evaluasi_unit.distribusi_unit(session, actor, daftar.unit_id, p.tahun, p.periode)
    unit = session.get(UnitKerja, daftar.unit_id)
    kepala = skp_baca.pejabat_of(session, unit.kepala_id if unit else None)
    return rekap_predikat_pdf(baris, dist, opsi, kepala)


def render_daftar(
    session: Session, actor: Actor, daftar: DaftarCetak, opsi: OpsiCetak, kemajuan: Kemajuan | None = None
) -> bytes:
    """One PDF of every document in ``daftar``; ``kemajuan(selesai, jumlah)`` False cancels it."""
    require(actor, Izin.CETAK)
    p = daftar.permintaan
    if p.jenis is JenisCetak.REKAP:
        if kemajuan is not None and not kemajuan(0, 1):
            raise CetakDibatalkan()
        pdf = _rekap(session, actor, daftar, opsi)
        if kemajuan is not None and not kemajuan(1, 1):
            raise CetakDibatalkan()
        return pdf
    if not daftar.butir:
        alasan = sorted({d.alasan for d in daftar.dilewati})
        raise NotFound(
            f"Tidak ada {p.jenis.label} untuk dicetak: {daftar.judul}.",
            saran=("Yang dilewati: " + "; ".join(alasan) + ".") if alasan else None,
        )
    lanskap = p.jenis is JenisCetak.EVALUASI
    return render_pdf(
        _bagian(session, actor, daftar, opsi),
        opsi.kertas,
        lanskap=lanskap,
        judul=daftar.judul,
        jumlah=len(daftar.butir),
        kemajuan=kemajuan,
    )


def print_pdf(
    session: Session, actor: Actor, p: Permintaan, opsi: OpsiCetak, kemajuan: Kemajuan | None = None
) -> tuple[DaftarCetak, bytes]:
    """The documents of ``p`` and their PDF (CetakDibatalkan when ``kemajuan`` returns False)."""
    daftar = list_printable(session, actor, p)
    return daftar, render_daftar(session, actor, daftar, opsi, kemajuan)
