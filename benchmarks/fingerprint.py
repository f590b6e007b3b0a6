"""A fingerprint of the pipeline's output, to show that speed work changes nothing.

Usage::

    python benchmarks/fingerprint.py               # print the digest
    python benchmarks/fingerprint.py --save F      # also write one line per input to F
    python benchmarks/fingerprint.py --diff F      # name the inputs whose output differs from F
    python benchmarks/fingerprint.py --dev ../shared/dev   # add real articles from a directory

Every input the tests know (seed pages, fixture pages, story corpora, event,
sanction and attribution fixture sentences), a synthetic corpus and, with
``--dev``, every ``articles/*.txt`` of an annotated set (real text is where
fast paths meet shapes the fixtures lack) go through `clean` and `extract`;
the JSON of each result is hashed. A refactoring for speed must leave the
digest unchanged; `--diff` says where it did not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import koreabrief as kb

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _page_raw(path: Path) -> str:
    # The annotated .page format: "@kind line" is furniture, "@@ key: value" metadata,
    # anything else body; the raw page is every line without its annotation.
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("@@"):
            continue
        if line.startswith("@"):
            out.append(line.partition(" ")[2])
        else:
            out.append(line)
    return "\n".join(out)


def inputs(synthetic: int, dev: Path | None = None) -> Iterator[tuple[str, kb.Article]]:
    """Every input as (name, article), in a fixed order."""
    for a in kb.seeds():
        yield f"seed:{a.id}", a
    for path in sorted((FIXTURES / "pages").glob("*.page")):
        yield f"page:{path.name}", kb.clean(_page_raw(path), id=path.stem)
    stories = json.loads((FIXTURES / "stories" / "corpus.json").read_text("utf-8"))
    for rec in stories["articles"]:
        yield f"story:{rec['id']}", kb.Article(
            id=rec["id"], raw=rec["text"], text=rec["text"], published=_date(rec["published"])
        )
    pipeline = json.loads((FIXTURES / "stories" / "pipeline.json").read_text("utf-8"))
    for rec in pipeline["articles"]:
        yield f"pipeline:{rec['id']}", kb.article(
            rec["raw"], id=rec["id"], published=_date(rec["published"]), outlet=rec["outlet"]
        )
    for name in ("events", "sanctions", "times", "quantities"):
        lines = (FIXTURES / "events" / f"{name}.jsonl").read_text("utf-8").splitlines()
        for i, line in enumerate(lines):
            rec = json.loads(line)
            yield f"{name}:{i}", kb.Article(
                id=f"{name}-{i}", raw=rec["text"], text=rec["text"], published=_date(rec.get("published"))
            )
    cases = tomllib.loads((FIXTURES / "statements" / "cases.toml").read_text("utf-8"))
    for case in cases["case"]:
        yield f"case:{case['id']}", kb.Article(id=case["id"], raw=case["text"], text=case["text"])
    for rec in corpus.records(synthetic):
        yield f"synthetic:{rec['id']}", kb.article(
            rec["text"], id=rec["id"], published=_date(rec["published"]), outlet=rec["outlet"]
        )
    if dev is not None:
        for path in sorted((dev / "articles").glob("*.txt")):
            yield f"dev:{path.stem}", kb.article(path.read_text("utf-8"), id=path.stem)


def digests(synthetic: int, dev: Path | None = None) -> Iterator[tuple[str, str]]:
    """(name, sha256 of the JSON of its Facts) for every input."""
    for name, article in inputs(synthetic, dev):
        facts = kb.extract(article)
        yield name, hashlib.sha256(kb.to_json(facts).encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=500, help="synthetic articles added")
    parser.add_argument("--save", type=Path, help="write 'name digest' lines here")
    parser.add_argument("--diff", type=Path, help="compare with lines saved earlier")
    parser.add_argument("--dev", type=Path, help="add the articles/*.txt of an annotated set's directory")
    args = parser.parse_args()
    if args.dev is not None and not (args.dev / "articles").is_dir():
        parser.error(f"{args.dev} has no articles/ directory")
    rows = list(digests(args.synthetic, args.dev))
    total = hashlib.sha256("".join(d for _, d in rows).encode()).hexdigest()
    print(f"{len(rows)} inputs, digest {total}")
    if args.save:
        args.save.write_text("".join(f"{n} {d}\n" for n, d in rows), encoding="utf-8")
    if args.diff:
        old = dict(line.split() for line in args.diff.read_text("utf-8").splitlines())
        changed = [n for n, d in rows if old.get(n) != d]
        print(f"{len(changed)} differ" + (": " + ", ".join(changed[:30]) if changed else ""))
        if changed:
            sys.exit(1)


if __name__ == "__main__":
    main()
