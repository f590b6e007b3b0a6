"""Page heads and tails: slugs, repeated lines, glued pieces, bylines, datelines and sources.

Covers cleaning/slug.py, repeats.py, glued.py and the metadata readers they feed.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.cleaning import clean
from koreabrief.cleaning.glued import split_head
from koreabrief.cleaning.kinds import UnitFacts, dated_outlet, menu_kind, unit_facts
from koreabrief.cleaning.lexicon import default_lexicon
from koreabrief.cleaning.metadata import byline_author, byline_outlet, dateline, dateline_source, source_of
from koreabrief.cleaning.normalise import split_lines
from koreabrief.cleaning.repeats import head_copies, twins
from koreabrief.cleaning.slug import slug_match, slug_words
from koreabrief.cleaning.wraps import Unit
from koreabrief.models import RemovalKind
from tests.test_clean import lost_characters

LEX = default_lexicon()
LEAD = (
    "SEOUL — North Korea test-fired a new solid-fuel missile on Thursday, the South Korean military "
    "said, the third launch this month."
)
MORE = "The missile flew about 1,000 kilometres before landing in the sea, officials said on Thursday."
_words = st.lists(
    st.sampled_from(["seoul", "talks", "missile", "envoy", "offer", "drills", "ship"]), min_size=3
)


class TestSlug:
    """The headline the article's address spells."""

    def test_address_words_left_out(self) -> None:
        """Words of addresses ("news", "html") are no headline's."""
        url = "https://example.com/news/2025/01/06/seoul-rejects-talks-offer.html"
        assert slug_words(url, LEX.address_words) == ("seoul", "rejects", "talks", "offer")

    def test_no_slug(self) -> None:
        """An address of numbers and parameters has no slug."""
        assert slug_words("https://example.com/view.php?id=4472748", LEX.address_words) == ()

    @given(_words)
    def test_a_slug_matches_its_own_words(self, words: list[str]) -> None:
        """A line of exactly the slug's words matches it fully."""
        assert slug_match(" ".join(words).title(), tuple(words)) == 1.0

    def test_headline_chosen_by_the_address(self) -> None:
        """Among a label, the headline and a deck, the line the address spells is the headline."""
        raw = (
            "Defence\n\nSeoul rejects talks offer\n\n"
            "North Korea's proposal came with conditions Seoul called unacceptable\n\n"
            f"Jan 6, 2025 09:12\n\n{LEAD}\n\n{MORE}"
        )
        a = clean(raw, url="https://example.com/2025/01/06/seoul-rejects-talks-offer")
        assert a.title == "Seoul rejects talks offer"


class TestRepeats:
    """Lines printed twice, and lines above the story that copy it."""

    def _facts(self, texts: list[str], blocks: list[int]) -> tuple[list[Unit], list[UnitFacts]]:
        units = [Unit(i, i + 1, t, b) for i, (t, b) in enumerate(zip(texts, blocks, strict=True))]
        return units, [unit_facts(u, LEX) for u in units]

    def test_caption_twice_with_its_credit(self) -> None:
        """A caption repeated with a credit added is two copies of one caption."""
        cap = "Soldiers march in the capital during a parade on Monday."
        units, facts = self._facts([cap, cap + " (Jane Roe/Agency)", LEAD], [0, 0, 1])
        assert twins(units, facts, 0, 3) == {0, 1}

    def test_twins_only_within_a_block(self) -> None:
        """A paragraph printed twice in separate blocks is left alone (clean text stays clean)."""
        units, facts = self._facts([MORE, MORE], [0, 1])
        assert twins(units, facts, 0, 2) == set()

    def test_copy_above_the_story(self) -> None:
        """A description above the story that a paragraph of it repeats is a copy."""
        deck = "The missile flew about 1,000 kilometres before landing in the sea, officials said"
        units, facts = self._facts([deck, LEAD, MORE], [0, 1, 2])
        assert head_copies(units, facts, 1, None) == {0}

    def test_label_above_a_caption(self) -> None:
        """A few capitalised words right above a credited caption, in its block, are the picture's label."""
        caption = "Soldiers march past the podium during a parade in the capital on Monday. (Jane Roe/Agency)"
        a = clean(f"{LEAD}\n\nBorder Tensions\n{caption}\n\n{MORE}")
        assert a.paragraphs == (LEAD, MORE)
        assert [r.kind for r in a.removed] == [RemovalKind.CREDIT, RemovalKind.CREDIT]

    @given(st.integers(2, 6))
    def test_clean_is_idempotent_on_repeated_lines(self, copies: int) -> None:
        """Whatever the repetition, cleaning the clean text again changes nothing."""
        raw = "\n".join([MORE] * copies) + f"\n\n{LEAD}\n\n{MORE}"
        text = clean(raw).text
        assert clean(text).text == text


class TestGlued:
    """Pieces glued into one line are cut apart, with their offsets."""

    def test_flattened_head(self) -> None:
        """Credit, headline and standfirst of a flattened head are cut where they visibly meet."""
        raw = (
            "A soldier stands guard at the border | Jane Roe/AFP via Getty Images Seoul Rejects Talks Offer "
            "The refusal came hours after Pyongyang set out its conditions for a meeting of envoys."
        )
        lines = split_lines(raw)
        slug = slug_words("https://example.com/seoul-rejects-talks-offer", LEX.address_words)
        split_head(raw, lines, 0, slug)
        assert [line.text for line in lines] == [
            "A soldier stands guard at the border | Jane Roe/AFP via Getty Images",
            "Seoul Rejects Talks Offer",
            "The refusal came hours after Pyongyang set out its conditions for a meeting of envoys.",
        ]
        assert all(raw[line.start : line.end] == line.text for line in lines)

    def test_flattened_head_standfirst_removed(self) -> None:
        """What a stamped, flattened head holds after its headline is a standfirst, not the story."""
        deck = "The refusal came hours after Pyongyang set out its conditions for a meeting of envoys."
        raw = (
            "date 2025-01-06 A soldier stands guard at the border | Jane Roe/AFP via Getty Images "
            f"Seoul Rejects Talks Offer {deck}\n\n{LEAD}\n\n{MORE}"
        )
        a = clean(raw, url="https://example.com/seoul-rejects-talks-offer")
        assert (a.title, a.paragraphs) == ("Seoul Rejects Talks Offer", (LEAD, MORE))
        assert any(r.text == deck and r.kind.value == "other" for r in a.removed)

    def test_flattened_head_alone_keeps_its_story(self) -> None:
        """A stamped head line with nothing below it keeps what follows its headline: the story."""
        deck = "The refusal came hours after Pyongyang set out its conditions for a meeting of envoys."
        head = "date 2025-01-06 A soldier stands guard | Jane Roe/AFP via Getty Images Seoul Rejects Talks"
        raw = f"{head} Offer {deck}"
        a = clean(raw, url="https://example.com/seoul-rejects-talks-offer")
        assert a.paragraphs == (deck,)

    def test_sentence_ending_in_a_date_is_not_cut(self) -> None:
        """A stamped lead that ends with a date keeps it: no date line opens there."""
        lead = "The ministry said the talks would resume in Geneva on January 20, 2025."
        a = clean(f"date 2025-01-06 {lead}\n\n{MORE}")
        assert a.paragraphs == (lead, MORE)

    def test_credit_in_a_sentence_is_not_cut(self) -> None:
        """"via AP" inside a stamped lead's sentence is no caption credit."""
        lead = "Footage released via AP Television showed smoke rising over the complex on Tuesday."
        a = clean(f"date 2025-01-06 {lead}\n\n{MORE}")
        assert a.paragraphs == (lead, MORE)

    def test_capitals_dateline_is_not_cut(self) -> None:
        """A dateline in capitals opening a stamped lead stays with its story."""
        lead = "WASHINGTON (AP) — The United States imposed sanctions on six firms on Friday."
        a = clean(f"date 2025-01-06 {lead}\n\n{MORE}")
        assert (a.paragraphs[0], a.dateline) == (lead, "WASHINGTON")

    def test_dateline_date_is_not_cut(self) -> None:
        """A date inside a dateline opening the story stays in it."""
        raw = "Beijing, 20 June 2025 (Agency) – The president arrived in Pyongyang on Thursday."
        lines = split_lines(raw)
        split_head(raw, lines, 0)
        assert [line.text for line in lines] == [raw]

    @pytest.mark.parametrize("mark", ["(END)", "(end) ab.cd", "-- END --"])
    def test_end_marks(self, mark: str) -> None:
        """A wire's end mark glued to the last paragraph is cut off and removed."""
        a = clean(f"{LEAD}\n\n{MORE} {mark}")
        assert a.paragraphs == (LEAD, MORE)
        assert a.removed[-1].text == mark

    def test_short_caption_keeps_its_credit(self) -> None:
        """A short line ending in an agency's name is a caption with its credit, not a signed paragraph."""
        a = clean(f"{LEAD}\n\nTroops march in the capital on Monday. (Yonhap)")
        assert a.paragraphs == (LEAD,)
        assert a.removed[-1].kind is RemovalKind.CREDIT

    @given(st.text(alphabet="ab .()ENDYonhap", max_size=60))
    def test_nothing_lost(self, tail: str) -> None:
        """Whatever closes the page, every character of raw is accounted for."""
        assert not lost_characters(clean(f"{LEAD}\n\n{MORE} {tail}"))


class TestBylines:
    """Authors in full, and the outlets bylines credit."""

    @pytest.mark.parametrize(
        ("line", "author"),
        [
            ("By B.C. Begley", "B.C. Begley"),
            ("By J. Roe and K. Lee", "J. Roe and K. Lee"),
            ("By Jane Roe, Tom Poe and Min-ji Seo, Example Wire", "Jane Roe, Tom Poe and Min-ji Seo"),
            ("Example Daily reporter Park Min-su", "Park Min-su"),
            ("By Reuters", None),
            ("By Staff Updated: Feb 3, 2025 6:29 pm", None),
        ],
    )
    def test_author(self, line: str, author: str | None) -> None:
        """Initials, name lists and an outlet's reporter give full names; an outlet names no one."""
        assert byline_author(line) == author

    @pytest.mark.parametrize(
        ("line", "outlet"),
        [
            ("By Jane Roe, CNN", "CNN"),
            ("By Reuters", "Reuters"),
            ("Jane Roe Bloomberg News", "Bloomberg News"),
        ],
    )
    def test_outlet(self, line: str, outlet: str) -> None:
        """The outlet a byline credits."""
        assert byline_outlet(line) == outlet

    def test_outlet_beside_the_date(self) -> None:
        """"Example Post|June 20, 2024" is the outlet and the date, not a person."""
        assert dated_outlet("Peninsula Post|June 20, 2024", LEX) == "Peninsula Post"
        assert byline_author("Peninsula Post|June 20, 2024") is None


class TestDatelines:
    """Dateline places as written, and the wire they name."""

    @pytest.mark.parametrize(
        ("para", "place", "wire"),
        [
            ("SEOUL, South Korea (AP) — The minister said.", "SEOUL, South Korea", "AP"),
            ("[HANOI] The two leaders met.", "HANOI", None),
            ("Pyongyang [North Korea], November 19 : The leader said.", "Pyongyang [North Korea]", None),
            ("Washington (CNN)The administration said.", "Washington", "CNN"),
            ("WASHINGTON/SEOUL (Reuters) - The United States said.", "WASHINGTON/SEOUL", "Reuters"),
            ("MOSCOW, January 14. /TASS/. The ministry said.", "MOSCOW", "TASS"),
            (
                "(Washington = Example News) Correspondent Jane Roe = The allies met.",
                "Washington",
                "Example News",
            ),
        ],
    )
    def test_place_and_wire(self, para: str, place: str, wire: str | None) -> None:
        """The place with its region, and the wire in brackets or slashes."""
        assert (dateline(para), dateline_source(para)) == (place, wire)

    def test_outlet_is_no_place(self) -> None:
        """An outlet where the place would be names the source, not a dateline."""
        para = "CNN — A soldier crossed the border on Tuesday."
        assert (dateline(para), dateline_source(para)) == (None, "CNN")

    def test_dateline_after_a_standfirst(self) -> None:
        """The dateline may open the second paragraph, after a caption or a deck."""
        deck = "Troops watched a launch from a hillside in this undated picture"
        a = clean(f"Missile Test\n\n{deck}\n\n{LEAD}")
        assert a.dateline == "SEOUL"


class TestSources:
    """Original sources are names, never sentences."""

    @pytest.mark.parametrize(
        ("line", "source"),
        [
            ("Source: Japanese news agency Kyodo News", "Kyodo News"),
            ("Based on reporting by AP and AFP", "AP and AFP"),
            ("Source: officials said the figures had been revised twice during the past year", None),
        ],
    )
    def test_source_note(self, line: str, source: str | None) -> None:
        """A description before an outlet is left out; a long value naming none gives nothing."""
        assert source_of(line) == source

    def test_sign_off(self) -> None:
        """A wire's name closing the last paragraph is cut off and is the original source."""
        last = (
            "The ministry said the vessels had called at the port of Rajin several times since the autumn "
            "and that the firms had arranged the cargo."
        )
        a = clean(f"{LEAD}\n\n{last} (Yonhap)")
        assert (a.paragraphs[-1], a.original_source) == (last, "Yonhap")


class TestNoHeadlineShapes:
    """A byline with its address, a menu and a date line are never the title (own pages)."""

    def test_byline_with_address_below_a_stamped_headline(self) -> None:
        raw = (
            "THE HARBOUR TIMES  |  Subscribe  |  Sign in\n\nDefence  >  Navy\n\n"
            " date 2025-03-02 Coast guard tows drifting fishing boat back across the sea border\n\n"
            "Lena Moss  lena.moss@harbourtimes.example\n\n"
            "INCHEON -- The coast guard towed a drifting North Korean fishing boat back across the "
            "maritime border on Sunday after its two crew said they wished to go home, officials said.\n"
        )
        a = kb.article(raw, id="t")
        assert a.title == "Coast guard tows drifting fishing boat back across the sea border"
        assert a.published is not None
        assert a.published.isoformat() == "2025-03-02"

    def test_menu_and_date_line_around_the_headline(self) -> None:
        head = "GLOBE LEDGER\n\nNews | Asia | Europe | Markets | Sport\n\n"
        story = (
            "Mar 3, 2025 | 3 min read\n\n"
            "Envoys from the two Koreas traded warnings on Monday over military drills planned near "
            "the border for next week, each side saying the other had raised tensions.\n"
        )
        titled = kb.article(head + "Envoys trade warnings over drills near the border\n\n" + story, id="t")
        assert titled.title == "Envoys trade warnings over drills near the border"
        # With no headline at all, neither the menu nor the date line stands in for one.
        assert kb.article(head + story, id="t").title is None


# A headline long enough that a short line above it would once have been its "headline".
_LONG_HEADLINE = "Envoys from the two Koreas trade warnings over drills planned near the land border"
_SECTIONS = ["Home", "News", "World", "Sport", "Business", "Politics", "Opinion", "Culture", "Video", "Live"]
_BUTTONS = ["facebook", "twitter", "email", "print", "whatsapp", "telegram", "linkedin", "weibo", "band"]


def _page(*head: str) -> str:
    """A page: the head's lines, then the story below them."""
    return "\n\n".join([*head, LEAD, MORE]) + "\n"


class TestMenuLines:
    """A line made only of a site's menu or share words is no headline, whatever its spacing."""

    @given(
        st.lists(st.sampled_from(_SECTIONS), min_size=3, max_size=8, unique=True),
        st.sampled_from([" ", "  ", "   "]),
        st.sampled_from([str, str.upper, str.lower]),
    )
    def test_menu_above_the_headline(self, items: list[str], gap: str, case: object) -> None:
        """A menu of section names above a long headline leaves the headline the title."""
        menu = gap.join(case(i) for i in items)  # type: ignore[operator]
        a = clean(_page(menu, _LONG_HEADLINE, "By Jane Roe"))
        assert a.title == _LONG_HEADLINE
        assert any(r.text == menu for r in a.removed)

    @pytest.mark.parametrize(
        "menu",
        [
            "Sections  Search  Sign in",
            "Today's Paper  Opinion  World  Business",
            "Middle East Asia Fact Check",
        ],
    )
    def test_menu_items_of_several_words(self, menu: str) -> None:
        """Menu items of two or three words ("Sign in", "Today's Paper") count as menu words."""
        a = clean(_page(menu, _LONG_HEADLINE, "Jane Roe, Staff Reporter"))
        assert (a.title, [r.kind for r in a.removed if r.text == menu]) == (
            _LONG_HEADLINE,
            [RemovalKind.NAVIGATION],
        )

    @given(st.lists(st.sampled_from(_BUTTONS), min_size=3, max_size=7, unique=True))
    def test_share_bar_below_the_byline(self, buttons: list[str]) -> None:
        """A share bar, even with a network the lexicon does not list, is share furniture, not the title."""
        bar = " ".join([*buttons, "mixchat"])
        a = clean(_page(_LONG_HEADLINE, "By Jane Roe", bar))
        assert a.title == _LONG_HEADLINE
        assert [r.kind for r in a.removed if r.text == bar] == [RemovalKind.SHARE]

    @pytest.mark.parametrize(
        "line",
        [
            "Politics leaders agree to resume border talks",
            "Live: North Korea fires missile over Japan",
            "World Business Council names new chair in Seoul",
        ],
    )
    def test_headline_with_words_of_its_own(self, line: str) -> None:
        """A headline holding a few section words has words of its own: it is no menu."""
        assert menu_kind(line.split(), LEX) is None

    def test_sections_extend(self) -> None:
        """A site's own section names added to the lexicon make its menu one."""
        menu = "Newsroom Bulletin Spotlight Longform"
        lex = LEX.extend('[navigation]\nsections = ["newsroom", "bulletin", "spotlight", "longform"]')
        assert menu_kind(menu.split(), LEX) is None
        assert menu_kind(menu.split(), lex) is RemovalKind.NAVIGATION

    @pytest.mark.parametrize(
        ("line", "kind"),
        [
            ("Bookmark Click here to share this story", RemovalKind.NAVIGATION),
            ("Print Share this article", RemovalKind.SHARE),
            ("Close Advertisement", RemovalKind.ADVERT),
        ],
    )
    def test_button_glued_to_a_label(self, line: str, kind: RemovalKind) -> None:
        """A one-word button glued before another widget's label takes the label's kind."""
        a = clean(_page(_LONG_HEADLINE, "By Jane Roe", line))
        assert (a.title, [r.kind for r in a.removed if r.text == line]) == (_LONG_HEADLINE, [kind])


class TestLabelsBesideTheHeadline:
    """A section label, a breadcrumb or a series' name loses to the headline beside it."""

    @pytest.mark.parametrize(
        "head",
        [
            ["Defence & Security", "Mar 3, 17:30", _LONG_HEADLINE],
            ["Asia Weekly / Diplomacy", _LONG_HEADLINE, "Jane Roe  Published: 9:15am, 3 Mar 2025"],
            ["NATIONAL > North Korea", _LONG_HEADLINE, "BY JANE ROE"],
            [_LONG_HEADLINE, "Jane Roe | Analysis"],
            [_LONG_HEADLINE, "Strategic Questions", "Jane Roe", "Published March 3, 2025"],
            ["Inter-Korean Affairs", _LONG_HEADLINE],
            ["Korean Peninsula Security Watch", _LONG_HEADLINE, "By Jane Roe"],
            ["ASIA-PACIFIC DEFENCE & DIPLOMACY", _LONG_HEADLINE, "March 3, 2025"],
        ],
    )
    def test_label_loses(self, head: list[str]) -> None:
        """Above or below the headline, with or without a byline between, the label is not the title."""
        assert clean(_page(*head)).title == _LONG_HEADLINE

    def test_breadcrumb_not_taken_for_the_address(self) -> None:
        """A breadcrumb spelling the address's folders is not the headline the address spells."""
        url = "https://example.com/2025/03/03/national/north-korea/north-korea-envoys-drills/123.html"
        a = clean(_page("NATIONAL > North Korea", _LONG_HEADLINE, "BY JANE ROE"), url=url)
        assert a.title == _LONG_HEADLINE

    def test_label_alone_is_left(self) -> None:
        """With no longer headline-shaped line beside it, a short headline stays the title."""
        assert clean(_page("Seoul rejects talks", "By Jane Roe")).title == "Seoul rejects talks"


class TestStandfirstAboveTheHeadline:
    """A one-sentence standfirst printed above the headline opens no story."""

    @pytest.mark.parametrize(
        "below",
        [
            ["Published On 3 Mar 2025"],
            ["By Jane Roe", "3 March 2025"],
            ["Example Post | March 3, 2025"],
        ],
    )
    def test_standfirst_above(self, below: list[str]) -> None:
        """Standfirst, headline, byline or date line, story: the headline is found, the standfirst removed."""
        deck = "Both sides say the other raised tensions first, and neither has proposed new talks."
        a = clean(_page(deck, _LONG_HEADLINE, *below))
        assert a.title == _LONG_HEADLINE
        assert a.paragraphs == (LEAD, MORE)
        assert any(r.text == deck for r in a.removed)

    def test_entry_above_a_bare_time_is_kept(self) -> None:
        """A live page's entry above the next entry's heading and its bare time stays the story's."""
        entry = "Envoys met for an hour at the truce village and agreed to meet again next week."
        a = clean(_page(entry, "Allies begin scheduled drills off the coast", "10:45 GMT"))
        assert a.paragraphs[0] == entry


class TestDeckUnderTheHeadline:
    """A shorter headline-shaped line right under the headline is its deck or its tags."""

    @pytest.mark.parametrize(
        "below",
        [
            "Seoul warns of a stern response",
            "North Korea Japan South Korea Missiles",
            "Allies vow to keep talking to Pyongyang",
        ],
    )
    def test_short_line_below(self, below: str) -> None:
        """Headline, a line three quarters as long or shorter, byline: the headline is the longer line."""
        assert clean(_page(_LONG_HEADLINE, below, "By Jane Roe")).title == _LONG_HEADLINE

    def test_tagline_above_a_longer_headline(self) -> None:
        """A site's tagline above a longer headline leaves the headline the title."""
        tagline = "Independent reporting and analysis for readers in Seoul, Tokyo and across East Asia"
        assert clean(_page(tagline, _LONG_HEADLINE, "By Jane Roe")).title == _LONG_HEADLINE


class TestBareNameBio:
    """A bio closing the story names the author a bare-name byline gave."""

    @pytest.mark.parametrize("verb", ["is", "was", "has", "served"])
    def test_bio_of_a_bare_name(self, verb: str) -> None:
        """"Jane Roe" above the date line, "Jane Roe is/was/has ..." closing the story: the bio is removed."""
        bio = f"Jane Roe {verb} a senior adviser to an independent centre and a former official."
        a = clean(_page(_LONG_HEADLINE, "Jane Roe", "March 3, 2025") + bio + "\n")
        removed = [r.kind for r in a.removed if r.text == bio]
        assert removed == ([RemovalKind.AUTHOR_BIO] if verb in LEX.bio_verbs else [])


class TestStandfirstWithoutFullStop:
    """A standfirst without its full stop, a little longer than the headline, is told by its small words."""

    @pytest.mark.parametrize(
        ("headline", "deck"),
        [
            (
                "Kremlin sees no threat in growing ties between Moscow and Pyongyang",
                "According to the spokesman, the relations are developing in line with the law",
            ),
            (
                "Seoul vows firm response to any provocation during joint allied drills",
                "The minister said that the military was ready for all of the scenarios",
            ),
        ],
    )
    def test_sentence_like_deck(self, headline: str, deck: str) -> None:
        """Headline, a longer line written as a sentence, the story: the headline is the title."""
        a = clean(_page("March 4, 14:05", headline, deck))
        assert a.title == headline
        assert any(r.text == deck for r in a.removed)
