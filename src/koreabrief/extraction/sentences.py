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
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)")
_TOKEN_BEFORE = re.compile(r"(\S{1,40})\Z")


def paragraph_spans(text: str) -> list[Span]:
    """Spans of the paragraphs of `text` (separated by blank lines), without edge whitespace.

    Examples:
        >>> t = "One.\\n\\nTwo."
        >>> [s.slice(t) for s in paragraph_spans(t)]
        ['One.', 'Two.']
    """
    spans = []
    start = 0
    for m in _PARA.finditer(text):
        spans.extend(_trimmed(text, start, m.start()))
        start = m.end()
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end)] if end > start else []


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
        spans.extend(_split_paragraph(text, para.start, para.end))
    return spans


def _split_paragraph(text: str, start: int, end: int) -> list[Span]:
    out = []
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if not _is_boundary(text, m.start(), cut, end):
            continue
        out.extend(_trimmed(text, sent_start, cut))
        sent_start = cut
    out.extend(_trimmed(text, sent_start, end))
    return out


def _is_boundary(text: str, stop: int, cut: int, end: int) -> bool:
    nxt = cut
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return True
    following = text[nxt]
    if following.islower() or following.isdigit() or following in ",;:)":
        return False
    if text[stop] == ".":
        m = _TOKEN_BEFORE.search(text, max(0, stop - 40), stop)
        token = m.group(1).lstrip("(\"'\u201c\u2018").lower() if m else ""
        if token in _ABBREVIATIONS:
            return False
        # A lone capital initial, as in "Benjamin A. Engel".
        if len(token) == 1 and token.isalpha():
            return False
    return True
