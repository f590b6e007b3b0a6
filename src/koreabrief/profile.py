"""A compact profile of one article for story detection, and the same-story decision.

[`compare`][koreabrief.compare] and [`cluster`][koreabrief.cluster] decide
"same story" with the same function on the same profile, so a pair of articles
gets one answer whichever entry point asks. A profile is small (a 64-value
sketch, dated event signatures, quotation hashes), so a 100k-article corpus
fits in memory without keeping the texts.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from urllib.parse import urlsplit

from attrs import frozen

from koreabrief.align import MAX_DAY_GAP
from koreabrief.judge import date_interval
from koreabrief.models import Facts, Modality, Precision
from koreabrief.quotematch import quote_keys
from koreabrief.similarity import SKETCH_SIZE, estimate_jaccard, shingles, sketch, stable_hash, words

__all__ = ["Profile", "derivation", "profile", "quote_hashes", "same_story"]

#: Shingle similarity at or above which two articles tell the same story.
SAME_STORY_SIMILARITY = 0.3
#: Lower similarity that suffices with other evidence (a shared undated event, a source note).
SUPPORTED_SIMILARITY = 0.1
#: Publication days apart within which a shared undated event counts as evidence.
UNDATED_WINDOW = 3
#: Publication days apart within which a specific undated event (actor and target) links two reports alone.
STRICT_UNDATED_WINDOW = 1
#: Shingle similarity at or above which one text is a copy or light rewrite of the other.
COPY_SIMILARITY = 0.6
_FOREGROUND = frozenset({Modality.ASSERTED, Modality.SCHEDULED})
_DOMAIN = re.compile(r"(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}")

# (type, actors, target, first day ordinal, last day ordinal, day-precise); -1 days when undated
Signature = tuple[str, frozenset[str], str | None, int, int, bool]


@frozen
class Profile:
    """What story detection needs of one article (internal; not exported).

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="North Korea fired a missile.")))
        >>> p.id
        'x'
    """

    id: str
    title: str | None
    outlet: str | None
    domain: str | None
    published: dt.date | None
    original_source: str | None
    sketch: bytes
    #: For short texts, all shingle hashes (sorted), so similarity is exact
    #: where one-permutation MinHash, with most bins empty, would be noisy.
    exact: bytes
    events: tuple[Signature, ...]
    quotes: bytes
    words: int


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:  # a malformed address ("http://[x") names no domain
        return None
    return host.removeprefix("www.") or None


def profile(facts: Facts) -> Profile:
    """Build the profile of one article's facts.

    Examples:
        >>> from koreabrief.models import Article
        >>> profile(Facts(article=Article(id="x", raw="", text="", url="https://www.ex.com/a"))).domain
        'ex.com'
    """
    art = facts.article
    toks = words(art.text)
    grams = shingles(toks)
    exact = b""
    if len(grams) <= SKETCH_SIZE:
        exact = array("I", sorted({stable_hash(g) & 0xFFFFFFFF for g in grams})).tobytes()
    sigs: list[Signature] = []
    for e in facts.events:
        if e.modality not in _FOREGROUND:
            continue
        iv = date_interval(e.time) if e.time is not None else None
        if iv is None:
            # Undated: weak evidence, used only together with text overlap and close publication.
            sigs.append((e.type.value, frozenset(e.actors), e.target, -1, -1, False))
            continue
        day = e.time is not None and e.time.precision is Precision.DAY
        sigs.append((e.type.value, frozenset(e.actors), e.target, iv[0].toordinal(), iv[1].toordinal(), day))
    qkeys: set[int] = set()
    for s in facts.statements:
        qkeys |= quote_keys(s.quote)
    return Profile(
        id=art.id,
        title=art.title,
        outlet=art.outlet,
        domain=_domain(art.url),
        published=art.published,
        original_source=art.original_source,
        sketch=sketch(grams).tobytes(),
        exact=exact,
        events=tuple(sorted(sigs, key=lambda s: (s[0], s[3], sorted(s[1]), s[2] or ""))),
        quotes=array("Q", sorted(qkeys)).tobytes(),
        words=len(toks),
    )


def quote_hashes(p: Profile) -> array[int]:
    """The profile's quotation run hashes (kept as packed bytes to save memory).

    Examples:
        >>> from koreabrief.models import Article, Span, Statement
        >>> st = Statement(quote="we will answer every provocation", span=Span(0, 1))
        >>> len(quote_hashes(profile(Facts(article=Article(id="x", raw="", text=""), statements=(st,)))))
        1
    """
    return array("Q", p.quotes)


def similarity(a: Profile, b: Profile) -> float:
    """Jaccard similarity of two profiles' word 3-shingles: exact for short texts, else estimated.

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="North Korea fired a missile.")))
        >>> similarity(p, p)
        1.0
    """
    if a.exact and b.exact:
        x, y = set(array("I", a.exact)), set(array("I", b.exact))
        return len(x & y) / len(x | y)
    return estimate_jaccard(array("I", a.sketch), array("I", b.sketch))


def _comparable(x: Signature, y: Signature) -> bool:
    if x[0] != y[0]:
        return False
    if x[2] and y[2] and x[2] != y[2]:
        return False
    return bool(x[1] & y[1]) or (not x[1] and not y[1] and x[2] == y[2] and x[2] is not None)


def _gap(x: Signature, y: Signature) -> int:
    if x[4] < y[3]:
        return y[3] - x[4]
    if y[4] < x[3]:
        return x[3] - y[4]
    return 0


def event_links(a: Profile, b: Profile) -> tuple[list[str], list[str]]:
    """Dated events both report (``links``) and same-kind events far apart in time (``clashes``).

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="")))
        >>> event_links(p, p)
        ([], [])
    """
    links: list[str] = []
    clashes: list[str] = []
    for x in a.events:
        for y in b.events:
            if not (x[5] and y[5]) or not _comparable(x, y):
                continue
            gap = _gap(x, y)
            day = dt.date.fromordinal(x[3]).isoformat()
            other = dt.date.fromordinal(y[3]).isoformat()
            if gap <= MAX_DAY_GAP:
                links.append(
                    f"both report a {x[0]} on {day}"
                    if gap == 0
                    else f"both report a {x[0]} ({day} / {other})"
                )
            else:
                clashes.append(f"{x[0]} on {day} vs {other}: different events")
    return sorted(set(links)), sorted(set(clashes))


def undated_links(a: Profile, b: Profile, *, window: int = UNDATED_WINDOW, strict: bool = False) -> list[str]:
    """Undated events both report, when the two were published within `window` days.

    With `strict`, an event counts only if it names its target (a deployment *to
    Russia*, a shipment *to North Korea*): specific enough to tie two independently
    written reports of one day together without any overlap of their wording.

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="")))
        >>> undated_links(p, p)
        []
    """
    if a.published is None or b.published is None:
        return []
    if abs((a.published - b.published).days) > window:
        return []
    out = {
        f"both report a {x[0]} ({', '.join(sorted(x[1] & y[1])) or x[2]}) within days"
        for x in a.events
        for y in b.events
        if x[3] < 0
        and y[3] < 0
        and x[2] == y[2]
        and (x[2] is not None or not strict)
        and (x[1] & y[1] or not strict)
        and _comparable(x, y)
    }
    return sorted(out)


def _names_source(a: Profile, b: Profile) -> bool:
    """Whether `a`'s "Original Source" note names `b`'s outlet or web domain."""
    note = (a.original_source or "").lower()
    if not note:
        return False
    if b.domain and b.domain in {_domain(d) for d in _DOMAIN.findall(note)}:
        return True
    return b.outlet is not None and b.outlet.lower() in note


def same_story(a: Profile, b: Profile) -> tuple[bool, list[str]]:
    """Whether two articles tell the same story, with the evidence in plain words.

    Examples:
        >>> from koreabrief.models import Article
        >>> t = "North Korea fired a ballistic missile into the sea on Monday, the military said."
        >>> pa = profile(Facts(article=Article(id="a", raw="", text=t)))
        >>> pb = profile(Facts(article=Article(id="b", raw="", text=t)))
        >>> same_story(pa, pb)
        (True, ['texts overlap heavily (shingle similarity 1.00)'])
    """
    reasons: list[str] = []
    links, clashes = event_links(a, b)
    if clashes and not links:
        return False, clashes
    sim = similarity(a, b)
    if sim >= SAME_STORY_SIMILARITY:
        reasons.append(f"texts overlap heavily (shingle similarity {sim:.2f})")
    if a.quotes and b.quotes and set(quote_hashes(a)) & set(quote_hashes(b)):
        reasons.append("they share a quotation")
    reasons.extend(links)
    # Weaker evidence counts only together with some overlap of the texts.
    if sim >= SUPPORTED_SIMILARITY:
        for x, y in ((a, b), (b, a)):
            if _names_source(x, y):
                reasons.append(f"{x.id} names {y.id}'s outlet as its original source")
        reasons.extend(undated_links(a, b))
    else:
        # Outlets writing one story independently share few word shingles; a
        # specific undated event reported the same day or the next ties them.
        reasons.extend(undated_links(a, b, window=STRICT_UNDATED_WINDOW, strict=True))
    return bool(reasons), reasons


def derivation(a: Profile, b: Profile, *, shared_contained: str | None = None) -> tuple[str, str, str] | None:
    """Which article is a rewrite of which: ``(rewrite, source, why)``, or None.

    Args:
        a: One article's profile.
        b: The other's.
        shared_contained: The id of the article whose shared quotation is the
            shorter one, contained in the other's (rewrites trim quotations), if known.

    Examples:
        >>> from koreabrief.models import Article
        >>> pa = profile(Facts(article=Article(id="a", raw="", text="x", original_source="www.ex.com")))
        >>> pb = profile(Facts(article=Article(id="b", raw="", text="x", url="https://ex.com/1")))
        >>> derivation(pa, pb)[:2]
        ('a', 'b')
    """
    for x, y in ((a, b), (b, a)):
        if _names_source(x, y):
            return x.id, y.id, f"{x.id} names {y.id}'s outlet as its original source ({x.original_source})"
    notes = (bool(a.original_source), bool(b.original_source))
    if notes[0] != notes[1]:
        x, y = (a, b) if notes[0] else (b, a)
        if y.domain or y.outlet:
            return None  # the note names someone else
        return (
            x.id,
            y.id,
            (f"{x.id} credits an original source ({x.original_source}) and {y.id} carries no such note"),
        )
    sim = similarity(a, b)
    # Independent reports may quote one briefing at different lengths: a trimmed
    # quotation shows a rewrite only together with some reused text.
    trimmed = shared_contained is not None and sim >= SUPPORTED_SIMILARITY
    close = sim >= COPY_SIMILARITY or trimmed
    if close and a.published and b.published and a.published != b.published:
        x, y = (a, b) if a.published > b.published else (b, a)
        return x.id, y.id, f"{x.id} was published after {y.id} and repeats its text or quotations"
    if trimmed and shared_contained is not None:
        y = b if shared_contained == a.id else a
        return shared_contained, y.id, f"{shared_contained} trims a quotation {y.id} carries in full"
    return None
