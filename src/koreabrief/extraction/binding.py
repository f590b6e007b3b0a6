"""Modality cues and argument binding for event mentions.

`mood` reads the cue words of ``data/events.toml`` in the few words before a
trigger (inside its clause) and just after it. `bind_times` decides which time
expression governs which trigger: one inside or right after a trigger is its
own; one right before a trigger ("North Korea on Monday fired", "the January 6
riot") belongs to that trigger; "N days after/before" dates the event it names;
one opening the sentence governs every trigger; a trigger with none inherits
its neighbour's unless a new clause or a temporal connective ("after") lies
between. `bind_quantities` gives each amount to the nearest trigger whose type
takes its unit.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING

import attrs

from koreabrief.extraction.dates import find_times, offset_of
from koreabrief.extraction.text import (
    CLAUSE_BREAK,
    NEW_CLAUSE,
    WORD,
    SentenceText,
    first_clause_break,
    words_at_most,
    words_before,
)
from koreabrief.extraction.triggers import EventLexicon, TriggerMatch, has_case_extras
from koreabrief.models import EventType, Precision, Quantity, Span, TimeRef

if TYPE_CHECKING:
    from koreabrief.extraction.mention import EventMention

__all__ = [
    "BACKGROUND_DAYS",
    "CLAUSE_BREAK",
    "NEW_CLAUSE",
    "WORD",
    "bind_quantities",
    "bind_times",
    "mood",
    "period_end",
    "recalled",
    "words_at_most",
    "words_before",
]

# Compiled once here rather than inline in the functions that use them.
_IF_CLAUSE = re.compile(r"\s*(?:if|unless|should)\b", re.IGNORECASE)
# Besides white space, the letters a sentence opening with `_IF_CLAUSE` may open
# with: those IGNORECASE takes for "i", "u" or "s" (CASE_EXTRAS too).
_IF_FIRST = "iusIUS\u0130\u0131\u017f"

# Reporting verbs: a time or an event beside one belongs to the report.
_REPORT_WORDS = r"said|says|say|disclosed|announced|reported|told|stated|added|confirmed|according to|noted"
_REPORTING = re.compile(rf"\b(?:{_REPORT_WORDS})\b")
_RELATIVE_TO = re.compile(r"\b(?:before|after|ahead of)\Z")
# The cues `mood` reads, in the order it reads them.
_MOOD_CUES = (
    "generic.before",
    "negated.before",
    "hypothetical.before",
    "hypothetical.after",
    "future.before",
    "future.after",
)
# Past a few words back a cue belongs to another clause.
_CUE_WORDS = 6
# A quantity further than this from every trigger belongs to none.
_NEAR = 400
# An event dated more than this before publication is recalled background.
BACKGROUND_DAYS = 31


def period_end(time: TimeRef) -> dt.date | None:
    """The last day the time expression covers (its date for day precision)."""
    if time.date is None:
        return None
    if time.precision is Precision.YEAR:
        return dt.date(time.date.year, 12, 31)
    if time.precision is Precision.MONTH:
        nxt = dt.date(time.date.year + time.date.month // 12, time.date.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return time.date


def recalled(time: TimeRef | None, published: dt.date | None) -> bool:
    """Whether the time lies well before publication (an event recalled as background)."""
    if time is None or published is None:
        return False
    if time.text[:6].lower().startswith("since "):
        return False  # "has sent shells since 2023": a period reaching the present, not a past event
    end = period_end(time)
    return end is not None and (published - end).days > BACKGROUND_DAYS


def mood(
    text: str,
    lex: EventLexicon,
    sent: Span,
    trig: TriggerMatch,
    *,
    extras: bool = True,
    layer: SentenceText | None = None,
) -> str:
    """The mood of one trigger from the cues around it: plain, future, hypothetical, negated or generic.

    `extras` False says that `text` holds no character of `CASE_EXTRAS` (the caller looked);
    `layer` is the sentence's words and breaks, when the caller shares them.
    """
    if layer is None:
        layer = SentenceText(text, sent.start, sent.end)
    lo = layer.words_before(sent.start, trig.start, _CUE_WORDS)
    hi = min(sent.end, trig.end + 40)
    before = text[lo : trig.start]
    opener = _last_subordinator(before)
    if opener:
        # "may stall any talks because Beijing vetoed the draft": a cue before the
        # subordinator belongs to the clause it opens from, not to the trigger's own.
        lo += opener
        before = before[opener:]
    if "ay" in before and _MONTH_MAY.search(before):
        # "in May it fired": the month, not the modal "may".
        before = _MONTH_MAY.sub(_masked_month, before)
    after = text[trig.end : hi]
    cues, twins = _mood_cues(lex)
    if twins is not None and not (extras and has_case_extras(text, lo, hi)):
        # Case-sensitive twins on lower-cased text find what the IGNORECASE cues find, faster.
        cues, before, after = twins, before.lower(), after.lower()
    gen, neg, hyp_b, hyp_a, fut_b, fut_a, any_b, refusal, any_a = cues
    if refusal is not None and trig.trigger.type.value in _refusal_types(lex) and refusal.search(before):
        return "negated"
    if any_b is None or not any_b.search(before):
        gen = neg = hyp_b = fut_b = None
    if gen and gen.search(before):
        return "generic"
    habitual = lex.cue("generic.after")
    if habitual is not None and habitual.match(after.lstrip(" ,")):
        return "generic"  # "the exercises, traditionally held in March and August"
    if neg and neg.search(before):
        return "negated"
    after = after.lstrip()
    if any_a is not None and not any_a.match(after):
        hyp_a = fut_a = None  # one match for both "after" cues: most triggers have neither
    if (hyp_b and hyp_b.search(before)) or (hyp_a and hyp_a.match(after)):
        return "hypothetical"
    if (
        ("accus" in before.lower() or "charge" in before.lower() or "indict" in before.lower())
        and (_ACCUSED_OF.search(before) or _CHARGED_WITH.search(before))
        and not find_times(text, trig.end, min(sent.end, trig.end + 100))
    ):
        # "accused Pyongyang of transferring arms": a charge, not a report; but "accused
        # the North of flying drones over the border on Monday" tells of a dated incident.
        return "hypothetical"
    if "warn" in before.lower() and _WARNED_AGAINST.search(before):
        return "hypothetical"  # "warned Pyongyang against supplying arms": what is warned of
    # An if-clause earlier in the sentence governs the whole of it.
    first = text[sent.start : sent.start + 1]
    if (first.isspace() or first in _IF_FIRST) and _IF_CLAUSE.match(text, sent.start, trig.start):
        return "hypothetical"
    if (fut_b and fut_b.search(before)) or (fut_a and fut_a.match(after)):
        return "future"
    # `_COORDINATED` opens with "or", "and" or "but" after white space.
    if lo > sent.start and before.lstrip()[:1] in "oabOAB" and _COORDINATED.match(before):
        # "Moscow could help Pyongyang ..., or even share its know-how": a verb joined
        # after a comma stays in the scope of the modal before it.
        head = text[layer.words_before(sent.start, lo - 1, 30) : lo - 1]
        plain = _mood_cues(lex)[0]
        for cue, mood_name in ((plain[1], "negated"), (plain[2], "hypothetical"), (plain[4], "future")):
            if cue is not None and cue.search(head):
                return mood_name
    return "plain"


# A subordinator opening a clause with its own subject: "since it", "because Seoul", "after the".
_SUBORDINATOR = re.compile(
    r"\b(?:since|because|after|although|though|whereas|until)\s+(?=(?:it|he|she|they|we|i|you|the|a|an|its|their"
    r"|his|her|this|that|these|those|[A-Z][\w'’.-]*)\s)",
)


def _last_subordinator(before: str) -> int:
    """Where the clause a subordinator opens begins in `before` (0: none).

    Examples:
        >>> _last_subordinator("any new measures since it ")
        23
        >>> _last_subordinator("could have ")
        0
    """
    found = 0
    for m in _SUBORDINATOR.finditer(before):
        found = m.end()
    return found


# The month May: after a preposition or season word, or before a day ("in late May", "May 5").
_MONTH_MAY = re.compile(
    r"(?:\b(?:in|of|early|late|mid|since|until|by|last|next|this|from|through|and|or)[\s-]+|-)(May)\b"
    r"|\b(May)(?=\s+\d)",
)


def _masked_month(m: re.Match[str]) -> str:
    """The match with "May" written so that no cue reads it (same length, offsets kept)."""
    return m.group(0)[:-3] + "M_y"


_Cues = tuple[re.Pattern[str] | None, ...]
# The act an accusation names, right after it: "accused Pyongyang of supplying" (not
# "officials accused of helping the deployment": there the deployment is told as fact).
_ACCUSED_OF = re.compile(r"\baccus(?:ed|es|ing)\s+(?:[\w'’.-]+\s+){0,3}?of\s+\Z", re.IGNORECASE)


# The act a charge names: "indicted on charges of laundering stolen crypto", "was charged
# with helping the hackers", "indicted him for spying": an allegation, as an accusation is.
_CHARGED_WITH = re.compile(
    r"\b(?:charges?\s+of|charged\s+(?:[\w'’.-]+\s+){0,3}?with|indicted\s+(?:[\w'’.-]+\s+){0,3}?(?:for|over))"
    r"\s+(?:(?!(?:who|which|that)\b)[\w'’-]+\s+){0,2}\Z",
    re.IGNORECASE,
)


# The act a warning is against: "warned Pyongyang against supplying", "warns against
# conducting a seventh (nuclear test)".
_WARNED_AGAINST = re.compile(
    r"\bwarn(?:ed|s|ing)?\s+(?:[\w'’.-]+\s+){0,3}?against\s+(?:[\w'’-]+\s+){0,3}\Z", re.IGNORECASE
)


def _mood_cues(lex: EventLexicon) -> tuple[_Cues, _Cues | None]:
    """The patterns `mood` reads (`_MOOD_CUES`, any "before" cue, the refusal), read
    once per lexicon, and their case-sensitive twins for lower-cased text.

    The cue words are lower-case ASCII: IGNORECASE matches their letters to
    nothing but upper-case ASCII and the characters of `CASE_EXTRAS`, so where
    none of those stand, lower-casing the text and matching case-sensitively
    finds the same. No twins (None) when some pattern holds another letter.
    """
    cached: tuple[_Cues, _Cues | None] | None = lex.cache.get("binding.mood")
    if cached is None:
        refusal = _refusal(lex)
        plain = (
            *(lex.cue(name) for name in _MOOD_CUES),
            lex.cue("modality.before"),
            refusal[0] if refusal is not None else None,
        )
        twins = tuple(_twin(rx) for rx in plain)
        lowerable = all(t is not None or rx is None for rx, t in zip(plain, twins, strict=True))
        cached = lex.cache["binding.mood"] = (
            (*plain, _either(plain[3], plain[5])),
            (*twins, _either(twins[3], twins[5])) if lowerable else None,
        )
    return cached


def _either(a: re.Pattern[str] | None, b: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """One pattern that matches where `a` or `b` does (None unless both are there)."""
    if a is None or b is None or a.flags != b.flags or a.groups or b.groups:
        return None
    return re.compile(f"(?:{a.pattern})|(?:{b.pattern})", a.flags)


def _twin(rx: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """`rx` without IGNORECASE when the letters it matches are all lower-case ASCII, else None.

    Examples:
        >>> _twin(re.compile(r"will\\s+\\Z", re.IGNORECASE)).pattern, _twin(re.compile("Will", re.IGNORECASE))
        ('will\\\\s+\\\\Z', None)
    """
    if rx is None or _INLINE_FLAGS.search(rx.pattern):
        return None
    literal = _ESCAPE.sub(_escaped, rx.pattern)
    if not all((c.isascii() and c.islower()) or c.lower() == c.upper() for c in literal):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


def _escaped(m: re.Match[str]) -> str:
    """What an escape leaves to check: nothing for a class or an anchor ("\\s", "\\Z"),
    the character itself for a punctuation mark, and an upper-case stand-in, which
    fails the check, for anything that may stand for a letter ("\\x41", a group)."""
    c = m.group(1)
    if c in "AZbBdDsSwWntrfv":
        return ""
    return "X" if c.isalnum() else c


def _refusal_types(lex: EventLexicon) -> frozenset[str]:
    refusal = _refusal(lex)
    return refusal[1] if refusal is not None else frozenset()


_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
# "by the middle of next year": a deadline; "lasts two weeks, through March 14": the end
# of a span. Neither dates the event. ("Until last month, it tested ..." still dates.)
_DEADLINE = re.compile(
    r"\b(?:by|through)\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?\Z", re.IGNORECASE
)
_DEADLINE_TEXT = re.compile(r"by\b", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|whereas)\s+(?:[\w'’-]+\s+){0,1}\Z", re.IGNORECASE)
# "launched a rocket (a Hwasong-18) and in late June it held drills": a time right after
# the conjunction opens the next conjunct ("in ..." / "on ..." / "last ..." first).
_FRONTED_TIME = re.compile(r"\b(?:and|but)\s+\Z", re.IGNORECASE)
_FRONTED_LEAD = re.compile(r"(?i:in|on|last|earlier|later|late|early)\b")
# An agreement named just before a time: the time is the agreement's.
_OBJECT_DATED = re.compile(
    r"\b(?:agreements?|accords?|pacts?|treat(?:y|ies)|deals?|declarations?)"
    r"(?:\s+(?:with|between)\s+[^,;]{1,40}?)?\s+\Z",
    re.IGNORECASE,
)
# A time standing as a modifier between a determiner and its noun: "the 2018 accord".
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|this|that)|\w['’]s)\s+\Z", re.IGNORECASE
)
_NOUN_AFTER = re.compile(r",?\s+(?!(?:and|or|to|in|on|at|by|of|for|from|with|when|as|that|which)\b)[A-Za-z]")
_REPORTED_WHEN = re.compile(rf"\b(?:{_REPORT_WORDS}|announces|reports|confirms|claimed|claims)\s+$")
# A report in the passive with its source: "announced by the ministry ", "released by KCNA ".
_REPORTED_BY = re.compile(
    r"\b(?:announced|disclosed|reported|released|published|unveiled|revealed|issued)\s+by\s+"
    r"(?:[\w'’.-]+\s+){1,5}$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:that|which|who|whom|whose|where)\s+(?:\w+\s+){0,3}?(?:\w+ed|had|has|have|was|were|is|are)\b"
)
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "has tested", "have now tested": told at a report's time, the perfect tells of a time
# before it.
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


# A reporting verb whose object is the event noun: "confirmed the launch of the missile".
_REPORT_VERB = (
    r"\b(?:confirmed|confirms|announced|announces|reported|reports|disclosed|discloses|revealed|reveals"
    r"|acknowledged|acknowledges|publicized|publicised)\s+"
)
_DETERMINER = r"(?:the|its|their|a|an|this)\s+"  # not "that": "reported that it fired"
_REPORTS_NOUN = re.compile(rf"{_REPORT_VERB}{_DETERMINER}(?:[\w'’-]+\s+){{0,3}}\Z", re.IGNORECASE)
# The trigger opens with its own determiner ("the launch"): the verb stands right before it.
_REPORTS_RIGHT_BEFORE = re.compile(rf"{_REPORT_VERB}\Z", re.IGNORECASE)
_OPENS_DETERMINED = re.compile(_DETERMINER, re.IGNORECASE)


# "confirmed the launch took place on Wednesday": the noun has a verb of its own, which the time dates.
_OWN_PREDICATE = re.compile(
    r"\b(?:took\s+place|takes\s+place|occurred|happened|was|were|came|began|started|ended)\b", re.IGNORECASE
)


def _report_object(text: str, m: EventMention) -> bool:
    """Whether `m` is a noun a reporting verb takes as its object ("confirmed the launch")."""
    lo, start = max(0, m.trigger.start - 60), m.trigger.start
    if _REPORTS_NOUN.search(text, lo, start) is not None:
        return True
    return (
        _OPENS_DETERMINED.match(m.trigger.text) is not None
        and _REPORTS_RIGHT_BEFORE.search(text, lo, start) is not None
    )


def _earlier_than_report(text: str, t: TimeRef, m: EventMention) -> bool:
    """Whether `m` is reported in the perfect after the time dating the report:
    "confirmed on Monday that it had deployed troops", "said on Friday it has tested
    a missile" (done before the day it was told).

    The present perfect and a complement with no "that" ("said on Friday it has
    tested") count only after a reporting verb: "Since April it has deployed
    troops" is dated by its time.
    """
    assert t.span is not None
    start = m.trigger.start
    if t.span.end > start:
        return False
    low = f" {m.trigger.text.lower()} "
    before = text[max(0, start - 32) : start]  # "had " and one adverb ("successfully ")
    if " had " in low or _PAST_PERFECT.search(before):
        return _THAT.search(text, t.span.end, start) is not None
    if not (" has " in low or " have " in low or _PRESENT_PERFECT.search(before)):
        return False
    ts = t.span.start
    return _REPORTED_WHEN.search(text, max(0, ts - 24), ts) is not None and (
        _THAT.search(text, t.span.end, start) is not None or words_at_most(text, t.span.end, start, 4)
    )


# An agreement's infinitive complement: "agreed to complete the guidelines ...".
_AGREED_TO = re.compile(r"\s+to\s+[a-z]", re.IGNORECASE)


def _dates_its_anchor(t: TimeRef) -> bool:
    """Whether `t` is an offset from a named anchor already resolved from the present
    ("comes a day ahead of the birthday"): its date is the anchor's, not the clause's."""
    if t.date is None:
        return False
    delta = offset_of(t.text)
    return delta is not None and delta.anchored


# "sanctions on ships involved in transporting munitions": the act describes who is
# targeted; the sentence's own time (the sanctions') does not date it.
_INVOLVED_IN = re.compile(
    r"\b(?:(?:involved|engaged|implicated|complicit|instrumental|participating|participated)\s+in"
    r"|responsible\s+for)\s+\Z",
    re.IGNORECASE,
)


_COORDINATED = re.compile(
    r"\s*(?:or|and|but)(?:\s+(?:even|also|then|perhaps|possibly|later))?\s*\Z", re.IGNORECASE
)


def _refusal(lex: EventLexicon) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """The refusal pattern (a refusing verb, then only the `between` words, at the end) and its types."""
    key = "binding.refusal"
    if key not in lex.cache:
        table = lex.data.get("refusal", {})
        verbs, between = table.get("verbs", []), table.get("between", [])
        found = None
        if verbs:
            gap = "|".join(re.escape(w) for w in sorted(between, key=len, reverse=True))
            found = (
                re.compile(
                    rf"(?<![\w'’-])(?:{'|'.join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))})"
                    rf"\s+(?:(?:{gap})\s+){{0,3}}\Z",
                    re.IGNORECASE,
                ),
                frozenset(table.get("types", ())),
            )
        lex.cache[key] = found
    cached: tuple[re.Pattern[str], frozenset[str]] | None = lex.cache[key]
    return cached


def bind_times(text: str, mentions: list[EventMention], times: list[TimeRef]) -> None:
    """Give each mention the time expression that governs it (see the module docstring)."""
    sentence_level: TimeRef | None = None
    bound: set[int] = set()
    for k, t in enumerate(times):
        assert t.span is not None
        ts, te = t.span.start, t.span.end
        # "said on Tuesday it had tested a missile on Monday": with another time to come,
        # a time right after a reporting verb dates the report only.
        reported = k + 1 < len(times) and _REPORTED_WHEN.search(text, max(0, ts - 24), ts) is not None
        if _REPORTED_BY.search(text, max(0, ts - 70), ts):
            # "The targets announced by the ministry on Wednesday include ships involved in
            # moving munitions": the day is the announcement's, not the happening it reports.
            continue
        if _DEADLINE.search(text, max(0, ts - 24), ts) or _DEADLINE_TEXT.match(t.text):
            # "agreed to finish the guidelines by the middle of next year": a deadline,
            # not when the event happened.
            continue
        inside = [i for i, m in enumerate(mentions) if m.trigger.start < te and ts < m.trigger.end]
        if t.precision is Precision.YEAR and _OBJECT_DATED.search(text, max(0, ts - 60), ts) and not any(
            m.type is EventType.AGREEMENT
            for m in mentions
            if m.trigger.start < ts and ts - m.trigger.end < 80
        ):
            # "declared the agreement with Seoul in 2018 void": the year is the
            # agreement's; the act is dated elsewhere in the sentence, or not at all.
            continue
        # An agreement's year is its signing's ("signed the 1953 armistice"); only other
        # acts upon the thing named keep clear of its year.
        of_own = any(mentions[i].type is EventType.AGREEMENT or mentions[i].kind != "verb" for i in inside)
        attributive = _ATTRIBUTIVE_BEFORE.search(text, max(0, ts - 8), ts) and _NOUN_AFTER.match(text, te)
        if attributive and not of_own:
            # "scrapped the 2018 military agreement": the year says which agreement, and dates
            # no act around it; "the 2014 attack on Sony" dates the noun it opens.
            nxt = next((i for i, m in enumerate(mentions) if m.trigger.start >= te), None)
            past = te + 1 if text[te : te + 1] == "," else te  # "the Aug. 2, 2022, Nomad Heist"
            if (
                not inside
                and nxt is not None
                and words_at_most(text, te, mentions[nxt].trigger.start, 3)
                and first_clause_break(text, past, mentions[nxt].trigger.start) == -1
            ):
                _set_time(mentions, nxt, t, bound)
            continue
        if inside:
            target = inside[0] if len(inside) == 1 else inside[-1]
            _set_time(mentions, target, t, bound)
            continue
        nxt = next((i for i, m in enumerate(mentions) if m.trigger.start >= te), None)
        if nxt is not None and _RELATIVE_TO.search(t.text):
            # "The launch came five days after the North test-fired an ICBM": the
            # offset dates the event it names, not the one before it.
            nxt_start = mentions[nxt].trigger.start
            # "a few weeks before Seoul in March opened talks": the event
            # named has a time of its own, which dates it instead.
            # Nor "days ahead of the vote on April 10": a time right after it is its own.
            own = any(
                u.span is not None and te <= u.span.start and u.span.end <= nxt_start for u in times[k + 1 :]
            ) or _owns_later(text, mentions[nxt], times[k + 1 :])
            if (
                not own
                and words_at_most(text, te, nxt_start, 8)
                and first_clause_break(text, te, nxt_start) == -1
            ):
                _set_time(mentions, nxt, t, bound)
                continue
        prev = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].trigger.end <= ts), None)
        if (
            prev is not None
            and nxt is None
            and mentions[prev].type is EventType.AGREEMENT
            and _AGREED_TO.match(text, mentions[prev].trigger.end, ts)
        ):
            # "agreed to finish the guidelines next year": the time is the agreed act's
            # (with an event after it, the rules below decide as before).
            continue
        if prev is not None and _dates_its_anchor(t):
            # "the report of a missile test comes a day ahead of the birthday": resolved
            # from the present, the date is the anchor's; the clause's event is now.
            continue
        if (
            prev is not None
            and first_clause_break(text, mentions[prev].trigger.end, ts) != -1
            and _report_object(text, mentions[prev])
            and not _OWN_PREDICATE.search(text, mentions[prev].trigger.end, ts)
        ):
            # "confirmed the launch of the missile, dubbed X, on Friday": set off from the
            # noun, the time dates the report ("confirmed the launch of X on Thursday" stays).
            continue
        if prev is not None:
            prev_end = mentions[prev].trigger.end
            # "tested an ICBM and in early November it fired ...": a time right after the
            # conjunction opens the next conjunct, whose event follows.
            opens_next = (
                nxt is not None
                and _FRONTED_TIME.search(text, max(prev_end, ts - 8), ts) is not None
                and _FRONTED_LEAD.match(t.text) is not None
            )
            if (
                words_at_most(text, prev_end, ts, 6)
                and first_clause_break(text, prev_end, ts) == -1
                and prev not in bound
                and not opens_next
            ):
                _set_time(mentions, prev, t, bound)
                _share_with_governor(text, mentions, prev, t, bound)
                continue
        if nxt is not None and not reported and not mentions[nxt].trigger.text.lower().startswith("for "):
            nxt_start = mentions[nxt].trigger.start
            gap = text[te:nxt_start]
            # "confirmed on Monday that it had deployed troops": a time before "that"
            # dates the reporting verb, not the event its clause reports.
            if (
                words_at_most(text, te, nxt_start, 3)
                and first_clause_break(text, te, nxt_start) == -1
                and not NEW_CLAUSE.search(gap)
                and not _THAT.search(gap)
                and not (prev is not None and _owns_later(text, mentions[nxt], times[k + 1 :]))
                and not _earlier_than_report(text, t, mentions[nxt])
            ):
                _set_time(mentions, nxt, t, bound)
                continue
        if prev is None:
            # "Weeks later, on Tuesday, March 4, ...": the date written out apart says more (not
            # "a day after the announcement on Monday": that day is the anchor's).
            vague = (
                sentence_level is not None
                and sentence_level.date is None
                and sentence_level.span is not None
                and "," in text[sentence_level.span.end : ts]
            )
            if sentence_level is None or (vague and t.date is not None and offset_of(sentence_level.text)):
                sentence_level = t
            continue
        gap = text[mentions[prev].trigger.end : ts]
        # "deployed to Kursk, where they drove out forces that crossed the border last
        # August": a time inside a relative clause dates that clause's verb.
        # "..., and on Friday Obama said": a time opening the next coordinated clause.
        if (
            not _REPORTING.search(gap)
            and not _RELATIVE.search(gap)
            and not _NEXT_CLAUSE.search(gap)
            and not (_FRONTED_TIME.search(gap) and _FRONTED_LEAD.match(t.text))
        ):
            _set_time(mentions, prev, t, bound)
    _time_to_governor(text, mentions)
    for i, m in enumerate(mentions):
        if i in bound:
            continue
        at = _time_before_connective(text, m, times)
        if at is not None:
            # "tension rose sharply on Monday night, as gunners shelled the island": the
            # clause a co-temporal connective opens happens at the time just before it.
            m.time = at
            continue
        if i > 0 and mentions[i - 1].time is not None:
            gap = text[mentions[i - 1].trigger.end : m.trigger.start]
            prior = mentions[i - 1].time
            assert prior is not None
            # "held a meeting with Shoigu, on Wednesday, during his visit": what follows
            # the time decides whether the next clause shares it.
            after = (
                text[prior.span.end : m.trigger.start]
                if prior.span is not None and mentions[i - 1].trigger.end <= prior.span.end <= m.trigger.start
                else gap
            )
            if not NEW_CLAUSE.search(gap) or _participle_after(gap, m) or _shares_time(after, m, prior):
                m.time = mentions[i - 1].time
                continue
        if (
            sentence_level is not None
            and (
                (
                    not m.anaphoric
                    and not _PRONOUN_OWNED.search(text, max(0, m.trigger.start - 40), m.trigger.start)
                )
                # "it conducted its fourth nuclear test": the object of an act, told now.
                or _ACT_OWNED.search(text, max(0, m.trigger.start - 60), m.trigger.start) is not None
            )
            and not _earlier_than_report(text, sentence_level, m)
            and not _INVOLVED_IN.search(text, max(0, m.trigger.start - 30), m.trigger.start)
            # "It fired on April 5; the Council met on April 13; Pyongyang then ...": a
            # semicolon closes the clause the opening time governs.
            and (sentence_level.span is None or ";" not in text[sentence_level.span.end : m.trigger.start])
        ):
            # "On Sunday a court approved a warrant tied to his martial law bid": a
            # determined noun names an event known already, not one the sentence dates.
            # An opening time comes first: "In January, it tested a bomb and launched a
            # rocket in February" dates the test in January.
            m.time = sentence_level
            continue
        if i + 1 < len(mentions) and _coordinated_before(text, m, mentions[i + 1]):
            m.time = mentions[i + 1].time
    _undate_topics(text, mentions)
    _date_from_gathering(text, mentions)


# Words that end the clause a trigger opens.
_CLAUSE_END = re.compile(
    r"[;.]|\b(?:and|but|after|before|since|following|until|while|as|when|where|which|who)\b"
)


def _owns_later(text: str, m: EventMention, later: list[TimeRef]) -> bool:
    """Whether a time after `m`'s trigger, in its clause, is `m`'s own.

    "the tourist who was freed by North Korea on May 2 died in a clinic in Seoul on
    Friday": "on May 2" stands just before "died", but "died" has its own time; the
    earlier one belongs to the release.
    """
    for u in later:
        if u.span is None or u.span.start < m.trigger.end:
            continue
        return _CLAUSE_END.search(text, m.trigger.end, u.span.start) is None and words_at_most(
            text, m.trigger.end, u.span.start, 12
        )
    return False


_GOVERNED = re.compile(r"\s+to\s+(?:[\w'’-]+\s+){0,2}\Z", re.IGNORECASE)


def _time_to_governor(text: str, mentions: list[EventMention]) -> None:
    """A time after an intended act dates the agreeing, not the act agreed.

    "The ministers agreed to launch the drills in early June": the drills are to
    come (hypothetical); early June is when they agreed.
    """
    for a, b in itertools.pairwise(mentions):
        t = b.time
        if (
            a.time is None
            and a.mood == "plain"
            and b.mood in ("hypothetical", "future")
            and t is not None
            and t.span is not None
            and t.span.start >= b.trigger.end
            and _GOVERNED.search(text, a.trigger.end, b.trigger.start) is not None
        ):
            a.time, b.time = t, None


def _coordinated_before(text: str, m: EventMention, nxt: EventMention) -> bool:
    """Whether `m` and `nxt` are clauses joined by a bare "and" that a time at its end dates both.

    "North Korea fired 200 shells into the island and the navy returned fire after
    2:34 p.m.": the time closing the second clause is the time of the pair.
    """
    t = nxt.time
    if t is None or t.span is None or t.span.start < nxt.trigger.end:
        return False
    gap = text[m.trigger.end : nxt.trigger.start]
    if _AND.search(gap) is None or NEW_CLAUSE.search(gap) or _REPORTING.search(gap):
        return False
    # Only the last clause's own closing time: nothing but its words stand between.
    return first_clause_break(text, nxt.trigger.end, t.span.start) == -1 and not NEW_CLAUSE.search(
        text, nxt.trigger.end, t.span.start
    )


_AND = re.compile(r"\band\b")


def _participle_after(gap: str, m: EventMention) -> bool:
    """Whether `m` opens a participle clause after a comma ("declared martial law on
    Dec. 3, sending troops to parliament"): it happened when the clause before did."""
    head = gap.rstrip()
    return head.endswith(",") and m.trigger.first_word().endswith("ing") and not NEW_CLAUSE.search(head[:-1])


# A clause joined by a co-temporal connective happens when the clause before it
# did: "fired a missile on Friday, as the envoy was arriving in Tokyo", "..., on
# the same day that ...", "... while Kim was visiting Moscow"; so does one telling
# what it set off: "fired 17 missiles on Wednesday, causing an air raid warning",
# "..., prompting Seoul to scramble jets", "..., where residents took cover".
_SHARING = re.compile(
    r"\s*(?:and\s+|but\s+)?(?:just\s+|even\s+|all\s+|initially\s+)?(?:as|while|when|where|during|amid"
    r"|coinciding\s+with|on\s+the\s+same\s+day|at\s+the\s+same\s+time|causing|triggering|prompting|forcing"
    r"|sparking|leading\s+to|resulting\s+in)\b",
    re.IGNORECASE,
)
# "inspected a factory on Monday before flying to Vladivostok": the subject's next act,
# a participle after "before", goes on in the same span of time.
_BEFORE_PARTICIPLE = re.compile(r"\bbefore\s*\Z", re.IGNORECASE)


# A reporting aside between commas: ", South Korea's military said,".
_REPORTING_ASIDE = re.compile(rf"[^,;]{{0,60}}\b(?:{_REPORT_WORDS})\s*", re.IGNORECASE)


def _shares_time(gap: str, m: EventMention, prior: TimeRef | None) -> bool:
    """Whether the clause `m` opens shares the time (`prior`) of the clause before, across `gap`.

    Every break in `gap` must be a comma or semicolon opening a sharing clause
    (`_SHARING`); "after", "since" or a reporting verb hand the time on no further.
    """
    breaks = list(NEW_CLAUSE.finditer(gap))
    if breaks and all(brk.group(0) in ",;" for brk in breaks):
        ends = [b.start() for b in breaks[1:]] + [len(gap)]
        sharing = True
        for k, (brk, end) in enumerate(zip(breaks, ends, strict=True)):
            if _SHARING.match(gap, brk.end()) is not None:
                # The shared clause itself reports nothing: "..., as Seoul said ..." dates the saying.
                sharing = sharing and not _REPORTING.search(gap, brk.end(), end)
            elif k + 1 < len(breaks) and _REPORTING_ASIDE.fullmatch(gap, brk.end(), end):
                continue  # "fired on Monday, the military said, causing ...": an aside
            else:
                sharing = False
        if sharing:
            return True
    before = _BEFORE_PARTICIPLE.search(gap)
    # Only a day goes on to the next act: "next week before travelling on" names no day for it.
    day = prior is not None and prior.precision is Precision.DAY
    if before is not None and day and m.trigger.first_word().endswith("ing"):
        return not NEW_CLAUSE.search(gap, 0, before.start())
    return False


# ... right after a verb of doing: "conducted its fourth nuclear test".
_ACT_OWNED = re.compile(
    r"\b(?:conducted|carried\s+out|staged|held|performed|made|launched|tested|began|started)\s+"
    r"(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}$"
)
# A possessive pronoun just before a trigger ("his martial law bid", "its last test").
_PRONOUN_OWNED = re.compile(r"\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}$")


# A comma, a co-temporal connective and the clause's subject, up to the trigger.
_CONNECTIVE_BEFORE = re.compile(
    r"\s*,\s*(?:just\s+|even\s+|all\s+)?(?:when|as|while)\s+(?:[\w'’.-]+\s+){0,5}?\Z", re.IGNORECASE
)


def _time_before_connective(text: str, m: EventMention, times: list[TimeRef]) -> TimeRef | None:
    """The time closing the clause before `m`'s, when `m`'s clause opens with "when", "as"
    or "while" right after it: "..., some 30 minutes on, when the batteries replied".

    Examples:
        >>> from koreabrief.extraction.triggers import EventLexicon
        >>> from koreabrief.extraction.mention import EventMention
        >>> t = "It was aimed at the speakers on Thursday, when it lobbed a shell."
        >>> g = [g for g in EventLexicon.default().find(t) if g.trigger.type.value == "artillery_fire"][0]
        >>> m = EventMention(type=g.trigger.type, kind=g.trigger.kind, trigger=g, sentence=None)
        >>> _time_before_connective(t, m, find_times(t)).text
        'on Thursday'
    """
    start = m.trigger.start
    before = [u for u in times if u.span is not None and u.span.end <= start]
    if not before:
        return None
    t = before[-1]
    assert t.span is not None
    if start - t.span.end > 60 or _CONNECTIVE_BEFORE.match(text, t.span.end, start) is None:
        return None
    return t


# What talks were about, up to its trigger: "met to discuss the launch", "talks on Monday about the tests".
_TOPIC_OF_TALKS = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|about|talks\s+(?:on|over))\s+"
    r"(?:(?:the|its|their|his|her|a|this|that|these|those|recent|latest|last)\s+)?(?:[\w'’-]+\s+){0,3}?\Z",
    re.IGNORECASE,
)
_TALK_TYPES = frozenset({EventType.MEETING, EventType.SUMMIT})


def _undate_topics(text: str, mentions: list[EventMention]) -> None:
    """A happening the talks were about takes no date from the talks.

    "The envoys met on Wednesday to discuss the launch": Wednesday dates the meeting;
    the launch happened before and is dated where the story tells of it.
    """
    for m in mentions:
        t = m.time
        if t is None or m.type in _TALK_TYPES:
            continue
        start = m.trigger.start
        if _TOPIC_OF_TALKS.search(text, max(0, start - 60), start) is None:
            continue
        if any(o is not m and o.type in _TALK_TYPES and o.time == t for o in mentions):
            m.time = None


# Talks held in the margins of a gathering, up to the gathering's trigger.
_IN_MARGINS_OF = re.compile(
    r"\bon\s+the\s+(?:sidelines|margins|fringes?)\s+of\s+(?:the\s+|a\s+|an\s+|this\s+|last\s+)?"
    r"(?:[\w'’.-]+\s+){0,6}?\Z",
    re.IGNORECASE,
)


def _date_from_gathering(text: str, mentions: list[EventMention]) -> None:
    """Undated talks on the sidelines of a dated gathering happen during it.

    "The ministers met on the sidelines of the ASEAN summit in Vientiane in July": the
    month closes the summit's phrase and dates the talks held in its margins too.
    """
    for i, m in enumerate(mentions[:-1]):
        if m.time is not None or m.type not in _TALK_TYPES:
            continue
        n = mentions[i + 1]
        if n.type not in _TALK_TYPES or n.time is None:
            continue
        if _IN_MARGINS_OF.search(text, m.trigger.end, n.trigger.start) is not None:
            m.time = n.time


# A participle used as an adjective in a verb's object: "met (with) the visiting delegation".
_ATTRIBUTIVE_GAP = re.compile(r"\s+(?:with\s+)?(?:(?:the|a|an|his|her|their|its)\s+)?", re.IGNORECASE)


def _share_with_governor(
    text: str, mentions: list[EventMention], i: int, t: TimeRef, bound: set[int]
) -> None:
    """Give `t` also to the verb whose object holds the attributive participle `mentions[i]`.

    "Kim met the visiting Russian delegation on Tuesday": the day closes the clause of
    "met", so it dates the meeting as well as the visit its object's adjective tells of.
    """
    m = mentions[i]
    if i == 0 or not m.trigger.first_word().lower().endswith("ing"):
        return
    gov = mentions[i - 1]
    if gov.kind == "verb" and _ATTRIBUTIVE_GAP.fullmatch(text, gov.trigger.end, m.trigger.start):
        _set_time(mentions, i - 1, t, bound)


def _set_time(mentions: list[EventMention], i: int, t: TimeRef, bound: set[int]) -> None:
    if i not in bound:
        mentions[i].time = t
        bound.add(i)


def bind_quantities(
    mentions: list[EventMention], quants: list[Quantity], lex: EventLexicon
) -> list[list[Quantity]]:
    """The quantities each mention takes, in the order of `mentions`: each quantity
    goes to the nearest mention whose type takes its unit. The caller adds them.

    Examples:
        >>> from koreabrief.extraction.mention import EventMention
        >>> from koreabrief.extraction.quantities import find_quantities
        >>> lex = EventLexicon.default()
        >>> t = "Seoul held talks and Pyongyang fired 3 missiles."
        >>> ms = [EventMention(type=g.trigger.type, kind=g.trigger.kind, trigger=g, sentence=None)
        ...       for g in lex.find(t)]
        >>> [[q.value for q in qs] for qs in bind_quantities(ms, find_quantities(t), lex)]
        [[], [3.0]]
    """
    accepted = lex.data.get("units", {})
    taken: list[list[Quantity]] = [[] for _ in mentions]
    for q in quants:
        assert q.span is not None
        best: tuple[int, int] | None = None
        for i, m in enumerate(mentions):
            if q.unit not in accepted.get(m.type.value, ()):
                continue
            dist = max(0, m.trigger.start - q.span.end, q.span.start - m.trigger.end)
            if dist < _NEAR and (best is None or dist < best[0]):
                best = (dist, i)
        if best is not None:
            # Quantities are frozen: one keeping its unit is taken as it is, not copied.
            taken[best[1]].append(attrs.evolve(q, unit="meetings") if q.unit == "times" else q)
    return taken
