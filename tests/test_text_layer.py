"""The text layer: a sentence's words and clause breaks, found once and shared (#17).

A `SentenceText` answers from lists it builds once; every answer must be the
one the plain patterns give on the text itself, for any stretch inside the
sentence. The texts are built from pieces chosen to hit the edges (spaced and
doubled dashes, commas before digits, apostrophes, non-ASCII letters and
spaces) and the sentence is any stretch of them.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction import binding, text
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.text import CLAUSE_BREAK, WORD, SentenceText, TextLayer

_PIECES = ["Seoul", "fired", "a", "drone", "Kim's", "test-fired", "é", "İ", "_", "7", "1,500", ",\u0661"]
_PIECES += [" ", "  ", "\u00a0", "\n", "-", " - ", " - - ", ",", ", ", ";", ":", "(", ")", "\u2014", '"', "“"]


def _texts(max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_PIECES), max_size=max_size).map("".join)


@st.composite
def _sentences(draw: st.DrawFn) -> tuple[str, SentenceText]:
    """A text and a sentence of it: any stretch, not only whole sentences.

    Half the sentences answer from their lists at once, half from the patterns first.
    """
    body = draw(_texts())
    start = draw(st.integers(0, len(body)))
    end = draw(st.integers(start, len(body)))
    return body, SentenceText(body, start, end, build_after=draw(st.sampled_from([0, 1, 12])))


@st.composite
def _stretches(draw: st.DrawFn) -> tuple[str, SentenceText, int, int]:
    body, s = draw(_sentences())
    a = draw(st.integers(s.start, s.end))
    b = draw(st.integers(a, s.end))
    return body, s, a, b


@given(_sentences())
def test_words_cover_exactly_the_word_characters(case: tuple[str, SentenceText]) -> None:
    body, s = case
    inside = {i for a, b in s.words for i in range(a, b)}
    assert inside == {i for i in range(s.start, s.end) if WORD.fullmatch(body[i])}
    # Runs are maximal: no two touch.
    assert all(b < c for (_, b), (c, _) in zip(s.words, s.words[1:], strict=False))


@given(_sentences())
def test_breaks_lie_inside_the_sentence(case: tuple[str, SentenceText]) -> None:
    body, s = case
    assert all(s.start <= i < s.end for i in s.breaks)
    assert s.breaks == [m.start() for m in CLAUSE_BREAK.finditer(body, s.start, s.end)]


@given(_stretches())
def test_first_clause_break_agrees_with_the_pattern(case: tuple[str, SentenceText, int, int]) -> None:
    body, s, a, b = case
    m = CLAUSE_BREAK.search(body, a, b)
    assert s.first_clause_break(a, b) == (m.start() if m else -1) == text.first_clause_break(body, a, b)


@given(_stretches(), st.integers(0, 8))
def test_words_at_most_agrees_with_counting(case: tuple[str, SentenceText, int, int], count: int) -> None:
    body, s, a, b = case
    expected = len(WORD.findall(body, a, b)) <= count
    assert s.words_at_most(a, b, count) == expected == text.words_at_most(body, a, b, count)


def _words_before_reference(body: str, lo: int, pos: int, count: int) -> int:
    """The old definition, read forwards: the last break's end, then the `count`-th word back."""
    base = max(lo, pos - 120)
    seg = body[base:pos]
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(seg)), default=0)
    words = list(WORD.finditer(seg, cut))
    return base + (words[-count].start() if len(words) > count else cut)


@given(_stretches(), st.sampled_from([0, 1, 2, 6, 40]))
def test_words_before_agrees_with_the_old_definition(
    case: tuple[str, SentenceText, int, int], count: int
) -> None:
    body, s, lo, pos = case
    assert s.words_before(lo, pos, count) == _words_before_reference(body, lo, pos, count)


def test_long_sentence_reads_at_most_120_characters_back() -> None:
    body = "Seoul said " + "very " * 40 + "soon fired"
    s = SentenceText(body, 0, len(body), build_after=0)
    pos = body.index("fired")
    assert s.words_before(0, pos, 60) == text.words_before(body, 0, pos, 60) >= pos - 120


def test_stretch_outside_the_sentence_is_read_from_the_text() -> None:
    body = "Seoul said. Then, it fired."
    s = SentenceText(body, 0, 11, build_after=0)
    assert s.first_clause_break(11, len(body)) == body.index(",")
    assert not s.words_at_most(0, len(body), 3)


def test_lists_are_built_once_the_sentence_is_asked_often() -> None:
    """A sentence asked few questions reads the text; one asked many builds its lists once."""
    body = "Seoul said, the North will soon fire."
    s = SentenceText(body, 0, len(body), build_after=2)
    answers = [s.first_clause_break(0, len(body)) for _ in range(4)]
    assert answers == [10] * 4
    assert s._chars is not None
    assert s._starts is None  # no word was asked about: the word list waits


def test_layer_shares_one_sentence_text() -> None:
    layer = TextLayer("Seoul said. Pyongyang fired.")
    assert layer.sentence(12, 28) is layer.sentence(12, 28)
    assert layer.sentence(0, 11) is not layer.sentence(12, 28)


def test_context_holds_one_layer_for_every_extractor() -> None:
    ctx = ArticleContext("Seoul said. Pyongyang fired.", kb.Gazetteer.default())
    assert ctx.text_layer is ctx.text_layer
    assert ctx.text_layer.text == ctx.text


def test_binding_still_names_the_helpers() -> None:
    """binding.py re-exports what moved, so imports written against it keep working."""
    for name in ("CLAUSE_BREAK", "NEW_CLAUSE", "WORD", "first_clause_break", "words_at_most", "words_before"):
        assert getattr(binding, name) is getattr(text, name)
    assert isinstance(binding.WORD, re.Pattern)
