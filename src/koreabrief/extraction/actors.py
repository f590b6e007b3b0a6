"""Who is named where: gazetteer mentions, surnames and titled names of one article.

Names resolve through the [`Gazetteer`][koreabrief.Gazetteer] (metonyms such as
Pyongyang -> North Korea included). A surname alone ("Rubio", "Cho") resolves
to a full name used elsewhere in the article, else to the only gazetteer person
with that surname, else to the only one of them who leads a state ("Kim": Kim
Jong Un). A name the gazetteer does not know is still recognised after
a title ("Foreign Minister Park Jin") and kept as written.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Sequence
from typing import NamedTuple

from koreabrief.extraction.lexicon import trie_regex
from koreabrief.gazetteer import Gazetteer, Mention, normalise_key

__all__ = ["ActorMention", "find_names"]

_NAME = r"[A-Z][a-z]{1,20}(?:(?:[ \t]|-)[A-Z][a-z]{0,20}|-[a-z]{1,20}){1,3}"
# What may not follow a contextual short form ("the North" but not "the Northern", "the North Korea").
_GLUED = re.compile(r"[\w-]| Korea")
# A capitalised word; `find_names` skips those glued to a word or hyphen before them
# (a leading look-behind would make the regex engine try every position).
_CAPWORD = re.compile(r"[A-Z][a-z]{1,20}(?![\w-])")
# What may not follow a capitalised word (the look-ahead of `_CAPWORD`).
_AFTER = re.compile(r"[\w-]")
# The roles of a state's leader (lower case), for a surname no full name explains:
# a leader first, then a head of state or government; several at one rank is no answer.
_LEADER_ROLES = (frozenset(["leader", "supreme leader"]), frozenset(["president", "prime minister"]))
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


@functools.lru_cache(maxsize=8)
def _titled(titles: tuple[str, ...]) -> re.Pattern[str]:
    # A trie, not a flat alternation: each position then tries one branch per letter.
    return re.compile(rf"(?<![\w-]){trie_regex(titles)}[ \t]+(?P<name>{_NAME})(?![\w-])")


def find_names(
    text: str,
    gazetteer: Gazetteer,
    titles: tuple[str, ...] = (),
    contextual: tuple[tuple[str, str], ...] = (),
    *,
    hits: Sequence[Mention] | None = None,
) -> list[ActorMention]:
    """Every entity mention in `text`, in order, non-overlapping.

    `hits` is ``gazetteer.find(text)`` when the caller has it already.

    Examples:
        >>> g = Gazetteer.default()
        >>> [m.name for m in find_names("Kim Jong Un met Putin. Kim left.", g)]
        ['Kim Jong Un', 'Vladimir Putin', 'Kim Jong Un']
    """
    found: list[ActorMention] = [
        ActorMention(m.start, m.end, m.text, m.entity.name, m.entity.kind, m.entity.affiliation)
        for m in (gazetteer.find(text) if hits is None else hits)
    ]
    taken = [(m.start, m.end) for m in found]
    starts = [m.start for m in found]

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)
        return all(not (s < end and start < e) for s, e in taken[max(0, i - 2) : i + 1])

    extra: list[ActorMention] = []
    if titles:
        for m in _titled(titles).finditer(text):
            s, e = m.start("name"), m.end("name")
            hit = gazetteer.lookup(m.group("name"))
            if not free(s, e):
                continue
            if hit is not None:
                ent = hit[0]
                extra.append(ActorMention(s, e, m.group("name"), ent.name, ent.kind, ent.affiliation))
            else:
                extra.append(ActorMention(s, e, m.group("name"), m.group("name"), "person", None))
    for short, full in contextual:
        entity = gazetteer.resolve(full)
        if entity is None:
            continue
        # A plain substring scan: a regex with a look-behind first cannot skip ahead.
        at = text.find(short)
        while at >= 0:
            end = at + len(short)
            if text[max(0, at - 4) : at].lower() == "the " and not _GLUED.match(text, end) and free(at, end):
                extra.append(ActorMention(at, end, short, entity.name, entity.kind, entity.affiliation))
            at = text.find(short, end)
    found = sorted(found + extra, key=_START)
    # Surnames used alone: those of people the article names in full first, then the gazetteer's.
    local: dict[str, ActorMention] = {}
    for n in found:
        if n.kind != "person":
            continue
        parts = n.name.replace("-", " ").split()
        if len(parts) >= 2:
            local.setdefault(normalise_key(parts[0]), n)
            local.setdefault(normalise_key(parts[-1]), n)
        entity = gazetteer.resolve(n.name)
        if entity is not None and entity.surname_key:
            local[entity.surname_key] = n
    taken = [(m.start, m.end) for m in found]
    starts = [m.start for m in found]
    surnames: list[ActorMention] = []
    # Only words some surname lookup can answer need their places scanned: one
    # C-level pass collects the distinct capitalised words, a set filter keeps those
    # whose key (a letters-only word's key is its lower case) is a known surname.
    known = gazetteer.surname_keys()
    for word in set(_CAPWORD.findall(text)):
        key = word.lower()
        if key not in local and key not in known:
            continue
        sur = _surname(word, local, gazetteer)
        if sur is None:
            continue
        # The places `_CAPWORD` matches this word: not glued to what precedes,
        # nothing word-like after (the word's letters then match greedily in full).
        size = len(word)
        at = text.find(word)
        while at >= 0:
            end = at + size
            if not (at and _glued(text[at - 1])) and not _AFTER.match(text, end) and free(at, end):
                surnames.append(ActorMention(at, end, word, sur[0], "person", sur[1]))
            at = text.find(word, end)
    return sorted(found + surnames, key=_START)


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
