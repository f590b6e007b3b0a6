"""Violations: who broke which sanctions, and the state a broken UN regime targets.

"Russia violated UN Security Council resolutions by training North Korean
troops" gives a violation on Russia, and on the state the resolutions target
(named after them, "resolutions that ban arms trade with North Korea", else
the article's lead state). Who judges ("Tokyo condemned the launch as a
violation") or reports it ("Seoul said") is no violator, and an allegation of
breaking one state's own sanctions is reported as no violation.
"""

from __future__ import annotations

import re
from collections import Counter

from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.sanction_reader import SentenceReader, authority_of
from koreabrief.extraction.sanction_targets import SUBJECT_START
from koreabrief.models import Span

__all__ = [
    "alleged",
    "first_state",
    "judged",
    "judges",
    "owned",
    "previous_actor",
    "regime_target",
    "unjudged_lead",
    "violation_targets",
]

# An accusation or allegation: what it says was violated is not reported as fact.
_ALLEGED = re.compile(r"(?<![\w-])(?:alleg|accus|suspect|claim)\w*", re.IGNORECASE)

# A UN regime: "accused of violating UN Security Council resolutions" is still reported.
_UN = re.compile(r"resolution|security council|\bU\.?N\b", re.IGNORECASE)

# A name speaking: "Seoul said", "Japan has strongly condemned".
_SPEAKS = re.compile(
    # "the UN panel said", "Seoul's foreign ministry has said": the name's body speaks for it.
    # "Canada's foreign minister described", "Seoul's top envoy said": its office holders too.
    r"(?:['’]s?)?\s+(?:(?:panel|experts?|committee|monitors?|ministry|office|spokes(?:man|woman|person)|officials?"
    r"|report|foreign|defen[cs]e|prime|top|chief|deputy|vice|senior|minister|secretary|envoys?|ambassador"
    r"|president|premier|government|leader|chancellor)\s+){0,3}"
    r"(?:(?:has|have|had)\s+)?(?:(?:\w+ly|also)\s+)?(?:said|says|say|told|stated|added|warned|noted|urged|condemned"
    r"|denounced|called|described|criticized|criticised|slammed|blasted)\b",
    re.IGNORECASE,
)

_ADVERB = re.compile(r"(?:(?:has|have|had)\s+)?(?:(?:\w+ly|also)\s+)?")

# A ban that says whom a regime targets: "... resolutions banning arms exports from North Korea".
_BAN = re.compile(
    r"\b(?:ban|bans|banning|banned|prohibit|prohibits|prohibiting|prohibited|bar|bars|barring)\b"
)

# What stands between a sanctions regime and the state it targets.
_REGIME_PREP = re.compile(r"\b(?:on|against|with|targeting)\s+(?:the\s+)?$")

# The same, for what a regime bans: "the supply of weapons to the DPRK".
_BANNED_PREP = re.compile(r"\b(?:on|against|with|targeting|to|from)\s+(?:the\s+)?$")

# Verbs of judging: their subject calls something a violation rather than commits one.
# The agent of a passive judging verb: "was condemned by", "described by the".
_JUDGED_BY = re.compile(
    r"\b(?:condemn|denounc|criticiz|criticis|slamm|blast|label|decr[iy]|describ|call|brand)\w*\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# What points back at an act told before: "it", "the launch", "the test", "this".
_REFERRED = re.compile(
    r"\b(?:it|this|that|the\s+(?:\w+\s+)?(?:launch|test|firing|move|act|transfer|shipment|deal))\b",
    re.IGNORECASE,
)

_JUDGES = re.compile(
    r"\b(?:condemn|denounc|call|describ|brand|slam|criticiz|criticis|blast|label|decr[iy])\w{0,4}\b",
    re.IGNORECASE,
)


def regime_target(ctx: SentenceReader, pos: int, *, reach: int = 60, banned: bool = False) -> str | None:
    """The state a sanctions regime named just before `pos` targets ("... resolutions
    on North Korea", "... that ban arms trade with North Korea"), if any; with `banned`,
    also the state what it bans goes to or comes from ("... the supply of arms to the DPRK")."""
    prep = _BANNED_PREP if banned else _REGIME_PREP
    for n in ctx.names:
        if n.start < pos or n.start > pos + reach:
            continue
        if n.kind == "state" and prep.search(ctx.text, max(pos, n.start - 12), n.start):
            return n.name
    return None


def first_state(ctx: SentenceReader, pos: int) -> str | None:
    """The first state named in the clause before `pos` (after a reporting verb), if any,
    that is not one of the judges: not coordinated with one ("Washington, Seoul and Tokyo
    condemned ..."), nor the adjective or owner of one ("Japanese Prime Minister X called ...")."""
    start = ctx.sent.start
    for b in SUBJECT_START.finditer(ctx.text, ctx.sent.start, pos):
        start = b.end()
    clause = [n for n in ctx.names if start <= n.start and n.end <= pos]
    judging = _judging(ctx, clause)
    for n in clause:
        if n.kind == "state" and n not in judging:
            return n.name
    return None


def _judging(ctx: SentenceReader, names: list[ActorMention]) -> list[ActorMention]:
    """The names among `names` that judge or speak, with those coordinated with them and
    those that only modify them (a title's state, an owner)."""
    out: list[ActorMention] = []
    for j in names:
        if not judges(ctx, j):
            continue
        out.extend(ctx.conjuncts(j))
        # "Japanese Prime Minister Fumio Kishida", "Seoul's top envoy": the judge's own words.
        out.extend(n for n in names if n.end <= j.start and _MODIFIER.fullmatch(ctx.text, n.end, j.start))
    return out


# What may stand between a name and the judge it modifies: "'s", a title of a few words,
# capitalised or of an office ("Japanese Prime Minister", "Seoul's top envoy").
_MODIFIER = re.compile(
    r"(?:['’]s?)?(?:\s+(?:[A-Z][\w.-]*|top|chief|deputy|vice|senior|foreign|defen[cs]e|prime|minister"
    r"|ministry|secretary|spokes(?:man|woman|person)|envoys?|ambassador|president|officials?|national"
    r"|security|adviser|advisor|state|department|office)){0,4}\s+"
)


def previous_actor(ctx: SentenceReader) -> str | None:
    """The state whose act the sentences before tell: the first name of the sentence before
    when it acts there (a state, or a person's state: "Kim Jong Un watched the test ..."); when
    that sentence names no one, the state named most before, by itself or by its people, if
    one is named most and does not judge here."""
    if ctx.before is None:
        return None
    for n in ctx.names_in(ctx.before):
        if judges(ctx, n):
            return None  # "Seoul said ...": a speaker, not an actor
        if n.kind == "state":
            return n.name
        if n.kind == "person" and n.affiliation is not None:
            return n.affiliation
        return None
    if ctx.before.start <= 0:
        return None
    states = Counter(
        n.name if n.kind == "state" else n.affiliation
        for n in ctx.names_in(Span(0, ctx.before.start))
        if n.kind == "state" or (n.kind == "person" and n.affiliation is not None)
    ).most_common(2)
    if not states or (len(states) > 1 and states[0][1] == states[1][1]):
        return None
    judging = {authority_of(n) for n in ctx.names if judges(ctx, n)}
    return states[0][0] if states[0][0] not in judging else None


def judges(ctx: SentenceReader, n: ActorMention) -> bool:
    """Whether the name speaks or judges in its sentence ("Tokyo condemned ...", ", Seoul said")."""
    if _SPEAKS.match(ctx.text, n.end, ctx.sent.end) is not None:
        return True
    if _JUDGED_BY.search(ctx.text, max(ctx.sent.start, n.start - 40), n.start) is not None:
        return True  # "the launch was condemned by Seoul as a violation"
    adverb = _ADVERB.match(ctx.text, n.end + 1)
    verb = adverb.end() if adverb is not None else n.end + 1
    return _JUDGES.match(ctx.text, verb, ctx.sent.end) is not None


def owned(ctx: SentenceReader, pos: int) -> bool:
    """Whether a name owns the noun at `pos` ("Pyongyang's sanctions evasion")."""
    return any(
        0 <= pos - n.end <= 4 and ctx.text[n.end : pos].strip() in ("'s", "’s", "'", "’") for n in ctx.names
    )


def alleged(ctx: SentenceReader, m: re.Match[str]) -> bool:
    """Whether violation cue `m` is an allegation of breaking a national regime ("accusing
    them of moving funds in violation of U.S. sanctions"); UN resolutions stay reported."""
    start = max(ctx.sent.start, m.start() - 120)
    return _ALLEGED.search(ctx.text, start, m.start()) is not None and not _UN.search(m.group(0))


def judged(ctx: SentenceReader, subj: ActorMention, pos: int) -> ActorMention | None:
    """The violator when `subj` judges or reports something a violation before `pos`:
    the last name judged ("Washington condemned Pyongyang's launch as a violation"), none
    for a speaker ("Washington said the launch was a violation"), else `subj` itself."""
    if _JUDGES.search(ctx.text, subj.end, pos):
        names = [n for n in ctx.names if subj.end <= n.start and n.end <= pos]
        return names[-1] if names else None
    # Who says something is a violation is no violator either; whose it is, the
    # first state named in what is said (see `violation_targets`).
    return None if judges(ctx, subj) else subj


def unjudged_lead(ctx: SentenceReader) -> str | None:
    """The article's lead state, unless the sentence names it, or one of its people, as a
    judge or speaker ("South Korean Foreign Minister Park Jin told a briefing")."""
    if any(ctx.lead in (n.name, n.affiliation) and judges(ctx, n) for n in ctx.names):
        return None
    return ctx.lead


def violation_targets(ctx: SentenceReader, m: re.Match[str], violators: list[str]) -> list[str]:
    """The state a broken UN regime targets, for violation cue `m`, unless among `violators`.

    Named after the resolutions ("resolutions that ban arms trade with North Korea",
    "resolutions banning exports from North Korea"); else, with no violator named, the
    first state in what is judged ("the transfers of weapons from North Korea to Russia
    constitute a violation"); else the state under a UN regime the article names most; else,
    with no violator named, the article's lead state.
    """
    text, sent = ctx.text, ctx.sent
    if not _UN.search(m.group(0) + text[m.end() : m.end() + 40]):
        return []
    regime = regime_target(ctx, m.end())
    ban = _BAN.search(text, m.end(), min(sent.end, m.end() + 60))
    if regime is None and ban is not None:
        regime = regime_target(ctx, ban.end(), reach=120, banned=True)
    if regime is None and not violators:
        regime = first_state(ctx, m.start())
    under = ctx.lex.un_states
    if regime is None and ctx.un_target is not None and not any(v in under for v in violators):
        # The state under a UN regime the article names most, unless it judges here.
        judging = any(ctx.un_target in (n.name, n.affiliation) and judges(ctx, n) for n in ctx.names)
        regime = None if judging else ctx.un_target
    if regime is None and not violators and _REFERRED.search(text, sent.start, m.start()):
        # "Tokyo condemned it as a violation": "it" is the act the sentence before told of.
        regime = previous_actor(ctx)
    if regime is None and not violators:
        regime = unjudged_lead(ctx)
    return [regime] if regime is not None and regime not in violators else []
