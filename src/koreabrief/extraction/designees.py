"""The named designees of a sanctions list: who a designation names, one by one.

A designation sentence or the sentences after it list its targets in many
shapes: "sanctioned Kim Yong Bok, deputy chief of the General Staff, and Ri
Chang Ho", "two Russian ships - Lady R and Angara", "four entities — ▲ Lazarus
Group ▲ Kimsuky", "the Lazarus Group, also known as APT38", "a mixer called
Tornado Cash", semicolon lists with titles before each name. `read_list` reads
such a stretch of text into `Item`s: named designees (with aliases, their kind
and the group phrase they belong to) and group phrases ("three individuals").

The reading is by shape, not by dictionary: a name is a run of capitalised
words (joined by "of", "for", "&" ...); a name after a preposition modifies
another ("director of the General Staff"), one before a lower-case noun is an
adjective ("Workers' Party officials"), titles before a person's name are
stripped ("Defense Minister No Kwang Chol"). The word lists are data
(``[designees]`` in ``data/sanctions.toml``).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, NamedTuple

from koreabrief.extraction.actors import ActorMention

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["DesigneeLexicon", "Item", "find_attribution", "read_list"]

# A word (letters, digits; inner dots, apostrophes, hyphens; a final abbreviation
# stop or possessive apostrophe) or one mark. Each character is consumed once.
_TOKEN = re.compile(r"[^\W_](?:[\w&]|[.'’-](?=[^\W_]))*(?:\.|(?<=[sS])['’](?![^\W_]))?|[^\w\s]")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "dozens": None, "several": None, "some": None,
    "other": None, "more": None, "multiple": None, "numerous": None, "various": None, "many": None,
}  # fmt: skip
_QUOTES_OPEN = "“‘\"'"
_QUOTES_CLOSE = "”’\"'"
_BULLETS = frozenset("▲•·■□●◆▪►-–—*")
_DEMONYM_ENDS = ("an", "ese", "ish", "i", "ch")
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_PRONOUNS = frozenset(["it", "they", "he", "she", "we"])
# Words that stay function words in capitals ("THE", "AND" in a headline).
_CAPS_FUNCTION_WORDS = frozenset(["the", "and", "of", "in", "on", "at", "to", "for", "by", "or", "as", "an", "with"])
# Company suffixes that may follow a name after a comma ("Co., Ltd.").
_SUFFIXES = frozenset(["ltd", "inc", "llc", "co", "corp", "limited", "plc", "jsc", "gmbh", "ag", "sa", "pte"])
# A capitalised modifier is no part of a name: "China-based", "Russian-flagged".
_MODIFIER_ENDS = ("-based", "-flagged", "-linked", "-registered", "-headquartered", "-owned", "-run",
                  "-backed", "-controlled", "-made", "-built")
# The group nouns that tell a designee's kind ("two officials, Ri and Kim": people).
_PERSON_GROUPS = frozenset(
    "individuals individual people persons person officials official generals general officers ceo"
    " executive programmer hacker businessman businesswoman representatives operatives oligarchs".split()
)
_COMPANY_GROUPS = frozenset("companies company firms firm banks bank businesses".split())
_BODY_GROUPS = frozenset("entities entity organisations organizations agencies units unit".split())


class Item(NamedTuple):
    """One entry of a list: a named designee or a group phrase.

    Attributes:
        name: The designee's name as written (titles stripped), or the group phrase.
        start: Offset of `name` in the text.
        end: Offset one past `name`.
        kind: ``person``, ``company``, ``organisation``, ``vessel``, ``state``,
            ``entity`` (a name of unknown kind) or ``group`` (a group phrase).
        aliases: Other names given for it ("also known as", parentheses).
        group: The group phrase it belongs to ("two Russian ships"), if any.
        count: The number the group phrase gives, if any.
        mention: The gazetteer's mention of the name, when it knows it.
    """

    name: str
    start: int
    end: int
    kind: str
    aliases: tuple[str, ...] = ()
    group: str | None = None
    count: int | None = None
    mention: ActorMention | None = None


def _set(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key, ()))


def _phrases(data: Mapping[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases as word tuples, longest first."""
    out = {tuple(str(w).lower().split()) for w in data.get(key, ())}
    return tuple(sorted(out, key=len, reverse=True))


class DesigneeLexicon:
    """The word lists of ``[designees]`` in ``sanctions.toml``, as sets.

    Examples:
        >>> lex = DesigneeLexicon({"titles": ["Minister"]})
        >>> "minister" in lex.titles
        True
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.group_nouns = _set(data, "group_nouns")
        self.introducers = _phrases(data, "introducers")
        self.naming = _phrases(data, "naming")
        self.mid_introducers = _phrases(data, "mid_introducers")
        self.alias_markers = _phrases(data, "alias_markers")
        self.prepositions = _set(data, "prepositions")
        self.clause_openers = _set(data, "clause_openers")
        self.reason_openers = _phrases(data, "reason_openers")
        self.titles = _set(data, "titles")
        self.surnames = frozenset(str(w) for w in data.get("korean_surnames", ()))
        self.abbreviations = _set(data, "abbreviations")
        self.not_names = _set(data, "not_names")
        self.connectors = _phrases(data, "connectors")
        self.company_heads = _set(data, "company_heads")
        self.body_heads = _set(data, "body_heads")
        self.joined_heads = _set(data, "joined_heads")
        self.vessel_words = _set(data, "vessel_words")
        self.attribution = _phrases(data, "attribution")

    @classmethod
    def default(cls) -> DesigneeLexicon:
        """The shipped lists, read once.

        Examples:
            >>> DesigneeLexicon.default() is DesigneeLexicon.default()
            True
        """
        return _default()


@functools.lru_cache(maxsize=1)
def _default() -> DesigneeLexicon:
    text = resources.files("koreabrief").joinpath("data").joinpath("sanctions.toml").read_text("utf-8")
    return DesigneeLexicon(tomllib.loads(text).get("designees", {}))


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    # Whether it may be part of a name: capitalised (or "224th"), no day, month or "The".
    cap: bool

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def word(self) -> bool:
        return self.text[0].isalnum()


def _capital(word: str, lex: DesigneeLexicon) -> bool:
    c = word[0]
    if not (c.isupper() or (c.isdigit() and any(ch.isalpha() for ch in word))):
        return False
    if len(word) > 1 and word.isupper() and word.lower() not in _CAPS_FUNCTION_WORDS:
        return True  # "IT", "US": an acronym, whatever its lower case reads as
    return word.lower() not in lex.not_names


def _tokens(text: str, start: int, end: int, lex: DesigneeLexicon) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        word = m.group(0)
        if word.endswith(".") and len(word) > 1:
            low = word.lower()
            dotted = word.count(".") > 1 and all(len(p) <= 2 for p in word[:-1].split("."))
            if low not in lex.abbreviations and not dotted:
                out.append(_Tok(word[:-1], s, e - 1, _capital(word[:-1], lex)))
                out.append(_Tok(".", e - 1, e, False))
                continue
        out.append(_Tok(word, s, e, _capital(word, lex)))
    return out


def _starts_with(toks: Sequence[_Tok], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest phrase of `phrases` at `toks[i]`, or 0."""
    for phrase in phrases:
        n = len(phrase)
        if i + n <= len(toks) and all(toks[i + k].low == phrase[k] for k in range(n)):
            return n
    return 0


class _Run(NamedTuple):
    """Capitalised words `toks[i:j]`, a possible name."""

    i: int
    j: int
    quoted: bool = False


def find_attribution(text: str, start: int, end: int, lex: DesigneeLexicon) -> int:
    """Where ", the Treasury said ..." or ", according to ..." cuts a list, else `end`.

    Examples:
        >>> lex = DesigneeLexicon({"attribution": ["said", "according to"]})
        >>> t = "Kim and Ri, the Treasury said."
        >>> t[: find_attribution(t, 0, len(t), lex)]
        'Kim and Ri'
    """
    toks = _tokens(text, start, end, lex)
    for i, tok in enumerate(toks):
        if tok.text != ",":
            continue
        for k in range(i + 1, min(len(toks), i + 9)):
            if toks[k].text in ",;:()":
                break
            if _starts_with(toks, k, lex.attribution):
                # "a mixer it said laundered funds, and ...": a relative clause, not who said it.
                relative = any(t.low in _PRONOUNS or t.low in ("which", "who", "that") for t in toks[i + 1 : k])
                if relative and any(t.text == "," for t in toks[k:]):
                    break
                return tok.start
    return end


class _Reader:
    def __init__(
        self, text: str, start: int, end: int, names: Sequence[ActorMention], lex: DesigneeLexicon
    ) -> None:
        self.text = text
        self.lex = lex
        self.toks = _tokens(text, start, end, lex)
        self.names = [n for n in names if start <= n.start and n.end <= end]
        # The lower-case words before the last name read ("the tanker" of "the tanker Ocean Star").
        self.described: str | None = None

    # -- one name ----------------------------------------------------------------------

    def mention_at(self, s: int, e: int) -> ActorMention | None:
        """The gazetteer's mention covering `text[s:e]` (give or take "the" and a possessive)."""
        for n in self.names:
            inside = n.start >= s and n.start - s < 2
            the = n.start < s and self.text[n.start : s].lower().strip() == "the"
            if (inside or the) and n.end <= e and e - n.end < 4:
                return n
        return None

    def mention_in(self, s: int, e: int) -> ActorMention | None:
        for n in self.names:
            if n.start >= s and n.end <= e:
                return n
        return None

    def adjective(self, run: _Run) -> bool:
        """A state's adjective ("North Korean", "Russian") or "China-based" before a noun."""
        toks = self.toks
        last = toks[run.j - 1]
        if last.low.endswith("-based") or last.low.endswith("-flagged") or last.low.endswith("-linked"):
            return True
        nxt = toks[run.j] if run.j < len(toks) else None
        if nxt is None or not nxt.word:
            return False
        n = self.mention_at(toks[run.i].start, last.end)
        return n is not None and n.kind == "state" and n.text != n.name and n.text.endswith(_DEMONYM_ENDS)

    def runs(self, i: int, j: int) -> list[_Run]:
        """The capitalised runs in `toks[i:j]`, quoted names first class."""
        toks, lex = self.toks, self.lex
        out: list[_Run] = []
        k = i
        while k < j:
            t = toks[k]
            if t.text == "(":
                # A parenthesis after a name holds its alias or acronym, no name of its own.
                close = next((m for m in range(k + 1, min(j, k + 30)) if toks[m].text == ")"), None)
                k = close + 1 if close is not None else k + 1
                continue
            if t.text in _QUOTES_OPEN and k + 1 < j and toks[k + 1].cap:
                close = next((m for m in range(k + 1, min(j, k + 8)) if toks[m].text in _QUOTES_CLOSE), None)
                if close is not None and close > k + 1:
                    out.append(_Run(k + 1, close, quoted=True))
                    k = close + 1
                    continue
            if not (t.word and t.cap) or t.low.endswith(_MODIFIER_ENDS):
                k += 1
                continue
            adjective = self.adjective_end(k, j)
            if adjective is not None:
                out.append(_Run(k, adjective))
                k = adjective
                continue
            m = k + 1
            while m < j:
                tok = toks[m - 1]
                if tok.low.endswith(_POSSESSIVE) and self.possessor(k, m):
                    break
                if toks[m].word and toks[m].cap and not toks[m].low.endswith(_MODIFIER_ENDS):
                    m += 1
                    continue
                if toks[m].word and toks[m].cap:
                    # "Hong Kong-based": the run is the place of a modifier, no name.
                    k = m
                    break
                n = _starts_with(toks, m, lex.connectors)
                if n and m + n < j and toks[m + n].word and toks[m + n].cap and not self.personal(k, m):
                    m += n + 1
                    continue
                if toks[m].low == "and" and self.joined(k, m, j):
                    m += 2
                    continue
                break
            if k != m:
                out.append(_Run(k, m))
                k = m
        return out

    def adjective_end(self, k: int, j: int) -> int | None:
        """The token index after a state's adjective starting at `k` ("North Korean CEO"), if any."""
        start = self.toks[k].start
        for n in self.names:
            if n.start == start and n.kind == "state" and n.text != n.name and n.text.endswith(_DEMONYM_ENDS):
                m = k
                while m < j and self.toks[m].end <= n.end:
                    m += 1
                return m if m < j and self.toks[m].word else None
        return None

    def personal(self, i: int, j: int) -> bool:
        """Whether `toks[i:j]` is a person's name (a known person, or a Korean name)."""
        toks = self.toks
        n = self.mention_at(toks[i].start, toks[j - 1].end)
        if n is not None:
            return n.kind == "person"
        return 2 <= j - i <= 3 and toks[i].text in self.lex.surnames and toks[j - 1].low not in (
            self.lex.body_heads | self.lex.company_heads
        )

    def possessor(self, i: int, j: int) -> bool:
        """Whether `toks[i:j]`, ending in a possessive, is a known name owning what follows."""
        toks = self.toks
        s, e = toks[i].start, toks[j - 1].end
        return self.mention_at(s, e) is not None or j - i == 1

    def joined(self, i: int, m: int, j: int) -> bool:
        """ "Propaganda and Agitation Department": one word, "and", words ending in a body head."""
        toks = self.toks
        if m - i != 1 or m + 1 >= j or not toks[m + 1].cap:
            return False
        k = m + 1
        while k < j and toks[k].word and toks[k].cap:
            k += 1
        return toks[k - 1].low in self.lex.joined_heads and k - m <= 4

    def person_in(self, run: _Run) -> tuple[int, int] | None:
        """The person's name at the end of a run that opens with a title, as token bounds."""
        toks, lex = self.toks, self.lex
        n = run.j - run.i
        if n < 2:
            return None
        if not self.is_title(run.i):
            return None
        for k in range(run.i + 1, run.j - 1):
            if toks[k].text in lex.surnames and 1 <= run.j - k - 1 <= 2:
                return k, run.j
        k = run.i
        while k < run.j and self.is_title(k):
            k += 1
        rest = run.j - k
        if k > run.i and 1 <= rest <= 3 and toks[run.j - 1].low not in lex.body_heads | lex.company_heads:
            if all(toks[m].word for m in range(k, run.j)) and toks[k].low not in ("of", "for"):
                return k, run.j
        return None

    def is_title(self, k: int) -> bool:
        return self.toks[k].low.rstrip(".") in self.lex.titles

    def title_only(self, run: _Run) -> bool:
        """A role, not a name: title words only ("Minister of Defense"), or "Title of ..."."""
        toks = self.toks
        if not self.is_title(run.i) or self.person_in(run) is not None:
            return False
        k = run.i
        while k < run.j and self.is_title(k):
            k += 1
        return k == run.j or toks[k].low == "of" or all(
            self.is_title(m) or toks[m].low in ("of", "the") for m in range(k, run.j)
        )

    def kind(self, i: int, j: int, mention: ActorMention | None, group: str | None) -> str:
        if mention is not None and mention.kind in ("person", "state"):
            return mention.kind
        lex = self.lex
        toks = self.toks[i:j]
        last = toks[-1].low
        if last in lex.company_heads or last.rstrip(".") in lex.company_heads:
            return "company"
        if last in lex.body_heads or mention is not None:
            return "organisation"
        if 2 <= len(toks) <= 3 and toks[0].text in lex.surnames and all(t.text[:1].isupper() for t in toks):
            return "person"
        g = set(group.lower().split()) if group else set()
        if g & lex.vessel_words:
            return "vessel"
        if g & _PERSON_GROUPS:
            return "person"
        if g & _COMPANY_GROUPS:
            return "company"
        if g & _BODY_GROUPS:
            return "organisation"
        return "entity"

    # -- one segment -------------------------------------------------------------------

    def segment(self, i: int, j: int) -> tuple[str, Any]:
        """What `toks[i:j]` (no top-level comma) holds: ("name", (s, e, aliases, mention)),
        ("group", (s, e, count)), ("clause", None) or ("none", None)."""
        toks, lex = self.toks, self.lex
        # Leading introducers and list words.
        while i < j:
            n = _starts_with(toks, i, lex.introducers)
            if n:
                i += n
                continue
            if toks[i].text in _BULLETS or toks[i].text in ":":
                i += 1
                continue
            break
        if i >= j:
            return "none", None
        if toks[i].low in lex.clause_openers:
            return "clause", None
        # "a mixer called Tornado Cash": the name after the naming word.
        depth = 0
        for k in range(i, j):
            depth += (toks[k].text == "(") - (toks[k].text == ")")
            n = _starts_with(toks, k, lex.naming) if depth == 0 else 0
            if n and k + n < j and toks[k + n].cap | (toks[k + n].text in _QUOTES_OPEN):
                got = self.segment(k + n, j)
                if got[0] == "name":
                    return got
        # Stop at a preposition or a clause opener outside a name.
        stop = j
        runs = []
        k = i
        for run in self.runs(i, j):
            if run.i > k:
                cut = self.stop_in(k, run.i)
                if cut is not None:
                    stop = cut
                    break
            runs.append(run)
            k = run.j + (1 if run.quoted else 0)
        else:
            cut = self.stop_in(k, j)
            if cut is not None:
                stop = cut
        first = toks[i].low.replace(",", "")
        n0 = i + 1 if first == "the" and i + 1 < stop else i
        numbered_name = (
            toks[n0].low.isdigit()
            and n0 + 1 < stop
            and all(t.cap for t in toks[n0 + 1 : stop] if t.word)
            and toks[stop - 1].low not in lex.group_nouns
            and not toks[stop - 1].low.endswith("s")
            and self.mention_in(toks[n0 + 1].start, toks[stop - 1].end) is None
        )
        if numbered_name:
            # "the 110 Research Centre": a name that opens with its number.
            s, e = toks[n0].start, toks[stop - 1].end
            return "name", (s, e, self.aliases(stop, j), None, n0, stop)
        if (first.isdigit() or _NUMBER_WORDS.get(first, 1) not in (1, None)) and i + 1 < stop:
            # "15 North Koreans", "five Russian arms dealers": a counted group, whatever its words.
            runs = []
        heads: list[tuple[int, int, bool]] = []
        for run in runs:
            if run.quoted:
                heads.append((run.i, run.j, True))
                continue
            last = toks[run.j - 1]
            if last.low.endswith(_POSSESSIVE) and self.possessor(run.i, run.j):
                continue
            if self.adjective(run):
                continue
            person = self.person_in(run)
            if person is not None:
                heads.append((person[0], person[1], False))
                continue
            if self.title_only(run):
                continue
            nxt = run.j
            if nxt < stop and toks[nxt].word and not toks[nxt].cap:
                # A name before a noun of people or bodies is an adjective of it ("Workers' Party
                # officials", "Lazarus Group hackers"); before other words ("North Korea
                # recently", "Tornado Cash, ...") it is the head.
                tail = []
                for t in toks[nxt:stop]:
                    if not t.word or t.cap:
                        break
                    tail.append(t.low)
                if any(w in lex.group_nouns or w in lex.titles for w in tail):
                    continue
                if tail and tail[-1] in lex.body_heads and nxt + len(tail) >= stop and run is runs[-1]:
                    # "Russia's Ashuluk testing range": the name and the noun it names.
                    heads.append((run.i, nxt + len(tail), False))
                    continue
                if any(w in lex.body_heads for w in tail):
                    continue
            heads.append((run.i, run.j, False))
        if heads:
            hi, hj, quoted = heads[-1]
            # "the tanker Ocean Star": the words before the name say what it is.
            self.described = " ".join(t.low for t in toks[i:hi] if t.word and not t.cap) or None
            s, e = toks[hi].start, toks[hj - 1].end
            name = self.text[s:e]
            mention = self.mention_at(s, e)
            aliases = self.aliases(hj + (1 if quoted else 0), j)
            return "name", (s, e, aliases, mention, hi, hj)
        # No name: a group phrase opens with a number or a determiner and ends in a group noun.
        words = [t for t in toks[i:stop] if t.word]
        if not words:
            return "none", None
        first = words[0].low
        count: int | None = None
        numbered = False
        if first.replace(",", "").isdigit():
            count, numbered = int(first.replace(",", "")), True
        elif first in _NUMBER_WORDS:
            count, numbered = _NUMBER_WORDS[first], True
        last = words[-1].low
        head2 = " ".join(w.low for w in words[-2:])
        plural = numbered and count != 1 and last.endswith("s") and len(words) > 1
        if last in lex.group_nouns or head2 in lex.group_nouns or plural:
            s, e = words[0].start, words[-1].end
            return "group", (s, e, count if numbered else None)
        return "none", None

    def apposition(self, i: int) -> bool:
        """Whether the segment at `i` opens with "a"/"an"/"one of", describing the name before."""
        toks = self.toks
        while i < len(toks) and not toks[i].word:
            i += 1
        return i < len(toks) and toks[i].low in ("a", "an") or (
            i + 1 < len(toks) and toks[i].low == "one" and toks[i + 1].low == "of"
        )

    def alias_of(self, i: int, j: int, *, going_on: bool = False) -> str | None:
        """The name a segment opening with "also known as" gives, if it is one (or, `going_on`
        after one, opening with "or")."""
        toks = self.toks
        n = _starts_with(toks, i, self.lex.alias_markers)
        if not n or (toks[i].low == "or" and not going_on) or toks[i].low == "known":
            return None
        k = i + n
        while k < j and toks[k].text in _QUOTES_OPEN:
            k += 1
        end = k
        while end < j and (toks[end].cap or (toks[end].word and toks[end].text[0].isdigit())):
            end += 1
        if end == k:
            return None
        return self.text[toks[k].start : toks[end - 1].end]

    def stop_in(self, i: int, j: int) -> int | None:
        """The first token in `toks[i:j]` that ends a phrase: a preposition or a clause opener
        (a pronoun only in lower case: "three individuals it accused", not "IT workers")."""
        lex = self.lex
        for m in range(i, j):
            t = self.toks[m]
            low = t.low
            if low in lex.prepositions or (low in lex.clause_openers and (low not in _PRONOUNS or t.text == low)):
                return m
        return None

    def aliases(self, k: int, j: int) -> tuple[str, ...]:
        """Names given in parentheses or after "also known as" right after a name."""
        toks, lex = self.toks, self.lex
        out: list[str] = []
        if k < j and toks[k].text == "(":
            close = next((m for m in range(k + 1, min(j, k + 20)) if toks[m].text == ")"), None)
            if close is not None:
                m = k + 1
                while m < close:
                    n = _starts_with(toks, m, lex.alias_markers)
                    m += n
                    if m < close and toks[m].text in _QUOTES_OPEN:
                        m += 1
                    s = m
                    while m < close and not (toks[m].low == "or" or toks[m].text in ",;" or (
                        toks[m].text in _QUOTES_CLOSE and m > s)):
                        m += 1
                    if m > s:
                        alias = self.text[toks[s].start : toks[m - 1].end]
                        if any(c.isupper() or not c.isascii() for c in alias) and len(alias) < 80:
                            out.append(alias.strip("“”‘’\"' "))
                    while m < close and (toks[m].low == "or" or toks[m].text in ",;" or toks[m].text in _QUOTES_CLOSE):
                        m += 1
        return tuple(a for a in out if a)

    # -- the list ----------------------------------------------------------------------

    def items(self, given: str | None = None) -> list[Item]:
        """The list's items; names before any group phrase belong to `given` ("The vessels are ...")."""
        toks = self.toks
        if not toks:
            return []
        # Top-level separators: semicolons when there are any, else commas, dashes, bullets, "and".
        semis = [k for k, t in enumerate(toks) if t.text == ";"]
        chunks: list[tuple[int, int]] = []
        if semis:
            prev = 0
            for k in semis:
                chunks.append((prev, k))
                prev = k + 1
            chunks.append((prev, len(toks)))
        else:
            chunks.append((0, len(toks)))
        out: list[Item] = []
        group: tuple[str, int | None] | None = (given, None) if given else None
        for ci, cj in chunks:
            in_clause = naming_alias = False
            segs = self.segments(ci, cj)
            for n, (si, sj) in enumerate(segs):
                if in_clause and not self.new_item(si, sj):
                    continue
                if n + 1 < len(segs) and self.place_before(segs[n + 1][0]):
                    continue
                alias = self.alias_of(si, sj, going_on=naming_alias)
                if alias is not None and out and out[-1].kind != "group":
                    # "the Lazarus Group, also known as APT38 or Hidden Cobra": other names
                    # of the one before.
                    out[-1] = out[-1]._replace(aliases=(*out[-1].aliases, alias))
                    naming_alias = True
                    continue
                naming_alias = False
                what, val = self.segment(si, sj)
                if what == "clause":
                    in_clause = True
                    continue
                in_clause = False
                if what == "name" and n and toks[si].low in ("and", "or") and val[4] == si + 1 and self.ends_in_pp(*segs[n - 1]) and (
                    (val[3] is not None and val[3].kind == "state") or (out and out[-1].kind == "group")
                ):
                    continue  # "two companies in China and Russia": Russia is where, not who
                if what == "group" and out and out[-1].kind != "group" and self.apposition(si):
                    continue  # "Kim Jong Sik, a senior munitions official, ...": a description
                if what == "group":
                    s, e, count = val
                    group = (self.text[s:e], count)
                    out.append(Item(self.text[s:e], s, e, "group", count=count))
                elif what == "name" and out and out[-1].kind != "group" and self.suffix_only(si, sj):
                    # "Hanbit Trading Co., Ltd.": the suffix after the comma is part of the name.
                    prev = out[-1]
                    e = val[1]
                    out[-1] = prev._replace(
                        name=self.text[prev.start : e], end=e, kind="company", aliases=prev.aliases + val[2]
                    )
                elif what == "name":
                    s, e, aliases, mention, hi, hj = val
                    gtext = group[0] if group else None
                    name = self.text[s:e].strip("“”‘’\"'")
                    kind = self.kind(hi, hj, mention, self.described or gtext)
                    if kind == "entity" and self.described and gtext:
                        kind = self.kind(hi, hj, mention, gtext)
                    out.append(
                        Item(name, s, e, kind, aliases, gtext, group[1] if group else None, mention)
                    )
                    # What follows a name up to the next comma describes it.
                    rest = [t for t in toks[hj:sj] if t.word]
                    if rest and rest[0].low in self.lex.clause_openers:
                        in_clause = True
        return out

    def suffix_only(self, i: int, j: int) -> bool:
        """Whether `toks[i:j]` is only a company suffix ("Ltd.", "LLC"), with an alias after it."""
        words = []
        for t in self.toks[i:j]:
            if t.text == "(":
                break
            if t.word:
                words.append(t.low.rstrip("."))
        return bool(words) and all(w in _SUFFIXES for w in words)

    def ends_in_pp(self, i: int, j: int) -> bool:
        """Whether the segment `toks[i:j]` ends in a prepositional phrase ("companies in China")."""
        toks = self.toks
        while i < j and not toks[i].word:
            i += 1
        return i < j and self.stop_in(i + 1, j) is not None

    def place_before(self, k: int) -> bool:
        """Whether the segment at `k` opens with "China-based": the one before is its city."""
        toks = self.toks
        while k < len(toks) and not toks[k].word:
            k += 1
        return k < len(toks) and toks[k].cap and toks[k].low.endswith(_MODIFIER_ENDS)

    def new_item(self, i: int, j: int) -> bool:
        """Whether a segment after a relative clause opens a new item ("and X", a bullet)."""
        toks = self.toks
        if i >= j:
            return False
        t = toks[i]
        return t.low in ("and", "as") or t.text in _BULLETS

    def segments(self, i: int, j: int) -> list[tuple[int, int]]:
        """`toks[i:j]` cut at commas, dashes, colons, bullets and "and" between names."""
        toks = self.toks
        out: list[tuple[int, int]] = []
        depth = 0
        start = i
        for k in range(i, j):
            t = toks[k].text
            if t == "(":
                depth += 1
            elif t == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and k > start and _starts_with(self.toks, k, self.lex.mid_introducers):
                # "officials such as Choe Pu Il": the names after it are items of their own.
                out.append((start, k))
                start = k
            elif depth == 0 and (t in ",:" or t in _BULLETS or self.and_cut(k, i, j)):
                if k > start:
                    out.append((start, k))
                start = k + 1 if t in ",:" or t in _BULLETS else k
        if start < j:
            out.append((start, j))
        return out

    def and_cut(self, k: int, i: int, j: int) -> bool:
        """Whether "and"/"as well as"/"along with" at `k` joins two items (not inside a name)."""
        toks = self.toks
        low = toks[k].low
        if low not in ("and", "as", "along", "plus", "or"):
            return False
        if low == "as" and not (k + 2 < j and toks[k + 1].low == "well" and toks[k + 2].low == "as"):
            return False
        if low == "along" and not (k + 1 < j and toks[k + 1].low == "with"):
            return False
        if k == i or k + 1 >= j:
            return False
        prev = toks[k - 1]
        nxt = toks[k + 1]
        if low == "and" and prev.low in self.lex.group_nouns and nxt.low in self.lex.group_nouns:
            return False  # "11 organisations and individuals": one group
        if low == "and" and prev.cap and prev.text.endswith(_DEMONYM_ENDS) and nxt.cap:
            # "Russian and North Korean individuals": two adjectives of one group.
            m = k + 1
            while m < j and toks[m].cap:
                m += 1
            if m < j and toks[m].word and not toks[m].cap:
                return False
        if low == "and" and prev.word and prev.cap:
            # Inside a joined name ("Propaganda and Agitation Department")?
            if self.joined(k - 1, k, j):
                return False
        return True


def read_list(
    text: str,
    start: int,
    end: int,
    names: Sequence[ActorMention],
    lex: DesigneeLexicon,
    *,
    group: str | None = None,
) -> list[Item]:
    """The designees and group phrases listed in `text[start:end]`, in order.

    `group` is the group phrase names belong to until the list gives one of its own
    (the subject of "The vessels are ...").

    Examples:
        >>> lex = DesigneeLexicon.default()
        >>> t = "two firms, Sunrise Maritime Co. and Hanbit Trading, and Ri Chol Su"
        >>> [(i.name, i.kind, i.group) for i in read_list(t, 0, len(t), [], lex)]
        [('two firms', 'group', None), ('Sunrise Maritime Co.', 'company', 'two firms'), ('Hanbit Trading', 'company', 'two firms'), ('Ri Chol Su', 'person', 'two firms')]
    """
    return _Reader(text, start, end, names, lex).items(group)
