"""The line classifier: label every unit body, title or furniture of some kind.

Signals, combined:

* per unit ([`kinds`][koreabrief.cleaning.kinds]): the lexicon (whole-line
  phrases, short-line prefixes, patterns) per kind; shapes (bylines, author
  bios, timestamps, e-mail lines, template residue, lines without letters);
  prose (terminal punctuation, closing quotes counting, words per line and
  stop-word density, as jusText does);
* position ([`regions`][koreabrief.cleaning.regions]): furniture clusters in a
  run at the head and the tail of the page. The runs are the longest prefix
  and suffix of furniture-shaped units (matched, or not prose), extended past
  short prose islands amid long furniture. Between them only units the lexicon
  names are removed; other short lines there are in-story sub-headings;
* neighbours: after a "Related" / "Latest Posts" header the short lines (and
  dated teasers) are a link list; after a comments header, lines next to
  comment furniture are readers' comments;
* repetition: a line printed twice at the head is the headline; the headline
  is the last headline-shaped line above the story (a longer one below it is
  its standfirst).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from koreabrief.cleaning import features as ft
from koreabrief.cleaning.kinds import UnitFacts, is_header, kind_of, unit_facts
from koreabrief.cleaning.lexicon import Lexicon, phrase_key
from koreabrief.cleaning.regions import comment_thread, edges, link_lists
from koreabrief.cleaning.wraps import Unit
from koreabrief.models import RemovalKind

__all__ = ["NAME_BYLINE", "Label", "label_units"]

_TITLE_MAX_WORDS = 30
#: The reason given to a bare name read as a byline (its text is the author).
NAME_BYLINE = "name above the date line"


class Label(NamedTuple):
    """The decision for one unit (a tuple: one is built per line of every page).

    Attributes:
        unit: The unit.
        kind: None for body (and for the title), else the furniture kind.
        title: Whether this unit is the page's headline.
        reason: Why, in a few words.
    """

    unit: Unit
    kind: RemovalKind | None
    title: bool = False
    reason: str = ""


# Furniture that may sit inside a comment form without ending it.
_INSIDE_FORMS = frozenset({RemovalKind.SHARE, RemovalKind.BYLINE, RemovalKind.RATING, RemovalKind.OTHER})


def _is_name(facts: UnitFacts) -> bool:
    """A bare personal name ("Jane Roe"): 2-4 capitalised words, nothing else."""
    if not 2 <= len(facts.tokens) <= 4:
        return False
    return all(t[:1].isupper() and t.replace("-", "").replace(".", "").isalpha() for t in facts.tokens)


def _title_shaped(facts: UnitFacts) -> bool:
    n = len(facts.tokens)
    if facts.edge_matched is not None or facts.prose or n > _TITLE_MAX_WORDS:
        return False
    if n < 3 and len(" ".join(facts.tokens)) < 16:
        return False
    return any(c.isalpha() for c in facts.key) and not facts.key.endswith(":")


def label_units(units: Sequence[Unit], lexicon: Lexicon, *, title: str | None = None) -> list[Label]:
    """Label each unit body, headline, or furniture with its kind.

    Args:
        units: The page's units, in order.
        lexicon: The furniture lexicon.
        title: A headline known from metadata, used to find the page's headline.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> from koreabrief.cleaning.wraps import Unit
        >>> units = [Unit(0, 9, "Seoul Says No", 0), Unit(10, 30, "Seoul said no to it.", 1),
        ...          Unit(31, 39, "Share it", 2)]
        >>> [(lab.kind and lab.kind.value, lab.title) for lab in label_units(units, default_lexicon())]
        [(None, True), (None, False), ('share', False)]
    """
    facts = [unit_facts(u, lexicon) for u in units]
    n = len(units)
    listed = link_lists(facts)
    thread = comment_thread(facts)
    listed = [a or b for a, b in zip(listed, thread, strict=True)]
    shaped = [f.edge_matched is not None or not f.prose or listed[i] for i, f in enumerate(facts)]
    head, tail, islands = edges(facts, shaped)
    kinds: list[RemovalKind | None] = [None] * n
    reasons = [""] * n
    for i in islands:
        kinds[i], reasons[i] = RemovalKind.OTHER, "prose among page furniture"
    title_at = _find_title(facts, [u.block for u in units], head, title, n)
    title_keys = {facts[title_at].key} if title_at is not None else set()
    if title is not None:
        title_keys.add(phrase_key(title))
    in_list: RemovalKind | None = None
    for i, f in enumerate(facts):
        edge = i < head or i >= tail
        matched = f.edge_matched if edge else f.matched
        if i == title_at:
            in_list = None
            continue
        if i in islands:
            continue
        if (
            matched is not None
            and in_list is RemovalKind.COMMENTS
            and matched[0] is RemovalKind.SHARE
            and len(f.tokens) <= 2
        ):
            matched = (RemovalKind.COMMENTS, "field of a comment form")  # "Email" in a reply form
        if matched is not None:
            kinds[i], reasons[i] = matched
            if is_header(f):
                in_list = matched[0]
            elif matched[0] is not in_list and not (
                in_list is RemovalKind.COMMENTS and matched[0] in _INSIDE_FORMS
            ):
                in_list = None
            continue
        if not f.prose and _near_title(f.key, title_keys):
            kinds[i], reasons[i] = RemovalKind.DUPLICATE_TITLE, "headline repeated"
            continue
        if thread[i]:
            kinds[i], reasons[i] = RemovalKind.COMMENTS, "in a comment thread"
            continue
        if listed[i]:
            kinds[i], reasons[i] = RemovalKind.RELATED, "in a link list under its header"
            continue
        if in_list is not None and not f.prose:
            kinds[i], reasons[i] = in_list, "in a list under its header"
            continue
        in_list = None
        if edge and title_at is not None and title_at < i < head and _is_standfirst(f, facts[title_at]):
            kinds[i], reasons[i] = RemovalKind.OTHER, "standfirst below the headline"
        elif edge:
            kinds[i], reasons[i] = _edge_kind(f, after_body=i >= tail)
            if (
                title_at is not None
                and title_at < i < head
                and _is_name(f)
                and i + 1 < n
                and kind_of(facts[i + 1]) is RemovalKind.BYLINE
            ):
                kinds[i], reasons[i] = RemovalKind.BYLINE, NAME_BYLINE
    return [
        Label(u, kinds[i], title=(i == title_at), reason=reasons[i] or ("headline" if i == title_at else ""))
        for i, u in enumerate(units)
    ]


def _near_title(key: str, title_keys: set[str]) -> bool:
    """Whether a line is the headline, possibly with the site's name around it."""
    return any(key == t or (len(t) >= 12 and t in key and len(t) >= 0.5 * len(key)) for t in title_keys)


def _edge_kind(f: UnitFacts, *, after_body: bool) -> tuple[RemovalKind, str]:
    n = len(f.tokens)
    if n >= 4 and ft.title_case_ratio(f.tokens) >= 0.5 and not ft.is_terminal(" ".join(f.tokens)):
        return RemovalKind.RELATED, "headline-like line outside the story"
    where = "after" if after_body else "before"
    return RemovalKind.NAVIGATION, f"short line {where} the story"


def _find_title(
    facts: Sequence[UnitFacts], blocks: Sequence[int], head: int, title: str | None, n: int
) -> int | None:
    """The index of the page's headline: metadata title, a repeated line, or the last candidate."""
    limit = min(n, head)
    if title is not None:
        key = phrase_key(title)
        for i in range(limit):
            if facts[i].key == key:
                return i
        return None
    candidates = [i for i in range(limit) if _title_shaped(facts[i])]
    if not candidates:
        return None
    seen: dict[str, int] = {}
    for i in candidates:
        if facts[i].key in seen:
            return seen[facts[i].key]
        seen[facts[i].key] = i
    # A headline sits right above the story, possibly with bylines, dates,
    # credits and share buttons in between, and possibly with a standfirst: a
    # longer headline-shaped line right below it. A link list ("Trending") may
    # come before it: its items share the header's block, the headline does not.
    last = candidates[-1]
    headers = [j for j in range(last) if is_header(facts[j])]
    if headers and blocks[last] == blocks[headers[-1]]:
        return None
    floor = blocks[headers[-1]] if headers else -1
    cluster = [last]
    for j in range(last - 1, -1, -1):
        if blocks[j] <= floor:
            break
        if j in candidates:
            cluster.append(j)
        elif facts[j].matched is None:
            break
    best = cluster[0]
    for j in cluster[1:]:
        if not _is_standfirst(facts[best], facts[j]):
            break
        best = j
    return best


def _is_standfirst(line: UnitFacts, above: UnitFacts) -> bool:
    """Whether `line` reads as the standfirst of the headline-shaped line `above`."""
    n, m = len(line.tokens), len(above.tokens)
    return m > 3 and n >= 12 and n >= 1.3 * m
