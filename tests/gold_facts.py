"""Build `Facts` from the gold annotations (tests/gold/seeds.jsonl), independent of the extractors.

Spans are found by searching the article text: a statement's quotation, an
event's time expression (or else an actor's name), a sanction's reason. The
article text is the gold body, paragraphs joined by a blank line.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

import koreabrief as kb

GOLD = Path(__file__).resolve().parent / "gold"
_MI_KM = 1.609344


def gold_records() -> list[dict[str, Any]]:
    """The gold records, in file order."""
    with (GOLD / "seeds.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def seed_pairs() -> dict[str, Any]:
    """The gold story pairs."""
    data: dict[str, Any] = json.loads((GOLD / "seed_pairs.json").read_text(encoding="utf-8"))
    return data


def _span(text: str, needle: str | None, start: int = 0) -> kb.Span | None:
    if not needle:
        return None
    i = text.find(needle, start)
    if i < 0:
        i = text.lower().find(needle.lower(), start)
    return kb.Span(i, i + len(needle)) if i >= 0 else None


def _timeref(text: str, when: str | None, date: str | None) -> kb.TimeRef | None:
    if when is None and date is None:
        return None
    parsed: dt.date | None = None
    precision: kb.Precision | None = None
    if date:
        parts = date.split("-")
        precision = (kb.Precision.YEAR, kb.Precision.MONTH, kb.Precision.DAY)[len(parts) - 1]
        parsed = dt.date(
            int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        )
    return kb.TimeRef(text=when or date or "", date=parsed, precision=precision, span=_span(text, when))


def _quantity(q: dict[str, Any]) -> kb.Quantity:
    unit = q["unit"]
    value = q.get("value")
    approx = q.get("approx")
    km = None
    if value is not None and unit == "km":
        km = float(value)
    elif value is not None and unit == "mi":
        km = round(float(value) * _MI_KM, 2)
    written = f"{approx} {unit}" if value is None else f"{value:,} {unit}"
    return kb.Quantity(
        text=written, unit=unit, value=None if value is None else float(value), approx=approx, km=km
    )


def _event_span(text: str, ev: dict[str, Any]) -> kb.Span:
    for needle in (ev.get("when"), *ev["actors"], ev.get("target"), ev.get("location")):
        sp = _span(text, needle)
        if sp is not None:
            return sp
    return kb.Span(0, 0)


def article_of(rec: dict[str, Any]) -> kb.Article:
    """The gold article: body paragraphs joined by a blank line, with its metadata."""
    text = "\n\n".join(rec["body"])
    published = dt.date.fromisoformat(rec["published"]) if rec["published"] else None
    meta = rec["metadata"]
    return kb.Article(
        id=rec["id"],
        raw=text,
        text=text,
        title=rec["title"],
        author=meta.get("author"),
        dateline=meta.get("dateline"),
        original_source=meta.get("original_source"),
        url=rec["url"],
        published=published,
    )


def facts_of(rec: dict[str, Any]) -> kb.Facts:
    """Facts built from one gold record."""
    art = article_of(rec)
    text = art.text
    statements = [
        kb.Statement(
            quote=s["quote"],
            span=_span(text, s["quote"]) or kb.Span(0, 0),
            speaker=s["speaker"],
            cue=s["cue"],
            direct=s["direct"],
        )
        for s in rec["statements"]
    ]
    events = [
        kb.Event(
            type=kb.EventType(ev["type"]),
            span=_event_span(text, ev),
            actors=tuple(ev["actors"]),
            target=ev["target"],
            location=ev["location"],
            time=_timeref(text, ev["when"], ev["date"]),
            quantities=tuple(_quantity(q) for q in ev["quantities"]),
        )
        for ev in rec["events"]
    ]
    sanctions = [
        kb.Sanction(
            entity=s["target"],
            status=kb.SanctionStatus(s["status"]),
            span=_span(text, s.get("reason")) or _span(text, s["target"]) or kb.Span(0, 0),
            authority=s["imposed_by"],
            reason=s["reason"],
        )
        for s in rec["sanctions"]
    ]
    return kb.Facts(
        article=art, statements=tuple(statements), events=tuple(events), sanctions=tuple(sanctions)
    )


@cache
def gold_facts() -> dict[str, kb.Facts]:
    """Gold-built facts of every seed, by article id."""
    return {rec["id"]: facts_of(rec) for rec in gold_records()}


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "stories"


def _fixture_quantity(q: dict[str, Any]) -> kb.Quantity:
    value = q.get("value")
    km = None
    if value is not None and q["unit"] in ("km", "mi"):
        km = float(value) * (_MI_KM if q["unit"] == "mi" else 1.0)
    return kb.Quantity(
        text=q["text"],
        unit=q["unit"],
        value=None if value is None else float(value),
        approx=q.get("approx"),
        qualifier=q.get("qualifier"),
        km=km,
    )


def _fixture_facts(rec: dict[str, Any]) -> kb.Facts:
    text = rec["text"]
    art = kb.Article(
        id=rec["id"],
        raw=text,
        text=text,
        title=rec.get("title"),
        original_source=rec.get("original_source"),
        outlet=rec.get("outlet"),
        url=rec.get("url"),
        published=dt.date.fromisoformat(rec["published"]) if rec.get("published") else None,
    )
    statements = tuple(
        kb.Statement(
            quote=s["quote"], span=_span(text, s["quote"]) or kb.Span(0, 0), speaker=s.get("speaker")
        )
        for s in rec.get("statements", [])
    )
    events = tuple(
        kb.Event(
            type=kb.EventType(ev["type"]),
            span=_event_span(
                text,
                {
                    "when": ev.get("when"),
                    "actors": ev["actors"],
                    "target": ev.get("target"),
                    "location": ev.get("location"),
                },
            ),
            modality=kb.Modality(ev.get("modality", "asserted")),
            actors=tuple(ev["actors"]),
            target=ev.get("target"),
            location=ev.get("location"),
            time=_timeref(text, ev.get("when"), ev.get("date")),
            quantities=tuple(_fixture_quantity(q) for q in ev.get("quantities", [])),
        )
        for ev in rec.get("events", [])
    )
    sanctions = tuple(
        kb.Sanction(
            entity=s["entity"],
            status=kb.SanctionStatus(s["status"]),
            span=_span(text, s.get("reason")) or kb.Span(0, 0),
            authority=s.get("authority"),
            reason=s.get("reason"),
        )
        for s in rec.get("sanctions", [])
    )
    return kb.Facts(article=art, statements=statements, events=events, sanctions=sanctions)


@cache
def fixture_corpus() -> dict[str, Any]:
    """The hand-written story fixtures: raw JSON."""
    data: dict[str, Any] = json.loads((FIXTURES / "corpus.json").read_text(encoding="utf-8"))
    return data


@cache
def fixture_facts() -> dict[str, kb.Facts]:
    """Facts of every fixture article, by id."""
    return {rec["id"]: _fixture_facts(rec) for rec in fixture_corpus()["articles"]}


def fixture_truth() -> dict[str, str]:
    """The true story of every fixture article."""
    return {rec["id"]: rec["story"] for rec in fixture_corpus()["articles"]}
