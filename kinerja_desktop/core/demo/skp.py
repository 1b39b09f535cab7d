"""One SKP per pegawai: cascaded RHK, indicators, lampiran, ekspektasi, actions, realisasi, evidence."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from kinerja_desktop.core.db.models import (
    BuktiDukung,
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    Realisasi,
    RencanaAksi,
    Rhk,
    Skp,
)
from kinerja_desktop.core.demo import data_teks as dt
from kinerja_desktop.core.demo.data_rhk import KEPALA, STAF, STAF_UNIT, TAMBAHAN, TEMA_CADANGAN, RhkContoh
from kinerja_desktop.core.demo.model import PERIODE_REALISASI, DPegawai, DRhk
from kinerja_desktop.core.demo.rng import Acak
from kinerja_desktop.core.demo.writer import Penulis
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.predikat import Rating

DRAFT, DIAJUKAN, DISETUJUI, DITOLAK = "draft", "diajukan", "disetujui", "ditolak"
KUANTITAS, KUALITAS, WAKTU = "kuantitas", "kualitas", "waktu"
_LABEL_PERIODE = {k: Periode(k).label.lower() for k in PERIODE_REALISASI}


def choose_status(rng: Acak, pegawai: list[DPegawai]) -> None:
    """Heads' SKPs are approved; staff mostly approved, some submitted, a few drafts, one rejected."""
    staf: list[DPegawai] = []
    for p in pegawai:
        if p.kepala_dari is not None:
            p.skp_status = DISETUJUI
        else:
            p.skp_status = rng.berbobot((DISETUJUI, DIAJUKAN, DRAFT), (85, 8, 7))
            staf.append(p)
    if staf:
        rng.salah_satu(staf).skp_status = DITOLAK


def _rhk_atasan(rng: Acak, tema: str, atasan: DPegawai | None) -> str | None:
    if atasan is None:
        return None
    utama = [r for r in atasan.rhk if r.jenis == "utama"]
    if not utama:
        return None
    for cari in (tema, *TEMA_CADANGAN.get(tema, ())):
        cocok = [r for r in utama if r.contoh.tema == cari]
        if cocok:
            return rng.salah_satu(cocok).id
    return rng.salah_satu(utama).id


class SkpMaker:
    """Writes the planning and realisation rows of one year."""

    def __init__(self, rng: Acak, penulis: Penulis, tahun: int, perilaku_ids: list[str]) -> None:
        self.rng = rng
        self.penulis = penulis
        self.tahun = tahun
        self.perilaku_ids = perilaku_ids

    def make(self, p: DPegawai) -> None:
        rng, tahun, status = self.rng, self.tahun, p.skp_status
        p.skp_id = rng.uid()
        atasan = p.atasan
        diajukan = disetujui = None
        if status != DRAFT:
            diajukan = datetime(tahun, 1, rng.randint(5, 20), rng.randint(1, 8), tzinfo=UTC)
        if status == DISETUJUI and diajukan is not None:
            disetujui = diajukan + timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 6))
        self.penulis.add(
            Skp,
            {
                "id": p.skp_id,
                "pegawai_id": p.id,
                "tahun": tahun,
                "versi": 1,
                "periode_awal": date(tahun, 1, 1),
                "periode_akhir": date(tahun, 12, 31),
                "pendekatan": "kuantitatif",
                "jenis_form": "jpt" if p.jenis_jabatan.is_jpt else "ja_jf",
                "status": status,
                "catatan_penolakan": dt.CATATAN_PENOLAKAN if status == DITOLAK else "",
                "pejabat_penilai_id": atasan.id if atasan else None,
                "atasan_penilai_id": atasan.atasan.id if atasan and atasan.atasan else None,
                "diajukan_pada": diajukan,
                "disetujui_pada": disetujui,
            },
        )
        for contoh in self._choose_rhk(p):
            self._rhk(p, contoh, "utama")
        if rng.peluang(0.25):
            self._rhk(p, rng.salah_satu(TAMBAHAN), "tambahan")
        self._lampiran(p)
        self._ekspektasi(p)

    def _choose_rhk(self, p: DPegawai) -> list[RhkContoh]:
        rng = self.rng
        if p.kepala_dari is not None:
            pool = list(KEPALA[p.kepala_dari.jenis.kunci])
            jumlah = len(pool) if p.atasan is None else min(len(pool), rng.randint(2, 4))
        else:
            pool = [c for kunci in STAF_UNIT[p.unit.jenis.kunci] for c in STAF[kunci]]
            jumlah = min(len(pool), rng.randint(2, 4))
        dipilih = sorted(rng.sample(range(len(pool)), jumlah))
        return [pool[i] for i in dipilih]

    def _rhk(self, p: DPegawai, contoh: RhkContoh, jenis: str) -> None:
        rng, penulis = self.rng, self.penulis
        atasan_id = _rhk_atasan(rng, contoh.tema, p.atasan) if jenis == "utama" else None
        rhk = DRhk(rng.uid(), jenis, contoh)
        p.rhk.append(rhk)
        penulis.add(
            Rhk,
            {
                "id": rhk.id,
                "skp_id": p.skp_id,
                "jenis": jenis,
                "teks": contoh.teks,
                "rhk_atasan_id": atasan_id,
                "urutan": len(p.rhk),
            },
        )
        lo, hi = contoh.target
        indikator: list[tuple[str, str, int | None, int | None, str]] = [
            (
                KUANTITAS,
                f"Jumlah {contoh.objek} yang {contoh.kerja}",
                rng.randint(lo, hi),
                None,
                contoh.satuan,
            ),
        ]
        if jenis == "utama":
            kualitas = rng.salah_satu((90, 95, 100))
            indikator.append(
                (
                    KUALITAS,
                    f"Persentase {contoh.objek} yang {contoh.kerja} sesuai ketentuan",
                    kualitas,
                    100 if kualitas < 100 and rng.peluang(0.4) else None,
                    "%",
                )
            )
        indikator.append((WAKTU, f"Waktu penyelesaian {contoh.objek}", 12, None, "bulan"))
        for urutan, (aspek, teks, target, maks, satuan) in enumerate(indikator, start=1):
            iid = rng.uid()
            rhk.indikator.append((iid, aspek, target or 0))
            penulis.add(
                Indikator,
                {
                    "id": iid,
                    "rhk_id": rhk.id,
                    "aspek": aspek,
                    "teks": teks,
                    "target_min": target,
                    "target_maks": maks,
                    "satuan": satuan,
                    "urutan": urutan,
                },
            )
        for periode in PERIODE_REALISASI:
            penulis.add(
                RencanaAksi,
                {
                    "id": rng.uid(),
                    "rhk_id": rhk.id,
                    "periode": periode,
                    "urutan": 1,
                    "teks": rng.salah_satu(dt.RENCANA_AKSI[periode]).format(objek=contoh.objek),
                },
            )

    def _lampiran(self, p: DPegawai) -> None:
        rng = self.rng
        for jenis, pool, lo, hi in (
            ("sumber_daya", dt.SUMBER_DAYA, 1, 2),
            ("skema", dt.SKEMA, 1, 1),
            ("konsekuensi", dt.KONSEKUENSI, 1, 2),
        ):
            for urutan, i in enumerate(sorted(rng.sample(range(len(pool)), rng.randint(lo, hi))), start=1):
                self.penulis.add(
                    LampiranSkp,
                    {"id": rng.uid(), "skp_id": p.skp_id, "jenis": jenis, "teks": pool[i], "urutan": urutan},
                )

    def _ekspektasi(self, p: DPegawai) -> None:
        rng = self.rng
        disetujui = p.skp_status == DISETUJUI
        for urutan, perilaku_id in enumerate(self.perilaku_ids, start=1):
            teks = ""
            if disetujui and rng.peluang(0.3):
                teks = rng.salah_satu(dt.EKSPEKTASI_KHUSUS[urutan])
            self.penulis.add(
                EkspektasiPerilaku,
                {"id": rng.uid(), "skp_id": p.skp_id, "perilaku_id": perilaku_id, "ekspektasi_khusus": teks},
            )

    def realisasi(self, p: DPegawai) -> None:
        """Realisasi per indicator and evidence per RHK for TW1–TW3 (approved SKPs only).

        Amounts follow the period's planned rating: near a quarter of the annual target when
        "sesuai", above it when "di atas", clearly below when "di bawah".
        """
        if p.skp_status != DISETUJUI:
            return
        rng, penulis = self.rng, self.penulis
        for periode in PERIODE_REALISASI:
            rating = p.rating.get(periode, (Rating.SESUAI, Rating.SESUAI))[0]
            for rhk in p.rhk:
                for iid, aspek, target in rhk.indikator:
                    penulis.add(
                        Realisasi,
                        {
                            "id": rng.uid(),
                            "indikator_id": iid,
                            "periode": periode,
                            "nilai": self._nilai(aspek, target, rating),
                            "teks": "",
                        },
                    )
                if rng.peluang(0.65):
                    self._bukti(rhk, periode)

    def _nilai(self, aspek: str, target: int, rating: Rating) -> int:
        rng = self.rng
        if aspek == WAKTU:
            return 2 if rating is Rating.DI_BAWAH and rng.peluang(0.6) else 3
        if aspek == KUALITAS:
            geser = {Rating.DI_ATAS: (0, 5), Rating.SESUAI: (-3, 2), Rating.DI_BAWAH: (-20, -8)}[rating]
            return max(0, min(100, target + rng.randint(*geser)))
        faktor = {Rating.DI_ATAS: (1.08, 1.3), Rating.SESUAI: (0.93, 1.06), Rating.DI_BAWAH: (0.5, 0.78)}
        return max(0, round(target / 4 * rng.uniform(*faktor[rating])))

    def _bukti(self, rhk: DRhk, periode: str) -> None:
        rng = self.rng
        label = _LABEL_PERIODE[periode]
        if rng.peluang(0.55):
            teks = rng.salah_satu(dt.BUKTI_CATATAN).format(objek=rhk.contoh.objek, periode=label)
            baris = {"jenis": "catatan", "tautan": "", "keterangan": teks}
        else:
            tautan = dt.BUKTI_TAUTAN.format(tahun=self.tahun, periode=periode, kode=rhk.id[:8])
            baris = {
                "jenis": "tautan",
                "tautan": tautan,
                "keterangan": f"Dokumentasi {rhk.contoh.objek} {label}",
            }
        baris.update({"id": rng.uid(), "rhk_id": rhk.id, "periode": periode})
        self.penulis.add(BuktiDukung, baris)
