"""From a token of the parse to an entity of the document.

The grammar finds the token that names who something happened to; this module
finds the document entity it names: the name that covers the token, the person an
apposition or a relative pronoun stands for, or, for "he" and "the Russian", the
person the text was last about.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Annotation, EntityRef, LocalEntity, Mention
from .. import places

PRONOUNS = {"he", "she", "him", "her", "who", "whom"}
# Nouns that stand for a person the text has named: "the Russian", "the businessman".
PERSON_NOUNS = {"man", "woman", "citizen", "national", "businessman", "businesswoman", "journalist", "reporter",
                "activist", "marine", "teacher", "student", "hacker", "suspect", "defendant", "prisoner", "detainee",
                "player", "star", "athlete", "pilot", "entrepreneur", "agent", "spy", "officer", "soldier",
                "veteran", "tourist", "trader", "dissident", "lawyer", "banker", "executive", "diplomat"}


class Linker:
    def __init__(self, annotation: Annotation, doc: Doc):
        self.annotation = annotation
        self.doc = doc
        self._entity_of_mention = {m: i for i, e in enumerate(annotation.entities) for m in e.mentions}

    # ---- names

    def entity_at(self, start: int, end: int, label: str | None = None) -> int | None:
        for index, mention in enumerate(self.annotation.mentions):
            if mention.start < end and start < mention.end and (label is None or mention.label == label):
                return self._entity_of_mention.get(index)
        return None

    def _name_span(self, token: Token) -> tuple[int, int] | None:
        """The proper-noun run a token heads: "Viktor Bout", "Trevor Reed"."""
        if token.pos_ != "PROPN":
            return None
        left = token
        while left.i > 0 and self.doc[left.i - 1].pos_ == "PROPN" and self.doc[left.i - 1].dep_ == "compound":
            left = self.doc[left.i - 1]
        return left.idx, token.idx + len(token.text)

    def _add_person(self, start: int, end: int) -> int:
        """A person the tagger missed: link to a named person with the same surname, or add one."""
        text = self.doc.text[start:end]
        surname = text.split()[-1]
        for index, entity in enumerate(self.annotation.entities):
            if entity.label == "PERSON" and entity.name.split()[-1] == surname:
                break
        else:
            index = len(self.annotation.entities)
            self.annotation.entities.append(LocalEntity(name=text, label="PERSON"))
        mention = Mention(start, end, text, "PERSON", self.annotation.sentence_at(start))
        self.annotation.mentions.append(mention)
        self.annotation.entities[index].mentions.append(len(self.annotation.mentions) - 1)
        self._entity_of_mention[len(self.annotation.mentions) - 1] = index
        if len(text.split()) > len(self.annotation.entities[index].name.split()):
            self.annotation.entities[index].name = text
        return index

    # ---- people

    def person(self, token: Token) -> int | None:
        """The person entity a token names or stands for, if the text makes it clear."""
        for child in token.children:  # "a Russian businessman, Viktor Bout"
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                found = self.person(child)
                if found is not None:
                    return found
        if token.dep_ == "appos" and token.pos_ == "NOUN":  # "Bout, a Russian businessman"
            return self.person(token.head)
        found = self.entity_at(token.idx, token.idx + len(token.text))
        if found is not None:
            label = self.annotation.entities[found].label
            if label == "PERSON":
                return found
            if label == "NORP" and places.country_of_demonym(token.lemma_):
                # "the Russian" stands for a person named before; "Russians" for no one in particular.
                return self.last_person(before=token.idx) if self._is_person_noun(token) and token.tag_ != "NNPS" \
                    and not token.text.endswith("s") else None
            if label in ("ORG", "NORP") and token.pos_ == "PROPN":
                # A surname the tagger took for an organisation or nationality.
                return self._retype(found)
            return None
        lower = token.lower_
        if lower in PRONOUNS or (token.pos_ in ("NOUN", "PROPN", "ADJ") and self._is_person_noun(token)):
            return self.last_person(before=token.idx)
        span = self._name_span(token)
        if span and token.ent_type_ not in ("GPE", "LOC", "ORG", "FAC", "NORP", "DATE"):
            return self._add_person(*span)
        return None

    def _retype(self, index: int) -> int:
        entity = self.annotation.entities[index]
        for other_index, other in enumerate(self.annotation.entities):
            if other_index != index and other.label == "PERSON" and other.name.split()[-1] == entity.name.split()[-1]:
                return other_index
        entity.label = "PERSON"
        return index

    def _is_person_noun(self, token: Token) -> bool:
        # "the Russian", "the businessman": a definite noun for a person already named.
        has_det = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        return has_det and (token.lower_ in PERSON_NOUNS or token.ent_type_ == "NORP")

    def last_person(self, before: int) -> int | None:
        """The person most recently named before a position."""
        best, best_start = None, -1
        for index, mention in enumerate(self.annotation.mentions):
            entity = self._entity_of_mention.get(index)
            if entity is None or mention.start >= before or mention.start <= best_start:
                continue
            if self.annotation.entities[entity].label == "PERSON":
                best, best_start = entity, mention.start
        return best

    def ref(self, index: int | None) -> EntityRef | None:
        return EntityRef(index) if index is not None else None
