"""Repetition: lines a page prints twice, and lines above the story that copy its text.

* A standfirst or a page's description is often a sentence of the story set
  above it ("They also agreed to ..." above the paragraph that says so): a
  line just above the story whose words the story repeats is no part of it.
* A caption or a standfirst often says again, in other words, what the
  paragraph right below it says ("Minister Jane Roe has urged ..." above
  "Senator Roe urged ... in a complete way"): a line whose words the next
  paragraphs mostly repeat is no part of the story.
* A picture's caption is often printed twice in a row (its alternative text,
  then the caption itself): two identical lines side by side inside the story
  are a caption, not two paragraphs.

Both checks cost a bounded number of scans of the page, so they stay linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from koreabrief.cleaning.kinds import UnitFacts
from koreabrief.cleaning.wraps import Unit

__all__ = ["head_copies", "one_sentence", "restated", "twins"]

# Only the lines just above the story are read: a standfirst sits there.
_HEAD_REACH = 8
# Shorter lines are headlines at least as often: a lead may repeat its headline's words.
_COPY_MIN_WORDS = 12
_TWIN_MIN_WORDS = 4
_TWIN_MAX_WORDS = 60
# The second copy may carry the credit: "... in Seoul. (Jane Roe/Agency/Pool)".
_CREDIT_WORDS = 6
_NON_WORD = re.compile(r"[\W_]+")
_APART = " \n "
_WORD_RUN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_EDGE = "\"'“”‘’.,;:!?()[]"


def _words(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def head_copies(
    units: Sequence[Unit], facts: Sequence[UnitFacts], head: int, skip: int | None
) -> set[int]:
    """The units just above the story (before `head`) whose words the story repeats.

    `skip` is a unit never taken (the headline, when known). Words are compared
    without case or punctuation, so "... a peace treaty" matches "... a peace
    treaty." inside a longer paragraph.

    Examples:
        >>> from koreabrief.cleaning.kinds import unit_facts
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> deck = "They agreed that the two envoys would meet again in Seoul in the spring"
        >>> texts = [deck, "Officials said so.", deck + ", officials said."]
        >>> units = [Unit(0, 1, t, i) for i, t in enumerate(texts)]
        >>> head_copies(units, [unit_facts(u, default_lexicon()) for u in units], 1, None)
        {0}
    """
    n = len(units)
    if head >= n or head == 0:
        return set()
    candidates = [
        i
        for i in range(max(0, head - _HEAD_REACH), head)
        if i != skip and facts[i].edge_matched is None and len(facts[i].tokens) >= _COPY_MIN_WORDS
    ]
    if not candidates:
        return set()
    # A cheap test first: the candidate's longest word must occur in the story at all.
    plain = "\n".join(units[j].text for j in range(head, n)).casefold()
    candidates = [i for i in candidates if max(facts[i].tokens, key=len).casefold().strip(_EDGE) in plain]
    if not candidates:
        return set()
    # Units joined by line breaks: a match never spans two units.
    story = f" {_APART.join(_words(units[j].text) for j in range(head, n))} "
    return {i for i in candidates if f" {_words(units[i].text)} " in story}


def twins(units: Sequence[Unit], facts: Sequence[UnitFacts], start: int, end: int) -> set[int]:
    """The units in ``[start, end)`` printed twice in a row in one block (both copies).

    The second copy may add a few words: a caption's credit.

    Lines the lexicon names are left to it.

    One block: a paragraph of a clean text printed twice stands in two blocks,
    so cleaning a clean text again finds no twins.

    Examples:
        >>> from koreabrief.cleaning.kinds import unit_facts
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> caption = "Troops march in Pyongyang on Monday."
        >>> texts = [caption, caption, "Seoul said."]
        >>> units = [Unit(0, 1, t, 0) for t in texts]
        >>> sorted(twins(units, [unit_facts(u, default_lexicon()) for u in units], 0, 3))
        [0, 1]
    """
    found: set[int] = set()
    for i in range(max(start, 0), min(end, len(facts)) - 1):
        a, b = facts[i], facts[i + 1]
        n = len(a.tokens)
        if (
            units[i].block == units[i + 1].block
            and a.matched is None
            and _TWIN_MIN_WORDS <= n <= _TWIN_MAX_WORDS
            and n <= len(b.tokens) <= n + _CREDIT_WORDS
            and b.tokens[:n] == a.tokens
        ):
            found.update((i, i + 1))
    return found


# A restated line has this many words at least (shorter ones are headings,
# which a paragraph may well repeat), and the paragraph below holds this share of them.
_RESTATED_MIN_WORDS = 8
_RESTATED_SHARE = 0.75
# The paragraph says more than the line: a day, a name (a word split in two is not more).
_RESTATED_MORE = 2
_NEW_WORD_CHARS = 3
# Captions and standfirsts are a sentence of at most this many distinct words.
_RESTATED_MAX_WORDS = 60
_RESTATED_MAX_SPACES = 100
_PROBE_WORDS = 4
# How many of the following paragraphs are compared.
_RESTATED_REACH = 3


# A sentence ends inside the line: "... in Kaesong. The move comes ..."
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+[\"“‘(]?[A-Z]")
_ENDS = (".", "!", "?", '."', ".”", ".'", ".’", ")")


def one_sentence(text: str) -> bool:
    """Whether a line is one whole sentence (a caption, a standfirst; a lead or an anchor's intro runs on).

    Examples:
        >>> [one_sentence(t) for t in ("Minister Roe urged restraint.", "wo sides met.", "A. B said.")]
        [True, False, False]
    """
    text = text.strip()
    opens = text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'("
    return opens and text.endswith(_ENDS) and _SENTENCE_BREAK.search(text) is None


def restated(
    units: Sequence[Unit], candidates: Sequence[int], cache: dict[int, set[str]] | None = None
) -> set[int]:
    """The `candidates` (unit indices, in order) whose words one of the next few candidates mostly repeats.

    Each is compared with the (at most three) candidates after it: a caption or
    standfirst restating the paragraph below it. Only a line that is one whole
    sentence is taken (a sub-heading or a paragraph of several sentences that
    the next paragraph expands is the story's own). Words are compared as a set,
    without case or punctuation; the later paragraph must be at least as long
    in distinct words, so a paragraph and its shorter echo keep the paragraph,
    and must say more than the line (a paragraph printed twice is left to the
    checks for copies). `cache` keeps the units' word sets between calls.

    Examples:
        >>> a = "Minister Jane Roe has urged the North to give up its missile programmes."
        >>> b = "Senator Roe urged the North to give up its missile programmes in full, she said."
        >>> units = [Unit(0, 1, a, 0), Unit(2, 3, b, 1)]
        >>> restated(units, [0, 1])
        {0}
    """
    words: dict[int, set[str]] = cache if cache is not None else {}

    folded: dict[int, str] = {}

    def folded_of(i: int) -> str:
        if i not in folded:
            folded[i] = units[i].text.casefold()
        return folded[i]

    def words_of(i: int) -> set[str]:  # computed only for the lines compared (most are not)
        if i not in words:
            # (An apostrophe joins its word: "North's" is one word, and so is a word an apostrophe splits.)
            found = _WORD_RUN.findall(folded_of(i))
            words[i] = {w.replace("'", "").replace("’", "") for w in found}
        return words[i]

    found: set[int] = set()
    for k, i in enumerate(candidates):
        text = units[i].text
        # (Cheap checks first: a caption is one sentence of a few dozen words, and
        # its longest words stand in a paragraph below.)
        if text.count(" ") > _RESTATED_MAX_SPACES or not one_sentence(text):
            continue
        below = candidates[k + 1 : k + 1 + _RESTATED_REACH]
        probe = [t.strip(_EDGE) for t in sorted(folded_of(i).split(), key=len)[-_PROBE_WORDS:]]
        if not any(sum(1 for w in probe if w in folded_of(j)) >= len(probe) - 1 for j in below):
            continue
        mine = words_of(i)
        if not _RESTATED_MIN_WORDS <= len(mine) <= _RESTATED_MAX_WORDS:
            continue
        joined = " ".join(mine)
        longest = sorted(mine, key=len)[-_PROBE_WORDS:]
        for j in below:
            if sum(1 for w in longest if w in folded_of(j)) < len(longest) - 1:
                continue
            theirs = words_of(j)
            if (
                len(theirs) >= len(mine)
                and len(mine & theirs) >= _RESTATED_SHARE * len(mine)
                and _says_more(theirs - mine, joined)
            ):
                found.add(i)
                break
    return found


def _says_more(extra: set[str], joined: str) -> bool:
    """Whether the words a paragraph adds to a line are new words, not pieces of the line's words.

    ("said" and "Thursday" are more; "he" of "the" and "greed" of "agreed" are a broken copy's.)
    """
    new = 0
    for word in extra:
        if len(word) >= _NEW_WORD_CHARS and word not in joined:
            new += 1
            if new >= _RESTATED_MORE:
                return True
    return False
