"""When a statement was said, and the channel and day an article gives a speaker's words as a whole."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Annotation
from ...temporal import Anchor
from ..grammar import date_of
from ..schema import REPORTING_VERBS
from .attribution import Quote, subject_of
from .channels import channel_in
from .news import dateline_sayers, told_as_news
from .speakers import SpeakerResolver


def in_other_clause(token: Token, verb: Token) -> bool:
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
        node = node.head
    return False


# The links by which a date hangs on a verb of saying as the day of that saying: "said on Friday", "told a news
# conference Friday", "Speaking in Dandong on Wednesday, the envoy said".
_FRAME_LINKS = {"pobj", "npadvmod", "prep", "pcomp", "advcl", "compound", "amod", "nummod", "tmod"}


def _frames(token: Token, verb: Token) -> bool:
    """Whether a word of the verb's phrase is of the saying itself, not of a clause with a subject of its own."""
    node = token
    while node.i != verb.i:
        if node.dep_ not in _FRAME_LINKS or node.head.i == node.i:
            return False
        if node.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return False
        node = node.head
    return True


def said_on(verb: Token, anchor: Anchor, quotes: list[Quote]) -> str | None:
    """The date a reporting verb gives its saying ("told TASS on Friday"), outside the quotations."""
    for token in verb.subtree:
        if token.ent_type_ == "DATE" and not any(q.start <= token.idx < q.end for q in quotes) and \
                token.dep_ in ("pobj", "npadvmod") and _frames(token, verb):
            resolved = date_of(token, anchor)
            if resolved:
                return resolved
    return None


def speaker_context(doc: Doc, quotes: list[Quote], resolver: SpeakerResolver,
                     anchor: Anchor) -> tuple[dict[int, str], dict[int, str]]:
    """The one channel and the one day an article gives each speaker's words ("In a statement on Telegram,
    the envoy ...", "his lawyer told TASS on Friday"), which the speaker's quotations then share."""
    channels: dict[int, set[str]] = {}
    dates: dict[int, set[str]] = {}
    speakers = {q.speaker for q in quotes if q.speaker is not None}
    for sentence in doc.sents:
        # the sentence without its quoted words, which may open before it or close after it
        unquoted = " ".join(t.text for t in sentence if not any(q.start <= t.idx < q.end for q in quotes))
        for verb in sentence:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            # a verb of saying's subject as the quotations read it ("..., spokeswoman Eva Dvorak told TASS")
            token = subject_of(verb) if verb.lemma_.casefold() in REPORTING_VERBS else next(
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if token is None:
                continue
            # The channel must be in the subject's own clause, not in a clause with a subject of its own.
            own = [t for t in verb.subtree if not in_other_clause(t, verb)
                   and not any(q.start <= t.idx < q.end for q in quotes)]  # nor in the quoted words
            channel = channel_in(" ".join(t.text for t in own)) if channel_in(unquoted) else None
            said = said_on(verb, anchor, quotes) if verb.lemma_.casefold() in REPORTING_VERBS else None
            if not channel and not said:
                continue
            if token.lower_ in ("who", "which", "that"):  # "X, who said on April 4": X
                entity = resolver.resolve(verb.head, create=False) if verb.dep_ == "relcl" else None
            elif token.pos_ == "PRON":  # "he said on Telegram": the speaker of the quotation that follows
                if verb.lemma_.casefold() not in REPORTING_VERBS:
                    continue  # "as they deal with ...": not a saying
                later = [q.speaker for q in quotes if q.speaker is not None and q.start > sentence.start_char]
                entity = later[0] if later else None
            else:
                entity = resolver.resolve(token, create=False)
            if entity in speakers:
                if channel:
                    channels.setdefault(entity, set()).add(channel)
                if said:
                    dates.setdefault(entity, set()).add(said)
    for speaker, day in dateline_sayers(resolver.annotation, doc, resolver, anchor, quotes).items():
        if speaker in speakers and speaker not in dates:
            dates[speaker] = {day}
    # The speaker under each of the names the article gives them: one person may be two entities of the
    # document until names are resolved across articles.
    names = {i: e.name.casefold() for i, e in enumerate(resolver.annotation.entities)}

    def unique(found: dict[int, set[str]]) -> dict[int, str]:
        by_name: dict[str, set[str]] = {}
        for speaker, values in found.items():
            by_name.setdefault(names[speaker], set()).update(values)
        return {speaker: next(iter(by_name[names[speaker]])) for speaker in speakers
                if len(by_name.get(names[speaker], ())) == 1}

    return unique(channels), unique(dates)


def statement_date(annotation: Annotation, quote: Quote, anchor: Anchor, speaker_dates: dict[int, str],
                   news: str | None = None) -> str | None:
    """The day a reporting verb or the article gives the saying, else the day of the article's news."""
    if quote.verb is not None:
        said = said_on(quote.verb, anchor, [quote])
        if said:
            return said
    if quote.speaker in speaker_dates:
        return speaker_dates[quote.speaker]
    return news if told_as_news(quote) else None
