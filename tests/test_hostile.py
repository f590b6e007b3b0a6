"""Linear time on hostile input, for every stage of the pipeline.

Each input is built to trigger regex backtracking or quadratic scanning: long
runs of quote marks, spaces, capitalised words, digits and commas, nested
parentheses, reporting verbs, one enormous line. A test times the stage on an
input of size n and on one of size 4n (the minimum of three runs each) and
asserts that each doubling of the input at most roughly doubles the time
(the square root of the 4n/n ratio must stay under MAX_RATIO): the ratio,
not the absolute time, so the tests hold on a slow or busy machine; and
the process's CPU time, not wall time, so other processes barely disturb it.

Set ``KB_HOSTILE_REPORT=/path/file.json`` to record every measured ratio.
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import koreabrief as kb

# Minutes of timing runs: behind the marker, so the README's command stays fast; .ci/run runs them.
pytestmark = pytest.mark.slow

#: Doubling the input may at most multiply the time by this (2.0 is linear).
MAX_RATIO = 3.0
#: The smaller input is grown until one run takes at least this long (seconds).
MIN_SECONDS = 0.08
#: Below this (seconds) for the larger input, timer noise dominates the ratio.
NOISE_SECONDS = 0.01

#: A repeated unit per kind of hostile input.
KINDS: dict[str, str] = {
    "curly_quotes": "“",
    "mixed_quotes": "“”‘’\"'«» ",
    "open_quote_words": "“a ",
    "spaces": " \t\u00a0 ",
    "capitalised_words": "Kim ",
    "capitalised_names": "North Korea South Korea Seoul Kim Jong ",
    "name_said": "Kim Jong said ",
    "said_said": "said ",
    "digits_commas": "1,",
    "digit_units": "1,100 kilometers ",
    "nested_parens": "((",
    "parens_words": "(a (b ",
    "dots": ". ",
    "hyphens": "Kim-",
    "quoted_sentences": "He said “We are ready.” ",
    "triggers": "North Korea fired a missile ",
    "sanction_cues": "the US imposed sanctions on Kim, ",
    "designee_lists": "sanctioned Kim Chol Su, the banker Ri Il (a.k.a. “Ri One”), Hanbit Co., Ltd. ▲ ",
    "designee_follow_ups": "The Treasury sanctioned two firms. The firms are Sun and Han; the banker is Ri (",
    "designee_semicolons": "; senior official Kim Su Il, who ran the Bureau of Trade",
    "visits": "Blinken visited Seoul and met Cho, ",
    "dates": "on Monday January 6 2025 ",
    "short_lines": "North Korea fired.\n",
    "name_sentences": "Kim said. ",
    "group_lists": "Nine nations, including Peru, Chile and Japan, said “x”. ",
    "judged_agents": "Ri was convicted by the court for “x” and ",
    "small_bodies": "the supreme people’s assembly met. The assembly said “x”. ",
}

#: Opens every extractor input so no extractor can return early: a quotation,
#: an event trigger and a sanction cue.
_PRELUDE = "“We are ready,” Kim Jong Un said. North Korea fired a missile. The US imposed sanctions. “"
_CODA = "” said Park Jin."

_RATIOS: dict[str, float] = {}

#: Known quadratic blow-ups, reported to the lead (see the reason for the reproducer).
_KNOWN_QUADRATIC: dict[tuple[str, str], str] = {}


def _kinds(stage: str, kinds: list[str] | None = None) -> list[object]:
    """Parameters for `stage`, with the known quadratic cases marked xfail(strict)."""
    out: list[object] = []
    for kind in kinds if kinds is not None else sorted(KINDS):
        reason = _KNOWN_QUADRATIC.get((stage, kind))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(kind, marks=marks, id=kind))
    return out


def _build(kind: str, size: int) -> str:
    unit = KINDS[kind]
    return unit * max(1, size // len(unit))


def _best_of(fn: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        # CPU time of this process, not wall time: other processes on a shared
        # machine then barely disturb the measurement.
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _doubling_ratio(
    make: Callable[[int], Callable[[], object]], start: int, cap: int
) -> tuple[float, int, float]:
    """Grow n from `start` until a run takes MIN_SECONDS (or n reaches `cap`); time n and 4n.

    Two doublings are timed at once and the ratio per doubling is their square
    root: linear time gives 2, quadratic 4, and one noisy run moves the
    per-doubling ratio only half as much as it would a single doubling.
    """
    n = start
    while True:
        small = _best_of(make(n), runs=1)
        if small >= MIN_SECONDS or n * 2 > cap:
            break
        n *= 2
    t1 = _best_of(make(n))
    t4 = _best_of(make(4 * n))
    return (t4 / max(t1, 1e-9)) ** 0.5, n, t4


def _check(label: str, make: Callable[[int], Callable[[], object]], start: int, cap: int) -> None:
    # The machine is shared: a burst of load during one run can fake a jump, so
    # a failing ratio is measured again (up to twice) and the best one kept. A
    # real quadratic blow-up fails every time.
    ratio, n, t2 = _doubling_ratio(make, start, cap)
    for _ in range(2):
        if ratio < MAX_RATIO or t2 < NOISE_SECONDS:
            break
        ratio = min(ratio, _doubling_ratio(make, start, cap)[0])
    _RATIOS[label] = ratio
    _save()
    if t2 < NOISE_SECONDS:
        return
    assert ratio < MAX_RATIO, f"{label}: doubling n={n} multiplied the time by {ratio:.2f}"


def _save() -> None:
    target = os.environ.get("KB_HOSTILE_REPORT")
    if target:
        Path(target).write_text(json.dumps(_RATIOS, indent=1, sort_keys=True), "utf-8")


def _article(text: str, id: str = "h") -> kb.Article:
    return kb.Article(id=id, raw=text, text=text)


def _extractor_input(kind: str, size: int) -> str:
    return _PRELUDE + _build(kind, size) + _CODA + " " + _build(kind, size // 4)


class TestCleanLinear:
    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_clean_is_linear(self, kind: str) -> None:
        """Cleaning a hostile page takes time linear in its length."""

        def make(n: int) -> Callable[[], object]:
            raw = _build(kind, n)
            return lambda: kb.clean(raw)

        _check(f"clean/{kind}", make, 20_000, 8_000_000)

    def test_ten_megabyte_single_line(self) -> None:
        """A 10 MB page on one line is cleaned in time linear in its size (5 MB vs 10 MB)."""
        unit = "North Korea fired “a missile” (1,100 km), Kim said; "

        def make(n: int) -> Callable[[], object]:
            raw = unit * (n // len(unit))
            return lambda: kb.clean(raw)

        ratio = _best_of(make(10_000_000), runs=2) / _best_of(make(5_000_000), runs=2)
        _RATIOS["clean/10MB_single_line"] = ratio
        _save()
        assert ratio < MAX_RATIO

    def test_many_blank_lines(self) -> None:
        """A page that is mostly blank lines is cleaned in linear time."""

        def make(n: int) -> Callable[[], object]:
            raw = "Seoul said no.\n" + "\n" * n + "Share it"
            return lambda: kb.clean(raw)

        _check("clean/blank_lines", make, 20_000, 8_000_000)

    @pytest.mark.parametrize(
        "kind", ["capitalised_words", "dates", "short_lines", "hyphens", "digits_commas"]
    )
    def test_stamped_page_with_address(self, kind: str) -> None:
        """A stamped page (a flattened head to cut) with a long address slug stays linear."""
        url = "https://example.com/2025/01/06/" + "-".join(["north", "korea", "fires", "missile"] * 40)

        def make(n: int) -> Callable[[], object]:
            raw = "date 2025-01-06 " + _build(kind, n)
            return lambda: kb.clean(raw, url=url)

        _check(f"clean/stamped_{kind}", make, 20_000, 8_000_000)

    def test_many_headline_lines_and_repeats(self) -> None:
        """Thousands of headline-shaped lines, printed twice, with a slug to match, stay linear."""
        lines = "North Korea Fires Missile Toward East Sea\nNorth Korea Fires Missile Toward East Sea\n"
        url = "https://example.com/north-korea-fires-missile-toward-east-sea"

        def make(n: int) -> Callable[[], object]:
            raw = lines * max(1, n // len(lines)) + "Seoul said it was monitoring the launch closely."
            return lambda: kb.clean(raw, url=url)

        _check("clean/headline_lines", make, 20_000, 4_000_000)

    def test_many_furniture_lines(self) -> None:
        """A page of thousands of furniture lines is cleaned in linear time."""
        lines = "Share it\nLoading Now\nPost Comment\nLatest Posts\n"

        def make(n: int) -> Callable[[], object]:
            raw = lines * max(1, n // len(lines))
            return lambda: kb.clean(raw)

        _check("clean/furniture_lines", make, 20_000, 4_000_000)

    def test_many_captions_restatements_and_galleries(self) -> None:
        """Captions restating their paragraphs and galleries, thousands of times, stay linear (#15)."""
        block = (
            "Minister Roe urged the North to give up its missile programmes.\n\n"
            "Minister Roe urged the North to give up its missile programmes in full, she said on Monday.\n\n"
            "1 of 3\nTroops march past.\nExample Agency\n2 of 3\nA crowd waves flags.\nExample Agency\n\n"
            "Jane Roe and Min-jun Park in Seoul.\n\n"
        )

        def make(n: int) -> Callable[[], object]:
            raw = "Seoul Rejects Talks\n\nBy Jane Roe\n\n" + block * max(1, n // len(block))
            return lambda: kb.clean(raw)

        _check("clean/captions_and_galleries", make, 20_000, 4_000_000)


class TestExtractLinear:
    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_statements_are_linear(self, kind: str) -> None:
        """Statement extraction takes time linear in the text's length."""

        def make(n: int) -> Callable[[], object]:
            article = _article(_extractor_input(kind, n))
            return lambda: kb.extract_statements(article)

        _check(f"statements/{kind}", make, 5_000, 800_000)

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_events_are_linear(self, kind: str) -> None:
        """Event extraction takes time linear in the text's length."""

        def make(n: int) -> Callable[[], object]:
            article = _article(_extractor_input(kind, n))
            return lambda: kb.extract_events(article)

        _check(f"events/{kind}", make, 5_000, 800_000)

    @pytest.mark.parametrize("kind", _kinds("sanctions"))
    def test_sanctions_are_linear(self, kind: str) -> None:
        """Sanction extraction takes time linear in the text's length."""

        def make(n: int) -> Callable[[], object]:
            article = _article(_extractor_input(kind, n))
            return lambda: kb.extract_sanctions(article)

        _check(f"sanctions/{kind}", make, 20_000, 800_000)

    @pytest.mark.parametrize("kind", ["short_lines", "quoted_sentences", "triggers", "capitalised_names"])
    def test_article_and_extract_are_linear(self, kind: str) -> None:
        """The whole single-article pipeline, article() then extract(), is linear."""

        def make(n: int) -> Callable[[], object]:
            raw = _extractor_input(kind, n)
            return lambda: kb.extract(kb.article(raw, id="h"))

        _check(f"article+extract/{kind}", make, 5_000, 800_000)


def _public(name: str) -> Callable[..., object]:
    """The public function `kb.<name>`; the test is skipped while it does not exist."""
    found = getattr(kb, name, None)
    if not callable(found):
        pytest.skip(f"koreabrief.{name} does not exist yet")
    return found


def _seed_facts() -> list[kb.Facts]:
    return [kb.extract(a) for a in kb.seeds()]


class TestCorpusLinear:
    @pytest.mark.parametrize(
        "kind",
        _kinds("compare", ["quoted_sentences", "triggers", "capitalised_names", "digit_units", "dates"]),
    )
    def test_compare_is_linear(self, kind: str) -> None:
        """Comparing two hostile articles takes time linear in their length."""
        compare = _public("compare")

        def make(n: int) -> Callable[[], object]:
            a = kb.extract(_article(_extractor_input(kind, n), "a"))
            b = kb.extract(_article(_extractor_input(kind, n) + " Seoul said.", "b"))
            return lambda: compare(a, b)

        _check(f"compare/{kind}", make, 8_000, 400_000)

    def test_cluster_is_linear_in_corpus_size(self) -> None:
        """Clustering n copies of the seed corpus (one giant story each) is linear in n."""
        cluster = _public("cluster")
        base = _seed_facts()

        def make(n: int) -> Callable[[], object]:
            corpus = [
                kb.Facts(
                    article=kb.Article(
                        id=f"{f.article.id}-{i}",
                        raw=f.article.raw,
                        text=f.article.text,
                        title=f.article.title,
                    ),
                    statements=f.statements,
                    events=f.events,
                    sanctions=f.sanctions,
                )
                for i in range(max(1, n // len(base)))
                for f in base
            ]
            return lambda: cluster(corpus)

        _check("cluster/seed_copies", make, 10, 20_000)

    def test_cluster_is_linear_on_distinct_articles(self) -> None:
        """Clustering n unrelated short articles is linear in n."""
        cluster = _public("cluster")
        words = [f"Word{i}x" for i in range(4000)]

        def make(n: int) -> Callable[[], object]:
            corpus = []
            for i in range(n):
                text = " ".join(words[(i * 7 + j * 13) % len(words)] for j in range(30)) + "."
                corpus.append(kb.Facts(article=_article(text, f"d{i}")))
            return lambda: cluster(corpus)

        _check("cluster/distinct", make, 50, 40_000)

    def test_brief_is_linear_in_one_giant_story(self) -> None:
        """A brief of n copies of one article (one story of n members) takes time linear in n."""
        brief = _public("brief")
        seed = _seed_facts()[0]

        def make(n: int) -> Callable[[], object]:
            corpus = [
                kb.Facts(
                    article=kb.Article(id=f"copy-{i}", raw=seed.article.raw, text=seed.article.text),
                    statements=seed.statements,
                    events=seed.events,
                    sanctions=seed.sanctions,
                )
                for i in range(n)
            ]
            return lambda: brief(corpus)

        _check("brief/one_story_copies", make, 16, 2_000)

    def test_brief_is_linear_on_the_seed_corpus_repeated(self) -> None:
        """A brief of the seed corpus repeated n times is linear in n."""
        brief = _public("brief")
        base = _seed_facts()

        def make(n: int) -> Callable[[], object]:
            corpus = [
                kb.Facts(
                    article=kb.Article(id=f"{f.article.id}-{i}", raw=f.article.raw, text=f.article.text),
                    statements=f.statements,
                    events=f.events,
                    sanctions=f.sanctions,
                )
                for i in range(max(1, n // len(base)))
                for f in base
            ]
            return lambda: brief(corpus)

        _check("brief/seed_copies", make, 40, 4_000)


#: Hostile byte patterns for decoding: a Korean code page, lone Windows-1252
#: bytes between letters, stray bytes in UTF-8, high bytes with no sense at all.
BYTE_KINDS: dict[str, bytes] = {
    "cp949": "북한 미사일 발사 ".encode("cp949"),
    "cp1252_dashes": "a—b’c ".encode("cp1252"),
    "utf8_with_stray": "Seoul’s ".encode() + b"\xff\xe2\x80 ",
    "high_bytes": bytes(range(0x80, 0x100)),
    "utf16_nuls": "Kim ".encode("utf-16-le"),
}


class TestLoadingLinear:
    @pytest.mark.parametrize("kind", sorted(BYTE_KINDS))
    def test_decode_is_linear(self, kind: str) -> None:
        """Decoding bytes (detection included) takes time linear in their length."""
        from koreabrief.loaders import decode

        def make(n: int) -> Callable[[], object]:
            unit = BYTE_KINDS[kind]
            data = unit * max(1, n // len(unit))

            def run() -> object:
                try:
                    return decode(data)
                except kb.LoadError:
                    return None

            return run

        _check(f"decode/{kind}", make, 20_000, 4_000_000)

    @pytest.mark.parametrize("unit", ["<p>", "<", "</p>a", "<div class='x'", "<!-- "])
    def test_markup_detection_is_linear(self, unit: str) -> None:
        """Telling HTML from text is linear (in fact bounded) on tag soup."""

        def make(n: int) -> Callable[[], object]:
            text = unit * max(1, n // len(unit))
            return lambda: kb.markup.looks_like_html(text)

        _check(f"looks_like_html/{unit}", make, 20_000, 8_000_000)

    def test_jsonl_records_are_linear(self, tmp_path: Path) -> None:
        """Loading scraper records is linear in their number."""
        record = json.dumps({"maintext": "Seoul said no.", "authors": ["A B"], "date_publish": "2025-01-06"})

        def make(n: int) -> Callable[[], object]:
            path = tmp_path / f"r{n}.jsonl"
            path.write_text((record + "\n") * max(1, n // len(record)), "utf-8")
            return lambda: sum(1 for _ in kb.loaders.records(path))

        _check("records/jsonl", make, 50_000, 8_000_000)

    def test_html_page_is_linear(self) -> None:
        """An HTML page with many paragraphs goes through trafilatura and the cleaner in linear time."""
        pytest.importorskip("trafilatura")
        para = "<p>North Korea fired a missile on Monday, the military said in Seoul.</p>\n"

        def make(n: int) -> Callable[[], object]:
            page = "<html><body><article>" + para * max(1, n // len(para)) + "</article></body></html>"
            return lambda: kb.article(page, id="h")

        _check("article/html", make, 20_000, 2_000_000)


#: Hostile inputs for the story profile's own scans (names, numbered names, datelines).
_PROFILE_KINDS: dict[str, str] = {
    "numbered_names": "Hwasong-17 Resolution 2397 KN-23 No. 15 ",
    "datelines": "SEOUL, March 10 (Yonhap) -- ",
    "dashes_digits": "-1-2-3 (a) -- ",
    "title_runs": "President Gen. Pvt. Kim ",
}


class TestProfileLinear:
    @pytest.mark.parametrize("kind", sorted(KINDS) + sorted(_PROFILE_KINDS))
    def test_profile_is_linear(self, kind: str) -> None:
        """A story profile (shingles, story terms, designators, dateline) is linear in the text."""
        from koreabrief.profile import profile

        unit = KINDS.get(kind) or _PROFILE_KINDS[kind]

        def make(n: int) -> Callable[[], object]:
            text = unit * max(1, n // len(unit))
            facts = kb.Facts(article=kb.Article(id="h", raw=text, text=text, title=text[:200]))
            return lambda: profile(facts)

        _check(f"profile/{kind}", make, 5_000, 800_000)
