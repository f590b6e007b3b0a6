"""Root pytest configuration: skip doctests of optional integrations that are not installed."""

from __future__ import annotations

import importlib.util

import pytest

collect_ignore: list[str] = []
if importlib.util.find_spec("dask") is None:
    collect_ignore.append("src/koreabrief/dask.py")

# Doctests that need the [html] extra, by the module they import; they are skipped without it.
_NEEDS = {
    "koreabrief.markup.main_text": "trafilatura",
    "koreabrief.markup.require_html": "trafilatura",
    "koreabrief.warc.responses": "warcio",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = _NEEDS.get(item.name)
        if module is not None and importlib.util.find_spec(module) is None:
            item.add_marker(pytest.mark.skip(reason=f"needs {module} (the [html] extra)"))
