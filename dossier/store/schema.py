"""The database tables: plain SQL tables that any SQLite or PostgreSQL client can read.

Everything derived from a document references it with ON DELETE CASCADE, so replacing
a document replaces what was extracted from it.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, DateTime, ForeignKey, Integer, MetaData, String, Table, Text)

metadata = MetaData()


def _doc_fk() -> Column:
    return Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


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
    Column("captions", JSON, nullable=False),  # photo captions, which name people but state no facts
    Column("processed_at", DateTime(timezone=True), nullable=False),
)

sentences = Table(
    "sentences", metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start_char", Integer, nullable=False),  # character offsets into documents.body
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

# Resolved real-world entities, rebuilt across the corpus after each build.
entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),  # canonical name: the most common full form
    Column("type", String(8), nullable=False),
    Column("aliases", JSON, nullable=False),  # every surface form seen
)

# One entity within one document; entity_id links it to the corpus-wide entity.
doc_entities = Table(
    "doc_entities", metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("role", Text),
    Column("aliases", JSON, nullable=False),  # spellings seen outside the body, in photo captions
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL"), index=True),
)

mentions = Table(
    "mentions", metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("doc_entity", Integer),  # doc_entities.idx of the same document
)

facts = Table(
    "facts", metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    Column("subject", Integer, nullable=False),  # doc_entities.idx of the same document
    Column("args", JSON, nullable=False),  # entity-valued arguments as {"entity": doc_entities.idx}
    Column("claimed_by", Integer),  # doc_entities.idx, when the article attributes the fact to someone
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
)

# The other sentences of a fact: where a value was read from another sentence than the evidence
# (argument set), or another sentence that tells the same event (argument null).
fact_sentences = Table(
    "fact_sentences", metadata,
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("fact", Integer, nullable=False),  # facts.idx of the same document
    Column("sentence", Integer, nullable=False),  # sentences.idx of the same document
    Column("argument", String(16)),
)

# The words each fact is framed with: the act, the person, a quotation's content words (extract/terms.py).
fact_terms = Table(
    "fact_terms", metadata,
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("fact", Integer, nullable=False),  # facts.idx of the same document
    Column("kind", String(8), nullable=False),  # act, person, quote
    Column("term", Text, nullable=False),  # lemma, lower case
    Column("start_char", Integer, nullable=False),  # offsets into documents.body
    Column("end_char", Integer, nullable=False),
)

# The keys of each document entity's name (resolve/keys.py): an update resolves again only the entities
# that share a key with the new documents' or with the keys of documents replaced since (stale_keys).
name_keys = Table(
    "name_keys", metadata,
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),  # doc_entities.idx of the same document
    Column("key", Text, nullable=False, index=True),
)

stale_keys = Table(
    "stale_keys", metadata,
    Column("key", Text, nullable=False),
)

# What a build has left to do: "cases" is "stale" from the first document a build changes until its
# entities and cases are rebuilt, so an interrupted build's successor redoes them.
build_state = Table(
    "build_state", metadata,
    Column("key", String(32), primary_key=True),
    Column("value", Text, nullable=False),
)

build_problems = Table(
    "build_problems", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

# One row per person with a case: the merged timeline, rebuilt only when the person's facts change.
cases = Table(
    "cases", metadata,
    Column("person", Text, primary_key=True),  # the entity's canonical name
    Column("fingerprint", String(64), nullable=False),  # of the facts the case was assembled from
    Column("nationality", Text),
    Column("status", String(16)),  # detained, convicted, released, exchanged
    Column("latest", String(10)),  # date of the latest event
    Column("events", JSON, nullable=False),
    Column("assembled_at", DateTime(timezone=True), nullable=False),
)
