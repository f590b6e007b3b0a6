"""Per-article work shared by the extractors within one `extract` call.

Statements, events and sanctions all need the article's sentence spans, its
gazetteer mentions and its names. Names come from one stage: `find_mentions`
with its `Resolver` (titles from data/titles.toml), run once per article;
statements read its mentions, events and sanctions an `ActorMention` view of
them. An `ArticleContext` computes each of these once, lazily, and hands the
same result to every extractor. It lives only for one call: it is never stored in
a module global, so extraction stays a pure function of the article and the
gazetteer, and nothing here needs to be picklable.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from koreabrief.extraction.actors import ActorMention, find_names, titled_names
from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.quotes import QuotePiece, find_quotes
from koreabrief.extraction.sentences import paragraph_spans, sentence_spans
from koreabrief.extraction.text import TextLayer
from koreabrief.extraction.triggers import ASCII_LOWER, EventLexicon
from koreabrief.gazetteer import Gazetteer, Mention
from koreabrief.models import Span

if TYPE_CHECKING:
    from koreabrief.extraction.mentions import NameMention

__all__ = ["ArticleContext", "ascii_lower"]


def ascii_lower(text: str) -> str:
    """`text` lower-cased without changing its length, so that offsets still hold.

    `str.lower` is many times faster than a translation table; it is used
    unless some character lower-cases to several (as "İ" does).

    Examples:
        >>> ascii_lower("North Korea FIRED"), len(ascii_lower("İx")) == 2
        ('north korea fired', True)
    """
    low = text.lower()
    return low if len(low) == len(text) else text.translate(ASCII_LOWER)


class ArticleContext:
    """Lazily computed, shared analyses of one article text.

    Examples:
        >>> ctx = ArticleContext("Seoul said. Pyongyang fired.", Gazetteer.default())
        >>> len(ctx.sentences), [m.entity.name for m in ctx.gazetteer_hits]
        (2, ['South Korea', 'North Korea'])
    """

    __slots__ = (
        "_first_sentences",
        "_hits",
        "_layer",
        "_lowered",
        "_mentions",
        "_names",
        "_paragraphs",
        "_quotes",
        "_sentences",
        "gazetteer",
        "text",
    )

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self._sentences: list[Span] | None = None
        # The sentences of the first paragraphs only (how many, and their spans): `sentences_until`.
        self._first_sentences: tuple[int, list[Span]] | None = None
        self._paragraphs: list[Span] | None = None
        self._lowered: str | None = None
        self._hits: list[Mention] | None = None
        self._layer: TextLayer | None = None
        self._names: dict[int, list[ActorMention]] = {}
        self._quotes: list[QuotePiece] | None = None
        self._mentions: list[NameMention] | None = None

    @property
    def sentences(self) -> list[Span]:
        """The sentence spans of the text."""
        if self._sentences is None:
            self._sentences = sentence_spans(self.text, self.paragraphs)
        return self._sentences

    def sentences_until(self, end: int) -> list[Span]:
        """The sentences ending by `end`; when `sentences` has not run, only the
        paragraphs starting before `end` and the one after are split (kept apart from
        `sentences`, for the name stage's cut; all of them make `sentences` itself).

        Sentences never cross a paragraph break, so these are the first ones of `sentences`.

        Examples:
            >>> ctx = ArticleContext("One. Two.\\n\\nThree.\\n\\nFour.", Gazetteer.default())
            >>> [s.slice(ctx.text) for s in ctx.sentences_until(9)], ctx._sentences is None
            (['One.', 'Two.'], True)
        """
        spans = self._sentences
        if spans is None:
            paras = self.paragraphs
            need = bisect.bisect_left([p.start for p in paras], end)
            # One paragraph more than `end` needs is split: the name stage reads into it (`_stage_cut`).
            count = min(len(paras), need + 1)
            if self._first_sentences is not None and self._first_sentences[0] >= need:
                spans = self._first_sentences[1]
            elif count == len(paras):
                spans = self.sentences  # every paragraph is needed: split once, for all
            else:
                spans = sentence_spans(self.text, paras[:count])
                self._first_sentences = (count, spans)
        return [s for s in spans if s.end <= end]

    @property
    def paragraphs(self) -> list[Span]:
        """The paragraph spans of the text."""
        if self._paragraphs is None:
            self._paragraphs = paragraph_spans(self.text)
        return self._paragraphs

    @property
    def lowered(self) -> str:
        """The text lower-cased, same length (see `ascii_lower`)."""
        if self._lowered is None:
            self._lowered = ascii_lower(self.text)
        return self._lowered

    @property
    def text_layer(self) -> TextLayer:
        """The words and clause breaks of each sentence, shared by every rule (see `TextLayer`)."""
        if self._layer is None:
            self._layer = TextLayer(self.text)
        return self._layer

    @property
    def gazetteer_hits(self) -> list[Mention]:
        """`Gazetteer.find` over the whole text."""
        if self._hits is None:
            self._hits = self.gazetteer.find(self.text)
        return self._hits

    @property
    def quotes(self) -> list[QuotePiece]:
        """The quotation pieces of the text (`find_quotes` over its paragraphs)."""
        if self._quotes is None:
            self._quotes = find_quotes(self.text, self.paragraphs)
        return self._quotes

    @property
    def name_mentions(self) -> list[NameMention]:
        """The article's name stage: every person, body, state and pronoun mention, resolved.

        `find_mentions` over the whole text with the shipped `Lexicon` (one list of
        titles), quotations marked; statements read these, and `actor_names` is a
        view of them, so the stage runs once per article.

        Examples:
            >>> ctx = ArticleContext("Foreign Minister Park Jin left. Park said so.", Gazetteer.default())
            >>> [(m.text, m.name) for m in ctx.name_mentions]
            [('Foreign Minister Park Jin', 'Park Jin'), ('Park', 'Park Jin')]
        """
        if self._mentions is None:
            # Imported on first use: names.py imports `ascii_lower` from this module.
            from koreabrief.extraction.names import find_mentions  # noqa: PLC0415

            self._mentions = find_mentions(
                self.text,
                self.gazetteer,
                lexicon=Lexicon.default(),
                sentences=self.sentences,
                quoted=[Span(p.start, p.end) for p in self.quotes],
                hits=self.gazetteer_hits,
            )
        return self._mentions

    def name_mentions_until(self, limit: int) -> list[NameMention]:
        """The mentions of `name_mentions` that end by `limit`, the stage run no further than needed.

        When the whole stage has run (another extractor asked for it) this is a
        filter of it; else the stage runs over the text up to the paragraph after
        `limit` only and is not kept (statements alone need nothing later).

        Examples:
            >>> ctx = ArticleContext("Park Jin left.\\n\\nKim Jong Un came.", Gazetteer.default())
            >>> [m.text for m in ctx.name_mentions_until(14)], ctx._mentions is None
            (['Park Jin'], True)
        """
        if self._mentions is None:
            cut = self._stage_cut(limit)
            if cut < len(self.text):
                # Imported on first use: names.py imports `ascii_lower` from this module.
                from koreabrief.extraction.names import find_mentions  # noqa: PLC0415

                text = self.text[:cut]
                # The gazetteer's scan runs left to right: its hits up to `cut` are those of the
                # whole text save any running over `cut` (which `limit` drops all the same).
                hits = self._hits if self._hits is not None else self.gazetteer.find(text)
                found = find_mentions(
                    text,
                    self.gazetteer,
                    lexicon=Lexicon.default(),
                    sentences=self.sentences_until(cut),
                    quoted=[Span(p.start, p.end) for p in self.quotes if p.end <= cut],
                    hits=[h for h in hits if h.end <= cut],
                )
                return [m for m in found if m.end <= limit]
        return [m for m in self.name_mentions if m.end <= limit]

    def _stage_cut(self, limit: int) -> int:
        """Where a name stage for mentions ending by `limit` (a paragraph's end) may stop.

        Two characters into the next paragraph: the stage's look-aheads past a
        name (`\\s*` then a mark, as in "-[ ]") see there what they see in the
        whole text, and nothing found beyond `limit` changes a mention before it
        (resolution reads only what came before).
        """
        for para in self.paragraphs:
            if para.start >= limit:
                return min(len(self.text), para.start + 2)
        return len(self.text)

    def actor_names(self, lex: EventLexicon) -> list[ActorMention]:
        """The actor names events and sanctions read: a view of `name_mentions`.

        The gazetteer's names and the names the name stage found after a title,
        with surnames and the lexicon's short forms ("the North") resolved as
        `find_names` does.

        Examples:
            >>> ctx = ArticleContext("Envoy Jane Roe met Kim Jong Un.", Gazetteer.default())
            >>> [(n.text, n.kind) for n in ctx.actor_names(EventLexicon.default())]
            [('Jane Roe', 'person'), ('Kim Jong Un', 'person')]
        """
        names = self._names.get(id(lex))
        if names is None:
            names = self._names[id(lex)] = find_names(
                self.text,
                self.gazetteer,
                titled_names(self.name_mentions, Lexicon.default().title_heads()),
                lex.contextual(),
                hits=self.gazetteer_hits,
                stage=self.name_mentions,
                not_names=Lexicon.default().not_names,
            )
        return names
