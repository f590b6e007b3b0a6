"""The quick clause-break helpers answer as CLAUSE_BREAK itself does."""

from __future__ import annotations

import random

from koreabrief.extraction.binding import CLAUSE_BREAK, first_clause_break, last_clause_break_end

PIECES = [
    "word",
    " ",
    "  ",
    "\n",
    "\u00a0",
    "-",
    " - ",
    " -",
    "- ",
    ",",
    ", ",
    ",1",
    "1,500",
    ",\u0661",
    ";",
    ":",
    "(",
    ")",
    "\u2014",
    "\u2013",
    '"',
    "“",
    "”",
    "x-y",
    "’s",
]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))


def test_first_clause_break_is_the_search() -> None:
    rng = random.Random(9)
    for _ in range(20000):
        text = _text(rng)
        pos = rng.randint(0, len(text))
        end = rng.randint(pos, len(text))
        m = CLAUSE_BREAK.search(text, pos, end)
        assert first_clause_break(text, pos, end) == (m.start() if m else -1), (text, pos, end)


def test_last_clause_break_end_is_the_last_match() -> None:
    rng = random.Random(10)
    for _ in range(20000):
        seg = _text(rng)
        cut = 0
        for m in CLAUSE_BREAK.finditer(seg):
            cut = m.end()
        assert last_clause_break_end(seg) == cut, seg
