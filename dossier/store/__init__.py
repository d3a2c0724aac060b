"""Stage 6, store: the dossier database, SQLite by default, any SQLAlchemy URL accepted.

Every document is written in one transaction with everything derived from it, so an
interrupted build leaves either the whole document or nothing, and the next build
picks up where it stopped.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..records import Article, ReadProblem
from .schema import build_problems, documents, metadata


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
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the web view) are not blocked by a build
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Store:
    def __init__(self, target: str | Path, *, create: bool = True):
        url = database_url(target)
        self.url = url
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if create:
            metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- documents

    def fingerprints(self) -> dict[str, tuple[str, str]]:
        """{document id: (content hash, pipeline)} for deciding what a build must (re)process."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.id, documents.c.content_hash, documents.c.pipeline))
            return {row.id: (row.content_hash, row.pipeline) for row in rows}

    def save_article(self, article: Article, pipeline: str) -> None:
        """Replace the document and everything derived from it, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(documents).where(documents.c.id == article.doc_id))
            conn.execute(insert(documents).values(
                id=article.doc_id, origin=article.origin, content_hash=article.content_hash, pipeline=pipeline,
                url=article.url, title=article.title, outlet=article.outlet, published=article.published,
                dateline=article.dateline, language=article.language, raw=article.raw, body=article.body,
                removed=article.removed, processed_at=datetime.now(timezone.utc),
            ))

    def record_problems(self, problems: list[ReadProblem]) -> None:
        """Keep the last build's problems, so that they can be listed after the run."""
        with self.engine.begin() as conn:
            conn.execute(delete(build_problems))
            if problems:
                now = datetime.now(timezone.utc)
                conn.execute(insert(build_problems),
                             [{"origin": p.origin, "message": p.message, "seen_at": now} for p in problems])

    def documents(self) -> Iterator[dict]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(documents).order_by(documents.c.id)):
                yield dict(row._mapping)

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(documents)).scalar_one()
