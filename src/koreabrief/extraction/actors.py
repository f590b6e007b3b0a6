"""Who is named where: the actor view of one article's names.

Events and sanctions read this view of the shared name stage
(`ArticleContext.name_mentions`): the gazetteer's names (metonyms such as
Pyongyang -> North Korea included), the names the stage found after a title
("Foreign Minister Park Jin", kept as written when the gazetteer lacks them)
and the lone surnames it resolved. A surname pass of this module supplements
what the stage leaves unresolved: a surname alone ("Rubio", "Cho") resolves
to a full name used elsewhere in the article, else to the only gazetteer person
with that surname, else to the only one of them who leads a state ("Kim": Kim
Jong Un).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from koreabrief.extraction.mentions import NameMention
from koreabrief.gazetteer import Gazetteer, Mention, normalise_key

__all__ = ["ActorMention", "find_names", "titled_names"]

# What may not follow a contextual short form ("the North" but not "the Northern", "the North Korea").
_GLUED = re.compile(r"[\w-]| Korea")
# A capitalised word; `find_names` skips those glued to a word or hyphen before them
# (a leading look-behind would make the regex engine try every position).
_CAPWORD = re.compile(r"[A-Z][a-z]{1,20}(?![\w-])")
# The roles of a state's leader (lower case), for a surname no full name explains:
# a leader first, then a head of state or government; several at one rank is no answer.
_LEADER_ROLES = (frozenset(["leader", "supreme leader"]), frozenset(["president", "prime minister"]))
# What closes an appositive name ("the envoy, Jane Roe, said"; "... Jane Roe.").
_APPOSITIVE_CLOSE = frozenset(",.;:)\n")
# The start offset of an ActorMention, as a sort key.
_START = operator.itemgetter(0)


def _glued(char: str) -> bool:
    """Whether `char` matches ``[\\w-]`` (for a single character \\w is isalnum() or "_")."""
    return char.isalnum() or char in "_-"


class ActorMention(NamedTuple):
    """A named entity in the text.

    Attributes:
        start: Offset of the mention.
        end: Offset one past the mention.
        text: As written.
        name: Canonical name (the gazetteer's, or the text for unknown people).
        kind: ``person``, ``state`` or ``organisation``.
        affiliation: The state or body it belongs to, when known.
    """

    start: int
    end: int
    text: str
    name: str
    kind: str
    affiliation: str | None


def _mention(fields: tuple[int, int, str, str, str, str | None]) -> ActorMention:
    """An ActorMention from its fields in order (what its constructor does, without
    the keyword handling: names are made by the hundred per article)."""
    mention: ActorMention = _new_tuple(ActorMention, fields)
    return mention


# `tuple.__new__`, which a NamedTuple's generated constructor ends in.
_new_tuple: Any = tuple.__new__


def titled_names(mentions: Sequence[NameMention], title_heads: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the names the name stage found right after a title, in order.

    `mentions` are `find_mentions` output (the shared name stage): a person's
    mention there runs from its title to the end of the name ("Foreign Minister
    Park Jin"); an actor is the name alone. A mention counts when it ends in its
    name as written and the word before that name ends a title (one of
    `title_heads`, e.g. ``Lexicon.title_heads()``): "The Hague", a name shape the
    stage cleaned of its article, is no titled name.

    Examples:
        >>> from koreabrief.extraction.names import find_mentions
        >>> text = "Foreign Minister Park Jin met The Hague officials."
        >>> [text[s:e] for s, e in titled_names(find_mentions(text), frozenset(["minister"]))]
        ['Park Jin']
    """
    found: list[tuple[int, int]] = []
    for m in mentions:
        name = m.name
        if m.kind != "person" or not name or len(m.text) <= len(name) or not m.text.endswith(name):
            continue
        before = m.text[: len(m.text) - len(name)]
        if not before.endswith((" ", ", ")):
            continue  # the name is glued to a longer word: not a name of its own
        words = before.rstrip(" ,").rsplit(None, 1)
        if words and words[-1].lower() in title_heads:
            found.append((m.end - len(name), m.end))
    return found


def _unsure_titled(text: str, start: int, end: int, hit_starts: set[int]) -> bool:
    """Whether the name a title introduces at [start, end) may end elsewhere than the stage read.

    A name running on into a gazetteer name ("Minister Lavrov Lands In North
    Korea") is a run of headline capitals whose name ends nobody can tell. A name
    set after its title by a comma is an appositive, closed by punctuation
    ("its foreign minister, Choe Son Hui, said"); one running on into the clause
    ("a senior official, Tornado Cash has ...") is the clause's subject after an
    aside, not the official's name. Either is left to the surname pass.
    """
    if text.startswith(" ", end) and end + 1 in hit_starts:
        return True
    return text.startswith(", ", start - 2) and not (end == len(text) or text[end] in _APPOSITIVE_CLOSE)


def find_names(
    text: str,
    gazetteer: Gazetteer,
    titled: Sequence[tuple[int, int]] = (),
    contextual: tuple[tuple[str, str], ...] = (),
    *,
    hits: Sequence[Mention] | None = None,
    stage: Sequence[NameMention] = (),
    not_names: frozenset[str] = frozenset(),
) -> list[ActorMention]:
    """Every entity mention in `text`, in order, non-overlapping.

    `titled` are the spans of names found after a title by the shared name stage
    (`titled_names`); names the gazetteer does not know are kept as written.
    `stage` is that stage's resolved mentions: a lone surname it resolved to a
    person named here or in the gazetteer is read as it says. The surname pass of
    this module is the supplement for the places the stage left unresolved or
    dropped (its resolver keeps a lone capitalised word only when it can tell who
    it is); it skips `not_names`, the stage's words that open no name.
    `hits` is ``gazetteer.find(text)`` when the caller has it already.

    Examples:
        >>> g = Gazetteer.default()
        >>> [m.name for m in find_names("Kim Jong Un met Putin. Kim left.", g)]
        ['Kim Jong Un', 'Vladimir Putin', 'Kim Jong Un']
    """
    found: list[ActorMention] = [
        _mention((m.start, m.end, m.text, m.entity.name, m.entity.kind, m.entity.affiliation))
        for m in (gazetteer.find(text) if hits is None else hits)
    ]
    taken = [(m.start, m.end) for m in found]
    starts = [m.start for m in found]

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)
        return all(not (s < end and start < e) for s, e in taken[max(0, i - 2) : i + 1])

    extra: list[ActorMention] = []
    hit_starts = set(starts)
    for s, e in titled:
        if not free(s, e) or _unsure_titled(text, s, e, hit_starts):
            continue
        name = text[s:e]
        hit = gazetteer.lookup(name)
        if hit is not None:
            ent = hit[0]
            extra.append(_mention((s, e, name, ent.name, ent.kind, ent.affiliation)))
        elif " " in name:
            extra.append(_mention((s, e, name, name, "person", None)))
        # A single word after a title the gazetteer does not know ("Mr Kim", "the
        # Minister's Official Residence") is a surname at best: left to the surname
        # pass below, which resolves it against the full names or drops it.
    for short, full in contextual:
        entity = gazetteer.resolve(full)
        if entity is None:
            continue
        # A plain substring scan: a regex with a look-behind first cannot skip ahead.
        at = text.find(short)
        while at >= 0:
            end = at + len(short)
            if text[max(0, at - 4) : at].lower() == "the " and not _GLUED.match(text, end) and free(at, end):
                extra.append(_mention((at, end, short, entity.name, entity.kind, entity.affiliation)))
            at = text.find(short, end)
    found = sorted(found + extra, key=_START)
    # Surnames used alone: those of people the article names in full first, then the gazetteer's.
    local: dict[str, ActorMention] = {}
    # A person is mostly named several times: their keys are worked out once.
    keys_of: dict[str, tuple[str | None, str | None, str | None]] = {}
    for n in found:
        if n.kind != "person":
            continue
        keys = keys_of.get(n.name)
        if keys is None:
            keys = keys_of[n.name] = _person_keys(n.name, gazetteer)
        first, last, surname = keys
        if first is not None and last is not None:
            local.setdefault(first, n)
            local.setdefault(last, n)
        if surname:
            local[surname] = n
    # The stage's own reading of a lone surname wins (it resolved the word in text
    # order), when the person it names is one this view knows: a gazetteer person or a
    # titled name kept above, not a shape the stage took for a name ("USS Kentucky").
    # The surname pass after it is the supplement for what the stage left unresolved.
    people = {n.name for n in found if n.kind == "person"}
    taken = [(m.start, m.end) for m in found]
    starts = [m.start for m in found]
    resolved: list[ActorMention] = []
    for m in stage:
        if m.kind != "person" or not m.name:
            continue
        # A titled surname ("President Trump", "Mr. Kim"): its last word.
        word = m.text.rsplit(" ", 1)[-1]
        start = m.end - len(word)
        if " " in m.text and m.text.endswith(m.name):
            continue  # a titled full name: `titled` holds it
        if word not in m.name.replace("-", " ").split() or not free(start, m.end):
            continue
        if m.name not in people:
            entity = gazetteer.resolve(m.name)
            if entity is None or entity.kind != "person":
                continue
        resolved.append(_mention((start, m.end, word, m.name, "person", m.affiliation)))
    if resolved:
        found = sorted(found + resolved, key=_START)
    taken = [(m.start, m.end) for m in found]
    starts = [m.start for m in found]
    surnames: list[ActorMention] = []
    # Only words some surname lookup can answer need their places scanned: one
    # C-level pass collects the distinct capitalised words, a set filter keeps those
    # whose key (a letters-only word's key is its lower case) is a known surname.
    known = gazetteer.surname_keys()
    size_text = len(text)
    for word in set(_CAPWORD.findall(text)):
        key = word.lower()
        # A word the stage knows opens no name ("In", "No", "May") is nobody's surname,
        # whatever Korean surname or month it spells.
        if (key not in local and key not in known) or word in not_names:
            continue
        sur = _surname(word, local, gazetteer)
        if sur is None:
            continue
        # The places `_CAPWORD` matches this word: not glued to what precedes,
        # nothing word-like after (its look-ahead; the word's letters then match
        # greedily in full).
        size = len(word)
        at = text.find(word)
        while at >= 0:
            end = at + size
            if (
                not (at and _glued(text[at - 1]))
                and not (end < size_text and _glued(text[end]))
                and free(at, end)
            ):
                surnames.append(_mention((at, end, word, sur[0], "person", sur[1])))
            at = text.find(word, end)
    # `found` is in order already: with no surname there is nothing to merge.
    return sorted(found + surnames, key=_START) if surnames else found


def _person_keys(name: str, gazetteer: Gazetteer) -> tuple[str | None, str | None, str | None]:
    """The keys a person's name makes known as surnames: its first and last parts'
    (None for a one-part name), and the gazetteer entity's surname key, if any."""
    parts = name.replace("-", " ").split()
    first, last = (normalise_key(parts[0]), normalise_key(parts[-1])) if len(parts) >= 2 else (None, None)
    entity = gazetteer.resolve(name)
    return first, last, entity.surname_key if entity is not None else None


def _surname(
    word: str, local: dict[str, ActorMention], gazetteer: Gazetteer
) -> tuple[str, str | None] | None:
    """The (name, affiliation) a capitalised word stands for as a surname, if any."""
    ref = local.get(normalise_key(word))
    if ref is not None:
        return ref.name, ref.affiliation
    people = gazetteer.by_surname(word)
    if len({p.name for p in people}) > 1:
        # "Yoon" may match "Yun" spellings too: keep those spelled as written.
        people = tuple(p for p in people if word in p.name.replace("-", " ").split())
    if len({p.name for p in people}) == 1:
        return people[0].name, people[0].affiliation
    # Named nowhere in full, a shared surname alone ("Putin and Kim held talks") means
    # the one holder who leads a state, if there is exactly one.
    for roles in _LEADER_ROLES:
        leaders = {p.name: p for p in people if (p.role or "").lower() in roles}
        if len(leaders) == 1:
            leader = next(iter(leaders.values()))
            return leader.name, leader.affiliation
        if leaders:
            return None
    return None
