"""Speakers on real copy (#16): groups, relayed documents, passive agents, canonical bodies.

Sentences are written for these tests; names are real, wording invented.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements


def _speakers(text: str) -> list[str | None]:
    return [s.speaker for s in extract_statements(kb.Article(id="t", raw=text, text=text))]


class TestCountedGroups:
    """A counted group with its members listed after it speaks as one."""

    @pytest.mark.parametrize(
        ("text", "group"),
        [
            (
                (
                    "Seven nations, among them Canada, Germany and Italy, released a joint declaration "
                    "on Friday denouncing the launch as “a reckless provocation”."
                ),
                "Seven nations",
            ),
            (
                (
                    "Twelve governments, including Japan and Australia, said in a joint note that the "
                    "transfers were “a clear breach” of the resolutions."
                ),
                "Twelve governments",
            ),
            (
                (
                    "The move drew fire as 14 countries, including France, Britain and South Korea, "
                    "issued a statement condemning the deal “without reservation”."
                ),
                "14 countries",
            ),
            (
                (
                    "Several allies, such as Canada and New Zealand, warned that the drills risked "
                    "“a spiral of escalation”."
                ),
                "Several allies",
            ),
            (
                (
                    "Five foreign ministers, including Penny Wong and Antony Blinken, called the "
                    "test “deeply destabilising”."
                ),
                "Five foreign ministers",
            ),
        ],
    )
    def test_group_speaks_not_a_member(self, text: str, group: str) -> None:
        """The group is the speaker, never the first or last member of its list."""
        assert _speakers(text) == [group]

    def test_member_outside_the_count_is_named_with_it(self) -> None:
        """A body added with "as well as" after the list is named with the group."""
        text = (
            "Nine countries, including Japan and Canada, as well as the European Union, put out "
            "a joint statement. The statement said the shipments were a “grave threat” to peace."
        )
        assert _speakers(text) == ["Nine countries and the European Union"]

    def test_plain_list_is_no_group(self) -> None:
        """Without a count before it, a list of states keeps its first state as speaker."""
        text = "Japan, including its navy, called the launch “unacceptable”."
        assert _speakers(text) == ["Japan"]

    @given(
        count=st.sampled_from(["Three", "Four", "11", "Twenty"]),
        noun=st.sampled_from(["nations", "countries", "governments", "allies"]),
        members=st.lists(
            st.sampled_from(["Japan", "Canada", "France", "Germany", "Australia", "Italy"]),
            min_size=2,
            max_size=4,
            unique=True,
        ),
    )
    def test_group_whatever_its_members(self, count: str, noun: str, members: list[str]) -> None:
        """However many members are listed, the counted group is the speaker."""
        listed = ", ".join(members[:-1]) + " and " + members[-1]
        text = f"{count} {noun}, including {listed}, said the launch was “a grave provocation”."
        assert _speakers(text) == [f"{count} {noun}"]


class TestDocumentsCarriedByAgencies:
    """A body's document relayed by an agency speaks for the body; the agency is the channel."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                (
                    "The Supreme People’s Assembly sat on Monday. The resolution passed by the assembly, "
                    "as carried by the state-run KCNA news agency, said, “The South is our principal enemy.”"
                ),
                "Supreme People's Assembly",
            ),
            (
                (
                    "The UN Security Council met in New York. The decision adopted by the council, as "
                    "reported by Yonhap, stated that the launch was “a clear violation”."
                ),
                "UN Security Council",
            ),
            (
                (
                    "South Korea’s National Assembly voted late on Tuesday. The resolution passed by the "
                    "assembly, as carried by Yonhap, said the drone flights were “a grave provocation”."
                ),
                "National Assembly",
            ),
            (
                (
                    "The UN General Assembly voted on Thursday. The resolution adopted by the assembly, "
                    "as reported by Reuters, said the abuses were “systematic and widespread”."
                ),
                "UN General Assembly",
            ),
            (
                (
                    "The UN General Assembly met in New York. The declaration approved by the assembly, "
                    "as published by Agence France-Presse, stated, “We stand with the victims.”"
                ),
                "UN General Assembly",
            ),
        ],
    )
    def test_issuer_not_the_agency(self, text: str, speaker: str) -> None:
        """The issuer of the document speaks, not the agency in the aside."""
        assert _speakers(text) == [speaker]

    def test_it_after_a_carried_document(self) -> None:
        """ "It noted" in the sentence after such a document goes on with its issuer."""
        text = (
            "The Supreme People’s Assembly sat on Monday. The ruling passed by that assembly, as "
            "relayed by KCNA, said, “The South is our principal enemy.” It further noted, “Unification "
            "is no longer possible.”"
        )
        assert _speakers(text) == ["Supreme People's Assembly"] * 2


class TestPassiveJudges:
    """The agent of a passive judgement speaks the charge or reason quoted in its clause."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                (
                    "Six shipping firms were also sanctioned by the Treasury Department for “their role in "
                    "moving coal for Pyongyang.”"
                ),
                "US Department of the Treasury",
            ),
            (
                "The activist was fined by Seoul for “breaking the leaflet ban”.",
                "South Korea",
            ),
            (
                "Two bankers were blacklisted by the European Union over “financing weapons programmes”.",
                "European Union",
            ),
            (
                "The tanker was later designated by the UN Security Council as “a repeat violator”.",
                "UN Security Council",
            ),
            (
                "The researcher was praised by Kim Jong Un for “selfless devotion to the missile programme”.",
                "Kim Jong Un",
            ),
        ],
    )
    def test_agent_speaks(self, text: str, speaker: str) -> None:
        """The one who judges is the speaker of the quoted charge or reason."""
        assert _speakers(text) == [speaker]

    def test_agent_without_a_judgement_is_no_speaker(self) -> None:
        """A passive of another verb ("was built by") gives no speaker."""
        assert _speakers("The ship was built by Hyundai for “deep sea work”.") == [None]


class TestAccordingToWhom:
    """ "X, according to whom ...": the relative stands for the name before the comma."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                (
                    "The plan was backed by Foreign Minister Cho Tae-yul, according to whom the sanctions "
                    "were “long overdue”."
                ),
                "Cho Tae-yul",
            ),
            (
                "Talks resumed under Antony Blinken, according to whom Pyongyang was “not serious”.",
                "Antony Blinken",
            ),
            (
                (
                    "The figures came from the Joint Chiefs of Staff, according to which the shells "
                    "landed “well inside the buffer zone”."
                ),
                "Joint Chiefs of Staff",
            ),
            (
                "The package was unveiled by Kaja Kallas, according to whom it “shows our unity”.",
                "Kaja Kallas",
            ),
            (
                (
                    "The ruling was read out by the UN Security Council, according to which the tests were "
                    "“a clear threat”."
                ),
                "UN Security Council",
            ),
        ],
    )
    def test_whom_is_the_name_before(self, text: str, speaker: str) -> None:
        """The name the relative follows is the source of the partial quotation."""
        assert _speakers(text) == [speaker]


class TestBodiesWrittenSmall:
    """ "the commission" after a known body written in lower case is that body."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                (
                    "Delegates met at the supreme people’s assembly on Monday. The assembly said in a "
                    "statement, “The South is our principal enemy.”"
                ),
                "Supreme People's Assembly",
            ),
            (
                (
                    "The session of the state affairs commission ended late. The commission said the "
                    "talks were “pointless”."
                ),
                "State Affairs Commission",
            ),
            (
                (
                    "A report by the seoul central district court was due. The court said the charges "
                    "were “well founded”."
                ),
                "Seoul Central District Court",
            ),
            (
                (
                    "He briefed the korean national police agency at dawn. The agency told reporters, "
                    "“We found no trace of the drone.”"
                ),
                "Korean National Police Agency",
            ),
            (
                (
                    "Officials of the central military commission gathered in Pyongyang. The commission "
                    "called the drills “a rehearsal for invasion”."
                ),
                "Central Military Commission",
            ),
        ],
    )
    def test_body_named_in_lower_case(self, text: str, speaker: str) -> None:
        """The head word goes back to the gazetteer body the text wrote in lower case."""
        assert _speakers(text) == [speaker]

    def test_common_phrase_stays_common(self) -> None:
        """A body no known name in lower case stands for names no speaker (nor its head word)."""
        text = "The bill went to the regional assembly. The assembly said the vote was “final”."
        assert _speakers(text) == [None]


class TestGovernmentNames:
    """The UK and US governments carry the short names their other bodies carry."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("The British government accused Moscow of using troops as “cannon fodder”.", "UK government"),
            ("A UK official said the ships were “operating in the shadows”.", "UK government"),
            ("The US government said the hackers had stolen “at least $300 million”.", "US government"),
            ("An American official called the launch “deeply troubling”.", "US government"),
            ("His Majesty’s Government said the listings were “long overdue”.", "UK government"),
        ],
    )
    def test_short_form(self, text: str, speaker: str) -> None:
        """ "British government", "a UK official", "the American government" all name one body each."""
        assert _speakers(text) == [speaker]

    def test_other_states_keep_their_adjective(self) -> None:
        """A state with no government of its own in the gazetteer is named from its adjective."""
        assert _speakers("A Japanese official said the test was “unacceptable”.") == ["Japanese government"]


class TestCitingReporters:
    """ "X said, citing Y, that ...": X speaks; Y is only X's source."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                "Yonhap said, citing a military official, that the shells were “aimed at the island”.",
                "Yonhap News Agency",
            ),
            (
                (
                    "The South Korean military said, citing intelligence sources, that Pyongyang had readied "
                    "“a new launcher”."
                ),
                "Republic of Korea Armed Forces",
            ),
            (
                "Yonhap reported on Monday, citing the Defense Ministry, that the drones were “crude”.",
                "Yonhap News Agency",
            ),
            (
                "Seoul’s Unification Ministry said, citing Pyongyang media, that the plant was “shut down”.",
                "Ministry of Unification",
            ),
            (
                (
                    "Kim Yo Jong said, citing the army’s own radar data, that the drone had come "
                    "“from the South”."
                ),
                "Kim Yo Jong",
            ),
        ],
    )
    def test_reporter_speaks(self, text: str, speaker: str) -> None:
        """The reporting subject speaks, not the source it cites."""
        assert _speakers(text) == [speaker]

    def test_quoting_as_saying_is_the_one_quoted(self) -> None:
        """ "quoting X as saying" gives X's own words."""
        text = "KCNA said, quoting Kim Jong Un as saying that the test was “a great success”."
        assert _speakers(text) == ["Kim Jong Un"]


class TestInTheDocument:
    """ "In the declaration, “...”": the maker of the document speaks."""

    @pytest.mark.parametrize(
        ("text", "speakers"),
        [
            (
                (
                    "Moon Jae-in and Kim Jong Un signed a joint declaration on Friday at the border. "
                    "In the three-page document, “the two sides will end all hostile acts”, with more talks."
                ),
                ["Moon Jae-in", "Kim Jong Un"],
            ),
            (
                (
                    "The UN Security Council adopted a resolution late on Monday. In the resolution, “all "
                    "member states shall inspect cargo”, a step diplomats called overdue."
                ),
                ["UN Security Council"],
            ),
            (
                (
                    "Japan’s Foreign Ministry issued a statement on Tuesday. In the statement, “Tokyo "
                    "lodges a strong protest” over the launch."
                ),
                ["Japanese Ministry of Foreign Affairs"],
            ),
            (
                (
                    "The Group of Seven released a communique after the talks. In the communique, “we "
                    "condemn the reckless launches” by Pyongyang."
                ),
                ["G7"],
            ),
            (
                (
                    "Yoon Suk Yeol and Fumio Kishida signed a joint document in Tokyo. Under the "
                    "document, “both countries will share missile warning data in real time”."
                ),
                ["Yoon Suk Yeol", "Fumio Kishida"],
            ),
        ],
    )
    def test_maker_speaks(self, text: str, speakers: list[str]) -> None:
        """The one who signed, issued or adopted the document speaks (both signers for two)."""
        found = extract_statements(kb.Article(id="t", raw=text, text=text))
        assert [list(s.speakers) for s in found] == [speakers]

    def test_no_maker_no_speaker(self) -> None:
        """With no maker named nearby the quotation keeps no speaker."""
        text = "Storms hit the coast. In the document, “the port is closed until further notice”."
        assert _speakers(text) == [None]


class TestInvertedAsides:
    """ "The launch, said the JCS, was “...”": a comma-set inverted attribution before the quotation."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                "The launch, said the Joint Chiefs of Staff, was “a grave provocation”.",
                "Joint Chiefs of Staff",
            ),
            (
                "The list, specifies a note from the Council of the EU, includes the “Lazarus” unit.",
                "Council of the European Union",
            ),
            (
                "The drones, added the Defense Ministry, had flown “deep into our airspace”.",
                "Defense Ministry",
            ),
            ("Such tests, wrote Kim Yo Jong, are “our sovereign right”.", "Kim Yo Jong"),
            (
                (
                    "The new rules, notes a statement from the US Treasury Department, target “every "
                    "facilitator of the trade”."
                ),
                "US Department of the Treasury",
            ),
        ],
    )
    def test_aside_names_the_speaker(self, text: str, speaker: str) -> None:
        """The name in the inverted aside speaks the quotation that follows."""
        assert _speakers(text) == [speaker]

    def test_call_for_is_no_aside(self) -> None:
        """ "..., calls for a cut to X's exports" names no speaker by its object."""
        text = "The resolution, adopted on Friday, calls for a cut to Iran’s oil sales, with a “cap” on them."
        assert "Iran" not in _speakers(text)
