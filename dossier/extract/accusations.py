"""Charges a sentence tells by their noun rather than by a charge verb: "wanted in the US on drug charges",
"tried behind closed doors on spying charges", "awaits trial on a fraud charge", "his trial on charges of
spying", "the espionage charges against him", "denied charges that she stole", "extradited to face fraud
charges", "a key accused in the bombings".

Charges that hang on an event already found (an arrest, a sentence, "faces charges") are that event's, and
are read with it; these are the ones no trigger holds.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .. import places
from ..temporal import Anchor
from . import schema
from .arguments import arguments
from .clause import Clause, own_tokens
from .grammar import (
    has_modal,
    is_passive,
    lower_lemma,
    noun_phrase,
    place_name,
    resolve_relative,
    verb_lemma,
    with_conjuncts,
)
from .linking import Linker
from .offences import offence_of_charges
from .patients import patient_tokens
from .schema import FACT_TYPES
from .triggers import Trigger, is_factual
from .words import NOT_OFFENCES, OFFENCE_NOUNS, SUBJECTS

# Proceedings a person is the defendant of: "his trial on charges of spying", "a hearing on fraud charges".
_PROCEEDINGS = {"trial", "hearing", "case", "prosecution", "proceedings", "retrial", "indictment"}
# Verbs whose passive subject is held to answer a charge: "is wanted on", "was tried on", "was put on trial".
_ANSWERING = {"want", "try", "prosecute", "investigate", "question", "hold", "jail", "imprison", "detain"}


def _holder_of_proceedings(noun: Token) -> list[Token]:
    """Whose trial or hearing: its possessor ("his trial"), or who awaits or faces it ("X, awaiting trial")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return owners
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":  # "stood for trial"
        verb = verb.head
    if noun.dep_ not in ("dobj", "pobj") or verb_lemma(verb) is None:
        return []  # "his trial began": only a possessor says whose
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        return resolve_relative(subjects[0], verb)
    if verb.dep_ in ("acl", "relcl", "advcl", "conj") and verb.tag_ == "VBG":  # "X, held in Miami awaiting trial"
        return _participle_subject(verb)
    return []


def _participle_subject(verb: Token) -> list[Token]:
    node = verb
    for _ in range(3):
        if node.dep_ in ("acl", "relcl") and node.head.dep_ == "pobj" and node.head.head.dep_ == "prep":
            node = node.head.head.head  # "X was held in a jail awaiting trial": the participle is X's
            return [t for c in node.children if c.dep_ in SUBJECTS for t in resolve_relative(c, node)]
        if node.dep_ in ("acl", "relcl"):
            return [node.head]
        if node.dep_ not in ("advcl", "conj", "xcomp") or node.head.i == node.i:
            return []
        node = node.head
        subjects = [c for c in node.children if c.dep_ in SUBJECTS]
        if subjects:
            return resolve_relative(subjects[0], node)
    return []


def _governor(prep: Token) -> Token:
    """The word a charge phrase tells of, past the nouns and adjectives the parser hung it on: "tried behind
    closed doors on charges" is tried, "pleaded not guilty to charges" pleaded."""
    node = prep.head
    for _ in range(3):
        if node.pos_ == "ADJ" and node.dep_ in ("acomp", "oprd"):
            node = node.head
        elif node.pos_ == "NOUN" and lower_lemma(node) not in _PROCEEDINGS and node.dep_ == "pobj" and \
                node.head.dep_ == "prep":
            node = node.head.head
    return node


def _to_face(verb: Token) -> bool:
    """"extradited to face fraud charges", "could be sent home to face charges": whatever becomes of the move,
    the person faces the charges (unlike "could face charges")."""
    return verb_lemma(verb) == "face" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and \
        not any(c.dep_ == "neg" for c in verb.children)


def _charged_people(charges: Token) -> tuple[Token, list[Token], Token] | None:
    """The word whose clause gives the charge's country, who the charges are against, and the word the parse
    hangs them on (an event trigger there reads them itself)."""
    if charges.dep_ == "dobj" and _to_face(charges.head):  # its trigger reads it as a plan, not a charge
        return charges.head, patient_tokens(Trigger(charges.head, FACT_TYPES["charge"], schema.SUBJECT)), charges
    against = [o for c in charges.children if c.dep_ == "prep" and c.lower_ == "against"
               for o in c.children if o.dep_ == "pobj"]
    if against:  # "the espionage charges against him"
        return charges, with_conjuncts(against[0]), charges
    if charges.dep_ == "conj" and charges.head.dep_ == "pobj":  # "on drug trafficking and other charges"
        charges = charges.head
    if charges.dep_ != "pobj" or charges.head.lower_ not in ("on", "over", "to"):
        return None
    governor = _governor(charges.head)
    if charges.head.lower_ == "to":  # "pleaded not guilty to charges that ..."
        if verb_lemma(governor) != "plead" or not any(
                c.lower_ == "guilty" and any(g.dep_ == "neg" for g in c.children) for c in governor.children):
            return None
        # its conviction trigger is denied, not a reading of these charges
        return governor, [t for c in governor.children if c.dep_ in SUBJECTS for t in resolve_relative(c, governor)], \
            charges.head
    if lower_lemma(governor) in _PROCEEDINGS and governor.pos_ == "NOUN":
        return governor, _holder_of_proceedings(governor), governor
    trials = [c for c in governor.children if c.dep_ in ("nsubj", "dobj") and lower_lemma(c) in _PROCEEDINGS]
    if trials and verb_lemma(governor):  # "his trial began in December on charges", "awaiting trial on charges"
        return governor, _holder_of_proceedings(trials[0]), governor
    if verb_lemma(governor) in _ANSWERING and (is_passive(governor) or governor.dep_ == "acl" or (
            governor.dep_ == "conj" and is_passive(governor.head))):  # "was detained and tried on charges"
        return governor, patient_tokens(Trigger(governor, FACT_TYPES["charge"], schema.OBJECT)), governor
    return None


def _wanted_for(verb: Token) -> Token | None:
    """"wanted in Germany for fraud": the offence a person is sought for."""
    if verb_lemma(verb) != "want" or not (verb.tag_ == "VBN" and is_passive(verb) or verb.dep_ == "acl"):
        return None
    return next((o for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                 for o in c.children if o.dep_ in ("pobj", "pcomp") and o.lower_ not in NOT_OFFENCES), None)


def _accused_in(noun: Token) -> tuple[Token, list[Token]] | None:
    """"X, a key accused in the 2008 bombings": an accused of a crime is charged with it; (the crime, X). The
    parser also reads it as a participle of the adjective ("key", "main")."""
    if noun.lower_ != "accused" or not (noun.pos_ == "NOUN" or noun.dep_ == "acl" and noun.head.pos_ == "ADJ"):
        return None
    crimes = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"
              for o in c.children if o.dep_ == "pobj"]
    node = noun if noun.pos_ == "NOUN" else noun.head
    while node.dep_ == "conj":  # "X, a Canadian and a key accused in ..."
        node = node.head
    if not crimes or node.dep_ != "appos":
        return None
    return crimes[0], [node.head]


def _path(token: Token, governor: Token) -> list[Token]:
    """The words from the charges up to the word they hang on, both included."""
    path = [token]
    while path[-1].i != governor.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _stated(governor: Token) -> bool:
    """A charge told as real: not denied, feared or supposed ("could face trial on charges" is none); a trial
    awaited or sought still tells of the charges it is on."""
    if _to_face(governor):
        return True
    if governor.pos_ != "NOUN" and verb_lemma(governor) != "plead":  # a plea of not guilty answers a charge
        return is_factual(governor)
    verb = governor if governor.pos_ != "NOUN" else governor.head.head if governor.dep_ == "pobj" else governor.head
    return not has_modal(verb) and not any(c.dep_ == "neg" for c in verb.children) and not any(
        c.dep_ == "det" and c.lower_ in ("no", "any") for c in governor.children)


def _country(clause: Clause, charges: Token) -> dict:
    """The state that brings the charges: named with them ("U.S. fraud charges"), else where the clause
    tells they are heard, unless in an extradition case, heard in one state on another's charges."""
    named = [c for t in charges.subtree if t.i < charges.i and (
        c := places.country_of_demonym(t.text) or places.country_named(t.text))]
    if named:
        return {"country": named[0]}
    if _to_face(clause.token):  # "extradited to the United States to face charges": where they are sent
        named = [c for prep in clause.token.head.children if prep.dep_ == "prep" and prep.lower_ == "to"
                 for o in prep.children if o.dep_ == "pobj" and (c := places.country(place_name(o) or ""))]
        if named:
            return {"country": named[0]}
    if any(lower_lemma(t) in ("extradition", "extradite") for t in clause.tokens):
        return {}
    return {key: value for key, value in arguments(clause).items() if key == "country"}


def charges_by_noun(sentence: Span, linker: Linker, anchor: Anchor, trigger_ids: set[int]) -> list[tuple]:
    """(person, args, the word they are told by) of each charge the sentence tells without a charge verb; the
    date of a trial or a search is not the charge's, so none is given."""
    found = []
    for token in sentence:
        told = None
        if lower_lemma(token) in OFFENCE_NOUNS and token.pos_ == "NOUN":
            offence = offence_of_charges(token) or (  # "on drug trafficking and other charges"
                offence_of_charges(token.head) if token.dep_ == "conj" and token.head.dep_ == "pobj" else None)
            told = _charged_people(token) if offence else None
        elif (accused := _accused_in(token)) is not None:
            offence = noun_phrase(accused[0], stop_at_clause=True)
            told = (token, accused[1], None)  # a trigger word the parser found no one for
        elif (sought := _wanted_for(token)) is not None:
            offence = offence_of_charges(sought)
            told = (token, patient_tokens(Trigger(token, FACT_TYPES["charge"], schema.OBJECT)), token) \
                if offence else None
        if told is None:
            continue
        governor, holders, hung_on = told
        # an event found in the sentence reads its own charges; a charge denied or only feared is none
        if hung_on is not None and any(t.i in trigger_ids for t in _path(token, hung_on)) or \
                not _stated(governor) or any(
                c.dep_ == "det" and c.lower_ in ("no", "any") for c in token.children):
            continue
        trigger = Trigger(governor, FACT_TYPES["charge"], schema.OBJECT)
        for holder in holders:
            person = linker.person(holder)
            if person is None or linker.annotation.entities[person].name.isupper():
                continue  # an acronym ("DOJ") the tagger took for a name is no one charged
            clause = Clause(trigger, own_tokens(governor, trigger_ids, holders), anchor, linker, person)
            found.append((person, {"charge": offence, **_country(clause, token)}, governor))
    return found
