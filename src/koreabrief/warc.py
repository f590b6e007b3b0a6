"""WARC archives (``.warc``, ``.warc.gz``): the HTML responses, streamed, through warcio.

A crawl archive (Common Crawl's news archive, a Heritrix or wget crawl) holds
requests, responses, metadata and revisits; only successful HTML responses are
articles. Each comes with the address it was fetched from and the date of the
crawl. Part of the ``[html]`` extra.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from attrs import frozen

from koreabrief.decoding import decode_declared
from koreabrief.errors import LoadError, MissingExtraError

__all__ = ["Response", "responses"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"(?i)charset\s*=\s*[\"']?([\w.:-]{1,40})")


@frozen
class Response:
    """One HTML response of a WARC archive.

    Attributes:
        id: The WARC record's identifier (the UUID of its ``WARC-Record-ID``).
        url: The address the page was fetched from (``WARC-Target-URI``).
        crawled: The day of the crawl (``WARC-Date``, UTC).
        html: The page's markup, decoded (the HTTP charset, else detected).
        warnings: Problems met while decoding.
    """

    id: str
    url: str | None
    crawled: dt.date | None
    html: str
    warnings: tuple[str, ...] = ()


def _warcio() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415 - optional, imported on use
    except ImportError as e:
        raise MissingExtraError(
            f"reading WARC files needs warcio: install the extra: pip install 'koreabrief[html]' ({e})"
        ) from e
    return ArchiveIterator


def _crawl_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def responses(path: Path) -> Iterator[Response]:
    """Stream the successful HTML responses of a WARC file, in archive order.

    Requests, metadata, revisits, redirects and non-HTML payloads are passed
    over. Gzipped archives (one gzip member per record, as crawlers write
    them) are read as they are.

    Raises:
        LoadError: The file is not a WARC archive or breaks off.
        MissingExtraError: warcio is not installed (the ``[html]`` extra).

    Examples:
        >>> import io, pathlib, tempfile, koreabrief as kb
        >>> from warcio.warcwriter import WARCWriter
        >>> from warcio.statusandheaders import StatusAndHeaders
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "crawl.warc.gz"
        >>> with path.open("wb") as fh:
        ...     writer = WARCWriter(fh, gzip=True)
        ...     http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
        ...                             protocol="HTTP/1.1")
        ...     writer.write_record(writer.create_warc_record(
        ...         "https://example.com/news/1", "response",
        ...         payload=io.BytesIO(b"<html><body><p>Seoul said no.</p></body></html>"),
        ...         http_headers=http))
        >>> [(r.url, r.html[:12]) for r in kb.warc.responses(path)]
        [('https://example.com/news/1', '<html><body>')]
    """
    archive_iterator = _warcio()
    try:
        with path.open("rb") as stream:
            for record in archive_iterator(stream, arc2warc=True):
                response = _response(record)
                if response is not None:
                    yield response
    except FileNotFoundError as e:
        raise LoadError(f"{path}: missing (it vanished while loading)") from e
    except LoadError as e:
        raise LoadError(f"{path}: {e}") from e
    except Exception as e:
        # warcio raises its own ArchiveLoadFailed, zlib and EOF errors on a broken archive.
        raise LoadError(f"{path}: not a readable WARC archive ({type(e).__name__}: {e})") from e


def _response(record: Any) -> Response | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or not content_type.startswith(_HTML_TYPES):
        return None
    payload = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:
        # Fewer bytes than the record's Content-Length: the archive breaks off here.
        raise LoadError("WARC archive breaks off inside a record (truncated download?)")
    charset = _CHARSET.search(content_type)
    html, problems = decode_declared(payload, charset.group(1) if charset else None)
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    return Response(
        id=record_id.strip("<>").removeprefix("urn:uuid:"),
        url=record.rec_headers.get_header("WARC-Target-URI"),
        crawled=_crawl_day(record.rec_headers.get_header("WARC-Date")),
        html=html,
        warnings=problems,
    )
