"""Flat rows for tables: one dict of plain values per event, statement, sanction or article.

Each row carries the article it comes from (id, address, outlet, publication
date), so rows from many articles stand on their own in a spreadsheet, a CSV
file or a pandas DataFrame (``pandas.DataFrame(kb.to_records(facts, kind="events"))``).
Values are JSON-ready scalars: text, numbers, booleans and None; enums by their
value, dates as ISO text, lists joined with ``"; "``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Literal, get_args

from koreabrief.errors import ArgumentError
from koreabrief.models import Article, Brief, Event, Facts, Sanction, Span, Statement

__all__ = ["Kind", "Row", "columns", "iter_records", "to_records"]

Kind = Literal["events", "statements", "sanctions", "articles"]
Scalar = str | int | float | bool | None
Row = dict[str, Scalar]

SEPARATOR = "; "

_SOURCE = ("article_id", "url", "outlet", "published")
_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": (
        *_SOURCE,
        "type",
        "modality",
        "trigger",
        "actors",
        "target",
        "location",
        "time",
        "date",
        "precision",
        "quantities",
        "text",
        "start",
        "end",
        "articles",
        "story",
    ),
    "statements": (
        *_SOURCE,
        "speaker",
        "speaker_mention",
        "role",
        "affiliation",
        "via",
        "co_speakers",
        "cue",
        "direct",
        "quote",
        "start",
        "end",
        "articles",
        "outlets",
    ),
    "sanctions": (
        *_SOURCE,
        "entity",
        "entity_kind",
        "aliases",
        "group",
        "group_count",
        "resolutions",
        "status",
        "authority",
        "program",
        "reason",
        "start_date",
        "text",
        "start",
        "end",
        "articles",
    ),
    "articles": (
        *_SOURCE,
        "crawled",
        "title",
        "author",
        "dateline",
        "original_source",
        "statements",
        "events",
        "sanctions",
        "warnings",
        "text",
        "story",
    ),
}


def columns(kind: Kind) -> tuple[str, ...]:
    """The keys of every row of `kind`, in order (a CSV header).

    Examples:
        >>> import koreabrief as kb
        >>> kb.tables.columns("sanctions")[:6]
        ('article_id', 'url', 'outlet', 'published', 'entity', 'entity_kind')
    """
    try:
        return _COLUMNS[kind]
    except KeyError:
        raise ArgumentError(f"kind must be one of {', '.join(get_args(Kind))}, not {kind!r}") from None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _joined(values: Iterable[str]) -> str:
    return SEPARATOR.join(values)


def _source(article: Article | None) -> Row:
    if article is None:
        return dict.fromkeys(_SOURCE)
    return {
        "article_id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "published": _iso(article.published),
    }


def _evidence(article: Article | None, span: Span | None) -> Row:
    if article is None or span is None:
        return {"text": None, "start": None, "end": None}
    return {"text": article.text[span.start : span.end], "start": span.start, "end": span.end}


def _event(e: Event, article: Article | None) -> Row:
    t = e.time
    return {
        **_source(article),
        "type": e.type.value,
        "modality": e.modality.value,
        "trigger": e.trigger,
        "actors": _joined(e.actors),
        "target": e.target,
        "location": e.location,
        "time": t.text if t is not None else None,
        "date": _iso(t.date) if t is not None else None,
        "precision": t.precision.value if t is not None and t.precision is not None else None,
        "quantities": _joined(q.text for q in e.quantities),
        **_evidence(article, e.span),
        "articles": article.id if article is not None else None,
        "story": None,
    }


def _statement(s: Statement, article: Article) -> Row:
    evidence = _evidence(article, s.span)
    return {
        **_source(article),
        "speaker": s.speaker,
        "speaker_mention": s.speaker_mention,
        "role": s.role,
        "affiliation": s.affiliation,
        "via": s.via,
        "co_speakers": _joined(s.co_speakers),
        "cue": s.cue,
        "direct": s.direct,
        "quote": s.quote,
        "start": evidence["start"],
        "end": evidence["end"],
        "articles": article.id,
        "outlets": article.outlet,
    }


def _sanction(s: Sanction, article: Article | None) -> Row:
    return {
        **_source(article),
        "entity": s.entity,
        "entity_kind": s.entity_kind,
        "aliases": _joined(s.aliases) or None,
        "group": s.group,
        "group_count": s.group_count,
        "resolutions": _joined(s.resolutions) or None,
        "status": s.status.value,
        "authority": s.authority,
        "program": s.program,
        "reason": s.reason,
        "start_date": s.start_date,
        **_evidence(article, s.span),
        "articles": article.id if article is not None else None,
    }


def _article(a: Article, facts: Facts | None) -> Row:
    return {
        **_source(a),
        "crawled": _iso(a.crawled),
        "title": a.title,
        "author": a.author,
        "dateline": a.dateline,
        "original_source": a.original_source,
        "statements": len(facts.statements) if facts is not None else None,
        "events": len(facts.events) if facts is not None else None,
        "sanctions": len(facts.sanctions) if facts is not None else None,
        "warnings": _joined((*a.warnings, *(facts.warnings if facts is not None else ()))),
        "text": a.text,
        "story": None,
    }


def _facts_rows(f: Facts, kind: str) -> Iterator[Row]:
    a = f.article
    if kind == "events":
        yield from (_event(e, a) for e in f.events)
    elif kind == "statements":
        yield from (_statement(s, a) for s in f.statements)
    elif kind == "sanctions":
        yield from (_sanction(s, a) for s in f.sanctions)
    else:
        yield _article(a, f)


def _brief_rows(b: Brief, kind: str) -> Iterator[Row]:
    # A brief holds article ids, not the articles: address, outlet and date stay
    # empty, and `articles` lists every article that reports the item.
    if kind == "events":
        for entry in b.timeline:
            row = _event(entry.event, None)
            first = entry.articles[0] if entry.articles else None
            row.update(article_id=first, articles=_joined(entry.articles), story=entry.story)
            yield row
    elif kind == "statements":
        for group in b.statements:
            for quote, arts, outlets in zip(group.quotes, group.articles, group.outlets, strict=False):
                row = dict.fromkeys(_COLUMNS["statements"])
                row.update(
                    article_id=arts[0] if arts else None,
                    speaker=group.speaker,
                    quote=quote,
                    articles=_joined(arts),
                    outlets=_joined(outlets),
                )
                yield row
    elif kind == "sanctions":
        ids = b.sanction_articles
        for k, s in enumerate(b.sanctions):
            arts = ids[k] if k < len(ids) else ()
            row = _sanction(s, None)
            row.update(article_id=arts[0] if arts else None, articles=_joined(arts))
            yield row
    else:
        for story in b.stories:
            for aid in story.articles:
                row = dict.fromkeys(_COLUMNS["articles"])
                row.update(article_id=aid, title=story.title if aid == story.articles[0] else None)
                row["story"] = story.id
                yield row


Items = Facts | Article | Brief | Iterable[Facts | Article]


def iter_records(items: Items, /, *, kind: Kind) -> Iterator[Row]:
    """Like [`to_records`][koreabrief.to_records], lazily: rows as the items come.

    Examples:
        >>> import koreabrief as kb
        >>> next(kb.tables.iter_records(kb.process(kb.seeds(), workers=1), kind="articles"))["article_id"][:3]
        '000'
    """
    columns(kind)
    if isinstance(items, Brief):
        yield from _brief_rows(items, kind)
        return
    single = isinstance(items, (Facts, Article))
    for item in (items,) if single else items:  # type: ignore[union-attr]
        if isinstance(item, Facts):
            yield from _facts_rows(item, kind)
        elif isinstance(item, Article):
            if kind != "articles":
                raise ArgumentError(
                    f"to_records(kind={kind!r}) needs Facts, got an Article: "
                    "get them with kb.extract(article)"
                )
            yield _article(item, None)
        else:
            raise ArgumentError(
                f"to_records() expects Facts, Articles or a Brief, got {type(item).__name__}: "
                "get facts with kb.extract(article)"
            )


def to_records(items: Items, /, *, kind: Kind) -> list[Row]:
    """Flat, JSON-ready rows of one kind of item, each with its article's id, url, outlet and date.

    Rows go straight into a table: ``pandas.DataFrame(rows)``, ``csv.DictWriter``
    (with [`columns`][koreabrief.tables.columns] as its header) or JSON. Every row
    of a kind has the same keys. From a [`Brief`][koreabrief.Brief], events are
    the timeline's, statements and sanctions the merged ones, each with
    `articles` listing the ids of every article that reports it (address,
    outlet and date stay None: a brief holds ids, not articles).

    Args:
        items: Facts (one or many), Articles (for ``kind="articles"``), or a Brief.
        kind: ``"events"``, ``"statements"``, ``"sanctions"`` or ``"articles"``.

    Returns:
        One dict per item, values text, numbers, booleans or None (lists
        joined with ``"; "``, dates as ISO text, enums by value).

    Raises:
        ArgumentError: An unknown kind, or items that are not Facts, Articles or a Brief.

    Examples:
        >>> import koreabrief as kb
        >>> rows = kb.to_records(kb.process(kb.seeds(), workers=1), kind="events")
        >>> [rows[0][k] for k in ("article_id", "published", "type", "date")]
        ['000_9139f8748934a339', '2025-01-06', 'missile_launch', '2025-01-06']
    """
    return list(iter_records(items, kind=kind))
