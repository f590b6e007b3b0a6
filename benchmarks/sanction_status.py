"""Sanction status on real text: of the gold sanctions whose target is found, how many get their status.

The external scorer compares each article's distinct targets only; this adds the check
issue 18 asks for. Each gold sanction (target, status) is paired with a predicted
sanction on the same target (the scorer's own name matching, one to one, a prediction
with the gold status preferred); the figure is the share of pairs whose status agrees.

Usage::

    python benchmarks/sanction_status.py             # the share per set
    python benchmarks/sanction_status.py --wrong     # and every pair that disagrees
    python benchmarks/sanction_status.py --extra GOLD.jsonl:ARTICLES  # another gold set too

The shared folder is found as in ``benchmarks/quality.py``; no dev text enters the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import koreabrief as kb

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality  # the sibling script: its set and scorer loading


def pairs(scorer: ModuleType, gold: dict[str, Any], facts: kb.Facts) -> list[tuple[str, str, str]]:
    """(target, gold status, predicted status) for each gold sanction whose target is found."""
    predicted = list(facts.sanctions)
    used: set[int] = set()
    out = []
    for g in gold["sanctions"]:
        target = g["target"] or ""
        if not target or scorer.GROUP.search(target.strip()):
            continue
        same = [
            (i, s)
            for i, s in enumerate(predicted)
            if i not in used and (scorer.same_name(s.entity, target) or scorer.sim(s.entity, target) > 0.8)
        ]
        if not same:
            continue
        i, s = next(((i, s) for i, s in same if s.status.value == g["status"]), same[0])
        used.add(i)
        out.append((target, g["status"], s.status.value))
    return out


def run(shared: Path, *, wrong: bool, extra: tuple[str, ...] = ()) -> dict[str, float]:
    """The share of found gold sanctions with the right status, per set; `extra` names more
    sets as ``GOLD.jsonl:ARTICLES`` (a held-out set kept outside the repository, say)."""
    scorer = quality.load_scorer(shared)
    figures = {}
    more = []
    for given in extra:
        gold, _, articles = given.partition(":")
        more.append(quality.GoldSet(Path(gold).stem, (Path(gold),), (Path(articles),), ()))
    for gold_set in [*quality.sets(shared), *more]:
        right = total = 0
        for gold, folder in gold_set.records():
            raw = (folder / f"{gold['id']}.txt").read_text("utf-8")
            published = dt.date.fromisoformat(gold["published"][:10]) if gold.get("published") else None
            facts = kb.extract(kb.article(raw, id=gold["id"], url=gold.get("url"), published=published))
            for target, want, got in pairs(scorer, gold, facts):
                total += 1
                right += want == got
                if wrong and want != got and (gold_set.name == "dev" or gold_set in more):
                    print(f"  {gold['id']}: {target!r} gold {want}, got {got}")
        figures[gold_set.name] = right / total if total else 1.0
        print(f"{gold_set.name:>6}  status right {right}/{total} = {figures[gold_set.name]:.3f}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared folder (default: ../shared beside the checkout)")
    parser.add_argument("--wrong", action="store_true", help="list every pair whose status disagrees")
    parser.add_argument(
        "--extra", action="append", default=[], metavar="GOLD:ARTICLES", help="another gold set to figure"
    )
    args = parser.parse_args(argv)
    shared = quality.shared_dir(args.shared)
    why = quality.available(shared)
    if why is not None:
        print(why, file=sys.stderr)
        return 2
    run(shared, wrong=args.wrong, extra=tuple(args.extra))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
