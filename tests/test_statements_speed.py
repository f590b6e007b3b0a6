"""`extract_statements` on its own does no work past the last quoted paragraph (#16, speed).

Alone, statements read no name and no sentence after the paragraph of the last
quotation, so the name stage, the gazetteer scan and the sentence split stop
there; `kb.extract` shares the whole of each with events and sanctions. Either
way the statements are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction import names, sentences
from koreabrief.extraction.statements import extract_statements
from koreabrief.gazetteer import Gazetteer

# Written for koreabrief: one quoted paragraph, then a long tail without quotations.
HEAD = "“Talks must resume soon,” Unification Minister Jane Roe told lawmakers on Friday."
TAIL = [
    "Pyongyang tested a cruise missile off its west coast last month, the military said.",
    "The ministry in Seoul has asked for a meeting of liaison officers since the spring.",
    "Defence Minister Lee Min-su visited a frontline unit near Paju on Thursday.",
    "He told soldiers to keep watch through the holiday and thanked their families.",
]
TEXT = "\n\n".join([HEAD, *TAIL * 5])


def _recording(fn: Callable[..., Any], lengths: list[int]) -> Callable[..., Any]:
    def wrapped(text: str, *rest: Any, **kw: Any) -> Any:
        lengths.append(len(text))
        return fn(text, *rest, **kw)

    return wrapped


def test_name_stage_and_gazetteer_stop_after_the_last_quoted_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stage: list[int] = []
    scans: list[int] = []
    monkeypatch.setattr(names, "find_mentions", _recording(names.find_mentions, stage))
    find = Gazetteer.find

    def scanning(self: Gazetteer, text: str) -> Any:
        scans.append(len(text))
        return find(self, text)

    monkeypatch.setattr(Gazetteer, "find", scanning)
    (statement,) = extract_statements(kb.Article(id="x", raw=TEXT, text=TEXT))
    assert statement.speaker == "Jane Roe"
    # The quoted paragraph and two characters of the next one, not the tail.
    assert stage == [len(HEAD) + 4]
    assert scans == [len(HEAD) + 4]


def test_sentences_split_only_up_to_the_paragraph_after_the_last_quotation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    split = sentences._split_paragraph

    def counting(*args: Any) -> None:
        calls.append(1)
        split(*args)

    monkeypatch.setattr(sentences, "_split_paragraph", counting)
    extract_statements(kb.Article(id="x", raw=TEXT, text=TEXT))
    assert len(calls) == 2  # each once: the quoted paragraph and the one after it


# Paragraph pieces, written for koreabrief, chosen for what the name stage reads at a
# paragraph's edge: an appositive name closing it, a bullet or a stray mark opening the
# next, short paragraphs, pronouns, bodies and titles to resolve across paragraphs.
_PIECES = [
    "“We are ready,” Foreign Minister Jane Roe said.",
    "“It was a drill,” he said.",
    "The spokesman said “no talks” would be held.",
    "A ministry official, Lee Min-su",
    "- Seoul",
    "- the envoy",
    "A.",
    "He",
    "“",
    "”",
    '"Quiet," she said',
    "Pyongyang fired two missiles, the Joint Chiefs of Staff said.",
    "Kim Jong Un watched the launch.",
    "The foreign ministry, Park Jin",
    "Officials declined to comment.",
    "Unification Minister Kim Yung-ho said “dialogue” mattered.",
    "“Enough,” a spokesperson for the ministry said.",
    "North Korea",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
def test_statements_alone_are_those_of_the_whole_extraction(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    article = kb.Article(id="x", raw=text, text=text)
    assert extract_statements(article) == kb.extract(article).statements
