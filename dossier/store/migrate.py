"""Schema versions: a dossier of any earlier release is upgraded in place when it is opened for writing.

The migrations are Alembic's (``migrations/versions``), one per schema change. A dossier built by 0.1.0,
before the schema had a version, has its tables but no ``alembic_version`` row: it is stamped as
revision 0001 and upgraded from there.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from . import locks

_FIRST_RELEASE = "0001"


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    return ScriptDirectory.from_config(_config(None)).get_current_head()


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema in one transaction, which waits for another build doing the same
    (then finds the schema new and does nothing)."""
    with engine.begin() as conn:
        locks.exclusive(conn, "schema")
        config = _config(conn)
        if MigrationContext.configure(conn).get_current_revision() is None and inspect(conn).has_table("documents"):
            command.stamp(config, _FIRST_RELEASE)
        command.upgrade(config, "head")
