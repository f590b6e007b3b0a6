"""Sanctions: who is sanctioned by whom, for what, in what state.

Cues by status live in ``data/sanctions.toml``. Field names follow
OpenSanctions' FollowTheMoney ``Sanction`` schema (`entity`, `authority`,
`program`, `reason`, `status`, `start_date`) so that export is a rename-free
mapping.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Mapping
from importlib import resources
from typing import Any

from attrs import field, frozen

from koreabrief.arguments import require_article
from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.dates import find_times
from koreabrief.extraction.triggers import CASE_EXTRAS, EventLexicon
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Article, Sanction, SanctionStatus, Span

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["SanctionLexicon", "extract_sanctions", "extract_sanctions_with_warnings", "sanctions_in_context"]

# Compiled once here rather than inline in the functions that use them.
_LIST_JOINT = re.compile(r"\s*(?:,|and|,\s*and)\s*")
# What opens a reason: "for its nuclear tests", "over the invasion", "accused of helping ...".
_FOR_OVER = re.compile(
    r"\s+(?:(?:it|they|that|who|which|whom)\s+(?:(?:has|have|had|is|are|was|were)\s+)?)?"
    r"(?:for|over|accused of|suspected of|charged with|alleged to have|involved in|linked to|tied to"
    r"|responsible for|engaged in)\s+(?:its|their|his|her|the)?\s*"
)
_BY = re.compile(r"\s+by\s+(?:the\s+)?")
_THE_GAP = re.compile(r"\s*(?:the\s+)?")
# What stands between a sanctions regime and the state it targets.
_REGIME_PREP = re.compile(r"\b(?:on|against|with|targeting)\s+(?:the\s+)?$")
# A lifting still to come: a future or an intention just before the cue.
_TO_COME = re.compile(
    r"\b(?:will|would|shall|(?:plans?|planning|intends?|aims?|offered|offers|promised|promises|agreed|agrees"
    r"|(?:is|are|was|were) (?:set|expected|poised|ready|due))\s+to)\s+(?:\w+\s+){0,2}$|['’]ll\s+$",
    re.IGNORECASE,
)
# Asking for a sanction to be lifted ("called for easing sanctions", "urged the lifting of").
_ASKED = re.compile(
    r"\b(?:(?:called|calls|call|calling|pushed|pushes|push|pushing|pressed|presses|press|pressing)\s+for"
    r"|urged|urges|urge|urging|demanded|demands|demand|demanding|sought|seeks|seek|seeking)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A pronoun opens a relative clause without "that" ("three individuals it accused of ...");
# matched as written, so that "IT workers" stays a group.
_PRONOUNS = frozenset(["it", "they", "he", "she", "we"])
_AND_GROUP = re.compile(r"\s+(?:and|as well as)\s+")
# Plural nouns a coordinated sanctioned group may open with, without a number.
_GROUP_NOUNS = frozenset(
    [
        "individuals",
        "entities",
        "companies",
        "firms",
        "organisations",
        "organizations",
        "people",
        "officials",
        "vessels",
        "ships",
        "banks",
        "networks",
        "groups",
        "businesses",
        "persons",
        "tankers",
    ]
)
_AND_REASON = re.compile(r"\s+and\s+(?:\w+\s+){1,3}?(?=for\b|over\b)")
_VIOLATED_OBJECT = re.compile(
    r"\b(?:of|violated|violates|violate|violating|breached|breaches|breach|breaching|evading|evaded|evades|evade"
    r"|circumvented|circumventing|circumvents|circumvent)\s+(.+)\Z"
)

_GAP = r"(?:\s+[\w'’-]{1,30}){0,6}?\s+"
_WORD = re.compile(r"[\w'’.-]+")
# A full stop inside an abbreviation ("U.N.", "U.S.") or a number ends no reason.
_REASON_END = re.compile(
    r"[,;:—–()\"“”]|\.(?!\w)(?<!\b[A-Z]\.)|\s-\s|\s+and\s+(?=[A-Z])|\s+while\b|\s+but\b"
)
_NP_STOP = frozenset(
    [
        "for",
        "over",
        "in",
        "on",
        "at",
        "by",
        "with",
        "to",
        "from",
        "after",
        "since",
        "because",
        "as",
        "under",
        "that",
        "which",
        "who",
        "and",
        "last",
        "this",
        "next",
        "yesterday",
        "today",
        "earlier",
        "later",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        # A participle opens a modifier of the phrase, not part of its head:
        # "two firms accused of ...", "11 organisations linked to ...".
        "accused",
        "linked",
        "tied",
        "connected",
        "involved",
        "suspected",
        "believed",
        "allegedly",
        "reportedly",
        "based",
        "including",
        "such",
        "whose",
        "if",
        "unless",
        "while",
        "when",
        "because",
        "includes",
        "included",
        "include",
    ]
)
_NUMBERISH = re.compile(
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several|a|an|the|its|\w+ly)\b"
)
_QUANTIFIERS = re.compile(
    r"^(?:multiple|several|numerous|various|many|a|an|the|its|\d+|two|three)\s+", re.IGNORECASE
)
# How the adjective of a state ends ("North Korean", "Chinese", "British", "Israeli", "French").
_DEMONYM = ("an", "ese", "ish", "i", "ch")
# The words a drafting or vetoing cue must be among, just before a sanction cue.
_PROPOSAL_REACH = 8
# A lower-case head noun right after a name used as an adjective ("Chinese firms").
_HEAD_NOUN = re.compile(r"\s([a-z][a-z-]{1,30})\b")
# Verbs of judging: their subject calls something a violation rather than commits one.
_JUDGES = re.compile(
    r"\b(?:condemn|denounc|call|describ|brand|slam|criticiz|criticis|blast|label|decr[iy])\w{0,4}\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\u2014\u2013\"“”]")
_WINDOW = 4_000
_DATE_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:in|on|since|from|starting|effective)\s+)?")


@frozen
class SanctionLexicon:
    """Sanction cues, hypothetical markers and authority names, from ``sanctions.toml``.

    Examples:
        >>> SanctionLexicon.default().authority["OFAC"]
        'United States'
    """

    data: Mapping[str, Any] = field(eq=False, repr=False)
    cues: tuple[tuple[SanctionStatus, str], ...] = field(init=False)
    authority: dict[str, str] = field(init=False, repr=False)
    _pattern: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # `_pattern` without IGNORECASE, for lower-cased text (see `_lowered_pattern`).
    _lowered: re.Pattern[str] | None = field(init=False, eq=False, repr=False)
    _hypothetical: re.Pattern[str] = field(init=False, eq=False, repr=False)
    _proposal: re.Pattern[str] = field(init=False, eq=False, repr=False)
    _authorities: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # Lower-case words one of which every text with a sanction holds.
    prefilter: tuple[str, ...] = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        cues = []
        parts = []
        bodies = []
        for i, item in enumerate(self.data.get("cue", ())):
            cues.append((SanctionStatus(item["status"]), str(item.get("entity", "after"))))
            body = "|".join(_GAP.join(p.split(" ... ")) for p in item["patterns"])
            bodies.append(body)
            parts.append(f"(?P<c{i}>{body})")
        object.__setattr__(self, "cues", tuple(cues))
        words = self.data.get("prefilter", {}).get("words", ("sanction", "resolution"))
        object.__setattr__(self, "prefilter", tuple(w.lower() for w in words))
        source = r"(?<![\w-])(?:" + "|".join(parts or ["(?!x)x"]) + r")(?![\w-])"
        object.__setattr__(self, "_pattern", re.compile(source, re.IGNORECASE))
        object.__setattr__(self, "_lowered", _lowered_pattern(source, bodies))
        object.__setattr__(
            self, "_hypothetical", _words_regex(self.data.get("hypothetical", {}).get("before", ()))
        )
        object.__setattr__(self, "_proposal", _words_regex(self.data.get("proposal", {}).get("before", ())))
        auth = dict(self.data.get("authority", {}))
        object.__setattr__(self, "authority", auth)
        alts = "|".join(re.escape(k) for k in sorted(auth, key=len, reverse=True)) or "(?!x)x"
        object.__setattr__(self, "_authorities", re.compile(rf"(?<![\w.])(?:{alts})(?![\w])"))

    def __getstate__(self) -> dict[str, Any]:
        return {"data": dict(self.data)}

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        object.__setattr__(self, "data", state["data"])
        self.__attrs_post_init__()

    @classmethod
    def default(cls) -> SanctionLexicon:
        """The shipped lexicon, read once.

        Examples:
            >>> SanctionLexicon.default() is SanctionLexicon.default()
            True
        """
        return _default()


def _words_regex(words: Any) -> re.Pattern[str]:
    """Any of these words or phrases, case-insensitively, on word boundaries."""
    alts = [re.escape(w) for w in words]
    return re.compile(r"\b(?:" + "|".join(alts or ["(?!x)x"]) + r")\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _default() -> SanctionLexicon:
    text = resources.files("koreabrief").joinpath("data").joinpath("sanctions.toml").read_text("utf-8")
    return SanctionLexicon(tomllib.loads(text))


class _Ctx:
    def __init__(
        self, text: str, sent: Span, names: list[ActorMention], lex: SanctionLexicon, starts: list[int]
    ) -> None:
        self.text = text
        self.sent = sent
        # Bisected, not filtered: a scan of every name per sentence is quadratic.
        self.names = names[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)]
        self.lex = lex

    def subject(self, pos: int) -> ActorMention | None:
        for n in reversed([n for n in self.names if n.end <= pos]):
            words = _WORD.findall(self.text[max(self.sent.start, n.start - 20) : n.start])
            if not words or words[-1].lower() not in (
                "to",
                "with",
                "against",
                "on",
                "of",
                "for",
                "from",
                "by",
                "in",
            ):
                return n
        return None

    def conjuncts(self, head: ActorMention) -> list[ActorMention]:
        """`head` with the names coordinated before it ("Russia, Iran and North Korea")."""
        out = [head]
        earlier = [n for n in self.names if n.end <= head.start]
        for n in reversed(earlier):
            if not _LIST_JOINT.fullmatch(self.text[n.end : out[-1].start]):
                break
            out.append(n)
        return out[::-1]

    def authority_in(self, start: int, end: int) -> str | None:
        m = self.lex._authorities.search(self.text, start, end)
        if m is not None:
            return self.lex.authority[m.group(0)]
        return None


def _last_words(text: str) -> str:
    """The last `_PROPOSAL_REACH` words of `text`."""
    words = text.split()
    return " ".join(words[-_PROPOSAL_REACH:])


def _joined_names(text: str, after: list[ActorMention]) -> list[ActorMention]:
    """The first name and those joined to it by commas or "and" ("Russia, Iran and North Korea")."""
    out = [after[0]]
    for n in after[1:]:
        if _LIST_JOINT.fullmatch(text, out[-1].end, n.start) is None or n.text != n.name:
            break
        out.append(n)
    return out


def _coordinated_adjective(text: str, after: list[ActorMention]) -> bool:
    """Whether the first two names are adjectives joined by "and" ("Russian and North Korean")."""
    if len(after) < 2:
        return False
    second = after[1]
    joined = text[after[0].end : second.start].strip() == "and"
    return joined and second.text != second.name and second.text.endswith(_DEMONYM)


def _reason(text: str, start: int, end: int) -> tuple[str | None, int]:
    m = _FOR_OVER.match(text[start : min(end, start + 20)])
    if not m:
        return None, start
    rs = start + m.end()
    stop = _REASON_END.search(text, rs, end)
    re_end = stop.start() if stop else end
    reason = text[rs:re_end].strip()
    return (reason or None), re_end


def _noun_phrase(text: str, start: int, end: int, *, named: bool = False) -> tuple[str, int] | None:
    """The group a cue names ("three entities"), opening with a number or determiner
    unless `named` (it opens with a name: "Chinese firms")."""
    words: list[re.Match[str]] = []
    for w in _WORD.finditer(text, start, min(end, start + 120)):
        if w.group(0).lower() in _NP_STOP or w.group(0) in _PRONOUNS or len(words) >= 6:
            break
        words.append(w)
        if w.group(0).endswith((",", ".")):
            break
    if not words or not (named or _NUMBERISH.match(words[0].group(0).lower())):
        return None
    phrase = text[words[0].start() : words[-1].end()].rstrip(".,")
    return phrase, words[0].start() + len(phrase)


def _authority_of(n: ActorMention) -> str:
    """The authority a name stands for: a body's state when it has one ("the Treasury")."""
    return n.affiliation if n.kind == "organisation" and n.affiliation else n.name


def _regime_target(ctx: _Ctx, pos: int) -> str | None:
    """The state a sanctions regime named just before `pos` targets ("... resolutions
    on North Korea", "... that ban arms trade with North Korea"), if any."""
    for n in ctx.names:
        if n.start < pos or n.start > pos + 60:
            continue
        if n.kind == "state" and _REGIME_PREP.search(ctx.text, max(pos, n.start - 12), n.start):
            return n.name
    return None


def _second_group(text: str, start: int, end: int) -> tuple[str, int] | None:
    """A group coordinated after a sanctioned group ("... and two individuals",
    "... and entities") and where it ends, or None when none follows at `start`."""
    conj = _AND_GROUP.match(text, start, end)
    if conj is None:
        return None
    np = _noun_phrase(text, conj.end(), end)
    if np is None:
        word = _WORD.match(text, conj.end(), end)
        if word is None or word.group(0).rstrip(".,").lower() not in _GROUP_NOUNS:
            return None
        np = _noun_phrase(text, conj.end(), end, named=True)
    return np


def _lowered_pattern(source: str, bodies: list[str]) -> re.Pattern[str] | None:
    """`source` compiled case-sensitively, when that is its IGNORECASE form on lower-cased text.

    It is when the cue patterns hold no cased character but ASCII lower-case
    letters (so no capital escape such as ``\\W`` or ``\\S`` either) and the
    text none of `CASE_EXTRAS`. The IGNORECASE scan is some three times
    slower: it only confirms the sentences the quick one finds a cue in.
    """
    if all((c.isascii() and c.islower()) or c.lower() == c.upper() for body in bodies for c in body):
        return re.compile(source)
    return None


def _sentence_sanctions(ctx: _Ctx, published: Any) -> list[Sanction]:
    text, sent, lex = ctx.text, ctx.sent, ctx.lex
    out: list[Sanction] = []
    # Only a date in the cue's own clause says when a sanction started; dates are
    # read only in sentences that hold a cue.
    dated: list[tuple[int, str]] | None = None
    for m in lex._pattern.finditer(text, sent.start, sent.end):
        if dated is None:
            times = find_times(text, sent.start, sent.end, published=published)
            dated = [(t.span.start, t.iso) for t in times if t.iso and t.span is not None]
        name = m.lastgroup
        if name is None:  # pragma: no cover - every alternative is named
            continue
        status, where = lex.cues[int(name[1:])]
        before = text[max(sent.start, m.start() - 100) : m.start()]
        cut = 0
        for b in _CLAUSE_BREAK.finditer(before):
            cut = b.end()
        # A draft ("vetoed a resolution that would have tightened sanctions") is a
        # proposal even when its wording is conditional.
        drafted = (
            status is SanctionStatus.IN_FORCE and lex._proposal.search(_last_words(before[cut:])) is not None
        )
        if drafted:
            status = SanctionStatus.PROPOSED
        elif lex._hypothetical.search(before[cut:]):
            if status is not SanctionStatus.IN_FORCE:
                continue
            status = SanctionStatus.THREATENED
        elif status is SanctionStatus.LIFTED and _ASKED.search(before[cut:]):
            # "Russia and China called for easing sanctions": asked for by those who
            # cannot grant it; proposed, with no authority.
            status = SanctionStatus.PROPOSED
            drafted = True
        elif status is SanctionStatus.LIFTED and _TO_COME.search(before[cut:]):
            # "Japan will lift some sanctions if ...", "plans to lift": offered, not yet lifted.
            status = SanctionStatus.PROPOSED
        # "under UN sanctions": the authority may stand inside the cue itself.
        authority = ctx.authority_in(max(sent.start, m.start() - 60), m.start()) or ctx.authority_in(
            m.start(), m.end()
        )
        by = _BY.match(text[m.end() : m.end() + 10])
        if by:
            authority = ctx.authority_in(m.end(), min(sent.end, m.end() + 60)) or authority
        if status is SanctionStatus.VIOLATED:
            # Who reports a violation ("a UN panel said") is not who imposed the rules broken.
            authority = ctx.authority_in(m.start(), m.end())
        pairs: list[tuple[str, str | None]] = []
        also: list[str] = []  # other authorities imposing it jointly
        if where == "list":
            end = sent.end
            for n in [n for n in ctx.names if n.start >= m.end()]:
                reason, _ = _reason(text, n.end, end)
                if reason:
                    pairs.append((n.name, reason))
            if not pairs:
                subj = ctx.subject(m.start())
                if subj is not None:
                    reason = _reason(text, m.end(), sent.end)[0]
                    pairs.extend((n.name, reason) for n in ctx.conjuncts(subj))
        elif where == "after":
            after = [n for n in ctx.names if m.end() <= n.start < m.end() + 40]
            gap = text[m.end() : after[0].start] if after else ""
            adjective = after and after[0].text != after[0].name and after[0].text.endswith(_DEMONYM)
            head = _HEAD_NOUN.match(text, after[0].end) if adjective else None
            both = head is not None and head.group(1) == "and" and _coordinated_adjective(text, after)
            if both:
                # "Russian and North Korean individuals": one group, named by both adjectives.
                head = _HEAD_NOUN.match(text, after[1].end)
            if head is not None and head.group(1).lower() in _NP_STOP:
                head = None
            if after and _THE_GAP.fullmatch(gap) and head is not None:
                # "sanctions on Chinese firms": the group, not the state.
                np = _noun_phrase(text, after[1 if both else 0].start, sent.end, named=True)
                if np is not None:
                    group = text[after[0].start : np[1]] if both else np[0]
                    pairs.append((group, _reason(text, np[1], sent.end)[0]))
            elif after and _THE_GAP.fullmatch(gap):
                # "sanctions on Russia and North Korea": one on each.
                named = _joined_names(text, after)
                reason, _ = _reason(text, named[-1].end, sent.end)
                pairs.extend((n.name, reason) for n in named)
            else:
                np = _noun_phrase(text, m.end(), sent.end)
                if np is not None:
                    groups = [np[0]]
                    np_end = np[1]
                    second = _second_group(text, np_end, sent.end)
                    if second is not None and second[0].split()[0].lower() in _GROUP_NOUNS:
                        # "11 organisations and individuals": one group, counted once.
                        groups = [text[m.end() : second[1]].strip()]
                        np_end = second[1]
                    elif second is not None:
                        # "six individuals and a Beijing-based company": a sanction on each,
                        # for the reason given after the last.
                        groups.append(second[0])
                        np_end = second[1]
                    # "three entities and two individuals for their role in ...": the reason
                    # may follow a coordinated second group.
                    more = _AND_REASON.match(text[np_end : np_end + 60])
                    reason = _reason(text, np_end + (more.end() - 1 if more else 0), sent.end)[0]
                    pairs.extend((g, reason) for g in groups)
            if authority is None and not drafted:
                # Who vetoes or drafts a resolution is not who would impose it.
                subj = ctx.subject(m.start())
                if subj is not None and subj.kind in ("state", "organisation"):
                    # "The United States, Japan and South Korea jointly sanctioned ...": each imposes it.
                    joint = [
                        _authority_of(n) for n in ctx.conjuncts(subj) if n.kind in ("state", "organisation")
                    ]
                    authority = joint[-1] if joint else _authority_of(subj)
                    also = [a for a in dict.fromkeys(joint) if a != authority]
        else:
            subj = ctx.subject(m.start())
            if subj is not None and _JUDGES.search(text, subj.end, m.start()):
                # "Washington condemned Pyongyang's launch as a violation of ...": the
                # judge is no violator; the one named in what is judged is, if anyone.
                judged = [n for n in ctx.names if subj.end <= n.start and n.end <= m.start()]
                subj = judged[-1] if judged else None
            if subj is not None:
                reason = _reason(text, m.end(), sent.end)[0]
                pairs.extend((n.name, reason) for n in ctx.conjuncts(subj))
            elif status is SanctionStatus.VIOLATED:
                # No violator named ("the transfers violated UN resolutions that ban arms
                # trade with North Korea"): the state the broken regime targets.
                regime = _regime_target(ctx, m.end())
                if regime is not None:
                    pairs.append((regime, None))
        start_date = None
        for pos, iso in dated:
            if pos < m.start():
                ok = m.start() - pos < 80 and not _CLAUSE_BREAK.search(text, pos, m.start())
            else:
                # After the cue only a bare preposition may stand between: "on North Korea in 2006".
                after_names = [n.end for n in ctx.names if m.end() <= n.end <= pos]
                lo = max(after_names, default=m.end())
                ok = _DATE_GAP.fullmatch(text, lo, pos) is not None
            if ok:
                start_date = iso
                break
        program = None
        if status is SanctionStatus.VIOLATED:
            obj = _VIOLATED_OBJECT.search(m.group(0))
            program = _QUANTIFIERS.sub("", obj.group(1)) if obj else None
            if program is not None and program.lower() in ("sanctions", "resolutions", "resolution"):
                program = None  # no regime named
        ended = start_date if status in (SanctionStatus.IN_FORCE, SanctionStatus.LIFTED) else None
        out.extend(
            Sanction(
                entity=entity,
                status=status,
                span=Span(sent.start, sent.end),
                authority=imposer if imposer != entity else None,
                program=program,
                reason=reason,
                start_date=ended,
            )
            for entity, reason in pairs
            for imposer in (*also, authority)
        )
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
    names = ctx.actor_names(EventLexicon.default())
    starts = [n.start for n in names]
    out: list[Sanction] = []
    seen: set[tuple[str, str, str | None, str | None]] = set()
    quick = lex._lowered if not CASE_EXTRAS.search(text) else None
    for sent in ctx.sentences:
        start = sent.start
        while start < sent.end:
            end = min(sent.end, start + _WINDOW)
            if quick is not None and quick.search(low, start, end) is None:
                start = end
                continue  # no cue: nothing the full scan could find
            # Built only here: most sentences hold no cue, and a Span runs its validators.
            piece = sent if (start, end) == (sent.start, sent.end) else Span(start, end)
            for s in _sentence_sanctions(_Ctx(text, piece, names, lex, starts), article.published):
                key = (s.entity, s.status.value, s.reason, s.authority)
                if key not in seen:
                    seen.add(key)
                    out.append(s)
            start = piece.end
    # A sanction told again without its authority is the one told with it.
    known = {(s.entity, s.status, s.reason) for s in out if s.authority is not None}
    out = [s for s in out if s.authority is not None or (s.entity, s.status, s.reason) not in known]
    return tuple(out), ()


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
