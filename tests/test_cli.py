"""The command line: commands, output formats and exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import koreabrief as kb
from koreabrief import cli
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


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


TEXT = "North Korea fired a ballistic missile into the sea on Monday, the South Korean military said.\n"


class TestInput:
    def test_piped_text_is_read(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Text piped in with no PATH is read, not the seeds."""
        _stdin(monkeypatch, b"Menu\n\n" + TEXT.encode() + b"\nShare it\n")
        assert main(["clean"]) == 0
        assert capsys.readouterr().out == TEXT

    def test_piped_jsonl_is_read(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """JSON lines piped in are read as records."""
        lines = [json.dumps({"id": f"r{k}", "text": TEXT, "date": "2025-01-08"}) for k in range(3)]
        _stdin(monkeypatch, "\n".join(lines).encode())
        assert main(["extract"]) == 0
        out = [kb.from_json(line, kb.Facts) for line in capsys.readouterr().out.splitlines()]
        assert [f.article.id for f in out] == ["r0", "r1", "r2"]
        assert all(f.events[0].time and f.events[0].time.iso == "2025-01-06" for f in out)

    def test_empty_pipe_means_seeds(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty standard input counts as none: the seeds are used."""
        _stdin(monkeypatch, b"")
        assert main(["load"]) == 0
        assert len(capsys.readouterr().out.splitlines()) == 5

    def test_real_pipe(self, tmp_path: Path) -> None:
        """`printf ... | python -m koreabrief clean` reads the pipe; with /dev/null it reads the seeds."""
        piped = subprocess.run(
            [sys.executable, "-m", "koreabrief", "clean"],
            input=TEXT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert piped.stdout == TEXT
        with open(os.devnull, "rb") as null:
            seeds = subprocess.run(
                [sys.executable, "-m", "koreabrief", "load", "-q"],
                stdin=null,
                capture_output=True,
                check=True,
            )
        assert len(seeds.stdout.splitlines()) == 5

    def test_published_and_outlet(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--published and --outlet give plain text its date and outlet."""
        (tmp_path / "a.txt").write_text(TEXT, "utf-8")
        assert main(["load", str(tmp_path), "--published", "8 January 2025", "--outlet", "Example News"]) == 0
        a = kb.from_json(capsys.readouterr().out, kb.Article)
        assert (a.published, a.outlet) == (dt.date(2025, 1, 8), "Example News")

    def test_bad_published_is_usage_error(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unreadable --published date exits 2."""
        (tmp_path / "a.txt").write_text(TEXT, "utf-8")
        assert main(["load", str(tmp_path), "--published", "someday"]) == 2
        assert "--published" in capsys.readouterr().err

    def test_url_refused_with_pointer(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A web address exits 2 with one line saying to fetch the page first."""
        assert main(["clean", "https://example.com/news/2025/01/06/launch"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "download it first" in err

    def test_korean_code_page_warns_on_stderr(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A CP949 file is decoded as Korean, and stderr says how."""
        korean = "북한이 월요일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다."
        (tmp_path / "k.txt").write_bytes(korean.encode("cp949"))
        assert main(["clean", str(tmp_path / "k.txt")]) == 0
        captured = capsys.readouterr()
        assert captured.out.strip() == korean
        assert "koreabrief: warning: k: not valid UTF-8: decoded as CP949" in captured.err

    def test_replaced_bytes_warn_on_stderr(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Bytes replaced with U+FFFD are reported on stderr, not only inside the JSON."""
        (tmp_path / "b.txt").write_bytes("Seoul’s army said ".encode() + b"\xe2\x80 no on Monday.")
        assert main(["load", str(tmp_path / "b.txt")]) == 0
        assert "U+FFFD" in capsys.readouterr().err


class TestManners:
    def test_output_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """-o FILE writes there and leaves standard output empty."""
        target = tmp_path / "facts.jsonl"
        assert main(["extract", "-o", str(target)]) == 0
        assert capsys.readouterr().out == ""
        assert len(list(kb.read_jsonl(target, kb.Facts))) == 5

    def test_closing_count(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The last stderr line counts what was loaded and skipped, and why."""
        (tmp_path / "a.txt").write_text(TEXT, "utf-8")
        (tmp_path / "b.jsonl").write_text('{"text": "Seoul said no."}\n{broken\n', "utf-8")
        (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02\x03" * 40)
        assert main(["load", str(tmp_path)]) == 0
        err = capsys.readouterr().err.splitlines()
        assert err[-1] == "koreabrief: 2 loaded, 2 skipped (1 malformed JSON, 1 binary content)"

    def test_warnings_are_one_line_each(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Warnings read `koreabrief: warning: ...`, with no Python source line."""
        (tmp_path / "b.jsonl").write_text('{"text": "Seoul said no.", "likes": 3}\n{broken\n', "utf-8")
        main(["load", str(tmp_path)])
        err = capsys.readouterr().err.splitlines()
        assert all(line.startswith("koreabrief: ") for line in err)
        assert sum("warning:" in line for line in err) == 2

    def test_quiet_and_verbose(self, capsys: pytest.CaptureFixture[str]) -> None:
        """-q prints nothing on stderr; -v adds one line per article."""
        assert main(["load", "-q"]) == 0
        assert capsys.readouterr().err == ""
        assert main(["load", "-v"]) == 0
        assert capsys.readouterr().err.count("koreabrief: loaded ") == 5

    @pytest.mark.parametrize("content", [None, b"\x00\x01\x02\x03" * 40, b"   \n"])
    def test_nothing_loaded_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None
    ) -> None:
        """A run that loads no article text exits 1 and says so."""
        if content is not None:
            (tmp_path / "x.txt").write_bytes(content)
        assert main(["brief", str(tmp_path)]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.splitlines()[-1].startswith("koreabrief: error: no article")


class TestFormats:
    @pytest.mark.parametrize("command", ["brief", "compare", "load", "clean", "extract"])
    def test_every_command_documents_its_formats(
        self, command: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each command's --help lists --format with a line of help for every format."""
        formats = {
            "brief": cli.BRIEF_FORMATS,
            "compare": cli.COMPARE_FORMATS,
            "load": cli.LOAD_FORMATS,
            "clean": cli.CLEAN_FORMATS,
            "extract": cli.EXTRACT_FORMATS,
        }[command]
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        for name, fmt in formats.items():
            assert f"{name}: {' '.join(fmt.help.split())}" in text

    def test_a_new_format_is_one_entry(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A format added to a command's table is offered and used, with nothing else to change."""
        formats = dict(cli.EXTRACT_FORMATS)
        formats["ids"] = cli.Format(
            "article ids", lambda facts, out, _: out.writelines(f.article.id + "\n" for f in facts)
        )
        monkeypatch.setattr(cli, "EXTRACT_FORMATS", formats)
        assert main(["extract", "--format", "ids"]) == 0
        assert [line[:3] for line in capsys.readouterr().out.splitlines()] == [
            "000",
            "001",
            "002",
            "003",
            "004",
        ]

    @pytest.mark.parametrize("kind", ["events", "statements", "sanctions", "articles"])
    def test_extract_csv(self, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
        """extract --format csv writes the kind's header and one row per item."""
        assert main(["extract", "--format", "csv", "--kind", kind]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        facts = [kb.extract(a) for a in kb.seeds()]
        expected = len(facts) if kind == "articles" else sum(len(getattr(f, kind)) for f in facts)
        assert len(rows) == expected
        assert all(r["article_id"] for r in rows)

    @pytest.mark.parametrize("command", ["extract", "brief"])
    def test_ftm(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--format ftm writes FtM entities one a line, each Sanction pointing at an entity written."""
        pytest.importorskip("followthemoney")
        assert main([command, "--format", "ftm"]) == 0
        entities = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        ids = {e["id"] for e in entities}
        sanctions = [e for e in entities if e["schema"] == "Sanction"]
        assert sanctions
        assert all(set(e["properties"]["entity"]) <= ids for e in sanctions)

    @pytest.mark.parametrize("command", [["load"], ["clean"], ["brief"]])
    def test_csv_elsewhere(self, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """load, clean and brief write CSV with a header row."""
        assert main([*command, "--format", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert rows
        assert "article_id" in rows[0]

    def test_extract_without_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--text clean drops raw text and removed lines; --text none drops the body too; facts stay."""
        sizes = {}
        for keep in ("all", "clean", "none"):
            assert main(["extract", "--text", keep]) == 0
            out = capsys.readouterr().out
            sizes[keep] = len(out)
            facts = [kb.from_json(line, kb.Facts) for line in out.splitlines()]
            assert sum(len(f.events) for f in facts) > 0
            if keep != "all":
                assert all(f.article.raw == "" and f.article.removed == () for f in facts)
            if keep == "clean":
                for f in facts:
                    for s in f.statements:
                        assert s.quote in f.article.text
        # The facts carry more since events gained new types and PLOVER fields (#17): the raw
        # text dropped is still a third of the output.
        assert sizes["none"] < sizes["clean"] < sizes["all"] / 1.4


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
