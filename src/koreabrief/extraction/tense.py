"""Which way a weekday points: the tense of the clause a time expression stands in.

A sentence with a future cue ("will", "is due to") resolves its weekdays
forward, but one clause of it may still report the past: in "North Korea fired
a missile on Tuesday, days before Rubio was due to arrive", Tuesday is the one
just gone. A time expression whose own clause (back to the last comma, colon,
dash or bracket) holds a past-tense verb and no future cue is resolved
backward; a time opening its clause ("On May 3, the North test-fired a rocket
that might reach Hawaii") reads the words after it, up to the first future
cue. Everything else keeps the sentence's tense.
"""

from __future__ import annotations

import re

from koreabrief.extraction.triggers import EventLexicon
from koreabrief.models import TimeRef

__all__ = ["clause_is_past", "times_by_clause"]

_BREAKS = (",", ";", ":", "—", "–", "(")
# A regular past form, lower-case as written (not "United", not "hundred", "indeed", "speed").
_REGULAR_PAST = r"[a-z]{2,}[a-df-z]ed"


def _past_verbs(lex: EventLexicon) -> tuple[re.Pattern[str], frozenset[str]]:
    key = "tense.past"
    cached = lex.cache.get(key)
    if cached is None:
        irregular = sorted(lex.words("tense", "past"), key=len, reverse=True)
        words = "|".join([_REGULAR_PAST, *map(re.escape, irregular)])
        cached = lex.cache[key] = (
            re.compile(rf"\b(?:{words})\b"),
            frozenset(lex.words("tense", "not_past")),
        )
    found: tuple[re.Pattern[str], frozenset[str]] = cached
    return found


def clause_is_past(text: str, lo: int, start: int, lex: EventLexicon, after: int | None = None) -> bool:
    """Whether the clause before offset `start` (not before `lo`) reports the past.

    With `after` (where the time expression ends), a time opening its clause is read
    by the words after it: a past verb before any future cue says the past.

    Examples:
        >>> lex = EventLexicon.default()
        >>> t = "Seoul fired back on Friday, days before Kim will visit on Friday."
        >>> clause_is_past(t, 0, t.index("on Friday"), lex), clause_is_past(t, 0, t.rindex("on"), lex)
        (True, False)
        >>> t = "On May 3, it test-fired a rocket that might reach Hawaii."
        >>> clause_is_past(t, 0, 0, lex, after=len("On May 3"))
        True
    """
    cut = max(text.rfind(b, lo, start) for b in _BREAKS)
    begin = lo if cut < 0 else cut + 1
    if after is not None and _opens_sentence(text, lo, start, after, lex):
        return _past_after(text, after, lex)
    if lex.cue_search("tense.future", text, begin, start) is not None:
        return False
    pattern, not_past = _past_verbs(lex)
    return any(m.group() not in not_past for m in pattern.finditer(text, begin, start))


# A fronted time ("On May 3, ...", "Weeks later, on Tuesday, March 4, ...") stands within
# this many words of its sentence's start, a comma right after it.
_OPENING_WORDS = 6
_WORD = re.compile(r"[\w'’-]+")
_COMMA_NEXT = re.compile(r"\s*,")
_SPAN_UNIT = re.compile(r"(?i:days?|weeks?|months?|years?|hours?|minutes?)\s+\Z")


def _opens_sentence(text: str, lo: int, start: int, after: int, lex: EventLexicon) -> bool:
    """Whether the time at `start..after` is fronted: near the sentence's start with no verb
    before it, set off by a comma."""
    if _COMMA_NEXT.match(text, after) is None or len(_WORD.findall(text, lo, start)) > _OPENING_WORDS:
        return False
    pos = lo
    while (cue := lex.cue_search("tense.future", text, pos, start)) is not None:
        # "Days later, on Friday, ...": that "later" is a time, no future.
        span_later = _SPAN_UNIT.search(text, max(lo, cue.start() - 12), cue.start()) is not None
        if cue.group(0).lower() != "later" or not span_later:
            return False
        pos = cue.end()
    pattern, not_past = _past_verbs(lex)
    return not any(m.group() not in not_past for m in pattern.finditer(text, lo, start))
# How far past a clause-opening time its verb is looked for (up to a sentence's end).
_AFTER_REACH = 160
_SENTENCE_END = re.compile(r"[.;!?](?:\s|\Z)")


def _past_after(text: str, after: int, lex: EventLexicon) -> bool:
    """Whether a past verb follows `after` before any future cue, within its sentence."""
    stop = _SENTENCE_END.search(text, after, min(len(text), after + _AFTER_REACH))
    end = stop.start() if stop is not None else min(len(text), after + _AFTER_REACH)
    cue = lex.cue_search("tense.future", text, after, end)
    if cue is not None:
        end = cue.start()
    pattern, not_past = _past_verbs(lex)
    return any(m.group() not in not_past for m in pattern.finditer(text, after, end))


def times_by_clause(
    text: str, lo: int, forward: list[TimeRef], backward: list[TimeRef], lex: EventLexicon
) -> list[TimeRef]:
    """Each time of a future-tense sentence as its own clause reads it.

    `forward` and `backward` are the sentence's times resolved as future and
    as past reporting; a time takes its backward reading where its clause
    reports the past (see `clause_is_past`).

    Examples:
        >>> import datetime as dt
        >>> from koreabrief.extraction.dates import find_times
        >>> t = "Kim met Putin on Monday and will visit Seoul on Monday."
        >>> day = dt.date(2025, 6, 18)
        >>> f = find_times(t, 0, len(t), published=day, future=True)
        >>> b = find_times(t, 0, len(t), published=day, future=False)
        >>> [r.iso for r in times_by_clause(t, 0, f, b, EventLexicon.default())]
        ['2025-06-16', '2025-06-23']
    """
    if len(forward) != len(backward):
        return forward
    out = []
    for ahead, behind in zip(forward, backward, strict=True):
        if (
            ahead.date != behind.date
            and ahead.span is not None
            and ahead.span == behind.span
            and clause_is_past(text, lo, ahead.span.start, lex, after=ahead.span.end)
        ):
            out.append(behind)
        else:
            out.append(ahead)
    return out
