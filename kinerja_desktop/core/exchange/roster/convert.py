"""Cell values as Excel and LibreOffice hand them over, turned into roster values or a clerk's message."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional
from kinerja_desktop.core.rules.nip import normalize_nip
from kinerja_desktop.core.rules.tanggal import format_tanggal, parse_tanggal
from kinerja_desktop.core.validation.pegawai import TAHUN_MIN  # a bare year in a date cell reads as 1905

#: What python-calamine returns for a cell.
Sel = str | float | int | bool | date | datetime | time | timedelta | None

_EPOCH_EXCEL = date(1899, 12, 30)
_ANGKA_ILMIAH = re.compile(r"^\d([.,]\d+)?[eE][+]?\d+$")
_JAM_NOL = re.compile(r"^(\S+)\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


class NilaiSalah(Exception):
    """A cell that cannot be read; ``pesan`` says why, in Indonesian."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


def kosong(v: Sel) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _angka_teks(v: float | int) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def teks(v: Sel) -> str:
    """Any cell as text; whole numbers lose their ".0"."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "Ya" if v else "Tidak"
    if isinstance(v, int | float):
        return _angka_teks(v)
    if isinstance(v, datetime):
        return format_tanggal(v.date())
    if isinstance(v, date):
        return format_tanggal(v)
    return " ".join(str(v).split())


def nip(v: Sel, nama_kolom: str = "NIP") -> str:
    """The NIP's digits; a number means Excel already dropped its last digits, so it is refused."""
    if kosong(v):
        return ""
    if isinstance(v, bool) or not isinstance(v, str | int | float):
        raise NilaiSalah(
            f"{nama_kolom} terbaca sebagai tanggal atau waktu, bukan nomor. Ketik ulang sebagai teks."
        )
    if isinstance(v, int | float):
        if not math.isfinite(v) or abs(v) < 1e15:
            raise NilaiSalah(
                f"{nama_kolom} tersimpan sebagai angka ({_angka_teks(v)}), bukan teks 18 digit. Ketik ulang "
                f"{nama_kolom} sebagai teks (awali dengan tanda petik ') lalu impor lagi."
            )
        tersimpan = str(int(Decimal(f"{v:.15g}")))  # what Excel shows: 15 digits, the rest zeros
        raise NilaiSalah(
            f"{nama_kolom} tersimpan sebagai angka oleh Excel sehingga digit terakhirnya sudah hilang "
            f"(yang tersimpan: {tersimpan}). Ketik ulang {nama_kolom} sebagai teks (awali dengan tanda "
            "petik ') lalu impor lagi."
        )
    isi = v.strip().lstrip("'").strip()
    if _ANGKA_ILMIAH.match(isi):
        raise NilaiSalah(
            f"{nama_kolom} '{isi}' adalah angka yang sudah dipotong Excel (notasi ilmiah); digit "
            f"terakhirnya hilang. Ketik ulang {nama_kolom} lengkap sebagai teks (awali dengan tanda "
            "petik ') lalu impor lagi."
        )
    return normalize_nip(isi)


def tanggal(v: Sel) -> date | None:
    """A real date, an Excel day number, or text such as 23/11/2026 or 2026-11-23."""
    if kosong(v):
        return None
    hasil = _tanggal(v)
    if hasil.year < TAHUN_MIN:
        raise NilaiSalah(
            f"Tanggal {format_tanggal(hasil)} tidak masuk akal untuk data pegawai; mungkin yang diketik "
            "hanya tahun atau sebuah angka. Tulis tanggal lengkap, misalnya 23/11/2026."
        )
    return hasil


def _tanggal(v: Sel) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, bool | time | timedelta):
        raise NilaiSalah("Isinya bukan tanggal. Tulis tanggal seperti 23/11/2026.")
    if isinstance(v, int | float):
        return _tanggal_dari_angka(v)
    isi = " ".join(str(v).split())
    if m := _JAM_NOL.match(isi):
        isi = m.group(1)
    try:
        return parse_tanggal(isi)
    except ValidationError as exc:
        raise NilaiSalah(f"{exc.pesan} {exc.saran or ''}".strip()) from None


def _tanggal_dari_angka(v: float) -> date:
    if not math.isfinite(v):
        raise NilaiSalah("Isinya bukan tanggal.")
    if float(v).is_integer() and 1900 <= v <= 2100:
        raise NilaiSalah(f"Isinya hanya {int(v)}; tulis tanggal lengkap, misalnya 01/01/{int(v)}.")
    if not 1 <= v < 2958466:
        raise NilaiSalah(
            f"Angka {format_angka(v)} tidak bisa dibaca sebagai tanggal. Tulis seperti 23/11/2026."
        )
    hasil = _EPOCH_EXCEL + timedelta(days=int(v))
    if hasil.year < 1900:
        raise NilaiSalah(
            f"Angka {format_angka(v)} tidak bisa dibaca sebagai tanggal. Tulis seperti 23/11/2026."
        )
    return hasil


def _kunci(v: Sel) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", teks(v).casefold()).split())


_KELAMIN = {
    "l": "L",
    "laki laki": "L",
    "laki": "L",
    "pria": "L",
    "lk": "L",
    "p": "P",
    "perempuan": "P",
    "wanita": "P",
    "w": "P",
    "pr": "P",
}


def jenis_kelamin(v: Sel) -> str:
    if kosong(v):
        return ""
    hasil = _KELAMIN.get(_kunci(v))
    if hasil is None:
        raise NilaiSalah(f"'{teks(v)}' tidak dikenali; isi L (laki-laki) atau P (perempuan).")
    return hasil


def status_kepegawaian(v: Sel) -> str:
    """ "pns", "cpns", "pppk"; "" for a blank cell (the caller decides: PNS for a new row)."""
    if kosong(v):
        return ""
    kunci = _kunci(v).replace(" ", "")
    hasil = {"pns": "pns", "cpns": "cpns", "pppk": "pppk", "p3k": "pppk"}.get(kunci)
    if hasil is None:
        raise NilaiSalah(f"Status '{teks(v)}' tidak dikenali; isi PNS, CPNS atau PPPK.")
    return hasil


def golongan(v: Sel) -> str:
    """As typed; normalised later together with the row's status (a PPPK "9" may arrive as a number)."""
    return teks(v)


def _tabel_jenis() -> dict[str, str]:
    hasil: dict[str, str] = {}
    for j in JenisJabatan:
        label = _kunci(j.label)
        for bentuk in (label, _kunci(j.value), label.removeprefix("jabatan "), f"jabatan {label}"):
            hasil[bentuk] = j.value
        if j.is_fungsional:
            akhir = label.removeprefix("jabatan fungsional ")
            for awal in ("jf", "jft", "fungsional"):
                hasil[f"{awal} {akhir}"] = j.value
    return hasil


_JENIS = _tabel_jenis()
_JENJANG = {_kunci(j.label): j.value for j in JenjangFungsional} | {
    _kunci(j.value): j.value for j in JenjangFungsional
}
_STATUS_AKTIF = {_kunci(s.label): s for s in StatusAktif} | {_kunci(s.value): s for s in StatusAktif}
_STATUS_AKTIF.update({"meninggal": StatusAktif.MENINGGAL, "mutasi": StatusAktif.MUTASI_KELUAR})


def jenis_jabatan(v: Sel) -> str:
    if kosong(v):
        return ""
    hasil = _JENIS.get(_kunci(v))
    if hasil is None:
        pilihan = ", ".join(j.label for j in JenisJabatan)
        raise NilaiSalah(f"Jenis jabatan '{teks(v)}' tidak dikenali; pilih salah satu: {pilihan}.")
    return hasil


def jenjang(v: Sel) -> str:
    if kosong(v):
        return ""
    hasil = _JENJANG.get(_kunci(v))
    if hasil is None:
        pilihan = ", ".join(j.label for j in JenjangFungsional)
        raise NilaiSalah(f"Jenjang '{teks(v)}' tidak dikenali; pilih salah satu: {pilihan}.")
    return hasil


def status_aktif(v: Sel) -> StatusAktif | None:
    """None for a blank cell (the caller decides: Aktif for a new row)."""
    if kosong(v):
        return None
    hasil = _STATUS_AKTIF.get(_kunci(v))
    if hasil is None:
        pilihan = ", ".join(s.label for s in StatusAktif)
        raise NilaiSalah(f"Status aktif '{teks(v)}' tidak dikenali; pilih salah satu: {pilihan}.")
    return hasil


def telepon(v: Sel) -> str:
    """As text; a number is accepted but its leading zero is restored only when it is obviously missing."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        angka = _angka_teks(v)
        return f"0{angka}" if angka.startswith("8") and 9 <= len(angka) <= 12 else angka
    return teks(v)


def nip_atasan(v: Sel) -> str:
    return nip(v, "NIP atasan")


#: Reader per column kunci; unknown kunci read as plain text.
PEMBACA: dict[str, Callable[[Sel], object]] = {
    "nip": nip,
    "atasan": nip_atasan,
    "tanggal_lahir": tanggal,
    "tmt_golongan": tanggal,
    "tmt_cpns": tanggal,
    "tmt_jabatan": tanggal,
    "tanggal_nonaktif": tanggal,
    "jenis_kelamin": jenis_kelamin,
    "status_kepegawaian": status_kepegawaian,
    "golongan": golongan,
    "jenis_jabatan": jenis_jabatan,
    "jenjang_jabatan": jenjang,
    "status_aktif": status_aktif,
    "telepon": telepon,
}
