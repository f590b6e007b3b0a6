"""Cleaning: from scraped page text to an [`Article`][koreabrief.Article].

The pipeline, each step in its own module:

1. [`normalise`][koreabrief.cleaning.normalise]: split raw text into lines that
   keep their offsets in `raw`; NFC, unified spaces, invisible characters dropped.
2. [`wraps`][koreabrief.cleaning.wraps]: hard-wrap repair joins lines broken
   inside a word or a sentence into units.
3. [`classify`][koreabrief.cleaning.classify]: every unit is labelled body,
   headline, or furniture of a [`RemovalKind`][koreabrief.RemovalKind].
4. [`metadata`][koreabrief.cleaning.metadata]: author, dateline, original source
   and outlet are read from the labelled lines.

Nothing is lost: every non-blank unit of `raw` ends up in the body, as the
title, or as a [`Removal`][koreabrief.Removal] whose offsets index `raw`.

Cleaning is idempotent on its own output: `clean(a.text).text == a.text`. The
headline is not part of `a.text`, so cleaning the text again finds no title.
"""

from __future__ import annotations

import datetime as dt
import re

from koreabrief.arguments import require
from koreabrief.cleaning import metadata as md
from koreabrief.cleaning.classify import NAME_BYLINE, Label, byline_name, label_units
from koreabrief.cleaning.kinds import tagline_outlet
from koreabrief.cleaning.lexicon import Lexicon, default_lexicon
from koreabrief.cleaning.normalise import Line, mojibake, split_lines
from koreabrief.cleaning.normalise import repair_mojibake as repair
from koreabrief.cleaning.wraps import join_lines
from koreabrief.markup import looks_like_html
from koreabrief.models import Article, Removal, RemovalKind

__all__ = ["article", "clean"]

_PUBLISHED = re.compile(r"(?i)\b(?:published|posted|first published|released|date)\b")
_NO_BODY = "no article body found: every line looks like page furniture"


def clean(
    raw: str,
    /,
    *,
    id: str = "adhoc",
    url: str | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    warnings: tuple[str, ...] = (),
    repair_mojibake: bool = False,
    lexicon: Lexicon | None = None,
) -> Article:
    """Clean scraped text into an Article.

    Args:
        raw: The page text as scraped.
        id: The article's identifier.
        url: The article's address, if known.
        published: The publication date, if known. Without it, a full date
            (with its year) in the page's header or byline lines is used
            ("Published 2025-05-08 09:12", "By Jane Roe | 3 June 2025"); else None.
        outlet: The outlet, if known; otherwise read from a line naming it.
        title: A headline known from metadata; it stays the title, and the
            page's own copy of it is not kept in the body. Without it, the
            page's headline line is used.
        warnings: Warnings already met (while loading) to carry on the article.
        repair_mojibake: Undo UTF-8 read as Windows-1252 ("â€™" -> "’") in the
            page's lines before they are classified, so in the body and the
            title, with a warning saying so. Off by default: then such text is
            only flagged, and the body holds exactly the characters of `raw`
            (after normalisation); on, each repaired sequence of `raw` stands
            as the one character it spells. `raw` and the removed lines are
            verbatim either way.
        lexicon: The furniture lexicon; the shipped one by default (see
            [`FurnitureLexicon.extend`][koreabrief.FurnitureLexicon.extend] to
            add an outlet's own furniture to it).

    Returns:
        The article with its body text, metadata and removed lines.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.clean("Menu\\n\\nSeoul Rejects Talks\\n\\nSEOUL: Seoul said no.\\n\\nShare it")
        >>> (a.title, a.text, a.dateline, [r.kind.value for r in a.removed])
        ('Seoul Rejects Talks', 'SEOUL: Seoul said no.', 'SEOUL', ['navigation', 'share'])
    """
    require(raw, str, "clean")
    lexicon = lexicon if lexicon is not None else default_lexicon()
    lines = split_lines(raw)
    notes = warnings
    if repair_mojibake and mojibake(raw) is not None:
        # Repaired line by line, before classification: the classifier, the
        # title and the body all see the text as it was meant.
        example, fixed = mojibake(raw), 0
        for i, line in enumerate(lines):
            if mojibake(line.text) is not None:
                text, n = repair(line.text)
                lines[i], fixed = Line(line.start, line.end, text), fixed + n
        if fixed:
            notes = (
                *notes,
                f"mojibake repaired (UTF-8 read as Windows-1252, e.g. {example!r}): {fixed} fixed",
            )
    labels = label_units(join_lines(lines, lexicon), lexicon, title=title)
    body = [lab.unit.text for lab in labels if lab.kind is None and not lab.title]
    removed = tuple(
        Removal(lab.kind, raw[lab.unit.start : lab.unit.end], lab.unit.start, lab.unit.end, lab.reason)
        for lab in labels
        if lab.kind is not None
    )
    page_title = next((lab.unit.text for lab in labels if lab.title), None)
    if not body and labels:
        notes = (*notes, _NO_BODY)
    text = "\n\n".join(body)
    garbled = mojibake(text)
    if garbled is not None:
        notes = (*notes, f"possible mojibake (UTF-8 read as Windows-1252, e.g. {garbled!r}); not repaired")
    return Article(
        id=id,
        raw=raw,
        text=text,
        title=title if title is not None else page_title,
        author=_author(labels, lexicon),
        dateline=md.dateline(body[0], lexicon=lexicon) if body else None,
        original_source=_source(labels),
        outlet=outlet if outlet is not None else _outlet(labels, lexicon),
        url=url,
        published=published if published is not None else _page_date(labels),
        removed=removed,
        warnings=notes,
    )


def _page_date(labels: list[Label]) -> dt.date | None:
    """The publication date a page states in its header or byline lines, if any.

    Only furniture before the body (and bylines anywhere) is read, a line that
    says "published" or "posted" first (a bare date atop a page is often today's),
    and only a date with its year counts: nothing is guessed.
    """
    lines: list[str] = []
    for i, lab in enumerate(labels):
        if lab.kind is None and not lab.title:
            lines.extend(b.unit.text for b in labels[i:] if b.kind is RemovalKind.BYLINE)
            break  # the body has begun: later dates are the story's own, or related links'
        if lab.kind is not None:
            lines.append(lab.unit.text)
    stated = (md.page_date(t) for t in lines if _PUBLISHED.search(t))
    return next((d for d in stated if d is not None), None) or next(
        (d for d in map(md.page_date, lines) if d is not None), None
    )


def _author(labels: list[Label], lexicon: Lexicon) -> str | None:
    fallback: str | None = None
    for lab in labels:
        if lab.kind is RemovalKind.BYLINE:
            name = (
                byline_name(lab.unit.text)
                if lab.reason == NAME_BYLINE
                else md.byline_author(lab.unit.text, lexicon=lexicon)
            )
            if name is not None:
                return name
        elif lab.kind is RemovalKind.AUTHOR_BIO and fallback is None:
            fallback = md.bio_author(lab.unit.text, lexicon)
        elif lab.kind is RemovalKind.CREDIT and fallback is None:
            fallback = md.reporting_author(lab.unit.text)
    return fallback


def _source(labels: list[Label]) -> str | None:
    for lab in labels:
        if lab.kind is RemovalKind.SOURCE_NOTE:
            value = md.source_of(lab.unit.text)
            if value is not None:
                return value
    return None


def _outlet(labels: list[Label], lexicon: Lexicon) -> str | None:
    for lab in labels:
        if lab.kind is None or lab.kind is RemovalKind.SOURCE_NOTE:
            continue
        text = lab.unit.text
        if lab.kind is RemovalKind.NAVIGATION:
            # "NK News", or the name with the site's tagline: "38 North: News and Analysis"
            named = lexicon.outlet_named(text) or tagline_outlet(text, lexicon)
            if named is not None:
                return named
        elif lab.kind is RemovalKind.OTHER and ("©" in text or "copyright" in text[:40].casefold()):
            named = lexicon.outlet_in(text)
            if named is not None:
                return named
    return None


def article(
    raw: str,
    /,
    *,
    id: str,
    url: str | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    lexicon: Lexicon | None = None,
) -> Article:
    """Build a cleaned Article from raw text (or an HTML page) and its metadata.

    The same as [`clean`][koreabrief.clean], with the identifier required: the
    way to bring a text from your own pipeline (a database row, a crawler's
    record) into koreabrief. An HTML page is recognised by its markup and read
    with trafilatura first (the ``[html]`` extra), as
    [`load`][koreabrief.load] reads ``.html`` files.

    Args:
        raw: The page text as scraped, or the page's HTML.
        id: The article's identifier, unique within the corpus.
        url: The article's address, if known (a date in it is not read here;
            [`load`][koreabrief.load] does that for records).
        published: The publication date: relative dates ("on Monday") are
            resolved against it.
        outlet: The publishing outlet, if known.
        title: A headline known from metadata; the page's own copy of it is
            kept out of the body.
        lexicon: The furniture lexicon; the shipped one by default.

    Returns:
        The cleaned article.

    Raises:
        MissingExtraError: HTML without the ``[html]`` extra.

    Examples:
        >>> import koreabrief as kb
        >>> import datetime as dt
        >>> a = kb.article("Seoul said.", id="n1", published=dt.date(2025, 1, 6))
        >>> (a.id, a.published.isoformat())
        ('n1', '2025-01-06')
    """
    require(raw, str, "article")
    if looks_like_html(raw):
        from koreabrief.loaders import RawRecord  # noqa: PLC0415 - loaders imports this module

        page = RawRecord(raw, id=id, url=url, published=published, outlet=outlet, title=title, markup=True)
        return page.build(lexicon=lexicon)
    return clean(raw, id=id, url=url, published=published, outlet=outlet, title=title, lexicon=lexicon)
