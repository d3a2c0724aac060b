"""Case events from the dependency parse: who was arrested, moved, charged, convicted, sentenced,
held, freed, swapped or visited, with the arguments the clause gives.

A trigger (a verb, noun or phrase of a fact type, see ``schema``) is found first;
its patient comes from the grammar of its clause: the subject of a passive ("X was
arrested"), the object of an active ("police arrested X"), the noun a participle
or relative clause hangs on ("X, a businessman arrested in ...", "X, who was
abducted ...", "X, whom agents stole ..."), shared by coordinated verbs and taken
by a subjectless clause from the clause it depends on ("... after being convicted").
Arguments come from the trigger's own dependents, not from other events' clauses,
each by the finder its kind names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .. import places
from ..temporal import Anchor, parse_duration, parse_money, resolve_date
from . import schema
from .linking import Linker
from .schema import FACT_TYPES, MOVE_VERBS, FactType, Phrase

_MODALS = {"will", "would", "could", "can", "may", "might", "should", "must", "shall"}
# Nouns under which an event is only spoken of, not reported: "no chance of X being released".
_IRREALIS_NOUNS = {"chance", "chances", "opportunity", "possibility", "hope", "prospect", "demand",
                   "proposal", "offer", "plan", "attempt", "threat", "risk", "bid", "effort", "request",
                   "call", "calls", "push", "campaign", "fear", "fears", "danger"}
# Verbs under which an event named by a noun is wanted or feared, not reported: "demanded the release of X".
_IRREALIS_VERBS = {"demand", "seek", "want", "hope", "urge", "call", "push", "plan", "propose", "offer",
                   "negotiate", "discuss", "fear", "threaten", "oppose", "request", "press", "lobby", "expect",
                   "await", "face", "risk", "prevent", "block", "avoid", "resist", "appeal", "ask", "wish",
                   "pursue", "consider", "mull", "weigh", "try", "attempt", "approve", "authorize",
                   "authorise", "order", "allow", "permit", "grant", "sanction", "endorse", "back", "support",
                   "recommend", "challenge", "contest", "delay", "halt", "suspend", "postpone"}
_FACILITY_HEADS = {"prison", "jail", "gaol", "colony", "penitentiary", "centre", "center", "camp", "complex",
                   "facility", "institution", "cell", "barracks", "compound", "fortress", "jailhouse", "dungeon"}
_SITE_NOUNS = {"airport", "hotel", "station", "border", "crossing", "checkpoint", "port", "apartment", "home",
               "house", "office", "street", "square", "hospital", "park", "base", "embassy", "consulate", "restaurant",
               "market", "university", "terminal", "harbour", "harbor", "city", "court", "courthouse"}
_PLACE_NOUNS = {"city", "town", "village", "region", "province", "district", "capital", "port", "resort",
                "island", "state", "republic", "area", "oblast"}
_CRIME_VERBS = {"smuggle", "spy", "murder", "kill", "hack", "traffic", "launder", "defraud", "bribe", "assault",
                "embezzle", "steal", "sell", "supply", "plot", "attack", "finance", "fund"}
_NOT_OFFENCES = {"year", "month", "week", "day", "hour", "prison", "jail", "life", "imprisonment", "detention",
                 "confinement", "custody", "colony", "penalty", "fine", "term", "time", "camp", "request",
                 "warrant", "behalf", "part", "lack", "want", "reason", "exchange", "swap", "trade", "return",
                 "questioning", "interrogation", "investigation", "trial", "sentence", "release", "deportation",
                 "extradition", "period", "duration", "rest", "dollar", "euro", "rouble", "ruble"}
_OFFENCE_NOUNS = {"charge", "count", "accusation", "suspicion", "allegation"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "inside", "outside"}
_GROUP_WORDS = {"including", "among"}
_COURT_WORDS = ("court", "tribunal")
_DECIDERS = ("court", "tribunal", "judge", "jury", "prosecutor", "authorities", "police", "investigator")
_CUSTODY_WORDS = {"prison", "jail", "detention", "custody", "colony", "cell", "penitentiary", "consular",
                  "detainee", "prisoner", "inmate", "embassy", "consul"}
# Words of a detention story, without which "trade" is trade.
_DETENTION_WORDS = _CUSTODY_WORDS | {"hostage", "captive", "arrest", "detain", "convict", "sentence", "jail",
                                     "imprison", "spy", "espionage", "free", "release", "pardon", "jailed"}
# Words for people held or swapped: "a prisoner swap", "in exchange for the three men".
_PEOPLE = {"prisoner", "detainee", "hostage", "captive", "man", "woman", "people", "person", "citizen", "national",
           "inmate", "spy", "agent", "soldier", "convict"}
_RELATIVES = {"who", "whom", "that", "which"}
_SUBJECTS = ("nsubj", "nsubjpass")
# Verb forms the tagger reads as adjectives ("remained jailed", "the freed man"): word -> lemma.
_IRREGULAR = {"held": "hold", "kept": "keep", "stolen": "steal", "stole": "steal", "seized": "seize",
              "freed": "free", "caught": "catch"}


@dataclass
class RawFact:
    """An event found in one sentence, before it is written as a Fact."""

    type: str
    subject: int  # document entity
    args: dict = field(default_factory=dict)
    trigger: Token | None = None


@dataclass
class Trigger:
    token: Token
    type: FactType
    patient: str  # "object", "subject", "dative" (see schema), or "noun"
    present_only: bool = False


def _lemma(token: Token) -> str:
    return token.lemma_.casefold()


_KNOWN_VERBS = frozenset().union(*(t.verbs for t in FACT_TYPES.values()),
                                 *({p.verb for p in t.phrases} for t in FACT_TYPES.values()))


def verb_lemma(token: Token) -> str | None:
    """The verb a token is a form of, also where the tagger took a participle for an adjective."""
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP", "VB"):
        lemma = _lemma(token)
        if lemma not in _KNOWN_VERBS and token.lower_.endswith("ed"):  # "fined" lemmatised as "fin"
            for form in (token.lower_[:-1], token.lower_[:-2]):
                if form in _KNOWN_VERBS:
                    return form
        return lemma
    if token.pos_ == "ADJ" or (token.pos_ == "NOUN" and token.lower_.endswith("ed")):  # "those freed"
        word = token.lower_
        if word in _IRREGULAR:
            return _IRREGULAR[word]
        if word.endswith("ed"):
            for form in (word[:-1], word[:-2], word[:-3]):  # "freed", "jailed", "nabbed"
                if form in _KNOWN_VERBS:
                    return form
            return word[:-1] if word[:-2].endswith(("s", "c", "v", "u", "z", "g")) else word[:-2]
    return None


def _has_modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and (c.lower_ in _MODALS or c.tag_ == "TO") for c in token.children)


def is_factual(trigger: Token) -> bool:
    """False for events only wished, feared, denied or supposed."""
    if any(c.dep_ == "neg" for c in trigger.children) or _has_modal(trigger):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in trigger.children):
        return False
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in trigger.children):
        return False
    node = trigger
    # A relative clause or participle describes its noun as it is, whatever governs the noun.
    while node.dep_ not in ("relcl", "acl", "appos", "ROOT") and node.head.i != node.i:
        child, node = node, node.head
        if (node.pos_ == "NOUN" and node.lower_ in _IRREALIS_NOUNS) or (_has_modal(node) and node.pos_ in (
                "VERB", "AUX")):
            return False
        if trigger.pos_ == "NOUN" and (child.dep_ in ("dobj", "pobj", "xcomp") or child.dep_ == "prep" and
                                       child.lower_ == "for") and _lemma(node) in _IRREALIS_VERBS:
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return False
        if any(c.dep_ == "neg" for c in node.children) and node.pos_ in ("VERB", "AUX") and child.dep_ in (
                "xcomp", "ccomp", "dobj"):
            return False
    return True


def _is_passive(token: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    if any(c.dep_ == "nsubj" or (c.dep_ == "aux" and c.lemma_ == "have") for c in token.children):
        return False  # "they had deported X"
    return token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "conj", "advcl", "amod", "xcomp", "oprd",
                                                  "acomp", "ccomp", "pcomp")


def _is_present_state(token: Token) -> bool:
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
        return token.head.tag_ in ("VBZ", "VBP") or _is_present_state(token.head) or token.head.tag_ == "VBD"
    if token.lower_ in ("is", "are", "am", "remains", "remain"):
        return True
    return token.tag_ in ("VBZ", "VBP", "VBG") and token.dep_ in ("ROOT", "relcl", "acl")


def _phrase_matches(token: Token, phrase: Phrase) -> bool:
    if verb_lemma(token) != phrase.verb:
        return False
    children = list(token.children)
    if phrase.particle and not any(c.dep_ == "prt" and c.lower_ == phrase.particle for c in children):
        return False
    if phrase.complement and not any(t.lower_ == phrase.complement for t in token.subtree
                                     if t.head.i == token.i or t.head.head.i == token.i):
        return False
    if phrase.objects and not any(c.dep_ in ("dobj", "nsubjpass", "attr") and _lemma(c) in phrase.objects
                                  for c in children):
        return False
    if phrase.pp:
        prep, nouns = phrase.pp
        if not any(c.dep_ == "prep" and c.lower_ == prep and any(_lemma(o) in nouns for o in c.children)
                   for c in children):
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
                        if phrase.present_only and not _is_present_state(token):
                            continue
                        found.append(Trigger(token, fact_type, phrase.patient, phrase.present_only))
                        matched = True
            if matched:
                continue
            if lemma == "fine" and token.pos_ == "ADJ":
                continue
            for fact_type in FACT_TYPES.values():
                if lemma not in fact_type.verbs:
                    continue
                present = _is_present_state(token)
                if lemma in fact_type.present_only and not present:
                    continue
                if lemma in fact_type.past_only and present:
                    continue
                if fact_type.name == "charge" and lemma == "suspect" and not any(
                        c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                    continue
                if fact_type.name == "custody" and any(c.dep_ in ("acomp", "oprd") and c.lemma_ not in (
                        "hostage", "captive", "prisoner", "incommunicado") for c in token.children):
                    continue  # "held responsible", "kept quiet"
                found.append(Trigger(token, fact_type, schema.OBJECT))
        elif token.pos_ in ("NOUN", "PROPN") and token.tag_ in ("NN", "NNS", "NNP"):
            for fact_type in FACT_TYPES.values():
                if _lemma(token) in fact_type.nouns:
                    found.append(Trigger(token, fact_type, "noun"))
    return found


# ---------------------------------------------------------------- patients

def _with_conjuncts(token: Token) -> list[Token]:
    # "A and B": B's conjuncts; also an "A and" the parser hung on B as a modifier.
    hung = [c for c in token.children if c.dep_ in ("nmod", "npadvmod") and c.pos_ == "PROPN" and any(
        g.dep_ == "cc" and g.lower_ in ("and", "&") for g in c.children)]
    return [*hung, token, *(c for c in token.conjuncts if c.i > token.i)]


def _resolve_relative(token: Token, verb: Token) -> list[Token]:
    """"X, who was ...": the relative pronoun stands for the noun the clause hangs on."""
    if token.lower_ in _RELATIVES:
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ == "relcl":
            return [node.head]
        return []
    return _with_conjuncts(token)


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _orphan_subject(verb: Token) -> list[Token]:
    """A finite clause the parser left without its subject ("Novak, dubbed ..., had been serving"):
    the name that opens the sentence and has no other role in it."""
    for token in verb.sent:
        if token.i >= verb.i:
            break
        if token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "DATE") and token.dep_ in (
                "nsubj", "advmod", "npadvmod", "dep", "ROOT", "nmod", "meta"):
            return [token]
        if token.dep_ in ("pobj", "dobj") or token.pos_ in ("VERB", "AUX") and token.dep_ != "ROOT":
            return []
    return []


def _controller(verb: Token) -> list[Token]:
    """The subject a subjectless clause shares with the clause it hangs on ("X, after being convicted")."""
    if _is_finite(verb):
        return _orphan_subject(verb)
    node = verb
    for _ in range(4):
        if node.dep_ not in ("advcl", "pcomp", "xcomp", "conj", "prep") or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX") and _is_finite(node) and not any(c.dep_ in _SUBJECTS for c in node.children):
            return _orphan_subject(node)
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subjects:
            return _resolve_relative(subjects[0], node)
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            return [node.head]
    return []


def _among(token: Token) -> list[Token]:
    """"X and Y were among 16 people freed": the people the group is said to include."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "among" and node.head.head.lemma_ == "be":
        subjects = [c for c in node.head.head.children if c.dep_ in ("nsubj", "attr")]
        if subjects:
            return _with_conjuncts(subjects[0])
    return []


def patient_tokens(trigger: Trigger) -> list[Token]:
    """The tokens naming who the event happened to."""
    token = trigger.token
    if trigger.patient == "noun":
        if any(c.lower_ in ("house", "cardiac", "heart") and c.dep_ in ("compound", "amod") for c in token.children):
            return []  # "house arrest", "cardiac arrest"
        # "Trump's pardon of X": the "of" names who it happened to, the possessive who did it.
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for") and (child.lower_ == "of" or
                                                                          trigger.type.name != "exchange"):
                return [o for t in child.children if t.dep_ == "pobj" for o in _with_conjuncts(t)]
        owners = [c for c in token.children if c.dep_ == "poss"][:1]
        if owners and owners[0].lower_ == "whose":  # "X, whose arrest in 2020 ...": the relative clause's noun
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return [clause.head] if clause is not None else []
        return owners
    if trigger.patient == schema.SUBJECT:
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            return _resolve_relative(subjects[0], token)
        if token.dep_ in ("relcl", "acl") and token.tag_ == "VBG":  # "X, serving a sentence in ..."
            return [token.head]
        if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            heads = [c for c in token.head.children if c.dep_ in _SUBJECTS]
            return _resolve_relative(heads[0], token.head) if heads else []
        return _controller(token)
    if trigger.patient == schema.DATIVE:
        found = [c for c in token.children if c.dep_ in ("dative", "nsubjpass")] or [
            c for c in token.children if c.dep_ == "dobj" and c.lemma_.casefold() not in ("sentence", "term")]
        return _resolve_relative(found[0], token) if found else []
    # The object of the event.
    if verb_lemma(token) == "find":  # "found X guilty" / "X was found guilty"
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [s for c in token.children if c.lower_ == "guilty" for s in c.children if s.dep_ == "nsubj"]
        if objects:
            return _resolve_relative(objects[0], token)
    passive = _is_passive(token)
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if passive and not subjects and not objects:  # "X remained jailed", parsed with "remained" as auxiliary
        subjects = [c for c in token.children if c.dep_ == "nsubj"] or [
            s for aux in token.children if aux.dep_ in ("aux", "auxpass") for s in aux.children if s.dep_ == "nsubj"]
    chosen = subjects if subjects else (objects if not passive else [])
    if chosen:
        return _resolve_relative(chosen[0], token)
    if token.dep_ in ("acl", "amod") and (passive or token.pos_ == "ADJ" or token.dep_ == "amod"):
        # "a businessman arrested in ...", "the freed man"; also a verb the parser hung on its object.
        head = token.head
        nearer = [c for c in head.conjuncts if head.i < c.i < token.i]
        if token.dep_ == "acl" and nearer and token.doc[token.i - 1].text != ",":
            return [nearer[-1]]  # "X and a couple convicted of ...": the participle goes with the nearer noun
        return _among(head) or [head]
    if token.dep_ == "relcl" and passive:
        return [token.head]
    if token.dep_ == "pobj":  # "Among those freed was X"
        return _among(token)
    if token.dep_ in ("acomp", "oprd", "xcomp") and passive and token.head.lemma_ in ("remain", "stay", "be"):
        heads = [c for c in token.head.children if c.dep_ in _SUBJECTS]
        return _resolve_relative(heads[0], token.head) if heads else []
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") and not objects:
        # "was arrested ... and convicted": the second verb shares the first one's patient.
        head = token.head
        if any(c.dep_ == "nsubjpass" for c in head.children) or (passive and _is_passive(head)):
            return patient_tokens(Trigger(head, trigger.type, schema.OBJECT))
        if passive:  # "X fled to Beirut and was later arrested": the first verb's subject
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            return _resolve_relative(subjects[0], head) if subjects else []
        return []
    if passive:
        return _controller(token)
    return []


def _group_members(token: Token) -> list[Token]:
    """"the Russians released ...: A, B; C" and "the released Russians, including A" name their members."""
    members = []
    for child in token.subtree:
        if child.lower_ in _GROUP_WORDS and child.dep_ == "prep" and (child.head.i == token.i
                                                                      or child.head.head.i == token.i):
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


# ---------------------------------------------------------------- the trigger's clause

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
        return verb_lemma(self.token) or _lemma(self.token)

    def actors(self) -> list[Token]:
        """Who did it: the agent of a passive, the subject of an active verb."""
        agents = [t for c in self.token.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
        if self.trigger.patient in (schema.OBJECT, schema.DATIVE) and not _is_passive(self.token):
            agents += [c for c in self.token.children if c.dep_ == "nsubj"]
        if self.trigger.patient == "noun":
            agents += [t for c in self.token.children if c.dep_ == "prep" and c.lower_ == "by"
                       for t in c.children if t.dep_ == "pobj"]
        return agents


def _entity_text(token: Token) -> str:
    """The whole name a token is part of."""
    if token.ent_type_:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return re.sub(r"^[Tt]he\s+", "", ent.text)
    return " ".join(t.text for t in token.subtree if t.dep_ != "det")


def _phrase(token: Token, stop_at_clause: bool = False) -> str:
    """A noun phrase without its article ("Britain's MI6 agency", "drug smuggling")."""
    words = []
    for t in token.subtree:
        if t.dep_ == "det" and t.head.i == token.i or (t.dep_ == "punct" and t.i in (token.left_edge.i,
                                                                                     token.right_edge.i)):
            continue
        if stop_at_clause and t.i > token.i and t.head.i == token.i and (
                t.dep_ in ("relcl", "acl", "appos", "cc", "punct")
                or t.dep_ == "prep" and t.lower_ in ("in", "at", "on", "during", "since", "between", "from")):
            break  # the offence, not where or when it was committed
        words.append(t)
    text = "".join(t.text_with_ws for t in words).strip()
    return re.sub(r"\s+([’']s)\b", r"\1", text).strip(" ,;")


def _name_phrase(token: Token) -> str:
    """A noun with the modifiers before it ("Denver's federal district court"), without what follows."""
    words = [t for t in token.doc[token.left_edge.i:token.i + 1] if t.dep_ not in ("det", "punct")]
    return re.sub(r"\s+(’s|'s)\b", r"\1", " ".join(t.text for t in words))


def date_of(token: Token, anchor: Anchor) -> str | None:
    """The date a DATE name stands for; a name that runs on into other words ("2015 to 20 years",
    "December 2018, days") is read as its longest leading part that is a date."""
    for ent in token.doc.ents:
        if ent.label_ == "DATE" and ent.start <= token.i < ent.end:
            words = list(ent)
            for end in range(len(words), token.i - ent.start, -1):
                value = resolve_date(ent.doc[ent.start:ent.start + end].text, anchor)
                if value:
                    return value
            return None
    return None


def _nested(token: Token, trigger: Token) -> bool:
    """Whether a word belongs to a clause inside the trigger's ("for killing a man in Berlin in 2019")."""
    node = token.head
    while node.i != trigger.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            return True
        node = node.head
    return False


def _located(clause: Clause, nested: bool = False) -> list[str]:
    """Places the clause names with "in", "at" ...; with ``nested``, also those of clauses inside it."""
    out = []
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in _PLACE_PREPOSITIONS or (
                not nested and _nested(token, clause.token)):
            continue
        place = place_name(token)
        if place:
            out.append(place)
    return out


def place_name(token: Token) -> str | None:
    """A place a noun names: "Barcelona", "Moscow airport", "the city of Dandong"."""
    if token.ent_type_ in ("GPE", "LOC", "FAC") or places.country_named(_entity_text(token)):
        if token.ent_type_ == "FAC" and token.lemma_.casefold() in _FACILITY_HEADS:
            return None
        return _entity_text(token)
    if token.lemma_.casefold() in _PLACE_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                named = [o for o in child.children if o.dep_ == "pobj" and (
                    o.ent_type_ in ("GPE", "LOC") or o.pos_ == "PROPN" and o.ent_type_ not in ("PERSON", "DATE"))]
                if named:
                    return _entity_text(named[0])
    if token.pos_ == "NOUN" and token.lemma_.casefold() in _SITE_NOUNS:
        # "a Moscow hotel", "Abu Dhabi airport"
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and (
            c.ent_type_ in ("GPE", "LOC") or c.ent_type_ in ("ORG", "FAC") and c.pos_ == "PROPN")]
        if modifiers:
            return f"{_entity_text(modifiers[0])} {token.text}"
    return None


def _state(token: Token) -> str | None:
    """Who acted, as a state where the text names one: "the US", "American agents", "Russian police"."""
    if token.ent_type_ in ("GPE", "NORP"):
        return places.country(_entity_text(token))
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and (
                child.ent_type_ in ("GPE", "NORP") or places.country(child.text)):
            return places.country(_entity_text(child)) or places.country(child.text)
    return None


def _country_of(token: Token) -> str | None:
    """The country a noun phrase places itself in: "a Russian court", "a court in Antwerp"."""
    state = _state(token)
    if state:
        return state
    for t in token.subtree:
        if t.ent_type_ in ("GPE", "LOC") and t.i != token.i:
            country = places.country_of_place(_entity_text(t))
            if country:
                return country
    return None


# ---------------------------------------------------------------- finders, one per argument kind

def find_date(clause: Clause) -> str | None:
    for token in clause.tokens:
        if _nested(token, clause.token):
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
    if facility:
        for token in clause.tokens:
            if token.ent_type_ in ("GPE", "LOC") and (country := places.country_of_place(_entity_text(token))):
                return country
            if token.dep_ == "pobj" and token.lemma_.casefold() in _FACILITY_HEADS and (state := _state(token)):
                return state  # "a Polish detention facility"
    for actor in clause.actors():
        if any(word in _name_phrase(actor).casefold() for word in _DECIDERS):
            country = _country_of(actor)
            if country:
                return country
    for token in clause.tokens:  # "in a Moscow court", "by a Russian court"
        if token.dep_ == "pobj" and token.lemma_.casefold() in _COURT_WORDS:
            country = _country_of(token)
            if country:
                return country
    return None


def find_state(clause: Clause) -> str | None:
    for actor in clause.actors():
        state = _state(actor)
        if state:
            return state
    return None


def find_requester(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.lemma_.casefold() in ("request", "warrant", "behest") and token.head.lower_ in ("at", "on", "under"):
            for t in token.subtree:
                state = _state(t) if t.ent_type_ in ("GPE", "NORP") or t.i == token.i else None
                if state:
                    return state
    return None


def _offence_words(token: Token) -> str | None:
    """"espionage", "spying for Britain", "charges of drug trafficking", "terrorism charges"."""
    lemma = token.lemma_.casefold()
    if lemma in _OFFENCE_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "including", "over", "for", "related"):
                objects = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
                if objects:
                    return _offence_words(objects[0]) or _phrase(objects[0], stop_at_clause=True)
        before = [t for t in token.subtree if t.i < token.i and t.dep_ not in ("det", "punct", "poss")
                  and t.lower_ not in ("criminal", "the", "new", "several", "multiple", "two", "three", "formal")
                  and not t.like_num]
        return " ".join(t.text for t in before) or None
    if lemma in _NOT_OFFENCES or token.ent_type_ in ("GPE", "DATE", "PERSON", "MONEY", "CARDINAL", "ORG",
                                                     "NORP", "FAC", "TIME", "QUANTITY", "PERCENT"):
        return None
    if token.pos_ in ("PRON", "PROPN", "NUM"):
        return None
    return _phrase(token, stop_at_clause=True) or None


def find_offence(clause: Clause) -> str | None:
    trigger = clause.token
    # The trigger, its complement ("found guilty of"), and its charges ("faces charges of").
    heads = [trigger] + [c for c in trigger.children if c.dep_ in ("acomp", "oprd") or c.lower_ == "guilty" or (
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.casefold() in _OFFENCE_NOUNS | {"sentence", "term"})]
    # "convicted in 2014 of smuggling": a phrase the parser hung on the date; "convicted activists A and B of".
    heads += [o for c in trigger.children if c.dep_ == "prep" for o in c.children if o.ent_type_ == "DATE"]
    heads += [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c not in heads]
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep":
                continue
            prep = child.lower_
            if prep not in ("of", "for", "with", "on", "over", "including"):
                continue
            for obj in child.children:
                if obj.dep_ not in ("pobj", "pcomp"):
                    continue
                if prep in ("on", "over") and obj.lemma_.casefold() not in _OFFENCE_NOUNS:
                    continue
                words = _offence_words(obj)
                if words:
                    return words
        if head is not trigger and head.lemma_.casefold() in _OFFENCE_NOUNS:
            words = _offence_words(head)
            if words:
                return words
    for token in clause.tokens:  # "by an American court on arms trafficking charges"
        if token.dep_ == "pobj" and token.head.lower_ in ("on", "over") and token.lemma_.casefold() in _OFFENCE_NOUNS:
            words = _offence_words(token)
            if words:
                return words
    return None


def find_court(clause: Clause) -> str | None:
    candidates = list(clause.actors())
    candidates += [t for t in clause.tokens if t.dep_ == "pobj" and t.head.lower_ in ("in", "by")
                   and t.lemma_.casefold() in _COURT_WORDS]
    for actor in candidates:
        if not any(word in actor.lower_ for word in _COURT_WORDS):
            continue
        text = _name_phrase(actor)
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
    words = [t.text for t in clause.tokens if t.dep_ not in _SUBJECTS or t.head.i != clause.token.i]
    return parse_money(" ".join(words))


def find_facility(clause: Clause) -> str | None:
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in _PLACE_PREPOSITIONS | {"to"}:
            continue
        if token.lemma_.casefold() in _FACILITY_HEADS or token.ent_type_ == "FAC":
            if token.ent_type_ == "FAC" and token.lemma_.casefold() not in _FACILITY_HEADS:
                return _entity_text(token)
            if any(c.dep_ in ("compound", "amod", "poss", "nmod", "prep") for c in token.children):
                return _phrase(token)  # "Evin prison", not a bare "jail"
    return None


def find_held_at(clause: Clause) -> str | None:
    """Where a person is held: the town of the prison ("Evin prison in Tehran") or a place named outright;
    a country is the country argument's, not a place."""
    for token in clause.tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in _PLACE_PREPOSITIONS | {"to"}:
            continue
        if token.lemma_.casefold() in _FACILITY_HEADS or token.ent_type_ == "FAC":
            inner = [t for t in token.subtree if t.ent_type_ in ("GPE", "LOC") and t.i > token.i]
            if inner:
                return _entity_text(inner[0])
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
    located = [p for c in held for t in c.subtree if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPOSITIONS
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
            if obj.i in mine or obj.dep_ != "pobj" or obj.head.lower_ not in _PLACE_PREPOSITIONS or _nested(obj, head):
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
                        country = places.country_of_place(_entity_text(obj)) or _state(obj)
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
                token.head.head.i == clause.token.i or _lemma(token.head.head) in ("exchange", "swap", "trade")):
            members = _with_conjuncts(token)
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


def _keeps(clause: Clause) -> bool:
    """Guards against the other senses of a trigger word."""
    trigger, args = clause.trigger, clause.args
    for lemma, kind in trigger.type.requires.items():
        if clause.lemma == lemma and not any(v for k, v in args.items() if trigger.type.arguments.get(k) == kind):
            return False
    if trigger.type.name == "transfer" and clause.lemma in schema.NEEDS_COUNTRY and not _names_a_country(clause):
        return False  # "transferred to a penal colony", "to Chelsea": a move within a state, or no move of a state
    if trigger.type.name == "exchange":
        # A trade of players between teams is no swap of prisoners: a swap sends people to states.
        to_org = any(t.dep_ == "pobj" and t.head.lower_ == "to" and t.ent_type_ == "ORG" for t in clause.tokens)
        if to_org or (clause.lemma == "trade" and not any(
                t.lemma_.casefold() in _DETENTION_WORDS for t in clause.token.sent)):
            return False
    if clause.lemma == "fine":
        # "fined by the league" is no sentence; a court, a state or no one named is.
        for actor in clause.actors():
            if not any(word in _name_phrase(actor).casefold() for word in _DECIDERS) and not _state(actor):
                return False
    if trigger.type.name == "charge" and (clause.args.get("charge") or "").split()[-1:] in (
            ["foul"], ["fee"], ["interest"], ["penalty"]):
        return False  # "charged with a technical foul", "charged a fee"
    if trigger.type.name == "charge" and clause.lemma == "accuse" and trigger.patient == schema.OBJECT and \
            not _is_passive(clause.token):
        # "A accused B of lying" is a charge only when an authority accuses.
        accusers = [c for c in clause.token.children if c.dep_ == "nsubj"]
        if accusers and clause.linker.person(accusers[0]) is not None:
            return False
    return True


def _names_a_country(clause: Clause) -> bool:
    """Whether the clause moves someone to or from a country it names as such ("to France", "to the US")."""
    for token in clause.tokens:
        if token.dep_ == "pobj" and token.head.lower_ in ("to", "from", "into") and (
                places.country_named(_entity_text(token)) or _state(token)):
            return True
    return bool(find_state(clause))


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
    trigger_ids = {t.token.i for t in found}
    facts: list[RawFact] = []
    for trigger in found:
        if not is_factual(trigger.token):
            continue
        patients = patient_tokens(trigger)
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
                members = _among(token) or _group_members(token)
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
            if not _keeps(clause):
                continue
            if trigger.patient == "noun" and not args and any(p.pos_ == "PRON" for p in patients):
                continue  # "his conviction that ...": a pronoun's noun event needs some detail to be one
            if trigger.type.name == "exchange":
                if group and not args.get("counterpart"):
                    args["counterpart"] = [linker.ref(p) for p in group[person]]
                if trigger.patient == "noun" and not args.get("counterpart") and not any(
                        t.lemma_.casefold() in _PEOPLE or t.tag_ == "NNPS" for t in trigger.token.subtree):
                    continue  # "in exchange for his testimony" is no swap of people
            if trigger.type.name == "custody" and not trigger.present_only and trigger.patient == schema.OBJECT \
                    and not args and not _is_present_state(trigger.token):
                continue  # "held by rulers since July": a past detention with nothing to tell of it
            facts.append(RawFact(trigger.type.name, person, args, trigger.token))
            if trigger.type.name == "exchange" and not group:
                for counterpart in args.get("counterpart", []):
                    mirrored = {k: v for k, v in args.items() if k != "counterpart"}
                    mirrored["counterpart"] = [linker.ref(person)]
                    facts.append(RawFact("exchange", counterpart.entity, mirrored, trigger.token))
            if trigger.type.name == "custody" and "charge" not in trigger.type.arguments and \
                    trigger.patient == schema.OBJECT:
                charge = find_offence(clause)
                if charge:
                    extra = {"charge": charge, **({"country": args["country"]} if "country" in args else {})}
                    facts.append(RawFact("charge", person, extra, trigger.token))
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


def in_custody_context(tokens) -> bool:
    """Whether words speak of prison or detention (a visit there is a visit to a detainee)."""
    return any(t.lemma_.casefold() in _CUSTODY_WORDS for t in tokens)
