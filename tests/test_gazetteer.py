"""Tests for the gazetteer: the shipped data, resolution, matching, TOML loading, extension."""

from __future__ import annotations

import collections
import itertools
import json
import pickle
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koreabrief import ConfigError, Entity, Gazetteer
from koreabrief.gazetteer import _all_caps, _exact_key, _forms, normalise_key

G = Gazetteer.default()

# Forms deliberately shared by two entities: none so far. A new clash must be
# listed here with the entity that wins (the later one in the file).
ALLOWED_CLASHES: dict[str, str] = {}


def _key(form: str) -> str:
    return _exact_key(form) if _all_caps(form) else normalise_key(form)


def _clashes(gazetteer: Gazetteer) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for entity in gazetteer:
        for form, _ in _forms(entity):
            owners[_key(form)].add(entity.name)
    return {k: v for k, v in owners.items() if len(v) > 1}


def _all_forms() -> list[tuple[str, str]]:
    return [(form, e.name) for e in G for form, _ in _forms(e)]


class TestShippedData:
    def test_loads_with_every_kind(self) -> None:
        """The shipped file loads and holds people, states and organisations in numbers."""
        kinds = collections.Counter(e.kind for e in G)
        assert kinds["person"] >= 300
        assert kinds["state"] >= 40
        assert kinds["organisation"] >= 150

    def test_canonical_names_unique(self) -> None:
        """No canonical name is defined twice."""
        names = collections.Counter(e.name for e in G)
        assert [n for n, c in names.items() if c > 1] == []

    def test_no_unlisted_alias_clash(self) -> None:
        """No form is claimed by two entities unless listed in ALLOWED_CLASHES."""
        unexpected = {k: v for k, v in _clashes(G).items() if k not in ALLOWED_CLASHES}
        assert unexpected == {}

    def test_clash_detector_can_fail(self) -> None:
        """The clash check reports a form shared by two entities."""
        g = G.extend([Entity(name="Pyongyang City", kind="organisation", aliases=("Pyongyang",))])
        assert "pyongyang" in _clashes(g)

    def test_allowed_clashes_resolve_to_listed_winner(self) -> None:
        """Each allowed clash resolves to the entity listed as its winner."""
        for key, winner in ALLOWED_CLASHES.items():
            assert G.resolve(key) is not None
            assert G.resolve(key).name == winner  # type: ignore[union-attr]

    def test_every_form_resolves(self) -> None:
        """Every name, alias, adjective and metonym resolves to its own entity, possessive too."""
        wrong = []
        for form, name in _all_forms():
            for written in (form, f"{form}'s", f"{form}\u2019s"):
                entity = G.resolve(written)
                if entity is None or entity.name != ALLOWED_CLASHES.get(_key(form), name):
                    wrong.append((written, name, entity.name if entity else None))
        assert wrong == []

    def test_every_form_is_found_whole(self) -> None:
        """`find` reports every form, as written or with a curly apostrophe, as one mention."""
        wrong = []
        for form, name in _all_forms():
            for written in {form, form.replace("'", "\u2019")}:
                found = [(m.text, m.entity.name) for m in G.find(f"Reports said {written} today.")]
                if found != [(written, ALLOWED_CLASHES.get(_key(form), name))]:
                    wrong.append((written, found))
        assert wrong == []

    def test_gold_names_are_canonical(self) -> None:
        """Every speaker, actor, target and sanctioned party in the seed gold is a canonical name."""
        gold = Path(__file__).parent / "gold" / "seeds.jsonl"
        names: set[str] = set()
        for line in gold.read_text("utf-8").splitlines():
            record = json.loads(line)
            names.update(s["speaker"] for s in record["statements"] if s["speaker"])
            for event in record["events"]:
                names.update(event["actors"])
                names.update([event["target"]] if event["target"] else [])
            names.update(x["target"] for x in record["sanctions"])
        names = {n.removeprefix("Office of ") for n in names}
        resolved = {n: G.resolve(n) for n in names}
        assert {n: e for n, e in resolved.items() if e is None or e.name != n} == {}

    def test_people_complete(self) -> None:
        """Every person has a role, an affiliation and a gender."""
        missing = [e.name for e in G if e.kind == "person" and not (e.role and e.affiliation and e.gender)]
        assert missing == []

    def test_affiliations_are_entities(self) -> None:
        """Every affiliation names a state or organisation of the gazetteer."""
        known = {e.name for e in G if e.kind != "person"}
        dangling = sorted({e.affiliation for e in G if e.affiliation and e.affiliation not in known})
        assert dangling == []

    def test_no_bare_surname_aliases(self) -> None:
        """No person has a one-word alias, so `find` never reports a bare surname."""
        bare = [(e.name, a) for e in G if e.kind == "person" for a in e.aliases if " " not in a.strip()]
        assert bare == []

    def test_ignored_phrases_name_nothing(self) -> None:
        """Ignored phrases are not also entity forms (an entity would silently win)."""
        keys = {_key(form) for form, _ in _all_forms()}
        assert [p for p in G.ignored if normalise_key(p) in keys] == []

    @pytest.mark.parametrize(
        ("mention", "name"),
        [
            ("Kim Jong-un", "Kim Jong Un"),
            ("Kim Jong-Un", "Kim Jong Un"),
            ("Yoon Seok-youl", "Yoon Suk Yeol"),
            ("Yun Seok-yeol", "Yoon Suk Yeol"),
            ("Choe Sun-hee", "Choe Son Hui"),
            ("Kim Yo-jong", "Kim Yo Jong"),
            ("Zelenskyy", None),
            ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
            ("Cho Tae-yeol", "Cho Tae-yul"),
            ("Ri Son-gwon", "Ri Son Gwon"),
            ("Pyongyang", "North Korea"),
            ("Kiev", "Ukraine"),
            ("the Kremlin", "Russia"),
            ("Blue House", "South Korea"),
            ("Pentagon", "US Department of Defense"),
            ("KCNA", "Korean Central News Agency"),
            ("South Korea's foreign ministry", "South Korean Ministry of Foreign Affairs"),
            ("Russian Defense Ministry", "Russian Ministry of Defence"),
            ("MSMT", "Multilateral Sanctions Monitoring Team"),
        ],
    )
    def test_known_spellings(self, mention: str, name: str | None) -> None:
        """Variant spellings real outlets use resolve to the canonical entity."""
        entity = G.resolve(mention)
        assert (entity.name if entity else None) == name


class TestResolve:
    @pytest.mark.parametrize(
        ("mention", "name"),
        [
            ("Seoul's", "South Korea"),
            ("Seoul\u2019s", "South Korea"),
            ("United States'", "United States"),
            ("United States\u2019", "United States"),
            ("Philippines\u2019", "Philippines"),
            ("the Philippines'", "Philippines"),
            ("US's", "United States"),
            ("Kim Jong Un's", "Kim Jong Un"),
        ],
    )
    def test_possessives(self, mention: str, name: str) -> None:
        """A possessive 's or bare apostrophe is ignored."""
        entity = G.resolve(mention)
        assert entity is not None
        assert entity.name == name

    def test_plural_possessive_keeps_the_s(self) -> None:
        """ "Koreas’" is looked up as "Koreas", never cut down to "Korea"."""
        g = Gazetteer.from_entities([Entity(name="Korea", kind="state")])
        assert g.resolve("Koreas\u2019") is None
        assert G.resolve("Koreas\u2019") is None

    @pytest.mark.parametrize("word", ["us", "Us", "un", "Un", "who", "Who", "Nis", "sac"])
    def test_acronyms_only_in_capitals(self, word: str) -> None:
        """All-capital forms ("US", "UN", "WHO") never match a lower-case word."""
        assert G.resolve(word) is None

    def test_capitals_and_case(self) -> None:
        """Case is ignored for ordinary names, in both directions."""
        assert G.resolve("NORTH KOREA").name == "North Korea"  # type: ignore[union-attr]
        assert G.resolve("north korea").name == "North Korea"  # type: ignore[union-attr]
        assert G.resolve("UN").name == "United Nations"  # type: ignore[union-attr]

    def test_dashes_and_the(self) -> None:
        """En dashes, hyphens, spaces and a leading "The" are equivalent."""
        assert G.resolve("Kim Jong\u2013un").name == "Kim Jong Un"  # type: ignore[union-attr]
        assert G.resolve("The Kremlin").name == "Russia"  # type: ignore[union-attr]

    def test_lookup_says_how(self) -> None:
        """`lookup` reports whether a name, alias, adjective or metonym matched."""
        assert G.lookup("North Korea")[1] == "name"  # type: ignore[index]
        assert G.lookup("DPRK")[1] == "alias"  # type: ignore[index]
        assert G.lookup("North Korean")[1] == "adjective"  # type: ignore[index]
        assert G.lookup("Pyongyang")[1] == "metonym"  # type: ignore[index]

    def test_name_variant_stays_name(self) -> None:
        """A spelling that normalises to the canonical name matches as the name, not an alias."""
        assert G.lookup("Ahn Gyu Back")[1] == "name"  # type: ignore[index]

    @given(st.text(max_size=60))
    def test_never_raises(self, text: str) -> None:
        """Resolving arbitrary text returns an entity or None, never an exception."""
        assert G.resolve(text) is None or isinstance(G.resolve(text), Entity)
        assert isinstance(G.by_surname(text), tuple)


class TestSurnames:
    @pytest.mark.parametrize(
        ("entity", "key"),
        [
            (Entity(name="Park Jin", kind="person", affiliation="South Korea"), "park"),
            (Entity(name="Kim Jong Un", kind="person", affiliation="North Korea"), "kim"),
            (Entity(name="Xi Jinping", kind="person", affiliation="China"), "xi"),
            (Entity(name="Yang Moo-jin", kind="person", affiliation="Some University"), "yang"),
            (Entity(name="Leif-Eric Easley", kind="person"), "easley"),
            (Entity(name="Linda Thomas-Greenfield", kind="person"), "thomas greenfield"),
            (Entity(name="Lloyd J. Austin III", kind="person"), "austin"),
            (Entity(name="Charles Q. Brown Jr.", kind="person"), "brown"),
            (Entity(name="Ban Ki-moon", kind="person", affiliation="United Nations", surname="Ban"), "ban"),
            (Entity(name="North Korea", kind="state"), None),
            (Entity(name="Madonna", kind="person"), None),
        ],
    )
    def test_surname_rules(self, entity: Entity, key: str | None) -> None:
        """Surname-first for Korean/Chinese names and Korean given names; suffixes skipped."""
        assert entity.surname_key == key

    def test_alias_surnames(self) -> None:
        """An alias's surname finds the person only when nobody bears it as main surname."""
        assert [e.name for e in G.by_surname("Zelenskyy")] == ["Volodymyr Zelensky"]
        assert [e.name for e in G.by_surname("Yoon")] == ["Yoon Suk Yeol"]
        assert "Yoon Suk Yeol" not in [e.name for e in G.by_surname("Yun")]
        assert "Jo Yong Won" not in [e.name for e in G.by_surname("Cho")]
        assert [e.name for e in G.by_surname("Rhee")] == ["Lee Jae-myung"]

    def test_explicit_surname_governs_aliases(self) -> None:
        """With an explicit surname, given-name-first aliases add no wrong surname."""
        assert G.by_surname("Joonkook") == ()
        assert [e.name for e in G.by_surname("Abe")] == ["Shinzo Abe"]
        assert G.by_surname("Shinzo") == ()

    def test_possessive_surname(self) -> None:
        """ "Blinken's" finds Blinken."""
        assert [e.name for e in G.by_surname("Blinken\u2019s")] == ["Antony Blinken"]


class TestFind:
    def test_spans_and_order(self) -> None:
        """Mentions are in order, and each span indexes its text exactly."""
        text = "Kim Jong-un met Putin in Pyongyang, and Seoul's JCS said the U.S. agreed."
        mentions = G.find(text)
        assert [m.text for m in mentions] == ["Kim Jong-un", "Pyongyang", "Seoul", "JCS", "U.S."]
        assert all(text[m.start : m.end] == m.text for m in mentions)

    def test_longest_match_wins(self) -> None:
        """A longer form beats the shorter form inside it."""
        mentions = G.find("South Korea's foreign ministry said so.")
        assert [m.entity.name for m in mentions] == ["South Korean Ministry of Foreign Affairs"]

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("He told us that.", []),
            ("Let us go to the UN.", ["UN"]),
            ("Blinken said.", []),
            ("A Seoul-based analyst", []),
            ("anti-American protests", []),
            ("pro-Russian forces", []),
            ("North Korea-Russia ties", ["North Korea", "Russia"]),
            ("the U.S.-South Korea alliance", ["U.S.", "South Korea"]),
            ("trade with North America", []),
            ("in Latin America and America", ["America"]),
            ("the South China Sea", []),
            ("NORTH KOREA FIRES MISSILE", ["NORTH KOREA"]),
            ("South Korea's Foreign Ministry said", ["South Korea's Foreign Ministry"]),
            ("The Kremlin said", ["The Kremlin"]),
            ("Kim Jong-Un arrived", ["Kim Jong-Un"]),
            ("Kim Song-hye spoke", []),
            ("the Russian Defence Ministry", ["Russian Defence Ministry"]),
            ("South Korea\u2019s foreign ministry said", ["South Korea\u2019s foreign ministry"]),
            ("Kim\u00a0Jong\u2011un said", ["Kim\u00a0Jong\u2011un"]),
            ("Cho Tae Yul and Choe Son-hui met", ["Cho Tae Yul", "Choe Son-hui"]),
            ("the North fired; the North's leader", ["the North", "the North"]),
            ("the North Korean leader", ["North Korean"]),
            ("in the North Atlantic and the North Sea", []),
            ("the Treasury Department said", ["Treasury Department"]),
        ],
    )
    def test_boundaries_and_variants(self, text: str, found: list[str]) -> None:
        """Words, hyphen compounds, ignored phrases and case variants are matched as documented."""
        assert [m.text for m in G.find(text)] == found

    def test_gold_seed_names(self) -> None:
        """The seeds' people are found under their canonical names."""
        text = (
            "Secretary of State Antony Blinken met Cho Tae-yul, Choi Sang-mok and Park Jin; "
            "Shigeru Ishiba and Fumio Kishida spoke, as did Choe Son Hui and Mark Rutte."
        )
        names = [m.entity.name for m in G.find(text) if m.entity.kind == "person"]
        assert names == [
            "Antony Blinken",
            "Cho Tae-yul",
            "Choi Sang-mok",
            "Park Jin",
            "Shigeru Ishiba",
            "Fumio Kishida",
            "Choe Son Hui",
            "Mark Rutte",
        ]

    @given(st.text(alphabet=st.sampled_from(list("Kim Jong-un USA.'s \u2019NorthKea-")), max_size=200))
    def test_mentions_well_formed(self, text: str) -> None:
        """On any text: no exception, mentions ordered, non-overlapping, spans exact."""
        mentions = G.find(text)
        for m in mentions:
            assert text[m.start : m.end] == m.text
            assert G.resolve(m.text) == m.entity
        for a, b in itertools.pairwise(mentions):
            assert a.end <= b.start

    def test_find_agrees_with_resolve_on_seeds(self) -> None:
        """Every mention found in the seed articles resolves, as written, to the same entity."""
        seeds = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))
        assert seeds
        for path in seeds:
            text = path.read_text("utf-8")
            for m in G.find(text):
                assert G.resolve(m.text) == m.entity, m.text

    @given(st.text(max_size=300))
    def test_arbitrary_text(self, text: str) -> None:
        """Arbitrary Unicode never raises and every span indexes the text."""
        assert all(text[m.start : m.end] == m.text for m in G.find(text))

    @pytest.mark.parametrize(
        "unit",
        [
            "Kim Jong ",
            "North Korea-",
            "anti-",
            "Korea's ",
            "a",
            "U.S.",
            "South Korea's foreign ",
            "K-",
        ],
    )
    def test_linear_time(self, unit: str) -> None:
        """An input 8x longer takes about 8x the time, far from quadratic's 64x."""

        def best(n: int) -> float:
            text = unit * n
            times = []
            # CPU time of this process: other processes on a shared machine barely move it.
            for _ in range(5):
                t0 = time.process_time()
                G.find(text)
                times.append(time.process_time() - t0)
            return min(times)

        n = 40_000 // len(unit)
        small, large = best(n), best(8 * n)
        # The floor keeps timer noise on near-instant inputs from deciding.
        assert large / max(small, 2e-3) < 24.0


class TestToml:
    def test_invalid_toml_names_source(self) -> None:
        """Invalid TOML raises ConfigError naming the source."""
        with pytest.raises(ConfigError, match=r"extra\.toml: invalid TOML"):
            Gazetteer.from_toml_text("[[person]\nname=", source="extra.toml")

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('[[people]]\nname = "X"', r"unknown table \[\[people\]\]"),
            (
                '[[person]]\nname = "A"\n[[person]]\nrole = "B"',
                r"\[\[person\]\] #2: needs a non-empty string 'name'",
            ),
            ('[[person]]\nname = "A"\nrank = "B"', r"#1 \(A\): unknown field\(s\) \['rank'\]"),
            ('[[person]]\nname = "A"\ngender = "x"', r"#1 \(A\)"),
            ('[[person]]\nname = "A"\naliases = "B"', r"#1 \(A\): 'aliases' must be a list"),
            ('[[state]]\nname = "A"\nmetonyms = [""]', r"'metonyms' must be a list of non-empty strings"),
            ('[[state]]\nname = ""', "needs a non-empty string"),
            ('person = "A"', "must be an array of tables"),
            ('ignore = "A"', "'ignore' must be a list of strings"),
        ],
    )
    def test_schema_errors_name_entry(self, text: str, message: str) -> None:
        """A schema error raises ConfigError naming the file and the entry."""
        with pytest.raises(ConfigError, match=message) as info:
            Gazetteer.from_toml_text(text, source="user.toml")
        assert str(info.value).startswith("user.toml")

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file raises ConfigError, not OSError."""
        with pytest.raises(ConfigError, match="cannot read"):
            Gazetteer.from_toml(tmp_path / "none.toml")

    def test_organization_spelling(self) -> None:
        """[[organization]] is accepted as [[organisation]]."""
        g = Gazetteer.from_toml_text('[[organization]]\nname = "Acme"')
        assert g.resolve("Acme").kind == "organisation"  # type: ignore[union-attr]


class TestExtend:
    def test_extension_overrides(self) -> None:
        """An extension's entity wins a form that the shipped data also claims."""
        mine = Entity(name="Pyongyang City Council", kind="organisation", aliases=("Pyongyang",))
        g = G.extend([mine])
        assert g.resolve("Pyongyang") == mine
        assert G.resolve("Pyongyang").name == "North Korea"  # type: ignore[union-attr]
        assert [m.entity for m in g.find("Pyongyang said")] == [mine]

    def test_redefined_person_replaces(self) -> None:
        """Redefining a person by name replaces the shipped entry, surname index included."""
        newer = Entity(name="Park Jin", kind="person", role="Speaker", affiliation="South Korea", gender="m")
        g = G.extend([newer])
        assert g.resolve("Park Jin") == newer
        assert g.by_surname("Park").count(newer) == 1
        assert all(e.role != "Foreign Minister" for e in g.by_surname("Park") if e.name == "Park Jin")

    def test_extend_from_toml_path(self, tmp_path: Path) -> None:
        """A TOML file path extends, including its ignore list."""
        path = tmp_path / "extra.toml"
        path.write_text(
            'ignore = ["Seoul Garden"]\n[[person]]\nname = "Jane Roe"\naliases = ["J. Roe"]\n',
            encoding="utf-8",
        )
        g = G.extend(path)
        assert g.resolve("J. Roe").name == "Jane Roe"  # type: ignore[union-attr]
        assert g.find("Dinner at Seoul Garden with J. Roe")[0].text == "J. Roe"

    def test_entity_unignores(self) -> None:
        """An entity that claims an ignored phrase is found after all."""
        g = G.extend([Entity(name="North America", kind="organisation")])
        assert [m.text for m in g.find("across North America")] == ["North America"]

    def test_extension_leaves_original(self) -> None:
        """Extending returns a new gazetteer; the shipped one is unchanged."""
        before = len(G)
        G.extend([Entity(name="Jane Roe", kind="person")])
        assert len(G) == before


class TestPickle:
    def test_round_trip(self) -> None:
        """A pickled gazetteer is equal and behaves the same."""
        g = G.extend([Entity(name="Jane Roe", kind="person", aliases=("J. Roe",))])
        clone = pickle.loads(pickle.dumps(g))
        assert clone == g
        text = "J. Roe met Kim Jong-un in North America and Pyongyang."
        assert clone.find(text) == g.find(text)
        assert clone.ignored == g.ignored

    def test_pickle_is_data_only(self) -> None:
        """The pickle holds entities, not the compiled pattern (it is rebuilt lazily)."""
        G.find("warm up")
        assert len(pickle.dumps(G)) < 400_000
