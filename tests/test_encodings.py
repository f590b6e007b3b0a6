"""Encodings from the wild: what the loader and the cleaner make of broken or mislabelled bytes.

Each test writes bytes to a file and loads it, as a crawler's output would be
loaded. A decoding fallback must be reported on `Article.warnings`; nothing
may raise but a `KoreabriefError`, and a skipped file is a `KoreabriefWarning`.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.loaders import decode

ENGLISH = "North Korea’s missile flew about 1,100 km, Seoul’s military said on Monday — “a provocation”."
KOREAN = "북한이 월요일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다."
ACCENTED = "Café owners in Séoul — “naïve” or not — said the déjà-vu was real."


def _load_one(tmp_path: Path, data: bytes, name: str = "page.txt") -> kb.Article:
    path = tmp_path / name
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", kb.KoreabriefWarning)
        (article,) = list(kb.load(path))
    return article


def _body(article: kb.Article) -> str:
    return " ".join(article.text.split())


class TestUtf8:
    def test_plain_utf8_untouched(self, tmp_path: Path) -> None:
        """Valid UTF-8 loads verbatim with no warning."""
        a = _load_one(tmp_path, ENGLISH.encode())
        assert (a.raw, a.warnings) == (ENGLISH, ())

    def test_utf8_bom_dropped(self, tmp_path: Path) -> None:
        """A UTF-8 byte-order mark is not part of the raw text."""
        a = _load_one(tmp_path, b"\xef\xbb\xbf" + ENGLISH.encode())
        assert a.raw == ENGLISH

    @pytest.mark.parametrize(
        "bad", [b"\xff", b"\xc3", b"\xe2\x80", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\xaf"]
    )
    def test_invalid_bytes_replaced_and_reported(self, tmp_path: Path, bad: bytes) -> None:
        """Invalid or truncated UTF-8 sequences become U+FFFD, the rest survives, and a warning says so."""
        data = ENGLISH.encode() + b" " + bad + b" " + ENGLISH.encode()
        a = _load_one(tmp_path, data)
        assert a.raw.count(ENGLISH) == 2
        assert "\ufffd" in a.raw
        assert any("U+FFFD" in w for w in a.warnings)

    def test_replacement_characters_stay_visible_in_body(self, tmp_path: Path) -> None:
        """A replaced byte inside a sentence stays in the body: nothing is silently dropped."""
        a = _load_one(tmp_path, "Seoul’s military said ".encode() + b"\xff it would respond on Monday.")
        assert "\ufffd" in a.text


class TestUtf16:
    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
    @pytest.mark.parametrize("text", [ENGLISH, ACCENTED, ENGLISH + " " + KOREAN])
    def test_utf16_with_or_without_bom(self, tmp_path: Path, encoding: str, text: str) -> None:
        """UTF-16 text, with a BOM ("utf-16") or without one (LE/BE), mostly Latin script, decodes exactly."""
        a = _load_one(tmp_path, text.encode(encoding))
        assert a.raw == text
        assert a.warnings == ()

    @pytest.mark.parametrize(("bom", "encoding"), [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
    def test_korean_utf16_with_bom(self, tmp_path: Path, bom: bytes, encoding: str) -> None:
        """Korean text in UTF-16 with a BOM decodes exactly."""
        a = _load_one(tmp_path, bom + KOREAN.encode(encoding))
        assert a.raw == KOREAN

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
    def test_korean_utf16_without_bom(self, tmp_path: Path, encoding: str) -> None:
        """Korean (non-Latin) text in UTF-16 without a BOM is decoded, not refused as binary."""
        a = _load_one(tmp_path, KOREAN.encode(encoding))
        assert a.raw == KOREAN

    def test_truncated_utf16_reported(self, tmp_path: Path) -> None:
        """UTF-16 cut in the middle of a code unit keeps the text and warns."""
        data = ENGLISH.encode("utf-16")[:-1]
        a = _load_one(tmp_path, data)
        assert a.raw.startswith(ENGLISH[:-1])
        assert a.warnings


class TestSingleByte:
    @pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
    def test_accented_text_mislabelled_as_utf8(self, tmp_path: Path, encoding: str) -> None:
        """Latin-1 text without curly quotes sent as UTF-8 is read as Windows-1252, with a warning."""
        text = "Café owners in Séoul said the déjà-vu was real."
        a = _load_one(tmp_path, text.encode(encoding))
        assert a.raw == text
        assert any("Windows-1252" in w for w in a.warnings)

    def test_windows_1252_quotes_mislabelled_as_utf8(self, tmp_path: Path) -> None:
        """Windows-1252 curly quotes and dashes (0x91-0x97) come back as the characters meant."""
        text = "Seoul’s military said on Monday — “a provocation”."
        a = _load_one(tmp_path, text.encode("cp1252"))
        assert a.raw == text

    def test_windows_1252_accent_before_curly_quote(self, tmp_path: Path) -> None:
        """Windows-1252 text with an accent before a curly quote ("Café”") is not taken for UTF-8."""
        text = "Seoul’s military said on Monday — “a provocation at the café”."
        a = _load_one(tmp_path, text.encode("cp1252"))
        assert a.raw == text

    def test_stray_windows_1252_bytes_in_utf8(self, tmp_path: Path) -> None:
        """A UTF-8 page with a few Windows-1252 quote bytes pasted in keeps those quotes."""
        data = ENGLISH.encode() + b" Seoul\x92s reply was \x93no\x94."
        a = _load_one(tmp_path, data)
        assert "Seoul’s reply was “no”." in a.raw


class TestMojibake:
    MOJIBAKE = ENGLISH.encode("utf-8").decode("cp1252", errors="replace")

    def test_mojibake_is_kept_in_raw(self, tmp_path: Path) -> None:
        """Mojibake ("North Koreaâ€™s") is valid UTF-8: raw keeps it verbatim."""
        a = _load_one(tmp_path, self.MOJIBAKE.encode())
        assert a.raw == self.MOJIBAKE
        assert "â€™" in a.raw

    def test_mojibake_repaired_or_flagged(self, tmp_path: Path) -> None:
        """Mojibake is repaired in the body ("North Korea’s") or at least flagged on Article.warnings."""
        a = _load_one(tmp_path, self.MOJIBAKE.encode())
        repaired = "North Korea’s" in a.text and "â€" not in a.text
        flagged = any("mojibake" in w.lower() or "encoding" in w.lower() for w in a.warnings)
        assert repaired or flagged

    def test_clean_flags_mojibake(self) -> None:
        """kb.clean() on mojibake text repairs it or records a warning."""
        a = kb.clean("North Koreaâ€™s missile flew far, the military said on Monday.")
        assert "North Korea’s" in a.text or a.warnings


class TestJsonText:
    def test_lone_surrogate_escape_in_jsonl(self, tmp_path: Path) -> None:
        """A JSONL text with a lone surrogate escape ("\\ud800") gives an article writable as UTF-8."""
        path = tmp_path / "c.jsonl"
        path.write_text(json.dumps({"id": "s", "text": "Seoul said \ud800 no."}) + "\n", "utf-8")
        (a,) = list(kb.load(path))
        out = tmp_path / "out.jsonl"
        with out.open("w", encoding="utf-8") as stream:
            kb.write_jsonl([a], stream)
        assert "Seoul said" in out.read_text("utf-8")

    def test_jsonl_invalid_utf8_bytes(self, tmp_path: Path) -> None:
        """A JSONL line that is not UTF-8 loads as a text file would (here Windows-1252), with a warning."""
        path = tmp_path / "c.jsonl"
        path.write_bytes(b'{"id": "x", "text": "Seoul\xff said no."}\n')
        (a,) = list(kb.load(path))
        assert a.raw == "Seoul\xff said no."
        assert a.warnings[:1] == ("not valid UTF-8: decoded as Windows-1252",)

    def test_jsonl_broken_utf8_bytes_replaced(self, tmp_path: Path) -> None:
        """A truncated UTF-8 sequence in a JSONL string becomes U+FFFD and the record says so."""
        path = tmp_path / "c.jsonl"
        path.write_bytes('{"id": "x", "text": "Seoul’s '.encode() + b"\xe2\x80" + b' reply."}\n')
        (a,) = list(kb.load(path))
        assert "\ufffd" in a.raw
        assert any("U+FFFD" in w for w in a.warnings)


class TestDecodeNeverRaisesUnexpectedly:
    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"\x00",
            b"\xff\xfe",
            b"\xfe\xff\x00",
            b"\xef\xbb\xbf",
            b"\x00" * 100,
            bytes(range(256)),
            b"\x81\x8d\x8f\x90\x9d",
        ],
    )
    def test_odd_bytes(self, data: bytes) -> None:
        """decode() of odd byte strings returns text or raises LoadError, nothing else."""
        try:
            text, notes = decode(data)
        except kb.LoadError:
            return
        assert isinstance(text, str)
        assert isinstance(notes, tuple)


class TestKoreanCodePages:
    NEWS = (
        "북한이 11일 오전 평양 일대에서 동해상으로 대륙간탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다. "
        "군은 미국, 일본과 정보를 긴밀히 공유하고 있다고 덧붙였다."
    )

    @pytest.mark.parametrize("encoding", ["cp949", "euc-kr"])
    @pytest.mark.parametrize("prefix", ["", "SEOUL (Example) -- "])
    def test_korean_code_page_file(self, tmp_path: Path, encoding: str, prefix: str) -> None:
        """A CP949/EUC-KR file decodes to the Korean text, with a warning naming the code page."""
        a = _load_one(tmp_path, (prefix + self.NEWS).encode(encoding))
        assert a.raw == prefix + self.NEWS
        assert "\ufffd" not in a.raw
        assert any("CP949" in w for w in a.warnings)

    def test_cp949_line_among_utf8_jsonl(self, tmp_path: Path) -> None:
        """One CP949 record among UTF-8 ones is decoded on its own and says so."""
        lines = [
            json.dumps({"id": "u", "text": ENGLISH}, ensure_ascii=False).encode(),
            json.dumps({"id": "k", "text": self.NEWS}, ensure_ascii=False).encode("cp949"),
        ]
        path = tmp_path / "mixed.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        u, k = list(kb.load(path))
        assert (u.raw, u.warnings) == (ENGLISH, ())
        assert k.raw == self.NEWS
        assert any("CP949" in w for w in k.warnings)

    def test_cp949_json_array_keeps_its_warning(self, tmp_path: Path) -> None:
        """A .json file's decoding fallback reaches every record's warnings."""
        path = tmp_path / "a.json"
        path.write_bytes(json.dumps([{"text": self.NEWS}], ensure_ascii=False).encode("cp949"))
        (a,) = list(kb.load(path))
        assert a.raw == self.NEWS
        assert any("CP949" in w for w in a.warnings)

    @given(
        st.lists(st.from_regex(r"[“]?[A-Za-z]{1,8}[éè’—”]?[a-z]{0,4}[,.]?", fullmatch=True), max_size=60).map(
            " ".join
        )
    )
    def test_latin_text_never_read_as_cjk(self, text: str) -> None:
        """Words of Latin text (accents, curly quotes, dashes) in Windows-1252 or UTF-8 never read as CJK."""
        for data in (text.encode("utf-8"), text.encode("cp1252")):
            decoded, notes = decode(data)
            assert not any("CP949" in n or "Shift" in n or "GB" in n for n in notes)
            if data == text.encode("utf-8"):
                assert decoded == text
