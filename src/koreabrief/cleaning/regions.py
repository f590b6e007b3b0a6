"""Page regions: the furniture runs at the head and tail, link lists and comment threads."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from koreabrief.cleaning.kinds import UnitFacts, is_header, kind_of
from koreabrief.models import RemovalKind

__all__ = ["comment_thread", "edges", "gallery", "link_lists"]

# Words from which a prose line ends a link list.
_PROSE_ITEM_WORDS = 14
_LIST_ITEM_MAX_WORDS = 20
_LIST_ITEM_MAX_CHARS = 160
_TEASER_MAX_WORDS = 70
# Furniture that may sit inside a link list without ending it (dates, thumbnails, counts).
_INSIDE_LISTS = frozenset(
    {RemovalKind.BYLINE, RemovalKind.RATING, RemovalKind.CREDIT, RemovalKind.SHARE, RemovalKind.ADVERT}
)


def link_lists(facts: Sequence[UnitFacts]) -> list[bool]:
    """Which units are items of a link list: short lines after a "Related" header.

    Items may end in a full stop or question mark (headlines of other stories
    do). A teaser (a headline, its summary, its date) counts too: a longer line
    right after an item is part of the list when a date line follows it. The
    list ends at the first other line too long to be a headline.
    """
    listed = [False] * len(facts)
    open_list = False
    for i, f in enumerate(facts):
        if f.matched is not None:
            kind = f.matched[0]
            if kind is RemovalKind.RELATED:
                open_list = is_header(f) or open_list
            elif kind not in _INSIDE_LISTS:
                open_list = False
            continue
        if not open_list:
            continue
        # A long sentence of prose is the story going on after an inline widget, not an item.
        item = (
            len(f.tokens) <= _LIST_ITEM_MAX_WORDS
            and len(f.key) <= _LIST_ITEM_MAX_CHARS
            and not (f.prose and len(f.tokens) >= _PROSE_ITEM_WORDS)
        )
        teaser = (
            len(f.tokens) <= _TEASER_MAX_WORDS
            and i > 0
            and listed[i - 1]
            and i + 1 < len(facts)
            and kind_of(facts[i + 1]) is RemovalKind.BYLINE
        )
        listed[i] = item or teaser
        open_list = listed[i]
    return listed


# A gallery's counter: "1 of 8", "2/8", "Image 3 of 12"
_COUNTER = re.compile(r"(?i:(?:image|photo|picture|slide)\s)?\d{1,3}\s?(?:of|/)\s?\d{1,3}")
_GALLERY_GAP = 4
_COUNTER_WORDS = 4


def gallery(facts: Sequence[UnitFacts]) -> list[bool]:
    """Which units are a picture gallery's captions and credits: the lines between its counters.

    A gallery prints "1 of 8", a caption, a credit, "2 of 8", ...: with two
    counters or more a few lines apart, the lines between consecutive counters
    are the pictures' text, and so are as many lines after the last counter
    as stood between the others (up to a line the lexicon names).
    """
    n = len(facts)
    marks = [
        i
        for i, f in enumerate(facts)
        if len(f.tokens) <= _COUNTER_WORDS and _COUNTER.fullmatch(" ".join(f.tokens)) is not None
    ]
    out = [False] * n
    widths: list[int] = []
    for a, b in itertools.pairwise(marks):
        if 1 < b - a <= _GALLERY_GAP:
            widths.append(b - a - 1)
            for k in range(a + 1, b):
                out[k] = facts[k].matched is None
    if widths and marks:
        last = marks[-1]
        for k in range(last + 1, min(n, last + 1 + max(widths))):
            if facts[k].matched is not None:
                break
            out[k] = True
    return out


_THREAD_KINDS = frozenset(
    {RemovalKind.COMMENTS, RemovalKind.BYLINE, RemovalKind.RATING, RemovalKind.SHARE, RemovalKind.OTHER}
)


def comment_thread(facts: Sequence[UnitFacts]) -> list[bool]:
    """Which units are readers' comments: after a comments header that follows the story.

    A comment is prose, so its neighbours decide: inside a thread, a unit is a
    comment when a neighbour other than the header is comment furniture ("Reply", "2 hours ago",
    "12 likes") or a short line (the commenter's name). The thread ends at the
    first unit with neither.
    """
    n = len(facts)
    thread = [False] * n
    seen_prose = False
    open_thread = False
    header = -1
    for i, f in enumerate(facts):
        if f.matched is not None:
            kind, how = f.matched
            if kind is RemovalKind.COMMENTS and seen_prose and (len(f.tokens) <= 6 or how == "pattern"):
                open_thread, header = True, i
            elif kind not in _THREAD_KINDS:
                open_thread = False
            continue
        if not open_thread:
            seen_prose = seen_prose or f.prose
            continue
        # The header alone is no evidence: a comment count may sit mid-story.
        near = [facts[j] for j in (i - 1, i + 1) if 0 <= j < n and j != header]
        thread[i] = not f.prose or any(kind_of(g) in _THREAD_KINDS or not g.prose for g in near)
        open_thread = thread[i]
    return thread


_ISLAND_GAP = 5
_PROMOS = frozenset({RemovalKind.ADVERT, RemovalKind.SHARE})
_ISLAND_MATCHED = 3
_ISLAND_MAX_WORDS = 60


def edges(
    facts: Sequence[UnitFacts], shaped: Sequence[bool], inline: Sequence[bool] = ()
) -> tuple[int, int, set[int]]:
    """The head run's end, the tail run's start, and prose islands inside the runs.

    The runs are the longest prefix and suffix of furniture-shaped units. A
    short prose unit stopping a run is an island of furniture (a site blurb, a
    promo) when a long stretch of furniture, most of it named by the lexicon,
    separates it from the rest of the prose: then the run goes on past it.
    A stretch that is mostly furniture set inside stories (promo boxes, share
    buttons, the `inline` units: a gallery) makes no island of the lead above it.
    """
    n = len(facts)
    islands: set[int] = set()
    first_headline = -1
    head = 0
    while head < n and shaped[head]:
        head += 1
    while head < n:
        j, named, promos = head, 0, 0
        while j + 1 < n and shaped[j + 1]:
            j += 1
            named += facts[j].matched is not None
            promos += kind_of(facts[j]) in _PROMOS or (j < len(inline) and inline[j])
        # (A newsletter or app box after the lead is set inside the story, not above it.)
        if j + 1 < n and 2 * promos < j - head and _island(facts[head], j - head, named):
            islands.add(head)
            head = j + 1
            continue
        if first_headline < 0:  # (found once: the runs may be extended many times)
            first_headline = next((k for k, f in enumerate(facts) if _headline_shaped(f)), n)
        byline = _byline_ahead(facts, shaped, head, first_headline=first_headline)
        if byline is None:
            break
        islands.update(k for k in range(head, byline) if not shaped[k])
        head = byline
        while head < n and shaped[head]:
            head += 1
    tail = n
    while tail > head and shaped[tail - 1]:
        tail -= 1
    while tail > head:
        p = tail - 1
        j, named = p, 0
        while j - 1 > head and shaped[j - 1]:
            j -= 1
            named += facts[j].matched is not None
        if not _island(facts[p], p - j, named):
            break
        islands.add(p)
        tail = j
    return head, tail, islands


_BYLINE_REACH = 8
_HEADLINE_MIN_WORDS = 3
_LIST_HEADERS = frozenset({RemovalKind.RELATED, RemovalKind.COMMENTS})
_SLOGAN_MAX_WORDS = 6
_DECK_MAX_WORDS = 60


def _headline_shaped(f: UnitFacts) -> bool:
    return f.matched is None and not f.prose and len(f.tokens) >= _HEADLINE_MIN_WORDS


def _byline_ahead(
    facts: Sequence[UnitFacts], shaped: Sequence[bool], start: int, *, first_headline: int
) -> int | None:
    """The byline line closing the page's header, when only a slogan and a standfirst stand before it.

    "Made for minds." (a site's slogan) and a headline's standfirst are prose
    that stops the head run. A byline or date line a few lines below shows the
    header goes on when a headline-shaped line stands before it, with at most a
    slogan of a few words above the headline and one standfirst below it (and
    no link list): the story's own paragraphs are longer or come in numbers.
    A standfirst may stand above the headline instead, when nothing above it
    is headline-shaped (`first_headline`: the index of the page's first
    headline-shaped unit) and the byline names its writer or gives a year.
    """
    slogans = decks = 0
    # The headline may stand right above: then the prose below it is its standfirst.
    headline = start > 0 and _headline_shaped(facts[start - 1])
    # Some pages print the standfirst above the headline: one sentence opening
    # the page (no headline above it), the headline right below.
    upper = (
        first_headline > start
        and start + 1 < len(facts)
        and shaped[start + 1]
        and _headline_shaped(facts[start + 1])
    )
    for j in range(start, min(len(facts), start + _BYLINE_REACH)):
        f = facts[j]
        kind = kind_of(f)
        if kind is RemovalKind.BYLINE:
            # (Above the headline, a standfirst is told from a live page's entry by
            # the byline's name or full date below it: an entry's time is bare.)
            if upper and not _signed_or_dated(f):
                return None
            return j if headline and slogans + decks else None
        if kind in _LIST_HEADERS:
            return None
        if shaped[j]:
            headline = headline or _headline_shaped(f)
        elif headline or (upper and j == start):
            decks += 1
            if decks > 1 or len(f.tokens) > _DECK_MAX_WORDS:
                return None
        else:
            slogans += 1
            if slogans > 1 or len(f.tokens) > _SLOGAN_MAX_WORDS:
                return None
    return None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _signed_or_dated(f: UnitFacts) -> bool:
    """Whether a byline-kind line names its writer ("By ...") or gives a year."""
    return (f.tokens[0].casefold() == "by") or any(_YEAR.search(t) for t in f.tokens)


def _island(f: UnitFacts, gap: int, named: int) -> bool:
    return gap >= _ISLAND_GAP and named >= _ISLAND_MATCHED and len(f.tokens) <= _ISLAND_MAX_WORDS
