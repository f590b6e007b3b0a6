"""Resolving mentions within one text: surnames, titles, bodies and pronouns.

Works in text order, so a surname ("Cho"), a definite description ("the
minister"), a bare body ("the ministry") or a pronoun resolves only to what the
text has already named. Pronouns prefer clause subjects, nearest sentence
first, as careful readers (and the Hobbs-style heuristics) do.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from koreabrief.extraction.lexicon import Lexicon
from koreabrief.extraction.mentions import NameMention
from koreabrief.extraction.sentences import sentence_spans
from koreabrief.gazetteer import Entity, Gazetteer, normalise_key
from koreabrief.models import Span

__all__ = ["Resolver"]

# How many sentences back a pronoun looks for its antecedent.
_PRONOUN_REACH = 5
_MAX_LOOKBACK = 80
# States whose militaries speak only through state media: "a military official" quoted
# without a state is never theirs (the North's army is the subject, not the source).
_SILENT_STATES = frozenset(["North Korea"])
_PERSONISH = ("person",)
_BODYISH = ("organisation", "collective", "state")
# "N. Korea's " right before a bare surname: the state it belongs to.
_POSSESSOR = re.compile(r"([A-Z][\w.]*(?: [A-Z][\w.]*){0,3})(?:’s|'s) \Z")
# "the country's " right before a body: the state named last owns it.
_OWNED_BY_STATE = re.compile(r"(?:country|nation)(?:’s|'s) \Z")
# Roles whose unnamed holder speaks for the state they are of.
_REPRESENTS = frozenset(["Ambassador", "Envoy", "Representative", "Spokesperson"])
# Roles of a state's head, for "N. Korea's Kim", highest first.
_HEAD_ROLES = (frozenset(["Leader", "President"]), frozenset(["Prime Minister", "Premier"]))
_HAS_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[a-z]+")
# How local bodies end ("Jindo County", "Gangwon Province"), as names.py writes them.
_LOCAL_BODY_WORDS = (" County", " City", " Province", " Prefecture", " District")
# A leader's name qualifying the body they run: "the Kim regime", "the Obama administration".
_RULED_FIRST = frozenset("rgaRGA")
_RULED = re.compile(r"[ ](regime|government|administration)(?![\w-])", re.IGNORECASE)
# The kinds `Resolver._one` changes; it returns a mention of any other kind as it is.
_RESOLVED_KINDS = frozenset(["person", "maybe", "title", "anonymous", "collective", "pronoun", "relative"])


# How far back a body written in lower case is sought for "the assembly" (characters).
_SMALL_REACH = 4000
# How many earlier occurrences of its head word such a body is sought at.
_SMALL_TRIES = 4


class Resolver:
    """Resolves a list of raw mentions of one text, in text order."""

    def __init__(
        self,
        text: str,
        gaz: Gazetteer,
        lex: Lexicon,
        sentences: list[Span] | None = None,
        *,
        quoted: bytearray | None = None,
    ) -> None:
        self.text = text
        # One flag per character, 1 inside a quotation: names there are the speaker's
        # words, never what a pronoun of the writer's stands for.
        self.quoted = quoted
        self.gaz = gaz
        self.lex = lex
        spans = sentences if sentences is not None else sentence_spans(text)
        self.sentence_starts = [s.start for s in spans]
        self.out: list[NameMention] = []
        self.sentence_of: list[int] = []
        self.surnames: dict[str, NameMention] = {}
        # The last clause-subject mention per surname key: "Kim Yo Jong, the sister of
        # Kim Jong Un, ... Kim said" means the subject, not the later object.
        self.subject_surnames: dict[str, NameMention] = {}
        self.bodies: list[NameMention] = []
        # Full names met only as possessors ("Kim Jong Un's sister"), per surname key.
        self.possessors: dict[str, NameMention] = {}
        self.spokes: NameMention | None = None
        # The last unnamed official the text put in a body, for a later "the official".
        self.official: NameMention | None = None
        self._keys: dict[str, tuple[str, ...]] = {}
        self._alias_bodies: dict[tuple[str, str], bool] = {}

    def resolve(self, mentions: list[NameMention]) -> list[NameMention]:
        """Return `mentions` with names, roles and affiliations filled where the text allows."""
        starts = self.sentence_starts
        out = self.out
        sentence_of = self.sentence_of
        bodies = self.bodies
        one = self._one
        text = self.text
        covered = -1
        for m in mentions:
            if m.start < covered:
                continue  # the "government" of "the Yoon government", taken in below
            # Most mentions (states, organisations) need no resolving.
            resolved = one(m) if m.kind in _RESOLVED_KINDS else m
            if resolved is None:
                continue
            # "Kim regime", "Yoon government", "Obama administration" (one cheap test first).
            if resolved.kind == "person" and text[resolved.end + 1 : resolved.end + 2] in _RULED_FIRST:
                ruled = self._ruled_by(resolved)
                if ruled is not None:
                    resolved = ruled
                    covered = ruled.end
            out.append(resolved)
            sentence_of.append(bisect.bisect_right(starts, resolved.start) - 1)  # `_sentence`
            kind = resolved.kind
            if kind == "person" and resolved.name:
                self._remember(resolved)
            elif kind in _BODYISH and resolved.name:
                bodies.append(resolved)
        return out

    def _ruled_by(self, m: NameMention) -> NameMention | None:
        """ "the Kim Jong Un regime", "the Yoon government", "the Obama administration": the
        state, government or administration a leader's name qualifies, as one mention."""
        found = _RULED.match(self.text, m.end)
        if found is None:
            return None
        word = found.group(1).lower()
        state = self.gaz.resolve(m.affiliation) if m.affiliation else None
        end = found.end()
        written = self.text[m.start : end]
        if word == "administration":
            name = f"{m.text.split()[-1]} administration"
            owner = m.affiliation
            return NameMention(m.start, end, written, name, "organisation", None, owner, None, m.subject)
        if state is None or state.kind != "state":
            return None
        if word == "regime":
            return NameMention(m.start, end, written, state.name, "state", None, None, None, m.subject)
        name = self._government(state)
        return NameMention(m.start, end, written, name, "organisation", None, state.name, None, m.subject)

    def _sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def _one(self, m: NameMention) -> NameMention | None:
        if m.kind == "person":
            return self._person(m)
        if m.kind == "maybe":
            person = NameMention(
                m.start, m.end, m.text, m.name, "person", m.role, m.affiliation, m.gender, m.subject
            )
            resolved = self._person(person)
            if resolved.name != m.name or resolved.kind != "person" or self._speaks(m.end):
                return resolved
            return None
        if m.kind == "title":
            return self._title(m)
        if m.kind == "anonymous" and m.role == "Spokesperson":
            found = self._spokesperson(m)
            if found is not None:
                return _evolve(found, text=m.text, start=m.start, end=m.end, subject=m.subject)
            return m
        if m.kind == "anonymous" and m.role == "Official":
            return self._official(m)
        if m.kind == "collective":
            return self._collective(m)
        if m.kind == "pronoun":
            return self._pronoun(m)
        if m.kind == "relative":
            # "who" stands for a person; "whose" for a person or a body.
            found = self._antecedent(m.start, people_only=m.text.lower() == "who")
            return _adopt(m, found) if found is not None else m
        return m

    # --- people --------------------------------------------------------------

    def _person(self, m: NameMention) -> NameMention:
        name = m.name or m.text
        hit = self.gaz.lookup(name)
        if hit is not None:
            e = hit[0]
            if e.kind != "person":
                affiliation = m.affiliation or e.affiliation
                return NameMention(
                    m.start, m.end, m.text, e.name, e.kind, m.role, affiliation, m.gender, m.subject
                )
            return _with_entity(m, e)
        if " " not in name.strip():
            key = normalise_key(name)
            earlier = self.surnames.get(key) or self.possessors.get(key)
            if earlier is not None and not earlier.subject:
                subject = self.subject_surnames.get(key)
                if (
                    subject is not None
                    and subject.name != earlier.name
                    and self._sentence(subject.start) >= self._sentence(earlier.start) - 1
                ):
                    earlier = subject
            if earlier is not None:
                return NameMention(
                    m.start,
                    m.end,
                    m.text,
                    earlier.name,
                    m.kind,
                    m.role or earlier.role,
                    m.affiliation or earlier.affiliation,
                    m.gender or earlier.gender,
                    m.subject,
                )
            known = self.gaz.by_surname(name)
            if len(known) > 1:
                heads = self._state_head(m.start, known)
                # "Kim said" in a story about North Korea, no Kim named in full: its leader.
                known = heads or self._dominant_head(known)
            if len(known) == 1 and not self._shared_surname(m, known[0]):
                return _with_entity(m, known[0])
        return m

    def _shared_surname(self, m: NameMention, e: Entity) -> bool:
        """True when a lone common East Asian surname ("Jin", "Park") must not be read as the
        gazetteer's one holder of it: millions share it, so that the gazetteer knows one is no
        evidence. A leader ("Xi") or a title naming the role ("Gen. Jin") still is."""
        if m.role or m.text not in self.lex.korean_surnames:
            return False
        return not any(e.role in roles for roles in _HEAD_ROLES)

    def _state_head(self, pos: int, known: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """ "N. Korea's Kim", "China's Xi": of the people with this surname, the one
        leading the state named just before (none if there is no such state or
        several such leaders)."""
        owner = _POSSESSOR.search(self.text, max(0, pos - 32), pos)
        state = self.gaz.resolve(owner.group(1)) if owner is not None else None
        if state is None or state.kind != "state":
            return ()
        for roles in _HEAD_ROLES:
            heads = tuple(e for e in known if e.affiliation == state.name and e.role in roles)
            if heads:
                return heads
        return ()

    def _dominant_head(self, known: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """Of the people with one surname, the head of the state the text has named most
        (among the last mentions): none if no state is named or it has no such head."""
        counts: dict[str, int] = {}
        for body in self.bodies[-_MAX_LOOKBACK:]:
            if body.kind == "state" and body.name:
                counts[body.name] = counts.get(body.name, 0) + 1
        if not counts:
            return ()
        state = max(counts, key=lambda name: counts[name])
        for roles in _HEAD_ROLES:
            heads = tuple(e for e in known if e.affiliation == state and e.role in roles)
            if heads:
                return heads
        return ()

    def _speaks(self, end: int) -> bool:
        """True when a cue verb follows: "Engel said", "Mattis also said" name a speaker even unknown."""
        if self.text[end : end + 1] != " ":
            return False
        cue = self.lex.pattern("cue")
        if cue.match(self.text, end + 1) is not None:
            return True
        word = _WORDS.match(self.text, end + 1)
        if word is None or word.group(0) not in self.lex.adverbs:
            return False
        return cue.match(self.text, word.end() + 1) is not None

    def _remember(self, m: NameMention) -> None:
        assert m.name is not None
        if "’s " in m.text or "'s " in m.text:
            # "Kim Jong Un's daughter": the surname written is the father's; a later
            # bare "Kim" is still he when the text names no other Kim.
            # ("China's Ambassador Liu Jieyi", owned by a state, is Liu's own mention.)
            owner = self._possessor(m)
            if owner is not None:
                for key in self._surname_keys(owner.name or ""):
                    self.possessors.setdefault(key, owner)
                return
        keys = self._keys.get(m.name)
        if keys is None:
            keys = self._keys[m.name] = self._surname_keys(m.name)
        for key in keys:
            current = self.surnames.get(key)
            # A bare surname never displaces a full name met earlier.
            if current is None or " " in (m.name or "") or " " not in (current.name or ""):
                self.surnames[key] = m
                if m.subject:
                    self.subject_surnames[key] = m

    def _possessor(self, m: NameMention) -> NameMention | None:
        """The gazetteer person named before the "'s" of a possessive mention, as a mention."""
        cut = max(m.text.find("’s "), m.text.find("'s "))
        owner = m.text[:cut] if cut > 0 else ""
        words = owner.split()
        # The name ends the possessor phrase ("North Korean leader Kim Jong Un"): a few
        # dictionary look-ups of its last words, no scan of the phrase.
        e = None
        for n in (3, 2, 4, 1):
            hit = self.gaz.lookup(" ".join(words[-n:])) if len(words) >= n else None
            if hit is not None and hit[0].kind == "person":
                e = hit[0]
                break
        if e is None:
            return None
        return NameMention(m.start, m.start + cut, owner, e.name, "person", e.role, e.affiliation, e.gender)

    def _surname_keys(self, name: str) -> tuple[str, ...]:
        """The keys a later bare surname finds `name` by (memoised per text in `_keys`)."""
        entity = self.gaz.resolve(name)
        keys = set()
        if entity is not None and entity.kind == "person" and entity.surname_key:
            keys.add(entity.surname_key)
        words = name.replace("-", " ").split()
        parts = name.split()
        if len(parts) >= 2:
            first = parts[0]
            if first in self.lex.korean_surnames or (len(parts) <= 3 and "-" in parts[-1]):
                keys.add(normalise_key(first))
            else:
                keys.add(normalise_key(parts[-1]))
        elif len(words) == 1:
            keys.add(normalise_key(words[0]))
        return tuple(keys)

    def _title(self, m: NameMention) -> NameMention:
        wanted = {m.role} if m.role else set()
        info = self.lex.titles.get(m.text.split()[-1].lower()) if m.text.split() else None
        head = m.text.split()[-1].lower() if m.text.split() else ""
        if info is not None:
            wanted.update(info.also)
        holders = [
            earlier
            for earlier in reversed(self.out[-_MAX_LOOKBACK * 4 :])
            if earlier.kind == "person"
            and earlier.name
            and earlier.role
            and (earlier.role in wanted or head in earlier.role.lower().split())
            and not (m.affiliation and earlier.affiliation and m.affiliation != earlier.affiliation)
        ]
        if holders:
            # Two ministers in the last sentence naming one ("Cho met his counterpart
            # Iwaya"): "the minister" is the one the sentence is about, the first subject.
            last = self._sentence(holders[0].start)
            holder = next(
                (h for h in reversed(holders) if self._sentence(h.start) == last and h.subject), holders[0]
            )
            return _evolve(
                m,
                name=holder.name,
                kind="person",
                role=holder.role,
                affiliation=holder.affiliation,
                gender=holder.gender,
            )
        described = self._described(m) if m.role and m.text.lower().startswith("the ") else None
        if described is not None:
            return _evolve(
                m,
                name=described.name,
                kind="person",
                affiliation=described.affiliation,
                gender=described.gender,
            )
        found = self._spokesperson(m)
        if found is not None:
            return _evolve(found, text=m.text, start=m.start, end=m.end, subject=m.subject)
        if m.role in _REPRESENTS and m.affiliation:
            # "Russia's representative", "Japan's envoy": unnamed, they speak for the
            # state (still an unnamed person: an appositive to a name, never a head).
            state = self.gaz.resolve(m.affiliation)
            if state is not None and state.kind == "state":
                return _evolve(m, name=state.name, kind="anonymous")
        if m.role == "Official":
            return self._official(_evolve(m, kind="anonymous"))
        return _evolve(m, kind="anonymous")

    def _official(self, m: NameMention) -> NameMention:
        """An unnamed official speaks for the body the text puts them in: "a Pentagon
        official" for the Pentagon, "a senior Japanese official" for the Japanese
        government, "a military official" for the military named last, "the official"
        for the body of the unnamed official met before (still an unnamed person)."""
        lowered = m.text.lower()
        military = "military" in lowered or "defense" in lowered or "defence" in lowered
        owner = self.gaz.resolve(m.affiliation) if m.affiliation else None
        found: NameMention | None = None
        if owner is not None and owner.kind == "organisation":
            found = _evolve(m, name=owner.name, affiliation=owner.affiliation)
        elif owner is not None and owner.kind == "state":
            adjective = owner.adjectives[0] if owner.adjectives else owner.name
            hit = self.gaz.lookup(f"{adjective} military") if military else None
            name = hit[0].name if hit is not None else self._government(owner)
            found = _evolve(m, name=name, affiliation=owner.name)
        elif military:
            # The military the text names most (the latest of equals): the one it is about.
            counts: dict[str, int] = {}
            latest: dict[str, NameMention] = {}
            for earlier in self.bodies[-_MAX_LOOKBACK:]:
                body = earlier.name or ""
                if earlier.affiliation in _SILENT_STATES:
                    continue  # its military briefs through state media, never an unnamed official
                if earlier.kind != "state" and body[:1].isupper() and self._is_body(body, "military"):
                    counts[body] = counts.get(body, 0) + 1
                    latest[body] = earlier
            if counts:
                top = max(counts, key=lambda name: (counts[name], latest[name].start))
                found = _evolve(m, name=top, affiliation=latest[top].affiliation)
        elif m.affiliation and m.affiliation.endswith(_LOCAL_BODY_WORDS):
            # "a Jindo county official": the county ("Jindo County") speaks.
            found = _evolve(m, name=m.affiliation)
        elif lowered.startswith("the ") and self.official is not None:
            found = _evolve(m, name=self.official.name, affiliation=self.official.affiliation)
        if found is None:
            return m
        self.official = found
        return found

    def _described(self, m: NameMention) -> NameMention | None:
        """ "the expert" after "Yang Uk, a military analyst at ...,": the person named in the
        last two sentences whose appositive gives a title of the same role."""
        here = self._sentence(m.start)
        for j in range(len(self.out) - 1, max(-1, len(self.out) - 1 - _MAX_LOOKBACK), -1):
            earlier = self.out[j]
            if self.sentence_of[j] < here - 2:
                return None
            named = earlier.kind == "person" and earlier.name
            if not named or not self.text.startswith(", ", earlier.end):
                continue
            appositive = self.text[earlier.end + 2 : earlier.end + 80].split(",", 1)[0]
            for word in _WORDS.findall(appositive.lower()):
                info = self.lex.titles.get(word)
                if info is not None and info.role == m.role:
                    return earlier
        return None

    def _spokesperson(self, m: NameMention) -> NameMention | None:
        """ "a ministry spokesperson", then "the spokesperson": the body they speak for."""
        if m.role != "Spokesperson":
            return None
        owner = self.gaz.resolve(m.affiliation) if m.affiliation else None
        if owner is not None and owner.kind == "organisation":
            # "a State Department spokesperson": the body the title names.
            self.spokes = _evolve(m, name=owner.name, kind="organisation", affiliation=owner.affiliation)
            return self.spokes
        body = self.lex.pattern("body").search(m.text)
        if body is None:
            return self.spokes or self._recent_body(m)
        tail = self.lex.bodies[body.group(0).lower()]
        for earlier in reversed(self.bodies[-_MAX_LOOKBACK:]):
            if earlier.kind != "state" and _same_body(earlier.name, tail):
                self.spokes = _evolve(
                    m, name=earlier.name, kind="collective", affiliation=earlier.affiliation
                )
                return self.spokes
        return None

    def _recent_body(self, m: NameMention) -> NameMention | None:
        """The body a bare "a spokesperson" speaks for: one named in its sentence or the one before
        ("The Pentagon said ... “...,” a spokesperson said.")."""
        # The last body outside quotations: one a speaker names is no spokesperson's employer.
        earlier = None
        for body in reversed(self.bodies[-4:]):
            if self.quoted is None or self.quoted[body.start] != 1:
                earlier = body
                break
        if earlier is None:
            return None
        if earlier.kind != "organisation" or self._sentence(earlier.start) < self._sentence(m.start) - 1:
            return None
        self.spokes = _evolve(m, name=earlier.name, kind="organisation", affiliation=earlier.affiliation)
        return self.spokes

    # --- bodies --------------------------------------------------------------

    def _collective(self, m: NameMention) -> NameMention:
        name = m.name or ""
        if name.startswith("Office of "):
            person = self._person(NameMention(m.start, m.end, name[10:], name[10:], "person"))
            if person.kind == "person" and person.name:
                return _evolve(
                    m, name=f"Office of {person.name}", kind="organisation", affiliation=person.affiliation
                )
            return _evolve(m, kind="organisation")
        lowered = m.text.lower()
        if name == "office" or (lowered.endswith(" office") and m.affiliation is None):
            owner = self._office_owner(m)
            if owner is not None and owner.name:
                return _evolve(
                    m, name=f"Office of {owner.name}", kind="organisation", affiliation=owner.affiliation
                )
            if name == "office":
                return _evolve(m, name=None, kind="anonymous")
        if m.affiliation is None:
            owned = self._state_owned(m)
            if owned is not None:
                return owned
            tail = name.lower()
            for earlier in reversed(self.bodies[-_MAX_LOOKBACK:]):
                if earlier.kind != "state" and earlier is not m and self._is_body(earlier.name, tail):
                    return _evolve(m, name=earlier.name, affiliation=earlier.affiliation)
            if tail == "government" and m.text.lower().startswith("the "):
                return self._home_state(m) or m
            written = self._written_small(m, tail)
            if written is not None:
                return written
        return m

    def _written_small(self, m: NameMention, tail: str) -> NameMention | None:
        """ "the assembly" after a body the copy wrote in lower case ("the supreme people's
        assembly"): the gazetteer's body of that name. Only names of three words or more,
        so that a common phrase ("the regional assembly") stays common."""
        if not tail.isalpha():
            return None
        lo, pos = max(0, m.start - _SMALL_REACH), m.end
        for _ in range(_SMALL_TRIES):
            # The head word written in lower case, latest first, with the words before it
            # (a name the copy capitalised was found by the name stage already).
            at = self.text.rfind(tail, lo, pos)
            if at < 0:
                return None
            pos = at
            words = self.text[max(lo, at - 80) : at].split()[-5:]
            for k in range(len(words), 1, -1):
                entity = self.gaz.resolve(" ".join([*words[-k:], tail]))
                if entity is not None and entity.kind == "organisation":
                    return _evolve(m, name=entity.name, kind="organisation", affiliation=entity.affiliation)
        return None

    def _government(self, state: Entity) -> str:
        """The name of a state's government: the gazetteer's body when it knows one ("UK
        government" for the British one), else the adjective's ("Japanese government")."""
        adjective = state.adjectives[0] if state.adjectives else state.name
        hit = self.gaz.lookup(f"{adjective} government")
        if hit is not None and hit[0].kind == "organisation":
            return hit[0].name
        return f"{adjective} government"

    def _home_state(self, m: NameMention) -> NameMention | None:
        """A bare "the government" no government named before explains: the state of the
        last body named ("The U.S. Treasury Department ... the government said" is the
        United States), the bodies-by-plain-name convention for an unqualified government."""
        for earlier in reversed(self.bodies[-4:]):
            if self.quoted is not None and self.quoted[earlier.start] == 1:
                continue  # a body the speaker names is not the writer's referent
            if self._sentence(earlier.start) < self._sentence(m.start) - 1:
                return None
            owner = earlier.name if earlier.kind == "state" else earlier.affiliation
            entity = self.gaz.resolve(owner) if owner else None
            if entity is None or entity.kind != "state":
                return None
            return _evolve(m, name=entity.name, kind="state", affiliation=None)
        return None

    def _is_body(self, name: str | None, canonical: str) -> bool:
        """`_same_body`, or one of the gazetteer's forms of `name` is such a body: "the
        agency" after the National Intelligence Service ("South Korea's spy agency")."""
        if not name or not canonical:
            return False
        key = (name, canonical)
        found = self._alias_bodies.get(key)
        if found is None:
            # Memoised per text (both tests): hostile text may repeat "the agency" endlessly,
            # and every collective is tested against each body named before it.
            found = _same_body(name, canonical)
            if not found:
                entity = self.gaz.resolve(name)
                aliases = entity.aliases if entity is not None and entity.kind == "organisation" else ()
                found = any(_same_body(alias, canonical) for alias in aliases)
            self._alias_bodies[key] = found
        return found

    def _state_owned(self, m: NameMention) -> NameMention | None:
        """ "the country’s defence ministry", "its military": the body of the state
        named last, as the gazetteer knows it ("North Korea's defence ministry")."""
        lowered = m.text.lower()
        bare = lowered.removeprefix("its ")
        if bare == lowered and not _OWNED_BY_STATE.search(self.text, max(0, m.start - 12), m.start):
            return None
        # The body or state named last must be a state: "the JCS said its troops" are the JCS's.
        state = self.bodies[-1] if self.bodies and self.bodies[-1].kind == "state" else None
        entity = self.gaz.resolve(state.name) if state is not None and state.name else None
        if entity is None or entity.kind != "state":
            return None
        hit = self.gaz.lookup(f"{entity.name}'s {bare}")
        if hit is not None and hit[0].kind == "organisation":
            return _evolve(m, name=hit[0].name, kind="organisation", affiliation=hit[0].affiliation)
        adjective = entity.adjectives[0] if entity.adjectives else entity.name
        return _evolve(m, name=f"{adjective} {m.name}", affiliation=entity.name)

    def _office_owner(self, m: NameMention) -> NameMention | None:
        before = self.text[max(0, m.start - 8) : m.start]
        if self.out:
            prev = self.out[-1]
            gap = self.text[prev.end : m.start]
            if gap.strip() in ("’s", "'s", "’", "'") or (prev.kind == "relative" and gap.strip() == ""):
                return prev if prev.name else None
        if before.endswith("whose "):
            return self._antecedent(m.start)
        return None

    # --- pronouns ------------------------------------------------------------

    def _pronoun(self, m: NameMention) -> NameMention:
        word = m.text.lower()
        here = self._sentence(m.start)
        if word in ("he", "she"):
            found = self._search(here, _PERSONISH, m.gender)
        elif word == "they":
            # "they" stands for a body ("the military ... they said"), never a state or one person.
            found = self._search(here, ("organisation", "collective"), None, reach=2)
        else:
            found = self._search(here, _BODYISH, None, reach=3)
        return _adopt(m, found) if found is not None else m

    def _search(
        self, here: int, kinds: tuple[str, ...], gender: str | None, reach: int = _PRONOUN_REACH
    ) -> NameMention | None:
        fallback: NameMention | None = None
        # A lone capitalised word nothing else describes ("War" of "the Korean War",
        # "Asia" heading a sentence) is a person only by its shape: a pronoun takes
        # it only when no better-attested person stands within reach.
        weak: NameMention | None = None
        # An unnamed official ("the official said ... he said") yields to a named
        # person of the same sentence ("the envoy to the UN, Jane Roe, said").
        unnamed: NameMention | None = None
        i = len(self.out) - 1
        # Never look at more than a bounded number of mentions: hostile text may
        # hold one endless sentence.
        floor = max(-1, i - _MAX_LOOKBACK)
        for sentence in range(here, max(-1, here - reach), -1):
            in_sentence: list[NameMention] = []
            while i > floor and self.sentence_of[i] >= sentence:
                if self.sentence_of[i] == sentence:
                    in_sentence.append(self.out[i])
                i -= 1
            in_sentence.reverse()
            people = "person" in kinds
            for cand in in_sentence:
                if not cand.name or _kind_of(cand) not in kinds:
                    continue
                if gender and cand.gender and cand.gender != gender:
                    continue
                if not cand.subject and fallback is not None:
                    continue  # it could change nothing: spare the tests below
                if self.quoted is not None and self.quoted[cand.start] == 1:
                    continue
                if people and _HAS_DIGIT.search(cand.name):
                    continue  # "Hwasong-17": a weapon, never a person
                if cand.kind == "anonymous":
                    unnamed = unnamed or cand
                    continue
                if people and self._shape_only(cand):
                    weak = weak or cand
                    continue
                if cand.subject:
                    return cand
                fallback = cand
            if sentence < here and (fallback or unnamed) is not None:
                return fallback or unnamed
        if fallback is None and unnamed is None and "person" in kinds:
            # "He" with nobody attested within reach (a launch described at length
            # after "Kim ordered the test"): the last attested person of that gender
            # the text named, before any shape-only word ("Hwasong", "Sunan").
            return self._salient(i, floor, gender) or weak
        return fallback or unnamed or weak

    def _salient(self, i: int, floor: int, gender: str | None) -> NameMention | None:
        """The last person in `self.out[floor + 1 : i + 1]` a title, the gazetteer or a
        gender attests, of `gender` when given (outside quotations)."""
        while i > floor:
            cand = self.out[i]
            i -= 1
            if cand.kind != "person" or not cand.name or (cand.role is None and cand.gender is None):
                continue
            if gender and cand.gender and cand.gender != gender:
                continue
            if self.quoted is not None and self.quoted[cand.start] == 1:
                continue
            return cand
        return None

    def _shape_only(self, m: NameMention) -> bool:
        """True for a person name that no title, gazetteer entry or gender supports and that
        reads like a thing: one word, or after an article ("the Ulchi Freedom Shield")."""
        if m.kind != "person" or m.role is not None or m.gender is not None:
            return False
        name = m.name or " "
        if " " not in name:
            # "Sunan", "War"; but a common East Asian surname given alone ("his family name
            # Jin") is a person's by more than its shape.
            return name not in self.lex.korean_surnames
        return self.text[max(0, m.start - 4) : m.start].lower() in ("the ", " an ", " a ")

    def _antecedent(self, pos: int, *, people_only: bool = False) -> NameMention | None:
        here = self._sentence(pos)
        kinds = _PERSONISH if people_only else ("person", *_BODYISH)
        for j in range(len(self.out) - 1, max(-1, len(self.out) - 1 - _MAX_LOOKBACK), -1):
            cand = self.out[j]
            if self.sentence_of[j] != here or pos - cand.end > 200:
                return None
            if cand.name and _kind_of(cand) in kinds:
                return cand
        return None


# Bodies a generic word names again though their own name lacks it: "the broadcaster"
# after "North Korean state television" or the Korean Broadcasting System; "the government"
# (or "Administration officials") after "the Obama administration": news copy uses the
# words for a ruling executive interchangeably.
_KIN = {
    "broadcaster": frozenset(["television", "tv", "broadcasting", "broadcaster", "radio"]),
    "government": frozenset(["government", "administration", "cabinet"]),
}


def _same_body(name: str | None, canonical: str) -> bool:
    """True when `name` ("North Korean Ministry of Foreign Affairs") is a `canonical` body ("ministry")."""
    if not name or not canonical:
        return False
    words = name.lower().split()
    wanted = canonical.lower().split()
    kin = _KIN.get(canonical)
    if kin is not None:
        return any(w in kin for w in words)
    return wanted[-1] in words and all(w in words for w in wanted)


def _kind_of(m: NameMention) -> str:
    if m.kind in ("pronoun", "relative"):
        return "person" if m.gender or m.role or _looks_person(m) else "organisation"
    if m.kind == "anonymous" and m.role:
        # "a Seoul official who ...", "the official said ... he said": an unnamed
        # person, named by the body they speak for.
        return "person"
    return m.kind


def _looks_person(m: NameMention) -> bool:
    return m.text.lower() in ("he", "she", "who")


def _evolve(m: NameMention, **changes: Any) -> NameMention:
    """`attrs.evolve` for a `NameMention`, several times faster (resolution makes many)."""
    return NameMention(
        changes.get("start", m.start),
        changes.get("end", m.end),
        changes.get("text", m.text),
        changes.get("name", m.name),
        changes.get("kind", m.kind),
        changes.get("role", m.role),
        changes.get("affiliation", m.affiliation),
        changes.get("gender", m.gender),
        changes.get("subject", m.subject),
    )


def _adopt(m: NameMention, found: NameMention) -> NameMention:
    # Built directly: attrs.evolve is slow on this hot path.
    gender = found.gender or m.gender
    return NameMention(
        m.start, m.end, m.text, found.name, m.kind, found.role, found.affiliation, gender, m.subject
    )


def _with_entity(m: NameMention, e: Entity) -> NameMention:
    role = m.role or e.role
    affiliation = m.affiliation or e.affiliation
    gender = m.gender or e.gender
    if (
        m.kind == "person"
        and m.name == e.name
        and (role, affiliation, gender) == (m.role, m.affiliation, m.gender)
    ):
        return m  # a gazetteer name, found with all the entity says: nothing to build
    return NameMention(m.start, m.end, m.text, e.name, "person", role, affiliation, gender, m.subject)
