"""A bare "the government" as a speaker (#16): the government the text named, or its state.

Sentences are written for these tests; names are real, wording invented.
"""

from __future__ import annotations

import pytest

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements


def _speaker(text: str) -> str | None:
    found = extract_statements(kb.Article(id="t", raw=text, text=text))
    assert len(found) == 1, found
    return found[0].speaker


@pytest.mark.parametrize(
    ("body", "state"),
    [
        ("The U.S. Treasury Department", "United States"),
        ("Japan's Foreign Ministry", "Japan"),
        ("South Korea's Unification Ministry", "South Korea"),
    ],
)
def test_bare_government_is_the_state_of_the_body_named(body: str, state: str) -> None:
    """With no government named before, "the government" is the state whose body the text named."""
    text = f"{body} blacklisted a crypto firm, which the government said was a “laundry” for hackers."
    assert _speaker(text) == state


@pytest.mark.parametrize("later", ["Later the government said", "A day on, the cabinet said"])
def test_government_after_an_administration_is_that_administration(later: str) -> None:
    """ "the government" after "the Obama administration" is that administration, not a new body."""
    text = (
        "The Obama administration put sanctions on ten officials in Pyongyang on Wednesday. "
        f"{later} the leader bore “final responsibility” for the abuses."
    )
    assert _speaker(text) == "Obama administration"


def test_government_with_no_state_in_reach_stays_unresolved() -> None:
    """Nothing named nearby: no state is invented for "the government"."""
    text = "Markets fell sharply. Later the government said the slump was “temporary” and would pass."
    assert _speaker(text) in (None, "government")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Pentagon officials said the drill was “routine” and planned.", "US Department of Defense"),
        (
            "The Obama administration acted on Wednesday. Administration officials said it was “overdue”.",
            "Obama administration",
        ),
    ],
)
def test_body_staff_speak_for_the_body(text: str, body: str) -> None:
    """ "<Body> officials said": unnamed staff speak for the body that qualifies them."""
    assert _speaker(text) == body
