"""Sanctions one sentence reports: who is sanctioned, by whom, why, since when.

Each cue of ``data/sanctions.toml`` found in a sentence gives a status, which
the words before it may change (a draft is proposed, a conditional threatened,
a refused lifting stays in force). The targets are read where the cue says they
stand ([`sanction_targets`][koreabrief.extraction.sanction_targets]); a
violation also goes to the state a broken UN regime targets
([`violations`][koreabrief.extraction.violations]). Authority, reason, date,
programme and UN resolution numbers come from the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from koreabrief.extraction.dates import find_times
from koreabrief.extraction.designees import Item
from koreabrief.extraction.sanction_lexicon import SanctionLexicon
from koreabrief.extraction.sanction_reader import UNSC, Found, SentenceReader, authority_of
from koreabrief.extraction.sanction_targets import (
    AMONG,
    SUBJECT_START,
    common_plural,
    find_reason,
    inverted_targets,
    object_targets,
    opening_reason,
    relative_targets,
    subject_targets,
)
from koreabrief.extraction.violations import (
    alleged,
    judged,
    owned,
    regime_target,
    unjudged_lead,
    violation_targets,
)
from koreabrief.models import SanctionStatus

__all__ = ["hypothetical_marker", "sanctioner_sanctions", "sentence_sanctions"]

# A target with its list item (None for a gazetteer name) and reason.
_Target = tuple[str, Item | None, str | None]

# "resolution 2397", "resolutions 2270 and 2321", "UNSCR 1718".
_RESOLUTION_NUMBERS = re.compile(
    r"(?<![\w-])(?:resolutions?|UNSCRs?)\s+(?:No\.?\s*|Nos\.?\s*)?(\d{3,4}(?:\s*(?:,|and|&)\s*\d{3,4})*)",
    re.IGNORECASE,
)

_DIGITS = re.compile(r"\d{3,4}")

# Noun cues that take their status from the verb cue before them in the sentence.
_NOUN_CUE = re.compile(r"(?:asset|travel|sanctions)\b", re.IGNORECASE)

# A decision reported in the future of the past: "the government said on Friday it would freeze".
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|announced|announces|decided|decides|told|confirmed|agreed)\b"
    r"(?:\s+[\w'’-]+){0,5}?\s+(?:it|they|that|he|she|the\s+\w+)\s+would\s*$",
    re.IGNORECASE,
)
# A relative pronoun right before a cue: "..., who are under sanctions".
_AFTER_RELATIVE = re.compile(r"\s(?:who|which|that)\s+$")
# The adjective of an "anti-" cue: "anti-Russian", "anti-North Korean".
_ANTI = re.compile(r"[Aa]nti-([A-Za-z]+(?: [A-Z][a-z]+)?)")
# A violation denied just before its cue: "are not explicitly banned by", "did not violate".
_DENIED = re.compile(r"\b(?:not|never|no|n['’]t)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\s+by\s+(?:the\s+)?")
# What stands between a regime's verb and the state it binds: "require [North Korea]",
# "demand that [Pyongyang]".
_REGIME_OBJECT = re.compile(r"\s+(?:that\s+)?(?:the\s+)?", re.IGNORECASE)
# A ban cue and the passive auxiliary before it: "has been barred by UN resolutions".
_BARRED = re.compile(r"(?:banned|prohibited|outlawed|barred|forbidden)\s", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)

# A lifting still to come: a future or an intention just before the cue.
_TO_COME = re.compile(
    r"\b(?:will|would|shall|(?:plans?|planning|intends?|aims?|offered|offers|promised|promises|agreed|agrees"
    r"|(?:is|are|was|were) (?:set|expected|poised|ready|due))\s+to)\s+(?:\w+\s+){0,2}$|['’]ll\s+$",
    re.IGNORECASE,
)

# A lifting refused: "was not willing to lift", "refused to ease", "won't remove".
_NOT_LIFTING = re.compile(
    r"\b(?:not|never|no|refused|refuses|refusing|unwilling|won['’]t|wouldn['’]t|couldn['’]t|can['’]t|cannot)\b"
    r"(?:\s+[\w'’-]+){0,3}\s*$",
    re.IGNORECASE,
)

# Asking for a sanction to be lifted ("called for easing sanctions", "urged the lifting of").
_ASKED = re.compile(
    r"\b(?:(?:called|calls|call|calling|pushed|pushes|push|pushing|pressed|presses|press|pressing)\s+for"
    r"|urged|urges|urge|urging|demanded|demands|demand|demanding|sought|seeks|seek|seeking)\s+"
    # "demanded that Washington lift sanctions": the one asked, named between.
    r"(?:(?:that\s+)?(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2}\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)

_VIOLATED_OBJECT = re.compile(
    r"\b(?:of|violated|violates|violate|violating|breached|breaches|breach|breaching|evading|evaded|evades|evade"
    r"|circumvented|circumventing|circumvents|circumvent)\s+(.+)\Z"
)

_QUANTIFIERS = re.compile(
    r"^(?:multiple|several|numerous|various|many|a|an|the|its|\d+|two|three)\s+", re.IGNORECASE
)

# The words a drafting or vetoing cue must be among, just before a sanction cue.
_PROPOSAL_REACH = 8

_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()\u2014\u2013\"“”]")

_DATE_AFTER_LIST = re.compile(r",\s*(?:(?:in|on|since|from|starting|effective)\s+)?$")

# A second verb between a cue and a date: the date is that verb's.
_CUE_VERB_GAP = re.compile(r"\b(?:said|says|added|announced|which|who|that)\b")

# The statuses whose targets a passive cue names before it, as the list of a designation.
_LISTING = (SanctionStatus.IN_FORCE, SanctionStatus.LIFTED)

# A threat just before a cue in the future: "warned it would sanction", "threatened to blacklist".
_THREAT_BEFORE = re.compile(
    r"\b(?:warn(?:ed|s|ing)?|threat(?:en|ened|ens|ening)|vow(?:ed|s|ing)?)\b(?:\s+[\w'’-]+){0,4}?\s*$",
    re.IGNORECASE,
)
# Asking another to sanction, just before a "to sanction" cue.
_ASKED_TO = re.compile(
    r"\b(?:asked|asks|asking|urged|urges|urging|requested|requests|called on|calls on|pressed|presses)\b"
    r"(?:\s+[\w.'’-]+){0,5}?\s*$",
    re.IGNORECASE,
)
_MODAL_CUE = re.compile(r"(?:to|will|would|could|might|may|shall)\b", re.IGNORECASE)

# A second verb of the same subject just before a cue: "... and imposed a travel ban on".
_COORDINATED = re.compile(r"\s+and\s+(?:also\s+)?[a-z]+(?:ed|es|s)\b(?:\s+[a-z]+){0,3}\s*$")
# The same after a name: the name is the first verb's object, not the second's subject.
_AND_VERB = re.compile(r"\s+and\s+(?:also\s+)?[a-z]+(?:ed|es)\b")

_DATE_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:in|on|since|from|starting|effective)\s+)?")


def hypothetical_marker(lex: SanctionLexicon, text: str, start: int, end: int) -> re.Match[str] | None:
    """The first hypothetical marker ("could", "if") in `text[start:end]` that is no month:
    "In May that year the Treasury blacklisted X" is told, not supposed; so is "Theresa May"."""
    for m in lex.hypothetical.finditer(text, start, end):
        if m.group(0) == "May" and text[start : m.start()].strip(" \"“‘'"):
            continue
        return m
    return None


def _last_words(text: str) -> str:
    """The last `_PROPOSAL_REACH` words of `text`."""
    words = text.split()
    return " ".join(words[-_PROPOSAL_REACH:])


def _programs(ctx: SentenceReader) -> list[str]:
    """The sanctions programmes the sentence names, in text order ("Executive Order 13722")."""
    if ctx.lex.any_program.search(ctx.text, ctx.sent.start, ctx.sent.end) is None:
        return []
    found = []
    for name, pattern in ctx.lex.programs:
        m = pattern.search(ctx.text, ctx.sent.start, ctx.sent.end)
        if m is not None:
            found.append((m.start(), name.replace("{1}", m.group(1) or "") if m.groups() else name))
    return [name for _, name in sorted(found)]


def _resolutions(text: str, start: int, end: int) -> tuple[str, ...]:
    """UN Security Council resolution numbers in `text[start:end]` ("resolutions 2270 and 2321")."""
    out: list[str] = []
    for m in _RESOLUTION_NUMBERS.finditer(text, start, end):
        out.extend(n for n in _DIGITS.findall(m.group(1)) if n not in out)
    return tuple(out)


def _kind_of(ctx: SentenceReader, entity: str) -> str | None:
    """The kind of a target named by the gazetteer (a state, most often)."""
    for n in ctx.names:
        if n.name == entity:
            return n.kind
    known = ctx.gazetteer.resolve(entity) if ctx.gazetteer is not None else None
    return known.kind if known is not None else None


def _status(
    ctx: SentenceReader, m: re.Match[str], status: SanctionStatus, out: list[Found], first: bool
) -> tuple[SanctionStatus, bool] | None:
    """The status the words before cue `m` give it, and whether it is a draft; None to skip the cue."""
    text, sent, lex = ctx.text, ctx.sent, ctx.lex
    if status is SanctionStatus.VIOLATED and (
        alleged(ctx, m)
        or (m.group(0).lower().startswith("sanctions") and not owned(ctx, m.start()))
        or _DENIED.search(text, max(sent.start, m.start() - 30), m.start())
    ):
        # "accusing them of moving funds in violation of U.S. sanctions", "banks enabling
        # sanctions evasion", "not explicitly banned by UN resolutions": no violation
        # reported, or none by anyone named.
        return None
    if (
        status is SanctionStatus.VIOLATED
        and _BARRED.match(m.group(0))
        and _PASSIVE_AUX.search(text, max(sent.start, m.start() - 30), m.start())
    ):
        subj = ctx.subject(m.start())
        if subj is not None and subj.kind == "state" and len(text[subj.end : m.start()].split()) <= 4:
            # "Pyongyang has been barred by UN resolutions from selling arms": the state is under
            # the ban, in force; "a test banned by UN resolutions" stays a violation.
            return SanctionStatus.IN_FORCE, False
    if not first and status is SanctionStatus.IN_FORCE and _NOUN_CUE.match(m.group(0)) and out:
        # "sought a travel ban on X, and an asset freeze on Y": the freeze is sought too.
        status = out[-1].status
    before = text[max(sent.start, m.start() - 100) : m.start()]
    cut = 0
    for b in _CLAUSE_BREAK.finditer(before):
        cut = b.end()
    clause = before[cut:]
    # A draft ("vetoed a resolution that would have tightened sanctions") is a
    # proposal even when its wording is conditional.
    drafted = status is SanctionStatus.IN_FORCE and lex.proposal.search(_last_words(clause)) is not None
    if drafted:
        return SanctionStatus.PROPOSED, True
    if status is SanctionStatus.IN_FORCE and _MODAL_CUE.match(m.group(0)):
        if _THREAT_BEFORE.search(clause):
            # "Washington warned it would sanction X": a threat, not a decision told in the future.
            return SanctionStatus.THREATENED, False
        if m.group(0).lower().startswith("to") and _ASKED_TO.search(clause):
            # "asked the committee to blacklist X", "urged the EU to sanction X": asked of another
            # (not "urged states to enforce sanctions on X", which are in force).
            return SanctionStatus.PROPOSED, True
    hypothetical = hypothetical_marker(lex, clause, 0, len(clause))
    if hypothetical is not None and not _REPORTED_FUTURE.search(clause, 0, hypothetical.end()):
        return (SanctionStatus.THREATENED, False) if status is SanctionStatus.IN_FORCE else None
    if status is SanctionStatus.LIFTED:
        if _NOT_LIFTING.search(clause):
            # "he was not willing to lift all the sanctions": they stay in force.
            return SanctionStatus.IN_FORCE, False
        if _ASKED.search(clause):
            # "Russia and China called for easing sanctions": asked for by those who
            # cannot grant it; proposed, with no authority.
            return SanctionStatus.PROPOSED, True
        if _TO_COME.search(clause):
            # "Japan will lift some sanctions if ...", "plans to lift": offered, not yet lifted.
            return SanctionStatus.PROPOSED, False
    return status, False


def _authority(ctx: SentenceReader, m: re.Match[str], status: SanctionStatus) -> str | None:
    """Who imposes what cue `m` reports, when the words around it name a sanctioning body."""
    text, sent = ctx.text, ctx.sent
    if status is SanctionStatus.VIOLATED:
        # Who reports a violation ("a UN panel said") is not who imposed the rules broken;
        # resolutions broken are the Security Council's.
        found = ctx.authority_in(m.start(), m.end())
        return UNSC if found is None and "resolution" in m.group(0).lower() else found
    # "under UN sanctions": the authority may stand inside the cue itself, by name or as a
    # state's adjective ("under U.S. sanctions").
    authority = (
        ctx.authority_in(max(sent.start, m.start() - 60), m.start())
        or ctx.authority_in(m.start(), m.end())
        or next(
            (
                authority_of(n)
                for n in reversed(ctx.names)
                if m.start() <= n.start and n.end <= m.end() and n.kind in ("state", "organisation")
            ),
            None,
        )
    )
    if _BY.match(text, m.end(), min(sent.end, m.end() + 10)):
        return ctx.authority_in(m.end(), min(sent.end, m.end() + 60)) or ctx.body_after(m.end()) or authority
    return authority


def _named(ctx: SentenceReader, m: re.Match[str], status: SanctionStatus) -> list[_Target]:
    """Targets named by the gazetteer before a cue ("Russia and Iran are under sanctions")."""
    subj = ctx.subject(m.start())
    if subj is not None and status is SanctionStatus.VIOLATED:
        # "Washington condemned Pyongyang's launch as a violation of ...": the judge is
        # no violator; the one named in what is judged is, if anyone.
        subj = judged(ctx, subj, m.start())
    if subj is None:
        return []
    why = opening_reason(ctx.text, m.end(), ctx.sent.end)[0]
    conj = ctx.conjuncts(subj)
    if status is SanctionStatus.VIOLATED:
        # A state's military or ministry breaks the rules as the state.
        return [(authority_of(n), None, why) for n in conj if n.kind != "person"]
    return [(n.name, None, why) for n in conj]


def _targets(
    ctx: SentenceReader,
    m: re.Match[str],
    where: str,
    status: SanctionStatus,
    stop: int,
    *,
    drafted: bool,
    authority: str | None,
) -> tuple[list[_Target], str | None, list[str]]:
    """The targets of cue `m`, its authority, and the other authorities imposing it jointly."""
    text, sent = ctx.text, ctx.sent
    targets: list[_Target] = []
    also: list[str] = []
    if where == "list" and _AFTER_RELATIVE.search(text, sent.start, m.start()):
        # "three hackers, A, B and C, who are under U.S. sanctions".
        listed = subject_targets(ctx, m.start())
        return [(entity, item, None) for entity, item in listed], authority, also
    if where == "list":
        for n in [n for n in ctx.names if n.start >= m.end()]:
            why = opening_reason(text, n.end, sent.end)[0]
            if why:
                targets.append((n.name, None, why))
        return targets or _named(ctx, m, status), authority, also
    if where == "inside":
        # "its anti-Russian blacklists": the state of the adjective.
        word = _ANTI.search(text, m.start(), m.end())
        entity = ctx.gazetteer.resolve(word.group(1)) if word is not None and ctx.gazetteer else None
        state = entity.name if entity is not None and entity.kind == "state" else None
        if state is None:
            return [], authority, also
        if authority is None:
            # "The government of Japan expanded its anti-Russian blacklists": the state before.
            authority = next(
                (
                    authority_of(n)
                    for n in ctx.names
                    if n.end <= m.start() and n.kind in ("state", "organisation")
                ),
                None,
            )
        return [(state, None, None)], authority, also
    if where == "regime":
        # "UN sanctions prohibit the supply of weapons to the DPRK"; "resolutions require North
        # Korea to ...", "bar Iran from ...": the state the regime's verb takes as its object.
        state = (
            next(
                (
                    n.name
                    for n in ctx.names
                    if n.kind == "state" and _REGIME_OBJECT.fullmatch(text, m.end(), n.start)
                ),
                None,
            )
            or regime_target(ctx, m.end(), reach=160, banned=True)
            or unjudged_lead(ctx)
        )
        return ([(state, None, None)] if state is not None else []), authority, also
    if where == "after":
        listed, end = object_targets(ctx, m, stop)
        if not listed:
            listed = inverted_targets(ctx, m)
        if not listed:
            listed = relative_targets(ctx, m.start())
        if not listed and status is SanctionStatus.IN_FORCE and AMONG.search(text, sent.start, m.start()):
            listed = subject_targets(ctx, m.start())
        last = max((item.end for _, item in listed), default=m.end())
        why = find_reason(text, last, sent.end)
        if authority is None and not drafted and listed:
            # "The new sanctions target X, the U.S. Treasury Department said."
            authority = ctx.authority_in(end, sent.end)
        targets.extend((entity, item, why) for entity, item in listed)
        if authority is None and not drafted:
            # Who vetoes or drafts a resolution is not who would impose it.
            subj = ctx.subject(m.start())
            if subj is not None and subj.kind in ("state", "organisation"):
                # "The United States, Japan and South Korea jointly sanctioned ...": each imposes it.
                joint = [authority_of(n) for n in ctx.conjuncts(subj) if n.kind in ("state", "organisation")]
                authority = joint[-1] if joint else authority_of(subj)
                also = [a for a in dict.fromkeys(joint) if a != authority]
        return targets, authority, also
    # "X was removed from the list": a delisting names its targets as a listing does.
    listed = subject_targets(ctx, m.start()) if status in _LISTING else []
    if listed:
        why = find_reason(text, m.end(), sent.end)
        # "Americans were banned from visiting": a people's plural is no designee (nor anyone else).
        return [(e, item, why) for e, item in listed if not common_plural(ctx, item)], authority, also
    targets = _named(ctx, m, status)
    if status is SanctionStatus.VIOLATED:
        targets += [(state, None, None) for state in violation_targets(ctx, m, [t[0] for t in targets])]
    return targets, authority, also


def _start_date(ctx: SentenceReader, m: re.Match[str], dated: list[tuple[int, str]]) -> str | None:
    """The date in the cue's own clause ("on Thursday", "in 2006"), resolved, if any."""
    text = ctx.text
    for pos, iso in dated:
        if pos < m.start():
            ok = m.start() - pos < 80 and not _CLAUSE_BREAK.search(text, pos, m.start())
        else:
            # After the cue only a bare preposition may stand between: "on North Korea in 2006";
            # or the date ends the list, after a comma ("..., North Korea's spy agency, in 2016").
            after_names = [n.end for n in ctx.names if m.end() <= n.end <= pos]
            lo = max(after_names, default=m.end())
            ok = _DATE_GAP.fullmatch(text, lo, pos) is not None or (
                _DATE_AFTER_LIST.search(text, m.end(), pos) is not None
                and not _CUE_VERB_GAP.search(text, m.end(), pos)
            )
        if ok:
            return iso
    return None


def _violated_program(m: re.Match[str]) -> str | None:
    """The regime a violation cue names ("UN Security Council resolutions"), if it names one."""
    obj = _VIOLATED_OBJECT.search(m.group(0))
    program = _QUANTIFIERS.sub("", obj.group(1)) if obj else None
    if program is not None and program.lower() in ("sanctions", "resolutions", "resolution"):
        return None  # no regime named
    return program


def _next_stop(ctx: SentenceReader, m: re.Match[str], cues: list[re.Match[str]], index: int) -> int:
    """Where cue `m`'s list must end: at the next cue, or at that cue's subject
    ("the designation of the vessels, South Korea imposed sanctions on ...")."""
    if index + 1 >= len(cues):
        return ctx.sent.end
    stop = cues[index + 1].start()
    nxt = ctx.subject(stop)
    near = nxt is not None and len(ctx.text[nxt.end : stop].split()) <= 3
    if (
        nxt is not None
        and near
        and nxt.start > m.end()
        and nxt.kind in ("state", "organisation")
        and not _AND_VERB.match(ctx.text, nxt.end)
    ):
        return nxt.start
    return stop


def _twin_matches(lex: SanctionLexicon, low: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """`lex.lowered.finditer(low, start, end)`, each match sought by `lex.gate` first.

    The gate matches where the twin does and is quicker to search (see
    `SanctionLexicon.gate`); the twin then reads the match at that place.
    """
    twin, gate = lex.lowered, lex.gate
    assert twin is not None
    if gate is None:
        yield from twin.finditer(low, start, end)
        return
    pos = start
    while (at := gate.search(low, pos, end)) is not None:
        m = twin.match(low, at.start(), end)
        # The gate and the twin agree, and no cue is empty: the plain scan is a safeguard.
        if m is None or m.end() == m.start():  # pragma: no cover
            yield from twin.finditer(low, at.start(), end)
            return
        yield m
        pos = m.end()


def sentence_sanctions(ctx: SentenceReader, published: Any, *, scan_from: int | None = None) -> list[Found]:
    """Every target of every cue in the sentence `ctx.sent`, in cue order.

    `published` resolves the dates the sentence gives ("on Thursday"). `scan_from`
    is where a search of the lower-case twin over the sentence found its first
    match, when the caller has searched already: the twin's scan resumes there.
    """
    text, sent, lex = ctx.text, ctx.sent, ctx.lex
    out: list[Found] = []
    if ctx.lowered is not None and lex.lowered is not None:
        # The case-sensitive twin finds the same cues on the lower-cased text some three
        # times faster (see `_lowered_pattern`); the full pattern of the cue it names then
        # reads each one at its place, so the matches are those of the text. A scan from the first match
        # finds what one from the sentence's start does: nothing before it, then the same.
        begin = sent.start if scan_from is None else scan_from
        found = (
            lex.cue_patterns[int(q.lastgroup[1:])].match(text, q.start(), sent.end)
            if q.lastgroup is not None
            else lex.pattern.match(text, q.start(), sent.end)
            for q in _twin_matches(lex, ctx.lowered, begin, sent.end)
        )
        cues = [m for m in found if m is not None]
    else:
        cues = list(lex.pattern.finditer(text, sent.start, sent.end))
    if not cues:
        return out
    # Only a date in the cue's own clause says when a sanction started.
    times = find_times(text, sent.start, sent.end, published=published)
    dated = [(t.span.start, t.iso) for t in times if t.iso and t.span is not None]
    programs = _programs(ctx)
    resolutions = _resolutions(text, sent.start, sent.end)
    for index, m in enumerate(cues):
        name = m.lastgroup
        if name is None:  # pragma: no cover - every alternative is named
            continue
        cue = m.group(0)
        if cue[0].isupper() and not cue.isupper() and text[sent.start : m.start()].strip(" \"“‘'"):
            continue  # "the List of Specially Designated Nationals": a name, not a cue
        status_of, where = lex.cues[int(name[1:])]
        read = _status(ctx, m, status_of, out, index == 0)
        if read is None:
            continue
        status, drafted = read
        authority = _authority(ctx, m, status)
        coordinated = index and _COORDINATED.search(text, cues[index - 1].end(), m.start())
        if authority is None and out and coordinated:
            # "sanctioned X and imposed a travel ban on Y": the second verb shares the first's subject.
            authority = out[-1].authority
        stop = _next_stop(ctx, m, cues, index)
        targets, authority, also = _targets(ctx, m, where, status, stop, drafted=drafted, authority=authority)
        start_date = (
            _start_date(ctx, m, dated) if status in (SanctionStatus.IN_FORCE, SanctionStatus.LIFTED) else None
        )
        program = (
            programs[0] if programs else _violated_program(m) if status is SanctionStatus.VIOLATED else None
        )
        # "United Nations" imposes as the "UN Security Council".
        imposers = [lex.authority.get(a, a) if a is not None else None for a in (*also, authority)]
        out.extend(
            Found(
                entity=entity,
                status=status,
                sent=sent,
                authority=imposer if imposer != entity else None,
                program=program,
                reason=why,
                start_date=start_date,
                kind=item.kind if item is not None else _kind_of(ctx, entity),
                aliases=item.aliases if item is not None else (),
                group=item.group if item is not None else None,
                group_count=item.group_count if item is not None else None,
                action=m.start(),
                resolutions=resolutions,
            )
            for entity, item, why in targets
            for imposer in imposers
        )
    return out


# What may stand between a sanctioning subject and its verb: "The U.S. [on Wednesday] targeted",
# "Australia [has now] hit" (not a report, a relative clause or a modal: "said", "which", "could").
_SUBJECT_GAP = re.compile(
    r"(?:\s+(?!(?:said|says|say|that|which|who|whom|and|but|it|they|could|would|might|may|will|should"
    r"|shall|can|to|not|never)\b)(?:[a-z]+|[A-Z][a-z]+day|\d{1,4})){0,4}\s+"
)


def _sanctioner(ctx: SentenceReader, pos: int, known: str | None) -> tuple[str | None] | None:
    """The sanctioning body or state that is the subject of the verb at `pos`, if one is: a
    state under no sanctions regime, a body of the authority table, or a government body by
    its noun ("the government", standing for `known`), a few words before. None when none is."""
    text, lex = ctx.text, ctx.lex
    start = ctx.sent.start
    for b in SUBJECT_START.finditer(text, start, pos):
        start = b.end()
    subj = ctx.subject(pos)
    if (
        subj is not None
        and subj.start >= start
        and subj.kind == "state"
        and subj.name not in lex.regime_states
        and _SUBJECT_GAP.fullmatch(text, subj.end, pos)
    ):
        return (subj.name,)
    # The last body before the verb, by name, else by its noun.
    body = _last(lex.authorities, text, start, pos)
    if body is not None and _SUBJECT_GAP.fullmatch(text, body.end(), pos):
        return (lex.authority[body.group(0)],)
    noun = _last(lex.sanctioner_body, text, start, pos)
    if noun is not None and _SUBJECT_GAP.fullmatch(text, noun.end(), pos):
        return (known,)
    return None


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of `pattern` in `text[start:end]`, if any."""
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 - the last one is wanted
        pass
    return found


def sanctioner_sanctions(ctx: SentenceReader, *, known: str | None = None) -> list[Found]:
    """The targets of a verb that tells a designation only after a sanctioning subject ("The
    U.S. on Wednesday targeted X", "Australia has now hit Y"); the caller has checked that
    sanctions are spoken of nearby. `known` is the authority of the designation told before,
    which "the government" stands for."""
    text, sent, lex = ctx.text, ctx.sent, ctx.lex
    out: list[Found] = []
    for m in lex.sanctioner_verbs.finditer(text, sent.start, sent.end):
        subject = _sanctioner(ctx, m.start(), known)
        if subject is None:
            continue
        authority = subject[0]
        # "hit the front company the hackers are said to work for, X": no copular list.
        listed, _ = object_targets(ctx, m, sent.end, copula=False)
        listed = [(entity, item) for entity, item in listed if item.kind != "state"]
        last = max((item.end for _, item in listed), default=m.end())
        if lex.sanctioner_not_for.match(text, last, sent.end):
            continue  # "singled out the party for criticism": words, not a designation
        why = find_reason(text, last, sent.end)
        out.extend(
            Found(
                entity=entity,
                status=SanctionStatus.IN_FORCE,
                sent=sent,
                authority=authority,
                program=None,
                reason=why,
                start_date=None,
                kind=item.kind,
                aliases=item.aliases,
                group=item.group,
                group_count=item.group_count,
                action=m.start(),
            )
            for entity, item in listed
        )
    return out
