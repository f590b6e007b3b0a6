"""The scaling figure: extract and cluster times at 1k, 10k and 100k articles.

Usage::

    python benchmarks/bench_scaling.py                          # 1k, 10k, 100k
    python benchmarks/bench_scaling.py --quick                  # 500 and 2,000
    python benchmarks/bench_scaling.py --extract 1000 10000 --cluster 1000 10000 100000

Extraction runs `kb.process` (load + clean + extract) on the synthetic seed
corpus of `corpus.py` with all cores; clustering runs `kb.cluster` on the
synthetic story corpus of `bench_cluster.py` (facts generated directly, so that
clustering is timed alone). Writes ``benchmarks/results/scaling.json`` and, when
matplotlib is installed (``pip install "koreabrief[benchmark]"``), the plot
``docs/img/scaling.png`` used by the docs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_cluster
import corpus

import koreabrief as kb


def time_extract(n: int, workers: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        corpus.write_jsonl(path, n)
        start = time.perf_counter()
        count = sum(1 for _ in kb.process(path, workers=workers))
        elapsed = time.perf_counter() - start
    assert count == n
    return elapsed


def time_cluster(n: int) -> float:
    facts = [f for f, _ in bench_cluster.corpus(n)]
    start = time.perf_counter()
    kb.cluster(facts)
    return time.perf_counter() - start


def plot(result: dict[str, dict[str, float]], target: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    for stage, rows in result.items():
        sizes = sorted(int(k) for k in rows)
        ax.plot(sizes, [rows[str(s)] for s in sizes], marker="o", label=stage)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("articles")
    ax.set_ylabel("seconds (wall)")
    ax.set_title("koreabrief scaling on 2 cores")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(target)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--cluster", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "scaling.json")
    parser.add_argument("--plot", type=Path, default=HERE.parent / "docs" / "img" / "scaling.png")
    args = parser.parse_args()
    if args.quick:
        args.extract, args.cluster = [500, 2000], [500, 2000]
    result: dict[str, dict[str, float]] = {"extract (load+clean+extract)": {}, "cluster": {}}
    print(f"{'stage':30} {'articles':>9} {'seconds':>9} {'art/s':>9}")
    for n in args.extract:
        sec = time_extract(n, args.workers)
        result["extract (load+clean+extract)"][str(n)] = round(sec, 2)
        print(f"{'extract (' + str(args.workers) + ' workers)':30} {n:9d} {sec:9.2f} {n / sec:9.1f}")
    for n in args.cluster:
        sec = time_cluster(n)
        result["cluster"][str(n)] = round(sec, 2)
        print(f"{'cluster':30} {n:9d} {sec:9.2f} {n / sec:9.1f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")
    if not args.quick and plot(result, args.plot):
        print(f"wrote {args.plot}")


if __name__ == "__main__":
    main()
