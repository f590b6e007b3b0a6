"""Where and to whom: the place (as written) and the target of an event mention.

Places are read after the trigger ("into the sea", "visit to South Korea",
"arrived in Seoul"), from a capitalised pre-modifier ("the Camp David summit")
or from a fronted "In Tokyo, where ...". Targets follow the type: a visit's
state (Seoul -> South Korea, "Russia's Far East" -> Russia), the side a
deployment helps (``[deployment.side_of_theatre]`` in the data), the receiver
of a transfer, the person impeached or arrested.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from koreabrief.extraction.text import WORD as _WORD
from koreabrief.extraction.triggers import TriggerMatch
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import EventType

if TYPE_CHECKING:
    from koreabrief.extraction.clauses import Sentence
    from koreabrief.extraction.mention import EventMention

__all__ = ["is_place", "location", "person_target", "possessive_state", "target"]

# Compiled once here rather than inline in the functions that use them.
_CAPS_BEFORE = re.compile(r"(?<![\w-])((?:[A-Z][\w’'-]*\s+){1,3})\Z")
_POSSESSIVE = re.compile(r"([A-Z][\w ]{0,30}?)['’]s\b")
_OF_AGAINST = re.compile(r"\s+(?:of|against)\s+")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+\Z")
_SHORT_GAP = re.compile(r"[\s\w.-]{0,40}")
_HELPED = re.compile(r"\b(?:support|help|aid|assist|back|fight for|fight alongside|on behalf of)\s+")
# Between "support" and the side it names: "support Russia", "support the Russian army".
_HELPED_GAP = re.compile(r"(?:(?:the|its|their|ally|allied)\s+){0,2}")
_RECEIVER = re.compile(r"\b(?:to|with|for)\s+(?:support\s+|help\s+)?(?:the\s+)?")

_PLACE = re.compile(
    r"(?:(?:the|its|their)\s+)?(?:(?:central|downtown|northern|southern|eastern|western|northeastern|northwestern"
    r"|southeastern|southwestern)\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,4}"
    r"(?:\s+(?:presidential\s+|military\s+|border\s+)?(?:front|region|border|coast|province|area|retreat|peninsula"
    r"|city|port|base|bases|site|complex|waters|oblast|compound)\b)?"
)
# A described place and its name: "the North Korean resort city of Wonsan", "the port of Rajin".
_CITY_OF = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,2}(?:[a-z][\w-]*\s+){0,2}"
    r"(?:city|town|port|county|province|region|village|island|resort|capital|area)\s+of\s+"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
_DIRECT_PLACE = re.compile(r"\s+(?P<p>" + _PLACE.pattern + ")")
_FUNCTION_WORDS = frozenset(
    [
        "this",
        "that",
        "these",
        "those",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "its",
        "his",
        "her",
        "their",
        "our",
        "after",
        "before",
        "during",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tonight",
    ]
)
_MONTH_WORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
# Words that lead an amount, left out of the place before it.
_AMOUNT_LEADS = frozenset(["for", "about", "some", "around", "nearly", "over", "up", "to", "roughly"])
# Words a launch's place may run to ("into the sea off its east coast").
_SEA_WORDS = 7
_SEA_STOP = frozenset(
    [
        "at",
        "that",
        "which",
        "and",
        "as",
        "on",
        "after",
        "when",
        "while",
        "in",
        "where",
        "but",
        "with",
        "amid",
        "for,",
        "before",
    ]
)
# The types `target` fills (for the others it has nothing to do).
_TARGETED = frozenset(
    {
        EventType.DIPLOMATIC_VISIT,
        EventType.TROOP_DEPLOYMENT,
        EventType.ARMS_TRANSFER,
        EventType.TECHNOLOGY_TRANSFER,
    }
)
_MOVE_PREPS = ("into", "toward", "towards", "off", "over", "outside", "inside", "within")
_MOVE_PREP = re.compile(r"\b(?:" + "|".join(_MOVE_PREPS) + r")\s+")
_AGAINST_PREP = re.compile(r"\bagainst\s+")
_PLACE_PREPS = re.compile(r"\b(?:to|in|at|into|inside|outside|near|of)\s+")
# A state told by a description, not a name: "a trip to the secluded nation".
DESCRIBED_STATE = re.compile(
    r"(?:the|this|that|its|their|his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:country|nation|capital|North|South|kingdom|republic)\b"
)
# A name before one of these is the occasion, not the place ("at the G7 summit").
_OCCASION = re.compile(
    r"[ \t]+(?:summits?|meetings?|talks|forums?|conferences?|gatherings?|sessions?|ceremon(?:y|ies)|games)\b",
    re.IGNORECASE,
)
# How far after the trigger the preposition before a place may stand.
# Event types whose place may follow "to" or "into" (where someone or something went).
_MOVING = frozenset(
    [EventType.DIPLOMATIC_VISIT, EventType.TROOP_DEPLOYMENT, EventType.ARMS_TRANSFER, EventType.PROTEST]
)
_PREP_REACH = {EventType.TROOP_DEPLOYMENT: 60, EventType.DIPLOMATIC_VISIT: 25}
_BEFORE_LOC = re.compile(r"(?:In|At)\s+(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}),")
# A fronted trip names the place of what the main clause reports:
# "During a visit to a missile base, Kim showcased ...".
_FRONTED_TRIP = re.compile(
    r"(?:In|During|On)\s+(?:a|an|the|his|her|its|their)\s+(?:[a-z]+\s+){0,2}"
    r"(?:visit|trip|tour|inspection)\s+(?:to|of)\s+(?P<place>[\w’'-]+(?:\s+[\w’'-]+){0,5}),"
)


def location(s: Sentence, m: EventMention, trig: TriggerMatch) -> tuple[str | None, bool]:
    """The place of the event as written ("into the sea", "Seoul", "the Camp David"), or None;
    and whether the mention is a noun "visit" to what is no place ("a visit to missile
    bases"): an inspection, which the caller drops.

    Examples:
        >>> from koreabrief.extraction.clauses import Sentence
        >>> from koreabrief.extraction.mention import EventMention
        >>> from koreabrief.extraction.triggers import EventLexicon
        >>> from koreabrief.models import Span
        >>> t = "Pyongyang fired a missile into the sea."
        >>> trig = EventLexicon.default().find(t)[0]
        >>> sent = Span(0, len(t))
        >>> m = EventMention(type=trig.trigger.type, kind=trig.trigger.kind, trigger=trig, sentence=sent)
        >>> location(Sentence(t, sent, [], frozenset()), m, trig)
        ('into the sea', False)
    """
    text = s.text
    end = s.clause_end(trig.end)
    if m.type is EventType.MISSILE_LAUNCH:
        tail = text[trig.end : min(end, trig.end + 120)]
        found = _MOVE_PREP.search(tail)
        if found:
            words: list[re.Match[str]] = []
            for w in _WORD.finditer(tail, found.end()):
                if w.group(0).lower() in _SEA_STOP or len(words) >= _SEA_WORDS:
                    break
                if words and w.group(0)[:1].isdigit():
                    # "over the West Sea for 7,800 seconds": the amount ends the place.
                    while len(words) > 1 and words[-1].group(0).lower() in _AMOUNT_LEADS:
                        words.pop()
                    break
                words.append(w)
            # A place cut by the word limit keeps only its whole first phrase:
            # "off its east coast" fits, "into the sea off its east" would not.
            if len(words) >= _SEA_WORDS:
                words = _first_phrase(words)
            if words and words[0].group(0)[:1].isdigit():
                return None, False  # "flew for over 5,156 seconds": an amount, not a place
            if words and words[-1].group(0).lower() not in ("the", "its", "a"):
                return text[trig.end + found.start() : trig.end + words[-1].end()], False
        return None, False
    # A capitalised pre-modifier that names no entity: "the Camp David summit".
    if m.kind in ("noun", "anaphor") and m.type is not EventType.MILITARY_EXERCISE:
        lo = max(s.sent.start, trig.start - 40)
        head = text[lo : trig.start]
        pm = _CAPS_BEFORE.search(head) if _caps_may_end(head) else None
        opening = pm is not None and not text[s.sent.start : lo + pm.start(1)].strip(" \"“‘'(")
        if pm and opening and len(pm.group(1).split()) == 1:
            pm = None  # one capitalised word opening the sentence ("Thousands protested") is no place
        if pm:
            caps = pm.group(1).split()
            names = {w for n in s.before(trig.start)[:3] for w in n.text.split()}
            kept = [
                w
                for w in caps
                if w not in names
                and not _MONTH_WORD.fullmatch(w)
                and not w.endswith(("'s", "’s"))
                and w.lower() not in _FUNCTION_WORDS
            ]
            if kept and len(kept) == len(caps):
                return " ".join(kept), False
    tail = text[trig.end : min(end, trig.end + 160)]
    # Only a verb that moves someone takes its place right after it ("arrived Seoul").
    direct = (
        _DIRECT_PLACE.match(tail)
        if m.kind == "verb"
        and (m.type is EventType.DIPLOMATIC_VISIT or trig.text.lower().endswith((" in", " to", " at")))
        else None
    )
    if direct:
        named = _CITY_OF.match(tail, direct.start("p"))
        if named is not None:
            return named.group("name"), False
        if is_place(direct.group("p")):
            return direct.group("p"), False
    shift = 0  # past an "of <visitor>" phrase, distances count from its end
    for pm2 in _PLACE_PREPS.finditer(tail):
        if pm2.start() < shift:
            continue
        if pm2.group(0).startswith("of") and m.type is not EventType.DIPLOMATIC_VISIT:
            continue
        if pm2.group(0).startswith(("to", "into")) and m.type not in _MOVING:
            continue  # "were wounded and brought to Kyiv": where they went, not where it happened
        limit = _PREP_REACH.get(m.type, 40)
        if pm2.start() - shift > limit:
            break
        named = _CITY_OF.match(tail, pm2.end())
        if named is not None:
            return named.group("name"), False  # "the North Korean resort city of Wonsan": Wonsan
        place = _PLACE.match(tail, pm2.end())
        if place and place.group(0).endswith(("'s", "’s")):
            continue  # "ahead of the envoy's trip": a possessor, not a place
        if place and _OCCASION.match(tail, place.end()):
            return None, False
        if place and pm2.group(0).startswith("of") and any(a.split()[-1] in place.group(0) for a in m.actors):
            shift = place.end()
            continue  # "the visit of Kim Jong Un to Russia": the visitor, not the place
        if place and is_place(place.group(0)):
            return place.group(0), False
        if m.type is EventType.DIPLOMATIC_VISIT and pm2.start() < 4:
            # "a visit to strategic missile bases": an inspection, not diplomacy; but "a
            # trip to the secluded nation" goes abroad, though no place is named.
            return None, m.kind == "noun" and not DESCRIBED_STATE.match(tail, pm2.end())
        if pm2.start() - shift > 25:
            break
    # Both patterns open with a capitalised preposition: most sentences open otherwise.
    opens = text.startswith(("In", "At", "During", "On"), s.sent.start, trig.start)
    lead = _BEFORE_LOC.match(text, s.sent.start, trig.start) if opens else None
    if lead and not _MONTH_WORD.match(lead.group("place")):  # "In September, ..." is a time
        return lead.group("place"), False
    trip = _FRONTED_TRIP.match(text, s.sent.start, trig.start) if opens and m.kind == "verb" else None
    if trip:
        return trip.group("place"), False
    return None, False


def _caps_may_end(head: str) -> bool:
    """Whether `_CAPS_BEFORE` can match `head`: it ends in white space after a word
    holding a capital (a cheap test that spares most searches).

    Examples:
        >>> _caps_may_end('("Camp David '), _caps_may_end("a joint "), _caps_may_end("Seoul")
        (True, False, False)
    """
    if not head[-1:].isspace():
        return False
    words = head.rsplit(None, 1)
    return bool(words) and words[-1].lower() != words[-1]


def _first_phrase(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words up to a second movement preposition, or all of them ("into the sea" of "... off its")."""
    for n, w in enumerate(words[1:], 1):
        if w.group(0).lower() in _MOVE_PREPS:
            return words[:n]
    return words


def is_place(words: str) -> bool:
    """Whether words taken after a preposition can be a place (not "Monday", not "this").

    Examples:
        >>> is_place("the Kursk front"), is_place("Monday")
        (True, False)
    """
    first = words.split(maxsplit=1)[0]
    if _MONTH_WORD.fullmatch(first):
        return False
    return first.lower() not in _FUNCTION_WORDS or words.lower().startswith(("the ", "its ", "their "))


def possessive_state(location: str, gazetteer: Gazetteer) -> str | None:
    """The state whose territory a place is ("Russia's Kursk region" -> Russia).

    Examples:
        >>> possessive_state("Russia's Far East", Gazetteer.default())
        'Russia'
    """
    for word in _POSSESSIVE.findall(location):
        ent = gazetteer.resolve(word)
        if ent is not None and ent.kind == "state":
            return ent.name
    return None


def person_target(s: Sentence, trig: TriggerMatch) -> str | None:
    """The person impeached or arrested: "impeachment of X", "arrested X", else the subject."""
    of = _OF_AGAINST.match(s.text[trig.end : trig.end + 12])
    if of:
        for n in s.after(trig.end, trig.end + of.end() + 80):
            if n.kind == "person":
                return n.name
    passive = _PASSIVE.search(s.text[max(0, trig.start - 12) : trig.start])
    if not passive:
        nxt = s.after(trig.end, trig.end + 60)
        if nxt and nxt[0].kind == "person" and _SHORT_GAP.fullmatch(s.text[trig.end : nxt[0].start]):
            return nxt[0].name
    for n in s.before(trig.start):
        if n.kind == "person":
            return n.name
    return None


def target(
    s: Sentence,
    m: EventMention,
    trig: TriggerMatch,
    sides: dict[str, str],
    gazetteer: Gazetteer,
    *,
    places: dict[str, str] | None = None,
) -> str | None:
    """The mention's target from its type (visit, deployment, transfer); the one it
    has already when the type names none there. The caller sets it.

    `places` maps a city or venue to its state ("Vladivostok" -> "Russia"): a visit
    there visits that state.

    Examples:
        >>> from koreabrief.extraction.clauses import Sentence
        >>> from koreabrief.extraction.mention import EventMention
        >>> from koreabrief.extraction.triggers import EventLexicon
        >>> from koreabrief.models import Span
        >>> t = "Kim visited Vladivostok."
        >>> trig = EventLexicon.default().find(t)[0]
        >>> sent = Span(0, len(t))
        >>> m = EventMention(type=trig.trigger.type, kind=trig.trigger.kind, trigger=trig, sentence=sent)
        >>> m.location = "Vladivostok"
        >>> s = Sentence(t, sent, [], frozenset())
        >>> target(s, m, trig, {}, Gazetteer.default(), places={"Vladivostok": "Russia"}), m.target
        ('Russia', None)
    """
    if m.type not in _TARGETED:
        return m.target
    text = s.text
    tail = text[trig.end : min(s.sent.end, trig.end + 200)]
    if m.type is EventType.DIPLOMATIC_VISIT and m.location:
        ent = gazetteer.resolve(m.location)
        if ent is not None and ent.kind == "state":
            found: str | None = ent.name
        else:
            found = possessive_state(m.location, gazetteer)
        if found is None:
            # "the North Korean resort city of Wonsan": the state describing the place.
            at = text.find(m.location, trig.end, s.sent.end)
            states = [n for n in s.after(trig.end, at) if n.kind == "state"] if at != -1 else []
            if states:
                found = states[-1].name
        if found is None and places:
            found = places.get(m.location) or places.get(m.location.removeprefix("the "))
        return found
    if m.type is EventType.TROOP_DEPLOYMENT:
        # The side helped, when the text names it right after "to support/help" ...
        helped = _HELPED.search(tail)
        if helped:
            at = trig.end + helped.end()
            names = s.after(at, at + 40)
            if names and names[0].kind == "state" and _HELPED_GAP.fullmatch(text, at, names[0].start):
                return names[0].name
        # ... else the destination ("to Russia"): a purpose clause that follows
        # ("to support its war against Ukraine") names the enemy, not the side helped.
        if m.location:
            proper = " ".join(w for w in m.location.split() if w[:1].isupper())
            side = sides.get(m.location) or sides.get(proper) or possessive_state(m.location, gazetteer)
            if side:
                return side
            ent = gazetteer.resolve(m.location)
            if ent is not None and ent.kind == "state" and ent.name not in m.actors:
                return ent.name
        against = _AGAINST_PREP.search(tail)
        if against:
            names = s.after(trig.end + against.end(), trig.end + against.end() + 40)
            if names and names[0].name in sides:
                return sides[names[0].name]
        return m.target
    if m.type in (EventType.ARMS_TRANSFER, EventType.TECHNOLOGY_TRANSFER) and m.kind == "verb":
        inner = [n for n in s.after(trig.start, trig.end) if n.end <= trig.end and n.name not in m.actors]
        if inner and inner[0].kind == "state":
            return inner[0].name
    if m.type in (EventType.ARMS_TRANSFER, EventType.TECHNOLOGY_TRANSFER) and m.kind in ("verb", "noun"):
        to = _RECEIVER.search(tail)
        if to and trig.end + to.start() < s.clause_end(trig.end) + 40:
            names = s.after(trig.end + to.end(), trig.end + to.end() + 30)
            if names and names[0].name not in m.actors:
                return names[0].name
    return m.target
