"""The words each fact is framed with.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_terms",
        sa.Column("doc_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("fact", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
    )
    op.create_index("ix_fact_terms_doc_id", "fact_terms", ["doc_id"])
    # Articles stored before have no terms: the next build must read them again.
    op.execute(sa.text("UPDATE documents SET pipeline = pipeline || '; before framing terms'"))


def downgrade() -> None:
    op.drop_index("ix_fact_terms_doc_id", "fact_terms")
    op.drop_table("fact_terms")
