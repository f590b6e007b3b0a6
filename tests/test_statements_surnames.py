"""Lone surnames and firms' staff as speakers (#16).

Sentences are written for these tests; names are real or invented, wording invented.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.context import ArticleContext
from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.statements import extract_statements


def _speakers(text: str) -> list[str | None]:
    return [s.speaker for s in extract_statements(kb.Article(id="t", raw=text, text=text))]


@pytest.mark.parametrize("noun", ["A manager", "An engineer", "A staffer", "One employee"])
@pytest.mark.parametrize("link", ["at", "with"])
def test_staff_at_a_firm_makes_the_firm_an_organisation(noun: str, link: str) -> None:
    """ "a manager at <Name>": the name is the employer, never a person called so."""
    text = f"{noun} {link} Hunchun Bluewave Trading said the report was “pure fiction”."
    mentions = ArticleContext(text, kb.Gazetteer.default()).name_mentions_until(len(text))
    firm = [m for m in mentions if m.text == "Hunchun Bluewave Trading"]
    assert [m.kind for m in firm] == ["organisation"]


def test_lone_common_surname_is_not_the_gazetteer_holder() -> None:
    """ "his family name Jin" is some Jin, not the one Jin the gazetteer happens to know."""
    text = (
        "Treasury Secretary Steven Mnuchin defended the step.\n"
        "A manager at Yanbian Silverstar, who gave only his family name\n"
        "Jin, said the claims were “absurd”.\n"
        "“I never met the man,” he told reporters."
    )
    assert _speakers(text) == ["Jin", "Jin"]


# Surnames that are also English words the name stage never opens a name with ("An", "No").
_LEX = Lexicon.default()
_SURNAMES = sorted(
    s for s in _LEX.korean_surnames if s not in _LEX.not_names and s.lower() not in _LEX.not_names
)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(_SURNAMES))
def test_a_lone_surname_speaks_as_itself_or_a_leader(surname: str) -> None:
    """Property: a lone common surname nobody named in full resolves to itself, or to a
    leader of a state (never to some other gazetteer person sharing it)."""
    text = f"The firm declined to comment. {surname} said the accusation was “baseless”."
    (speaker,) = _speakers(text)
    # None is allowed: a sentence-opening word shaped like a participle ("Ding") is no name.
    if speaker not in (surname, None):
        found = kb.Gazetteer.default().resolve(speaker)
        assert found is not None
        assert found.role in ("Leader", "President", "Prime Minister", "Premier")


def test_hard_wrapped_line_is_no_sentence_start() -> None:
    """A line broken after a lower-case word continues its sentence: the surname opening the
    next line is a name, not a capitalised sentence opener."""
    text = (
        "The owner, who would give only his surname\n"
        "Park, said the sale was “a mistake”.\n"
        "“We sold rice,” he said."
    )
    assert _speakers(text) == ["Park", "Park"]


@pytest.mark.parametrize(
    "text",
    [
        "“Gimpo reopens at noon,” said a spokesperson from the land ministry.",
        "“Gimpo reopens at noon,” a spokesman for South Korea's transport ministry said.",
        "The Ministry of Land, Infrastructure and Transport said Gimpo would reopen “at noon”.",
    ],
)
def test_south_korean_land_ministry_is_known(text: str) -> None:
    """The gazetteer knows Seoul's land (transport) ministry, so its spokesperson speaks for it."""
    assert _speakers(text) == ["South Korean Ministry of Land, Infrastructure and Transport"]
