"""What a person is accused or convicted of, and what a court decided: the court, the prison term, the fine."""
from __future__ import annotations

import re

from spacy.tokens import Token

from .. import places
from ..temporal import parse_duration, parse_money
from .clause import Clause
from .grammar import (
    lower_lemma,
    name_phrase,
    noun_phrase,
    place_name,
)
from .words import (
    COURT_WORDS,
    NOT_OFFENCES,
    OFFENCE_NOUNS,
    SUBJECTS,
)


def _offence_words(token: Token) -> str | None:
    """"espionage", "spying for Britain", "charges of drug trafficking", "terrorism charges"."""
    lemma = token.lemma_.casefold()
    if lemma in OFFENCE_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "including", "over", "for", "related"):
                objects = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
                if objects:
                    return _offence_words(objects[0]) or noun_phrase(objects[0], stop_at_clause=True)
        # "trumped-up charges" judges them, "national security charges" classifies them
        nouns = [c.i for c in token.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        judged = {t.i for c in token.children if c.dep_ == "amod" and not any(
            g.pos_ in ("NOUN", "PROPN") for g in c.subtree) and (c.tag_ in ("VBN", "VBG") or not any(
                n > c.i for n in nouns)) for t in c.subtree}
        before = [t for t in token.subtree if t.i < token.i and t.dep_ not in ("det", "punct", "poss")
                  and t.lower_ not in ("criminal", "the", "new", "several", "multiple", "two", "three", "formal")
                  and not t.like_num and t.i not in judged]
        if all(t.pos_ == "ADJ" for t in before):
            return None  # "baseless charges", "federal charges": what is said of the charges, not the offence
        return " ".join(t.text for t in before)
    if lemma in NOT_OFFENCES or token.ent_type_ in ("GPE", "DATE", "PERSON", "MONEY", "CARDINAL", "ORG",
                                                     "NORP", "FAC", "TIME", "QUANTITY", "PERCENT"):
        return None
    if token.pos_ in ("PRON", "PROPN", "NUM"):
        return None
    if token.tag_ == "VBG":
        return _deed(token)
    return noun_phrase(token, stop_at_clause=True) or None


def _deed(gerund: Token) -> str | None:
    """"engaging in hostile acts that harm the state", "spying for Britain": what a gerund
    tells was done keeps its complements, up to where or when it was done ("smuggling drugs in Bali")."""
    cuts = [c.left_edge.i for c in gerund.children if c.i > gerund.i and (c.dep_ in ("advcl", "relcl") or (
        c.dep_ == "prep" and c.lower_ in _SETTINGS and any(
            o.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") for o in c.children)))]
    # "failing to declare it, an offence punished by ...": what is said of the offence
    cuts += [t.left_edge.i for t in gerund.subtree if t.dep_ == "appos" and t.i > gerund.i
             and "," in (t.doc[t.left_edge.i - 1].text, t.doc[t.left_edge.i - 2].text)]  # also ',"'
    start = min([gerund.i, *(c.i for c in gerund.children if c.dep_ in ("advmod", "neg") and c.i < gerund.i)])
    words = gerund.doc[start:min([gerund.right_edge.i + 1, *cuts])]
    return " ".join(re.sub(r"[\"“”]", " ", words.text).split()).strip(" ,;:'‘’") or None  # quotes are no words


# Prepositions of where and when a deed was done, which are no part of the offence.
_SETTINGS = {"in", "at", "on", "during", "since", "between", "from", "near"}
# Nouns for who commits an offence, which name it: "a convicted spy", "the convicted smuggler".
_OFFENDERS = {"spy", "smuggler", "trafficker", "murderer", "killer", "terrorist", "hacker", "fraudster", "bomber",
              "traitor", "rapist", "kidnapper", "poacher", "launderer", "embezzler", "thief", "mobster"}


def _offence_of_title(trigger: Token) -> str | None:
    """"convicted arms dealer Viktor Ross", "a convicted spy": the noun a verdict's participle qualifies says
    what for; "a convicted Russian businessman" does not."""
    if trigger.dep_ != "amod":
        return None
    noun = trigger.head
    named = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > trigger.i]
    if named and noun.pos_ == "NOUN":
        return " ".join(t.text for t in trigger.doc[named[0].i:noun.i + 1])
    return noun.text if lower_lemma(noun) in _OFFENDERS else None


def offence_of_charges(token: Token) -> str | None:
    """The offence a charge noun, or what a person is wanted for, names: "drug charges", "charges of fraud",
    "for fraud", and what the charge says happened: "charges that she stole funds by ..." is stole
    funds, "charges that the company broke US sanctions on Iran" broke US sanctions."""
    words = _offence_words(token)
    if words or lower_lemma(token) not in OFFENCE_NOUNS:
        return words
    for verb in token.children:
        if verb.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects:
                return f"{verb.text} {noun_phrase(objects[0], stop_at_clause=True)}"
    return None


def _gerund_before_charges(token: Token) -> str | None:
    """"on spying charges", which the parser reads as "on spying (the) charges": the gerund names the offence."""
    if token.tag_ != "VBG" or token.dep_ != "pcomp":
        return None
    charges = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.casefold() in OFFENCE_NOUNS]
    if not charges or any(t.pos_ not in ("NOUN", "ADJ", "PROPN") for t in token.doc[token.i + 1:charges[0].i]):
        return None
    return " ".join(t.text for t in token.doc[token.i:charges[0].i])


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
            if prep == "of" and head is trigger and clause.trigger.patient == "noun":
                continue  # "the arrest of the executive": whose arrest, not what for
            if prep == "to" and clause.lemma == "plead":
                prep = "of"  # "pleaded guilty to fraud"
            if prep not in ("of", "for", "with", "on", "over", "including") or (
                    prep == "with" and clause.trigger.type.name != "charge"):  # "arrested with his wife"
                continue
            for obj in child.children:
                if obj.dep_ not in ("pobj", "pcomp"):
                    continue
                if prep in ("on", "over") and obj.lemma_.casefold() not in OFFENCE_NOUNS:
                    if words := _gerund_before_charges(obj):
                        return words
                    continue
                words = _offence_words(obj)
                if words:
                    return words
        if head is not trigger and head.lemma_.casefold() in OFFENCE_NOUNS:
            words = _offence_words(head)
            if words:
                return words
    for token in clause.tokens:  # "by an American court on arms trafficking charges"
        if token.head.lower_ not in ("on", "over"):
            continue
        if token.dep_ == "pobj" and token.lemma_.casefold() in OFFENCE_NOUNS:
            words = _offence_words(token)
            if words:
                return words
        if words := _gerund_before_charges(token):
            return words
    return _offence_of_title(trigger)


def find_court(clause: Clause) -> str | None:
    candidates = list(clause.actors())
    candidates += [t for t in clause.tokens if t.dep_ == "pobj" and t.head.lower_ in ("in", "by")
                   and t.lemma_.casefold() in COURT_WORDS]
    for actor in candidates:
        if not any(word in actor.lower_ for word in COURT_WORDS):
            continue
        text = name_phrase(actor)
        named_by = [c for c in actor.children if c.i < actor.i and c.dep_ not in ("det", "punct")]
        if not any(c.dep_ == "prep" and c.lower_ in ("in", "of", "at") for c in actor.children) and all(
                places.country_of_demonym(c.text) for c in named_by):
            continue  # "the court", "a Russian court": the country's, naming no court
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
