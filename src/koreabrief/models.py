"""The typed data koreabrief produces: frozen, slotted attrs classes and their enums.

Every model is immutable and hashable, holds tuples rather than lists, and
round-trips exactly through [`to_json`][koreabrief.to_json] /
[`from_json`][koreabrief.from_json].
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from attrs import field, frozen
from attrs import validators as v
from dateutil.parser import isoparse

from koreabrief.errors import ArgumentError

__all__ = [
    "Alignment",
    "Article",
    "Brief",
    "Comparison",
    "Event",
    "EventType",
    "FactValue",
    "Facts",
    "Modality",
    "Precision",
    "Quantity",
    "Removal",
    "RemovalKind",
    "Sanction",
    "SanctionStatus",
    "SharedStatement",
    "Span",
    "SpeakerStatements",
    "Statement",
    "Story",
    "TimeRef",
    "TimelineEntry",
    "Verdict",
]


class RemovalKind(str, enum.Enum):
    """Why a line of the raw page is not part of the article body.

    Examples:
        >>> import koreabrief as kb
        >>> kb.RemovalKind("share") is kb.RemovalKind.SHARE
        True
    """

    NAVIGATION = "navigation"
    SHARE = "share"
    COMMENTS = "comments"
    AUTHOR_BIO = "author_bio"
    BYLINE = "byline"
    RELATED = "related"
    ADVERT = "advert"
    CREDIT = "credit"
    SOURCE_NOTE = "source_note"
    RATING = "rating"
    DUPLICATE_TITLE = "duplicate_title"
    OTHER = "other"


class EventType(str, enum.Enum):
    """The kinds of event koreabrief recognises.

    Examples:
        >>> import koreabrief as kb
        >>> kb.EventType.MISSILE_LAUNCH.value
        'missile_launch'
    """

    MISSILE_LAUNCH = "missile_launch"
    SATELLITE_LAUNCH = "satellite_launch"
    NUCLEAR_TEST = "nuclear_test"
    WEAPONS_DISPLAY = "weapons_display"
    MILITARY_EXERCISE = "military_exercise"
    TROOP_DEPLOYMENT = "troop_deployment"
    ARMS_TRANSFER = "arms_transfer"
    TECHNOLOGY_TRANSFER = "technology_transfer"
    CASUALTIES = "casualties"
    DIPLOMATIC_VISIT = "diplomatic_visit"
    MEETING = "meeting"
    SUMMIT = "summit"
    AGREEMENT = "agreement"
    MARTIAL_LAW = "martial_law"
    IMPEACHMENT = "impeachment"
    ARREST = "arrest"
    ELECTION = "election"
    INAUGURATION = "inauguration"
    PROTEST = "protest"
    # Happenings outside the first nineteen (issue 17): each maps to a PLOVER
    # event type and mode in ``data/events.toml`` ([plover]).
    ARTILLERY_FIRE = "artillery_fire"
    NAVAL_CLASH = "naval_clash"
    SHIP_SINKING = "ship_sinking"
    SHOOTING = "shooting"
    WARNING_SHOTS = "warning_shots"
    COMBAT = "combat"
    INVASION = "invasion"
    BOMBING = "bombing"
    ASSASSINATION = "assassination"
    EXECUTION = "execution"
    DEMOLITION = "demolition"
    BALLOON_LAUNCH = "balloon_launch"
    LOUDSPEAKER_BROADCAST = "loudspeaker_broadcast"
    MINE_LAYING = "mine_laying"
    INCURSION = "incursion"
    BORDER_CROSSING = "border_crossing"
    DEFECTION = "defection"
    CYBERATTACK = "cyberattack"
    CAPTURE = "capture"
    PRISONER_RELEASE = "prisoner_release"
    SENTENCING = "sentencing"
    DEATH = "death"
    SHIP_SEIZURE = "ship_seizure"
    NAVAL_DEPLOYMENT = "naval_deployment"
    AIRCRAFT_SCRAMBLE = "aircraft_scramble"
    CRASH = "crash"
    WEAPONS_TEST = "weapons_test"
    INSPECTION = "inspection"
    MILITARY_ALERT = "military_alert"
    CIVIL_DEFENSE_ALERT = "civil_defense_alert"
    CIVIL_DEFENSE_DRILL = "civil_defense_drill"
    EVACUATION = "evacuation"
    FLIGHT_SUSPENSION = "flight_suspension"
    INVESTIGATION_FINDING = "investigation_finding"
    PHONE_CALL = "phone_call"
    LETTER = "letter"
    DIPLOMATIC_RELATIONS = "diplomatic_relations"
    OFFICE_OPENING = "office_opening"
    OFFICE_CLOSURE = "office_closure"
    HOTLINE = "hotline"
    AGREEMENT_WITHDRAWAL = "agreement_withdrawal"
    TERROR_DESIGNATION = "terror_designation"
    AGENCY_ABOLITION = "agency_abolition"
    LEGISLATION = "legislation"
    VETO = "veto"
    PARLIAMENTARY_SESSION = "parliamentary_session"
    PUBLIC_APPEARANCE = "public_appearance"
    CANCELLATION = "cancellation"
    INDICTMENT = "indictment"
    EXPULSION = "expulsion"
    TALKS_WITHDRAWAL = "talks_withdrawal"
    BOMBER_FLIGHT = "bomber_flight"
    WEBSITE_TAKEDOWN = "website_takedown"
    COUNCIL_STATEMENT = "council_statement"
    EXPORT_RESTRICTION = "export_restriction"
    MARTIAL_LAW_LIFTED = "martial_law_lifted"


class Modality(str, enum.Enum):
    """How the text presents an event (after PLOVER's modality).

    Examples:
        >>> import koreabrief as kb
        >>> kb.Modality("background")
        <Modality.BACKGROUND: 'background'>
    """

    ASSERTED = "asserted"
    SCHEDULED = "scheduled"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"
    BACKGROUND = "background"


class SanctionStatus(str, enum.Enum):
    """The state of a sanction as the text reports it.

    Examples:
        >>> import koreabrief as kb
        >>> kb.SanctionStatus.IN_FORCE.value
        'in_force'
    """

    IN_FORCE = "in_force"
    PROPOSED = "proposed"
    LIFTED = "lifted"
    VIOLATED = "violated"
    THREATENED = "threatened"


class Precision(str, enum.Enum):
    """How precisely a [`TimeRef`][koreabrief.TimeRef] fixes its date.

    Examples:
        >>> import koreabrief as kb
        >>> kb.Precision.MONTH.value
        'month'
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Verdict(str, enum.Enum):
    """Whether two articles agree or conflict on an aligned fact.

    Examples:
        >>> import koreabrief as kb
        >>> kb.Verdict.CONFLICT.value
        'conflict'
    """

    AGREE = "agree"
    CONFLICT = "conflict"


# The validators below answer the common case (a value of exactly the class asked
# for) with one class test, and hand anything else to the attrs validator they
# stand for, which accepts subclasses and raises its own errors as before: models
# are made by the thousand, and attrs' validators cost a call or two each.


def slot_setter(cls: type, name: str) -> Callable[[object, Any], None]:
    """The setter of the slot `name` of `cls`: what `object.__setattr__` ends in.

    A frozen class cannot assign its fields; the hand-written inits of records
    made by the thousand (`Span`, gazetteer and trigger matches) call these
    instead, saving the name lookup.

    Examples:
        >>> s = Span(1, 2); slot_setter(Span, "end")(s, 5); s.end
        5
    """
    setter: Callable[[object, Any], None] = cls.__dict__[name].__set__
    return setter


def _classes(kind: type | tuple[type, ...]) -> frozenset[type]:
    return frozenset(kind) if isinstance(kind, tuple) else frozenset((kind,))


def _instance_of(kind: type | tuple[type, ...]) -> Any:
    """`instance_of(kind)`."""
    slow: Any = v.instance_of(kind)
    exact = _classes(kind)

    def check(instance: object, attribute: Any, value: object) -> None:
        if value.__class__ not in exact:
            slow(instance, attribute, value)

    return check


def _tuple_of(kind: type | tuple[type, ...]) -> Any:
    """A tuple of `kind` (`deep_iterable(instance_of(kind), instance_of(tuple))`)."""
    slow: Any = v.deep_iterable(v.instance_of(kind), v.instance_of(tuple))
    exact = _classes(kind)

    def check(instance: object, attribute: Any, value: Any) -> None:
        if value.__class__ is tuple:
            for item in value:
                if item.__class__ not in exact:
                    break
            else:
                return
        slow(instance, attribute, value)

    return check


def _optional(kind: type | tuple[type, ...]) -> Any:
    """`kind` or None (`optional(instance_of(kind))`)."""
    slow: Any = v.optional(v.instance_of(kind))
    exact = _classes(kind)

    def check(instance: object, attribute: Any, value: object) -> None:
        if value is not None and value.__class__ not in exact:
            slow(instance, attribute, value)

    return check


def _non_negative(instance: object, attribute: Any, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


_is_int = v.instance_of(int)


def _offset(instance: object, attribute: Any, value: int) -> None:
    """`instance_of(int)` then `_non_negative`, in one call: spans are made by the thousand."""
    if value.__class__ is not int:
        _is_int(instance, attribute, value)
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@frozen(init=False)
class Span:
    """A half-open range of character offsets into a text.

    For extracted facts the text is `Article.text`:
    `article.text[span.start:span.end]` is exactly the evidence.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character; never less than `start`.

    Examples:
        >>> import koreabrief as kb
        >>> kb.Span(4, 9).slice("The missile flew")
        'missi'
        >>> len(kb.Span(4, 9))
        5
    """

    start: int = field(validator=_offset)
    end: int = field(validator=_offset)

    def __init__(self, start: int, end: int) -> None:
        # Written out rather than generated: spans are made by the thousand, and one
        # test of both offsets passes nearly all of them. Anything else takes the
        # generated init's path (set both, run the validators unless disabled, then
        # compare), so bad input fails with the same error as before.
        _set_start(self, start)
        _set_end(self, end)
        if start.__class__ is int and end.__class__ is int and 0 <= start <= end:
            return
        if not v.get_disabled():
            fields = Span.__attrs_attrs__
            _offset(self, fields.start, start)
            _offset(self, fields.end, end)
        if end < start:
            raise ValueError(f"Span end {end} is before start {start}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the part of `text` this span covers.

        Examples:
            >>> import koreabrief as kb
            >>> kb.Span(0, 5).slice("Seoul said")
            'Seoul'
        """
        return text[self.start : self.end]


_set_start = slot_setter(Span, "start")
_set_end = slot_setter(Span, "end")


@frozen
class Removal:
    """A line of the raw page that is not part of the article body.

    Attributes:
        kind: Why it was removed.
        text: The line as it stands in `Article.raw`.
        start: Offset of the line in `Article.raw`.
        end: Offset one past the line in `Article.raw`.
        reason: A short human-readable explanation of the decision.

    Examples:
        >>> import koreabrief as kb
        >>> r = kb.Removal(kb.RemovalKind.SHARE, "Share it", 0, 8, "call to action")
        >>> r.kind.value
        'share'
    """

    kind: RemovalKind = field(validator=_instance_of(RemovalKind))
    text: str = field(validator=_instance_of(str))
    start: int = field(validator=[v.instance_of(int), _non_negative])
    end: int = field(validator=[v.instance_of(int), _non_negative])
    reason: str = field(default="", validator=_instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"Removal end {self.end} is before start {self.start}")


#: The values of `Article.published_source`, most trusted first.
PUBLISHED_SOURCES = ("given", "stamp", "text", "url")


def published_date(value: object) -> dt.date | None:
    """A publication date from a `date`, a `datetime` (its date) or an ISO string; None stays None.

    Raises:
        ArgumentError: Any other value, or a string that is no ISO date.

    Examples:
        >>> published_date("2025-01-06"), published_date(dt.datetime(2025, 1, 6, 9, 30))
        (datetime.date(2025, 1, 6), datetime.date(2025, 1, 6))
        >>> published_date(20250106)
        Traceback (most recent call last):
        ...
        koreabrief.errors.ArgumentError: published must be a date, a datetime or an ISO date string, got int
    """
    if value is None or value.__class__ is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            # isoparse, not fromisoformat: Python 3.10's reads no "Z" and no week dates.
            return isoparse(value.strip()).date()
        except (ValueError, OverflowError):
            pass
        raise ArgumentError(f"published must be an ISO date string such as '2025-01-06', got {value[:40]!r}")
    raise ArgumentError(
        f"published must be a date, a datetime or an ISO date string, got {type(value).__name__}"
    )


@frozen
class Article:
    """One news article: the raw text as received, its clean body and metadata.

    Attributes:
        id: Identifier, unique within a corpus (a file stem for files).
        raw: The text exactly as received (after decoding).
        text: The clean body: paragraphs separated by one blank line.
        title: The headline, if the page has one.
        author: The author, from a byline or an author bio.
        dateline: The dateline place, e.g. ``"SEOUL"``; it stays in `text`.
        original_source: Where the text says it comes from ("Original Source: ...").
        outlet: The publishing outlet, when known.
        url: The article's address, when known.
        published: The publication date, when known (given by the caller or the
            loader, else read by `clean` from the page's date stamp, its date
            lines or its address). A `datetime` stands for its date and an ISO
            string ("2025-01-06") is read; any other value is an
            [`ArgumentError`][koreabrief.ArgumentError].
        removed: Every non-body line of `raw`, with its kind and offsets.
        warnings: Problems met while loading or cleaning, in plain words.
        published_source: Where `published` comes from: ``"given"`` (by the
            caller or the record), ``"stamp"`` (a date stamp opening the page,
            "date 2025-01-06"), ``"text"`` (a date line of the page, "Published:
            Jan. 6, 2025"), ``"url"`` (a date in the address); None when
            `published` is None or the article was built without `clean`.
        crawled: The day a crawler fetched the page (a WARC record's date),
            when known; it is not the publication date.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="Seoul said.", text="Seoul said.")
        >>> a.paragraphs
        ('Seoul said.',)
    """

    id: str = field(validator=_instance_of(str))
    raw: str = field(validator=_instance_of(str))
    text: str = field(validator=_instance_of(str))
    title: str | None = field(default=None, validator=_optional(str))
    author: str | None = field(default=None, validator=_optional(str))
    dateline: str | None = field(default=None, validator=_optional(str))
    original_source: str | None = field(default=None, validator=_optional(str))
    outlet: str | None = field(default=None, validator=_optional(str))
    url: str | None = field(default=None, validator=_optional(str))
    published: dt.date | None = field(default=None, converter=published_date)
    removed: tuple[Removal, ...] = field(default=(), validator=_tuple_of(Removal))
    warnings: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    published_source: str | None = field(default=None, validator=v.optional(v.in_(PUBLISHED_SOURCES)))
    crawled: dt.date | None = field(default=None, validator=_optional(dt.date))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's paragraphs, in order.

        Examples:
            >>> import koreabrief as kb
            >>> kb.Article(id="x", raw="", text="A.\\n\\nB.").paragraphs
            ('A.', 'B.')
        """
        return tuple(p for p in self.text.split("\n\n") if p)


@frozen
class Quantity:
    """An amount stated in the text, normalised.

    Attributes:
        text: The expression as written ("approximately 900 kilometers").
        unit: Normalised unit: ``km``, ``mi``, ``troops``, ``rounds``,
            ``missiles``, ``casualties``, ``meetings``, ``attempts`` ...
        value: The number, or None for vague amounts ("thousands").
        approx: The vague amount word when `value` is None ("thousands").
        low: Lower bound of a range ("10,000 to 12,000"), else None.
        high: Upper bound of a range, else None.
        qualifier: "approximately", "more than", "at least" ... as written.
        km: For distances, the value in kilometres; None for other units.
        span: Where the expression stands in `Article.text`.

    Examples:
        >>> import koreabrief as kb
        >>> q = kb.Quantity(text="560 miles", unit="mi", value=560.0, km=901.233)
        >>> q.km
        901.233
    """

    text: str = field(validator=_instance_of(str))
    unit: str = field(validator=_instance_of(str))
    value: float | None = field(default=None, validator=_optional((int, float)))
    approx: str | None = field(default=None, validator=_optional(str))
    low: float | None = field(default=None, validator=_optional((int, float)))
    high: float | None = field(default=None, validator=_optional((int, float)))
    qualifier: str | None = field(default=None, validator=_optional(str))
    km: float | None = field(default=None, validator=_optional((int, float)))
    span: Span | None = field(default=None, validator=_optional(Span))


@frozen
class TimeRef:
    """A time expression and, when the publication date allows, its resolution.

    Attributes:
        text: The expression as written ("on Monday", "in August 2023").
        date: The first day of the period meant, or None when unresolvable.
        precision: Day, month or year; None when `date` is None.
        span: Where the expression stands in `Article.text`.

    Examples:
        >>> import koreabrief as kb
        >>> import datetime as dt
        >>> kb.TimeRef("in August 2023", dt.date(2023, 8, 1), kb.Precision.MONTH).iso
        '2023-08'
    """

    text: str = field(validator=_instance_of(str))
    date: dt.date | None = field(default=None, validator=_optional(dt.date))
    precision: Precision | None = field(default=None, validator=_optional(Precision))
    span: Span | None = field(default=None, validator=_optional(Span))

    @property
    def iso(self) -> str | None:
        """The resolved date as ISO text at its precision (``2023``, ``2023-08``, ``2023-08-18``).

        Examples:
            >>> import koreabrief as kb
            >>> import datetime as dt
            >>> kb.TimeRef("2020", dt.date(2020, 1, 1), kb.Precision.YEAR).iso
            '2020'
        """
        if self.date is None:
            return None
        if self.precision is Precision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


@frozen(init=False)
class Statement:
    """A quotation and who said it.

    Attributes:
        quote: The text between the quotation marks, exactly as written.
        span: Where the quotation stands in `Article.text`.
        speaker: The canonical speaker ("Marco Rubio", "Office of Han
            Duck-soo", "Joint Chiefs of Staff"), or None when the text names nobody.
        speaker_mention: The speaker as written at the attribution ("He", "Cho").
        role: The speaker's role when known ("Foreign Minister").
        affiliation: The state or body the speaker belongs to ("South Korea").
        cue: The reporting verb or cue as written ("said", "told", "slogan").
        direct: True when the quotation holds at least one whole sentence of the
            speaker's; False for a fragment inside the writer's sentence.
        sentence: The span of the sentence(s) holding quotation and attribution.
        via: The channel that carries the speaker's words when the text relays them
            ("KCNA quoted Kim as saying", "Kim said ..., KCNA reported"): the speaker
            is the one quoted, `via` the agency or outlet. None when the speaker is
            reported directly, or when the agency speaks in its own voice (then it
            is the `speaker`).
        co_speakers: The other speakers of a joint statement, in text order
            ("Moon and Kim agreed to cease “all hostile acts”": `speaker` is Moon
            Jae-in, `co_speakers` is ("Kim Jong Un",)); empty for one speaker.

    Examples:
        >>> import koreabrief as kb
        >>> s = kb.Statement(quote="We are ready.", span=kb.Span(1, 14), speaker="Park Jin")
        >>> s.direct, s.via, s.co_speakers
        (True, None, ())
        >>> r = kb.Statement(quote="a victory", span=kb.Span(0, 9), speaker="Kim Jong Un", via="KCNA")
        >>> r.speakers, r.via
        (('Kim Jong Un',), 'KCNA')
    """

    quote: str = field(validator=_instance_of(str))
    span: Span = field(validator=_instance_of(Span))
    speaker: str | None = field(default=None, validator=_optional(str))
    speaker_mention: str | None = field(default=None, validator=_optional(str))
    role: str | None = field(default=None, validator=_optional(str))
    affiliation: str | None = field(default=None, validator=_optional(str))
    cue: str | None = field(default=None, validator=_optional(str))
    direct: bool = field(default=True, validator=_instance_of(bool))
    sentence: Span | None = field(default=None, validator=_optional(Span))
    via: str | None = field(default=None, validator=_optional(str))
    co_speakers: tuple[str, ...] = field(default=(), validator=_tuple_of(str))

    def __init__(  # noqa: PLR0917 - the signature attrs generates for these fields
        self,
        quote: str,
        span: Span,
        speaker: str | None = None,
        speaker_mention: str | None = None,
        role: str | None = None,
        affiliation: str | None = None,
        cue: str | None = None,
        direct: bool = True,
        sentence: Span | None = None,
        via: str | None = None,
        co_speakers: tuple[str, ...] = (),
    ) -> None:
        # Written out as `Span`'s is: set every field through its slot, then one test of
        # the exact types passes nearly every statement; anything else runs the
        # validators as the generated init would (unless disabled), in field order.
        _set_quote(self, quote)
        _set_span(self, span)
        _set_speaker(self, speaker)
        _set_speaker_mention(self, speaker_mention)
        _set_role(self, role)
        _set_affiliation(self, affiliation)
        _set_cue(self, cue)
        _set_direct(self, direct)
        _set_sentence(self, sentence)
        _set_via(self, via)
        _set_co_speakers(self, co_speakers)
        if (
            quote.__class__ is str
            and span.__class__ is Span
            and direct.__class__ is bool
            and (sentence is None or sentence.__class__ is Span)
            and {speaker.__class__, speaker_mention.__class__, role.__class__, affiliation.__class__,
                 cue.__class__, via.__class__} <= _STR_OR_NONE
            and co_speakers.__class__ is tuple
            and all(c.__class__ is str for c in co_speakers)
        ):  # fmt: skip
            return
        if not v.get_disabled():
            for a in Statement.__attrs_attrs__:
                check: Any = a.validator
                check(self, a, getattr(self, a.name))

    @property
    def speakers(self) -> tuple[str, ...]:
        """Every speaker of the statement: `speaker`, then `co_speakers` (empty when unattributed).

        Examples:
            >>> import koreabrief as kb
            >>> s = kb.Statement(
            ...     quote="q", span=kb.Span(0, 1), speaker="Moon Jae-in", co_speakers=("Kim Jong Un",)
            ... )
            >>> s.speakers
            ('Moon Jae-in', 'Kim Jong Un')
        """
        return (self.speaker, *self.co_speakers) if self.speaker else self.co_speakers


_STR_OR_NONE = frozenset([str, type(None)])
_set_quote = slot_setter(Statement, "quote")
_set_span = slot_setter(Statement, "span")
_set_speaker = slot_setter(Statement, "speaker")
_set_speaker_mention = slot_setter(Statement, "speaker_mention")
_set_role = slot_setter(Statement, "role")
_set_affiliation = slot_setter(Statement, "affiliation")
_set_cue = slot_setter(Statement, "cue")
_set_direct = slot_setter(Statement, "direct")
_set_sentence = slot_setter(Statement, "sentence")
_set_via = slot_setter(Statement, "via")
_set_co_speakers = slot_setter(Statement, "co_speakers")


@frozen
class Event:
    """Something that happened (or is scheduled, or is recalled), once per article.

    Attributes:
        type: What kind of event.
        span: The main mention (its trigger sentence) in `Article.text`.
        modality: Asserted, scheduled, hypothetical, negated or background.
        trigger: The trigger word(s) as written ("fired").
        actors: Canonical names of who did it ("North Korea").
        target: Canonical name of whom it was done to or for, if any.
        location: Where, as written ("into the sea", "Kursk").
        time: When, as written and resolved.
        quantities: Amounts attached to the event.
        mentions: Spans of every mention merged into this event, main first.
        plover: The PLOVER event type the event's type maps to ("MOBILIZE",
            "ASSAULT", "CONSULT" ...), for use beside PLOVER/POLECAT-coded
            data; None where PLOVER codes no such happening (an election).
        plover_mode: The PLOVER mode within that type ("weapons", "visit",
            "heavy-weapons" ...), or None where the type takes none.

    Examples:
        >>> import koreabrief as kb
        >>> e = kb.Event(type=kb.EventType.MISSILE_LAUNCH, span=kb.Span(0, 10), actors=("North Korea",))
        >>> e.modality.value
        'asserted'
    """

    type: EventType = field(validator=_instance_of(EventType))
    span: Span = field(validator=_instance_of(Span))
    modality: Modality = field(default=Modality.ASSERTED, validator=_instance_of(Modality))
    trigger: str = field(default="", validator=_instance_of(str))
    actors: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    target: str | None = field(default=None, validator=_optional(str))
    location: str | None = field(default=None, validator=_optional(str))
    time: TimeRef | None = field(default=None, validator=_optional(TimeRef))
    quantities: tuple[Quantity, ...] = field(default=(), validator=_tuple_of(Quantity))
    mentions: tuple[Span, ...] = field(default=(), validator=_tuple_of(Span))
    plover: str | None = field(default=None, validator=_optional(str))
    plover_mode: str | None = field(default=None, validator=_optional(str))


@frozen
class Sanction:
    """A sanction reported in the text: one per named target, authority and status.

    Field names follow OpenSanctions' FollowTheMoney ``Sanction`` schema where
    they overlap (`entity`, `authority`, `program`, `reason`, `status`,
    `start_date`); [`to_ftm`][koreabrief.to_ftm] maps them onto real FtM
    entities, whose property names differ (``startDate``, ``sourceUrl``).

    Attributes:
        entity: Canonical name of who is sanctioned (a person, company, body,
            vessel or state), or the group phrase ("three individuals") when
            the article names none of the group.
        status: In force, proposed, lifted, violated or threatened.
        span: The first sentence reporting it, in `Article.text`.
        authority: Canonical name of who imposes it, when stated.
        program: The sanctions programme or legal basis, when stated.
        reason: Why, as written ("invasion of Ukraine").
        start_date: ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) when stated.
        entity_kind: What the target is: ``person``, ``company``, ``organisation``,
            ``vessel``, ``state``, ``entity`` (a name of unknown kind) or
            ``group`` (a group phrase), when known.
        aliases: Other names the text gives the target ("also known as ...").
        group: The group phrase the target was listed under ("two Russian ships").
        group_count: The number that group phrase gives, if any.
        resolutions: UN Security Council resolution numbers named ("2397").
        mentions: Every sentence reporting it, `span` first, in text order.

    Examples:
        >>> import koreabrief as kb
        >>> s = kb.Sanction(entity="North Korea", status=kb.SanctionStatus.IN_FORCE, span=kb.Span(0, 9))
        >>> s.status.value
        'in_force'
    """

    entity: str = field(validator=_instance_of(str))
    status: SanctionStatus = field(validator=_instance_of(SanctionStatus))
    span: Span = field(validator=_instance_of(Span))
    authority: str | None = field(default=None, validator=_optional(str))
    program: str | None = field(default=None, validator=_optional(str))
    reason: str | None = field(default=None, validator=_optional(str))
    start_date: str | None = field(default=None, validator=_optional(str))
    entity_kind: str | None = field(default=None, validator=_optional(str))
    aliases: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    group: str | None = field(default=None, validator=_optional(str))
    group_count: int | None = field(default=None, validator=_optional(int))
    resolutions: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    mentions: tuple[Span, ...] = field(default=(), validator=_tuple_of(Span))


@frozen
class Facts:
    """Everything extracted from one article, with the article itself.

    Attributes:
        article: The clean article all spans index into.
        statements: Quotations with their speakers, in text order.
        events: Events, one per real-world event, in text order.
        sanctions: Sanctions, in text order.
        warnings: Values dropped or doubtful during extraction.

    Examples:
        >>> import koreabrief as kb
        >>> f = kb.Facts(article=kb.Article(id="x", raw="", text=""))
        >>> f.statements
        ()
    """

    article: Article = field(validator=_instance_of(Article))
    statements: tuple[Statement, ...] = field(default=(), validator=_tuple_of(Statement))
    events: tuple[Event, ...] = field(default=(), validator=_tuple_of(Event))
    sanctions: tuple[Sanction, ...] = field(default=(), validator=_tuple_of(Sanction))
    warnings: tuple[str, ...] = field(default=(), validator=_tuple_of(str))


@frozen
class FactValue:
    """One article's wording of an aligned fact.

    Attributes:
        article: The article's id.
        text: The wording as written in that article.
        normalised: A comparable form (ISO date, km value, canonical name), if any.
        outlet: The article's outlet, when known.

    Examples:
        >>> import koreabrief as kb
        >>> kb.FactValue(article="a", text="on Monday", normalised="2025-01-06").normalised
        '2025-01-06'
    """

    article: str = field(validator=_instance_of(str))
    text: str = field(validator=_instance_of(str))
    normalised: str | None = field(default=None, validator=_optional(str))
    outlet: str | None = field(default=None, validator=_optional(str))


@frozen
class Alignment:
    """A fact both articles report, and whether they agree on it.

    Attributes:
        fact: A readable key for the fact ("missile_launch.distance").
        kind: What is compared: ``date``, ``quantity``, ``location``, ``name``
            (a spelling conflict), ``speaker`` (one quotation, two speakers),
            ``statement`` (a shared quotation), ``paraphrase`` (a quotation
            restated without quotation marks), ``event``.
        verdict: Agree or conflict.
        values: Each article's wording.
        note: Why the verdict was reached.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Alignment(fact="missile_launch.date", kind="date", verdict=kb.Verdict.AGREE)
        >>> a.verdict.value
        'agree'
    """

    fact: str = field(validator=_instance_of(str))
    kind: str = field(validator=_instance_of(str))
    verdict: Verdict = field(validator=_instance_of(Verdict))
    values: tuple[FactValue, ...] = field(default=(), validator=_tuple_of(FactValue))
    note: str = field(default="", validator=_instance_of(str))


@frozen
class SharedStatement:
    """One quotation carried by two articles.

    Attributes:
        speaker: The canonical speaker, when both agree on one.
        quote_a: The quotation as the first article has it.
        quote_b: The quotation as the second article has it.
        match: ``exact``, ``contained`` or ``fuzzy``.
        score: Similarity from 0 to 100.

    Examples:
        >>> import koreabrief as kb
        >>> kb.SharedStatement("Park Jin", "We will act.", "We will act", "exact", 100.0).match
        'exact'
    """

    speaker: str | None = field(validator=_optional(str))
    quote_a: str = field(validator=_instance_of(str))
    quote_b: str = field(validator=_instance_of(str))
    match: str = field(validator=_instance_of(str))
    score: float = field(validator=_instance_of((int, float)))


@frozen
class Comparison:
    """How two articles' coverage relates.

    Attributes:
        a: The first article's id.
        b: The second article's id.
        similarity: Estimated Jaccard similarity of their word shingles (0 to 1).
        same_story: Whether they report the same story.
        rewrite: The id of the article that is a rewrite of the other, if any.
        derived_from: The id of the article `rewrite` was derived from.
        reasons: Plain-language evidence for `same_story` and the derivation.
        shared_statements: Quotations both carry.
        agreements: Aligned facts on which they agree.
        conflicts: Aligned facts on which they conflict.

    Examples:
        >>> import koreabrief as kb
        >>> c = kb.Comparison(a="x", b="y", similarity=0.1, same_story=False)
        >>> c.conflicts
        ()
    """

    a: str = field(validator=_instance_of(str))
    b: str = field(validator=_instance_of(str))
    similarity: float = field(validator=_instance_of((int, float)))
    same_story: bool = field(validator=_instance_of(bool))
    rewrite: str | None = field(default=None, validator=_optional(str))
    derived_from: str | None = field(default=None, validator=_optional(str))
    reasons: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    shared_statements: tuple[SharedStatement, ...] = field(default=(), validator=_tuple_of(SharedStatement))
    agreements: tuple[Alignment, ...] = field(default=(), validator=_tuple_of(Alignment))
    conflicts: tuple[Alignment, ...] = field(default=(), validator=_tuple_of(Alignment))


@frozen
class Story:
    """A group of articles that tell the same story.

    Attributes:
        id: A stable identifier derived from the member articles.
        articles: Member article ids, in corpus order.
        title: A representative headline.
        outlets: The outlets carrying the story, when known.
        derivations: ``(rewrite, source)`` pairs of article ids.
        reasons: Why its articles were joined, one line per join ("a + b: they share a quotation").

    Examples:
        >>> import koreabrief as kb
        >>> kb.Story(id="s1", articles=("a", "b")).articles
        ('a', 'b')
    """

    id: str = field(validator=_instance_of(str))
    articles: tuple[str, ...] = field(validator=_tuple_of(str))
    title: str | None = field(default=None, validator=_optional(str))
    outlets: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    derivations: tuple[tuple[str, str], ...] = field(default=(), validator=_tuple_of(tuple))
    reasons: tuple[str, ...] = field(default=(), validator=_tuple_of(str))


@frozen
class TimelineEntry:
    """One event in a brief's timeline, merged across the articles reporting it.

    Attributes:
        event: The representative event.
        articles: Ids of the articles reporting it.
        story: The id of the story it belongs to.

    Examples:
        >>> import koreabrief as kb
        >>> e = kb.Event(type=kb.EventType.SUMMIT, span=kb.Span(0, 6))
        >>> kb.TimelineEntry(event=e, articles=("a",), story="s1").articles
        ('a',)
    """

    event: Event = field(validator=_instance_of(Event))
    articles: tuple[str, ...] = field(validator=_tuple_of(str))
    story: str = field(validator=_instance_of(str))


@frozen
class SpeakerStatements:
    """What one speaker said across a corpus.

    Attributes:
        speaker: The canonical speaker.
        quotes: Distinct quotations, in first-seen order.
        articles: For each quotation, the ids of the articles carrying it.
        outlets: For each quotation, the outlets carrying it.
        via: The channels that relayed any of these quotations ("Korean Central
            News Agency"), in first-seen order; empty when none was relayed.

    Examples:
        >>> import koreabrief as kb
        >>> kb.SpeakerStatements("Park Jin", ("We act.",), (("a",),), ((),)).speaker
        'Park Jin'
        >>> kb.SpeakerStatements("Kim Jong Un", ("We act.",), (("a",),), ((),), via=("KCNA",)).via
        ('KCNA',)
    """

    speaker: str = field(validator=_instance_of(str))
    quotes: tuple[str, ...] = field(validator=_tuple_of(str))
    articles: tuple[tuple[str, ...], ...] = field(validator=_tuple_of(tuple))
    outlets: tuple[tuple[str, ...], ...] = field(validator=_tuple_of(tuple))
    via: tuple[str, ...] = field(default=(), validator=_tuple_of(str))


@frozen
class Brief:
    """A corpus summarised: stories, timeline, who said what, sanctions, conflicts.

    Attributes:
        stories: The stories, largest first.
        timeline: Events merged across articles, in date order.
        statements: Statements grouped by speaker.
        sanctions: Sanctions reported anywhere in the corpus.
        conflicts: Facts on which articles of one story disagree.
        articles: Number of articles summarised.
        warnings: Problems met while building the brief.
        sanction_articles: For each sanction, the ids of the articles reporting it.

    Examples:
        >>> import koreabrief as kb
        >>> kb.Brief().articles
        0
    """

    stories: tuple[Story, ...] = field(default=(), validator=_tuple_of(Story))
    timeline: tuple[TimelineEntry, ...] = field(default=(), validator=_tuple_of(TimelineEntry))
    statements: tuple[SpeakerStatements, ...] = field(default=(), validator=_tuple_of(SpeakerStatements))
    sanctions: tuple[Sanction, ...] = field(default=(), validator=_tuple_of(Sanction))
    conflicts: tuple[Alignment, ...] = field(default=(), validator=_tuple_of(Alignment))
    articles: int = field(default=0, validator=[v.instance_of(int), _non_negative])
    warnings: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    sanction_articles: tuple[tuple[str, ...], ...] = field(default=(), validator=_tuple_of(tuple))
