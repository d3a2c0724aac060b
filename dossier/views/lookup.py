"""Finding an entity by any spelling a user types: "Seleznyov", "Zelesnyov", "roman seleznev"."""
from __future__ import annotations

from rapidfuzz import fuzz, process

from ..resolve.names import fold, same_person_name
from ..store import Store

MIN_SCORE = 85


def find_entities(store: Store, name: str, types: tuple[str, ...] = ("PERSON", "ORG", "GPE", "FAC", "NORP")) -> list[dict]:
    """Entities whose name or an alias is the one asked for, best first.

    A person's name matches in any transliteration the resolver folds; anything else
    matches by fuzzy string similarity.
    """
    rows = [r for r in store.entity_rows() if r["type"] in types]
    exact = [r for r in rows if any(fold(a) == fold(name) for a in {r["name"], *r["aliases"]})]
    if exact:
        return sorted(exact, key=lambda r: -len(r["docs"]))
    people = [r for r in rows if r["type"] == "PERSON" and
              any(same_person_name(a, name) for a in {r["name"], *r["aliases"]})]
    if people:
        return sorted(people, key=lambda r: -len(r["docs"]))
    choices = {(i, alias): fold(alias) for i, r in enumerate(rows) for alias in {r["name"], *r["aliases"]}}
    best: dict[int, float] = {}
    for _, score, (index, _) in process.extract(fold(name), choices, scorer=fuzz.WRatio, limit=20):
        if score >= MIN_SCORE:
            best[index] = max(best.get(index, 0), score)
    return [rows[i] for i, _ in sorted(best.items(), key=lambda item: -item[1])]
