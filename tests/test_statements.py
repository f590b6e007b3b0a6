"""extract_statements: API behaviour, properties on arbitrary text, hostile input."""

from __future__ import annotations

import inspect
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements

_MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»", "\n", "\n\n", " ", ",", ".", ":"]
_WORDS = ["Park Jin", "said", "he", "she", "told", "the minister", "Seoul", "KCNA", "We", "are", "ready"]
_text = st.lists(
    st.one_of(st.sampled_from(_MARKS + _WORDS), st.text(max_size=6)),
    max_size=60,
).map("".join)


def _article(text: str) -> kb.Article:
    return kb.Article(id="t", raw=text, text=text)


def _check(text: str) -> tuple[kb.Statement, ...]:
    found = extract_statements(_article(text))
    for s in found:
        assert text[s.span.start : s.span.end] == s.quote
        assert s.sentence is not None
        assert s.sentence.start <= s.span.start <= s.span.end <= s.sentence.end <= len(text)
    return found


class TestApi:
    def test_signature(self) -> None:
        """The article is positional-only and the gazetteer keyword-only."""
        params = inspect.signature(extract_statements).parameters
        assert params["article"].kind is inspect.Parameter.POSITIONAL_ONLY
        assert params["gazetteer"].kind is inspect.Parameter.KEYWORD_ONLY

    def test_no_quotes(self) -> None:
        """Text without quotation marks gives no statements."""
        assert extract_statements(_article("Seoul said the talks went well.")) == ()

    def test_exported(self) -> None:
        """The package exports the same function."""
        assert kb.extract_statements is extract_statements

    def test_in_order_with_exact_spans(self) -> None:
        """Statements come in text order and their spans are their quotations."""
        text = "“One,” Park Jin said.\n\n“Two,” she said of ‘three’."
        found = _check(text)
        assert [s.quote for s in found] == ["One,", "Two,", "three"]

    def test_gazetteer_extension_is_used(self) -> None:
        """A user's extension resolves a surname the shipped data does not know."""
        g = kb.Gazetteer.default().extend(
            [kb.Entity(name="Zoltan Varga", kind="person", role="Envoy", affiliation="Hungary", gender="m")]
        )
        s = extract_statements(_article("“We listen,” Varga said."), gazetteer=g)[0]
        assert (s.speaker, s.role, s.affiliation) == ("Zoltan Varga", "Envoy", "Hungary")

    def test_unknown_names_are_kept(self) -> None:
        """A name found nowhere in the gazetteer is still the speaker, never dropped."""
        s = extract_statements(_article("Quentin Marsh-Abara, an analyst, said, “It is a bluff.”"))[0]
        assert s.speaker == "Quentin Marsh-Abara"

    def test_mention_role_and_affiliation(self) -> None:
        """The mention as written is kept beside the canonical speaker, role and affiliation."""
        s = extract_statements(_article("“No,” South Korean Foreign Minister Hwang Min-ho said."))[0]
        assert s.speaker == "Hwang Min-ho"
        assert s.speaker_mention == "South Korean Foreign Minister Hwang Min-ho"
        assert (s.role, s.affiliation) == ("Foreign Minister", "South Korea")

    def test_pronoun_keeps_mention(self) -> None:
        """A pronoun speaker resolves to the full name and keeps "he" as the mention."""
        s = extract_statements(_article("Park Jin arrived. “Good,” he said."))[0]
        assert (s.speaker, s.speaker_mention) == ("Park Jin", "he")

    def test_no_speaker_anywhere(self) -> None:
        """A quotation nobody is named for has speaker None, and is still returned."""
        (s,) = extract_statements(_article("“Everything is fine.”"))
        assert s.speaker is None
        assert s.quote == "Everything is fine."

    def test_sentence_span_holds_attribution(self) -> None:
        """The sentence span covers quotation and attribution."""
        text = "Intro. “We are ready,” Park Jin said. Next."
        (s,) = _check(text)
        assert s.sentence is not None
        assert s.sentence.slice(text) == "“We are ready,” Park Jin said."


class TestProperties:
    @given(_text)
    def test_arbitrary_text(self, text: str) -> None:
        """Arbitrary mixes of marks, newlines and capitals never raise; spans index the text."""
        _check(text)

    @given(st.text(max_size=300))
    def test_any_unicode(self, text: str) -> None:
        """Any unicode text never raises; spans index the text."""
        _check(text)

    @given(_text)
    def test_quote_sits_between_marks(self, text: str) -> None:
        """Each quotation follows an opening mark and ends at a closing mark or its paragraph's end."""
        marks = "“”‘’\"'«»„‹›"
        for s in _check(text):
            assert text[s.span.start - 1] in marks
            after = text[s.span.end : s.span.end + 2]
            assert after[:1] in marks or after.strip() == "" or after.startswith("\n")

    @given(_text)
    def test_deterministic(self, text: str) -> None:
        """The same article always gives the same statements."""
        assert extract_statements(_article(text)) == extract_statements(_article(text))

    @settings(max_examples=25)
    @given(st.lists(st.sampled_from(["We are ready.", "Park Jin said", "“", "”", "\n\n"]), max_size=30))
    def test_quotes_stay_in_paragraph(self, parts: list[str]) -> None:
        """No quotation crosses a paragraph break."""
        text = " ".join(parts)
        for s in _check(text):
            assert "\n\n" not in s.quote


_ISSUERS = ["US State Department", "Korean Central News Agency", "UN Security Council", "White House"]
_DOCUMENTS = ["statement", "report", "communique", "readout"]


class TestDocuments:
    @settings(max_examples=30)
    @given(
        st.sampled_from(_ISSUERS),
        st.sampled_from(_DOCUMENTS),
        st.sampled_from(["issued", "released", "published"]),
        st.sampled_from(["said", "called", "found", "warned"]),
    )
    def test_document_speaks_for_its_issuer(self, issuer: str, noun: str, verb: str, cue: str) -> None:
        """ "X issued a statement. The statement said ... “...”": whatever the body, document
        and verbs, the body that issued the document speaks its words."""
        text = f"The {issuer} {verb} a {noun} on Monday. The {noun} {cue} the launch was “a grave threat”."
        found = _check(text)
        assert [s.speaker for s in found] == [kb.Gazetteer.default().resolve(issuer).name]  # type: ignore[union-attr]
        assert found[0].cue == cue


def _seconds(text: str) -> float:
    # CPU time, not wall time: other processes on a shared CI machine stretch wall time
    # of one run and not the other, and a ratio of the two then says nothing of growth.
    start = time.process_time()
    _check(text)
    return time.process_time() - start


class TestHostile:
    def test_many_unmatched_marks(self) -> None:
        """Hundreds of unmatched marks give sensible output quickly."""
        text = " “ ".join(["Park Jin said it"] * 500) + " ‘" * 300 + " ”" * 300
        assert _seconds(text) < 2.0

    def test_megabyte_paragraph_inside_one_quotation(self) -> None:
        """A 1 MB paragraph inside one quotation is one statement, in bounded time."""
        text = "Park Jin said, “" + "We will not yield. " * 55_000 + "”"
        start = time.perf_counter()
        found = _check(text)
        assert time.perf_counter() - start < 10.0
        assert len(found) == 1
        assert found[0].speaker == "Park Jin"

    @pytest.mark.slow
    def test_linear_time(self) -> None:
        """Doubling hostile input (one endless sentence of quotes and pronouns) at most ~doubles time."""
        unit = "he said “x”, the minister told Kim “y” and ' "
        small = min(_seconds(unit * 2_000) for _ in range(2))
        large = min(_seconds(unit * 8_000) for _ in range(2))
        assert large < 8 * small + 0.5


class TestMultiwordParticiples:
    """A participle cue of two words ("calling for") is read as a one-word one is (own sentences)."""

    @pytest.mark.parametrize(
        ("verb", "cue"), [("calling for", "calling for"), ("urging", "urging")]
    )
    def test_possessor_of_the_speech_speaks(self, verb: str, cue: str) -> None:
        text = f"The drill came after Kim Jong Un's speech {verb} a “decisive response” to the allies."
        (s,) = kb.extract_statements(kb.Article(id="t", raw=text, text=text))
        assert (s.speaker, s.cue) == ("Kim Jong Un", cue)
