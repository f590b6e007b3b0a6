"""Sanctions one sentence reports: who is sanctioned, by whom, why, since when.

Each cue of ``data/sanctions.toml`` found in a sentence gives a status; the
targets are read where the cue says they stand (after it: "sanctioned ...",
"sanctions on ..."; before it: "... is under sanctions", "... was
blacklisted"; a list: "facing sanctions: Russia for ..., and North Korea for
..."). Targets after a cue are read as a list of named designees
([`read_list`][koreabrief.extraction.designees.read_list]).
"""

from __future__ import annotations

import bisect
import re
from typing import Any, NamedTuple

from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.dates import find_times
from koreabrief.extraction.designees import Item, find_attribution, read_list
from koreabrief.extraction.sanction_lexicon import SanctionLexicon
from koreabrief.models import SanctionStatus, Span

__all__ = ["Found", "SentenceReader", "object_end", "sentence_sanctions"]


class Found(NamedTuple):
    """One target of one cue, before the article's mentions are merged."""

    entity: str
    status: SanctionStatus
    sent: Span
    authority: str | None
    program: str | None
    reason: str | None
    start_date: str | None
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    group: str | None = None
    count: int | None = None
    resolutions: tuple[str, ...] = ()
    # Which designation it belongs to (the offset of its cue), to drop a group once names follow.
    action: int = -1


# Compiled once here rather than inline in the functions that use them.
# A quotation closing: a list inside it ends there.
_QUOTE_CLOSE = re.compile(r"[,.!?][”\"]")
# A new clause with its own subject and verb: ", and Australia has now hit ...", "and the
# designation also marked ...".
_VERBS = (
    r"(?:has|have|had|is|are|was|were|will|would|also|said|says|added|announced|imposed|imposes|sanctioned"
    r"|sanctions|designated|designates|blacklisted|froze|freezes|targeted|targets|hit|hits|banned|bans)\b"
)
_NEW_CLAUSE = re.compile(
    r",?\s+(?:and|but|while|whereas)\s+(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+" + _VERBS
    + r"|(?:the|a|an|its|their|this|that|these|those)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:"
    + _VERBS
    + r"|marked|marks|came|comes))"
)
# "designated X as a hostile state".
_AS_WHAT = re.compile(r"\s*[\"“”’']?\s*as\s", re.IGNORECASE)
# "resolution 2397", "resolutions 2270 and 2321", "UNSCR 1718".
_RESOLUTION_NUMBERS = re.compile(
    r"(?<![\w-])(?:resolutions?|UNSCRs?)\s+(?:No\.?\s*|Nos\.?\s*)?(\d{3,4}(?:\s*(?:,|and|&)\s*\d{3,4})*)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d{3,4}")
# ", but ..." opens no item of a list; nor does "and barred its director".
_BUT = re.compile(r",\s+but\s|\s+and\s+[a-z]+ed\s+(?:its|the|a|an|his|her|their|them|him)\s")
# A phrase after a cue that opens with a preposition names no target.
_PREPOSITION_FIRST = re.compile(r"\s*(?:of|by|with|from|for|in|at|to)\s", re.IGNORECASE)
# Where a reason opens after a list ("for its role in ...", "accused of ...").
_REASON_OPEN = re.compile(
    r"(?<![\w-])(?:for|over|accused of|suspected of|charged with|alleged to have|in connection with"
    r"|in response to)(?![\w-])"
)
# A list going on after a phrase: ", and Han Kwang Il", ", as well as the Namgang ...".
_LIST_GOES_ON = re.compile(
    r",\s+(?:and|as well as|along with)\s+(?:(?:the|its|a|an|their|his|her)\s+)?(?:[a-z][\w-]*\s+){0,3}?[A-Z]"
)
# Words before "for" that make it describe an item ("responsible for", "known for").
_DESCRIBING = frozenset(["responsible", "known", "used", "held", "blamed", "wanted", "sought", "notorious",
                         "famous", "liable", "paid", "designated", "sanctioned", "responsibility"])
_REASON_SEARCH = re.compile(
    r"\s+(?:for|over|accused of|suspected of|charged with|alleged to have|involved in|linked to|tied to"
    r"|responsible for|engaged in)\s"
)
# The verbs after a cue in a subject: "Among those sanctioned are ...", "The list ... includes ...".
_COPULA = re.compile(r"(?<![\w-])(?:are|is|were|was|include|includes|included|comprise|comprises)(?![\w-])")
# What a subject before its verb does not hold: "... to the list of those whose assets are frozen".
_NOT_SUBJECT = re.compile(r",|\b(?:to|whose|which|who|that|of|for|with|by|from|in)\b")
# A clause a subject starts after: a reporting verb or "that".
_SUBJECT_START = re.compile(
    r"(?<![\w-])(?:said|says|say|added|announced|stated|noted|reported|confirmed)\s+(?:that\s+)?|[;:]\s*"
)
# An accusation or allegation: what it says was violated is not reported as fact.
_ALLEGED = re.compile(r"(?<![\w-])(?:alleg|accus|suspect|claim)\w*", re.IGNORECASE)
# A UN regime: "accused of violating UN Security Council resolutions" is still reported.
_UN = re.compile(r"resolution|security council|\bU\.?N\b", re.IGNORECASE)
# Noun cues that take their status from the verb cue before them in the sentence.
_NOUN_CUE = re.compile(r"(?:asset|travel|sanctions)\b", re.IGNORECASE)
# "X was among seven officials that ... blacklisted".
_AMONG = re.compile(r"(?<![\w-])(?:is|was|are|were)\s+(?:also\s+)?(?:among|one of)\s+")
# The auxiliary before a passive cue ("has also been", "were").
_AUX_END = re.compile(
    r"\s*,?\s+(?:(?:has|have|had|is|are|was|were|will|would)\s+)?(?:(?:also|now|already|previously|since|recently"
    r"|newly|likewise|all|both|each)\s+){0,2}(?:(?:been|be)\s+)?(?:(?:also|now|already)\s+)?$"
)
# A name speaking: "Seoul said", "Japan has strongly condemned".
_SPEAKS = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:(?:\w+ly|also)\s+)?(?:said|says|told|stated|added|warned|noted|urged|condemned"
    r"|denounced|called|described|criticized|criticised|slammed|blasted)\b",
    re.IGNORECASE,
)
_ADVERB = re.compile(r"(?:(?:has|have|had)\s+)?(?:(?:\w+ly|also)\s+)?")
# A ban that says whom a regime targets: "... resolutions banning arms exports from North Korea".
_BAN = re.compile(r"\b(?:ban|bans|banning|banned|prohibit|prohibits|prohibiting|prohibited|bar|bars|barring)\b")
# A relative pronoun ending a subject ("... a group that [was sanctioned]").
_RELATIVE_END = re.compile(r"\s(?:that|which|who)\s*$")
# A phrase describing the name before it ("a hacking group", "an entity").
_APPOSITION = re.compile(r"\s*(?:a|an|the|another|one)\s", re.IGNORECASE)
# "hit North Korea with sanctions": cues whose target stands before "with".
_HITS = ("hit", "slap", "target", "punish", "place", "put")
_WITH_SANCTIONS = re.compile(
    r"\s+(?:with|under)\s+(?:[\w'’-]+\s+){0,4}?(?:sanctions|asset freezes|travel bans|penalties)"
)
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
# The same, for what a regime bans: "the supply of weapons to the DPRK".
_BANNED_PREP = re.compile(r"\b(?:on|against|with|targeting|to|from)\s+(?:the\s+)?$")
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
_DATE_AFTER_LIST = re.compile(r",\s*(?:(?:in|on|since|from|starting|effective)\s+)?$")
# A second verb between a cue and a date: the date is that verb's.
_CUE_VERB_GAP = re.compile(r"\b(?:said|says|added|announced|which|who|that)\b")
_DATE_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:in|on|since|from|starting|effective)\s+)?")



_UNSC = "UN Security Council"
# A capitalised word right after a name: the name is part of a longer one.
_INSIDE_NAME = re.compile(r" [A-Z][a-z]")
_GOVERNING = frozenset(["to", "with", "against", "on", "of", "for", "from", "by", "in", "between", "at"])


class SentenceReader:
    """One sentence of an article, with the names in it and the article's lead state.

    `lead` is the state the article is most about (named most often), the
    target of a UN regime its sentences say was broken without naming whose.
    """

    def __init__(
        self,
        text: str,
        sent: Span,
        names: list[ActorMention],
        lex: SanctionLexicon,
        starts: list[int],
        lead: str | None = None,
    ) -> None:
        self.text = text
        self.sent = sent
        # Bisected, not filtered: a scan of every name per sentence is quadratic.
        self.names = names[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)]
        self.lex = lex
        self.lead = lead

    def subject(self, pos: int) -> ActorMention | None:
        """The nearest name before `pos` that no preposition governs."""
        for n in reversed([n for n in self.names if n.end <= pos]):
            if " " not in n.text and _INSIDE_NAME.match(self.text, n.end):
                continue  # "Ma" of "the Chon Ma San": a surname inside another name
            words = _WORD.findall(self.text[max(self.sent.start, n.start - 30) : n.start])
            while words and words[-1].lower() in ("the", "a", "an"):
                words.pop()
            if not words or words[-1].lower() not in _GOVERNING:
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

    def body_after(self, pos: int) -> str | None:
        """The state or body named right after `pos` ("... sanctioned by Australia")."""
        for n in self.names:
            if pos <= n.start <= pos + 12:
                return _authority_of(n) if n.kind in ("state", "organisation") else None
        return None

    def authority_in(self, start: int, end: int) -> str | None:
        m = self.lex.authorities.search(self.text, start, end)
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


def _regime_target(ctx: SentenceReader, pos: int, *, reach: int = 60, banned: bool = False) -> str | None:
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


def _items_to_targets(items: list[Item]) -> list[tuple[str, Item]]:
    """Each item with the entity it names: the gazetteer's canonical name when it knows it."""
    out = []
    for item in items:
        entity = item.mention.name if item.mention is not None and item.kind != "group" else item.name
        out.append((entity, item))
    return out


def object_end(ctx: SentenceReader, start: int, end: int) -> int:
    """Where the list after a cue ends: before ", the Treasury said", a reason or another cue."""
    text = ctx.text
    end = find_attribution(text, start, end, ctx.lex.designees)
    # A list ends where a quotation closes or a new clause opens (", and Australia has ...").
    for pattern in (_QUOTE_CLOSE, _NEW_CLAUSE, _BUT):
        closed = pattern.search(text, start, end)
        if closed is not None:
            end = closed.start()
    for m in _REASON_OPEN.finditer(text, start, end):
        before = text[max(start, m.start() - 30) : m.start()].split()
        after = text[m.end() : m.end() + 2]
        # "Institute for American Studies": a word joining two capitalised words is no reason.
        if before and before[-1][:1].isupper() and after[:1].isupper():
            continue
        # "the unit responsible for the raid, ...", "working for the regime": a description of
        # one item, not the reason; so is any "for ..." the list goes on after.
        if before and (before[-1].lower() in _DESCRIBING or before[-1].lower().endswith("ing")):
            continue
        if _LIST_GOES_ON.search(text, m.end(), end):
            continue
        return m.start()
    return end


def _find_reason(text: str, start: int, end: int) -> str | None:
    """The reason opening within the first words after `start` ("for its role in ...")."""
    m = _REASON_SEARCH.search(text, start, min(end, start + 160))
    if m is None:
        return None
    return _reason(text, m.start(), end)[0]


def _object_targets(ctx: SentenceReader, m: re.Match[str], stop: int) -> tuple[list[tuple[str, Item]], int]:
    """The targets listed after the cue `m` and where the list ends."""
    end = object_end(ctx, m.end(), stop)
    # "hit North Korea's Lazarus Group with sanctions": the target stands before "with".
    with_ = _WITH_SANCTIONS.search(ctx.text, m.end(), end) if m.group(0).lower().startswith(_HITS) else None
    if with_ is not None:
        end = with_.start()
    start = m.end()
    if _PREPOSITION_FIRST.match(ctx.text, start, end):
        return [], end  # "on the blacklist of the Treasury": no list after the cue
    # "The six newly blacklisted officials are ...": the list follows the verb.
    verb = _COPULA.search(ctx.text, start, end)
    if verb is not None and not _NOT_SUBJECT.search(ctx.text, start, verb.start()):
        subject = read_list(ctx.text, start, verb.start(), ctx.names, ctx.lex.designees)
        if all(i.kind == "group" for i in subject):
            start = verb.end()
    items = read_list(ctx.text, start, end, ctx.names, ctx.lex.designees)
    if items and m.group(0).lower().startswith("designat") and _AS_WHAT.match(ctx.text, items[0].end, end):
        return [], end  # "designating South Korea as a hostile state": a label, not a listing
    return _items_to_targets(items), end


def _inverted_targets(ctx: SentenceReader, m: re.Match[str]) -> list[tuple[str, Item]]:
    """ "Among those sanctioned are X and Y", "Also added to the list was X": the targets
    after the verb that follows a cue standing in the subject."""
    text, sent = ctx.text, ctx.sent
    verb = _COPULA.search(text, m.end(), min(sent.end, m.end() + 160))
    if verb is None:
        return []
    end = object_end(ctx, verb.end(), sent.end)
    items = read_list(text, verb.end(), end, ctx.names, ctx.lex.designees)
    return _items_to_targets(items)


def _subject_targets(ctx: SentenceReader, pos: int) -> list[tuple[str, Item]]:
    """ "X, the ..., was also sanctioned": the named targets before a passive cue at `pos`."""
    text, sent = ctx.text, ctx.sent
    among = _AMONG.search(text, sent.start, pos)
    end = among.start() if among is not None else pos
    start = sent.start
    for b in _SUBJECT_START.finditer(text, sent.start, end):
        start = b.end()
    aux = _AUX_END.search(text, start, end)
    if aux is not None:
        end = aux.start()
    relative = _RELATIVE_END.search(text, start, end)
    if relative is not None:
        # "... stolen by the Lazarus Group, a state-sponsored hacking group that was
        # sanctioned": the one the relative clause is about.
        return _antecedent(ctx, start, relative.start())
    items = read_list(text, start, end, ctx.names, ctx.lex.designees)
    if among is not None:
        items = [i for i in items if i.kind != "group"]
        # "X was among seven officials that the State Department blacklisted": the group is X's.
        groups = [i for i in read_list(text, among.end(), pos, ctx.names, ctx.lex.designees) if i.kind == "group"]
        if groups:
            g = groups[0]
            items = [i._replace(group=g.name, count=g.count) for i in items]
    return _items_to_targets(items)


def _antecedent(ctx: SentenceReader, start: int, end: int) -> list[tuple[str, Item]]:
    """The named target a relative pronoun at `end` refers to: the name of its own phrase,
    or, when that phrase describes one ("a hacking group"), the name it describes."""
    items = [i for i in read_list(ctx.text, start, end, ctx.names, ctx.lex.designees) if i.kind != "group"]
    comma = ctx.text.rfind(",", start, end)
    if items and items[-1].start > comma:
        return _items_to_targets(items[-1:])
    if comma < 0 or not _APPOSITION.match(ctx.text, comma + 1, end):
        return []
    for n in reversed(ctx.names):
        if n.end <= comma and comma - n.end < 3 and n.kind != "state":
            item = Item(n.name, n.start, n.end, n.kind, mention=n)
            return _items_to_targets([item])
    return []


def sentence_sanctions(ctx: SentenceReader, published: Any) -> list[Found]:
    """Every target of every cue in the sentence `ctx.sent`, in cue order."""
    text, sent, lex = ctx.text, ctx.sent, ctx.lex
    out: list[Found] = []
    # Only a date in the cue's own clause says when a sanction started; dates are
    # read only in sentences that hold a cue.
    dated: list[tuple[int, str]] | None = None
    cues = list(lex.pattern.finditer(text, sent.start, sent.end))
    named_programs: list[str] | None = None
    resolutions: tuple[str, ...] = ()
    for ci, m in enumerate(cues):
        if dated is None:
            times = find_times(text, sent.start, sent.end, published=published)
            dated = [(t.span.start, t.iso) for t in times if t.iso and t.span is not None]
        name = m.lastgroup
        if name is None:  # pragma: no cover - every alternative is named
            continue
        cue = m.group(0)
        if cue[0].isupper() and not cue.isupper() and text[sent.start : m.start()].strip(" \"“‘'"):
            continue  # "the List of Specially Designated Nationals": a name, not a cue
        stop = cues[ci + 1].start() if ci + 1 < len(cues) else sent.end
        if ci + 1 < len(cues):
            # "the designation of the vessels, South Korea imposed sanctions on ...": the next
            # cue's subject ends this cue's list.
            nxt = ctx.subject(stop)
            if nxt is not None and nxt.start > m.end() and nxt.kind in ("state", "organisation"):
                if len(text[nxt.end : stop].split()) <= 3:
                    stop = nxt.start
        status, where = lex.cues[int(name[1:])]
        if status is SanctionStatus.VIOLATED and (
            (_ALLEGED.search(text, max(sent.start, m.start() - 120), m.start()) and not _UN.search(m.group(0)))
            or (m.group(0).lower().startswith("sanctions") and not _owned(ctx, m.start()))
        ):
            # "accusing them of moving funds in violation of sanctions", "banks enabling
            # sanctions evasion": no violation reported, or none by anyone named.
            continue
        if ci and status is SanctionStatus.IN_FORCE and _NOUN_CUE.match(m.group(0)) and out:
            # "sought a travel ban on X, and an asset freeze on Y": the freeze is sought too.
            status = out[-1].status
        before = text[max(sent.start, m.start() - 100) : m.start()]
        cut = 0
        for b in _CLAUSE_BREAK.finditer(before):
            cut = b.end()
        # A draft ("vetoed a resolution that would have tightened sanctions") is a
        # proposal even when its wording is conditional.
        drafted = (
            status is SanctionStatus.IN_FORCE and lex.proposal.search(_last_words(before[cut:])) is not None
        )
        if drafted:
            status = SanctionStatus.PROPOSED
        elif lex.hypothetical.search(before[cut:]):
            if status is not SanctionStatus.IN_FORCE:
                continue
            status = SanctionStatus.THREATENED
        elif status is SanctionStatus.LIFTED and _NOT_LIFTING.search(before[cut:]):
            # "he was not willing to lift all the sanctions": they stay in force.
            status = SanctionStatus.IN_FORCE
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
            authority = ctx.authority_in(m.end(), min(sent.end, m.end() + 60)) or ctx.body_after(m.end()) or authority
        if status is SanctionStatus.VIOLATED:
            # Who reports a violation ("a UN panel said") is not who imposed the rules broken;
            # resolutions broken are the Security Council's.
            authority = ctx.authority_in(m.start(), m.end())
            if authority is None and "resolution" in m.group(0).lower():
                authority = _UNSC
        targets: list[tuple[str, Item | None, str | None]] = []
        also: list[str] = []  # other authorities imposing it jointly
        if where == "list":
            end = sent.end
            for n in [n for n in ctx.names if n.start >= m.end()]:
                reason, _ = _reason(text, n.end, end)
                if reason:
                    targets.append((n.name, None, reason))
            if not targets:
                subj = ctx.subject(m.start())
                if subj is not None:
                    reason = _reason(text, m.end(), sent.end)[0]
                    conj = ctx.conjuncts(subj)
                    if status is SanctionStatus.VIOLATED:
                        # A state's military or ministry breaks the rules as the state.
                        conj = [n for n in conj if n.kind != "person"]
                        targets.extend((_authority_of(n), None, reason) for n in conj)
                    else:
                        targets.extend((n.name, None, reason) for n in conj)
        elif where == "regime":
            # "UN sanctions prohibit the supply of weapons to the DPRK".
            state = _regime_target(ctx, m.end(), reach=160, banned=True)
            if state is None and not any(n.name == ctx.lead and _judges(ctx, n) for n in ctx.names):
                state = ctx.lead
            if state is not None:
                targets.append((state, None, None))
        elif where == "after":
            listed, end = _object_targets(ctx, m, stop)
            if not listed:
                listed = _inverted_targets(ctx, m)
            if not listed and status is SanctionStatus.IN_FORCE:
                listed = _subject_targets(ctx, m.start()) if _AMONG.search(text, sent.start, m.start()) else []
            last = max((item.end for _, item in listed), default=m.end())
            reason = _find_reason(text, last, sent.end)
            if authority is None and not drafted and listed:
                # "The new sanctions target X, the U.S. Treasury Department said."
                authority = ctx.authority_in(end, sent.end)
            targets.extend((entity, item, reason) for entity, item in listed)
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
            listed = []
            if status is SanctionStatus.IN_FORCE:
                listed = [(e, i) for e, i in _subject_targets(ctx, m.start()) if i.kind != "state" or True]
            if listed:
                reason = _find_reason(text, m.end(), sent.end)
                targets.extend((entity, item, reason) for entity, item in listed)
            else:
                subj = ctx.subject(m.start())
                if subj is not None and _JUDGES.search(text, subj.end, m.start()):
                    # "Washington condemned Pyongyang's launch as a violation of ...": the
                    # judge is no violator; the one named in what is judged is, if anyone.
                    judged = [n for n in ctx.names if subj.end <= n.start and n.end <= m.start()]
                    subj = judged[-1] if judged else None
                if subj is not None:
                    reason = _reason(text, m.end(), sent.end)[0]
                    conj = ctx.conjuncts(subj)
                    if status is SanctionStatus.VIOLATED:
                        # A state's military or ministry breaks the rules as the state.
                        conj = [n for n in conj if n.kind != "person"]
                        targets.extend((_authority_of(n), None, reason) for n in conj)
                    else:
                        targets.extend((n.name, None, reason) for n in conj)
                if status is SanctionStatus.VIOLATED and _UN.search(m.group(0) + text[m.end() : m.end() + 40]):
                    # UN resolutions broken: a violation of the regime on the state it targets
                    # ("... resolutions that ban arms trade with North Korea"), whoever broke them.
                    regime = _regime_target(ctx, m.end())
                    ban = _BAN.search(text, m.end(), min(sent.end, m.end() + 60))
                    if regime is None and ban is not None:
                        # "... resolutions banning arms exports from North Korea".
                        regime = _regime_target(ctx, ban.end(), reach=120, banned=True)
                    if regime is None and not targets:
                        # "the transfers of weapons from North Korea to Russia constitute a
                        # violation": the first state in what is judged.
                        regime = _first_state(ctx, m.start())
                    if regime is None and not any(n.name == ctx.lead and _judges(ctx, n) for n in ctx.names):
                        # Unless named here (as the judge, say), the state the article is about.
                        regime = ctx.lead
                    if regime is not None and all(t[0] != regime for t in targets):
                        targets.append((regime, None, None))
        start_date = None
        for pos, iso in dated or ():
            if pos < m.start():
                ok = m.start() - pos < 80 and not _CLAUSE_BREAK.search(text, pos, m.start())
            else:
                # After the cue only a bare preposition may stand between: "on North Korea in 2006";
                # or the date ends the list, after a comma ("..., North Korea's spy agency, in 2016").
                after_names = [n.end for n in ctx.names if m.end() <= n.end <= pos]
                lo = max(after_names, default=m.end())
                ok = _DATE_GAP.fullmatch(text, lo, pos) is not None or (
                    _DATE_AFTER_LIST.search(text, m.end(), pos) is not None and not _CUE_VERB_GAP.search(text, m.end(), pos)
                )
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
        if named_programs is None:
            named_programs = _programs(ctx)
            resolutions = _resolutions(text, sent.start, sent.end)
        if named_programs:
            program = named_programs[0]
        # "United Nations" imposes as the "UN Security Council".
        authority = lex.authority.get(authority, authority) if authority is not None else None
        also = [lex.authority.get(a, a) for a in also]
        for entity, item, reason in targets:
            for imposer in (*also, authority):
                out.append(
                    Found(
                        entity=entity,
                        status=status,
                        sent=sent,
                        authority=imposer if imposer != entity else None,
                        program=program,
                        reason=reason,
                        start_date=ended,
                        kind=item.kind if item is not None else _kind_of(ctx, entity),
                        aliases=item.aliases if item is not None else (),
                        group=item.group if item is not None else None,
                        count=item.count if item is not None else None,
                        action=m.start(),
                        resolutions=resolutions,
                    )
                )
    return out


def _programs(ctx: SentenceReader) -> list[str]:
    """The sanctions programmes the sentence names, in text order ("Executive Order 13722")."""
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


def _first_state(ctx: SentenceReader, pos: int) -> str | None:
    """The first state named in the clause before `pos` (after a reporting verb), if any."""
    start = ctx.sent.start
    for b in _SUBJECT_START.finditer(ctx.text, ctx.sent.start, pos):
        start = b.end()
    for n in ctx.names:
        if start <= n.start and n.end <= pos and n.kind == "state" and not _judges(ctx, n):
            return n.name
    return None


def _judges(ctx: SentenceReader, n: ActorMention) -> bool:
    """Whether the name speaks or judges in its sentence ("Tokyo condemned ...", ", Seoul said")."""
    return _SPEAKS.match(ctx.text, n.end, ctx.sent.end) is not None or _JUDGES.match(
        ctx.text, n.end + 1 + len(_ADVERB.match(ctx.text, n.end + 1).group(0)), ctx.sent.end
    ) is not None


def _owned(ctx: SentenceReader, pos: int) -> bool:
    """Whether a name owns the noun at `pos` ("Pyongyang's sanctions evasion")."""
    return any(0 <= pos - n.end <= 4 and ctx.text[n.end : pos].strip() in ("'s", "’s", "'", "’") for n in ctx.names)


def _kind_of(ctx: SentenceReader, entity: str) -> str | None:
    """The kind of a target named by the gazetteer (a state, most often)."""
    for n in ctx.names:
        if n.name == entity:
            return n.kind
    return None
