"""Every sentence of a fact told more than once, and what an interrupted build left to do.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_sentences",
        sa.Column("doc_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("fact", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("argument", sa.String(16)),
    )
    op.create_index("ix_fact_sentences_doc_id", "fact_sentences", ["doc_id"])
    op.create_table(
        "build_state",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    # Documents of the previous release have no fact sentences and cases no build state: a stale state
    # makes the next build assemble the cases again with what this release knows.
    op.execute(sa.text("INSERT INTO build_state (key, value) VALUES ('cases', 'stale')"))


def downgrade() -> None:
    op.drop_table("build_state")
    op.drop_index("ix_fact_sentences_doc_id", "fact_sentences")
    op.drop_table("fact_sentences")
