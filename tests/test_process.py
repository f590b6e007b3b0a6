"""Parallel extraction: same results as serial, in order, with progress."""

from __future__ import annotations

from pathlib import Path

import pytest

import koreabrief as kb


class TestProcess:
    def test_parallel_equals_serial_in_order(self) -> None:
        """Two workers give exactly the serial results, in input order."""
        articles = kb.seeds() * 3
        serial = list(kb.process(articles, workers=1))
        parallel = list(kb.process(articles, workers=2, chunksize=2))
        assert parallel == serial
        assert [f.article.id for f in parallel] == [a.id for a in articles]

    def test_progress_reaches_total(self) -> None:
        """The progress callback is called with increasing counts ending at the total."""
        seen: list[int] = []
        list(kb.process(kb.seeds(), workers=1, chunksize=2, progress=seen.append))
        assert seen == [2, 4, 5]

    def test_paths_are_loaded(self, tmp_path: Path) -> None:
        """Paths are loaded like kb.load does."""
        (tmp_path / "a.txt").write_text("Seoul said on Monday that talks resume.", encoding="utf-8")
        (facts,) = list(kb.process(tmp_path, workers=1))
        assert facts.article.id == "a"

    def test_empty_input(self) -> None:
        """No articles, no facts."""
        assert list(kb.process([], workers=2)) == []

    def test_bad_arguments(self) -> None:
        """Nonsense worker counts and foreign items raise the library's error."""
        with pytest.raises(kb.KoreabriefError):
            kb.process(kb.seeds(), workers=0)
        with pytest.raises(kb.KoreabriefError):
            list(kb.process([kb.seeds()[0], 42], workers=1))  # type: ignore[list-item]
