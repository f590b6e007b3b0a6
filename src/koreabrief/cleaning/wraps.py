"""Hard-wrap repair: join lines that a scraper or a wrapping width broke apart.

A break is joined when the evidence says it is not a paragraph end:

* inside a word ("statione" / "d", "co" / "operative"): the previous line ends
  in letters without terminal punctuation, the next starts lower-case, and the
  joined word is more plausible than the two pieces (it occurs elsewhere in the
  document while a piece does not; or a piece is a bare suffix or bound prefix);
* inside a sentence ("monitoring" / "of"): same shape, but both pieces are words;
* inside a hard-wrapped paragraph: the document is wrapped at a fixed width
  (most long lines end near the same column and many end mid-sentence), and the
  previous line reaches that width.

No word list from any particular text is used: the vocabulary is the
document's own, plus the general suffix/prefix lists of the lexicon.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from koreabrief.cleaning.features import is_terminal
from koreabrief.cleaning.lexicon import Lexicon
from koreabrief.cleaning.metadata import dateline, is_byline, is_email_line, is_timestamp
from koreabrief.cleaning.normalise import Line

__all__ = ["Unit", "join_lines"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TRAILING_LETTERS = re.compile(r"([^\W\d_]{1,40})$")
_LEADING_LETTERS = re.compile(r"^([^\W\d_]{1,40})")
_LINE_END_LETTERS = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,40})$", re.MULTILINE)
_LINE_START_LETTERS = re.compile(r"^([^\W\d_]{1,40})", re.MULTILINE)
# A line ending with one of these is clearly mid-sentence.
_OPEN_END = ",;(–—-/&"
_HYPHEN = "-‐"  # a hyphen at line end, not a dash
# "by Jane Roe" under a headline starts a byline, not the headline's next line.
_BY = re.compile(r"(?i:by)\s[A-Z]")
# A list item's marker: "- ", "• ", "* ", "1. ", "2) ".
_ITEM = re.compile(r"(?:[-–•*▪◦]|\d{1,2}[.)])\s")


class Unit(NamedTuple):
    """A logical line: one or more raw lines joined by wrap repair.

    Attributes:
        start: Offset in raw of its first visible character.
        end: Offset in raw one past its last visible character.
        text: The normalised, joined text.
        block: Index of the blank-line-separated block it belongs to.
    """

    start: int
    end: int
    text: str
    block: int


# Past this many candidate places (or this long a chain of apostrophe-joined
# words), or this many words scanned for, counting the whole vocabulary at once
# is cheaper; the second bound also keeps a long page linear: each scan reads
# the whole text, so only a fixed number of them may be made.
_MAX_PROBES = 48
_MAX_SCANS = 12
_APOSTROPHES = "'’"
_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=256)
def _run_pattern(word: str) -> re.Pattern[str]:
    # The word first, so that the engine scans for it as a literal; then no
    # letter after it, and none before it (a look-behind over the word itself).
    w = re.escape(word)
    return re.compile(rf"{w}(?![^\W\d_])(?<![^\W\d_]{w})")


def _runs_of(word: str, text: str) -> Iterator[int]:
    """Where `word` stands in `text` as a whole run of letters."""
    if len(word) <= 3:
        # Short pieces ("d", "co") occur inside many words: let a (cached)
        # pattern skip those in C. Longer words occur rarely as substrings.
        for m in _run_pattern(word).finditer(text):
            yield m.start()
        return
    size, i = len(word), text.find(word)
    while i >= 0:
        j = i + size
        if (i == 0 or not _is_letter(text[i - 1])) and (j == len(text) or not _is_letter(text[j])):
            yield i
        i = text.find(word, j)


def _is_letter(c: str) -> bool:
    # The class [^\W\d_]: \w is isalnum() (or "_"), \d is isdecimal().
    return c.isalnum() and not c.isdecimal()


class _Doc:
    """Document-wide evidence for wrap decisions, computed only when first needed.

    Most pages need no word count at all, and a page with a few broken words
    needs the counts of a few words: those are counted one by one with
    substring scans. Only a page that asks for many (a hard-wrapped document)
    pays for tokenising its whole text once.
    """

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines
        self._text: str | None = None
        self._counts: Counter[str] | None = None
        self._edges: Counter[str] | None = None
        self._probes = 0
        self._scans = 0
        self._width: int | None = None
        self._fit: int | None = None

    def known_count(self, word: str) -> int:
        """How often `word` occurs away from a line break (where pieces of split words sit)."""
        if self._edges is None:
            texts = [line.text for line in self._lines if line.text]
            self._text = "\n".join(texts).casefold()
            ends = "\n".join(t[-41:] for t in texts).casefold()
            starts = "\n".join(t[:41] for t in texts).casefold()
            self._edges = Counter(_LINE_END_LETTERS.findall(ends)) + Counter(
                _LINE_START_LETTERS.findall(starts)
            )
        return self._count(word) - self._edges[word]

    def _count(self, word: str) -> int:
        """How many tokens of the text (as `_WORD` finds them) are `word`."""
        if self._counts is not None:
            return self._counts[word]
        text = self._text or ""
        if _LETTERS.fullmatch(word) is None:  # a token is letters (and apostrophes)
            return 0 if "'" not in word and "’" not in word else self._all_counts()[word]
        self._scans += 1
        if self._scans > _MAX_SCANS:
            return self._all_counts()[word]
        n = 0
        for i in _runs_of(word, text):
            self._probes += 1
            token = self._opens_token(text, i) if self._probes <= _MAX_PROBES else None
            if token is None:
                return self._all_counts()[word]
            # A token opening here runs on over an apostrophe ("don't").
            j = i + len(word)
            n += token and not (j + 1 < len(text) and text[j] in _APOSTROPHES and _is_letter(text[j + 1]))
        return n

    def _opens_token(self, text: str, i: int) -> bool | None:
        """Whether the run of letters at `i` opens a token, or None when the chain is too long.

        A token is a run of letters, joined over one apostrophe to the next run
        ("don't"); in a chain of runs joined by apostrophes ("rock'n'roll") the
        runs alternate: the first opens a token, the second ends it, and so on.
        """
        opens = True
        p = i
        while p >= 2 and text[p - 1] in _APOSTROPHES and _is_letter(text[p - 2]):
            q = p - 2
            while q > 0 and _is_letter(text[q - 1]):
                q -= 1
                self._probes += 1
            p = q
            opens = not opens
            self._probes += 1
            if self._probes > _MAX_PROBES:
                return None
        return opens

    def _all_counts(self) -> Counter[str]:
        if self._counts is None:
            # One pass of C-level regex over the whole text, not one call per word.
            self._counts = Counter(_WORD.findall(self._text or ""))
        return self._counts

    @property
    def wrap_width(self) -> int:
        """The column the document is hard-wrapped at, or 0 when it is not wrapped."""
        if self._width is None:
            self._width = _wrap_width(self._lines)
        return self._width

    @property
    def fit_width(self) -> int:
        """The longest line within the wrap width that is surely wrapped (mid-sentence, lower case after it).

        No longer than the column the text was wrapped at, so a line that
        would still have had room for the next word by this measure was not
        broken by the wrapper.
        """
        if self._fit is None:
            # Lines past the wrap width (a caption above an e-mail line) were never wrapped.
            width = self.wrap_width
            self._fit = max(
                (
                    len(a.text)
                    for a, b in itertools.pairwise(self._lines)
                    if 0 < len(a.text) <= width
                    and b.text[:1].isalpha()
                    and b.text[0].islower()
                    and not is_terminal(a.text)
                ),
                default=0,
            )
        return self._fit


def _wrap_width(lines: Sequence[Line]) -> int:
    long_lengths: list[int] = []
    open_ends = 0
    for line in lines:
        if line.text.count(" ", 0, 200) >= 4:
            long_lengths.append(len(line.text))
            open_ends += not is_terminal(line.text)
    if len(long_lengths) < 4:
        return 0
    long_lengths.sort()
    top = long_lengths[int(len(long_lengths) * 0.9) - 1]
    near = len(long_lengths) - bisect.bisect_left(long_lengths, 0.7 * top)
    if top <= 110 and near >= 0.5 * len(long_lengths) and open_ends >= 0.4 * len(long_lengths):
        return top
    return 0


def _known(word: str, doc: _Doc, lexicon: Lexicon) -> bool:
    if word in lexicon.stopwords or word in {"a", "i"}:
        return True
    return doc.known_count(word) > 0


def _glue(a: str, b: str, doc: _Doc, lexicon: Lexicon) -> str:
    """How to join two lines known to belong together: "" (one word) or " "."""
    if a[-1] in _HYPHEN and len(a) > 1 and a[-2].isalpha():
        return ""
    left = _TRAILING_LETTERS.search(a[-41:])
    right = _LEADING_LETTERS.match(b)
    if left is None or right is None or not b[0].islower():
        return " "
    s1, s2 = left.group(1).casefold(), right.group(1).casefold()
    whole = s1 + s2
    k1, k2 = _known(s1, doc, lexicon), _known(s2, doc, lexicon)
    if k1 and k2:
        return " "
    if _known(whole, doc, lexicon):
        return ""
    if not k2 and (s2 in lexicon.suffixes or len(s2) == 1):
        return ""
    if not k1 and (s1 in lexicon.prefixes or len(s1) == 1) and len(s2) >= 3:
        return ""
    return " "


def _belongs(a: Line, b: Line, doc: _Doc, lexicon: Lexicon) -> bool:
    """Whether the break between consecutive non-blank lines a and b is a wrap."""
    # The shape decides first (cheap, and most pairs of lines fail it); only a
    # pair that looks wrapped is checked for furniture on either side.
    return _wrap_shaped(a.text, b.text, doc, lexicon) and not (
        _next_item(a.text, b.text)
        or lexicon.match_phrase(b.text) is not None
        or lexicon.match_phrase(a.text) is not None
        or dateline(b.text, lexicon=lexicon) is not None
        or _BY.match(b.text) is not None
        or is_email_line(b.text)
    )


def _next_item(a: str, b: str) -> bool:
    """Whether `b` opens the next item of a list: after the list's lead-in or an item marked alike."""
    m = _ITEM.match(b)
    if m is None:
        return False
    if a.rstrip().endswith(":"):
        return True
    before = _ITEM.match(a)
    # Items numbered "1." and "2." are marked alike: compare the marker's shape.
    return before is not None and before.group()[-2:] == m.group()[-2:]


def _wrap_shaped(a: str, b: str, doc: _Doc, lexicon: Lexicon) -> bool:
    terminal = is_terminal(a)
    # A letter in lower case: "ⓒ" (a symbol) is lower case to str.islower.
    lower = b[0].islower() and b[0].isalpha()
    if not terminal and (lower or a[-1] in _OPEN_END) and a.count(" ") >= 4:
        return True
    # The document's wrap width is only worth computing when the pair could be
    # a wrap at that width: a sentence end needs a lower-case line after it.
    if (not lower if terminal else a.count(" ") < 3) or not doc.wrap_width:
        return False
    # A wrapper breaks a line only when the next word does not fit on it:
    # lines of furniture among a wrapped story are short enough to have taken it.
    if len(a) + 1 + len(b.split(" ", 1)[0]) <= doc.fit_width:
        return False
    if terminal:
        return len(a) >= 0.9 * doc.wrap_width
    if len(a) < 0.65 * doc.wrap_width:
        return False
    # A byline or a date under a headline is not the headline's continuation, and a
    # date line ("Published: 06:12 EST, 12 February 2025") continues into no story.
    return lower or (
        not is_byline(b, lexicon=lexicon)
        and not is_timestamp(b, lexicon)
        and not _bare_name(a, b, lexicon)
        and not is_timestamp(a, lexicon)
    )


def _bare_name(a: str, b: str, lexicon: Lexicon) -> bool:
    """Whether `b` is a name on its own line ("Jane Doe" under a deck), not the end of `a`'s sentence.

    A wrapped sentence leaves a short last line only at its end, with its stop;
    a line of a few capitalised words without one, after a line ending in a
    content word, is a reporter's name.
    """
    words = b.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or not b[-1].isalpha():
        return False
    last = a.rsplit(None, 1)[-1].casefold()
    return last not in lexicon.stopwords and last.isalpha()


def join_lines(lines: Sequence[Line], lexicon: Lexicon) -> list[Unit]:
    """Group raw lines into units, joining hard-wrapped lines.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> from koreabrief.cleaning.normalise import split_lines
        >>> raw = "Troops may soon be statione\\nd on the front and monitoring\\nof it goes on."
        >>> [u.text for u in join_lines(split_lines(raw), default_lexicon())]
        ['Troops may soon be stationed on the front and monitoring of it goes on.']
    """
    doc = _Doc(lines)
    units: list[Unit] = []
    block = 0
    current: list[str] = []
    start = end = 0
    previous: Line | None = None
    for line in lines:
        if not line.text:
            if current:
                units.append(Unit(start, end, "".join(current), block))
                current = []
            block += 1
            previous = None
            continue
        if previous is not None and current and _belongs(previous, line, doc, lexicon):
            current.append(_glue(previous.text, line.text, doc, lexicon))
            current.append(line.text)
            end = line.end
        else:
            if current:
                units.append(Unit(start, end, "".join(current), block))
            current = [line.text]
            start, end = line.start, line.end
        previous = line
    if current:
        units.append(Unit(start, end, "".join(current), block))
    return units
