"""The story's end on a page cut short, or closed by a list.

Excerpts and truncated scrapes end mid-sentence or mid-word ("... between the
two side"); such a last line is the story going on, not a short line of
furniture. A sentence ending in a colon right after the story opens a list
whose short items close the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from koreabrief.cleaning import features as ft
from koreabrief.cleaning.kinds import UnitFacts
from koreabrief.cleaning.lexicon import Lexicon
from koreabrief.models import RemovalKind

__all__ = ["cut_off_end", "cut_sentence", "list_at_end"]

# Reasons of the guesses that a short line around the story is furniture (no
# lexicon entry, no shape): what a cut-off last paragraph is wrongly given.
_GUESSED = frozenset({"short line after the story", "headline-like line outside the story"})
_TAGS_MIN_WORDS = 5


_LEAD_IN_MIN_WORDS = 5


def list_at_end(facts: Sequence[UnitFacts], kinds: list[RemovalKind | None], reasons: list[str]) -> None:
    """Keep a list closing the story in the body, in place: its lead-in ("... as follows:") and items.

    Right after the story's last paragraph, a sentence ending in a colon opens
    a list; the short lines after it, to the page's end, are its items unless
    the lexicon or a shape names them.
    """
    last = next((j for j in range(len(facts) - 1, -1, -1) if kinds[j] is None), None)
    k = last + 1 if last is not None else len(facts)
    if k >= len(facts) or reasons[k] not in _GUESSED:
        return
    lead = facts[k]
    if len(lead.tokens) < _LEAD_IN_MIN_WORDS or not lead.tokens[-1].endswith(":"):
        return
    items = range(k + 1, len(facts))
    if all(reasons[j] in _GUESSED and facts[j].matched is None for j in items):
        for j in (k, *items):
            kinds[j], reasons[j] = None, ""


_CUT_MIN_WORDS = 3


def cut_sentence(f: UnitFacts, lexicon: Lexicon) -> bool:
    """Whether a page's last unit is a sentence cut short: "... and the two side".

    No lexicon entry or shape names it, it has no closing punctuation, and it
    reads as prose: a few words at least, among them a small word, ending in a
    word in lower case (navigation ends in names: "More in World").
    """
    if f.edge_matched is not None or len(f.tokens) < _CUT_MIN_WORDS or ft.is_terminal(f.tokens[-1]):
        return False
    last = f.tokens[-1]
    return last[:1].islower() and any(t.casefold() in lexicon.stopwords for t in f.tokens[:-1])


def cut_off_end(
    facts: Sequence[UnitFacts], kinds: list[RemovalKind | None], reasons: list[str], title_at: int | None
) -> None:
    """Keep a cut-off last paragraph in the body, in place.

    A page cut short (an excerpt, a truncated scrape) ends mid-sentence or
    mid-word: "The two sides agreed to hold talks in the". Its last unit, right
    after a body paragraph, is the story going on, not a short line of
    furniture; only a unit the lexicon or a shape names stays furniture.
    """
    last = len(facts) - 1
    if last < 1 or kinds[last] is None or reasons[last] not in _GUESSED:
        return
    f, before = facts[last], last - 1
    if f.matched is not None or ft.is_terminal(" ".join(f.tokens[-1:])) or before == title_at:
        return
    # A run of capitalised words ("Defence North Korea Jane Roe Sanctions") is a
    # list of tags; a cut sentence has small words, or is cut within a few.
    if len(f.tokens) >= _TAGS_MIN_WORDS and not any(t[:1].islower() for t in f.tokens):
        return
    if kinds[before] is None:
        kinds[last], reasons[last] = None, ""
