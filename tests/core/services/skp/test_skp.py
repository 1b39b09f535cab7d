"""SKP planning rules on the demo office: one SKP a year, the cascade, the lock, checks, order, copies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pendukung_demo import demo_actor as _actor
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import EkspektasiPerilaku, Pegawai, Rhk, Skp
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput, SkpInput
from kinerja_desktop.core.services import skp as svc
from kinerja_desktop.core.workspace import Workspace


@dataclass(frozen=True)
class Kantor:
    """Who is who in the demo office."""

    tahun: int
    camat: str
    kasi: str  # a direct subordinate of the camat who leads staff
    staf: str  # a subordinate of ``kasi``
    staf_lain: str  # a staff member with another superior
    draft_skp: str  # a draft SKP of the demo year whose superior's SKP is approved


def _kantor(ws: Workspace) -> Kantor:
    with ws.read() as s:
        tahun = s.scalar(select(func.max(Skp.tahun)))
        assert tahun is not None
        camat = s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_(None))).one()
        atasan = dict(s.execute(select(Pegawai.id, Pegawai.atasan_id)).all())
        kasi_list = sorted({a for a in atasan.values() if a and atasan[a] == camat})
        kasi = kasi_list[0]
        staf = sorted(p for p, a in atasan.items() if a == kasi)[0]
        staf_lain = sorted(p for p, a in atasan.items() if a not in (kasi, camat, None))[0]
        drafts = s.scalars(select(Skp).where(Skp.status == "draft", Skp.tahun == tahun)).all()
        draft = next(d for d in drafts if d.pejabat_penilai_id != camat)
    return Kantor(tahun, camat, kasi, staf, staf_lain, draft.id)


def _skp_of(ws: Workspace, pegawai_id: str, tahun: int) -> Skp:
    with ws.read() as s:
        return s.scalars(select(Skp).where(Skp.pegawai_id == pegawai_id, Skp.tahun == tahun)).one()


def _rhk_ids(ws: Workspace, skp_id: str) -> list[str]:
    with ws.read() as s:
        return list(s.scalars(select(Rhk.id).where(Rhk.skp_id == skp_id).order_by(Rhk.urutan)))


def test_create_draft_with_penilai_form_and_ekspektasi_rows(ws: Workspace) -> None:
    k, operator = _kantor(ws), _actor(ws, "operator")
    baru = k.tahun + 1
    with ws.transaction(operator) as s:
        skp_id = svc.create_skp(s, operator, k.staf, baru)
        s.get_one(Pegawai, k.camat).jenis_jabatan = "jpt_pratama"
        jpt_id = svc.create_skp(s, operator, k.camat, baru, SkpInput(date(baru, 3, 1), date(baru, 12, 31)))
    with ws.read() as s:
        skp = s.get_one(Skp, skp_id)
        assert (skp.status, skp.versi, skp.jenis_form, skp.pendekatan) == ("draft", 1, "ja_jf", "kuantitatif")
        assert (skp.periode_awal, skp.periode_akhir) == (date(baru, 1, 1), date(baru, 12, 31))
        assert (skp.pejabat_penilai_id, skp.atasan_penilai_id) == (k.kasi, k.camat)
        n = s.scalar(
            select(func.count()).select_from(EkspektasiPerilaku).where(EkspektasiPerilaku.skp_id == skp_id)
        )
        assert n == 7
        jpt = s.get_one(Skp, jpt_id)
        assert (jpt.jenis_form, jpt.pejabat_penilai_id, jpt.periode_awal) == ("jpt", None, date(baru, 3, 1))
        detail = svc.get_skp(s, operator, skp_id)
    assert detail.pegawai.id == k.staf and detail.pejabat_penilai is not None
    assert detail.atasan_penilai is not None and detail.atasan_penilai.id == k.camat
    assert [p.urutan for p in detail.perilaku] == list(range(1, 8))
    assert all(len(p.pernyataan) == 3 for p in detail.perilaku)
    assert set(detail.lampiran) == {"sumber_daya", "skema", "konsekuensi"}
    assert not detail.read_only


def test_one_skp_per_pegawai_per_year(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    assert _skp_of(ws, k.staf, k.tahun).status == "disetujui"
    pesan = r"sudah memiliki SKP tahun \d+ \(versi 1, status Disetujui\)"
    with pytest.raises(ValidationError, match=pesan) as info, ws.transaction(admin) as s:
        svc.create_skp(s, admin, k.staf, k.tahun)
    assert info.value.kolom == "tahun"
    with ws.transaction(admin) as s:
        svc.create_skp(s, admin, k.staf, k.tahun + 1)
    with pytest.raises(ValidationError, match="sudah memiliki SKP"), ws.transaction(admin) as s:
        svc.copy_last_year(s, admin, k.staf, k.tahun + 1)


@pytest.mark.parametrize(
    ("awal", "akhir", "pendekatan", "kolom"),
    [
        ((-1, 12, 1), (0, 12, 31), "kuantitatif", "periode_awal"),
        ((0, 6, 1), (0, 3, 1), "kuantitatif", "periode_akhir"),
        ((0, 1, 1), (0, 12, 31), "campuran", "pendekatan"),
    ],
)
def test_header_checks(
    ws: Workspace, awal: tuple[int, int, int], akhir: tuple[int, int, int], pendekatan: str, kolom: str
) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    t = k.tahun + 1
    data = SkpInput(date(t + awal[0], *awal[1:]), date(t + akhir[0], *akhir[1:]), pendekatan)
    with pytest.raises(ValidationError) as info, ws.transaction(admin) as s:
        svc.create_skp(s, admin, k.staf, t, data)
    assert info.value.kolom == kolom
    with ws.transaction(admin) as s:
        skp_id = svc.create_skp(s, admin, k.staf, t)
    with pytest.raises(ValidationError) as info, ws.transaction(admin) as s:
        svc.update_skp(s, admin, skp_id, data)
    assert info.value.kolom == kolom
    with ws.transaction(admin) as s:
        svc.update_skp(s, admin, skp_id, SkpInput(date(t, 7, 1), date(t, 12, 31), "kualitatif"))
    with ws.read() as s:
        d = svc.get_skp(s, admin, skp_id)
    assert (d.periode_awal, d.pendekatan) == (date(t, 7, 1), "kualitatif")


def test_cascade_only_to_the_superiors_approved_rhk_of_the_same_year(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    draft = _skp_of(ws, _pegawai_of(ws, k.draft_skp), k.tahun)
    atasan_skp = _skp_of(ws, draft.pejabat_penilai_id or "", k.tahun)
    assert atasan_skp.status == "disetujui"
    milik_atasan = _rhk_ids(ws, atasan_skp.id)
    milik_camat = _rhk_ids(ws, _skp_of(ws, k.camat, k.tahun).id)
    with ws.read() as s:
        pilihan = svc.cascade_options(s, admin, draft.id)
    assert pilihan.wajib and [p.id for p in pilihan.pilihan if p.jenis == "utama"]
    assert {p.id for p in pilihan.pilihan} == set(milik_atasan)

    with ws.transaction(admin) as s:
        ok = svc.add_rhk(s, admin, draft.id, RhkInput("Terlaksananya tugas A", rhk_atasan_id=milik_atasan[0]))
        svc.add_rhk(s, admin, draft.id, RhkInput("Tugas tambahan bebas", jenis="tambahan"))
    with pytest.raises(ValidationError, match="wajib mengintervensi") as info, ws.transaction(admin) as s:
        svc.add_rhk(s, admin, draft.id, RhkInput("RHK utama tanpa atasan"))
    assert info.value.kolom == "rhk_atasan_id"
    with pytest.raises(ValidationError, match="bukan milik pejabat penilai"), ws.transaction(admin) as s:
        svc.update_rhk(s, admin, ok, RhkInput("Terlaksananya tugas A", rhk_atasan_id=milik_camat[0]))

    # Next year: the superior's SKP is only a draft, and last year's approved RHK is of another year.
    baru = k.tahun + 1
    with ws.transaction(admin) as s:
        atasan_draft = svc.create_skp(s, admin, atasan_skp.pegawai_id, baru)
        rhk_draft = svc.add_rhk(s, admin, atasan_draft, RhkInput("RHK atasan masih draf"))
        bawahan = svc.create_skp(s, admin, draft.pegawai_id, baru)
        svc.add_rhk(s, admin, bawahan, RhkInput("Boleh tanpa RHK atasan dulu"))  # superior not approved
    with pytest.raises(ValidationError, match="belum disetujui"), ws.transaction(admin) as s:
        svc.add_rhk(s, admin, bawahan, RhkInput("X", rhk_atasan_id=rhk_draft))
    with pytest.raises(ValidationError, match=f"tahun {k.tahun}"), ws.transaction(admin) as s:
        svc.add_rhk(s, admin, bawahan, RhkInput("X", rhk_atasan_id=milik_atasan[0]))
    with ws.read() as s:
        assert not svc.cascade_options(s, admin, bawahan).wajib
        peringatan = [m for m in svc.check_skp(s, admin, bawahan) if m.peringatan]
    assert any("belum memiliki SKP" in m.pesan for m in peringatan)


def _pegawai_of(ws: Workspace, skp_id: str) -> str:
    with ws.read() as s:
        return s.get_one(Skp, skp_id).pegawai_id


def test_approved_skp_is_read_only(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    skp = _skp_of(ws, k.staf, k.tahun)
    assert skp.status == "disetujui"
    rhk = _rhk_ids(ws, skp.id)
    actions = [
        lambda s: svc.add_rhk(s, admin, skp.id, RhkInput("Baru", jenis="tambahan")),
        lambda s: svc.update_rhk(s, admin, rhk[0], RhkInput("Ubah", jenis="tambahan")),
        lambda s: svc.delete_rhk(s, admin, rhk[0]),
        lambda s: svc.add_indikator(s, admin, rhk[0], IndikatorInput("IKI", target_min=Decimal(1))),
        lambda s: svc.add_lampiran(s, admin, skp.id, "skema", "Dilaporkan tiap bulan"),
        lambda s: svc.update_skp(s, admin, skp.id, SkpInput.setahun(k.tahun, "kualitatif")),
        lambda s: svc.move_rhk(s, admin, rhk[0], 1),
        lambda s: svc.delete_skp(s, admin, skp.id),
    ]
    for action in actions:
        with pytest.raises(ValidationError, match="disetujui"), ws.transaction(admin) as s:
            action(s)
    with ws.read() as s:
        assert svc.get_skp(s, admin, skp.id).read_only
        assert s.get_one(Skp, skp.id).revisi == skp.revisi


def test_submit_check_lists_every_problem(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    with ws.transaction(admin) as s:
        skp_id = svc.create_skp(s, admin, k.kasi, k.tahun + 1)
        svc.add_rhk(s, admin, skp_id, RhkInput("Tambahan tanpa indikator", jenis="tambahan"))
        r2 = svc.add_rhk(s, admin, skp_id, RhkInput("Tambahan dengan IKI tanpa target", jenis="tambahan"))
        svc.add_indikator(s, admin, r2, IndikatorInput("Jumlah laporan"))
    with pytest.raises(svc.SkpBelumLengkap) as info, ws.transaction(admin) as s:
        svc.submit_skp(s, admin, skp_id)
    errors = [m for m in info.value.masalah if not m.peringatan]
    assert {m.kolom for m in errors} == {"rhk", "indikator", "target"}
    text = str(info.value)
    assert "RHK utama" in text and "belum memiliki indikator" in text and "belum memiliki target" in text
    assert _skp_status(ws, skp_id) == "draft"


def _skp_status(ws: Workspace, skp_id: str) -> str:
    with ws.read() as s:
        return s.get_one(Skp, skp_id).status


def test_indicator_targets_number_range_or_text(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    with ws.transaction(admin) as s:
        skp_id = svc.create_skp(s, admin, k.kasi, k.tahun + 1)
        rhk = svc.add_rhk(s, admin, skp_id, RhkInput("Tersusunnya laporan"))
        svc.add_indikator(s, admin, rhk, IndikatorInput("Jumlah", "kuantitas", Decimal(12), None, "dokumen"))
        svc.add_indikator(s, admin, rhk, IndikatorInput("Mutu", "kualitas", Decimal("90"), Decimal(100), "%"))
        svc.add_indikator(
            s, admin, rhk, IndikatorInput("Waktu", "waktu", Decimal("2.5"), Decimal("2.5"), "bulan")
        )
        svc.add_indikator(s, admin, rhk, IndikatorInput("Kepuasan", "kualitas", target_teks="Sangat puas"))
    with ws.read() as s:
        [r] = svc.get_skp(s, admin, skp_id).rhk_utama
    assert [i.target for i in r.indikator] == ["12 dokumen", "90 – 100 %", "2,5 bulan", "Sangat puas"]
    for bad, kolom in (
        (IndikatorInput("X", target_min=Decimal(5), target_maks=Decimal(1)), "target_maks"),
        (IndikatorInput("X", target_maks=Decimal(1)), "target_min"),
        (IndikatorInput("X", target_min=Decimal(-1)), "target_min"),
        (IndikatorInput("X", aspek="mutu"), "aspek"),
        (IndikatorInput("  "), "teks"),
    ):
        with pytest.raises(ValidationError) as info, ws.transaction(admin) as s:
            svc.add_indikator(s, admin, rhk, bad)
        assert info.value.kolom == kolom


def test_indicator_targets_in_thousands(ws: Workspace) -> None:
    """Targets are shown with "." grouping thousands, and typed text is read the same way."""
    k, admin = _kantor(ws), _actor(ws, "admin")
    ribuan: Any = "1.500"  # text as a form may hand it in
    with ws.transaction(admin) as s:
        skp_id = svc.create_skp(s, admin, k.kasi, k.tahun + 1)
        rhk = svc.add_rhk(s, admin, skp_id, RhkInput("Terlayaninya dokumen kependudukan"))
        svc.add_indikator(s, admin, rhk, IndikatorInput("Jumlah", "kuantitas", ribuan, None, "dokumen"))
        svc.add_indikator(
            s, admin, rhk, IndikatorInput("Berkas", "kuantitas", Decimal(1000), Decimal("2000.5"), "berkas")
        )
    with ws.read() as s:
        [r] = svc.get_skp(s, admin, skp_id).rhk_utama
    assert [i.target_min for i in r.indikator] == [Decimal(1500), Decimal(1000)]
    assert [i.target for i in r.indikator] == ["1.500 dokumen", "1.000 – 2.000,5 berkas"]
    salah: Any = "1,2,3"
    with pytest.raises(ValidationError) as info, ws.transaction(admin) as s:
        svc.add_indikator(s, admin, rhk, IndikatorInput("X", target_min=salah))
    assert info.value.kolom == "target_min"
    assert info.value.pesan == 'Target "1,2,3" bukan angka. Tulis misalnya 1.500 atau 95,5.'


def test_reorder_rhk_indicators_and_lampiran(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    with ws.transaction(admin) as s:
        skp_id = svc.create_skp(s, admin, k.kasi, k.tahun + 1)
        a, b, c = (svc.add_rhk(s, admin, skp_id, RhkInput(t)) for t in ("A", "B", "C"))
        t = svc.add_rhk(s, admin, skp_id, RhkInput("T", jenis="tambahan"))
        i1, i2 = (svc.add_indikator(s, admin, a, IndikatorInput(x)) for x in ("I1", "I2"))
        l1, l2 = (svc.add_lampiran(s, admin, skp_id, "sumber_daya", x) for x in ("Laptop", "Printer"))
    with ws.transaction(admin) as s:
        svc.move_rhk(s, admin, c, -1)
        svc.move_rhk(s, admin, a, -5)  # already first: stays
        svc.move_indikator(s, admin, i2, -1)
        svc.reorder_lampiran(s, admin, skp_id, "sumber_daya", [l2, l1])
    with ws.read() as s:
        d = svc.get_skp(s, admin, skp_id)
    assert [r.id for r in d.rhk_utama] == [a, c, b] and [r.id for r in d.rhk_tambahan] == [t]
    assert [i.id for i in d.rhk_utama[0].indikator] == [i2, i1]
    assert [x.teks for x in d.lampiran["sumber_daya"]] == ["Printer", "Laptop"]
    with ws.transaction(admin) as s:
        svc.reorder_rhk(s, admin, skp_id, [t, b, a, c])
    with ws.read() as s:
        assert [r.id for r in svc.get_skp(s, admin, skp_id).rhk_utama] == [b, a, c]
    with pytest.raises(ValidationError, match="tepat satu kali"), ws.transaction(admin) as s:
        svc.reorder_rhk(s, admin, skp_id, [a, b])


def test_copy_last_year_without_cascade_links(ws: Workspace) -> None:
    k, operator = _kantor(ws), _actor(ws, "operator")
    with ws.read() as s:
        lama = svc.current_skp_for(s, operator, k.staf, k.tahun)
    assert lama is not None and any(r.rhk_atasan_id for r in lama.rhk)
    with ws.transaction(operator) as s:
        baru_id = svc.copy_last_year(s, operator, k.staf, k.tahun + 1)
    with ws.read() as s:
        baru = svc.get_skp(s, operator, baru_id)
    assert (baru.status, baru.tahun, baru.periode_awal) == ("draft", k.tahun + 1, date(k.tahun + 1, 1, 1))
    assert [r.teks for r in baru.rhk] == [r.teks for r in lama.rhk]
    assert [[i.target for i in r.indikator] for r in baru.rhk] == [
        [i.target for i in r.indikator] for r in lama.rhk
    ]
    assert all(r.rhk_atasan_id is None for r in baru.rhk)
    assert {j: [x.teks for x in v] for j, v in baru.lampiran.items()} == {
        j: [x.teks for x in v] for j, v in lama.lampiran.items()
    }
    assert all(p.ekspektasi_khusus == "" for p in baru.perilaku)
    with pytest.raises(ValidationError, match="tidak memiliki SKP tahun"), ws.transaction(operator) as s:
        svc.copy_last_year(s, operator, k.staf, k.tahun + 3)


def test_drafts_for_a_unit_skip_who_already_has_one(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    baru = k.tahun + 1
    with ws.read() as s:
        root = s.get_one(Pegawai, k.camat).unit_kerja_id
        aktif = s.scalar(select(func.count()).select_from(Pegawai).where(Pegawai.status_aktif == "aktif"))
    assert root is not None
    with ws.transaction(admin) as s:
        sudah = svc.create_skp(s, admin, k.staf, baru)
        hasil = svc.create_drafts_for_unit(s, admin, root, baru)
    assert len(hasil.dibuat) == aktif - 1 and k.staf not in hasil.dibuat
    assert [(d.pegawai_id, "Sudah memiliki SKP" in d.alasan) for d in hasil.dilewati] == [(k.staf, True)]
    with ws.read() as s:
        rows = svc.list_skp(s, admin, baru)
        assert {r.id for r in rows} == {sudah, *hasil.dibuat.values()}
        assert all(r.status == "draft" and r.versi == 1 for r in rows)
        kasi_unit = s.get_one(Pegawai, k.kasi).unit_kerja_id
        assert kasi_unit is not None
        assert {r.unit_id for r in svc.list_skp(s, admin, baru, kasi_unit)} == {kasi_unit}
    with ws.transaction(admin) as s:
        again = svc.create_drafts_for_unit(s, admin, root, baru)
    assert not again.dibuat and len(again.dilewati) == aktif


def test_penilai_reaches_only_own_and_direct_subordinates(ws: Workspace) -> None:
    k, penilai = _kantor(ws), _actor(ws, "penilai")
    assert penilai.pegawai_id == k.camat
    baru = k.tahun + 1
    with ws.transaction(penilai) as s:
        svc.create_skp(s, penilai, k.kasi, baru)
        svc.create_skp(s, penilai, k.camat, baru)
    with pytest.raises(PermissionDenied, match="bawahan langsung"), ws.transaction(penilai) as s:
        svc.create_skp(s, penilai, k.staf, baru)
    with ws.read() as s:
        root = s.get_one(Pegawai, k.camat).unit_kerja_id
    assert root is not None
    with ws.transaction(penilai) as s:
        hasil = svc.create_drafts_for_unit(s, penilai, root, baru)
    assert k.staf not in hasil.dibuat
    assert any(d.pegawai_id == k.staf and "bawahan langsung" in d.alasan for d in hasil.dilewati)
    pimpinan = _actor(ws, "pimpinan")
    with pytest.raises(PermissionDenied), ws.transaction(pimpinan) as s:
        svc.create_skp(s, pimpinan, k.staf_lain, baru)


def test_starting_points_from_the_penilais_approved_rhk(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    draft = _skp_of(ws, _pegawai_of(ws, k.draft_skp), k.tahun)
    with ws.read() as s:
        titik = svc.starting_points(s, admin, draft.id)
    assert titik and all(t.indikator for t in titik)
    with ws.transaction(admin) as s:
        rhk_id = svc.add_rhk_from(s, admin, draft.id, titik[0].id)
    with ws.read() as s:
        [rhk] = [r for r in svc.get_skp(s, admin, draft.id).rhk if r.id == rhk_id]
    assert (rhk.teks, rhk.rhk_atasan_id, rhk.rhk_atasan_teks) == (titik[0].teks, titik[0].id, titik[0].teks)
    assert len(rhk.indikator) == len(titik[0].indikator)


def test_jpt_form_needs_perspektif_and_ja_jf_refuses_it(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    baru = k.tahun + 1
    with ws.transaction(admin) as s:
        s.get_one(Pegawai, k.camat).jenis_jabatan = "jpt_pratama"
        jpt = svc.create_skp(s, admin, k.camat, baru)
        tanpa = svc.add_rhk(s, admin, jpt, RhkInput("Meningkatnya kualitas pelayanan publik"))
        dengan = svc.add_rhk(
            s,
            admin,
            jpt,
            RhkInput("Terkelolanya anggaran", perspektif="Anggaran", penugasan_dari="Wali Kota"),
        )
        for rhk in (tanpa, dengan):
            svc.add_indikator(s, admin, rhk, IndikatorInput("Indeks", target_min=Decimal(80)))
        ja = svc.create_skp(s, admin, k.kasi, baru)
    with ws.read() as s:
        d = svc.get_skp(s, admin, jpt)
        masalah = [m for m in svc.check_skp(s, admin, jpt) if not m.peringatan]
    assert d.jenis_form == "jpt" and [r.perspektif for r in d.rhk] == ["", "anggaran"]
    assert d.rhk[1].penugasan_dari == "Wali Kota"
    assert [m.kolom for m in masalah] == ["perspektif"]
    with pytest.raises(ValidationError, match="Perspektif harus") as info, ws.transaction(admin) as s:
        svc.update_rhk(s, admin, tanpa, RhkInput("X", perspektif="keuangan"))
    assert info.value.kolom == "perspektif"
    with pytest.raises(ValidationError, match="hanya diisi pada SKP JPT"), ws.transaction(admin) as s:
        svc.add_rhk(s, admin, ja, RhkInput("X", perspektif="anggaran"))


def test_refresh_penilai_after_the_superior_changed(ws: Workspace) -> None:
    k, admin = _kantor(ws), _actor(ws, "admin")
    baru = k.tahun + 1
    with ws.transaction(admin) as s:
        skp_id = svc.create_skp(s, admin, k.staf, baru)
        s.get_one(Pegawai, k.staf).atasan_id = k.camat
    with ws.read() as s:
        assert any(m.kolom == "pejabat_penilai" for m in svc.check_skp(s, admin, skp_id))
    with ws.transaction(admin) as s:
        assert svc.refresh_penilai(s, admin, skp_id)
        assert not svc.refresh_penilai(s, admin, skp_id)
    skp = _skp_of(ws, k.staf, baru)
    assert (skp.pejabat_penilai_id, skp.atasan_penilai_id) == (k.camat, None)
