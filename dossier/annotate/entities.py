"""Entities within a document: "Roman Seleznyov", then "Seleznev" and "Seleznyouv", are one person.

Full names are grouped first; a surname alone joins the person of that surname
(in any transliteration) named last before it, and a given name alone joins the
only person of the document who bears it.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Annotation, LocalEntity
from ..registry import components
from ..resolve.names import fold, same_person_name, same_word, split_name


def _key(text: str) -> str:
    return " ".join(fold(text).replace("’", "'").removesuffix("'s").removeprefix("the ").split())


def _display_name(text: str) -> str:
    """A name as a heading shows it: "The German Foreign Ministry's" -> "German Foreign Ministry"."""
    text = text.removesuffix("’s").removesuffix("'s")
    return text[4:] if text[:4] in ("The ", "the ") else text


def _person_entity(annotation: Annotation, text: str, start: int, last_seen: dict[int, int]) -> int | None:
    given, surname = split_name(text)
    candidates = [i for i, e in enumerate(annotation.entities) if e.label == "PERSON"]
    if given:
        for index in candidates:
            if same_person_name(annotation.entities[index].name, text) and \
                    split_name(annotation.entities[index].name)[0]:
                return index
        return None
    matches = [i for i in candidates if same_word(split_name(annotation.entities[i].name)[1], surname)]
    if not matches:  # a given name alone: "... easier for Roman"
        matches = [i for i in candidates if split_name(annotation.entities[i].name)[0]
                   and same_word(split_name(annotation.entities[i].name)[0][0], text)]
        return matches[0] if len(matches) == 1 else None
    return max(matches, key=lambda i: last_seen.get(i, -1))


@components.register("local_entities")
def group_mentions(annotation: Annotation, doc: Doc) -> None:
    by_key: dict[tuple[str, str], int] = {}
    last_seen: dict[int, int] = {}
    # Full names first, so that a surname met before its full name still finds its person.
    order = sorted(range(len(annotation.mentions)),
                   key=lambda m: (annotation.mentions[m].label != "PERSON",
                                  -len(annotation.mentions[m].text.split()), annotation.mentions[m].start))
    for index in order:
        mention = annotation.mentions[index]
        entity = None
        if mention.label == "PERSON":
            entity = _person_entity(annotation, mention.text, mention.start, last_seen)
        else:
            entity = by_key.get((mention.label, _key(mention.text)))
        if entity is None:
            entity = len(annotation.entities)
            annotation.entities.append(LocalEntity(name=_display_name(mention.text), label=mention.label))
            by_key[(mention.label, _key(mention.text))] = entity
        annotation.entities[entity].mentions.append(index)
        last_seen[entity] = mention.start
    for entity in annotation.entities:
        entity.mentions.sort()


def add_caption_names(annotation: Annotation, names: list[tuple[str, str]]) -> None:
    """Names in photo captions are more spellings of the people the article names, or people of their own.

    A name the tagger did not call a person still is one when it spells a person of the article.
    """
    for name, label in names:
        name = _display_name(name)
        person = next((i for i, e in enumerate(annotation.entities)
                       if e.label == "PERSON" and len(name.split()) > 1 and same_person_name(e.name, name)), None)
        if person is None:
            if label == "PERSON":
                annotation.entities.append(LocalEntity(name=name, label="PERSON", aliases=[name]))
        elif name not in annotation.entities[person].aliases:
            annotation.entities[person].aliases.append(name)
