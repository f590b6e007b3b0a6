"""Per-article work shared by the extractors within one `extract` call.

Statements, events and sanctions all need the article's sentence spans, its
gazetteer mentions and (events and sanctions) its actor names. An
`ArticleContext` computes each of these once, lazily, and hands the same
result to every extractor. It lives only for one call: it is never stored in
a module global, so extraction stays a pure function of the article and the
gazetteer, and nothing here needs to be picklable.
"""

from __future__ import annotations

from koreabrief.extraction.actors import ActorMention, find_names
from koreabrief.extraction.sentences import paragraph_spans, sentence_spans
from koreabrief.extraction.text import TextLayer
from koreabrief.extraction.triggers import ASCII_LOWER, EventLexicon
from koreabrief.gazetteer import Gazetteer, Mention
from koreabrief.models import Span

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

    __slots__ = ("_hits", "_layer", "_lowered", "_names", "_paragraphs", "_sentences", "gazetteer", "text")

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self._sentences: list[Span] | None = None
        self._paragraphs: list[Span] | None = None
        self._lowered: str | None = None
        self._hits: list[Mention] | None = None
        self._layer: TextLayer | None = None
        self._names: dict[int, list[ActorMention]] = {}

    @property
    def sentences(self) -> list[Span]:
        """The sentence spans of the text."""
        if self._sentences is None:
            self._sentences = sentence_spans(self.text, self.paragraphs)
        return self._sentences

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

    def actor_names(self, lex: EventLexicon) -> list[ActorMention]:
        """The actor names events and sanctions read (`find_names` with the lexicon's titles)."""
        names = self._names.get(id(lex))
        if names is None:
            names = self._names[id(lex)] = find_names(
                self.text,
                self.gazetteer,
                lex.words("actors", "titles"),
                lex.contextual(),
                hits=self.gazetteer_hits,
            )
        return names
