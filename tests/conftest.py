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
