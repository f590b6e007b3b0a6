"""Quality on real text: the external scorer over the seeds and every part of the dev set.

Usage::

    python benchmarks/quality.py                    # one table, metric x set
    python benchmarks/quality.py --failures         # and every miss, grouped by kind
    python benchmarks/quality.py --failures speaker_wrong,event_missed --set c
    python benchmarks/quality.py --json out.json    # the table as JSON
    python benchmarks/quality.py --check            # exit 1 when a dev figure is below its floor
    python benchmarks/quality.py --write-floor      # raise the floor to today's figures

The figures are the scorer's own (``../shared/eval/score.py``, loaded from the shared
folder, never copied here), run once with the gold publication dates and once without
them (``KB_SCORE_NO_PUBLISHED``), so they match what is measured outside the tests.
The misses are found with the scorer's own matching functions, so every miss listed is one
the figures count. The shared folder is ``../shared`` beside the checkout, or ``--shared`` /
``KB_SHARED``; the dev articles stay there and none of their text enters the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import io
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import koreabrief as kb

ROOT = Path(__file__).resolve().parents[1]
FLOOR = Path(__file__).resolve().parent / "quality-floor.json"
#: A figure may fall this far below its floor before the floor test fails (scorer rounding, ties).
TOLERANCE = 0.01

#: The figures of the table, in order; "/nd" rows are scored with publication dates withheld.
METRICS = (
    "body_f1", "title_acc", "published_acc", "furniture_removed",
    "quote_p", "quote_r", "quote_f1", "speaker_acc",
    "event_p", "event_r", "event_f1", "event_f1/nd", "untyped_r",
    "sanction_p", "sanction_r", "sanction_f1",
    "story_pair_f1", "story_pair_f1/nd",
)

#: Kinds of miss that --failures lists, in the order they are printed.
FAILURE_KINDS = (
    "furniture_kept", "body_lost", "title_wrong", "published_missed",
    "quote_missed", "quote_extra", "speaker_wrong", "speaker_none",
    "event_missed", "event_wrong_date", "event_extra", "untyped_missed",
    "sanction_missed", "sanction_extra", "story_split", "story_merged",
)


@dataclass(frozen=True)
class GoldSet:
    """One scored set: gold files, the article folder of each, and story files."""

    name: str
    gold: tuple[Path, ...]
    articles: tuple[Path, ...]
    stories: tuple[Path, ...]

    def argv(self) -> list[str]:
        """The scorer's command line for this set."""
        args = [",".join(map(str, self.gold)), ",".join(map(str, self.articles))]
        if self.stories:
            args += ["--stories", ",".join(map(str, self.stories))]
        return args

    def records(self) -> list[tuple[dict[str, Any], Path]]:
        """Every gold object with the folder its raw text is in."""
        return [(json.loads(line), folder)
                for gold, folder in zip(self.gold, self.articles, strict=True)
                for line in gold.read_text("utf-8").splitlines() if line.strip()]

    def story_of(self) -> dict[str, str]:
        """Gold story id of every article the story files name."""
        out: dict[str, str] = {}
        for path in self.stories:
            data = json.loads(path.read_text("utf-8"))
            if isinstance(data, dict) and isinstance(data.get("stories"), list):
                data = {s["id"]: s for s in data["stories"]}
            for sid, story in data.items():
                for aid in story["articles"]:
                    out[aid] = sid
        return out


def shared_dir(given: str | None = None) -> Path:
    """The shared folder: the argument, ``KB_SHARED``, or ``../shared`` beside the checkout."""
    return Path(given or os.environ.get("KB_SHARED") or ROOT.parent / "shared").resolve()


def available(shared: Path) -> str | None:
    """Why the quality run cannot happen here, or None when it can."""
    if not (shared / "eval" / "score.py").is_file():
        return f"no scorer at {shared / 'eval' / 'score.py'} (the shared folder is not in a user's clone)"
    if not list((shared / "dev").glob("gold-*.jsonl")):
        return f"no dev gold under {shared / 'dev'}"
    return None


def load_scorer(shared: Path) -> ModuleType:
    """The external scorer, imported from the shared folder (never copied into the repository)."""
    path = shared / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("kb_external_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sets(shared: Path) -> list[GoldSet]:
    """The seeds, each dev part, and the whole dev set, in that order."""
    out = []
    seeds_gold = shared / "gold" / "seeds.jsonl"
    if seeds_gold.is_file():
        pairs = shared / "gold" / "seed_pairs.json"
        out.append(GoldSet("seeds", (seeds_gold,), (ROOT / "seeds",), (pairs,) if pairs.is_file() else ()))
    dev = shared / "dev"
    parts = []
    for gold in sorted(dev.glob("gold-*.jsonl")):
        part = gold.stem.removeprefix("gold-")
        stories = dev / f"stories-{part}.json"
        parts.append(GoldSet(part, (gold,), (dev / "articles",), (stories,) if stories.is_file() else ()))
    out += parts
    if parts:
        out.append(GoldSet(
            "dev",
            tuple(g for p in parts for g in p.gold),
            tuple(a for p in parts for a in p.articles),
            tuple(s for p in parts for s in p.stories),
        ))
    return out


def score(scorer: ModuleType, gold_set: GoldSet, *, published: bool = True) -> dict[str, float]:
    """The scorer's figures for one set, exactly as its command line computes them."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        argv, no_pub = sys.argv, scorer.NO_PUB
        sys.argv = ["score.py", *gold_set.argv(), "--json", str(out)]
        scorer.NO_PUB = not published
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                scorer.main()
        finally:
            sys.argv, scorer.NO_PUB = argv, no_pub
        result: dict[str, float] = json.loads(out.read_text("utf-8"))
    return result


def table(scorer: ModuleType, gold_sets: Sequence[GoldSet]) -> dict[str, dict[str, float]]:
    """Every metric of `METRICS` for every set: ``{set: {metric: value}}``."""
    out: dict[str, dict[str, float]] = {}
    for gold_set in gold_sets:
        dated = score(scorer, gold_set)
        undated = score(scorer, gold_set, published=False)
        row = {m: dated[m] for m in METRICS if m in dated}
        for metric in ("event_f1", "story_pair_f1"):
            if metric in undated:
                row[f"{metric}/nd"] = undated[metric]
        row["crashes"] = dated["crashes"] + undated["crashes"]
        out[gold_set.name] = row
    return out


def render_table(figures: dict[str, dict[str, float]]) -> str:
    """The table as aligned text, one metric per row and one set per column."""
    names = list(figures)
    lines = ["metric".ljust(18) + "".join(n.rjust(8) for n in names)]
    for metric in (*METRICS, "crashes"):
        cells = []
        for name in names:
            value = figures[name].get(metric)
            cells.append(("-" if value is None else f"{value:.3f}" if metric != "crashes" else
                          str(int(value))).rjust(8))
        lines.append(metric.ljust(18) + "".join(cells))
    return "\n".join(lines)


# -- misses ---------------------------------------------------------------------------------------------


def _short(text: str | None, limit: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(event: Any) -> str:
    time = getattr(event, "time", None)
    if time is None:
        return "undated"
    return f"{time.text!r} -> {time.date}" if time.date else f"{time.text!r} -> ?"


def _event_date(event: Any) -> str:
    time = getattr(event, "time", None)
    return str(time.date) if time is not None and time.date is not None else "undated"


def _counted(scorer: ModuleType, events: Iterable[Any], *, typed: bool) -> list[Any]:
    out = []
    for e in events:
        if str(e.modality.value) in ("hypothetical", "negated"):
            continue
        if (e.type.value in scorer.EVENT_TYPES) == typed:
            out.append(e)
    return out


def _article_misses(scorer: ModuleType, gold: dict[str, Any], raw: str, add: Any) -> kb.Facts:
    aid = gold["id"]
    published = dt.date.fromisoformat(gold["published"][:10]) if gold.get("published") else None
    art = kb.article(raw, id=aid, url=gold.get("url"), published=published)
    facts = kb.extract(art)
    norm = scorer.norm
    body_norm = norm(art.text)
    gold_body = norm("\n".join(gold["body"]))
    furniture = {norm(b["text"]) for b in gold["boilerplate"]}

    for b in gold["boilerplate"]:
        if len(norm(b["text"])) >= 3 and norm(b["text"]) in body_norm:
            add("furniture_kept", aid, f"[{b['kind']}] {_short(b['text'])}")
    text_words = Counter(scorer.tokens(art.text))
    told: set[int] = set()
    for para in gold["body"]:
        words = Counter(scorer.tokens(para))
        lost = sum((words - text_words).values())
        if words and lost / sum(words.values()) > 0.1:
            removal = next((r for r in art.removed
                            if len(norm(r.text)) >= 3 and norm(r.text) in norm(para)), None)
            how = "" if removal is None else f" (removed as {removal.kind.value})"
            told.add(id(removal))
            add("body_lost", aid, f"{lost}/{sum(words.values())} words{how}: {_short(para)}")
    for r in art.removed:
        n = norm(r.text)
        if id(r) in told or len(n) < 10 or n in furniture or n in body_norm:
            continue
        if n in gold_body:
            add("body_lost", aid, f"removed as {r.kind.value}: {_short(r.text)}")
    if norm(art.title) != norm(gold.get("title")):
        add("title_wrong", aid, f"got {_short(art.title, 70)!r}, gold {_short(gold.get('title'), 70)!r}")
    bare = kb.article(raw, id=aid, url=gold.get("url"))
    if str(bare.published) != str(gold.get("published")):
        add("published_missed", aid, f"got {bare.published}, gold {gold.get('published')}"
            f" (url {gold.get('url') or '-'})")

    statements = list(facts.statements)
    pairs = scorer.match(statements, gold["statements"], lambda a, b: scorer.sim(a.quote, b["quote"]), 0.8)
    matched_p = {id(p) for p, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    for g in gold["statements"]:
        if id(g) not in matched_g:
            add("quote_missed", aid, f"{_short(g['quote'], 80)!r} ({g['speaker']}, {g['cue']})")
    for p in statements:
        if id(p) not in matched_p:
            add("quote_extra", aid, f"{_short(p.quote, 80)!r} ({p.speaker}, {p.cue})")
    for p, g in pairs:
        if not scorer.same_name(p.speaker, g["speaker"]):
            kind = "speaker_none" if p.speaker is None else "speaker_wrong"
            add(kind, aid, f"got {p.speaker!r} ({p.speaker_mention!r}, {p.cue}), gold {g['speaker']!r}"
                f" ({g['cue']}, {'direct' if g['direct'] else 'partial'}): {_short(p.quote, 70)!r}")

    events = _counted(scorer, facts.events, typed=True)
    ev_pairs = scorer.match(events, gold["events"], lambda a, b: 1.0 if a.type.value == b["type"]
                            and scorer.date_ok(a, b) else 0.0, 0.5)
    used_p = {id(p) for p, _ in ev_pairs}
    used_g = {id(g) for _, g in ev_pairs}
    spare = [e for e in events if id(e) not in used_p]
    for g in gold["events"]:
        if id(g) in used_g:
            continue
        same_type = next((e for e in spare if e.type.value == g["type"]), None)
        gold_when = f"{g.get('when')!r} -> {g.get('date')}" if g.get("when") else "undated"
        line = f"{g['type']} {gold_when} actors={g.get('actors')}"
        if same_type is not None:
            spare.remove(same_type)
            used_p.add(id(same_type))
            add("event_wrong_date", aid, f"{line}; got {_when(same_type)}: {_short(same_type.trigger, 40)!r}")
        else:
            add("event_missed", aid, line)
    for e in events:
        if id(e) not in used_p:
            add("event_extra", aid, f"{e.type.value} {_when(e)} actors={list(e.actors)}"
                f" [{e.modality.value}]: {_short(facts.article.text[e.span.start:e.span.end], 60)!r}")
    untyped = _counted(scorer, facts.events, typed=False)
    found = scorer.match(untyped, gold.get("untyped_events", []),
                         lambda a, b: 1.0 if scorer.date_ok(a, b) else 0.0, 0.5)
    found_g = {id(g) for _, g in found}
    for g in gold.get("untyped_events", []):
        if id(g) not in found_g:
            add("untyped_missed", aid, f"{g['type']} {g.get('when')!r} -> {g.get('date')}"
                f" actors={g.get('actors')}")

    predicted = scorer.sanction_targets(s.entity for s in facts.sanctions)
    golden = scorer.sanction_targets(b["target"] or "" for b in gold["sanctions"])
    sa_pairs = scorer.match(predicted, golden,
                            lambda a, b: float(scorer.same_name(a, b) or scorer.sim(a, b) > 0.8), 0.5)
    hit_p = {p for p, _ in sa_pairs}
    hit_g = {g for _, g in sa_pairs}
    status = {s.entity: s.status.value for s in facts.sanctions}
    gold_status = {b["target"]: b["status"] for b in gold["sanctions"]}
    for g in golden:
        if g not in hit_g:
            add("sanction_missed", aid, f"{g!r} [{gold_status.get(g)}]")
    for p in predicted:
        if p not in hit_p:
            add("sanction_extra", aid, f"{p!r} [{status.get(p)}]")
    return facts


def failures(scorer: ModuleType, gold_set: GoldSet) -> dict[str, list[str]]:
    """Every miss of the set, ``{kind: ["article-id: what", ...]}``, with dates given."""
    misses: dict[str, list[str]] = defaultdict(list)

    def add(kind: str, aid: str, what: str) -> None:
        misses[kind].append(f"{aid}: {what}")

    facts: dict[str, kb.Facts] = {}
    for gold, folder in gold_set.records():
        path = folder / f"{gold['id']}.txt"
        if path.is_file():
            facts[gold["id"]] = _article_misses(scorer, gold, path.read_text("utf-8"), add)
    gold_of = gold_set.story_of()
    if gold_of and facts:
        clusters = kb.cluster(list(facts.values()))
        pred_of = {aid: k for k, story in enumerate(clusters) for aid in story.articles}
        by_gold: dict[str, list[str]] = defaultdict(list)
        for aid in facts:
            if aid in gold_of:
                by_gold[gold_of[aid]].append(aid)
        for sid, members in by_gold.items():
            groups: dict[int, list[str]] = defaultdict(list)
            for aid in members:
                groups[pred_of.get(aid, -1)].append(aid)
            if len(groups) > 1:
                add("story_split", sid, " | ".join(" ".join(g) for g in groups.values()))
        by_pred: dict[int, list[str]] = defaultdict(list)
        for aid, k in pred_of.items():
            if aid in gold_of:
                by_pred[k].append(aid)
        for members in by_pred.values():
            stories = sorted({gold_of[a] for a in members})
            if len(stories) > 1:
                add("story_merged", " + ".join(stories), " ".join(members))
    return dict(misses)


def render_failures(misses: dict[str, list[str]], kinds: Sequence[str]) -> str:
    """The misses of the chosen kinds, a heading with the count per kind."""
    out = []
    for kind in kinds:
        rows = misses.get(kind, [])
        out.append(f"\n## {kind} ({len(rows)})")
        out += [f"- {row}" for row in rows]
    return "\n".join(out)


# -- the floor ------------------------------------------------------------------------------------------


def read_floor(path: Path = FLOOR) -> dict[str, dict[str, float]]:
    """The recorded floor: ``{set: {metric: value}}``."""
    data: dict[str, dict[str, float]] = json.loads(path.read_text("utf-8"))["floor"]
    return data


def below_floor(figures: dict[str, dict[str, float]], floor: dict[str, dict[str, float]]) -> list[str]:
    """Every figure more than `TOLERANCE` below its floor, as ``set metric: value < floor``."""
    out = []
    for name, metrics in floor.items():
        for metric, least in metrics.items():
            value = figures.get(name, {}).get(metric)
            if value is None or value < least - TOLERANCE:
                out.append(f"{name} {metric}: {value} < floor {least}")
    return out


def write_floor(figures: dict[str, dict[str, float]], path: Path = FLOOR, *, lower: bool = False) -> None:
    """Raise the floor to the seeds' and the whole dev set's figures (rounded down).

    A figure below its recorded floor keeps the floor unless `lower` is given: lowering
    is a decision to explain, never a side effect of recording an improvement elsewhere.
    """
    old = read_floor(path) if path.exists() and not lower else {}
    floor = {name: {m: max(int(v * 1000) / 1000, old.get(name, {}).get(m, 0.0))
                    for m, v in figures[name].items() if m in METRICS}
             for name in ("seeds", "dev") if name in figures}
    path.write_text(json.dumps({
        "note": "Quality floor guarded by tests/test_quality_floor.py: a figure may not fall more than "
                f"{TOLERANCE} below it. Raise it with each improvement (python benchmarks/quality.py "
                "--write-floor); lowering it needs a reason in the closing note.",
        "floor": floor,
    }, indent=1) + "\n", "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: the table, the misses, the floor check."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="the shared folder (default ../shared or KB_SHARED)")
    ap.add_argument("--set", default="", help="comma-separated set names to run (seeds, a, b, ..., dev)")
    ap.add_argument("--failures", nargs="?", const="all", metavar="KINDS",
                    help="list every miss (optionally only these comma-separated kinds)")
    ap.add_argument("--json", help="also write the table as JSON here")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure is below the recorded floor")
    ap.add_argument("--write-floor", action="store_true",
                    help="raise the floor to the figures (a figure below its floor keeps the floor)")
    ap.add_argument("--lower", action="store_true",
                    help="with --write-floor: also lower floors to the figures (say why in the closing note)")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    why = available(shared)
    if why:
        print(f"quality: {why}", file=sys.stderr)
        return 2
    scorer = load_scorer(shared)
    all_sets = sets(shared)
    chosen = [s for s in all_sets if not args.set or s.name in args.set.split(",")]
    figures = table(scorer, chosen)
    print(render_table(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    if args.write_floor:
        write_floor(figures, lower=args.lower)
        print(f"floor written to {FLOOR.relative_to(ROOT)}")
    if args.check:
        low = below_floor(figures, read_floor())
        for line in low:
            print("below floor:", line, file=sys.stderr)
        if low:
            return 1
    if args.failures:
        kinds = FAILURE_KINDS if args.failures == "all" else tuple(args.failures.split(","))
        unknown = set(kinds) - set(FAILURE_KINDS)
        if unknown:
            known = ", ".join(FAILURE_KINDS)
            print(f"quality: unknown kinds {sorted(unknown)}; known: {known}", file=sys.stderr)
            return 2
        # The misses of the parts, not of "dev" again (it is their union).
        for gold_set in chosen:
            if gold_set.name == "dev" and len(chosen) > 1:
                continue
            print(f"\n# misses in {gold_set.name}")
            print(render_failures(failures(scorer, gold_set), kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
