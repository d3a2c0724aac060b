"""Resolution of an update: only the document entities the new or changed documents can affect.

The region is closed under the relations resolution uses (shared keys, surnames one slip apart) and under
context: where a re-resolved entity changes type, every entity of its document joins the region, since a
document's names decide between namesakes. Resolving the region alone then gives what resolving the whole
corpus would give for it, and leaves the rest as it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .corpus import resolve
from .keys import name_keys, neighbour_buckets, partners, slip_keys
from .names import split_name
from .records import Candidate, Resolved

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

    def surnames_in(self, buckets: set[str]) -> dict[str, set[str]]:
        """{bucket key: the surnames of the entities holding it}."""

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


def _closure(seeds: list[Candidate], corpus: Corpus) -> dict[Member, Candidate]:
    found = {(c.doc_id, c.idx): c for c in seeds}
    frontier, asked, compared = list(seeds), set(), set()
    while frontier:
        keys: set[str] = set()
        surnames = set()
        for candidate in frontier:
            keys |= partners(name_keys(candidate.name))
            surnames.add(split_name(candidate.name)[1])
        surnames -= compared | {""}
        compared |= surnames
        # The surnames of every bucket the new ones need, in one look-up.
        near = corpus.surnames_in({bucket for s in surnames for bucket in neighbour_buckets(s)})
        for surname in surnames:
            keys |= slip_keys(surname, {other for bucket in neighbour_buckets(surname)
                                        for other in near.get(bucket, ())})
        keys -= asked
        asked |= keys
        frontier = [c for c in corpus.with_keys(keys) if (c.doc_id, c.idx) not in found] if keys else []
        found.update(((c.doc_id, c.idx), c) for c in frontier)
    return found


def update(seeds: list[Candidate], corpus: Corpus) -> Update:
    """Resolve the region of ``seeds``."""
    while True:
        region = _closure(seeds, corpus)
        candidates = sorted(region.values(), key=lambda c: (c.doc_id, c.idx))
        previous = corpus.previous(list(region))
        original = {member: candidate.type for member, candidate in region.items()}
        resolved = resolve(candidates, lambda docs: corpus.context(docs, set(region)))
        # A document whose names changed type reads differently to the namesakes it mentions: all of it joins.
        retyped = {c.doc_id for c in candidates if (c.doc_id, c.idx) in previous and
                   previous[(c.doc_id, c.idx)].type != c.type and {c.type, previous[(c.doc_id, c.idx)].type} &
                   {"PERSON", "ORG", "FAC"}}
        more = [c for c in corpus.of_documents(retyped) if (c.doc_id, c.idx) not in region]
        if not more:
            return Update(candidates, resolved, previous)
        for candidate in candidates:
            candidate.type = original[(candidate.doc_id, candidate.idx)]
        seeds = candidates + more
