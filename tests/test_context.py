"""Shared per-article work (ArticleContext) and the memos that keep extraction fast (#9)."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest

import koreabrief as kb
from koreabrief import gazetteer as gazetteer_module
from koreabrief.extraction import context, quotes, sentences, statements
from koreabrief.gazetteer import Entity, Gazetteer

# Written for koreabrief: two paragraphs, quotations in both.
TEXT = (
    "“We will respond,” Foreign Minister Jane Roe said on Monday.\n\n"
    "Pyongyang fired a missile on Tuesday. “It was a test,” the Kremlin said."
)


def _counting(fn: Callable[..., Any], text: str, calls: list[int]) -> Callable[..., Any]:
    def wrapped(arg: str, *rest: Any, **kw: Any) -> Any:
        if arg == text:
            calls.append(1)
        return fn(arg, *rest, **kw)

    return wrapped


def test_paragraphs_split_once_per_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences, quotations and statements share one paragraph split of the article."""
    calls: list[int] = []
    counting = _counting(sentences.paragraph_spans, TEXT, calls)
    for module in (sentences, context, quotes, statements):
        monkeypatch.setattr(module, "paragraph_spans", counting, raising=False)
    facts = kb.extract(kb.Article(id="x", raw=TEXT, text=TEXT))
    assert len(facts.statements) == 2
    assert len(calls) == 1


def test_context_paragraphs_and_sentences_agree() -> None:
    ctx = context.ArticleContext(TEXT, Gazetteer.default())
    assert ctx.paragraphs == sentences.paragraph_spans(TEXT)
    assert ctx.sentences == sentences.sentence_spans(TEXT)
    assert quotes.find_quotes(TEXT, ctx.paragraphs) == quotes.find_quotes(TEXT)


def test_lookup_memo_is_bounded_and_right() -> None:
    """Lookups are memoised per gazetteer, and the memo never outgrows its bound."""
    g = Gazetteer.from_entities([Entity(name="Jane Roe", kind="person", aliases=("J. Roe",))])
    size = gazetteer_module._MEMO_SIZE
    for i in range(size + 10):
        assert g.lookup(f"Nobody {i}") is None
        assert g.by_surname(f"Nobody{i}") == ()
    assert len(g._lookups) <= size
    assert len(g._by_surname) <= size
    hit = g.lookup("J. Roe")
    assert hit is not None
    assert hit[0].name == "Jane Roe"
    assert [e.name for e in g.by_surname("Roe")] == ["Jane Roe"]


def test_memo_not_pickled() -> None:
    """A worker gets the entities, not the memo of the process that sent them."""
    g = Gazetteer.from_entities([Entity(name="Jane Roe", kind="person")])
    g.lookup("Jane Roe")
    copy = pickle.loads(pickle.dumps(g))
    assert copy._lookups == {}
    assert copy.resolve("Jane Roe") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lower-case forms ("the Kremlin") and the others are scanned apart, then merged in order.
        ("the Kremlin, Seoul and the Pentagon", ["the Kremlin", "Seoul", "the Pentagon"]),
        # Glued to a word before it: no mention, and the scan goes on after it.
        ("xSeoul and Seoul", ["Seoul"]),
        ("breathe Kremlin", ["Kremlin"]),
        # A rejected "the ..." form retries just after its start.
        ("the Treasury Department said", ["Treasury Department"]),
    ],
)
def test_find_merges_scans_in_order(text: str, expected: list[str]) -> None:
    found = Gazetteer.default().find(text)
    assert [m.text for m in found] == expected
    starts = [m.start for m in found]
    assert starts == sorted(starts)


def test_sanction_scan_reads_only_sentences_with_a_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    """The full (IGNORECASE) cue scan runs only where the quick one on lower-cased text finds a cue."""
    from koreabrief.extraction import sanctions

    seen: list[int] = []
    original = sanctions._sentence_sanctions

    def counting(ctx: Any, published: Any) -> Any:
        seen.append(ctx.sent.start)
        return original(ctx, published)

    monkeypatch.setattr(sanctions, "_sentence_sanctions", counting)
    text = "Seoul said little. Pyongyang fired a missile. RUSSIA IS UNDER SANCTIONS. Talks may resume."
    found = kb.extract_sanctions(kb.Article(id="x", raw=text, text=text))
    assert [(s.entity, s.status.value) for s in found] == [("Russia", "in_force")]
    assert seen == [text.index("RUSSIA")]


@pytest.mark.parametrize(
    "text",
    [
        # "ı" matches "i" under IGNORECASE though it lower-cases to itself (as "ſ"
        # does to "s"): such texts take the full scan everywhere.
        "Russia ıs under sanctions.",
        "Iran is under SANCTIONS, Seoul said.",
    ],
)
def test_sanction_quick_scan_keeps_every_cue(text: str) -> None:
    from koreabrief.extraction import sanctions

    article = kb.Article(id="x", raw=text, text=text)
    found = kb.extract_sanctions(article)
    lex = sanctions.SanctionLexicon.default()
    assert found
    assert lex._pattern.search(text) is not None
