"""Stage 5, resolve: the entities of all documents merged into real-world entities.

Runs over the whole corpus after each build (it reads only names, so it is cheap)
and rewrites the ``entities`` table and each document entity's ``entity_id``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Candidate:
    """One document's entity, as stored: its name, type and the surface forms of its mentions."""

    doc_id: str
    idx: int
    name: str
    type: str
    aliases: list[str]


@dataclass
class Resolved:
    name: str
    type: str
    aliases: list[str]
    members: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, doc_entities.idx)
    docs: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").removesuffix("'s").split()).casefold()


def resolve(candidates: list[Candidate]) -> list[Resolved]:
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault((candidate.type, _key(candidate.name)), []).append(candidate)
    resolved = []
    for (type_, _), members in groups.items():
        names = Counter(m.name for m in members)
        aliases = sorted({a for m in members for a in (m.name, *m.aliases)})
        resolved.append(Resolved(name=names.most_common(1)[0][0], type=type_, aliases=aliases,
                                 members=[(m.doc_id, m.idx) for m in members],
                                 docs=sorted({m.doc_id for m in members})))
    return resolved
