"""Checks of what the public functions are given: a wrong type is an `ArgumentError`
naming the function, not an AttributeError from deep inside it."""

from __future__ import annotations

from typing import TypeVar

from koreabrief.errors import ArgumentError
from koreabrief.models import Article

__all__ = ["require", "require_article"]

T = TypeVar("T")

# What to do instead, by the type a function expects.
_HINTS = {
    "Article": "build one with kb.article(text, id=...)",
    "Facts": "get them with kb.extract(article)",
    "Brief": "make one with kb.brief(articles)",
    "str": "decode bytes first, or read files with kb.load(path)",
}


def require(value: object, cls: type[T], where: str) -> T:
    """`value` itself when it is a `cls`, else an `ArgumentError` naming `where`.

    Examples:
        >>> require(3, int, "f")
        3
        >>> require("3", int, "f")
        Traceback (most recent call last):
        ...
        koreabrief.errors.ArgumentError: f() expects an int, got str
    """
    if isinstance(value, cls):
        return value
    name = cls.__name__
    article = "an" if name[:1].lower() in "aeiou" else "a"
    hint = _HINTS.get(name)
    message = f"{where}() expects {article} {name}, got {type(value).__name__}"
    raise ArgumentError(f"{message}: {hint}" if hint else message)


def require_article(value: object, where: str) -> Article:
    """`value` when it is an Article, else an `ArgumentError` naming `where`.

    Examples:
        >>> require_article(Article(id="a", raw="", text=""), "extract").id
        'a'
    """
    return require(value, Article, where)
