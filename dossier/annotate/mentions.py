"""Mentions: the names in a document, with their types and character offsets.

The statistical tagger's entities come first. Its misses and mislabels on foreign
names are mended from the parse and the document itself: a run of proper nouns
the tagger left out is a person when it repeats a person's surname or is a full
name of capitalised words that is no place or outlet; a single word the tagger
called an organisation or a nationality is a person when it is (in any
transliteration) the surname of a person the document names.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..clean import outlets
from .. import places
from ..records import Annotation, Mention
from ..registry import components
from ..resolve.names import same_word, split_name

KEPT_LABELS = {"PERSON", "ORG", "GPE", "FAC", "NORP", "LOC"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "god", "mr", "mrs", "ms", "dr", "sir"}


def _proper_runs(doc: Doc, taken: set[int]) -> list[Span]:
    runs, current = [], []
    for token in doc:
        if token.pos_ == "PROPN" and token.i not in taken and token.text[:1].isupper() and token.is_alpha:
            current.append(token)
            continue
        if current:
            runs.append(doc[current[0].i:current[-1].i + 1])
        current = []
    if current:
        runs.append(doc[current[0].i:current[-1].i + 1])
    return runs


# English words per vocabulary, from the pipeline's lemmatizer tables (see remember_dictionary).
_DICTIONARIES: dict[int, frozenset[str]] = {}


def remember_dictionary(nlp) -> None:
    """Keep the English words a pipeline's rule lemmatizer knows, to tell names from capitalised words."""
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            _DICTIONARIES[id(nlp.vocab)] = frozenset(w for words in table.values() for w in words)


def _is_place_or_outlet(text: str) -> bool:
    return bool(places.country_of_place(text) or places.country(text) or outlets.by_name(text))


def names_in(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, text, label) of the names of a text: the tagger's, mended as the module says."""
    found: list[tuple[int, int, str, str]] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in KEPT_LABELS:
            found.append((ent.start_char, ent.end_char, ent.text, ent.label_))
            taken.update(range(ent.start, ent.end))
    surnames = [split_name(text)[1] for _, _, text, label in found if label == "PERSON" and len(text.split()) > 1]
    dictionary = _DICTIONARIES.get(id(doc.vocab))
    for run in _proper_runs(doc, taken):
        words = run.text.split()
        if run.text.casefold() in _NOT_NAMES or _is_place_or_outlet(run.text):
            continue
        # "Special Envoy", "Legal Assistance Treaty": capitalised English words, not a name.
        if len(words) > 1 and dictionary is not None and words[-1].casefold() in dictionary:
            continue
        if len(words) == 1 and not any(same_word(run.text, s) for s in surnames):
            continue
        if len(words) > 4 or any(w.isupper() and len(w) > 1 for w in words):
            continue
        found.append((run.start_char, run.end_char, run.text, "PERSON"))
    names = []
    for start, end, text, label in sorted(found):
        if label in ("ORG", "NORP", "GPE") and " " not in text and not places.country(text) and \
                not _is_place_or_outlet(text) and any(same_word(text, s) for s in surnames):
            label = "PERSON"  # a surname the tagger took for an organisation or a nationality
        names.append((start, end, text, label))
    return names


@components.register("mentions")
def find_mentions(annotation: Annotation, doc: Doc) -> None:
    for start, end, text, label in names_in(doc):
        annotation.mentions.append(Mention(start, end, text, label, annotation.sentence_at(start)))
