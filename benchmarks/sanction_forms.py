"""Sanctions on the written forms of news copy: recall, precision and status agreement.

The passages of ``tests/fixtures/sanctions/forms.jsonl`` were written for the project (no
article text): each reports sanctions in one of the forms news copy uses (shared-head lists,
passives, nominals, sanctioners beyond the US Treasury, statuses, negatives) and lists its
named targets with their status. Targets are compared as the external scorer does in spirit:
names equal once lower-cased and stripped of punctuation, or nearly so (a ratio above 0.8),
the same first word and one more in common,
group phrases ("five individuals") left out on both sides.

Usage::

    python benchmarks/sanction_forms.py            # the figures
    python benchmarks/sanction_forms.py --misses   # and every passage that is not exact
    python benchmarks/sanction_forms.py --by-form  # and recall per form (the families probed)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import koreabrief as kb

FORMS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sanctions" / "forms.jsonl"
_WORDS = re.compile(r"\w+")


def cases() -> list[dict[str, Any]]:
    """The passages, one dict per line (`form`, `text`, `expect`, optionally `raw`)."""
    with FORMS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _key(name: str) -> str:
    return " ".join(_WORDS.findall(name.lower())).removeprefix("the ")


def same(a: str, b: str) -> bool:
    """Whether two target names are the same target."""
    ka, kb_ = _key(a), _key(b)
    ta, tb = ka.split(), kb_.split()
    # The same first word (a Korean family name, a bank's first word) and one more in common.
    first = bool(ta and tb) and ta[0] == tb[0] and len(set(ta) & set(tb)) >= min(2, len(tb))
    return ka == kb_ or first or SequenceMatcher(None, ka, kb_, autojunk=False).ratio() > 0.8


def predicted(case: dict[str, Any]) -> list[kb.Sanction]:
    """The named sanctions the library finds in a passage (group phrases left out)."""
    if case.get("raw"):
        article = kb.article(case["text"], id="f", published=dt.date(2025, 3, 7))
    else:
        text = case["text"]
        article = kb.Article(id="f", raw=text, text=text, published=dt.date(2025, 3, 7))
    return [s for s in kb.extract_sanctions(article) if s.entity_kind != "group"]


def score(case: dict[str, Any]) -> tuple[int, int, int, int, list[str], list[str]]:
    """(true positives, predicted, gold, statuses right, missed names, extra names) of one passage."""
    gold = [e for e in case["expect"] if not e.get("group")]
    got = predicted(case)
    used: set[int] = set()
    tp = right = 0
    missed = []
    for g in gold:
        hit = next((i for i, s in enumerate(got) if i not in used and same(s.entity, g["entity"])), None)
        if hit is None:
            missed.append(f"{g['entity']} ({g['status']})")
            continue
        used.add(hit)
        tp += 1
        if got[hit].status.value == g["status"]:
            right += 1
        else:
            missed.append(f"{g['entity']} status {got[hit].status.value} != {g['status']}")
    # The same target twice (two statuses) counts once on the predicted side.
    extra_names = {_key(s.entity) for i, s in enumerate(got) if i not in used}
    extra_names -= {_key(got[i].entity) for i in used}
    extra = sorted(extra_names)
    return tp, tp + len(extra), len(gold), right, missed, extra


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list each passage that is not exact")
    ap.add_argument("--by-form", action="store_true", help="recall and exact passages per form")
    args = ap.parse_args()
    tp = pred = gold = right = 0
    forms: dict[str, list[int]] = {}
    for case in cases():
        t, p, g, r, missed, extra = score(case)
        tp, pred, gold, right = tp + t, pred + p, gold + g, right + r
        row = forms.setdefault(case["form"], [0, 0, 0, 0])
        row[0] += 1
        row[1] += not missed and not extra
        row[2] += t
        row[3] += g
        if args.misses and (missed or extra):
            print(f"[{case['form']}] {case['text'][:90]}")
            for m in missed:
                print(f"    missed {m}")
            for e in extra:
                print(f"    extra  {e}")
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    if args.by_form:
        for form, (n, exact, found, named) in sorted(forms.items()):
            print(f"  {form:<40} passages {n:>3}  exact {exact:>3}  found {found}/{named}")
    print(f"passages {len(cases())}  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  status {right}/{tp}")


if __name__ == "__main__":
    main()
