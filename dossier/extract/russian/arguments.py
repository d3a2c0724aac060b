"""A trigger's arguments from its obliques: where, when, by and at whose request, terms, fines, offences."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ... import places
from ...records import EntityRef
from ...temporal import Anchor, parse_duration, parse_money, resolve_date
from .. import schema
from ..events import RawFact
from ..schema import FACT_TYPES, RU_MOVE_VERBS, RU_NEEDS_COUNTRY
from .clauses import Trigger, adopted, is_passive, own_tokens
from .people import People
from .vocabulary import (
    COURT_HEADS,
    DATE_WORDS,
    FACILITY_HEADS,
    FREED_OF_DUTY,
    MONEY_WORDS,
    NOT_OFFENCES,
    NUMBERS,
    OFFENCE_NOUNS,
    REQUEST_NOUNS,
    UNITS,
)
from .words import (
    children_of,
    feat,
    is_in,
    lemma_of,
    nominative,
    phrase_of,
    preposition_of,
)


class Clause:
    def __init__(self, trigger: Trigger, tokens: list[Token], anchor: Anchor, people: People, patient: int):
        self.trigger, self.tokens, self.anchor, self.people, self.patient = trigger, tokens, anchor, people, patient
        self.args: dict = {}
        self.adopted = {t.i for t in adopted(trigger.token)}

    @property
    def token(self) -> Token:
        return self.trigger.token

    @property
    def lemma(self) -> str:
        return lemma_of(self.token)

    def obliques(self) -> list[Token]:
        return [t for t in self.tokens if t.dep_ in ("obl", "nmod", "obl:agent", "iobj") and (t.head.i in
                {self.token.i, *(x.i for x in self.tokens)} or t.i in self.adopted)]

    def direct(self) -> list[Token]:
        """Obliques hung on the trigger itself."""
        return [t for t in self.tokens if (t.head.i == self.token.i or t.i in self.adopted) and
                t.dep_ in ("obl", "obl:agent", "iobj", "nmod", "advmod", "obl:tmod")]


def _english_place(token: Token) -> str | None:
    """The English name of the place a token names ("Подгорицы" -> Podgorica), else its nominative."""
    if token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    span = _entity(token)
    text = span.text if span is not None else token.text
    normal = token.doc.user_data.get("normal", {}).get((span.start_char, span.end_char)) if span is not None else None
    return places.english_place(normal or text) or places.english_place(text) or normal or text


def _entity(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def country_of(token: Token) -> str | None:
    """The country a noun phrase names or places itself in: "США", "американской стороне", "суд Москвы"."""
    place = _english_place(token)
    if place:
        country = places.country_of_place(place)
        if country:
            return country
    for child in token.children:
        if child.dep_ in ("amod", "nmod") and (child.pos_ == "ADJ" or child.ent_type_ in ("GPE", "LOC")):
            country = places.country_of_russian(child.text) if child.pos_ == "ADJ" else \
                places.country_of_place(_english_place(child) or "")
            if country:
                return country
    return None


def find_date(clause: Clause) -> str | None:
    for token in clause.direct() + [t for t in clause.tokens if t.dep_ in ("obl", "obl:tmod") and t not in clause.direct()]:
        text = phrase_of(token)
        if not DATE_WORDS.search(text) or (token.ent_type_ and token.ent_type_ != "DATE"):
            continue
        # "с 2019 года" is since, "в течение 18 дней" a while: no date of the event
        if preposition_of(token) in ("с", "до", "после", "течение", "за"):
            continue
        value = resolve_date(text, clause.anchor)
        if value:
            return value
    return None


def find_place(clause: Clause) -> str | None:
    if clause.trigger.type.name == "release":  # "освободили из тюрьмы Форт-Дикс в Нью-Джерси": where it held him
        for token in clause.direct():
            inner = [t for t in token.subtree if t.ent_type_ in ("GPE", "LOC") and t.i > token.i]
            if preposition_of(token) == "из" and is_in(token, FACILITY_HEADS) and inner:
                return _english_place(inner[-1])
    for token in clause.obliques():
        if preposition_of(token) in ("в", "во", "на", "под") and feat(token, "Case") in ("Loc", None):
            place = _english_place(token)
            if place:
                return place
            # "в аэропорту Подгорицы", "в аэропорту Внуково": the site's place
            named = [c for c in token.children if c.dep_ in ("nmod", "appos") and c.ent_type_ in ("GPE", "LOC", "FAC")]
            if named and token.pos_ == "NOUN" and not is_in(token, FACILITY_HEADS | COURT_HEADS | REQUEST_NOUNS):
                return _english_place(named[0])
    return None


def find_held_at(clause: Clause) -> str | None:
    for token in clause.obliques():
        if preposition_of(token) not in ("в", "во", "на", "под") or is_in(token, FACILITY_HEADS):
            continue
        place = _english_place(token)
        if place and not places.country_named(place):
            return place
    for token in clause.obliques():  # "в колонии в Мордовии", "в тюрьме Спуж под Подгорицей"
        if is_in(token, FACILITY_HEADS):
            inner = [t for t in token.subtree if t.i > token.i and t.ent_type_ in ("GPE", "LOC")]
            if inner:
                place = _english_place(inner[-1])
                if place and not places.country_named(place):
                    return place
    return None


def find_visited_at(clause: Clause) -> str | None:
    """Where a visit was, as said beside the verb: "посетила ... в исправительной колонии в Мордовии" ->
    Mordovia. Without one, the visit is where the person is held (``visits_where_held``), or else the place
    its clause names ("консул ... в Калининграде")."""
    for token in clause.direct():
        if preposition_of(token) in ("в", "во", "на") and feat(token, "Case") in ("Loc", None):
            inner = [t for t in token.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")]
            place = _english_place(inner[-1]) if inner else None
            if place or is_in(token, FACILITY_HEADS):
                return place or nominative(token)
    return None


def visits_where_held(raw: list[RawFact], anchor: Anchor, people: People) -> None:
    """A visit the clause places nowhere was in the town where the article says the person is held, else
    where its clause names a place."""
    for fact in raw:
        if fact.type != "visit" or fact.args.get("place"):
            continue
        held = next((f.args["place"] for f in raw if f.type == "custody" and f.subject == fact.subject and
                     f.args.get("place")), None)
        place = held or find_place(Clause(Trigger(fact.trigger, FACT_TYPES["visit"], schema.OBJECT),
                                          own_tokens(fact.trigger, set()), anchor, people, fact.subject))
        if place:
            fact.args["place"] = place


def find_country(clause: Clause) -> str | None:
    for token in clause.obliques():
        if preposition_of(token) in ("в", "во", "на", "под") and feat(token, "Case") != "Acc":
            country = country_of(token)
            if country:
                return country
    for token in clause.tokens:
        if is_in(token, COURT_HEADS | FACILITY_HEADS) or (token.dep_ == "nsubj" and token.head.i == clause.token.i):
            country = country_of(token) or next((c for t in token.subtree if t.ent_type_ in ("GPE", "LOC") and t.i != token.i
                                               and (c := places.country_of_place(_english_place(t) or ""))), None)
            if country:
                return country
    place = clause.args.get("place")
    return places.country_of_place(place) if place else None


def find_state(clause: Clause) -> str | None:
    """Who detained, as a state: the agent ("сотрудниками полиции Черногории") or the subject of an active
    verb ("американские спецслужбы задержали")."""
    actors = [t for t in clause.tokens if t.head.i == clause.token.i and (
        t.dep_ in ("obl:agent",) or (t.dep_ == "obl" and feat(t, "Case") == "Ins" and not preposition_of(t)) or
        (t.dep_ == "nsubj" and not is_passive(clause.token)))]
    for actor in actors:
        if clause.people.named(actor) is not None:
            continue
        country = country_of(actor) or next((c for t in actor.subtree if t.i != actor.i and (
            c := places.country_of_russian(t.text) if t.pos_ == "ADJ" else
            places.country_of_place(_english_place(t) or ""))), None)
        if country:
            return country
    return None


def find_requester(clause: Clause) -> str | None:
    for token in clause.obliques():
        if is_in(token, REQUEST_NOUNS) and preposition_of(token) in ("по", "на"):
            for t in token.subtree:
                country = places.country_of_russian(t.text) if t.pos_ == "ADJ" else \
                    places.country_of_place(_english_place(t) or "")
                if country:
                    return country
    return None


def _offence(token: Token) -> str | None:
    """What an oblique names as the offence: "в контрабанде наркотических средств" -> "контрабанда
    наркотических средств"; "по обвинению в шпионаже" -> "шпионаж"."""
    if is_in(token, OFFENCE_NOUNS):
        inner = [c for c in token.children if c.dep_ in ("nmod", "obl") and preposition_of(c) in ("в", "о", "об", "за")]
        return _offence(inner[0]) if inner else None
    if is_in(token, NOT_OFFENCES) or token.ent_type_ or token.pos_ in ("PROPN", "PRON", "NUM") or \
            DATE_WORDS.search(token.text):
        return None
    keep = {t.i for t in token.subtree if not (t.dep_ in ("acl", "acl:relcl", "appos", "parataxis") or any(
        a.dep_ in ("acl", "acl:relcl", "appos", "parataxis") and a.i != token.i and a.i in
        {x.i for x in token.subtree} for a in t.ancestors)) and t.text not in "()"}
    keep -= {t.i for t in token.subtree if t.i > token.i and t.dep_ == "conj" and t.head.i == token.i}
    keep |= {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
    return nominative(token, keep) or None


def find_offence(clause: Clause) -> str | None:
    for token in clause.obliques() + [t for t in clause.tokens if t.dep_ == "nsubj:pass" and is_in(t, OFFENCE_NOUNS)]:
        preposition = preposition_of(token)
        if is_in(token, OFFENCE_NOUNS) and preposition in ("по", None):
            found = _offence(token)
            if found:
                return found
        if preposition in ("в", "за") and feat(token, "Case") in ("Loc", "Acc", "Ins", None) and \
                clause.trigger.type.name in ("charge", "conviction", "sentence", "arrest") and \
                (preposition == "за" or clause.trigger.type.name in ("charge", "conviction") or token.head.i != clause.token.i):
            found = _offence(token)
            if found:
                return found
    return None


def find_court(clause: Clause) -> str | None:
    for token in clause.tokens:
        if not is_in(token, COURT_HEADS):
            continue
        if token.dep_ == "nsubj" and token.head.i == clause.token.i or token.dep_ in ("obl", "obl:agent") and (
                feat(token, "Case") == "Ins" or preposition_of(token) in ("в", "во")):
            if len([t for t in token.subtree]) > 1:
                keep = {t.i for t in token.subtree if t.dep_ not in ("acl", "acl:relcl", "parataxis") and not any(
                    a.dep_ in ("acl", "acl:relcl") and a.i in {x.i for x in token.subtree} for a in t.ancestors)}
                return nominative(token, keep)
    return None


def _number(words: list[Token]) -> float | None:
    total, seen = 0.0, False
    for word in words:
        text = word.text.replace(",", ".")
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            total, seen = total + float(text), True
        elif lemma_of(word) in NUMBERS:
            total, seen = total + NUMBERS[lemma_of(word)], True
        elif lemma_of(word) == "половина" and seen:
            total += 0.5
    return total if seen else None


def _duration(token: Token) -> str | None:
    """"к девяти с половиной годам" -> P9.5Y, "к 18 месяцам" -> P18M, "14 лет" -> P14Y."""
    unit = next((v for k, v in UNITS.items() if lemma_of(token) == k or token.lower_.startswith(k)), None)
    if unit is None:
        return None
    count = _number([t for t in token.subtree if t.i < token.i])
    if count is None or count >= 100:  # "2017 года" is a year, no term
        return None
    return parse_duration(f"{count:g} {unit}")


def find_term(clause: Clause) -> str | None:
    for token in clause.tokens:
        if (preposition_of(token) in ("к", "на") or token.dep_ == "obj") and (token.head.i in (
                clause.token.i, *(t.i for t in clause.tokens)) or token.i in clause.adopted):
            value = _duration(token)
            if value:
                return value
    return None


def find_fine(clause: Clause) -> str | None:
    text = " ".join(t.text for t in clause.tokens if not t.is_punct)
    for pattern, word in MONEY_WORDS:
        text = re.sub(pattern, word, text, flags=re.I)
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)
    return parse_money(text.replace(",", "."))


def find_facility(clause: Clause) -> str | None:
    for token in clause.obliques():
        if lemma_of(token) == "арест" and preposition_of(token) == "под" and \
                any(lemma_of(c) == "домашний" for c in token.children):
            return "домашний арест"
        # "в одиночной камере изолятора MDC Brooklyn": the facility the cell is in
        within = preposition_of(token) or (preposition_of(token.head) if token.dep_ == "nmod" and
                                          feat(token, "Case") == "Gen" else None)
        if within in ("в", "во", "под") and (is_in(token, FACILITY_HEADS) or token.lower_.startswith("сизо")):
            modifiers = [c for c in token.children if c.dep_ in ("amod", "nmod", "appos", "flat", "nummod", "flat:foreign")
                         or c.text in "«\"№"]
            if modifiers or "-" in token.text:
                keep = {t.i for t in token.subtree if not (t.dep_ == "nmod" and t.ent_type_ in ("GPE", "LOC") and
                                                           preposition_of(t) in ("в", "под"))
                        and not any(a.dep_ == "nmod" and a.ent_type_ in ("GPE", "LOC") and preposition_of(a) in ("в", "под")
                                    and a.i in {x.i for x in token.subtree} for a in t.ancestors)}
                return nominative(token, keep)
    return None


def find_origin(clause: Clause) -> str | None:
    for token in clause.obliques():
        if preposition_of(token) in ("из", "с"):
            country = country_of(token)
            if country:
                return country
    if clause.trigger.type.name == "transfer" and clause.lemma in ("похитить", "похищение"):
        place = find_place(clause)
        return places.country_of_place(place) or place if place else None
    if clause.lemma in ("экстрадировать", "выдать", "депортировать", "выслать", "передать"):
        subjects = [t for t in clause.tokens if t.dep_ == "nsubj" and t.head.i == clause.token.i]
        for subject in subjects:  # "Черногория экстрадировала": taken from Montenegro
            country = country_of(subject)
            if country:
                return country
    return None


def find_destination(clause: Clause) -> str | None:
    """"экстрадирован в США", "выдала США", "передан американской стороне"."""
    verbs = [clause.token, *(c for c in clause.token.conjuncts if is_in(c, RU_MOVE_VERBS))]
    for verb in verbs:
        for child in [*verb.children, *(t for t in clause.tokens if t.i in clause.adopted)]:
            accusative = preposition_of(child) in ("в", "во", "на") and feat(child, "Case") == "Acc"
            dative = not preposition_of(child) and feat(child, "Case") == "Dat" and child.dep_ in ("iobj", "obl", "obj", "nmod")
            if (accusative or dative or preposition_of(child) == "к") and child.dep_ != "nsubj":
                country = country_of(child)
                if country:
                    return country
    return None


def find_manner(clause: Clause) -> str | None:
    manners = clause.trigger.type.russian.manners
    if clause.lemma in manners:
        return manners[clause.lemma]
    for token in clause.tokens:
        if lemma_of(token) in manners:
            return manners[lemma_of(token)]
    if clause.trigger.type.name == "release":
        words = {lemma_of(t) for t in clause.token.subtree}
        if {"отбыть", "отбытие"} & words and {"срок", "наказание"} & words:
            return "end_of_term"
    return None


def find_counterpart(clause: Clause) -> list:
    found = []
    for token in clause.obliques():
        if preposition_of(token) == "на" and feat(token, "Case") == "Acc":
            for person in clause.people.people([token]):
                if person != clause.patient:
                    found.append(EntityRef(person))
    return found


def find_agent(clause: Clause) -> object:
    for subject in children_of(clause.token, "nsubj"):
        person = clause.people.person(subject)
        if person is not None and person != clause.patient:
            return EntityRef(person)
    return None


FINDERS = {
    schema.DATE: find_date, schema.PLACE: find_place, schema.COUNTRY: find_country, schema.AUTHORITY: find_state,
    schema.REQUESTER: find_requester, schema.OFFENCE: find_offence, schema.COURT: find_court,
    schema.TERM: find_term, schema.FINE: find_fine, schema.FACILITY: find_facility, schema.ORIGIN: find_origin,
    schema.DESTINATION: find_destination, schema.MANNER: find_manner, schema.COUNTERPART: find_counterpart,
    schema.AGENT: find_agent, schema.HELD_AT: find_held_at, schema.VISITED_AT: find_visited_at,
}


def arguments(clause: Clause) -> dict:
    kinds = sorted(clause.trigger.type.arguments.items(), key=lambda item: item[1] == schema.COUNTRY)
    for name, kind in kinds:
        finder = FINDERS.get(kind)
        value = finder(clause) if finder else None
        if value:
            clause.args[name] = value
    return clause.args


def keeps_sense(clause: Clause) -> bool:
    """Guards against the other senses of a trigger word."""
    name, args = clause.trigger.type.name, clause.args
    if clause.lemma in {v.replace("ё", "е") for v in RU_NEEDS_COUNTRY} and name == "transfer" and \
            not args.get("to"):
        return False  # "передали маршалам", "выдал паспорт": no move between states named
    if name == "sentence" and clause.lemma == "оштрафовать" and not args.get("fine"):
        return False
    if clause.lemma == "осудить" and name in ("conviction", "sentence") and \
            (name == "sentence") != bool(args.get("term") or find_term(clause)):
        return False  # condemned to a term is sentenced; condemned for an offence, convicted
    if name == "release" and any(is_in(t, FREED_OF_DUTY) for t in clause.tokens):
        return False  # "освобождён от должности"
    if name == "exchange" and clause.trigger.patient == "noun":
        return False  # a swap noun's people are read by the verb that frees them
    if name == "charge" and clause.trigger.patient == schema.OBJECT and not is_passive(clause.token):
        accusers = children_of(clause.token, "nsubj")
        if accusers and clause.people.person(accusers[0]) is not None:
            return False  # "A обвинил B во лжи": a charge only when an authority accuses
    return True
