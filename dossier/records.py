"""The typed records that pass from one pipeline stage to the next.

read  -> SourceItem | ReadProblem
clean -> Article
annotate / extract / resolve add to an Article in later stages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SourceFormat = Literal["text", "html"]


@dataclass(frozen=True)
class SourceItem:
    """One article as a reader found it, decoded but not yet cleaned."""

    doc_id: str
    origin: str  # where it came from, for messages: a path, or "file.jsonl:12"
    format: SourceFormat
    content: str
    content_hash: str
    url: str | None = None
    published: str | None = None  # given by the source's own metadata; wins over detection
    title: str | None = None


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read, with a message a person can act on."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass
class Article:
    """A cleaned article: the body a reader would see, with its metadata."""

    doc_id: str
    origin: str
    content_hash: str
    raw: str
    body: str  # paragraphs separated by "\n"
    removed: list[str] = field(default_factory=list)  # lines dropped as site furniture
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 at its precision; X for unknown digits ("XXXX-04-06")
    dateline: str | None = None
    language: str | None = None
