"""Time expressions: found as written, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koreabrief.extraction.dates import find_times
from koreabrief.models import Precision

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def _cases() -> list[dict[str, Any]]:
    with (FIXTURES / "times.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_PIECES = st.sampled_from(
    ["on", "late", "Monday", "December", "3", "and", "9", "2023", "last", "year", "week", "two", "weeks",
     "before", "the", "anniversary of", "after", "February 30", "Nov.", "in", "August", ",", "ago", "since"]
)  # fmt: skip


class TestFixtures:
    @pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:40])
    def test_expression(self, case: dict[str, Any]) -> None:
        """Each fixture expression is found as written and resolves to the expected ISO date."""
        published = dt.date.fromisoformat(case["published"]) if case["published"] else None
        found = find_times(case["text"], published=published, future=case["future"])
        by_text = {t.text: t for t in found}
        assert case["expr"] in by_text
        assert by_text[case["expr"]].iso == case["iso"]


class TestResolution:
    def test_past_weekday_is_on_or_before_publication(self) -> None:
        """A past-tense weekday resolves to the latest such day on or before publication."""
        (t,) = find_times("on Friday", published=dt.date(2025, 1, 6))
        assert t.date == dt.date(2025, 1, 3)
        assert t.precision is Precision.DAY

    def test_future_weekday_is_on_or_after_publication(self) -> None:
        """A future-tense weekday resolves to the next such day."""
        (t,) = find_times("on Friday", published=dt.date(2025, 1, 6), future=True)
        assert t.date == dt.date(2025, 1, 10)

    def test_no_publication_date_keeps_text_only(self) -> None:
        """Relative expressions without a publication date keep their text and no date."""
        found = find_times("late last year on Monday", published=None)
        assert [t.text for t in found] == ["late last year", "on Monday"]
        assert all(t.date is None and t.precision is None for t in found)

    def test_impossible_date_warns(self) -> None:
        """February 30 raises nothing, keeps its text, drops its date and warns."""
        warnings: list[str] = []
        (t,) = find_times("on February 30", published=dt.date(2025, 1, 6), warnings=warnings)
        assert t.date is None
        assert len(warnings) == 1

    def test_may_the_verb_is_no_month(self) -> None:
        """'may' the modal verb is not taken for the month."""
        assert find_times("troops may soon be stationed", published=dt.date(2024, 10, 1)) == []


class TestProperties:
    @given(st.lists(_PIECES | st.text(max_size=6), max_size=30).map(" ".join), st.none() | st.dates())
    def test_spans_index_text(self, text: str, published: dt.date | None) -> None:
        """Every TimeRef's span is exactly its text, and a date always has a precision."""
        for t in find_times(text, published=published):
            assert t.span is not None
            assert t.span.slice(text) == t.text
            assert (t.date is None) == (t.precision is None)

    @given(st.text(max_size=200), st.none() | st.dates())
    def test_no_exception(self, text: str, published: dt.date | None) -> None:
        """Arbitrary text never raises."""
        find_times(text, published=published, future=True)
