"""sentence_spans and paragraph_spans: boundaries of clean article text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from koreabrief.extraction.sentences import paragraph_spans, sentence_spans


def _sentences(text: str) -> list[str]:
    return [s.slice(text) for s in sentence_spans(text)]


class TestParagraphs:
    def test_blank_lines_split(self) -> None:
        """Paragraphs are separated by blank lines and trimmed."""
        text = " One.\n\n Two.\n \nThree. "
        assert [s.slice(text) for s in paragraph_spans(text)] == ["One.", "Two.", "Three."]

    def test_empty(self) -> None:
        """Empty or blank text has no paragraphs."""
        assert paragraph_spans("") == []
        assert paragraph_spans("\n\n  \n\n") == []


class TestSentences:
    def test_abbreviations_and_initials(self) -> None:
        """Abbreviations and initials do not end sentences."""
        text = "The U.S. envoy met Gen. Park and Benjamin A. Engel on Jan. 6. They left."
        assert _sentences(text) == [
            "The U.S. envoy met Gen. Park and Benjamin A. Engel on Jan. 6.",
            "They left.",
        ]

    def test_closing_quote_ends_sentence(self) -> None:
        """A stop inside a closing quotation mark ends the sentence when a capital follows."""
        text = "He said, “We are ready.” Then he left."
        assert _sentences(text) == ["He said, “We are ready.”", "Then he left."]

    def test_attribution_after_quote_stays(self) -> None:
        """A comma inside the closing mark and a lower-case attribution keep one sentence."""
        text = "“We are ready,” he said. “Yes.” he added."
        assert _sentences(text) == ["“We are ready,” he said.", "“Yes.” he added."]

    def test_never_crosses_paragraphs(self) -> None:
        """A sentence never runs over a paragraph break."""
        assert _sentences("No stop here\n\nNext one") == ["No stop here", "Next one"]


class TestProperties:
    @given(st.text(alphabet=st.sampled_from("ab .?!\n“”\"'AB"), max_size=200))
    def test_spans_ordered_within_text(self, text: str) -> None:
        """Sentence spans are ordered, disjoint, non-empty, trimmed and inside paragraphs."""
        paras = paragraph_spans(text)
        last = 0
        for s in sentence_spans(text):
            assert s.start >= last
            assert s.end > s.start
            assert not text[s.start].isspace()
            assert not text[s.end - 1].isspace()
            assert any(p.start <= s.start and s.end <= p.end for p in paras)
            last = s.end
