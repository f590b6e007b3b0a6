"""Sanctions: who is sanctioned by whom, for what, in what state.

Cues by status live in ``data/sanctions.toml``. One Sanction per named
designee: a designation's targets are read from the designation sentence
and from the sentences after it that go on listing them ("The companies are
..."); the group phrase a name was listed under ("three individuals") is kept
beside it, and is a Sanction itself only when no names follow. The same target,
authority and status mentioned again is one Sanction with every mention kept.
Field names follow OpenSanctions' FollowTheMoney ``Sanction`` schema where
they overlap (`entity`, `authority`, `program`, `reason`, `status`,
`start_date`); [`to_ftm`][koreabrief.to_ftm] maps them onto FtM's own names.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from koreabrief.arguments import require_article
from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.designations import follow_ups, group_named
from koreabrief.extraction.sanction_cues import hypothetical_marker, sanctioner_sanctions, sentence_sanctions
from koreabrief.extraction.sanction_lexicon import SanctionLexicon
from koreabrief.extraction.sanction_merge import merge_found
from koreabrief.extraction.sanction_reader import Found, SentenceReader
from koreabrief.extraction.triggers import CASE_EXTRAS, EventLexicon
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Article, Sanction, SanctionStatus, Span

__all__ = ["SanctionLexicon", "extract_sanctions", "extract_sanctions_with_warnings", "sanctions_in_context"]

_WINDOW = 4_000
# How many sentences after a designation may go on naming its targets.
_FOLLOW_REACH = 3
# A word that speaks of sanctions, and what makes them threatened or still to come.
_SANCTIONS_WORD = re.compile(
    r"(?<![\w-])sanctions?(?![\w-]*\s+(?:monitor|expert|panel|committee))", re.IGNORECASE
)
_THREAT = re.compile(
    r"\b(?:threat\w*|promis\w*|warn\w*|vow\w*|tougher|could|would|might|may)\b", re.IGNORECASE
)
_KEPT = re.compile(r"\b(?:continu\w*|maintain\w*|keep\w*|kept|remain\w*|still|already)\b", re.IGNORECASE)
_TO_BE_IMPOSED = re.compile(
    r"\b(?:will|to) be (?:imposed|introduced|announced)\b|\bplans? to\b", re.IGNORECASE
)
# Sanctions sought, just before the word: "push for new", "proposed fresh", "urging further"
# (only words that grade the sanctions between: "urged states to enforce" is no proposal).
_SOUGHT = re.compile(
    r"\b(?:propos\w*|draft\w*|(?:push|press|call)\w*\s+for|urg\w*|seek\w*|sought|weigh\w*|consider\w*|mull\w*)"
    r"(?:\s+(?:new|fresh|further|tougher|more|additional|stronger|harsher|extra|the|UN|U\.N\.|international"
    r"|unilateral|secondary|its|own)){0,3}\s+$",
    re.IGNORECASE,
)
# Relief from sanctions, right after the word: "sanctions to be lifted", "sanctions relief".
_EASED = re.compile(r"\s*(?:relief|(?:to\s+be\s+)?(?:lift|eas|remov|relax|scrapp|drop)\w*)\b", re.IGNORECASE)
# A condition after the word: the sanctions are held out, not imposed.
_CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)
# A sentence about "the sanctions" already told of.
_SANCTIONS_FIRST = re.compile(
    r"\W*(?:the|these|those|its|their)\s+(?:new\s+|latest\s+)?(?:sanctions|measures)\b", re.IGNORECASE
)
# What may stand between the names imposing sanctions and the word: "U.N., EU and U.S. ".
# An open quotation before a position: an odd number of quotation marks, or an opening one unclosed.
_QUOTED = re.compile(r"[^“”\"]*(?:“[^”]*|\"[^\"]*)$")
# What stands between "sanctions" and the state they are on: "sanctions relief for ".
_OBJECT_GAP = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:on|against|for|to|targeting)\s+(?:the\s+)?", re.IGNORECASE
)
_DESIGNATING = (SanctionStatus.IN_FORCE, SanctionStatus.PROPOSED)


def _bare_mention(
    text: str, sentences: list[Span], lead: str | None, lex: SanctionLexicon, names: list[ActorMention]
) -> Found | None:
    """A sanction from the first sentence that speaks of sanctions (not inside a quotation),
    if any: on `lead`, the state the article is about, else on the state of the nearest
    name before the word ("Kim called for sanctions to be lifted")."""
    for sent in sentences:
        m = _SANCTIONS_WORD.search(text, sent.start, sent.end)
        if m is None or _QUOTED.match(text, sent.start, m.start()):
            continue  # none, or in someone's words ("“The sanctions are working”")
        clause = text[max(sent.start, m.start() - 80) : min(sent.end, m.end() + 40)]
        # "said it would push for new sanctions at the UN", "proposed fresh sanctions", "a draft
        # proposing tougher sanctions": sought, not yet imposed, however it is worded.
        sought = _SOUGHT.search(text, max(sent.start, m.start() - 60), m.start()) is not None
        # "called for sanctions to be lifted", "pushed for sanctions relief": sought is their end.
        sought = sought and not _EASED.match(text, m.end(), sent.end)
        if not sought and hypothetical_marker(lex, text, sent.start, m.start()):
            continue  # "if Trump wins, Kim could seek concessions on sanctions"
        status = SanctionStatus.IN_FORCE
        if sought:
            status = SanctionStatus.PROPOSED
        elif _CONDITION.search(text, m.end(), min(sent.end, m.end() + 60)) and not _KEPT.search(
            text, max(sent.start, m.start() - 80), m.start()
        ):
            # "promised sanctions if the launches continued": a threat; but sanctions kept on
            # "unless it disarms" are in force.
            status = SanctionStatus.THREATENED
        elif _KEPT.search(clause):
            pass  # "continue pressuring the North through sanctions": in force
        elif _THREAT.search(clause):
            status = SanctionStatus.THREATENED
        elif _TO_BE_IMPOSED.search(clause):
            status = SanctionStatus.PROPOSED
        authority = None
        a = lex.authorities.search(text, max(sent.start, m.start() - 40), m.start())
        if a is not None:
            authority = lex.authority[a.group(0)]
        target = _bare_target(text, sent, m.end(), names, lex, lead=lead)
        if target is None:
            return None
        return Found(target, status, sent, authority, None, None, None, kind="state")
    return None


def _bare_target(
    text: str, sent: Span, pos: int, names: list[ActorMention], lex: SanctionLexicon, *, lead: str | None
) -> str | None:
    """The target of sanctions spoken of with none named: a state under a sanctions regime,
    the one named just after the word ("sanctions relief for North Korea"), else the article's
    lead state if it is one, else the one the article names most, by name or by its people."""
    regime = lex.regime_states
    for n in names:
        if pos <= n.start <= pos + 40 and n.name in regime and _OBJECT_GAP.fullmatch(text, pos, n.start):
            return n.name
    if lead in regime:
        return lead
    counts = Counter(n.name for n in names if n.kind == "state" and n.name in regime)
    if not counts:
        # "Kim Jong Un oversaw the test. Biden warned of new sanctions": the state of its people.
        counts = Counter(n.affiliation for n in names if n.kind == "person" and n.affiliation in regime)
    return counts.most_common(1)[0][0] if counts else None


def _most_named(names: list[ActorMention], states: frozenset[str]) -> str | None:
    """The one of `states` the article names most, if one is named more than the others."""
    ranked = Counter(n.name for n in names if n.kind == "state" and n.name in states).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _lead_state(names: list[ActorMention], regime: frozenset[str]) -> str | None:
    """The state the article names most often, if it is named more than once and more than any
    other; on a tie, the one of them under a sanctions regime, if only one is."""
    counts: Counter[str] = Counter(n.name for n in names if n.kind == "state")
    ranked = counts.most_common()
    if not ranked or ranked[0][1] < 2:
        return None
    top = [name for name, count in ranked if count == ranked[0][1]]
    if len(top) == 1:
        return top[0]
    under = [name for name in top if name in regime]
    return under[0] if len(under) == 1 else None


def _told_by_verb(low: str, sentences: list[Span], lex: SanctionLexicon) -> set[int]:
    """The sentences (by index) that may hold a designation told by a plain verb ("targeted"):
    those holding one of the lexicon's sanctioner verbs where they or one of the two before
    speak of sanctions. One scan of the article's lower-case text."""
    if not any(word in low for word in lex.sanctioner_context):
        return set()
    starts = [sent.start for sent in sentences]
    out: set[int] = set()
    # Substring scans, then word edges: a regex scan of the whole text is many times slower.
    for verb in lex.sanctioner_words:
        at = low.find(verb)
        while at >= 0:
            end = at + len(verb)
            if not (_word_char(low, at - 1) or _word_char(low, end)):
                index = bisect.bisect_right(starts, at) - 1
                if index >= 0 and index not in out and at < sentences[index].end:
                    window = low[sentences[max(0, index - 2)].start : sentences[index].end]
                    if any(word in window for word in lex.sanctioner_context):
                        out.add(index)
            at = low.find(verb, end)
    return out


def _word_char(text: str, i: int) -> bool:
    """Whether `text[i]` (inside the text) continues a word: a letter, digit, "_" or "-"."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


# Stops that end no sentence before a name: "the Foreign Trade Bank, a.k.a. Mooyokeunhaeng".
_NOT_ENDING = ("a.k.a.", " aka.", " f.k.a.")


def _cue_windows(
    low: str, sentences: list[Span], lex: SanctionLexicon, quick: re.Pattern[str] | None
) -> dict[int, list[tuple[Span, int | None]]]:
    """The pieces of each sentence (by index) that may hold a cue: those holding a word every
    cue holds and a quick (lower-case) cue match; every piece when the text defeats the quick scan.

    Each piece comes with where the quick scan found its first cue (None without that
    scan): the cue reading of the piece starts there (`sentence_sanctions`' `scan_from`).
    """
    anchors = lex.anchors if quick is not None else None
    # The gate's first match is the twin's (see `SanctionLexicon.gate`), found sooner.
    first_cue = lex.gate if quick is lex.lowered and lex.gate is not None else quick
    out: dict[int, list[tuple[Span, int | None]]] = {}
    for index, sent in enumerate(sentences):
        start = sent.start
        while start < sent.end:
            end = min(sent.end, start + _WINDOW)
            first: int | None = None
            if anchors is not None and anchors.search(low, start, end) is None:
                start = end
                continue  # no cue word: no cue
            if first_cue is not None:
                found = first_cue.search(low, start, end)
                if found is None:
                    start = end
                    continue  # no cue: nothing the full scan could find
                first = found.start()
            # Built only here: most sentences hold no cue, and a Span runs its validators.
            piece = sent if (start, end) == (sent.start, sent.end) else Span(start, end)
            out.setdefault(index, []).append((piece, first))
            start = end
    return out


def _closed(text: str, sentences: list[Span]) -> list[Span]:
    """The sentences, joined where a stop inside parentheses or after "a.k.a." split one."""
    out: list[Span] = []
    open_at: Span | None = None
    for given in sentences:
        sent = given
        if open_at is not None and given.start - open_at.end < 3:
            sent = Span(open_at.start, given.end)
            out.pop()
        unclosed = text.count("(", sent.start, sent.end) > text.count(")", sent.start, sent.end) or (
            text[max(sent.start, sent.end - 8) : sent.end].lower().endswith(_NOT_ENDING)
        )
        open_at = sent if unclosed and sent.end - sent.start < _WINDOW else None
        out.append(sent)
    return out


def extract_sanctions_with_warnings(
    article: Article, /, *, gazetteer: Gazetteer | None = None
) -> tuple[tuple[Sanction, ...], tuple[str, ...]]:
    """Like [`extract_sanctions`][koreabrief.extract_sanctions], also returning warnings.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="The US Treasury sanctioned three entities.")
        >>> [(s.entity, s.authority) for s in extract_sanctions_with_warnings(a)[0]]
        [('three entities', 'United States')]
    """
    require_article(article, "extract_sanctions_with_warnings")
    gaz = gazetteer or Gazetteer.default()
    return sanctions_in_context(article, ArticleContext(article.text, gaz))


def sanctions_in_context(
    article: Article, ctx: ArticleContext
) -> tuple[tuple[Sanction, ...], tuple[str, ...]]:
    """Like `extract_sanctions_with_warnings`, reusing the work `ctx` shares between extractors.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="Russia is under sanctions.")
        >>> [s.entity for s in sanctions_in_context(a, ArticleContext(a.text, kb.Gazetteer.default()))[0]]
        ['Russia']
    """
    lex = SanctionLexicon.default()
    text = article.text
    low = ctx.lowered
    if not any(word in low for word in lex.prefilter):
        return (), ()
    quick = lex.lowered if not CASE_EXTRAS.search(text) else None
    sentences = _closed(text, ctx.sentences)
    cued = _cue_windows(low, sentences, lex, quick)
    told = _told_by_verb(low, sentences, lex)
    if not cued and "sanction" not in low and not told:
        return (), ()  # no cue, no sanctions spoken of, no verb telling one: the names need not be found
    names = ctx.actor_names(EventLexicon.default())
    starts = [n.start for n in names]
    lead = _lead_state(names, lex.regime_states)
    un_target = _most_named(names, lex.un_states)
    found: list[Found] = []
    # The designation the sentences after it may go on listing targets of, and how far.
    last: Found | None = None
    last_at = -10
    groups: list[Found] = []  # counted groups designated so far, whose names may come later
    for index, sent in enumerate(sentences):
        before = sentences[index - 1] if index else None
        got: list[Found] = []
        for piece, first in cued.get(index, ()):
            reader = SentenceReader(
                text,
                piece,
                names,
                lex,
                starts,
                lead=lead,
                before=before,
                gazetteer=ctx.gazetteer,
                un_target=un_target,
                lowered=low if quick is not None else None,
            )
            got.extend(sentence_sanctions(reader, article.published, scan_from=first))
        near = last is not None and index - last_at <= _FOLLOW_REACH
        if last is not None and near:
            reader = SentenceReader(text, sent, names, lex, starts, lead=lead)
            listed = follow_ups(reader, last, previous=found, openings_only=bool(got))
            if listed:
                # "The three are A, B and C, all of which operate under D, which itself was
                # sanctioned in 2015": the list goes on the designation before, beside the
                # sentence's own cue.
                own = {f.entity for f in got}
                got = [f for f in listed if f.entity not in own] + got
                last_at = index
        if not got and groups:
            got = group_named(SentenceReader(text, sent, names, lex, starts, lead=lead), groups)
        if index in told:
            # "The U.S. on Wednesday targeted X", "..., and Australia has now hit Y": a designation
            # told by a plain verb after a sanctioning subject, with sanctions spoken of in the
            # sentence or just before.
            own = {f.entity for f in got}
            reader = SentenceReader(text, sent, names, lex, starts, lead=lead)
            known = found[-1].authority if found else None
            got += [f for f in sanctioner_sanctions(reader, known=known) if f.entity not in own]
        elif last is not None:
            # "The officials were also blacklisted", "The sanctions also named ...": a
            # designation told on without its authority is the one made before.
            got = [
                f._replace(authority=last.authority, action=last.action)
                if f.authority is None
                and f.status is last.status
                and f.kind != "state"
                and (near or _SANCTIONS_FIRST.match(text, f.sent.start, f.sent.end))
                else f
                for f in got
            ]
        designations = [f for f in got if f.status in _DESIGNATING]
        groups.extend(f for f in designations if f.kind == "group")
        if designations:
            last, last_at = designations[-1], index
        found.extend(got)
    if not found:
        # Sanctions spoken of with no target named ("sanctions will remain until ...",
        # "the sanctions-hit state"): those on the state the article is about.
        bare = _bare_mention(text, sentences, lead, lex, names)
        if bare is not None:
            found.append(bare)
    return merge_found(found), ()


def extract_sanctions(article: Article, /, *, gazetteer: Gazetteer | None = None) -> tuple[Sanction, ...]:
    """The sanctions the article reports.

    Args:
        article: A clean article.
        gazetteer: The entities to resolve names with; the shipped one by default.

    Returns:
        Sanctions in text order; each span is the reporting sentence in `article.text`.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="Russia and Iran are under sanctions. "
        ...                "Pyongyang's launch was a violation of multiple UN Security Council resolutions.")
        >>> [(s.entity, s.status.value) for s in kb.extract_sanctions(a)]
        [('Russia', 'in_force'), ('Iran', 'in_force'), ('North Korea', 'violated')]
    """
    require_article(article, "extract_sanctions")
    return extract_sanctions_with_warnings(article, gazetteer=gazetteer)[0]
