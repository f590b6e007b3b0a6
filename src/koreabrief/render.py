"""Markdown rendering of a [`Brief`][koreabrief.Brief]: the text a person would forward."""

from __future__ import annotations

from koreabrief.arguments import require
from koreabrief.models import Alignment, Brief, Event, Story, TimelineEntry

__all__ = ["render_markdown"]

#: How many quotations per speaker, and timeline entries, the Markdown shows.
MAX_QUOTES = 5
MAX_TIMELINE = 40
#: Distinct notes shown per disagreement.
MAX_NOTES = 2


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _label(story: Story, n: int) -> str:
    return _one_line(story.title) if story.title else f"Story {n}"


def _event_text(e: Event) -> str:
    what = e.type.value.replace("_", " ")
    parts = [what]
    if e.actors:
        parts.append("by " + ", ".join(e.actors))
    if e.target:
        parts.append(f"(concerning {e.target})")
    if e.location:
        parts.append(f"— {e.location}")
    if e.quantities:
        parts.append("— " + " / ".join(q.text for q in e.quantities))
    if e.modality.value != "asserted":
        parts.append(f"[{e.modality.value}]")
    return _one_line(" ".join(parts))


def _when(entry: TimelineEntry) -> str:
    t = entry.event.time
    if t is None or t.iso is None:
        return "undated"
    return t.iso


def _disputes(entry: TimelineEntry, conflicts: tuple[Alignment, ...]) -> str:
    """A "(disputed: date)" mark when the articles reporting a timeline event disagree on its facts."""
    prefix = entry.event.type.value + "."
    reporting = set(entry.articles)
    facts = sorted(
        {
            al.fact[len(prefix) :]
            for al in conflicts
            if al.fact.startswith(prefix) and {v.article for v in al.values} <= reporting
        }
    )
    return f" (disputed: {', '.join(facts)})" if facts else ""


def _derivation_lines(story: Story) -> list[str]:
    """One line per source: "a is a rewrite of X", or "4 articles are rewrites of X: a, b, c, d"."""
    by_source: dict[str, list[str]] = {}
    for rewrite, source in story.derivations:
        by_source.setdefault(source, []).append(rewrite)
    out = []
    for source, rewrites in by_source.items():
        if len(rewrites) == 1:
            out.append(f"- {rewrites[0]} is a rewrite of {source}")
        else:
            out.append(f"- {len(rewrites)} articles are rewrites of {source}: {', '.join(rewrites)}")
    return out


def _conflict_groups(brief: Brief) -> list[list[Alignment]]:
    """The disagreements grouped by story and fact, in the brief's order."""
    story_of = {a: n for n, s in enumerate(brief.stories) for a in s.articles}
    groups: dict[tuple[int, str, str], list[Alignment]] = {}
    for al in brief.conflicts:
        story = min((story_of.get(v.article, -1) for v in al.values), default=-1)
        groups.setdefault((story, al.fact, al.kind), []).append(al)
    return list(groups.values())


def _conflict_line(group: list[Alignment]) -> str:
    """One fact's disagreement: each distinct wording once, with the outlets (or articles) carrying it."""
    wordings: dict[tuple[str, str | None], list[str]] = {}
    for al in group:
        for v in al.values:
            carriers = wordings.setdefault((_one_line(v.text), v.normalised), [])
            who = v.outlet or v.article
            if who not in carriers:
                carriers.append(who)
    values = "; ".join(
        f"{', '.join(carriers)}: “{text}”" + (f" ({normalised})" if normalised else "")
        for (text, normalised), carriers in wordings.items()
    )
    notes = list(dict.fromkeys(al.note for al in group if al.note))
    note = " ".join(notes[:MAX_NOTES])
    if len(notes) > MAX_NOTES:
        note += f" (and {len(notes) - MAX_NOTES} more notes)"
    head = group[0]
    return f"- **{head.fact}** ({head.kind}): {values}. {note}".rstrip()


def render_markdown(brief: Brief) -> str:
    """Render a brief as Markdown: summary, stories, timeline, who said what, sanctions, disagreements.

    The output depends only on the brief, so the same brief always renders the same text.

    Args:
        brief: A brief from [`brief`][koreabrief.brief].

    Returns:
        Markdown text ending in a newline; long sections are capped (five
        quotations per speaker, forty timeline entries) with a "... and N more" line.
        Each story shows its first join's reason (the JSON has all of them).
        Rewrites are listed once per source ("4 articles are rewrites of X: ..."),
        and disagreements once per story and fact, each wording with the outlets
        that carry it; the JSON of the same brief holds every pair they come from.

    Examples:
        >>> import koreabrief as kb
        >>> print(kb.render_markdown(kb.Brief()).splitlines()[0])
        # Korea security brief
    """
    require(brief, Brief, "render_markdown")
    lines = ["# Korea security brief", ""]
    n_stories = len(brief.stories)
    summary = (
        f"{brief.articles} article{'s' * (brief.articles != 1)} in {n_stories} "
        f"stor{'ies' if n_stories != 1 else 'y'}; {len(brief.timeline)} events on the timeline; "
        f"{len(brief.statements)} quoted speakers; {len(brief.conflicts)} disagreement"
        f"{'s' * (len(brief.conflicts) != 1)} between outlets."
    )
    lines += [summary, ""]
    if brief.stories:
        top = brief.stories[0]
        n = len(top.articles)
        lines += [f"Main story: **{_label(top, 1)}** ({n} article{'s' * (n != 1)}).", ""]

    lines += ["## Stories", ""]
    for n, story in enumerate(brief.stories, 1):
        lines.append(f"### {n}. {_label(story, n)}")
        lines.append("")
        lines.append(f"- Articles: {', '.join(story.articles)}")
        if story.outlets:
            lines.append(f"- Outlets: {', '.join(story.outlets)}")
        lines += _derivation_lines(story)
        if story.reasons:
            more = len(story.reasons) - 1
            lines.append(f"- Joined: {_one_line(story.reasons[0])}" + (f" (and {more} more)" if more else ""))
        lines.append("")

    lines += ["## Timeline", ""]
    for entry in brief.timeline[:MAX_TIMELINE]:
        lines.append(
            f"- **{_when(entry)}** — {_event_text(entry.event)} — reported by {', '.join(entry.articles)}"
            + _disputes(entry, brief.conflicts)
        )
    if len(brief.timeline) > MAX_TIMELINE:
        lines.append(f"- … and {len(brief.timeline) - MAX_TIMELINE} more events")
    lines.append("")

    lines += ["## Who said what", ""]
    for speaker in brief.statements:
        # A relayed leader shows the channel: "Kim Jong Un (via Korean Central News Agency)".
        via = f" (via {', '.join(speaker.via)})" if speaker.via else ""
        lines.append(f"### {speaker.speaker}{via}")
        lines.append("")
        shown = list(zip(speaker.quotes, speaker.articles, speaker.outlets, strict=False))[:MAX_QUOTES]
        for quote, arts, outlets in shown:
            carried = ", ".join(outlets) if outlets else ", ".join(arts)
            lines.append(f"- “{_one_line(quote).rstrip(',')}” — {carried}")
        if len(speaker.quotes) > MAX_QUOTES:
            lines.append(f"- … and {len(speaker.quotes) - MAX_QUOTES} more")
        lines.append("")

    if brief.sanctions:
        lines += ["## Sanctions", ""]
        for s in brief.sanctions:
            by = f" by {s.authority}" if s.authority else ""
            why = f" — {_one_line(s.reason)}" if s.reason else ""
            lines.append(f"- {s.entity}: {s.status.value.replace('_', ' ')}{by}{why}")
        lines.append("")

    lines += ["## Where outlets disagree", ""]
    if brief.conflicts:
        lines += [_conflict_line(group) for group in _conflict_groups(brief)]
    else:
        lines.append("No disagreements found between articles of the same story.")
    lines.append("")
    if brief.warnings:
        lines += ["## Warnings", ""] + [f"- {_one_line(w)}" for w in brief.warnings] + [""]
    return "\n".join(lines).rstrip() + "\n"
