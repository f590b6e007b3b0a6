"""Hypothesis strategies for every koreabrief model and for article-like text.

Shared by all property tests (as cattrs' ``tests/typed.py`` is).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.models import PUBLISHED_SOURCES

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"

_safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_names = st.sampled_from(
    ["North Korea", "South Korea", "Park Jin", "Kim Jong Un", "Office of Han Duck-soo", "Jane Roe"]
)
_floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def spans(draw: Any, max_end: int = 10_000) -> kb.Span:
    start = draw(st.integers(0, max_end))
    end = draw(st.integers(start, max_end))
    return kb.Span(start, end)


def _tuples(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


@st.composite
def removals(draw: Any) -> kb.Removal:
    text = draw(_safe_text)
    start = draw(st.integers(0, 5000))
    return kb.Removal(
        kind=draw(st.sampled_from(kb.RemovalKind)),
        text=text,
        start=start,
        end=start + len(text),
        reason=draw(_safe_text),
    )


articles = st.builds(
    kb.Article,
    id=st.text(min_size=1, max_size=20),
    raw=_safe_text,
    text=_safe_text,
    title=st.none() | _safe_text,
    author=st.none() | _safe_text,
    dateline=st.none() | _safe_text,
    original_source=st.none() | _safe_text,
    outlet=st.none() | _safe_text,
    url=st.none() | _safe_text,
    published=st.none() | _dates,
    removed=_tuples(removals()),
    warnings=_tuples(_safe_text),
    published_source=st.none() | st.sampled_from(PUBLISHED_SOURCES),
    crawled=st.none() | _dates,
)

quantities = st.builds(
    kb.Quantity,
    text=_safe_text,
    unit=st.sampled_from(["km", "mi", "troops", "rounds", "missiles", "casualties"]),
    value=st.none() | _floats,
    approx=st.none() | st.sampled_from(["thousands", "hundreds", "significant"]),
    low=st.none() | _floats,
    high=st.none() | _floats,
    qualifier=st.none() | st.sampled_from(["approximately", "more than", "at least"]),
    km=st.none() | _floats,
    span=st.none() | spans(),
)

timerefs = st.builds(
    kb.TimeRef,
    text=_safe_text,
    date=st.none() | _dates,
    precision=st.none() | st.sampled_from(kb.Precision),
    span=st.none() | spans(),
)

statements = st.builds(
    kb.Statement,
    quote=_safe_text,
    span=spans(),
    speaker=st.none() | _names,
    speaker_mention=st.none() | _safe_text,
    role=st.none() | _safe_text,
    affiliation=st.none() | _names,
    cue=st.none() | st.sampled_from(["said", "told", "warned", "slogan"]),
    direct=st.booleans(),
    sentence=st.none() | spans(),
    via=st.none() | _names,
    co_speakers=_tuples(_names),
)

events = st.builds(
    kb.Event,
    type=st.sampled_from(kb.EventType),
    span=spans(),
    modality=st.sampled_from(kb.Modality),
    trigger=_safe_text,
    actors=_tuples(_names),
    target=st.none() | _names,
    location=st.none() | _safe_text,
    time=st.none() | timerefs,
    quantities=_tuples(quantities),
    mentions=_tuples(spans()),
    plover=st.none() | st.sampled_from(["ASSAULT", "MOBILIZE", "CONSULT"]),
    plover_mode=st.none() | st.sampled_from(["weapons", "visit", "heavy-weapons"]),
)

sanctions = st.builds(
    kb.Sanction,
    entity=_names,
    status=st.sampled_from(kb.SanctionStatus),
    span=spans(),
    authority=st.none() | _names,
    program=st.none() | _safe_text,
    reason=st.none() | _safe_text,
    start_date=st.none() | _dates.map(dt.date.isoformat),
    entity_kind=st.none()
    | st.sampled_from(["person", "company", "organisation", "vessel", "state", "entity", "group"]),
    aliases=_tuples(_names),
    group=st.none() | _safe_text,
    group_count=st.none() | st.integers(min_value=0, max_value=10_000),
    resolutions=_tuples(st.integers(min_value=1, max_value=2999).map(str)),
    mentions=_tuples(spans()),
)

facts = st.builds(
    kb.Facts,
    article=articles,
    statements=_tuples(statements),
    events=_tuples(events),
    sanctions=_tuples(sanctions),
    warnings=_tuples(_safe_text),
)


def _seed_fragments() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        lines.extend(line for line in path.read_text("utf-8").splitlines() if line.strip())
    return lines


SEED_LINES = _seed_fragments()

#: Lines of real pages, furniture, quote marks and noise, to build article-like text.
page_lines = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(["Share it", "Post Comment", "Loading Now", "Latest Posts", "1 min read", ""]),
    st.text(
        st.characters(
            whitelist_categories=("L", "N", "P", "Zs", "S"),
            whitelist_characters="“”‘’\"'«»\n",
        ),
        max_size=80,
    ),
)

#: Article-like raw text: a mix of real lines, furniture and noise.
raw_pages = st.lists(page_lines, max_size=12).map("\n".join)

_ids = st.sampled_from(["a", "b", "c", "000_x", "004_y"])

fact_values = st.builds(
    kb.FactValue,
    article=_ids,
    text=_safe_text,
    normalised=st.none() | _safe_text,
    outlet=st.none() | _safe_text,
)

alignments = st.builds(
    kb.Alignment,
    fact=_safe_text,
    kind=st.sampled_from(["date", "quantity", "location", "name", "statement", "event"]),
    verdict=st.sampled_from(kb.Verdict),
    values=_tuples(fact_values),
    note=_safe_text,
)

shared_statements = st.builds(
    kb.SharedStatement,
    speaker=st.none() | _names,
    quote_a=_safe_text,
    quote_b=_safe_text,
    match=st.sampled_from(["exact", "contained", "fuzzy"]),
    score=st.floats(0, 100),
)

comparisons = st.builds(
    kb.Comparison,
    a=_ids,
    b=_ids,
    similarity=st.floats(0, 1),
    same_story=st.booleans(),
    rewrite=st.none() | _ids,
    derived_from=st.none() | _ids,
    reasons=_tuples(_safe_text),
    shared_statements=_tuples(shared_statements),
    agreements=_tuples(alignments),
    conflicts=_tuples(alignments),
)

stories = st.builds(
    kb.Story,
    id=_safe_text,
    articles=_tuples(_ids),
    title=st.none() | _safe_text,
    outlets=_tuples(_safe_text),
    derivations=_tuples(st.tuples(_ids, _ids)),
    reasons=_tuples(_safe_text),
)

timeline_entries = st.builds(kb.TimelineEntry, event=events, articles=_tuples(_ids), story=_safe_text)

speaker_statements = st.builds(
    kb.SpeakerStatements,
    speaker=_names,
    quotes=_tuples(_safe_text),
    articles=_tuples(_tuples(_ids)),
    outlets=_tuples(_tuples(_safe_text)),
    via=_tuples(_names),
)

briefs = st.builds(
    kb.Brief,
    stories=_tuples(stories, 2),
    timeline=_tuples(timeline_entries, 2),
    statements=_tuples(speaker_statements, 2),
    sanctions=_tuples(sanctions, 2),
    conflicts=_tuples(alignments, 2),
    articles=st.integers(0, 1000),
    warnings=_tuples(_safe_text),
    sanction_articles=_tuples(_tuples(st.text(min_size=1, max_size=8), 2), 2),
)

#: One strategy per model, for round-trip tests.
MODEL_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    kb.Span: spans(),
    kb.Removal: removals(),
    kb.Article: articles,
    kb.Quantity: quantities,
    kb.TimeRef: timerefs,
    kb.Statement: statements,
    kb.Event: events,
    kb.Sanction: sanctions,
    kb.Facts: facts,
    kb.FactValue: fact_values,
    kb.Alignment: alignments,
    kb.SharedStatement: shared_statements,
    kb.Comparison: comparisons,
    kb.Story: stories,
    kb.TimelineEntry: timeline_entries,
    kb.SpeakerStatements: speaker_statements,
    kb.Brief: briefs,
}
