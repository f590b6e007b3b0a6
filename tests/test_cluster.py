"""Tests for koreabrief.cluster: stories from many articles."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.clustering import MAX_BLOCK, cluster
from tests import strategies
from tests.gold_facts import fixture_facts, fixture_truth, gold_facts

_TEMPLATE = (
    "North Korea fired a short-range ballistic missile off its east coast {when}, the South Korean "
    "military said, adding that it was analysing the flight data with its allies. The launch came "
    "as officials in Seoul prepared for a visit by a senior delegation."
)


def _launch(aid: str, day: dt.date, when: str = "on Monday") -> kb.Facts:
    text = _TEMPLATE.format(when=when)
    ev = kb.Event(
        type=kb.EventType.MISSILE_LAUNCH,
        span=kb.Span(0, 11),
        actors=("North Korea",),
        time=kb.TimeRef(when, day, kb.Precision.DAY),
    )
    return kb.Facts(article=kb.Article(id=aid, raw=text, text=text, published=day), events=(ev,))


def _groups(stories: list[kb.Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


class TestCluster:
    def test_seed_stories(self) -> None:
        """Gold-built seeds cluster into {000, 004}, {001, 003}, {002}, with 000 derived from 004."""
        stories = cluster(gold_facts().values())
        assert _groups(stories) == {
            frozenset({"000_9139f8748934a339", "004_1ab90770ccfa5413"}),
            frozenset({"001_a6d7558eb3937f73", "003_4f6832a1379e37d5"}),
            frozenset({"002_a2286a40b96119be"}),
        }
        assert ("000_9139f8748934a339", "004_1ab90770ccfa5413") in stories[0].derivations

    def test_launches_a_week_apart_stay_apart(self) -> None:
        """Word-for-word template reports of launches a week apart are two stories."""
        stories = cluster([_launch("a", dt.date(2025, 1, 6)), _launch("b", dt.date(2025, 1, 13))])
        assert _groups(stories) == {frozenset({"a"}), frozenset({"b"})}

    def test_syndicated_copies_merge(self) -> None:
        """Identical copies from several outlets are one story."""
        stories = cluster([_launch(f"c{i}", dt.date(2025, 1, 6)) for i in range(5)])
        assert len(stories) == 1
        assert len(stories[0].articles) == 5

    def test_big_block_still_merges(self) -> None:
        """Far more copies than a block keeps are still one story (transitively)."""
        stories = cluster([_launch(f"c{i:03d}", dt.date(2025, 1, 6)) for i in range(MAX_BLOCK * 5)])
        assert len(stories) == 1

    def test_adjacent_days_meet(self) -> None:
        """Monday vs Tuesday for one launch is one story (with a conflict to report)."""
        a = _launch("a", dt.date(2025, 1, 6))
        b = _launch("b", dt.date(2025, 1, 7), when="on Tuesday")
        assert len(cluster([a, b])) == 1

    def test_fixture_truth(self) -> None:
        """The hand-written fixtures cluster exactly as annotated."""
        truth = fixture_truth()
        want: dict[str, set[str]] = {}
        for aid, story in truth.items():
            want.setdefault(story, set()).add(aid)
        assert _groups(cluster(fixture_facts().values())) == {frozenset(v) for v in want.values()}

    def test_empty(self) -> None:
        """No articles, no stories."""
        assert cluster([]) == []

    def test_empty_texts_do_not_merge(self) -> None:
        """Articles without words share nothing."""
        facts = [kb.Facts(article=kb.Article(id=i, raw="", text="")) for i in "abc"]
        assert len(cluster(facts)) == 3

    def test_story_ids_depend_on_members_only(self) -> None:
        """A story's id is derived from its member ids."""
        one = cluster([_launch("a", dt.date(2025, 1, 6)), _launch("b", dt.date(2025, 1, 6))])
        two = cluster([_launch("b", dt.date(2025, 1, 6)), _launch("a", dt.date(2025, 1, 6))])
        assert one[0].id == two[0].id
        assert one[0].id.startswith("story-")

    @settings(max_examples=25, deadline=None)
    @given(st.permutations(sorted(fixture_facts())))
    def test_order_independent(self, order: list[str]) -> None:
        """The same corpus in any order gives the same stories and ids."""
        facts = fixture_facts()
        base = {
            (s.id, frozenset(s.articles), s.derivations) for s in cluster(facts[i] for i in sorted(facts))
        }
        assert {
            (s.id, frozenset(s.articles), s.derivations) for s in cluster(facts[i] for i in order)
        } == base

    def test_members_in_corpus_order(self) -> None:
        """Member ids are listed in the order the corpus gave them."""
        stories = cluster([_launch("b", dt.date(2025, 1, 6)), _launch("a", dt.date(2025, 1, 6))])
        assert stories[0].articles == ("b", "a")

    def test_json_round_trip(self) -> None:
        """Stories survive the JSON converter exactly."""
        for s in cluster(gold_facts().values()):
            assert kb.from_json(kb.to_json(s), kb.Story) == s


class TestClusterRobustness:
    @settings(max_examples=25, deadline=None)
    @given(st.lists(strategies.facts, max_size=6))
    def test_arbitrary_facts_partitioned(self, facts: list[kb.Facts]) -> None:
        """Any generated facts are partitioned: every distinct id in exactly one story."""
        stories = cluster(facts)
        members = [a for s in stories for a in s.articles]
        assert sorted(members) == sorted({f.article.id for f in facts})


class TestSyntheticCorpus:
    def test_benchmark_generator_clusters_exactly(self) -> None:
        """On a small run of the benchmark's synthetic corpus, stories match the truth exactly."""
        import importlib.util
        from pathlib import Path

        path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_cluster.py"
        spec = importlib.util.spec_from_file_location("bench_cluster", path)
        assert spec is not None
        assert spec.loader is not None
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
        result = bench.run(600, seed=5)
        assert (result["precision"], result["recall"]) == (1.0, 1.0)
