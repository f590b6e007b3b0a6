"""Event types decided by their arguments (issue 17): summits, space launches, nuclear tests, idioms.

Every sentence here is written for these tests; none comes from a news article.
"""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.event_types import TypeRules
from koreabrief.extraction.triggers import EventLexicon

GAZ = kb.Gazetteer.default()
PUBLISHED = "2023-09-15"


def _events(text: str, published: str = PUBLISHED, *, include_all: bool = False) -> tuple[kb.Event, ...]:
    article = kb.Article(id="t", raw=text, text=text, published=dt.date.fromisoformat(published))
    return kb.extract_events(article, gazetteer=GAZ, include_all=include_all)


def _typed(text: str, published: str = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(e.type.value, e.time.iso if e.time else None) for e in _events(text, published)]


class TestLeadersMeetInSummit:
    @pytest.mark.parametrize(
        ("text", "published", "date", "actors"),
        [
            (
                "Vladimir Putin and Kim Jong Un held talks at a cosmodrome in the Amur region on Wednesday.",
                "2023-09-15",
                "2023-09-13",
                {"Vladimir Putin", "Kim Jong Un"},
            ),
            (
                "Chinese President Xi Jinping hosted North Korean leader Kim Jong Un in Beijing on Tuesday.",
                "2018-03-30",
                "2018-03-27",
                {"Xi Jinping", "Kim Jong Un"},
            ),
            (
                "Moon Jae-in greeted Kim Jong Un at the military demarcation line on Friday.",
                "2018-04-28",
                "2018-04-27",
                {"Moon Jae-in", "Kim Jong Un"},
            ),
            (
                "Fumio Kishida welcomed Yoon Suk Yeol to his official residence on Thursday.",
                "2023-03-17",
                "2023-03-16",
                {"Fumio Kishida", "Yoon Suk Yeol"},
            ),
            (
                "Donald Trump sat down with Kim Jong Un at a resort hotel on Tuesday.",
                "2018-06-13",
                "2018-06-12",
                {"Donald Trump", "Kim Jong Un"},
            ),
            (
                "Lee Myung-bak and Hu Jintao held a meeting at the presidential office on Monday.",
                "2012-03-27",
                "2012-03-26",
                {"Lee Myung-bak", "Hu Jintao"},
            ),
            (
                "Kim Jong Il met Dmitry Medvedev at a military garrison near Ulan-Ude in August 2011.",
                "2011-08-30",
                "2011-08",
                {"Kim Jong Il", "Dmitry Medvedev"},
            ),
            (
                "Indonesian President Joko Widodo met Yoon Suk Yeol in Jakarta on Wednesday.",
                "2023-09-08",
                "2023-09-06",
                {"Joko Widodo", "Yoon Suk Yeol"},
            ),
            (
                "Biden held talks with Yoon Suk Yeol and Fumio Kishida at the retreat on Friday.",
                "2023-08-20",
                "2023-08-18",
                {"Joe Biden", "Yoon Suk Yeol", "Fumio Kishida"},
            ),
        ],
    )
    def test_heads_meeting_in_person_hold_a_summit(
        self, text: str, published: str, date: str, actors: set[str]
    ) -> None:
        """Two heads of state or government meeting in person hold a summit, whatever the verb."""
        events = _events(text, published)
        summits = [e for e in events if e.type is kb.EventType.SUMMIT]
        assert [e.time.iso if e.time else None for e in summits] == [date], events
        assert set(summits[0].actors) >= actors
        assert kb.EventType.MEETING not in {e.type for e in events}

    @pytest.mark.parametrize(
        "second",
        [
            "The two leaders met for about three hours on Wednesday, state media said.",
            "Both leaders held talks over lunch on Wednesday.",
            "The meeting between the two leaders lasted past midnight on Wednesday.",
        ],
    )
    def test_the_two_leaders_are_the_heads_named_before(self, second: str) -> None:
        """ "The two leaders" are the last two heads of different states named before."""
        text = f"Xi Jinping flew to Moscow to see Vladimir Putin. {second}"
        summits = [e for e in _events(text) if e.type is kb.EventType.SUMMIT]
        assert [(set(e.actors), e.time.iso if e.time else None) for e in summits] == [
            ({"Xi Jinping", "Vladimir Putin"}, "2023-09-13")
        ]

    @pytest.mark.parametrize(
        ("text", "actors"),
        [
            (
                "Putin landed in Pyongyang. Kim Jong Un held talks with the Russian leader on Wednesday.",
                {"Kim Jong Un", "Vladimir Putin"},
            ),
            ("The Chinese president met Yoon Suk Yeol in Bali on Wednesday.", {"China", "Yoon Suk Yeol"}),
        ],
    )
    def test_a_state_told_by_its_heads_title_is_its_head(self, text: str, actors: set[str]) -> None:
        """ "The Russian leader" stands for the Russian head the story names, else for Russia."""
        summits = [e for e in _events(text) if e.type is kb.EventType.SUMMIT]
        assert [set(e.actors) for e in summits] == [actors]

    @pytest.mark.parametrize(
        "text",
        [
            # The title is no head's.
            "Kim Jong Un met the Russian defence minister on Wednesday.",
            # A call is no summit.
            "Yoon Suk Yeol spoke by telephone with Fumio Kishida on Friday.",
            "Joe Biden held a video call with Xi Jinping on Friday.",
            # Ministers and envoys meet.
            "Foreign Minister Park Jin met Wang Yi in Beijing on Friday.",
            "Sergei Shoigu held talks with Kim Jong Un in Pyongyang on Friday.",
            # A head of government under a president is no head of his state.
            "Han Duck-soo met Li Qiang in Hangzhou on Friday.",
            # A former president meets as a private citizen.
            "Former President Moon Jae-in met Xi Jinping in Beijing on Friday.",
        ],
    )
    def test_calls_and_other_peoples_meetings_stay_meetings(self, text: str) -> None:
        """Calls between leaders, and meetings of ministers, envoys or former leaders, are no summits."""
        assert kb.EventType.SUMMIT not in {e.type for e in _events(text, include_all=True)}

    def test_a_speakers_own_word_stands_inside_a_quotation(self) -> None:
        """An analyst's "meeting" between two leaders, inside quotation marks, keeps his word."""
        text = 'A scholar said, "The latest meeting between Xi Jinping and Kim Jong Un changed little."'
        assert [e.type for e in _events(text)] == [kb.EventType.MEETING]

    def test_a_tally_of_meetings_is_no_summit(self) -> None:
        """ "Have met four times" counts meetings; it tells of no one summit."""
        text = "Kim Jong Un and Xi Jinping have met four times since March 2018."
        assert kb.EventType.SUMMIT not in {e.type for e in _events(text)}

    def test_a_session_of_a_summit_stays_its_part(self) -> None:
        """A small-group session told beside the summit it opens is not a second summit."""
        text = (
            "Yoon Suk Yeol and Fumio Kishida ended a short small-group meeting and moved on to "
            "the expanded summit on Thursday."
        )
        types = [e.type for e in _events(text)]
        assert types.count(kb.EventType.SUMMIT) == 1, types

    def test_the_leaders_own_words_about_their_meeting_are_the_summit(self) -> None:
        """A later "meeting" of one of a summit's leaders, on no other day, is that summit told again."""
        text = (
            "Moon Jae-in met Kim Jong Un at the truce village on Friday. "
            'Kim later said: "Today we held a meeting that opens a new era."'
        )
        events = _events(text, "2018-04-27")
        assert [e.type for e in events] == [kb.EventType.SUMMIT], events

    def test_a_greeting_needs_a_guest(self) -> None:
        """ "Welcomed" meets someone only when a person is named right after it."""
        for text in (
            "Seoul welcomed the decision on Friday.",
            "Tokyo welcomed Kim's offer of talks on Friday.",
            "Officials greeted the news with relief on Friday.",
        ):
            assert not [e for e in _events(text) if e.type in (kb.EventType.MEETING, kb.EventType.SUMMIT)]


class TestSpaceLaunches:
    @pytest.mark.parametrize(
        ("text", "published", "date"),
        [
            (
                "The Chollima-1 carrying a reconnaissance satellite failed on Wednesday.",
                "2023-05-31",
                "2023-05-31",
            ),
            (
                "Pyongyang's attempt to launch a spy satellite ended in failure on May 31.",
                "2023-06-02",
                "2023-05-31",
            ),
            ("The Unha-3 blasted off from the west coast on Wednesday.", "2012-12-13", "2012-12-12"),
            ("North Korea fired a space launch vehicle on Sunday.", "2016-02-08", "2016-02-07"),
            (
                "The launch of the Kwangmyongsong-4 on February 7 drew condemnation.",
                "2016-02-09",
                "2016-02-07",
            ),
            (
                "North Korea fired a long-range missile carrying a satellite in April 2009.",
                "2009-04-10",
                "2009-04",
            ),
            ("Its carrier rocket crashed into the Yellow Sea on Wednesday.", "2023-08-26", None),
            (
                "Pyongyang tried to put a satellite into orbit on Thursday, but the rocket exploded.",
                "2023-08-26",
                "2023-08-24",
            ),
            (
                "North Korea said the Malligyong-1 rocket launch on Tuesday put the satellite in orbit.",
                "2023-11-23",
                "2023-11-21",
            ),
        ],
    )
    def test_space_launches_are_satellite_launches(self, text: str, published: str, date: str | None) -> None:
        """Space rockets, satellite payloads and failed attempts are satellite launches, not missile ones."""
        typed = _typed(text, published)
        assert ("satellite_launch", date) in typed, typed
        assert "missile_launch" not in {t for t, _ in typed}

    @pytest.mark.parametrize(
        "later",
        [
            "State media said the satellite entered orbit.",
            "The agency said it had reached a stable orbit.",
            "Officials said the Kwangmyongsong payload was placed into orbit.",
        ],
    )
    def test_a_rocket_on_the_day_of_the_space_launch_is_that_launch(self, later: str) -> None:
        """A single rocket fired on the day the story's satellite went up is the satellite launch."""
        text = f"North Korea fired a long-range rocket on Sunday. Seoul condemned it. {later}"
        assert {t for t, _ in _typed(text)} == {"satellite_launch"}

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            (
                "North Korea fired a long-range rocket from the Sohae station on Wednesday.",
                "satellite_launch",
            ),
            ("Pyongyang launched a rocket from Tongchang-ri on Wednesday, Seoul said.", "satellite_launch"),
            ("North Korea fired a ballistic missile from near Tongchang-ri on Wednesday.", "missile_launch"),
        ],
    )
    def test_a_rocket_from_a_space_site_carries_a_satellite(self, text: str, kind: str) -> None:
        """A single rocket launched from a space launch site is a satellite launch; a missile stays one."""
        assert {t for t, _ in _typed(text)} == {kind}

    def test_a_barrage_of_rockets_stays_apart(self) -> None:
        """Rockets in the plural are a barrage, not the satellite's carrier."""
        text = (
            "The North fired rockets into the sea on Sunday. Seoul protested. "
            "Separately, a satellite entered orbit on Sunday."
        )
        assert "missile_launch" in {t for t, _ in _typed(text)}

    @pytest.mark.parametrize(
        "text",
        [
            "Kim met Putin at the space launch centre in the Far East on Wednesday.",
            "Satellite photos show new work at the satellite launch site on Wednesday.",
            "Pyongyang has spent years on space launch vehicle technology.",
            "Seoul and Tokyo began sharing missile launch warning data on Wednesday.",
            "Images showed trucks at a missile launch pad on Wednesday.",
            "After lunch, Kim and Putin toured the launch facilities on Wednesday.",
            "Engineers repaired its launch tower on Wednesday.",
        ],
    )
    def test_launch_places_and_systems_are_no_launches(self, text: str) -> None:
        """A launch site, centre, pad or technology named is no launch."""
        typed = {t for t, _ in _typed(text)}
        assert not typed & {"satellite_launch", "missile_launch"}, typed


class TestNuclearTests:
    @pytest.mark.parametrize(
        ("text", "published", "date"),
        [
            (
                "North Korea set off an underground blast at Punggye-ri on Tuesday.",
                "2009-05-27",
                "2009-05-26",
            ),
            (
                "Pyongyang detonated a device at its northeastern test site on Sunday.",
                "2017-09-05",
                "2017-09-03",
            ),
            ("The North carried out a test of a hydrogen device on Wednesday.", "2016-01-08", "2016-01-06"),
            (
                "Seismologists recorded an artificial earthquake near Kilju on Friday.",
                "2016-09-10",
                "2016-09-09",
            ),
            ("The country conducted an underground test on Monday.", "2006-10-10", "2006-10-09"),
            (
                "North Korea said it had carried out another nuclear test, stronger than the one in 2006.",
                "2009-05-26",
                None,
            ),
            (
                "The nuclear blast on Tuesday was about twice as large as the test of 2013.",
                "2016-01-07",
                "2016-01-05",
            ),
            ("Pyongyang exploded its most powerful device yet on Sunday.", "2017-09-04", "2017-09-03"),
            (
                "Its detonation of a thermonuclear weapon on Sunday drew swift condemnation.",
                "2017-09-04",
                "2017-09-03",
            ),
            ("Pyongyang staged an atomic test on Monday, its state media said.", "2006-10-10", "2006-10-09"),
            (
                "The North held its biggest test yet on Sunday, detonating what it called an H-bomb.",
                "2017-09-04",
                "2017-09-03",
            ),
        ],
    )
    def test_nuclear_tests_in_many_words(self, text: str, published: str, date: str | None) -> None:
        """Underground blasts, devices set off and man-made quakes are tests; a compared year dates none."""
        assert ("nuclear_test", date) in _typed(text, published)

    @pytest.mark.parametrize(
        "text",
        [
            "Militants detonated an improvised explosive device near the base on Sunday.",
            "Engineers are testing nuclear weapons designs, the report said.",
            "The nuclear blast was more powerful than the test of 2013.",
        ],
    )
    def test_other_blasts_and_compared_years_date_no_test(self, text: str) -> None:
        """A bomb attack or weapons design work is no nuclear test; a compared year dates no test."""
        typed = _typed(text, "2016-01-07")
        assert ("nuclear_test", "2013") not in typed
        assert "nuclear_test" not in {t for t, _ in typed} or "than" in text

    def test_a_distance_after_than_still_dates(self) -> None:
        """ "More than 1,000 km on Monday" compares a distance: Monday dates the launch."""
        assert _typed("North Korea fired a missile that flew more than 1,000 km on Monday.") == [
            ("missile_launch", "2023-09-11")
        ]


class TestSpuriousLaunches:
    @pytest.mark.parametrize(
        "text",
        [
            "The UN launched an investigation into the missile program on Monday.",
            "Seoul launched a campaign against missile proliferation on Monday.",
            "The firm launched a new line of missile parts on Monday.",
            "Analysts fired off warnings about the missile threat on Monday.",
            "Japan tested its missile defence system on Monday.",
            "Tokyo launched a probe regarding missile exports on Monday.",
            "The navy tested new missile tracking radar on Monday.",
            "Kim launched a tirade against the missile drills on Monday.",
        ],
    )
    def test_a_launch_verb_on_something_else_is_no_launch(self, text: str) -> None:
        """A launch verb whose missile word only modifies another object launched no missile."""
        assert "missile_launch" not in {t for t, _ in _typed(text)}

    @pytest.mark.parametrize(
        "text",
        [
            "North Korea fired at least ten missiles on Monday.",
            "North Korea fired a barrage of cruise missiles on Monday.",
            "North Korea launched what appeared to be a ballistic missile on Monday.",
            "The missile North Korea launched on Monday was a new solid-fuel missile.",
        ],
    )
    def test_launches_stay_launches(self, text: str) -> None:
        """Counts, barrages, hedges and a time in the gap keep the launch."""
        assert ("missile_launch", "2023-09-11") in _typed(text)


class TestAnaphors:
    def test_a_launch_told_again_in_its_month_is_the_same_launch(self) -> None:
        """ "The launch was its third this month" refers back to Monday's launch: one event."""
        text = "North Korea fired a missile on Monday. The launch was its third this month."
        assert _typed(text) == [("missile_launch", "2023-09-11")]

    def test_a_pair_joined_by_a_dash_meets(self) -> None:
        """ "The Seoul-Tokyo meeting" stays a meeting of both sides (no summit: no heads named)."""
        events = _events("The Seoul-Tokyo meeting took place on Wednesday.")
        assert [(e.type, set(e.actors)) for e in events] == [(kb.EventType.MEETING, {"South Korea", "Japan"})]


class TestSpuriousMeetings:
    @pytest.mark.parametrize(
        "text",
        [
            "The proposal met with sharp criticism from Seoul on Monday.",
            "The plan met with stiff resistance in parliament on Monday.",
            "The test met its goals, officials said on Monday.",
            "Pyongyang failed to meet the deadline on Monday.",
            "The new rules meet the standards set in 2019.",
            "Trump said on Monday he looked forward to meeting Kim Jong Un.",
            "Talks between the two Koreas have stalled since 2019.",
            "Lawmakers adopted the measure at the council's opening meeting on Monday.",
            "The launch met with swift condemnation from Tokyo on Tuesday.",
            "The plan met with skepticism in Washington on Tuesday.",
            "Biden said on Tuesday he was open to meeting Kim Jong Un.",
            "Kishida said on Tuesday he was eager to meet Kim Jong Un.",
            "Kim said at a meeting with officials on Monday that the army must be ready.",
            "Kim told a meeting of party cadres on Monday that the harvest must improve.",
            "The minister met reporters in Seoul on Monday.",
            "Lawmakers voted at the committee's emergency meeting on Monday.",
        ],
    )
    def test_idioms_wishes_stalls_and_sessions_are_no_meetings(self, text: str) -> None:
        """Idioms of "meet", wishes, a stall's start and a body's own session are no meeting."""
        assert not [e for e in _events(text) if e.type in (kb.EventType.MEETING, kb.EventType.SUMMIT)]

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("Kim told a meeting with Putin on Monday that ties were strong.", kb.EventType.SUMMIT),
            ("Lee called an emergency security meeting for Friday, his office said.", kb.EventType.MEETING),
        ],
    )
    def test_a_meeting_with_someone_named_or_convened_stays(self, text: str, kind: kb.EventType) -> None:
        """Words spoken at a meeting with a named partner, or a meeting convened, keep the meeting."""
        assert kind in {e.type for e in _events(text, "2010-05-20")}


class TestRules:
    def test_rules_travel_with_the_lexicon(self) -> None:
        """The compiled rules are built once per lexicon and the lexicon still pickles."""
        lex = EventLexicon.default()
        assert TypeRules.of(lex) is TypeRules.of(lex)
        again = pickle.loads(pickle.dumps(lex))
        assert TypeRules.of(again).head_roles == TypeRules.of(lex).head_roles

    @given(
        st.text(alphabet="than the one in 2006 met with welcomed leaders satellite carrying,. ", max_size=400)
    )
    def test_any_text_keeps_spans_honest(self, text: str) -> None:
        """On any text the retyped events' triggers still index the text."""
        for e in _events(text):
            for span in e.mentions:
                assert 0 <= span.start <= span.end <= len(text)

    def test_hostile_input_stays_fast(self) -> None:
        """Long runs of the rules' words do not blow up the regexes."""
        import time

        text = (
            ("than the the the " * 2000)
            + "in 2006. "
            + ("met with " * 2000)
            + ("carrying " * 2000)
            + "satellite."
        )
        start = time.perf_counter()
        _events(text)
        assert time.perf_counter() - start < 10
