"""Model invariants: frozen, slotted, validated."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import koreabrief as kb
from koreabrief.models import __all__ as model_names
from tests.strategies import MODEL_STRATEGIES, spans


def _attrs_models() -> list[type]:
    return [c for c in (getattr(kb, n) for n in model_names) if attrs.has(c)]


class TestShape:
    @pytest.mark.parametrize("cls", _attrs_models(), ids=lambda c: c.__name__)
    @given(data=st.data())
    def test_models_are_frozen_and_slotted(self, cls: type, data: st.DataObject) -> None:
        """Every model is a slotted attrs class with a docstring whose instances refuse assignment."""
        assert "__slots__" in cls.__dict__
        assert cls.__doc__
        obj = data.draw(MODEL_STRATEGIES[cls])
        first = attrs.fields(cls)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, first, getattr(obj, first))

    def test_instances_are_immutable(self) -> None:
        """Assigning to a field raises."""
        span = kb.Span(0, 1)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            span.start = 3  # type: ignore[misc]


class TestSpan:
    def test_end_before_start_is_refused(self) -> None:
        """A span cannot end before it starts."""
        with pytest.raises(ValueError, match="before start"):
            kb.Span(5, 2)

    def test_negative_offsets_are_refused(self) -> None:
        """Offsets are never negative."""
        with pytest.raises(ValueError, match=">= 0"):
            kb.Span(-1, 2)

    @given(spans())
    def test_slice_length_matches(self, span: kb.Span) -> None:
        """A span's slice of a long enough text has the span's length."""
        text = "x" * (span.end + 1)
        assert len(span.slice(text)) == len(span)


class TestValidators:
    def test_lists_are_refused(self) -> None:
        """Collections must be tuples, not lists."""
        with pytest.raises(TypeError):
            kb.Event(type=kb.EventType.SUMMIT, span=kb.Span(0, 1), actors=["North Korea"])  # type: ignore[arg-type]

    def test_enum_fields_need_enums(self) -> None:
        """A plain string is not accepted where an enum is expected."""
        with pytest.raises(TypeError):
            kb.Event(type="summit", span=kb.Span(0, 1))  # type: ignore[arg-type]

    def test_removal_offsets_ordered(self) -> None:
        """A removal cannot end before it starts."""
        with pytest.raises(ValueError, match="before start"):
            kb.Removal(kb.RemovalKind.SHARE, "Share", 5, 1)


class TestStatementInit:
    @given(MODEL_STRATEGIES[kb.Statement])
    def test_fields_round_trip_through_the_init(self, statement: kb.Statement) -> None:
        """The hand-written init keeps every field as given, positionally or by name."""
        fields = attrs.asdict(statement, recurse=False)
        assert kb.Statement(**fields) == statement
        assert kb.Statement(*fields.values()) == statement

    @pytest.mark.parametrize(
        "bad",
        [{"quote": 1}, {"span": (0, 1)}, {"speaker": 3}, {"cue": b"said"}, {"direct": 1},
         {"sentence": (0, 1)}, {"via": 2}, {"co_speakers": ["Kim"]}, {"co_speakers": ("Kim", 1)}],
    )  # fmt: skip
    def test_wrong_types_are_refused_by_the_validators(self, bad: dict[str, object]) -> None:
        """A field of the wrong type fails with the attrs validator's `TypeError`, naming it."""
        fields: dict[str, object] = {"quote": "q", "span": kb.Span(0, 1), **bad}
        with pytest.raises(TypeError, match=f"'{next(iter(bad))}' must be"):
            kb.Statement(**fields)  # type: ignore[arg-type]

    def test_subclasses_pass_as_the_validators_allow(self) -> None:
        """A `str` subclass is a string for the validators, as `instance_of` says."""

        class Text(str):
            __slots__ = ()

        assert kb.Statement(quote=Text("q"), span=kb.Span(0, 1), speaker=Text("Kim")).speaker == "Kim"


class TestTimeRef:
    @pytest.mark.parametrize(
        ("precision", "iso"),
        [(kb.Precision.DAY, "2023-08-18"), (kb.Precision.MONTH, "2023-08"), (kb.Precision.YEAR, "2023")],
    )
    def test_iso_respects_precision(self, precision: kb.Precision, iso: str) -> None:
        """iso gives the date at its precision."""
        assert kb.TimeRef("x", dt.date(2023, 8, 18), precision).iso == iso

    def test_unresolved_has_no_iso(self) -> None:
        """An unresolved time has no ISO form."""
        assert kb.TimeRef("on Monday").iso is None
