"""`EventMention`: what one sentence says about one event, while it is being built.

Kept in a module of its own so that the helpers reading and filling mentions
(`binding`, `clauses`, `mention_checks`, `places`) need not import the
orchestrator in `event_mentions` that makes them.
"""

from __future__ import annotations

from attrs import define, field

from koreabrief.extraction.triggers import TriggerMatch
from koreabrief.models import EventType, Quantity, Span, TimeRef

__all__ = ["EventMention"]


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
    # An earlier event of the same kind, recalled by "the first ... since X": dated X, kept apart.
    recalled: bool = False
    # A summit dated by the agreement that concluded it ("agreed on Friday after the summit"):
    # read as a time anchor it would lose that day.
    concluded: bool = False
