"""The command line: commands, output formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import koreabrief as kb
from koreabrief.cli import main


class TestCommands:
    def test_load_seeds_as_jsonl(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`koreabrief load` prints the five seeds as JSON lines that parse back into Articles."""
        assert main(["load"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 5
        ids = [kb.from_json(line, kb.Article).id[:3] for line in lines]
        assert ids == ["000", "001", "002", "003", "004"]

    def test_clean_prints_body(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`koreabrief clean PATH` prints the clean body."""
        p = tmp_path / "a.txt"
        p.write_text("North Korea fired a missile on Monday, the military said.", encoding="utf-8")
        assert main(["clean", str(p)]) == 0
        assert "fired a missile" in capsys.readouterr().out

    def test_extract_prints_facts(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`koreabrief extract` prints one Facts object per article."""
        assert main(["extract"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 5
        assert all(isinstance(kb.from_json(line, kb.Facts), kb.Facts) for line in lines)

    def test_brief_markdown_of_seeds(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`koreabrief brief` prints a Markdown brief of the seeds with their three stories."""
        assert main(["brief"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("# ")
        assert "5 articles in 3 stories" in out

    def test_brief_json_round_trips(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`koreabrief brief --format json` prints a Brief that parses back."""
        assert main(["brief", "--format", "json"]) == 0
        result = kb.from_json(capsys.readouterr().out, kb.Brief)
        assert result.articles == 5
        assert len(result.stories) == 3

    def test_brief_of_paths_with_workers(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`koreabrief brief PATH --workers 2` reads the files on a process pool."""
        for art in kb.seeds()[:2]:
            (tmp_path / f"{art.id}.txt").write_text(art.raw, encoding="utf-8")
        assert main(["brief", str(tmp_path), "--workers", "2", "--format", "json"]) == 0
        assert kb.from_json(capsys.readouterr().out, kb.Brief).articles == 2

    def test_compare_two_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`koreabrief compare A B` prints the comparison as JSON."""
        seeds = {a.id[:3]: a for a in kb.seeds()}
        for key in ("000", "004"):
            (tmp_path / f"{key}.txt").write_text(seeds[key].raw, encoding="utf-8")
        assert main(["compare", str(tmp_path / "000.txt"), str(tmp_path / "004.txt")]) == 0
        comparison = kb.from_json(capsys.readouterr().out, kb.Comparison)
        assert comparison.same_story

    def test_bad_workers_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A worker count below one is a usage error."""
        assert main(["brief", "--workers", "0"]) == 2
        assert "--workers" in capsys.readouterr().err

    def test_python_dash_m(self) -> None:
        """`python -m koreabrief --version` works."""
        out = subprocess.run(
            [sys.executable, "-m", "koreabrief", "--version"], capture_output=True, text=True, check=True
        )
        assert out.stdout.startswith("koreabrief ")


class TestExitCodes:
    def test_missing_file_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unreadable input exits 2 with a one-line message."""
        assert main(["clean", "/no/such/file.txt"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("koreabrief: error:")
        assert err.count("\n") == 1

    def test_bad_usage_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown command exits 2."""
        assert main(["frobnicate"]) == 2
        assert "error" in capsys.readouterr().err

    def test_no_command_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No command exits 2 and says one is required."""
        assert main([]) == 2
        assert "command is required" in capsys.readouterr().err

    def test_json_lines_are_valid_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every output line of load is a JSON object."""
        main(["load"])
        for line in capsys.readouterr().out.splitlines():
            assert isinstance(json.loads(line), dict)


class TestBriefProgress:
    def test_stages_shown_on_a_terminal(self) -> None:
        """After the extraction counter, the brief's own stages are shown on the same line."""
        import io

        from koreabrief.cli import _Progress

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        out = Terminal()
        progress = _Progress(out, threshold=1)
        progress.articles = 3
        progress.stage("profiles", 3, 3)
        progress.stage("comparisons", 2, 2)
        text = out.getvalue()
        assert "profiles 3/3" in text
        assert text.endswith("comparisons 2/2\x1b[K\n")

    def test_silent_off_a_terminal(self) -> None:
        """Piped to a file, the progress line stays off."""
        import io

        from koreabrief.cli import _Progress

        out = io.StringIO()
        progress = _Progress(out, threshold=1)
        progress.articles = 3
        progress.stage("profiles", 3, 3)
        assert out.getvalue() == ""
