"""The brief: a corpus merged into stories, one timeline, who said what, sanctions and disagreements."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence

from attrs import evolve

from koreabrief.align import align_events
from koreabrief.clustering import cluster_profiles
from koreabrief.comparison import compare_within_story
from koreabrief.errors import ArgumentError
from koreabrief.extraction import extract
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import (
    Alignment,
    Article,
    Brief,
    Comparison,
    Event,
    Facts,
    Modality,
    Precision,
    Sanction,
    SpeakerStatements,
    Story,
    TimelineEntry,
)
from koreabrief.profile import Profile, profile
from koreabrief.quotematch import match_quotes, normalise_quote, quote_keys

__all__ = ["BriefProgress", "brief"]

#: ``progress(stage, done, total)``: see [`brief`][koreabrief.brief].
BriefProgress = Callable[[str, int, int], None]
#: About how many progress calls each stage makes.
_PROGRESS_CALLS = 100


def _silent(stage: str, done: int, total: int) -> None:
    """No progress report."""

#: Stories up to this size are compared pair by pair; larger ones against their first members only.
ALL_PAIRS_UP_TO = 12
ANCHORS = 3
#: Timeline entries of one type and day kept as merge targets for other stories' entries.
MERGE_BLOCK = 8
#: A speaker's quotations kept per 5-word run as match candidates for later quotations.
QUOTE_BLOCK = 8
_PRECISION_RANK = {Precision.DAY: 3, Precision.MONTH: 2, Precision.YEAR: 1}
_IN_TIMELINE = frozenset({Modality.ASSERTED, Modality.SCHEDULED, Modality.BACKGROUND})


def _as_facts(
    items: Iterable[Article | Facts], gazetteer: Gazetteer | None, warnings: list[str]
) -> list[Facts]:
    out = []
    for item in items:
        if isinstance(item, Facts):
            out.append(item)
            continue
        if not isinstance(item, Article):
            raise ArgumentError(
                f"brief() expects Articles or Facts, got {type(item).__name__}: "
                "build articles with kb.article(text, id=...)"
            )
        try:
            out.append(extract(item, gazetteer=gazetteer))
        except Exception as e:
            warnings.append(f"{item.id}: extraction failed ({type(e).__name__}); its facts are left out")
            out.append(Facts(article=item))
    return out


def _pairs(members: Sequence[str]) -> Iterable[tuple[str, str]]:
    if len(members) <= ALL_PAIRS_UP_TO:
        return itertools.combinations(members, 2)
    anchors = members[:ANCHORS]
    return [(a, m) for a in anchors for m in members if m != a and (m not in anchors or a < m)]


def _event_rank(e: Event) -> tuple[int, int, int]:
    precision = _PRECISION_RANK.get(e.time.precision, 0) if e.time and e.time.precision else 0
    return (-precision, -len(e.quantities), -len(e.actors))


def _timeline(
    story: Story, facts: dict[str, Facts], pairs: list[tuple[str, str]], g: Gazetteer
) -> list[TimelineEntry]:
    nodes = [
        (aid, i)
        for aid in story.articles
        for i, e in enumerate(facts[aid].events)
        if e.modality in _IN_TIMELINE
    ]
    parent = {n: n for n in nodes}

    def find(n: tuple[str, int]) -> tuple[str, int]:
        while parent[n] != n:
            n = parent[n]
        return n

    for x, y in pairs:
        for i, j in align_events(facts[x].events, facts[y].events, gazetteer=g):
            if (x, i) in parent and (y, j) in parent:
                rx, ry = find((x, i)), find((y, j))
                if rx != ry:
                    parent[max(rx, ry)] = min(rx, ry)
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for n in nodes:
        groups.setdefault(find(n), []).append(n)
    order = {aid: k for k, aid in enumerate(story.articles)}
    out = []
    for members in groups.values():
        best = min(members, key=lambda n: (_event_rank(facts[n[0]].events[n[1]]), order[n[0]], n[1]))
        articles = tuple(sorted({aid for aid, _ in members}, key=order.__getitem__))
        out.append(TimelineEntry(event=facts[best[0]].events[best[1]], articles=articles, story=story.id))
    return out


def _across_stories(entries: list[TimelineEntry], g: Gazetteer) -> list[TimelineEntry]:
    """Entries of different stories for one day-dated event merged into one.

    A follow-up or an analysis recalls the launch the breaking reports told: it is
    another story, but the same event on the timeline. Entries meet by type and
    day (at most `MERGE_BLOCK` per key), never all pairs; the first story's keeps its place.
    """
    out: list[TimelineEntry] = []
    by_day: dict[tuple[str, dt.date], list[int]] = {}
    for entry in entries:
        t = entry.event.time
        if t is None or t.date is None or t.precision is not Precision.DAY:
            out.append(entry)
            continue
        slots = by_day.setdefault((entry.event.type.value, t.date), [])
        for k in slots:
            other = out[k]
            if other.story != entry.story and align_events([other.event], [entry.event], gazetteer=g):
                extra = tuple(a for a in entry.articles if a not in other.articles)
                out[k] = evolve(other, articles=other.articles + extra)
                break
        else:
            if len(slots) < MERGE_BLOCK:
                slots.append(len(out))
            out.append(entry)
    return out


def _timeline_key(entry: TimelineEntry) -> tuple[int, dt.date, int, str, tuple[str, ...]]:
    t = entry.event.time
    undated = t is None or t.date is None
    day = dt.date.max if t is None or t.date is None else t.date
    return (int(undated), day, -len(entry.articles), entry.event.type.value, tuple(sorted(entry.articles)))


def _statements(all_facts: Sequence[Facts]) -> list[SpeakerStatements]:
    """Each speaker's distinct quotations, with the articles and outlets carrying each.

    A quotation is matched only against the speaker's quotations that share its
    wording or one of its 5-word runs (at most `QUOTE_BLOCK` per run), never all of
    them: a spokesperson quoted in thousands of articles costs linear time.
    """
    by_speaker: dict[str, list[tuple[str, list[str], list[str]]]] = {}
    vias: dict[str, list[str]] = {}
    exact: dict[tuple[str, str], int] = {}
    runs: dict[tuple[str, int], list[int]] = {}
    for f in all_facts:
        for s in f.statements:
            if not s.speaker:
                continue
            # A joint statement is grouped under both speakers together ("A and B").
            speaker = " and ".join(s.speakers)
            if s.via:
                channels = vias.setdefault(speaker, [])
                if s.via not in channels:
                    channels.append(s.via)
            quotes = by_speaker.setdefault(speaker, [])
            norm = normalise_quote(s.quote)
            keys = sorted(quote_keys(s.quote))
            candidates = {exact[(speaker, norm)]} if (speaker, norm) in exact else set()
            for key in keys:
                candidates.update(runs.get((speaker, key), ()))
            for k in sorted(candidates):
                quote, arts, outlets = quotes[k]
                m = match_quotes(quote, s.quote)
                if m is None:
                    continue
                if m[0] == "contained" and len(s.quote) > len(quote):
                    quotes[k] = (s.quote, arts, outlets)  # keep the fullest wording
                if f.article.id not in arts:
                    arts.append(f.article.id)
                if f.article.outlet and f.article.outlet not in outlets:
                    outlets.append(f.article.outlet)
                break
            else:
                k = len(quotes)
                quotes.append((s.quote, [f.article.id], [f.article.outlet] if f.article.outlet else []))
                exact.setdefault((speaker, norm), k)
                for key in keys:
                    bucket = runs.setdefault((speaker, key), [])
                    if len(bucket) < QUOTE_BLOCK:
                        bucket.append(k)
    out = [
        SpeakerStatements(
            speaker=speaker,
            quotes=tuple(q for q, _, _ in quotes),
            articles=tuple(tuple(a) for _, a, _ in quotes),
            outlets=tuple(tuple(o) for _, _, o in quotes),
            via=tuple(vias.get(speaker, ())),
        )
        for speaker, quotes in by_speaker.items()
    ]
    out.sort(key=lambda s: (-len({a for arts in s.articles for a in arts}), -len(s.quotes), s.speaker))
    return out


def _sanctions(all_facts: Sequence[Facts]) -> list[tuple[Sanction, tuple[str, ...]]]:
    """Each distinct sanction, with the ids of the articles reporting it."""
    seen: dict[tuple[str, str | None, str], tuple[Sanction, list[str]]] = {}
    for f in all_facts:
        for s in f.sanctions:
            _, ids = seen.setdefault((s.entity, s.authority, s.status.value), (s, []))
            if f.article.id not in ids:
                ids.append(f.article.id)
    return [(s, tuple(ids)) for s, ids in seen.values()]


def _conflict_key(al: Alignment) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return (al.fact, al.kind, tuple(sorted((v.article, v.text) for v in al.values)))


def brief(
    articles_or_facts: Iterable[Article | Facts],
    /,
    *,
    gazetteer: Gazetteer | None = None,
    progress: BriefProgress | None = None,
) -> Brief:
    """Merge a corpus into a brief: stories, timeline, who said what, sanctions, disagreements.

    Args:
        articles_or_facts: Clean articles (extracted here with [`extract`][koreabrief.extract])
            or their facts, in any mix.
        gazetteer: Entities for extraction and comparison; the shipped one by default.
        progress: Called as ``progress(stage, done, total)`` while the brief is built:
            stage ``"profiles"`` (articles profiled for story detection), ``"stories"``
            (the corpus grouped into stories: one call) and ``"comparisons"`` (stories
            whose articles have been compared), about a hundred calls per stage at most.

    Returns:
        The brief. The same corpus in any order gives the same brief (articles are taken in id order).

    Examples:
        >>> import koreabrief as kb
        >>> t = "North Korea fired a ballistic missile into the sea on Monday, the military said."
        >>> b = kb.brief([kb.Article(id="a", raw=t, text=t), kb.Article(id="b", raw=t, text=t)])
        >>> (b.articles, [s.articles for s in b.stories])
        (2, [('a', 'b')])
    """
    g = gazetteer or Gazetteer.default()
    warnings: list[str] = []
    all_facts = _as_facts(articles_or_facts, gazetteer, warnings)
    facts: dict[str, Facts] = {}
    for f in all_facts:
        if f.article.id in facts:
            warnings.append(f"{f.article.id}: duplicate article id; the later copy is left out")
            continue
        facts[f.article.id] = f
    # Id order makes the brief independent of the order the corpus came in.
    unique = sorted(facts.values(), key=lambda f: f.article.id)
    if progress is not None and not callable(progress):
        raise ArgumentError(
            f"brief() expects progress to be a function (stage, done, total), got {type(progress).__name__}"
        )
    report = progress or _silent
    profiles: dict[str, Profile] = {}
    step = max(1, len(unique) // _PROGRESS_CALLS)
    for n, f in enumerate(unique, 1):
        profiles[f.article.id] = profile(f, gazetteer=g)
        if n % step == 0 or n == len(unique):
            report("profiles", n, len(unique))
    stories = cluster_profiles(profiles.values())
    report("stories", len(stories), len(stories))

    timeline: list[TimelineEntry] = []
    conflicts: dict[tuple[str, str, tuple[tuple[str, str], ...]], Alignment] = {}
    final_stories = []
    step = max(1, len(stories) // _PROGRESS_CALLS)
    for done, story in enumerate(stories, 1):
        ordered = sorted(story.articles)
        pairs = list(_pairs(ordered))
        comparisons: list[Comparison] = [
            compare_within_story(facts[x], facts[y], gazetteer=g, profiles=(profiles[x], profiles[y]))
            for x, y in pairs
        ]
        derivations = set(story.derivations)
        for c in comparisons:
            for al in c.conflicts:
                conflicts.setdefault(_conflict_key(al), al)
            if c.rewrite and c.derived_from:
                derivations.add((c.rewrite, c.derived_from))
        # A pair read both ways keeps the compare verdict, which sees the quotations.
        rewrites = {r for r, _ in derivations}
        clean = {(r, s) for r, s in derivations if not (s in rewrites and (s, r) in derivations)}
        final_stories.append(evolve(story, derivations=tuple(sorted(clean))))
        timeline.extend(_timeline(story, facts, pairs, g))
        if done % step == 0 or done == len(stories):
            report("comparisons", done, len(stories))
    timeline = _across_stories(timeline, g)
    timeline.sort(key=_timeline_key)
    sanctions = _sanctions(unique)
    return Brief(
        stories=tuple(final_stories),
        timeline=tuple(timeline),
        statements=tuple(_statements(unique)),
        sanctions=tuple(s for s, _ in sanctions),
        conflicts=tuple(conflicts[k] for k in sorted(conflicts)),
        articles=len(unique),
        warnings=tuple(warnings),
        sanction_articles=tuple(ids for _, ids in sanctions),
    )
