"""Finding an entity by any spelling a user types."""
from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz, process

from ..store import Store

MIN_SCORE = 85


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def find_entities(store: Store, name: str, types: tuple[str, ...] = ("PERSON", "ORG")) -> list[dict]:
    """Entities whose canonical name or an alias matches the name, best first."""
    rows = [r for r in store.entity_rows() if r["type"] in types]
    choices = {(i, alias): _fold(alias) for i, r in enumerate(rows) for alias in {r["name"], *r["aliases"]}}
    query = _fold(name)
    found: dict[int, float] = {}
    for _, score, (index, _) in process.extract(query, choices, scorer=fuzz.WRatio, limit=20):
        if score >= MIN_SCORE:
            found[index] = max(found.get(index, 0), score)
    return [rows[i] for i, _ in sorted(found.items(), key=lambda item: -item[1])]
