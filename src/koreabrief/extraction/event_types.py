"""Event types decided by their arguments, once a sentence's mentions are built.

A trigger gives a first guess at the type; who takes part and what is carried
decide it. Two heads of state or government meeting in person hold a `summit`
whatever the verb ("held talks", "met", "hosted"), while a call between them
stays a `meeting`; a rocket whose payload is a satellite makes a
`satellite_launch`, and an attempt the sentence says failed still took place.
The same pass leaves out what only looks like a meeting (a body's own session,
a greeting with no guest named) and clears the year of a compared event ("more
powerful than the one in 2006") from the event compared with it. The word lists
are data: the ``[types]`` table of ``data/events.toml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from attrs import frozen

from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.mention import EventMention
from koreabrief.extraction.quotes import QuotePiece
from koreabrief.extraction.triggers import EventLexicon
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import EventType, Span, TimeRef

__all__ = ["TypeRules", "retype_mentions"]

# How far back the names of "the two leaders" may stand (characters).
_LEADERS_REACH = 3_000
# How far an attempt's outcome may stand after the trigger (characters, in its sentence).
_OUTCOME_REACH = 160
# How far after a missile trigger its payload is read ("a rocket carrying a satellite").
_PAYLOAD_REACH = 90
# A guest named with a possessive is no guest: "welcomed Kim's offer".
_POSSESSIVE = re.compile(r"['’]s?(?![\w-])")
_PUNCT = re.compile(r"[,;]")
_SINCE = re.compile(r"since\b", re.IGNORECASE)
# "since 2019, when Trump and Kim met": the meeting itself is what took place then.
# "its 11th missile launch this year", "the third test this month": the count of the period
# that holds the story's own event, which the period does not date.
_COUNTED = re.compile(
    r"(?<![\w-])(?:\d{1,3}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    r"|twelfth|[a-z]+teenth|[a-z]+tieth)\s+(?:[\w'’-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
_WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b[^,;]*\Z", re.IGNORECASE)


def _when_clause_of(text: str, m: EventMention) -> bool:
    """Whether the mention's "since X" time opens a "when" clause that holds the mention."""
    span = m.time.span if m.time is not None else None
    if span is None or span.end > m.trigger.start:
        return False
    return _WHEN_CLAUSE.match(text[span.end : m.trigger.start]) is not None


def _words(words: Sequence[str]) -> str:
    """An alternation of `words`, longest first, each escaped, a space as any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@frozen
class TypeRules:
    """The ``[types]`` data of an event lexicon, compiled once per lexicon.

    Examples:
        >>> rules = TypeRules.of(EventLexicon.default())
        >>> "President" in rules.head_roles
        True
    """

    head_roles: frozenset[str]
    prime_roles: frozenset[str]
    presidential: frozenset[str]
    heads: frozenset[str]
    not_sitting: tuple[str, ...]
    head_title: re.Pattern[str]
    leaders: re.Pattern[str]
    leaders_after: re.Pattern[str]
    head_after: re.Pattern[str]
    remote: re.Pattern[str]
    tally: re.Pattern[str]
    guest_verbs: frozenset[str]
    body_owner: re.Pattern[str]
    comparison: re.Pattern[str]
    outcome: re.Pattern[str]
    space: re.Pattern[str]
    payload: re.Pattern[str]
    idiom: re.Pattern[str]
    crisis: re.Pattern[str]
    launch_gap: re.Pattern[str]
    space_site: re.Pattern[str]
    not_missile_head: re.Pattern[str]

    @classmethod
    def of(cls, lex: EventLexicon) -> TypeRules:
        """The rules for `lex`, built on first use and kept in its cache.

        Examples:
            >>> TypeRules.of(EventLexicon.default()) is TypeRules.of(EventLexicon.default())
            True
        """
        cached = lex.cache.get("event_types.rules")
        if cached is None:
            cached = lex.cache["event_types.rules"] = cls._build(lex)
        assert isinstance(cached, TypeRules)
        return cached

    @classmethod
    def _build(cls, lex: EventLexicon) -> TypeRules:
        def alt(key: str) -> str:
            return _words(lex.words("types", key)) or "(?!)"

        space = alt("space")
        return cls(
            head_roles=frozenset(lex.words("types", "head_roles")),
            prime_roles=frozenset(lex.words("types", "prime_roles")),
            presidential=frozenset(lex.words("types", "presidential_states")),
            heads=frozenset(lex.words("types", "heads")),
            not_sitting=tuple(w.lower() for w in lex.words("types", "not_sitting")),
            head_title=re.compile(rf"(?<![\w-])(?:{alt('head_titles')})\s*\Z", re.IGNORECASE),
            leaders=re.compile(rf"(?<![\w-])(?:{alt('leader_phrases')})\s+\Z", re.IGNORECASE),
            head_after=re.compile(rf"\s+(?:{alt('head_titles')})(?![\w-])", re.IGNORECASE),
            leaders_after=re.compile(
                rf"\s+(?:between|of)\s+(?:{alt('leader_phrases')})(?![\w-])", re.IGNORECASE
            ),
            remote=re.compile(rf"(?<![\w-])(?:{alt('remote')})(?![\w-])", re.IGNORECASE),
            tally=re.compile(
                r"(?<![\w-])(?:(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple)"
                rf"\s+(?:{alt('tally')})|a\s+total\s+of)(?![\w-])",
                re.IGNORECASE,
            ),
            guest_verbs=frozenset(x.lower() for x in lex.words("types", "guest_verbs")),
            body_owner=re.compile(
                rf"(?<![\w-])(?:{alt('bodies')})\s*['’]s?\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE
            ),
            # "than in 2006", "than the one in 2006", "compared with its last test, in 2017".
            comparison=re.compile(
                rf"(?<![\w-])(?:{alt('comparison')})\s+(?:(?:the|that|those|its|their|a|an)\s+)?"
                rf"(?:(?:[\w-]{{1,20}}\s+){{0,2}}?(?:{alt('compared')})[\s,]+(?:(?:{alt('compared_verbs')})\s+)?(?:(?:in|of|on|from|during)\s+)?)?\Z",
                re.IGNORECASE,
            ),
            outcome=re.compile(rf"(?<![\w-])(?:{alt('outcomes')})(?![\w-])", re.IGNORECASE),
            space=re.compile(rf"(?<![\w-])(?:{space})(?![\w-])", re.IGNORECASE),
            # "a rocket carrying a reconnaissance satellite": the payload in the trigger's clause.
            payload=re.compile(
                rf"[^.;,]{{0,40}}?(?<![\w-])(?:{alt('payload_verbs')})\s+(?:[\w'’-]{{1,30}}\s+){{0,4}}?"
                rf"(?:{space})(?![\w-])",
                re.IGNORECASE,
            ),
            crisis=re.compile(rf"(?<![\w-])(?:{alt('crisis')})(?![\w-])", re.IGNORECASE),
            space_site=re.compile(rf"(?<![\w-])(?:{alt('space_sites')})(?![\w-])", re.IGNORECASE),
            launch_gap=re.compile(rf"\s(?:{alt('launch_gap_prepositions')})\s", re.IGNORECASE),
            not_missile_head=re.compile(rf"[\s-]+(?:{alt('not_missile_heads')})(?![\w-])", re.IGNORECASE),
            # "met with sharp criticism", "meet the deadline", "met the ministry's targets": an
            # object no one could meet.
            idiom=re.compile(
                rf"(?:{alt('idiom_verbs')})(?:\s+with)?\s+(?:(?:a|an|the|its|their|his|her|such|this|that)\s+)?"
                rf"(?:[\w'’-]{{1,20}}\s+){{0,2}}?(?:{alt('idiom_objects')})(?![\w-])",
                re.IGNORECASE,
            ),
        )

    def sitting_title(self, text: str, start: int) -> bool:
        """Whether a head's title stands right before `start`, no "former" or "vice" before it.

        Examples:
            >>> rules = TypeRules.of(EventLexicon.default())
            >>> t = "Kenyan President Jane Roe met former President John Doe."
            >>> rules.sitting_title(t, t.index("Jane")), rules.sitting_title(t, t.index("John"))
            (True, False)
        """
        found = self.head_title.search(text, max(0, start - 30), start)
        return found is not None and not self._not_sitting(text, found.start())

    def former(self, text: str, start: int) -> bool:
        """Whether the name at `start` is called a former (or late, or vice) head: "former
        President Jane Roe", "ex-leader John Doe".

        Examples:
            >>> rules = TypeRules.of(EventLexicon.default())
            >>> t = "Kenyan President Jane Roe met former President John Doe."
            >>> rules.former(t, t.index("Jane")), rules.former(t, t.index("John"))
            (False, True)
        """
        found = self.head_title.search(text, max(0, start - 30), start)
        return self._not_sitting(text, found.start() if found is not None else start)

    def _not_sitting(self, text: str, end: int) -> bool:
        before = text[max(0, end - 30) : end].lower().split()[-3:]
        return any(w.startswith(x) for w in before for x in self.not_sitting)


class _Heads:
    """Which names of one article are sitting heads of state or government, and of what."""

    def __init__(
        self, text: str, names: Sequence[ActorMention], rules: TypeRules, gazetteer: Gazetteer
    ) -> None:
        self.rules = rules
        self.gazetteer = gazetteer
        self.text = text
        self.names = names
        self.starts = [n.start for n in names]
        self._known: dict[str, str | None] = {}
        people = [n for n in names if n.kind == "person"]
        self._titled = {n.name for n in people if rules.sitting_title(text, n.start)}
        # "Former President Moon met Xi": the mentions that call their person a former head.
        self._former = [n.start for n in people if rules.former(text, n.start)]

    def state(self, name: str) -> str | None:
        """The state `name` heads ("" when not known), or None when `name` heads none."""
        if name not in self._known:
            self._known[name] = self._state(name)
        return self._known[name]

    def _state(self, name: str) -> str | None:
        rules = self.rules
        ent = self.gazetteer.resolve(name)
        if ent is None:
            return "" if name in self._titled else None
        if ent.kind != "person":
            return None
        affiliation = ent.affiliation or ""
        if ent.name in rules.heads or ent.role in rules.head_roles:
            return affiliation
        if ent.role in rules.prime_roles and affiliation and affiliation not in rules.presidential:
            return affiliation
        return None

    def former(self, name: str, sentence: Span) -> bool:
        """Whether `sentence` calls `name` a former head ("former President Moon")."""
        k = bisect.bisect_left(self._former, sentence.start)
        while k < len(self._former) and self._former[k] < sentence.end:
            at = bisect.bisect_left(self.starts, self._former[k])
            if self.names[at].name == name:
                return True
            k += 1
        return False

    def titled_state(self, name: str, sentence: Span) -> str | None:
        """The state `name` is, when `sentence` names it by its head's title ("the Russian
        president", "North Korean leader") and no person follows the title."""
        k = bisect.bisect_left(self.starts, sentence.start)
        while k < len(self.names) and self.names[k].start < sentence.end:
            n = self.names[k]
            k += 1
            if n.name != name or n.kind != "state":
                continue
            title = self.rules.head_after.match(self.text, n.end, min(sentence.end, n.end + 30))
            if title is None:
                continue
            nxt = self.names[k] if k < len(self.names) else None
            if nxt is None or nxt.start > title.end() + 1:
                return name
        return None

    def head_of(self, state: str, near: int) -> str | None:
        """The head of `state` the article names nearest before `near` (else first after it)."""
        best: str | None = None
        for n in self.names:
            if n.kind == "person" and self.state(n.name) == state:
                best = n.name
                if n.start >= near:
                    break
        return best

    def before(self, end: int, count: int) -> list[str]:
        """The last `count` heads of different states named before `end`, in text order."""
        out: list[str] = []
        states: set[str] = set()
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and len(out) < count and end - self.names[k].start <= _LEADERS_REACH:
            n = self.names[k]
            k -= 1
            state = self.state(n.name) if n.kind == "person" else None
            if state is None or n.name in out or (state and state in states):
                continue
            out.append(n.name)
            if state:
                states.add(state)
        return out[::-1]


def retype_mentions(
    text: str,
    mentions: list[EventMention],
    names: Sequence[ActorMention],
    *,
    lex: EventLexicon,
    gazetteer: Gazetteer,
    quoted: Sequence[QuotePiece] = (),
) -> list[EventMention]:
    """The article's mentions with types decided by their arguments, spurious ones left out.

    `names` are the article's actor names in text order (`ArticleContext.actor_names`);
    `quoted` the quotation pieces (`ArticleContext.quotes`): inside a quotation the
    speaker's own word for a meeting stands.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="Kim Jong Un and Vladimir Putin held talks on Monday.")
        >>> [e.type.value for e in kb.extract_events(a)]
        ['summit']
    """
    if not mentions:
        return mentions
    rules = TypeRules.of(lex)
    heads: _Heads | None = None
    starts = [n.start for n in names]
    quoted_starts = [q.start for q in quoted]
    summit_sentences = {m.sentence.start for m in mentions if m.type is EventType.SUMMIT}
    out: list[EventMention] = []
    upgraded: list[EventMention] = []
    latest: dict[EventType, EventMention] = {}
    days: dict[EventType, list[TimeRef]] = {}  # the times told so far, by type
    story = next((m for m in mentions if m.type in _STORY_KINDS and not m.trigger.trigger.story_kind), None)
    for m in mentions:
        if m.trigger.trigger.story_kind:
            if story is None or m.time is None or m.time.iso is None:
                continue  # "the first test" with no launch or test in the story, or no date of its own
            m.type = story.type
            m.actors = m.actors or list(story.actors)  # the same state's earlier one
            m.recalled = True  # an earlier one, kept apart from the story's own
            m.anaphoric = False
            out.append(m)
            continue
        if m.type is EventType.MEETING:
            if (
                _no_guest(text, m, names, starts, rules)
                or _body_session(text, m, rules)
                or _setting_of_words(text, m, rules)
                or rules.idiom.match(text, m.trigger.start, min(m.sentence.end, m.trigger.end + 50))
            ):
                continue
            if (
                m.time is not None
                and not m.recalled
                and _SINCE.match(m.time.text)
                and not _when_clause_of(text, m)
            ):
                m.time = None  # "talks have stalled since 2019": when the stall began
            if (
                m.sentence.start not in summit_sentences
                and not _inside(m.trigger.start, quoted_starts, quoted)
                and _in_person(text, m, rules)
            ):
                heads = heads or _Heads(text, names, rules, gazetteer)
                if _leaders_meet(text, m, heads, rules):
                    upgraded.append(m)
        elif m.type is EventType.MISSILE_LAUNCH and _launched_else(text, m, rules):
            continue
        elif m.type is EventType.MISSILE_LAUNCH and _space_payload(text, m, rules):
            m.type = EventType.SATELLITE_LAUNCH
        if (
            m.type in (EventType.SATELLITE_LAUNCH, EventType.MISSILE_LAUNCH)
            and m.mood == "hypothetical"
            and rules.outcome.search(text, m.trigger.end, min(m.sentence.end, m.trigger.end + _OUTCOME_REACH))
        ):
            m.mood = "plain"  # "the attempt to launch a satellite failed": it took place
        if m.time is not None and m.time.span is not None and _compared(text, m.sentence, m.time.span, rules):
            m.time = None
        last = latest.get(m.type)
        if m.time is not None and (
            (m.anaphoric and last is not None and _within(last.time, m.time))
            or (
                _COUNTED.search(text, max(m.sentence.start, m.trigger.start - 40), m.trigger.start)
                and any(_within(day, m.time) for day in days.get(m.type, ()))
            )
        ):
            m.time = None  # "fired a missile on Monday. The launch was its third this month": Monday's
        latest[m.type] = m
        if m.time is not None:
            days.setdefault(m.type, []).append(m.time)
        out.append(m)
    _same_summit(out, upgraded)
    _rockets_of_the_space_launch(out)
    return out


_ROCKET = re.compile(r"\brocket\b", re.IGNORECASE)
# The launches and tests a story's bare "first test" or "the one launched" may recall.
_STORY_KINDS = (EventType.NUCLEAR_TEST, EventType.MISSILE_LAUNCH, EventType.SATELLITE_LAUNCH)


def _rockets_of_the_space_launch(mentions: list[EventMention]) -> None:
    """A single rocket launched on the day of the story's space launch is that launch.

    "North Korea fired a long-range rocket on Sunday" where the story says elsewhere that
    Sunday's launch carried a satellite. Rockets in the plural (a barrage) stay what they were.
    """
    days = {m.time.iso if m.time else None for m in mentions if m.type is EventType.SATELLITE_LAUNCH}
    if not days:
        return
    for m in mentions:
        if m.type is EventType.MISSILE_LAUNCH and _ROCKET.search(m.trigger.text):
            day = m.time.iso if m.time else None
            if day in days or (None in days and len(days) == 1) or (day is None and len(days) == 1):
                m.type = EventType.SATELLITE_LAUNCH


def _same_summit(mentions: list[EventMention], upgraded: list[EventMention]) -> None:
    """A meeting of some of a summit's leaders (or their states), on no other day, is that
    summit told again.

    "Kim and Trump met on Tuesday ... Kim said they had a historic meeting": one summit.
    """
    for m in mentions:
        if m.type is not EventType.MEETING or not m.actors:
            continue
        for s in upgraded:
            same_day = m.time is None or s.time is None or m.time.iso == s.time.iso
            sides = set(s.actors) | {s.affiliations[a] for a in s.actors if a in s.affiliations}
            if same_day and set(m.actors) <= sides:
                m.type = EventType.SUMMIT
                break


def _inside(at: int, starts: list[int], quoted: Sequence[QuotePiece]) -> bool:
    """Whether offset `at` lies inside one of the quotation pieces (`starts` their starts)."""
    k = bisect.bisect_right(starts, at) - 1
    return k >= 0 and at < quoted[k].end


def _no_guest(
    text: str, m: EventMention, names: Sequence[ActorMention], starts: list[int], rules: TypeRules
) -> bool:
    """A greeting verb with no person named right after it ("welcomed the move").

    A guest named there joins the meeting's participants.
    """
    if m.trigger.text.lower() not in rules.guest_verbs:
        return False
    k = bisect.bisect_left(starts, m.trigger.end)
    guest = names[k] if k < len(names) else None
    if guest is None or guest.kind != "person" or guest.start > m.trigger.end + 3:
        return True
    if _POSSESSIVE.match(text, guest.end) is not None:
        return True
    if guest.name not in m.actors:
        m.actors.append(guest.name)  # the guest greeted is a participant
        m.partners.append(guest.name)
        if guest.affiliation:
            m.affiliations[guest.name] = guest.affiliation
    return False


# "Kim said at a meeting with officials that ...", "told a meeting of party cadres": a
# meeting named only as where words were spoken.
_SPOKEN_AT = re.compile(
    r"(?<![\w-])(?:said|says|told|tells|telling|saying|speaking|spoke|speaks|stressed|remarked|noted|declared"
    r"|added|vowed|warned)\s+(?:(?:in|at|during|to)\s+)?(?:an?)\s+(?:[\w-]{1,20}\s+){0,3}?\Z",
    re.IGNORECASE,
)


def _setting_of_words(text: str, m: EventMention, rules: TypeRules) -> bool:
    """A meeting with no one named beside the speaker, told only as where words were spoken.

    One called in a crisis ("told an emergency cabinet meeting") happened all the same.
    """
    if m.partners or len(m.actors) > 1 or rules.crisis.search(m.trigger.text):
        return False
    return _SPOKEN_AT.search(text, max(m.sentence.start, m.trigger.start - 60), m.trigger.start) is not None


def _body_session(text: str, m: EventMention, rules: TypeRules) -> bool:
    """A body's own session ("the council's first meeting"): no meeting between parties."""
    if m.kind != "noun" and not m.trigger.text.lower().startswith("meeting"):
        return False  # a verb, but for the noun "meeting" read by a verb pattern
    lo = max(m.sentence.start, m.trigger.start - 40)
    t = m.trigger.text
    if t[:1] in "'’":
        # The trigger begins at the possessive ("'s first meeting"): read it with its owner.
        own = t[: 2 if t[1:2] in "sS" else 1]
        return rules.body_owner.search(text[lo : m.trigger.start] + own + " ") is not None
    return rules.body_owner.search(text, lo, m.trigger.start) is not None


def _in_person(text: str, m: EventMention, rules: TypeRules) -> bool:
    """Whether a meeting mention tells of people in one room: no call, letter or briefing,
    and one occasion, not a tally ("have met four times")."""
    if rules.remote.search(m.trigger.text) or rules.remote.search(text, m.sentence.start, m.sentence.end):
        return False
    return rules.tally.search(text, m.trigger.start, min(m.sentence.end, m.trigger.end + 60)) is None


def _leaders_meet(text: str, m: EventMention, heads: _Heads, rules: TypeRules) -> bool:
    """Whether a meeting of heads of two states made `m` a summit; "the two leaders" are
    the last two heads named before."""
    people = [a for a in m.actors if heads.state(a) is not None and not heads.former(a, m.sentence)]
    if len(people) < 2 and (
        rules.leaders.search(text, max(m.sentence.start, m.trigger.start - 40), m.trigger.start)
        or rules.leaders_after.match(text, m.trigger.end, m.sentence.end)
    ):
        named = heads.before(m.trigger.start, 2)
        if len(named) == 2:
            m.actors = [*named, *(a for a in m.actors if a not in named)]
            m.affiliations.update((a, state) for a in named if (state := heads.state(a)))
            people = named
    if len(people) == 1:
        # "Kim held talks with the Russian president", "the North Korean leader met Putin":
        # a state told by its head's title stands for that head.
        for a in list(m.actors):
            head = heads.titled_state(a, m.sentence)
            if head is not None and head != heads.state(people[0]):
                name = heads.head_of(head, m.sentence.start) or a
                m.actors = [name if x == a else x for x in m.actors]
                if name != a:
                    m.affiliations[name] = head
                people.append(name)
                break
    # Heads of two states: a head whose state is not known counts as a side of its own.
    if len({heads.state(a) or a for a in people}) >= 2:
        m.type = EventType.SUMMIT
        return True
    return False


_APPROXIMATE = re.compile(
    r"\s(?:about|around)(?=\s+(?:\d|(?:a\s+(?:dozen|score|hundred)|dozens|hundreds|several|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b))",
    re.IGNORECASE,
)


def _launched_else(text: str, m: EventMention, rules: TypeRules) -> bool:
    """Whether a launch verb's missile word names no missile it launched: "launched an
    investigation into the missile program", "tested its missile defence system"."""
    t = m.trigger
    if rules.not_missile_head.match(text, t.end, min(m.sentence.end, t.end + 40)):
        return True
    if m.kind != "verb":
        return False
    # The gap between the verb and the missile word (the verb's own words left out); an
    # "about" before a count ("fired about 10 missiles") counts, it launches nothing else.
    _, _, rest = t.text.partition(" ")
    return bool(rest) and rules.launch_gap.search(_APPROXIMATE.sub(" ", f" {rest} ")) is not None


def _space_payload(text: str, m: EventMention, rules: TypeRules) -> bool:
    """Whether a missile mention names a space vehicle or payload ("the Unha-3 rocket",
    "a rocket carrying a satellite")."""
    t = m.trigger
    if rules.space.search(t.text):
        return True
    lo = max(m.sentence.start, t.start - 20)
    if rules.space.search(text, lo, t.start) and not _PUNCT.search(text, lo, t.start):
        return True  # "the Chollima-1 rocket", "a Kwangmyongsong launch"
    if rules.payload.match(text, t.end, min(m.sentence.end, t.end + _PAYLOAD_REACH)) is not None:
        return True
    # "a long-range rocket launched from the Sohae station": a rocket from a space site.
    return (
        _ROCKET.search(t.text) is not None
        and rules.space_site.search(text, m.sentence.start, m.sentence.end) is not None
    )


def _within(fine: TimeRef | None, coarse: TimeRef) -> bool:
    """Whether `coarse` (a month or year) holds the finer date `fine`."""
    if fine is None or fine.iso is None or coarse.iso is None:
        return False
    return len(fine.iso) > len(coarse.iso) and fine.iso.startswith(coarse.iso)


def _compared(text: str, sentence: Span, span: Span, rules: TypeRules) -> bool:
    """Whether a time expression dates the event compared with ("than the one in 2006")."""
    return rules.comparison.search(text, max(sentence.start, span.start - 60), span.start) is not None
