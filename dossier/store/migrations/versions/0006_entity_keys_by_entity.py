"""The lookup keys of an entity found by the entity: a refresh drops those of the entities resolved again.

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entity_keys_entity_id", "entity_keys", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_entity_keys_entity_id", "entity_keys")
