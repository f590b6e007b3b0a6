"""The sentence view of event extraction: what one sentence says around a trigger.

`Sentence` holds a sentence's names and answers the questions argument filling
asks again and again: the names before or after a position, the clause subject
of a trigger (skipping names a preposition governs, relative clauses and
reporters), the names coordinated with a head, the end of a clause. The
helpers below it read a trigger's possessor or pre-modifier, a determiner
before it and the partners after it. `koreabrief.extraction.event_mentions`
fills a mention's arguments from them; kept apart so that module stays short.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from koreabrief.extraction.text import WORD as _WORD
from koreabrief.extraction.text import SentenceText
from koreabrief.extraction.triggers import has_case_extras

if TYPE_CHECKING:
    from koreabrief.extraction.actors import ActorMention
    from koreabrief.extraction.triggers import TriggerMatch
    from koreabrief.gazetteer import Gazetteer
    from koreabrief.models import Span

__all__ = ["REPORTER", "Sentence", "determiner_before", "object_names", "possessor"]

# Compiled once here rather than inline in the functions that use them.
# A name followed by a reporting verb is a source, not an actor ("Yonhap said the missile ...").
REPORTER = re.compile(
    r"(?:['’]s)?\s+(?:\w+\s+)?(?:said|says|reported|reports|told|claimed|claims|announced)\b"
)
# A name right before the verb is its subject even after a preposition ("after the North fired").
_ADJACENT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+|have\s+)?")
# "before Rubio was due to arrive": after a word that also joins clauses, a name
# followed by auxiliaries only is the verb's subject, not a preposition's object.
_AUXILIARIES = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:(?:has|had|have|was|were|is|are|will|would|could|can|may|might|should)\s+"
    r"(?:been\s+|be\s+)?)?(?:(?:due|set|scheduled|expected|slated|poised|about|going|likely|preparing"
    r"|planning|ready)\s+to\s+)?"
)
_CLAUSE_JOINER = re.compile(r"\b(?:before|after|until|till|since|as|when|while|once)\s+\Z")


def _clause_subject(text: str, n: ActorMention, trig_start: int) -> bool:
    """Whether `n` opens a clause of its own before the trigger ("days before Rubio was due to arrive")."""
    return (
        _AUXILIARIES.fullmatch(text, n.end, trig_start) is not None
        and _CLAUSE_JOINER.search(text, max(0, n.start - 8), n.start) is not None
    )


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|on)\s+(?:the\s+)?\Z")
_NOT_MODIFIERS = frozenset(
    ("the", "a", "an", "to", "of", "with", "and", "in", "on", "for", "at", "by", "as", "that", "which", "who")
)
_MAYBE_DAY = re.compile(r"day\b|\d")
_TITLE_GAP = re.compile(r"\s+(?:[A-Za-z.-]{1,20}\s+){0,3}")
# "\b(?:he|she|He|She)\b", opening with its first letter so that a search skips to
# those letters at once (a leading "\b" is tried at every character): several times faster.
# Reversed text: trailing articles ("eht" is "the") and the gaps between words, then
# the last other word (group 1). Words and gaps are complements, so runs are taken whole.
_LAST_WORD_BACK = re.compile(r"(?:[^\w'’-]*(?:eht|na|a)(?![\w'’-]))*[^\w'’-]*([\w'’-]+)", re.IGNORECASE)
_ARTICLES = frozenset(("the", "a", "an"))
_PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Ss])he|(?<=[Hh])e)\b")
_CONJ = re.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?")
_PAIR = re.compile(r"\.?[-–/]")  # "R.O.K.-U.S." (a name's closing stop stays outside it)
# A state and a state's force ("Canada and the Japanese navy") are one list.
_SIDES = frozenset(("state", "organisation"))
_RELATIVE = re.compile(r",\s+(?:who|which|whose|where)\b[^,;]{0,300},")
_DETERMINER = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|his|her|their|such)|today['’]s|monday['’]s)\s+(?:[a-z][\w-]*\s+){0,2}\Z",
    re.IGNORECASE,
)
# The same, case-sensitive, for lower-cased text: much faster than IGNORECASE,
# which also folds the characters of CASE_EXTRAS (where those stand, the
# pattern above runs instead).
_DETERMINER_LOWERED = re.compile(_DETERMINER.pattern)
_POSSESSOR_GAP = re.compile(r"\A(?:['’]s?)?(?:\s+[a-z][\w'’-]*){0,3}\s+\Z")
_PREMOD_GAP = re.compile(r"\A(?:\s+[A-Za-z0-9][\w'’.-]*){0,3}\s+\Z")


def _in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return bool(ranges) and any(a <= pos < b for a, b in ranges)


class Sentence:
    """The mentions, names and helpers of one sentence."""

    def __init__(
        self,
        text: str,
        sent: Span,
        names: list[ActorMention],
        preps: frozenset[str],
        reaction: re.Pattern[str] | None = None,
        *,
        lowered: str | None = None,
        gazetteer: Gazetteer | None = None,
        starts: list[int] | None = None,
        extras: bool = True,
        layer: SentenceText | None = None,
    ) -> None:
        self.text = text
        # The sentence's words and clause breaks, shared with the other rules reading it.
        self.layer = layer if layer is not None else SentenceText(text, sent.start, sent.end)
        # False when `text` holds no character of CASE_EXTRAS: no range then needs the check.
        self.extras = extras
        # Tells a person's gender, so that "she" skips a man named nearer.
        self.gazetteer = gazetteer
        # `text` lower-cased, same length (see `ArticleContext.lowered`), when the caller has it.
        self.lowered = lowered
        # Verbs whose object is someone else's event ("Pyongyang criticised joint drills").
        self.reaction = reaction
        self.sent = sent
        # Every name of the article (`event_mentions._states` reads them all) ...
        self.names = names
        # ... but the helpers below only ever look at those inside the sentence and
        # the 12 before it: keep that slice, so that no per-sentence work scans the article.
        # `starts` (the names' start offsets, when the caller has them) spares a list per sentence.
        if starts is None:
            starts = [n.start for n in names]
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end, lo)
        self.near = names[max(0, lo - 12) : hi]
        self.starts = starts[max(0, lo - 12) : hi]
        # Names are in text order: those of the sentence start at this index of `near`.
        self._first = lo - max(0, lo - 12)
        self.preps = preps
        self._relative: list[tuple[int, int]] | None = None
        # The same positions are asked about again and again (subject, conjuncts, target ...).
        self._before: dict[int, list[ActorMention]] = {}
        self._governed: dict[int, bool] = {}
        self._clause_end: dict[int, int] = {}

    @property
    def relative(self) -> list[tuple[int, int]]:
        """The sentence's relative clauses (", who ... ,") as offsets, found when first asked for."""
        if self._relative is None:
            found = _RELATIVE.finditer(self.text, self.sent.start, self.sent.end)
            self._relative = [(m.start(), m.end()) for m in found]
        return self._relative

    # The positions asked about all lie inside the sentence, so the `near` slice
    # gives the same names as the whole list would.
    def before(self, pos: int) -> list[ActorMention]:
        """Names of the sentence ending before `pos`, nearest first (shared: do not modify)."""
        found = self._before.get(pos)
        if found is None:
            i = bisect.bisect_left(self.starts, pos)
            # Of the 12 names before `pos`, those from `_first` on start inside the sentence.
            near = self.near[max(self._first, i - 12) : i]
            found = self._before[pos] = [n for n in reversed(near) if n.end <= pos]
        return found

    def all_before(self, pos: int) -> list[ActorMention]:
        i = bisect.bisect_left(self.starts, pos)
        return [n for n in self.near[max(0, i - 12) : i] if n.end <= pos]

    def after(self, pos: int, limit: int) -> list[ActorMention]:
        starts = self.starts
        i = bisect.bisect_left(starts, pos)
        # Of the 12 names from `pos` on, those starting before `limit` come first (text order).
        hi = min(i + 12, len(starts))
        return self.near[i : bisect.bisect_left(starts, min(limit, self.sent.end), i, hi) if i < hi else i]

    def governed(self, n: ActorMention) -> bool:
        """Whether a preposition governs the name (so it is no clause subject)."""
        found = self._governed.get(n.start)
        if found is None:
            found = self._governed[n.start] = self._is_governed(n)
        return found

    def _is_governed(self, n: ActorMention) -> bool:
        lo = max(self.sent.start, n.start - 30)
        # "The day before, Kim inspected": a comma ends the prepositional phrase.
        comma = self.text.rfind(",", lo, n.start)
        # The last word before the name that is no article, read backwards in one match.
        last = _LAST_WORD_BACK.match(self.text[comma + 1 if comma != -1 else lo : n.start][::-1])
        if last is None:
            return False
        word = last.group(1)[::-1].lower()
        # An article is captured only when no other word stands there.
        return word not in _ARTICLES and word in self.preps

    def _gender(self, n: ActorMention) -> str | None:
        entity = self.gazetteer.resolve(n.name) if self.gazetteer is not None else None
        return entity.gender if entity is not None else None

    def _of_gender(self, pronoun: re.Match[str]) -> ActorMention | None:
        """The person "he"/"she" stands for when the nearest person has the other gender."""
        want = "f" if pronoun.group(0).lower() == "she" else "m"
        people = [n for n in self.before(pronoun.start()) if n.kind == "person"]
        if not people:
            people = [n for n in self.all_before(self.sent.start) if n.kind == "person"][::-1]
        if not people or self._gender(people[0]) in (None, want):
            return None
        return next((n for n in people if self._gender(n) == want), None)

    def subject(self, trig_start: int, person_first: bool) -> ActorMention | None:
        if person_first:
            pronoun = _PRONOUN.search(self.text, self.sent.start, trig_start)
            if pronoun is not None and self.gazetteer is not None:
                gendered = self._of_gender(pronoun)
                if gendered is not None:
                    return gendered
            if pronoun is not None and not any(
                n.kind == "person" and pronoun.start() > n.end for n in self.before(pronoun.start())[:1]
            ):
                # "He met ..." at the head of a sentence: the last person named before it.
                earlier = [n for n in self.all_before(self.sent.start) if n.kind == "person"]
                if earlier and not [n for n in self.before(pronoun.start()) if n.kind == "person"]:
                    return earlier[-1]
        relative = self.relative
        inside = _in_ranges(trig_start, relative)
        wanted = ("person",) if person_first else ("state", "organisation")
        # The first of the four nearest candidates of the wanted kind, else the nearest:
        # candidates are checked one by one, only as far as needed.
        first = None
        count = 0
        for n in self.before(trig_start):
            if (
                (
                    not self.governed(n)
                    or _ADJACENT.fullmatch(self.text, n.end, trig_start)
                    or _clause_subject(self.text, n, trig_start)
                )
                and (inside or not _in_ranges(n.start, relative))
                and not (n.kind == "organisation" and REPORTER.match(self.text, n.end))
            ):
                if n.kind in wanted:
                    return n
                if first is None:
                    first = n
                count += 1
                if count == 4:
                    break
        return first

    def conjuncts(self, head: ActorMention) -> list[ActorMention]:
        """Names coordinated before `head` ("Seoul and Washington will ...")."""
        out = [head]
        for n in self.before(head.start):
            gap = self.text[n.end : out[-1].start]
            if n.kind == "person" != head.kind and len(out) == 1 and _CONJ.fullmatch(gap) and "and" in gap:
                # "Putin and North Korean leader Kim Jong Un": the person the adjective names is the head.
                person = self._modified(head)
                if person is not None and not self.governed(n):
                    head = person
                    out = [person, n]
                    continue
            if len(out) == 1 and n.kind == head.kind == "state" and _PAIR.fullmatch(gap):
                # "South Korea-US joint drills", "the Moscow-Pyongyang treaty": both sides.
                if not self.governed(n):
                    out.append(n)
                break
            if (
                n.kind == head.kind
                and _CONJ.fullmatch(gap)
                and (len(out) > 1 or "and" in gap)
                and self.governed(n)
            ):
                # "the leaders of South Korea, Japan and China": the group noun's "of"
                # governs the whole list, whose first member it stands before.
                if _GROUP_OF.search(self.text, max(self.sent.start, n.start - 40), n.start):
                    out.append(n)
                break
            if (n.kind != head.kind and not _SIDES.issuperset((n.kind, head.kind))) or not _CONJ.fullmatch(
                gap
            ) or self.governed(n):
                break
            if len(out) == 1 and "and" not in gap:
                # "a visit to South Korea, North Korea fired": a comma alone is no list.
                break
            out.append(n)
        return out[::-1]

    def _modified(self, head: ActorMention) -> ActorMention | None:
        """The person a state adjective introduces ("North Korean leader Kim Jong Un"), if any."""
        nxt = self.after(head.end, head.end + 60)[:1]
        if (
            nxt
            and nxt[0].kind == "person"
            and nxt[0].affiliation == head.name
            and _TITLE_GAP.fullmatch(self.text, head.end, nxt[0].start)
        ):
            return nxt[0]
        return None

    def following(self, first: ActorMention) -> list[ActorMention]:
        """Names coordinated after `first` ("drills by Seoul and Washington")."""
        out = []
        last = first
        closed = 0  # the list ends at its "and": "by North Korea, Japan said" names one side
        for n in self.after(first.end, self.sent.end)[:4]:
            gap = self.text[last.end : n.start]
            if n.kind != first.kind or not _CONJ.fullmatch(gap):
                break
            out.append(n)
            last = n
            if "and" in gap:
                closed = len(out)
                break
        return out[:closed]

    def clause_end(self, pos: int) -> int:
        found = self._clause_end.get(pos)
        if found is None:
            b = self.layer.first_clause_break(pos, self.sent.end)
            found = self._clause_end[pos] = b if b != -1 else self.sent.end
        return found


def possessor(s: Sentence, trig: TriggerMatch) -> ActorMention | None:
    if trig.first_word() in _NOT_MODIFIERS:
        # "traveled to Beijing for talks": a trigger opening with a preposition has no pre-modifier.
        return None
    for n in s.before(trig.start)[:2]:
        gap = s.text[n.end : trig.start]
        if _POSSESSOR_GAP.match(gap) or (_PREMOD_GAP.match(gap) and "," not in gap and len(gap) < 40):
            words = {w.lower() for w in _WORD.findall(gap)}
            if words & _NOT_MODIFIERS or words & s.preps or _MAYBE_DAY.search(gap):
                continue
            if s.reaction is not None and s.reaction.search(gap):
                continue  # "Pyongyang criticised joint drills": a verb, not a pre-modifier
            return n
    return None


def determiner_before(s: Sentence, lo: int, hi: int) -> bool:
    """Whether `_DETERMINER` matches in text[lo:hi] (on the lower-cased text when there is one)."""
    if s.lowered is not None and not (s.extras and has_case_extras(s.text, lo, hi)):
        return _DETERMINER_LOWERED.search(s.lowered, lo, hi) is not None
    return _DETERMINER.search(s.text, lo, hi) is not None


def object_names(s: Sentence, trig: TriggerMatch) -> list[ActorMention]:
    """Partners after the trigger: "with X", "between X and Y", "met X"."""
    end = s.clause_end(trig.end)
    rest = s.text[trig.end : end]
    out = []
    m = _PARTNER_CUE.match(rest)
    if m is not None and m.group(0).endswith("and") and not _NAME_NEXT.match(rest, m.end()):
        m = None  # "a summit and delighted Washington": a new verb phrase, no partner
    if m or _MEETS.search(trig.text):
        found = s.after(trig.end, end + 80 if m and "between" in m.group(0) else end)
        # "in Singapore", "at Camp David": a place, not a partner.
        found = [n for n in found if not _PLACE_BEFORE.search(s.text, max(0, n.start - 12), n.start)]
        people = [n for n in found if n.kind == "person"]
        out = people[:3] or [n for n in found if n.kind == "organisation"][:1] or found[:1]
    return out


_PARTNER_CUE = re.compile(r"\s*(?:\w+\s+){0,2}?(?:with|between|and)\b")
_NAME_NEXT = re.compile(r"\s+(?:the\s+)?[A-Z]")
# A plural group noun and "of" right before a name: "the leaders of", "top diplomats of the".
_GROUP_OF = re.compile(
    r"\b(?:leaders|heads|ministers|diplomats|officials|delegations|representatives|envoys|negotiators"
    r"|militaries|navies|armies|forces|governments|chiefs|presidents|spy agencies|coast guards)"
    r"\s+of\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# A trigger whose own words take the partner as object: "met X", "talks with X", "hosted ... X".
_MEETS = re.compile(
    r"(?:with|met|meet|meets)\s*\Z|\A(?:hosted|hosts|hosting|host|welcomed|welcomes|received|receives)\b",
    re.IGNORECASE,
)
