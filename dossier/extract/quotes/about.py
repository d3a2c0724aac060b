"""The people a statement speaks of."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ...records import Annotation
from ..linking import Linker
from .attribution import Quote


def about_of(quote: Quote, annotation: Annotation, doc: Doc, linker: Linker) -> list[int]:
    """The people a statement speaks of: named in the quotation or the sentence that frames it."""
    found = []
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    low = span[0].sent.start_char if span is not None else quote.start
    high = span[-1].sent.end_char if span is not None else quote.end
    text = annotation.article.body[low:high]
    fuller = [e.name.split() for e in annotation.entities if e.label == "PERSON" and len(e.name.split()) > 1]
    for index, entity in enumerate(annotation.entities):
        if entity.label != "PERSON" or index == quote.speaker or not linker.is_person_name(index):
            continue
        if len(entity.name.split()) == 1 and any(entity.name in (words[0], words[-1]) for words in fuller):
            continue  # "Roland" beside "Roland Marchal": the same person, counted once
        if any(low <= annotation.mentions[m].start < high for m in entity.mentions):
            found.append(index)
        elif len(entity.name.split()) > 1 and re.search(rf"\b{re.escape(entity.name.split()[0])}\b", text):
            found.append(index)  # "Roman": a person the article names in full, called by the first name
    return found

