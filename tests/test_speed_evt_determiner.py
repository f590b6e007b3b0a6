"""The determiner test on lower-cased text answers as the IGNORECASE pattern does."""

from __future__ import annotations

import random

from koreabrief.extraction.context import ascii_lower
from koreabrief.extraction.event_mentions import _DETERMINER, _determiner_before, _Sentence
from koreabrief.models import Span


def test_determiner_on_lowered_text_is_the_ignorecase_search() -> None:
    rng = random.Random(9)
    pieces = [
        "the",
        "THE",
        "This",
        "thıs",
        "İts",
        "ſuch",
        "their",
        "Today’s",
        "MONDAY's",
        "new",
        "Big",
        "Kilo",
        "ſmall",
        "x-ray",
        "9",
        " ",
        "  ",
        "\n",
        ",",
        "Σ",
        "ΣΑ",
        "war",
    ]
    for _ in range(8000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) + " drills"
        hi = len(text) - len("drills")
        lo = rng.randint(0, hi)
        s = _Sentence(text, Span(0, len(text)), [], frozenset(), lowered=ascii_lower(text))
        assert _determiner_before(s, lo, hi) == (_DETERMINER.search(text, lo, hi) is not None), (text, lo)
