"""What the web pages and the JSON API show, read straight from the dossier database.

Everything is plain dicts and lists of plain values, so a page and its /api/ twin
show the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote, urlencode

from sqlalchemy import and_, func, or_, select

from ..cases.ledger import ledger
from ..cases.merge import date_parts
from ..cases.records import Event, Source
from ..cases.statements import Statement, statements_log
from ..cases.timeline import ordered, when
from ..store import Store
from ..casefile import stored_events, stored_facts
from ..store.cases import case_rows
from ..store.schema import documents, facts
from ..views.cases import describe, value_text
from ..views.lookup import find_entities
from .text import snippet, terms

SEARCH_LIMIT = 50


def person_url(name: str) -> str:
    return f"/person/{quote(name, safe='')}"


def evidence_url(doc_id: str, start: int | None, end: int | None, sentence: str | None = None) -> str:
    """The article page with the evidence marked: by offsets when known, else by the sentence's text."""
    query = {"start": start, "end": end} if start is not None and end is not None else {"sentence": sentence or ""}
    return f"/article/{quote(doc_id, safe='')}?{urlencode(query)}#evidence"


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass
class Dossier:
    """One request's view of the database; what it reads is kept for the length of the request."""

    store: Store

    # ---- what several pages share

    @cached_property
    def cases(self) -> dict[str, dict]:
        return {r["person"]: r for r in case_rows(self.store)}

    @cached_property
    def events(self) -> list[Event]:
        return stored_events(self.store)

    @cached_property
    def entities(self) -> list[dict]:
        return self.store.entity_rows()

    @cached_property
    def statements_all(self) -> list[Statement]:
        return statements_log(stored_facts(self.store))

    @cached_property
    def _spans(self) -> dict[str, dict[str, tuple[int, int]]]:
        return {}  # document -> evidence text -> offsets, filled as pages need them

    @cached_property
    def _bodies(self) -> dict[str, str]:
        return {}

    def _load_spans(self, doc_ids: set[str]) -> None:
        """Read the bodies and fact offsets of documents not read yet in this request."""
        missing = sorted(doc_ids - set(self._bodies))
        if not missing:
            return
        with self.store.engine.connect() as conn:
            for r in conn.execute(select(documents.c.id, documents.c.body).where(documents.c.id.in_(missing))):
                self._bodies[r.id] = r.body
            for r in conn.execute(select(facts.c.doc_id, facts.c.start_char, facts.c.end_char)
                                  .where(facts.c.doc_id.in_(missing)).order_by(facts.c.doc_id, facts.c.idx)):
                body = self._bodies.get(r.doc_id, "")
                self._spans.setdefault(r.doc_id, {}).setdefault(body[r.start_char:r.end_char],
                                                                (r.start_char, r.end_char))

    def _links(self, sources: list[Source]) -> list[dict]:
        self._load_spans({s.doc_id for s in sources})
        links = []
        for s in sources:
            span = self._spans.get(s.doc_id, {}).get(s.evidence)
            if span is None:  # evidence not among the stored facts' spans: look for its text
                at = self._bodies.get(s.doc_id, "").find(s.evidence) if s.evidence else -1
                span = (at, at + len(s.evidence)) if at >= 0 else None
            start, end = span if span else (None, None)
            links.append({"doc": s.doc_id, "outlet": s.outlet or s.doc_id, "published": s.published,
                          "evidence": s.evidence, "claimed_by": s.claimed_by, "start": start, "end": end,
                          "url": evidence_url(s.doc_id, start, end, s.evidence)})
        return links

    def overview(self) -> dict:
        with self.store.engine.connect() as conn:
            articles = conn.execute(select(func.count()).select_from(documents)).scalar_one()
            outlets = conn.execute(select(func.count(func.distinct(documents.c.outlet)))).scalar_one()
        return {"articles": articles, "outlets": outlets, "cases": len(self.cases),
                "exchanges": len(ledger(self.events)), "statements": len(self.statements_all)}

    def case_list(self) -> list[dict]:
        counts: dict[str, set[str]] = {}
        for event in self.events:
            counts.setdefault(event.subject, set()).update(s.story for s in event.sources)
        return [{"person": r["person"], "nationality": r["nationality"], "status": r["status"], "latest": r["latest"],
                 "events": len(r["events"]), "sources": len(counts.get(r["person"], ())),
                 "url": person_url(r["person"])}
                for r in self.cases.values()]

    # ---- search

    def search(self, query: str) -> dict:
        words = terms(query)
        if not words:
            return {"query": query, "people": [], "organisations": [], "outlets": [], "articles": []}
        found = find_entities(self.store, query.strip(), types=("PERSON", "ORG"))

        def hit(e: dict) -> dict:
            return {"name": e["name"], "type": e["type"], "aliases": [a for a in e["aliases"] if a != e["name"]],
                    "articles": len(e["docs"]), "has_case": e["name"] in self.cases, "url": person_url(e["name"])}

        # Every word somewhere in the title, the outlet or the text: simple, and the same on SQLite and PostgreSQL.
        match = and_(*[or_(documents.c.body.ilike(_like(w), escape="\\"), documents.c.title.ilike(_like(w), escape="\\"),
                           documents.c.outlet.ilike(_like(w), escape="\\")) for w in words])
        with self.store.engine.connect() as conn:
            outlets = [{"name": r.outlet, "articles": r.n} for r in conn.execute(
                select(documents.c.outlet, func.count().label("n"))
                .where(documents.c.outlet.ilike(_like(query.strip()), escape="\\"))
                .group_by(documents.c.outlet).order_by(func.count().desc(), documents.c.outlet))]
            total = conn.execute(select(func.count()).select_from(documents).where(match)).scalar_one()
            rows = conn.execute(select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.published,
                                       documents.c.body)
                                .where(match).order_by(documents.c.published.desc().nulls_last(), documents.c.id)
                                .limit(SEARCH_LIMIT)).all()
        articles = [{"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published,
                     "snippet": snippet(r.body, words),
                     "url": f"/article/{quote(r.id, safe='')}?{urlencode({'q': query.strip()})}"} for r in rows]
        return {"query": query, "people": [hit(e) for e in found if e["type"] == "PERSON"],
                "organisations": [hit(e) for e in found if e["type"] == "ORG"],
                "outlets": outlets, "articles": articles, "articles_total": total}

    # ---- people and their cases

    def person(self, name: str) -> dict | None:
        """Who a name means (any spelling): a person with a case first, else any person or organisation."""
        if name in self.cases:
            entity = next((e for e in self.entities if e["name"] == name and e["type"] == "PERSON"), None)
        else:
            matches = find_entities(self.store, name, types=("PERSON", "ORG", "NORP", "GPE", "FAC"))
            entity = next((e for e in matches if e["name"] in self.cases), None) or next(iter(matches), None)
            if entity is None:
                return None
            name = entity["name"]
        case = self.cases.get(name)
        return {"name": name, "type": (entity or {}).get("type", "PERSON"),
                "aliases": [a for a in (entity or {}).get("aliases", []) if a != name],
                "nationality": case["nationality"] if case else None, "status": case["status"] if case else None,
                "latest": case["latest"] if case else None, "has_case": case is not None,
                "articles": list((entity or {}).get("docs", [])), "url": person_url(name)}

    def case(self, person: str) -> list[dict]:
        events = ordered([e for e in self.events if e.subject == person])
        rows = []
        for event in events:
            rows.append({
                "event": event.type, "date": event.date, "when": when(event), "headline": describe(event),
                "args": {k: value_text(k, v) for k, v in event.args.items()},
                "claimed": bool(event.claimed_by), "claimed_by": event.claimed_by,
                "independent_sources": event.outlets,
                "outlets": sorted({s.outlet or s.doc_id for s in event.sources}),
                "conflicts": {arg: [{"value": value_text(arg, v.value),
                                     "outlets": sorted({s.outlet or s.doc_id for s in v.sources})} for v in versions]
                              for arg, versions in event.conflicts.items()},
                "sources": self._links(event.sources),
            })
        return rows

    def articles(self, doc_ids: list[str]) -> list[dict]:
        if not doc_ids:
            return []
        with self.store.engine.connect() as conn:
            return [{"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published,
                     "url": f"/article/{quote(r.id, safe='')}"} for r in conn.execute(
                select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.published)
                .where(documents.c.id.in_(doc_ids)).order_by(documents.c.published.desc().nulls_last(), documents.c.id))]

    # ---- exchanges

    def exchanges(self) -> list[dict]:
        return [{"date": x.date, "place": x.place, "side_a": x.sides[0], "side_b": x.sides[1],
                 "side_unknown": x.unplaced, "outlets": sorted({s.outlet or s.doc_id for s in x.sources}),
                 "sources": self._links(x.sources)} for x in ledger(self.events)]

    # ---- statements

    @staticmethod
    def statement_year(statement: Statement) -> str | None:
        """The year it was said, else the year of the earliest article that carries it."""
        for value in [statement.date, *sorted(s.published or "" for s in statement.sources)]:
            parts = date_parts(value)
            if parts and parts[0]:
                return str(parts[0])
        return None

    def statements(self, speaker: str | None = None, outlet: str | None = None, year: str | None = None,
                   about: str | None = None) -> list[dict]:
        log = self.statements_all
        if speaker:
            names = {e["name"] for e in find_entities(self.store, speaker)} | {speaker}
            log = [s for s in log if s.speaker in names]
        if about:
            names = {e["name"] for e in find_entities(self.store, about)} | {about}
            log = [s for s in log if names & set(s.about)]
        if outlet:
            log = [s for s in log if outlet in s.outlets]
        if year:
            log = [s for s in log if (self.statement_year(s) or "undated") == year]
        log = sorted(log, key=lambda s: (self.statement_year(s) or "9999", s.date or "", s.speaker))
        return [{"speaker": s.speaker, "speaker_url": person_url(s.speaker), "quote": s.quote, "date": s.date,
                 "year": self.statement_year(s), "channel": s.channel,
                 "about": [{"name": a, "url": person_url(a)} for a in s.about], "outlets": s.outlets,
                 "sources": self._links(s.sources)} for s in log]

    def statement_filters(self) -> dict:
        speakers: dict[str, int] = {}
        outlets: set[str] = set()
        years: set[str] = set()
        for s in self.statements_all:
            speakers[s.speaker] = speakers.get(s.speaker, 0) + 1
            outlets.update(s.outlets)
            years.add(self.statement_year(s) or "undated")
        return {"speakers": sorted(speakers, key=lambda n: (-speakers[n], n)), "outlets": sorted(outlets),
                "years": sorted(years)}

    # ---- articles

    def article(self, doc_id: str) -> dict | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        if row is None:
            return None
        found = dict(row._mapping)
        found.pop("raw", None)
        found["processed_at"] = str(found["processed_at"])
        found["facts"] = [{**f, "url": evidence_url(doc_id, f["start"], f["end"]),
                           "subject_url": person_url(f["subject"]) if f["subject"] else None,
                           "args": {k: value_text(k, v) if v is not None else None for k, v in f["args"].items()}}
                          for f in self.store.fact_rows(doc_id)]
        return found
