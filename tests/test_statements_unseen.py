"""Speaker families found on unseen articles (#16), as properties over their wordings.

Sentences are written for these tests (wire, analysis, state-media translation, Korean and
Japanese outlets in English); names are real, wording invented.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements

_GAZETTEER = kb.Gazetteer.default()


def _statements(text: str) -> tuple[kb.Statement, ...]:
    return extract_statements(kb.Article(id="t", raw=text, text=text), gazetteer=_GAZETTEER)


# Long titles opening with "Under": the holder after them speaks.
UNDER_TITLES = [
    ("Under Secretary of Commerce for Industry and Security", "Alan F. Estevez", "Alan Estevez"),
    (
        "Under Secretary of State for Arms Control and International Security",
        "Bonnie Jenkins",
        "Bonnie Jenkins",
    ),
    ("Under Secretary of State for Political Affairs", "Victoria Nuland", "Victoria Nuland"),
    ("Under Secretary of Defense for Policy", "Colin Kahl", "Colin Kahl"),
    ("Under-Secretary-General for Humanitarian Affairs", "Martin Griffiths", "Martin Griffiths"),
]
CUES = ["said", "told reporters", "said in a statement", "warned"]


class TestUnderTitles:
    @given(st.sampled_from(UNDER_TITLES), st.sampled_from(CUES))
    def test_holder_of_under_title_speaks(self, titled: tuple[str, str, str], cue: str) -> None:
        """ "“...,” Under Secretary ... <Name> said": the title's holder, though "under" opens no speaker."""
        title, written, name = titled
        (statement,) = _statements(f"“Evaders will be found and punished,” {title} {written} {cue}.")
        assert statement.speaker == name


# Bodies whose unnamed staff an agency or a lawmaker quotes, with the canonical body.
BODIES = [
    ("NIS", "National Intelligence Service"),
    ("National Intelligence Service", "National Intelligence Service"),
    ("Pentagon", "US Department of Defense"),
    ("Workers' Party", "Workers' Party of Korea"),
    ("Unification Ministry", "Ministry of Unification"),
]
STAFF = ["officials", "spokesmen", "representatives"]
RELAYERS = ["Yonhap", "KCNA", "The lawmaker", "Rep. Yoo Yong-weon", "The broadcaster"]


class TestQuotedStaff:
    @given(
        st.sampled_from(BODIES),
        st.sampled_from(STAFF),
        st.sampled_from(RELAYERS),
        st.sampled_from(["quoted", "cited"]),
        st.booleans(),
    )
    def test_quoted_staff_speak_for_their_body(
        self, body: tuple[str, str], staff: str, relayer: str, verb: str, before: bool
    ) -> None:
        """ "X quoted NIS officials as saying": the body of the unnamed staff speaks."""
        written, name = body
        if before:
            text = f"“The units have moved south,” {relayer} {verb} {written} {staff} as saying."
        else:
            text = f"{relayer} {verb} {written} {staff} as saying the units had moved “far south.”"
        (statement,) = _statements(text)
        assert statement.speaker == name


# People named with the party they belong to, a modifier before the party's name.
MEMBERS = [
    ("Park Geun-hye", "the ruling Saenuri Party"),
    ("Lee Jae-myung", "the main opposition Democratic Party"),
    ("Han Dong-hoon", "the ruling People Power Party"),
    ("Ahn Cheol-soo", "the centrist People's Party"),
    ("Yoon Suk Yeol", "the conservative People Power Party"),
]
PARTY_CUES = ["called it", "said the launch was", "described the move as", "dismissed the plan as"]


class TestMembersOfParties:
    @given(st.sampled_from(MEMBERS), st.sampled_from(PARTY_CUES))
    def test_member_speaks_not_party(self, member: tuple[str, str], cue: str) -> None:
        """ "<Name> of the ruling <Party> called it “...”": the person, not the party."""
        name, party = member
        (statement,) = _statements(f"{name} of {party} {cue} “a reckless gamble.”")
        assert statement.speaker == name


# An agency quotes a leader, then goes on in its own voice with a coordinated verb.
AGENCIES = [
    ("KCNA", "Korean Central News Agency"),
    ("The KCNA report", "Korean Central News Agency"),
    ("Yonhap", "Yonhap News Agency"),
    ("Rodong Sinmun", "Rodong Sinmun"),
]
LEADER_QUOTES = [
    ("Kim Jong Un", "as calling the launch “a stern warning” to its foes"),
    ("Kim Yo Jong", "as describing the leaflets as “filth”"),
    ("Choe Son Hui", "as urging Washington to drop its “hostile policy”"),
]
OWN_VOICE = ["and said", "and added that", "and reported that"]


class TestAgencyAfterQuotedLeader:
    @given(st.sampled_from(AGENCIES), st.sampled_from(LEADER_QUOTES), st.sampled_from(OWN_VOICE))
    def test_coordinated_verb_is_the_agencys(
        self, agency: tuple[str, str], leader: tuple[str, str], own: str
    ) -> None:
        """ "KCNA quoted Kim as calling it “...”, and said “...”": the leader, then the agency."""
        written, channel = agency
        person, quoted = leader
        text = f"{written} quoted {person} {quoted}, {own} the test proved “the reliability of the system.”"
        first, second = _statements(text)
        assert first.speaker == person
        assert second.speaker == channel


# Names given with "known as": nobody's words, unless the sentence names a source.
KNOWN = [
    "an idea known as the “double freeze”",
    "a plan known as the “freeze for freeze”",
    "the unit, also known as “Bureau 121”,",
    "the group, better known as “Lazarus”,",
    "a tactic widely known as “salami slicing”",
]
SOURCES = [
    ("according to OFAC", "Office of Foreign Assets Control"),
    ("the FBI said", "Federal Bureau of Investigation"),
]


class TestKnownAs:
    @given(st.sampled_from(KNOWN), st.sampled_from(["China backed", "Seoul rejected", "Analysts doubt"]))
    def test_name_known_as_has_no_speaker(self, known: str, lead: str) -> None:
        """ "known as (the) “...”" gives a name, nobody's statement."""
        (statement,) = _statements(f"{lead} {known} in talks on Friday.")
        assert statement.speaker is None

    @given(st.sampled_from(KNOWN), st.sampled_from(SOURCES))
    def test_source_closing_the_sentence_speaks(self, known: str, source: tuple[str, str]) -> None:
        """ "..., known as “...”, ..., according to OFAC": the source that closes the sentence."""
        written, name = source
        (statement,) = _statements(f"The funds went to {known} which laundered them, {written}.")
        assert statement.speaker == name


# Verbs of speech acts whose partial quotation is the subject's words.
ACTS = [
    "apologised for the “confusion” caused by",
    "apologized to voters for the “national chaos” over",
    "questioned whether the deal was “in the national interest” after",
    "protested the launch as “absolutely unacceptable” after",
    "congratulated Seoul on its “historic” role in",
    "appealed for “calm and restraint” after",
    "wondered aloud whether there was “anything left to discuss” after",
]
PEOPLE = ["Park Geun-hye", "Yoon Suk Yeol", "Fumio Kishida", "Lee Jae-myung"]


class TestSpeechActs:
    @given(st.sampled_from(PEOPLE), st.sampled_from(ACTS), st.booleans())
    def test_subject_of_a_speech_act_speaks(self, person: str, act: str, pronoun: bool) -> None:
        """ "X apologised for the “...”", "X questioned whether “...”": the subject's words."""
        if pronoun:
            gender = "She" if person == "Park Geun-hye" else "He"
            text = f"{person} spoke on Tuesday. {gender} {act} the vote."
        else:
            text = f"{person} {act} the vote."
        (statement,) = _statements(text)
        assert statement.speaker == person

    @given(st.sampled_from(PEOPLE), st.sampled_from(["Twitter", "Facebook", "Truth Social"]))
    def test_wondering_goes_with_the_clause_subject(self, person: str, site: str) -> None:
        """ "X reacted on Twitter, wondering ... and suggesting ...": both X's, never the site."""
        text = (
            f"{person} reacted on {site}, wondering whether the talks had “any future” "
            "and suggesting Beijing should “do far more.”"
        )
        first, second = _statements(text)
        assert first.speaker == person
        assert second.speaker == person


# A participle closing the second of two joined clauses goes with that clause's subject.
STATES = [("Pyongyang", "North Korea"), ("Beijing", "China"), ("Tokyo", "Japan"), ("Moscow", "Russia")]
DEEDS = ["on Monday extended its launch window", "withdrew its envoy", "later cancelled the talks"]
JOINS = [", and ", ", but ", "; "]


class TestConjoinedClause:
    @given(st.sampled_from(STATES), st.sampled_from(DEEDS), st.sampled_from(JOINS))
    def test_participle_goes_with_second_clause(self, state: tuple[str, str], deed: str, join: str) -> None:
        """ "..., and Pyongyang delayed it, citing “...”": the second clause's subject."""
        written, name = state
        lead = "Satellite images showed the pad being cleared"
        text = f"{lead}{join}{written} {deed}, citing “technical problems.”"
        (statement,) = _statements(text)
        assert statement.speaker == name

    def test_state_adjective_is_no_subject(self) -> None:
        """ "..., and Chinese officials blamed ..., citing “...”": no clause of China's own."""
        (statement,) = _statements(
            "Trade fell, and Chinese officials blamed sanctions, citing “hostile policy.”"
        )
        assert statement.speaker != "China"


# Leaders as news copy titles them, with the office of their post.
LEADERS = [
    ("President Lee Jae-myung", "President Lee", "Lee", "South Korean Presidential Office"),
    ("President Yoon Suk Yeol", "President Yoon", "Yoon", "South Korean Presidential Office"),
    ("President Moon Jae-in", "President Moon", "Moon", "South Korean Presidential Office"),
    ("Prime Minister Fumio Kishida", "Prime Minister Kishida", "Kishida", "Prime Minister's Office of Japan"),
    ("President Joe Biden", "President Biden", "Biden", "White House"),
]


class TestOfficeNames:
    @given(st.sampled_from(LEADERS), st.booleans())
    def test_leaders_office_is_the_states(self, leader: tuple[str, str, str, str], titled: bool) -> None:
        """ "President Lee's office said" names the office "his office" names: the state's."""
        full, short, surname, office = leader
        owner = short if titled else surname
        text = f"{full} met his aides on Monday. {owner}'s office said the talks were “useful.”"
        (statement,) = _statements(text)
        assert statement.speaker == office

    @given(st.sampled_from(LEADERS), st.sampled_from(["former", "acting"]))
    def test_former_or_acting_leader_keeps_own_office(
        self, leader: tuple[str, str, str, str], word: str
    ) -> None:
        """A leader the text calls former or acting keeps an office of their own."""
        full, _, surname, _ = leader
        text = f"{word.capitalize()} {full} spoke. {surname}'s office said the talks were “useful.”"
        (statement,) = _statements(text)
        assert statement.speaker is not None
        assert statement.speaker.startswith("Office of ")

    @given(st.sampled_from(["Yoon Suk Yeol", "Kim Tae-hyo", "Seoul", "South Korea"]))
    def test_bare_office_takes_the_state_named_nearest(self, near: str) -> None:
        """ "the presidential office" is the office of the state named just before, not the most named."""
        text = (
            "Joe Biden hosted the summit. Washington and the United States Congress praised it. "
            f"{near} made the case for it. The presidential office called it “a milestone.”"
        )
        (statement,) = _statements(text)
        assert statement.speaker == "South Korean Presidential Office"


# Unnamed officials with the word for their body, and the body each speaks for.
OFFICIALS = [
    ("Seoul tracked the launch.", "a senior defense official", "South Korean Ministry of National Defense"),
    ("Seoul tracked the launch.", "a military official", "Republic of Korea Armed Forces"),
    ("Seoul tracked the launch.", "intelligence officials", "National Intelligence Service"),
    ("Seoul tracked the launch.", "a unification ministry official", "Ministry of Unification"),
    ("Tokyo lodged a protest.", "a defence ministry official", "Japanese Ministry of Defense"),
    ("North Korea fired again.", "a senior U.S. defense official", "US Department of Defense"),
    ("North Korea fired again.", "a U.S. intelligence official", "US intelligence community"),
    (
        "Seoul tracked the launch.",
        "a senior South Korean defense official",
        "South Korean Ministry of National Defense",
    ),
]


class TestUnnamedOfficials:
    @given(
        st.sampled_from(OFFICIALS),
        st.sampled_from(["said", "told reporters", "said on condition of anonymity"]),
    )
    def test_official_speaks_for_the_body_named(self, official: tuple[str, str, str], cue: str) -> None:
        """ "a senior defense official said": the body of the state the phrase or the text names."""
        lead, phrase, body = official
        (statement,) = _statements(f"{lead} “It flew about 600 km,” {phrase} {cue}.")
        assert statement.speaker == body

    @given(st.sampled_from(["a military official", "a senior military official", "military officials"]))
    def test_north_korean_forces_never_speak_unnamed(self, phrase: str) -> None:
        """Beside a North Korean launch alone, an unnamed military official is nobody's."""
        (statement,) = _statements(f"North Korea fired a missile. “It flew far,” {phrase} said.")
        assert statement.speaker is None

    def test_official_without_kind_stays_unnamed(self) -> None:
        """ "a senior official" names no kind of body: no speaker."""
        (statement,) = _statements("Seoul tracked the launch. “It flew far,” a senior official said.")
        assert statement.speaker is None


# Resolutions written with their numbers, an appositive, and the verb of what they demand.
RESOLUTIONS = [
    "Security Council resolutions 2087 and 2094",
    "UN Security Council Resolution 2397",
    "Security Council Resolution No. 2270",
    "The Security Council's resolutions",
    "U.N. Security Council resolutions 2371, 2375 and 2397",
]
APPOSITIVES = ["", ", passed in the wake of the 2013 test,", ", passed unanimously in 2017,"]
DEMANDS = ["demand that it halt", "require it to end", "prohibit", "ban", "oblige it to abandon"]


class TestResolutionsSpeak:
    @given(st.sampled_from(RESOLUTIONS), st.sampled_from(APPOSITIVES), st.sampled_from(DEMANDS))
    def test_council_speaks_for_its_resolutions(self, resolution: str, appositive: str, demand: str) -> None:
        """ "Resolutions 2087 and 2094, passed ..., demand “...”": the council that adopts them."""
        text = f"{resolution}{appositive} {demand} “all ballistic missile activity,” diplomats note."
        statements = _statements(text)
        assert statements[0].speaker == "UN Security Council"


# A reported clause, then the writer's noun and a clause whose subject names it.
REPORTED = [
    ("Park Geun-hye", "said she would leave her term to parliament"),
    ("Yoon Suk Yeol", "said he would veto the bill"),
    ("Fumio Kishida", "announced a record defence budget"),
]
APPOSED = [
    (", a move the opposition called", "South Korean opposition"),
    (", which the opposition called", "South Korean opposition"),
    (", a step Beijing called", "China"),
    (", a decision Pyongyang denounced as", "North Korea"),
]


class TestApposedClause:
    @given(st.sampled_from(REPORTED), st.sampled_from(APPOSED))
    def test_apposed_clause_has_its_own_speaker(
        self, reported: tuple[str, str], apposed: tuple[str, str]
    ) -> None:
        """ "X said ..., a move the opposition called “...”": the opposition's words, not X's."""
        person, clause = reported
        words, speaker = apposed
        if speaker == "South Korean opposition" and person == "Fumio Kishida":
            speaker = "Japanese opposition"
        (statement,) = _statements(f"{person} {clause}{words} “a cynical trick.”")
        assert statement.speaker == speaker


# An unnamed official introduced, then taken up again by "the official" or a pronoun.
TAKEN_UP = [
    ("Seoul tracked the launch.", "A senior defense official", "South Korean Ministry of National Defense"),
    ("The blast was felt in China.", "A senior U.S. defense official", "US Department of Defense"),
    ("Tokyo protested at once.", "One Japanese defence official", "Japanese Ministry of Defense"),
    ("Seoul weighed its reply.", "A unification ministry official", "Ministry of Unification"),
]
AGAIN = ["the official said", "the official added", "the senior official told reporters"]


class TestOfficialTakenUp:
    @given(st.sampled_from(TAKEN_UP), st.sampled_from(AGAIN))
    def test_the_official_is_the_one_introduced(self, official: tuple[str, str, str], again: str) -> None:
        """ "A senior defense official said ... “...,” the official said": the same body speaks."""
        lead, phrase, body = official
        text = f"{lead} {phrase} said the missile was new. “It flew about 600 km,” {again}."
        (statement,) = _statements(text)
        assert statement.speaker == body

    def test_unnamed_official_without_kind_stays_unnamed(self) -> None:
        """ "A senior official said ... “...,” the official said": no kind of body, no speaker."""
        text = "Seoul tracked it. A senior official said it flew far. “It flew 600 km,” the official said."
        (statement,) = _statements(text)
        assert statement.speaker is None

    @given(st.sampled_from([("Tokyo", "Japan"), ("Seoul", "South Korea"), ("Beijing", "China")]))
    def test_lodged_protest(self, state: tuple[str, str]) -> None:
        """ "Tokyo lodged a “strong protest”": the state lodging it."""
        written, name = state
        (statement,) = _statements(f"{written} lodged a “strong protest” through diplomatic channels.")
        assert statement.speaker == name


# A document heads the clause whose "it" names something.
DOCUMENTS = [
    ("The UN report", "United Nations"),
    ("The KCNA commentary", "Korean Central News Agency"),
    ("A Pentagon statement", "US Department of Defense"),
]
CRITICISE = ["criticised", "condemned", "denounced", "welcomed"]


class TestWhatItCalled:
    @given(st.sampled_from(DOCUMENTS), st.sampled_from(CRITICISE))
    def test_document_issuer_names(self, document: tuple[str, str], verb: str) -> None:
        """ "The report condemned what it called “...”": the document's issuer, not a state nearby."""
        written, issuer = document
        (statement,) = _statements(f"{written} {verb} what it called “reckless” moves by Beijing.")
        assert statement.speaker == issuer

    @given(st.sampled_from(CRITICISE), st.sampled_from(["the leaders’", "the two leaders'"]))
    def test_leaders_statement_names_a_leader(self, verb: str, owner: str) -> None:
        """ "the leaders’ joint statement criticised what it called “...”": the leaders named before."""
        text = (
            "President Joe Biden and Prime Minister Fumio Kishida met on Friday. "
            f"Later {owner} joint statement {verb} what it called “coercive” moves by Beijing."
        )
        (statement,) = _statements(text)
        assert statement.speaker in ("Joe Biden", "Fumio Kishida")
        assert set(statement.speakers) == {"Joe Biden", "Fumio Kishida"}


class TestPassiveNaming:
    @given(
        st.sampled_from(["Kim Jong Un", "Yoon Suk Yeol", "Fumio Kishida"]),
        st.sampled_from(["called", "dubbed"]),
    )
    def test_one_named_in_passive_is_no_namer(self, person: str, verb: str) -> None:
        """ "X was dubbed “...” by Trump": Trump; "X was called “...” in the report": nobody named."""
        (by,) = _statements(f"{person} was {verb} “a madman” by Donald Trump.")
        assert by.speaker == "Donald Trump"
        (alone,) = _statements(f"{person} was {verb} “a madman” in the report.")
        assert alone.speaker is None
