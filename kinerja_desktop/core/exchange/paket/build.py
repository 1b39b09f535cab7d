"""Build a package in memory from the database: a paket kantor (office → central) or a paket induk."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Kantor, Pegawai
from kinerja_desktop.core.exchange.paket.checksum import checksum_cepat
from kinerja_desktop.core.exchange.paket.fetch import Kemajuan, fetch_paket_induk, fetch_paket_kantor
from kinerja_desktop.core.exchange.paket.model import Baris, InfoPaket, JenisPaket, Paket
from kinerja_desktop.core.exchange.paket.siasn import baris_siasn
from kinerja_desktop.core.exchange.paket.signature import sign_info
from kinerja_desktop.core.exchange.paket.writer.workbook import PaketDibatalkan, clean_texts
from kinerja_desktop.core.services.kantor import get_kantor
from kinerja_desktop.core.services.kunci_kantor import private_key


class _Awas:
    """Passes progress on and remembers a cancel (extraction stops quietly; building must not)."""

    def __init__(self, kemajuan: Kemajuan | None) -> None:
        self.kemajuan = kemajuan
        self.batal = False

    def __call__(self, selesai: int, total: int) -> bool:
        if self.kemajuan is not None and not self.kemajuan(selesai, total):
            self.batal = True
        return not self.batal

    def check(self) -> None:
        if self.batal:
            raise PaketDibatalkan()


def _nama_kantor(session: Session, kode: str) -> str:
    return session.scalar(select(Kantor.nama).where(Kantor.kode == kode)) or kode


def _kantor_sendiri(session: Session) -> str:
    """This installation's own office (the one set up by the first-run wizard)."""
    return get_kantor(session).kode


def _paket(
    session: Session,
    jenis: JenisPaket,
    kantor_kode: str,
    tujuan_kode: str,
    tahun: int | None,
    versi_aplikasi: str,
    baris: dict[str, list[Baris]],
) -> Paket:
    clean_texts(baris)
    info = InfoPaket(
        jenis=jenis,
        kantor_kode=kantor_kode,
        kantor_nama=_nama_kantor(session, kantor_kode),
        tujuan_kode=tujuan_kode,
        tahun=tahun,
        dibuat_pada=datetime.now(UTC),
        versi_aplikasi=versi_aplikasi,
        jumlah={tabel: len(rows) for tabel, rows in baris.items()},
        checksum=checksum_cepat(baris),
    )
    return Paket(sign_info(info, private_key(session)), baris)  # signed with this office's key


def build_paket_kantor(
    session: Session,
    kantor_kode: str,
    tahun: int | None,
    versi_aplikasi: str,
    *,
    dengan_siasn: bool = False,
    kemajuan: Kemajuan | None = None,
) -> Paket:
    """Everything office ``kantor_kode`` holds for ``tahun`` (all years when None), tombstones too.

    ``dengan_siasn`` adds the SIASN sheet (a central office exporting an office's results).
    """
    awas = _Awas(kemajuan)
    baris = fetch_paket_kantor(session, kantor_kode, tahun, awas)
    awas.check()
    paket = _paket(session, JenisPaket.KANTOR, kantor_kode, "", tahun, versi_aplikasi, baris)
    if dengan_siasn:
        kid = select(Kantor.id).where(Kantor.kode == kantor_kode).scalar_subquery()
        paket.siasn = baris_siasn(session, select(Pegawai.id).where(Pegawai.kantor_id == kid), tahun)
    return paket


def build_paket_induk(
    session: Session,
    tujuan_kode: str,
    tahun: int | None,
    versi_aplikasi: str,
    *,
    kantor_kode: str | None = None,
    kemajuan: Kemajuan | None = None,
) -> Paket:
    """The master data office ``tujuan_kode`` needs, made by ``kantor_kode`` (default: this office)."""
    awas = _Awas(kemajuan)
    baris = fetch_paket_induk(session, tujuan_kode, tahun, awas)
    awas.check()
    pembuat = kantor_kode or _kantor_sendiri(session)
    return _paket(session, JenisPaket.INDUK, pembuat, tujuan_kode, tahun, versi_aplikasi, baris)
