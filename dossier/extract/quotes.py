"""Direct quotations and who said them, on which channel, when.

Quotation marks are paired per paragraph: a closing mark with no opening mark
opens the quotation at the paragraph's start (a page that lost the opening mark),
a short quotation inside a longer one is part of it, and text split by "he said,"
is one quotation on each side. The speaker is the subject of the reporting verb
next to the quotation ("..., the ministry stressed"; "Novak said: ..."; "according
to the envoy, ..."), or the speaker of the paragraph's or the previous paragraph's
last quotation when the quotation stands alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import places
from ..clean import outlets
from ..records import Annotation, LocalEntity, Mention
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
# Heads of the noun phrases that name an institution speaking: "the Iranian foreign ministry said".
ORG_HEADS = {"ministry", "embassy", "department", "office", "kremlin", "court", "government", "agency",
             "service", "committee", "council", "police", "junta", "judiciary", "prosecutors", "prosecution",
             "authorities", "administration", "cabinet", "presidency", "parliament", "consulate", "mission",
             "army", "military", "command", "directorate", "bureau", "commission", "spokesperson's office"}


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


# Single quotation marks, in a paragraph that has no double ones: an opening mark starts a word, a closing
# mark ends one, so the apostrophes of "Russia's" and "don't" are neither.
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[^\s’'])(.+?)(?<=[^\s‘'])[’'](?![\w‘’'])")


# The author's words open after the quotation's own comma, "!" or "?" and a dash; a dash with none before it is
# the quotation's own ("Мой клиент — инженер, а не контрабандист, — сказал Нолан").
_AUTHOR = re.compile(r"[,!?…]\s+[—–]\s+[^—–«»„“”]{3,120}?[.,:]?\s+[—–]\s+(?=\w)")


def _interrupted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A quotation cut where the author's words stand between two dashes inside it."""
    if text[start - 1:start] not in ("«", "„"):
        return [(start, end)]
    pieces, at = [], start
    for match in _AUTHOR.finditer(text, start, end):
        pieces.append((at, match.start()))
        at = match.end()
    return [*pieces, (at, end)]


def quote_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each top-level quotation in one paragraph, offsets into the body."""
    marks = [i for i, c in enumerate(text) if c in _OPEN + _CLOSE + _STRAIGHT]
    if not marks:
        found = [(m.start(1), m.end(1)) for m in _SINGLE.finditer(text)]
        return [(offset + a, offset + a + len(text[a:b].rstrip(","))) for a, b in found
                if len(re.findall(r"\w+", text[a:b])) >= MIN_WORDS]
    spans, stack = [], []
    for i in marks:
        closes_low = text[i] == "“" and bool(stack) and text[stack[-1]] == "„"  # „so“, as Russian pairs them
        if _is_opening(text, i) and not closes_low:
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
    # «Мой клиент — инженер, — сказал Нолан журналистам. — Мы подадим апелляцию»: the author's words between
    # dashes inside one pair of marks make two quotations.
    spans = [piece for start, end in spans for piece in _interrupted(text, start, end)]
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


class SpeakerResolver:
    """Names, pronouns and titles ("the envoy", "the ministry") to document entities."""

    def __init__(self, annotation: Annotation, doc: Doc, linker: Linker):
        self.annotation, self.doc, self.linker = annotation, doc, linker
        self.text = annotation.article.body  # the Doc's text; doc.text joins every token on each call
        self.title_words: dict[int, set[str]] = {}  # every word of the titles each person is given
        self.roles = self._roles()
        self.last_speaker: int | None = None

    def _roles(self) -> dict[int, set[str]]:
        """Titles the article gives each person, by the grammar that joins them to the name:
        "Ambassador Jan Novak", "Novak, the envoy", "Jan Novak, Prague's ambassador"."""
        roles: dict[int, set[str]] = {}
        for index, entity in enumerate(self.annotation.entities):
            if entity.label != "PERSON":
                continue
            titles = {entity.role.casefold()} if getattr(entity, "role", None) else set()
            for m in entity.mentions:
                mention = self.annotation.mentions[m]
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                titles.update(t.lower_ for t in root.children if t.dep_ in ("compound", "appos") and t.i < span.start)
                titles.update(t.lower_ for t in root.children if t.dep_ == "appos" and t.pos_ == "NOUN")
                if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                    titles.add(root.head.lower_)
                if root.dep_ == "compound" and root.head.pos_ == "NOUN":
                    titles.add(root.head.lower_)
                # Where the parse misses it: the words just before the name, or an apposition just after it
                # ("Jan Novak, Prague's ambassador to Rome, said").
                titles.update(self.text[max(0, mention.start - 40):mention.start].casefold().split()[-3:])
                after = re.match(r",\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)", self.text[mention.end:mention.end + 60])
                if after:
                    titles.update(after.group(1).casefold().split())
            for group in ROLE_GROUPS:
                if titles & group or any(title.endswith(role) for title in titles for role in group):
                    roles.setdefault(index, set()).update(group)
            if index in roles:
                self.title_words[index] = titles
        return roles

    def resolve(self, token: Token, create: bool = True) -> int | None:
        """The entity a speaker's word names; ``create`` lets an institution the tagger missed become one."""
        lower = token.lower_
        if lower in ("he", "she", "they", "i", "we"):
            return self.last_speaker if self.last_speaker is not None else self.linker.last_person(token.idx)
        if lower == "it":  # "..., it added": the institution quoted or named last
            last = self.last_speaker
            if last is not None and self.annotation.entities[last].label == "ORG":
                return last
            return self.linker.last_entity(token.idx, "ORG")
        entity = self.linker.entity_at(token.idx, token.idx + len(token.text))
        if entity is not None and self.annotation.entities[entity].label in ("PERSON", "ORG", "GPE", "NORP"):
            if self.annotation.entities[entity].label == "NORP":
                return self.linker.person(token)
            if self.annotation.entities[entity].label == "ORG" and token.pos_ == "PROPN":
                # "de Vries said": a surname the tagger took for an organisation, of a person named before.
                name = self.annotation.entities[entity].name.casefold()
                people = [i for i, e in enumerate(self.annotation.entities) if e.label == "PERSON"
                          and len(e.name.split()) > len(name.split()) and e.name.casefold().endswith(" " + name)]
                if len(people) == 1:
                    return people[0]
            return entity
        named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:  # "the envoy, Jan Novak"
            return self.resolve(named[0], create)
        word = token.lemma_.casefold()
        for group in ROLE_GROUPS:
            if word in group or lower in group:
                holders = [i for i, roles in self.roles.items() if roles & group]
                # "the prime minister" is the one a title calls prime, not the foreign minister
                qualifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i}
                holders = [i for i in holders if qualifiers <= self.title_words.get(i, set())] or holders
                if len(holders) == 1:
                    return holders[0]
                if holders:
                    return self.last_speaker if self.last_speaker in holders else holders[-1]
                # "a spokesperson for the National Security Council": who the nameless speaker speaks for
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                found = self.linker.entity_at(obj.idx, obj.idx + len(obj.text))
                                if found is not None and self.annotation.entities[found].label == "ORG":
                                    return found
                                if obj.lemma_.casefold() in ORG_HEADS:
                                    return self.institution(obj, create)
                return None
        if word in ORG_HEADS or lower in ORG_HEADS:
            return self.institution(token, create)
        return self.linker.person(token)

    def for_state(self, speaker: int | None) -> int | None:
        """"Moscow stressed ...": a state or capital named as speaker stands for the body of that state
        the article has been quoting ("the Russian Foreign Ministry")."""
        last = self.last_speaker
        if speaker is None or last is None or self.annotation.entities[speaker].label != "GPE":
            return speaker
        if self.annotation.entities[last].label != "ORG":
            return speaker
        state = places.country_of_place(self.annotation.entities[speaker].name)
        words = self.annotation.entities[last].name.replace("'s", "").split()
        if state and any(places.country(word) == state for word in words):
            return last
        return speaker

    def institution(self, token: Token, create: bool = True) -> int | None:
        """The organisation a noun phrase names ("the Iranian foreign ministry", "the ministry", "it").

        A phrase that a state or name qualifies becomes an entity of the document when
        the tagger did not name it; a bare "the ministry" stands for the last such one.
        """
        head = token.lemma_.casefold()
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "punct")]
        qualified = any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN" for t in words if t.i != token.i)
        for index, entity in reversed(list(enumerate(self.annotation.entities))):
            if entity.label == "ORG" and head in entity.name.casefold().split():
                name = " ".join(t.text for t in words).casefold()
                if not qualified or name in entity.name.casefold() or entity.name.casefold() in name:
                    return index
        if not qualified:
            # "the ministry" after "the Omani foreign ministry said ...": the fuller name given before.
            earlier = [t for t in self.doc[:token.i]
                       if t.lemma_.casefold() == head and t.pos_ in ("NOUN", "PROPN") and any(
                           c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN" for c in t.children
                           if c.dep_ in ("amod", "compound", "poss") and c.i < t.i)]
            return self.institution(earlier[-1], create) if earlier else None
        if not create:
            return None
        start, end = words[0].idx, token.idx + len(token.text)
        text = self.text[start:end]
        self.annotation.entities.append(LocalEntity(name=text, label="ORG"))
        self.annotation.mentions.append(Mention(start, end, text, "ORG", self.annotation.sentence_at(start)))
        index = len(self.annotation.entities) - 1
        self.annotation.entities[index].mentions.append(len(self.annotation.mentions) - 1)
        self.linker.remember(len(self.annotation.mentions) - 1, index)
        return index


# "told TASS", "said in an interview with the BBC": a speaker who talks to one outlet gives it an interview.
_TO_AN_OUTLET = re.compile(r"\b(?:told|telling|tells|interview (?:with|to))\s+(?:the\s+)?"
                           r"(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})")
_MEDIA_NOUNS = {"newspaper", "agency", "channel", "radio", "television", "tv", "magazine", "daily", "news"}


def channel_in(sentence_text: str) -> str | None:
    for match in _TO_AN_OUTLET.finditer(sentence_text):
        name = match.group("name")
        if outlets.by_name(name) or name.split()[-1].casefold() in _MEDIA_NOUNS:
            return "interview"
    lowered = sentence_text.casefold()
    for words, channel in CHANNELS.items():
        if re.search(rf"\b({words})\b", lowered):
            return channel
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
