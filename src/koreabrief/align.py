"""Aligning two articles' events and judging each aligned fact: date, amounts, place.

Two events align when they have the same type, compatible dates (a day or two
apart at most, so that "Monday" vs "Tuesday" is a conflict about one launch
while launches a week apart stay two events), overlapping actors and no
clashing target. Each aligned pair yields [`Alignment`][koreabrief.Alignment]s.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Sequence
from importlib import resources

from attrs import evolve

from koreabrief.gazetteer import Gazetteer
from koreabrief.judge import date_gap, dates_verdict, lexicon, quantities_verdict, quantity_dimension, water
from koreabrief.models import Alignment, Article, Event, EventType, FactValue, Quantity, Verdict
from koreabrief.similarity import words

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "MAX_DAY_GAP",
    "align_events",
    "comparable_quantity",
    "event_alignments",
    "event_key",
    "names_time_zone",
]

#: Two day-precise dates further apart than this are two different events.
MAX_DAY_GAP = 2
# Events that move something somewhere: their location is a destination.
_MOVES = frozenset(
    {
        EventType.TROOP_DEPLOYMENT,
        EventType.ARMS_TRANSFER,
        EventType.TECHNOLOGY_TRANSFER,
        EventType.DIPLOMATIC_VISIT,
    }
)
_PLACE_PREFIX = re.compile(r"^(?:to|into|in|at|toward|towards|the)\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s")
#: How far (characters) to look for an event's sentence boundaries.
_SENTENCE_WINDOW = 600


@functools.cache
def _time_zone() -> re.Pattern[str]:
    text = resources.files("koreabrief").joinpath("data/compare.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text).get("timezones", {})
    phrases = "|".join(re.escape(p) for p in data.get("phrases", []))
    abbrs = "|".join(re.escape(a) for a in data.get("abbreviations", []))
    cities = "|".join(re.escape(c) for c in data.get("cities", []))
    days = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    placed = rf"\b(?:{days})(?:\s+(?:morning|afternoon|evening|night))?\s+in\s+(?:{cities})\b"
    if not (phrases and abbrs and cities):
        return re.compile(r"(?!)")
    return re.compile(rf"(?i:\b(?:{phrases})\b|{placed})|\b(?:{abbrs})\b")


def names_time_zone(sentence: str) -> bool:
    """Whether a sentence dates something in a named time zone ("Wednesday evening Eastern time").

    Examples:
        >>> names_time_zone("It fired the missile at 7 p.m. ET on Wednesday.")
        True
        >>> names_time_zone("The missile was fired on Thursday, the JCS said.")
        False
        >>> names_time_zone("It flew late Wednesday evening in Washington.")
        True
        >>> names_time_zone("Officials in Seoul said it flew on Thursday.")
        False
    """
    return _time_zone().search(sentence) is not None


def event_key(e: Event) -> str:
    """A readable key naming an event: type and participants.

    Examples:
        >>> from koreabrief.models import Span
        >>> event_key(Event(type=EventType.MEETING, span=Span(0, 1), actors=("B", "A")))
        'meeting.A+B'
    """
    who = "+".join(sorted(e.actors)) or (e.target or "")
    return f"{e.type.value}.{who}" if who else e.type.value


def _sides(actors: Sequence[str], gazetteer: Gazetteer) -> set[str]:
    """Actors plus the states they act for: a president also counts as their state."""
    out = set(actors)
    for name in actors:
        entity = gazetteer.resolve(name)
        if entity is not None and entity.affiliation:
            out.add(entity.affiliation)
    return out


def _actors_compatible(a: Event, b: Event, gazetteer: Gazetteer) -> float | None:
    """A 0-1 overlap score, or None when the participants rule the pair out."""
    if a.target and b.target and a.target != b.target:
        return None
    sa, sb = set(a.actors), set(b.actors)
    if sa and sb:
        common = sa & sb
        if common:
            return len(common) / len(sa | sb)
        # Leaders for their states (three leaders / "the US, South Korea and Japan").
        xa, xb = _sides(a.actors, gazetteer), _sides(b.actors, gazetteer)
        if len(xa & xb) >= max(1, min(len(sa), len(sb)) // 2 + 1):
            return 0.5 * len(xa & xb) / len(xa | xb)
        return None
    if a.target and a.target == b.target:
        return 0.5
    return 0.25


def _same_place(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    wa, wb = set(words(_PLACE_PREFIX.sub("", a))), set(words(_PLACE_PREFIX.sub("", b)))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _pair_score(a: Event, b: Event, gazetteer: Gazetteer) -> float | None:
    if a.type is not b.type:
        return None
    score = _actors_compatible(a, b, gazetteer)
    if score is None:
        return None
    if a.time is not None and b.time is not None:
        gap = date_gap(a.time, b.time)
        if gap is not None:
            if gap > MAX_DAY_GAP:
                return None
            score += 1.0 if gap == 0 else 0.5
    if _same_place(a.location, b.location):
        score += 0.25
    return score


def align_events(
    a: Sequence[Event], b: Sequence[Event], *, gazetteer: Gazetteer | None = None
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(index_in_a, index_in_b)`` of events that are the same event.

    Examples:
        >>> import datetime as dt
        >>> from koreabrief.models import Span, TimeRef, Precision
        >>> day = lambda d: TimeRef("x", dt.date(2025, 1, d), Precision.DAY)
        >>> launch = lambda d: Event(type=EventType.MISSILE_LAUNCH, span=Span(0, 1),
        ...                          actors=("North Korea",), time=day(d))
        >>> align_events([launch(6)], [launch(7)])
        [(0, 0)]
        >>> align_events([launch(6)], [launch(13)])
        []
    """
    g = gazetteer or Gazetteer.default()
    scored: list[tuple[float, int, int]] = []
    for i, ea in enumerate(a):
        for j, eb in enumerate(b):
            s = _pair_score(ea, eb, g)
            if s is not None:
                scored.append((-s, i, j))
    scored.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _sentence(article: Article, e: Event) -> str:
    """The sentence(s) around an event's mentions, each once, in text order: where its wording lives."""
    text = article.text
    ranges: list[tuple[int, int]] = []
    for span in (e.span, *e.mentions):
        if span.end > len(text):
            continue
        # Bounded both ways and never past a paragraph: an event mentioned many
        # times in one enormous paragraph must not rescan the text per mention.
        lo = max(0, span.start - _SENTENCE_WINDOW)
        start = max(text.rfind(". ", lo, span.start) + 1, text.rfind("\n", lo, span.start) + 1, lo)
        hi = min(len(text), span.end + _SENTENCE_WINDOW)
        newline = text.find("\n", span.end, hi)
        hi = newline if newline >= 0 else hi
        m = _SENTENCE_END.search(text, span.end, hi)
        ranges.append((start, m.end() if m else hi))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return " ".join(text[start:end].strip() for start, end in merged)


def _state(place: str | None, gazetteer: Gazetteer) -> str | None:
    if not place:
        return None
    hit = gazetteer.lookup(_PLACE_PREFIX.sub("", place.strip()))
    if hit is None or hit[0].kind != "state":
        return None
    return hit[0].name


def _opposes(sentence: str, state: str, gazetteer: Gazetteer) -> str | None:
    """The phrase by which `sentence` puts `state` on the opposing side ("against Ukraine"), if any."""
    lowered = sentence.lower()
    for m in gazetteer.find(sentence):
        if m.entity.name != state:
            continue
        before = lowered[max(0, m.start - 25) : m.start]
        stripped = before.rstrip()
        for word in lexicon().opposition:
            if stripped.endswith(word) and (
                len(stripped) == len(word) or not stripped[-len(word) - 1].isalnum()
            ):
                start = m.start - (len(before) - len(stripped)) - len(word)
                return sentence[start : m.end]
    return None


def _destination_conflict(
    ea: Event, eb: Event, fa: Article, fb: Article, gazetteer: Gazetteer
) -> tuple[str, str, str] | None:
    """A clash over where a deployment or transfer went: (wording in a, wording in b, why)."""
    if ea.type not in _MOVES:
        return None
    sa, sb = _state(ea.location, gazetteer), _state(eb.location, gazetteer)
    if sa and sb and sa != sb:
        return (ea.location or "", eb.location or "", f"destination {sa} vs {sb}")
    for here, there, ev_here, ev_there, art_there, flip in (
        (sa, sb, ea, eb, fb, False),
        (sb, sa, eb, ea, fa, True),
    ):
        if here is None or there is not None:
            continue
        phrase = _opposes(_sentence(art_there, ev_there), here, gazetteer)
        if phrase is None:
            continue
        helped = f" (the side helped: {ev_there.target})" if ev_there.target else ""
        why = f"one article sends it to {here}, the other has it directed against {here}{helped}"
        pair = (ev_here.location or "", phrase)
        return (pair[1], pair[0], why) if flip else (pair[0], pair[1], why)
    return None


def _water_conflict(ea: Event, eb: Event) -> tuple[str, str, str] | None:
    """Two reports landing one launch in two different named waters (East Sea vs Yellow Sea)."""
    if ea.type in _MOVES:
        return None
    wa, wb = water(ea.location), water(eb.location)
    if wa and wb and wa != wb:
        return (ea.location or "", eb.location or "", f"different waters: {wa} vs {wb}")
    return None


_NUMBER = re.compile(r"\d[\d.,]*")
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def comparable_quantity(q: Quantity) -> Quantity | None:
    """The quantity as a number to compare, or None when its number is a broken fragment.

    "1.000 km" is a thousand kilometres written with a dot for the thousands (a
    kilometre is never written with three decimals in news); "000 km" is the
    tail of a number split at a space ("1 000 km") and says nothing.

    Examples:
        >>> comparable_quantity(Quantity(text="1.000 km", unit="km", value=1.0, km=1.0)).km
        1000.0
        >>> comparable_quantity(Quantity(text="000 km", unit="km", value=0.0, km=0.0)) is None
        True
        >>> comparable_quantity(Quantity(text="about 1,000 km", unit="km", value=1000.0)).value
        1000.0
    """
    m = _NUMBER.search(q.text)
    if m is None or q.value is None:
        return q
    number = m.group().rstrip(".,")
    if len(number) > 1 and number[0] == "0" and number[1].isdigit():
        return None
    if _DOTTED_THOUSANDS.fullmatch(number) and q.value < 1000:
        scale = float(number.replace(".", "")) / q.value if q.value else 0.0
        if scale >= 1000:
            return evolve(q, value=q.value * scale, km=q.km * scale if q.km is not None else None)
    return q


def _qtext(qs: Sequence[Quantity]) -> str:
    return " / ".join(q.text for q in qs)


def _value(article: Article, text: str, normalised: str | None = None) -> FactValue:
    return FactValue(article=article.id, text=text, normalised=normalised, outlet=article.outlet)


def event_alignments(
    ea: Event, eb: Event, fa: Article, fb: Article, *, gazetteer: Gazetteer | None = None
) -> list[Alignment]:
    """The judged facts of one aligned event pair: the event itself, its date, amounts and place.

    Examples:
        >>> import datetime as dt
        >>> from koreabrief.models import Span, TimeRef, Precision
        >>> art = lambda i: Article(id=i, raw="", text="")
        >>> mon = Event(type=EventType.MISSILE_LAUNCH, span=Span(0, 0), actors=("North Korea",),
        ...             time=TimeRef("on Monday", dt.date(2025, 1, 6), Precision.DAY))
        >>> tue = Event(type=EventType.MISSILE_LAUNCH, span=Span(0, 0), actors=("North Korea",),
        ...             time=TimeRef("on Tuesday", dt.date(2025, 1, 7), Precision.DAY))
        >>> [(x.fact, x.verdict.value) for x in event_alignments(mon, tue, art("a"), art("b"))]
        [('missile_launch.North Korea', 'agree'), ('missile_launch.date', 'conflict')]
    """
    g = gazetteer or Gazetteer.default()
    kind = ea.type.value
    out = [
        Alignment(
            fact=event_key(ea) if set(ea.actors) <= set(eb.actors) else event_key(eb),
            kind="event",
            verdict=Verdict.AGREE,
            values=(_value(fa, _sentence(fa, ea) or ea.trigger), _value(fb, _sentence(fb, eb) or eb.trigger)),
            note="both report this event",
        )
    ]
    if ea.time is not None and eb.time is not None:
        judged = dates_verdict(ea.time, eb.time)
        if judged is not None:
            ok, why = judged
            if (
                not ok
                and date_gap(ea.time, eb.time) == 1
                and (names_time_zone(_sentence(fa, ea)) or names_time_zone(_sentence(fb, eb)))
            ):
                # One instant dated in two time zones: a day apart is no disagreement.
                ok, why = True, f"{why}, one day apart across the time zones a report names"
            out.append(
                Alignment(
                    fact=f"{kind}.date",
                    kind="date",
                    verdict=Verdict.AGREE if ok else Verdict.CONFLICT,
                    values=(_value(fa, ea.time.text, ea.time.iso), _value(fb, eb.time.text, eb.time.iso)),
                    note=why,
                )
            )
    dims_a: dict[str, list[Quantity]] = {}
    dims_b: dict[str, list[Quantity]] = {}
    for q in filter(None, map(comparable_quantity, ea.quantities)):
        dims_a.setdefault(quantity_dimension(q), []).append(q)
    for q in filter(None, map(comparable_quantity, eb.quantities)):
        dims_b.setdefault(quantity_dimension(q), []).append(q)
    for dim in sorted(set(dims_a) & set(dims_b)):
        ok, why = quantities_verdict(dims_a[dim], dims_b[dim])
        name = "distance" if dim == "distance" else "quantity"
        out.append(
            Alignment(
                fact=f"{kind}.{name}",
                kind="quantity",
                verdict=Verdict.AGREE if ok else Verdict.CONFLICT,
                values=(_value(fa, _qtext(dims_a[dim])), _value(fb, _qtext(dims_b[dim]))),
                note=why,
            )
        )
    clash = _destination_conflict(ea, eb, fa, fb, g) or _water_conflict(ea, eb)
    if clash is not None:
        out.append(
            Alignment(
                fact=f"{kind}.{'destination' if ea.type in _MOVES else 'location'}",
                kind="location",
                verdict=Verdict.CONFLICT,
                values=(_value(fa, clash[0]), _value(fb, clash[1])),
                note=clash[2],
            )
        )
    return out
