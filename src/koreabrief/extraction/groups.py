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
    if not lex.group_lists or not mentions:
        return []
    opener, group_re = lex.pattern("group.list"), lex.pattern("group.head")
    starts = [m.start for m in mentions]
    out: list[SpeakingGroup] = []
    for found in opener.finditer(text):
        head = group_re.search(text, max(0, found.start() - _GROUP_REACH), found.start())
        if head is None:
            continue
        members: list[NameMention] = []
        extras: list[str] = []
        pos, extra = found.end(), False
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
