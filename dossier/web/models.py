"""The JSON API's response shapes, so that /openapi.json describes what each endpoint returns."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class SourceLink(BaseModel):
    doc: str = Field(description="Document id")
    outlet: str
    published: str | None = Field(description="ISO 8601 at its precision; X for unknown digits")
    evidence: str = Field(description="The sentence the fact was read from")
    claimed_by: str | None = Field(description="Who the article attributes the fact to, if not stated as fact")
    start: int | None = Field(description="Character offset of the evidence in the article's cleaned text")
    end: int | None
    url: str = Field(description="The article page with the evidence highlighted")


class Version(BaseModel):
    value: str
    outlets: list[str]


class Event(BaseModel):
    event: str = Field(description="arrest, transfer, charge, conviction, sentence, custody, visit, release, exchange")
    date: str | None = Field(description="When it happened, as the sources give it")
    when: str | None = Field(description="The date, or else the earliest date it was reported")
    headline: str
    args: dict[str, str]
    claimed: bool = Field(description="Only asserted by one party, stated by no source in its own voice")
    claimed_by: list[str]
    independent_sources: int = Field(description="Distinct stories: a wire text re-published counts once")
    outlets: list[str]
    conflicts: dict[str, list[Version]] = Field(description="Argument -> the versions the sources disagree on")
    sources: list[SourceLink]


class CaseSummary(BaseModel):
    person: str
    nationality: str | None
    status: str | None = Field(description="detained, convicted, released or exchanged")
    latest: str | None = Field(description="Date of the latest event")
    events: int
    sources: int
    url: str


class Person(BaseModel):
    name: str
    type: str = Field(description="PERSON, or ORG etc. for a speaker that is an organisation")
    aliases: list[str]
    nationality: str | None
    status: str | None
    latest: str | None
    has_case: bool
    articles: list[str]
    url: str


class Case(BaseModel):
    person: Person
    events: list[Event]


class EntityHit(BaseModel):
    name: str
    type: str
    aliases: list[str]
    articles: int
    has_case: bool
    url: str


class OutletHit(BaseModel):
    name: str
    articles: int


class ArticleHit(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: list[tuple[str, str]] = Field(description="Pieces of text around the first hit: (text, '' or 'hit')")
    url: str


class SearchResult(BaseModel):
    query: str
    people: list[EntityHit]
    organisations: list[EntityHit]
    outlets: list[OutletHit]
    articles: list[ArticleHit]
    articles_total: int = 0


class Exchange(BaseModel):
    date: str | None
    place: str | None
    side_a: list[str] = Field(description="People released by one side")
    side_b: list[str] = Field(description="People released by the other side")
    side_unknown: list[str] = Field(description="Freed in the swap, side not reported")
    outlets: list[str]
    sources: list[SourceLink]


class Named(BaseModel):
    name: str
    url: str


class Statement(BaseModel):
    speaker: str
    speaker_url: str
    quote: str
    date: str | None
    year: str | None = Field(description="Year it was said, else of the earliest article carrying it")
    channel: str | None
    about: list[Named]
    outlets: list[str]
    sources: list[SourceLink]


class Fact(BaseModel):
    doc: str
    type: str
    subject: str | None
    subject_url: str | None
    args: dict[str, Any]
    evidence: str
    claimed_by: str | None
    sentence: int
    start: int
    end: int
    url: str


class Article(BaseModel):
    id: str
    origin: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    dateline: str | None
    language: str | None
    body: str = Field(description="The cleaned article text")
    removed: list[str] = Field(description="Lines removed as site furniture")
    captions: list[str]
    processed_at: str
    facts: list[Fact]


class Overview(BaseModel):
    articles: int
    outlets: int
    cases: int
    exchanges: int
    statements: int


class TermUse(BaseModel):
    doc: str = Field(description="Document id")
    start: int = Field(description="Character offsets of the word in the article's cleaned text")
    end: int
    sentence_start: int = Field(description="Character offsets of the sentence it is in")
    sentence_end: int
    fact: str = Field(description="The type of the fact the word frames")
    outlet: str | None
    url: str = Field(description="The article page with the sentence highlighted")


class DistinctiveTerm(BaseModel):
    group: str = Field(description="The outlet, speaker or country")
    term: str = Field(description="The word's lemma")
    z: float = Field(description="Weighted log-odds ratio (informative Dirichlet prior) over its standard error")
    log_odds: float
    uses: int = Field(description="Uses by the group")
    elsewhere: int = Field(description="Uses by everyone else in the dossier")
    sentences: list[TermUse]
