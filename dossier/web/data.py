"""What the web pages and the JSON API show, read straight from the dossier database."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import func, or_, select

from ..cases.assemble import all_events
from ..cases.ledger import ledger
from ..cases.merge import date_parts
from ..cases.statements import statements_log
from ..cases.timeline import ordered, sort_key, when
from ..store import Store
from ..store.cases import case_facts, case_rows
from ..store.schema import documents
from ..views.cases import describe, exchange_rows, statement_rows, timeline_rows
from ..views.lookup import find_entities

SEARCH_LIMIT = 50


@dataclass
class Dossier:
    store: Store

    # ---- search

    def search(self, query: str) -> dict:
        query = query.strip()
        if not query:
            return {"people": [], "organisations": [], "outlets": [], "articles": []}
        found = find_entities(self.store, query, types=("PERSON", "ORG"))
        pattern = f"%{query}%"
        with self.store.engine.connect() as conn:
            outlets = [r.outlet for r in conn.execute(
                select(documents.c.outlet, func.count()).where(documents.c.outlet.ilike(pattern))
                .group_by(documents.c.outlet).order_by(func.count().desc()))]
            articles = [dict(r._mapping) for r in conn.execute(
                select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.published)
                .where(or_(documents.c.body.ilike(pattern), documents.c.title.ilike(pattern),
                           documents.c.outlet.ilike(pattern)))
                .order_by(documents.c.id).limit(SEARCH_LIMIT))]
        return {"people": [e for e in found if e["type"] == "PERSON"],
                "organisations": [e for e in found if e["type"] == "ORG"],
                "outlets": outlets, "articles": articles}

    # ---- cases

    @cached_property
    def events(self):
        return all_events(self.store)

    def cases(self) -> list[dict]:
        return [{"person": r["person"], "status": r["status"], "latest": r["latest"], "events": len(r["events"])}
                for r in case_rows(self.store)]

    def person(self, name: str) -> str | None:
        people = {e.subject for e in self.events}
        if name in people:
            return name
        return next((e["name"] for e in find_entities(self.store, name, types=("PERSON",)) if e["name"] in people),
                    None)

    def case(self, person: str) -> list[dict]:
        events = ordered([e for e in self.events if e.subject == person])
        rows = timeline_rows(events)
        for row, event in zip(rows, events):
            row["position"] = sort_key(event)[:3]
            row["when"] = when(event)
            row["claimed"] = bool(event.claimed_by)
            row["headline"] = describe(event)
            row["links"] = [{"doc": s.doc_id, "outlet": s.outlet or s.doc_id, "evidence": s.evidence,
                             "claimed_by": s.claimed_by} for s in event.sources]
        return rows

    def exchanges(self) -> list[dict]:
        return exchange_rows(ledger(self.events))

    # ---- statements

    def statements(self, speaker: str | None = None, outlet: str | None = None, year: str | None = None):
        log = statements_log(case_facts(self.store))
        if speaker:
            names = {e["name"] for e in find_entities(self.store, speaker)} | {speaker}
            log = [s for s in log if s.speaker in names]
        if outlet:
            log = [s for s in log if outlet in s.outlets]
        if year:
            log = [s for s in log if (s.date or "").startswith(year) or any(
                (x.published or "").startswith(year) for x in s.sources)]
        return statement_rows(log)

    @staticmethod
    def statements_by_year(rows: list[dict]) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for row in rows:
            parts = date_parts(row["date"])
            counts[str(parts[0]) if parts and parts[0] else "undated"] = counts.get(
                str(parts[0]) if parts and parts[0] else "undated", 0) + 1
        return sorted(counts.items())

    # ---- articles

    def article(self, doc_id: str) -> dict | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        if row is None:
            return None
        return {**row._mapping, "facts": self.store.fact_rows(doc_id)}
