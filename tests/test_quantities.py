"""Quantities: numbers with units, vague amounts, ranges, qualifiers and km values."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koreabrief.extraction.quantities import Units, find_quantities

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def _cases() -> list[dict[str, Any]]:
    with (FIXTURES / "quantities.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class TestFixtures:
    @pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:40])
    def test_quantity(self, case: dict[str, Any]) -> None:
        """Each fixture sentence yields exactly the expected quantities (and warnings)."""
        warnings: list[str] = []
        found = find_quantities(case["text"], warnings=warnings)
        assert len(found) == len(case["expect"])
        for q, want in zip(found, case["expect"], strict=True):
            for key, value in want.items():
                assert getattr(q, key) == value, key
        assert len(warnings) == case.get("warnings", 0)


class TestUnits:
    def test_every_distance_has_km(self) -> None:
        """Miles, nautical miles and kilometres all carry a km value."""
        found = find_quantities("It flew 100 miles, then 50 nautical miles, then 10 km.")
        assert [q.unit for q in found] == ["mi", "nmi", "km"]
        assert all(q.km is not None for q in found)

    def test_non_distances_have_no_km(self) -> None:
        """Counts (troops, rounds) have no km value."""
        assert [q.km for q in find_quantities("3,000 troops and 500 rounds")] == [None, None]

    def test_units_from_data(self) -> None:
        """The lexicon is data: a user table adds units."""
        lex = Units.from_data({"unit": {"drones": {"forms": ["drones"]}}})
        assert [q.unit for q in find_quantities("five drones", units=lex)] == ["drones"]


class TestProperties:
    @given(
        st.lists(
            st.sampled_from(
                [
                    "1,100",
                    "kilometres",
                    "(680",
                    "miles)",
                    "more",
                    "than",
                    "thousands",
                    "of",
                    "troops",
                    "to",
                    "12,000",
                    "one",
                    "million",
                    "rounds",
                    "x",
                ]
            )
            | st.text(max_size=5),
            max_size=40,
        ).map(" ".join)
    )
    def test_spans_index_text(self, text: str) -> None:
        """Each quantity's span is exactly its text."""
        for q in find_quantities(text):
            assert q.span is not None
            assert q.span.slice(text) == q.text

    @given(st.text(max_size=200))
    def test_no_exception(self, text: str) -> None:
        """Arbitrary text never raises."""
        find_quantities(text)

    def test_linear_on_long_input(self) -> None:
        """A megabyte of numbers and units is scanned in linear time."""
        small, big = "12 missiles and " * 1_000, "12 missiles and " * 60_000
        t0 = time.perf_counter()
        find_quantities(small)
        t_small = time.perf_counter() - t0
        t0 = time.perf_counter()
        assert len(find_quantities(big)) == 60_000
        assert time.perf_counter() - t0 < max(60 * t_small * 3, 2.0)


_PHRASE_WORDS = [
    "about", "as", "many", "at", "least", "more", "than", "up", "to", "over", "the", "talks", "a", "dozen",
    "thousands", "of", "tens", "significant", "heavy", "losses", "troops", "1,100", "seven", "twenty-five",
    "missiles", "km", "an", "estimated", "some", "under", "pressure", "close", "-", "(",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PHRASE_WORDS), min_size=1, max_size=12))
def test_head_filter_never_drops_a_quantity(words: list[str]) -> None:
    # The four-token pre-check may skip a candidate only where the full parse finds nothing.
    from koreabrief.extraction.quantities import _HEAD, _may_start, _quantity_at, _tokens

    text = " ".join(words)
    toks = _tokens(text, 0, len(text))
    lex = Units.default()
    if toks and not _may_start(toks[:_HEAD], lex):
        assert _quantity_at(text, toks, 0, lex, []) is None
