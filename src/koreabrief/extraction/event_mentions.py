"""Event mentions: one per trigger in a sentence, with its arguments filled in.

A mention is what one sentence says about one event: its type, the actors
(clause subject, possessor or pre-modifier, "with"/"between" partners), the
target, the place as written, the time bound to it and the quantities near it,
and the modality cues around it. `koreabrief.extraction.events` merges mentions
into events.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re

from attrs import define, field

from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.binding import WORD as _WORD
from koreabrief.extraction.binding import (
    bind_quantities,
    bind_times,
    first_clause_break,
    lowered_cue,
    mood,
    recalled,
    words_before,
)
from koreabrief.extraction.dates import find_times
from koreabrief.extraction.places import location, person_target, target
from koreabrief.extraction.quantities import find_quantities
from koreabrief.extraction.tense import times_by_clause
from koreabrief.extraction.triggers import CASE_EXTRAS, EventLexicon, TriggerMatch
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import EventType, Quantity, Span, TimeRef

__all__ = ["EventMention", "sentence_mentions", "triggers_by_window"]

# Compiled once here rather than inline in the functions that use them.
_FROM = re.compile(r"[^,;]{0,60}?\bfrom\s+")
_BY_OF = re.compile(r"\s+(?:by|of|between|involving|with the participation of)\s+(?:the\s+)?")
_BETWEEN = re.compile(r"\s+between\s+")
_AND_GAP = re.compile(r"\s+and\s+[^,;]{0,60}")

# A name followed by a reporting verb is a source, not an actor ("Yonhap said the missile ...").
_REPORTER = re.compile(
    r"(?:['’]s)?\s+(?:\w+\s+)?(?:said|says|reported|reports|told|claimed|claims|announced)\b"
)
_TROOPISH = re.compile(
    # Military assets too: "the aircraft carrier arrived in Busan" is no diplomacy.
    r"\b(?:troops|soldiers|forces|personnel|servicemen|units|carriers?|submarines?|destroyers?|warships?"
    r"|vessels|bombers|fighter jets|strike group|fleet|battalions?|brigades?)\b[^,;.]{0,30}\Z",
    re.IGNORECASE,
)
# A name right before the verb is its subject even after a preposition ("after the North fired").
_ADJACENT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+|have\s+)?")
# "before Rubio was due to arrive": after a word that also joins clauses, a name
# followed by auxiliaries only is the verb's subject, not a preposition's object.
_AUXILIARIES = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:(?:has|had|have|was|were|is|are|will|would|could|can|may|might|should)\s+"
    r"(?:been\s+|be\s+)?)?(?:(?:due|set|scheduled|expected|slated|poised|about|going|likely|preparing"
    r"|planning|ready)\s+to\s+)?"
)
_CLAUSE_JOINER = re.compile(r"\b(?:before|after|until|till|since|as|when|while|once)\s+\Z")


def _clause_subject(text: str, n: ActorMention, trig_start: int) -> bool:
    """Whether `n` opens a clause of its own before the trigger ("days before Rubio was due to arrive")."""
    return (
        _AUXILIARIES.fullmatch(text, n.end, trig_start) is not None
        and _CLAUSE_JOINER.search(text, max(0, n.start - 8), n.start) is not None
    )


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|on)\s+(?:the\s+)?\Z")
_NOT_MODIFIERS = frozenset(
    ("the", "a", "an", "to", "of", "with", "and", "in", "on", "for", "at", "by", "as", "that", "which", "who")
)
_MAYBE_DAY = re.compile(r"day\b|\d")
_TITLE_GAP = re.compile(r"\s+(?:[A-Za-z.-]{1,20}\s+){0,3}")
# "\b(?:he|she|He|She)\b", opening with its first letter so that a search skips to
# those letters at once (a leading "\b" is tried at every character): several times faster.
# Reversed text: trailing articles ("eht" is "the") and the gaps between words, then
# the last other word (group 1). Words and gaps are complements, so runs are taken whole.
_LAST_WORD_BACK = re.compile(r"(?:[^\w'’-]*(?:eht|na|a)(?![\w'’-]))*[^\w'’-]*([\w'’-]+)", re.IGNORECASE)
_ARTICLES = frozenset(("the", "a", "an"))
_PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Ss])he|(?<=[Hh])e)\b")
_CONJ = re.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?")
_PAIR = re.compile(r"[-–/]")
_RELATIVE = re.compile(r",\s+(?:who|which|whose|where)\b[^,;]{0,300},")
_DETERMINER = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|his|her|their|such)|today['’]s|monday['’]s)\s+(?:[a-z][\w-]*\s+){0,2}\Z",
    re.IGNORECASE,
)
# The same, case-sensitive, for lower-cased text: much faster than IGNORECASE,
# which also folds the characters of CASE_EXTRAS (where those stand, the
# pattern above runs instead).
_DETERMINER_LOWERED = re.compile(_DETERMINER.pattern)
_POSSESSOR_GAP = re.compile(r"\A(?:['’]s?)?(?:\s+[a-z][\w'’-]*){0,3}\s+\Z")
_PREMOD_GAP = re.compile(r"\A(?:\s+[A-Za-z0-9][\w'’.-]*){0,3}\s+\Z")
_PERSON_FIRST_DEFAULT = frozenset(
    {
        EventType.DIPLOMATIC_VISIT,
        EventType.MEETING,
        EventType.SUMMIT,
        EventType.MARTIAL_LAW,
        EventType.IMPEACHMENT,
        EventType.ARREST,
        EventType.INAUGURATION,
        EventType.WEAPONS_DISPLAY,
    }
)


@define
class EventMention:
    """What one sentence says about one event (mutable while being built)."""

    type: EventType
    kind: str
    trigger: TriggerMatch
    sentence: Span
    actors: list[str] = field(factory=list)
    affiliations: dict[str, str] = field(factory=dict)
    target: str | None = None
    location: str | None = None
    time: TimeRef | None = None
    quantities: list[Quantity] = field(factory=list)
    mood: str = "plain"  # plain, future, hypothetical, negated
    anaphoric: bool = False
    fallback: list[str] = field(factory=list)
    owner: bool = False
    drop: bool = False
    # Named as partners after the trigger ("talks between X and Y"): kept even when anaphoric.
    partners: list[str] = field(factory=list)
    # Actors taken from before a noun trigger reached through several prepositions.
    embedded: list[str] = field(factory=list)
    # Named by a phrase after a noun trigger ("joint drills by Seoul and Washington"): specific, not generic.
    agent: bool = False


def _in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return bool(ranges) and any(a <= pos < b for a, b in ranges)


class _Sentence:
    """The mentions, names and helpers of one sentence."""

    def __init__(
        self,
        text: str,
        sent: Span,
        names: list[ActorMention],
        preps: frozenset[str],
        reaction: re.Pattern[str] | None = None,
        *,
        lowered: str | None = None,
        gazetteer: Gazetteer | None = None,
        starts: list[int] | None = None,
        extras: bool = True,
    ) -> None:
        self.text = text
        # False when `text` holds no character of CASE_EXTRAS: no range then needs the check.
        self.extras = extras
        # Tells a person's gender, so that "she" skips a man named nearer.
        self.gazetteer = gazetteer
        # `text` lower-cased, same length (see `ArticleContext.lowered`), when the caller has it.
        self.lowered = lowered
        # Verbs whose object is someone else's event ("Pyongyang criticised joint drills").
        self.reaction = reaction
        self.sent = sent
        # Every name of the article (`_states` reads them all) ...
        self.names = names
        # ... but the helpers below only ever look at those inside the sentence and
        # the 12 before it: keep that slice, so that no per-sentence work scans the article.
        # `starts` (the names' start offsets, when the caller has them) spares a list per sentence.
        if starts is None:
            starts = [n.start for n in names]
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end, lo)
        self.near = names[max(0, lo - 12) : hi]
        self.starts = starts[max(0, lo - 12) : hi]
        # Names are in text order: those of the sentence start at this index of `near`.
        self._first = lo - max(0, lo - 12)
        self.preps = preps
        self._relative: list[tuple[int, int]] | None = None
        # The same positions are asked about again and again (subject, conjuncts, target ...).
        self._before: dict[int, list[ActorMention]] = {}
        self._governed: dict[int, bool] = {}
        self._clause_end: dict[int, int] = {}

    @property
    def relative(self) -> list[tuple[int, int]]:
        """The sentence's relative clauses (", who ... ,") as offsets, found when first asked for."""
        if self._relative is None:
            found = _RELATIVE.finditer(self.text, self.sent.start, self.sent.end)
            self._relative = [(m.start(), m.end()) for m in found]
        return self._relative

    # The positions asked about all lie inside the sentence, so the `near` slice
    # gives the same names as the whole list would.
    def before(self, pos: int) -> list[ActorMention]:
        """Names of the sentence ending before `pos`, nearest first (shared: do not modify)."""
        found = self._before.get(pos)
        if found is None:
            i = bisect.bisect_left(self.starts, pos)
            # Of the 12 names before `pos`, those from `_first` on start inside the sentence.
            near = self.near[max(self._first, i - 12) : i]
            found = self._before[pos] = [n for n in reversed(near) if n.end <= pos]
        return found

    def all_before(self, pos: int) -> list[ActorMention]:
        i = bisect.bisect_left(self.starts, pos)
        return [n for n in self.near[max(0, i - 12) : i] if n.end <= pos]

    def after(self, pos: int, limit: int) -> list[ActorMention]:
        starts = self.starts
        i = bisect.bisect_left(starts, pos)
        # Of the 12 names from `pos` on, those starting before `limit` come first (text order).
        hi = min(i + 12, len(starts))
        return self.near[i : bisect.bisect_left(starts, min(limit, self.sent.end), i, hi) if i < hi else i]

    def governed(self, n: ActorMention) -> bool:
        """Whether a preposition governs the name (so it is no clause subject)."""
        found = self._governed.get(n.start)
        if found is None:
            found = self._governed[n.start] = self._is_governed(n)
        return found

    def _is_governed(self, n: ActorMention) -> bool:
        lo = max(self.sent.start, n.start - 30)
        # "The day before, Kim inspected": a comma ends the prepositional phrase.
        comma = self.text.rfind(",", lo, n.start)
        # The last word before the name that is no article, read backwards in one match.
        last = _LAST_WORD_BACK.match(self.text[comma + 1 if comma != -1 else lo : n.start][::-1])
        if last is None:
            return False
        word = last.group(1)[::-1].lower()
        # An article is captured only when no other word stands there.
        return word not in _ARTICLES and word in self.preps

    def _gender(self, n: ActorMention) -> str | None:
        entity = self.gazetteer.resolve(n.name) if self.gazetteer is not None else None
        return entity.gender if entity is not None else None

    def _of_gender(self, pronoun: re.Match[str]) -> ActorMention | None:
        """The person "he"/"she" stands for when the nearest person has the other gender."""
        want = "f" if pronoun.group(0).lower() == "she" else "m"
        people = [n for n in self.before(pronoun.start()) if n.kind == "person"]
        if not people:
            people = [n for n in self.all_before(self.sent.start) if n.kind == "person"][::-1]
        if not people or self._gender(people[0]) in (None, want):
            return None
        return next((n for n in people if self._gender(n) == want), None)

    def subject(self, trig_start: int, person_first: bool) -> ActorMention | None:
        if person_first:
            pronoun = _PRONOUN.search(self.text, self.sent.start, trig_start)
            if pronoun is not None and self.gazetteer is not None:
                gendered = self._of_gender(pronoun)
                if gendered is not None:
                    return gendered
            if pronoun is not None and not any(
                n.kind == "person" and pronoun.start() > n.end for n in self.before(pronoun.start())[:1]
            ):
                # "He met ..." at the head of a sentence: the last person named before it.
                earlier = [n for n in self.all_before(self.sent.start) if n.kind == "person"]
                if earlier and not [n for n in self.before(pronoun.start()) if n.kind == "person"]:
                    return earlier[-1]
        relative = self.relative
        inside = _in_ranges(trig_start, relative)
        wanted = ("person",) if person_first else ("state", "organisation")
        # The first of the four nearest candidates of the wanted kind, else the nearest:
        # candidates are checked one by one, only as far as needed.
        first = None
        count = 0
        for n in self.before(trig_start):
            if (
                (
                    not self.governed(n)
                    or _ADJACENT.fullmatch(self.text, n.end, trig_start)
                    or _clause_subject(self.text, n, trig_start)
                )
                and (inside or not _in_ranges(n.start, relative))
                and not (n.kind == "organisation" and _REPORTER.match(self.text, n.end))
            ):
                if n.kind in wanted:
                    return n
                if first is None:
                    first = n
                count += 1
                if count == 4:
                    break
        return first

    def conjuncts(self, head: ActorMention) -> list[ActorMention]:
        """Names coordinated before `head` ("Seoul and Washington will ...")."""
        out = [head]
        for n in self.before(head.start):
            gap = self.text[n.end : out[-1].start]
            if n.kind == "person" != head.kind and len(out) == 1 and _CONJ.fullmatch(gap) and "and" in gap:
                # "Putin and North Korean leader Kim Jong Un": the person the adjective names is the head.
                person = self._modified(head)
                if person is not None and not self.governed(n):
                    head = person
                    out = [person, n]
                    continue
            if len(out) == 1 and n.kind == head.kind == "state" and _PAIR.fullmatch(gap):
                # "South Korea-US joint drills", "the Moscow-Pyongyang treaty": both sides.
                if not self.governed(n):
                    out.append(n)
                break
            if (
                n.kind == head.kind
                and _CONJ.fullmatch(gap)
                and (len(out) > 1 or "and" in gap)
                and self.governed(n)
            ):
                # "the leaders of South Korea, Japan and China": the group noun's "of"
                # governs the whole list, whose first member it stands before.
                if _GROUP_OF.search(self.text, max(self.sent.start, n.start - 40), n.start):
                    out.append(n)
                break
            if n.kind != head.kind or not _CONJ.fullmatch(gap) or self.governed(n):
                break
            if len(out) == 1 and "and" not in gap:
                # "a visit to South Korea, North Korea fired": a comma alone is no list.
                break
            out.append(n)
        return out[::-1]

    def _modified(self, head: ActorMention) -> ActorMention | None:
        """The person a state adjective introduces ("North Korean leader Kim Jong Un"), if any."""
        nxt = self.after(head.end, head.end + 60)[:1]
        if (
            nxt
            and nxt[0].kind == "person"
            and nxt[0].affiliation == head.name
            and _TITLE_GAP.fullmatch(self.text, head.end, nxt[0].start)
        ):
            return nxt[0]
        return None

    def following(self, first: ActorMention) -> list[ActorMention]:
        """Names coordinated after `first` ("drills by Seoul and Washington")."""
        out = []
        last = first
        closed = 0  # the list ends at its "and": "by North Korea, Japan said" names one side
        for n in self.after(first.end, self.sent.end)[:4]:
            gap = self.text[last.end : n.start]
            if n.kind != first.kind or not _CONJ.fullmatch(gap):
                break
            out.append(n)
            last = n
            if "and" in gap:
                closed = len(out)
                break
        return out[:closed]

    def clause_end(self, pos: int) -> int:
        found = self._clause_end.get(pos)
        if found is None:
            b = first_clause_break(self.text, pos, self.sent.end)
            found = self._clause_end[pos] = b if b != -1 else self.sent.end
        return found


def _possessor(s: _Sentence, trig: TriggerMatch) -> ActorMention | None:
    if trig.first_word() in _NOT_MODIFIERS:
        # "traveled to Beijing for talks": a trigger opening with a preposition has no pre-modifier.
        return None
    for n in s.before(trig.start)[:2]:
        gap = s.text[n.end : trig.start]
        if _POSSESSOR_GAP.match(gap) or (_PREMOD_GAP.match(gap) and "," not in gap and len(gap) < 40):
            words = {w.lower() for w in _WORD.findall(gap)}
            if words & _NOT_MODIFIERS or words & s.preps or _MAYBE_DAY.search(gap):
                continue
            if s.reaction is not None and s.reaction.search(gap):
                continue  # "Pyongyang criticised joint drills": a verb, not a pre-modifier
            return n
    return None


def _determiner_before(s: _Sentence, lo: int, hi: int) -> bool:
    """Whether `_DETERMINER` matches in text[lo:hi] (on the lower-cased text when there is one)."""
    if s.lowered is not None and (not s.extras or CASE_EXTRAS.search(s.text, lo, hi) is None):
        return _DETERMINER_LOWERED.search(s.lowered, lo, hi) is not None
    return _DETERMINER.search(s.text, lo, hi) is not None


def _object_names(s: _Sentence, trig: TriggerMatch) -> list[ActorMention]:
    """Partners after the trigger: "with X", "between X and Y", "met X"."""
    end = s.clause_end(trig.end)
    rest = s.text[trig.end : end]
    out = []
    m = _PARTNER_CUE.match(rest)
    if m is not None and m.group(0).endswith("and") and not _NAME_NEXT.match(rest, m.end()):
        m = None  # "a summit and delighted Washington": a new verb phrase, no partner
    if m or _MEETS.search(trig.text):
        found = s.after(trig.end, end + 80 if m and "between" in m.group(0) else end)
        # "in Singapore", "at Camp David": a place, not a partner.
        found = [n for n in found if not _PLACE_BEFORE.search(s.text, max(0, n.start - 12), n.start)]
        people = [n for n in found if n.kind == "person"]
        out = people[:3] or [n for n in found if n.kind == "organisation"][:1] or found[:1]
    return out


_PARTNER_CUE = re.compile(r"\s*(?:\w+\s+){0,2}?(?:with|between|and)\b")
_NAME_NEXT = re.compile(r"\s+(?:the\s+)?[A-Z]")
# A plural group noun and "of" right before a name: "the leaders of", "top diplomats of the".
_GROUP_OF = re.compile(
    r"\b(?:leaders|heads|ministers|diplomats|officials|delegations|representatives|envoys|negotiators"
    r"|militaries|navies|armies|forces|governments|chiefs|presidents|spy agencies|coast guards)"
    r"\s+of\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# A trigger whose own words take the partner as object: "met X", "talks with X", "hosted ... X".
_MEETS = re.compile(
    r"(?:with|met|meet|meets)\s*\Z|\A(?:hosted|hosts|hosting|host|welcomed|welcomes|received|receives)\b",
    re.IGNORECASE,
)

_TEMPORAL_WORD = re.compile(
    r"\d|(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last|this|early|late)\b"
)

# How far past a trigger its patterns' look-aheads read.
_LOOKAHEAD = 24

_Settings = tuple[
    frozenset[str],
    frozenset[EventType],
    frozenset[EventType],
    frozenset[EventType],
    dict[str, str],
    frozenset[str],
    dict[str, str],
]


def _settings(lex: EventLexicon) -> _Settings:
    cached = lex.cache.get("event_mentions.settings")
    if cached is None:
        cached = lex.cache["event_mentions.settings"] = _build_settings(lex)
    return cached


def _build_settings(lex: EventLexicon) -> _Settings:
    """Word sets from the lexicon, built once per lexicon."""
    preps = frozenset(lex.words("actors", "prepositions"))
    person_first = (
        frozenset(EventType(t) for t in lex.words("actor_kinds", "person_first")) or _PERSON_FIRST_DEFAULT
    )
    no_actors = frozenset(EventType(t) for t in lex.words("actor_kinds", "no_actors"))
    state_only = frozenset(EventType(t) for t in lex.words("actor_kinds", "state_only"))
    sides = dict(lex.data.get("deployment", {}).get("side_of_theatre", {}))
    # The types that take a unit (and so may receive a quantity).
    units = frozenset(t for t, accepted in lex.data.get("units", {}).items() if accepted)
    places = dict(lex.data.get("visit", {}).get("place_state", {}))
    return preps, person_first, no_actors, state_only, sides, units, places


def sentence_mentions(
    text: str,
    sent: Span,
    names: list[ActorMention],
    *,
    lex: EventLexicon,
    gazetteer: Gazetteer,
    published: dt.date | None,
    warnings: list[str],
    lowered: str | None = None,
    triggers: list[TriggerMatch] | None = None,
    times_from: int = 0,
    starts: list[int] | None = None,
    extras: bool = True,
) -> list[EventMention]:
    """The event mentions of one sentence, in text order.

    `triggers` are the sentence's trigger matches when the caller found them
    already (see `triggers_by_window`). Time expressions before `times_from`
    (a dateline's date) date no event. `starts` are the start offsets of
    `names`, when the caller reads many sentences of one text; `extras` False
    says that `text` holds no character of `CASE_EXTRAS`.
    """
    trigs = lex.find(text, sent.start, sent.end, lowered=lowered) if triggers is None else triggers
    if not trigs:
        return []
    preps, person_first, no_actors, state_only, sides, unit_types, places = _settings(lex)
    s = _Sentence(
        text,
        sent,
        names,
        preps,
        lex.cue("governors.reaction"),
        lowered=lowered,
        gazetteer=gazetteer,
        starts=starts,
        extras=extras,
    )
    quick = lowered_cue(lex, "tense.future") if lowered is not None and not extras else None
    if quick is not None and lowered is not None:
        future = quick.search(lowered, sent.start, sent.end) is not None
    else:
        future = lex.cue_search("tense.future", text, sent.start, sent.end, lowered) is not None
    times = find_times(
        text, max(sent.start, times_from), sent.end, published=published, future=future, warnings=warnings
    )
    if future and published is not None and times:
        # Some clause of a future-tense sentence may report the past: those read backward.
        backward = find_times(text, max(sent.start, times_from), sent.end, published=published, warnings=[])
        times = times_by_clause(text, sent.start, times, backward, lex)
        behind = {id(t) for t in backward}
    else:
        behind = set()
    times = [t for t in times if not _since_superlative(text, sent.start, t)]
    out: list[EventMention] = []
    for trig in trigs:
        m = EventMention(type=trig.trigger.type, kind=trig.trigger.kind, trigger=trig, sentence=sent)
        m.mood = mood(text, lex, sent, trig, extras=extras)
        _fill_arguments(
            s,
            m,
            trig,
            previous=out,
            person_first=person_first,
            no_actors=no_actors,
            sides=sides,
            gazetteer=gazetteer,
            state_only=state_only,
            places=places,
        )
        if _participle_of(text, sent.start, trig):
            reporter = _reporter_before(s, out[-1].trigger.end if out else sent.start, trig.start)
            if reporter is not None:
                # "X will send troops, Shoigu said after holding talks": the reporter held them.
                m.actors = [reporter, *(p for p in m.partners if p != reporter)]
            elif out:
                _share_subject(out[-1], m)
            else:
                _sentence_subject(s, m)
        out.append(m)
    bind_times(text, out, times)
    for m in out:
        if m.time is not None and id(m.time) in behind and m.mood in ("future", "hypothetical"):
            m.time = None  # a past clause's day dates no event still to come
    _share_occasions(text, out)
    for m in out:
        if m.embedded and recalled(m.time, published):
            # A past event recalled in a prepositional phrase: its actors are not the clause's.
            m.actors = [a for a in m.actors if a not in m.embedded]
    if any(m.type.value in unit_types for m in out):
        # Only types that take a unit ever receive a quantity.
        found = find_quantities(text, sent.start, sent.end, warnings=warnings, lowered=lowered)
        # An altitude is no distance flown: outlets giving both would seem to disagree.
        found = [
            q
            for q in found
            if q.span is None or not _ALTITUDE.search(text, max(0, q.span.start - 30), q.span.start)
        ]
        bind_quantities(out, found, lex)
    for m in out:
        _judge_generic(m, text, lowered if not extras else None)
    return [m for m in out if not m.drop and m.mood != "generic"]


_ALTITUDE = re.compile(r"\b(?:altitude|apogee|height|ceiling)\s+(?:of\s+)?$", re.IGNORECASE)
# A superlative or "first" before "since X": "the first ICBM launch since October", "the
# most senior official to visit since 2019" -- X is when the last such event was.
_SUPERLATIVE = re.compile(
    r"\b(?:first|largest|biggest|most|highest|longest|strongest|closest|heaviest|furthest|farthest|greatest"
    r"|worst|best|deadliest|fiercest|lowest|fastest|only|top|highest-ranking|highest-level)\b[^,;:.]{0,80}$",
    re.IGNORECASE,
)


def _since_superlative(text: str, lo: int, t: TimeRef) -> bool:
    """Whether `t` is a "since X" after a superlative: it dates the previous such event, not this one."""
    if t.span is None or not t.text[:6].lower().startswith("since "):
        return False
    return _SUPERLATIVE.search(text, max(lo, t.span.start - 100), t.span.start) is not None


# A participle clause after a subordinator: "is expected to host Trump next week, before
# traveling to Seoul" -- its subject is the clause's.
_SUBORDINATOR = re.compile(r"\b(?:before|after|while|upon|without|then)\s+\Z", re.IGNORECASE)


def _participle_of(text: str, lo: int, trig: TriggerMatch) -> bool:
    """Whether the trigger opens a participle clause after "before", "after", "while" ..."""
    # A first word ending in "ing" holds a "g" (of all characters only "G" lower-cases to
    # one): most triggers have none, and need not be split and lower-cased.
    return (
        ("g" in trig.text or "G" in trig.text)
        and trig.first_word().endswith("ing")
        and _SUBORDINATOR.search(text, max(lo, trig.start - 10), trig.start) is not None
    )


def _reporter_before(s: _Sentence, lo: int, hi: int) -> str | None:
    """The named speaker of a reporting verb between `lo` and a participle at `hi`, if any."""
    for n in s.before(hi):
        if n.start < lo:
            break
        if n.name and _REPORTER.match(s.text, n.end):
            return n.name
    return None


def _sentence_subject(s: _Sentence, m: EventMention) -> None:
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


def _share_subject(main: EventMention, m: EventMention) -> None:
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
# The same for lower-cased text with no character of CASE_EXTRAS (see `_DETERMINER_LOWERED`).
_TALLY_AFTER_LOWERED = re.compile(_TALLY_AFTER.pattern)
# A count above one just before a plural event noun ("six nuclear tests", "dozens of launches").
_COUNT_BEFORE = re.compile(
    r"\b(?:[2-9]|\d{2,}|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of"
    r"|several|multiple|numerous)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# Watching a display is not staging it: "to attend a military parade".
_SPECTATOR = re.compile(
    r"\b(?:attend|attends|attended|attending|watch|watches|watched|watching|view|views|viewed|viewing"
    r"|observe|observes|observed|observing|witness|witnessed|review|reviewed)\s+(?:(?:the|a|an|this)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


# "in (an apparent) protest against ...", "as a protest": a motive, not a demonstration.
_PURPOSE_PROTEST = re.compile(
    r"\b(?:in|as)\s+(?:an?\s+)?(?:apparent\s+|possible\s+|likely\s+|clear\s+|seeming\s+|angry\s+)?$",
    re.IGNORECASE,
)


# A host verb alone as a trigger: the guest's name must follow at once.
_BARE_HOST = re.compile(r"(?i:hosted|hosts|hosting|host)")


# What links an event to the occasion it happens at: "meet Trump at the G7 summit",
# "talks on the sidelines of the APEC forum".
_OCCASION_BEFORE = re.compile(
    r"\b(?:at|during|for|(?:sidelines|margins|side) of)\s+"
    r"(?:(?:the|a|an|this|next|its|their)\s+)?(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _share_occasions(text: str, mentions: list[EventMention]) -> None:
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


def triggers_by_window(
    text: str, windows: list[Span], lex: EventLexicon, lowered: str
) -> list[list[TriggerMatch]]:
    """`lex.find` for each window, from one scan of the whole text.

    One scan saves the per-call set-up of a scan per sentence. A match running
    over a window edge (which a scan per window would not have made) sends
    the windows it touches back to a scan of their own, so the result is the
    same as calling `lex.find` window by window.
    """
    if not windows:
        return []
    found = lex.find(text, windows[0].start, windows[-1].end, lowered=lowered)
    out: list[list[TriggerMatch]] = [[] for _ in windows]
    ends = [w.end for w in windows]
    redo: set[int] = set()
    for t in found:
        i = bisect.bisect_right(ends, t.start)
        if i >= len(windows) or t.start < windows[i].start or t.end > windows[i].end:
            last = min(bisect.bisect_left(ends, t.end), len(windows) - 1)
            redo.update(range(min(i, len(windows) - 1), last + 1))
            continue
        out[i].append(t)
    for i, w in enumerate(windows):
        if w.end < len(text) and (text[w.end].isalnum() or text[w.end] in "_-"):
            redo.add(i)  # the edge cuts a word: a scan of its own ends matches differently
        elif out[i] and out[i][-1].end > w.end - _LOOKAHEAD and i not in redo:
            # A look-ahead may have read past the edge ("visit" + " to "): check that match alone.
            t = out[i][-1]
            again = lex.find(text, t.start, w.end, lowered=lowered)
            if not again or (again[0].start, again[0].end, again[0].trigger) != (t.start, t.end, t.trigger):
                redo.add(i)
    for i in redo:
        out[i] = lex.find(text, windows[i].start, windows[i].end, lowered=lowered)
    return out


def _add(m: EventMention, n: ActorMention | None) -> None:
    if n is not None and n.name not in m.actors:
        m.actors.append(n.name)
        if n.affiliation:
            m.affiliations[n.name] = n.affiliation


def _fill_arguments(
    s: _Sentence,
    m: EventMention,
    trig: TriggerMatch,
    *,
    previous: list[EventMention],
    person_first: frozenset[EventType],
    no_actors: frozenset[EventType],
    sides: dict[str, str],
    gazetteer: Gazetteer,
    state_only: frozenset[EventType] = frozenset(),
    places: dict[str, str] | None = None,
) -> None:
    text = s.text
    pf = m.type in person_first
    kind = m.kind
    if kind == "anaphor":
        m.anaphoric = True
        # "a North Korean ballistic missile appears to have fallen ...": the state before
        # the missile acts when no earlier event is there to refer back to.
        _add(m, _possessor(s, trig))
    elif kind == "exchange":
        prev = previous[-1] if previous else None
        if prev is not None:
            m.actors = [prev.target] if prev.target else []
            m.target = prev.actors[0] if prev.actors else None
        return
    elif kind == "consequence":
        prev = previous[-1] if previous else None
        if prev is not None:
            m.actors = list(prev.actors)
        return
    elif kind == "receive":
        subj = s.subject(trig.start, False)
        # Who inflicts losses is no party to them: only a receiver of arms is a target.
        m.target = subj.name if subj and m.type is not EventType.CASUALTIES else None
        inner = [n for n in s.after(trig.start, trig.end) if n.end <= trig.end]
        source = inner[0] if inner else None
        if source is None:
            frm = _FROM.match(text[trig.end : s.sent.end])
            after = s.after(trig.end + frm.end(), trig.end + frm.end() + 40) if frm else []
            source = after[0] if after else None
        _add(m, source)
    elif kind == "noun":
        owner = _possessor(s, trig)
        if owner is not None:
            m.owner = True
            for n in s.conjuncts(owner):  # "Seoul and Washington's joint drills"
                _add(m, n)
        elif _determiner_before(s, max(s.sent.start, trig.start - 60), trig.start):
            m.anaphoric = True
        by = _BY_OF.match(text[trig.end : trig.end + 12])
        if by and not m.actors and m.type not in (EventType.IMPEACHMENT, EventType.ARREST):
            after = s.after(trig.end, trig.end + by.end() + 60)
            wanted = [n for n in after if (n.kind == "person") == pf]
            pick = wanted[0] if wanted else (after[0] if after else None)
            if pick is not None:
                _add(m, pick)
                for n in s.following(pick):
                    _add(m, n)
                m.anaphoric = False
                m.agent = True
        if not m.actors and m.type not in no_actors:
            subj = s.subject(trig.start, pf)
            for n in s.conjuncts(subj) if subj is not None else ():
                _add(m, n)
    else:
        if m.type is EventType.DIPLOMATIC_VISIT and _TROOPISH.search(
            text, max(s.sent.start, trig.start - 60), trig.start
        ):
            # "1,500 special forces arrived in Vladivostok" is a deployment, not a visit.
            m.type = EventType.TROOP_DEPLOYMENT
            pf = False
        subj = s.subject(trig.start, pf)
        for n in s.conjuncts(subj) if subj is not None else ():
            _add(m, n)
    if m.type is EventType.MEETING and _BARE_HOST.fullmatch(trig.text):
        guest = next(iter(s.after(trig.end, trig.end + 3)), None)
        if guest is None or guest.kind != "person":
            m.drop = True  # "hosted a dinner", "will host the games": no guest named
    if m.type in (EventType.MEETING, EventType.SUMMIT):
        _meeting_partners(s, m, trig)
    if m.type is EventType.SUMMIT and not m.anaphoric:
        # "Yoon joined Biden and Kishida for a summit": everyone named in the clause.
        lo = words_before(text, s.sent.start, trig.start, 40)
        for n in s.before(trig.start)[::-1]:
            if n.start >= lo and n.kind == "person" and len(m.actors) < 5:
                _add(m, n)
    if m.type is EventType.MARTIAL_LAW and not m.owner:
        person = next((n for n in s.before(trig.start) if n.kind == "person"), None)
        if person is not None:
            m.actors = []
            _add(m, person)
            m.anaphoric = False
    if m.type in state_only:
        affiliations = [m.affiliations.get(a) for a in m.actors]
        states = _states(s)  # once, not once per actor: it reads every name of the article
        m.actors = [a for a in m.actors if a in states] or [a for a in affiliations if a][:1]
        if not m.actors:
            _add(m, next((n for n in s.before(trig.start) if n.kind == "state"), None))
        if not m.actors:
            person = next((n for n in s.before(trig.start) if n.affiliation), None)
            if person is not None and person.affiliation:
                m.actors = [person.affiliation]
    if m.type in (EventType.IMPEACHMENT, EventType.ARREST):
        m.target = person_target(s, trig)
        m.actors = []
    if m.type is EventType.PROTEST and _PURPOSE_PROTEST.search(
        text, max(s.sent.start, trig.start - 30), trig.start
    ):
        m.drop = True  # "fired missiles in an apparent protest against the drills": a motive, no crowd
    if m.type is EventType.PROTEST and trig.text[:1] in "pP" and trig.text.lower().startswith("protested"):
        subj = s.subject(trig.start, False)
        if (
            subj is not None
            and subj.kind in ("state", "organisation")
            and first_clause_break(s.text, subj.end, trig.start) == -1
        ):
            m.drop = True  # "Japan protested after the launch": a government's note, not a crowd
    if m.type in no_actors:
        m.actors = []
    if m.type not in (EventType.ARMS_TRANSFER, EventType.TECHNOLOGY_TRANSFER):
        m.location = location(s, m, trig)
    target(s, m, trig, sides, gazetteer, places=places)
    if (
        m.type is EventType.WEAPONS_DISPLAY
        and kind == "noun"
        and _SPECTATOR.search(text, max(s.sent.start, trig.start - 40), trig.start)
    ):
        # "arrived in Beijing to attend a military parade": a spectator is not the one
        # parading; the owner named ("North Korea's parade") or the place's state is.
        own = _possessor(s, trig)
        place = gazetteer.resolve(m.location) if m.location else None
        if own is not None and own.kind == "state":
            m.actors = [own.name]
        elif place is not None and place.kind == "state":
            m.actors = [place.name]
        else:
            m.actors = []
    if m.type in (EventType.ARMS_TRANSFER, EventType.TECHNOLOGY_TRANSFER):
        _as_states(m, gazetteer)
    if kind == "noun" and not m.owner and m.actors and m.type not in state_only:
        m.embedded = _embedded(s, m, trig)
    if m.anaphoric:
        # Used only when no earlier event of the type is there to refer back to;
        # partners named with the mention itself still join the event referred to.
        m.fallback, m.actors = m.actors, [a for a in m.actors if a in m.partners]


def _embedded(s: _Sentence, m: EventMention, trig: TriggerMatch) -> list[str]:
    """Actors named before a noun trigger that several prepositions hang below.

    "officials assured Jane Roe of their support for the plan agreed
    at the 2021 summit": Jane Roe is the main clause's, not the summit's.
    Temporal phrases ("in 2023") do not count.
    """
    out = []
    for name in m.actors:
        n = next((n for n in s.before(trig.start) if n.name == name), None)
        if n is None:
            continue
        words = _WORD.findall(s.text[n.end : trig.start])
        preps = 0
        for i, w in enumerate(words):
            if w.lower() in s.preps and not (i + 1 < len(words) and _TEMPORAL_WORD.match(words[i + 1])):
                preps += 1
                if preps == 2:  # two are enough: no need to read on
                    out.append(name)
                    break
    return out


def _state_of(name: str, affiliation: str | None, gazetteer: Gazetteer) -> str:
    if affiliation is None:
        return name
    ent = gazetteer.resolve(affiliation)
    return ent.name if ent is not None and ent.kind == "state" else name


def _as_states(m: EventMention, gazetteer: Gazetteer) -> None:
    """Transfers are between states: "Russian military equipment" is Russia's."""
    actors: list[str] = []
    for a in m.actors:
        state = _state_of(a, m.affiliations.get(a), gazetteer)
        if state not in actors:
            actors.append(state)
    m.actors = actors
    if m.target is not None:
        ent = gazetteer.resolve(m.target)
        if ent is not None and ent.kind != "state":
            m.target = _state_of(m.target, ent.affiliation, gazetteer)


def _states(s: _Sentence) -> set[str]:
    return {n.name for n in s.names if n.kind == "state"}


def _meeting_partners(s: _Sentence, m: EventMention, trig: TriggerMatch) -> None:
    between = _BETWEEN.match(s.text[trig.end : trig.end + 12])
    partners = _object_names(s, trig)
    if between:
        m.actors = []
    for n in partners:
        _add(m, n)
        m.partners.append(n.name)
    if m.kind == "verb" or m.actors:
        # "Jane Roe and her counterpart John Doe denounced it at a joint briefing".
        first = next((n for n in s.before(trig.start) if n.name in m.actors), None)
        if first is not None:
            for n in s.before(first.start)[:2]:
                gap = s.text[n.end : first.start]
                if n.kind == "person" and _AND_GAP.fullmatch(gap):
                    _add(m, n)
    elif not between and partners:
        return
    if m.kind == "noun" and not m.owner and len(m.actors) == 1 and partners:
        # "During talks with X, Jane Roe said ...": the other side is the main clause's subject.
        end = s.clause_end(trig.end)
        nxt = [n for n in s.after(end, s.sent.end) if n.kind == "person"]
        if nxt:
            _add(m, nxt[0])


def _judge_generic(m: EventMention, text: str, lowered: str | None = None) -> None:
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
    if _COUNT_BEFORE.search(text, max(m.sentence.start, trig.start - 30), trig.start):
        m.drop = True  # "has conducted six nuclear tests since 2006": a tally of many events
    elif not m.owner and not m.agent and m.time is None:
        m.drop = True
