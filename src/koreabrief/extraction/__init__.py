"""Extraction: statements, events and sanctions from a clean Article."""

from __future__ import annotations

from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.events import events_in_context, extract_events
from koreabrief.extraction.sanctions import extract_sanctions, sanctions_in_context
from koreabrief.extraction.statements import extract_statements, statements_in_context
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Article, Facts

__all__ = ["extract", "extract_events", "extract_sanctions", "extract_statements"]


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
