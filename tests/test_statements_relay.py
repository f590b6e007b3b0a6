"""Relayed and joint statements (#16): `via` is the channel, `co_speakers` the other speakers.

Sentences are written for these tests; names are real, wording invented.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements

KCNA = "Korean Central News Agency"


def _one(text: str) -> kb.Statement:
    found = extract_statements(kb.Article(id="t", raw=text, text=text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "KCNA quoted Kim Jong Un as saying the launch was “a great leap.”",
        "Kim Jong Un called the launch “a great leap,” KCNA said.",
        "Kim Jong Un was quoted by the Korean Central News Agency as saying “the leap is great.”",
        "“The leap is great,” Kim Jong Un said, according to KCNA.",
        "Kim Jong Un said the launch was “a great leap”, state news agency KCNA reported.",
    ],
)
def test_agency_relays_a_leader(text: str) -> None:
    """The leader the agency quotes is the speaker; the agency is the channel."""
    s = _one(text)
    assert (s.speaker, s.via) == ("Kim Jong Un", KCNA)


@pytest.mark.parametrize(
    "text",
    [
        "KCNA said the launch was “a great leap.”",
        "“The enemy will regret it,” the Korean Central News Agency said.",
    ],
)
def test_agency_in_its_own_voice(text: str) -> None:
    """An agency that is the subject of the report verb speaks itself, relaying nobody."""
    s = _one(text)
    assert (s.speaker, s.via) == (KCNA, None)


def test_unnamed_agency_is_no_channel() -> None:
    """"the agency" left unresolved names no channel."""
    s = _one("Kim Yo Jong said Seoul would “pay dearly”, the agency said.")
    assert (s.speaker, s.via) == ("Kim Yo Jong", None)


def test_continuation_keeps_channel() -> None:
    """A continuation paragraph keeps the speaker and the channel of the one before."""
    text = "“We will never yield,” Kim Jong Un said, according to KCNA.\n\n“Our answer is ready.”"
    found = extract_statements(kb.Article(id="t", raw=text, text=text))
    assert [(s.speaker, s.via) for s in found] == [("Kim Jong Un", KCNA)] * 2


def test_brief_shows_channel() -> None:
    """The Markdown brief names the channel after a relayed speaker."""
    text = "Kim Jong Un called the launch “a great leap,” KCNA said."
    facts = kb.extract(kb.article(text, id="r1"))
    md = kb.render_markdown(kb.brief([facts]))
    assert "### Kim Jong Un (via Korean Central News Agency)" in md


@given(st.sampled_from(["Kim Jong Un", "Kim Yo Jong", "Choe Son Hui"]), st.sampled_from(["KCNA", "Yonhap"]))
def test_channel_never_the_speaker(person: str, agency: str) -> None:
    """Whoever speaks, the channel is another body, never the speaker itself."""
    s = _one(f"{agency} quoted {person} as saying the drills were “a provocation.”")
    assert s.speaker is not None
    assert s.via is not None
    assert s.via != s.speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Moon Jae-in and Kim Jong Un agreed to end “all hostile acts” on the border.",
            "all hostile acts",
        ),
        (
            (
                "President Moon Jae-in met leader Kim Jong Un at the border village on Friday. "
                "The two leaders said they would meet again in “the autumn”."
            ),
            "the autumn",
        ),
        (
            (
                "In a document signed by President Moon Jae-in and leader Kim Jong Un, they "
                "“reaffirmed a shared goal” of a peninsula without nuclear arms."
            ),
            "reaffirmed a shared goal",
        ),
    ],
)
def test_joint_statement_keeps_both(text: str, quote: str) -> None:
    """A joint statement names both speakers, in text order."""
    found = extract_statements(kb.Article(id="t", raw=text, text=text))
    s = next(s for s in found if s.quote == quote)
    assert s.speakers == ("Moon Jae-in", "Kim Jong Un")


def test_one_speaker_is_not_joint() -> None:
    """A speaker named alone beside another leader keeps no co-speaker."""
    s = _one("President Moon Jae-in met Kim Jong Un on Friday. Moon said the talks were “frank.”")
    assert (s.speaker, s.co_speakers) == ("Moon Jae-in", ())


def test_brief_groups_joint_statement() -> None:
    """The brief lists a joint statement under both names."""
    text = "Moon Jae-in and Kim Jong Un agreed to end “all hostile acts” on the border."
    md = kb.render_markdown(kb.brief([kb.extract(kb.article(text, id="j1"))]))
    assert "### Moon Jae-in and Kim Jong Un" in md


def test_body_relayed_by_agency() -> None:
    """A body quoted by an agency speaks, the agency is its channel."""
    s = _one("The win showed “unbreakable friendship”, KCNA cited the North’s ruling party as saying.")
    assert (s.speaker, s.via) == ("Workers' Party of Korea", KCNA)


def test_own_spokesman_is_no_channel() -> None:
    """"his spokesman said" after a leader's words is his own office, not a channel."""
    text = "The White House spoke. Ban Ki-moon called the findings “deeply troubling,” his spokesman said."
    found = extract_statements(kb.Article(id="t", raw=text, text=text))
    assert [(s.speaker, s.via) for s in found] == [("Ban Ki-moon", None)]


def test_quoted_as_saying_by_agency() -> None:
    """"was quoted as saying by KCNA": Kim speaks, KCNA is the channel."""
    s = _one("Kim Jong Un was quoted as saying by KCNA that the launch was “a miracle of our people.”")
    assert (s.speaker, s.via) == ("Kim Jong Un", KCNA)


def test_joint_participle_keeps_both() -> None:
    """"A and B condemned it, calling it “...”": both speak."""
    s = _one("Lee Jae-myung and Shigeru Ishiba condemned the launch, calling it “a clear violation.”")
    assert s.speakers == ("Lee Jae-myung", "Shigeru Ishiba")


def test_as_reported_by_is_a_channel() -> None:
    """"X, as reported by KCNA, stated": X speaks, KCNA carries it."""
    s = _one(
        "The decision adopted by the Supreme People's Assembly, as reported by the state-run "
        "KCNA news agency, stated, “The two states are at war.”"
    )
    assert (s.speaker, s.via) == ("Supreme People's Assembly", KCNA)
