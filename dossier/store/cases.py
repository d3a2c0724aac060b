"""Reading facts for case assembly and keeping the assembled cases."""
from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timezone

from sqlalchemy import delete, insert, select

from ..cases.records import CaseFact, Event, Source
from ..cases.stories import stories
from ..temporal import year_floor
from . import Store
from .schema import cases, documents


def case_facts(store: Store) -> list[CaseFact]:
    """Every stored fact with its subject's canonical name and its article as a Source."""
    with store.engine.connect() as conn:
        docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.outlet, documents.c.published,
                                                     documents.c.body))}
    story = stories({doc_id: row.body for doc_id, row in docs.items()})
    facts = []
    for row in store.fact_rows():
        if not row["subject"]:
            continue
        doc = docs[row["doc"]]
        source = Source(doc_id=row["doc"], outlet=doc.outlet, published=doc.published, evidence=row["evidence"],
                        story=story[row["doc"]], claimed_by=row["claimed_by"],
                        year_floor=year_floor(doc.published, doc.body))
        facts.append(CaseFact(type=row["type"], subject=row["subject"], args=row["args"], source=source))
    return facts


def fingerprints(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {r.person: r.fingerprint for r in conn.execute(select(cases.c.person, cases.c.fingerprint))}


def save_case(store: Store, person: str, fingerprint: str, events: list[Event], status: str | None,
              latest: str | None, nationality: str | None) -> None:
    with store.engine.begin() as conn:
        conn.execute(delete(cases).where(cases.c.person == person))
        conn.execute(insert(cases).values(
            person=person, fingerprint=fingerprint, nationality=nationality, status=status, latest=latest,
            events=[asdict(e) for e in events], assembled_at=datetime.now(timezone.utc)))


def drop_cases(store: Store, people: set[str]) -> None:
    if people:
        with store.engine.begin() as conn:
            conn.execute(delete(cases).where(cases.c.person.in_(sorted(people))))


def case_rows(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(cases).order_by(cases.c.person))]
