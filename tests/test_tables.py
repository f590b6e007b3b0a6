"""Flat rows for tables: kb.to_records on facts, articles and briefs."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.tables import Kind, columns
from tests.strategies import briefs, facts

KINDS: tuple[Kind, ...] = get_args(Kind)
SCALARS = (str, int, float, bool, type(None))


@pytest.fixture(scope="module")
def seed_facts() -> list[kb.Facts]:
    return list(kb.process(kb.seeds(), workers=1))


class TestRows:
    @pytest.mark.parametrize("kind", KINDS)
    def test_rows_carry_their_article(self, seed_facts: list[kb.Facts], kind: Kind) -> None:
        """Every row names its article's id, url, outlet and date as the article has them."""
        by_id = {f.article.id: f.article for f in seed_facts}
        rows = kb.to_records(seed_facts, kind=kind)
        assert rows
        for row in rows:
            a = by_id[str(row["article_id"])]
            assert (row["url"], row["outlet"]) == (a.url, a.outlet)
            assert row["published"] == (a.published.isoformat() if a.published else None)

    @pytest.mark.parametrize("kind", ["events", "statements", "sanctions"])
    def test_one_row_per_item(self, seed_facts: list[kb.Facts], kind: Kind) -> None:
        """There is one row per event, statement or sanction."""
        rows = kb.to_records(seed_facts, kind=kind)
        assert len(rows) == sum(len(getattr(f, kind)) for f in seed_facts)

    def test_evidence_is_the_span(self, seed_facts: list[kb.Facts]) -> None:
        """An event row's text is exactly the article text its span covers."""
        for f in seed_facts:
            for e, row in zip(f.events, kb.to_records(f, kind="events"), strict=True):
                assert row["text"] == f.article.text[e.span.start : e.span.end]
                assert row["type"] == e.type.value

    def test_articles_from_plain_articles(self) -> None:
        """Articles (without facts) give article rows with no fact counts."""
        rows = kb.to_records(kb.seeds(), kind="articles")
        assert [r["article_id"] for r in rows] == [a.id for a in kb.seeds()]
        assert rows[0]["events"] is None

    def test_wrong_input_is_an_argument_error(self, seed_facts: list[kb.Facts]) -> None:
        """An unknown kind, or events asked of bare Articles, is an ArgumentError."""
        with pytest.raises(kb.ArgumentError):
            kb.to_records(seed_facts, kind="quotes")  # type: ignore[arg-type]
        with pytest.raises(kb.ArgumentError, match="extract"):
            kb.to_records(kb.seeds(), kind="events")
        with pytest.raises(kb.ArgumentError):
            kb.to_records([42], kind="events")  # type: ignore[list-item]


class TestFlatness:
    @given(st.lists(facts, max_size=3), st.sampled_from(KINDS))
    def test_rows_are_flat_json_with_fixed_columns(self, items: list[kb.Facts], kind: Kind) -> None:
        """Every row has exactly the kind's columns and only JSON scalars as values."""
        for row in kb.to_records(items, kind=kind):
            assert tuple(row) == columns(kind)
            assert all(isinstance(v, SCALARS) for v in row.values())
            json.dumps(row)

    @given(briefs, st.sampled_from(KINDS))
    def test_brief_rows_are_flat(self, brief: kb.Brief, kind: Kind) -> None:
        """A Brief's rows have the same columns and scalars."""
        for row in kb.to_records(brief, kind=kind):
            assert tuple(row) == columns(kind)
            assert all(isinstance(v, SCALARS) for v in row.values())

    @given(st.lists(facts, max_size=3))
    def test_csv_round_trip_keeps_row_count(self, items: list[kb.Facts]) -> None:
        """Rows written with csv.DictWriter read back as the same number of rows."""
        rows = kb.to_records(items, kind="events")
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns("events"))
        writer.writeheader()
        writer.writerows(rows)
        assert len(list(csv.DictReader(io.StringIO(buf.getvalue())))) == len(rows)


class TestBrief:
    def test_brief_sanctions_carry_article_ids(self, seed_facts: list[kb.Facts]) -> None:
        """Every sanction of a brief lists the articles that report it."""
        b = kb.brief(seed_facts)
        assert len(b.sanction_articles) == len(b.sanctions)
        reported = {f.article.id: {(s.entity, s.authority) for s in f.sanctions} for f in seed_facts}
        for s, ids in zip(b.sanctions, b.sanction_articles, strict=True):
            assert ids
            assert all((s.entity, s.authority) in reported[i] for i in ids)
        rows = kb.to_records(b, kind="sanctions")
        assert all(r["article_id"] for r in rows)

    @pytest.mark.parametrize("kind", KINDS)
    def test_every_brief_row_has_an_article_id(self, seed_facts: list[kb.Facts], kind: Kind) -> None:
        """Timeline, statements, sanctions and stories rows of a brief all name an article."""
        rows = kb.to_records(kb.brief(seed_facts), kind=kind)
        assert rows
        assert all(r["article_id"] and r["articles"] if "articles" in r else r["article_id"] for r in rows)

    def test_old_brief_json_still_loads(self) -> None:
        """A Brief written before sanction_articles existed still reads back."""
        b = kb.from_json('{"articles": 2, "sanctions": []}', kb.Brief)
        assert b.sanction_articles == ()


class TestPandas:
    def test_dataframe(self, seed_facts: list[kb.Facts]) -> None:
        """Rows go straight into a pandas DataFrame with one column per key."""
        pd = pytest.importorskip("pandas")
        frame: Any = pd.DataFrame(kb.to_records(seed_facts, kind="events"))
        assert list(frame.columns) == list(columns("events"))
        assert len(frame) == sum(len(f.events) for f in seed_facts)
        assert frame["published"].notna().any()
