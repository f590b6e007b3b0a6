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
from collections.abc import Callable

from koreabrief.arguments import require
from koreabrief.cleaning import metadata as md
from koreabrief.cleaning.classify import NAME_BYLINE, Label, byline_name, label_units
from koreabrief.cleaning.glued import split_end_mark, split_head
from koreabrief.cleaning.kinds import AGENCIES, dated_outlet, tagline_outlet
from koreabrief.cleaning.lexicon import Lexicon, default_lexicon
from koreabrief.cleaning.normalise import Line, mojibake, split_lines
from koreabrief.cleaning.normalise import repair_mojibake as repair
from koreabrief.cleaning.published import lead_date, split_stamp, text_date, url_date
from koreabrief.cleaning.slug import slug_words
from koreabrief.cleaning.wraps import join_lines
from koreabrief.errors import ArgumentError
from koreabrief.markup import looks_like_html
from koreabrief.models import Article, Removal, RemovalKind, published_date

__all__ = ["article", "clean"]

_STAMP = "date stamp opening the page"
_NO_BODY = "no article body found: every line looks like page furniture"


def clean(
    raw: str,
    /,
    *,
    id: str = "adhoc",
    url: str | None = None,
    published: dt.date | dt.datetime | str | None = None,
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
        published: The publication date, if known: a `date`, a `datetime`
            (its date) or an ISO string; any other value is an
            [`ArgumentError`][koreabrief.ArgumentError]. Without it, the first
            of these gives it (`Article.published_source` says which): a date
            stamp opening the page ("date 2025-05-08 SEOUL — ..."), a full date
            (with its year) in the page's header or byline lines ("Published
            2025-05-08 09:12", "By Jane Roe | 3 June 2025"), a date in `url`,
            a bare date line, a full date with its weekday in the lead
            ("on Thursday, July 27, 2023"); else None.
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
    published = _given_date(published, "clean")
    if url is not None:
        require(url, str, "clean")
    lexicon = lexicon if lexicon is not None else default_lexicon()
    lines = split_lines(raw)
    stamp, stamp_day = split_stamp(raw, lines)
    head_end: int | None = None  # where the page head flattened into one line ends
    if stamp is not None:  # the stamp's line is a page head flattened into one line
        # The line the stamp opened (or, when the stamp was all of it, the next one).
        first = next((i for i, line in enumerate(lines) if line.text and line.start >= stamp.end), None)
        if first is not None:
            count, end = len(lines), lines[first].end
            split_head(raw, lines, first, slug_words(url, lexicon.address_words))
            head_end = end if len(lines) > count else None
    split_end_mark(raw, lines, lexicon)
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
    # A text cut short (an excerpt) ends mid-line; a saved page ends with a line break.
    open_end = not raw.endswith(("\n", "\r", "\u2028", "\u2029"))
    labels = label_units(join_lines(lines, lexicon), lexicon, title=title, url=url, open_end=open_end)
    if head_end is not None:
        labels = _head_rest(labels, head_end)
    body = [lab.unit.text for lab in labels if lab.kind is None and not lab.title]
    removed = tuple(
        Removal(lab.kind, raw[lab.unit.start : lab.unit.end], lab.unit.start, lab.unit.end, lab.reason)
        for lab in labels
        if lab.kind is not None
    )
    if stamp is not None:
        glued = Removal(RemovalKind.OTHER, raw[stamp.start : stamp.end], stamp.start, stamp.end, _STAMP)
        removed = (glued, *removed)
    page_title = next((lab.unit.text for lab in labels if lab.title), None)
    if not body and labels:
        notes = (*notes, _NO_BODY)
    notes = (*notes, *_shape_warnings(labels))
    text = "\n\n".join(body)
    day, source = _publication(published, stamp_day, labels, url, body)
    opening = _opening(body, lexicon)
    garbled = mojibake(text)
    if garbled is not None:
        notes = (*notes, f"possible mojibake (UTF-8 read as Windows-1252, e.g. {garbled!r}); not repaired")
    return Article(
        id=id,
        raw=raw,
        text=text,
        title=title if title is not None else page_title,
        author=_author(labels, lexicon),
        dateline=md.dateline(opening, lexicon=lexicon) if opening is not None else None,
        original_source=_source(labels, opening or (body[0] if body else None), lexicon),
        outlet=outlet if outlet is not None else _outlet(labels, lexicon),
        url=url,
        removed=removed,
        warnings=notes,
        published=day,
        published_source=source,
    )


def _head_rest(labels: list[Label], head_end: int) -> list[Label]:
    """Label the story lines cut from a flattened page head after its headline: its standfirst.

    The head ("caption | credit Headline Standfirst ...") is one line; the
    story starts on a line of its own below it, so what the head holds after
    the headline is no paragraph of the story.
    """
    title_at = next((i for i, lab in enumerate(labels) if lab.title), None)
    if title_at is None:
        return _head_headline(labels, head_end)
    if labels[title_at].unit.end > head_end:
        return labels
    rest = [i for i in range(title_at + 1, len(labels)) if labels[i].unit.end <= head_end]
    later = any(lab.kind is None and lab.unit.start > head_end for lab in labels)
    if not later:
        return labels
    out = list(labels)
    for i in rest:
        if out[i].kind is None:
            out[i] = out[i]._replace(kind=RemovalKind.OTHER, reason="standfirst in the flattened page head")
    return out


_HEAD_TITLE_MAX_WORDS = 25


def _head_headline(labels: list[Label], head_end: int) -> list[Label]:
    """The headline of a flattened head whose headline was not found: the piece before its date line.

    "U.S. Navy Lt. flies into S. Korea. Mar. 4, 2024 11:20. jroe@example.com":
    the head's first piece, when a date or contact line follows it in the head
    and the story starts below, is the headline (a full stop may end it).
    """
    head = [i for i, lab in enumerate(labels) if lab.unit.end <= head_end]
    if len(head) < 2 or not any(lab.kind is None and lab.unit.start > head_end for lab in labels):
        return labels
    first = labels[head[0]]
    dated = any(labels[i].kind is RemovalKind.BYLINE for i in head[1:])
    if first.kind is not None or not dated or first.unit.text.count(" ") >= _HEAD_TITLE_MAX_WORDS:
        return labels
    out = list(labels)
    out[head[0]] = first._replace(title=True, reason="headline of the flattened head")
    return out


# A page this long on one line has no breaks to tell furniture from the story.
_ONE_LINE_CHARS = 2000
# This many lines of at most a few words each is a list or a broken scrape, not an article.
_SHORT_LINES = 1000
_SHORT_LINE_WORDS = 3


def _shape_warnings(labels: list[Label]) -> tuple[str, ...]:
    """Warnings about a page's shape that cleaning cannot repair: one huge line, thousands of short ones."""
    if len(labels) == 1 and len(labels[0].unit.text) > _ONE_LINE_CHARS:
        n = len(labels[0].unit.text)
        return (f"no line breaks: the page is one line of {n} characters, kept whole",)
    if len(labels) >= _SHORT_LINES:
        words = sum(lab.unit.text.count(" ") + 1 for lab in labels)
        if words <= _SHORT_LINE_WORDS * len(labels):
            return (f"{len(labels)} short lines: a list or a broken scrape rather than an article",)
    return ()


def _publication(
    given: dt.date | None, stamp: dt.date | None, labels: list[Label], url: str | None, body: list[str]
) -> tuple[dt.date | None, str | None]:
    """`published` and where it comes from.

    The caller's date, else the stamp's, a date line saying what its date is
    ("Published: ..."), the address's, a bare date line (often the site's
    today), and last a date with its weekday in the story's lead.
    """
    if given is not None:
        return given, "given"
    if stamp is not None:
        return stamp, "stamp"
    # Each source is read only when the ones before it give nothing.
    sources: list[tuple[Callable[[], dt.date | None], str]] = [
        (lambda: text_date(labels, bare=False), "text"),
        (lambda: url_date(url) if url else None, "url"),
        (lambda: text_date(labels), "text"),
        (lambda: lead_date(body), "text"),
    ]
    for read, source in sources:
        day = read()
        if day is not None:
            return day, source
    return None, None


def _given_date(value: object, where: str) -> dt.date | None:
    """The caller's `published`, read by the rule every Article follows (an `ArgumentError` else)."""
    try:
        return published_date(value)
    except ArgumentError as e:
        raise ArgumentError(f"{where}(): {e}") from None


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


def _source(labels: list[Label], opening: str | None, lexicon: Lexicon) -> str | None:
    """Where the text says it comes from: a source note, the dateline's wire, a credit naming agencies."""
    for lab in labels:
        if lab.kind is RemovalKind.SOURCE_NOTE:
            value = md.source_of(lab.unit.text, lexicon=lexicon)
            if value is not None:
                return value
    wire = md.dateline_source(opening, lexicon=lexicon) if opening is not None else None
    if wire is not None:
        return wire
    for lab in labels:
        if lab.reason == AGENCIES:
            return lab.unit.text.strip(" •·|()[]")
        if lab.kind is RemovalKind.BYLINE:
            credited = md.byline_outlet(lab.unit.text, lexicon=lexicon)
            if credited is not None:
                return credited
    # A wire's sign-off after the story: "(Yonhap)"
    last = max((i for i, lab in enumerate(labels) if lab.kind is None and not lab.title), default=None)
    after = labels[last + 1 :] if last is not None else []
    signed = (_SIGN_OFF.fullmatch(lab.unit.text) for lab in after)
    return next((m.group(1) for m in signed if m is not None and lexicon.outlet_named(m.group(1))), None)


_SIGN_OFF = re.compile(r"\(([A-Z][\w .&/-]{1,30})\)")


# The dateline stands in one of the story's first paragraphs (a standfirst or a caption may come first).
_DATELINE_REACH = 3


def _opening(body: list[str], lexicon: Lexicon) -> str | None:
    """The first of the story's first paragraphs that opens with a dateline, if any."""
    return next((p for p in body[:_DATELINE_REACH] if md.dateline(p, lexicon=lexicon) is not None), None)


def _outlet(labels: list[Label], lexicon: Lexicon) -> str | None:
    for lab in labels:
        if lab.kind is None or lab.kind is RemovalKind.SOURCE_NOTE:
            continue
        text = lab.unit.text
        if lab.kind is RemovalKind.BYLINE:
            dated = dated_outlet(text, lexicon)  # "Example Post|June 20, 2024"
            if dated is not None:
                return dated
        elif lab.kind is RemovalKind.NAVIGATION:
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
    published: dt.date | dt.datetime | str | None = None,
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
        url: The article's address, if known; without `published`, a date
            in it ("/2025/01/06/") may give the publication date.
        published: The publication date (a `date`, a `datetime` or an ISO
            string): relative dates ("on Monday") are resolved against it.
            Without it, the page's date stamp, its date lines, or the address
            give it, as [`clean`][koreabrief.clean] says.
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
    published = _given_date(published, "article")
    if url is not None:
        require(url, str, "article")
    if looks_like_html(raw):
        from koreabrief.loaders import RawRecord  # noqa: PLC0415 - loaders imports this module

        page = RawRecord(raw, id=id, url=url, published=published, outlet=outlet, title=title, markup=True)
        return page.build(lexicon=lexicon)
    return clean(raw, id=id, url=url, published=published, outlet=outlet, title=title, lexicon=lexicon)
