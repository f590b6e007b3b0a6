"""Quantities: numbers with units, vague amounts, ranges and qualifiers.

Units and their surface forms live in ``koreabrief/data/units.toml``. A token
scanner (not a regex) reads "approximately 950 kilometers", "one million
artillery rounds", "thousands of troops", "10,000 to 12,000 troops"; every
distance also gets its value in kilometres so that "590 miles" and "950 km"
compare.
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
from importlib import resources
from typing import Any

import attrs
from attrs import frozen

# cached_property needs a __dict__: Units is frozen but not slotted.
from koreabrief.extraction.dates import MONTH
from koreabrief.extraction.lexicon import trie_regex
from koreabrief.extraction.triggers import has_case_extras
from koreabrief.models import Quantity, Span

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["Units", "find_quantities"]

# Compiled once here rather than inline in the functions that use them.
_YEAR = re.compile(r"(?:19|20)\d\d")
_HYPHEN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,9}(?![\d,])")
# What stands before a number that is a date, not a count: a month ("Dec. 3, sending
# troops"), or a preposition of time before a year ("In 2023 troops were sent").
_MONTH_BEFORE = re.compile(rf"{MONTH}[ \t]+$")
_YEAR_PREPOSITION = frozenset({"in", "since", "until", "till", "before", "after", "during", "by", "from"})

# A digit after a letter, stop, colon or hyphen is part of a name or a clock time ("G7",
# "Hwasong-19", "7:30"), not a count.
_TOKEN = re.compile(
    r"(?<![\w.:-])\d[\d,]{0,30}(?:\.\d{1,10})?|[A-Za-z](?:[A-Za-z'’-]|\.(?=[A-Za-z])){0,40}|[()\-–]"
)
_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FUNCTION_WORDS = frozenset(["the", "a", "an", "this", "that", "these", "those", "and", "or", "but"])
_RANGE_WORDS = frozenset(("to", "-", "–", "and", "or"))
# Beyond this nothing in this domain is countable: a likely OCR or parsing slip.
_ABSURD = 1e13
# Tokens enough for the longest phrase: qualifier (3), number, range and scales (4), modifiers (3), unit (4).
_WINDOW = 16
# Tokens enough to tell whether a number or vague amount follows a qualifier (3 words).
_HEAD = 4
# A candidate glued to these is inside a word, not at a token start.
_GLUE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’.-")
_MAX_MODIFIERS = 3
# A bare number ends its phrase at punctuation or before one of these words.
_BARE_NEXT = frozenset(
    ("on", "in", "at", "by", "as", "since", "after", "before", "according", "from", "this", "last", "and",
     "or", "so", "among", "while", "when", "with", "amid", "until", "including", "people")
)  # fmt: skip
_PUNCT = re.compile(r"\s*[,.;:)(—–-]")
# How far before a bare number its count's name may start (characters).
_BARE_REACH = 140


@frozen(slots=False)
class Units:
    """The unit lexicon: surface forms to normalised units, vague amounts, qualifiers.

    Attributes:
        forms: Surface form (lower case, words joined by one space) -> unit.
        km: Unit -> kilometres per unit, for distances.
        approx: Vague amount words ("thousands").
        qualifiers: Qualifier phrases ("more than").

    Examples:
        >>> Units.default().forms["kilometres"]
        'km'
    """

    forms: dict[str, str]
    km: dict[str, float]
    approx: frozenset[str]
    qualifiers: frozenset[str]
    # People counted as losses when a casualty verb follows them ("300 soldiers were killed").
    casualty_of: frozenset[str] = frozenset()
    casualty_verbs: frozenset[str] = frozenset()
    # Verbs just before such a count that make it losses ("has lost 4,000 soldiers").
    casualty_verbs_before: frozenset[str] = frozenset()
    # Unit -> (heads, verbs) of a running count before a bare number ("the death toll rose to").
    bare: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()

    @functools.cached_property
    def casualty_before(self) -> re.Pattern[str] | None:
        """What ends just before a count of people lost: "has lost "."""
        if not self.casualty_verbs_before or not self.casualty_of:
            return None
        verbs = trie_regex(sorted(self.casualty_verbs_before))
        return re.compile(rf"(?<![\w-])(?:{verbs})\s+\Z", re.IGNORECASE)

    @functools.cached_property
    def bare_before(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """Per unit, what ends just before a bare number counted in it ("death toll rose to ")."""
        out = []
        for unit, heads, verbs in self.bare:
            if heads and verbs:
                rx = re.compile(
                    rf"(?<![\w-])(?:{trie_regex(sorted(heads))})(?![\w-])(?:\s+[\w'’-]{{1,30}}){{0,6}}?"
                    rf"\s+(?:{trie_regex(sorted(verbs))})\s+\Z",
                    re.IGNORECASE,
                )
                out.append((unit, rx))
        return tuple(out)

    @functools.cached_property
    def casualty_after(self) -> re.Pattern[str] | None:
        """What follows a count of people who became casualties: "were killed", "died"."""
        if not self.casualty_verbs or not self.casualty_of:
            return None
        verbs = trie_regex(sorted(self.casualty_verbs))
        return re.compile(
            rf"\s+(?:(?:were|was|are|is|have|has|had|reportedly|allegedly)\s+){{0,2}}(?:been\s+)?(?:{verbs})(?![\w-])"
        )

    @functools.cached_property
    def qualifier_firsts(self) -> frozenset[str]:
        """The first words of the qualifiers ("more" of "more than")."""
        return frozenset(w.split(" ")[0] for w in self.qualifiers)

    @functools.cached_property
    def form_firsts(self) -> frozenset[str]:
        """The first words of the unit forms ("artillery" of "artillery rounds")."""
        return frozenset(f.split(" ")[0] for f in self.forms)

    @functools.cached_property
    def approx_firsts(self) -> frozenset[str]:
        """The first words of the vague amounts ("tens" of "tens of thousands")."""
        return frozenset(w.split()[0] for w in self.approx)

    @functools.cached_property
    def starters(self) -> frozenset[str]:
        """Lower-case words a quantity can start with (besides digits)."""
        words = {w.split()[0] for w in self.approx | self.qualifiers}
        words.update(w.split()[0] for w in _ONES)
        words.update(w.split("-")[0] for w in _ONES)
        return frozenset(words)

    @functools.cached_property
    def maybe(self) -> re.Pattern[str]:
        """A cheap test: text without a digit or a starter word holds no quantity."""
        words = [w for w in self.starters if w not in ("a", "an")]
        # "a"/"an" start a quantity only in a known phrase ("a dozen", "an estimated").
        phrases = [
            r"\s+".join(re.escape(part) for part in p.split())
            for p in (*self.approx, *self.qualifiers, *_ONES)
            if p.split()[0] in ("a", "an") and " " in p
        ]
        alts = trie_regex(words)
        extra = "".join(f"|{p}" for p in phrases)
        return re.compile(rf"\d|(?<![\w])(?:{alts}{extra})(?![\w])", re.IGNORECASE)

    @functools.cached_property
    def maybe_lowered(self) -> re.Pattern[str] | None:
        """`maybe` compiled case-sensitively, for lower-cased text (a faster scan), or None.

        That is the same test when the pattern holds no cased character but ASCII
        lower-case letters and the text none of `CASE_EXTRAS`.
        """
        source = self.maybe.pattern
        if all((c.isascii() and c.islower()) or c.lower() == c.upper() for c in source):
            return re.compile(source)
        return None

    @classmethod
    def default(cls) -> Units:
        """The shipped lexicon, read once.

        Examples:
            >>> Units.default() is Units.default()
            True
        """
        return _default_units()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Units:
        """Build the lexicon from parsed TOML in the ``units.toml`` schema.

        Examples:
            >>> Units.from_data({"unit": {"km": {"forms": ["km"], "km": 1.0}}}).km
            {'km': 1.0}
        """
        forms: dict[str, str] = {}
        km: dict[str, float] = {}
        for unit, spec in data.get("unit", {}).items():
            for form in spec.get("forms", ()):
                forms[" ".join(form.lower().split())] = unit
            if "km" in spec:
                km[unit] = float(spec["km"])
        approx = frozenset(w.lower() for w in data.get("approx", {}).get("words", ()))
        qualifiers = frozenset(w.lower() for w in data.get("qualifiers", {}).get("words", ()))
        losses = data.get("casualties", {})
        bare = tuple(
            (
                unit,
                tuple(w.lower() for w in spec.get("heads", ())),
                tuple(w.lower() for w in spec.get("verbs", ())),
            )
            for unit, spec in data.get("bare", {}).items()
        )
        return cls(
            forms,
            km,
            approx,
            qualifiers,
            frozenset(losses.get("counted", ())),
            frozenset(w.lower() for w in losses.get("verbs", ())),
            frozenset(w.lower() for w in losses.get("before", ())),
            bare,
        )


@functools.lru_cache(maxsize=1)
def _default_units() -> Units:
    text = resources.files("koreabrief").joinpath("data").joinpath("units.toml").read_text("utf-8")
    return Units.from_data(tomllib.loads(text))


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _number(toks: list[tuple[str, int, int]], i: int) -> tuple[float, int] | None:
    """A number starting at token i: (value, index after it), or None."""
    word = toks[i][0].lower().rstrip(".")
    value: float
    if word[:1].isdigit():
        digits = word.replace(",", "")
        if digits[:1] == "0" and len(digits) > 1 and digits[1:2].isdigit():
            return None  # "000" split off "1 000 km", "007": no count opens with a zero
        try:
            value = float(digits)
        except ValueError:
            return None
        j = i + 1
    elif word == "a" and i + 1 < len(toks) and toks[i + 1][0].lower() == "dozen":
        value, j = 12.0, i + 2
    elif word in _ONES:
        value, j = float(_ONES[word]), i + 1
        # "twenty-five" is one token with a hyphen; handled by _ONES parts below.
    elif "-" in word and all(p in _ONES for p in word.split("-")):
        value, j = float(sum(_ONES[p] for p in word.split("-"))), i + 1
    else:
        return None
    while j < len(toks) and toks[j][0].lower() in _SCALES:
        value *= _SCALES[toks[j][0].lower()]
        j += 1
    return value, j


def _unit_at(
    toks: list[tuple[str, int, int]], i: int, units: Units, max_modifiers: int
) -> tuple[str, int] | None:
    """The unit reached from token i after at most `max_modifiers` words: (unit, index after)."""
    # Each token normalised once, not once per (skip, width) tried.
    norm = [t[0].lower().rstrip(".,") for t in toks[i : i + max_modifiers + 4]]
    forms, firsts = units.forms, units.form_firsts
    for skip in range(max_modifiers + 1):
        k = i + skip
        if k >= len(toks):
            return None
        # A form's words joined start with its first word: no other token starts one.
        for width in (4, 3, 2, 1) if norm[skip] in firsts else ():
            if k + width > len(toks):
                continue
            form = " ".join(norm[skip : skip + width])
            unit = forms.get(form)
            if unit is not None:
                return unit, k + width
        word = toks[k][0]
        # Modifiers are lower-case words ("short-range", "artillery", "unsuccessful"); a
        # capitalised word, number or bracket ends the noun phrase.
        # Capitalised modifiers are nationalities and names ("10,000 North Korean troops").
        modifier = (word[:1].isalpha() or "." in word) and word.lower() not in _FUNCTION_WORDS
        if not modifier or word.lower() in _RANGE_WORDS or word.lower() in ("of", "from", "in"):
            return None
    return None


def find_quantities(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    units: Units | None = None,
    warnings: list[str] | None = None,
    lowered: str | None = None,
) -> list[Quantity]:
    """Every quantity in `text[start:end]`, with its span in `text`.

    Args:
        text: The whole text (spans index it).
        start: Where to start looking.
        end: Where to stop looking; the end of `text` by default.
        units: The unit lexicon; the shipped one by default.
        warnings: A list that dropped values are reported to.
        lowered: `text` lower-cased, same length (see `context.ascii_lower`), when the
            caller has it: candidates are then found by a faster case-sensitive scan.

    Returns:
        Quantities in text order.

    Examples:
        >>> [(q.value, q.unit, q.km) for q in find_quantities("flew 950 kilometres (590 miles)")]
        [(950.0, 'km', 950.0), (590.0, 'mi', 949.513)]
        >>> find_quantities("thousands of troops")[0].approx
        'thousands'
    """
    lex = units or Units.default()
    sink = warnings if warnings is not None else []
    end = len(text) if end is None else end
    out: list[Quantity] = []
    starters = lex.starters
    pos = start
    maybe, scanned = lex.maybe, text
    if lowered is not None and lex.maybe_lowered is not None and not has_case_extras(text, start, end):
        maybe, scanned = lex.maybe_lowered, lowered
    # Only where a quantity can start (a digit, a number word, a qualifier) is a
    # short run of tokens read, instead of tokenising the whole sentence.
    while (cand := maybe.search(scanned, pos, end)) is not None:
        at = cand.start()
        if at > start and text[at - 1] in _GLUE:
            pos = cand.end()  # inside a word ("no-one", "U.S.one")
            continue
        tokens = _TOKEN.finditer(text, at, end)
        window = [(t[0], t.start(), t.end()) for t in itertools.islice(tokens, _HEAD)]
        if not window:
            break
        word = window[0][0]
        pos = max(window[0][2], cand.end())
        if not word[0].isdigit() and word.lower() not in starters and "-" not in word:
            continue
        if not _may_start(window, lex):
            continue  # most candidates are a qualifier word alone ("about the talks")
        if _date_at(text, window, lex):
            continue  # what `_quantity_at` would say, without reading more tokens
        window.extend([(t[0], t.start(), t.end()) for t in itertools.islice(tokens, _WINDOW - _HEAD)])
        found = _quantity_at(text, window, 0, lex, sink)
        if found is None:
            continue
        quantity, nxt = found
        if quantity is not None:
            out.append(_as_casualties(text, quantity, lex, end))
        pos = max(pos, window[max(nxt, 1) - 1][2])
    return out


def _as_casualties(text: str, q: Quantity, lex: Units, end: int) -> Quantity:
    """ "At least 300 soldiers were killed": the soldiers counted are losses, not a force."""
    if q.unit not in lex.casualty_of or q.span is None:
        return q
    after, before = lex.casualty_after, lex.casualty_before
    if after is not None and after.match(text, q.span.end, min(end, q.span.end + 60)) is not None:
        return attrs.evolve(q, unit="casualties")
    if before is not None and before.search(text, max(0, q.span.start - 20), q.span.start) is not None:
        return attrs.evolve(q, unit="casualties")
    return q


def _bare_unit(
    text: str, toks: list[tuple[str, int, int]], i: int, k: int, lex: Units
) -> tuple[str, int] | None:
    """The unit of a number that has none after it, from the count named before it.

    "the death toll rose to 1,000." is 1,000 casualties; "losses of 3 tanks" is not
    (a noun follows the number).
    """
    if not lex.bare_before:
        return None
    last, end = toks[k - 1][0], toks[k - 1][2]
    ended = last.endswith(",") or _PUNCT.match(text, end, toks[k][1] if k < len(toks) else end + 2)
    if k < len(toks) and toks[k][0].lower() not in _BARE_NEXT and not ended:
        return None
    at = toks[i][1]
    for unit, rx in lex.bare_before:
        if rx.search(text, max(0, at - _BARE_REACH), at):
            return unit, k
    return None


def _may_start(head: list[tuple[str, int, int]], lex: Units) -> bool:
    """Whether a quantity may start at the first of these tokens: False only when
    `_quantity_at` would surely find none (a qualifier followed by no number and
    no vague amount), read from the first `_HEAD` tokens alone."""
    j = _qualifier_at(head, 0, lex)
    if j >= len(head):
        return True  # undecided within the head
    word = head[j][0].lower()
    if word[:1].isdigit() or "-" in word or word.rstrip(".") in _ONES or word == "a":
        return True
    return word in lex.approx_firsts


def _date_at(text: str, head: list[tuple[str, int, int]], lex: Units) -> bool:
    """Whether `_quantity_at` would find no quantity at the first of these tokens because
    it opens a date ("Dec. 3", "in 2023"), read from the first `_HEAD` tokens alone: a
    number with no qualifier before it, which `_date_number` takes for part of a date."""
    word = head[0][0]
    if not word[:1].isdigit() or _qualifier_at(head, 0, lex):
        return False
    # Whether `_number` reads a number here depends on this token alone.
    return _number(head, 0) is not None and _date_number(text, head, 0)


def _qualifier_at(toks: list[tuple[str, int, int]], i: int, lex: Units) -> int:
    """How many tokens of a qualifier phrase start at i (0 if none)."""
    if i >= len(toks) or toks[i][0].lower() not in lex.qualifier_firsts:
        return 0  # most tokens start no qualifier: no phrase need be joined
    low = [t[0].lower() for t in toks[i : i + 3]]
    for width in (3, 2, 1):
        if i + width <= len(toks):
            phrase = " ".join(low[:width])
            if phrase in lex.qualifiers:
                return width
    return 0


def _quantity_at(
    text: str, toks: list[tuple[str, int, int]], i: int, lex: Units, sink: list[str]
) -> tuple[Quantity | None, int] | None:
    q_width = _qualifier_at(toks, i, lex)
    j = i + q_width
    if j >= len(toks):
        return None
    qualifier = " ".join(t[0] for t in toks[i:j]) if q_width else None
    number = _number(toks, j)
    if number is None:
        return _approx_at(text, toks, (i, j), qualifier, lex)
    value, k = number
    if not q_width and _date_number(text, toks, j):
        return None
    glued = toks[j][2]
    if (
        k < len(toks)
        and toks[k][1] == glued
        and toks[k][0][:1].isalpha()
        and toks[k][0].lower() not in lex.forms
    ):
        return None  # a calibre or model glued to its number ("600mm rocket launchers"), no count
    low = high = None
    if k + 1 < len(toks) and toks[k][0] in "-–" and toks[k][1] == toks[k - 1][2]:
        # "10,000-12,000 troops", "3-4 missiles": the second number is glued to the dash
        # (the tokens skip digits after a hyphen, as in "Hwasong-19").
        upper = _HYPHEN_NUMBER.match(text, toks[k][2])
        if upper is not None and float(upper.group(0).replace(",", "")) > value:
            low, high = value, float(upper.group(0).replace(",", ""))
            k = next((x for x in range(k + 1, len(toks)) if toks[x][1] >= upper.end()), len(toks))
    if low is None and k + 1 < len(toks) and toks[k][0].lower() in _RANGE_WORDS:
        second = _number(toks, k + 1)
        if second is not None and second[0] > value:
            low, high = value, second[0]
            k = second[1]
    # A year before a name ("the 2023 Camp David summit") is a date, not a count.
    is_year = _YEAR.fullmatch(toks[j][0]) is not None
    # A comma after the number ends its noun phrase ("Dec. 3, sending special forces
    # troops"): no unit is read past it, though a count named before may still apply.
    unit = None if toks[k - 1][0].endswith(",") else _unit_at(toks, k, lex, 0 if is_year else _MAX_MODIFIERS)
    if unit is None and k + 1 < len(toks) and toks[k][0] in "-–" and toks[k][1] == toks[k - 1][2]:
        # "a 620-mile flight", "its 1,000-km range": the unit glued by a hyphen.
        hyphened = _unit_at(toks, k + 1, lex, 0)
        unit = hyphened if hyphened is not None and toks[k + 1][1] == toks[k][2] else None
    if unit is None and not is_year:
        unit = _bare_unit(text, toks, i, k, lex)
    if unit is None:
        return None
    name, after = unit
    first = toks[i][1]
    last = toks[after - 1][2]
    if text[last - 1] == ",":
        last -= 1  # a bare number's token keeps the comma after it ("reached 3,000, officials said")
    written = text[first:last]
    if max(value, high or 0.0) > _ABSURD:
        sink.append(f"quantity {written[:60]!r}: absurd magnitude, dropped")
        return None, after
    factor = lex.km.get(name)
    ranged = low is not None and high is not None
    base = low if ranged else value
    return (
        Quantity(
            text=written,
            unit=name,
            value=None if ranged else value,
            low=low if ranged else None,
            high=high if ranged else None,
            qualifier=qualifier,
            km=round(base * factor, 3) if factor is not None and base is not None else None,
            span=Span(first, last),
        ),
        after,
    )


def _date_number(text: str, toks: list[tuple[str, int, int]], j: int) -> bool:
    """Whether the number at token j is part of a date: a day after a month, a year after "in"."""
    word, first = toks[j][0], toks[j][1]
    if (
        word[:1].isdigit()
        and len(word.rstrip(",")) <= 2
        and _MONTH_BEFORE.search(text, max(0, first - 12), first)
    ):
        return True
    if _YEAR.fullmatch(word.rstrip(",")) is None:
        return False
    before = text[max(0, first - 12) : first].split()
    return bool(before) and before[-1].lower() in _YEAR_PREPOSITION


def _approx_at(
    text: str, toks: list[tuple[str, int, int]], at: tuple[int, int], qualifier: str | None, lex: Units
) -> tuple[Quantity | None, int] | None:
    i, j = at  # where the phrase (qualifier included) starts, where the vague word starts
    low = [t[0].lower() for t in toks[j : j + 3]]
    for width in (3, 2, 1):
        if j + width > len(toks):
            continue
        phrase = " ".join(low[:width])
        if phrase not in lex.approx:
            continue
        k = j + width
        if k < len(toks) and toks[k][0].lower() == "of":
            k += 1
        unit = _unit_at(toks, k, lex, 2)
        if unit is None:
            return None
        name, after = unit
        first, last = toks[i][1], toks[after - 1][2]
        return (
            Quantity(
                text=text[first:last],
                unit=name,
                approx=" ".join(t[0] for t in toks[j : j + width]).lower(),
                qualifier=qualifier,
                span=Span(first, last),
            ),
            after,
        )
    return None
