"""Where an event was: the place a clause names, the prison and town a person is held in, where a visit was."""
from __future__ import annotations

from .. import places
from .clause import Clause
from .grammar import (
    entity_text,
    in_nested_clause,
    noun_phrase,
    place_name,
)
from .words import (
    FACILITY_HEADS,
    PLACE_PREPOSITIONS,
)


def named_places(clause: Clause) -> list[str]:
    """Places the clause names with "in", "at" ..., not those of clauses inside it."""
    out = []
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS or \
                in_nested_clause(token, clause.token):
            continue
        place = place_name(token)
        if place:
            out.append(place)
    return out


def find_place(clause: Clause) -> str | None:
    located = named_places(clause)
    return located[0] if located else None


def find_facility(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS | {"to"}:
            continue
        if token.lemma_.casefold() in FACILITY_HEADS or token.ent_type_ == "FAC":
            if token.ent_type_ == "FAC" and token.lemma_.casefold() not in FACILITY_HEADS:
                return entity_text(token)
            if any(c.dep_ in ("compound", "amod", "poss", "nmod", "prep") for c in token.children):
                return noun_phrase(token)  # "Evin prison", not a bare "jail"
    return None


def find_held_at(clause: Clause) -> str | None:
    """Where a person is held: the town of the prison ("Evin prison in Tehran") or a place named outright;
    a country is the country argument's, not a place."""
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS | {"to"}:
            continue
        if token.lemma_.casefold() in FACILITY_HEADS or token.ent_type_ == "FAC":
            inner = [t for t in token.subtree if t.ent_type_ in ("GPE", "LOC") and t.i > token.i]
            if inner:
                return entity_text(inner[0])
            continue
        place = place_name(token)
        if place:
            return None if places.country_named(place) else place
    return None


def find_visited_at(clause: Clause) -> str | None:
    """Where a visit was: a place the clause names, or where the person visited is held
    ("after visiting X, who is held in Tula")."""
    place = find_place(clause)
    if place:
        return place
    held = [c for t in clause.tokens if t.dep_ in ("dobj", "pobj") for c in t.children if c.dep_ == "relcl"]
    located = [p for c in held for t in c.subtree if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPOSITIONS
               and (p := place_name(t))]
    return located[0] if located else None
