"""Loaders: formats, laziness, metadata and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import warnings
from pathlib import Path

import pytest

import koreabrief as kb
from koreabrief.loaders import decode, parse_published

BODY = "North Korea fired a missile on Monday, the military said.\n\nThe launch drew condemnation."


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _load_all(*args: object, **kwargs: object) -> list[kb.Article]:
    return list(kb.load(*args, **kwargs))  # type: ignore[arg-type]


class TestFormats:
    def test_txt(self, tmp_path: Path) -> None:
        """A .txt file is one article whose id is the file stem."""
        _write(tmp_path / "launch.txt", BODY)
        (art,) = _load_all(tmp_path / "launch.txt")
        assert art.id == "launch"
        assert art.raw == BODY
        assert "fired a missile" in art.text

    def test_txt_gz(self, tmp_path: Path) -> None:
        """A .txt.gz file is decompressed; the id drops both suffixes."""
        _write(tmp_path / "launch.txt.gz", gzip.compress(BODY.encode()))
        (art,) = _load_all(tmp_path / "launch.txt.gz")
        assert art.id == "launch"
        assert art.raw == BODY

    def test_json_object_and_array(self, tmp_path: Path) -> None:
        """A .json file holds one object or an array of them."""
        rec = {"id": "a1", "published": "2025-01-06", "outlet": "Wire", "title": "T", "text": BODY}
        _write(tmp_path / "one.json", json.dumps(rec))
        _write(tmp_path / "many.json", json.dumps([rec, {**rec, "id": "a2"}]))
        (one,) = _load_all(tmp_path / "one.json")
        assert (one.id, one.outlet, one.published) == ("a1", "Wire", dt.date(2025, 1, 6))
        assert [a.id for a in _load_all(tmp_path / "many.json")] == ["a1", "a2"]

    def test_jsonl_and_gz(self, tmp_path: Path) -> None:
        """JSONL (plain or gzipped) yields one article per line; 'raw' is accepted for 'text'."""
        lines = [json.dumps({"id": f"r{i}", "raw": BODY}) for i in range(3)]
        _write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
        _write(tmp_path / "c2.jsonl.gz", gzip.compress("\n".join(lines).encode()))
        assert [a.id for a in _load_all(tmp_path / "c.jsonl")] == ["r0", "r1", "r2"]
        assert len(_load_all(tmp_path / "c2.jsonl.gz")) == 3

    def test_jsonl_without_id_gets_file_and_line(self, tmp_path: Path) -> None:
        """A record without an id is named after its file and line."""
        _write(tmp_path / "c.jsonl", json.dumps({"text": BODY}) + "\n")
        assert _load_all(tmp_path / "c.jsonl")[0].id == "c:1"

    def test_directory_recursive_sorted(self, tmp_path: Path) -> None:
        """Directories are read recursively in sorted order; hidden and unknown files skipped."""
        (tmp_path / "b").mkdir()
        _write(tmp_path / "b" / "z.txt", BODY)
        _write(tmp_path / "a.txt", BODY)
        _write(tmp_path / "c.txt", BODY)
        _write(tmp_path / ".hidden.txt", BODY)
        _write(tmp_path / "notes.md", BODY)
        assert [a.id for a in _load_all(tmp_path)] == ["a", "z", "c"]

    def test_several_paths(self, tmp_path: Path) -> None:
        """An iterable of paths is read in the order given."""
        _write(tmp_path / "x.txt", BODY)
        _write(tmp_path / "y.txt", BODY)
        ids = [a.id for a in _load_all([tmp_path / "y.txt", str(tmp_path / "x.txt")])]
        assert ids == ["y", "x"]

    def test_stdin_text_and_jsonl(self) -> None:
        """'-' reads standard input: JSON lines when it starts with '{', else one text article."""
        (art,) = _load_all("-", stdin=io.BytesIO(BODY.encode()))
        assert art.id == "stdin"
        jsonl = (json.dumps({"id": "s1", "text": BODY}) + "\n").encode()
        assert [a.id for a in _load_all("-", stdin=io.BytesIO(jsonl))] == ["s1"]

    def test_load_is_lazy(self, tmp_path: Path) -> None:
        """Nothing is read until the iterator is advanced."""
        path = _write(tmp_path / "c.jsonl", json.dumps({"id": "r", "text": BODY}) + "\n")
        articles = kb.load(path)
        path.write_text(json.dumps({"id": "changed", "text": BODY}) + "\n")
        assert next(iter(articles)).id == "changed"


class TestMetadata:
    def test_published_parsed_with_dateutil(self) -> None:
        """Common date formats parse to a date."""
        for value in ("2025-01-06", "2025-01-06T09:30:00+09:00", "Jan 6, 2025", "6 January 2025"):
            assert parse_published(value) == (dt.date(2025, 1, 6), ())

    @pytest.mark.parametrize(
        "url",
        ["https://news.example/2025/01/06/nk-launch", "https://x.example/politics/2025-01-06-launch.html"],
    )
    def test_date_from_url_when_absent(self, url: str, tmp_path: Path) -> None:
        """Without a published field, the loaded article takes the date in its URL, and says so."""
        _write(tmp_path / "u.jsonl", json.dumps({"id": "r", "text": BODY, "url": url}) + "\n")
        (art,) = _load_all(tmp_path / "u.jsonl")
        assert (art.published, art.published_source) == (dt.date(2025, 1, 6), "url")

    def test_impossible_url_date_ignored(self, tmp_path: Path) -> None:
        """A URL with an impossible date gives no date."""
        record = {"id": "r", "text": BODY, "url": "https://x.example/2025/13/45/"}
        _write(tmp_path / "u.jsonl", json.dumps(record) + "\n")
        (art,) = _load_all(tmp_path / "u.jsonl")
        assert art.published is None

    def test_unparseable_date_warns(self, tmp_path: Path) -> None:
        """An unparseable date becomes None with a warning on the article."""
        _write(tmp_path / "c.jsonl", json.dumps({"id": "r", "text": BODY, "published": "soon-ish"}) + "\n")
        (art,) = _load_all(tmp_path / "c.jsonl")
        assert art.published is None
        assert any("unparseable published date" in w for w in art.warnings)


class TestBadInput:
    def test_missing_path_raises(self, tmp_path: Path) -> None:
        """A missing path raises LoadError at once, naming the path."""
        with pytest.raises(kb.LoadError, match="missing"):
            kb.load(tmp_path / "nope.txt")

    def test_undecodable_bytes_are_replaced_with_warning(self, tmp_path: Path) -> None:
        """Invalid bytes inside UTF-8 text are replaced and a warning is recorded."""
        data = "Korea’s envoy said \xff on Monday.".encode().replace(b"\xc3\xbf", b"\xff")
        _write(tmp_path / "bad.txt", data)
        (art,) = _load_all(tmp_path / "bad.txt")
        assert "\ufffd" in art.raw
        assert any("undecodable" in w for w in art.warnings)

    @pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
    def test_boms_and_utf16(self, tmp_path: Path, encoding: str) -> None:
        """UTF-8 and UTF-16 BOMs (and BOM-less UTF-16) decode to clean text."""
        _write(tmp_path / "t.txt", BODY.encode(encoding))
        (art,) = _load_all(tmp_path / "t.txt")
        assert art.raw == BODY
        assert not art.warnings

    def test_crlf_normalised_in_text_kept_in_raw(self, tmp_path: Path) -> None:
        """CRLF line ends stay in raw but not in the clean text."""
        _write(tmp_path / "t.txt", BODY.replace("\n", "\r\n"))
        (art,) = _load_all(tmp_path / "t.txt")
        assert "\r\n" in art.raw
        assert "\r" not in art.text

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty file gives an article with empty text and a warning."""
        _write(tmp_path / "empty.txt", b"")
        (art,) = _load_all(tmp_path / "empty.txt")
        assert art.text == ""
        assert any("empty" in w for w in art.warnings)

    def test_binary_file_skipped_with_warning(self, tmp_path: Path) -> None:
        """A binary file is skipped with a KoreabriefWarning by default."""
        _write(tmp_path / "blob.txt", bytes(range(256)) * 4)
        _write(tmp_path / "ok.txt", BODY)
        with pytest.warns(kb.KoreabriefWarning, match="blob.txt.*binary"):
            arts = _load_all(tmp_path)
        assert [a.id for a in arts] == ["ok"]

    def test_binary_file_raises_when_asked(self, tmp_path: Path) -> None:
        """errors='raise' turns a binary file into a LoadError."""
        _write(tmp_path / "blob.txt", bytes(range(256)) * 4)
        with pytest.raises(kb.LoadError, match="binary"):
            _load_all(tmp_path / "blob.txt", errors="raise")

    def test_malformed_jsonl_raises_with_file_and_line(self, tmp_path: Path) -> None:
        """errors='raise' reports a malformed JSONL line with file and line number."""
        good = json.dumps({"id": "r", "text": BODY})
        _write(tmp_path / "c.jsonl", f"{good}\n{{oops\n{good}\n")
        with pytest.raises(kb.LoadError, match=r"c\.jsonl:2: malformed JSON"):
            _load_all(tmp_path / "c.jsonl", errors="raise")

    def test_malformed_jsonl_skipped_with_warning(self, tmp_path: Path) -> None:
        """errors='warn' skips a malformed line, warns with its location, and goes on."""
        good = json.dumps({"id": "r", "text": BODY})
        _write(tmp_path / "c.jsonl", f"{good}\n{{oops\n[1, 2]\n{good}\n")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            arts = _load_all(tmp_path / "c.jsonl", errors="warn")
        assert len(arts) == 2
        messages = [str(w.message) for w in caught if issubclass(w.category, kb.KoreabriefWarning)]
        assert any("c.jsonl:2" in m for m in messages)
        assert any("c.jsonl:3" in m and "expected a JSON object" in m for m in messages)

    def test_malformed_json_file(self, tmp_path: Path) -> None:
        """A malformed .json file is a LoadError naming the file (or a warning)."""
        _write(tmp_path / "x.json", "[{]")
        with pytest.raises(kb.LoadError, match=r"x\.json:1"):
            _load_all(tmp_path / "x.json", errors="raise")
        with pytest.warns(kb.KoreabriefWarning):
            assert _load_all(tmp_path / "x.json") == []

    def test_text_field_of_wrong_type(self, tmp_path: Path) -> None:
        """A record whose text is not a string is a LoadError, not a TypeError."""
        _write(tmp_path / "c.jsonl", json.dumps({"id": "r", "text": 5}) + "\n")
        with pytest.raises(kb.LoadError, match="must be a string"):
            _load_all(tmp_path / "c.jsonl", errors="raise")

    def test_bad_errors_argument(self) -> None:
        """An unknown errors mode is refused."""
        with pytest.raises(kb.LoadError):
            kb.load("-", errors="ignore")  # type: ignore[arg-type]

    def test_symlink_loop_terminates(self, tmp_path: Path) -> None:
        """A directory symlink loop is visited once."""
        (tmp_path / "d").mkdir()
        _write(tmp_path / "d" / "a.txt", BODY)
        (tmp_path / "d" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
        assert [a.id for a in _load_all(tmp_path)] == ["a"]


class TestDecode:
    @pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
    def test_single_byte_text_mislabelled_as_utf8(self, encoding: str) -> None:
        """Latin-1 or Windows-1252 bytes are decoded as Windows-1252, with a warning."""
        text = "Café talks in Séoul: “no deal”" if encoding == "cp1252" else "Café talks in Séoul"
        decoded, problems = decode(text.encode(encoding))
        assert decoded == text
        assert problems == ("not valid UTF-8: decoded as Windows-1252",)

    def test_plain_utf8(self) -> None:
        """Valid UTF-8 decodes without warnings."""
        assert decode("Koreas’".encode()) == ("Koreas’", ())

    def test_nul_bytes_are_binary(self) -> None:
        """NUL bytes that are not UTF-16 make LoadError."""
        with pytest.raises(kb.LoadError):
            decode(b"\x00\x01\x02\x03abc\x00\x00\x00")


class TestSeeds:
    def test_five_seeds_with_stems(self) -> None:
        """seeds() returns the five seed articles, id = file stem, raw = file text."""
        arts = kb.seeds()
        assert len(arts) == 5
        root = Path(__file__).resolve().parents[1] / "seeds"
        for art in arts:
            assert art.raw == (root / f"{art.id}.txt").read_text("utf-8")

    def test_seed_dates_follow_gold(self) -> None:
        """Seed publication dates are the ones the gold fixes."""
        gold_path = Path(__file__).parent / "gold" / "seeds.jsonl"
        gold = {g["id"]: g["published"] for g in map(json.loads, gold_path.read_text("utf-8").splitlines())}
        for art in kb.seeds():
            expected = gold[art.id]
            assert (art.published.isoformat() if art.published else None) == expected


class TestRobustness:
    def test_file_vanishing_while_loading(self, tmp_path: Path) -> None:
        """A file deleted after listing is reported with its path; the rest loads."""
        for name in ("a.txt", "b.txt", "c.txt"):
            _write(tmp_path / name, BODY)
        loaded = []

        def consume() -> None:
            for art in kb.load(tmp_path):
                loaded.append(art.id)
                if art.id == "a":
                    (tmp_path / "b.txt").unlink()

        with pytest.warns(kb.KoreabriefWarning, match=r"b\.txt.*vanished"):
            consume()
        assert loaded == ["a", "c"]

    def test_unreadable_file_reported(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file that cannot be read is skipped with a warning naming it (a LoadError on request)."""
        _write(tmp_path / "a.txt", BODY)
        _write(tmp_path / "locked.txt", BODY)
        real = Path.read_bytes

        def guarded(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied")
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", guarded)
        with pytest.warns(kb.KoreabriefWarning, match=r"locked\.txt.*cannot read"):
            assert [a.id for a in kb.load(tmp_path)] == ["a"]
        with pytest.raises(kb.LoadError, match=r"locked\.txt"):
            list(kb.load(tmp_path, errors="raise"))

    def test_one_corrupt_line_among_many(self, tmp_path: Path) -> None:
        """One corrupt line in a large JSONL file is reported with its line; every other record loads."""
        from koreabrief.loaders import records

        n, bad = 200_000, 123_457
        path = tmp_path / "big.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(1, n + 1):
                end = "" if i == bad else "}"
                fh.write(f'{{"id": "r{i}", "text": "x"{end}\n')
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            count = sum(1 for _ in records(path))
        assert count == n - 1
        assert [str(w.message) for w in caught] == [
            f"skipped {path}:{bad}: malformed JSON (Expecting ',' delimiter at column 30)"
        ]
