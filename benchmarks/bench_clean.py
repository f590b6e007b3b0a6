"""Throughput and scaling of koreabrief.clean (a plain script, not a timed test).

Usage:
    python benchmarks/bench_clean.py            # full run: 1, 2, 5 and 10 MB inputs
    python benchmarks/bench_clean.py --quick    # 1 and 2 MB only

Prints MB/s (of raw UTF-8 text, per core: CPU time of this process, so that
other load on the machine does not count; wall time is shown beside it) and
articles/s for: the seed articles alone (seed-sized news pages, the goal of
issue 7), a corpus of realistic pages (the seeds and the furniture-heavy
fixture pages repeated), a single huge page of many lines, and a single line
with no breaks at all; the ratio of the largest to the smallest time per MB
shows whether the cost is linear.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import machine_reference

from koreabrief.cleaning import clean
from tests.test_clean_fixtures import all_pages

MB = 1024 * 1024


def _pages() -> list[str]:
    pages = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pages += [p.raw for p in all_pages()]
    return pages


def _time(raws: list[str]) -> tuple[float, float]:
    """CPU seconds of this process (robust to other load on the machine) and wall seconds."""
    start, wall = time.process_time(), time.perf_counter()
    for raw in raws:
        clean(raw)
    return time.process_time() - start, time.perf_counter() - wall


def _mb(raws: list[str]) -> float:
    return sum(len(r.encode("utf-8")) for r in raws) / MB


def corpus(size_mb: float) -> list[str]:
    """Realistic pages repeated until the corpus reaches size_mb."""
    pages, out, total = _pages(), [], 0
    while total < size_mb * MB:
        for p in pages:
            out.append(p)
            total += len(p.encode("utf-8"))
    return out


def seed_articles(size_mb: float) -> list[str]:
    """The seed articles repeated, each one an article, until size_mb."""
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out, total = [], 0
    while total < size_mb * MB:
        for p in seeds:
            out.append(p)
            total += len(p.encode("utf-8"))
    return out


def one_page(size_mb: float) -> list[str]:
    """A single page of size_mb made of many lines (pages glued together)."""
    return ["\n\n".join(corpus(size_mb))]


def one_line(size_mb: float) -> list[str]:
    """A single line of size_mb with no line break at all."""
    text = " ".join(p.replace("\n", " ") for p in _pages())
    return [(text * (int(size_mb * MB) // len(text) + 1))[: int(size_mb * MB)]]


def main() -> None:
    """Run the benchmark and print MB/s per input shape and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    args = parser.parse_args()
    sizes = [1.0, 2.0] if args.quick else [1.0, 2.0, 5.0, 10.0]
    clean("warm up the lexicon.")
    # So that runs on different machines compare (see corpus.machine_reference).
    print(f"machine reference: {machine_reference():.1f} ms")
    shapes = (("seed articles", seed_articles), ("corpus of pages", corpus), ("one page", one_page),
              ("one line", one_line))  # fmt: skip
    for name, make in shapes:
        per_mb = []
        for size in sizes:
            raws = make(size)
            seconds, wall = _time(raws)
            mb = _mb(raws)
            per_mb.append(seconds / mb)
            print(
                f"{name:16} {mb:6.1f} MB  cpu {seconds:6.2f} s  {mb / seconds:6.2f} MB/s per core"
                f"  {len(raws) / seconds:8.0f} articles/s  (wall {wall:6.2f} s)"
            )
        print(f"{name:16} linearity: largest/smallest time per MB = {max(per_mb) / min(per_mb):.2f}")


if __name__ == "__main__":
    main()
