"""Who acted in an event: the detaining authority, the state, the requesting state, a swap's counterpart, a visitor."""
from __future__ import annotations

from .. import places
from .clause import Clause
from .grammar import (
    entity_text,
    lower_lemma,
    name_phrase,
    state_of,
    with_conjuncts,
)
from .words import (
    ENFORCERS,
)


def find_state(clause: Clause) -> str | None:
    for actor in clause.actors():
        state = state_of(actor)
        if state:
            return state
    return None


def find_authority(clause: Clause) -> str | None:
    """Who detained, as the text names them ("Swiss authorities", "Tokyo prosecutors", "the FSB"), or the
    state where it names only that ("detained by Russia", "American agents")."""
    for actor in clause.actors():
        if actor.ent_type_ in ("GPE", "NORP") or places.country_named(actor.text):
            return state_of(actor)
        if actor.ent_type_ == "ORG":
            return entity_text(actor)
        phrase = name_phrase(actor)
        if actor.pos_ == "NOUN" and any(word in phrase.casefold() for word in ENFORCERS):
            return phrase
        if state_of(actor):
            return state_of(actor)
    return None


def find_requester(clause: Clause) -> str | None:
    """"at the request of Turkey", "on a US warrant", "on behalf of the United States", "at Washington's request"
    (a capital standing for its state)."""
    for token in clause.tokens:
        if token.lemma_.casefold() in ("request", "warrant", "behest", "behalf") and \
                token.head.lower_ in ("at", "on", "under"):
            for t in token.subtree:
                state = state_of(t) if t.ent_type_ in ("GPE", "NORP") or t.i == token.i else None
                if not state and t.ent_type_ == "GPE":
                    state = places.country_of_place(entity_text(t))
                if state:
                    return state
    return None


def find_counterpart(clause: Clause) -> list:
    linker, found = clause.linker, []
    for token in clause.tokens:
        if token.dep_ == "pobj" and token.head.lower_ == "for" and (
                token.head.head.i == clause.token.i or lower_lemma(token.head.head) in ("exchange", "swap", "trade")):
            members = with_conjuncts(token)
            members += [c for t in members if t.pos_ == "NOUN" for a in t.children
                        if a.dep_ == "appos" and a.pos_ == "PROPN" for c in a.conjuncts]  # "two nationals, A and B"
            for member in members:
                person = linker.person(member)
                if person is not None and person != clause.patient:
                    found.append(person)
    return [linker.ref(p) for p in dict.fromkeys(found)]


def find_agent(clause: Clause) -> object:
    """Who did it, as a person: the verb's subject or the subject of the clause it sits in."""
    linker = clause.linker
    for token in [clause.token, *clause.token.ancestors]:
        for child in token.children:
            if child.dep_ == "nsubj":
                person = linker.person(child) if child.ent_type_ != "ORG" else None
                return linker.ref(person) if person is not None and person != clause.patient else None
        if token.dep_ in ("relcl", "ccomp", "ROOT"):
            break
    return None
