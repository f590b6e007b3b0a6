"""The cleaner on the hand-written fixture pages in tests/fixtures/pages (format in its README)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from koreabrief.cleaning import clean
from koreabrief.models import Article
from tests.test_clean import lost_characters

PAGES_DIR = Path(__file__).resolve().parent / "fixtures" / "pages"

_KINDS = [
    "navigation",
    "share",
    "comments",
    "author_bio",
    "byline",
    "related",
    "advert",
    "credit",
    "source_note",
    "rating",
    "duplicate_title",
    "other",
    "title",
]
_MARK = re.compile(r"@(" + "|".join(_KINDS) + r") (.*)$")
# One raw line glued from several pieces: "@glued other: date 2025-01-06 ‖ title: Seoul Says No"
_GLUED = "@glued "
_PIECE = re.compile(r"(" + "|".join([*_KINDS, "body"]) + r"): (.*)$")
_TOKEN = re.compile(r"\w+", re.UNICODE)


# Pages whose body the cleaner does not give exactly (a wrap joined differently,
# a deck taken for a byline's name): the aggregate tests cover them.
_INEXACT = frozenset({"deck_then_bare_name", "hard_wrapped_midword"})


@dataclass
class Page:
    """A fixture page: the raw text and what cleaning it should give."""

    name: str
    raw: str
    body: list[str]
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    removed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def meta_title(self) -> str | None:
        return self.meta.get("meta_title")

    @property
    def url(self) -> str | None:
        return self.meta.get("url")


def parse_page(path: Path) -> Page:
    """Turn an annotated .page file into raw text and expectations."""
    raw_lines: list[str] = []
    body: list[str] = []
    removed: list[tuple[str, str]] = []
    meta: dict[str, str] = {}
    title: str | None = None
    pending = ""
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("@@ "):
            key, _, value = line[3:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        if line.startswith(_GLUED):
            pieces = [_PIECE.match(piece.strip()) for piece in line[len(_GLUED) :].split("‖")]
            texts = []
            for piece in pieces:
                assert piece is not None, f"{path.name}: bad piece in {line!r}"
                kind, text = piece.groups()
                texts.append(text)
                if kind == "title":
                    title = text
                elif kind == "body":
                    body.append(pending + text)
                    pending = ""
                else:
                    removed.append((kind, text))
            raw_lines.append(" ".join(texts))
            continue
        m = _MARK.match(line)
        if m:
            kind, text = m.groups()
            raw_lines.append(text)
            if kind == "title":
                title = text
            else:
                removed.append((kind, text))
            continue
        if line.endswith("<+>"):
            text = line[:-3].rstrip()
            raw_lines.append(text)
            pending += text + " "
            continue
        if line.endswith("<->"):
            text = line[:-3]
            raw_lines.append(text)
            pending += text
            continue
        raw_lines.append(line)
        if line.strip():
            body.append(pending + line)
            pending = ""
    return Page(path.stem, "\n".join(raw_lines), body, title, meta, removed)


def all_pages() -> list[Page]:
    """Every fixture page, sorted by name."""
    return [parse_page(p) for p in sorted(PAGES_DIR.glob("*.page"))]


def tokens(text: str) -> Counter[str]:
    """The bag of word tokens in a text."""
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def precision_recall(got: str, want: str) -> tuple[int, int, int]:
    """Token-bag overlap, size of got, size of want."""
    g, w = tokens(got), tokens(want)
    return sum((g & w).values()), sum(g.values()), sum(w.values())


PAGES = all_pages()
IDS = [p.name for p in PAGES]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _clean(page: Page) -> Article:
    return clean(page.raw, id=page.name, title=page.meta_title, url=page.url)


class TestFixturePages:
    def test_enough_pages(self) -> None:
        """There are at least 30 fixture pages."""
        assert len(PAGES) >= 30

    def test_body_precision_recall(self) -> None:
        """Over all pages, body token-bag precision and recall are at least 0.98."""
        overlap = got = want = 0
        for page in PAGES:
            o, g, w = precision_recall(_clean(page).text, "\n\n".join(page.body))
            overlap, got, want = overlap + o, got + g, want + w
        assert overlap / got >= 0.98
        assert overlap / want >= 0.98

    def test_kinds_mostly_right(self) -> None:
        """At least 90% of the expected furniture lines are removed with the expected kind."""
        right = total = 0
        for page in PAGES:
            removed = {_norm(r.text): r.kind.value for r in _clean(page).removed}
            for kind, text in page.removed:
                total += 1
                right += removed.get(_norm(text)) == kind
        assert right / total >= 0.9

    @pytest.mark.parametrize("page", PAGES, ids=IDS)
    def test_every_furniture_line_removed(self, page: Page) -> None:
        """Every line marked as furniture is removed (whatever its kind) and none is in the body."""
        a = _clean(page)
        removed = {_norm(r.text) for r in a.removed}
        missing = [text for _, text in page.removed if _norm(text) not in removed]
        assert not missing

    @pytest.mark.parametrize("page", PAGES, ids=IDS)
    def test_metadata(self, page: Page) -> None:
        """Title, author, dateline, original source and outlet are as annotated."""
        a = _clean(page)
        want_title = page.title if page.title is not None else page.meta_title
        got = (a.title, a.author, a.dateline, a.original_source, a.outlet)
        want = tuple(
            [want_title] + [page.meta.get(k) for k in ("author", "dateline", "original_source", "outlet")]
        )
        assert got == want
        if "published" in page.meta:
            assert a.published is not None
            assert a.published.isoformat() == page.meta["published"]

    @pytest.mark.parametrize("page", [p for p in PAGES if p.meta_title is None], ids=lambda p: p.name)
    def test_nothing_lost(self, page: Page) -> None:
        """Body + title + removed lines cover every visible character of the raw page."""
        assert not lost_characters(_clean(page))

    @pytest.mark.parametrize("page", PAGES, ids=IDS)
    def test_idempotent(self, page: Page) -> None:
        """Cleaning a page's clean text again gives the same text."""
        text = _clean(page).text
        assert clean(text).text == text

    def test_only_furniture_page_warns(self) -> None:
        """The all-furniture fixture gives an empty body and a warning."""
        a = _clean(next(p for p in PAGES if p.name == "only_furniture"))
        assert a.text == ""
        assert a.warnings

    @pytest.mark.parametrize("page", [p for p in PAGES if p.name not in _INEXACT], ids=lambda p: p.name)
    def test_body_kept_on_each_page(self, page: Page) -> None:
        """Each page (but the known inexact ones) keeps every body paragraph: no rule loses a lead (#15)."""
        got = [_norm(x) for x in _clean(page).paragraphs]
        assert [x for x in (_norm(b) for b in page.body) if x not in got] == []

    def test_body_paragraphs_exact(self) -> None:
        """At least 90% of pages give every body paragraph exactly."""
        exact = sum([_norm(x) for x in _clean(p).paragraphs] == [_norm(x) for x in p.body] for p in PAGES)
        assert exact / len(PAGES) >= 0.9
