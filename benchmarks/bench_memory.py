"""Peak memory when streaming a JSONL corpus through load -> extract -> JSONL output.

Usage::

    python benchmarks/bench_memory.py                       # 25, 50, 100 MB
    python benchmarks/bench_memory.py --sizes 250 500 1000  # up to 1 GB (slow)
    python benchmarks/bench_memory.py --quick               # 5 and 10 MB

Each size runs in a fresh process (so peaks are independent) which generates a
synthetic JSONL file of that many megabytes, streams it through
``kb.process(path, workers=1)`` into a JSONL file, and reports its peak RSS.
Streaming is working when the peak does not grow with the corpus size.
Writes ``benchmarks/results/memory.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus

import koreabrief as kb

_ARTICLE_BYTES = 4_200  # an average synthetic record


def _run_one(megabytes: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        n = max(1, int(megabytes * 1e6 / _ARTICLE_BYTES))
        size = corpus.write_jsonl(src, n)
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.process_time()
        with (Path(tmp) / "facts.jsonl").open("w", encoding="utf-8") as out:
            count = kb.write_jsonl(kb.process(src, workers=1), out)
        cpu = time.process_time() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "megabytes": round(size / 1e6, 1),
        "articles": count,
        "cpu_seconds": round(cpu, 1),
        "peak_rss_mb": round(peak / 1024, 1),
        "rss_before_mb": round(baseline / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[25, 50, 100], help="corpus sizes in MB")
    parser.add_argument("--quick", action="store_true", help="5 and 10 MB")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "memory.json")
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(_run_one(args.one)))
        return
    sizes = [5.0, 10.0] if args.quick else args.sizes
    rows = []
    print(f"{'MB':>8} {'articles':>9} {'cpu s':>8} {'peak RSS MB':>12}")
    for mb in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(mb)], capture_output=True, text=True, check=True
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{row['megabytes']:8.1f} {row['articles']:9d} {row['cpu_seconds']:8.1f} "
            f"{row['peak_rss_mb']:12.1f}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
