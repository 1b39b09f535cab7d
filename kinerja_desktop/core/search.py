"""Typed searches of the lists: words in any order, each the start of a word of the name, jabatan or
unit, or digits anywhere in the NIP."""

from __future__ import annotations

import re
from typing import TypeVar

_SEPARATORS = re.compile(r"[^\w]+")
_NIP_CHARS = str.maketrans("", "", " .-")

Query = tuple[str, ...]
T = TypeVar("T")


def _words(text: str) -> list[str]:
    return [word for word in _SEPARATORS.split(text.lower()) if word]


def search_query(teks: str) -> Query:
    """What a typed search means: the NIP's digits as one word when only digits were typed (spaces,
    dots and dashes dropped), else the lower-case words ("Santoso, Budi" → ("santoso", "budi"))."""
    digits = teks.translate(_NIP_CHARS).strip()
    if digits.isdigit():
        return (digits,)
    return tuple(_words(teks))


def haystack(*fields: str) -> str:
    """The text a row is searched in, built once per row: every word of its fields, each after a space
    (so a typed word is found at the start of a word: "rin" finds Rina, not Karina)."""
    return " " + " ".join(word for field in fields for word in _words(field))


def matches(query: Query, text: str) -> bool:
    """Every word of ``query`` starts a word of ``text`` (a ``haystack``), in any order; digits may be
    anywhere (part of a NIP); the empty query matches."""
    return all(needle in text for needle in needles(query))


def needles(query: Query) -> list[str]:
    """What to look for in a ``haystack``: " word" for a word, the digits alone for a NIP's."""
    return [word if word.isdigit() else " " + word for word in query]


def filter_rows(query: Query, rows: list[tuple[str, T]]) -> list[tuple[str, T]]:
    """The ``(haystack, row)`` pairs ``query`` matches, its needles made once for the whole list."""
    kept = rows
    for needle in sorted(needles(query), key=len, reverse=True):  # the longest word rules out most
        kept = [pair for pair in kept if needle in pair[0]]
    return list(kept)


def narrows(before: Query, after: Query) -> bool:
    """Whether every row ``after`` matches also matched ``before`` (each earlier word begins a later
    one: typing on), so filtering what is shown is enough."""
    return all(any(new.startswith(old) for new in after) for old in before)
