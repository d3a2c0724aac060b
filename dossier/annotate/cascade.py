"""The parse cascade: the full pipeline (tagger, parser, lemmas) only where a fact can be told.

Every article first gets what reading it and finding its names need: sentences (paragraph breaks, then
the statistical sentence splitter) and the named entities. Then the sentences that can hold a fact are
parsed in full: those whose words may be the inflections of a fact type's trigger (a word, or all the words
of a phrase), and the paragraphs with a quotation together with the paragraph before (where its speaker may be
named), each widened by its neighbouring sentences ("he said" after a quotation), and as far back as a
pronoun's antecedent is looked for.
The parses are written back into the article's own Doc, so every character offset is the body's.
The other sentences keep their boundaries as a flat tree and carry no tags, dependencies or lemmas.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extract.linking import PRONOUNS
from ..extract.quotes import quote_spans
from ..extract.schema import CARRY_VERBS, FACT_TYPES, Phrase

# The components every sentence gets, in this order; the statistical ones run only here.
LIGHT = ("dossier_paragraph_breaks", "senter", "ner")
_LIGHT_ONLY = ("senter", "ner")
NEIGHBOURS = 1  # sentences on each side of a sentence that can hold a fact
# A pronoun's antecedent is looked for this many sentences back (``extract.linking``).
ANTECEDENTS = 3
_PARSE = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
_PARAGRAPH = re.compile(r"[^\n]+")


def _phrase_words(phrase: Phrase) -> list[frozenset[str]]:
    """The words a sentence must all hold, one of each set, to tell the phrase."""
    needed = [frozenset({phrase.verb})] + [frozenset({w}) for w in (phrase.particle, phrase.complement) if w]
    needed += [words for words in (phrase.objects, phrase.subjects) if words]
    return needed + ([frozenset({phrase.pp[0]}), phrase.pp[1]] if phrase.pp else [])


# The trigger words of the fact types, and the words of each phrase; "denied entry and sent to" is a transfer.
_WORDS = frozenset().union(*(t.verbs | t.nouns for t in FACT_TYPES.values()))
_PHRASES = [_phrase_words(p) for t in FACT_TYPES.values() for p in t.phrases] + [
    [CARRY_VERBS, frozenset({"entry"})]]


def can_tell_a_fact(lemmas: set[str]) -> bool:
    """Whether a sentence whose words may have these lemmas can hold a trigger of a fact type."""
    return not _WORDS.isdisjoint(lemmas) or any(all(not words.isdisjoint(lemmas) for words in phrase)
                                                 for phrase in _PHRASES)


class Cascade:
    """Parses texts with ``nlp`` as the module says; usable only with a pipeline that has a sentence splitter,
    a parser and a lemmatizer (``supports``)."""

    def __init__(self, nlp: Language, batch_size: int = 32):
        self.nlp = nlp
        self.batch_size = batch_size
        self.light = [nlp.get_pipe(name) for name in LIGHT if name in nlp.component_names]
        self.full = [proc for name, proc in nlp.pipeline if name not in _LIGHT_ONLY]
        self._lemmas: dict[str, frozenset[str]] = {}

    @staticmethod
    def supports(nlp: Language) -> bool:
        return {"senter", "parser", "lemmatizer", "ner"} <= set(nlp.component_names)

    @cached_property
    def _rules(self) -> list[tuple[list[list[str]], dict[str, list[str]]]]:
        lookups = self.nlp.get_pipe("lemmatizer").lookups
        rules, exceptions = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
        return [(rules.get(pos, []), exceptions.get(pos, {})) for pos in ("verb", "noun", "adj")]

    def lemmas(self, word: str) -> frozenset[str]:
        """Every lemma the lemmatizer's own rules could give the word, whatever its part of speech."""
        if word not in self._lemmas:
            found = {word}
            for rules, exceptions in self._rules:
                found.update(exceptions.get(word, ()))
                found.update(word[:len(word) - len(old)] + new for old, new in rules if word.endswith(old))
            self._lemmas[word] = frozenset(found)
        return self._lemmas[word]

    def regions(self, doc: Doc) -> list[tuple[int, int]]:
        """The token ranges to parse in full, in order, none touching another."""
        sentences = list(doc.sents)
        chosen = {i for i, sentence in enumerate(sentences)
                  if can_tell_a_fact(set().union(*(self.lemmas(t.lower_) for t in sentence if t.is_alpha)))}
        text, previous = doc.text, None
        for paragraph in _PARAGRAPH.finditer(text):
            if quote_spans(paragraph.group(), paragraph.start()):
                first = previous.start() if previous else paragraph.start()
                chosen.update(i for i, s in enumerate(sentences)
                              if s.end_char > first and s.start_char < paragraph.end())
            if paragraph.group().strip():
                previous = paragraph
        wide = sorted({j for i in chosen for j in range(i - self._back(sentences[i]), i + NEIGHBOURS + 1)
                       if 0 <= j < len(sentences)})
        ranges: list[tuple[int, int]] = []
        for i in wide:
            start, end = sentences[i].start, sentences[i].end
            if ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        return ranges

    @staticmethod
    def _back(sentence: Span) -> int:
        return ANTECEDENTS if any(t.lower_ in PRONOUNS for t in sentence) else NEIGHBOURS

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        docs: Iterable[Doc] = (self.nlp.make_doc(text) for text in texts)
        for proc in self.light:
            docs = self._run(proc, docs)
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) == self.batch_size:
                yield from self._parse(batch)
                batch = []
        yield from self._parse(batch)

    def _run(self, proc, docs: Iterable[Doc]) -> Iterable[Doc]:
        return proc.pipe(docs, batch_size=self.batch_size) if hasattr(proc, "pipe") else map(proc, docs)

    def _parse(self, docs: list[Doc]) -> list[Doc]:
        """The docs with their regions parsed in full, each region as a Doc of its own tokens."""
        regions = [self.regions(doc) for doc in docs]
        pieces: Iterable[Doc] = [Doc(self.nlp.vocab, words=[t.text for t in doc[start:end]],
                                     spaces=[bool(t.whitespace_) for t in doc[start:end]])
                                 for doc, ranges in zip(docs, regions) for start, end in ranges]
        for proc in self.full:
            pieces = self._run(proc, pieces)
        parsed = iter(pieces)
        for doc, ranges in zip(docs, regions):
            _write_back(doc, [(start, next(parsed)) for start, _ in ranges])
        return docs


def _write_back(doc: Doc, parsed: list[tuple[int, Doc]]) -> None:
    """Copy each region's parse into ``doc`` at its place; each other sentence becomes a flat tree on its
    first token, which keeps the sentence splitter's boundaries."""
    values = numpy.zeros((len(doc), len(_PARSE)), dtype="uint64")
    covered = numpy.zeros(len(doc), dtype=bool)
    for start, piece in parsed:
        values[start:start + len(piece)] = piece.to_array(_PARSE)  # heads are relative: they move as they are
        covered[start:start + len(piece)] = True
    dep, head = _PARSE.index(DEP), _PARSE.index(HEAD)
    root, attached = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    for sentence in doc.sents:
        if covered[sentence.start]:
            continue
        values[sentence.start, dep] = root
        values[sentence.start + 1:sentence.end, dep] = attached
        offsets = sentence.start - numpy.arange(sentence.start + 1, sentence.end, dtype="int64")
        values[sentence.start + 1:sentence.end, head] = offsets.astype("uint64")
    doc.from_array(_PARSE, values)
