"""Resolution of an update: only the document entities the new or changed documents can affect.

The region is closed under the relations resolution uses (shared keys, surnames one slip apart, only between
names that may be people's: ``keys``) and under context: where a re-resolved entity changes type, every
entity of its document joins the region, since a document's names decide between namesakes. A bare name is
weighed against the full names whose given name it may be only where resolution finds no surname to claim
it; those full names join the region then. Resolving the region alone then gives what resolving the whole
corpus would give for it, and leaves the rest as it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .corpus import cluster, entities
from .keys import name_keys, name_partners, neighbour_buckets, person_partners, slip_keys
from .names import slip_variants, split_name
from .records import Candidate, Resolved
from .types import may_be_person

Member = tuple[str, int]


@dataclass
class Previous:
    """What a stored document entity resolved to before the update."""

    entity: int
    name: str
    type: str


class Corpus(Protocol):
    """What the region is found in: the stored document entities."""

    def with_keys(self, keys: set[str]) -> list[Candidate]:
        """The entities holding any of these keys."""

    def names_in(self, buckets: set[str]) -> dict[str, set[tuple[str, str]]]:
        """{bucket key: the (name, type) of the entities holding it}."""

    def of_documents(self, docs: set[str]) -> list[Candidate]:
        """Every entity of these documents."""

    def previous(self, members: list[Member]) -> dict[Member, Previous]:
        """What these entities resolved to before (those stored before the update)."""

    def context(self, docs: set[str], region: set[Member]) -> list[Candidate]:
        """The other entities of these documents, typed as resolved now: for telling namesakes apart."""


@dataclass
class Update:
    region: list[Candidate]
    resolved: list[Resolved]
    previous: dict[Member, Previous]


class _Region:
    """The entities reached from some, grown as resolution finds it needs more."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.found: dict[Member, Candidate] = {}
        self.asked: set[str] = set()
        self.compared: set[str] = set()
        self.first_names: set[str] = set()
        self.buckets: dict[str, dict[str, set[str]]] = {}  # bucket key -> {slip variant: surnames of people}

    def grow(self, candidates: list[Candidate], first_names: set[str] = frozenset()) -> int:
        """Add ``candidates`` and what they reach; with ``first_names``, also the full names whose given name
        the bare names already found may be. Returns how many entities joined."""
        size = len(self.found)
        self.first_names |= first_names
        frontier = self._add(candidates)
        person_keys = {"g:" + name for name in first_names}
        while frontier or person_keys:
            keys: set[str] = set()
            surnames = set()
            for candidate in frontier:
                own = name_keys(candidate.name)
                keys |= name_partners(own)
                if may_be_person(candidate.name, candidate.type):
                    person_keys |= person_partners(own, self.first_names)
                    surnames.add(split_name(candidate.name)[1])
            person_keys |= self._slips(surnames - self.compared - {""})
            keys -= self.asked
            person_keys -= self.asked
            self.asked |= keys | person_keys
            reached = self.corpus.with_keys(keys) if keys else []
            if person_keys:
                reached += [c for c in self.corpus.with_keys(person_keys) if may_be_person(c.name, c.type)]
            frontier, person_keys = self._add(reached), set()
        return len(self.found) - size

    def _add(self, candidates: list[Candidate]) -> list[Candidate]:
        new = {(c.doc_id, c.idx): c for c in candidates if (c.doc_id, c.idx) not in self.found}
        self.found.update(new)
        return list(new.values())

    def _slips(self, surnames: set[str]) -> set[str]:
        """The keys of the surnames of people one slip from these, found in their buckets."""
        self.compared |= surnames
        self._read_buckets({bucket for s in surnames for bucket in neighbour_buckets(s)} - set(self.buckets))
        keys = set()
        for surname in surnames:
            near = {other for bucket in neighbour_buckets(surname) for variant in slip_variants(surname)
                    for other in self.buckets[bucket].get(variant, ())}
            keys |= slip_keys(surname, near)
        return keys

    def _read_buckets(self, wanted: set[str]) -> None:
        """The surnames of the people of each bucket, by their slip variants; every bucket read once."""
        for bucket, names in self.corpus.names_in(wanted).items():
            index: dict[str, set[str]] = {}
            for name, type_ in names:
                if may_be_person(name, type_):
                    surname = split_name(name)[1]
                    for variant in slip_variants(surname):
                        index.setdefault(variant, set()).add(surname)
            self.buckets[bucket] = index
        self.buckets.update({bucket: {} for bucket in wanted - set(self.buckets)})


def update(seeds: list[Candidate], corpus: Corpus) -> Update:
    """Resolve the region of ``seeds``."""
    region = _Region(corpus)
    region.grow(seeds)
    previous: dict[Member, Previous] = {}
    while True:
        candidates = sorted(region.found.values(), key=lambda c: (c.doc_id, c.idx))
        previous.update(corpus.previous([member for member in region.found if member not in previous]))
        original = {member: candidate.type for member, candidate in region.found.items()}
        # Types and people alone decide whether the region grows: the entities are made once it stops.
        groups, first_names = cluster(candidates, lambda docs: corpus.context(docs, set(region.found)))
        # A document whose names changed type reads differently to the namesakes it mentions: all of it joins.
        retyped = {c.doc_id for c in candidates if (c.doc_id, c.idx) in previous and
                   previous[(c.doc_id, c.idx)].type != c.type and {c.type, previous[(c.doc_id, c.idx)].type} &
                   {"PERSON", "ORG", "FAC"}}
        more = [c for c in corpus.of_documents(retyped) if (c.doc_id, c.idx) not in region.found]
        # A bare name no surname claimed is weighed against every full name it may be the given name of.
        if not region.grow(more, first_names - region.first_names):
            return Update(candidates, entities(candidates, groups), previous)
        for candidate in candidates:
            candidate.type = original[(candidate.doc_id, candidate.idx)]
