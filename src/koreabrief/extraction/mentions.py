"""The mention record shared by name finding (names.py) and resolution (resolve.py).

Owned by the statements work (issue 4); the events extractor reuses it through
[`find_mentions`][koreabrief.extraction.names.find_mentions].
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["NameMention"]

#: The gender a subject pronoun tells (shared by the name stage and the speaker rules).
PRONOUN_GENDER = {"he": "m", "she": "f"}


@frozen
class NameMention:
    """A mention of a person, body or state, with what it resolves to.

    Attributes:
        start: Offset of the mention.
        end: Offset one past the mention.
        text: The mention as written ("Foreign Minister Cho Hyun", "he").
        name: The canonical name it resolves to, or None (an unresolved pronoun,
            an unnamed official).
        kind: ``person``, ``organisation``, ``state``, ``collective`` (a body
            such as "the military"), ``anonymous`` ("an official"), ``title``
            (an unresolved "the minister"), ``pronoun`` or ``relative`` (who, whose).
        role: The role the text or the gazetteer gives ("Foreign Minister").
        affiliation: The state or body the mention belongs to ("South Korea").
        gender: ``m``/``f`` when known.
        subject: True when the mention looks like a clause subject (it does not
            follow a preposition or an object-taking verb).

    Examples:
        >>> NameMention(0, 5, "Seoul", "South Korea", "state").name
        'South Korea'
    """

    start: int
    end: int
    text: str
    name: str | None
    kind: str
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    subject: bool = True
