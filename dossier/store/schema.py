"""The database tables: plain SQL tables that any SQLite or PostgreSQL client can read."""
from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),  # the file stem or the JSON Lines "id"
    Column("origin", Text, nullable=False),  # where it was read from
    Column("content_hash", String(64), nullable=False),
    Column("pipeline", String, nullable=False),  # the pipeline fingerprint that processed it
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", String(10)),  # ISO 8601 at its precision, X for unknown digits
    Column("dateline", Text),
    Column("language", String(8)),
    Column("raw", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("removed", JSON, nullable=False),  # lines dropped as site furniture
    Column("processed_at", DateTime(timezone=True), nullable=False),
)

build_problems = Table(
    "build_problems", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)
