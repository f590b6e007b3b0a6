"""Tests for koreabrief.render: the Markdown brief."""

from __future__ import annotations

import koreabrief as kb
from koreabrief.briefing import brief
from koreabrief.render import render_markdown
from tests.gold_facts import fixture_facts, gold_facts


class TestRenderMarkdown:
    def test_sections(self) -> None:
        """The brief has a summary, stories, timeline, who said what, sanctions and disagreements."""
        md = render_markdown(brief(list(gold_facts().values())))
        for heading in (
            "# Korea security brief",
            "## Stories",
            "## Timeline",
            "## Who said what",
            "## Sanctions",
            "## Where outlets disagree",
        ):
            assert heading in md
        assert md.splitlines()[2].startswith("5 articles in 3 stories")

    def test_conflict_shows_both_wordings(self) -> None:
        """A disagreement lists each article's wording."""
        md = render_markdown(brief(list(gold_facts().values())))
        line = next(x for x in md.splitlines() if x.startswith("- **troop_deployment.destination**"))
        assert "“Ukraine”" in line
        assert "“against Ukraine”" in line

    def test_disputed_timeline_event_marked(self) -> None:
        """A timeline event whose reporting articles conflict on a fact says which fact is disputed."""
        md = render_markdown(brief(list(gold_facts().values())))
        timeline = md.split("## Timeline")[1].split("## Who said what")[0]
        marked = [x for x in timeline.splitlines() if "(disputed:" in x]
        assert len(marked) == 1
        assert marked[0].startswith("- **2024** — troop deployment")
        assert marked[0].endswith("(disputed: destination)")

    def test_derivation_shown(self) -> None:
        """A rewrite and its source are named under its story."""
        md = render_markdown(brief(list(gold_facts().values())))
        assert "000_9139f8748934a339 is a rewrite of 004_1ab90770ccfa5413" in md

    def test_outlets_named(self) -> None:
        """Where outlets are known, quotations and conflicts name them."""
        md = render_markdown(brief(list(fixture_facts().values())))
        assert "Wire A" in md
        assert "Paper B" in md

    def test_deterministic(self) -> None:
        """The same brief renders the same text."""
        b = brief(list(fixture_facts().values()))
        assert render_markdown(b) == render_markdown(kb.from_json(kb.to_json(b), kb.Brief))

    def test_empty_brief(self) -> None:
        """An empty brief renders a short, valid text."""
        md = render_markdown(kb.Brief())
        assert "0 articles in 0 stories" in md
        assert md.endswith("\n")


class TestGroupedOutput:
    def test_rewrites_once_per_source(self) -> None:
        """Several rewrites of one source are one line naming them all."""
        story = kb.Story(
            id="s", articles=("w", "a", "b", "c"), derivations=(("a", "w"), ("b", "w"), ("c", "w"))
        )
        md = render_markdown(kb.Brief(stories=(story,), articles=4))
        assert "- 3 articles are rewrites of w: a, b, c" in md
        assert "is a rewrite of" not in md

    def test_disagreements_once_per_fact(self) -> None:
        """Pairwise conflicts on one fact of one story are one line, each wording once with its outlets."""

        def value(article: str, text: str) -> kb.FactValue:
            return kb.FactValue(article=article, text=text, outlet=f"Outlet {article}")

        conflicts = tuple(
            kb.Alignment(
                fact="missile_launch.date",
                kind="date",
                verdict=kb.Verdict.CONFLICT,
                values=(value(x, wx), value(y, wy)),
                note="different days",
            )
            for (x, wx), (y, wy) in [(("a", "Monday"), ("c", "Tuesday")), (("b", "Monday"), ("c", "Tuesday"))]
        )
        story = kb.Story(id="s", articles=("a", "b", "c"))
        md = render_markdown(kb.Brief(stories=(story,), conflicts=conflicts, articles=3))
        lines = [x for x in md.splitlines() if x.startswith("- **missile_launch.date**")]
        expected = "- **missile_launch.date** (date): Outlet a, Outlet b: “Monday”; Outlet c: “Tuesday”."
        assert lines == [expected + " different days"]

    def test_json_keeps_every_pair(self) -> None:
        """The brief's JSON keeps the pairs the Markdown groups."""
        b = brief(list(gold_facts().values()))
        again = kb.from_json(kb.to_json(b), kb.Brief)
        assert again.conflicts == b.conflicts
        assert again.stories == b.stories


class TestStoryReasons:
    def test_first_reason_shown(self) -> None:
        """A story's first join reason is shown, with a count of the others."""
        reasons = ("a + b: they share a quotation", "a + c: x")
        story = kb.Story(id="s", articles=("a", "b", "c"), reasons=reasons)
        md = render_markdown(kb.Brief(stories=(story,), articles=3))
        assert "- Joined: a + b: they share a quotation (and 1 more)" in md
