"""The parse cascade: on whole news articles of many paragraphs, the facts and statements found when only the
sentences that can tell one are parsed in full are those of parsing every sentence, at the same offsets."""
from __future__ import annotations

import pytest

from dossier.annotate import Annotator
from dossier.clean import clean
from dossier.engines import Worker
from dossier.records import EntityRef, SourceItem
from dossier.settings import Settings

ARREST_STORY = """\
Police in Lisbon detained a Canadian software engineer on Tuesday at the request of the United States, his \
lawyer said.

Martin Keller, 41, was arrested at his hotel in the city centre and taken to a court that will decide on his \
extradition, according to the lawyer, Ana Ribeiro.

Keller is accused of laundering money for an online fraud ring, Ribeiro told reporters outside the \
courthouse. "My client has never hidden from anyone and he will fight this request," she said.

Lisbon has seen a boom in foreign workers since the pandemic. Rents in the old quarters have doubled in five \
years, and the city council debated a new housing plan last month.

The council's budget for the coming year is the largest in a decade. Its members approved spending on \
trams, parks and the renovation of two markets near the river.

Keller's family in Toronto said they were shocked. He had moved to Portugal two years ago to work for a \
start-up that builds payment software.
"""

SENTENCE_STORY = """\
A court in Minsk sentenced Olga Petrenko, a journalist, to six years in prison on Friday on charges of \
inciting unrest.

The trial was held behind closed doors. Petrenko, who denies the charges, has been in custody since her \
arrest in May.

Minsk is the capital of Belarus and home to nearly two million people. The city hosted an ice hockey \
tournament in the winter, and its new stadium drew large crowds.

Belarus relies on Russian oil for most of its energy. Its economy grew by three percent last year, according \
to the national statistics office. Exports of potash fell as buyers in Europe looked elsewhere.

The foreign ministry of Lithuania held talks with its neighbours about the border on Thursday, officials \
said. The talks covered trade and transport.

"This verdict is a message to every reporter in the country," said Pavel Sorokin, the editor of her \
newspaper. "We will keep writing."
"""

ARTICLES = {"arrest": ARREST_STORY, "sentence": SENTENCE_STORY}


@pytest.fixture(scope="module")
def annotators():
    settings = Settings()
    return {cascade: Annotator(settings.model, settings.components, cascade=cascade) for cascade in (False, True)}


def _annotate(annotator: Annotator, text: str):
    item = SourceItem(doc_id="t", origin="t.txt", format="text", content=text, content_hash="h",
                      published="2024-05-10", title="Headline of the story")
    [(annotation, doc)] = list(annotator.annotate([clean(item)]))
    return annotation, doc


def _facts(annotation) -> list[tuple]:
    def value(v):
        if isinstance(v, EntityRef):
            return annotation.entities[v.entity].name
        return [value(x) for x in v] if isinstance(v, list) else v

    return sorted((f.type, value(f.subject), str({k: value(v) for k, v in f.args.items()}),
                   value(f.claimed_by) if f.claimed_by else None, f.start, f.end) for f in annotation.facts)


@pytest.mark.parametrize("name", ARTICLES)
def test_the_cascade_finds_the_facts_of_the_full_parse(annotators, name):
    full, _ = _annotate(annotators[False], ARTICLES[name])
    cascaded, doc = _annotate(annotators[True], ARTICLES[name])
    assert _facts(cascaded) == _facts(full)
    assert [(m.start, m.end, m.label) for m in cascaded.mentions] == [(m.start, m.end, m.label) for m in full.mentions]
    # The background paragraphs, which can tell no fact, were not parsed; those that tell one were.
    unparsed = [s.text for s in doc.sents if not any(t.pos_ for t in s)]
    assert any("budget" in s or "stadium" in s for s in unparsed)
    assert not any(word in s for s in unparsed for word in ("arrested", "sentenced", "accused", "custody", '"'))


def test_the_cascade_keeps_the_facts_and_leaves_out_the_near_misses(annotators):
    annotation, _ = _annotate(annotators[True], SENTENCE_STORY)
    found = {(f[0], f[1]) for f in _facts(annotation)}
    assert {("sentence", "Olga Petrenko"), ("custody", "Olga Petrenko"), ("statement", "Pavel Sorokin")} <= found
    assert not any(kind == "custody" and "Lithuania" in subject for kind, subject in found)  # "held talks"
    annotation, _ = _annotate(annotators[True], ARREST_STORY)
    found = {(f[0], f[1]) for f in _facts(annotation)}
    assert {("arrest", "Martin Keller"), ("charge", "Martin Keller"), ("statement", "Ana Ribeiro")} <= found


def test_the_cascade_keeps_the_offsets_of_the_body(annotators):
    annotation, doc = _annotate(annotators[True], ARREST_STORY)
    body = annotation.article.body
    assert doc.text == body
    assert all(body[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert all(body[s.start:s.end] == s.text for s in annotation.sentences)
    assert all(body[m.start:m.end] == m.text for m in annotation.mentions)


def test_the_cascade_is_a_setting_that_marks_stored_work():
    assert Settings().cascade is False
    assert Settings(cascade=True).fingerprint() != Settings().fingerprint()
    worker = Worker(Settings(cascade=True))
    item = SourceItem(doc_id="t", origin="t.txt", format="text", content=SENTENCE_STORY, content_hash="h")
    [processed] = worker([item])
    assert worker.annotator.cascade and any(f.type == "sentence" for f in processed.annotation.facts)
