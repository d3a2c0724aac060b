"""Alembic's entry point: migrations run on the connection the store hands over (see store.migrate)."""
from alembic import context

from dossier.store.schema import metadata

connection = context.config.attributes["connection"]
# SQLite alters a table by copying it: batch mode does that for every migration alike.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
