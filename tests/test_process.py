"""Parallel extraction: same results as serial, in order, with progress."""

from __future__ import annotations

import subprocess
import sys
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


SCRIPT = """
import koreabrief as kb
{threads}
facts = list(kb.process(kb.seeds() * 2, workers=2, chunksize=2))
print(len(facts), sorted({{f.article.id[:3] for f in facts}}))
"""
THREAD = "import threading, time\nthreading.Thread(target=time.sleep, args=(5,), daemon=True).start()"


def _run_script(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "script.py"
    script.write_text(body, "utf-8")
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False
    )


class TestPlainScripts:
    def test_no_main_guard_needed(self, tmp_path: Path) -> None:
        """A plain script calling kb.process with workers and no __main__ guard runs, once, on a pool."""
        out = _run_script(tmp_path, SCRIPT.format(threads=""))
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines() == ["10 ['000', '001', '002', '003', '004']"]
        if sys.platform.startswith("linux"):
            assert "KoreabriefWarning" not in out.stderr

    def test_unguarded_script_with_threads_falls_back_with_warning(self, tmp_path: Path) -> None:
        """Where forking is unsafe (threads running) an unguarded script runs in one process and says so."""
        out = _run_script(tmp_path, SCRIPT.format(threads=THREAD))
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines() == ["10 ['000', '001', '002', '003', '004']"]
        assert "running in one process" in out.stderr

    def test_guarded_script_with_threads_uses_workers(self, tmp_path: Path) -> None:
        """A guarded script keeps its worker processes even when threads run."""
        body = "if __name__ == '__main__':\n" + "".join(
            "    " + line + "\n" for line in SCRIPT.format(threads=THREAD).strip().splitlines()
        )
        out = _run_script(tmp_path, body)
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines() == ["10 ['000', '001', '002', '003', '004']"]
        assert "running in one process" not in out.stderr

    def test_raw_records_are_cleaned_in_workers(self, tmp_path: Path) -> None:
        """RawRecords given to kb.process are cleaned in the workers, as paths are."""
        from koreabrief.loaders import RawRecord

        records = [RawRecord(a.raw, id=a.id, published=a.published) for a in kb.seeds()]
        assert [f.article for f in kb.process(records, workers=2, chunksize=2)] == [
            r.build() for r in records
        ]
