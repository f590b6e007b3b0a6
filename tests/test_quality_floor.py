"""Quality on real text never falls silently: the dev-set figures hold their recorded floor."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kb_quality", ROOT / "benchmarks" / "quality.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


quality = _quality()


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, float]]:
    """The quality table on the seeds and the whole dev set (skipped without the shared folder)."""
    shared = quality.shared_dir()
    why = quality.available(shared)
    if why:
        pytest.skip(f"quality floor not checked: {why}")
    scorer = quality.load_scorer(shared)
    chosen = [s for s in quality.sets(shared) if s.name in ("seeds", "dev")]
    result: dict[str, dict[str, float]] = quality.table(scorer, chosen)
    return result


class TestQualityFloor:
    def test_floor_file_covers_every_metric(self) -> None:
        """The recorded floor names every metric of the table for the seeds and the dev set."""
        floor: dict[str, Any] = json.loads(quality.FLOOR.read_text("utf-8"))["floor"]
        assert set(floor) == {"seeds", "dev"}
        for metrics in floor.values():
            assert set(metrics) == set(quality.METRICS)
            assert all(0.0 <= v <= 1.0 for v in metrics.values())

    def test_no_figure_below_its_floor(self, figures: dict[str, dict[str, float]]) -> None:
        """No seed or dev-set figure is more than the tolerance below its recorded floor."""
        assert quality.below_floor(figures, quality.read_floor()) == []

    def test_no_crash_on_real_text(self, figures: dict[str, dict[str, float]]) -> None:
        """Every real article goes through article(), extract() and cluster() without an exception."""
        assert figures["dev"]["crashes"] == 0

    def test_below_floor_reports_a_drop(self) -> None:
        """A figure more than the tolerance under the floor is reported; one within it is not."""
        floor = {"dev": {"event_f1": 0.5, "title_acc": 0.9}}
        got = {"dev": {"event_f1": 0.495, "title_acc": 0.85}}
        assert quality.below_floor(got, floor) == ["dev title_acc: 0.85 < floor 0.9"]
