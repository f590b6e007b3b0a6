"""Where a cue's targets stand, and where its list of them ends.

After an active cue ("sanctioned X, Y and Z", "sanctions on X"); after the verb
that follows a cue standing in a subject ("Among those sanctioned are X");
before a passive cue ("X, the ..., was also sanctioned"), or the antecedent of a
relative clause ("X, a group that was sanctioned"). A list ends at its reason
("for ..."), at an attribution (", the Treasury said"), a closing quotation or a
new clause; [`read_list`][koreabrief.extraction.designees.read_list] reads it.
"""

from __future__ import annotations

import re

from koreabrief.extraction.designees import Item, find_attribution, last_name, read_list
from koreabrief.extraction.sanction_reader import SentenceReader

__all__ = [
    "AMONG",
    "SUBJECT_START",
    "common_plural",
    "find_reason",
    "inverted_targets",
    "items_to_targets",
    "object_end",
    "object_targets",
    "opening_reason",
    "relative_targets",
    "subject_targets",
]

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
    r",?\s+(?:and|but|while|whereas)\s+(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+"
    + _VERBS
    + r"|(?:the|a|an|its|their|this|that|these|those)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:"
    + _VERBS
    + r"|marked|marks|came|comes))"
    # ", the country has more warheads": a clause of its own after a comma.
    + r"|,\s+(?:the|this|these|those|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+"
    + r"(?:has|have|had|is|are|was|were|will|would|remains?)\b"
)

# A time phrase set off by commas after a list ends it: "After Treasury sanctioned X, a mixer, in
# August 2022, Y shifted ..." (what follows is the main clause).
_DATED_BREAK = re.compile(
    r",\s+(?:in|on|since|during|from|by|until|last|this|early|late|earlier|later)\s+(?:[\w.]+\s+){0,3}?"
    r"(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?|[A-Z][a-z]+day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"|week|month|year)\s*,"
)

# "designated X as a hostile state".
_AS_WHAT = re.compile(r"\s*[\"“”’']?\s*as\s", re.IGNORECASE)

# "designated X as a sanctions target", "as a state sponsor of terrorism": a listing after all.
_AS_TARGET = re.compile(
    r"\s*[\"“”’']?\s*as\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:sanctions?|targets?|blacklist\w*|sponsors?\s+of\s+terror\w*)\b",
    re.IGNORECASE,
)

# A group phrase, what is said of it, and a colon that opens its names: "three groups that
# researchers have tracked for years:", "the following entities:", "four firms it says ...:".
_GROUP_BEFORE_COLON = re.compile(
    r"\s*(?:the\s+following|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several"
    r"|multiple|a\s+dozen|a\s+number\s+of|dozens\s+of)\s)[^:;\n]{0,200}:",
    re.IGNORECASE,
)

# ", but ..." opens no item of a list; nor does "and barred its director".
_BUT = re.compile(
    r",\s+but\s|\s+and\s+[a-z]+ed\s+(?:its|the|a|an|his|her|their|them|him)\s"
    # "froze the assets of X and prohibit Americans from ...": a second measure, no item.
    # "... and generally prohibits Americans from ...": an adverb may stand before the verb.
    r"|\s+and\s+(?:(?:also|[a-z]+ly)\s+)?(?:prohibit|bar|ban|block|freez|froze|prevent|cut|impos|restrict|forbid|requir)[a-z]*\s"
)

# A contrast: what stands after it is what the sanctions spare ("X instead of its owner, Y",
# "X, not Y", "X but not Y", "X rather than Y").
_CONTRAST = re.compile(
    r",?\s+(?:rather\s+than|instead\s+of|but\s+not|and\s+not)\s|,\s+(?:and\s+|but\s+)?not\s+(?!only\s|just\s)"
)

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
_DESCRIBING = frozenset(
    [
        "responsible",
        "known",
        "used",
        "held",
        "blamed",
        "wanted",
        "sought",
        "notorious",
        "famous",
        "liable",
        "paid",
        "designated",
        "sanctioned",
        "responsibility",
    ]
)

_REASON_SEARCH = re.compile(
    r"\s+(?:for|over|accused of|suspected of|charged with|alleged to have|involved in|linked to|tied to"
    r"|responsible for|engaged in)\s"
)

# What opens a reason: "for its nuclear tests", "over the invasion", "accused of helping ...".
_FOR_OVER = re.compile(
    r"\s+(?:(?:it|they|that|who|which|whom)\s+(?:(?:has|have|had|is|are|was|were)\s+)?)?"
    r"(?:for|over|accused of|suspected of|charged with|alleged to have|involved in|linked to|tied to"
    r"|responsible for|engaged in)\s+(?:its|their|his|her|the)?\s*"
)

# A full stop inside an abbreviation ("U.N.", "U.S.") or a number ends no reason.
_REASON_END = re.compile(r"[,;:—–()\"“”]|\.(?!\w)(?<!\b[A-Z]\.)|\s-\s|\s+and\s+(?=[A-Z])|\s+while\b|\s+but\b")

# The verbs after a cue in a subject: "Among those sanctioned are ...", "The list ... includes ...".
_COPULA = re.compile(r"(?<![\w-])(?:are|is|were|was|include|includes|included|comprise|comprises)(?![\w-])")

# What a subject before its verb does not hold: "... to the list of those whose assets are frozen".
_NOT_SUBJECT = re.compile(
    r",|\b(?:to|whose|which|who|that|of|for|with|by|from|in|it|they|he|she|said|says|say)\b|(?:\S+\s+){9}"
)

# A clause a subject starts after: a reporting verb or "that", or a contrasting conjunction
# ("New listings are likely, but X is already ...").
SUBJECT_START = re.compile(
    r"(?<![\w-])(?:said|says|say|added|announced|stated|noted|reported|confirmed)\s+(?:that\s+)?|[;:]\s*"
    r"|,\s+(?:but|while|whereas|although|though|yet)\s+"
)

# "X was among seven officials that ... blacklisted".
AMONG = re.compile(r"(?<![\w-])(?:is|was|are|were)\s+(?:also\s+)?(?:among|one of)\s+")

# The auxiliary before a passive cue ("has also been", "were", "which itself was", "was itself").
_AUX_END = re.compile(
    r"\s*,?\s+(?:(?:itself|themselves|himself|herself)\s+)?(?:(?:has|have|had|is|are|was|were|will|would)\s+)?"
    r"(?:(?:also|now|already|previously|since|recently|newly|likewise|all|both|each|itself|themselves|himself|herself)"
    r"\s+){0,2}(?:(?:been|be)\s+)?(?:(?:also|now|already)\s+)?$"
)

# What joins the names of one list: "A, B and C".
_JOINED = re.compile(r"[\s,]*(?:(?:and|or)\s+)?(?:the\s+)?")
# A subject that is only a pronoun: "He was sanctioned in 2018".
_PRONOUN = re.compile(r"\W*(he|she|it)\s*", re.IGNORECASE)
# A relative pronoun ending a subject ("... a group that [was sanctioned]").
_RELATIVE_END = re.compile(r"\s(?:that|which|who)\s*$")
# A description set off by commas between a name and its relative pronoun: "X (GRO), Pyongyang's
# spy service, [which]", "Y, a Vladivostok firm, [which]", "Z, the shipping arm of a conglomerate, [which]".
_DESCRIBED = re.compile(
    r"(?:\s*\([^()]{1,40}\))?,\s+(?:(?:a|an|the|its|their|his|her|one\s+of)\s|[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,3}['’]s?\s)[^,;()]{1,80},\s*$"
)

# A relative clause with a subject of its own before an active cue: ", which the U.S. [sanctioned]";
# also after a description, its pronoun left out or not: ", the mixer Treasury [sanctioned]", ", a
# Hong Kong firm that the UN [blacklisted]" (group `d` marks the description); not ", the first time
# Washington [sanctioned]", which tells when.
_OBJECT_RELATIVE = re.compile(
    r",\s+(?:(?P<d>(?:a|an|the)\s+(?!(?:[\w'’-]+\s+){0,2}(?:time|times|occasion|day|year|week|month)\s)"
    r"(?:[\w'’-]+\s+){0,5}?)(?:(?:which|that|whom)\s+)?|(?P<p>which|that|whom)\s+)"
    r"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:(?:has|have|had)\s+)?(?:also\s+)?$"
)

# A possessive ending a name read before its noun.
_POSSESSIVE_END = re.compile(r"(?<=\w)['’]s?$")

# A capitalised plural noun: "Tourists", "Officials" (not "Lazarus").
_PLURAL = re.compile(r"[A-Z][a-z]+[^aeiousy\W]s")

# A phrase describing the name before it ("a hacking group", "an entity").
_APPOSITION = re.compile(r"\s*(?:a|an|the|another|one)\s", re.IGNORECASE)

# "hit North Korea with sanctions": cues whose target stands before "with".
_HITS = ("hit", "slap", "target", "punish", "place", "put")

_WITH_SANCTIONS = re.compile(
    r"\s+(?:with|under)\s+(?:[\w'’-]+\s+){0,4}?(?:sanctions|asset freezes|travel bans|penalties)"
)


def items_to_targets(items: list[Item]) -> list[tuple[str, Item]]:
    """Each item with the entity it names: the gazetteer's canonical name when it knows it."""
    out = []
    for item in items:
        entity = item.mention.name if item.mention is not None and item.kind != "group" else item.name
        # "Kim Chol Nam's assets were frozen": the owner, without the possessive.
        entity = _POSSESSIVE_END.sub("", entity)
        out.append((entity, item))
    return out


def object_end(ctx: SentenceReader, start: int, end: int) -> int:
    """Where the list after a cue ends: before ", the Treasury said", a reason or another cue."""
    text = ctx.text
    end = find_attribution(text, start, end, ctx.lex.designees)
    # A list ends where a quotation closes or a new clause opens (", and Australia has ...").
    for pattern in (_QUOTE_CLOSE, _NEW_CLAUSE, _BUT, _CONTRAST, _DATED_BREAK):
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
        if after[:1] in ",;":
            continue  # "the firm she was said to be working for, X": a stranded preposition
        return m.start()
    return end


def opening_reason(text: str, start: int, end: int) -> tuple[str | None, int]:
    m = _FOR_OVER.match(text[start : min(end, start + 20)])
    if not m:
        return None, start
    rs = start + m.end()
    stop = _REASON_END.search(text, rs, end)
    re_end = stop.start() if stop else end
    reason = text[rs:re_end].strip()
    return (reason or None), re_end


def find_reason(text: str, start: int, end: int) -> str | None:
    """The reason opening within the first words after `start` ("for its role in ...")."""
    m = _REASON_SEARCH.search(text, start, min(end, start + 160))
    if m is None:
        return None
    return opening_reason(text, m.start(), end)[0]


def object_targets(
    ctx: SentenceReader, m: re.Match[str], stop: int, *, copula: bool = True
) -> tuple[list[tuple[str, Item]], int]:
    """The targets listed after the cue `m` and where the list ends; with `copula`, after a
    copula that follows a group phrase ("blacklisted six officials are A and B")."""
    end = object_end(ctx, m.end(), stop)
    # "hit North Korea's Lazarus Group with sanctions": the target stands before "with".
    with_ = _WITH_SANCTIONS.search(ctx.text, m.end(), end) if m.group(0).lower().startswith(_HITS) else None
    if with_ is not None:
        end = with_.start()
    start = m.end()
    if _PREPOSITION_FIRST.match(ctx.text, start, end):
        return [], end  # "on the blacklist of the Treasury": no list after the cue
    # "The six newly blacklisted officials are ...": the list follows the verb.
    verb = _COPULA.search(ctx.text, start, end) if copula else None
    if verb is not None and not _NOT_SUBJECT.search(ctx.text, start, verb.start()):
        subject = read_list(ctx.text, start, verb.start(), ctx.names, ctx.lex.designees)
        if all(i.kind == "group" for i in subject):
            start = verb.end()
    items = read_list(ctx.text, start, end, ctx.names, ctx.lex.designees)
    listed = _colon_list(ctx, m.end(), end, stop, items)
    if listed is not None:
        return listed
    if (
        items
        and m.group(0).lower().startswith("designat")
        and _AS_WHAT.match(ctx.text, items[0].end, end)
        and not _AS_TARGET.match(ctx.text, items[0].end, ctx.sent.end)
    ):
        return [], end  # "designating South Korea as a hostile state": a label, not a listing
    return items_to_targets(items), end


def _colon_list(
    ctx: SentenceReader, start: int, end: int, stop: int, items: list[Item]
) -> tuple[list[tuple[str, Item]], int] | None:
    """The names a colon lists after a group phrase the list before it ended in ("three groups
    that researchers have tracked for years: A, B and C"), each under that phrase; None when
    the cue's object is no such phrase or no names follow the colon."""
    head = _GROUP_BEFORE_COLON.match(ctx.text, start, stop)
    if head is None or head.end() <= end or not items or any(i.kind != "group" for i in items):
        return None
    after = head.end()
    last = object_end(ctx, after, stop)
    named = [i for i in read_list(ctx.text, after, last, ctx.names, ctx.lex.designees) if i.kind != "group"]
    if not named:
        return None
    group = items[0]
    named = [i._replace(group=group.name, group_count=group.group_count) for i in named]
    return items_to_targets([*items, *named]), last


def inverted_targets(ctx: SentenceReader, m: re.Match[str]) -> list[tuple[str, Item]]:
    """ "Among those sanctioned are X and Y", "Also added to the list was X": the targets
    after the verb that follows a cue standing in the subject."""
    text, sent = ctx.text, ctx.sent
    verb = _COPULA.search(text, m.end(), min(sent.end, m.end() + 160))
    if verb is None:
        return []
    end = object_end(ctx, verb.end(), sent.end)
    items = read_list(text, verb.end(), end, ctx.names, ctx.lex.designees)
    return items_to_targets(items)


def subject_targets(ctx: SentenceReader, pos: int) -> list[tuple[str, Item]]:
    """ "X, the ..., was also sanctioned": the named targets before a passive cue at `pos`."""
    text, sent = ctx.text, ctx.sent
    among = AMONG.search(text, sent.start, pos)
    end = among.start() if among is not None else pos
    start = sent.start
    for b in SUBJECT_START.finditer(text, sent.start, end):
        start = b.end()
    aux = _AUX_END.search(text, start, end)
    if aux is not None:
        end = aux.start()
    relative = _RELATIVE_END.search(text, start, end)
    if relative is not None:
        # "... stolen by the Lazarus Group, a state-sponsored hacking group that was
        # sanctioned": the one the relative clause is about.
        return _antecedent(ctx, start, relative.start())
    pronoun = _PRONOUN.fullmatch(text, start, end)
    if pronoun is not None and ctx.before is not None:
        # "He was sanctioned by the Treasury in 2018": the last person (or, for "it", body)
        # the sentence before names.
        before = ctx.before
        person = pronoun.group(1).lower() in ("he", "she")
        named = last_name(
            text, before.start, before.end, ctx.names_in(before), ctx.lex.designees, person=person
        )
        return items_to_targets([named] if named is not None else [])
    items = read_list(text, start, end, ctx.names, ctx.lex.designees)
    if among is not None:
        items = [i for i in items if i.kind != "group"]
        # "X was among seven officials that the State Department blacklisted": the group is X's.
        groups = [
            i for i in read_list(text, among.end(), pos, ctx.names, ctx.lex.designees) if i.kind == "group"
        ]
        if groups:
            g = groups[0]
            items = [i._replace(group=g.name, group_count=g.group_count) for i in items]
    return items_to_targets(items)


def relative_targets(ctx: SentenceReader, pos: int) -> list[tuple[str, Item]]:
    """ "Andariel, which the U.S. sanctioned in 2019": the antecedent of a relative clause whose
    own subject (a capitalised name) stands before the active cue at `pos`."""
    text, sent = ctx.text, ctx.sent
    rel = _OBJECT_RELATIVE.search(text, max(sent.start, pos - 100), pos)
    if rel is None:
        return []
    start = sent.start
    for b in SUBJECT_START.finditer(text, sent.start, rel.start()):
        start = b.end()
    # The antecedent ends at the pronoun; before a description, at the comma opening it.
    return _antecedent(ctx, start, rel.start() + 1 if rel.group("d") is not None else rel.start("p"))


def common_plural(ctx: SentenceReader, item: Item) -> bool:
    """Whether a one-word "name" before a passive cue is a plural noun, capitalised as a
    people's name ("Americans were banned from visiting") or as the sentence's first word
    ("Tourists were barred from entering"), that no gazetteer name covers."""
    if item.kind == "group" or item.mention is not None or " " in item.name:
        return False
    word = item.name
    if word.lower() in ctx.lex.designees.group_nouns:
        return False  # "Generals who ... were sanctioned": a group phrase, as before
    if word.endswith(("ans", "ese", "ish")):
        return True
    first = not ctx.text[ctx.sent.start : item.start].strip(" \"“‘'")
    return first and _PLURAL.fullmatch(word) is not None


def _antecedent(ctx: SentenceReader, start: int, end: int) -> list[tuple[str, Item]]:
    """The named targets a relative pronoun at `end` refers to: the names listed just before
    it ("Kim, Kang and Jin, who are under sanctions"), or, when a phrase describing one
    stands there ("a hacking group"), the name it describes."""
    listed = read_list(ctx.text, start, end, ctx.names, ctx.lex.designees)
    comma = ctx.text.rfind(",", start, end)
    described = _DESCRIBED.search(ctx.text, start, end)
    if described is not None:
        # "the General Reconnaissance Office (GRO), Pyongyang's spy service, which itself ...": the
        # name the description is of, listed or after a preposition ("went through X, the ...").
        at = described.start()
        owner = [i for i in listed if i.kind not in ("group", "state") and i.end == at]
        for person in (False, True):
            if owner:
                break
            found = last_name(ctx.text, start, at, ctx.names, ctx.lex.designees, person=person)
            if found is not None and not ctx.text[found.end : at].strip():
                owner = [found]
        if owner:
            return items_to_targets(owner[-1:])
    if listed and listed[-1].kind != "group" and ctx.text[listed[-1].end : end].strip(" ,") == "":
        names = [listed[-1]]
        for item in reversed(listed[:-1]):
            # Only names joined to the last by commas and "and" are its list.
            if item.kind == "group" or not _JOINED.fullmatch(ctx.text, item.end, names[-1].start):
                break
            names.append(item)
        return items_to_targets(names[::-1])
    items = [i for i in listed if i.kind != "group"]
    if items and items[-1].start > comma:
        return items_to_targets(items[-1:])
    if comma >= 0:
        # "arranged by Korea Ryonbong General Corporation, which was sanctioned": the name the
        # relative clause follows, though a preposition governs it.
        for person in (False, True):
            named = last_name(ctx.text, start, comma, ctx.names, ctx.lex.designees, person=person)
            if named is not None and not ctx.text[named.end : comma].strip():
                return items_to_targets([named])
    if comma < 0 or not _APPOSITION.match(ctx.text, comma + 1, end):
        return []
    for n in reversed(ctx.names):
        if n.end <= comma and comma - n.end < 3 and n.kind != "state":
            item = Item(n.name, n.start, n.end, n.kind, mention=n)
            return items_to_targets([item])
    return []
