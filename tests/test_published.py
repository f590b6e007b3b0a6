"""The publication date: the caller's, a date stamp, the page's date lines, the address."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.cleaning import clean
from koreabrief.cleaning.normalise import split_lines
from koreabrief.cleaning.published import split_stamp, url_date
from tests.test_clean import lost_characters

_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))
BODY = "North Korea fired two short-range missiles into the sea on Tuesday, the military in Seoul said."


class TestStamp:
    """A "date YYYY-MM-DD" stamp glued to the first line is removed; the rest of the line stays."""

    def test_stamp_removed_rest_is_body(self) -> None:
        """The stamp is an `other` removal with its offsets; the dateline after it opens the body."""
        raw = f" date 2024-10-23 SEOUL — {BODY}\n\nThe launch was the third this month."
        a = clean(raw)
        stamp = a.removed[0]
        assert (stamp.kind, stamp.text, raw[stamp.start : stamp.end]) == (
            kb.RemovalKind.OTHER, "date 2024-10-23", "date 2024-10-23",
        )  # fmt: skip
        assert a.text.startswith("SEOUL — North Korea fired")
        assert (a.published, a.published_source, a.dateline) == (dt.date(2024, 10, 23), "stamp", "SEOUL")
        assert not lost_characters(a)

    def test_stamp_before_headline(self) -> None:
        """A headline glued after the stamp is still the headline."""
        a = clean(f" date 2023-04-14 Pyongyang Tests New Solid-Fuel Missile\n\n{BODY}")
        assert a.title == "Pyongyang Tests New Solid-Fuel Missile"
        assert a.text == BODY

    def test_stamp_alone_on_its_line(self) -> None:
        """A line holding only the stamp is removed whole."""
        a = clean(f"date 2021-08-10\n\n{BODY}")
        assert (a.text, a.published) == (BODY, dt.date(2021, 8, 10))
        assert [r.text for r in a.removed] == ["date 2021-08-10"]

    def test_stamp_only_at_the_start(self) -> None:
        """A stamp-like phrase later in the page is not taken off."""
        a = clean(f"{BODY}\n\nThe date 2024-10-23 was set for talks.")
        assert a.published is None
        assert "The date 2024-10-23 was set for talks." in a.text

    def test_impossible_date_is_no_stamp(self) -> None:
        """"date 2024-02-30" is left as written and dates nothing."""
        assert clean(f"date 2024-02-30 {BODY}").published is None

    @given(
        day=_dates, spaces=st.sampled_from([" ", "  ", "\t", "\u00a0"]), lead=st.sampled_from(["", " ", "\n"])
    )
    def test_offsets_rebuild_raw(self, day: dt.date, spaces: str, lead: str) -> None:
        """Whatever the spacing, the stamp's offsets index it in raw and no character is lost."""
        raw = f"{lead}date {day.isoformat()}{spaces}SEOUL — {BODY}"
        lines = split_lines(raw)
        stamp, found = split_stamp(raw, lines)
        assert stamp is not None
        assert found == day
        assert raw[stamp.start : stamp.end] == f"date {day.isoformat()}"
        first = next(line for line in lines if line.text)
        assert raw[first.start : first.end] == f"SEOUL — {BODY}"
        assert not lost_characters(clean(raw))


class TestUrlDate:
    """A date in the article's address."""

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.com/news/2025/01/06/launch",
            "https://example.com/world/launch-2025-01-06-883251",
            "https://example.com/stories/2025/jan/06/launch/",
            "https://example.com/06-Jan-2025/launch",
            "https://example.com/articles/1234/20250106/launch.htm",
            "https://example.com/view/AEN20250106003500315",
            "https://example.com/view.php?ud=20250106050031",
        ],
    )
    def test_forms(self, url: str) -> None:
        """Slashes, dashes, month names and compact stamps (alone or with a time) are read."""
        assert url_date(url) == dt.date(2025, 1, 6)

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.com/article/12345678",
            "https://example.com/news/2025/01/launch",
            "https://example.com/id/202501069912",
            "https://example.com/2025/13/45/x",
        ],
    )
    def test_no_date(self, url: str) -> None:
        """Serial numbers, a month without its day and impossible dates give nothing."""
        assert url_date(url) is None

    @given(day=_dates)
    def test_round_trip(self, day: dt.date) -> None:
        """Every date written in a path is read back."""
        assert url_date(f"https://example.com/{day:%Y/%m/%d}/story") == day
        assert url_date(f"https://example.com/story-{day:%Y%m%d}") == day

    def test_article_reads_the_url(self) -> None:
        """`kb.article` (not only `load`) reads the address, and says so."""
        a = kb.article(BODY, id="n1", url="https://example.com/2024/08/20/story")
        assert (a.published, a.published_source) == (dt.date(2024, 8, 20), "url")


class TestTextDate:
    """A date line of the page's header."""

    def test_published_line_before_the_address(self) -> None:
        """A "Published" line wins over the address; the source says "text"."""
        raw = f"Launch Draws Rebuke\n\nPublished : Dec. 17, 2024 - 09:39\n\n{BODY}"
        a = clean(raw, url="https://example.com/2024/12/18/x")
        assert (a.published, a.published_source) == (dt.date(2024, 12, 17), "text")

    def test_updated_line_before_a_bare_date(self) -> None:
        """A site's bare date of the day comes after an "Updated" line."""
        raw = (
            "Thursday, March 6, 2025\n\nLaunch Draws Rebuke\n\n"
            f"By Staff Updated: Feb 3, 2025 6:29 pm\n\n{BODY}"
        )
        assert clean(raw).published == dt.date(2025, 2, 3)

    @pytest.mark.parametrize(
        ("line", "day"),
        [
            ("Nov 23,2010", dt.date(2010, 11, 23)),
            ("Posted November. 24, 2010 17:05,", dt.date(2010, 11, 24)),
            ("Min Park 2021. 8. 10. 15:44", dt.date(2021, 8, 10)),
            ("Published 17:38 IST, January 16th 2024", dt.date(2024, 1, 16)),
            ("# 25 April 2019 10:08 (UTC +04:00)", dt.date(2019, 4, 25)),
        ],
    )
    def test_date_line_forms(self, line: str, day: dt.date) -> None:
        """Date lines in the shapes news sites print them."""
        assert clean(f"Launch Draws Rebuke\n\n{line}\n\n{BODY}").published == day

    def test_address_before_a_bare_date(self) -> None:
        """A bare date atop a page (the site's today) comes after the address's date."""
        raw = f"Thursday, March 6, 2025\n\nLaunch Draws Rebuke\n\n{BODY}"
        a = clean(raw, url="https://example.com/2025/02/03/launch")
        assert (a.published, a.published_source) == (dt.date(2025, 2, 3), "url")
        assert clean(raw).published == dt.date(2025, 3, 6)

    def test_caption_dates_are_not_read(self) -> None:
        """A photo caption's date is when the picture was taken."""
        raw = (
            "Launch Draws Rebuke\n\nThis picture taken on January 14, 2024 shows a missile test. "
            f"(KCNA via Reuters)\n\n{BODY}"
        )
        assert clean(raw).published is None


class TestPublishedArgument:
    """`published` is a date, a datetime or an ISO string wherever an Article is built."""

    @given(
        moment=st.datetimes(
            min_value=dt.datetime(1990, 1, 1),  # noqa: DTZ001 - naive bounds for naive datetimes
            max_value=dt.datetime(2099, 1, 1),  # noqa: DTZ001
            timezones=st.none() | st.just(dt.timezone.utc),
        )
    )
    def test_datetime_and_iso(self, moment: dt.datetime) -> None:
        """A datetime and its ISO text both stand for its date, in Article, clean and article."""
        for value in (moment, moment.isoformat(), moment.date(), moment.date().isoformat()):
            assert kb.Article(id="x", raw="", text="", published=value).published == moment.date()
            assert clean(BODY, published=value).published == moment.date()
            assert kb.article(BODY, id="x", published=value).published_source == "given"

    @pytest.mark.parametrize("value", [20250106, "next Tuesday", "06/01/2025", 3.5, ["2025-01-06"]])
    def test_anything_else_raises(self, value: object) -> None:
        """Other values are an ArgumentError (also a TypeError), never a deep traceback."""
        with pytest.raises(kb.ArgumentError):
            kb.Article(id="x", raw="", text="", published=value)  # type: ignore[arg-type]
        with pytest.raises(kb.ArgumentError, match="clean"):
            clean(BODY, published=value)  # type: ignore[arg-type]
        with pytest.raises(kb.ArgumentError, match="article"):
            kb.article(BODY, id="x", published=value)  # type: ignore[arg-type]

    def test_given_wins_over_everything(self) -> None:
        """The caller's date wins over a stamp and the address."""
        a = clean(f"date 2024-10-23 {BODY}", url="https://example.com/2024/10/22/x", published="2024-10-24")
        assert (a.published, a.published_source) == (dt.date(2024, 10, 24), "given")

    def test_no_date_no_source(self) -> None:
        """Without any date, published and its source are None."""
        a = clean(BODY, url="https://example.com/world/story")
        assert (a.published, a.published_source) == (None, None)

    def test_old_json_loads(self) -> None:
        """An article serialised before `published_source` existed still loads."""
        old = '{"id": "x", "raw": "", "text": "", "published": "2025-01-06"}'
        a = kb.from_json(old, kb.Article)
        assert (a.published, a.published_source) == (dt.date(2025, 1, 6), None)

    def test_bad_url_type(self) -> None:
        """A url that is not text is an ArgumentError."""
        with pytest.raises(kb.ArgumentError):
            clean(BODY, url=20250106)  # type: ignore[arg-type]


class TestRound2Dates:
    """Six-digit address segments and a weekday-checked date in the lead (#15)."""

    @pytest.mark.parametrize(
        ("url", "day"),
        [
            ("https://example.com/en/world/250428/23916/launch.html", dt.date(2025, 4, 28)),
            ("https://example.com/2024/05/06/x/250428/", dt.date(2024, 5, 6)),  # the longer date wins
            ("https://example.com/en/world/251340/launch.html", None),  # month 13: a number
            ("https://example.com/story-250428-launch", None),  # not a whole segment
        ],
    )
    def test_six_digit_segment(self, url: str, day: dt.date | None) -> None:
        """A six-digit path segment is a date only when it is one and no longer date is there."""
        assert url_date(url) == day

    def test_lead_weekday_date(self) -> None:
        """A full date with its agreeing weekday in the lead gives the date, source "text"."""
        raw = "Envoys Meet in Pyongyang\n\nState media said on Thursday, July, 27, 2023 that envoys met.\n"
        a = clean(raw)
        assert (a.published, a.published_source) == (dt.date(2023, 7, 27), "text")

    def test_lead_weekday_must_agree(self) -> None:
        """A weekday that does not fit the date gives nothing; nor does a day without its year."""
        assert clean("State media said on Friday, July 27, 2023 that envoys met.\n").published is None
        assert clean("The test came on Wednesday (January 6) in the northeast.\n").published is None

    def test_lead_date_after_address(self) -> None:
        """The address's date comes before the lead's."""
        raw = "State media reported on Thursday, July 27, 2023 that envoys met.\n"
        a = clean(raw, url="https://example.com/2023/07/28/envoys")
        assert (a.published, a.published_source) == (dt.date(2023, 7, 28), "url")
