"""Framing terms: the words a source chooses for an act ("abducted", "extradited", "hunt"), for the person it
befell ("hacker", "businessman", "hostage"), and the content words of a quotation. Each term keeps its
offsets in the article, so every count made of them leads back to its sentence.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Annotation, Term

_CONTENT = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}
# Words of every report, which frame nothing.
_PLAIN = {"say", "tell", "be", "have", "do", "also", "not", "so", "very", "just", "now", "then", "there", "here",
          "year", "day", "time", "week", "month", "today", "yesterday", "will", "would", "can", "could", "may",
          "make", "get", "go", "come", "take", "give", "know", "think", "want", "see", "other", "such", "only",
          "well", "even", "still", "already", "many", "much", "more", "most", "some", "all", "any", "every"}


def _lemma(token: Token) -> str:
    """The word's lemma; a gerund as its verb ("the hunting of Russians" is the hunt)."""
    lemma = token.lemma_.casefold()
    if token.pos_ == "NOUN" and lemma.endswith("ing") and len(lemma) > 6:
        stem = lemma[:-3]
        return stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" else stem
    return lemma


def _term(kind: str, token: Token) -> Term:
    return Term(kind, _lemma(token), token.idx, token.idx + len(token.text))


def _frames(token: Token) -> bool:
    return token.is_alpha and len(token.text) > 2 and token.lemma_.casefold() not in _PLAIN and not token.is_stop


def act_terms(trigger: Token) -> list[Term]:
    """The trigger and the words that qualify it: "illegally detained", "forcibly taken", "brutal abduction"."""
    qualifiers = [c for c in trigger.children if c.dep_ in ("advmod", "amod", "acomp", "oprd", "prt")
                  and c.pos_ in ("ADV", "ADJ", "ADP") and _frames(c)]  # also "found guilty", "handed over"
    return [_term("act", trigger), *(_term("act", c) for c in qualifiers)]


def person_terms(annotation: Annotation, doc: Doc, entity: int, sentence: int) -> list[Term]:
    """The nouns a sentence names its person with: "hacker Roman Seleznev", "Bout, a Russian businessman",
    "the hostage, Jan Novak"."""
    span = annotation.sentences[sentence]
    found = []
    for m in annotation.entities[entity].mentions:
        mention = annotation.mentions[m]
        if not span.start <= mention.start < span.end:
            continue
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is None:
            continue
        root = name.root
        nouns = [c for c in root.children if c.dep_ in ("compound", "appos", "amod") and c.pos_ == "NOUN"
                 and not name.start <= c.i < name.end]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        found += [_term("person", n) for n in nouns if _frames(n)]
    return found


def quote_terms(doc: Doc, start: int, end: int) -> list[Term]:
    """The content words of a quotation."""
    words = doc.char_span(start, end, alignment_mode="contract")
    return [_term("quote", t) for t in (words or []) if t.pos_ in _CONTENT and t.pos_ != "PROPN" and _frames(t)]
