"""find_mentions: people, bodies, states and pronouns, resolved within a text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.names import NameMention, find_mentions

G = kb.Gazetteer.from_toml_text(
    """
[[state]]
name = "North Korea"
adjectives = ["North Korean"]
metonyms = ["Pyongyang"]

[[state]]
name = "South Korea"
adjectives = ["South Korean"]
metonyms = ["Seoul"]

[[person]]
name = "Kim Yo Jong"
affiliation = "North Korea"
gender = "f"
surname = "Kim"

[[organisation]]
name = "Joint Chiefs of Staff"
aliases = ["JCS"]
affiliation = "South Korea"
"""
)


def _names(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.name, m.kind) for m in find_mentions(text, G)]


def _by_text(text: str) -> dict[str, NameMention]:
    return {m.text: m for m in find_mentions(text, G)}


class TestFinding:
    def test_title_and_state_modifier(self) -> None:
        """A state adjective, a title and a name make one mention with role and affiliation."""
        m = _by_text("South Korean Unification Minister Kim Yung-ho spoke.")[
            "South Korean Unification Minister Kim Yung-ho"
        ]
        assert (m.name, m.role, m.affiliation) == ("Kim Yung-ho", "Unification Minister", "South Korea")

    def test_possessive_title_with_apposition(self) -> None:
        """ "North Korea's foreign minister, Choe Son Hui," names Choe with the role."""
        found = find_mentions("North Korea's foreign minister, Choe Son Hui, said so.", G)
        assert found[0].name == "Choe Son Hui"
        assert (found[0].role, found[0].affiliation) == ("Foreign Minister", "North Korea")

    def test_name_opening_the_clause_is_no_appositive(self) -> None:
        """ "According to an official, Pine Ledger has ...": the name after the comma opens the
        clause (a verb follows it), so it is not the official's name."""
        found = _by_text("According to a senior ministry official, Pine Ledger has moved the funds.")
        assert "Pine Ledger" in found
        assert all(m.name != "Pine Ledger" or m.role is None for m in found.values())

    def test_unknown_name_by_shape(self) -> None:
        """A name with an initial, absent from the gazetteer, is found whole."""
        assert ("Benjamin A. Engel", "Benjamin A. Engel", "person") in _names("Benjamin A. Engel spoke.")

    def test_organisation_by_head_word(self) -> None:
        """A capitalised phrase ending in an organisation word is an organisation."""
        assert ("Seoul National University", "Seoul National University", "organisation") in _names(
            "He teaches at Seoul National University."
        )

    def test_collective_with_state(self) -> None:
        """ "South Korea's military" becomes the "South Korean military" collective."""
        m = _by_text("South Korea’s military said so.")["South Korea’s military"]
        assert (m.name, m.kind, m.affiliation) == ("South Korean military", "collective", "South Korea")

    def test_sentence_openers_are_not_names(self) -> None:
        """Capitalised sentence openers and calendar words are no people."""
        assert _names("On Monday, Officials met. Evidence grew.") == []

    def test_spans_index_text(self) -> None:
        """Every mention's span is its text."""
        text = "Foreign Minister Cho Tae-yul met Kim Yo Jong in Seoul; she left."
        for m in find_mentions(text, G):
            assert text[m.start : m.end] == m.text


class TestResolution:
    def test_surname_to_full_name(self) -> None:
        """A surname alone resolves to the full name met earlier."""
        names = _names("Foreign Minister Cho Tae-yul arrived. Cho spoke.")
        assert names[-1] == ("Cho", "Cho Tae-yul", "person")

    def test_western_surname_last(self) -> None:
        """Western names are called by their last word."""
        assert _names("Jane Holloway arrived. Holloway spoke.")[-1][1] == "Jane Holloway"

    def test_title_to_full_name(self) -> None:
        """ "the minister" resolves to the last person with a minister's role."""
        assert _names("Defense Minister Shin Won-sik came. The minister spoke.")[-1][1] == "Shin Won-sik"

    def test_pronoun_prefers_subject(self) -> None:
        """ "he" prefers the previous sentence's subject over an object."""
        m = _by_text("Park Jin met Lee Sang-min. He smiled.")["He"]
        assert m.name == "Park Jin"

    def test_pronoun_gender(self) -> None:
        """ "she" skips a man and finds a woman the gazetteer knows."""
        found = find_mentions("Kim Yo Jong met Park Jin, Mr Park. She spoke.", G)
        assert [m.name for m in found if m.text == "She"] == ["Kim Yo Jong"]

    def test_relative_pronoun(self) -> None:
        """ "who" resolves to the name right before it."""
        assert _by_text("Park Jin, who spoke, left.")["who"].name == "Park Jin"

    def test_office_of_owner(self) -> None:
        """ "X's office" is "Office of X"."""
        found = _by_text("President Lee Jae-myung’s office said so.")
        assert found["office"].name == "Office of Lee Jae-myung"

    def test_bare_body_to_earlier_body(self) -> None:
        """ "the military" resolves to the military named earlier."""
        assert _names("South Korea's military fired. The military said so.")[-1][1] == "South Korean military"

    def test_it_to_body(self) -> None:
        """ "it" resolves to an organisation subject."""
        assert _by_text("The JCS detected it. It said so.")["It"].name == "Joint Chiefs of Staff"

    def test_unresolved_pronoun(self) -> None:
        """A pronoun with nothing before it stays unresolved."""
        assert _by_text("He said so.")["He"].name is None


class TestProperties:
    @given(st.text(max_size=200))
    def test_never_raises_and_spans_exact(self, text: str) -> None:
        """Any text: no exception, ordered non-overlapping mentions whose spans index the text."""
        found = find_mentions(text, G)
        last = 0
        for m in found:
            assert text[m.start : m.end] == m.text
            assert m.start >= last
            last = m.end


class TestQuoted:
    def test_names_inside_quotes_are_not_subjects(self) -> None:
        """A name inside a quotation is not taken as the next pronoun's antecedent."""
        text = "“Kim Jong Un is a liar,” Park Jin said. He left."
        start = text.index("Kim")
        found = find_mentions(text, G, quoted=[kb.Span(start, text.index("liar") + 4)])
        assert [m.name for m in found if m.text == "He"] == ["Park Jin"]


class TestPlacesAndBodiesAreNoPeople:
    """A place's name, or a body's word left after a title-like word, names no person (own sentences)."""

    @pytest.mark.parametrize(
        "text",
        [
            "Patrol boats crossed the Northern Limit Line twice on Sunday, officials said.",
            "Shells fell near the Demilitarized Zone overnight, a spokesman said.",
            "Engineers laid mines along the Military Demarcation Line this week, the ministry said.",
            "Rockets lifted off from the Sohae Launching Station at dawn, observers said.",
        ],
    )
    def test_place_runs(self, text: str) -> None:
        people = [m.text for m in find_mentions(text, kb.Gazetteer.default()) if m.kind == "person"]
        assert people == []

    def test_body_word_after_a_rank(self) -> None:
        """ "General Staff" opens no titled person called Staff; the body speaks."""
        t = "The Korean People's Army General Staff said it would “close the frontier for good.”"
        (s,) = kb.extract_statements(kb.Article(id="t", raw=t, text=t))
        assert s.speaker != "Staff"
        assert s.speaker is not None

    def test_a_place_does_not_take_the_next_quotation(self) -> None:
        t = (
            "Shells landed near the Military Demarcation Line on Tuesday, JCS spokesperson "
            "Lee Sung-jun said, adding that no one was hurt.\n\n"
            "“We returned fire at once,” he told reporters."
        )
        speakers = [s.speaker for s in kb.extract_statements(kb.Article(id="t", raw=t, text=t))]
        assert speakers == ["Lee Sung-jun"]
