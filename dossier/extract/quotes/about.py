"""The people a statement speaks of.

A statement speaks of the people named in the quotation or the sentence that frames it, and of the people
the article is about when it refers to them without a name: a pronoun ("she is safe"), a noun for a
person ("my client", "the journalist", "this Russian citizen") or their case ("the verdict", "his arrest").
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ...records import Annotation
from ..linking import PERSON_NOUNS, Linker
from ..words import PEOPLE
from .attribution import Quote

_HE, _SHE = {"he", "him", "his", "himself"}, {"she", "her", "hers", "herself"}
_KIN = {"client", "son", "daughter", "husband", "wife", "father", "mother", "brother", "sister", "child",
        "partner", "colleague", "friend", "compatriot", "constituent", "employee", "reporter"}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
# Nouns for the events of one detention case: "the verdict", "his arrest", "the hearing".
_CASE_NOUNS = {"case", "arrest", "detention", "trial", "hearing", "verdict", "sentence", "conviction", "extradition",
               "imprisonment", "incarceration", "jailing", "deportation"}


def _subjects(annotation: Annotation) -> Counter:
    """The people the article's case facts are about, by how many facts each has."""
    return Counter(f.subject.entity for f in annotation.facts if f.type != "statement")


def _gender(annotation: Annotation, doc: Doc, person: int) -> set[str]:
    """The pronouns the article uses in the sentences that name this person and no one else, and in the
    sentences after them that name no one."""
    named = {annotation.mentions[m].sentence for m in annotation.entities[person].mentions}
    others = {annotation.mentions[m].sentence for index, entity in enumerate(annotation.entities)
              if index != person and entity.label == "PERSON" for m in entity.mentions}
    counts: Counter = Counter()
    for number in (named | {n + 1 for n in named if n + 1 < len(annotation.sentences)}) - others:
        sentence = annotation.sentences[number]
        for token in doc.char_span(sentence.start, sentence.end, alignment_mode="expand") or []:
            counts.update(["he"] if token.lower_ in _HE else ["she"] if token.lower_ in _SHE else [])
    if counts["he"] > 2 * counts["she"]:
        return {"he"}
    if counts["she"] > 2 * counts["he"]:
        return {"she"}
    return {"he", "she"}


def _one_case(token: Token) -> bool:
    """"The verdict", "his arrest": one case the reader knows; not "such cases", "their deportation", nor
    "the arrest of Russians", whose owner is said."""
    determined = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "no", "every", "their")
                     for c in token.children)
    owned = any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in token.children)
    return token.tag_ == "NN" and determined and not owned


def _references(tokens: Span | list[Token]) -> tuple[set[str], int]:
    """What the words refer to without a name: "he", "she", "one" person or "case"; and how many people a
    counted plural names ("these two men", "both prisoners")."""
    found, counted = set(), 0
    for token in tokens:
        lower, lemma = token.lower_, token.lemma_.casefold()
        if lower in _HE:
            found.add("he")
        elif lower in _SHE:
            found.add("she")
        elif token.pos_ == "NOUN" and lemma in _CASE_NOUNS:
            if _one_case(token):
                found.add("case")
        elif token.pos_ == "NOUN" and lemma in _KIN | PERSON_NOUNS | PEOPLE:
            if token.tag_ != "NNS":
                found.add("one")
            for child in token.children:
                if child.lower_ == "both" or child.like_num and child.lower_.isalpha():
                    counted = max(counted, 2 if child.lower_ == "both" else _NUMBERS.get(child.lower_, 0))
        elif token.ent_type_ == "NORP" and token.tag_ != "NNPS" and any(c.dep_ == "det" for c in token.children):
            found.add("one")  # "the American", "this Russian"
    return found, counted


def _unnamed(quote: Quote, annotation: Annotation, doc: Doc, tokens: list[Token]) -> list[int]:
    """The people the article is about, where the words refer to them without naming them."""
    subjects = [(person, count) for person, count in _subjects(annotation).most_common()
                if annotation.entities[person].label == "PERSON" and _is_name(annotation, person, doc)]
    references, counted = _references(tokens)
    if quote.verb is not None:  # "said she was "deeply disappointed" about the case": the frame's case words
        frame = [t for t in quote.verb.subtree if not quote.start <= t.idx < quote.end]
        references |= _references(frame)[0] & {"case"}
    references |= _references(_clause_subject(quote, tokens))[0]
    if not subjects:
        return []
    if counted > 1:  # "these two men": the two people the article tells most of, when no third one ties
        plural = {t.lemma_.casefold() for t in tokens if t.tag_ == "NNS"}
        other_sex = {"she"} if "man" in plural else {"he"} if "woman" in plural else None
        subjects = [(p, n) for p, n in subjects if _gender(annotation, doc, p) != other_sex]
        if len(subjects) >= counted and (len(subjects) == counted or subjects[counted][1] < subjects[counted - 1][1]):
            return [person for person, _ in subjects[:counted] if person != quote.speaker]
        return []
    if not references:
        return []
    # "he", "the man": the person named last; "the verdict", "my arrest": the case the article is about
    person = _named_just_before(quote, annotation, [p for p, _ in subjects if p != quote.speaker]) \
        if references & {"he", "she", "one"} else None
    if person is None:
        person, count = subjects[0]
        if person == quote.speaker or len(subjects) > 1 and subjects[1][1] == count:
            return []  # speakers of their own case, or two people told of equally: "he" could be either
    pronouns = references & {"he", "she"}
    if pronouns and not references - {"he", "she"} and not pronouns & _gender(annotation, doc, person):
        return []
    return [person]


def _named_just_before(quote: Quote, annotation: Annotation, people: list[int]) -> int | None:
    """Of these people, the one named last in the quotation's sentence or the sentence before, before it:
    "... the arrest of A was staged, B said. He added the man had been "seized red-handed"."""
    sentence = annotation.sentence_at(quote.start)
    low = annotation.sentences[max(sentence - 1, 0)].start
    named = [(annotation.mentions[m].start, person) for person in people for m in annotation.entities[person].mentions
             if low <= annotation.mentions[m].start < quote.start]
    return max(named)[1] if named else None


def _clause_subject(quote: Quote, tokens: list[Token]) -> list[Token]:
    """The subject outside the quotation of the clause the quoted words complete: "the man had been "seized
    red-handed"", "she was let go once the "formalities were complete"". Not the speaker's own subject."""
    if not tokens:
        return []
    node = min(tokens, key=lambda t: len(list(t.ancestors)))  # the quoted words' head
    for verb in [node, *node.ancestors]:
        if quote.verb is not None and verb.i == quote.verb.i:
            return []
        if verb.pos_ in ("VERB", "AUX"):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return [] if quote.start <= subjects[0].idx < quote.end else subjects
    return []


def _is_name(annotation: Annotation, index: int, doc: Doc) -> bool:
    """Whether a name the tagger took for a person's looks like one: not an acronym ("DOJ"), nor a phrase
    that opens on a verb or a common noun ("Releasing Varenko")."""
    name = annotation.entities[index].name
    if name.isupper() and len(name) > 1:
        return False
    mention = annotation.mentions[annotation.entities[index].mentions[0]]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is None or span[0].pos_ == "PROPN" and span[-1].tag_ != "NNPS"  # "Foreign Ministers": no one


def _occasion(doc: Doc, quote: Quote, at: int) -> bool:
    """A name outside the quotation in a clause of its own of the frame: the occasion of the saying
    ("..., he told reporters after visiting X") or a description ("..., who met X"), not its topic."""
    if quote.start <= at < quote.end or quote.verb is None:
        return False
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or span[0].sent != quote.verb.sent:
        return False
    node = span[0]
    while node.head.i != node.i and node.i != quote.verb.i:
        if node.dep_ in ("advcl", "relcl", "acl", "pcomp") and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _addressee(doc: Doc, quote: Quote, at: int) -> bool:
    """A name the speaker spoke to, not of: "told CNN", "said in an interview with Reuters", "wrote to Novak"."""
    if quote.verb is None or quote.start <= at < quote.end:
        return False
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    node = span[0]
    while node.dep_ in ("compound", "flat", "appos") and node.head.i != node.i:
        node = node.head
    if node.head.i == quote.verb.i:
        return node.dep_ in ("dobj", "dative")
    preposition = node.head
    return node.dep_ == "pobj" and preposition.lower_ in ("to", "with") and preposition.head.i == quote.verb.i


def _same_name(name: str, other: str | None) -> bool:
    """"Gray" and "Helen Moore-Gray": one name holds the other's words, a double surname's too."""
    words, others = set(re.split(r"[\s-]+", name.casefold())), set(re.split(r"[\s-]+", other or "")) - {""}
    return bool(others) and (words <= others or others <= words)


def about_of(quote: Quote, annotation: Annotation, doc: Doc, linker: Linker) -> list[int]:
    """The people a statement speaks of: named in the quotation or the sentence that frames it, or the
    people the article is about when those words refer to them without a name."""
    found = []
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    low = span[0].sent.start_char if span is not None else quote.start
    high = span[-1].sent.end_char if span is not None else quote.end
    text = annotation.article.body[low:high]
    speaker_name = annotation.entities[quote.speaker].name.casefold() if quote.speaker is not None else None
    fuller = [e.name.split() for e in annotation.entities if e.label == "PERSON" and len(e.name.split()) > 1]
    for index, entity in enumerate(annotation.entities):
        if entity.label != "PERSON" or index == quote.speaker or not linker.is_person_name(index):
            continue
        if _same_name(entity.name, speaker_name) or not _is_name(annotation, index, doc):
            continue  # the speaker under a longer or shorter name ("Wexford" and "Wexford Rovers")
        if len(entity.name.split()) == 1 and any(entity.name in (words[0], words[-1]) for words in fuller):
            continue  # "Aurel" beside "Aurel Dubois": the same person, counted once
        named = [annotation.mentions[m].start for m in entity.mentions if low <= annotation.mentions[m].start < high]
        if named:
            if not all(_occasion(doc, quote, at) or _addressee(doc, quote, at) for at in named):
                found.append(index)
        elif len(entity.name.split()) > 1 and re.search(rf"\b{re.escape(entity.name.split()[0])}\b", text):
            found.append(index)  # "Roman": a person the article names in full, called by the first name
    tokens = list(span) if span is not None else []
    unnamed = [person for person in _unnamed(quote, annotation, doc, tokens)
               if not _same_name(annotation.entities[person].name, speaker_name)]
    return list(dict.fromkeys([*found, *unnamed]))
