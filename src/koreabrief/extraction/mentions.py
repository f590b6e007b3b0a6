"""The mention record shared by name finding (names.py) and resolution (resolve.py).

Owned by the statements work (issue 4); the events extractor reuses it through
[`find_mentions`][koreabrief.extraction.names.find_mentions].
"""

from __future__ import annotations

from attrs import frozen

from koreabrief.models import slot_setter

__all__ = ["NameMention"]

#: The gender a subject pronoun tells (shared by the name stage and the speaker rules).
PRONOUN_GENDER = {"he": "m", "she": "f"}


@frozen(init=False)
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

    def __init__(  # noqa: PLR0917 - the signature attrs generates for these fields
        self,
        start: int,
        end: int,
        text: str,
        name: str | None,
        kind: str,
        role: str | None = None,
        affiliation: str | None = None,
        gender: str | None = None,
        subject: bool = True,
    ) -> None:
        # What attrs would generate, through `slot_setter`s: the name stage makes
        # several per sentence of every article, and resolution copies many.
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)
        _set_name(self, name)
        _set_kind(self, kind)
        _set_role(self, role)
        _set_affiliation(self, affiliation)
        _set_gender(self, gender)
        _set_subject(self, subject)


_set_start = slot_setter(NameMention, "start")
_set_end = slot_setter(NameMention, "end")
_set_text = slot_setter(NameMention, "text")
_set_name = slot_setter(NameMention, "name")
_set_kind = slot_setter(NameMention, "kind")
_set_role = slot_setter(NameMention, "role")
_set_affiliation = slot_setter(NameMention, "affiliation")
_set_gender = slot_setter(NameMention, "gender")
_set_subject = slot_setter(NameMention, "subject")
