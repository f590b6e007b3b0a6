"""Events: rules drawn from real coverage (issue 17), each pinned by passages of our own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.events import extract_events

FIXTURES = Path(__file__).parent / "fixtures" / "events"
GAZ = kb.Gazetteer.default().extend(FIXTURES / "gazetteer_extra.toml")


def _article(text: str, published: str | None = None) -> kb.Article:
    return kb.Article(
        id="t", raw=text, text=text, published=dt.date.fromisoformat(published) if published else None
    )


def _cases(rule: str) -> list[dict[str, Any]]:
    with (FIXTURES / "real_text.jsonl").open(encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    return [c for c in cases if c["rule"] == rule]


def _events(text: str, published: str) -> tuple[kb.Event, ...]:
    return extract_events(_article(text, published), gazetteer=GAZ)


class TestMovedInTime:
    @pytest.mark.parametrize("case", _cases("moved_in_time"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """An event set "two weeks earlier" or "a week before that" is another one, dated from the story's."""
        events = _events(case["text"], case["published"])
        got = [[e.type.value, e.time.iso if e.time else None] for e in events]
        assert got == case["events"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("moved_in_time")) >= 10

    @given(
        st.sampled_from(
            ["Two days earlier", "Three days before this", "A week before that", "Ten days before"]
        ),
        st.sampled_from(["fired a missile", "launched a ballistic missile", "test-fired a cruise missile"]),
    )
    def test_never_merged_with_the_story_event(self, shifted: str, verb: str) -> None:
        """Whatever the wording, the earlier launch stays apart and takes the earlier day."""
        text = f"North Korea fired a missile on Friday. {shifted}, Pyongyang {verb} into the sea."
        got = [e.time.iso if e.time else None for e in _events(text, "2025-05-17")]
        assert len(got) == 2
        assert got[0] == "2025-05-16"
        assert got[1] is not None
        assert got[1] < "2025-05-16"

    def test_recalled_date_is_no_base(self) -> None:
        """An offset "before this" counts from the story's launch, not from a recalled one."""
        text = (
            "North Korea fired a missile on Friday, its first launch since March. "
            "Two weeks before this, Pyongyang launched a cruise missile into the sea."
        )
        dates = sorted(e.time.iso for e in _events(text, "2025-05-17") if e.time and e.time.iso)
        assert "2025-05-02" in dates


class TestForcesOwner:
    @pytest.mark.parametrize("case", _cases("forces_owner"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """The state whose troops are sent is the deployment's actor, not the sentence's subject."""
        events = _events(case["text"], case["published"])
        got = [list(e.actors) for e in events if e.type is kb.EventType.TROOP_DEPLOYMENT]
        assert got == [case["actors"]]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("forces_owner")) >= 10


def _summary(text: str, published: str) -> str:
    """The article's events as "type:date;..." (undated: None), inspections left out."""
    return ";".join(
        f"{e.type.value}:{e.time.iso if e.time else None}"
        for e in _events(text, published)
        if e.type is not kb.EventType.INSPECTION
    )


class TestReportObject:
    @pytest.mark.parametrize("case", _cases("report_object"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A time after the noun a report verb takes , set off by a comma, dates the report."""
        assert _summary(case["text"], case["published"]) == case["summary"]


class TestLaunchPlaces:
    @pytest.mark.parametrize("case", _cases("launch_site"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A launch site, pad, vehicle or window is a thing, not a launch."""
        assert _summary(case["text"], case["published"]) == case["summary"]


class TestTestFiredSpelling:
    @pytest.mark.parametrize("case", _cases("test_fired"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """ "Test fired" and "test launched" written without a hyphen are launches too."""
        assert _summary(case["text"], case["published"]) == case["summary"]

    @given(st.sampled_from(["test fired", "test-fired", "test launched", "test-launched"]))
    def test_spellings_agree(self, verb: str) -> None:
        """Every spelling of the verb gives the same dated launch."""
        assert (
            _summary(f"Iran {verb} a ballistic missile on Sunday.", "2025-03-10")
            == "missile_launch:2025-03-09"
        )


class TestInspectedWeapon:
    @pytest.mark.parametrize("case", _cases("inspect_weapon"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """What is inspected decides: a weapon is a display, a base or factory an inspection."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    @given(st.sampled_from(["warhead", "rocket launcher", "drone", "submarine", "howitzer"]))
    def test_weapon_is_a_display(self, weapon: str) -> None:
        """Any weapon inspected gives a weapons display."""
        got = _summary_all(f"Kim inspected a new {weapon} on Sunday.", "2025-03-10")
        assert got == "weapons_display:2025-03-09"

    @given(st.sampled_from(["base", "factory", "plant", "unit", "production line"]))
    def test_weapon_site_is_an_inspection(self, place: str) -> None:
        """A missile base, factory or unit inspected stays an inspection."""
        got = _summary_all(f"Kim inspected a missile {place} on Sunday.", "2025-03-10")
        assert got == "inspection:2025-03-09"


def _summary_all(text: str, published: str) -> str:
    """The article's events as "type:date;..." (undated: None)."""
    return ";".join(f"{e.type.value}:{e.time.iso if e.time else None}" for e in _events(text, published))


class TestListedDays:
    @pytest.mark.parametrize("case", _cases("listed_days"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """Each further day listed after an event's own dates an event of its own."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    @given(st.lists(st.integers(min_value=1, max_value=28), min_size=1, max_size=5, unique=True).map(sorted))
    def test_one_event_per_day(self, days: list[int]) -> None:
        """However many days are listed, each gives one launch on that day."""
        listed = ", ".join(f"March {d}" for d in days[:-1])
        dates = f"{listed} and March {days[-1]}" if listed else f"March {days[-1]}"
        got = _summary_all(f"Russia launched missiles on {dates}.", "2025-04-01")
        assert got == ";".join(f"missile_launch:2025-03-{d:02d}" for d in days)


class TestRelativeLaunch:
    @pytest.mark.parametrize("case", _cases("relative_launch"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A missile "that X fired" is a launch, dated by its clause."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_subject_of_the_relative_clause_acts(self) -> None:
        """The relative clause's subject is the launch's actor."""
        (event,) = _events("The rockets that Iran fired on Monday hit a base.", "2025-03-10")
        assert event.actors == ("Iran",)


class TestRecallUndated:
    @pytest.mark.parametrize("case", _cases("recall_undated"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """With no publication date, a superlative "since" a month and day still recalls the earlier event."""
        got = ";".join(
            f"{e.type.value}:{e.time.iso if e.time else None}"
            for e in extract_events(_article(case["text"]), gazetteer=GAZ)
        )
        assert got == case["summary"]


class TestReportDayBase:
    @pytest.mark.parametrize("case", _cases("report_day_base"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """An offset with no dated event before it counts from the last day the story named."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]


class TestEndingTime:
    @pytest.mark.parametrize("case", _cases("ending_time"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """The day an event ends does not keep it apart from its start; alone, it dates it."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]


class TestOrdinalSeries:
    @pytest.mark.parametrize("case", _cases("ordinal_series"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """Meetings or summits numbered apart are two events; a superlative "first ... since" is none."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    @given(
        st.sampled_from(
            [("second", "first"), ("third", "second"), ("fifth", "previous"), ("second", "initial")]
        )
    )
    def test_numbered_apart(self, numbers: tuple[str, str]) -> None:
        """The earlier-numbered summit is kept apart from the story's, whatever the numbers."""
        later, earlier = numbers
        text = (
            f"Kim Jong Un and Vladimir Putin held their {later} summit on Tuesday. "
            f"Their {earlier} summit was held in Vladivostok."
        )
        assert _summary_all(text, "2025-03-10") == "summit:2025-03-04;summit:None"


class TestKindOrRumour:
    @pytest.mark.parametrize("case", _cases("kind_or_rumour"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """Launches of a kind ("such") and rumours ("reports of") are no events; plain reports stay."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]


class TestFrontedConjunct:
    @pytest.mark.parametrize("case", _cases("fronted_conjunct"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A time opening the clause after "and" dates that clause; the month May is no modal."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    @given(st.sampled_from(["in May", "in early May", "in late May", "on May 3"]))
    def test_may_the_month(self, when: str) -> None:
        """The month May never makes a launch hypothetical."""
        got = _summary_all(f"Iran launched a satellite and {when} it fired two missiles.", "2025-06-10")
        assert got.split(";")[-1].startswith("missile_launch:2025-05")


class TestCounterpartNamed:
    @pytest.mark.parametrize("case", _cases("counterpart_named"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A counterpart named after a comma is the meeting's partner, not the counterpart's state."""
        events = _events(case["text"], case["published"])
        got = ";".join(
            f"{e.type.value}:{'|'.join(e.actors)}"
            for e in events
            if e.type in (kb.EventType.MEETING, kb.EventType.SUMMIT)
        )
        assert got == case["meetings"]


class TestStateAndForce:
    @pytest.mark.parametrize("case", _cases("state_and_force"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A state and a state's forces joined by "and" or a hyphen are both sides."""
        events = _events(case["text"], case["published"])
        assert ";".join(f"{e.type.value}:{'|'.join(sorted(e.actors))}" for e in events) == case["sides"]


class TestSeriesAnaphor:
    @pytest.mark.parametrize("case", _cases("series_anaphor"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """An anaphor with its own day among other listed days is an event of its own."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_long_sentence_stays_linear(self) -> None:
        """Many dated anaphors in one long sentence cost no more than a scan each near them."""
        unit = "the launch on the 3rd and the test on the 6th and the launch on the 8th, "
        text = "North Korea said it fired a missile. Then " + unit * 400 + "officials said."
        got = _events(text, "2025-03-20")
        assert got


class TestPersonForState:
    @pytest.mark.parametrize("case", _cases("person_for_state"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A person of one of the states that met is the same meeting; one of another state is not."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]


def _rules() -> list[str]:
    with (FIXTURES / "real_text.jsonl").open(encoding="utf-8") as f:
        return sorted({json.loads(line)["rule"] for line in f if line.strip()})


@pytest.mark.parametrize("rule", _rules())
def test_every_rule_has_ten_passages(rule: str) -> None:
    """Each rule drawn from real coverage is pinned by at least ten passages of our own."""
    assert len(_cases(rule)) >= 10


class TestSinceYearWhen:
    @pytest.mark.parametrize("case", _cases("since_year_when"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """The event a "since YEAR, when ..." clause tells took place in that year."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("since_year_when")) >= 10

    @given(
        st.integers(min_value=1960, max_value=2020),
        st.sampled_from(["first", "largest", "biggest", "only"]),
    )
    def test_clause_takes_the_year(self, year: int, superlative: str) -> None:
        """Whatever the year and the superlative, the clause's launch is dated to that year."""
        text = f"It was the {superlative} missile launch since {year}, when China fired missiles."
        assert _summary_all(text, "2025-05-17") == f"missile_launch:None;missile_launch:{year}"

    def test_bare_year_recalls_nothing(self) -> None:
        """With no "when" clause, a year after "since" names a stretch and adds no event."""
        got = _summary_all("It was the first missile launch since 2017.", "2025-05-17")
        assert got == "missile_launch:None"


class TestPossessedVisit:
    @pytest.mark.parametrize("case", _cases("possessed_visit"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A person's visit named by a possessive and no place is a visit by that person."""
        events = _events(case["text"], case["published"])
        assert _summary_all(case["text"], case["published"]) == case["summary"]
        visits = [e for e in events if e.type is kb.EventType.DIPLOMATIC_VISIT]
        assert [list(e.actors) for e in visits] == ([case["actors"]] if "actors" in case else [])

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("possessed_visit")) >= 10

    @given(
        st.sampled_from(["visit", "trip", "tour"]),
        st.sampled_from(["Xi Jinping", "Vladimir Putin", "Donald Trump", "Kim Jong Un"]),
    )
    def test_one_visit_when_told_in_full(self, noun: str, visitor: str) -> None:
        """A bare "X's visit" beside X's visit told with its place and day is that visit, not a second."""
        text = (
            f"{visitor} met the president on Tuesday. Officials said they hoped {visitor}'s {noun} "
            f"would bring results. {visitor}, who had arrived in Seoul a day earlier, thanked them."
        )
        got = [e for e in _events(text, "2025-05-14") if e.type is kb.EventType.DIPLOMATIC_VISIT]
        assert [e.time.iso if e.time else None for e in got] == ["2025-05-12"]


class TestSaidDayIt:
    @pytest.mark.parametrize("case", _cases("said_day_it"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A reporter saying "it had staged ..." staged it, with or without the report's day between."""
        (event,) = _events(case["text"], case["published"])
        assert (event.type.value, list(event.actors)) == (case["type"], case["actors"])

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("said_day_it")) >= 10

    @given(
        st.sampled_from(["said", "announced", "confirmed"]),
        st.sampled_from(["Monday", "on Friday", "late Sunday", "Tuesday morning", "today"]),
        st.sampled_from(["that it had", "it had", "it"]),
    )
    def test_reporter_acts(self, verb: str, day: str, it: str) -> None:
        """Whatever the report verb and the day between, the reporter holds the drill it reports."""
        text = f"China {verb} {day} {it} conducted a military exercise near Taiwan."
        (event,) = _events(text, "2025-05-14")
        assert event.actors == ("China",)


class TestDashPair:
    @pytest.mark.parametrize("case", _cases("dash_pair"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """Surnames joined by dashes before a meeting noun ("the Trump-Kim summit") are its parties."""
        events = _events(case["text"], case["published"])
        assert _summary_all(case["text"], case["published"]) == case["summary"]
        assert (sorted(events[0].actors) if events else []) == case["actors"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("dash_pair")) >= 10

    @given(
        st.permutations(["Putin", "Xi", "Kishida"]).map(lambda p: p[:2]),
        st.sampled_from(["-", "\u2013", "\u2014"]),
        st.sampled_from(["summit", "meeting"]),
    )
    def test_any_order_any_dash(self, pair: list[str], dash: str, noun: str) -> None:
        """Whichever leaders, in whichever order and with whichever dash, both take part."""
        text = f"The {dash.join(pair)} {noun} was held in Beijing on Monday."
        (event,) = _events(text, "2025-05-14")
        full = {"Putin": "Vladimir Putin", "Xi": "Xi Jinping", "Kishida": "Fumio Kishida"}
        assert sorted(event.actors) == sorted(full[p] for p in pair)


class TestReportAnchor:
    @pytest.mark.parametrize("case", _cases("report_anchor"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """An offset after a report noun ("a day after the announcement on Monday") counts from its day."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("report_anchor")) >= 10

    @given(
        st.integers(min_value=1, max_value=3),
        st.sampled_from(["announcement", "report", "statement", "warning"]),
        st.sampled_from([("Monday", 12), ("Tuesday", 13), ("Wednesday", 14)]),
    )
    def test_counts_from_the_report(self, days: int, noun: str, day: tuple[str, int]) -> None:
        """Whatever the gap, the report noun and its day, the launch lies that many days later."""
        weekday, date = day
        gap = ["a day", "two days", "three days"][days - 1]
        text = f"China fired missiles {gap} after Beijing's {noun} on {weekday}."
        want = dt.date(2025, 5, date) + dt.timedelta(days=days)
        assert _summary_all(text, "2025-05-17") == f"missile_launch:{want.isoformat()}"


class TestSpanLater:
    @pytest.mark.parametrize("case", _cases("span_later"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"Twelve minutes later" counts on inside a past story: the weekday before it looks back."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("span_later")) >= 10

    @given(
        st.sampled_from(["12 minutes", "two hours", "a few hours", "three days", "several seconds"]),
        st.sampled_from([("Monday", "2024-03-04"), ("Wednesday", "2024-03-06"), ("Thursday", "2024-03-07")]),
    )
    def test_day_looks_back(self, span: str, day: tuple[str, str]) -> None:
        """Whatever the span and the weekday, the launch is the latest such day before the report."""
        weekday, iso = day
        text = f"The satellite launch on {weekday} night ended in failure {span} later."
        assert _summary_all(text, "2024-03-09") == f"satellite_launch:{iso}"


class TestProspectiveMonth:
    @pytest.mark.parametrize("case", _cases("prospective_month"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A month named after "ahead of" or in a "could" sentence is the next such month."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("prospective_month")) >= 10

    @given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=12))
    def test_never_before_publication(self, month: int, published_month: int) -> None:
        """Whatever the months, the election looked ahead to is not dated before the report."""
        name = dt.date(2025, month, 1).strftime("%B")
        published = dt.date(2025, published_month, 15)
        text = f"Security has been tightened ahead of the presidential election in {name}."
        (event,) = _events(text, published.isoformat())
        assert event.time is not None
        assert event.time.iso is not None
        assert event.time.iso >= published.isoformat()[:7]


class TestAnaphorRecall:
    @pytest.mark.parametrize("case", _cases("anaphor_recall"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"The launch was the first since 2016, when it put a satellite into orbit": the
        "when" clause's event is the one recalled, whatever type the bare anaphor guessed."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("anaphor_recall")) >= 10

    @given(
        st.sampled_from(["The launch", "This launch", "That launch"]),
        st.sampled_from(
            ["put a satellite into orbit", "placed two satellites into orbit", "launched a satellite"]
        ),
        st.sampled_from([("March 2019", "2019-03"), ("October 2021", "2021-10"), ("2020", "2020")]),
    )
    def test_recalled_launch_keeps_its_kind(self, anaphor: str, act: str, when: tuple[str, str]) -> None:
        """Whatever the wording, the recalled launch is a satellite launch of that month or year."""
        written, iso = when
        text = f"Iran launched a satellite on Monday. {anaphor} was its first since {written}, when it {act}."
        assert f"satellite_launch:{iso}" in _summary_all(text, "2025-05-14").split(";")


class TestPayloadHedge:
    @pytest.mark.parametrize("case", _cases("payload_hedge"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A rocket "carrying what Pyongyang called a satellite" is a satellite launch, as unhedged."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("payload_hedge")) >= 10

    @given(
        st.sampled_from(["Pyongyang called", "Tehran described as", "the North said was", "it claimed was"]),
        st.sampled_from(["a satellite", "a military reconnaissance satellite", "an observation satellite"]),
    )
    def test_hedge_keeps_the_payload(self, hedge: str, payload: str) -> None:
        """Whoever hedges and whatever the payload, the rocket's flight is one dated satellite launch."""
        text = f"A rocket carrying what {hedge} {payload} fell into the sea on Monday."
        assert _summary_all(text, "2024-05-29") == "satellite_launch:2024-05-27"


class TestWarnedOrAny:
    @pytest.mark.parametrize("case", _cases("warned_or_any"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """What a warning is against ("warned Pyongyang against supplying weapons") and "any"
        such act ("any arms transfer would breach") are no events that took place."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("warned_or_any")) >= 10

    @given(
        st.sampled_from(["warned", "warns", "has warned", "again warned"]),
        st.sampled_from(["Pyongyang", "Moscow", "the North", "Iran"]),
        st.sampled_from(
            [
                "selling arms to Moscow",
                "launching another satellite",
                "sending its troops across the border",
            ]
        ),
    )
    def test_warned_act_is_hypothetical(self, verb: str, whom: str, act: str) -> None:
        """Whoever is warned against whatever act, the act is hypothetical."""
        text = f"Washington {verb} {whom} against {act}."
        events = extract_events(_article(text, "2024-06-20"), gazetteer=GAZ, include_all=True)
        assert [e.modality.value for e in events] == ["hypothetical"]


class TestArmedArrival:
    @pytest.mark.parametrize("case", _cases("armed_arrival"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """Marines, paratroopers, tanks or helicopters arriving somewhere are deployed, not visiting."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("armed_arrival")) >= 10

    @given(
        st.sampled_from(["Marines", "Paratroopers", "Tanks", "Helicopters", "Armoured vehicles"]),
        st.sampled_from(["arrived at the parliament", "arrived in the capital", "landed at the airport"]),
    )
    def test_never_a_visit(self, force: str, act: str) -> None:
        """Whatever force arrives wherever, no diplomatic visit is read."""
        got = _summary_all(f"{force} {act} on Monday.", "2024-12-05")
        assert "diplomatic_visit" not in got
        assert got.startswith("troop_deployment:")


class TestStateProtest:
    @pytest.mark.parametrize("case", _cases("state_protest"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """A state protesting ("as Seoul and Tokyo protest") objects; no crowd takes to the streets."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("state_protest")) >= 10

    @given(
        st.sampled_from(["Japan", "China and Russia", "Seoul", "Washington and Tokyo", "North Korea"]),
        st.sampled_from(["protest", "protests"]),
    )
    def test_state_is_no_crowd(self, state: str, verb: str) -> None:
        """Whichever states protest, no protest event is read; a crowd in that state still is one."""
        assert "protest" not in _summary_all(f"The drills began on Monday as {state} {verb}.", "2024-03-05")
        where = state.split(" and ", maxsplit=1)[0]
        crowd = _summary_all(f"Workers in {where} {verb} outside parliament.", "2024-03-05")
        assert crowd.startswith("protest:")


class TestExerciseOfRight:
    @pytest.mark.parametrize("case", _cases("exercise_of_right"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"An exercise of its sovereign right" uses a right: no military exercise."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("exercise_of_right")) >= 10

    @given(
        st.sampled_from(["its", "the country's", "their", "Russia's"]),
        st.sampled_from(["right", "sovereign rights", "legitimate right to self-defence", "power"]),
    )
    def test_no_drill(self, owner: str, right: str) -> None:
        """Whoever's right is exercised, no military exercise is read."""
        got = _summary_all(f"Officials called the move an exercise of {owner} {right}.", "2024-06-26")
        assert "military_exercise" not in got


class TestTalksAskedFor:
    @pytest.mark.parametrize("case", _cases("talks_asked_for"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """Talks called, pressed or hoped for ("ignored calls for talks") are no meeting held;
        talks someone travelled for still are."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("talks_asked_for")) >= 10

    @given(
        st.sampled_from(["calls", "appeals", "pleas", "offer", "proposal", "request", "demands"]),
        st.sampled_from(["Seoul's", "Tokyo's", "the envoy's"]),
    )
    def test_no_meeting(self, noun: str, owner: str) -> None:
        """Whatever asks for talks, no meeting is read."""
        text = f"Pyongyang ignored {owner} {noun} for talks with Kim Jong Un."
        assert "meeting" not in _summary_all(text, "2024-02-01")


class TestApposedDay:
    @pytest.mark.parametrize("case", _cases("apposed_day"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"Earlier this week, on Tuesday, ...": the day set off after the vaguer time dates the event."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("apposed_day")) >= 10

    @given(st.integers(min_value=1, max_value=28), st.sampled_from(["Last month", "Earlier last month"]))
    def test_day_of_last_month(self, day: int, lead: str) -> None:
        """Whatever the day, "last month, on March D" dates the launch to that day."""
        text = f"{lead}, on March {day}, the North fired a missile into the sea."
        assert _summary_all(text, "2025-04-20") == f"missile_launch:2025-03-{day:02d}"


class TestPreviousDated:
    @pytest.mark.parametrize("case", _cases("previous_dated"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"Earlier tests on March 2 and March 9": earlier launches of the story's kind, one a day."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("previous_dated")) >= 10

    @given(
        st.sampled_from(["Previous attempts", "Earlier attempts", "The previous attempts", "Prior attempts"]),
        st.lists(st.integers(min_value=1, max_value=28), min_size=2, max_size=3, unique=True).map(sorted),
    )
    def test_one_satellite_launch_a_day(self, lead: str, days: list[int]) -> None:
        """However the earlier attempts are named and dated, each day gives one satellite launch."""
        listed = ", ".join(f"Aug. {d}" for d in days[:-1]) + f" and Aug. {days[-1]}"
        text = f"Iran put a satellite into orbit on Tuesday. {lead}, on {listed}, failed."
        got = _summary_all(text, "2025-11-12").split(";")
        assert got[0] == "satellite_launch:2025-11-11"
        assert got[1:] == [f"satellite_launch:2025-08-{d:02d}" for d in days]


class TestBecameOffice:
    @pytest.mark.parametrize("case", _cases("became_office"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"On becoming South Korea's president Wednesday" is the taking of office; a party's
        or a firm's chair is none."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("became_office")) >= 10

    @given(
        st.sampled_from(["became", "on becoming"]),
        st.sampled_from(["Japan's", "the country's", "South Korea's", "Britain's"]),
        st.sampled_from(["prime minister", "president", "new president", "first female prime minister"]),
    )
    def test_taking_office(self, verb: str, state: str, office: str) -> None:
        """Whatever the state and office, becoming its head on a weekday is an inauguration that day."""
        text = f"Ministers cheered her {verb} {state} {office} on Tuesday."
        assert _summary_all(text, "2024-10-03") == "inauguration:2024-10-01"


class TestAboutCount:
    @pytest.mark.parametrize("case", _cases("about_count"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"Fired about 10 missiles": "about" before a count launches missiles; before a topic
        ("launched a probe about the missiles") it launches none."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("about_count")) >= 10

    @given(
        st.sampled_from(["fired", "launched", "test-fired"]),
        st.sampled_from(["10", "a dozen", "eight", "3,000", "two"]),
        st.sampled_from(["missiles", "ballistic missiles", "short-range rockets"]),
    )
    def test_approximate_count(self, verb: str, count: str, weapon: str) -> None:
        """Whatever the verb, the count and the weapon, an approximate count is one launch."""
        text = f"North Korea {verb} about {count} {weapon} on Thursday."
        assert _summary_all(text, "2024-05-31") == "missile_launch:2024-05-30"


class TestTwoLeadersHere:
    @pytest.mark.parametrize("case", _cases("two_leaders_here"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"A told B ..., as the two leaders met": the two heads named earlier in the same
        sentence hold the summit."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("two_leaders_here")) >= 10

    @given(
        st.sampled_from(
            [
                ("Joe Biden", "Xi Jinping"),
                ("Kim Jong Un", "Vladimir Putin"),
                ("Yoon Suk Yeol", "Fumio Kishida"),
            ]
        ),
        st.sampled_from(["thanked", "pressed", "praised", "assured"]),
        st.sampled_from(["as", "when", "while"]),
    )
    def test_both_take_part(self, pair: tuple[str, str], verb: str, link: str) -> None:
        """Whichever heads, verb and link, one summit with both of them."""
        a, b = pair
        text = f"{a} {verb} {b} on Monday {link} the two leaders met in Seoul."
        (event,) = _events(text, "2024-05-14")
        assert event.type is kb.EventType.SUMMIT
        assert {a, b} <= set(event.actors)


class TestFlewCargo:
    @pytest.mark.parametrize("case", _cases("flew_cargo"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"It flew leaflets, balloons, drones or sorties" flies no missile; "it flew 800 km" still does."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("flew_cargo")) >= 10

    @given(
        st.sampled_from(["leaflets", "propaganda leaflets", "balloons", "surveillance drones", "sorties"]),
        st.sampled_from(["across the border", "over the sea", "toward the South"]),
    )
    def test_no_missile(self, cargo: str, where: str) -> None:
        """Whatever is flown wherever, no missile launch is read."""
        got = _summary_all(f"Officials said it flew {cargo} {where} on Monday.", "2024-06-11")
        assert "missile_launch" not in got


def _without_lifting(summary: str) -> str:
    """A summary with the `martial_law_lifted` events left out."""
    return ";".join(part for part in summary.split(";") if not part.startswith("martial_law_lifted:"))


class TestMartialLawLifted:
    @pytest.mark.parametrize("case", _cases("martial_law_lifted"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """Lifting, revoking or ending martial law dates no declaration and names no declarer:
        the mention tells only that martial law was declared (the lifting is its own event)."""
        assert _without_lifting(_summary_all(case["text"], case["published"])) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("martial_law_lifted")) >= 10

    @given(
        st.sampled_from(["lifted", "revoked", "ended", "rescinded", "approved the lifting of"]),
        st.sampled_from(["", "the ", "emergency ", "the emergency "]),
    )
    def test_no_declaration(self, verb: str, mid: str) -> None:
        """However martial law is ended, the lifting's day dates no martial law; a declaration
        told beside it keeps its own day."""
        lifted = f"The president {verb} {mid}martial law on Wednesday."
        assert _summary_all(lifted, "2024-12-05") == "martial_law_lifted:2024-12-04;martial_law:None"
        both = f"The president declared martial law on Tuesday. He {verb} {mid}martial law on Wednesday."
        assert _summary_all(both, "2024-12-05") == "martial_law:2024-12-03;martial_law_lifted:2024-12-04"
        declared = _summary_all(f"The president declared {mid}martial law on Tuesday.", "2024-12-05")
        assert declared == "martial_law:2024-12-03"


class TestAnaphorAhead:
    @pytest.mark.parametrize("case", _cases("anaphor_ahead"), ids=lambda c: c["text"][:40])
    def test_passage(self, case: dict[str, Any]) -> None:
        """"Kim oversaw the launch" heading a story that goes on to tell a satellite launch is
        that launch, not a missile launch of its own."""
        assert _summary_all(case["text"], case["published"]) == case["summary"]

    def test_enough_passages(self) -> None:
        """The rule is pinned by at least ten passages."""
        assert len(_cases("anaphor_ahead")) >= 10

    @given(
        st.sampled_from(
            ["Kim Jong Un oversaw the launch.", "Tokyo condemned the launch.", "The launch drew criticism."]
        ),
        st.sampled_from(["put a satellite into orbit", "launched a reconnaissance satellite"]),
    )
    def test_one_satellite_launch(self, lead: str, act: str) -> None:
        """Whatever the lead and the wording of the story, one satellite launch and no missile."""
        text = f"{lead} North Korea {act} on Tuesday."
        assert _summary_all(text, "2023-11-22") == "satellite_launch:2023-11-21"
