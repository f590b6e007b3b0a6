"""Properties of every public function on hostile, article-like text.

No public function raises anything but a `KoreabriefError` subclass, and the
documented invariants hold (docs/reliability.md): `raw` is kept verbatim,
every removal indexes `raw`, body + title + removed lines account for every
visible character of `raw`, every span indexes its article's text, and every
result round-trips through JSON.

Functions that do not exist yet are skipped, so the file runs while the
pipeline is being built. Example counts come from the hypothesis profile
(``fast`` by default, ``ci`` in CI; see tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import textwrap
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import koreabrief as kb
from tests.strategies import SEED_LINES, page_lines, raw_pages

# --------------------------------------------------------------------------- strategies

_QUOTES = "“”‘’\"'«»„‚‹›「」"
_FURNITURE = [
    "Share it",
    "Post Comment",
    "Loading Now",
    "Latest Posts",
    "Next Story",
    "To Top",
    "spot_imgspot_img",
    "1 min read",
    "By Jane Roe",
    "Original Source: www.example.com",
    "© 2025 Example News. All rights reserved.",
    "Advertisement",
    "Related: North Korea fires missile",
    "Facebook Twitter WhatsApp",
]
_FRAGMENTS = [
    "“We are ready,” Kim Jong Un said.",
    "North Korea fired a ballistic missile on Monday, the military said.",
    "The US imposed sanctions on North Korea over its missile programme.",
    "He said “",
    "”, he said.",
    "Foreign Minister Park Jin told reporters",
    "about 1,100 kilometers (680 miles)",
    "on November 8 and 9",
    "SEOUL:",
    "(Reuters) -",
    "co-\noperative",
    "statione\nd",
]

#: Characters from many Unicode categories, with quote marks and line breaks.
_chars = st.characters(
    blacklist_categories=("Cs",),
    whitelist_characters=_QUOTES + "\n\r\t\u00a0\u200b\u2028\u2029\ufeff\u0301",
)
_noise = st.text(_chars, max_size=60)
_runs = st.builds(
    lambda unit, n: unit * n,
    st.sampled_from([*_QUOTES, " ", "Kim ", "said ", "1,", "(", ")", "\n", "—", ". ", "\u200b"]),
    st.integers(1, 60),
)
_piece = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(_FURNITURE),
    st.sampled_from(_FRAGMENTS),
    page_lines,
    _noise,
    _runs,
)
_sep = st.sampled_from(["\n", "\n\n", " ", "", "\r\n", "\n \n", "\u2028"])


@st.composite
def hostile_pages(draw: Any) -> str:
    """Article-like text: real lines, furniture, fragments, runs and noise, joined any way."""
    parts = draw(st.lists(st.tuples(_piece, _sep), max_size=14))
    return "".join(p + s for p, s in parts)


_SEED_RAWS = [a.raw for a in kb.seeds()]


@st.composite
def wrapped_seeds(draw: Any) -> str:
    """A seed article hard-wrapped at some width, with some lines dropped or doubled."""
    raw = draw(st.sampled_from(_SEED_RAWS))
    width = draw(st.integers(20, 110))
    lines: list[str] = []
    for para in raw.splitlines():
        lines.extend(textwrap.wrap(para, width, break_long_words=True, break_on_hyphens=False) or [""])
    keep = draw(st.lists(st.sampled_from([0, 1, 1, 1, 2]), min_size=len(lines), max_size=len(lines)))
    return "\n".join(line for line, k in zip(lines, keep, strict=True) for _ in range(k))


pages = st.one_of(raw_pages, hostile_pages(), wrapped_seeds())
_dates = st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))

# --------------------------------------------------------------------------- helpers


def _public(name: str) -> Callable[..., Any]:
    """The public function `kb.<name>`; the test is skipped while it does not exist."""
    found = getattr(kb, name, None)
    if not callable(found):
        pytest.skip(f"koreabrief.{name} does not exist yet")
    return found


def _squash(text: str) -> Counter[str]:
    """The visible characters of `text` as a multiset, canonically decomposed.

    Cleaning drops whitespace, control and zero-width characters and applies
    NFC; decomposing both sides makes NFC invisible to the comparison.
    """
    return Counter(
        c
        for c in unicodedata.normalize("NFD", text)
        if not c.isspace() and unicodedata.category(c) != "Cc" and c not in _INVISIBLE
    )


_INVISIBLE = {"\u200b", "\u2060", "\ufeff", "\u00ad", "\u180e"}


def _check_article(a: kb.Article, raw: str) -> None:
    assert a.raw == raw
    for r in a.removed:
        assert 0 <= r.start <= r.end <= len(raw)
        assert raw[r.start : r.end] == r.text
    assert "\n\n\n" not in a.text
    assert a.text == a.text.strip()
    accounted = _squash(a.text) + _squash(a.title or "")
    for r in a.removed:
        accounted += _squash(r.text)
    assert accounted == _squash(raw), "body + title + removed lines do not account for raw"


def _check_span(span: kb.Span | None, text: str) -> None:
    if span is not None:
        assert 0 <= span.start <= span.end <= len(text)


def _check_facts(f: kb.Facts) -> None:
    text = f.article.text
    for s in f.statements:
        _check_span(s.span, text)
        assert text[s.span.start : s.span.end] == s.quote
        _check_span(s.sentence, text)
        if s.sentence is not None:
            assert s.sentence.start <= s.span.start
            assert s.span.end <= s.sentence.end
    for e in f.events:
        _check_span(e.span, text)
        for m in e.mentions:
            _check_span(m, text)
        if e.time is not None and e.time.span is not None:
            _check_span(e.time.span, text)
            assert text[e.time.span.start : e.time.span.end] == e.time.text
        for q in e.quantities:
            if q.span is not None:
                _check_span(q.span, text)
                assert text[q.span.start : q.span.end] == q.text
    for sanction in f.sanctions:
        _check_span(sanction.span, text)


def _roundtrip(obj: Any) -> None:
    assert kb.from_json(kb.to_json(obj), type(obj)) == obj


def _guarded(fn: Callable[[], Any]) -> Any:
    """Run fn; a KoreabriefError is allowed (returns None), anything else fails the test."""
    try:
        return fn()
    except kb.KoreabriefError:
        return None


# --------------------------------------------------------------------------- clean / article


class TestCleanProperties:
    @given(pages)
    def test_clean_keeps_raw_and_loses_nothing(self, raw: str) -> None:
        """clean() keeps raw verbatim, removals index raw, and every visible character is accounted for."""
        a = kb.clean(raw)
        _check_article(a, raw)

    @given(pages)
    def test_clean_is_idempotent(self, raw: str) -> None:
        """Cleaning a clean body again changes nothing."""
        a = kb.clean(raw)
        assert kb.clean(a.text).text == a.text

    @given(pages)
    def test_clean_round_trips(self, raw: str) -> None:
        """The cleaned article round-trips through JSON."""
        _roundtrip(kb.clean(raw))

    @given(pages, st.text(min_size=1, max_size=20), _dates, st.none() | st.text(max_size=30))
    def test_article_keeps_metadata(
        self, raw: str, id: str, published: dt.date | None, outlet: str | None
    ) -> None:
        """article() keeps the given id, date and outlet and the clean() invariants."""
        a = kb.article(raw, id=id, published=published, outlet=outlet, url="https://example.com/x")
        _check_article(a, raw)
        assert (a.id, a.published, a.url) == (id, published, "https://example.com/x")
        if outlet is not None:
            assert a.outlet == outlet

    @given(pages, st.sampled_from(SEED_LINES))
    def test_known_title_is_not_duplicated_in_body(self, raw: str, title: str) -> None:
        """With a title from metadata, raw is still verbatim and every removal indexes raw."""
        a = kb.clean(raw, title=title)
        assert a.raw == raw
        assert a.title == title
        for r in a.removed:
            assert raw[r.start : r.end] == r.text


# --------------------------------------------------------------------------- extraction


class TestExtractProperties:
    @given(pages, _dates)
    def test_extract_spans_index_text(self, raw: str, published: dt.date | None) -> None:
        """Every span of every statement, event, quantity, time and sanction indexes the article text."""
        f = kb.extract(kb.article(raw, id="p", published=published))
        _check_facts(f)

    @given(pages, _dates)
    def test_extract_on_unclean_text(self, raw: str, published: dt.date | None) -> None:
        """Extraction works on an Article built by hand from any text (no cleaning first)."""
        f = kb.extract(kb.Article(id="h", raw=raw, text=raw, published=published))
        _check_facts(f)

    @given(pages, _dates)
    def test_parts_agree_with_extract(self, raw: str, published: dt.date | None) -> None:
        """extract_statements/events/sanctions give what extract() gives."""
        a = kb.article(raw, id="p", published=published)
        f = kb.extract(a)
        assert kb.extract_statements(a) == f.statements
        assert kb.extract_events(a) == f.events
        assert kb.extract_sanctions(a) == f.sanctions

    @given(pages, _dates)
    def test_facts_round_trip(self, raw: str, published: dt.date | None) -> None:
        """The facts (and each fact) round-trip through JSON."""
        f = kb.extract(kb.article(raw, id="p", published=published))
        _roundtrip(f)
        for item in (*f.statements, *f.events, *f.sanctions):
            _roundtrip(item)


# --------------------------------------------------------------------------- load


def _load_all(path: Path) -> tuple[list[kb.Article], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = _guarded(lambda: list(kb.load(path)))
    for w in caught:
        assert issubclass(w.category, kb.KoreabriefWarning), w
    return (articles or []), [str(w.message) for w in caught]


_encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])


class TestLoadProperties:
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.binary(max_size=400))
    def test_any_bytes_as_txt(self, tmp_path: Path, data: bytes) -> None:
        """Any bytes in a .txt file give one article (raw = the decoded text) or a KoreabriefWarning."""
        path = tmp_path / "x.txt"
        path.write_bytes(data)
        articles, caught = _load_all(path)
        assert len(articles) + len(caught) >= 1
        for a in articles:
            _check_article(a, a.raw)

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(pages, _encodings)
    def test_text_in_any_encoding(self, tmp_path: Path, raw: str, encoding: str) -> None:
        """Article text written in any common encoding loads without an exception."""
        try:
            data = raw.encode(encoding)
        except UnicodeEncodeError:
            data = raw.encode(encoding, errors="replace")
        path = tmp_path / "x.txt"
        path.write_bytes(data)
        articles, _ = _load_all(path)
        for a in articles:
            _check_article(a, a.raw)
            if encoding in ("utf-8", "utf-8-sig", "utf-16") and "\r" not in raw:
                assert a.raw == raw

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        st.lists(st.one_of(pages.map(lambda t: json.dumps({"text": t})), st.text(max_size=40)), max_size=6)
    )
    def test_jsonl_lines_good_and_bad(self, tmp_path: Path, lines: list[str]) -> None:
        """A JSONL file of good and corrupt lines: no exception, only articles and KoreabriefWarnings."""
        path = tmp_path / "c.jsonl"
        path.write_text("\n".join(lines), "utf-8")
        articles, _ = _load_all(path)
        for a in articles:
            _check_article(a, a.raw)


# --------------------------------------------------------------------------- corpus stages


def _facts_list(raws: Iterable[str]) -> list[kb.Facts]:
    return [kb.extract(kb.article(r, id=f"a{i}", outlet=f"O{i % 2}")) for i, r in enumerate(raws)]


_corpora = st.lists(st.one_of(pages, st.sampled_from(SEED_LINES)), min_size=0, max_size=4)


class TestCorpusProperties:
    @settings(max_examples=max(10, settings.default.max_examples // 3))
    @given(pages, pages)
    def test_compare(self, raw_a: str, raw_b: str) -> None:
        """compare() of any two articles is a valid Comparison naming both, symmetric in similarity."""
        compare = _public("compare")
        fa, fb = _facts_list([raw_a, raw_b])
        c = compare(fa, fb)
        assert (c.a, c.b) == ("a0", "a1")
        assert 0.0 <= c.similarity <= 1.0
        assert c.similarity == pytest.approx(compare(fb, fa).similarity)
        _roundtrip(c)

    @settings(max_examples=max(10, settings.default.max_examples // 3))
    @given(_corpora)
    def test_cluster(self, raws: list[str]) -> None:
        """cluster() puts every article in exactly one story."""
        cluster = _public("cluster")
        facts = _facts_list(raws)
        stories = cluster(facts)
        members = [a for s in stories for a in s.articles]
        assert sorted(members) == sorted(f.article.id for f in facts)
        for s in stories:
            _roundtrip(s)

    @settings(max_examples=max(10, settings.default.max_examples // 3))
    @given(_corpora)
    def test_brief_and_render(self, raws: list[str]) -> None:
        """brief() counts every article, round-trips, and renders to Markdown."""
        brief = _public("brief")
        render = _public("render_markdown")
        articles = [kb.article(r, id=f"a{i}") for i, r in enumerate(raws)]
        b = brief(articles)
        assert b.articles == len(articles)
        _roundtrip(b)
        assert isinstance(render(b), str)


# --------------------------------------------------------------------------- serialization, config, process

_MODELS = [
    kb.Span,
    kb.Removal,
    kb.Article,
    kb.Quantity,
    kb.TimeRef,
    kb.Statement,
    kb.Event,
    kb.Sanction,
    kb.Facts,
    kb.FactValue,
    kb.Alignment,
    kb.SharedStatement,
    kb.Comparison,
    kb.Story,
    kb.TimelineEntry,
    kb.SpeakerStatements,
    kb.Brief,
]
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "start",
                    "end",
                    "id",
                    "raw",
                    "text",
                    "kind",
                    "quote",
                    "span",
                    "type",
                    "entity",
                    "status",
                    "articles",
                    "stories",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


class TestSerializationProperties:
    @given(st.sampled_from(_MODELS), st.one_of(st.text(max_size=80), _json_values.map(json.dumps)))
    def test_from_json_raises_only_serialization_error(self, cls: type, text: str) -> None:
        """from_json() on any text returns a valid model or raises SerializationError."""
        try:
            obj = kb.from_json(text, cls)
        except kb.SerializationError:
            return
        assert isinstance(obj, cls)
        _roundtrip(obj)

    @pytest.mark.parametrize("cls", [kb.Span, kb.Article, kb.Brief])
    def test_deeply_nested_json_is_a_serialization_error(self, cls: type) -> None:
        """JSON nested past the parser's recursion limit is a SerializationError, not a RecursionError."""
        with pytest.raises(kb.SerializationError):
            kb.from_json("[" * 100_000, cls)

    @pytest.mark.parametrize("text", ["[]", '"a text"', "[1, 2]"])
    def test_non_object_json_is_not_a_brief(self, text: str) -> None:
        """JSON that is not an object does not describe a Brief (every field has a default)."""
        with pytest.raises(kb.SerializationError):
            kb.from_json(text, kb.Brief)

    @given(st.lists(st.one_of(st.text(max_size=30), _json_values.map(json.dumps)), max_size=5))
    def test_read_jsonl_raises_only_serialization_error(self, lines: list[str]) -> None:
        """read_jsonl() on any lines yields models or raises SerializationError."""
        stream = io.StringIO("\n".join(line.replace("\n", " ") for line in lines))
        try:
            for obj in kb.read_jsonl(stream, kb.Span):
                assert isinstance(obj, kb.Span)
        except kb.SerializationError:
            pass

    @given(pages)
    def test_write_then_read_jsonl(self, raw: str) -> None:
        """Articles written with write_jsonl() read back equal with read_jsonl()."""
        a = kb.article(raw, id="w")
        buf = io.StringIO()
        assert kb.write_jsonl([a, a], buf) == 2
        assert list(kb.read_jsonl(io.StringIO(buf.getvalue()), kb.Article)) == [a, a]


_toml_lines = st.sampled_from(
    [
        "[[person]]",
        "[[state]]",
        "[[organisation]]",
        "[[zzz]]",
        'name = "Jane Roe"',
        'name = ""',
        "name = 1",
        'aliases = ["Roe"]',
        'aliases = "Roe"',
        'role = "Minister"',
        "role = {a = 1}",
        'kind = "state"',
        'metonyms = ["Capital"]',
        "x = ",
        "= 1",
        "[person]",
        'state = "North Korea"',
    ]
)


class TestConfigProperties:
    @given(st.lists(st.one_of(_toml_lines, st.text(max_size=20)), max_size=8).map("\n".join))
    def test_gazetteer_from_toml_text(self, text: str) -> None:
        """Gazetteer.from_toml_text() on any text returns a gazetteer or raises ConfigError."""
        try:
            g = kb.Gazetteer.from_toml_text(text)
        except kb.ConfigError:
            return
        kb.extract(kb.article("Jane Roe said “we are ready.” in Seoul.", id="g"), gazetteer=g)


class TestProcessProperties:
    @settings(max_examples=max(10, settings.default.max_examples // 5))
    @given(st.lists(pages, max_size=4))
    def test_process_serial_equals_extract(self, raws: list[str]) -> None:
        """process(articles, workers=1) gives extract() of each article, in order."""
        process = _public("process")
        articles = [kb.article(r, id=f"p{i}") for i, r in enumerate(raws)]
        assert list(process(articles, workers=1)) == [kb.extract(a) for a in articles]


class TestLoadNesting:
    def test_deeply_nested_jsonl_line_is_skipped(self, tmp_path: Path) -> None:
        """A JSONL line nested past the recursion limit is skipped with a warning; the other lines load."""
        path = tmp_path / "c.jsonl"
        good = json.dumps({"id": "a", "text": "Seoul said no."})
        path.write_text(good + "\n" + "[" * 100_000 + "\n" + good.replace('"a"', '"b"') + "\n", "utf-8")
        articles, caught = _load_all(path)
        assert [a.id for a in articles] == ["a", "b"]
        assert any(":2" in c for c in caught)

    def test_deeply_nested_json_file_is_skipped(self, tmp_path: Path) -> None:
        """A .json file nested past the recursion limit is skipped with a KoreabriefWarning."""
        path = tmp_path / "c.json"
        path.write_text("[" * 100_000, "utf-8")
        articles, caught = _load_all(path)
        assert articles == []
        assert caught
