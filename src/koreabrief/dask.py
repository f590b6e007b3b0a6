"""Scale-out on Dask: koreabrief's stages as ``dask.bag`` operations.

Requires the optional extra: ``pip install "koreabrief[dask]"``. Every stage is a
pure function of its input and a picklable configuration, so a bag maps it
unchanged on any Dask scheduler, from the local one to a ``distributed`` cluster.

Examples:
    >>> import dask.bag as db, koreabrief as kb
    >>> from koreabrief.dask import extract_bag
    >>> bag = db.from_sequence(kb.seeds(), npartitions=2)
    >>> [f.article.id[:3] for f in extract_bag(bag).compute(scheduler="sync")]
    ['000', '001', '002', '003', '004']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from koreabrief.clustering import cluster_profiles
from koreabrief.errors import KoreabriefError
from koreabrief.extraction import extract
from koreabrief.gazetteer import Gazetteer
from koreabrief.loaders import PathLike, RawRecord, _paths, _walk, parse_published, records
from koreabrief.models import Article, Facts, Story
from koreabrief.profile import Profile, profile
from koreabrief.serialize import to_json

try:
    import dask.bag as db
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError('koreabrief.dask needs Dask: pip install "koreabrief[dask]"') from e

__all__ = ["cluster_bag", "extract_bag", "read_bag", "to_jsonl"]


def _files(source: PathLike | Iterable[PathLike]) -> list[str]:
    # The loader's own traversal rules, so a bag reads exactly what load() would.
    found: list[str] = []
    for path in _paths(source):
        if path.is_dir():
            found.extend(str(p) for p in _walk(path))
        else:
            found.append(str(path))
    return found


def _read_files(files: Iterable[str]) -> list[RawRecord]:
    return [record for f in files for record in records(f)]


def read_bag(source: PathLike | Iterable[PathLike], /, *, npartitions: int | None = None) -> db.Bag:
    """A bag of [`RawRecord`][koreabrief.loaders.RawRecord]s read from files and directories.

    Files are spread over partitions; each partition reads its files lazily,
    with the same formats and rules as [`load`][koreabrief.load].

    Args:
        source: Files or directories (all must be reachable from the workers).
        npartitions: Partitions to use; default one per file, at most 1,000.

    Raises:
        LoadError: A path does not exist.

    Examples:
        >>> import koreabrief as kb, pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("Seoul said on Monday.")
        >>> [r.id for r in read_bag(d).compute(scheduler="sync")]
        ['a']
    """
    files = _files(source)
    if not files:
        return db.from_sequence([], npartitions=1)
    n = npartitions or min(len(files), 1000)
    return db.from_sequence(files, npartitions=n).map_partitions(_read_files)


def _to_facts(item: Any, gazetteer: Gazetteer | None) -> Facts:
    if isinstance(item, Facts):
        return item
    if isinstance(item, RawRecord):
        return extract(item.build(), gazetteer=gazetteer)
    if isinstance(item, Article):
        return extract(item, gazetteer=gazetteer)
    if isinstance(item, Mapping):
        return extract(_record_from_mapping(item).build(), gazetteer=gazetteer)
    if isinstance(item, str):
        return extract(RawRecord(item, id="adhoc").build(), gazetteer=gazetteer)
    raise KoreabriefError(f"cannot extract from a {type(item).__name__}")


def _record_from_mapping(item: Mapping[str, Any]) -> RawRecord:
    raw = item.get("raw", item.get("text"))
    if not isinstance(raw, str):
        raise KoreabriefError(f"record {item.get('id')!r} has no string 'text' or 'raw'")
    url = item.get("url") if isinstance(item.get("url"), str) else None
    published, problems = parse_published(item.get("published"))
    return RawRecord(
        raw,
        id=str(item.get("id") or "adhoc"),
        url=url,
        published=published,
        outlet=item.get("outlet") if isinstance(item.get("outlet"), str) else None,
        title=item.get("title") if isinstance(item.get("title"), str) else None,
        warnings=problems,
    )


def extract_bag(bag: db.Bag, /, *, gazetteer: Gazetteer | None = None) -> db.Bag:
    """Map [`extract`][koreabrief.extract] over a bag, cleaning first where needed.

    The bag may hold [`Article`][koreabrief.Article]s, `RawRecord`s (from
    [`read_bag`][koreabrief.dask.read_bag]), JSONL-style dicts (``id, url,
    published, outlet, title, text``) or plain strings.

    Examples:
        >>> import dask.bag as db
        >>> bag = db.from_sequence([{"id": "n1", "text": "Seoul said on Monday."}])
        >>> extract_bag(bag).compute(scheduler="sync")[0].article.id
        'n1'
    """
    return bag.map(_to_facts, gazetteer)


def _profiles(partition: Iterable[Facts]) -> list[Profile]:
    return [profile(f) for f in partition]


def _cluster_parts(parts: Iterable[list[Profile]]) -> list[Story]:
    return cluster_profiles(p for part in parts for p in part)


def cluster_bag(bag: db.Bag, /) -> Any:
    """Stories over a bag of [`Facts`][koreabrief.Facts]: a reduction whose result is a list of Story.

    Each partition reduces its facts to small profiles (shingle signature,
    event and quotation keys, a few metadata fields; no text) on the
    workers; only the profiles travel to the task that links them into
    stories, so the result equals [`cluster`][koreabrief.cluster] over the
    same facts while the articles themselves stay where they were read.

    Returns:
        A ``dask.bag.Item``; ``.compute()`` gives ``list[Story]``.

    Examples:
        >>> import dask.bag as db, koreabrief as kb
        >>> facts = extract_bag(db.from_sequence(kb.seeds(), npartitions=2))
        >>> [len(s.articles) for s in cluster_bag(facts).compute(scheduler="sync")]
        [2, 2, 1]
    """
    return bag.reduction(_profiles, _cluster_parts, split_every=False)


def to_jsonl(bag: db.Bag, directory: str | os.PathLike[str], /) -> list[str]:
    """Write any bag of models as JSON lines, one file per partition; return the file names.

    Examples:
        >>> import dask.bag as db, koreabrief as kb, tempfile
        >>> files = to_jsonl(db.from_sequence([kb.Span(0, 1)]), tempfile.mkdtemp())
        >>> len(files)
        1
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    names: list[str] = bag.map(to_json).to_textfiles(str(out / "part-*.jsonl"))
    return names
