"""The rows case assembly reads, and the cases it returns, kept."""
from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timezone

from sqlalchemy import delete, insert, select

from ..cases.records import Case
from . import Store
from .schema import cases, doc_entities, documents, entities, mentions


def document_rows(store: Store) -> list[dict]:
    with store.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(
            select(documents.c.id, documents.c.outlet, documents.c.published, documents.c.body))]


def person_mentions(store: Store) -> list[dict]:
    """Each mention of a resolved person: canonical name, document, offsets."""
    query = (select(entities.c.name, mentions.c.doc_id, mentions.c.start_char.label("start"),
                    mentions.c.end_char.label("end"))
             .select_from(mentions.join(doc_entities, (mentions.c.doc_id == doc_entities.c.doc_id)
                                        & (mentions.c.doc_entity == doc_entities.c.idx))
                          .join(entities, doc_entities.c.entity_id == entities.c.id))
             .where(entities.c.type == "PERSON"))
    with store.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def fingerprints(store: Store) -> dict[str, str]:
    with store.reading() as conn:
        return {r.person: r.fingerprint for r in conn.execute(select(cases.c.person, cases.c.fingerprint))}


def save_case(store: Store, case: Case) -> None:
    """Keep one case (replacing the one kept before for the same person)."""
    with store.writing() as conn:
        conn.execute(delete(cases).where(cases.c.person == case.person))
        conn.execute(insert(cases).values(
            person=case.person, fingerprint=case.fingerprint, nationality=case.nationality, status=case.status,
            latest=case.latest, events=[asdict(e) for e in case.events], assembled_at=datetime.now(timezone.utc)))


def drop_cases(store: Store, people: list[str]) -> None:
    if people:
        with store.writing() as conn:
            conn.execute(delete(cases).where(cases.c.person.in_(sorted(people))))


def case_rows(store: Store) -> list[dict]:
    with store.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(select(cases).order_by(cases.c.person))]
