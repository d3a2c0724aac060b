"""Guards against the other senses of a trigger word: player trades, league fines, fees, moves within a state."""
from __future__ import annotations

from .. import places
from . import schema
from .actors import find_state
from .clause import Clause
from .grammar import entity_text, is_passive, name_phrase, state_of
from .moves import left_out_of
from .words import DECIDERS, DETENTION_WORDS, FACILITY_HEADS


def keeps_sense(clause: Clause) -> bool:
    """Guards against the other senses of a trigger word."""
    trigger, args = clause.trigger, clause.args
    for lemma, kind in trigger.type.requires.items():
        if clause.lemma == lemma and not any(v for k, v in args.items() if trigger.type.arguments.get(k) == kind):
            return False
    if trigger.type.name == "transfer" and clause.lemma in schema.NEEDS_COUNTRY and not _names_a_country(clause):
        return False  # "transferred to a penal colony", "to Chelsea": a move within a state, or no move of a state
    if trigger.type.name == "transfer" and clause.lemma in schema.CARRY_VERBS and (
            not args.get("to") or args.get("to") == args.get("from")):
        return False  # "arrested and taken to a police station", "... to Moscow" after an arrest in Russia
    if trigger.type.manners.get(clause.lemma) == "abduction" and any(
            t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.i == clause.token.i and
            t.lemma_.casefold() in FACILITY_HEADS for t in clause.tokens):
        return False  # "kidnapped in a US jail": held, not carried off
    if trigger.type.name == "exchange":
        # A trade of players between teams is no swap of prisoners: a swap sends people to states.
        to_org = any(t.dep_ == "pobj" and t.head.lower_ == "to" and t.ent_type_ == "ORG" for t in clause.tokens)
        if to_org or (clause.lemma == "trade" and not any(
                t.lemma_.casefold() in DETENTION_WORDS for t in clause.token.sent)):
            return False
    if clause.lemma == "fine":
        # "fined by the league" is no sentence; a court, a state or no one named is.
        for actor in clause.actors():
            if not any(word in name_phrase(actor).casefold() for word in DECIDERS) and not state_of(actor):
                return False
    if trigger.type.name == "charge" and (clause.args.get("charge") or "").split()[-1:] in (
            ["foul"], ["fee"], ["interest"], ["penalty"]):
        return False  # "charged with a technical foul", "charged a fee"
    if trigger.type.name == "charge" and clause.lemma == "accuse" and trigger.patient == schema.OBJECT and \
            not is_passive(clause.token):
        # "A accused B of lying" is a charge only when an authority accuses.
        accusers = [c for c in clause.token.children if c.dep_ == "nsubj"]
        if accusers and clause.linker.person(accusers[0]) is not None:
            return False
    return True


def _names_a_country(clause: Clause) -> bool:
    """Whether the clause moves someone to or from a country it names as such ("to France", "to the US")."""
    for token in clause.tokens:
        if token.dep_ == "pobj" and (token.head.lower_ in ("to", "from", "into") or left_out_of(token)) and (
                places.country_named(entity_text(token)) or state_of(token)):
            return True
    return bool(find_state(clause))
