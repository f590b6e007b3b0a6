"""Sanctions as FollowTheMoney entities, made and checked by the ``followthemoney`` library.

Needs the optional extra: ``pip install "koreabrief[ftm]"``. Each named
[`Sanction`][koreabrief.Sanction] becomes two entities: the target (a
``Person``, ``Company``, ``Organization``, ``Vessel`` or, for a state or a
name of unknown kind, a ``LegalEntity``) and a ``Sanction`` whose ``entity``
points to it. FtM's property names differ from the model's: ``start_date``
becomes ``startDate`` and the article's address ``sourceUrl``. Ids are
deterministic: the same target gets the same id in every article, so
exports of many articles merge on it; a group phrase with no name
("three individuals") is no entity and is left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from koreabrief.errors import ArgumentError, KoreabriefError, MissingExtraError
from koreabrief.extraction.sanction_merge import entity_key
from koreabrief.models import Brief, Facts, Sanction, SanctionStatus

__all__ = ["to_ftm", "to_ftm_jsonl"]

# The FtM schema of each kind of target.
_SCHEMA = {
    "person": "Person",
    "company": "Company",
    "organisation": "Organization",
    "vessel": "Vessel",
    "state": "LegalEntity",
    "entity": "LegalEntity",
}
# The id namespace: ids are hashes of it and the target's kind and name.
_NAMESPACE = "koreabrief"


def _model() -> Any:
    """FtM's model, or a clear error when the extra is not installed."""
    try:
        from followthemoney import model  # noqa: PLC0415 - the optional extra loads only when used
    except ImportError as e:
        raise MissingExtraError(
            'to_ftm needs the followthemoney library: pip install "koreabrief[ftm]" (Python 3.11 or newer)'
        ) from e
    return model


def _sources(obj: Facts | Brief | Iterable[Facts]) -> Iterator[tuple[Sanction, str | None, str | None]]:
    """Each sanction with its article's address and outlet, where known."""
    given: object = obj
    if isinstance(given, Facts):
        for s in given.sanctions:
            yield s, given.article.url, given.article.outlet
    elif isinstance(given, Brief):
        for s in given.sanctions:
            yield s, None, None
    elif isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise ArgumentError(
            f"to_ftm() expects Facts, a Brief or an iterable of Facts, got {type(given).__name__}"
        )
    else:
        for facts in given:
            if not isinstance(facts, Facts):
                raise ArgumentError(f"to_ftm() expects Facts in the iterable, got {type(facts).__name__}")
            yield from _sources(facts)


def _checked(model: Any, entity: Any) -> dict[str, Any]:
    """The entity as FtM JSON, validated by its schema."""
    data: dict[str, Any] = entity.to_dict()
    error = entity.schema.validate(data)
    if error is not None:  # pragma: no cover - the properties set below are all valid
        raise KoreabriefError(f"invalid FtM {entity.schema.name}: {error}")
    model.get_proxy(data)  # raises on an unknown schema or property
    return data


def to_ftm(obj: Facts | Brief | Iterable[Facts], /) -> list[dict[str, Any]]:
    """FollowTheMoney entities for the named sanctions of one article, many, or a brief.

    Args:
        obj: [`Facts`][koreabrief.Facts], an iterable of them, or a
            [`Brief`][koreabrief.Brief] (its sanctions carry no source address).

    Returns:
        FtM entity dicts (``id``, ``schema``, ``properties``), each target once
        and before the ``Sanction`` entities pointing to it, in text order.

    Raises:
        MissingExtraError: The ``followthemoney`` library is not installed.
        ArgumentError: `obj` is none of the above.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", url="https://example.com/x",
        ...                text="The Treasury on Monday sanctioned Kim Chol Su, a banker.")
        >>> [e["schema"] for e in kb.to_ftm(kb.extract(a))]
        ['Person', 'Sanction']
    """
    model = _model()
    out: list[dict[str, Any]] = []
    targets: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    for sanction, url, outlet in _sources(obj):
        if sanction.entity_kind == "group":
            continue
        schema = _SCHEMA.get(sanction.entity_kind or "entity", "LegalEntity")
        key = entity_key(sanction.entity)
        target = model.make_entity(schema)
        target.make_id(_NAMESPACE, schema, key)
        target.add("name", sanction.entity)
        for alias in sanction.aliases:
            target.add("alias", alias)
        if sanction.entity_kind == "state":
            target.add("country", sanction.entity, quiet=True)
        if sanction.status is SanctionStatus.IN_FORCE:
            target.add("topics", "sanction")
        if target.id in targets:
            # The same target again (another authority): only new aliases add to it.
            props = targets[target.id]["properties"]
            new = [a for a in target.get("alias") if a not in props.get("alias", [])]
            if new:
                props.setdefault("alias", []).extend(new)
        else:
            targets[target.id] = _checked(model, target)
            out.append(targets[target.id])
        measure = model.make_entity("Sanction")
        measure.make_id(
            _NAMESPACE,
            "sanction",
            url or "",
            target.id,
            sanction.authority or "",
            sanction.status.value,
            sanction.program or "",
        )
        measure.add("entity", target.id)
        measure.add("status", sanction.status.value)
        if sanction.authority:
            measure.add("authority", sanction.authority)
            measure.add("country", sanction.authority, quiet=True)
        if sanction.program:
            measure.add("program", sanction.program)
        if sanction.reason:
            measure.add("reason", sanction.reason)
        if sanction.start_date:
            measure.add("startDate", sanction.start_date)
        if url:
            measure.add("sourceUrl", url)
        if outlet:
            measure.add("publisher", outlet)
        for number in sanction.resolutions:
            measure.add("unscId", number)
        if sanction.group:
            measure.add("summary", f"listed among {sanction.group}")
        if measure.id not in seen:  # the same article given twice
            seen.add(measure.id)
            out.append(_checked(model, measure))
    return out


def to_ftm_jsonl(obj: Facts | Brief | Iterable[Facts], /) -> str:
    """[`to_ftm`][koreabrief.to_ftm] as JSON lines, one entity a line, each line ending in a newline.

    Args:
        obj: As for [`to_ftm`][koreabrief.to_ftm].

    Returns:
        The entities as FtM's JSON lines (what ``ftm`` tools read), or ``""`` for none.

    Raises:
        MissingExtraError: The ``followthemoney`` library is not installed.

    Examples:
        >>> import koreabrief as kb
        >>> a = kb.Article(id="x", raw="", text="Tokyo blacklisted the tanker Ocean Star.")
        >>> kb.to_ftm_jsonl(kb.extract(a)).count("\\n")
        2
    """
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in to_ftm(obj))
