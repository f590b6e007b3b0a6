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
