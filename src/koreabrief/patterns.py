"""Regex building blocks shared by the gazetteer and the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["trie_regex"]


def trie_regex(words: Iterable[str], classes: Mapping[str, str] | None = None) -> str:
    """A regex alternation of `words` shaped as a trie, so that matching stays linear.

    A shared prefix is tried once instead of once per word, so no input can make
    the alternation backtrack across many words. `classes` maps a character to
    the character class that stands for it (an apostrophe for every apostrophe,
    say). No words give a pattern that never matches.

    Examples:
        >>> trie_regex(["said", "says", "saying"])
        'sa(?:id|y(?:ing|s))'
        >>> re.fullmatch(trie_regex(["it's"], {"'": "['’]"}), "it’s") is not None
        True
        >>> re.search(trie_regex([]), "anything") is None
        True
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    char_classes = classes or {}

    def build(node: dict[str, Any]) -> str:
        if list(node) == [""]:
            return ""
        alts = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            alts.append(char_classes.get(ch, re.escape(ch)) + build(node[ch]))
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if optional else body

    return build(trie) if trie else "(?!)"
