"""Load test of a central office on PostgreSQL: simulated staff browse, edit, import and print at once.

Run from the checkout:  python tests/perf/beban_pusat.py --detik 120 --staf 5 [--pegawai 2000]

The server is ``KINERJA_TEST_DATABASE_URL`` (a maintenance URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/
postgres), else a throwaway one started with ``.ci/postgres.sh`` (port ``--port``) and stopped afterwards. A
database of its own gets the demo office (``--pegawai``), made the central office; a second demo office
(SQLite, kode KCX) exports its paket kantor. Each staff member is a process with its own engine and login:
staff 0 imports that package once, staff 1 prints a unit's Dokumen Evaluasi batch to a PDF in a temporary
folder, every staff browses (pegawai list, SKP list, Penilaian grid, monitoring: the pages' service calls) and
edits pegawai (telepon, with ``revisi``) and evaluations (penilaian diri, with the form's stamp); edits of a
small shared set collide on purpose and their ``DataBerubah`` is counted, not an error. At the end: operations
per kind, p50/p95/max of the interactive reads, errors, and a "nothing lost" check of every table (count and
checksum before/after, explained by the edits that succeeded and the import). Exit 1 when an error occurred,
p95 of reads > 300 ms, or the check fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy

import argparse
import multiprocessing as mp
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import create_engine, inspect, make_url, select, text, update

ROOT = Path(__file__).resolve().parents[2]
BATAS_P95_MS = 300.0
KODE_KANTOR = "KCX"
#: Tables whose rows change with every action (bookkeeping), compared by count only (never fewer).
CATATAN = {"audit_log", "sync_log", "sinkron_dasar", "pengguna", "pengaturan", "kantor"}
#: Tables the evaluation saves write (new feedback rows, the evaluation's revisi): checked by value.
EVALUASI = {"evaluasi", "umpan_balik_rhk", "umpan_balik_perilaku"}


@dataclass
class Hasil:
    """What one staff process did."""

    staf: int
    baca_ms: list[tuple[str, float]] = field(default_factory=list)
    operasi: dict[str, int] = field(default_factory=dict)
    galat: list[str] = field(default_factory=list)
    #: Successful edits: (pegawai id, revisi after, telepon) and (skp id, rhk id, text, order key).
    pegawai_ok: list[tuple[str, int, str]] = field(default_factory=list)
    pegawai_tolak: list[str] = field(default_factory=list)
    evaluasi_ok: list[tuple[str, str, str, float]] = field(default_factory=list)
    evaluasi_tolak: list[str] = field(default_factory=list)
    #: Rows the import reported as new, per table.
    impor_baru: dict[str, int] = field(default_factory=dict)

    def hitung(self, jenis: str) -> None:
        self.operasi[jenis] = self.operasi.get(jenis, 0) + 1


def _buka(url: str) -> Any:
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace

    return Workspace.open(AppPaths(Path(tempfile.mkdtemp(prefix="kinerja-beban-staf-"))), url=url)


def staf(nomor: int, url: str, detik: float, bersama: dict[str, Any], antrian: Any) -> None:
    """One member of staff until ``detik`` have passed; puts a ``Hasil`` on ``antrian``."""
    from kinerja_desktop.core.errors import DataBerubah
    from kinerja_desktop.core.model.evaluasi import IsianEvaluasi
    from kinerja_desktop.core.services import pegawai, skp
    from kinerja_desktop.core.services.evaluasi import isian
    from kinerja_desktop.core.services.evaluasi.read import get_evaluasi_form
    from kinerja_desktop.core.services.evaluasi.unit import grid_unit
    from kinerja_desktop.core.services.monitoring import monitoring

    tempfile.tempdir = bersama["tmp"]  # every folder of the run under one, removed at the end
    hasil = Hasil(nomor)
    rng = random.Random(nomor)
    ws = _buka(url)
    actor = ws.login("admin", "admin123")
    tahun, unit_id = bersama["tahun"], bersama["unit_id"]
    panas_pegawai, panas_skp = bersama["panas_pegawai"], bersama["panas_skp"]
    akhir = time.monotonic() + detik

    def baca(jenis: str, fn: Any) -> Any:
        mulai = time.perf_counter()
        with ws.read() as s:
            nilai = fn(s)
        hasil.baca_ms.append((jenis, (time.perf_counter() - mulai) * 1000))
        hasil.hitung(jenis)
        return nilai

    def ubah_pegawai(n: int, pid: str | None = None) -> None:
        pid = pid or rng.choice(panas_pegawai)
        detail = baca("baca pegawai", lambda s: pegawai.get_pegawai(s, actor, pid))
        time.sleep(rng.uniform(0.05, 0.4))  # typing
        telepon = f"0711-{nomor}{n:05d}"
        try:
            with ws.transaction(actor) as s:
                pegawai.update_pegawai(
                    s, actor, pid, replace(detail.data, telepon=telepon), revisi=detail.revisi
                )
            hasil.pegawai_ok.append((pid, detail.revisi + 1, telepon))
            hasil.hitung("ubah pegawai")
        except DataBerubah:
            hasil.pegawai_tolak.append(telepon)
            hasil.hitung("ubah pegawai ditolak (DataBerubah)")

    def tabrakan(n: int) -> None:
        """Another window of this staff member saves the same pegawai first: the save is refused."""
        pid = rng.choice(panas_pegawai)
        detail = baca("baca pegawai", lambda s: pegawai.get_pegawai(s, actor, pid))
        ubah_pegawai(n, pid)  # the other window
        telepon = f"0711-{nomor}{n:05d}x"
        try:
            with ws.transaction(actor) as s:
                pegawai.update_pegawai(
                    s, actor, pid, replace(detail.data, telepon=telepon), revisi=detail.revisi
                )
            hasil.galat.append(f"staf {nomor}: perubahan atas data basi diterima ({pid})")
        except DataBerubah:
            hasil.pegawai_tolak.append(telepon)
            hasil.hitung("ubah pegawai ditolak (DataBerubah)")

    def ubah_evaluasi(n: int) -> None:
        skp_id = rng.choice(panas_skp)
        form = baca("formulir evaluasi", lambda s: get_evaluasi_form(s, actor, skp_id, "TW1"))
        rhk = form.hasil_kerja[0].rhk_id
        time.sleep(rng.uniform(0.05, 0.4))
        teks = f"Penilaian diri staf {nomor} nomor {n}"
        try:
            with ws.transaction(actor) as s:
                isian.save_isian(
                    s, actor, IsianEvaluasi(skp_id, "TW1", form.evaluasi_id, {rhk: teks}, stamp=form.stamp)
                )
            hasil.evaluasi_ok.append((skp_id, rhk, teks, time.time()))
            hasil.hitung("simpan evaluasi")
        except DataBerubah:
            hasil.evaluasi_tolak.append(teks)
            hasil.hitung("simpan evaluasi ditolak (DataBerubah)")

    try:
        if nomor == 0:
            _impor(ws, actor, Path(bersama["paket"]), hasil)
        if nomor == 1:
            _cetak(ws, actor, tahun, unit_id, hasil)
        n = 0
        while time.monotonic() < akhir:
            n += 1
            pilihan = rng.random()
            try:
                if pilihan < 0.25:
                    baca("daftar pegawai", lambda s: pegawai.list_pegawai(s, actor, termasuk_nonaktif=False))
                elif pilihan < 0.40:
                    baca("daftar SKP", lambda s: skp.list_skp(s, actor, tahun))
                elif pilihan < 0.60:
                    baca("grid penilaian unit", lambda s: grid_unit(s, actor, unit_id, tahun, "TW1"))
                elif pilihan < 0.70:
                    baca("monitoring", lambda s: monitoring(s, actor, tahun, "TW1"))
                elif pilihan < 0.82:
                    ubah_pegawai(n)
                elif pilihan < 0.85:
                    tabrakan(n)
                else:
                    ubah_evaluasi(n)
            except Exception as exc:  # anything but the expected conflicts fails the run
                hasil.galat.append(f"staf {nomor}: {type(exc).__name__}: {exc}")
            time.sleep(rng.uniform(0.1, 0.5))  # a person reads what the screen shows
    except Exception as exc:
        hasil.galat.append(f"staf {nomor}: {type(exc).__name__}: {exc}")
    finally:
        ws.close()
        antrian.put(hasil)


def _impor(ws: Any, actor: Any, paket: Path, hasil: Hasil) -> None:
    from kinerja_desktop.core.exchange.actions import import_file, plan_file

    mulai = time.perf_counter()
    rb = plan_file(ws, actor, paket)
    hasil_impor = import_file(ws, actor, rb)
    hasil.impor_baru = {t: j.get("baru", 0) for t, j in hasil_impor.jumlah.items()}
    hasil.hitung("impor paket kantor")
    print(f"  impor paket {KODE_KANTOR}: {time.perf_counter() - mulai:.1f} s", flush=True)


def _cetak(ws: Any, actor: Any, tahun: int, unit_id: str, hasil: Hasil) -> None:
    from kinerja_desktop.core.documents.files import save_pdf
    from kinerja_desktop.core.services.printing.batch import (
        JenisCetak,
        Permintaan,
        list_printable,
        opsi_bawaan,
        render_daftar,
    )

    mulai = time.perf_counter()
    with ws.read() as s:
        daftar = list_printable(
            s, actor, Permintaan(JenisCetak.DOKUMEN_EVALUASI, tahun, "TW1", unit_id, None)
        )
        data = render_daftar(s, actor, daftar, opsi_bawaan(s))
    keluar = Path(tempfile.mkdtemp(prefix="kinerja-beban-cetak-")) / "dokumen-evaluasi.pdf"
    save_pdf(data, keluar)
    hasil.hitung("cetak massal")
    print(
        f"  cetak {daftar.jumlah} dokumen: {time.perf_counter() - mulai:.1f} s, "
        f"{keluar.stat().st_size // 1024} KB"
    )


# --- set-up and the check -----------------------------------------------------------------------------


def _server(port: int) -> tuple[str, str | None]:
    url = os.environ.get("KINERJA_TEST_DATABASE_URL")
    if url:
        return url, None
    keluar = subprocess.run(
        [str(ROOT / ".ci" / "postgres.sh"), "start"],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "KINERJA_PG_PORT": str(port)},
    ).stdout
    nilai = dict(line.removeprefix("export ").split("=", 1) for line in keluar.splitlines() if "=" in line)
    return nilai["KINERJA_TEST_DATABASE_URL"], nilai["KINERJA_PG_DIR"]


def _nama_db() -> str:
    return f"kinerja_beban_{os.getpid()}"


def _sql(admin_url: str, *perintah: str, database: str | None = None) -> None:
    """Run statements outside a transaction on the server (``database``, else the maintenance one)."""
    url = make_url(admin_url)
    admin = create_engine(url.set(database=database) if database else url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        for p in perintah:
            c.execute(text(p))
    admin.dispose()


def _siapkan(admin_url: str, jumlah: int) -> tuple[str, Path]:
    """A fresh database with the demo office made central; the office KCX's package beside it."""
    from kinerja_desktop.core.db.models import Kantor
    from kinerja_desktop.core.demo import generate_demo
    from kinerja_desktop.core.services import kantor

    nama = _nama_db()
    _sql(admin_url, f"DROP DATABASE IF EXISTS {nama}", f"CREATE DATABASE {nama}")
    url = make_url(admin_url).set(database=nama).render_as_string(hide_password=False)
    mulai = time.perf_counter()
    ws = _buka(url)
    generate_demo(ws, jumlah_pegawai=jumlah, kantor_nama="BKPSDM Kota Palembang", kantor_kode="BKP", seed=1)
    with ws.transaction() as s:
        s.execute(update(Kantor).where(Kantor.kode == "BKP").values(is_pusat=True))
        kantor.set_setting(s, kantor.KEY_MODE, "pusat")
    ws.close()
    _sql(admin_url, "ANALYZE", database=nama)  # what autovacuum would have done on a server in use
    print(f"data demo {jumlah} pegawai di server: {time.perf_counter() - mulai:.1f} s", flush=True)
    return url, _paket_kantor(url)


def _paket_kantor(url: str) -> Path:
    """The paket kantor of a small demo office KCX whose pegawai share no NIP with the central office's
    (demo NIPs can repeat between two demo offices; a repeated one would be a conflict the importing clerk
    decides, which this test does not simulate): the first seed whose plan holds nothing back."""
    from kinerja_desktop.core.demo import generate_demo
    from kinerja_desktop.core.exchange.actions import export_paket, plan_file
    from kinerja_desktop.core.services.access import SYSTEM

    pusat = _buka(url)
    try:
        for seed in range(7, 30):
            lain = _buka(f"sqlite:///{tempfile.mkdtemp(prefix='kinerja-beban-kcx-')}/kinerja.sqlite3")
            try:
                generate_demo(
                    lain,
                    jumlah_pegawai=40,
                    kantor_nama="Kecamatan Kertapati",
                    kantor_kode=KODE_KANTOR,
                    seed=seed,
                )
                tujuan = Path(tempfile.mkdtemp(prefix="kinerja-beban-paket-")) / "kcx.xlsx"
                paket = export_paket(lain, SYSTEM, tujuan)
            finally:
                lain.close()
            if not plan_file(pusat, SYSTEM, paket.path).rencana.alasan_tertahan():
                return paket.path
    finally:
        pusat.close()
    raise SystemExit("tidak ada paket kantor demo tanpa konflik NIP dengan kantor pusat")


def _bersama(url: str) -> dict[str, Any]:
    from kinerja_desktop.core.db.models import Evaluasi, Pegawai, Skp, UnitKerja
    from kinerja_desktop.core.services.evaluasi.unit import grid_unit

    tahun = date.today().year
    ws = _buka(url)
    actor = ws.login("admin", "admin123")
    with ws.read() as s:
        unit_id = s.scalars(
            select(UnitKerja.id)
            .join(Pegawai, Pegawai.unit_kerja_id == UnitKerja.id)
            .group_by(UnitKerja.id)
            .order_by(text("count(*) desc"))
            .limit(1)
        ).one()
        pegawai_ids = list(
            s.scalars(select(Pegawai.id).where(Pegawai.status_aktif == "aktif").order_by(Pegawai.nip))
        )
        baris = [b.skp_id for b in grid_unit(s, actor, unit_id, tahun, "TW1") if b.skp_id]
        final = set(s.scalars(select(Evaluasi.skp_id).where(Evaluasi.status == "final")))
        skp_ids = [b for b in baris if b not in final and s.get(Skp, b) is not None]
    ws.close()
    rng = random.Random(3)
    return {
        "tahun": tahun,
        "unit_id": unit_id,
        "panas_pegawai": rng.sample(pegawai_ids, 25),  # a small shared set: edits collide on purpose
        "panas_skp": rng.sample(skp_ids, min(10, len(skp_ids))),
    }


def _sidik(url: str) -> dict[str, tuple[int, str, int]]:
    """Per table: rows and a checksum of their content with the imported office's rows left out, and all
    rows."""
    engine = create_engine(url)
    hasil: dict[str, tuple[int, str, int]] = {}
    with engine.connect() as c:
        for tabel in inspect(c).get_table_names():
            kolom = {k["name"] for k in inspect(c).get_columns(tabel)}
            where = f"WHERE kantor_asal IS DISTINCT FROM '{KODE_KANTOR}'" if "kantor_asal" in kolom else ""
            n, md5 = c.execute(
                text(
                    "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                    f'FROM "{tabel}" t {where}'
                )
            ).one()
            semua = c.execute(text(f'SELECT count(*) FROM "{tabel}"')).scalar_one()
            hasil[tabel] = (n, md5, semua)
    engine.dispose()
    return hasil


def _periksa(
    url: str, sebelum: dict[str, tuple[int, str, int]], hasil: list[Hasil], paket: Path
) -> list[str]:
    """What is wrong after the run: lost rows, changed rows nobody changed, edits missing or wrongly kept."""
    from kinerja_desktop.core.db.models import Pegawai
    from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket
    from kinerja_desktop.core.services.evaluasi.read import get_evaluasi_form

    salah: list[str] = []
    sesudah = _sidik(url)
    baru = {t: n for h in hasil for t, n in h.impor_baru.items()}
    if not baru:
        salah.append("impor paket tidak selesai")
    for tabel, (n, md5, semua) in sebelum.items():
        n2, md52, semua2 = sesudah[tabel]
        if n2 < n:
            salah.append(f"{tabel}: {n - n2} baris hilang")
        elif tabel in CATATAN or tabel in EVALUASI or tabel == "pegawai":
            continue  # bookkeeping; the edits are checked below by value
        elif (n2, md52) != (n, md5):
            salah.append(f"{tabel}: isi berubah tanpa ada yang mengubahnya ({n} -> {n2} baris)")
        elif semua2 - semua != baru.get(tabel, 0):
            salah.append(f"{tabel}: {semua2 - semua} baris bertambah, impor mencatat {baru.get(tabel, 0)}")
    ws = _buka(url)
    actor = ws.login("admin", "admin123")
    menang: dict[str, tuple[int, str]] = {}
    for h in hasil:
        for pid, revisi, telepon in h.pegawai_ok:
            if revisi > menang.get(pid, (0, ""))[0]:
                menang[pid] = (revisi, telepon)
    ditolak = {t for h in hasil for t in h.pegawai_tolak}
    with ws.read() as s:
        for pid, (revisi, telepon) in menang.items():
            p = s.get_one(Pegawai, pid)
            if (p.revisi, p.telepon) != (revisi, telepon):
                salah.append(f"pegawai {p.nip}: {p.revisi}/{p.telepon}, diharapkan {revisi}/{telepon}")
        sisa = s.scalars(select(Pegawai.nip).where(Pegawai.telepon.in_(ditolak))).all() if ditolak else []
        salah += [f"pegawai {nip}: perubahan yang ditolak tetap tersimpan" for nip in sisa]
        akhir_eval: dict[tuple[str, str], tuple[float, str]] = {}
        for h in hasil:
            for skp_id, rhk, teks, waktu in h.evaluasi_ok:
                if waktu > akhir_eval.get((skp_id, rhk), (0.0, ""))[0]:
                    akhir_eval[(skp_id, rhk)] = (waktu, teks)
        for (skp_id, rhk), (_w, teks) in akhir_eval.items():
            form = get_evaluasi_form(s, actor, skp_id, "TW1")
            ada = next(b.penilaian_diri for b in form.hasil_kerja if b.rhk_id == rhk)
            if ada != teks:
                salah.append(f"evaluasi {skp_id}: '{ada}', diharapkan '{teks}'")
    ws.close()
    impor = read_paket(paket).paket
    engine = create_engine(url)
    with engine.connect() as c:
        for tabel, baris in impor.baris.items():
            ids = {str(b.get("id")) for b in baris if b.get("id")}
            if not ids or baru.get(tabel, 0) != len(baris):
                continue  # rows merged into ours (the same master data) keep our ids
            tersimpan = {str(i) for i in c.execute(text(f'SELECT id FROM "{tabel}"')).scalars()}
            if not ids <= tersimpan:
                salah.append(f"{tabel}: {len(ids - tersimpan)} baris paket {KODE_KANTOR} tidak tersimpan")
    engine.dispose()
    return salah


def _persen(nilai: list[float], p: float) -> float:
    return statistics.quantiles(nilai, n=100, method="inclusive")[int(p) - 1] if len(nilai) > 1 else nilai[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--detik", type=float, default=120)
    parser.add_argument("--staf", type=int, default=5)
    parser.add_argument("--pegawai", type=int, default=2000)
    parser.add_argument("--port", type=int, default=54340, help="port of the throwaway server")
    args = parser.parse_args()
    if args.staf < 2:
        parser.error("--staf minimal 2 (satu mengimpor, satu mencetak)")
    admin_url, pg_dir = _server(args.port)
    akar = tempfile.mkdtemp(prefix="kinerja-beban-")
    tempfile.tempdir = akar
    try:
        url, paket = _siapkan(admin_url, args.pegawai)
        bersama = _bersama(url) | {"paket": str(paket), "tmp": akar}
        sebelum = _sidik(url)
        print(
            f"{args.staf} staf selama {args.detik:.0f} s; {os.cpu_count()} CPU, beban mesin sebelumnya "
            f"(load average 1 menit) {os.getloadavg()[0]:.1f} …",
            flush=True,
        )
        ctx = mp.get_context("spawn")
        antrian = ctx.Queue()
        proses = [
            ctx.Process(target=staf, args=(i, url, args.detik, bersama, antrian)) for i in range(args.staf)
        ]
        for p in proses:
            p.start()
        hasil = [antrian.get(timeout=args.detik + 900) for _ in proses]
        for p in proses:
            p.join()
        return _lapor(url, sebelum, hasil, paket)
    finally:
        _sql(admin_url, f"DROP DATABASE IF EXISTS {_nama_db()} WITH (FORCE)")
        shutil.rmtree(akar, ignore_errors=True)
        if pg_dir:
            subprocess.run([str(ROOT / ".ci" / "postgres.sh"), "stop", pg_dir], check=False)


def _lapor(url: str, sebelum: dict[str, tuple[int, str, int]], hasil: list[Hasil], paket: Path) -> int:
    operasi: dict[str, int] = {}
    for h in hasil:
        for k, v in h.operasi.items():
            operasi[k] = operasi.get(k, 0) + v
    print("operasi:")
    for k in sorted(operasi):
        print(f"  {k:<42} {operasi[k]:>6}")
    per_jenis: dict[str, list[float]] = {}
    for h in hasil:
        for jenis, ms in h.baca_ms:
            per_jenis.setdefault(jenis, []).append(ms)
    for jenis in sorted(per_jenis):
        nilai = per_jenis[jenis]
        print(
            f"  {jenis:<24} p50 {_persen(nilai, 50):7.1f} ms  p95 {_persen(nilai, 95):7.1f} ms  "
            f"maks {max(nilai):7.1f} ms"
        )
    baca = [ms for nilai in per_jenis.values() for ms in nilai]
    p95 = _persen(baca, 95)
    print(
        f"bacaan interaktif: n={len(baca)}  p50 {_persen(baca, 50):.1f} ms  p95 {p95:.1f} ms  "
        f"maks {max(baca):.1f} ms  (batas p95 {BATAS_P95_MS:.0f} ms)"
    )
    galat = [g for h in hasil for g in h.galat]
    print(f"kesalahan: {len(galat)}")
    for g in galat[:20]:
        print(f"  {g}")
    salah = _periksa(url, sebelum, hasil, paket)
    print("tidak ada yang hilang: " + ("ya" if not salah else "TIDAK"))
    for s in salah[:20]:
        print(f"  {s}")
    gagal = bool(galat) or bool(salah) or p95 > BATAS_P95_MS
    print("HASIL: " + ("GAGAL" if gagal else "LULUS"))
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
