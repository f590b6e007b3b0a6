"""Sentences that go on naming the targets of a designation made just before.

"The Treasury sanctioned three individuals and two companies. The companies
are Sunrise Maritime and Hanbit Trading; the individuals include Ri Chol Su."
The second sentence holds no sanction cue, yet names the targets: it follows a
designation and opens as a list does ("The companies are", "Among them is",
"Also added to the list was", "They include"), or names someone who "was
also listed". Its targets take the designation's authority, status, reason and
date. The openings are data (``[follow_up]`` in ``data/sanctions.toml``).
"""

from __future__ import annotations

import re

from koreabrief.extraction.designees import read_list
from koreabrief.extraction.sanction_reader import Found, SentenceReader
from koreabrief.extraction.sanction_targets import object_end
from koreabrief.models import SanctionStatus

__all__ = ["follow_ups", "group_named"]

# "Choe Chol Ryong, a representative of ...": a name opening the sentence, then its role.
_NAME_THEN_ROLE = re.compile(r"[^,.;:]{2,60}?,\s+(?:a|an|the|who|its|his|her)\s")
_BY = re.compile(r"\s+by\s+(?:the\s+)?")
_WORDS = re.compile(r"[\w'’-]+")
# The comma closing an apposition, before the verb: ", shipped", ", works for".
_CLOSING_COMMA = re.compile(r",\s+[a-z]")
# ", and the agent is ...": a second copular list after the first.
_AND_COPULA = re.compile(
    r",?\s+and\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:is|are|include|includes)\s+", re.IGNORECASE
)
# A dash, colon or parenthesis that may introduce the names of a group.
_NAMING_MARK = re.compile(r"[—–:(]|\s-\s")


def _subject_group(text: str, start: int, end: int, nouns: frozenset[str]) -> str | None:
    """The group noun of a follow-up's subject ("vessels" of "The vessels are"), if any."""
    words = [w.lower() for w in _WORDS.findall(text, start, end)]
    return next((w for w in reversed(words) if w in nouns), None)


def follow_ups(
    reader: SentenceReader, last: Found, *, previous: list[Found], openings_only: bool = False
) -> list[Found]:
    """The targets the sentence `reader.sent` goes on naming for the designation `last`.

    `previous` is every target found so far in the article: a sentence opening
    with a name and its role names a member of a group designated just before
    only while that group has no names yet. With `openings_only` (a sentence with
    a cue of its own), only a list opening ("The three are ...") counts.
    """
    text, sent, lex = reader.text, reader.sent, reader.lex
    start = end = -1
    authority = last.authority
    first_only = False
    subject: str | None = None
    for pattern in lex.follow_ups:
        m = pattern.match(text, sent.start, sent.end)
        if m is not None:
            start = m.end()
            end = object_end(reader, start, sent.end)
            subject = _subject_group(text, m.start(), m.end(), lex.designees.group_nouns)
            break
    if start < 0 and openings_only:
        return []
    if start < 0:
        appositive = lex.appositive.match(text, sent.start, sent.end)
        if appositive is not None:
            # "The companies, A and B, shipped ...": the names up to the comma before the verb.
            start = appositive.end()
            closing = _CLOSING_COMMA.search(text, start, sent.end)
            end = closing.start() if closing is not None else object_end(reader, start, sent.end)
            subject = _subject_group(text, appositive.start(), start, lex.designees.group_nouns)
    if start < 0:
        passive = lex.passive.search(text, sent.start, sent.end)
        if passive is not None:
            start, end = sent.start, passive.start()
            by = _BY.match(text, passive.end(), sent.end)
            if by is not None:
                authority = reader.authority_in(by.end(), min(sent.end, by.end() + 60)) or authority
    if (
        start < 0
        and last.kind == "group"
        and not any(f.sent == last.sent and f.kind != "group" for f in previous)
    ):
        m = _NAME_THEN_ROLE.match(text, sent.start, sent.end)
        if m is not None:
            start, end, first_only = sent.start, m.end(), True
    if start < 0:
        return []
    items = [
        i
        for i in read_list(text, start, end, reader.names, lex.designees, group=subject)
        if i.kind != "state"
    ]
    more = _AND_COPULA.match(text, end, sent.end) if subject is not None else None
    if more is not None:
        # "The vessels are A and B, and the agent is C": a second list in the same sentence.
        again = object_end(reader, more.end(), sent.end)
        second = _subject_group(text, end, more.end(), lex.designees.group_nouns)
        items += [
            i
            for i in read_list(text, more.end(), again, reader.names, lex.designees, group=second)
            if i.kind != "state"
        ]
    if first_only:
        items = items[:1]
    # "..., the Treasury Department said": who tells it is who imposed it.
    authority = reader.authority_in(end, sent.end) or authority
    out = []
    for item in items:
        entity = item.mention.name if item.mention is not None and item.kind != "group" else item.name
        out.append(
            Found(
                entity=entity,
                status=last.status if last.status is not SanctionStatus.VIOLATED else SanctionStatus.IN_FORCE,
                sent=sent,
                authority=authority,
                program=last.program,
                reason=last.reason,
                start_date=last.start_date,
                kind=item.kind,
                aliases=item.aliases,
                group=item.group,
                group_count=item.group_count,
                action=last.action,
            )
        )
    return out


def group_named(reader: SentenceReader, groups: list[Found]) -> list[Found]:
    """The names a sentence gives a group designated before ("two Russian ships — the Lady R
    and the Angara — carried ..."), with that designation's authority and status.

    Only a group phrase followed by a dash, colon or parenthesis and names counts, and
    only when its noun is that of a designated group ("ships" for "two Russian ships").
    """
    text, sent = reader.text, reader.sent
    if not _NAMING_MARK.search(text, sent.start, sent.end):
        return []
    heads = {g.entity.split()[-1].lower(): g for g in groups}
    out = []
    for item in read_list(text, sent.start, sent.end, reader.names, reader.lex.designees):
        if item.kind in ("group", "state") or item.group is None:
            continue
        head = item.group.split()[-1].lower()
        g = heads.get(head)
        if g is None or not _NAMING_MARK.search(text, sent.start, item.start):
            continue
        entity = item.mention.name if item.mention is not None else item.name
        out.append(
            Found(
                entity=entity,
                status=g.status,
                sent=sent,
                authority=g.authority,
                program=g.program,
                reason=g.reason,
                start_date=g.start_date,
                kind=item.kind,
                aliases=item.aliases,
                group=item.group,
                group_count=item.group_count,
                action=g.action,
            )
        )
    return out
