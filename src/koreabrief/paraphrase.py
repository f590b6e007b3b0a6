"""Paraphrased quotations: one article's own sentence restating the other's quotation.

A rewrite often drops the quotation marks (a quoted "we stand firmly with our
allies" becomes "he said Washington stood firmly with its allies"). Such a
sentence shares most of the quotation's content words; it is reported as a
``paraphrase`` agreement, never as a statement.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable
from importlib import resources

from koreabrief.extraction.sentences import sentence_spans
from koreabrief.models import Alignment, Facts, FactValue, Verdict
from koreabrief.quotematch import normalise_quote
from koreabrief.similarity import words

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["paraphrases"]


@functools.cache
def _settings() -> tuple[frozenset[str], int, float]:
    text = resources.files("koreabrief").joinpath("data/compare.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)["paraphrase"]
    return frozenset(data["stopwords"]), int(data["min_words"]), float(data["min_share"])


def _content(text: str, stop: frozenset[str]) -> set[str]:
    return {w.removesuffix("'s") for w in words(text) if w not in stop and len(w) > 2}


def paraphrases(writer: Facts, quoter: Facts, *, skip: Iterable[int] = ()) -> list[Alignment]:
    """Sentences of `writer` that restate a quotation of `quoter` without quoting it.

    Args:
        writer: The article whose own sentences are searched.
        quoter: The article whose quotations are looked for.
        skip: Indexes of `quoter`'s statements already matched as shared quotations.

    Returns:
        One ``paraphrase`` agreement per quotation, values in (writer, quoter) order.

    Examples:
        >>> from koreabrief.models import Article, Span, Statement
        >>> q = "We remain fully committed to the principles agreed at the summit,"
        >>> quoter = Facts(article=Article(id="b", raw="", text=q),
        ...                statements=(Statement(quote=q, span=Span(0, len(q)), speaker="Jane Roe"),))
        >>> t = "Officials said they stayed committed to the summit principles they agreed."
        >>> [a.kind for a in paraphrases(Facts(article=Article(id="a", raw="", text=t)), quoter)]
        ['paraphrase']
    """
    stop, min_words, min_share = _settings()
    skipped = set(skip)
    text = writer.article.text
    sentences = [sp.slice(text) for sp in sentence_spans(text)]
    own = [normalise_quote(s.quote) for s in writer.statements]
    out = []
    for k, st in enumerate(quoter.statements):
        if k in skipped:
            continue
        wanted = _content(st.quote, stop)
        if len(wanted) < min_words:
            continue
        best: tuple[float, int, str] | None = None
        for sentence in sentences:
            flat = normalise_quote(sentence)
            # A sentence carrying a quotation of its own is a statement, not a paraphrase.
            if any(q and q in flat for q in own):
                continue
            common = len(wanted & _content(sentence, stop))
            share = common / len(wanted)
            if common >= min_words and share >= min_share and (best is None or share > best[0]):
                best = (share, common, sentence)
        if best is not None:
            who = st.speaker or "unattributed"
            out.append(
                Alignment(
                    fact=f"statement.{who}.paraphrase",
                    kind="paraphrase",
                    verdict=Verdict.AGREE,
                    values=(
                        FactValue(writer.article.id, " ".join(best[2].split()), None, writer.article.outlet),
                        FactValue(quoter.article.id, st.quote, st.speaker, quoter.article.outlet),
                    ),
                    note=f"restates the quotation without quotation marks ({best[1]} content words shared)",
                )
            )
    return out
