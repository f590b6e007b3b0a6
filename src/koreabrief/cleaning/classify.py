"""The line classifier: label every unit body, title or furniture of some kind.

Signals, combined:

* per unit ([`kinds`][koreabrief.cleaning.kinds]): the lexicon (whole-line
  phrases, short-line prefixes, patterns) per kind; shapes (bylines, author
  bios, timestamps, e-mail lines, template residue, lines without letters);
  prose (terminal punctuation, closing quotes counting, words per line and
  stop-word density, as jusText does);
* position ([`regions`][koreabrief.cleaning.regions]): furniture clusters in a
  run at the head and the tail of the page. The runs are the longest prefix
  and suffix of furniture-shaped units (matched, or not prose), extended past
  short prose islands amid long furniture and past a slogan or a standfirst
  above the byline. Between them only units the lexicon names are removed;
  other short lines there are in-story sub-headings, but a long headline in
  capitals is a link to another story;
* neighbours: after a "Related" / "Latest Posts" header the short lines (and
  dated teasers) are a link list; after a comments header, lines next to
  comment furniture are readers' comments; a long line beside a short credit
  is its caption; a bare name above a date line is a byline, and one above a
  bio naming them closes the page as an author box;
* blocks: after the story, a block holding a call to action ("Subscribe
  now") is a subscription prompt, with the sentences of its pitch;
* repetition: a line printed twice at the head is the headline; the headline
  is the last headline-shaped line above the story (a longer one below it is
  its standfirst; a tag or a video's title below the byline is not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from koreabrief.cleaning import features as ft
from koreabrief.cleaning import metadata as md
from koreabrief.cleaning.ends import cut_off_end, cut_sentence, list_at_end
from koreabrief.cleaning.kinds import UnitFacts, is_header, kind_of, unit_facts
from koreabrief.cleaning.lexicon import Lexicon, phrase_key
from koreabrief.cleaning.regions import comment_thread, edges, gallery, link_lists
from koreabrief.cleaning.repeats import head_copies, one_sentence, restated, twins
from koreabrief.cleaning.slug import slug_match, slug_words
from koreabrief.cleaning.wraps import Unit
from koreabrief.models import RemovalKind

__all__ = ["NAME_BYLINE", "Label", "byline_name", "label_units"]

_TITLE_MAX_WORDS = 30
_TITLE_MIN_WORDS = 2
_DECK_MIN_WORDS = 15
_DECK_STOP_DENSITY = 0.4
# A word: two letters at least ("px" and "A+" are labels).
_WORDLIKE = re.compile(r"\W{0,3}[^\W\d_]{2}")
_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
_DATELINE_START = re.compile(
    r"[A-Z][A-Z.'’-]{2,24}(?:[/ ,]\s?[A-Z][A-Z.'’-]{1,24}){0,3},?\s?(?:\(|[-–—]|(?:[A-Z][a-z]{2,8})\.?\s\d)"
)
# How well a line must match the address's words (an F1 of shared words) to be the headline.
_SLUG_MATCH = 0.5
_SLUG_REACH = 40
# A headline-shaped line this short after a byline is a tag or a section label.
_LABEL_MAX_WORDS = 4
#: The reason given to a bare name read as a byline (its text is the author).
NAME_BYLINE = "name above the date line"


class Label(NamedTuple):
    """The decision for one unit (a tuple: one is built per line of every page).

    Attributes:
        unit: The unit.
        kind: None for body (and for the title), else the furniture kind.
        title: Whether this unit is the page's headline.
        reason: Why, in a few words.
    """

    unit: Unit
    kind: RemovalKind | None
    title: bool = False
    reason: str = ""


# Furniture that may sit inside a comment form without ending it.
_INSIDE_FORMS = frozenset({RemovalKind.SHARE, RemovalKind.BYLINE, RemovalKind.RATING, RemovalKind.OTHER})


_BASE_WORDS = frozenset({"in", "from"})


def _capitalised(tokens: Sequence[str]) -> bool:
    return all(t[:1].isupper() and t.replace("-", "").replace(".", "").isalpha() for t in tokens)


def byline_name(text: str) -> str:
    """The names of a bare-name byline, without the place the reporter is based.

    Examples:
        >>> byline_name("Jane Roe in Tokyo"), byline_name("Jane Roe")
        ('Jane Roe', 'Jane Roe')
    """
    tokens = text.split()
    for k in range(len(tokens) - 1, 1, -1):
        if tokens[k] in _BASE_WORDS and 1 <= len(tokens) - k - 1 <= 3 and _capitalised(tokens[k + 1 :]):
            return " ".join(tokens[:k])
    return text


def _is_name(facts: UnitFacts) -> bool:
    """Bare personal names ("Jane Roe", "Jane Roe and Min-jun Park", "Jane Roe in Tokyo")."""
    names = byline_name(" ".join(facts.tokens)).replace(",", " ").replace(" & ", " and ").split(" and ")
    if not 1 <= len(names) <= 3:
        return False
    for name in names:
        tokens = name.split()
        if not 2 <= len(tokens) <= 4 or not _capitalised(tokens):
            return False
    return True


def _personal(facts: UnitFacts, lexicon: Lexicon) -> bool:
    """Whether a bare name has no word that names no one ("News", "Desk"; month names may be names)."""
    words = {t.casefold() for t in facts.tokens} - lexicon.timestamp_words
    return lexicon.not_names.isdisjoint(words)


def _is_base(facts: UnitFacts) -> bool:
    """Where a reporter is based, on its own line under the name ("in Beijing")."""
    tokens = facts.tokens
    return 2 <= len(tokens) <= 4 and tokens[0] in _BASE_WORDS and _capitalised(tokens[1:])


def _title_shaped(facts: UnitFacts, stopwords: frozenset[str]) -> bool:
    n = len(facts.tokens)
    if facts.edge_matched is not None or facts.prose or n > _TITLE_MAX_WORDS:
        return False
    if n < 3 and len(" ".join(facts.tokens)) < 16:
        return False
    if sum(1 for t in facts.tokens if _WORDLIKE.match(t)) < _TITLE_MIN_WORDS or facts.key.endswith(":"):
        return False  # "+ ↺ − 16 px": a widget's labels
    if n >= _DECK_MIN_WORDS and ft.stop_density(facts.tokens, stopwords) >= _DECK_STOP_DENSITY:
        return False  # a long line of small words is a standfirst's sentence, not a headline
    text = " ".join(facts.tokens)
    # A reporter's address is a byline's; a run of items between separators is a menu
    # or a breadcrumb ("Asia | Europe | Africa"); a line opening on a full date is a
    # date line ("Oct 15, 2024 | 4 min read"): none of them is a headline.
    if md.has_email(text) or len(_SEPARATORS.findall(text)) >= 2 or md.opens_on_date(text):
        return False
    # A time of day ("World May 24, 5:27") is a date line's; a capitalised place
    # opening a dateline ("SEOUL, SOUTH KOREA (", "BRUSSELS Dec. 16 –") is the story's start.
    return _CLOCK.search(text) is None and _DATELINE_START.match(text) is None


# Menu separators standing alone between items ("News | World", "Home > Asia", "A · B").
_SEPARATORS = re.compile(r"(?<=\S) [|>»·•] (?=\S)")


def label_units(
    units: Sequence[Unit],
    lexicon: Lexicon,
    *,
    title: str | None = None,
    url: str | None = None,
    open_end: bool = True,
) -> list[Label]:
    """Label each unit body, headline, or furniture with its kind.

    Args:
        units: The page's units, in order.
        lexicon: The furniture lexicon.
        title: A headline known from metadata, used to find the page's headline.
        url: The article's address: the headline is the line whose words it spells, if any.
        open_end: Whether the text may have been cut short (it does not end with
            a line break): then a last line cut mid-sentence is the story's.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> from koreabrief.cleaning.wraps import Unit
        >>> units = [Unit(0, 9, "Seoul Says No", 0), Unit(10, 30, "Seoul said no to it.", 1),
        ...          Unit(31, 39, "Share it", 2)]
        >>> [(lab.kind and lab.kind.value, lab.title) for lab in label_units(units, default_lexicon())]
        [(None, True), (None, False), ('share', False)]
    """
    facts = [unit_facts(u, lexicon) for u in units]
    n = len(units)
    listed = link_lists(facts)
    thread = comment_thread(facts)
    listed = [a or b for a, b in zip(listed, thread, strict=True)]
    pictures = gallery(facts)
    shaped = [
        f.edge_matched is not None or not f.prose or listed[i] or pictures[i] for i, f in enumerate(facts)
    ]
    if open_end and n and shaped[-1] and not listed[-1] and cut_sentence(facts[-1], lexicon):
        shaped[-1] = False  # the story goes on to the page's (cut) end: no tail run of furniture
    doubled = twins(units, facts, 0, n)
    for i in doubled:
        shaped[i] = True
    # Captions and standfirsts the paragraphs below restate are furniture before
    # the page's head and tail runs are found, so a second cleaning finds the same runs.
    echo_words: dict[int, set[str]] = {}
    prose = [i for i in range(n) if facts[i].prose and facts[i].edge_matched is None]
    echoes = restated(units, prose, echo_words)
    for i in echoes:
        shaped[i] = True
    head, tail, islands = edges(facts, shaped, pictures)
    copies = head_copies(units, facts, head, None)
    if copies:  # the copies are furniture above the story: the story starts after them
        for i in copies:
            shaped[i] = True
        head, tail, islands = edges(facts, shaped, pictures)
    kinds: list[RemovalKind | None] = [None] * n
    reasons = [""] * n
    for i in islands:
        kinds[i], reasons[i] = RemovalKind.OTHER, "prose among page furniture"
    for i in copies:
        kinds[i], reasons[i] = RemovalKind.OTHER, "repeats the story's text above it"
    # A sentence printed twice is a caption; a headline printed twice may still be the headline.
    not_titles = copies | echoes | {i for i in doubled if facts[i].prose}
    slug = slug_words(url, lexicon.address_words)
    title_at = _find_title(
        units, facts, head, title=title, slug=slug, skip=not_titles, lexicon=lexicon
    )
    title_keys = {facts[title_at].key} if title_at is not None else set()
    if title is not None:
        title_keys.add(phrase_key(title))
    in_list: RemovalKind | None = None
    for i, f in enumerate(facts):
        edge = i < head or i >= tail
        matched = f.edge_matched if edge else f.matched
        if i == title_at:
            in_list = None
            continue
        if i in islands or reasons[i]:  # an island, or labelled with the line before it
            continue
        if (
            matched is not None
            and in_list is RemovalKind.COMMENTS
            and matched[0] is RemovalKind.SHARE
            and len(f.tokens) <= 2
        ):
            matched = (RemovalKind.COMMENTS, "field of a comment form")  # "Email" in a reply form
        if matched is not None:
            kinds[i], reasons[i] = matched
            if is_header(f):
                in_list = matched[0]
            elif matched[0] is not in_list and not (
                in_list is RemovalKind.COMMENTS and matched[0] in _INSIDE_FORMS
            ):
                in_list = None
            continue
        if not f.prose and _near_title(f.key, title_keys):
            kinds[i], reasons[i] = RemovalKind.DUPLICATE_TITLE, "headline repeated"
            continue
        if thread[i]:
            kinds[i], reasons[i] = RemovalKind.COMMENTS, "in a comment thread"
            continue
        if i in doubled:
            kinds[i], reasons[i] = RemovalKind.CREDIT, "printed twice in a row (a picture's caption)"
            continue
        if i in echoes:
            # Above the story a standfirst, inside it a picture's caption.
            kinds[i], reasons[i] = (
                (RemovalKind.OTHER, "standfirst restating the story's lead")
                if i < head
                else (RemovalKind.CREDIT, "caption restating the paragraph below")
            )
            continue
        if listed[i]:
            kinds[i], reasons[i] = RemovalKind.RELATED, "in a link list under its header"
            continue
        if pictures[i]:
            kinds[i], reasons[i] = RemovalKind.CREDIT, "in a picture gallery"
            continue
        if in_list is not None and not f.prose:
            kinds[i], reasons[i] = in_list, "in a list under its header"
            continue
        in_list = None
        if _is_caption(units, facts, i):
            kinds[i], reasons[i] = RemovalKind.CREDIT, "caption beside its credit"
        elif _caption_label(units, facts, i):
            kinds[i], reasons[i] = RemovalKind.CREDIT, "a picture's label above its caption"
        elif not edge and _shouted_link(f):
            kinds[i], reasons[i] = RemovalKind.RELATED, "link in capitals inside the story"
        elif (
            edge
            and title_at is not None
            and title_at < i < head
            and _is_standfirst(f, facts[title_at], lexicon.stopwords)
        ):
            kinds[i], reasons[i] = RemovalKind.OTHER, "standfirst below the headline"
        elif edge and title_at is None and i == head - 1 and _story_opener(facts, i):
            continue  # "Well, it's official." below the byline: the story's first line
        elif edge:
            kinds[i], reasons[i] = _edge_kind(f, after_body=i >= tail)
            # ("Evening News" above a date line is a programme's name: no one's.)
            if title_at is not None and title_at < i < head and _is_name(f) and _personal(f, lexicon):
                # The name is a byline when a byline line follows it, perhaps
                # after the place the reporter is based ("in Beijing").
                based = i + 2 < n and _is_base(facts[i + 1])
                after = facts[i + 2] if based else facts[i + 1] if i + 1 < n else None
                if after is not None and kind_of(after) is RemovalKind.BYLINE:
                    kinds[i], reasons[i] = RemovalKind.BYLINE, NAME_BYLINE
                    if based:
                        kinds[i + 1], reasons[i + 1] = RemovalKind.BYLINE, "where the reporter is based"
    _late_echoes(units, facts, kinds, reasons, title_at, first=(prose, echo_words))
    _about_block(facts, kinds, reasons, title_at)
    _closing_bio(facts, kinds, reasons, title_at, lexicon)
    _name_captions(facts, kinds, reasons, title_at)
    _head_standfirst(units, facts, kinds, reasons, title_at=title_at, lexicon=lexicon)
    _author_box(facts, kinds, reasons, title_at, lexicon)
    _prompt_tail([u.block for u in units], facts, kinds, reasons, title_at=title_at, lexicon=lexicon)
    if open_end:
        cut_off_end(facts, kinds, reasons, title_at)
    list_at_end(facts, kinds, reasons)
    return [
        Label(u, kinds[i], title=(i == title_at), reason=reasons[i] or ("headline" if i == title_at else ""))
        for i, u in enumerate(units)
    ]


_BIO_REACH = 2


def _closing_bio(
    facts: Sequence[UnitFacts],
    kinds: list[RemovalKind | None],
    reasons: list[str],
    title_at: int | None,
    lexicon: Lexicon,
) -> None:
    """Label a bio of the byline's author closing the story, in place.

    "By Tom Poe" above the story and "Tom Poe is a senior fellow at ..." as one
    of its last paragraphs: the full name the byline gives, then a bio verb.
    """
    names: set[tuple[str, ...]] = set()
    for i, f in enumerate(facts):
        if kinds[i] is RemovalKind.BYLINE:
            text = " ".join(f.tokens)
            # (A bare name above the date line is a byline too: "Jane Roe" / "March 3, 2025".)
            bare = reasons[i] == NAME_BYLINE
            author = byline_name(text) if bare else md.byline_author(text, lexicon=lexicon)
            if author is not None:
                names.update(tuple(n.split()) for n in re.split(r",\s|\sand\s", author) if " " in n)
    if not names:
        return
    story = [i for i in range(len(facts)) if kinds[i] is None and i != title_at]
    for i in story[-_BIO_REACH:]:
        tokens = facts[i].tokens
        for words in names:
            k = len(words)
            if tuple(tokens[:k]) == words and len(tokens) > k and tokens[k] in lexicon.bio_verbs:
                kinds[i], reasons[i] = RemovalKind.AUTHOR_BIO, "bio of the byline's author"
                break


_ABOUT = re.compile(r"About\s(?:the\s|us)?(?P<name>[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,4})?$")


def _about_block(
    facts: Sequence[UnitFacts], kinds: list[RemovalKind | None], reasons: list[str], title_at: int | None
) -> None:
    """Label an "About the company" block closing the story, in place.

    "About the Example Institute", then a paragraph that opens with that name
    ("The Example Institute is ..."), as the story's last lines: the
    organisation's blurb under its header, not the story.
    """
    story = [i for i in range(len(facts)) if kinds[i] is None and i != title_at]
    last = story[-1] if story else -1
    for i, f in enumerate(facts[:-1]):
        if i + 1 != last or not f.tokens or f.tokens[0] != "About":
            continue
        m = _ABOUT.fullmatch(" ".join(f.tokens))
        if m is None or m.group("name") is None or i + 1 != last or i == title_at:
            continue
        below = " ".join(facts[i + 1].tokens)
        name = m.group("name")
        if below.startswith((name, f"The {name}")):
            if kinds[i] is None:
                kinds[i], reasons[i] = RemovalKind.NAVIGATION, "header of an about block"
            kinds[i + 1], reasons[i + 1] = RemovalKind.OTHER, "about the company, below its header"


_ECHO_ROUNDS = 3


def _late_echoes(
    units: Sequence[Unit],
    facts: Sequence[UnitFacts],
    kinds: list[RemovalKind | None],
    reasons: list[str],
    title_at: int | None,
    *,
    first: tuple[list[int], dict[int, set[str]]],
) -> None:
    """Label captions the story's paragraphs restate once the other furniture is gone, in place.

    With the furniture between them gone, a caption may stand nearer the
    paragraph it restates; the check is repeated (a few rounds at most) on the
    story's remaining lines, so cleaning the clean text finds none left.
    `first` is the lines of the first check and their words: while the story
    holds the same lines, there is nothing new to find.
    """
    checked, words = first
    for _ in range(_ECHO_ROUNDS):
        # (Prose only, as before the runs were found: a line that is not prose restates nothing.)
        story = [i for i in range(len(units)) if kinds[i] is None and i != title_at and facts[i].prose]
        if story == checked:
            return
        checked = story
        # (The story's first line is left: taking it would open the page on what follows it.)
        found = restated(units, story, words) - set(story[:1])
        if not found:
            return
        for i in found:
            kinds[i], reasons[i] = RemovalKind.CREDIT, "caption restating the paragraph below"


# Small words a caption of names and places is joined by ("Jane Roe and Min-jun Park in Seoul.").
_CAPTION_JOINERS = frozenset(
    {"and", "in", "at", "of", "the", "a", "an", "on", "with", "during", "near", "from", "for", "to", "&"}
)
_NAME_CAPTION_WORDS = range(4, 15)
_INITIALS_END = re.compile(r"(?:\b[A-Z]\.){2,4}$")


def _name_captions(
    facts: Sequence[UnitFacts], kinds: list[RemovalKind | None], reasons: list[str], title_at: int | None
) -> None:
    """Label a short sentence of names and places only in the story, in place: a picture's caption.

    "Sergei Shoigu and Kim Jong Un at Kim Il Sung Square.": every word capitalised or
    a small joining word, so no verb: no sentence of the story reads so.
    """
    for i, f in enumerate(facts):
        if kinds[i] is not None or i == title_at or len(f.tokens) not in _NAME_CAPTION_WORDS:
            continue
        text = " ".join(f.tokens)
        if not one_sentence(text) or any(q in text for q in _QUOTES) or _INITIALS_END.search(text):
            continue  # ("South Korean and U.S." is a sentence cut short at an abbreviation)
        words = [t.strip(".,;:()") for t in f.tokens]
        if all(w[:1].isupper() or w.casefold() in _CAPTION_JOINERS for w in words if w):
            kinds[i], reasons[i] = RemovalKind.CREDIT, "names and places only (a caption)"


_STANDFIRST_MAX_WORDS = 45
_HEADLINE_STYLE_WORDS = range(5, 15)
_HEADLINE_STYLE_STOPS = 0.2


def _headline_style(text: str, stopwords: frozenset[str]) -> bool:
    """Whether a one-sentence line is written as a headline: short, hardly a small word, no quotation."""
    tokens = text.split()
    return (
        len(tokens) in _HEADLINE_STYLE_WORDS
        and not any(q in text for q in _QUOTES)
        and ft.stop_density(tokens, stopwords) < _HEADLINE_STYLE_STOPS
    )
# What stands between a standfirst and the story: the picture and its credit, the byline, the date.
_ABOVE_STORY = frozenset({RemovalKind.CREDIT, RemovalKind.BYLINE})
# ... with the share buttons and labels around them.
_ABOVE_MAX = 4
_CREDITED = "credit at end"
_DATE_ONLY = "contact or timestamp"
_ALSO_ABOVE = frozenset({RemovalKind.SHARE, RemovalKind.NAVIGATION, RemovalKind.OTHER})


def _head_standfirst(
    units: Sequence[Unit],
    facts: Sequence[UnitFacts],
    kinds: list[RemovalKind | None],
    reasons: list[str],
    *,
    title_at: int | None,
    lexicon: Lexicon,
) -> None:
    """Label a standfirst set apart from the story by a picture or a byline, in place.

    Headline, one sentence, then the picture with its caption or the byline
    and date, then the story: the sentence is the standfirst. A lead paragraph
    with a picture set after it opens with its dateline ("SEOUL —"); a
    standfirst never does. A short sentence in headline style (few small
    words: "Hackers and bankers funding weapons programmes targeted.") above
    the story is a standfirst too. Only the first story line below the
    headline is read.
    """
    stopwords = lexicon.stopwords
    if title_at is None:
        return
    n = len(units)
    first = next((i for i in range(title_at + 1, n) if kinds[i] is None), None)
    if (
        first is None
        or not one_sentence(units[first].text)
        or len(units[first].text.split()) > _STANDFIRST_MAX_WORDS
        or md.dateline(units[first].text, lexicon=lexicon) is not None
    ):
        return
    after = first + 1
    while after < n and kinds[after] is not None:
        after += 1
    # The story goes on with a paragraph that reads as the story's wherever it stands
    # (not a bio-shaped line that would open the page once the standfirst is gone).
    if after >= n or not facts[after].prose or facts[after].edge_matched is not None:
        return
    if _headline_style(units[first].text, stopwords):
        kinds[first], reasons[first] = RemovalKind.OTHER, "standfirst in headline style"
        return
    between = {kinds[j] for j in range(first + 1, after)}
    # (One picture, its credit, a byline, a date: a longer run is a gallery set in the story.)
    if not between or not between <= _ABOVE_STORY | _ALSO_ABOVE or after - first - 1 > _ABOVE_MAX:
        return
    # (A bare time between entries is a live page's: "07:45" / entry / "07:41" / entry.)
    marks = [j for j in range(first + 1, after) if kinds[j] in _ABOVE_STORY and len(facts[j].tokens) > 1]
    # A caption alone after the first paragraph may be set in the story (a lead,
    # a map, the rest): the sentence is a standfirst when the byline or date
    # line comes after it, when a picture with its credit does ("...Image:
    # Agency/Pool"), or when it sits in the headline's block.
    bylined = any(kinds[j] is RemovalKind.BYLINE or reasons[j] == _CREDITED for j in marks)
    # (Below a byline naming the reporter, or a "Published:" line, the story has begun.)
    begun = any(
        kinds[j] is RemovalKind.BYLINE and reasons[j] != _DATE_ONLY for j in range(title_at + 1, first)
    )
    if marks and not begun and (bylined or units[first].block == units[title_at].block):
        kinds[first], reasons[first] = RemovalKind.OTHER, "standfirst above the picture or byline"


_CAPTION_MIN_WORDS = 8
_CAPTION_LABEL_WORDS = 4
_CREDIT_MAX_WORDS = 6


def _is_caption(units: Sequence[Unit], facts: Sequence[UnitFacts], i: int) -> bool:
    """Whether a unit is a photo caption: a long line, no sentence, beside a credit.

    The credit is bare ("Getty Images"), or (in the same block, no blank line
    between) a caption of its own with its credit: a picture's title line
    ("Air raid alarm lifted") or first caption line sits on it.
    """
    f = facts[i]
    if f.prose or len(f.tokens) < _CAPTION_LABEL_WORDS or f.key.endswith((":", "?")):
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(facts) or kind_of(facts[j]) is not RemovalKind.CREDIT:
            continue
        bare = len(facts[j].tokens) <= _CREDIT_MAX_WORDS
        if (bare and len(f.tokens) >= _CAPTION_MIN_WORDS) or (not bare and units[j].block == units[i].block):
            return True
    return False


_LABEL_WORDS = range(2, 6)


def _caption_label(units: Sequence[Unit], facts: Sequence[UnitFacts], i: int) -> bool:
    """Whether a few capitalised words sit right above a credited caption in its block ("Border Tensions")."""
    f = facts[i]
    if f.prose or len(f.tokens) not in _LABEL_WORDS or i + 1 >= len(facts) or ft.is_terminal(f.key):
        return False
    below = facts[i + 1]
    return (
        units[i].block == units[i + 1].block
        and kind_of(below) is RemovalKind.CREDIT
        and len(below.tokens) >= _CAPTION_MIN_WORDS
        and all(t[:1].isupper() for t in f.tokens)
    )


_SHOUTED_MIN_WORDS = 6


def _shouted_link(f: UnitFacts) -> bool:
    """A headline in capitals set between paragraphs: a link to another story, not a sub-heading.

    Sub-headings in capitals are a few words ("WHAT HAPPENS NEXT"), or a quotation
    ("“WE CAN MAKE A DEAL”"); a linked headline runs longer ("NORTH KOREA FIRES
    MISSILES AS ALLIES BEGIN DRILLS").
    """
    if f.prose or len(f.tokens) < _SHOUTED_MIN_WORDS:
        return False
    text = " ".join(f.tokens)
    if text[:1] in _QUOTES and text[-1:] in _QUOTES:
        return False
    return any(c.isalpha() for c in text) and text.upper() == text and text.lower() != text


def _author_box(
    facts: Sequence[UnitFacts],
    kinds: list[RemovalKind | None],
    reasons: list[str],
    title_at: int | None,
    lexicon: Lexicon,
) -> None:
    """Label an author box closing the story, in place: a name, then a bio naming them short.

    "JANE ROE" / "Roe covers North and South Korea for Example News.": the bio
    opens with a word of the name and a bio verb, and holds an occupation word.
    """
    last = next((j for j in range(len(facts) - 1, -1, -1) if kinds[j] is None and j != title_at), None)
    if last is None or last < 1 or kinds[last - 1] is not None or last - 1 == title_at:
        return
    bio, name = facts[last], facts[last - 1]
    if not _is_name(name) or len(bio.tokens) < 3 or not bio.prose:
        return
    subject = bio.tokens[0].casefold()
    occupation = lexicon.occupation_pattern
    if (
        subject in {t.casefold() for t in name.tokens}
        and bio.tokens[1] in lexicon.bio_verbs
        and occupation is not None
        and occupation.search(" ".join(bio.tokens).casefold()) is not None
    ):
        kinds[last - 1], reasons[last - 1] = RemovalKind.BYLINE, "name above the author's bio"
        kinds[last], reasons[last] = RemovalKind.AUTHOR_BIO, "author bio under the name"


_PROMPT_MAX_WORDS = 60
_PROMPT = "in a subscription prompt"
_CALLS = frozenset({"prefix", "pattern"})
_QUOTES = '"“”«»'


def _prompt_tail(
    blocks: Sequence[int],
    facts: Sequence[UnitFacts],
    kinds: list[RemovalKind | None],
    reasons: list[str],
    *,
    title_at: int | None,
    lexicon: Lexicon,
) -> None:
    """Label the pitch of paywall and membership prompts after the story as advert, in place.

    A prompt is a block of calls to action ("Subscribe now", "Already a member?
    Sign in", "Support us") with some sentences of pitch. Walking up the page's
    blocks from its end, a block is a prompt when it holds a call to action
    and each of its other unlabelled units either follows the first call, or
    is a short sentence speaking to the reader or of journalism ("Before you
    move on ...", "quality journalism is ...") outside quotation marks. The
    walk stops at the first other block holding a unit of the story, and never
    takes the block of the story's first paragraph.
    """
    n = len(facts)
    first = next((j for j in range(n) if kinds[j] is None and j != title_at), n)
    end = n
    while end > first:
        start = end - 1
        while start > 0 and blocks[start - 1] == blocks[end - 1]:
            start -= 1
        members = [j for j in range(start, end) if j != title_at]
        body = [j for j in members if kinds[j] is None]
        if body:
            prompt = start > first and _is_prompt(
                body, facts, kinds, reasons, members=members, lexicon=lexicon
            )
            if not prompt:
                return
            for j in body:
                kinds[j], reasons[j] = RemovalKind.ADVERT, _PROMPT
        end = start


def _is_prompt(
    body: Sequence[int],
    facts: Sequence[UnitFacts],
    kinds: Sequence[RemovalKind | None],
    reasons: Sequence[str],
    *,
    members: Sequence[int],
    lexicon: Lexicon,
) -> bool:
    """Whether a block (its units `members`, the unlabelled ones `body`) is a subscription prompt."""
    calls = [j for j in members if kinds[j] is RemovalKind.ADVERT and reasons[j] in _CALLS]
    if not calls:
        return False
    for j in body:
        f = facts[j]
        if j > calls[0]:
            if len(f.tokens) > _PROMPT_MAX_WORDS:
                return False
            continue
        if not f.prose or len(f.tokens) > _PROMPT_MAX_WORDS:
            return False
        text = " ".join(f.tokens)
        if any(q in text for q in _QUOTES):
            return False
        words = {w.strip(".,;:!?()’'").casefold() for w in f.tokens}
        if lexicon.appeal_words.isdisjoint(words):
            return False
    return True


def _near_title(key: str, title_keys: set[str]) -> bool:
    """Whether a line is the headline, possibly with the site's name around it."""
    return any(key == t or (len(t) >= 12 and t in key and len(t) >= 0.5 * len(key)) for t in title_keys)


def _edge_kind(f: UnitFacts, *, after_body: bool) -> tuple[RemovalKind, str]:
    n = len(f.tokens)
    if n >= 4 and ft.title_case_ratio(f.tokens) >= 0.5 and not ft.is_terminal(" ".join(f.tokens)):
        return RemovalKind.RELATED, "headline-like line outside the story"
    where = "after" if after_body else "before"
    return RemovalKind.NAVIGATION, f"short line {where} the story"


def _find_title(
    units: Sequence[Unit],
    facts: Sequence[UnitFacts],
    head: int,
    *,
    title: str | None,
    slug: Sequence[str],
    skip: set[int],
    lexicon: Lexicon,
) -> int | None:
    """The index of the page's headline.

    The metadata title, else the head line the address's words spell, a
    repeated line, or the last candidate; never a unit of `skip`.
    """
    n = len(units)
    stopwords = lexicon.stopwords
    blocks = [u.block for u in units]
    limit = min(n, head)
    if title is not None:
        key = phrase_key(title)
        for i in range(limit):
            if facts[i].key == key:
                return i
        return None
    candidates = [
        i
        for i in range(limit)
        if i not in skip
        and _title_shaped(facts[i], stopwords)
        # "Jane Roe and Min-jun Park" above a date line is a byline.
        and not (_is_name(facts[i]) and i + 1 < n and kind_of(facts[i + 1]) is RemovalKind.BYLINE)
    ]
    if not candidates:
        return None
    if slug:  # (the headline stands near the story: the last candidates are enough)
        near = candidates[-_SLUG_REACH:]
        # A breadcrumb spells the address's folders ("/national/north-korea/"), not its headline.
        near = [i for i in near if not _breadcrumb(facts[i])] or near
        score, best = max((slug_match(units[i].text, slug), -i) for i in near)
        if score >= _SLUG_MATCH:
            return -best
    seen: dict[str, int] = {}
    for i in candidates:
        if facts[i].key in seen:
            return seen[facts[i].key]
        seen[facts[i].key] = i
    # A headline sits right above the story, possibly with bylines, dates,
    # credits and share buttons in between, and possibly with a standfirst: a
    # longer headline-shaped line right below it. A link list ("Trending") may
    # come before it: its items share the header's block, the headline does not.
    last = candidates[-1]
    # A short label below the byline (a tag, a section name), or a line below
    # the byline and the share buttons (a video's title), is not the headline:
    # the headline-shaped line above that byline is.
    while len(candidates) > 1 and _below_byline(facts, candidates[-2], last):
        candidates.pop()
        last = candidates[-1]
    # A lone short sentence below the byline ("Well, it's official.") opens the
    # story: the page's headline, if any, stood above the byline.
    if len(candidates) == 1 and _story_opener(facts, last):
        return None
    # (A comments link among the share buttons opens no list above the story.)
    headers = [j for j in range(last) if is_header(facts[j]) and kind_of(facts[j]) is RemovalKind.RELATED]
    if headers and blocks[last] == blocks[headers[-1]]:
        return None
    floor = blocks[headers[-1]] if headers else -1
    cluster = [last]
    for j in range(last - 1, -1, -1):
        if blocks[j] <= floor:
            break
        if j in candidates:
            cluster.append(j)
        elif facts[j].matched is None:
            break
    # A section's label, a breadcrumb or a series' name above or below the
    # headline (a section's name, "World / Asia", a series' title) is no
    # headline beside a longer headline-shaped line.
    labels = {j for j in cluster if _label(facts[j], lexicon)}
    if any(j not in labels and _words(facts[j]) >= _HEADLINE_MIN_WORDS for j in cluster):
        cluster = [j for j in cluster if j not in labels]
    best = cluster[0]
    for j in cluster[1:]:
        if not (_is_standfirst(facts[best], facts[j], stopwords) or _second_deck(units, facts, j, best)):
            break
        best = j
    if best == cluster[0] and len(cluster) == 2 and _short_deck(facts, cluster[1], best):
        return cluster[1]
    return best


# A headline-shaped line this much shorter than the line right above it is that line's deck.
_SHORT_DECK_RATIO = 1.3


def _short_deck(facts: Sequence[UnitFacts], above: int, at: int) -> bool:
    """Whether the headline-shaped line `at`, right under `above`, is its deck or its tags.

    "Seoul warns of a stern response" under a headline a third longer or more,
    or a line of topic tags under it: the headline is the longer line above.
    (A longer line under a shorter one is the headline under a site's tagline.)
    """
    return at == above + 1 and _words(facts[above]) >= _SHORT_DECK_RATIO * _words(facts[at])


_DECK_HEAD_MIN_WORDS = 5
# A line of this many words or fewer beside a longer headline is a label; a
# breadcrumb of this many words or fewer, in two parts, is one too.
_SIDE_LABEL_WORDS = 3
_BREADCRUMB_WORDS = 6
_SECTION_LABEL_WORDS = 5
_HEADLINE_MIN_WORDS = 6
# One separator between a section and its subsection ("World / Asia", "NATIONAL > North Korea").
_CRUMB = re.compile(r"(?<=\S) [|>»›/] (?=\S)")


def _words(f: UnitFacts) -> int:
    """How many words a line has: separators and ampersands are none."""
    return sum(1 for t in f.tokens if any(c.isalnum() for c in t))


def _breadcrumb(f: UnitFacts) -> bool:
    """Whether a line is a section and its subsection, or a name and its section ("Jane Roe | Analysis")."""
    text = " ".join(f.tokens)
    return _words(f) <= _BREADCRUMB_WORDS and len(_CRUMB.findall(text)) == 1 and not ft.is_terminal(text)


def _label(f: UnitFacts, lexicon: Lexicon) -> bool:
    """Whether a line is a label beside a headline.

    A breadcrumb, a few words, or a few capitalised words naming a section
    ("Korean Peninsula Security Watch", "INTER-KOREAN AFFAIRS").
    """
    n = _words(f)
    if n <= _SIDE_LABEL_WORDS or _breadcrumb(f):
        return True
    if n > _SECTION_LABEL_WORDS or ft.title_case_ratio(f.tokens) < 1.0 or ft.is_terminal(f.key):
        return False
    return any(phrase_key(t) in lexicon.section_keys for t in f.tokens)


def _second_deck(units: Sequence[Unit], facts: Sequence[UnitFacts], above: int, at: int) -> bool:
    """Whether the headline-shaped line `at` is a second deck right under the headline `above`.

    Two headlines in title case, line after line in one block, above the
    byline: the first is the headline ("N. Korea Claims Nuclear Test"), the
    second its deck ("Seismologists in the South Record an Unusual Tremor").
    """
    a, b = facts[above], facts[at]
    return (
        at == above + 1
        and units[above].block == units[at].block
        and min(len(a.tokens), len(b.tokens)) >= _DECK_HEAD_MIN_WORDS
        and ft.title_case_ratio(a.tokens) >= 0.5
        and ft.title_case_ratio(b.tokens) >= 0.5
        and at + 1 < len(facts)
        and kind_of(facts[at + 1]) is RemovalKind.BYLINE
    )


_WIDGETS = frozenset({RemovalKind.SHARE, RemovalKind.ADVERT})
_OPENER_MAX_WORDS = 8


def _story_opener(facts: Sequence[UnitFacts], i: int) -> bool:
    """Whether a short sentence below a byline opens the story ("Well, it's official.").

    A headline ending in "U.S." is no sentence: its full stop is the abbreviation's.
    """
    f = facts[i]
    text = " ".join(f.tokens)
    return (
        f.matched is None
        and len(f.tokens) <= _OPENER_MAX_WORDS
        and ft.is_terminal(text)
        and _INITIALS_END.search(text) is None
        and any(kind_of(facts[j]) is RemovalKind.BYLINE for j in range(i))
    )


def _below_byline(facts: Sequence[UnitFacts], above: int, at: int) -> bool:
    """Whether the headline-shaped line `at` is a label or a widget's title below the byline under `above`."""
    bylines = [j for j in range(above + 1, at) if kind_of(facts[j]) is RemovalKind.BYLINE]
    if not bylines:
        return False
    return len(facts[at].tokens) <= _LABEL_MAX_WORDS or any(
        kind_of(facts[j]) in _WIDGETS for j in range(bylines[0] + 1, at)
    )


def _is_standfirst(line: UnitFacts, above: UnitFacts, stopwords: frozenset[str]) -> bool:
    """Whether `line` reads as the standfirst of the headline-shaped line `above`.

    Much longer, or longer and written as a sentence where the headline is
    telegraphic: a standfirst without its full stop ("According to the
    minister, the sides discussed ...") has more small words than its headline.
    """
    n, m = len(line.tokens), len(above.tokens)
    if m <= 3:
        return False
    if n >= 12 and n >= 1.2 * m:
        return True
    if n <= m or n < _PROSE_DECK_MIN_WORDS:
        return False
    density = ft.stop_density(line.tokens, stopwords)
    headline = ft.stop_density(above.tokens, stopwords)
    return density >= _PROSE_DECK_DENSITY and density >= headline + _DENSITY_MARGIN


_PROSE_DECK_MIN_WORDS = 8
_PROSE_DECK_DENSITY = 0.3
_DENSITY_MARGIN = 0.1
