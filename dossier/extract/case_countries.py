"""The country an article implies for a person's events whose own sentences name none.

A charge is brought where the person is tried, where they were extradited to, or by the state that asked
for their arrest; a person the article moves across no border is arrested, charged, tried and held in one
country; and one it places in a single country was moved from there.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .events import RawFact

_JUDICIAL = ("charge", "conviction", "sentence")
_LOCATED = ("arrest", "custody", *_JUDICIAL)


def _fill(facts: list[RawFact], sources: dict[str, tuple[RawFact, str]]) -> None:
    """Give the facts without a country the one country their sources name, when they name only one."""
    if len(sources) != 1:
        return
    [(country, (source, argument))] = sources.items()
    for fact in facts:
        if "country" not in fact.args:
            fact.args["country"], fact.sources["country"] = country, source.source_of(argument)


def _countries(facts: list[RawFact], types: tuple[str, ...]) -> dict[str, tuple[RawFact, str]]:
    found: dict[str, tuple[RawFact, str]] = {}
    for fact in facts:
        if fact.type in types and fact.args.get("country"):
            found.setdefault(fact.args["country"], (fact, "country"))
    return found


def implied_countries(raw: list[RawFact]) -> None:
    for person in dict.fromkeys(fact.subject for fact in raw):
        own = [fact for fact in raw if fact.subject == person]
        tried = _countries(own, _JUDICIAL)
        for fact in own:
            if fact.type == "transfer" and fact.args.get("manner") == "extradition" and fact.args.get("to"):
                tried.setdefault(fact.args["to"], (fact, "to"))
            elif fact.type == "arrest" and fact.args.get("requested_by"):
                tried.setdefault(fact.args["requested_by"], (fact, "requested_by"))
        _fill([fact for fact in own if fact.type == "charge"], tried)
        _origin_where_held(own)
        if not any(fact.type == "transfer" for fact in own):
            located = [fact for fact in own if fact.type in _LOCATED]
            _fill(located, _countries(located, _LOCATED))


def _origin_where_held(own: list[RawFact]) -> None:
    """"transferred to Oman": a person the article places in one country only left from there (a charge places
    no one: a state charges a person wherever they are)."""
    held = _countries(own, tuple(kind for kind in _LOCATED if kind != "charge"))
    if len(held) != 1:
        return
    [(country, (source, _))] = held.items()
    for fact in own:
        if fact.type == "transfer" and not fact.args.get("from") and fact.args.get("to") not in (None, country):
            fact.args["from"], fact.sources["from"] = country, source.source_of("country")
