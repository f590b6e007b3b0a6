"""The fast scans of names.py find exactly what the plain regexes find."""

from __future__ import annotations

import random

from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.names import _BODY_GLUE, _PRONOUN, _PRONOUN_GLUE, _TITLE_GLUE, _spans

_PIECES = [
    "foreign minister",
    "Minister",
    "the ministry",
    "vice-president",
    "president",
    "prime minister",
    "he",
    "she",
    "they",
    "it",
    "who",
    "whose",
    "He",
    "It",
    "x",
    ".",
    "-",
    "’",
    "'",
    "_",
    " ",
    "  ",
    "\n",
    "“",
    "(",
    "2",
    "É",
    "é",
    "²",
    "ª",
    "\u00a0",
    "—",
    "ministry",
    "office",
    "adm.",
    "ambassador to the un",
    "military",
]


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_spans_match_finditer() -> None:
    lex = Lexicon.default()
    cases = [
        (lex.pattern("title.lower"), _TITLE_GLUE),
        (lex.pattern("body.lower"), _BODY_GLUE),
        (_PRONOUN, _PRONOUN_GLUE),
    ]
    for text in _texts(7, 3000):
        for pattern, glue in cases:
            for t in (text, text.lower()):
                assert list(_spans(pattern, glue, t)) == [m.span() for m in pattern.finditer(t)]
