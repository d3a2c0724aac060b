"""Direct quotations and who said them, on which channel.

The speaker is the subject of the reporting verb next to the quotation ("..., the ministry stressed";
"Novak said: ..."; "according to the envoy, ..."), or the speaker of the paragraph's or the previous
paragraph's last quotation when the quotation stands alone.
"""
from __future__ import annotations

import re
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


# Verbs whose object or complement is the speaker's own words: "thanked Biden "for ..."", "denounced the
# verdict as "...", "the statement read: "..."". Inside what someone says, they are that speaker's words.
_QUOTING_VERBS = REPORTING_VERBS | {"thank", "denounce", "condemn", "praise", "welcome", "hail", "slam", "read"}


def _outside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return not any(start <= token.idx < end for start, end in spans)


def is_reporting(token: Token) -> bool:
    """A reporting verb, also where the tagger took its participle for an adjective ("Novak underscored")."""
    if token.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if token.lemma_.casefold() in _QUOTING_VERBS:
        return True
    word = token.lower_
    return token.pos_ == "ADJ" and any(word.endswith(end) and word[: -len(end)] in _QUOTING_VERBS
                                       for end in ("d", "ed"))


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is joined to ("The family said ... and denounced ...")."""
    for node in (verb, verb.head if verb.dep_ == "conj" and is_reporting(verb.head) else None):
        found = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None) if node else None
        if found is not None:
            return _named_last(found, node)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.ent_type_ == "PERSON":
        return before  # "..., Consul General in Minsk Karin Hofer told reporters", a subject the parse lost
    return None


def _named_last(subject: Token, verb: Token) -> Token:
    """"..., the founder, Jan Novak, ministry spokeswoman Eva Dvorak said": where the parse makes a longer phrase
    the subject, the person named right before the verb is the one who speaks."""
    last = max(subject.subtree, key=lambda t: t.i)
    if last.i == verb.i - 1 and last.i != subject.i and last.pos_ == "PROPN" and last.ent_type_ == "PERSON":
        return last
    return subject


# A quotation that ends a sentence: 'tweeted: "Welcome home".', 'said: "We will appeal."'
_ENDS_A_SENTENCE = re.compile(r'[^\W\d_][.!?]?["”»][.!?]|[^\W\d_][.!?]["”»]')


def _quotation_between(verb: Token, quote: tuple[int, int]) -> bool:
    """Whether a sentence of other quoted words stands between a verb and a quotation, and is the verb's own:
    in 'X tweeted: "Welcome home". "We have ...," Y said' the tweet is X's, the words after it Y's."""
    text = verb.doc.text
    between = text[verb.idx:quote[0]] if verb.idx < quote[0] else text[quote[1]:verb.idx]
    return bool(_ENDS_A_SENTENCE.search(between))


def _reporting_verb(sentences: list[Span], quote: tuple[int, int], spans) -> Token | None:
    """The reporting verb outside any quotation nearest to this one, in the sentences it touches."""
    best, best_distance = None, None
    for sentence in sentences:
        for token in sentence:
            if not is_reporting(token):
                continue
            if not _outside(token, spans):
                continue
            if subject_of(token) is None and token.lemma_ != "accord":
                continue
            if _quotation_between(token, quote):
                continue
            distance = min(abs(token.idx - quote[0]), abs(token.idx - quote[1]))
            if best_distance is None or distance < best_distance:
                best, best_distance = token, distance
    # "Novak said his government condemned "in the strongest terms" ...": the words are Novak's.
    while best is not None and best.lemma_.casefold() not in REPORTING_VERBS and best.dep_ in ("ccomp", "conj") \
            and is_reporting(best.head) and subject_of(best.head) is not None:
        best = best.head
    return best


def _last_sayer(doc: Doc, start: int, end: int, spans) -> Token | None:
    """The named subject of the last reporting verb between two offsets, outside quotations."""
    found = None
    for token in doc.char_span(start, end, alignment_mode="contract") or []:
        # not a verb inside what someone is reported to say ("Novak added that officials had not denied ...")
        if is_reporting(token) and _outside(token, spans) and not any(is_reporting(a) for a in token.ancestors):
            subject = subject_of(token)
            if subject is not None and subject.dep_ != "nsubjpass" and subject.pos_ in ("PROPN", "NOUN") and \
                    _outside(subject, spans):
                found = subject
    return found


def _previous_subject(pronoun: Token) -> Token | None:
    """"Novak dismissed the reports. He stressed that ...": a pronoun that is the subject of its sentence stands
    for the person named as the subject of the sentence before."""
    sentence = pronoun.sent
    if sentence.start == 0:
        return None
    root = pronoun.doc[sentence.start - 1].sent.root
    subject = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ == "PERSON":
        return subject
    return None


def _according_to(sentences: list[Span], spans) -> Token | None:
    for sentence in sentences:
        for token in sentence:
            if token.lower_ == "according" and _outside(token, spans):
                for to in token.children:
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


_WHOLE_ENOUGH = 12  # the words a cut-off quotation needs to still stand for what was said


def _cut_off(body: str, span: tuple[int, int]) -> bool:
    """A short quotation that the end of a page cut off mid-sentence ("I have always believed and I'm"): too
    little of the saying is left to stand for it."""
    words = body[span[0]:span[1]].split()
    return span[1] >= len(body.rstrip()) - 1 and len(words) < _WHOLE_ENOUGH and not words[-1].endswith(
        (".", "!", "?", "…", "-", "—"))


def find_quotes(annotation: Annotation, doc: Doc, linker: Linker,
                resolver: SpeakerResolver | None = None) -> list[Quote]:
    body = annotation.article.body
    resolver = resolver or SpeakerResolver(annotation, doc, linker)
    quotes: list[Quote] = []
    all_sentences = list(doc.sents)  # spaCy rebuilds doc.sents on every call
    previous, said = 0, set()
    for start, paragraph in _paragraphs(body):
        if not paragraph.strip():
            continue
        spans = [span for span in quote_spans(paragraph, start) if not _cut_off(body, span)]
        paragraph_speaker = None
        for span in spans:
            sentences = [s for s in all_sentences if s.start_char < span[1] + 40 and s.end_char > span[0] - 1
                         and s.start_char >= start and s.end_char <= start + len(paragraph) + 1]
            verb = _reporting_verb(sentences, span, spans)
            speaker_token = None
            if verb is not None:
                speaker_token = subject_of(verb)
            else:
                speaker_token = _according_to(sentences, spans)
            if speaker_token is None and paragraph_speaker is None:
                # "Novak announced this on Telegram. ... "We will ..."": the paragraph's earlier sentence says who.
                before = [s for s in all_sentences if start <= s.start_char and s.end_char <= span[0]]
                if not before and not (quotes and quotes[-1].end >= start - 200):
                    # a quotation that opens its paragraph: the speaker named at the end of the one before
                    before = [s for s in all_sentences if s.end_char <= start and s.end_char >= start - 400]
                verb = _reporting_verb(before[-2:], span, spans) if before else None
                speaker_token = (subject_of(verb) if verb is not None
                                 else _according_to(before[-2:], spans))
            if speaker_token is not None and speaker_token.lower_ in ("he", "she", "they"):
                # "..., she said": the person the paragraph, or the one before it when the quotation opens this
                # one, last reported as speaking
                opens = not body[start:span[0]].strip(" \"“‘'")
                speaker_token = (_last_sayer(doc, start, span[0], spans)
                                 or (_last_sayer(doc, previous, start, spans) if opens else None)
                                 or _previous_subject(speaker_token) or speaker_token)
            speaker = resolver.resolve(speaker_token) if speaker_token is not None else paragraph_speaker
            speaker = resolver.for_state(speaker)
            if speaker is None and speaker_token is None:
                speaker = resolver.last_speaker if not quotes or quotes[-1].end >= start - 200 else None
            if (speaker, body[span[0]:span[1]]) in said:
                continue  # the same words given twice by a page that repeats itself
            said.add((speaker, body[span[0]:span[1]]))
            quote = Quote(span[0], span[1], body[span[0]:span[1]], speaker=speaker, verb=verb)
            if verb is not None:  # the channel named in the reporting clause, not in a sentence after it
                clause = [t for t in verb.subtree if _outside(t, spans)]
                quote.channel = channel_in(" ".join(t.text for t in clause))
            elif quotes and quotes[-1].speaker == speaker and quotes[-1].end >= previous:
                quote.channel = quotes[-1].channel  # words that go on from the speaker's last ones, said alike
            quotes.append(quote)
            if speaker is not None:
                resolver.last_speaker = paragraph_speaker = speaker
        previous = start
    return quotes
