"""Attribution breadth: the speaker the extractor gives each probe of the breadth table.

Usage::

    python benchmarks/speaker_probes.py             # misses per form, then each miss
    python benchmarks/speaker_probes.py --all       # every probe with its speaker

The probes are the team's own sentences in ``tests/test_statements_breadth.py``
(``PROBES`` must pass; ``GAPS`` are the known misses), one quotation each, run against
the shipped gazetteer; only the first quotation's speaker is compared.
"""

from __future__ import annotations

import argparse
import importlib.util
from collections import Counter
from pathlib import Path
from typing import Any

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements

_TABLE = Path(__file__).resolve().parent.parent / "tests" / "test_statements_breadth.py"


def _load() -> Any:
    spec = importlib.util.spec_from_file_location("breadth", _TABLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every probe, not only misses")
    args = parser.parse_args()
    table = _load()
    gazetteer = kb.Gazetteer.default()
    total: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    lines = []
    for form, text, speaker in [*table.PROBES, *table.GAPS]:
        found = extract_statements(kb.Article(id=form, raw=text, text=text), gazetteer=gazetteer)
        got = found[0].speaker if found else "(no quotation)"
        total[form] += 1
        ok = got == speaker
        if not ok:
            missed[form] += 1
        if args.all or not ok:
            lines.append(f"{'ok  ' if ok else 'MISS'} [{form}] want={speaker!r} got={got!r} :: {text!r}")
    for form in sorted(total):
        print(f"{form:16} {missed[form]:3d} / {total[form]:3d} missed")
    print(f"{'all':16} {sum(missed.values()):3d} / {sum(total.values()):3d} missed")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
