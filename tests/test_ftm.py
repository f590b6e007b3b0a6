"""FollowTheMoney export: entities made and validated by the followthemoney library."""

from __future__ import annotations

import builtins
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb

ftm = pytest.importorskip("followthemoney")

TEXT = (
    "The Treasury on Monday sanctioned the banker Kim Chol Su, Hanbit Trading Co. and the tanker "
    "Ocean Star (also known as Sea Pearl) for shipping coal to North Korea. "
    "The EU also sanctioned Kim Chol Su. Pyongyang's launch violated resolution 2397."
)


def _facts(text: str = TEXT, url: str | None = "https://example.com/a") -> kb.Facts:
    article = kb.Article(
        id="a", raw=text, text=text, url=url, outlet="Example", published=dt.date(2025, 3, 4)
    )
    return kb.extract(article)


class TestEntities:
    """What `to_ftm` makes of the sanctions of one article."""

    def test_schemas_and_properties(self) -> None:
        """Targets get the schema of their kind; each Sanction points to its target with FtM's names."""
        entities = kb.to_ftm(_facts())
        by_id = {e["id"]: e for e in entities}
        measures = [e for e in entities if e["schema"] == "Sanction"]
        targets = {
            by_id[m["properties"]["entity"][0]]["properties"]["name"][0]: by_id[m["properties"]["entity"][0]]
            for m in measures
        }
        assert targets["Kim Chol Su"]["schema"] == "Person"
        assert targets["Hanbit Trading Co."]["schema"] == "Company"
        assert targets["Ocean Star"]["schema"] == "Vessel"
        assert targets["Ocean Star"]["properties"]["alias"] == ["Sea Pearl"]
        assert targets["North Korea"]["schema"] == "LegalEntity"
        first = next(m for m in measures if m["properties"]["entity"] == [targets["Kim Chol Su"]["id"]])
        assert first["properties"]["authority"] == ["United States"]
        assert first["properties"]["startDate"] == ["2025-03-03"]
        assert first["properties"]["sourceUrl"] == ["https://example.com/a"]
        assert first["properties"]["reason"] == ["shipping coal to North Korea"]
        violated = next(m for m in measures if m["properties"]["status"] == ["violated"])
        assert violated["properties"]["unscId"] == ["2397"]

    def test_one_target_entity_per_target(self) -> None:
        """A target sanctioned by two authorities is one entity with two Sanctions."""
        entities = kb.to_ftm(_facts())
        people = [e for e in entities if e["schema"] == "Person"]
        assert len(people) == 1
        pointing = [
            e
            for e in entities
            if e["schema"] == "Sanction" and e["properties"]["entity"] == [people[0]["id"]]
        ]
        assert {m["properties"]["authority"][0] for m in pointing} == {"United States", "European Union"}

    def test_targets_come_before_their_sanctions(self) -> None:
        """Every Sanction's entity is an id given earlier in the list."""
        seen: set[str] = set()
        for e in kb.to_ftm(_facts()):
            if e["schema"] == "Sanction":
                assert e["properties"]["entity"][0] in seen
            seen.add(e["id"])

    def test_valid_by_the_library(self) -> None:
        """Each entity is valid by FtM's own schema and loads back as a proxy."""
        from followthemoney import model

        for e in kb.to_ftm(_facts()):
            assert model.get(e["schema"]).validate(e) is None
            assert model.get_proxy(e).id == e["id"]

    def test_groups_are_left_out(self) -> None:
        """A group phrase with no name is no FtM entity."""
        assert kb.to_ftm(_facts("The Treasury sanctioned three individuals on Monday.")) == []

    def test_brief_and_iterables(self) -> None:
        """A Brief and an iterable of Facts export like Facts; the same entity is given once."""
        facts = _facts()
        assert kb.to_ftm([facts, facts]) == kb.to_ftm(facts)
        brief = kb.Brief(sanctions=facts.sanctions)
        assert [e["schema"] for e in kb.to_ftm(brief)] == [e["schema"] for e in kb.to_ftm(facts)]

    def test_json_lines(self) -> None:
        """`to_ftm_jsonl` gives one JSON entity a line."""
        lines = kb.to_ftm_jsonl(_facts()).splitlines()
        assert [json.loads(line) for line in lines] == [
            json.loads(json.dumps(e, sort_keys=True)) for e in kb.to_ftm(_facts())
        ]


class TestIds:
    """Deterministic ids."""

    @given(st.sampled_from(["Kim Chol Su", "Hanbit Trading Co.", "Ri Il Nam"]), st.sampled_from(["a", "b"]))
    def test_same_target_same_id(self, name: str, url: str) -> None:
        """The same target gets the same id in any article; its Sanction id depends on the article."""
        one = kb.to_ftm(_facts(f"The Treasury sanctioned {name}.", url=f"https://example.com/{url}"))
        two = kb.to_ftm(_facts(f"Washington blacklisted {name} on Friday.", url="https://example.com/z"))
        assert one[0]["id"] == two[0]["id"]
        assert (one[1]["id"] == two[1]["id"]) == (url == "z")


class TestErrors:
    """Bad input and a missing extra."""

    def test_not_facts(self) -> None:
        """Anything but Facts, a Brief or Facts in an iterable is an ArgumentError."""
        with pytest.raises(kb.ArgumentError):
            kb.to_ftm("The Treasury sanctioned Kim.")  # type: ignore[arg-type]
        with pytest.raises(kb.ArgumentError):
            kb.to_ftm([1, 2])  # type: ignore[list-item]

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without followthemoney installed, a MissingExtraError names the extra."""
        real_import = builtins.__import__

        def no_ftm(name: str, *args: Any, **kwargs: Any) -> Any:
            if name == "followthemoney" or name.startswith("followthemoney."):
                raise ImportError(name)
            return real_import(name, *args, **kwargs)

        monkeypatch.setattr(builtins, "__import__", no_ftm)
        with pytest.raises(kb.MissingExtraError, match=r"koreabrief\[ftm\]"):
            kb.to_ftm(_facts())
