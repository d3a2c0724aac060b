"""Finding an entity by any spelling a user types: "Seleznyov", "Zelesnyov", "roman seleznev".

Every spelling of every entity is filed at build time under keys (``entity_keys``): the spelling folded (case
and accents), for a person the sound keys of the surname in each romanisation and its letters, and each
word. A lookup reads only the entities filed under the keys of the name asked for, and checks them as the
resolver compares names: a person's name in any transliteration it folds or with a slip of the keyboard,
anything else by fuzzy similarity with a name that shares a word. So a lookup costs the same in a dossier
of ten articles or of a hundred thousand.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, func, select

from ..resolve.names import fold, readings, same_person_name, split_name
from ..store import Store
from ..store.listings import chunks
from ..store.schema import entities, entity_index, entity_keys

MIN_SCORE = 85
MAX_NAME = 200  # characters: a longer query is no one's name
MAX_CANDIDATES = 500  # entities sharing words with a name that are compared with it, the most words first
MAX_FUZZY = 20  # entities a merely similar name finds
ALL_TYPES = ("PERSON", "ORG", "GPE", "FAC", "NORP")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


def _slips(letters: str) -> set[str]:
    """The spellings one slip away: a letter dropped, added or two swapped (the resolver's is_typo decides
    which of them are slips indeed)."""
    dropped = {letters[:i] + letters[i + 1:] for i in range(len(letters))}
    added = {letters[:i] + c + letters[i:] for i in range(len(letters) + 1) for c in "abcdefghijklmnopqrstuvwxyz"}
    swapped = {letters[:i] + letters[i + 1] + letters[i] + letters[i + 2:] for i in range(len(letters) - 1)}
    return dropped | added | swapped


def _person_keys(name: str, asked: bool = False) -> set[str]:
    """A person's name filed by its surname (and by its last given name and surname, one compound surname
    written apart): the sound keys of each reading, and the letters; a name ``asked`` for also by the letters
    of every spelling one slip away."""
    given, surname = split_name(name)
    keys = set()
    for form in {surname, given[-1] + surname if given else ""} - {""}:
        keys.update("r:" + key for key in readings(form))
        letters = _letters(form)
        keys.add("d:" + letters)
        if asked and len(letters) >= 5:  # names shorter than 6 letters are not forgiven slips
            keys.update("d:" + slip for slip in _slips(letters))
    return keys


def _word_keys(name: str) -> set[str]:
    return {"w:" + w for w in re.findall(r"\w+", fold(name)) if len(w) > 1}


def entity_key_rows(entity_id: int, name: str, type_: str, aliases: list[str]) -> set[tuple[str, int]]:
    """The keys an entity is filed under, with its id."""
    keys = set()
    for spelling in {name, *aliases}:
        keys.add("=" + fold(spelling))
        keys.update(_word_keys(spelling))
        if type_ == "PERSON":
            keys.update(_person_keys(spelling))
    return {(key, entity_id) for key in keys}


def _filed(conn: Connection, keys: set[str], types: tuple[str, ...]) -> list[dict]:
    """The entities of those types filed under any of the keys."""
    ids: set[int] = set()
    for part in chunks(sorted(keys)):
        ids.update(conn.execute(select(entity_keys.c.entity_id).where(entity_keys.c.key.in_(part))).scalars())
    return _entities(conn, ids, types)


def _sharing_words(conn: Connection, name: str, types: tuple[str, ...]) -> list[dict]:
    """The entities whose names share the most words with ``name``, at most MAX_CANDIDATES of them."""
    shared = func.count().label("shared")
    ids = conn.execute(select(entity_keys.c.entity_id, shared).where(entity_keys.c.key.in_(_word_keys(name)))
                       .group_by(entity_keys.c.entity_id).order_by(shared.desc(), entity_keys.c.entity_id)
                       .limit(MAX_CANDIDATES)).scalars()
    return _entities(conn, set(ids), types)


def _entities(conn: Connection, ids: set[int], types: tuple[str, ...]) -> list[dict]:
    found = []
    for part in chunks(sorted(ids)):
        found.extend({"id": r.id, "name": r.name, "type": r.type, "aliases": r.aliases, "articles": r.articles or 0}
                     for r in conn.execute(
                         select(entities, entity_index.c.articles)
                         .outerjoin(entity_index, entity_index.c.entity_id == entities.c.id)
                         .where(entities.c.id.in_(part), entities.c.type.in_(types))))
    return found


def _most_named(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (-r["articles"], r["id"]))


def find(conn: Connection, name: str, types: tuple[str, ...] = ALL_TYPES) -> list[dict]:
    """Entities whose name or an alias is the one asked for, best first: {id, name, type, aliases, articles}.

    A spelling folded alike wins; else a person's name in any transliteration the resolver folds (or with a
    slip of the keyboard); else a name similar enough that shares a word with it.
    """
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        return []
    exact = _filed(conn, {"=" + fold(name)}, types)
    if exact:
        return _most_named(exact)
    if "PERSON" in types:
        people = [r for r in _filed(conn, _person_keys(name, asked=True), ("PERSON",))
                  if any(same_person_name(a, name) for a in {r["name"], *r["aliases"]})]
        if people:
            return _most_named(people)
    candidates = _sharing_words(conn, name, types)
    spellings = {(i, a): fold(a) for i, r in enumerate(candidates) for a in {r["name"], *r["aliases"]}}
    best: dict[int, float] = {}
    for _, score, (i, _) in process.extract(fold(name), spellings, scorer=fuzz.WRatio, score_cutoff=MIN_SCORE,
                                            limit=None):
        best[i] = max(best.get(i, 0), score)
    ranked = sorted(best, key=lambda i: (-best[i], -candidates[i]["articles"], candidates[i]["id"]))
    return [candidates[i] for i in ranked[:MAX_FUZZY]]


def find_entities(store: Store, name: str, types: tuple[str, ...] = ALL_TYPES) -> list[dict]:
    with store.engine.connect() as conn:
        return find(conn, name, types)
