"""Metadata lines: bylines, author bios, datelines, source notes and timestamps."""

from __future__ import annotations

import datetime as dt
import re

from koreabrief.cleaning.lexicon import Lexicon, default_lexicon

__all__ = [
    "bio_author",
    "byline_author",
    "dateline",
    "dateline_end",
    "is_byline",
    "is_email_line",
    "is_timestamp",
    "page_date",
    "source_of",
]

# One capitalised name word ("Kim", "O'Neil", "Jean-Luc", "J.", "KIM").
_NAME = r"[A-Z][\w'’.-]{0,30}"
_NAMES = rf"{_NAME}(?:\s{_NAME}){{0,3}}"
_BY = re.compile(
    rf"(?i:by)\s?:?\s+(?P<name>{_NAMES}(?:\s(?:and|&)\s{_NAMES}){{0,2}})"
    # then a place, an outlet or the date: "| Seoul", "in Tokyo", "Updated: Jan 6, 2025"
    r"(?P<rest>(?:\s?[,|/–—(\[<·•-]|\s(?i:in|for)\s|\s(?=(?i:updated|published|posted)\b))[^\n]{0,120})?$"
)
_ROLE = re.compile(
    # the outlet or a beat may stand before the role: "Jane Roe, Nikkei staff writer"
    rf"(?P<name>{_NAMES})(?P<sep>\s?[,|/–—·-]?)\s(?:[A-Z][\w.&-]{{0,20}}\s){{0,2}}"
    r"(?i:staff reporter|staff writer|senior reporter|reporter|"
    r"correspondent|special correspondent|contributing writer|contributor|columnist|bureau chief|"
    r"staff correspondent|editor|senior editor|news editor)\b"
)
_AUTHOR_LABEL = re.compile(
    rf"(?i:written by|posted by|reported by|story by|words by|author|authors|reporter|reporters|writer)"
    rf"\s?:?\s+(?P<name>{_NAMES}(?:\s(?:and|&)\s{_NAMES}){{0,2}})"
)
_POSTED = re.compile(
    rf"(?i:posted|published|written|updated)\s(?i:on|at)\s[^\n]{{1,40}}?\s(?i:by)\s(?P<name>{_NAMES})\s*$"
)
# A name and the date set apart, or side by side: "Jane Roe | January 1, 2025",
# "Jane Roe • 3 hours ago", "Jane Roe 2025. 1. 1. 15:44".
_NAME_DATE = re.compile(rf"(?P<name>{_NAMES})(?:\s?[|•·—–])?\s(?P<date>[^\n]{{4,60}})")
_REPORTING = re.compile(rf"\(?(?i:reporting by)\s(?P<name>{_NAMES})")
_BIO = re.compile(rf"(?P<name>{_NAMES})\s(?P<verb>[a-z]{{2,12}})\b")
# An address, or the placeholder a CDN's e-mail obfuscation leaves in scraped text.
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}|\[email(?:\s|\xa0)protected\]")
_EMAILS = re.compile(r"[\s,;/|()]{0,4}")
_SOURCE = re.compile(
    r"(?i:(?:this (?:article|story|report|piece) (?:was |has been |is |was first |first )?)?"
    r"(?:original source|source link|sources?|via|courtesy of|(?:first )?appeared (?:first )?(?:on|in)|"
    r"first published (?:on|in|by)|originally (?:published|appeared) (?:on|in|by|at)|"
    r"syndicated from|republished from|"
    r"(?:read|view|see) the (?:full )?original (?:article|story) (?:on|at|in)))"
    r"\s?:?\s*(?P<value>[^\n]{1,200})"
)
_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|June|"
    r"July|August|September|October|November|December"
)
_PLACE_CAPS = r"[A-Z][A-Z'’.-]{1,24}(?:\s[A-Z][A-Z'’.-]{1,24}){0,3}"
_PLACE_TITLE = r"[A-Z][a-z'’.-]{1,24}(?:\s[A-Z][a-z'’.-]{1,24}){0,2}"
_REGION = r"(?:,\s[A-Z][A-Za-z'’.-]{1,24}(?:\s[A-Z][A-Za-z'’.-]{1,24}){0,2})?"
_DATE = rf"(?:,?\s(?:{_MONTHS})\s\d{{1,2}}(?:,\s\d{{4}})?)?"
_AGENCY = r"(?:\s?\([A-Za-z][A-Za-z .&/-]{1,40}\))?"
# A dash may be glued to the first word of the story ("Tokyo, Nov. 7 (Jiji Press)--North Korea").
_SEP = r"(?:\s?(?::|-)\s|\s?(?:—|–|--)\s?)"
# An agency between slashes ends a dateline too: "MOSCOW, January 14. /TASS/. ..."
_SLASHED_AGENCY = r"\.?\s/[A-Za-z][A-Za-z .&-]{1,30}/\.?\s"
_DATELINE_CAPS = re.compile(rf"(?P<place>{_PLACE_CAPS}){_REGION}{_DATE}(?:{_AGENCY}{_SEP}|{_SLASHED_AGENCY})")
_DATELINE_TITLE = re.compile(
    rf"(?P<place>{_PLACE_TITLE}){_REGION}(?:{_DATE}\s?\([A-Za-z][A-Za-z .&/-]{{1,40}}\)|"
    rf",?\s(?:{_MONTHS})\s\d{{1,2}}\s?\([A-Za-z][A-Za-z .&/-]{{1,40}}\)){_SEP}"
)
_DIGITS = re.compile(r"\d")
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_TOKEN_EDGE = re.compile(r"^[^\w|—–·•-]+|[^\w|—–·•-]+$")
_NUMERIC = re.compile(
    r"[\d:./-]{1,12}(?:st|nd|rd|th|h|am|pm)?|[a-z]{2,4}[+-]\d{1,2}(?::\d\d)?|[+-]\d{1,2}(?::?\d\d)?"
)


def _clean_name(name: str) -> str:
    tokens = name.strip(" .,;:|-–—").split()
    # "KIM SOO-AH Associated Press": a name in capitals ends where the capitals do.
    if len(tokens) > 1 and tokens[0].isupper() and len(tokens[0]) > 1:
        upper = 0
        while upper < len(tokens) and (tokens[upper].isupper() or tokens[upper] in {"and", "&"}):
            upper += 1
        tokens = tokens[:upper]
    return " ".join(tokens).strip(" .,;:|-–—")


def byline_author(text: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The person a byline line names ("By Jane Roe, Reuters" -> "Jane Roe"), else None.

    Examples:
        >>> byline_author("By Jane Roe and Min-jun Park | Seoul")
        'Jane Roe and Min-jun Park'
        >>> byline_author("By Monday the troops had left.") is None
        True
        >>> byline_author("By Editorial Team") is None
        True
        >>> byline_author("South Korea Correspondent") is None
        True
        >>> byline_author("By Jane Roe Fox News")
        'Jane Roe'
    """
    lexicon = lexicon or default_lexicon()
    name = _byline_name(text) or _name_and_date(text, lexicon)
    if name is None:
        return None
    if _names_no_one(text):
        return None
    first = name.split(maxsplit=1)[0].rstrip(".").casefold()
    return None if first in lexicon.not_names else _without_outlet(name, lexicon)


def _without_outlet(name: str, lexicon: Lexicon) -> str:
    """A byline's name without the outlet run on after it ("Jane Roe Fox News" -> "Jane Roe")."""
    tokens = name.split()
    for k in range(2, len(tokens)):
        if lexicon.outlet_named(" ".join(tokens[k:])) is not None:
            return " ".join(tokens[:k])
    return name


def _names_no_one(text: str) -> bool:
    """Whether a byline line is a role alone: "Seoul correspondent", "South Korea Correspondent".

    A name and its role are set apart ("Jane Roe, Staff Reporter"); a role line
    without a separator names a place or a beat, not a person.
    """
    if any(p.match(text) is not None for p in (_BY, _AUTHOR_LABEL, _POSTED)):
        return False
    role = _ROLE.fullmatch(text)
    return role is not None and not role.group("sep").strip()


def is_byline(text: str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a line is a byline, naming a person or a desk ("By Editorial Team").

    Examples:
        >>> is_byline("by Editorial Team"), is_byline("By Monday, all had left the base.")
        (True, False)
        >>> is_byline("Seoul correspondent")
        True
    """
    name = _byline_name(text)
    if name is None:
        return _name_and_date(text, lexicon or default_lexicon()) is not None
    if _ROLE.fullmatch(text) is not None:  # "Seoul correspondent": a role, whatever its first word
        return True
    first = name.split(maxsplit=1)[0].rstrip(".").casefold()
    return first not in (lexicon or default_lexicon()).timestamp_words


def _name_and_date(text: str, lexicon: Lexicon) -> str | None:
    """The name of a "Jane Roe | January 1, 2025" line, else None.

    Examples:
        >>> _name_and_date("Jane Roe | January 1, 2025", default_lexicon())
        'Jane Roe'
        >>> _name_and_date("Seoul | Tokyo talks", default_lexicon()) is None
        True
    """
    m = _NAME_DATE.fullmatch(text) if len(text) <= 120 else None
    if m is None or not is_timestamp(m.group("date"), lexicon):
        return None
    name = _clean_name(m.group("name"))
    words = [w.rstrip(".").casefold() for w in name.split()]
    # Two names at least, and no "Last Updated | ..." or "All News 05:16 ...": a
    # given name may still be "Min".
    if (
        len(words) < 2
        or any(w in lexicon.not_names for w in words)
        or words[-1] in lexicon.timestamp_words
    ):
        return None
    return name


def _byline_name(text: str) -> str | None:
    if len(text) > 200 or text.count(" ") > 16:
        return None
    for pattern in (_BY, _AUTHOR_LABEL, _POSTED):
        m = pattern.match(text)
        if m is not None and (pattern is not _BY or not _ends_sentence(text)):
            return _clean_name(m.group("name"))
    m = _ROLE.fullmatch(text) or _ROLE.match(text)
    if m is not None and text.count(" ") <= 8:
        return _clean_name(m.group("name"))
    return None


def reporting_author(text: str) -> str | None:
    """The reporter a wire credit names ("Reporting by Jane Roe; Editing by ..."), else None.

    Examples:
        >>> reporting_author("Reporting by Jane Roe; Editing by Tom Poe")
        'Jane Roe'
    """
    m = _REPORTING.match(text)
    return _clean_name(m.group("name")) if m else None


def _ends_sentence(text: str) -> bool:
    # "By Jane Roe." is rare; "By Monday, the troops had left." ends like prose.
    return text.rstrip().endswith((".", "!", "?")) and text.count(" ") >= 5


def bio_author(text: str, lexicon: Lexicon) -> str | None:
    """The subject of a third-person author bio ("X is a journalist who ..."), else None.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> bio_author("Jane Roe is a reporter covering defence.", default_lexicon())
        'Jane Roe'
    """
    m = _BIO.match(text)
    if m is None or m.group("verb") not in lexicon.bio_verbs:
        return None
    name = m.group("name")
    if name.split()[0].casefold() in lexicon.stopwords or len(name.split()) < 2:
        return None
    if lexicon.outlet_named(name) is not None:  # "NK News is a ..." describes the site
        return None
    occupation = lexicon.occupation_pattern
    if occupation is None or occupation.search(text[:800].casefold()) is None:
        return None
    return _clean_name(name)


def is_email_line(text: str) -> bool:
    """Whether a line holds only e-mail addresses (a reporter's contact).

    Examples:
        >>> is_email_line("jroe@example.com"), is_email_line("[email protected]")
        (True, True)
    """
    if ("@" not in text and "[email" not in text) or len(text) > 300:
        return False
    rest = _EMAIL.sub(" ", text).rstrip(".")
    return _EMAILS.fullmatch(rest.strip()) is not None or not rest.strip(" ,;/|()")


def is_timestamp(text: str, lexicon: Lexicon) -> bool:
    """Whether a line is only a date and/or time ("Updated: Jan 6, 2025 10:32 KST").

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> is_timestamp("Published January 6, 2025, 10:32 am", default_lexicon())
        True
        >>> is_timestamp("January 6 was a Monday.", default_lexicon())
        False
    """
    if len(text) > 120 or not _DIGITS.search(text):
        return False
    tokens = [_TOKEN_EDGE.sub("", t).casefold() for t in text.split()]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > 14:
        return False
    timed = month = day = False
    for token in tokens:
        if token in lexicon.timestamp_words:
            month = month or token in lexicon.months
            timed = timed or token in {"am", "pm", "a.m", "p.m", "ago", "kst"}
            continue
        if _NUMERIC.fullmatch(token):
            timed = timed or any(c in token for c in ":/.-")
            day = day or _DAY.fullmatch(token) is not None
            continue
        return False
    # "January 2025" alone is an archive link, not a date line.
    return timed or (month and day)


def source_of(text: str) -> str | None:
    """What a source note names ("Original Source: www.example.com" -> "www.example.com").

    Examples:
        >>> source_of("Original Source: www.example.com")
        'www.example.com'
        >>> source_of("Read the original article on Example News.")
        'Example News'
    """
    m = _SOURCE.match(text)
    if m is None:
        return None
    value = m.group("value").strip(" .;:()[]")
    return value or None


def dateline(paragraph: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The dateline place opening a paragraph ("SEOUL (Reuters) -" -> "SEOUL"), else None.

    Examples:
        >>> dateline("TOKYO, Jan 6 (AFP) - Japan said ...")
        'TOKYO'
        >>> dateline("U.S. officials said on Monday ...") is None
        True
    """
    m = _dateline_match(paragraph, lexicon)
    return m.group("place") if m is not None else None


def dateline_end(paragraph: str, *, lexicon: Lexicon | None = None) -> int:
    """Where the dateline opening a paragraph ends (0 when it has none).

    Its date is when the story was filed, not when what it reports happened.

    Examples:
        >>> text = "SEOUL, Jan. 19 -- A court on Sunday approved a warrant."
        >>> text[dateline_end(text):]
        'A court on Sunday approved a warrant.'
    """
    m = _dateline_match(paragraph, lexicon)
    return m.end() if m is not None else 0


def _dateline_match(paragraph: str, lexicon: Lexicon | None) -> re.Match[str] | None:
    head = paragraph[:160]
    m = _DATELINE_CAPS.match(head)
    labels = (lexicon or default_lexicon()).dateline_labels
    if m is not None and m.group("place").split()[0] not in labels:
        place = m.group("place")
        letters = [c for c in place if c.isalpha()]
        if len(letters) >= 3 and "." not in place.replace("D.C.", ""):
            return m
    return _DATELINE_TITLE.match(head)


# A full date with its year, as date lines write it: "2025-05-08", "2025.05.08",
# "2025. 5. 8." (Korean pages), "May 8, 2025", "Nov 8,2025", "November. 8, 2025",
# "8 May 2025", "Thursday, May 8th 2025".
_MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_MONTH_NUMBERS = {
    name: n
    for n, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sept sep", "october oct", "november nov", "december dec"),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_FULL_DATE = re.compile(
    r"(?<!\d)(?:(?P<y>(?:19|20)\d\d)(?P<sep>[-./])\s?(?P<m>\d{1,2})(?P=sep)\s?(?P<d>\d{1,2})(?!\d)"
    rf"|(?P<mn>(?i:{_MONTH_WORDS}))\.?\s(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s?|\s)(?P<y2>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s(?P<mn3>(?i:{_MONTH_WORDS}))\.?,?\s(?P<y3>(?:19|20)\d\d)(?!\d)"
    # the year last: "12/04/2024" (month first, as US sites write it), "12-09-2017" (day first)
    r"|(?P<a>\d{1,2})(?P<sep2>[-./])(?P<b>\d{1,2})(?P=sep2)(?P<y4>(?:19|20)\d\d)(?![\d:]))"
)


def page_date(text: str) -> dt.date | None:
    """The first full date (with its year) in a page's date or byline line, else None.

    Examples:
        >>> page_date("Published 2025-05-08 09:12 | Updated 2025-05-09 10:40")
        datetime.date(2025, 5, 8)
        >>> page_date("Posted by Staff Writer | April 28, 2025 | 4 min read")
        datetime.date(2025, 4, 28)
        >>> page_date("Jane Roe 2025. 5. 8. 15:44"), page_date("Posted Nov. 24,2010 17:05")
        (datetime.date(2025, 5, 8), datetime.date(2010, 11, 24))
        >>> page_date("Published 12/04/2024, 02:15 AM"), page_date("The Times 12-09-2017")
        (datetime.date(2024, 12, 4), datetime.date(2017, 9, 12))
        >>> page_date("Updated May 8") is None
        True
    """
    # "2025-02-30" is no date: a later one on the line may be.
    dates = (_parse_date(m) for m in _FULL_DATE.finditer(text[:300]))
    return next((d for d in dates if d is not None), None)


_MONTHS_IN_YEAR = 12


def _parse_date(m: re.Match[str]) -> dt.date | None:
    if m.group("y") is not None:
        year, month, day = m.group("y"), int(m.group("m")), m.group("d")
    elif m.group("y2") is not None:
        year, month, day = m.group("y2"), _MONTH_NUMBERS[m.group("mn").casefold()], m.group("d2")
    elif m.group("y3") is not None:
        year, month, day = m.group("y3"), _MONTH_NUMBERS[m.group("mn3").casefold()], m.group("d3")
    else:
        a, b = int(m.group("a")), int(m.group("b"))
        # A slash puts the month first (unless it cannot be one); a dash or a dot the day.
        month_first = a <= _MONTHS_IN_YEAR if m.group("sep2") == "/" else b > _MONTHS_IN_YEAR
        year, month, day = m.group("y4"), a if month_first else b, str(b if month_first else a)
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None
