"""Reading facts for case assembly and keeping the assembled cases."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict
from datetime import datetime, timezone

from sqlalchemy import delete, insert, select

from ..cases.records import CaseFact, Event, Source
from ..cases.stories import stories
from ..temporal import year_floor
from . import Store
from .. import places
from .schema import cases, doc_entities, documents, entities, mentions


def case_facts(store: Store) -> list[CaseFact]:
    """Every stored fact with its subject's canonical name and its article as a Source."""
    with store.engine.connect() as conn:
        docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.outlet, documents.c.published,
                                                     documents.c.body))}
    story = stories({doc_id: row.body for doc_id, row in docs.items()})
    floors = {doc_id: year_floor(row.published, row.body) for doc_id, row in docs.items()}
    facts = []
    for row in store.fact_rows():
        if not row["subject"]:
            continue
        doc = docs[row["doc"]]
        source = Source(doc_id=row["doc"], outlet=doc.outlet, published=doc.published, evidence=row["evidence"],
                        story=story[row["doc"]], claimed_by=row["claimed_by"],
                        year_floor=floors[row["doc"]])
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


_BEFORE = re.compile(r"((?:[\w.’-]+\s+){1,3})$")  # "Russian businessman ", "US marine "
_AFTER = re.compile(r"^,\s+(?:an?|the)\s+(?:former\s+|\w+-born\s+)?([A-Z][\w.]+)")  # ", a Russian businessman"


def nationalities(store: Store) -> dict[str, str]:
    """The country the articles most often attach to each person: "Russian businessman X", "X, a US marine"."""
    query = (select(entities.c.name, mentions.c.doc_id, mentions.c.start_char, mentions.c.end_char)
             .select_from(mentions.join(doc_entities, (mentions.c.doc_id == doc_entities.c.doc_id)
                                        & (mentions.c.doc_entity == doc_entities.c.idx))
                          .join(entities, doc_entities.c.entity_id == entities.c.id))
             .where(entities.c.type == "PERSON"))
    votes: dict[str, Counter] = {}
    with store.engine.connect() as conn:
        bodies = {r.id: r.body for r in conn.execute(select(documents.c.id, documents.c.body))}
        for row in conn.execute(query):
            body = bodies[row.doc_id]
            words = []
            before = _BEFORE.search(body[max(0, row.start_char - 40):row.start_char].split("\n")[-1])
            if before:
                words += before.group(1).split()
            after = _AFTER.match(body[row.end_char:row.end_char + 60])
            if after:
                words.append(after.group(1))
            for word in words:
                country = places.country_of_demonym(word) or (places.country_named(word) if word.isupper() else None)
                if country:
                    votes.setdefault(row.name, Counter())[country] += 1
    return {name: counts.most_common(1)[0][0] for name, counts in votes.items()}
