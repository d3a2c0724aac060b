"""The registered "facts.ru" component: events, claims and statements of one Russian article."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Annotation, EntityRef
from ...registry import components
from ...temporal import infer_anchor
from ..case_countries import implied_countries
from ..events import RawFact
from ..facts import _event_fact, _fact, _merge_repeats
from ..quotes import Quote
from ..terms import quote_terms
from ..verdicts import one_hearing
from .arguments import visits_where_held
from .events import find_events
from .people import People
from .quotes import find_quotes, is_reporting, said_on, speaker_of, verb_speaker
from .swaps import swaps
from .vocabulary import CLIENT_NOUNS, PERSON_NOUNS
from .words import feat, is_in, lemma_of, preposition_of


def _claimant(trigger: Token, quotes: list[Quote], people: People, annotation: Annotation) -> int | None:
    """Who asserts an event the article does not state itself: the speaker of its quotation, the subject
    of the reporting verb its clause depends on, "по словам X" or "по версии X"."""
    for quote in quotes:
        if quote.start <= trigger.idx < quote.end:
            return quote.speaker
    node = trigger
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and is_reporting(node.head):
            return verb_speaker(node.head, people, annotation)
        node = node.head
    for token in trigger.sent:
        if lemma_of(token) in ("слово", "версия", "данные") and preposition_of(token) == "по":
            owners = [c for c in token.children if c.dep_ == "nmod"]
            if owners:
                return speaker_of(owners[0], people, annotation)
    if node is trigger.sent.root:  # "X был похищен, заявил посол"
        for child in node.children:
            if child.dep_ in ("parataxis", "ccomp") and is_reporting(child) and child.i > trigger.i:
                return verb_speaker(child, people, annotation)
    return None


@components.register("facts.ru")
def extract_facts(annotation: Annotation, doc: Doc) -> None:
    anchor = infer_anchor(annotation.article.published, annotation.article.body)
    people = People(annotation, doc)
    quotes = find_quotes(annotation, doc, people)
    raw: list[RawFact] = []
    for sentence in doc.sents:
        for fact in find_events(sentence, people, anchor):
            claimant = _claimant(fact.trigger, quotes, people, annotation)
            fact.claimant = claimant if claimant != fact.subject else None
            raw.append(fact)
    raw = swaps(raw, doc, anchor, people)
    visits_where_held(raw, anchor, people)
    one_hearing(raw)
    implied_countries(raw)
    merged = _merge_repeats(raw)
    for fact in merged:
        annotation.facts.append(_event_fact(annotation, doc, fact))
    counts = {s: sum(f.subject == s for f in merged) for s in dict.fromkeys(f.subject for f in merged)}
    principal = max(counts, key=counts.get) if counts else None  # whose case the article tells
    for quote in quotes:
        if quote.speaker is None:
            continue
        args: dict = {"quote": quote.text}
        if quote.channel:
            args["channel"] = quote.channel
        date = said_on(quote.verb, anchor, quotes) if quote.verb is not None else None
        if not date and annotation.article.dateline and anchor.month and anchor.day:
            date = f"{anchor.year:04d}" if anchor.year else "XXXX"
            date += f"-{anchor.month:02d}-{anchor.day:02d}"
        if date:
            args["date"] = date
        about = [e for e in _named_people(annotation, quote) if e != quote.speaker]
        if not about and principal not in (None, quote.speaker) and _speaks_of_someone(doc, quote):
            about = [principal]
        if about:
            args["about"] = [EntityRef(e) for e in about]
        statement = _fact(annotation, "statement", quote.speaker, args, annotation.sentence_at(quote.start))
        statement.terms = quote_terms(doc, quote.start, quote.end)
        annotation.facts.append(statement)


def _speaks_of_someone(doc: Doc, quote: Quote) -> bool:
    """"Мой подзащитный не знал ...", "поддержку нашему гражданину": a quotation that speaks of one person
    without naming him speaks of the person whose case the article tells."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return span is not None and any(is_in(t, PERSON_NOUNS | CLIENT_NOUNS) and feat(t, "Number") != "Plur"
                                    and t.pos_ in ("NOUN", "ADJ") for t in span)


def _named_people(annotation: Annotation, quote: Quote) -> list[int]:
    """The people a statement speaks of: named in the quotation or in the sentences that frame it."""
    low = annotation.sentences[annotation.sentence_at(quote.start)].start
    high = annotation.sentences[annotation.sentence_at(quote.end)].end
    found = []
    for index, entity in enumerate(annotation.entities):
        if entity.label == "PERSON" and any(low <= annotation.mentions[m].start < high for m in entity.mentions):
            found.append(index)
    return found
