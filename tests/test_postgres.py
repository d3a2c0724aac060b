"""A dossier on PostgreSQL: built, rebuilt, killed and finished, upgraded, and served, holding and showing what
the same build holds and shows on SQLite. The server is started by the ``postgres_server`` fixture."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, Table, create_engine, insert, select, text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from conftest import FIXTURES, REPO
from dossier import __version__
from dossier.cli import app
from dossier.store import Store, migrate, search
from dossier.store.schema import metadata
from dossier.views.export import export
from dossier.web.app import create_app
from test_hostile_input import _story  # articles of arrests, extraditions and sentences

runner = CliRunner()
SAMPLE = REPO / "examples" / "sample"
RELEASE_0_1_0 = FIXTURES / "releases" / "dossier-0.1.0.sql"


def _rows(url: str, query: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(query))]
    finally:
        engine.dispose()


def _build(corpus: Path, db: str) -> None:
    result = runner.invoke(app, ["build", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output


def _unwrapped(output: str) -> str:
    """What the command said, without the spaces and line breaks the console wraps it with."""
    return "".join(output.split())


def _exported(db: str, out: Path) -> dict[str, str]:
    with Store(db, create=False) as store:
        export(store, out)
    return {name: (out / name).read_text(encoding="utf-8") for name in ("documents.jsonl", "entities.jsonl",
                                                                        "facts.jsonl")}


# An article that gives no date anywhere.
UNDATED = ("Dutch broker's lawyers appeal extradition ruling\n\n"
           "Lawyers for Pieter van Aalst, the Dutch shipping broker held in Lisbon, have appealed against a court "
           "ruling that cleared his extradition to Brazil, his lawyer Marta Sousa said.\n\n"
           "\"The court ignored the evidence we put before it,\" Sousa told reporters outside the court.\n")


@pytest.fixture(scope="module")
def sample(postgres_server, tmp_path_factory) -> tuple[str, str]:
    """examples/sample and an undated article built into a SQLite file and into a PostgreSQL database:
    (SQLite URL, PostgreSQL URL)."""
    folder = tmp_path_factory.mktemp("sample")
    corpus = folder / "corpus"
    shutil.copytree(SAMPLE, corpus)
    (corpus / "undated-appeal.txt").write_text(UNDATED, encoding="utf-8")
    sqlite = f"sqlite:///{folder / 'sample.db'}"
    postgres = postgres_server.create_database()
    for db in (sqlite, postgres):
        _build(corpus, db)
    return sqlite, postgres


# ---- the schema

def test_a_new_postgresql_dossier_has_exactly_the_schema_the_code_declares(postgres_db):
    with Store(postgres_db) as store:
        with store.engine.connect() as conn:
            # The full-text index is the database's own (GIN over a tsvector), not a declared table's index.
            declared = {"include_name": lambda name, kind, _: not search.is_full_text_index(name)}
            assert compare_metadata(MigrationContext.configure(conn, opts=declared), metadata) == []
        assert migrate.current(store.engine) == migrate.head()
    Store(postgres_db).close()  # opening it again changes nothing
    assert _rows(postgres_db, "SELECT version_num FROM alembic_version") == [(migrate.head(),)]


def test_a_postgresql_dossier_of_0_1_0_is_upgraded_in_place_without_loss(postgres_db, tmp_path):
    # A 0.1.0 dossier on PostgreSQL: the first release's tables (which had no schema version) holding what
    # 0.1.0 built from examples/sample, copied from the SQLite dump of that build.
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.executescript(RELEASE_0_1_0.read_text(encoding="utf-8"))
    source, target = create_engine(f"sqlite:///{old}"), create_engine(postgres_db)
    with source.connect() as read, target.begin() as write:
        command.upgrade(migrate._config(write), "0001")
        write.execute(text("DROP TABLE alembic_version"))
        tables = MetaData()
        tables.reflect(write)
        for table in tables.sorted_tables:
            rows = [dict(r._mapping) for r in read.execute(select(Table(table.name, MetaData(), autoload_with=read)))]
            if rows:
                write.execute(insert(table), rows)
    source.dispose()
    target.dispose()
    documents = _rows(postgres_db, "SELECT id, content_hash, body FROM documents ORDER BY id")
    facts = _rows(postgres_db, "SELECT doc_id, idx, type, args::text FROM facts ORDER BY doc_id, idx")
    cases = _rows(postgres_db, "SELECT person, events::text FROM cases ORDER BY person")
    assert documents and facts and cases

    with Store(postgres_db) as store:  # opening it for writing upgrades it
        assert migrate.current(store.engine) == migrate.head()
        with store.engine.connect() as conn:
            # The full-text index is the database's own (GIN over a tsvector), not a declared table's index.
            declared = {"include_name": lambda name, kind, _: not search.is_full_text_index(name)}
            assert compare_metadata(MigrationContext.configure(conn, opts=declared), metadata) == []
    assert _rows(postgres_db, "SELECT id, content_hash, body FROM documents ORDER BY id") == documents
    assert _rows(postgres_db, "SELECT doc_id, idx, type, args::text FROM facts ORDER BY doc_id, idx") == facts
    assert _rows(postgres_db, "SELECT person, events::text FROM cases ORDER BY person") == cases
    assert _rows(postgres_db, "SELECT value FROM build_state WHERE key = 'cases'") == [("stale",)]

    # The next build redoes every document with this release's pipeline, once each.
    _build(SAMPLE, postgres_db)
    assert [row[0] for row in _rows(postgres_db, "SELECT id FROM documents ORDER BY id")] == [d[0] for d in documents]
    assert _rows(postgres_db, "SELECT DISTINCT split_part(pipeline, ';', 1) FROM documents") == [
        (f"dossier {__version__}",)]
    assert _rows(postgres_db, "SELECT value FROM build_state WHERE key = 'cases'") == [("current",)]


# ---- building

def test_postgresql_holds_what_sqlite_holds_for_the_same_articles(sample, tmp_path):
    sqlite, postgres = sample
    on_sqlite, on_postgres = _exported(sqlite, tmp_path / "sqlite"), _exported(postgres, tmp_path / "postgres")
    assert on_postgres["documents.jsonl"].count("\n") == 6
    assert "Pieter van Aalst" in on_postgres["entities.jsonl"]
    assert on_postgres == on_sqlite
    assert _rows(postgres, "SELECT person, status FROM cases ORDER BY person") == \
        _rows(sqlite, "SELECT person, status FROM cases ORDER BY person")


def test_building_again_skips_unchanged_articles_and_redoes_a_changed_one(postgres_db, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    _build(corpus, postgres_db)
    query = "SELECT id, content_hash, processed_at FROM documents ORDER BY id"
    first = {doc: (content, at) for doc, content, at in _rows(postgres_db, query)}

    with_password = postgres_db.replace("postgres@", "postgres:s3cret@")  # the test server lets anyone in
    again = runner.invoke(app, ["build", str(corpus), "--db", with_password])
    assert again.exit_code == 0, again.output
    assert "unchanged" in again.output
    assert "postgres:***@" in _unwrapped(again.output) and "s3cret" not in _unwrapped(again.output)
    assert {doc: (content, at) for doc, content, at in _rows(postgres_db, query)} == first

    article = corpus / "harbour-arrest.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Lisbon airport", "Porto airport"),
                       encoding="utf-8")
    _build(corpus, postgres_db)
    after = {doc: (content, at) for doc, content, at in _rows(postgres_db, query)}
    assert after.keys() == first.keys()
    assert [doc for doc in after if after[doc] != first[doc]] == ["harbour-arrest"]
    [(body,)] = _rows(postgres_db, "SELECT body FROM documents WHERE id = 'harbour-arrest'")
    assert "at Porto airport" in body and "Lisbon airport" not in body
    # The article's derived rows were replaced, not added to: as many as a build of the changed corpus alone.
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    _build(corpus, fresh)
    counts = ("SELECT d.id, (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id), "
              "(SELECT count(*) FROM facts f WHERE f.doc_id = d.id), "
              "(SELECT count(*) FROM fact_terms t WHERE t.doc_id = d.id) FROM documents d ORDER BY d.id")
    assert _rows(postgres_db, counts) == _rows(fresh, counts)
    assert ("Pieter van Aalst",) in _rows(postgres_db, "SELECT person FROM cases")


def test_an_article_with_a_nul_character_is_stored_on_postgresql_as_on_sqlite(postgres_db, tmp_path):
    # PostgreSQL's text cannot hold NUL; a JSON line can carry one, and SQLite would keep it.
    text = _story(3).replace("officials said.", "officials said.\u0000")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "lines.jsonl").write_text(json.dumps({"id": "nul", "title": "Arrest\u0000 in Oslo", "text": text}) + "\n",
                                        encoding="utf-8")
    sqlite = f"sqlite:///{tmp_path / 'd.db'}"
    for db in (postgres_db, sqlite):
        _build(corpus, db)
    [(title, body)] = _rows(postgres_db, "SELECT title, body FROM documents")
    assert title == "Arrest\ufffd in Oslo" and "officials said.\ufffd" in body
    assert _exported(postgres_db, tmp_path / "postgres") == _exported(sqlite, tmp_path / "sqlite")
    assert _rows(postgres_db, "SELECT type FROM facts WHERE type = 'arrest'") == [("arrest",)]


def test_a_postgresql_dossier_that_cannot_be_opened_is_named_in_one_line_without_its_password(tmp_path,
                                                                                             monkeypatch):
    nowhere = f"postgresql+psycopg://reader:s3cret@/dossier?host={tmp_path}"
    result = runner.invoke(app, ["build", str(SAMPLE), "--db", nowhere])
    assert result.exit_code == 2
    said = _unwrapped(result.output)
    assert f"cannotopenpostgresql+psycopg://reader:***@/dossier?host={tmp_path}:" in said
    assert "s3cret" not in said and "Traceback" not in said

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the driver were not installed
    result = runner.invoke(app, ["build", str(SAMPLE), "--db", nowhere])
    assert result.exit_code == 2 and 'pip install "dossier[postgres]"' in result.output


def _documents(url: str) -> list[str]:
    return [doc for (doc,) in _rows(url, "SELECT id FROM documents ORDER BY id")]


def test_a_killed_build_on_postgresql_is_finished_by_the_next_one_with_every_document_once(postgres_db, tmp_path):
    total = 80
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(total):
        (corpus / f"story-{i:04d}.txt").write_text(_story(i), encoding="utf-8")
    command_line = [sys.executable, "-m", "dossier", "build", str(corpus), "--db", postgres_db, "--quiet"]
    process = subprocess.Popen(command_line, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if _documents(postgres_db):
                    break
            except DBAPIError:  # the tables are not there yet
                pass
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    interrupted = _documents(postgres_db)
    assert 0 < len(interrupted) < total, "the build was not caught mid-way"

    finished = subprocess.run(command_line, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert _documents(postgres_db) == [f"story-{i:04d}" for i in range(total)]
    per_doc = _rows(postgres_db, "SELECT doc_id, count(*) FROM sentences GROUP BY doc_id")
    assert len(per_doc) == total and {count for _, count in per_doc} == {4}  # dateline, lead, quotation, denial
    # The cases are those of a build that was never interrupted.
    whole = f"sqlite:///{tmp_path / 'whole.db'}"
    _build(corpus, whole)
    cases = "SELECT person, status, latest FROM cases ORDER BY person"
    assert len(_rows(whole, cases)) >= 6 and _rows(postgres_db, cases) == _rows(whole, cases)
    assert _rows(postgres_db, "SELECT value FROM build_state WHERE key = 'cases'") == [("current",)]


# ---- the web view

def _without(answer, key: str):
    return {k: v for k, v in answer.items() if k != key} if isinstance(answer, dict) else answer


def test_the_web_view_on_postgresql_shows_what_it_shows_on_sqlite(sample):
    sqlite, postgres = sample
    paths = ["/api/overview", "/api/cases", "/api/cases/Pieter%20van%20Aalst", "/api/cases/lazarev",
             "/api/search?q=extradition", "/api/search?q=Meridian", "/api/search?q=van%20aalst",
             "/api/search?q=s_id%25", "/api/exchanges", "/api/statements",
             "/api/articles/harbour-arrest", "/api/framing?by=outlet"]
    answers: dict[str, dict] = {}
    for db in (sqlite, postgres):
        with TestClient(create_app(db)) as client:
            answers[db] = {path: client.get(path) for path in paths}
            person = client.get("/person/van%20aalst")
            assert person.status_code == 200 and "Pieter van Aalst" in person.text
            home = client.get("/")
            assert home.status_code == 200 and "Pieter van Aalst" in home.text
            article = client.get("/article/wire-0001", params={"q": "ransomware"})
            assert article.status_code == 200 and "<mark" in article.text
            assert client.get("/article/nothing").status_code == 404
            client.app.state.store.close()
    for path in paths:
        on_sqlite, on_postgres = answers[sqlite][path], answers[postgres][path]
        assert on_postgres.status_code == 200, path
        # All but when each build stored the article.
        assert _without(on_postgres.json(), "processed_at") == _without(on_sqlite.json(), "processed_at"), path
    on_postgres = {path: answer.json() for path, answer in answers[postgres].items()}
    assert on_postgres["/api/overview"]["articles"] == 6 and on_postgres["/api/overview"]["cases"] >= 1
    [arrest] = [e for e in on_postgres["/api/cases/Pieter%20van%20Aalst"]["events"] if e["type"] == "arrest"]
    assert arrest["sources"][0]["doc"] == "harbour-arrest"
    # Undated articles come after the dated ones, as they do on SQLite.
    found = [a["id"] for a in on_postgres["/api/search?q=extradition"]["articles"]["items"]]
    assert "undated-appeal" in found and found[-1] == "undated-appeal"
    assert on_postgres["/api/search?q=s_id%25"]["articles"]["items"] == []  # not "said": _ and % are no wildcards


def test_the_web_view_cannot_change_a_postgresql_dossier(sample):
    _, postgres = sample
    app_ = create_app(postgres)
    with pytest.raises(DBAPIError, match="read-only transaction"), app_.state.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM documents"))
    app_.state.store.close()
    assert len(_documents(postgres)) == 6
