"""Matching quotations across articles, tolerant to quote marks, punctuation and small rewording.

Fuzzy scores come from rapidfuzz (C++, well kept), never a hand-rolled edit distance.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from rapidfuzz import fuzz

from koreabrief.models import SharedStatement, Statement
from koreabrief.similarity import run_hashes, words

__all__ = ["match_quotes", "match_statements", "normalise_quote", "quote_keys"]

#: A contained quotation must have at least this many words to count.
MIN_CONTAINED_WORDS = 4
#: Shortest quotation (in words) matched fuzzily; shorter ones must match exactly.
MIN_FUZZY_WORDS = 5
#: rapidfuzz scores (0-100) above which two quotations are one statement.
FUZZY_RATIO = 85.0
FUZZY_TOKEN_SET = 90.0
PARTIAL_RATIO = 95.0
#: Re-worded quotations: share of words in common, and how many words may differ.
WORD_JACCARD = 0.6
MAX_WORD_CHANGES = 4


def normalise_quote(quote: str) -> str:
    """Lower-case words only: quote marks, punctuation and spacing dropped.

    Examples:
        >>> normalise_quote("“Monday’s test, was just—a warning,”")
        "monday's test was just a warning"
    """
    return " ".join(words(quote))


def match_quotes(a: str, b: str) -> tuple[str, float] | None:
    """How two quotations match: ``exact``, ``contained`` or ``fuzzy`` with a 0-100 score; None if not.

    Examples:
        >>> match_quotes("how vital our joint effort remains", "how vital our effort together remains")
        ('fuzzy', 90.3)
        >>> match_quotes("We are ready,", "“we are ready”")
        ('exact', 100.0)
        >>> match_quotes("the sky is blue", "the sea is green") is None
        True
    """
    return _match_normalised(normalise_quote(a), normalise_quote(b))


def _match_normalised(na: str, nb: str) -> tuple[str, float] | None:
    if not na or not nb:
        return None
    if na == nb:
        return ("exact", 100.0)
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    n_short = short.count(" ") + 1
    if n_short >= MIN_CONTAINED_WORDS and f" {short} " in f" {long_} ":
        return ("contained", 100.0)
    if n_short < MIN_FUZZY_WORDS:
        return None
    ratio = fuzz.ratio(na, nb)
    token_set = fuzz.token_set_ratio(na, nb)
    if ratio >= FUZZY_RATIO or (token_set >= FUZZY_TOKEN_SET and ratio >= FUZZY_RATIO - 15):
        return ("fuzzy", round(max(ratio, token_set), 1))
    # A short quotation re-worded slightly inside a longer one.
    partial = fuzz.partial_ratio(short, long_)
    if n_short >= 2 * MIN_FUZZY_WORDS and partial >= PARTIAL_RATIO:
        return ("contained", round(partial, 1))
    # A quotation re-worded by a word or two ("our joint effort" / "our effort together"):
    # nearly the same words, and rapidfuzz sees the same token set.
    wa, wb = set(na.split()), set(nb.split())
    word_jaccard = len(wa & wb) / len(wa | wb)
    if (
        word_jaccard >= WORD_JACCARD
        and len(wa ^ wb) <= MAX_WORD_CHANGES
        and token_set >= FUZZY_TOKEN_SET - 10
    ):
        return ("fuzzy", round(token_set, 1))
    return None


def match_statements(
    a: Sequence[Statement], b: Sequence[Statement]
) -> list[tuple[int, int, SharedStatement]]:
    """Pair each quotation of `a` with at most one of `b`, best matches first.

    Returns ``(index_in_a, index_in_b, SharedStatement)`` triples in `a`'s order.

    Examples:
        >>> from koreabrief.models import Span
        >>> s1 = Statement(quote="We will respond firmly to any provocation,", span=Span(0, 1))
        >>> s2 = Statement(quote="we will respond firmly to any provocation", span=Span(0, 1))
        >>> [m[2].match for m in match_statements([s1], [s2])]
        ['exact']
    """
    norm_a = [normalise_quote(s.quote) for s in a]
    norm_b = [normalise_quote(s.quote) for s in b]
    # Exact matches pair off through a hash bucket, so a pair of articles repeating
    # one quotation many times stays linear; only the rest is scored pairwise.
    exact_b: dict[str, deque[int]] = {}
    for j, nb in enumerate(norm_b):
        if nb:
            exact_b.setdefault(nb, deque()).append(j)
    candidates: list[tuple[float, int, int, str]] = []
    taken_b: set[int] = set()
    for i, na in enumerate(norm_a):
        bucket = exact_b.get(na)
        if bucket:
            j = bucket.popleft()
            taken_b.add(j)
            candidates.append((-2100.0, i, j, "exact"))
    exact_a = {i for _, i, _, _ in candidates}
    rest_b = [j for j in range(len(b)) if j not in taken_b and norm_b[j]]
    for i, na in enumerate(norm_a):
        if i in exact_a or not na:
            continue
        for j in rest_b:
            m = _match_normalised(na, norm_b[j])
            if m is not None:
                rank = {"exact": 2, "contained": 1, "fuzzy": 0}[m[0]]
                candidates.append((-(rank * 1000 + m[1]), i, j, m[0]))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[int, int, SharedStatement]] = []
    for neg, i, j, kind in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        sa, sb = a[i], b[j]
        speaker = sa.speaker if sa.speaker == sb.speaker else (sa.speaker or sb.speaker)
        if sa.speaker and sb.speaker and sa.speaker != sb.speaker:
            speaker = None
        score = float(-neg % 1000)
        out.append((i, j, SharedStatement(speaker, sa.quote, sb.quote, kind, round(score, 1))))
    out.sort(key=lambda t: (t[0], t[1]))
    return out


def quote_keys(quote: str, n: int = 5) -> set[int]:
    """Stable hashes of the `n`-word runs of a quotation: a cheap blocking key for shared quotes.

    Made as [`run_hashes`][koreabrief.similarity.run_hashes] makes them: the same in every process.

    Quotations shorter than `n` words give no keys: they are too generic to link stories.

    Examples:
        >>> quote_keys("We will respond firmly to this.") == quote_keys("“we will respond firmly to this”")
        True
        >>> quote_keys("fire and fury")
        set()
    """
    return run_hashes(words(quote), n)
