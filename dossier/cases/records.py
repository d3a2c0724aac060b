"""The records of case assembly: facts as sources report them, and the events they merge into."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """One article's report of a fact."""

    doc_id: str
    outlet: str | None
    published: str | None
    evidence: str
    story: str  # documents that re-publish one text share a story; each story is one independent source
    claimed_by: str | None = None  # who the article attributes the fact to, if it does not state it itself
    # The earliest year the article can have been written in, when its date lacks the year.
    year_floor: int | None = None


@dataclass(frozen=True)
class CaseFact:
    """A stored fact with its subject resolved and its source article described."""

    type: str
    subject: str  # the entity's canonical name
    args: dict  # argument -> value or list of values, entity names already canonical
    source: Source


@dataclass
class Version:
    """One value of an argument and the sources that give it."""

    value: object
    sources: list[Source] = field(default_factory=list)


@dataclass
class Event:
    """One thing that happened to a person, merged from every article that reports it."""

    type: str
    subject: str
    args: dict  # merged: per argument, the best-supported, most specific value
    sources: list[Source]
    conflicts: dict[str, list[Version]] = field(default_factory=dict)  # argument -> competing versions

    @property
    def date(self) -> str | None:
        value = self.args.get("date")
        return value if isinstance(value, str) else None

    @property
    def outlets(self) -> int:
        """Independent sources: a wire text carried by several outlets counts once."""
        return len({s.story for s in self.sources})

    @property
    def claimed_by(self) -> list[str]:
        """Who asserts it, when no source states it in its own voice."""
        if any(s.claimed_by is None for s in self.sources):
            return []
        return sorted({s.claimed_by for s in self.sources if s.claimed_by})


@dataclass
class Case:
    """One person's assembled case: their timeline, its latest state, and what it was assembled from."""

    person: str
    fingerprint: str  # of the facts the case was assembled from
    events: list[Event]
    status: str | None  # detained, convicted, released, exchanged
    latest: str | None  # date of the latest event
    nationality: str | None = None
