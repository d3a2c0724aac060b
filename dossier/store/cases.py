"""The rows case assembly reads, and the cases it returns, kept."""
from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timezone

from sqlalchemy import delete, insert, select

from ..cases.records import Case
from . import Store
from .schema import cases, doc_entities, documents, entities, facts, mentions


def document_rows(store: Store, ids: set[str] | None = None) -> list[dict]:
    query = select(documents.c.id, documents.c.outlet, documents.c.published, documents.c.body)
    if ids is not None:
        query = query.where(documents.c.id.in_(sorted(ids)))
    with store.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def _subjects():
    return (select(entities.c.name, facts.c.doc_id)
            .select_from(facts.join(doc_entities, (facts.c.doc_id == doc_entities.c.doc_id)
                                    & (facts.c.subject == doc_entities.c.idx))
                         .join(entities, doc_entities.c.entity_id == entities.c.id)))


def documents_of_people(store: Store, people: set[str]) -> set[str]:
    """The documents that state a fact about any of these people."""
    with store.reading() as conn:
        return {r.doc_id for r in conn.execute(_subjects().where(entities.c.name.in_(sorted(people))))}


def subjects_in(store: Store, docs: set[str]) -> set[str]:
    """The people these documents state facts about."""
    with store.reading() as conn:
        return {r.name for r in conn.execute(_subjects().where(facts.c.doc_id.in_(sorted(docs))))}


def person_mentions(store: Store, people: set[str] | None = None) -> list[dict]:
    """Each mention of a resolved person (of these people): canonical name, document, offsets."""
    query = (select(entities.c.name, mentions.c.doc_id, mentions.c.start_char.label("start"),
                    mentions.c.end_char.label("end"))
             .select_from(mentions.join(doc_entities, (mentions.c.doc_id == doc_entities.c.doc_id)
                                        & (mentions.c.doc_entity == doc_entities.c.idx))
                          .join(entities, doc_entities.c.entity_id == entities.c.id))
             .where(entities.c.type == "PERSON"))
    if people is not None:
        query = query.where(entities.c.name.in_(sorted(people)))
    with store.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def fingerprints(store: Store, people: set[str] | None = None) -> dict[str, str]:
    query = select(cases.c.person, cases.c.fingerprint)
    if people is not None:
        query = query.where(cases.c.person.in_(sorted(people)))
    with store.reading() as conn:
        return {r.person: r.fingerprint for r in conn.execute(query)}


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
