"""Case events from the dependency parse: who was arrested, moved, charged, convicted, sentenced,
held, freed, swapped or visited, with the arguments the clause gives.

A trigger (a verb or noun of a fact type, see ``schema``) is found first; its
patient comes from the grammar of its clause: the subject of a passive ("X was
arrested"), the object of an active ("police arrested X"), the noun a participle
or relative clause hangs on ("X, a businessman arrested in ...", "X, who was
abducted ...", "X, whom agents stole ..."), shared by coordinated verbs. Arguments
come from the trigger's own dependents, not from other events' clauses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..temporal import Anchor, parse_duration, parse_money, resolve_date
from .. import places
from .linking import Linker
from .schema import FACT_TYPES, MOVE_VERBS, RELEASE_MANNER, TRANSFER_MANNER, FactType

_MODALS = {"will", "would", "could", "can", "may", "might", "should", "must", "shall"}
# Nouns under which an event is only spoken of, not reported: "no chance of X being released".
_IRREALIS_NOUNS = {"chance", "chances", "opportunity", "possibility", "hope", "prospect", "demand",
                   "proposal", "offer", "plan", "attempt", "threat", "risk", "bid", "effort", "request"}
_FACILITY_HEADS = {"prison", "jail", "gaol", "colony", "penitentiary", "centre", "center", "camp", "complex",
                   "facility", "institution", "cell", "barracks", "compound", "fortress"}
_CRIME_VERBS = {"smuggle", "spy", "murder", "kill", "hack", "traffic", "launder", "defraud", "bribe", "assault",
                "embezzle", "steal", "sell", "supply", "plot", "attack", "finance", "fund"}
_NOT_OFFENCES = {"year", "month", "week", "day", "prison", "jail", "life", "imprisonment", "detention",
                 "confinement", "custody", "colony", "penalty", "fine", "term", "time", "camp"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "inside", "outside"}
_GROUP_WORDS = {"including", "among"}


@dataclass
class RawFact:
    """An event found in one sentence, before it is written as a Fact."""

    type: str
    subject: int  # document entity
    args: dict = field(default_factory=dict)
    trigger: Token | None = None


def _lemma(token: Token) -> str:
    return token.lemma_.casefold()


def _has_modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and (c.lower_ in _MODALS or c.tag_ == "TO") for c in token.children)


def is_factual(trigger: Token) -> bool:
    """False for events only wished, feared, denied or supposed."""
    if any(c.dep_ == "neg" for c in trigger.children) or _has_modal(trigger):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in trigger.children):
        return False
    node = trigger
    # A relative clause or participle describes its noun as it is, whatever governs the noun.
    while node.dep_ not in ("relcl", "acl", "appos", "ROOT") and node.head.i != node.i:
        node = node.head
        if node.lower_ in _IRREALIS_NOUNS or (_has_modal(node) and node.pos_ in ("VERB", "AUX")):
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return False
    return True


def _is_passive(token: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "conj", "advcl", "amod")


def _is_present_state(token: Token) -> bool:
    """"is held", "is serving", "is currently imprisoned": a state now, not an event."""
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in ("is", "are", "am", "remains", "remain"):
            return True
    return token.tag_ in ("VBZ", "VBP", "VBG") and token.dep_ in ("ROOT", "relcl")


def _triggers(sentence: Span) -> list[tuple[Token, FactType]]:
    found = []
    for token in sentence:
        lemma = _lemma(token)
        if token.pos_ in ("VERB", "AUX") or token.tag_ == "VBN":
            if lemma == "find" and any(c.dep_ in ("oprd", "acomp", "ccomp") and c.lower_ == "guilty"
                                       for c in token.subtree):
                found.append((token, FACT_TYPES["conviction"]))
                continue
            for fact_type in FACT_TYPES.values():
                if lemma in fact_type.verbs:
                    if lemma in fact_type.present_only and not _is_present_state(token):
                        continue
                    if fact_type.name == "arrest" and lemma == "detain" and _is_present_state(token):
                        continue
                    if lemma == "suspect" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                        continue
                    if fact_type.name == "custody" and lemma == "serve" and not any(
                            c.lemma_ in ("sentence", "term") for c in token.subtree):
                        continue
                    found.append((token, fact_type))
        elif token.pos_ == "NOUN":
            for fact_type in FACT_TYPES.values():
                if lemma in fact_type.nouns:
                    found.append((token, fact_type))
    return found


# ---------------------------------------------------------------- patients

def _relative_antecedent(verb: Token) -> Token | None:
    if verb.dep_ == "relcl":
        return verb.head
    return None


def patient_tokens(trigger: Token, is_noun: bool) -> list[Token]:
    """The tokens naming who the event happened to."""
    if is_noun:
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                return [t for t in child.children if t.dep_ == "pobj"]
            if child.dep_ == "poss":
                return [child]
        return []
    if _lemma(trigger) == "find":  # "found X guilty" / "X was found guilty"
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        # "found X guilty" parsed as a small clause: X is the subject of "guilty".
        objects += [s for c in trigger.children if c.lower_ == "guilty" for s in c.children if s.dep_ == "nsubj"]
        if objects:
            return _with_conjuncts(objects[0])
    passive = _is_passive(trigger)
    subjects = [c for c in trigger.children if c.dep_ == "nsubjpass"]
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    chosen = subjects if passive else objects
    if chosen:
        head = chosen[0]
        if head.lower_ in ("who", "whom", "that", "which") and _relative_antecedent(trigger) is not None:
            return [_relative_antecedent(trigger)]
        return _with_conjuncts(head)
    if trigger.dep_ in ("acl", "amod") and passive:  # "a businessman arrested in ..."
        return [trigger.head]
    if trigger.dep_ == "relcl" and passive:
        return [trigger.head]
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):  # "arrested ... and convicted"
        return patient_tokens(trigger.head, False)
    return []


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if c.i > token.i)]


def _group_members(token: Token) -> list[Token]:
    """"the Russians released ...: A, B; C" and "the released Russians, including A" name their members."""
    members = []
    for child in token.subtree:
        if child.lower_ in _GROUP_WORDS and child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    members.extend(_with_conjuncts(obj))
    sentence = token.sent
    colon = next((t for t in sentence if t.i > token.i and t.text == ":"), None)
    if colon is not None and colon.i - token.i <= 8:
        for t in sentence[colon.i - sentence.start + 1:]:
            if t.pos_ == "PROPN" and t.dep_ not in ("compound",) and (t.head.i < colon.i or t.dep_ in
                                                                       ("appos", "conj", "ROOT", "npadvmod", "dep")):
                members.append(t)
    return members


# ---------------------------------------------------------------- arguments

def _own_tokens(trigger: Token, triggers: set[int]) -> list[Token]:
    """The trigger's clause without the clauses of other events or coordinated verbs."""
    out, stack = [], list(trigger.children)
    while stack:
        token = stack.pop()
        if token.i in triggers or (token.dep_ == "conj" and token.pos_ == "VERB"):
            continue
        if token.dep_ in ("relcl", "acl", "appos") and token.head.i != trigger.i:
            continue
        out.append(token)
        stack.extend(token.children)
    return sorted(out, key=lambda t: t.i)


def _entity_text(token: Token) -> str:
    """The whole name a token is part of."""
    doc = token.doc
    if token.ent_type_:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent.text.removeprefix("the ").removeprefix("The ")
    return " ".join(t.text for t in token.subtree if t.dep_ != "det")


def _phrase(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ not in ("det", "poss", "punct") or t.i == token.i]
    return " ".join(t.text for t in words).strip()


def _name_phrase(token: Token) -> str:
    """A noun with the modifiers before it ("Seattle's federal district court"), without what follows."""
    words = [t for t in token.doc[token.left_edge.i:token.i + 1] if t.dep_ not in ("det", "punct")]
    return re.sub(r"\s+(’s|'s)\b", r"\1", " ".join(t.text for t in words))


def _dates(tokens: list[Token], anchor: Anchor) -> list[str]:
    seen, out = set(), []
    for token in tokens:
        if token.ent_type_ != "DATE":
            continue
        for ent in token.doc.ents:
            if ent.label_ == "DATE" and ent.start <= token.i < ent.end and ent.start not in seen:
                seen.add(ent.start)
                value = resolve_date(ent.text, anchor)
                if value:
                    out.append(value)
    return out


def _state(token: Token) -> str | None:
    """Who acted, as a state where the text names one: "the US", "American agents", "Russian police"."""
    if token.ent_type_ in ("GPE", "NORP"):
        return places.country(_entity_text(token))
    for child in token.children:
        if child.ent_type_ in ("GPE", "NORP") and child.dep_ in ("amod", "compound", "poss"):
            return places.country(_entity_text(child))
    return None


def _places(tokens: list[Token], prepositions: set[str]) -> list[str]:
    out = []
    for token in tokens:
        if token.dep_ == "pobj" and token.head.lower_ in prepositions and (
                token.ent_type_ in ("GPE", "LOC", "FAC") or places.country_named(_entity_text(token))):
            out.append(_entity_text(token))
    return out


def _charge(tokens: list[Token], trigger: Token) -> str | None:
    for token in tokens:
        if token.dep_ not in ("pobj", "pcomp") or token.head.dep_ != "prep":
            continue
        prep = token.head.lower_
        if prep in ("on", "over") and token.lemma_ in ("charge", "count", "accusation", "suspicion"):
            words = [t.text for t in token.subtree if t.i < token.i and t.dep_ not in ("det", "punct")]
            return " ".join(words) or None
        if prep in ("of", "for", "with") and token.ent_type_ not in ("GPE", "DATE", "PERSON", "MONEY", "CARDINAL"):
            if token.lemma_ in _NOT_OFFENCES:
                continue
            return _phrase(token)
    return None


def _custody_place(tokens: list[Token]) -> tuple[str | None, list[str]]:
    facility, found = None, []
    for token in tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in _PLACE_PREPOSITIONS | {"to"}:
            continue
        if token.lemma_.casefold() in _FACILITY_HEADS or token.ent_type_ == "FAC":
            facility = " ".join(t.text for t in token.subtree if t.dep_ != "det")
            # "Evin prison in Tehran": the place is what follows the prison's name, not its name.
            found.extend(_entity_text(t) for t in token.subtree if t.ent_type_ in ("GPE", "LOC") and t.i > token.i)
        elif token.ent_type_ in ("GPE", "LOC"):
            found.append(_entity_text(token))
            found.extend(_entity_text(t) for t in token.conjuncts)
            found.extend(_entity_text(t) for t in token.children if t.dep_ == "appos" and t.ent_type_ == "GPE")
    return facility, list(dict.fromkeys(found))


def _add_country(args: dict, candidates: list[str]) -> None:
    for candidate in candidates:
        country = places.country_of_place(candidate)
        if country:
            args.setdefault("country", country)
            return


def arguments(fact_type: FactType, trigger: Token, tokens: list[Token], anchor: Anchor, linker: Linker,
              patient: int) -> dict:
    name, args = fact_type.name, {}
    dates = _dates(tokens, anchor)
    if dates and "date" in fact_type.arguments:
        args["date"] = dates[0]
    agents = [t for c in trigger.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    located = _places(tokens, _PLACE_PREPOSITIONS)
    if name == "arrest":
        if located:
            args["place"] = located[0]
            _add_country(args, located)
        for actor in agents + subjects:
            state = _state(actor)
            if state:
                args["by"] = state
                break
        requested = [t for t in tokens if t.lemma_ == "request" and t.head.lower_ in ("at", "on")]
        for request in requested:
            states = [s for t in request.subtree if (s := _state(t))]
            if states:
                args["requested_by"] = states[0]
        charge = _charge(tokens, trigger)
        if charge:
            args["charge"] = charge
    elif name == "transfer":
        args["manner"] = TRANSFER_MANNER.get(_lemma(trigger))
        origins = _places(tokens, {"from", "in"})
        if origins:
            args["from"] = places.country_of_place(origins[0]) or origins[0]
        destination = _destination(trigger, tokens)
        if destination:
            args["to"] = destination
    elif name in ("charge", "conviction", "sentence"):
        charge = _charge(tokens, trigger)
        if charge:
            args["charge"] = charge
        for actor in agents + subjects:
            text = _name_phrase(actor)
            if "court" in text.casefold() or "judge" in text.casefold() or "jury" in text.casefold():
                if "court" in text.casefold() and "court" in fact_type.arguments:
                    args["court"] = text
                country = _state(actor) or next((places.country_of_place(_entity_text(t)) for t in actor.subtree
                                                 if t.ent_type_ == "GPE"), None)
                if country:
                    args["country"] = country
        if located:
            _add_country(args, located)
        if name == "sentence":
            term = next((d for t in tokens if t.dep_ == "pobj" and t.head.lower_ in ("to", "for")
                         and (d := parse_duration(" ".join(x.text for x in t.subtree)))), None)
            if term:
                args["term"] = term
            fine = parse_money(" ".join(t.text for t in tokens if t.head.i != trigger.i or t.dep_ != "nsubj"))
            if fine:
                args["fine"] = fine
        args = {k: v for k, v in args.items() if k in fact_type.arguments}
    elif name == "custody":
        facility, found = _custody_place(tokens)
        if facility:
            args["facility"] = facility
        if found:
            args["place"] = found[0]
            _add_country(args, found)
    elif name == "release":
        manner = RELEASE_MANNER.get(_lemma(trigger))
        if manner is None:
            manner = next((RELEASE_MANNER[t.lemma_] for t in tokens if t.lemma_ in RELEASE_MANNER), None)
        if manner:
            args["manner"] = manner
        if located:
            args["place"] = located[0]
    elif name == "exchange":
        counterparts = [p for t in tokens if t.dep_ == "pobj" and t.head.lower_ == "for"
                        for member in _with_conjuncts(t) if (p := linker.person(member)) is not None and p != patient]
        if counterparts:
            args["counterpart"] = [linker.ref(p) for p in dict.fromkeys(counterparts)]
        if located:
            args["place"] = located[0]
    elif name == "visit":
        visitor = _visitor(trigger, linker)
        if visitor is not None and visitor != patient:
            args["visitor"] = linker.ref(visitor)
        if not located:  # "visiting X, who is held in Butner": the visit was where X is held
            held = [c for t in tokens if t.dep_ in ("dobj", "pobj") for c in t.children if c.dep_ == "relcl"]
            located = [p for clause in held for p in _places(list(clause.subtree), _PLACE_PREPOSITIONS)]
        if located:
            args["place"] = located[0]
    return {k: v for k, v in args.items() if v}


def _destination(trigger: Token, tokens: list[Token]) -> str | None:
    """"... and taken to the US", "forcibly took to the American territory", "extradited to the US"."""
    candidates = [trigger, *trigger.conjuncts]
    if trigger.dep_ == "relcl":
        candidates += [t for t in trigger.head.children if t.dep_ == "acl" and t.lemma_ in MOVE_VERBS]
    for verb in candidates:
        if verb is not trigger and verb.lemma_ not in MOVE_VERBS:
            continue
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "into"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        country = places.country_of_place(_entity_text(obj)) or _state(obj)
                        if country:
                            return country
    return None


def _visitor(trigger: Token, linker: Linker) -> int | None:
    """Who visited: the verb's subject, or the subject of the clause it sits in ("X said after visiting Y")."""
    for token in [trigger, *trigger.ancestors]:
        for child in token.children:
            if child.dep_ == "nsubj":
                return linker.person(child) if child.ent_type_ != "ORG" else None
    return None


def find_events(sentence: Span, linker: Linker, anchor: Anchor) -> list[RawFact]:
    triggers = _triggers(sentence)
    trigger_ids = {t.i for t, _ in triggers}
    facts: list[RawFact] = []
    for trigger, fact_type in triggers:
        if not is_factual(trigger):
            continue
        is_noun = trigger.pos_ == "NOUN"
        tokens = _own_tokens(trigger, trigger_ids - {trigger.i})
        for token in patient_tokens(trigger, is_noun):
            people = [token]
            if linker.person(token) is None:
                people = _group_members(token)
            for person_token in people:
                patient = linker.person(person_token)
                if patient is None:
                    continue
                args = arguments(fact_type, trigger, tokens, anchor, linker, patient)
                facts.append(RawFact(fact_type.name, patient, args, trigger))
                if fact_type.name == "exchange":
                    for counterpart in args.get("counterpart", []):
                        mirrored = {k: v for k, v in args.items() if k != "counterpart"}
                        mirrored["counterpart"] = [linker.ref(patient)]
                        facts.append(RawFact("exchange", counterpart.entity, mirrored, trigger))
                if fact_type.name == "custody":
                    charge = _charge(tokens, trigger)
                    if charge:
                        extra = {"charge": charge, **({"country": args["country"]} if "country" in args else {})}
                        facts.append(RawFact("charge", patient, extra, trigger))
    facts.extend(_alleged_crimes(sentence, linker, trigger_ids))
    return facts


def _alleged_crimes(sentence: Span, linker: Linker, trigger_ids: set[int]) -> list[RawFact]:
    """"X, who allegedly smuggled technology": what someone is said to have done is a charge."""
    out = []
    for token in sentence:
        if token.i in trigger_ids or token.lemma_ not in _CRIME_VERBS:
            continue
        if not any(c.lower_ in ("allegedly", "reportedly", "purportedly") for c in token.children):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.lower_ in ("who", "that") and token.dep_ == "relcl":
            subject = token.head
        person = linker.person(subject)
        if person is not None:
            words = [t for t in token.subtree if t.dep_ not in ("nsubj", "advmod", "punct") and
                     not (t.dep_ in ("advcl", "prep") and t.head.i == token.i)]
            phrase = " ".join(t.text for t in words if t.i >= token.i and t.head.i >= token.i)
            out.append(RawFact("charge", person, {"charge": phrase or token.lemma_}, token))
    return out
