"""The database tables: plain SQL tables that any SQLite or PostgreSQL client can read.

Everything derived from a document references it with ON DELETE CASCADE, so replacing
a document replaces what was extracted from it.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, DateTime, Float, ForeignKey, ForeignKeyConstraint, Index, Integer, MetaData,
                        String, Table, Text)

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
# Listings of articles are newest first: the page is read along this index.
Index("ix_documents_published", documents.c.published, documents.c.id)

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

# ---- What the listings, the web view and the API read, made when cases are assembled (dossier/listings.py)
# and refreshed only for the people whose case or statements changed.

case_summaries = Table(
    "case_summaries", metadata,
    Column("person", Text, primary_key=True),
    Column("fingerprint", String(64), nullable=False),  # cases.fingerprint of the case it was made from
    Column("nationality", Text),
    Column("status", String(16)),
    Column("latest", String(10)),
    Column("events", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),  # distinct stories: a reprinted wire text once
)

# A case's events in timeline order, each argument typed: term an ISO 8601 duration, fine {amount, currency}.
case_events = Table(
    "case_events", metadata,
    Column("person", Text, ForeignKey("case_summaries.person", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),  # place in the person's timeline, from 0
    Column("type", String(16), nullable=False, index=True),
    Column("date", String(10)),  # as the sources give it
    Column("reported", String(10)),  # the date, else the earliest date an article reported it
    Column("headline", Text, nullable=False),  # "sentenced to 27 years by Seattle court"
    Column("arguments", JSON, nullable=False),
    Column("claimed_by", JSON, nullable=False),  # who asserts it, when no source states it in its own voice
    Column("independent_sources", Integer, nullable=False),
    Column("reports", Integer, nullable=False),  # its sources: articles' reports of it
    Column("outlets", JSON, nullable=False),
    Column("conflicts", JSON, nullable=False),  # argument -> [{value, text, outlets}]
)

# Who carries an event: the article, its outlet and the sentence, with the sentence's offsets in the article.
event_sources = Table(
    "event_sources", metadata,
    Column("person", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("doc_id", String, nullable=False, index=True),
    Column("outlet", Text),
    Column("published", String(10)),
    Column("evidence", Text, nullable=False),
    Column("claimed_by", Text),
    Column("start_char", Integer),
    Column("end_char", Integer),
    ForeignKeyConstraint(["person", "seq"], ["case_events.person", "case_events.seq"], ondelete="CASCADE"),
)

# The statements log. Statements are kept per speaker: a speaker's are redone when their facts change.
statement_speakers = Table(
    "statement_speakers", metadata,
    Column("speaker", Text, primary_key=True),
    Column("fingerprint", String(64), nullable=False),  # of the statement facts the statements came from
    Column("statements", Integer, nullable=False),
)

statements = Table(
    "statements", metadata,
    Column("id", Integer, primary_key=True),
    Column("speaker", Text, ForeignKey("statement_speakers.speaker", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("quote", Text, nullable=False),
    Column("date", String(10)),
    Column("year", String(4)),  # the year it was said, else of the earliest article carrying it
    Column("channel", Text),
    Column("reports", Integer, nullable=False),  # its sources: the articles that carry it
    Column("outlets", JSON, nullable=False),
    Column("sort_key", Text, nullable=False, index=True),  # the log's order: year (unknown last), then date
)

statement_about = Table(
    "statement_about", metadata,
    Column("statement", Integer, ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    Column("name", Text, primary_key=True, index=True),
)

statement_sources = Table(
    "statement_sources", metadata,
    Column("statement", Integer, ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("doc_id", String, nullable=False),
    Column("outlet", Text, index=True),  # the outlet, else the document id: what "carried by" lists
    Column("published", String(10)),
    Column("evidence", Text, nullable=False),
    Column("claimed_by", Text),
    Column("start_char", Integer),
    Column("end_char", Integer),
)

# The exchange ledger, redone when a case changes. Its sources are the exchange events' (case_event_sources).
exchanges = Table(
    "exchanges", metadata,
    Column("id", Integer, primary_key=True),  # the ledger's order: by date
    Column("date", String(10)),
    Column("place", Text),
    Column("side_a", JSON, nullable=False),
    Column("side_b", JSON, nullable=False),
    Column("side_unknown", JSON, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("sources", JSON, nullable=False),  # the first reports, as a page shows them
)

# Framing (dossier/framing.py) of the whole dossier, for each grouping and fact type: each group's most
# distinctive terms, best first, with their first uses; made again when the articles or their entities change.
framing_terms = Table(
    "framing_terms", metadata,
    Column("grouping", String(8), primary_key=True),  # outlet, speaker or country
    Column("fact_type", String(16), primary_key=True),  # "" for the facts of every type
    Column("group_name", Text, primary_key=True),
    Column("rank", Integer, primary_key=True),
    Column("term", Text, nullable=False),
    Column("z", Float, nullable=False),
    Column("log_odds", Float, nullable=False),
    Column("uses", Integer, nullable=False),
    Column("elsewhere", Integer, nullable=False),
    Column("years", JSON, nullable=False),  # uses per year of publication ("" for undated)
    Column("sentences", JSON, nullable=False),  # the first uses: article, offsets of the word and its sentence
)

# The country the articles most often attach to each person ("Russian businessman X").
person_nationalities = Table(
    "person_nationalities", metadata,
    Column("person", Text, primary_key=True),
    Column("country", Text, nullable=False),
)

# How many articles each outlet has in the dossier.
outlets = Table(
    "outlets", metadata,
    Column("name", Text, primary_key=True),
    Column("articles", Integer, nullable=False),
)

# How many articles name each resolved entity, and the keys a lookup by name finds it under (its spellings
# folded, a person's surname's sound keys, words: dossier/views/lookup.py); the keys of an entity are made
# again when its spellings change.
entity_index = Table(
    "entity_index", metadata,
    Column("entity_id", Integer, primary_key=True),
    Column("articles", Integer, nullable=False),
    Column("spellings", String(64), nullable=False),  # digest of the name, type and aliases it is filed by
)

entity_keys = Table(
    "entity_keys", metadata,
    Column("key", Text, primary_key=True),
    Column("entity_id", Integer, primary_key=True, index=True),
)

# The dossier's totals (articles, outlets, cases, exchanges, statements) and "generation", which changes
# whenever the listings do, so that a server can tell that what it keeps in memory is out of date.
counts = Table(
    "counts", metadata,
    Column("name", String(16), primary_key=True),
    Column("value", Integer, nullable=False),
)

# Each article's words, folded as dossier/store/search.py folds a query, for the database's full-text index
# (SQLite: FTS5 table search_index; PostgreSQL: a GIN index on to_tsvector('simple', words)).
search_text = Table(
    "search_text", metadata,
    Column("id", Integer, primary_key=True),  # the full-text index's row id (an explicit one survives VACUUM)
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("words", Text, nullable=False),
)
