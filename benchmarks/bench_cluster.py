"""Scaling benchmark for `koreabrief.cluster` on a deterministic synthetic corpus.

Usage::

    python benchmarks/bench_cluster.py            # 10k and 100k articles
    python benchmarks/bench_cluster.py --quick    # 2k and 10k articles
    python benchmarks/bench_cluster.py --sizes 5000 50000 --seed 7

The generator writes stories of one to eight articles: a wire text, syndicated
copies (a few words changed), rewrites (sentences reordered and re-worded,
the wire quotation trimmed), independent reports (own text, same dated event)
and, for one story in ten, a "sequel": the same template text about the same
kind of event a week later, which must stay a separate story. Distinct stories
get distinct event signatures. Articles are streamed into `cluster`, so the
peak memory is the clustering's own (profiles and one LSH table at a time).

Reported per size: seconds to generate only, seconds to generate + cluster,
peak traced memory (tracemalloc) and maximum RSS, and pairwise same-story
precision/recall against the generator's truth.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator

import koreabrief as kb
from koreabrief.clustering import cluster

_SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "sun",
    "tel",
    "vo",
    "ra",
    "chen",
    "lu",
    "dor",
    "pa",
    "ve",
    "gim",
    "tor",
    "an",
    "ssi",
]
_TYPES = list(kb.EventType)
_ACTORS = ["North Korea", "South Korea", "United States", "Japan", "China", "Russia", "Ukraine"]
_DAY0 = dt.date(2020, 1, 1)


def _vocab(rng: random.Random, size: int) -> list[str]:
    out = set()
    while len(out) < size:
        out.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(out)


def _sentence(rng: random.Random, vocab: list[str], n: int = 14) -> str:
    # A third common words shared by all stories, the rest from a large vocabulary.
    toks = [vocab[rng.randrange(200)] if rng.random() < 0.33 else rng.choice(vocab) for _ in range(n)]
    return " ".join(toks).capitalize() + "."


def _signature(story: int) -> tuple[kb.EventType, str, dt.date]:
    # Distinct stories get distinct (type, actor, day) signatures, ten days apart
    # for the same type and actor, so that the truth is well defined.
    etype = _TYPES[story % len(_TYPES)]
    actor = _ACTORS[(story // len(_TYPES)) % len(_ACTORS)]
    slot = story // (len(_TYPES) * len(_ACTORS))
    return etype, actor, _DAY0 + dt.timedelta(days=10 * slot)


def _facts(
    aid: str,
    text: str,
    quote: str,
    sig: tuple[kb.EventType, str, dt.date],
    published: dt.date,
    *,
    source: str | None = None,
    outlet: str = "",
) -> kb.Facts:
    etype, actor, day = sig
    art = kb.Article(
        id=aid,
        raw=text,
        text=text,
        title=text[:60],
        outlet=outlet or None,
        published=published,
        original_source=source,
    )
    start = text.find(quote)
    event = kb.Event(
        type=etype,
        span=kb.Span(0, min(20, len(text))),
        actors=(actor,),
        time=kb.TimeRef("on the day", day, kb.Precision.DAY),
    )
    stmt = kb.Statement(
        quote=quote, span=kb.Span(max(start, 0), max(start, 0) + len(quote)), speaker="Spokesperson"
    )
    return kb.Facts(article=art, statements=(stmt,), events=(event,))


def corpus(n: int, seed: int = 1) -> Iterator[tuple[kb.Facts, int]]:
    """Yield ``(facts, true_story)`` for `n` synthetic articles, deterministically."""
    rng = random.Random(seed)
    vocab = _vocab(rng, 20000)
    made = 0
    story = 0
    while made < n:
        sig = _signature(story)
        wire = [_sentence(rng, vocab) for _ in range(8)]
        quote = " ".join(_sentence(rng, vocab, 16) for _ in range(2))
        published = sig[2] + dt.timedelta(days=1)
        members = ["wire"] + [
            rng.choice(["copy", "copy", "rewrite", "independent"]) for _ in range(rng.randint(0, 7))
        ]
        for m, kind in enumerate(members):
            if made >= n:
                return
            aid = f"a{story:07d}-{m}"
            if kind == "wire":
                text = " ".join(wire[:4]) + f" “{quote}” " + " ".join(wire[4:])
                yield _facts(aid, text, quote, sig, published, outlet="Wire"), story
            elif kind == "copy":
                sents = list(wire)
                k = rng.randrange(len(sents))
                sents[k] = _sentence(rng, vocab)
                text = " ".join(sents[:4]) + f" “{quote}” " + " ".join(sents[4:])
                yield _facts(aid, text, quote, sig, published, outlet=f"Outlet {m}"), story
            elif kind == "rewrite":
                sents = [_sentence(rng, vocab) if rng.random() < 0.5 else s for s in wire]
                rng.shuffle(sents)
                short = quote.split(". ")[-1]
                text = " ".join(sents[:3]) + f" “{short}” " + " ".join(sents[3:])
                yield (
                    _facts(
                        aid,
                        text,
                        short,
                        sig,
                        published + dt.timedelta(days=1),
                        source="www.wire.example",
                        outlet=f"Outlet {m}",
                    ),
                    story,
                )
            else:
                own = [_sentence(rng, vocab) for _ in range(8)]
                own_quote = _sentence(rng, vocab, 16)
                text = " ".join(own) + f" “{own_quote}”"
                yield _facts(aid, text, own_quote, sig, published, outlet=f"Outlet {m}"), story
            made += 1
        story += 1
        if story % 10 == 0 and made < n:
            # A sequel: the previous story's template text, the same kind of event a week later.
            etype, actor, day = sig
            later = (etype, actor, day + dt.timedelta(days=7))
            text = " ".join(wire[:4]) + " " + " ".join(wire[4:7]) + " " + _sentence(rng, vocab)
            yield _facts(f"a{story:07d}-s", text, "", later, later[2]), story
            made += 1
            story += 1


def _pairs(counts: Counter[int] | list[int]) -> int:
    values = counts.values() if isinstance(counts, Counter) else counts
    return sum(c * (c - 1) // 2 for c in values)


def run(n: int, seed: int, *, trace: bool = False) -> dict[str, float]:
    """Cluster `n` synthetic articles; return timings, memory and pairwise quality.

    Peak memory is the process's maximum RSS (run one size per process); with
    `trace`, tracemalloc's peak too, which slows the run several times.
    """
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in corpus(n, seed):
        pass
    gen, gen_cpu = time.perf_counter() - t0, time.process_time() - c0

    truth: dict[str, int] = {}

    def stream() -> Iterator[kb.Facts]:
        for facts, story in corpus(n, seed):
            truth[facts.article.id] = story
            yield facts

    if trace:
        tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    stories = cluster(stream())
    total, total_cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()

    predicted = _pairs([len(s.articles) for s in stories])
    true = _pairs(Counter(truth.values()))
    both = 0
    for s in stories:
        both += _pairs(Counter(truth[a] for a in s.articles))
    return {
        "articles": n,
        "stories": len(stories),
        "generate_s": gen,
        "cluster_s": total - gen,
        "total_s": total,
        "cluster_cpu_s": total_cpu - gen_cpu,
        "peak_mb": peak / 2**20,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "precision": both / predicted if predicted else 1.0,
        "recall": both / true if true else 1.0,
    }


def _machine_reference() -> float:
    """The benchmarks' machine reference (``corpus.py`` beside this file), in milliseconds."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent / "corpus.py"
    spec = importlib.util.spec_from_file_location("kb_bench_corpus", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    reference: float = module.machine_reference()
    return reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2k and 10k articles instead of 10k and 100k")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes to run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also trace peak Python allocations (slow)"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run(args.one, args.seed, trace=args.tracemalloc)))
        return
    sizes = args.sizes or ([2_000, 10_000] if args.quick else [10_000, 100_000])
    results = []
    for n in sizes:
        # One process per size, so that each maximum RSS is that size's own.
        cmd = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)]
        if args.tracemalloc:
            cmd.append("--tracemalloc")
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    print(
        f"{'articles':>9} {'stories':>8} {'gen s':>7} {'cluster s':>9} {'total s':>8} {'cpu s':>7} "
        f"{'traced MB':>9} {'maxRSS MB':>9} {'P':>6} {'R':>6}"
    )
    for r in results:
        print(
            f"{r['articles']:>9,.0f} {r['stories']:>8,.0f} {r['generate_s']:>7.1f} {r['cluster_s']:>9.1f} "
            f"{r['total_s']:>8.1f} {r['cluster_cpu_s']:>7.1f} {r['peak_mb']:>9.1f} {r['maxrss_mb']:>9.1f} "
            f"{r['precision']:>6.3f} {r['recall']:>6.3f}"
        )
    print(f"machine reference: {_machine_reference():.1f} ms (see corpus.machine_reference)")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        print(
            f"time ratio {b['articles'] / a['articles']:.0f}x articles: "
            f"cluster {b['cluster_s'] / a['cluster_s']:.1f}x "
            f"(CPU {b['cluster_cpu_s'] / a['cluster_cpu_s']:.1f}x), "
            f"total {b['total_s'] / a['total_s']:.1f}x"
        )


if __name__ == "__main__":
    main()
