"""Tests for koreabrief.clean: normalisation, wrap repair, the line classifier, metadata."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koreabrief.cleaning import article, clean
from koreabrief.cleaning.kinds import _first_prefix
from koreabrief.cleaning.lexicon import KIND_ORDER, LONG_PREFIX_KINDS, Lexicon, default_lexicon
from koreabrief.cleaning.normalise import (
    Line,
    _split_any,
    _split_plain,
    normalise,
    repair_mojibake,
    split_lines,
)
from koreabrief.cleaning.wraps import _LINE_END_LETTERS, _LINE_START_LETTERS, _WORD, _Doc, join_lines
from koreabrief.errors import ConfigError
from koreabrief.models import Article, RemovalKind
from tests.strategies import raw_pages

K = RemovalKind


def kinds(a: Article) -> list[str]:
    return [r.kind.value for r in a.removed]


def non_ws(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def lost_characters(a: Article) -> Counter[str]:
    """Visible characters of raw found neither in body, title nor removed lines."""
    want = non_ws("\n".join(x.text for x in split_lines(a.raw)))
    got = non_ws(a.text) + non_ws(a.title or "")
    for r in a.removed:
        got += non_ws(normalise(r.text))
    return want - got


PARA = (
    "The two sides agreed to meet again next month, officials said, after talks that "
    "lasted well into the evening."
)
PARA2 = "Seoul said the exercise was defensive and had been announced well in advance of the drills."


class TestNormalise:
    def test_nfc_and_spaces(self) -> None:
        """Decomposed Hangul/accents are composed; NBSP and zero-width spaces are unified or dropped."""
        assert normalise("Cafe\u0301\u00a0\u200bSeoul") == "Café Seoul"

    def test_curly_quotes_kept(self) -> None:
        """Curly quotes and apostrophes are kept as written."""
        assert normalise("“Korea’s”") == "“Korea’s”"

    def test_line_endings(self) -> None:
        """CRLF, CR and LF all end lines; offsets index raw."""
        raw = "A\r\nB\rC\nD"
        assert [(raw[x.start : x.end], x.text) for x in split_lines(raw)] == [
            ("A", "A"), ("B", "B"), ("C", "C"), ("D", "D"),
        ]  # fmt: skip

    def test_blank_line_runs_collapse(self) -> None:
        """Runs of blank lines give exactly one blank line between paragraphs."""
        a = clean(f"{PARA}\r\n\r\n\r\n\r\n{PARA2}")
        assert a.text == f"{PARA}\n\n{PARA2}"


def _line_shape(lines: list[Line]) -> list[tuple[int, int, str, bool]]:
    """Non-blank lines with their offsets, and whether a blank line separates each from the one before."""
    shape, gap = [], False
    for x in lines:
        if not x.text:
            gap = True
            continue
        shape.append((x.start, x.end, x.text, gap and bool(shape)))
        gap = False
    return shape


_PLAIN_PIECES = [" ", "  ", "\n", "\n\n", "a", "Bc", "’", "é", "한", " " * 201]


class TestFastSplit:
    @given(st.lists(st.sampled_from(_PLAIN_PIECES), max_size=40))
    def test_plain_path_agrees_with_general_path(self, pieces: list[str]) -> None:
        """On plain text the fast splitter finds the general one's lines, offsets and paragraph breaks."""
        raw = "".join(pieces)
        assert _line_shape(_split_plain(raw)) == _line_shape(_split_any(raw))

    @pytest.mark.parametrize("raw", ["A\tB", "A\r\nB", "A\u00a0B", "A\u200bB", "Cafe\u0301", "A\u2028B"])
    def test_text_needing_normalisation_takes_general_path(self, raw: str) -> None:
        """Tabs, CRLF, no-break and zero-width spaces, decomposed accents and other breaks are normalised."""
        assert split_lines(raw) == _split_any(raw)
        assert _line_shape(split_lines(raw)) != _line_shape(_split_plain(raw)) or raw == "A\r\nB"


def _whole_vocabulary_count(lines: list[Line], word: str) -> int:
    """The count known_count stands for: tokens of the whole page minus those at line breaks."""
    texts = [x.text for x in lines if x.text]
    counts = Counter(_WORD.findall("\n".join(texts).casefold()))
    ends = Counter(_LINE_END_LETTERS.findall("\n".join(t[-41:] for t in texts).casefold()))
    starts = Counter(_LINE_START_LETTERS.findall("\n".join(t[:41] for t in texts).casefold()))
    return counts[word] - ends[word] - starts[word]


_WORD_PIECES = ["a", "b", "ab", "'", "’", " ", "\n", "1", "_", "İ", "ß", "é", "don't", "a'b'a", "ba "]
_ASKED_WORDS = ["a", "b", "ab", "ba", "aa", "ss", "é", "abab", "don"]


class TestWordCounts:
    @given(
        st.lists(st.sampled_from(_WORD_PIECES), max_size=120),
        st.lists(st.sampled_from(_ASKED_WORDS), min_size=1, max_size=5),
    )
    def test_counting_words_one_by_one_agrees_with_tokenising(
        self, pieces: list[str], words: list[str]
    ) -> None:
        """Counting a few words by substring scans gives what tokenising the whole page gives."""
        lines = split_lines("".join(pieces))
        doc = _Doc(lines)
        for word in words:
            assert doc.known_count(word) == _whole_vocabulary_count(lines, word)


class TestWraps:
    def units(self, raw: str) -> list[str]:
        return [u.text for u in join_lines(split_lines(raw), default_lexicon())]

    def test_break_inside_word_joined(self) -> None:
        """A single-letter suffix on the next line is joined without a space."""
        assert self.units("Troops may soon be statione\nd near the front line.") == [
            "Troops may soon be stationed near the front line."
        ]

    def test_break_after_prefix_joined(self) -> None:
        """A bound prefix at line end is joined to the rest of the word."""
        assert self.units("They looked at ways of exploring co\noperative measures.") == [
            "They looked at ways of exploring cooperative measures."
        ]

    def test_word_known_elsewhere_joined(self) -> None:
        """The document's own vocabulary decides: a word seen elsewhere wins over two unknown pieces."""
        raw = "The alliance must deter threats and the deter\nrence holds. Deterrence works."
        assert self.units(raw)[0].startswith("The alliance must deter threats and the deterrence holds.")

    def test_break_inside_sentence_gets_space(self) -> None:
        """Two real words across a break are joined with a space."""
        assert self.units(
            "The allies agreed on ensuring comprehensive monitoring\nof regional military developments."
        ) == ["The allies agreed on ensuring comprehensive monitoring of regional military developments."]

    def test_one_paragraph_per_line_kept(self) -> None:
        """Lines that end a sentence and start with a capital stay separate paragraphs."""
        assert self.units(f"{PARA}\n{PARA2}") == [PARA, PARA2]

    def test_blank_line_never_crossed(self) -> None:
        """A blank line always ends a unit, even mid-sentence."""
        assert len(self.units("The missile flew around\n\nthe peninsula for hours.")) == 2

    def test_hard_wrapped_document(self) -> None:
        """A document wrapped at a fixed width is rejoined into paragraphs."""
        sentence = "North Korea fired a missile on Monday as officials met in Seoul to talk about security"
        words = sentence.split() * 6
        lines, line = [], ""
        for w in words:
            if len(line) + len(w) > 60:
                lines.append(line.strip())
                line = ""
            line += w + " "
        lines.append(line.strip() + ".")
        out = self.units("\n".join(lines))
        assert out == [" ".join(words) + "."]

    def test_hyphen_kept(self) -> None:
        """A hyphen at line end is kept and the word joined without a space."""
        assert self.units("They pledged a long-standing and well-\nknown commitment to peace.") == [
            "They pledged a long-standing and well-known commitment to peace."
        ]

    def test_furniture_not_joined(self) -> None:
        """A furniture phrase is never glued onto a body line."""
        assert self.units("It was the first visit in years and\nShare") == [
            "It was the first visit in years and", "Share",
        ]  # fmt: skip

    def test_short_lines_in_a_wrapped_story_not_joined(self) -> None:
        """In a hard-wrapped page, a line short enough to have taken the next word ends its unit."""
        story = (
            "North Korea fired two short-range ballistic missiles into the sea on\n"
            "Monday, the military said, as the allies began their annual springtime\n"
            "exercise, which the North has long condemned as a rehearsal for war.\n\n"
            "The missiles were launched from an area near the western coastal town\n"
            "of Nampo and flew some 350 kilometers before falling into the water.\n\n"
        )
        links = "Seoul slams Freedom Shield exercise as 'war rehearsal'\nS. Korea, U.S. kick off the drills"
        assert self.units(story + links)[-2:] == links.split("\n")

    def test_wrap_before_a_capital_still_joined(self) -> None:
        """A line full to the wrap width joins a next line opening with a name, beside a long caption."""
        lines = [
            "The two sides agreed to meet again next month, officials said after",
            "talks in Seoul, where the envoy also met the foreign minister, Cho",
            "Tae-yul, to discuss how the allies should respond to the launches by",
            "North Korea over the past week and the troops it has sent to Russia.",
        ]
        caption = "A soldier answers questions in a video released in Kyiv on Saturday by Ukraine (Yonhap)"
        units = self.units("\n".join(lines) + f"\n\n{caption}\nnews@example.com")
        assert units[0] == " ".join(lines)

    def test_symbol_letters_are_not_lower_case(self) -> None:
        """A line opening with "ⓒ" is not the continuation of the line above."""
        lines = ["Why Seoul should keep talking to its neighbours", "ⓒ Example Times. All rights reserved."]
        assert self.units("\n".join(lines)) == lines

    def test_list_items_not_joined(self) -> None:
        """Items of a list after its lead-in stay apart, though an item ends in a comma."""
        raw = "The options:\n- sending notices through the truce village,\n- asking the UN to relay them"
        assert self.units(raw) == [
            "The options:",
            "- sending notices through the truce village,",
            "- asking the UN to relay them",
        ]


class TestClassify:
    def test_calls_to_action(self) -> None:
        """Share, comment and navigation calls to action at the edges are removed with their kind."""
        a = clean(f"Skip to content\nShare this article\n\n{PARA}\n\nPost Comment\nBack to top")
        assert a.text == PARA
        assert kinds(a) == ["navigation", "share", "comments", "navigation"]

    def test_subheading_between_paragraphs_is_body(self) -> None:
        """A short title-case line between body paragraphs is an in-story sub-heading."""
        a = clean(f"{PARA}\n\nPromises of continuity\n\n{PARA2}")
        assert a.paragraphs == (PARA, "Promises of continuity", PARA2)

    def test_headline_becomes_title(self) -> None:
        """The first substantial non-furniture line before the story is the title, not body."""
        a = clean(f"Menu\n\nAllies Agree on Warning Data\n\n{PARA}")
        assert a.title == "Allies Agree on Warning Data"
        assert a.text == PARA
        assert kinds(a) == ["navigation"]

    def test_repeated_headline(self) -> None:
        """A headline printed twice: the first is the title, the second a duplicate_title removal."""
        t = "Allies Agree on Warning Data Sharing"
        a = clean(f"{t}\n\n{t}\n\n{PARA}")
        assert (a.title, kinds(a)) == (t, ["duplicate_title"])

    def test_metadata_title_removes_page_copy(self) -> None:
        """A title given as metadata stays the title and its page copies leave the body."""
        t = "Allies Agree on Warning Data Sharing"
        a = clean(f"{t} | Example Times\n\n{PARA}", title=t)
        assert (a.title, a.text, kinds(a)) == (t, PARA, ["duplicate_title"])

    def test_sentence_case_headline(self) -> None:
        """A sentence-case headline is found by shape and position, not capitalisation."""
        a = clean(f"North Korea fires missile into sea, Seoul says\nBy Jane Roe\n{PARA}")
        assert (a.title, a.author, a.text) == (
            "North Korea fires missile into sea, Seoul says",
            "Jane Roe",
            PARA,
        )

    def test_template_residue_class(self) -> None:
        """Identifier-like tokens (underscores, template braces) are residue, whatever the string."""
        for residue in ("abc_defabc_def", "td_block_wrap td-fix-index", "{{post_title}}", "%%excerpt%%"):
            a = clean(f"{residue}\n\n{PARA}")
            assert (a.text, kinds(a)) == (PARA, ["other"]), residue

    def test_author_bio_at_tail(self) -> None:
        """A third-person bio after the story is removed and names the author."""
        bio = "Jane Roe is a freelance journalist based in Seoul who writes about security and trade."
        a = clean(f"{PARA}\n\n{bio}")
        assert (a.text, kinds(a), a.author) == (PARA, ["author_bio"], "Jane Roe")

    def test_outlet_blurb_at_tail(self) -> None:
        """A sentence describing the outlet after the story is furniture; reporting about it is not."""
        a = clean(f"{PARA}\n\nNK News is an independent site that covers North Korea.")
        assert (a.text, kinds(a), a.author) == (PARA, ["other"], None)
        last = "Reuters was unable to verify the report independently."
        assert clean(f"{PARA}\n\n{last}").paragraphs == (PARA, last)

    def test_prose_island_in_footer(self) -> None:
        """A short blurb amid a long run of footer furniture is removed, and the furniture before it."""
        footer = "Share\nFacebook\nTwitter\nRelated Articles\nBorder towns ask for help\nMost Popular"
        blurb = "The Example Times has been published in Seoul since the early years of the republic."
        a = clean(f"{PARA}\n\n{PARA2}\n\n{footer}\n\n{blurb}\n\nAbout Us\nContact Us")
        assert a.paragraphs == (PARA, PARA2)

    def test_bio_shaped_sentence_inside_story_kept(self) -> None:
        """A bio-shaped sentence between body paragraphs stays body (bios live at the edges)."""
        mid = "Ankit Rao is a former reporter who now advises the ministry on media policy."
        a = clean(f"{PARA}\n\n{mid}\n\n{PARA2}")
        assert a.paragraphs == (PARA, mid, PARA2)

    def test_link_list_after_header(self) -> None:
        """Short lines under a "Latest Posts" header are related links."""
        a = clean(f"{PARA}\n\nLatest Posts\nSeoul Hosts Security Forum\nMarkets Steady After Rate Decision")
        assert kinds(a) == ["related", "related", "related"]

    def test_mid_story_advert_removed(self) -> None:
        """An advert line between paragraphs is removed; the paragraphs around it stay."""
        a = clean(f"{PARA}\n\nAdvertisement\n\n{PARA2}")
        assert (a.paragraphs, kinds(a)) == ((PARA, PARA2), ["advert"])

    @pytest.mark.parametrize(
        ("line", "kind"),
        [
            ("Photo: Jane Roe/Example Agency", K.CREDIT),
            ("Soldiers march in Pyongyang in this undated photo. (Yonhap)", K.CREDIT),
            ("A man watches the news in Seoul. AFP via Getty Images", K.CREDIT),
            ("1 min read", K.RATING),
            ("Rating: 5", K.RATING),
            ("Original Source: www.example.com", K.SOURCE_NOTE),
            ("Dear visitor, the comment section is closed for maintenance.", K.COMMENTS),
            ("We use cookies to give you the best experience on our website.", K.OTHER),
            ("Subscribe to our newsletter", K.ADVERT),
            ("Reporting by Jane Roe; Editing by Tom Poe", K.CREDIT),
            ("Published: January 6, 2025 10:32 KST", K.BYLINE),
            ("© 2025 Example News. All rights reserved.", K.OTHER),
            ("Read more: Seoul weighs new drone unit", K.RELATED),
            ("Soldiers unload tanks at Busan port. (Pvt. Jane Roe/U.S. Army)", K.CREDIT),
            ("A missile launch is shown on a screen at a Tokyo station. © Reuters", K.CREDIT),
            ("A spokeswoman at a briefing in Beijing. Photo: AFP", K.CREDIT),
            ("The prime minister speaks to reporters on Monday. | Jiji", K.CREDIT),
            ("Translated by Jane Roe. Edited by Tom Poe.", K.CREDIT),
            ("3-minute read", K.RATING),
            ("Reuters • February 4, 2025", K.BYLINE),
            ("Jane Roe, Arirang News.", K.BYLINE),
            ("Enjoying this article? Click here to subscribe for full access.", K.ADVERT),
            ("Translations may contain inaccuracies—please refer to the original.", K.OTHER),
            ("Copyright 2025 Example News. All rights reserved.", K.OTHER),
            ("Photo taken Jan. 15 shows a bomber flying with fighter jets. (Kyodo)", K.CREDIT),
            ("protected by reCAPTCHA", K.OTHER),
            ("Please direct any comments or questions about this article to news@example.com.", K.BYLINE),
            ("A border post on the Yalu River, seen from the Chinese side. (Daily NK)", K.CREDIT),
            ("Modified on : Jan.22,2025 17:02 KST", K.BYLINE),
            ("Join ST's WhatsApp Channel and get the latest news.", K.SHARE),
            ("Sign up now: Get our newsletters delivered to your inbox", K.ADVERT),
            ("https://p.example.com/p/4mZq1", K.OTHER),
            ("A soldier answers questions in a video released by the president. /Yonhap", K.CREDIT),
            ("Published March 12, 2025 5:14am EDT", K.BYLINE),
            ("You've successfully subscribed to this newsletter!", K.ADVERT),
            ("Our Jane Roe has more.", K.BYLINE),
            ("#NorthKorea #missile #defence", K.NAVIGATION),
            ("[Anchor Lead]", K.OTHER),
            ("(ATTN: UPDATES with details, background)", K.OTHER),
            ("This story is from the March 3, 2025 edition of Example Weekly.", K.SOURCE_NOTE),
        ],
    )
    def test_furniture_kinds(self, line: str, kind: RemovalKind) -> None:
        """Each kind of common furniture is recognised after the story."""
        a = clean(f"{PARA}\n\n{line}")
        assert (a.text, [r.kind for r in a.removed]) == (PARA, [kind])

    def test_question_headline(self) -> None:
        """A short line ending in "?" above the story is the headline, not a paragraph."""
        a = clean(f"Can sanctions still work?\n\n{PARA}")
        assert (a.title, a.text) == ("Can sanctions still work?", PARA)

    def test_standfirst_below_headline(self) -> None:
        """A longer headline-shaped line under the headline is a standfirst; the headline stays the title."""
        deck = "Cheaper and harder to track than ballistic missiles, the weapons let the North send a message"
        a = clean(f"Why Pyongyang tests cruise missiles\n{deck}\nBy Jane Roe\n\n{PARA}")
        assert (a.title, a.text, kinds(a)) == (
            "Why Pyongyang tests cruise missiles",
            PARA,
            ["other", "byline"],
        )

    def test_address_inside_reporting_kept(self) -> None:
        """A sentence giving an address amid reporting is body: a contact line ends in its address."""
        para = "Comments on the plan can be sent to consult@example.go.kr until Friday, the ministry said."
        assert clean(f"{PARA}\n\n{para}").text == f"{PARA}\n\n{para}"

    @pytest.mark.parametrize(
        "para",
        [
            "Copyright holders of satellite images were asked by the government to delay their release.",
            "Copyright infringement claims against the broadcaster were dismissed in 2019.",
            "Reporting by South Korean media suggests the North has sent more troops to the front.",
            "Editing by state censors removed several passages from the speech, analysts said.",
            "If you value peace, you must prepare for war, the minister told cadets on Friday.",
            "The views expressed by the envoy were not shared by Tokyo, a Japanese official said.",
            "Subscribers to the North's official newspaper were told the launch was a success.",
        ],
    )
    def test_sentences_opening_like_furniture_kept(self, para: str) -> None:
        """Paragraphs opening with the words of a notice or a credit, in a news sense, are body."""
        assert clean(f"{PARA}\n\n{para}\n\n{PARA2}").text == f"{PARA}\n\n{para}\n\n{PARA2}"

    def test_caption_beside_bare_credit(self) -> None:
        """A long line that is no sentence, right after a bare credit ("Getty Images"), is its caption."""
        caption = "Protesters outside the National Assembly celebrated when the result was announced"
        a = clean(f"{PARA}\n\nGetty Images\n{caption}\n\n{PARA2}")
        assert (a.text, kinds(a)) == (f"{PARA}\n\n{PARA2}", ["credit", "credit"])

    def test_slogan_and_standfirst_above_byline(self) -> None:
        """A site's slogan and a standfirst above the byline do not end the page's header."""
        deck = "Troops and shells have been sent to Russia. What does Pyongyang get in return?"
        title = "Why North Korea is helping Russia"
        raw = f"Example News\nMade for minds.\nAsia\n{title}\n{deck}\nJane Roe in Tokyo\n11/05/2024\n\n{PARA}"
        a = clean(f"{raw}\n\n{PARA2}")
        assert (a.title, a.author, a.text) == (title, "Jane Roe", f"{PARA}\n\n{PARA2}")

    def test_story_before_dated_entries_kept(self) -> None:
        """Long paragraphs before a sub-heading and a date line (a live blog's entries) stay body."""
        raw = f"{PARA} {PARA2}\n\nWhat happens next for the talks\n\n{PARA2}\n\n10:45 KST\n\n{PARA}"
        assert clean(raw).text == f"{PARA} {PARA2}\n\nWhat happens next for the talks\n\n{PARA2}\n\n{PARA}"

    def test_linked_headline_in_capitals(self) -> None:
        """A long line in capitals between paragraphs is a related link; a short one is a sub-heading."""
        link = "NORTH KOREA FIRES MISSILES AS THE ALLIES BEGIN DRILLS"
        a = clean(f"{PARA}\n\n{link}\n\nWHAT HAPPENS NEXT\n\n{PARA2}")
        assert (a.text, kinds(a)) == (f"{PARA}\n\nWHAT HAPPENS NEXT\n\n{PARA2}", ["related"])

    def test_video_title_below_share_buttons_is_not_the_headline(self) -> None:
        """A headline-shaped line below the byline and the share buttons (a video's) is not the headline."""
        title = "Kim oversees artillery drill, vows response to allied exercises"
        raw = f"{title}\nBy Jane Roe\nShare\nComments\nVideo\nTop headlines for March 12\n\n{PARA}"
        a = clean(raw)
        assert (a.title, a.author, a.text) == (title, "Jane Roe", PARA)

    def test_author_box_after_story(self) -> None:
        """A name, then a bio opened by a word of it ("Roe covers ..."), closing the page is an author box."""
        a = clean(f"{PARA}\n\n{PARA2}\n\nJANE ROE\nRoe covers North and South Korea for Example News.")
        assert (a.text, kinds(a)) == (f"{PARA}\n\n{PARA2}", ["byline", "author_bio"])

    def test_headline_ending_in_abbreviation(self) -> None:
        """A headline ending in "U.S." is not a sentence: it stays the title, not a prose island."""
        title = "Japan protests missile launch, vows tighter coordination with U.S."
        a = clean(f"Menu\nNews\nPolitics\n{title}\nBy Jane Roe\n\n{PARA}\n\n{PARA2}")
        assert (a.title, a.text) == (title, f"{PARA}\n\n{PARA2}")

    def test_tag_below_byline_is_not_the_headline(self) -> None:
        """A short label below the byline (a tag) does not displace the headline above it."""
        title = "Tanker seen loading fuel at Russian port again"
        a = clean(f"{title}\nJane Roe\nMarch 4, 2025\nShip-to-ship transfers\nSanctions\n\n{PARA}")
        assert (a.title, a.author, a.text) == (title, "Jane Roe", PARA)

    @pytest.mark.parametrize(
        ("names", "author"),
        [("Jane Roe\nin Beijing", "Jane Roe"), ("Jane Roe and Min-jun Park", "Jane Roe and Min-jun Park")],
    )
    def test_names_above_date_are_a_byline(self, names: str, author: str) -> None:
        """Bare names ("A and B"), with the place under them ("in Beijing"), above a date are a byline."""
        title = "China urges restraint after launch"
        a = clean(f"{title}\n{names}\nPublished: 7 Jan 2025\n\n{PARA}")
        assert (a.title, a.author, a.text) == (title, author, PARA)
        assert set(kinds(a)) == {"byline"}

    def test_subscription_prompt_after_story(self) -> None:
        """The pitch inside a paywall prompt after the story is advert; the story's paragraphs stay."""
        pitch = "Data, imagery and expert analysis of North Korea, trusted by governments and businesses."
        prompt = f"Get the full story with Example Pro\n{pitch}\nStart your free trial\nAlready a member?"
        a = clean(f"{PARA}\n\n{PARA2}\n\n{prompt}")
        assert (a.text, kinds(a)) == (f"{PARA}\n\n{PARA2}", ["advert"] * 4)

    def test_reader_appeal_after_story(self) -> None:
        """Paragraphs of a reader appeal in the block of its call to action are advert."""
        appeal = (
            "I hope you appreciated this article. Before you move on, please consider supporting us.\n"
            "Every dollar we receive from readers goes straight into funding our journalism.\n"
            "Support the Example Times"
        )
        a = clean(f"{PARA}\n\n{PARA2}\n\n{appeal}")
        assert (a.text, kinds(a)) == (f"{PARA}\n\n{PARA2}", ["advert"] * 3)

    def test_story_paragraph_glued_to_a_prompt_kept(self) -> None:
        """The story's last paragraph in the block of a newsletter prompt stays body."""
        a = clean(f"{PARA}\n\n{PARA2}\nSubscribe to our newsletter\nEnter your email")
        assert (a.text, kinds(a)) == (f"{PARA}\n\n{PARA2}", ["advert", "advert"])

    def test_prompt_never_takes_the_only_paragraph(self) -> None:
        """A story paragraph glued to a call to action in one block is never taken for its pitch."""
        a = clean(f"{PARA}\nSubscribe now for full access")
        assert (a.text, kinds(a)) == (PARA, ["advert"])

    def test_teasers_in_related_list(self) -> None:
        """Teasers (headline, summary, date) under a related header are all related links."""
        teaser = "A start-up that had planned to reach orbit this spring said it would postpone the attempt."
        raw = f"{PARA}\n\nRelated Stories\nRocket firm delays launch\n{teaser}\n2025-02-10 09:12"
        a = clean(raw)
        assert (a.text, kinds(a)) == (PARA, ["related", "related", "related", "byline"])

    def test_prose_starting_like_furniture_kept(self) -> None:
        """Sentences that open with furniture words ("Published on", "Source") stay body."""
        first = "Published on Monday, a parliamentary report said the programme had come in under budget."
        body = f"{first}\n\nSource documents show that the navy plans to order three more of the boats."
        assert clean(f"{PARA}\n\n{body}\n\n{PARA2}").text == f"{PARA}\n\n{body}\n\n{PARA2}"

    def test_comment_form_fields(self) -> None:
        """The fields of a comment form under "Leave a Reply" are comments furniture."""
        a = clean(f"{PARA}\n\nLeave a Reply\nName\nEmail\nWebsite\nPost Comment")
        assert (a.text, set(kinds(a))) == (PARA, {"comments"})

    def test_reader_comments_after_header(self) -> None:
        """Readers' comments (name, time, text, Reply) after a comments header are removed."""
        raw = f"{PARA}\n\n2 Comments\nseoulsurfer\n2 hours ago\nGreat to see this ferry coming back.\nReply"
        a = clean(raw)
        assert (a.text, set(kinds(a))) == (PARA, {"comments", "byline"})

    def test_comment_count_mid_story_keeps_body(self) -> None:
        """A comment count between paragraphs does not swallow the paragraphs after it."""
        a = clean(f"{PARA}\n\nComments (3)\n\n{PARA2}\n\n{PARA}")
        assert a.paragraphs == (PARA, PARA2, PARA)

    def test_closing_quote_counts_as_terminal(self) -> None:
        """A last paragraph ending in a closing curly quote is body."""
        last = "“We will answer any provocation,” the ministry said. “We are ready.”"
        a = clean(f"{PARA}\n\n{last}\n\nShare")
        assert a.paragraphs == (PARA, last)


class TestCutOffEnd:
    """A page cut short ends with the story's last sentence cut, which stays in the body."""

    STORY = (
        "Troops Cross Border\n\nSEOUL — North Korean troops crossed the border on Tuesday, "
        "the military said.\n\nThe soldiers withdrew after warning shots were fired.\n\n"
    )

    @pytest.mark.parametrize("cut", ["The two sides agreed to hold", "Officials said the", "Pyongy", "“We w"])
    def test_cut_last_line_is_body(self, cut: str) -> None:
        """A last line cut mid-sentence or mid-word, right after the body, is body."""
        a = clean(self.STORY + cut)
        assert a.paragraphs[-1] == cut
        assert not lost_characters(a)

    @pytest.mark.parametrize(
        "tail",
        [
            "Share this article",
            "Tags: Korea, Troops",
            "Defence North Korea Jane Roe Border Troops",
            "Read more:",
        ],
    )
    def test_furniture_still_removed(self, tail: str) -> None:
        """Lines the lexicon names, and runs of capitalised tags, stay furniture."""
        a = clean(self.STORY + tail)
        assert tail not in a.text

    def test_a_page_ending_with_a_line_break_was_not_cut(self) -> None:
        """A saved page ends with a line break: its last short line is furniture, however it ends."""
        a = clean(self.STORY + "Privacy and cookie settings\n")
        assert "Privacy and cookie settings" not in a.text

    def test_after_furniture_stays_furniture(self) -> None:
        """A last short line after furniture (not after the story) is furniture."""
        a = clean(self.STORY + "Share this article\n\nMore in World")
        assert "More in World" not in a.text

    @given(st.text(alphabet="abc ", min_size=1, max_size=30))
    def test_nothing_lost(self, cut: str) -> None:
        """Whatever the cut line, every character of raw is accounted for."""
        assert not lost_characters(clean(self.STORY + "Officials " + cut))

    def test_list_closing_the_story(self) -> None:
        """A lead-in ending in a colon and the short items after it close the story in the body."""
        items = ["Example Trading Co and Example Shipping Ltd", "Two vessels registered abroad"]
        lead = "The ministry named the targets of the measures as follows:"
        a = clean(self.STORY + "\n\n".join([lead, *items]))
        assert a.paragraphs[-2:] == tuple(items)

    def test_quoted_capitals_are_a_sub_heading(self) -> None:
        """A quotation in capitals between paragraphs is a sub-heading, not a link to another story."""
        heading = "“WE ARE READY FOR ANY SCENARIO NOW”"
        a = clean(self.STORY + heading + "\n\nThe soldiers returned to base by noon.")
        assert heading in a.paragraphs


class TestMetadata:
    @pytest.mark.parametrize(
        ("opening", "place"),
        [
            ("SEOUL: North Korea fired", "SEOUL"),
            ("SEOUL (Reuters) - North Korea fired", "SEOUL"),
            ("TOKYO, Jan 6 (AFP) - Japan said", "TOKYO"),
            ("WASHINGTON — The Treasury said", "WASHINGTON"),
            ("SEOUL, Jan. 15 (Yonhap) -- North Korea said", "SEOUL"),
            ("SEOUL, South Korea (AP) — The acting president said", "SEOUL, South Korea"),
            ("Pyongyang, January 16 (KCNA) -- The army said", "Pyongyang"),
            ("NEW YORK — The council met", "NEW YORK"),
            ("MOSCOW, January 14. /TASS/. The ministry said", "MOSCOW"),
            ("ANCHOR: North Korea fired", None),
            ("U.S. officials said on Monday that", None),
            ("BREAKING: North Korea said on Monday that", None),
            ("North Korea said on Monday that", None),
        ],
    )
    def test_dateline(self, opening: str, place: str | None) -> None:
        """The dateline is read from the start of the first paragraph and stays in the text."""
        a = clean(f"{opening} the talks would go ahead as planned next week.")
        assert a.dateline == place
        assert a.text.startswith(opening)

    @pytest.mark.parametrize(
        ("line", "author"),
        [
            ("By Jane Roe", "Jane Roe"),
            ("BY JANE ROE", "JANE ROE"),
            ("By Jane Roe and Min-jun Park", "Jane Roe and Min-jun Park"),
            ("By Jane Roe, Reuters", "Jane Roe"),
            ("By Jane Roe (jroe@example.com)", "Jane Roe"),
            ("Written by Jane Roe", "Jane Roe"),
            ("Posted on January 3, 2025 by Jane Roe", "Jane Roe"),
            ("Jane Roe | Staff Reporter", "Jane Roe"),
            ("JANE ROE, Example staff writer", "JANE ROE"),
            ("BY JANE ROE [jroe@example.com]", "JANE ROE"),
        ],
    )
    def test_byline_forms(self, line: str, author: str) -> None:
        """Bylines in several forms are removed (kind byline) and give the author."""
        a = clean(f"{line}\n\n{PARA}")
        assert (a.author, kinds(a), a.text) == (author, ["byline"], PARA)

    def test_role_alone_names_no_author(self) -> None:
        """A role line without a name ("South Korea Correspondent") is a byline that gives no author."""
        a = clean(f"Acting leader vows calm\nSouth Korea Correspondent\n\n{PARA}")
        assert (a.author, kinds(a)) == (None, ["byline"])

    def test_name_above_role_line(self) -> None:
        """A name under the headline, above a role line ("Seoul correspondent"), is the byline."""
        a = clean(f"Parliament votes to impeach the president\nJane Roe\nSeoul correspondent\n\n{PARA}")
        assert (a.author, kinds(a), a.text) == ("Jane Roe", ["byline", "byline"], PARA)

    def test_source_note(self) -> None:
        """ "Source: X" gives original_source and is removed as a source note."""
        a = clean(f"{PARA}\n\nSource: Example Agency")
        assert (a.original_source, kinds(a)) == ("Example Agency", ["source_note"])

    def test_source_note_opened_by_this_article(self) -> None:
        """ "This article was originally published by X" gives X as original_source."""
        a = clean(f"{PARA}\n\nThis article was originally published by Example Radio.")
        assert (a.original_source, kinds(a)) == ("Example Radio", ["source_note"])

    def test_source_note_read_the_original(self) -> None:
        """An aggregator's "Read the original article on X." gives X as original_source."""
        a = clean(f"{PARA}\n\nRead the original article on Example News.")
        assert (a.original_source, kinds(a)) == ("Example News", ["source_note"])

    def test_outlet_from_name_with_tagline(self) -> None:
        """A navigation line with the outlet's name and its tagline names the outlet."""
        a = clean(f"38 North: News and Analysis on North Korea\nMenu\n\n{PARA}")
        assert (a.outlet, kinds(a)) == ("38 North", ["navigation", "navigation"])

    def test_outlet_from_copyright_line(self) -> None:
        """A copyright line naming a known outlet gives the outlet; a given outlet wins."""
        raw = f"{PARA}\n\n© 2025 Yonhap News Agency. All rights reserved."
        assert clean(raw).outlet == "Yonhap News Agency"
        assert clean(raw, outlet="Mirror").outlet == "Mirror"

    def test_article_passes_metadata(self) -> None:
        """article() carries id, url, published and outlet onto the cleaned Article."""
        a = article(PARA, id="x1", url="https://example.com/a", published=dt.date(2025, 1, 6), outlet="X")
        assert (a.id, a.url, a.published, a.outlet, a.text) == ("x1", "https://example.com/a",
                                                               dt.date(2025, 1, 6), "X", PARA)  # fmt: skip

    def test_warnings_carried(self) -> None:
        """Warnings given by the loader are carried onto the result."""
        assert clean(PARA, warnings=("decoded with replacement",)).warnings == ("decoded with replacement",)


class TestLexicon:
    @pytest.mark.parametrize(
        "line", ["The Associated Press", "Associated Press", "The Korea Herald", "Korea Herald"]
    )
    def test_outlet_name_with_or_without_the(self, line: str) -> None:
        """An outlet's name alone under the headline is furniture, written with "The" or without."""
        body = "North Korea fired a missile on Monday, the military said in a statement to reporters."
        a = clean(f"Missile test draws condemnation\n\n{line}\n\n{body}")
        assert a.title == "Missile test draws condemnation"
        assert [r.text for r in a.removed] == [line]

    def test_user_lexicon_from_toml(self) -> None:
        """A user lexicon is built from TOML text in the shipped schema."""
        lex = Lexicon.from_toml_text('[advert]\nphrases = ["buy now"]')
        assert lex.match_phrase("BUY NOW!") is K.ADVERT

    def test_bad_toml_raises_config_error(self) -> None:
        """Invalid lexicon TOML raises ConfigError, not a parser exception."""
        with pytest.raises(ConfigError):
            Lexicon.from_toml_text("[advert\nphrases = 1")

    def test_prefix_pattern_finds_the_earliest_kind(self) -> None:
        """The one-pattern prefix match gives the earliest kind with a matching prefix, as a loop would."""
        lex = default_lexicon()
        prefixes = [p for entries in lex.prefix_index.values() for p, _ in entries]
        for prefix in prefixes:
            for line in (prefix, prefix + " seoul", prefix[:-1], "the " + prefix):
                for short_ok in (True, False):
                    want = min(
                        (
                            kind
                            for entries in lex.prefix_index.values()
                            for p, kind in entries
                            if p and line.startswith(p) and (short_ok or kind in LONG_PREFIX_KINDS)
                        ),
                        key=KIND_ORDER.index,
                        default=None,
                    )
                    assert _first_prefix(line, line, lex, short_ok=short_ok) is want

    def test_derived_fields_follow_a_user_lexicon(self) -> None:
        """Edge prefixes and the occupation pattern are derived from a user lexicon's own data."""
        lex = Lexicon.from_toml_text(
            '[author_bio]\nedge = true\nprefixes = ["meet the writer"]\noccupations = ["poet"]'
        )
        assert lex.edge_prefixes == ("meet the writer",)
        assert lex.occupation_pattern is not None
        assert lex.occupation_pattern.search("a poet and") is not None
        assert Lexicon.from_toml_text("").occupation_pattern is None

    def test_lexicon_pickles(self) -> None:
        """The lexicon is picklable, for process pools."""
        lex = default_lexicon()
        again = pickle.loads(pickle.dumps(lex))
        assert again.match_phrase("Share it") is K.SHARE


class TestBadInput:
    @pytest.mark.parametrize("raw", ["", "   ", "\n\n\t\n", "\u00a0\u200b"])
    def test_empty(self, raw: str) -> None:
        """Empty and whitespace-only text give an empty body, no removals, no warning, no exception."""
        a = clean(raw)
        assert (a.text, a.removed, a.title, a.warnings) == ("", (), None, ())
        assert a.raw == raw

    def test_all_furniture(self) -> None:
        """A page that is all furniture gives an empty body and a warning."""
        a = clean("Home\nMenu\nShare it\nPost Comment\nLatest Posts\nTo Top")
        assert a.text == ""
        assert len(a.removed) == 6
        assert any("no article body" in w for w in a.warnings)

    def test_one_huge_line_warns(self) -> None:
        """A long page without a line break is kept whole, with a warning saying so."""
        a = clean(PARA * 40)
        assert a.text == (PARA * 40).strip()
        assert any("no line breaks" in w for w in a.warnings)

    def test_thousands_of_short_lines_warn(self) -> None:
        """Ten thousand short lines give a result and a warning, never an exception."""
        a = clean("Seoul said.\nMenu\n" * 5000)
        assert any("short lines" in w for w in a.warnings)
        assert not clean(f"{PARA}\n\n{PARA2}").warnings

    def test_ten_megabyte_line(self) -> None:
        """A single 10 MB line is cleaned without error (and in linear time, see benchmarks)."""
        raw = ("The missile flew far. " * 500_000)[: 10 * 1024 * 1024]
        a = clean(raw)
        assert len(a.text) > 9_000_000

    def test_control_characters(self) -> None:
        """Control characters are dropped from the body but kept in raw."""
        raw = f"{PARA[:20]}\x00\x07\x1b{PARA[20:]}"
        a = clean(raw)
        assert a.text == PARA
        assert a.raw == raw

    def test_mojibake_flagged_not_repaired(self) -> None:
        """UTF-8 read as Windows-1252 ("â€™") is reported on warnings; the body keeps raw's characters."""
        a = clean("North Koreaâ€™s missile flew far, the military said on Monday.")
        assert "â€™" in a.text
        assert any("mojibake" in w for w in a.warnings)
        assert not clean(PARA).warnings

    def test_mojibake_repaired_on_request(self) -> None:
        """With repair_mojibake the body spells the characters meant; raw is verbatim; a warning says so."""
        raw = "Share it\n\nNorth Koreaâ€™s envoy met the cafÃ© owner, the ministry said on Monday."
        a = clean(raw, repair_mojibake=True)
        assert a.text == "North Korea’s envoy met the café owner, the ministry said on Monday."
        assert a.raw == raw
        assert [raw[r.start : r.end] for r in a.removed] == ["Share it"]
        assert any("mojibake repaired" in w and "2 fixed" in w for w in a.warnings)

    def test_mojibake_repair_leaves_other_text_alone(self) -> None:
        """Repair on request changes nothing in text without mojibake, nor sequences that are not UTF-8."""
        assert clean(PARA, repair_mojibake=True) == clean(PARA)
        assert repair_mojibake("Ãx and â€ alone") == ("Ãx and â€ alone", 0)

    def test_mojibake_repaired_layer_by_layer_up_to_a_bound(self) -> None:
        """Text garbled twice is repaired in two passes; passes are bounded, so a long chain stays linear."""
        assert repair_mojibake("ÃÂ©") == ("é", 2)
        text, fixed = repair_mojibake("Â" * 10_000 + "©")
        assert (len(text), fixed) == (10_001 - 3, 3)

    def test_lone_surrogate_dropped_from_body(self) -> None:
        """A lone surrogate (from a bad JSON escape) is dropped from the body, which stays writable."""
        a = clean("Seoul said \ud800 no to the talks.")
        assert a.text == "Seoul said no to the talks."
        a.text.encode("utf-8")

    def test_mixed_scripts(self) -> None:
        """Korean, Chinese, Cyrillic and Latin prose are kept as body."""
        body = ("북한이 15일 오전 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다.\n\n"
                "Москва отвергла обвинения в поставках оружия из Пхеньяна.\n\n"
                "朝鲜当天上午向东部海域发射了一枚弹道导弹。\n\n" + PARA)  # fmt: skip
        a = clean(body)
        assert a.text == body


_FURNITURE = [
    "Share it", "Post Comment", "Loading Now", "Latest Posts", "1 min read", "Advertisement",
    "By Jane Roe", "Published: January 6, 2025", "spot_imgspot_img", "Read more: Seoul weighs drones",
    "Original Source: www.example.com", "Photo: Example Agency", "Related", "Home", "Menu",
    "Dear visitor, the comments section is closed.", "© 2025 Example News", "Rating: 5",
]  # fmt: skip
_SENTENCES = [
    PARA, PARA2, "He denied it.", "“We are ready,” the ministry said.", "SEOUL: The talks resumed on Monday.",
    "Jane Roe is a journalist who covers security in Seoul for several publications.",
    "Allies Agree on Warning Data Sharing", "Promises of continuity", "North Korea fires missile into sea",
]  # fmt: skip


@st.composite
def _wrapped(draw: st.DrawFn) -> str:
    sentence = draw(st.sampled_from([PARA, PARA2]))
    cut = draw(st.integers(1, len(sentence) - 1))
    return sentence[:cut] + "\n" + sentence[cut:]


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Page-like text: furniture, prose, headline-shaped lines and hard wraps, in any order."""
    parts = draw(
        st.lists(st.one_of(st.sampled_from(_FURNITURE), st.sampled_from(_SENTENCES), _wrapped()), max_size=14)
    )
    seps = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n\n"])
    return "".join(part + draw(seps) for part in parts)


any_pages = pages() | raw_pages

_MOJIBAKE = ["â€™", "â€œ", "Ã©", "Â£", "Ã", "â€", "Ã¢â‚¬â„¢"]


@st.composite
def _garbled(draw: st.DrawFn) -> str:
    page = draw(pages())
    cut = draw(st.integers(0, len(page)))
    return page[:cut] + draw(st.sampled_from(_MOJIBAKE)) + page[cut:]


_mojibake_pages = _garbled() | raw_pages


def _visible_lines(a: Article) -> list[str]:
    return [x.text for x in split_lines(a.raw) if x.text]


class TestProperties:
    @given(any_pages)
    def test_removal_offsets_index_raw(self, raw: str) -> None:
        """Every removal's offsets index raw exactly."""
        a = clean(raw)
        for r in a.removed:
            assert a.raw[r.start : r.end] == r.text
            assert r.text.strip()

    @given(any_pages)
    def test_idempotent(self, raw: str) -> None:
        """Cleaning the clean text again changes nothing (the title is not in the text)."""
        a = clean(raw)
        assert clean(a.text).text == a.text

    @given(any_pages)
    def test_never_invents_text(self, raw: str) -> None:
        """Every body token occurs in raw (hard-wrap joins aside, which join raw pieces)."""
        a = clean(raw)
        flat = re.sub(r"\s+", "", "".join(_visible_lines(a)))
        for token in a.text.split():
            assert token in flat

    @given(any_pages)
    def test_nothing_lost(self, raw: str) -> None:
        """Body + title + removed lines hold every visible character of raw."""
        assert not lost_characters(clean(raw))

    @given(any_pages)
    def test_paragraph_order_preserved(self, raw: str) -> None:
        """Body paragraphs come in the order of raw."""
        a = clean(raw)
        flat = re.sub(r"\s+", "", "".join(_visible_lines(a)))
        pos = 0
        for p in a.paragraphs:
            found = flat.find(re.sub(r"\s+", "", p), pos)
            assert found >= 0
            pos = found

    @given(_mojibake_pages)
    def test_mojibake_repair_invents_nothing_and_loses_nothing(self, raw: str) -> None:
        """With repair on, the invariants hold against raw's lines as repaired: nothing invented or lost."""
        a = clean(raw, repair_mojibake=True)
        # Raw's lines repaired one by one, and as one text (a hard-wrap join
        # may bring the two halves of a sequence together).
        by_line = re.sub(r"\s+", "", "".join(repair_mojibake(x)[0] for x in _visible_lines(a)))
        joined = repair_mojibake(re.sub(r"\s+", "", "".join(_visible_lines(a))))[0]
        for token in a.text.split():
            assert token in by_line or token in joined
        got = non_ws(a.text) + non_ws(a.title or "")
        for r in a.removed:
            assert a.raw[r.start : r.end] == r.text
            got += non_ws(repair_mojibake(normalise(r.text))[0])
        assert not non_ws(by_line) - got or not non_ws(joined) - got
        assert clean(a.text, repair_mojibake=True).text == a.text

    @given(st.text(max_size=300))
    def test_no_exception_on_any_text(self, raw: str) -> None:
        """Arbitrary text never raises; paragraphs are separated by exactly one blank line."""
        a = clean(raw)
        assert "\n\n\n" not in a.text
        assert a.text == a.text.strip()
        assert not lost_characters(a)


class TestPageDate:
    """`published` is read from the page's own date line when the caller gives none."""

    PAGE = (
        "Menu\n\nMissile Test Draws Rebuke\n\nPublished 2025-05-08 09:12 | Updated 2025-05-09 10:40\n\n"
        "SEOUL: The North fired a missile on Thursday, officials said. It was the first launch since "
        "March 3, 2025, they added.\n\nMost read\n\n1. Markets slide on July 1, 2024"
    )

    def test_header_date(self) -> None:
        assert clean(self.PAGE).published == dt.date(2025, 5, 8)

    def test_given_date_wins(self) -> None:
        assert clean(self.PAGE, published=dt.date(2025, 5, 9)).published == dt.date(2025, 5, 9)

    def test_body_dates_are_not_the_page_date(self) -> None:
        page = self.PAGE.replace("Published 2025-05-08 09:12 | Updated 2025-05-09 10:40\n\n", "")
        assert clean(page).published is None

    def test_byline_with_date(self) -> None:
        page = "Rally in Seoul\n\nBy Jane Roe | 3 June 2025\n\nThousands marched in Seoul on Saturday."
        assert clean(page).published == dt.date(2025, 6, 3)

    def test_no_year_no_date(self) -> None:
        page = "Rally in Seoul\n\nUpdated June 3, 10:40 KST\n\nThousands marched in Seoul on Saturday."
        assert clean(page).published is None

    def test_published_line_before_a_bare_site_date(self) -> None:
        page = (
            "Sunday, November 23, 2026\n\nDrone Deal Deepens\n\nPublished: 22 Nov. 2026, 18:30\n\n"
            "North Korea has sent workers to a drone plant in Russia, officials said on Saturday."
        )
        assert clean(page).published == dt.date(2026, 11, 22)


class TestUserLexicon:
    """An outlet's own furniture added to the shipped lexicon reaches clean, load and process."""

    EXTRA = '[advert]\nphrases = ["Sponsored by Acme Defence"]\n[outlets]\nnames = ["Peninsula Times"]'
    PAGE = (
        "Peninsula Times\n\nAllies Begin Spring Drills\n\nSouth Korea and the US began their spring drills "
        "on Monday, the military said in a statement.\n\nSponsored by Acme Defence"
    )

    def test_extend_keeps_the_shipped_furniture(self) -> None:
        import koreabrief as kb

        lex = kb.FurnitureLexicon.default().extend(self.EXTRA)
        assert lex.match_phrase("Sponsored by Acme Defence") is RemovalKind.ADVERT
        assert lex.match_phrase("Share it") is RemovalKind.SHARE
        assert kb.FurnitureLexicon.default().match_phrase("Sponsored by Acme Defence") is None

    def test_clean_article_and_load_use_it(self, tmp_path: Path) -> None:
        import koreabrief as kb

        lex = kb.FurnitureLexicon.default().extend(self.EXTRA)
        kinds = {r.text: r.kind for r in clean(self.PAGE, lexicon=lex).removed}
        assert kinds["Sponsored by Acme Defence"] is RemovalKind.ADVERT
        assert article(self.PAGE, id="x", lexicon=lex).outlet == "Peninsula Times"
        (tmp_path / "p.txt").write_text(self.PAGE, encoding="utf-8")
        loaded = next(iter(kb.load(tmp_path, lexicon=lex)))
        assert {r.kind for r in loaded.removed} >= {RemovalKind.ADVERT}
        facts = next(iter(kb.process(tmp_path, workers=1, lexicon=lex)))
        assert facts.article.removed == loaded.removed

    def test_pickles(self) -> None:
        import koreabrief as kb

        lex = kb.FurnitureLexicon.default().extend(self.EXTRA)
        assert pickle.loads(pickle.dumps(lex)).match_phrase("Sponsored by Acme Defence") is RemovalKind.ADVERT

    def test_bad_extension_is_a_config_error(self) -> None:
        import koreabrief as kb

        with pytest.raises(ConfigError):
            kb.FurnitureLexicon.default().extend("[advert\nphrases = [")


class TestLivePage:
    def test_live_entries_between_times_stay(self) -> None:
        """A live page's first entry between bare times is no standfirst (#15)."""
        raw = (
            "Live: Missile Alert Lifted In The North\n\nLast updated 07:52\n\n07:50\n"
            "Japan's government has lifted the alert for three prefectures.\n\n07:45\n"
            "The missile was an intercontinental type, Seoul says.\n"
        )
        a = clean(raw)
        assert a.paragraphs[0] == "Japan's government has lifted the alert for three prefectures."


class TestJoinedPhrases:
    @pytest.mark.parametrize(
        ("line", "kind"),
        [("Advertisement · Scroll to continue", "advert"), ("Print | Share", "share")],
    )
    def test_phrases_joined_by_separators(self, line: str, kind: str) -> None:
        """Widget labels on one line, set apart by separators, are furniture of the first one's kind (#15)."""
        a = clean(f"{PARA}\n\n{line}\n\n{PARA2}")
        assert a.paragraphs == (PARA, PARA2)
        assert [r.kind.value for r in a.removed] == [kind]

    def test_prose_with_a_bar_stays(self) -> None:
        """A line that only holds a separator is not furniture for it."""
        line = "Seoul | said the talks would resume in Geneva next month"
        assert clean(f"{PARA}\n\n{line}\n\n{PARA2}").paragraphs == (PARA, line, PARA2)


class TestOpenerBelowByline:
    def test_short_sentence_below_byline_is_no_headline(self) -> None:
        """A lone short sentence below the byline opens the story: no headline, and it stays body (#15)."""
        raw = f"By Jane Roe\nUpdated January 6, 2025 05:05 PM\n\nWell, it’s official.\n\n{PARA}"
        a = clean(raw)
        assert (a.title, a.paragraphs) == (None, ("Well, it’s official.", PARA))

    def test_headline_ending_in_initials_stays(self) -> None:
        """A headline below a date line that ends with "U.S." is still the headline."""
        raw = f"Jan 6, 2025\nJapan vows closer ties with U.S.\n\n{PARA}"
        assert clean(raw).title == "Japan vows closer ties with U.S."


class TestSecondDeck:
    def test_headline_above_a_title_case_deck(self) -> None:
        """Two title-case headlines line after line above the byline: the first is the headline (#15)."""
        raw = f"Seoul Rejects Talks Offer Again\nEnvoys Say the Door Stays Open\nBy Jane Roe\n\n{PARA}"
        a = clean(raw)
        assert a.title == "Seoul Rejects Talks Offer Again"
        assert [r.kind.value for r in a.removed if r.text.startswith("Envoys")] != []

    def test_label_above_headline_stays(self) -> None:
        """A short label above the headline is still no headline."""
        raw = f"World News\nSeoul Rejects Talks Offer From Pyongyang Envoys\nBy Jane Roe\n\n{PARA}"
        assert clean(raw).title == "Seoul Rejects Talks Offer From Pyongyang Envoys"
