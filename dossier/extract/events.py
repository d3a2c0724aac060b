"""Case events from the dependency parse: who was arrested, moved, charged, convicted, sentenced,
held, freed, swapped or visited, with the arguments the clause gives.

A trigger (``triggers``) is found first, then who it happened to (``patients``), then
its arguments from its own clause (``arguments``), and the other senses of its word
are ruled out (``senses``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .. import places
from ..temporal import Anchor
from . import schema
from .accusations import charges_by_noun
from .arguments import arguments
from .clause import Clause, own_tokens
from .grammar import country_of, entity_text, noun_phrase, verb_lemma
from .linking import Linker
from .offences import find_offence
from .patients import among_members, companions, group_members, patient_tokens
from .schema import FACT_TYPES
from .senses import keeps_sense
from .triggers import Trigger, is_factual, is_held_now, triggers
from .words import CRIME_VERBS, CUSTODY_WORDS, FACILITY_HEADS, OFFENCE_NOUNS, PEOPLE


_JAILING = {"jail", "imprison"}
# Verbs that only ever mean being held behind bars, whatever else the clause tells.
_HELD_ONLY = {"imprison", "incarcerate"}
_SPANS = {"year", "month", "week", "day"}
# Events told with the charge that brought them.
_CHARGED_WITH = ("arrest", "custody", "transfer")


@dataclass
class RawFact:
    """An event found in one sentence, before it is written as a Fact."""

    type: str
    subject: int  # document entity
    args: dict = field(default_factory=dict)
    trigger: Token | None = None
    # Where an argument was read from another sentence than the trigger's: argument -> a character offset
    # of the sentence that states it.
    sources: dict[str, int] = field(default_factory=dict)
    merged: list[Token] = field(default_factory=list)  # the triggers of other sentences telling the same event
    claimant: int | None = None  # who the article says asserts it, when it does not state it itself

    def source_of(self, argument: str) -> int:
        return self.sources.get(argument, self.trigger.idx)


def _counterparts_of_group(patients: list[int]) -> dict[int, list[int]]:
    return {p: [q for q in patients if q != p] for p in patients}


def _governing_verb(trigger: Trigger) -> tuple[Token | None, list[Token]]:
    """"released X in exchange for Y", "freed in a prisoner swap for Y": the verb the swap noun hangs on,
    and who it released (also where the parser hung the swap on the person: "released X in a swap")."""
    node = trigger.token
    if node.dep_ != "pobj" or node.head.dep_ != "prep":
        return None, []
    governor = node.head.head
    if verb_lemma(governor):
        return governor, patient_tokens(Trigger(governor, FACT_TYPES["release"], schema.OBJECT))
    if governor.pos_ in ("PROPN", "NOUN") and governor.dep_ in ("dobj", "nsubjpass") and verb_lemma(governor.head):
        return governor.head, [governor]
    return None, []


def find_events(sentence: Span, linker: Linker, anchor: Anchor) -> list[RawFact]:
    found = triggers(sentence)
    # Other events' clauses are not this one's; a trigger word with no patient of its own ("placed under
    # house arrest") is a word of this clause.
    trigger_ids = {t.token.i for t in found if t.patient != "noun" or patient_tokens(t)}
    facts: list[RawFact] = []
    for trigger in found:
        if not is_factual(trigger.token):
            continue
        patients = patient_tokens(trigger)
        if patients and trigger.patient != "noun":
            patients += companions(trigger.token)
        tokens = own_tokens(trigger.token, trigger_ids - {trigger.token.i}, patients)
        governing, governed = _governing_verb(trigger) if trigger.type.name == "exchange" and \
            trigger.patient == "noun" and not patients else (None, [])
        if governing is not None:  # the swap's patients, date and place are the governing verb's
            patients = governed
            tokens = sorted({*tokens, *own_tokens(governing, trigger_ids - {governing.i}, patients)},
                            key=lambda t: t.i)
        people: list[int] = []
        # "activists A and B": the names in apposition to a noun, with their conjuncts
        patients = patients + [c for t in patients if t.pos_ == "NOUN" for a in t.children
                               if a.dep_ == "appos" and a.pos_ == "PROPN" for c in a.conjuncts]
        for token in patients:
            members = [token]
            if linker.person(token) is None:
                members = among_members(token) or group_members(token)
            for member in members:
                person = linker.person(member)
                if person is not None and person not in people:
                    people.append(person)
        # "A and B were exchanged": each for the other; "A and B were freed in a swap" says nothing of that.
        group = _counterparts_of_group(people) if trigger.type.name == "exchange" and len(people) > 1 and \
            trigger.patient != "noun" else {}
        for person in people:
            clause = Clause(trigger, tokens, anchor, linker, person)
            args = arguments(clause)
            if not keeps_sense(clause):
                continue
            held = _held_before_release(trigger) if trigger.type.name == "release" else None
            if trigger.type.name == "release" and "place" not in args:
                left = (held or {}).get("place") or (held or {}).get("facility") or _state_left(trigger.token)
                if left:  # "freed from Evin prison", "his release from China": where they were freed
                    args["place"] = left
            if held is not None and not any(p.pos_ == "PRON" for p in patients):
                facts.append(RawFact("custody", person, held, trigger.token))
            if trigger.patient == "noun" and not args and any(p.pos_ == "PRON" for p in patients):
                continue  # "his conviction that ...": a pronoun's noun event needs some detail to be one
            stated = bool(args.get("counterpart"))  # "A and B were exchanged for C": C's swap is told too
            charged = _charge_told_with(clause, args)
            if charged is not None:  # told even where the event itself is not kept
                facts.append(RawFact("charge", person, charged, trigger.token))
                if trigger.type.name == "arrest":  # the charges an arrest was made on are the charge's
                    args.pop("charge", None)
            if trigger.type.name == "exchange":
                if group and not args.get("counterpart"):
                    args["counterpart"] = [linker.ref(p) for p in group[person]]
                if trigger.patient == "noun" and not args.get("counterpart") and not any(
                        t.lemma_.casefold() in PEOPLE or t.tag_ == "NNPS" for t in trigger.token.subtree):
                    continue  # "in exchange for his testimony" is no swap of people
            if trigger.type.name == "custody" and not trigger.present_only and trigger.patient == schema.OBJECT \
                    and not args and not is_held_now(trigger.token) and clause.lemma not in _HELD_ONLY and not (
                    _lasted(tokens) and clause.lemma not in _JAILING):
                # "held by rulers since July": a past detention with nothing to tell of it, unless how long;
                # "was imprisoned on spying charges" tells nothing but that someone was held
                continue
            if clause.lemma in _JAILING and not is_held_now(trigger.token):
                # "jailed for 16 years", "jailed in 2020 for fraud" tell a sentence; "was imprisoned in Belarus"
                # where someone was held.
                # "jailed on drug charges" is held while charged.
                sentenced = bool(args.get("term") or args.get("fine") or find_offence(clause) and not any(
                    t.lemma_.casefold() in OFFENCE_NOUNS for t in tokens))
                if (trigger.type.name == "sentence") != sentenced:
                    continue
            facts.append(RawFact(trigger.type.name, person, args, trigger.token))
            if trigger.type.name == "exchange" and stated:
                for counterpart in args.get("counterpart", []):
                    mirrored = {k: v for k, v in args.items() if k != "counterpart"}
                    mirrored["counterpart"] = [linker.ref(person)]
                    facts.append(RawFact("exchange", counterpart.entity, mirrored, trigger.token))
    facts.extend(_alleged_crimes(sentence, linker, trigger_ids))
    facts.extend(RawFact("charge", person, args, word) for person, args, word in
                 charges_by_noun(sentence, linker, anchor, trigger_ids))
    _share_verdict(facts)
    return facts


def _share_verdict(facts: list[RawFact]) -> None:
    """"sentenced in Sweden to life after being convicted of murder", "convicted of fraud and jailed for
    nine years": one verdict told by two verbs of a sentence, whose offence and country are the same."""
    verdicts = [f for f in facts if f.type in ("conviction", "sentence")]
    for fact in verdicts:
        for other in verdicts:
            a, b = fact.trigger, other.trigger
            if other.type == fact.type or other.subject != fact.subject or not (
                    a.is_ancestor(b) or b.is_ancestor(a) or a in b.conjuncts):
                continue
            for key in ("charge", "country"):
                if key in other.args and key not in fact.args:
                    fact.args[key] = other.args[key]



def _held_before_release(trigger: Trigger) -> dict | None:
    """"freed from Evin prison", "after his release from an Illinois prison": the prison a person left
    is where they were held."""
    for prep in trigger.token.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for prison in prep.children:
            if prison.dep_ != "pobj" or prison.lemma_.casefold() not in FACILITY_HEADS or not any(
                    c.dep_ in ("compound", "amod", "nmod", "poss") for c in prison.children):
                continue  # "released from jail" names no prison
            held = {"facility": noun_phrase(prison, stop_at_clause=True)}
            towns = [t for t in prison.subtree if t.ent_type_ in ("GPE", "LOC") and not places.country_named(t.text)]
            if towns:
                held["place"] = entity_text(towns[0])
            country = country_of(prison) or (places.country_of_place(held["place"]) if towns else None)
            if country:
                held["country"] = country
            return held
    return None


def _state_left(trigger: Token) -> str | None:
    """"released from Iran": the country or town a person was freed from."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for place in prep.children:
                if place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC"):
                    return entity_text(place)
    return None


def _lasted(tokens: list[Token]) -> bool:
    """"held for four years", "for months": the clause says how long the detention lasted."""
    return any(t.dep_ == "pobj" and t.head.lower_ == "for" and t.lemma_.casefold() in _SPANS for t in tokens)


def _charge_told_with(clause: Clause, args: dict) -> dict | None:
    """"arrested on charges of spying", "held on drug charges", "extradited to face fraud charges": the
    charge an event is told with is a charge of its own; its country is found with the article's other
    charges (``case_countries``). "Held for spying" is a charge still held against the person; "arrested for
    smuggling" tells why, not that a charge was brought."""
    kind = clause.trigger.type.name
    if kind not in _CHARGED_WITH or clause.trigger.patient == "noun":
        return None
    # "held for spying", but not "serving a term for spying" nor "jailed for fraud", a sentence
    held_for = kind == "custody" and clause.trigger.patient == schema.OBJECT and clause.lemma not in _JAILING
    if not held_for and not any(t.lemma_.casefold() in OFFENCE_NOUNS for t in clause.tokens):
        return None
    offence = args.get("charge") or find_offence(clause)
    if not offence:
        return None
    return {"charge": offence}


def _alleged_crimes(sentence: Span, linker: Linker, trigger_ids: set[int]) -> list[RawFact]:
    """"X, who allegedly smuggled technology": what someone is said to have done is a charge."""
    out = []
    for token in sentence:
        if token.i in trigger_ids or token.lemma_ not in CRIME_VERBS:
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


def in_custody_context(tokens) -> bool:
    """Whether words speak of prison or detention (a visit there is a visit to a detainee)."""
    return any(t.lemma_.casefold() in CUSTODY_WORDS for t in tokens)
