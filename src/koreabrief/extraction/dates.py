"""Time expressions: found as written, resolved against the publication date.

A weekday in past-tense reporting is the latest such day on or before
publication; in future-tense reporting the next one on or after it. A month
and day without a year is resolved the same way. Without a publication date
only absolute expressions ("in August 2023", "December 3, 2024", "2020")
resolve; relative ones keep their text and a None date, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from attrs import frozen
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from koreabrief.models import Precision, Span, TimeRef
from koreabrief.patterns import trie_regex

__all__ = ["MONTH", "Offset", "find_times", "offset_of", "resolve_time"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA, "sunday": SU,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3,
}  # fmt: skip

# A month's name or abbreviation as news writes it ("September", "Sept.", "Dec").
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_LEAD = r"(?i:(?:on|in|since|by|from|until|late|early|earlier|later|mid|last|this|next)[\s-]+){0,2}"
_YEAR = r"(?:19[4-9]\d|20\d\d)"
# Case-insensitive: a relative expression may open its sentence ("Three days ago, ...").
_COUNT = r"(?i:\d{1,3}|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"

# One alternation, longest forms first, every repetition bounded: linear on any input.
_TIME = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<rel>{_COUNT}\s+(?P<relunit>day|week|month|year)s?\s+"
    r"(?P<reldir>before|after|ahead of|ago|earlier|later|prior to)"
    r"(?:\s+the\s+[a-z]{3,20})?)"
    # "roughly 50 minutes later", "hours later", "two hours ago" (not "a minute later than").
    rf"|(?P<relh>(?:(?P<relhcount>{_COUNT})\s+)?(?P<relhunit>(?i:hour|minute))s?\s+"
    r"(?P<relhdir>ago|earlier|later)(?!\s+than\b))"
    r"|(?P<ana>(?i:the\s+(?:previous|following|next|preceding)\s+(?:day|morning|evening|night)"
    r"|the\s+day\s+(?:before|after)|(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)"
    r"|(?:later|earlier)\s+in\s+the\s+(?:day|morning|afternoon|evening|night)))"
    rf"|(?P<md>{_LEAD}(?P<md_m>{MONTH})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*(?:and|to|-|–)\s*\d{{1,2}}(?![\d,]))?(?:,?\s+(?P<md_y>{_YEAR}))?)"
    rf"|(?P<dm>{_LEAD}(?P<dm_d>\d{{1,2}})\s+(?P<dm_m>{MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?)"
    # "on the 16th" (the publication month), "on the 27th of last month".
    r"|(?P<dom>(?i:on\s+)the\s+(?P<dom_d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
    r"(?:\s+of\s+(?P<dom_rel>(?i:last|this|next))\s+month)?)"
    rf"|(?P<my>{_LEAD}(?P<my_m>{MONTH})(?:\s+of)?(?:,?\s+(?P<my_y>{_YEAR})"
    r"|\s+(?P<my_rel>(?i:last|this|next|the\s+previous|the\s+following|the\s+same))\s+year)?)"
    rf"|(?P<wd>{_LEAD}(?P<wd_d>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?)"
    r"|(?P<period>(?i:(?:late|early|earlier|later|mid|in|since)[\s-]+){0,2}(?P<pdeic>(?i:last|this|next|past))\s+"
    r"(?P<punit>year|month|week))"
    r"|(?P<wkend>(?i:(?:over|during|on|at)\s+the\s+weekend(?!\s+of\b)|(?:this\s+past|last|this|next|past)\s+weekend))"
    r"|(?P<season>(?i:(?:late|early|mid|in|since|during|by|until)[\s-]+){0,2}"
    r"(?:(?P<sdeic>(?i:last|this|next|past))\s+(?P<sname>(?i:spring|summer|fall|autumn|winter))"
    rf"|(?i:the\s+)?(?P<sname2>(?i:spring|summer|fall|autumn))(?:\s+of)?,?\s+(?P<sy>{_YEAR})))"
    r"|(?P<deictic>(?i:(?:late|early|earlier|later)\s+)?(?P<dword>(?i:yesterday|today|tonight|tomorrow"
    r"|last\s+night|this\s+(?:morning|afternoon|evening))))"
    rf"|(?P<year>{_LEAD}(?P<y>{_YEAR})(?:s(?![\w]))?)"
    r")(?![\w-])"
)
# Every time expression holds a digit or one of these words (as written): a cheap test
# before the big pattern. Digits and words are two searches, each opening with what the
# regex engine can skip ahead to (a character class, a trie of literals), which a
# single "\d|Jan|..." alternation would not let it do.
_CUE_WORDS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "day", "year",
    "month", "week", "tonight", "tomorrow", "night", "morning", "afternoon", "evening", "spring", "summer",
    "fall", "autumn", "winter", "hour", "minute", "Hour", "Minute",
)  # fmt: skip
_CUE_DIGIT = re.compile(r"\d")
_CUE_WORD = re.compile(trie_regex(_CUE_WORDS))
# Lead words and a count before a cue ("late last year", "a few weeks") fit in this.
_LEAD_SPAN = 48
# The words a `_TIME` match can open with (besides a digit), in any case: a count,
# "the", a lead word, a deictic, a season, a month, a weekday. Every one is followed
# by a non-word character in the pattern.
_FIRST_WORDS = (
    "a", "an", "several", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "the", "on", "in", "since", "by", "from", "until", "late", "early", "earlier",
    "later", "mid", "last", "this", "next", "past", "over", "during", "at", "spring", "summer", "fall",
    "autumn", "yesterday", "today", "tonight", "tomorrow", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "that", "hours", "minutes",
)  # fmt: skip
# Where an expression can start: a word start (`_TIME` opens with this look-behind) at a
# digit or one of `_FIRST_WORDS`. A superset of the places `_TIME` matches at, so the big
# pattern is tried at far fewer of them; the first word's letters must be readable,
# so a scan for these must not end before `_FIRST_REACH` characters past a start.
_TIME_START = re.compile(rf"(?<![\w-])(?=\d|(?i:{trie_regex(_FIRST_WORDS)})(?!\w))")
_FIRST_REACH = max(map(len, _FIRST_WORDS)) + 1
# A month abbreviation without a day ("May" the verb, "Mar" ...) is too ambiguous alone.
_FULL_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_FOR_BEFORE = re.compile(r"\bfor\s+\Z", re.IGNORECASE)
_ANNIVERSARY = re.compile(r"anniversary\s+of\s+(?:the\s+)?(?:[a-z]{1,20}\s+){0,2}\Z")
# "The visit comes a week after the summit": in present-tense news the clause's
# event is the present, so the offset counts from publication.
_PRESENT_BEFORE = re.compile(
    r"\b(?:comes|come|falls|fall|is|are|takes\s+place|take\s+place)"
    r"(?:\s+(?:just|only|barely|exactly|almost|nearly|some|about))?\s+\Z"
)
_AFTER_YEAR = re.compile(rf"\bafter\b[^.;]{{0,120}}?\b(?P<y>{_YEAR})\b")


@frozen
class Offset:
    """How far a relative expression's event lies from the time it counts from.

    Attributes:
        delta: The event's date minus the reference date ("a day after": +1 day).
        precision: The precision a date reached with it has.
        anchored: True when it counts from a named event ("a week after the
            summit"), False when from the narrative's last time ("two days earlier").
    """

    delta: relativedelta
    precision: Precision
    anchored: bool


_OFFSET = re.compile(
    rf"(?i:(?:(?P<count>{_COUNT})\s+(?P<unit>day|week|month|year)s?\s+"
    r"(?P<dir>before|after|ahead\s+of|prior\s+to|earlier|later)"
    rf"|(?:(?P<hcount>{_COUNT})\s+)?(?P<hunit>hour|minute)s?\s+(?P<hdir>earlier|later))"
    r"|the\s+(?P<ana>previous|preceding|following|next)\s+(?:day|morning|evening|night)"
    r"|the\s+day\s+(?P<dayrel>before|after)"
    # "at 4 p.m. that day", "later in the evening": the day the narrative last named, no shift.
    r"|(?P<same>that|the\s+same|(?:later|earlier)\s+in\s+the)\s+(?:day|morning|afternoon|evening|night))"
    r"(?:\s+the\s+[a-z]{3,20})?"
)


def offset_of(text: str) -> Offset | None:
    """The offset a relative time expression states, or None for any other expression.

    Examples:
        >>> offset_of("two days earlier").delta
        relativedelta(days=-2)
        >>> o = offset_of("a week after the summit")
        >>> (o.delta, o.anchored)
        (relativedelta(days=+7), True)
        >>> offset_of("on Monday") is None
        True
    """
    m = _OFFSET.fullmatch(text.strip())
    if m is None:
        return None
    if m.group("same"):
        return Offset(relativedelta(), Precision.DAY, False)
    if m.group("ana") or m.group("dayrel"):
        word = (m.group("ana") or m.group("dayrel")).lower()
        sign = -1 if word in ("previous", "preceding", "before") else 1
        return Offset(relativedelta(days=sign), Precision.DAY, word in ("before", "after"))
    if m.group("hunit"):
        # Minutes or hours later: the same day, when few enough (see `_within_day`).
        count = _count(m.group("hcount")) if m.group("hcount") else 1
        if not _within_day(m.group("hunit").lower(), count):
            return None
        return Offset(relativedelta(), Precision.DAY, False)
    unit = m.group("unit").lower()
    count = _count(m.group("count"))
    direction = " ".join(m.group("dir").lower().split())
    n = -count if direction in ("before", "ahead of", "prior to", "earlier") else count
    delta, precision = _span_of(unit, n)
    return Offset(delta, precision, direction not in ("earlier", "later"))


def _count(words: str) -> int:
    """The number a count phrase opening `words` says ("two", "a few", "12"); 1 if none."""
    parts = words.lower().split()
    word = " ".join(parts[:2]) if " ".join(parts[:2]) in _NUMBER_WORDS else parts[0]
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 1)


# Minutes or hours (up to this many) after a dated moment fall on its day: "roughly 50
# minutes later", "hours later". Past it, the count may cross midnight.
_SAME_DAY_HOURS = 12


def _within_day(unit: str, count: int) -> bool:
    """Whether `count` hours or minutes is short enough to stay on the day counted from."""
    return count * (1 if unit == "hour" else 1 / 60) <= _SAME_DAY_HOURS


def _span_of(unit: str, n: int) -> tuple[relativedelta, Precision]:
    """`n` days, weeks, months or years, and the precision a date counted so has."""
    delta = {
        "day": relativedelta(days=n),
        "week": relativedelta(weeks=n),
        "month": relativedelta(months=n),
        "year": relativedelta(years=n),
    }[unit]
    return delta, Precision.DAY if unit in ("day", "week") else Precision.MONTH


def _month(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int, warnings: list[str], text: str) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        warnings.append(f"time expression {text!r}: no such date, dropped the date")
        return None


def _resolve_month_day(
    month: int, day: int, published: dt.date | None, *, future: bool, warnings: list[str], text: str
) -> dt.date | None:
    if not 1 <= day <= 31:
        warnings.append(f"time expression {text!r}: no such day, dropped the date")
        return None
    # 2000 was a leap year: a day that fails here exists in no year at all.
    if _safe_date(2000, month, day, warnings, text) is None:
        return None
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day, warnings, text)
    if candidate is None:
        return None
    if future and candidate < published:
        return _safe_date(published.year + 1, month, day, warnings, text)
    if not future and candidate > published:
        return _safe_date(published.year - 1, month, day, warnings, text)
    return candidate


def _week(published: dt.date, step: int, low: str) -> tuple[dt.date | None, Precision | None]:
    """A calendar week as a month when it lies inside one, else as its year (unresolved
    when it straddles two years).

    A week is no day: giving its Monday day precision would be a guess. The
    days meant ("earlier this week": Monday to publication) decide the month.
    """
    if "past" in low:
        first, last = published - dt.timedelta(days=7), published
    else:
        first = published + relativedelta(weeks=step, weekday=MO(-1))
        last = first + dt.timedelta(days=6)
        if step == 0 and "earlier" in low:
            last = published
        elif step == 0 and "later" in low:
            first = published
    return _period(first, last)


def _period(first: dt.date, last: dt.date) -> tuple[dt.date | None, Precision | None]:
    """The month holding both days, else the year holding both, else None: the finest
    precision that is still true of every day between them."""
    if first.year != last.year:
        return None, None
    if first.month != last.month:
        return dt.date(first.year, 1, 1), Precision.YEAR
    return first.replace(day=1), Precision.MONTH


# The months of each season (northern hemisphere) as (first month, months long).
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _season(published: dt.date, deixis: str, name: str) -> tuple[dt.date | None, Precision | None]:
    """The year of the season meant ("last fall", "this spring", "next summer"); a
    winter spans New Year, so it stays undated.

    Examples:
        >>> _season(dt.date(2025, 4, 28), "last", "fall")
        (datetime.date(2024, 1, 1), <Precision.YEAR: 'year'>)
        >>> _season(dt.date(2025, 7, 10), "last", "summer")
        (datetime.date(2024, 1, 1), <Precision.YEAR: 'year'>)
        >>> _season(dt.date(2025, 7, 10), "next", "spring")
        (datetime.date(2026, 1, 1), <Precision.YEAR: 'year'>)
    """
    first_month = _SEASONS[name]

    def bounds(year: int) -> tuple[dt.date, dt.date]:
        first = dt.date(year, first_month, 1)
        return first, first + relativedelta(months=3, days=-1)

    year = published.year
    if deixis in ("last", "past"):
        while bounds(year)[1] >= published:
            year -= 1
    elif deixis == "next":
        while bounds(year)[0] <= published:
            year += 1
    elif first_month == 12 and published.month <= 2:
        year -= 1  # "this winter" in January: the winter that began in December
    first, last = bounds(year)
    return _period(first, last)


def _weekend(published: dt.date, *, future: bool, low: str) -> tuple[dt.date | None, Precision | None]:
    """The month of the weekend meant (the latest one in past-tense reporting, the
    next one in future-tense); its year when that weekend straddles two months.

    Examples:
        >>> _weekend(dt.date(2025, 8, 27), future=False, low="over the weekend")
        (datetime.date(2025, 8, 1), <Precision.MONTH: 'month'>)
        >>> _weekend(dt.date(2025, 5, 27), future=True, low="next weekend")
        (datetime.date(2025, 1, 1), <Precision.YEAR: 'year'>)
    """
    ahead = "next" in low or (future and "last" not in low and "past" not in low)
    saturday = published + relativedelta(weekday=SA(+1) if ahead else SA(-1))
    return _period(saturday, saturday + dt.timedelta(days=1))


def resolve_time(
    match: re.Match[str],
    published: dt.date | None,
    *,
    future: bool,
    warnings: list[str],
    anchored_now: bool = False,
) -> tuple[dt.date | None, Precision | None]:
    """Resolve one match of the time pattern; (None, None) when it cannot be fixed.

    "Two days earlier", "the previous day" and "a week after the summit" count
    from another event's time, not from publication: they stay unresolved,
    unless `anchored_now` says the clause's own event is the present ("the
    visit comes a week after the summit").

    Examples:
        >>> m = _TIME.search("on December 3")
        >>> resolve_time(m, dt.date(2025, 1, 6), future=False, warnings=[])[0]
        datetime.date(2024, 12, 3)
        >>> resolve_time(_TIME.search("two days earlier"), dt.date(2025, 1, 6), future=False, warnings=[])
        (None, None)
    """
    g = match.groupdict()
    text = match.group(0)
    low = text.lower()
    if g["md"] or g["dm"]:
        month = _month(g["md_m"] or g["dm_m"])
        day = int(g["md_d"] or g["dm_d"])
        year = g["md_y"] or g["dm_y"]
        if year:
            return _safe_date(int(year), month, day, warnings, text), Precision.DAY
        found = _resolve_month_day(month, day, published, future=future, warnings=warnings, text=text)
        return (found, Precision.DAY) if found else (None, None)
    if g["my"]:
        month = _month(g["my_m"])
        if g["my_y"]:
            return dt.date(int(g["my_y"]), month, 1), Precision.MONTH
        if published is None:
            return None, None
        year = published.year
        rel = (g.get("my_rel") or "").lower().split()
        if rel:
            # "in March of last year", "September of the previous year": that year's month.
            year += {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel[-1], 0)
            return dt.date(year, month, 1), Precision.MONTH
        if "last " in low or "past " in low:
            # "last June" said in June is a year ago: the latest June before this month.
            year -= month >= published.month
        elif "next " in low:
            year += month <= published.month
        elif future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return dt.date(year, month, 1), Precision.MONTH
    if g["year"]:
        return dt.date(int(g["y"]), 1, 1), Precision.YEAR
    if g["season"] and g["sy"]:
        return dt.date(int(g["sy"]), 1, 1), Precision.YEAR  # "in the summer of 2024"
    if published is None:
        return None, None
    if g.get("dom"):
        shift = {"last": -1, "next": 1}.get((g["dom_rel"] or "").lower(), 0)
        month0 = published.month - 1 + shift
        year, month = published.year + month0 // 12, month0 % 12 + 1
        return _safe_date(year, month, int(g["dom_d"]), warnings, text), Precision.DAY
    if g["wd"]:
        wd = _WEEKDAYS[g["wd_d"].lower()]
        if "last " in low:
            return published + relativedelta(days=-1, weekday=wd(-1)), Precision.DAY
        if "next " in low or future:
            return published + relativedelta(weekday=wd(+1)), Precision.DAY
        return published + relativedelta(weekday=wd(-1)), Precision.DAY
    if g["wkend"]:
        return _weekend(published, future=future, low=low)
    if g["season"]:
        return _season(published, g["sdeic"].lower(), g["sname"].lower())
    if g["period"]:
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[g["pdeic"].lower()]
        unit = g["punit"].lower()
        if unit == "year":
            return dt.date(published.year + step, 1, 1), Precision.YEAR
        if unit == "month":
            first = published.replace(day=1) + relativedelta(months=step)
            return first, Precision.MONTH
        return _week(published, step, low)
    if g["deictic"]:
        word = " ".join(g["dword"].lower().split())
        offset = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
        return published + dt.timedelta(days=offset), Precision.DAY
    if g["ana"]:
        return None, None
    if g["relh"]:
        # "hours ago" is the day of publication; "50 minutes later" counts from the story's time.
        count = _count(g["relhcount"]) if g["relhcount"] else 1
        if g["relhdir"].lower() == "ago" and _within_day(g["relhunit"].lower(), count):
            return published, Precision.DAY
        return None, None
    if g["rel"]:
        direction = g["reldir"].lower()
        if direction in ("earlier", "later") or (direction != "ago" and not anchored_now):
            return None, None
        # "two weeks before the inauguration" (said on the publication day) puts
        # the inauguration two weeks *after* publication; "two weeks ago" before it.
        sign = -1 if direction in ("ago", "after") else 1
        delta, precision = _span_of(g["relunit"].lower(), sign * _count(low))
        try:
            return published + delta, precision
        except (OverflowError, ValueError):
            warnings.append(f"time expression {text!r}: out of range, dropped the date")
            return None, None
    return None, None  # pragma: no cover - every alternative is handled above


def _time_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """`_TIME.finditer(text, start, end)`, with the big pattern tried only near a cue.

    Every expression holds a cue (a digit or a `_CUE_WORDS` word) within `_LEAD_SPAN`
    characters of its start, so a match can start only at a word start in the span
    before a cue: trying those places in order finds what a search would, without
    scanning on past the last cue to the end of the range.
    """
    pos = start
    # The next digit and the next cue word at or after `pos` (`end`: none left).
    digit = _next_cue(_CUE_DIGIT, text, pos, end)
    word = _next_cue(_CUE_WORD, text, pos, end)
    while True:
        if digit < pos:
            digit = _next_cue(_CUE_DIGIT, text, pos, end)
        if word < pos:
            word = _next_cue(_CUE_WORD, text, pos, end)
        at = min(digit, word)
        if at >= end:
            return
        m = _match_before(text, max(pos, at - _LEAD_SPAN), at, end)
        if m is None:
            pos = at + 1
            continue
        yield m
        # finditer steps one character past an empty match; none of these is empty.
        pos = max(m.end(), m.start() + 1)


def _match_before(text: str, lo: int, at: int, end: int) -> re.Match[str] | None:
    """The `_TIME` match at the first place in `lo..at` (inclusive) that has one, or None."""
    # A start's first word is read in full up to this (the scan may not end inside it).
    reach = min(end, at + 1 + _FIRST_REACH)
    for first in _TIME_START.finditer(text, lo, reach):
        where = first.start()
        if where > at:
            return None
        m = _TIME.match(text, where, end)
        if m is not None:
            return m
    return None


def _next_cue(cue: re.Pattern[str], text: str, pos: int, end: int) -> int:
    """Where `cue` next matches in `text[pos:end]`, or `end`."""
    m = cue.search(text, pos, end)
    return end if m is None else m.start()


# The event a month and day dates lies after a recent act: "days before the vote on May 9".
_AHEAD_OF = re.compile(
    r"\b(?:before|ahead\s+of|in\s+the\s+run-up\s+to|in\s+advance\s+of)\s+(?:[\w'’.-]+\s+){1,5}\Z",
    re.IGNORECASE,
)
# How far ahead of publication such a coming event may lie.
_SOON_DAYS = 60


def _ahead_of_now(text: str, m: re.Match[str], start: int) -> bool:
    """Whether a month and day without a year dates an event named after "before" or "ahead of"."""
    if not (m.group("md") or m.group("dm")) or _with_year(m):
        return False
    return _AHEAD_OF.search(text, max(start, m.start() - 60), m.start()) is not None


# A month standing as a modifier: a determiner before it, a lower-case noun after it.
_MONTH_DETERMINER = re.compile(r"(?:\b(?:the|its|their|his|her|this|that)|\w['’]s)\s+\Z", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+[a-z]")
# A weekday followed by its date: "Tuesday, March 4", "Tuesday, 4 March".
_DATE_AFTER_WEEKDAY = re.compile(rf",?\s+(?:{MONTH}\s+\d{{1,2}}(?!\d)|\d{{1,2}}\s+{MONTH}\b)")


def _attributive_month(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether a bare month names what follows it: "the March hack", "its June test".

    Examples:
        >>> t = "funds taken in the March hack"
        >>> _attributive_month(t, _TIME.search(t), 0, len(t))
        True
        >>> t = "the March of time"
        >>> _attributive_month(t, _TIME.search(t), 0, len(t))
        False
    """
    return (
        _MONTH_DETERMINER.search(text, max(start, m.start() - 12), m.start()) is not None
        and _NOUN_NEXT.match(text, m.end(), end) is not None
        and m.group("my") == m.group("my_m")
    )


# "last June", "next March": counted from publication, not from a year named before.
_DEICTIC_LEAD = re.compile(r"(?i)\b(?:last|past|next|this)\s")


def _with_year(m: re.Match[str]) -> bool:
    """Whether the expression writes its year out ("October 2024", "Dec. 3, 2023", "in 2023")."""
    return bool(m.group("md_y") or m.group("dm_y") or m.group("my_y") or m.group("year"))


def _carried(m: re.Match[str], told: dt.date | None, warnings: list[str]) -> tuple[dt.date, Precision] | None:
    """A month (and day) without a year, dated by the year written earlier in its sentence.

    "In mid-May 2023 it launched a rocket and in late June it held drills":
    the narrative goes on in the year it named, so June is June 2023,
    whatever the publication date. Only a month on or after the named one
    continues it; an earlier month ("since January") may look back, and is
    left to the publication date.

    Examples:
        >>> _carried(_TIME.search("in late June"), dt.date(2023, 5, 1), [])
        (datetime.date(2023, 6, 1), <Precision.MONTH: 'month'>)
        >>> _carried(_TIME.search("on Jan. 3"), dt.date(2023, 5, 1), []) is None
        True
    """
    if told is None or _with_year(m):
        return None
    if m.group("md") or m.group("dm"):
        month = _month(m.group("md_m") or m.group("dm_m"))
        if month < told.month:
            return None
        day = _safe_date(told.year, month, int(m.group("md_d") or m.group("dm_d")), warnings, m.group(0))
        return (day, Precision.DAY) if day is not None else None
    if m.group("my") and not m.group("my_rel") and not _DEICTIC_LEAD.search(m.group(0)):
        month = _month(m.group("my_m"))
        return (dt.date(told.year, month, 1), Precision.MONTH) if month >= told.month else None
    return None


def find_times(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    published: dt.date | None = None,
    future: bool = False,
    warnings: list[str] | None = None,
) -> list[TimeRef]:
    """Every time expression in `text[start:end]`, resolved when possible.

    Args:
        text: The whole text (spans index it).
        start: Where to start looking.
        end: Where to stop looking; the end of `text` by default.
        published: The publication date that relative expressions resolve against.
        future: Whether the surrounding sentence reports something still to come.
        warnings: A list that dropped dates are reported to.

    Returns:
        TimeRefs in text order, their spans indexing `text`.

    Examples:
        >>> [t.iso for t in find_times("It fired on Monday.", published=dt.date(2025, 1, 8))]
        ['2025-01-06']
    """
    sink = warnings if warnings is not None else []
    end = len(text) if end is None else end
    out: list[TimeRef] = []
    # The last date in the range written with its year: a later month without one
    # continues its year (see `_carried`).
    told: dt.date | None = None
    for m in _time_matches(text, start, end):
        if m.group("my") and not m.group("my_y"):
            month_word = m.group("my_m").rstrip(".").lower()
            # "May" and "March" are verbs too; a bare month needs "in"/"since"/"late" before it,
            # or a determiner and a noun around it ("the March hack", "its June test").
            lead = m.group("my")[: m.start("my_m") - m.start("my")].strip()
            if month_word not in _FULL_MONTHS or not (lead or _attributive_month(text, m, start, end)):
                continue
        if m.group("wd") and _DATE_AFTER_WEEKDAY.match(text, m.end(), end):
            # "on Tuesday, March 4": the date written out says which Tuesday.
            continue
        now = (
            bool(m.group("rel"))
            and _PRESENT_BEFORE.search(text, max(start, m.start() - 40), m.start()) is not None
        )
        # "called a meeting for Friday": what is set for a day lies ahead of the report.
        ahead = future or _FOR_BEFORE.search(text, max(start, m.start() - 5), m.start()) is not None
        date, precision = resolve_time(m, published, future=ahead, warnings=sink, anchored_now=now)
        if not ahead and date is not None and published is not None and _ahead_of_now(text, m, start):
            # "days ahead of the vote on April 10": what a recent act comes before is
            # the coming one, when it comes soon.
            soon = resolve_time(m, published, future=True, warnings=sink)[0]
            if soon is not None and (soon - published).days <= _SOON_DAYS:
                date = soon
        carried = _carried(m, told, sink)
        if carried is not None:
            date, precision = carried
        elif date is not None and _with_year(m) and not m.group("year"):
            told = date  # a month with its year; a bare year ("in 2017") says no month
        if m.group("md") or m.group("dm"):
            before = text[max(start, m.start() - 40) : m.start()]
            if _ANNIVERSARY.search(before):
                # The anniversary of a date recalls an earlier year, known only
                # when the sentence anchors it ("after the 2020 election").
                anchor = _AFTER_YEAR.search(text, m.end(), end)
                month = _month(m.group("md_m") or m.group("dm_m"))
                day = int(m.group("md_d") or m.group("dm_d"))
                date = None
                if anchor and not (m.group("md_y") or m.group("dm_y")):
                    date = _safe_date(int(anchor.group("y")) + 1, month, day, sink, m.group(0))
                precision = Precision.DAY if date else None
        out.append(TimeRef(m.group(0), date, precision if date else None, Span(m.start(), m.end())))
    return out
