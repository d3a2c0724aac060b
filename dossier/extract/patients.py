"""Patients: who an event happened to, by the grammar of the trigger's clause.

The subject of a passive ("X was arrested"), the object of an active ("police arrested X"), the noun a
participle or relative clause hangs on ("X, a businessman arrested in ...", "X, who was abducted ..."),
shared by coordinated verbs and taken by a subjectless clause from the clause it depends on
("... after being convicted"), and the members of groups ("among those freed were A and B").
"""
from __future__ import annotations

from spacy.tokens import Token

from . import schema
from .grammar import is_finite, is_passive, lower_lemma, resolve_relative, verb_lemma, with_conjuncts
from .linking import PERSON_NOUNS
from .rosters import count_of, listed_names
from .triggers import Trigger
from .words import GROUP_WORDS, PEOPLE, SUBJECTS

_NO_LONGER = {"former", "ex", "freed", "released", "onetime", "erstwhile"}
# Verbs of going somewhere that, with no object, tell where their subject went: "X moved to house arrest".
_SELF_MOVES = {"move", "return"}
# Words that give the size of a group of people: "the couple", "the two men", "both Canadians".
_GROUPS = {"couple": 2, "pair": 2, "duo": 2, "trio": 3}
_GROUP_LOOKBACK = 3  # sentences


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
    if is_finite(verb):
        return _orphan_subject(verb)
    node = verb
    for _ in range(4):
        if node.dep_ not in ("advcl", "pcomp", "xcomp", "conj", "prep", "acomp") or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX") and is_finite(node) and not any(c.dep_ in SUBJECTS for c in node.children):
            return _orphan_subject(node)
        subjects = [c for c in node.children if c.dep_ in SUBJECTS]
        if subjects:
            return resolve_relative(subjects[0], node)
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            return [node.head]
    return []


def _titled_name(title: Token) -> list[Token]:
    """"political prisoner X", "the detainee, X", "X, a hostage": the name a noun for a held person titles,
    while they are held ("former prisoner X", "the freed hostage X" are free)."""
    if title.tag_ != "NN" or any(c.dep_ in ("amod", "advmod") and c.lower_ in _NO_LONGER for c in title.children):
        return []
    if title.dep_ in ("compound", "appos") and title.head.pos_ == "PROPN":
        return [title.head]
    # the title itself, which the linker reads as naming its appositive as a person
    return [title] if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in title.children) else []


def _clause_subject(noun: Token) -> list[Token]:
    """"X was swapped after his release": a possessive in a phrase of a clause whose subject is named stands
    for that subject, whoever was named last before it."""
    if noun.dep_ != "pobj":
        return []  # "The president welcomed his release": the object of a verb is anyone's
    for node in noun.ancestors:
        if node.dep_ == "prep" and node.pos_ == "ADP" or node.tag_ == "VBG" and node.dep_ in ("prep", "pcomp"):
            continue  # "after", "following"
        subjects = [c for c in node.children if c.dep_ in SUBJECTS] if node.pos_ in ("VERB", "AUX") else []
        return [subjects[0]] if subjects and subjects[0].pos_ == "PROPN" else []
    return []


def among_members(token: Token) -> list[Token]:
    """"X and Y were among 16 people freed": the people the group is said to include."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "among" and node.head.head.lemma_ == "be":
        subjects = [c for c in node.head.head.children if c.dep_ in ("nsubj", "attr")]
        if subjects:
            return with_conjuncts(subjects[0])
    if node.dep_ == "nsubj" and node.head.lemma_ == "include":  # "Those freed include X and Y"
        objects = [c for c in node.head.children if c.dep_ in ("dobj", "attr")]
        if objects:
            return listed_names(objects[0])
    return []


def patient_tokens(trigger: Trigger) -> list[Token]:
    """The tokens naming who the event happened to."""
    token = trigger.token
    if trigger.patient == "noun":
        if lower_lemma(token) in schema.HELD_PEOPLE:
            return _titled_name(token)
        if any(c.lower_ in ("house", "cardiac", "heart") and c.dep_ in ("compound", "amod") for c in token.children):
            return []  # "house arrest", "cardiac arrest"
        if trigger.type.name == "visit":  # "a consular visit to X": not the visitor's possessive nor a place
            return [o for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                    for t in c.children if t.dep_ == "pobj" for o in with_conjuncts(t)]
        # "Trump's pardon of X": the "of" names who it happened to, the possessive who did it.
        named = _named_after_place(token)
        if named:
            return named
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for") and (child.lower_ == "of" or
                                                                          trigger.type.name != "exchange"):
                return [o for t in child.children if t.dep_ == "pobj" for o in with_conjuncts(t)]
        owners = [c for c in token.children if c.dep_ == "poss"][:1]
        if owners and owners[0].lower_ == "whose":  # "X, whose arrest in 2020 ...": the relative clause's noun
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return [clause.head] if clause is not None else []
        if owners and owners[0].lower_ in ("his", "her"):
            return _clause_subject(token) or owners
        if not owners and token.head.lower_ in ("after", "following", "upon") and not any(
                c.dep_ == "det" for c in token.children):  # "A and B flew home after release from China"
            return [n for s in _clause_subject(token) for n in with_conjuncts(s)]
        return owners
    if trigger.patient == schema.SUBJECT:
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects:
            return resolve_relative(subjects[0], token)
        if token.dep_ in ("relcl", "acl") and token.tag_ == "VBG":  # "X, serving a sentence in ..."
            return [token.head]
        if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            heads = [c for c in token.head.children if c.dep_ in SUBJECTS]
            return resolve_relative(heads[0], token.head) if heads else []
        return _controller(token)
    if trigger.patient == schema.DATIVE:
        if trigger.type.name == "visit":  # "the embassy was granted consular access to X": X is visited
            detainees = [o for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ == "access"
                         for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                         for t in p.children if t.dep_ == "pobj" for o in with_conjuncts(t)]
            if detainees:
                return detainees
        found = [c for c in token.children if c.dep_ in ("dative", "nsubjpass")] or [
            c for c in token.children if c.dep_ == "dobj" and c.lemma_.casefold() not in ("sentence", "term")]
        return resolve_relative(found[0], token) if found else []
    # The object of the event.
    if verb_lemma(token) == "find":  # "found X guilty" / "X was found guilty"
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [s for c in token.children if c.lower_ == "guilty" for s in c.children if s.dep_ == "nsubj"]
        if objects:
            return resolve_relative(objects[0], token)
    passive = is_passive(token)
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if passive and not subjects and not objects:  # "X remained jailed", parsed with "remained" as auxiliary
        subjects = [c for c in token.children if c.dep_ == "nsubj"] or [
            s for aux in token.children if aux.dep_ in ("aux", "auxpass") for s in aux.children if s.dep_ == "nsubj"]
    chosen = subjects if subjects else (objects if not passive else [])
    if not chosen and not passive and verb_lemma(token) in _SELF_MOVES:  # "X moved from prison to house arrest"
        chosen = [c for c in token.children if c.dep_ == "nsubj"]
    if chosen:
        return resolve_relative(chosen[0], token)
    if token.dep_ in ("acl", "amod") and (passive or token.pos_ == "ADJ" or token.dep_ == "amod" or
                                          token.tag_ == "VBD" and not objects):  # a participle tagged as past
        # "a businessman arrested in ...", "the freed man"; also a verb the parser hung on its object.
        if _set_off_name(token):
            return _set_off_name(token)
        head = token.head
        nearer = [c for c in head.conjuncts if head.i < c.i < token.i]
        if token.dep_ == "acl" and nearer and token.doc[token.i - 1].text != ",":
            return [nearer[-1]]  # "X and a couple convicted of ...": the participle goes with the nearer noun
        return among_members(head) or _appositive_name(head) or [head]
    if token.dep_ == "relcl" and passive:
        return [token.head]
    if token.dep_ == "pobj":  # "Among those freed was X"
        return among_members(token)
    if token.dep_ in ("acomp", "oprd", "xcomp") and passive and token.head.lemma_ in ("remain", "stay", "be"):
        heads = [c for c in token.head.children if c.dep_ in SUBJECTS]
        return resolve_relative(heads[0], token.head) if heads else []
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") and not objects:
        # "was arrested ... and convicted": the second verb shares the first one's patient.
        head = token.head
        if any(c.dep_ == "nsubjpass" for c in head.children) or (passive and is_passive(head)):
            return patient_tokens(Trigger(head, trigger.type, schema.OBJECT))
        if passive:  # "X fled to Beirut and was later arrested": the first verb's subject
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            return resolve_relative(subjects[0], head) if subjects else []
        return []
    if passive:
        return _set_off_name(token) or _controller(token)
    return []


def _named_after_place(noun: Token, depth: int = 0) -> list[Token]:
    """"the arrest in Vancouver of X", "the extradition from Cyprus to the US of X": the parser hangs "of X" on
    the last place; a person it names is the patient."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "from", "to") or depth > 2:
            continue
        for place in (t for t in prep.children if t.dep_ == "pobj" and t.ent_type_ in ("GPE", "LOC", "FAC")):
            for of in (c for c in place.children if c.dep_ == "prep" and c.lower_ == "of"):
                return [o for t in of.children if t.dep_ == "pobj" and t.ent_type_ == "PERSON"
                        for o in with_conjuncts(t)]
            named = _named_after_place(place, depth + 1)
            if named:
                return named
    return []


def _appositive_name(noun: Token) -> list[Token]:
    """"the mother of X, a teacher jailed in Iran": a description set off by a comma right after a name is
    that name's, wherever the parser hung it."""
    start = noun.left_edge.i
    if noun.dep_ != "appos" or start < 2 or noun.doc[start - 1].text != ",":
        return []
    name = noun.doc[start - 2]
    return [name] if name.ent_type_ == "PERSON" else []


def _set_off_name(participle: Token) -> list[Token]:
    """"... the extradition of Ivan Lebed, accused of fraud": a participle set off by a comma right after a
    name describes that name, wherever the parser hung it."""
    doc = participle.doc
    if participle.tag_ != "VBN" or participle.dep_ not in ("advcl", "acl") or participle.i < 2 or \
            doc[participle.i - 1].text != ",":
        return []
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in participle.children):
        return []
    name = doc[participle.i - 2]
    return [name] if name.pos_ == "PROPN" and name.ent_type_ not in ("GPE", "LOC", "DATE", "NORP") else []


def companions(trigger: Token) -> list[Token]:
    """"X was arrested along with Y", "indicted alongside A and B": who the event befell with its patient."""
    found = []
    for prep in trigger.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "with" and prep.doc[prep.i - 1].lower_ not in ("along", "together"):
            continue
        if prep.lower_ in ("along", "together"):
            prep = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        elif prep.lower_ not in ("alongside", "with"):
            continue
        if prep is not None:
            found += [n for o in prep.children if o.dep_ == "pobj" for n in with_conjuncts(o)]
    return found + [n for t in found if t.pos_ == "NOUN" for n in _appositive_names(t)]


def _appositive_names(noun: Token, depth: int = 0) -> list[Token]:
    """"two colleagues, A and a producer, B": the names a noun for people is given in apposition."""
    names = []
    for appos in (c for c in noun.children if c.dep_ == "appos"):
        for item in (appos, *appos.conjuncts):
            if item.pos_ == "PROPN":
                names.append(item)
            elif item.pos_ == "NOUN" and depth < 2:
                names += _appositive_names(item, depth + 1)
    return names


def group_members(token: Token) -> list[Token]:
    """"the Russians released ...: A, B; C", "the released Russians, including A" name their members; "the
    two men" or "the couple" those the sentence before names together."""
    members = []
    for child in token.subtree:
        if child.lower_ in GROUP_WORDS and child.dep_ == "prep" and (child.head.i == token.i
                                                                      or child.head.head.i == token.i):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    members.extend(with_conjuncts(obj))
    sentence = token.sent
    colon = next((t for t in sentence if t.i > token.i and t.text == ":"), None)
    if colon is not None and colon.i - token.i <= 8 and token.tag_ in ("NNS", "NNPS"):  # not "a statement ...: "
        for t in sentence[colon.i - sentence.start + 1:]:
            if t.pos_ == "PROPN" and t.dep_ not in ("compound",) and (t.head.i < colon.i or t.dep_ in
                                                                       ("appos", "conj", "ROOT", "npadvmod", "dep")):
                members.append(t)
    return members or _listed_after(token) or _group_named_before(token)


def _group_size(noun: Token) -> int | None:
    """How many people a group noun counts: "the couple", "the two men", "both Canadians"."""
    size = _GROUPS.get(lower_lemma(noun))
    if size is None and (noun.tag_ == "NNS" and lower_lemma(noun) in PERSON_NOUNS | PEOPLE or
                         noun.tag_ == "NNPS" and noun.ent_type_ == "NORP"):
        size = count_of(noun)
    return size


def _listed_after(noun: Token) -> list[Token]:
    """"the two Canadians detained in December, diplomat A and businessman B": as many names as the group
    counts, set off by a comma after its phrase and ending the sentence, are its members, wherever the parser
    hung them."""
    size, end = _group_size(noun), noun.right_edge.i + 1
    if size is None or end >= noun.sent.end or noun.doc[end].text != ",":
        return []
    rest = noun.doc[end + 1:noun.sent.end]
    names = [t for t in rest if t.ent_type_ == "PERSON" and t.dep_ != "compound"]
    if len(names) != size or any(t.pos_ in ("VERB", "AUX") for t in rest):
        return []
    return names


def _group_named_before(noun: Token) -> list[Token]:
    """"A and her boyfriend, B, were on a flight. The couple were detained": a group of a given size, as a
    subject, stands for as many people named together as the subject of a sentence shortly before."""
    size = _group_size(noun)
    sentence = noun.sent
    if size is None or noun.dep_ not in SUBJECTS or not any(
            c.dep_ in ("det", "predet") and c.lower_ in ("the", "both") for c in noun.children):
        return []
    for _ in range(_GROUP_LOOKBACK):  # "A and B landed. The two men flew on ... The two men had been freed"
        if sentence.start == 0:
            break
        sentence = noun.doc[sentence.start - 1].sent
        for subject in sentence:
            if subject.dep_ in SUBJECTS and subject.ent_type_ == "PERSON" and len(with_conjuncts(subject)) == size:
                # the parser may hang the name of "A and her husband, B" on A
                named = {n.i: n for t in (*with_conjuncts(subject), *subject.children) if t.dep_ != "compound"
                         and (n := _name_of(t)) is not None}
                if len(named) == size:
                    return list(named.values())
    return []


def _name_of(token: Token) -> Token | None:
    """A name, or the name in apposition to a noun ("her boyfriend, B"); which names a person is the linker's to say."""
    if _is_name(token):
        return token
    return next((c for c in token.children if c.dep_ == "appos" and _is_name(c)), None)


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC", "NORP", "DATE")
