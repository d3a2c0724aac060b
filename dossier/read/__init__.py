"""Stage 1, read: turn a corpus (a folder of files or a JSON Lines file) into SourceItems.

Each reader handles some file suffixes and yields SourceItems, or a ReadProblem for an
input it cannot use; one bad input never stops the others. To support a new kind of
file, register a reader for its suffix (see ``dossier.read.files`` for examples).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import ReadProblem, SourceItem
from ..registry import readers
from . import files, jsonl  # noqa: F401  (registers the built-in readers)


def supported_suffixes() -> list[str]:
    return sorted(readers.get_all())


def _reader_for(path: Path):
    suffixes = "".join(path.suffixes).lower()
    for suffix, reader in readers.get_all().items():
        if suffixes.endswith(suffix):
            return reader
    return None


def discover(corpus: Path) -> list[Path]:
    """The files of a corpus in a stable order: the corpus itself if it is a file."""
    if corpus.is_file():
        return [corpus]
    return sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))


def read_corpus(corpus: Path) -> Iterator[SourceItem | ReadProblem]:
    for path in discover(corpus):
        reader = _reader_for(path)
        if reader is None:
            yield ReadProblem(str(path), f"unsupported file type; dossier reads {', '.join(supported_suffixes())}")
            continue
        try:
            yield from reader(path)
        except OSError as err:
            yield ReadProblem(str(path), f"cannot read file: {err.strerror or err}")
