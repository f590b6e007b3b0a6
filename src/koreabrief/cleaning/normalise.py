"""Text normalisation and splitting raw text into lines that keep their raw offsets."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ["Line", "mojibake", "normalise", "repair_mojibake", "split_lines"]

# Line breaks of every convention (a CRLF pair counts once), with any blank
# lines after them: a run of blank lines is one paragraph break. The space
# class and the break class are disjoint, so the repetition stays linear.
_BR = "(?:\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])"
_BREAKS = re.compile(f"{_BR}(?:[ \t\u00a0\u3000]{{0,200}}{_BR})*")

# Zero-width and invisible formatting characters that only get in the way of
# matching; joiners (U+200C/U+200D) are kept because some scripts need them.
_DROP = dict.fromkeys(
    [0x200B, 0x2060, 0xFEFF, 0x00AD, 0x180E]
    + [c for c in range(0x20) if c not in (0x09, 0x0A)]
    + list(range(0x7F, 0xA0))
    # Lone surrogates (from bad JSON escapes) cannot be written as UTF-8.
    + list(range(0xD800, 0xE000)),
)
# Non-breaking and typographic spaces become a plain space.
_SPACE = dict.fromkeys([0x09, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " ")
_TABLE = str.maketrans({**_DROP, **_SPACE})
_RUNS = re.compile(r" {2,}")

# UTF-8 read as Windows-1252 or Latin-1: "â€™" for ’, "Ã©" for é, "Â " for a
# no-break space. One pair of characters at a time: linear, no repetition.
_MOJIBAKE = re.compile(
    "â€[\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u2122\u0153\u0161\u017e\u0178]|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]"
)

#: Characters trimmed from the ends of a line before its raw offsets are taken.
INVISIBLE = "".join(chr(c) for c in (*_DROP, *_SPACE)) + " \n\r\u2028\u2029\x85"


def normalise(text: str) -> str:
    """Normalise one line: NFC, spaces unified, invisible characters dropped, runs collapsed.

    Curly quotes, dashes and every visible character are kept as written.

    Examples:
        >>> normalise("Seoul\\u00a0\\u00a0said\\u200b “no”\\x07 ")
        'Seoul said “no”'
    """
    if text.isascii() and text.isprintable():  # the common case: nothing to translate
        return _RUNS.sub(" ", text).strip() if "  " in text else text.strip()
    text = text.translate(_TABLE)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _RUNS.sub(" ", text).strip()


def mojibake(text: str) -> str | None:
    """The first sign that UTF-8 text was decoded as Windows-1252 (mojibake), if any.

    The cleaner reports it on `Article.warnings` rather than guessing a repair:
    the body only ever holds characters of `raw`.

    Examples:
        >>> mojibake("North Koreaâ€™s missile")
        'â€™'
        >>> mojibake("North Korea’s missile") is None
        True
    """
    # Every sequence starts with one of three characters: finding none of them
    # (a plain substring scan) is much cheaper than the pattern's search.
    if "â" not in text and "Ã" not in text and "Â" not in text:
        return None
    m = _MOJIBAKE.search(text)
    return m.group() if m else None


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 read as Windows-1252 ("â€™" -> "’", "Ã©" -> "é"); also the count repaired.

    Only the sequences `mojibake` finds are touched, each replaced by the one
    character its bytes spell in UTF-8; a sequence whose bytes are not UTF-8 is
    left as written. Text read wrongly more than once is repaired layer by
    layer, up to three layers (each a pass over the text: a bound, so that
    hostile text such as "ÂÂÂ…©", one layer per character, stays linear).

    Examples:
        >>> repair_mojibake("North Koreaâ€™s launch, the cafÃ© said")
        ('North Korea’s launch, the café said', 2)
        >>> repair_mojibake("North Korea’s launch")
        ('North Korea’s launch', 0)
    """
    total = 0
    for _ in range(_MAX_LAYERS):
        if mojibake(text) is None:
            break
        fixed = 0

        def undo(m: re.Match[str]) -> str:
            nonlocal fixed
            try:
                char = bytes(map(_cp1252_byte, m.group())).decode("utf-8")
            except (UnicodeDecodeError, ValueError):
                return m.group()
            fixed += 1
            return char

        text = _MOJIBAKE.sub(undo, text)
        if not fixed:  # every sequence left is not UTF-8: nothing more to undo
            break
        total += fixed
    return text, total


_MAX_LAYERS = 3


def _cp1252_byte(char: str) -> int:
    # The byte Windows-1252 writes `char` as (Latin-1 for its five holes).
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        if ord(char) < 0x100:
            return ord(char)
        raise ValueError(char) from None


class Line(NamedTuple):
    """One line of the raw text.

    A named tuple rather than an attrs class: pages have thousands of lines,
    and a tuple is the cheapest object to build and read.

    Attributes:
        start: Offset in raw of the first visible character.
        end: Offset in raw one past the last visible character.
        text: The normalised line ("" for a blank line).
    """

    start: int
    end: int
    text: str


# Any character that per-line normalisation would change, or that ends a line
# other than a line feed. Text without one (and already NFC) is split by a fast path
# where a line's text is the raw line with its spaces trimmed.
_SLOW = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted({*_DROP, *_SPACE}) if c != 0x0A) + "\u2028\u2029]"
)
# A line holding something other than spaces: its first visible character up
# to the end of the line (trailing spaces are trimmed apart).
_FILLED = re.compile(r"[^ \n][^\n]*")


def split_lines(raw: str) -> list[Line]:
    """Split raw text into lines, each with its trimmed offsets into `raw`.

    Blank lines between two lines are reported as one blank line; a blank
    line may also open or close the list.

    Examples:
        >>> [(x.start, x.end, x.text) for x in split_lines(" A\\r\\n\\r\\n\\nB ")]
        [(1, 2, 'A'), (2, 2, ''), (7, 8, 'B')]
    """
    if _SLOW.search(raw) is None and (raw.isascii() or unicodedata.is_normalized("NFC", raw)):
        return _split_plain(raw)
    return _split_any(raw)


def _split_any(raw: str) -> list[Line]:
    """`split_lines` for any text: every break convention, per-line normalisation."""
    lines: list[Line] = []
    pos = 0
    for m in _BREAKS.finditer(raw):
        lines.append(_line(raw, pos, m.start()))
        first = 2 if raw.startswith("\r\n", m.start()) else 1
        if m.end() - m.start() > first:  # more than one break: blank lines between
            lines.append(Line(m.start(), m.start(), ""))
        pos = m.end()
    lines.append(_line(raw, pos, len(raw)))
    return lines


def _split_plain(raw: str) -> list[Line]:
    """`split_lines` for NFC text whose only break is a line feed and only space a space."""
    lines: list[Line] = []
    last = 0
    for m in _FILLED.finditer(raw):
        start = m.start()
        if raw.count("\n", last, start) > (1 if lines else 0):
            lines.append(Line(last, last, ""))
        text = m.group()
        if text[-1] == " ":
            text = text.rstrip(" ")
        last = start + len(text)
        if "  " in text:
            text = _RUNS.sub(" ", text)
        lines.append(Line(start, last, text))
    if not lines or raw.find("\n", last) >= 0:
        lines.append(Line(last, last, ""))
    return lines


def _line(raw: str, start: int, end: int) -> Line:
    segment = raw[start:end]
    text = normalise(segment)
    if not text:
        return Line(start, start, "")
    left = len(segment) - len(segment.lstrip(INVISIBLE))
    right = len(segment.rstrip(INVISIBLE))
    return Line(start + left, start + right, text)
