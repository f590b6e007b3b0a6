"""Attribution patterns: which mention and cue word a quotation belongs to.

Each quotation is looked at in its own sentence: a label noun right before it
("his slogan “...”"), a speaker after it (“Q,” X said / “Q,” said X / “Q,”
according to X), a cue before it (X said, “Q” / X said that “partial” / X, whose
office said “Q”, "..., saying “Q”" with the clause subject), then the next sentence
(“Q.” That was X's reply.) The scan never leaves the quotation's paragraph and
looks at bounded windows, so time stays linear in the text.
"""

from __future__ import annotations

import bisect
import functools
import re

from attrs import frozen

from koreabrief.extraction.groups import SpeakingGroup, find_groups, group_of
from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.mentions import PRONOUN_GENDER, NameMention
from koreabrief.extraction.names import matches_after_break
from koreabrief.extraction.quotes import QuotePiece
from koreabrief.models import Span
from koreabrief.patterns import trie_regex

__all__ = ["Attribution", "Context", "attribute", "channel", "previous_subject"]

# Compiled once here rather than inline in the functions that use them.
_PUNCT = re.compile(r"[.,;:!?]")
_QUOTE_OR_STOP = re.compile(r"[“”\"«»;:!?]")
_NON_WORD = re.compile(r"[^\w\s’'-]")

# Windows: how far around a quotation attribution is sought (characters).
_POST_WINDOW = 160
_PRE_WINDOW = 400
_NP_WORDS = 9
_APPOSITIVE = 160
_NOT_NP_START = frozenset(
    [
        "against",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "into",
        "about",
        "over",
        "under",
        "after",
        "before",
        "during",
        "than",
        "as",
        "and",
        "or",
        "but",
        "that",
        "which",
        "while",
        "when",
        "where",
        "because",
        "if",
        "so",
        "then",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "did",
        "does",
        "do",
        "been",
        "being",
        "not",
        "also",
    ]
)
_SPEAKER_KINDS = frozenset(
    {"person", "organisation", "state", "collective", "anonymous", "pronoun", "relative"}
)
_WORD = re.compile(r"[\w’'-]+")
_ADJUNCT_START = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "to",
        "from",
        "with",
        "by",
        "via",
        "while",
        "when",
        "late",
        "according",
    ]
)
_DETERMINERS = frozenset(["a", "an", "one", "the", "another", "two", "three", "several", "some", "many"])
_BY_AGENT = re.compile(r",?[ ]+by[ ]+")
# "of the ruling", "of the main opposition": up to two lower-case modifiers of the body.
_OF_BODY = re.compile(r"[ ]+(?:of|from|at)[ ]+(?:the[ ]+)?(?:[a-z][a-z-]*[ ]+){0,2}")
# "Chung Jin-suk, leader of Seoul's ruling party": a role of the body after it.
_ROLE_OF = re.compile(r",[ ]+(?:the[ ]+)?(?:[a-z-]+[ ]+){1,3}(?:of|for|at)[ ]+(?:the[ ]+)?")
# What may follow an unnamed title before the appositive that names its holder.
_UNNAMED_TAIL = re.compile(r"(?:[ ]+(?:of|for|at|in)[ ]+[^,;:“”\"«»()]{1,80})?,[ ]*")
_PASSIVE = re.compile(r"(?<![\w’'-])(?:was|were|is|are|been|being)[ ]+(?:[a-z]+ly[ ]+)?\Z")
# Object pronouns that may name a source ("according to him"): kinds and gender.
_OBJECT_PRONOUNS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "him": (("person",), "m"),
    "her": (("person",), "f"),
    "them": (("organisation", "collective"), None),
}
# Plain verbs of speech: a person's report of what others agreed or claimed.
_SPEECH = frozenset(["said", "says", "told", "tells", "stated"])
# Cues of an order or an agreement: its subject yields to an attribution closing the
# sentence ("A and B agreed that amid “...” ties were good, the agency said": the agency's
# account of what they agreed, not their words).
_DIRECTIVES = frozenset(["ordered", "ordering", "instructed", "instructing", "agreed", "agreeing"])
# An unnamed speaker's relative clause giving the one name they would give: "a manager,
# who gave only his surname, Choi,", "who identified herself only as Mi-ran".
_GAVE_NAME = re.compile(
    r",\s+who\s+(?:would\s+|did\s+|asked\s+to\s+)?(?:only\s+)?"
    r"(?:gave|give|be\s+identified|identified\s+(?:himself|herself))\s+(?:only\s+)?(?:by\s+|as\s+)?"
    r"(?:(?:his|her|their|a)\s+(?:family\s+|first\s+|last\s+|given\s+)?(?:name|surname)(?:\s+as)?,?\s+)?"
    r"(?P<name>[A-Z][\w’'-]{0,30}(?:[ ][A-Z][\w’'-]{0,30})?)(?![\w’'-])"
)
# Cues whose object, not subject, is the source of the words.
_SOURCE_CUES = frozenset(["according to", "citing", "quoting", "in the words of"])
_TRAILING_WORD = re.compile(r"([\w’'-]+)\W*\Z")


@frozen
class Attribution:
    """Who a quotation is attributed to, and by which word.

    Attributes:
        mention: The speaker mention, or None when no speaker is named.
        cue: The cue as written ("said", "slogan"), or None.
        end: Offset one past the attribution (for the statement's sentence span).
        np_text: The speaker phrase as written when no mention covers it ("the statement").
        start: Offset where the attribution phrase starts (after the quotation).
    """

    mention: NameMention | None
    cue: str | None
    end: int
    np_text: str | None = None
    start: int = 0


# The look-behind the cue pattern opens with (`Lexicon.pattern("cue")`): its scans
# try the pattern only after a break character (`matches_after_break`).
_CUE_GLUE = r"(?<![\w-])"


class Context:
    """Everything attribution needs about one text, indexed once."""

    def __init__(
        self,
        text: str,
        pieces: list[QuotePiece],
        mentions: list[NameMention],
        sentences: list[Span],
        lex: Lexicon,
    ) -> None:
        self.text = text
        self.lex = lex
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.quote_opens = [p.open_at for p in pieces]
        self.quote_ends = [p.close_at if p.close_at is not None else p.end for p in pieces]
        # Names inside quotations are the speaker's words, never the attribution.
        self.mentions = self._outside_quotes(mentions)
        self.mention_starts = [m.start for m in self.mentions]
        self._lowered: str | None = None
        self._groups: list[SpeakingGroup] | None = None

    def group_of(self, mention: NameMention | None) -> NameMention | None:
        """The counted group `mention` is listed in as a member ("ten nations, including
        Japan, said"), else `mention` itself: the group speaks for its members.

        Examples:
            >>> text = "Six nations, including Chad, said so."
            >>> chad = NameMention(23, 27, "Chad", "Chad", "state")
            >>> Context(text, [], [chad], [], Lexicon.default()).group_of(chad).name
            'Six nations'
        """
        if mention is None:
            return None
        if self._groups is None:
            # Found once per text, and only when some rule asks (most texts have none).
            self._groups = find_groups(self.text, self.mentions, self.lex)
        if not self._groups:
            return mention
        return group_of(self._groups, mention) or mention

    def lowered(self) -> str | None:
        """The text lower-cased (once), or None when it holds a letter that `re.IGNORECASE`
        folds to an ASCII one but `str.lower` does not ("ſ", "ı", "İ"; "İ" also lower-cases
        to two characters): tests on it then answer as the case-folding patterns do.

        Examples:
            >>> Context("The REPORT", [], [], [], Lexicon.default()).lowered()
            'the report'
        """
        if self._lowered is None:
            text = self.text
            folds = "ſ" in text or "ı" in text or "İ" in text
            self._lowered = "" if folds else text.lower()
        return self._lowered or None

    def _outside_quotes(self, mentions: list[NameMention]) -> list[NameMention]:
        """The speaker-like `mentions` for which `quoted(m.start)` is False.

        Mentions come in text order (as `find_mentions` gives them), so one walk
        along the quotations replaces a bisect per mention; out of order, the bisect.
        """
        opens, ends = self.quote_opens, self.quote_ends
        out: list[NameMention] = []
        i, n, last = -1, len(opens), -1
        for m in mentions:
            if m.kind not in _SPEAKER_KINDS:
                continue
            pos = m.start
            if pos < last:
                return [m for m in mentions if m.kind in _SPEAKER_KINDS and not self.quoted(m.start)]
            last = pos
            while i + 1 < n and opens[i + 1] <= pos:
                i += 1  # the last quotation opening at or before `pos`, as `quoted` finds it
            if i < 0 or pos > ends[i]:
                out.append(m)
        return out

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding `pos` (or the last one starting before it)."""
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def mention_at(self, pos: int) -> NameMention | None:
        """The mention starting exactly at `pos`."""
        i = bisect.bisect_left(self.mention_starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return self.mentions[i]
        return None

    def mentions_in(self, start: int, end: int) -> list[NameMention]:
        """Mentions lying inside [start, end)."""
        i = bisect.bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def quoted(self, pos: int) -> bool:
        """True when `pos` lies inside a quotation (its marks included)."""
        i = bisect.bisect_right(self.quote_opens, pos) - 1
        return i >= 0 and pos <= self.quote_ends[i]

    def cues(self, start: int, end: int) -> list[re.Match[str]]:
        """Cue words in [start, end), outside quotations."""
        found = [
            m
            for m in matches_after_break(self.lex.pattern("cue"), _CUE_GLUE, self.text, start, end)
            if not self.quoted(m.start()) and not _after_modal(self.text, m.start())
        ]
        if len(found) > 1:
            # "Local reports described it as ...": a plural noun before the verb, no cue.
            found = [
                m
                for m, nxt in zip(found, [*found[1:], None], strict=True)
                if nxt is None or m.group(0).lower() not in _NOUN_LIKE or nxt.start() != m.end() + 1
            ]
        return found


# Cue forms that are mostly plural nouns in news copy ("reports", "notes", "claims"):
# a verb unless the verb of the clause follows them at once.
_NOUN_LIKE = frozenset(["reports", "notes", "claims"])


# "would respond", "to say", "be stated": a verb in a reported clause, not a report; "its
# continued tests", "the North's alleged test": an adjective after a determiner (one search).
_NOT_A_REPORT = re.compile(
    r"(?:(?<![\w’'-])(?:would|will|could|should|can|may|might|must|to|not|be"
    r"|(?i:its|his|her|their|our|the|a|an))|\w[’']s)\s+\Z"
)


def _after_modal(text: str, pos: int) -> bool:
    """True for "would respond", "to say": a verb in a reported clause, not a report;
    and for "its continued tests": an adjective, not a verb."""
    return _NOT_A_REPORT.search(text, max(0, pos - 8), pos) is not None


def attribute(ctx: Context, piece: QuotePiece, para_end: int) -> Attribution | None:
    """The attribution of one quotation piece, or None when its sentence names none.

    Args:
        ctx: The indexed text.
        piece: The quotation.
        para_end: End of the quotation's paragraph; nothing is sought beyond it.
    """
    found = _attribute(ctx, piece, para_end)
    if (
        found is not None
        and found.mention is not None
        and ctx.text[found.mention.end : found.mention.end + 1] == ","
    ):
        # "A guard at the port, who gave only his first name, Tae-su, said": the name he gave.
        given = _GAVE_NAME.match(ctx.text, found.mention.end, min(len(ctx.text), found.mention.end + 120))
        if given is not None:
            # The name as given, never a famous holder of the same surname.
            name = given.group("name")
            words = given.group(0).lower().split()
            male, female = {"his", "himself"} & set(words), {"her", "herself"} & set(words)
            gender = "m" if male else "f" if female else None
            owner = found.mention
            at, end = given.start("name"), given.end("name")
            person = NameMention(at, end, name, name, "person", None, owner.name, gender, owner.subject)
            found = Attribution(person, found.cue, found.end, found.np_text, start=found.start)
    if found is not None and found.mention is not None and found.mention.kind == "pronoun":
        found = _last_speaker(ctx, found)
    unnamed = found.mention if found is not None and found.mention is not None else None
    if found is not None and unnamed is not None and unnamed.name is None and unnamed.role == "Spokesperson":
        # "“...,” the spokesman said": the body whose spokesman the text named before.
        body = _spokes_body(ctx, unnamed)
        if body is not None and unnamed.text.lower().startswith("the "):
            standing = NameMention(
                unnamed.start,
                unnamed.end,
                unnamed.text,
                body.name,
                "anonymous",
                "Spokesperson",
                body.affiliation,
                unnamed.gender,
                unnamed.subject,
            )
            found = Attribution(standing, found.cue, found.end, found.np_text, start=found.start)
    if found is not None and found.mention is not None and found.mention.name and found.cue is None:
        return found
    # "The statement said ...", "a UN report that found “...”", "said the report": a
    # document speaks for its issuer, when its verb is the one nearest the quotation.
    document = _document(ctx, piece, found)
    return document if document is not None else found


def _last_speaker(ctx: Context, found: Attribution) -> Attribution:
    """ "Putin accepted the invitation, Peskov said. “...,” he said.": a "he" or "she"
    that reports stands for the person who reported in the sentence before (the last
    speaker), when that one is of the pronoun's gender, rather than for its subject."""
    pronoun = found.mention
    gender = PRONOUN_GENDER.get(pronoun.text.lower()) if pronoun is not None else None
    if pronoun is None or gender is None or found.cue is None or ctx.lex.cue_kind(found.cue) != "report":
        return found
    index = ctx.sentence_at(pronoun.start)
    if index == 0 or not ctx.sentences:
        return found
    previous = ctx.sentences[index - 1]
    lo = max(previous.start, previous.end - _PRE_WINDOW)
    others = ctx.mentions_in(lo, previous.end)
    if not any(m.kind == "person" and m.gender == gender and m.name != pronoun.name for m in others):
        return found  # the usual case: nobody else the pronoun could stand for
    # Finite reporting verbs only: a participle ("..., describing Kim as") has no subject
    # of its own before it, and an inverted one's name is no speaker after it.
    cues = [
        c
        for c in ctx.cues(lo, previous.end)
        if ctx.lex.cue_kind(c.group(0)) == "report" and " " not in c.group(0) and c.group(0)[-3:] != "ing"
    ]
    if not cues:
        return found
    cue = cues[-1]
    if ctx.text[lo : cue.start()].rstrip().endswith(","):
        speaker = _mention_at(ctx, _skip(ctx.text, cue.end(), previous.end, " "))  # "..., said Peskov."
    else:
        speaker = _subject_before(ctx, lo, cue.start())
    if (
        speaker is None
        or speaker.kind != "person"
        or not speaker.name
        or speaker.name == pronoun.name
        or speaker.gender != gender
    ):
        return found
    standing = NameMention(
        pronoun.start,
        pronoun.end,
        pronoun.text,
        speaker.name,
        "pronoun",
        speaker.role,
        speaker.affiliation,
        gender,
        pronoun.subject,
    )
    return Attribution(standing, found.cue, found.end, found.np_text, start=found.start)


def _attribute(ctx: Context, piece: QuotePiece, para_end: int) -> Attribution | None:
    found = _label(ctx, piece)
    if found is not None and found.cue is not None and " " in found.cue:
        # "... known as the “angel of death”, according to the Treasury": the name as the
        # source that closes the sentence reports it.
        closing = _closing_attribution(ctx, piece, para_end)
        return closing if closing is not None else found
    if found is not None:
        return found
    post = None
    if piece.close_at is not None:
        post = _after(ctx, piece.close_at + 1, para_end)
        if post is not None and ctx.sentence_at(post.start) == ctx.sentence_at(piece.close_at):
            # Kim called the drills “a rehearsal for invasion,” KCNA said: the words are
            # Kim's, the trailing attribution is the source of the whole sentence.
            pre = _before(ctx, piece)
            named = pre is not None and pre.mention is not None and bool(pre.mention.name)
            # "Kim ordered the test because of “...”, KCNA said": an order's words
            # are the agency's account of its reasons, not the one who ordered.
            if pre is not None and named and pre.cue and pre.cue.lower() not in _DIRECTIVES:
                return pre
            if post.mention is None or not post.mention.name:
                # "The JCS “strongly condemned” the launch and urged ...": the subject
                # before the quoted verb, not the unnamed phrase after it.
                return _predicate_quote(ctx, piece) or post
            return post
    found = _before(ctx, piece)
    naming = found is not None and found.cue is not None and ctx.lex.cue_kind(found.cue) == "naming"
    if found is not None and not naming and found.mention is None and found.cue is not None:
        # "was described as “reckless” by the ministry": a passive cue's agent follows too.
        cue_start = found.end - len(found.cue)
        naming = _PASSIVE.search(ctx.text, max(0, cue_start - 24), cue_start) is not None
    passive = (
        found is not None
        and found.mention is not None
        and found.cue is not None
        and found.end - len(found.cue) > found.mention.end
        and _PASSIVE.search(ctx.text, max(0, found.end - len(found.cue) - 24), found.end - len(found.cue))
        is not None
    )
    if (
        found is not None
        and (naming or passive)
        and (found.mention is None or passive)
        and not found.np_text
        and piece.close_at is not None
    ):
        # "dubbed “Rocket Man” by Trump": the namer is the agent after the name.
        by = _BY_AGENT.match(ctx.text, piece.close_at + 1, para_end)
        agent = _mention_at(ctx, by.end()) if by is not None else None
        if agent is not None and agent.name:
            return Attribution(agent, found.cue, agent.end, start=found.start)
        if passive and naming and found is not None:
            # "Kim was called “a madman” in the report": the one named, no namer given.
            return Attribution(None, found.cue, found.end, start=found.start)
    if found is not None and found.cue is not None and found.cue.lower() in _DIRECTIVES:
        # "the leader ordered a launch over “...” and “...,” the agency said": as
        # above, when the sentence's attribution closes a later quotation.
        closing = _closing_attribution(ctx, piece, para_end)
        named = closing is not None and closing.mention is not None and bool(closing.mention.name)
        return closing if closing is not None and named else found
    if found is not None:
        return found
    closing = _closing_attribution(ctx, piece, para_end)
    if closing is not None:
        return closing
    # “Why now?” Holloway asked. — an attribution alone in the next sentence.
    if post is not None and _short_tail(ctx, post.end):
        return post
    if piece.close_at is not None:
        found = _reply(ctx, piece.close_at + 1, para_end)
        if found is not None:
            return found
    return _predicate_quote(ctx, piece) or _judge(ctx, piece, para_end)


# How far before a partial quotation the passive judgement of its clause may stand.
_JUDGED_REACH = 160
# "by the court", "by the country's Supreme Court": the agent of a passive after the quotation.
_BY_JUDGE = re.compile(r",?[ ]+by[ ]+(?:the[ ]+)?(?:[a-z]+['’]s[ ]+)?")
_JUDGE_KINDS = frozenset(["person", "organisation", "state", "collective"])


def _judge(ctx: Context, piece: QuotePiece, para_end: int) -> Attribution | None:
    """The agent of a passive judgement whose charge or reason a partial quotation gives:
    "was convicted of “espionage” by the court", "were blacklisted by the Treasury for “...”"."""
    text = ctx.text
    sentence = ctx.sentences[ctx.sentence_at(piece.open_at)] if ctx.sentences else Span(0, len(text))
    lo = max(sentence.start, piece.open_at - _JUDGED_REACH)
    if " by " not in text[lo : min(para_end, sentence.end, piece.end + _JUDGED_REACH)]:
        return None  # the usual case: no agent, no search
    # The last judgement before the quotation governs it.
    judged = None
    for found in ctx.lex.pattern("judged").finditer(text, lo, piece.open_at):
        judged = found
    if judged is None or _QUOTE_OR_STOP.search(text, judged.end(), piece.open_at):
        return None
    by = text.rfind(" by ", judged.end(), piece.open_at)
    agent = None
    if by >= 0:
        agent = _mention_at(ctx, by + 4)
        if agent is not None and (agent.end > piece.open_at or piece.open_at - agent.end > 40):
            agent = None
    elif piece.close_at is not None:
        after = _BY_JUDGE.match(text, piece.close_at + 1, min(para_end, sentence.end))
        agent = ctx.mention_at(after.end()) if after is not None else None
    if agent is None or not agent.name or agent.kind not in _JUDGE_KINDS:
        return None
    return Attribution(agent, judged.group("verb"), max(agent.end, piece.open_at), start=judged.start())


# Who may say a predicate in their own words: "The council “warmly hailed” the troops".
_PREDICATE_KINDS = frozenset(["person", "organisation", "state", "collective"])


def _predicate_quote(ctx: Context, piece: QuotePiece) -> Attribution | None:
    """The subject right before a partial quotation that holds the clause's verb:
    The council “warmly hailed” the returning troops (no cue word)."""
    lower = ctx.text[piece.start : piece.start + 1].islower()
    if not lower or ctx.text[piece.open_at - 1 : piece.open_at] != " ":
        return None
    i = bisect.bisect_left(ctx.mention_starts, piece.open_at) - 1
    mention = ctx.mentions[i] if i >= 0 else None
    if mention is None or mention.end != piece.open_at - 1 or not mention.name or not mention.subject:
        return None
    if mention.kind not in _PREDICATE_KINDS or _attributive(ctx, mention, piece.open_at):
        return None
    # The subject of the sentence, not a name closing a phrase ("the units of the DPRK “for ...”").
    sentence = ctx.sentences[ctx.sentence_at(piece.open_at)] if ctx.sentences else Span(0, piece.open_at)
    if piece.open_at - sentence.start > _PRE_WINDOW:
        return None  # bounded, so that an endless sentence of quotations stays linear
    if _clause_subject(ctx, sentence.start, piece.open_at) is not mention:
        return None
    # ... and opening its clause: "The resolution demands that North Korea “abandon ...”"
    # quotes the resolution, not North Korea.
    lead = _WORD.findall(ctx.text[_main_clause_start(ctx, sentence.start, mention.start) : mention.start])
    if any(w.lower() not in _DETERMINERS for w in lead):
        return None
    return Attribution(mention, None, piece.open_at, start=mention.start)


# Words that may stand between a document noun and its verb ("the report also found",
# "a UN report that found").
_DOCUMENT_GAP = frozenset(["also", "that", "which", "has", "had", "have", "further", "itself", "then"])
# Verbs by which a body issues a document ("X issued a statement"): X is its issuer.
_ISSUES = re.compile(
    r"(?<![\w-])(?:issued|issues|released|releases|published|adopted|adopts|passed|approved|put[ ]+out|sent"
    # Handing a finished text to another body: "the panel submitted its report to the council".
    r"|submitted|submits|delivered|delivers|presented|presents|handed|hands|filed|files)"
    r"(?:[ ]+(?:a|an|the|its|their|his|her))?(?:[ ]+[\w-]+){0,2}?[ ]+\Z"
)
# Between a body and its document: "the FBI statement", "Seoul's latest statement".
_OWNS_DOCUMENT = re.compile(r"(?:['’]s)?(?:[ ]+[a-z][\w-]*){0,2}[ ]+\Z")
# "a statement from the Council", "a report by the panel": the issuer after the noun.
_DOCUMENT_FROM = re.compile(r"[ ]+(?:[a-z]+ed[ ]+)?(?:from|by|of)[ ]+")
# How far back the issuer of "the statement" is sought (characters, and sentences).
_DOCUMENT_REACH = 600
_DOCUMENT_SENTENCES = 4


@functools.cache
def _document_twin(nouns: frozenset[str]) -> re.Pattern[str]:
    """A case-sensitive pattern for lower-cased text that finds a document noun wherever
    the lexicon's `document` pattern can: it has no look-behind, so the regex engine skips
    to the nouns' first letters instead of trying every position. Nouns that hold a shorter
    one ("statements" holds "statement") are left out.

    Examples:
        >>> _document_twin(frozenset(["statement", "statements"])).search("the statements").span()
        (4, 13)
    """
    keys = sorted(n for n in nouns if not any(m != n and m in n for m in nouns))
    return re.compile(trie_regex(keys))


def _may_hold_document(ctx: Context, lo: int, hi: int) -> bool:
    """False only when `text[lo:hi]` holds no document noun, so the pattern need not scan it."""
    lowered = ctx.lowered()
    if lowered is None:
        return True
    return _document_twin(ctx.lex.document_nouns).search(lowered, lo, hi) is not None


def _document(ctx: Context, piece: QuotePiece, found: Attribution | None) -> Attribution | None:
    """The issuer of the document that speaks a quotation, with the document's verb as cue.

    Only when the document's verb is the nearest attribution before the quotation ("Wong
    noted the report also found “...”" is the report's), or when the attribution found
    names nobody ("“...,” said the report").
    """
    text = ctx.text
    document_re = ctx.lex.pattern("document")
    named = found is not None and found.mention is not None and bool(found.mention.name)
    # Only a document verb after the attribution found can win over it: most often there
    # is none, and the sentence need not be sought.
    before_quote = named and found is not None and found.start < piece.open_at
    if before_quote and found is not None:
        if not _may_hold_document(ctx, found.end, piece.open_at):
            return _document_it(ctx, found)
        if document_re.search(text, found.end, piece.open_at) is None:
            return _document_it(ctx, found)
    sentence = ctx.sentences[ctx.sentence_at(piece.open_at)] if ctx.sentences else Span(0, len(text))
    lo = max(sentence.start, piece.open_at - _PRE_WINDOW)
    if not named and found is not None and found.np_text and found.start >= piece.open_at:
        # "“...,” said the report": the phrase after the inverted cue.
        noun = document_re.search(text, found.start, min(len(text), found.start + 80))
        if noun is None or noun.group(0).lower() not in ctx.lex.document_nouns:
            return None
        issuer = _issuer(ctx, noun.start(), noun.end(), noun.start())
        return Attribution(issuer, found.cue, found.end, start=found.start) if issuer is not None else None
    if named and found is not None:
        # Only a document verb after the attribution found can win over it.
        lo = max(lo, found.end)
    if not _may_hold_document(ctx, lo, piece.open_at) or document_re.search(text, lo, piece.open_at) is None:
        return None  # the usual case: no document before the quotation
    last = None
    for noun in document_re.finditer(text, lo, piece.open_at):
        if not ctx.quoted(noun.start()):
            last = noun
    if last is None:
        return None  # the usual case: no document before the quotation
    verb = _document_verb(ctx, last.end(), piece.open_at)
    if verb is None and found is None:
        return _in_document(ctx, piece, last, sentence)
    if verb is None or (named and found is not None and verb[0] < found.end):
        return None
    phrase_start = _phrase_start(ctx, last.start(), sentence.start)
    issuer = _issuer(ctx, phrase_start, last.start(), last.start())
    if issuer is None:
        return None
    return Attribution(issuer, text[verb[0] : verb[1]], verb[1], start=phrase_start)


# "In the declaration, “...”": a document named by a prepositional opener, then the quotation.
_IN_OPENER = re.compile(r"\s*(?:In|in|Under|under)[ ]+\Z")
# "A and B signed a joint declaration": a verb that makes a document, then its determiner.
_MAKES_DOCUMENT = re.compile(
    r"(?<![\w-])(?:signed|issued|released|adopted|declared|published|unveiled|approved|agreed[ ]+on)"
    r"(?:[ ]+and[ ]+[a-z]+)?[ ]+(?:a|an|the|their|its|his|her)[ ]+"
)
# How many sentences back the maker of "the document" is sought.
_MAKER_SENTENCES = 2


def _in_document(ctx: Context, piece: QuotePiece, noun: re.Match[str], sentence: Span) -> Attribution | None:
    """ "In the three-page document, “...”": the quotation is the document's, and its
    maker speaks: one named in the phrase, else the subject of a sentence just before
    that signed, issued or adopted one ("A and B signed a joint declaration")."""
    text = ctx.text
    if text[noun.end() : piece.open_at].strip() != ",":
        return None
    phrase_start = _phrase_start(ctx, noun.start(), sentence.start)
    if not _IN_OPENER.fullmatch(text, sentence.start, phrase_start):
        return None
    issuer = _issuer(ctx, phrase_start, noun.start(), noun.start())
    index = ctx.sentence_at(piece.open_at)
    for back in range(1, _MAKER_SENTENCES + 1):
        if issuer is not None or index - back < 0:
            break
        before = ctx.sentences[index - back]
        made = _MAKES_DOCUMENT.search(text, before.start, min(before.end, before.start + _PRE_WINDOW))
        if made is not None:
            issuer = _subject_before(ctx, before.start, made.start())
    if issuer is None or not issuer.name or issuer.kind not in _JUDGE_KINDS:
        return None
    return Attribution(issuer, None, piece.open_at, start=phrase_start)


def _document_it(ctx: Context, found: Attribution) -> Attribution | None:
    """ "The report says ... . It says “...”": a subject "it" of a document verb, right after
    a sentence whose subject is a document, goes on with that document (its issuer speaks),
    never with the state or body the pronoun would otherwise take."""
    it = found.mention
    if it is None or it.text.lower() != "it" or found.cue is None or not ctx.sentences:
        return None
    if found.cue.lower() not in ctx.lex.document_verbs:
        return None
    index = ctx.sentence_at(it.start)
    if index == 0:
        return None
    previous = ctx.sentences[index - 1]
    # The document heads the sentence before: only its determiner phrase precedes the noun.
    head_end = min(previous.end, previous.start + 60)
    noun = ctx.lex.pattern("document").search(ctx.text, previous.start, head_end)
    if noun is None or ctx.quoted(noun.start()) or noun.group(0).lower() not in ctx.lex.document_nouns:
        return None
    first = _WORD.search(ctx.text, previous.start, noun.start())
    if first is None or _phrase_start(ctx, noun.start(), previous.start) != first.start():
        return None
    if _document_verb(ctx, noun.end(), previous.end) is None:
        return None
    issuer = _issuer(ctx, first.start(), noun.start(), noun.start())
    if issuer is None:
        # "The ruling passed by the council ...": the issuer after the noun.
        issuer = _issuer_at(ctx, noun.start(), noun.end())
    return Attribution(issuer, found.cue, found.end, start=found.start)


# After a document noun, who made it and who carried it: "the ruling passed by the
# council, as relayed by Yonhap," (bounded words, no comma inside the names).
_MADE_BY = re.compile(r"[ ]+[a-z]+ed[ ]+by[ ]+(?:the[ ]+)?[\w’'-]+(?:[ ]+[\w’'-]+){0,5}?(?=,|[ ]+[a-z]+\b)")
# The numbers of resolutions or treaties after their noun: "2397", "1718 and 1874", "No. 2270".
_NUMBERED = re.compile(r"[ ]+(?:No\.[ ]*)?\d{2,5}(?:(?:,[ ]*|[ ]+and[ ]+)\d{2,5}){0,6}")
# An appositive participle after a document, set off by commas: ", adopted in 2017,".
_MADE_WHEN = re.compile(r",[ ]+[a-z]+ed[ ]+[^,;:“”\"«»()]{1,80},")
_CARRIED_BY = re.compile(
    r",[ ]+as[ ]+(?:reported|carried|relayed|quoted|published)[ ]+by[ ]+[^,;“”\"]{1,80},"
)


def _document_verb(ctx: Context, pos: int, end: int) -> tuple[int, int] | None:
    """The span of a document verb right after a document noun ending at `pos` (across
    "also", "that", "adopted by X", ", as reported by Y," ...), or None."""
    numbered = _NUMBERED.match(ctx.text, pos, end)
    if numbered is not None:
        pos = numbered.end()  # "Resolution 2397", "resolutions 1718 and 1874"
    made = _MADE_BY.match(ctx.text, pos, end) or _MADE_WHEN.match(ctx.text, pos, end)
    if made is not None:
        pos = made.end()
    carried = _CARRIED_BY.match(ctx.text, pos, end)
    if carried is not None:
        pos = carried.end()
    for gap, word in enumerate(_WORD.finditer(ctx.text, pos, end)):
        lowered = word.group(0).lower()
        if lowered in ctx.lex.document_verbs:
            return word.start(), word.end()
        if lowered not in _DOCUMENT_GAP or gap == 2:
            return None
    return None


def _phrase_start(ctx: Context, noun_start: int, floor: int) -> int:
    """Where the noun phrase ending in a document noun starts (its determiner, up to
    four words back): "a UN report", "The family's statement", "the FBI's latest note"."""
    words = list(_WORD.finditer(ctx.text, max(floor, noun_start - 60), noun_start))[-4:]
    for word in reversed(words):
        if word.group(0).lower() in _DETERMINERS or word.group(0).lower() in ("this", "that", "its", "their"):
            return word.start()
    return words[0].start() if words else noun_start


@functools.lru_cache(maxsize=64)
def _word_pattern(word: str) -> re.Pattern[str]:
    """`word` as a whole word, any case; compiled once per word (few document nouns recur)."""
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)


def _issuer(ctx: Context, phrase_start: int, noun_start: int, pos: int) -> NameMention | None:
    """The body or person that issued the document named at [phrase_start, noun_start):
    one named in the phrase ("a UN report"), else the issuer of the last such document
    the text names before `pos`, within a few sentences ("X issued a joint statement")."""
    text = ctx.text
    inside = [
        m
        for m in ctx.mentions_in(phrase_start, noun_start)
        if m.name
        and m.kind not in ("anonymous", "title", "pronoun", "relative")
        # "Regional reports": a capitalised word is an issuer only when attested.
        and (m.kind != "person" or m.role is not None or m.gender is not None)
    ]
    if inside:
        owner = inside[-1]
        # "the FBI statement", "Seoul's latest report"; not "Kim's family's statement".
        return owner if _OWNS_DOCUMENT.fullmatch(text, owner.end, noun_start) else None
    noun = text[noun_start : noun_start + 30].split(None, 1)[0].lower().strip(".,;:")
    floor_sentence = max(0, ctx.sentence_at(pos) - _DOCUMENT_SENTENCES)
    floor = max(ctx.sentences[floor_sentence].start if ctx.sentences else 0, pos - _DOCUMENT_REACH)
    earlier = _word_pattern(noun)
    occurrences = [m for m in earlier.finditer(text, floor, phrase_start) if not ctx.quoted(m.start())]
    for occ in reversed(occurrences[-3:]):
        found = _issuer_at(ctx, occ.start(), occ.end())
        if found is not None:
            return found
    if noun == "resolution":
        # "The resolution demands ...": the council or assembly that adopts resolutions.
        i = bisect.bisect_left(ctx.mention_starts, pos) - 1
        for m in ctx.mentions[max(0, i - 40) : i + 1][::-1]:
            if m.name and m.kind == "organisation" and m.name.endswith(("Council", "Assembly")):
                return m
    return None


def _issuer_at(ctx: Context, start: int, end: int) -> NameMention | None:
    """The issuer of the document named at [start, end): "a UN report", "X issued a
    statement", "a statement from X"."""
    text = ctx.text
    sentence = ctx.sentences[ctx.sentence_at(start)] if ctx.sentences else Span(0, len(text))
    before = [m for m in ctx.mentions_in(max(sentence.start, start - 60), start) if m.name]
    owner = before[-1] if before and before[-1].kind not in ("anonymous", "title") else None
    if owner is not None and _OWNS_DOCUMENT.fullmatch(text, owner.end, start):
        return owner
    issued = _ISSUES.search(text, max(sentence.start, start - 60), start)
    if issued is not None:
        subject = _subject_before(ctx, max(sentence.start, issued.start() - _PRE_WINDOW), issued.start())
        possessor = subject is not None and text.startswith(("'s", "’s"), subject.end)
        if subject is not None and subject.name and not possessor:
            return subject
    after = _DOCUMENT_FROM.match(text, end, sentence.end)
    if after is not None:
        agent = _mention_at(ctx, after.end())
        if agent is not None and agent.name and agent.kind not in ("anonymous", "title"):
            return agent
    return None


_CLOSING_MARKS = frozenset("”\"’»'")
# How far after a partial quotation the attribution closing its sentence may stand.
_CLOSING_REACH = 300


def _closing_attribution(ctx: Context, piece: QuotePiece, para_end: int) -> Attribution | None:
    """The attribution closing a partial quotation's sentence after the writer's words:
    Pyongyang “will never give up” its weapons, Choe said (according to KCNA)."""
    if piece.close_at is None or not ctx.sentences:
        return None
    # Bounded, so that a hostile sentence of many quotations and commas stays linear.
    end = min(para_end, ctx.sentences[ctx.sentence_at(piece.close_at)].end, piece.close_at + _CLOSING_REACH)
    comma = ctx.text.find(",", piece.close_at + 1, end)
    # The first clause that attributes wins: "..., Choe said, according to KCNA" is Choe's.
    while comma >= 0:
        # A comma inside a later quotation, right before its closing mark, closes the
        # clause as well: "... and the “danger of war,” KCNA said".
        at = comma + 1
        if ctx.text[at : at + 1] in _CLOSING_MARKS and not ctx.quoted(at + 1):
            # Also a stray closing mark the copy never opened: "... the North,” KCNA said".
            at += 1
        if at > comma + 1 or not ctx.quoted(comma):
            post = _after(ctx, at, end)
            named = post is not None and post.mention is not None and bool(post.mention.name)
            if post is not None and named and _short_tail(ctx, post.end):
                return post
        comma = ctx.text.find(",", comma + 1, end)
    return None


def _short_tail(ctx: Context, pos: int) -> bool:
    """True when the sentence ends soon after `pos` without a reported clause ("that ...")."""
    sentence = ctx.sentences[ctx.sentence_at(pos)] if ctx.sentences else Span(pos, pos)
    aside = _ASIDE.match(ctx.text, pos, sentence.end)
    if aside is not None:
        pos = aside.end()  # "according to the Korean Central News Agency (KCNA)."
    words = _WORD.findall(ctx.text[pos : min(sentence.end, pos + 200)].lower())
    # "Obama said bluntly this morning during ...": adverbs and time words first.
    lead = 0
    while lead < min(len(words), 4) and words[lead] not in _ADJUNCT_START:
        if words[lead] not in ctx.lex.adverbs and not words[lead].endswith("ly"):
            break
        lead += 1
    words = words[lead:]
    # "Holloway asked." / "Kim said in a statement." — not "Japan said none reached ...".
    return not words or (len(words) <= 8 and words[0] in _ADJUNCT_START and "that" not in words)


def _label(ctx: Context, piece: QuotePiece) -> Attribution | None:
    text = ctx.text
    before = text[max(0, piece.open_at - 40) : piece.open_at]
    m = _trailing_word(before)
    if m is None or before[m.end(1) :].strip(" ") not in ("", ":", ","):
        return None
    word = m.group(1)
    if word.lower() in ctx.lex.label_nouns:
        return Attribution(None, word, piece.open_at)
    known = _KNOWN_AS.search(before)
    if known is not None and known.group(1).lower() in ctx.lex.label_nouns:
        # "an idea known as the “double freeze”": a name, nobody's words.
        return Attribution(None, known.group(1), piece.open_at)
    work = word.lower() in ctx.lex.work_nouns and ":" not in before[m.end(1) :]
    if work and _title_like(text[piece.start : piece.end]):
        # "his memoir, “The Room Where It Happened,”": a title, not his words.
        return Attribution(None, word, piece.open_at)
    return None


# Two words and an optional article right before a quotation: "known as the", "also known as".
_KNOWN_AS = re.compile(r"(?<![\w’'-])([a-z]+[ ]+as)(?:[ ]+(?:the|a|an))?[ ]*\Z", re.IGNORECASE)


def _trailing_word(before: str) -> re.Match[str] | None:
    """`_TRAILING_WORD.search(before)`, tried first from the last space before the last word.

    The pattern is tried at every position, each running to the end of its word;
    a match holding a word character starts after any space before that character,
    so a search from there finds the same one (failing that, the full search runs).
    """
    k = before.rfind(" ", 0, len(before.rstrip()))
    if k >= 0:
        m = _TRAILING_WORD.search(before, k + 1)
        if m is not None and m.group(1).strip("’'-"):
            return m
    return _TRAILING_WORD.search(before)


def _title_like(quote: str) -> bool:
    """True for a short quotation with every longer word capitalised ("Sea of Blood")."""
    words = quote.strip(" ,.").split()
    if not words or len(words) > 12 or not words[0][:1].isupper():
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    longer = all(w[:1].isupper() or not w[:1].isalpha() for w in words if len(w) > 4)
    return longer and 2 * capitals >= len(words)


def _skip(text: str, pos: int, end: int, chars: str) -> int:
    while pos < end and text[pos] in chars:
        pos += 1
    return pos


def _after(ctx: Context, pos: int, para_end: int) -> Attribution | None:
    """“Q,” X said / “Q,” said X / “Q,” according to X."""
    text = ctx.text
    start = _skip(text, pos, para_end, " ,\u2014\u2013-")
    if start >= para_end:
        return None
    window_end = min(para_end, start + _POST_WINDOW)
    cue = ctx.lex.pattern("cue").match(text, start, window_end)
    if cue is not None:
        # Inverted: "said Rubio", "said the ministry in a statement", "according to the agency".
        after = _skip(text, cue.end(), window_end, " ")
        mention = _mention_at(ctx, after)
        if mention is None and cue.group(0).lower() in _SOURCE_CUES:
            mention = _object_pronoun(ctx, after)  # "“...,” according to him."
        unnamed = mention is not None and (mention.name is None or mention.kind != "person")
        if mention is not None and unnamed and mention.role == "Spokesperson":
            # "said a spokesman for the General Staff": the body the spokesman speaks for
            # (also when an earlier body was guessed for "a spokesperson" alone).
            of_body = _OF_BODY.match(text, mention.end, window_end)
            body = _mention_at(ctx, of_body.end()) if of_body is not None else None
            if body is not None and body.name and body.kind != "person":
                mention = body
            elif mention.name is None:
                named = _determiner_phrase(ctx, after, window_end)[1]
                mention = named if named is not None and named.kind != "person" else mention
        if mention is not None and mention.name is None and mention.kind in ("title", "anonymous"):
            # "said the chairman of the JCS, Gen. Kim Myung-soo": the appositive names him.
            tail = _UNNAMED_TAIL.match(text, mention.end, window_end)
            named = _mention_at(ctx, tail.end()) if tail is not None else None
            if named is not None and named.name and named.kind == "person":
                mention = named
        if mention is not None and mention.kind in ("state", "organisation"):
            # "said Malaysia Deputy Inspector General of Police, Noor Rashid Ibrahim":
            # a state or body opening a title the appositive's person holds.
            title = _TITLE_WORDS.match(text, mention.end, window_end)
            named = _mention_at(ctx, title.end()) if title is not None else None
            if named is not None and named.name and named.kind == "person":
                mention = named
        if mention is not None and mention.role is None and mention.kind in ("person", "organisation"):
            # "said Finbit CEO Lena Marsh": a word opening the holder's title, then the holder.
            titled = ctx.mention_at(mention.end + 1)
            holder = titled is not None and titled.kind == "person" and bool(titled.name and titled.role)
            if titled is not None and holder and ctx.text[mention.end] == " " and titled.end <= window_end:
                mention = titled
        if mention is None or not mention.name or mention.kind in ("title", "anonymous"):
            # "said Under Secretary of the Treasury for Terrorism and Financial Intelligence
            # Brian Nelson": a long capitalised title, then the name it belongs to.
            # The last person the run of title words reaches ("... Intelligence Brian Nelson").
            for named in ctx.mentions_in(after, window_end)[:6]:
                if not _LONG_TITLE.fullmatch(text, after, named.start):
                    break
                if named.name and named.kind == "person" and (named.role or named.gender):
                    mention = named
        if mention is not None:
            # "said Kim Jong Un’s sister, Kim Yo Jong": the possessed one speaks.
            following = ctx.mentions_in(mention.start, min(window_end, mention.end + _APPOSITIVE))
            mention = _head(ctx, following[:3]) or mention
            return Attribution(mention, cue.group(0), mention.end, start=start)
        word = _WORD.match(text, after)
        if word is not None and word.group(0).lower() in _DETERMINERS:
            # "said one official who declined to be named": a speaker, unnamed;
            # "according to a statement from the ministry": the body it names.
            phrase, named = _determiner_phrase(ctx, after, window_end)
            if named is not None:
                return Attribution(named, cue.group(0), named.end, start=start)
            return Attribution(None, cue.group(0), cue.end(), phrase, start=start)
        return None
    first = _WORD.match(text, start)
    if first is None or (first.group(0).lower() in _NOT_NP_START and not _UNDER_TITLE.match(text, start)):
        return None
    for cue in matches_after_break(ctx.lex.pattern("cue"), _CUE_GLUE, text, start, window_end):
        if ctx.lex.cue_kind(cue.group(0)) == "naming":
            continue
        found = _np(ctx, start, cue.start())
        if found is None:
            return None
        mention, np_text = found
        quoted = _quoted_as_saying(ctx, cue.end(), window_end)
        if quoted is not None:
            return quoted
        return Attribution(mention, cue.group(0), cue.end(), np_text, start=start)
    return None


_AS_SAYING = re.compile(r"\s+as\s+(saying|telling|writing)\b")
# "Under Secretary of State ...", "Under-Secretary-General ...": a title whose first word
# is otherwise a preposition that opens no speaker.
_UNDER_TITLE = re.compile(r"Under[ -]Secretary")
# "quoted by Yonhap", "quoted by his senior press secretary Hong": up to five lower-case words.
_QUOTED_BY = re.compile(r"(?<=quoted)[ ]+by[ ]+(?:[a-z]+[ ]+){0,5}\Z")
# Verbs after which "X as saying" names the speaker X.
_CITING = ("quoted", "cited")


def _mention_at(ctx: Context, pos: int) -> NameMention | None:
    """The mention starting at `pos`, or right after a "the" there ("the ministry"),
    or after a hyphenated modifier ("state-run KCNA", "the state-run KCNA")."""
    mention = ctx.mention_at(pos)
    if mention is None and ctx.text.startswith(("the ", "The "), pos):
        pos += 4
        mention = ctx.mention_at(pos)
    if mention is None:
        modifier = _HYPHENATED.match(ctx.text, pos)
        if modifier is not None:
            mention = ctx.mention_at(modifier.end())
    return mention


# The verbs of `_ISSUED` (a cheap search before the full pattern).
_ISSUING = re.compile(r"issued|released|published|put out|sent")
# "<X> issued a statement" before a participle: X's statement says what follows.
_ISSUED = re.compile(
    r"[ ]+(?:has[ ]+|had[ ]+)?(?:issued|released|published|put[ ]+out|sent)[ ]+(?:a|an|its|the)[ ]+"
    r"(?:[a-z-]+[ ]+){0,2}(?:statement|communique|declaration|message|note|letter|release|readout)[ ]+"
)
# "as reported by", "as carried by" before a body inside an aside: a channel, no subject.
_RELAY_ASIDE = re.compile(
    r"as[ ]+(?:reported|carried|relayed|quoted)[ ]+by[ ]+(?:the[ ]+)?(?:[a-z-]+[ ]+)?\Z"
)
# Capitalised title words after a state or body, up to the appositive's comma.
_TITLE_WORDS = re.compile(r"(?:[ ]+(?:[A-Z][\w.’'-]*|of|the|for|and)){1,8},[ ]*")
# A capitalised title of several words (no comma) before its holder's name.
_LONG_TITLE = re.compile(r"(?:the[ ]+)?[A-Z][\w.’'-]*(?:[ ]+(?:[A-Z][\w.’'-]*|of|the|for|and|on)){0,12}[ ]+")
# A short parenthetical right after a name: its abbreviation or its country.
_ASIDE = re.compile(r"[ ]*\([^()]{1,40}\)")
# A lower-case hyphenated modifier before a name: "state-run", "government-controlled".
_HYPHENATED = re.compile(r"[a-z]{2,15}-[a-z]{2,15}[ ]+")


def _determiner_phrase(ctx: Context, at: int, end: int) -> tuple[str, NameMention | None]:
    """The phrase opening with a determiner at `at` (up to eight words, to punctuation),
    and the last named speaker in it: "a statement from Seoul's Unification Ministry"."""
    phrase = " ".join(ctx.text[at:end].split()[:8])
    stop = _PUNCT.search(phrase)
    phrase = phrase[: stop.start()] if stop else phrase
    # A name may open inside the phrase and run past its eighth word
    # ("a spokesman for the General Staff of the Korean People’s Army").
    inside = ctx.mentions_in(at, end)
    limit = at + len(phrase)
    named = [
        m
        for m in inside
        if m.start < limit and m.name and m.kind != "anonymous" and not _attributive(ctx, m, limit)
    ]
    return phrase, (named[-1] if named else None)


def _object_pronoun(ctx: Context, pos: int) -> NameMention | None:
    """The speaker "him", "her" or "them" at `pos` stands for ("according to him"):
    the last named person (of that gender, when known) or, for "them", body,
    within the two sentences before."""
    word = _WORD.match(ctx.text, pos)
    wanted = _OBJECT_PRONOUNS.get(word.group(0).lower()) if word is not None else None
    if wanted is None:
        return None
    kinds, gender = wanted
    floor = ctx.sentences[max(0, ctx.sentence_at(pos) - 2)].start if ctx.sentences else 0
    i = bisect.bisect_left(ctx.mention_starts, pos) - 1
    for _ in range(40):
        if i < 0 or ctx.mentions[i].start < floor:
            return None
        m = ctx.mentions[i]
        kind = "person" if m.kind == "pronoun" and m.gender else m.kind
        if m.name and kind in kinds and (gender is None or m.gender in (None, gender)):
            return m
        i -= 1
    return None


# Between a report verb and the "citing" that qualifies it: "said, citing", "reported on Monday, citing".
_TO_CITING = re.compile(r"(?:[ ]+[\w’'-]+){0,4}?,[ ]+\Z")


# "citing a ", "citing its ": the quotation right after is what is cited, not a source's words.
_CITED_ITSELF = re.compile(r"[ ]+(?:(?:a|an|the|its|their|his|her|what[ ]+it[ ]+called)[ ]+)?")


def _citing_reporter(ctx: Context, cues: list[re.Match[str]], start: int, end: int) -> Attribution | None:
    """ "Yonhap said, citing a military official, that “...”": the one who reports speaks;
    whom they cite is only their source (unless "quoting X as saying", X's own words)."""
    if len(cues) < 2 or cues[-1].group(0) not in ("citing", "quoting"):
        return None
    cite, report = cues[-1], cues[-2]
    if ctx.lex.cue_kind(report.group(0)) != "report" or report.group(0) in _SOURCE_CUES:
        return None
    if not _TO_CITING.fullmatch(ctx.text, report.end(), cite.start()):
        return None
    if _AS_SAYING.search(ctx.text, cite.end(), end):
        return None  # "quoting Kim as saying": Kim's words
    if _CITED_ITSELF.fullmatch(ctx.text, cite.end(), end):
        return None  # "lodged a protest, citing a “grave violation”": what is cited
    subject = _subject_before(ctx, start, report.start())
    if subject is None or not subject.name or subject.kind in ("anonymous", "title"):
        return None
    return Attribution(subject, report.group(0), report.end())


def _inverted_aside(ctx: Context, cue: re.Match[str], end: int) -> Attribution | None:
    """ "The launch, said the JCS, was “...”", "The list, notes a statement from the
    Council, includes “...”": an inverted attribution set off by commas before the
    quotation names the speaker of the sentence."""
    text = ctx.text
    at = cue.start()
    # Most cues follow a word: one look at the characters before settles them.
    if text[at - 2 : at] != ", " and text[at - 1 : at] != ",":
        return None
    word = cue.group(0)
    if " " in word or word.endswith("ing") or ctx.lex.cue_kind(word) != "report":
        return None  # "calls for", "according to", ", saying": no inverted aside
    found = _after(ctx, cue.start(), end)
    if found is None or found.mention is None or not found.mention.name:
        return None
    # The aside closes right after the name: "said the JCS,", "notes a note from the Council,".
    comma = text.find(",", found.end, min(end, found.end + _ASIDE_TAIL))
    if comma < 0 or any(
        w not in _NAME_JOINS and not w[:1].isupper() for w in _WORD.findall(text[found.end : comma])
    ):
        return None
    return found


# Lower-case words a name may hold before the comma closing an inverted aside.
_NAME_JOINS = frozenset(["of", "the", "and", "for"])
# How far after the name the comma closing an inverted aside may stand (characters).
_ASIDE_TAIL = 40


# "X, according to whom", "X, in whose view": the relative stands for X right before it.
_WHOM = re.compile(r"(?:whom|which)(?![\w’'-])")


def _whom(ctx: Context, cue_start: int, pos: int) -> NameMention | None:
    """The speaker "whom" at `pos` stands for after a source cue: the name the cue's
    comma follows ("the envoy Kim Gunn, according to whom the talks were “useful”")."""
    if _WHOM.match(ctx.text, pos) is None or not ctx.text[max(0, cue_start - 2) : cue_start].startswith(","):
        return None
    i = bisect.bisect_left(ctx.mention_starts, cue_start) - 1
    if i < 0:
        return None
    m = ctx.mentions[i]
    if m.end != cue_start - 2 or not m.name or m.kind not in _JUDGE_KINDS:
        return None
    return m


def _attributive(ctx: Context, mention: NameMention, end: int) -> bool:
    """True for a state named as an adjective of a noun before `end` ("one North Korean
    defector", "a Russian diplomat"): a person of that state, not the state speaking."""
    if mention.kind != "state" or mention.end + 2 > end:
        return False
    text = ctx.text
    return text[mention.end] == " " and text[mention.end + 1].islower()


def _quoted_as_saying(ctx: Context, pos: int, end: int) -> Attribution | None:
    """ "KCNA quoted Kim Jong Un as saying": the one quoted speaks.

    `pos` is the end of the reporting verb ("quoted", "cited"); an unnamed
    source ("cited a government source as saying") gives no speaker, never the
    agency that cites it.
    """
    if not ctx.text[max(0, pos - 6) : pos].endswith(_CITING):
        return None
    at = _skip(ctx.text, pos, end, " ")
    mention = ctx.mention_at(at)
    if mention is None:
        word = _WORD.match(ctx.text, at)
        if word is None or word.group(0).lower() not in _DETERMINERS:
            return None
        tail = _AS_SAYING.search(ctx.text, at, min(end, at + _APPOSITIVE))
        if tail is None or _QUOTE_OR_STOP.search(ctx.text, at, tail.start()):
            return None
        # "quoted an official, Lee Sung-jun, as saying" names one; most such phrases do not.
        named = [m for m in ctx.mentions_in(at, tail.start()) if m.name and m.kind == "person"]
        speaker = named[-1] if named else None
        return Attribution(speaker, tail.group(1), tail.end(), ctx.text[at : tail.start()], start=pos)
    tail = _AS_SAYING.match(ctx.text, mention.end, end)
    if tail is None:
        # "quoted Kim Jong Un’s sister, Kim Yo Jong, as saying": the phrase's head speaks.
        tail = _AS_SAYING.search(ctx.text, mention.end, min(end, mention.end + _APPOSITIVE))
        if tail is None or _QUOTE_OR_STOP.search(ctx.text, mention.end, tail.start()):
            return None
        head = _head(ctx, ctx.mentions_in(at, tail.start())) or mention
        staff = ctx.text[mention.end : tail.start()].strip().lower() in _BODY_STAFF
        if head is mention and mention.kind in ("organisation", "collective") and mention.name and staff:
            # "quoted NIS officials as saying": unnamed staff speak for their body.
            return Attribution(mention, tail.group(1), tail.end(), start=pos)
        if head is mention and not ctx.text[mention.end : tail.start()].lstrip().startswith(","):
            # "cited a government source as saying": the body only qualifies an unnamed source.
            return Attribution(None, tail.group(1), tail.end(), ctx.text[at : tail.start()], start=pos)
        mention = head
    return Attribution(mention, tail.group(1), tail.end(), start=pos)


def _np(ctx: Context, start: int, end: int) -> tuple[NameMention | None, str | None] | None:
    """The speaker of a noun phrase [start, end) that stands before a cue, if it is one."""
    text = ctx.text
    phrase = text[start:end].strip()
    # A speaker phrase never crosses a sentence end or another quotation.
    if not phrase or _QUOTE_OR_STOP.search(phrase) or ctx.sentence_at(start) != ctx.sentence_at(end - 1):
        return None
    # "the Japanese government's top spokesman, Chief Cabinet Secretary X, told":
    # with an appositive, a head after "the" counts.
    head = _mention_at(ctx, start) if "," in phrase else ctx.mention_at(start)
    if "," in phrase and head is None:
        # “further bolster” the nuclear force, KCNA said: the clause goes on, no speaker here.
        return None
    found = _subject_before(ctx, start, end)
    if found is not None:
        lead = _WORD.findall(text[start : found.start].lower())
        if lead[:1] and lead[0] in _DETERMINERS and any(w in ctx.lex.reply_nouns for w in lead[1:3]):
            # “...,” a claim Seoul denies: the quotation is what the claim says, and
            # the one who denies it no speaker of it.
            return None
        return found, None
    words = _WORD.findall(phrase)
    if len(words) > _NP_WORDS or "," in phrase:
        return None
    inside = ctx.mentions_in(start, end)
    if head is not None and head.kind != "anonymous":
        if (
            head.kind in ("organisation", "collective")
            and text[head.end : end].strip().lower() in _BODY_STAFF
        ):
            # "Pentagon officials said", "Administration officials told": unnamed staff
            # speak for the body that qualifies them.
            return head, None
        owned = text.startswith(("’s ", "'s "), head.end) or head.kind == "state"
        if owned and len(words) <= 5:
            # "Seoul’s delegation told", "Pyongyang residents told": somebody of
            # theirs, unnamed (never the speaker of the quotation before).
            return None, phrase
        return None
    named = [m for m in inside if m.name and m.kind != "anonymous" and not _attributive(ctx, m, end)]
    if named:
        # "a spokesperson for the foreign ministry (KCNA) said": the body it speaks for.
        return named[-1], None
    if head is not None:
        return head, None
    return None, phrase


_PAREN = re.compile(r"\s*\([^()]{1,20}\)")
# Plural nouns of a body's unnamed staff after its name ("Pentagon officials"): the body speaks.
_BODY_STAFF = frozenset(
    ["officials", "spokesmen", "spokeswomen", "spokespeople", "spokespersons", "representatives"]
)


def _trivial_gap(ctx: Context, gap: str) -> bool:
    """True when only adverbs, time words or one appositive stand between a speaker and its cue."""
    gap = _PAREN.sub("", gap, count=1).strip()
    if not gap or gap == ",":
        return True
    if gap.startswith(","):
        close = gap.rfind(",")
        if close <= 0 or close > _APPOSITIVE or any(ch in gap for ch in '“”"«»;'):
            return False
        gap = gap[close + 1 :].strip()
    words = _WORD.findall(gap.lower())
    if len(words) > 5 or _NON_WORD.search(gap):
        return False
    return all(w in ctx.lex.adverbs or w.endswith("ly") for w in words)


# "announced through its state media", "said via KCNA": the outlet a report went out by.
_THROUGH = re.compile(r"[ ]+(?:[a-z]+ly[ ]+)?(?:through|via)[ ]+")
_OUTLET_KINDS = frozenset(["organisation", "collective"])


def _through(ctx: Context, cue_end: int, end: int) -> NameMention | None:
    """The outlet after a cue whose subject names nobody ("The isolated regime declared
    via its state media that ..."): the words came out by it, so it speaks."""
    by = _THROUGH.match(ctx.text, cue_end, end)
    if by is None:
        return None
    outlet = _mention_at(ctx, by.end())
    if outlet is None or not outlet.name or outlet.kind not in _OUTLET_KINDS:
        return None
    return outlet


# Auxiliaries that may stand between "and" and a coordinated verb ("and has declared").
_AUXILIARIES = frozenset(["has", "had", "have", "then", "since", "later", "also", "again", "once", "twice"])


def _joined(ctx: Context, head: str) -> bool:
    """True when `head`, the text before a cue, ends in "and" or "but", maybe followed by
    auxiliaries and adverbs ("... and has since branded"): the cue is a verb coordinated
    with the clause's."""
    words = head[-60:].split()[-5:]
    while words and (words[-1] in _AUXILIARIES or words[-1] in ctx.lex.adverbs or words[-1].endswith("ly")):
        words.pop()
    return len(words) >= 2 and words[-1] in ("and", "but")


# Lower-case words between a clause's subject and its object ("also congratulated", "has
# thanked"), none of which joins two names into one phrase or subject.
_VERB_RUN = re.compile(r"[ ]+(?:[a-z][a-z’'-]*[ ]+){1,3}")
_NOT_VERB_RUN = frozenset(
    [
        "and",
        "or",
        "nor",
        "but",
        "of",
        "for",
        "from",
        "at",
        "in",
        "on",
        "with",
        "to",
        "by",
        "as",
        "than",
        "who",
        "which",
        "whose",
        "that",
    ]
)


def _object_of(ctx: Context, mention: NameMention, start: int) -> bool:
    """True when `mention` follows a named subject and its verb at once ("Rubio also
    congratulated Lee"): the object of the clause, never its subject."""
    i = bisect.bisect_left(ctx.mention_starts, mention.start) - 1
    if i < 0 or ctx.mentions[i].start < start:
        return False
    before = ctx.mentions[i]
    if not before.name or not before.subject or before.kind not in _PREDICATE_KINDS:
        return False
    run = _VERB_RUN.fullmatch(ctx.text, before.end, mention.start)
    return run is not None and not any(w in _NOT_VERB_RUN for w in run.group(0).split())


def _before(ctx: Context, piece: QuotePiece) -> Attribution | None:
    """X said, “Q” / X said that “partial” / ..., saying “Q” / whose office said “Q”."""
    index = ctx.sentence_at(piece.open_at)
    sentence = ctx.sentences[index] if ctx.sentences else Span(0, 0)
    start = max(sentence.start, piece.open_at - _PRE_WINDOW)
    if start < piece.open_at:
        return _before_window(ctx, start, piece.open_at)
    # A quotation opening its sentence may be introduced by the sentence before
    # it, when that one ends in a colon ("Kim put it this way:").
    if index > 0 and sentence.start >= piece.open_at:
        prev = ctx.sentences[index - 1]
        if ctx.text[prev.start : prev.end].endswith(":") and prev.end - prev.start < _PRE_WINDOW:
            return _before_window(ctx, prev.start, prev.end)
    return None


# The first word of an object between a naming verb and its quotation: "called it",
# "labelled the move", "branded their leaders". A participle that names ("nicknamed
# “Rocket Man”", "dubbed by Trump") takes no object, so an object makes the verb finite.
# A determiner counts only with its noun ("called the move “...”"): a participle's name may
# take one of its own ("dubbed the “Rocket Man”").
_NAMING_PRONOUNS = frozenset(["it", "them", "him", "this", "these", "those"])
_NAMING_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "such", "that"])


def _naming_object(text: str, cue_end: int, end: int) -> bool:
    """Whether an object follows the naming verb ending at `cue_end` before `end`."""
    word = _WORD.match(text, _skip(text, cue_end, end, " "))
    if word is None or word.end() >= end:
        return False
    first = word.group(0).lower()
    if first in _NAMING_PRONOUNS:
        return True
    noun = _WORD.match(text, _skip(text, word.end(), end, " "))
    return first in _NAMING_DETERMINERS and noun is not None and noun.end() < end


def _before_window(ctx: Context, start: int, end: int) -> Attribution | None:
    """The attribution in [start, end), the text right before a quotation."""
    text = ctx.text
    cues = ctx.cues(start, end)
    agent_of = _spoken_by(ctx, cues[-1].end() if cues else start, end)
    if agent_of is not None:
        return agent_of
    owner_of = _possessed_speech(ctx, cues, start, end)
    if owner_of is not None:
        return owner_of
    if not cues:
        pre = text[start:end].rstrip()
        if pre.endswith(":"):
            subject = _clause_subject(ctx, start, end)
            if subject is not None:
                return Attribution(subject, None, end)
        return None
    cue = cues[-1]
    word = cue.group(0)
    aside = _inverted_aside(ctx, cue, end)
    if aside is not None:
        return aside
    # "calling for", "calling on": a participle however many words the cue has.
    participle = word.split(" ", 1)[0].endswith("ing")
    if len(cues) > 1 and cues[-2].group(0) in _CITING and word in ("saying", "telling", "writing"):
        # "Yonhap cited a government source as saying “...”": the source speaks.
        cited = _quoted_as_saying(ctx, cues[-2].end(), end)
        if cited is not None and cited.end == cue.end():
            return cited
    citer = _citing_reporter(ctx, cues, start, end)
    if citer is not None:
        return citer
    if word.lower() in _SOURCE_CUES:
        # "according to X": X is the source.
        after = _skip(text, cue.end(), end, " ")
        mention = _mention_at(ctx, after) or _object_pronoun(ctx, after) or _whom(ctx, cue.start(), after)
        first = _WORD.match(text, after)
        source = mention is not None or word.lower() == "according to"
        if mention is None and first is not None and first.group(0).lower() in _DETERMINERS:
            # "According to a statement from Seoul's Unification Ministry, “...”".
            phrase, mention = _determiner_phrase(ctx, after, end)
            source = source or bool(ctx.mentions_in(after, after + len(phrase)))
        if source:
            return Attribution(mention, word, cue.end())
        # "Seoul protested, citing “a grave violation”": what is cited, not who.
    if _PASSIVE.search(text, max(start, cue.start() - 24), cue.start()):
        # "The drills were denounced by Pyongyang as “...”": the agent speaks.
        by = _BY_AGENT.match(text, cue.end(), end)
        agent = _mention_at(ctx, by.end()) if by is not None else None
        if agent is not None and agent.name:
            return Attribution(agent, word, cue.end())
    subject = _subject_before(ctx, start, cue.start())
    if subject is not None and subject.kind == "pronoun" and _WHAT_IT.search(text, start, cue.start()):
        # "the joint statement criticised what it called “...”": the document's issuer.
        issued = _what_it_document(ctx, start, subject.start, word, cue.end())
        if issued is not None:
            return issued
    head = text[start : cue.start()].rstrip()
    # A comma closing the clause; before a participle, also inside a closing mark ("... “a
    # grave threat,” adding"), where before "said" it closes a quotation of its own.
    comma = head.endswith(",") or (participle and head.endswith(_CLAUSE_COMMA))
    loose = subject is not None and (not subject.subject or _attributive(ctx, subject, cue.start()))
    if participle and comma and (subject is None or not subject.name or subject.kind == "anonymous"):
        # "..., and Beijing withdrew its envoy, citing “...”": the subject of the clause the
        # participle closes, not an unnamed object before the comma.
        clause = _conjoined_subject(ctx, start, cue.start())
        if clause is not None:
            return Attribution(clause, word, cue.end())
    if subject is not None and not loose and participle and comma:
        # "Rubio thanked Lee, saying ...": the one thanked is the verb's object, and the
        # participle goes with the verb's subject.
        loose = _object_of(ctx, subject, start)
    if subject is not None and loose and participle and comma:
        # "Kim’s sister lashed out at Seoul, saying ...": a participle's subject is
        # the main clause's, not the object a preposition governs before the comma.
        subject = _coordinated_subject(ctx, start, cue.start()) or subject
    if (
        subject is not None
        and not participle
        and ctx.lex.cue_kind(word) == "naming"
        and text[subject.end : cue.start()].strip() == ","
        and not _naming_object(text, cue.end(), end)
    ):
        # "Kim Jong Un, nicknamed “Rocket Man”": Kim is the one named, not the namer.
        return Attribution(None, word, cue.end())
    if (
        subject is not None
        and len(cues) > 1
        and subject.kind != "person"
        and cues[-2].end() <= subject.start
        and not _APPOSED_CLAUSE.search(text, max(cues[-2].end(), subject.start - 40), subject.start)
    ):
        # "Xi said Beijing and Pyongyang agreed that it was “an inevitable trend”": a
        # person reports what two states agreed; the words are the person's account.
        outer = cues[-2]
        if outer.group(0).lower() in _SPEECH:
            reporter = _subject_before(ctx, start, outer.start())
            if reporter is not None and reporter.kind == "person" and reporter.name:
                return Attribution(reporter, outer.group(0), outer.end())
    if subject is not None:
        return Attribution(subject, word, cue.end())
    outlet = _through(ctx, cue.end(), end)
    if outlet is not None:
        return Attribution(outlet, word, cue.end())
    opens = not ctx.sentences or ctx.sentences[ctx.sentence_at(start)].start == start
    if ctx.lex.cue_kind(word) == "report" and opens:
        # "A KCNA dispatch said ...": a short subject phrase speaks for the body it names.
        np = _np(ctx, start, cue.start())
        body = np[0] if np is not None else None
        if body is not None and body.name and body.kind in ("organisation", "collective"):
            return Attribution(body, word, cue.end())
    joined = _joined(ctx, head)
    if ctx.lex.cue_kind(word) == "naming" and joined and not participle:
        # "North Korea said it had tested a bomb and called it “a perfect success”":
        # a verb coordinated with the clause's, and so with its subject.
        subject = _coordinated_subject(ctx, start, cue.start())
        if subject is not None and subject.name:
            return Attribution(subject, word, cue.end())
    if ctx.lex.cue_kind(word) == "naming" and not (participle and comma):
        # "the drills, dubbed “Freedom Edge”": a name, nobody's statement; unless someone
        # reports the clause it stands in ("Rodman told the paper that Kim had a baby
        # called “Ju Ae”"): a phrase quoted inside reported speech is the reporter's.
        for outer in reversed(cues[:-1]):
            if ctx.lex.cue_kind(outer.group(0)) != "report":
                continue
            reporter = _subject_before(ctx, start, outer.start())
            if reporter is not None and reporter.name and reporter.kind != "anonymous":
                return Attribution(reporter, outer.group(0), outer.end())
            break
        return Attribution(None, word, cue.end())
    if joined:
        return Attribution(_coordinated_subject(ctx, start, cue.start()), word, cue.end())
    if word.split(" ", 1)[0].endswith("ing") and not comma and _ISSUING.search(head[-80:]):
        # "the Foreign Ministry issued a statement repeating that ...": the issuer speaks.
        before = ctx.mentions_in(max(start, cue.start() - _APPOSITIVE), cue.start())
        if before and before[-1].name and _ISSUED.fullmatch(text, before[-1].end, cue.start()):
            return Attribution(before[-1], word, cue.end())
    if participle and comma:
        # "Obama said Sony had “erred”, adding, “...”": the participle goes with the
        # reporting verb before it, and so with that verb's subject; "..., and Pyongyang
        # delayed the launch, citing “...”": with the subject of the clause it closes.
        clause = _conjoined_subject(ctx, start, cue.start())
        return Attribution(clause or _coordinated_subject(ctx, start, cue.start()), word, cue.end())
    if comma or participle or not head:
        subject = _clause_subject(ctx, start, cue.start())
        return Attribution(subject, word, cue.end())
    if len(cues) > 1:
        # "Kim also said the test has proposed “...”": the verb of the reported clause
        # has no speaker of its own; the reporting verb before it has.
        outer = cues[-2]
        subject = _subject_before(ctx, start, outer.start())
        if subject is not None and subject.name:
            return Attribution(subject, outer.group(0), outer.end())
    # "“...,” said the envoy, who credited a “close partnership” ...": the inverted speaker
    # the relative clause goes on about.
    inverted = _mention_at(ctx, _skip(text, cue.end(), end, " "))
    speaks = inverted is not None and bool(inverted.name) and inverted.kind in _PREDICATE_KINDS
    if inverted is not None and speaks and _RELATIVE_AFTER.match(text, inverted.end, end):
        return Attribution(inverted, word, cue.end())
    return Attribution(None, word, cue.end())


# ", a move the opposition called", ", which Seoul called": a clause on the writer's noun
# after the reported one, whose subject speaks for itself.
_APPOSED_CLAUSE = re.compile(r",[ ]+(?:(?:a|an|one)[ ]+[a-z]+|which|what)[ ]+(?:the[ ]+)?\Z")
# "what it called", "what it described as": the "it" of a relative naming clause.
_WHAT_IT = re.compile(r"(?<![\w’'-])what[ ]+it[ ]+(?:[a-z]+ly[ ]+)?\Z")


def _what_it_document(ctx: Context, start: int, it_start: int, cue: str, cue_end: int) -> Attribution | None:
    """ "The leaders' statement criticised what it called “...”": when a document heads the
    clause "it" stands in, its issuer speaks (or the plural people who issued it, kept as
    the phrase for the joint-speaker step)."""
    nouns = [
        n
        for n in ctx.lex.pattern("document").finditer(ctx.text, start, it_start)
        if not ctx.quoted(n.start())
    ]
    if not nouns or nouns[-1].group(0).lower() not in ctx.lex.document_nouns:
        return None
    noun = nouns[-1]
    if _document_verb(ctx, noun.end(), it_start) is None and not _VERB_AFTER.match(
        ctx.text, noun.end(), it_start
    ):
        return None
    phrase_start = _phrase_start(ctx, noun.start(), start)
    issuer = _issuer(ctx, phrase_start, noun.start(), noun.start())
    if issuer is not None and issuer.name:
        return Attribution(issuer, cue, cue_end, start=phrase_start)
    return Attribution(None, cue, cue_end, ctx.text[phrase_start : noun.end()], start=phrase_start)


# A past-tense verb right after a document noun ("statement criticized", "report condemned").
_VERB_AFTER = re.compile(r"[ ]+(?:[a-z]+ly[ ]+)?[a-z]+ed(?![\w’'-])")
_RELATIVE_AFTER = re.compile(r",[ ]+(?:who|whose)(?![\w’'-])")


# "promises by", "remarks by", "a statement by": a noun of speech and its agent.
_NOUN_BY = re.compile(r"([A-Za-z-]+)[ ]+by[ ]+")


# "Kim's warning of", "Park's blunt remark that": a possessive, one modifier, a noun.
_POSSESSED_NOUN = re.compile(r"['’]s[ ]+([a-z-]+)(?![\w’'-])(?:[ ]+([a-z]+)(?![\w’'-]))?")


def _possessed_speech(ctx: Context, cues: list[re.Match[str]], start: int, end: int) -> Attribution | None:
    """ "The launch followed Kim's pledge to build “...”": the owner of a speech noun
    before the quotation, the noun as cue, when no verb of speech in the window attributes
    it otherwise ("Lee said Park's remark was “...”" stays Lee's)."""
    text = ctx.text
    window = text[start:end]
    if "’s " not in window and "'s " not in window:
        return None  # the usual case
    found = None
    group = 1
    for m in _POSSESSED_NOUN.finditer(text, start, end):
        for g in (1, 2):
            if m.group(g) in ctx.lex.reply_nouns:
                found, group = m, g
                break
    if found is None or ctx.quoted(found.start()):
        return None
    if any(c.start() != found.start(group) for c in cues):
        return None
    owners = ctx.mentions_in(max(start, found.start() - 80), found.start())
    owner = owners[-1] if owners and owners[-1].end == found.start() else None
    if owner is None or not owner.name or owner.kind in ("anonymous", "title", "pronoun", "relative"):
        return None
    if ctx.mentions_in(found.end(group), end):
        return None  # another name stands nearer the quotation
    return Attribution(owner, found.group(group), found.end(group), start=owner.start)


def _spoken_by(ctx: Context, start: int, end: int) -> Attribution | None:
    """ "... ended with fresh pledges by the envoy to answer any “reckless move”": the
    agent of a speech noun after the last cue, the noun as cue."""
    if " by " not in ctx.text[start:end]:
        return None  # the usual case
    found = None
    for m in _NOUN_BY.finditer(ctx.text, start, end):
        noun = m.group(1).lower()
        if noun in ctx.lex.reply_nouns or noun in ctx.lex.document_nouns:
            found = m
    if found is None or ctx.quoted(found.start()):
        return None
    agent = _mention_at(ctx, found.end())
    if agent is None or not agent.name or agent.kind in ("anonymous", "title", "pronoun", "relative"):
        return None
    if ctx.mentions_in(agent.end, end):
        return None  # another name stands nearer the quotation
    return Attribution(agent, found.group(1), agent.end, start=found.start())


# ", and ", ", but ", "; ": where a second main clause opens, its subject right after.
_CLAUSE_JOIN = re.compile(r"(?:,[ ]+(?:and|but|while|yet)|;)[ ]+(?:the[ ]+|The[ ]+)?")


def _conjoined_subject(ctx: Context, start: int, cue_start: int) -> NameMention | None:
    """The named subject opening the last clause joined by ", and" (", but", ";") before a
    participle at `cue_start`, when no verb of speech stands between them."""
    joins = [j for j in _CLAUSE_JOIN.finditer(ctx.text, start, cue_start) if not ctx.quoted(j.start())]
    if not joins:
        return None
    join = joins[-1]
    subject = ctx.mention_at(join.end())
    if subject is None or not subject.name or subject.kind not in _PREDICATE_KINDS:
        return None
    if ctx.cues(subject.end, cue_start):
        return None
    if _attributive(ctx, subject, cue_start) and subject.text.lower().endswith(_ADJECTIVE_ENDINGS):
        # "and Chinese envoys left" is no clause of China's; "and Beijing withdrew",
        # "and Pyongyang on Monday delayed" are (a past verb, an adjunct, an adverb).
        word = _WORD.match(ctx.text, subject.end + 1)
        lowered = word.group(0).lower() if word is not None else ""
        if not (lowered.endswith("ed") or lowered in _ADJUNCT_START or lowered in ctx.lex.adverbs):
            return None
    return subject


# Endings of the adjectives of states ("Chinese", "South Korean", "Russian", "British").
_ADJECTIVE_ENDINGS = ("ese", "ean", "ian", "ish", "can", "ch", "man", "i")


def _coordinated_subject(ctx: Context, start: int, cue_start: int) -> NameMention | None:
    """The subject of a verb after "and"/"but": that of the reporting verb before it
    ("the Pentagon said, but added that ..."), else the clause's."""
    earlier = ctx.cues(_main_clause_start(ctx, start, cue_start), cue_start)
    # "KCNA quoted Kim as calling it “...”, and said ...": the finite verb's subject, not
    # that of a participle inside its object.
    # A participle alone ("X reacted on Twitter, wondering ... and suggesting ...") goes
    # with the clause's subject, as the participle before it does.
    earlier = [c for c in earlier if not c.group(0).split(" ", 1)[0].endswith("ing")]
    if earlier:
        found = _subject_before(ctx, start, earlier[-1].start())
        if found is not None and found.name:
            return found
    return _clause_subject(ctx, start, cue_start)


def _subject_before(ctx: Context, start: int, cue_start: int) -> NameMention | None:
    """The mention right before a cue (`_nearest_subject`), or the counted group that
    lists it as a member ("ten nations, including Japan, said": the group speaks)."""
    return ctx.group_of(_nearest_subject(ctx, start, cue_start))


def _nearest_subject(ctx: Context, start: int, cue_start: int) -> NameMention | None:
    """The mention right before a cue, across adverbs and one appositive.

    In "Kim Yo Jong, the sister of leader Kim Jong Un, said" the appositive's own
    name is skipped for the head before it.
    """
    text = ctx.text
    candidates = ctx.mentions_in(start, cue_start)[-6:]
    if candidates:
        body = _dateline_end(ctx, candidates[0])
        candidates = [m for m in candidates if m.start >= body]
    by_start = by_end = cue_start
    if candidates:
        by = _QUOTED_BY.search(text, max(start, candidates[-1].start - 60), candidates[-1].start)
        if by is not None:
            # "X was quoted by Yonhap as saying": the agency reports, X speaks.
            by_start, by_end = by.start(), candidates.pop().end

    def gap_to_cue(pos: int) -> str:
        return text[pos:by_start] + text[by_end:cue_start]

    for i in range(len(candidates) - 1, -1, -1):
        mention = candidates[i]
        lead = text[max(start, mention.start - 30) : mention.start]
        if " by " in lead and _RELAY_ASIDE.search(lead):
            continue  # "The decision, as reported by KCNA, stated": KCNA only carries it
        gap = gap_to_cue(mention.end)
        staff = _STAFF.match(gap) if mention.kind in _STAFF_KINDS and mention.name else None
        if staff is not None and _trivial_gap(ctx, gap[staff.end() :]):
            # "a defence ministry spokesman told": the body speaks through its staff.
            return mention
        if "," in mention.text and gap.lstrip().startswith(","):
            # "the ministry’s spokesperson, Lee Sung-jun, was quoted": the comma
            # closes the appositive the mention itself opened.
            gap = gap.lstrip()[1:]
        if not _trivial_gap(ctx, gap):
            continue
        for head in reversed(candidates[:i]):
            if not head.name or head.kind in ("anonymous", "title", "pronoun", "relative"):
                continue
            gap = gap_to_cue(head.end)
            aside = _PAREN.match(gap)
            if aside is not None:
                # "Sen. Jim Risch (Idaho), a member of ..., said": the home state or party
                # in brackets belongs to the name, not to the appositive after it.
                gap = gap[aside.end() :]
            inner = gap.strip().lstrip(",").lstrip()
            # "Kim Jong Un, Chairman of the State Affairs Commission, said": a capitalised title.
            titled = inner.split(" ", 1)[0].lower() in ctx.lex.titles
            unnamed = not mention.name or mention.kind in ("anonymous", "title")
            appositive = inner[:1].islower() or titled or unnamed
            if gap.lstrip().startswith(",") and appositive and _trivial_gap(ctx, gap):
                return head
        if i > 0 and mention.kind in ("organisation", "state", "collective"):
            # "Rep. Kim Gi-hyeon of the People Power Party said": the person speaks (and "an
            # official from South Korea told" the body the official speaks for).
            head = candidates[i - 1]
            speaks = head.kind == "person" or (head.kind == "anonymous" and head.role == "Official")
            of_body = _OF_BODY.fullmatch(text, head.end, mention.start) or _ROLE_OF.fullmatch(
                text, head.end, mention.start
            )
            if speaks and head.name and of_body:
                return head
            if (
                mention.kind == "state"
                and head.kind in ("organisation", "collective")
                and head.name
                and _IN_PLACE.fullmatch(text, head.end, mention.start)
            ):
                # "The Foreign Ministry in Tokyo said": the body, placed by its capital.
                return head
        return mention
    return None


_IN_PLACE = re.compile(r"[ ]+in[ ]+")


# A body's unnamed staff between its name and the cue: "the ministry spokesperson said".
# "the ministry spokesman", "the ministry's deputy spokesperson": the body speaks.
_STAFF = re.compile(
    r"(?:['’]s)?(?:[ ]+(?:chief|deputy|senior|acting|top))?"
    r"[ ]+(?:spokesperson|spokesman|spokeswoman|spokespeople|spokesmen|spokespersons|officials?)(?![\w’'-])"
)
_STAFF_KINDS = frozenset(["organisation", "collective"])
# How many mentions back the body of "the spokesperson" is sought.
_SPOKES_REACH = 40


def _spokes_body(ctx: Context, pronoun: NameMention) -> NameMention | None:
    """The body an unnamed "the spokesperson" speaks for: the last one the text gave a
    spokesperson ("a foreign ministry spokesman said ... . “...,” the spokesman said")."""
    i = bisect.bisect_left(ctx.mention_starts, pronoun.start) - 1
    for _ in range(_SPOKES_REACH):
        if i < 0:
            return None
        m = ctx.mentions[i]
        i -= 1
        if not m.name or m.kind == "person":
            continue
        spokes = m.role == "Spokesperson" and m.kind in ("anonymous", *_STAFF_KINDS)
        if spokes or (m.kind in _STAFF_KINDS and _SPOKES_AFTER.match(ctx.text, m.end)):
            return m
    return None


_SPOKES_AFTER = re.compile(r"[ ]+spokes(?:person|man|woman)(?![\w’'-])")


def previous_subject(ctx: Context, piece: QuotePiece, para_start: int) -> NameMention | None:
    """The named person subject of the sentence right before a stand-alone quotation.

    Only when the quotation opens its sentence and nothing follows it there, and
    the sentence before lies in the same paragraph.
    """
    index = ctx.sentence_at(piece.open_at)
    if index == 0 or not ctx.sentences:
        return None
    sentence = ctx.sentences[index]
    if sentence.start < piece.open_at:
        return None
    # A quotation left open runs on to its paragraph's end (and into the next ones).
    if piece.close_at is not None and ctx.text[piece.close_at + 1 : sentence.end].strip(" .,;!?"):
        return None
    prev = ctx.sentences[index - 1]
    if prev.start < para_start:
        return None
    subject = _clause_subject(ctx, prev.start, prev.end)
    if subject is None or not subject.name or subject.kind not in ("person", "pronoun"):
        return None
    return subject


def _clause_subject(ctx: Context, start: int, end: int) -> NameMention | None:
    """The first subject-like mention of a sentence (`_first_subject`), or the counted
    group that lists it as a member."""
    return ctx.group_of(_first_subject(ctx, start, end))


def _first_subject(ctx: Context, start: int, end: int) -> NameMention | None:
    """The first subject-like mention of a sentence: the speaker of its later verbs.

    A sentence opening with a subordinate clause ("Hours after North Korea said ...,
    Trump took aim ..., calling it ...") has its main subject after the clause's comma.
    """
    main_start = _main_clause_start(ctx, start, end)
    if main_start > start:
        after = [m for m in ctx.mentions_in(main_start, end) if m.kind != "relative"]
        main = _head(ctx, after, subject_only=True)
        if main is not None:
            return main
    found = [m for m in ctx.mentions_in(start, end) if m.kind != "relative"]
    if found:
        # The place heading the story, and the wire in its brackets, are no subjects.
        body = _dateline_end(ctx, found[0])
        found = [m for m in found if m.start >= body]
    return _head(ctx, found, subject_only=True)


# "WASHINGTON --", "SEOUL (Reuters) -", "SEOUL, Dec 3 (Reuters) -", "TOKYO, Japan (AP) —":
# a place heading the story, then a date or country and the wire, then a dash.
_DATELINE_TAIL = re.compile(r"(?:,[ ]+[\w. ]{1,24}?)?[ ]*(?:\([^()]{1,30}\)[ ]*)?(?:--|—|–|-)[ ]")


def _dateline_end(ctx: Context, mention: NameMention) -> int:
    """Where the text after a dateline opening with `mention` starts, or 0 when
    `mention` heads no dateline."""
    if not mention.text.isupper() or len(mention.text) <= 3:
        return 0
    tail = _DATELINE_TAIL.match(ctx.text, mention.end)
    return tail.end() if tail is not None else 0


def _main_clause_start(ctx: Context, start: int, end: int) -> int:
    """Where the main clause of a sentence opening at `start` begins: after the comma
    closing an opening subordinate clause ("Hours after X said ..., "), else `start`."""
    lead = _SUBORDINATE.match(ctx.text, start, end)
    if lead is None:
        return start
    comma = ctx.text.find(",", lead.end(), end)
    while comma >= 0 and ctx.quoted(comma):
        comma = ctx.text.find(",", comma + 1, end)
    return comma + 1 if comma >= 0 else start


# A sentence opening with a subordinate clause: "After ...", "Hours after ...", "As ...".
_SUBORDINATE = re.compile(
    r"\s*(?:(?:just|shortly|soon|only|even|long|hours|days|weeks|months|years|minutes|moments|"
    r"a|few|two|three|several)[ ]+){0,2}(?:after|before|as|while|when|although|though|since|because|"
    r"once|despite|following|amid|if|until)\b",
    re.IGNORECASE,
)


# "Kim Jong Un’s sister, Kim Yo Jong": the possessor, a few lower-case words
# (the relation or role), an optional comma, then the mention the phrase is about.
_POSSESSED = re.compile(r"['’]s(?:\s+[a-z][\w’'-]{0,30}){0,4},?\s+")


def _head(ctx: Context, mentions: list[NameMention], *, subject_only: bool = False) -> NameMention | None:
    """The first mention of a phrase that is not a possessor of the next one.

    In "Kim Jong Un’s sister, Kim Yo Jong" and "the ministry’s spokesperson,
    Lee Sung-jun" the phrase is about the second name; the first only says
    whose sister or spokesperson she or he is.
    """
    for i, mention in enumerate(mentions):
        if subject_only and not mention.subject:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and nxt.name
            and nxt.kind in ("person", "organisation", "collective", "anonymous", "title")
            and _POSSESSED.fullmatch(ctx.text, mention.end, nxt.start)
        ):
            continue
        return mention
    return None


def _reply(ctx: Context, pos: int, para_end: int) -> Attribution | None:
    """“Q.” That was X's reply."""
    text = ctx.text
    i = ctx.sentence_at(pos)
    if i + 1 < len(ctx.sentences) and ctx.sentences[i].end <= pos + 1:
        nxt = ctx.sentences[i + 1]
    else:
        return None
    if nxt.start >= para_end:
        return None
    words = _WORD.findall(text[nxt.start : min(nxt.end, nxt.start + 200)])
    if not words or words[0].lower() not in ("that", "this", "those", "these", "such", "so"):
        return None
    noun = next((w for w in words if w.lower() in ctx.lex.reply_nouns or ctx.lex.cue_kind(w)), None)
    named = [m for m in ctx.mentions_in(nxt.start, nxt.end) if m.name]
    if noun is None or not named:
        return None
    return Attribution(named[0], noun, nxt.end)


# A body relaying someone else's words: "KCNA quoted/cited X", "quoted/cited/carried/
# reported by KCNA", "according to KCNA", "..., KCNA reported".
_RELAY_BEFORE = re.compile(
    r"(?:(?:(?:quoted|cited)(?:[ ]+as[ ]+saying)?|carried|reported|published|relayed|broadcast)[ ]+by"
    r"|according[ ]+to|via)"
    r"[ ]+(?:the[ ]+)?(?:[a-z]+-[a-z]+[ ]+)?\Z",
    re.IGNORECASE,
)
_RELAY_AFTER = re.compile(r"[ ]+(?:quoted|cited|reported|reports|carried|relayed)\b")
_TRAILING_SAID = re.compile(r"[ ]+(?:said|says)\b")
_CHANNEL_KINDS = frozenset(["organisation", "collective"])
# A comma closing the clause before a trailing attribution, inside a closing mark or not.
_CLAUSE_COMMA = (",", ",”", ',"', ",’", ",»")


def channel(ctx: Context, speaker: NameMention, start: int, end: int) -> NameMention | None:
    """The body relaying a person's words in the sentence [start, end), or None.

    The leader quoted by an agency stays the speaker; the agency is only the
    channel ("KCNA quoted Kim as saying", "Kim said ..., KCNA reported",
    "according to KCNA"). A body speaking in its own voice is the speaker; the
    speaker's own spokesman ("his spokesman said") is no channel either.
    """
    text = ctx.text
    i = bisect.bisect_left(ctx.mention_starts, start)
    mentions = ctx.mentions
    while i < len(mentions) and mentions[i].start < end:
        m = mentions[i]
        i += 1
        if m.end > end or m.kind not in _CHANNEL_KINDS or not m.name or not m.name[0].isupper():
            continue
        if m.name == speaker.name:
            continue
        if m.start <= speaker.start < m.end or m.text.lower().startswith(("his ", "her ", "its ", "their ")):
            continue  # "Ban called it “…”, his spokesman said": his own office, no channel
        if _RELAY_BEFORE.search(text, max(start, m.start - 40), m.start):
            return m
        if _RELAY_AFTER.match(text, m.end, end):
            return m
        at = m.start - 4 if text[max(0, m.start - 4) : m.start] in ("the ", "The ") else m.start
        lead = text[max(start, at - 4) : at].rstrip()
        if lead.endswith(_CLAUSE_COMMA) and m.start > speaker.end and _TRAILING_SAID.match(text, m.end, end):
            return m  # “…,” Kim said, KCNA said / Kim called it “…”, the agency said
    return None
