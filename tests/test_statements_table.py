"""The attribution table: every quotation and speaker pattern, one short case each.

Cases live in tests/fixtures/statements/cases.toml (sentences written for these
tests); they run against a small fixed gazetteer so that they pin the extractor,
not the shipped data, except cases marked ``gazetteer = "shipped"``, which pin
real names and their spellings against the gazetteer koreabrief ships.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIXTURES = Path(__file__).parent / "fixtures" / "statements"
CASES: list[dict[str, Any]] = tomllib.loads((FIXTURES / "cases.toml").read_text("utf-8"))["case"]
GAZETTEER = kb.Gazetteer.from_toml(FIXTURES / "gazetteer.toml")


def _gazetteer(extra: list[str], which: str = "fixture") -> kb.Gazetteer:
    if which == "shipped":
        return kb.Gazetteer.default()
    people = []
    for item in extra:
        name, _, gender = item.partition(":")
        people.append(kb.Entity(name=name, kind="person", gender=gender or None))
    return GAZETTEER.extend(people) if people else GAZETTEER


def _observed(case: dict[str, Any]) -> list[list[Any]]:
    article = kb.Article(id=case["id"], raw=case["text"], text=case["text"])
    gazetteer = _gazetteer(case.get("extra", []), case.get("gazetteer", "fixture"))
    found = extract_statements(article, gazetteer=gazetteer)
    for s in found:
        assert article.text[s.span.start : s.span.end] == s.quote
    return [[s.quote, s.speaker or "", s.cue or "", s.direct] for s in found]


class TestTable:
    def test_table_is_large_enough(self) -> None:
        """The table holds at least 60 cases with unique ids."""
        ids = [c["id"] for c in CASES]
        assert len(ids) >= 60
        assert len(set(ids)) == len(ids)

    def test_gazetteer_choices_are_known(self) -> None:
        """Each case runs against the fixed fixture gazetteer or the shipped one."""
        assert {c.get("gazetteer", "fixture") for c in CASES} <= {"fixture", "shipped"}

    @pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
    def test_case(self, case: dict[str, Any]) -> None:
        """Each case yields exactly its expected quotations, speakers, cues and directness."""
        assert _observed(case) == case["expect"]
