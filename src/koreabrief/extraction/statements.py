"""Who said what: quotations and their speakers.

The pipeline: [`find_quotes`][koreabrief.extraction.quotes.find_quotes] scans the
quotation marks; [`find_mentions`][koreabrief.extraction.names.find_mentions]
finds and resolves people, bodies and pronouns; the attribution patterns of
[`attribution`][koreabrief.extraction.attribution] tie each quotation to a
mention and a cue word. A quotation with no attribution of its own continues
the speaker of the quotation just before it (same or previous paragraph) when
it is a whole sentence (the usual way news carries on a quote); failing that, a
stand-alone quotation goes to the named person the sentence before it is about;
else its speaker is None. A person's words relayed by an agency keep the person
as speaker and the agency as `via` (`attribution.channel`); a joint statement
("A and B agreed", "the two leaders said") keeps both (`co_speakers`). A speaker
the text gives only as a common noun ("the presidential office", "a senior defense
official") is the gazetteer's body of that kind of the state the text names just
before, or None when no state has one. Every step degrades per quotation, never per
document.
"""

from __future__ import annotations

import bisect
import itertools
import re
import warnings

from attrs import evolve

from koreabrief.arguments import require_article
from koreabrief.errors import KoreabriefWarning
from koreabrief.extraction.attribution import Attribution, Context, attribute, channel, previous_subject
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.mentions import NameMention
from koreabrief.extraction.offices import office_mentions
from koreabrief.extraction.quotes import QuotePiece
from koreabrief.extraction.sentences import sentence_spans
from koreabrief.gazetteer import Entity, Gazetteer
from koreabrief.models import Article, Span, Statement

__all__ = ["extract_statements", "statements_in_context"]

# A stop (and closing marks) followed by a space inside a quotation: where it may split.
_INNER_STOP = re.compile(r"[.!?][.!?]*[\"'\u201d\u2019)\]]*\s")
# Words without one of which no relay is written ("quoted", "cited", "carried", "reported",
# "according to", "relayed", "published", "broadcast", "via"; trailing "said" apart).
_RELAY_HINT = re.compile(r"quoted|cited|carried|report|ccording|relayed|published|broadcast|via ")
# How many words make an unattributed partial quotation a clause of the previous speaker's.
_CLAUSE_WORDS = 8
# How far from a quotation and its speaker the channel relaying them is sought (characters).
_RELAY_REACH = 200


def extract_statements(article: Article, /, *, gazetteer: Gazetteer | None = None) -> tuple[Statement, ...]:
    """Every quotation in the article with its speaker, in text order.

    Args:
        article: A clean article; spans index `article.text`.
        gazetteer: Canonical names to resolve speakers with; the shipped one by default.

    Returns:
        One statement per quotation (one per paragraph for a quotation running
        over several paragraphs, all with the same speaker).

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="“We are ready,” Foreign Minister Park Jin said.")
        >>> s = kb.extract_statements(a)[0]
        >>> s.quote, s.speaker, s.role, s.cue, s.direct
        ('We are ready,', 'Park Jin', 'Foreign Minister', 'said', True)
        >>> a.text[s.span.start:s.span.end] == s.quote
        True
    """
    require_article(article, "extract_statements")
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    return statements_in_context(article, ArticleContext(article.text, gaz))


def statements_in_context(article: Article, shared: ArticleContext) -> tuple[Statement, ...]:
    """Like `extract_statements`, reusing the work `shared` holds for all extractors.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="“No,” Seoul said.")
        >>> [s.speaker for s in statements_in_context(a, ArticleContext(a.text, kb.Gazetteer.default()))]
        ['South Korea']
    """
    text = article.text
    paras = shared.paragraphs
    pieces = shared.quotes
    if not pieces:
        return ()
    lex = Lexicon.default()
    para_starts = [p.start for p in paras]
    # Attribution looks back, and forward only within a quotation's paragraph:
    # names after the last quoted paragraph cannot matter.
    limit = paras[_index(para_starts, pieces[-1].open_at)].end
    # Nor can sentences: alone, statements split no paragraph after that one.
    sentences = shared.sentences_until(limit)
    # The article's one name stage (shared with events and sanctions): mentions after
    # the last quoted paragraph cannot matter, and resolution reads only what came before.
    mentions = shared.name_mentions_until(limit)
    # "his office said": the leader's office, a speaker the names stage leaves out.
    mentions = office_mentions(text, mentions, sentences, shared.gazetteer)
    ctx = Context(text, pieces, mentions, sentences, lex)

    found: list[Attribution | None] = []
    for piece in pieces:
        para = paras[_index(para_starts, piece.open_at)]
        found.append(_attribute_safely(ctx, piece, para.end, article.id))
    _share_within_groups(pieces, found)

    out: list[Statement] = []
    previous: tuple[Statement, int] | None = None
    # Bodies named by a common noun only ("ministry", "presidential office"), not those the
    # lexicon names by their office ("Foreign Ministry"), which say what they are.
    bare_bodies = frozenset(b for b in lex.bodies.values() if b.islower())
    home = _HomeStates(mentions, shared.gazetteer)
    for piece, attribution in zip(pieces, found, strict=True):
        para_index = _index(para_starts, piece.open_at)
        direct = _is_direct(ctx, piece, attribution)
        statement = _statement(ctx, piece, attribution, direct)
        if attribution is None and previous is not None:
            prior, prior_para = previous
            attributed = prior.speaker is not None or prior.speaker_mention is not None
            # “A” ... and “B” in the sentence of the quotation before: the same speaker's.
            span = prior.sentence
            same_sentence = span is not None and span.start <= piece.open_at < span.end
            # A long partial quotation (a clause, not a scare-quoted word or name) goes on
            # with the words of the speaker just quoted.
            clause = len(statement.quote.split()) >= _CLAUSE_WORDS
            carries = direct or _opens_sentence(ctx, piece) or same_sentence or clause
            if attributed and carries and para_index - prior_para <= 1:
                statement = _carry(statement, prior)
        if statement.speaker_mention is None and attribution is None and direct:
            # "Kim was defiant. “We will never give in.”": the person the sentence
            # before is about, when the quotation stands alone after it.
            subject = previous_subject(ctx, piece, paras[para_index].start)
            if subject is not None:
                statement = evolve(
                    statement,
                    speaker=subject.name,
                    speaker_mention=subject.text,
                    role=subject.role,
                    affiliation=subject.affiliation,
                )
        if statement.speaker is None and attribution is not None and attribution.np_text:
            # "“...,” his post reads": the person the possessive stands for.
            owner = _owner_of(ctx, attribution.np_text, piece.open_at)
            if owner is not None:
                statement = evolve(
                    statement, speaker=owner.name, role=owner.role, affiliation=owner.affiliation
                )
        if not statement.co_speakers:
            statement = _joint(ctx, piece, attribution, statement)
        if statement.speaker is None and attribution is not None and statement.speaker_mention:
            # "a senior defense official said": the body the official speaks for.
            statement = _unnamed_official(ctx, statement, attribution, home, shared.gazetteer)
        if statement.speaker is not None and statement.speaker in bare_bodies:
            # "the presidential office said" with no office named before: the state's the
            # text is about there.
            statement = _qualified(statement, home.at(piece.open_at), shared.gazetteer)
        out.append(statement)
        previous = (statement, para_index)
    return tuple(out)


# How many of the states an article names most a bare body's state is sought among, and
# how many mentions before its quotation are looked at first.
_HOME_STATES = 3
_NEAR_MENTIONS = 6
# States whose armed forces speak only through state media (as the resolver holds for "a
# military official"): "the military said" beside a North Korean launch is another's.
_SILENT_STATES = frozenset(["North Korea"])
_ARMED = frozenset(["military", "navy", "air force"])


class _HomeStates:
    """The states a bare body or an unnamed official may belong to, per position: those of
    the last few mentions before it (a state, or the state a person or body is of), nearest
    first, then the states the text names most often. Indexed once per text, on first use."""

    def __init__(self, mentions: list[NameMention], gazetteer: Gazetteer) -> None:
        self.mentions = mentions
        self.gazetteer = gazetteer
        self.starts: list[int] | None = None
        self.ranked: list[str] = []

    def at(self, pos: int) -> list[Entity]:
        """The candidate states for a speaker at `pos`, in the order they are tried."""
        mentions = self.mentions
        if self.starts is None:
            self.starts = [m.start for m in mentions]
            counts: dict[str, int] = {}
            for m in mentions:
                if m.kind == "state" and m.name:
                    counts[m.name] = counts.get(m.name, 0) + 1
            self.ranked = sorted(counts, key=lambda name: -counts[name])[:_HOME_STATES]
        near: list[str] = []
        i = bisect.bisect_left(self.starts, pos) - 1
        for m in mentions[max(0, i - _NEAR_MENTIONS + 1) : i + 1][::-1]:
            state = m.name if m.kind == "state" else m.affiliation
            if state and state not in near:
                near.append(state)
        found = [self.gazetteer.resolve(name) for name in dict.fromkeys([*near[:_HOME_STATES], *self.ranked])]
        return [e for e in found if e is not None and e.kind == "state"]


# The last word of an unnamed official's phrase ("a senior defense official", "intelligence sources").
_OFFICIAL = re.compile(r"(?i)(?<![\w-])(?:officials?|sources?)\Z")


def _unnamed_official(
    ctx: Context,
    statement: Statement,
    attribution: Attribution,
    home: _HomeStates,
    gazetteer: Gazetteer,
) -> Statement:
    """`statement` with the body an unnamed official speaks for as speaker, when a word of
    the phrase names its kind ("a senior defense official", "a U.S. intelligence official"),
    or of the phrase "the official" takes up from the sentences before: the body of the
    state the phrase names, else of the state the text names just before (never one whose
    forces speak only through state media); unchanged when none is known."""
    phrase = (statement.speaker_mention or "").rstrip(" ,")
    if len(phrase) > 80 or not (_OFFICIAL.search(phrase) or phrase.lower() in ("he", "she")):
        return statement
    unnamed = attribution.mention
    lo = hi = -1
    if unnamed is not None:
        lo, hi = unnamed.start, unnamed.end
    elif attribution.np_text:
        lo = ctx.text.rfind(attribution.np_text, max(0, attribution.end - 200), attribution.end)
        hi = lo + len(attribution.np_text) if lo >= 0 else -1
    if _TAKEN_UP.fullmatch(phrase) and lo >= 0:
        # "“...,” the official said" after "A senior defense official said ...": that one.
        floor = max(0, ctx.sentences[max(0, ctx.sentence_at(lo) - 2)].start if ctx.sentences else 0, lo - 400)
        found = None
        for candidate in _AN_OFFICIAL.finditer(ctx.text, floor, lo):
            found = candidate
        if found is None or ctx.quoted(found.start()):
            return statement
        phrase, lo, hi = found.group(0), found.start(), found.end()
    named = _official_body(ctx, phrase, (lo, hi), home.at(statement.span.start), gazetteer)
    if named is None:
        return statement
    return evolve(statement, speaker=named[0], affiliation=named[1])


# "the official", "the senior official", "the officials": an unnamed official taken up again.
_TAKEN_UP = re.compile(r"(?i)(?:the|this|that)[ ]+(?:[a-z]+[ ]+)?(?:officials?|sources?)|he|she")
# "A senior U.S. defense official", "one Japanese defense official", "two military officials".
_AN_OFFICIAL = re.compile(
    r"(?<![\w’'-])(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal)[ ]+(?:[\w.’'-]+[ ]+){0,4}?officials?(?![\w’'-])"
)


def _official_body(
    ctx: Context, phrase: str, at: tuple[int, int], near: list[Entity], gazetteer: Gazetteer
) -> tuple[str, str | None] | None:
    """The name and state of the body an unnamed official's `phrase` (at [lo, hi), or -1)
    names the kind of, or None."""
    lo, hi = at
    lowered = f" {phrase.lower()} "
    kinds = [word for word in ctx.lex.official_bodies if f" {word} " in lowered]
    if not kinds:
        return None
    word = min(kinds, key=lowered.index)
    named: list[NameMention] = []
    if lo >= 0:
        # "a U.S. intelligence official": a state inside the phrase or right before it.
        before = ctx.mentions_in(max(0, lo - 24), hi)
        named = [m for m in before if m.kind == "state" and (m.start >= lo or lo - m.end <= 1)]
    if named:
        found = [gazetteer.resolve(named[-1].name or "")]
        states = [e for e in found if e is not None and e.kind == "state"]
    else:
        states = [e for e in near if e.name not in _SILENT_STATES]
    for state in states:
        short = [a for a in state.aliases if len(a) <= 4]
        for body in ctx.lex.official_bodies[word]:
            forms = [f"{state.name}'s {body}", *(f"{a} {body}" for a in (*state.adjectives, *short))]
            for form in forms:
                entity = gazetteer.resolve(form)
                if entity is not None and entity.kind == "organisation":
                    return entity.name, entity.affiliation or state.name
    return None


def _qualified(statement: Statement, home: list[Entity], gazetteer: Gazetteer) -> Statement:
    """`statement` with a bare body speaker ("presidential office", "state media") named as
    the gazetteer's body of that kind of the first of the article's `home` states that has
    one ("South Korean Presidential Office"); with speaker None when none has: "the ministry
    said", "experts said" with no body named before name nobody (the words stay in
    `speaker_mention`)."""
    bare = statement.speaker or ""
    for state in home:
        if bare in _ARMED and state.name in _SILENT_STATES:
            continue
        # "South Korea's military", as the resolver names "the country's military"; else a
        # body called so by name ("South Korean Presidential Office"), not one the phrase
        # only describes (the White House is nobody's "presidential office").
        body = gazetteer.resolve(f"{state.name}'s {bare}")
        if body is None or body.kind != "organisation":
            found = (gazetteer.resolve(f"{adjective} {bare}") for adjective in state.adjectives)
            body = next((b for b in found if b is not None and bare in b.name.lower()), None)
        if body is not None and body.kind == "organisation":
            return evolve(statement, speaker=body.name, affiliation=body.affiliation or state.name)
    return evolve(statement, speaker=None, co_speakers=())


# Plural subjects that stand for two people named nearby: "the two leaders", "both
# leaders", "the pair", "the leaders of North and South Korea", "they both".
_PLURAL_PEOPLE = re.compile(
    r"(?<![\w’'-])(?:(?:the|both|two)[ ]+(?:two[ ]+)?(?:leaders|presidents|heads[ ]+of[ ]+state|men)"
    # "the leaders’ joint statement": a plural possessive counts too.
    r"|the[ ]+(?:pair|duo)|they[ ]+both|both[ ]+of[ ]+them)(?![\w-])(?![’'][\w])",
    re.IGNORECASE,
)
_THEY = re.compile(r"(?<![\w’'-])they(?![\w’'-])", re.IGNORECASE)
# Words one of which a joint subject holds (one cheap search before the patterns above).
_JOINT_HINT = re.compile(r"(?i:leaders|presidents|heads of state|two men|pair|duo|both|they)")
_JOINT_HINT_LOWER = re.compile(_JOINT_HINT.pattern.removeprefix("(?i:").removesuffix(")"))
# The characters other than A-Z that a case-insensitive pattern of ASCII letters matches
# (or that lower-case to ASCII): "İ", "ı", "ſ" and the Kelvin sign.
_FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"
# Roles of those who speak for a state at a summit.
_HEAD_WORDS = frozenset(["president", "leader", "chairman", "premier", "prime", "chancellor", "secretary"])
# How many sentences around a joint statement its two speakers are sought in.
_JOINT_BACK, _JOINT_AHEAD = 3, 2
# How far before a speaker a name joined to it by "and" may start (characters).
_APPOSITIVE_REACH = 120
# How much text before a quotation (and four times as much around it) joint speakers are sought in.
_JOINT_REACH = 300


def _joint(
    ctx: Context, piece: QuotePiece, attribution: Attribution | None, statement: Statement
) -> Statement:
    """Both speakers of a joint statement: "A and B agreed to ...", "the two leaders said"."""
    mention = attribution.mention if attribution is not None else None
    text = ctx.text
    if mention is not None and mention.kind == "person" and mention.name and attribution is not None:
        # "Moon and Kim agreed to cease “…”": a person coordinated with the speaker.
        pair = _coordinated(ctx, mention, attribution.end)
        return _spoken_by(statement, *pair) if pair is not None else statement
    if mention is not None and mention.name and mention.kind not in ("state", "pronoun"):
        return statement
    index = ctx.sentence_at(piece.open_at)
    sentence = ctx.sentences[index] if ctx.sentences else Span(0, len(text))
    lo = max(sentence.start, piece.open_at - _JOINT_REACH)
    after = piece.close_at if piece.close_at is not None else piece.end
    hinted = _joint_hinted(text, lo, piece.open_at) or _joint_hinted(
        text, after, min(sentence.end, after + _JOINT_REACH)
    )
    if not hinted and not (attribution is not None and attribution.np_text):
        return statement  # the usual case: no plural subject around the quotation
    before = text[lo : piece.open_at]
    plural = _PLURAL_PEOPLE.search(before) is not None
    if not plural and attribution is not None and attribution.np_text:
        plural = _PLURAL_PEOPLE.search(attribution.np_text) is not None
    if not plural and attribution is not None and piece.close_at is not None:
        tail_end = min(sentence.end, attribution.end + 1, piece.close_at + _JOINT_REACH)
        plural = _PLURAL_PEOPLE.search(text, piece.close_at, tail_end) is not None
    if not plural:
        # "..., they “confirmed the goal”": a bare "they" right before the quotation.
        they = list(_THEY.finditer(before))
        plural = bool(they) and len(before) - they[-1].end() <= 24 and mention is None
    if not plural:
        return statement
    pair = _nearby_pair(ctx, index)
    return _spoken_by(statement, *pair) if pair is not None else statement


def _joint_hinted(text: str, start: int, end: int) -> bool:
    """Whether `_JOINT_HINT` matches in `text[start:end]`.

    A case-insensitive pattern is tried at every position; the lower-cased window
    is searched with the plain one instead, whose first letters the regex engine
    skips to. The two agree unless the window holds a letter that matches an
    ASCII one only case-insensitively (dotted or dotless i, long s, the Kelvin sign).

    Examples:
        >>> _joint_hinted("The Two LEADERS said", 0, 20), _joint_hinted("Kim said", 0, 8)
        (True, False)
    """
    window = text[start:end]
    if any(c in window for c in _FOLDED_TO_ASCII):
        return _JOINT_HINT.search(window) is not None
    return _JOINT_HINT_LOWER.search(window.lower()) is not None


def _spoken_by(statement: Statement, first: NameMention, second: NameMention) -> Statement:
    """`statement` given to two speakers: the first as its speaker, the second beside it."""
    return evolve(
        statement,
        speaker=first.name,
        role=first.role,
        affiliation=first.affiliation,
        co_speakers=(second.name or "",),
    )


def _coordinated(ctx: Context, mention: NameMention, cue_end: int) -> tuple[NameMention, NameMention] | None:
    """`mention` and the person joined to it by "and" ("Moon and Kim said"), in text order."""
    if " and " not in ctx.text[max(0, mention.start - _APPOSITIVE_REACH) : cue_end]:
        return None  # the usual case, settled without a look at the mentions
    following = ctx.mentions_in(mention.end, cue_end)[:1]
    preceding = ctx.mentions_in(max(0, mention.start - _APPOSITIVE_REACH), mention.start)[-1:]
    after = following[0] if following else None
    before = preceding[0] if preceding else None
    for a, b in ((mention, after), (before, mention)):
        if a is None or b is None:
            continue
        if ctx.text[a.end : b.start].strip() != "and" or a.name == b.name:
            continue
        # Both attested as people (a title, the gazetteer): "Fred and Cindy Warmbier" is one
        # couple's name, "Terrorism and Financial Intelligence" part of a title.
        if all(m.kind == "person" and m.name and (m.role or m.gender) for m in (a, b)):
            return a, b
    return None


def _nearby_pair(ctx: Context, index: int) -> tuple[NameMention, NameMention] | None:
    """Two heads of state or government named around sentence `index`: a coordinated
    pair ("signed by Moon Jae-in and Kim Jong Un") first, else the two nearest."""
    if not ctx.sentences:
        return None
    here = ctx.sentences[index].start
    # Bounded in characters too, so that one endless sentence stays linear.
    lo = max(ctx.sentences[max(0, index - _JOINT_BACK)].start, here - 4 * _JOINT_REACH)
    hi = min(ctx.sentences[min(len(ctx.sentences) - 1, index + _JOINT_AHEAD)].end, here + 4 * _JOINT_REACH)
    heads = [m for m in ctx.mentions_in(lo, hi) if m.kind == "person" and m.name and _is_head(m)]
    for a, b in itertools.pairwise(heads):
        if a.name != b.name and ctx.text[a.end : b.start].strip() == "and":
            return a, b
    # The nearest distinct heads, those before the statement first.
    ordered = sorted(heads, key=lambda m: (m.start > here, abs(m.start - here)))
    names: list[NameMention] = []
    for m in ordered:
        if all(m.name != n.name for n in names):
            names.append(m)
        if len(names) == 2:
            first, second = sorted(names, key=lambda m: m.start)
            return first, second
    return None


def _is_head(m: NameMention) -> bool:
    role = (m.role or "").lower().split()
    return bool(role) and role[0] in _HEAD_WORDS and "vice" not in role and "deputy" not in role


def _attribute_safely(ctx: Context, piece: QuotePiece, para_end: int, article_id: str) -> Attribution | None:
    """Attribute one quotation; a failure costs that quotation its speaker, never the document."""
    try:
        return attribute(ctx, piece, para_end)
    except (IndexError, KeyError, ValueError, TypeError, AttributeError) as e:  # pragma: no cover - a bug
        warnings.warn(
            f"{article_id}: quotation at {piece.start} left without speaker ({e!r})",
            KoreabriefWarning,
            stacklevel=3,
        )
        return None


def _index(starts: list[int], pos: int) -> int:
    # The bisect module in C: how many starts are at or before `pos`, less one.
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _share_within_groups(pieces: list[QuotePiece], found: list[Attribution | None]) -> None:
    """The pieces of one multi-paragraph quotation share the attribution any of them has."""
    by_group: dict[int, Attribution] = {}
    for piece, attribution in zip(pieces, found, strict=True):
        if attribution is not None and piece.group not in by_group:
            by_group[piece.group] = attribution
    for i, piece in enumerate(pieces):
        if found[i] is None and piece.group in by_group:
            found[i] = by_group[piece.group]


def _statement(ctx: Context, piece: QuotePiece, attribution: Attribution | None, direct: bool) -> Statement:
    text = ctx.text
    sentence_index = ctx.sentence_at(piece.open_at)
    first = ctx.sentences[sentence_index] if ctx.sentences else Span(piece.open_at, piece.end)
    last_pos = piece.close_at if piece.close_at is not None else piece.end
    speaker = mention_text = role = affiliation = cue = via = None
    if attribution is not None:
        cue = attribution.cue
        mention = attribution.mention
        if mention is not None:
            speaker = mention.name
            mention_text = mention.text
            role = mention.role
            affiliation = mention.affiliation
            if abs(mention.start - piece.open_at) < 600:
                last_pos = max(last_pos, mention.end)
        else:
            mention_text = attribution.np_text
        if attribution.end - piece.open_at < 600:
            last_pos = max(last_pos, attribution.end)
    end_sentence = ctx.sentences[ctx.sentence_at(max(last_pos - 1, 0))] if ctx.sentences else first
    start = min(first.start, piece.open_at)
    end = max(end_sentence.end, piece.end)
    if end_sentence.start < start:
        end = max(first.end, piece.end)
    if attribution is not None and attribution.mention is not None and _personal(attribution.mention):
        # Bounded around quotation and speaker, so an endless sentence stays linear.
        lo = max(start, min(piece.open_at, attribution.mention.start) - _RELAY_REACH)
        hi = min(end, max(piece.end, attribution.mention.end) + _RELAY_REACH)
        # A relay needs a relaying word, or a second "said" after the quotation ("Kim
        # called it “…”, KCNA said"): most statements have neither, and skip the search.
        tail = piece.close_at is not None and attribution.mention.start < piece.open_at
        if _RELAY_HINT.search(text, lo, hi) is not None or (tail and text.find(" said", piece.end, hi) >= 0):
            relay = channel(ctx, attribution.mention, lo, hi)
            via = relay.name if relay is not None else None
    return Statement(
        quote=text[piece.start : piece.end],
        span=Span(piece.start, piece.end),
        speaker=speaker,
        speaker_mention=mention_text,
        role=role,
        affiliation=affiliation,
        cue=cue,
        direct=direct,
        sentence=Span(start, end),
        via=via,
    )


# "his post", "her statement", "his latest tweet": a person's own words by a possessive.
_HIS_WORDS = re.compile(
    r"(his|her)[ ]+(?:[a-z-]+[ ]+){0,2}(?:post|posts|statement|tweet|tweets|message|letter|remarks|"
    r"words|speech|comments|note|posting|account|reply|response)",
    re.IGNORECASE,
)
_GENDER_OF = {"his": "m", "her": "f"}
# How many mentions back the person a possessive stands for is sought.
_OWNER_REACH = 12


def _owner_of(ctx: Context, phrase: str, pos: int) -> NameMention | None:
    """The named person "his"/"her" of `phrase` stands for: the nearest before `pos`
    (of that gender when known), within the two sentences before."""
    found = _HIS_WORDS.fullmatch(phrase.strip())
    if found is None or not ctx.sentences:
        return None
    gender = _GENDER_OF[found.group(1).lower()]
    floor = ctx.sentences[max(0, ctx.sentence_at(pos) - 2)].start
    i = bisect.bisect_left(ctx.mention_starts, pos) - 1
    for _ in range(_OWNER_REACH):
        if i < 0 or ctx.mentions[i].start < floor:
            return None
        m = ctx.mentions[i]
        # An attested person: of that gender, or titled ("Twitter" is a person by shape only).
        attested = m.gender == gender or (m.gender is None and m.role is not None)
        if m.kind in ("person", "pronoun") and m.name and attested:
            return m
        i -= 1
    return None


def _opens_sentence(ctx: Context, piece: QuotePiece) -> bool:
    """True for a quotation opening its sentence with a capital: “We are done” and ...
    carries on the speaker before it even when the writer's words then close it."""
    if not ctx.sentences:
        return False
    sentence = ctx.sentences[ctx.sentence_at(piece.open_at)]
    first = ctx.text[piece.start : piece.start + 1]
    return not ctx.text[sentence.start : piece.open_at].strip() and first.isupper()


def _personal(mention: NameMention) -> bool:
    """True for a named speaker whose words a channel may relay: a person (or a pronoun
    or title standing for one) or a body ("KCNA cited the ruling party as saying")."""
    if not mention.name:
        return False
    if mention.kind in ("person", "organisation", "collective", "state"):
        return True
    standing_in = mention.kind in ("pronoun", "relative", "title")
    return standing_in and (mention.gender is not None or mention.role is not None)


def _carry(statement: Statement, prior: Statement) -> Statement:
    return evolve(
        statement,
        speaker=prior.speaker,
        speaker_mention=prior.speaker_mention,
        role=prior.role,
        affiliation=prior.affiliation,
        cue=prior.cue,
        via=prior.via,
        co_speakers=prior.co_speakers,
    )


def _is_direct(ctx: Context, piece: QuotePiece, attribution: Attribution | None) -> bool:
    """True when the quotation holds at least one whole sentence of the speaker's."""
    text = ctx.text
    quote = text[piece.start : piece.end]
    if attribution is not None and attribution.mention is None and attribution.cue:
        cue = attribution.cue.lower()
        if cue in ctx.lex.label_nouns or cue in ctx.lex.work_nouns:
            return False
    if attribution is not None and attribution.cue and ctx.lex.cue_kind(attribution.cue) == "naming":
        return False  # what someone calls something is a name, never a whole sentence of theirs
    before = text[max(0, piece.open_at - 24) : piece.open_at].rstrip(" ").rsplit(None, 1)
    if before and ctx.lex.cue_kind(before[-1]) == "naming":
        return False  # "a unit called “Bureau 9”" inside someone's reported speech: a name
    body = quote.strip().lstrip("…. ")
    if not body:
        return False
    # Most quotations hold no stop before their end: one sentence, no split needed.
    if len(quote) < 20_000 and _INNER_STOP.search(quote) is not None:
        inner = sentence_spans(quote)
        if len(inner) > 1 and _sentence_like(quote[inner[-1].start : inner[-1].end]):
            return True
    sentence = ctx.sentences[ctx.sentence_at(piece.open_at)] if ctx.sentences else Span(0, 0)
    pre = text[max(sentence.start, piece.open_at - 300) : piece.open_at].rstrip()
    # After a stop the sentence splitter kept ("at 7:10 a.m. “Our military ...”"), a new sentence.
    starts_clause = not pre or pre.endswith((":", ",", ".", "!", "?")) or _ends_with_cue(ctx, pre)
    if piece.close_at is None or pre.endswith("\n"):
        starts_clause = True
    if not starts_clause:
        return False
    first = body[0]
    # “We will talk,” he said, “but not now.”: the second half of a split quotation.
    resumed = pre.endswith(",") and pre.lstrip()[:1] in "“\"«‘'"
    # “… and we will respond,” she said: a sentence the writer shortened at the front.
    elided = not pre and quote.lstrip()[:1] in "…."
    if not (first.isupper() or first.isdigit() or pre.endswith(":") or resumed or elided):
        return False
    if body[-1] in ".,!?…\u2014-":
        return True
    after = text[piece.close_at + 1 : piece.close_at + 3] if piece.close_at is not None else ""
    if pre.endswith(":") and piece.close_at is not None and after[:1] in ("", "\n"):
        # Kim Yo Jong: “Seoul will pay dearly” (a headline): all that follows the colon.
        return True
    return attribution is not None and attribution.mention is not None and after[:1] in (",", " ")


def _sentence_like(part: str) -> bool:
    words = part.split()
    return len(words) >= 2 and part.lstrip("“‘\"'(")[:1].isupper()


def _ends_with_cue(ctx: Context, pre: str) -> bool:
    words = pre.rsplit(None, 1)
    return bool(words) and ctx.lex.cue_kind(words[-1]) is not None
