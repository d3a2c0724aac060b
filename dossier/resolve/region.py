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
from .keys import name_keys, neighbour_buckets, partners
from .names import is_typo, same_spelling, split_name
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
    frontier, asked = list(seeds), set()
    while frontier:
        keys: set[str] = set()
        surnames: set[str] = set()
        for candidate in frontier:
            own = name_keys(candidate.name)
            keys |= partners(own)
            if split_name(candidate.name)[1]:
                surnames.add(split_name(candidate.name)[1])
                keys |= neighbour_buckets(split_name(candidate.name)[1])
        keys -= asked
        asked |= keys
        frontier = []
        for candidate in corpus.with_keys(keys):
            member = (candidate.doc_id, candidate.idx)
            if member in found:
                continue
            if _reached(candidate, keys, surnames):
                found[member] = candidate
                frontier.append(candidate)
    return found


def _reached(candidate: Candidate, keys: set[str], surnames: set[str]) -> bool:
    """Shares a key with the region, or (found in a typo bucket) has a surname one slip from one of it."""
    if {k for k in name_keys(candidate.name) if not k.startswith("t:")} & keys:
        return True
    surname = split_name(candidate.name)[1]
    return any(not same_spelling(surname, s) and is_typo(surname, s) for s in surnames)


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
