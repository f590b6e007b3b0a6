"""HTML pages: the main text and metadata through trafilatura (the ``[html]`` extra).

trafilatura finds the article in the page's markup and drops menus, footers and
comments; htmldate (through trafilatura) reads the publication date. What
trafilatura keeps still holds page furniture (bylines, captions, "Read more"
links, teaser headlines), so koreabrief's own cleaner runs over it afterwards:
see [`RawRecord.build`][koreabrief.loaders.RawRecord.build].
"""

from __future__ import annotations

import re
from typing import Any

from attrs import frozen

from koreabrief.errors import MissingExtraError

__all__ = ["Page", "looks_like_html", "main_text", "require_html"]

# A page starts with a doctype, a comment or one of the tags a page or a fragment of
# one opens with; plain news text does not. Read on the first 1,000 characters only.
# Text that merely holds a few tags (scraped text with leftovers) stays text.
_MARKUP_START = re.compile(
    r"(?i)\A\s*(?:<!doctype\s+html|<!--|<\?xml[^>]{0,200}>\s*<(?:!doctype\s+html|html)"
    r"|<(?:html|head|body|meta|title|article|main|div|section|p|table|header|nav)\b[^<>]{0,500}>)"
)
_HINT = "install the extra: pip install 'koreabrief[html]'"


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML page or fragment rather than plain text.

    True when it opens (after white space) with a doctype, a comment or one of
    the tags pages and fragments open with (``<html>``, ``<div>``, ``<p>`` ...).

    Examples:
        >>> import koreabrief as kb
        >>> kb.markup.looks_like_html("<!DOCTYPE html><html><body><p>Seoul said.</p></body></html>")
        True
        >>> kb.markup.looks_like_html("Seoul said the <b> tag was bold.")
        False
    """
    return _MARKUP_START.match(text[:1000]) is not None


def require_html() -> None:
    """Raise [`MissingExtraError`][koreabrief.MissingExtraError] unless trafilatura can be imported.

    Examples:
        >>> import koreabrief as kb
        >>> kb.markup.require_html()  # the [html] extra is installed here
    """
    try:
        import trafilatura  # noqa: F401, PLC0415 - an optional dependency, imported on use
    except ImportError as e:
        raise MissingExtraError(f"reading HTML needs trafilatura: {_HINT} ({e})") from e


@frozen
class Page:
    """What trafilatura read from a page: its main text and metadata.

    Attributes:
        text: The main text, one paragraph (or heading, list item) per block,
            blocks separated by a blank line; "" when no main text was found.
        title: The headline from the page's metadata.
        author: The author(s) from the page's metadata.
        date: The publication date as htmldate found it (ISO text).
        outlet: The site's name, else its host name.
        warnings: Problems met while reading the page.
    """

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    outlet: str | None = None
    warnings: tuple[str, ...] = ()


def main_text(html: str, /, *, url: str | None = None) -> Page:
    """The main text and metadata of an HTML page, through trafilatura.

    Comments are left out; the original publication date is preferred over an
    update's (htmldate's ``original_date``).

    Args:
        html: The page's markup.
        url: The page's address; it helps trafilatura and htmldate.

    Returns:
        The page's main text and metadata.

    Raises:
        MissingExtraError: trafilatura is not installed (the ``[html]`` extra).

    Examples:
        >>> import koreabrief as kb
        >>> page = kb.markup.main_text(
        ...     "<html><head><title>Seoul rejects talks</title></head><body><nav><a href='/'>Home</a></nav>"
        ...     "<article><p>SEOUL: South Korea rejected the offer of talks on Monday, officials said, "
        ...     "citing the latest missile launch.</p></article></body></html>"
        ... )
        >>> (page.title, page.text[:30])
        ('Seoul rejects talks', 'SEOUL: South Korea rejected th')
    """
    require_html()
    import trafilatura  # noqa: PLC0415 - an optional dependency, imported on use

    try:
        doc: Any = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except Exception as e:  # a broken page must give an empty article with a warning, not a crash
        return Page(text="", warnings=(f"trafilatura could not read the page ({type(e).__name__})",))
    if doc is None:
        return Page(text="")
    # One block per line in trafilatura's text; a blank line between blocks keeps
    # the cleaner's hard-wrap repair from joining a heading to the next paragraph.
    blocks = [line.strip() for line in (doc.text or "").split("\n")]
    text = "\n\n".join(b for b in blocks if b)
    return Page(
        text=text,
        title=_clean(doc.title),
        author=_clean(doc.author),
        date=_clean(doc.date),
        outlet=_clean(doc.sitename) or _host(doc.hostname),
    )


def _clean(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _host(value: object) -> str | None:
    host = _clean(value)
    if host is None:
        return None
    return host[4:] if host.casefold().startswith("www.") else host
