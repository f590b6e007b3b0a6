"""Scraper records: trafilatura, newspaper4k, news-please and database rows load with their metadata."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.fields import field_names, read_fields
from tests.strategies import articles

BODY = "North Korea fired two short-range ballistic missiles on Monday, the South Korean military said."

# The shapes these tools write (field names from their serialisers; values our own).
TRAFILATURA = {
    "title": "North Korea fires two missiles",
    "author": "Jane Roe; John Doe",
    "hostname": "www.example.com",
    "date": "2025-03-10",
    "fingerprint": "c0ffee",
    "id": None,
    "license": None,
    "comments": "",
    "raw_text": BODY,
    "text": BODY,
    "language": "en",
    "image": None,
    "pagetype": "article",
    "filedate": "2025-03-11",
    "source": "https://www.example.com/world/2025/03/10/missiles",
    "source-hostname": "Example Daily",
    "excerpt": None,
    "categories": "",
    "tags": "",
}
NEWSPAPER4K = {
    "url": "https://news.example.org/a/123",
    "read_more_link": "",
    "language": "en",
    "title": "North Korea fires two missiles",
    "top_image": "",
    "meta_img": "",
    "images": [],
    "movies": [],
    "keywords": [],
    "meta_keywords": [""],
    "tags": [],
    "authors": ["Jane Roe", "John Doe"],
    "publish_date": "2025-03-10T08:15:00+09:00",
    "summary": "",
    "meta_description": "",
    "meta_lang": "en",
    "meta_favicon": "",
    "meta_site_name": "Example Org News",
    "canonical_link": "https://news.example.org/a/123",
    "text": BODY,
}
NEWS_PLEASE = {
    "authors": ["Jane Roe"],
    "date_download": "2025-03-11 02:00:00",
    "date_modify": "None",
    "date_publish": "2025-03-10 08:15:00",
    "description": "Seoul says the launch came from near the capital.",
    "filename": "https%3A%2F%2Fexample.net%2Fx.json",
    "image_url": None,
    "language": "en",
    "localpath": None,
    "maintext": BODY,
    "source_domain": "example.net",
    "text": None,
    "title": "North Korea fires two missiles",
    "title_page": None,
    "title_rss": None,
    "url": "https://example.net/x",
}
NEWSAPI = {
    "source": {"id": None, "name": "Example Wire"},
    "author": "Jane Roe",
    "title": "North Korea fires two missiles",
    "description": "Seoul says ...",
    "url": "https://wire.example.com/x",
    "urlToImage": None,
    "publishedAt": "2025-03-10T00:15:00Z",
    "content": BODY,
}


def _load(
    tmp_path: Path, records: list[dict[str, Any]], name: str = "c.jsonl"
) -> tuple[list[kb.Article], list[str]]:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        arts = list(kb.load(path))
    return arts, [str(w.message) for w in caught]


class TestScraperRecords:
    @pytest.mark.parametrize(
        ("record", "expected"),
        [
            (
                TRAFILATURA,
                ("https://www.example.com/world/2025/03/10/missiles", "Example Daily", "Jane Roe; John Doe"),
            ),
            (NEWSPAPER4K, ("https://news.example.org/a/123", "Example Org News", "Jane Roe, John Doe")),
            (NEWS_PLEASE, ("https://example.net/x", "example.net", "Jane Roe")),
            (NEWSAPI, ("https://wire.example.com/x", "Example Wire", "Jane Roe")),
        ],
        ids=["trafilatura", "newspaper4k", "news-please", "newsapi"],
    )
    def test_metadata_is_read(
        self, tmp_path: Path, record: dict[str, Any], expected: tuple[str, str, str]
    ) -> None:
        """Each tool's record gives the Article its URL, outlet, author, title, date and body, silently."""
        (a,), caught = _load(tmp_path, [record])
        assert (a.url, a.outlet, a.author) == expected
        assert a.title == "North Korea fires two missiles"
        assert a.published is not None
        assert a.published.isoformat() == "2025-03-10"
        assert a.text == BODY
        assert caught == []

    def test_events_are_dated(self, tmp_path: Path) -> None:
        """A scraper's date reaches the events ("on Monday" resolves against it)."""
        (a,), _ = _load(tmp_path, [NEWSPAPER4K])
        (event, *_) = kb.extract(a).events
        assert event.time is not None
        assert event.time.iso == "2025-03-10"

    def test_none_strings_are_missing(self) -> None:
        """news-please's "None" placeholders count as missing values."""
        found = read_fields({"maintext": "x", "date_publish": "None", "date_modify": "None"})
        assert found.published is None

    def test_source_as_url_or_name(self) -> None:
        """A "source" is the address when it is one, else the outlet's name."""
        assert read_fields({"source": "https://e.com/a/1"}).url == "https://e.com/a/1"
        assert read_fields({"source": "https://e.com/a/1"}).outlet is None
        assert read_fields({"source": "Example Wire"}).outlet == "Example Wire"
        assert read_fields({"source": "Example Wire"}).url is None


class TestResponses:
    def test_newsapi_response_file(self, tmp_path: Path) -> None:
        """A saved NewsAPI response ({"status": ..., "articles": [...]}) loads its articles."""
        response = {"status": "ok", "totalResults": 2, "articles": [NEWSAPI, {**NEWSAPI, "url": "https://e.com/2"}]}
        (tmp_path / "response.json").write_text(json.dumps(response), "utf-8")
        arts = list(kb.load(tmp_path / "response.json"))
        assert [a.url for a in arts] == ["https://wire.example.com/x", "https://e.com/2"]

    def test_single_record_is_not_unwrapped(self) -> None:
        """An object with a text of its own is one record, whatever lists it holds."""
        doc = {"text": BODY, "articles": [{"text": "other"}]}
        assert kb.fields.records_in(doc) == [doc]


class TestUnknownFields:
    def test_unknown_keys_warn_once_per_file(self, tmp_path: Path) -> None:
        """Keys nobody reads are named in one warning per file, not one per record."""
        records = [{"text": BODY, "views": k, "likes": 2} for k in range(5)]
        arts, caught = _load(tmp_path, records)
        assert len(arts) == 5
        assert len(caught) == 1
        assert "likes, views" in caught[0]
        assert "c.jsonl" in caught[0]

    def test_each_file_warns(self, tmp_path: Path) -> None:
        """Two files with unknown keys give two warnings."""
        for name in ("a.jsonl", "b.jsonl"):
            (tmp_path / name).write_text(json.dumps({"text": BODY, "shares": 1}) + "\n", "utf-8")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            list(kb.load(tmp_path))
        assert len(caught) == 2

    @given(st.lists(st.sampled_from(sorted(field_names().known)), max_size=8))
    def test_known_keys_never_warn(self, keys: list[str]) -> None:
        """No key the field table knows is ever reported as unknown."""
        assert read_fields(dict.fromkeys(keys, "x")).unknown == ()

    @given(articles)
    def test_own_article_json_loads_silently(self, article: kb.Article) -> None:
        """koreabrief's own Article JSON (the `load` command's output) loads with no unknown-field warning."""
        record = kb.to_dict(article)
        assert read_fields(record).unknown == ()


class TestDefaults:
    def test_published_and_outlet_for_plain_text(self, tmp_path: Path) -> None:
        """load(published=, outlet=) fills what plain text cannot say."""
        import datetime as dt

        (tmp_path / "a.txt").write_text(BODY, "utf-8")
        (a,) = list(kb.load(tmp_path, published=dt.date(2025, 3, 10), outlet="Example Daily"))
        assert (a.published, a.outlet) == (dt.date(2025, 3, 10), "Example Daily")

    def test_record_values_win_over_defaults(self, tmp_path: Path) -> None:
        """A record's own date and outlet are kept; defaults fill only gaps."""
        import datetime as dt

        path = tmp_path / "c.jsonl"
        path.write_text(json.dumps(NEWSAPI) + "\n", "utf-8")
        (a,) = list(kb.load(path, published=dt.date(2000, 1, 1), outlet="Other"))
        assert (a.published, a.outlet) == (dt.date(2025, 3, 10), "Example Wire")
