"""Gold test: the cleaner against the hand annotations of the five seeds (tests/gold/seeds.jsonl)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from koreabrief.cleaning import clean
from koreabrief.models import Article

ROOT = Path(__file__).resolve().parents[1]
GOLD = [
    json.loads(line) for line in (ROOT / "tests" / "gold" / "seeds.jsonl").read_text("utf-8").splitlines()
]
IDS = [g["id"] for g in GOLD]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cleaned(gold: dict[str, Any]) -> Article:
    raw = (ROOT / "seeds" / f"{gold['id']}.txt").read_text("utf-8")
    return clean(raw, id=gold["id"])


def _kind_ok(got: str, want: str) -> bool:
    # The gold's "other" for a repeated headline is the library's duplicate_title.
    return got == want or (want == "other" and got == "duplicate_title")


class TestGoldSeeds:
    @pytest.mark.parametrize("gold", GOLD, ids=IDS)
    def test_body_paragraphs_exact(self, gold: dict[str, Any]) -> None:
        """Every body paragraph is exactly the gold's, after whitespace normalisation."""
        assert [_norm(p) for p in _cleaned(gold).paragraphs] == [_norm(p) for p in gold["body"]]

    @pytest.mark.parametrize("gold", GOLD, ids=IDS)
    def test_title_and_metadata(self, gold: dict[str, Any]) -> None:
        """Title, author, dateline and original source are exactly the gold's."""
        a = _cleaned(gold)
        meta = gold["metadata"]
        assert (a.title, a.author, a.dateline, a.original_source) == (
            gold["title"], meta["author"], meta["dateline"], meta["original_source"],
        )  # fmt: skip

    @pytest.mark.parametrize("gold", GOLD, ids=IDS)
    def test_every_boilerplate_line_removed(self, gold: dict[str, Any]) -> None:
        """Every gold boilerplate line is removed, and nothing else is."""
        removed = sorted(_norm(r.text) for r in _cleaned(gold).removed)
        assert removed == sorted(_norm(b["text"]) for b in gold["boilerplate"])

    def test_kinds(self) -> None:
        """At least 90% of boilerplate lines get the gold's kind (all of them, today)."""
        right = total = 0
        for gold in GOLD:
            kinds = {_norm(r.text): r.kind.value for r in _cleaned(gold).removed}
            for b in gold["boilerplate"]:
                total += 1
                right += _kind_ok(kinds.get(_norm(b["text"]), ""), b["kind"])
        assert right / total >= 0.9
        assert right == total
