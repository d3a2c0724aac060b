"""The dossier database: documents, their mentions, facts and entities, read and written in transactions."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, Engine, bindparam, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from ..records import Annotation, EntityRef, ReadProblem
from ..resolve import Candidate, Resolved
from ..resolve.keys import name_keys as keys_of
from . import locks, migrate
from .schema import (build_problems, build_state, doc_entities, documents, entities, entity_index, entity_keys,
                     fact_sentences, fact_terms, facts, mentions, name_keys, sentences, stale_keys)


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL: "dossier.db" and "sqlite:///dossier.db" alike."""
    text = str(target)
    if "://" in text:
        try:
            make_url(text)
        except ArgumentError as err:
            raise ValueError(f"not a database URL: {text}") from err
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")  # first: another build may hold the database
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the web view) are not blocked by a build
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _encode(value):
    if isinstance(value, EntityRef):
        return {"entity": value.entity}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _storable(value):
    """NUL, which no article means and PostgreSQL cannot store in text, replaced by U+FFFD on every database
    alike: one character for one, so that every offset holds."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, list):
        return [_storable(v) for v in value]
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    return value


def decode_entities(names: dict[tuple[str, int], str], doc_id: str, value):
    """An argument with its entity references ({"entity": idx}) replaced by the entities' names."""
    if isinstance(value, dict) and "entity" in value:
        return names.get((doc_id, value["entity"]))
    if isinstance(value, list):
        return [decode_entities(names, doc_id, v) for v in value]
    return value


def entity_names(conn: Connection, docs=None) -> dict[tuple[str, int], str]:
    """The name each article entity is shown by: its entity's canonical name, or its own where unresolved.
    ``docs`` (ids, or a select of ids) keeps to those articles."""
    query = (select(doc_entities.c.doc_id, doc_entities.c.idx, doc_entities.c.name, entities.c.name.label("canonical"))
             .select_from(doc_entities.outerjoin(entities, doc_entities.c.entity_id == entities.c.id)))
    if docs is not None:
        query = query.where(doc_entities.c.doc_id.in_(docs))
    return {(r.doc_id, r.idx): r.canonical or r.name for r in conn.execute(query)}


def _insert(conn, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table), _storable(rows))


class Store:
    def __init__(self, target: str | Path, *, create: bool = True, read_only: bool = False):
        url = database_url(target)
        self.url = url
        self.shown_url = re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)  # for messages: without a password
        options: dict = {}
        if read_only and url.startswith("sqlite:///"):
            # SQLite's own read-only mode: a viewer cannot change the dossier even by mistake.
            url = f"sqlite:///file:{url.removeprefix('sqlite:///')}?mode=ro&uri=true"
            create = False
        elif make_url(url).get_backend_name() == "postgresql":
            # What the locks promise needs each statement to see what was committed before it began (see locks).
            options["isolation_level"] = "READ COMMITTED"
            if read_only:  # PostgreSQL's: every transaction begins READ ONLY
                options["execution_options"] = {"postgresql_readonly": True}
        try:
            self.engine: Engine = create_engine(url, **options)
        except (ArgumentError, NoSuchModuleError) as err:
            raise ValueError(f"cannot open {self.shown_url}: {err}") from err
        except ImportError as err:  # the database's driver is an optional dependency
            raise ValueError(f"cannot open {self.shown_url}: {err.msg} (for PostgreSQL: pip install "
                             f"\"dossier[postgres]\" and a postgresql+psycopg:// URL)") from err
        if self.engine.dialect.name == "sqlite" and not read_only:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._stage: Connection | None = None
        try:
            if create:
                migrate.upgrade(self.engine)
            else:
                with self.engine.connect():  # a server that cannot be reached is said now, not at the first query
                    pass
        except OperationalError as err:
            self.engine.dispose()
            raise ValueError(f"cannot open {self.shown_url}: {str(err.orig or err).strip()}") from err

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- connections

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection to read with; within the corpus stage, the stage's own, which sees what it wrote."""
        if self._stage is not None:
            yield self._stage
        else:
            with self.engine.connect() as conn:
                yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A transaction, committed at the end of the block; within the corpus stage, part of the stage's."""
        if self._stage is not None:
            yield self._stage
        else:
            with self.engine.begin() as conn:
                yield conn

    @contextmanager
    def corpus_stage(self) -> Iterator[None]:
        """Work across the whole corpus (resolving entities, assembling cases) as one transaction, which waits
        for the documents being saved and for another build's stage, and which no document save overlaps.
        Until the block ends, this store's reads and writes are the stage's."""
        with self.engine.begin() as conn:
            locks.exclusive(conn, "corpus")
            self._stage = conn
            try:
                yield
            finally:
                self._stage = None

    # ---- documents

    def fingerprints(self) -> dict[str, tuple[str, str]]:
        """{document id: (content hash, pipeline)} for deciding what a build must (re)process."""
        with self.reading() as conn:
            rows = conn.execute(select(documents.c.id, documents.c.content_hash, documents.c.pipeline))
            return {row.id: (row.content_hash, row.pipeline) for row in rows}

    def save(self, annotation: Annotation, pipeline: str) -> None:
        """Replace the document and everything derived from it, in one transaction, which another build's
        save of the same document waits for, and which marks the entities and cases as stale."""
        article, doc_id = annotation.article, _storable(annotation.article.doc_id)
        with self.engine.begin() as conn:
            locks.shared(conn, "corpus")
            locks.exclusive(conn, "document", doc_id)
            # Stale until a corpus stage, which waits for this transaction, has run: if the build that saved the
            # document is cut short before then, the next build redoes them.
            conn.execute(update(build_state).where(build_state.c.key == "cases", build_state.c.value != "stale")
                         .values(value="stale"))
            # The entities the document named until now must be resolved again without it.
            conn.execute(insert(stale_keys).from_select(
                ["key"], select(name_keys.c.key).where(name_keys.c.doc_id == doc_id).distinct()))
            for table in (name_keys, fact_terms, fact_sentences, facts, mentions, doc_entities, sentences):
                conn.execute(delete(table).where(table.c.doc_id == doc_id))
            conn.execute(delete(documents).where(documents.c.id == doc_id))
            conn.execute(insert(documents).values(**_storable(dict(
                id=doc_id, origin=article.origin, content_hash=article.content_hash, pipeline=pipeline,
                url=article.url, title=article.title, outlet=article.outlet, published=article.published,
                dateline=article.dateline, language=article.language, raw=article.raw, body=article.body,
                removed=article.removed, captions=article.captions, processed_at=datetime.now(timezone.utc),
            ))))
            _insert(conn, sentences, [
                {"doc_id": doc_id, "idx": i, "start_char": s.start, "end_char": s.end, "text": s.text}
                for i, s in enumerate(annotation.sentences)])
            _insert(conn, doc_entities, [
                {"doc_id": doc_id, "idx": i, "name": e.name, "type": e.label, "role": e.role, "aliases": e.aliases}
                for i, e in enumerate(annotation.entities)])
            _insert(conn, name_keys, [{"doc_id": doc_id, "idx": i, "key": key}
                                      for i, e in enumerate(annotation.entities) for key in sorted(keys_of(e.name))])
            entity_of = {m: i for i, e in enumerate(annotation.entities) for m in e.mentions}
            _insert(conn, mentions, [
                {"doc_id": doc_id, "idx": i, "start_char": m.start, "end_char": m.end, "text": m.text,
                 "type": m.label, "sentence": m.sentence, "doc_entity": entity_of.get(i)}
                for i, m in enumerate(annotation.mentions)])
            _insert(conn, facts, [
                {"doc_id": doc_id, "idx": i, "type": f.type, "subject": f.subject.entity,
                 "args": {k: _encode(v) for k, v in f.args.items()},
                 "claimed_by": f.claimed_by.entity if f.claimed_by else None,
                 "sentence": f.sentence, "start_char": f.start, "end_char": f.end}
                for i, f in enumerate(annotation.facts)])
            _insert(conn, fact_terms, [
                {"doc_id": doc_id, "fact": i, "kind": t.kind, "term": t.term, "start_char": t.start, "end_char": t.end}
                for i, f in enumerate(annotation.facts) for t in f.terms])
            _insert(conn, fact_sentences, [
                {"doc_id": doc_id, "fact": i, "sentence": sentence, "argument": argument}
                for i, f in enumerate(annotation.facts)
                for argument, sentence in [*f.sources.items(), *((None, s) for s in f.told_in)]])

    def get_state(self, key: str) -> str | None:
        with self.reading() as conn:
            return conn.execute(select(build_state.c.value).where(build_state.c.key == key)).scalar()

    def set_state(self, key: str, value: str) -> None:
        with self.writing() as conn:
            if not conn.execute(update(build_state).where(build_state.c.key == key).values(value=value)).rowcount:
                conn.execute(insert(build_state).values(key=key, value=value))

    def record_problems(self, problems: list[ReadProblem]) -> None:
        """Keep the last build's problems, so that they can be listed after the run."""
        with self.writing() as conn:
            conn.execute(delete(build_problems))
            if problems:
                now = datetime.now(timezone.utc)
                conn.execute(insert(build_problems),
                             [{"origin": p.origin, "message": p.message, "seen_at": now} for p in problems])

    def documents(self) -> Iterator[dict]:
        with self.reading() as conn:
            for row in conn.execute(select(documents).order_by(documents.c.id)):
                yield dict(row._mapping)

    def count_documents(self) -> int:
        with self.reading() as conn:
            return conn.execute(select(func.count()).select_from(documents)).scalar_one()

    # ---- entities

    def count_entities(self) -> int:
        with self.reading() as conn:
            return conn.execute(select(func.count()).select_from(entities)).scalar_one()

    def candidates(self) -> list[Candidate]:
        """Every document entity with the surface forms of its mentions, for corpus-wide resolution."""
        with self.reading() as conn:
            forms: dict[tuple[str, int], list[str]] = {}
            for row in conn.execute(select(mentions.c.doc_id, mentions.c.doc_entity, mentions.c.text)):
                forms.setdefault((row.doc_id, row.doc_entity), []).append(row.text)
            return [Candidate(row.doc_id, row.idx, row.name, row.type,
                              forms.get((row.doc_id, row.idx), []) + list(row.aliases or []), row.role)
                    for row in conn.execute(select(doc_entities).order_by(doc_entities.c.doc_id, doc_entities.c.idx))]

    def replace_entities(self, resolved: list[Resolved]) -> None:
        with self.writing() as conn:
            conn.execute(update(doc_entities).values(entity_id=None))
            conn.execute(delete(entities))
            # The ids start again: what the index of entities filed under them is of other entities.
            conn.execute(delete(entity_keys))
            conn.execute(delete(entity_index))
            conn.execute(delete(stale_keys))
            _insert(conn, entities, [{"id": i, "name": r.name, "type": r.type, "aliases": r.aliases}
                                     for i, r in enumerate(resolved, 1)])
            links = [{"d": doc_id, "i": idx, "e": i} for i, r in enumerate(resolved, 1) for doc_id, idx in r.members]
            if links:
                conn.execute(update(doc_entities)
                             .where(doc_entities.c.doc_id == bindparam("d"), doc_entities.c.idx == bindparam("i"))
                             .values(entity_id=bindparam("e")), links)

    def entity_rows(self) -> list[dict]:
        """Resolved entities with the documents that mention them."""
        with self.reading() as conn:
            docs: dict[int, set[str]] = {}
            for row in conn.execute(select(doc_entities.c.entity_id, doc_entities.c.doc_id)
                                    .where(doc_entities.c.entity_id.is_not(None))):
                docs.setdefault(row.entity_id, set()).add(row.doc_id)
            return [{**dict(row._mapping), "docs": sorted(docs.get(row.id, ()))}
                    for row in conn.execute(select(entities).order_by(entities.c.id))]

    def entity_mentions(self, entity_id: int) -> list[dict]:
        """Every mention of one resolved entity: document, character offsets into its body, text, in order."""
        query = (select(mentions.c.doc_id, mentions.c.start_char, mentions.c.end_char, mentions.c.text)
                 .select_from(mentions.join(doc_entities, (mentions.c.doc_id == doc_entities.c.doc_id)
                                            & (mentions.c.doc_entity == doc_entities.c.idx)))
                 .where(doc_entities.c.entity_id == entity_id)
                 .order_by(mentions.c.doc_id, mentions.c.start_char))
        with self.reading() as conn:
            return [{"doc": r.doc_id, "start": r.start_char, "end": r.end_char, "text": r.text}
                    for r in conn.execute(query)]

    def fact_rows(self, doc_id: str | None = None, docs: set[str] | None = None) -> list[dict]:
        """Facts (of one document, of some, or all) with entity references replaced by canonical names."""
        if doc_id is not None:
            docs = {doc_id}

        def one_doc(query, column):  # a page or an update needs its documents' rows, not the whole corpus's
            return query if docs is None else query.where(column.in_(sorted(docs)))

        with self.reading() as conn:
            names = entity_names(conn, None if docs is None else sorted(docs))
            body = {r.id: r.body for r in conn.execute(one_doc(select(documents.c.id, documents.c.body),
                                                               documents.c.id))}

            def decode(doc_id, value):
                return decode_entities(names, doc_id, value)

            rows = []
            for f in conn.execute(one_doc(select(facts).order_by(facts.c.doc_id, facts.c.idx), facts.c.doc_id)):
                rows.append({
                    "doc": f.doc_id, "type": f.type, "subject": names.get((f.doc_id, f.subject)),
                    "args": {k: decode(f.doc_id, v) for k, v in f.args.items()},
                    "evidence": body[f.doc_id][f.start_char:f.end_char],
                    "claimed_by": names.get((f.doc_id, f.claimed_by)) if f.claimed_by is not None else None,
                    "sentence": f.sentence, "start": f.start_char, "end": f.end_char,
                })
            return rows
