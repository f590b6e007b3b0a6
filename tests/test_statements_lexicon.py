"""The statement lexicon (data/cues.toml, data/titles.toml): loading, lookups, pickling."""

from __future__ import annotations

import pickle

from koreabrief.extraction.lexicon import Lexicon, trie_regex


class TestLexicon:
    def test_default_is_shared(self) -> None:
        """The shipped lexicon is built once."""
        assert Lexicon.default() is Lexicon.default()

    def test_tense_forms(self) -> None:
        """Reporting verbs come with their tense forms; naming verbs are told apart."""
        lex = Lexicon.default()
        for form in ("say", "says", "said", "saying", "warned", "emphasised", "emphasized", "reiterated"):
            assert lex.cue_kind(form) == "report", form
        assert lex.cue_kind("dubbed") == "naming"
        assert lex.cue_kind("According to") == "report"
        assert lex.cue_kind("briefing") is None  # mostly a noun in news

    def test_titles_and_bodies(self) -> None:
        """Titles map to normalised roles and bodies to canonical collectives."""
        lex = Lexicon.default()
        assert lex.titles["secretary of state"].role == "Secretary of State"
        assert lex.titles["spokeswoman"].role == "Spokesperson"
        assert lex.titles["ms."].gender == "f"
        assert lex.bodies["armed forces"] == "military"

    def test_cue_pattern_is_case_sensitive(self) -> None:
        """ "Post" in a newspaper's name is no cue, "posted" is."""
        pattern = Lexicon.default().pattern("cue")
        assert pattern.search("the Washington Post") is None
        assert pattern.search("he posted") is not None

    def test_pickle_round_trip(self) -> None:
        """A lexicon pickles (for process pools) and works after unpickling."""
        lex = pickle.loads(pickle.dumps(Lexicon.default()))
        assert lex.pattern("title").search("Foreign Minister Park") is not None
        assert lex == Lexicon.default()

    def test_user_lexicon(self) -> None:
        """A lexicon can be built from user data."""
        lex = Lexicon.from_data({"verbs": ["grumble grumbled"], "nouns": ["motto"]}, {})
        assert lex.cue_kind("grumbled") == "report"
        assert "motto" in lex.label_nouns


class TestTrie:
    def test_trie_matches_longest(self) -> None:
        """The trie alternation prefers the longest form at a position."""
        import re

        pattern = re.compile(trie_regex(["minister", "minister of defense"]))
        found = pattern.match("minister of defense")
        assert found is not None
        assert found.group(0) == "minister of defense"

    def test_empty_trie_matches_nothing(self) -> None:
        """An empty word list compiles to a pattern that never matches."""
        import re

        assert re.search(trie_regex([]), "anything") is None
