"""Per-unit evidence: which furniture kind a unit's own text shows, and its prose signals."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from koreabrief.cleaning import features as ft
from koreabrief.cleaning import metadata as md
from koreabrief.cleaning.lexicon import (
    KIND_ORDER,
    LONG_PREFIX_KINDS,
    MENU_ITEM_WORDS,
    KindRules,
    Lexicon,
    folded_key,
    phrase_key,
)
from koreabrief.cleaning.wraps import Unit
from koreabrief.models import RemovalKind

__all__ = [
    "AGENCIES",
    "UnitFacts",
    "dated_outlet",
    "is_header",
    "kind_of",
    "match_edge_kind",
    "match_kind",
    "menu_kind",
    "tagline_outlet",
    "unit_facts",
]

_PREFIX_MAX_WORDS = 40
_PROSE_PREFIX_MAX_WORDS = 14
_LONG_PREFIX_KINDS = LONG_PREFIX_KINDS


def _prefix_match(rule: KindRules, folded: str, n_words: int) -> bool:
    if rule.kind in _LONG_PREFIX_KINDS:
        if n_words > _PREFIX_MAX_WORDS:
            return False
    # Short kinds (bylines, links, buttons) are not whole sentences: "Published
    # on Monday, the report found ..." is prose, "Published on Jan 6" is not.
    elif n_words > _PROSE_PREFIX_MAX_WORDS or (n_words >= 8 and ft.is_terminal(folded)):
        return False
    return folded.startswith(rule.prefixes)


_ORDER = {kind: n for n, kind in enumerate(KIND_ORDER)}


def _unmarked(text: str) -> str:
    """`text` without the list marker before it: "▶ Related: ..." reads as "Related: ..."."""
    marks = _LEAD_MARKS.match(text)
    return text[marks.end() :] if marks is not None else text


def _first_prefix(text: str, folded: str, lexicon: Lexicon, *, short_ok: bool) -> RemovalKind | None:
    """The earliest kind (in the order kinds are tried) with a prefix opening `folded`.

    A prefix ending in "by" ("Reporting by", "Edited by") must be followed by
    names: "Reporting by South Korean media suggests ..." is a sentence.
    """
    pattern = lexicon.prefix_pattern if short_ok else lexicon.long_prefix_pattern
    m = pattern.match(folded) if pattern is not None else None
    if m is None or m.lastgroup is None:
        return None
    if m.group().endswith(" by") and len(text) == len(folded) and not _names_follow(text[m.end() :]):
        return None
    return RemovalKind(m.lastgroup)


# Small words that may sit between the names of a credit ("Jane Roe in Seoul and Tom Poe").
_NAME_JOINERS = frozenset({"in", "and", "at", "from", "of", "the", "for", "with", "&", "de", "van", "von"})
_PROSE_WORDS = 3


def _names_follow(rest: str) -> bool:
    """Whether the words after "... by" are names (capitalised, or small joining words), not a clause."""
    lower = 0
    # The first credit is enough: "Jane Roe; Additional reporting by ..." names her.
    for token in rest.split(";", 1)[0].split()[:24]:
        word = token.strip("(),;:.“”\"'")
        if word[:1].islower() and word not in _NAME_JOINERS:
            lower += 1
            if lower >= _PROSE_WORDS:
                return False
    return True


# List and link markers news pages put before a line.
_LEAD_MARKS = re.compile(r"[▶►▷▸■□●○◆◇▲△▼▽☞※•*>»\s]{1,8}(?=\S)")
# A character for which str.isalnum() holds (\w is isalnum() or "_").
_ALNUM = re.compile(r"[^\W_]")


def match_kind(
    text: str, tokens: list[str], lexicon: Lexicon, *, edge: bool
) -> tuple[RemovalKind, str] | None:
    """The furniture kind a unit's own text shows, with the reason, or None.

    `edge` allows the kinds that only count at the head or tail (author bios).

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> match_kind("Share it", ["Share", "it"], default_lexicon(), edge=False)
        (<RemovalKind.SHARE: 'share'>, 'phrase')
    """
    text = _unmarked(text)
    folded = text[:300].casefold()
    found = _match_anywhere(text, tokens, folded, folded_key(folded), lexicon)
    if found is None and edge:
        return _match_edge(text, tokens, folded, lexicon)
    return found


# Separators between widget labels on one line: "Advertisement · Scroll to continue", "Share | Print".
_JOINED_MAX_WORDS = 16
_SEPARATORS = re.compile(r"\s?[·•|]\s?|\s[/–—-]\s")


def _joined_phrases(text: str, lexicon: Lexicon) -> RemovalKind | None:
    """The kind of a line made only of the lexicon's whole-line phrases set apart by separators, else None.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> _joined_phrases("Advertisement · Scroll to continue", default_lexicon()).value
        'advert'
        >>> _joined_phrases("Seoul | said no", default_lexicon()) is None
        True
    """
    if _SEPARATORS.search(text) is None:
        return None
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    kinds = [lexicon.phrase_index.get(phrase_key(p)) for p in parts]
    first = kinds[0]
    return first if all(k is not None for k in kinds) else None


def _match_anywhere(
    text: str, tokens: list[str], folded: str, key: str, lexicon: Lexicon
) -> tuple[RemovalKind, str] | None:
    """`match_kind` without the edge-only kinds.

    `folded` is `text[:300].casefold()` and `key` its `folded_key`: computed
    once per unit, they serve every check.
    """
    n_words = len(tokens)
    if n_words <= 6 and ft.is_residue(tokens):
        return RemovalKind.OTHER, "template residue"
    if _ALNUM.search(text, 0, 400) is None:
        return RemovalKind.OTHER, "no words"
    if len(text) <= 200:  # then `key` is the whole line's key
        kind = lexicon.phrase_index.get(key)
        if kind is not None:
            return kind, "phrase"
        joined = _joined_phrases(text, lexicon) if n_words <= _JOINED_MAX_WORDS else None
        if joined is not None:
            return joined, "phrases joined"
    if n_words <= _PREFIX_MAX_WORDS:  # longer lines are prose: no prefix or pattern applies
        head = text[:300]
        # Short kinds (bylines, links, buttons) are not whole sentences: "Published
        # on Monday, the report found ..." is prose, "Published on Jan 6" is not.
        short_ok = n_words <= _PROSE_PREFIX_MAX_WORDS and not (n_words >= 8 and ft.is_terminal(folded))
        found = _first_prefix(head, folded, lexicon, short_ok=short_ok)
        m = lexicon.line_pattern.match(head) if lexicon.line_pattern is not None else None
        if m is not None and m.lastgroup is not None:
            by_pattern = RemovalKind(m.lastgroup)
            if found is None or _ORDER[by_pattern] < _ORDER[found]:
                return by_pattern, "pattern"
        if found is not None:
            return found, "prefix"
    if n_words <= 80 and (_credit_tail(text, lexicon) or _outlet_credit(text, lexicon)):
        return RemovalKind.CREDIT, "credit at end"
    if (
        n_words <= _CAPTION_MAX_WORDS
        and lexicon.caption_openers is not None
        and lexicon.caption_openers.match(folded)
    ):
        return RemovalKind.CREDIT, "opens as a caption"
    if n_words <= _AGENCIES_MAX_WORDS and _AGENCY_JOINS.search(text) and _agencies(text, lexicon):
        return RemovalKind.BYLINE, AGENCIES
    if n_words <= _CONTACT_MAX_WORDS and _contact_line(folded):
        return RemovalKind.BYLINE, "contact line"
    if n_words > 16:
        return None
    if md.is_byline(text, lexicon=lexicon):
        return RemovalKind.BYLINE, "byline"
    if n_words <= 14 and _outlet_line(text, lexicon):
        return RemovalKind.BYLINE, "outlet with a date or a reporter"
    if n_words <= 14 and (md.is_email_line(text) or md.is_timestamp(text, lexicon)):
        return RemovalKind.BYLINE, "contact or timestamp"
    menu = menu_kind(tokens, lexicon) if n_words <= _MENU_MAX_WORDS else None
    if menu is not None:
        return menu, "menu or share bar"
    glued = _glued_button(text, tokens, lexicon) if n_words <= _MENU_MAX_WORDS else None
    if glued is not None:
        return glued, "button glued to a widget's label"
    if n_words <= 6 and lexicon.outlet_keys.get(key if len(text) <= 300 else phrase_key(text)) is not None:
        return RemovalKind.NAVIGATION, "outlet name"
    if n_words <= 12 and not ft.is_terminal(text) and tagline_outlet(text, lexicon) is not None:
        return RemovalKind.NAVIGATION, "outlet name and tagline"
    return None


_MENU_MAX_WORDS = 16
_MENU_MIN_ITEMS = 3
# Words joining a menu's items ("Politics & Diplomacy", "Life and Style").
_MENU_JOINERS = frozenset({"and", "&", "+"})


def menu_kind(tokens: Sequence[str], lexicon: Lexicon) -> RemovalKind | None:
    """The kind of a line made of a site's menu or share words, whatever its spacing, else None.

    Three words of such items at least (an item may run to three words: "Sign
    in", "Today's Paper", "Middle East"), and at most one other word for two
    of them (a site's own names for its sections, "iPlayer"): navigation, or
    share when the share buttons' words are most of them. A headline has words
    of its own: a verb, a place, a name.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> menu_kind("Home News Sport Weather Radio".split(), default_lexicon()).value
        'navigation'
        >>> menu_kind("facebook twitter kakaostory email print".split(), default_lexicon()).value
        'share'
        >>> menu_kind("Today's Paper Sign in Opinion World".split(), default_lexicon()).value
        'navigation'
        >>> menu_kind("Seoul Says Politics Must Wait".split(), default_lexicon()) is None
        True
    """
    keys = [key for key in (phrase_key(t) for t in tokens) if key and key not in _MENU_JOINERS]
    known = shared = other = i = 0
    while i < len(keys):
        # The longest item first: "Today's Paper", "Sign in", "Middle East" are one item each.
        for width in range(min(MENU_ITEM_WORDS, len(keys) - i), 0, -1):
            item = " ".join(keys[i : i + width])
            if item in lexicon.menu_items:
                known += width
                shared += width if item in lexicon.share_items else 0
                i += width
                break
        else:
            other += 1
            i += 1
    if known < _MENU_MIN_ITEMS or 2 * other > known or ft.is_terminal(tokens[-1]):
        return None
    return RemovalKind.SHARE if 2 * shared > known else RemovalKind.NAVIGATION


def _glued_button(text: str, tokens: Sequence[str], lexicon: Lexicon) -> RemovalKind | None:
    """The kind of a widget's label with a one-word button glued before it, else None.

    "Save Click here to share", "Print Share this article": the button
    ("save", "print") and a line the lexicon names as a whole or by its start.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> _glued_button("Save Click here to share this story", "Save Click here to".split(),
        ...               default_lexicon()).value
        'navigation'
        >>> _glued_button("Search goes on for the crew", "Search goes on".split(), default_lexicon()) is None
        True
    """
    key = phrase_key(tokens[0]) if len(tokens) >= 2 else ""
    if len(key) < 2 or key not in lexicon.button_words:
        return None
    rest = text.split(None, 1)[1]
    folded = rest[:300].casefold()
    kind = lexicon.phrase_index.get(folded_key(folded))
    return kind if kind is not None else _first_prefix(rest, folded, lexicon, short_ok=True)


def match_edge_kind(text: str, tokens: list[str], lexicon: Lexicon) -> tuple[RemovalKind, str] | None:
    """The kinds that only count at the head or tail of a page (author bios).

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> t = "Jane Roe is a reporter based in Seoul."
        >>> match_edge_kind(t, t.split(), default_lexicon())
        (<RemovalKind.AUTHOR_BIO: 'author_bio'>, 'author bio')
    """
    return _match_edge(text, tokens, text[:300].casefold(), lexicon)


def _match_edge(
    text: str, tokens: list[str], folded: str, lexicon: Lexicon
) -> tuple[RemovalKind, str] | None:
    # Cheap gate: a bio verb among the first words, or an edge kind's prefix.
    if lexicon.bio_verbs.isdisjoint(tokens[1:6]) and not (
        lexicon.edge_prefixes and folded.startswith(lexicon.edge_prefixes)
    ):
        return None
    for rule in lexicon.rules:
        if rule.edge and (
            _prefix_match(rule, folded, len(tokens)) or any(p.match(text[:300]) for p in rule.patterns)
        ):
            return rule.kind, "prefix"
    if md.bio_author(text, lexicon) is not None:
        return RemovalKind.AUTHOR_BIO, "author bio"
    if _about_outlet(folded, lexicon):
        return RemovalKind.OTHER, "about the outlet"
    return None


def _about_outlet(folded: str, lexicon: Lexicon) -> bool:
    """Whether a line describes a news outlet ("NK News is an independent site ...")."""
    # Only "X is a/an/the/one ...": "Reuters was unable to verify ..." is reporting.
    words = folded.split(maxsplit=7)
    for n in range(1, min(6, len(words) - 1)):
        if (
            words[n] in {"is", "was"}
            and words[n + 1] in {"a", "an", "the", "one"}
            and phrase_key(" ".join(words[:n])) in lexicon.outlet_keys
        ):
            return True
    return False


# "Stars and Stripes • February 4, 2025"; "Jane Roe, Arirang News." (a broadcast sign-off)
_OUTLET_DATE = re.compile(r"(?P<outlet>[^•·|—–,\n]{2,40}?)\s?[•·|—–,-]\s?(?P<date>[^\n]{4,80})")
_SIGN_OFF = re.compile(
    r"(?P<name>[A-Z][\w'’.-]{0,30}(?:\s[A-Z][\w'’.-]{0,30}){1,3}),\s(?P<outlet>[^,\n]{2,40}?)\.?"
)


def dated_outlet(text: str, lexicon: Lexicon) -> str | None:
    """The outlet of a line giving an outlet's name and the date ("Example Post|June 20, 2024"), else None.

    The outlet is one the lexicon knows, or a name ending in a word outlets are
    named with ("Post", "Times", "Daily" ...).

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> dated_outlet("Peninsula Post|June 20, 2024", default_lexicon())
        'Peninsula Post'
        >>> dated_outlet("Jane Roe | June 20, 2024", default_lexicon()) is None
        True
    """
    m = _OUTLET_DATE.fullmatch(text) if len(text) <= _OUTLET_LINE_MAX else None
    if m is None or not md.is_timestamp(m.group("date"), lexicon):
        return None
    outlet = m.group("outlet").strip()
    known = lexicon.outlet_named(outlet)
    if known is not None:
        return known
    words = outlet.split()
    if 1 <= len(words) <= _OUTLET_MAX_WORDS and all(w[:1].isupper() for w in words):
        return outlet if words[-1].casefold() in lexicon.outlet_words else None
    return None


_OUTLET_LINE_MAX = 120
_OUTLET_MAX_WORDS = 5


def _outlet_line(text: str, lexicon: Lexicon) -> bool:
    """Whether a line is an outlet's name with the date, or a reporter's sign-off naming the outlet."""
    if dated_outlet(text, lexicon) is not None:
        return True
    m = _SIGN_OFF.fullmatch(text)
    return m is not None and phrase_key(m.group("outlet")) in lexicon.outlet_keys


# The separator between a site's name and its tagline.
_TAGLINE = re.compile(r"\s?[:|]\s|\s[-–—]\s")


def tagline_outlet(text: str, lexicon: Lexicon) -> str | None:
    """The outlet a line names before its tagline, if any.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> tagline_outlet("38 North: News and Analysis on North Korea", default_lexicon())
        '38 North'
    """
    head = _TAGLINE.split(text, maxsplit=1)
    return lexicon.outlet_named(head[0]) if len(head) == 2 else None


# A caption crediting an outlet's own photographer: "... from the Chinese side. (Daily NK)"
_OUTLET_CREDIT = re.compile(
    r"[.!?”\"’]\s?(?:\((?P<outlet>[^()\n]{2,40})\)|(?P<bare>[^()\n.!?]{2,40}))\s*$"
)
_CONTACT_MAX_WORDS = 25
# "Please direct questions to jroe@example.com", "Reach the writer at jroe@example.com"
_CONTACT = re.compile(
    r"(?:please\s)?(?:direct|send|email|e-mail|write|reach|contact|questions|comments|tips)\b[^\n@]{0,160}?"
    r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}[\s.)\]>]{0,4}"
)


_AGENCIES_MAX_WORDS = 8
# A caption, with the lines of context some agencies add to it, stays under this (longer: a paragraph).
_CAPTION_MAX_WORDS = 200  # AP captions run long: the picture, its context, the agency's disclaimer
#: The reason given to a line that only names news agencies ("Kyodo, Reuters").
AGENCIES = "names the agencies"
_AGENCIES_MIN = 2
_AGENCY_JOINS = re.compile(r"\s?[,;/&•·|]\s?|\sand\s")


def _agencies(text: str, lexicon: Lexicon) -> bool:
    """Whether a line only names news outlets: the agencies a story credits ("• Kyodo, Reuters")."""
    names = [p for p in _AGENCY_JOINS.split(_unmarked(text).strip(" .()[]")) if p.strip()]
    # One name alone is the outlet's own masthead (navigation), not a credit.
    return len(names) >= _AGENCIES_MIN and all(lexicon.outlet_named(name) is not None for name in names)


def _outlet_credit(text: str, lexicon: Lexicon) -> bool:
    # A caption closing with the outlet that took the picture, in brackets or bare.
    m = _OUTLET_CREDIT.search(text, max(0, len(text) - 60))
    return m is not None and lexicon.outlet_named(m.group("outlet") or m.group("bare")) is not None


def _contact_line(folded: str) -> bool:
    """Whether a line asks readers to write to an address ("Please direct comments to x@example.com")."""
    # The address ends the line: "Comments can be sent to x@example.com until Friday" is reporting.
    return "@" in folded and _CONTACT.fullmatch(folded) is not None


def _credit_tail(text: str, lexicon: Lexicon) -> bool:
    tail = text[-160:]
    end = tail[-48:].casefold()
    # Cheap gate: credits end in a bracket, or carry a slash, a pipe, "getty",
    # "photo:" or a copyright sign near the end.
    if not (
        end.endswith((")", "]"))
        or "/" in end
        or "|" in end
        or "getty" in end
        or "via " in end
        or "contributed" in end
        or "photo by" in end
        or ":" in end
        or "©" in tail[-70:]
        or "(c)" in end
    ):
        return False
    return any(p.match(tail) for p in lexicon.credit_patterns)


class UnitFacts(NamedTuple):
    """What a unit's own text shows (a tuple: one is built per line of every page)."""

    tokens: list[str]
    matched: tuple[RemovalKind, str] | None  # anywhere kinds
    edge_matched: tuple[RemovalKind, str] | None  # including edge-only kinds
    prose: bool
    key: str


def unit_facts(unit: Unit, lexicon: Lexicon) -> UnitFacts:
    """The evidence of one unit's own text: its words, matched kinds, prose and key."""
    text = unit.text
    if len(text) > 4000:  # a huge line is prose; its head is evidence enough
        tokens = text[:4000].split()
        prose = True
    else:
        tokens = text.split()
        prose = ft.is_sentence(text, tokens, lexicon.stopwords)
    text = _unmarked(text)
    folded = text[:300].casefold()
    key = folded_key(folded)
    matched = _match_anywhere(text, tokens, folded, key, lexicon)
    edge_matched = matched or _match_edge(text, tokens, folded, lexicon)
    return UnitFacts(tokens, matched, edge_matched, prose, key)


_LIST_KINDS = frozenset({RemovalKind.RELATED, RemovalKind.COMMENTS})


def is_header(facts: UnitFacts) -> bool:
    if facts.matched is None or facts.matched[0] not in _LIST_KINDS or len(facts.tokens) > 6:
        return False
    # A comment count ("0 Comments") sits among share buttons; it opens no form.
    return facts.matched[0] is RemovalKind.RELATED or not any(
        c.isdigit() for c in facts.key + "".join(facts.tokens)
    )


def kind_of(facts: UnitFacts) -> RemovalKind | None:
    return facts.matched[0] if facts.matched is not None else None
