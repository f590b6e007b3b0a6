"""JSON and JSONL round trips through the one converter."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.models import __all__ as model_names
from tests.strategies import MODEL_STRATEGIES, facts


class TestRoundTrip:
    @pytest.mark.parametrize("cls", list(MODEL_STRATEGIES), ids=lambda c: c.__name__)
    @given(data=st.data())
    def test_every_model_round_trips(self, cls: type, data: Any) -> None:
        """from_json(to_json(x), type(x)) == x for every model."""
        obj = data.draw(MODEL_STRATEGIES[cls])
        assert kb.from_json(kb.to_json(obj), cls) == obj

    def test_every_model_has_a_strategy(self) -> None:
        """No model escapes the round-trip property."""
        classes = {getattr(kb, name) for name in model_names}
        attrs_classes = {c for c in classes if hasattr(c, "__attrs_attrs__")}
        assert attrs_classes <= set(MODEL_STRATEGIES)

    def test_dates_are_iso_and_enums_are_values(self) -> None:
        """Dates serialise as ISO strings and enums as their values."""
        ev = kb.Event(
            type=kb.EventType.SUMMIT,
            span=kb.Span(0, 3),
            time=kb.TimeRef("in 2023", dt.date(2023, 1, 1), kb.Precision.YEAR),
        )
        data = json.loads(kb.to_json(ev))
        assert data["type"] == "summit"
        assert data["modality"] == "asserted"
        assert data["time"]["date"] == "2023-01-01"
        assert data["time"]["precision"] == "year"


class TestErrors:
    def test_bad_json_raises_library_error(self) -> None:
        """Text that is not JSON raises SerializationError, not JSONDecodeError."""
        with pytest.raises(kb.SerializationError, match="not JSON"):
            kb.from_json("{", kb.Span)

    def test_invalid_model_raises_library_error(self) -> None:
        """A span with end before start is refused with SerializationError."""
        with pytest.raises(kb.SerializationError):
            kb.from_json('{"start": 5, "end": 2}', kb.Span)

    def test_bad_enum_value(self) -> None:
        """An unknown enum value is refused with SerializationError."""
        with pytest.raises(kb.SerializationError):
            kb.from_json('{"entity": "x", "status": "bogus", "span": {"start": 0, "end": 1}}', kb.Sanction)


class TestJsonl:
    @given(st.lists(facts, max_size=4))
    def test_jsonl_round_trip(self, items: list[kb.Facts]) -> None:
        """write_jsonl then read_jsonl gives back the same models."""
        buf = io.StringIO()
        assert kb.write_jsonl(items, buf) == len(items)
        buf.seek(0)
        assert list(kb.read_jsonl(buf, kb.Facts)) == items

    def test_write_jsonl_is_lazy(self) -> None:
        """write_jsonl consumes a generator one item at a time."""
        consumed = []

        def gen() -> Any:
            for i in range(3):
                consumed.append(i)
                yield kb.Span(i, i)

        buf = io.StringIO()
        kb.write_jsonl(gen(), buf)
        assert consumed == [0, 1, 2]
        assert buf.getvalue().count("\n") == 3

    def test_read_jsonl_names_the_line(self) -> None:
        """A bad line is reported with its line number."""
        stream = io.StringIO('{"start": 0, "end": 1}\n\nnot json\n')
        reader = kb.read_jsonl(stream, kb.Span)
        assert next(reader) == kb.Span(0, 1)
        with pytest.raises(kb.SerializationError, match="line 3"):
            next(reader)


class TestJsonlPaths:
    @given(st.lists(facts, max_size=3), st.sampled_from(["f.jsonl", "f.jsonl.gz"]), st.booleans())
    def test_paths_round_trip(self, items: list[kb.Facts], name: str, as_str: bool) -> None:
        """write_jsonl and read_jsonl take a path (str or Path, gzipped by .gz) as well as a stream."""
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / name
            target: Any = str(path) if as_str else path
            assert kb.write_jsonl(items, target) == len(items)
            assert list(kb.read_jsonl(target, kb.Facts)) == items
            if name.endswith(".gz"):
                assert path.read_bytes()[:2] == b"\x1f\x8b"

    def test_missing_path_is_a_load_error(self, tmp_path: Any) -> None:
        """Reading a file that does not exist raises LoadError naming it."""
        with pytest.raises(kb.LoadError, match="nothere"):
            list(kb.read_jsonl(tmp_path / "nothere.jsonl", kb.Facts))
