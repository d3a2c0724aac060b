"""Which people of an article are men and which are women, as the article itself tells.

A pronoun can only stand for a person of its gender; the article shows each person's gender by a title
("Mr Novak", "Ms Silva") or by the pronoun it uses in a sentence where that person is the only one named.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from ..records import Annotation

MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
_TITLES = {"mr": "m", "mister": "m", "sir": "m", "ms": "f", "mrs": "f", "miss": "f", "madam": "f"}


def pronoun_gender(word: str) -> str | None:
    lower = word.casefold()
    return "m" if lower in MASCULINE else "f" if lower in FEMININE else None


def genders(annotation: Annotation, doc: Doc, is_person: Callable[[int], bool]) -> dict[int, str]:
    """Entity index → "m" or "f", for the people whose evidence points one way only."""
    entity_of = {m: i for i, e in enumerate(annotation.entities) for m in e.mentions}
    votes: dict[int, Counter] = {}
    people_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for index, mention in enumerate(annotation.mentions):
        entity = entity_of.get(index)
        if entity is None or not is_person(entity):
            continue
        people_by_sentence.setdefault(annotation.sentence_at(mention.start), []).append((mention.start, entity))
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
            votes.setdefault(named.pop(), Counter())[gender] += 1
    return {entity: count.most_common(1)[0][0] for entity, count in votes.items()
            if len(count) == 1 or count.most_common(2)[1][1] * 3 <= count.most_common(1)[0][1]}
