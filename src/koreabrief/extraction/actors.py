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
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from koreabrief.extraction.lexicon import trie_regex
from koreabrief.gazetteer import Gazetteer, Mention, normalise_key

__all__ = ["ActorMention", "find_names"]

_NAME = r"[A-Z][a-z]{1,20}(?:(?:[ \t]|-)[A-Z][a-z]{0,20}|-[a-z]{1,20}){1,3}"
# What may not follow a contextual short form ("the North" but not "the Northern", "the North Korea").
_GLUED = re.compile(r"[\w-]| Korea")
# A capitalised word; `find_names` skips those glued to a word or hyphen before them
# (a leading look-behind would make the regex engine try every position).
_CAPWORD = re.compile(r"[A-Z][a-z]{1,20}(?![\w-])")
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


def _mention(fields: tuple[int, int, str, str, str, str | None]) -> ActorMention:
    """An ActorMention from its fields in order (what its constructor does, without
    the keyword handling: names are made by the hundred per article)."""
    mention: ActorMention = _new_tuple(ActorMention, fields)
    return mention


# `tuple.__new__`, which a NamedTuple's generated constructor ends in.
_new_tuple: Any = tuple.__new__


@functools.lru_cache(maxsize=8)
def _titled(titles: tuple[str, ...]) -> re.Pattern[str]:
    # A trie, not a flat alternation: each position then tries one branch per letter.
    return re.compile(rf"(?<![\w-]){trie_regex(titles)}[ \t]+(?P<name>{_NAME})(?![\w-])")


@functools.lru_cache(maxsize=8)
def _title_scans(titles: tuple[str, ...]) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """How `_titled_matches` finds the places a `_titled` match may start.

    Titles not opening with a lower-case letter: `_titled` without its leading
    look-behind, so that the regex engine skips to the few capitals a title opens
    with (a trie keeps each first letter's branch as it is in the whole pattern).
    Lower-case titles ("envoy", "leader"): the titles themselves, for substring search.
    """
    upper = sorted(t for t in titles if not t[:1].islower())
    lower = tuple(sorted({t for t in titles if t[:1].islower()}))
    scan = re.compile(rf"{trie_regex(upper)}[ \t]+(?P<name>{_NAME})(?![\w-])") if upper else None
    return scan, lower


def _titled_matches(text: str, titles: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``_titled(titles).finditer(text)``, trying the pattern only where a title starts.

    Each place a match can start is the start of an upper-case title's scan match or
    of a lower-case title, so trying `_titled` at those places in order (from where
    the last match ended) yields the same matches as the one scan that tries it at
    every position, which is what made it slow.
    """
    rx = _titled(titles)
    upper, lower = _title_scans(titles)
    places = sorted({at for title in lower for at in _occurrences(text, title)}, reverse=True)
    none = len(text) + 1  # past every offset: no upper-case place left
    up = upper.search(text) if upper is not None else None
    next_up = up.start() if up is not None else none
    pos = 0
    while True:
        if next_up < pos and upper is not None:
            up = upper.search(text, pos)
            next_up = up.start() if up is not None else none
        while places and places[-1] < pos:
            places.pop()
        at = min(next_up, places[-1] if places else none)
        if at == none:
            return
        m = rx.match(text, at)
        if m is None:
            pos = at + 1  # nothing starts here: on to the next place
            continue
        yield m
        pos = m.end()


def _occurrences(text: str, sub: str) -> Iterator[int]:
    """Where `sub` occurs in `text`, overlaps included."""
    at = text.find(sub)
    while at >= 0:
        yield at
        at = text.find(sub, at + 1)


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
        _mention((m.start, m.end, m.text, m.entity.name, m.entity.kind, m.entity.affiliation))
        for m in (gazetteer.find(text) if hits is None else hits)
    ]
    taken = [(m.start, m.end) for m in found]
    starts = [m.start for m in found]

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)
        return all(not (s < end and start < e) for s, e in taken[max(0, i - 2) : i + 1])

    extra: list[ActorMention] = []
    if titles:
        for m in _titled_matches(text, titles):
            s, e = m.span("name")
            name = m.group("name")
            hit = gazetteer.lookup(name)
            if not free(s, e):
                continue
            if hit is not None:
                ent = hit[0]
                extra.append(_mention((s, e, name, ent.name, ent.kind, ent.affiliation)))
            else:
                extra.append(_mention((s, e, name, name, "person", None)))
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
        if key not in local and key not in known:
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
