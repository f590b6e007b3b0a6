"""The gazetteer: canonical people, states and organisations, with their aliases.

It ships as data (``koreabrief/data/entities.toml``) and users extend it at call
time. A `Gazetteer` is immutable and picklable, so the same object can be sent
to every worker of a process pool.

The TOML schema has three arrays of tables and one optional list::

    [[state]]
    name = "North Korea"
    aliases = ["DPRK", "N. Korea"]
    adjectives = ["North Korean"]
    metonyms = ["Pyongyang"]          # capitals and seats of power

    [[person]]
    name = "Marco Rubio"
    aliases = ["Marco Antonio Rubio"]
    role = "Secretary of State"
    affiliation = "United States"
    gender = "m"                      # m, f or omitted: used for he/she
    surname = "Rubio"                 # optional; inferred otherwise

    [[organisation]]
    name = "Joint Chiefs of Staff"
    aliases = ["JCS"]
    affiliation = "South Korea"

    ignore = ["North America"]        # phrases `find` consumes but never reports

Matching rules (see ``docs/gazetteer.md``): `resolve`/`lookup` ignore case,
hyphens, apostrophes, a leading "the" and a possessive, except that all-capital
forms ("US", "UN") match only in capitals. `find` matches forms as written, with
a capitalised first letter, in Title Case, in capitals, with "defence"/"defense"
either way, Korean names with or without the given-name hyphen, and curly
apostrophes; never bare surnames.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import field, frozen
from attrs import validators as v

from koreabrief.errors import ConfigError
from koreabrief.models import slot_setter
from koreabrief.patterns import trie_regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["Entity", "EntityKind", "Gazetteer", "Mention", "normalise_key"]

EntityKind = str
_KINDS = ("person", "state", "organisation")
# Surname first: Korean, Chinese and Taiwanese names in English-language news.
# The affiliation decides, or a romanised Korean given name ("Tae-yul") does.
_SURNAME_FIRST = frozenset({"North Korea", "South Korea", "China", "Taiwan"})
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,6}-[a-z]{1,6}")
_KOREAS = frozenset({"North Korea", "South Korea"})
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Title Case leaves these lower-case ("Ministry of Foreign Affairs").
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "de", "von", "der"]
)
# Word prefixes that make a compound about, not by, the entity ("anti-American").
_PREFIXES = frozenset(
    ["anti", "pro", "non", "ex", "pre", "post", "neo", "pan", "un", "mid", "trans", "inter"]
)

_DASHES = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
    }
)
_SPACES = re.compile(r"[-\s]+")
# `find` reads typographic apostrophes, no-break spaces and non-breaking hyphens
# as their plain forms: the data is written plainly, news text often is not.
# U+02BC (the modifier letter apostrophe) stands for an apostrophe in some outlets' copy.
_FOLD = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u2010": "-", "\u2011": "-"}
)
_CHAR_CLASSES = {"'": "['\u2018\u2019\u02bc]", " ": "[ \u00a0]", "-": "[-\u2010\u2011]"}
_SPELLINGS = (("efence", "efense"), ("efense", "efence"), ("rganisation", "rganization"))
_HYPHEN_LOWER = re.compile(r"-([a-z])")


def _strip_the(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


# Keys are pure functions of a string and the same words recur in every
# article: a bounded memo saves most of the translate/sub/lower work.
_KEY_CACHE = 1 << 14
_MEMO_SIZE = 1 << 15


@functools.lru_cache(maxsize=_KEY_CACHE)
def normalise_key(mention: str) -> str:
    """A matching key: case-, hyphen- and apostrophe-insensitive, without a leading "the".

    Examples:
        >>> normalise_key("Kim Jong-un") == normalise_key("Kim Jong Un")
        True
        >>> normalise_key("The Kremlin")
        'kremlin'
    """
    text = _SPACES.sub(" ", mention.translate(_DASHES).lower()).strip(" .,")
    return _strip_the(text)


@functools.lru_cache(maxsize=_KEY_CACHE)
def _exact_key(mention: str) -> str:
    """Like `normalise_key` but keeping case: the key of all-capital forms."""
    return _strip_the(_SPACES.sub(" ", mention.translate(_DASHES)).strip(" .,"))


def _all_caps(form: str) -> bool:
    return any(c.isupper() for c in form) and not any(c.islower() for c in form)


def _drop_possessive(text: str) -> str | None:
    """`text` without a possessive ("Seoul's" -> "Seoul", "Koreas'" -> "Koreas"), or None."""
    if text.endswith(("'s", "'S")):
        return text[:-2].rstrip()
    if text.endswith(("s'", "S'")):
        return text[:-1]
    return None


@frozen
class Entity:
    """A canonical person, state or organisation.

    Attributes:
        name: The canonical name ("Kim Jong Un").
        kind: ``person``, ``state`` or ``organisation``.
        aliases: Other spellings and names ("Kim Jong-un").
        role: A person's best-known role ("Foreign Minister").
        affiliation: The state or body the entity belongs to ("South Korea").
        gender: ``m``, ``f`` or None; lets "he"/"she" resolve.
        surname: A person's surname as used alone in news ("Kim", "Rubio").
        adjectives: A state's adjectives ("North Korean").
        metonyms: Places that stand for the entity ("Pyongyang").

    Examples:
        >>> import koreabrief as kb
        >>> kb.Entity(name="Park Jin", kind="person", affiliation="South Korea").surname_key
        'park'
    """

    name: str = field(validator=v.instance_of(str))
    kind: str = field(validator=v.in_(_KINDS))
    aliases: tuple[str, ...] = field(default=(), validator=v.deep_iterable(v.instance_of(str)))
    role: str | None = field(default=None, validator=v.optional(v.instance_of(str)))
    affiliation: str | None = field(default=None, validator=v.optional(v.instance_of(str)))
    gender: str | None = field(default=None, validator=v.optional(v.in_(("m", "f"))))
    surname: str | None = field(default=None, validator=v.optional(v.instance_of(str)))
    adjectives: tuple[str, ...] = field(default=(), validator=v.deep_iterable(v.instance_of(str)))
    metonyms: tuple[str, ...] = field(default=(), validator=v.deep_iterable(v.instance_of(str)))

    @property
    def surname_key(self) -> str | None:
        """The normalised surname a person is called by alone, or None for non-persons.

        Korean, Chinese and Taiwanese names put the surname first, as does any
        name whose last part is a romanised Korean given name ("Yang Moo-jin");
        "Jr." and "III" are skipped.

        Examples:
            >>> import koreabrief as kb
            >>> kb.Entity(name="Marco Rubio", kind="person").surname_key
            'rubio'
            >>> kb.Entity(name="Lloyd J. Austin III", kind="person").surname_key
            'austin'
        """
        return _surname_key(self.kind, self.name, self.surname, self.affiliation)

    def surname_keys(self) -> tuple[str, ...]:
        """Every surname key of a person, from the name and each alias ("yoon", "yun").

        Examples:
            >>> import koreabrief as kb
            >>> e = kb.Entity(name="Volodymyr Zelensky", kind="person", aliases=("Volodymyr Zelenskyy",))
            >>> e.surname_keys()
            ('zelensky', 'zelenskyy')
        """
        main = self.surname_key
        if main is None:
            return ()
        keys = [main]
        if self.surname:
            first = normalise_key(self.name.split()[0]) == main
        else:
            first = self._surname_first(self.name)
        for alias in self.aliases:
            tokens = [normalise_key(p) for p in alias.split() if p.lower() not in _NAME_SUFFIXES]
            if len(tokens) < 2 or main in tokens:
                continue
            key = tokens[0] if first else tokens[-1]
            if key not in keys:
                keys.append(key)
        return tuple(keys)

    def _surname_first(self, name: str) -> bool:
        return _surname_first(self.affiliation, name)


def _surname_first(affiliation: str | None, name: str) -> bool:
    if affiliation in _SURNAME_FIRST:
        return True
    parts = name.split()
    return len(parts) >= 2 and _KOREAN_GIVEN.fullmatch(parts[-1]) is not None


# Read for every person mention: computed once per distinct entity.
@functools.lru_cache(maxsize=_KEY_CACHE)
def _surname_key(kind: str, name: str, surname: str | None, affiliation: str | None) -> str | None:
    if kind != "person":
        return None
    if surname:
        return normalise_key(surname)
    return _surname_of(name, first=_surname_first(affiliation, name))


def _surname_of(name: str, *, first: bool) -> str | None:
    parts = [p for p in name.split() if p.lower() not in _NAME_SUFFIXES]
    if len(parts) < 2:
        return None
    return normalise_key(parts[0] if first else parts[-1])


@frozen(init=False)
class Mention:
    """An occurrence of a gazetteer entry in a text.

    Attributes:
        start: Offset of the mention.
        end: Offset one past the mention.
        text: The mention as written.
        entity: The entity it names.
        via: How it matched: ``name``, ``alias``, ``adjective`` or ``metonym``.

    Examples:
        >>> import koreabrief as kb
        >>> g = kb.Gazetteer.default()
        >>> print(", ".join(m.entity.name for m in g.find("Pyongyang and Seoul")))
        North Korea, South Korea
    """

    start: int
    end: int
    text: str
    entity: Entity
    via: str

    def __init__(self, start: int, end: int, text: str, entity: Entity, via: str) -> None:
        # What attrs would generate, through `slot_setter`s: `find` makes one per
        # name in every article.
        _set_mention_start(self, start)
        _set_mention_end(self, end)
        _set_mention_text(self, text)
        _set_mention_entity(self, entity)
        _set_mention_via(self, via)


_set_mention_start = slot_setter(Mention, "start")
_set_mention_end = slot_setter(Mention, "end")
_set_mention_text = slot_setter(Mention, "text")
_set_mention_entity = slot_setter(Mention, "entity")
_set_mention_via = slot_setter(Mention, "via")


def _title(word: str) -> str:
    if word.islower() and word not in _SMALL_WORDS:
        return word[:1].upper() + word[1:]
    return word


def _korean_spellings(form: str) -> set[str]:
    """A Korean name with and without the given-name hyphen ("Shin Won-sik", "Shin Won Sik")."""
    parts = form.split(" ")
    if len(parts) == 2 and _KOREAN_GIVEN.fullmatch(parts[1]):
        head, tail = parts[1].split("-")
        return {f"{parts[0]} {head} {tail.capitalize()}"}
    if len(parts) == 3 and all(p[:1].isupper() and p[1:].islower() for p in parts):
        return {f"{parts[0]} {parts[1]}-{parts[2].lower()}", f"{parts[0]} {parts[1]}-{parts[2]}"}
    return set()


def _variants(form: str, *, person: bool, korean: bool = False) -> set[str]:
    """The spellings `find` accepts for one form (never lower-casing a capital)."""
    bases = {form} | (_korean_spellings(form) if korean else set())
    for old, new in _SPELLINGS:
        bases |= {b.replace(old, new) for b in bases if old in b}
    out: set[str] = set()
    for base in bases:
        titled = " ".join(_title(w) for w in base.split(" "))
        for s in (base, titled):
            out.add(s[:1].upper() + s[1:])
            out.add(s)
        if not _all_caps(base) and sum(c.isalpha() for c in base) > 3:
            out.add(base.upper())
        if person:
            # "Kim Jong-Un", "Yoon Suk-Yeol": outlets capitalise after the hyphen.
            out.add(_HYPHEN_LOWER.sub(lambda m: "-" + m.group(1).upper(), base))
    return {s for s in out if s.strip()}


@frozen(repr=False)
class Gazetteer:
    """An immutable, picklable index of entities.

    Build one with [`Gazetteer.default`][koreabrief.Gazetteer.default] (the
    shipped data), [`Gazetteer.from_toml`][koreabrief.Gazetteer.from_toml], or
    extend one with [`Gazetteer.extend`][koreabrief.Gazetteer.extend].

    Attributes:
        entities: The entities, in order; later ones win a clash of forms.
        ignored: Phrases `find` consumes without reporting ("North America"),
            so that a shorter form inside them ("America") is not reported either.

    Examples:
        >>> import koreabrief as kb
        >>> g = kb.Gazetteer.default()
        >>> g.resolve("Kim Jong-un").name
        'Kim Jong Un'
        >>> g.resolve("Pyongyang").name
        'North Korea'
    """

    entities: tuple[Entity, ...] = field(validator=v.deep_iterable(v.instance_of(Entity)))
    ignored: tuple[str, ...] = field(default=(), validator=v.deep_iterable(v.instance_of(str)))
    _index: dict[str, tuple[Entity, str]] = field(init=False, repr=False, eq=False)
    _exact: dict[str, tuple[Entity, str]] = field(init=False, repr=False, eq=False)
    _surnames: dict[str, tuple[Entity, ...]] = field(init=False, repr=False, eq=False)
    _ignored_keys: frozenset[str] = field(init=False, repr=False, eq=False)
    _pattern: tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[Entity, str] | None]] | None = field(
        init=False, repr=False, eq=False
    )
    # Answers of `lookup` and `by_surname`: the same words recur article after
    # article. Bounded (cleared when full) so that a long run cannot grow it.
    _lookups: dict[str, tuple[Entity, str] | None] = field(init=False, repr=False, eq=False)
    _by_surname: dict[str, tuple[Entity, ...]] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, tuple[Entity, str]] = {}
        exact: dict[str, tuple[Entity, str]] = {}
        surnames: dict[str, list[Entity]] = {}
        # Later entries win, so that user extensions override shipped data.
        for entity in self.entities:
            for form, via in _forms(entity):
                table, key = (exact, _exact_key(form)) if _all_caps(form) else (index, normalise_key(form))
                # Within one entity the first form wins, so a name stays `via="name"`.
                if key not in table or table[key][0] is not entity:
                    table[key] = (entity, via)
            for key in entity.surname_keys():
                bucket = surnames.setdefault(key, [])
                # A later entry with the same name replaces the earlier one.
                bucket[:] = [e for e in bucket if e.name != entity.name]
                bucket.append(entity)
        claimed = set(index) | {k.lower() for k in exact}
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_surnames", {k: _surname_holders(k, e) for k, e in surnames.items()})
        keys = frozenset(normalise_key(p) for p in self.ignored) - claimed
        object.__setattr__(self, "_ignored_keys", keys)
        object.__setattr__(self, "_pattern", None)
        object.__setattr__(self, "_lookups", {})
        object.__setattr__(self, "_by_surname", {})

    def __getstate__(self) -> dict[str, Any]:
        return {"entities": self.entities, "ignored": self.ignored}

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        object.__setattr__(self, "entities", state["entities"])
        object.__setattr__(self, "ignored", state.get("ignored", ()))
        self.__attrs_post_init__()

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer shipped with koreabrief (built once, then shared).

        Examples:
            >>> import koreabrief as kb
            >>> kb.Gazetteer.default() is kb.Gazetteer.default()
            True
        """
        return _default()

    @classmethod
    def from_toml(cls, path: str | Path) -> Gazetteer:
        """Read a gazetteer from a TOML file in the schema above.

        Raises:
            ConfigError: The file is missing or not valid.

        Examples:
            >>> import koreabrief as kb
            >>> import pathlib, tempfile
            >>> p = pathlib.Path(tempfile.mkdtemp()) / "extra.toml"
            >>> _ = p.write_text('[[person]]\\nname = "Jane Roe"\\n', encoding="utf-8")
            >>> kb.Gazetteer.from_toml(p).resolve("Jane Roe").kind
            'person'
        """
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"{path}: cannot read gazetteer: {e}") from e
        return cls.from_toml_text(text, source=str(path))

    @classmethod
    def from_toml_text(cls, text: str, *, source: str = "<string>") -> Gazetteer:
        """Parse a gazetteer from TOML text.

        Raises:
            ConfigError: The text is not valid TOML or breaks the schema; the
                message names `source` and the offending entry.

        Examples:
            >>> import koreabrief as kb
            >>> g = kb.Gazetteer.from_toml_text('[[state]]\\nname = "Ruritania"\\nmetonyms = ["Strel"]')
            >>> g.resolve("Strel").name
            'Ruritania'
        """
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{source}: invalid TOML: {e}") from e
        ignored = data.pop("ignore", [])
        if not isinstance(ignored, list) or not all(isinstance(p, str) for p in ignored):
            raise ConfigError(f"{source}: 'ignore' must be a list of strings")
        return cls(tuple(_entities_from_data(data, source)), tuple(ignored))

    @classmethod
    def from_entities(cls, entities: Iterable[Entity], *, ignored: Iterable[str] = ()) -> Gazetteer:
        """Build a gazetteer from entities (and phrases `find` should skip).

        Examples:
            >>> import koreabrief as kb
            >>> g = kb.Gazetteer.from_entities([kb.Entity(name="Jane Roe", kind="person")])
            >>> len(g)
            1
        """
        return cls(tuple(entities), tuple(ignored))

    def extend(self, other: Gazetteer | Iterable[Entity] | str | Path) -> Gazetteer:
        """Return a new gazetteer with `other`'s entries added (they win on clashes).

        `other` may be a gazetteer, entities, or the path of a TOML file.

        Examples:
            >>> import koreabrief as kb
            >>> roe = kb.Entity(name="Jane Roe", kind="person", aliases=("J. Roe",))
            >>> g = kb.Gazetteer.default().extend([roe])
            >>> g.resolve("J. Roe").name
            'Jane Roe'
        """
        ignored: tuple[str, ...] = ()
        if isinstance(other, (str, Path)):
            other = Gazetteer.from_toml(other)
        if isinstance(other, Gazetteer):
            extra, ignored = other.entities, other.ignored
        else:
            extra = tuple(other)
        return Gazetteer(self.entities + extra, self.ignored + ignored)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self.entities)} entities, {len(self.ignored)} ignored phrases>"

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def resolve(self, mention: str) -> Entity | None:
        """The entity a mention names, by name, alias, adjective or metonym; None if unknown.

        Possessives ("Seoul's", "United States'") and a leading "the" are ignored;
        all-capital forms ("US") match only in capitals, so "us" is not a country.

        Examples:
            >>> import koreabrief as kb
            >>> kb.Gazetteer.default().resolve("Yun Seok-yeol").name
            'Yoon Suk Yeol'
            >>> kb.Gazetteer.default().resolve("us") is None
            True
        """
        found = self.lookup(mention)
        return found[0] if found else None

    def lookup(self, mention: str) -> tuple[Entity, str] | None:
        """Like [`resolve`][koreabrief.Gazetteer.resolve], also saying how it matched.

        Examples:
            >>> import koreabrief as kb
            >>> kb.Gazetteer.default().lookup("North Korean")[1]
            'adjective'
        """
        memo = self._lookups
        try:  # not `in` then `[]`: another thread may clear the memo in between
            return memo[mention]
        except KeyError:
            pass
        hit = self._exact.get(_exact_key(mention)) or self._index.get(normalise_key(mention))
        if hit is None:
            bare = _drop_possessive(mention.translate(_DASHES).rstrip(" ,"))
            if bare is not None:
                hit = self._exact.get(_exact_key(bare)) or self._index.get(normalise_key(bare))
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[mention] = hit
        return hit

    def surname_keys(self) -> Collection[str]:
        """The keys `by_surname` knows (without the possessive fallback).

        Examples:
            >>> import koreabrief as kb
            >>> "blinken" in kb.Gazetteer.default().surname_keys()
            True
        """
        return self._surnames.keys()

    def by_surname(self, surname: str) -> tuple[Entity, ...]:
        """People known by this surname alone ("Rubio"); several for common surnames.

        A surname spelled as in an alias counts when no one bears it as their
        main surname ("Zelenskyy" finds Volodymyr Zelensky).

        Examples:
            >>> import koreabrief as kb
            >>> print(*(e.name for e in kb.Gazetteer.default().by_surname("Rubio")))
            Marco Rubio
        """
        memo = self._by_surname
        found = memo.get(surname)
        if found is not None:
            return found
        key = normalise_key(surname)
        found = self._surnames.get(key)
        if found is None:
            bare = _drop_possessive(key)
            found = self._surnames.get(bare, ()) if bare else ()
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[surname] = found
        return found

    def find(self, text: str) -> list[Mention]:
        """Every non-overlapping gazetteer mention in `text`, longest first, in order.

        Matching is case-sensitive as the data is written (plus a capitalised
        first letter, Title Case and capitals), on word boundaries, in time
        linear in the text. Bare surnames are not reported (they need context:
        see [`by_surname`][koreabrief.Gazetteer.by_surname]); nor is a name
        glued to a lower-case word by a hyphen ("Seoul-based", "anti-American"),
        while name-name compounds count ("North Korea-Russia").

        Examples:
            >>> import koreabrief as kb
            >>> mentions = kb.Gazetteer.default().find("Kim Jong-un met Putin in Pyongyang.")
            >>> print(", ".join(f"{m.text} ({m.entity.name})" for m in mentions))
            Kim Jong-un (Kim Jong Un), Pyongyang (North Korea)
        """
        upper, lower, hits = self._compiled()
        out: list[Mention] = []
        pos = 0
        # Past every offset: the start of a scan that has no match left.
        none = len(text) + 1
        # Two scans merged in text order: forms opening with a lower-case letter
        # ("the Kremlin") and the others never match at the same place, and each
        # pattern alone lets the regex engine skip to where its forms can start.
        # The upper-case scan (most hits) walks one finditer: it continues from the
        # last match's end, which is where the next search starts unless a match was
        # rejected or overtaken, and only then does a fresh scan start at `pos`.
        found = upper.finditer(text)
        mu, ml = next(found, None), lower.search(text)
        # Each scan's next match start, kept so that the loop reads it once.
        us = mu.start() if mu is not None else none
        ls = ml.start() if ml is not None else none
        while True:
            if us < pos:
                if mu is not None and mu.end() != pos:
                    found = upper.finditer(text, pos)
                mu = next(found, None)
                us = mu.start() if mu is not None else none
            if ls < pos:
                ml = lower.search(text, pos)
                ls = ml.start() if ml is not None else none
            if us < ls and mu is not None:
                m, start = mu, us
            elif ml is not None:
                m, start = ml, ls
            else:
                break
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                # Inside a word: the patterns' missing look-behind, checked here.
                pos = start + 1
                continue
            end = m.end()
            written = m.group()
            # `_rejected` can only say yes after a hyphen or for a "the ..." form.
            if (
                (start > 0 and text[start - 1] == "-") or written[:4].lower() == "the "
            ) and _rejected(text, start, end, written):
                # Retry just after the start: a later, shorter form may still
                # match ("the Treasury Department" -> "Treasury Department").
                pos = start + 1
                continue
            # Keys are folded already: most mentions are found as written.
            hit = hits.get(written, _UNFOLDED)
            if hit is _UNFOLDED:
                hit = hits.get(written.translate(_FOLD))
            if hit is not None:
                out.append(Mention(start, end, written, hit[0], hit[1]))
            pos = end
        return out

    def _compiled(self) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[Entity, str] | None]]:
        """The trie patterns of every spelling `find` accepts (those opening with a
        lower-case letter apart), and what each one names."""
        compiled = self._pattern
        if compiled is None:
            hits: dict[str, tuple[Entity, str] | None] = {}
            for entity in self.entities:
                person = entity.kind == "person"
                korean = person and (entity.affiliation in _KOREAS or entity._surname_first(entity.name))
                for form, _ in _forms(entity):
                    spellings = _variants(form.translate(_FOLD), person=person, korean=korean)
                    for variant in spellings:
                        hits.setdefault(variant, self.lookup(variant))
            for phrase in self.ignored:
                for variant in _variants(phrase.translate(_FOLD), person=False):
                    if normalise_key(variant) in self._ignored_keys:
                        hits[variant] = None
            # Not followed by "-lowercase" ("Seoul-based"). Not inside a word
            # either, but `find` checks that: a leading look-behind would stop
            # the regex engine from skipping ahead to a possible first letter.
            lower = [k for k in hits if k[:1].islower()]
            upper = [k for k in hits if not k[:1].islower()]
            # Without a leading look-behind the regex engine skips to the few
            # letters a form can open with (three times faster on prose than
            # testing a look-behind at every position); `find` rejects a match
            # inside a word and searches again one character on.
            compiled = (_form_pattern(upper), _form_pattern(lower), hits)
            object.__setattr__(self, "_pattern", compiled)
        return compiled


# What `find` reads from its table for a spelling not in it (None means ignored).
_UNFOLDED: Any = object()


def _form_pattern(forms: list[str]) -> re.Pattern[str]:
    body = trie_regex(sorted(forms), _CHAR_CLASSES)
    return re.compile(body + r"(?!\w)(?!-[^\W\d_A-Z])")


def _surname_holders(key: str, people: list[Entity]) -> tuple[Entity, ...]:
    """People whose main surname is `key`; failing any, those with it in an alias only.

    So "Yoon" stays Yoon Suk Yeol alone (not also Yun Byung-se, alias "Yoon
    Byung-se"), while "Zelenskyy" still finds Volodymyr Zelensky.
    """
    primary = tuple(e for e in people if e.surname_key == key)
    return primary or tuple(people)


def _rejected(text: str, start: int, end: int, written: str) -> bool:
    """Whether a match is not a mention after all.

    A name glued by a hyphen to a lower-case prefix ("anti-American") is not; nor
    is a "the ..." form followed by another capitalised word, which makes it part
    of a longer name ("the North Atlantic", "the Treasury Department").
    """
    if start > 0 and text[start - 1] == "-" and not _name_before(text, start - 1):
        # A double hyphen is a dash, not a compound: "(Jiji Press)--North Korea".
        return not (start > 1 and text[start - 2] == "-")
    return (
        written[:4].lower() == "the "
        and text[end : end + 1] in (" ", "\u00a0")
        and text[end + 1 : end + 2].isupper()
    )


def _name_before(text: str, hyphen: int) -> bool:
    """Whether the word before a hyphen is a name ("Korea-", "U.S.-"), not a prefix ("anti-")."""
    start = hyphen
    while start > 0 and hyphen - start < 40 and (text[start - 1].isalnum() or text[start - 1] in ".'"):
        start -= 1
    word = text[start:hyphen]
    return word[:1].isupper() and word.lower() not in _PREFIXES


def _forms(entity: Entity) -> Iterator[tuple[str, str]]:
    yield entity.name, "name"
    for alias in entity.aliases:
        yield alias, "alias"
    for adjective in entity.adjectives:
        yield adjective, "adjective"
    for metonym in entity.metonyms:
        yield metonym, "metonym"
    # British and American spellings are one form ("defence"/"defense").
    for form, via in [(entity.name, "name"), *((a, "alias") for a in entity.aliases)]:
        for old, new in _SPELLINGS:
            if old in form:
                yield form.replace(old, new), via


_FIELDS = {
    "name",
    "aliases",
    "role",
    "affiliation",
    "gender",
    "surname",
    "adjectives",
    "metonyms",
}
_TABLES = {
    "person": "person",
    "state": "state",
    "organisation": "organisation",
    "organization": "organisation",
}


def _entities_from_data(data: Mapping[str, Any], source: str) -> Iterator[Entity]:
    for table, items in data.items():
        kind = _TABLES.get(table)
        if kind is None:
            raise ConfigError(f"{source}: unknown table [[{table}]] (use person, state, organisation)")
        if not isinstance(items, list):
            raise ConfigError(f"{source}: [[{table}]] must be an array of tables")
        for i, item in enumerate(items):
            where = f"{source}: [[{table}]] #{i + 1}"
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str) or not name.strip():
                raise ConfigError(f"{where}: needs a non-empty string 'name'")
            unknown = set(item) - _FIELDS
            if unknown:
                raise ConfigError(f"{where} ({item['name']}): unknown field(s) {sorted(unknown)}")
            for key in ("aliases", "adjectives", "metonyms"):
                value = item.get(key, [])
                if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
                    raise ConfigError(f"{where} ({name}): '{key}' must be a list of non-empty strings")
            try:
                yield Entity(
                    name=item["name"],
                    kind=kind,
                    aliases=tuple(item.get("aliases", ())),
                    role=item.get("role"),
                    affiliation=item.get("affiliation"),
                    gender=item.get("gender"),
                    surname=item.get("surname"),
                    adjectives=tuple(item.get("adjectives", ())),
                    metonyms=tuple(item.get("metonyms", ())),
                )
            except (TypeError, ValueError) as e:
                raise ConfigError(f"{where} ({item['name']}): {e}") from e


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    text = resources.files("koreabrief").joinpath("data").joinpath("entities.toml").read_text("utf-8")
    return Gazetteer.from_toml_text(text, source="koreabrief/data/entities.toml")
