"""Read the Info sheet of a package: refuse another program's workbook or a newer format, clearly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from kinerja_desktop.core.exchange.paket.labels import JUDUL_JUMLAH, LABEL_INFO, LEMBAR_INFO, TAHUN_SEMUA
from kinerja_desktop.core.exchange.paket.model import FORMAT_PAKET, VERSI_FORMAT, InfoPaket, JenisPaket
from kinerja_desktop.core.exchange.paket.reader.file_checks import BerkasPaketSalah
from kinerja_desktop.core.exchange.paket.schema import semua_jenis
from kinerja_desktop.core.exchange.roster.columns import LEMBAR_PENANDA

_SARAN_LAIN = "Pilih berkas paket yang dibuat lewat menu Pertukaran Data aplikasi Kinerja Desktop."


def _teks(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return "" if v is None else str(v).strip()


def refuse_foreign_workbook(nama: str, lembar: Sequence[str]) -> None:
    """A workbook without our Info sheet: say what it seems to be."""
    if LEMBAR_INFO in lembar:
        return
    if LEMBAR_PENANDA in lembar:
        raise BerkasPaketSalah(
            f"Berkas {nama} adalah daftar pegawai Kinerja Desktop, bukan paket pertukaran data.",
            saran="Impor daftar pegawai lewat menu Pegawai → Impor Excel.",
        )
    raise BerkasPaketSalah(
        f"Berkas {nama} bukan paket Kinerja Desktop: tidak ada lembar '{LEMBAR_INFO}'. Mungkin buku kerja "
        f"ini dibuat program lain. Lembar yang ada: {', '.join(lembar[:12]) or '(tidak ada)'}.",
        saran=_SARAN_LAIN,
    )


def read_info(nama: str, rows: Sequence[Sequence[Any]]) -> InfoPaket:
    """The InfoPaket written in the Info sheet; raises BerkasPaketSalah for another format or version."""
    label = {v.casefold(): k for k, v in LABEL_INFO.items()}
    nilai: dict[str, str] = {}
    jumlah: dict[str, int] = {}
    per_lembar = {j.lembar: j.tabel for j in semua_jenis()}
    di_tabel = False
    for row in rows:
        if not row:
            continue
        a = _teks(row[0])
        if a.casefold() == JUDUL_JUMLAH[0].casefold():
            di_tabel = True
        elif di_tabel and a in per_lembar and len(row) > 1:
            try:
                jumlah[per_lembar[a]] = int(float(_teks(row[1]) or "0"))
            except ValueError:
                jumlah[per_lembar[a]] = -1
        elif (kunci := label.get(a.casefold())) is not None and len(row) > 1:
            nilai[kunci] = _teks(row[1])
    bentuk = nilai.get("format", "")
    if bentuk != FORMAT_PAKET:
        raise BerkasPaketSalah(
            f"Berkas {nama} bukan paket Kinerja Desktop: lembar Info-nya tidak menyebut format "
            f"'{FORMAT_PAKET}'" + (f" (tertulis '{bentuk}')." if bentuk else "."),
            saran=_SARAN_LAIN,
        )
    versi = nilai.get("versi_format", "")
    if not versi.isdigit():
        raise BerkasPaketSalah(
            f"Versi format pada lembar Info berkas {nama} tidak terbaca ('{versi}'); lembar Info telah "
            "diubah.",
            saran="Minta paket baru dari pengirimnya.",
        )
    if int(versi) > VERSI_FORMAT:
        raise BerkasPaketSalah(
            f"Paket {nama} memakai format versi {versi}, lebih baru daripada yang dikenal aplikasi ini "
            f"(versi {VERSI_FORMAT}).",
            saran="Perbarui aplikasi Kinerja Desktop ke versi terbaru, lalu impor lagi.",
        )
    try:
        jenis = JenisPaket(nilai.get("jenis", ""))
        tahun_teks = nilai.get("tahun", "")
        tahun = None if tahun_teks in ("", TAHUN_SEMUA) else int(tahun_teks)
        dibuat = datetime.fromisoformat(nilai.get("dibuat_pada", ""))
    except ValueError as exc:
        raise BerkasPaketSalah(
            f"Lembar Info berkas {nama} telah diubah: jenis paket, tahun atau waktu pembuatannya tidak "
            "terbaca.",
            saran="Minta paket baru dari pengirimnya.",
        ) from exc
    return InfoPaket(
        jenis=jenis,
        kantor_kode=nilai.get("kantor_kode", ""),
        kantor_nama=nilai.get("kantor_nama", ""),
        tujuan_kode=nilai.get("tujuan_kode", ""),
        tahun=tahun,
        dibuat_pada=dibuat.replace(tzinfo=UTC) if dibuat.tzinfo is None else dibuat.astimezone(UTC),
        versi_aplikasi=nilai.get("versi_aplikasi", ""),
        jumlah=jumlah,
        checksum=nilai.get("checksum", ""),
        format=bentuk,
        versi_format=int(versi),
        kunci_publik=nilai.get("kunci_publik", ""),
        tanda_tangan=nilai.get("tanda_tangan", ""),
    )
