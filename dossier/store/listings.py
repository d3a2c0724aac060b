"""The listing tables, read and written: each listing one indexed read, a page at a time, in a stable order.

Rows go in and come out as plain dicts; what they mean is dossier/listings.py's (making them) and
dossier/views/api.py's (showing them).
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, and_, delete, distinct, func, insert, select, union

from .database import decode_entities
from .schema import (case_events, case_summaries, cases, counts, doc_entities, documents, entities,
                     entity_index, entity_keys, event_sources, exchanges, facts, framing_terms, outlets,
                     person_nationalities, search_text, statement_about, statement_sources, statement_speakers,
                     statements)

CHUNK = 500  # values per IN (...): well under every database's limit on bound parameters
SOURCE_COLUMNS = ("doc_id", "outlet", "published", "evidence", "claimed_by", "start_char", "end_char")


def chunks(values: Iterable, size: int = CHUNK) -> Iterable[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    for part in chunks(rows, 1000):
        conn.execute(insert(table), part)


# ---- what a refresh reads

def listed_fingerprints(conn: Connection) -> tuple[dict[str, str], dict[str, str]]:
    """({person: fingerprint} of the kept cases, {person: fingerprint} of the cases listed)."""
    kept = {r.person: r.fingerprint for r in conn.execute(select(cases.c.person, cases.c.fingerprint))}
    listed = {r.person: r.fingerprint for r in conn.execute(select(case_summaries.c.person,
                                                                   case_summaries.c.fingerprint))}
    return kept, listed


def unindexed_documents(conn: Connection) -> set[str]:
    """Articles stored since the last refresh: replacing an article drops its search row."""
    return set(conn.execute(select(documents.c.id).where(
        ~select(search_text.c.id).where(search_text.c.doc_id == documents.c.id).exists())).scalars())


def people_citing(conn: Connection, doc_ids: set[str]) -> tuple[set[str], set[str]]:
    """(people whose case, speakers whose statements) cite one of the articles."""
    people, speakers = set(), set()
    for part in chunks(doc_ids):
        people.update(conn.execute(select(event_sources.c.person).distinct()
                                   .where(event_sources.c.doc_id.in_(part))).scalars())
        speakers.update(conn.execute(
            select(statements.c.speaker).distinct()
            .select_from(statements.join(statement_sources, statement_sources.c.statement == statements.c.id))
            .where(statement_sources.c.doc_id.in_(part))).scalars())
    return people, speakers


def case_rows(conn: Connection, people: Iterable[str]) -> list[dict]:
    found = []
    for part in chunks(sorted(people)):
        found.extend(dict(r._mapping) for r in conn.execute(select(cases).where(cases.c.person.in_(part))
                                                            .order_by(cases.c.person)))
    return found


def exchange_people(conn: Connection) -> set[str]:
    return set(conn.execute(select(case_events.c.person).distinct().where(case_events.c.type == "exchange"))
               .scalars())


def fact_spans(conn: Connection, doc_ids: Iterable[str]) -> dict[str, dict[str, tuple[int, int]]]:
    """{document: {evidence sentence: its offsets}} from the stored facts, the first fact's where two agree."""
    spans: dict[str, dict[str, tuple[int, int]]] = {}
    evidence = func.substr(documents.c.body, facts.c.start_char + 1, facts.c.end_char - facts.c.start_char)
    for part in chunks(sorted(doc_ids)):
        for r in conn.execute(select(facts.c.doc_id, facts.c.start_char, facts.c.end_char, evidence.label("text"))
                              .join_from(facts, documents, documents.c.id == facts.c.doc_id)
                              .where(facts.c.doc_id.in_(part)).order_by(facts.c.doc_id, facts.c.idx)):
            spans.setdefault(r.doc_id, {}).setdefault(r.text, (r.start_char, r.end_char))
    return spans


def bodies(conn: Connection, doc_ids: Iterable[str]) -> dict[str, str]:
    found = {}
    for part in chunks(sorted(doc_ids)):
        found.update(conn.execute(select(documents.c.id, documents.c.body).where(documents.c.id.in_(part))).all())
    return found


def statement_speakers_of(conn: Connection, doc_ids: set[str]) -> set[str]:
    """The speakers (canonical names) of the statement facts of these articles."""
    found = set()
    for part in chunks(sorted(doc_ids)):
        found.update(conn.execute(
            select(func.coalesce(entities.c.name, doc_entities.c.name)).distinct()
            .select_from(facts.join(doc_entities, and_(doc_entities.c.doc_id == facts.c.doc_id,
                                                       doc_entities.c.idx == facts.c.subject))
                         .outerjoin(entities, doc_entities.c.entity_id == entities.c.id))
            .where(facts.c.type == "statement", facts.c.doc_id.in_(part))).scalars())
    return found


def _documents_of_speakers(conn: Connection, speakers: set[str]) -> set[str]:
    docs = set()
    for part in chunks(sorted(speakers)):
        docs.update(conn.execute(
            select(facts.c.doc_id).distinct()
            .select_from(facts.join(doc_entities, and_(doc_entities.c.doc_id == facts.c.doc_id,
                                                       doc_entities.c.idx == facts.c.subject))
                         .join(entities, doc_entities.c.entity_id == entities.c.id))
            .where(facts.c.type == "statement", entities.c.name.in_(part))).scalars())
    return docs


def statement_fact_rows(conn: Connection, speakers: set[str] | None = None) -> list[dict]:
    """Every statement fact (of these speakers) as Store.fact_rows gives facts (entity references as canonical
    names), with its article's outlet and date; evidence cut out by the database rather than read with the whole
    article."""
    with_statements = select(facts.c.doc_id).where(facts.c.type == "statement")
    docs = None if speakers is None else sorted(_documents_of_speakers(conn, speakers))

    def of_docs(query, column):
        return [query] if docs is None else [query.where(column.in_(part)) for part in chunks(docs)]

    names = {}
    for query in of_docs(select(doc_entities.c.doc_id, doc_entities.c.idx, doc_entities.c.name,
                                entities.c.name.label("canonical"))
                         .select_from(doc_entities.outerjoin(entities, doc_entities.c.entity_id == entities.c.id))
                         .where(doc_entities.c.doc_id.in_(with_statements)), doc_entities.c.doc_id):
        names.update(((r.doc_id, r.idx), r.canonical or r.name) for r in conn.execute(query))

    def decode(doc_id, value):
        return decode_entities(names, doc_id, value)

    evidence = func.substr(documents.c.body, facts.c.start_char + 1, facts.c.end_char - facts.c.start_char)
    query = (select(facts.c.doc_id, facts.c.subject, facts.c.args, facts.c.claimed_by, facts.c.start_char,
                    facts.c.end_char, evidence.label("evidence"), documents.c.outlet, documents.c.published)
             .join_from(facts, documents, documents.c.id == facts.c.doc_id)
             .where(facts.c.type == "statement").order_by(facts.c.doc_id, facts.c.idx))
    return [{"doc": r.doc_id, "type": "statement", "subject": names.get((r.doc_id, r.subject)),
             "args": {k: decode(r.doc_id, v) for k, v in r.args.items()}, "evidence": r.evidence,
             "claimed_by": names.get((r.doc_id, r.claimed_by)) if r.claimed_by is not None else None,
             "start": r.start_char, "end": r.end_char, "outlet": r.outlet, "published": r.published}
            for q in of_docs(query, facts.c.doc_id) for r in conn.execute(q)
            if speakers is None or names.get((r.doc_id, r.subject)) in speakers]


def speaker_fingerprints(conn: Connection, speakers: set[str] | None = None) -> dict[str, str]:
    query = select(statement_speakers.c.speaker, statement_speakers.c.fingerprint)
    if speakers is None:
        return dict(conn.execute(query).all())
    found = {}
    for part in chunks(sorted(speakers)):
        found.update(conn.execute(query.where(statement_speakers.c.speaker.in_(part))).all())
    return found


# ---- what a refresh writes

def drop_cases(conn: Connection, people: Iterable[str]) -> None:
    for part in chunks(sorted(people)):
        for table in (event_sources, case_events, case_summaries):
            conn.execute(delete(table).where(table.c.person.in_(part)))


def add_case(conn: Connection, summary: dict, events: list[dict]) -> None:
    """One person's listing: the summary, the events (each with its "sources" rows)."""
    conn.execute(insert(case_summaries).values(**summary))
    _insert(conn, case_events, [{k: v for k, v in e.items() if k != "sources"} for e in events])
    _insert(conn, event_sources, [{"person": e["person"], "seq": e["seq"], "n": n, **s}
                                  for e in events for n, s in enumerate(e["sources"])])


def drop_speakers(conn: Connection, speakers: Iterable[str]) -> None:
    for part in chunks(sorted(speakers)):
        ids = select(statements.c.id).where(statements.c.speaker.in_(part))
        for table in (statement_sources, statement_about):
            conn.execute(delete(table).where(table.c.statement.in_(ids)))
        conn.execute(delete(statements).where(statements.c.speaker.in_(part)))
        conn.execute(delete(statement_speakers).where(statement_speakers.c.speaker.in_(part)))


def add_speakers(conn: Connection, speakers: list[tuple[str, str, list[dict]]]) -> None:
    """Speakers' statements: (speaker, fingerprint, statements each with its "about" names and "sources")."""
    ident = conn.execute(select(func.max(statements.c.id))).scalar() or 0
    rows, about, sources = [], [], []
    for speaker, fingerprint, said in speakers:
        for statement in said:
            ident += 1
            rows.append({"id": ident, **{k: v for k, v in statement.items() if k not in ("about", "sources")}})
            about.extend({"statement": ident, "name": name} for name in statement["about"])
            sources.extend({"statement": ident, "n": n, **s} for n, s in enumerate(statement["sources"]))
    _insert(conn, statement_speakers, [{"speaker": speaker, "fingerprint": fingerprint, "statements": len(said)}
                                       for speaker, fingerprint, said in speakers])
    _insert(conn, statements, rows)
    _insert(conn, statement_about, about)
    _insert(conn, statement_sources, sources)


def replace_exchanges(conn: Connection, rows: list[dict]) -> None:
    conn.execute(delete(exchanges))
    _insert(conn, exchanges, [{"id": i, **row} for i, row in enumerate(rows, 1)])


def unfiled_entities(conn: Connection) -> list[tuple]:
    """(id, name, type, aliases) of the entities the index does not hold yet."""
    filed = select(entity_index.c.entity_id).where(entity_index.c.entity_id == entities.c.id).exists()
    return conn.execute(select(entities.c.id, entities.c.name, entities.c.type, entities.c.aliases)
                        .where(~filed)).all()


def file_entities(conn: Connection, spellings: dict[int, str], keys: dict[int, set[str]]) -> None:
    """Drop what the index holds of entities gone; file these (ids not filed yet) with their lookup keys, the
    digest of their ``spellings`` and how many articles name them."""
    gone = list(conn.execute(select(entity_index.c.entity_id).where(
        ~select(entities.c.id).where(entities.c.id == entity_index.c.entity_id).exists())).scalars())
    for part in chunks(sorted(gone)):
        conn.execute(delete(entity_keys).where(entity_keys.c.entity_id.in_(part)))
        conn.execute(delete(entity_index).where(entity_index.c.entity_id.in_(part)))
    _insert(conn, entity_keys, [{"key": key, "entity_id": entity} for entity, filed in keys.items()
                                for key in filed])
    articles: dict[int, int] = {}
    for part in chunks(sorted(spellings)):
        articles.update(conn.execute(select(doc_entities.c.entity_id, func.count(distinct(doc_entities.c.doc_id)))
                                     .where(doc_entities.c.entity_id.in_(part))
                                     .group_by(doc_entities.c.entity_id)).all())
    _insert(conn, entity_index, [{"entity_id": entity, "articles": articles.get(entity, 0), "spellings": digest}
                                 for entity, digest in spellings.items()])


def replace_framing(conn: Connection, terms: list[dict]) -> None:
    conn.execute(delete(framing_terms))
    _insert(conn, framing_terms, terms)


def update_nationalities(conn: Connection, nationality: dict[str, str]) -> None:
    """Keep these nationalities, writing only the rows that differ from those kept."""
    kept = nationalities_of(conn)
    stale = sorted(p for p, c in kept.items() if nationality.get(p) != c)
    for part in chunks(stale):
        conn.execute(delete(person_nationalities).where(person_nationalities.c.person.in_(part)))
    _insert(conn, person_nationalities, [{"person": p, "country": c} for p, c in sorted(nationality.items())
                                         if kept.get(p) != c])


def replace_totals(conn: Connection) -> None:
    """Outlets and the dossier's totals, counted again; the generation moves on."""
    conn.execute(delete(outlets))
    conn.execute(insert(outlets).from_select(
        ["name", "articles"], select(documents.c.outlet, func.count()).where(documents.c.outlet.is_not(None))
        .group_by(documents.c.outlet)))
    generation = conn.execute(select(counts.c.value).where(counts.c.name == "generation")).scalar() or 0
    totals = {
        "articles": select(func.count()).select_from(documents),
        "outlets": select(func.count()).select_from(outlets),
        "cases": select(func.count()).select_from(case_summaries),
        "exchanges": select(func.count()).select_from(exchanges),
        "statements": select(func.count()).select_from(statements),
    }
    conn.execute(delete(counts))
    conn.execute(insert(counts), [{"name": name, "value": conn.execute(query).scalar_one()}
                                  for name, query in totals.items()] + [{"name": "generation",
                                                                         "value": generation + 1}])


# ---- what pages read

def totals(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(counts.c.name, counts.c.value)).all())


def generation(conn: Connection) -> int:
    return conn.execute(select(counts.c.value).where(counts.c.name == "generation")).scalar() or 0


def case_page(conn: Connection, limit: int | None = None, offset: int = 0) -> list[dict]:
    query = select(case_summaries).order_by(case_summaries.c.person).offset(offset)
    return [dict(r._mapping) for r in conn.execute(query.limit(limit) if limit is not None else query)]


def case_summary(conn: Connection, person: str) -> dict | None:
    row = conn.execute(select(case_summaries).where(case_summaries.c.person == person)).first()
    return dict(row._mapping) if row else None


def _sources(conn: Connection, table, key, keys: list, shown: int | None) -> dict:
    """{key: [source rows in order, the first ``shown``]} of a source table."""
    found: dict = {}
    for part in chunks(keys):
        columns = [table.c[c] for c in SOURCE_COLUMNS]
        query = select(key, *columns).where(key.in_(part)).order_by(key, table.c.n)
        for r in conn.execute(query.where(table.c.n < shown) if shown is not None else query):
            found.setdefault(r[0], []).append({c: getattr(r, c) for c in SOURCE_COLUMNS})
    return found


def events_of(conn: Connection, person: str, shown: int | None = None) -> list[dict]:
    """A case's events in order, each with its sources (the first ``shown`` of them)."""
    rows = [dict(r._mapping) for r in conn.execute(select(case_events).where(case_events.c.person == person)
                                                   .order_by(case_events.c.seq))]
    sources: dict[int, list[dict]] = {}
    query = (select(event_sources.c.seq, *[event_sources.c[c] for c in SOURCE_COLUMNS])
             .where(event_sources.c.person == person).order_by(event_sources.c.seq, event_sources.c.n))
    for r in conn.execute(query.where(event_sources.c.n < shown) if shown is not None else query):
        sources.setdefault(r.seq, []).append({c: getattr(r, c) for c in SOURCE_COLUMNS})
    for row in rows:
        row["sources"] = sources.get(row["seq"], [])
    return rows


def event_sources_page(conn: Connection, person: str, seq: int, limit: int | None = None, offset: int = 0
                       ) -> tuple[dict | None, list[dict]]:
    """(the event, one page of its sources in order)."""
    event = conn.execute(select(case_events).where(case_events.c.person == person, case_events.c.seq == seq)).first()
    if event is None:
        return None, []
    query = (select(*[event_sources.c[c] for c in SOURCE_COLUMNS])
             .where(event_sources.c.person == person, event_sources.c.seq == seq).order_by(event_sources.c.n)
             .offset(offset))
    return dict(event._mapping), [dict(r._mapping) for r in conn.execute(query.limit(limit) if limit is not None
                                                                         else query)]


def _statement_filter(speakers: list[str] | None, outlet: str | None, year: str | None,
                      about: list[str] | None) -> list:
    where = []
    if speakers is not None:
        where.append(statements.c.speaker.in_(speakers))
    if outlet:  # the statements the outlet carried, by its index
        where.append(statements.c.id.in_(select(statement_sources.c.statement).where(
            statement_sources.c.outlet == outlet)))
    if year:
        where.append(statements.c.year.is_(None) if year == "undated" else statements.c.year == year)
    if about is not None:
        where.append(statements.c.id.in_(select(statement_about.c.statement).where(
            statement_about.c.name.in_(about))))
    return where


def statement_page(conn: Connection, speakers: list[str] | None = None, outlet: str | None = None,
                   year: str | None = None, about: list[str] | None = None, limit: int | None = None,
                   offset: int = 0, shown: int | None = None) -> tuple[int, list[dict]]:
    """(how many match, one page of them with their "about" and "sources" (the first ``shown``)), in the log's
    order."""
    where = and_(True, *_statement_filter(speakers, outlet, year, about))
    total = conn.execute(select(func.count()).select_from(statements).where(where)).scalar_one()
    query = (select(statements).where(where).order_by(statements.c.sort_key, statements.c.id).offset(offset))
    rows = [dict(r._mapping) for r in conn.execute(query.limit(limit) if limit is not None else query)]
    ids = [r["id"] for r in rows]
    sources = _sources(conn, statement_sources, statement_sources.c.statement, ids, shown)
    about_names: dict[int, list[str]] = {}
    for part in chunks(ids):
        for r in conn.execute(select(statement_about).where(statement_about.c.statement.in_(part))
                              .order_by(statement_about.c.statement, statement_about.c.name)):
            about_names.setdefault(r.statement, []).append(r.name)
    for row in rows:
        row["about"], row["sources"] = about_names.get(row["id"], []), sources.get(row["id"], [])
    return total, rows


def statement_years(conn: Connection, speakers: list[str] | None = None, outlet: str | None = None) -> dict:
    """{year or None: statements} for the selection."""
    where = and_(True, *_statement_filter(speakers, outlet, None, None))
    return dict(conn.execute(select(statements.c.year, func.count()).where(where).group_by(statements.c.year))
                .all())


def statement_filters(conn: Connection, speakers: int = 100) -> dict:
    """The speakers who said the most (at most ``speakers``), the outlets that carried statements, the years."""
    return {
        "speakers": list(conn.execute(select(statement_speakers.c.speaker).order_by(
            statement_speakers.c.statements.desc(), statement_speakers.c.speaker).limit(speakers)).scalars()),
        "outlets": list(conn.execute(select(statement_sources.c.outlet).distinct()
                                     .order_by(statement_sources.c.outlet)).scalars()),
        "years": sorted(y or "undated" for y in conn.execute(select(statements.c.year).distinct()).scalars()),
    }


def exchange_page(conn: Connection, limit: int | None = None, offset: int = 0) -> list[dict]:
    query = select(exchanges).order_by(exchanges.c.id).offset(offset)
    return [dict(r._mapping) for r in conn.execute(query.limit(limit) if limit is not None else query)]


def outlets_like(conn: Connection, pattern: str) -> list[dict]:
    """Outlets whose name holds ``pattern`` (any case), the biggest first."""
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [{"name": r.name, "articles": r.articles} for r in conn.execute(
        select(outlets).where(outlets.c.name.ilike(f"%{escaped}%", escape="\\"))
        .order_by(outlets.c.articles.desc(), outlets.c.name))]


def entity_docs(conn: Connection, entity_id: int, limit: int | None = None, offset: int = 0
                ) -> tuple[int, list[dict]]:
    """(how many articles name the entity, one page of them, the newest first)."""
    named = select(doc_entities.c.doc_id).where(doc_entities.c.entity_id == entity_id)
    total = conn.execute(select(func.count()).select_from(documents).where(documents.c.id.in_(named))).scalar_one()
    query = (select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.published)
             .where(documents.c.id.in_(named)).order_by(documents.c.published.desc().nulls_last(), documents.c.id.desc())
             .offset(offset))
    return total, [dict(r._mapping) for r in conn.execute(query.limit(limit) if limit is not None else query)]


def articles(conn: Connection, doc_ids: list[str]) -> list[dict]:
    """The articles (id, title, outlet, published, body) in the order given."""
    found = {}
    for part in chunks(doc_ids):
        found.update((r.id, dict(r._mapping)) for r in conn.execute(
            select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.body)
            .where(documents.c.id.in_(part))))
    return [found[i] for i in doc_ids if i in found]


def framing_page(conn: Connection, grouping: str, fact_type: str, limit: int | None = None, offset: int = 0
                 ) -> tuple[int, list[tuple[str, list[dict]]]]:
    """(how many groups, one page of them by name, each with its terms best first)."""
    which = and_(framing_terms.c.grouping == grouping, framing_terms.c.fact_type == fact_type)
    names = select(framing_terms.c.group_name).where(which).distinct()
    total = conn.execute(select(func.count()).select_from(names.subquery())).scalar_one()
    query = names.order_by(framing_terms.c.group_name).offset(offset)
    page = list(conn.execute(query.limit(limit) if limit is not None else query).scalars())
    terms: dict[str, list[dict]] = {name: [] for name in page}
    for part in chunks(page):
        for r in conn.execute(select(framing_terms).where(which, framing_terms.c.group_name.in_(part))
                              .order_by(framing_terms.c.group_name, framing_terms.c.rank)):
            terms[r.group_name].append(dict(r._mapping))
    return total, list(terms.items())


def nationalities_of(conn: Connection, people: Iterable[str] | None = None) -> dict[str, str]:
    if people is None:
        return dict(conn.execute(select(person_nationalities.c.person, person_nationalities.c.country)).all())
    found = {}
    for part in chunks(sorted(set(people))):
        found.update(conn.execute(select(person_nationalities.c.person, person_nationalities.c.country)
                                  .where(person_nationalities.c.person.in_(part))).all())
    return found


def docs_about(entity_ids: list[int]):
    """A select of the articles with a fact whose subject or claimant is one of the entities."""
    named = select(doc_entities.c.doc_id, doc_entities.c.idx).where(doc_entities.c.entity_id.in_(entity_ids)).subquery()
    return union(*(select(facts.c.doc_id).join_from(facts, named, and_(named.c.doc_id == facts.c.doc_id,
                                                                        named.c.idx == column))
                   for column in (facts.c.subject, facts.c.claimed_by)))
