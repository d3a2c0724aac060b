"""Assembling cases, incrementally: only people whose facts changed are redone.

Assembly works on records: the facts (``sources.case_facts``), each person's nationality and the
fingerprints of the cases already kept; what it returns is for the store to save.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from .merge import merge_events
from .records import Case, CaseFact, Event, Source, Version
from .timeline import ordered, status

# Statements belong to the statements log, not to the case of the person who speaks.
NOT_CASE_EVENTS = {"statement"}


@dataclass
class Assembly:
    cases: list[Case] = field(default_factory=list)  # new or changed
    unchanged: int = 0
    dropped: list[str] = field(default_factory=list)  # people who no longer have a case
    people: set[str] | None = None  # the people assembled again (None: everyone)
    nationality: dict[str, str] = field(default_factory=dict)  # theirs, read again (those who have one)


def _fingerprint(facts: list[CaseFact], nationality: str | None) -> str:
    payload = sorted(json.dumps([f.type, f.args, asdict(f.source)], sort_keys=True, default=str) for f in facts)
    return hashlib.sha256("\n".join([nationality or "", *payload]).encode()).hexdigest()


def assemble(facts: list[CaseFact], nationality: dict[str, str], kept: dict[str, str]) -> Assembly:
    """The cases to save: each person's facts merged into a timeline, where they differ from ``kept``
    (person -> fingerprint of the case already stored)."""
    by_person: dict[str, list[CaseFact]] = {}
    for fact in facts:
        if fact.type not in NOT_CASE_EVENTS:
            by_person.setdefault(fact.subject, []).append(fact)
    report = Assembly()
    for person, person_facts in sorted(by_person.items()):
        fingerprint = _fingerprint(person_facts, nationality.get(person))
        if kept.get(person) == fingerprint:
            report.unchanged += 1
            continue
        events = ordered(merge_events(person_facts))
        latest_status, latest = status(events)
        report.cases.append(Case(person, fingerprint, events, latest_status, latest, nationality.get(person)))
    report.dropped = sorted(set(kept) - set(by_person))
    return report


def event_from_dict(data: dict) -> Event:
    sources = [Source(**s) for s in data["sources"]]
    conflicts = {arg: [Version(v["value"], [Source(**s) for s in v["sources"]]) for v in versions]
                 for arg, versions in data["conflicts"].items()}
    return Event(type=data["type"], subject=data["subject"], args=data["args"], sources=sources, conflicts=conflicts)


def all_events(case_rows: list[dict]) -> list[Event]:
    """The events of stored cases (rows of the cases table)."""
    return [event_from_dict(e) for row in case_rows for e in row["events"]]
