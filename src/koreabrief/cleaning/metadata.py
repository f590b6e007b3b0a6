"""Metadata lines: bylines, author bios, datelines, source notes and timestamps."""

from __future__ import annotations

import datetime as dt
import re

from koreabrief.cleaning.lexicon import Lexicon, default_lexicon

__all__ = [
    "bio_author",
    "byline_author",
    "byline_outlet",
    "dateline",
    "dateline_end",
    "dateline_source",
    "has_email",
    "is_byline",
    "is_email_line",
    "is_timestamp",
    "month_number",
    "opens_on_date",
    "page_date",
    "source_of",
]

# One capitalised name word ("Kim", "O'Neil", "Jean-Luc", "J.", "KIM").
_NAME = r"[A-Z][\w'’.-]{0,30}"
_NAMES = rf"{_NAME}(?:\s{_NAME}){{0,3}}"
_BY = re.compile(
    # one to three names joined by "and", or a list closed by "and": "A, B and C"
    rf"(?i:by)\s?:?\s+(?P<name>{_NAMES}(?:,\s{_NAMES}){{0,4}},?\s(?:and|&)\s{_NAMES}"
    rf"|{_NAMES}(?:\s(?:and|&)\s{_NAMES}){{0,2}})"
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
    r"syndicated from|republished from|based on (?:reporting|reports) by|compiled from reports by|"
    r"(?:read|view|see) the (?:full )?original (?:article|story) (?:on|at|in)))"
    r"\s?:?\s*(?P<value>[^\n]{1,200})"
)
_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|June|"
    r"July|August|September|October|November|December"
)
# A place in capitals, several joined by slashes: "SEOUL", "NEW DELHI", "WASHINGTON/SEOUL".
_PLACE_CAPS = r"[A-Z][A-Z'’.-]{1,24}(?:[\s/][A-Z][A-Z'’.-]{1,24}){0,3}"
_PLACE_TITLE = r"[A-Z][a-z'’.-]{1,24}(?:\s[A-Z][a-z'’.-]{1,24}){0,2}"
# The region after the place, as written: ", South Korea", " [North Korea]".
_REGION = (
    r"(?P<region>,\s[A-Z][A-Za-z'’.-]{1,24}(?:\s[A-Z][A-Za-z'’.-]{1,24}){0,2}"
    r"|\s\[[A-Z][A-Za-z'’. -]{1,30}\])?"
)
# "Jan. 6", "January 6, 2025", "6 January 2025"
_DAY_DATE = rf"(?:(?:{_MONTHS})\s\d{{1,2}}(?:,\s\d{{4}})?|\d{{1,2}}\s(?:{_MONTHS})(?:,?\s\d{{4}})?)"
_DATE = rf"(?:,?\s{_DAY_DATE})?"
_AGENCY = r"(?:\s?\((?P<agency>[A-Za-z][A-Za-z .&/-]{1,40})\))?"
# A dash may be glued to the first word of the story ("Tokyo, Nov. 7 (Jiji Press)--North Korea"),
# and the story to the agency ("Washington (CNN)The administration ...").
_SEP = r"(?:\s?(?::|-)\s|\s?(?:—|–|--)\s?|(?<=\))(?=[A-Z“\"]))"
# An agency between slashes ends a dateline too: "MOSCOW, January 14. /TASS/. ...", and an
# agency's name in capitals after a full stop: "SEOUL/TOKYO. AGENCYNAME North Korea ...".
_SLASHED_AGENCY = r"\.?\s/(?P<slashed>[A-Za-z][A-Za-z .&-]{1,30})/\.?\s|\.\s(?P<caps>[A-Z]{3,20})\s(?=[A-Z])"
_DATELINE_CAPS = re.compile(rf"(?P<place>{_PLACE_CAPS}){_REGION}{_DATE}(?:{_AGENCY}{_SEP}|{_SLASHED_AGENCY})")
_DATELINE_TITLE = re.compile(
    rf"(?P<place>{_PLACE_TITLE}){_REGION}(?:{_DATE}\s?\((?P<agency>[A-Za-z][A-Za-z .&/-]{{1,40}})\)|"
    rf",?\s{_DAY_DATE}\s?(?:\((?P<agency2>[A-Za-z][A-Za-z .&/-]{{1,40}})\))?){_SEP}"
)
# A place in brackets, "[HANOI] The talks ...", or with the agency: "(Washington = Agency News) ..."
_DATELINE_BRACKETED = re.compile(
    rf"\[(?P<place>{_PLACE_CAPS})\]\s"
    rf"|\((?P<place2>{_PLACE_TITLE})\s?=\s?(?P<agency>[A-Z][\w .&-]{{1,30}})\)\s?"
)
_DIGITS = re.compile(r"\d")
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_TOKEN_EDGE = re.compile(r"^[^\w|—–·•-]+|[^\w|—–·•-]+$")
_NUMERIC = re.compile(
    r"[\d:./-]{1,12}(?:st|nd|rd|th|h|am|pm)?|[a-z]{2,4}[+-]\d{1,2}(?::\d\d)?|[+-]\d{1,2}(?::?\d\d)?"
)


def _clean_name(name: str) -> str:
    tokens = name.strip(" ,;:|-–—").split()
    # "KIM SOO-AH Associated Press": a name in capitals ends where the capitals do;
    # initials ("B.C.", "J.") are capitals of any name.
    words = [t for t in tokens if _INITIALS.fullmatch(t) is None]
    if len(tokens) > 1 and words and words[0].isupper() and len(words[0]) > 1:
        upper = 0
        while upper < len(tokens) and (
            tokens[upper].isupper() or tokens[upper] in {"and", "&"} or _INITIALS.fullmatch(tokens[upper])
        ):
            upper += 1
        tokens = tokens[:upper]
    # A final stop belongs to an initial ("Jane Roe Jr.") only when it is one.
    text = " ".join(tokens).strip(" ,;:|-–—")
    return text if _INITIALS.fullmatch(tokens[-1] if tokens else "") else text.rstrip(".")


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


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
    if first in lexicon.not_names or lexicon.outlet_named(name) is not None:  # "By Reuters" names no one
        return None
    return _without_outlet(name, lexicon)


def byline_outlet(text: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The outlet a byline line credits, as written, else None.

    Examples:
        >>> byline_outlet("By Jane Roe and Tom Poe, CNN"), byline_outlet("By Reuters")
        ('CNN', 'Reuters')
        >>> byline_outlet("Jane Roe Bloomberg News"), byline_outlet("Associated Press Foreign Service")
        ('Bloomberg News', 'Associated Press')
        >>> byline_outlet("By Jane Roe | Seoul") is None
        True
    """
    lexicon = lexicon or default_lexicon()
    if len(text) > _BYLINE_MAX_CHARS:
        return None
    m = _BY.match(text)
    if m is not None:
        name = _clean_name(m.group("name"))
        rest = (m.group("rest") or "").strip(" ,|/–—(-[]<>·•)")
        text = name
        for candidate in (name, rest):  # "By Reuters", "By Jane Roe, CNN"
            if candidate and lexicon.outlet_named(candidate) is not None:
                return lexicon.outlet_named(candidate)
    desk = _SERVICE.fullmatch(text.strip())
    if desk is not None and lexicon.outlet_named(desk.group("outlet")) is not None:
        return lexicon.outlet_named(desk.group("outlet"))
    tokens = text.split()
    # A name with the outlet run on: "Jane Roe Bloomberg News"
    return next(
        (found for k in range(1, len(tokens)) if (found := lexicon.outlet_named(" ".join(tokens[k:])))),
        None,
    )


_BYLINE_MAX_CHARS = 160
# "Washington Post Foreign Service": the outlet's desk.
_SERVICE = re.compile(r"(?P<outlet>[A-Z][\w .&'’-]{1,40}?)\s(?:Foreign|News|Wire|Staff)\s(?:Service|Desk)")


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
        or words[-1] in lexicon.outlet_words  # "Example Post | June 20, 2024" names an outlet
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
    m = _OUTLET_ROLE.fullmatch(text)  # "Example Daily reporter Jane Roe"
    if m is not None:
        return _clean_name(m.group("name"))
    m = _ROLE.fullmatch(text) or _ROLE.match(text)
    if m is not None and text.count(" ") <= 8:
        return _clean_name(m.group("name"))
    return None


# The outlet, its reporter's role, then the name: "Example Daily reporter Jane Roe".
_OUTLET_ROLE = re.compile(
    rf"(?:[A-Z][\w&.'’-]{{0,30}}\s){{1,3}}"
    rf"(?i:staff reporter|senior reporter|reporter|correspondent|staff writer)\s(?P<name>{_NAMES})"
)


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
    # "8:45 am(Updated 9:34 am)": brackets part tokens too
    tokens = [_TOKEN_EDGE.sub("", t).casefold() for t in text.replace("(", " ").replace(")", " ").split()]
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


def source_of(text: str, *, lexicon: Lexicon | None = None) -> str | None:
    """What a source note names ("Original Source: www.example.com" -> "www.example.com").

    A name, never a sentence: a description before an outlet's name is left
    out ("Japanese news agency Kyodo News" -> "Kyodo News"), and a long value
    that names no outlet gives None.

    Examples:
        >>> source_of("Original Source: www.example.com")
        'www.example.com'
        >>> source_of("Read the original article on Example News.")
        'Example News'
        >>> source_of("Source: Japanese news agency Kyodo News")
        'Kyodo News'
        >>> source_of("Source: the ministry said the figures were revised twice last year") is None
        True
    """
    m = _SOURCE.match(text)
    if m is None:
        return None
    value = m.group("value").strip(" .;:()[]")
    if not value:
        return None
    lexicon = lexicon or default_lexicon()
    words = value.split()
    for k in range(len(words)):
        # The first words that open with an outlet's name ("Kyodo News", "Al Jazeera and agencies").
        opens = words[k][:1].isupper()
        if opens and any(lexicon.outlet_named(" ".join(words[k : k + n])) for n in (1, 2, 3, 4)):
            return " ".join(words[k:]) if k else value
    return value if len(words) <= _SOURCE_MAX_WORDS else None


_SOURCE_MAX_WORDS = 8


def dateline(paragraph: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The dateline place opening a paragraph, with its region as written, else None.

    Examples:
        >>> dateline("TOKYO, Jan 6 (AFP) - Japan said ...")
        'TOKYO'
        >>> dateline("SEOUL, South Korea - Seoul said ..."), dateline("[HANOI] The talks ...")
        ('SEOUL, South Korea', 'HANOI')
        >>> dateline("U.S. officials said on Monday ...") is None
        True
    """
    m = _dateline_match(paragraph, lexicon)
    if m is None:
        return None
    groups = m.groupdict()
    return str(groups.get("place") or groups.get("place2")) + (groups.get("region") or "")


def dateline_source(paragraph: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The wire or paper a paragraph's dateline names ("SEOUL (Reuters) -" -> "Reuters"), else None.

    Examples:
        >>> dateline_source("SEOUL, Jan. 11 (Yonhap) -- Seoul said ...")
        'Yonhap'
        >>> dateline_source("MOSCOW, January 14. /TASS/. Russia said ...")
        'TASS'
        >>> dateline_source("SEOUL - Seoul said ...") is None
        True
    """
    lexicon = lexicon or default_lexicon()
    m = _dateline_match(paragraph, lexicon)
    if m is None:
        # An outlet in the dateline's place: "CNN — A soldier crossed ..."
        m = _OUTLET_DATELINE.match(paragraph[:80])
        return lexicon.outlet_named(m.group(1)) if m is not None else None
    # (A name in capitals after the place, "SEOUL. AGENCYNAME ...", is the site's own, not a wire.)
    groups = m.groupdict()
    return next((str(groups[k]).strip() for k in ("agency", "agency2", "slashed") if groups.get(k)), None)


# An outlet's name where the place would be: "CNN — A soldier crossed ...", "CNN—In a turn ..."
_OUTLET_DATELINE = re.compile(r"([A-Z][\w .&-]{1,30}?)\s?(?:—|–|--)\s?(?=[A-Z])")


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
    lexicon = lexicon or default_lexicon()
    m = _DATELINE_CAPS.match(head)
    labels = lexicon.dateline_labels
    if m is not None and m.group("place").split()[0] not in labels:
        place = m.group("place")
        letters = [c for c in place if c.isalpha()]
        # An outlet is no place: "CNN — ..." names the source.
        if len(letters) >= 3 and "." not in place.replace("D.C.", "") and lexicon.outlet_named(place) is None:
            return m
    return _DATELINE_TITLE.match(head) or _DATELINE_BRACKETED.match(head)


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


def opens_on_date(text: str) -> bool:
    """Whether `text` opens on a full date, as a date line does ("Oct 15, 2024 | 4 min read").

    Examples:
        >>> opens_on_date("Oct 15, 2024 | 4 min read"), opens_on_date("Seoul says no on Oct 15, 2024")
        (True, False)
    """
    m = _FULL_DATE.match(text)
    return m is not None and _parse_date(m) is not None


def has_email(text: str) -> bool:
    """Whether `text` holds an e-mail address (or a CDN's placeholder for one).

    Examples:
        >>> has_email("Jane Roe  jane.roe@example.com"), has_email("Seoul @ night")
        (True, False)
    """
    return ("@" in text or "[email" in text) and _EMAIL.search(text) is not None


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


def month_number(name: str) -> int | None:
    """The number of a month written in English, in full or short ("Sept", "jan."), else None.

    Examples:
        >>> month_number("Sept"), month_number("january"), month_number("Smarch")
        (9, 1, None)
    """
    return _MONTH_NUMBERS.get(name.rstrip(".").casefold())


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
