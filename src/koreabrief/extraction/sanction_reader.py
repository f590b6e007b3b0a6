"""One sentence as the sanction rules read it: its names, subject, authorities; what they find.

A `SentenceReader` holds the sentence's span, the actor names inside it and
the article's lead state; the rules of
[`sanction_cues`][koreabrief.extraction.sanction_cues],
[`sanction_targets`][koreabrief.extraction.sanction_targets] and
[`violations`][koreabrief.extraction.violations] read it and return `Found`
targets, which [`merge_found`][koreabrief.extraction.sanction_merge.merge_found]
turns into Sanctions.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from koreabrief.extraction.actors import ActorMention
from koreabrief.extraction.sanction_lexicon import SanctionLexicon
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import SanctionStatus, Span

__all__ = ["UNSC", "Found", "SentenceReader", "authority_of"]

# The authority of UN Security Council resolutions.
UNSC = "UN Security Council"

# A capitalised word right after a name: the name is part of a longer one.
_INSIDE_NAME = re.compile(r" [A-Z][a-z]")

_GOVERNING = frozenset(["to", "with", "against", "on", "of", "for", "from", "by", "in", "between", "at"])

_LIST_JOINT = re.compile(r"\s*(?:,|and|,\s*and)\s*")

_WORD = re.compile(r"[\w'’.-]+")


class Found(NamedTuple):
    """One target of one cue, before the article's mentions are merged."""

    entity: str
    status: SanctionStatus
    sent: Span
    authority: str | None
    program: str | None
    reason: str | None
    start_date: str | None
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    group: str | None = None
    group_count: int | None = None
    resolutions: tuple[str, ...] = ()
    # Which designation it belongs to (the offset of its cue), to drop a group once names follow.
    action: int = -1


class SentenceReader:
    """One sentence of an article, with the names in it and the article's lead state.

    `lead` is the state the article is most about (named most often), the
    target of a UN regime its sentences say was broken without naming whose;
    `before` is the sentence before, where a pronoun's antecedent is named;
    `gazetteer` resolves names the actor scan leaves (the state of "anti-Russian");
    `un_target` is the state under a UN sanctions regime the article names most;
    `lowered` is the text lower-cased, for the quick cue scan, when it may be used.
    """

    def __init__(
        self,
        text: str,
        sent: Span,
        names: list[ActorMention],
        lex: SanctionLexicon,
        starts: list[int],
        *,
        lead: str | None = None,
        before: Span | None = None,
        gazetteer: Gazetteer | None = None,
        un_target: str | None = None,
        lowered: str | None = None,
    ) -> None:
        self.text = text
        # `text` lower-cased, when the lexicon's quick scan may read it (see `SanctionLexicon.lowered`).
        self.lowered = lowered
        self.sent = sent
        # Bisected, not filtered: a scan of every name per sentence is quadratic.
        self.names = names[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)]
        self.lex = lex
        self.lead = lead
        self.before = before
        self.gazetteer = gazetteer
        self.un_target = un_target
        self._all = (names, starts)

    def names_in(self, span: Span) -> list[ActorMention]:
        """The names in another stretch of the article (the sentence before, say)."""
        names, starts = self._all
        return names[bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)]

    def subject(self, pos: int) -> ActorMention | None:
        """The nearest name before `pos` that no preposition governs."""
        for n in reversed([n for n in self.names if n.end <= pos]):
            if " " not in n.text and _INSIDE_NAME.match(self.text, n.end):
                continue  # "Ma" of "the Chon Ma San": a surname inside another name
            words = _WORD.findall(self.text[max(self.sent.start, n.start - 30) : n.start])
            while words and words[-1].lower() in ("the", "a", "an"):
                words.pop()
            if not words or words[-1].lower() not in _GOVERNING:
                return n
        return None

    def conjuncts(self, head: ActorMention) -> list[ActorMention]:
        """`head` with the names coordinated before it ("Russia, Iran and North Korea")."""
        out = [head]
        earlier = [n for n in self.names if n.end <= head.start]
        for n in reversed(earlier):
            if not _LIST_JOINT.fullmatch(self.text[n.end : out[-1].start]):
                break
            out.append(n)
        return out[::-1]

    def body_after(self, pos: int) -> str | None:
        """The state or body named right after `pos` ("... sanctioned by Australia")."""
        for n in self.names:
            if pos <= n.start <= pos + 12:
                return authority_of(n) if n.kind in ("state", "organisation") else None
        return None

    def authority_in(self, start: int, end: int) -> str | None:
        m = self.lex.authorities.search(self.text, start, end)
        if m is not None:
            return self.lex.authority[m.group(0)]
        return None


def authority_of(n: ActorMention) -> str:
    """The authority a name stands for: a body's state when it has one ("the Treasury")."""
    return n.affiliation if n.kind == "organisation" and n.affiliation else n.name
