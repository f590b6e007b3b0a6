"""Events: fixture sentences, merging, modality, spans and robustness."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.events import extract_events, extract_events_with_warnings
from koreabrief.extraction.triggers import EventLexicon

FIXTURES = Path(__file__).parent / "fixtures" / "events"
GAZ = kb.Gazetteer.default().extend(FIXTURES / "gazetteer_extra.toml")

# Words that exercise triggers, names, dates, numbers and clause punctuation.
_VOCAB = [
    "North Korea", "Pyongyang", "Seoul", "Blinken", "Kim Jong Un", "Yoon", "Russia", "fired", "launched",
    "a missile", "missiles", "on Monday", "late last year", "December 3", "February 30", "1,100 kilometres",
    "(680 miles)", "thousands of troops", "sent", "troops", "to", "Ukraine", "met", "with", "between", "and",
    "visit", "visited", "summit", "talks", "martial law", "impeached", "arrest", "election", "inauguration",
    "protests", "could", "denied", "if", "the", "this", "its", "’s", "'s", ",", ".", "\u201c", "\u201d", "—",
    "(", ")", "\n\n", "in exchange for technology", "resulting in casualties", "two weeks before the",
    "anniversary of the", "in 2023", "9" * 30, "arrived in", "Tokyo", "heads later Monday", "sanctions",
    "shelled", "artillery", "drones crossed the border", "defected", "hack", "as", "while", "when",
    "causing", "since August 9", "in 2006, 2009 and 2013", "on the 16th", "the 2018 accord", "by",
]  # fmt: skip
news_text = st.lists(st.sampled_from(_VOCAB) | st.text(max_size=8), max_size=60).map(" ".join)


def _article(text: str, published: str | None = None) -> kb.Article:
    return kb.Article(
        id="t", raw=text, text=text, published=dt.date.fromisoformat(published) if published else None
    )


def _canonical(e: kb.Event) -> dict[str, Any]:
    d: dict[str, Any] = {
        "type": e.type.value,
        "date": e.time.iso if e.time else None,
        "modality": e.modality.value,
        "actors": sorted(e.actors),
        "target": e.target,
    }
    if e.location:
        d["location"] = e.location
    if e.quantities:
        d["quantities"] = [
            {
                k: v
                for k, v in (
                    ("value", q.value),
                    ("unit", q.unit),
                    ("approx", q.approx),
                    ("low", q.low),
                    ("high", q.high),
                )
                if v is not None
            }
            for q in e.quantities
        ]
    return d


def _fixtures() -> list[dict[str, Any]]:
    with (FIXTURES / "events.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class TestFixtures:
    @pytest.mark.parametrize("case", _fixtures(), ids=lambda c: c["text"][:50])
    def test_sentence(self, case: dict[str, Any]) -> None:
        """Each fixture sentence yields exactly the expected events (all modalities)."""
        got = extract_events(_article(case["text"], case["published"]), gazetteer=GAZ, include_all=True)
        assert [_canonical(e) for e in got] == case["events"]

    def test_enough_fixtures(self) -> None:
        """The fixture set covers at least 60 event sentences and every event type."""
        cases = _fixtures()
        types = {e["type"] for c in cases for e in c["events"]}
        assert len(cases) >= 60
        assert types == {t.value for t in kb.EventType}


class TestModality:
    def test_default_hides_hypothetical_and_negated(self) -> None:
        """Without include_all, hypothetical and negated events are left out."""
        text = "North Korea denied sending troops to Russia. Russia might share technology with Pyongyang."
        assert extract_events(_article(text), gazetteer=GAZ) == ()
        modalities = {e.modality for e in extract_events(_article(text), gazetteer=GAZ, include_all=True)}
        assert modalities == {kb.Modality.NEGATED, kb.Modality.HYPOTHETICAL}

    def test_undated_intention_is_no_event(self) -> None:
        """An expected meeting without a date is hypothetical, a dated one scheduled."""
        a = _article("Blinken is expected to hold meetings with Park Jin.", "2023-11-08")
        assert extract_events(a, gazetteer=GAZ) == ()
        b = _article("Blinken will visit Seoul on November 8.", "2023-11-01")
        (event,) = extract_events(b, gazetteer=GAZ)
        assert event.modality is kb.Modality.SCHEDULED

    def test_background(self) -> None:
        """A dated event long before publication is background."""
        a = _article("Yoon recalled the 2023 Camp David summit with Kishida.", "2025-01-06")
        (event,) = extract_events(a, gazetteer=GAZ)
        assert event.modality is kb.Modality.BACKGROUND


class TestMerging:
    def test_repeated_launch_is_one_event(self) -> None:
        """A launch in the lead and again later is one event with every mention's span."""
        text = (
            "North Korea on Monday fired a missile.\n\nThe missile flew 1,100 kilometres (680 miles).\n\n"
            "Blinken condemned the launch."
        )
        (event,) = extract_events(_article(text, "2025-01-06"), gazetteer=GAZ)
        assert event.type is kb.EventType.MISSILE_LAUNCH
        assert len(event.mentions) == 3
        assert [q.unit for q in event.quantities] == ["km", "mi"]
        assert event.time is not None
        assert event.time.iso == "2025-01-06"

    def test_different_targets_stay_apart(self) -> None:
        """Visits to two countries on one day stay two events."""
        text = (
            "Blinken visited Seoul on Monday. In Tokyo, where Blinken heads later Monday, officials waited."
        )
        events = extract_events(_article(text, "2025-01-06"), gazetteer=GAZ)
        assert sorted(e.target or "" for e in events) == ["Japan", "South Korea"]

    def test_meetings_with_different_partners_stay_apart(self) -> None:
        """Blinken meeting Cho and Blinken meeting Choi are two meetings."""
        text = "Blinken met Foreign Minister Cho Tae-yul. Blinken also met acting president Choi Sang-mok."
        events = extract_events(_article(text), gazetteer=GAZ)
        assert [sorted(e.actors) for e in events] == [
            ["Antony Blinken", "Cho Tae-yul"],
            ["Antony Blinken", "Choi Sang-mok"],
        ]


class TestSpans:
    @given(news_text)
    def test_spans_index_text(self, text: str) -> None:
        """Every span and mention of every event indexes article.text, and the trigger is there."""
        a = _article(text, "2025-01-06")
        for e in extract_events(a, gazetteer=GAZ, include_all=True):
            assert 0 <= e.span.start <= e.span.end <= len(text)
            assert e.trigger in e.span.slice(text)
            for m in e.mentions:
                assert m.slice(text).strip() == m.slice(text)
                assert m.slice(text)
            for q in e.quantities:
                assert q.span is not None
                assert q.span.slice(text) == q.text
            if e.time is not None and e.time.span is not None:
                assert e.time.span.slice(text) == e.time.text

    @given(st.text(max_size=300), st.none() | st.dates())
    def test_no_exception_on_arbitrary_text(self, text: str, published: dt.date | None) -> None:
        """Arbitrary text never raises, whatever the publication date."""
        a = kb.Article(id="t", raw=text, text=text, published=published)
        extract_events_with_warnings(a, include_all=True)

    @given(news_text)
    def test_deterministic(self, text: str) -> None:
        """Extraction is a pure function of the article."""
        a = _article(text, "2024-12-01")
        assert extract_events(a, gazetteer=GAZ) == extract_events(a, gazetteer=GAZ)


class TestRobustness:
    def test_warning_for_impossible_date(self) -> None:
        """An impossible date keeps the event, drops the date and warns."""
        events, warnings = extract_events_with_warnings(_article("Pyongyang fired a missile on February 30."))
        assert events[0].time is not None
        assert events[0].time.date is None
        assert warnings

    def test_weekday_without_publication_date(self) -> None:
        """Without a publication date a weekday keeps its text and no date."""
        (event,) = extract_events(_article("North Korea fired a missile on Monday."))
        assert event.time is not None
        assert event.time.text == "on Monday"
        assert event.time.date is None

    def test_megabyte_sentence_is_linear(self) -> None:
        """A 1 MB sentence full of triggers is processed in well under a few seconds."""
        unit = (
            "North Korea fired a missile toward the sea and Blinken met Cho Tae-yul in Seoul while "
            "officials in several capitals weighed what the latest provocation meant for the region "
            "and its fragile diplomacy "
        )
        small = _article(unit * 500, "2025-01-06")
        big = _article(unit * 5_000, "2025-01-06")  # about 1 MB, one sentence

        def cost(article: kb.Article) -> float:
            # CPU time, best of two: wall time on a loaded machine (other jobs sharing the
            # cores) swings by several times and made this check fail on linear code.
            runs = []
            for _ in range(2):
                t0 = time.process_time()
                extract_events(article, gazetteer=GAZ)
                runs.append(time.process_time() - t0)
            return min(runs)

        t_small, t_big = cost(small), cost(big)
        assert t_big < max(10 * t_small, 0.5) * 2

    def test_lexicon_pickles(self) -> None:
        """The lexicon survives pickling (for process pools) and still finds triggers."""
        lex = pickle.loads(pickle.dumps(EventLexicon.default()))
        assert [m.trigger.type for m in lex.find("Seoul said Pyongyang fired two missiles.")] == [
            kb.EventType.MISSILE_LAUNCH
        ]


class TestMilitaryBodies:
    @pytest.mark.parametrize(
        ("form", "name"),
        [
            ("US Forces Korea", "United States Forces Korea"),
            ("USFK", "United States Forces Korea"),
            ("U.S. Forces Korea", "United States Forces Korea"),
            ("United Nations Command", "United Nations Command"),
            ("Combined Forces Command", "Combined Forces Command"),
            ("Korea-US Combined Forces Command", "Combined Forces Command"),
            ("the Korean People's Army", "North Korean military"),
            ("the North's military", "North Korean military"),
            ("the Strategic Force", "Strategic Force of the Korean People's Army"),
            ("Korean People's Army Strategic Force", "Strategic Force of the Korean People's Army"),
        ],
    )
    def test_shipped_gazetteer_resolves(self, form: str, name: str) -> None:
        """The commands and forces Korea coverage names are known bodies of the shipped gazetteer."""
        ent = kb.Gazetteer.default().resolve(form)
        assert ent is not None
        assert ent.name == name

    def test_strategic_force_acts_for_north_korea(self) -> None:
        """A launch by the KPA Strategic Force is North Korea's (state-level event)."""
        a = _article("The Strategic Force fired two cruise missiles on Tuesday.", "2024-11-01")
        (event,) = extract_events(a)
        assert event.actors == ("North Korea",)


class TestPlover:
    def test_every_type_has_a_plover_entry_or_none_on_purpose(self) -> None:
        """Each [plover] entry names a known type, a PLOVER type in capitals and a lower-case mode."""
        lex = EventLexicon.default()
        table = lex.data["plover"]
        known = {t.value for t in kb.EventType}
        assert set(table) <= known
        for name, (kind, mode) in table.items():
            assert kind.isupper(), name
            assert mode == mode.lower(), name
        # Most types map; the rest are happenings PLOVER does not code (a vote, a death).
        assert len(set(table)) >= len(known) - 12

    def test_event_carries_its_plover_type_and_mode(self) -> None:
        """An extracted event carries its type's PLOVER type and mode."""
        (event,) = extract_events(_article("North Korea fired 90 artillery rounds on Tuesday.", "2024-05-29"))
        assert (event.type, event.plover, event.plover_mode) == (
            kb.EventType.ARTILLERY_FIRE,
            "ASSAULT",
            "heavy-weapons",
        )

    def test_unmapped_type_has_none(self) -> None:
        """A type with no PLOVER counterpart leaves both fields None."""
        (event,) = extract_events(_article("The student died in Ohio on Monday.", "2017-06-20"))
        assert event.type is kb.EventType.DEATH
        assert (event.plover, event.plover_mode) == (None, None)

    def test_plover_round_trips(self) -> None:
        """The PLOVER fields survive the JSON round trip."""
        (event,) = extract_events(
            _article("North Korea blew up the liaison office on Tuesday.", "2020-06-17")
        )
        assert kb.from_json(kb.to_json(event), kb.Event) == event


class TestArgumentsDecideType:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Three North Korean drones crossed the border on Monday.", kb.EventType.INCURSION),
            ("A North Korean soldier crossed the border on Monday.", kb.EventType.BORDER_CROSSING),
            ("Seoul detained a cargo ship on Monday.", kb.EventType.SHIP_SEIZURE),
            ("Seoul detained a smuggler on Monday.", kb.EventType.ARREST),
            ("Kim Jong Un visited a tank factory on Monday.", kb.EventType.INSPECTION),
            ("The aircraft carrier arrived in Busan on Monday.", kb.EventType.NAVAL_DEPLOYMENT),
        ],
    )
    def test_what_or_who_decides(self, text: str, expected: kb.EventType) -> None:
        """The same verb gives different types by its subject or object."""
        types = [e.type for e in extract_events(_article(text, "2025-03-04"), gazetteer=GAZ)]
        assert types == [expected]

    @given(st.sampled_from(["a plan", "a report", "a bounty", "its budget", "a new policy"]))
    def test_unveiling_no_weapon_is_no_display(self, thing: str) -> None:
        """Unveiling something unarmed is no weapons display."""
        got = extract_events(
            _article(f"The ministry unveiled {thing} on Monday.", "2025-03-04"), gazetteer=GAZ
        )
        assert kb.EventType.WEAPONS_DISPLAY not in {e.type for e in got}


class TestSharedTime:
    @pytest.mark.parametrize("connective", ["as", "while", "when", "just as"])
    def test_co_temporal_connective_shares_the_day(self, connective: str) -> None:
        """A clause opened by a co-temporal connective after a comma takes the day of the one before."""
        text = f"North Korea fired a missile on Friday, {connective} Marco Rubio was arriving in Tokyo."
        events = extract_events(_article(text, "2025-05-17"), gazetteer=GAZ)
        assert {e.type: e.time.iso if e.time else None for e in events} == {
            kb.EventType.MISSILE_LAUNCH: "2025-05-16",
            kb.EventType.DIPLOMATIC_VISIT: "2025-05-16",
        }

    @pytest.mark.parametrize("connective", ["after", "since", "before"])
    def test_sequence_connective_does_not(self, connective: str) -> None:
        """After, since or before a comma, the clause keeps no borrowed day."""
        text = f"North Korea fired a missile on Friday, {connective} Marco Rubio arrived in Tokyo."
        events = extract_events(_article(text, "2025-05-17"), gazetteer=GAZ, include_all=True)
        visit = next(e for e in events if e.type is kb.EventType.DIPLOMATIC_VISIT)
        assert visit.time is None or visit.time.iso != "2025-05-16"


class TestPloverProperty:
    @given(news_text)
    def test_plover_follows_the_type(self, text: str) -> None:
        """Whatever the text, an event's PLOVER fields are its type's entry in the lexicon."""
        lex = EventLexicon.default()
        for e in extract_events(_article(text, "2025-01-06"), gazetteer=GAZ, include_all=True):
            assert (e.plover, e.plover_mode) == lex.plover(e.type)
            assert (
                e.time is None
                or e.time.span is None
                or 0 <= e.time.span.start <= e.time.span.end <= len(text)
            )


class TestScanCost:
    def test_no_pattern_is_tried_at_every_word(self) -> None:
        """Every trigger pattern opens with known letters: none sends the scan to every word start."""
        from koreabrief.extraction.triggers import _WORD_START_AHEAD

        assert EventLexicon.default()._starts.pattern != _WORD_START_AHEAD.pattern


class TestReportDay:
    def test_perfect_after_report_time_is_undated(self) -> None:
        """A report's day does not date what the report tells of in the perfect, even without "that"."""
        a = _article("Pyongyang announced on Saturday it has launched a new cruise missile.", "2024-02-03")
        (event,) = extract_events(a, gazetteer=GAZ)
        assert event.type is kb.EventType.MISSILE_LAUNCH
        assert event.time is None or event.time.date is None

    def test_perfect_without_report_keeps_its_time(self) -> None:
        """An opening time with no reporting verb before it still dates a perfect clause."""
        a = _article("On Saturday Pyongyang has launched a new cruise missile.", "2024-02-03")
        (event,) = extract_events(a, gazetteer=GAZ)
        assert event.time is not None
        assert event.time.iso == "2024-02-03"

    def test_adverb_inside_past_perfect(self) -> None:
        """A past perfect with an adverb ("had successfully tested") is not dated by the report's day."""
        a = _article(
            "KCNA reported on Sunday that the North had successfully fired a new ballistic missile.",
            "2024-02-04",
        )
        (event,) = extract_events(a, gazetteer=GAZ)
        assert event.type is kb.EventType.MISSILE_LAUNCH
        assert event.time is None or event.time.date is None


class TestNuclearTestVerb:
    @pytest.mark.parametrize(
        "text",
        [
            "Pyongyang said it had detonated an atomic device beneath a mountain in the northeast.",
            "The regime tested a thermonuclear bomb early in the morning.",
            "North Korea set off a nuclear device at its mountain site.",
        ],
    )
    def test_device_named_with_verb(self, text: str) -> None:
        """Testing or detonating a named nuclear device is a nuclear test."""
        types = [e.type for e in extract_events(_article(text, "2016-01-08"), gazetteer=GAZ)]
        assert types == [kb.EventType.NUCLEAR_TEST]

    @pytest.mark.parametrize(
        "text",
        [
            "North Korea tested a nuclear-capable cruise missile.",
            "The North has tested nuclear weapon delivery systems for years.",
        ],
    )
    def test_carrier_is_no_nuclear_test(self, text: str) -> None:
        """A nuclear-capable missile or a delivery system tested is no nuclear test."""
        types = [
            e.type for e in extract_events(_article(text, "2016-01-08"), gazetteer=GAZ, include_all=True)
        ]
        assert kb.EventType.NUCLEAR_TEST not in types


class TestFrontedTime:
    def test_time_after_and_opens_next_conjunct(self) -> None:
        """A time right after "and" belongs to the clause it opens, not the event before it."""
        text = (
            "In late May 2023, Pyongyang tested a long-range missile (an LRBM)"
            " and in early June it reshuffled its cabinet."
        )
        launch = next(
            e for e in extract_events(_article(text), gazetteer=GAZ) if e.type is kb.EventType.MISSILE_LAUNCH
        )
        assert launch.time is not None
        assert launch.time.iso == "2023-05"


class TestCoordinateModifiers:
    @pytest.mark.parametrize(
        "text",
        [
            "Pyongyang said it launched an intermediate-range, solid-fuel missile into the sea.",
            "The North fired two short-range, nuclear-capable missiles toward Japan.",
        ],
    )
    def test_comma_between_hyphenated_modifiers(self, text: str) -> None:
        """A comma between two hyphenated modifiers does not end the clause the trigger spans."""
        types = [e.type for e in extract_events(_article(text, "2024-01-24"), gazetteer=GAZ)]
        assert types == [kb.EventType.MISSILE_LAUNCH]


class TestArmsDemonstration:
    @pytest.mark.parametrize(
        "text",
        [
            "Pyongyang called the allied drills a war demonstration against it.",
            "The test was the latest in a run of weapons demonstrations by the North.",
        ],
    )
    def test_show_of_arms_is_no_protest(self, text: str) -> None:
        """A war, weapons or missile demonstration is a show of arms, not a crowd protesting."""
        types = [
            e.type for e in extract_events(_article(text, "2021-08-10"), gazetteer=GAZ, include_all=True)
        ]
        assert kb.EventType.PROTEST not in types

    def test_street_demonstration_is_still_a_protest(self) -> None:
        """A plain demonstration in the streets stays a protest."""
        text = "Thousands joined a demonstration outside the National Assembly on Saturday."
        types = [e.type for e in extract_events(_article(text, "2024-12-08"), gazetteer=GAZ)]
        assert kb.EventType.PROTEST in types


class TestAnchorOffsetFromNow:
    def test_present_offset_dates_the_anchor_not_the_clause(self) -> None:
        """In "X comes two days ahead of the anniversary" the date reached is the anniversary's."""
        text = "News of the cruise missile launch comes two days ahead of the party anniversary."
        (event,) = extract_events(_article(text, "2024-02-01"), gazetteer=GAZ, include_all=True)
        assert event.type is kb.EventType.MISSILE_LAUNCH
        assert event.time is None or event.time.iso != "2024-02-03"


class TestSpanEnd:
    def test_through_date_ends_a_span(self) -> None:
        """A date after "through" says when a drill ends, not when it happened: no date a year back."""
        text = "The joint drills, which last two weeks, through March 14, involve naval gunnery."
        for event in extract_events(_article(text, "2024-03-05"), gazetteer=GAZ, include_all=True):
            assert event.time is None or event.time.iso != "2023-03-14"


class TestSeriesTally:
    def test_series_of_tests_is_a_tally(self) -> None:
        """A series of nuclear tests this year tells of many events, not one."""
        text = "Pressure mounted after a spate of rocket and nuclear tests this year."
        types = [e.type for e in extract_events(_article(text, "2017-12-23"), gazetteer=GAZ)]
        assert kb.EventType.NUCLEAR_TEST not in types

    def test_number_of_drills_is_a_statistic(self) -> None:
        """The number of exercises rising from six in 2022 counts drills; it reports none."""
        text = "The number of division-level field exercises rose from six in 2022 to 15 this year."
        types = [e.type for e in extract_events(_article(text, "2024-08-19"), gazetteer=GAZ)]
        assert kb.EventType.MILITARY_EXERCISE not in types

    def test_single_dated_test_still_counts(self) -> None:
        """One dated test is still an event."""
        text = "Pressure grew after the nuclear test in September."
        types = [e.type for e in extract_events(_article(text, "2017-12-23"), gazetteer=GAZ)]
        assert types == [kb.EventType.NUCLEAR_TEST]


class TestTriggerVariants:
    def test_day_between_arrived_and_place(self) -> None:
        """A day between "arrived" and the place ("arrived Friday in Hanoi") still makes a dated visit."""
        text = "The Chinese premier arrived Friday in Hanoi for a three-day state visit."
        visits = [
            e
            for e in extract_events(_article(text, "2024-03-02"), gazetteer=GAZ)
            if e.type is kb.EventType.DIPLOMATIC_VISIT
        ]
        assert visits
        assert visits[0].time is not None
        assert visits[0].time.iso == "2024-03-01"

    def test_hedge_with_its_source(self) -> None:
        """A hedge naming its source ("what was judged by the JCS to be a missile") is still a launch."""
        text = (
            "Pyongyang on Monday fired what was first judged by the Joint Chiefs of Staff"
            " to be a cruise missile."
        )
        (event,) = extract_events(_article(text, "2023-03-14"), gazetteer=GAZ)
        assert event.type is kb.EventType.MISSILE_LAUNCH
        assert event.time is not None
        assert event.time.iso == "2023-03-13"

    def test_atomic_blast(self) -> None:
        """A nuclear or atomic blast is a nuclear test."""
        text = "The regime set the date of its fourth atomic blast for the party congress."
        types = [
            e.type for e in extract_events(_article(text, "2016-01-08"), gazetteer=GAZ, include_all=True)
        ]
        assert kb.EventType.NUCLEAR_TEST in types

    def test_plural_weapons_test(self) -> None:
        """A "nuclear weapons test" (plural device word) is a nuclear test."""
        text = "The North carried out its fifth nuclear weapons test in September."
        types = [e.type for e in extract_events(_article(text, "2016-10-02"), gazetteer=GAZ)]
        assert types == [kb.EventType.NUCLEAR_TEST]

    def test_transported_military_cargo(self) -> None:
        """Ships that transported military cargo between two states made an arms transfer."""
        text = "Two freighters transported military cargo from Rajin to Vostochny last autumn."
        types = [e.type for e in extract_events(_article(text, "2024-04-02"), gazetteer=GAZ)]
        assert kb.EventType.ARMS_TRANSFER in types

    def test_casualties_told_as_existing(self) -> None:
        """ "there were casualties among" reports losses."""
        text = (
            "Officials admitted for the first time that there were casualties among the North Korean units."
        )
        types = [e.type for e in extract_events(_article(text, "2025-04-28"), gazetteer=GAZ)]
        assert types == [kb.EventType.CASUALTIES]

    def test_owned_agreement_with_its_year(self) -> None:
        """An agreement owned by who made it ("the two presidents' accord from 2019") is one, dated."""
        text = "The ministers met in line with the two presidents' accord from 2019."
        agreements = [
            e
            for e in extract_events(_article(text, "2024-06-29"), gazetteer=GAZ, include_all=True)
            if e.type is kb.EventType.AGREEMENT
        ]
        assert [e.time.iso if e.time else None for e in agreements] == ["2019"]

    def test_agreed_in_the_passive(self) -> None:
        """A thing that "was agreed upon during" a visit or summit marks an agreement, dated by its time."""
        text = (
            "The hotline, which was agreed upon during the premier's trip to Beijing in 2019, opened today."
        )
        agreements = [
            e
            for e in extract_events(_article(text, "2024-06-29"), gazetteer=GAZ, include_all=True)
            if e.type is kb.EventType.AGREEMENT
        ]
        assert [e.time.iso if e.time else None for e in agreements] == ["2019"]

    def test_visit_to_a_described_state(self) -> None:
        """A trip "to the secluded nation" goes abroad though no place is named; one to a base does not."""
        abroad = "The envoy held talks with the king on Monday during a brief trip to the secluded nation."
        types = [e.type for e in extract_events(_article(abroad, "2023-07-27"), gazetteer=GAZ)]
        assert kb.EventType.DIPLOMATIC_VISIT in types
        home = "The leader paid a visit to strategic missile bases on Tuesday."
        types = [e.type for e in extract_events(_article(home, "2023-07-27"), gazetteer=GAZ)]
        assert kb.EventType.DIPLOMATIC_VISIT not in types


class TestReportedPronounSubject:
    def test_it_after_said_is_the_teller(self) -> None:
        """In "X said it had launched ...", "it" is X, not another name earlier in the sentence."""
        text = "Hours later, the Japanese navy said it had launched two interceptor missiles."
        (event,) = extract_events(_article(text, "2022-11-02"), gazetteer=GAZ)
        assert event.actors == ("Japan",)

    def test_teller_beats_an_earlier_name(self) -> None:
        """A body named before the teller does not become the actor."""
        text = "Seoul convened its National Security Council after Pyongyang said it had tested an H-bomb."
        (test,) = [
            e
            for e in extract_events(_article(text, "2016-01-06"), gazetteer=GAZ)
            if e.type is kb.EventType.NUCLEAR_TEST
        ]
        assert test.actors == ("North Korea",)


class TestSummitOwnMeeting:
    def test_meeting_told_with_the_summit_is_the_summit(self) -> None:
        """A meeting naming no one of its own, in the summit's sentence, is part of that summit."""
        text = "Meeting at a lakeside villa near Hanoi, Moon and Kim sat down for a summit."
        types = [e.type for e in extract_events(_article(text, "2018-06-12"), gazetteer=GAZ)]
        assert types.count(kb.EventType.SUMMIT) == 1
        assert kb.EventType.MEETING not in types


class TestAccusation:
    def test_accused_of_is_no_report(self) -> None:
        """The act named by "accused X of ..." is a charge, not an event reported."""
        text = "The envoy accused Tehran of shipping artillery shells to the rebels."
        assert extract_events(_article(text, "2024-05-02"), gazetteer=GAZ) == ()

    def test_fact_inside_an_accusation_stays(self) -> None:
        """A deployment told as fact inside a charge about helping it is still an event."""
        text = "Two generals were accused of organising the deployment of 3,000 troops to the front."
        types = [e.type for e in extract_events(_article(text, "2024-05-02"), gazetteer=GAZ)]
        assert kb.EventType.TROOP_DEPLOYMENT in types


class TestInvolvedIn:
    def test_act_describing_a_target_takes_no_sentence_time(self) -> None:
        """The act after "involved in" describes who is meant; the opening time is the sentence's."""
        text = "On Friday Canada listed five firms involved in shipping artillery shells to Syria."
        (event,) = extract_events(_article(text, "2024-04-06"), gazetteer=GAZ)
        assert event.type is kb.EventType.ARMS_TRANSFER
        assert event.time is None or event.time.date is None

    def test_dated_incident_in_an_accusation_stays(self) -> None:
        """A charge naming a dated incident ("accused X of ... on Monday") still reports it."""
        text = "Seoul accused the North of sending troops across the border on Monday."
        types = [e.type for e in extract_events(_article(text, "2022-12-27"), gazetteer=GAZ)]
        assert kb.EventType.TROOP_DEPLOYMENT in types


class TestPossessedVisit:
    def test_possessive_visit_is_a_mention(self) -> None:
        """A possessed visit ("the premier's visit") is read as a mention of the visit."""
        text = "The premier visited Hanoi on Monday. Talks continued after the premier's trip ended."
        (visit,) = [
            e
            for e in extract_events(_article(text, "2024-03-05"), gazetteer=GAZ)
            if e.type is kb.EventType.DIPLOMATIC_VISIT
        ]
        assert len(visit.mentions) == 2

    def test_dispatch_of_troops_by_agent(self) -> None:
        """The dispatch of troops "by X" is X's deployment, not that of a subject condemning it."""
        text = "Tokyo condemned the dispatch of 2,000 troops by Moscow."
        (event,) = extract_events(_article(text, "2025-04-28"), gazetteer=GAZ, include_all=True)
        assert event.actors == ("Russia",)


class TestCountedInPeriod:
    @pytest.mark.parametrize(
        "second",
        [
            "It was Pyongyang's 11th missile launch this year, officials said.",
            "The launch, its fourth ballistic missile test this month, drew protests from Tokyo.",
            "It is the country's 23rd missile launch so far this year.",
        ],
    )
    def test_numbered_in_its_period_is_the_same_launch(self, second: str) -> None:
        """A launch numbered in its period ("its 11th this year") is the story's own: no new date."""
        text = f"North Korea fired a ballistic missile on Tuesday. {second}"
        launches = [
            e
            for e in extract_events(_article(text, "2025-03-07"), gazetteer=GAZ)
            if e.type is kb.EventType.MISSILE_LAUNCH
        ]
        assert [e.time.iso if e.time else None for e in launches] == ["2025-03-04"]


class TestCrisisMeeting:
    def test_emergency_meeting_named_only_as_a_setting(self) -> None:
        """A crisis meeting told only as where a leader spoke is still a meeting held."""
        text = '"We accept the ruling," Han told an emergency cabinet meeting after the court\'s decision.'
        types = [e.type for e in extract_events(_article(text, "2016-12-09"), gazetteer=GAZ)]
        assert kb.EventType.MEETING in types

    def test_routine_session_stays_no_meeting(self) -> None:
        """A body's routine session that approves a measure is no meeting between parties."""
        text = "The cabinet approved the new sanctions at a cabinet meeting on Tuesday."
        types = [e.type for e in extract_events(_article(text, "2024-03-07"), gazetteer=GAZ)]
        assert kb.EventType.MEETING not in types


class TestHostedSummit:
    def test_host_of_the_summits_leaders_is_the_summit(self) -> None:
        """A host receiving leaders "for a summit" in one sentence tells one summit, no meeting."""
        text = (
            "President Joe Biden hosted Prime Minister Fumio Kishida of Japan and President Yoon Suk Yeol "
            "of South Korea at Camp David for a trilateral summit on Friday."
        )
        types = [e.type for e in extract_events(_article(text, "2023-08-19"), gazetteer=GAZ)]
        assert types == [kb.EventType.SUMMIT]


class TestSameVehicle:
    def test_month_and_day_of_one_named_launch_are_one(self) -> None:
        """The Unha-2 of a month and the Unha-2 on a day of that month are one launch, dated to the day."""
        text = (
            "The Unha-2 of April 2009 failed to reach orbit. "
            "The Unha-2 lifted off from Musudan-ri on April 5, 2009."
        )
        launches = [
            e
            for e in extract_events(_article(text, "2012-12-13"), gazetteer=GAZ)
            if e.type is kb.EventType.SATELLITE_LAUNCH
        ]
        assert [e.time.iso if e.time else None for e in launches] == ["2009-04-05"]

    def test_one_vehicle_in_two_months_is_two_launches(self) -> None:
        """One missile type flown in two different months gives two launches."""
        text = (
            "The Hwasong-15 of November 2017 and the Hwasong-15 of March 2019 flew on different trajectories."
        )
        launches = extract_events(_article(text, "2020-01-10"), gazetteer=GAZ)
        assert sorted(e.time.iso for e in launches if e.time) == ["2017-11", "2019-03"]


class TestAgreedTo:
    def test_time_after_the_agreed_act_is_not_the_agreement(self) -> None:
        """In "agreed to finish the rules next year" the year is the finishing's, not the agreement's."""
        text = "The allies agreed to finish a common rulebook on cyber defence next year."
        (event,) = extract_events(_article(text, "2023-12-16"), gazetteer=GAZ, include_all=True)
        assert event.type is kb.EventType.AGREEMENT
        assert event.time is None or event.time.iso != "2024"

    def test_reached_a_consensus(self) -> None:
        """Reaching a consensus or an understanding is an agreement."""
        text = "The two ministers reached a broad consensus on maritime security in Hanoi on Friday."
        types = [e.type for e in extract_events(_article(text, "2024-03-09"), gazetteer=GAZ)]
        assert kb.EventType.AGREEMENT in types


@pytest.mark.parametrize(
    "text",
    [
        (
            "The presidents of the two countries agreed yesterday to seek lasting peace, as they hugged"
            " after a landmark summit full of symbolism."
        ),
        (
            "The two leaders signed a joint declaration on Friday after concluding their summit talks at"
            " the border village."
        ),
        "The two leaders agreed on Friday to pursue peace following what both called a historic summit.",
        (
            "Both presidents agreed on Friday to work toward disarmament and an official close to"
            " the war after what each side praised as a landmark cross-border summit."
        ),
    ],
)
def test_summit_concluded_by_a_dated_agreement_takes_its_day(text: str) -> None:
    # Copy reports a summit by its outcome: the agreement's day is the summit's.
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    summits = [e for e in events if e.type is kb.EventType.SUMMIT]
    assert [(e.time.iso if e.time else None, e.modality) for e in summits] == [
        ("2018-04-27", kb.Modality.ASSERTED)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea agreed on Friday to resume talks, two days after the summit in Hanoi.",
        "They agreed on Friday to resume dialogue after their previous summit collapsed in Hanoi.",
    ],
)
def test_summit_set_apart_from_the_agreement_keeps_clear_of_its_day(text: str) -> None:
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    assert all(e.time is None or e.time.iso != "2018-04-27" for e in events if e.type is kb.EventType.SUMMIT)


@pytest.mark.parametrize("noun", ["heads of both nations", "heads of state", "heads of the two delegations"])
def test_heads_as_a_noun_is_no_future_cue(noun: str) -> None:
    # "heads" travels in "Kim heads to Moscow on Friday"; "the heads of ..." are people.
    events = extract_events(
        _article(f"The {noun} agreed on Friday to seek disarmament.", "2018-04-28"), gazetteer=GAZ
    )
    assert [(e.type, e.time.iso if e.time else None) for e in events] == [
        (kb.EventType.AGREEMENT, "2018-04-27")
    ]


def test_heads_to_still_tells_a_trip_to_come() -> None:
    events = extract_events(_article("Kim heads to Moscow on Friday.", "2018-04-28"), gazetteer=GAZ)
    assert [(e.type, e.time.iso if e.time else None) for e in events] == [
        (kb.EventType.DIPLOMATIC_VISIT, "2018-05-04")
    ]


@pytest.mark.parametrize(
    "text",
    [
        (
            "South Korea agreed on Monday to share missile data with Japan, and Japan agreed to share its"
            " radar data with Seoul."
        ),
        "Kim agreed on Monday to widen trade with Moscow while Putin agreed to ship more oil to Pyongyang.",
    ],
)
def test_one_agreement_told_from_each_side_is_one_event(text: str) -> None:
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    agreements = [e for e in events if e.type is kb.EventType.AGREEMENT]
    assert len(agreements) == 1
    assert len(agreements[0].actors) == 2
    assert agreements[0].time is not None
    assert agreements[0].time.iso == "2018-04-23"


def test_agreements_in_separate_sentences_stay_apart() -> None:
    text = "Seoul agreed on Monday to share radar data. Tokyo agreed on Friday to buy more missiles."
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    assert len([e for e in events if e.type is kb.EventType.AGREEMENT]) == 2


def _titled(title: str, text: str) -> kb.Article:
    return kb.Article(id="t", raw=text, text=text, title=title, published=dt.date(2018, 6, 13))


def test_headline_summit_types_the_leaders_meeting_in_the_body() -> None:
    text = "Donald Trump and Kim Jong Un held a meeting with each other on Tuesday in Singapore."
    events = extract_events(_titled("Trump-Kim summit ends with a handshake", text), gazetteer=GAZ)
    assert [(e.type, e.time.iso if e.time else None) for e in events] == [(kb.EventType.SUMMIT, "2018-06-12")]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # The headline names no summit (and ministers meeting hold no summit of their own).
        (
            "Blinken and Cho meet in Seoul",
            "Antony Blinken and Cho Tae-yul held a meeting with each other on Tuesday.",
        ),
        # The body has a summit of its own: the meeting is a separate one beside it.
        (
            "Blinken-Cho summit ends with a handshake",
            "Antony Blinken held a meeting with Cho Tae-yul on Tuesday, before the summit on Wednesday.",
        ),
        # Not the people the headline names.
        ("Blinken-Cho summit ends with a handshake", "Park Jin held a meeting with Wang Yi on Tuesday."),
    ],
)
def test_meeting_stays_a_meeting_without_a_headline_summit_of_theirs(title: str, text: str) -> None:
    """A ministers' meeting is no summit unless the headline's summit names them."""
    events = extract_events(_titled(title, text), gazetteer=GAZ)
    assert kb.EventType.MEETING in {e.type for e in events}


def test_ships_that_carried_munitions_made_an_arms_transfer() -> None:
    text = "Two Russian freighters carried hundreds of crates of munitions to North Korea last year."
    events = extract_events(_article(text, "2024-04-02"), gazetteer=GAZ)
    assert [(e.type, e.time.iso if e.time else None) for e in events] == [
        (kb.EventType.ARMS_TRANSFER, "2023")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "States may seize vessels suspected of carrying illicit cargo to North Korea.",
        "The submarine was refitted after years of carrying ballistic missiles.",
        "The army carried out drills with live munitions on Monday.",
    ],
)
def test_carrying_other_loads_is_no_arms_transfer(text: str) -> None:
    events = extract_events(_article(text, "2024-04-02"), gazetteer=GAZ)
    assert kb.EventType.ARMS_TRANSFER not in {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The sanctions announced by the foreign ministry on Wednesday target two vessels shipping munitions.",
        "The measures disclosed by the foreign ministry on Wednesday cover freighters supplying weapons.",
        "The penalties released by the foreign ministry on Wednesday follow shipments of munitions.",
    ],
)
def test_day_of_a_passive_report_does_not_date_what_it_reports(text: str) -> None:
    events = extract_events(_article(text, "2024-04-02"), gazetteer=GAZ)
    assert [(e.type, e.time) for e in events] == [(kb.EventType.ARMS_TRANSFER, None)]


def test_day_after_a_passive_report_without_agent_phrase_still_dates() -> None:
    text = "Two vessels shipped munitions to North Korea on Wednesday, the ministry said."
    events = extract_events(_article(text, "2024-04-02"), gazetteer=GAZ)
    assert [e.time.iso if e.time else None for e in events] == ["2024-03-27"]


def test_phone_talks_with_two_leaders_are_two_calls() -> None:
    text = "Joe Biden talked by phone with Yoon Suk Yeol and Fumio Kishida after the launch."
    events = extract_events(_article(text, "2023-04-14"), gazetteer=GAZ)
    meetings = sorted(tuple(sorted(e.actors)) for e in events if e.type is kb.EventType.MEETING)
    assert meetings == [("Fumio Kishida", "Joe Biden"), ("Joe Biden", "Yoon Suk Yeol")]


def test_talks_in_person_with_two_leaders_stay_one_summit() -> None:
    """Talks in person of three leaders are one summit, not one per pair (as calls are)."""
    text = "Joe Biden held talks with Yoon Suk Yeol and Fumio Kishida at Camp David."
    events = extract_events(_article(text, "2023-08-19"), gazetteer=GAZ)
    assert [e.type for e in events] == [kb.EventType.SUMMIT]


@pytest.mark.parametrize("run", ["a series of", "a string of", "a rapid volley of", "a spate of"])
def test_a_run_of_launches_is_no_generic_plural(run: str) -> None:
    text = f"Pyongyang carried out {run} missile launches before the talks."
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    assert kb.EventType.MISSILE_LAUNCH in {e.type for e in events}


def test_a_count_of_launches_stays_a_tally() -> None:
    text = "Pyongyang has carried out a number of missile launches."
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    assert kb.EventType.MISSILE_LAUNCH not in {e.type for e in events}


@pytest.mark.parametrize(
    "talks", ["key deterrence talks", "two days of talks", "marathon nuclear consultations"]
)
def test_talks_held_with_any_modifier_are_a_meeting(talks: str) -> None:
    text = f"Seoul and Washington held {talks} on Friday."
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    assert [(e.type, e.time.iso if e.time else None) for e in events] == [
        (kb.EventType.MEETING, "2018-04-27")
    ]


def test_talks_held_off_or_up_are_no_meeting() -> None:
    text = "Seoul held off talks on Friday."
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    assert kb.EventType.MEETING not in {e.type for e in events}


def test_talks_an_agreement_concluded_take_its_day() -> None:
    text = "Seoul and Washington agreed on Friday to finish the rules after the allies held deterrence talks."
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    meetings = [e for e in events if e.type is kb.EventType.MEETING]
    assert [e.time.iso if e.time else None for e in meetings] == ["2018-04-27"]


@pytest.mark.parametrize(
    "text",
    [
        "The talks were seen as laying the groundwork for a meeting between Donald Trump and Kim Jong Un.",
        "Seoul is pushing for a meeting between Moon Jae-in and Kim Jong Un.",
        "The trip is paving the way for a meeting between Yoon Suk Yeol and Fumio Kishida.",
    ],
)
def test_work_toward_a_meeting_is_no_meeting_held(text: str) -> None:
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    assert kb.EventType.MEETING not in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "visitor"),
    [
        ("Lavrov led a high-level Russian delegation to the ceremony on Friday.", "Sergey Lavrov"),
        ("The Chinese delegation was headed by Li Hongzhong at the parade on Friday.", "Li Hongzhong"),
        ("Kim praised Beijing for sending a delegation led by Li Hongzhong.", "Li Hongzhong"),
    ],
)
def test_leading_a_delegation_is_a_visit_by_the_leader(text: str, visitor: str) -> None:
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    visits = [e for e in events if e.type is kb.EventType.DIPLOMATIC_VISIT]
    assert visits, events
    assert any(visitor.rsplit(maxsplit=1)[-1] in " ".join(v.actors) for v in visits), visits


def test_leading_the_talks_is_no_visit() -> None:
    text = "Lavrov led the talks with his counterpart on Friday."
    events = extract_events(_article(text, "2018-04-28"), gazetteer=GAZ)
    assert kb.EventType.DIPLOMATIC_VISIT not in {e.type for e in events}


@pytest.mark.parametrize("day", ["today's", "yesterday’s", "Thursday's"])
def test_a_days_meeting_refers_back_and_takes_no_partner_after_with(day: str) -> None:
    text = (
        "Vladimir Putin held a summit with Kim Jong Un on Thursday. "
        f'"We will talk openly about {day} meeting with the American side," Putin told reporters.'
    )
    events = extract_events(_article(text, "2019-04-25"), gazetteer=GAZ)
    assert "United States" not in {a for e in events for a in e.actors}, events


def test_a_persons_meeting_with_someone_is_still_a_meeting() -> None:
    """A possessive before "meeting with" names a participant, not a body holding a session."""
    text = "Blinken's meeting with Cho Tae-yul took place on Thursday."
    events = extract_events(_article(text, "2019-04-25"), gazetteer=GAZ)
    assert [e.type for e in events] == [kb.EventType.MEETING]


@pytest.mark.parametrize("same", ["that day", "the same day", "that morning"])
def test_that_day_takes_the_day_the_story_last_named(same: str) -> None:
    text = (
        "North Korea fired a missile on Monday. "
        f"At about 9 a.m. {same}, the North also fired artillery shells into the sea."
    )
    events = extract_events(_article(text, "2023-07-27"), gazetteer=GAZ)
    dates = {e.type: e.time.iso if e.time else None for e in events}
    assert dates[kb.EventType.ARTILLERY_FIRE] == "2023-07-24", events


def test_that_day_with_no_day_named_before_stays_undated() -> None:
    text = "At about 9 a.m. that day, the North fired artillery shells into the sea."
    events = extract_events(_article(text, "2023-07-27"), gazetteer=GAZ)
    assert [e.time.date if e.time else None for e in events] == [None]
