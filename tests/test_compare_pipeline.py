"""compare, cluster and brief on raw pages run through the whole pipeline (clean, extract).

The pages in ``tests/fixtures/stories/pipeline.json`` are written for these tests
(see that folder's README): a wire report and its syndicated copies, reports of
one launch from Seoul, Tokyo and Washington, two launches five days apart, two
visits a week apart, a follow-up, an analysis and pages without a date.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from pathlib import Path
from typing import Any

import koreabrief as kb

_PIPELINE = Path(__file__).resolve().parent / "fixtures" / "stories" / "pipeline.json"


@functools.cache
def _corpus() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_PIPELINE.read_text(encoding="utf-8"))
    return data


@functools.cache
def _facts() -> dict[str, kb.Facts]:
    out = {}
    for rec in _corpus()["articles"]:
        published = dt.date.fromisoformat(rec["published"]) if rec["published"] else None
        art = kb.article(rec["raw"], id=rec["id"], url=rec["url"], published=published, outlet=rec["outlet"])
        out[rec["id"]] = kb.extract(art)
    return out


@functools.cache
def _comparisons() -> dict[tuple[str, str], kb.Comparison]:
    facts = _facts()
    return {(a, b): kb.compare(facts[a], facts[b]) for a, b in itertools.combinations(sorted(facts), 2)}


def _truth() -> dict[str, str]:
    return {rec["id"]: rec["story"] for rec in _corpus()["articles"]}


def _pairs(key: str) -> set[tuple[str, str, str]]:
    return {(c["a"], c["b"], c["kind"]) for c in _corpus()[key]}


class TestPipelineStories:
    def test_cluster(self) -> None:
        """cluster groups the pages exactly into their stories (follow-up and analysis apart)."""
        want: dict[str, set[str]] = {}
        for aid, story in _truth().items():
            want.setdefault(story, set()).add(aid)
        got = {frozenset(s.articles) for s in kb.cluster(_facts().values())}
        assert got == {frozenset(v) for v in want.values()}

    def test_compare_same_story(self) -> None:
        """compare's verdict on every pair is the truth, but for undated pages nothing safely links."""
        truth = _truth()
        unlinkable = {tuple(sorted(p)) for p in _corpus()["compare_unlinkable"]}
        wrong = [
            (pair, c.same_story)
            for pair, c in _comparisons().items()
            if c.same_story != (truth[pair[0]] == truth[pair[1]] and pair not in unlinkable)
        ]
        assert wrong == []

    def test_derivations(self) -> None:
        """Copies of the wire's own report derive from it; independent reports derive from nothing."""
        found = {(c.rewrite, c.derived_from) for c in _comparisons().values() if c.rewrite}
        assert found == {tuple(d) for d in _corpus()["derivations"]}

    def test_conflicts(self) -> None:
        """Every planted conflict is found and no other (known extraction artifacts aside)."""
        found = {(a, b, al.kind) for (a, b), c in _comparisons().items() for al in c.conflicts}
        artifacts = _pairs("extraction_artifacts")
        assert found - artifacts == _pairs("conflicts")

    def test_agreements(self) -> None:
        """Units, number styles and a time-zone day shift agree ("Wednesday evening Eastern time")."""
        comparisons = _comparisons()
        found = {(a, b, al.kind) for (a, b), c in comparisons.items() for al in c.agreements}
        assert _pairs("agreements") <= found

    def test_reported_day_is_not_event_day(self) -> None:
        """A report of Monday's launch published and attributed on Tuesday has no date conflict."""
        c = _comparisons()[("d1-jcs", "d2-kcna")]
        assert [al.kind for al in c.conflicts] == ["quantity"]


class TestPipelineBrief:
    def test_brief_stories_and_conflicts(self) -> None:
        """The brief keeps the stories and judges pairs the clustering ties only through a third page."""
        b = kb.brief(list(_facts().values()))
        assert len(b.stories) == len(set(_truth().values()))
        found = {
            (min(v.article for v in c.values), max(v.article for v in c.values), c.kind) for c in b.conflicts
        }
        assert _pairs("brief_conflicts") <= found
        assert _pairs("conflicts") <= found

    def test_timeline_merges_recalled_events(self) -> None:
        """The follow-up and the analysis join the timeline entry of the launch they recall."""
        b = kb.brief(list(_facts().values()))
        launches = {
            e.event.time.date: set(e.articles)
            for e in b.timeline
            if e.event.type is kb.EventType.MISSILE_LAUNCH
            and e.event.time
            and e.event.time.precision is kb.Precision.DAY
        }
        assert {"a1-wire", "a4-tokyo", "e1-drill", "f1-analysis"} <= launches[dt.date(2024, 10, 31)]
        assert {"b1-seoul", "b2-tokyo", "f1-analysis"} <= launches[dt.date(2024, 11, 5)]
        # b1 recalls the ICBM test "five days earlier" (October 31) as an event of its own;
        # its own salvo stays on November 5, not merged into the recalled test.
        b1 = [e for e in _facts()["b1-seoul"].events if e.type is kb.EventType.MISSILE_LAUNCH]
        assert [e.time.iso for e in b1 if e.time] == ["2024-11-05", "2024-10-31"]
