"""The keys of each document entity's name, and the keys whose entities an update must resolve again.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "name_keys",
        sa.Column("doc_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
    )
    op.create_index("ix_name_keys_key", "name_keys", ["key"])
    op.create_index("ix_name_keys_doc_id", "name_keys", ["doc_id"])
    op.create_table("stale_keys", sa.Column("key", sa.Text, nullable=False))
    # Articles stored before have no keys: the next build reads them again (and resolves the whole corpus).
    op.execute(sa.text("UPDATE documents SET pipeline = pipeline || '; before name keys'"))


def downgrade() -> None:
    op.drop_table("stale_keys")
    op.drop_index("ix_name_keys_doc_id", "name_keys")
    op.drop_index("ix_name_keys_key", "name_keys")
    op.drop_table("name_keys")
