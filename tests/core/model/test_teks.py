"""Text limits: one function that measures and refuses the same way for every field."""

from __future__ import annotations

import pytest

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.teks import Batas, check_length, length


def test_a_text_that_fits_comes_back_stripped() -> None:
    assert check_length("  Rapat koordinasi  ", 20, "Rencana aksi", "teks") == "Rapat koordinasi"
    exact = "x" * Batas.RENCANA_AKSI
    assert check_length(f" {exact}\n", Batas.RENCANA_AKSI, "Rencana aksi", "teks") == exact
    assert length(f" {exact}\n") == Batas.RENCANA_AKSI


def test_a_text_over_the_limit_names_the_field_and_how_much_to_cut() -> None:
    with pytest.raises(ValidationError) as ditolak:
        check_length("x" * 2345, Batas.RENCANA_AKSI, "Rencana aksi", "teks")
    assert ditolak.value.kolom == "teks"
    assert ditolak.value.pesan == "Rencana aksi terlalu panjang: 2.345 karakter, paling banyak 2.000."
    assert ditolak.value.saran == "Persingkat 345 karakter, lalu simpan lagi."
