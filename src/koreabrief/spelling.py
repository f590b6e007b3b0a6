"""Names spelled differently across articles ("Kim Jong Um" vs "Kim Jong Un").

A name one article writes that the gazetteer does not know, and that is a
near-miss of a person the other article names, is a spelling conflict; the
canonical spelling is the gazetteer's.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from koreabrief.gazetteer import Gazetteer, normalise_key
from koreabrief.models import Facts

__all__ = ["fact_names", "spelling_conflicts"]

# Runs of two to four capitalised words ("Kim Jong Um", "Han Duck-soo"); bounded, linear.
_NAME_RUN = re.compile(
    r"(?<![\w-])[A-Z][a-z]{1,20}(?:-[a-z]{1,12})?(?:[ ][A-Z][a-z]{1,20}(?:-[a-zA-Z]{1,12})?){1,3}"
)
#: Similarity (0-100) above which an unknown name is read as a misspelling.
NAME_RATIO = 84.0
MAX_EDITS = 3


def fact_names(facts: Facts) -> set[str]:
    """Every name the facts carry: actors, targets, speakers, sanctioned entities.

    Examples:
        >>> from koreabrief.models import Article
        >>> fact_names(Facts(article=Article(id="x", raw="", text="")))
        set()
    """
    names: set[str] = set()
    for e in facts.events:
        names.update(e.actors)
        if e.target:
            names.add(e.target)
    for s in facts.statements:
        if s.speaker:
            names.add(s.speaker)
    for sanction in facts.sanctions:
        names.add(sanction.entity)
        if sanction.authority:
            names.add(sanction.authority)
    return names


def _unknown_runs(facts: Facts, gazetteer: Gazetteer) -> dict[str, str]:
    """Name-like words of an article that the gazetteer does not know: normalised key -> as written."""
    out: dict[str, str] = {}
    candidates: list[str] = list(fact_names(facts))
    for m in _NAME_RUN.finditer(facts.article.text):
        toks = m.group(0).split(" ")
        # Every 2-3 word window: a run often glues a title to the name ("Prime Minister Han Duck-soo").
        for size in (3, 2):
            candidates.extend(" ".join(toks[i : i + size]) for i in range(len(toks) - size + 1))
    for name in candidates:
        if gazetteer.lookup(name) is None:
            out.setdefault(normalise_key(name), name)
    return out


def _known_people(facts: Facts, gazetteer: Gazetteer) -> dict[str, tuple[str, str]]:
    """People an article names that the gazetteer knows: normalised form -> (as written, canonical)."""
    out: dict[str, tuple[str, str]] = {}
    for m in gazetteer.find(facts.article.text):
        if m.entity.kind == "person":
            out.setdefault(normalise_key(m.text), (m.text, m.entity.name))
    for name in fact_names(facts):
        hit = gazetteer.lookup(name)
        if hit is not None and hit[0].kind == "person":
            out.setdefault(normalise_key(name), (name, hit[0].name))
    return out


def _near_misses(unknown: dict[str, str], known: dict[str, tuple[str, str]]) -> list[tuple[str, str, str]]:
    found: dict[str, tuple[str, str, str]] = {}
    for key, written in sorted(unknown.items()):
        n_tokens = key.count(" ") + 1
        best: tuple[float, str, str] | None = None
        for kkey, (kwritten, canonical) in sorted(known.items()):
            if kkey.count(" ") + 1 != n_tokens:
                continue
            edits = Levenshtein.distance(key, kkey)
            score = fuzz.ratio(key, kkey)
            near = 0 < edits <= MAX_EDITS and score >= NAME_RATIO and key.split()[0] == kkey.split()[0]
            if near and (best is None or score > best[0]):
                best = (score, kwritten, canonical)
        if best is not None:
            found.setdefault(best[2], (written, best[1], best[2]))
    return [found[k] for k in sorted(found)]


def spelling_conflicts(
    a: Facts, b: Facts, *, gazetteer: Gazetteer | None = None
) -> list[tuple[str | None, str | None, str]]:
    """Names one article misspells where the other spells them canonically.

    Returns ``(as written in a or None, as written in b or None, canonical)``
    triples; exactly one side holds the misspelling, the other the known form.

    Examples:
        >>> from koreabrief.models import Article
        >>> fa = Facts(article=Article(id="a", raw="", text="Leader Kim Jong Um spoke."))
        >>> fb = Facts(article=Article(id="b", raw="", text="Leader Kim Jong Un spoke."))
        >>> spelling_conflicts(fa, fb)
        [('Kim Jong Um', 'Kim Jong Un', 'Kim Jong Un')]
    """
    g = gazetteer or Gazetteer.default()
    out: list[tuple[str | None, str | None, str]] = []
    known_a, known_b = _known_people(a, g), _known_people(b, g)
    for written, other, canonical in _near_misses(_unknown_runs(a, g), known_b):
        out.append((written, other, canonical))
    for written, other, canonical in _near_misses(_unknown_runs(b, g), known_a):
        out.append((other, written, canonical))
    return sorted(out, key=lambda t: (t[2], t[0] or "", t[1] or ""))
