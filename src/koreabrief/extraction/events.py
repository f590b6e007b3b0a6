"""What happened, when: typed events with modality, time and quantities.

Triggers from ``data/events.toml`` give event mentions sentence by sentence
(`koreabrief.extraction.event_mentions`); mentions of one real-world event are
then merged, so that a launch reported in the lead and again later is one
Event with every mention's span. Modality follows PLOVER: hypothetical and
negated mentions are kept apart and only returned with ``include_all=True``;
dated past events well before publication are `background`, dated future
ones `scheduled`.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import re

import attrs

from koreabrief.arguments import require_article
from koreabrief.cleaning.metadata import dateline_end
from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.binding import recalled
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.dates import Offset, find_times, offset_of
from koreabrief.extraction.event_mentions import sentence_mentions, triggers_by_window
from koreabrief.extraction.event_types import TypeRules, retype_mentions
from koreabrief.extraction.mention import EventMention
from koreabrief.extraction.places import DESCRIBED_STATE
from koreabrief.extraction.text import CLAUSE_BREAK, WORD, first_clause_break, words_at_most
from koreabrief.extraction.triggers import CASE_EXTRAS, EventLexicon
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Article, Event, EventType, Modality, Precision, Quantity, Span, TimeRef

__all__ = ["events_in_context", "extract_events", "extract_events_with_warnings"]

# A sentence longer than this is processed in windows so that work stays linear.
_WINDOW = 4_000
_STRICT_DATES = frozenset({EventType.PROTEST})
_PLACE_MATTERS = frozenset({EventType.DIPLOMATIC_VISIT, EventType.MEETING})
# "a week after the summit", "ahead of the envoy's visit", "since the talks": the
# noun names another event only to say when this one happened.
_ANCHOR_PHRASE = re.compile(
    r"\b(?:after|before|since|ahead\s+of|(?<!the\s)following|until|prior\s+to|on\s+the\s+eve\s+of"
    r"|in\s+the\s+run-up\s+to)\s+(?P<words>(?:[\w'’.-]{1,30}\s+){0,5}(?:[\w.-]{1,30})?)\Z",
    re.IGNORECASE,
)
# The same for lower-cased text with no character of CASE_EXTRAS.
_ANCHOR_PHRASE_LOWERED = re.compile(_ANCHOR_PHRASE.pattern)
_ANCHOR_REACH = 90
# Anchor phrases naming an event that comes after the one they date.
_AHEAD = re.compile(
    r"(?:before|ahead\s+of|until|prior\s+to|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to)\b", re.IGNORECASE
)
# Each anchor phrase holds one of these (lower case): a quick test, in one scan,
# before the pattern. IGNORECASE also matches i, s and k to the characters of
# CASE_EXTRAS, which lower-casing keeps: where those stand the pattern always runs.
_ANCHOR_CUES = ("after", "before", "since", "ahead", "following", "until", "prior", "eve", "run-up")
_ANCHOR_CUE = re.compile("|".join(re.escape(cue) for cue in _ANCHOR_CUES))
_OWNER_GAP = re.compile(r"['’]s?\s*")
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|his|her|its|their)\s+|['’]s\s+|\w['’]?)\Z", re.IGNORECASE
)
# A noun, a past participle, a preposition: "the principles agreed at", "the deal struck during".
_REDUCED_RELATIVE = re.compile(
    r"\b[a-z]{3,20}\s+(?:[a-z]{2,20}ed|made|set|held|struck|won|given|taken|done|laid\s+out)"
    r"\s+(?:at|during|in|on)\s+"
)
_OWN = frozenset(("his", "her", "its", "their"))
# "The day before, ...", "two weeks before this, ...": an anchored form with nothing named
# after it (or only a pronoun for the story's last event) counts from the story's time.
# "a week after the summit": the expression names the event it counts from.
_NAMES_ANCHOR = re.compile(r"\bthe\s+[a-z]{3,20}\Z", re.IGNORECASE)
_ALONE = re.compile(r"\s*(?:(?:this|that|then)\b\s*)?[,.;]", re.IGNORECASE)
# Past this many words a time expression no longer names the event after it.
_ANCHOR_GAP = 8
# How far (characters, words) a reacting verb may stand before the event noun it governs.
_REACTION_REACH = 80
_REACTION_GAP = 4
# A relative clause or participle that gives the reacted-to event a time of its own.
_OWN_VERB = re.compile(
    r"\b(?:which|that|who|held|began|begun|begins|started|starts|staged|conducted|launched|ended|ends|"
    r"took\s+place|[a-z]{2,20}ed)\b"  # lower case: "United States" is no participle
)


class _Event:
    """An event being assembled from its mentions."""

    def __init__(self, first: EventMention) -> None:
        self.type = first.type
        self.mentions = [first]
        self.actors = list(first.actors)
        self.affiliations = dict(first.affiliations)
        self.target = first.target
        self.location = first.location
        self.time = first.time
        self.quantities = list(first.quantities)
        self.moods = {first.mood}
        # The moods' groups (`_group`), kept as moods are added: merging asks for them often.
        self.groups = {_group(first.mood)}
        self.anchors = 0
        self.ahead = False

    def absorb(self, m: EventMention) -> None:
        self.mentions.append(m)
        for a in m.actors:
            if a not in self.actors and not self._covered(a, m):
                self.actors.append(a)
        self.affiliations.update(m.affiliations)
        self.target = self.target or m.target
        self.location = self.location or m.location
        if self.time is None or (self.time.date is None and m.time is not None and m.time.date is not None):
            self.time = m.time or self.time
        elif m.time is not None and len(m.time.iso or "") > len(self.time.iso or ""):
            self.time = m.time  # a restatement at a finer date (see `_restated`)
        seen = {(q.value, q.unit, q.approx, q.low, q.high) for q in self.quantities}
        for q in m.quantities:
            if (q.value, q.unit, q.approx, q.low, q.high) not in seen:
                self.quantities.append(q)
                seen.add((q.value, q.unit, q.approx, q.low, q.high))
        self.moods.add(m.mood)
        self.groups.add(_group(m.mood))

    def _covered(self, actor: str, m: EventMention) -> bool:
        """A state already stood for by one of its people ("US" beside "Jane Roe", a US minister)."""
        return any(self.affiliations.get(a) == actor for a in self.actors)


def _group(mood: str) -> str:
    return "real" if mood in ("plain", "future") else mood


def _expand(names: list[str], affiliations: dict[str, str]) -> set[str]:
    out = set(names)
    out.update(affiliations[n] for n in names if n in affiliations)
    return out


def _compatible(
    e: _Event, m: EventMention, gazetteer: Gazetteer, strict: frozenset[EventType] = _STRICT_DATES
) -> bool:
    if e.type is not m.type or _group(m.mood) not in e.groups:
        return False
    a, b = e.time.iso if e.time else None, m.time.iso if m.time else None
    if e.type in strict:
        if a != b:
            return False
    elif a is not None and b is not None and a != b and not _restated(e, m, a, b):
        return False
    if e.actors and m.actors and not _each_side(e, m):
        mine = _expand(e.actors, e.affiliations)
        theirs = _expand(m.actors, m.affiliations)
        # "Kim Tae-hyo met ..." beside "South Korea and the United States held talks":
        # people who act for the event's states are no other party.
        states_only = not any(a in e.affiliations for a in e.actors)
        acting_for = {m.affiliations.get(a, a) for a in m.actors} if states_only else set()
        if not (set(m.actors) <= mine or set(e.actors) <= theirs or (acting_for and acting_for <= mine)):
            return False
    if e.target and m.target and e.target != m.target:
        return False
    if (e.target is None) != (m.target is None) and _many_people(
        e.quantities if e.target is None else m.quantities
    ):
        return False  # "86 people were detained" is not the arrest of the one person named
    if e.type in _PLACE_MATTERS and e.location and m.location:
        return _same_place(e.location, m.location, gazetteer)
    return True


def _each_side(e: _Event, m: EventMention) -> bool:
    """Whether `m` tells agreement `e` from another party in the same sentence.

    "Seoul agreed on Monday to share radar data, and Tokyo agreed to do the same": an
    agreement binds its parties, and copy often reports it once from each side; the two
    mentions are one agreement with both as actors.
    """
    return e.type is EventType.AGREEMENT and any(
        x.sentence.start == m.sentence.start and x.kind == m.kind == "verb" for x in e.mentions
    )


def _restated(e: _Event, m: EventMention, a: str, b: str) -> bool:
    """Whether `m` restates `e` in the same sentence at a coarser or finer date.

    "test-fired an IRBM 10 days ago, in its first missile launch this year": 2024
    holds the day, and the sentence names one launch.
    """
    if not (a.startswith(b) or b.startswith(a)):
        return False
    return any(x.sentence.start == m.sentence.start for x in e.mentions)


def _many_people(quantities: list[Quantity]) -> bool:
    """Whether a count of people above one is among `quantities`."""
    return any(
        q.unit == "people" and (q.approx is not None or max(q.value or 0, q.high or 0) > 1)
        for q in quantities
    )


def _same_place(x: str, y: str, gazetteer: Gazetteer) -> bool:
    if x.lower() in y.lower() or y.lower() in x.lower():
        return True
    ex, ey = gazetteer.resolve(x), gazetteer.resolve(y)
    return ex is not None and ey is not None and ex.name == ey.name


def _dated_apart(e: _Event, m: EventMention) -> bool:
    """Whether `m` and `e` are each dated, to days (or months) that differ."""
    a, b = e.time.iso if e.time else None, m.time.iso if m.time else None
    return a is not None and b is not None and not (a.startswith(b) or b.startswith(a))


def _merge(
    mentions: list[EventMention],
    gazetteer: Gazetteer,
    anchors: set[int] | None = None,
    strict: frozenset[EventType] = _STRICT_DATES,
    related: dict[EventType, frozenset[EventType]] | None = None,
    *,
    shifted: set[int] | None = None,
    ordinals: dict[int, int] | None = None,
    series: set[int] | None = None,
) -> list[_Event]:
    events: list[_Event] = []
    marked = anchors or set()
    moved = shifted or set()
    nth = ordinals or {}
    in_series = series or set()

    # The numbers of each event's mentions, kept as mentions are placed: linear in mentions.
    numbers: dict[int, set[int]] = {}

    def same_nth(e: _Event, m: EventMention) -> bool:
        """Mentions numbered apart ("the first summit", "the second summit") are two events."""
        if not nth:
            return True
        mine = nth.get(id(m))
        theirs = numbers.get(id(e), set())
        return mine in theirs if mine is not None else not theirs
    related = related or {}
    # The types the article's mentions that name their own kind take ("fired a missile",
    # "the satellite launch"): a bare anaphor before any of them may point ahead.
    named_types = {m.type for m in mentions if m.kind != "anaphor"}
    # (event, sentence, is-anchor) for every mention placed so far: a clause's event
    # and the anchor that dates it ("comes ahead of the trip") never merge.
    # Sentences are keyed by their offsets: hashing a Span calls Python code.
    placed: set[tuple[int, int, int, bool]] = set()

    def apart(e: _Event, m: EventMention) -> bool:
        return (id(e), m.sentence.start, m.sentence.end, id(m) not in marked) in placed

    def place(e: _Event, m: EventMention) -> None:
        placed.add((id(e), m.sentence.start, m.sentence.end, id(m) in marked))
        if id(m) in nth:
            numbers.setdefault(id(e), set()).add(nth[id(m)])

    # Only events of the mention's own type can take it: look among those alone.
    by_type: dict[EventType, list[_Event]] = {}
    for m in mentions:
        if m.recalled:
            # A recalled earlier event ("the first launch since August 9") stands alone.
            events.append(_Event(m))
            continue
        same = by_type.setdefault(m.type, [])
        if m.anaphoric:
            host = next(
                (
                    e
                    for e in reversed(same)
                    if e.type is m.type and _group(m.mood) in e.groups and not apart(e, m) and same_nth(e, m)
                ),
                None,
            )
            if host is not None and host.time is None and id(m) in in_series:
                host = None  # "and the launch on the 9th was aborted", among other days: its own
            if host is not None and (host.time is None or m.time is None or host.time.iso == m.time.iso):
                host.absorb(m)
                place(host, m)
                continue
            kin = related.get(m.type, ())
            other = next((e for e in reversed(events) if e.type in kin and not apart(e, m)), None)
            if other is not None and other.time is None and id(m) in in_series:
                if host is None and m.kind == "anaphor":
                    # Its own launch, of the kind the story tells ("the launch" of a satellite).
                    m.type = other.type
                    same = by_type.setdefault(m.type, [])
                other = None
            if host is None and other is None and m.kind == "anaphor" and m.time is None:
                ahead = [t for t in kin if t in named_types]
                if m.type not in named_types and len(ahead) == 1:
                    # "Kim oversaw the launch, state media says" heading a satellite story:
                    # the launch the story goes on to tell.
                    m.type = ahead[0]
                    same = by_type.setdefault(m.type, [])
            if host is None and other is not None and m.kind == "anaphor" and _dated_apart(other, m):
                # "The two prior attempts, on April 3 and July 19": earlier launches of the
                # story's kind, each on its own day.
                m.type = other.type
                same = by_type.setdefault(m.type, [])
            elif host is None and other is not None and m.kind == "anaphor":
                # "The firing set homes ablaze" after artillery fire: the shelling, no launch.
                other.absorb(m)
                place(other, m)
                continue
            if m.fallback:
                m.actors = list(m.fallback)
        host = next(
            (
                e
                for e in same
                if _compatible(e, m, gazetteer, strict)
                and not apart(e, m)
                and (id(m) not in moved or _same_moment(e, m))
                and same_nth(e, m)
                and (id(m) not in in_series or e.time is not None)
            ),
            None,
        )
        if host is not None:
            host.absorb(m)
        else:
            host = _Event(m)
            events.append(host)
            same.append(host)
        place(host, m)
    return events


# A verb ending what its object names: "scheduled to conclude their exercise Saturday".
_ENDING_VERB = re.compile(
    r"\b(?:conclude|concludes|concluded|concluding|end|ends|ended|ending|wrap\s+up|wraps\s+up|wrapped\s+up"
    r"|wrapping\s+up|finish|finishes|finished|finishing|close|closes|closed|closing)\s+"
    r"(?:the|their|its|his|her|a|this)\s+(?:[\w'’-]+\s+){0,5}\Z",
    re.IGNORECASE,
)


def _ending_times(text: str, mentions: list[EventMention]) -> dict[int, TimeRef]:
    """Take the times of mentions named only as what ends ("concluded the drills on Friday").

    The day an exercise or summit ends is not the day it is dated by when another
    mention says when it began ("the exercise began Thursday"): such a time must not
    keep the mentions apart. It is removed from the mention and returned (by the
    mention's id) to date the event only when nothing else does.
    """
    out: dict[int, TimeRef] = {}
    for m in mentions:
        t = m.time
        if t is None or t.span is None or t.span.start < m.trigger.end or m.kind == "verb":
            continue
        if _ENDING_VERB.search(text, max(0, m.trigger.start - 80), m.trigger.start) is None:
            continue
        out[id(m)] = t
        m.time = None
    return out


# An ordinal opening the event's noun phrase: "their historic first summit", "the second meeting".
_ORDINAL_BEFORE = re.compile(
    r"\b(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)"
    r"|inaugural|initial|previous|earlier|prior)\s+(?:[\w'’-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
_ORDINAL_VALUE = {
    "first": 1, "inaugural": 1, "initial": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "previous": 0, "earlier": 0, "prior": 0,
}  # fmt: skip
# "previous", "earlier": before the story's event, whatever its number.
_EARLIER = 0
# "the first launch since May", "its first test this year": a superlative, not a number in a series.
_SUPERLATIVE_AFTER = re.compile(
    r"\s+(?:since|this|so\s+far|ever|in\s+(?:(?:over|more\s+than|nearly|almost|about|a|an|\d{1,4}|[a-z]{3,8})\s+)?"
    r"(?:years?|months?|decades?|weeks?|days?|history)\b)",
    re.IGNORECASE,
)
# Meetings and summits are numbered in one series ("the second meeting", after "the first summit").
_SERIES = {EventType.MEETING: "talks", EventType.SUMMIT: "talks"}


def _ordinals(text: str, mentions: list[EventMention]) -> dict[int, int]:
    """The number of each mention that tells an earlier event of a series the text numbers.

    "Their third summit, in Hanoi, followed the first one, held in Singapore": two
    summits. Numbers count only where one kind of event has two
    different ones (or a "previous" one) in the article, so that "its first ICBM"
    alone splits nothing.
    """
    found: dict[int, int] = {}
    for m in mentions:
        if m.type not in _SERIES:
            # "its first hydrogen bomb test" is also "its fourth nuclear test": numbers of
            # launches and tests count kinds as often as series.
            continue
        # Before the trigger's last word, which may lie inside it ("held the second meeting").
        head = m.trigger.start + m.trigger.text.rstrip().rfind(" ") + 1
        hit = _ORDINAL_BEFORE.search(text, max(0, m.trigger.start - 60), head)
        if hit is None or _SUPERLATIVE_AFTER.match(text, m.trigger.end):
            continue
        word = hit.group("n").lower()
        value = _ORDINAL_VALUE.get(word)
        if value is None:
            value = int(word[:-2])
        found[id(m)] = value
    series: dict[object, set[int]] = {}
    for m in mentions:
        if id(m) in found:
            series.setdefault(_SERIES.get(m.type, m.type), set()).add(found[id(m)])
    # The highest number is the story's own event, told unnumbered elsewhere; lower ones are earlier.
    top = {k: max(v) for k, v in series.items() if len(v) > 1 or _EARLIER in v}
    summits = {found[id(m)] for m in mentions if m.type is EventType.SUMMIT and id(m) in found}
    for m in mentions:
        if m.type is EventType.MEETING and found.get(id(m), -1) in summits - {_EARLIER}:
            # "their initial meeting in Singapore" beside "their first summit in Singapore".
            m.type = EventType.SUMMIT
    out: dict[int, int] = {}
    for m in mentions:
        key = _SERIES.get(m.type, m.type)
        if id(m) in found and key in top and found[id(m)] < top[key]:
            out[id(m)] = found[id(m)]
        elif id(m) in found and key in top and found[id(m)] == _EARLIER:
            out[id(m)] = _EARLIER
    return out


_SERIES_DAYS = 2
_SERIES_REACH = 200


def _dated_among_days(text: str, mentions: list[EventMention], published: dt.date | None) -> set[int]:
    """Anaphors ("the launch") dated to a day in a sentence that names other days too.

    "Trials on the 2nd and on the 6th, and the launch on the 9th was aborted":
    such a launch is told apart by its own day, not the story's undated one.
    """
    out: set[int] = set()
    for m in mentions:
        t = m.time
        if m.kind != "anaphor" or t is None or t.date is None or t.precision is not Precision.DAY:
            continue
        # Near the trigger only: a long sentence is not scanned once per anaphor.
        lo = max(m.sentence.start, m.trigger.start - _SERIES_REACH)
        hi = min(m.sentence.end, m.trigger.end + _SERIES_REACH)
        days = {
            u.iso
            for u in find_times(text, lo, hi, published=published)
            if u.date is not None and u.precision is Precision.DAY
        }
        # Two other days at least: a series of dates ("on the 2nd ..., on the 6th, and the
        # launch on the 9th"), not a report's day beside the event's own.
        if len(days - {t.iso}) >= _SERIES_DAYS:
            out.add(id(m))
    return out


def _same_moment(e: _Event, m: EventMention) -> bool:
    """Whether `e` is told at the very time expression `m` counts back or on from."""
    return e.time is not None and m.time is not None and e.time.text == m.time.text


def _moved_in_time(text: str, m: EventMention) -> bool:
    """Whether `m` is set apart in time from the story's moment ("Two weeks earlier, it fired ...").

    Such a mention tells another happening than the one the story is about, even
    before its date is worked out: it must not merge with the story's own event.
    """
    t = m.time
    if t is None or t.span is None or t.date is not None:
        return False
    delta = offset_of(t.text)
    if delta is None or not delta.delta:
        return False
    if not delta.anchored:
        return True
    return _NAMES_ANCHOR.search(t.text) is None and _ALONE.match(text, t.span.end) is not None


def _modality(e: _Event, published: dt.date | None) -> Modality:
    if "plain" not in e.moods and "future" not in e.moods:
        return Modality.NEGATED if "negated" in e.moods else Modality.HYPOTHETICAL
    dated = e.time is not None and e.time.date is not None
    if e.anchors == len(e.mentions):
        # Named only as a time anchor: a known event recalled, or one still to come.
        when = e.time.date if e.time is not None else None
        if when is not None and published is not None and when > published:
            return Modality.SCHEDULED
        if when is None and e.ahead:
            # "fired an ICBM days before the election": still to come, not recalled.
            return Modality.SCHEDULED
        return Modality.BACKGROUND
    if "plain" not in e.moods and not dated:
        return Modality.HYPOTHETICAL  # an undated intention is no event
    if dated and published is not None and e.time is not None and e.time.date is not None:
        if e.time.date > published:
            return Modality.SCHEDULED
        if recalled(e.time, published):
            return Modality.BACKGROUND
    if "plain" not in e.moods:
        return Modality.SCHEDULED
    return Modality.ASSERTED


def _anchor_start(text: str, m: EventMention, lowered: str | None = None) -> int | None:
    """Where the phrase starts that names `m` only as a time anchor, else None.

    "North Korea fired a missile a week after the summit": the summit is no new
    event of North Korea's, it dates the launch. `lowered` is `text` lower-cased,
    given only when `text` holds no character of CASE_EXTRAS.
    """
    if m.kind not in ("noun", "anaphor", "verb"):
        return None
    lo = max(m.sentence.start, m.trigger.start - _ANCHOR_REACH)
    if lowered is not None:
        # No CASE_EXTRAS anywhere: the lower-cased text answers both tests at once.
        if _ANCHOR_CUE.search(lowered, lo, m.trigger.start) is None:
            return None
        found = _ANCHOR_PHRASE_LOWERED.search(lowered, lo, m.trigger.start)
    else:
        window = text[lo : m.trigger.start]
        if _ANCHOR_CUE.search(window.lower()) is None and CASE_EXTRAS.search(window) is None:
            return None
        found = _ANCHOR_PHRASE.search(text, lo, m.trigger.start)
    # The tests below read the match case-insensitively: a match of the lower-cased text does as well.
    if found is None or CLAUSE_BREAK.search(found.group(0)):
        return None
    words = found.group("words").split(maxsplit=1)
    if found.group(0)[:6].lower() == "before" and words and words[0].lower().endswith("ing"):
        # "inspected a factory before flying to Vladivostok for talks": a participle
        # clause goes on with the subject's next act; it dates nothing.
        return None
    if m.kind == "verb" and not _NOUN_BEFORE.search(found.group("words")):
        # "after North Korea fired a missile" recounts an event; only a verb pattern
        # read as a noun ("ahead of the minister’s meeting with ...") is an anchor.
        return None
    return found.start()


def _mark_anchor(text: str, m: EventMention, start: int, names: list[ActorMention]) -> None:
    """Keep only what the anchor phrase itself says about the event it names."""
    words = [w.lower() for w in text[start : m.trigger.start].split()]
    gerund = len(words) > 1 and words[1].endswith("ing")
    if not gerund and not _OWN.intersection(words):
        # "a day after winning the election" shares the clause's subject, "following
        # his failed martial law attempt" names its owner; a bare noun phrase
        # ("after the summit") names its own participants or none.
        inside = {n.name for n in _names_in(names, start, m.sentence.end)}
        inside.update(m.affiliations[a] for a in m.actors if a in inside and a in m.affiliations)
        m.actors = [a for a in m.actors if a in inside]
        m.fallback = [a for a in m.fallback if a in inside]
        owner = [
            n
            for n in _names_in(names, start, m.trigger.start)
            if _OWNER_GAP.fullmatch(text, n.end, m.trigger.start)
        ]
        if owner and owner[-1].name not in m.actors:
            # "ahead of Jane Roe’s meeting with John Doe": the possessor takes part.
            m.actors.insert(0, owner[-1].name)
            if owner[-1].affiliation:
                m.affiliations[owner[-1].name] = owner[-1].affiliation
    t = m.time
    if (
        t is not None
        and t.span is not None
        and t.span.end <= start
        and t.precision is Precision.DAY
        and not m.concluded
    ):
        # A day before the phrase dates the clause's event, not the anchor; a month or
        # a year ("In September 2023, after the visit ...") spans both.
        m.time = None


def _names_in(names: list[ActorMention], start: int, end: int) -> list[ActorMention]:
    """The names lying inside [start, end) (`names` is in text order)."""
    i = bisect.bisect_left(names, start, key=lambda n: n.start)
    out = []
    while i < len(names) and names[i].start < end:
        if names[i].end <= end:
            out.append(names[i])
        i += 1
    return out


def _drop_clause_actors(text: str, m: EventMention, names: list[ActorMention]) -> None:
    """Drop actors of a meeting noun that hangs in a reduced relative clause.

    "Jane Roe welcomed the plan agreed at the Lakeside summit": Jane Roe
    welcomed it, she did not meet; the summit is named inside "agreed at ...".
    """
    kept = []
    for a in m.actors:
        before = [n for n in _names_in(names, m.sentence.start, m.trigger.start) if n.name == a]
        if a not in m.partners and before and _REDUCED_RELATIVE.search(text, before[-1].end, m.trigger.start):
            continue
        kept.append(a)
    m.actors = kept


def _add_inner_states(m: EventMention, names: list[ActorMention]) -> None:
    for n in _names_in(names, m.trigger.start, m.trigger.end):
        if n.kind == "state" and n.name not in m.actors:
            m.actors.append(n.name)


_RELATIVE_WORD = re.compile(r"\s(?:that|which)\s", re.IGNORECASE)


def _relative_agent(m: EventMention, names: list[ActorMention]) -> None:
    """The relative clause's subject fires "the missile that North Korea launched"."""
    found = _RELATIVE_WORD.search(m.trigger.text)
    if found is None:
        return
    inside = _names_in(names, m.trigger.start + found.end(), m.trigger.end)
    if inside:
        m.actors = [inside[0].name]
        if inside[0].affiliation:
            m.affiliations[inside[0].name] = inside[0].affiliation


def _own_forces(lex: EventLexicon) -> tuple[frozenset[EventType], re.Pattern[str] | None]:
    """The types whose forces' state is their actor, and the forces' nouns (``[deployment.own_forces]``)."""
    cached = lex.cache.get("events.own_forces")
    if cached is None:
        table = lex.data.get("deployment", {}).get("own_forces", {})
        nouns = sorted(table.get("nouns", []), key=len, reverse=True)
        # At most two modifiers between the state and the noun ("North Korean special forces").
        alternatives = "|".join(re.escape(n) for n in nouns)
        rx = (
            re.compile(rf"\s+(?:[a-z-]{{2,20}}\s+){{0,2}}?(?:{alternatives})\b", re.IGNORECASE)
            if nouns
            else None
        )
        types = frozenset(EventType(t) for t in table.get("types", []))
        cached = lex.cache["events.own_forces"] = (types, rx)
    result: tuple[frozenset[EventType], re.Pattern[str] | None] = cached
    return result


def _forces_owner(
    text: str, m: EventMention, names: list[ActorMention], nouns: re.Pattern[str] | None
) -> None:
    """The state whose forces the trigger names is the one that deployed them.

    "The UK sanctioned the minister for sending thousands of North Korean troops":
    the troops are North Korea's, so the deployment is too, not the sentence subject's.
    """
    if nouns is None:
        return
    for n in _names_in(names, m.trigger.start, m.trigger.end):
        if n.kind != "state":
            continue
        found = nouns.match(text, n.end)
        if found is None or found.end() > m.trigger.end:
            continue
        if n.name not in m.actors and n.name not in (m.affiliations.get(a) for a in m.actors):
            m.actors = [n.name]
            m.fallback = []
        return


def _reaction_start(
    text: str, m: EventMention, lex: EventLexicon, lowered: str | None = None, *, plain: bool = False
) -> int | None:
    """Where the verb starts whose object `m` is when that verb reacts to someone else's event.

    "Pyongyang on Monday criticised joint drills by Seoul": the drills are not
    Pyongyang's, and Monday dates the criticism, not the drills. `plain` says
    that `text` holds no character of CASE_EXTRAS.
    """
    if m.kind not in ("noun", "anaphor"):
        return None
    rx = lex.cue("governors.reaction")
    if rx is None:
        return None
    lo = max(m.sentence.start, m.trigger.start - _REACTION_REACH)
    if (
        lowered is not None
        and lex.cue_search("governors.reaction", text, lo, m.trigger.start, lowered, extras=not plain) is None
    ):
        return None  # the quick scan of the lower-cased text finds what `rx` would: nothing
    found = list(rx.finditer(text, lo, m.trigger.start))
    if not found:
        return None
    verb = found[-1]  # the verb nearest the noun governs it
    gap = text[verb.end() : m.trigger.start]
    words = [w.lower() for w in WORD.findall(gap)]
    if CLAUSE_BREAK.search(gap) or len(words) > _REACTION_GAP:
        return None
    if set(words).intersection(lex.words("actors", "prepositions")):
        return None  # "condemned the launch at a news conference": the verb's object is another noun
    return verb.start()


# Reactions named by a phrase rather than a verb of their own.
_PREP_REACTION = re.compile(
    r"(?:in\s+(?:response|retaliation|reply)|(?:a\s+)?response|retaliation)\b", re.IGNORECASE
)


def _mark_reaction(text: str, m: EventMention, start: int, names: list[ActorMention]) -> None:
    """Keep only the participants named after the reacting verb, and no time of the reaction's.

    A time before the verb, or after the noun with no verb of the event's own
    between ("slammed the drills near the border on Sunday"), dates the
    reaction; "the drills held on Monday" keeps its date.
    """
    after = {n.name for n in _names_in(names, start, m.sentence.end)}
    after.update(m.affiliations[a] for a in list(m.actors) if a in after and a in m.affiliations)
    m.actors = [a for a in m.actors if a in after]
    m.fallback = [a for a in m.fallback if a in after]
    t = m.time
    if t is None or t.span is None:
        return
    if t.span.end <= start or (
        t.span.start >= m.trigger.end
        and not _OWN_VERB.search(text, m.trigger.end, t.span.start)
        # "in response to its nuclear test in January": a phrase, not a verb, reacts,
        # and a time right after the noun is the test's.
        and not (_PREP_REACTION.match(text, start) and words_at_most(text, m.trigger.end, t.span.start, 1))
    ):
        m.time = None


def _shifted(time: TimeRef, base: TimeRef, delta: Offset, sign: int) -> TimeRef | None:
    """`time` resolved as `base` moved by the offset (sign -1: moved back)."""
    if base.date is None or (base.precision is not Precision.DAY and delta.precision is Precision.DAY):
        return None
    try:
        date = base.date + sign * delta.delta
    except (OverflowError, ValueError):
        return None
    precision = delta.precision if base.precision is Precision.DAY else base.precision
    return attrs.evolve(time, date=date, precision=precision)


# How far back (characters) the story's last named day is looked for.
_LAST_DAY_REACH = 600


def _last_day_before(text: str, end: int, published: dt.date | None) -> TimeRef | None:
    """The last time expression dated to the day in the stretch of text before `end`."""
    if published is None:
        return None
    days = [
        t
        for t in find_times(text, max(0, end - _LAST_DAY_REACH), end, published=published)
        if t.date is not None and t.precision is Precision.DAY and t.span is not None and t.span.end <= end
    ]
    return days[-1] if days else None


def _report_nouns(lex: EventLexicon) -> frozenset[str]:
    """The nouns of a report an offset may count from (``[offsets] report_nouns``)."""
    cached = lex.cache.get("events.report_nouns")
    if cached is None:
        cached = lex.cache["events.report_nouns"] = frozenset(lex.words("offsets", "report_nouns"))
    return cached


# The words of the phrase an anchored offset counts from, up to its clause's end.
_ANCHOR_WORDS = re.compile(r"[\w’'-]+")
_CLAUSE_END = re.compile(r"[,.;:]")


def _report_day(
    text: str, t: TimeRef, published: dt.date | None, reports: frozenset[str]
) -> tuple[bool, TimeRef | None]:
    """Whether an offset counts from a report, and the day its clause gives the report.

    "fired a missile a day after KCNA's report on Monday": the report noun ends the
    offset or follows within three words, and the first dated time after it in the
    clause is the report's; with none, the report is the one the story told last.
    """
    if t.span is None or not reports:
        return False, None
    stop = _CLAUSE_END.search(text, t.span.end, t.span.end + 80)
    end = stop.start() if stop is not None else min(len(text), t.span.end + 80)
    own = t.text.lower().rsplit(" ", 1)[-1]
    words = [
        w.lower().removesuffix("'s").removesuffix("’s")
        for w in _ANCHOR_WORDS.findall(text, t.span.end, end)[:3]
    ]
    if own not in reports and not any(w in reports for w in words):
        return False, None
    for found in find_times(text, t.span.end, end, published=published, warnings=[]):
        if found.date is not None and found.span is not None and offset_of(found.text) is None:
            return True, found
    return True, None


def _resolve_offsets(
    text: str,
    events: list[_Event],
    published: dt.date | None = None,
    reports: frozenset[str] = frozenset(),
) -> None:
    """Date relative expressions from the events they count from.

    "sworn in on Wednesday, a day after winning the election": the election is
    the Tuesday before. "Two days earlier, ...": two days before the time the
    story last named. Without such a time the date stays None, never a guess.
    One pass in text order, each mention compared only with its own sentence:
    linear in the number of mentions.
    """
    owner = {id(m): e for e in events for m in e.mentions}
    mentions = sorted((m for e in events for m in e.mentions), key=lambda m: m.trigger.start)
    # Keyed by the sentence's offsets: hashing a Span calls Python code.
    by_sentence: dict[tuple[int, int], list[EventMention]] = {}
    for m in mentions:
        by_sentence.setdefault((m.sentence.start, m.sentence.end), []).append(m)

    def clause_head(m: EventMention, before: int) -> _Event | None:
        """The event of the last other mention of m's sentence ending before `before`."""
        found = [
            g
            for g in by_sentence[m.sentence.start, m.sentence.end]
            if g.trigger.end <= before and owner[id(g)] is not owner[id(m)]
        ]
        return owner[id(found[-1])] if found else None

    latest: TimeRef | None = None  # the story's last dated moment so far
    for m in mentions:
        t = m.time
        delta = offset_of(t.text) if t is not None and t.date is None and t.span is not None else None
        e = owner[id(m)]
        if (
            t is not None
            and t.span is not None
            and delta is not None
            and (e.time is None or e.time.date is None)
        ):
            te, start = t.span.end, m.trigger.start
            names_it = t.span.start <= start and (
                start < te
                or (first_clause_break(text, te, start) == -1 and words_at_most(text, te, start, _ANCHOR_GAP))
            )
            found: TimeRef | None = None
            if delta.anchored and names_it:
                # The event the expression names is the anchor: the clause's event minus the offset.
                head = clause_head(m, t.span.start)
                found = (
                    _shifted(t, head.time, delta, -1) if head is not None and head.time is not None else None
                )
            elif not delta.anchored or (not names_it and _ALONE.match(text, t.span.end)):
                before = latest if latest is not None and latest.span is not None else None
                if before is None or before.span is None or before.span.end > t.span.start:
                    # No event dated yet: the story's last day may be a report's ("said on
                    # the 16th. At 4 p.m. that day, ...").
                    before = _last_day_before(text, t.span.start, published)
                if before is not None and before.span is not None and before.span.end <= t.span.start:
                    found = _shifted(t, before, delta, 1)
            if found is None and delta.anchored:
                report, base = _report_day(text, t, published, reports)
                if report and base is None:
                    # "A day after KCNA's report, ...": the report the story told last.
                    base = latest if latest is not None and latest.span is not None else None
                    if base is None or base.span is None or base.span.end > t.span.start:
                        base = _last_day_before(text, t.span.start, published)
                if base is not None and base.span is not None:
                    found = _shifted(t, base, delta, 1)
            if found is not None:
                e.time = found
        later = (
            latest is None
            or latest.span is None
            or (t is not None and t.span is not None and t.span.start >= latest.span.start)
        )
        # A recalled earlier event ("the first test since May") is no moment the story stands at.
        if t is not None and t.date is not None and t.span is not None and later and not m.recalled:
            latest = t
    for m in mentions:
        # "fired a missile a week after the summit": once the summit has a date
        # of its own, the launch has one too.
        t = m.time
        if t is None or t.span is None or not m.trigger.start < t.span.end or t.span.start > m.trigger.start:
            continue
        delta = offset_of(t.text)
        anchor = owner[id(m)]
        if delta is None or not delta.anchored or anchor.time is None or anchor.time.date is None:
            continue
        if anchor.time.text == t.text:
            continue  # dated only through this very expression
        head = clause_head(m, t.span.start)
        if head is not None and (head.time is None or head.time.date is None):
            head.time = _shifted(t, anchor.time, delta, 1) or head.time


_ROCKET = re.compile(r"\brockets?\b", re.IGNORECASE)
_SATELLITE = re.compile(r"\bsatellites?\b", re.IGNORECASE)


def _rockets_with_satellites(text: str, mentions: list[EventMention], sentences: list[Span]) -> None:
    """A rocket launch is a satellite launch when a satellite is named in its sentence or the next.

    "The sanctions answer its Feb. 7 rocket launch. Pyongyang said it put a satellite
    into orbit": the rocket carried a satellite. A launch of a missile stays one.
    """
    starts = [s.start for s in sentences]
    for m in mentions:
        if m.type is not EventType.MISSILE_LAUNCH or not _ROCKET.search(m.trigger.text):
            continue
        k = bisect.bisect_right(starts, m.trigger.start) - 1
        end = sentences[min(k + 1, len(sentences) - 1)].end if sentences else m.sentence.end
        if _SATELLITE.search(text, m.sentence.start, max(end, m.sentence.end)):
            m.type = EventType.SATELLITE_LAUNCH


def _related(lex: EventLexicon) -> dict[EventType, frozenset[EventType]]:
    """For each type, the types its bare anaphors may refer back to (``[anaphora]``)."""
    cached = lex.cache.get("events.related")
    if cached is None:
        table = lex.data.get("anaphora", {})
        cached = lex.cache["events.related"] = {
            EventType(k): frozenset(EventType(t) for t in v) for k, v in table.items() if isinstance(v, list)
        }
    return cached


def _strict_dates(lex: EventLexicon) -> frozenset[EventType]:
    """The types whose mentions merge only when their dates agree (``[merge] strict_dates``)."""
    cached = lex.cache.get("events.strict_dates")
    if cached is None:
        listed = lex.words("merge", "strict_dates")
        cached = lex.cache["events.strict_dates"] = (
            frozenset(EventType(t) for t in listed) if listed else _STRICT_DATES
        )
    return cached


def _state_settings(lex: EventLexicon) -> tuple[frozenset[str], list[str], bool]:
    """State-level types, armed-forces words and person_as_state from the data, read once per lexicon."""
    cached = lex.cache.get("events.state_settings")
    if cached is None:
        cached = lex.cache["events.state_settings"] = (
            frozenset(lex.words("actor_kinds", "state_level")),
            [w.lower() for w in lex.words("actor_kinds", "armed_forces")],
            bool(lex.data.get("actor_kinds", {}).get("person_as_state", False)),
        )
    return cached


def _state_actors(e: _Event, lex: EventLexicon, gazetteer: Gazetteer) -> list[str]:
    """A state's armed forces (and, per the data, its people) stand for the state in state-level events."""
    state_level, forces, people = _state_settings(lex)
    if e.type.value not in state_level:
        return e.actors
    out: list[str] = []
    for a in e.actors:
        name = a
        affiliation = e.affiliations.get(a)
        if affiliation is not None and (any(w in a.lower() for w in forces) or people):
            ent = gazetteer.resolve(affiliation)
            if ent is not None and ent.kind == "state":
                name = ent.name
        if name not in out:
            out.append(name)
    return out


# "nuclear tests in 2006, 2009 and 2013": each further year listed after the event's own.
_NEXT_YEAR = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:in\s+)?((?:1[89]|20)\d\d)\b")
_STOP = re.compile(r"[.;]")
_YEAR_ONLY = re.compile(r"(?:in\s+)?(?:1[89]|20)\d\d")


def _listed_years(text: str, e: Event) -> list[Event]:
    """One more event for each further year listed after `e`'s year, as happenings of their own.

    "conducted nuclear tests in 2006, 2009 and 2013" reports three tests; the first
    year dates `e`, the others date copies of it.
    """
    t = e.time
    if t is None or t.span is None or t.precision is not Precision.YEAR or not _YEAR_ONLY.fullmatch(t.text):
        return []
    # Only a list right after one of the event's own triggers: not one a clause inherited.
    if not any(
        a <= t.span.start and t.span.start - b < 60 and not _STOP.search(text, b, t.span.start)
        for a, b in ((s.start, s.end) for s in e.mentions)
    ):
        return []
    out: list[Event] = []
    pos = t.span.end
    while (found := _NEXT_YEAR.match(text, pos)) is not None and len(out) < 10:
        year = int(found.group(1))
        span = Span(found.start(1), found.end(1))
        when = TimeRef(text=found.group(1), date=dt.date(year, 1, 1), precision=Precision.YEAR, span=span)
        out.append(attrs.evolve(e, time=when))
        pos = found.end()
    return out


# Between two listed days: ", ", " and ", ", and " (then perhaps "again"): "on March 5 and 9".
# The end of a list of days: a period ending a sentence, not one of "Jan. 11".
_LIST_STOP = re.compile(r";|\.(?!\s\d)")
_DAY_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:again\s+)?", re.IGNORECASE)
# A range or a span ("between March 1 and 5", "from May 2"), not a list of days.
_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+\Z", re.IGNORECASE)


def _listed_days(text: str, e: Event, published: dt.date | None) -> list[Event]:
    """One more event for each further day listed after `e`'s day: "fired missiles on March 5 and March 9".

    Like `_listed_years` for days (and months): each day after the event's own, joined
    by a comma or "and", dates a copy of the event.
    """
    t = e.time
    if t is None or t.span is None or t.date is None or t.precision not in (Precision.DAY, Precision.MONTH):
        return []
    if not any(
        a <= t.span.start and t.span.start - b < 60 and not _STOP.search(text, b, t.span.start)
        for a, b in ((s.start, s.end) for s in e.mentions)
    ):
        return []
    if not _DAY_LIST_GAP.match(text, t.span.end):
        return []  # nothing listed: the common case, told at once
    if _RANGE_BEFORE.search(text, max(0, t.span.start - 12), t.span.start):
        return []
    stop = _LIST_STOP.search(text, t.span.end)
    end = stop.start() if stop is not None else len(text)
    out: list[Event] = []
    pos = t.span.end
    for u in find_times(text, pos, min(end, pos + 200), published=published):
        if len(out) >= 10 or u.span is None or u.date is None or u.precision is not t.precision:
            break
        if not _DAY_LIST_GAP.fullmatch(text, pos, u.span.start) or u.iso == t.iso:
            break
        out.append(attrs.evolve(e, time=u))
        pos = u.span.end
    return out


_SIDELINES = re.compile(r"\b(?:sidelines|margins|fringes?|sideline|side)\s+of\b", re.IGNORECASE)


_AT_OCCASION = re.compile(r"\b(?:at|during)\b", re.IGNORECASE)


def _held_at(text: str, meeting: _Event, summit: _Event) -> bool:
    """Whether a mention of `meeting` is held at or during a mention of `summit`, in one
    sentence and close by ("meet at the G20 summit", "the summit, during which they meet")."""
    for m in meeting.mentions:
        for s in summit.mentions:
            if m.sentence.start != s.sentence.start:
                continue
            lo, hi = (m.trigger.end, s.trigger.start) if m.trigger.end <= s.trigger.start else (
                s.trigger.end,
                m.trigger.start,
            )
            if 0 <= hi - lo <= 90 and _AT_OCCASION.search(text, lo, hi) and not _STOP.search(text, lo, hi):
                return True
    return False


def _beside(text: str, meeting: _Event, summit: _Event) -> bool:
    """Whether a mention of `meeting` is held "on the sidelines of" a mention of `summit`."""
    return any(
        _SIDELINES.search(text, m.trigger.end, s.trigger.start) is not None
        for m in meeting.mentions
        for s in summit.mentions
        if m.sentence.start == s.sentence.start and m.trigger.end <= s.trigger.start
    )


# A launcher's own name with its number ("Unha-2", "Hwasong-15", "Taepodong-2").
_VEHICLE = re.compile(r"\b[A-Z][a-z]{2,15}-\d{1,2}[A-Z]?\b")


def _within_or_same(a: TimeRef | None, b: TimeRef | None) -> bool:
    """Whether two times may tell one day: equal, one holding the other, or either unknown."""
    if a is None or b is None or a.iso is None or b.iso is None:
        return True
    return a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def _same_vehicle(events: list[_Event]) -> list[_Event]:
    """Launches of one named vehicle at compatible times are one launch.

    "The Unha-2 of April 2009 failed ... the Unha-2 lifted off on April 5, 2009": the month
    and the day tell one launch, the day kept. Vehicles named apart, or times apart, stay two.
    """
    out: list[_Event] = []
    seen: dict[tuple[EventType, str], _Event] = {}
    for e in events:
        if e.type not in (EventType.SATELLITE_LAUNCH, EventType.MISSILE_LAUNCH):
            out.append(e)
            continue
        names = {v.lower() for m in e.mentions for v in _VEHICLE.findall(m.trigger.text)}
        host = next(
            (
                h
                for n in sorted(names)
                if (h := seen.get((e.type, n))) is not None
                and h.groups & e.groups
                and _within_or_same(h.time, e.time)
            ),
            None,
        )
        if len(names) == 1 and host is not None:
            for m in e.mentions:
                host.absorb(m)
            host.anchors += e.anchors
            continue
        for n in names:
            seen.setdefault((e.type, n), e)
        out.append(e)
    return out


def _told_together(meeting: _Event, summit: _Event) -> bool:
    """Whether a sentence tells both, and the summit's known leaders all sit at the meeting.

    "Biden hosted Yoon and Kishida at Camp David for the first trilateral summit": the
    hosting is the summit, though the summit's own mention names only some of them.
    """
    if not summit.actors or not set(summit.actors) <= set(meeting.actors):
        return False
    sentences = {m.sentence.start for m in summit.mentions}
    return any(m.sentence.start in sentences for m in meeting.mentions)


def _told_with(e: _Event, summits: list[_Event]) -> bool:
    """Whether meeting `e` names no person of its own and every mention of it sits in a
    sentence that tells of one of the summits ("Meeting at a lakeside villa, the two
    presidents sat down for a summit"): the meeting is the summit's own. One with a person of
    its own ("Lee will meet Trump at the G7 summit") is a meeting beside the summit."""
    if any(a in e.affiliations for a in e.actors):
        return False  # a person named (people carry their affiliation)
    sentences = {m.sentence.start for s in summits for m in s.mentions}
    return all(m.sentence.start in sentences for m in e.mentions)


# A conversation by telephone: "spoke with A and B by phone", "phone calls with A and B".
_BY_PHONE = re.compile(
    r"\b(?:by\s+(?:tele)?phone|on\s+the\s+(?:tele)?phone|(?:tele)?phone\s+(?:calls?|talks))\b", re.IGNORECASE
)


def _calls_apart(text: str, events: list[_Event]) -> list[_Event]:
    """A leader who spoke by phone with two or more people held one call with each.

    "Trump spoke with Abe and Moon by phone": two calls, Trump-Abe and Trump-Moon, not
    a three-way meeting. Only a single mention whose participants are all people, the
    first the caller, is split.

    Examples:
        >>> _calls_apart("", [])
        []
    """
    out: list[_Event] = []
    for e in events:
        if (
            e.type is EventType.MEETING
            and len(e.mentions) == 1
            and len(e.actors) >= 3
            and all(a in e.affiliations for a in e.actors)
            and _BY_PHONE.search(text, e.mentions[0].sentence.start, e.mentions[0].sentence.end)
        ):
            host, *partners = e.actors
            for partner in partners:
                call = copy.copy(e)
                call.actors = [host, partner]
                out.append(call)
            continue
        out.append(e)
    return out


# A summit named in a headline: "Trump-Kim summit: leaders sign a document".
_HEADLINE_SUMMIT = re.compile(r"\bsummit", re.IGNORECASE)
_HEADLINE_WORD = re.compile(r"[^\W\d_]{3,}")


def _headline_summit(title: str | None, events: list[_Event]) -> list[_Event]:
    """A meeting of the people a headline's summit names is that summit, when the body
    names no summit of its own.

    "Trump-Kim summit: leaders sign a document" over "Trump and Kim signed it, capping a
    meeting of foes": the body tells the summit as a meeting. Every participant must be a
    person (people carry an affiliation) whose name the headline gives.

    Examples:
        >>> _headline_summit(None, [])
        []
    """
    if not title or not _HEADLINE_SUMMIT.search(title):
        return events
    if any(e.type is EventType.SUMMIT for e in events):
        return events
    words = set(_HEADLINE_WORD.findall(title))
    for e in events:
        if (
            e.type is EventType.MEETING
            and len(e.actors) >= 2
            and all(a in e.affiliations and words.intersection(a.split()) for a in e.actors)
        ):
            e.type = EventType.SUMMIT
    return events


def _meetings_into_summits(text: str, events: list[_Event]) -> list[_Event]:
    """A meeting of people who hold a summit on that day is the summit.

    "Kim met Putin on Thursday at a summit", "Kim and Putin met at the university"
    after "began his first summit with Putin": one summit, no meeting beside it. Talks
    "on the sidelines of" a summit are a meeting of their own.
    """
    summits = [e for e in events if e.type is EventType.SUMMIT and "real" in e.groups]
    if not summits:
        return events
    out = []
    for e in events:
        own = e.type is EventType.MEETING and len(e.actors) < 2 and _told_with(e, summits)
        if e.type is EventType.MEETING and "real" in e.groups and (len(e.actors) >= 2 or own):
            mine = _expand(e.actors, e.affiliations)
            host = next(
                (
                    s
                    for s in summits
                    if (
                        set(e.actors) <= (_expand(s.actors, s.affiliations) | (mine - set(e.actors)))
                        or _held_at(text, e, s)
                        or _told_together(e, s)
                        or (own and _told_with(e, [s]))
                    )
                    and (e.time is None or s.time is None or e.time.iso == s.time.iso)
                    and not _beside(text, e, s)
                ),
                None,
            )
            if host is not None:
                for m in e.mentions:
                    host.absorb(m)
                host.anchors += e.anchors
                continue
        out.append(e)
    return out


# "a trip to the secluded nation", "a visit to the North": a state told by a description.
_TO = re.compile(r"\s+to\s+")


def _to_a_state(text: str, end: int) -> bool:
    """Whether "to" and a state told by a description follow `end` ("visit to the country")."""
    to = _TO.match(text, end, end + 8)
    return to is not None and DESCRIBED_STATE.match(text, to.end(), to.end() + 60) is not None


def _crisis_told(text: str, m: EventMention, crisis: re.Pattern[str]) -> bool:
    """Whether a crisis word names the meeting, in its trigger or just before ("an emergency meeting")."""
    return crisis.search(text, max(m.sentence.start, m.trigger.start - 25), m.trigger.end) is not None


def _keep(
    e: _Event, text: str = "", gazetteer: Gazetteer | None = None, crisis: re.Pattern[str] | None = None
) -> bool:
    if e.type in (EventType.MEETING, EventType.SUMMIT):
        # A meeting with no known participant, place or date is too vague to count; one
        # called in a crisis ("told an emergency cabinet meeting") names its body.
        return (
            bool(e.actors)
            or (e.time is not None and e.time.date is not None)
            or bool(e.location)
            or (crisis is not None and any(_crisis_told(text, m, crisis) for m in e.mentions))
        )
    if e.type is EventType.DIPLOMATIC_VISIT:
        # A visit goes somewhere: "Kim visited a munitions factory" is an inspection at home;
        # "a trip to the secluded nation" goes abroad though it names no place. A delegation
        # is sent abroad by definition: leading one is a visit though no place is named.
        return (
            bool(e.location)
            or e.target is not None
            or any(_to_a_state(text, m.trigger.end) for m in e.mentions)
            or any("delegation" in m.trigger.text.lower() for m in e.mentions)
            or (gazetteer is not None and any(_possessed_visit(text, m, gazetteer) for m in e.mentions))
        )
    return True


def _visits_told_again(merged: list[_Event]) -> list[_Event]:
    """Drop a bare "Kim's visit" when the article tells that visitor's visit in full.

    The possessed noun names the trip the story reports elsewhere with its place and
    day, whatever its mood ("he hoped Kim's visit would help"): not a second visit.
    """
    told = [e for e in merged if e.type is EventType.DIPLOMATIC_VISIT and (e.location or e.target)]
    if not told:
        return merged
    return [
        e
        for e in merged
        if not (
            e.type is EventType.DIPLOMATIC_VISIT
            and e.actors
            and not (e.location or e.target)
            and all(m.kind == "noun" and m.owner for m in e.mentions)
            and any(f is not e and set(e.actors) <= set(f.actors) for f in told)
        )
    ]


def _kind(gazetteer: Gazetteer, name: str) -> str | None:
    ent = gazetteer.resolve(name)
    return ent.kind if ent is not None else None


# A destination, host or purpose after the noun: "Kim's visit to a factory" may be an
# inspection at home, so only a visit with nothing after it stands on its possessor.
_VISIT_COMPLEMENT = re.compile(r"\s*(?:to|of|in|at|with|for)\b", re.IGNORECASE)


def _possessed_visit(text: str, m: EventMention, gazetteer: Gazetteer) -> bool:
    """"during Shoigu's visit", "ahead of Trump's trip": a named visitor's visit, told as known.

    The possessor is a person: a state's or a body's "visit" with no place is too vague to count.
    """
    return (
        m.kind == "noun"
        and m.owner
        and any(_kind(gazetteer, a) == "person" for a in m.actors)
        and _VISIT_COMPLEMENT.match(text, m.trigger.end) is None
    )


def _windows(text: str, sentences: list[Span]) -> list[Span]:
    spans = []
    for s in sentences:
        start = s.start
        while s.end - start > _WINDOW:
            cut = text.rfind(" ", start + _WINDOW // 2, start + _WINDOW)
            cut = cut if cut > start else start + _WINDOW
            spans.append(Span(start, cut))
            start = cut
        spans.append(s if start == s.start else Span(start, s.end))
    return spans


def extract_events_with_warnings(
    article: Article,
    /,
    *,
    gazetteer: Gazetteer | None = None,
    include_all: bool = False,
    lexicon: EventLexicon | None = None,
) -> tuple[tuple[Event, ...], tuple[str, ...]]:
    """Like [`extract_events`][koreabrief.extract_events], also returning warnings.

    Warnings name values that were dropped (an impossible date, an absurd
    number); they belong in [`Facts.warnings`][koreabrief.Facts].

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="Pyongyang fired a missile on February 30.")
        >>> events, warnings = extract_events_with_warnings(a)
        >>> events[0].type.value, len(warnings)
        ('missile_launch', 1)
    """
    require_article(article, "extract_events_with_warnings")
    gaz = gazetteer or Gazetteer.default()
    return events_in_context(
        article, ArticleContext(article.text, gaz), include_all=include_all, lexicon=lexicon
    )


def events_in_context(
    article: Article,
    ctx: ArticleContext,
    *,
    include_all: bool = False,
    lexicon: EventLexicon | None = None,
) -> tuple[tuple[Event, ...], tuple[str, ...]]:
    """Like `extract_events_with_warnings`, reusing the work `ctx` shares between extractors.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="Seoul said Pyongyang fired a missile.")
        >>> [e.type.value for e in events_in_context(a, ArticleContext(a.text, kb.Gazetteer.default()))[0]]
        ['missile_launch']
    """
    gaz = ctx.gazetteer
    lex = lexicon or EventLexicon.default()
    text = article.text
    warnings: list[str] = []
    names = ctx.actor_names(lex)
    lowered = ctx.lowered
    mentions: list[EventMention] = []
    windows = _windows(text, ctx.sentences)
    # A dateline ("SEOUL, Jan. 19 --") says where and when the story was filed: its
    # place acts in no event and its date dates none.
    filed = dateline_end(text)
    if filed:
        names = [n for n in names if n.start >= filed]
    starts = [n.start for n in names]
    # Most texts hold no character that IGNORECASE folds onto an ASCII letter: then
    # lower-cased text can be matched case-sensitively anywhere, with no check per range.
    extras = CASE_EXTRAS.search(text) is not None
    for sent, found in zip(windows, triggers_by_window(text, windows, lex, lowered), strict=True):
        if not found:
            continue
        mentions.extend(
            sentence_mentions(
                text,
                sent,
                names,
                lex=lex,
                gazetteer=gaz,
                published=article.published,
                warnings=warnings,
                lowered=lowered,
                triggers=found,
                times_from=filed,
                starts=starts,
                extras=extras,
                layer=ctx.text_layer,
            )
        )
    own_types, own_nouns = _own_forces(lex)
    anchors: set[int] = set()
    ahead: set[int] = set()  # anchors that come after what they date ("days before the election")
    for m in mentions:
        start = _anchor_start(text, m, None if extras else lowered)
        if start is not None:
            _mark_anchor(text, m, start, names)
            # The summit an agreement closed happened that day: an event of its own.
            if not m.concluded:
                anchors.add(id(m))
            if _AHEAD.match(text, start):
                ahead.add(id(m))
        elif m.kind == "noun" and not m.owner and m.type in (EventType.MEETING, EventType.SUMMIT):
            _drop_clause_actors(text, m, names)
        if m.type in own_types:
            _forces_owner(text, m, names, own_nouns)
        if not m.actors and m.kind == "noun":
            _relative_agent(m, names)
        if m.type is EventType.CASUALTIES and not m.actors and not m.fallback:
            # "the death toll among North Korean troops": the side named inside the trigger.
            _add_inner_states(m, names)
        reaction = _reaction_start(text, m, lex, lowered, plain=not extras)
        if reaction is not None:
            _mark_reaction(text, m, reaction, names)
    _rockets_with_satellites(text, mentions, ctx.sentences)
    mentions = retype_mentions(text, mentions, names, lex=lex, gazetteer=gaz, quoted=ctx.quotes)
    shifted = {id(m) for m in mentions if _moved_in_time(text, m)}
    ends = _ending_times(text, mentions)
    nth = _ordinals(text, mentions)
    dated = _dated_among_days(text, mentions, article.published)
    merged = _merge(
        mentions, gaz, anchors, _strict_dates(lex), _related(lex), shifted=shifted, ordinals=nth, series=dated
    )
    for e in merged:
        if e.time is None:
            # Told only by its end ("will conclude the drills on Saturday"): that day it is.
            e.time = next((ends[id(m)] for m in e.mentions if id(m) in ends), None)
    for e in merged:
        e.anchors = sum(id(m) in anchors or m.recalled for m in e.mentions)
        e.ahead = all(id(m) in ahead for m in e.mentions)
    _resolve_offsets(text, merged, article.published, _report_nouns(lex))
    merged = _same_vehicle(merged)
    merged = _headline_summit(article.title, merged)
    merged = _calls_apart(text, merged)
    merged = _meetings_into_summits(text, merged)
    merged = _visits_told_again(merged)
    out = []
    crisis = TypeRules.of(lex).crisis
    for e in merged:
        if not _keep(e, text, gaz, crisis):
            continue
        modality = _modality(e, article.published)
        if not include_all and modality in (Modality.HYPOTHETICAL, Modality.NEGATED):
            continue
        main = e.mentions[0]
        actors = _state_actors(e, lex, gaz)
        # Distinct offsets first, so that each Span is built once.
        spans = [Span(a, b) for a, b in dict.fromkeys((m.trigger.start, m.trigger.end) for m in e.mentions)]
        plover, plover_mode = lex.plover(e.type)
        out.append(
            Event(
                type=e.type,
                span=main.sentence,
                modality=modality,
                trigger=main.trigger.text,
                actors=tuple(actors),
                target=e.target if e.target not in actors else None,
                location=e.location,
                time=e.time,
                quantities=tuple(e.quantities),
                mentions=tuple(spans),
                plover=plover,
                plover_mode=plover_mode,
            )
        )
    out.extend(e for ev in list(out) for e in _listed_years(text, ev))
    out.extend(e for ev in list(out) for e in _listed_days(text, ev, article.published))
    out.sort(key=lambda ev: ev.span.start)
    return tuple(out), tuple(warnings)


def extract_events(
    article: Article, /, *, gazetteer: Gazetteer | None = None, include_all: bool = False
) -> tuple[Event, ...]:
    """The events the article reports, one per real-world event.

    Args:
        article: A clean article.
        gazetteer: The entities to resolve actors with; the shipped one by default.
        include_all: Also return hypothetical and negated events.

    Returns:
        Asserted, scheduled and background events (all with `include_all`), in
        text order of their first mention; every span indexes `article.text`.

    Examples:
        >>> import koreabrief as kb
        >>> import datetime as dt, koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="North Korea fired two missiles on Monday.",
        ...                published=dt.date(2025, 1, 8))
        >>> [(e.type.value, e.actors, e.time.iso) for e in kb.extract_events(a)]
        [('missile_launch', ('North Korea',), '2025-01-06')]
    """
    require_article(article, "extract_events")
    return extract_events_with_warnings(article, gazetteer=gazetteer, include_all=include_all)[0]
