"""Body F1 of the HTML path: trafilatura alone against trafilatura followed by koreabrief's cleaner.

Usage:
    python benchmarks/bench_html.py            # every page, the table and per-template rows
    python benchmarks/bench_html.py --pages    # also one line per page

The pages are built in `tests/html_pages.py`: own stories in five templates
(a wire agency, a blog with comments, a portal with teasers and a newsletter
box, a terse agency page, a magazine with "Also read" lines). The gold is the
story's paragraphs and sub-headings; the headline is not body.

Scores, per page then averaged (as the public article-extraction benchmarks do):
token F1 (bag of lower-cased words) and 4-gram shingle F1. Rows:

- ``trafilatura`` with its defaults (``trafilatura.extract(html)``);
- ``trafilatura (koreabrief's settings)``: comments left out, as the HTML path calls it;
- ``trafilatura + koreabrief cleaner``: the text of ``kb.article(html, id=...)``.

Needs the ``[html]`` extra. Not a timing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura

import koreabrief as kb
from tests.html_pages import Page, pages

_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _f1(got: Counter[object], want: Counter[object]) -> float:
    common = sum((got & want).values())
    if not common:
        return 0.0 if got or want else 1.0
    p, r = common / sum(got.values()), common / sum(want.values())
    return 2 * p * r / (p + r)


def token_f1(got: str, want: str) -> float:
    """F1 of the bags of lower-cased words."""
    return _f1(Counter(_tokens(got)), Counter(_tokens(want)))


def shingle_f1(got: str, want: str, n: int = 4) -> float:
    """F1 of the bags of n-word shingles (order-sensitive)."""

    def shingles(text: str) -> Counter[object]:
        t = _tokens(text)
        return Counter(tuple(t[i : i + n]) for i in range(max(len(t) - n + 1, 1)))

    return _f1(shingles(got), shingles(want))


EXTRACTORS: dict[str, Callable[[Page], str]] = {
    "trafilatura (defaults)": lambda p: trafilatura.extract(p.html) or "",
    "trafilatura (koreabrief's settings)": lambda p: kb.markup.main_text(p.html).text,
    "trafilatura + koreabrief cleaner": lambda p: kb.article(p.html, id=p.id).text,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="also print one line per page")
    args = parser.parse_args()
    all_pages = pages()
    scores: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for name, extract in EXTRACTORS.items():
        for page in all_pages:
            got, want = extract(page), "\n\n".join(page.body)
            pair = (token_f1(got, want), shingle_f1(got, want))
            scores.setdefault(name, {}).setdefault(page.template, []).append(pair)
            if args.pages:
                print(f"{name:38} {page.id:28} token {pair[0]:.3f} shingle {pair[1]:.3f}")

    def mean(values: list[float]) -> float:
        return sum(values) / len(values)

    templates = sorted({p.template for p in all_pages})
    print(f"{len(all_pages)} pages ({len(templates)} templates); mean body F1 per page")
    header = f"{'':38} {'token F1':>9} {'shingle F1':>11}  " + " ".join(f"{t:>9}" for t in templates)
    print(header)
    result = {}
    for name, by_template in scores.items():
        flat = [pair for pairs in by_template.values() for pair in pairs]
        tok, shi = mean([t for t, _ in flat]), mean([s for _, s in flat])
        per = {t: mean([x for x, _ in by_template[t]]) for t in templates}
        result[name] = {"token_f1": round(tok, 4), "shingle_f1": round(shi, 4), "templates": per}
        print(f"{name:38} {tok:9.3f} {shi:11.3f}  " + " ".join(f"{per[t]:9.3f}" for t in templates))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "html.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
