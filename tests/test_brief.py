"""Tests for koreabrief.brief: the corpus merged into one brief."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.briefing import brief
from tests import strategies
from tests.gold_facts import fixture_facts, gold_facts

_D000, _D004 = "000_9139f8748934a339", "004_1ab90770ccfa5413"


class TestBrief:
    def test_seed_stories_and_derivation(self) -> None:
        """The gold seeds give three stories, the largest carrying 000's derivation from 004."""
        b = brief(list(gold_facts().values()))
        assert b.articles == 5
        assert [len(s.articles) for s in b.stories] == [2, 2, 1]
        assert (_D000, _D004) in b.stories[0].derivations

    def test_timeline_merges_across_articles(self) -> None:
        """The launch both 000 and 004 report is one timeline entry carrying both."""
        b = brief(list(gold_facts().values()))
        launches = [e for e in b.timeline if e.event.type is kb.EventType.MISSILE_LAUNCH]
        assert len(launches) == 1
        assert set(launches[0].articles) == {_D000, _D004}

    def test_timeline_date_ordered_undated_last(self) -> None:
        """Dated entries come in date order, undated ones after them."""
        b = brief(list(gold_facts().values()))
        dates = [e.event.time.date if e.event.time and e.event.time.date else None for e in b.timeline]
        dated = [d for d in dates if d is not None]
        assert dated == sorted(dated)
        assert dates[: len(dated)] == dated

    def test_statements_grouped_and_merged(self) -> None:
        """Blinken's quotation carried by 000 (trimmed) and 004 (in full) is one quotation of his."""
        b = brief(list(gold_facts().values()))
        blinken = next(s for s in b.statements if s.speaker == "Antony Blinken")
        shared = [arts for arts in blinken.articles if len(arts) == 2]
        assert shared == [(_D000, _D004)]
        assert b.statements[0].speaker == "Antony Blinken"

    def test_conflicts_carry_each_outlet_value(self) -> None:
        """The seed conflict (troops to / against Ukraine) is in the brief with both wordings."""
        b = brief(list(gold_facts().values()))
        assert [c.fact for c in b.conflicts] == ["troop_deployment.destination"]
        assert {v.article for v in b.conflicts[0].values} == {_D000, _D004}

    def test_sanctions_listed(self) -> None:
        """Sanctions reported anywhere appear once each."""
        b = brief(list(gold_facts().values()))
        assert {s.entity for s in b.sanctions} == {"Russia", "North Korea"}

    def test_accepts_articles(self) -> None:
        """Articles are extracted on the way in (the seeds load and brief without error)."""
        b = brief(kb.seeds())
        assert b.articles == 5
        assert sum(len(s.articles) for s in b.stories) == 5

    def test_duplicate_ids_warn(self) -> None:
        """A repeated article id is left out with a warning."""
        f = gold_facts()[_D000]
        b = brief([f, f])
        assert b.articles == 1
        assert b.warnings

    def test_empty(self) -> None:
        """An empty corpus gives an empty brief."""
        assert brief([]) == kb.Brief()

    def test_json_round_trip(self) -> None:
        """The brief survives the JSON converter exactly."""
        b = brief(list(fixture_facts().values()))
        assert kb.from_json(kb.to_json(b), kb.Brief) == b

    def test_fixture_conflicts(self) -> None:
        """The fixtures' planted conflict kinds all reach the brief."""
        b = brief(list(fixture_facts().values()))
        assert {c.kind for c in b.conflicts} == {"date", "quantity", "location", "name"}

    @settings(max_examples=15, deadline=None)
    @given(st.permutations(sorted(fixture_facts())))
    def test_order_independent(self, order: list[str]) -> None:
        """The same corpus in any order gives the same brief."""
        facts = fixture_facts()
        assert brief([facts[i] for i in order]) == brief([facts[i] for i in sorted(facts)])

    def test_undated_events_last(self) -> None:
        """An undated event sorts after a dated one."""
        text = "x"
        dated = kb.Event(
            type=kb.EventType.SUMMIT,
            span=kb.Span(0, 1),
            actors=("Japan",),
            time=kb.TimeRef("in 2020", dt.date(2020, 1, 1), kb.Precision.YEAR),
        )
        undated = kb.Event(type=kb.EventType.PROTEST, span=kb.Span(0, 1))
        f = kb.Facts(article=kb.Article(id="a", raw=text, text=text), events=(undated, dated))
        assert [e.event.type for e in brief([f]).timeline] == [kb.EventType.SUMMIT, kb.EventType.PROTEST]


class TestBriefRobustness:
    @settings(max_examples=25, deadline=None)
    @given(st.lists(strategies.facts, max_size=5))
    def test_arbitrary_facts_never_raise(self, facts: list[kb.Facts]) -> None:
        """Any generated facts give a brief that round-trips through JSON and renders."""
        from koreabrief.render import render_markdown

        b = brief(facts)
        assert b.articles == len({f.article.id for f in facts})
        assert kb.from_json(kb.to_json(b), kb.Brief) == b
        assert render_markdown(b).startswith("# Korea security brief")


def _copies(n: int, speaker: str = "Spokesperson") -> list[kb.Facts]:
    """n copies of one wire report with one quotation, each credited to the wire."""
    text = (
        "SEOUL, March 10 (Hanbit) -- North Korea fired a ballistic missile on Monday, the military said. "
        "“We are watching every move closely and stand ready,” the spokesperson said."
    )
    quote = "We are watching every move closely and stand ready,"
    start = text.index(quote)
    out = []
    for i in range(n):
        art = kb.Article(
            id=f"copy-{i:03d}",
            raw=text,
            text=text,
            outlet=f"Outlet {i}",
            published=dt.date(2031, 3, 10 + (i > 0)),
            original_source="Hanbit" if i else None,
        )
        st_ = kb.Statement(quote=quote, span=kb.Span(start, start + len(quote)), speaker=speaker)
        out.append(kb.Facts(article=art, statements=(st_,)))
    return out


class TestBriefProgress:
    def test_stages_reported(self) -> None:
        """Progress reports profiles, stories and comparisons, each stage ending at its total."""
        calls: list[tuple[str, int, int]] = []
        brief(list(fixture_facts().values()), progress=lambda *a: calls.append(a))
        stages = [c[0] for c in calls]
        assert stages[0] == "profiles"
        assert "stories" in stages
        assert stages[-1] == "comparisons"
        for stage in ("profiles", "comparisons"):
            mine = [c for c in calls if c[0] == stage]
            assert [c[1] for c in mine] == sorted(c[1] for c in mine)
            assert mine[-1][1] == mine[-1][2]

    def test_few_calls_on_a_large_corpus(self) -> None:
        """A large corpus gets about a hundred calls per stage, not one per article."""
        calls: list[tuple[str, int, int]] = []
        brief(_copies(300), progress=lambda *a: calls.append(a))
        assert sum(c[0] == "profiles" for c in calls) <= 101


class TestBriefStatements:
    def test_one_quotation_many_copies(self) -> None:
        """One quotation carried by many copies is one quotation with every article."""
        b = brief(_copies(40))
        (speaker,) = b.statements
        assert len(speaker.quotes) == 1
        assert len(speaker.articles[0]) == 40

    def test_trimmed_quotation_joins_fullest(self) -> None:
        """A trimmed copy of a quotation joins it, and the fullest wording is kept."""
        facts = _copies(2)
        short = "We are watching every move closely"
        text = facts[1].article.text
        facts[1] = kb.Facts(
            article=facts[1].article,
            statements=(
                kb.Statement(
                    quote=short,
                    span=kb.Span(text.index(short), text.index(short) + len(short)),
                    speaker="Spokesperson",
                ),
            ),
        )
        (speaker,) = brief(facts).statements
        assert speaker.quotes == ("We are watching every move closely and stand ready,",)


class TestBriefArguments:
    def test_progress_must_be_callable(self) -> None:
        """A progress that is no function is an ArgumentError, not a TypeError from inside."""
        import pytest

        with pytest.raises(kb.ArgumentError, match="progress"):
            brief(list(gold_facts().values()), progress="yes")  # type: ignore[arg-type]
