"""HTML pages and WARC archives: trafilatura's main text, then koreabrief's cleaner (the [html] extra)."""

from __future__ import annotations

import gzip
import io
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from tests.html_pages import STORIES, pages, wire

trafilatura = pytest.importorskip("trafilatura")

_WORD_SET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:'\"!?()-\n"


def _words(text: str) -> set[str]:
    return {w.strip(".,;:\u201c\u201d\"'()").lower() for w in text.split()} - {""}


class TestLooksLikeHtml:
    @pytest.mark.parametrize(
        "text",
        [
            "<!DOCTYPE html><html><body><p>Seoul said.</p></body></html>",
            "  \n<html lang='en'><head></head></html>",
            "<div class='story'><p>Seoul said no.</p></div>",
            "<!-- saved page --><html></html>",
            "<?xml version='1.0'?><!DOCTYPE html><html></html>",
        ],
    )
    def test_pages_and_fragments_are_markup(self, text: str) -> None:
        """A page, a fragment or a saved page opening with a comment is recognised as markup."""
        assert kb.markup.looks_like_html(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Seoul said on Monday that talks would resume.",
            "The <b> tag and the </p> tag were named in the article about HTML.",
            "Kim said x < 3 and y > 2 in a speech.",
        ],
    )
    def test_news_text_is_not_markup(self, text: str) -> None:
        """Plain news text, even one naming a tag, is not markup."""
        assert not kb.markup.looks_like_html(text)

    @given(st.text(alphabet=_WORD_SET, max_size=300))
    def test_text_without_angle_brackets_is_never_markup(self, text: str) -> None:
        """Text with no angle bracket is never taken for HTML."""
        assert not kb.markup.looks_like_html(text)


class TestArticleFromHtml:
    def test_article_reads_page_metadata(self) -> None:
        """kb.article(html) takes title, author, outlet and date from the page's metadata."""
        story = STORIES[0]
        a = kb.article(wire(story), id="p1")
        assert (a.title, a.author, a.outlet, a.published.isoformat() if a.published else None) == (
            story.title,
            story.author,
            "Peninsula Wire",
            story.date,
        )

    def test_caller_metadata_wins(self) -> None:
        """Metadata given by the caller overrides what the page says."""
        a = kb.article(wire(STORIES[1]), id="p1", outlet="Mine", title="My headline")
        assert (a.outlet, a.title) == ("Mine", "My headline")

    @pytest.mark.parametrize("page", pages(), ids=lambda p: p.id)
    def test_body_is_the_story(self, page: object) -> None:
        """Every page's body keeps the story's paragraphs and drops menus, comments and related blocks."""
        a = kb.article(page.html, id=page.id)  # type: ignore[attr-defined]
        body = set(a.paragraphs)
        paragraphs = page.story.paragraphs  # type: ignore[attr-defined]
        assert sum(p in body for p in paragraphs) >= len(paragraphs) - 1
        for furniture in ("Leave a reply", "Sign up now", "All rights reserved", "Read more", "Also read"):
            assert furniture not in a.text

    def test_cleaner_improves_on_trafilatura_alone(self) -> None:
        """The cleaner drops furniture that trafilatura keeps (bylines, date lines, "Read more")."""
        html = wire(STORIES[0])
        kept = kb.markup.main_text(html).text
        assert "Read more" in kept
        assert "Read more" not in kb.article(html, id="x").text

    def test_raw_is_the_main_text(self) -> None:
        """For a page, Article.raw is the text trafilatura kept, and removed lines index it."""
        a = kb.article(wire(STORIES[2]), id="x")
        assert "<" not in a.raw
        for r in a.removed:
            assert a.raw[r.start : r.end] == r.text

    def test_page_without_text_warns(self) -> None:
        """A page with no main text gives an empty article that says why."""
        for page in (
            "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "<html><body></body></html>",
        ):
            a = kb.article(page, id="x")
            assert a.text == ""
            assert any("no main text" in w or "no article body" in w for w in a.warnings)

    def test_relative_dates_resolve_against_page_date(self) -> None:
        """Events in a page are dated against the publication date htmldate finds."""
        facts = kb.extract(kb.article(wire(STORIES[0]), id="x"))
        dated = [e.time.date for e in facts.events if e.time and e.time.date]
        assert dated
        assert dated[0].isoformat() == STORIES[0].date


class TestLoadHtml:
    def test_html_and_htm_files(self, tmp_path: Path) -> None:
        """.html and .htm files in a directory load as pages, id = file stem."""
        (tmp_path / "a.html").write_text(wire(STORIES[0]), "utf-8")
        (tmp_path / "b.htm").write_text(wire(STORIES[1]), "utf-8")
        arts = list(kb.load(tmp_path))
        assert [a.id for a in arts] == ["a", "b"]
        assert all(a.text and a.title for a in arts)

    def test_declared_charset_is_used(self, tmp_path: Path) -> None:
        """A page declaring EUC-KR in its meta tag is decoded with it."""
        page = "<html><head><meta charset='euc-kr'><title>북한 미사일</title></head><body><article>"
        page += (
            "<p>" + "북한이 월요일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다. " * 5 + "</p>"
        )
        page += "</article></body></html>"
        (tmp_path / "k.html").write_bytes(page.encode("euc-kr"))
        (a,) = list(kb.load(tmp_path / "k.html"))
        assert "합동참모본부" in a.text
        assert "\ufffd" not in a.text

    def test_markup_in_a_text_file(self, tmp_path: Path) -> None:
        """A saved page with a .txt suffix is recognised by its markup."""
        (tmp_path / "saved.txt").write_text(wire(STORIES[3]), "utf-8")
        (a,) = list(kb.load(tmp_path / "saved.txt"))
        assert a.title == STORIES[3].title
        assert "<p>" not in a.text

    def test_record_with_html_field(self, tmp_path: Path) -> None:
        """A JSON record holding the page's HTML (a database row) is read as a page."""
        import json

        row = {"id": "row-7", "url": "https://example.com/a", "html": wire(STORIES[4])}
        (tmp_path / "rows.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
        (a,) = list(kb.load(tmp_path / "rows.jsonl"))
        assert (a.id, a.url, a.title) == ("row-7", "https://example.com/a", STORIES[4].title)

    def test_pages_in_worker_processes(self, tmp_path: Path) -> None:
        """kb.process reads pages in its workers and gives the same facts as kb.load + extract."""
        for story in STORIES[:3]:
            (tmp_path / f"{story.slug}.html").write_text(wire(story), "utf-8")
        serial = [kb.extract(a) for a in kb.load(tmp_path)]
        assert list(kb.process(tmp_path, workers=2, chunksize=1)) == serial


class TestMissingExtra:
    def test_clear_error_names_the_extra(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without trafilatura, loading HTML raises MissingExtraError naming koreabrief[html]."""
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        (tmp_path / "a.html").write_text(wire(STORIES[0]), "utf-8")
        with pytest.raises(kb.MissingExtraError, match=r"koreabrief\[html\]"):
            list(kb.load(tmp_path))
        with pytest.raises(ImportError):
            kb.article(wire(STORIES[0]), id="x")

    def test_plain_text_needs_no_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Plain text is cleaned without trafilatura."""
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        assert kb.article("Seoul said no on Monday.", id="x").text == "Seoul said no on Monday."

    def test_cli_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command line exits 2 with a one-line message naming the extra."""
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        (tmp_path / "a.html").write_text(wire(STORIES[0]), "utf-8")
        from koreabrief.cli import main

        assert main(["clean", str(tmp_path / "a.html")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "pip install 'koreabrief[html]'" in err


def _warc(path: Path, responses: list[tuple[str, str, bytes, str]], *, compress: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for url, status, payload, content_type in responses:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2025-02-12T01:02:03Z"},
            )
            writer.write_record(record)


class TestWarc:
    pytest.importorskip("warcio")

    @pytest.mark.parametrize("compress", [True, False])
    def test_html_responses_with_url_and_crawl_date(self, tmp_path: Path, compress: bool) -> None:
        """Only successful HTML responses become articles, with their URL and the crawl's day."""
        path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
        _warc(
            path,
            [
                (
                    "https://example.com/2025/02/11/icbm",
                    "200 OK",
                    wire(STORIES[0]).encode(),
                    "text/html; charset=utf-8",
                ),
                ("https://example.com/logo.png", "200 OK", b"\x89PNG\r\n", "image/png"),
                ("https://example.com/old", "301 Moved Permanently", b"<html>moved</html>", "text/html"),
                (
                    "https://example.com/b",
                    "200 OK",
                    wire(STORIES[1]).encode("utf-16"),
                    "text/html; charset=utf-16",
                ),
            ],
            compress=compress,
        )
        arts = list(kb.load(path))
        assert [a.url for a in arts] == ["https://example.com/2025/02/11/icbm", "https://example.com/b"]
        assert {a.crawled.isoformat() for a in arts if a.crawled} == {"2025-02-12"}
        assert arts[0].published is not None
        assert arts[0].published.isoformat() == STORIES[0].date
        assert arts[1].title == STORIES[1].title
        assert len({a.id for a in arts}) == 2

    def test_warc_in_directory_and_process(self, tmp_path: Path) -> None:
        """A .warc.gz inside a directory is read, also by kb.process."""
        _warc(tmp_path / "c.warc.gz", [("https://e.com/a", "200 OK", wire(STORIES[2]).encode(), "text/html")])
        (facts,) = list(kb.process(tmp_path, workers=1))
        assert facts.sanctions

    @pytest.mark.parametrize("content", [b"this is not a warc record\r\n\r\n", b""])
    def test_archive_without_pages_is_skipped_with_warning(self, tmp_path: Path, content: bytes) -> None:
        """An archive with no HTML response is skipped with a warning (or raises with errors='raise')."""
        path = tmp_path / "bad.warc.gz"
        path.write_bytes(gzip.compress(content))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert list(kb.load(path)) == []
        assert any("no HTML response" in str(w.message) for w in caught)
        with pytest.raises(kb.LoadError):
            list(kb.load(path, errors="raise"))

    def test_truncated_archive_keeps_what_came_before(self, tmp_path: Path) -> None:
        """A WARC cut off mid-record yields the pages before the cut and warns."""
        path = tmp_path / "cut.warc.gz"
        _warc(
            path,
            [(f"https://e.com/{k}", "200 OK", wire(s).encode(), "text/html") for k, s in enumerate(STORIES)],
        )
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 3 // 4])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            arts = list(kb.load(path))
        assert 1 <= len(arts) < len(STORIES)
        assert any("WARC" in str(w.message) for w in caught)

    def test_missing_warcio(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without warcio, a WARC file raises MissingExtraError naming the extra."""
        _warc(
            tmp_path / "c.warc",
            [("https://e.com/a", "200 OK", b"<html></html>", "text/html")],
            compress=False,
        )
        monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
        with pytest.raises(kb.MissingExtraError, match="koreabrief"):
            list(kb.load(tmp_path / "c.warc"))


class TestPagesModule:
    def test_gold_bodies_hold_no_furniture(self) -> None:
        """The test pages' gold bodies are the stories alone (the benchmark's premise)."""
        for page in pages():
            body = " ".join(page.body)
            assert "Read more" not in body
            assert _words(page.story.title) - _words(body) or page.story.title not in body


_TAGS = ["p", "div", "h1", "h2", "li", "span", "figcaption", "nav", "footer", "a", "blockquote", "td"]
_BLOCK_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


class TestAnyMarkup:
    @given(
        st.lists(
            st.tuples(st.sampled_from(_TAGS), _BLOCK_TEXT),
            max_size=12,
        )
    )
    def test_invariants_hold_on_any_page(self, blocks: list[tuple[str, str]]) -> None:
        """Any page gives an article whose removed lines index its raw text and whose spans index its body."""
        page = "<html><body>" + "".join(f"<{t}>{text}</{t}>" for t, text in blocks) + "</body></html>"
        a = kb.article(page, id="x")
        for r in a.removed:
            assert a.raw[r.start : r.end] == r.text
        for s in kb.extract(a).statements:
            assert a.text[s.span.start : s.span.end] == s.quote
