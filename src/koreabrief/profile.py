"""A compact profile of one article for story detection, and the same-story decision.

[`compare`][koreabrief.compare] and [`cluster`][koreabrief.cluster] decide
"same story" pairwise with the same function on the same profile, so a pair of
articles gets one answer whichever entry point asks (`cluster` adds corpus
evidence on top, see `koreabrief.clustering`, and `koreabrief.clashes` says
when two articles tell different stories whatever else they share). A profile is small
(a 128-value sketch, dated event signatures, quotation hashes, story terms), so
a 100k-article corpus fits in memory without keeping the texts.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from array import array
from collections.abc import Collection
from importlib import resources
from urllib.parse import urlsplit

from attrs import frozen

from koreabrief.align import MAX_DAY_GAP
from koreabrief.gazetteer import Gazetteer
from koreabrief.judge import date_interval
from koreabrief.models import Article, Facts, Modality, Precision, SanctionStatus
from koreabrief.quotematch import quote_keys
from koreabrief.similarity import SKETCH_SIZE, estimate_jaccard, shingle_hashes, sketch_hashes, words
from koreabrief.terms import designators, lead_day, stamped_date, story_terms

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "Profile",
    "containment",
    "derivation",
    "fresh",
    "lead_links",
    "own_similarity",
    "profile",
    "quote_hashes",
    "same_story",
    "shared_quotation",
    "wire_credit",
    "wire_outlet",
]

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
#: Share of the shorter text's shingles found in the longer at or above which it is a
#: (trimmed) copy: a syndicated copy that drops the last paragraphs is still a copy.
COPY_CONTAINMENT = 0.8
#: Days after an event within which a report of it is news: an event a report
#: recalls later (a follow-up, an analysis) does not tie it to the breaking reports.
FRESH_DAYS = 2
_FOREGROUND = frozenset({Modality.ASSERTED, Modality.SCHEDULED})
# A dateline crediting an agency: "SEOUL, Oct. 31 (Yonhap) --", "SEOUL, South Korea (AP) —".
_DATELINE = re.compile(r"[A-Z][A-Za-z0-9 .,'-]{0,60}\(([A-Za-z][A-Za-z-]{1,20})\)\s*(?:--|—|–|-)")
_DATELINE_WINDOW = 90
#: Characters either side of a quotation read for the words it joins.
_EDGE = 60
_EMPTY = 0xFFFFFFFF
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
    #: The article's lead events: foreground events of its first paragraph (else its first one).
    lead: tuple[Signature, ...] = ()
    #: Quotation run hashes of institutional speakers (a ministry, the JCS): stock
    #: lines such bodies repeat at every launch, weaker evidence than a person's words.
    stock_quotes: bytes = b""
    #: For a short text with quotations, the shingle hashes outside them.
    own_exact: bytes = b""
    #: For a text with quotations, a bit per sketch bin held by a quoted shingle;
    #: empty when the article quotes no one (its own words are then all of it).
    quoted_bins: bytes = b""
    #: The news agency the article's dateline credits ("SEOUL, Oct. 31 (Yonhap) --").
    wire: str | None = None
    #: Whether the article is that agency's own (its outlet or domain is the agency).
    wire_own: bool = False
    #: The article's story terms (see [`story_terms`][koreabrief.terms.story_terms]), sorted.
    terms: tuple[str, ...] = ()
    #: How often each term occurs (one byte per term, capped at 255).
    term_counts: bytes = b""
    #: The main numbered name of each family ("hwasong:17", "resolution:2397").
    designators: tuple[str, ...] = ()
    #: Who imposes the sanctions in force that the title or first paragraph reports.
    authorities: tuple[str, ...] = ()
    #: How many run hashes each quotation has in `quotes` (which lists them quotation by quotation).
    quote_sizes: bytes = b""
    #: The ``(month, day)`` the dateline names.
    lead_day: tuple[int, int] | None = None
    #: The date a stamp at the head of the page gives (``2023-07-18``), when it has no publication date.
    stamped: dt.date | None = None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:  # a malformed address ("http://[x") names no domain
        return None
    return host.removeprefix("www.") or None


def _quoted_shingles(text: str, facts: Facts) -> set[int]:
    """Hashes of the shingles inside a quotation or straddling its edges: not the writer's own words.

    Linear in the quotations: each adds its own shingles and the two or three that
    join it to the words just before and after it in the text.
    """
    out: set[int] = set()
    for st in facts.statements:
        qw = words(st.quote)
        if not qw:
            continue
        out |= shingle_hashes(qw)
        if st.span.end > len(text):
            continue
        before = words(text[max(0, st.span.start - _EDGE) : st.span.start])[-2:]
        after = words(text[st.span.end : st.span.end + _EDGE])[:2]
        for seq in (before + qw[:2], qw[-2:] + after):
            if len(seq) >= 3:
                out |= shingle_hashes(seq)
    return out


def _quoted_bins(full: array[int], quoted: set[int]) -> bytes:
    """A bit per sketch bin whose minimum is a quoted shingle's (so not the writer's own)."""
    mask = bytearray(SKETCH_SIZE // 8)
    for h in quoted:
        slot = h % SKETCH_SIZE
        if full[slot] == (h >> 32) & 0xFFFFFFFE:
            mask[slot // 8] |= 1 << (slot % 8)
    return bytes(mask)


def _exact(hashes: Collection[int]) -> bytes:
    """Sorted 32-bit hashes of a short text's shingles (empty for a long text)."""
    if len(hashes) > SKETCH_SIZE:
        return b""
    return array("I", sorted({h & 0xFFFFFFFF for h in hashes})).tobytes()


@functools.cache
def _wires() -> dict[str, tuple[str, ...]]:
    text = resources.files("koreabrief").joinpath("data/compare.toml").read_text(encoding="utf-8")
    return {k: tuple(v) for k, v in tomllib.loads(text).get("wires", {}).items()}


def wire_credit(text: str) -> str | None:
    """The news agency a dateline at the head of `text` credits, by its credit as written.

    Examples:
        >>> wire_credit("SEOUL, Oct. 31 (Yonhap) -- North Korea fired a missile.")
        'Yonhap'
        >>> wire_credit("SEOUL, South Korea (AP) — The minister said.") , wire_credit("No dateline.")
        ('AP', None)
    """
    m = _DATELINE.match(text[:_DATELINE_WINDOW])
    if m is None or m.group(1).lower() not in _wires():
        return None
    return m.group(1)


def wire_outlet(credit: str, outlet: str | None, domain: str | None) -> bool:
    """Whether an outlet (or web domain) is the agency a dateline credits.

    Examples:
        >>> wire_outlet("Yonhap", "Yonhap News Agency", None), wire_outlet("AP", "Capitol Ledger", None)
        (True, False)
    """
    names = _wires().get(credit.lower(), ())
    where = " ".join(x.lower() for x in (outlet, domain) if x)
    return any(re.search(rf"\b{re.escape(n)}\b", where) for n in (credit.lower(), *names))


@functools.cache
def _authority_aliases() -> dict[str, str]:
    text = resources.files("koreabrief").joinpath("data/compare.toml").read_text(encoding="utf-8")
    return {k: str(v) for k, v in tomllib.loads(text).get("story_authorities", {}).items()}


def _lead_authorities(facts: Facts) -> tuple[str, ...]:
    """Who imposes the sanctions in force reported in the first paragraph, one name per voice."""
    text = facts.article.text
    end = text.find("\n\n")
    end = len(text) if end < 0 else end
    aliases = _authority_aliases()
    return tuple(
        sorted(
            {
                aliases.get(s.authority, s.authority)
                for s in facts.sanctions
                if s.authority and s.status is SanctionStatus.IN_FORCE and s.span.start < end
            }
        )
    )


def _lead(facts: Facts, sigs: list[tuple[int, Signature]]) -> tuple[Signature, ...]:
    """The signatures of the events the first paragraph reports (else of the first event)."""
    if not sigs:
        return ()
    first_break = facts.article.text.find("\n\n")
    end = first_break if first_break >= 0 else len(facts.article.text)
    lead = [sig for start, sig in sigs if start < end]
    return tuple(lead) if lead else (min(sigs, key=lambda x: x[0])[1],)


def profile(facts: Facts, *, gazetteer: Gazetteer | None = None) -> Profile:
    """Build the profile of one article's facts.

    Args:
        facts: The article's facts.
        gazetteer: Tells institutions from people among the speakers (an
            institution's quotations are stock lines); the shipped one by default.

    Examples:
        >>> from koreabrief.models import Article
        >>> profile(Facts(article=Article(id="x", raw="", text="", url="https://www.ex.com/a"))).domain
        'ex.com'
    """
    g = gazetteer or Gazetteer.default()
    art = facts.article
    toks = words(art.text)
    # Each shingle is hashed once, for the sketch of the whole text and of its own words.
    hashed = shingle_hashes(toks)
    exact = _exact(hashed)
    full = sketch_hashes(hashed)
    own_exact = quoted_bins = b""
    if facts.statements:
        quoted = _quoted_shingles(art.text, facts)
        quoted_bins = _quoted_bins(full, quoted)
        if exact:
            own_exact = _exact(hashed - quoted)
    placed: list[tuple[int, Signature]] = []
    for e in facts.events:
        if e.modality not in _FOREGROUND:
            continue
        iv = date_interval(e.time) if e.time is not None else None
        if iv is None:
            # Undated: weak evidence, used only together with text overlap and close publication.
            placed.append((e.span.start, (e.type.value, frozenset(e.actors), e.target, -1, -1, False)))
            continue
        day = e.time is not None and e.time.precision is Precision.DAY
        sig = (e.type.value, frozenset(e.actors), e.target, iv[0].toordinal(), iv[1].toordinal(), day)
        placed.append((e.span.start, sig))
    sigs = [sig for _, sig in placed]
    qkeys: list[int] = []
    sizes: list[int] = []
    stock: set[int] = set()
    for s in facts.statements:
        speaker = g.resolve(s.speaker) if s.speaker else None
        keys = quote_keys(s.quote)
        if keys:
            qkeys.extend(sorted(keys))
            sizes.append(min(len(keys), 0xFFFF))
        if speaker is not None and speaker.kind != "person":
            stock |= keys
    wire = wire_credit(art.text)
    counted = story_terms(art, gazetteer=g, tokens=toks)
    terms = tuple(sorted(counted))
    counts = list(map(counted.__getitem__, terms))
    if counts and max(counts) > 255:
        counts = [min(c, 255) for c in counts]
    return Profile(
        id=art.id,
        title=art.title,
        outlet=art.outlet,
        domain=_domain(art.url),
        published=art.published,
        original_source=_credited(art, wire),
        sketch=full.tobytes(),
        exact=exact,
        events=tuple(sorted(sigs, key=lambda s: (s[0], s[3], sorted(s[1]), s[2] or ""))),
        quotes=array("Q", qkeys).tobytes(),
        words=len(toks),
        lead=_lead(facts, placed),
        stock_quotes=array("Q", sorted(stock)).tobytes(),
        own_exact=own_exact,
        quoted_bins=quoted_bins,
        wire=wire,
        wire_own=wire is not None and wire_outlet(wire, art.outlet, _domain(art.url)),
        terms=tuple(map(sys.intern, terms)),
        term_counts=bytes(counts),
        designators=designators(art),
        authorities=_lead_authorities(facts),
        quote_sizes=array("H", sizes).tobytes(),
        lead_day=lead_day(art),
        stamped=stamped_date(art) if art.published is None else None,
    )


def _credited(art: Article, wire: str | None) -> str | None:
    """The article's original source when it credits someone else: its dateline's own
    wire ("SEOUL (Yonhap) --", kept as `wire`) or its own outlet is no source note."""
    note = art.original_source
    if note is None:
        return None
    folded = note.casefold()
    if (wire is not None and folded == wire.casefold()) or (art.outlet and art.outlet.casefold() in folded):
        return None
    return note


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


def containment(a: Profile, b: Profile, *, sim: float | None = None) -> float:
    """Estimated share of the shorter text's shingles that the longer one has too.

    From the Jaccard similarity `sim` (computed if not given) and the two texts'
    lengths: ``|A & B| = J (|A| + |B|) / (1 + J)``.

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="North Korea fired a missile.")))
        >>> containment(p, p)
        1.0
    """
    j = similarity(a, b) if sim is None else sim
    na, nb = max(a.words - 2, 1), max(b.words - 2, 1)
    return min(1.0, j * (na + nb) / ((1 + j) * min(na, nb)))


def own_similarity(a: Profile, b: Profile, *, full: float | None = None) -> float:
    """Similarity of the two texts outside their quotations (the writers' own words).

    Two reports quoting one long statement overlap in the quotation only; this
    tells them from copies, which share their own sentences too. `full`, the
    sketch estimate of [`similarity`][koreabrief.profile.similarity] if already
    known, saves a pass over the sketches.

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="North Korea fired a missile.")))
        >>> own_similarity(p, p)
        1.0
    """
    if not (a.quoted_bins or b.quoted_bins):
        return similarity(a, b)
    ea, eb = (p.own_exact if p.quoted_bins else p.exact for p in (a, b))
    if ea and eb:
        ha, hb = set(array("I", ea)), set(array("I", eb))
        return len(ha & hb) / len(ha | hb)
    # Sketches: the bins a quoted shingle holds on either side are left out of the estimate.
    masked = int.from_bytes(a.quoted_bins or b"\0", "little") | int.from_bytes(
        b.quoted_bins or b"\0", "little"
    )
    sa, sb = array("I", a.sketch), array("I", b.sketch)
    if full is None or (a.exact and b.exact):
        full = estimate_jaccard(sa, sb)
    n = len(sa)
    same, kept = round(full * n), n
    while masked:  # only the masked bins are visited
        low = masked & -masked
        i = low.bit_length() - 1
        masked ^= low
        if i < n:
            same -= sa[i] == sb[i] and sa[i] != _EMPTY
            kept -= 1
    return max(same, 0) / kept if kept > 0 else 0.0


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
            if gap <= MAX_DAY_GAP and not _own_days(a, b, x, y):
                links.append(
                    f"both report a {x[0]} on {day}"
                    if gap == 0
                    else f"both report a {x[0]} ({day} / {other})"
                )
            elif gap > MAX_DAY_GAP:
                clashes.append(f"{x[0]} on {day} vs {other}: different events")
            else:
                clashes.append(
                    f"{x[0]} on {day} vs {other}, each reported the day it happened: different events"
                )
    return sorted(set(links)), sorted(set(clashes))


def _own_days(a: Profile, b: Profile, x: Signature, y: Signature) -> bool:
    """Two days apart, each on its own report's publication day: two events, not one misdated.

    A launch on Monday reported on Monday and one on Wednesday reported on
    Wednesday are two launches; a day apart stays one event with a date
    conflict (or time zones) to report.
    """
    if a.published is None or b.published is None or _gap(x, y) < 2:
        return False
    return x[3] == x[4] == a.published.toordinal() and y[3] == y[4] == b.published.toordinal()


def fresh(p: Profile, sig: Signature) -> bool:
    """Whether the article reports the event as news: at most `FRESH_DAYS` after it (or undated).

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="")))
        >>> fresh(p, ("missile_launch", frozenset(), None, 1, 1, True))
        True
    """
    return p.published is None or sig[4] >= p.published.toordinal() - FRESH_DAYS


def lead_links(a: Profile, b: Profile) -> list[str]:
    """Dated events that lead both articles and are news in both: evidence of one story by themselves.

    An event only one article leads with, or that one recalls days later (a
    follow-up on the allies' response, an analysis of the month), is context,
    not the story.

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="")))
        >>> lead_links(p, p)
        []
    """
    out: set[str] = set()
    for x in a.lead:
        for y in b.lead:
            if not (x[5] and y[5]) or not _comparable(x, y) or _gap(x, y) > MAX_DAY_GAP:
                continue
            if _own_days(a, b, x, y):
                continue
            if not (fresh(a, x) and fresh(b, y)):
                continue
            day, other = dt.date.fromordinal(x[3]).isoformat(), dt.date.fromordinal(y[3]).isoformat()
            out.add(
                f"both lead with a {x[0]} on {day}"
                if day == other
                else f"both lead with a {x[0]} ({day} / {other})"
            )
    return sorted(out)


def _quotations(p: Profile) -> list[set[int]]:
    """The run hashes of each quotation of the profile, quotation by quotation."""
    keys = quote_hashes(p)
    sizes = array("H", p.quote_sizes) if p.quote_sizes else array("H", [len(keys)] if keys else [])
    out, at = [], 0
    for n in sizes:
        out.append(set(keys[at : at + n]))
        at += n
    return out


def _shared_runs(a: Profile, b: Profile) -> set[int]:
    """Run hashes of a quotation of either article that the other repeats for the most part.

    One quotation is shared when the other article has at least half of its
    5-word runs (and two of them, unless the quotation has just one): a common
    phrase ("on the Korean Peninsula is") inside two different quotations is not.
    """
    out: set[int] = set()
    for x, y in ((a, b), (b, a)):
        other = set(quote_hashes(y))
        for keys in _quotations(x):
            common = keys & other
            if common and (len(common) == len(keys) or (len(common) >= 2 and 2 * len(common) >= len(keys))):
                out |= common
    return out


def shared_quotation(a: Profile, b: Profile) -> str | None:
    """The reason a shared quotation gives for one story, or None.

    A person's words tie two reports together; an institution's stock line
    (the JCS "strengthened surveillance and vigilance" after every launch) only
    when the texts also overlap outside their quotations.

    Examples:
        >>> from koreabrief.models import Article
        >>> p = profile(Facts(article=Article(id="x", raw="", text="")))
        >>> shared_quotation(p, p) is None
        True
    """
    if not (a.quotes and b.quotes):
        return None
    shared = _shared_runs(a, b)
    if not shared:
        return None
    stock = set(array("Q", a.stock_quotes)) | set(array("Q", b.stock_quotes))
    if shared - stock:
        return "they share a quotation"
    if own_similarity(a, b) >= SUPPORTED_SIMILARITY:
        return "they share an institution's quotation and overlap outside it"
    return None


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
    # Outside their quotations: a long stock quotation in two short flashes is no overlap of texts.
    quoting = a.quoted_bins or b.quoted_bins
    own = own_similarity(a, b, full=sim) if sim >= SAME_STORY_SIMILARITY and quoting else sim
    if own >= SAME_STORY_SIMILARITY:
        reasons.append(f"texts overlap heavily (shingle similarity {own:.2f})")
    quoted = shared_quotation(a, b)
    if quoted:
        reasons.append(quoted)
    # Only the events both articles lead with, while they are news, tie them alone.
    reasons.extend(lead_links(a, b))
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
    # quotation shows a rewrite only together with some reused text of the writer's own.
    trimmed = shared_contained is not None and own_similarity(a, b) >= SUPPORTED_SIMILARITY
    close = sim >= COPY_SIMILARITY or trimmed or containment(a, b, sim=sim) >= COPY_CONTAINMENT
    for x, y in ((a, b), (b, a)):
        # A near copy of a news agency's own report, with its dateline credit kept or removed.
        if close and x.wire_own and not y.wire_own and y.wire in (None, x.wire):
            return y.id, x.id, f"{y.id} repeats the text of {x.id}, the {x.wire} wire's own report"
    if close and a.published and b.published and a.published != b.published:
        x, y = (a, b) if a.published > b.published else (b, a)
        return x.id, y.id, f"{x.id} was published after {y.id} and repeats its text or quotations"
    if trimmed and shared_contained is not None:
        y = b if shared_contained == a.id else a
        return shared_contained, y.id, f"{shared_contained} trims a quotation {y.id} carries in full"
    return None
