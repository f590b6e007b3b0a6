"""Dates across clauses (issue 17): co-temporal clauses, short offsets, own dates, tense."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.dates import find_times, offset_of
from koreabrief.extraction.events import extract_events


def _dated(text: str, published: str, kind: str) -> list[str | None]:
    """The dates (ISO) of the events of one type the text reports."""
    article = kb.Article(id="t", raw=text, text=text, published=dt.date.fromisoformat(published))
    events = extract_events(article, include_all=True)
    return [e.time.iso if e.time else None for e in events if e.type.value == kind]


class TestConnectiveAfterTime:
    @pytest.mark.parametrize(
        ("text", "published", "kind", "date"),
        [
            (
                (
                    "The broadcasts, restarted by Seoul on August 10 for the first time since 2004, angered "
                    "the North most on Thursday evening, when its gunners lobbed two shells over the line."
                ),
                "2015-08-21",
                "artillery_fire",
                "2015-08-20",
            ),
            (
                (
                    "Seoul resumed its drills on January 2, and tension peaked on Tuesday, as Pyongyang "
                    "fired a salvo of shells toward the island."
                ),
                "2024-01-11",
                "artillery_fire",
                "2024-01-09",
            ),
            (
                (
                    "After talks collapsed in February, markets in Seoul fell on Friday, even as the North's "
                    "batteries fired a volley of shells into the buffer zone."
                ),
                "2024-03-09",
                "artillery_fire",
                "2024-03-08",
            ),
            (
                (
                    "[KCNA] The enemy provocation came at dawn on Monday, when puppet warships intruded and "
                    "our coastal batteries opened fire."
                ),
                "2023-06-07",
                "artillery_fire",
                "2023-06-05",
            ),
            (
                (
                    "Since the summer of 2014 the border had been quiet until late on Sunday, while KPA "
                    "guards fired machine-guns toward the drifting balloons."
                ),
                "2014-10-13",
                "shooting",
                "2014-10-12",
            ),
        ],
    )
    def test_clause_takes_the_time_before_it(self, text: str, published: str, kind: str, date: str) -> None:
        """A clause opened by "when", "as" or "while" after a time happens at that time."""
        assert date in _dated(text, published, kind)


class TestShortOffsets:
    @pytest.mark.parametrize(
        ("text", "published", "kind", "date"),
        [
            (
                (
                    "A North Korean shell landed near a frontline unit on Thursday. The reply followed some "
                    "40 minutes later, when self-propelled guns fired 36 rounds northward."
                ),
                "2015-08-21",
                "artillery_fire",
                "2015-08-20",
            ),
            (
                "The North fired a shell on Tuesday. Hours later, South Korean gunners returned fire.",
                "2025-03-07",
                "shooting",
                "2025-03-04",
            ),
            (
                (
                    "Yonhap: The rocket blasted off shortly before 10 a.m. on Wednesday. Two hours later, "
                    "KCNA said it "
                    "had put a satellite into orbit, and the Security Council issued a press statement "
                    "condemning it minutes later."
                ),
                "2012-12-13",
                "council_statement",
                "2012-12-12",
            ),
            (
                (
                    "Shells from the North landed near a marine base on Monday, the military said. "
                    "The National Security Council held an emergency meeting later in the evening."
                ),
                "2025-03-07",
                "meeting",
                "2025-03-03",
            ),
        ],
    )
    def test_same_day_as_the_story(self, text: str, published: str, kind: str, date: str) -> None:
        """Minutes or hours later, or later in the evening, is the day the story last named."""
        assert date in _dated(text, published, kind)

    @given(st.integers(min_value=1, max_value=12), st.sampled_from(["hours", "minutes"]))
    def test_within_a_day_is_no_shift(self, count: int, unit: str) -> None:
        """A count of hours (up to twelve) or minutes later moves no day."""
        offset = offset_of(f"{count} {unit} later")
        assert offset is not None
        assert offset.delta.days == 0
        assert not offset.anchored

    def test_long_counts_and_comparisons_stay_apart(self) -> None:
        """Thirty-six hours may cross midnight; "a minute later than" compares, it dates nothing."""
        day = dt.date(2023, 11, 22)
        assert offset_of("36 hours later") is None
        assert find_times("put the launch a minute later than the North did", published=day) == []
        assert [t.iso for t in find_times("It blew up three hours ago.", published=day)] == ["2023-11-22"]


class TestOwnDates:
    @pytest.mark.parametrize(
        ("text", "published", "kind", "date"),
        [
            (
                "The test was staged days ahead of Taiwan's general election on January 13.",
                "2024-01-08",
                "election",
                "2024-01-13",
            ),
            (
                "Nine weeks later, on Tuesday, March 4, the National Assembly impeached the premier.",
                "2025-03-06",
                "impeachment",
                "2025-03-04",
            ),
            (
                (
                    "Investigators traced a share of the loot from the March hack to a Cambodian exchange, "
                    "the FBI said."
                ),
                "2022-05-09",
                "cyberattack",
                "2022-03",
            ),
            (
                "Analysts recalled its June test of a solid-fuel engine, which Seoul called a failure.",
                "2023-08-02",
                "weapons_test",
                "2023-06",
            ),
        ],
    )
    def test_the_event_keeps_its_own_date(self, text: str, published: str, kind: str, date: str) -> None:
        """A date written beside an event is its own: after it, after its weekday, or before it."""
        assert date in _dated(text, published, kind)

    @given(st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]), st.integers(1, 28))
    def test_weekday_with_date(self, weekday: str, day: int) -> None:
        """A weekday followed by its date ("Friday, March 9") resolves as the date."""
        times = find_times(f"It happened on {weekday}, March {day}.", published=dt.date(2025, 3, 31))
        assert [t.iso for t in times] == [f"2025-03-{day:02d}"]

    def test_a_month_as_a_word_stays_no_date(self) -> None:
        """Only a month before a noun names a time: "the March of history" is none."""
        assert find_times("the March of history", published=dt.date(2025, 3, 31)) == []
        assert [t.iso for t in find_times("the March hack", published=dt.date(2025, 3, 31))] == ["2025-03"]


class TestClauseScope:
    def test_cue_stops_at_subordinator(self) -> None:
        """A hedge before "since it" or "because Seoul" does not reach the clause it opens."""
        text = "Beijing may stall any talks because it vetoed the draft resolution in March."
        article = kb.Article(id="t", raw=text, text=text, published=dt.date(2024, 10, 30))
        (veto,) = [e for e in extract_events(article, include_all=True) if e.type.value == "veto"]
        assert veto.modality is not kb.Modality.HYPOTHETICAL
        assert veto.time is not None
        assert veto.time.iso == "2024-03"

    def test_semicolon_closes_the_opening_time(self) -> None:
        """A time opening a sentence does not date what follows a semicolon."""
        text = (
            "On April 5, 2009, the rocket went up; the Council condemned it eight days later; "
            "and Pyongyang expelled the inspectors."
        )
        assert _dated(text, "2009-05-01", "expulsion") == [None]

    def test_charge_is_no_event(self) -> None:
        """What an indictment charges is alleged: the theft named in the charge is no event."""
        text = "Prosecutors indicted two programmers on Wednesday on charges of laundering stolen crypto."
        article = kb.Article(id="t", raw=text, text=text, published=dt.date(2021, 9, 3))
        kinds = {e.type.value for e in extract_events(article)}
        assert "indictment" in kinds
        assert "cyberattack" not in kinds


class TestTense:
    @pytest.mark.parametrize(
        ("text", "published", "kind", "date"),
        [
            (
                "On May 3, the North test-fired a solid-fuel missile that experts said might reach Hawaii.",
                "2025-06-20",
                "missile_launch",
                "2025-05-03",
            ),
            (
                "On Monday, the North fired two missiles that analysts said might reach Guam.",
                "2025-03-07",
                "missile_launch",
                "2025-03-03",
            ),
            (
                "On Monday, North Korea fired a missile ahead of the summit.",
                "2025-03-07",
                "missile_launch",
                "2025-03-03",
            ),
            (
                "On Friday, the defence chiefs will hold talks in Tokyo, officials said.",
                "2025-03-05",
                "meeting",
                "2025-03-07",
            ),
            (
                "On Saturday, another mass rally against the president is planned in Gwanghwamun.",
                "2016-12-09",
                "protest",
                "2016-12-10",
            ),
        ],
    )
    def test_the_clause_after_an_opening_time_decides(
        self, text: str, published: str, kind: str, date: str
    ) -> None:
        """A time opening its clause is past when a past verb follows it before any future cue;
        "is planned" looks ahead."""
        assert date in _dated(text, published, kind)
