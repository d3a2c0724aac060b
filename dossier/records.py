"""The typed records that pass from one pipeline stage to the next.

read  -> SourceItem | ReadProblem
clean -> Article
annotate / extract / resolve add to an Article in later stages.
"""
from __future__ import annotations

from bisect import bisect_right
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
    captions: list[str] = field(default_factory=list)  # photo captions, without their credits
    credits: list[str] = field(default_factory=list)  # people a byline or staff credit names
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 at its precision; X for unknown digits ("XXXX-04-06")
    dateline: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int  # character offsets into Article.body
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A name in the text: a span of Article.body with its entity type."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, FAC, NORP, ...
    sentence: int  # index into Annotation.sentences


@dataclass
class LocalEntity:
    """One entity within one document: all the mentions that name it there."""

    name: str  # the fullest form the document gives ("Roman Seleznev" rather than "Seleznev")
    label: str
    mentions: list[int] = field(default_factory=list)  # indices into Annotation.mentions
    role: str | None = None  # a title the text gives it ("ambassador", "envoy"), for "the envoy said"
    aliases: list[str] = field(default_factory=list)  # more forms: from photo captions, with honorifics


@dataclass(frozen=True)
class EntityRef:
    """An argument value that is an entity of the same document (index into Annotation.entities)."""

    entity: int


ArgValue = str | EntityRef | list[str | EntityRef]


@dataclass(frozen=True)
class Term:
    """A word a source chooses for an act, a person or in a quotation, with its offsets in Article.body."""

    kind: str  # "act", "person" or "quote"
    term: str  # its lemma, lower case
    start: int
    end: int


@dataclass
class Fact:
    """One thing the article says happened, with the sentence that says it."""

    type: str
    subject: EntityRef
    args: dict[str, ArgValue]
    sentence: int
    start: int  # the evidence: character offsets of its sentence in Article.body
    end: int
    claimed_by: EntityRef | None = None
    # Values stated in another sentence than the evidence: argument -> that sentence's index.
    sources: dict[str, int] = field(default_factory=dict)
    told_in: list[int] = field(default_factory=list)  # the other sentences that tell the same event
    terms: list[Term] = field(default_factory=list)  # the words the article frames it with


@dataclass
class Annotation:
    """An article after annotation and extraction: sentences, names, entities, facts."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # document components that could not run on it
    warnings: list[str] = field(default_factory=list)  # what was left undone on purpose, and why

    def sentence_at(self, char: int) -> int:
        """The index of the sentence holding a character offset of the body."""
        return max(0, bisect_right([s.start for s in self.sentences], char) - 1)
