"""Story terms: what an article reports, as countable words for telling stories apart.

Independent reports of one event share few word runs, but they name the same
people, places and bodies, quote the same figures and use the same rare words
("liaison office", "Goseong", "Resolution 2397"). `story_terms` lists them:

* ``E:`` a gazetteer entity, by its canonical name (so "Kim Jong-un" and "Kim
  Jong Un" are one term);
* ``N:`` any other capitalised name (a run of capitalised words that is not just
  the first word of a sentence);
* ``#:`` a number of two or more digits, ``Y:`` a year;
* ``W:`` a content word of the title and the article's first words.

How telling a term is depends on the corpus (a name in every article says
nothing), so [`cluster`][koreabrief.cluster] weighs terms by their document
frequency. `designators` finds numbered names of one family ("Hwasong-17",
"Resolution 2375"): two reports whose main designator of one family differs
tell different stories. The word lists are data (``[story]`` in
``data/compare.toml``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections import Counter
from collections.abc import Iterable
from importlib import resources

from koreabrief.extraction.dates import MONTH
from koreabrief.gazetteer import Gazetteer
from koreabrief.models import Article
from koreabrief.similarity import words

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["designators", "lead_day", "stamped_date", "story_terms"]

#: Content words read from the start of an article: its story is told first, and a
#: bound keeps a long article's profile small.
LEAD_WORDS = 400
#: Characters of the first paragraph read for designators.
LEAD_CHARS = 600
#: At most this many distinct terms are kept per article (the most frequent).
MAX_TERMS = 320

# A run of capitalised words (hyphens, apostrophes and inner dots allowed: "Kim Il-nam",
# "U.S.-led"); the gazetteer's mentions are blanked out first, so runs stop at them.
_CAPITALISED = re.compile(r"[A-Z][\w'’.\-]*\w(?:[ \t]+[A-Z][\w'’.\-]*\w)*|[A-Z](?![\w'’])")
# A figure: the regex engine skips to a digit; what stands before it is checked after
# (a digit inside a word or after a full stop, "KN23" or ".5", starts no figure).
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_POSSESSIVE = re.compile(r"['’]s$")
# What opens a sentence before a capitalised word: an end mark (and a closing quote), a
# line break, or an opening quote mark.
_OPENING = frozenset("\n“\"‘(")
_END = frozenset(".!?")
_CLOSERS = frozenset("”\"’')")
# A number after a word: "Hwasong-17" (any word, hyphen) or "Resolution 2397" (a listed word).
# The regex engine skips to digits; the word before is read from the text just before them.
_DIGITS = re.compile(r"\d{1,4}(?![\d.,]\d)\b")
_BEFORE = re.compile(r"(?:(?<![A-Za-z])([A-Za-z]{2,})-|(?<![A-Za-z])([A-Za-z]+)\s+(?:No\.\s*)?)$")
# A day of a month as a dateline or lead writes it: "March 10", "Dec. 16", "16 December".
_MONTH_DAY = re.compile(
    rf"(?<![\w.])(?:(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH}))(?![\w])"
    # A dateline's day closes with a dash, perhaps after the agency: "SEOUL, March 10 (Yonhap) --".
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|—|–|-|:)"
)
#: Characters at the head of a text where a dateline is looked for.
DATELINE_CHARS = 80
# A date stamp as scraped corpora write it at the head of a page: "date 2023-07-18".
_STAMP = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])")
_MONTH_NUMBERS = {
    m: n
    for n, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# Content-word terms of normalised words, memoised (None: not a content word).
_CONTENT: dict[str, str | None] = {}
_CONTENT_MEMO = 1 << 18


@functools.cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    text = resources.files("koreabrief").joinpath("data/compare.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)["story"]
    return (
        frozenset(data["stopwords"]),
        frozenset(w.lower() for w in data["capitalised_stopwords"]),
        frozenset(w.lower() for w in data["numbered"]),
    )


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence (its capital says nothing about it)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in _OPENING:
        return True
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i >= 0 and text[i] in _END


def _names(text: str, gazetteer: Gazetteer, out: list[str]) -> None:
    _, capstop, _ = _lexicon()
    pieces: list[str] = []
    at = 0
    for mention in gazetteer.find(text):
        out.append("E:" + mention.entity.name)
        pieces += (text[at : mention.start], "\0" * (mention.end - mention.start))
        at = mention.end
    masked = "".join(pieces) + text[at:] if pieces else text
    for m in _CAPITALISED.finditer(masked):
        run = [_POSSESSIVE.sub("", w).rstrip(".") for w in m.group().split()]
        initial = _sentence_initial(masked, m.start())
        while run and run[0].lower() in capstop:
            run.pop(0)
            initial = False
        while run and run[-1].lower() in capstop:
            run.pop()
        if not run or (initial and len(run) == 1):
            continue
        out.append("N:" + " ".join(run).lower())


def _numbers(text: str, out: list[str]) -> None:
    for m in _NUMBER.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "._"):
            continue
        value = m.group().replace(",", "")
        if _YEAR.fullmatch(value):
            out.append("Y:" + value)
        elif sum(c.isdigit() for c in value) >= 2:
            out.append("#:" + value)


def story_terms(
    article: Article, *, gazetteer: Gazetteer | None = None, tokens: Iterable[str] | None = None
) -> Counter[str]:
    """The terms of an article and how often each occurs (see the module docstring).

    Args:
        article: The article (its title and text are read).
        gazetteer: Resolves entity names to canonical ones; the shipped one by default.
        tokens: The text's normalised words, if already computed (see
            [`words`][koreabrief.similarity.words]).

    Examples:
        >>> from koreabrief.models import Article
        >>> t = "Pvt. Jo Anders crossed into North Korea at Panmunjom on 18 July 2023, the Army said."
        >>> terms = story_terms(Article(id="x", raw="", text=t))
        >>> sorted(k for k in terms if k[0] in "ENY#")
        ['#:18', 'E:North Korea', 'N:army', 'N:jo anders', 'N:panmunjom', 'Y:2023']
    """
    g = gazetteer or Gazetteer.default()
    stop, _, _ = _lexicon()
    found: list[str] = []
    title = article.title or ""
    # Title and text are read as one (a blank line between them closes any run of names).
    head = f"{title}\n\n{article.text}" if title else article.text
    _names(head, g, found)
    _numbers(head, found)
    toks = list(tokens) if tokens is not None else words(article.text)
    lead = words(title) + toks[:LEAD_WORDS] if title else toks[:LEAD_WORDS]
    memo = _CONTENT
    if len(memo) >= _CONTENT_MEMO:
        memo.clear()
    content = list(map(memo.get, lead, lead))
    for k, w in enumerate(lead):
        if content[k] is w:  # not memoised yet (a term never equals its word)
            bare = w.removesuffix("'s")
            keep = len(bare) > 3 and bare not in stop and not bare.isdigit()
            memo[w] = content[k] = sys.intern("W:" + bare) if keep else None
    found += filter(None, content)
    out = Counter(found)
    if len(out) > MAX_TERMS:
        out = Counter(dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]))
    return out


def designators(article: Article) -> tuple[str, ...]:
    """The main numbered name of each family the article leads with: ``family:number``.

    A family is a word joined to a number ("Hwasong-17", "KN-23") or one of the
    words listed as numbered in the data ("Resolution 2397"). Only the title and
    the first paragraph (its first `LEAD_CHARS` characters) are read: a launch
    report that recalls last year's Hwasong-18 further down is not about it. The
    main one is the most frequent (the title counts twice), ties going to the
    first written: a lead on the Hwasong-18 that recalls the Hwasong-17 is still
    about the 18.

    Examples:
        >>> from koreabrief.models import Article
        >>> a = Article(id="x", raw="", title="Hwasong-18 launched",
        ...             text="The Hwasong-18 follows the Hwasong-17. Resolution 2397 applies.")
        >>> designators(a)
        ('hwasong:18', 'resolution:2397')
    """
    _, _, numbered = _lexicon()
    counts: dict[str, Counter[str]] = {}
    first: dict[tuple[str, str], int] = {}
    title = article.title or ""
    text = article.text[:LEAD_CHARS]
    end = text.find("\n\n")
    lead = text if end < 0 else text[:end]
    text = f"{title}\n{title}\n{lead}"
    for m in _DIGITS.finditer(text):
        if m.start() and text[m.start() - 1] in "0123456789.,":
            continue
        before = _BEFORE.search(text, max(0, m.start() - 24), m.start())
        if before is None:
            continue
        if before.group(1):
            family = before.group(1).lower()
        elif before.group(2).lower() in numbered and len(m.group()) >= 3:
            family = before.group(2).lower()
        else:
            continue
        number = m.group()
        counts.setdefault(family, Counter())[number] += 1
        first.setdefault((family, number), m.start())
    out = []
    for family, numbers in sorted(counts.items()):
        best = max(numbers.items(), key=lambda kv: (kv[1], -first[(family, kv[0])]))
        out.append(f"{family}:{best[0]}")
    return tuple(out)


def lead_day(article: Article) -> tuple[int, int] | None:
    """The day of the month (``(month, day)``) the article's dateline names, if any.

    Without a publication date, it is the best clue to when a report was written
    ("SEOUL, March 10 (Yonhap) --"): two undated reports of launches dated March 10
    and March 17 are two launches. Only a dateline counts (a day closed by a dash
    at the head of the text): a day in the lead ("released on June 13") may be
    any day the story recalls.

    Examples:
        >>> from koreabrief.models import Article
        >>> lead_day(Article(id="x", raw="", text="SEOUL, Dec. 16 (Yonhap) -- The EU listed six."))
        (12, 16)
        >>> lead_day(Article(id="y", raw="", text="He was freed on June 13 and died.")) is None
        True
    """
    m = _MONTH_DAY.search(article.text[:DATELINE_CHARS])
    if m is None:
        return None
    month = _MONTH_NUMBERS[(m.group("m") or m.group("m2"))[:3].lower()]
    day = int(m.group("d") or m.group("d2"))
    return (month, day) if 1 <= day <= 31 else None


def stamped_date(article: Article) -> dt.date | None:
    """A date stamp (``2023-07-18``) at the head of the text or title: when the page was dated.

    Scraped pages often keep such a stamp above the story; without a publication
    date it tells when the report was written.

    Examples:
        >>> from koreabrief.models import Article
        >>> stamped_date(Article(id="x", raw="", text="date 2023-07-18 SEOUL -- A port call."))
        datetime.date(2023, 7, 18)
        >>> stamped_date(Article(id="y", raw="", text="Flights resumed.")) is None
        True
    """
    for part in (article.text[:DATELINE_CHARS], (article.title or "")[:DATELINE_CHARS]):
        m = _STAMP.search(part)
        if m is not None:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:  # "2023-13-45" is no date
                return None
    return None
