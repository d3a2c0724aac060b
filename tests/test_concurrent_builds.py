"""Two builds of one corpus into one database at the same time, on SQLite and on PostgreSQL: every article is
stored once, none is reported as not stored, and the entities and cases are those of a single build."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from dossier.clean import clean
from dossier.cli import app
from dossier.records import SourceItem
from dossier.store import Store
from dossier.store.cases import case_rows
from test_hostile_input import _story  # articles of arrests, extraditions and sentences

TOTAL = 24

# A build in another process that meets the other build at each step where they could collide: creating the
# schema, reading what is stored (so that both find an empty database and do every article), saving each article
# and assembling the cases. Two builds started together come this close only by chance; these come every time.
_TOGETHER = """
import os, sys, time
from pathlib import Path
from dossier.store import Store, migrate

meeting = Path(sys.argv[1])

def before(function, step):
    def meet_then(*args, **kwargs):
        name = step(*args)
        (meeting / f"{name}.{os.getpid()}").touch()
        deadline = time.monotonic() + 120
        while len(list(meeting.glob(f"{name}.*"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.005)
        return function(*args, **kwargs)
    return meet_then

migrate.upgrade = before(migrate.upgrade, lambda engine: "schema")
Store.fingerprints = before(Store.fingerprints, lambda store: "stored")
Store.save = before(Store.save, lambda store, annotation, pipeline: "save-" + annotation.article.doc_id)
Store.corpus_stage = before(Store.corpus_stage, lambda store: "stage")
from dossier.cli import app
app(sys.argv[2:])
"""

# Per article: how many rows of each kind were derived from it.
_PER_DOCUMENT = "SELECT d.id, " + ", ".join(
    f"(SELECT count(*) FROM {table} t WHERE t.doc_id = d.id)"
    for table in ("sentences", "doc_entities", "mentions", "facts", "fact_sentences", "fact_terms")
) + " FROM documents d ORDER BY d.id"
# Each article's entity with the corpus-wide entity it was resolved to.
_RESOLVED = ("SELECT de.doc_id, de.idx, de.name, e.name, e.type FROM doc_entities de "
             "LEFT JOIN entities e ON e.id = de.entity_id ORDER BY de.doc_id, de.idx")


def _state(url: str) -> dict:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = {name: [tuple(r) for r in conn.execute(text(query))]
                    for name, query in (("documents", _PER_DOCUMENT), ("resolved", _RESOLVED))}
    finally:
        engine.dispose()
    with Store(url, create=False) as store:
        rows["cases"] = [(c["person"], c["nationality"], c["status"], c["latest"], c["events"])
                         for c in case_rows(store)]
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("concurrent") / "corpus"
    folder.mkdir()
    for i in range(TOTAL):
        (folder / f"story-{i:02d}.txt").write_text(_story(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single_build(corpus, tmp_path_factory) -> dict:
    """What one build alone stores."""
    url = f"sqlite:///{tmp_path_factory.mktemp('single') / 'd.db'}"
    result = CliRunner().invoke(app, ["build", str(corpus), "--db", url, "--quiet"])
    assert result.exit_code == 0, result.output
    return _state(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'd.db'}"
    return request.getfixturevalue("postgres_db")


def test_two_builds_at_once_store_every_article_once_and_resolve_it_as_one_build(corpus, single_build, database,
                                                                                  tmp_path):
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    command = [sys.executable, "-c", _TOGETHER, str(meeting), "build", str(corpus), "--db", database]
    builds = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [build.communicate(timeout=600) for build in builds]
    for build, (_, stderr) in zip(builds, outputs):
        assert build.returncode == 0, stderr
        assert "could not be stored" not in stderr
        # Each build found the database empty and stored every article itself.
        assert re.search(r"processed\W+(\d+)", stderr).group(1) == str(TOTAL), stderr

    stored = _state(database)
    assert [row[0] for row in stored["documents"]] == [f"story-{i:02d}" for i in range(TOTAL)]
    assert stored == single_build


def _impatient(store: Store) -> None:
    """Make the store give up at once where it would wait for a lock another build holds."""
    statement = "PRAGMA busy_timeout=0" if store.engine.dialect.name == "sqlite" else "SET lock_timeout = 1"

    @event.listens_for(store.engine, "connect")
    def _no_waiting(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(statement)
        cursor.close()

    store.engine.dispose()  # the connections opened before are not


def test_no_article_is_saved_while_another_build_resolves_and_assembles_the_corpus(annotator, database):
    item = SourceItem(doc_id="story-07", origin="story-07.txt", format="text", content=_story(7), content_hash="h")
    [(annotation, _)] = list(annotator.annotate([clean(item)]))
    with Store(database) as assembling, Store(database) as saving:
        _impatient(saving)
        with assembling.corpus_stage():
            assembling.set_state("cases", "current")
            with pytest.raises(OperationalError):
                saving.save(annotation, "pipeline")
        # Once the stage is over the article is saved, and the cases are stale again until the next stage.
        saving.save(annotation, "pipeline")
        assert saving.fingerprints() == {"story-07": ("h", "pipeline")}
        assert saving.get_state("cases") == "stale"
