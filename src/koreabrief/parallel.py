"""Parallel extraction on one machine: a process pool, order kept, memory bounded.

Articles are sent to workers in chunks and at most a few chunks per worker are
in flight at once, so a corpus of any size streams through in bounded memory,
and results come back in input order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from koreabrief.cleaning.lexicon import Lexicon as FurnitureLexicon
from koreabrief.errors import KoreabriefError
from koreabrief.extraction import extract
from koreabrief.gazetteer import Gazetteer
from koreabrief.loaders import PathLike, RawRecord, records
from koreabrief.models import Article, Facts

__all__ = ["process"]

Progress = Callable[[int], None]


Item = Article | RawRecord


def _extract_chunk(
    items: list[Item], gazetteer: Gazetteer | None, lexicon: FurnitureLexicon | None = None
) -> list[Facts]:
    # Raw records are cleaned here, in the worker: cleaning is as costly as extracting.
    return [
        extract(item.build(lexicon=lexicon) if isinstance(item, RawRecord) else item, gazetteer=gazetteer)
        for item in items
    ]


def _items(source: PathLike | Iterable[PathLike] | Iterable[Article]) -> Iterator[Item]:
    if isinstance(source, (str, os.PathLike)):
        return records(source)
    items: Iterator[Any] = iter(source)
    first = next(items, None)
    if first is None:
        return iter(())
    if isinstance(first, Article):
        return _chain_articles(first, items)
    paths: list[PathLike] = [first, *items]
    return records(paths)


def _chain_articles(first: Article, rest: Iterator[Any]) -> Iterator[Article]:
    yield first
    for item in rest:
        if not isinstance(item, Article):
            raise KoreabriefError(f"process() got a {type(item).__name__} among Articles")
        yield item


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


def process(
    source: PathLike | Iterable[PathLike] | Iterable[Article],
    /,
    *,
    workers: int | None = None,
    gazetteer: Gazetteer | None = None,
    chunksize: int = 32,
    progress: Progress | None = None,
    lexicon: FurnitureLexicon | None = None,
) -> Iterator[Facts]:
    """Extract facts from many articles on a process pool, in input order.

    Args:
        source: Paths (files, directories, ``"-"``) as for [`load`][koreabrief.load],
            or an iterable of [`Article`][koreabrief.Article]s.
        workers: Processes to use; default all cores; ``1`` runs in this process.
        gazetteer: Passed to [`extract`][koreabrief.extract] in every worker.
        chunksize: Articles sent to a worker at a time.
        progress: Called with the number of articles done so far, after each chunk.
        lexicon: The furniture lexicon that cleans texts read from paths, in
            every worker; the shipped one by default.

    Returns:
        An iterator of [`Facts`][koreabrief.Facts], one per article, in input order.

    Examples:
        >>> import koreabrief as kb
        >>> [f.article.id[:3] for f in kb.process(kb.seeds(), workers=1)]
        ['000', '001', '002', '003', '004']
    """
    n = workers if workers is not None else (os.cpu_count() or 1)
    if n < 1:
        raise KoreabriefError(f"workers must be >= 1, got {n}")
    if chunksize < 1:
        raise KoreabriefError(f"chunksize must be >= 1, got {chunksize}")
    chunks = _chunks(_items(source), chunksize)
    if n == 1:
        return _serial(chunks, gazetteer, lexicon, progress)
    return _parallel(chunks, n, gazetteer, lexicon, progress)


def _serial(
    chunks: Iterator[list[Item]],
    gazetteer: Gazetteer | None,
    lexicon: FurnitureLexicon | None,
    progress: Progress | None,
) -> Iterator[Facts]:
    done = 0
    for chunk in chunks:
        yield from _extract_chunk(chunk, gazetteer, lexicon)
        done += len(chunk)
        if progress is not None:
            progress(done)


def _context() -> multiprocessing.context.BaseContext:
    # Forking a process that runs threads (a Dask scheduler, a test runner's
    # helpers) can deadlock the child; forkserver and spawn start clean.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _parallel(
    chunks: Iterator[list[Item]],
    n: int,
    gazetteer: Gazetteer | None,
    lexicon: FurnitureLexicon | None,
    progress: Progress | None,
) -> Iterator[Facts]:
    done = 0
    window: deque[Future[list[Facts]]] = deque()
    with ProcessPoolExecutor(max_workers=n, mp_context=_context()) as pool:
        for chunk in chunks:
            window.append(pool.submit(_extract_chunk, chunk, gazetteer, lexicon))
            # A bounded window keeps memory flat however long the input is.
            if len(window) >= 3 * n:
                results = window.popleft().result()
                done += len(results)
                yield from results
                if progress is not None:
                    progress(done)
        while window:
            results = window.popleft().result()
            done += len(results)
            yield from results
            if progress is not None:
                progress(done)
