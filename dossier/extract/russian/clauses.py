"""Triggers and who they happened to: the patient of a passive, an active verb, a participle or a noun."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import schema
from ..schema import FACT_TYPES
from .vocabulary import FUTURE_AUX, IRREALIS, NEGATIONS
from .words import children_of, feat, is_in, lemma_of, preposition_of


def is_passive(token: Token) -> bool:
    if feat(token, "Voice") == "Pass" or children_of(token, "nsubj:pass", "aux:pass"):
        return True
    # natasha may tag a long passive participle active: "приговорённый", "задержанного"
    return feat(token, "VerbForm") == "Part" and bool(re.search(
        r"(нн|т)(ый|ого|ому|ым|ом|ая|ой|ую|ое|ые|ых|ыми|ий|ее|ие|их)$", token.lower_))


def _clause_words(token: Token) -> list[Token]:
    """The words of the verb's clause and of the verbs conjoined with it and its participle's."""
    words = list(token.subtree)
    for conj in token.conjuncts:
        if conj.pos_ in ("VERB", "AUX", "ADJ"):
            words += list(conj.subtree)
    if token.dep_ == "conj":
        words += [c for c in token.head.children if c.dep_ not in ("conj", "nsubj", "nsubj:pass", "obj")]
    return words


def _phrase_matches(token: Token, words: frozenset[str]) -> bool:
    near = [c for c in _clause_words(token) if c.head.i == token.i or c.head.head.i == token.i or (
        c.head.i in {x.i for x in token.conjuncts})]
    return any(is_in(c, words) for c in near)


class Trigger:
    def __init__(self, token: Token, fact_type, patient: str):
        self.token, self.type, self.patient = token, fact_type, patient


def triggers(sentence: Span) -> list[Trigger]:
    found = []
    for token in sentence:
        lemma = lemma_of(token)
        for fact_type in FACT_TYPES.values():
            words = fact_type.russian
            if token.pos_ in ("VERB", "AUX", "ADJ"):
                phrased = [(v, w, p) for v, w, p in words.phrases if v.replace("ё", "е") == lemma]
                matched = [p for _, w, p in phrased if _phrase_matches(token, w)]
                if matched:
                    found.append(Trigger(token, fact_type, matched[0]))
                elif lemma in {v.replace("ё", "е") for v in words.verbs}:
                    found.append(Trigger(token, fact_type, schema.OBJECT if fact_type.name != "custody" or
                                         not lemma.endswith("ся") else schema.SUBJECT))
            elif token.pos_ == "NOUN" and is_in(token, words.nouns) and preposition_of(token) not in ("под", "из-под"):
                # "под домашний арест", "из-под ареста" name the state held in, not an arrest
                found.append(Trigger(token, fact_type, "noun"))
    return found


def is_factual(token: Token) -> bool:
    """False for events denied, wished, feared, planned or asked for, or still to come."""
    node = token
    for _ in range(6):
        if any(c.dep_ == "advmod" and lemma_of(c) in NEGATIONS for c in node.children):
            return False
        if any(c.dep_ in ("aux", "aux:pass") and (c.lower_ in FUTURE_AUX or lemma_of(c) == "бы")
               for c in node.children):
            return False
        if any(c.dep_ == "mark" and lemma_of(c) in ("если", "чтобы", "ли") for c in node.children):
            return False
        if node is not token and is_in(node, IRREALIS):
            return False
        if node.dep_ in ("acl", "acl:relcl", "ROOT", "appos", "parataxis") or node.head.i == node.i:
            break
        node = node.head
    return not (token is not node and is_in(node, IRREALIS))


def _subjects(token: Token) -> list[Token]:
    subjects = children_of(token, "nsubj", "nsubj:pass")
    if subjects:
        return subjects
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX", "ADJ"):
        return _subjects(token.head)
    if token.dep_ in ("acl", "acl:relcl", "amod") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [token.head]
    if token.dep_ == "xcomp":
        return _subjects(token.head)
    return []


def patients(trigger: Trigger) -> list[Token]:
    token = trigger.token
    if trigger.patient == "noun":
        owners = [c for c in token.children if c.dep_ in ("nmod", "det") and (
            feat(c, "Case") == "Gen" or c.pos_ in ("PRON", "DET")) and not preposition_of(c)]
        return owners[:1]
    if trigger.patient == schema.SUBJECT:
        return _subjects(token)
    if trigger.patient == schema.DATIVE:
        datives = [c for c in token.children if c.dep_ in ("iobj", "obl", "obj") and feat(c, "Case") == "Dat"
                   and not preposition_of(c)]
        return datives[:1]
    if is_passive(token):
        sentence = token.sent
        subjects = [c for c in children_of(token, "nsubj:pass", "nsubj") if sentence.start <= c.i < sentence.end]
        if subjects:
            return subjects[:1]
        if token.dep_ in ("acl", "amod", "acl:relcl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [token.head]
        if token.dep_ == "conj":
            return patients(Trigger(token.head, trigger.type, trigger.patient))
        # "Бывший заместитель акима ... Ержан Сапаров, находившийся в розыске, задержан": a nominative the
        # parser left as a root of its own before the verb is its subject
        cut = [t for t in token.sent if t.i < token.i and t.head.i == t.i and t.pos_ in ("NOUN", "PROPN")
               and feat(t, "Case") == "Nom"]
        return cut[-1:] if token.head.i == token.i else []
    objects = [c for c in token.children if c.dep_ == "obj"]
    # "отправил под домашний арест гражданина Литвы": an accusative person the parser hung on the oblique
    objects = objects or [g for c in token.children if c.dep_ == "obl" for g in c.children if g.dep_ == "nmod"
                          and not preposition_of(g) and feat(g, "Case") == "Acc" and feat(g, "Animacy") == "Anim"]
    # "Ланина посещала консул": beside a nominative subject, a person in another case is the object
    subjects = children_of(token, "nsubj")
    if not objects and any(feat(c, "Case") == "Nom" for c in subjects):
        objects = [c for c in subjects if feat(c, "Case") in ("Acc", "Gen") and feat(c, "Animacy") == "Anim"]
    # "Уиткомба приговорили": a plural verb with no subject of its own; the one person taken for it is the object
    if not objects and feat(token, "Number") == "Plur" and len(subjects) == 1 and \
            feat(subjects[0], "Number") == "Sing" and feat(subjects[0], "Animacy") == "Anim" and \
            not children_of(subjects[0], "conj"):
        objects = subjects
    # "Сомова Германия выдала США": of two subjects, beside a state that acts, the person is the object
    if not objects and len(subjects) > 1 and any(c.ent_type_ in ("GPE", "ORG") for c in subjects):
        objects = [c for c in subjects if c.ent_type_ not in ("GPE", "LOC", "ORG") and feat(c, "Animacy") == "Anim"]
    # "его освободили ..., а 8 марта депортировали": an object before both coordinated verbs is each one's
    objects = objects or [o for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"
                          for o in c.children if o.dep_ == "obj" and o.i < token.i]
    if objects:
        return objects[:1]
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        return patients(Trigger(token.head, trigger.type, trigger.patient))
    return []


def adopted(token: Token) -> list[Token]:
    """Words the parser hung across a participle's commas: "Уиткомб, осужденный ... к 9,5 годам колонии,
    отбывает" — the term is the participle's; "Бергманн, оштрафованный ..., депортирован в Германию" —
    where to is the verb's."""
    if token.dep_ not in ("acl", "amod") or feat(token, "VerbForm") != "Part":
        return [t for t in token.doc[token.i + 1:token.sent.end] if t.head.i < token.i and not t.is_punct
                and t.head.dep_ in ("acl", "amod") and feat(t.head, "VerbForm") == "Part"
                and t.dep_ in ("obl", "iobj", "obj")]
    closing = [c for c in token.children if c.dep_ == "punct" and c.i > token.i and c.text == ","]
    if not closing:
        return []
    inside = range(token.i + 1, closing[0].i)
    return [t for t in token.doc[token.i + 1:closing[0].i] if t.head.i not in inside and t.head.i != token.i
            and not t.is_punct]


def own_tokens(token: Token, others: set[int]) -> list[Token]:
    """The trigger's clause without the clauses of other events, coordinated verbs, relative clauses of its
    nouns or clauses of their own."""
    out, stack = [], list(token.children) + adopted(token)
    while stack:
        child = stack.pop()
        if child.i in others or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            continue
        if child.dep_ in ("acl:relcl", "acl", "ccomp", "parataxis", "advcl", "csubj") and child.head.i != token.i:
            continue
        if child.dep_ in ("ccomp", "parataxis", "csubj") and child.head.i == token.i:
            continue
        out.append(child)
        stack.extend(child.children)
    if token.dep_ == "conj":  # "суд в четверг признал ... и приговорил": the words the verbs share
        shared = [c for c in token.head.children if c.dep_ in ("aux", "aux:pass", "nsubj", "obl", "obl:tmod")
                  and c.i < token.head.i and c.i not in others]
        out += [t for c in shared for t in c.subtree]
    return sorted(out, key=lambda t: t.i)
