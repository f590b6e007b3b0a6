"""Event mentions: one per trigger in a sentence, with its arguments filled in.

A mention is what one sentence says about one event: its type, the actors
(clause subject, possessor or pre-modifier, "with"/"between" partners), the
target, the place as written, the time bound to it and the quantities near it,
and the modality cues around it. `koreabrief.extraction.events` merges mentions
into events. The sentence view read here is `koreabrief.extraction.clauses`;
the checks across a sentence's mentions are `koreabrief.extraction.mention_checks`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re

from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.binding import bind_quantities, bind_times, mood, recalled
from koreabrief.extraction.clauses import REPORTER, Sentence, determiner_before, object_names, possessor
from koreabrief.extraction.dates import find_times
from koreabrief.extraction.mention import EventMention
from koreabrief.extraction.mention_checks import (
    basis_only,
    concluded_summits,
    generic,
    participle_of,
    reporter_before,
    sentence_subject,
    shared_occasions,
    shared_subject,
    since_superlative,
)
from koreabrief.extraction.places import location, person_target, target
from koreabrief.extraction.quantities import find_quantities
from koreabrief.extraction.tense import times_by_clause
from koreabrief.extraction.text import WORD as _WORD
from koreabrief.extraction.text import TextLayer
from koreabrief.extraction.triggers import EventLexicon, TriggerMatch
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import EventType, Precision, Span, TimeRef

__all__ = ["EventMention", "sentence_mentions", "triggers_by_window"]

# Compiled once here rather than inline in the functions that use them.
_FROM = re.compile(r"[^,;]{0,60}?\bfrom\s+")
# "launches by/of/from North Korea": the agent after a noun trigger.
_BY_OF = re.compile(r"\s+(?:by|of|from|between|involving|with the participation of)\s+(?:the\s+)?")
_OF_AGENT = re.compile(r"\s+(?:of|by)\s+(?:the\s+)?", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+between\s+")
_AND_GAP = re.compile(r"\s+and\s+[^,;]{0,60}")

_TROOPISH = re.compile(
    # Military assets too: "the aircraft carrier arrived in Busan" is no diplomacy, nor
    # "riot police, soldiers and two helicopters reached the legislature".
    r"\b(?:troops|soldiers|forces|personnel|servicemen|units|carriers?|submarines?|destroyers?|warships?"
    r"|vessels|bombers|fighter jets|strike group|fleet|battalions?|brigades?|paratroopers|marines"
    r"|commandos|helicopters|tanks|armou?red vehicles)\b[^,;.]{0,30}\Z",
    re.IGNORECASE,
)
# Who crosses decides what the crossing is: "two drones crossed the border" is an
# incursion, "a soldier crossed the border" one person's crossing.
_INCURSIVE = re.compile(
    r"\b(?:drones?|uavs?|unmanned aerial vehicles?|aircraft|warplanes?|military planes|bombers"
    r"|fighter jets|jets|helicopters|patrol boats?|vessels?|boats|warships?|ships"
    r"|troops|soldiers|forces|guards|units)\b"
    r"(?:\s+(?:that|which|had|have|has|reportedly|briefly|allegedly|apparently|then))*\s*\Z",
    re.IGNORECASE,
)
# "officers who traveled to Russia alongside thousands of soldiers": they went with troops.
_WITH_TROOPS = re.compile(
    r"[^,;.]{0,50}?\b(?:alongside|accompanying|leading|together\s+with)\s+(?:[\w,-]+\s+){0,4}?"
    r"(?:troops|soldiers|forces|servicemen|units)\b",
    re.IGNORECASE,
)
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


# "entered orbit 12 minutes later", "two days later": a span counted forward inside the
# story's past, no cue that the sentence reports what is still to come.
_SPAN_BEFORE = re.compile(
    r"(?<![\w-])(?:\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|some)"
    r"\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+\Z",
    re.IGNORECASE,
)


def _future_cue(text: str, sent: Span, lex: EventLexicon, lowered: str | None, *, extras: bool) -> bool:
    """Whether the sentence holds a future-tense cue other than a span's "later"."""
    pos = sent.start
    while pos < sent.end:
        found = lex.cue_search("tense.future", text, pos, sent.end, lowered, extras=extras)
        if found is None:
            return False
        if found.group(0).lower() != "later" or not _SPAN_BEFORE.search(
            text, max(sent.start, found.start() - 30), found.start()
        ):
            return True
        pos = found.end()
    return False


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
    layer: TextLayer | None = None,
) -> list[EventMention]:
    """The event mentions of one sentence, in text order.

    `triggers` are the sentence's trigger matches when the caller found them
    already (see `triggers_by_window`). Time expressions before `times_from`
    (a dateline's date) date no event. `starts` are the start offsets of
    `names`, when the caller reads many sentences of one text; `extras` False
    says that `text` holds no character of `CASE_EXTRAS`; `layer` is the
    article's text layer (`ArticleContext.text_layer`), when the caller shares it.
    """
    trigs = lex.find(text, sent.start, sent.end, lowered=lowered) if triggers is None else triggers
    if not trigs:
        return []
    preps, person_first, no_actors, state_only, sides, unit_types, places = _settings(lex)
    words = (layer or TextLayer(text)).sentence(sent.start, sent.end)
    s = Sentence(
        text,
        sent,
        names,
        preps,
        lex.cue("governors.reaction"),
        lowered=lowered,
        gazetteer=gazetteer,
        starts=starts,
        extras=extras,
        layer=words,
    )
    future = _future_cue(text, sent, lex, lowered, extras=extras)
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
    times = _apposed_days(text, times, published)
    recalls = [t for t in times if since_superlative(text, sent.start, t)]
    if recalls:
        times = [t for t in times if not any(t is r for r in recalls)]
    out: list[EventMention] = []
    for trig in trigs:
        m = EventMention(type=trig.trigger.type, kind=trig.trigger.kind, trigger=trig, sentence=sent)
        m.mood = mood(text, lex, sent, trig, extras=extras, layer=words)
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
        if participle_of(text, sent.start, trig):
            reporter = reporter_before(s, out[-1].trigger.end if out else sent.start, trig.start)
            if reporter is not None:
                # "X will send troops, Shoigu said after holding talks": the reporter held them.
                m.actors = [reporter, *(p for p in m.partners if p != reporter)]
            elif out:
                shared = shared_subject(out[-1], m)
                if shared is not None:
                    m.actors, affiliations, m.mood = shared
                    m.affiliations.update(affiliations)
            else:
                first = sentence_subject(s, trig.start)
                if first is not None:
                    m.actors = []
                    _add(m, first)
        out.append(m)
    bind_times(text, out, times)
    for t in recalls:
        _recall(text, out, t)
    _same_in_which(text, out)
    out.extend(_arms_beside_troops(out))
    for m in out:
        lo = max(sent.start, m.trigger.start - 40)
        if m.type is EventType.MARTIAL_LAW and _LIFTED.search(text, lo, m.trigger.start):
            # "lifted martial law early Wednesday": the lifting's day and doer say nothing of
            # when or by whom it was declared; the mention only tells that it was. The day
            # is the lifting's own (`martial_law_lifted`), when that act is read.
            for o in out:
                if o.type is EventType.MARTIAL_LAW_LIFTED and lo <= o.trigger.start < m.trigger.start:
                    o.time = o.time or m.time
            m.time, m.actors, m.partners = None, [], []
        if m.time is not None and id(m.time) in behind and m.mood in ("future", "hypothetical"):
            m.time = None  # a past clause's day dates no event still to come
    for i, event_time, occasion_time, occasion_mood in shared_occasions(text, out, words):
        out[i].time, out[i + 1].time, out[i + 1].mood = event_time, occasion_time, occasion_mood
    for i, concluded in concluded_summits(text, out):
        out[i].time, out[i].concluded = concluded, True
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
        for m, taken in zip(out, bind_quantities(out, found, lex), strict=True):
            m.quantities.extend(taken)
    for m in out:
        m.drop = (
            m.drop
            or generic(m, text, lowered if not extras else None)
            or basis_only(m, text)
            or _state_protest(s, m)
        )
    return [m for m in out if not m.drop and m.mood != "generic"]


_ARMS_OBJECT = re.compile(
    r"\b(?:military\s+equipment|equipment|weapons|weaponry|arms|ammunition|munitions|shells|missiles|rockets)\s+and\b",
    re.IGNORECASE,
)


_APPOSITION = re.compile(r"\s*,\s*")
_LAST_WEEK = re.compile(r"\b(?:last|past|previous)\s+week\b", re.IGNORECASE)


def _apposed_days(text: str, times: list[TimeRef], published: dt.date | None) -> list[TimeRef]:
    """The times without a month or week that a day set off by a comma right after it
    narrows ("Earlier this week, on Tuesday, ...", "Last month, on March 5, ..."): the
    day dates the event. A weekday read in the week of publication after "last week"
    is not that week's: the coarser time stays."""
    out: list[TimeRef] = []
    for k, t in enumerate(times):
        nxt = times[k + 1] if k + 1 < len(times) else None
        if (
            nxt is not None
            and t.span is not None
            and nxt.span is not None
            and t.precision is not Precision.DAY
            and nxt.precision is Precision.DAY
            and (t.iso is None or (nxt.iso or "").startswith(t.iso))
            and _APPOSITION.fullmatch(text, t.span.end, nxt.span.start) is not None
            and not (
                _LAST_WEEK.search(t.text)
                and nxt.date is not None
                and published is not None
                and (published - nxt.date).days < 7
            )
        ):
            continue
        out.append(t)
    return out


# The end of martial law: "lifted (the) emergency martial law", "the revocation of martial law".
_LIFTED = re.compile(
    r"\b(?:lift(?:ed|s|ing)?|revok(?:ed|es|e|ing)|rescind(?:ed|s|ing)?|repeal(?:ed|s|ing)?|end(?:ed|s|ing)?"
    r"|withdr(?:ew|aw|awn|awing)|scrapp(?:ed|ing)|annull(?:ed|ing)"
    r"|(?:lifting|end|revocation|repeal|withdrawal)\s+(?:of|to))\s+(?:the\s+)?(?:emergency\s+)?\Z",
    re.IGNORECASE,
)
_RIGHT_BEFORE = re.compile(r"\s{1,3}")
# "Farmers in South Korea protest": the state is where the crowd is, not who objects.
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|across|throughout|around|of|from|at|outside|inside)\s+(?:the\s+)?\Z", re.IGNORECASE
)


def _state_protest(s: Sentence, m: EventMention) -> bool:
    """A protest made by a state named right before it ("as Seoul and Tokyo protest",
    "Beijing protested over the drills"): a government's objection, no crowd in the street."""
    if m.type is not EventType.PROTEST:
        return False
    nearest = next(iter(s.before(m.trigger.start)), None)
    return (
        nearest is not None
        and nearest.kind == "state"
        and _RIGHT_BEFORE.fullmatch(s.text, nearest.end, m.trigger.start) is not None
        and _PLACE_PREPOSITION.search(s.text, max(s.sent.start, nearest.start - 12), nearest.start) is None
    )


def _arms_beside_troops(out: list[EventMention]) -> list[EventMention]:
    """"Sending military equipment and 10,000 troops": one verb, two transfers -- arms as well."""
    extra = []
    for m in out:
        if m.type is EventType.TROOP_DEPLOYMENT and m.kind == "verb" and _ARMS_OBJECT.search(m.trigger.text):
            arms = EventMention(
                type=EventType.ARMS_TRANSFER, kind=m.kind, trigger=m.trigger, sentence=m.sentence
            )
            arms.actors = list(m.actors)
            arms.affiliations = dict(m.affiliations)
            arms.target, arms.location, arms.time, arms.mood = m.target, m.location, m.time, m.mood
            extra.append(arms)
    return extra


# A reporting verb, then "it"/"they" as the subject of the clause it reports, ending at a trigger.
_SAID_IT = re.compile(
    r"\b(?:said|says|announced|claimed|claims|confirmed|reported|stated)\s+"
    # The report's own day may stand between: "said Wednesday it had", "said on Monday that it".
    r"(?:(?:on\s+)?(?:late\s+|early\s+)?[a-z]*day(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?"
    r"(?:that\s+)?(?:it|they)\s+"
    r"(?:had\s+|has\s+|have\s+|would\s+|will\s+)?(?:[a-z]+ly\s+)?\Z",
    re.IGNORECASE,
)
# ... and a verb with its object's first words before a noun trigger: "Russia said Tuesday
# it had conducted a military exercise": "it" is the reporter, who staged the exercise.
_SAID_IT_DID = re.compile(
    r"\b(?:said|says|announced|claimed|claims|confirmed|reported|stated)\s+"
    r"(?:(?:on\s+)?(?:late\s+|early\s+)?[a-z]*day(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?"
    r"(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:[a-z]+ly\s+)?[a-z-]+\s+(?:(?:out|up|off)\s+)?"
    r"(?:(?:a|an|the|its|their|two|three|several|new)\s+)?\Z",
    re.IGNORECASE,
)
_IN_WHICH = re.compile(r"\s*,?\s*(?:in|at|during)\s+which\b", re.IGNORECASE)


def _same_in_which(text: str, out: list[EventMention]) -> None:
    """"A Wednesday meeting in which Mattis met his counterpart": one meeting, told by the verb."""
    for a, b in itertools.pairwise(out):
        noun = a.kind == "noun" or a.trigger.text.lower() == "meeting"
        if noun and b.type is a.type and _IN_WHICH.match(text, a.trigger.end, b.trigger.start):
            a.drop = True
            if b.time is None:
                b.time = a.time


# "since August 9, when it fired two cruise missiles": the clause names the recalled event.
_WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b[^,;]*\Z", re.IGNORECASE)


_YEARLESS_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_A_YEAR = re.compile(r"\b\d{4}\b")


def _recall(text: str, out: list[EventMention], t: TimeRef) -> None:
    """The event "the first launch since August 9" recalls: the last one, dated August 9.

    A "when" clause right after the time names it ("..., when it fired two missiles")
    and takes the date; otherwise a copy of the superlative's event stands for it.
    Either is marked `recalled`: background, merged with no other mention.
    """
    if t.span is None:
        return
    # "the first ICBM since 2017" names a stretch of years, not one event -- unless a
    # "when" clause names it ("since 2017, when it last tested one"): that one took place then.
    year_only = t.precision is Precision.YEAR
    if not year_only and t.date is None and (
        _YEARLESS_DAY.search(t.text) is None or _A_YEAR.search(t.text) is not None
    ):
        # Undated, only a month and day ("since Sept. 15" with no publication date)
        # still names one earlier event; "since then" or a year names none.
        return
    head = next((m for m in reversed(out) if m.trigger.end <= t.span.start), None)
    if head is None and not year_only:
        return
    # A day may be the last such event's; a bare year is only ever the clause's own event,
    # whatever its type ("the worst unrest since 1980, when troops crushed protests").
    named = next(
        (
            m
            for m in out
            if m.trigger.start >= t.span.end
            # "The launch was the first since 2016, when it put a satellite into orbit": a
            # bare anaphor says no type, so the "when" clause's own event is the one recalled.
            and (year_only or head is None or m.type is head.type or head.kind == "anaphor")
            and _WHEN_CLAUSE.match(text[t.span.end : m.trigger.start])
        ),
        None,
    )
    if named is not None:
        named.time = t
        named.recalled = True
        return
    if year_only or head is None:
        return
    copy = EventMention(type=head.type, kind=head.kind, trigger=head.trigger, sentence=head.sentence)
    copy.actors = list(head.actors)
    copy.affiliations = dict(head.affiliations)
    copy.mood = head.mood
    copy.time = t
    copy.recalled = True
    out.append(copy)


_ALTITUDE = re.compile(r"\b(?:altitude|apogee|height|ceiling)\s+(?:of\s+)?$", re.IGNORECASE)


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
    s: Sentence,
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
        _add(m, possessor(s, trig))
        of = _OF_AGENT.match(text, trig.end, min(s.sent.end, trig.end + 16))
        if of is not None:
            # "the visit of Chinese leader Xi Jinping to Pyongyang": named in full, it
            # refers back to nothing.
            agent = next(iter(s.after(trig.end, of.end() + 60)), None)
            if agent is not None and agent.start <= of.end() + 40:
                _add(m, agent)
                m.anaphoric = False
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
        owner = possessor(s, trig)
        if owner is not None:
            m.owner = True
            for n in s.conjuncts(owner):  # "Seoul and Washington's joint drills"
                _add(m, n)
        elif determiner_before(s, max(s.sent.start, trig.start - 60), trig.start):
            m.anaphoric = True
        by = _BY_OF.match(text[trig.end : trig.end + 12])
        if by and m.actors and trig.text.lower().endswith(("led", "headed")):
            # "the Chinese delegation was headed by Li": the leader named after "by" is the
            # visitor, not the state its adjective names.
            m.actors = []
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
            if (
                subj is not None
                and REPORTER.match(text, subj.end)
                and _SAID_IT_DID.search(text, max(s.sent.start, trig.start - 90), trig.start) is None
            ):
                subj = None  # "Sanders said the leaders had a good meeting": she reports it
            for n in s.conjuncts(subj) if subj is not None else ():
                _add(m, n)
    else:
        if m.type is EventType.DIPLOMATIC_VISIT and (
            _TROOPISH.search(text, max(s.sent.start, trig.start - 60), trig.start)
            or _WITH_TROOPS.match(text, trig.end, min(s.sent.end, trig.end + 120))
        ):
            # "1,500 special forces arrived in Vladivostok" is a deployment, not a visit.
            m.type = EventType.TROOP_DEPLOYMENT
            pf = False
        if m.type is EventType.BORDER_CROSSING and _INCURSIVE.search(
            text, max(s.sent.start, trig.start - 40), trig.start
        ):
            m.type = EventType.INCURSION
            pf = False
        subj = s.subject(trig.start, pf)
        if subj is not None and trig.text.lower() == "meeting" and REPORTER.match(text, subj.end):
            subj = None  # the noun "meeting" read by a verb pattern: its reporter held none
        told = _SAID_IT.search(text, max(s.sent.start, trig.start - 60), trig.start)
        if told is not None:
            # "the Japanese navy said it had launched ...": "it" is the body that
            # said so, not a name further back in the sentence.
            teller = reporter_before(s, s.sent.start, told.start() + 1)
            own = next((n for n in s.before(told.start() + 1) if n.name == teller), None)
            subj = own if own is not None else subj
        for n in s.conjuncts(subj) if subj is not None else ():
            _add(m, n)
    if m.type is EventType.MEETING and _BARE_HOST.fullmatch(trig.text):
        guest = next(iter(s.after(trig.end, trig.end + 3)), None)
        if guest is None or guest.kind != "person":
            m.drop = True  # "hosted a dinner", "will host the games": no guest named
    if m.type in (EventType.MEETING, EventType.SUMMIT, EventType.PHONE_CALL):
        # The verb pattern takes a bare "meeting" too: "the Xi-Kim meeting" names one.
        noun = m.kind != "verb" or trig.text.lower() in ("meeting", "meetings")
        pair = _dash_pair(s, trig) if noun else []
        if not pair and _DASHED.match(trig.text):
            pair = _dash_states(s, trig)
        if not pair and _DASHED.match(trig.text):
            m.drop = True  # "the inter-Korean talks", "the six-party talks": no pair of people named
        elif pair:
            # "the Kim-Putin talks": the surnames joined before the noun are its parties.
            m.actors = []
            for n in pair:
                _add(m, n)
            m.anaphoric = False
        _meeting_partners(s, m, trig)
    if m.type is EventType.SUMMIT and not m.anaphoric:
        # "Yoon joined Biden and Kishida for a summit": everyone named in the clause.
        lo = s.layer.words_before(s.sent.start, trig.start, 40)
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
            and s.layer.first_clause_break(subj.end, trig.start) == -1
        ):
            m.drop = True  # "Japan protested after the launch": a government's note, not a crowd
    if m.type in no_actors:
        m.actors = []
    if m.type not in (EventType.ARMS_TRANSFER, EventType.TECHNOLOGY_TRANSFER):
        m.location, inspection = location(s, m, trig)
        if inspection:
            m.drop = True
    m.target = target(s, m, trig, sides, gazetteer, places=places)
    if (
        m.type is EventType.WEAPONS_DISPLAY
        and kind == "noun"
        and _SPECTATOR.search(text, max(s.sent.start, trig.start - 40), trig.start)
    ):
        # "arrived in Beijing to attend a military parade": a spectator is not the one
        # parading; the owner named ("North Korea's parade") or the place's state is.
        own = possessor(s, trig)
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


def _embedded(s: Sentence, m: EventMention, trig: TriggerMatch) -> list[str]:
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


def _states(s: Sentence) -> set[str]:
    return {n.name for n in s.names if n.kind == "state"}


# "with his Russian counterpart, Sergei Lavrov": the person is named after the role.
_COUNTERPART = re.compile(
    r"\s*(?:with\s+)?(?:(?:his|her|their|its|the)\s+)?(?:[\w'’-]+\s+){0,3}?counterparts?\s*,?\s+\Z",
    re.IGNORECASE,
)


def _counterpart_named(s: Sentence, trig: TriggerMatch, partners: list[ActorMention]) -> list[ActorMention]:
    """The partners, with the person an appositive names in place of the counterpart's state.

    "met his Russian counterpart, Sergei Lavrov": the meeting is with Lavrov, not
    with Russia (the adjective only says whose counterpart he is).
    """
    if not partners or partners[0].kind != "state" or "counterpart" not in s.text[trig.end : trig.end + 60]:
        return partners
    person = next(
        (n for n in s.after(partners[0].end, trig.end + 90) if n.kind == "person"),
        None,
    )
    if person is None or _COUNTERPART.fullmatch(s.text, trig.end, person.start) is None:
        return partners
    return [person, *partners[1:]]


# Two or three capitalised surnames joined by dashes right before a meeting noun, with
# at most one lower-case word between: "the Trump-Kim summit", "the Yoon–Kishida bilateral talks".
_DASH_PAIR = re.compile(
    r"\b([A-Z][a-z]{1,20})\s?[-–—]\s?([A-Z][a-z]{1,20})(?:\s?[-–—]\s?([A-Z][a-z]{1,20}))?"
    r"(?:['’]s)?\s+(?:[a-z-]{2,20}\s+)?\Z"
)
# The roles of a state's leader, for a surname several people in the gazetteer bear:
# a leader first, then a head of state or government; several at one rank is no answer.
_LEADER_ROLES = (frozenset(["leader", "supreme leader"]), frozenset(["president", "prime minister"]))


# A trigger that opens with a dash-joined run ("kim-putin talks", see `data/events.toml`).
_DASHED = re.compile(
    r"[a-z][a-z.]{1,19}[-–—][a-z][a-z.]{1,19}(?: korea)?(?:[-–—][a-z][a-z.]{1,19}(?: korea)?)?"
    r" (?:talks|discussions)\Z",
    re.IGNORECASE,
)
_DASH_RUN = re.compile(r"([A-Z][a-z]{1,20})[-–—]([A-Z][a-z]{1,20})(?:[-–—]([A-Z][a-z]{1,20}))?\s")


def _dash_pair(s: Sentence, trig: TriggerMatch) -> list[ActorMention]:
    """The people a dash-joined run of surnames before a meeting noun names, or none.

    Each surname is the person the article last named in full with it, else the one
    the gazetteer knows by it (the state leader among several); all must be known.
    """
    found = _DASH_PAIR.search(s.text, max(s.sent.start, trig.start - 70), trig.start)
    if found is None:
        # The talks pattern holds the run itself: "the Kim-Putin talks".
        found = _DASH_RUN.match(s.text, trig.start, trig.end)
    if found is None:
        return []
    out: list[ActorMention] = []
    for i in (1, 2, 3):
        word = found.group(i)
        if word is None:
            continue
        person = _surname_holder(s, word, found.start(i))
        if person is None:
            return []
        out.append(ActorMention(found.start(i), found.end(i), word, person[0], "person", person[1]))
    return out if len({n.name for n in out}) == len(out) else []


# Only dashes (and the spaces some outlets put round them) between two names of a run.
_DASH_ONLY = re.compile(r"\s?[-–—]\s?\Z")


def _dash_states(s: Sentence, trig: TriggerMatch) -> list[ActorMention]:
    """The states a dash-joined run inside a talks trigger names ("Seoul-Tokyo talks"), or none.

    Every name must be a state and only dashes may stand between them, so "the
    inter-Korean talks" or "the six-party talks" name no parties.
    """
    run = [n for n in s.names if trig.start <= n.start and n.end <= trig.end]
    if len(run) < 2 or any(n.kind != "state" for n in run) or run[0].start != trig.start:
        return []
    for a, b in itertools.pairwise(run):
        if not _DASH_ONLY.match(s.text[a.end : b.start]):
            return []
    return run if len({n.name for n in run}) == len(run) else []


def _surname_holder(s: Sentence, word: str, pos: int) -> tuple[str, str | None] | None:
    for n in reversed(s.names):
        if n.start < pos and n.kind == "person" and word in n.name.replace("-", " ").split():
            return n.name, n.affiliation
    if s.gazetteer is None:
        return None
    people = {p.name: p for p in s.gazetteer.by_surname(word) if p.kind == "person"}
    for roles in _LEADER_ROLES if len(people) > 1 else ():
        leaders = {k: p for k, p in people.items() if (p.role or "").lower() in roles}
        if leaders:
            people = leaders
            break
    if len(people) != 1:
        return None
    person = next(iter(people.values()))
    return person.name, person.affiliation


def _meeting_partners(s: Sentence, m: EventMention, trig: TriggerMatch) -> None:
    between = _BETWEEN.match(s.text[trig.end : trig.end + 12])
    partners = _counterpart_named(s, trig, object_names(s, trig))
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
