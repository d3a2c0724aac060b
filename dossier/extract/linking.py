"""From a token of the parse to an entity of the document.

The grammar finds the token that names who something happened to; this module
finds the document entity it names: the name that covers the token, the person an
apposition or a relative pronoun stands for, for "he" the person of the nearby text it
likeliest means, and for "the Russian" the person the text was last about.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import cached_property

from spacy.tokens import Doc, Token

from .. import places
from ..records import Annotation, EntityRef, LocalEntity, Mention
from ..annotate.roles import KIN
from ..resolve.names import same_person_name
from .gender import genders, pronoun_gender

PRONOUNS = {"he", "she", "him", "her", "his", "who", "whom"}
# How a pronoun's antecedent is weighed: its role in its clause, how many sentences back it is, how late
# it comes, and how often the article names the person.
_ROLE_WEIGHT = {"nsubj": 1.0, "nsubjpass": 1.0, "dobj": 0.5, "pobj": 0.3}
_RECENCY_WEIGHT = 1.0
_ORDER_WEIGHT = 0.5
_SALIENCE_WEIGHT = 0.3
_AGREEMENT_WEIGHT = 1.5
_WINDOW = 3
# Nouns for a person the text does not name ("police arrested a man"), after which "he" is not the last name.
_UNNAMED = {"man", "woman", "boy", "girl", "person", "suspect", "teenager"}
# Labels the tagger gives a surname it does not know ("Novak" as ORG, "Dubois" as FAC).
_MISTYPED = ("ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC")
# "a man identified as X", "a Russian named X": verbs that give a person's name.
_NAMING_VERBS = {"identify", "name", "call"}
# Services a text names as channels, which the tagger may take for people.
_PLATFORMS = {"twitter", "telegram", "facebook", "instagram", "youtube", "tiktok", "vkontakte", "x", "whatsapp"}
# Nouns that stand for a person the text has named: "the Russian", "the businessman".
PERSON_NOUNS = {"man", "woman", "citizen", "national", "businessman", "businesswoman", "journalist", "reporter",
                "activist", "marine", "teacher", "student", "hacker", "suspect", "defendant", "prisoner", "detainee",
                "player", "star", "athlete", "pilot", "entrepreneur", "agent", "spy", "officer", "soldier",
                "veteran", "tourist", "trader", "dissident", "lawyer", "banker", "executive", "diplomat"}


class Linker:
    def __init__(self, annotation: Annotation, doc: Doc):
        self.annotation = annotation
        self.doc = doc
        self.text = annotation.article.body  # the Doc's text; doc.text joins every token on each call
        self._entity_of_mention = {m: i for i, e in enumerate(annotation.entities) for m in e.mentions}
        self._quotations: list[tuple[int, int, int | None]] = []

    # ---- names

    def entity_at(self, start: int, end: int, label: str | None = None) -> int | None:
        for index, mention in enumerate(self.annotation.mentions):
            if mention.start < end and start < mention.end and (label is None or mention.label == label):
                return self._entity_of_mention.get(index)
        return None

    def _name_span(self, token: Token) -> tuple[int, int] | None:
        """The proper-noun run a token heads: "Karl Moser", "Ana Silva"."""
        if token.pos_ != "PROPN":
            return None
        left = token
        while left.i > 0 and self.doc[left.i - 1].pos_ == "PROPN" and self.doc[left.i - 1].dep_ == "compound":
            left = self.doc[left.i - 1]
        return left.idx, token.idx + len(token.text)

    def _add_person(self, start: int, end: int) -> int:
        """A person the tagger missed: link to a named person with the same surname (and given names that agree,
        where both have them: Rosa Vidal is not her nephew Tomas Ruiz Vidal), or add one."""
        text = self.text[start:end]
        surname = text.split()[-1]
        same = [i for i, e in enumerate(self.annotation.entities) if e.name.split()[-1] == surname and (
            e.label == "PERSON" or e.label in _MISTYPED and len(e.name.split()) > 1) and (
            len(text.split()) == 1 or len(e.name.split()) == 1 or same_person_name(e.name, text))]
        if same:
            index = self._retype(same[0]) if self.annotation.entities[same[0]].label != "PERSON" else same[0]
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

    def is_person_name(self, index: int) -> bool:
        """Whether a PERSON entity really names a person, not a country, city or service the tagger mistook."""
        name = self.annotation.entities[index].name
        if name.casefold() in _PLATFORMS:
            return False
        if len(name.split()) == 1 and places.country_of_demonym(name.rstrip("s")):
            return False
        return not places.country_named(name)

    def person(self, token: Token) -> int | None:
        """The person entity a token names or stands for, if the text makes it clear."""
        if token.pos_ == "PROPN":  # a name stands for itself, whatever stands in apposition to it
            found = self.entity_at(token.idx, token.idx + len(token.text))
            if found is not None and self.annotation.entities[found].label == "PERSON" and self.is_person_name(found):
                return found
        if token.dep_ == "compound" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN":
            return self._person(token.head, named_as_person=True)  # "businessman Michael Spavor"
        for child in token.children:  # "a Czech businessman, Karl Moser"
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                found = self._person(child, named_as_person=token.pos_ == "NOUN")
                if found is not None:
                    return found
        if token.dep_ == "appos" and (token.pos_ == "NOUN" or token.ent_type_ == "NORP"):  # "Moser, a Czech"
            return self._person(token.head, named_as_person=True)
        for child in token.children:  # "a foreign national identified as Karl Moser", "a Russian named Moser"
            if child.dep_ == "acl" and child.lemma_.casefold() in _NAMING_VERBS:
                names = [g for g in child.subtree if g.pos_ == "PROPN" and g.dep_ in ("pobj", "oprd", "attr", "dobj")]
                if names:
                    return self._person(names[0], named_as_person=True)
        return self._person(token)

    def _person(self, token: Token, named_as_person: bool = False) -> int | None:
        if token.tag_ in ("NNPS", "NNS") and (token.pos_ == "NOUN" or places.country_of_demonym(token.text[:-1])):
            return None  # "Americans", "the Russians": no one in particular
        found = self.entity_at(token.idx, token.idx + len(token.text))
        if found is not None:
            label = self.annotation.entities[found].label
            if label == "PERSON":
                return found if self.is_person_name(found) else None
            if label == "NORP" and places.country_of_demonym(token.lemma_):
                # "the Russian" stands for a person named before; "Russians" for no one in particular.
                return self.last_person(before=token.idx) if self._is_person_noun(token) and token.tag_ != "NNPS" \
                    and not token.text.endswith("s") else None
            described = any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in token.children)  # "X, an engineer"
            if label in _MISTYPED and token.pos_ == "PROPN" and (label in ("ORG", "NORP") or named_as_person
                                                                  or described or self._titled(token)):
                # A surname the tagger took for an organisation, nationality or building.
                return self._retype(found)
            return None
        lower = token.lower_
        if lower in PRONOUNS:
            return self._antecedent(token)
        if token.pos_ in ("NOUN", "PROPN", "ADJ") and self._is_person_noun(token):
            return self.last_person(before=token.idx)
        if token.pos_ == "NOUN" and lower in PERSON_NOUNS | {"national", "citizen"}:
            return self._named_next(token)
        span = self._name_span(token)
        if span and token.ent_type_ not in ("GPE", "LOC", "ORG", "FAC", "NORP", "DATE"):
            return self._add_person(*span)
        return None

    def _titled(self, token: Token) -> bool:
        """"businessman Karl Moser", "consul Claire Dubois": a name with a person's title before it."""
        return any(t.dep_ == "compound" and t.pos_ == "NOUN" and t.lower_ in PERSON_NOUNS | {"consul", "ambassador"}
                   for t in token.children)

    def _named_next(self, token: Token) -> int | None:
        """"A French national held by ... was freed. The man, Stephane Jourdain, ...": a lead's
        unnamed person is the one the next sentence names as its subject."""
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            return None
        sentence = token.sent
        if sentence.start > 0 and self.doc[sentence.start - 1].sent.start > 0 and \
                self.doc[self.doc[sentence.start - 1].sent.start - 1].sent.start > 0:
            return None  # only in the lead, where news introduces a person before naming them
        if token.dep_ not in ("nsubj", "nsubjpass") and token.head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if sentence.end >= len(self.doc):
            return None
        following = self.doc[sentence.end].sent
        for candidate in following:
            if candidate.dep_ in ("nsubj", "nsubjpass") or (candidate.dep_ == "appos" and candidate.head.dep_ in (
                    "nsubj", "nsubjpass")):
                if candidate.pos_ == "PROPN":
                    return self.person(candidate)
                named = [c for c in candidate.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
                if named:
                    return self._person(named[0], named_as_person=True)
        return None

    def _retype(self, index: int) -> int:
        """A person the tagger typed otherwise: the fullest entity of that surname, typed as a person."""
        entity = self.annotation.entities[index]
        surname = entity.name.split()[-1]
        same = [i for i, other in enumerate(self.annotation.entities)
                if i != index and other.name.split()[-1] == surname
                and (other.label == "PERSON" or other.label in _MISTYPED and len(other.name.split()) > 1)]
        people = [i for i in same if self.annotation.entities[i].label == "PERSON"]
        if people:
            return people[0]
        if same:
            index = max(same, key=lambda i: len(self.annotation.entities[i].name))
        self.annotation.entities[index].label = "PERSON"
        return index

    def _is_person_noun(self, token: Token) -> bool:
        # "the Russian", "the businessman": a definite noun for a person already named.
        has_det = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        return has_det and (token.lower_ in PERSON_NOUNS or token.ent_type_ == "NORP")

    def _antecedent(self, pronoun: Token) -> int | None:
        """The person a pronoun stands for: the likeliest one named nearby, unless an unnamed person
        ("a 34-year-old man") was spoken of since."""
        if pronoun.lower_ in ("who", "whom"):
            return self.last_person(before=pronoun.idx)
        gender = pronoun_gender(pronoun.text)
        relative_of = self._relative_speaking_of(pronoun, gender)
        if relative_of is not None:
            return relative_of
        # In a quotation "he" is someone the speaker speaks of, not the speaker.
        speaker = self.speaker_quoting(pronoun.idx)
        found = self._likeliest_person(pronoun, gender, speaker)
        if found is None:
            return None
        if pronoun.dep_ in ("nsubj", "nsubjpass"):  # "X told Y that he ...": the subject goes on as "he"
            subjects = [t for t in self.doc[pronoun.sent.start:pronoun.i] if t.dep_ in ("nsubj", "nsubjpass")
                        and t.pos_ == "PROPN"]
            named = [e for t in reversed(subjects) if (e := self.entity_at(t.idx, t.idx + len(t.text))) is not None
                     and self.annotation.entities[e].label == "PERSON" and self.is_person_name(e)
                     and self._agrees(e, gender) and e != speaker]
            found = named[0] if named else found
        named_at = max(self.annotation.mentions[m].start for m in self.annotation.entities[found].mentions
                       if self.annotation.mentions[m].start < pronoun.idx)
        if self.annotation.sentence_at(pronoun.idx) - self.annotation.sentence_at(named_at) > 3:
            return None
        for token in self.doc.char_span(named_at, pronoun.idx, alignment_mode="expand") or []:
            if token.pos_ == "NOUN" and token.lower_ in _UNNAMED and token.idx > named_at and not any(
                    c.dep_ == "appos" for c in token.children) and not any(
                    c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                return None
        return found

    def _relative_speaking_of(self, pronoun: Token, gender: str | None) -> int | None:
        """"Tom Baker's brother David said that he was moved": in what a relative says, "he" is the person
        whose relative they are."""
        clause = pronoun.head
        while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for subject in clause.head.children:
            if subject.dep_ != "nsubj":
                continue
            # "Tom Baker's brother, David," or "Tom Baker's brother David": the kin noun or the name heads
            kin = [t for t in [subject, *subject.children] if t.lemma_.casefold() in KIN and
                   (t is subject or t.dep_ in ("compound", "appos"))]
            for owner in (c for t in [subject, *kin] for c in t.children) if kin else ():
                if owner.dep_ == "poss" and owner.pos_ == "PROPN":
                    found = self.entity_at(owner.idx, owner.idx + len(owner.text))
                    if found is not None and self._is_named_person(found) and self._agrees(found, gender):
                        return found
        return None

    def _likeliest_person(self, pronoun: Token, gender: str | None, speaker: int | None) -> int | None:
        """Of the people named in the pronoun's sentence and the ones before it, the likeliest one meant:
        a subject over an object over any other mention, a recent sentence over an older one, and a person
        the article speaks of often over one it names in passing."""
        here = self.annotation.sentence_at(pronoun.idx)
        mentioned: Counter = Counter()
        scores: dict[int, float] = {}
        for index, mention in enumerate(self.annotation.mentions):
            entity = self._entity_of_mention.get(index)
            if entity is None or mention.start >= pronoun.idx or not self._is_named_person(entity):
                continue
            mentioned[entity] += 1
            back = here - self.annotation.sentence_at(mention.start)
            if back > _WINDOW or entity == speaker or not self._agrees(entity, gender):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            role = _ROLE_WEIGHT.get(span.root.dep_, 0.0) if span is not None else 0.0
            score = role - _RECENCY_WEIGHT * back + _ORDER_WEIGHT * mention.start / max(pronoun.idx, 1)
            if gender is not None and self._genders.get(entity) == gender:  # known to agree, not merely not to clash
                score += _AGREEMENT_WEIGHT
            scores[entity] = max(scores.get(entity, score), score)
        if not scores:
            return None
        return max(scores, key=lambda e: scores[e] + _SALIENCE_WEIGHT * math.log(mentioned[e]))

    def _agrees(self, entity: int, gender: str | None) -> bool:
        """Whether a person may be the one a pronoun of that gender stands for, as far as the article tells."""
        if gender is None:
            return True
        return self._genders.get(entity, gender) == gender

    @cached_property
    def _genders(self) -> dict[int, str]:
        return genders(self.annotation, self.doc, self._is_named_person)

    def _is_named_person(self, entity: int) -> bool:
        return self.annotation.entities[entity].label == "PERSON" and self.is_person_name(entity)

    def attend_to_quotations(self, quotations: list[tuple[int, int, int | None]]) -> None:
        """The quotations of the text, as (start, end, speaker), once they are found."""
        self._quotations = quotations

    def speaker_quoting(self, position: int) -> int | None:
        return next((speaker for start, end, speaker in self._quotations if start <= position < end), None)

    def last_person(self, before: int) -> int | None:
        """The person most recently named before a position."""
        best, best_start = None, -1
        for index, mention in enumerate(self.annotation.mentions):
            entity = self._entity_of_mention.get(index)
            if entity is None or mention.start >= before or mention.start <= best_start:
                continue
            if self._is_named_person(entity):
                best, best_start = entity, mention.start
        return best

    def last_entity(self, before: int, label: str) -> int | None:
        """The entity of a type most recently named before a position."""
        best, best_start = None, -1
        for index, mention in enumerate(self.annotation.mentions):
            entity = self._entity_of_mention.get(index)
            if entity is not None and best_start < mention.start < before and \
                    self.annotation.entities[entity].label == label:
                best, best_start = entity, mention.start
        return best

    def ref(self, index: int | None) -> EntityRef | None:
        return EntityRef(index) if index is not None else None

    def remember(self, mention: int, entity: int) -> None:
        """A mention added to the annotation after this linker was made."""
        self._entity_of_mention[mention] = entity
