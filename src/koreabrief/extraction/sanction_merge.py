"""One Sanction per target, authority and status in an article, every mention kept.

An article names a target several times ("sanctioned Tornado Cash ... Tornado
Cash had failed ..."), under aliases ("China Silver Star" for the company named
in full before), by surname ("Hyok" for Park Jin Hyok), or without the
authority it named before. These merge into one
[`Sanction`][koreabrief.Sanction] whose `mentions` hold every reporting
sentence. A group phrase ("three individuals") stays a Sanction only when no
target of the same designation is named.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from koreabrief.extraction.sanction_reader import Found
from koreabrief.models import Sanction, Span

__all__ = ["entity_key", "merge_found"]

_NOT_WORD = re.compile(r"[^\w]+")
_DEFINITE = frozenset(["the", "those", "these", "its", "their", "such"])


# Memoised: merging asks for the key of each target's name several times over.
@functools.lru_cache(maxsize=4096)
def entity_key(name: str) -> str:
    """A comparable form of a target's name: lower case, words only, no leading "the".

    Examples:
        >>> entity_key("the Korea Mandal Credit Bank"), entity_key("Kim Yo-jong")
        ('korea mandal credit bank', 'kim yo jong')
    """
    key = _NOT_WORD.sub(" ", name.lower()).strip()
    return key.removeprefix("the ")


def _linked(found: list[Found]) -> dict[str, str]:
    """Keys that name a target given before under another name: alias or surname -> its key."""
    out: dict[str, str] = {}
    persons: dict[str, str] = {}
    for f in found:
        key = entity_key(f.entity)
        if key in out:
            continue
        for alias in f.aliases:
            out.setdefault(entity_key(alias), key)
        if f.kind == "person":
            parts = key.split()
            if len(parts) > 1:
                for part in (parts[0], parts[-1]):
                    persons.setdefault(part, key)
    # A body named again by its first word ("Lazarus" for the Lazarus Group), when one
    # named body alone opens with that word.
    bodies: dict[str, set[str]] = {}
    for f in found:
        key = entity_key(f.entity)
        if f.kind not in ("person", "state", "group") and " " in key:
            bodies.setdefault(key.split()[0], set()).add(key)
    for f in found:
        key = entity_key(f.entity)
        if " " in key or key in out or f.kind in ("state", "group"):
            continue
        if key in persons and persons[key] != key:
            out[key] = persons[key]
        elif len(bodies.get(key, ())) == 1:
            out[key] = next(iter(bodies[key]))
    return out


# An acronym closing the sentence ("... and his company, Parsek LLC."): the stop is the
# sentence's, not the name's (acronyms take none; "Co." and "Ltd." keep theirs).
_ACRONYM_STOP = re.compile(r"(?<![\w.])([A-Z]{2,})\.$")


def _bare(name: str) -> str:
    return _ACRONYM_STOP.sub(r"\1", name)


def _spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))


def merge_found(found: list[Found]) -> tuple[Sanction, ...]:
    """The article's Sanctions from every target its cues found, merged.

    Examples:
        >>> from koreabrief.models import SanctionStatus
        >>> a = Found("Kim Yo-jong", SanctionStatus.IN_FORCE, Span(0, 5), "United States", None, None, None)
        >>> b = a._replace(entity="Kim Yo Jong", sent=Span(9, 20), authority=None)
        >>> [(s.entity, s.authority, len(s.mentions)) for s in merge_found([a, b])]
        [('Kim Yo-jong', 'United States', 2)]
    """
    if not found:
        return ()
    # A group phrase is a target only when the article names none of a designation like it.
    named = [f for f in found if f.kind not in ("group", "state")]
    named_actions = {f.action for f in named}

    def named_later(g: Found) -> bool:
        return g.action in named_actions or any(
            f.status is g.status and (f.authority == g.authority or None in (f.authority, g.authority))
            for f in named
        )

    def refers_back(g: Found) -> bool:
        # "the vessels", "those officials": a definite group names targets named elsewhere.
        return bool(named) and g.entity.split(" ", 1)[0].lower() in _DEFINITE

    kept = [f for f in found if f.kind != "group" or not (named_later(f) or refers_back(f))]
    links = _linked(kept)

    def key_of(f: Found) -> str:
        key = entity_key(f.entity)
        return links.get(key, key)

    # A target told again without its authority is the one told with it.
    with_authority: dict[tuple[str, str], str] = {}
    for f in kept:
        if f.authority is not None:
            with_authority.setdefault((key_of(f), f.status.value), f.authority)
    groups: dict[tuple[str, str, str | None], list[Found]] = {}
    for f in kept:
        k = key_of(f)
        authority = f.authority if f.authority is not None else with_authority.get((k, f.status.value))
        groups.setdefault((k, f.status.value, authority), []).append(f)
    # A target named again by surname or alias keeps the name it was first given in full.
    shown: dict[str, str] = {}
    for f in kept:
        shown.setdefault(entity_key(f.entity), f.entity)
    out = []
    for (key, _, authority), items in groups.items():
        first = items[0]
        if key in shown:
            first = first._replace(entity=shown[key])
        first = first._replace(entity=_bare(first.entity))
        spans = _spans(f.sent for f in items)
        kinds = [f.kind for f in items if f.kind and f.kind != "entity"]
        out.append(
            Sanction(
                entity=first.entity,
                status=first.status,
                span=spans[0],
                authority=authority,
                program=next((f.program for f in items if f.program), None),
                reason=next((f.reason for f in items if f.reason), None),
                start_date=next((f.start_date for f in items if f.start_date), None),
                entity_kind=kinds[0] if kinds else first.kind,
                aliases=tuple(
                    dict.fromkeys(
                        a for f in items for a in f.aliases if entity_key(a) != entity_key(first.entity)
                    )
                ),
                group=next((f.group for f in items if f.group), None),
                group_count=next((f.group_count for f in items if f.group_count is not None), None),
                resolutions=tuple(dict.fromkeys(r for f in items for r in f.resolutions)),
                mentions=spans,
            )
        )
    out.sort(key=lambda s: s.span.start)
    return tuple(out)
