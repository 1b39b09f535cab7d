"""Rules of a pegawai record and its rank and position history: NIP, codes, golongan, jabatan, e-mail."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional, jenjang_untuk_jenis
from kinerja_desktop.core.rules.nip import JenisNip, NipInfo, parse_nip
from kinerja_desktop.core.rules.pangkat import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    StatusKepegawaian,
    golongan_untuk_status,
)
from kinerja_desktop.core.validation.base import (
    CodeRule,
    DateRule,
    Masalah,
    RowCheck,
    RowRules,
    TextRule,
    one,
)

#: Earlier dates in a staff record are typing slips (a bare year read as a date is 1905).
TAHUN_MIN = 1930
TANGGAL_MIN, TANGGAL_MAKS = date(TAHUN_MIN, 1, 1), date(2100, 12, 31)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_STATUS = frozenset(s.value for s in StatusKepegawaian)


def _tanggal(kolom: str, label: str) -> DateRule:
    return DateRule(
        kolom,
        TANGGAL_MIN,
        TANGGAL_MAKS,
        f"{label} {{tanggal}} tidak masuk akal untuk data pegawai; periksa tahunnya "
        f"(antara {TAHUN_MIN} dan {TANGGAL_MAKS.year}).",
    )


def _kode_jabatan(kolom: str) -> tuple[CodeRule, CodeRule]:
    jenis = CodeRule(
        "jenis_jabatan", frozenset(j.value for j in JenisJabatan), "Jenis jabatan '{nilai}' tidak dikenal."
    )
    jenjang = CodeRule(
        "jenjang_jabatan", frozenset(j.value for j in JenjangFungsional), "Jenjang '{nilai}' tidak dikenal."
    )
    return (jenis, jenjang) if kolom == "jenis_jabatan" else (jenjang, jenis)


def jenis_nip_untuk(status: str) -> JenisNip:
    return JenisNip.PPPK if status == StatusKepegawaian.PPPK.value else JenisNip.PNS


def read_nip(nip: str, status: str) -> NipInfo:
    """The NIP in the layout the status implies; ValidationError (kolom "nip") says what is wrong."""
    return parse_nip(nip, jenis_nip_untuk(status))


def _nip(nip: Any, status: Any) -> list[Masalah]:
    if type(nip) is not str or status not in _STATUS:
        return []
    try:
        read_nip(nip, status)
    except ValidationError as exc:
        return [Masalah("nip", exc.pesan, saran=exc.saran or "")]
    return []


def golongan_problem(golongan: str, status: str) -> Masalah | None:
    """A golongan (as stored: "III/b", PPPK "IX") that does not belong to the status."""
    if not golongan or status not in _STATUS:
        return None
    s = StatusKepegawaian(status)
    if golongan in golongan_untuk_status(s):
        return None
    contoh = "I/a … IV/e" if s is not StatusKepegawaian.PPPK else "I … XVII"
    return Masalah("golongan", f"Golongan {golongan} tidak berlaku untuk {s.label} (pilih {contoh}).")


def _golongan(golongan: Any, status: Any) -> list[Masalah]:
    if type(golongan) is not str or type(status) is not str:
        return []
    return one(golongan_problem(golongan, status))


def jabatan_problems(jenis_jabatan: str, jenjang_jabatan: str) -> list[Masalah]:
    """A jenjang needs its jenis and must be one of its jenjang; a fungsional without one is a warning."""
    if not jenis_jabatan:
        return (
            [Masalah("jenis_jabatan", "Pilih jenis jabatan sebelum jenjangnya.")] if jenjang_jabatan else []
        )
    try:
        jenis = JenisJabatan(jenis_jabatan)
    except ValueError:
        return [Masalah("jenis_jabatan", f"Jenis jabatan '{jenis_jabatan}' tidak dikenal.")]
    if not jenjang_jabatan:
        if jenis.is_fungsional:
            return [Masalah("jenjang_jabatan", f"Pilih jenjang untuk {jenis.label}.", peringatan=True)]
        return []
    try:
        jenjang = JenjangFungsional(jenjang_jabatan)
    except ValueError:
        return [Masalah("jenjang_jabatan", f"Jenjang '{jenjang_jabatan}' tidak dikenal.")]
    if jenjang not in jenjang_untuk_jenis(jenis):
        return [Masalah("jenjang_jabatan", f"Jenjang {jenjang.label} bukan jenjang {jenis.label}.")]
    return []


def _jabatan(jenis: Any, jenjang: Any) -> list[Masalah]:
    if not isinstance(jenis, str | None) or not isinstance(jenjang, str | None):
        return []
    return jabatan_problems(jenis or "", jenjang or "")


def email_problem(email: str) -> Masalah | None:
    if email and not _EMAIL.match(email):
        return Masalah("email", f"Alamat surel '{email[:60]}' tidak sah (contoh: nama@contoh.go.id).")
    return None


def _email(email: Any) -> list[Masalah]:
    return one(email_problem(email)) if type(email) is str else []


_JABATAN = RowCheck(("jenis_jabatan", "jenjang_jabatan"), _jabatan)


PEGAWAI = RowRules(
    "pegawai",
    teks=(
        TextRule("nama", "Nama pegawai", 150, wajib=True),
        TextRule("gelar_depan", "Gelar depan", 40),
        TextRule("gelar_belakang", "Gelar belakang", 60),
        TextRule("tempat_lahir", "Tempat lahir", 100),
        TextRule("jabatan", "Nama jabatan", 200),
        TextRule("email", "Alamat surel", 100),
        TextRule("telepon", "Telepon", 50),
        TextRule("alamat", "Alamat", 500),
        TextRule("alasan_nonaktif", "Alasan nonaktif", 1000),
    ),
    kode=(
        CodeRule(
            "status_kepegawaian", _STATUS, "Status kepegawaian harus PNS, CPNS atau PPPK.", boleh_kosong=False
        ),
        CodeRule(
            "jenis_kelamin",
            frozenset({"L", "P"}),
            "Jenis kelamin '{nilai}' tidak dikenali.",
            saran="Isi L untuk laki-laki atau P untuk perempuan.",
        ),
        *_kode_jabatan("jenis_jabatan"),
        CodeRule(
            "status_aktif",
            frozenset(s.value for s in StatusAktif),
            "Status aktif '{nilai}' tidak dikenal; pilih Aktif, Pensiun, Mutasi keluar, Meninggal dunia "
            "atau Berhenti.",
            boleh_kosong=False,
        ),
    ),
    tanggal=(
        _tanggal("tanggal_lahir", "Tanggal lahir"),
        _tanggal("tmt_cpns", "TMT CPNS"),
        _tanggal("tmt_golongan", "TMT golongan"),
        _tanggal("tmt_jabatan", "TMT jabatan"),
        _tanggal("tanggal_nonaktif", "Tanggal nonaktif"),
    ),
    baris=(
        RowCheck(("nip", "status_kepegawaian"), _nip),
        RowCheck(("golongan", "status_kepegawaian"), _golongan),
        _JABATAN,
        RowCheck(("email",), _email),
    ),
)

RIWAYAT_JABATAN = RowRules(
    "riwayat_jabatan",
    teks=(TextRule("jabatan", "Nama jabatan", 200), TextRule("keterangan", "Keterangan", 1000)),
    kode=_kode_jabatan("jenis_jabatan"),
    tanggal=(_tanggal("tmt", "TMT jabatan"), _tanggal("sampai", "Akhir jabatan")),
    baris=(_JABATAN,),
)

RIWAYAT_PANGKAT = RowRules(
    "riwayat_pangkat",
    teks=(TextRule("nomor_sk", "Nomor SK", 100), TextRule("keterangan", "Keterangan", 1000)),
    kode=(
        CodeRule(
            "golongan",
            frozenset((*GOLONGAN_PNS, *GOLONGAN_PPPK)),
            "Golongan '{nilai}' tidak dikenal; tulis I/a sampai IV/e (PNS) atau I sampai XVII (PPPK).",
            boleh_kosong=False,
        ),
    ),
    tanggal=(_tanggal("tmt", "TMT golongan"),),
)
