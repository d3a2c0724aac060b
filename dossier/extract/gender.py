"""Which people of an article are men and which are women, as the article itself tells.

A pronoun can only stand for a person of its gender; the article shows each person's gender by a title
("Mr Novak", "Ms Silva"), by the pronoun it uses in a sentence where that person is the only one named, or by a
possessive in a clause whose subject the person is ("Silva has been reunited with her children, the minister
said").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..records import Annotation

MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
_TITLES = {"mr": "m", "mister": "m", "sir": "m", "ms": "f", "mrs": "f", "miss": "f", "madam": "f"}
_OWN = {"his", "her", "himself", "herself"}  # possessives and reflexives, which mostly mean their clause's subject


def _reporter(token: Token) -> Token | None:
    """The subject of the verb of saying whose reported clause a word is in: in "Hart said she was freed"
    "she" may be Hart or the one he speaks of, which tells no one's gender."""
    node = token
    while node.head.i != node.i and node.dep_ != "ccomp":
        node = node.head
    if node.dep_ != "ccomp":
        return None
    return next((c for c in node.head.children if c.dep_ == "nsubj"), None)


def _clause_subject(token: Token) -> Token | None:
    """The subject of the nearest clause above a word that has one."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0]
    return None


def pronoun_gender(word: str) -> str | None:
    lower = word.casefold()
    return "m" if lower in MASCULINE else "f" if lower in FEMININE else None


def genders(annotation: Annotation, doc: Doc, is_person: Callable[[int], bool]) -> dict[int, str]:
    """Entity index → "m" or "f", for the people whose evidence points one way only."""
    entity_of = {m: i for i, e in enumerate(annotation.entities) for m in e.mentions}
    votes: dict[int, Counter] = {}
    people_by_sentence: dict[int, list[tuple[int, int]]] = {}
    entity_at: dict[int, int] = {}  # a person's mention: the offset of each of its words -> the person
    for index, mention in enumerate(annotation.mentions):
        entity = entity_of.get(index)
        if entity is None or not is_person(entity):
            continue
        people_by_sentence.setdefault(annotation.sentence_at(mention.start), []).append((mention.start, entity))
        for word in doc.char_span(mention.start, mention.end, alignment_mode="expand") or []:
            entity_at[word.idx] = entity
        title = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if title is not None and title.start > 0:
            before = doc[title.start - 1].lower_.rstrip(".")
            if before in _TITLES:
                votes.setdefault(entity, Counter())[_TITLES[before]] += 1
    for token in doc:
        gender = pronoun_gender(token.text)
        if gender is None:
            continue
        named = {e for start, e in people_by_sentence.get(annotation.sentence_at(token.idx), []) if start < token.idx}
        if len(named) == 1:
            if entity_at.get(getattr(_reporter(token), "idx", -1)) not in named:
                votes.setdefault(named.pop(), Counter())[gender] += 1
        elif named and token.lower_ in _OWN and (token.tag_ == "PRP$" or token.lower_.endswith("self")):
            subject = _clause_subject(token)
            owner = entity_at.get(subject.idx) if subject is not None and subject.idx < token.idx else None
            if owner in named:
                votes.setdefault(owner, Counter())[gender] += 1
    return {entity: count.most_common(1)[0][0] for entity, count in votes.items()
            if len(count) == 1 or count.most_common(2)[1][1] * 3 <= count.most_common(1)[0][1]}
