"""Names in a stretch of list text: capitalised runs, titles, possessors, adjectives, kinds.

A name is a run of capitalised words, joined by "of", "for", "&" ...; a state's
adjective ("North Korean"), a possessor ("Russia's"), a place before "-based"
and a title alone ("Minister of Defense") are no names of their own; a title
before a person's name is no part of it ("Defense Minister No Kwang Chol").
`NameReader` holds the tokens of one stretch and answers these questions;
[`read_list`][koreabrief.extraction.designees.read_list] builds on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.designee_words import (
    BODY_GROUPS,
    COMPANY_GROUPS,
    DEMONYM_ENDS,
    MODIFIER_ENDS,
    PERSON_GROUPS,
    POSSESSIVE,
    PRONOUNS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    SUFFIXES,
    DesigneeLexicon,
    is_number,
    starts_with,
    tokens,
)

__all__ = ["NameReader", "Run"]


class Run(NamedTuple):
    """Capitalised words `toks[i:j]`, a possible name."""

    i: int
    j: int
    quoted: bool = False


class NameReader:
    """The tokens of `text[start:end]` and the gazetteer names among them, read as names."""

    def __init__(
        self, text: str, start: int, end: int, names: Sequence[ActorMention], lex: DesigneeLexicon
    ) -> None:
        self.text = text
        self.lex = lex
        self.toks = tokens(text, start, end, lex)
        self.names = [n for n in names if start <= n.start and n.end <= end]
        # The lower-case words before the last name read ("the tanker" of "the tanker Ocean Star").
        self.described: str | None = None

    def mention_at(self, s: int, e: int) -> ActorMention | None:
        """The gazetteer's mention covering `text[s:e]` (give or take "the" and a possessive)."""
        for n in self.names:
            inside = n.start >= s and n.start - s < 2
            the = n.start < s and self.text[n.start : s].lower().strip() == "the"
            # Past its end only a possessive or a stop, not another word ("Kim Song" is no
            # mention of "Kim Song Il").
            if (inside or the) and n.end <= e and e - n.end < 4 and not self.text[n.end : e].startswith(" "):
                return n
        return None

    def mention_in(self, s: int, e: int) -> ActorMention | None:
        for n in self.names:
            if n.start >= s and n.end <= e:
                return n
        return None

    def adjective(self, run: Run) -> bool:
        """A state's adjective ("North Korean", "Russian") or "China-based" before a noun."""
        toks = self.toks
        last = toks[run.j - 1]
        if last.low.endswith("-based") or last.low.endswith("-flagged") or last.low.endswith("-linked"):
            return True
        nxt = toks[run.j] if run.j < len(toks) else None
        if nxt is None or not nxt.word:
            return False
        n = self.mention_at(toks[run.i].start, last.end)
        return n is not None and n.kind == "state" and n.text != n.name and n.text.endswith(DEMONYM_ENDS)

    def runs(self, i: int, j: int) -> list[Run]:
        """The capitalised runs in `toks[i:j]`, quoted names first class."""
        toks, lex = self.toks, self.lex
        out: list[Run] = []
        k = i
        while k < j:
            t = toks[k]
            if t.text == "(":
                # A parenthesis after a name holds its alias or acronym, no name of its own.
                close = next((m for m in range(k + 1, min(j, k + 30)) if toks[m].text == ")"), None)
                k = close + 1 if close is not None else k + 1
                continue
            if t.text in QUOTES_OPEN and k + 1 < j and toks[k + 1].cap:
                close = next((m for m in range(k + 1, min(j, k + 8)) if toks[m].text in QUOTES_CLOSE), None)
                if close is not None and close > k + 1:
                    out.append(Run(k + 1, close, quoted=True))
                    k = close + 1
                    continue
            if not (t.word and t.cap) or t.low.endswith(MODIFIER_ENDS):
                k += 1
                continue
            adjective = self.adjective_end(k, j)
            if adjective is not None:
                out.append(Run(k, adjective))
                k = adjective
                continue
            m = k + 1
            while m < j:
                tok = toks[m - 1]
                if tok.low.endswith(POSSESSIVE) and self.possessor(k, m):
                    break
                if toks[m].word and toks[m].cap and not toks[m].low.endswith(MODIFIER_ENDS):
                    m += 1
                    continue
                if toks[m].word and toks[m].cap:
                    # "Hong Kong-based": the run is the place of a modifier, no name.
                    k = m
                    break
                n = starts_with(toks, m, lex.connectors)
                if n and toks[m - 1].low.rstrip(".") in SUFFIXES:
                    n = 0  # "Vostok Lines LLC of Vladivostok": a company's suffix ends its name
                if n and m + n < j and toks[m + n].word and toks[m + n].cap and not self.personal(k, m):
                    m += n + 1
                    continue
                if toks[m].low == "and" and self.joined(k, m, j):
                    m += 2
                    continue
                break
            m = self.gazetteer_end(k, m, j)
            if (
                m < j
                and is_number(toks[m].text)
                and (m + 1 == j or not toks[m + 1].word or toks[m + 1].low == "and")
            ):
                m += 1  # "the tanker Yu Jong 2": a number ends the name
            if k != m:
                out.append(Run(k, m))
                k = m
        return out

    def gazetteer_end(self, k: int, m: int, j: int) -> int:
        """The end of the run `toks[k:m]`, stretched over a longer gazetteer name starting with
        it ("Kim Jong Un's younger sister": Kim Yo Jong)."""
        toks = self.toks
        for n in self.names:
            if n.start == toks[k].start and n.kind == "person" and n.end > toks[m - 1].end:
                while m < j and toks[m].end <= n.end:
                    m += 1
                return m
        return m

    def adjective_end(self, k: int, j: int) -> int | None:
        """The token index after a state's adjective starting at `k` ("North Korean CEO"), if any."""
        start = self.toks[k].start
        for n in self.names:
            if n.start == start and n.kind == "state" and n.text != n.name and n.text.endswith(DEMONYM_ENDS):
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
        return (
            2 <= j - i <= 3
            and toks[i].text in self.lex.surnames
            and toks[j - 1].low not in (self.lex.body_heads | self.lex.company_heads)
        )

    def possessor(self, i: int, j: int) -> bool:
        """Whether `toks[i:j]`, ending in a possessive, is a known name owning what follows."""
        toks = self.toks
        s, e = toks[i].start, toks[j - 1].end
        if self.mention_at(s, e) is not None:
            return True
        # One word owns what follows ("Pyongyang's"), unless a plural's possessive opens a
        # longer name ("Workers' Party", "Peasants' Union").
        return j - i == 1 and not (toks[i].text.endswith(("s'", "s’")) and j < len(toks) and toks[j].cap)

    def joined(self, i: int, m: int, j: int) -> bool:
        """ "Propaganda and Agitation Department": one word, "and", words ending in a body head."""
        toks = self.toks
        if m - i != 1 or m + 1 >= j or not toks[m + 1].cap:
            return False
        k = m + 1
        while k < j and toks[k].word and toks[k].cap:
            k += 1
        return toks[k - 1].low in self.lex.joined_heads and k - m <= 4

    def person_in(self, run: Run) -> tuple[int, int] | None:
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
        named = all(toks[m].word for m in range(k, run.j)) and toks[k].low not in ("of", "for")
        if (
            k > run.i
            and 1 <= rest <= 3
            and toks[run.j - 1].low not in lex.body_heads | lex.company_heads
            and named
        ):
            return k, run.j
        return None

    def is_title(self, k: int) -> bool:
        return self.toks[k].low.rstrip(".") in self.lex.titles

    def title_only(self, run: Run) -> bool:
        """A role, not a name: title words only ("Minister of Defense"), or "Title of ..."."""
        toks = self.toks
        if not self.is_title(run.i) or self.person_in(run) is not None:
            return False
        k = run.i
        while k < run.j and self.is_title(k):
            k += 1
        return (
            k == run.j
            or toks[k].low == "of"
            or all(self.is_title(m) or toks[m].low in ("of", "the") for m in range(k, run.j))
        )

    def kind(self, i: int, j: int, mention: ActorMention | None, group: str | None) -> str:
        """What the name `toks[i:j]` is: its gazetteer kind, else what its last or first word
        says ("... Trading Co.", "Ministry of ..."), else its group or description."""
        if mention is not None and mention.kind in ("person", "state"):
            return mention.kind
        lex = self.lex
        toks = self.toks[i:j]
        last = toks[-1].low
        # "Ministry of Labor", "Main Directorate of ...": the head before "of".
        of = next((k for k, t in enumerate(toks) if t.low == "of"), 0)
        first = toks[of - 1].low if of else ""
        if last in lex.company_heads or last.rstrip(".") in lex.company_heads or first in lex.company_heads:
            return "company"
        if last in lex.body_heads or first in lex.body_heads or mention is not None:
            return "organisation"
        g = set(group.lower().split()) if group else set()
        if g & lex.vessel_words:
            return "vessel"
        if 2 <= len(toks) <= 3 and toks[0].text in lex.surnames and all(t.text[:1].isupper() for t in toks):
            return "person"
        if g & PERSON_GROUPS or (g & lex.titles and len(toks) <= 3):
            return "person"  # "its owner, Oleg Petrov", "the banker Kim Chol"
        if g & COMPANY_GROUPS:
            return "company"
        if g & BODY_GROUPS:
            return "organisation"
        return "entity"

    def stop_in(self, i: int, j: int) -> int | None:
        """The first token in `toks[i:j]` that ends a phrase: a preposition or a clause opener
        (a pronoun only in lower case: "three individuals it accused", not "IT workers")."""
        lex = self.lex
        for m in range(i, j):
            t = self.toks[m]
            low = t.low
            if low in lex.prepositions or (
                low in lex.clause_openers
                and (low not in PRONOUNS or t.text == low)
                and not self.surname_at(m)
            ):
                return m
        return None

    def surname_at(self, m: int) -> bool:
        """Whether `toks[m]` opens a Korean name rather than a clause ("So Kyong Ho", not "so")."""
        toks = self.toks
        return (
            toks[m].text in self.lex.surnames and m + 1 < len(toks) and toks[m + 1].word and toks[m + 1].cap
        )
