"""The words of designee lists: the lexicon, the tokens, where an attribution cuts a list.

The word lists (group nouns, titles, Korean surnames, company suffixes ...) are
data, ``[designees]`` in ``data/sanctions.toml``, read once into a
`DesigneeLexicon`. `tokens` splits text into words and marks, each knowing
whether it may be part of a name.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, NamedTuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "BODY_GROUPS",
    "BULLETS",
    "COMPANY_GROUPS",
    "DEMONYM_ENDS",
    "MODIFIER_ENDS",
    "NUMBER_WORDS",
    "PERSON_GROUPS",
    "POSSESSIVE",
    "PRONOUNS",
    "QUOTES_CLOSE",
    "QUOTES_OPEN",
    "SUFFIXES",
    "DesigneeLexicon",
    "Tok",
    "find_attribution",
    "is_number",
    "starts_with",
    "tokens",
]

# A word (letters, digits; inner dots, apostrophes, hyphens; a final abbreviation
# stop or possessive apostrophe) or one mark. Each character is consumed once.
TOKEN_RE = re.compile(r"[^\W_](?:[\w&]|[.'’-](?=[^\W_]))*(?:\.|(?<=[sS])['’](?![^\W_]))?|[^\w\s]")


NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "dozens": None, "several": None, "some": None,
    "other": None, "more": None, "multiple": None, "numerous": None, "various": None, "many": None,
}  # fmt: skip


QUOTES_OPEN = "“‘\"'"


QUOTES_CLOSE = "”’\"'"


BULLETS = frozenset("▲•·■□●◆▪►-–—*")


DEMONYM_ENDS = ("an", "ese", "ish", "i", "ch")


POSSESSIVE = ("'s", "’s", "s'", "s’")


PRONOUNS = frozenset(["it", "they", "he", "she", "we"])


# Words that stay function words in capitals ("THE", "AND" in a headline).
_CAPS_FUNCTION_WORDS = frozenset(
    ["the", "and", "of", "in", "on", "at", "to", "for", "by", "or", "as", "an", "with"]
)


# Company suffixes that may follow a name after a comma ("Co., Ltd.").
SUFFIXES = frozenset(["ltd", "inc", "llc", "co", "corp", "limited", "plc", "jsc", "gmbh", "ag", "sa", "pte"])


# A capitalised modifier is no part of a name: "China-based", "Russian-flagged".
MODIFIER_ENDS = (
    "-based",
    "-flagged",
    "-linked",
    "-registered",
    "-headquartered",
    "-owned",
    "-run",
    "-backed",
    "-controlled",
    "-made",
    "-built",
)


# The group nouns that tell a designee's kind ("two officials, Ri and Kim": people).
PERSON_GROUPS = frozenset(
    [
        "individuals",
        "individual",
        "people",
        "persons",
        "person",
        "officials",
        "official",
        "generals",
        "general",
        "officers",
        "ceo",
        "executive",
        "programmer",
        "hacker",
        "businessman",
        "businesswoman",
        "representatives",
        "operatives",
        "oligarchs",
    ]
)


COMPANY_GROUPS = frozenset(["companies", "company", "firms", "firm", "banks", "bank", "businesses"])


BODY_GROUPS = frozenset(["entities", "entity", "organisations", "organizations", "agencies", "units", "unit"])


def _set(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key, ()))


def _phrases(data: Mapping[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases as word tuples, longest first."""
    out = {tuple(str(w).lower().split()) for w in data.get(key, ())}
    return tuple(sorted(out, key=len, reverse=True))


class DesigneeLexicon:
    """The word lists of ``[designees]`` in ``sanctions.toml``, as sets.

    Examples:
        >>> lex = DesigneeLexicon({"titles": ["Minister"]})
        >>> "minister" in lex.titles
        True
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.group_nouns = _set(data, "group_nouns")
        self.introducers = _phrases(data, "introducers")
        self.naming = _phrases(data, "naming")
        self.mid_introducers = _phrases(data, "mid_introducers")
        self.alias_markers = _phrases(data, "alias_markers")
        self.prepositions = _set(data, "prepositions")
        self.clause_openers = _set(data, "clause_openers")
        self.reason_openers = _phrases(data, "reason_openers")
        self.titles = _set(data, "titles")
        self.surnames = frozenset(str(w) for w in data.get("korean_surnames", ()))
        self.abbreviations = _set(data, "abbreviations")
        self.not_names = _set(data, "not_names")
        self.connectors = _phrases(data, "connectors")
        self.company_heads = _set(data, "company_heads")
        self.body_heads = _set(data, "body_heads")
        self.joined_heads = _set(data, "joined_heads")
        self.vessel_words = _set(data, "vessel_words")
        self.attribution = _phrases(data, "attribution")
        # The words an attribution opens with, when all are ASCII: a range holding none of
        # them after its first comma is cut by none (see `find_attribution`).
        firsts = tuple(sorted({p[0] for p in self.attribution if p}))
        self.attribution_firsts = firsts if all(w.isascii() for w in firsts) else None
        # Each word's (`_capital`, lower case), worked out once: list sentences repeat their words.
        self.word_info: dict[str, tuple[bool, str]] = {}

    @classmethod
    def default(cls) -> DesigneeLexicon:
        """The shipped lists, read once.

        Examples:
            >>> DesigneeLexicon.default() is DesigneeLexicon.default()
            True
        """
        return _default()


@functools.lru_cache(maxsize=1)
def _default() -> DesigneeLexicon:
    text = resources.files("koreabrief").joinpath("data").joinpath("sanctions.toml").read_text("utf-8")
    return DesigneeLexicon(tomllib.loads(text).get("designees", {}))


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    # Whether it may be part of a name: capitalised (or "224th"), no day, month or "The".
    cap: bool
    # The lower-cased text, computed once: phrase tests read it hundreds of times per sentence.
    low: str

    @property
    def word(self) -> bool:
        return self.text[0].isalnum()


def is_number(word: str) -> bool:
    """Whether `word` is written in ASCII digits ("15", not "²")."""
    return word.isascii() and word.isdigit()


def _capital(word: str, lex: DesigneeLexicon) -> bool:
    c = word[0]
    if not (c.isupper() or (c.isdigit() and any(ch.isalpha() for ch in word))):
        return False
    if len(word) > 1 and word.isupper() and word.lower() not in _CAPS_FUNCTION_WORDS:
        return True  # "IT", "US": an acronym, whatever its lower case reads as
    return word.lower() not in lex.not_names


def tokens(text: str, start: int, end: int, lex: DesigneeLexicon) -> list[Tok]:
    out = []
    info = lex.word_info
    if len(info) > _WORD_INFO_SIZE:
        info.clear()  # a bound on the memo over a long run of varied text
    for m in TOKEN_RE.finditer(text, start, end):
        s, e = m.span()
        word = m.group(0)
        if word.endswith(".") and len(word) > 1:
            low = word.lower()
            dotted = word.count(".") > 1 and all(len(p) <= 2 for p in word[:-1].split("."))
            if low not in lex.abbreviations and not dotted:
                out.append(Tok(word[:-1], s, e - 1, _capital(word[:-1], lex), low[:-1]))
                out.append(Tok(".", e - 1, e, False, "."))
                continue
        known = info.get(word)
        if known is None:
            known = info[word] = (_capital(word, lex), word.lower())
        out.append(Tok(word, s, e, known[0], known[1]))
    return out


_WORD_INFO_SIZE = 50_000


# Phrases by their first word, per phrase list: a token is compared only with the phrases
# that can start at it (every token of every list sentence is tested against every list).
_BY_FIRST: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, tuple[tuple[str, ...], ...]]]] = {}


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    cached = _BY_FIRST.get(id(phrases))
    if cached is not None and cached[0] is phrases:
        return cached[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:  # in the list's order: the first that matches wins, as before
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    frozen = {k: tuple(v) for k, v in index.items()}
    if len(_BY_FIRST) >= 64:  # lists built on the fly (user lexicons): keep the memo small
        _BY_FIRST.clear()
    # The tuple itself is kept with its index, so its id cannot be reused by another list.
    _BY_FIRST[id(phrases)] = (phrases, frozen)
    return frozen


def starts_with(toks: Sequence[Tok], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest phrase of `phrases` at `toks[i]`, or 0."""
    if i >= len(toks):
        return 0
    candidates = _by_first(phrases).get(toks[i].low)
    if candidates is None:
        return 0
    for phrase in candidates:
        n = len(phrase)
        if i + n <= len(toks) and all(toks[i + k].low == phrase[k] for k in range(1, n)):
            return n
    return 0


def find_attribution(text: str, start: int, end: int, lex: DesigneeLexicon) -> int:
    """Where ", the Treasury said ..." or ", according to ..." cuts a list, else `end`.

    Examples:
        >>> lex = DesigneeLexicon({"attribution": ["said", "according to"]})
        >>> t = "Kim and Ri, the Treasury said."
        >>> t[: find_attribution(t, 0, len(t), lex)]
        'Kim and Ri'
    """
    # Only a comma cuts, before an attribution's first word: a range with neither after its
    # first comma needs no tokens. (A comma is always a token of its own; a token's lower
    # case is its characters' lower case, found in the lower case of the text around it.)
    comma = text.find(",", start, end)
    if comma < 0:
        return end
    firsts = lex.attribution_firsts
    if firsts is not None:
        after = text[comma + 1 : end].lower()
        if not any(word in after for word in firsts):
            return end
    toks = tokens(text, start, end, lex)
    for i, tok in enumerate(toks):
        if tok.text != ",":
            continue
        for k in range(i + 1, min(len(toks), i + 9)):
            if toks[k].text in ",;:()":
                break
            if starts_with(toks, k, lex.attribution):
                # "a mixer it said laundered funds, and ...": a relative clause, not who said it.
                relative = any(
                    t.low in PRONOUNS or t.low in ("which", "who", "that") for t in toks[i + 1 : k]
                )
                if relative and any(t.text == "," for t in toks[k:]):
                    break
                return tok.start
    return end
