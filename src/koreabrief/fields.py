"""Scraper records: the field names of trafilatura, newspaper4k, news-please and
database rows, read onto the fields of an Article.

The names live in ``koreabrief/data/fields.toml``; for each Article field they are
tried in order and the first usable value wins. Keys that are neither read nor
knowingly left aside are reported, so a metadata field is never lost silently.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from importlib import resources
from typing import Any

from attrs import frozen

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["FieldNames", "Scraped", "field_names", "read_fields", "records_in"]

_URL = re.compile(r"(?i)^(?:https?://|www\.)\S+$")
# Placeholders that stand for "no value" in scrapers' JSON (news-please writes str(None)).
_EMPTY = frozenset({"", "none", "null", "nan", "n/a"})


@frozen
class FieldNames:
    """The names a record's fields may carry, per Article field, and the names left aside.

    Examples:
        >>> import koreabrief as kb
        >>> kb.fields.field_names().published[:3]
        ('published', 'date', 'publish_date')
    """

    id: tuple[str, ...]
    text: tuple[str, ...]
    html: tuple[str, ...]
    url: tuple[str, ...]
    published: tuple[str, ...]
    outlet: tuple[str, ...]
    title: tuple[str, ...]
    author: tuple[str, ...]
    ignored: frozenset[str]
    containers: tuple[str, ...] = ()

    @functools.cached_property
    def known(self) -> frozenset[str]:
        """Every name that is read or knowingly left aside."""
        read = (self.id, self.text, self.html, self.url, self.published, self.outlet, self.title, self.author)
        return frozenset(name for names in read for name in names) | self.ignored


@functools.cache
def field_names() -> FieldNames:
    """The shipped field names (``data/fields.toml``), read once.

    Examples:
        >>> import koreabrief as kb
        >>> "maintext" in kb.fields.field_names().text
        True
    """
    text = resources.files("koreabrief").joinpath("data").joinpath("fields.toml").read_text("utf-8")
    data = tomllib.loads(text)
    f = data["fields"]
    return FieldNames(
        **{key: tuple(f[key]) for key in ("id", "text", "html", "url", "published", "outlet", "title")},
        author=tuple(f["author"]),
        ignored=frozenset(data["ignored"]["names"]),
        containers=tuple(data["containers"]["names"]),
    )


@frozen
class Scraped:
    """What a record says, by Article field; values as found (dates unparsed).

    Attributes:
        id: The record's identifier.
        text: The article's text.
        html: The page's HTML (read when there is no text).
        url: The article's address.
        published: The publication date as written (text, a number or None).
        outlet: The outlet's name, or the site's host name without ``www.``.
        title: The headline.
        author: The author(s), joined with ", ".
        unknown: Keys neither read nor known to be left aside.

    Examples:
        >>> import koreabrief as kb
        >>> kb.fields.read_fields({"text": "Seoul said no.", "source": "Example Wire"}).outlet
        'Example Wire'
    """

    id: str | None = None
    text: Any = None
    html: str | None = None
    url: str | None = None
    published: Any = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    unknown: tuple[str, ...] = ()


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip().casefold() not in _EMPTY
    return not (isinstance(value, (list, tuple, dict)) and not value)


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    return next((record[n] for n in names if n in record and _present(record[n])), None)


def _string(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _url(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = _string(record.get(name))
        if value is not None and _URL.match(value):
            return value
    return None


def _outlet(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, Mapping):  # NewsAPI: "source": {"id": ..., "name": "Example News"}
            value = value.get("name")
        value = _string(value)
        if value is None or (_URL.match(value) and "/" in value.split("//", 1)[-1].rstrip("/")):
            continue  # an address with a path is a page, not an outlet
        if value.startswith(("http://", "https://")):
            value = value.split("//", 1)[1].rstrip("/")
        return value[4:] if value.casefold().startswith("www.") else value
    return None


def _author(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        names = [n.strip() for n in value if isinstance(n, str) and n.strip()]
        return ", ".join(dict.fromkeys(names)) or None
    return _string(value)


def records_in(document: Any, names: FieldNames | None = None) -> list[Any]:
    """The records of a parsed JSON document: an array, or the list a response wraps them in.

    Examples:
        >>> import koreabrief as kb
        >>> kb.fields.records_in({"status": "ok", "articles": [{"content": "Seoul said no."}]})
        [{'content': 'Seoul said no.'}]
        >>> kb.fields.records_in({"text": "Seoul said no."})
        [{'text': 'Seoul said no.'}]
    """
    if isinstance(document, list):
        return document
    n = names if names is not None else field_names()
    own_text = isinstance(document, Mapping) and _first(document, (*n.text, *n.html)) is not None
    if isinstance(document, Mapping) and not own_text:
        for key in n.containers:
            inner = document.get(key)
            if isinstance(inner, list) and inner and all(isinstance(r, Mapping) for r in inner):
                return inner
    return [document]


def read_fields(record: Mapping[str, Any], names: FieldNames | None = None) -> Scraped:
    """Read a scraper's record onto Article fields.

    Args:
        record: One JSON object as a scraper wrote it.
        names: The field names to read; the shipped ones by default.

    Returns:
        The values found, and the keys that were not understood.

    Examples:
        >>> import koreabrief as kb
        >>> s = kb.fields.read_fields({"maintext": "Seoul said no.", "date_publish": "2025-01-06 09:00:00",
        ...     "authors": ["Jane Roe"], "source_domain": "www.example.com", "views": 3})
        >>> (s.text, s.published, s.author, s.outlet, s.unknown)
        ('Seoul said no.', '2025-01-06 09:00:00', 'Jane Roe', 'example.com', ('views',))
    """
    n = names if names is not None else field_names()
    rid = _first(record, n.id)
    html = _first(record, n.html)
    return Scraped(
        id=str(rid) if rid is not None and not isinstance(rid, (dict, list)) else None,
        text=_first(record, n.text),
        html=html if isinstance(html, str) else None,
        url=_url(record, n.url),
        published=_first(record, n.published),
        outlet=_outlet(record, n.outlet),
        title=_string(_first(record, n.title)),
        author=_author(_first(record, n.author)),
        unknown=tuple(sorted(k for k in record if k not in n.known)),
    )
