"""Reading a dependency parse: verb forms, voice and tense, conjuncts, noun phrases, places, states, dates."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import places
from ..temporal import Anchor, resolve_date
from .schema import FACT_TYPES
from .words import FACILITY_HEADS, IRREGULAR, MODALS, PLACE_NOUNS, RELATIVES, SITE_NOUNS


def lower_lemma(token: Token) -> str:
    return token.lemma_.casefold()


_KNOWN_VERBS = frozenset().union(*(t.verbs for t in FACT_TYPES.values()),
                                 *({p.verb for p in t.phrases} for t in FACT_TYPES.values()))


def verb_lemma(token: Token) -> str | None:
    """The verb a token is a form of, also where the tagger took a participle for an adjective."""
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP", "VB"):
        lemma = lower_lemma(token)
        if lemma not in _KNOWN_VERBS and token.lower_.endswith("ed"):  # "fined" lemmatised as "fin"
            for form in (token.lower_[:-1], token.lower_[:-2]):
                if form in _KNOWN_VERBS:
                    return form
        return lemma
    if token.pos_ == "ADJ" or (token.pos_ == "NOUN" and token.lower_.endswith("ed")):  # "those freed"
        word = token.lower_
        if word in IRREGULAR:
            return IRREGULAR[word]
        if word.endswith("ed"):
            for form in (word[:-1], word[:-2], word[:-3]):  # "freed", "jailed", "nabbed"
                if form in _KNOWN_VERBS:
                    return form
            return word[:-1] if word[:-2].endswith(("s", "c", "v", "u", "z", "g")) else word[:-2]
    return None


def has_modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and (c.lower_ in MODALS or c.tag_ == "TO") for c in token.children)


def is_passive(token: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    if any(c.dep_ == "nsubj" or (c.dep_ == "aux" and c.lemma_ == "have") for c in token.children):
        return False  # "they had deported X"
    return token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "conj", "advcl", "amod", "xcomp", "oprd",
                                                  "acomp", "ccomp", "pcomp")


def is_present_state(token: Token) -> bool:
    """"is held", "is serving", "is currently imprisoned", "remains jailed": a state now, not an event."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had") for c in token.children):
        return False  # "was serving", "had been held": a state that has ended
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in token.children) and (
            token.lemma_ == "be" or any(c.dep_ == "prep" and c.lower_ == "since" for c in token.children)):
        return True  # "has been in jail since 2015", "has been detained since May"
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in ("is", "are", "am", "remains", "remain", "remained",
                                                                 "'s", "being"):
            if child.lower_ == "being" and not any(c.lower_ in ("is", "are", "am") for c in token.children):
                continue
            return True
    if token.dep_ in ("acomp", "oprd", "xcomp") and token.head.lemma_ in ("remain", "stay"):
        return token.head.tag_ in ("VBZ", "VBP") or is_present_state(token.head) or token.head.tag_ == "VBD"
    if token.lower_ in ("is", "are", "am", "remains", "remain"):
        return True
    return token.tag_ in ("VBZ", "VBP", "VBG") and token.dep_ in ("ROOT", "relcl", "acl")


def with_conjuncts(token: Token) -> list[Token]:
    # "A and B": B's conjuncts; also an "A and" the parser hung on B as a modifier.
    hung = [c for c in token.children if c.dep_ in ("nmod", "npadvmod") and c.pos_ == "PROPN" and any(
        g.dep_ == "cc" and g.lower_ in ("and", "&") for g in c.children)]
    # "A, B and C" parsed as A with B in apposition and C conjoined to B: a list of names all the same.
    listed = [n for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and token.pos_ == "PROPN"
              and c.conjuncts for n in (c, *c.conjuncts)]
    return [*hung, token, *(c for c in token.conjuncts if c.i > token.i), *listed]


def resolve_relative(token: Token, verb: Token) -> list[Token]:
    """"X, who was ...": the relative pronoun stands for the noun the clause hangs on."""
    if token.lower_ in RELATIVES:
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ == "relcl":
            return [_person_before_who(token) or node.head]
        return []
    if token.lower_ == "they":
        return _main_subjects(verb)
    return with_conjuncts(token)


def _person_before_who(pronoun: Token) -> Token | None:
    """"took measures against Chen, who is suspected of ...": "who" stands for a person, so for the name right
    before it where the parser hung its clause on a thing."""
    head = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), pronoun).head
    if pronoun.lower_ not in ("who", "whom") or head.pos_ != "NOUN" or head.ent_type_ == "PERSON":
        return None
    before = pronoun.doc[pronoun.i - 2] if pronoun.i > 1 and pronoun.doc[pronoun.i - 1].text == "," else None
    return before if before is not None and before.pos_ == "PROPN" and before.ent_type_ == "PERSON" else None


def _main_subjects(verb: Token) -> list[Token]:
    """"A and B were detained, then flown to Oslo, where they were tried": "they" of a clause inside
    a sentence whose subject names people stands for them."""
    node = verb
    while node.dep_ in ("relcl", "advcl", "conj", "pobj", "prep", "pcomp") and node.head.i != node.i:
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")] if node.pos_ in (
            "VERB", "AUX") else []
        if subjects:
            names = with_conjuncts(subjects[0])
            if subjects[0].tag_ == "NNS":  # "the executives – A, B and C – were jailed, ... where they"
                names = [n for a in subjects[0].children if a.dep_ == "appos" and a.pos_ == "PROPN"
                         for n in (a, *a.conjuncts)] or names
            return names if len(names) > 1 and all(n.pos_ == "PROPN" for n in names) else []
    return []


def is_finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def entity_span(token: Token) -> Span | None:
    """The name a token is part of, found from the token's own IOB tags: ``doc.ents`` is rebuilt from
    every token on each call, which a long article cannot afford once per word."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def entity_text(token: Token) -> str:
    """The whole name a token is part of."""
    ent = entity_span(token)
    if ent is not None:
        return re.sub(r"^[Tt]he\s+", "", ent.text)
    return " ".join(t.text for t in token.subtree if t.dep_ != "det")


def noun_phrase(token: Token, stop_at_clause: bool = False) -> str:
    """A noun phrase without its article ("Britain's MI6 agency", "drug smuggling")."""
    end = token.right_edge.i + 1
    # "a detention center until December 5": a time is never part of what the phrase names
    dated = [c.left_edge.i for c in token.children if c.i > token.i and c.dep_ == "prep" and any(
        o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj")]
    end = min([end, *dated])
    if stop_at_clause:  # the offence, not where or when it was committed, nor a clause about it
        cuts = [c.left_edge.i for c in token.children if c.i > token.i and (
            c.dep_ in ("relcl", "acl", "appos")
            or c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during", "since", "between", "from"))]
        end = min([end, *cuts])
    words = []
    for t in token.doc[token.left_edge.i:end]:
        if t.dep_ == "det" and t.head.i == token.i or (t.dep_ == "punct" and t.i in (token.left_edge.i, end - 1)):
            continue
        words.append(t)
    text = "".join(t.text_with_ws for t in words).strip()
    return re.sub(r"\s+([’']s)\b", r"\1", text).strip(" ,;")


def name_phrase(token: Token) -> str:
    """A noun with the modifiers before it ("Denver's federal district court"), without what follows."""
    words = [t for t in token.doc[token.left_edge.i:token.i + 1] if t.dep_ not in ("det", "punct")]
    return re.sub(r"\s+(’s|'s)\b", r"\1", " ".join(t.text for t in words))


def date_of(token: Token, anchor: Anchor) -> str | None:
    """The date a DATE name stands for; a name that runs on into other words ("2015 to 20 years",
    "December 2018, days") is read as its longest leading part that is a date."""
    ent = entity_span(token)
    if ent is None or ent[0].ent_type_ != "DATE":
        return None
    for end in range(len(ent), token.i - ent.start, -1):
        value = resolve_date(ent.doc[ent.start:ent.start + end].text, anchor)
        if value:
            return value
    return None


def in_nested_clause(token: Token, trigger: Token) -> bool:
    """Whether a word belongs to a clause inside the trigger's ("for killing a man in Berlin in 2019")."""
    node = token.head
    while node.i != trigger.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            return True
        node = node.head
    return False


COMPASS = {"north", "south", "east", "west"}


def place_name(token: Token) -> str | None:
    """A place a noun names: "Barcelona", "Moscow airport", "the city of Dandong", "the canton of Valais"."""
    if token.lemma_.casefold() in PLACE_NOUNS:  # before the tagger's reading of "Canton" as a city
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                # "the city of Ciudad Juarez", whatever person the tagger takes a town it knows for
                named = [o for o in child.children if o.dep_ == "pobj" and (
                    o.ent_type_ in ("GPE", "LOC") or o.pos_ == "PROPN" and o.ent_type_ not in ("PERSON", "DATE")
                    or o.pos_ == "PROPN" and places.country_of_place(entity_text(o)))]
                if named:
                    return entity_text(named[0])
    if token.ent_type_ in ("GPE", "LOC", "FAC") or places.country_named(entity_text(token)):
        if token.ent_type_ == "FAC" and token.lemma_.casefold() in FACILITY_HEADS or \
                entity_text(token).casefold() in COMPASS:  # "the North" stands for a state the text named
            return None
        return entity_text(token)
    if token.pos_ == "NOUN" and token.lemma_.casefold() in SITE_NOUNS:
        # "a Moscow hotel", "Abu Dhabi airport", "Vancouver's airport", "a Russian airport"
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss") and (
            c.ent_type_ in ("GPE", "LOC") or c.ent_type_ in ("ORG", "FAC") and c.pos_ == "PROPN"
            or c.ent_type_ == "NORP" and places.country_of_demonym(c.text))]
        if modifiers:
            return f"{entity_text(modifiers[0])} {token.text}"
    return None


def state_of(token: Token) -> str | None:
    """Who acted, as a state where the text names one: "the US", "American agents", "Russian police"."""
    if token.ent_type_ in ("GPE", "NORP"):
        return places.country(entity_text(token))
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and (
                child.ent_type_ in ("GPE", "NORP") or places.country(child.text)):
            return places.country(entity_text(child)) or places.country(child.text)
    return None


def country_of(token: Token) -> str | None:
    """The country a noun phrase places itself in: "a Russian court", "a court in Antwerp"."""
    state = state_of(token)
    if state:
        return state
    for t in token.subtree:
        if t.ent_type_ in ("GPE", "LOC") and t.i != token.i:
            country = places.country_of_place(entity_text(t))
            if country:
                return country
    return None
