"""Where an event was: the place a clause names, the prison and town a person is held in, where a visit was."""
from __future__ import annotations

import re

from spacy.tokens import Token

from .. import places
from .clause import Clause
from .countries import acting
from .grammar import entity_text, in_nested_clause, name_phrase, place_name
from .words import COURT_WORDS, FACILITY_HEADS, PLACE_PREPOSITIONS

# Prepositions that place a facility rather than tell what else the sentence says of it.
_WITHIN = {"in", "at", "near", "outside", "inside", "of"}


def _while_there(token: Token, trigger: Token) -> bool:
    """"detained while waiting for a flight at Kazan airport", "arrested while travelling through Vancouver's
    airport": what the person was doing when it happened, and where, is where it happened; not what someone
    else was doing ("while his wife stayed in Berlin")."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.dep_ == "advcl" and verb.head.i == trigger.i and \
        any(c.dep_ == "mark" and c.lower_ == "while" for c in verb.children) and \
        all(c.tag_ == "PRP" for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _arrested_from(token: Token, clause: Clause) -> bool:
    """"arrested from Balochistan", as South Asian English tells where an arrest was."""
    return clause.trigger.type.name == "arrest" and token.head.lower_ == "from" and \
        token.head.head.i == clause.token.i and clause.token.pos_ == "VERB"


def named_places(clause: Clause) -> list[str]:
    """Places the clause names with "in", "at" ..., not those of clauses inside it but one of what the person
    was doing meanwhile."""
    out = []
    for token in clause.tokens:
        if token.dep_ != "pobj":
            continue
        if in_nested_clause(token, clause.token):
            if not (_while_there(token, clause.token) and token.head.lower_ in PLACE_PREPOSITIONS | {"through"}):
                continue
        elif token.head.lower_ not in PLACE_PREPOSITIONS and not _arrested_from(token, clause):
            continue
        place = place_name(token)
        if place:
            out.append(place)
    return out


def find_place(clause: Clause) -> str | None:
    located = named_places(clause)
    return located[0] if located else None


def _facility_phrase(token: Token) -> str:
    """"Evin prison", "a prison in Baku": the facility's name and where it is, without what the sentence goes on
    to list or say of it ("Evin prison, as well as ...", "Russian prisons on drug charges")."""
    cuts = [c.left_edge.i for c in token.children if c.i > token.i and (
        c.dep_ in ("cc", "conj", "appos", "relcl", "acl") or c.dep_ == "prep" and (
            c.lower_ not in _WITHIN or any(o.ent_type_ == "DATE" for o in c.children)))]  # not "... in June"
    end = min([token.right_edge.i + 1, *cuts])
    words = [t for t in token.doc[token.left_edge.i:end] if not (t.dep_ == "det" and t.head.i == token.i)]
    return re.sub(r"\s+([’']s)\b", r"\1", "".join(t.text_with_ws for t in words)).strip(" ,;")


def find_facility(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.dep_ == "pobj" and token.head.lower_ in ("under", "to") and token.lemma_.casefold() == "arrest" \
                and any(c.lower_ == "house" for c in token.children):
            return name_phrase(token)  # "held under (pretrial) house arrest", "moved to house arrest"
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS | {"to"}:
            continue
        if token.lemma_.casefold() in FACILITY_HEADS or token.ent_type_ == "FAC":
            if token.ent_type_ == "FAC" and token.lemma_.casefold() not in FACILITY_HEADS:
                return entity_text(token)
            modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "prep")]
            naming = [c for c in modifiers if c.dep_ != "prep" or c.lower_ in _WITHIN]
            if token.tag_ == "NNS" and all(places.country_of_demonym(c.text) for c in naming):
                continue  # "held in Russian prisons": the country's prisons, no one of them
            if modifiers:
                return _facility_phrase(token)  # "Evin prison", not a bare "jail"
    return None


def find_held_at(clause: Clause) -> str | None:
    """Where a person is held: the town of the prison ("Evin prison in Tehran", "Tehran's Evin prison") or a
    place named outright; a country is the country argument's, not a place; nor is a place of another clause
    ("jailed after being summoned to a hearing in Managua")."""
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS | {"to"} or \
                in_nested_clause(token, clause.token):
            continue
        if token.lemma_.casefold() in FACILITY_HEADS or token.ent_type_ == "FAC":
            towns = [place for t in token.subtree if t.i > token.i and t.dep_ == "pobj" and t.head.lower_ in _WITHIN
                     and (place := place_name(t)) and not places.country_named(place)]
            if towns:  # "a prison near the border city of Ciudad Juarez"
                return towns[0]
            inner = [t for t in [*(t for t in token.subtree if t.i > token.i), *(
                c for c in token.children if c.dep_ == "poss")] if t.ent_type_ in ("GPE", "LOC")
                     and not places.country_named(entity_text(t))]
            if inner:
                return entity_text(inner[0])
            continue
        place = place_name(token)
        if place:
            return None if places.country_named(place) else place
    return _remanding_court_town(clause)


def _remanding_court_town(clause: Clause) -> str | None:
    """"the District Court of Kazan remanded her to a detention centre", "a Moscow court ordered him held": a
    court holds a person in its own town."""
    for actor in acting(clause):
        if actor.lemma_.casefold() not in COURT_WORDS:
            continue
        named = [o for c in actor.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for o in c.children
                 if o.dep_ == "pobj"] + [c for c in actor.children if c.dep_ in ("compound", "poss")]
        towns = [entity_text(t) for t in named if t.ent_type_ == "GPE" and not places.country_named(entity_text(t))]
        if towns:
            return towns[0]
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
