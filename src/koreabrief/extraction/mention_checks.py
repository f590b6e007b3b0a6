"""Checks across the event mentions of one sentence, once their arguments are filled.

A participle clause ("..., before traveling to Seoul") takes its subject from
the event or the reporter before it; an event and the occasion it happens at
("meet Trump at the G7 summit") share their time; a "since X" after a
superlative dates no event; a tally ("so far this year") or a generic plural
is dropped. The checks return what they find and
`koreabrief.extraction.event_mentions.sentence_mentions` sets it on the
mention; kept apart so that module stays short.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from koreabrief.extraction.clauses import REPORTER
from koreabrief.extraction.text import SentenceText, first_clause_break
from koreabrief.models import EventType, Precision

if TYPE_CHECKING:
    from koreabrief.extraction.actors import ActorMention
    from koreabrief.extraction.clauses import Sentence
    from koreabrief.extraction.mention import EventMention
    from koreabrief.extraction.triggers import TriggerMatch
    from koreabrief.models import TimeRef

__all__ = [
    "basis_only",
    "concluded_summits",
    "generic",
    "participle_of",
    "reporter_before",
    "sentence_subject",
    "shared_occasions",
    "shared_subject",
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


def sentence_subject(s: Sentence, pos: int) -> ActorMention | None:
    """The subject of a participle clause at `pos` with no event before it: the person
    opening the sentence ("Takaichi will host Trump next week before traveling to
    Gyeongju"), or None. The caller makes it the event's only actor.

    Examples:
        >>> from koreabrief.extraction.actors import ActorMention
        >>> from koreabrief.extraction.clauses import Sentence
        >>> from koreabrief.models import Span
        >>> t = "Jane Roe will host him before traveling to Seoul."
        >>> roe = ActorMention(0, 8, "Jane Roe", "Jane Roe", "person", None)
        >>> s = Sentence(t, Span(0, len(t)), [roe], frozenset())
        >>> sentence_subject(s, t.index("traveling")).name
        'Jane Roe'
    """
    names = s.before(pos)
    if not names:
        return None
    first = names[-1]
    if first.start < s.sent.start or first.start - s.sent.start > 40 or first.kind != "person":
        return None
    return first


def shared_subject(main: EventMention, m: EventMention) -> tuple[list[str], dict[str, str], str] | None:
    """What a participle clause's event `m` takes from the event before it: the
    subject (not the partners), their affiliations, and its future or
    hypothetical mood (else `m`'s own); None when `main` has no subject to give.

    Examples:
        >>> from koreabrief.extraction.mention import EventMention
        >>> from koreabrief.extraction.triggers import EventLexicon
        >>> trig = EventLexicon.default().find("Seoul will host talks")[0]
        >>> main = EventMention(type=trig.trigger.type, kind="verb", trigger=trig, sentence=None)
        >>> main.actors, main.partners, main.mood = ["Seoul", "Tokyo"], ["Tokyo"], "future"
        >>> after = EventMention(type=trig.trigger.type, kind="verb", trigger=trig, sentence=None)
        >>> shared_subject(main, after)
        (['Seoul'], {}, 'future')
    """
    if main.kind != "verb" or not main.actors:
        return None
    subject = [a for a in main.actors if a not in main.partners] or main.actors[:1]
    mood = main.mood if m.mood == "plain" and main.mood in ("future", "hypothetical") else m.mood
    return subject, {a: v for a, v in main.affiliations.items() if a in subject}, mood


# A running tally rather than one event: "... so far this year", "... to date".
_TALLY_AFTER = re.compile(
    r"\s+(?:so\s+far(?:\s+this\s+(?:year|month))?|to\s+date|this\s+year\s+alone|in\s+total|in\s+all(?=[,.;]))\b",
    re.IGNORECASE,
)
# The same for lower-cased text with no character of CASE_EXTRAS (see `clauses._DETERMINER_LOWERED`).
_TALLY_AFTER_LOWERED = re.compile(_TALLY_AFTER.pattern)
# A count above one just before a plural event noun ("six nuclear tests", "dozens of launches"),
# or a run of them ("a spate of rocket and nuclear tests").
# A count of time ("11 days of joint exercises", "two straight weeks of drills") measures one
# event's length: no word of it may be a unit of time.
_COUNT_BEFORE = re.compile(
    r"\b(?:(?:[2-9]|\d{2,}|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of"
    r"|several|multiple|numerous)\s+(?:(?!(?:days?|weeks?|hours?|months?|nights?)\b)[\w-]+\s+){0,2}"
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
    r"\b(?:at|during|for|(?:sidelines|margins|fringes?|side) of)\s+"
    r"(?:(?:the|a|an|this|next|its|their)\s+)?(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)


# What ties a summit to the agreement that closed it: "agreed on Friday ... after a
# historic summit", "signed the accord Friday after wrapping up their summit talks". News
# copy reports a summit by its outcome, so the agreement's day is the summit's. A span of
# time before "after" ("two days after the summit") sets the two days apart instead.
_CONCLUDING = re.compile(
    r"\b(?<!days )(?<!day )(?<!weeks )(?<!week )(?<!months )(?<!month )(?<!years )(?<!year )"
    r"(?<!hours )(?<!shortly )(?<!soon )(?<!long )"
    r"(?:after|following|capping|concluding|wrapping\s+up|(?:culmination|end|close)\s+of)\s+"
    r"(?:[\w'’\"“”.-]+\s+){0,8}$",
    re.IGNORECASE,
)
# A summit told as an earlier one ("after their previous summit") is not the day's.
_EARLIER_SUMMIT = re.compile(
    r"\b(?:previous|last|earlier|past|prior|first|failed|collapsed)\s+(?:[\w-]+\s+)?$"
)
# What an agreement concludes: a summit, or talks ("agreed on Friday after the allies held talks").
_CONCLUDED_KINDS = frozenset({EventType.SUMMIT, EventType.MEETING})
# Farthest a summit may sit after the agreement that closed it, in characters.
_CONCLUDING_REACH = 200


def concluded_summits(text: str, mentions: list[EventMention]) -> list[tuple[int, TimeRef]]:
    """Undated summits (and talks) of one sentence that a dated agreement before them concluded.

    "The two leaders agreed on Friday to seek peace after a landmark summit": the
    summit ended in the agreement, so it took place on the agreement's day. Returns
    ``(index, time)`` pairs; the caller sets the time. Only a day is handed on (a month
    or year may cover an earlier summit), and only to a summit not told as an earlier
    one ("after their previous summit").

    Examples:
        >>> from koreabrief.extraction.mention import EventMention
        >>> from koreabrief.extraction.triggers import EventLexicon
        >>> from koreabrief.models import Precision, Span, TimeRef
        >>> import datetime as dt
        >>> t = "They agreed on Friday to seek peace after a landmark summit."
        >>> ms = [EventMention(type=g.trigger.type, kind=g.trigger.kind, trigger=g, sentence=Span(0, len(t)))
        ...       for g in EventLexicon.default().find(t)]
        >>> ms[0].time = TimeRef("on Friday", dt.date(2018, 4, 27), Precision.DAY)
        >>> [(i, tm.text) for i, tm in concluded_summits(t, ms)]
        [(1, 'on Friday')]
    """
    out = []
    for i, b in enumerate(mentions):
        if b.type not in _CONCLUDED_KINDS or b.time is not None or b.mood != "plain":
            continue
        donor = next(
            (
                a
                for a in reversed(mentions[:i])
                if a.type is EventType.AGREEMENT
                and a.kind == "verb"
                and a.mood == "plain"
                and a.time is not None
                and a.time.precision is Precision.DAY
                and 0 <= b.trigger.start - a.trigger.end <= _CONCLUDING_REACH
            ),
            None,
        )
        if donor is None or donor.time is None:
            continue
        lo = max(donor.trigger.end, b.trigger.start - 80)
        if (
            _CONCLUDING.search(text, lo, b.trigger.start)
            and not _EARLIER_SUMMIT.search(text, max(0, b.trigger.start - 30), b.trigger.start)
            and ";" not in text[donor.trigger.end : b.trigger.start]
        ):
            out.append((i, donor.time))
    return out


def shared_occasions(
    text: str, mentions: list[EventMention], layer: SentenceText | None = None
) -> list[tuple[int, TimeRef | None, TimeRef | None, str]]:
    """An event and the occasion it happens at share their time, and an upcoming
    event's occasion is upcoming too ("is expected to meet Trump at the G7 summit
    later this month"). For each such pair ``mentions[i]``, ``mentions[i + 1]``:
    `i`, the two times and the occasion's mood, which the caller sets. `layer` is
    the sentence's words and breaks, when shared.

    An event is a verb and its occasion a noun, so no mention is in two pairs:
    the pairs are found on the mentions as they are, and set in any order.

    Examples:
        >>> from koreabrief.extraction.mention import EventMention
        >>> from koreabrief.extraction.triggers import EventLexicon
        >>> from koreabrief.models import Span
        >>> t = "Kim will meet Putin at the summit."
        >>> ms = [EventMention(type=g.trigger.type, kind=g.trigger.kind, trigger=g, sentence=Span(0, 34))
        ...       for g in EventLexicon.default().find(t)]
        >>> ms[0].mood = "future"
        >>> shared_occasions(t, ms)
        [(0, None, None, 'future')]
    """
    out = []
    for i, (a, b) in enumerate(itertools.pairwise(mentions)):
        if a.kind != "verb" or b.kind != "noun" or b.trigger.start - a.trigger.end > 120:
            continue
        brk = (
            layer.first_clause_break(a.trigger.end, b.trigger.start)
            if layer is not None
            else first_clause_break(text, a.trigger.end, b.trigger.start)
        )
        if brk != -1:
            continue
        if not _OCCASION_BEFORE.search(text, a.trigger.end, b.trigger.start):
            continue
        mood = "future" if b.mood == "plain" and a.mood in ("future", "hypothetical") else b.mood
        if a.time is None:
            out.append((i, b.time, b.time, mood))
        elif b.time is None:
            out.append((i, a.time, a.time, mood))
        else:
            out.append((i, a.time, b.time, mood))
    return out


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


def basis_only(m: EventMention, text: str) -> bool:
    """Whether `m` is an agreement named only as the ground for another act (the caller drops it).

    Examples:
        >>> from koreabrief.extraction.mention import EventMention
        >>> from koreabrief.extraction.triggers import EventLexicon
        >>> from koreabrief.models import Span
        >>> t = "Troops moved under the defence treaty."
        >>> trig = EventLexicon.default().find(t)[-1]
        >>> sent = Span(0, len(t))
        >>> m = EventMention(type=trig.trigger.type, kind=trig.trigger.kind, trigger=trig, sentence=sent)
        >>> trig.text, basis_only(m, t)
        ('defence treaty', True)
    """
    if m.kind != "noun" or m.type is not EventType.AGREEMENT:
        return False
    trig = m.trigger
    basis = _BASIS_BEFORE.search(text, max(m.sentence.start, trig.start - 80), trig.start)
    # A date of its own ("their leaders' agreement from last year") tells it happened.
    signed = _SIGNED_AFTER.match(text, trig.end, min(m.sentence.end, trig.end + 40))
    return bool(basis) and m.time is None and not signed


# A run of particular happenings: "a series of missile launches", "a volley of rocket launches".
_SERIES_BEFORE = re.compile(
    r"\b(?:a|the|its|their|this|that)\s+(?:(?:rapid|quick|recent|new|fresh)\s+)?"
    r"(?:series|string|barrage|volley|flurry|spate|salvo|succession)\s+of\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)

# A period a run is counted over: "a spate of tests this year", "a string of launches since May".
_SPAN_AFTER = re.compile(r"\s+(?:this|in\s+(?:recent|the\s+past)|over\s+the|since|so\s+far)\b", re.IGNORECASE)


def generic(m: EventMention, text: str, lowered: str | None = None) -> bool:
    """Whether `m` is a tally or a generic plural, no event (the caller drops it).

    `lowered` only when `text` holds no character of CASE_EXTRAS.

    Examples:
        >>> from koreabrief.extraction.mention import EventMention
        >>> from koreabrief.extraction.triggers import EventLexicon
        >>> from koreabrief.models import Span
        >>> t = "It has fired 30 missiles so far this year."
        >>> trig = EventLexicon.default().find(t)[0]
        >>> sent = Span(0, len(t))
        >>> m = EventMention(type=trig.trigger.type, kind=trig.trigger.kind, trigger=trig, sentence=sent)
        >>> generic(m, t)
        True
    """
    trig = m.trigger
    hi = min(m.sentence.end, trig.end + 40)
    if (
        _TALLY_AFTER_LOWERED.match(lowered, trig.end, hi)
        if lowered is not None
        else _TALLY_AFTER.match(text, trig.end, hi)
    ):
        return True  # "has fired more than 30 missiles so far this year": a tally, no event
    if m.kind != "noun" or not trig.trigger.generic_plural:
        return False
    word = trig.text.split()[-1].lower()
    if not word.endswith("s") or word.endswith("ss"):
        return False
    if _SERIES_BEFORE.search(
        text, max(m.sentence.start, trig.start - 50), trig.start
    ) and not _SPAN_AFTER.match(text, trig.end, m.sentence.end):
        # "carried out a series of missile launches": those launches, not launches in
        # general; "a spate of tests this year" stays a tally over the period.
        return False
    if _COUNT_BEFORE.search(text, max(m.sentence.start, trig.start - 60), trig.start):
        # "has conducted six nuclear tests since 2006": a tally of many events; but
        # "three earlier nuclear tests in 2006, 2009 and 2013" names each (one event a year).
        return not _YEAR_LIST_AFTER.match(text, trig.end, min(m.sentence.end, trig.end + 60))
    return not m.owner and not m.agent and m.time is None
