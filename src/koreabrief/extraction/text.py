"""The text layer under extraction: the words and clause breaks of a sentence.

Many rules ask the same two questions about a stretch of a sentence: how many
words stand there, and where the clause breaks. The functions here answer them
for any stretch of any text; a `SentenceText` finds a sentence's words (runs of
`WORD`) and break characters once, when first asked, and answers the same
questions for stretches inside that sentence from those lists. A `TextLayer`
keeps one `SentenceText` per sentence of an article, so every rule reading a
sentence shares them (`ArticleContext.text_layer` holds the article's).

Examples:
    >>> layer = TextLayer("Seoul said, the North will soon fire.")
    >>> s = layer.sentence(0, 37)
    >>> s.first_clause_break(0, 37), s.words_at_most(12, 37, 5), layer.sentence(0, 37) is s
    (10, True, True)
"""

from __future__ import annotations

import bisect
import functools
import re

__all__ = [
    "CLAUSE_BREAK",
    "NEW_CLAUSE",
    "WORD",
    "SentenceText",
    "TextLayer",
    "first_clause_break",
    "last_clause_break_end",
    "words_at_most",
    "words_before",
]

# A clause break: a comma before no digit ("1,500" is one number), other
# punctuation that opens or closes an aside or a quotation, or a spaced dash.
CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\u2014\u2013\"“”]|\s-\s")
# A word: a run of word characters, apostrophes and hyphens ("North", "Kim's", "test-fired").
WORD = re.compile(r"[\w'’-]+")
# The single-character branches of CLAUSE_BREAK ("," only when no digit follows).
_BREAK_CHAR = re.compile('[,;:()\u2014\u2013"“”]')
# Where the clause a time dates ends: a comma or semicolon, a temporal connective, an
# auxiliary after "and".
NEW_CLAUSE = re.compile(
    r"\band\s+(?:has|have|had|is|was|were|will|would)\b|[,;]|\b(?:after|before|since|following|until)\b"
    # Two sentences run together by a scraper ("in 2017.Lately North Korea ...").
    r"|(?<=[a-z0-9])\.(?=[A-Z][a-z])"
)


def _spaced_dash(text: str, start: int, end: int) -> int:
    """Start of the first ``\\s-\\s`` (a CLAUSE_BREAK) inside text[start:end], else -1.

    Examples:
        >>> _spaced_dash("Korea-Russia - a pact", 0, 21), _spaced_dash("a - b", 0, 3)
        (12, -1)
    """
    # The hyphen opens the pattern, so a search skips to hyphens at once; its
    # look-ahead reads no further than `end`, which keeps the match inside.
    found = _SPACED_DASH.search(text, start + 1, end)
    return found.start() - 1 if found is not None else -1


_SPACED_DASH = re.compile(r"-(?<=\s-)(?=\s)")


def _digit_follows(text: str, i: int, end: int) -> bool:
    """Whether a digit (\\d, that is str.isdecimal) follows text[i] before `end`."""
    return i + 1 < end and text[i + 1].isdecimal()


# CLAUSE_BREAK is slow to scan: its "\s-\s" branch is tried at every space. Its
# other branches are single characters, which a character class finds quickly;
# the two helpers below look for those with it and for "\s-\s" at the hyphens.
def first_clause_break(text: str, pos: int, end: int) -> int:
    """Start of ``CLAUSE_BREAK.search(text, pos, end)``, or -1 when there is none.

    Examples:
        >>> first_clause_break("fired 1,500 shells; Seoul - said", 0, 32), first_clause_break("a - b", 0, 3)
        (18, -1)
    """
    m = _BREAK_CHAR.search(text, pos, end)
    while m is not None and m.group() == "," and _digit_follows(text, m.start(), end):
        m = _BREAK_CHAR.search(text, m.end(), end)
    first = m.start() if m is not None else end
    dash = _spaced_dash(text, pos, min(first + 2, end))
    if dash != -1 and dash < first:
        return dash
    return first if m is not None else -1


def last_clause_break_end(seg: str) -> int:
    """End of the last ``CLAUSE_BREAK.finditer(seg)`` match, or 0 when there is none.

    Examples:
        >>> last_clause_break_end("Seoul said, the North (it says) will"), last_clause_break_end("1,500 men")
        (31, 0)
    """
    if _spaced_dash(seg, 0, len(seg)) != -1:
        # "\s-\s" matches may overlap (" - - "): let the pattern decide.
        cut = 0
        for dash in CLAUSE_BREAK.finditer(seg):
            cut = dash.end()
        return cut
    # The last break character is the first of the reversed text.
    rev = seg[::-1]
    found = _BREAK_CHAR.search(rev)
    while found is not None:
        i = len(seg) - 1 - found.start()
        if seg[i] != "," or not _digit_follows(seg, i, len(seg)):
            return i + 1
        found = _BREAK_CHAR.search(rev, found.end())
    return 0


# How far back `words_before` reads: past that a cue belongs to another sentence part.
_WORDS_BACK = 120


def words_before(text: str, lo: int, pos: int, count: int) -> int:
    """Start offset of the `count` words before `pos`, not crossing `lo` or a clause break.

    Examples:
        >>> t = "Seoul said, the North will soon fire"
        >>> t[words_before(t, 0, t.index("fire"), 6) :]
        ' the North will soon fire'
    """
    base = max(lo, pos - _WORDS_BACK)
    seg = text[base:pos]
    if count < 1 or _spaced_dash(seg, 0, len(seg)) != -1:
        return base + _words_back_cut(seg, count)
    # Words are maximal runs of WORD's characters (a clause break never ends in
    # one), so the same runs read backwards: one match finds the `count`-th word
    # from the end, if there are more than `count`, instead of matching every word.
    rev = seg[::-1]
    nth = _nth_word_back(count).match(rev)
    # Only a break among the words the match read (before the first character of
    # the word beyond the `count`-th) can cut them short: look no further back.
    brk = _first_break_back(rev, nth.end() - 1 if nth is not None else len(rev))
    if brk != -1:
        return base + len(seg) - brk
    return base + len(seg) - nth.end(1) if nth is not None else base


def _first_break_back(rev: str, stop: int) -> int:
    """Index in `rev` (text reversed) of the first clause break character before `stop`, else -1.

    A comma counts unless a digit follows it in the text (precedes it in `rev`),
    as in `CLAUSE_BREAK`; "\\s-\\s" is the caller's to rule out.
    """
    found = _BREAK_CHAR.search(rev, 0, stop)
    while found is not None:
        j = found.start()
        if rev[j] != "," or j == 0 or not rev[j - 1].isdecimal():
            return j
        found = _BREAK_CHAR.search(rev, j + 1, stop)
    return -1


def _words_back_cut(seg: str, count: int) -> int:
    """`words_before` inside `seg`, reading every clause break (a spaced dash may stand there)."""
    cut = last_clause_break_end(seg)
    if count < 1:
        words = list(WORD.finditer(seg, cut))
        return words[-count].start() if len(words) > count else cut
    nth = _nth_word_back(count).match(seg[cut:][::-1])
    return len(seg) - nth.end(1) if nth is not None else cut


def words_at_most(text: str, start: int, end: int, count: int) -> bool:
    """Whether text[start:end] holds at most `count` words (runs of WORD), as
    ``len(WORD.findall(text[start:end])) <= count`` says, without listing them.

    Examples:
        >>> words_at_most("on Monday, it fired", 0, 19, 3), words_at_most("on Monday, it fired", 0, 19, 4)
        (False, True)
    """
    return _more_words(count).match(text, start, end) is None


@functools.lru_cache(maxsize=16)
def _more_words(count: int) -> re.Pattern[str]:
    """Matches text holding more than `count` words.

    Each word must be followed by a gap of at least one character before the
    next, so no run is read as two, and nothing backtracks far.
    """
    word, gap = r"[\w'’-]+", r"[^\w'’-]+"
    return re.compile(rf"[^\w'’-]*{(word + gap) * count}[\w'’-]")


@functools.lru_cache(maxsize=16)
def _nth_word_back(count: int) -> re.Pattern[str]:
    """Matches reversed text with more than `count` words; group 1 is the `count`-th.

    Word and gap characters are complements, so each run is taken whole and
    the pattern never backtracks into it.
    """
    word, gap = r"[\w'’-]+", r"[^\w'’-]+"
    # Unrolled rather than {count - 1}: a repeated group runs much slower.
    return re.compile(rf"[^\w'’-]*{(word + gap) * (count - 1)}({word}){gap}[\w'’-]")


# Building a sentence's lists costs about as much as 15 answers from the
# patterns save (a 25-word sentence: 13 us to build; an answer from the lists
# saves 0.2 to 1.4 us), and most sentences are asked fewer questions than that:
# only one asked more than this many builds them.
_BUILD_AFTER = 12


class SentenceText:
    """The words and clause breaks of one sentence, ``text[start:end]``, found when first asked for.

    Offsets are the text's. For any stretch inside the sentence, the methods
    answer as the module's functions of the same names do. The first
    `build_after` questions are answered by those functions; from then on the
    lists are built once and bisected (see `_BUILD_AFTER` for why not at once).

    Examples:
        >>> t = "Seoul said, the North - it says - will fire 1,500 shells."
        >>> s = SentenceText(t, 0, len(t), build_after=0)
        >>> s.words[:3], s.breaks
        ([(0, 5), (6, 10), (12, 15)], [10, 21, 31])
        >>> s.first_clause_break(11, 57), s.words_at_most(34, 57, 4), s.words_before(0, 44, 3)
        (21, False, 34)
    """

    __slots__ = (
        "_asked",
        "_breaks",
        "_build_after",
        "_chars",
        "_dashes",
        "_digit_commas",
        "_ends",
        "_starts",
        "end",
        "start",
        "text",
    )

    def __init__(self, text: str, start: int, end: int, *, build_after: int | None = None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self._asked = 0
        self._build_after = _BUILD_AFTER if build_after is None else build_after
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._chars: list[int] | None = None
        self._dashes: list[int] = []
        self._digit_commas: frozenset[int] = frozenset()
        self._breaks: list[int] | None = None

    @property
    def words(self) -> list[tuple[int, int]]:
        """The (start, end) of every word (run of `WORD`) of the sentence, in text order."""
        starts, ends = self._word_lists()
        return list(zip(starts, ends, strict=True))

    @property
    def breaks(self) -> list[int]:
        """The start of every clause break (``CLAUSE_BREAK.finditer``) of the sentence."""
        if self._breaks is None:
            self._breaks = [m.start() for m in CLAUSE_BREAK.finditer(self.text, self.start, self.end)]
        return self._breaks

    def _word_lists(self) -> tuple[list[int], list[int]]:
        if self._starts is None:
            spans = [m.span() for m in WORD.finditer(self.text, self.start, self.end)]
            self._starts = [a for a, _ in spans]
            self._ends = [b for _, b in spans]
        return self._starts, self._ends

    def _break_lists(self) -> list[int]:
        """The break characters, finding the spaced dashes and the commas before a digit too."""
        if self._chars is None:
            text, end = self.text, self.end
            self._chars = [m.start() for m in _BREAK_CHAR.finditer(text, self.start, end)]
            # A comma before a digit is no break, unless the stretch asked about ends
            # right after it (the digit is then out of sight, as it is for the pattern).
            self._digit_commas = frozenset(
                i for i in self._chars if text[i] == "," and _digit_follows(text, i, end)
            )
            # The hyphens of "\s-\s" inside the sentence.
            self._dashes = [m.start() for m in _SPACED_DASH.finditer(text, self.start + 1, end)]
        return self._chars

    def first_clause_break(self, pos: int, end: int) -> int:
        """`first_clause_break` (the text's) for a stretch of the sentence."""
        # The lists answer once they pay (see `_BUILD_AFTER`), for a stretch of the sentence.
        if self._asked < self._build_after or not self.start <= pos <= end <= self.end:
            self._asked += 1
            return first_clause_break(self.text, pos, end)
        chars = self._break_lists()
        first = -1
        for i in range(bisect.bisect_left(chars, pos), len(chars)):
            c = chars[i]
            if c >= end:
                break
            if c + 1 >= end or c not in self._digit_commas:
                first = c
                break
        dashes = self._dashes
        j = bisect.bisect_left(dashes, pos + 1)
        if j < len(dashes) and dashes[j] + 1 < end and (first == -1 or dashes[j] - 1 < first):
            return dashes[j] - 1
        return first

    def words_at_most(self, start: int, end: int, count: int) -> bool:
        """`words_at_most` (the text's) for a stretch of the sentence."""
        if self._asked < self._build_after or not self.start <= start <= end <= self.end or count < 0:
            self._asked += 1
            return words_at_most(self.text, start, end, count)
        if start == end:
            return True
        starts, ends = self._word_lists()
        # Words reaching into the stretch: those starting before its end less those ending before its start.
        return bisect.bisect_left(starts, end) - bisect.bisect_right(ends, start) <= count

    def words_before(self, lo: int, pos: int, count: int) -> int:
        """`words_before` (the text's) for a position of the sentence."""
        base = max(lo, pos - _WORDS_BACK)
        if self._asked < self._build_after or not self.start <= base <= pos <= self.end or count < 1:
            self._asked += 1
            return words_before(self.text, lo, pos, count)
        chars = self._break_lists()
        dashes = self._dashes
        j = bisect.bisect_left(dashes, base + 1)
        if j < len(dashes) and dashes[j] + 1 < pos:
            # "\s-\s" matches may overlap (" - - "): let the pattern decide.
            return words_before(self.text, lo, pos, count)
        cut = base
        for i in range(bisect.bisect_left(chars, pos) - 1, -1, -1):
            c = chars[i]
            if c < base:
                break
            if c + 1 >= pos or c not in self._digit_commas:
                cut = c + 1
                break
        starts, ends = self._word_lists()
        first = bisect.bisect_right(ends, cut)
        last = bisect.bisect_left(starts, pos)
        if last - first > count:
            return max(starts[last - count], cut)
        return cut


class TextLayer:
    """One `SentenceText` per sentence of a text, made when first asked for and then shared.

    Examples:
        >>> layer = TextLayer("Seoul said. Pyongyang fired.")
        >>> layer.sentence(12, 28).words, layer.sentence(12, 28) is layer.sentence(12, 28)
        ([(12, 21), (22, 27)], True)
    """

    __slots__ = ("_sentences", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences: dict[tuple[int, int], SentenceText] = {}

    def sentence(self, start: int, end: int) -> SentenceText:
        """The words and breaks of ``text[start:end]`` (a sentence or a window of one)."""
        found = self._sentences.get((start, end))
        if found is None:
            found = self._sentences[start, end] = SentenceText(self.text, start, end)
        return found
