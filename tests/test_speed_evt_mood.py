"""`mood` skips finding the last words when no cue stands in the whole reach: same answers."""

from __future__ import annotations

import random

from koreabrief.extraction import binding
from koreabrief.extraction.binding import mood, words_before
from koreabrief.extraction.triggers import EventLexicon, TriggerMatch
from koreabrief.models import Span


def _reference(text: str, lex: EventLexicon, sent: Span, trig: TriggerMatch) -> str:
    """`mood` as it read before: the last words first, then the cues in them."""
    lo = words_before(text, sent.start, trig.start, 6)
    before = text[lo : trig.start]
    after = text[trig.end : min(sent.end, trig.end + 40)]
    gen, neg, hyp_b, hyp_a, fut_b, fut_a = (lex.cue(name) for name in binding._MOOD_CUES)
    if not binding._any_before(lex, before):
        gen = neg = hyp_b = fut_b = None
    if gen and gen.search(before):
        return "generic"
    if neg and neg.search(before):
        return "negated"
    if (hyp_b and hyp_b.search(before)) or (hyp_a and hyp_a.match(after.lstrip())):
        return "hypothetical"
    if binding._IF_CLAUSE.match(text, sent.start, trig.start):
        return "hypothetical"
    if (fut_b and fut_b.search(before)) or (fut_a and fut_a.match(after.lstrip())):
        return "future"
    return "plain"


def test_mood_matches_the_reading_of_the_last_words() -> None:
    lex = EventLexicon.default()
    trigger = lex.triggers[0]
    rng = random.Random(9)
    pieces = [
        "not",
        "NOT",
        "knot",
        "no-",
        "-not",
        "will",
        "wİll",
        "wıll",
        "could",
        "did not",
        "never",
        "routinely",
        "if",
        "the",
        "North",
        "Korea’s",
        "long-range",
        "x" * 30,
        ",",
        ", ",
        " - ",
        ";",
        "1,500",
        "said",
        "plans to",
        "may",
        "might",
        "expected to",
        "upcoming",
        "\n",
        "  ",
    ]
    checked = 0
    for _ in range(6000):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 40))]
        text = " ".join(words) + " fired missiles next week"
        start = text.rindex(" fired") + 1
        trig = TriggerMatch(trigger, start, start + 5, "fired")
        sent = Span(rng.randint(0, min(start, 20)), len(text))
        assert mood(text, lex, sent, trig) == _reference(text, lex, sent, trig), text
        checked += 1
    assert checked == 6000
