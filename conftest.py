"""Root pytest configuration: skip doctests of optional integrations that are not installed."""

from __future__ import annotations

import importlib.util

collect_ignore: list[str] = []
if importlib.util.find_spec("dask") is None:
    collect_ignore.append("src/koreabrief/dask.py")
if importlib.util.find_spec("followthemoney") is None:
    collect_ignore.append("src/koreabrief/ftm.py")
