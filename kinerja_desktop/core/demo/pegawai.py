"""Demo pegawai: heads for every unit, staff spread over the leaf units, with rank, position and training."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kinerja_desktop.core.db.models import Pegawai, Pelatihan, RiwayatJabatan, RiwayatPangkat
from kinerja_desktop.core.demo import data_jabatan as dj
from kinerja_desktop.core.demo import identitas as idt
from kinerja_desktop.core.demo.data_nama import BOBOT_TEMPAT_LAHIR, JALAN, KELURAHAN, TEMPAT_LAHIR
from kinerja_desktop.core.demo.data_teks import PELATIHAN
from kinerja_desktop.core.demo.model import DPegawai, DUnit
from kinerja_desktop.core.demo.rng import Acak
from kinerja_desktop.core.demo.writer import Penulis
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional
from kinerja_desktop.core.rules.pangkat import StatusKepegawaian

PNS, CPNS, PPPK = StatusKepegawaian.PNS.value, StatusKepegawaian.CPNS.value, StatusKepegawaian.PPPK.value
PORSI_PPPK = 0.2
NOMENKLATUR_BARU = date(2023, 1, 1)


@dataclass
class _Posisi:
    jabatan: str
    jenis: JenisJabatan
    jenjang: JenjangFungsional | None
    pendidikan: str
    status: str
    golongan: str
    masuk: str  # entry golongan (PNS/CPNS)


def _posisi_kepala(rng: Acak, unit: DUnit) -> _Posisi:
    pilihan = unit.jenis.golongan_kepala
    golongan = rng.berbobot(pilihan, [1.0] + [3.0] * (len(pilihan) - 1))
    if unit.jenis.kunci in ("kecamatan", "sekretariat"):
        pendidikan = "S2" if rng.peluang(0.7) else "S.STP"
    else:
        pendidikan = rng.berbobot(("S1", "S.STP", "S2"), (6, 2, 2))
    return _Posisi(unit.jabatan_kepala, unit.jenis.jenis_kepala, None, pendidikan, PNS, golongan, "III/a")


def _posisi_staf(rng: Acak, unit: DUnit, status: str) -> _Posisi:
    pool = unit.jenis.staf
    js = rng.berbobot(pool, [j.bobot for j in pool])
    if status == CPNS and js.jenis is not JenisJabatan.PELAKSANA:
        js = dj.PENATA_LAYANAN if js.pendidikan == "S1" else dj.PENGADMINISTRASI
    opsi = js.jenjang
    if status == PPPK and opsi and not set(opsi) & dj.JENJANG_PPPK:
        status = PNS
    jenjang: JenjangFungsional | None = None
    if opsi:
        if status == PPPK:
            opsi = tuple(j for j in opsi if j in dj.JENJANG_PPPK)
        jenjang = rng.berbobot(opsi, [len(opsi) - i for i in range(len(opsi))])
    masuk = dj.GOLONGAN_MASUK[js.pendidikan]
    if status == PPPK:
        golongan = dj.GOLONGAN_PPPK[js.pendidikan]
    elif jenjang is not None:
        golongan = rng.salah_satu(dj.GOLONGAN_JENJANG[jenjang])
        if idt.selisih(golongan, masuk) < 0:
            masuk = golongan
    else:
        golongan = masuk
    jabatan = f"{js.nama} {jenjang.label}" if jenjang is not None else js.nama
    return _Posisi(jabatan, js.jenis, jenjang, js.pendidikan, status, golongan, masuk)


class PegawaiMaker:
    """Creates pegawai rows (and their riwayat and pelatihan) through one Penulis."""

    def __init__(self, rng: Acak, penulis: Penulis, kantor_id: str, tahun: int) -> None:
        self.rng = rng
        self.penulis = penulis
        self.kantor_id = kantor_id
        self.tahun = tahun
        self.nip = idt.NipSource(rng)

    def make_all(self, units: list[DUnit], jumlah: int, advance: Callable[[int], None]) -> list[DPegawai]:
        """Heads top-down, then staff unit by unit; every atasan is created before its bawahan."""
        rng = self.rng
        hasil: list[DPegawai] = []
        for unit in units:
            atasan = unit.induk.kepala if unit.induk is not None else None
            jk = "L" if rng.peluang(0.7) else "P"
            p = self._make(_posisi_kepala(rng, unit), unit, atasan, jk, kepala=True)
            p.kepala_dari = unit
            unit.kepala = p
            hasil.append(p)
            advance(1)
        daun = [u for u in units if u.daun]
        sisa = max(0, jumlah - len(units))
        tujuan = rng.choices(daun, weights=[u.jenis.bobot for u in daun], k=sisa)
        urutan = {id(u): i for i, u in enumerate(daun)}
        tujuan.sort(key=lambda u: urutan[id(u)])
        jumlah_cpns = min(sisa, max(2, round(jumlah * 0.01))) if sisa >= 4 else 0
        cpns = set(rng.sample(range(sisa), jumlah_cpns))
        peluang_pppk = min(0.6, PORSI_PPPK * jumlah / sisa) if sisa else 0.0
        for i, unit in enumerate(tujuan):
            status = CPNS if i in cpns else (PPPK if rng.peluang(peluang_pppk) else PNS)
            posisi = _posisi_staf(rng, unit, status)
            laki = 0.8 if posisi.jabatan.startswith("Polisi Pamong Praja") else 0.5
            assert unit.kepala is not None
            hasil.append(
                self._make(posisi, unit, unit.kepala, "L" if rng.peluang(laki) else "P", kepala=False)
            )
            self.penulis.titik_aman()
            advance(1)
        return hasil

    def _make(self, pos: _Posisi, unit: DUnit, atasan: DPegawai | None, jk: str, kepala: bool) -> DPegawai:
        rng, tahun = self.rng, self.tahun
        pendidikan_nip = "S1" if pos.pendidikan in ("S2", "S.STP") else pos.pendidikan
        if pos.status == PPPK:
            tahun_angkat = rng.randint(2021, tahun - 1) if tahun > 2021 else tahun
            tmt = date(tahun_angkat, rng.salah_satu((1, 3, 4)), 1)
            tahun_lahir = max(tahun_angkat - rng.randint(24, 45), tahun - idt.USIA_MAKS)
            lahir = rng.tanggal(date(tahun_lahir, 1, 1), date(tahun_lahir, 12, 28))
            nip = self.nip.pppk(lahir, tahun_angkat, jk)
            tmt_cpns: date | None = None
            tmt_golongan = tmt
        else:
            if pos.status == CPNS:
                masa = 1
            elif pos.jenis is JenisJabatan.PELAKSANA:
                masa = rng.randint(2, 30)
                puncak = dj.GOLONGAN_PUNCAK[pendidikan_nip]
                pos.golongan = idt.shift_golongan(pos.masuk, min(masa // 4, idt.selisih(puncak, pos.masuk)))
            else:
                masa = idt.selisih(pos.golongan, pos.masuk) * 4 + rng.randint(2, 5)
            masa = min(masa, idt.USIA_MAKS - idt.USIA_MASUK[pendidikan_nip][1])
            tmt = idt.tmt_dari_masa_kerja(rng, tahun, masa)
            lahir = idt.tanggal_lahir(rng, tmt, pendidikan_nip, tahun)
            nip = self.nip.pns(lahir, tmt, jk)
            tmt_cpns = tmt
            tmt_golongan = self._tmt_golongan(tmt, pos)
        nama = idt.make_nama(rng, jk, pos.pendidikan, lahir.year, tahun - lahir.year > 45)
        p = DPegawai(
            rng.uid(),
            nama.nama,
            nama.gelar_depan,
            nama.gelar_belakang,
            nip,
            pos.status,
            pos.golongan,
            pos.jabatan,
            pos.jenis,
            pos.jenjang,
            unit,
            atasan,
        )
        tmt_jabatan = self._riwayat_jabatan(p, pos, tmt, kepala)
        self._riwayat_pangkat(p, pos, tmt, tmt_golongan)
        kel = (
            unit.nama.removeprefix("Kelurahan ")
            if "Kelurahan" in unit.nama
            else rng.salah_satu(KELURAHAN[:7])
        )
        self.penulis.add(
            Pegawai,
            {
                "id": p.id,
                "kantor_id": self.kantor_id,
                "nip": nip,
                "nama": p.nama,
                "gelar_depan": p.gelar_depan,
                "gelar_belakang": p.gelar_belakang,
                "tempat_lahir": rng.berbobot(TEMPAT_LAHIR, BOBOT_TEMPAT_LAHIR),
                "tanggal_lahir": lahir,
                "jenis_kelamin": jk,
                "status_kepegawaian": pos.status,
                "tmt_cpns": tmt_cpns,
                "golongan": pos.golongan,
                "tmt_golongan": tmt_golongan,
                "jabatan": pos.jabatan,
                "jenis_jabatan": pos.jenis.value,
                "jenjang_jabatan": pos.jenjang.value if pos.jenjang else "",
                "tmt_jabatan": tmt_jabatan,
                "unit_kerja_id": unit.id,
                "atasan_id": atasan.id if atasan else None,
                "alamat": f"{rng.salah_satu(JALAN)} No. {rng.randint(1, 250)}, {kel}, Palembang",
                "status_aktif": "aktif",
            },
        )
        self._pelatihan(p)
        return p

    def _tmt_golongan(self, tmt: date, pos: _Posisi) -> date:
        if pos.status == CPNS or pos.golongan == pos.masuk:
            return tmt
        tahun = max(tmt.year + 2, self.tahun - self.rng.randint(1, 4))
        return date(min(tahun, self.tahun), self.rng.salah_satu((4, 10)), 1)

    def _riwayat_pangkat(self, p: DPegawai, pos: _Posisi, tmt: date, tmt_golongan: date) -> None:
        rng = self.rng
        kode = {PNS: "823.3", CPNS: "813.3", PPPK: "800.1.2.2"}[pos.status]
        rows: list[tuple[str, date]] = [(pos.golongan, tmt_golongan)]
        if pos.status == PNS and pos.golongan != pos.masuk and rng.peluang(0.6):
            lama = idt.shift_golongan(pos.golongan, -1)
            rows.append((lama, tmt if lama == pos.masuk else max(tmt, tmt_golongan - timedelta(days=1461))))
        for golongan, mulai in reversed(rows):
            self.penulis.add(
                RiwayatPangkat,
                {
                    "id": rng.uid(),
                    "pegawai_id": p.id,
                    "golongan": golongan,
                    "tmt": mulai,
                    "nomor_sk": f"{kode}/{rng.randint(100, 999)}/BKPSDM/{mulai.year}",
                },
            )

    def _riwayat_jabatan(self, p: DPegawai, pos: _Posisi, tmt: date, kepala: bool) -> date:
        """The open position row, and for some an older closed one; returns the current TMT jabatan."""
        rng, tahun = self.rng, self.tahun
        lama: tuple[str, str, str, date] | None = None  # jabatan, jenis, jenjang, tmt
        ket = ""
        if pos.status != PNS:
            mulai = tmt
        elif kepala:
            mulai = self._tanggal(max(tmt.year + 4, tahun - rng.randint(0, 4)))
            if rng.peluang(0.6):
                nama, jenis, jenjang = rng.salah_satu(dj.JABATAN_LAMA_KEPALA)
                awal = max(tmt, mulai - timedelta(days=365 * rng.randint(2, 5)))
                lama = (nama, jenis.value, jenjang, awal)
        else:
            mulai = self._tanggal(max(tmt.year + 1, tahun - rng.randint(0, 8)))
            pelaksana = pos.jenis is JenisJabatan.PELAKSANA
            if pelaksana and mulai < NOMENKLATUR_BARU <= date(tahun, 12, 31):
                lama = (rng.salah_satu(dj.JABATAN_LAMA_STAF), pos.jenis.value, "", mulai)
                mulai = NOMENKLATUR_BARU
                ket = "Penyesuaian nomenklatur jabatan pelaksana (PermenPANRB 45/2022)"
            elif not pelaksana and rng.peluang(0.3) and mulai > tmt:
                lama = (rng.salah_satu(dj.JABATAN_LAMA_STAF), JenisJabatan.PELAKSANA.value, "", tmt)
        baris: list[dict[str, Any]] = []
        if lama is not None:
            nama, jenis_lama, jenjang_lama, awal = lama
            baris.append(
                {
                    "jabatan": nama,
                    "jenis_jabatan": jenis_lama,
                    "jenjang_jabatan": jenjang_lama,
                    "unit_kerja_id": None,
                    "tmt": awal,
                    "sampai": mulai - timedelta(days=1),
                }
            )
        baris.append(
            {
                "jabatan": pos.jabatan,
                "jenis_jabatan": pos.jenis.value,
                "jenjang_jabatan": pos.jenjang.value if pos.jenjang else "",
                "unit_kerja_id": p.unit.id,
                "tmt": mulai,
                "sampai": None,
                "keterangan": ket,
            }
        )
        for b in baris:
            b["id"] = rng.uid()
            b["pegawai_id"] = p.id
            self.penulis.add(RiwayatJabatan, b)
        return mulai

    def _tanggal(self, tahun: int) -> date:
        tahun = min(tahun, self.tahun)
        return self.rng.tanggal(
            date(tahun, 1, 1), date(tahun, 12, 28) if tahun < self.tahun else date(tahun, 1, 2)
        )

    def _pelatihan(self, p: DPegawai) -> None:
        rng, tahun = self.rng, self.tahun
        jumlah = rng.berbobot((0, 1, 2, 3, 4), (8, 20, 30, 25, 17))
        polpp = p.jabatan.startswith("Polisi Pamong Praja")
        for _ in range(jumlah):
            nama, penyelenggara, lo, hi = rng.salah_satu(PELATIHAN)
            if "Penyidik" in nama and not polpp:
                nama, penyelenggara, lo, hi = PELATIHAN[0]
            jp = rng.randint(lo, hi)
            mulai = rng.tanggal(date(tahun, 1, 15), date(tahun, 11, 20))
            sertifikat = f"{rng.randint(1, 999):03d}/SERT/DIKLAT/{tahun}" if rng.peluang(0.7) else ""
            self.penulis.add(
                Pelatihan,
                {
                    "id": rng.uid(),
                    "pegawai_id": p.id,
                    "nama": nama,
                    "penyelenggara": penyelenggara,
                    "tanggal_mulai": mulai,
                    "tanggal_selesai": mulai + timedelta(days=max(0, jp // 8 - 1)),
                    "jp": jp,
                    "nomor_sertifikat": sertifikat,
                },
            )
