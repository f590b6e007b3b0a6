"""Loaders: files, directories, JSON/JSONL corpora and stdin, streamed as Articles.

Every loader is lazy: articles are yielded one at a time, so a corpus of any
size streams in bounded memory (a ``.json`` array is the one format that has to
be parsed whole).
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import os
import re
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any, Literal

from attrs import frozen
from dateutil import parser as date_parser

from koreabrief.cleaning import clean
from koreabrief.cleaning.lexicon import Lexicon
from koreabrief.errors import KoreabriefWarning, LoadError
from koreabrief.models import Article

__all__ = ["RawRecord", "decode", "load", "parse_published", "records", "seeds"]

Errors = Literal["warn", "raise"]
PathLike = str | os.PathLike[str]

_TEXT_SUFFIXES = (".txt.gz", ".txt")
_JSONL_SUFFIXES = (".jsonl.gz", ".jsonl", ".ndjson")
_JSON_SUFFIXES = (".json.gz", ".json")
_KNOWN_SUFFIXES = _TEXT_SUFFIXES + _JSONL_SUFFIXES + _JSON_SUFFIXES

_URL_DATE = re.compile(r"(?<!\d)(\d{4})(?:/(\d{1,2})/(\d{1,2})(?!\d)|-(\d{2})-(\d{2})(?!\d))")


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


@frozen
class RawRecord:
    """One article's decoded text and metadata, before cleaning.

    Loaders yield these so that the (costly) cleaning can run where the caller
    chooses: in this process ([`load`][koreabrief.load]) or in a worker
    ([`process`][koreabrief.process]). Picklable.

    Attributes:
        raw: The decoded text, as received.
        id: The article's identifier (a file stem, a record's ``id`` ...).
        url: The article's address, when known.
        published: The publication date, when known.
        outlet: The publishing outlet, when known.
        title: A headline known from the record's metadata.
        warnings: Problems met while decoding and reading, carried to the Article.

    Examples:
        >>> record = RawRecord("SEOUL: Seoul said no.", id="n1")
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

    def build(self, *, lexicon: Lexicon | None = None) -> Article:
        """Clean the text into an Article carrying the record's metadata and warnings.

        `lexicon` is the furniture lexicon to clean with; the shipped one by default.

        Examples:
            >>> RawRecord("Seoul said no.", id="n1", outlet="Example News").build().outlet
            'Example News'
        """
        return clean(
            self.raw,
            id=self.id,
            url=self.url,
            published=self.published,
            outlet=self.outlet,
            title=self.title,
            warnings=self.warnings,
            lexicon=lexicon,
        )


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes to text, honouring BOMs; return the text and any warnings.

    UTF-8 is assumed; UTF-16 is recognised by its BOM or by its NUL-byte
    pattern; single-byte text with no UTF-8 sequence at all is read as
    Windows-1252; other bytes that do not decode are replaced (U+FFFD). Every
    fallback is reported in the returned warnings.

    Raises:
        LoadError: The bytes look binary (NUL bytes that are not UTF-16).

    Examples:
        >>> decode("Seoul".encode("utf-16"))
        ('Seoul', ())
        >>> decode("Korea’s \\xff".encode()[:-2] + b"\\xff")[1]
        ('undecodable bytes replaced with U+FFFD (1 bytes)',)
        >>> decode("Café".encode("latin-1"))
        ('Café', ('not valid UTF-8: decoded as Windows-1252',))
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_utf8(data[3:])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, "utf-16")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise LoadError("binary content (NUL bytes)")
        return _decode_utf16(data, encoding)
    return _decode_utf8(data)


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


_CP1252_PUNCTUATION = frozenset({0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97})


class _Repairs(threading.local):
    """What the ``koreabrief-utf8`` error handler did during one decode (per thread)."""

    cp1252 = 0
    replaced = 0


_REPAIRS = _Repairs()


def _cp1252_or_replace(err: UnicodeError) -> tuple[str, int]:
    # A run of bytes that is not UTF-8 but holds a Windows-1252 quote, dash or
    # ellipsis (and no other C1-range byte, which a truncated UTF-8 sequence such
    # as E2 80 would) is text pasted from a cp1252 page: read it as cp1252.
    # Anything else becomes U+FFFD, as "replace" does.
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    c1 = [b for b in bad if 0x80 <= b <= 0x9F]
    if c1 and all(b in _CP1252_PUNCTUATION for b in c1):
        text = bytes(bad).decode("cp1252", errors="replace")
        if "\ufffd" not in text:
            _REPAIRS.cp1252 += len(bad)
            return text, err.end
    _REPAIRS.replaced += len(bad)
    return "\ufffd", err.end


codecs.register_error("koreabrief-utf8", _cp1252_or_replace)


def _decode_utf8(data: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if not _UTF8_MULTIBYTE.search(data):
        # No UTF-8 sequence at all: a single-byte page (Latin-1 or Windows-1252)
        # sent as UTF-8. Windows-1252 is Latin-1's superset for printable text.
        text = data.decode("cp1252", errors="replace")
        return text, ("not valid UTF-8: decoded as Windows-1252",)
    _REPAIRS.cp1252 = _REPAIRS.replaced = 0
    text = data.decode("utf-8", errors="koreabrief-utf8")
    problems = []
    if _REPAIRS.cp1252:
        problems.append(f"bytes not valid UTF-8 read as Windows-1252 ({_REPAIRS.cp1252} bytes)")
    if _REPAIRS.replaced:
        problems.append(f"undecodable bytes replaced with U+FFFD ({_REPAIRS.replaced} bytes)")
    return text, tuple(problems)


def _decode_utf16(data: bytes, encoding: str) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode(encoding), ()
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace"), (
            f"undecodable {encoding} bytes replaced with U+FFFD",
        )


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-range text in UTF-16 has a NUL in (nearly) every high byte.
    if odd_nuls >= 0.6 * half and even_nuls <= 0.05 * half:
        return "utf-16-le"
    if even_nuls >= 0.6 * half and odd_nuls <= 0.05 * half:
        return "utf-16-be"
    return None


def parse_published(value: object, url: str | None = None) -> tuple[dt.date | None, tuple[str, ...]]:
    """Parse a publication date with python-dateutil, falling back on a date in the URL.

    Returns the date (or None) and any warnings; never raises.

    Examples:
        >>> parse_published("6 January 2025")
        (datetime.date(2025, 1, 6), ())
        >>> parse_published(None, "https://example.com/news/2025/01/06/launch")
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
    if url:
        found = _date_from_url(url)
        if found is not None:
            return found, problems
    return None, problems


def _date_from_url(url: str) -> dt.date | None:
    for m in _URL_DATE.finditer(url):
        year = int(m.group(1))
        month = int(m.group(2) or m.group(4))
        day = int(m.group(3) or m.group(5))
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


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
    if not text.strip():
        problems = (*problems, "empty input: no text")
    return RawRecord(text, id=id, warnings=problems)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_record(record: Any, *, default_id: str, where: str) -> RawRecord:
    if not isinstance(record, dict):
        raise LoadError(f"{where}: expected a JSON object, got {type(record).__name__}")
    raw = record.get("raw")
    if raw is None:
        raw = record.get("text")
    problems: list[str] = []
    if raw is None:
        raw = ""
        problems.append("record has no 'text' or 'raw' field")
    if not isinstance(raw, str):
        raise LoadError(f"{where}: 'text' must be a string, got {type(raw).__name__}")
    if _SURROGATE.search(raw):
        # JSON may escape lone surrogates ("\\ud800"); they cannot be written as UTF-8.
        raw = _SURROGATE.sub("\ufffd", raw)
        problems.append("lone surrogate escapes replaced with U+FFFD")
    if not raw.strip() and not problems:
        problems.append("empty input: no text")
    rid = record.get("id")
    url = record.get("url")
    outlet = record.get("outlet")
    title = record.get("title")
    url = url if isinstance(url, str) else None
    published, date_problems = parse_published(record.get("published"))  # clean reads the url
    problems.extend(date_problems)
    return RawRecord(
        raw,
        id=str(rid) if rid is not None and rid != "" else default_id,
        url=url,
        published=published,
        outlet=outlet if isinstance(outlet, str) else None,
        title=title if isinstance(title, str) and title.strip() else None,
        warnings=tuple(problems),
    )


def _iter_jsonl(lines: Iterable[str], *, stem: str, where: str, errors: Errors) -> Iterator[RawRecord]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        here = f"{where}:{lineno}"
        try:
            try:
                record = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as e:
                raise LoadError(f"{here}: malformed JSON ({e.msg} at column {e.colno})") from e
            except RecursionError as e:
                raise LoadError(f"{here}: JSON nested too deeply") from e
            yield _json_record(record, default_id=f"{stem}:{lineno}", where=here)
        except LoadError as e:
            if errors == "raise":
                raise
            warnings.warn(f"skipped {e}", KoreabriefWarning, stacklevel=3)


def _iter_json(data: str, *, stem: str, where: str, errors: Errors) -> Iterator[RawRecord]:
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
        warnings.warn(f"skipped {err}", KoreabriefWarning, stacklevel=3)
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    for index, record in enumerate(records):
        try:
            yield _json_record(record, default_id=f"{stem}:{index}", where=f"{where}[{index}]")
        except LoadError as e:  # noqa: PERF203 - one bad record must not end the file
            if errors == "raise":
                raise
            warnings.warn(f"skipped {e}", KoreabriefWarning, stacklevel=3)


def _iter_file(path: Path, errors: Errors) -> Iterator[RawRecord]:
    suffix = _suffix(path)
    where = str(path)
    stem = _stem(path)
    if suffix in _JSONL_SUFFIXES:
        yield from _iter_jsonl_file(path, stem=stem, errors=errors)
        return
    raw = _open_bytes(path)
    if suffix in _JSON_SUFFIXES:
        try:
            text, _ = decode(raw)
        except LoadError as e:
            raise _SkipError(f"{where}: {e}") from e
        yield from _iter_json(text, stem=stem, where=where, errors=errors)
        return
    yield _text_record(raw, id=stem, where=where)


def _iter_jsonl_file(path: Path, *, stem: str, errors: Errors) -> Iterator[RawRecord]:
    try:
        if path.name.lower().endswith(".gz"):
            # Closed by the `with` below; opened here so that open errors name the file.
            stream: IO[str] = gzip.open(path, "rt", encoding="utf-8-sig", errors="replace")  # noqa: SIM115
        else:
            stream = open(path, encoding="utf-8-sig", errors="replace")  # noqa: SIM115
    except FileNotFoundError as e:
        raise LoadError(f"{path}: missing (it vanished while loading)") from e
    except OSError as e:
        raise LoadError(f"{path}: cannot read: {e}") from e
    with stream:
        try:
            yield from _iter_jsonl(stream, stem=stem, where=str(path), errors=errors)
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
            warnings.warn(f"skipped {entry}: cannot read: {e}", KoreabriefWarning, stacklevel=4)


def _paths(source: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(source, (str, os.PathLike)):
        items: list[PathLike] = [source]
    else:
        items = list(source)
    paths = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise LoadError(f"not a path: {item!r}")
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
) -> Iterator[Article]:
    """Load articles lazily from files, directories or standard input (``"-"``).

    Formats by suffix: ``.txt`` and ``.txt.gz`` (one article, id = file stem),
    ``.json`` (one object or an array), ``.jsonl``/``.jsonl.gz`` (one object a
    line) with fields ``id, url, published, outlet, title, text`` (or ``raw``).
    Directories are read recursively in sorted order (hidden entries and
    unknown suffixes skipped). Each text is passed through [`clean`][koreabrief.clean].

    Args:
        source: A path, ``"-"`` for stdin, or an iterable of them.
        errors: ``"warn"`` (default) skips a bad file or record with a
            [`KoreabriefWarning`][koreabrief.KoreabriefWarning] naming file and
            line; ``"raise"`` raises [`LoadError`][koreabrief.LoadError] instead.
        stdin: The byte stream read for ``"-"`` (default: ``sys.stdin.buffer``).
        lexicon: The furniture lexicon to clean with; the shipped one by default
            (see [`FurnitureLexicon.extend`][koreabrief.FurnitureLexicon.extend]).

    Returns:
        A lazy iterator of cleaned articles, in path order; problems met while
        decoding or reading a record are in each `Article.warnings`.

    Raises:
        LoadError: A path does not exist (always, before anything is yielded),
            or, with ``errors="raise"``, any unreadable input.

    Examples:
        >>> import koreabrief as kb, pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "n1.txt").write_text("Seoul said on Monday.")
        >>> [a.id for a in kb.load(d)]
        ['n1']
    """
    return (record.build(lexicon=lexicon) for record in records(source, errors=errors, stdin=stdin))


def records(
    source: PathLike | Iterable[PathLike],
    /,
    *,
    errors: Errors = "warn",
    stdin: IO[bytes] | None = None,
) -> Iterator[RawRecord]:
    """Like [`load`][koreabrief.load], but yield uncleaned [`RawRecord`][koreabrief.loaders.RawRecord]s.

    Raises:
        LoadError: As for `load`.

    Examples:
        >>> import koreabrief as kb, pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "n1.txt").write_text("Seoul said on Monday.")
        >>> [r.build().id for r in records(d)]
        ['n1']
    """
    if errors not in ("warn", "raise"):
        raise LoadError(f"errors must be 'warn' or 'raise', not {errors!r}")
    return _records(_paths(source), errors, stdin)


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
        warnings.warn(f"skipped {e}", KoreabriefWarning, stacklevel=3)
    except LoadError as e:
        if errors == "raise":
            raise
        warnings.warn(f"skipped {e}", KoreabriefWarning, stacklevel=3)


def _iter_stdin(stdin: IO[bytes] | None, errors: Errors) -> Iterator[RawRecord]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read()
    try:
        text, _ = decode(data)
    except LoadError as e:
        raise _SkipError(f"<stdin>: {e}") from e
    head = text.lstrip()[:1]
    if head == "{":
        yield from _iter_jsonl(io.StringIO(text), stem="stdin", where="<stdin>", errors=errors)
    elif head == "[":
        yield from _iter_json(text, stem="stdin", where="<stdin>", errors=errors)
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
