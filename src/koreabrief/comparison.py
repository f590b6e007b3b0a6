"""Comparing two articles' coverage: same story, rewrite, shared quotations, agreements, conflicts.

`compare` is symmetric: ``compare(b, a)`` is ``compare(a, b)`` with the two
sides swapped (it computes in one canonical order and mirrors the result).
"""

from __future__ import annotations

from attrs import evolve

from koreabrief.align import align_events, event_alignments, event_key
from koreabrief.extraction import as_facts
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import (
    Alignment,
    Article,
    Comparison,
    EventType,
    Facts,
    FactValue,
    SharedStatement,
    Verdict,
)
from koreabrief.paraphrase import paraphrases
from koreabrief.profile import (
    SUPPORTED_SIMILARITY,
    Profile,
    derivation,
    event_links,
    own_similarity,
    profile,
    same_story,
    similarity,
)
from koreabrief.quotematch import match_statements
from koreabrief.spelling import spelling_conflicts

__all__ = ["compare", "compare_within_story", "mirror", "one_voice"]

_ENCOUNTERS = frozenset({EventType.MEETING, EventType.SUMMIT, EventType.DIPLOMATIC_VISIT})
#: Quotations of one article another restates without marks, to read it as a rewrite.
MIN_RESTATED = 2
#: A shared quotation this long (in words) ties two articles to one story by itself.
STORY_QUOTE_WORDS = 6


def compare(
    facts_a: Facts | Article, facts_b: Facts | Article, /, *, gazetteer: Gazetteer | None = None
) -> Comparison:
    """How two articles' coverage relates.

    Args:
        facts_a: One article's facts (from [`extract`][koreabrief.extract]), or the
            article itself (extracted here).
        facts_b: The other article's facts, or the article.
        gazetteer: Entities used to resolve places and canonical spellings; the shipped one by default.

    Returns:
        Similarity, same-story verdict with reasons, the rewrite and its source
        if one derives from the other, shared quotations, agreements and conflicts.
        Events, dates, amounts, places and names are aligned only when the two
        tell the same story: otherwise their events are different events.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Facts(article=kb.Article(id="a", raw="", text="North Korea fired a missile on Monday."))
        >>> c = kb.compare(a, a)
        >>> (c.similarity, c.same_story)
        (1.0, True)
    """
    g = gazetteer or Gazetteer.default()
    facts_a = as_facts(facts_a, "compare", g)
    facts_b = as_facts(facts_b, "compare", g)
    if facts_a.article.id > facts_b.article.id:
        return mirror(_compare(facts_b, facts_a, g))
    return _compare(facts_a, facts_b, g)


def compare_within_story(
    fa: Facts,
    fb: Facts,
    /,
    *,
    gazetteer: Gazetteer | None = None,
    profiles: tuple[Profile, Profile] | None = None,
) -> Comparison:
    """`compare` for two articles a corpus groups into one story, perhaps only through a third.

    An undated copy of one report and another outlet's report of the same launch
    share nothing compare could safely link them by; once the clustering ties
    them through the report they copy, their facts are aligned and judged too.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Facts(article=kb.Article(id="a", raw="", text="North Korea fired a missile."))
        >>> b = kb.Facts(article=kb.Article(id="b", raw="", text="Seoul condemned the test."))
        >>> compare(a, b).same_story, compare_within_story(a, b).same_story
        (False, True)

    `profiles`, the two articles' profiles (in the order given) if already built,
    saves building them again for every pair of a large story.
    """
    g = gazetteer or Gazetteer.default()
    if fa.article.id > fb.article.id:
        flipped = (profiles[1], profiles[0]) if profiles else None
        return mirror(_compare(fb, fa, g, within_story=True, profiles=flipped))
    return _compare(fa, fb, g, within_story=True, profiles=profiles)


def mirror(c: Comparison) -> Comparison:
    """The same comparison seen from the other side (a and b swapped).

    Examples:
        >>> mirror(Comparison(a="x", b="y", similarity=0.5, same_story=True)).a
        'y'
    """

    def flip(al: Alignment) -> Alignment:
        return evolve(al, values=tuple(reversed(al.values)))

    return evolve(
        c,
        a=c.b,
        b=c.a,
        shared_statements=tuple(evolve(s, quote_a=s.quote_b, quote_b=s.quote_a) for s in c.shared_statements),
        agreements=tuple(map(flip, c.agreements)),
        conflicts=tuple(map(flip, c.conflicts)),
    )


def _side(name: str, g: Gazetteer) -> tuple[str, str] | None:
    """(kind, state) of a known speaker: the state a body or person speaks for."""
    e = g.resolve(name)
    if e is None:
        return None
    state = e.name if e.kind == "state" else e.affiliation
    return (e.kind, state) if state else None


def one_voice(a: str, b: str, g: Gazetteer) -> bool:
    """Whether two speakers of one quotation can both be right: not two people, one side.

    "The JCS said" and "South Korea's military said" are one institutional voice;
    Two different people, or Seoul and Pyongyang, are not.

    Examples:
        >>> g = Gazetteer.default()
        >>> one_voice("Joint Chiefs of Staff", "Republic of Korea Armed Forces", g)
        True
        >>> one_voice("Marco Rubio", "Joe Biden", g), one_voice("South Korea", "North Korea", g)
        (False, False)
    """
    if a == b:
        return True
    sa, sb = _side(a, g), _side(b, g)
    if sa is None or sb is None or (sa[0] == "person" and sb[0] == "person"):
        return False
    return sa[1] == sb[1]


def _personal(speaker: str | None, g: Gazetteer) -> bool:
    """Whether a quotation is a person's words, not an institution's stock line."""
    entity = g.resolve(speaker) if speaker else None
    return entity is None or entity.kind == "person"


def _statement_alignments(
    fa: Facts, fb: Facts, pairs: list[tuple[int, int, SharedStatement]], g: Gazetteer
) -> list[Alignment]:
    out = []
    for i, j, shared in pairs:
        sa, sb = fa.statements[i], fb.statements[j]
        values = (
            FactValue(fa.article.id, sa.quote, sa.speaker, fa.article.outlet),
            FactValue(fb.article.id, sb.quote, sb.speaker, fb.article.outlet),
        )
        if sa.speaker and sb.speaker and not one_voice(sa.speaker, sb.speaker, g):
            out.append(
                Alignment(
                    fact="statement.speaker",
                    kind="speaker",
                    verdict=Verdict.CONFLICT,
                    values=values,
                    note=f"the same quotation is attributed to {sa.speaker} and to {sb.speaker}",
                )
            )
            continue
        out.append(
            Alignment(
                fact=f"statement.{shared.speaker or sa.speaker or sb.speaker or 'unattributed'}",
                kind="statement",
                verdict=Verdict.AGREE,
                values=values,
                note=f"shared quotation ({shared.match} match, score {shared.score:g})"
                + (
                    f"; attributed to {sa.speaker} and to {sb.speaker}, one side's voice"
                    if sa.speaker and sb.speaker and sa.speaker != sb.speaker
                    else ""
                ),
            )
        )
    return out


def _mirror_values(alignments: list[Alignment]) -> list[Alignment]:
    """The alignments with their two values swapped (b's first)."""
    return [evolve(al, values=tuple(reversed(al.values))) for al in alignments]


def _named_participants(fa: Facts, fb: Facts, aligned: set[int], g: Gazetteer) -> list[Alignment]:
    """Encounters `fa` reports that `fb` does not, but whose participants `fb` names.

    "The envoy will meet the minister" without a date is no event, yet it agrees with
    the other article's dated meeting of the same two people.
    """
    if not any(len(e.actors) >= 2 for k, e in enumerate(fa.events) if k not in aligned):
        return []
    named: dict[str, str] = {}
    for m in g.find(fb.article.text):
        named.setdefault(m.entity.name, m.text)
    out = []
    for k, e in enumerate(fa.events):
        if k in aligned or len(e.actors) < 2 or e.type not in _ENCOUNTERS:
            continue
        if all(actor in named for actor in e.actors):
            out.append(
                Alignment(
                    fact=event_key(e),
                    kind="event",
                    verdict=Verdict.AGREE,
                    values=(
                        FactValue(fa.article.id, e.trigger or e.type.value, None, fa.article.outlet),
                        FactValue(
                            fb.article.id, ", ".join(named[a] for a in e.actors), None, fb.article.outlet
                        ),
                    ),
                    note="the other article names the same participants without reporting the event as such",
                )
            )
    return out


def _paraphrase_derivation(
    fa: Facts, fb: Facts, restated: tuple[list[Alignment], list[Alignment]]
) -> tuple[str, str, str] | None:
    """A rewrite that turns the other's quotations into its own sentences (two or more, one way only)."""
    a_restates, b_restates = len(restated[0]), len(restated[1])
    if a_restates >= MIN_RESTATED and b_restates == 0:
        x, y, n = fa.article.id, fb.article.id, a_restates
    elif b_restates >= MIN_RESTATED and a_restates == 0:
        x, y, n = fb.article.id, fa.article.id, b_restates
    else:
        return None
    return x, y, f"{x} restates {n} of {y}'s quotations in its own words"


def _compare(
    fa: Facts,
    fb: Facts,
    g: Gazetteer,
    *,
    within_story: bool = False,
    profiles: tuple[Profile, Profile] | None = None,
) -> Comparison:
    pa, pb = profiles or (profile(fa, gazetteer=g), profile(fb, gazetteer=g))
    sim = round(similarity(pa, pb), 4)
    story, reasons = same_story(pa, pb)
    pairs = match_statements(fa.statements, fb.statements)
    links, clashes = event_links(pa, pb)
    long_shared = [
        p
        for p in pairs
        if min(len(p[2].quote_a.split()), len(p[2].quote_b.split())) >= STORY_QUOTE_WORDS
        and (_personal(fa.statements[p[0]].speaker, g) or own_similarity(pa, pb) >= SUPPORTED_SIMILARITY)
    ]
    if not story and long_shared and not clashes:
        story = True
        reasons.append("they share a quotation (re-worded)")
    if not story and within_story:
        story = True
        reasons.append("the corpus ties them to one story through other articles")

    alignments = _statement_alignments(fa, fb, pairs, g)
    # Facts of two different stories are not about the same events: align only within a story.
    aligned = align_events(fa.events, fb.events, gazetteer=g) if story else []
    for i, j in aligned:
        alignments.extend(event_alignments(fa.events[i], fb.events[j], fa.article, fb.article, gazetteer=g))
    restated: tuple[list[Alignment], list[Alignment]] = ([], [])
    if story:
        alignments.extend(_named_participants(fa, fb, {i for i, _ in aligned}, g))
        alignments.extend(_mirror_values(_named_participants(fb, fa, {j for _, j in aligned}, g)))
        restated = (
            paraphrases(fa, fb, skip={j for _, j, _ in pairs}),
            _mirror_values(paraphrases(fb, fa, skip={i for i, _, _ in pairs})),
        )
        alignments.extend(restated[0] + restated[1])
    for in_a, in_b, canonical in spelling_conflicts(fa, fb, gazetteer=g) if story else []:
        alignments.append(
            Alignment(
                fact=f"name.{canonical}",
                kind="name",
                verdict=Verdict.CONFLICT,
                values=(
                    FactValue(fa.article.id, in_a or "", canonical, fa.article.outlet),
                    FactValue(fb.article.id, in_b or "", canonical, fb.article.outlet),
                ),
                note=f"spelled differently; the canonical spelling is {canonical}",
            )
        )

    rewrite = source = None
    if story:
        contained = None
        for _, _, s in pairs:
            if s.match == "contained" and len(s.quote_a) != len(s.quote_b):
                contained = fa.article.id if len(s.quote_a) < len(s.quote_b) else fb.article.id
                break
        evidence = bool(pairs) or sim >= 0.15 or len(links) >= 1
        found = derivation(pa, pb, shared_contained=contained) if evidence else None
        if found is None and evidence:
            found = _paraphrase_derivation(fa, fb, restated)
        if found is not None:
            rewrite, source, why = found
            reasons.append(why)
    return Comparison(
        a=fa.article.id,
        b=fb.article.id,
        similarity=sim,
        same_story=story,
        rewrite=rewrite,
        derived_from=source,
        reasons=tuple(reasons),
        shared_statements=tuple(p[2] for p in pairs),
        agreements=tuple(al for al in alignments if al.verdict is Verdict.AGREE),
        conflicts=tuple(al for al in alignments if al.verdict is Verdict.CONFLICT),
    )
