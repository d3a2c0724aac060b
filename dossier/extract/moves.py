"""Transfers between states: the country a person was taken from, the one taken to, and how."""
from __future__ import annotations

from spacy.tokens import Token

from .. import places
from .actors import find_state
from .clause import Clause
from .grammar import (
    entity_text,
    in_nested_clause,
    place_name,
    state_of,
    verb_lemma,
)
from .schema import FACT_TYPES, MOVE_VERBS
from .triggers import refused_entry
from .whereabouts import named_places
from .words import (
    PLACE_PREPOSITIONS,
)


def find_origin(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.dep_ == "pobj" and (token.head.lower_ == "from" or left_out_of(token)):
            place = place_name(token)
            if place:
                return places.country_of_place(place) or place
    if clause.lemma in ("abduct", "kidnap", "steal", "snatch", "abduction", "kidnapping", "seize"):
        for place in named_places(clause):  # abducted in Yemen: taken from there
            return places.country_of_place(place) or place
    if clause.lemma in ("deport", "expel", "extradite", "hand", "repatriate"):
        state = find_state(clause)  # "Thai police deported X": taken from Thailand
        if state:
            return state
    head = clause.token.head
    if clause.token.dep_ == "conj" and (turned_away_by := refused_entry(head)):
        return turned_away_by
    if clause.token.dep_ in ("conj", "advcl") and verb_lemma(head) in FACT_TYPES["arrest"].verbs:
        # "arrested in Thailand and extradited to the US": taken from where the arrest was
        mine = {t.i for t in clause.token.subtree}
        for obj in head.subtree:
            if obj.i in mine or obj.dep_ != "pobj" or obj.head.lower_ not in PLACE_PREPOSITIONS or in_nested_clause(obj, head):
                continue
            place = place_name(obj)
            if place and places.country_of_place(place):
                return places.country_of_place(place)
    return None


def left_out_of(place: Token) -> bool:
    """"taken out of North Korea": the place after "out of" is where the person was taken from."""
    return place.head.lower_ == "of" and place.head.head.lower_ == "out"


def find_destination(clause: Clause) -> str | None:
    """"... and taken to the US", "forcibly took to the American territory", "extradited to the US"."""
    trigger = clause.token
    candidates = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]
    if trigger.dep_ == "relcl":
        candidates += [t for t in trigger.head.children if t.dep_ == "acl" and t.lemma_ in MOVE_VERBS]
    for verb in candidates:
        if verb is not trigger and verb.lemma_ not in MOVE_VERBS:
            continue
        for child in verb.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "into"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ != "PRON":  # "handed over to us" names no country
                        country = places.country_of_place(entity_text(obj)) or state_of(obj)
                        if country:
                            return country
            if child.dep_ == "advmod" and child.lower_ == "home":
                return None
    return None


def find_manner(clause: Clause) -> str | None:
    manners = clause.trigger.type.manners
    if clause.lemma in manners:
        return manners[clause.lemma]
    for token in clause.tokens:
        if token.lemma_.casefold() in manners and token.pos_ in ("NOUN", "VERB"):
            return manners[token.lemma_.casefold()]
    if clause.token.dep_ == "conj" and refused_entry(clause.token.head):
        return "deportation"  # turned away at the border and sent on
    if clause.trigger.type.name == "release":
        words = {t.lemma_.casefold() for t in clause.token.subtree}
        if {"serve", "complete"} & words and {"sentence", "term"} & words:
            return "end_of_term"
    return None
