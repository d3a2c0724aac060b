"""Prisoner swaps read over the article: each person sent to a side, for the people sent the other way."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ... import places
from ...records import EntityRef
from ...temporal import Anchor
from .. import schema
from ..events import RawFact
from ..schema import FACT_TYPES
from .arguments import Clause, country_of, find_date, find_place
from .clauses import Trigger, is_factual, own_tokens
from .people import People
from .words import feat, is_in, lemma_of, nominative, preposition_of

# The people a swap is of ("обмен заключёнными", "обмен удерживаемыми лицами"), by the opening of the word:
# natasha lemmatises "заключенными" as the verb "заключить".
_SWAPPED_STEMS = ("заключенн", "заключённ", "пленн", "военнопленн", "лиц", "узник", "задержанн", "осужденн",
                  "осуждённ")
_SWAP_DONE = {"провести", "осуществить", "состояться", "произойти", "пройти", "завершиться"}
_SWAP_FRAMES = {"рамка", "ход", "результат", "итог"}  # "в рамках обмена", "в ходе обмена"
# Verbs that send a person to one side of a swap: freed, handed over, returned home, received.
_SIDE_VERBS = {"вернуться", "возвратиться", "получить", "передать", "выдать", "освободить", "отпустить",
               "помиловать", "вывезти", "доставить", "отправить", "обменять"}
_HOME = {"родина", "домой"}
_OTHER_SIDE = {"взамен", "обмен", "ответ"}  # "Взамен Россия получила ...", "в ответ ..."
_SEPARATORS = {",", ";", ":", "—", "–", "."}


def _swap_reports(doc: Doc, anchor: Anchor, people: People) -> list[tuple[Span, str | None, str | None]]:
    """The prisoner swaps an article reports as done: the sentence of each, its date and place."""
    found = []
    for token in doc:
        if not (token.pos_ == "NOUN" and lemma_of(token) == "обмен") or not is_factual(token):
            continue
        of_people = any(t.lower_.startswith(_SWAPPED_STEMS) for t in token.subtree if t.i != token.i)
        head = token.head
        done = token.dep_ in ("obj", "nsubj", "nsubj:pass") and is_in(head, _SWAP_DONE)
        framed = token.dep_ == "nmod" and is_in(head, _SWAP_FRAMES)
        if not (of_people and (done or framed)):
            continue
        verb = head.head if framed else head
        clause = Clause(Trigger(verb, FACT_TYPES["exchange"], schema.OBJECT), own_tokens(verb, set()), anchor,
                        people, None)
        where = find_place(clause)
        if where is None:  # "на белорусско-украинской границе"
            border = [t for t in token.subtree if lemma_of(t) == "граница" and preposition_of(t) == "на"]
            where = nominative(border[0]) if border else None
        found.append((token.sent, find_date(clause), where))
    return found


def _side_verb(person: Token) -> Token | None:
    """The verb that sends a named person to a side: one of the words between the separators around the name,
    else the nearest ancestor."""
    start, end = person.i, person.i
    sentence = person.sent
    while start > sentence.start and person.doc[start - 1].text not in _SEPARATORS:
        start -= 1
    while end < sentence.end - 1 and person.doc[end + 1].text not in _SEPARATORS:
        end += 1
    near = [t for t in person.doc[start:end + 1] if t.pos_ in ("VERB", "AUX") and is_in(t, _SIDE_VERBS)]
    if near:
        return near[0]
    return next((a for a in person.ancestors if a.pos_ in ("VERB", "AUX") and is_in(a, _SIDE_VERBS)), None)


def _side(verb: Token, person: Token) -> str | None:
    """Which side a verb sends a person to: the country it is handed or returns to ("передан американской
    стороне", "вернулись в Россию"), the state that receives him ("Россия получила"), his own nation for
    "вернулись на родину", "other" for a clause of the other side that names none ("взамен")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and lemma_of(verb) == "получить":
            country = country_of(child)
            if country:
                return country
        dative = child.dep_ in ("iobj", "obl") and feat(child, "Case") == "Dat" and not preposition_of(child)
        towards = preposition_of(child) in ("в", "во", "на") and feat(child, "Case") == "Acc"
        if (dative or towards) and (country := country_of(child)):
            return country
    if any(lemma_of(c) in _HOME for c in verb.children):
        nouns = [person, *person.ancestors][:3]
        return next((c for n in nouns if (c := places.country_of_russian(n.text))), "home")
    if any(lemma_of(c) in _OTHER_SIDE for c in verb.subtree if c.i < verb.i):
        return "other"
    return None


def _swapped_people(doc: Doc, sentences: list[Span], people: People) -> dict[int, tuple[str | None, Token]]:
    """The people the sentences of a swap send to a side: {person: (side, verb)}, a named country over
    "home" or "other"."""
    found: dict[int, tuple[str | None, Token]] = {}
    for sentence in sentences:
        for token in sentence:
            person = people.named(token)
            if person is None or (token.dep_ == "flat:name"):
                continue
            verb = _side_verb(token)
            if verb is None:
                continue
            side = _side(verb, token)
            known = found.get(person)
            if known is None or known[0] in (None, "home", "other") and side not in (None, "home", "other"):
                found[person] = (side, verb)
    return found


def swaps(raw: list[RawFact], doc: Doc, anchor: Anchor, people: People) -> list[RawFact]:
    """In an article that reports a prisoner swap, the people its report and the sentence after it send to
    one side or the other were swapped, on its date and at its place, each for the people sent the other
    way; their being handed over or freed there is the swap itself."""
    reports = _swap_reports(doc, anchor, people)
    if not reports:
        return raw
    sents = list(doc.sents)
    region = []
    for sentence, _, _ in reports:
        at = next(i for i, s in enumerate(sents) if s.start == sentence.start)
        # the report and what follows it: the parser may cut a sentence at its commas
        region += [s for s in sents[at:at + 3] if s not in region]
    when = next((d for _, d, _ in reports if d), None)
    where = next((p for _, _, p in reports if p), None)
    swapped = _swapped_people(doc, region, people)
    sides = {side for side, _ in swapped.values() if side}
    if "other" in sides and len(sides) == 2:
        named = next(s for s in sides if s != "other")
        swapped = {p: (named if side != "other" else side, verb) for p, (side, verb) in swapped.items()}
        sides = {named, "other"}
    verbs = {verb.i for _, verb in swapped.values()}
    kept = [f for f in raw if not (f.type in ("transfer", "release") and f.subject in swapped and f.trigger.i in verbs)]
    for person, (side, verb) in swapped.items():
        args: dict = {}
        if when:
            args["date"] = when
        if where:
            args["place"] = where
        if len(sides) == 2 and side:
            others = [EntityRef(p) for p, (s, _) in swapped.items() if s and s != side]
            if others:
                args["counterpart"] = others
        kept.append(RawFact("exchange", person, args, verb))
    return kept
