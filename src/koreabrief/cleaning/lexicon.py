"""The furniture lexicon: phrases, prefixes and patterns of page furniture by kind.

The shipped lexicon lives in ``koreabrief/data/furniture.toml`` and is read once,
lazily, by [`default_lexicon`][koreabrief.cleaning.lexicon.default_lexicon]. It is
an immutable, picklable value, so that cleaning runs unchanged on a process pool.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from importlib import resources
from typing import Any

from attrs import field, frozen

from koreabrief.errors import ConfigError
from koreabrief.models import RemovalKind

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["KindRules", "Lexicon", "default_lexicon", "folded_key", "phrase_key"]

#: Order in which kinds are tried; the first that matches wins.
KIND_ORDER: tuple[RemovalKind, ...] = (
    RemovalKind.COMMENTS,
    RemovalKind.SHARE,
    RemovalKind.RATING,
    RemovalKind.RELATED,
    RemovalKind.ADVERT,
    RemovalKind.CREDIT,
    RemovalKind.SOURCE_NOTE,
    RemovalKind.BYLINE,
    RemovalKind.NAVIGATION,
    RemovalKind.AUTHOR_BIO,
    RemovalKind.OTHER,
)

#: Kinds whose prefixes may open a long notice ("Dear visitor, the comments ...");
#: the prefixes of other kinds only count on short lines.
LONG_PREFIX_KINDS = frozenset(
    {RemovalKind.COMMENTS, RemovalKind.ADVERT, RemovalKind.OTHER, RemovalKind.SOURCE_NOTE, RemovalKind.CREDIT}
)

# Bullets, arrows, pipes and counts around a furniture phrase ("» Share (12)").
_EDGE_JUNK = " \t•·|/\\>»›‹«<→←↑↓▶▸►◀◂◄-–—=:;,.!?*+#~_()[]{}0123456789"
_SPACES = re.compile(r"\s+")


def phrase_key(text: str) -> str:
    """Reduce a line to the form phrases are compared in.

    Examples:
        >>> phrase_key("  » Share it (12) ")
        'share it'
    """
    return folded_key(text.casefold())


def _outlet_keys(outlets: tuple[str, ...]) -> dict[str, str]:
    """Each outlet's key, and the same with "the" added or dropped: pages write "The
    Associated Press" and "Korea Herald" as often as the names are listed the other way."""
    keys: dict[str, str] = {}
    for name in outlets:
        key = phrase_key(name)
        keys.setdefault(key, name)
    for key, name in list(keys.items()):
        keys.setdefault(key[4:] if key.startswith("the ") else f"the {key}", name)
    return keys


def folded_key(folded: str) -> str:
    """`phrase_key` of text already casefolded (casefolding is idempotent).

    Examples:
        >>> folded_key("» share it (12)")
        'share it'
    """
    key = folded
    if "  " in key or "\t" in key or "\n" in key:
        key = _SPACES.sub(" ", key)
    key = key.strip(_EDGE_JUNK)
    return key.replace("’", "'") if "’" in key else key


@frozen
class KindRules:
    """Whole-line phrases, short-line prefixes and start-anchored patterns of one kind."""

    kind: RemovalKind
    phrases: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    edge: bool = False


def _bounded(items: Any, source: str, name: str) -> tuple[str, ...]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ConfigError(f"{source}: {name} must be a list of strings")
    return tuple(items)


def _compile(pattern: str, source: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as e:
        raise ConfigError(f"{source}: bad pattern {pattern!r}: {e}") from e


def _compile_all(patterns: tuple[str, ...], source: str) -> tuple[re.Pattern[str], ...]:
    # Each is checked alone (for a clear error), then all are joined into one
    # alternation so that a line costs one match call per kind.
    for p in patterns:
        _compile(p, source)
    if not patterns:
        return ()
    return (_compile("|".join(f"(?:{p})" for p in patterns), source),)


def _prefix_alternation(
    index: Mapping[str, tuple[tuple[str, RemovalKind], ...]], kinds: frozenset[RemovalKind] | None
) -> re.Pattern[str] | None:
    """One pattern for "the line opens with a prefix": a named group per kind, in KIND_ORDER.

    Alternatives are tried in order, so the group that matches (`lastgroup`) is
    the earliest kind with a matching prefix, as trying the kinds in turn gives.
    """
    order = {kind: n for n, kind in enumerate(KIND_ORDER)}
    by_kind: dict[RemovalKind, list[str]] = {}
    for entries in index.values():
        for prefix, kind in entries:
            if prefix and (kinds is None or kind in kinds):
                by_kind.setdefault(kind, []).append(prefix)
    groups = [
        f"(?P<{kind.value}>{'|'.join(map(_prefix_pattern, prefixes))})"
        for kind, prefixes in sorted(by_kind.items(), key=lambda item: order.get(item[0], len(order)))
    ]
    return re.compile("|".join(groups)) if groups else None


def _prefix_pattern(prefix: str) -> str:
    # A label's colon may stand apart from it: "Photo : Yonhap", "Published : Jan. 6".
    if prefix.endswith(":") and len(prefix) > 1 and prefix[-2] != " ":
        return re.escape(prefix[:-1]) + " ?:"
    return re.escape(prefix)


@frozen
class Lexicon:
    """Everything the cleaner knows about page furniture, as immutable data.

    Attributes:
        rules: Rules per kind, in the order they are tried.
        bio_verbs: Verbs that follow a name opening a third-person author bio.
        occupations: Words that mark a sentence as an author bio.
        timestamp_words: Words a date/time-only line is made of.
        months: Month names and abbreviations.
        outlets: Outlet names, as written.
        stopwords: English function words (for stop-word density).
        suffixes: Word endings that are never words on their own.
        prefixes: Bound prefixes ("co", "re") that are rarely words on their own.
        dateline_labels: Capitalised labels ("BREAKING") that are not dateline places.
        not_names: Folded words that, after "By", open prose rather than a byline.
        appeal_words: Folded words by which a sentence speaks to the reader or of
            the outlet's journalism ("you", "our", "journalism"): the pitch of a
            subscription prompt, not the story.
        outlet_words: Folded words outlets' names end in ("post", "times",
            "daily"): "Example Post|June 20, 2024" names an outlet.
        address_words: Words of article addresses that are no headline's
            ("news", "article", "html"), left out of an address's slug.
        section_words: A site's section names ("politics", "middle east"),
            from ``[navigation] sections``.
        share_items: The phrases of share buttons of up to three words
            ("facebook", "copy link"), derived from `rules`.
        button_words: The one-word phrases of navigation and share buttons
            ("home", "save", "print"), derived from `rules`.
        section_keys: The keys of `section_words`, derived from them.
        menu_items: Keys of the items a site's menus and share bars are made
            of: its sections and the phrases of navigation and share buttons of
            up to three words ("home", "sign in", "print"), derived from them.
        caption_openers: How a picture's caption may open ("This Oct. 8 file
            photo shows ...", "In this photo ..."), as one pattern matched at
            the start of a line's folded text; from ``[credit] openers``.
        phrase_index: Whole-line phrase to kind, derived from `rules`.
        prefix_index: Prefixes of the kinds that apply anywhere, by their first
            two characters, in the order kinds are tried; derived from `rules`.
        line_pattern: The start-anchored patterns of those kinds (credits aside,
            which are matched at the end of a line) as one alternation whose
            group names are the kinds; derived from `rules`.
        outlet_keys: Folded outlet name to the name as written, derived from `outlets`.
        edge_prefixes: The prefixes of the edge-only kinds, derived from `rules`.
        occupation_pattern: Any of `occupations` as a whole word, derived from them.
        credit_patterns: The patterns of the credit kind, derived from `rules`.
        prefix_pattern: Every prefix of `prefix_index` as one anchored alternation
            whose group names are the kinds, earliest kind first.
        long_prefix_pattern: The same for the kinds whose prefixes may open long lines.

    Examples:
        >>> import koreabrief as kb
        >>> lex = kb.FurnitureLexicon.default()
        >>> lex.match_phrase("Share it").value
        'share'
    """

    rules: tuple[KindRules, ...]
    # The parsed TOML it was built from, so that `extend` can add to it.
    data: Mapping[str, Any] = field(factory=dict, eq=False, repr=False)
    bio_verbs: frozenset[str] = frozenset()
    occupations: frozenset[str] = frozenset()
    timestamp_words: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    outlets: tuple[str, ...] = ()
    stopwords: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    dateline_labels: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    appeal_words: frozenset[str] = frozenset()
    address_words: frozenset[str] = frozenset()
    outlet_words: frozenset[str] = frozenset()
    section_words: frozenset[str] = frozenset()
    caption_openers: re.Pattern[str] | None = field(default=None, eq=False, repr=False)
    phrase_index: Mapping[str, RemovalKind] = field(factory=dict, eq=False, repr=False)
    prefix_index: Mapping[str, tuple[tuple[str, RemovalKind], ...]] = field(
        factory=dict, eq=False, repr=False
    )
    line_pattern: re.Pattern[str] | None = field(default=None, eq=False, repr=False)
    outlet_keys: Mapping[str, str] = field(factory=dict, eq=False, repr=False)
    # Derived at construction (however the lexicon is built), so that the hot
    # per-line checks are one C-level call each instead of a loop over rules.
    edge_prefixes: tuple[str, ...] = field(init=False, eq=False, repr=False)
    occupation_pattern: re.Pattern[str] | None = field(init=False, eq=False, repr=False)
    credit_patterns: tuple[re.Pattern[str], ...] = field(init=False, eq=False, repr=False)
    prefix_pattern: re.Pattern[str] | None = field(init=False, eq=False, repr=False)
    long_prefix_pattern: re.Pattern[str] | None = field(init=False, eq=False, repr=False)
    share_items: frozenset[str] = field(init=False, eq=False, repr=False)
    button_words: frozenset[str] = field(init=False, eq=False, repr=False)
    section_keys: frozenset[str] = field(init=False, eq=False, repr=False)
    menu_items: frozenset[str] = field(init=False, eq=False, repr=False)

    @edge_prefixes.default
    def _edge_prefixes(self) -> tuple[str, ...]:
        return tuple(p for rule in self.rules if rule.edge for p in rule.prefixes)

    @occupation_pattern.default
    def _occupation_pattern(self) -> re.Pattern[str] | None:
        # One alternation: "any occupation occurs as a whole word", one scan.
        words = sorted(self.occupations, key=lambda w: (-len(w), w))
        return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b") if words else None

    @credit_patterns.default
    def _credit_patterns(self) -> tuple[re.Pattern[str], ...]:
        return next((rule.patterns for rule in self.rules if rule.kind is RemovalKind.CREDIT), ())

    @prefix_pattern.default
    def _prefix_pattern(self) -> re.Pattern[str] | None:
        return _prefix_alternation(self.prefix_index, None)

    @long_prefix_pattern.default
    def _long_prefix_pattern(self) -> re.Pattern[str] | None:
        return _prefix_alternation(self.prefix_index, LONG_PREFIX_KINDS)

    @share_items.default
    def _share_items(self) -> frozenset[str]:
        return _short_phrases(self.rules, {RemovalKind.SHARE}, _MENU_ITEM_WORDS)

    @button_words.default
    def _button_words(self) -> frozenset[str]:
        return _short_phrases(self.rules, {RemovalKind.NAVIGATION, RemovalKind.SHARE}, 1)

    @section_keys.default
    def _section_keys(self) -> frozenset[str]:
        return frozenset(phrase_key(w) for w in self.section_words)

    @menu_items.default
    def _menu_items(self) -> frozenset[str]:
        buttons = _short_phrases(self.rules, {RemovalKind.NAVIGATION, RemovalKind.SHARE}, _MENU_ITEM_WORDS)
        return buttons | self.section_keys

    @staticmethod
    def default() -> Lexicon:
        """The shipped lexicon (``koreabrief/data/furniture.toml``), read once.

        Examples:
            >>> Lexicon.default() is Lexicon.default()
            True
        """
        return default_lexicon()

    def extend(self, text: str, *, source: str = "<extension>") -> Lexicon:
        """This lexicon with more furniture: TOML in the schema of ``data/furniture.toml``.

        Lists (phrases, prefixes, patterns, outlet names ...) are added to this
        lexicon's; other values replace its own. The way to teach the cleaner one
        outlet's page furniture without copying the whole lexicon.

        Raises:
            ConfigError: The text is not valid TOML or breaks the schema.

        Examples:
            >>> import koreabrief as kb
            >>> lex = kb.FurnitureLexicon.default().extend('[share]\\nphrases = ["beam this story"]')
            >>> lex.match_phrase("Beam this story").value, lex.match_phrase("Share it").value
            ('share', 'share')
        """
        extra = _parse(text, source)
        return Lexicon.from_data(_merged(dict(self.data), extra), source=source)

    @classmethod
    def from_toml_text(cls, text: str, *, source: str = "<string>") -> Lexicon:
        """Build a lexicon from TOML text in the schema of ``data/furniture.toml``.

        Raises:
            ConfigError: The text is not valid TOML or breaks the schema.

        Examples:
            >>> lex = Lexicon.from_toml_text('[share]\\nphrases = ["pass it on"]')
            >>> lex.match_phrase("Pass it on!").value
            'share'
        """
        return cls.from_data(_parse(text, source), source=source)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], *, source: str = "<data>") -> Lexicon:
        """Build a lexicon from parsed TOML (see `from_toml_text`).

        Raises:
            ConfigError: The data breaks the schema.

        Examples:
            >>> Lexicon.from_data({"share": {"phrases": ["pass it on"]}}).match_phrase("pass it on").value
            'share'
        """
        rules: list[KindRules] = []
        for kind in KIND_ORDER:
            table = data.get(kind.value, {})
            if not isinstance(table, dict):
                raise ConfigError(f"{source}: [{kind.value}] must be a table")
            rules.append(
                KindRules(
                    kind=kind,
                    phrases=frozenset(
                        phrase_key(p) for p in _bounded(table.get("phrases", []), source, "phrases")
                    ),
                    prefixes=tuple(
                        p.casefold() for p in _bounded(table.get("prefixes", []), source, "prefixes")
                    ),
                    patterns=_compile_all(_bounded(table.get("patterns", []), source, "patterns"), source),
                    edge=bool(table.get("edge", False)),
                )
            )
        bio = data.get("author_bio", {})
        advert = data.get("advert", {})
        stamps = data.get("timestamps", {})
        wraps = data.get("wraps", {})
        datelines = data.get("dateline", {})
        outlets = _bounded(data.get("outlets", {}).get("names", []), source, "outlets.names")
        index: dict[str, RemovalKind] = {}
        for rule in rules:
            for phrase in rule.phrases:
                if phrase:  # "***" folds to nothing; lines without words are handled apart
                    index.setdefault(phrase, rule.kind)
        prefix_index: dict[str, list[tuple[str, RemovalKind]]] = {}
        alternatives: list[str] = []
        for rule in rules:
            if rule.edge:
                continue
            for prefix in rule.prefixes:
                prefix_index.setdefault(prefix[:2], []).append((prefix, rule.kind))
            if rule.kind is not RemovalKind.CREDIT:
                alternatives += [f"(?P<{rule.kind.value}>{p.pattern})" for p in rule.patterns]
        return cls(
            data=data,
            rules=tuple(rules),
            phrase_index=index,
            prefix_index={k: tuple(v) for k, v in prefix_index.items()},
            line_pattern=_compile("|".join(alternatives), source) if alternatives else None,
            outlet_keys=_outlet_keys(outlets),
            bio_verbs=frozenset(_bounded(bio.get("bio_verbs", []), source, "bio_verbs")),
            occupations=frozenset(_bounded(bio.get("occupations", []), source, "occupations")),
            timestamp_words=frozenset(
                _bounded(stamps.get("months", []), source, "months")
                + _bounded(stamps.get("weekdays", []), source, "weekdays")
                + _bounded(stamps.get("time_words", []), source, "time_words")
            ),
            months=frozenset(_bounded(stamps.get("months", []), source, "months")),
            outlets=outlets,
            stopwords=frozenset(
                _bounded(data.get("stopwords", {}).get("words", []), source, "stopwords.words")
            ),
            suffixes=frozenset(_bounded(wraps.get("suffixes", []), source, "wraps.suffixes")),
            prefixes=frozenset(_bounded(wraps.get("prefixes", []), source, "wraps.prefixes")),
            dateline_labels=frozenset(_bounded(datelines.get("labels", []), source, "dateline.labels")),
            caption_openers=_compile_all(
                _bounded(data.get("credit", {}).get("openers", []), source, "credit.openers"), source
            )[0]
            if data.get("credit", {}).get("openers")
            else None,
            outlet_words=frozenset(
                w.casefold()
                for w in _bounded(data.get("outlets", {}).get("words", []), source, "outlets.words")
            ),
            address_words=frozenset(
                w.casefold()
                for w in _bounded(data.get("address", {}).get("words", []), source, "address.words")
            ),
            section_words=frozenset(
                _bounded(data.get("navigation", {}).get("sections", []), source, "navigation.sections")
            ),
            appeal_words=frozenset(
                w.casefold() for w in _bounded(advert.get("appeal_words", []), source, "advert.appeal_words")
            ),
            not_names=frozenset(
                _bounded(datelines.get("not_names", []), source, "dateline.not_names")
                + _bounded(stamps.get("months", []), source, "months")
                + _bounded(stamps.get("weekdays", []), source, "weekdays")
            ),
        )

    def match_phrase(self, text: str) -> RemovalKind | None:
        """The kind whose whole-line phrase `text` is, if any.

        Examples:
            >>> import koreabrief as kb
            >>> kb.FurnitureLexicon.default().match_phrase("LATEST POSTS").value
            'related'
        """
        return self.phrase_index.get(phrase_key(text))

    def outlet_named(self, text: str) -> str | None:
        """The outlet a line consists of ("The Korea Herald"), if any.

        Examples:
            >>> import koreabrief as kb
            >>> kb.FurnitureLexicon.default().outlet_named("NK News")
            'NK News'
        """
        return self.outlet_keys.get(phrase_key(text))

    def outlet_in(self, text: str) -> str | None:
        """The longest outlet name occurring in `text` as whole words, if any.

        Examples:
            >>> import koreabrief as kb
            >>> kb.FurnitureLexicon.default().outlet_in("© 2025 Yonhap News Agency. All rights reserved.")
            'Yonhap News Agency'
        """
        folded = f" {phrase_key(text)} "
        best: str | None = None
        for key, name in self.outlet_keys.items():
            if (
                len(key) > 2
                and f" {key} " in folded.replace(".", " ").replace(",", " ")
                and (best is None or len(name) > len(best))
            ):
                best = name
        return best


#: The most words an item of a menu or a share bar has ("sign in", "copy link").
MENU_ITEM_WORDS = 3
_MENU_ITEM_WORDS = MENU_ITEM_WORDS


def _short_phrases(rules: tuple[KindRules, ...], kinds: set[RemovalKind], most: int) -> frozenset[str]:
    """The whole-line phrases of `kinds` of at most `most` words ("print", "copy link")."""
    return frozenset(
        p for rule in rules if rule.kind in kinds for p in rule.phrases if p and p.count(" ") < most
    )


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{source}: invalid TOML: {e}") from e


def _merged(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with `extra` laid over it: tables merged, lists concatenated, other values replaced."""
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = _merged(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + value
        else:
            out[key] = value
    return out


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, read once from ``koreabrief/data/furniture.toml``.

    Examples:
        >>> "the" in default_lexicon().stopwords
        True
    """
    text = resources.files("koreabrief").joinpath("data").joinpath("furniture.toml").read_text("utf-8")
    return Lexicon.from_toml_text(text, source="koreabrief/data/furniture.toml")
