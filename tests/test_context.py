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
    original = sanctions.sentence_sanctions

    def counting(ctx: Any, published: Any, **options: Any) -> Any:
        seen.append(ctx.sent.start)
        return original(ctx, published, **options)

    monkeypatch.setattr(sanctions, "sentence_sanctions", counting)
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
    assert lex.pattern.search(text) is not None


def _cue_lexicon() -> Any:
    from koreabrief.extraction.triggers import EventLexicon

    return EventLexicon.from_data(
        {
            "trigger": [{"type": "missile_launch", "kind": "verb", "patterns": ["fired", "fire"]}],
            "modality": {
                "negated": {"before": ["did not", "Never"]},
                "future": {"before": ["will", "plans to"], "after": ["next"]},
            },
            "governors": {"reaction": ["warned", "Warned of", "slammed"]},
        }
    )


def test_one_search_tells_whether_any_modality_cue_stands_before() -> None:
    """`mood` asks one pattern of all "before" cues first; it must know every one of them."""
    rx = _cue_lexicon().cue("modality.before")
    assert rx is not None
    for text in ("it did not", "Seoul plans to", "and never", "they WILL"):
        assert rx.search(text), text
    assert rx.search("the willing planners") is None


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("North Korea did not fire", "negated"),
        ("North Korea never fired", "negated"),
        ("North Korea will fire", "future"),
        ("North Korea fired next", "future"),
        ("North Korea fired", "plain"),
    ],
)
def test_mood_with_the_cue_prefilter(text: str, mood: str) -> None:
    from koreabrief.extraction.binding import mood as mood_of
    from koreabrief.models import Span

    lex = _cue_lexicon()
    trig = next(iter(lex.find(text)), None)
    assert trig is not None
    assert mood_of(text, lex, Span(0, len(text)), trig) == mood


def test_cue_trie_prefers_the_longest_word_in_any_case() -> None:
    """Cue patterns are tries now; like the old longest-first alternation they read the longest cue."""
    rx = _cue_lexicon().cue("governors.reaction")
    assert rx is not None
    assert [m.group(0) for m in rx.finditer("Seoul WARNED OF it, warned, and Slammed the warnedx")] == [
        "WARNED OF",
        "warned",
        "Slammed",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Some 3,000 TROOPS and Several hundred tanks crossed; up to 40 drones flew 1,100 km.",
        "ſeveral thousand troops arrived",  # long s: IGNORECASE reads "several"
        "İn 2024 about ten warships left",
        "Nothing countable here at all.",
    ],
)
def test_quantities_on_lowered_text_are_the_same(text: str) -> None:
    """The case-sensitive scan of the lower-cased text finds what the IGNORECASE one finds."""
    from koreabrief.extraction.quantities import find_quantities

    plain = find_quantities(text)
    assert find_quantities(text, lowered=context.ascii_lower(text)) == plain
    assert find_quantities(text, 5, len(text) - 2, lowered=context.ascii_lower(text)) == find_quantities(
        text, 5, len(text) - 2
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "after",
        "before",
        "since",
        "ahead of",
        "following",
        "until",
        "prior to",
        "on the eve of",
        "in the run-up to",
    ],
)
def test_every_anchor_phrase_passes_the_quick_test(phrase: str) -> None:
    """`_anchor_start` tries its pattern only when one of `_ANCHOR_CUES` is there: each phrase holds one."""
    from koreabrief.extraction.events import _ANCHOR_CUES, _ANCHOR_PHRASE

    text = f"North Korea fired a missile {phrase.upper()} the summit"
    assert _ANCHOR_PHRASE.search(text)
    assert any(cue in text.lower() for cue in _ANCHOR_CUES)


@pytest.mark.parametrize(
    "text", ["Seoul WILL respond", "Seoul wıll respond", "Seoul wİll respond", "Seoul did"]
)
def test_cue_search_on_lowered_text_is_the_ignorecase_search(text: str) -> None:
    """The quick case-sensitive scan of lowered text answers as the IGNORECASE pattern does."""
    from koreabrief.extraction.triggers import EventLexicon

    lex = EventLexicon.default()
    rx = lex.cue("tense.future")
    assert rx is not None
    expected = rx.search(text, 2, len(text))
    found = lex.cue_search("tense.future", text, 2, len(text), context.ascii_lower(text))
    assert (found is None) == (expected is None)
    assert found is None or expected is None or found.span() == expected.span()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A gazetteer surname at several places, one glued to a hyphen, one inside a longer word.
        ("Blinken spoke. anti-Blinken crowds met Blinkens and Blinken's aides.", ["Blinken", "Blinken"]),
        # A surname the article itself introduces (after a title), then used alone twice.
        (
            "Foreign Minister Jane Roe arrived. Roe said Roe would stay; xRoe and Roe-like did not.",
            ["Roe", "Roe"],
        ),
        # Not a surname: no bare mention.
        ("Seoul said Tuesday that nothing changed.", []),
    ],
)
def test_surname_places_found_by_the_candidate_filter(text: str, expected: list[str]) -> None:
    """Only known surnames are looked for, at every place the capitalised-word scan would take (#9)."""
    from koreabrief.extraction.triggers import EventLexicon

    names = context.ArticleContext(text, Gazetteer.default()).actor_names(EventLexicon.default())
    bare = [n for n in names if " " not in n.text and n.kind == "person" and n.name != n.text]
    assert [n.text for n in bare] == expected
    for n in bare:
        assert text[n.start : n.end] == n.text
        assert n.start == 0 or not (text[n.start - 1].isalnum() or text[n.start - 1] in "_-")


def test_surname_keys_are_what_by_surname_knows() -> None:
    gaz = Gazetteer.default()
    keys = gaz.surname_keys()
    assert "blinken" in keys
    assert all(gaz.by_surname(k) for k in list(keys)[:50])
