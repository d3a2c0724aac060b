"""Prisoner swaps told over a whole article: when and where the swap was, who each side released, and
so who each freed person's counterparts are.

Articles rarely say "A was exchanged for B". They report a swap ("the exchange took place in Ankara on
Thursday"), then list who one side freed ("Among those freed by Moscow were A, B and C") and who the
other did ("In return, the West released D and E"). People freed in an article that reports a swap were
freed in it; ``swap_sides`` sorts them into sides (by the state releasing them or their nation), and each
person's counterparts are the people of the other side. ``rosters`` reads the lists that name them.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import places
from ..temporal import Anchor, resolve_date
from .events import RawFact
from .grammar import date_of, entity_span, place_name
from .swap_sides import OTHER_SIDE, national_sides, pair_release_sides, releasing_side, role_sides
from .triggers import is_factual
from .words import DETENTION_WORDS, SWAP_NOUNS

_PEOPLE_WORDS = {"prisoner", "detainee", "hostage", "captive", "people", "person", "citizen", "national"}
# Verbs of which a swap is the object when the article reports it happened ("completed a swap in Ankara").
_DONE_VERBS = {"complete", "carry", "conduct", "hold", "finalize", "finalise", "make", "stage", "execute"}
_HAPPEN_VERBS = {"take", "happen", "occur"}


def _people_word(token: Token) -> bool:
    return token.lemma_.casefold() in _PEOPLE_WORDS or (
        token.tag_ in ("NNS", "NNPS") and places.country_of_demonym(token.text) is not None)


def _swap_reports(doc: Doc, anchor: Anchor) -> tuple[list[tuple[str | None, int]], list[tuple[str, int]]]:
    """The dates and places of the prisoner swaps an article reports, each with the offset of its sentence."""
    dates: list[tuple[str | None, int]] = []
    found_places: list[tuple[str, int]] = []
    detention_story = sum(t.lemma_.casefold() in DETENTION_WORDS for t in doc) >= 3
    for token in doc:
        if token.lemma_.casefold() not in SWAP_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if not is_factual(token):
            continue
        people = any(_people_word(t) for t in token.subtree)
        if not people and token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
            # "returned 150 prisoners in an exchange", "three Britons were freed in a swap"
            people = any(_people_word(t) for c in token.head.head.children
                         if c.dep_ in ("dobj", "nsubjpass", "nsubj") for t in c.subtree)
        # "conducted a prisoner exchange operation in Ankara": the noun the swap names is the swap
        phrase = token.head if token.dep_ == "compound" and token.head.pos_ == "NOUN" else token
        took_place = phrase.dep_ == "nsubj" and phrase.head.lemma_ in _HAPPEN_VERBS
        done = phrase.dep_ in ("dobj", "nsubjpass") and phrase.head.lemma_.casefold() in _DONE_VERBS
        # "a Qatar-brokered swap fell into place": a swap in an article about people held is of prisoners
        of_prisoners = token.lemma_.casefold() == "swap" and detention_story
        if not people and not took_place and not of_prisoners:
            continue
        when = [date_of(t, anchor) for t in token.sent if t.ent_type_ == "DATE"]
        dates.append((next((d for d in when if d), None), token.idx))
        clause = phrase.head if took_place or done else phrase
        where = [p for t in clause.subtree if t.dep_ == "pobj" and t.head.lower_ in ("at", "in", "on")
                 and t.head.head.i in (clause.i, phrase.i) and (p := _place_at(t))]
        found_places.extend((place, token.idx) for place in where[:1])
    return dates, found_places


def _place_at(token: Token) -> str | None:
    """"at Ankara airport", "on the tarmac of Ankara airport", "on the tarmac in Abu Dhabi"."""
    return place_name(token) or next((p for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "at")
                                      for o in c.children if o.dep_ == "pobj" and (p := place_name(o))), None)


def _fold_releases(raw: list[RawFact]) -> None:
    """"X was freed on Friday in exchange for Y": the release is the swap, and its date is the swap's."""
    folded: list[RawFact] = []
    for fact in raw:
        if fact.type != "exchange":
            continue
        for other in raw:
            if other.type != "release" or other.subject != fact.subject or other.trigger.sent != fact.trigger.sent:
                continue
            both_sides = [swap for swap in raw if swap.type == "exchange" and swap.trigger.i == fact.trigger.i]
            for swap in both_sides:
                for key in ("date", "place"):
                    if key in other.args and key not in swap.args:
                        swap.args[key], swap.sources[key] = other.args[key], other.source_of(key)
            folded.append(other)
    raw[:] = [fact for fact in raw if not any(fact is f for f in folded)]


def _pair_nations(raw: list[RawFact], doc: Doc, linker, when, where) -> None:
    """"Five Americans were freed in exchange for five Iranians ... The Americans include A, B; the Iranians
    were named as C, D": each listed person was freed in the swap, for the people listed on the other side.
    The group freed "in return", and the people a state freed whose own people were freed, are the other side
    of that nation. People of one side only, named in a roster of the swap or in a group the article says was
    freed, were freed in the swap, for no one the article makes known."""
    exchanges = {fact.subject: fact for fact in raw if fact.type == "exchange"}
    sides = national_sides(doc, linker)
    side = dict(sides.side)
    nations = set(side.values()) - {None, OTHER_SIDE}
    for person, fact in exchanges.items():  # "Venezuela freed ten Americans ... Washington freed A in return"
        if side.get(person) is None and not fact.args.get("counterpart") and \
                (freed_by := releasing_side(fact.trigger)) in nations:
            side[person] = next(iter(nations - {freed_by}), OTHER_SIDE)
    if len(nations) == 2:
        side = {p: c for p, c in side.items() if c != OTHER_SIDE}
    elif len(nations) != 1 or OTHER_SIDE not in side.values():
        side = {p: None for p, c in side.items() if p in sides.rostered or c in sides.freed_nations}
    for person, country in side.items():
        fact = exchanges.get(person)
        if fact is None:
            fact = RawFact("exchange", person, {}, sides.named_at[person])
            for key, found in (("date", when), ("place", where)):
                if found:
                    fact.args[key], fact.sources[key] = found
            raw.append(fact)
            exchanges[person] = fact
        if country is not None and not fact.args.get("counterpart"):
            fact.args["counterpart"] = [linker.ref(p) for p, c in side.items() if c not in (country, None)]


def _pair_roles(raw: list[RawFact], doc: Doc, linker) -> None:
    """"Tehran released a Norwegian aid worker in exchange for an Iranian envoy ... the aid worker, A ...
    envoy B": people freed in the swap, each for those of the other nation, where the roles give two."""
    exchanges = {fact.subject: fact for fact in raw if fact.type == "exchange"}
    side = role_sides(doc, linker, set(exchanges))
    if len(set(side.values())) != 2:
        return
    for person, country in side.items():
        if not exchanges[person].args.get("counterpart"):
            exchanges[person].args["counterpart"] = [linker.ref(p) for p, c in side.items() if c != country]


def _sentence_date(trigger: Token, anchor: Anchor) -> str | None:
    """"as in 2022, when X was freed in exchange for Y": a date its own sentence gives a swap, which makes it
    another swap than the one the article reports when the dates differ."""
    def of_another_clause(token: Token) -> bool:  # "X, who was convicted in 1988, was freed"
        return any(a.dep_ in ("relcl", "acl", "ccomp") and trigger not in a.subtree for a in (token, *token.ancestors))
    return next((d for t in trigger.sent if t.ent_type_ in ("DATE", "TIME") and not of_another_clause(t)
                 and (d := _day_of(t, anchor))), None)


def _day_of(token: Token, anchor: Anchor) -> str | None:
    """The day a date or a time of day names ("this morning", "tonight" are the day of the article)."""
    if token.ent_type_ == "TIME":
        span = entity_span(token)
        return resolve_date(span.text, anchor) if span is not None else None
    return date_of(token, anchor)


def _same_day(date: str, other: str) -> bool:
    return date.startswith(other) or other.startswith(date)


def releases_in_a_swap(raw: list[RawFact], doc: Doc, anchor: Anchor, linker) -> None:
    """In an article that reports a prisoner swap, people it reports freed were freed in that swap,
    on its date and at its place, each for the people the other side freed."""
    _fold_releases(raw)
    for fact in raw:
        if fact.type == "exchange" and "date" not in fact.args and (own := _sentence_date(fact.trigger, anchor)):
            fact.args["date"] = own
    dates, found_places = _swap_reports(doc, anchor)
    if not dates:
        return
    when = next(((d, at) for d, at in dates if d), None)
    # "Iran freed A in a prisoner swap ... In return, the US released B": a swap told of one side
    converted = [f for f in raw if f.type == "exchange" and not f.args.get("counterpart")
                 and f.trigger.lemma_.casefold() in SWAP_NOUNS and f.trigger.pos_ == "NOUN"]
    for fact in raw:
        if fact.type == "release" and fact.args.get("manner") in (None, "exchange"):
            fact.type = "exchange"
            fact.args = {k: v for k, v in fact.args.items() if k == "date"}
            converted.append(fact)
        if fact.type == "exchange":
            if when and "date" not in fact.args:
                fact.args["date"], fact.sources["date"] = when
            if found_places and "place" not in fact.args and (not when or _same_day(fact.args["date"], when[0])):
                fact.args["place"], fact.sources["place"] = found_places[0]
    pair_release_sides(converted, linker.ref)
    _pair_nations(raw, doc, linker, when, found_places[0] if found_places else None)
    _pair_roles(raw, doc, linker)
