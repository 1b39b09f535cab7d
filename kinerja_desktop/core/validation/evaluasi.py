"""Rules of appraisal rows: an evaluation's codes, its predikat from the matrix and its angka kredit from
the conversion table, the unit's capaian, feedback texts and follow-up."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from kinerja_desktop.core.model.evaluasi import JenisRating, JenisTindakLanjut, StatusEvaluasi
from kinerja_desktop.core.model.skp import StatusSkp
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.angka_kredit import compute_angka_kredit
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi
from kinerja_desktop.core.rules.jabatan import JenjangFungsional
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.predikat import Predikat, Rating, compute_predikat
from kinerja_desktop.core.validation.base import (
    CodeRule,
    Masalah,
    NumberRule,
    RowCheck,
    RowRules,
    TextRule,
    one,
)
from kinerja_desktop.core.validation.realisasi import KODE_PERIODE, periode_kode
from kinerja_desktop.core.validation.skp import TAHUN_MAKS, TAHUN_MIN

#: Feedback, notes and self-assessment: what the evaluation form accepts in one box.
TEKS_MAKS = Batas.EVALUASI
_RATING = frozenset(r.value for r in Rating)
_PREDIKAT = frozenset(p.value for p in Predikat)
_CAPAIAN = frozenset(c.value for c in CapaianOrganisasi)
_SARAN_RATING = "Pilih Di Atas Ekspektasi, Sesuai Ekspektasi, atau Di Bawah Ekspektasi."
_SARAN_CAPAIAN = "Pilih Istimewa, Baik, Butuh Perbaikan (Cukup), Kurang, atau Sangat Kurang."
#: The SKP statuses an evaluation may stand on: approved, or approved and since replaced by a revision.
STATUS_SKP_DINILAI = frozenset({StatusSkp.DISETUJUI.value, StatusSkp.DIGANTI.value})


def rating_rule(jenis: JenisRating) -> CodeRule:
    nama = "Rating hasil kerja" if jenis is JenisRating.HASIL else "Rating perilaku kerja"
    return CodeRule(jenis.value, _RATING, f"{nama} '{{nilai}}' tidak dikenal.", saran=_SARAN_RATING)


def capaian_rule(kolom: str, *, boleh_kosong: bool) -> CodeRule:
    return CodeRule(
        kolom, _CAPAIAN, "Capaian '{nilai}' tidak dikenal.", boleh_kosong=boleh_kosong, saran=_SARAN_CAPAIAN
    )


def predikat_dari(rating_hasil: str | None, rating_perilaku: str | None) -> Predikat | None:
    """The predikat from the matrix once both ratings are given (None while one is missing)."""
    if not rating_hasil or not rating_perilaku:
        return None
    return compute_predikat(Rating(rating_hasil), Rating(rating_perilaku))


def predikat_problem(
    rating_hasil: str | None, rating_perilaku: str | None, predikat: str | None
) -> Masalah | None:
    """The predikat is the matrix's for the two ratings (none while a rating is missing); never typed."""
    if rating_hasil not in _RATING | {None, ""} or rating_perilaku not in _RATING | {None, ""}:
        return None  # an unknown rating is the rating's problem
    harus = predikat_dari(rating_hasil, rating_perilaku)
    if (predikat or None) == (harus.value if harus else None):
        return None
    tertulis = Predikat(predikat).label if predikat in _PREDIKAT else f"'{predikat}'"
    if harus is None:
        pesan = (
            f"Predikat {tertulis} terisi padahal rating hasil kerja dan rating perilaku kerja belum lengkap; "
            "predikat dihitung dari kedua rating, tidak diketik."
        )
    else:
        assert rating_hasil and rating_perilaku
        pesan = (
            f"Predikat {tertulis if predikat else '(kosong)'} tidak sesuai matriks predikat kinerja: rating "
            f"hasil kerja {Rating(rating_hasil).label} dan rating perilaku kerja "
            f"{Rating(rating_perilaku).label} menghasilkan {harus.label}."
        )
    return Masalah("predikat", pesan)


def _predikat(rating_hasil: Any, rating_perilaku: Any, predikat: Any) -> list[Masalah]:
    return one(predikat_problem(rating_hasil, rating_perilaku, predikat))


def _final(status: Any, rating_hasil: Any, rating_perilaku: Any) -> list[Masalah]:
    """A final evaluation has both ratings."""
    if status != StatusEvaluasi.FINAL.value:
        return []
    for jenis, rating in ((JenisRating.HASIL, rating_hasil), (JenisRating.PERILAKU, rating_perilaku)):
        if not rating:
            return [
                Masalah(
                    jenis.value,
                    f"Evaluasi berstatus final tetapi {jenis.label} belum dipilih; evaluasi hanya bisa "
                    "difinalkan dengan kedua rating.",
                )
            ]
    return []


def _angka_kredit(angka_kredit: Any, predikat: Any) -> list[Masalah]:
    if angka_kredit is not None and not predikat:
        return [
            Masalah(
                "angka_kredit",
                "Angka kredit terisi padahal predikat belum ada; angka kredit dihitung dari predikat.",
            )
        ]
    return []


def bulan_dalam_periode(kode_periode: str, tahun: int, awal: date, akhir: date) -> int:
    """Whole months of the period that fall inside an SKP's periode penilaian ``awal`` … ``akhir``."""
    p = Periode(kode_periode)
    mulai = max(p.awal(tahun), awal)
    selesai = min(p.akhir(tahun), akhir)
    if selesai < mulai:
        return 0
    return (selesai.year - mulai.year) * 12 + selesai.month - mulai.month + 1


def angka_kredit_problem(angka_kredit: Decimal | None, predikat: str | None, bulan: int) -> Masalah | None:
    """The angka kredit is the conversion table's for the predikat and the months of the period in the
    SKP, for one of the jenjang fungsional (the pegawai's jenjang then; it may have changed since)."""
    if angka_kredit is None or predikat not in _PREDIKAT:
        return None
    p = Predikat(predikat)
    mungkin = sorted({compute_angka_kredit(j, p, bulan=bulan) for j in JenjangFungsional}) if bulan else []
    if angka_kredit in mungkin:
        return None
    if not mungkin:
        sebab = "periode ini di luar periode penilaian SKP-nya, jadi tidak ada angka kredit"
    else:
        daftar = "; ".join(format_angka(a, desimal=3) for a in mungkin)
        sebab = (
            f"predikat {p.label} untuk {bulan} bulan memberi salah satu dari {daftar} (menurut jenjangnya)"
        )
    return Masalah(
        "angka_kredit",
        f"Angka kredit {format_angka(angka_kredit, desimal=3)} tidak sesuai tabel konversi predikat ke angka "
        f"kredit: {sebab}.",
    )


def skp_problem(status_skp: str) -> Masalah | None:
    """An evaluation stands only on an approved SKP."""
    if status_skp in STATUS_SKP_DINILAI:
        return None
    label = StatusSkp(status_skp).label if status_skp in {s.value for s in StatusSkp} else status_skp
    return Masalah(
        "skp_id",
        f"Evaluasi kinerja hanya untuk SKP yang sudah disetujui (status SKP ini: {label}).",
        saran="Ajukan dan setujui SKP terlebih dahulu pada halaman SKP.",
    )


CAPAIAN_ORGANISASI = RowRules(
    "capaian_organisasi",
    teks=(TextRule("catatan", "Catatan capaian", Batas.CATATAN_CAPAIAN),),
    kode=(periode_kode(), capaian_rule("capaian", boleh_kosong=False)),
    angka=(
        NumberRule(
            "tahun",
            Decimal(TAHUN_MIN),
            Decimal(TAHUN_MAKS),
            f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.",
            f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.",
        ),
    ),
)

EVALUASI = RowRules(
    "evaluasi",
    teks=(
        TextRule("catatan_rekomendasi", "Catatan/rekomendasi", TEKS_MAKS),
        TextRule("difinalkan_oleh", "Nama akun yang memfinalkan", 60),
        TextRule("alasan_dibuka", "Riwayat alasan dibuka kembali", 20_000),
    ),
    kode=(
        periode_kode(),
        CodeRule(
            "status",
            frozenset({StatusEvaluasi.DRAF.value, StatusEvaluasi.FINAL.value}),
            "Status evaluasi '{nilai}' tidak dikenal; pilih draf atau final.",
            boleh_kosong=False,
        ),
        rating_rule(JenisRating.HASIL),
        rating_rule(JenisRating.PERILAKU),
        CodeRule("predikat", _PREDIKAT, "Predikat '{nilai}' tidak dikenal."),
        capaian_rule("capaian_organisasi", boleh_kosong=True),
    ),
    angka=(NumberRule("angka_kredit", Decimal(0), None, "Angka kredit tidak boleh negatif.", ""),),
    baris=(
        RowCheck(("rating_hasil", "rating_perilaku", "predikat"), _predikat),
        RowCheck(("status", "rating_hasil", "rating_perilaku"), _final),
        RowCheck(("angka_kredit", "predikat"), _angka_kredit),
    ),
)

UMPAN_BALIK_RHK = RowRules(
    "umpan_balik_rhk",
    teks=(
        TextRule("penilaian_diri", "Penilaian diri", TEKS_MAKS),
        TextRule("umpan_balik", "Umpan balik", TEKS_MAKS),
    ),
)

UMPAN_BALIK_PERILAKU = RowRules(
    "umpan_balik_perilaku", teks=(TextRule("umpan_balik", "Umpan balik", TEKS_MAKS),)
)

TINDAK_LANJUT = RowRules(
    "tindak_lanjut",
    teks=(TextRule("uraian", "Uraian tindak lanjut", TEKS_MAKS),),
    kode=(
        CodeRule(
            "jenis",
            frozenset(j.value for j in JenisTindakLanjut),
            "Jenis tindak lanjut '{nilai}' tidak dikenal; pilih penghargaan, sanksi atau pengembangan.",
            boleh_kosong=False,
        ),
    ),
)

__all__ = ["KODE_PERIODE"]
