"""Arguments: one finder per argument kind of ``schema``, each reading the trigger's own clause."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from .. import places
from ..temporal import Anchor, parse_duration, parse_money
from . import schema
from .grammar import (
    country_of,
    date_of,
    entity_text,
    in_nested_clause,
    is_passive,
    lower_lemma,
    name_phrase,
    noun_phrase,
    place_name,
    state_of,
    verb_lemma,
    with_conjuncts,
)
from .linking import Linker
from .schema import FACT_TYPES, MOVE_VERBS
from .triggers import Trigger
from .words import (
    COURT_WORDS,
    DECIDERS,
    FACILITY_HEADS,
    NOT_OFFENCES,
    OFFENCE_NOUNS,
    PLACE_PREPOSITIONS,
    SUBJECTS,
)


def own_tokens(trigger: Token, others: set[int], patients: list[Token]) -> list[Token]:
    """The trigger's clause without the clauses of other events, coordinated verbs or the patient's own."""
    out, stack = [], list(trigger.children)
    if trigger.dep_ == "amod" and trigger.pos_ == "VERB" and trigger.tag_ == "VBD":
        # A finite verb the parser hung on its object: its phrases went to the object.
        node = trigger.head
        while True:
            stack += [c for c in node.children if c.dep_ == "prep" and c.i > node.i]
            if node.dep_ != "compound" or node.head.i == node.i:
                break
            node = node.head
    skip = {p.i for p in patients}
    while stack:
        token = stack.pop()
        if token.i in others or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            continue
        if token.dep_ in ("relcl", "acl", "appos") and token.head.i != trigger.i:
            continue
        if token.dep_ in ("relcl", "appos") and token.head.i in skip:
            continue
        if token.dep_ in ("ccomp", "parataxis") and token.head.i == trigger.i and token.lower_ not in (
                "guilty", "free"):
            continue  # a clause of its own, except the small clause of "found X guilty"
        out.append(token)
        stack.extend(token.children)
    return sorted(out, key=lambda t: t.i)


@dataclass
class Clause:
    """What the finders read: the trigger, its own words, and what the fact has found so far."""

    trigger: Trigger
    tokens: list[Token]
    anchor: Anchor
    linker: Linker
    patient: int
    args: dict = field(default_factory=dict)

    @property
    def token(self) -> Token:
        return self.trigger.token

    @property
    def lemma(self) -> str:
        return verb_lemma(self.token) or lower_lemma(self.token)

    def actors(self) -> list[Token]:
        """Who did it: the agent of a passive, the subject of an active verb."""
        agents = [t for c in self.token.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
        if self.trigger.patient in (schema.OBJECT, schema.DATIVE) and not is_passive(self.token):
            agents += [c for c in self.token.children if c.dep_ == "nsubj"]
        if self.trigger.patient == "noun":
            agents += [t for c in self.token.children if c.dep_ == "prep" and c.lower_ == "by"
                       for t in c.children if t.dep_ == "pobj"]
        return agents


def _located(clause: Clause, nested: bool = False) -> list[str]:
    """Places the clause names with "in", "at" ...; with ``nested``, also those of clauses inside it."""
    out = []
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS or (
                not nested and in_nested_clause(token, clause.token)):
            continue
        place = place_name(token)
        if place:
            out.append(place)
    return out


def find_date(clause: Clause) -> str | None:
    for token in clause.tokens:
        if in_nested_clause(token, clause.token):
            continue
        if token.ent_type_ == "DATE" and token.dep_ in ("pobj", "npadvmod", "tmod", "nummod", "compound", "dobj") \
                or token.ent_type_ == "DATE" and token.head.ent_type_ != "DATE":
            value = date_of(token, clause.anchor)
            if value:
                return value
    return None


def find_place(clause: Clause) -> str | None:
    located = _located(clause)
    return located[0] if located else None


def find_country(clause: Clause) -> str | None:
    # "found guilty of assaulting police officers in Russia": the offence's country is the case's.
    for place in _located(clause, nested=True):
        country = places.country_of_place(place) or places.country_of_place(place.split()[0])
        if country:
            return country
    facility = clause.args.get("facility")
    for token in clause.tokens:
        if facility and token.ent_type_ in ("GPE", "LOC") and (
                country := places.country_of_place(entity_text(token))):
            return country
        if token.dep_ == "pobj" and token.lemma_.casefold() in FACILITY_HEADS and (state := state_of(token)):
            return state  # "a Polish detention facility", "held in Russian prisons"
    for actor in clause.actors():
        if any(word in name_phrase(actor).casefold() for word in DECIDERS):
            country = country_of(actor)
            if country:
                return country
        if clause.trigger.type.name == "custody":  # "imprisoned by the United States", "held by Moscow"
            country = state_of(actor) or places.country_of_place(entity_text(actor))
            if country:
                return country
    for token in clause.tokens:  # "in a Moscow court", "by a Russian court"
        if token.dep_ == "pobj" and token.lemma_.casefold() in COURT_WORDS:
            country = country_of(token)
            if country:
                return country
    return None


def find_state(clause: Clause) -> str | None:
    for actor in clause.actors():
        state = state_of(actor)
        if state:
            return state
    return None


def find_requester(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.lemma_.casefold() in ("request", "warrant", "behest") and token.head.lower_ in ("at", "on", "under"):
            for t in token.subtree:
                state = state_of(t) if t.ent_type_ in ("GPE", "NORP") or t.i == token.i else None
                if state:
                    return state
    return None


def _offence_words(token: Token) -> str | None:
    """"espionage", "spying for Britain", "charges of drug trafficking", "terrorism charges"."""
    lemma = token.lemma_.casefold()
    if lemma in OFFENCE_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "including", "over", "for", "related"):
                objects = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
                if objects:
                    return _offence_words(objects[0]) or noun_phrase(objects[0], stop_at_clause=True)
        # "baseless charges", "trumped-up charges" say what the speaker thinks of them, not what they are
        nouns = [c.i for c in token.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        judged = {t.i for c in token.children if c.dep_ == "amod" and not any(
            g.pos_ in ("NOUN", "PROPN") for g in c.subtree) and (c.tag_ in ("VBN", "VBG") or not any(
                n > c.i for n in nouns)) for t in c.subtree}  # "national security" classifies, "trumped-up" judges
        before = [t for t in token.subtree if t.i < token.i and t.dep_ not in ("det", "punct", "poss")
                  and t.lower_ not in ("criminal", "the", "new", "several", "multiple", "two", "three", "formal")
                  and not t.like_num and t.i not in judged]
        return " ".join(t.text for t in before) or None
    if lemma in NOT_OFFENCES or token.ent_type_ in ("GPE", "DATE", "PERSON", "MONEY", "CARDINAL", "ORG",
                                                     "NORP", "FAC", "TIME", "QUANTITY", "PERCENT"):
        return None
    if token.pos_ in ("PRON", "PROPN", "NUM"):
        return None
    return noun_phrase(token, stop_at_clause=True) or None


def find_offence(clause: Clause) -> str | None:
    trigger = clause.token
    # The trigger, its complement ("found guilty of"), and its charges ("faces charges of").
    heads = [trigger] + [c for c in trigger.children if c.dep_ in ("acomp", "oprd") or c.lower_ == "guilty" or (
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.casefold() in OFFENCE_NOUNS | {"sentence", "term"})]
    # "convicted in 2014 of smuggling": a phrase the parser hung on the date; "convicted activists A and B of".
    heads += [o for c in trigger.children if c.dep_ == "prep" for o in c.children if o.ent_type_ == "DATE"]
    heads += [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c not in heads]
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep":
                continue
            prep = child.lower_
            if prep == "to" and clause.lemma == "plead":
                prep = "of"  # "pleaded guilty to fraud"
            if prep not in ("of", "for", "with", "on", "over", "including") or (
                    prep == "with" and clause.trigger.type.name != "charge"):  # "arrested with his wife"
                continue
            for obj in child.children:
                if obj.dep_ not in ("pobj", "pcomp"):
                    continue
                if prep in ("on", "over") and obj.lemma_.casefold() not in OFFENCE_NOUNS:
                    continue
                words = _offence_words(obj)
                if words:
                    return words
        if head is not trigger and head.lemma_.casefold() in OFFENCE_NOUNS:
            words = _offence_words(head)
            if words:
                return words
    for token in clause.tokens:  # "by an American court on arms trafficking charges"
        if token.dep_ == "pobj" and token.head.lower_ in ("on", "over") and token.lemma_.casefold() in OFFENCE_NOUNS:
            words = _offence_words(token)
            if words:
                return words
    return None


def find_court(clause: Clause) -> str | None:
    candidates = list(clause.actors())
    candidates += [t for t in clause.tokens if t.dep_ == "pobj" and t.head.lower_ in ("in", "by")
                   and t.lemma_.casefold() in COURT_WORDS]
    for actor in candidates:
        if not any(word in actor.lower_ for word in COURT_WORDS):
            continue
        text = name_phrase(actor)
        if " " not in text and not any(c.dep_ == "prep" for c in actor.children):
            continue  # a bare "the court" names none
        located = [p for c in actor.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                   for o in c.children if o.dep_ == "pobj" and (p := place_name(o))]
        if located:
            text += f" in {located[0]}"
        return text
    return None


def find_term(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.dep_ == "pobj" and token.head.lower_ in ("to", "for"):
            value = parse_duration(" ".join(t.text for t in token.subtree))
            if value:
                return value
    for token in clause.tokens:  # "a 16-year sentence", "a term of 12 years"
        if token.lemma_.casefold() in ("sentence", "term") and token.pos_ == "NOUN":
            value = parse_duration(" ".join(t.text for t in token.subtree))
            if value:
                return value
    return None


def find_fine(clause: Clause) -> str | None:
    words = [t.text for t in clause.tokens if t.dep_ not in SUBJECTS or t.head.i != clause.token.i]
    return parse_money(" ".join(words))


def find_facility(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.lower_ == "arrest" and token.head.lower_ in ("under", "to") and any(
                c.lower_ == "house" for c in token.children):
            return "house arrest"
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


def find_origin(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.dep_ == "pobj" and token.head.lower_ == "from":
            place = place_name(token)
            if place:
                return places.country_of_place(place) or place
    if clause.lemma in ("abduct", "kidnap", "steal", "snatch", "abduction", "kidnapping", "seize"):
        for place in _located(clause):  # abducted in Yemen: taken from there
            return places.country_of_place(place) or place
    if clause.lemma in ("deport", "expel", "extradite", "hand", "repatriate"):
        state = find_state(clause)  # "Thai police deported X": taken from Thailand
        if state:
            return state
    head = clause.token.head
    if clause.token.dep_ == "conj" and verb_lemma(head) in FACT_TYPES["arrest"].verbs:
        # "arrested in Thailand and extradited to the US": taken from where the arrest was
        mine = {t.i for t in clause.token.subtree}
        for obj in head.subtree:
            if obj.i in mine or obj.dep_ != "pobj" or obj.head.lower_ not in PLACE_PREPOSITIONS or in_nested_clause(obj, head):
                continue
            place = place_name(obj)
            if place and places.country_of_place(place):
                return places.country_of_place(place)
    return None


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
                    if obj.dep_ == "pobj":
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
    if clause.trigger.type.name == "release":
        words = {t.lemma_.casefold() for t in clause.token.subtree}
        if {"serve", "complete"} & words and {"sentence", "term"} & words:
            return "end_of_term"
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


FINDERS = {
    schema.DATE: find_date, schema.PLACE: find_place, schema.COUNTRY: find_country, schema.STATE: find_state,
    schema.REQUESTER: find_requester, schema.OFFENCE: find_offence, schema.COURT: find_court,
    schema.TERM: find_term, schema.FINE: find_fine, schema.FACILITY: find_facility, schema.ORIGIN: find_origin,
    schema.DESTINATION: find_destination, schema.MANNER: find_manner, schema.COUNTERPART: find_counterpart,
    schema.AGENT: find_agent, schema.HELD_AT: find_held_at, schema.VISITED_AT: find_visited_at,
}


_COUNTRY_KINDS = {schema.COUNTRY, schema.STATE, schema.REQUESTER, schema.ORIGIN, schema.DESTINATION}


# Kinds read after the others because they use what the others found.
_LATE = (schema.COUNTRY,)


def arguments(clause: Clause) -> dict:
    fact_type = clause.trigger.type
    kinds = sorted(fact_type.arguments.items(), key=lambda item: item[1] in _LATE)
    for name, kind in kinds:
        finder = FINDERS.get(kind)
        if finder is None:
            continue
        value = finder(clause)
        if isinstance(value, str) and kind in _COUNTRY_KINDS:
            value = re.sub(r"^The ", "", value)  # "The Netherlands" -> "Netherlands"
        if value:
            clause.args[name] = value
    return clause.args
