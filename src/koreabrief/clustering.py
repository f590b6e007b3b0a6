"""Grouping articles into stories, in time near-linear in the corpus size.

Two kinds of evidence join articles, and neither looks at all pairs.

**Pairwise evidence** (`koreabrief.profile.same_story`, the rule `compare` uses):
heavy text overlap, a shared quotation, the same dated lead event, an undated
specific event the same day. Candidate pairs come from four blocking keys:

* MinHash LSH: one table per band of each article's sketch (32 bands of 4 rows,
  built and dropped one at a time so that only one table is in memory; each
  article meets the first article with its band value);
* event signatures: event type, an actor, and the day (a day either side is
  probed too, so that "Monday" vs "Tuesday" still meets);
* quotation fingerprints: sampled hashes of 5-word runs inside quotation marks;
* undated events: type, an actor and the target, by publication day (a few days
  either side).

**Corpus evidence**: independent reports of one event share few word runs but
name the same people and places and use the same rare words. Each article's
story terms (`koreabrief.terms`) are weighted by how rare they are in the
corpus (tf-idf) and compared by cosine similarity. Candidates are the articles
sharing one of an article's weightiest terms that few articles hold. Two
articles join when their terms agree strongly (more readily when published
within a day), or when each is among the other's two closest articles and they
agree far more than either does with its other candidates.

Nothing joins two articles, or two stories, that `koreabrief.clashes.story_clash`
tells apart (different lead events, "Resolution 2375" vs "2397", sanctions by
different authorities, datelines days apart), nor, on corpus evidence alone,
articles published (or stamped) more than `WINDOW_DAYS` apart. Each key keeps
at most a few members (the first in id order), so a huge block costs linear,
not quadratic, time. Articles are processed in id order, so stories do not
depend on input order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from koreabrief.clashes import LEAD_DAY_WINDOW, authority_clash, days_apart, designator_clash, story_clash
from koreabrief.extraction import as_facts
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Article, Facts, Story
from koreabrief.profile import UNDATED_WINDOW, Profile, derivation, fresh, profile, quote_hashes, same_story
from koreabrief.similarity import SKETCH_SIZE

__all__ = ["Clusterer", "cluster", "cluster_profiles"]

#: Members kept per blocking key; later members are compared with these only.
MAX_BLOCK = 8
#: Rows per LSH band: two sketches meet in a band with probability J**ROWS.
ROWS = 4
#: Publication days apart beyond which corpus evidence alone never joins two articles.
WINDOW_DAYS = 3
#: Term similarity (cosine of tf-idf weights) that joins two articles by itself.
TERM_SIMILARITY = 0.25
#: Term similarity enough for two articles that are each other's nearest neighbours.
NEIGHBOUR_SIMILARITY = 0.1
#: How many nearest neighbours count for `NEIGHBOUR_SIMILARITY`.
NEIGHBOURS = 2
#: How far such a pair must stand out from either article's similarity to the rest
#: of its candidates (their median): closest among strangers is no evidence. Two
#: articles each other's very closest need less than two each among the other's two.
NEIGHBOUR_MARGIN = 2.0
NEAREST_MARGIN = 1.5
#: Candidates past the closest needed to judge an article's own background similarity.
MIN_BACKGROUND = 3
#: Added to the term similarity of articles published within a day of each other,
#: and (smaller) within `WINDOW_DAYS`; and of articles leading with one kind of event.
SAME_DAY_BONUS = 0.08
NEAR_DAY_BONUS = 0.03
LEAD_KIND_BONUS = 0.04
#: Weightiest terms of each article used as blocking keys, and members kept per term.
TERM_KEYS = 16
TERM_BLOCK = 8
#: Terms held by more articles than this are no keys: a story's own names are rarer,
#: and a key shared by hundreds of articles would cost quadratic time for nothing.
TERM_DF = 16
#: Reasons kept per story; the rest are counted.
MAX_REASONS = 24
_BIN_BYTES = 4
_QUOTE_SAMPLE = 4
_MAX_QUOTE_KEYS = 32
_FAR = dt.date.max
_NONE: frozenset[Any] = frozenset()
_STRONG = 1.0


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i


def _event_keys(p: Profile) -> Iterator[tuple[str, str, int]]:
    for etype, actors, target, first, last, day in p.events:
        if not day:
            continue
        for actor in sorted(actors) or ([target] if target else []):
            for d in range(first, last + 1):
                yield (etype, actor, d)


def _probe_event_keys(p: Profile) -> Iterator[tuple[str, str, int]]:
    for etype, actor, d in _event_keys(p):
        for delta in (-1, 0, 1):
            yield (etype, actor, d + delta)


def _undated_keys(p: Profile) -> Iterator[tuple[str, str, str, int]]:
    if p.published is None:
        return
    day = p.published.toordinal()
    for etype, actors, target, first, _, _ in p.events:
        if first < 0:
            for actor in sorted(actors) or [""]:
                yield (etype, actor, target or "", day)


def _probe_undated_keys(p: Profile) -> Iterator[tuple[str, str, str, int]]:
    for etype, actor, target, day in _undated_keys(p):
        for delta in range(-UNDATED_WINDOW, UNDATED_WINDOW + 1):
            yield (etype, actor, target, day + delta)


def _quote_fingerprints(p: Profile) -> Iterator[int]:
    # Content-defined sampling (Broder's "mod m"): two quotations sharing n word runs
    # share a fingerprint with probability 1 - (1 - 1/m)**n, whatever else they hold.
    yield from sorted({k for k in quote_hashes(p) if k % _QUOTE_SAMPLE == 0})[:_MAX_QUOTE_KEYS]


class _Weights:
    """Tf-idf weights of the corpus's story terms: rare terms count, common ones hardly."""

    def __init__(self, profiles: list[Profile], *, most: int = TERM_DF) -> None:
        df = Counter(itertools.chain.from_iterable(p.terms for p in profiles))
        self.df = df
        n = len(profiles)
        self.idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
        #: Terms that can be blocking keys: held by at least two articles and at most `most`.
        self.keyable = frozenset(t for t, d in df.items() if 2 <= d <= most)
        self.profiles = profiles
        self.vector = functools.lru_cache(maxsize=4096)(self._vector)

    def _vector(self, i: int) -> dict[str, float]:
        p = self.profiles[i]
        idf = self.idf
        raw = {t: (1.0 + math.log(c)) * idf[t] for t, c in zip(p.terms, p.term_counts, strict=True)}
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        return {t: w / norm for t, w in raw.items() if w > 0}

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vector(i), self.vector(j)
        return sum([a[t] * b[t] for t in a.keys() & b.keys()])

    def key_terms(self, i: int, limit: int) -> list[str]:
        """The article's `limit` weightiest keyable terms."""
        p = self.profiles[i]
        keys = self.keyable.intersection(p.terms)
        if not keys:
            return []
        idf = self.idf
        counts = zip(p.terms, p.term_counts, strict=True)
        weighed = [(-(1.0 + math.log(c)) * idf[t], t) for t, c in counts if t in keys]
        return [t for _, t in sorted(weighed)[:limit]]


class _Linker:
    def __init__(self, profiles: list[Profile]) -> None:
        self.profiles = profiles
        n = len(profiles)
        self.uf = _UnionFind(n)
        # Per story (at its root): publication days seen, main designators, lead authorities.
        self.days: list[tuple[int, int] | None] = [
            (d.toordinal(),) * 2 if (d := _dated(p)) else None for p in profiles
        ]
        # Frozen sets, one shared empty one: most articles have none, and 100k sets weigh 20 MB.
        self.designators = [frozenset(p.designators) if p.designators else _NONE for p in profiles]
        # The lead days of undated members, and the publication days of dated ones, as (month, day).
        self.undated_days = [
            frozenset([p.lead_day]) if _dated(p) is None and p.lead_day else _NONE for p in profiles
        ]
        self.dated_days = [frozenset([(d.month, d.day)]) if (d := _dated(p)) else _NONE for p in profiles]
        self.authorities = [frozenset(p.authorities) if p.authorities else _NONE for p in profiles]
        self.checked: set[int] = set()
        self.joins: list[tuple[int, int, tuple[str, ...]]] = []
        self.links: list[tuple[int, int]] = []

    # -- joining ------------------------------------------------------------------------------------

    def _compatible(self, ri: int, rj: int, *, strong: bool) -> bool:
        if designator_clash(self.designators[ri], self.designators[rj]):
            return False
        if authority_clash(self.authorities[ri], self.authorities[rj]):
            return False
        for undated, other in (
            (self.undated_days[ri], self.undated_days[rj] | self.dated_days[rj]),
            (self.undated_days[rj], self.dated_days[ri]),
        ):
            if any(days_apart(x, y) > LEAD_DAY_WINDOW for x in undated for y in other):
                return False
        di, dj = self.days[ri], self.days[rj]
        if strong or di is None or dj is None:
            return True
        return max(di[1], dj[1]) - min(di[0], dj[0]) <= WINDOW_DAYS

    def join(self, i: int, j: int, reasons: Iterable[str], *, strong: bool) -> bool:
        ri, rj = self.uf.find(i), self.uf.find(j)
        if ri == rj or not self._compatible(ri, rj, strong=strong):
            return False
        # The smaller index wins, so roots do not depend on the order of unions.
        lo, hi = (ri, rj) if ri < rj else (rj, ri)
        self.uf.parent[hi] = lo
        di, dj = self.days[lo], self.days[hi]
        self.days[lo] = di if dj is None else dj if di is None else (min(di[0], dj[0]), max(di[1], dj[1]))
        for summary in (self.designators, self.undated_days, self.dated_days, self.authorities):
            if summary[hi]:
                summary[lo] = summary[lo] | summary[hi]
        self.joins.append((min(i, j), max(i, j), tuple(reasons)))
        return True

    # -- pairwise evidence --------------------------------------------------------------------------

    def check(self, i: int, j: int) -> None:
        if i == j:
            return
        pair = (i, j) if i < j else (j, i)
        key = pair[0] * len(self.profiles) + pair[1]
        if key in self.checked:
            return
        self.checked.add(key)
        a, b = self.profiles[pair[0]], self.profiles[pair[1]]
        if self.uf.find(i) == self.uf.find(j) and not (a.original_source or b.original_source):
            return
        ok, reasons = same_story(a, b)
        if ok and story_clash(a, b) is None:
            self.links.append(pair)
            self.join(*pair, reasons, strong=True)

    def bands(self) -> None:
        """LSH: one table per band, built and dropped in turn; each member meets the band's first."""
        width = ROWS * _BIN_BYTES
        for b in range(SKETCH_SIZE // ROWS):
            lo, hi = b * width, (b + 1) * width
            first: dict[bytes, int] = {}
            for i, p in enumerate(self.profiles):
                if p.words == 0:
                    continue  # an all-empty sketch matches nothing
                j = first.setdefault(p.sketch[lo:hi], i)
                if j != i:
                    self.check(j, i)

    def block(
        self, keys_of: Callable[[Profile], Iterable[object]], probe_of: Callable[[Profile], Iterable[object]]
    ) -> None:
        table: dict[object, list[int]] = {}
        for i, p in enumerate(self.profiles):
            for key in dict.fromkeys(probe_of(p)):
                for j in table.get(key, ()):
                    self.check(j, i)
            for key in dict.fromkeys(keys_of(p)):
                members = table.setdefault(key, [])
                if len(members) < MAX_BLOCK:
                    members.append(i)

    # -- corpus evidence ----------------------------------------------------------------------------

    def terms(self) -> None:
        """Join articles whose story terms agree (see the module docstring)."""
        ps = self.profiles
        if len(ps) < 2:
            return
        weights = _Weights(ps)
        table: dict[str, list[int]] = {}
        near: list[list[tuple[float, int]]] = [[] for _ in ps]
        edges: list[tuple[float, int, int, tuple[str, ...]]] = []
        seen: set[int] = set()
        n = len(ps)
        for i in range(n):
            keys = weights.key_terms(i, TERM_KEYS)
            for t in keys:
                for j in table.get(t, ()):
                    if j * n + i in seen:
                        continue
                    seen.add(j * n + i)
                    self._score(j, i, weights, near, edges)
            for t in keys:
                members = table.setdefault(t, [])
                if len(members) < TERM_BLOCK:
                    members.append(i)
        edges.extend(_closest_pairs(near))
        edges.sort(key=lambda e: (-e[0], e[1], e[2]))
        for _, i, j, reasons in edges:
            self.join(i, j, reasons, strong=False)

    def _score(
        self,
        i: int,
        j: int,
        weights: _Weights,
        near: list[list[tuple[float, int]]],
        edges: list[tuple[float, int, int, tuple[str, ...]]],
    ) -> None:
        a, b = self.profiles[i], self.profiles[j]
        da, db = _dated(a), _dated(b)
        gap = abs((da - db).days) if da and db else None
        if (gap is not None and gap > WINDOW_DAYS) or story_clash(a, b) is not None:
            return
        cos = weights.cosine(i, j)
        near[i].append((-cos, j))
        near[j].append((-cos, i))
        score = cos
        why = [f"their names, figures and rare words agree (term similarity {cos:.2f})"]
        if gap is not None:
            score += SAME_DAY_BONUS if gap <= 1 else NEAR_DAY_BONUS
            why.append("dated the same day" if gap == 0 else f"dated {gap} day(s) apart")
        kinds = _lead_kinds(a) & _lead_kinds(b)
        if kinds:
            score += LEAD_KIND_BONUS
            why.append(f"both lead with a {min(kinds)}")
        if score >= TERM_SIMILARITY:
            edges.append((score, i, j, tuple(why)))


def _closest_pairs(near: list[list[tuple[float, int]]]) -> Iterator[tuple[float, int, int, tuple[str, ...]]]:
    """Pairs each among the other's closest candidates, standing out from their other candidates.

    `near[i]` holds ``(-similarity, j)`` for every candidate `j` of article `i`.
    """
    ranked = [sorted(c) for c in near]
    top = [{j for _, j in r[:NEIGHBOURS]} for r in ranked]
    first = [r[0][1] if r else -1 for r in ranked]
    # How similar an article is to reports of other stories: its candidates past the closest few.
    # With too few candidates to tell, the corpus's typical similarity stands in.
    everyone = sorted(c for r in ranked for c, _ in r[NEIGHBOURS:])
    typical = -everyone[len(everyone) // 2] if everyone else NEIGHBOUR_SIMILARITY
    background = [_background(r[NEIGHBOURS:], typical) for r in ranked]
    for i, candidates in enumerate(near):
        for c, j in candidates:
            cos = -c
            if j <= i or cos < NEIGHBOUR_SIMILARITY or j not in top[i] or i not in top[j]:
                continue
            margin = NEAREST_MARGIN if first[i] == j and first[j] == i else NEIGHBOUR_MARGIN
            if cos >= margin * max(background[i], background[j]):
                yield cos, i, j, (f"each is the other's closest report (term similarity {cos:.2f})",)


def _dated(p: Profile) -> dt.date | None:
    """The day a report was published, or else stamped at the head of its page."""
    return p.published or p.stamped


def _background(rest: list[tuple[float, int]], typical: float) -> float:
    """The typical similarity of an article to the candidates past its closest ones (their median).

    With fewer than `MIN_BACKGROUND` of them, the corpus's `typical` similarity counts too.
    """
    if len(rest) >= MIN_BACKGROUND:
        return -rest[len(rest) // 2][0]
    return max([typical] + [-c for c, _ in rest[:1]])


def _lead_kinds(p: Profile) -> set[str]:
    """Kinds of the events an article leads with as news: undated, or dated to the day and fresh.

    A follow-up that recalls "last week's launch" in its first paragraph leads with
    its own drill, not with the launch.
    """
    return {x[0] for x in p.lead if x[3] < 0 or (x[5] and fresh(p, x))}


def _story_id(ids: list[str]) -> str:
    digest = hashlib.blake2b("\n".join(sorted(ids)).encode("utf-8"), digest_size=6).hexdigest()
    return f"story-{digest}"


def _reasons(ps: list[Profile], joins: list[tuple[int, int, tuple[str, ...]]]) -> tuple[str, ...]:
    lines = [f"{ps[i].id} + {ps[j].id}: {'; '.join(why)}" for i, j, why in sorted(joins)]
    if len(lines) > MAX_REASONS:
        lines = [*lines[:MAX_REASONS], f"... and {len(lines) - MAX_REASONS} more joins"]
    return tuple(lines)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while clustering.

    Clustering keeps hundreds of thousands of small objects alive (the profiles)
    and makes no reference cycles, so the collector's full passes over them cost
    a tenth of the time for nothing; it is switched back on afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cluster_profiles(profiles: Iterable[Profile]) -> list[Story]:
    """Stories from article profiles (see `koreabrief.profile.profile`).

    Examples:
        >>> from koreabrief.models import Article
        >>> t = "North Korea fired a ballistic missile into the sea on Monday, the military said."
        >>> ps = [profile(Facts(article=Article(id=i, raw="", text=t))) for i in "ab"]
        >>> [s.articles for s in cluster_profiles(ps)]
        [('a', 'b')]
    """
    with _collector_paused():
        return _cluster_profiles(profiles)


def _cluster_profiles(profiles: Iterable[Profile]) -> list[Story]:
    given = list(profiles)
    order = {p.id: n for n, p in reversed(list(enumerate(given)))}
    ps = sorted({p.id: p for p in given}.values(), key=lambda p: p.id)
    linker = _Linker(ps)
    linker.bands()
    linker.block(_event_keys, _probe_event_keys)
    linker.block(_quote_fingerprints, _quote_fingerprints)
    linker.block(_undated_keys, _probe_undated_keys)
    linker.terms()

    groups: dict[int, list[int]] = {}
    for i in range(len(ps)):
        groups.setdefault(linker.uf.find(i), []).append(i)
    derivations: dict[int, list[tuple[str, str]]] = {}
    for i, j in sorted(linker.links):
        found = derivation(ps[i], ps[j])
        if found is not None:
            derivations.setdefault(linker.uf.find(i), []).append((found[0], found[1]))
    joins: dict[int, list[tuple[int, int, tuple[str, ...]]]] = {}
    for i, j, why in linker.joins:
        joins.setdefault(linker.uf.find(i), []).append((i, j, why))
    stories = []
    for root, members in groups.items():
        mp = [ps[i] for i in members]
        derived = sorted(set(derivations.get(root, [])))
        rewrites = {r for r, _ in derived}
        rep = min(mp, key=lambda p: (p.title is None, p.id in rewrites, p.published or _FAR, p.id))
        stories.append(
            Story(
                id=_story_id([p.id for p in mp]),
                articles=tuple(p.id for p in sorted(mp, key=lambda p: order[p.id])),
                title=rep.title,
                outlets=tuple(sorted({p.outlet for p in mp if p.outlet})),
                derivations=tuple(derived),
                reasons=_reasons(ps, joins.get(root, [])),
            )
        )
    stories.sort(key=lambda s: (-len(s.articles), min(order[a] for a in s.articles)))
    return stories


def cluster(facts_iterable: Iterable[Facts | Article], /) -> list[Story]:
    """Group articles into stories.

    Args:
        facts_iterable: Each article's facts (from [`extract`][koreabrief.extract]), or the
            article itself (extracted here); streamed, only a small profile of each article is kept.

    Returns:
        The stories, largest first (ties: the story whose first article comes first).
        Story ids derive from the member ids, so they do not depend on input order;
        each story's `reasons` say which evidence joined its articles.

    Examples:
        >>> import koreabrief as kb
        >>> t = "North Korea fired a ballistic missile into the sea on Monday, the military said."
        >>> facts = [kb.Facts(article=kb.Article(id=i, raw="", text=t)) for i in ("a", "b")]
        >>> [s.articles for s in kb.cluster(facts)]
        [('a', 'b')]
    """
    return cluster_profiles(profile(as_facts(f, "cluster")) for f in facts_iterable)


class Clusterer:
    """Stories of a feed read as it arrives: the same stories as one [`cluster`][koreabrief.cluster] call.

    Each article is extracted (when given as an article) and profiled once, when
    it is added; `stories` groups everything added so far. However the feed is
    split into batches, the stories are those of one `cluster` call over all of
    it, because corpus evidence (how rare a name is) is weighed over everything
    added. An article added again under the same id replaces the earlier one.

    Args:
        gazetteer: Entities for extraction and profiles; the shipped one by default.

    Examples:
        >>> import koreabrief as kb
        >>> t = "North Korea fired a ballistic missile into the sea on Monday, the military said."
        >>> c = kb.Clusterer()
        >>> c.add([kb.Facts(article=kb.Article(id="a", raw="", text=t))])
        >>> c.add([kb.Facts(article=kb.Article(id="b", raw="", text=t))])
        >>> [s.articles for s in c.stories()], len(c)
        ([('a', 'b')], 2)
    """

    def __init__(self, *, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._profiles: list[Profile] = []
        self._ids: set[str] = set()
        self._stories: list[Story] | None = []

    def add(self, facts_iterable: Iterable[Facts | Article], /) -> None:
        """Add articles (or their facts); they are profiled now and grouped by `stories`."""
        for f in facts_iterable:
            facts = as_facts(f, "cluster", self._gazetteer)
            self._profiles.append(profile(facts, gazetteer=self._gazetteer))
            self._ids.add(facts.article.id)
            self._stories = None

    def stories(self) -> list[Story]:
        """The stories of every article added so far (as `cluster` returns them)."""
        if self._stories is None:
            self._stories = cluster_profiles(self._profiles)
        return list(self._stories)

    def __len__(self) -> int:
        """How many distinct articles have been added."""
        return len(self._ids)
