"""Tests for the BerAKHLAK master data."""

from __future__ import annotations

from kinerja_desktop.core.rules.berakhlak import NILAI_BERAKHLAK


def test_tujuh_nilai_berurutan() -> None:
    assert [n.urutan for n in NILAI_BERAKHLAK] == list(range(1, 8))
    assert [n.nama for n in NILAI_BERAKHLAK] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    # The acronym BerAKHLAK reads off the initials.
    assert "".join(n.nama[0] for n in NILAI_BERAKHLAK) == "BAKHLAK"


def test_setiap_nilai_punya_tiga_pernyataan_dan_definisi() -> None:
    semua = [p for n in NILAI_BERAKHLAK for p in n.pernyataan]
    assert len(semua) == 21
    assert len(set(semua)) == 21
    for nilai in NILAI_BERAKHLAK:
        assert len(nilai.pernyataan) == 3
        assert nilai.definisi.strip()
        assert all(p == p.strip() and p for p in nilai.pernyataan)


def test_teks_pernyataan_sesuai_tabel() -> None:
    pelayanan, akuntabel, _, _, loyal, _, kolaboratif = NILAI_BERAKHLAK
    assert pelayanan.pernyataan[1] == "Ramah, cekatan, solutif, dan dapat diandalkan"
    assert akuntabel.pernyataan[0] == (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi"
    )
    assert loyal.pernyataan[0] == (
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
        "setia kepada NKRI serta pemerintahan yang sah"
    )
    assert kolaboratif.pernyataan[2] == "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"
