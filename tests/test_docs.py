"""Every example in the docs and the README runs, and shows its real output, so the docs cannot rot.

Conventions for pages (README.md and docs/**/*.md):

- every ```python block is executed, each in a fresh namespace and an empty
  working directory;
- a ```text title="Output" (or ```markdown title="Output") block right after a
  ```python block must equal what that example prints;
- one right after a one-line ```bash block holding a ``koreabrief ...`` command
  must equal what that command prints.

After a change in behaviour, refresh the outputs with
``python tests/test_docs.py --update`` and review the diff.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
# A code block followed, after blank lines only, by its output block.
_WITH_OUTPUT = re.compile(
    r"^```(?P<lang>python|bash)\n(?P<code>(?:(?!```)[\s\S])*)^```\n\s*"
    r'^```(?:text|markdown) title="Output"\n(?P<out>(?:(?!```)[\s\S])*)^```',
    re.MULTILINE,
)


def _pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _examples() -> list[tuple[str, str]]:
    found = []
    for page in _pages():
        for i, m in enumerate(_FENCE.finditer(page.read_text("utf-8"))):
            found.append((f"{page.relative_to(ROOT)}#{i + 1}", m.group(1)))
    return found


def _outputs() -> list[tuple[str, str, str, str]]:
    """(where, language, code, shown output) for every example that shows its output."""
    found = []
    for page in _pages():
        for i, m in enumerate(_WITH_OUTPUT.finditer(page.read_text("utf-8"))):
            found.append((f"{page.relative_to(ROOT)}@{i + 1}", m["lang"], m["code"], m["out"]))
    return found


def _run(lang: str, code: str, where: str) -> str:
    """What the example prints on standard output (run in the current directory)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        if lang == "python":
            exec(compile(code, where, "exec"), {"__name__": "__docs__"})
        else:
            from koreabrief.cli import main

            argv = shlex.split(code.strip())
            assert len(code.strip().splitlines()) == 1, where
            assert argv[0] == "koreabrief", where
            assert main(argv[1:]) == 0, where
    return buffer.getvalue()


# An example that uses an optional extra runs where the extra is installed (CI installs them all).
_EXTRAS = {
    "dask": "dask.bag",
    "trafilatura": "trafilatura",
    "warcio": "warcio",
    "kb.article(page": "trafilatura",
}


def _skip_without_extras(code: str) -> None:
    for marker, module in _EXTRAS.items():
        if marker in code:
            pytest.importorskip(module)


def _same(shown: str, actual: str) -> bool:
    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.strip("\n").splitlines()]

    return lines(shown) == lines(actual)


class TestDocs:
    @pytest.mark.parametrize(("where", "code"), _examples(), ids=[w for w, _ in _examples()])
    def test_example_runs(
        self, where: str, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The fenced Python example runs without error."""
        _skip_without_extras(code)
        monkeypatch.chdir(tmp_path)
        exec(compile(code, where, "exec"), {"__name__": "__docs__"})

    @pytest.mark.parametrize("example", _outputs(), ids=[o[0] for o in _outputs()])
    def test_shown_output_is_real(
        self, example: tuple[str, str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An example's output block is exactly what the example prints today."""
        where, lang, code, shown = example
        _skip_without_extras(code)
        monkeypatch.chdir(tmp_path)
        actual = _run(lang, code, where)
        assert _same(shown, actual), (
            f"{where}: the page shows other output than the example prints; "
            "run `python tests/test_docs.py --update` and review the diff"
        )

    def test_there_are_examples(self) -> None:
        """The docs do hold examples and output blocks (the collectors themselves work)."""
        assert len(_examples()) >= 3
        assert any(lang == "bash" for _, lang, _, _ in _outputs())
        assert any(lang == "python" for _, lang, _, _ in _outputs())


def _update() -> None:
    """Rewrite every output block with what its example prints now."""
    for page in _pages():
        text = page.read_text("utf-8")

        def refresh(m: re.Match[str], page: Path = page) -> str:
            with tempfile.TemporaryDirectory() as tmp:
                here = os.getcwd()
                os.chdir(tmp)
                try:
                    actual = _run(m["lang"], m["code"], str(page))
                finally:
                    os.chdir(here)
            body = actual if actual.endswith("\n") else actual + "\n"
            start, end = m.span("out")
            whole = m.group(0)
            return whole[: start - m.start()] + body + whole[end - m.start() :]

        new = _WITH_OUTPUT.sub(refresh, text)
        if new != text:
            page.write_text(new, "utf-8")
            print(f"updated {page.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_docs.py --update")
    _update()
