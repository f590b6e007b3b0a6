"""Throughput of event and sanction extraction on seed-sized articles.

Run: ``python benchmarks/bench_extract.py [--quick] [--rounds N]``.

The five seed articles (their gold bodies, so the cleaner is not measured) are
extracted repeatedly on one core; the script prints articles per second for
events, sanctions and both together. The goal for the whole ``extract``
(statements included, measured last) is 300 articles/s/core, so events +
sanctions should stay well above that.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import koreabrief as kb
from koreabrief.extraction.events import extract_events
from koreabrief.extraction.sanctions import extract_sanctions

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "seeds.jsonl"


def _articles() -> list[kb.Article]:
    out = []
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            text = "\n\n".join(g["body"])
            published = dt.date.fromisoformat(g["published"]) if g["published"] else None
            out.append(kb.Article(id=g["id"], raw=text, text=text, published=published))
    return out


def _rate(label: str, call: Callable[[kb.Article], object], articles: list[kb.Article], rounds: int) -> float:
    for a in articles:  # warm up: lexicons and patterns compile once
        call(a)
    # CPU time of this process, best of five repeats (as timeit does): on a shared
    # machine wall time and single runs are noisy.
    best_cpu = best_wall = float("inf")
    for _ in range(5):
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(rounds):
            for a in articles:
                call(a)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - t0)
    n = rounds * len(articles)
    rate = n / best_cpu
    timing = f"best CPU {best_cpu:.3f}s, wall {best_wall:.3f}s, {n} articles"
    print(f"{label:<22} {rate:8.1f} articles/s per core ({timing})")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few rounds only")
    parser.add_argument("--rounds", type=int, default=None)
    args = parser.parse_args()
    rounds = args.rounds or (10 if args.quick else 100)
    articles = _articles()
    size = sum(len(a.text) for a in articles) / len(articles)
    print(f"{len(articles)} seed articles, mean {size:.0f} characters, {rounds} rounds, one core")
    print(f"machine reference: {corpus.machine_reference():.1f} ms (see corpus.machine_reference)")
    _rate("events", extract_events, articles, rounds)
    _rate("sanctions", extract_sanctions, articles, rounds)
    _rate("events + sanctions", lambda a: (extract_events(a), extract_sanctions(a)), articles, rounds)
    _rate("statements", kb.extract_statements, articles, rounds)
    _rate("whole extract", kb.extract, articles, rounds)


if __name__ == "__main__":
    main()
