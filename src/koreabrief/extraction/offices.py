"""A leader's office named by a possessive: "President Lee called his ministers in,
and his office said ...".

The office speaks for its head of state or government, so "his office" is a mention
of that office: the presidential office or the prime minister's office of the state
the person last named (of the pronoun's gender, a president or prime minister) leads,
when the gazetteer knows one. Found by one search for the word "office" in the
article, so texts without it cost nothing.
"""

from __future__ import annotations

import bisect
import re

from attrs import evolve

from koreabrief.extraction.mentions import NameMention
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Span

__all__ = ["office_mentions"]

# "his office", "her office" (the possessive right before the noun).
_HIS_OFFICE = re.compile(r"(?<![\w’'-])(?P<pronoun>[Hh]is|[Hh]er)[ ]+office(?![\w’'-])")
_GENDER = {"his": "m", "her": "f"}
# The office of each head's role, as the gazetteer spells it after the state's adjective.
_OFFICES = {"president": "presidential office", "prime minister": "Prime Minister's Office"}
# How many mentions back, and how many sentences back, the office's head is sought.
_HEAD_REACH = 12
_HEAD_SENTENCES = 2


def office_mentions(
    text: str, mentions: list[NameMention], sentences: list[Span], gazetteer: Gazetteer
) -> list[NameMention]:
    """`mentions` with a mention added for each "his office" or "her office" whose head
    the text names just before.

    Args:
        text: The article text.
        mentions: The article's name mentions, in text order (not changed).
        sentences: The sentence spans of `text`.
        gazetteer: Where the office of a state is looked up.

    Returns:
        `mentions` itself when there is no such office, else a new list in text order.

    Examples:
        >>> import koreabrief as kb
        >>> text = "President Yoon Suk Yeol met aides. His office said so."
        >>> lee = NameMention(0, 23, "President Yoon Suk Yeol", "Yoon Suk Yeol", "person",
        ...                   "President", "South Korea", "m", True)
        >>> found = office_mentions(text, [lee], [Span(0, 34), Span(35, 54)], kb.Gazetteer.default())
        >>> found[-1].name, found[-1].text
        ('South Korean Presidential Office', 'His office')
    """
    if "office" not in text:
        return mentions  # the usual case
    mentions = _sitting_offices(mentions, gazetteer)
    added: list[NameMention] = []
    starts = [m.start for m in mentions]
    sentence_starts = [s.start for s in sentences]
    for found in _HIS_OFFICE.finditer(text):
        i = bisect.bisect_left(starts, found.start())
        if i < len(mentions) and mentions[i].start < found.end():
            continue  # already part of a name ("his office" inside a longer one)
        gender = _GENDER[found.group("pronoun").lower()]
        head = _head_before(mentions, i, found.start(), sentence_starts, gender)
        if head is None or _called(mentions, i, head, _FORMER):
            continue
        office = _office_of(head, gazetteer)
        if office is None:
            continue
        added.append(
            NameMention(
                found.start(),
                found.end(),
                found.group(0),
                office,
                "organisation",
                None,
                head.affiliation if head else None,
                None,
                True,
            )
        )
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.start)


def _sitting_offices(mentions: list[NameMention], gazetteer: Gazetteer) -> list[NameMention]:
    """`mentions` with each "Office of <leader>" ("President Lee's office", "the office of
    Prime Minister Ishiba") named as the state's office when the leader holds the post the
    text gives him ("his office" is named so too): one name for one office. A leader the
    text calls former keeps an office of his own."""
    renamed: dict[str, str] = {}
    out = mentions
    for i, m in enumerate(mentions):
        if m.name in renamed and m.kind in ("pronoun", "relative"):
            out = out if out is not mentions else list(mentions)
            out[i] = evolve(m, name=renamed[m.name])
            continue
        if not m.name or not m.name.startswith("Office of ") or m.kind != "organisation":
            continue
        owner = _owner(mentions, i, m.name[len("Office of ") :], gazetteer)
        if (
            owner is None
            or _called(mentions, i + 1, owner, _FORMER)
            or _called(mentions, i + 1, owner, _ACTING)
        ):
            continue
        office = _office_of(owner, gazetteer)
        if office is None:
            continue
        renamed[m.name] = office
        out = out if out is not mentions else list(mentions)
        out[i] = evolve(m, name=office, affiliation=m.affiliation or owner.affiliation)
    return out


# Titles held for a time by another than their holder ("acting president Choi"): the
# office is named after the one who acts (as the gold convention names it).
_ACTING = re.compile(r"(?i)(?<![\w-])(?:acting|interim)[ ]")


def _owner(mentions: list[NameMention], i: int, name: str, gazetteer: Gazetteer) -> NameMention | None:
    """The titled person `name` the office at index `i` belongs to: named before it, or
    inside it with the title the gazetteer gives ("the office of President Yoon")."""
    for m in reversed(mentions[max(0, i - _FORMER_REACH) : i]):
        # Titled as written ("President Lee"), not only by the gazetteer's role.
        if m.kind == "person" and m.name == name and m.role and m.role.lower() in m.text.lower():
            return m
    office = mentions[i]
    entity = gazetteer.resolve(name)
    if entity is None or entity.kind != "person" or not entity.role:
        return None
    if entity.role.lower() not in office.text.lower() or _FORMER.search(office.text):
        return None
    return NameMention(office.start, office.end, office.text, name, "person", entity.role, entity.affiliation)


def _head_before(
    mentions: list[NameMention], i: int, pos: int, sentence_starts: list[int], gender: str
) -> NameMention | None:
    """The person of `gender` named first in the last sentence before `pos` (index `i`)
    that names one, within two sentences: that sentence's subject, as a pronoun takes it
    ("Yoon spoke to Biden. His office said": Yoon's)."""
    here = max(0, bisect.bisect_right(sentence_starts, pos) - 1)
    floor = sentence_starts[max(0, here - _HEAD_SENTENCES)] if sentence_starts else 0
    found: NameMention | None = None
    sentence = -1
    for m in reversed(mentions[max(0, i - _HEAD_REACH) : i]):
        if m.start < floor:
            break
        if not (m.kind in ("person", "pronoun") and m.name and m.gender == gender):
            continue
        at = bisect.bisect_right(sentence_starts, m.start) - 1
        if found is not None and at != sentence:
            break
        found, sentence = m, at
    return found


# How many mentions back a "former" title of the head is sought (bounded, so that a text
# of many "his office" stays linear).
_FORMER_REACH = 200
# Words that make a title a past one ("former President Moon", "ex-Prime Minister Abe").
_FORMER = re.compile(r"(?i)(?<![\w-])(?:former|ex-|late|then-)")


def _called(mentions: list[NameMention], i: int, head: NameMention, words: re.Pattern[str]) -> bool:
    """True when a mention of `head` before index `i` holds `words`: `_FORMER` (their
    office is no longer the state's) or `_ACTING` (it is another's, held for a time)."""
    return any(m.name == head.name and words.search(m.text) for m in mentions[max(0, i - _FORMER_REACH) : i])


def _office_of(head: NameMention, gazetteer: Gazetteer) -> str | None:
    """The canonical name of the office of `head`'s role in `head`'s state, or None."""
    role = (head.role or "").lower()
    noun = _OFFICES.get(role)
    if noun is None or not head.affiliation:
        return None
    state = gazetteer.resolve(head.affiliation)
    if state is None or state.kind != "state" or not state.adjectives:
        return None
    office = gazetteer.resolve(f"{state.adjectives[0]} {noun}")
    return office.name if office is not None and office.kind == "organisation" else None
