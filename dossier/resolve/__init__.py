"""Stage 5, resolve: the entities of all documents merged into real-world entities.

Runs over the whole corpus after each build (it reads only names, so it is cheap)
and rewrites the ``entities`` table and each document entity's ``entity_id``.

Types first: a name that most mentions call a person is a person everywhere (and
one most call a place is a place), a full name some article tagged an organisation
is a person when other articles name that person, a country is a place.

People are then merged when their surnames are one name once transliteration is
folded (see ``names``) and their given names agree; a surname with a typing slip
merges only with the same given name. A surname alone joins the one person of the
corpus who bears it; where several do, the context decides: the names the article
shares with each person's articles and the title it gives ("the ambassador"). If
nothing decides, it stays apart rather than join the wrong person.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .. import places
from .names import english_spelling, fold, given_compatible, is_cyrillic, is_typo, readings, same_spelling, same_surname, split_name


@dataclass
class Candidate:
    """One document's entity, as stored: its name, type and the surface forms of its mentions."""

    doc_id: str
    idx: int
    name: str
    type: str
    aliases: list[str]  # one entry per mention
    role: str | None = None  # the title the document gives it ("ambassador")


@dataclass
class Resolved:
    name: str
    type: str
    aliases: list[str]
    members: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, doc_entities.idx)
    docs: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    return " ".join(fold(name).replace("’", "'").removesuffix("'s").removeprefix("the ").split())


def _display(name: str) -> str:
    name = name.removesuffix("’s").removesuffix("'s")
    return name[4:] if name[:4] in ("the ", "The ") else name


@lru_cache(maxsize=65536)
def is_name(form: str, type_: str) -> bool:
    """A surface form that names its entity, rather than a title standing for it ("the envoy", "the Russian")."""
    words = form.split()
    if words[:1] in (["The"], ["the"]):
        if type_ == "PERSON":
            return False
        words = words[1:]
    if not any(w[:1].isupper() for w in words):
        return False  # "the ministry", "envoy"
    return not (type_ == "PERSON" and places.country_of_demonym(form))


def _names(candidate: Candidate) -> list[str]:
    forms = [f for f in candidate.aliases if is_name(f, candidate.type)]
    return forms or ([candidate.name] if is_name(candidate.name, candidate.type) else [])


# ---------------------------------------------------------------- types

def _correct_types(candidates: list[Candidate]) -> None:
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in candidates:
        votes[_key(c.name)][c.type] += max(1, len(_names(c)))
    for c in candidates:
        counts = votes[_key(c.name)]
        total = sum(counts.values())
        top, top_votes = counts.most_common(1)[0]
        if top == c.type or top_votes * 2 <= total:
            continue
        if c.type != "PERSON":
            c.type = top  # "Bout" an organisation once and a person twice
        elif len(c.name.split()) == 1 and top in ("GPE", "LOC") and places.country_of_place(c.name):
            c.type = top  # "Washington" a person once and a place four times
    # "Aleksei Nawalny" tagged an organisation where other articles name the person "Alexei Navalny".
    people: dict[str, list[str]] = defaultdict(list)
    for c in candidates:
        given, surname = split_name(c.name)
        if c.type == "PERSON" and given:
            for key in readings(surname):
                people[key].append(c.name)
    for c in candidates:
        given, surname = split_name(c.name)
        if c.type in ("ORG", "NORP", "FAC") and given and len(c.name.split()) <= 3:
            others = {name for key in readings(surname) for name in people.get(key, ())}
            if any(same_surname(surname, split_name(o)[1], typos=False) and
                   given_compatible(given, split_name(o)[0], typos=False) for o in others):
                c.type = "PERSON"
    for c in candidates:
        if c.type in ("ORG", "FAC", "LOC") and places.country_named(c.name):
            c.type = "GPE"  # "the Maldives" tagged an organisation
    # "Maduro's government" tagged an organisation where the corpus names the person "Nicolas Maduro";
    # an organisation many articles name ("Ford") stays one.
    in_docs: dict[str, Counter] = defaultdict(Counter)
    for c in candidates:
        in_docs[_key(c.name)][c.type] += 1
    for c in candidates:
        if c.type in ("ORG", "NORP", "FAC", "GPE", "LOC") and " " not in c.name.strip() and \
                not places.country(c.name) and not places.country_of_place(c.name):
            counts = in_docs[_key(c.name)]
            surname_of = {n for key in readings(c.name) for n in people.get(key, ())
                          if same_surname(split_name(n)[1], c.name, typos=False)}
            if surname_of and counts["PERSON"] + len(surname_of) >= counts[c.type]:
                c.type = "PERSON"


# ---------------------------------------------------------------- people

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


def _surname_groups(surnames: list[str]) -> dict[str, set[str]]:
    """For each surname, the surnames that spell the same name (readings shared)."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for s in surnames:
        for key in readings(s.replace(" ", "")) or {fold(s)}:
            by_key[key].add(s)
    return {s: {o for key in (readings(s.replace(" ", "")) or {fold(s)}) for o in by_key[key]} for s in surnames}


def _typo_neighbours(surnames: list[str]) -> dict[str, set[str]]:
    """Surnames one typing slip apart, compared within the same first letter."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for s in surnames:
        buckets[(fold(s)[:1], len(s))].append(s)
    near: dict[str, set[str]] = defaultdict(set)
    for (initial, length), bucket in buckets.items():
        for n, a in enumerate(bucket):
            for b in bucket[n + 1:] + buckets.get((initial, length + 1), []):
                if not same_spelling(a, b) and is_typo(a, b):
                    near[a].add(b)
                    near[b].add(a)
    return near


class _People:
    def __init__(self, people: list[Candidate], context: dict[str, set[str]]):
        self.people = people
        self.context = context  # doc_id -> keys of the names it mentions
        self.clusters = _Clusters(len(people))
        self.split = [split_name(c.name) for c in people]
        surnames = sorted({surname for _, surname in self.split if surname})
        self.same = _surname_groups(surnames)
        self.near = _typo_neighbours(surnames)

    def given(self, i: int) -> list[str]:
        return self.split[i][0]

    def surname(self, i: int) -> str:
        return self.split[i][1]

    def run(self) -> list[list[Candidate]]:
        full = [i for i in range(len(self.people)) if self.given(i)]
        bare = [i for i in range(len(self.people)) if not self.given(i)]
        by_surname: dict[str, list[int]] = defaultdict(list)
        for i in full:
            by_surname[self.surname(i)].append(i)
        # Full names: the same surname in any spelling and the same given name (initials wait: see below).
        initials = [i for i in full if len(self.given(i)[0].rstrip(".")) == 1]
        named = [i for i in full if i not in set(initials)]
        named_set = set(named)
        for i in named:
            for surname in self.same[self.surname(i)] | self.near.get(self.surname(i), set()):
                typo = surname not in self.same[self.surname(i)]
                for j in by_surname.get(surname, ()):
                    if j != i and j in named_set and given_compatible(self.given(i), self.given(j), typos=not typo):
                        self.clusters.union(i, j)
        # "V. Krasikov" joins the one person whose given name the initial fits.
        for i in initials:
            owners = {self.clusters.find(j) for s in self.same[self.surname(i)] for j in by_surname.get(s, ())
                      if j in named and given_compatible(self.given(i), self.given(j), typos=False)}
            if len(owners) == 1:
                self.clusters.union(i, owners.pop())
        # A surname alone: the one person who bears it, or the one the context points to.
        self.members: dict[int, list[int]] = defaultdict(list)
        self.by_first: dict[str, list[int]] = defaultdict(list)
        for j in full:
            self.by_first[fold(self.given(j)[0])].append(j)
        self.docs_of: dict[int, set[str]] = defaultdict(set)
        for j in full:
            self.members[self.clusters.find(j)].append(j)
            self.docs_of[self.clusters.find(j)].add(self.people[j].doc_id)
        unresolved, owners = [], []
        self.full_set = set(named) | set(initials)
        for i in bare:
            owner = self.owner(i, by_surname)
            if owner is None:
                unresolved.append(i)
            else:
                owners.append((i, owner))
        for i, owner in owners:
            self.clusters.union(i, owner)
        first_of: dict[str, int] = {}  # surnames alone that no full name claims join each other
        for i in unresolved:
            for key in readings(self.surname(i).replace(" ", "")) or {fold(self.surname(i))}:
                if key in first_of:
                    self.clusters.union(i, first_of[key])
                else:
                    first_of[key] = i
        groups: dict[int, list[Candidate]] = defaultdict(list)
        for i, candidate in enumerate(self.people):
            groups[self.clusters.find(i)].append(candidate)
        return list(groups.values())

    def owner(self, i: int, by_surname: dict[str, list[int]]) -> int | None:
        surname = self.surname(i)
        full_set, doc = self.full_set, self.people[i].doc_id
        exact = {self.clusters.find(j) for s in self.same.get(surname, {surname}) for j in by_surname.get(s, ())
                 if j in full_set}
        # A person its own article names did not claim this surname there: not its owner then.
        exact = {root for root in exact if doc not in self.docs_of[root]}
        if len(exact) == 1:
            return exact.pop()
        if exact:
            return self.by_context(i, exact)
        slips = {self.clusters.find(j) for s in self.near.get(surname, ()) for j in by_surname.get(s, ())
                 if j in full_set}
        slips = {root for root in slips if doc not in self.docs_of[root]}
        if slips:
            return self.by_context(i, slips, needed=1)
        # Names that put the family name first ("Meng Wanzhou", then "Meng"): only where the context agrees.
        first = {self.clusters.find(j) for j in self.by_first.get(fold(surname), ()) if j in full_set}
        first = {root for root in first if doc not in self.docs_of[root]}
        return self.by_context(i, first, needed=1) if len(first) == 1 else None

    def by_context(self, i: int, owners: set[int], needed: int = 1) -> int | None:
        """The owner whose articles share most with this article's names and title, if one clearly does."""
        candidate = self.people[i]
        around = self.context.get(candidate.doc_id, set()) - {_key(candidate.name)}
        members = self.members
        scores = []
        for root in owners:
            shared = set()
            roles = set()
            for j in members[root]:
                shared |= self.context.get(self.people[j].doc_id, set())
                if self.people[j].role:
                    roles.add(self.people[j].role)
            names = {_key(self.people[j].name) for j in members[root]}
            score = len(around & (shared - names)) + (2 if candidate.role and candidate.role in roles else 0)
            scores.append((score, root))
        scores.sort(reverse=True)
        if scores[0][0] >= needed and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            return scores[0][1]
        return None


def _canonical(members: list[Candidate]) -> str:
    """The most common full form: a given name and a surname, most often, in the most common spelling; the
    English form where the corpus has one, else the nominative a Russian text gives ("Роман Селезнёв", not
    "Романа Селезнёва")."""
    nominatives = {m.name for m in members}
    forms = Counter(_display(form) for m in members for form in _names(m)
                    if not is_cyrillic(form) or form in nominatives)
    if not forms:
        return _display(members[0].name)
    surnames = Counter(split_name(form)[1] for form in forms.elements())

    def spelled_alike(form: str) -> int:  # how often the corpus spells this surname so, a typo aside
        surname = split_name(form)[1]
        return sum(n for other, n in surnames.items() if same_spelling(surname, other))
    # A Latin form written in some text wins over one dossier spelled from the Cyrillic.
    spelled = {english_spelling(form) for m in members for form in [m.name, *m.aliases] if is_cyrillic(form)}
    return max(forms, key=lambda form: (bool(split_name(form)[0]), not is_cyrillic(form), form not in spelled,
                                        forms[form], spelled_alike(form), -len(form.split()), -len(form)))


def _context(candidates: list[Candidate]) -> dict[str, set[str]]:
    context: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if c.type in ("PERSON", "ORG", "FAC"):
            context[c.doc_id].add(_key(c.name))
            if c.type == "PERSON" and split_name(c.name)[0]:
                context[c.doc_id].add(_key(split_name(c.name)[1]))
    return context


def resolve(candidates: list[Candidate]) -> list[Resolved]:
    _correct_types(candidates)
    people = [c for c in candidates if c.type == "PERSON"]
    groups = _People(people, _context(candidates)).run()
    others: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.type != "PERSON":
            country = places.country_named(candidate.name) if candidate.type == "GPE" else None
            others[(candidate.type, country or _key(candidate.name))].append(candidate)
    # A surname is a spelling of a person only where no other person of the corpus bears it.
    surname_owners: dict[str, set[int]] = defaultdict(set)
    for n, group in enumerate(groups):
        for m in group:
            given, surname = split_name(m.name)
            if given:
                for key in readings(surname):
                    surname_owners[key].add(n)
    resolved = []
    for n, (type_, members) in enumerate([("PERSON", g) for g in groups] + [(t, g) for (t, _), g in others.items()]):
        aliases = {_display(a) for m in members for a in _names(m)}
        if type_ == "PERSON":
            alone = {a for a in aliases if " " not in a}
            for alias in list(aliases):
                given, surname = split_name(alias)
                if given[:1] and given[0] in alone and not any(same_spelling(surname, a) for a in alone):
                    continue  # the family name comes first: "Meng Wanzhou" is "Meng"
                if given and all(surname_owners[key] == {n} for key in readings(surname)):
                    aliases.add(surname)
        name = _canonical(members)
        if type_ == "PERSON" and is_cyrillic(name):
            aliases.add(english_spelling(name))  # how English-language news would write the name
        resolved.append(Resolved(name=name, type=type_, aliases=sorted(aliases),
                                 members=[(m.doc_id, m.idx) for m in members],
                                 docs=sorted({m.doc_id for m in members})))
    return resolved
