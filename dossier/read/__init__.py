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


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root)


def discover(corpus: Path, follow_links: bool = False) -> Iterator[Path | ReadProblem]:
    """The files of a corpus in a stable order (the corpus itself if it is a file). A symbolic link that
    leads out of the corpus folder is reported, not read, unless ``follow_links``: a link to /etc/passwd
    dropped in a folder of articles must not end up in a dossier that is served to others."""
    if not corpus.is_dir():
        yield corpus
        return
    root = corpus.resolve()
    found: list[Path] = []
    seen_dirs: set[Path] = set()
    stack = [corpus]
    while stack:
        folder = stack.pop()
        if folder.resolve() in seen_dirs:  # a link back to a folder already read
            continue
        seen_dirs.add(folder.resolve())
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith("."):
                continue
            if entry.is_symlink() and not follow_links and not _inside(entry, root):
                yield ReadProblem(str(entry), "symbolic link to a place outside the corpus folder; not read "
                                              "(use --follow-links to read it)")
            elif entry.is_dir():
                stack.append(entry)
            elif entry.is_file():
                found.append(entry)
            elif entry.is_symlink():
                yield ReadProblem(str(entry), "symbolic link to nothing; not read")
    yield from sorted(found)


def read_corpus(corpus: Path, follow_links: bool = False) -> Iterator[SourceItem | ReadProblem]:
    for path in discover(corpus, follow_links):
        if isinstance(path, ReadProblem):
            yield path
            continue
        reader = _reader_for(path)
        if reader is None:
            yield ReadProblem(str(path), f"unsupported file type; dossier reads {', '.join(supported_suffixes())}")
            continue
        try:
            yield from reader(path)
        except OSError as err:
            yield ReadProblem(str(path), f"cannot read file: {err.strerror or err}")
