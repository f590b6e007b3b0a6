"""Speaker rules found on unseen text (#16), as properties over the shapes they cover.

Sentences are written for these tests; names are real, wording invented. The single
cases live in tests/fixtures/statements/cases.toml.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements

# Leaders with the title news copy gives them, the state they lead, and their office.
LEADERS = [
    ("President Yoon Suk Yeol", "Yoon Suk Yeol", "South Korean Presidential Office"),
    ("President Moon Jae-in", "Moon Jae-in", "South Korean Presidential Office"),
    ("President Lee Jae-myung", "Lee Jae-myung", "South Korean Presidential Office"),
    ("President Joe Biden", "Joe Biden", "White House"),
    ("President Barack Obama", "Barack Obama", "White House"),
    ("Prime Minister Fumio Kishida", "Fumio Kishida", "Prime Minister's Office of Japan"),
    ("Prime Minister Shigeru Ishiba", "Shigeru Ishiba", "Prime Minister's Office of Japan"),
]
DATELINES = ["SEOUL", "TOKYO", "WASHINGTON", "BEIJING", "MOSCOW", "PYONGYANG"]
WIRES = ["Reuters", "AP", "AFP", "Yonhap", "Kyodo"]
DATES = ["Jan 5", "Dec. 3", "June 14", "Sept 13", "March 1"]
DASHES = [" - ", " -- ", " — "]
DEEDS = [
    "met his security team on Monday",
    "cut short a trip abroad",
    "was briefed on the launch late on Tuesday",
    "held an emergency meeting",
]
PARTICIPLES = ["saying", "calling", "adding", "warning"]


def _statements(text: str) -> tuple[kb.Statement, ...]:
    return extract_statements(kb.Article(id="t", raw=text, text=text))


class TestDatelines:
    @given(
        st.sampled_from(LEADERS),
        st.tuples(
            st.sampled_from(DATELINES),
            st.sampled_from(DATES),
            st.sampled_from(WIRES),
            st.sampled_from(DASHES),
        ),
        st.sampled_from(DEEDS),
        st.sampled_from(PARTICIPLES),
    )
    def test_dateline_is_no_subject(
        self, leader: tuple[str, str, str], dateline: tuple[str, str, str, str], deed: str, participle: str
    ) -> None:
        """Neither the place, the date nor the wire of a dateline speaks for the sentence after it."""
        title, name, _ = leader
        place, date, wire, dash = dateline
        text = f"{place}, {date} ({wire}){dash}{title} {deed}, {participle} the test was “a grave step.”"
        (statement,) = _statements(text)
        assert statement.speaker == name


class TestOffices:
    @given(st.sampled_from(LEADERS), st.sampled_from(DEEDS), st.booleans())
    def test_his_office_is_the_leaders(self, leader: tuple[str, str, str], deed: str, same: bool) -> None:
        """ "his office said" after a president or prime minister is that leader's office."""
        title, _, office = leader
        joint = f"{title} {deed}, and his office said" if same else f"{title} {deed}. His office said"
        (statement,) = _statements(f"{joint} the country would respond “firmly.”")
        assert statement.speaker == office

    @given(st.sampled_from(LEADERS), st.sampled_from(DEEDS))
    def test_her_office_needs_a_woman(self, leader: tuple[str, str, str], deed: str) -> None:
        """ "her office" never names the office of a man named before it."""
        title, _, _ = leader
        (statement,) = _statements(f"{title} {deed}. Her office said talks were “possible.”")
        assert statement.speaker is None
