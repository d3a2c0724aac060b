"""Quotations and who said them: reporting verbs, titled speakers, institutions, channels and dates."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...records import Annotation, LocalEntity, Mention
from ...temporal import Anchor, resolve_date
from ..quotes import Quote, quote_spans
from ..schema import RU_CHANNELS, RU_REPORTING_VERBS
from .people import People
from .vocabulary import DATE_WORDS
from .words import (
    children_of,
    feat,
    is_in,
    lemma_of,
    nominative,
    phrase_of,
    preposition_of,
)


def is_reporting(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and is_in(token, RU_REPORTING_VERBS)


def channel_in(text: str) -> str | None:
    lowered = text.casefold()
    for words, channel in RU_CHANNELS.items():
        if re.search(rf"(?<!\w)({words})", lowered):
            return channel
    return None


def verb_speaker(verb: Token, people: People, annotation: Annotation) -> int | None:
    """The speaker a reporting verb names: its subject, or the institution of "в посольстве сообщили"."""
    for subject in children_of(verb, "nsubj", "nsubj:pass"):
        found = speaker_of(subject, people, annotation)
        if found is not None:
            return found
    for child in verb.children:  # "говорится в сообщении посольства", "в посольстве сообщили"
        if child.dep_ == "obl" and preposition_of(child) in ("в", "во"):
            found = speaker_of(child, people, annotation)
            if found is not None:
                return found
    return None


def speaker_of(token: Token, people: People, annotation: Annotation) -> int | None:
    person = people.person(token)
    if person is not None:
        return person
    if lemma_of(token) in _INSTITUTIONS:  # "МИД России", "посольство США в Москве": the institution in full
        return _institution(token, people, annotation)
    named = people.entity_at(token)
    if named is not None and annotation.entities[named].label in ("ORG", "PERSON") and \
            not channel_in(annotation.entities[named].name):
        return named
    # "сообщение посольства США", "пресс-служба УФСИН": the institution whose message it is
    for child in sorted(token.subtree, key=lambda t: (len(list(t.ancestors)), t.i)):
        if child.i != token.i and lemma_of(child) in _INSTITUTIONS:
            return _institution(child, people, annotation)
        named = people.entity_at(child)
        if named is not None and annotation.entities[named].label == "ORG" and \
                not channel_in(annotation.entities[named].name):
            return named
    return _titled(token, people, annotation)


def _titled(token: Token, people: People, annotation: Annotation) -> int | None:
    word = lemma_of(token)
    holders = []
    for entity_index, entity in enumerate(annotation.entities):
        if entity.label != "PERSON":
            continue
        for m in entity.mentions:
            mention = annotation.mentions[m]
            span = people.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            titles = [root.head] if root.dep_ == "appos" else []
            titles += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            titles += [t for t in people.doc[max(0, span.start - 3):span.start] if t.pos_ == "NOUN"]
            if any(lemma_of(t) == word for t in titles) and entity_index not in holders:
                holders.append(entity_index)
    if len(holders) == 1:
        return holders[0]
    return None


def _institution(token: Token, people: People, annotation: Annotation) -> int | None:
    """"в посольстве России" as a speaker: the organisation it names, added to the document's entities."""
    if lemma_of(token) not in _INSTITUTIONS:
        return None
    keep = {t.i for t in token.subtree if t.i >= token.i and not any(
        a.dep_ in ("acl", "acl:relcl", "punct") and a.i in {x.i for x in token.subtree} for a in [t, *t.ancestors])
        and not channel_in(t.text)}
    name = nominative(token, keep)
    name = name[:1].upper() + name[1:]
    for index, entity in enumerate(annotation.entities):
        if entity.label == "ORG" and (entity.name.casefold() == name.casefold() or (
                len(name.split()) == 1 and entity.name.casefold().startswith(name.casefold()))):
            return index
    end = max(keep) + 1
    start_char, end_char = token.idx, people.doc[end - 1].idx + len(people.doc[end - 1].text)
    annotation.entities.append(LocalEntity(name=name, label="ORG"))
    annotation.mentions.append(Mention(start_char, end_char, annotation.article.body[start_char:end_char], "ORG",
                                       annotation.sentence_at(start_char)))
    annotation.entities[-1].mentions.append(len(annotation.mentions) - 1)
    people.owner[len(annotation.mentions) - 1] = len(annotation.entities) - 1
    return len(annotation.entities) - 1


_INSTITUTIONS = {"посольство", "министерство", "мид", "ведомство", "дипмиссия", "пресс-служба", "суд", "прокуратура",
                 "кремль", "администрация", "госдепартамент", "консульство", "уфсин", "фсин", "фсб", "мвд", "ск",
                 "комитет", "служба", "генконсульство", "минюст"}


def find_quotes(annotation: Annotation, doc: Doc, people: People) -> list[Quote]:
    """Quotations in «» and „“ and who said them: the subject of the reporting verb beside them
    ("«...», — заявил посол"; "Посол заявил: «...»"; "говорится в сообщении посольства"), "по словам X",
    or the speaker of the paragraph's previous quotation."""
    body = annotation.article.body
    quotes: list[Quote] = []
    position = 0
    sentences = list(doc.sents)
    for paragraph in body.split("\n"):
        spans = quote_spans(paragraph, position)
        last = None
        for start, end in spans:
            around = [s for s in sentences if s.start_char < end + 60 and s.end_char > start - 1 and
                      position <= s.start_char <= position + len(paragraph)]
            verbs = [t for s in around for t in s if is_reporting(t) and not any(a <= t.idx < b for a, b in spans)]
            verbs.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
            speaker, verb = None, None
            if verbs:  # the nearest reporting verb says who: "— заявил государственный обвинитель" is no one named
                verb = verbs[0]
                speaker = verb_speaker(verb, people, annotation)
            if speaker is None and verb is None:
                for s in around:  # "По словам адвоката, «...»"
                    for token in s:
                        if lemma_of(token) == "слово" and preposition_of(token) == "по":
                            owners = [c for c in token.children if c.dep_ == "nmod"]
                            speaker = speaker_of(owners[0], people, annotation) if owners else None
            if speaker is None and verb is None:
                speaker = last
            quote = Quote(start, end, body[start:end], speaker=speaker, verb=verb)
            if verb is not None:
                clause = [t for t in verb.subtree if not any(a <= t.idx < b for a, b in spans)]
                clause += [t for t in verb.sent if t.head.i == verb.i or t.head.head.i == verb.i]
                quote.channel = channel_in(" ".join(t.text for t in clause)) or _told_outlet(verb, spans, people)
            quotes.append(quote)
            last = speaker if speaker is not None else last
        position += len(paragraph) + 1
    return quotes


def _told_outlet(verb: Token, spans: list[tuple[int, int]], people: People) -> str | None:
    """"сказал «Интерфаксу»", "заявили РБК": words said to a news outlet, named in the dative, were an
    interview."""
    for child in verb.children:
        if child.dep_ in ("iobj", "obl", "obj") and not preposition_of(child) and child.text[:1].isupper() and \
                feat(child, "Case") in ("Dat", None) and child.ent_type_ != "PERSON" and \
                people.person(child) is None and not any(a <= child.idx < b for a, b in spans):
            return "interview"
    return None


def said_on(verb: Token, anchor: Anchor, quotes: list[Quote]) -> str | None:
    for token in verb.subtree:
        if token.head.i in (verb.i, *(c.i for c in verb.children)) and token.dep_ in ("obl", "obl:tmod", "advmod") \
                and not any(q.start <= token.idx < q.end for q in quotes) and DATE_WORDS.search(phrase_of(token)):
            value = resolve_date(phrase_of(token), anchor)
            if value:
                return value
    return None
