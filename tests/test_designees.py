"""Designee lists: one Sanction per named target, read from the designation and the sentences after it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.designees import DesigneeLexicon, find_attribution, read_list
from koreabrief.extraction.sanction_merge import entity_key

PASSAGES = Path(__file__).parent / "fixtures" / "sanctions" / "designations.jsonl"
LEX = DesigneeLexicon.default()


def _passages() -> list[dict[str, Any]]:
    with PASSAGES.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _sanctions(text: str) -> tuple[kb.Sanction, ...]:
    return kb.extract_sanctions(kb.Article(id="d", raw=text, text=text, published=dt.date(2025, 3, 7)))


def _value(s: kb.Sanction, key: str) -> Any:
    value = getattr(s, key)
    if key == "status":
        return value.value
    return list(value) if isinstance(value, tuple) else value


# Invented names of every kind, in the shapes designations list them.
_PEOPLE = ["Ri Chol Su", "Kang Myong Hak", "Pak Il Nam", "Sergei Avdeyev", "Choe Yong Gil", "Han Kwang Il"]
_FIRMS = ["Hanbit Trading Co.", "Sunrise Maritime", "Volga Star Shipping", "Kumsong Commercial Bank"]
_TITLES = ["", "banker ", "senior official ", "the trader ", "Defense Minister "]


class TestPassages:
    """The fixture passages, in seven national styles, each with its expected named targets."""

    def test_enough_passages_in_every_style(self) -> None:
        """At least 40 passages, covering OFAC, UN, EU, UK, South Korean, Japanese and Australian styles."""
        cases = _passages()
        assert len(cases) >= 40
        assert {c["style"] for c in cases} >= {"OFAC", "UN", "EU", "UK", "South Korea", "Japan", "Australia"}

    @pytest.mark.parametrize("case", _passages(), ids=lambda c: f"{c['style']}: {c['text'][:40]}")
    def test_passage(self, case: dict[str, Any]) -> None:
        """Each passage yields exactly its expected named targets, with the fields given."""
        got = _sanctions(case["text"])
        groups = any(e.get("entity_kind") == "group" for e in case["expect"])
        named = [s for s in got if s.entity_kind != "group" or groups]
        for want in case["expect"]:
            same = [
                s
                for s in named
                if s.entity == want["entity"] and ("status" not in want or s.status.value == want["status"])
            ]
            assert same, f"{want['entity']} not among {[s.entity for s in named]}"
            for key, value in want.items():
                if key != "entity":
                    assert _value(same[0], key) == value, key
        assert {s.entity for s in named} == {w["entity"] for w in case["expect"]}


class TestReadList:
    """`read_list`: the items of one stretch of list text."""

    def test_group_then_names(self) -> None:
        """A group phrase, then names: each name carries the group and its count."""
        t = "two firms, Sunrise Maritime and Hanbit Trading"
        items = read_list(t, 0, len(t), [], LEX)
        assert [(i.name, i.group, i.group_count) for i in items] == [
            ("two firms", None, 2),
            ("Sunrise Maritime", "two firms", 2),
            ("Hanbit Trading", "two firms", 2),
        ]

    def test_appositions_name_no_one(self) -> None:
        """Names inside an apposition ("director of the General Bureau") are no designees."""
        t = "Kim Chol Su, director of the General Bureau, and Ri Il, a banker at Taesong Bank"
        assert [i.name for i in read_list(t, 0, len(t), [], LEX)] == ["Kim Chol Su", "Ri Il"]

    def test_titles_are_stripped(self) -> None:
        """A title before a person's name is no part of it."""
        t = "Minister of State Security Kim Won Il; senior party official Jo Yong Su"
        assert [i.name for i in read_list(t, 0, len(t), [], LEX)] == ["Kim Won Il", "Jo Yong Su"]

    def test_joined_department_names(self) -> None:
        """ "Propaganda and Agitation Department" is one name, not two."""
        t = "the Propaganda and Agitation Department and the Ministry of Labor"
        assert [i.name for i in read_list(t, 0, len(t), [], LEX)] == [
            "Propaganda and Agitation Department",
            "Ministry of Labor",
        ]

    def test_aliases(self) -> None:
        """Parentheses and "also known as" give aliases, not designees."""
        t = "the Lazarus Group, also known as APT38 or Hidden Cobra, and Taesong Bank (TSB)"
        items = read_list(t, 0, len(t), [], LEX)
        assert [(i.name, i.aliases) for i in items] == [
            ("Lazarus Group", ("APT38", "Hidden Cobra")),
            ("Taesong Bank", ("TSB",)),
        ]

    def test_bullets_and_dashes(self) -> None:
        """Bulleted and dashed lists give one item per entry."""
        t = "four entities — ▲ Lazarus Group ▲ Kimsuky ▲ Andariel"
        assert [i.name for i in read_list(t, 0, len(t), [], LEX)][1:] == [
            "Lazarus Group",
            "Kimsuky",
            "Andariel",
        ]

    def test_place_before_based(self) -> None:
        """ "Dalian, China-based Ocean Gate": the city is no designee."""
        t = "a Dalian, China-based front company, Ocean Gate Logistics"
        assert [i.name for i in read_list(t, 0, len(t), [], LEX) if i.kind != "group"] == [
            "Ocean Gate Logistics"
        ]

    def test_attribution_cut(self) -> None:
        """ ", the Treasury said" ends a list; "a mixer it said laundered funds, and ..." does not."""
        t = "Kim and Ri, the Treasury said."
        assert t[: find_attribution(t, 0, len(t), LEX)] == "Kim and Ri"
        t = "Glory Mixer, a service it said laundered funds, and Kim Su Il"
        assert find_attribution(t, 0, len(t), LEX) == len(t)

    @given(st.lists(st.sampled_from(_PEOPLE + _FIRMS), min_size=1, max_size=6, unique=True), st.data())
    def test_every_listed_name_once(self, names: list[str], data: st.DataObject) -> None:
        """A list of names joined by commas and "and", titles or not, yields each name once, in order."""
        titled = [data.draw(st.sampled_from(_TITLES)) + n if n in _PEOPLE else n for n in names]
        text = titled[0] if len(titled) == 1 else ", ".join(titled[:-1]) + " and " + titled[-1]
        items = read_list(text, 0, len(text), [], LEX)
        assert [i.name.rstrip(".") for i in items] == [n.rstrip(".") for n in names]

    @given(st.text(max_size=200))
    def test_items_index_the_text(self, text: str) -> None:
        """Every item's offsets hold its name as written; no input raises."""
        for item in read_list(text, 0, len(text), [], LEX):
            assert 0 <= item.start <= item.end <= len(text)
            assert item.name.strip("“”‘’\"'") in text[item.start : item.end] or item.kind == "company"


class TestFollowUps:
    """Sentences after a designation that go on naming its targets."""

    def test_copular_list(self) -> None:
        """ "The companies are A and B; the individuals include C" names the groups just designated."""
        got = _sanctions(
            "The Treasury on Thursday sanctioned three individuals and two companies. "
            "The companies are Sunrise Maritime and Hanbit Trading; the individuals include Ri Chol Su."
        )
        assert [(s.entity, s.authority) for s in got] == [
            ("Sunrise Maritime", "United States"),
            ("Hanbit Trading", "United States"),
            ("Ri Chol Su", "United States"),
        ]

    def test_group_kept_only_without_names(self) -> None:
        """A group phrase is a Sanction only when no names of the designation follow."""
        named = _sanctions("Tokyo sanctioned two firms. The firms are Altyn Trade and Yerevan Route.")
        assert all(s.entity_kind != "group" for s in named)
        bare = _sanctions("Tokyo sanctioned two firms on Friday.")
        assert [(s.entity, s.entity_kind, s.group_count) for s in bare] == [("two firms", "group", 2)]

    def test_passive_follow_up(self) -> None:
        """ "X was also listed" after a designation is one of its targets."""
        got = _sanctions("Canberra sanctioned Kim Su Il on Friday. Pak Il Nam, a banker, was also listed.")
        assert [(s.entity, s.authority) for s in got] == [
            ("Kim Su Il", "Australia"),
            ("Pak Il Nam", "Australia"),
        ]

    def test_unrelated_sentence_names_no_one(self) -> None:
        """A sentence far from any designation names no target, whatever its shape."""
        text = (
            "Seoul sanctioned Kim Su Il. " + "The talks went on. " * 5 + "The companies are Alpha and Beta."
        )
        assert [s.entity for s in _sanctions(text)] == ["Kim Su Il"]


    def test_pronoun_antecedent(self) -> None:
        """ "He was sanctioned" names the last person of the sentence before; "It", the last body."""
        got = _sanctions("A reward was offered for Jon Chol Ho, a programmer. He was sanctioned by Canberra.")
        assert [(s.entity, s.authority) for s in got] == [("Jon Chol Ho", "Australia")]
        got = _sanctions("Reporters asked about Hanbit Trading Co. on Monday. It was blacklisted by Tokyo.")
        assert [(s.entity, s.authority) for s in got] == [("Hanbit Trading Co.", "Japan")]

    def test_reported_decision_is_in_force(self) -> None:
        """ "said it would freeze the assets of X" reports a decision, not a threat."""
        (s,) = _sanctions("Tokyo said on Friday it would freeze the assets of Altyn Trade.")
        assert (s.entity, s.status.value) == ("Altyn Trade", "in_force")
        (t,) = _sanctions("Tokyo could freeze the assets of Altyn Trade, an official warned.")
        assert (t.entity, t.status.value) == ("Altyn Trade", "threatened")


class TestMerging:
    """One Sanction per target, authority and status, with every mention kept."""

    def test_mentions_merge(self) -> None:
        """The same target named twice is one Sanction with both sentences as mentions."""
        text = "The Treasury sanctioned Tornado Mixer on Monday. Tornado Mixer was sanctioned for laundering."
        got = _sanctions(text)
        assert len(got) == 1
        assert [m.slice(text)[:13] for m in got[0].mentions] == ["The Treasury ", "Tornado Mixer"]
        assert got[0].reason == "laundering"

    def test_joint_action_keeps_each_authority(self) -> None:
        """A joint designation gives one Sanction per authority."""
        got = _sanctions("Washington, Tokyo and Seoul jointly sanctioned the hacker Pak Jin Hyok on Tuesday.")
        assert {s.authority for s in got} == {"United States", "Japan", "South Korea"}
        assert {s.entity for s in got} == {"Pak Jin Hyok"}

    def test_surname_and_alias_merge(self) -> None:
        """A surname or alias used later is the target named in full before."""
        got = _sanctions(
            "Seoul sanctioned the trader Pak Jin Hyok and Ocean Gate Logistics (Haimen Logistics). "
            "Hyok was later sanctioned by Seoul again, as was Haimen Logistics."
        )
        assert sorted(s.entity for s in got) == ["Ocean Gate Logistics", "Pak Jin Hyok"]

    @given(st.integers(1, 4))
    def test_repeats_add_mentions_only(self, times: int) -> None:
        """Telling a designation n times gives the same Sanctions, with n mentions each."""
        once = "The EU sanctioned Ri Il Nam and Taesong Bank."
        got = _sanctions(" ".join([once] * times))
        assert sorted(s.entity for s in got) == ["Ri Il Nam", "Taesong Bank"]
        assert all(len(s.mentions) == times for s in got)

    @given(st.lists(st.sampled_from([c["text"] for c in _passages()]), min_size=1, max_size=4))
    def test_one_sanction_per_target(self, texts: list[str]) -> None:
        """No two Sanctions share target, authority and status; mentions are sorted, the span first."""
        text = "\n\n".join(texts)
        got = _sanctions(text)
        keys = [(entity_key(s.entity), s.authority, s.status) for s in got]
        assert len(keys) == len(set(keys))
        for s in got:
            assert s.mentions[0] == s.span
            assert list(s.mentions) == sorted(s.mentions, key=lambda m: (m.start, m.end))
            assert all(0 <= m.start < m.end <= len(text) for m in s.mentions)


class TestViolations:
    """Violations of UN Security Council resolutions."""

    def test_resolution_numbers(self) -> None:
        """Resolution numbers are kept, the Council is the authority."""
        (s,) = _sanctions("Pyongyang's launch violated resolutions 2270 and 2321, the envoy said.")
        assert (s.entity, s.status.value, s.authority, s.resolutions) == (
            "North Korea",
            "violated",
            "UN Security Council",
            ("2270", "2321"),
        )

    def test_violator_and_regime(self) -> None:
        """Another state breaking resolutions on North Korea gives a violation on both."""
        text = (
            "Russia had violated UN Security Council resolutions by training North Korean troops, "
            "the State Department said. North Korea denied it. North Korea sent more troops."
        )
        got = {(s.entity, s.status.value) for s in _sanctions(text)}
        assert got == {("Russia", "violated"), ("North Korea", "violated")}

    def test_judge_is_no_violator(self) -> None:
        """Who condemns a violation is not who committed it."""
        assert (
            _sanctions("Tokyo condemned the launch as a violation of several Security Council resolutions.")
            == ()
        )

    def test_accusation_of_a_national_regime(self) -> None:
        """An accusation of breaking one state's own sanctions reports no violation."""
        got = _sanctions(
            "The Treasury sanctioned Volga Star, accusing it of moving funds in violation of U.S. sanctions."
        )
        assert {s.status.value for s in got} == {"in_force"}
