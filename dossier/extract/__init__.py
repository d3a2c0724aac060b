"""Stage 4, extract: the facts an article states, each with its sentence, and who asserts it.

Runs as the registered document component "facts", after the names and entities
are known. Case events come from ``events`` (the grammar of each sentence),
statements from ``quotes``; a case event inside a quotation, or under "X said
that ...", is marked as claimed by that speaker.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..records import Annotation, EntityRef, Fact
from ..registry import components
from ..temporal import Anchor, infer_anchor, resolve_date
from .events import RawFact, find_events
from .linking import Linker
from .quotes import Quote, _channel, find_quotes
from .schema import REPORTING_VERBS

def _claimant(trigger: Token, quotes: list[Quote], linker: Linker, resolver_speaker) -> int | None:
    for quote in quotes:
        if quote.start <= trigger.idx < quote.end:
            return quote.speaker
    node = trigger
    while node.head.i != node.i:  # "the ministry said (that) X was abducted": the claim is the said clause
        if node.dep_ == "ccomp" and node.head.lemma_.casefold() in REPORTING_VERBS:
            subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            return resolver_speaker(subject) if subject is not None else None
        node = node.head
    return None


def _compatible(a: dict, b: dict) -> bool:
    """Within one article, only a different date or term makes a second event of the same kind."""
    for key in ("date", "term"):
        if key in a and key in b and not (str(a[key]).startswith(str(b[key])) or str(b[key]).startswith(str(a[key]))):
            return False
    return True


def _merge_repeats(facts: list[tuple[RawFact, int | None, int]]) -> list[tuple[RawFact, int | None, int]]:
    """An article that tells one event twice ("found guilty ... He was convicted of ...") states one fact."""
    merged: list[tuple[RawFact, int | None, int]] = []
    for fact, claimant, sentence in facts:
        for kept, kept_claimant, _ in merged:
            if (kept.type, kept.subject, kept_claimant) == (fact.type, fact.subject, claimant) and \
                    kept.type != "exchange" and _compatible(kept.args, fact.args):
                for key, value in fact.args.items():
                    if key not in kept.args or len(str(value)) > len(str(kept.args[key])):
                        kept.args[key] = value
                break
        else:
            merged.append((fact, claimant, sentence))
    return merged


def _speaker_channels(annotation: Annotation, doc: Doc, quotes: list[Quote], linker: Linker) -> dict[int, str]:
    """The one channel an article names for each speaker ("In a statement on Telegram, the envoy ...")."""
    channels: dict[int, set[str]] = {}
    speakers = {q.speaker for q in quotes if q.speaker is not None}
    for sentence in doc.sents:
        text = sentence.text
        quoted = re.sub(r"[“”\"][^“”\"]*[“”\"]", " ", text)
        channel = _channel(quoted)
        if not channel:
            continue
        for token in sentence:
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
                entity = linker.entity_at(token.idx, token.idx + len(token.text))
                if entity is None and token.pos_ in ("NOUN", "PRON"):
                    entity = next((q.speaker for q in quotes if q.speaker is not None and q.start > sentence.start_char),
                                  None) if token.lower_ in ("he", "she") or token.pos_ == "NOUN" else None
                if entity in speakers:
                    channels.setdefault(entity, set()).add(channel)
    return {speaker: found.pop() for speaker, found in channels.items() if len(found) == 1}


def _statement_date(annotation: Annotation, doc: Doc, quote: Quote, anchor: Anchor) -> str | None:
    if quote.verb is not None:
        for ent in quote.verb.sent.ents:
            if ent.label_ == "DATE" and not (quote.start <= ent.start_char < quote.end):
                resolved = resolve_date(ent.text, anchor)
                if resolved and resolved.count("X") == 0:
                    return resolved
    # A wire's reported speech is of its dateline day.
    if annotation.article.dateline and anchor.month and anchor.day:
        year = f"{anchor.year:04d}" if anchor.year else "XXXX"
        return f"{year}-{anchor.month:02d}-{anchor.day:02d}"
    return None


def _about(quote: Quote, annotation: Annotation, linker: Linker, doc: Doc) -> list[int]:
    """The people a statement speaks of: named in the quotation or the sentence that frames it."""
    found = []
    sentence = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    low = sentence[0].sent.start_char if sentence is not None else quote.start
    high = sentence[-1].sent.end_char if sentence is not None else quote.end
    for index, entity in enumerate(annotation.entities):
        if entity.label != "PERSON" or index == quote.speaker:
            continue
        for m in entity.mentions:
            if low <= annotation.mentions[m].start < high:
                found.append(index)
                break
        else:
            first = entity.name.split()[0]
            if len(entity.name.split()) > 1 and re.search(rf"\b{re.escape(first)}\b", annotation.article.body[low:high]):
                found.append(index)
    return found


_SWAP_NOUNS = {"exchange", "swap", "trade"}


def _releases_in_a_swap(raw: list[tuple[RawFact, int | None, int]], doc: Doc, anchor: Anchor) -> None:
    """In an article that reports a prisoner swap, people it reports freed were freed in that swap."""
    swap_dates = []
    for token in doc:
        if token.lemma_ in _SWAP_NOUNS and token.pos_ == "NOUN" and any(
                t.lemma_ in ("prisoner", "detainee", "hostage") for t in token.subtree):
            dates = [resolve_date(e.text, anchor) for e in token.sent.ents if e.label_ == "DATE"]
            swap_dates.append(next((d for d in dates if d), None))
    if not swap_dates:
        return
    for fact, _, _ in raw:
        if fact.type == "release" and fact.args.get("manner") in (None, "exchange"):
            fact.type = "exchange"
            fact.args = {k: v for k, v in fact.args.items() if k == "date"}
            if swap_dates[0] and "date" not in fact.args:
                fact.args["date"] = swap_dates[0]


@components.register("facts")
def extract_facts(annotation: Annotation, doc: Doc) -> None:
    anchor = infer_anchor(annotation.article.published, annotation.article.body)
    linker = Linker(annotation, doc)
    quotes = find_quotes(annotation, doc, linker)
    from .quotes import SpeakerResolver

    resolver = SpeakerResolver(annotation, doc, linker)
    raw: list[tuple[RawFact, int | None, int]] = []
    for index, sentence in enumerate(doc.sents):
        for fact in find_events(sentence, linker, anchor):
            claimant = _claimant(fact.trigger, quotes, linker, resolver.resolve)
            if claimant == fact.subject:
                claimant = None
            raw.append((fact, claimant, annotation.sentence_at(fact.trigger.idx)))
    _releases_in_a_swap(raw, doc, anchor)
    for fact, claimant, sentence in _merge_repeats(raw):
        span = annotation.sentences[sentence]
        annotation.facts.append(Fact(
            type=fact.type, subject=EntityRef(fact.subject), args=fact.args, sentence=sentence,
            start=span.start, end=span.end, claimed_by=EntityRef(claimant) if claimant is not None else None))
    channels = _speaker_channels(annotation, doc, quotes, linker)
    for quote in quotes:
        if quote.speaker is None:
            continue
        args: dict = {"quote": quote.text}
        channel = quote.channel or channels.get(quote.speaker)
        if channel:
            args["channel"] = channel
        date = _statement_date(annotation, doc, quote, anchor)
        if date:
            args["date"] = date
        about = _about(quote, annotation, linker, doc)
        if about:
            args["about"] = [EntityRef(i) for i in about]
        sentence = annotation.sentence_at(quote.start)
        span = annotation.sentences[sentence]
        annotation.facts.append(Fact(type="statement", subject=EntityRef(quote.speaker), args=args,
                                     sentence=sentence, start=span.start, end=span.end))
