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

from collections.abc import Sequence
from typing import Any, NamedTuple

from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.designee_words import (
    BULLETS,
    DEMONYM_ENDS,
    MODIFIER_ENDS,
    NUMBER_WORDS,
    POSSESSIVE,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    SUFFIXES,
    DesigneeLexicon,
    find_attribution,
    is_number,
    starts_with,
)
from koreabrief.extraction.name_runs import NameReader, Run

__all__ = ["DesigneeLexicon", "Item", "find_attribution", "last_name", "read_list"]

# Determiners a group phrase without a number may open with ("the trading houses").
_DETERMINERS = frozenset(
    ["the", "these", "those", "several", "some", "other", "various", "multiple", "numerous"]
)
# Singular nouns of one firm or ship that a name before them names ("the Ocean Pearl shipping company").
_NAMED_SINGULAR = frozenset(["company", "firm", "bank", "tanker", "vessel", "ship", "freighter", "airline"])
# Verbs that make a phrase a clause, not a group ("the country has more warheads").
_VERBS = frozenset(["has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could"])
# The verbs after a group noun that open a semicolon chunk's list ("the firm is ...").
_CHUNK_VERBS = frozenset(["are", "is", "were", "was", "include", "includes", "included"])


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
        group_count: The number the group phrase gives, if any.
        mention: The gazetteer's mention of the name, when it knows it.
    """

    name: str
    start: int
    end: int
    kind: str
    aliases: tuple[str, ...] = ()
    group: str | None = None
    group_count: int | None = None
    mention: ActorMention | None = None


class _Reader(NameReader):
    """A list: its segments, their names and group phrases, the items in order."""

    def segment(self, i: int, j: int) -> tuple[str, Any]:
        """What `toks[i:j]` (no top-level comma) holds: ("name", (s, e, aliases, mention)),
        ("group", (s, e, count)), ("clause", None) or ("none", None)."""
        toks, lex = self.toks, self.lex
        # Leading introducers and list words.
        while i < j:
            n = starts_with(toks, i, lex.introducers)
            if n:
                i += n
                continue
            if toks[i].text in BULLETS or toks[i].text == ":":
                i += 1
                continue
            break
        if i >= j:
            return "none", None
        if toks[i].low in lex.clause_openers and not self.surname_at(i):
            return "clause", None
        # "a mixer called Tornado Cash": the name after the naming word.
        depth = 0
        for k in range(i, j):
            depth += (toks[k].text == "(") - (toks[k].text == ")")
            n = starts_with(toks, k, lex.naming) if depth == 0 else 0
            if n and k + n < j and toks[k + n].cap | (toks[k + n].text in QUOTES_OPEN):
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
            is_number(toks[n0].low)
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
        if (is_number(first) or NUMBER_WORDS.get(first, 1) not in (1, None)) and i + 1 < stop:
            # "15 North Koreans", "five Russian arms dealers": a counted group, whatever its words.
            runs = []
        heads: list[tuple[int, int, bool]] = []
        for run in runs:
            if run.quoted:
                heads.append((run.i, run.j, True))
                continue
            last = toks[run.j - 1]
            if last.low.endswith(POSSESSIVE) and self.possessor(run.i, run.j):
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
                if (
                    tail
                    and tail[-1] in _NAMED_SINGULAR
                    and nxt + len(tail) >= stop
                    and toks[run.i - 1].low == "the"
                    and run.i == n0
                    and not toks[run.j - 1].low.endswith(DEMONYM_ENDS)
                ):
                    # "the Ocean Pearl shipping company": one firm or ship, named before its noun.
                    heads.append((run.i, run.j, False))
                    continue
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
        if is_number(first.replace(",", "")):
            count, numbered = int(first.replace(",", "")), True
        elif first in NUMBER_WORDS:
            count, numbered = NUMBER_WORDS[first], True
        final = words[-1].low
        head2 = " ".join(w.low for w in words[-2:])
        # "five Russian arms dealers", "the trading houses": a counted or definite plural.
        plural = (numbered and count != 1) or (
            first in _DETERMINERS and len(words) <= 4 and not any(w.low in _VERBS for w in words)
        )
        plural = plural and final.endswith("s") and not final.endswith("ss") and len(words) > 1
        if final in lex.group_nouns or head2 in lex.group_nouns or plural:
            s, e = words[0].start, words[-1].end
            return "group", (s, e, count if numbered else None)
        return "none", None

    def apposition(self, i: int) -> bool:
        """Whether the segment at `i` opens with "a"/"an"/"one of", describing the name before."""
        toks = self.toks
        while i < len(toks) and not toks[i].word:
            i += 1
        return (i < len(toks) and toks[i].low in ("a", "an")) or (
            i + 1 < len(toks) and toks[i].low == "one" and toks[i + 1].low == "of"
        )

    def alias_of(self, i: int, j: int, *, going_on: bool = False) -> str | None:
        """The name a segment opening with "also known as" gives, if it is one (or, `going_on`
        after one, opening with "or")."""
        toks = self.toks
        n = starts_with(toks, i, self.lex.alias_markers)
        if not n or (toks[i].low == "or" and not going_on) or toks[i].low == "known":
            return None
        k = i + n
        while k < j and toks[k].text in QUOTES_OPEN:
            k += 1
        end = k
        while end < j and (toks[end].cap or (toks[end].word and toks[end].text[0].isdigit())):
            end += 1
        if end == k:
            return None
        return self.text[toks[k].start : toks[end - 1].end]

    def aliases(self, k: int, j: int) -> tuple[str, ...]:
        """Names given in parentheses or after "also known as" right after a name."""
        toks, lex = self.toks, self.lex
        out: list[str] = []
        if k < j and toks[k].text == "(":
            close = next((m for m in range(k + 1, min(j, k + 20)) if toks[m].text == ")"), None)
            if close is not None:
                m = k + 1
                while m < close:
                    n = starts_with(toks, m, lex.alias_markers)
                    m += n
                    if m < close and toks[m].text in QUOTES_OPEN:
                        m += 1
                    s = m
                    while m < close and not (
                        toks[m].low == "or"
                        or toks[m].text in ",;"
                        or (toks[m].text in QUOTES_CLOSE and m > s)
                    ):
                        m += 1
                    if m > s:
                        alias = self.text[toks[s].start : toks[m - 1].end]
                        if any(c.isupper() or not c.isascii() for c in alias) and len(alias) < 80:
                            out.append(alias.strip("“”‘’\"' "))
                    while m < close and (
                        toks[m].low == "or" or toks[m].text in ",;" or toks[m].text in QUOTES_CLOSE
                    ):
                        m += 1
        return tuple(a for a in out if a)

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
        for chunk_start, cj in chunks:
            in_clause = naming_alias = False
            ci, subject = self.chunk_subject(chunk_start, cj) if chunk_start else (chunk_start, None)
            if subject is not None:
                # "...; the individuals include Ri Chol Su": names of that group from here.
                group = (subject, None)
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
                if (
                    what == "name"
                    and n
                    and toks[si].low in ("and", "or")
                    and (val[4] == si + 1 or (val[4] == si + 2 and toks[si + 1].low == "the"))
                    and self.ends_in_pp(*segs[n - 1])
                    and ((val[3] is not None and val[3].kind == "state") or (out and out[-1].kind == "group"))
                ):
                    continue  # "two companies in China and Russia": Russia is where, not who
                if what == "group" and out and out[-1].kind != "group" and self.apposition(si):
                    continue  # "Kim Jong Sik, a senior munitions official, ...": a description
                after_name = what == "group" and out and out[-1].kind != "group"
                shared = self.shared_head(si, sj) if after_name else None
                if shared is not None:
                    # "the A, B and C hacking groups": C is a name, the plural head every one's.
                    run, head = shared
                    s, e = toks[run.i].start, toks[run.j - 1].end
                    mention = self.mention_at(s, e)
                    kind = self.kind(run.i, run.j, mention, head)
                    out.append(Item(self.text[s:e], s, e, kind, (), head, None, mention))
                    continue
                if what == "group":
                    s, e, count = val
                    group = (self.text[s:e], count)
                    out.append(Item(self.text[s:e], s, e, "group", group_count=count))
                elif what == "name" and out and out[-1].kind != "group" and self.suffix_only(si, sj):
                    # "Hanbit Trading Co., Ltd.": the suffix after the comma is part of the name.
                    named = out[-1]
                    out[-1] = named._replace(
                        name=self.text[named.start : val[1]],
                        end=val[1],
                        kind="company",
                        aliases=named.aliases + val[2],
                    )
                elif what == "name":
                    s, e, aliases, mention, hi, hj = val
                    described = (self.described or "").split()
                    plural = bool(described) and described[-1].endswith("s")
                    if group is None and plural and described[-1] in self.lex.group_nouns:
                        # "the vessels Asia Honor and Ocean Star": the group of the list.
                        group = (" ".join(described), None)
                    gtext = group[0] if group else None
                    name = self.text[s:e].strip("“”‘’\"'")
                    kind = self.kind(hi, hj, mention, self.described or gtext)
                    if kind == "entity" and self.described and gtext:
                        kind = self.kind(hi, hj, mention, gtext)
                    out.append(Item(name, s, e, kind, aliases, gtext, group[1] if group else None, mention))
                    # What follows a name up to the next comma describes it.
                    rest = [t for t in toks[hj:sj] if t.word]
                    if rest and rest[0].low in self.lex.clause_openers:
                        in_clause = True
        return out

    def shared_head(self, i: int, j: int) -> tuple[Run, str] | None:
        """The last name of a list and the plural head all its names share, when the segment
        `toks[i:j]` after a name is "and C hacking groups": a capitalised run that is no state's
        adjective, then lower-case words ending in a plural noun."""
        toks = self.toks
        k = i
        while k < j and (not toks[k].word or toks[k].low in ("and", "or", "the")):
            k += 1
        if k == i or k >= j or toks[i].low not in ("and", "or"):
            return None  # only the last of a coordinated list carries the shared head
        runs = self.runs(k, j)
        if not runs or runs[0].i != k or runs[0].quoted or self.adjective(runs[0]):
            return None
        run = runs[0]
        if toks[run.j - 1].low.endswith(DEMONYM_ENDS):
            return None  # "and North Korean officials": an adjective the gazetteer was not asked about
        rest = toks[run.j : j]
        if not rest or any(not t.word or t.cap for t in rest):
            return None
        last = rest[-1].low
        if not last.endswith("s") or last.endswith("ss") or len(rest) > 3:
            return None
        return run, " ".join(t.low for t in rest)

    def suffix_only(self, i: int, j: int) -> bool:
        """Whether `toks[i:j]` is only a company suffix ("Ltd.", "LLC"), with an alias after it."""
        words: list[str] = []
        for t in self.toks[i:j]:
            if t.text == "(":
                break
            if t.word and not t.cap and words:
                break  # "Ltd. on Tuesday": the suffix, then the sentence goes on
            if t.word:
                words.append(t.low.rstrip("."))
        return bool(words) and all(w in SUFFIXES for w in words)

    def ends_in_pp(self, i: int, j: int) -> bool:
        """Whether the segment `toks[i:j]` ends in a prepositional phrase ("companies in China")."""
        toks = self.toks
        while i < j and not toks[i].word:
            i += 1
        return i < j and self.stop_in(i + 1, j) is not None

    def chunk_subject(self, i: int, j: int) -> tuple[int, str | None]:
        """Where a semicolon chunk's list starts, and its group noun when it opens with one
        and a verb ("the individuals include ..."); else `i` and None."""
        toks = self.toks
        for k in range(i, min(j, i + 7)):
            low = toks[k].low
            if not toks[k].word or toks[k].cap:
                return i, None
            if low in _CHUNK_VERBS:
                nouns = [t.low for t in toks[i:k] if t.low in self.lex.group_nouns]
                return (k + 1, nouns[-1]) if nouns else (i, None)
        return i, None

    def place_before(self, k: int) -> bool:
        """Whether the segment at `k` opens with "China-based": the one before is its city."""
        toks = self.toks
        while k < len(toks) and not toks[k].word:
            k += 1
        return k < len(toks) and toks[k].cap and toks[k].low.endswith(MODIFIER_ENDS)

    def new_item(self, i: int, j: int) -> bool:
        """Whether a segment after a relative clause opens a new item ("and X", a bullet)."""
        toks = self.toks
        if i >= j:
            return False
        t = toks[i]
        # "..., who heads the office, plus Ri Song Hui", "it, together with two affiliates, A and B".
        return t.low in ("and", "as", "along", "together", "plus") or t.text in BULLETS

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
            elif depth == 0 and k > start and starts_with(self.toks, k, self.lex.mid_introducers):
                # "officials such as Choe Pu Il": the names after it are items of their own.
                out.append((start, k))
                start = k
            elif depth == 0 and (t in ",:" or t in BULLETS or self.and_cut(k, i, j)):
                if k > start:
                    out.append((start, k))
                start = k + 1 if t in ",:" or t in BULLETS else k
        if start < j:
            out.append((start, j))
        return out

    def and_cut(self, k: int, i: int, j: int) -> bool:
        """Whether "and", "as well as", "along with" or "together with" at `k` joins two items
        (not inside a name)."""
        toks = self.toks
        low = toks[k].low
        if low not in ("and", "as", "along", "together", "plus", "or"):
            return False
        if low == "as" and not (k + 2 < j and toks[k + 1].low == "well" and toks[k + 2].low == "as"):
            return False
        if low in ("along", "together") and not (k + 1 < j and toks[k + 1].low == "with"):
            return False
        if k == i or k + 1 >= j:
            return False
        prev = toks[k - 1]
        nxt = toks[k + 1]
        if (
            low == "and"
            and not prev.cap
            and prev.low in self.lex.group_nouns
            and nxt.low in self.lex.group_nouns
        ):
            return False  # "11 organisations and individuals": one group
        if low == "and" and prev.cap and prev.text.endswith(DEMONYM_ENDS) and nxt.cap:
            # "Russian and North Korean individuals": two adjectives of one group.
            m = k + 1
            while m < j and toks[m].cap:
                m += 1
            if m < j and toks[m].word and not toks[m].cap:
                return False
        # Not inside a joined name ("Propaganda and Agitation Department").
        return not (low == "and" and prev.word and prev.cap and self.joined(k - 1, k, j))


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
        >>> for item in read_list(t, 0, len(t), [], lex):
        ...     print(item.name, item.kind, item.group)
        two firms group None
        Sunrise Maritime Co. company two firms
        Hanbit Trading company two firms
        Ri Chol Su person two firms
    """
    return _Reader(text, start, end, names, lex).items(group)


def last_name(
    text: str, start: int, end: int, names: Sequence[ActorMention], lex: DesigneeLexicon, *, person: bool
) -> Item | None:
    """The last person (or, not `person`, company or body) named in `text[start:end]`,
    wherever it stands: the antecedent of "He was sanctioned" in the sentence before.

    Examples:
        >>> lex = DesigneeLexicon.default()
        >>> t = "A reward was offered for Pak Il Nam, a banker at Taesong Bank."
        >>> last_name(t, 0, len(t), [], lex, person=True).name
        'Pak Il Nam'
    """
    reader = _Reader(text, start, end, names, lex)
    found: Item | None = None
    for run in reader.runs(0, len(reader.toks)):
        if run.quoted or reader.adjective(run):
            continue
        s, e = reader.toks[run.i].start, reader.toks[run.j - 1].end
        mention = reader.mention_at(s, e)
        kind = reader.kind(run.i, run.j, mention, None)
        if kind != "state" and (kind == "person") == person and (not person or reader.personal(run.i, run.j)):
            name = mention.name if mention is not None else text[s:e]
            found = Item(name, s, e, kind, mention=mention)
    return found
