"""People: the document entities that name one person, clustered across the corpus."""
from __future__ import annotations

from collections import defaultdict

from .forms import entity_key, naming_forms
from .names import fold, given_compatible, is_typo, readings, same_given, same_spelling, split_name, \
    surname_alone, surname_order
from .records import Candidate


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


def _keys(surname: str) -> frozenset[str]:
    """The keys a surname is filed under: its readings, a double surname's parts in one order."""
    return readings(surname_order(surname).replace(" ", "")) or frozenset({fold(surname)})


def _surname_groups(surnames: list[str]) -> dict[str, set[str]]:
    """For each surname, the surnames that spell the same name (readings shared)."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for s in surnames:
        for key in _keys(s):
            by_key[key].add(s)
    return {s: {o for key in _keys(s) for o in by_key[key]} for s in surnames}


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


class People:
    def __init__(self, people: list[Candidate], context: dict[str, set[str]]):
        self.people = people
        self.context = context  # doc_id -> keys of the names it mentions
        self.clusters = _Clusters(len(people))
        self.split = [split_name(c.name) for c in people]
        surnames = sorted({surname for _, surname in self.split if surname})
        self.same = _surname_groups(surnames)
        self.near = _typo_neighbours(surnames)
        self.first_names_asked: set[str] = set()  # bare names weighed against the given names of full ones

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
        self.full_in: dict[str, list[int]] = defaultdict(list)
        for j in full:
            self.full_in[self.people[j].doc_id].append(j)
        for i in bare:
            owner = self.owner_in_article(i)
            if owner is None:
                owner = self.owner(i, by_surname)
            if owner is None:
                unresolved.append(i)
            else:
                owners.append((i, owner))
        for i, owner in owners:
            self.clusters.union(i, owner)
        first_of: dict[str, int] = {}  # surnames alone that no full name claims join each other
        for i in unresolved:
            for key in _keys(self.surname(i)):
                if key in first_of:
                    self.clusters.union(i, first_of[key])
                else:
                    first_of[key] = i
        groups: dict[int, list[Candidate]] = defaultdict(list)
        for i, candidate in enumerate(self.people):
            groups[self.clusters.find(i)].append(candidate)
        return list(groups.values())

    def owner_in_article(self, i: int) -> int | None:
        """The person its own article names in full whom a word alone stands for: the most often named bearer of
        the surname there, else the one person there of that given name ("Marta", "Zhou" of "Zhou Lina")."""
        word, here = self.surname(i), self.full_in.get(self.people[i].doc_id, [])
        bearers = [j for j in here if any(same_spelling(form.replace(" ", ""), word.replace(" ", ""))
                                          for form in {self.surname(j), surname_alone(self.surname(j))})]
        if bearers:
            counts = sorted(((len(naming_forms(self.people[j])), self.clusters.find(j)) for j in bearers), reverse=True)
            tied = len(counts) > 1 and counts[0][0] == counts[1][0] and counts[0][1] != counts[1][1]
            return None if tied else counts[0][1]
        named = {self.clusters.find(j) for j in here
                 if len(self.given(j)[0].rstrip(".")) > 1 and same_given(self.given(j)[0], word, typos=False)}
        return named.pop() if len(named) == 1 else None

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
        # Names that put the family name first ("Liu Yanhong", then "Liu"): only where the context agrees.
        self.first_names_asked.add(fold(surname))
        first = {self.clusters.find(j) for j in self.by_first.get(fold(surname), ()) if j in full_set}
        first = {root for root in first if doc not in self.docs_of[root]}
        return self.by_context(i, first, needed=1) if len(first) == 1 else None

    def by_context(self, i: int, owners: set[int], needed: int = 1) -> int | None:
        """The owner whose articles share most with this article's names and title, if one clearly does."""
        candidate = self.people[i]
        around = self.context.get(candidate.doc_id, set()) - {entity_key(candidate.name)}
        members = self.members
        scores = []
        for root in owners:
            shared = set()
            roles = set()
            for j in members[root]:
                shared |= self.context.get(self.people[j].doc_id, set())
                if self.people[j].role:
                    roles.add(self.people[j].role)
            names = {entity_key(self.people[j].name) for j in members[root]}
            score = len(around & (shared - names)) + (2 if candidate.role and candidate.role in roles else 0)
            scores.append((score, root))
        scores.sort(reverse=True)
        if scores[0][0] >= needed and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            return scores[0][1]
        return None


def name_context(candidates: list[Candidate]) -> dict[str, set[str]]:
    context: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if c.type in ("PERSON", "ORG", "FAC"):
            context[c.doc_id].add(entity_key(c.name))
            if c.type == "PERSON" and split_name(c.name)[0]:
                context[c.doc_id].add(entity_key(split_name(c.name)[1]))
    return context
