"""The headline's words in an article's address ("/2025/01/06/seoul-rejects-talks-offer").

Most news sites build the address of a story from its headline. When a page
prints several headline-shaped lines (a section label, the headline, a deck,
a caption, the next story's title), the one whose words the address spells is
the headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["slug_match", "slug_words"]

_SEGMENT_WORDS = re.compile(r"[a-z]+")
_LINE_WORDS = re.compile(r"[^\W\d_]+")
_MIN_SLUG_WORDS = 3
_MAX_SLUG_WORDS = 24  # a headline's length; more is no slug, and the bound keeps matching cheap
_PREFIX = 4  # words this long match a slug cut short ("threat" for "threats")


def slug_words(url: str | None, address_words: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words of the address's segment that reads most like a headline, if any.

    `address_words` are words of addresses that are no headline's ("news",
    "article", "html": the lexicon's `address_words`).

    Examples:
        >>> slug_words("https://example.com/news/2025/01/06/seoul-rejects-talks-offer.html")
        ('seoul', 'rejects', 'talks', 'offer', 'html')
        >>> slug_words("https://example.com/2025/01/06/seoul-rejects-talks-offer.html", frozenset({"html"}))
        ('seoul', 'rejects', 'talks', 'offer')
        >>> slug_words("https://example.com/view.php?id=12345")
        ()
    """
    if not url:
        return ()
    path = url[:2000].split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    best: list[str] = []
    for segment in path.split("/")[1:]:
        words = [w for w in _SEGMENT_WORDS.findall(segment.casefold()) if w not in address_words]
        if len(words) > len(best):
            best = words
    return tuple(best[:_MAX_SLUG_WORDS]) if len(best) >= _MIN_SLUG_WORDS else ()


def slug_match(line: str, slug: Sequence[str]) -> float:
    """How well a line's words and the slug's agree (an F1 of shared words, 0 to 1).

    Examples:
        >>> slug = ("seoul", "rejects", "talks", "offer")
        >>> slug_match("Seoul Rejects Talks Offer", slug)
        1.0
        >>> round(slug_match("Markets rally in Tokyo", slug), 2)
        0.0
    """
    if not slug:
        return 0.0
    words = [w.casefold() for w in _LINE_WORDS.findall(line[:400])]
    if not words:
        return 0.0
    shared = sum(1 for w in slug if any(_same(w, v) for v in words))
    precision = sum(1 for v in words if any(_same(w, v) for w in slug)) / len(words)
    recall = shared / len(slug)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= _PREFIX and long.startswith(short)
