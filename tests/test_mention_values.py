"""The helpers around `sentence_mentions` return values; only it sets them on a mention (#17).

Each helper is wrapped so that every mention it is handed is compared before
and after the call, over every event fixture sentence: none may change. Then
the values the helpers return are checked on sentences written for this test.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import koreabrief as kb
from koreabrief.extraction import event_mentions
from koreabrief.extraction.clauses import Sentence
from koreabrief.extraction.mention import EventMention
from koreabrief.extraction.places import location
from koreabrief.extraction.triggers import EventLexicon
from koreabrief.models import Span

FIXTURES = Path(__file__).parent / "fixtures" / "events"
_HELPERS = (
    "location",
    "target",
    "generic",
    "basis_only",
    "shared_subject",
    "sentence_subject",
    "shared_occasions",
    "bind_quantities",
)


def _snapshot(value: Any) -> Any:
    if isinstance(value, EventMention):
        return attrs.asdict(value, recurse=False, value_serializer=lambda _i, _a, v: _copy(v))
    if isinstance(value, list) and value and isinstance(value[0], EventMention):
        return [_snapshot(v) for v in value]
    return None


def _copy(v: Any) -> Any:
    return list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v


def _watching(fn: Callable[..., Any], seen: list[str]) -> Callable[..., Any]:
    def wrapped(*args: Any, **kw: Any) -> Any:
        before = [_snapshot(a) for a in args]
        out = fn(*args, **kw)
        assert [_snapshot(a) for a in args] == before, f"{fn.__name__} edited a mention"
        seen.append(fn.__name__)
        return out

    return wrapped


def test_no_helper_edits_a_mention(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    for name in _HELPERS:
        monkeypatch.setattr(event_mentions, name, _watching(getattr(event_mentions, name), seen))
    for line in (FIXTURES / "events.jsonl").read_text("utf-8").splitlines():
        rec = json.loads(line)
        published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
        kb.extract_events(kb.Article(id="x", raw=rec["text"], text=rec["text"], published=published))
    # The fixtures reach every helper (a check that the wrapping took).
    assert set(seen) >= {"location", "target", "generic", "basis_only", "shared_occasions", "bind_quantities"}


def _events(text: str) -> tuple[kb.Event, ...]:
    return kb.extract_events(kb.Article(id="x", raw=text, text=text, published=dt.date(2025, 3, 14)))


def test_visit_target_is_set_from_the_returned_value() -> None:
    # Written for this test: a city the places table maps to its state.
    (event,) = _events("Kim Jong Un arrived in Vladivostok on Tuesday for talks.")[:1]
    assert event.target == "Russia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for this test: a noun "visit to" what is no place is an inspection.
        ("Kim made a visit to several munitions factories on Monday.", (None, True)),
        ("Kim paid a visit to Seoul on Monday.", ("Seoul", False)),
    ],
)
def test_location_returns_the_place_and_the_inspection_flag(
    text: str, expected: tuple[str | None, bool]
) -> None:
    (trig,) = EventLexicon.default().find(text)
    sent = Span(0, len(text))
    m = EventMention(type=trig.trigger.type, kind=trig.trigger.kind, trigger=trig, sentence=sent)
    assert location(Sentence(text, sent, [], frozenset()), m, trig) == expected
    assert not m.drop


def test_quantities_reach_the_mention_from_the_returned_lists() -> None:
    (event,) = _events("Pyongyang fired four cruise missiles on Wednesday.")
    assert [(q.value, q.unit) for q in event.quantities] == [(4.0, "missiles")]
