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


class TestCarriedYear:
    @pytest.mark.parametrize("published", [None, dt.date(2026, 2, 1)])
    def test_later_month_continues_named_year(self, published: dt.date | None) -> None:
        """A month with no year after one written with its year, in one sentence, is in that year."""
        text = "In mid-September 2023 it held drills, and in late October it fired a rocket."
        iso = {t.text: t.iso for t in find_times(text, published=published)}
        assert iso["in late October"] == "2023-10"

    def test_day_after_named_date_continues_its_year(self) -> None:
        """A month and day after a full date keep its year, with or without a publication date."""
        text = "The talks opened on May 2, 2019 and closed on May 9."
        iso = {t.text: t.iso for t in find_times(text, published=dt.date(2021, 6, 1))}
        assert iso["on May 9"] == "2019-05-09"

    def test_earlier_month_and_bare_year_carry_nothing(self) -> None:
        """An earlier month may look back, and a bare year names no month: both keep the old reading."""
        day = dt.date(2025, 3, 1)
        looked_back = {
            t.text: t.iso for t in find_times("On March 3, 2024 it fired, its first since January.")
        }
        assert looked_back["since January"] is None
        bare = {
            t.text: t.iso
            for t in find_times("The curbs date from 2017 and were widened in June.", published=day)
        }
        assert bare["in June"] == "2024-06"

    @given(st.integers(1, 12), st.integers(1, 12), st.integers(1990, 2030))
    def test_carried_month_never_precedes_anchor(self, first: int, second: int, year: int) -> None:
        """A carried month is never earlier than the month it continues from."""
        names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"]  # fmt: skip
        text = f"In {names[first - 1]} {year} it met, and in {names[second - 1]} it fired."
        found = find_times(text)
        assert len(found) == 2
        later = found[1]
        if later.date is not None:
            assert (later.date.year, later.date.month) == (year, second)
            assert second >= first
