"""Tests for koreabrief.clashes: what keeps two articles apart whatever else they share."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.clashes import (
    authority_clash,
    day_clash,
    days_apart,
    designator_clash,
    lead_clash,
    story_clash,
)
from koreabrief.profile import Profile, profile

_days = st.tuples(st.integers(1, 12), st.integers(1, 28))


def _profile(
    aid: str, text: str, published: dt.date | None = None, events: tuple[kb.Event, ...] = ()
) -> Profile:
    article = kb.Article(id=aid, raw=text, text=text, published=published)
    return profile(kb.Facts(article=article, events=events))


def _launch(day: dt.date) -> kb.Event:
    return kb.Event(
        type=kb.EventType.MISSILE_LAUNCH,
        span=kb.Span(0, 11),
        actors=("North Korea",),
        time=kb.TimeRef("on Monday", day, kb.Precision.DAY),
    )


class TestDaysApart:
    @given(_days, _days)
    def test_symmetric_and_bounded(self, x: tuple[int, int], y: tuple[int, int]) -> None:
        """Days apart around the calendar are symmetric, zero for one day, at most half a year."""
        assert days_apart(x, y) == days_apart(y, x)
        assert 0 <= days_apart(x, y) <= 183
        assert days_apart(x, x) == 0

    def test_across_new_year(self) -> None:
        """December 30 and January 2 are three days apart, the year unknown."""
        assert days_apart((12, 30), (1, 2)) == 3


class TestClashes:
    def test_designators(self) -> None:
        """Different main numbers of one family clash; different families do not."""
        assert designator_clash(("resolution:2375",), ("resolution:2397",)) == "resolution 2375 vs 2397"
        assert designator_clash(("resolution:2375",), ("hwasong:17",)) is None
        assert designator_clash((), ("hwasong:17",)) is None

    def test_authorities(self) -> None:
        """Disjoint sanctioning authorities clash; a shared one or a missing side does not."""
        assert authority_clash(("United States",), ("European Union",)) is not None
        assert authority_clash(("United States", "Japan"), ("Japan",)) is None
        assert authority_clash((), ("Japan",)) is None

    def test_lead_events_a_week_apart(self) -> None:
        """Leading with one kind of event a week apart is two events; a day apart is one."""
        text = "North Korea fired a missile."
        days = {"a": dt.date(2031, 3, 10), "b": dt.date(2031, 3, 17), "c": dt.date(2031, 3, 11)}
        a, b, c = (_profile(aid, text, day, (_launch(day),)) for aid, day in days.items())
        assert lead_clash(a, b) is not None
        assert lead_clash(a, c) is None

    def test_datelines_and_stamps(self) -> None:
        """An undated report's dateline or page stamp dates it against the other report."""
        a = _profile("a", "SEOUL, March 10 (Hanbit) -- A launch.")
        b = _profile("b", "SEOUL, March 17 (Hanbit) -- A launch.")
        c = _profile("c", "date 2031-03-11 A launch.")
        assert day_clash(a, b) == "reported on 3/10 and on 3/17"
        assert day_clash(a, c) is None
        assert day_clash(b, c) is not None

    def test_both_published(self) -> None:
        """Two publication dates are for the clustering's window to judge, not a clash here."""
        a = _profile("a", "A launch.", dt.date(2031, 3, 10))
        b = attrs.evolve(a, id="b", published=dt.date(2031, 5, 1))
        assert day_clash(a, b) is None
        assert story_clash(a, b) is None
