"""Pairwise quality of compare and cluster on the hand-written story fixtures.

Run with ``-s`` to see the precision/recall figures printed.
"""

from __future__ import annotations

import itertools

import koreabrief as kb
from tests.gold_facts import fixture_corpus, fixture_facts, fixture_truth


def _pr(predicted: set[object], truth: set[object]) -> tuple[float, float]:
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(truth) if truth else 1.0
    return precision, recall


def _comparisons() -> dict[tuple[str, str], kb.Comparison]:
    facts = fixture_facts()
    return {(a, b): kb_compare(facts[a], facts[b]) for a, b in itertools.combinations(sorted(facts), 2)}


def kb_compare(a: kb.Facts, b: kb.Facts) -> kb.Comparison:
    from koreabrief.comparison import compare

    return compare(a, b)


class TestFixtureQuality:
    def test_same_story_pairs(self) -> None:
        """compare's same-story verdicts on all fixture pairs: precision and recall 1.0."""
        truth = fixture_truth()
        pairs = _comparisons()
        predicted = {p for p, c in pairs.items() if c.same_story}
        true = {p for p in pairs if truth[p[0]] == truth[p[1]]}
        precision, recall = _pr(predicted, true)
        print(
            f"\ncompare same-story: P={precision:.3f} R={recall:.3f} ({len(true)} true pairs of {len(pairs)})"
        )
        assert (precision, recall) == (1.0, 1.0)

    def test_cluster_pairs(self) -> None:
        """cluster's stories on the fixtures: pairwise precision and recall 1.0."""
        from koreabrief.clustering import cluster

        truth = fixture_truth()
        stories = cluster(fixture_facts().values())
        predicted = {tuple(sorted(p)) for s in stories for p in itertools.combinations(s.articles, 2)}
        true = {p for p in itertools.combinations(sorted(truth), 2) if truth[p[0]] == truth[p[1]]}
        precision, recall = _pr(predicted, true)
        print(f"\ncluster same-story: P={precision:.3f} R={recall:.3f}")
        assert (precision, recall) == (1.0, 1.0)

    def test_planted_conflicts(self) -> None:
        """Every planted conflict is found, and no other conflict is reported."""
        planted = {(c["a"], c["b"], c["kind"]) for c in fixture_corpus()["conflicts"]}
        found = {(a, b, al.kind) for (a, b), c in _comparisons().items() for al in c.conflicts}
        precision, recall = _pr(found, planted)
        print(f"\nconflicts: P={precision:.3f} R={recall:.3f} ({len(planted)} planted)")
        assert (precision, recall) == (1.0, 1.0)

    def test_derivations(self) -> None:
        """The credited rewrite is found as derived from its source, and nothing else is."""
        expected = {tuple(d) for d in fixture_corpus()["derivations"]}
        found = {(c.rewrite, c.derived_from) for c in _comparisons().values() if c.rewrite}
        assert found == expected
