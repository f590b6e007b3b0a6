"""Tests for koreabrief.cluster: stories from many articles."""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest
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


def _independent() -> tuple[list[dict[str, str]], dict[str, str]]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent / "fixtures" / "stories" / "independent.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["articles"], {a["id"]: a["story"] for a in data["articles"]}


@functools.cache
def _independent_facts(dated: bool) -> tuple[kb.Facts, ...]:
    """The fixture pages cleaned and extracted, with or without their publication dates."""
    records, _ = _independent()
    out = []
    for rec in records:
        published = dt.date.fromisoformat(rec["published"]) if dated else None
        art = kb.article(rec["raw"], id=rec["id"], outlet=rec["outlet"], published=published)
        out.append(kb.extract(art))
    return tuple(out)


def _pair_pr(stories: list[kb.Story], truth: dict[str, str]) -> tuple[float, float]:
    import itertools

    story_of = {a: k for k, s in enumerate(stories) for a in s.articles}
    tp = fp = fn = 0
    for x, y in itertools.combinations(sorted(truth), 2):
        same, joined = truth[x] == truth[y], story_of[x] == story_of[y]
        tp += same and joined
        fp += joined and not same
        fn += same and not joined
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


class TestIndependentReports:
    """Run with ``-s`` to see the precision and recall figures printed."""

    def test_dated(self) -> None:
        """With publication dates: every story exact (copies, rewrites, independent reports, traps)."""
        _, truth = _independent()
        precision, recall = _pair_pr(cluster(_independent_facts(True)), truth)
        print(f"\nindependent reports, dated: P={precision:.3f} R={recall:.3f}")
        assert (precision, recall) == (1.0, 1.0)

    def test_undated(self) -> None:
        """Without publication dates the launches a week apart stay apart (their datelines differ)."""
        _, truth = _independent()
        stories = cluster(_independent_facts(False))
        precision, recall = _pair_pr(stories, truth)
        print(f"\nindependent reports, undated: P={precision:.3f} R={recall:.3f}")
        story_of = {a: k for k, s in enumerate(stories) for a in s.articles}
        assert story_of["l1-wire"] != story_of["m1-wire"]
        assert story_of["v1-talks"] != story_of["w1-warning"]
        assert precision >= 0.8

    def test_two_stories_around_one_visit(self) -> None:
        """The envoy's talks and his warning about a third country, same day and people: two stories."""
        stories = cluster(_independent_facts(True))
        groups = {frozenset(s.articles) for s in stories}
        assert frozenset({"v1-talks", "v2-talks"}) in groups
        assert frozenset({"w1-warning", "w2-warning"}) in groups

    def test_reasons(self) -> None:
        """Every joined story says why, one line per join, naming the two articles."""
        for story in cluster(_independent_facts(True)):
            assert len(story.reasons) == len(story.articles) - 1
            for line in story.reasons:
                first, _, rest = line.partition(" + ")
                assert first in story.articles
                assert rest.split(":")[0] in story.articles

    def test_rewrite_found(self) -> None:
        """The credited rewrite derives from the wire."""
        stories = cluster(_independent_facts(True))
        assert ("l3-rewrite", "l1-wire") in stories[0].derivations


class TestClashes:
    def test_resolution_numbers_apart(self) -> None:
        """Two otherwise identical reports of resolutions with different numbers are two stories."""
        t = "The Security Council on Friday unanimously adopted Resolution {n}, capping oil supplies."
        a = kb.Facts(article=kb.Article(id="a", raw="", text=t.format(n=2375)))
        b = kb.Facts(article=kb.Article(id="b", raw="", text=t.format(n=2397)))
        c = kb.Facts(article=kb.Article(id="c", raw="", text=t.format(n=2397)))
        assert _groups(cluster([a, b, c])) == {frozenset({"a"}), frozenset({"b", "c"})}

    def test_authorities_apart(self) -> None:
        """Sanctions by two authorities on one day, told alike, are two stories."""
        text = "{who} imposed sanctions on the generals on Monday over troops sent to fight for Moscow."
        facts = []
        for aid, who in (("us", "The United States"), ("eu", "The European Union")):
            t = text.format(who=who)
            sanction = kb.Sanction(
                entity="Kim Yong Bok",
                status=kb.SanctionStatus.IN_FORCE,
                span=kb.Span(0, 10),
                authority=who[4:],
            )
            art = kb.Article(id=aid, raw=t, text=t, published=dt.date(2031, 12, 16))
            facts.append(kb.Facts(article=art, sanctions=(sanction,)))
        assert len(cluster(facts)) == 2

    def test_far_publication_days_apart(self) -> None:
        """Names in common join reports of nearby days, never reports published far apart."""
        texts = {
            "a": "Envoy Dalmar Voss met Quenton officials in Arvale about the Brisk Accord.",
            "b": "In Arvale, Quenton's officials and Dalmar Voss discussed the Brisk Accord terms.",
            "c": "Dalmar Voss and officials of Quenton again weighed the Brisk Accord in Arvale.",
            "d": "Heavy rain flooded farms in the south; officials counted the damage.",
        }
        days = {"a": dt.date(2031, 5, 1), "b": dt.date(2031, 5, 2), "c": dt.date(2031, 5, 20), "d": None}
        facts = [
            kb.Facts(article=kb.Article(id=k, raw=t, text=t, published=days[k])) for k, t in texts.items()
        ]
        assert _groups(cluster(facts)) == {frozenset("ab"), frozenset("c"), frozenset("d")}


class TestClusterer:
    @settings(max_examples=20, deadline=None)
    @given(st.permutations(sorted(fixture_facts())), st.lists(st.integers(0, 15), max_size=4))
    def test_any_split_same_stories(self, order: list[str], cuts: list[int]) -> None:
        """Any split of the input into batches, in any order, gives the stories of one batch call."""
        facts = fixture_facts()
        batch = cluster(facts[i] for i in order)
        c = kb.Clusterer()
        bounds = [0, *sorted(cuts), len(order)]
        for lo, hi in itertools.pairwise(bounds):
            c.add(facts[i] for i in order[lo:hi])
        assert c.stories() == batch

    def test_readded_article_replaces(self) -> None:
        """An article added again under its id counts once, as in one batch call."""
        a, b = _launch("a", dt.date(2025, 1, 6)), _launch("b", dt.date(2025, 1, 6))
        c = kb.Clusterer()
        c.add([a, b])
        c.add([a])
        assert len(c) == 2
        assert c.stories() == cluster([a, b, a])

    def test_articles_accepted(self) -> None:
        """Articles are extracted as they are added."""
        t = "North Korea fired a ballistic missile into the sea on Monday, the military said."
        c = kb.Clusterer()
        c.add([kb.Article(id="x", raw=t, text=t)])
        assert [s.articles for s in c.stories()] == [("x",)]

    def test_bad_input(self) -> None:
        """Anything but articles or facts is a clear ArgumentError."""
        c = kb.Clusterer()
        with pytest.raises(kb.ArgumentError):
            c.add(["not an article"])  # type: ignore[list-item]


class TestRobustness:
    def test_unrelated_reports_of_one_kind_stay_apart(self) -> None:
        """Reports of different events of one kind (no dates at all) are not joined as closest neighbours."""
        texts = [
            "North Korea conducted its {n} nuclear test at the Punggye-ri site, seismologists said.",
            "The UN Security Council adopted Resolution {r} to cap fuel exports after the {n} test.",
        ]
        facts = []
        for k, (n, r) in enumerate([("fourth", 2270), ("fifth", 2321), ("sixth", 2375)]):
            for j, t in enumerate(texts):
                text = t.format(n=n, r=r) + f" Officials in {['Oslo', 'Lima', 'Quito'][k]} reacted."
                facts.append(kb.Facts(article=kb.Article(id=f"s{k}-{j}", raw=text, text=text)))
        resolutions = [s for s in cluster(facts) if any(a.endswith("-1") for a in s.articles)]
        assert all(sum(a.endswith("-1") for a in s.articles) == 1 for s in resolutions)
