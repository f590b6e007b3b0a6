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

import datetime as dt

from koreabrief.extraction.binding import recalled
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.event_mentions import EventMention, sentence_mentions, triggers_by_window
from koreabrief.extraction.triggers import EventLexicon
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Article, Event, EventType, Modality, Span

__all__ = ["events_in_context", "extract_events", "extract_events_with_warnings"]

# A sentence longer than this is processed in windows so that work stays linear.
_WINDOW = 4_000
_STRICT_DATES = frozenset({EventType.PROTEST})
_PLACE_MATTERS = frozenset({EventType.DIPLOMATIC_VISIT, EventType.MEETING})


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
        seen = {(q.value, q.unit, q.approx, q.low, q.high) for q in self.quantities}
        for q in m.quantities:
            if (q.value, q.unit, q.approx, q.low, q.high) not in seen:
                self.quantities.append(q)
                seen.add((q.value, q.unit, q.approx, q.low, q.high))
        self.moods.add(m.mood)

    def _covered(self, actor: str, m: EventMention) -> bool:
        """A state already stood for by one of its people ("US" beside "Antony Blinken")."""
        return any(self.affiliations.get(a) == actor for a in self.actors)


def _group(mood: str) -> str:
    return "real" if mood in ("plain", "future") else mood


def _expand(names: list[str], affiliations: dict[str, str]) -> set[str]:
    out = set(names)
    out.update(affiliations[n] for n in names if n in affiliations)
    return out


def _compatible(e: _Event, m: EventMention, gazetteer: Gazetteer) -> bool:
    if e.type is not m.type or _group(m.mood) not in {_group(x) for x in e.moods}:
        return False
    a, b = e.time.iso if e.time else None, m.time.iso if m.time else None
    if e.type in _STRICT_DATES:
        if a != b:
            return False
    elif a is not None and b is not None and a != b:
        return False
    if e.actors and m.actors:
        mine = _expand(e.actors, e.affiliations)
        theirs = _expand(m.actors, m.affiliations)
        if not (set(m.actors) <= mine or set(e.actors) <= theirs):
            return False
    if e.target and m.target and e.target != m.target:
        return False
    if e.type in _PLACE_MATTERS and e.location and m.location:
        return _same_place(e.location, m.location, gazetteer)
    return True


def _same_place(x: str, y: str, gazetteer: Gazetteer) -> bool:
    if x.lower() in y.lower() or y.lower() in x.lower():
        return True
    ex, ey = gazetteer.resolve(x), gazetteer.resolve(y)
    return ex is not None and ey is not None and ex.name == ey.name


def _merge(mentions: list[EventMention], gazetteer: Gazetteer) -> list[_Event]:
    events: list[_Event] = []
    for m in mentions:
        if m.anaphoric:
            host = next(
                (
                    e
                    for e in reversed(events)
                    if e.type is m.type and _group(m.mood) in {_group(x) for x in e.moods}
                ),
                None,
            )
            if host is not None and (host.time is None or m.time is None or host.time.iso == m.time.iso):
                host.absorb(m)
                continue
            if m.fallback:
                m.actors = list(m.fallback)
        host = next((e for e in events if _compatible(e, m, gazetteer)), None)
        if host is not None:
            host.absorb(m)
        else:
            events.append(_Event(m))
    return events


def _modality(e: _Event, published: dt.date | None) -> Modality:
    if "plain" not in e.moods and "future" not in e.moods:
        return Modality.NEGATED if "negated" in e.moods else Modality.HYPOTHETICAL
    dated = e.time is not None and e.time.date is not None
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


def _keep(e: _Event) -> bool:
    if e.type in (EventType.MEETING, EventType.SUMMIT):
        # A meeting with no known participant, place or date is too vague to count.
        return bool(e.actors) or (e.time is not None and e.time.date is not None) or bool(e.location)
    return True


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
            )
        )
    out = []
    for e in _merge(mentions, gaz):
        if not _keep(e):
            continue
        modality = _modality(e, article.published)
        if not include_all and modality in (Modality.HYPOTHETICAL, Modality.NEGATED):
            continue
        main = e.mentions[0]
        spans = list(dict.fromkeys(Span(m.trigger.start, m.trigger.end) for m in e.mentions))
        out.append(
            Event(
                type=e.type,
                span=main.sentence,
                modality=modality,
                trigger=main.trigger.text,
                actors=tuple(e.actors),
                target=e.target if e.target not in e.actors else None,
                location=e.location,
                time=e.time,
                quantities=tuple(e.quantities),
                mentions=tuple(spans),
            )
        )
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
        >>> import datetime as dt, koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="North Korea fired two missiles on Monday.",
        ...                published=dt.date(2025, 1, 8))
        >>> [(e.type.value, e.actors, e.time.iso) for e in extract_events(a)]
        [('missile_launch', ('North Korea',), '2025-01-06')]
    """
    return extract_events_with_warnings(article, gazetteer=gazetteer, include_all=include_all)[0]
