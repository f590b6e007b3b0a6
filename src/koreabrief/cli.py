"""The command line: ``koreabrief brief|compare|load|clean|extract``.

Every command reads files, directories, ``-`` or a piped standard input (the
seeds when there is none), writes to standard output or ``-o FILE``, prints
problems on standard error as ``koreabrief: warning: ...`` and closes with a
``N loaded, M skipped (why)`` line (``-q`` silences both, ``-v`` adds one line
per article).

Exit codes: 0 on success, 1 when no article could be loaded, 2 on bad usage or
unreadable input (with a one-line message on stderr), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import stat
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import metadata
from typing import IO, Any

from attrs import evolve, frozen

from koreabrief.briefing import brief
from koreabrief.comparison import compare
from koreabrief.errors import KoreabriefError, KoreabriefWarning
from koreabrief.extraction import extract
from koreabrief.ftm import to_ftm_jsonl
from koreabrief.loaders import RawRecord, Skipped, parse_published, records, seeds
from koreabrief.models import Article, Brief, Facts
from koreabrief.parallel import process
from koreabrief.render import render_markdown
from koreabrief.serialize import to_json, write_jsonl
from koreabrief.tables import Kind, columns, iter_records

__all__ = ["Format", "main"]


class _UsageError(Exception):
    pass


class _NothingLoadedError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


# ---------------------------------------------------------------------------
# Output formats: one entry per format and command. A new format is one line:
# its help text and a writer taking (the command's results, the output stream,
# the parsed arguments).

Writer = Callable[[Any, IO[str], argparse.Namespace], object]


@frozen
class Format:
    """An output format of one command: what it writes (for ``--help``) and how.

    `write` takes the command's results (an iterator of Facts or Articles, a
    Brief, a Comparison), the output stream and the parsed arguments.

    Examples:
        >>> import koreabrief.cli
        >>> ids = koreabrief.cli.Format("article ids", lambda facts, out, _: out.write(str(len(facts))))
        >>> ids.help
        'article ids'
    """

    help: str
    write: Writer


def _write_csv(rows: Iterable[dict[str, Any]], kind: Kind, out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=columns(kind), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _clean_text(articles: Iterable[Article], out: IO[str], _: argparse.Namespace) -> None:
    for i, a in enumerate(articles):
        out.write(("\n" if i else "") + a.text + "\n")


def _brief_json(b: Brief, out: IO[str], _: argparse.Namespace) -> None:
    out.write(to_json(b, indent=2) + "\n")


BRIEF_FORMATS: dict[str, Format] = {
    "md": Format("a Markdown report (default)", lambda b, out, _: out.write(render_markdown(b))),
    "json": Format("the Brief as JSON", _brief_json),
    "csv": Format(
        "a table of the brief's --kind: the timeline's events (default), statements by speaker, "
        "sanctions, or articles by story",
        lambda b, out, args: _write_csv(iter_records(b, kind=args.kind), args.kind, out),
    ),
    "ftm": Format(
        "the brief's sanctions as FollowTheMoney entities, one JSON object a line (needs koreabrief[ftm])",
        lambda b, out, _: out.write(to_ftm_jsonl(b)),
    ),
}
EXTRACT_FORMATS: dict[str, Format] = {
    "jsonl": Format(
        "one Facts object a line (default), read back with kb.read_jsonl",
        lambda facts, out, _: write_jsonl(facts, out),
    ),
    "csv": Format(
        "one row per item of --kind (events by default), with article id, url, outlet and date",
        lambda facts, out, args: _write_csv(iter_records(facts, kind=args.kind), args.kind, out),
    ),
    "ftm": Format(
        "the sanctions as FollowTheMoney entities, one JSON object a line (needs koreabrief[ftm])",
        lambda facts, out, _: out.writelines(to_ftm_jsonl(f) for f in facts),
    ),
}
LOAD_FORMATS: dict[str, Format] = {
    "jsonl": Format(
        "one Article a line (default), read back with kb.read_jsonl",
        lambda arts, out, _: write_jsonl(arts, out),
    ),
    "csv": Format(
        "one row per article: id, url, outlet, dates, title, author, clean text (no raw text)",
        lambda arts, out, _: _write_csv(iter_records(arts, kind="articles"), "articles", out),
    ),
}
CLEAN_FORMATS: dict[str, Format] = {
    "text": Format("the clean body (default); articles separated by a blank line", _clean_text),
    "json": Format(
        "each Article as indented JSON, with its removed lines",
        lambda arts, out, _: out.writelines(to_json(a, indent=2) + "\n" for a in arts),
    ),
    "csv": LOAD_FORMATS["csv"],
}
COMPARE_FORMATS: dict[str, Format] = {
    "json": Format(
        "the Comparison as indented JSON (default)",
        lambda c, out, _: out.write(to_json(c, indent=2) + "\n"),
    ),
}


def _add_format(p: argparse.ArgumentParser, formats: dict[str, Format]) -> None:
    default = next(iter(formats))
    shown = "; ".join(f"{name}: {f.help}" for name, f in formats.items())
    p.add_argument("--format", choices=tuple(formats), default=default, help=f"output format. {shown}")


def _add_common(p: argparse.ArgumentParser, *, reads: bool = True) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    loud = p.add_mutually_exclusive_group()
    loud.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also print a line per article loaded and extraction's warnings, on standard error",
    )
    loud.add_argument(
        "-q", "--quiet", action="store_true", help="print no warnings and no closing count, only errors"
    )
    if reads:
        p.add_argument(
            "--published",
            metavar="DATE",
            help="publication date of inputs that give none (plain text): '2025-01-06', '6 January 2025'",
        )
        p.add_argument("--outlet", metavar="NAME", help="outlet of inputs that name none (plain text)")


def _add_paths(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files (.txt .json .jsonl .html .warc, optionally .gz), directories or - "
        "(default: piped standard input, else the built-in seeds)",
    )


def _add_kind(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument(
        "--kind",
        choices=("events", "statements", "sanctions", "articles"),
        default=default,
        help=f"the rows of --format csv (default: {default})",
    )


def _add_workers(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, default=None, help="processes to use (default: all cores)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="koreabrief",
        description="Typed, verifiable data from news about Korean-peninsula security.",
        epilog="Run 'koreabrief COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p_brief = sub.add_parser("brief", help="the main job: a brief of a corpus (default: the seeds)")
    _add_paths(p_brief)
    _add_format(p_brief, BRIEF_FORMATS)
    _add_kind(p_brief, "events")
    _add_workers(p_brief)
    _add_common(p_brief)

    p_compare = sub.add_parser("compare", help="compare two articles' coverage")
    p_compare.add_argument("a", metavar="A", help="the first article (a file)")
    p_compare.add_argument("b", metavar="B", help="the second article (a file)")
    _add_format(p_compare, COMPARE_FORMATS)
    _add_common(p_compare)

    p_load = sub.add_parser("load", help="load and clean articles; print them as JSON lines")
    _add_paths(p_load)
    _add_format(p_load, LOAD_FORMATS)
    _add_common(p_load)

    p_clean = sub.add_parser("clean", help="print the clean body of articles")
    _add_paths(p_clean)
    _add_format(p_clean, CLEAN_FORMATS)
    _add_common(p_clean)

    p_extract = sub.add_parser("extract", help="extract statements, events and sanctions as JSON lines")
    _add_paths(p_extract)
    _add_format(p_extract, EXTRACT_FORMATS)
    _add_kind(p_extract, "events")
    p_extract.add_argument(
        "--text",
        choices=("all", "clean", "none"),
        default="all",
        help="the article text kept in jsonl output: all (default: raw, clean text and removed "
        "lines), clean (the clean text only, which spans index), none (metadata and facts only)",
    )
    _add_workers(p_extract)
    _add_common(p_extract)
    return parser


# ---------------------------------------------------------------------------
# Input, warnings and the closing count.


def _piped_stdin() -> IO[bytes] | None:
    """Standard input as bytes when something is piped or redirected into it, else None."""
    stdin = sys.stdin
    if stdin is None:
        return None
    try:
        if stdin.isatty():
            return None
        mode = os.fstat(stdin.fileno()).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)):
            return None  # /dev/null, a closed or odd descriptor: nothing is piped
    except (AttributeError, OSError, ValueError):
        pass  # an in-memory stream (an embedding program, a test): read it if it has bytes
    buffer = getattr(stdin, "buffer", None)
    try:
        data = buffer.read() if buffer is not None else stdin.read().encode("utf-8")
    except (OSError, ValueError):
        return None
    return io.BytesIO(data) if data.strip() else None


class _Report:
    """Counts what was loaded and skipped, and prints warnings on standard error."""

    def __init__(self, stream: IO[str], verbosity: int) -> None:
        self.stream = stream
        self.verbosity = verbosity
        self.loaded = 0
        self.empty = 0
        self.skipped: Counter[str] = Counter()

    def warn(self, message: str) -> None:
        if self.verbosity >= 0:
            self.stream.write(f"koreabrief: warning: {message}\n")

    def showwarning(self, message: Warning | str, *_: object, **__: object) -> None:
        """Print `message` as ``koreabrief: warning: ...`` (stands in for ``warnings.showwarning``)."""
        if isinstance(message, Skipped):
            self.skipped[message.reason] += 1
        self.warn(str(message))

    def article(self, article: Article, notes: tuple[str, ...] = ()) -> None:
        """Count an article; print its loading and cleaning warnings (and, with -v, extraction's)."""
        self.loaded += 1
        if not article.text.strip():
            self.empty += 1
        # Extraction's notes (a date that does not exist, say) concern single facts,
        # and a large corpus has many: they are shown with -v and kept in the output.
        for note in (*article.warnings, *(notes if self.verbosity > 0 else ())):
            self.warn(f"{article.id}: {note}")
        if self.verbosity > 0:
            about = ", ".join(
                x
                for x in (
                    f"{len(article.paragraphs)} paragraph{'' if len(article.paragraphs) == 1 else 's'}",
                    article.outlet,
                    article.published.isoformat() if article.published else "no date",
                )
                if x
            )
            self.stream.write(f"koreabrief: loaded {article.id} ({about})\n")

    def facts(self, facts: Iterable[Facts]) -> Iterator[Facts]:
        for f in facts:
            self.article(f.article, f.warnings)
            yield f

    def articles(self, articles: Iterable[Article]) -> Iterator[Article]:
        for a in articles:
            self.article(a)
            yield a

    def summary(self) -> str:
        line = f"{self.loaded:,} loaded"
        if self.empty:
            line += f" ({self.empty:,} without text)"
        skipped = sum(self.skipped.values())
        line += f", {skipped:,} skipped"
        if skipped:
            line += " (" + ", ".join(f"{n:,} {why}" for why, n in self.skipped.most_common()) + ")"
        return line

    def close(self) -> None:
        if self.loaded == self.empty:
            why = "no article loaded" if not self.loaded else "no article text found"
            raise _NothingLoadedError(f"{why}: {self.summary()}")
        if self.verbosity >= 0:
            self.stream.write(f"koreabrief: {self.summary()}\n")


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


def _published(args: argparse.Namespace) -> Any:
    value = getattr(args, "published", None)
    if value is None:
        return None
    date, problems = parse_published(value)
    if date is None or problems:
        raise _UsageError(f"--published: not a date: {value!r}")
    return date


def _source(args: argparse.Namespace, paths: Sequence[str]) -> Iterator[RawRecord] | list[Article]:
    """The records to read (a path's, or piped standard input's), else the seeds."""
    stdin = None
    if not paths or "-" in paths:
        stdin = _piped_stdin()
        if not paths and stdin is not None:
            paths = ["-"]
    if not paths:
        return seeds()
    return records(paths, stdin=stdin, published=_published(args), outlet=getattr(args, "outlet", None))


def _articles(args: argparse.Namespace, report: _Report) -> Iterator[Article]:
    source = _source(args, args.paths)
    built = (r.build() if isinstance(r, RawRecord) else r for r in source)
    return report.articles(built)


def _facts(args: argparse.Namespace, report: _Report) -> Iterator[Facts]:
    workers = args.workers
    if workers is not None and workers < 1:
        raise _UsageError(f"--workers must be >= 1, got {workers}")
    source = _source(args, args.paths)
    if isinstance(source, list) and workers is None:
        workers = 1  # the five seeds: starting processes would cost more than it saves
    return report.facts(process(source, workers=workers, progress=_Progress(sys.stderr)))


def _one(path: str, args: argparse.Namespace) -> Article:
    found = [r.build() for r in records(path, published=_published(args), outlet=args.outlet)]
    if len(found) != 1:
        raise _UsageError(f"{path}: expected one article, found {len(found)}")
    return found[0]


def _without_text(keep: str) -> Callable[[Facts], Facts]:
    def strip(f: Facts) -> Facts:
        a = f.article
        kept = evolve(a, raw="", removed=()) if keep == "clean" else evolve(a, raw="", text="", removed=())
        return evolve(f, article=kept)

    return strip


def _run(args: argparse.Namespace, out: IO[str], report: _Report) -> int:
    command = args.command
    if command == "compare":
        a, b = _one(args.a, args), _one(args.b, args)
        report.article(a)
        report.article(b)
        COMPARE_FORMATS[args.format].write(compare(extract(a), extract(b)), out, args)
    elif command == "brief":
        corpus = list(_facts(args, report))
        report.close()
        # After the extraction counter, the brief's own stages, so a large corpus is never silent.
        progress = _Progress(sys.stderr)
        progress.articles = len(corpus)
        BRIEF_FORMATS[args.format].write(brief(corpus, progress=progress.stage), out, args)
        return 0
    elif command == "extract":
        facts: Iterable[Facts] = _facts(args, report)
        if args.text != "all" and args.format == "jsonl":
            facts = map(_without_text(args.text), facts)
        EXTRACT_FORMATS[args.format].write(facts, out, args)
    elif command == "load":
        LOAD_FORMATS[args.format].write(_articles(args, report), out, args)
    elif command == "clean":
        CLEAN_FORMATS[args.format].write(_articles(args, report), out, args)
    report.close()
    return 0


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    try:
        stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as e:
        raise _UsageError(f"{path}: cannot write: {e.strerror}") from e
    with stream:
        yield stream


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Examples:
        >>> import koreabrief.cli
        >>> koreabrief.cli.main(["--version"])  # doctest: +ELLIPSIS
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
        report = _Report(sys.stderr, -1 if args.quiet else 1 if args.verbose else 0)
        with warnings.catch_warnings():
            warnings.simplefilter("always", KoreabriefWarning)
            warnings.showwarning = report.showwarning
            with _output(args.output) as out:
                return _run(args, out, report)
    except _UsageError as e:
        print(f"koreabrief: error: {e}", file=sys.stderr)
        return 2
    except _NothingLoadedError as e:
        print(f"koreabrief: error: {e}", file=sys.stderr)
        return 1
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
