"""The word lists behind statement attribution, loaded once from data files.

``data/cues.toml`` holds reporting verbs with their tense forms, naming verbs,
label nouns ("slogan"), nouns of titled works ("memoir") and the adverbs
allowed between a speaker and its verb;
``data/titles.toml`` holds role titles, speaking bodies ("the military") and
name-shape hints. A [`Lexicon`][koreabrief.extraction.lexicon.Lexicon] is immutable
and picklable; its compiled patterns are built lazily, once per process.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from attrs import field, frozen

from koreabrief.patterns import trie_regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["Lexicon", "TitleInfo", "trie_regex"]


@frozen
class TitleInfo:
    """What a title word tells about the person it introduces.

    Attributes:
        role: The normalised role ("Foreign Minister"); empty for honorifics (Mr, Dr).
        gender: ``m``/``f`` when the title tells (Mr, Ms), else None.
        also: Other roles a definite description ("the top diplomat") may refer to.
    """

    role: str
    gender: str | None = None
    also: tuple[str, ...] = ()


def _lines(values: Iterable[str]) -> Iterable[str]:
    for line in values:
        for form in line.split():
            yield form.replace("_", " ")


@frozen
class Lexicon:
    """Cue words, titles and bodies for statement attribution.

    Examples:
        >>> lex = Lexicon.default()
        >>> lex.cue_kind("warned"), lex.cue_kind("dubbed"), lex.cue_kind("apple")
        ('report', 'naming', None)
        >>> lex.titles["foreign minister"].role
        'Foreign Minister'
    """

    cues: Mapping[str, str] = field()
    label_nouns: frozenset[str] = field()
    reply_nouns: frozenset[str] = field()
    adverbs: frozenset[str] = field()
    titles: Mapping[str, TitleInfo] = field()
    bodies: Mapping[str, str] = field()
    korean_surnames: frozenset[str] = field()
    not_names: frozenset[str] = field()
    organisation_heads: frozenset[str] = field()
    # Last words of places ("Line", "Zone", "Island"): a capitalised run holding one is no person.
    place_heads: frozenset[str] = field(default=frozenset())
    work_nouns: frozenset[str] = field(default=frozenset())
    # Nouns of texts that speak for their issuer ("the statement said"), and the verbs
    # that attribute after them alone ("the report found").
    document_nouns: frozenset[str] = field(default=frozenset())
    document_verbs: frozenset[str] = field(default=frozenset())
    # Lower-case nouns after which "the <Name> ... <noun>" is an organisation ("exchange").
    organisation_nouns: frozenset[str] = field(default=frozenset())
    # Lower-case nouns of a firm's staff: "a manager at <Name>" makes <Name> an organisation.
    staff_nouns: frozenset[str] = field(default=frozenset())
    # A counted group that speaks as one ("ten nations, including A and B, said"): its
    # plural nouns, the counts before them, and the words that open its list of members.
    group_nouns: frozenset[str] = field(default=frozenset())
    group_counts: frozenset[str] = field(default=frozenset())
    group_lists: frozenset[str] = field(default=frozenset())
    # Verbs of judgement whose passive's agent ("convicted ... by the court") speaks.
    judgements: frozenset[str] = field(default=frozenset())
    # Words qualifying an unnamed official ("a senior defense official") and the bodies,
    # as written after a state, that the official speaks for ("defense ministry").
    official_bodies: Mapping[str, tuple[str, ...]] = field(factory=dict)
    _compiled: dict[str, re.Pattern[str]] = field(factory=dict, init=False, repr=False, eq=False)
    # One item once built: the frozen lexicon fills the list in place, as `_compiled`.
    _body_forms: list[tuple[str, ...]] = field(factory=list, init=False, repr=False, eq=False)
    # One item once built, as `_body_forms`.
    _title_heads: list[frozenset[str]] = field(factory=list, init=False, repr=False, eq=False)

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with koreabrief (built once, then shared).

        Examples:
            >>> Lexicon.default() is Lexicon.default()
            True
        """
        return _default()

    @classmethod
    def from_data(cls, cues: Mapping[str, Any], titles: Mapping[str, Any]) -> Lexicon:
        """Build a lexicon from parsed ``cues.toml`` and ``titles.toml`` data.

        Examples:
            >>> lex = Lexicon.from_data({"verbs": ["grumble grumbled"]}, {})
            >>> lex.cue_kind("grumbled")
            'report'
        """
        cue_map: dict[str, str] = {}
        for form in _lines(cues.get("naming", ())):
            cue_map[form] = "naming"
        for form in _lines(cues.get("verbs", ())):
            cue_map.setdefault(form, "report")
        title_map: dict[str, TitleInfo] = {}
        for item in titles.get("title", ()):
            info = TitleInfo(str(item.get("role", "")), item.get("gender"), tuple(item.get("also", ())))
            for pattern in item.get("patterns", ()):
                title_map[pattern.lower()] = info
        body_map = {p.lower(): str(b["name"]) for b in titles.get("body", ()) for p in b.get("patterns", ())}
        names = titles.get("names", {})
        return cls(
            cues=cue_map,
            label_nouns=frozenset(cues.get("nouns", ())),
            reply_nouns=frozenset(cues.get("replies", ())),
            adverbs=frozenset(a.replace("_", " ") for a in cues.get("adverbs", ())),
            titles=title_map,
            bodies=body_map,
            korean_surnames=frozenset(names.get("korean_surnames", ())),
            not_names=frozenset(names.get("not_names", ())),
            organisation_heads=frozenset(names.get("organisation_heads", ())),
            place_heads=frozenset(names.get("place_heads", ())),
            work_nouns=frozenset(cues.get("works", ())),
            document_nouns=frozenset(cues.get("documents", ())),
            document_verbs=frozenset(cues.get("document_verbs", ())),
            organisation_nouns=frozenset(names.get("organisation_nouns", ())),
            staff_nouns=frozenset(names.get("staff_nouns", ())),
            group_nouns=frozenset(_lines(cues.get("group_nouns", ()))),
            group_counts=frozenset(_lines(cues.get("group_counts", ()))),
            group_lists=frozenset(_lines(cues.get("group_lists", ()))),
            judgements=frozenset(_lines(cues.get("judgements", ()))),
            official_bodies={
                word.replace("_", " "): tuple(bodies) for word, bodies in cues.get("officials", {}).items()
            },
        )

    def __getstate__(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in _STATE_FIELDS}

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_compiled", {})
        object.__setattr__(self, "_body_forms", [])
        object.__setattr__(self, "_title_heads", [])

    def cue_kind(self, word: str) -> str | None:
        """``report`` for reporting verbs, ``naming`` for naming verbs, else None."""
        found = self.cues.get(word)
        if found is None and " " in word:
            found = self.cues.get(word[:1].lower() + word[1:])
        return found

    def pattern(self, name: str) -> re.Pattern[str]:
        """A compiled pattern: ``cue``, ``document``, ``title``, ``body``, ``judged`` or
        ``group.head`` (built once, then cached)."""
        found = self._compiled.get(name)
        if found is None:
            found = self._build(name)
            self._compiled[name] = found
        return found

    def body_forms(self) -> tuple[str, ...]:
        """The body words as the ``body.lower`` pattern matches them (built once, then cached).

        Examples:
            >>> "foreign ministry" in Lexicon.default().body_forms()
            True
        """
        if not self._body_forms:
            self._body_forms.append(tuple(sorted({b.lower() for b in self.bodies})))
        return self._body_forms[0]

    def title_heads(self) -> frozenset[str]:
        """The last words of the titles, lower case (built once, then cached): the word a
        title ends in right before the name it introduces ("Foreign Minister| Cho").

        Examples:
            >>> heads = Lexicon.default().title_heads()
            >>> "minister" in heads, "foreign" in heads
            (True, False)
        """
        if not self._title_heads:
            self._title_heads.append(frozenset(t.split()[-1] for t in self.titles if t.split()))
        return self._title_heads[0]

    def _build(self, name: str) -> re.Pattern[str]:
        if name == "cue":
            # Case-sensitive: "Post" in "the Washington Post" is no cue. Multi-word
            # cues also open sentences ("According to").
            forms = set(self.cues) | {f[:1].upper() + f[1:] for f in self.cues if " " in f}
            # "said to be", "reported to have": a passive report, no one speaking.
            return re.compile(r"(?<![\w-])" + trie_regex(forms) + r"(?![\w-])(?!\s+to\s+(?:be|have)\b)")
        if name == "document":
            # "The statement said", "a UN report that found": case-insensitive nouns.
            return re.compile(r"(?<![\w-])" + trie_regex(self.document_nouns) + r"(?![\w-])", re.IGNORECASE)
        if name == "title":
            return re.compile(r"(?<![\w.-])" + trie_regex(self.titles) + r"(?![\w-])", re.IGNORECASE)
        if name == "body":
            return re.compile(r"(?<![\w-])" + trie_regex(self.bodies) + r"(?![\w-])", re.IGNORECASE)
        # For text already lower-cased (same length): without IGNORECASE `re` scans about three times faster.
        if name == "title.lower":
            return re.compile(r"(?<![\w.-])" + trie_regex({t.lower() for t in self.titles}) + r"(?![\w-])")
        if name == "body.lower":
            return re.compile(r"(?<![\w-])" + trie_regex({b.lower() for b in self.bodies}) + r"(?![\w-])")
        if name == "judged":
            # "was convicted", "were also blacklisted": a judgement in the passive.
            verbs = trie_regex(self.judgements)
            return re.compile(
                r"(?<![\w-])(?:was|were|is|are|been|being|be)[ ]+(?:[a-z]+[ ]+)?(?P<verb>"
                + verbs
                + r")(?![\w-])"
            )
        if name == "group.head":
            # "12 countries", "ten member states", "several close allies" right before the list.
            count, nouns = trie_regex(self.group_counts), trie_regex(self.group_nouns)
            head = r"(?<![\w-])(?P<group>(?:\d[\d,]*|" + count + r")(?:[ ]+[a-z-]+){0,2}?"
            return re.compile(head + r"[ ]+(?:" + nouns + r"))\Z", re.IGNORECASE)
        raise KeyError(name)


_STATE_FIELDS = (
    "cues",
    "label_nouns",
    "reply_nouns",
    "adverbs",
    "titles",
    "bodies",
    "korean_surnames",
    "not_names",
    "organisation_heads",
    "place_heads",
    "work_nouns",
    "document_nouns",
    "document_verbs",
    "organisation_nouns",
    "staff_nouns",
    "group_nouns",
    "group_counts",
    "group_lists",
    "judgements",
    "official_bodies",
)


def _read(name: str) -> Mapping[str, Any]:
    text = resources.files("koreabrief").joinpath("data").joinpath(name).read_text("utf-8")
    return tomllib.loads(text)


@functools.lru_cache(maxsize=1)
def _default() -> Lexicon:
    return Lexicon.from_data(_read("cues.toml"), _read("titles.toml"))
