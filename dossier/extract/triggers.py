"""Triggers: the words and phrases of ``schema`` that report an event, and whether the event is reported as real."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .. import places
from . import schema
from .grammar import has_modal, is_present_state, lower_lemma, place_name, verb_lemma
from .schema import FACT_TYPES, FactType, Phrase
from .words import IRREALIS_NOUNS, IRREALIS_PREPOSITIONS, IRREALIS_VERBS


@dataclass
class Trigger:
    token: Token
    type: FactType
    patient: str  # "object", "subject", "dative" (see schema), or "noun"
    present_only: bool = False


def is_factual(trigger: Token) -> bool:
    """False for events only wished, feared, denied or supposed."""
    if _was_allowed(trigger):  # "diplomats were allowed to see him": as real as the permission
        return is_factual(trigger.head)
    if any(c.dep_ == "neg" for c in trigger.children) or has_modal(trigger):
        return False
    if any(c.lower_ == "guilty" and any(g.dep_ == "neg" for g in c.children) for c in trigger.children):
        return False  # "pleaded not guilty", "was found not guilty"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in trigger.children):
        return False
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in trigger.children):
        return False
    node = trigger
    # A relative clause or participle describes its noun as it is, whatever governs the noun; a past
    # "when" clause tells what happened ("tried again, as in 2022 when X was freed").
    while node.dep_ not in ("relcl", "acl", "appos", "ROOT") and node.head.i != node.i and not _past_when(node):
        child, node = node, node.head
        if (node.pos_ == "NOUN" and node.lower_ in IRREALIS_NOUNS) or (has_modal(node) and node.pos_ in (
                "VERB", "AUX")):
            return False
        # "sought his extradition", "his extradition was approved": wanted or allowed, not done
        if trigger.pos_ == "NOUN" and (child.dep_ in ("dobj", "pobj", "xcomp", "nsubjpass") or child.dep_ == "prep"
                                       and child.lower_ == "for") and lower_lemma(node) in IRREALIS_VERBS:
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return False
        if node.lower_ in IRREALIS_PREPOSITIONS and child.dep_ in ("pobj", "pcomp"):
            return False  # "protested against his extradition", "held pending extradition"
        if any(c.dep_ == "neg" for c in node.children) and node.pos_ in ("VERB", "AUX") and child.dep_ in (
                "xcomp", "ccomp", "dobj"):
            return False
    return True


def _was_allowed(verb: Token) -> bool:
    """"were allowed to visit him", "was able to leave jail": a past permission or ability of the doer tells
    that they did it."""
    head = verb.head
    if verb.dep_ != "xcomp":
        return False
    if head.lower_ == "able" and head.dep_ == "acomp":
        return head.head.tag_ == "VBD" and not any(c.dep_ == "neg" for c in (*head.children, *head.head.children))
    return lower_lemma(head) in ("allow", "permit") and head.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in head.children)


def _past_when(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children) and \
        any(t.tag_ == "VBD" for t in (clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))))


# Verbs that tell a state in the present and an event in the past ("is detained", "was detained").
_STATE_VERBS = frozenset().union(*(t.present_only for t in FACT_TYPES.values()))
# Verbs of putting in prison that, as a state ("the jailed reporter"), tell only that someone is held.
_JAIL_VERBS = frozenset({"jail", "imprison", "incarcerate"})
_SPANS = frozenset({"year", "month", "week", "day", "decade"})


def _undated_participle(token: Token) -> bool:
    """"an American detained in Russia", "the teacher previously detained there", "the detained journalist": a
    participle on a noun that gives no time describes the person's state, not the day it began."""
    if token.dep_ == "amod":
        return token.i < token.head.i
    if token.dep_ != "acl" or token.tag_ not in ("VBN", "VBD") or any(c.dep_ == "dobj" for c in token.children):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def _held_for_a_while(token: Token) -> bool:
    """"has been detained in China for over a year": a perfect with how long it lasted is a state, not an event."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(t.ent_type_ == "DATE" or t.lemma_ in _SPANS for t in c.subtree)
        for c in token.children)


def is_held_now(token: Token) -> bool:
    """A state now rather than the event that began it: "is held", "the jailed reporter", "has been detained
    for a year"."""
    lemma = verb_lemma(token)  # "has been jailed for 16 years" is a sentence
    return is_present_state(token) or lemma in _STATE_VERBS | _JAIL_VERBS and _undated_participle(token) or \
        lemma in _STATE_VERBS and _held_for_a_while(token)


def refused_entry(verb: Token) -> str | None:
    """"was denied entry to Mexico and sent to Amsterdam": the country that turned a person away."""
    if verb_lemma(verb) not in ("deny", "refuse"):
        return None
    for entry in verb.children:
        if entry.dep_ == "dobj" and entry.lower_ == "entry":
            for place in (p for prep in entry.children if prep.lower_ in ("to", "into") for p in prep.children):
                name = place_name(place) if place.dep_ == "pobj" else None
                if name and places.country_of_place(name):
                    return places.country_of_place(name)
    return None


def _carried_after_arrest_or_refusal(token: Token) -> bool:
    """"arrested in Haiti and flown to New York", "denied entry to Mexico and sent to Amsterdam": a verb of
    carrying somewhere, after an arrest or a refused entry, moves that person (whether a border was crossed is
    the destination's to tell)."""
    if verb_lemma(token) not in schema.CARRY_VERBS or not any(c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                                             for c in token.children):
        return False
    return token.dep_ in ("conj", "advcl") and verb_lemma(token.head) in FACT_TYPES["arrest"].verbs or \
        token.dep_ == "conj" and refused_entry(token.head) is not None


def _names_one_of(noun: Token, nouns: frozenset[str]) -> bool:
    """"jail", "a detention centre", "prison camp IK-17": a noun, or its compound, of the list."""
    return lower_lemma(noun) in nouns or noun.lower_ in nouns or any(
        c.dep_ == "compound" and lower_lemma(c) in nouns for c in noun.children)


def _phrase_matches(token: Token, phrase: Phrase) -> bool:
    if verb_lemma(token) != phrase.verb:
        return False
    children = list(token.children)
    if phrase.particle and not any(c.dep_ == "prt" and c.lower_ == phrase.particle for c in children):
        return False
    # the complement of this verb, not of a verb under it ("set to walk free" is not "set free")
    if phrase.complement and not any(t.lower_ == phrase.complement for t in token.subtree
                                     if t.head.i == token.i or t.head.head.i == token.i and
                                     t.head.pos_ not in ("VERB", "AUX")):
        return False
    if phrase.objects and not any(c.dep_ in ("dobj", "nsubjpass", "attr") and lower_lemma(c) in phrase.objects
                                  for c in children):
        return False
    if phrase.subjects:  # also the doers a past permission names: "his lawyers were allowed to see him"
        subjects = [c for c in children if c.dep_ == "nsubj"] or (
            [c for c in token.head.children if c.dep_ == "nsubjpass"] if _was_allowed(token) else [])
        if not any(lower_lemma(t) in phrase.subjects for s in subjects for t in s.subtree) or not any(
                c.dep_ == "dobj" and c.pos_ in ("PRON", "PROPN") for c in children):
            return False
    if phrase.pp:
        prep, nouns = phrase.pp
        # also on a duration the verb takes: "spent 300 days in detention"
        heads = children + [g for c in children if c.dep_ in ("dobj", "npadvmod") for g in c.children]
        if not any(c.dep_ == "prep" and c.lower_ == prep and any(_names_one_of(o, nouns) for o in c.children)
                   for c in heads):
            return False
    return True


def triggers(sentence: Span) -> list[Trigger]:
    found: list[Trigger] = []
    for token in sentence:
        lemma = verb_lemma(token)
        matched = False
        if lemma:
            for fact_type in FACT_TYPES.values():
                for phrase in fact_type.phrases:
                    if _phrase_matches(token, phrase):
                        if phrase.present_only and not is_present_state(token):
                            continue
                        found.append(Trigger(token, fact_type, phrase.patient, phrase.present_only))
                        matched = True
            if matched:
                continue
            if _carried_after_arrest_or_refusal(token):
                found.append(Trigger(token, FACT_TYPES["transfer"], schema.OBJECT))
                continue
            if lemma == "fine" and token.pos_ == "ADJ":
                continue
            for fact_type in FACT_TYPES.values():
                if lemma not in fact_type.verbs:
                    continue
                present = is_held_now(token)
                if lemma in fact_type.present_only and not present:
                    continue
                if lemma in fact_type.past_only and present and not _held_for_a_while(token):
                    continue  # "is detained" is held; "has been detained for a year" also tells an arrest
                if fact_type.name == "charge" and lemma == "suspect" and not any(
                        c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                    continue
                if fact_type.name == "custody" and any(c.dep_ in ("acomp", "oprd") and c.lemma_ not in (
                        "hostage", "captive", "prisoner", "incommunicado") for c in token.children):
                    continue  # "held responsible", "kept quiet"
                found.append(Trigger(token, fact_type, schema.OBJECT))
        elif token.pos_ in ("NOUN", "PROPN") and token.tag_ in ("NN", "NNS", "NNP"):
            for fact_type in FACT_TYPES.values():
                if lower_lemma(token) in fact_type.nouns:
                    found.append(Trigger(token, fact_type, "noun"))
    return found
