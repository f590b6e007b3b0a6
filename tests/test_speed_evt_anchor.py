"""The quick cue test of `_anchor_start` never skips text the anchor pattern matches."""

from __future__ import annotations

import random

from koreabrief.extraction.events import _ANCHOR_CUE, _ANCHOR_PHRASE
from koreabrief.extraction.triggers import CASE_EXTRAS


def test_anchor_cue_test_keeps_every_match() -> None:
    rng = random.Random(9)
    pieces = [
        "after",
        "AFTER",
        "Before",
        "ſince",
        "SINCE",
        "untİl",
        "UNTıL",
        "prior to",
        "PRİOR TO",
        "ahead of",
        "following",
        "the following",
        "on the eve of",
        "in the run-up to",
        "the",
        "summit",
        " ",
        "\n",
        ",",
        "Kim's",
        "visit",
        "é",
        "K",
        "i",
        "s",
    ]
    for _ in range(5000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if _ANCHOR_PHRASE.search(text):
            assert _ANCHOR_CUE.search(text.lower()) or CASE_EXTRAS.search(text), text
