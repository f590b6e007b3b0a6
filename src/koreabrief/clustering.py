"""Grouping articles into stories, in time near-linear in the corpus size.

Candidate pairs come from four kinds of blocking key, never from all pairs:

* MinHash LSH: one table per band of each article's sketch (32 bands of 4 rows,
  built and dropped one at a time so that only one table is in memory; each
  article meets the first article with its band value, so a band costs one
  dictionary lookup per article);
* event signatures: event type, an actor, and the day (a day either side is
  probed too, so that "Monday" vs "Tuesday" still meets);
* quotation fingerprints: sampled hashes of 5-word runs inside quotation marks;
* undated events: type, an actor and the target, by publication day (a few days
  either side).

Each key keeps at most `MAX_BLOCK` members (the first in id order), so a huge
block costs linear, not quadratic, time; union-find over verified pairs makes
stories transitive. Every candidate is verified with
`koreabrief.profile.same_story`, the rule `compare` uses too.
Articles are processed in id order, so stories do not depend on input order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator

from koreabrief.extraction import as_facts
from koreabrief.models import Article, Facts, Story
from koreabrief.profile import UNDATED_WINDOW, Profile, derivation, profile, quote_hashes, same_story
from koreabrief.similarity import SKETCH_SIZE

__all__ = ["cluster", "cluster_profiles"]

#: Members kept per blocking key; later members are compared with these only.
MAX_BLOCK = 8
#: Rows per LSH band: two sketches meet in a band with probability J**ROWS.
ROWS = 4
_BIN_BYTES = 4
_QUOTE_SAMPLE = 4
_MAX_QUOTE_KEYS = 32
_FAR = dt.date.max


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            # The smaller index wins, so roots do not depend on the order of unions.
            lo, hi = (ri, rj) if ri < rj else (rj, ri)
            self.parent[hi] = lo


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
    yield from sorted(k for k in quote_hashes(p) if k % _QUOTE_SAMPLE == 0)[:_MAX_QUOTE_KEYS]


class _Linker:
    def __init__(self, profiles: list[Profile]) -> None:
        self.profiles = profiles
        self.uf = _UnionFind(len(profiles))
        self.checked: set[int] = set()
        self.links: list[tuple[int, int]] = []

    def check(self, i: int, j: int) -> None:
        if i == j:
            return
        pair = (i, j) if i < j else (j, i)
        key = pair[0] * len(self.profiles) + pair[1]
        if key in self.checked:
            return
        self.checked.add(key)
        if self.uf.find(i) == self.uf.find(j) and not (
            self.profiles[i].original_source or self.profiles[j].original_source
        ):
            return
        ok, _ = same_story(self.profiles[pair[0]], self.profiles[pair[1]])
        if ok:
            self.uf.union(*pair)
            self.links.append(pair)

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


def _story_id(ids: list[str]) -> str:
    digest = hashlib.blake2b("\n".join(sorted(ids)).encode("utf-8"), digest_size=6).hexdigest()
    return f"story-{digest}"


def cluster_profiles(profiles: Iterable[Profile]) -> list[Story]:
    """Stories from article profiles (see `koreabrief.profile.profile`).

    Examples:
        >>> from koreabrief.models import Article
        >>> t = "North Korea fired a ballistic missile into the sea on Monday, the military said."
        >>> ps = [profile(Facts(article=Article(id=i, raw="", text=t))) for i in "ab"]
        >>> [s.articles for s in cluster_profiles(ps)]
        [('a', 'b')]
    """
    given = list(profiles)
    order = {p.id: n for n, p in reversed(list(enumerate(given)))}
    ps = sorted({p.id: p for p in given}.values(), key=lambda p: p.id)
    linker = _Linker(ps)
    linker.bands()
    linker.block(_event_keys, _probe_event_keys)
    linker.block(_quote_fingerprints, _quote_fingerprints)
    linker.block(_undated_keys, _probe_undated_keys)

    groups: dict[int, list[int]] = {}
    for i in range(len(ps)):
        groups.setdefault(linker.uf.find(i), []).append(i)
    derivations: dict[int, list[tuple[str, str]]] = {}
    for i, j in sorted(linker.links):
        found = derivation(ps[i], ps[j])
        if found is not None:
            derivations.setdefault(linker.uf.find(i), []).append((found[0], found[1]))
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
        Story ids derive from the member ids, so they do not depend on input order.

    Examples:
        >>> import koreabrief as kb
        >>> t = "North Korea fired a ballistic missile into the sea on Monday, the military said."
        >>> facts = [kb.Facts(article=kb.Article(id=i, raw="", text=t)) for i in ("a", "b")]
        >>> [s.articles for s in kb.cluster(facts)]
        [('a', 'b')]
    """
    return cluster_profiles(profile(as_facts(f, "cluster")) for f in facts_iterable)
