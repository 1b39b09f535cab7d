"""Ratings per period, TW1 (final, with snapshots) and TW2 (draft) evaluations, feedback, AK, follow-up."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from kinerja_desktop.core.db.models import Evaluasi, TindakLanjut, UmpanBalikPerilaku, UmpanBalikRhk
from kinerja_desktop.core.demo import data_teks as dt
from kinerja_desktop.core.demo.model import PERIODE_REALISASI, DPegawai
from kinerja_desktop.core.demo.rng import Acak
from kinerja_desktop.core.demo.skp import DISETUJUI
from kinerja_desktop.core.demo.writer import Penulis
from kinerja_desktop.core.rules.angka_kredit import compute_angka_kredit
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.predikat import Predikat, Rating, compute_predikat

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
_PREDIKAT = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG)
#: Individual predikat shares per organisation capaian (SE MenPANRB 3/2023 shapes).
_SEBARAN: dict[str, tuple[float, ...]] = {
    CapaianOrganisasi.BAIK.value: (12, 78, 8, 2),
    CapaianOrganisasi.ISTIMEWA.value: (40, 52, 6, 2),
}
_PASANGAN: dict[Predikat, tuple[tuple[tuple[Rating, Rating], ...], tuple[float, ...]]] = {
    Predikat.SANGAT_BAIK: (((A, A),), (1,)),
    Predikat.BAIK: (((S, S), (A, S), (S, A)), (70, 15, 15)),
    Predikat.BUTUH_PERBAIKAN: (((B, S), (B, A)), (80, 20)),
    Predikat.KURANG: (((S, B),), (1,)),
}
_LABEL = {k: Periode(k).label.lower() for k in PERIODE_REALISASI}


def rencana_rating(rng: Acak, p: DPegawai) -> None:
    """The (rating hasil, rating perilaku) of each period, fixed before realisasi is written.

    A unit head's rating hasil follows the unit's capaian (Istimewa → di atas, else sesuai);
    staff get a predikat drawn from the distribution that fits their unit's capaian.
    """
    sebelumnya: tuple[Rating, Rating] | None = None
    for periode in PERIODE_REALISASI:
        if sebelumnya is not None and rng.peluang(0.7):
            p.rating[periode] = sebelumnya
            continue
        if p.kepala_dari is not None:
            istimewa = p.kepala_dari.capaian.get(periode) == CapaianOrganisasi.ISTIMEWA.value
            perilaku = rng.berbobot((S, A, B), (75, 22, 3))
            pasangan = (A if istimewa else S, perilaku)
        else:
            sebaran = _SEBARAN.get(p.unit.capaian.get(periode, ""), _SEBARAN[CapaianOrganisasi.BAIK.value])
            predikat = rng.berbobot(_PREDIKAT, sebaran)
            pilihan, bobot = _PASANGAN[predikat]
            pasangan = rng.berbobot(pilihan, bobot)
        p.rating[periode] = sebelumnya = pasangan


class EvaluasiMaker:
    """Writes the evaluations of TW1 (final) and TW2 (draft) for most approved SKPs."""

    def __init__(
        self,
        rng: Acak,
        penulis: Penulis,
        tahun: int,
        perilaku_ids: list[str],
        atasan_luar: dict[str, str],
        penilai_akun: str,
    ) -> None:
        self.rng = rng
        self.penulis = penulis
        self.tahun = tahun
        self.perilaku_ids = perilaku_ids
        self.atasan_luar = atasan_luar
        self.penilai_akun = penilai_akun

    def make(self, p: DPegawai) -> None:
        """Nothing for the head of the office (appraised outside it) or SKPs not yet approved."""
        if p.atasan is None or p.skp_status != DISETUJUI or not self.rng.peluang(0.95):
            return
        self._evaluasi(p, "TW1", final=True)
        self._evaluasi(p, "TW2", final=False)

    def _evaluasi(self, p: DPegawai, periode: str, final: bool) -> None:
        rng, tahun = self.rng, self.tahun
        atasan = p.atasan
        assert atasan is not None
        dinilai = final or rng.peluang(0.85)
        hasil, perilaku = p.rating[periode]
        predikat = compute_predikat(hasil, perilaku) if dinilai else None
        bulan = Periode(periode).bulan_awal + 3
        hari = rng.randint(3, 14)
        row: dict[str, Any] = {
            "id": rng.uid(),
            "skp_id": p.skp_id,
            "periode": periode,
            "status": "final" if final else "draf",
            "rating_hasil": hasil.value if dinilai else None,
            "rating_perilaku": perilaku.value if dinilai else None,
            "predikat": predikat.value if predikat else None,
            "capaian_organisasi": p.unit.capaian.get(periode),
            "catatan_rekomendasi": dt.CATATAN_REKOMENDASI[predikat.value] if final and predikat else "",
            "tanggal_evaluasi": date(tahun, bulan, hari) if dinilai else None,
        }
        if predikat is not None and p.jenjang is not None:
            row["angka_kredit"] = compute_angka_kredit(p.jenjang, predikat, bulan=3)
        if final:
            atasan_penilai = atasan.atasan.snapshot() if atasan.atasan else self.atasan_luar
            row.update(
                difinalkan_pada=datetime(
                    tahun, bulan, hari, rng.randint(1, 8), rng.randint(0, 59), tzinfo=UTC
                ),
                difinalkan_oleh=self.penilai_akun if atasan.atasan is None else "admin",
                snapshot_pegawai=p.snapshot(),
                snapshot_penilai=atasan.snapshot(),
                snapshot_atasan_penilai=atasan_penilai,
            )
        self.penulis.add(Evaluasi, row)
        self._umpan_balik(p, row["id"], periode, hasil, perilaku, dinilai)
        if final and predikat is not None:
            self._tindak_lanjut(p, row["id"], predikat, date(tahun, bulan, min(28, hari + 10)))

    def _umpan_balik(
        self, p: DPegawai, evaluasi_id: str, periode: str, hasil: Rating, perilaku: Rating, dinilai: bool
    ) -> None:
        rng, label = self.rng, _LABEL[periode]
        for rhk in p.rhk:
            diri = rng.salah_satu(dt.PENILAIAN_DIRI[hasil.value]).format(
                periode=label, objek=rhk.contoh.objek
            )
            self.penulis.add(
                UmpanBalikRhk,
                {
                    "id": rng.uid(),
                    "evaluasi_id": evaluasi_id,
                    "rhk_id": rhk.id,
                    "penilaian_diri": diri[0].upper() + diri[1:],
                    "umpan_balik": rng.salah_satu(dt.UMPAN_BALIK_RHK[hasil.value]) if dinilai else "",
                },
            )
        if not dinilai:
            return
        for perilaku_id in self.perilaku_ids:
            nilai = perilaku if rng.peluang(0.8) else Rating.SESUAI
            self.penulis.add(
                UmpanBalikPerilaku,
                {
                    "id": rng.uid(),
                    "evaluasi_id": evaluasi_id,
                    "perilaku_id": perilaku_id,
                    "umpan_balik": rng.salah_satu(dt.UMPAN_BALIK_PERILAKU[nilai.value]),
                },
            )

    def _tindak_lanjut(self, p: DPegawai, evaluasi_id: str, predikat: Predikat, tanggal: date) -> None:
        aturan = dt.TINDAK_LANJUT.get(predikat.value)
        if aturan is None or (predikat is Predikat.SANGAT_BAIK and not self.rng.peluang(0.25)):
            return
        jenis, uraian = aturan
        self.penulis.add(
            TindakLanjut,
            {
                "id": self.rng.uid(),
                "pegawai_id": p.id,
                "evaluasi_id": evaluasi_id,
                "jenis": jenis,
                "uraian": uraian,
                "tanggal": tanggal,
            },
        )
