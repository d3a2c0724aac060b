"""What the web pages and the JSON API show, read from the listings made at build time.

An answer is a few indexed reads whatever the size of the dossier: nothing is worked out from the facts on a
request, and long listings come a page at a time in a stable order. Records are plain dicts
(dossier/views/api.py), so a page and its /api/ twin show the same thing.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, select

from ..framing import distinctive
from ..listings import FRAMING_MIN_COUNT, FRAMING_TOP, framing_term
from ..store import Store, search
from ..store import listings as rows
from ..store.schema import case_summaries, documents
from ..store.terms import term_rows
from ..views.api import (SOURCES_SHOWN, article_url, case_record, event_record, evidence_url, exchange_record,
                         person_url, source_record, statement_record)
from ..views.cases import value_text
from ..views.lookup import find
from .text import snippet

SEARCH_PEOPLE = 20  # people and organisations a search lists
ANY_ENTITY = ("PERSON", "ORG", "NORP", "GPE", "FAC")
# What every statements page shows, and the framing of one person's facts, kept by each server process until
# the listings change (their generation): (database, generation, what) -> value.
_KEPT: dict[tuple, object] = {}


@dataclass(frozen=True)
class Window:
    """One page of a listing: the page's number, from 1, and how many items a page holds."""

    page: int = 1
    limit: int = 50

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


def paged(items: list[dict], total: int, window: Window) -> dict:
    return {"total": total, "page": window.page, "limit": window.limit, "items": items}


def _text(value: str | None) -> str | None:
    """What a user typed, as the database can hold it (PostgreSQL's text has no NUL)."""
    return value.replace("\x00", "") if value else value


class Dossier:
    """One request's reading of the database, on one connection; what users type is read as text, never SQL."""

    def __init__(self, store: Store, conn: Connection):
        self.store = store
        self.conn = conn

    @classmethod
    @contextmanager
    def reading(cls, store: Store) -> Iterator[Dossier]:
        with store.engine.connect() as conn:
            yield cls(store, conn)

    def _with_case(self, names: list[str]) -> set[str]:
        found: set[str] = set()
        for part in rows.chunks(names):
            found.update(self.conn.execute(select(case_summaries.c.person)
                                           .where(case_summaries.c.person.in_(part))).scalars())
        return found

    def _kept(self, what: str, make):
        key = (self.store.url, rows.generation(self.conn), what)
        if key not in _KEPT:
            if len(_KEPT) > 100:  # only those of older generations, or of other dossiers
                _KEPT.clear()
            _KEPT[key] = make()
        return _KEPT[key]

    def _names(self, name: str) -> list[str]:
        """Everyone a name may mean: the entities it finds, and the name itself."""
        return sorted({e["name"] for e in find(self.conn, name)} | {name})

    # ---- the whole dossier

    def overview(self) -> dict:
        totals = rows.totals(self.conn)
        return {key: totals.get(key, 0) for key in ("articles", "outlets", "cases", "exchanges", "statements")}

    def case_list(self, window: Window) -> dict:
        return paged([case_record(r) for r in rows.case_page(self.conn, window.limit, window.offset)],
                     rows.totals(self.conn).get("cases", 0), window)

    def exchanges(self, window: Window) -> dict:
        return paged([exchange_record(r) for r in rows.exchange_page(self.conn, window.limit, window.offset)],
                     rows.totals(self.conn).get("exchanges", 0), window)

    # ---- search

    def search(self, query: str, window: Window) -> dict:
        query = _text(query)
        wanted = search.query_words(query)
        found = find(self.conn, query, types=("PERSON", "ORG"))[:SEARCH_PEOPLE]
        cases = self._with_case([e["name"] for e in found])

        def hit(e: dict) -> dict:
            return {"name": e["name"], "type": e["type"], "aliases": [a for a in e["aliases"] if a != e["name"]],
                    "articles": e["articles"], "has_case": e["name"] in cases, "url": person_url(e["name"])}

        outlets = rows.outlets_like(self.conn, query.strip())[:SEARCH_PEOPLE] if query.strip() else []
        total, articles = 0, []
        if wanted:
            total = search.count(self.conn, wanted)
            found_docs = rows.articles(self.conn, search.page(self.conn, wanted, window.limit, window.offset))
            articles = [{"id": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
                         "snippet": snippet(r["body"], wanted), "url": article_url(r["id"], query.strip())}
                        for r in found_docs]
        return {"query": query, "people": [hit(e) for e in found if e["type"] == "PERSON"],
                "organisations": [hit(e) for e in found if e["type"] == "ORG"], "outlets": outlets,
                "articles": paged(articles, total, window)}

    # ---- people and their cases

    def person(self, name: str) -> dict | None:
        """Who a name means (any spelling): a person with a case first, else any person or organisation."""
        name = _text(name)
        case = rows.case_summary(self.conn, name)
        if case:
            matches = find(self.conn, name, ("PERSON",))
            entity = next((e for e in matches if e["name"] == name), None)
        else:
            matches = find(self.conn, name, ANY_ENTITY)
            with_case = self._with_case([e["name"] for e in matches])
            entity = next((e for e in matches if e["name"] in with_case), None) or next(iter(matches), None)
            if entity is None:
                return None
            name = entity["name"]
            case = rows.case_summary(self.conn, name)
        return {"name": name, "type": (entity or {}).get("type", "PERSON"),
                "aliases": [a for a in (entity or {}).get("aliases", []) if a != name],
                "nationality": case["nationality"] if case else None, "status": case["status"] if case else None,
                "latest": case["latest"] if case else None, "has_case": case is not None,
                "articles": (entity or {}).get("articles", 0), "entity": (entity or {}).get("id"),
                "url": person_url(name)}

    def case(self, person: str) -> list[dict]:
        return [event_record(r) for r in rows.events_of(self.conn, person, SOURCES_SHOWN)]

    def event_sources(self, person: str, seq: int, window: Window) -> tuple[dict | None, dict]:
        """(an event of a case, a page of its sources)."""
        event, found = rows.event_sources_page(self.conn, person, seq, window.limit, window.offset)
        return event, paged([source_record(s) for s in found], event["reports"] if event else 0, window)

    def articles_naming(self, entity: int | None, window: Window) -> dict:
        total, found = rows.entity_docs(self.conn, entity, window.limit, window.offset) if entity else (0, [])
        return paged([{**r, "url": article_url(r["id"])} for r in found], total, window)

    # ---- statements

    def statements(self, window: Window, speaker: str | None = None, outlet: str | None = None,
                   year: str | None = None, about: str | None = None) -> dict:
        speaker, outlet, year, about = (_text(v) for v in (speaker, outlet, year, about))
        total, found = rows.statement_page(self.conn, self._names(speaker) if speaker else None, outlet or None,
                                           year or None, self._names(about) if about else None, window.limit,
                                           window.offset, SOURCES_SHOWN)
        return paged([statement_record(r) for r in found], total, window)

    def statement_years(self, speaker: str | None = None, outlet: str | None = None) -> dict[str | None, int]:
        speaker, outlet = _text(speaker), _text(outlet)
        if not speaker and not outlet:
            return self._kept("years", lambda: rows.statement_years(self.conn))
        return rows.statement_years(self.conn, self._names(speaker) if speaker else None, outlet or None)

    def statement_filters(self) -> dict:
        return self._kept("filters", lambda: rows.statement_filters(self.conn))

    # ---- framing

    def framing(self, grouping: str, person: dict | None, fact_type: str | None, window: Window) -> dict:
        """Each group's distinctive terms, a page of groups by name. The whole dossier's are read from the
        listing; those of the facts about one person are measured on their articles alone."""
        if person is None:
            total, groups = rows.framing_page(self.conn, grouping, _text(fact_type) or "", window.limit,
                                              window.offset)
        else:  # measured once for each person and fact type, then kept
            measured = self._kept(("framing", grouping, person["name"], _text(fact_type)),
                                  lambda: self._person_framing(grouping, person, _text(fact_type)))
            total = len(measured)
            groups = measured[window.offset:window.offset + window.limit]
        return paged([{"group": group, "terms": [
            {**t, "group": group, "sentences": [{**u, "url": evidence_url(u["doc"], u["sentence_start"],
                                                                           u["sentence_end"])}
                                                for u in t["sentences"]]} for t in terms]}
                      for group, terms in groups], total, window)

    def _person_framing(self, grouping: str, person: dict, fact_type: str | None) -> list[tuple[str, list[dict]]]:
        """The framing of the facts about one person, measured on the articles that tell them."""
        terms = term_rows(self.store, rows.docs_about([person["entity"]])) if person["entity"] else []
        speakers = {r["subject"] if r["type"] == "statement" else r["claimed_by"] for r in terms}
        nationality = rows.nationalities_of(self.conn, speakers - {None}) if grouping == "country" else {}
        measured = distinctive(terms, grouping, nationality, FRAMING_TOP, person["name"], fact_type,
                               FRAMING_MIN_COUNT)
        return [(group, [framing_term(t) for t in best]) for group, best in measured.items()]

    # ---- articles

    def article(self, doc_id: str) -> dict | None:
        doc_id = _text(doc_id)
        columns = [c for c in documents.c if c.name not in ("raw", "content_hash", "pipeline")]
        row = self.conn.execute(select(*columns).where(documents.c.id == doc_id)).first()
        if row is None:
            return None
        found = dict(row._mapping)
        found["processed_at"] = str(found["processed_at"])
        found["facts"] = [{**f, "url": evidence_url(doc_id, f["start"], f["end"]),
                           "subject_url": person_url(f["subject"]) if f["subject"] else None,
                           "args": {k: value_text(k, v) if v is not None else None for k, v in f["args"].items()}}
                          for f in self.store.fact_rows(doc_id)]
        return found
