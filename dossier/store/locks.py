"""What lets several builds write one dossier at once without a document lost or stored twice.

Each lock is taken at the start of a transaction and held until it ends, so a build killed while
holding one releases it with its connection. PostgreSQL has advisory locks: one per document for
saving it, one for the schema, and one for the corpus-wide stage (entities and cases), which every
document save holds shared so that the stage never reads a corpus that is changing under it.
SQLite has a single lock, the database's write lock, which a transaction takes with BEGIN IMMEDIATE
and which serialises everything at once.
"""
from __future__ import annotations

from zlib import crc32

from sqlalchemy import Connection, text

# The first key of each PostgreSQL advisory lock; the second is 0 or the document's id, hashed.
_NAMESPACE = {"schema": 0x646F7301, "corpus": 0x646F7302, "document": 0x646F7303}


def _signed(value: int) -> int:
    return value - (1 << 32) if value >= 1 << 31 else value


def _key(name: str, document: str | None) -> dict[str, int]:
    # Two documents whose ids hash alike merely wait for each other.
    return {"space": _signed(_NAMESPACE[name]), "id": _signed(crc32(document.encode())) if document else 0}


def exclusive(conn: Connection, name: str, document: str | None = None) -> None:
    """Wait until no other transaction holds the lock, and hold it until this one ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:space, :id)"), _key(name, document))
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def shared(conn: Connection, name: str) -> None:
    """Hold the lock alongside other shared holders, after any exclusive holder is done."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock_shared(:space, :id)"), _key(name, None))
