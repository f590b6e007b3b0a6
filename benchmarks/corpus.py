"""A deterministic synthetic corpus built from the seed articles.

Each synthetic article is a seed with its paragraphs lightly permuted, numbers,
weekdays and actors swapped from small pools, and a fresh id, so that sizes from
a thousand to millions of articles can be generated reproducibly (same `seed`,
same corpus) without storing them.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_STATES = ["North Korea", "Russia", "China", "Iran", "South Korea", "Japan"]
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b")


def _seed_texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def _vary(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3:
        # Keep head and tail (where furniture lives); shuffle a little in between.
        middle = paragraphs[1:-1]
        i, j = rng.randrange(len(middle)), rng.randrange(len(middle))
        middle[i], middle[j] = middle[j], middle[i]
        paragraphs = [paragraphs[0], *middle, paragraphs[-1]]
    text = "\n\n".join(paragraphs)
    text = _NUMBER.sub(lambda m: f"{rng.randrange(2, 2000):,}", text)
    text = _WEEKDAY.sub(lambda m: rng.choice(_WEEKDAYS), text)
    return text.replace("North Korea", rng.choice(_STATES), 1)


def records(n: int, *, seed: int = 0) -> Iterator[dict[str, str]]:
    """Yield `n` synthetic article records (``id, published, outlet, text``).

    >>> [r["id"] for r in records(2)]
    ['syn-00000000', 'syn-00000001']
    """
    rng = random.Random(seed)
    texts = _seed_texts()
    for i in range(n):
        base = texts[i % len(texts)]
        day = 1 + rng.randrange(28)
        yield {
            "id": f"syn-{i:08d}",
            "published": f"2025-{1 + rng.randrange(12):02d}-{day:02d}",
            "outlet": f"outlet-{rng.randrange(40)}",
            "text": _vary(base, rng),
        }


def write_jsonl(path: Path, n: int, *, seed: int = 0) -> int:
    """Write `n` synthetic records to `path` as JSON lines; return the bytes written."""
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records(n, seed=seed):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
    return size


def machine_reference() -> float:
    """Milliseconds a fixed pure-Python workload takes here (best of five, CPU time).

    Per-core rates depend on the machine; printed beside them, this figure lets
    runs on different machines be compared (half the reference time, about
    twice the articles per second).
    """
    words = re.compile(r"\w+")
    text = " ".join(_seed_texts())
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        counts: dict[str, int] = {}
        for _ in range(20):
            for word in words.findall(text):
                low = word.lower()
                counts[low] = counts.get(low, 0) + 1
        best = min(best, time.process_time() - start)
    return best * 1000
