"""Text similarity: word shingles, deterministic MinHash sketches and LSH band keys.

The sketch is *one-permutation hashing* (Li, Owen and Zhang, 2012) with
rotation densification: every shingle is hashed once with a stable 64-bit
hash (BLAKE2b, never Python's salted ``hash()``), its low bits pick one of
``k`` bins and the rest is the value kept if smaller. One hash per shingle
makes the sketch linear in the text and cheap in pure Python, which keeps
numpy and scipy out of the runtime dependencies. The probability that two
sketches agree in a bin estimates the Jaccard similarity of the shingle sets.
"""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator

__all__ = [
    "SKETCH_SIZE",
    "band_keys",
    "estimate_jaccard",
    "jaccard",
    "normalise_text",
    "run_hashes",
    "shingle_hashes",
    "shingles",
    "sketch",
    "sketch_hashes",
    "stable_hash",
    "words",
]

#: Number of MinHash bins of a sketch.
SKETCH_SIZE = 128
_EMPTY = 0xFFFFFFFF
_MASK = 0xFFFFFFFFFFFFFFFF
# Word hashes, memoised: news vocabulary repeats, and a bound keeps the table small.
_WORD_HASHES: dict[str, int] = {}
_WORD_MEMO = 1 << 18
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CURLY = ("’", "‘", "`")


def normalise_text(text: str) -> str:
    """Lower-case, NFKC-normalised text with curly apostrophes made straight.

    Examples:
        >>> normalise_text("Monday’s LAUNCH")
        "monday's launch"
    """
    text = unicodedata.normalize("NFKC", text)
    # str.replace is several times faster than str.translate with a dict on long texts.
    for curly in _CURLY:
        text = text.replace(curly, "'")
    return text.lower()


def words(text: str) -> list[str]:
    """The words of `text`, normalised, punctuation and quote marks dropped.

    Examples:
        >>> words("“Now,” he said -- twice.")
        ['now', 'he', 'said', 'twice']
    """
    return _WORD.findall(normalise_text(text))


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process and on every machine.

    Examples:
        >>> stable_hash("north korea") == stable_hash("north korea")
        True
    """
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _word_hash(word: str) -> int:
    h = _WORD_HASHES.get(word)
    if h is None:
        if len(_WORD_HASHES) >= _WORD_MEMO:
            _WORD_HASHES.clear()
        h = _WORD_HASHES[word] = stable_hash(word)
    return h


def shingle_hashes(tokens: list[str]) -> set[int]:
    """64-bit hashes of the 3-word shingles of `tokens` (a shorter text is one shingle).

    Each word is hashed once with [`stable_hash`][koreabrief.similarity.stable_hash]
    (memoised across texts) and a shingle's hash is the hash of its three word
    hashes as a tuple of integers: several times faster than hashing its string.
    Integers and tuples of them hash alike in every process (no random salt) on
    every 64-bit CPython since 3.8, so profiles built by different workers compare.

    Examples:
        >>> len(shingle_hashes(["a", "b", "c", "d"]))
        2
        >>> shingle_hashes(["a", "b"]) == shingle_hashes(["a", "b"]), shingle_hashes([])
        (True, set())
    """
    if not tokens:
        return set()
    hs = _word_hashes(tokens)
    if len(hs) < 3:
        hs += [0] * (3 - len(hs))
    mask = _MASK
    return {hash(t) & mask for t in zip(hs, hs[1:], hs[2:], strict=False)}


def run_hashes(tokens: list[str], n: int) -> set[int]:
    """64-bit hashes of the `n`-word runs of `tokens` (none when it is shorter), made as shingle hashes.

    Examples:
        >>> len(run_hashes(["we", "will", "answer", "every", "provocation", "now"], 5))
        2
        >>> run_hashes(["too", "short"], 5)
        set()
    """
    if len(tokens) < n:
        return set()
    hs = _word_hashes(tokens)
    mask = _MASK
    return {hash(tuple(hs[i : i + n])) & mask for i in range(len(hs) - n + 1)}


def _word_hashes(tokens: list[str]) -> list[int]:
    hs = list(map(_WORD_HASHES.get, tokens))
    if None in hs:
        return [_word_hash(w) for w in tokens]
    return hs  # type: ignore[return-value]  # no None left


def shingles(tokens: list[str], n: int = 3) -> set[str]:
    """The set of `n`-word shingles; a text shorter than `n` words is one shingle.

    Examples:
        >>> sorted(shingles(["a", "b", "c", "d"], 3))
        ['a b c', 'b c d']
    """
    if len(tokens) < n:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two sets (0 for two empty sets).

    Examples:
        >>> jaccard({"a", "b"}, {"b", "c"})
        0.3333333333333333
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def sketch(items: Iterable[str], k: int = SKETCH_SIZE) -> array[int]:
    """A one-permutation MinHash sketch of `k` 32-bit values.

    An empty input gives an all-empty sketch, which matches nothing.

    Examples:
        >>> s = sketch(["a b c", "b c d"])
        >>> len(s)
        128
        >>> s == sketch(["b c d", "a b c"])
        True
    """
    return sketch_hashes((stable_hash(item) for item in items), k)


def sketch_hashes(hashes: Iterable[int], k: int = SKETCH_SIZE) -> array[int]:
    """The sketch of items given by their [`stable_hash`][koreabrief.similarity.stable_hash]es.

    Lets a caller that hashed a text's shingles once sketch several subsets of them.

    Examples:
        >>> sketch_hashes(stable_hash(x) for x in ["a b c", "b c d"]) == sketch(["a b c", "b c d"])
        True
    """
    bins = [_EMPTY] * k
    for h in hashes:
        slot = h % k
        value = (h >> 32) & 0xFFFFFFFE  # the low bit is kept free to mark borrowed values
        if value < bins[slot]:  # noqa: PLR1730 - a comparison is twice as fast as min() here
            bins[slot] = value
    if bins.count(_EMPTY) == k:
        return array("I", bins)
    # Rotation densification: an empty bin borrows the next non-empty bin's value,
    # tagged so that a borrowed value only matches a value borrowed the same way.
    out = array("I", bins)
    for i in range(k):
        if bins[i] != _EMPTY:
            continue
        j = (i + 1) % k
        steps = 1
        while bins[j] == _EMPTY:
            j = (j + 1) % k
            steps += 1
        out[i] = ((bins[j] + steps * 0x9E3779B1) & 0xFFFFFFFE) | 1
    return out


def estimate_jaccard(a: array[int], b: array[int]) -> float:
    """The share of bins on which two sketches agree: an estimate of Jaccard similarity.

    Examples:
        >>> s = sketch(["x y z"])
        >>> estimate_jaccard(s, s)
        1.0
        >>> estimate_jaccard(s, sketch([]))
        0.0
    """
    if len(a) != len(b) or not a:
        return 0.0
    # Equal bins counted in C; bins empty on both sides (an empty text) match nothing.
    same: int = sum(map(operator.eq, a, b))
    if a[0] == _EMPTY == b[0]:  # densified, a sketch has empty bins only when it is all empty
        same -= sum(1 for x, y in zip(a, b, strict=True) if x == y == _EMPTY)
    return same / len(a)


def band_keys(sig: array[int], rows: int = 4, bands: Iterable[int] | None = None) -> Iterator[int]:
    """LSH band keys: one stable integer per band of `rows` bins (empty sketches give none).

    Two sketches share a band key with probability about ``J ** rows`` per band.
    `bands` picks which bands to key (all by default), so that a caller can
    index one band at a time and keep only one band's table in memory.

    Examples:
        >>> s = sketch(["a b c", "b c d", "c d e"])
        >>> len(list(band_keys(s))) == 128 // 4
        True
        >>> list(band_keys(sketch([])))
        []
    """
    if all(x == _EMPTY for x in sig):
        return
    chosen = range(len(sig) // rows) if bands is None else bands
    for band in chosen:
        start = band * rows
        yield stable_hash(f"{band}:" + ",".join(str(x) for x in sig[start : start + rows]))
