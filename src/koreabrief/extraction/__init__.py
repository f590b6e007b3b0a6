"""Extraction: statements, events and sanctions from a clean Article."""

from __future__ import annotations

from koreabrief.arguments import require_article
from koreabrief.errors import ArgumentError
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.events import events_in_context, extract_events
from koreabrief.extraction.sanctions import extract_sanctions, sanctions_in_context
from koreabrief.extraction.statements import extract_statements, statements_in_context
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Article, Facts

__all__ = ["as_facts", "extract", "extract_events", "extract_sanctions", "extract_statements"]

_FACTS_HINT = "get them with kb.extract(article)"


def extract(article: Article, /, *, gazetteer: Gazetteer | None = None) -> Facts:
    """Statements, events and sanctions of one article.

    Args:
        article: A clean article (from [`clean`][koreabrief.clean] or [`load`][koreabrief.load]).
        gazetteer: The entities to resolve names with; the shipped one by default.

    Returns:
        The article's facts; every span indexes `article.text`.

    Examples:
        >>> import koreabrief as kb
        >>> kb.extract(kb.clean("Seoul said.")).article.text
        'Seoul said.'
    """
    # One context: sentences, gazetteer hits and names are found once for all three.
    require_article(article, "extract")
    ctx = ArticleContext(article.text, gazetteer or Gazetteer.default())
    events, event_warnings = events_in_context(article, ctx)
    sanctions, sanction_warnings = sanctions_in_context(article, ctx)
    return Facts(
        article=article,
        statements=statements_in_context(article, ctx),
        events=events,
        sanctions=sanctions,
        warnings=(*event_warnings, *sanction_warnings),
    )


def as_facts(value: object, where: str, gazetteer: Gazetteer | None = None) -> Facts:
    """`value` when it is Facts, its extracted facts when it is an Article, else an `ArgumentError`.

    Examples:
        >>> as_facts(Article(id="a", raw="", text="Seoul said."), "compare").article.id
        'a'
    """
    if isinstance(value, Facts):
        return value
    if isinstance(value, Article):
        return extract(value, gazetteer=gazetteer)
    raise ArgumentError(f"{where}() expects Facts or an Article, got {type(value).__name__}: {_FACTS_HINT}")
