"""Quotation marks: finding the quoted stretches of a text in one linear scan.

Handles curly (“ ” ‘ ’), straight (" ') and guillemet (« ») marks, mixed and
nested quotes (marks of the other family inside a quotation are text), wrong-way
curly marks typed by sloppy outlets (``“Q,“ he said``), apostrophes that are not
quotes (don't, Korea’s, Koreas’), and quotations running over several paragraphs
(the opening mark repeated at each paragraph start, no closing mark before the
break). A quotation never runs past its paragraph: an unclosed double quotation
ends at the paragraph end, an unclosed single one is taken for apostrophes.
"""

from __future__ import annotations

import bisect
import re

from attrs import frozen

from koreabrief.extraction.sentences import paragraph_spans
from koreabrief.models import Span

__all__ = ["QuotePiece", "find_quotes"]

_DOUBLE_OPEN = "\u201c\u00ab\u201e"
_DOUBLE_CLOSE = "\u201d\u00bb"
_SINGLE_OPEN = "\u2018\u2039"
_SINGLE_CLOSE = "\u2019\u203a"
_MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"'"
_SINGLE_CLOSE_RE = re.compile("[" + re.escape(_SINGLE_CLOSE) + "']")
# Characters after which a mark stands in opening position.
_OPENING_CONTEXT = frozenset("([{\u2014\u2013-/:;,")
# A single quotation longer than this without a close is taken for apostrophes.
_MAX_SINGLE = 2000
# A raw piece: start, end, opening mark, closing mark (None: paragraph end), double?
_Raw = tuple[int, int, int, int | None, bool]


@frozen
class QuotePiece:
    """One quoted stretch inside one paragraph.

    Attributes:
        start: Offset of the first quoted character (after the opening mark).
        end: Offset one past the last quoted character (before the closing mark).
        open_at: Offset of the opening mark.
        close_at: Offset of the closing mark, or None when the paragraph ends first.
        group: Pieces of one quotation running over several paragraphs share a group.
        double: True for double marks (“ " «), False for single (‘ ').
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    group: int
    double: bool = True


def find_quotes(text: str, paragraphs: list[Span] | None = None) -> list[QuotePiece]:
    """Every quoted stretch of `text`, in order, never crossing a paragraph break.

    Args:
        text: Clean article text, paragraphs separated by blank lines.
        paragraphs: ``paragraph_spans(text)``, when the caller has it already.

    Returns:
        The pieces; a quotation over several paragraphs gives one piece per
        paragraph, all with the same `group`.

    Examples:
        >>> t = "“Don’t go,” she said of Korea’s ‘red line’."
        >>> [t[q.start:q.end] for q in find_quotes(t)]
        ['Don’t go,', 'red line']
    """
    pieces: list[QuotePiece] = []
    group = -1
    marks = _mark_positions(text)
    # The paragraph index of the last piece: a quotation left open continues only into
    # the paragraph right after it, never past a paragraph of the writer's own words.
    last_para = -2
    for index, para in enumerate(paragraph_spans(text) if paragraphs is None else paragraphs):
        continues = (
            bool(pieces)
            and last_para == index - 1
            and pieces[-1].close_at is None
            and _starts_with_double_open(text, para.start)
        )
        for i, (start, end, open_at, close_at, double) in enumerate(
            _scan_paragraph(text, para.start, para.end, marks)
        ):
            if not (i == 0 and continues and open_at == para.start):
                group += 1
            pieces.append(QuotePiece(start, end, open_at, close_at, group, double))
            last_para = index
    # A quotation still open where the text itself ends was cut off (a truncated
    # page): it is no quotation.
    if pieces and pieces[-1].close_at is None and not text[pieces[-1].end :].strip():
        pieces.pop()
    return pieces


def _mark_positions(text: str) -> list[int]:
    """The offsets of every quotation mark (a character of `_MARKS`), in order.

    One `str.find` loop per mark character runs in C over plain text; a regex
    character class of non-ASCII marks costs far more per character.
    """
    found: list[int] = []
    for mark in _MARKS:
        find = text.find
        pos = find(mark)
        while pos >= 0:
            found.append(pos)
            pos = find(mark, pos + 1)
    found.sort()
    return found


def _starts_with_double_open(text: str, pos: int) -> bool:
    ch = text[pos] if pos < len(text) else ""
    return ch in _DOUBLE_OPEN or ch == '"'


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _single_close_candidates(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Positions of possible closing single marks: (all, strong ones)."""
    every: list[int] = []
    strong: list[int] = []
    for m in _SINGLE_CLOSE_RE.finditer(text, start, end):
        pos = m.start()
        prev = text[pos - 1] if pos > start else ""
        nxt = text[pos + 1] if pos + 1 < end else ""
        if _is_space(prev) or nxt.isalnum():
            continue  # "don't", "Korea’s": an apostrophe inside a word
        every.append(pos)
        # "the Koreas’ talks": a plural possessive, weaker than a real close; not
        # before a function word ("‘anti-state forces’ and ‘monsters’").
        after = text[pos + 2] if pos + 2 < end else ""
        if not (prev in "sS" and nxt == " " and after.islower()) or _function_word_at(text, pos + 2, end):
            strong.append(pos)
    return every, strong


# Words that never follow a plural possessive: a single mark before them closes a quotation.
_FUNCTION_WORD = re.compile(
    r"(?:and|or|but|nor|to|in|on|at|for|of|with|as|from|by|is|are|was|were|that|which|who|"
    r"when|while|after|before|than|if|because|said|says|he|she|they|it)(?![\w’'-])"
)


def _function_word_at(text: str, pos: int, end: int) -> bool:
    return _FUNCTION_WORD.match(text, pos, end) is not None


def _scan_paragraph(text: str, start: int, end: int, marks: list[int] | None = None) -> list[_Raw]:
    """The raw pieces of the paragraph [start, end); `marks` as `_mark_positions(text)` gives them."""
    if marks is None:
        marks = _mark_positions(text)
    out: list[_Raw] = []
    every: list[int] | None = None
    strong: list[int] = []
    open_at: int | None = None
    pos = start
    index = bisect.bisect_left(marks, start)
    while pos < end:
        # The first mark at or after `pos`, if the paragraph has one.
        while index < len(marks) and marks[index] < pos:
            index += 1
        if index == len(marks) or marks[index] >= end:
            break
        pos = marks[index]
        ch = text[pos]
        prev = text[pos - 1] if pos > start else ""
        nxt = text[pos + 1] if pos + 1 < end else ""
        opener_like = (prev == "" or prev.isspace() or prev in _OPENING_CONTEXT or prev in _DOUBLE_OPEN) and (
            nxt != "" and not nxt.isspace()
        )
        closer_like = prev != "" and not prev.isspace() and (nxt == "" or nxt.isspace() or not nxt.isalnum())
        if ch in _DOUBLE_OPEN or ch in _DOUBLE_CLOSE or ch == '"':
            if open_at is None:
                is_open = ch == '"' and not closer_like
                is_open = is_open or (ch in _DOUBLE_OPEN and not (closer_like and not opener_like))
                is_open = is_open or (ch in _DOUBLE_CLOSE and opener_like and nxt.isalnum())
                if is_open:
                    open_at = pos
                pos += 1
                continue
            is_close = ch == '"' or ch in _DOUBLE_CLOSE
            is_close = is_close or (ch in _DOUBLE_OPEN and closer_like and not opener_like)
            if is_close:
                _emit(out, text, (open_at + 1, pos), open_at, pos, double=True)
                open_at = None
            else:
                open_at = pos  # a new opening mark: the earlier one was never closed
            pos += 1
            continue
        # A single mark, outside any double quotation.
        if open_at is None and (ch in _SINGLE_OPEN or ch == "'") and opener_like and nxt.isalnum():
            if every is None:
                every, strong = _single_close_candidates(text, start, end)
            close = _next_candidate(every, strong, pos)
            if close is not None and close < end and close - pos <= _MAX_SINGLE:
                _emit(out, text, (pos + 1, close), pos, close, double=False)
                pos = close + 1
                continue
        pos += 1
    if open_at is not None:
        _emit(out, text, (open_at + 1, end), open_at, None, double=True)
    return out


def _next_candidate(every: list[int], strong: list[int], pos: int) -> int | None:
    i = bisect.bisect_right(strong, pos)
    j = bisect.bisect_right(every, pos)
    first_strong = strong[i] if i < len(strong) else None
    first_any = every[j] if j < len(every) else None
    if first_strong is not None and first_strong - pos <= _MAX_SINGLE:
        return first_strong
    return first_any


def _emit(
    out: list[_Raw], text: str, span: tuple[int, int], open_at: int, close_at: int | None, *, double: bool
) -> None:
    start, end = span
    if close_at is None:
        while end > start and text[end - 1].isspace():
            end -= 1
    inner = text[start:end]
    if not any(ch.isalnum() for ch in inner):
        return
    out.append((start, end, open_at, close_at, double))
