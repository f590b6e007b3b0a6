"""Checks across the event mentions of one sentence, once their arguments are filled.

A participle clause ("..., before traveling to Seoul") takes its subject from
the event or the reporter before it; an event and the occasion it happens at
("meet Trump at the G7 summit") share their time; a "since X" after a
superlative dates no event; a tally ("so far this year") or a generic plural
is dropped. `koreabrief.extraction.event_mentions.sentence_mentions` runs
them; kept apart so that module stays short.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from koreabrief.extraction.binding import first_clause_break
from koreabrief.extraction.clauses import REPORTER
from koreabrief.models import EventType

if TYPE_CHECKING:
    from koreabrief.extraction.clauses import Sentence
    from koreabrief.extraction.mention import EventMention
    from koreabrief.extraction.triggers import TriggerMatch
    from koreabrief.models import TimeRef

__all__ = [
    "judge_basis",
    "judge_generic",
    "participle_of",
    "reporter_before",
    "sentence_subject",
    "share_occasions",
    "share_subject",
    "since_superlative",
]


# A superlative or "first" before "since X": "the first ICBM launch since October", "the
# most senior official to visit since 2019" -- X is when the last such event was.
_SUPERLATIVE = re.compile(
    r"\b(?:first|largest|biggest|most|highest|longest|strongest|closest|heaviest|furthest|farthest|greatest"
    r"|worst|best|deadliest|fiercest|lowest|fastest|only|top|highest-ranking|highest-level)\b[^,;:.]{0,80}$",
    re.IGNORECASE,
)


def since_superlative(text: str, lo: int, t: TimeRef) -> bool:
    """Whether `t` is a "since X" after a superlative: it dates the previous such event, not this one."""
    if t.span is None or not t.text[:6].lower().startswith("since "):
        return False
    return _SUPERLATIVE.search(text, max(lo, t.span.start - 100), t.span.start) is not None


# A participle clause after a subordinator: "is expected to host Trump next week, before
# traveling to Seoul" -- its subject is the clause's.
_SUBORDINATOR = re.compile(r"\b(?:before|after|while|upon|without|then)\s+\Z", re.IGNORECASE)


def participle_of(text: str, lo: int, trig: TriggerMatch) -> bool:
    """Whether the trigger opens a participle clause after "before", "after", "while" ..."""
    # A first word ending in "ing" holds a "g" (of all characters only "G" lower-cases to
    # one): most triggers have none, and need not be split and lower-cased.
    return (
        ("g" in trig.text or "G" in trig.text)
        and trig.first_word().endswith("ing")
        and _SUBORDINATOR.search(text, max(lo, trig.start - 10), trig.start) is not None
    )


def reporter_before(s: Sentence, lo: int, hi: int) -> str | None:
    """The named speaker of a reporting verb between `lo` and a participle at `hi`, if any."""
    for n in s.before(hi):
        if n.start < lo:
            break
        if n.name and REPORTER.match(s.text, n.end):
            return n.name
    return None


def sentence_subject(s: Sentence, m: EventMention) -> None:
    """A participle clause with no event before it: its subject opens the sentence
    ("Takaichi will host Trump next week before traveling to Gyeongju")."""
    names = s.before(m.trigger.start)
    if not names:
        return
    first = names[-1]
    if first.start < s.sent.start or first.start - s.sent.start > 40 or first.kind != "person":
        return
    m.actors = [first.name]
    if first.affiliation:
        m.affiliations[first.name] = first.affiliation


def share_subject(main: EventMention, m: EventMention) -> None:
    """A participle clause's event takes the subject (not the partners) of the event
    before it, and its future or hypothetical mood."""
    if main.kind != "verb" or not main.actors:
        return
    subject = [a for a in main.actors if a not in main.partners] or main.actors[:1]
    m.actors = list(subject)
    m.affiliations.update({a: v for a, v in main.affiliations.items() if a in subject})
    if m.mood == "plain" and main.mood in ("future", "hypothetical"):
        m.mood = main.mood


# A running tally rather than one event: "... so far this year", "... to date".
_TALLY_AFTER = re.compile(
    r"\s+(?:so\s+far(?:\s+this\s+(?:year|month))?|to\s+date|this\s+year\s+alone|in\s+total|in\s+all(?=[,.;]))\b",
    re.IGNORECASE,
)
# The same for lower-cased text with no character of CASE_EXTRAS (see `clauses._DETERMINER_LOWERED`).
_TALLY_AFTER_LOWERED = re.compile(_TALLY_AFTER.pattern)
# A count above one just before a plural event noun ("six nuclear tests", "dozens of launches"),
# or a run of them ("a spate of rocket and nuclear tests").
_COUNT_BEFORE = re.compile(
    r"\b(?:(?:[2-9]|\d{2,}|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of"
    r"|several|multiple|numerous)\s+(?:[\w-]+\s+){0,2}"
    r"|(?:series|string|spate|flurry|slew|succession|number|total)\s+of\s+(?:[\w-]+\s+){0,5})$",
    re.IGNORECASE,
)


# Years listed right after a plural: "nuclear tests in 2006, 2009 and 2013", "tests – in 2006 and 2009".
_YEAR_LIST_AFTER = re.compile(
    r"[\s\u2013\u2014-]{1,4}(?:in\s+)?(?:1[89]|20)\d\d(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:1[89]|20)\d\d)+\b"
)


# What links an event to the occasion it happens at: "meet Trump at the G7 summit",
# "talks on the sidelines of the APEC forum".
_OCCASION_BEFORE = re.compile(
    r"\b(?:at|during|for|(?:sidelines|margins|side) of)\s+"
    r"(?:(?:the|a|an|this|next|its|their)\s+)?(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)


def share_occasions(text: str, mentions: list[EventMention]) -> None:
    """An event and the occasion it happens at share their time, and an upcoming
    event's occasion is upcoming too ("is expected to meet Trump at the G7 summit
    later this month")."""
    for a, b in itertools.pairwise(mentions):
        if a.kind != "verb" or b.kind != "noun" or b.trigger.start - a.trigger.end > 120:
            continue
        if first_clause_break(text, a.trigger.end, b.trigger.start) != -1:
            continue
        if not _OCCASION_BEFORE.search(text, a.trigger.end, b.trigger.start):
            continue
        if b.mood == "plain" and a.mood in ("future", "hypothetical"):
            b.mood = "future"
        if a.time is None:
            a.time = b.time
        elif b.time is None:
            b.time = a.time


# A treaty named as the ground for something else: "under a defence treaty", "citing the
# partnership treaty", "in violation of the armistice" -- no signing reported.
_BASIS_BEFORE = re.compile(
    r"\b(?:under|citing|cited|cites|in\s+accordance\s+with|pursuant\s+to|in\s+line\s+with|based\s+on"
    r"|violat\w*|in\s+violation\s+of|breach(?:es|ed|ing)?(?:\s+of)?|falls?\s+under|invok\w+)\s+"
    r"(?:(?:the|a|an|its|their|this|that)\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# ... unless the signing is told right after: "the treaty he signed with Putin last year".
_SIGNED_AFTER = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:[\w'’-]+\s+){0,2}?(?:signed|inked|concluded|struck|reached)\b",
    re.IGNORECASE,
)


def judge_basis(m: EventMention, text: str) -> None:
    """Drop an agreement named only as the ground for another act."""
    if m.drop or m.kind != "noun" or m.type is not EventType.AGREEMENT:
        return
    trig = m.trigger
    basis = _BASIS_BEFORE.search(text, max(m.sentence.start, trig.start - 80), trig.start)
    # A date of its own ("their leaders' agreement from last year") tells it happened.
    signed = _SIGNED_AFTER.match(text, trig.end, min(m.sentence.end, trig.end + 40))
    if basis and m.time is None and not signed:
        m.drop = True


def judge_generic(m: EventMention, text: str, lowered: str | None = None) -> None:
    """Drop a tally or a generic plural; `lowered` only when `text` holds no character of CASE_EXTRAS."""
    trig = m.trigger
    if m.drop:
        return
    hi = min(m.sentence.end, trig.end + 40)
    if (
        _TALLY_AFTER_LOWERED.match(lowered, trig.end, hi)
        if lowered is not None
        else _TALLY_AFTER.match(text, trig.end, hi)
    ):
        m.drop = True  # "has fired more than 30 missiles so far this year": a tally, no event
        return
    if m.kind != "noun" or not trig.trigger.generic_plural:
        return
    word = trig.text.split()[-1].lower()
    if not word.endswith("s") or word.endswith("ss"):
        return
    if _COUNT_BEFORE.search(text, max(m.sentence.start, trig.start - 60), trig.start):
        # "has conducted six nuclear tests since 2006": a tally of many events; but
        # "three earlier nuclear tests in 2006, 2009 and 2013" names each (one event a year).
        if not _YEAR_LIST_AFTER.match(text, trig.end, min(m.sentence.end, trig.end + 60)):
            m.drop = True
    elif not m.owner and not m.agent and m.time is None:
        m.drop = True
