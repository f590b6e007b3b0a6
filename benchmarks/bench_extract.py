"""Throughput of event and sanction extraction on seed-sized articles.

Run: ``python benchmarks/bench_extract.py [--quick] [--rounds N]``, or
``python benchmarks/bench_extract.py --against 0.1.0`` for a ratio.

The five seed articles (their gold bodies, so the cleaner is not measured) are
extracted repeatedly on one core; the script prints articles per second for
events, sanctions and both together. The goal for the whole ``extract``
(statements included, measured last) is 300 articles/s/core, so events +
sanctions should stay well above that.

``--against REF`` times this checkout and an earlier release side by side in
one run, so the figure holds across machines that differ by 2x or more: the
release (a git ref; ``0.1.0`` names the commit whose figures the 0.1.0 issues
quote) is installed once into its own virtualenv under ``benchmarks/results/``,
then both interpreters time the same articles in alternating rounds and the
script prints each stage's speed-up (this checkout's rate over the release's).
``--corpus dev`` times the real dev-set articles (cleaned by this checkout)
instead of the seeds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import koreabrief as kb
from koreabrief.extraction.events import extract_events
from koreabrief.extraction.sanctions import extract_sanctions

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "seeds.jsonl"
RESULTS = ROOT / "benchmarks" / "results"
#: Named releases: the commit each stands for (0.1.0 was never tagged; the issues quote this commit).
RELEASES = {"0.1.0": "43f3519"}
#: The stages timed against a release, by their public names (present in every release).
STAGES = ("extract_events", "extract_sanctions", "extract_statements", "extract")


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


def _release_python(ref: str) -> Path:
    """The interpreter of a virtualenv holding release `ref`, built once and kept under results/."""
    commit = subprocess.run(["git", "rev-parse", "--short", RELEASES.get(ref, ref)], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout.strip()
    venv = RESULTS / f"release-{commit}"
    python = venv / "bin" / "python"
    if python.exists():
        return python
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "src.tar"
        subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), commit], cwd=ROOT, check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(Path(tmp) / "src", filter="data")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(Path(tmp) / "src")], check=True)
    return python


def _corpus_file(which: str, path: Path) -> int:
    """Write the timed articles (clean text, publication date) as JSON for both interpreters."""
    if which == "seeds":
        rows = [{"id": a.id, "text": a.text, "published": str(a.published) if a.published else None}
                for a in _articles()]
    else:
        dev = ROOT.parent / "shared" / "dev"
        rows = []
        for gold_file in sorted(dev.glob("gold-*.jsonl")):
            for line in gold_file.read_text("utf-8").splitlines():
                g = json.loads(line)
                raw = (dev / "articles" / f"{g['id']}.txt").read_text("utf-8")
                text = kb.clean(raw).text
                rows.append({"id": g["id"], "text": text, "published": g.get("published")})
    path.write_text(json.dumps(rows), "utf-8")
    return len(rows)


def _worker(corpus_path: str, rounds: int) -> None:
    """Time each public stage over the articles in `corpus_path` (best CPU time of 3); print JSON."""
    rows = json.loads(Path(corpus_path).read_text("utf-8"))
    articles = [kb.Article(id=r["id"], raw=r["text"], text=r["text"],
                           published=dt.date.fromisoformat(r["published"]) if r["published"] else None)
                for r in rows]
    out = {}
    for stage in STAGES:
        call = getattr(kb, stage)
        for a in articles:  # warm up: lexicons and patterns compile once
            call(a)
        best = float("inf")
        for _ in range(3):
            c0 = time.process_time()
            for _ in range(rounds):
                for a in articles:
                    call(a)
            best = min(best, time.process_time() - c0)
        out[stage] = rounds * len(articles) / best
    print(json.dumps(out))


def _against(ref: str, which: str, rounds: int, pairs: int) -> None:
    """This checkout's rate over release `ref`'s, per stage, measured in alternating runs."""
    release = _release_python(ref)
    RESULTS.mkdir(parents=True, exist_ok=True)
    corpus_path = RESULTS / f"against-{which}.json"
    n = _corpus_file(which, corpus_path)
    print(f"{n} {which} articles, {rounds} rounds x best of 3, {pairs} alternating pairs, one core")
    print(f"machine reference: {corpus.machine_reference():.1f} ms (see corpus.machine_reference)")
    best: dict[str, dict[str, float]] = {"release": {}, "now": {}}
    # The release's interpreter must import the release: a PYTHONPATH that puts this
    # checkout's source first (as a worktree run does) is kept for "now" only.
    release_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # The workers run in results/, so a relative PYTHONPATH ("src" from a worktree)
    # would silently miss and time whatever copy is installed instead.
    now_env = dict(os.environ)
    if now_env.get("PYTHONPATH"):
        now_env["PYTHONPATH"] = os.pathsep.join(
            str(Path(p).resolve()) for p in now_env["PYTHONPATH"].split(os.pathsep) if p
        )
    for _ in range(pairs):
        for name, python in (("release", str(release)), ("now", sys.executable)):
            run = subprocess.run([python, __file__, "--worker", str(corpus_path), "--rounds", str(rounds)],
                                 check=True, capture_output=True, text=True, cwd=RESULTS,
                                 env=release_env if name == "release" else now_env)
            for stage, rate in json.loads(run.stdout.strip().splitlines()[-1]).items():
                best[name][stage] = max(best[name].get(stage, 0.0), rate)
    print(f"{'stage':<20} {ref:>12} {'this checkout':>14} {'speed-up':>9}")
    for stage in STAGES:
        old, new = best["release"][stage], best["now"][stage]
        print(f"{stage:<20} {old:10.1f}/s {new:12.1f}/s {new / old:8.2f}x")
    (RESULTS / f"against-{ref}-{which}.json").write_text(json.dumps(best, indent=1), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few rounds only")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--against", metavar="REF",
                        help="time side by side with a release (0.1.0) or a git ref")
    parser.add_argument("--corpus", choices=("seeds", "dev"), default="seeds",
                        help="with --against: the seeds or the real dev-set articles (../shared/dev)")
    parser.add_argument("--pairs", type=int, default=3, help="with --against: alternating runs of each")
    parser.add_argument("--worker", metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker, args.rounds or 10)
        return
    if args.against:
        _against(args.against, args.corpus, args.rounds or (2 if args.quick else 10), args.pairs)
        return
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
