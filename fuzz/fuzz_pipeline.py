"""Coverage-guided fuzz target for ``kb.article()`` + ``kb.extract()`` (atheris / libFuzzer).

Every input is turned into article text three ways (fuzzed Unicode, fuzzed
bytes through the loader's decoder, and seed lines spliced with fuzzed text),
cleaned, extracted and checked against the guarantees of docs/reliability.md:
no exception but a ``KoreabriefError``, ``raw`` verbatim, removals index
``raw``, every visible character of ``raw`` accounted for, every span indexes
the article text, and JSON round-trips. A broken invariant raises
``AssertionError``, which atheris reports as a crash with its input.

Run (see fuzz/README.md)::

    python fuzz/fuzz_pipeline.py -atheris_runs=20000
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from collections import Counter

import atheris

with atheris.instrument_imports():
    import koreabrief as kb
    from koreabrief.loaders import decode

_SEED_LINES = [line for a in kb.seeds() for line in a.raw.splitlines() if line.strip()]
_INVISIBLE = {"\u200b", "\u2060", "\ufeff", "\u00ad", "\u180e"}
_JOINERS = ["\n", "\n\n", " ", "", "\r\n", "“", "”", "’", "\u2028"]


def _squash(text: str) -> Counter[str]:
    return Counter(
        c
        for c in unicodedata.normalize("NFD", text)
        if not c.isspace() and unicodedata.category(c) != "Cc" and c not in _INVISIBLE
    )


def _raw_text(fdp: atheris.FuzzedDataProvider) -> str | None:
    mode = fdp.ConsumeIntInRange(0, 2)
    if mode == 0:
        return str(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()))
    if mode == 1:
        try:
            text, _ = decode(fdp.ConsumeBytes(fdp.remaining_bytes()))
        except kb.LoadError:
            return None
        return text
    parts = []
    while fdp.remaining_bytes() > 0 and len(parts) < 40:
        if fdp.ConsumeBool():
            parts.append(_SEED_LINES[fdp.ConsumeIntInRange(0, len(_SEED_LINES) - 1)])
        else:
            parts.append(str(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 60))))
        parts.append(_JOINERS[fdp.ConsumeIntInRange(0, len(_JOINERS) - 1)])
    return "".join(parts)


def _check_article(a: kb.Article, raw: str) -> None:
    assert a.raw == raw, "raw not kept verbatim"
    accounted = _squash(a.text) + _squash(a.title or "")
    for r in a.removed:
        assert 0 <= r.start <= r.end <= len(raw), f"removal {r.start}:{r.end} outside raw"
        assert raw[r.start : r.end] == r.text, f"removal {r.start}:{r.end} does not index raw"
        accounted += _squash(r.text)
    assert accounted == _squash(raw), "body + title + removed lines do not account for raw"


def _span_ok(span: kb.Span | None, text: str) -> None:
    if span is not None:
        assert 0 <= span.start <= span.end <= len(text), f"span {span} outside text of {len(text)}"


def _check_facts(f: kb.Facts) -> None:
    text = f.article.text
    for s in f.statements:
        _span_ok(s.span, text)
        assert text[s.span.start : s.span.end] == s.quote, f"quote span {s.span} != {s.quote!r}"
        _span_ok(s.sentence, text)
    for e in f.events:
        for span in (e.span, *e.mentions):
            _span_ok(span, text)
        if e.time is not None and e.time.span is not None:
            _span_ok(e.time.span, text)
            assert e.time.span.slice(text) == e.time.text, f"time span {e.time.span} != {e.time.text!r}"
        for q in e.quantities:
            if q.span is not None:
                _span_ok(q.span, text)
                assert q.span.slice(text) == q.text, f"quantity span {q.span} != {q.text!r}"
    for s in f.sanctions:
        _span_ok(s.span, text)


def test_one_input(data: bytes) -> None:
    """Clean and extract one fuzzed input and check every invariant."""
    fdp = atheris.FuzzedDataProvider(data)
    published = dt.date(2025, 1, 6) if fdp.ConsumeBool() else None
    raw = _raw_text(fdp)
    if raw is None:
        return
    try:
        article = kb.article(raw, id="fuzz", published=published)
        facts = kb.extract(article)
    except kb.KoreabriefError:
        return
    # A page's markup is read by trafilatura: the article's raw text is what it
    # kept, and the guarantees hold for that text (docs/reliability.md).
    _check_article(article, article.raw if kb.markup.looks_like_html(raw) else raw)
    _check_facts(facts)
    assert kb.from_json(kb.to_json(facts), kb.Facts) == facts, "Facts do not round-trip through JSON"


def main() -> None:
    """Run the fuzzer with libFuzzer's command line (e.g. ``-atheris_runs=20000``)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
