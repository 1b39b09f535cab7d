"""Realisation per period: realisasi per indicator and rencana aksi per RHK, on approved SKPs only."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.concurrency import changed, ensure_row
from kinerja_desktop.core.db.models import BuktiDukung, Evaluasi, Realisasi, RencanaAksi, Rhk, Skp
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.model.skp import JenisRhk, StatusSkp, format_target
from kinerja_desktop.core.rules.angka import parse_angka
from kinerja_desktop.core.rules.kumulatif import CaraKumulatif, capaian, cara_kumulatif, kumulatif
from kinerja_desktop.core.rules.periode import AKHIR, Periode, Ritme, daftar_periode, periode
from kinerja_desktop.core.rules.tanggal import format_rentang
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.skp.access import (
    ensure_can_edit,
    get_indikator_row,
    get_rhk_row,
    get_skp_row,
    latest_skp,
    live_indikator,
    live_rhk,
    may_edit,
)
from kinerja_desktop.core.validation.base import raise_first
from kinerja_desktop.core.validation.realisasi import REALISASI, RENCANA_AKSI


@dataclass(frozen=True)
class RencanaAksiRow:
    id: str
    teks: str
    urutan: int
    revisi: int = 1


@dataclass(frozen=True)
class IndikatorRealisasi:
    """One line of the grid: the indicator, its target and what was achieved in the period.

    A numeric target (``angka``) takes a number per period with ``teks_realisasi`` as its keterangan
    ("3 dokumen: SK, laporan, notulen"); a text target takes its realisation as text. The value so far
    in the year is ``kumulatif_sebelumnya`` (the earlier periods) combined with ``nilai`` as ``cara``
    says (see ``core.rules.kumulatif``).
    """

    indikator_id: str
    aspek: str
    teks: str
    target: str
    nilai: Decimal | None
    teks_realisasi: str
    #: The revisi of the realisasi row as read (0: there was none): handed back by ``set_realisasi``.
    revisi: int = 0
    angka: bool = True
    satuan: str = ""
    #: The annual target the capaian is measured against (the lower bound of a range).
    target_angka: Decimal | None = None
    kumulatif_sebelumnya: Decimal | None = None
    cara: CaraKumulatif = CaraKumulatif.JUMLAH

    @property
    def kumulatif(self) -> Decimal | None:
        """The value so far in the year, this period included (None for a text target)."""
        if not self.angka:
            return None
        return kumulatif((self.kumulatif_sebelumnya, self.nilai), self.cara)

    @property
    def capaian(self) -> Decimal | None:
        """The value so far as a percentage of the annual target (None when it cannot be said)."""
        return capaian(self.kumulatif, self.target_angka)


@dataclass(frozen=True)
class RhkRealisasi:
    rhk_id: str
    jenis: str
    teks: str
    perspektif: str
    indikator: list[IndikatorRealisasi]
    rencana_aksi: list[RencanaAksiRow]
    jumlah_bukti: int


@dataclass(frozen=True)
class RealisasiGrid:
    """Realisation of one SKP in one period; ``alasan`` says why it cannot be filled in when it cannot.

    ``bisa_dilihat``: the grid is worth showing (perhaps read-only) — the SKP is approved and the period
    lies within its periode penilaian; otherwise only ``alasan`` is shown.
    """

    skp_id: str
    periode: str
    periode_label: str
    bisa_diisi: bool
    alasan: str
    rhk: list[RhkRealisasi] = field(default_factory=list)
    bisa_dilihat: bool = True


def ritme_kantor(session: Session) -> Ritme:
    """The office's rhythm of periodic realisation and evaluation (triwulan unless set to bulanan)."""
    return Ritme(kantor.get_kantor(session).ritme or Ritme.TRIWULAN.value)


def periode_realisasi(session: Session) -> list[Periode]:
    """The periods of the office's rhythm, in calendar order (without the annual AKHIR)."""
    return daftar_periode(ritme_kantor(session), termasuk_akhir=False)


def check_periode(session: Session, kode: str) -> Periode:
    """The period for ``kode`` when it belongs to the office's rhythm, else ValidationError."""
    p = periode(kode)
    pilihan = periode_realisasi(session)
    if p not in pilihan:
        ritme = ritme_kantor(session)
        raise ValidationError(
            f"{p.label} bukan periode ritme {ritme.label.lower()} kantor ini.",
            kolom="periode",
            saran=f"Pilih {pilihan[0].label} sampai {pilihan[-1].label}.",
        )
    return p


def progress_problem(session: Session, skp: Skp, p: Periode | None = None) -> str:
    """Why realisation cannot be recorded on ``skp`` (for period ``p``); empty when it can."""
    if skp.status != StatusSkp.DISETUJUI:
        return (
            "Realisasi, rencana aksi dan bukti dukung diisi setelah SKP disetujui "
            f"(status SKP ini: {StatusSkp(skp.status).label})."
        )
    terbaru = latest_skp(session, skp.pegawai_id, skp.tahun)
    if terbaru is not None and terbaru.id != skp.id:
        return f"SKP ini sedang direvisi (versi {terbaru.versi}); lanjutkan setelah revisi disetujui."
    if p is not None and (p.akhir(skp.tahun) < skp.periode_awal or p.awal(skp.tahun) > skp.periode_akhir):
        rentang = format_rentang(skp.periode_awal, skp.periode_akhir)
        return f"{p.label} di luar periode penilaian SKP ini ({rentang})."
    if p is not None:
        final = _periode_final(session, skp, p)
        if final:
            return (
                f"Evaluasi {final} SKP ini sudah final, jadi realisasi, rencana aksi dan bukti dukung "
                f"{p.label} terkunci. Minta administrator membuka kembali evaluasinya bila perlu diubah."
            )
    return ""


def _periode_final(session: Session, skp: Skp, p: Periode) -> str:
    """The label of a final evaluation that locks period ``p`` (its own, or the annual AKHIR), else ""."""
    kode = session.scalars(
        select(Evaluasi.periode)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .where(
            Skp.pegawai_id == skp.pegawai_id,
            Skp.tahun == skp.tahun,
            Skp.dihapus_pada.is_(None),
            Evaluasi.periode.in_([p.kode, AKHIR]),
            Evaluasi.status == "final",
            Evaluasi.dihapus_pada.is_(None),
        )
    ).first()
    return Periode(kode).label if kode else ""


def ensure_progress(session: Session, actor: Actor, skp: Skp, p: Periode | None) -> None:
    ensure_can_edit(session, actor, skp)
    masalah = progress_problem(session, skp, p)
    if masalah:
        raise ValidationError(masalah)


#: Said when words were typed where the number goes: they belong in the keterangan beside it.
SARAN_KETERANGAN = (
    'Penjelasan seperti "3 dokumen: SK, laporan, notulen" ditulis sebagai keterangan, di samping angkanya.'
)


def clean_nilai(value: Decimal | int | float | str | None) -> Decimal | None:
    """The realisasi as stored (4 decimals): text as typed ("1.500" is 1500), None when empty.

    Raises ValidationError (kolom "nilai") for text that is not a number or a negative or huge value.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            angka = parse_angka(value, kolom="nilai", label="Realisasi")
        except ValidationError as e:
            if not any(c.isalpha() for c in value):
                raise
            raise ValidationError(e.pesan, kolom="nilai", saran=SARAN_KETERANGAN) from None
    else:
        angka = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    raise_first(REALISASI.check({"nilai": angka}))
    return angka.quantize(Decimal("0.0001"))


def set_realisasi(
    session: Session,
    actor: Actor,
    indikator_id: str,
    kode_periode: str,
    nilai: Decimal | int | float | str | None,
    teks: str = "",
    *,
    revisi: int | None = None,
) -> int:
    """Record (or, when both are empty, clear) what was achieved on an indicator in a period; returns
    the realisasi's revisi now (0 when there is none), for the next change from the same grid.

    ``revisi`` is the realisasi's as the grid read it (0 when there was none yet): a value someone else
    entered or changed meanwhile is refused rather than overwritten."""
    indikator, _, skp = get_indikator_row(session, indikator_id)
    p = check_periode(session, kode_periode)
    ensure_progress(session, actor, skp, p)
    angka, keterangan = clean_nilai(nilai), REALISASI.text("teks").ensure(teks.strip())
    row = session.scalar(
        select(Realisasi).where(Realisasi.indikator_id == indikator.id, Realisasi.periode == p.kode)
    )
    if revisi is not None and (row.revisi if row is not None else 0) != revisi:
        raise changed(
            session, (Realisasi, and_(Realisasi.indikator_id == indikator.id, Realisasi.periode == p.kode))
        )
    if angka is None and not keterangan:
        if row is not None and row.dihapus_pada is None:
            row.dihapus_pada = utcnow()
    elif row is None:
        row = Realisasi(indikator_id=indikator.id, periode=p.kode, nilai=angka, teks=keterangan)
        session.add(row)
    else:
        row.nilai, row.teks, row.dihapus_pada = angka, keterangan, None
    session.flush()
    return row.revisi if row is not None else 0


def _aksi(session: Session, rencana_id: str, revisi: int | None = None) -> tuple[RencanaAksi, Skp]:
    row = session.get(RencanaAksi, rencana_id)
    if row is not None:
        ensure_row(session, row, revisi)
    if row is None or row.dihapus_pada is not None:
        raise NotFound("Rencana aksi tidak ditemukan (mungkin sudah dihapus).")
    _, skp = get_rhk_row(session, row.rhk_id)
    return row, skp


def _teks_aksi(teks: str) -> str:
    return RENCANA_AKSI.text("teks").ensure(teks.strip())


def add_rencana_aksi(session: Session, actor: Actor, rhk_id: str, kode_periode: str, teks: str) -> str:
    """Add a planned action for an RHK in a period (at the end of that period's list)."""
    rhk, skp = get_rhk_row(session, rhk_id)
    p = check_periode(session, kode_periode)
    ensure_progress(session, actor, skp, p)
    last = session.scalar(
        select(func.max(RencanaAksi.urutan)).where(
            RencanaAksi.rhk_id == rhk.id, RencanaAksi.periode == p.kode
        )
    )
    row = RencanaAksi(rhk_id=rhk.id, periode=p.kode, teks=_teks_aksi(teks), urutan=int(last or 0) + 1)
    session.add(row)
    session.flush()
    return row.id


def update_rencana_aksi(
    session: Session, actor: Actor, rencana_id: str, teks: str, *, revisi: int | None = None
) -> None:
    row, skp = _aksi(session, rencana_id, revisi)
    ensure_progress(session, actor, skp, periode(row.periode))
    row.teks = _teks_aksi(teks)


def delete_rencana_aksi(
    session: Session, actor: Actor, rencana_id: str, *, revisi: int | None = None
) -> None:
    row, skp = _aksi(session, rencana_id, revisi)
    ensure_progress(session, actor, skp, periode(row.periode))
    row.dihapus_pada = utcnow()


def get_realisasi_grid(session: Session, actor: Actor, skp_id: str, kode_periode: str) -> RealisasiGrid:
    """Per RHK and indicator: the target, the realisasi of the period and the earlier periods' value so
    far (for the cumulative value and the capaian), with the period's actions and evidence count."""
    require(actor, Izin.LIHAT_DATA)
    skp = get_skp_row(session, skp_id)
    p = check_periode(session, kode_periode)
    alasan = progress_problem(session, skp, p)
    if not alasan and not may_edit(session, actor, skp):
        alasan = "Akun ini hanya dapat melihat realisasi SKP ini."
    rhk = sorted(live_rhk(session, skp.id), key=lambda r: (r.jenis != JenisRhk.UTAMA, r.urutan))
    rhk_ids = [r.id for r in rhk]
    indikator = live_indikator(session, rhk_ids)
    sampai_kini = [q.kode for q in periode_realisasi(session) if q.urutan <= p.urutan]
    realisasi: dict[str, Realisasi] = {}  # deleted ones too: their revisi is what a change must hand back
    lalu: dict[str, dict[str, Decimal]] = {}  # the earlier periods' numbers per indicator
    for r in session.scalars(
        select(Realisasi).where(
            Realisasi.indikator_id.in_([i.id for i in indikator]), Realisasi.periode.in_(sampai_kini)
        )
    ):
        if r.periode == p.kode:
            realisasi[r.indikator_id] = r
        elif r.dihapus_pada is None and r.nilai is not None:
            lalu.setdefault(r.indikator_id, {})[r.periode] = r.nilai
    aksi: dict[str, list[RencanaAksiRow]] = {r.id: [] for r in rhk}
    for a in session.scalars(
        select(RencanaAksi)
        .where(
            RencanaAksi.rhk_id.in_(rhk_ids), RencanaAksi.periode == p.kode, RencanaAksi.dihapus_pada.is_(None)
        )
        .order_by(RencanaAksi.urutan, RencanaAksi.id)
    ):
        aksi[a.rhk_id].append(RencanaAksiRow(a.id, a.teks, a.urutan, a.revisi))
    bukti = dict(
        session.execute(
            select(BuktiDukung.rhk_id, func.count())
            .where(
                BuktiDukung.rhk_id.in_(rhk_ids),
                BuktiDukung.periode == p.kode,
                BuktiDukung.dihapus_pada.is_(None),
            )
            .group_by(BuktiDukung.rhk_id)
        ).all()
    )
    per_rhk: dict[str, list[IndikatorRealisasi]] = {r.id: [] for r in rhk}
    for i in indikator:
        real = realisasi.get(i.id)
        live = real if real is not None and real.dihapus_pada is None else None
        cara = cara_kumulatif(i.aspek, i.satuan)
        sebelumnya = lalu.get(i.id, {})
        per_rhk[i.rhk_id].append(
            IndikatorRealisasi(
                i.id,
                i.aspek,
                i.teks,
                format_target(i.target_min, i.target_maks, i.satuan, i.target_teks),
                live.nilai if live else None,
                live.teks if live else "",
                real.revisi if real else 0,
                angka=i.target_min is not None or i.target_maks is not None,
                satuan=i.satuan,
                target_angka=i.target_min if i.target_min is not None else i.target_maks,
                kumulatif_sebelumnya=kumulatif((sebelumnya.get(k) for k in sampai_kini), cara),
                cara=cara,
            )
        )
    bisa_dilihat = skp.status == StatusSkp.DISETUJUI and (
        p.akhir(skp.tahun) >= skp.periode_awal and p.awal(skp.tahun) <= skp.periode_akhir
    )
    return RealisasiGrid(
        skp.id,
        p.kode,
        p.label,
        not alasan,
        alasan,
        [_rhk_row(r, per_rhk, aksi, bukti) for r in rhk],
        bisa_dilihat,
    )


def _rhk_row(
    r: Rhk,
    per_rhk: dict[str, list[IndikatorRealisasi]],
    aksi: dict[str, list[RencanaAksiRow]],
    bukti: dict[str, int],
) -> RhkRealisasi:
    return RhkRealisasi(
        r.id, r.jenis, r.teks, r.perspektif, per_rhk[r.id], aksi[r.id], int(bukti.get(r.id, 0))
    )
