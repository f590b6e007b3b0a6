"""The event lexicon: trigger patterns, modality cues and typing data.

It is read once from ``koreabrief/data/events.toml`` (see the comments there
for the schema) into an immutable, picklable `EventLexicon`.
"""

from __future__ import annotations

import functools
import importlib
import re
import string
import sys
from collections.abc import Mapping
from importlib import resources
from typing import Any

from attrs import field, frozen

from koreabrief.errors import ConfigError
from koreabrief.extraction.lexicon import trie_regex
from koreabrief.models import EventType, slot_setter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["EventLexicon", "Trigger", "TriggerMatch", "expand_classes", "has_case_extras"]

# " ... " in a pattern: up to six words inside one clause, bounded and lazy. A comma
# may join two hyphenated modifiers ("a medium-range, solid-fuel missile"): coordinate
# adjectives, not a clause break.
_GAP = (
    r"(?:\s+(?:[\w'’“”\"-]{1,30}(?:[.,]\d{1,3}){0,4}"
    r"|[\w'’]{1,15}-[\w'’]{1,15},(?=\s+[\w'’]{1,15}-\w))){0,6}?\s+"
)
KINDS = ("verb", "noun", "anaphor", "receive", "exchange", "consequence")


@frozen
class Trigger:
    """One trigger entry: an event type, how to find its actor, its patterns.

    Examples:
        >>> t = EventLexicon.default().triggers[0]
        >>> t.kind in KINDS
        True
    """

    type: EventType
    kind: str
    generic_plural: bool
    patterns: tuple[str, ...]
    # An earlier event of the story's own kind, told by a bare noun with its own date ("its
    # first test in October 2006"): it takes the type of the story's launch or test.
    story_kind: bool = False


@frozen(init=False)
class TriggerMatch:
    """A trigger found in a text.

    Attributes:
        trigger: The lexicon entry.
        start: Offset of the match.
        end: Offset one past the match.
        text: The matched words.
    """

    trigger: Trigger
    start: int
    end: int
    text: str

    def __init__(self, trigger: Trigger, start: int, end: int, text: str) -> None:
        # What attrs would generate, through `slot_setter`s: `find` makes one per
        # trigger in every sentence.
        _set_trigger(self, trigger)
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)

    def first_word(self) -> str:
        """The matched words' first, lower-cased ("traveling" for "traveling to").

        Examples:
            >>> t = EventLexicon.default().triggers[0]
            >>> TriggerMatch(t, 0, 12, "Flying to Seoul").first_word()
            'flying'
        """
        return self.text.split(maxsplit=1)[0].lower() if self.text else ""


_set_trigger = slot_setter(TriggerMatch, "trigger")
_set_start = slot_setter(TriggerMatch, "start")
_set_end = slot_setter(TriggerMatch, "end")
_set_text = slot_setter(TriggerMatch, "text")

# Characters that IGNORECASE matches to an ASCII letter though their lower case
# is not that letter ("ſ" to "s", "ı" and "İ" to "i", the Kelvin sign to "k").
CASE_EXTRAS = re.compile("[\u0130\u0131\u017f\u212a]")

def has_case_extras(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds one of `CASE_EXTRAS`.

    Examples:
        >>> has_case_extras("İstanbul", 0, 8), has_case_extras("Seoul", 0, 5)
        (True, False)
    """
    # Most sentences are ASCII, which a copy's `isascii` tells several times faster
    # than the regex scan.
    return not text[start:end].isascii() and CASE_EXTRAS.search(text, start, end) is not None


# Matching runs on an ASCII-lower-cased copy of the text (same length, so offsets
# hold) with lower-cased patterns: three times faster than re.IGNORECASE.
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _compile(pattern: str) -> str:
    return _GAP.join(p.strip().translate(ASCII_LOWER) for p in pattern.split(" ... "))


def _parser() -> Any:
    """The stdlib regex parser (``re._parser`` since 3.11, ``sre_parse`` before)."""
    try:
        return importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse")


def _firsts(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any), and whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        found: set[str] | None
        if name == "LITERAL":
            out.add(chr(av))
            return out, False
        if name == "IN":
            for o, a in av:
                if str(o) == "LITERAL":
                    out.add(chr(a))
                elif str(o) == "RANGE":
                    out.update(chr(x) for x in range(a[0], a[1] + 1))
                else:
                    return None, False
            return out, False
        if name == "SUBPATTERN":
            found, nullable = _firsts(av[-1])
        elif name == "BRANCH":
            found, nullable = set(), False
            for alt in av[1]:
                sub, sub_nullable = _firsts(alt)
                if sub is None:
                    return None, False
                found |= sub
                nullable = nullable or sub_nullable
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            found, nullable = _firsts(av[2])
            nullable = nullable or av[0] == 0
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        else:
            return None, False
        if found is None:
            return None, False
        out |= found
        if not nullable:
            return out, False
    return out, True


def _prefixes(items: Any) -> tuple[set[str], bool]:
    """Literal strings every match of a parsed pattern starts with, and whether they cover it all.

    `({"fire"}, False)` for "fire[ds] ...": a match starts with "fire". An empty
    string in the set means some match starts with no known literal.
    """
    out = {""}
    items = list(items)
    for k, (op, av) in enumerate(items):
        name = str(op)
        nxt: set[str]
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # consumes nothing
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] == 0:
            # Optional: a match goes on with the repeated part or with what follows it.
            nxt = _prefixes(av[2])[0] | _prefixes(items[k + 1 :])[0]
            return {a + b for a in out for b in nxt}, False
        if name == "LITERAL":
            nxt, done = {chr(av)}, True
        elif name == "IN" and all(str(o) == "LITERAL" for o, _ in av):
            nxt, done = {chr(a) for _, a in av}, True
        elif name == "SUBPATTERN":
            nxt, done = _prefixes(av[-1])
        elif name == "BRANCH":
            nxt, done = set(), True
            for alt in av[1]:
                sub, sub_done = _prefixes(alt)
                nxt |= sub
                done = done and sub_done
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            nxt, done = _prefixes(av[2])[0], False
        else:
            return out, False
        out = {a + b for a in out for b in nxt}
        if not done or len(out) > _MAX_PREFIXES or min(map(len, out)) >= _PREFIX_CHARS:
            return out, False
    return out, True


def literal_starts(body: str) -> set[str] | None:
    """The literal strings every match of the pattern `body` starts with; None when some
    match may start with no literal known (a class, a look-behind, an optional start).

    Examples:
        >>> sorted(literal_starts("fire[ds]|launch(?:es)?"))
        ['fired', 'fires', 'launch', 'launches']
        >>> literal_starts(r"\\w+ed") is None
        True
    """
    found, _ = _prefixes(_parser().parse(body))
    return None if not found or "" in found else found


def _word_starts(bodies: list[str]) -> re.Pattern[str]:
    """Word starts where some trigger pattern can match: a zero-width scan that skips the rest.

    Most words ("the" not before "launch", "of", "and") can start no trigger;
    finding the few that can inside `re` spares a Python step per word. A pattern
    with no literal start ("[a-z]{2,20}[-–—]... talks") is looked ahead for whole:
    the letters it may start with would admit nearly every word.
    """
    parse = _parser().parse
    literal: set[str] = set()
    chars: set[str] = set()
    whole: list[str] = []
    for body in bodies:
        tree = parse(body)
        found, _ = _prefixes(tree)
        if "" in found or not found:
            first, nullable = _firsts(tree)
            if first is None or nullable:
                return _WORD_START_AHEAD  # a pattern that may start anywhere: every word start
            if _self_contained(tree):
                whole.append(body)
            else:
                chars |= first
        else:
            literal |= found
    alts = [trie_regex(literal)] if literal else []
    alts.extend(f"(?:{body})" for body in whole)
    if chars:
        alts.append("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
    return re.compile(r"(?<![\w-])(?=[\w'’(])(?=" + "|".join(alts or ["(?!)"]) + ")")


def _self_contained(tree: Any) -> bool:
    """Whether a parsed pattern means the same inside a larger one: no named group, no back-reference."""
    return not tree.state.groupdict and not _refers_back(list(tree))


def _refers_back(node: Any) -> bool:
    """Whether a parse (sub)tree holds a group reference (``\\1``, ``(?(1)...)``)."""
    if hasattr(node, "data"):  # a SubPattern
        node = node.data
    if isinstance(node, (list, tuple)):
        if len(node) == 2 and str(node[0]) in ("GROUPREF", "GROUPREF_EXISTS"):
            return True
        return any(_refers_back(x) for x in node)
    return False


def _after_break(starts: re.Pattern[str]) -> re.Pattern[str]:
    """`starts` (a word-start scan) as the break before each of its places.

    A scan that opens with a look-behind makes the regex engine try every position;
    one that opens with a character class lets it skip through the words to the
    breaks between them. The class takes every character but ASCII letters, digits,
    "_" and "-" (a table lookup, where ``[^\\w-]`` asks the Unicode database); the
    look-behind after it then keeps only the characters ``(?<![\\w-])`` accepts.
    """
    head = r"(?<![\w-])"
    assert starts.pattern.startswith(head)
    return re.compile(r"[^A-Za-z0-9_-](?<=[^\w-])" + starts.pattern[len(head) :])


# One dispatch entry: the trigger's index, a pattern body, the characters a match can
# start with (None: any) and the literal strings it must start with (None: not known),
# as their first `_KEY` characters and as the strings shorter than that.
_Entry = tuple[int, str, frozenset[str] | None, tuple[frozenset[str], tuple[str, ...]] | None]
# How many characters of a word start choose the patterns tried there (`EventLexicon.find`):
# four tell "miss" (missile) from "mili" (military), which two ("mi") do not.
_KEY = 4


def _dispatch(triggers: tuple[Trigger, ...]) -> tuple[_Entry, ...]:
    """Each trigger pattern with what a match of it can start with.

    Trying every alternative at every word is what made matching slow; a word
    start tries only the patterns that can begin with its first `_KEY` characters
    (see `EventLexicon.find`), in entry order, so the first that matches wins as
    it would in one alternation of them all.
    """
    parse = _parser().parse
    entries: list[_Entry] = []
    for i, trig in enumerate(triggers):
        for p in trig.patterns:
            body = _compile(p)
            tree = parse(body)
            first, nullable = _firsts(tree)
            found, _ = _prefixes(tree)
            known = not nullable and first is not None
            starts = None
            if known and found and "" not in found:
                heads = frozenset(x[:_KEY] for x in found if len(x) >= _KEY)
                starts = heads, tuple(sorted(x for x in found if len(x) < _KEY))
            entries.append((i, body, frozenset(first) if known and first else None, starts))
    return tuple(entries)


def _build(keep: list[tuple[int, str]]) -> re.Pattern[str] | None:
    """One alternation of `keep`, a named group per trigger, in trigger order."""
    if not keep:
        return None
    groups: dict[int, list[str]] = {}
    for i, body in keep:
        groups.setdefault(i, []).append(body)
    alts = "|".join(f"(?P<t{i}>{'|'.join(bodies)})" for i, bodies in sorted(groups.items()))
    return re.compile(r"(?:" + alts + r")(?![\w-])")


def _for_start(
    entries: tuple[_Entry, ...], key: str, built: dict[tuple[int, ...], re.Pattern[str] | None]
) -> re.Pattern[str] | None:
    """The alternation of the patterns that can match where the text starts with `key`.

    `built` keeps the alternations made so far by the entries they hold: many keys
    ("miss", "misi") share one, which is compiled once.
    """
    keep = tuple(
        n
        for n, (_, _, first, starts) in enumerate(entries)
        if (_fits(key, starts) if starts is not None else first is None or key[:1] in first)
    )
    if keep not in built:
        built[keep] = _build([entries[n][:2] for n in keep])
    return built[keep]


def _fits(key: str, starts: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    """Whether a text whose first `_KEY` characters are `key` may begin with one of `starts`.

    A key cut short by the end of the text fits only the strings no longer than it.
    """
    heads, short = starts
    return key in heads or any(key.startswith(p) for p in short)


_WORD_START_AHEAD = re.compile(r"(?<![\w-])(?=[\w'’(])")
# Prefixes are followed this far (characters) or until there are this many.
_PREFIX_CHARS = 10
_MAX_PREFIXES = 128


def _cue_regex(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    # A trie (a shared prefix tried once) is much faster than one alternative per
    # word; its greedy optional tails still prefer the longest word, as a
    # longest-first alternation does. Case is folded here so that no two
    # branches can match the same character under IGNORECASE.
    alts = trie_regex({w.lower() if w.isascii() else w for w in words})
    return re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w'’-])", re.IGNORECASE)


@frozen
class EventLexicon:
    """Everything the event extractor knows as data.

    Attributes:
        triggers: Trigger entries, in file order.
        data: The raw TOML tables (modality, tense, actors, deployment, units ...).

    Examples:
        >>> lex = EventLexicon.default()
        >>> [m.trigger.type.value for m in lex.find("North Korea fired two missiles.")]
        ['missile_launch']
    """

    triggers: tuple[Trigger, ...]
    data: Mapping[str, Any] = field(eq=False, repr=False)
    _entries: tuple[_Entry, ...] = field(init=False, eq=False, repr=False)
    # The alternation for each word start (its first `_KEY` characters) met so far, built
    # on first use: a corpus meets a few hundred of them, sharing fewer alternations.
    _table: dict[str, re.Pattern[str] | None] = field(init=False, eq=False, repr=False)
    _built: dict[tuple[int, ...], re.Pattern[str] | None] = field(init=False, eq=False, repr=False)
    # The trigger each dispatch pattern's group ("t3") stands for.
    _by_group: dict[str, Trigger] = field(init=False, eq=False, repr=False)
    _starts: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # The same places as the character before them (see `_after_break`).
    _breaks: re.Pattern[str] = field(init=False, eq=False, repr=False)
    _cues: dict[str, re.Pattern[str] | None] = field(init=False, eq=False, repr=False)
    _lowered_cues: dict[str, re.Pattern[str]] = field(init=False, eq=False, repr=False)
    # Values derived from the data by the modules that use them, built once per lexicon.
    cache: dict[str, Any] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_entries", _dispatch(self.triggers))
        object.__setattr__(self, "_table", {})
        object.__setattr__(self, "_built", {})
        object.__setattr__(self, "_by_group", {f"t{i}": t for i, t in enumerate(self.triggers)})
        bodies = [_compile(p) for t in self.triggers for p in t.patterns]
        starts = _word_starts(bodies)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_breaks", _after_break(starts))
        cues: dict[str, re.Pattern[str] | None] = {}
        before: set[str] = set()
        for name, table in self.data.get("modality", {}).items():
            cues[f"{name}.before"] = _cue_regex(list(table.get("before", ())))
            cues[f"{name}.after"] = _cue_regex(list(table.get("after", ())))
            before.update(table.get("before", ()))
        # Any modality's "before" cue: most triggers have none, and one search then
        # answers for all of them (`binding.mood`).
        cues["modality.before"] = _cue_regex(sorted(before))
        cues["tense.future"] = _cue_regex(list(self.data.get("tense", {}).get("future", ())))
        for name, words in self.data.get("governors", {}).items():
            cues[f"governors.{name}"] = _cue_regex(list(words))
        object.__setattr__(self, "_cues", cues)
        lowered = {
            name: re.compile(rx.pattern)
            for name, rx in cues.items()
            if rx is not None
            and all((c.isascii() and c.islower()) or c.lower() == c.upper() for c in rx.pattern)
        }
        object.__setattr__(self, "_lowered_cues", lowered)
        object.__setattr__(self, "cache", {})

    def __getstate__(self) -> dict[str, Any]:
        return {"triggers": self.triggers, "data": dict(self.data)}

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        object.__setattr__(self, "triggers", state["triggers"])
        object.__setattr__(self, "data", state["data"])
        self.__attrs_post_init__()

    @classmethod
    def default(cls) -> EventLexicon:
        """The shipped lexicon, read once.

        Examples:
            >>> EventLexicon.default() is EventLexicon.default()
            True
        """
        return _default()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> EventLexicon:
        """Build a lexicon from parsed TOML in the ``events.toml`` schema.

        Word classes of a ``classes`` table are put in place of their ``{name}``
        placeholders (see `expand_classes`).

        Raises:
            ConfigError: An unknown trigger kind, word class or empty class.

        Examples:
            >>> data = {"trigger": [{"type": "protest", "kind": "noun", "patterns": ["rally"]}]}
            >>> len(EventLexicon.from_data(data).triggers)
            1
            >>> data = {"classes": {"crowd": ["protesters", "activists"]},
            ...         "trigger": [{"type": "protest", "kind": "noun", "patterns": ["{crowd} marched"]}]}
            >>> [m.text for m in EventLexicon.from_data(data).find("Activists marched.")]
            ['Activists marched']
        """
        classes = _classes(data.get("classes", {}))
        triggers = []
        for item in data.get("trigger", ()):
            kind = item.get("kind", "verb")
            if kind not in KINDS:
                raise ConfigError(f"unknown trigger kind {kind!r}")
            triggers.append(
                Trigger(
                    type=EventType(item["type"]),
                    kind=kind,
                    generic_plural=bool(item.get("generic_plural", False)),
                    patterns=tuple(expand_classes(p, classes) for p in item["patterns"]),
                    story_kind=bool(item.get("story_kind", False)),
                )
            )
        return cls(tuple(triggers), data)

    def find(
        self, text: str, start: int = 0, end: int | None = None, *, lowered: str | None = None
    ) -> list[TriggerMatch]:
        """Non-overlapping trigger matches in `text[start:end]`, leftmost first, then by entry order.

        Args:
            text: The text (spans index it).
            start: Where to start looking.
            end: Where to stop looking.
            lowered: ``text.translate(ASCII_LOWER)``, when the caller already has it.

        Examples:
            >>> [m.text for m in EventLexicon.default().find("Seoul said Pyongyang sent troops.")]
            ['sent troops']
        """
        end = len(text) if end is None else end
        low = lowered if lowered is not None else text.translate(ASCII_LOWER)
        out: list[TriggerMatch] = []
        after = start  # matches do not overlap: word starts before this lie inside the last one
        if self._starts.match(low, start, end) is not None:
            after = self._match_at(text, low, start, end, out)  # its break lies before the range
        for brk in self._breaks.finditer(low, start, end):
            if brk.start() + 1 >= after:
                after = self._match_at(text, low, brk.start() + 1, end, out)
        return out

    def _match_at(self, text: str, low: str, at: int, end: int, out: list[TriggerMatch]) -> int:
        """The trigger match at word start `at`, appended to `out`; where the next may start."""
        key = low[at : at + _KEY]
        try:
            rx = self._table[key]
        except KeyError:
            rx = self._table[key] = _for_start(self._entries, key, self._built)
        m = rx.match(low, at, end) if rx is not None else None
        if m is None or m.lastgroup is None or m.start() == m.end():
            return at
        out.append(TriggerMatch(self._by_group[m.lastgroup], m.start(), m.end(), text[m.start() : m.end()]))
        return m.end()

    def cue(self, name: str) -> re.Pattern[str] | None:
        """The compiled cue pattern ``"hypothetical.before"``, ``"governors.reaction"`` ..., or None.

        Examples:
            >>> bool(EventLexicon.default().cue("hypothetical.before").search("it might"))
            True
        """
        return self._cues.get(name)

    def cue_search(
        self, name: str, text: str, start: int, end: int, lowered: str | None = None, *, extras: bool = True
    ) -> re.Match[str] | None:
        """``cue(name).search(text, start, end)``, or None when there is no such cue.

        With `lowered` (`text` lower-cased, same length) the scan runs case-sensitively
        on it, which is faster and finds the same: the cue words are lower-case ASCII,
        and IGNORECASE would match an ASCII letter to nothing else but the characters
        of `CASE_EXTRAS`, so those send the search back to the IGNORECASE pattern.
        `extras` False says the caller knows `text` holds none of them, and saves the look.

        Examples:
            >>> lex = EventLexicon.default()
            >>> t = "Seoul WILL respond."
            >>> lex.cue_search("tense.future", t, 0, len(t), t.lower()).group(0)
            'will'
        """
        quick = self._lowered_cues.get(name)
        if lowered is not None and quick is not None and not (extras and has_case_extras(text, start, end)):
            return quick.search(lowered, start, end)
        rx = self._cues.get(name)
        return rx.search(text, start, end) if rx is not None else None

    def contextual(self) -> tuple[tuple[str, str], ...]:
        """Short forms used after "the" ("the North" -> North Korea), from ``[actors.contextual]``.

        Examples:
            >>> dict(EventLexicon.default().contextual())["North"]
            'North Korea'
        """
        table = self.data.get("actors", {}).get("contextual", {})
        return tuple((str(k), str(v)) for k, v in table.items())

    def plover(self, event_type: EventType) -> tuple[str | None, str | None]:
        """The PLOVER event type and mode `event_type` maps to, from ``[plover]`` (None where unmapped).

        Examples:
            >>> EventLexicon.default().plover(EventType.ARTILLERY_FIRE)
            ('ASSAULT', 'heavy-weapons')
        """
        entry = self.data.get("plover", {}).get(event_type.value)
        if not isinstance(entry, list) or not entry:
            return None, None
        kind = str(entry[0]) or None
        mode = str(entry[1]) or None if len(entry) > 1 else None
        return kind, mode

    def words(self, table: str, key: str) -> tuple[str, ...]:
        """A word list from the data, e.g. ``words("actors", "prepositions")``.

        Examples:
            >>> "against" in EventLexicon.default().words("actors", "prepositions")
            True
        """
        value = self.data.get(table, {}).get(key, ())
        return tuple(value) if isinstance(value, list) else ()


# A word-class placeholder in a pattern: "{personnel}". Regex repetition braces hold
# digits ("{0,6}"), never a lower-case name, so the two cannot be confused.
_CLASS_REF = re.compile(r"\{([a-z][a-z_]*)\}")


_LITERAL = re.compile(r"[\w '’-]+")
_OPTIONAL_S = re.compile(r"([\w '’-]+)s\?")


def _classes(table: Mapping[str, Any]) -> dict[str, str]:
    """The ``[classes]`` table as one non-capturing group per class.

    A class may name classes defined before it ("{personnel}" inside "{forces}"),
    so that a word added to the narrow class reaches the wide one too. Plain words
    (and "word" with an optional "s") go into one trie, tried once per shared prefix
    (see `trie_regex`); other regex fragments are tried before it, longest first.
    """
    words: dict[str, tuple[set[str], list[str]]] = {}
    out: dict[str, str] = {}
    for name, entries in table.items():
        if not isinstance(entries, list) or not entries:
            raise ConfigError(f"word class {name!r} must be a non-empty list")
        literals: set[str] = set()
        fragments: list[str] = []
        for entry in map(str, entries):
            ref = _CLASS_REF.fullmatch(entry)
            if ref is not None and ref.group(1) in words:
                literals |= words[ref.group(1)][0]
                fragments += words[ref.group(1)][1]
            elif _LITERAL.fullmatch(entry):
                literals.add(entry.lower())
            elif (plural := _OPTIONAL_S.fullmatch(entry)) is not None:
                literals |= {plural.group(1).lower(), plural.group(1).lower() + "s"}
            else:
                fragments.append(expand_classes(entry, out))
        words[str(name)] = (literals, fragments)
        alts = sorted(set(fragments), key=len, reverse=True) + ([trie_regex(literals)] if literals else [])
        out[str(name)] = "(?:" + "|".join(alts) + ")"
    return out


def expand_classes(pattern: str, classes: Mapping[str, str]) -> str:
    """`pattern` with each ``{name}`` placeholder replaced by the word class `classes[name]`.

    One edit to a class in ``[classes]`` of ``events.toml`` widens every pattern that
    names it; the expansion happens once, when the lexicon is loaded.

    Raises:
        ConfigError: A placeholder names no class.

    Examples:
        >>> expand_classes("{crew} died", {"crew": "(?:sailors|marines)"})
        '(?:sailors|marines) died'
        >>> expand_classes("fired ... missiles?{0,2}", {})
        'fired ... missiles?{0,2}'
    """

    def sub(m: re.Match[str]) -> str:
        try:
            return classes[m.group(1)]
        except KeyError:
            raise ConfigError(f"unknown word class {{{m.group(1)}}} in pattern {pattern!r}") from None

    return _CLASS_REF.sub(sub, pattern)


@functools.lru_cache(maxsize=1)
def _default() -> EventLexicon:
    text = resources.files("koreabrief").joinpath("data").joinpath("events.toml").read_text("utf-8")
    return EventLexicon.from_data(tomllib.loads(text))
