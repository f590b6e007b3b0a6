"""Whether two articles' values for one fact agree: amounts, dates and places.

The rules are general and data-driven: vague amounts, qualifiers and tolerances
come from ``koreabrief/data/compare.toml`` (loaded once, lazily), so a user can
read exactly why "more than 430 miles" agrees with "700 km".
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from attrs import frozen

from koreabrief.models import Precision, Quantity, TimeRef
from koreabrief.similarity import words as words_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "Lexicon",
    "date_interval",
    "dates_verdict",
    "lexicon",
    "quantities_verdict",
    "quantity_dimension",
    "quantity_interval",
]

Interval = tuple[float, float]


@frozen
class Lexicon:
    """The comparison lexicon: vague amounts, qualifiers, tolerances, opposition words.

    Examples:
        >>> lexicon().vague["thousands"]
        (2000.0, 19999.0)
    """

    vague: Mapping[str, tuple[float, float] | None]
    qualifiers: Mapping[str, str]
    bare: float
    approx: float
    bound: float
    opposition: tuple[str, ...]
    distance: Mapping[str, float]
    waters: Mapping[str, tuple[str, ...]]


@functools.cache
def lexicon() -> Lexicon:
    """The shipped comparison lexicon, read once.

    Examples:
        >>> lexicon().qualifiers["more than"]
        'min'
    """
    text = resources.files("koreabrief").joinpath("data/compare.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    vague = {k: (float(v[0]), float(v[1])) if len(v) == 2 else None for k, v in data["vague"].items()}
    tol = data["tolerance"]
    return Lexicon(
        vague=vague,
        qualifiers=dict(data["qualifier"]),
        bare=float(tol["bare"]),
        approx=float(tol["approx"]),
        bound=float(tol["bound"]),
        opposition=tuple(data["opposition"]["words"]),
        distance={k: float(v) for k, v in data["distance"].items()},
        waters={k: tuple(v) for k, v in data.get("waters", {}).items()},
    )


def water(place: str | None) -> str | None:
    """The one named body of water a place phrase lands in, or None (vague, several, or none).

    Examples:
        >>> water("into the waters off its east coast"), water("the Sea of Japan")
        ('East Sea (Sea of Japan)', 'East Sea (Sea of Japan)')
        >>> water("into the sea") is None, water("the East China Sea")
        (True, 'East China Sea')
    """
    if not place:
        return None
    text = " " + " ".join(words_of(place)) + " "
    found = set()
    for name, phrases in lexicon().waters.items():
        for phrase in phrases:
            at = text.find(f" {phrase} ")
            # "east sea" inside "east china sea" is not the East Sea: longer names win.
            if at >= 0 and not any(
                len(other) > len(phrase) and phrase in other and f" {other} " in text
                for names in lexicon().waters.values()
                for other in names
            ):
                found.add(name)
    return found.pop() if len(found) == 1 else None


_UNIT_ALIASES = {"kilometres": "km", "kilometers": "km", "miles": "mi", "nautical miles": "nm"}


def quantity_dimension(q: Quantity) -> str:
    """What a quantity measures: ``distance`` for lengths, else its unit.

    Examples:
        >>> quantity_dimension(Quantity(text="420 miles", unit="mi", value=420.0))
        'distance'
    """
    unit = _UNIT_ALIASES.get(q.unit.lower(), q.unit.lower())
    if q.km is not None or unit.rstrip("s") in lexicon().distance:
        return "distance"
    return unit


def _magnitude(q: Quantity, value: float) -> float:
    if quantity_dimension(q) != "distance":
        return value
    unit = _UNIT_ALIASES.get(q.unit.lower(), q.unit.lower()).rstrip("s")
    return value * lexicon().distance.get(unit, 1.0)


_LEADING = re.compile(r"^[^\d]{0,40}")


def _qualifier_kind(q: Quantity) -> str | None:
    lex = lexicon()
    if q.qualifier:
        kind = lex.qualifiers.get(q.qualifier.lower().strip())
        if kind:
            return kind
    # Extractors may leave the qualifier in the text only ("more than 690 miles").
    m = _LEADING.match(q.text.lower())
    lead = " ".join(m.group(0).split()) if m else ""
    best: str | None = None
    for phrase in lex.qualifiers:
        placed = lead == phrase or lead.endswith(" " + phrase) or lead.startswith(phrase + " ")
        if placed and (best is None or len(phrase) > len(best)):
            best = phrase
    return lex.qualifiers[best] if best else None


def quantity_interval(q: Quantity) -> Interval | None:
    """The range of true values `q` allows, in comparable units; None when unbounded.

    Distances are in kilometres. A bare number allows rounding, "about" a bit
    more, "more than" any value from the number up to a bounded excess.

    Examples:
        >>> lo, hi = quantity_interval(Quantity(text="more than 430 miles", unit="mi", value=430.0))
        >>> round(lo) <= 700 <= round(hi)
        True
        >>> vague = Quantity(text="significant casualties", unit="casualties", approx="significant")
        >>> quantity_interval(vague) is None
        True
    """
    lex = lexicon()
    if q.low is not None and q.high is not None:
        lo, hi = sorted((_magnitude(q, q.low), _magnitude(q, q.high)))
        return (lo * (1 - lex.bare), hi * (1 + lex.bare))
    if q.value is None:
        word = (q.approx or "").lower().strip()
        if word not in lex.vague:
            return None
        return lex.vague[word]
    value = q.km if q.km is not None else _magnitude(q, float(q.value))
    kind = _qualifier_kind(q)
    if kind == "min":
        return (value * (1 - lex.bare), value * (1 + lex.bound))
    if kind == "max":
        return (value * (1 - lex.bound), value * (1 + lex.bare))
    tol = lex.approx if kind == "approx" else lex.bare
    return (value * (1 - tol), value * (1 + tol))


def _combined(quantities: Sequence[Quantity]) -> Interval | None:
    """One article's quantities for one dimension, read as one value ("700 km (435 miles)")."""
    lo, hi = float("-inf"), float("inf")
    bounded = False
    for q in quantities:
        iv = quantity_interval(q)
        if iv is None:
            continue
        bounded = True
        lo, hi = max(lo, iv[0]), min(hi, iv[1])
    if not bounded:
        return None
    if lo > hi:  # the article contradicts itself; keep the hull
        ivs = [iv for iv in map(quantity_interval, quantities) if iv is not None]
        return (min(iv[0] for iv in ivs), max(iv[1] for iv in ivs))
    return (lo, hi)


def quantities_verdict(a: Sequence[Quantity], b: Sequence[Quantity]) -> tuple[bool, str]:
    """Whether two articles' quantities for one dimension agree, and why.

    Examples:
        >>> km = Quantity(text="700 km", unit="km", value=700.0, km=700.0)
        >>> mi = Quantity(text="435 miles", unit="mi", value=435.0)
        >>> quantities_verdict([km], [mi])[0]
        True
        >>> quantities_verdict([km], [Quantity(text="550 km", unit="km", value=550.0, km=550.0)])[0]
        False
    """
    ia, ib = _combined(a), _combined(b)
    if ia is None or ib is None:
        return True, "compatible: at least one amount is vague"
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        return True, "the stated amounts overlap within rounding and qualifiers"
    return False, f"the stated ranges do not overlap ({_fmt(ia)} vs {_fmt(ib)})"


def _fmt(iv: Interval) -> str:
    return f"{iv[0]:,.0f}-{iv[1]:,.0f}"


def date_interval(t: TimeRef) -> tuple[dt.date, dt.date] | None:
    """The first and last day a resolved time expression allows; None if unresolved.

    Examples:
        >>> import datetime as dt
        >>> date_interval(TimeRef("in 2023", dt.date(2023, 1, 1), Precision.YEAR))
        (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    """
    d = t.date
    if d is None:
        return None
    if t.precision is Precision.YEAR:
        return (dt.date(d.year, 1, 1), dt.date(d.year, 12, 31))
    if t.precision is Precision.MONTH:
        last = calendar.monthrange(d.year, d.month)[1]
        return (dt.date(d.year, d.month, 1), dt.date(d.year, d.month, last))
    return (d, d)


def date_gap(a: TimeRef, b: TimeRef) -> int | None:
    """Days between two resolved time expressions' ranges (0 when they overlap).

    Examples:
        >>> import datetime as dt
        >>> date_gap(TimeRef("Monday", dt.date(2025, 1, 6), Precision.DAY),
        ...          TimeRef("Tuesday", dt.date(2025, 1, 7), Precision.DAY))
        1
    """
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return None
    if ia[1] < ib[0]:
        return (ib[0] - ia[1]).days
    if ib[1] < ia[0]:
        return (ia[0] - ib[1]).days
    return 0


def dates_verdict(a: TimeRef, b: TimeRef) -> tuple[bool, str] | None:
    """Whether two resolved dates for one event agree; None when either is unresolved.

    Examples:
        >>> import datetime as dt
        >>> mon = TimeRef("on Monday", dt.date(2025, 1, 6), Precision.DAY)
        >>> tue = TimeRef("on Tuesday", dt.date(2025, 1, 7), Precision.DAY)
        >>> dates_verdict(mon, tue)
        (False, 'different days: Monday 2025-01-06 vs Tuesday 2025-01-07')
    """
    gap = date_gap(a, b)
    if gap is None or a.date is None or b.date is None:
        return None
    if gap == 0:
        if a.precision == b.precision:
            return True, "same date"
        return True, "compatible dates at different precision"
    if a.precision is Precision.DAY and b.precision is Precision.DAY:
        return False, (
            f"different days: {a.date.strftime('%A')} {a.date.isoformat()} "
            f"vs {b.date.strftime('%A')} {b.date.isoformat()}"
        )
    return False, f"non-overlapping dates: {a.iso} vs {b.iso}"
