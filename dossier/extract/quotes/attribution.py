"""Direct quotations and who said them, on which channel.

The speaker is the subject of the reporting verb next to the quotation ("..., the ministry stressed";
"Novak said: ..."; "according to the envoy, ..."), or the speaker of the paragraph's or the previous
paragraph's last quotation when the quotation stands alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...records import Annotation
from ..linking import Linker
from ..schema import REPORTING_VERBS
from .channels import channel_in
from .spans import quote_spans
from .speakers import SpeakerResolver


@dataclass
class Quote:
    start: int  # character offsets of the quoted words in the body
    end: int
    text: str
    speaker: int | None = None  # document entity
    channel: str | None = None
    date: str | None = None
    about: list[int] = field(default_factory=list)
    verb: Token | None = None  # the reporting verb, when one was found



def _paragraphs(body: str) -> list[tuple[int, str]]:
    out, position = [], 0
    for line in body.split("\n"):
        out.append((position, line))
        position += len(line) + 1
    return out


def _outside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return not any(start <= token.idx < end for start, end in spans)


def is_reporting(token: Token) -> bool:
    """A reporting verb, also where the tagger took its participle for an adjective ("Novak underscored")."""
    if token.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if token.lemma_.casefold() in REPORTING_VERBS:
        return True
    word = token.lower_
    return token.pos_ == "ADJ" and any(word.endswith(end) and word[: -len(end)] in REPORTING_VERBS
                                       for end in ("d", "ed"))


def _reporting_verb(sentences: list[Span], quote: tuple[int, int], spans) -> Token | None:
    """The reporting verb outside any quotation nearest to this one, in the sentences it touches."""
    best, best_distance = None, None
    for sentence in sentences:
        for token in sentence:
            if not is_reporting(token):
                continue
            if not _outside(token, spans):
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) and token.lemma_ != "accord":
                continue
            distance = min(abs(token.idx - quote[0]), abs(token.idx - quote[1]))
            if best_distance is None or distance < best_distance:
                best, best_distance = token, distance
    return best


def _last_sayer(doc: Doc, start: int, end: int, spans) -> Token | None:
    """The named subject of the last reporting verb between two offsets, outside quotations."""
    found = None
    for token in doc.char_span(start, end, alignment_mode="contract") or []:
        if is_reporting(token) and _outside(token, spans):
            for child in token.children:
                if child.dep_ == "nsubj" and child.pos_ in ("PROPN", "NOUN") and _outside(child, spans):
                    found = child
    return found


def _according_to(sentences: list[Span], spans) -> Token | None:
    for sentence in sentences:
        for token in sentence:
            if token.lower_ == "according" and _outside(token, spans):
                for to in token.children:
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


def find_quotes(annotation: Annotation, doc: Doc, linker: Linker,
                resolver: SpeakerResolver | None = None) -> list[Quote]:
    body = annotation.article.body
    resolver = resolver or SpeakerResolver(annotation, doc, linker)
    quotes: list[Quote] = []
    all_sentences = list(doc.sents)  # spaCy rebuilds doc.sents on every call
    for start, paragraph in _paragraphs(body):
        spans = quote_spans(paragraph, start)
        paragraph_speaker = None
        for span in spans:
            sentences = [s for s in all_sentences if s.start_char < span[1] + 40 and s.end_char > span[0] - 1
                         and s.start_char >= start and s.end_char <= start + len(paragraph) + 1]
            verb = _reporting_verb(sentences, span, spans)
            speaker_token = None
            if verb is not None:
                speaker_token = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            else:
                speaker_token = _according_to(sentences, spans)
            if speaker_token is None and paragraph_speaker is None:
                # "Novak announced this on Telegram. ... "We will ..."": the paragraph's earlier sentence says who.
                before = [s for s in all_sentences if start <= s.start_char and s.end_char <= span[0]]
                if not before and not (quotes and quotes[-1].end >= start - 200):
                    # a quotation that opens its paragraph: the speaker named at the end of the one before
                    before = [s for s in all_sentences if s.end_char <= start and s.end_char >= start - 400]
                verb = _reporting_verb(before[-2:], span, spans) if before else None
                speaker_token = (next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None
                                 else _according_to(before[-2:], spans))
            if speaker_token is not None and speaker_token.lower_ in ("he", "she", "they"):
                # "..., she said": the person the paragraph last reported as speaking
                speaker_token = _last_sayer(doc, start, span[0], spans) or speaker_token
            speaker = resolver.resolve(speaker_token) if speaker_token is not None else paragraph_speaker
            speaker = resolver.for_state(speaker)
            if speaker is None and speaker_token is None:
                speaker = resolver.last_speaker if not quotes or quotes[-1].end >= start - 200 else None
            quote = Quote(span[0], span[1], body[span[0]:span[1]], speaker=speaker, verb=verb)
            if verb is not None:  # the channel named in the reporting clause, not in a sentence after it
                clause = [t for t in verb.subtree if _outside(t, spans)]
                quote.channel = channel_in(" ".join(t.text for t in clause))
            quotes.append(quote)
            if speaker is not None:
                resolver.last_speaker = paragraph_speaker = speaker
    return quotes
