"""Tests for koreabrief.similarity: shingles, MinHash sketches and LSH band keys."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from koreabrief.similarity import band_keys, estimate_jaccard, jaccard, shingles, sketch, stable_hash, words

_words = st.lists(st.sampled_from([f"w{i}" for i in range(60)]), min_size=0, max_size=120)


class TestSimilarity:
    def test_stable_across_processes(self) -> None:
        """The hash does not change between interpreter runs (no salted hash())."""
        code = "from koreabrief.similarity import stable_hash; print(stable_hash('north korea'))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert int(out.stdout) == stable_hash("north korea")

    def test_words_ignore_quote_marks(self) -> None:
        """Curly and straight quotes and punctuation vanish; apostrophes stay inside words."""
        assert words("“Today’s launch,” he said.") == ["today's", "launch", "he", "said"]

    @given(_words)
    def test_identical_sets_estimate_one(self, toks: list[str]) -> None:
        """A sketch agrees fully with itself (and an empty one with nothing)."""
        s = sketch(shingles(toks))
        assert estimate_jaccard(s, s) == (1.0 if toks else 0.0)

    @given(_words, _words)
    def test_sketch_order_independent(self, a: list[str], b: list[str]) -> None:
        """A sketch depends on the set of shingles, not their order."""
        items = sorted(shingles(a) | shingles(b))
        assert sketch(items) == sketch(reversed(items))

    @settings(max_examples=60)
    @given(_words, _words)
    def test_estimate_close_to_exact(self, a: list[str], b: list[str]) -> None:
        """The MinHash estimate stays within a loose bound of the exact Jaccard for article-sized sets."""
        sa, sb = shingles(a), shingles(b)
        # One-permutation hashing is only as good as its filled bins: a handful of
        # shingles in 128 bins has an unbiased but very wide estimate, so the bound
        # is stated for sets of article size (profiles compare short texts exactly).
        if min(len(sa), len(sb)) < 64:
            return
        assert abs(estimate_jaccard(sketch(sa), sketch(sb)) - jaccard(sa, sb)) < 0.35

    def test_estimate_accurate_on_average(self) -> None:
        """Over many pairs the estimate is unbiased within 0.02 and its spread below 0.06."""
        import random

        rng = random.Random(3)
        vocab = [f"v{i}" for i in range(400)]
        errors = []
        for _ in range(150):
            base = [rng.choice(vocab) for _ in range(200)]
            other = base[: rng.randint(0, 200)] + [rng.choice(vocab) for _ in range(rng.randint(0, 150))]
            sa, sb = shingles(base), shingles(other)
            errors.append(estimate_jaccard(sketch(sa), sketch(sb)) - jaccard(sa, sb))
        mean = sum(errors) / len(errors)
        spread = (sum((e - mean) ** 2 for e in errors) / len(errors)) ** 0.5
        assert abs(mean) < 0.02
        assert spread < 0.06

    def test_band_keys_shared_by_copies(self) -> None:
        """Identical texts share every band key; unrelated texts share none."""
        a = sketch(shingles([f"a{i}" for i in range(100)]))
        b = sketch(shingles([f"b{i}" for i in range(100)]))
        assert set(band_keys(a)) == set(band_keys(a))
        assert not set(band_keys(a)) & set(band_keys(b))
