"""What keeps two articles apart, whatever else they share: different events, things, actions or days.

Two launches of one missile type a week apart, "Resolution 2375" and
"Resolution 2397", the US Treasury's and the EU's sanctions on one day, two
undated reports whose datelines say March 10 and March 17: each pair shares
names, words and often quotations, yet tells two stories.
[`cluster`][koreabrief.cluster] never joins such articles, nor the stories
they belong to.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection

from koreabrief.align import MAX_DAY_GAP
from koreabrief.profile import Profile, _comparable, _gap, _own_days

__all__ = [
    "LEAD_DAY_WINDOW",
    "authority_clash",
    "day_clash",
    "days_apart",
    "designator_clash",
    "lead_clash",
    "story_clash",
]

#: Days apart beyond which two undated reports whose leads name a day (or one named
#: day and one publication date) report different things.
LEAD_DAY_WINDOW = 4


def lead_clash(a: Profile, b: Profile) -> str | None:
    """Why the events two articles lead with are different events, or None.

    Both lead with a day-dated event of one kind and the same actors, on days too
    far apart (or each on its own publication day), and with no such event in
    common: two launches a week apart, not one launch reported twice.

    Examples:
        >>> from koreabrief.models import Article, Facts
        >>> from koreabrief.profile import profile
        >>> p = profile(Facts(article=Article(id="x", raw="", text="")))
        >>> lead_clash(p, p) is None
        True
    """
    clashes = []
    for x in a.lead:
        for y in b.lead:
            if not (x[5] and y[5]) or not _comparable(x, y):
                continue
            if _gap(x, y) <= MAX_DAY_GAP and not _own_days(a, b, x, y):
                return None
            day, other = dt.date.fromordinal(x[3]).isoformat(), dt.date.fromordinal(y[3]).isoformat()
            clashes.append(f"they lead with a {x[0]} on {day} and on {other}")
    return min(clashes) if clashes else None


def designator_clash(x: Collection[str], y: Collection[str]) -> str | None:
    """Why two sets of main designators ("hwasong:17") name different things, or None.

    Examples:
        >>> designator_clash(("hwasong:17",), ("hwasong:18", "kn:23"))
        'hwasong 17 vs 18'
        >>> designator_clash(("resolution:2397",), ("hwasong:17",)) is None
        True
    """
    mine: dict[str, set[str]] = {}
    for d in x:
        family, _, number = d.partition(":")
        mine.setdefault(family, set()).add(number)
    theirs: dict[str, set[str]] = {}
    for d in y:
        family, _, number = d.partition(":")
        theirs.setdefault(family, set()).add(number)
    for family in sorted(mine.keys() & theirs.keys()):
        if not mine[family] & theirs[family]:
            return f"{family} {'/'.join(sorted(mine[family]))} vs {'/'.join(sorted(theirs[family]))}"
    return None


def authority_clash(x: Collection[str], y: Collection[str]) -> str | None:
    """Why two sets of lead sanctioning authorities tell different actions, or None.

    Examples:
        >>> authority_clash(("United States",), ("European Union",))
        'sanctions by United States vs European Union'
        >>> authority_clash(("United States",), ()) is None
        True
    """
    if x and y and not set(x) & set(y):
        return f"sanctions by {', '.join(sorted(x))} vs {', '.join(sorted(y))}"
    return None


def _day_of_year(month: int, day: int) -> int:
    return dt.date(2001, month, min(day, calendar.monthrange(2001, month)[1])).timetuple().tm_yday


def days_apart(x: tuple[int, int], y: tuple[int, int]) -> int:
    """Days between two ``(month, day)`` of unknown years, counted the short way around the calendar.

    Examples:
        >>> days_apart((3, 10), (3, 17)), days_apart((12, 30), (1, 2))
        (7, 3)
    """
    gap = abs(_day_of_year(*x) - _day_of_year(*y))
    return min(gap, 365 - gap)


def day_clash(a: Profile, b: Profile) -> str | None:
    """Why two reports, one of them at least undated, were written days apart, or None.

    A report's day is its publication day, else the date a stamp at the head of
    the page gives ("date 2023-07-18"), else the day its dateline names ("SEOUL,
    March 10 (Yonhap) --"). Days more than
    `LEAD_DAY_WINDOW` apart (the year unknown, so counted around the calendar)
    tell two different reports: the launch of March 10 and the launch of March 17.

    Examples:
        >>> import attrs
        >>> from koreabrief.models import Article, Facts
        >>> from koreabrief.profile import profile
        >>> p = profile(Facts(article=Article(id="x", raw="", text="SEOUL, March 10 -- A launch.")))
        >>> q = attrs.evolve(p, id="y", lead_day=(3, 17))
        >>> day_clash(p, q)
        'reported on 3/10 and on 3/17'
    """
    pa, pb = a.published or a.stamped, b.published or b.stamped
    if pa is not None and pb is not None:
        if a.published is not None and b.published is not None:
            return None  # both dated by their publishers: the clustering's window judges them
        if abs((pa - pb).days) <= LEAD_DAY_WINDOW:
            return None
        return f"dated {pa.isoformat()} and {pb.isoformat()}"
    da = (pa.month, pa.day) if pa is not None else a.lead_day
    db = (pb.month, pb.day) if pb is not None else b.lead_day
    if da is None or db is None:
        return None
    if days_apart(da, db) <= LEAD_DAY_WINDOW:
        return None
    return f"reported on {da[0]}/{da[1]} and on {db[0]}/{db[1]}"


def story_clash(a: Profile, b: Profile) -> str | None:
    """Why two articles tell different stories whatever else they share, or None.

    Their lead events are different events (see `lead_clash`), their main
    numbered names differ ("Resolution 2375" vs "Resolution 2397"), the
    sanctions they lead with are imposed by different authorities, or, when
    either is undated, the days their leads name are far apart (see `day_clash`).

    Examples:
        >>> from koreabrief.models import Article, Facts
        >>> from koreabrief.profile import profile
        >>> p = profile(Facts(article=Article(id="x", raw="", text="Resolution 2375 passed.")))
        >>> q = profile(Facts(article=Article(id="y", raw="", text="Resolution 2397 passed.")))
        >>> story_clash(p, q)
        'resolution 2375 vs 2397'
    """
    return (
        lead_clash(a, b)
        or designator_clash(a.designators, b.designators)
        or authority_clash(a.authorities, b.authorities)
        or day_clash(a, b)
    )
