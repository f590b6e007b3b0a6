"""Sanctions: entity, authority, program, reason, status, from the text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.extraction.sanction_lexicon import SanctionLexicon
from koreabrief.extraction.sanctions import extract_sanctions

FIXTURES = Path(__file__).parent / "fixtures" / "events"
GAZ = kb.Gazetteer.default().extend(FIXTURES / "gazetteer_extra.toml")


def _cases() -> list[dict[str, Any]]:
    with (FIXTURES / "sanctions.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _article(text: str) -> kb.Article:
    return kb.Article(id="s", raw=text, text=text, published=dt.date(2025, 1, 1))


class TestFixtures:
    @pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:50])
    def test_sentence(self, case: dict[str, Any]) -> None:
        """Each fixture sentence yields exactly the expected sanctions."""
        got = extract_sanctions(_article(case["text"]), gazetteer=GAZ)
        assert len(got) == len(case["expect"])
        for s, want in zip(got, case["expect"], strict=True):
            for key, value in want.items():
                actual = getattr(s, key)
                assert (actual.value if key == "status" else actual) == value, key


class TestProperties:
    @given(
        st.lists(
            st.sampled_from(
                [
                    "North Korea",
                    "Russia",
                    "sanctioned",
                    "sanctions",
                    "on",
                    "against",
                    "are facing",
                    "—",
                    "for its",
                    "violation of",
                    "resolutions",
                    "the",
                    "US Treasury",
                    "could",
                    "lifted",
                    ",",
                    ".",
                ]
            )
            | st.text(max_size=5),
            max_size=40,
        ).map(" ".join)
    )
    def test_spans_index_text(self, text: str) -> None:
        """Each sanction's span lies in the text and holds the word 'sanction' or 'resolution' or a cue."""
        for s in extract_sanctions(_article(text), gazetteer=GAZ):
            assert 0 <= s.span.start < s.span.end <= len(text)
            assert s.entity

    @given(st.text(max_size=300))
    def test_no_exception(self, text: str) -> None:
        """Arbitrary text never raises."""
        extract_sanctions(_article(text + " sanctions"))


def _cue_samples() -> list[str]:
    texts = [c["text"] for c in _cases()]
    with (Path(__file__).parent / "fixtures" / "sanctions" / "designations.jsonl").open(
        encoding="utf-8"
    ) as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    with (Path(__file__).parent / "fixtures" / "sanctions" / "forms.jsonl").open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


class TestPrefilter:
    """The quick word test before the cue scan never hides a cue."""

    @pytest.mark.parametrize("text", _cue_samples(), ids=lambda t: t[:40])
    def test_every_cue_holds_a_word(self, text: str) -> None:
        """Wherever a cue matches, one of the prefilter's sentence words stands in the text."""
        lex = SanctionLexicon.default()
        assert lex.anchors is not None
        if lex.pattern.search(text):
            assert lex.anchors.search(text.lower())

    @given(
        st.lists(
            st.sampled_from(
                [
                    "sanctioned",
                    "imposed",
                    "new",
                    "sanctions",
                    "on",
                    "Kim",
                    "hit",
                    "with",
                    "placed",
                    "under",
                    "added",
                    "to",
                    "its",
                    "blacklist",
                    "froze",
                    "the",
                    "assets",
                    "of",
                    "violated",
                    "resolutions",
                    "flouted",
                    "run",
                    "afoul",
                    "banned",
                    "by",
                    "UN",
                    "prohibit",
                    "designation",
                    "measures",
                    "against",
                    "were",
                    "frozen",
                    "list",
                    "asset",
                    "freeze",
                    "travel",
                    "ban",
                    "sought",
                    "penalties",
                    "among",
                    "those",
                    "targeted",
                    "both",
                    "faces",
                    "will",
                    "face",
                    "delisted",
                    "removed",
                    "from",
                    "unfroze",
                    "identified",
                    "as",
                    "blocked",
                    "property",
                    "package",
                    "was",
                    "updated",
                    "add",
                    "U.S.-sanctioned",
                    "had",
                    "their",
                    "banned",
                    "entering",
                ]
            ),
            max_size=25,
        ).map(" ".join)
    )
    def test_random_cues_hold_a_word(self, text: str) -> None:
        """Any text the cue pattern matches holds a prefilter word (the filter is sound)."""
        lex = SanctionLexicon.default()
        assert lex.anchors is not None
        for m in lex.pattern.finditer(text):
            assert lex.anchors.search(text.lower(), 0, len(text)), m.group(0)
