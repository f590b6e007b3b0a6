"""Parallel extraction on one machine: a process pool, order kept, memory bounded.

Articles are sent to workers in chunks and at most a few chunks per worker are
in flight at once, so a corpus of any size streams through in bounded memory,
and results come back in input order.
"""

from __future__ import annotations

import ast
import multiprocessing
import os
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any

from koreabrief.cleaning.lexicon import Lexicon as FurnitureLexicon
from koreabrief.errors import KoreabriefError, KoreabriefWarning
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


def _items(source: PathLike | Iterable[PathLike] | Iterable[Item]) -> Iterator[Item]:
    if isinstance(source, (str, os.PathLike)):
        return records(source)
    items: Iterator[Any] = iter(source)
    first = next(items, None)
    if first is None:
        return iter(())
    if isinstance(first, (Article, RawRecord)):
        return _chain_items(first, items)
    paths: list[PathLike] = [first, *items]
    return records(paths)


def _chain_items(first: Item, rest: Iterator[Any]) -> Iterator[Item]:
    yield first
    for item in rest:
        if not isinstance(item, (Article, RawRecord)):
            raise KoreabriefError(f"process() got a {type(item).__name__} among Articles")
        yield item


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


def process(
    source: PathLike | Iterable[PathLike] | Iterable[Article] | Iterable[RawRecord],
    /,
    *,
    workers: int | None = None,
    gazetteer: Gazetteer | None = None,
    chunksize: int = 32,
    progress: Progress | None = None,
    lexicon: FurnitureLexicon | None = None,
) -> Iterator[Facts]:
    """Extract facts from many articles on a process pool, in input order.

    Workers are forked where the platform allows it (Linux, with no other
    thread running), so a plain script works without a ``__main__`` guard.
    Elsewhere they are spawned, which imports the main script again in every
    worker: a script without the guard then runs in one process, with a
    [`KoreabriefWarning`][koreabrief.KoreabriefWarning]. The guard is the
    portable way to write such a script:

    ```python
    import koreabrief as kb

    if __name__ == "__main__":
        for facts in kb.process("corpus/", workers=4):
            ...
    ```

    Args:
        source: Paths (files, directories, ``"-"``) as for [`load`][koreabrief.load],
            or an iterable of [`Article`][koreabrief.Article]s or of
            [`RawRecord`][koreabrief.loaders.RawRecord]s (cleaned in the workers).
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


def _main_is_guarded() -> bool:
    """Whether starting a worker by spawning (which re-imports the main module) is safe.

    A worker started by spawn or forkserver imports the main script again; a
    script that calls `process` at its top level, with no
    ``if __name__ == "__main__":`` guard, would start the pool again inside each
    worker and fail. The script is read for that guard. Without a main file (a
    REPL, a notebook, ``python -c``) nothing is re-imported.
    """
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    path = getattr(spec, "origin", None) or getattr(main, "__file__", None)
    if not path:
        return True
    try:
        tree = ast.parse(Path(path).read_bytes())
    except (OSError, SyntaxError, ValueError):
        return False
    return any(isinstance(node, ast.If) and _is_main_test(node.test) for node in tree.body)


def _is_main_test(test: ast.expr) -> bool:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    names = {s.id for s in sides if isinstance(s, ast.Name)}
    values = {s.value for s in sides if isinstance(s, ast.Constant)}
    return names == {"__name__"} and values == {"__main__"}


def _context() -> multiprocessing.context.BaseContext | None:
    """The start method for the workers, or None when they must not be started.

    Forking copies this process without re-importing the main module, so
    `process` works in a plain script with no ``__main__`` guard. Forking is not
    safe once threads run (a Dask scheduler, a GUI), nor on macOS, whose system
    libraries do not survive a fork: there forkserver or spawn start clean
    workers, provided the main script is guarded.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if _main_is_guarded():
        return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return None


def _parallel(
    chunks: Iterator[list[Item]],
    n: int,
    gazetteer: Gazetteer | None,
    lexicon: FurnitureLexicon | None,
    progress: Progress | None,
) -> Iterator[Facts]:
    done = 0
    window: deque[Future[list[Facts]]] = deque()
    context = _context()
    if context is None:
        warnings.warn(
            f"process(): running in one process instead of {n}: this script has no "
            "`if __name__ == \"__main__\":` guard, and worker processes cannot be forked here "
            "(threads are running, or the platform does not allow it); put the call under the "
            "guard to use them",
            KoreabriefWarning,
            stacklevel=3,
        )
        yield from _serial(chunks, gazetteer, lexicon, progress)
        return
    with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
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
