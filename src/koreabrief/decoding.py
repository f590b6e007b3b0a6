"""Bytes to text: UTF-8 first, then what the bytes themselves say (BOMs, NUL patterns,
charset-normalizer's detection), with every fallback reported.

Crawlers hand over whatever a server sent: UTF-8 with a few Windows-1252 quotes
pasted in, a Korean page in CP949/EUC-KR, UTF-16 from a Windows export. Each is
read as what it is, and the warnings say how, so that no byte is lost silently.
"""

from __future__ import annotations

import codecs
import re
import threading

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from koreabrief.errors import LoadError

__all__ = ["decode", "decode_declared", "sniff_charset"]

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_HIGH_PAIR = re.compile(rb"[\x80-\xff]{2}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Hangul syllables and jamo, CJK punctuation, kana, CJK ideographs, full-width forms.
_CJK = re.compile(r"[\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff5e]")
_CP1252_PUNCTUATION = frozenset({0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97})
# The detector's names for the Korean code pages; CP949 is EUC-KR's superset (it adds the
# 8,822 syllables EUC-KR lacks), so text detected as either decodes as CP949.
_SUPERSETS = {"euc_kr": "cp949", "ks_c_5601_1987": "cp949", "gb2312": "gb18030", "gbk": "gb18030"}
_LABELS = {"cp949": "CP949 (Korean, EUC-KR)", "gb18030": "GB18030 (Chinese)", "shift_jis": "Shift JIS"}


class _Repairs(threading.local):
    """What the ``koreabrief-utf8`` error handler did during one decode (per thread)."""

    cp1252 = 0
    replaced = 0


_REPAIRS = _Repairs()


def _cp1252_or_replace(err: UnicodeError) -> tuple[str, int]:
    # A run of bytes that is not UTF-8 but holds a Windows-1252 quote, dash or
    # ellipsis (and no other C1-range byte, which a truncated UTF-8 sequence such
    # as E2 80 would) is text pasted from a cp1252 page: read it as cp1252.
    # Anything else becomes U+FFFD, as "replace" does.
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    c1 = [b for b in bad if 0x80 <= b <= 0x9F]
    if c1 and all(b in _CP1252_PUNCTUATION for b in c1):
        text = bytes(bad).decode("cp1252", errors="replace")
        if "\ufffd" not in text:
            _REPAIRS.cp1252 += len(bad)
            return text, err.end
    _REPAIRS.replaced += len(bad)
    return "\ufffd", err.end


codecs.register_error("koreabrief-utf8", _cp1252_or_replace)


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes to text, honouring BOMs; return the text and any warnings.

    UTF-8 is assumed; UTF-16 is recognised by its BOM or by its NUL-byte
    pattern; bytes that are not UTF-8 are handed to charset-normalizer, and a
    multi-byte code page it finds (CP949/EUC-KR, GB18030, Shift JIS ...) is
    used; otherwise single-byte text is read as Windows-1252, and other bytes
    that do not decode are replaced (U+FFFD). Every fallback is reported in
    the returned warnings.

    Raises:
        LoadError: The bytes look binary (NUL bytes that are not UTF-16).

    Examples:
        >>> import koreabrief as kb
        >>> kb.loaders.decode("Seoul".encode("utf-16"))
        ('Seoul', ())
        >>> kb.loaders.decode("Korea’s \\xff".encode()[:-2] + b"\\xff")[1]
        ('undecodable bytes replaced with U+FFFD (1 bytes)',)
        >>> kb.loaders.decode("Café".encode("latin-1"))
        ('Café', ('not valid UTF-8: decoded as Windows-1252',))
        >>> kb.loaders.decode("합동참모본부가 밝혔다.".encode("euc-kr"))
        ('합동참모본부가 밝혔다.', ('not valid UTF-8: decoded as CP949 (Korean, EUC-KR)',))
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_utf8(data[3:])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, "utf-16")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            encoding = _detected_utf16(data)
            if encoding is None:
                raise LoadError("binary content (NUL bytes)")
        return _decode_utf16(data, encoding)
    return _decode_utf8(data)


def decode_declared(data: bytes, charset: str | None) -> tuple[str, tuple[str, ...]]:
    """Decode bytes with the charset a page or server declared, else as [`decode`][koreabrief.loaders.decode].

    A declared charset is trusted only when the bytes decode under it without
    error: servers and ``<meta charset>`` tags are often wrong.

    Examples:
        >>> import koreabrief as kb
        >>> kb.loaders.decode_declared("북한".encode("euc-kr"), "euc-kr")
        ('북한', ())
        >>> kb.loaders.decode_declared(b"Seoul", "no-such-charset")
        ('Seoul', ())
    """
    if charset:
        name = charset.strip().strip("\"'").lower()
        try:
            name = _SUPERSETS.get(codecs.lookup(name).name.replace("-", "_"), name)
            return data.decode(name), ()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for `data`, as a Python codec name."""
    match = from_bytes(data[:200_000]).best()
    if match is None:
        return None
    return _SUPERSETS.get(match.encoding, match.encoding)


def _detected_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM in a script other than Latin (Hangul, say), as the detector sees it.

    Taken only for text of some length that decodes to printable characters:
    binary data holds NUL bytes too.
    """
    detected = _detect(data) if len(data) >= 16 else None
    if detected is None or not detected.startswith("utf_16"):
        return None
    encoding = detected.replace("_", "-")
    text = data.decode(encoding, errors="replace")
    printable = sum(1 for c in text if c.isprintable() or c.isspace())
    return encoding if printable >= 0.95 * len(text) else None


def _detected_multibyte(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """`data` decoded with a multi-byte code page the detector finds, or None.

    Only a multi-byte verdict is taken: a single-byte code page decodes any bytes
    at all, so the detector choosing one says little, and Windows-1252 (the
    usual case in English news) is handled without it. Korean, Chinese and
    Japanese text come as runs of high bytes (two a character); Windows-1252
    text has its accents and dashes alone between ASCII letters ("word—and"),
    which CP949 would also read, as syllables: such bytes are not asked about.
    """
    high = len(_HIGH_BYTE.findall(data))
    if 2 * len(_HIGH_PAIR.findall(data)) < 0.9 * high:
        return None
    encoding = _detect(data)
    if encoding is None or encoding.startswith("utf") or not is_multi_byte_encoding(encoding):
        return None
    label = _LABELS.get(encoding, encoding.upper().replace("_", "-"))
    notes = [f"not valid UTF-8: decoded as {label}"]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        notes.append(f"undecodable {label} bytes replaced with U+FFFD ({text.count(chr(0xFFFD))} characters)")
    # A multi-byte code page decodes Latin text into stray syllables or half-width
    # kana as well: its reading counts only when it yields mostly whole CJK text.
    wide = len(_CJK.findall(text))
    if wide < 0.6 * len(_NON_ASCII.findall(text)):
        return None
    return text, tuple(notes)


def _decode_utf8(data: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if not _UTF8_MULTIBYTE.search(data):
        # No UTF-8 sequence at all: a single-byte page (Latin-1 or Windows-1252)
        # sent as UTF-8, unless the detector sees a multi-byte code page.
        detected = _detected_multibyte(data) if len(_HIGH_BYTE.findall(data)) > 1 else None
        if detected is not None:
            return detected
        # Windows-1252 is Latin-1's superset for printable text.
        text = data.decode("cp1252", errors="replace")
        return text, ("not valid UTF-8: decoded as Windows-1252",)
    _REPAIRS.cp1252 = _REPAIRS.replaced = 0
    text = data.decode("utf-8", errors="koreabrief-utf8")
    cp1252, replaced = _REPAIRS.cp1252, _REPAIRS.replaced
    if replaced and text.count("\ufffd") > 2 * (len(_NON_ASCII.findall(text)) - text.count("\ufffd")):
        # Mostly bytes that are neither UTF-8 nor stray Windows-1252 punctuation
        # (CP949 Korean reads as UTF-8 in about one pair in ten): perhaps the
        # whole text is in a Korean (or other multi-byte) code page.
        detected = _detected_multibyte(data)
        if detected is not None:
            return detected
    problems = []
    if cp1252:
        problems.append(f"bytes not valid UTF-8 read as Windows-1252 ({cp1252} bytes)")
    if replaced:
        problems.append(f"undecodable bytes replaced with U+FFFD ({replaced} bytes)")
    return text, tuple(problems)


def _decode_utf16(data: bytes, encoding: str) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode(encoding), ()
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace"), (
            f"undecodable {encoding} bytes replaced with U+FFFD",
        )


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-range text in UTF-16 has a NUL in (nearly) every high byte.
    if odd_nuls >= 0.6 * half and even_nuls <= 0.05 * half:
        return "utf-16-le"
    if even_nuls >= 0.6 * half and odd_nuls <= 0.05 * half:
        return "utf-16-be"
    return None


_META_CHARSET = re.compile(rb"(?i)<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]{1,40})")


def sniff_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 kB, if any.

    Examples:
        >>> import koreabrief as kb
        >>> kb.loaders.sniff_charset(b'<html><head><meta charset="euc-kr"></head>')
        'euc-kr'
        >>> kb.loaders.sniff_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">')
        'UTF-8'
    """
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None
