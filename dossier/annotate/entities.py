"""Entities within a document: a full name, then its surname alone, is one person."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Annotation, LocalEntity
from ..registry import components


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").removesuffix("'s").split()).casefold()


@components.register("local_entities")
def group_mentions(annotation: Annotation, doc: Doc) -> None:
    by_key: dict[tuple[str, str], int] = {}
    for index, mention in enumerate(annotation.mentions):
        key = (mention.label, _key(mention.text))
        if mention.label == "PERSON":
            for (label, known), entity in by_key.items():
                if label == "PERSON" and known.split()[-1] == key[1].split()[-1]:
                    key = (label, known)
                    break
        if key not in by_key:
            by_key[key] = len(annotation.entities)
            annotation.entities.append(LocalEntity(name=mention.text, label=mention.label))
        entity = annotation.entities[by_key[key]]
        entity.mentions.append(index)
        if len(mention.text.split()) > len(entity.name.split()):
            entity.name = mention.text
