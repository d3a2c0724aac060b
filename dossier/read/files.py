"""Readers for single-article files: plain text and HTML pages."""
from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..records import ReadProblem, SourceItem
from ..registry import readers
from .decode import DecodeError, decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_id_for(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name[: -len(suffix)]
    return name or path.name


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise DecodeError(f"not a valid gzip file ({err})") from err
    return data


def _read_file(path: Path, fmt: str) -> Iterator[SourceItem | ReadProblem]:
    try:
        data = _read_bytes(path)
        declared = None
        if fmt == "html":
            match = _META_CHARSET.search(data[:4096])
            declared = match.group(1).decode("ascii") if match else None
        text, _ = decode(data, declared)
    except DecodeError as err:
        yield ReadProblem(str(path), str(err))
        return
    if fmt == "html" and "<" not in text:
        yield ReadProblem(str(path), "no HTML markup found in an .html file")
        return
    yield SourceItem(doc_id=doc_id_for(path), origin=str(path), format=fmt,
                     content=text, content_hash=content_hash(text))


@readers.register(".txt")
def read_text(path: Path) -> Iterator[SourceItem | ReadProblem]:
    return _read_file(path, "text")


@readers.register(".html")
def read_html(path: Path) -> Iterator[SourceItem | ReadProblem]:
    return _read_file(path, "html")


readers.register(".htm", func=read_html)
readers.register(".html.gz", func=read_html)
