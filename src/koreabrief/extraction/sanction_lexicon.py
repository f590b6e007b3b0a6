"""The word lists and patterns behind sanctions, read once from ``data/sanctions.toml``.

Cues by status, hypothetical and proposal markers, authorities and the
programmes they run, the follow-up sentences that go on naming a
designation's targets, and the word lists of designee lists
([`DesigneeLexicon`][koreabrief.extraction.designees.DesigneeLexicon]).
A `SanctionLexicon` is immutable and picklable; its patterns compile once.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from importlib import resources
from typing import Any

from attrs import field, frozen

from koreabrief.extraction.designee_words import DesigneeLexicon
from koreabrief.extraction.triggers import literal_starts
from koreabrief.models import SanctionStatus
from koreabrief.patterns import trie_regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["SanctionLexicon"]

# " ... " in a cue pattern: a gap of up to six words inside a clause.
_GAP = r"(?:\s+[\w'’-]{1,30}){0,6}?\s+"
# What may open a follow-up sentence before its pattern: "Additionally, the sanctions ...".
_LEAD = (
    r"[\s\"“‘]*(?:(?:additionally|in addition|also|meanwhile|further|furthermore|moreover|separately"
    r"|apart from that)\s*,?\s+)?"
)


@frozen
class SanctionLexicon:
    """Sanction cues, hypothetical markers and authority names, from ``sanctions.toml``.

    Examples:
        >>> SanctionLexicon.default().authority["OFAC"]
        'United States'
    """

    data: Mapping[str, Any] = field(eq=False, repr=False)
    cues: tuple[tuple[SanctionStatus, str], ...] = field(init=False)
    authority: dict[str, str] = field(init=False, repr=False)
    pattern: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # `pattern` without IGNORECASE, for lower-cased text (see `_lowered_pattern`).
    lowered: re.Pattern[str] | None = field(init=False, eq=False, repr=False)
    # A search of this finds where `lowered`'s first match starts, faster (see `_gate`).
    gate: re.Pattern[str] | None = field(init=False, eq=False, repr=False)
    # Each cue of `pattern` alone, its group named as there: where the lower-case twin says
    # which cue matches, only that one is read again on the text.
    cue_patterns: tuple[re.Pattern[str], ...] = field(init=False, eq=False, repr=False)
    hypothetical: re.Pattern[str] = field(init=False, eq=False, repr=False)
    proposal: re.Pattern[str] = field(init=False, eq=False, repr=False)
    authorities: re.Pattern[str] = field(init=False, eq=False, repr=False)
    designees: DesigneeLexicon = field(init=False, eq=False, repr=False)
    # Sentence openings that go on naming a designation's targets ("The companies are").
    follow_ups: tuple[re.Pattern[str], ...] = field(init=False, eq=False, repr=False)
    # (canonical programme, its pattern), longest pattern first.
    programs: tuple[tuple[str, re.Pattern[str]], ...] = field(init=False, eq=False, repr=False)
    # Every programme's pattern in one: most cue sentences name none, and one scan tells.
    any_program: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # A passive verb naming targets after a designation ("was also listed").
    passive: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # A group named in apposition ("The companies, A and B, shipped ...").
    appositive: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # Verbs that tell a designation only after a sanctioning subject ("The U.S. targeted X"),
    # and the words one of which must stand near for them to be read.
    sanctioner_verbs: re.Pattern[str] = field(init=False, eq=False, repr=False)
    sanctioner_context: tuple[str, ...] = field(init=False, repr=False)
    # The verbs in lower case, for a quick substring scan of an article's lower-case text.
    sanctioner_words: tuple[str, ...] = field(init=False, repr=False)
    # A government body named by its noun before such a verb ("the government", "the bloc").
    sanctioner_body: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # "for criticism" after such a verb's objects: words said, no designation.
    sanctioner_not_for: re.Pattern[str] = field(init=False, eq=False, repr=False)
    # States under broad sanctions regimes: the target of sanctions spoken of with none named.
    regime_states: frozenset[str] = field(init=False, repr=False)
    # States under a UN Security Council regime: the target of broken UN resolutions.
    un_states: frozenset[str] = field(init=False, repr=False)
    # Lower-case words one of which every text with a sanction holds.
    prefilter: tuple[str, ...] = field(init=False, repr=False)
    # Lower-case words one of which every sentence with a cue holds (None: scan every sentence).
    anchors: re.Pattern[str] | None = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        cues = []
        parts = []
        bodies = []
        for i, item in enumerate(self.data.get("cue", ())):
            cues.append((SanctionStatus(item["status"]), str(item.get("entity", "after"))))
            body = "|".join(_GAP.join(p.split(" ... ")) for p in item["patterns"])
            bodies.append(body)
            parts.append(f"(?P<c{i}>{body})")
        object.__setattr__(self, "cues", tuple(cues))
        words = self.data.get("prefilter", {}).get("words", ("sanction", "resolution"))
        object.__setattr__(self, "prefilter", tuple(w.lower() for w in words))
        anchors = self.data.get("prefilter", {}).get("sentence_words", ())
        object.__setattr__(
            self, "anchors", re.compile(trie_regex(tuple(w.lower() for w in anchors))) if anchors else None
        )
        source = r"(?<![\w-])(?:" + "|".join(parts or ["(?!x)x"]) + r")(?![\w-])"
        object.__setattr__(self, "pattern", re.compile(source, re.IGNORECASE))
        object.__setattr__(self, "lowered", _lowered_pattern(source, bodies))
        object.__setattr__(self, "gate", _gate(bodies) if self.lowered is not None else None)
        object.__setattr__(
            self,
            "cue_patterns",
            tuple(re.compile(rf"(?<![\w-])(?:{part})(?![\w-])", re.IGNORECASE) for part in parts),
        )
        object.__setattr__(
            self, "hypothetical", _words_regex(self.data.get("hypothetical", {}).get("before", ()))
        )
        object.__setattr__(self, "proposal", _words_regex(self.data.get("proposal", {}).get("before", ())))
        auth = dict(self.data.get("authority", {}))
        object.__setattr__(self, "authority", auth)
        alts = "|".join(re.escape(k) for k in sorted(auth, key=len, reverse=True)) or "(?!x)x"
        object.__setattr__(self, "authorities", re.compile(rf"(?<![\w.])(?:{alts})(?![\w])"))
        object.__setattr__(self, "designees", DesigneeLexicon(self.data.get("designees", {})))
        sanctioner = self.data.get("sanctioner", {})
        object.__setattr__(self, "sanctioner_verbs", _words_regex(sanctioner.get("verbs", ())))
        verbs = tuple(str(w).lower() for w in sanctioner.get("verbs", ()))
        object.__setattr__(self, "sanctioner_words", verbs)
        object.__setattr__(
            self, "sanctioner_context", tuple(str(w).lower() for w in sanctioner.get("context", ()))
        )
        purposes = sorted((re.escape(str(w)) for w in sanctioner.get("not_for", ())), key=len, reverse=True)
        object.__setattr__(
            self,
            "sanctioner_not_for",
            re.compile(
                rf"\s*(?:,\s*)?for\s+(?:(?:its|their|his|her|the)\s+)?(?:{'|'.join(purposes) or '(?!x)x'})\b",
                re.IGNORECASE,
            ),
        )
        nouns = sorted((str(w) for w in sanctioner.get("bodies", ())), key=len, reverse=True)
        body_alts = "|".join(re.escape(w) for w in nouns)
        object.__setattr__(
            self,
            "sanctioner_body",
            re.compile(rf"\b(?:the|its|their)\s+(?:{body_alts or '(?!x)x'})\b", re.IGNORECASE),
        )
        object.__setattr__(self, "regime_states", frozenset(self.data.get("bare", {}).get("states", ())))
        object.__setattr__(self, "un_states", frozenset(self.data.get("bare", {}).get("un_states", ())))
        follow = self.data.get("follow_up", {})
        groups = "|".join(
            re.escape(w)
            for w in sorted(self.data.get("designees", {}).get("group_nouns", ()), key=len, reverse=True)
        )
        object.__setattr__(
            self,
            "follow_ups",
            tuple(
                re.compile(_LEAD + p.replace("{groups}", groups or "(?!x)x"), re.IGNORECASE)
                for p in follow.get("patterns", ())
            ),
        )
        object.__setattr__(self, "passive", re.compile(follow.get("passive", "(?!x)x"), re.IGNORECASE))
        appositive = follow.get("appositive", "(?!x)x").replace("{groups}", groups or "(?!x)x")
        object.__setattr__(self, "appositive", re.compile(_LEAD + appositive, re.IGNORECASE))
        programs = []
        bodies = []
        for item in self.data.get("program", ()):
            body = "|".join(item["patterns"])
            bodies.append(body)
            programs.append((str(item["name"]), re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)))
        object.__setattr__(self, "programs", tuple(programs))
        # Only asked whether a sentence names any: the gated form answers the same, sooner.
        object.__setattr__(self, "any_program", _gate(bodies, re.IGNORECASE))

    def __getstate__(self) -> dict[str, Any]:
        return {"data": dict(self.data)}

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        object.__setattr__(self, "data", state["data"])
        self.__attrs_post_init__()

    @classmethod
    def default(cls) -> SanctionLexicon:
        """The shipped lexicon, read once.

        Examples:
            >>> SanctionLexicon.default() is SanctionLexicon.default()
            True
        """
        return _default()


def _words_regex(words: Any) -> re.Pattern[str]:
    """Any of these words or phrases, case-insensitively, on word boundaries."""
    alts = [re.escape(w) for w in words]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts or ["(?!x)x"]) + r")\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _default() -> SanctionLexicon:
    text = resources.files("koreabrief").joinpath("data").joinpath("sanctions.toml").read_text("utf-8")
    return SanctionLexicon(tomllib.loads(text))


def _lowered_pattern(source: str, bodies: list[str]) -> re.Pattern[str] | None:
    """`source` compiled case-sensitively, when that is its IGNORECASE form on lower-cased text.

    It is when the cue patterns hold no cased character but ASCII lower-case
    letters (so no capital escape such as ``\\W`` or ``\\S`` either) and the
    text none of `CASE_EXTRAS`. The IGNORECASE scan is some three times
    slower: it only confirms the sentences the quick one finds a cue in.
    """
    if all((c.isascii() and c.islower()) or c.lower() == c.upper() for body in bodies for c in body):
        return re.compile(source)
    return None


def _gate(bodies: list[str], flags: int = 0) -> re.Pattern[str]:
    """``(?<![\\w-])(?:body|body...)(?![\\w-])`` with a look-ahead for the bodies' literal starts.

    It matches where that alternation matches, at the same places: a body whose every
    match starts with one of a few literals cannot match where none of them stands, and
    the look-ahead (a trie, under the same `flags`) tells that at once instead of trying
    each body there. Bodies with no such start (one opening with a look-behind) are tried
    as before. Only where a match starts is meant: which body matches, and how far, is
    for the plain alternation to read.
    """
    known: list[str] = []
    other: list[str] = []
    starts: set[str] = set()
    for body in bodies:
        found = literal_starts(body)
        if found is None:
            other.append(f"(?:{body})")
        else:
            known.append(f"(?:{body})")
            starts |= found
    alts = [f"(?={trie_regex(sorted(starts))})(?:{'|'.join(known)})"] if known else []
    alts += other
    return re.compile(r"(?<![\w-])(?:" + ("|".join(alts) or "(?!x)x") + r")(?![\w-])", flags)
