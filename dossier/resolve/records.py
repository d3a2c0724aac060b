"""What resolution reads (each document's entities) and what it returns (the corpus's entities)."""
from __future__ import annotations

from dataclasses import dataclass, field


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
