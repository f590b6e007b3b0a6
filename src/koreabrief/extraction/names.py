"""People, bodies and states mentioned in a text, resolved to canonical names.

[`find_mentions`][koreabrief.extraction.names.find_mentions] finds, in one pass
over the text, every mention that can act as a speaker or subject: gazetteer
names, titles with names ("South Korean Foreign Minister Cho Hyun", "North
Korea's foreign minister, Choe Son Hui"), names not in the gazetteer (from
their shape), speaking bodies ("South Korea's military", "the foreign
ministry", "Yoon's office"), definite descriptions ("the minister") and
pronouns. It then resolves, in text order, surnames and titles to the full name
met earlier in the text, and pronouns to the most recent compatible subject.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence

from koreabrief.extraction.context import ascii_lower
from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.mentions import PRONOUN_GENDER, NameMention
from koreabrief.extraction.resolve import Resolver
from koreabrief.extraction.sentences import sentence_spans
from koreabrief.gazetteer import Entity, Gazetteer, Mention
from koreabrief.models import Span

__all__ = ["NameMention", "find_mentions", "matches_after_break"]

# Compiled once here rather than inline in the functions that use them.
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ -]\Z")
_DET_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Za-z]+) \Z")
_OWNER_BEFORE = re.compile(r"(\S+?)(?:’s|'s) \Z")
# The capitalised word right before a body word: "People Power| Party".
_CAPITALISED_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*) \Z")


def _capitals() -> str:
    """A regex class body of the capital letters names open with: A-Z and the
    accented Latin ones ("Émile", "Łukasz", "Øystein"), as ranges."""
    caps = [c for c in range(0xC0, 0x250) if chr(c).isupper()]
    ranges: list[tuple[int, int]] = []
    for c in caps:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return "A-Z" + "".join(f"\\u{a:04x}" + (f"-\\u{b:04x}" if b > a else "") for a, b in ranges)


_CAP = _capitals()
_NAME = re.compile(
    rf"(?<![\w’'.-])(?:[{_CAP}]\.|[{_CAP}][\w’'-]{{0,40}})"
    rf"(?: (?:[{_CAP}]\.|[{_CAP}][\w’'-]{{0,40}}|(?:bin|al|de|van|von|da)(?= [{_CAP}]))){{0,6}}"
)
# `_NAME` with its look-behind after the first capital, for the scan of
# `_name_runs`: the same matches, each sought only where a capital is. The
# look-behind spans the character before and the capital (which "." matches).
_NAME_SCAN = re.compile(
    rf"[{_CAP}](?<![\w’'.-].)(?:\.|[\w’'-]{{0,40}})"
    + _NAME.pattern.removeprefix(rf"(?<![\w’'.-])(?:[{_CAP}]\.|[{_CAP}][\w’'-]{{0,40}})")
)
# The look-behinds the title, body and pronoun patterns open with.
_TITLE_GLUE = r"(?<![\w.-])"
_BODY_GLUE = r"(?<![\w-])"
_PRONOUN_GLUE = r"(?<![\w’'-])"
_PRONOUN = re.compile(_PRONOUN_GLUE + r"(?:he|she|they|it|He|She|They|It|who|whose)(?![\w’'-])")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')\Z")
_INITIAL = re.compile(r"[A-Z]\.\Z")
_NOT_SUBJECT_BEFORE = frozenset(
    [
        "with",
        "of",
        "to",
        "by",
        "for",
        "from",
        "during",
        "against",
        "between",
        "among",
        "on",
        "in",
        "at",
        "into",
        "toward",
        "towards",
        "about",
        "over",
        "under",
        "than",
        "like",
        "including",
        "met",
        "meet",
        "meets",
        "meeting",
        "visited",
        "visit",
        "visits",
        "told",
        "tell",
        "tells",
        "urged",
        "asked",
        "called",
        "thanked",
        "accompanied",
        "joined",
        "and",
        "or",
        "nor",
    ]
)
_DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"]
)
_TITLE_MODIFIERS = frozenset(
    [
        "acting", "former", "then", "outgoing", "incoming", "new", "deputy", "vice", "top", "chief", "senior",
        # "an unnamed official": somebody unnamed all the same.
        "unnamed", "anonymous", "unidentified",
        # "the regime leader", "the reclusive leader": how news copy describes a leader met before.
        "regime", "reclusive", "isolated", "authoritarian", "communist", "young", "elderly", "longtime",
        "veteran", "hardline", "hawkish", "dovish", "outspoken",
    ]
)  # fmt: skip
# "an official from South Korea", "a senior official at the Pentagon": the body after.
_OFFICIAL_OF = re.compile(r"[ ]+(?:from|of|at|with|in)[ ]+(?:the[ ]+)?")
# How the lower-cased text ends when a modifier or a determiner comes right before
# (a necessary condition, tested before the regexes that find them).
_MODIFIER_ENDINGS = tuple(w + sep for w in sorted(_TITLE_MODIFIERS) for sep in " -")
_DETERMINER_ENDINGS = tuple(w + " " for w in sorted(_DETERMINERS))


def find_mentions(
    text: str,
    gazetteer: Gazetteer | None = None,
    *,
    lexicon: Lexicon | None = None,
    sentences: list[Span] | None = None,
    quoted: Sequence[Span] = (),
    hits: Sequence[Mention] | None = None,
) -> list[NameMention]:
    """Every person, body, state and pronoun mention of `text`, resolved, in order.

    Args:
        text: The text (a whole article, so that back references resolve).
        gazetteer: Canonical names; the shipped one by default.
        lexicon: Titles, bodies and name hints; the shipped one by default.
        sentences: The sentence spans of `text`, when the caller has them already.
        quoted: Spans of quotations (ordered): names inside them are the speaker's
            words, so they are not taken for clause subjects.
        hits: ``gazetteer.find(text)``, when the caller has it already.

    Returns:
        Non-overlapping mentions in text order; `name` holds the canonical name
        (full name for surnames, titles and pronouns met earlier), or None.

    Examples:
        >>> t = "Foreign Minister Cho Hyun met Jane Roe. Cho said she and Seoul agreed."
        >>> for m in find_mentions(t):
        ...     print(m.text, "->", m.name, m.kind, m.role)
        Foreign Minister Cho Hyun -> Cho Hyun person Foreign Minister
        Jane Roe -> Jane Roe person None
        Cho -> Cho Hyun person Foreign Minister
        she -> Jane Roe pronoun None
        Seoul -> South Korea state None
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    lex = lexicon if lexicon is not None else Lexicon.default()
    spans = sentences if sentences is not None else sentence_spans(text)
    return _Finder(text, gaz, lex, spans, quoted, hits=hits).run()


class _Finder:
    def __init__(
        self,
        text: str,
        gaz: Gazetteer,
        lex: Lexicon,
        sentences: list[Span],
        quoted: Sequence[Span],
        *,
        hits: Sequence[Mention] | None = None,
    ) -> None:
        self.text = text
        self.sentences = sentences
        # One flag per character: is it inside a quotation (one index per mention, no bisect)?
        self.quoted = _quoted_mask(len(text), quoted)
        self.gaz = gaz
        self.lex = lex
        self.covered = bytearray(len(text))
        self.found: list[NameMention] = []
        self._runs: list[tuple[int, int, list[str]]] | None = None
        self.lowered = ascii_lower(text)
        # Gazetteer hits by their end offset, so a title can find the state before it.
        self.gaz_hits = gaz.find(text) if hits is None else list(hits)
        self.gaz_by_end = {m.end: m for m in self.gaz_hits}
        self.gaz_by_start = {m.start: m for m in self.gaz_hits}
        self.gaz_starts = [m.start for m in self.gaz_hits]
        self.gaz_mask = bytearray(len(text))
        for hit in self.gaz_hits:
            self.gaz_mask[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)

    def run(self) -> list[NameMention]:
        self._titles()
        self._bodies()
        self._shapes(organisations_only=True)
        self._gazetteer()
        self._shapes()
        self._pronouns()
        self.found.sort(key=lambda m: m.start)
        return Resolver(self.text, self.gaz, self.lex, self.sentences, quoted=self.quoted).resolve(self.found)

    # --- helpers -----------------------------------------------------------

    def _free(self, start: int, end: int) -> bool:
        # bytearray.find runs in C; any() over a slice steps through Python.
        return self.covered.find(1, start, end) < 0

    def _add(self, mention: NameMention) -> None:
        if mention.end <= mention.start or not self._free(mention.start, mention.end):
            return
        self.covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        if not self._subject(mention.start):
            m = mention
            mention = NameMention(
                m.start, m.end, m.text, m.name, m.kind, m.role, m.affiliation, m.gender, False
            )
        self.found.append(mention)

    def _add_new(
        self,
        start: int,
        end: int,
        text: str,
        name: str | None,
        kind: str,
        *,
        role: str | None = None,
        affiliation: str | None = None,
        gender: str | None = None,
    ) -> None:
        """`_add` of a mention built only once it is known to be kept (the common passes)."""
        if end <= start or self.covered.find(1, start, end) >= 0:
            return
        self.covered[start:end] = b"\x01" * (end - start)
        subject = self._subject(start)
        self.found.append(NameMention(start, end, text, name, kind, role, affiliation, gender, subject))

    def _in_quote(self, pos: int) -> bool:
        return self.quoted[pos] == 1

    def _subject(self, start: int) -> bool:
        """`_is_subject(start)` and not `_in_quote(start)`: what a mention's `subject` says."""
        if self.quoted[start]:
            return False
        text = self.text
        j = start
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j == 0 or not text[j - 1].isalpha():
            # No letter right before (a paragraph's start, a quote mark, a comma): the
            # letter run `_is_subject` reads is empty, no word of _NOT_SUBJECT_BEFORE.
            return True
        # Fast path: the word before is bounded by a space within 12 characters
        # (or the text's start), so it is the whole letter run the loop of
        # `_is_subject` would find (every word of _NOT_SUBJECT_BEFORE is shorter).
        k = text.rfind(" ", j - 12 if j > 12 else 0, j)
        word = text[k + 1 : j]
        if (k >= 0 or j <= 12) and word.isalpha():
            return word.lower() not in _NOT_SUBJECT_BEFORE
        return self._is_subject(start)

    def _is_subject(self, start: int) -> bool:
        text = self.text
        j = start
        while j > 0 and text[j - 1] == " ":
            j -= 1
        # Fast path: the word before is the last of a short window and a space
        # (or the text's start) bounds it, so it is the whole letter run the
        # loop below would find (every word of _NOT_SUBJECT_BEFORE is shorter).
        window = text[max(0, j - 12) : j]
        word = window.rpartition(" ")[2]
        if word.isalpha() and (len(word) < len(window) or j <= 12):
            return word.lower() not in _NOT_SUBJECT_BEFORE
        i = j
        while i > 0 and text[i - 1].isalpha() and j - i < 20:
            i -= 1
        return text[i:j].lower() not in _NOT_SUBJECT_BEFORE

    def _after_body_name(self, start: int, end: int) -> int:
        """Where a title found at [start, end) really starts, given the gazetteer names.

        A title inside a longer name of a body or state is none ("General" in "the
        General Staff of the Korean People's Army": `end` is returned); one that
        starts inside such a name and runs past it starts after it ("Ministry
        spokesperson" in "the DPRK Foreign Ministry spokesperson": "spokesperson").
        """
        if not self.gaz_mask[start]:
            return start
        i = bisect.bisect_right(self.gaz_starts, start) - 1
        hit = self.gaz_hits[i] if i >= 0 else None
        if hit is None or hit.entity.kind == "person" or hit.end <= start:
            return start
        if hit.end >= end:
            return end if hit.end - hit.start > end - start else start
        after = hit.end
        while after < end and self.text[after] == " ":
            after += 1
        return after

    def _body_before(self, pos: int) -> tuple[int, Entity | None]:
        """A body word right before a title ("a ministry official", "a Treasury
        spokesperson"): where the phrase starts (with its determiner) and the
        organisation the gazetteer resolves the word to, if any; `pos` and None
        when no body word is there."""
        if pos < 2 or self.text[pos - 1] != " ":
            return pos, None
        if not self.lowered.endswith(self.lex.body_forms(), max(0, pos - 41), pos - 1):
            # No body word ends there, as the loop below needs (a test in C before the regex).
            return pos, None
        for body in self.lex.pattern("body.lower").finditer(self.lowered, max(0, pos - 41), pos - 1):
            if body.end() != pos - 1:
                continue
            start = body.start()
            hit = self.gaz.lookup(self.text[start : body.end()]) if self.text[start].isupper() else None
            det = _DET_BEFORE.search(self.text[max(0, start - 8) : start])
            if det and det.group(1).lower() in _DETERMINERS:
                start -= len(det.group(0)) - (1 if det.group(0)[0] == " " else 0)
            return start, (hit[0] if hit is not None and hit[0].kind == "organisation" else None)
        return pos, None

    def _body_after(self, end: int) -> str | None:
        """The state or body named right after an unnamed title ("official from South Korea")."""
        of = _OFFICIAL_OF.match(self.text, end)
        hit = self.gaz_by_start.get(of.end()) if of is not None else None
        if hit is None or hit.entity.kind not in ("state", "organisation"):
            return None
        return hit.entity.name

    def _modifier_before(self, start: int) -> tuple[int, Entity | None]:
        """A state or body right before a title ("South Korean", "North Korea's", "the")."""
        pos = start
        text = self.text
        lowered = self.lowered
        # "then-prime minister": the modifier is glued with a hyphen. The
        # lower-cased text can only end so when a modifier is there (a cheap
        # test before the regex).
        while lowered.endswith(_MODIFIER_ENDINGS, max(0, pos - 20), pos):
            word = _WORD_BEFORE.search(text[max(0, pos - 20) : pos])
            if word and word.group(1).lower() in _TITLE_MODIFIERS:
                pos -= len(word.group(0))
                continue
            break
        back = pos
        while back > 0 and text[back - 1] == " ":
            back -= 1
        # `_POSSESSIVE` ending at `back`: the two-character forms first, as the regex tries them.
        if text.endswith(("’s", "'s"), max(0, back - 2), back):
            key = back - 2
        elif text.endswith(("’", "'"), max(0, back - 2), back):
            key = back - 1
        else:
            key = back
        hit = self.gaz_by_end.get(key)
        if hit is not None and hit.entity.kind in ("state", "organisation"):
            return hit.start, hit.entity
        if not lowered.endswith(_DETERMINER_ENDINGS, max(0, pos - 8), pos):
            return pos, None
        det = _DET_BEFORE.search(text[max(0, pos - 8) : pos])
        if det and det.group(1).lower() in _DETERMINERS:
            return pos - len(det.group(0)) + (0 if det.group(0)[0] != " " else 1), None
        return pos, None

    def _name_after(self, pos: int) -> tuple[int, int] | None:
        """The span of a capitalised name starting at `pos` (after optional ", ")."""
        text = self.text
        if text.startswith(", ", pos):
            pos += 2
        hit = self.gaz_by_start.get(pos)
        if hit is not None and hit.entity.kind == "person":
            # "Defence Minister No Kwang Chol": a known name, even one opening with a
            # word that starts no unknown name ("No", "Gen").
            return pos, hit.end
        m = _NAME.match(text, pos)
        if m is None:
            return None
        tokens = _name_tokens(m.group(0))
        keep: list[str] = []
        for tok in tokens:
            if _bare(tok) in self.lex.not_names and not _is_initial(tok):
                break
            keep.append(tok)
            if tok.endswith(("’s", "'s", "’", "'")):  # `_POSSESSIVE` matches
                break
        if not keep:
            return None
        end = pos + len(" ".join(keep))
        end = _strip_tail(text, pos, end)
        return (pos, end) if end > pos else None

    # --- passes ------------------------------------------------------------

    def _titles(self) -> None:
        text = self.text
        lowered = self.lowered
        titles = self.lex.titles
        for found_start, m_end in _spans(self.lex.pattern("title.lower"), _TITLE_GLUE, lowered):
            m_start = self._after_body_name(found_start, m_end)
            info = titles.get(lowered[m_start:m_end].lower()) if m_start < m_end else None
            if info is None:
                continue
            if lowered.startswith("official ", m_start) and m_end == m_start + 8:
                after = self.gaz_by_start.get(m_end + 1)
                if after is not None and after.entity.kind != "person":
                    continue  # "the official Korean Central News Agency": an adjective
            span = self._name_after(m_end + 1) if text.startswith((" ", ", "), m_end) else None
            if span is None and text.startswith(", ", m_end):
                span = self._name_after(m_end)
            if span is not None and text.startswith(", ", m_end) and not _APPOSITIVE_END.match(text, span[1]):
                # "According to a ministry official, Pine Ledger has ...": the comma closes
                # the phrase and the name opens the clause; an appositive closes ("..., Lee, said").
                span = None
            start, modifier = self._modifier_before(m_start)
            if modifier is None and start == m_start:
                start, modifier = self._body_before(m_start)
            affiliation = modifier.name if modifier is not None and modifier.kind == "state" else None
            local = _LOCAL_UNIT.search(text, max(0, start - 40), start) if info.role == "Official" else None
            if local is not None and local.group(1).lower() in _DETERMINERS | _NOT_PLACES:
                local = None  # "the city official", "this county official"
            if local is not None and modifier is None:
                # "a Jindo county official": the local government they work for.
                start = local.start()
                affiliation = f"{local.group(1)} {_LOCAL_BODIES[local.group(2).lower()]}"
            if modifier is not None and modifier.kind == "organisation":
                affiliation = modifier.name
            if span is None and text.startswith(" of ", m_end):
                # "Deputy Director of the Workers' Party of Korea Kim Yo-jong": the body, then the name.
                at = m_end + 4
                at += 4 if text.startswith("the ", at) else 0
                body = self.gaz_by_start.get(at)
                if body is not None and body.entity.kind in ("organisation", "state"):
                    span = self._name_after(body.end + 1) if text.startswith(" ", body.end) else None
                    if span is not None and affiliation is None:
                        affiliation = body.entity.name
            if span is not None and _bare(text[span[0] : span[1]].split()[-1]) in self.lex.organisation_heads:
                # "General Staff", "General Assembly", "Supreme Command": the title word
                # opens a body's name; the body is found by the organisation pass.
                continue
            if span is not None:
                name_text = text[span[0] : span[1]]
                self._add(
                    NameMention(
                        start,
                        span[1],
                        text[start : span[1]],
                        _clean_name(name_text),
                        "person",
                        info.role or None,
                        affiliation,
                        info.gender,
                    )
                )
                continue
            word = text[start:m_start].strip().lower()
            if start < m_start or text[m_start].isupper():
                # "an official", "a ministry official": somebody unnamed.
                unnamed = word.split(" ", 1)[0] in ("a", "an") or info.role == "Official"
                kind = "anonymous" if unnamed else "title"
                if affiliation is None and info.role == "Official":
                    affiliation = self._body_after(m_end)
                self._add(
                    NameMention(start, m_end, text[start:m_end], None, kind, info.role or None, affiliation)
                )

    def _bodies(self) -> None:
        text = self.text
        lowered = self.lowered
        bodies = self.lex.bodies
        for m_start, m_end in _spans(self.lex.pattern("body.lower"), _BODY_GLUE, lowered):
            if self.gaz_mask.find(1, m_start, m_end) >= 0:
                continue  # the gazetteer names it ("North Korea's foreign ministry")
            canonical = bodies[lowered[m_start:m_end].lower()]
            start, modifier = self._modifier_before(m_start)
            before = text[max(0, start - 30) : start]
            # `_OWNER_BEFORE` can only match before "’s " or "'s ".
            owned = (
                text.endswith(("’s ", "'s "), max(0, m_start - 60), m_start)
                and _OWNER_BEFORE.search(text[max(0, m_start - 60) : m_start]) is not None
            ) or before.endswith("whose ")
            if canonical == "office" and not owned and (text[m_end : m_end + 4] != " of " or modifier):
                continue
            if modifier is None and start == m_start and not text[m_start].isupper() and not owned:
                continue
            named = _capitalised_before(text, m_start)
            if (
                modifier is None
                and start == m_start
                and named
                and not named.group(1).endswith(("’s", "'s"))
                and _bare(named.group(1)) not in self.lex.not_names
            ):
                continue  # "the People Power Party": the end of a proper name, found by its shape
            end = m_end
            if modifier is None and text.startswith(" of ", end):
                # "the foreign ministry of South Korea"
                after = self.gaz_by_start.get(end + 4)
                if after is not None and after.entity.kind == "state":
                    modifier = after.entity
                    end = after.end
            if (
                modifier is None
                and canonical in ("office", "presidential office")
                and text.startswith(" of ", end)
            ):
                titled = next((f for f in reversed(self.found[-8:]) if f.start == end + 4), None)
                if titled is not None and titled.kind == "person" and self._free(start, end + 4):
                    # "the office of acting President Choi": one mention for office and owner.
                    self.found.remove(titled)
                    self.covered[start : end + 4] = b"\x01" * (end + 4 - start)
                    name = f"Office of {titled.name}"
                    self.found.append(
                        NameMention(start, titled.end, text[start : titled.end], name, "collective")
                    )
                    continue
                owner_span = self._name_after(end + 4)
                if owner_span is not None:
                    # "the office of President Lee": "Office of <owner>", resolved later.
                    whole = text[start : owner_span[1]]
                    owner_name = _clean_name(text[owner_span[0] : owner_span[1]])
                    self._add(
                        NameMention(start, owner_span[1], whole, f"Office of {owner_name}", "collective")
                    )
                    continue
            whole = text[start:end]
            hit = self.gaz.lookup(whole) or self.gaz.lookup(text[m_start:m_end])
            if hit is not None and hit[0].kind == "organisation":
                self._add(
                    NameMention(start, end, whole, hit[0].name, "organisation", None, hit[0].affiliation)
                )
                continue
            if modifier is not None and modifier.kind == "organisation":
                # "KCNA state news agency": the body named before its description.
                self._add(
                    NameMention(start, end, whole, modifier.name, "organisation", None, modifier.affiliation)
                )
                continue
            owned_hit = (
                self.gaz.lookup(f"{modifier.name}'s {text[m_start:m_end]}")
                if modifier is not None and modifier.kind == "state"
                else None
            )
            if owned_hit is not None and owned_hit[0].kind == "organisation":
                # "the North's ruling party": the body the gazetteer knows for that state.
                entity = owned_hit[0]
                found = NameMention(start, end, whole, entity.name, "organisation", None, entity.affiliation)
                self._add(found)
                continue
            if modifier is not None and modifier.kind == "state":
                adjective = modifier.adjectives[0] if modifier.adjectives else modifier.name
                name = f"{adjective} {canonical}"
                self._add(NameMention(start, end, whole, name, "collective", None, modifier.name))
            else:
                # Resolved later: "the ministry" to the last ministry named, "Yoon's office" to its owner.
                self._add(NameMention(start, end, whole, canonical, "collective"))

    def _gazetteer(self) -> None:
        # `_add_new` inline: a text has more gazetteer names than anything else.
        covered = self.covered
        found = self.found
        subject = self._subject
        for hit in self.gaz_hits:
            start = hit.start
            end = hit.end
            if end <= start or covered.find(1, start, end) >= 0:
                continue
            covered[start:end] = b"\x01" * (end - start)
            e = hit.entity
            found.append(
                NameMention(
                    start, end, hit.text, e.name, e.kind, e.role, e.affiliation, e.gender, subject(start)
                )
            )

    def _shapes(self, *, organisations_only: bool = False) -> None:
        blocked = self.covered
        if self._runs is None:
            # Both passes read the same capitalised runs: scan for them once.
            self._runs = _name_runs(self.text)
        heads = self.lex.organisation_heads
        not_names = self.lex.not_names
        shape = self._shape
        for start, end, tokens in self._runs:
            if blocked.find(1, start, end) < 0:
                # Nothing of it taken (the usual case): the run is one piece.
                if organisations_only:
                    # `_org_candidate`, inline: the organisations pass drops most runs here.
                    last = tokens[-1]
                    if len(tokens) == 1:
                        if not (last.isalpha() and last.isupper()):
                            continue
                    elif _bare(last) not in heads:
                        continue
                elif len(tokens) == 1 and _bare(tokens[0]) in not_names and not _is_initial(tokens[0]):
                    continue  # a lone opener ("The", "However", "Monday"): `_shape` would drop it at once
                # `_shape` never changes the list it is given.
                shape(start, tokens, organisations_only)
                continue
            if blocked.find(0, start, end) < 0:
                continue  # all of it taken
            # Split the capitalised run around what is already taken ("North Korea Sung Kim").
            run: list[str] = []
            run_start = pos = start
            for tok in tokens:
                if blocked.find(1, pos, pos + len(tok)) >= 0:
                    if run and (not organisations_only or self._org_candidate(run)):
                        shape(run_start, run, organisations_only)
                    run = []
                    run_start = pos + len(tok) + 1
                else:
                    run.append(tok)
                pos += len(tok) + 1
            if run and (not organisations_only or self._org_candidate(run)):
                shape(run_start, run, organisations_only)

    def _org_candidate(self, tokens: list[str]) -> bool:
        # Tokens hold no commas (see `_NAME`): the last one is a word as it stands.
        last = tokens[-1]
        if len(tokens) == 1:
            return last.isalpha() and last.isupper()
        return _bare(last) in self.lex.organisation_heads

    def _shape(self, pos: int, tokens: list[str], organisations_only: bool) -> None:
        text = self.text
        lex = self.lex
        not_names = lex.not_names
        heads = lex.organisation_heads
        # Drop sentence openers and calendar words in front ("In", "On Monday").
        # Tokens hold no commas (see `_NAME`), so none needs stripping of one.
        skip = 0
        n = len(tokens)
        while skip < n and _bare(tokens[skip]) in not_names and not _is_initial(tokens[skip]):
            pos += len(tokens[skip]) + 1
            skip += 1
        if skip == n:
            return
        if skip:
            tokens = tokens[skip:]
            n -= skip
        if not organisations_only and n > 2:
            # "... Committee on International Affairs Vladimir Dzhabarov": the
            # name after the body's last word is a person's, the body no part of it.
            cut = max((i for i, tok in enumerate(tokens[:-2]) if _bare(tok) in heads), default=-1)
            if cut >= 0 and not any(_bare(t) in heads or _bare(t) in not_names for t in tokens[cut + 1 :]):
                pos += len(" ".join(tokens[: cut + 1])) + 1
                tokens = tokens[cut + 1 :]
                n = len(tokens)
        if n == 1 and _bare(tokens[0]) in heads:
            return  # "(General) Staff", "(Supreme) Command" left alone: a body's word, no one's name
        if _bare(tokens[-1]) in _FIELD_HEADS and _FIELD_AFTER.match(text, pos + len(" ".join(tokens))):
            return  # "Korea Center| for Peace Studies": the run after "for" takes it in (below)
        opener = None
        # `_BODY_OF` ends in "for|of|on [the] ": a plain suffix test skips its scan of the
        # 80 characters before most runs, which follow no such word.
        if pos > 5 and text.endswith(_BODY_OF_TAILS, 0, pos):
            opener = _BODY_OF.search(text, max(0, pos - 80), pos)
        if opener is not None:
            # "Institute for American Studies", "Center for Naval Analyses": the run after "for"
            # names what the body studies, the body is the whole run from its head word.
            start = opener.start()
            if text.startswith(("The ", "A ", "An "), start):
                start = text.index(" ", start) + 1
            end = _strip_tail(text, pos, pos + len(" ".join(tokens)))
            if end > pos and self.covered.find(1, start, end) < 0:
                mention = text[start:end]
                if self.gaz.lookup(mention) is None:
                    self._add_new(start, end, mention, _clean_name(mention), "organisation")
            return
        if n > 1 and any(_bare(t) in lex.place_heads for t in tokens[1:]):
            return  # "Northern Limit Line", "Demilitarized Zone": a place, no one's name
        if n > 1 and _bare(tokens[-1]).removesuffix("’s").removesuffix("'s") in heads:
            length = len(" ".join(tokens))
        else:
            # The first token is kept (the loop above stopped at it, or the cut
            # left no such word): the name runs to the first word no name holds.
            keep = 1
            while keep < n and (_bare(tokens[keep]) not in not_names or _is_initial(tokens[keep])):
                keep += 1
            length = len(" ".join(tokens[:keep])) if keep > 1 else len(tokens[0])
        end = _strip_tail(text, pos, pos + length)
        if end <= pos or self.covered.find(1, pos, end) >= 0:
            return
        if pos > 0 and text[pos - 1] == "[" and text[end : end + 1] == "]":
            return  # "[Soundbite]", "[Anchor]": a transcript's label, no one's name
        mention = text[pos:end]
        words = mention.split()
        if len(words) == 1:
            word = words[0]
            is_org = word.isalpha() and word.isupper() and len(word) > 1  # an acronym
        else:
            is_org = words[-1] in heads
        if organisations_only:
            if not is_org:
                return
            gm = self.gaz_mask
            # A gazetteer name running over either edge wins ("Korean Central News Agency").
            inside_gaz = (pos > 0 and gm[pos - 1] and gm[pos]) or (end < len(gm) and gm[end - 1] and gm[end])
            if not inside_gaz and self.gaz.lookup(mention) is None:
                self._add_new(pos, end, mention, _clean_name(mention), "organisation")
            return
        if self.gaz.lookup(mention) is not None:
            # A case variant the gazetteer knows ("SEOUL" in a dateline): resolved later.
            self._add_new(pos, end, mention, _clean_name(mention), "person")
            return
        if not is_org and len(words) == 1 and pos >= 4 and text[pos - 4 : pos] in ("the ", "The "):
            # "the Chainflip cryptocurrency exchange": a firm named by the word.
            after = _NOUN_AFTER.match(text, end)
            words_after = after.group(0).split() if after is not None else []
            is_org = any(w in lex.organisation_nouns for w in words_after)
        if not is_org and text.endswith((" at ", " with "), 0, pos):
            # "a manager at Yanbian Silverstar": a staff noun's employer, a firm.
            staff = _STAFF_AT.search(text, max(0, pos - 40), pos)
            is_org = staff is not None and staff.group(1).lower().removesuffix("s") in lex.staff_nouns
        if is_org:
            self._add_new(pos, end, mention, _clean_name(mention), "organisation")
            return
        initial = len(words) == 1 and _sentence_initial(text, pos)
        plural_like = initial and words[0].endswith(("s", "ing", "ly", "ed"))
        if plural_like and not (words[0][-1] == "s" and self.gaz.by_surname(words[0])):
            return  # "Diplomats", "Arriving", "Reportedly": no name opening a sentence ("Mattis" is)
        # One capitalised word opening a sentence or a quotation ("Evidence",
        # "Good") is a name only if it resolves or speaks: the resolver decides.
        self._add_new(pos, end, mention, _clean_name(mention), "maybe" if initial else "person")

    def _pronouns(self) -> None:
        text = self.text
        for start, end in _spans(_PRONOUN, _PRONOUN_GLUE, text):
            found = text[start:end]
            word = found.lower()
            kind = "relative" if word in ("who", "whose") else "pronoun"
            gender = PRONOUN_GENDER.get(word)
            self._add_new(start, end, found, None, kind, gender=gender)


# A place and the level of local government before "official" ("a Jindo county
# official", "a Gyeonggi provincial official"), and the body each level names.
_LOCAL_UNIT = re.compile(
    r"(?<![\w’'-])([A-Z][a-z][\w-]*)[ ]+"
    r"(?i:(county|city|provincial|province|prefectural|district|municipal))[ ]+\Z"
)
_NOT_PLACES = frozenset(["this", "that", "each", "every", "another", "its", "their", "his", "her", "our"])
_LOCAL_BODIES = {
    "county": "County",
    "city": "City",
    "municipal": "City",
    "provincial": "Province",
    "province": "Province",
    "prefectural": "Prefecture",
    "district": "District",
}
# A research or advisory body's head word and the preposition naming its field, right before
# a capitalised run ("Institute for ", "Korea Center for ", "Council on "): one name with it.
_BODY_OF = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w’'-]{0,30}[ ]){0,3}"
    r"(?:Institute|Center|Centre|Council|Foundation|Academy|Society|Association)"
    r"[ ](?:for|of|on)[ ](?:the[ ])?\Z"
)
# What text before a run must end with for `_BODY_OF` to match it (a cheap gate).
_BODY_OF_TAILS = (" for ", " of ", " on ", " the ")
_FIELD_HEADS = frozenset(
    ["Institute", "Center", "Centre", "Council", "Foundation", "Academy", "Society", "Association"]
)
_FIELD_AFTER = re.compile(r"[ ](?:for|of|on)[ ](?:the[ ])?[A-Z]")
# Up to two lower-case words after a name, then the noun they lead to ("cryptocurrency exchange").
# The lower-case noun right before " at " or " with " and a name ("a manager at ").
_STAFF_AT = re.compile(r"(?<![\w-])([A-Za-z]{2,20})[ ](?:at|with)[ ]\Z")
_NOUN_AFTER = re.compile(r"(?:[ ][a-z][a-z-]{0,20}){1,3}(?![\w-])")
# What closes an appositive name after a title and its comma ("a spokesman, Lee Min-su, said").
_APPOSITIVE_END = re.compile(r"\s*(?:[,.;:!?)\]”’\"'—–]|\(|-[ ]|\Z)")


def _name_runs(text: str) -> list[tuple[int, int, list[str]]]:
    """Start, end and tokens of each match of `_NAME.finditer(text)`.

    `_NAME_SCAN` tests `_NAME`'s look-behind after the first capital: a pattern
    opening with a look-behind is tried at every position, one opening with a
    capital lets the regex engine skip ahead to the next one.
    """
    return [(m.start(), m.end(), m[0].split(" ")) for m in _NAME_SCAN.finditer(text)]


def _spans(pattern: re.Pattern[str], glue: str, text: str) -> Iterator[tuple[int, int]]:
    """The spans of `pattern.finditer(text)`, `pattern` opening with the look-behind `glue`.

    `re` tries a pattern that opens with a look-behind at every position of the
    text, and tests a class such as ``\\w`` against Unicode tables; `_after_break`
    turns the look-behind into a character consumed first from a plain ASCII set
    (spaces and punctuation), so the pattern is tried only after those, and any
    non-ASCII character, which is checked against `glue` here.
    """
    # Keyed by the source, not the compiled pattern: hashing a `re.Pattern` hashes all its code.
    fast = _after_break(pattern.pattern, pattern.flags, glue)
    if fast is None:
        yield from (found.span() for found in pattern.finditer(text))
        return
    search, glued = fast[0].search, fast[1].match
    at = 0  # where the character before the next match may be
    m = pattern.match(text, 0)  # at the start of the text nothing comes before
    if m is not None:
        yield m.span()
        at = m.end() - 1
    while (m := search(text, at)) is not None:
        at = m.start()
        if text[at] > "\x7f" and glued(text, at) is not None:
            at += 1  # a non-ASCII word character: the look-behind fails after it
            continue
        end = m.end()
        yield at + 1, end
        at = end - 1  # the next match may open right where this one ends


def matches_after_break(
    pattern: re.Pattern[str], glue: str, text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    r"""`pattern.finditer(text, start, end)`, `pattern` opening with the look-behind `glue`.

    As in `_spans`, candidates are sought after a break character only (see
    `_after_break`); each is then matched by `pattern` itself, which also rejects
    one after a non-ASCII word character, so the matches are `pattern`'s own.

    Examples:
        >>> p = re.compile(r"(?<![\w-])(?:said|says)(?![\w-])")
        >>> [m.span() for m in matches_after_break(p, r"(?<![\w-])", "Lee said, unsaid, says", 1)]
        [(4, 8), (18, 22)]
    """
    end = len(text) if end is None else end
    fast = _after_break(pattern.pattern, pattern.flags, glue)
    if fast is None:
        yield from pattern.finditer(text, start, end)
        return
    search, match = fast[0].search, pattern.match
    at = start - 1  # the character before `start` may be the break a match follows
    if start == 0:
        # At the start of the text nothing comes before.
        m = match(text, 0, end)
        if m is not None:
            yield m
            at = m.end() - 1
        else:
            at = 0
    while (found := search(text, at, end)) is not None:
        at = found.start() + 1
        m = match(text, at, end)
        if m is None:
            continue  # a non-ASCII word character before: the look-behind fails
        yield m
        at = m.end() - 1  # the next match may open right where this one ends


@functools.lru_cache(maxsize=32)
def _after_break(source: str, flags: int, glue: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """`pattern` opening with a character it does not follow, and the class of `glue`.

    `pattern` is compiled from `source` with `flags`; `glue` is a negative
    look-behind of one class ("(?<![\\w.-])"). The character consumed is any ASCII
    character outside that class, or any non-ASCII one (`_spans` checks those).
    None when `pattern` does not open with `glue`, ignores case or could match an
    empty string (where non-overlapping matches would differ).
    """
    if (
        not source.startswith(glue)
        or not glue.startswith("(?<![")
        or not glue.endswith("])")
        or flags & re.IGNORECASE
        or re.compile(source, flags).match("") is not None
    ):
        return None
    glued = re.compile(glue.removeprefix("(?<!").removesuffix(")"))
    # As a negated class of the few ASCII characters the glue holds: `re` tests a
    # class of some sixty listed characters and a range for every character it
    # scans, about a quarter slower.
    held = "".join(f"\\x{c:02x}" for c in range(128) if glued.match(chr(c)) is not None)
    fast = re.compile(f"[^{held}]" + source.removeprefix(glue), flags)
    return fast, glued


def _quoted_mask(size: int, quoted: Sequence[Span]) -> bytearray:
    """One byte per character of the text, 1 inside a quotation of `quoted` (ordered).

    As a bisect over the starts would tell: a position belongs to the last
    quotation starting at or before it, and is inside if before that one's end.
    """
    mask = bytearray(size)
    for i, q in enumerate(quoted):
        end = min(q.end, size) if i + 1 == len(quoted) else min(q.end, size, quoted[i + 1].start)
        if end > q.start:
            mask[q.start : end] = b"\x01" * (end - q.start)
    return mask


def _capitalised_before(text: str, pos: int) -> re.Match[str] | None:
    """`_CAPITALISED_BEFORE` searched in the 42 characters before `pos`.

    The word it finds holds no space, so the search starts after the last space
    before the one it ends with: a pattern opening with a look-behind is tried at
    every position it may start at, and most of the window lies before that space.
    """
    lo = max(0, pos - 42)
    return _CAPITALISED_BEFORE.search(text, max(lo, text.rfind(" ", lo, max(lo, pos - 1)) + 1), pos)


def _sentence_initial(text: str, pos: int) -> bool:
    j = pos
    while j > 0 and text[j - 1] in ' “"‘(':
        j -= 1
    if j > 1 and text[j - 1] == "\n" and text[j - 2] in _WRAPPED:
        return False  # a hard-wrapped line ("give his family name\nJin, said"): mid-sentence
    return j == 0 or text[j - 1] in ".!?\n"


# Characters a hard-wrapped line breaks after inside a sentence: a lower-case letter or a comma.
_WRAPPED = frozenset("abcdefghijklmnopqrstuvwxyz,")


def _is_initial(token: str) -> bool:
    """`_INITIAL.fullmatch(token)`: a capital and a stop ("K.")."""
    return len(token) == 2 and token[1] == "." and "A" <= token[0] <= "Z"


def _bare(token: str) -> str:
    """A token without its possessive or trailing stop ("Officials’" -> "Officials")."""
    if token[-1:] not in ("s", "’", "'", "."):
        return token
    for suffix in ("’s", "'s", "’", "'", "."):
        if token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def _name_tokens(chunk: str) -> list[str]:
    return chunk.split(" ")


# The last characters `_strip_tail` may strip ("s" of a possessive).
_TAIL_ENDS = frozenset("s’'.-")


def _strip_tail(text: str, start: int, end: int) -> int:
    """Drop a possessive and a sentence-final stop (but keep an initial's stop)."""
    if text[end - 1 : end] not in _TAIL_ENDS:
        return end  # the usual case: nothing below would strip a character
    span = text[start:end]
    # `_POSSESSIVE` at the end: the two-character forms first, as the regex tries them.
    if span.endswith(("’s", "'s")):
        end -= 2
        span = text[start:end]
    elif span.endswith(("’", "'")):
        end -= 1
        span = text[start:end]
    while span.endswith((".", "-", "’", "'")) and not _INITIAL.search(span[-2:]):
        end -= 1
        span = text[start:end]
    if span.endswith(".") and len(span.split()[-1]) == 2 and len(span.split()) == 1:
        return end  # "A." alone: an initial, let the caller decide
    return end


def _clean_name(mention: str) -> str:
    name = " ".join(mention.split())
    if name.startswith(("The ", "the ")):
        name = name[4:]
    return name
