"""A dossier built by an earlier release opens and upgrades in place, with nothing lost.

``fixtures/releases/dossier-0.1.0.sql`` is the SQL dump of a dossier that dossier 0.1.0 built from
``examples/sample``, the release before schema versions.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from typer.testing import CliRunner

from conftest import FIXTURES, REPO
from dossier import __version__
from dossier.cli import app
from dossier.store import Store, migrate, search
from dossier.store.schema import metadata

runner = CliRunner()
RELEASE_0_1_0 = FIXTURES / "releases" / "dossier-0.1.0.sql"


def _restore(dump: Path, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.executescript(dump.read_text(encoding="utf-8"))


def _rows(db: Path, query: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchall()


def _differences(conn) -> list:
    """How the database's tables differ from the declared ones, the full-text index aside."""
    declared = {"include_name": lambda name, kind, _: not search.is_full_text_index(name)}
    return compare_metadata(MigrationContext.configure(conn, opts=declared), metadata)


def test_a_new_dossier_has_exactly_the_schema_the_code_declares(tmp_path):
    store = Store(tmp_path / "new.db")
    with store.engine.connect() as conn:
        assert _differences(conn) == []
    assert migrate.current(store.engine) == migrate.head()


def test_a_dossier_of_0_1_0_is_upgraded_in_place_without_loss(tmp_path):
    db = tmp_path / "old.db"
    _restore(RELEASE_0_1_0, db)
    documents = _rows(db, "SELECT id, content_hash, body FROM documents ORDER BY id")
    facts = _rows(db, "SELECT doc_id, idx, type, args FROM facts ORDER BY doc_id, idx")
    cases = _rows(db, "SELECT person, events FROM cases ORDER BY person")
    assert documents and facts and cases

    store = Store(db)  # opening it for writing upgrades it
    assert migrate.current(store.engine) == migrate.head()
    with store.engine.connect() as conn:
        assert _differences(conn) == []
    store.close()
    assert _rows(db, "SELECT id, content_hash, body FROM documents ORDER BY id") == documents
    assert _rows(db, "SELECT doc_id, idx, type, args FROM facts ORDER BY doc_id, idx") == facts
    assert _rows(db, "SELECT person, events FROM cases ORDER BY person") == cases

    listed = runner.invoke(app, ["cases", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0, listed.output

    # The next build redoes the documents with this release's pipeline, once each.
    rebuilt = runner.invoke(app, ["build", str(REPO / "examples" / "sample"), "--db", str(db), "--quiet"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert [row[0] for row in _rows(db, "SELECT id FROM documents ORDER BY id")] == [d[0] for d in documents]
    assert [row[0].split(";")[0] for row in _rows(db, "SELECT DISTINCT pipeline FROM documents")] == [
        f"dossier {__version__}"]
    assert _rows(db, "SELECT value FROM build_state WHERE key = 'cases'") == [("current",)]


def test_opening_a_current_dossier_twice_changes_nothing(tmp_path):
    db = tmp_path / "d.db"
    Store(db).close()
    Store(db).close()
    assert _rows(db, "SELECT version_num FROM alembic_version") == [(migrate.head(),)]
