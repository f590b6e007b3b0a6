"""The gold annotations agree with the seed files they annotate."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_PATH = ROOT / "tests" / "gold" / "seeds.jsonl"
GOLD = [json.loads(line) for line in GOLD_PATH.read_text("utf-8").splitlines()]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class TestGoldMatchesSeeds:
    def test_one_gold_record_per_seed(self) -> None:
        """Every seed file has exactly one gold record and vice versa."""
        assert sorted(g["id"] for g in GOLD) == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))

    @pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["id"][:3])
    def test_title_and_body_occur_in_raw(self, gold: dict[str, Any]) -> None:
        """Every gold title and body paragraph occurs in the raw seed once hard wraps are joined."""
        raw = _squash((ROOT / "seeds" / f"{gold['id']}.txt").read_text("utf-8"))
        for paragraph in [gold["title"] or "", *gold["body"]]:
            assert _squash(paragraph) in raw

    @pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["id"][:3])
    def test_boilerplate_occurs_in_raw(self, gold: dict[str, Any]) -> None:
        """Every gold boilerplate line occurs in the raw seed."""
        raw = (ROOT / "seeds" / f"{gold['id']}.txt").read_text("utf-8")
        for line in gold["boilerplate"]:
            assert line["text"] in raw

    @pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["id"][:3])
    def test_statements_occur_in_body(self, gold: dict[str, Any]) -> None:
        """Every gold quotation occurs in the gold body."""
        body = "\n\n".join(gold["body"])
        for st in gold["statements"]:
            assert st["quote"] in body

    def test_seed_copies_unchanged(self) -> None:
        """seeds/ holds the shared seed files byte for byte (when shared/ is beside the checkout)."""
        shared = ROOT.parent / "shared" / "seeds"
        if not shared.is_dir():
            pytest.skip("shared/ is not beside this checkout")
        for path in shared.glob("*.txt"):
            assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes()
