"""One name stage per article (#16): statements, events and sanctions share its mentions.

The texts are written for these tests; the names are public figures or made up.
"""

from __future__ import annotations

import itertools
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from importlib import resources

import koreabrief as kb
from koreabrief.extraction import names
from koreabrief.extraction.actors import titled_names
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.events import events_in_context
from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.sanctions import sanctions_in_context
from koreabrief.extraction.statements import statements_in_context
from koreabrief.extraction.triggers import EventLexicon
from koreabrief.gazetteer import Gazetteer

# Quotations (statements), a launch (events) and a designation (sanctions) in one text.
ALL_THREE = (
    "Pyongyang test-fired a ballistic missile into the sea on Monday, Seoul's military said.\n\n"
    "“This is a grave provocation,” Unification Minister Jane Roe told reporters.\n\n"
    "The US Treasury sanctioned two North Korean trading firms on Tuesday over the launch."
)
# An event and no quotation: statements read no names, events do.
NO_QUOTES = "Mayor Jane Roe met Kim Jong Un in Pyongyang on Friday, state media reported."

# The titles events.toml listed before titles.toml became the one list.
FORMER_EVENT_TITLES = (
    "Foreign Minister", "Defense Minister", "Defence Minister", "Prime Minister", "President",
    "acting president", "President-elect", "Secretary of State", "Secretary-General",
    "Secretary General", "National Security Adviser", "National Security Advisor", "Minister",
    "Secretary", "Chairman", "Chancellor", "General", "Gen.", "Ambassador", "envoy", "leader",
    "counterpart", "Vice Foreign Minister", "Unification Minister", "Defense Secretary", "Premier",
    "Speaker", "Senator", "Sen.", "Rep.", "Admiral", "Adm.", "spokesperson", "spokesman",
    "spokeswoman", "opposition leader", "then-prime minister",
)  # fmt: skip


def _count_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the text of every run of the name stage (`find_mentions`)."""
    seen: list[str] = []
    real = names.find_mentions

    def counting(text: str, *args: Any, **kwargs: Any) -> list[names.NameMention]:
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(names, "find_mentions", counting)
    return seen


@pytest.mark.parametrize("text", [ALL_THREE, NO_QUOTES])
def test_name_stage_runs_once_per_extract(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """`kb.extract` runs the name stage once per article, over the whole text, for all extractors."""
    seen = _count_runs(monkeypatch)
    facts = kb.extract(kb.Article(id="x", raw=text, text=text))
    assert facts.events
    assert seen == [text]


def test_statements_read_the_shared_mentions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Statements take their mentions from the context: no second run once the context has them."""
    ctx = ArticleContext(ALL_THREE, Gazetteer.default())
    mentions = ctx.name_mentions
    seen = _count_runs(monkeypatch)
    article = kb.Article(id="x", raw=ALL_THREE, text=ALL_THREE)
    statements = statements_in_context(article, ctx)
    events_in_context(article, ctx)
    sanctions_in_context(article, ctx)
    assert seen == []
    assert ctx.name_mentions is mentions
    assert [s.speaker for s in statements] == ["Jane Roe"]


def test_actor_view_takes_titled_names_from_the_name_stage() -> None:
    """A name after any title of titles.toml is an actor, kept as written when the gazetteer lacks it."""
    ctx = ArticleContext(NO_QUOTES, Gazetteer.default())
    actors = ctx.actor_names(EventLexicon.default())
    assert [(a.text, a.name, a.kind) for a in actors if a.kind == "person"] == [
        ("Jane Roe", "Jane Roe", "person"),
        ("Kim Jong Un", "Kim Jong Un", "person"),
    ]
    # The view's person comes from the stage's mention, title and all.
    stage = next(m for m in ctx.name_mentions if m.name == "Jane Roe")
    assert stage.text == "Mayor Jane Roe"


def test_actor_view_leaves_headline_capitals_to_the_surname_pass() -> None:
    """A titled name running on into a gazetteer name is headline case: its known surname is read."""
    text = "Secretary of State Blinken Visits South Korea Amid Talk of Drills"
    actors = ArticleContext(text, Gazetteer.default()).actor_names(EventLexicon.default())
    people = [(a.text, a.name) for a in actors if a.kind == "person"]
    assert people == [("Blinken", "Antony Blinken")]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # An appositive name closed by a comma or a stop is the title holder's.
        ("Its envoy, Jane Roe, met Kim Jong Un.", ["Jane Roe", "Kim Jong Un"]),
        ("Kim Jong Un met its envoy, Jane Roe.", ["Kim Jong Un", "Jane Roe"]),
        # After an aside the clause goes on: its subject is nobody's name.
        ("According to a senior ministry official, Acme Mixer moved the funds. Mixer denied it.", []),
        # A lone word after a title is a surname: the article's full name, or nobody.
        ("Envoy Jane Roe arrived. Mr Roe left.", ["Jane Roe", "Jane Roe"]),
        ("The Minister's Official Residence was shut.", []),
    ],
)
def test_actor_view_keeps_only_sure_titled_names(text: str, people: list[str]) -> None:
    """Titled names the stage read are actors only where their ends are sure."""
    actors = ArticleContext(text, Gazetteer.default()).actor_names(EventLexicon.default())
    assert [a.name for a in actors if a.kind == "person"] == people


def test_actor_view_reads_lone_surnames_as_the_stage_resolved_them() -> None:
    """A lone "Kim" is the Kim the resolver chose (the clause subject named before), not
    simply the last Kim named in full."""
    text = "Kim Jong Un oversaw the launch, accompanied by his sister Kim Yo Jong. Kim praised the crew."
    actors = ArticleContext(text, Gazetteer.default()).actor_names(EventLexicon.default())
    assert [(a.text, a.name) for a in actors] == [
        ("Kim Jong Un", "Kim Jong Un"),
        ("Kim Yo Jong", "Kim Yo Jong"),
        ("Kim", "Kim Jong Un"),
    ]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # Words that open no name spell no surname ("No", "In", "May", "An").
        (
            "No deal was struck, and Kim Jong Un left. In May, Kim fired a missile.",
            [("Kim Jong Un", "Kim Jong Un"), ("Kim", "Kim Jong Un")],
        ),
        ("An aide said the talks had ended.", []),
        # A titled surname is the stage's reading of it.
        (
            "President Trump spoke. Later Mr. Trump left.",
            [("Trump", "Donald Trump"), ("Trump", "Donald Trump")],
        ),
        # Left unresolved by the stage, a surname alone is the one holder leading a state.
        ("Kim met Putin on Friday.", [("Kim", "Kim Jong Un"), ("Putin", "Vladimir Putin")]),
    ],
)
def test_actor_view_surnames(text: str, people: list[tuple[str, str]]) -> None:
    """Lone surnames: the stage's resolution first, the supplement for the rest, no function words."""
    actors = ArticleContext(text, Gazetteer.default()).actor_names(EventLexicon.default())
    assert [(a.text, a.name) for a in actors if a.kind == "person"] == people


def test_actor_view_takes_no_surname_of_a_shape_only_name() -> None:
    """A capitalised run the stage took for a name (a ship, a firm) lends no surname to the view."""
    text = "The submarine USS Kentucky docked in Busan. Kentucky left on Friday."
    actors = ArticleContext(text, Gazetteer.default()).actor_names(EventLexicon.default())
    assert [a.text for a in actors if a.kind == "person"] == []


def test_titled_names_need_a_title_before_the_name() -> None:
    """A mention the stage cleaned of its article ("The Hague") has no title: no titled name."""
    text = "Envoy Jane Roe flew to The Hague, and Professor John Doe stayed."
    spans = titled_names(names.find_mentions(text), Lexicon.default().title_heads())
    assert [text[s:e] for s, e in spans] == ["Jane Roe", "John Doe"]


_TITLES = st.sampled_from(["Foreign Minister", "Envoy", "Mayor", "Speaker", "Gen.", "Professor", "the"])
_NAMES = st.sampled_from(["Jane Roe", "Park Jin", "Kim Jong Un", "Tom Lee", "Rubio", "The Hague"])
_FILLERS = st.sampled_from([" met ", " said ", ". ", " and ", ", who visited ", " in Seoul. "])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TITLES, _NAMES, _FILLERS), min_size=1, max_size=5))
def test_actor_view_is_ordered_disjoint_and_inside_the_stage(parts: list[tuple[str, str, str]]) -> None:
    """The view's mentions are in order, disjoint, hold their text, and every titled name in it
    lies inside one of the stage's person mentions."""
    text = "".join(f"{title} {name}{filler}" for title, name, filler in parts)
    ctx = ArticleContext(text, Gazetteer.default())
    actors = ctx.actor_names(EventLexicon.default())
    for a, b in itertools.pairwise(actors):
        assert a.end <= b.start
    for a in actors:
        assert text[a.start : a.end] == a.text
    people = [m for m in ctx.name_mentions if m.kind == "person"]
    for s, e in titled_names(ctx.name_mentions, Lexicon.default().title_heads()):
        assert any(m.start < s and e == m.end for m in people)


def test_every_title_is_in_the_one_list() -> None:
    """titles.toml holds every title either stage used; events.toml lists none of its own."""
    titles = Lexicon.default().titles
    assert [t for t in FORMER_EVENT_TITLES if t.lower() not in titles] == []
    assert EventLexicon.default().words("actors", "titles") == ()
    events = tomllib.loads(resources.files("koreabrief").joinpath("data/events.toml").read_text("utf-8"))
    assert "titles" not in events.get("actors", {})
    heads = Lexicon.default().title_heads()
    assert all(t.split()[-1] in heads for t in titles)
