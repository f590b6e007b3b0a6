"""Per-line signals: terminal punctuation, words, stop-word density, shapes."""

from __future__ import annotations

import re

__all__ = ["is_residue", "is_sentence", "is_terminal", "stop_density", "title_case_ratio", "words"]

_TERMINAL = frozenset(".!?…。！？")
# Closing marks that may follow the terminal punctuation of a sentence.
_CLOSERS = "”’\"')]»›」』】"
_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?…-–—/|*#@&%$+=~^`_"
# An identifier-like token: letters/digits joined by underscores or template
# braces ("td_blocktd_block", "td_module_wrap", "{{title}}", "%%excerpt%%").
_IDENT = re.compile(r"[A-Za-z0-9]{0,40}(?:_[A-Za-z0-9]{1,40}){1,20}_?|\{\{[^{}\s]{1,60}\}\}|%%[^%\s]{1,60}%%")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# A line ending in a dotted abbreviation ("U.S.", "U.N."): its full stop may be the abbreviation's.
_ABBREVIATION_END = re.compile(r"(?<![^\W\d_])(?:[A-Z]\.){2,4}$")
_HEADLINE_MAX_WORDS = 16
_TRAILING_OFF_MIN_WORDS = 4
_HEADLINE_STOP_DENSITY = 0.2
# CSS-class-like companions of identifier tokens ("td-animation-stack").
_SLUG = re.compile(r"[a-z0-9]{1,40}(?:-[a-z0-9]{1,40}){0,20}")


def is_terminal(text: str) -> bool:
    """Whether a line ends a sentence (closing quotes and brackets after the stop count).

    Examples:
        >>> is_terminal("He said “no.”"), is_terminal("Promises of continuity")
        (True, False)
    """
    end = text.rstrip().rstrip(_CLOSERS)
    return bool(end) and end[-1] in _TERMINAL


def words(text: str) -> list[str]:
    """The words of a line, split on whitespace.

    Examples:
        >>> words("Seoul  said")
        ['Seoul', 'said']
    """
    return text.split()


def stop_density(tokens: list[str], stopwords: frozenset[str]) -> float:
    """The share of tokens that are stop words (jusText's signal of prose).

    Examples:
        >>> stop_density(["The", "missile", "flew"], frozenset({"the"}))
        0.3333333333333333
    """
    if not tokens:
        return 0.0
    folded = " ".join(tokens).casefold().split()
    hits = sum(1 for t in folded if t.strip(_PUNCT) in stopwords)
    return hits / len(tokens)


def title_case_ratio(tokens: list[str]) -> float:
    """The share of alphabetic tokens that start with a capital.

    Examples:
        >>> title_case_ratio(["Latest", "Posts"])
        1.0
    """
    alpha = [t for t in tokens if t[:1].isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for t in alpha if t[0].isupper()) / len(alpha)


def is_sentence(text: str, tokens: list[str], stopwords: frozenset[str]) -> bool:
    """Whether a line reads as prose: a finished sentence, or a long run of prose.

    Examples:
        >>> sw = frozenset({"the", "it", "he"})
        >>> is_sentence("He denied it.", ["He", "denied", "it."], sw)
        True
        >>> is_sentence("Latest Posts", ["Latest", "Posts"], sw)
        False
        >>> is_sentence("Seoul vows closer ties with U.S.", "Seoul vows closer ties with U.S.".split(), sw)
        False
    """
    if not _HAS_LETTER.search(text, 0, 2000):
        return False
    n = len(tokens)
    if is_terminal(text):
        if n <= 16 and _asks_or_exclaims(text):
            return False
        if n < _TRAILING_OFF_MIN_WORDS and text.rstrip(_CLOSERS).endswith(("...", "…")):
            return False  # "Closing in...", "Loading…": a teaser or a widget, not a sentence
        if n < _HEADLINE_MAX_WORDS and _ABBREVIATION_END.search(text[-12:]) is not None:
            # "Japan protests launch, vows closer ties with U.S.": a headline,
            # unless it reads like a sentence (articles, pronouns, "said").
            return stop_density(tokens, stopwords) >= _HEADLINE_STOP_DENSITY
        return n >= 4 or len(text) >= 40 or stop_density(tokens, stopwords) >= 0.25
    if len(text) >= 200 and n < 8:
        return True
    return n >= 30 and stop_density(tokens[:400], stopwords) >= 0.15


def _asks_or_exclaims(text: str) -> bool:
    # A short line ending in "?" or "!" outside quotation marks reads as a
    # headline or a call to action ("Is Pyongyang ready for talks?").
    end = text.rstrip()
    return end[-1:] in ("?", "!") and len(end) < 160


def is_residue(tokens: list[str]) -> bool:
    """Whether a line is template residue: only identifier-like tokens, no words.

    Examples:
        >>> is_residue(["td_blocktd_block"]), is_residue(["td_wrap", "td-anim"]), is_residue(["a_b", "wrote"])
        (True, True, False)
    """
    if not tokens or len(tokens) > 6:
        return False
    # An identifier token holds "_", "{{" or "%%"; most lines hold none of them.
    if not any("_" in t or "{{" in t or "%%" in t for t in tokens):
        return False
    idents = sum(1 for t in tokens if _IDENT.fullmatch(t) is not None)
    slugs = sum(1 for t in tokens if _SLUG.fullmatch(t) is not None and "-" in t)
    return idents >= 1 and idents + slugs == len(tokens)
