"""Counted groups that speak as one: "ten nations, including A, B and C, said".

A joint statement is often credited to a counted group whose members the writer
lists after it ("12 countries, among them Japan and Canada, plus the European
Union, put out a text"). The members are examples, not the speaker: the one who
speaks is the group ("12 countries and the European Union"). The
group nouns, the words that open a list and the counts are data (``cues.toml``).
"""

from __future__ import annotations

import bisect
import re

from attrs import frozen

from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.mentions import NameMention

__all__ = ["SpeakingGroup", "find_groups", "group_of"]

# How far before its list a counted group may start (characters).
_GROUP_REACH = 80
# How many members a list may name before the walk stops (hostile input stays linear).
_MAX_MEMBERS = 40
# Between two members: a comma, "and", or "as well as" / "plus" for one outside the count.
_SEPARATOR = re.compile(r"(?P<extra>,?[ ]+(?:as[ ]+well[ ]+as|plus)[ ]+)|,[ ]+(?:and[ ]+)?|[ ]+and[ ]+")
_THE = re.compile(r"(?:the|The)[ ]+")


@frozen
class SpeakingGroup:
    """A counted group and the members listed after it.

    Attributes:
        start: Offset of the first member.
        end: Offset one past the last member.
        mention: The group as one collective speaker.
    """

    start: int
    end: int
    mention: NameMention


def find_groups(text: str, mentions: list[NameMention], lex: Lexicon) -> list[SpeakingGroup]:
    """Every counted group in `text` with the `mentions` (in text order) listed as its members.

    Examples:
        >>> from koreabrief.extraction.lexicon import Lexicon
        >>> text = "Nine nations, including Peru and Chile, said so."
        >>> peru = NameMention(24, 28, "Peru", "Peru", "state")
        >>> members = [peru, NameMention(33, 38, "Chile", "Chile", "state")]
        >>> [g.mention.name for g in find_groups(text, members, Lexicon.default())]
        ['Nine nations']
    """
    if not mentions:
        return []
    group_re = lex.pattern("group.head")
    starts = [m.start for m in mentions]
    out: list[SpeakingGroup] = []
    for opens, after in _list_words(text, lex.group_lists):
        # The group ends before the spaces and the comma that open its list.
        end = opens
        while end > 0 and text[end - 1] == " ":
            end -= 1
        if end > 0 and text[end - 1] == ",":
            end -= 1
        # A group noun must end right there ("countries", "member states"): one set lookup
        # before the pattern is tried.
        last = text[max(0, end - 20) : end].rsplit(" ", 1)[-1].lower()
        if last not in lex.group_nouns and not any(n.endswith(" " + last) for n in lex.group_nouns):
            continue
        head = group_re.search(text, max(0, end - _GROUP_REACH), end)
        if head is None:
            continue
        members: list[NameMention] = []
        extras: list[str] = []
        pos, extra = after, False
        while len(members) < _MAX_MEMBERS:
            the = _THE.match(text, pos)
            at = the.end() if the is not None else pos
            i = bisect.bisect_left(starts, at)
            if i >= len(mentions) or mentions[i].start != at or not mentions[i].name:
                break
            member = mentions[i]
            members.append(member)
            if extra:
                extras.append(("the " if the is not None else "") + (member.name or ""))
            sep = _SEPARATOR.match(text, member.end)
            if sep is None:
                break
            extra = extra or sep.group("extra") is not None
            pos = sep.end()
        if not members:
            continue
        phrase = head.group("group")
        name = " and ".join([phrase, *extras])
        mention = NameMention(head.start("group"), head.end("group"), phrase, name, "collective")
        out.append(SpeakingGroup(members[0].start, members[-1].end, mention))
    return out


def _list_words(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Where a list word stands as a whole word followed by a space, in text order, as
    (start, end past its spaces). Plain substring searches: most texts hold none."""
    found: list[tuple[int, int]] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            before = text[at - 1 : at] if at else ""
            if not (before.isalnum() or before == "-") and text[end : end + 1] == " ":
                while end < len(text) and text[end] == " ":
                    end += 1
                found.append((at, end))
            at = text.find(word, at + 1)
    return sorted(found)


def group_of(groups: list[SpeakingGroup], mention: NameMention) -> NameMention | None:
    """The group whose listed members hold `mention`, or None.

    Examples:
        >>> g = NameMention(0, 12, "Nine nations", "Nine nations", "collective")
        >>> peru = NameMention(24, 28, "Peru", "Peru", "state")
        >>> group_of([SpeakingGroup(24, 38, g)], peru).name
        'Nine nations'
    """
    # Groups come in text order and never overlap: one bisect finds the only candidate.
    i = bisect.bisect_right(groups, mention.start, key=lambda g: g.start) - 1
    if i >= 0 and mention.start < groups[i].end:
        return groups[i].mention
    return None
