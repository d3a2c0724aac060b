"""The JSON API's response shapes, so that /openapi.json describes what each endpoint returns."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class SourceLink(BaseModel):
    doc: str = Field(description="Document id")
    outlet: str
    published: str | None = Field(description="ISO 8601 at its precision; X for unknown digits")
    evidence: str = Field(description="The sentence the fact was read from")
    claimed_by: str | None = Field(description="Who the article attributes the fact to, if not stated as fact")
    start: int | None = Field(description="Character offset of the evidence in the article's cleaned text")
    end: int | None
    url: str = Field(description="The article page with the evidence highlighted")


class Fine(BaseModel):
    amount: int | float | None = Field(description="The sum, in units of the currency")
    currency: str | None = Field(description="ISO 4217 code")


class Arguments(BaseModel):
    """An event's arguments, each its own field; only those of the event's type are given (null: not told)."""

    model_config = ConfigDict(populate_by_name=True, extra="allow")

    place: str | None = Field(None, description="Where it happened (where the person is held, for custody)")
    country: str | None = Field(None, description="The country it happened in, by its English short name")
    by: str | None = Field(None, description="Who acted, as a state")
    requested_by: str | None = Field(None, description="At whose request")
    charge: str | None = Field(None, description="What the person is accused or convicted of")
    court: str | None = None
    term: str | None = Field(None, description="Prison term, an ISO 8601 duration: P27Y, P18M")
    fine: Fine | None = None
    facility: str | None = Field(None, description="Prison, colony, detention centre")
    from_: str | None = Field(None, alias="from", description="The country a person was taken from")
    to: str | None = Field(None, description="The country a person was taken to")
    manner: str | None = Field(None, description="extradition, deportation, abduction, pardon, exchange, ...")
    counterpart: list[str] | None = Field(None, description="Who the other side released in the swap")
    visitor: list[str] | None = None


class Version(BaseModel):
    value: str | list[str] | Fine | None = Field(description="The argument's value, typed as in Arguments")
    text: str = Field(description="The value as a person reads it")
    outlets: list[str]


class Event(BaseModel):
    type: str = Field(description="arrest, transfer, charge, conviction, sentence, custody, visit, release, exchange")
    date: str | None = Field(description="When it happened, as the sources give it: ISO 8601 at its precision")
    when: str | None = Field(description="The date, or else the earliest date it was reported")
    headline: str = Field(description="What happened, as a sentence: \"sentenced to 27 years by ...\"")
    arguments: Arguments
    claimed: bool = Field(description="Only asserted by one party, stated by no source in its own voice")
    claimed_by: list[str]
    independent_sources: int = Field(description="Distinct stories: a wire text re-published counts once")
    outlets: list[str]
    conflicts: dict[str, list[Version]] = Field(description="Argument -> the versions the sources disagree on")
    reports: int = Field(description="Its sources, all of them: /api/cases/{name}/events/{n}/sources lists them")
    sources: list[SourceLink] = Field(description="The first 10 sources")


class Paged(BaseModel):
    total: int = Field(description="How many there are in all")
    page: int = Field(description="This page's number, from 1")
    limit: int = Field(description="How many a page holds")


class SourcePage(Paged):
    items: list[SourceLink]


class CaseSummary(BaseModel):
    person: str
    nationality: str | None
    status: str | None = Field(description="detained, convicted, released or exchanged")
    latest: str | None = Field(description="Date of the latest event")
    events: int
    articles: int = Field(description="Articles that report the case")
    independent_sources: int = Field(description="Distinct stories among them")
    url: str


class CasePage(Paged):
    items: list[CaseSummary]


class Person(BaseModel):
    name: str
    type: str = Field(description="PERSON, or ORG etc. for a speaker that is an organisation")
    aliases: list[str]
    nationality: str | None
    status: str | None
    latest: str | None
    has_case: bool
    articles: int = Field(description="Articles that name them: /api/people/{name}/articles lists them")
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


class ArticleHitPage(Paged):
    items: list[ArticleHit]


class SearchResult(BaseModel):
    query: str
    people: list[EntityHit]
    organisations: list[EntityHit]
    outlets: list[OutletHit]
    articles: ArticleHitPage = Field(description="Articles holding every word, newest first, a page of them")


class ArticleEntry(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str


class ArticlePage(Paged):
    items: list[ArticleEntry]


class Exchange(BaseModel):
    date: str | None
    place: str | None
    side_a: list[str] = Field(description="People released by one side")
    side_b: list[str] = Field(description="People released by the other side")
    side_unknown: list[str] = Field(description="Freed in the swap, side not reported")
    outlets: list[str]
    reports: int = Field(description="Reports of the swap, all of them")
    sources: list[SourceLink] = Field(description="The first 10 reports")


class ExchangePage(Paged):
    items: list[Exchange]


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
    reports: int = Field(description="Articles that carry it, all of them")
    sources: list[SourceLink] = Field(description="The first 10 articles that carry it")


class StatementPage(Paged):
    items: list[Statement]


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
    years: dict[str, int] = Field(description="Uses by the group per year of publication ('' undated)")
    sentences: list[TermUse] = Field(description="The first 20 uses, each with its sentence")


class FramingGroup(BaseModel):
    group: str
    terms: list[DistinctiveTerm] = Field(description="Best first")


class FramingPage(Paged):
    items: list[FramingGroup] = Field(description="Groups by name")
