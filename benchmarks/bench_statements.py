"""Throughput of koreabrief's statement extraction (a plain script, not a timed test).

Usage:
    python benchmarks/bench_statements.py            # full run
    python benchmarks/bench_statements.py --quick    # fewer rounds

Builds the five seed articles directly from the gold bodies (no cleaning, so the
figure is statements alone), warms the gazetteer and lexicon up once, then times
`extract_statements` over many rounds on one core and reports seed-sized articles
per second, of wall time and of CPU time (the fair figure on a shared machine).
It also times hostile inputs (a 1 MB paragraph inside one quotation, thousands
of unmatched quotation marks) to show that cost stays linear.
Writes JSON under benchmarks/results/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import koreabrief as kb
from koreabrief.extraction.statements import extract_statements


def _seed_articles() -> list[kb.Article]:
    out = []
    with (ROOT / "tests" / "gold" / "seeds.jsonl").open(encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            text = "\n\n".join(g["body"])
            out.append(kb.Article(id=g["id"], raw=text, text=text))
    return out


def _rate(articles: list[kb.Article], rounds: int) -> tuple[float, float, int]:
    """Articles per second of wall time and of this process's CPU time (one core)."""
    n = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for article in articles:
            extract_statements(article)
            n += 1
    return n / (time.perf_counter() - wall), n / (time.process_time() - cpu), n


def _hostile(size: int) -> dict[str, float]:
    cases = {
        "quote_1mb": "Kim said, “" + "We will fight on. " * (size // 18) + "” he said.",
        "unmatched_marks": " “ ".join(["Park said it"] * (size // 15)),
        "one_sentence_pronouns": "he said “x”, " * (size // 13),
    }
    out = {}
    for name, text in cases.items():
        article = kb.Article(id=name, raw="", text=text)
        start = time.perf_counter()
        extract_statements(article)
        out[name] = (time.perf_counter() - start) / (len(text) / 1_000_000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    articles = _seed_articles()
    for article in articles:  # warm-up: gazetteer and lexicon patterns compile once
        extract_statements(article)
    rounds = 40 if args.quick else 200
    rate, cpu_rate, n = _rate(articles, rounds)
    size = 250_000 if args.quick else 1_000_000
    hostile = _hostile(size)
    print(f"{'measure':<34}{'value':>14}")
    print(f"{'seed articles/s (wall)':<34}{rate:>14.0f}")
    print(f"{'seed articles/s (CPU, one core)':<34}{cpu_rate:>14.0f}")
    print(f"{'articles timed':<34}{n:>14d}")
    for name, seconds_per_mb in hostile.items():
        print(f"{'s per MB: ' + name:<34}{seconds_per_mb:>14.2f}")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    out = {
        "articles_per_second_wall": rate,
        "articles_per_second_cpu": cpu_rate,
        "articles": n,
        "hostile_seconds_per_mb": hostile,
        "quick": args.quick,
    }
    (results / "statements.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
