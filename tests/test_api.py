"""The public API: one flat namespace, documented, nothing private leaking."""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

import koreabrief as kb

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = [name for name in kb.__all__ if name != "__version__"]


def _reference_text() -> str:
    return "\n".join(p.read_text("utf-8") for p in (ROOT / "docs" / "reference").glob("*.md"))


class TestNamespace:
    def test_all_is_unique_and_sorted(self) -> None:
        """__all__ lists each name once."""
        assert len(kb.__all__) == len(set(kb.__all__))

    def test_all_names_exist(self) -> None:
        """Every name in __all__ is importable from koreabrief."""
        for name in kb.__all__:
            assert hasattr(kb, name), name

    def test_nothing_public_is_left_out(self) -> None:
        """Every public attribute of the package that is ours is in __all__."""
        leaked = {
            name
            for name, obj in vars(kb).items()
            if not name.startswith("_")
            and name not in kb.__all__
            and not inspect.ismodule(obj)
            and name != "annotations"
        }
        assert not leaked

    def test_no_private_name_is_exported(self) -> None:
        """No underscore name other than __version__ is part of the public API."""
        assert [name for name in kb.__all__ if name.startswith("_")] == ["__version__"]

    def test_no_module_shadows_a_public_function(self) -> None:
        """No submodule has the name of a public function (it would hide it in the API docs)."""
        import pkgutil

        modules = {m.name for m in pkgutil.iter_modules(kb.__path__)}
        assert not modules & set(kb.__all__)

    @pytest.mark.parametrize("name", PUBLIC)
    def test_every_public_name_has_a_docstring_with_example(self, name: str) -> None:
        """Every public name has a docstring with an example."""
        doc = inspect.getdoc(getattr(kb, name)) or ""
        assert doc.strip(), name
        assert "Example" in doc or ">>>" in doc, name

    @pytest.mark.parametrize("name", PUBLIC)
    def test_every_public_name_is_in_the_api_reference(self, name: str) -> None:
        """Every public name appears in the API reference pages."""
        assert re.search(rf"^::: koreabrief\.{re.escape(name)}\s*$", _reference_text(), re.MULTILINE), name


class TestPackaging:
    def test_version_from_metadata(self) -> None:
        """__version__ comes from the installed distribution's metadata."""
        assert kb.__version__ == version("koreabrief")

    def test_py_typed_is_shipped(self) -> None:
        """The package is marked as typed."""
        assert (Path(kb.__file__).parent / "py.typed").exists()


class TestArgumentErrors:
    """A wrong type given to a public function is an ArgumentError (a KoreabriefError and a
    TypeError) naming the function, never an AttributeError from inside it."""

    @pytest.mark.parametrize(
        ("call", "name"),
        [
            (lambda: kb.extract("North Korea fired a missile."), "extract"),
            (lambda: kb.extract_events(None), "extract_events"),
            (lambda: kb.extract_sanctions(3), "extract_sanctions"),
            (lambda: kb.extract_statements(b"text"), "extract_statements"),
            (lambda: kb.compare("a", "b"), "compare"),
            (lambda: kb.cluster(["a"]), "cluster"),
            (lambda: kb.brief(["a"]), "brief"),
            (lambda: kb.render_markdown("a"), "render_markdown"),
            (lambda: kb.clean(42), "clean"),
            (lambda: kb.article(b"bytes", id="x"), "article"),
        ],
    )
    def test_wrong_type(self, call: Any, name: str) -> None:
        with pytest.raises(kb.ArgumentError, match=rf"^{name}\(\) expects") as caught:
            call()
        assert isinstance(caught.value, kb.KoreabriefError)
        assert isinstance(caught.value, TypeError)

    def test_compare_and_cluster_take_articles(self) -> None:
        """Articles are extracted on the way in: the result is the one their facts give."""
        a, b = kb.seeds()[:2]
        assert kb.compare(a, b) == kb.compare(kb.extract(a), kb.extract(b))
        assert kb.cluster([a, b]) == kb.cluster([kb.extract(a), kb.extract(b)])

    def test_to_json_of_a_foreign_object(self) -> None:
        with pytest.raises(kb.SerializationError):
            kb.to_json(object())


def _reference_objects() -> list[tuple[str, Any]]:
    """(name, object) for every ``::: name`` of the API reference, with a class's own methods."""
    import importlib

    found: list[tuple[str, Any]] = []
    for name in re.findall(r"^::: (\S+)", _reference_text(), re.MULTILINE):
        parts = name.split(".")
        for i in range(len(parts), 0, -1):
            try:
                obj: Any = importlib.import_module(".".join(parts[:i]))
                for attr in parts[i:]:
                    obj = getattr(obj, attr)
            except (ImportError, AttributeError):
                continue
            break
        found.append((name, obj))
        if inspect.isclass(obj):
            for attr, value in vars(obj).items():
                member = getattr(value, "__func__", None) or getattr(value, "fget", None) or value
                if not attr.startswith("_") and callable(member):
                    found.append((f"{name}.{attr}", member))
    return found


class TestReferenceExamples:
    @pytest.mark.parametrize(
        ("name", "obj"), _reference_objects(), ids=lambda x: x if isinstance(x, str) else ""
    )
    def test_examples_use_kb_names(self, name: str, obj: Any) -> None:
        """A reference example calls public names as ``kb.name``, the way users import them."""
        bare = re.compile(r"(?<![\w.\"'])(" + "|".join(sorted(PUBLIC, key=len, reverse=True)) + r")\s*[(.]")
        for line in (inspect.getdoc(obj) or "").splitlines():
            code = line.strip()
            if code.startswith((">>> ", "... ")) and "import " not in code:
                assert not bare.search(code[4:]), f"{name}: {code}"
