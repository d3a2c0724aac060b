"""The day of an article's news, which the reactions it quotes share.

A report whose opening sentences date what happened to the day of publication or one of the two days before it
("... was sentenced on Wednesday") quotes the reactions of that day, unless it gives them a day of their own. A
wire's dateline dates the saying its own paragraph reports ("MOSCOW, August 28. /TASS/. ..., the spokeswoman
said"), not the sayings the story adds after it.
"""
from __future__ import annotations

from datetime import date
from itertools import islice

from spacy.tokens import Doc, Token

from ...clean.dateline import parse_dateline
from ...records import Annotation
from ...temporal import Anchor, resolve_date
from ..grammar import date_of, entity_span
from .attribution import Quote, is_reporting, subject_of
from .speakers import SpeakerResolver

_LEAD_SENTENCES = 6  # the opening sentences that tell the news
_RECENT_DAYS = 2  # a day up to this many days before publication is still that news


def _told(sentence, quotes: list[Quote]) -> bool:
    """A sentence the report tells in its own voice, not a date line, a caption credit, a headline fragment
    or a quoted sentence."""
    return sentence.root.pos_ in ("VERB", "AUX") and sum(t.is_alpha for t in sentence) >= 6 \
        and not any(q.start <= sentence.start_char < q.end for q in quotes)


def news_day(doc: Doc, anchor: Anchor, quotes: list[Quote]) -> str | None:
    """The day the first dated event of the opening sentences happened, when it is recent news."""
    published = anchor.known_day
    if published is None:
        return None
    lead = islice((s for s in doc.sents if _told(s, quotes)), _LEAD_SENTENCES)
    for sentence in lead:
        for token in sentence:
            if token.ent_type_ not in ("DATE", "TIME") or token.ent_iob_ != "B" or not _happened(token) \
                    or any(q.start <= token.idx < q.end for q in quotes):
                continue
            # "this morning", "late on Friday evening": a time of day places the day too
            value = date_of(token, anchor) if token.ent_type_ == "DATE" else resolve_date(entity_span(token).text, anchor)
            if not value or len(value) != 10 or "X" in value:
                continue  # "in the summer", "last year": not a day
            # the first day the story tells: today's news, or an older event the report looks back on
            return value if 0 <= (published - date.fromisoformat(value)).days <= _RECENT_DAYS else None
    return None


def _happened(date_word: Token) -> bool:
    """Whether a date is of a thing that happened ("was sentenced on Wednesday", "have carried out a swap
    Wednesday"), not of one planned ("was due to return on Saturday") or one before another ("had been told by
    Saturday")."""
    verb = next((a for a in date_word.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.tag_ == "VBD":
        return True
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # "has been freed", "was sentenced"; not "had been told", "will be freed", "is due to be freed"
    return verb.tag_ == "VBN" and bool(helpers) and all(c.tag_ in ("VBZ", "VBP", "VBD", "VBN") for c in helpers) \
        and not any(c.lower_ == "had" for c in helpers)


def told_as_news(quote: Quote) -> bool:
    """Said in the report's own time ("said", "says", "told"), not earlier ("had said", "has said")."""
    return quote.verb is None or quote.verb.tag_ in ("VBD", "VBZ", "VBP")


def dateline_sayers(annotation: Annotation, doc: Doc, resolver: SpeakerResolver, anchor: Anchor,
                    quotes: list[Quote]) -> dict[int, str]:
    """The speakers whose saying the dateline's paragraph reports, with the dateline's day."""
    if not (annotation.article.dateline and anchor.month and anchor.day):
        return {}
    day = f"{anchor.year:04d}" if anchor.year else "XXXX"
    day += f"-{anchor.month:02d}-{anchor.day:02d}"
    position = 0
    for paragraph in annotation.article.body.split("\n"):
        if parse_dateline(paragraph):
            span = doc.char_span(position, position + len(paragraph), alignment_mode="contract") or []
            return {speaker: day for verb in span if _reports(verb, quotes)
                    if (speaker := resolver.resolve(subject_of(verb), create=False)) is not None}
        position += len(paragraph) + 1
    return {}


def _reports(verb: Token, quotes: list[Quote]) -> bool:
    return verb.pos_ in ("VERB", "AUX") and is_reporting(verb) and subject_of(verb) is not None \
        and not any(q.start <= verb.idx < q.end for q in quotes)
