"""The listings: what the web view, the JSON API and the command line show, made at build time.

A page of a large dossier cannot be worked out from its facts on every request. The case list, each case's
events with their sources, the statements log, the exchange ledger and the totals are kept in tables of
their own (dossier/store/schema.py), and the articles' words in the database's full-text index
(dossier/store/search.py). ``refresh`` is what the build calls after ``assemble_cases``, with what it
assembled: it redoes the listings of the people whose case changed or went, of the speakers whose
statements changed, and of anyone an article stored since the last refresh is cited for; the rest stays.
A case is also redone whenever its listing was made from another version of it, so that a build cut short
between assembling and listing is made good by the next.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from sqlalchemy import Connection

from .cases.assemble import Assembly, all_events
from .cases.ledger import ledger
from .cases.merge import date_parts
from .cases.records import CaseFact, Event, Source
from .cases.sources import nationalities
from .cases.statements import Statement, statements_log
from .cases.timeline import ordered, when
from .extract.schema import FACT_TYPES
from .framing import GROUPINGS, Distinctive, distinctive, over_time
from .store import Store, search
from .store import cases as case_store
from .store import listings as rows
from .store.terms import term_rows
from .views.api import SOURCES_SHOWN
from .views.cases import describe, typed_value, value_text
from .views.lookup import entity_key_rows


FRAMING_TOP = 10  # distinctive terms kept per group
FRAMING_MIN_COUNT = 3  # uses a term needs in a group to count as its habit
FRAMING_USES = 10  # uses kept per term: the first, each a link to its sentence


@dataclass
class Refreshed:
    cases: list[str] = field(default_factory=list)  # people whose listing was made (again)
    dropped: list[str] = field(default_factory=list)  # people who no longer have a case
    speakers: list[str] = field(default_factory=list)  # speakers whose statements were made (again)
    articles: int = 0  # articles added to the full-text index
    filed: int = 0  # entities filed again under the keys of their (new) spellings
    framing: bool = False  # whether the framing of the dossier was measured again


class _Spans:
    """Where a source's evidence sentence is in its article: the offsets of the stored fact it was read from,
    else of the first place the article holds its text."""

    def __init__(self, conn: Connection, doc_ids: set[str]):
        self.conn = conn
        self.known = rows.fact_spans(conn, doc_ids)
        self.bodies: dict[str, str] = {}

    def of(self, doc_id: str, evidence: str) -> tuple[int | None, int | None]:
        span = self.known.get(doc_id, {}).get(evidence)
        if span is None and evidence:
            if doc_id not in self.bodies:
                self.bodies.update(rows.bodies(self.conn, [doc_id]) or {doc_id: ""})
            at = self.bodies[doc_id].find(evidence)
            span = (at, at + len(evidence)) if at >= 0 else None
        return span or (None, None)

    def sources(self, sources: list[Source]) -> list[dict]:
        found = []
        for s in sources:
            start, end = self.of(s.doc_id, s.evidence)
            found.append({"doc_id": s.doc_id, "outlet": s.outlet, "published": s.published, "evidence": s.evidence,
                          "claimed_by": s.claimed_by, "start_char": start, "end_char": end})
        return found


def _outlets(sources: list[Source]) -> list[str]:
    return sorted({s.outlet or s.doc_id for s in sources})


def event_row(person: str, seq: int, event: Event, spans: _Spans) -> dict:
    return {
        "person": person, "seq": seq, "type": event.type, "date": event.date, "reported": when(event),
        "headline": describe(event),
        "arguments": {arg: typed_value(arg, value) for arg, value in event.args.items() if arg != "date"},
        "claimed_by": event.claimed_by, "independent_sources": event.outlets, "reports": len(event.sources),
        "outlets": _outlets(event.sources),
        "conflicts": {arg: [{"value": typed_value(arg, v.value), "text": value_text(arg, v.value),
                             "outlets": _outlets(v.sources)} for v in versions]
                      for arg, versions in event.conflicts.items()},
        "sources": spans.sources(event.sources),
    }


def _refresh_cases(conn: Connection, people: set[str]) -> None:
    kept = rows.case_rows(conn, people)
    events = {row["person"]: ordered(all_events([row])) for row in kept}
    spans = _Spans(conn, {s.doc_id for timeline in events.values() for e in timeline for s in e.sources})
    for row in kept:
        timeline = events[row["person"]]
        sources = [s for e in timeline for s in e.sources]
        summary = {"person": row["person"], "fingerprint": row["fingerprint"], "nationality": row["nationality"],
                   "status": row["status"], "latest": row["latest"], "events": len(timeline),
                   "articles": len({s.doc_id for s in sources}),
                   "independent_sources": len({s.story for s in sources})}
        rows.add_case(conn, summary, [event_row(row["person"], seq, e, spans) for seq, e in enumerate(timeline)])


def _refresh_exchanges(conn: Connection) -> None:
    events = [e for e in all_events(rows.case_rows(conn, rows.exchange_people(conn))) if e.type == "exchange"]
    spans = _Spans(conn, {s.doc_id for e in events for s in e.sources})
    rows.replace_exchanges(conn, [
        {"date": x.date, "place": x.place, "side_a": x.sides[0], "side_b": x.sides[1], "side_unknown": x.unplaced,
         "outlets": _outlets(x.sources), "reports": len(x.sources),
         "sources": spans.sources(x.sources[:SOURCES_SHOWN])}  # all of them are its events' sources
        for x in ledger(events)])


def statement_year(statement: Statement) -> str | None:
    """The year it was said, else the year of the earliest article that carries it."""
    for value in [statement.date, *sorted(s.published or "" for s in statement.sources)]:
        parts = date_parts(value)
        if parts and parts[0]:
            return str(parts[0])
    return None


def _sort_key(statement: Statement, year: str | None) -> str:
    """The log's order, in digits alone so that every collation sorts it alike: the year (unknown last),
    then the undated before the dated, by month and day."""
    _, month, day = date_parts(statement.date) or (None, None, None)
    return f"{int(year or 9999):04d}{1 if statement.date else 0}{month or 0:02d}{day or 0:02d}"


def _refresh_entity_index(conn: Connection) -> int:
    """File the entities resolved since the last refresh (an entity resolved again is stored anew, under an id
    never used before) under the lookup keys of their spellings, and drop those of entities gone; how many were
    filed. The others keep their keys and counts: their spellings and documents are as they were."""
    entities = rows.unfiled_entities(conn)
    spellings = {entity: hashlib.sha256(json.dumps([name, type_, sorted(aliases)]).encode()).hexdigest()
                 for entity, name, type_, aliases in entities}
    keys = {entity: {key for key, _ in entity_key_rows(entity, name, type_, aliases)}
            for entity, name, type_, aliases in entities}
    rows.file_entities(conn, spellings, keys)
    return len(keys)


def _fingerprint(facts: list[dict]) -> str:
    payload = sorted(json.dumps(f, sort_keys=True, default=str) for f in facts)
    return hashlib.sha256("\n".join(payload).encode()).hexdigest()


def _refresh_statements(conn: Connection, citing: set[str], changed: set[str] | None) -> list[str]:
    """Redo the statements of the speakers whose statement facts changed, among the speakers of the articles
    ``changed`` (added, or whose entities were named otherwise; None: every article) and ``citing``, the
    speakers whose statements cite an article replaced."""
    speakers = None if changed is None else \
        citing | rows.statement_speakers_of(conn, changed) | rows.people_citing(conn, changed)[1]
    by_speaker: dict[str, list[dict]] = {}
    for fact in rows.statement_fact_rows(conn, speakers):
        if fact["subject"]:
            by_speaker.setdefault(fact["subject"], []).append(fact)
    fingerprints = {speaker: _fingerprint(facts) for speaker, facts in by_speaker.items()}
    kept = rows.speaker_fingerprints(conn, speakers)
    redo = {s for s, f in fingerprints.items() if kept.get(s) != f} | (citing & set(fingerprints))
    rows.drop_speakers(conn, redo | (set(kept) - set(fingerprints)))
    made = []
    for speaker in sorted(redo):
        facts = by_speaker[speaker]
        spans = {(f["doc"], f["evidence"]): (f["start"], f["end"]) for f in reversed(facts)}
        log = statements_log([CaseFact("statement", speaker, f["args"], Source(
            f["doc"], f["outlet"], f["published"], f["evidence"], f["doc"], f["claimed_by"])) for f in facts])
        said = []
        for s in log:
            year = statement_year(s)
            said.append({"speaker": speaker, "quote": s.quote, "date": s.date, "year": year, "channel": s.channel,
                         "reports": len(s.sources), "outlets": s.outlets, "sort_key": _sort_key(s, year),
                         "about": sorted(set(s.about)),
                         "sources": [{"doc_id": src.doc_id, "outlet": src.outlet or src.doc_id,
                                      "published": src.published, "evidence": src.evidence,
                                      "claimed_by": src.claimed_by,
                                      "start_char": spans[src.doc_id, src.evidence][0],
                                      "end_char": spans[src.doc_id, src.evidence][1]} for src in s.sources]})
        made.append((speaker, fingerprints[speaker], said))
    rows.add_speakers(conn, made)
    return sorted(redo)


def framing_term(term: Distinctive, uses: int | None = FRAMING_USES) -> dict:
    """A distinctive term as the listing keeps it: its figures, its uses per year, its first uses."""
    return {"term": term.term, "z": term.z, "log_odds": term.log_odds, "uses": term.count,
            "elsewhere": term.elsewhere, "years": {year or "": n for year, n in over_time([term]).items()},
            "sentences": [{"doc": u.doc_id, "start": u.start, "end": u.end, "sentence_start": u.sentence_start,
                           "sentence_end": u.sentence_end, "fact": u.fact_type, "outlet": u.outlet}
                          for u in term.uses[:uses]]}


def _nationality(store: Store, assembly: Assembly | None) -> dict[str, str]:
    """Each person's nationality: as kept, but for the people assembled now, whose mentions may have changed and
    whose nationality assembly read again; read again for everyone when the build did not say whose changed."""
    if assembly is not None and assembly.people is None:
        return assembly.nationality
    if assembly is None:
        documents = case_store.document_rows(store)
        return nationalities(case_store.person_mentions(store), {d["id"]: d["body"] for d in documents})
    with store.reading() as conn:
        kept = rows.nationalities_of(conn)
    return {p: c for p, c in kept.items() if p not in assembly.people} | assembly.nationality


def _framing(store: Store, nationality: dict[str, str]) -> list[dict]:
    """The framing of the whole dossier by each grouping, for every fact type and for each."""
    terms = term_rows(store)
    subsets = {"": terms} | {t: [r for r in terms if r["type"] == t] for t in FACT_TYPES}
    found = []
    for grouping in GROUPINGS:
        for fact_type, subset in subsets.items():
            groups = distinctive(subset, grouping, nationality, FRAMING_TOP, min_count=FRAMING_MIN_COUNT)
            found.extend({"grouping": grouping, "fact_type": fact_type, "group_name": group, "rank": rank,
                          **framing_term(term)} for group, best in groups.items() for rank, term in enumerate(best))
    return found


def refresh(store: Store, assembly: Assembly | None = None, renamed: set[str] | None = None) -> Refreshed:
    """Bring the listings and the full-text index up to date with the stored articles and cases, in one
    transaction (a reader sees the listings before or after, never half of them). ``renamed``: the articles
    whose entities were named otherwise since the last refresh, when the build knows them (None: any may
    have been)."""
    report = Refreshed()
    with store.reading() as conn:
        # Framing weighs every article against the others: measured again whenever an article or the
        # entities may have changed, from the committed articles, before the listings are written.
        measure = bool(rows.unindexed_documents(conn)) or not rows.totals(conn) or bool(
            assembly and (assembly.cases or assembly.dropped))
    nationality = _nationality(store, assembly)
    framing = _framing(store, nationality) if measure else None
    with store.writing() as conn:
        stored = rows.unindexed_documents(conn)
        report.articles = search.refresh(conn)
        citing_people, citing_speakers = rows.people_citing(conn, stored)
        kept, listed = rows.listed_fingerprints(conn)
        redo = {p for p, f in kept.items() if listed.get(p) != f} | (citing_people & set(kept))
        redo |= {case.person for case in (assembly.cases if assembly else [])}
        report.cases, report.dropped = sorted(redo), sorted(set(listed) - set(kept))
        swapped = rows.exchange_people(conn)  # the ledger is redone when someone swapped is
        rows.drop_cases(conn, redo | set(report.dropped))
        _refresh_cases(conn, redo)
        if (redo | set(report.dropped)) & (swapped | rows.exchange_people(conn)) or not rows.totals(conn):
            _refresh_exchanges(conn)
        report.speakers = _refresh_statements(conn, citing_speakers, None if renamed is None else stored | renamed)
        rows.update_nationalities(conn, nationality)
        if framing is not None:
            rows.replace_framing(conn, framing)
            report.framing = True
        report.filed = _refresh_entity_index(conn)
        rows.replace_totals(conn)
    return report
