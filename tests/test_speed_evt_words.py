"""`words_before` reads words backwards; it must agree with a plain forward reading."""

from __future__ import annotations

import random

from koreabrief.extraction.binding import CLAUSE_BREAK, WORD, words_before


def _reference(text: str, lo: int, pos: int, count: int) -> int:
    seg = text[max(lo, pos - 120) : pos]
    base = max(lo, pos - 120)
    cut = 0
    for m in CLAUSE_BREAK.finditer(seg):
        cut = m.end()
    words = list(WORD.finditer(seg, cut))
    if len(words) > count:
        return base + words[-count].start()
    return base + cut


def test_words_before_matches_forward_reading() -> None:
    rng = random.Random(9)
    pieces = [
        "North",
        "Korea",
        "fired",
        "a",
        "-",
        " - ",
        ",",
        ", ",
        ";",
        "’s",
        "'",
        "(",
        ")",
        "—",
        "–",
        "1,500",
        " ",
        "  ",
        "\n",
        "é",
        "İ",
        "K",
        "x-y",
        "__",
        "“",
        "”",
        ":",
        "_",
    ]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        pos = rng.randint(0, len(text))
        lo = rng.randint(0, pos)
        for count in (0, 1, 2, 6, 40):
            assert words_before(text, lo, pos, count) == _reference(text, lo, pos, count), (
                text,
                lo,
                pos,
                count,
            )
