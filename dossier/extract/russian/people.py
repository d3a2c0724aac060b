"""The people a token names: by its entity, a title, a pronoun or a noun for the person the article tells of."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Annotation
from .vocabulary import (
    CLIENT_NOUNS,
    LAWYER_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE,
)
from .words import feat, is_in, lemma_of


class People:
    """From a token of the parse to a person entity of the document."""

    def __init__(self, annotation: Annotation, doc: Doc):
        self.annotation, self.doc = annotation, doc
        self.owner = {m: e for e, entity in enumerate(annotation.entities) for m in entity.mentions}

    def entity_at(self, token: Token) -> int | None:
        for index, mention in enumerate(self.annotation.mentions):
            if mention.start <= token.idx < mention.end:
                return self.owner.get(index)
        return None

    def named(self, token: Token, label: str = "PERSON") -> int | None:
        entity = self.entity_at(token)
        if entity is not None and self.annotation.entities[entity].label == label:
            return entity
        return None

    def last_person(self, before: int, within: int = 3) -> int | None:
        best, best_start = None, -1
        sentence = self.annotation.sentence_at(before)
        for index, mention in enumerate(self.annotation.mentions):
            entity = self.owner.get(index)
            if entity is None or mention.start >= before or mention.start <= best_start:
                continue
            if self.annotation.entities[entity].label == "PERSON" and sentence - mention.sentence <= within:
                best, best_start = entity, mention.start
        return best

    def person(self, token: Token) -> int | None:
        """The person a token names or stands for: a name, a pronoun, "россиянин" for the one just named,
        "гражданина США Дэниела Уиткомба" for the name in apposition."""
        found = self.named(token)
        if found is not None:
            return found
        for child in token.children:  # "программист Артём Журавлёв", "гражданина США Дэниела Уиткомба"
            if child.dep_ in ("appos", "flat:name") and child.pos_ == "PROPN":  # not "адвокат Боброва"
                found = self.named(child)
                if found is not None:
                    return found
        for child in token.children:  # "INTERFAX.RU - Гражданин Германии Томас Бергманн": a name two apposits down
            if child.dep_ == "appos" and is_in(child, PERSON_NOUNS):
                found = next((f for g in child.children if g.dep_ == "appos" and g.pos_ == "PROPN"
                              and (f := self.named(g)) is not None), None)
                if found is not None:
                    return found
        if token.dep_ == "appos" and token.pos_ == "NOUN":
            return self.named(token.head)
        if lemma_of(token) in PERSON_PRONOUNS and token.pos_ == "PRON":
            return self.last_person(token.idx)
        if lemma_of(token) in RELATIVE:
            clause = next((a for a in token.ancestors if a.dep_ == "acl:relcl"), None)
            return self.person(clause.head) if clause is not None else None
        if is_in(token, CLIENT_NOUNS):  # "Адвокат Сомова заявил, что его подзащитного ...": the lawyer's client
            for lawyer in token.sent:
                if is_in(lawyer, LAWYER_NOUNS):
                    clients = [c for c in lawyer.children if c.dep_ == "nmod" and feat(c, "Case") == "Gen"]
                    if clients and (found := self.person(clients[0])) is not None:
                        return found
        if token.pos_ in ("NOUN", "ADJ") and is_in(token, PERSON_NOUNS) and feat(token, "Number") != "Plur":
            return self.last_person(token.idx)
        return None

    def people(self, tokens: list[Token]) -> list[int]:
        found = []
        for token in tokens:
            for member in [token, *(c for c in token.children if c.dep_ == "conj")]:
                person = self.person(member)
                if person is not None and person not in found:
                    found.append(person)
        return found
