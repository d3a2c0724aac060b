from __future__ import annotations

from pathlib import Path

import pytest

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
    assert runner.invoke(app, ["export", str(db), "--out", str(out)]).exit_code == 0
    return db, out
