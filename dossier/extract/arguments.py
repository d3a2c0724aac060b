"""Arguments: one finder per argument kind of ``schema``, each reading the trigger's own clause; the finders
live by concern in ``whereabouts``, ``countries``, ``actors``, ``offences`` and ``moves``."""
from __future__ import annotations

import re

from . import schema
from .actors import find_agent, find_authority, find_counterpart, find_requester
from .clause import Clause
from .countries import clause_country
from .grammar import date_of, in_nested_clause
from .moves import find_destination, find_manner, find_origin
from .offences import find_court, find_fine, find_offence, find_term
from .whereabouts import find_facility, find_held_at, find_place, find_visited_at


def find_date(clause: Clause) -> str | None:
    for token in clause.tokens:
        if in_nested_clause(token, clause.token) and not _in_time_clause(token, clause.token) \
                or _dates_the_offence(token, clause):
            continue
        if token.ent_type_ == "DATE" and token.dep_ in ("pobj", "npadvmod", "tmod", "nummod", "compound", "dobj") \
                or token.ent_type_ == "DATE" and token.head.ent_type_ != "DATE":
            value = date_of(token, clause.anchor)
            if value:
                return value
    verb = clause.token  # "since June 2021, when he was arrested": the day the "when" clause hangs on
    if verb.dep_ == "relcl" and verb.head.ent_type_ == "DATE" and any(c.lower_ == "when" for c in verb.children):
        return date_of(verb.head, clause.anchor)
    return None


def _dates_the_offence(token, clause: Clause) -> bool:
    """"accused in the 2008 bombing": the year of the act a charge is about, not of the charge."""
    head = token.head
    return clause.trigger.type.name in ("charge", "conviction", "sentence") and token.dep_ in ("nummod", "compound") \
        and head.pos_ == "NOUN" and head.ent_type_ != "DATE" and head.dep_ == "pobj" \
        and head.head.head.i == clause.token.i and head.head.lower_ in ("in", "for", "over", "of")


def _in_time_clause(token, trigger) -> bool:
    """"detained while waiting for her flight on June 2": a clause of what went on at the time of the event."""
    node = token.head
    while node.head.i != trigger.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            return False
        node = node.head
    return node.head.i == trigger.i and node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "as") for c in node.children)


FINDERS = {
    schema.DATE: find_date, schema.PLACE: find_place, schema.COUNTRY: clause_country, schema.AUTHORITY: find_authority,
    schema.REQUESTER: find_requester, schema.OFFENCE: find_offence, schema.COURT: find_court,
    schema.TERM: find_term, schema.FINE: find_fine, schema.FACILITY: find_facility, schema.ORIGIN: find_origin,
    schema.DESTINATION: find_destination, schema.MANNER: find_manner, schema.COUNTERPART: find_counterpart,
    schema.AGENT: find_agent, schema.HELD_AT: find_held_at, schema.VISITED_AT: find_visited_at,
}


_COUNTRY_KINDS = {schema.COUNTRY, schema.REQUESTER, schema.ORIGIN, schema.DESTINATION}


# Kinds read after the others because they use what the others found.
_LATE = (schema.COUNTRY,)


def arguments(clause: Clause) -> dict:
    fact_type = clause.trigger.type
    kinds = sorted(fact_type.arguments.items(), key=lambda item: item[1] in _LATE)
    for name, kind in kinds:
        finder = FINDERS.get(kind)
        if finder is None:
            continue
        value = finder(clause)
        if isinstance(value, str) and kind in _COUNTRY_KINDS:
            value = re.sub(r"^The ", "", value)  # "The Netherlands" -> "Netherlands"
        if value:
            clause.args[name] = value
    return clause.args
