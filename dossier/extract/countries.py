"""The country of a case event as its own clause gives it: a place it names ("arrested in Moscow",
"at a Russian airport"), a state that acted ("Iran sentenced X", "Swiss police detained X"), or a
court, prosecutor or prison that belongs to one ("a Moscow court", "US prosecutors charged X")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .. import places
from .grammar import (
    country_of,
    entity_text,
    in_nested_clause,
    name_phrase,
    place_name,
    state_of,
)
from .schema import REPORTING_VERBS
from .words import (
    COURT_WORDS,
    DECIDERS,
    FACILITY_HEADS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    SITE_NOUNS,
)

if TYPE_CHECKING:
    from .clause import Clause

# Nouns of a place or an institution whose nationality a modifier gives: "a Russian airport", "Iranian prisons".
_LOCATED_NOUNS = FACILITY_HEADS | SITE_NOUNS | PLACE_NOUNS


def country_of_place_phrase(place: str) -> str | None:
    """The country of a place as a clause writes it: "Moscow", "Dubai Airport" (the town a site is named
    after); "Le Bourget airport" names no town GeoNames knows, and its first word is no town either."""
    country = places.country_of_place(place)
    if country:
        return country
    words = place.split()
    while len(words) > 1 and (words[-1].islower() or words[-1].casefold() in SITE_NOUNS):
        words.pop()
        country = places.country_of_place(" ".join(words))
        if country:
            return country
    return None


def located_countries(clause: Clause, nested: bool = False) -> list[str]:
    """The countries of the places a clause names with "in", "at" ...; with ``nested``, also those of the
    clauses inside it ("found guilty of assaulting police officers in Russia")."""
    out = []
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS or (
                not nested and in_nested_clause(token, clause.token)):
            continue
        place = place_name(token)
        country = country_of_place_phrase(place) if place else None
        if not country and token.lemma_.casefold() in _LOCATED_NOUNS:
            country = state_of(token)  # "at a Russian airport", "held in Iranian prisons"
        if country:
            out.append(country)
    return out


def _acting(clause: Clause) -> list[Token]:
    """Who acted: the clause's own actors, or, for a verb with no subject of its own that tells how the
    governing verb's subject acted ("Iran sentenced X after convicting him"), that subject."""
    actors = clause.actors()
    node = clause.token
    if actors or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in node.children) or node.tag_ != "VBG":
        return actors
    while node.dep_ in ("pcomp", "advcl", "prep") and node.head.i != node.i:
        node = node.head
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    return []


def _court_town(token: Token) -> str | None:
    """"Grodno Regional Court", "the Dandong People's High Court": a court named after its town."""
    for word in token.doc[token.left_edge.i:token.i]:
        if word.pos_ == "PROPN" and len(word.text) > 3 and word.ent_type_ in ("GPE", "LOC", "ORG"):
            country = places.country_of_place(word.text)
            if country:
                return country
    return None


def _is_justice_body(token: Token) -> bool:
    """A court, prosecutor, police force or justice ministry: "the U.S. Department of Justice"."""
    words = {t.lemma_.casefold() for t in token.subtree}
    return any(word in lemma for lemma in words for word in (*DECIDERS, "justice"))


def _reporter_country(clause: Clause) -> str | None:
    """"X was jailed ..., the U.S. Department of Justice said": the state of a justice body reporting it."""
    for verb in clause.token.ancestors:
        if verb.lemma_.casefold() in REPORTING_VERBS:
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                if _is_justice_body(subject):
                    return country_of(subject) or _court_town(subject)
            return None
    return None


def _where_country(clause: Clause) -> str | None:
    """"extradited to Canada last week, where she will stand trial": the place "where" stands for, the
    nearest named before it."""
    where = next((c for c in clause.token.children if c.dep_ == "advmod" and c.lower_ == "where"), None)
    if where is None:
        return None
    for token in reversed(clause.token.doc[clause.token.sent.start:where.i]):
        place = place_name(token)
        if place:
            return country_of_place_phrase(place)
    return None


def clause_country(clause: Clause) -> str | None:
    countries = located_countries(clause, nested=True)
    if countries:
        return countries[0]
    facility = clause.args.get("facility")
    for token in clause.tokens:
        if facility and token.ent_type_ in ("GPE", "LOC") and (country := country_of_place_phrase(entity_text(token))):
            return country
        if token.dep_ == "pobj" and token.lemma_.casefold() in FACILITY_HEADS and (state := state_of(token)):
            return state  # "a Polish detention facility", "held in Russian prisons"
    for actor in _acting(clause):
        if actor.ent_type_ == "GPE":  # "Iran sentenced X", "held by Moscow"
            country = places.country_of_place(entity_text(actor))
            if country:
                return country
        if any(word in name_phrase(actor).casefold() for word in DECIDERS):
            country = country_of(actor) or _court_town(actor)
            if country:
                return country
        if clause.trigger.type.name == "custody":  # "imprisoned by the United States"
            country = state_of(actor)
            if country:
                return country
    for token in clause.tokens:  # "in a Moscow court", "by a Russian court"
        if token.dep_ == "pobj" and token.lemma_.casefold() in COURT_WORDS:
            country = country_of(token) or _court_town(token)
            if country:
                return country
    return _where_country(clause) or _reporter_country(clause)
