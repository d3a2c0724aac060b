"""The tables of dossier 0.1.0, the first release; a dossier built by it is stamped at this revision.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _doc_fk() -> sa.Column:
    return sa.Column("doc_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("pipeline", sa.String, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("dateline", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("captions", sa.JSON, nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sentences", _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
    )
    op.create_table(
        "doc_entities", _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("role", sa.Text),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="SET NULL")),
    )
    op.create_index("ix_doc_entities_entity_id", "doc_entities", ["entity_id"])
    op.create_table(
        "mentions", _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("doc_entity", sa.Integer),
    )
    op.create_table(
        "facts", _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("subject", sa.Integer, nullable=False),
        sa.Column("args", sa.JSON, nullable=False),
        sa.Column("claimed_by", sa.Integer),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
    )
    op.create_index("ix_facts_type", "facts", ["type"])
    op.create_table(
        "build_problems",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("person", sa.Text, primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("nationality", sa.Text),
        sa.Column("status", sa.String(16)),
        sa.Column("latest", sa.String(10)),
        sa.Column("events", sa.JSON, nullable=False),
        sa.Column("assembled_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("cases", "build_problems", "facts", "mentions", "doc_entities", "entities", "sentences",
                  "documents"):
        op.drop_table(table)
