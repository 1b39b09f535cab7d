"""Tests for jenis jabatan and jenjang fungsional."""

from __future__ import annotations

from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional, jenjang_untuk_jenis


def test_jpt_dan_fungsional() -> None:
    jpt = {j for j in JenisJabatan if j.is_jpt}
    fungsional = {j for j in JenisJabatan if j.is_fungsional}
    assert jpt == {JenisJabatan.JPT_UTAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA}
    assert fungsional == {JenisJabatan.FUNGSIONAL_KEAHLIAN, JenisJabatan.FUNGSIONAL_KETERAMPILAN}


def test_label_dan_kode() -> None:
    assert JenisJabatan.JPT_PRATAMA.label == "JPT Pratama"
    assert JenisJabatan.FUNGSIONAL_KEAHLIAN.label == "Jabatan Fungsional Keahlian"
    assert JenisJabatan.FUNGSIONAL_KETERAMPILAN.value == "fungsional_keterampilan"
    assert JenjangFungsional.AHLI_MADYA.label == "Ahli Madya"
    assert JenjangFungsional("penyelia") is JenjangFungsional.PENYELIA
    assert len({j.label for j in JenisJabatan}) == len(JenisJabatan)


def test_jenjang_per_jenis() -> None:
    keahlian = jenjang_untuk_jenis(JenisJabatan.FUNGSIONAL_KEAHLIAN)
    keterampilan = jenjang_untuk_jenis(JenisJabatan.FUNGSIONAL_KETERAMPILAN)
    assert [j.label for j in keahlian] == ["Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama"]
    assert [j.label for j in keterampilan] == ["Pemula", "Terampil", "Mahir", "Penyelia"]
    for j in keahlian:
        assert j.jenis is JenisJabatan.FUNGSIONAL_KEAHLIAN
    for j in keterampilan:
        assert j.jenis is JenisJabatan.FUNGSIONAL_KETERAMPILAN
    assert set(keahlian) | set(keterampilan) == set(JenjangFungsional)


def test_jabatan_non_fungsional_tanpa_jenjang() -> None:
    for jenis in JenisJabatan:
        if not jenis.is_fungsional:
            assert jenjang_untuk_jenis(jenis) == ()
