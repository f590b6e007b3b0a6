"""Sanctions in the many forms news copy reports them: lists, passives, nominals, sanctioners, statuses.

The passages of ``fixtures/sanctions/forms.jsonl`` are written for these tests (see its
README); ``benchmarks/sanction_forms.py`` gives recall, precision and status agreement over
them. Each passage must yield exactly its named targets, each with its status.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.sanction_merge import entity_key

FORMS = Path(__file__).parent / "fixtures" / "sanctions" / "forms.jsonl"


def _cases() -> list[dict[str, Any]]:
    with FORMS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _sanctions(text: str, *, raw: bool = False) -> list[kb.Sanction]:
    if raw:
        article = kb.article(text, id="f", published=dt.date(2025, 3, 7))
    else:
        article = kb.Article(id="f", raw=text, text=text, published=dt.date(2025, 3, 7))
    return list(kb.extract_sanctions(article))


def test_forms_are_broad() -> None:
    """Forty passages or more, with negatives, every status and several sanctioners."""
    cases = _cases()
    assert len(cases) >= 40
    statuses = {e["status"] for c in cases for e in c["expect"]}
    assert statuses >= {"in_force", "lifted", "threatened", "proposed", "violated"}
    assert sum(1 for c in cases if not c["expect"]) >= 3


def _marked(case: dict[str, Any]) -> Any:
    """The case, expected to fail when the fixture names it a known miss (and why)."""
    if "known_miss" in case:
        return pytest.param(case, marks=pytest.mark.xfail(reason=case["known_miss"], strict=True))
    return case


@pytest.mark.parametrize(
    "case", [_marked(c) for c in _cases()], ids=lambda c: f"{c['form']}: {c['text'][:40]}"
)
def test_form(case: dict[str, Any]) -> None:
    """The passage's named targets, exactly, each with its status (group phrases left out)."""
    got = _sanctions(case["text"], raw=bool(case.get("raw")))
    named = {(entity_key(s.entity), s.status.value) for s in got if s.entity_kind != "group"}
    want = {(entity_key(e["entity"]), e["status"]) for e in case["expect"] if not e.get("group")}
    assert named == want


_SURNAMES = ["Kim", "Ri", "Pak", "Choe", "Jon", "So", "Han", "Kang", "Yun", "O"]
_SYLLABLES = ["Chol", "Song", "Il", "Nam", "Kwang", "Myong", "Hyok", "Su", "Jin", "Ho", "Yong", "Chun"]
_names = st.tuples(st.sampled_from(_SURNAMES), st.sampled_from(_SYLLABLES), st.sampled_from(_SYLLABLES)).map(
    " ".join
)
_firms = st.tuples(
    st.sampled_from(["Sunrise", "Blue Harbor", "Amur", "Jade River", "Polar Star", "Hanbit"]),
    st.sampled_from(
        ["Trading Co.", "Shipping LLC", "Logistics Ltd", "Maritime Co., Ltd.", "Freight Corporation"]
    ),
).map(" ".join)


class TestPassiveLists:
    """Targets named before a passive cue, in a list, as any name or firm."""

    @given(_names, _names)
    def test_two_people_banned_from_entering(self, a: str, b: str) -> None:
        """ "A and B were banned from entering the bloc": both listed (a travel ban)."""
        if entity_key(a) == entity_key(b):
            return
        got = _sanctions(f"Two officials, {a} and {b}, were banned from entering the bloc.")
        assert {s.entity for s in got if s.entity_kind != "group"} == {a, b}

    @given(_firms)
    def test_sanctions_were_imposed_on(self, firm: str) -> None:
        """ "Sanctions were also imposed on <firm>": the firm, in force."""
        got = _sanctions(f"Sanctions were also imposed on {firm} for shipping coal.")
        assert [(s.entity, s.status.value) for s in got] == [(firm, "in_force")]

    @given(_firms)
    def test_put_on_blacklist(self, firm: str) -> None:
        """ "Tokyo put <firm> on its blacklist": a dotted suffix does not end the list."""
        got = _sanctions(f"Tokyo put {firm} on its blacklist over the arms shipments.")
        assert [s.entity for s in got] == [firm]

    @given(_firms)
    def test_removed_from_list(self, firm: str) -> None:
        """ "<firm> was removed from the sanctions list": lifted."""
        got = _sanctions(f"{firm} was removed from the sanctions list on Wednesday.")
        assert [(s.entity, s.status.value) for s in got] == [(firm, "lifted")]


class TestStatusWords:
    """The words before a cue that make a sanction threatened or proposed, and those that do not."""

    @pytest.mark.parametrize("verb", ["warned", "threatened", "vowed"])
    def test_threat_before_future_cue(self, verb: str) -> None:
        """ "<verb> it would sanction X": threatened."""
        got = _sanctions(f"Washington {verb} it would sanction Hanseong Shipping over the transfers.")
        assert [(s.entity, s.status.value) for s in got] == [("Hanseong Shipping", "threatened")]

    @pytest.mark.parametrize("verb", ["asked", "urged", "called on", "pressed"])
    def test_asking_another_to_sanction(self, verb: str) -> None:
        """ "<verb> the EU to sanction X": proposed, asked of another."""
        got = _sanctions(f"Seoul {verb} the EU to sanction Hanseong Shipping over the transfers.")
        assert [(s.entity, s.status.value) for s in got] == [("Hanseong Shipping", "proposed")]

    def test_urged_to_enforce_sanctions_in_force(self) -> None:
        """ "urged all states to enforce sanctions on X": the sanctions are in force."""
        got = _sanctions("The Security Council urged all states to enforce sanctions on North Korea.")
        assert [(s.entity, s.status.value) for s in got] == [("North Korea", "in_force")]


_JUDGES = [
    "Tokyo",
    "Seoul's foreign ministry",
    "Washington, Seoul and Tokyo",
    "Britain, France and Germany",
    "Canada's foreign minister",
    "Japanese Prime Minister Fumio Kishida",
    "A State Department spokesperson",
]


class TestJudgeIsNoViolator:
    """Who calls a launch a violation of UN resolutions did not commit it; the launcher did."""

    @given(
        st.sampled_from(["North Korea", "Pyongyang", "Kim Jong Un"]),
        st.sampled_from(_JUDGES),
        st.sampled_from(["condemned it as", "called it", "described the launch as", "called the test"]),
        st.sampled_from(["a flagrant violation", "a brazen violation", "a violation"]),
    )
    def test_judge_calls_it_a_violation(self, actor: str, judge: str, verb: str, what: str) -> None:
        """ "<actor> fired a missile. <judge> <verb> <what> of UN resolutions": the actor's state."""
        text = (
            f"{actor} oversaw the firing of a ballistic missile on Monday. "
            f"{judge} {verb} {what} of multiple UN Security Council resolutions."
        )
        got = _sanctions(text)
        assert [(s.entity, s.status.value) for s in got] == [("North Korea", "violated")]


class TestColonLists:
    """A group phrase and what is said of it, then its names after a colon."""

    @given(
        _firms, _firms, st.sampled_from(["that it said shipped oil to Pyongyang", "accused of arms sales"])
    )
    def test_names_after_colon(self, a: str, b: str, said: str) -> None:
        """ "sanctioned two firms <said>: A and B": both firms, not the group phrase."""
        if a.split(maxsplit=1)[0] == b.split(maxsplit=1)[0]:
            return  # one firm named again by its first word (see sanction_merge)
        got = _sanctions(f"Britain sanctioned two firms {said}: {a} and {b}.")
        # A suffix's stop and the sentence's are one ("Ltd."): names compared by their key.
        assert {entity_key(s.entity) for s in got if s.entity_kind != "group"} == {
            entity_key(a),
            entity_key(b),
        }


class TestContrast:
    """What a contrast sets against the targets is spared."""

    @given(_firms, _names, st.sampled_from(["instead of", "rather than", "but not"]))
    def test_contrast_spares(self, firm: str, person: str, contrast: str) -> None:
        """ "sanctioned <firm> <contrast> its manager, <person>": the firm only."""
        got = _sanctions(f"Seoul sanctioned {firm} {contrast} its manager, {person}.")
        assert [s.entity for s in got] == [firm]
