"""The country of a case event as its own clause gives it: a place it names ("arrested in Moscow",
"at a Russian airport"), a state that acted ("Iran sentenced X", "Swiss police detained X"), or a
court, prosecutor or prison that belongs to one ("a Moscow court", "US prosecutors charged X")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .. import places
from .grammar import (
    COMPASS,
    country_of,
    entity_text,
    in_nested_clause,
    name_phrase,
    place_name,
    state_of,
)
from .schema import FACT_TYPES, REPORTING_VERBS
from .words import (
    COURT_WORDS,
    DECIDERS,
    FACILITY_HEADS,
    GROUP_WORDS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    SITE_NOUNS,
)

if TYPE_CHECKING:
    from .clause import Clause

# Nouns of a place or an institution whose nationality a modifier gives: "a Russian airport", "Iranian prisons".
_LOCATED_NOUNS = FACILITY_HEADS | SITE_NOUNS | PLACE_NOUNS
# Verbs that tell a group of people is held: "Americans held by Russia", "foreigners jailed in Iran".
_HOLDING_VERBS = FACT_TYPES["custody"].verbs | FACT_TYPES["arrest"].verbs


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


def _half_of_a_country(token: Token) -> str | None:
    """"detained in the North": the one country the article names that begins with that word (North Korea)."""
    if token.lower_ not in COMPASS or not token.text[0].isupper():
        return None
    named = {country for ent in token.doc.ents if ent.label_ == "GPE" and ent[0].lower_ == token.lower_
             and (country := places.country_named(ent.text))}
    return named.pop() if len(named) == 1 else None


def located_countries(clause: Clause, nested: bool = False) -> list[str]:
    """The countries of the places a clause names with "in", "at" ...; with ``nested``, also those of the
    clauses inside it ("found guilty of assaulting police officers in Russia")."""
    out = []
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS or (
                not nested and in_nested_clause(token, clause.token)):
            continue
        place = place_name(token)
        country = country_of_place_phrase(place) if place else _half_of_a_country(token)
        if not country and token.lemma_.casefold() in _LOCATED_NOUNS:
            country = state_of(token)  # "at a Russian airport", "held in Iranian prisons"
        if country:
            out.append(country)
    return out


def acting(clause: Clause) -> list[Token]:
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


def _event_nouns(clause: Clause) -> list[Token]:
    """The noun that names the event: the trigger itself ("his detention") or the noun of its phrase
    ("spent two years in custody", "faces charges")."""
    if clause.token.pos_ == "NOUN":
        return [clause.token]
    kind = clause.trigger.type
    words = set(kind.nouns).union(*(p.objects | (p.pp[1] if p.pp else set()) for p in kind.phrases))
    phrase = [c for c in clause.token.children if c.dep_ == "dobj"] + [
        o for c in clause.token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return [t for t in phrase if t.lemma_.casefold() in words]


def _own_state(clause: Clause) -> str | None:
    """"in Iranian custody", "60 hours in Pakistan captivity", "faces U.S. charges": the state the event noun's
    own modifier names; not an owner ("the American's arrest" is the arrest of a person)."""
    for noun in _event_nouns(clause):
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.ent_type_ in ("GPE", "NORP"):
                state = places.country(entity_text(child)) or places.country(child.text)
                if state:
                    return state
    return None


def _held_country(verb: Token) -> str | None:
    """"known to be held by Russia", "jailed in Iran": the state or place of a detention verb's own clause."""
    for token in verb.subtree:
        if token.dep_ != "pobj" or token.head.head.i != verb.i:
            continue
        if token.head.dep_ == "agent" and token.ent_type_ == "GPE":
            return places.country_of_place(entity_text(token))
        if token.head.lower_ in PLACE_PREPOSITIONS and (place := place_name(token)):
            return country_of_place_phrase(place)
    return None


def _group_told(member: Token) -> list[Token]:
    """The words that tell of the group a person is listed in: "a dozen Britons jailed by Russia, including
    A"; "... nationals jailed by Moscow. They include A" (the sentence before)."""
    if member.dep_ == "pobj" and member.head.lower_ in GROUP_WORDS:
        listed = {t.i for t in member.head.subtree}
        return [t for t in member.head.head.subtree if t.i not in listed]
    verb = member.head
    if member.dep_ == "dobj" and verb.lemma_ == "include" and any(
            c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children) and verb.sent.start > 0:
        return list(verb.doc[verb.sent.start - 1].sent)
    return []


def _group_country(clause: Clause) -> str | None:
    """"several Americans held by Russia, including A, who was detained in February": what a sentence says
    of a group tells of the member whose event a relative clause on their name tells."""
    member = clause.token.head if clause.token.dep_ == "relcl" else None
    while member is not None and member.dep_ in ("conj", "appos"):  # "A and B", "the teacher A"
        member = member.head
    if member is None:
        return None
    for verb in _group_told(member):
        if verb.pos_ == "VERB" and verb.lemma_.casefold() in _HOLDING_VERBS:
            country = _held_country(verb)
            if country:
                return country
    return None


def clause_country(clause: Clause) -> str | None:
    own = _own_state(clause)
    if own:
        return own
    countries = located_countries(clause, nested=True)
    if countries:
        return countries[0]
    facility = clause.args.get("facility")
    for token in clause.tokens:
        if facility and token.ent_type_ in ("GPE", "LOC") and (country := country_of_place_phrase(entity_text(token))):
            return country
        if token.dep_ == "pobj" and token.lemma_.casefold() in FACILITY_HEADS and (state := state_of(token)):
            return state  # "a Polish detention facility", "held in Russian prisons"
    for actor in acting(clause):
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
    return _where_country(clause) or _reporter_country(clause) or _group_country(clause)
