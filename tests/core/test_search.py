"""Typed searches: words in any order, across name, NIP, jabatan and unit; NIP digits however typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.core.search import haystack, matches, narrows, search_query

BUDI = haystack("Budi Santoso, S.Kom.", "198609262015051001", "Lurah", "Kelurahan Talang Putri")


def test_words_in_any_order_and_in_any_field() -> None:
    assert matches(search_query("santoso budi"), BUDI)
    assert matches(search_query("  LURAH   talang "), BUDI)
    assert matches(search_query("budi putri"), BUDI)
    assert not matches(search_query("budi sekretaris"), BUDI)
    assert matches(search_query(""), BUDI)


def test_nip_digits_typed_with_spaces_dots_or_dashes() -> None:
    assert search_query("19860926 201505 1 001") == ("198609262015051001",)
    assert search_query("1986.0926-2015") == ("198609262015",)
    assert matches(search_query("19860926 2015"), BUDI)
    assert search_query("lurah 2015") == ("lurah", "2015")


def test_a_word_is_found_at_the_start_of_a_word() -> None:
    row = haystack("Karina Putri", "Pengolah Data", "Kelurahan Bagus Kuning")
    assert matches(search_query("kar put"), row) and matches(search_query("bagus kun"), row)
    assert not matches(search_query("rina"), row)  # inside Karina
    assert not matches(search_query("lurah"), row)  # inside Kelurahan
    assert matches(search_query("Putri, Karina"), row)  # punctuation separates words
    assert not matches(search_query("putrikarina"), row)


words = st.lists(st.text(alphabet="abcde1 ", min_size=1, max_size=4), min_size=0, max_size=3)


@given(st.text(alphabet="abcde1 .", max_size=30), words, st.text(alphabet="abcde1 ", max_size=3))
def test_typing_on_only_narrows(text: str, typed: list[str], more: str) -> None:
    """When ``narrows`` says so, a row matching the longer query matched the shorter one."""
    row = haystack(text)
    before = search_query(" ".join(typed))
    after = search_query(" ".join(typed) + more)
    if narrows(before, after) and matches(after, row):
        assert matches(before, row)
