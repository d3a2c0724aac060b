"""The country an article implies for a person's events whose own sentences name none.

A charge is brought where the person is tried, where they were or would be extradited to, or by the state
that asked for their arrest; a person is held by the state that freed them; a person the article moves
across no border is arrested, charged, tried and held in one country; and one it places in a single country
was moved from there.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import places
from .grammar import entity_text, state_of

if TYPE_CHECKING:
    from .events import RawFact

_JUDICIAL = ("charge", "conviction", "sentence")
_LOCATED = ("arrest", "custody", *_JUDICIAL)


def _fill(facts: list[RawFact], sources: dict[str, int]) -> None:
    """Give the facts without a country the one country their sources name (country -> where the text says
    it), when they name only one."""
    if len(sources) != 1:
        return
    [(country, said_at)] = sources.items()
    for fact in facts:
        if "country" not in fact.args:
            fact.args["country"], fact.sources["country"] = country, said_at


def _countries(facts: list[RawFact], types: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for fact in facts:
        if fact.type in types and fact.args.get("country"):
            found.setdefault(fact.args["country"], fact.source_of("country"))
    return found


def _freed_by(facts: list[RawFact]) -> dict[str, int]:
    """"released by Tehran", "freed by Russian authorities": the state that let a person go had held them."""
    found: dict[str, int] = {}
    for fact in facts:
        if fact.type not in ("release", "exchange"):
            continue
        for trigger in [fact.trigger, *fact.merged]:
            # the verb of a swap noun's phrase: "freed by Russia in a prisoner swap"
            verb = trigger if trigger.pos_ == "VERB" else next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)
            actors = [o for c in (verb.children if verb is not None else ()) if c.dep_ == "agent"
                      for o in c.children if o.dep_ == "pobj"]
            for actor in actors:
                state = places.country_of_place(entity_text(actor)) if actor.ent_type_ == "GPE" else state_of(actor)
                if state:
                    found.setdefault(state, trigger.idx)
    return found


def _extradition_sought(charge: RawFact) -> str | None:
    """"X, who faces prison if extradited to the US, is accused of ...", "fighting extradition to Germany on
    fraud charges": the state a charge's sentence would send the person to is the one that charges them."""
    for token in charge.trigger.sent:
        if token.lemma_.casefold() not in ("extradite", "extradition"):
            continue
        told_of = [c for t in (token, token.head) for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "poss")]
        if any(c.pos_ == "PROPN" for c in told_of):
            continue  # someone else's: "while B was extradited to Germany"
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"):
            for place in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"):
                country = places.country_of_place(entity_text(place))
                if country:
                    return country
    return None


def _shared_by_the_accused(raw: list[RawFact]) -> None:
    """"A was indicted alongside B and C": one event told of several people is in one country."""
    told: dict[tuple[str, int], list[RawFact]] = {}
    for fact in raw:
        if fact.type in _LOCATED:
            told.setdefault((fact.type, fact.trigger.i), []).append(fact)
    for facts in told.values():
        _fill(facts, _countries(facts, _LOCATED))


def implied_countries(raw: list[RawFact]) -> None:
    """Each person's events first, then those told of several people at once, then again each person's, so
    that a country one co-accused gave the others reaches their other events."""
    _own_countries(raw)
    _shared_by_the_accused(raw)
    _own_countries(raw)


def _own_countries(raw: list[RawFact]) -> None:
    for person in dict.fromkeys(fact.subject for fact in raw):
        own = [fact for fact in raw if fact.subject == person]
        tried = _countries(own, _JUDICIAL)
        for fact in own:
            if fact.type == "transfer" and fact.args.get("manner") == "extradition" and fact.args.get("to"):
                tried.setdefault(fact.args["to"], fact.source_of("to"))
            elif fact.type == "arrest" and fact.args.get("requested_by"):
                tried.setdefault(fact.args["requested_by"], fact.source_of("requested_by"))
        for fact in own:
            if fact.type == "charge" and (state := _extradition_sought(fact)):
                tried.setdefault(state, fact.trigger.idx)
        _fill([fact for fact in own if fact.type == "charge"], tried)
        freed = _freed_by(own)
        _fill([fact for fact in own if fact.type == "custody"], freed)
        _origin_where_held(own)
        if not any(fact.type == "transfer" for fact in own):
            located = [fact for fact in own if fact.type in _LOCATED]
            _fill(located, {**freed, **_countries(located, _LOCATED)})


def _origin_where_held(own: list[RawFact]) -> None:
    """"transferred to Oman": a person the article places in one country only left from there (a charge places
    no one: a state charges a person wherever they are)."""
    held = _countries(own, tuple(kind for kind in _LOCATED if kind != "charge"))
    if len(held) != 1:
        return
    [(country, said_at)] = held.items()
    for fact in own:
        if fact.type == "transfer" and not fact.args.get("from") and fact.args.get("to") not in (None, country):
            fact.args["from"], fact.sources["from"] = country, said_at
