"""Tests for koreabrief.terms: the names, figures and rare words stories are told apart by."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.similarity import shingle_hashes, words
from koreabrief.terms import designators, lead_day, story_terms


def _article(text: str, title: str | None = None) -> kb.Article:
    return kb.Article(id="x", raw=text, text=text, title=title)


class TestStoryTerms:
    def test_gazetteer_names_are_canonical(self) -> None:
        """Two spellings of one known person give one term."""
        a = story_terms(_article("Kim Jong-un inspected the site."))
        b = story_terms(_article("Kim Jong Un inspected the site."))
        assert "E:Kim Jong Un" in a
        assert "E:Kim Jong Un" in b

    def test_unknown_names_and_sentence_starts(self) -> None:
        """An unknown capitalised name is a term; a capitalised word opening a sentence is not."""
        terms = story_terms(_article("Officials said Dalmar Voss flew to Quenton on Tuesday. Many stayed."))
        assert "N:dalmar voss" in terms
        assert "N:quenton" in terms
        assert not any(t in terms for t in ("N:officials", "N:many", "N:tuesday"))

    def test_titles_trimmed(self) -> None:
        """A title before a name is dropped, so "Pvt. Dalmar Voss" and "Dalmar Voss" meet."""
        terms = story_terms(_article("The envoy met Pvt. Dalmar Voss and President Arlo Benn."))
        assert "N:dalmar voss" in terms
        assert "N:arlo benn" in terms

    def test_numbers_and_years(self) -> None:
        """Figures of two or more digits and years are terms; single digits are not."""
        text = "The missile flew 1,090 km in 2022, its 3rd test, reaching $1.5 billion."
        terms = story_terms(_article(text))
        assert {"#:1090", "Y:2022", "#:1.5"} <= set(terms)
        assert "#:3" not in terms

    def test_content_words(self) -> None:
        """Content words of the lead are terms; stop words and short words are not."""
        terms = story_terms(_article("North Korea demolished the liaison office near the border."))
        assert {"W:demolished", "W:liaison", "W:office", "W:border"} <= set(terms)
        assert "W:near" not in terms
        assert "W:the" not in terms

    @given(st.text(max_size=300))
    def test_any_text(self, text: str) -> None:
        """Any text gives a bounded set of terms with positive counts."""
        terms = story_terms(_article(text))
        assert all(count > 0 for count in terms.values())
        assert all(t[:2] in {"E:", "N:", "#:", "Y:", "W:"} for t in terms)


class TestDesignators:
    def test_main_designator_of_a_family(self) -> None:
        """The most frequent numbered name of a family in the lead is the main one."""
        a = _article("The Hwasong-18 was launched, a year after the Hwasong-17.", title="Hwasong-18 test")
        assert designators(a) == ("hwasong:18",)

    def test_resolution_numbers(self) -> None:
        """A resolution's number names it; a bare number after another word does not."""
        a = _article("The council adopted Resolution 2397 on Friday, with 15 votes.")
        assert designators(a) == ("resolution:2397",)

    def test_lead_only(self) -> None:
        """A numbered name recalled after the first paragraph is not the article's."""
        a = _article("North Korea fired an ICBM on Thursday.\n\nIt last tested the Hwasong-18 in December.")
        assert designators(a) == ()


class TestLeadDay:
    def test_dateline(self) -> None:
        """A dateline's day is read, with or without the agency's credit."""
        assert lead_day(_article("SEOUL, March 10 (Hanbit) -- A launch.")) == (3, 10)
        assert lead_day(_article("TOKYO, 9 October - A test.")) == (10, 9)

    def test_day_in_the_story_is_not_a_dateline(self) -> None:
        """A day the lead recalls, or a dated photo, is no dateline."""
        assert lead_day(_article("He was freed on June 13 and died on Monday.")) is None
        assert lead_day(_article("In this Oct. 8, 2015 file photo, soldiers march.")) is None


class TestShingleHashes:
    def test_same_in_another_process(self) -> None:
        """Shingle hashes are the same in a fresh interpreter (no per-process salt)."""
        text = "North Korea fired a ballistic missile toward the East Sea on Monday"
        code = (
            "from koreabrief.similarity import shingle_hashes, words;"
            f"print(sorted(shingle_hashes(words({text!r}))))"
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        assert out.stdout.strip() == str(sorted(shingle_hashes(words(text))))

    @given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=12))
    def test_one_hash_per_distinct_shingle(self, tokens: list[str]) -> None:
        """As many hashes as distinct 3-word shingles (a shorter text is one shingle)."""
        distinct = {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)} if len(tokens) >= 3 else set()
        expected = len(distinct) if len(tokens) >= 3 else (1 if tokens else 0)
        assert len(shingle_hashes(tokens)) == expected


class TestStampedDate:
    def test_head_stamp(self) -> None:
        """A date stamp at the head of the page is read; one deep in the story is not."""
        from koreabrief.terms import stamped_date

        assert stamped_date(_article("date 2023-07-18 SEOUL -- A port call.")) == dt.date(2023, 7, 18)
        late = "A port call. " * 20 + "It was logged as 2023-07-18."
        assert stamped_date(_article(late)) is None

    def test_impossible_date(self) -> None:
        """A stamp that is no calendar date is ignored, not an error."""
        from koreabrief.terms import stamped_date

        assert stamped_date(_article("date 2023-13-45 Seoul said.")) is None
