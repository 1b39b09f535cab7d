"""The audit log read from the database: real changes as sentences, names read in bulk, filters, paging."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from pendukung_demo import demo_actor
from sqlalchemy import event, select

from kinerja_desktop.core.db.models import Evaluasi, Pegawai, Pelatihan, Realisasi, Skp
from kinerja_desktop.core.services import audit
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.audit import SISTEM, AuditFilter, EntriAudit, daftar
from kinerja_desktop.core.workspace import Workspace


def _entries(ws: Workspace, actor: Actor, f: AuditFilter, limit: int = 500) -> list[EntriAudit]:
    with ws.read() as s:
        return audit.susun(s, audit.list_audit(s, actor, f, limit=limit))


def _pegawai_with_skp(ws: Workspace) -> tuple[str, str, str, str]:
    """(pegawai id, name, NIP, SKP id) of a demo pegawai who has an SKP with an evaluation."""
    with ws.read() as s:
        row = s.execute(
            select(Pegawai.id, Pegawai.nama, Pegawai.nip, Skp.id)
            .join(Skp, Skp.pegawai_id == Pegawai.id)
            .join(Evaluasi, Evaluasi.skp_id == Skp.id)
            .order_by(Pegawai.nip)
            .limit(1)
        ).one()
        return row[0], row[1], row[2], row[3]


@contextmanager
def _statements(ws: Workspace) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(ws.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(ws.engine, "before_cursor_execute", count)


def test_a_real_change_reads_with_the_actor_and_the_pegawai_by_name(ws: Workspace) -> None:
    operator, admin = demo_actor(ws, "operator"), demo_actor(ws, "admin")
    pid, nama, _nip, skp_id = _pegawai_with_skp(ws)
    with ws.transaction(operator) as s:
        pegawai = s.get_one(Pegawai, pid)
        lama = pegawai.jabatan
        pegawai.jabatan = "Analis Kepegawaian Ahli Muda"
    with ws.transaction(admin) as s:
        skp = s.get_one(Skp, skp_id)
        skp.status, skp.catatan_penolakan = "ditolak", "Target belum terukur"

    changes = _entries(ws, admin, AuditFilter(aksi="ubah"))
    assert operator.nama.startswith("Operator")  # said once: "Operator Kecamatan Plaju mengubah …"
    assert [e.kalimat for e in changes][1] == (
        f"{operator.nama} mengubah Jabatan {nama}: {lama} → Analis Kepegawaian Ahli Muda"
    )
    with ws.read() as s:
        tahun = s.get_one(Skp, skp_id).tahun
    assert changes[0].kalimat == f"{admin.nama} menolak SKP {tahun} {nama}: Target belum terukur"
    assert next((p.label, p.sebelum, p.sesudah) for p in changes[0].perubahan) == (
        "Status",
        "Disetujui",
        "Ditolak",
    )


def test_names_are_read_in_bulk_not_per_entry(ws: Workspace) -> None:
    operator = demo_actor(ws, "operator")
    with ws.read() as s:
        realisasi = list(s.scalars(select(Realisasi.id).limit(120)))
        pegawai = list(s.scalars(select(Pegawai.id).limit(15)))
    with ws.transaction(operator) as s:
        for n, rid in enumerate(realisasi):
            s.get_one(Realisasi, rid).teks = f"Catatan {n}"
        for pid in pegawai:
            s.get_one(Pegawai, pid).telepon = "0711-123456"

    counts = []
    for limit in (20, 135):  # both pages hold pegawai and realisasi entries
        with ws.read() as s:
            rows = audit.list_audit(s, demo_actor(ws, "admin"), AuditFilter(aksi="ubah"), limit=limit)
            with _statements(ws) as seen:
                told = audit.susun(s, rows)
            counts.append(len(seen))
        assert all("yang sudah tidak ada" not in e.kalimat for e in told)
    assert counts[1] == counts[0] < 16, counts  # a few per table and level, on either back end
    assert any("realisasi" in e.kalimat and "indikator “" in e.kalimat for e in told)


def test_a_deleted_row_is_named_from_what_its_entries_say(ws: Workspace) -> None:
    admin = demo_actor(ws, "admin")
    pid, nama, _nip, _skp = _pegawai_with_skp(ws)
    with ws.transaction(admin) as s:
        pelatihan = Pelatihan(
            pegawai_id=pid, nama="Diklat Teknis Arsip", tanggal_mulai=date(2026, 3, 2), jp=24
        )
        s.add(pelatihan)
    with ws.transaction(admin) as s:
        s.delete(s.get_one(Pelatihan, pelatihan.id))

    told = [e.kalimat for e in _entries(ws, admin, AuditFilter(tabel="pelatihan"))]
    assert told == [
        f"{admin.nama} menghapus pelatihan “Diklat Teknis Arsip” {nama}",
        f"{admin.nama} menambah pelatihan “Diklat Teknis Arsip” {nama}",
    ]


@pytest.mark.parametrize("langsung", [100, 0], ids=["ids-read-first", "subquery"])
def test_filter_by_pegawai_finds_their_rows_by_words_in_any_order_or_by_nip(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, langsung: int
) -> None:
    monkeypatch.setattr(daftar, "PEGAWAI_LANGSUNG", langsung)
    admin = demo_actor(ws, "admin")
    pid, nama, nip, skp_id = _pegawai_with_skp(ws)
    with ws.read() as s:
        other = s.scalars(select(Pegawai.id).where(Pegawai.id != pid).limit(1)).one()
        realisasi = s.scalars(
            select(Realisasi.id).where(Realisasi.indikator_id.in_(_indikator_ids(s, skp_id))).limit(1)
        ).one()
    with ws.transaction(admin) as s:
        s.get_one(Pegawai, pid).telepon = "0711-1"
        s.get_one(Pegawai, other).telepon = "0711-2"
        s.get_one(Realisasi, realisasi).teks = "Selesai tepat waktu"
        s.get_one(Skp, skp_id).catatan_penolakan = "Perbaiki target"

    words = " ".join(reversed(nama.lower().split()))
    for typed in (words, nip[:8] + " " + nip[8:14]):
        found = _entries(ws, admin, AuditFilter(pegawai=typed))
        assert {e.row.tabel for e in found} == {"pegawai", "realisasi", "skp"}, typed
        assert {e.row.baris_id for e in found if e.row.tabel == "pegawai"} == {pid}
    with ws.read() as s:
        assert audit.count_audit(s, admin, AuditFilter(pegawai=words)) == 3
        assert audit.count_audit(s, admin, AuditFilter(pegawai="zzzz tidak ada")) == 0


def _indikator_ids(s: Any, skp_id: str) -> Any:
    from kinerja_desktop.core.db.models import Indikator, Rhk

    return select(Indikator.id).join(Rhk, Indikator.rhk_id == Rhk.id).where(Rhk.skp_id == skp_id)


def test_filter_by_user_kind_table_and_dates(ws: Workspace) -> None:
    admin, operator = demo_actor(ws, "admin"), demo_actor(ws, "operator")
    pid, _nama, _nip, _skp = _pegawai_with_skp(ws)
    with ws.transaction(operator) as s:
        s.get_one(Pegawai, pid).email = "budi@plaju.go.id"

    def count(f: AuditFilter) -> int:
        with ws.read() as s:
            return audit.count_audit(s, admin, f)

    everything = count(AuditFilter())
    with ws.read() as s:
        assert audit.count_audit(s, admin, AuditFilter(), paling_banyak=5) == 6 < everything
        assert audit.count_audit(s, admin, AuditFilter(), paling_banyak=everything) == everything
    assert count(AuditFilter(pengguna="operator")) == 1
    assert 0 < count(AuditFilter(pengguna=SISTEM)) < everything
    assert count(AuditFilter(pengguna="operator", aksi="tambah")) == 0
    assert count(AuditFilter(tabel="pegawai", aksi="ubah")) == 1
    today, tomorrow = date.today(), date.today() + timedelta(days=1)
    assert count(AuditFilter(dari=today, sampai=today)) == everything
    assert count(AuditFilter(dari=tomorrow)) == 0
    assert count(AuditFilter(sampai=today - timedelta(days=1))) == 0
    with ws.read() as s:
        users = dict(audit.audit_users(s, admin))
    assert users["operator"].startswith("Operator ") and users[SISTEM].startswith("Sistem")


def test_pages_follow_the_last_entry_shown_without_gaps_or_repeats(ws: Workspace) -> None:
    admin = demo_actor(ws, "admin")
    with ws.transaction(admin) as s:
        for n, p in enumerate(s.scalars(select(Pegawai).limit(12))):
            p.telepon = f"0711-{n}"
    with ws.read() as s:
        whole = audit.list_audit(s, admin, AuditFilter(), limit=1000)
        paged: list[audit.AuditRow] = []
        while True:
            page = audit.list_audit(s, admin, AuditFilter(), setelah=paged[-1] if paged else None, limit=7)
            paged.extend(page)
            if len(page) < 7:
                break
    assert [r.id for r in paged] == [r.id for r in whole]
    assert len(whole) == len({r.id for r in whole}) > 20
