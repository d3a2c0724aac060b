"""Direct quotations and who said them, on which channel, when.

Quotation marks are paired per paragraph: a closing mark with no opening mark
opens the quotation at the paragraph's start (a page that lost the opening mark),
a short quotation inside a longer one is part of it, and text split by "he said,"
is one quotation on each side. The speaker is the subject of the reporting verb
next to the quotation ("..., the ministry stressed"; "Antonov said: ..."; "according
to the envoy, ..."), or the speaker of the paragraph's or the previous paragraph's
last quotation when the quotation stands alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..records import Annotation
from .linking import Linker
from .schema import CHANNELS, REPORTING_VERBS

MIN_WORDS = 4
_OPEN = "“„«"
_CLOSE = "”»"
_STRAIGHT = '"'
# Titles that stand for a person the article has named: "the envoy said".
ROLE_GROUPS = [
    {"ambassador", "envoy", "diplomat", "emissary"},
    {"minister"}, {"spokesman", "spokeswoman", "spokesperson"}, {"president"}, {"prime minister", "premier"},
    {"lawyer", "attorney", "counsel"}, {"prosecutor"}, {"judge"}, {"official"}, {"mother"}, {"father"},
    {"wife"}, {"husband"}, {"sister"}, {"brother"}, {"daughter"}, {"son"},
]
ORG_ROLES = {"ministry", "embassy", "department", "office", "kremlin", "court", "government", "agency",
             "service", "committee", "council", "police", "prosecutor's office", "white house", "state department"}


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


def _is_opening(text: str, i: int) -> bool:
    char = text[i]
    if char in _OPEN:
        return True
    if char in _CLOSE:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def quote_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each top-level quotation in one paragraph, offsets into the body."""
    marks = [i for i, c in enumerate(text) if c in _OPEN + _CLOSE + _STRAIGHT]
    spans, stack = [], []
    for i in marks:
        if _is_opening(text, i):
            stack.append(i)
            continue
        if not stack:  # a closing mark whose opening mark the page lost
            spans.append((0, i))
            continue
        start = stack.pop()
        following = text[i + 1:].lstrip()
        # "... American "justice." "There are ..." : the close before a new quotation ends them all.
        if stack and (not following or following[0] in _OPEN + _STRAIGHT):
            start = stack[0]
            stack.clear()
        if not stack:
            spans.append((start + 1, i))
    if stack:
        spans.append((stack[0] + 1, len(text)))
    out = []
    for start, end in spans:
        inner = text[start:end]
        lead = len(inner) - len(inner.lstrip())
        inner = inner.strip().rstrip(",")
        if len(re.findall(r"\w+", inner)) >= MIN_WORDS:
            out.append((offset + start + lead, offset + start + lead + len(inner)))
    return out


def _paragraphs(body: str) -> list[tuple[int, str]]:
    out, position = [], 0
    for line in body.split("\n"):
        out.append((position, line))
        position += len(line) + 1
    return out


def _outside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return not any(start <= token.idx < end for start, end in spans)


def is_reporting(token: Token) -> bool:
    """A reporting verb, also where the tagger took its participle for an adjective ("Antonov underscored")."""
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


def _according_to(sentences: list[Span], spans) -> Token | None:
    for sentence in sentences:
        for token in sentence:
            if token.lower_ == "according" and _outside(token, spans):
                for to in token.children:
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


class SpeakerResolver:
    """Names, pronouns and titles ("the envoy", "the ministry") to document entities."""

    def __init__(self, annotation: Annotation, doc: Doc, linker: Linker):
        self.annotation, self.doc, self.linker = annotation, doc, linker
        self.roles = self._roles()
        self.last_speaker: int | None = None

    def _roles(self) -> dict[int, set[str]]:
        """Titles the article gives each person: "Ambassador Anatoly Antonov", "Antonov, the envoy"."""
        roles: dict[int, set[str]] = {}
        for index, entity in enumerate(self.annotation.entities):
            if entity.label != "PERSON":
                continue
            for m in entity.mentions:
                mention = self.annotation.mentions[m]
                window = self.doc.text[max(0, mention.start - 60):mention.end + 80].casefold()
                for group in ROLE_GROUPS:
                    for role in group:
                        if re.search(rf"\b{role}\b", window):
                            roles.setdefault(index, set()).update(group)
        return roles

    def resolve(self, token: Token) -> int | None:
        lower = token.lower_
        if lower in ("he", "she", "they", "i", "we"):
            return self.last_speaker if self.last_speaker is not None else self.linker.last_person(token.idx)
        phrase = " ".join(t.lower_ for t in token.subtree if t.dep_ not in ("det", "punct"))
        entity = self.linker.entity_at(token.idx, token.idx + len(token.text))
        if entity is not None and self.annotation.entities[entity].label in ("PERSON", "ORG", "GPE", "NORP"):
            if self.annotation.entities[entity].label == "NORP":
                return self.linker.person(token)
            return entity
        for group in ROLE_GROUPS:
            if any(re.search(rf"\b{role}\b", phrase) for role in group):
                holders = [i for i, roles in self.roles.items() if roles & group]
                if len(holders) == 1:
                    return holders[0]
                return self.last_speaker if self.last_speaker in holders else (holders[-1] if holders else None)
        for role in ORG_ROLES:
            if role in phrase:
                for index, candidate in reversed(list(enumerate(self.annotation.entities))):
                    if candidate.label == "ORG" and role in candidate.name.casefold():
                        return index
        return self.linker.person(token)


def _channel(sentence_text: str) -> str | None:
    lowered = sentence_text.casefold()
    for word, channel in CHANNELS.items():
        if re.search(rf"\b{word}\b", lowered):
            return channel
    return None


def find_quotes(annotation: Annotation, doc: Doc, linker: Linker) -> list[Quote]:
    body = annotation.article.body
    resolver = SpeakerResolver(annotation, doc, linker)
    quotes: list[Quote] = []
    for start, paragraph in _paragraphs(body):
        spans = quote_spans(paragraph, start)
        paragraph_speaker = None
        for span in spans:
            sentences = [s for s in doc.sents if s.start_char < span[1] + 40 and s.end_char > span[0] - 1
                         and s.start_char >= start and s.end_char <= start + len(paragraph) + 1]
            verb = _reporting_verb(sentences, span, spans)
            speaker_token = None
            if verb is not None:
                speaker_token = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            else:
                speaker_token = _according_to(sentences, spans)
            if speaker_token is None and paragraph_speaker is None:
                # "Antonov announced this on Telegram. ... "We will ..."": the paragraph's earlier sentence says who.
                before = [s for s in doc.sents if start <= s.start_char and s.end_char <= span[0]]
                verb = _reporting_verb(before[-2:], span, spans) if before else None
                speaker_token = (next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None
                                 else _according_to(before[-2:], spans))
            speaker = resolver.resolve(speaker_token) if speaker_token is not None else paragraph_speaker
            if speaker is None:
                speaker = resolver.last_speaker if not quotes or quotes[-1].end >= start - 200 else None
            quote = Quote(span[0], span[1], body[span[0]:span[1]], speaker=speaker, verb=verb)
            attribution = " ".join(s.text for s in sentences)
            quote.channel = _channel(re.sub(r"[“”\"].*?[“”\"]", " ", attribution)) if verb is not None else None
            quotes.append(quote)
            if speaker is not None:
                resolver.last_speaker = paragraph_speaker = speaker
    return quotes
