"""Statements against the seed gold (tests/gold/seeds.jsonl), with the shipped gazetteer.

Matching normalises whitespace and quotation marks; the figures are printed so
that `pytest -s` shows them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements

GOLD = Path(__file__).resolve().parent / "gold" / "seeds.jsonl"
_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


def _norm(text: str | None) -> str:
    return " ".join((text or "").translate(_MARKS).split())


def _records() -> list[dict[str, Any]]:
    with GOLD.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _article(g: dict[str, Any]) -> kb.Article:
    text = "\n\n".join(g["body"])
    published = dt.date.fromisoformat(g["published"]) if g["published"] else None
    return kb.Article(id=g["id"], raw=text, text=text, published=published)


def _scores() -> dict[str, float]:
    gold_n = found_n = matched = speaker = cue = direct = 0
    for g in _records():
        got = {_norm(s.quote): s for s in extract_statements(_article(g))}
        gold = {_norm(s["quote"]): s for s in g["statements"]}
        gold_n += len(gold)
        found_n += len(got)
        for key, want in gold.items():
            s = got.get(key)
            if s is None:
                continue
            matched += 1
            speaker += s.speaker == want["speaker"]
            cue += s.cue == want["cue"]
            direct += s.direct == want["direct"]
    return {
        "recall": matched / gold_n,
        "precision": matched / found_n if found_n else 1.0,
        "speaker": speaker / matched,
        "cue": cue / matched,
        "direct": direct / matched,
    }


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    result = _scores()
    print("gold statements:", {k: round(v, 3) for k, v in result.items()})
    return result


class TestGoldStatements:
    def test_recall(self, scores: dict[str, float]) -> None:
        """Every gold quotation is found."""
        assert scores["recall"] == 1.0

    def test_precision(self, scores: dict[str, float]) -> None:
        """Nothing but the gold quotations is found."""
        assert scores["precision"] == 1.0

    def test_speakers(self, scores: dict[str, float]) -> None:
        """Every found gold quotation has the gold speaker (full names, offices, None for slogans)."""
        assert scores["speaker"] == 1.0

    def test_cues(self, scores: dict[str, float]) -> None:
        """Every found gold quotation has the gold cue word as written."""
        assert scores["cue"] == 1.0

    def test_direct(self, scores: dict[str, float]) -> None:
        """Directness matches the gold: whole sentences direct, fragments not."""
        assert scores["direct"] == 1.0

    @pytest.mark.parametrize("record", _records(), ids=lambda g: g["id"][:3])
    def test_spans_index_text(self, record: dict[str, Any]) -> None:
        """Each statement's span is its quotation, and its sentence span holds it."""
        article = _article(record)
        for s in extract_statements(article):
            assert article.text[s.span.start : s.span.end] == s.quote
            assert s.sentence is not None
            assert s.sentence.start <= s.span.start <= s.span.end <= s.sentence.end
