"""Numbers the Indonesian way: "." groups thousands and "," marks decimals ("1.500,5" is 1500.5).

Every number a person types or imports goes through ``parse_angka`` and every number shown on a
screen or printed form goes through ``format_angka``, so that what the app shows can be typed back.

Reading (``parse_angka``), after dropping spaces at both ends:

* An optional sign ("-", "+" or the typographic minus "−"), then the digits.
* "," is the decimal mark and may appear once: "95,5" → 95.5, "1,500" → 1.5, ",5" → 0.5.
* Thousands are grouped by "." or by single spaces: a first group of one to three digits that does
  not start with 0, then groups of exactly three: "1.500" → 1500, "1.500.000" → 1500000,
  "1 500" → 1500, "1.500,25" → 1500.25. Plain digits need no grouping: "1500" → 1500.
* The ambiguous case is a dot without a comma that is not such a grouping. It is then a decimal
  point typed the English way, which is allowed only once: "1.5" → 1.5, "12.25" → 12.25,
  "0.500" → 0.5, "1234.567" → 1234.567. Exactly three digits after a single dot with a proper
  first group ("1.500", "12.500") is always read as thousands, never as a decimal.
* Anything else is refused with a ``ValidationError`` naming the field: "" (empty), "abc",
  "1,2,3", "1..5", "1.50.0", "1.500.5", "1,500.5", "1e3", "5,".

Writing (``format_angka``): thousands grouped by ".", decimals after ",", "-" for negatives; with
``desimal=None`` as many decimals as needed and no trailing zeros (1500 → "1.500",
1500.50 → "1.500,5"), with ``desimal=n`` exactly ``n`` decimals rounded half up (95.5 → "95,50").
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from kinerja_desktop.core.errors import ValidationError

#: What to type, for messages that refuse a number.
CONTOH = "Tulis misalnya 1.500 atau 95,5."

_TANDA = {"-": "-", "\u2212": "-", "+": ""}
#: Spaces that may group thousands: ordinary, non-breaking, figure, thin and narrow no-break space.
_SPASI = "[ \u00a0\u2007\u2009\u202f]"
_INDONESIA = re.compile(
    rf"(?P<bulat>[0-9]+|[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+|[1-9][0-9]{{0,2}}(?:{_SPASI}[0-9]{{3}})+)?"
    r"(?:,(?P<pecahan>[0-9]+))?"
)
_INGGRIS = re.compile(r"(?P<bulat>[0-9]*)\.(?P<pecahan>[0-9]+)")


def parse_angka(text: str, kolom: str = "nilai", label: str = "Nilai") -> Decimal:
    """The number in ``text`` read by the rules of the module docstring, exactly (no rounding).

    ``kolom`` and ``label`` name the field in a refusal: ``ValidationError.kolom`` is ``kolom`` and
    the message starts with ``label``, e.g. 'Realisasi "1,2,3" bukan angka. Tulis misalnya ...'.
    """
    isi = text.strip()
    if not isi:
        raise ValidationError(f"{label} belum diisi. {CONTOH}", kolom=kolom)
    tanda = _TANDA.get(isi[0])
    if tanda is not None:
        isi = isi[1:].lstrip()
    m = _INDONESIA.fullmatch(isi) or _INGGRIS.fullmatch(isi)
    if m is None or not (m["bulat"] or m["pecahan"]):
        raise ValidationError(f'{label} "{text.strip()}" bukan angka. {CONTOH}', kolom=kolom)
    bulat = re.sub("[^0-9]", "", m["bulat"] or "") or "0"
    hasil = Decimal(f"{tanda or ''}{bulat}.{m['pecahan']}" if m["pecahan"] else f"{tanda or ''}{bulat}")
    return hasil.copy_abs() if hasil.is_zero() else hasil


def format_angka(value: Decimal | int | float, desimal: int | None = None) -> str:
    """``value`` in Indonesian form: 1500 → "1.500", Decimal("1500.50") → "1.500,5", -3.25 → "-3,25".

    ``desimal=None`` shows the decimals the value has, without trailing zeros; ``desimal=n`` rounds
    half up to exactly ``n`` decimals (``desimal=0``: a whole number). A float is taken as it prints
    (0.1 → "0,1"). NaN and infinities raise ValueError: they are never a value to show.
    """
    angka = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not angka.is_finite():
        raise ValueError(f"{value!r} bukan angka yang bisa ditampilkan.")
    if desimal is not None:
        with localcontext() as konteks:
            konteks.prec = max(28, angka.adjusted() + desimal + 2)
            angka = angka.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    bulat, _, pecahan = f"{angka.copy_abs():f}".partition(".")
    if desimal is None:
        pecahan = pecahan.rstrip("0")
    awal = len(bulat) % 3 or 3
    kelompok = ".".join([bulat[:awal], *(bulat[i : i + 3] for i in range(awal, len(bulat), 3))])
    tanda = "-" if angka.is_signed() and (bulat.strip("0") or pecahan.strip("0")) else ""
    return f"{tanda}{kelompok},{pecahan}" if pecahan else f"{tanda}{kelompok}"
