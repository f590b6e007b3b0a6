"""The command line: ``koreabrief brief|compare|load|clean|extract``.

Exit codes: 0 on success, 2 on bad usage or unreadable input (with a one-line
message on stderr), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from importlib import metadata
from typing import IO, Any

from koreabrief.briefing import brief
from koreabrief.comparison import compare
from koreabrief.errors import KoreabriefError
from koreabrief.extraction import extract
from koreabrief.loaders import load, seeds
from koreabrief.models import Article, Facts
from koreabrief.parallel import process
from koreabrief.render import render_markdown
from koreabrief.serialize import to_json, write_jsonl

__all__ = ["main"]


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="koreabrief",
        description="Typed, verifiable data from news about Korean-peninsula security.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p_brief = sub.add_parser("brief", help="the main job: a brief of a corpus (default: the seeds)")
    p_brief.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or - (default: seeds)")
    p_brief.add_argument("--format", choices=("md", "json"), default="md", help="Markdown (default) or JSON")
    p_brief.add_argument("--workers", type=int, default=None, help="processes to use (default: all cores)")

    p_compare = sub.add_parser("compare", help="compare two articles' coverage")
    p_compare.add_argument("a", metavar="A", help="the first article (a file)")
    p_compare.add_argument("b", metavar="B", help="the second article (a file)")

    p_load = sub.add_parser("load", help="load and clean articles; print them as JSON lines")
    p_load.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or - (default: seeds)")

    p_clean = sub.add_parser("clean", help="print the clean body of one article")
    p_clean.add_argument("path", metavar="PATH", help="a file or - for stdin")
    p_clean.add_argument("--format", choices=("text", "json"), default="text")

    p_extract = sub.add_parser("extract", help="extract statements, events and sanctions as JSON lines")
    p_extract.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, directories or - (default: seeds)"
    )
    p_extract.add_argument("--workers", type=int, default=None, help="processes to use (default: all cores)")
    return parser


def _articles(paths: Sequence[str]) -> Iterator[Article]:
    if not paths:
        return iter(seeds())
    return load(paths)


class _Progress:
    """A one-line counter on stderr, shown only on a terminal and for long runs."""

    def __init__(self, stream: IO[str], *, threshold: int = 200) -> None:
        self.stream = stream
        self.threshold = threshold
        self.enabled = stream.isatty()
        self.articles = 0

    def __call__(self, done: int) -> None:
        if self.enabled and done >= self.threshold:
            self.stream.write(f"\rkoreabrief: {done:,} articles processed")
            self.stream.flush()

    def close(self, done: int) -> None:
        if self.enabled and done >= self.threshold:
            self.stream.write("\n")

    def stage(self, stage: str, done: int, total: int) -> None:
        """The brief's own stages after extraction (profiles, stories, comparisons), on one line."""
        if self.enabled and self.articles >= self.threshold:
            end = "\n" if stage == "comparisons" and done == total else ""
            self.stream.write(f"\rkoreabrief: {stage} {done:,}/{total:,}\033[K{end}")
            self.stream.flush()


def _facts(paths: Sequence[str], workers: int | None) -> list[Facts]:
    if workers is not None and workers < 1:
        raise _UsageError(f"--workers must be >= 1, got {workers}")
    source: Any = paths or seeds()
    if not paths and workers is None:
        workers = 1  # five articles: starting processes would cost more than it saves
    progress = _Progress(sys.stderr)
    facts = list(process(source, workers=workers, progress=progress))
    progress.close(len(facts))
    return facts


def _one(path: str) -> Article:
    articles = list(load(path))
    if len(articles) != 1:
        raise _UsageError(f"{path}: expected one article, found {len(articles)}")
    return articles[0]


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    if args.command == "brief":
        progress = _Progress(sys.stderr)
        facts = _facts(args.paths, args.workers)
        progress.articles = len(facts)
        result = brief(facts, progress=progress.stage)
        out.write(render_markdown(result) if args.format == "md" else to_json(result, indent=2) + "\n")
    elif args.command == "compare":
        comparison = compare(extract(_one(args.a)), extract(_one(args.b)))
        out.write(to_json(comparison, indent=2) + "\n")
    elif args.command == "load":
        write_jsonl(_articles(args.paths), out)
    elif args.command == "clean":
        for art in load(args.path):
            out.write(to_json(art, indent=2) + "\n" if args.format == "json" else art.text + "\n")
    elif args.command == "extract":
        if args.paths:
            write_jsonl(process(args.paths, workers=args.workers), out)
        else:
            write_jsonl((extract(a) for a in seeds()), out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Examples:
        >>> main(["--version"])  # doctest: +ELLIPSIS
        koreabrief ...
        0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.version:
            print(f"koreabrief {metadata.version('koreabrief')}")
            return 0
        if args.command is None:
            raise _UsageError("a command is required (brief, compare, load, clean, extract)")
        return _run(args, sys.stdout)
    except _UsageError as e:
        print(f"koreabrief: error: {e}", file=sys.stderr)
        return 2
    except KoreabriefError as e:
        print(f"koreabrief: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("koreabrief: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); stop quietly as other Unix tools do.
        sys.stderr.close()
        return 0
