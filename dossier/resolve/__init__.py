"""Stage 5, resolve: the entities of all documents merged into real-world entities.

Runs over the whole corpus after each build (it reads only names, so it is cheap)
and rewrites the ``entities`` table and each document entity's ``entity_id``.

People are merged when their names agree once transliteration is folded (see
``names``) and their given names do not contradict; a surname alone joins a
person only when one person of the corpus bears it. A name that most mentions
call a person is a person everywhere.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .names import fold, given_compatible, name_key, same_person_name, same_word, split_name


@dataclass
class Candidate:
    """One document's entity, as stored: its name, type and the surface forms of its mentions."""

    doc_id: str
    idx: int
    name: str
    type: str
    aliases: list[str]  # one entry per mention


@dataclass
class Resolved:
    name: str
    type: str
    aliases: list[str]
    members: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, doc_entities.idx)
    docs: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    return " ".join(fold(name).replace("’", "'").removesuffix("'s").removeprefix("the ").split())


def _correct_types(candidates: list[Candidate]) -> None:
    """A name the corpus mostly calls a person is a person in every document."""
    votes: dict[str, Counter] = {}
    for c in candidates:
        votes.setdefault(_key(c.name), Counter())[c.type] += max(1, len(c.aliases))
    for c in candidates:
        counts = votes[_key(c.name)]
        if c.type != "PERSON" and counts["PERSON"] > sum(n for t, n in counts.items() if t != "PERSON"):
            c.type = "PERSON"
    # "Aleksei Nawalny" tagged an organisation where other articles name the person "Alexei Navalny".
    people: dict[str, list[str]] = {}
    for c in candidates:
        given, surname = split_name(c.name)
        if c.type == "PERSON" and given:
            people.setdefault(name_key(surname)[:3], []).append(c.name)
    for c in candidates:
        given, surname = split_name(c.name)
        if c.type in ("ORG", "NORP") and given and len(c.name.split()) <= 3 and any(
                same_person_name(c.name, other) for other in people.get(name_key(surname)[:3], [])):
            c.type = "PERSON"


class _Clusters:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _cluster_people(people: list[Candidate]) -> list[list[Candidate]]:
    full = [i for i, c in enumerate(people) if split_name(c.name)[0]]
    bare = [i for i, c in enumerate(people) if not split_name(c.name)[0]]
    clusters = _Clusters(len(people))
    for n, i in enumerate(full):
        given_i, surname_i = split_name(people[i].name)
        for j in full[n + 1:]:
            given_j, surname_j = split_name(people[j].name)
            if same_word(surname_i, surname_j) and given_compatible(given_i, given_j):
                clusters.union(i, j)
    for i in bare:
        surname = split_name(people[i].name)[1]
        owners = {clusters.find(j) for j in full if same_word(split_name(people[j].name)[1], surname)}
        if len(owners) == 1:  # only one person of the corpus bears this surname
            clusters.union(i, owners.pop())
    for n, i in enumerate(bare):  # surnames alone, with no full name anywhere, still join each other
        for j in bare[n + 1:]:
            if clusters.find(j) == j and clusters.find(i) == i and same_word(people[i].name, people[j].name):
                clusters.union(i, j)
    groups: dict[int, list[Candidate]] = {}
    for i, candidate in enumerate(people):
        groups.setdefault(clusters.find(i), []).append(candidate)
    return list(groups.values())


def _display(name: str) -> str:
    name = name.removesuffix("’s").removesuffix("'s")
    return name[4:] if name[:4] in ("the ", "The ") else name


def _canonical(members: list[Candidate]) -> str:
    """The most common full form: the name with most words, then most mentions."""
    forms = Counter(_display(form) for m in members for form in (m.aliases or [m.name]))
    return max(forms, key=lambda form: (min(len(form.split()), 3), forms[form], -len(form)))


def resolve(candidates: list[Candidate]) -> list[Resolved]:
    _correct_types(candidates)
    people = [c for c in candidates if c.type == "PERSON"]
    groups = _cluster_people(people)
    others: dict[tuple[str, str], list[Candidate]] = {}
    for candidate in candidates:
        if candidate.type != "PERSON":
            others.setdefault((candidate.type, _key(candidate.name)), []).append(candidate)
    resolved = []
    for type_, members in [("PERSON", g) for g in groups] + [(t, g) for (t, _), g in others.items()]:
        aliases = {_display(a) for m in members for a in (m.name, *m.aliases)}
        if type_ == "PERSON":  # the surname alone is how people look a person up
            aliases |= {split_name(a)[1] for a in aliases if split_name(a)[0]}
        aliases = sorted(aliases)
        resolved.append(Resolved(name=_canonical(members), type=type_, aliases=aliases,
                                 members=[(m.doc_id, m.idx) for m in members],
                                 docs=sorted({m.doc_id for m in members})))
    return resolved
