"""Seed gold: events (type + resolved date), their arguments and quantities, and sanctions.

Run with ``-s`` to see the figures (precision, recall, F1 and argument accuracies).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import koreabrief as kb
from koreabrief.extraction.events import extract_events
from koreabrief.extraction.sanctions import extract_sanctions

GOLD = Path(__file__).parent / "gold" / "seeds.jsonl"
# People and bodies the seeds name that the shipped gazetteer may not (yet) hold.
GAZ = kb.Gazetteer.default().extend(Path(__file__).parent / "fixtures" / "events" / "gazetteer_extra.toml")


def _gold() -> list[dict[str, Any]]:
    with GOLD.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _article(g: dict[str, Any]) -> kb.Article:
    return kb.Article(
        id=g["id"],
        raw="\n\n".join(g["body"]),
        text="\n\n".join(g["body"]),
        published=dt.date.fromisoformat(g["published"]) if g["published"] else None,
    )


def _quantities(e: kb.Event) -> list[tuple[Any, ...]]:
    return sorted((q.unit, q.value, q.approx) for q in e.quantities)


def _gold_quantities(ge: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted(
        (q["unit"], float(q["value"]) if q["value"] is not None else None, q.get("approx"))
        for q in ge["quantities"]
    )


def _match(gold: list[dict[str, Any]], pred: list[kb.Event]) -> list[tuple[dict[str, Any], kb.Event]]:
    """One-to-one pairs with equal type and date, preferring the most shared actors."""
    pairs = []
    used: set[int] = set()
    for ge in gold:
        best = None
        for i, e in enumerate(pred):
            if i in used or e.type.value != ge["type"] or (e.time.iso if e.time else None) != ge["date"]:
                continue
            score = len(set(e.actors) & set(ge["actors"]))
            if best is None or score > best[0]:
                best = (score, i)
        if best is not None:
            used.add(best[1])
            pairs.append((ge, pred[best[1]]))
    return pairs


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    tp = n_gold = n_pred = 0
    agree = {"actors": 0, "target": 0, "location": 0, "quantities": 0}
    for g in _gold():
        pred = list(extract_events(_article(g), gazetteer=GAZ))
        pairs = _match(g["events"], pred)
        tp += len(pairs)
        n_gold += len(g["events"])
        n_pred += len(pred)
        for ge, e in pairs:
            agree["actors"] += set(e.actors) == set(ge["actors"])
            agree["target"] += e.target == ge["target"]
            agree["location"] += e.location == ge["location"]
            agree["quantities"] += _quantities(e) == _gold_quantities(ge)
    precision, recall = tp / n_pred, tp / n_gold
    out = {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if tp else 0.0,
        **{k: v / tp for k, v in agree.items()},
    }
    print(
        "\nseed gold events:",
        {k: round(v, 3) for k, v in out.items()},
        f"({tp}/{n_gold} gold, {n_pred} found)",
    )
    return out


class TestGoldEvents:
    def test_event_f1(self, figures: dict[str, float]) -> None:
        """Event F1 (type and resolved date must match) is at least 0.9 on the seeds."""
        assert figures["f1"] >= 0.9

    def test_quantities_exact(self, figures: dict[str, float]) -> None:
        """Every matched event carries exactly the gold quantities."""
        assert figures["quantities"] == 1.0

    def test_argument_accuracy(self, figures: dict[str, float]) -> None:
        """Actors, targets and locations of matched events mostly agree with the gold."""
        assert figures["actors"] >= 0.8
        assert figures["target"] >= 0.9
        assert figures["location"] >= 0.7

    def test_all_gold_events_returned_by_default(self) -> None:
        """No gold event is hidden as hypothetical or negated: the default output covers them."""
        for g in _gold():
            found = extract_events(_article(g), gazetteer=GAZ)
            assert all(e.modality not in (kb.Modality.HYPOTHETICAL, kb.Modality.NEGATED) for e in found)


class TestGoldSanctions:
    @pytest.mark.parametrize("g", _gold(), ids=lambda g: g["id"])
    def test_sanctions_exact(self, g: dict[str, Any]) -> None:
        """Each seed's sanctions match the gold exactly (target = entity, imposed_by = authority)."""
        got = [
            {"target": s.entity, "imposed_by": s.authority, "reason": s.reason, "status": s.status.value}
            for s in extract_sanctions(_article(g), gazetteer=GAZ)
        ]
        assert got == g["sanctions"]
