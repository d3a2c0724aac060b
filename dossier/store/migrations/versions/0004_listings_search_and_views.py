"""What the listings and the web view read, made at build time; the full-text index; views that name things.

Revision ID: 0004
Revises: 0003

The tables are filled by the next build (the cases are marked stale, so the build redoes them even when no
article changed). The views join the tables by their row indexes once, so that someone reading the dossier
with sqlite3, psql or datasette does not have to:

- ``fact_details``: each fact with its person's name, type, date, arguments (entity references replaced by
  names), outlet, publication date, evidence sentence and claimant;
- ``case_event_sources``: each event of a case with each of its sources;
- ``statement_reports``: each statement with each article that carries it.
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# An entity of the fact's document, by its index there, as its resolved name (else the document's own).
_NAME_SQL = ("(SELECT coalesce(e.name, x.name) FROM doc_entities x LEFT JOIN entities e ON e.id = x.entity_id "
             "WHERE x.doc_id = f.doc_id AND x.idx = {index})")

_ARGUMENTS = {
    "sqlite": f"""(SELECT json_group_object(a.key, CASE
        WHEN a.type = 'object' THEN {_NAME_SQL.format(index="json_extract(a.value, '$.entity')")}
        WHEN a.type = 'array' THEN json((SELECT json_group_array(CASE WHEN v.type = 'object'
            THEN {_NAME_SQL.format(index="json_extract(v.value, '$.entity')")} ELSE v.value END)
            FROM json_each(a.value) v))
        ELSE a.value END) FROM json_each(f.args) a)""",
    # ::json also reads a jsonb column.
    "postgresql": f"""(SELECT coalesce(json_object_agg(a.key, CASE
        WHEN json_typeof(a.value) = 'object' THEN to_json({_NAME_SQL.format(index="(a.value ->> 'entity')::int")})
        WHEN json_typeof(a.value) = 'array' THEN (SELECT coalesce(json_agg(CASE WHEN json_typeof(v) = 'object'
            THEN to_json({_NAME_SQL.format(index="(v ->> 'entity')::int")}) ELSE v END), '[]'::json)
            FROM json_array_elements(a.value) v)
        ELSE a.value END), '{{}}'::json) FROM json_each(f.args::json) a)""",
}
_DATE = {"sqlite": "json_extract(f.args, '$.date')", "postgresql": "(f.args::json ->> 'date')"}

_FACT_DETAILS = """CREATE VIEW fact_details AS
SELECT f.doc_id, f.idx AS fact, coalesce(se.name, sd.name) AS person, f.type, {date} AS date,
       {arguments} AS arguments, d.outlet, d.published,
       substr(d.body, f.start_char + 1, f.end_char - f.start_char) AS evidence,
       coalesce(ce.name, cd.name) AS claimed_by, f.start_char, f.end_char
FROM facts f
JOIN documents d ON d.id = f.doc_id
LEFT JOIN doc_entities sd ON sd.doc_id = f.doc_id AND sd.idx = f.subject
LEFT JOIN entities se ON se.id = sd.entity_id
LEFT JOIN doc_entities cd ON cd.doc_id = f.doc_id AND cd.idx = f.claimed_by
LEFT JOIN entities ce ON ce.id = cd.entity_id"""

_CASE_EVENT_SOURCES = """CREATE VIEW case_event_sources AS
SELECT e.person, e.seq, e.type, e.date, e.reported, e.headline, s.n AS source, s.doc_id, s.outlet, s.published,
       s.evidence, s.claimed_by, s.start_char, s.end_char
FROM case_events e JOIN event_sources s ON s.person = e.person AND s.seq = e.seq"""

_STATEMENT_REPORTS = """CREATE VIEW statement_reports AS
SELECT st.id AS statement, st.speaker, st.quote, st.date, st.year, st.channel, s.n AS source, s.doc_id,
       s.outlet, s.published, s.evidence, s.start_char, s.end_char
FROM statements st JOIN statement_sources s ON s.statement = st.id"""

# SQLite: an FTS5 index over search_text, kept in step with it by triggers (plain SQL, so that any client
# that writes the table keeps the index right). PostgreSQL: a GIN index on the words' tsvector.
_SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE search_index USING fts5(words, content='search_text', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN "
    "INSERT INTO search_index(rowid, words) VALUES (new.id, new.words); END",
    "CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN "
    "INSERT INTO search_index(search_index, rowid, words) VALUES ('delete', old.id, old.words); END",
    "CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN "
    "INSERT INTO search_index(search_index, rowid, words) VALUES ('delete', old.id, old.words); "
    "INSERT INTO search_index(rowid, words) VALUES (new.id, new.words); END",
]
_POSTGRESQL_SEARCH = [
    "CREATE INDEX ix_search_text_words ON search_text USING gin (to_tsvector('simple'::regconfig, words))",
]


def _source_columns() -> list[sa.Column]:
    return [sa.Column("doc_id", sa.String, nullable=False), sa.Column("outlet", sa.Text),
            sa.Column("published", sa.String(10)), sa.Column("evidence", sa.Text, nullable=False),
            sa.Column("claimed_by", sa.Text), sa.Column("start_char", sa.Integer), sa.Column("end_char", sa.Integer)]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_index("ix_documents_published", "documents", ["published", "id"])
    op.create_table(
        "case_summaries",
        sa.Column("person", sa.Text, primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("nationality", sa.Text),
        sa.Column("status", sa.String(16)),
        sa.Column("latest", sa.String(10)),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("independent_sources", sa.Integer, nullable=False),
    )
    op.create_table(
        "case_events",
        sa.Column("person", sa.Text, sa.ForeignKey("case_summaries.person", ondelete="CASCADE"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("reported", sa.String(10)),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("arguments", sa.JSON, nullable=False),
        sa.Column("claimed_by", sa.JSON, nullable=False),
        sa.Column("independent_sources", sa.Integer, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("conflicts", sa.JSON, nullable=False),
    )
    op.create_index("ix_case_events_type", "case_events", ["type"])
    op.create_table(
        "event_sources",
        sa.Column("person", sa.Text, primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True),
        *_source_columns(),
        sa.ForeignKeyConstraint(["person", "seq"], ["case_events.person", "case_events.seq"], ondelete="CASCADE"),
    )
    op.create_index("ix_event_sources_doc_id", "event_sources", ["doc_id"])
    op.create_table(
        "statement_speakers",
        sa.Column("speaker", sa.Text, primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("statements", sa.Integer, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("speaker", sa.Text, sa.ForeignKey("statement_speakers.speaker", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("year", sa.String(4)),
        sa.Column("channel", sa.Text),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("sort_key", sa.Text, nullable=False),
    )
    op.create_index("ix_statements_speaker", "statements", ["speaker"])
    op.create_index("ix_statements_sort_key", "statements", ["sort_key"])
    op.create_table(
        "statement_about",
        sa.Column("statement", sa.Integer, sa.ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("name", sa.Text, primary_key=True),
    )
    op.create_index("ix_statement_about_name", "statement_about", ["name"])
    op.create_table(
        "statement_sources",
        sa.Column("statement", sa.Integer, sa.ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True),
        *_source_columns(),
    )
    op.create_index("ix_statement_sources_outlet", "statement_sources", ["outlet"])
    op.create_table(
        "exchanges",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("date", sa.String(10)),
        sa.Column("place", sa.Text),
        sa.Column("side_a", sa.JSON, nullable=False),
        sa.Column("side_b", sa.JSON, nullable=False),
        sa.Column("side_unknown", sa.JSON, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
    )
    op.create_table(
        "framing_terms",
        sa.Column("grouping", sa.String(8), primary_key=True),
        sa.Column("fact_type", sa.String(16), primary_key=True),
        sa.Column("group_name", sa.Text, primary_key=True),
        sa.Column("rank", sa.Integer, primary_key=True),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("z", sa.Float, nullable=False),
        sa.Column("log_odds", sa.Float, nullable=False),
        sa.Column("uses", sa.Integer, nullable=False),
        sa.Column("elsewhere", sa.Integer, nullable=False),
        sa.Column("years", sa.JSON, nullable=False),
        sa.Column("sentences", sa.JSON, nullable=False),
    )
    op.create_table(
        "person_nationalities",
        sa.Column("person", sa.Text, primary_key=True),
        sa.Column("country", sa.Text, nullable=False),
    )
    op.create_table(
        "outlets",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("articles", sa.Integer, nullable=False),
    )
    op.create_table(
        "entity_index",
        sa.Column("entity_id", sa.Integer, primary_key=True),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("spellings", sa.String(64), nullable=False),
    )
    op.create_table(
        "entity_keys",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("entity_id", sa.Integer, primary_key=True),
    )
    op.create_table(
        "counts",
        sa.Column("name", sa.String(16), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    op.create_table(
        "search_text",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("words", sa.Text, nullable=False),
    )
    for statement in _SQLITE_SEARCH if dialect == "sqlite" else _POSTGRESQL_SEARCH:
        op.execute(sa.text(statement))
    op.execute(sa.text(_FACT_DETAILS.format(date=_DATE[dialect], arguments=_ARGUMENTS[dialect])))
    op.execute(sa.text(_CASE_EVENT_SOURCES))
    op.execute(sa.text(_STATEMENT_REPORTS))
    # The next build fills the new tables, even if no article has changed by then.
    op.execute(sa.text("UPDATE build_state SET value = 'stale' WHERE key = 'cases'"))


def downgrade() -> None:
    for view in ("statement_reports", "case_event_sources", "fact_details"):
        op.execute(sa.text(f"DROP VIEW {view}"))
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_text_au", "search_text_ad", "search_text_ai"):
            op.execute(sa.text(f"DROP TRIGGER {trigger}"))
        op.execute(sa.text("DROP TABLE search_index"))
    op.drop_index("ix_documents_published", "documents")
    for table in ("search_text", "counts", "entity_keys", "entity_index", "outlets", "person_nationalities",
                  "framing_terms", "exchanges",
                  "statement_sources", "statement_about", "statements", "statement_speakers", "event_sources",
                  "case_events", "case_summaries"):
        op.drop_table(table)
