"""The building blocks of row rules: texts within their length, known codes, numbers and dates in range."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.pegawai import Masalah
from kinerja_desktop.core.model.teks import too_long
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.tanggal import format_tanggal

__all__ = [
    "CodeRule",
    "DateRule",
    "Masalah",
    "NumberRule",
    "Row",
    "RowCheck",
    "RowRules",
    "TextRule",
    "raise_first",
]


#: Characters no text may hold: the C0 controls but tab and line breaks (PostgreSQL refuses NUL, an
#: Excel sheet cannot hold the others, so a row with one could be neither stored nor sent on).
KARAKTER_KENDALI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def control_problem(kolom: str, label: str, teks: str) -> Masalah | None:
    """A ``Masalah`` naming the first invisible control character in ``teks``, or None."""
    ketemu = KARAKTER_KENDALI.search(teks)
    if ketemu is None:
        return None
    kode = f"U+{ord(ketemu.group()):04X}"
    return Masalah(
        kolom,
        f"{label} berisi karakter tak terlihat yang tidak boleh disimpan ({kode}, pada karakter ke-"
        f"{format_angka(ketemu.start() + 1)}).",
        saran="Ketik ulang isinya tanpa menyalin dari dokumen lain.",
    )


class Row(Protocol):
    """A row's values by column name: a dict, or a package row (``Baris``)."""

    def get(self, nama: str, bawaan: Any = None, /) -> Any: ...


@dataclass(frozen=True)
class TextRule:
    """A text column: at most ``maks`` characters, and with ``wajib`` never empty."""

    kolom: str
    label: str
    maks: int
    wajib: bool = False
    pesan_wajib: str = ""  # the message for an empty text, when not "<label> wajib diisi."

    def problem(self, nilai: Any) -> Masalah | None:
        """What is wrong with ``nilai`` (a text, or None for a missing one), or None."""
        if type(nilai) is not str:
            return Masalah(self.kolom, self.pesan_kosong) if self.wajib and nilai is None else None
        if len(nilai) > self.maks:
            return Masalah(self.kolom, self.pesan_panjang)
        if self.wajib and not nilai.strip():
            return Masalah(self.kolom, self.pesan_kosong)
        return control_problem(self.kolom, self.label, nilai)

    @property
    def pesan_kosong(self) -> str:
        return self.pesan_wajib or f"{self.label} wajib diisi."

    @property
    def pesan_panjang(self) -> str:
        return f"{self.label} terlalu panjang (maksimal {format_angka(self.maks)} karakter)."

    def ensure(self, teks: str, *, label: str = "") -> str:
        """``teks`` itself, or ValidationError naming the column (what a service does with typed text);
        a text over the limit is told by how much, as ``label`` when given (a more precise name)."""
        masalah = self.problem(teks)
        if masalah is None:
            return teks
        if len(teks) > self.maks:
            raise too_long(label or self.label, len(teks), self.maks, self.kolom)
        raise ValidationError(masalah.pesan, kolom=self.kolom, saran=masalah.saran or None)


@dataclass(frozen=True)
class CodeRule:
    """A coded column: one of ``kode``; empty (None or "") only when ``boleh_kosong``.

    ``pesan`` may name the value with ``{nilai}``.
    """

    kolom: str
    kode: frozenset[str]
    pesan: str
    boleh_kosong: bool = True
    saran: str = ""

    def problem(self, nilai: Any) -> Masalah | None:
        if nilai is None or nilai == "":
            return None if self.boleh_kosong else Masalah(self.kolom, self.message(nilai), saran=self.saran)
        if nilai in self.kode:
            return None
        return Masalah(self.kolom, self.message(nilai), saran=self.saran)

    def message(self, nilai: Any) -> str:
        return self.pesan.format(nilai="" if nilai is None else str(nilai)[:40])

    def ensure(self, nilai: str) -> str:
        masalah = self.problem(nilai)
        if masalah is not None:
            raise ValidationError(masalah.pesan, kolom=self.kolom, saran=masalah.saran or None)
        return nilai


@dataclass(frozen=True)
class NumberRule:
    """A number column within ``minimum`` … ``maksimum`` (both inclusive; None: no bound).

    The messages may name the value with ``{angka}`` (written the Indonesian way).
    """

    kolom: str
    minimum: Decimal | None
    maksimum: Decimal | None
    pesan_minimum: str
    pesan_maksimum: str

    def problem(self, nilai: Any) -> Masalah | None:
        if nilai is None or isinstance(nilai, bool) or not isinstance(nilai, int | Decimal):
            return None  # a missing or mistyped value is the type check's to report
        if isinstance(nilai, Decimal) and not nilai.is_finite():
            return Masalah(self.kolom, self.pesan_minimum.format(angka=str(nilai)))
        if self.minimum is not None and nilai < self.minimum:
            return Masalah(self.kolom, self.pesan_minimum.format(angka=format_angka(nilai)))
        if self.maksimum is not None and nilai > self.maksimum:
            return Masalah(self.kolom, self.pesan_maksimum.format(angka=format_angka(nilai)))
        return None


@dataclass(frozen=True)
class DateRule:
    """A date column within ``minimum`` … ``maksimum``; the message names it with ``{tanggal}``."""

    kolom: str
    minimum: date
    maksimum: date
    pesan: str

    def problem(self, nilai: Any) -> Masalah | None:
        if type(nilai) is not date or self.minimum <= nilai <= self.maksimum:
            return None
        return Masalah(self.kolom, self.pesan.format(tanggal=format_tanggal(nilai)))


@dataclass(frozen=True)
class RowCheck:
    """A rule across some columns of one row: ``periksa`` takes their values, in ``kolom`` order.

    Declaring the columns lets the package planner hand a million rows over a column at a time
    (``map(periksa, *columns)``) instead of asking each row for each value.
    """

    kolom: tuple[str, ...]
    periksa: Callable[..., list[Masalah]]

    def __call__(self, row: Row) -> list[Masalah]:
        return self.periksa(*(row.get(k) for k in self.kolom))


def one(masalah: Masalah | None) -> list[Masalah]:
    """A rule's single finding as the list a ``RowCheck`` returns."""
    return [] if masalah is None else [masalah]


_TIDAK_ADA = object()  # a column the row does not have (a form that does not edit it)


@dataclass(frozen=True)
class RowRules:
    """Every rule of one table: per column (texts, codes, numbers, dates) and across one row's columns.

    The column rules are also checked a whole column at a time by the package planner (a column whose
    longest text, set of codes or extremes pass needs no look at its rows); ``baris`` is called per row.
    """

    tabel: str
    teks: tuple[TextRule, ...] = ()
    kode: tuple[CodeRule, ...] = ()
    angka: tuple[NumberRule, ...] = ()
    tanggal: tuple[DateRule, ...] = ()
    baris: tuple[RowCheck, ...] = ()
    _per_kolom: dict[str, TextRule] = field(default_factory=dict, init=False, repr=False, compare=False)

    def text(self, kolom: str) -> TextRule:
        """The text rule of ``kolom`` (KeyError when it has none)."""
        if not self._per_kolom:
            self._per_kolom.update({t.kolom: t for t in self.teks})
        return self._per_kolom[kolom]

    def code(self, kolom: str) -> CodeRule:
        return next(k for k in self.kode if k.kolom == kolom)

    def column_rules(self) -> Iterator[TextRule | CodeRule | NumberRule | DateRule]:
        yield from self.teks
        yield from self.kode
        yield from self.angka
        yield from self.tanggal

    def check(self, row: Row, *, lewati: Iterable[str] = ()) -> list[Masalah]:
        """Every problem of one row, one per column at most (columns in ``lewati`` are not looked at, nor
        those the row does not have)."""
        dilewati = set(lewati)
        hasil: list[Masalah] = []
        for aturan in self.column_rules():
            nilai = row.get(aturan.kolom, _TIDAK_ADA)
            if aturan.kolom in dilewati or nilai is _TIDAK_ADA:
                continue
            masalah = aturan.problem(nilai)
            if masalah is not None:
                hasil.append(masalah)
                dilewati.add(aturan.kolom)
        for periksa in self.baris:
            for masalah in periksa(row):
                if masalah.kolom not in dilewati:
                    hasil.append(masalah)
                    dilewati.add(masalah.kolom)
        return hasil


def raise_first(masalah: Sequence[Masalah]) -> None:
    """Raise the first blocking problem as a ValidationError naming its column (warnings are not raised)."""
    for m in masalah:
        if not m.peringatan:
            raise ValidationError(m.pesan, kolom=m.kolom, saran=m.saran or None)
