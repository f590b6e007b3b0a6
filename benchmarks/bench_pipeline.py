"""Throughput of each stage and of the whole pipeline, against a read-and-tokenise floor.

Usage::

    python benchmarks/bench_pipeline.py            # 5,000 synthetic articles
    python benchmarks/bench_pipeline.py --quick    # 500
    python benchmarks/bench_pipeline.py --n 20000 --workers 2

Prints a table and writes ``benchmarks/results/pipeline.json``. The floor is a
bare pass over the same bytes (read the JSONL, decode, split into words): the
ratio pipeline/floor says how much the library costs over merely touching the text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import koreabrief as kb

_WORDS = re.compile(r"\w+")


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def _floor(path: Path) -> int:
    words = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            words += len(_WORDS.findall(json.loads(line)["text"]))
    return words


def run(n: int, workers: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        size = corpus.write_jsonl(path, n)
        mb = size / 1e6
        rows: dict[str, float] = {}
        rows["floor: read + tokenise"], _ = _timed(lambda: _floor(path))
        rows["load + clean"], articles = _timed(lambda: list(kb.load(path)))
        rows["extract_statements"], _ = _timed(lambda: [kb.extract_statements(a) for a in articles])
        rows["extract_events"], _ = _timed(lambda: [kb.extract_events(a) for a in articles])
        rows["extract_sanctions"], _ = _timed(lambda: [kb.extract_sanctions(a) for a in articles])
        rows["pipeline (1 core)"], _ = _timed(lambda: sum(1 for _ in kb.process(path, workers=1)))
        if workers > 1:
            rows[f"pipeline ({workers} workers)"], _ = _timed(
                lambda: sum(1 for _ in kb.process(path, workers=workers))
            )
    floor = rows["floor: read + tokenise"]
    return {
        "articles": n,
        "machine_reference_ms": round(corpus.machine_reference(), 1),
        "megabytes": round(mb, 3),
        "stages": {
            name: {
                "seconds": round(sec, 4),
                "articles_per_s": round(n / sec, 1),
                "mb_per_s": round(mb / sec, 2),
                "x_floor": round(sec / floor, 1),
            }
            for name, sec in rows.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--quick", action="store_true", help="500 articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "pipeline.json")
    args = parser.parse_args()
    n = 500 if args.quick else args.n
    result = run(n, args.workers)
    print(f"{n} articles, {result['megabytes']} MB, machine reference {result['machine_reference_ms']} ms")
    print(f"{'stage':28} {'seconds':>9} {'art/s':>10} {'MB/s':>8} {'x floor':>8}")
    for name, row in result["stages"].items():
        print(
            f"{name:28} {row['seconds']:9.3f} {row['articles_per_s']:10.1f} "
            f"{row['mb_per_s']:8.2f} {row['x_floor']:8.1f}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
