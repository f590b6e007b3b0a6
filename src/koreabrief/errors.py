"""The exception hierarchy: everything koreabrief raises derives from `KoreabriefError`.

The exception *types* are API and stable; their messages are for people and
may change between releases.
"""

from __future__ import annotations

__all__ = [
    "ArgumentError",
    "ConfigError",
    "KoreabriefError",
    "KoreabriefWarning",
    "LoadError",
    "MissingExtraError",
    "SerializationError",
]


class KoreabriefError(Exception):
    """The root of every exception koreabrief raises on purpose.

    Examples:
        >>> issubclass(LoadError, KoreabriefError)
        True
    """


class LoadError(KoreabriefError):
    """Input could not be read: a missing path, malformed JSON, a binary file.

    The message names the file and, where there is one, the line.

    Examples:
        >>> import koreabrief as kb
        >>> try:
        ...     list(kb.load("no/such/file.txt"))
        ... except kb.LoadError as e:
        ...     print("missing" in str(e))
        True
    """


class MissingExtraError(KoreabriefError, ImportError):
    """An optional dependency is not installed; the message names the extra to install.

    HTML pages and WARC archives need the ``[html]`` extra
    (``pip install 'koreabrief[html]'``). It is also an `ImportError`.

    Examples:
        >>> import koreabrief as kb
        >>> issubclass(kb.MissingExtraError, ImportError)
        True
    """


class SerializationError(KoreabriefError):
    """JSON text does not describe the requested model.

    Examples:
        >>> import koreabrief as kb
        >>> try:
        ...     kb.from_json('{"start": 3}', kb.Span)
        ... except kb.SerializationError:
        ...     print("bad span")
        bad span
    """


class ConfigError(KoreabriefError):
    """A configuration object (such as a gazetteer file) is invalid.

    Examples:
        >>> import koreabrief as kb
        >>> try:
        ...     kb.Gazetteer.from_toml_text("[[person]]\\nnam = 'x'")
        ... except kb.ConfigError:
        ...     print("invalid")
        invalid
    """


class ArgumentError(KoreabriefError, TypeError):
    """A public function was given a value of the wrong type (text where an
    Article is expected, say). It is also a `TypeError`.

    Examples:
        >>> import koreabrief as kb
        >>> try:
        ...     kb.extract("North Korea fired a missile.")
        ... except kb.ArgumentError as e:
        ...     print(e)
        extract() expects an Article, got str: build one with kb.article(text, id=...)
    """


class KoreabriefWarning(UserWarning):
    """Issued (through :mod:`warnings`) when input is skipped rather than loaded.

    Problems with an input that still yields an article are recorded on the
    article itself (`Article.warnings`); this
    warning reports inputs that yield nothing, such as a binary file, with the
    file and line.

    Examples:
        >>> import warnings, koreabrief as kb
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warnings.warn("skipped x.bin: binary", kb.KoreabriefWarning)
        >>> caught[0].category is kb.KoreabriefWarning
        True
    """
