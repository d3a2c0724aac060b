"""Assembling the cases table, incrementally: only people whose facts changed are redone."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from ..store import Store
from ..store import cases as case_store
from .merge import merge_events
from .records import CaseFact, Event, Source, Version
from .timeline import ordered, status

# Statements belong to the statements log, not to the case of the person who speaks.
NOT_CASE_EVENTS = {"statement"}


@dataclass
class AssemblyReport:
    assembled: list[str] = field(default_factory=list)
    unchanged: int = 0
    dropped: list[str] = field(default_factory=list)


def _fingerprint(facts: list[CaseFact], nationality: str | None) -> str:
    payload = sorted(json.dumps([f.type, f.args, asdict(f.source)], sort_keys=True, default=str) for f in facts)
    return hashlib.sha256("\n".join([nationality or "", *payload]).encode()).hexdigest()


def event_from_dict(data: dict) -> Event:
    sources = [Source(**s) for s in data["sources"]]
    conflicts = {arg: [Version(v["value"], [Source(**s) for s in v["sources"]]) for v in versions]
                 for arg, versions in data["conflicts"].items()}
    return Event(type=data["type"], subject=data["subject"], args=data["args"], sources=sources, conflicts=conflicts)


def assemble(store: Store, facts: list[CaseFact] | None = None) -> AssemblyReport:
    facts = case_store.case_facts(store) if facts is None else facts
    by_person: dict[str, list[CaseFact]] = {}
    for fact in facts:
        if fact.type not in NOT_CASE_EVENTS:
            by_person.setdefault(fact.subject, []).append(fact)
    stored = case_store.fingerprints(store)
    nationality = case_store.nationalities(store)
    report = AssemblyReport()
    for person, person_facts in sorted(by_person.items()):
        fingerprint = _fingerprint(person_facts, nationality.get(person))
        if stored.get(person) == fingerprint:
            report.unchanged += 1
            continue
        events = ordered(merge_events(person_facts))
        latest_status, latest = status(events)
        case_store.save_case(store, person, fingerprint, events, latest_status, latest, nationality.get(person))
        report.assembled.append(person)
    report.dropped = sorted(set(stored) - set(by_person))
    case_store.drop_cases(store, set(report.dropped))
    return report


def all_events(store: Store) -> list[Event]:
    return [event_from_dict(e) for row in case_store.case_rows(store) for e in row["events"]]
