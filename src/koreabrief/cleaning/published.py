"""The publication date: from the caller, a date stamp opening the page, its date lines, or its address.

Sources, most trusted first (the value of `Article.published_source`):

* ``given``: the caller's (or the loader's record's) own date;
* ``stamp``: a machine date stamp glued to the start of the page ("date
  2024-10-23 SEOUL — ..."), as search indexes and scrapers prepend it; the
  stamp itself is removed as furniture of kind `other`, the rest of its line
  is read as usual;
* ``text``: a date line of the page's header, or a byline: "Published: Jan.
  6, 2025", "Jane Roe | 6 January 2025"; a byline or a line that says
  "published" or "posted" first, then an updated date;
* ``url``: a date in the address ("/2025/01/06/", "-2025-01-06-",
  "/2025/jan/06/", "view/20250106000123");
* ``text`` again, last: a bare date line above the story (it may be the
  site's today), then a full date with its weekday in the story's lead
  ("announced on Thursday, July 27, 2023"), the weekday agreeing.

Only a full date (with its year) counts: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from koreabrief.cleaning.classify import Label
from koreabrief.cleaning.metadata import month_number, page_date
from koreabrief.cleaning.normalise import INVISIBLE, Line, normalise
from koreabrief.models import RemovalKind

__all__ = ["lead_date", "split_stamp", "text_date", "url_date"]

# "date 2024-10-23", "Date: 2024-10-23T09:12", at the very start of the page,
# then a space (the rest of the line is the page's own) or the line's end.
_STAMP = re.compile(
    r"(?i:date):?\s(?P<date>(?:19|20)\d\d-\d\d-\d\d)(?:[T\s]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?(?=\s|$)"
)


def split_stamp(raw: str, lines: list[Line]) -> tuple[Line | None, dt.date | None]:
    """Take a date stamp off the start of the line it opens, in place.

    The stamp opens the page's first line, or the first line after a few short
    lines of site furniture (a masthead, a menu) that a scraper kept above the
    headline it stamped. Returns the stamp as a line of its own (with its offsets
    in `raw`) and its date; its line keeps the rest. (None, None) when the page
    has none.

    Examples:
        >>> from koreabrief.cleaning.normalise import split_lines
        >>> raw = " date 2024-10-23 SEOUL — Seoul said no."
        >>> lines = split_lines(raw)
        >>> stamp, day = split_stamp(raw, lines)
        >>> (raw[stamp.start : stamp.end], day.isoformat(), lines[0].text)
        ('date 2024-10-23', '2024-10-23', 'SEOUL — Seoul said no.')
        >>> raw = "DAILY BUGLE\\n\\nWorld | Asia\\n\\ndate 2024-10-23 Seoul Says No"
        >>> lines = split_lines(raw)
        >>> stamp, day = split_stamp(raw, lines)
        >>> (day.isoformat(), [line.text for line in lines if line.text])
        ('2024-10-23', ['DAILY BUGLE', 'World | Asia', 'Seoul Says No'])
    """
    seen = 0
    for index, line in enumerate(lines):
        if not line.text:
            continue
        segment = raw[line.start : line.end]
        indent = len(segment) - len(segment.lstrip(INVISIBLE))
        m = _STAMP.match(segment, indent)
        if m is not None:
            return _cut_stamp(raw, lines, index, m)
        seen += 1
        # Only site furniture may stand above the stamp: a few short lines, no sentence.
        sentence = line.text.endswith((".", "!", "?"))
        if seen >= _STAMP_REACH or len(line.text.split()) > _FURNITURE_WORDS or sentence:
            break
    return None, None


# How many lines of site furniture may stand above a stamp, and how long each may be.
_STAMP_REACH = 5
_FURNITURE_WORDS = 20


def _cut_stamp(
    raw: str, lines: list[Line], index: int, m: re.Match[str]
) -> tuple[Line | None, dt.date | None]:
    """Cut the stamp `m` (matched in the raw text of `lines[index]`) off its line."""
    day = _day(m.group("date"))
    if day is None:
        return None, None
    line = lines[index]
    segment = raw[line.start : line.end]
    stamp = Line(line.start + m.start(), line.start + m.end(), normalise(m.group()))
    k = m.end()
    while k < len(segment) and (segment[k].isspace() or segment[k] in INVISIBLE):
        k += 1
    if k < len(segment):
        lines[index] = Line(line.start + k, line.end, normalise(segment[k:]))
    else:
        del lines[index]
    return stamp, day


def _day(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None


_YEAR = r"(?:19|20)\d\d"
# Dates in addresses, each between non-digits: /2025/01/06/, -2025-01-06-,
# /2025/jan/06/, 06-Jan-2025, and compact stamps: 20250106, or 20250106 with
# the time run on (a news site's article key: view/20250106093015123).
_URL_DATE = re.compile(
    rf"(?<![\d])(?P<y>{_YEAR})[/_-](?P<m>\d{{1,2}})[/_-](?P<d>\d{{1,2}})(?![\d])"
    rf"|(?<![\w])(?P<y2>{_YEAR})/(?P<mn>[A-Za-z]{{3,9}})/(?P<d2>\d{{1,2}})(?![\d])"
    rf"|(?<![\w])(?P<d3>\d{{1,2}})-(?P<mn3>[A-Za-z]{{3,9}})-(?P<y3>{_YEAR})(?![\d])"
    rf"|(?<![\d])(?P<y4>{_YEAR})(?P<m4>[01]\d)(?P<d4>[0-3]\d)(?P<more>\d{{0,14}})(?![\d])"
)
# A path segment of six digits, a year of this century first: "/world/250428/23916/".
_URL_SHORT = re.compile(r"/(?P<y>[0-3]\d)(?P<m>[01]\d)(?P<d>[0-3]\d)/")


def url_date(url: str) -> dt.date | None:
    """The publication date an article's address gives, if any.

    Examples:
        >>> url_date("https://example.com/news/2025/01/06/launch")
        datetime.date(2025, 1, 6)
        >>> url_date("https://example.com/stories/2025/jan/06/launch/")
        datetime.date(2025, 1, 6)
        >>> url_date("https://example.com/view/AEN20250106001200315")
        datetime.date(2025, 1, 6)
        >>> url_date("https://example.com/en/world/250428/23916/launch.html")
        datetime.date(2025, 4, 28)
        >>> url_date("https://example.com/article/12345678") is None
        True
    """
    url = url[:2000]
    found = _long_url_date(url)
    if found is not None:
        return found
    # Six digits are a date only as a whole path segment, and only without a longer date.
    for m in _URL_SHORT.finditer(url):
        day = _date("20" + m.group("y"), int(m.group("m")), m.group("d"))
        if day is not None:
            return day
    return None


def _long_url_date(url: str) -> dt.date | None:
    for m in _URL_DATE.finditer(url):
        if m.group("y") is not None:
            day = _date(m.group("y"), int(m.group("m")), m.group("d"))
        elif m.group("y2") is not None:
            day = _date(m.group("y2"), month_number(m.group("mn")), m.group("d2"))
        elif m.group("y3") is not None:
            day = _date(m.group("y3"), month_number(m.group("mn3")), m.group("d3"))
        else:
            more = m.group("more")
            # Eight digits alone, or run on by a time of day (an hour first):
            # other long digit runs are serial numbers.
            if more and (len(more) < 2 or int(more[:2]) > 23):
                continue
            day = _date(m.group("y4"), int(m.group("m4")), m.group("d4"))
        if day is not None:
            return day
    return None


def _date(year: str, month: int | None, day: str) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


# Words by which a date line says what its date is (a byline's date is the publication's).
_PUBLISHED = re.compile(r"(?i)\b(?:published|posted|first published|released|date|issued|created|by)\b")
_UPDATED = re.compile(r"(?i)\b(?:updated|modified|edited|revised)\b")
# Kinds of furniture whose dates are other stories' or the pictures' own.
_NOT_DATED = frozenset({RemovalKind.CREDIT, RemovalKind.COMMENTS, RemovalKind.ADVERT})
_DATE_LINE_MAX_WORDS = 20
# The reasons of items of a link list ("in a link list under its header").
_LISTED = ("in a link list", "in a list")


def text_date(labels: Sequence[Label], *, bare: bool = True) -> dt.date | None:
    """The publication date a page states in its header lines or bylines, if any.

    Only furniture before the body (and bylines anywhere) is read: later dates
    are the story's own, or other stories'. A line saying "published" or
    "posted" comes first, then one saying "updated", then (with `bare`) any
    date line: a bare date atop a page may be the site's today, so it comes
    last, after the address's date in `clean`. Captions and link lists are
    never read. Only a date with its year counts.

    Examples:
        >>> import koreabrief as kb
        >>> kb.clean("Seoul Says No\\n\\nUpdated: Jan. 7, 2025\\n\\nSeoul said no to it.").published
        datetime.date(2025, 1, 7)
    """
    lines: list[str] = []
    for i, lab in enumerate(labels):
        if lab.kind is None and not lab.title:
            lines.extend(b.unit.text for b in labels[i:] if b.kind is RemovalKind.BYLINE)
            break
        if (
            lab.kind is not None
            and lab.kind not in _NOT_DATED
            and not lab.reason.startswith(_LISTED)
            and lab.unit.text.count(" ") < _DATE_LINE_MAX_WORDS  # longer: a caption, a standfirst
        ):
            lines.append(lab.unit.text)
    tiers = (
        (t for t in lines if _PUBLISHED.search(t)),
        (t for t in lines if _UPDATED.search(t)),
        iter(lines if bare else ()),
    )
    for tier in tiers:
        for text in tier:
            day = page_date(text)
            if day is not None:
                return day
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "Thursday, July 27, 2023", "Thursday, July, 27, 2023", "Thursday 27 July 2023"
_WEEKDAY_DATE = re.compile(
    r"(?i:\b(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day),?\s"
    rf"(?:(?P<mn>[A-Z][a-z]{{2,8}})\.?,?\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y>{_YEAR})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?P<mn2>[A-Z][a-z]{{2,8}})\.?,?\s(?P<y2>{_YEAR}))(?!\d)"
)
# The lead is the story's first paragraphs (the first may be a standfirst kept as body).
_LEAD_PARAGRAPHS = 2
_LEAD_CHARS = 600


def lead_date(paragraphs: Sequence[str]) -> dt.date | None:
    """A full date written with its weekday in the story's lead, the weekday agreeing, else None.

    "... reported on Tuesday, March 5, 2024 that ...": the day of the news a
    lead reports is the page's. A weekday that does not fit the date (a typo,
    or another day's) gives nothing.

    Examples:
        >>> lead_date(["Officials announced on Thursday, July, 27, 2023 that talks resume."])
        datetime.date(2023, 7, 27)
        >>> lead_date(["Officials announced on Friday, July 27, 2023 that talks resume."]) is None
        True
    """
    for text in paragraphs[:_LEAD_PARAGRAPHS]:
        for m in _WEEKDAY_DATE.finditer(text[:_LEAD_CHARS]):
            if m.group("y") is not None:
                day = _date(m.group("y"), month_number(m.group("mn")), m.group("d"))
            else:
                day = _date(m.group("y2"), month_number(m.group("mn2")), m.group("d2"))
            if day is not None and _WEEKDAYS[day.weekday()].startswith(m.group("wd").casefold()):
                return day
    return None
