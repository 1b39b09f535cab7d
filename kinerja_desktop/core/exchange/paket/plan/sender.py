"""Whether a package may be imported here at all: meant for this office, signed, unchanged, the right key.

Checked before any row is planned; a refusal is a ``KnownError`` naming the Info field and what to do,
and nothing is shown or written. A paket kantor goes to a central office only, a paket induk only to
the office it is for; the package must be signed, its Info fields must match their signature and its
rows the signed checksum (there is no accepting an edited package: the fix is a fresh export), and its
key must be the one pinned for its office, if one is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import KnownError, TidakPerlu
from kinerja_desktop.core.exchange.paket.labels import LABEL_INFO, LEMBAR_INFO
from kinerja_desktop.core.exchange.paket.model import InfoPaket, JenisPaket, Paket
from kinerja_desktop.core.exchange.paket.schema import semua_jenis
from kinerja_desktop.core.exchange.paket.signature import is_signed, verify_info
from kinerja_desktop.core.services import kantor, kunci_kantor
from kinerja_desktop.core.services.kunci_kantor import KunciKantor


@dataclass(frozen=True)
class Pengirim:
    """The checked sender of a package: its key, and whether this is the first import from it (the key
    is pinned when the import is applied)."""

    kunci: KunciKantor
    baru: bool


def _di(field: str) -> str:
    return f"lembar {LEMBAR_INFO}, {LABEL_INFO[field]}"


def saran_ekspor_ulang(kode: str) -> str:
    """What to do about a package changed after export (every changed package: there is no accepting one)."""
    return (
        "Paket yang diubah setelah diekspor selalu ditolak, juga bila perubahan itu disengaja. Minta "
        f"kantor {kode} mengekspor ulang paketnya, lalu kirim berkas itu apa adanya, tanpa disunting."
    )


def _check_meant_for_here(info: InfoPaket, session: Session) -> None:
    sendiri = kantor.get_kantor(session)
    dari = f"{info.kantor_nama} ({info.kantor_kode})" if info.kantor_nama else info.kantor_kode
    if info.kantor_kode == sendiri.kode:
        raise TidakPerlu(
            f"Paket ini dibuat oleh kantor ini sendiri ({sendiri.kode}); tidak ada yang perlu diimpor "
            f"({_di('kantor_kode')}).",
            saran="Paket ini untuk dikirim ke kantor lain. Untuk mengimpor, pilih paket yang diterima dari "
            "kantor lain.",
        )
    if info.jenis is JenisPaket.KANTOR and not sendiri.is_pusat:
        raise KnownError(
            f"Ini paket kantor dari {dari}: data kantor itu untuk kantor pusat (BKPSDM), bukan untuk "
            f"kantor ini ({sendiri.kode}), jadi tidak digabungkan ke sini ({_di('jenis')}).",
            saran="Kirim berkas ini ke kantor pusat. Kantor ini hanya mengimpor paket induk dari kantor "
            f"pusat yang dibuat untuk kantor {sendiri.kode}.",
        )
    if info.jenis is JenisPaket.INDUK and info.tujuan_kode != sendiri.kode:
        untuk = f"kantor {info.tujuan_kode}" if info.tujuan_kode else "kantor yang tidak disebut"
        raise KnownError(
            f"Paket induk ini untuk {untuk}, bukan untuk kantor ini ({sendiri.kode}) ({_di('tujuan_kode')}).",
            saran=f"Minta kantor pusat mengirim paket induk untuk kantor {sendiri.kode}.",
        )


def _berbeda(paket: Paket) -> str:
    """The sheets whose row count is not the one the Info sheet states (the cheap part of what changed)."""
    beda = [
        f"{j.lembar} (menurut Info {paket.info.jumlah.get(j.tabel, 0)}, terbaca {len(paket.baris[j.tabel])})"
        for j in semua_jenis()
        if j.tabel in paket.baris and len(paket.baris[j.tabel]) != paket.info.jumlah.get(j.tabel, 0)
    ]
    if beda:
        return " Jumlah barisnya berbeda pada lembar " + ", ".join(beda) + "."
    return " Ada sel yang diubah, ditambah atau dihapus pada lembar datanya."


def _check_signed(paket: Paket, checksum_cocok: bool) -> None:
    info = paket.info
    kode = info.kantor_kode
    if not is_signed(info):
        versi = f" ({info.versi_aplikasi})" if info.versi_aplikasi else ""
        raise KnownError(
            f"Paket dari kantor {kode} ini tidak bertanda tangan: {_di('kunci_publik')} dan "
            f"{LABEL_INFO['tanda_tangan']} kosong. Paket ini dibuat dengan Kinerja Desktop versi lama"
            f"{versi}, sebelum paket ditandatangani.",
            saran=f"Minta kantor {kode} memperbarui Kinerja Desktop ke versi ini, lalu mengekspor ulang "
            "paketnya.",
        )
    if not verify_info(info):
        raise KnownError(
            f"Lembar {LEMBAR_INFO} paket ini diubah setelah diekspor: tanda tangan kantor {kode} tidak cocok "
            f"lagi dengan isinya ({_di('tanda_tangan')}); kode kantor, jenis, tahun, jumlah baris atau "
            "checksum-nya sudah diganti.",
            saran=saran_ekspor_ulang(kode),
        )
    if not checksum_cocok:
        raise KnownError(
            f"Isi paket ini diubah setelah diekspor: datanya tidak cocok lagi dengan checksum yang "
            f"ditandatangani kantor {kode} ({_di('checksum')}).{_berbeda(paket)}",
            saran=saran_ekspor_ulang(kode),
        )


def check_sender(session: Session, paket: Paket, checksum_cocok: bool) -> Pengirim:
    """The package's sender once everything above holds; ``KnownError`` for the first thing that does
    not (``kunci_kantor.KunciBerbeda``, naming both fingerprints, for a key other than the pinned one).

    ``checksum_cocok``: the rows still give the checksum in the Info sheet.
    """
    info = paket.info
    _check_meant_for_here(info, session)
    _check_signed(paket, checksum_cocok)
    tersimpan = kunci_kantor.check_pinned(session, info.kantor_kode, info.kunci_publik)
    if tersimpan is not None:
        return Pengirim(tersimpan, False)
    return Pengirim(KunciKantor(info.kantor_kode, info.kunci_publik), True)
