"""Fast paths answer exactly as the plain patterns they stand in for.

Several hot spots of extraction replace a regex search with a cheaper test (a
scan after a break character, a check on the lower-cased text, a backwards
count). Each property here builds texts from pieces chosen to hit the edges
(hyphens, apostrophes, non-ASCII letters that IGNORECASE folds specially, digits
after commas, non-breaking spaces) and compares the fast answer with the plain one.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from koreabrief.extraction.attribution import (
    _CUE_GLUE,
    _TRAILING_WORD,
    Context,
    _may_hold_document,
    _trailing_word,
)
from koreabrief.extraction.clauses import _DETERMINER, Sentence, determiner_before
from koreabrief.extraction.context import ascii_lower
from koreabrief.extraction.designee_words import DesigneeLexicon, find_attribution, starts_with, tokens
from koreabrief.extraction.events import _ANCHOR_CUE, _ANCHOR_PHRASE
from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.mentions import NameMention
from koreabrief.extraction.names import (
    _BODY_GLUE,
    _BODY_OF,
    _BODY_OF_TAILS,
    _CAPITALISED_BEFORE,
    _PRONOUN,
    _PRONOUN_GLUE,
    _TITLE_GLUE,
    _capitalised_before,
    _Finder,
    _spans,
    matches_after_break,
)
from koreabrief.extraction.sanction_cues import _twin_matches, sentence_sanctions
from koreabrief.extraction.sanction_lexicon import SanctionLexicon
from koreabrief.extraction.sanction_merge import entity_key
from koreabrief.extraction.sanction_reader import SentenceReader
from koreabrief.extraction.sentences import _ABBREVIATIONS, _TOKEN_BEFORE, _abbreviation_before
from koreabrief.extraction.statements import _JOINT_HINT, _joint_hinted
from koreabrief.extraction.text import (
    CLAUSE_BREAK,
    WORD,
    first_clause_break,
    last_clause_break_end,
    words_before,
)
from koreabrief.extraction.triggers import _WORD_START_AHEAD, ASCII_LOWER, CASE_EXTRAS, EventLexicon, _build
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Span

_EDGES = [" ", "  ", "\n", "\u00a0", "-", " - ", ",", ", ", ",1", "1,500", ",\u0661", ";", ":", "(", ")"]
_EDGES += ["\u2014", "\u2013", '"', "“", "”", "’s", "'", "x-y", "_", "é", "É", "İ", "ı", "ſ", "K", "²", "ª"]


def _range(data: st.DataObject, n: int) -> tuple[int, int]:
    """A drawn range ``start <= end`` inside a text of length `n`."""
    start = data.draw(st.integers(0, n))
    return start, data.draw(st.integers(start, n))


def _texts(words: list[str], *, sep: str = "", max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words + _EDGES), max_size=max_size).map(sep.join)


@given(_texts(["word", "North", "Korea"]), st.data())
def test_first_clause_break_is_the_search(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    m = CLAUSE_BREAK.search(text, pos, end)
    assert first_clause_break(text, pos, end) == (m.start() if m else -1)


@given(_texts(["word", "North", "Korea"]))
def test_last_clause_break_end_is_the_last_match(seg: str) -> None:
    assert last_clause_break_end(seg) == max((m.end() for m in CLAUSE_BREAK.finditer(seg)), default=0)


def _words_before_reference(text: str, lo: int, pos: int, count: int) -> int:
    base = max(lo, pos - 120)
    seg = text[base:pos]
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(seg)), default=0)
    words = list(WORD.finditer(seg, cut))
    return base + (words[-count].start() if len(words) > count else cut)


@given(_texts(["North", "Korea", "fired", "a"], max_size=80), st.data())
def test_words_before_matches_a_forward_reading(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, pos))
    for count in (0, 1, 2, 6, 40):
        assert words_before(text, lo, pos, count) == _words_before_reference(text, lo, pos, count)


_ANCHOR_WORDS = ["after", "AFTER", "Before", "SINCE", "untİl", "UNTıL", "prior to", "PRİOR TO", "ahead of"]
_ANCHOR_WORDS += ["following", "the following", "on the eve of", "in the run-up to", "the", "summit", "visit"]


@given(_texts(_ANCHOR_WORDS, sep=" ", max_size=12))
def test_anchor_cue_test_keeps_every_match(text: str) -> None:
    if _ANCHOR_PHRASE.search(text):
        assert _ANCHOR_CUE.search(text.lower()) or CASE_EXTRAS.search(text)


_DETERMINER_WORDS = ["the", "THE", "This", "thıs", "İts", "ſuch", "their", "Today’s", "MONDAY's", "new"]
_DETERMINER_WORDS += ["Big", "Kilo", "ſmall", "9", "Σ", "ΣΑ", "war"]


@given(_texts(_DETERMINER_WORDS, sep=" ", max_size=12), st.data())
def test_determiner_on_lowered_text_is_the_ignorecase_search(words: str, data: st.DataObject) -> None:
    text = words + " drills"
    hi = len(words)
    lo = data.draw(st.integers(0, hi))
    s = Sentence(text, Span(0, len(text)), [], frozenset(), lowered=ascii_lower(text))
    assert determiner_before(s, lo, hi) == (_DETERMINER.search(text, lo, hi) is not None)


_NAME_WORDS = [
    "foreign minister",
    "Minister",
    "the ministry",
    "vice-president",
    "president",
    "prime minister",
]
_NAME_WORDS += ["he", "she", "they", "it", "who", "whose", "He", "It", "x", ".", "2", "ministry", "office"]
_NAME_WORDS += ["adm.", "ambassador to the un", "military"]


@given(_texts(_NAME_WORDS, max_size=40))
def test_name_scans_after_a_break_are_finditer(text: str) -> None:
    lex = Lexicon.default()
    cases = [
        (lex.pattern("title.lower"), _TITLE_GLUE),
        (lex.pattern("body.lower"), _BODY_GLUE),
        (_PRONOUN, _PRONOUN_GLUE),
    ]
    for pattern, glue in cases:
        for t in (text, text.lower()):
            assert list(_spans(pattern, glue, t)) == [m.span() for m in pattern.finditer(t)]


_BEFORE_WORDS = ["with", "With", "of", "met", "2with", "xwith", "Kim", "said", "accompanied", "  ", "\n\n"]
_BEFORE_WORDS += ["Ministry", "People Power", "Choe’s", "a" * 25 + "with", "Park Jin", "UN", "O'Neil"]


@given(_texts(_BEFORE_WORDS, sep=" "), st.data())
def test_subject_fast_path_is_the_letter_run_reading(text: str, data: st.DataObject) -> None:
    """A mention's `subject` flag reads the word before it as `_is_subject` does."""
    text += "Kim"  # a mention starts before the text's end
    start = data.draw(st.integers(0, len(text) - 1))
    finder = _Finder(text, Gazetteer.default(), Lexicon.default(), [Span(0, len(text))], ())
    assert finder._subject(start) == finder._is_subject(start)


@given(_texts(_BEFORE_WORDS, sep=" "), st.data())
def test_capitalised_word_before_is_the_window_search(text: str, data: st.DataObject) -> None:
    """The capitalised word before a body word is found as the 42-character window search finds it."""
    pos = data.draw(st.integers(0, len(text)))
    fast = _capitalised_before(text, pos)
    plain = _CAPITALISED_BEFORE.search(text, max(0, pos - 42), pos)
    assert (fast.span(1) if fast else None) == (plain.span(1) if plain else None)


_LABEL_WORDS = ["said", "Statement", "memoir", ":", ", ", " -- ", "—", "’", "'", "-", "\n", "x_y", "٣"]
_LABEL_WORDS += ["said:"]


@given(_texts(_LABEL_WORDS, sep=" "))
def test_trailing_word_is_the_full_search(before: str) -> None:
    """The last word before a quotation is the one the pattern finds searching from the start."""
    fast, plain = _trailing_word(before), _TRAILING_WORD.search(before)
    assert (fast.span(1) if fast else None) == (plain.span(1) if plain else None)


_CUE_WORDS = ["sanctioned", "SANCTIONED", "Sanctions", "were imposed on", "blacklisted", "was", "lifted"]
_CUE_WORDS += [
    "against",
    "the",
    "Treasury",
    "designated",
    "Designated",
    "under",
    "froze",
    "assets",
    "of",
    "x-",
]


@given(_texts(_CUE_WORDS, sep=" ", max_size=16), st.data())
def test_sanction_cues_from_the_lowered_twin_are_the_finditer(words: str, data: st.DataObject) -> None:
    """Sanction cues found by the lower-case twin on lower-cased text, each read again by the
    full pattern at its place, are the full pattern's own scan (texts with no CASE_EXTRAS)."""
    lex = SanctionLexicon.default()
    assert lex.lowered is not None
    text = CASE_EXTRAS.sub("x", words)
    start, end = _range(data, len(text))
    reader = SentenceReader(text, Span(start, end), [], lex, [], lowered=ascii_lower(text))
    direct = [(m.span(), m.lastgroup) for m in lex.pattern.finditer(text, start, end)]
    assert [(f.action, f.status) for f in sentence_sanctions(reader, None)] == [
        (f.action, f.status)
        for f in sentence_sanctions(SentenceReader(text, Span(start, end), [], lex, []), None)
    ]
    twin = lex.lowered.finditer(ascii_lower(text), start, end)
    found = [lex.pattern.match(text, q.start(), end) for q in twin]
    assert [(m.span(), m.lastgroup) for m in found if m is not None] == direct


_BODY_OF_WORDS = ["Institute", "Center", "Council", "Society", "for", "of", "on", "the", "The", "Peace"]


@given(_texts(_BODY_OF_WORDS, sep=" ", max_size=12))
def test_body_of_gate_keeps_every_match(text: str) -> None:
    """The suffix test in front of `_BODY_OF` never skips a text the pattern matches."""
    for pos in range(len(text) + 1):
        if _BODY_OF.search(text, max(0, pos - 80), pos) is not None:
            assert text.endswith(_BODY_OF_TAILS, 0, pos)


_DOCUMENT_WORDS = [
    "the",
    "Statement",
    "statements",
    "REPORT",
    "ſtatement",
    "ı",
    "İ",
    "communiqué",
    "said",
    "x",
]


@given(_texts(_DOCUMENT_WORDS, sep=" ", max_size=12), st.data())
def test_document_gate_keeps_every_match(text: str, data: st.DataObject) -> None:
    """The substring test in front of the document pattern never skips a window it matches in."""
    lex = Lexicon.default()
    ctx = Context(text, [], [], [], lex)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    if lex.pattern("document").search(text, lo, hi) is not None:
        assert _may_hold_document(ctx, lo, hi)


def test_document_gate_leaves_case_folding_letters_to_the_pattern() -> None:
    """ "ſ" matches "s" under `re.IGNORECASE` but not after `str.lower`; "İ" lower-cases to two."""
    lex = Lexicon.default()
    for text in ["the ſtatement said", "İİİİ the report said"]:
        ctx = Context(text, [], [], [], lex)
        match = lex.pattern("document").search(text)
        assert match is not None
        assert _may_hold_document(ctx, match.start(), match.end())


_LIST_WORDS = ["Ri", "Kim", "and", ",", ", ", "said", "SAID", "Said.", "according", "to", "Treasury"]
_LIST_WORDS += ["it", "which", "told", "Told", "ſaid", "Σ", "ΣAID", "Co.", "Ltd.", "U.S.", "x"]


_RELATIVE_WORDS = ("it", "they", "he", "she", "we", "which", "who", "that")


def _find_attribution_reference(text: str, start: int, end: int, lex: DesigneeLexicon) -> int:
    """`find_attribution` read over every token, with no gate in front."""
    toks = tokens(text, start, end, lex)
    for i, tok in enumerate(toks):
        if tok.text != ",":
            continue
        for k in range(i + 1, min(len(toks), i + 9)):
            if toks[k].text in ",;:()":
                break
            if starts_with(toks, k, lex.attribution):
                relative = any(t.low in _RELATIVE_WORDS for t in toks[i + 1 : k])
                if relative and any(t.text == "," for t in toks[k:]):
                    break
                return tok.start
    return end


@given(_texts(_LIST_WORDS, sep=" ", max_size=16), st.data())
def test_attribution_gate_cuts_where_the_token_scan_does(words: str, data: st.DataObject) -> None:
    """The comma and first-word tests in front of `find_attribution` never change where it cuts."""
    lex = DesigneeLexicon.default()
    start, end = _range(data, len(words))
    assert find_attribution(words, start, end, lex) == _find_attribution_reference(words, start, end, lex)


@given(_texts(_LIST_WORDS, sep=" ", max_size=16))
def test_tokens_read_the_same_twice(words: str) -> None:
    """A word's capital test and lower case, remembered from one call, are those worked out afresh."""
    lex = DesigneeLexicon.default()
    first = tokens(words, 0, len(words), lex)
    lex.word_info.clear()
    assert tokens(words, 0, len(words), lex) == first


@given(_texts(_CUE_WORDS, sep=" ", max_size=16), st.data())
def test_sanction_cue_scan_resumed_at_the_first_match_reads_the_same(words: str, data: st.DataObject) -> None:
    """The cues read from the first match of the quick scan on are those read from the sentence's start."""
    lex = SanctionLexicon.default()
    assert lex.lowered is not None
    text = CASE_EXTRAS.sub("x", words)
    start, end = _range(data, len(text))
    low = ascii_lower(text)
    first = lex.lowered.search(low, start, end)
    if first is None:
        return
    reader = SentenceReader(text, Span(start, end), [], lex, [], lowered=low)
    assert sentence_sanctions(reader, None, scan_from=first.start()) == sentence_sanctions(reader, None)


_GATE_WORDS = [*_CUE_WORDS, "resolutions", "resolution", "council", "banned", "imports", "un", "ban"]


@given(_texts(_GATE_WORDS, sep=" ", max_size=16), st.data())
def test_sanction_cue_gate_finds_the_first_cue_where_the_twin_does(words: str, data: st.DataObject) -> None:
    """The cue gate's first match on lower-cased text starts where the lower-case twin's does."""
    lex = SanctionLexicon.default()
    assert lex.lowered is not None
    assert lex.gate is not None
    low = ascii_lower(CASE_EXTRAS.sub("x", words))
    start, end = _range(data, len(low))
    twin, gate = lex.lowered.search(low, start, end), lex.gate.search(low, start, end)
    assert (gate.start() if gate else None) == (twin.start() if twin else None)


@given(_texts(_GATE_WORDS, sep=" ", max_size=16), st.data())
def test_sanction_cues_sought_by_the_gate_are_the_twins_finditer(words: str, data: st.DataObject) -> None:
    """The lower-case twin's matches, each sought by the gate first, are the twin's own scan."""
    lex = SanctionLexicon.default()
    assert lex.lowered is not None
    low = ascii_lower(CASE_EXTRAS.sub("x", words))
    start, end = _range(data, len(low))
    direct = [(m.span(), m.lastgroup) for m in lex.lowered.finditer(low, start, end)]
    assert [(m.span(), m.lastgroup) for m in _twin_matches(lex, low, start, end)] == direct


@given(_texts(_GATE_WORDS, sep=" ", max_size=16), st.data())
def test_one_cue_read_at_the_twins_place_is_the_full_pattern(words: str, data: st.DataObject) -> None:
    """The cue the twin names, read alone at its place on the text, is what the full pattern reads there."""
    lex = SanctionLexicon.default()
    assert lex.lowered is not None
    text = CASE_EXTRAS.sub("x", words)
    end = data.draw(st.integers(0, len(text)))
    for q in lex.lowered.finditer(ascii_lower(text), 0, end):
        assert q.lastgroup is not None
        one = lex.cue_patterns[int(q.lastgroup[1:])].match(text, q.start(), end)
        full = lex.pattern.match(text, q.start(), end)
        assert (one.span(), one.lastgroup, one.group(0)) == (full.span(), full.lastgroup, full.group(0))


_PROGRAM_WORDS = ["UN", "u.n.", "Security", "Council", "resolution", "2270", "Executive", "Order", "13722"]
_PROGRAM_WORDS += ["eo", "CAATSA", "Global", "Magnitsky", "Act", "the", "x-"]


@given(_texts(_PROGRAM_WORDS, sep=" ", max_size=10), st.data())
def test_programme_gate_finds_a_programme_where_the_alternation_does(words: str, data: st.DataObject) -> None:
    """The gated programme test answers as the plain alternation of every programme's patterns."""
    lex = SanctionLexicon.default()
    bodies = "|".join(f"(?:{'|'.join(item['patterns'])})" for item in lex.data["program"])
    plain = re.compile(rf"(?<![\w-])(?:{bodies})(?![\w-])", re.IGNORECASE)
    start, end = _range(data, len(words))
    found, direct = lex.any_program.search(words, start, end), plain.search(words, start, end)
    assert (found.start() if found else None) == (direct.start() if direct else None)


@given(_texts(["the", "The", "Kim", "Yo-jong", "Bank", "’s", "(", ")"], sep=" ", max_size=8))
def test_remembered_entity_key_is_worked_out_afresh(name: str) -> None:
    """A target name's key, remembered across calls, is the key computed anew."""
    assert entity_key(name) == entity_key.__wrapped__(name)
    assert entity_key(name) == entity_key.__wrapped__(name)


def _find_reference(lex: EventLexicon, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Every word start tried against one alternation of all the patterns, leftmost first."""
    every = _build([(i, body) for i, body, _, _ in lex._entries])
    assert every is not None
    low = text.translate(ASCII_LOWER)
    out: list[tuple[int, int, str]] = []
    pos = start
    while (at := _WORD_START_AHEAD.search(low, pos, end)) is not None:
        m = every.match(low, at.start(), end)
        if m is not None and m.lastgroup is not None and m.end() > m.start():
            out.append((m.start(), m.end(), lex._by_group[m.lastgroup].type.value))
            pos = m.end()
        else:
            pos = at.start() + 1
    return out


# Patterns of three shapes: literal starts, a class start (looked ahead for whole), a back-reference.
_TRIGGER_DATA = {
    "trigger": [
        {"type": "missile_launch", "kind": "verb", "patterns": ["fired ... missiles?", "launch(?:ed)?"]},
        {"type": "meeting", "kind": "noun", "patterns": ["[a-z]{2,8}-[a-z]{2,8} talks(?! with)"]},
        {"type": "protest", "kind": "noun", "patterns": ["(ra)\\1lly", "rally"]},
    ]
}
_TRIGGER_WORDS = ["fired", "FIRED", "two", "missiles", "missile", "launched", "launch", "kim-moon", "talks"]
_TRIGGER_WORDS += ["with", "rarally", "rally", "Rally", "north", "troops", "sent", "visit", "to", "the"]


@given(_texts(_TRIGGER_WORDS, sep=" ", max_size=16), st.data())
def test_trigger_scan_finds_what_every_word_start_does(words: str, data: st.DataObject) -> None:
    """`EventLexicon.find` (a scan for word starts some pattern can match, then the patterns of
    the start's first two characters) finds what trying all patterns at every word start does."""
    start, end = _range(data, len(words))
    for lex in (EventLexicon.default(), EventLexicon.from_data(_TRIGGER_DATA)):
        found = [(m.start, m.end, m.trigger.type.value) for m in lex.find(words, start, end)]
        assert found == _find_reference(lex, words, start, end)


_JOINT_WORDS = ["the", "two", "Two", "LEADERS", "leaders", "both", "BOTH", "they", "THEY", "pair", "men"]
_JOINT_WORDS += ["heads", "of", "state", "Presidents", "preſidents", "paİr", "paır", "boTh", "duo", "x"]


@given(_texts(_JOINT_WORDS, sep=" ", max_size=12), st.data())
def test_joint_hint_on_the_lowered_window_is_the_ignorecase_search(words: str, data: st.DataObject) -> None:
    """The joint-statement gate read on the lower-cased window says what the case-insensitive
    search says, letters that fold specially ("ſ", "İ", "ı") included."""
    start, end = _range(data, len(words))
    assert _joint_hinted(words, start, end) == (_JOINT_HINT.search(words, start, end) is not None)


@given(st.integers(0, 9), st.text(max_size=5), st.none() | st.text(max_size=5), st.booleans())
def test_name_mention_init_is_the_attrs_one(start: int, text: str, role: str | None, subject: bool) -> None:
    """`NameMention`'s hand-written init fills the fields as attrs' would: equal records, equal
    hashes, `evolve` and defaults intact, and still frozen."""
    m = NameMention(start, start + 1, text, None, "person", role, subject=subject)
    assert attrs.astuple(m) == (start, start + 1, text, None, "person", role, None, None, subject)
    assert m == attrs.evolve(m)
    assert hash(m) == hash(attrs.evolve(m))
    assert attrs.evolve(m, kind="state").kind == "state"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        m.start = 1  # type: ignore[misc]


_CUE_WORDS = ["said", "Said", "says", "unsaid", "said-", "-said", "According", "to", "according", "told"]
_CUE_WORDS += ["reporters", "adding", "éadded", "added", "ſaid", "to be", "x", "Lee"]


@given(_texts(_CUE_WORDS, sep=" ", max_size=12), st.data())
def test_cue_scan_after_a_break_is_the_finditer(words: str, data: st.DataObject) -> None:
    """The cue scan that tries the pattern only after a break character finds, in any
    window, the matches of the pattern's own `finditer` there."""
    cue = Lexicon.default().pattern("cue")
    start, end = _range(data, len(words))
    fast = [(m.span(), m.group(0)) for m in matches_after_break(cue, _CUE_GLUE, words, start, end)]
    assert fast == [(m.span(), m.group(0)) for m in cue.finditer(words, start, end)]


@given(_texts(["Gen.", "U.S.", "Park", "A.", "x", "\u2003", "\t", "said."], sep="", max_size=20), st.data())
def test_abbreviation_test_reads_the_token_the_window_search_finds(text: str, data: st.DataObject) -> None:
    """`_abbreviation_before`, which seeks the token before a stop from the window's last
    space, answers as the search over the whole 40-character window would (any whitespace)."""
    stop = data.draw(st.integers(0, len(text)))
    m = _TOKEN_BEFORE.search(text, max(0, stop - 40), stop)
    token = m.group(1).lstrip("(\"'\u201c\u2018").lower() if m else ""
    plain = token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
    assert _abbreviation_before(text, stop) == plain
