"""Tests for koreabrief.compare and the rules it is built from (quotes, judge, align, names)."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.align import align_events, event_alignments
from koreabrief.comparison import compare, mirror
from koreabrief.judge import dates_verdict, quantities_verdict, quantity_interval
from koreabrief.quotematch import match_quotes, match_statements
from koreabrief.spelling import spelling_conflicts
from tests import strategies
from tests.gold_facts import fixture_facts


def _q(text: str, unit: str, value: float | None = None, **kw: object) -> kb.Quantity:
    km = None
    if value is not None and unit == "km":
        km = value
    return kb.Quantity(text=text, unit=unit, value=value, km=km, **kw)  # type: ignore[arg-type]


def _day(d: dt.date, text: str = "on the day") -> kb.TimeRef:
    return kb.TimeRef(text, d, kb.Precision.DAY)


def _facts(aid: str, text: str, **kw: object) -> kb.Facts:
    return kb.Facts(article=kb.Article(id=aid, raw=text, text=text), **kw)  # type: ignore[arg-type]


class TestMatchQuotes:
    def test_quote_marks_and_punctuation_ignored(self) -> None:
        """Curly or straight marks, trailing commas and case do not matter."""
        assert match_quotes("“We are ready,” ", '"we are ready."') == ("exact", 100.0)

    def test_small_rewording_is_one_statement(self) -> None:
        """'collaborative work' vs 'work together' in one quotation is one statement."""
        a = "Today’s launch is just a reminder to all of us of how important our collaborative work is,"
        b = "Today's launch is just a reminder to all of us of how important our work together is"
        found = match_quotes(a, b)
        assert found is not None
        assert found[0] == "fuzzy"

    def test_short_rewording_is_one_statement(self) -> None:
        """The short form of the same rewording matches too."""
        assert match_quotes("how important our collaborative work is", "how important our work together is")

    def test_containment(self) -> None:
        """A quotation kept in part by another article matches as contained."""
        long_ = "is already receiving equipment. Now we have reason to believe that they will share it,"
        assert match_quotes("Now we have reason to believe that they will share it,", long_) == (
            "contained",
            100.0,
        )

    def test_different_quotes_do_not_match(self) -> None:
        """Two unrelated quotations are not one statement."""
        assert match_quotes("We will respond firmly to any provocation", "The talks went well today") is None

    def test_short_fragments_need_exact_match(self) -> None:
        """Short fragments ('fire and fury') only match exactly."""
        assert match_quotes("fire and fury", "fire and fury") == ("exact", 100.0)
        assert match_quotes("fire and fury", "fire and ice") is None

    @given(st.text(max_size=80), st.text(max_size=80))
    def test_symmetric_and_total(self, a: str, b: str) -> None:
        """Matching never raises and does not depend on argument order."""
        assert match_quotes(a, b) == match_quotes(b, a)

    def test_pairs_one_to_one(self) -> None:
        """Each quotation pairs with at most one of the other article."""
        s = kb.Statement(quote="We will answer every provocation firmly", span=kb.Span(0, 1))
        pairs = match_statements([s, s], [s])
        assert len(pairs) == 1


class TestQuantities:
    @pytest.mark.parametrize(
        ("other"),
        [
            _q("680 miles", "mi", 680.0),
            _q("more than 690 miles", "mi", 690.0),
            _q("685 miles", "mi", 685.0),
            _q("approximately 1,100 kilometers", "km", 1100.0, qualifier="approximately"),
        ],
    )
    def test_same_distance_across_units_agrees(self, other: kb.Quantity) -> None:
        """1,100 km agrees with 680 mi, 'more than 690 miles' and 685 miles."""
        assert quantities_verdict([_q("1,100 km", "km", 1100.0)], [other])[0]

    def test_different_distance_conflicts(self) -> None:
        """1,100 km vs 900 km is a conflict."""
        ok, note = quantities_verdict([_q("1,100 km", "km", 1100.0)], [_q("900 km", "km", 900.0)])
        assert not ok
        assert "do not overlap" in note

    def test_vague_amounts_are_compatible(self) -> None:
        """'significant' casualties agree with 'hundreds of' casualties."""
        sig = _q("significant casualties", "casualties", approx="significant")
        hundreds = _q("hundreds of casualties", "casualties", approx="hundreds")
        assert quantities_verdict([sig], [hundreds])[0]

    def test_vague_orders_of_magnitude_conflict(self) -> None:
        """'dozens' vs 'thousands' of troops is a conflict."""
        assert not quantities_verdict(
            [_q("dozens of troops", "troops", approx="dozens")],
            [_q("thousands", "troops", approx="thousands")],
        )[0]

    def test_qualifier_read_from_text(self) -> None:
        """A qualifier left in the text ('more than') still widens the range."""
        lo, hi = quantity_interval(_q("more than 690 miles", "mi", 690.0)) or (0, 0)
        assert lo < 1111 < hi
        assert hi > 1300

    @given(st.floats(1, 1e6))
    def test_a_value_agrees_with_itself_in_miles(self, km: float) -> None:
        """A distance agrees with the same distance converted to miles."""
        miles = km / 1.609344
        assert quantities_verdict([_q(f"{km} km", "km", km)], [_q(f"{miles} mi", "mi", miles)])[0]


class TestDates:
    def test_monday_vs_tuesday_conflicts(self) -> None:
        """Two different days for one event conflict, naming the weekdays."""
        ok, note = dates_verdict(_day(dt.date(2025, 1, 6)), _day(dt.date(2025, 1, 7))) or (True, "")
        assert not ok
        assert "Monday" in note
        assert "Tuesday" in note

    def test_precision_difference_is_compatible(self) -> None:
        """'August 2023' and '2023' agree."""
        month = kb.TimeRef("August 2023", dt.date(2023, 8, 1), kb.Precision.MONTH)
        year = kb.TimeRef("in 2023", dt.date(2023, 1, 1), kb.Precision.YEAR)
        assert dates_verdict(month, year) == (True, "compatible dates at different precision")

    def test_unresolved_gives_no_verdict(self) -> None:
        """An unresolved date is neither agreement nor conflict."""
        assert dates_verdict(kb.TimeRef("recently"), _day(dt.date(2025, 1, 6))) is None


class TestAlignEvents:
    def _launch(self, day: int, actors: tuple[str, ...] = ("North Korea",)) -> kb.Event:
        return kb.Event(
            type=kb.EventType.MISSILE_LAUNCH,
            span=kb.Span(0, 0),
            actors=actors,
            time=_day(dt.date(2025, 1, day)),
        )

    @pytest.mark.parametrize(
        ("here", "there", "conflict"),
        [
            ("into the East Sea", "into the Yellow Sea", True),
            ("off its west coast", "into the Sea of Japan", True),
            ("into the East China Sea", "into the East Sea", True),
            ("into the East Sea", "into the Sea of Japan", False),
            ("off its east coast", "into the East Sea", False),
            ("into the sea", "into the Yellow Sea", False),
            (None, "into the Yellow Sea", False),
        ],
    )
    def test_launch_landing_in_different_waters(
        self, here: str | None, there: str | None, conflict: bool
    ) -> None:
        """One launch put in two different named waters is a location conflict; a vague place is not."""
        a = attrs.evolve(self._launch(6), location=here)
        b = attrs.evolve(self._launch(6), location=there)
        art = kb.Article(id="a", raw="", text="")
        found = [al for al in event_alignments(a, b, art, art) if al.kind == "location"]
        assert [al.verdict for al in found] == ([kb.Verdict.CONFLICT] if conflict else [])

    def test_week_apart_launches_do_not_align(self) -> None:
        """Two launches a week apart are two events."""
        assert align_events([self._launch(6)], [self._launch(13)]) == []

    def test_other_actor_does_not_align(self) -> None:
        """Same type and day but no common actor: different events."""
        assert align_events([self._launch(6)], [self._launch(6, ("Japan",))]) == []

    def test_leaders_align_with_their_states(self) -> None:
        """A summit of leaders aligns with the same summit named by their states."""
        by_states = kb.Event(type=kb.EventType.SUMMIT, span=kb.Span(0, 0), actors=("South Korea", "Japan"))
        by_people = kb.Event(
            type=kb.EventType.SUMMIT, span=kb.Span(0, 0), actors=("Yoon Suk Yeol", "Fumio Kishida")
        )
        assert align_events([by_states], [by_people]) == [(0, 0)]

    def test_destination_against_is_conflict(self) -> None:
        """Troops sent 'to X' vs troops sent 'to fight against X' is a location conflict."""
        ta = "North Korea sent troops to Ukraine last month."
        tb = "North Korea sent troops to fight against Ukraine last month."
        ea = kb.Event(
            type=kb.EventType.TROOP_DEPLOYMENT,
            span=kb.Span(0, 11),
            actors=("North Korea",),
            location="Ukraine",
        )
        eb = kb.Event(
            type=kb.EventType.TROOP_DEPLOYMENT, span=kb.Span(0, 11), actors=("North Korea",), target="Russia"
        )
        als = event_alignments(
            ea, eb, kb.Article(id="a", raw=ta, text=ta), kb.Article(id="b", raw=tb, text=tb)
        )
        clash = [al for al in als if al.kind == "location"]
        assert clash
        assert clash[0].values[1].text == "against Ukraine"

    def test_same_destination_is_no_conflict(self) -> None:
        """Two articles sending troops to the same state do not conflict on place."""
        t = "North Korea sent troops to Russia."
        e = kb.Event(
            type=kb.EventType.TROOP_DEPLOYMENT,
            span=kb.Span(0, 11),
            actors=("North Korea",),
            location="Russia",
        )
        art = kb.Article(id="a", raw=t, text=t)
        assert not [al for al in event_alignments(e, e, art, art) if al.verdict is kb.Verdict.CONFLICT]


class TestNames:
    def test_misspelled_name_is_found(self) -> None:
        """'Yoon Suk Seol' against 'Yoon Suk Yeol' is a spelling conflict with the canonical name."""
        a = _facts("a", "President Yoon Suk Seol met the envoy.")
        b = _facts("b", "President Yoon Suk Yeol met the envoy.")
        assert spelling_conflicts(a, b) == [("Yoon Suk Seol", "Yoon Suk Yeol", "Yoon Suk Yeol")]

    def test_known_alias_is_not_a_conflict(self) -> None:
        """A known alias spelling ('Kim Jong-un') is not a misspelling."""
        a = _facts("a", "Kim Jong-un inspected a factory.")
        b = _facts("b", "Kim Jong Un inspected a factory.")
        assert spelling_conflicts(a, b) == []

    def test_unrelated_names_are_not_conflicts(self) -> None:
        """Different people are not spelling variants of each other."""
        a = _facts("a", "Park Jin met Fumio Kishida.")
        b = _facts("b", "Cho Tae-yul met Antony Blinken.")
        assert spelling_conflicts(a, b) == []


_FIXTURES = fixture_facts()
_IDS = sorted(_FIXTURES)


class TestCompare:
    def test_self_comparison(self) -> None:
        """An article compared with itself is the same story, with no conflicts."""
        f = _FIXTURES["f01-wire"]
        c = compare(f, f)
        assert c.same_story
        assert c.similarity == 1.0
        assert c.conflicts == ()

    @settings(max_examples=30, deadline=None)
    @given(st.sampled_from(list(itertools.combinations(_IDS, 2))))
    def test_symmetric(self, pair: tuple[str, str]) -> None:
        """compare(b, a) is compare(a, b) with the sides swapped."""
        a, b = _FIXTURES[pair[0]], _FIXTURES[pair[1]]
        assert compare(b, a) == mirror(compare(a, b))

    @settings(max_examples=40, deadline=None)
    @given(st.text(max_size=300), st.text(max_size=300))
    def test_arbitrary_text_never_raises(self, ta: str, tb: str) -> None:
        """Any two texts compare without error and symmetrically."""
        a, b = _facts("a", ta), _facts("b", tb)
        c = compare(a, b)
        assert 0.0 <= c.similarity <= 1.0
        assert compare(b, a) == mirror(c)

    def test_json_round_trip(self) -> None:
        """A comparison survives the JSON converter exactly."""
        c = compare(_FIXTURES["f01-wire"], _FIXTURES["f03-rewrite"])
        assert kb.from_json(kb.to_json(c), kb.Comparison) == c

    def test_explicit_source_note_gives_derivation(self) -> None:
        """An 'Original Source' note naming the other's domain makes it the rewrite."""
        c = compare(_FIXTURES["f03-rewrite"], _FIXTURES["f01-wire"])
        assert (c.rewrite, c.derived_from) == ("f03-rewrite", "f01-wire")
        assert any("original source" in r for r in c.reasons)

    def test_syndicated_copy_same_story_no_conflict(self) -> None:
        """A syndicated copy is the same story and agrees on every aligned fact."""
        c = compare(_FIXTURES["f01-wire"], _FIXTURES["f02-copy"])
        assert c.same_story
        assert c.conflicts == ()
        assert c.similarity > 0.6

    def test_week_apart_template_reports_differ(self) -> None:
        """Near-identical reports of launches a week apart are different stories."""
        c = compare(_FIXTURES["f01-wire"], _FIXTURES["f05-next-week"])
        assert not c.same_story
        assert c.similarity > 0.3

    @pytest.mark.parametrize(
        ("days_apart", "target_b", "same"),
        [(0, "Russia", True), (1, "Russia", True), (3, "Russia", False), (0, "Belarus", False)],
    )
    def test_independent_reports_of_one_undated_deployment(
        self, days_apart: int, target_b: str, same: bool
    ) -> None:
        """Two outlets' own wording of one undated deployment, a day apart at most, is one story."""
        ta = "Pyongyang has moved about 10,000 soldiers into Russia, Seoul's spy agency told lawmakers."
        tb = f"Some 12,000 North Korean troops are now in {target_b}, a briefing in Seoul showed."

        def facts(aid: str, text: str, target: str, day: int) -> kb.Facts:
            event = kb.Event(
                type=kb.EventType.TROOP_DEPLOYMENT,
                span=kb.Span(0, 9),
                actors=("North Korea",),
                target=target,
            )
            article = kb.Article(id=aid, raw=text, text=text, published=dt.date(2024, 10, 23 + day))
            return kb.Facts(article=article, events=(event,))

        c = compare(facts("a", ta, "Russia", 0), facts("b", tb, target_b, days_apart))
        assert c.similarity < 0.1
        assert c.same_story is same


class TestRobustness:
    @settings(max_examples=40, deadline=None)
    @given(strategies.facts, strategies.facts)
    def test_arbitrary_facts_never_raise(self, a: kb.Facts, b: kb.Facts) -> None:
        """Any two generated Facts (odd spans, odd quantities) compare without error, symmetrically."""
        c = compare(a, b)
        if a.article.id != b.article.id:
            assert compare(b, a) == mirror(c)

    def test_misattributed_quote_is_speaker_conflict(self) -> None:
        """The same quotation credited to two different speakers is a speaker conflict."""
        quote = "We will never accept a nuclear-armed neighbour on our border"
        sa = kb.Statement(quote=quote, span=kb.Span(0, 1), speaker="Park Jin")
        sb = kb.Statement(quote=quote, span=kb.Span(0, 1), speaker="Cho Tae-yul")
        c = compare(_facts("a", quote, statements=(sa,)), _facts("b", quote, statements=(sb,)))
        assert [al.kind for al in c.conflicts] == ["speaker"]
        assert c.shared_statements[0].speaker is None

    @pytest.mark.parametrize(
        ("one", "other", "conflict"),
        [
            ("Joint Chiefs of Staff", "Republic of Korea Armed Forces", False),
            ("Antony Blinken", "State Department", False),
            ("South Korea", "Joint Chiefs of Staff", False),
            ("Korean Central News Agency", "Joint Chiefs of Staff", True),
            ("Antony Blinken", "Joe Biden", True),
            ("Nobody Known", "Joint Chiefs of Staff", True),
        ],
    )
    def test_speaker_conflict_only_between_sides_or_people(
        self, one: str, other: str, conflict: bool
    ) -> None:
        """Two bodies (or a person and a body) of one state quoting the same words are one voice."""
        quote = "Our forces maintain a full readiness posture along the border"
        sa = kb.Statement(quote=quote, span=kb.Span(0, 1), speaker=one)
        sb = kb.Statement(quote=quote, span=kb.Span(0, 1), speaker=other)
        c = compare(_facts("a", quote, statements=(sa,)), _facts("b", quote, statements=(sb,)))
        assert [al.kind for al in c.conflicts] == (["speaker"] if conflict else [])
        assert len(c.shared_statements) == 1


class TestParaphrase:
    def test_unquoted_restatement_found(self) -> None:
        """A writer's sentence restating the other article's quotation is a paraphrase agreement."""
        quote = "Our alliance stands ready to answer any provocation from the North with overwhelming force,"
        qa = kb.Statement(quote=quote, span=kb.Span(1, 1 + len(quote)), speaker="Park Jin")
        day = _day(dt.date(2025, 3, 3))
        launch = kb.Event(
            type=kb.EventType.MISSILE_LAUNCH, span=kb.Span(0, 1), actors=("North Korea",), time=day
        )
        b = _facts("b", f"“{quote}” Park said.", statements=(qa,), events=(launch,))
        a = _facts(
            "a",
            "Park said the alliance stood ready to answer any North provocation with force.",
            events=(launch,),
        )
        c = compare(a, b)
        kinds = [al.kind for al in c.agreements]
        assert "paraphrase" in kinds

    def test_unrelated_sentence_is_not_paraphrase(self) -> None:
        """A sentence sharing few content words is not a paraphrase."""
        from koreabrief.paraphrase import paraphrases

        quote = "Our alliance stands ready to answer any provocation from the North with overwhelming force,"
        qa = kb.Statement(quote=quote, span=kb.Span(0, 1), speaker="Park Jin")
        a = _facts("a", "The festival drew large crowds to the riverside on Sunday evening.")
        assert paraphrases(a, _facts("b", quote, statements=(qa,))) == []


class TestParaphraseDerivation:
    def test_restating_quotes_marks_the_rewrite(self) -> None:
        """An article restating two of the other's quotations unquoted is read as its rewrite."""
        q1 = "Our alliance stands ready to answer any provocation from the North with overwhelming force,"
        q2 = "We have reviewed every option for sanctions and diplomatic pressure on the regime,"
        text_b = f"“{q1}” Park said. “{q2}” he added."
        st_b = (
            kb.Statement(quote=q1, span=kb.Span(1, 1 + len(q1)), speaker="Park Jin"),
            kb.Statement(quote=q2, span=kb.Span(0, 1), speaker="Park Jin"),
        )
        day = _day(dt.date(2025, 3, 3))
        launch = kb.Event(
            type=kb.EventType.MISSILE_LAUNCH, span=kb.Span(0, 1), actors=("North Korea",), time=day
        )
        text_a = (
            "Park said the alliance stood ready to answer any North provocation with overwhelming force. "
            "He said Seoul had reviewed every option for sanctions and diplomatic pressure on the regime."
        )
        a = _facts("a", text_a, events=(launch,))
        b = _facts("b", text_b, statements=st_b, events=(launch,))
        c = compare(a, b)
        assert (c.rewrite, c.derived_from) == ("a", "b")


def _launch(aid: str, text: str, day: dt.date, published: dt.date | None, **kw: object) -> kb.Facts:
    start = text.index("fired")
    ev = kb.Event(
        type=kb.EventType.MISSILE_LAUNCH,
        span=kb.Span(start, start + 5),
        actors=("North Korea",),
        time=_day(day, "on Monday"),
    )
    art = kb.Article(id=aid, raw=text, text=text, published=published, **kw)  # type: ignore[arg-type]
    return kb.Facts(article=art, events=(ev,))


class TestStoryEvidence:
    _STOCK = "Our military has strengthened surveillance and vigilance in preparation for additional launches"

    def _quoting(self, aid: str, text: str, speaker: str) -> kb.Facts:
        start = text.index(self._STOCK)
        st = kb.Statement(quote=self._STOCK, span=kb.Span(start, start + len(self._STOCK)), speaker=speaker)
        return kb.Facts(article=kb.Article(id=aid, raw=text, text=text), statements=(st,))

    def test_recalled_event_is_no_story_link(self) -> None:
        """A launch a follow-up recalls in its second paragraph, days later, does not make one story."""
        day = dt.date(2024, 10, 31)
        a = _launch("a", "North Korea fired an ICBM on Thursday, Seoul said.", day, day)
        text = "The allies flew a bomber on Sunday.\n\nThe North had fired an ICBM on Thursday."
        b = _launch("b", text, day, dt.date(2024, 11, 4))
        assert not compare(a, b).same_story

    def test_lead_event_while_news_links(self) -> None:
        """Two reports leading with one launch, published the day of it and the next, are one story."""
        day = dt.date(2024, 10, 31)
        a = _launch("a", "North Korea fired an ICBM on Thursday, Seoul said.", day, day)
        b = _launch("b", "Tokyo said North Korea fired a long-range missile.", day, dt.date(2024, 11, 1))
        c = compare(a, b)
        assert c.same_story
        assert any(r.startswith("both lead with a missile_launch") for r in c.reasons)

    def test_stock_quotation_of_an_institution_does_not_link(self) -> None:
        """Two different reports sharing only the JCS's stock line are not one story; a person's quote is."""
        ta = f"North Korea fired seven short-range missiles. “{self._STOCK},” the JCS said."
        tb = f"Pyongyang tested a new ICBM over Japan's waters. “{self._STOCK},” the JCS said."
        assert not compare(
            self._quoting("a", ta, "Joint Chiefs of Staff"), self._quoting("b", tb, "Joint Chiefs of Staff")
        ).same_story
        assert compare(self._quoting("a", ta, "Park Jin"), self._quoting("b", tb, "Park Jin")).same_story

    def test_copy_of_a_wire_report_derives_from_it(self) -> None:
        """A same-day copy of an agency's own report, with its credit dropped, is the rewrite."""
        day = dt.date(2024, 10, 31)
        body = (
            " North Korea fired an intercontinental ballistic missile toward the East Sea on Thursday,"
            " the Joint Chiefs of Staff said, less than a week before the US election."
        )
        wire = _launch("w", "SEOUL, Oct. 31 (Yonhap) --" + body, day, day, outlet="Yonhap News Agency")
        copy = _launch("c", "SEOUL, Oct. 31 --" + body, day, day, outlet="Korea Daily Review")
        c = compare(copy, wire)
        assert (c.rewrite, c.derived_from) == ("c", "w")

    @pytest.mark.parametrize(
        ("sentence", "verdict"),
        [
            (
                "North Korea fired an ICBM on Wednesday evening Eastern time, US officials said.",
                kb.Verdict.AGREE,
            ),
            ("North Korea fired an ICBM on Wednesday, US officials said.", kb.Verdict.CONFLICT),
        ],
    )
    def test_day_apart_across_named_time_zones(self, sentence: str, verdict: kb.Verdict) -> None:
        """Thursday in Seoul vs Wednesday 'Eastern time' agrees; a bare Wednesday conflicts."""
        seoul = _launch(
            "a", "North Korea fired an ICBM on Thursday, the JCS said.", dt.date(2024, 10, 31), None
        )
        dc = _launch("b", sentence, dt.date(2024, 10, 30), None)
        (i, j), *_ = align_events(seoul.events, dc.events)
        dates = [
            al
            for al in event_alignments(seoul.events[i], dc.events[j], seoul.article, dc.article)
            if al.kind == "date"
        ]
        assert [al.verdict for al in dates] == [verdict]

    @pytest.mark.parametrize(
        ("other", "kinds"),
        [
            ("North Korea fired a missile on Thursday that flew 1.000 km, Seoul said.", ["agree"]),
            ("North Korea fired a missile on Thursday that flew some 1,400 km, Seoul said.", ["conflict"]),
        ],
    )
    def test_number_styles_through_the_pipeline(self, other: str, kinds: list[str]) -> None:
        """A dot for thousands reads as thousands; a real difference in distance stays a conflict."""
        day = dt.date(2024, 10, 31)
        a = kb.extract(
            kb.article(
                "North Korea fired a missile on Thursday that flew about 1,000 km.", id="a", published=day
            )
        )
        b = kb.extract(kb.article(other, id="b", published=day))
        c = compare(a, b)
        assert [al.verdict.value for al in c.agreements + c.conflicts if al.kind == "quantity"] == kinds

    def test_launches_two_days_apart_each_reported_that_day(self) -> None:
        """Launches reported the day they happened, two days apart, are two stories; a day apart, one."""

        def report(aid: str, day: str, published: dt.date) -> kb.Facts:
            text = f"North Korea fired a ballistic missile into the East Sea on {day}. It flew about 300 km."
            return kb.extract(kb.article(text, id=aid, published=published))

        monday = report("a", "Monday", dt.date(2025, 1, 6))
        assert not compare(monday, report("b", "Wednesday", dt.date(2025, 1, 8))).same_story
        c = compare(monday, report("c", "Tuesday", dt.date(2025, 1, 7)))
        assert c.same_story
        assert [al.kind for al in c.conflicts] == ["date"]
