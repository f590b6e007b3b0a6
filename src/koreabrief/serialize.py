"""JSON and JSONL for every model, through one cattrs converter.

Dates travel as ISO strings and enums as their values, so every model
round-trips exactly: ``from_json(to_json(x), type(x)) == x``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, Literal, TypeVar

import attrs
import cattrs

from koreabrief.errors import LoadError, SerializationError

__all__ = ["converter", "from_dict", "from_json", "read_jsonl", "to_dict", "to_json", "write_jsonl"]

T = TypeVar("T")


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=False)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda s, _: dt.date.fromisoformat(s))
    return conv


#: The library's single converter. Extend a copy (``converter.copy()``), never this one.
converter: cattrs.Converter = _make_converter()


def to_dict(obj: Any) -> Any:
    """Turn a model (or a tuple/list of models) into plain JSON-ready data.

    Enums become their values, dates ISO text, tuples lists.

    Args:
        obj: Any koreabrief model, or a tuple or list of them.

    Returns:
        Dicts, lists, strings, numbers, booleans and None only.

    Examples:
        >>> import koreabrief as kb
        >>> kb.to_dict(kb.Span(0, 3))
        {'start': 0, 'end': 3}
    """
    return converter.unstructure(obj)


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a model of type `cls` from plain data made by [`to_dict`][koreabrief.to_dict].

    Args:
        data: Plain data, as [`to_dict`][koreabrief.to_dict] makes it.
        cls: The model class to build (`kb.Facts`, `kb.Brief` ...).

    Returns:
        The model, equal to the one `data` was made from.

    Raises:
        SerializationError: The data does not describe a valid `cls`.

    Examples:
        >>> import koreabrief as kb
        >>> kb.from_dict({"start": 0, "end": 3}, kb.Span)
        Span(start=0, end=3)
    """
    name = getattr(cls, "__name__", str(cls))
    if attrs.has(cls) and not isinstance(data, Mapping):
        # cattrs would build a model whose fields all have defaults (Brief) from a list or a string.
        raise SerializationError(f"invalid {name}: expected a JSON object, got {type(data).__name__}")
    try:
        return converter.structure(data, cls)
    except RecursionError as e:
        raise SerializationError(f"invalid {name}: nested too deeply") from e
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError) as e:
        detail = "; ".join(cattrs.transform_error(e)) if isinstance(e, cattrs.BaseValidationError) else str(e)
        raise SerializationError(f"invalid {name}: {detail}") from e


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Serialise a model (or a tuple/list of models) to JSON text.

    Args:
        obj: Any koreabrief model, or a tuple or list of them.
        indent: Indentation for readable output; None (default) writes one line.

    Returns:
        JSON text (UTF-8 characters kept as they are, not escaped).

    Raises:
        SerializationError: `obj` is not a model (nor a tuple or list of them).

    Examples:
        >>> import koreabrief as kb
        >>> kb.to_json(kb.Span(0, 3))
        '{"start": 0, "end": 3}'
    """
    try:
        return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)
    except (TypeError, ValueError) as e:  # not a model, or a model holding something foreign
        raise SerializationError(f"cannot serialise {type(obj).__name__}: {e}") from e


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Parse JSON text made by [`to_json`][koreabrief.to_json] back into a `cls`.

    Args:
        text: JSON text or UTF-8 bytes.
        cls: The model class to build.

    Returns:
        The model; `from_json(to_json(x), type(x)) == x` for every model.

    Raises:
        SerializationError: The text is not JSON or does not describe a valid `cls`.

    Examples:
        >>> import koreabrief as kb
        >>> kb.from_json('{"start": 0, "end": 3}', kb.Span)
        Span(start=0, end=3)
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise SerializationError(f"not JSON: {e}") from e
    except RecursionError as e:
        raise SerializationError("not JSON this library reads: nested too deeply") from e
    return from_dict(data, cls)


def _open_text(path: str | os.PathLike[str], mode: Literal["r", "w"]) -> IO[str]:
    """A text file opened for JSON lines (gzip by a ``.gz`` suffix), as UTF-8."""
    gz = str(path).lower().endswith(".gz")
    if mode == "w":
        return gzip.open(path, "wt", encoding="utf-8") if gz else open(path, "w", encoding="utf-8")
    return gzip.open(path, "rt", encoding="utf-8") if gz else open(path, encoding="utf-8")


def write_jsonl(objs: Iterable[Any], target: IO[str] | str | os.PathLike[str]) -> int:
    """Write models to a stream or a file, one JSON object per line; return how many were written.

    Consumes `objs` lazily, so a generator of any size streams in constant memory.

    Args:
        objs: Models, typically a generator (from [`process`][koreabrief.process]).
        target: A text stream open for writing, or a path (written as UTF-8,
            replaced if it exists; gzipped when it ends in ``.gz``).

    Returns:
        The number of lines written.

    Examples:
        >>> import io, koreabrief as kb
        >>> buf = io.StringIO()
        >>> kb.write_jsonl([kb.Span(0, 1), kb.Span(2, 3)], buf)
        2
    """
    if isinstance(target, (str, os.PathLike)):
        with _open_text(target, "w") as stream:
            return write_jsonl(objs, stream)
    n = 0
    for obj in objs:
        target.write(to_json(obj))
        target.write("\n")
        n += 1
    return n


def read_jsonl(source: Iterable[str] | str | os.PathLike[str], cls: type[T]) -> Iterator[T]:
    """Read models of type `cls` lazily from JSON lines; blank lines are skipped.

    Args:
        source: Lines of text (an open file, a list of strings ...), or the
            path of a file (read as UTF-8; gunzipped when it ends in ``.gz``).
        cls: The model class every line holds.

    Yields:
        One model per non-blank line, in order.

    Raises:
        SerializationError: A line is not valid; the message gives its number.
        LoadError: The file cannot be opened.

    Examples:
        >>> import io, koreabrief as kb
        >>> list(kb.read_jsonl(io.StringIO('{"start": 0, "end": 1}\\n'), kb.Span))
        [Span(start=0, end=1)]
    """
    if isinstance(source, (str, os.PathLike)):
        return _read_jsonl_file(source, cls)
    return _read_jsonl(source, cls)


def _read_jsonl_file(path: str | os.PathLike[str], cls: type[T]) -> Iterator[T]:
    try:
        stream = _open_text(path, "r")
    except OSError as e:
        raise LoadError(f"{path}: cannot read: {e}") from e
    with stream:
        yield from _read_jsonl(stream, cls)


def _read_jsonl(stream: Iterable[str], cls: type[T]) -> Iterator[T]:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield from_json(line, cls)
        except SerializationError as e:
            raise SerializationError(f"line {lineno}: {e}") from e
