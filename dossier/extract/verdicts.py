"""A verdict and the sentence the same sentence of the text tells with it are one hearing ("he was convicted
in April and sentenced to 13 years", "Iran sentenced X after convicting him"): each takes the date, the
country and the court the other gives and it lacks; a sentence told apart is passed by the one court the
article says convicted the person. A conviction that names no offence is for the one offence the article
accuses the person of, when it tells of only one."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .events import RawFact

_VERDICTS = ("conviction", "sentence")
_SHARED = ("date", "country", "court")


def _share(facts: list[RawFact], arguments: tuple[str, ...]) -> None:
    """Give the facts that lack an argument the one value the others give it, when they give only one."""
    for argument in arguments:
        values = {fact.args[argument]: fact for fact in facts if fact.args.get(argument)}
        if len(values) != 1:
            continue
        [(value, source)] = values.items()
        for fact in facts:
            if argument not in fact.args:
                fact.args[argument], fact.sources[argument] = value, source.source_of(argument)


def one_hearing(raw: list[RawFact]) -> None:
    told: dict[tuple[int, int], list[RawFact]] = {}
    for fact in raw:
        if fact.type in _VERDICTS:
            told.setdefault((fact.subject, fact.trigger.sent.start), []).append(fact)
    for facts in told.values():
        _share(facts, _SHARED)
    for person in dict.fromkeys(fact.subject for fact in raw):
        convictions = [fact for fact in raw if fact.subject == person and fact.type == "conviction"]
        courts = {fact.args["court"]: fact for fact in convictions if fact.args.get("court")}
        if len(courts) != 1:
            continue
        [(court, source)] = courts.items()
        for fact in raw:  # the court that convicts passes the sentence; an appeal court may only sentence anew
            if fact.subject == person and fact.type == "sentence" and "court" not in fact.args:
                fact.args["court"], fact.sources["court"] = court, source.source_of("court")


def offence_of_convictions(raw: list[RawFact]) -> None:
    for person in dict.fromkeys(fact.subject for fact in raw):
        accused = {fact.args["charge"].casefold(): fact for fact in raw if fact.subject == person and
                   fact.type in ("charge", *_VERDICTS) and isinstance(fact.args.get("charge"), str)}
        if len(accused) != 1:
            continue
        [source] = accused.values()
        for fact in raw:
            if fact.subject == person and fact.type == "conviction" and "charge" not in fact.args:
                fact.args["charge"], fact.sources["charge"] = source.args["charge"], source.source_of("charge")
