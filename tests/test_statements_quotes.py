"""find_quotes: quotation marks of every kind, nesting, apostrophes, paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from koreabrief.extraction.quotes import find_quotes


def _quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


class TestMarks:
    def test_curly_double_and_single(self) -> None:
        """Curly double and single quotations are both found."""
        assert _quotes("“Yes,” he said of the ‘red line’.") == ["Yes,", "red line"]

    def test_straight_marks(self) -> None:
        """Straight double and single marks pair up by position."""
        assert _quotes("\"Go,\" she said, calling it 'brave'.") == ["Go,", "brave"]

    def test_guillemets(self) -> None:
        """Guillemets quote."""
        assert _quotes("«Non», dit-il.") == ["Non"]

    def test_nested_marks_are_text(self) -> None:
        """Single marks inside a double quotation stay inside it."""
        assert _quotes("“He called it ‘a gift’,” she said.") == ["He called it ‘a gift’,"]

    def test_apostrophes(self) -> None:
        """Apostrophes in don't, Korea’s and the Koreas’ are not quotation marks."""
        assert _quotes("Korea’s envoys don’t like the Koreas’ talks, he said.") == []

    def test_plural_possessive_inside_single_quote(self) -> None:
        """A plural possessive inside a single quotation does not close it."""
        assert _quotes("He said ‘the Koreas’ leaders agree’ today.") == ["the Koreas’ leaders agree"]

    def test_wrong_way_marks(self) -> None:
        """Wrongly typed curly marks still pair by position."""
        assert _quotes("”Ready,“ he said.") == ["Ready,"]

    def test_empty_quotation_skipped(self) -> None:
        """Marks around nothing but punctuation make no quotation."""
        assert _quotes("He said “ ” and “...”.") == []


class TestParagraphs:
    def test_multi_paragraph_quotation(self) -> None:
        """An opening mark repeated at the next paragraph continues one quotation (one group)."""
        text = "He said: “One.\n\n“Two.\n\n“Three,” he said."
        found = find_quotes(text)
        assert [text[q.start : q.end] for q in found] == ["One.", "Two.", "Three,"]
        assert len({q.group for q in found}) == 1
        assert found[0].close_at is None
        assert found[-1].close_at is not None

    def test_unclosed_stops_at_paragraph(self) -> None:
        """An unclosed quotation ends with its paragraph, and the next is separate."""
        text = "He said “we are ready\n\nThen “fine” came."
        found = find_quotes(text)
        assert [text[q.start : q.end] for q in found] == ["we are ready", "fine"]
        assert found[0].group != found[1].group

    def test_open_quotation_skips_no_paragraph(self) -> None:
        """A quotation left open does not continue past a paragraph without quotations."""
        text = "“We will sign soon, the envoy said.\n\nTalks resumed.\n\n“Nothing is settled,” he added."
        found = find_quotes(text)
        assert len(found) == 2
        assert found[0].group != found[1].group

    def test_unclosed_single_is_apostrophe(self) -> None:
        """An unclosed single mark is not a quotation."""
        assert _quotes("The ‘90s were calm.") == []


class TestProperties:
    @given(st.text(alphabet=st.sampled_from("ab Z.,\n“”‘’\"'«»"), max_size=300))
    def test_pieces_are_inside_paragraphs(self, text: str) -> None:
        """Pieces are ordered, never empty of letters and never contain a paragraph break."""
        last = 0
        for q in find_quotes(text):
            assert q.open_at >= last
            assert q.open_at < q.start <= q.end
            assert "\n\n" not in text[q.start : q.end]
            assert any(ch.isalnum() for ch in text[q.start : q.end])
            last = q.end


class TestCutOffText:
    """A quotation still open where a truncated text ends is no quotation."""

    def test_open_at_the_end_is_dropped(self) -> None:
        """An opening mark with no close before the end of the text gives no piece."""
        text = "“We will go,” he said.\n\nShe added: “The talks will resume in the"
        assert [text[q.start : q.end] for q in find_quotes(text)] == ["We will go,"]

    def test_open_before_a_later_paragraph_is_kept(self) -> None:
        """An unclosed quotation followed by more text still ends at its paragraph."""
        text = "She added: “The talks will resume soon.\n\nOfficials declined to comment."
        assert [text[q.start : q.end] for q in find_quotes(text)] == ["The talks will resume soon."]

    @given(st.text(alphabet="ab “”.", max_size=40))
    def test_last_piece_closed_or_followed(self, text: str) -> None:
        """Whatever the text, no piece runs open into the end of the text."""
        pieces = find_quotes(text)
        assert not pieces or pieces[-1].close_at is not None or text[pieces[-1].end :].strip()
