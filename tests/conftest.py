from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier.annotate import Annotator
from dossier.clean import clean
from dossier.records import EntityRef, SourceItem
from dossier.settings import Settings
from postgres import Server, Unavailable

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
BENCH = SHARED / "bench"


@pytest.fixture
def corpus(tmp_path: Path):
    """A fresh corpus folder; call it with {name: text or bytes} to write files into it."""
    folder = tmp_path / "corpus"
    folder.mkdir()

    def write(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            path = folder / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write


def build_and_export(folder: Path, articles: dict[str, str]) -> tuple[Path, Path]:
    """Write articles into folder/corpus, build a dossier from them and export it; (database, export folder)."""
    from typer.testing import CliRunner

    from dossier.cli import app

    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db, out = folder / "d.db", folder / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(corpus), "--db", str(db), "--quiet"]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", str(db), "--out", str(out)]).exit_code == 0
    return db, out


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session. Where none can be started the tests that need it are skipped, unless
    DOSSIER_REQUIRE_POSTGRES is set (as CI does), and then they fail."""
    try:
        server = Server()
    except Unavailable as err:
        if os.environ.get("DOSSIER_REQUIRE_POSTGRES"):
            pytest.fail(f"no PostgreSQL server: {err}", pytrace=False)
        pytest.skip(f"no PostgreSQL server: {err}")
    yield server
    server.stop()


@pytest.fixture
def postgres_db(postgres_server) -> str:
    """The SQLAlchemy URL of a new, empty PostgreSQL database."""
    return postgres_server.create_database()


@pytest.fixture(scope="session")
def annotator():
    settings = Settings()
    return Annotator(settings.model, settings.components)


@pytest.fixture
def facts(annotator):
    """Facts of a text as {type, subject, args, claimed_by, evidence}, entity references by their names."""
    def run(text: str, published: str | None = None, title: str = "Headline of the story") -> list[dict]:
        item = SourceItem(doc_id="t", origin="t.txt", format="text", content=text, content_hash="h",
                          published=published, title=title)
        [(annotation, _)] = list(annotator.annotate([clean(item)]))
        name = lambda ref: annotation.entities[ref.entity].name  # noqa: E731

        def value(v):
            if isinstance(v, EntityRef):
                return name(v)
            return [value(x) for x in v] if isinstance(v, list) else v

        return [{"type": f.type, "subject": name(f.subject), "args": {k: value(v) for k, v in f.args.items()},
                 "claimed_by": name(f.claimed_by) if f.claimed_by else None,
                 "evidence": annotation.article.body[f.start:f.end]} for f in annotation.facts]
    return run


def case(found: list[dict]) -> list[tuple]:
    """The case facts (all but statements), as comparable tuples in a stable order."""
    rows = [(f["type"], f["subject"], f["args"], f["claimed_by"]) for f in found if f["type"] != "statement"]
    return sorted(rows, key=lambda r: (r[0], r[1], str(r[2])))


def statements(found: list[dict]) -> list[tuple]:
    return [(f["subject"], f["args"], f["claimed_by"]) for f in found if f["type"] == "statement"]
