"""Sentence and paragraph boundaries of an article's clean text.

News prose is full of full stops that do not end sentences ("U.S.", "Gen.",
"Jan. 6", "Benjamin A. Engel"); the splitter knows the common abbreviations and
treats a stop before a lower-case word, a digit or a closing quotation mark
followed by an attribution as no boundary.
"""

from __future__ import annotations

import re

from koreabrief.models import Span

__all__ = ["paragraph_spans", "sentence_spans"]

# Tokens that end in a full stop without ending the sentence (lower-cased, no stop).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "rep",
        "sen",
        "gov",
        "pres",
        "sec",
        "amb",
        "st",
        "jr",
        "sr",
        "inc",
        "co",
        "corp",
        "ltd",
        "no",
        "nos",
        "vol",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "govt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "d.p.r.k",
        "r.o.k",
        "p.m",
        "a.m",
        "vs",
        "etc",
        "e.g",
        "i.e",
    ]
)

_PARA = re.compile(r"\n[ \t]*\n")
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
# The look-ahead also captures the first character after that whitespace (none at the
# end of the range), so no Python loop has to walk over the spaces to find it. The
# pattern opens with one plain character class (not "[.!?]+"), which lets the regex
# engine skip straight to the next stop instead of trying every position.
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'\u201d\u2019)\]]*(?=\s+(?P<next>.)?)")
_TOKEN_BEFORE = re.compile(r"(\S{1,40})\Z")


def paragraph_spans(text: str) -> list[Span]:
    """Spans of the paragraphs of `text` (separated by blank lines), without edge whitespace.

    Examples:
        >>> t = "One.\\n\\nTwo."
        >>> [s.slice(t) for s in paragraph_spans(t)]
        ['One.', 'Two.']
    """
    spans: list[Span] = []
    start = 0
    for m in _PARA.finditer(text):
        _add_trimmed(spans, text, start, m.start())
        start = m.end()
    _add_trimmed(spans, text, start, len(text))
    return spans


def _add_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    """Append the span of `text[start:end]` without edge whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def sentence_spans(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Spans of the sentences of `text`, never crossing a paragraph break.

    `paragraphs` is ``paragraph_spans(text)`` when the caller has it already.

    Examples:
        >>> t = "The U.S. envoy met Gen. Park on Jan. 6 in Seoul. He left. Talks resume."
        >>> [s.slice(t) for s in sentence_spans(t)]
        ['The U.S. envoy met Gen. Park on Jan. 6 in Seoul.', 'He left.', 'Talks resume.']
    """
    spans: list[Span] = []
    for para in paragraph_spans(text) if paragraphs is None else paragraphs:
        _split_paragraph(spans, text, para.start, para.end)
    return spans


def _split_paragraph(out: list[Span], text: str, start: int, end: int) -> None:
    """Append the sentence spans of the paragraph `text[start:end]` to `out`."""
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        following = m.group("next")
        # A stop before a lower-case word, a digit or a clause mark continues the sentence.
        if following is not None and (following.islower() or following.isdigit() or following in ",;:)"):
            continue
        if following is not None and text[m.start()] == "." and _abbreviation_before(text, m.start()):
            continue
        # The sentence ends in the stop at m.start(), so only its start needs trimming,
        # and that stops at the stop at the latest.
        while text[sent_start].isspace():
            sent_start += 1
        cut = m.end()
        out.append(Span(sent_start, cut))
        sent_start = cut
    _add_trimmed(out, text, sent_start, end)


def _abbreviation_before(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation or an initial, not a sentence."""
    lo = max(0, stop - 40)
    # The match starts after the last whitespace of the window: a search from after its
    # last space finds it without trying (and running to `stop` from) each position before.
    m = _TOKEN_BEFORE.search(text, max(lo, text.rfind(" ", lo, stop) + 1), stop)
    token = m.group(1).lstrip("(\"'\u201c\u2018").lower() if m else ""
    if token in _ABBREVIATIONS:
        return True
    # A lone capital initial, as in "Benjamin A. Engel".
    return len(token) == 1 and token.isalpha()
