"""Page heads flattened into one line, and a wire's end mark glued to the last line.

Search indexes and some scrapers store a page's head as one line after their
date stamp: the picture's caption and credit, the headline, the date line and
the reporter's address run together ("... | Jane Roe/AFP via Getty Images
Seoul Rejects Talks Offer ..."; "SEOUL REJECTS TALKS News Today Updated
2025.01.06 (15:13)"). That line is cut where one piece of furniture visibly
ends and the next begins, so each piece is classified on its own:

* after a picture credit ("via Getty Images", "/AFP") when a capital follows;
* before a picture label ("Image Source :", "Photo:");
* around a date line ("July 20, 2025 08:05.", "Updated 2025.01.06 (15:13)");
* before a closing e-mail address;
* after a headline in capitals when words in lower case follow;
* after the headline the article's address spells, when a capital follows.

Separately, a wire's end mark glued to the last paragraph ("... and Canada.
(end) ab.cd") is cut off it. Every piece keeps its offsets in raw.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from koreabrief.cleaning.lexicon import Lexicon
from koreabrief.cleaning.metadata import dateline_end
from koreabrief.cleaning.normalise import INVISIBLE, Line, normalise
from koreabrief.cleaning.slug import slug_match

__all__ = ["split_end_mark", "split_head"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_CLOCK = r"\(?\d{1,2}:\d\d(?::\d\d)?\)?(?:\s?[AaPp]\.?[Mm]\.?)?"
_DAY = (
    rf"(?:(?:19|20)\d\d[-./]\s?\d{{1,2}}[-./]\s?\d{{1,2}}\.?|{_MONTH}\s\d{{1,2}},?\s(?:19|20)\d\d"
    rf"|\d{{1,2}}\s{_MONTH},?\s(?:19|20)\d\d)"
)
_LABEL = r"(?:(?:입력|수정|기사입력|최종수정|(?i:updated|published|posted|last updated))\s?:?\s)"
# One date line, or several side by side ("입력 2025.01.06 (15:13) 수정 2025.01.06 (16:45)").
_DATE_LINE = rf"{_LABEL}?{_DAY}(?:\s{_CLOCK})?\.?"
_DATE_RUN = re.compile(rf"{_DATE_LINE}(?:\s{_DATE_LINE}){{0,3}}")
_CREDIT_END = re.compile(
    r"(?:via\sGetty\sImages|Getty\sImages|via\s(?:AP|AFP|Reuters|EPA|Yonhap)|/(?:AFP|AP|Reuters|EPA|Yonhap|Xinhua))"
    r"(?=\s[A-Z“‘\"'])"
)
_CREDIT_MARKS = re.compile(r"[|/]")
_PICTURE_LABEL = re.compile(r"\s(?=(?:Image\sSource|Image|Photo|Picture)\s?:\s)")
_EMAIL_END = re.compile(r"\s[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}\.?\s*$")


def _date_line_starts(segment: str, m: re.Match[str]) -> bool:
    """Whether the date run `m` opens a date line: a label, a full stop or a capitalised word before it."""
    before = segment[: m.start()].rstrip()
    if not before or _LABEL_RE.match(m.group()):
        return True
    last = before.rsplit(None, 1)[-1]
    return last[-1] in '.!?”"’)' or last[:1].isupper()


_LABEL_RE = re.compile(_LABEL)
# A headline in capitals (three words at least, no lower case) before a word that has some.
_CAPS_HEAD = re.compile(r"[^a-z\n]{12,300}?(?=\s[A-Z][a-z])")
_CAPS_MIN_WORDS = 3
_WORD = re.compile(r"\S+")
_SLUG_CUT = 0.9
_REST_MIN_WORDS = 6
_MIN_PIECE = 2


def split_head(raw: str, lines: list[Line], first: int, slug: Sequence[str] = ()) -> None:
    """Cut the flattened page head at `lines[first]` into its pieces, in place.

    Examples:
        >>> from koreabrief.cleaning.normalise import split_lines
        >>> raw = "Seoul Rejects Talks Offer July 20, 2025 08:05. jroe@example.com"
        >>> lines = split_lines(raw)
        >>> split_head(raw, lines, 0)
        >>> [line.text for line in lines]
        ['Seoul Rejects Talks Offer', 'July 20, 2025 08:05.', 'jroe@example.com']
    """
    line = lines[first]
    segment = raw[line.start : line.end]
    if len(segment) > _MAX_HEAD:
        return
    cuts = {0, len(segment)}
    email = _EMAIL_END.search(segment)
    tail = email.start() if email is not None else len(segment)
    cuts.add(tail)
    for m in _DATE_RUN.finditer(segment):
        # Only a date line closing the head: a date followed by more text is a
        # dateline's ("Beijing, 20 June 2025 (dpa) – ...") or the story's own,
        # and so is one a sentence runs into ("... the ministry said on June 20, 2025.").
        if not segment[m.end() : tail].strip() and _date_line_starts(segment, m):
            cuts.update((m.start(), m.end()))
    # A credit ends a caption set apart by a bar or a slash ("... | Jane Roe/AFP via
    # Getty Images"); "footage released via AP Television" is a sentence's.
    cuts.update(
        m.end()
        for m in _CREDIT_END.finditer(segment)
        if _CREDIT_MARKS.search(segment, max(0, m.start() - 80), m.start() + 1)
    )
    cuts.update(m.end() for m in _PICTURE_LABEL.finditer(segment))
    caps = _CAPS_HEAD.match(segment)
    # (A dateline in capitals opens the story: "WASHINGTON (AP) — The ...".)
    if caps is not None and len(caps.group().split()) >= _CAPS_MIN_WORDS and not dateline_end(segment):
        cuts.add(caps.end())
    pieces = _pieces(segment, sorted(cuts))
    if slug:
        pieces = [cut for a, b in pieces for cut in _after_slug(segment, a, b, slug)]
    if len(pieces) < _MIN_PIECE:
        return
    lines[first : first + 1] = [
        Line(line.start + a, line.start + b, normalise(segment[a:b])) for a, b in pieces
    ]


# A flattened head is a few hundred characters; a longer first line is a story's paragraph.
_MAX_HEAD = 600


def _pieces(segment: str, cuts: list[int]) -> list[tuple[int, int]]:
    """The non-blank stretches between cuts, trimmed."""
    out: list[tuple[int, int]] = []
    for start, end in itertools.pairwise(cuts):
        a, b = start, end
        while a < b and (segment[a].isspace() or segment[a] in INVISIBLE):
            a += 1
        while b > a and (segment[b - 1].isspace() or segment[b - 1] in INVISIBLE):
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _after_slug(segment: str, a: int, b: int, slug: Sequence[str]) -> list[tuple[int, int]]:
    """The piece ``segment[a:b]`` cut after its first words when they spell the address's headline."""
    words = list(_WORD.finditer(segment, a, b))
    best, cut = 0.0, b
    # The rest must be a passage of its own (a standfirst), not the headline's last words.
    for k in range(len(slug) - 1, min(len(words) - _REST_MIN_WORDS, 3 * len(slug)) + 1):
        if not words[k].group()[:1].isupper():
            continue
        score = slug_match(segment[a : words[k - 1].end()], slug)
        if score >= _SLUG_CUT and score > best:
            best, cut = score, words[k - 1].end()
    if best == 0.0:
        return [(a, b)]
    return [(a, cut), (_skip_space(segment, cut, b), b)]


def _skip_space(segment: str, pos: int, end: int) -> int:
    """The first non-space position at or after `pos` (before `end`)."""
    while pos < end and segment[pos].isspace():
        pos += 1
    return pos


# A paragraph signed by its wire is the story's; a shorter line is a caption with its credit.
_SIGNED_MIN_WORDS = 20
# "(end)", "(END) ab.cd", "-- END --" closing a wire's last paragraph, or the
# wire's name signing it off: "... the ministry said. (Agency)".
_END_MARK = re.compile(
    r"(?<=[.!?”\"’)])\s{1,4}(?:\((?i:end)\)(?:\s[\w./]{1,12})?|--\s?(?i:end)\s?--"
    r"|\((?P<wire>[A-Z][\w .&/-]{1,30})\))\s*$"
)


def split_end_mark(raw: str, lines: list[Line], lexicon: Lexicon) -> None:
    """Cut a wire's end mark or sign-off off the page's last line, in place.

    Examples:
        >>> from koreabrief.cleaning.lexicon import default_lexicon
        >>> from koreabrief.cleaning.normalise import split_lines
        >>> raw = "Seoul said no. The talks are over. (END) ab.cd"
        >>> lines = split_lines(raw)
        >>> split_end_mark(raw, lines, default_lexicon())
        >>> [line.text for line in lines]
        ['Seoul said no. The talks are over.', '(END) ab.cd']
        >>> last = ("Seoul will not take part in the talks set for next week in Geneva, "
        ...         "the ministry said in a statement.")
        >>> lines = split_lines(last + " (Yonhap)")
        >>> split_end_mark(last + " (Yonhap)", lines, default_lexicon())
        >>> [line.text for line in lines] == [last, "(Yonhap)"]
        True
    """
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].text), None)
    if last is None:
        return
    line = lines[last]
    segment = raw[line.start : line.end]
    m = _END_MARK.search(segment, max(0, len(segment) - 40))
    if m is None or m.start() == 0:
        return
    if m.group("wire") is not None and (
        lexicon.outlet_named(m.group("wire")) is None  # "(R)", "(in Korean)": no wire's name
        or segment.count(" ", 0, m.start()) + 1 < _SIGNED_MIN_WORDS  # a caption's credit
    ):
        return
    mark = _skip_space(segment, m.start(), len(segment))
    lines[last : last + 1] = [
        Line(line.start, line.start + m.start(), normalise(segment[: m.start()])),
        Line(line.start + mark, line.end, normalise(segment[mark:])),
    ]
