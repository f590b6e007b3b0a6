"""Loaders: files, directories, JSON/JSONL corpora, HTML pages, WARC archives and stdin,
streamed as Articles.

Every loader is lazy: articles are yielded one at a time, so a corpus of any
size streams in bounded memory (a ``.json`` array is the one format that has to
be parsed whole).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any, Literal

from attrs import evolve, field, frozen
from dateutil import parser as date_parser

from koreabrief.cleaning import clean
from koreabrief.cleaning.lexicon import Lexicon
from koreabrief.decoding import decode, decode_declared, sniff_charset
from koreabrief.errors import KoreabriefWarning, LoadError
from koreabrief.fields import read_fields, records_in
from koreabrief.markup import looks_like_html, main_text, require_html
from koreabrief.models import Article
from koreabrief.warc import responses

__all__ = [
    "RawRecord",
    "Skipped",
    "decode",
    "decode_declared",
    "load",
    "parse_published",
    "records",
    "seeds",
    "sniff_charset",
]

Errors = Literal["warn", "raise"]
PathLike = str | os.PathLike[str]

_TEXT_SUFFIXES = (".txt.gz", ".txt")
_JSONL_SUFFIXES = (".jsonl.gz", ".jsonl", ".ndjson")
_JSON_SUFFIXES = (".json.gz", ".json")
_HTML_SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm", ".xhtml")
_WARC_SUFFIXES = (".warc.gz", ".warc")
_KNOWN_SUFFIXES = _TEXT_SUFFIXES + _JSONL_SUFFIXES + _JSON_SUFFIXES + _HTML_SUFFIXES + _WARC_SUFFIXES

_WEB_ADDRESS = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]{1,9}://|www\.)")
_NO_MAIN_TEXT = "no main text found in the HTML page"


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in _KNOWN_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return ""


def _stem(path: Path) -> str:
    suffix = _suffix(path)
    return path.name[: -len(suffix)] if suffix else path.stem


class _SkipError(Exception):
    """An input that yields no article; the message says why."""


class Skipped(KoreabriefWarning):
    """An input skipped while loading; `reason` says why in a few words ("malformed JSON").

    Examples:
        >>> import koreabrief as kb
        >>> kb.loaders.Skipped("skipped x.bin: binary content (NUL bytes)", "binary content").reason
        'binary content'
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _skip(error: Exception, where: str, stacklevel: int) -> None:
    message = str(error)
    # "x.jsonl:3: malformed JSON (Expecting ...)" -> "malformed JSON"
    detail = re.sub(rf"^{re.escape(where)}(?::\d+|\[\d+\])?: ", "", message)
    reason = re.split(r" \(|: ", detail, maxsplit=1)[0].strip() or "unreadable"
    warnings.warn(Skipped(f"skipped {message}", reason), stacklevel=stacklevel + 1)


@frozen
class RawRecord:
    """One article's decoded text (or HTML page) and metadata, before cleaning.

    Loaders yield these so that the (costly) cleaning can run where the caller
    chooses: in this process ([`load`][koreabrief.load]) or in a worker
    ([`process`][koreabrief.process]). Picklable.

    Attributes:
        raw: The decoded text, as received (an HTML page's markup when `markup`).
        id: The article's identifier (a file stem, a record's ``id`` ...).
        url: The article's address, when known.
        published: The publication date, when known.
        outlet: The publishing outlet, when known.
        title: A headline known from the record's metadata.
        warnings: Problems met while decoding and reading, carried to the Article.
        author: The author known from the record's metadata.
        crawled: The day a crawler fetched the page (a WARC record's date).
        markup: `raw` is an HTML page: its main text and metadata are read with
            trafilatura before cleaning (the ``[html]`` extra).

    Examples:
        >>> import koreabrief as kb
        >>> record = kb.loaders.RawRecord("SEOUL: Seoul said no.", id="n1")
        >>> record.build().dateline
        'SEOUL'
    """

    raw: str
    id: str
    url: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()
    author: str | None = None
    crawled: dt.date | None = None
    markup: bool = field(default=False, kw_only=True)

    def build(self, *, lexicon: Lexicon | None = None) -> Article:
        """Clean the text into an Article carrying the record's metadata and warnings.

        An HTML page (`markup`) goes through trafilatura first: its main text
        is what the cleaner sees (and the Article's `raw`); the page's title,
        author, date (htmldate's) and site name fill what the record leaves
        open. `lexicon` is the furniture lexicon to clean with; the shipped
        one by default.

        Raises:
            MissingExtraError: An HTML page without the ``[html]`` extra.

        Examples:
            >>> import koreabrief as kb
            >>> kb.loaders.RawRecord("Seoul said no.", id="n1", outlet="Example News").build().outlet
            'Example News'
        """
        raw, title, author, outlet = self.raw, self.title, self.author, self.outlet
        published, notes = self.published, self.warnings
        if self.markup:
            page = main_text(self.raw, url=self.url)
            raw, title, author = page.text, title or page.title, author or page.author
            outlet, notes = outlet or page.outlet, (*notes, *page.warnings)
            if published is None:
                published, problems = parse_published(page.date)
                notes = (*notes, *problems)
            if not raw:
                notes = (*notes, _NO_MAIN_TEXT)
        article = clean(
            raw,
            id=self.id,
            url=self.url,
            published=published,
            outlet=outlet,
            title=title,
            warnings=notes,
            lexicon=lexicon,
        )
        if author is None and self.crawled is None:
            return article
        return evolve(article, author=author or article.author, crawled=self.crawled)


@frozen
class _Defaults:
    """What the caller says of inputs that do not say it themselves."""

    published: dt.date | None = None
    outlet: str | None = None

    def fill(self, record: RawRecord) -> RawRecord:
        if (record.published is not None or self.published is None) and (
            record.outlet is not None or self.outlet is None
        ):
            return record
        return evolve(
            record,
            published=record.published if record.published is not None else self.published,
            outlet=record.outlet if record.outlet is not None else self.outlet,
        )


def parse_published(value: object) -> tuple[dt.date | None, tuple[str, ...]]:
    """Parse a record's publication date with python-dateutil.

    Returns the date (or None) and any warnings; never raises. A date in the
    article's address is read later, by [`clean`][koreabrief.clean], which
    records it as the date's source.

    Examples:
        >>> parse_published("6 January 2025")
        (datetime.date(2025, 1, 6), ())
        >>> parse_published("someday")[1]
        ("unparseable published date 'someday'",)
    """
    problems: tuple[str, ...] = ()
    if value is not None and value != "":
        if isinstance(value, dt.datetime):
            return value.date(), ()
        if isinstance(value, dt.date):
            return value, ()
        if isinstance(value, str):
            try:
                return date_parser.isoparse(value).date(), ()
            except (ValueError, OverflowError):
                pass
            try:
                return date_parser.parse(value).date(), ()
            except (ValueError, OverflowError, date_parser.ParserError):
                pass
        problems = (f"unparseable published date {str(value)[:80]!r}",)
    return None, problems




def _open_bytes(path: Path) -> bytes:
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                return fh.read()
        return path.read_bytes()
    except FileNotFoundError as e:
        raise LoadError(f"{path}: missing (it vanished while loading)") from e
    except (OSError, EOFError) as e:
        raise LoadError(f"{path}: cannot read: {e}") from e


def _text_record(raw_bytes: bytes, *, id: str, where: str) -> RawRecord:
    try:
        text, problems = decode(raw_bytes)
    except LoadError as e:
        raise _SkipError(f"{where}: {e}") from e
    if looks_like_html(text):
        # Markup in a .txt file or on stdin: a saved page, read as one.
        require_html()
        return RawRecord(text, id=id, warnings=problems, markup=True)
    if not text.strip():
        problems = (*problems, "empty input: no text")
    return RawRecord(text, id=id, warnings=problems)


def _html_record(raw_bytes: bytes, *, id: str, where: str) -> RawRecord:
    try:
        text, problems = decode_declared(raw_bytes, sniff_charset(raw_bytes))
    except LoadError as e:
        raise _SkipError(f"{where}: {e}") from e
    return RawRecord(text, id=id, warnings=problems, markup=True)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_record(
    record: Any, *, default_id: str, where: str, notes: tuple[str, ...] = ()
) -> tuple[RawRecord, tuple[str, ...]]:
    """The record read onto Article fields, and the keys it holds that were not understood."""
    if not isinstance(record, dict):
        raise LoadError(f"{where}: expected a JSON object, got {type(record).__name__}")
    found = read_fields(record)
    raw, markup = found.text, False
    problems: list[str] = list(notes)
    if raw is None and found.html is not None:
        require_html()
        raw, markup = found.html, True
    if raw is None:
        raw = ""
        problems.append("record has no 'text' or 'raw' field (nor maintext, content, body, html ...)")
    if not isinstance(raw, str):
        raise LoadError(f"{where}: 'text' must be a string, got {type(raw).__name__}")
    if _SURROGATE.search(raw):
        # JSON may escape lone surrogates ("\\ud800"); they cannot be written as UTF-8.
        raw = _SURROGATE.sub("\ufffd", raw)
        problems.append("lone surrogate escapes replaced with U+FFFD")
    if not markup and looks_like_html(raw):
        require_html()
        markup = True
    if not raw.strip() and not problems:
        problems.append("empty input: no text")
    # The url's date is read by clean, which records it as the date's source.
    published, date_problems = parse_published(found.published)
    problems.extend(date_problems)
    built = RawRecord(
        raw,
        id=found.id or default_id,
        url=found.url,
        published=published,
        outlet=found.outlet,
        title=found.title,
        warnings=tuple(problems),
        author=found.author,
        markup=markup,
    )
    return built, found.unknown


class _Unknown:
    """Reports a file's unknown record keys once, at the first record that has any."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.reported = False

    def __call__(self, keys: tuple[str, ...], stacklevel: int) -> None:
        if keys and not self.reported:
            self.reported = True
            shown = ", ".join(keys[:12]) + (" ..." if len(keys) > 12 else "")
            warnings.warn(
                f"{self.where}: record fields not read: {shown} (see the field names in "
                "koreabrief/data/fields.toml; this is reported once per file)",
                KoreabriefWarning,
                stacklevel=stacklevel + 1,
            )


# Each line's text (None when its bytes are binary) and its decoding warnings.
Lines = Iterable[tuple[str | None, tuple[str, ...]]]


def _decoded_lines(stream: Iterable[bytes]) -> Iterator[tuple[str | None, tuple[str, ...]]]:
    """Each line of a byte stream decoded on its own, with the fallback's warnings.

    A line that is not UTF-8 (a CP949 record among UTF-8 ones) is decoded as
    [`decode`][koreabrief.loaders.decode] finds best, and says so on its record.
    """
    first = True
    for line in stream:
        data = line[3:] if first and line.startswith(b"\xef\xbb\xbf") else line
        first = False
        try:
            yield data.decode("utf-8"), ()
        except UnicodeDecodeError:
            try:
                yield decode(data)
            except LoadError as e:
                yield None, (str(e),)


def _iter_jsonl(lines: Lines, *, stem: str, where: str, errors: Errors) -> Iterator[RawRecord]:
    unknown = _Unknown(where)
    for lineno, (line, notes) in enumerate(lines, 1):
        if line is not None and not line.strip():
            continue
        here = f"{where}:{lineno}"
        try:
            if line is None:
                raise LoadError(f"{here}: {notes[0]}")
            try:
                parsed = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as e:
                raise LoadError(f"{here}: malformed JSON ({e.msg} at column {e.colno})") from e
            except RecursionError as e:
                raise LoadError(f"{here}: JSON nested too deeply") from e
            record, keys = _json_record(parsed, default_id=f"{stem}:{lineno}", where=here, notes=notes)
            unknown(keys, stacklevel=3)
            yield record
        except LoadError as e:
            if errors == "raise":
                raise
            _skip(e, where, stacklevel=3)


def _iter_json(
    data: str, *, stem: str, where: str, errors: Errors, notes: tuple[str, ...] = ()
) -> Iterator[RawRecord]:
    try:
        parsed = json.loads(data)
    except (json.JSONDecodeError, RecursionError) as e:
        err = LoadError(
            f"{where}:{e.lineno}: malformed JSON ({e.msg} at column {e.colno})"
            if isinstance(e, json.JSONDecodeError)
            else f"{where}: JSON nested too deeply"
        )
        if errors == "raise":
            raise err from e
        _skip(err, where, stacklevel=3)
        return
    items = records_in(parsed)
    unknown = _Unknown(where)
    for index, item in enumerate(items):
        try:
            record, keys = _json_record(
                item, default_id=f"{stem}:{index}", where=f"{where}[{index}]", notes=notes
            )
        except LoadError as e:
            if errors == "raise":
                raise
            _skip(e, where, stacklevel=3)
            continue
        unknown(keys, stacklevel=3)
        yield record


def _iter_file(path: Path, errors: Errors) -> Iterator[RawRecord]:
    suffix = _suffix(path)
    where = str(path)
    stem = _stem(path)
    if suffix in _JSONL_SUFFIXES:
        yield from _iter_jsonl_file(path, stem=stem, errors=errors)
        return
    if suffix in _WARC_SUFFIXES:
        yield from _iter_warc(path)
        return
    if suffix in _HTML_SUFFIXES:
        require_html()
        yield _html_record(_open_bytes(path), id=stem, where=where)
        return
    raw = _open_bytes(path)
    if suffix in _JSON_SUFFIXES:
        try:
            text, problems = decode(raw)
        except LoadError as e:
            raise _SkipError(f"{where}: {e}") from e
        yield from _iter_json(text, stem=stem, where=where, errors=errors, notes=problems)
        return
    yield _text_record(raw, id=stem, where=where)


def _iter_warc(path: Path) -> Iterator[RawRecord]:
    require_html()
    found = False
    for response in responses(path):
        found = True
        yield RawRecord(
            response.html,
            id=response.id,
            url=response.url,
            warnings=response.warnings,
            crawled=response.crawled,
            markup=True,
        )
    if not found:
        raise _SkipError(f"{path}: no HTML response in the archive")


def _iter_jsonl_file(path: Path, *, stem: str, errors: Errors) -> Iterator[RawRecord]:
    try:
        if path.name.lower().endswith(".gz"):
            # Closed by the `with` below; opened here so that open errors name the file.
            stream: io.BufferedIOBase = gzip.open(path, "rb")  # noqa: SIM115
        else:
            stream = open(path, "rb")  # noqa: SIM115
    except FileNotFoundError as e:
        raise LoadError(f"{path}: missing (it vanished while loading)") from e
    except OSError as e:
        raise LoadError(f"{path}: cannot read: {e}") from e
    with stream:
        try:
            yield from _iter_jsonl(_decoded_lines(stream), stem=stem, where=str(path), errors=errors)
        except (OSError, EOFError) as e:
            raise LoadError(f"{path}: read failed: {e}") from e


def _walk(directory: Path) -> Iterator[Path]:
    """Files under `directory` in sorted path order, each directory visited once."""
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[Path]] = [iter([directory])]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        try:
            if entry.is_dir():
                st = entry.stat()
                key = (st.st_dev, st.st_ino)
                if key in seen:  # a symlink loop or a second link to a visited directory
                    continue
                seen.add(key)
                children = sorted(
                    (c for c in entry.iterdir() if not c.name.startswith(".")), key=lambda p: p.name
                )
                stack.append(iter(children))
            elif _suffix(entry):
                yield entry
        except OSError as e:
            warnings.warn(
                Skipped(f"skipped {entry}: cannot read: {e}", "cannot read"), stacklevel=4
            )


def _paths(source: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(source, (str, os.PathLike)):
        items: list[PathLike] = [source]
    else:
        items = list(source)
    paths = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise LoadError(f"not a path: {item!r}")
        if isinstance(item, str) and _WEB_ADDRESS.match(item):
            raise LoadError(
                f"{item}: a web address; koreabrief reads files and does not fetch pages: "
                f"download it first (curl -L -o page.html '{item}', or trafilatura's fetch_url) "
                "and load the saved page (.html needs the [html] extra)"
            )
        path = Path(item)
        if str(item) != "-" and not path.exists():
            raise LoadError(f"{path}: missing (no such file or directory)")
        paths.append(path)
    return paths


def load(
    source: PathLike | Iterable[PathLike],
    /,
    *,
    errors: Errors = "warn",
    stdin: IO[bytes] | None = None,
    lexicon: Lexicon | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
) -> Iterator[Article]:
    """Load articles lazily from files, directories or standard input (``"-"``).

    Formats by suffix: ``.txt`` and ``.txt.gz`` (one article, id = file stem),
    ``.json`` (one object or an array), ``.jsonl``/``.jsonl.gz`` (one object a
    line), ``.html``/``.htm`` (one page, id = file stem) and
    ``.warc``/``.warc.gz`` (the archive's HTML responses, id = the WARC record
    id). JSON records may use koreabrief's field names (``id, url, published,
    outlet, title, author, text`` or ``raw``) or those of trafilatura,
    newspaper4k, news-please and NewsAPI (``date``, ``publish_date``,
    ``maintext``, ``authors``, ``source-hostname`` ...); a record holding an
    ``html`` field and no text is read as a page. Directories are read
    recursively in sorted order (hidden entries and unknown suffixes skipped).
    HTML pages (also markup found in a text file or on stdin) and WARC
    archives need the ``[html]`` extra: trafilatura finds the main text, then
    every text is passed through [`clean`][koreabrief.clean].

    Args:
        source: A path, ``"-"`` for stdin, or an iterable of them. A web
            address is refused: fetch the page first.
        errors: ``"warn"`` (default) skips a bad file or record with a
            [`KoreabriefWarning`][koreabrief.KoreabriefWarning] naming file and
            line; ``"raise"`` raises [`LoadError`][koreabrief.LoadError] instead.
        stdin: The byte stream read for ``"-"`` (default: ``sys.stdin.buffer``).
        lexicon: The furniture lexicon to clean with; the shipped one by default
            (see [`FurnitureLexicon.extend`][koreabrief.FurnitureLexicon.extend]).
        published: The publication date of every input whose record gives
            none (a plain-text file has no metadata).
        outlet: The outlet of every input whose record names none.

    Returns:
        A lazy iterator of cleaned articles, in path order; problems met while
        decoding or reading a record are in each `Article.warnings`.

    Raises:
        LoadError: A path does not exist or is a web address (always, before
            anything is yielded), or, with ``errors="raise"``, any unreadable input.
        MissingExtraError: An HTML page or a WARC archive without the ``[html]`` extra.

    Examples:
        >>> import koreabrief as kb, pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "n1.txt").write_text("Seoul said on Monday.")
        >>> [(a.id, a.outlet) for a in kb.load(d, outlet="Example News")]
        [('n1', 'Example News')]
    """
    found = records(source, errors=errors, stdin=stdin, published=published, outlet=outlet)
    return (record.build(lexicon=lexicon) for record in found)


def records(
    source: PathLike | Iterable[PathLike],
    /,
    *,
    errors: Errors = "warn",
    stdin: IO[bytes] | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
) -> Iterator[RawRecord]:
    """Like [`load`][koreabrief.load], but yield uncleaned [`RawRecord`][koreabrief.loaders.RawRecord]s.

    Raises:
        LoadError: As for `load`.

    Examples:
        >>> import koreabrief as kb, pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "n1.txt").write_text("Seoul said on Monday.")
        >>> [r.build().id for r in kb.loaders.records(d)]
        ['n1']
    """
    if errors not in ("warn", "raise"):
        raise LoadError(f"errors must be 'warn' or 'raise', not {errors!r}")
    defaults = _Defaults(published, outlet)
    found = _records(_paths(source), errors, stdin)
    return found if defaults == _Defaults() else map(defaults.fill, found)


def _records(paths: list[Path], errors: Errors, stdin: IO[bytes] | None) -> Iterator[RawRecord]:
    for path in paths:
        if str(path) == "-":
            yield from _guard(_iter_stdin(stdin, errors), "<stdin>", errors)
        elif path.is_dir():
            for file in _walk(path):
                yield from _guard(_iter_file(file, errors), str(file), errors)
        else:
            yield from _guard(_iter_file(path, errors), str(path), errors)


def _guard(articles: Iterator[RawRecord], where: str, errors: Errors) -> Iterator[RawRecord]:
    try:
        yield from articles
    except _SkipError as e:
        if errors == "raise":
            raise LoadError(str(e)) from e
        _skip(e, where, stacklevel=3)
    except LoadError as e:
        if errors == "raise":
            raise
        _skip(e, where, stacklevel=3)


def _iter_stdin(stdin: IO[bytes] | None, errors: Errors) -> Iterator[RawRecord]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read()
    try:
        text, problems = decode(data)
    except LoadError as e:
        raise _SkipError(f"<stdin>: {e}") from e
    head = text.lstrip()[:1]
    if head == "{":
        lines = _decoded_lines(io.BytesIO(data))
        yield from _iter_jsonl(lines, stem="stdin", where="<stdin>", errors=errors)
    elif head == "[":
        yield from _iter_json(text, stem="stdin", where="<stdin>", errors=errors, notes=problems)
    else:
        yield _text_record(data, id="stdin", where="<stdin>")


def _seed_metadata() -> dict[str, dict[str, Any]]:
    data = resources.files("koreabrief").joinpath("data").joinpath("seeds.json").read_text("utf-8")
    meta: dict[str, dict[str, Any]] = json.loads(data)
    return meta


def _seed_files() -> list[tuple[str, bytes]]:
    packaged = resources.files("koreabrief").joinpath("seeds")
    if packaged.is_dir():
        entries = [(e.name, e.read_bytes()) for e in packaged.iterdir() if e.name.endswith(".txt")]
    else:
        # An editable install or a source checkout: the seeds live at the top level.
        checkout = Path(__file__).resolve().parents[2] / "seeds"
        if not checkout.is_dir():
            raise LoadError("the built-in seed corpus is missing from this installation")
        entries = [(p.name, p.read_bytes()) for p in checkout.glob("*.txt")]
    return sorted(entries)


def seeds() -> list[Article]:
    """Return the built-in demo corpus: five real articles, cleaned, id = file stem.

    Publication dates are the ones the texts themselves fix (see the seed gold);
    002's text fixes none, so its date is None.

    Examples:
        >>> import koreabrief as kb
        >>> [a.id[:3] for a in kb.seeds()]
        ['000', '001', '002', '003', '004']
    """
    meta = _seed_metadata()
    articles = []
    for name, raw in _seed_files():
        stem = name[: -len(".txt")]
        text, problems = decode(raw)
        info = meta.get(stem, {})
        published, _ = parse_published(info.get("published"))
        record = RawRecord(
            text,
            id=stem,
            published=published,
            outlet=info.get("outlet"),
            url=info.get("url"),
            warnings=problems,
        )
        articles.append(record.build())
    return articles
