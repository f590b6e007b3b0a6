"""koreabrief: typed, verifiable data from news about Korean-peninsula security.

Load and clean scraped articles, extract who said what, events and sanctions,
compare coverage across outlets and merge it into a brief.

Exception *types* (all rooted at [`KoreabriefError`][koreabrief.KoreabriefError])
are part of the API; their messages are not.

Examples:
    >>> import koreabrief as kb
    >>> len(kb.seeds())
    5
"""

from __future__ import annotations

import importlib.metadata as _metadata

from koreabrief.briefing import brief
from koreabrief.cleaning import article, clean
from koreabrief.cleaning.lexicon import Lexicon as FurnitureLexicon
from koreabrief.clustering import Clusterer, cluster
from koreabrief.comparison import compare
from koreabrief.errors import (
    ArgumentError,
    ConfigError,
    KoreabriefError,
    KoreabriefWarning,
    LoadError,
    MissingExtraError,
    SerializationError,
)
from koreabrief.extraction import extract, extract_events, extract_sanctions, extract_statements
from koreabrief.ftm import to_ftm, to_ftm_jsonl
from koreabrief.gazetteer import Entity, Gazetteer, Mention
from koreabrief.loaders import load, seeds
from koreabrief.models import (
    Alignment,
    Article,
    Brief,
    Comparison,
    Event,
    EventType,
    Facts,
    FactValue,
    Modality,
    Precision,
    Quantity,
    Removal,
    RemovalKind,
    Sanction,
    SanctionStatus,
    SharedStatement,
    Span,
    SpeakerStatements,
    Statement,
    Story,
    TimelineEntry,
    TimeRef,
    Verdict,
)
from koreabrief.parallel import process
from koreabrief.render import render_markdown
from koreabrief.serialize import from_dict, from_json, read_jsonl, to_dict, to_json, write_jsonl
from koreabrief.tables import to_records

try:
    __version__ = _metadata.version("koreabrief")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0"

__all__ = [
    "Alignment",
    "ArgumentError",
    "Article",
    "Brief",
    "Clusterer",
    "Comparison",
    "ConfigError",
    "Entity",
    "Event",
    "EventType",
    "FactValue",
    "Facts",
    "FurnitureLexicon",
    "Gazetteer",
    "KoreabriefError",
    "KoreabriefWarning",
    "LoadError",
    "Mention",
    "MissingExtraError",
    "Modality",
    "Precision",
    "Quantity",
    "Removal",
    "RemovalKind",
    "Sanction",
    "SanctionStatus",
    "SerializationError",
    "SharedStatement",
    "Span",
    "SpeakerStatements",
    "Statement",
    "Story",
    "TimeRef",
    "TimelineEntry",
    "Verdict",
    "__version__",
    "article",
    "brief",
    "clean",
    "cluster",
    "compare",
    "extract",
    "extract_events",
    "extract_sanctions",
    "extract_statements",
    "from_dict",
    "from_json",
    "load",
    "process",
    "read_jsonl",
    "render_markdown",
    "seeds",
    "to_dict",
    "to_ftm",
    "to_ftm_jsonl",
    "to_json",
    "to_records",
    "write_jsonl",
]
