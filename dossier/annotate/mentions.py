"""Mentions: the names in a document, with their types and character offsets."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..records import Annotation, Mention
from ..registry import components

KEPT_LABELS = {"PERSON", "ORG", "GPE", "FAC", "NORP", "LOC"}


def sentence_index(annotation: Annotation, char: int) -> int:
    starts = [s.start for s in annotation.sentences]
    return max(0, bisect_right(starts, char) - 1)


@components.register("mentions")
def find_mentions(annotation: Annotation, doc: Doc) -> None:
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        annotation.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_,
                                           sentence_index(annotation, ent.start_char)))
