"""Line F1 of the text cleaner on own pages shaped like a public boilerplate benchmark's.

Usage:
    python benchmarks/boilerplate_lines.py            # the table, one row per page and the total
    python benchmarks/boilerplate_lines.py --misses   # also every line scored wrong

The pages (``benchmarks/boilerplate/*.page``) were written for this script in
the styles that benchmark's scraped pages have: link columns, cookie and legal
text, newsletter and login forms, mega-menus, galleries, long comment threads
that change shape, author bios and "about" blocks, lists and tables in the
body, embedded posts, short body lines, teaser blocks, paywall promos. Their
format is the fixture pages' (``tests/fixtures/pages/README.md``): ``@kind text``
is a furniture line, ``@title text`` the headline, every other non-blank line
body, ``@@ url: ...`` the address passed to the cleaner. Pages 13-19
(``--pages '1[3-9]*'``) were written after the cleaner was tuned on 01-12 and
serve as held-out pages.

Each non-blank line is scored body or not (the headline is not body): a line
is predicted furniture when removals (or the title) cover most of its
characters. Rows: body-line precision, recall and F1 per page; the total is
micro-averaged over every line, as the public benchmark scores lines. Writes
``benchmarks/results/boilerplate_lines.json``. Not a timing; measured outside
the tests (the pages are not fixtures the cleaner must pass).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import koreabrief as kb

HERE = Path(__file__).resolve().parent
PAGES = HERE / "boilerplate"
_MARK = re.compile(r"@([a-z_]+) (.*)$")


@dataclass
class Page:
    """A page: its raw text, each non-blank line's span and whether it is body."""

    name: str
    raw: str
    lines: list[tuple[int, int, bool]]
    url: str | None


def parse(path: Path) -> Page:
    """Read a ``.page`` file into raw text and gold line labels."""
    raw_lines: list[str] = []
    gold: list[bool | None] = []
    url = None
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("@@ "):
            key, _, value = line[3:].partition(":")
            if key.strip() == "url":
                url = value.strip()
            continue
        m = _MARK.match(line)
        if m is not None:
            raw_lines.append(m.group(2))
            gold.append(False)
        else:
            raw_lines.append(line)
            gold.append(True if line.strip() else None)
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    for text, body in zip(raw_lines, gold, strict=True):
        if body is not None:
            spans.append((pos, pos + len(text), body))
        pos += len(text) + 1
    return Page(path.stem, "\n".join(raw_lines) + "\n", spans, url)


def predicted_body(page: Page, article: kb.Article) -> list[bool]:
    """Per gold line, whether the cleaner kept it in the body."""
    covered = bytearray(len(page.raw))
    for r in article.removed:
        covered[r.start : r.end] = b"\x01" * (r.end - r.start)
    out = []
    for start, end, _ in page.lines:
        text = page.raw[start:end].strip()
        gone = sum(covered[start:end]) * 2 > (end - start)
        out.append(not (gone or (article.title is not None and text == article.title)))
    return out


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every line scored wrong")
    parser.add_argument("--pages", default="*", help="only the pages whose name matches this glob")
    args = parser.parse_args()
    totals = [0, 0, 0, 0]  # tp fp fn, furniture lines removed
    furniture = 0
    rows = []
    print(f"{'page':32} {'lines':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for path in sorted(PAGES.glob(f"{args.pages}.page")):
        page = parse(path)
        article = kb.clean(page.raw, url=page.url)
        got = predicted_body(page, article)
        tp = sum(1 for (_, _, g), p in zip(page.lines, got, strict=True) if g and p)
        fp = sum(1 for (_, _, g), p in zip(page.lines, got, strict=True) if not g and p)
        fn = sum(1 for (_, _, g), p in zip(page.lines, got, strict=True) if g and not p)
        gone = sum(1 for (_, _, g), p in zip(page.lines, got, strict=True) if not g and not p)
        furniture += sum(1 for _, _, g in page.lines if not g)
        for k, v in enumerate((tp, fp, fn, gone)):
            totals[k] += v
        p, r, f = _f1(tp, fp, fn)
        rows.append({"page": page.name, "lines": len(page.lines), "precision": p, "recall": r, "f1": f})
        print(f"{page.name:32} {len(page.lines):5} {p:6.3f} {r:6.3f} {f:6.3f}")
        if args.misses:
            for (start, end, g), pr in zip(page.lines, got, strict=True):
                if g != pr:
                    label = "kept furniture" if pr else "lost body"
                    print(f"    {label}: {page.raw[start:end][:90]}")
    p, r, f = _f1(*totals[:3])
    removed = totals[3] / furniture if furniture else 1.0
    lines = sum(row["lines"] for row in rows)
    print(f"{'all (micro)':32} {lines:5} {p:6.3f} {r:6.3f} {f:6.3f}   furniture removed {removed:.3f}")
    out = HERE / "results" / "boilerplate_lines.json"
    out.parent.mkdir(exist_ok=True)
    summary = {"precision": p, "recall": r, "f1": f, "furniture_removed": removed}
    out.write_text(json.dumps({"pages": rows, "all": summary}, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
