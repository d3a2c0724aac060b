"""The dossier in a browser: search, case files with timelines, the exchange ledger, statements, articles.

Pages are rendered on the server with Jinja2, autoescaped: article text is untrusted
input and reaches a page only as escaped text. Every response carries a
Content-Security-Policy that allows no inline script, as a second line of defence.
The same data is served as JSON under /api/, described at /openapi.json and /docs.
"""
from __future__ import annotations

import os
import socket
import time
from contextvars import ContextVar
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from .. import __version__
from ..extract.schema import FACT_TYPES
from ..framing import GROUPINGS
from ..store import Store, listings, migrate, search
from . import charts, models
from .cache import ResponseCache
from .data import Dossier, Window
from .text import human_date, locate, paragraphs

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
DESCRIPTION = ("Detention cases built from news articles: people, their case files, prisoner exchanges and "
               "statements, every fact with the article and the sentence it comes from. Read-only. Listings "
               "come a page at a time: page (from 1) and limit (at most 500) choose which.")
REQUEST_TIMEOUT = 15.0  # seconds a request may read the database; then it is answered 503
CACHE = 1000  # answers each server process keeps to give again (dossier/web/cache.py)
MAX_LIMIT = 500
PAGE_SIZE = {"cases": 100, "statements": 50, "exchanges": 20, "results": 20, "articles": 20, "framing": 10,
             "sources": 50}
_deadline: ContextVar[float | None] = ContextVar("deadline", default=None)


def _guard(store: Store, timeout: float) -> None:
    """Each read bounded in time (the store opens either database read-only). SQLite stops a query past the
    request's deadline; a PostgreSQL session has a statement timeout."""
    if store.engine.dialect.name == "postgresql":
        @event.listens_for(store.engine, "connect")
        def _bounded_statements(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute(f"SET statement_timeout = {int(timeout * 1000)}")
            cursor.close()
            dbapi_connection.commit()  # a session setting, kept; the connection leaves no transaction open
    elif store.engine.dialect.name == "sqlite":
        def past_deadline() -> int:
            deadline = _deadline.get()
            return int(deadline is not None and time.monotonic() > deadline)

        @event.listens_for(store.engine, "connect")
        def _bounded(dbapi_connection, _record):
            dbapi_connection.set_progress_handler(past_deadline, 1000)  # every thousand steps of a query
            # Pages of the file read straight from the system's cache, not copied into each connection's.
            dbapi_connection.execute("PRAGMA mmap_size = 4294967296")


class _Guarded:
    """Every response with the security headers, the database reads of every request bounded in time."""

    def __init__(self, app, timeout: float):
        self.app, self.timeout = app, timeout

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        _deadline.set(time.monotonic() + self.timeout)  # the reads of this request stop past it

        async def secured(message):
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, secured)


def _window(page: int, limit: int | None, kind: str) -> Window:
    return Window(page, limit or PAGE_SIZE[kind])


def _page_number(value: str) -> int:
    """A page's number from a link: anything but a number from 1 is the first page."""
    return min(int(value), 1_000_000) if value.isdigit() and int(value) > 0 else 1


def _more(path: str, params: dict, listing: dict) -> dict:
    """The links to the previous and the next page of a listing shown on a page."""
    def link(page: int) -> str:
        return path + "?" + urlencode({**{k: v for k, v in params.items() if v}, "page": page})

    last = max(1, -(-listing["total"] // listing["limit"]))
    return {"page": listing["page"], "pages": last, "total": listing["total"],
            "previous": link(listing["page"] - 1) if listing["page"] > 1 else None,
            "next": link(listing["page"] + 1) if listing["page"] < last else None}


def _safe_href(url: str | None) -> str | None:
    """An article's own address, only when it is a web address (never javascript: or data:)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _endpoints(spec: dict) -> list[dict]:
    """The API reference page's rows: each operation with its parameters and what it returns."""
    rows = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            schema = op.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {}).get(
                "schema", {})
            many = schema.get("type") == "array"
            ref = (schema.get("items", {}) if many else schema).get("$ref", "")
            name = ref.rsplit("/", 1)[-1]
            rows.append({"path": path, "method": method.upper(), "summary": op.get("description") or op.get("summary"),
                         "parameters": op.get("parameters", []), "returns": f"list of {name}" if many else name,
                         "schema": spec.get("components", {}).get("schemas", {}).get(name, {}),
                         "try": "{" not in path and not any(p.get("required") for p in op.get("parameters", []))})
    return rows


def create_app(db: str, timeout: float = REQUEST_TIMEOUT, cache: int = CACHE) -> FastAPI:
    store = Store(db, create=False, read_only=True)
    _guard(store, timeout)
    store.engine.dispose()  # the connection opening the store made has no guard: every one from here has
    if migrate.current(store.engine) != migrate.head():
        store.close()
        raise ValueError(f"{db} was built by an earlier release of dossier; `dossier build CORPUS --db {db}` "
                         "brings it up to date")
    app = FastAPI(title="dossier", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None)  # the stock docs load script from a CDN; ours is server-rendered
    environment = Environment(loader=FileSystemLoader(HERE / "templates"),
                              autoescape=select_autoescape(default=True, default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True)
    environment.filters["urlpart"] = lambda value: quote(str(value), safe="")
    environment.filters["human_date"] = human_date
    environment.filters["safe_href"] = _safe_href
    environment.globals["labels"] = charts.LABELS
    templates = Jinja2Templates(env=environment)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def generation() -> int:
        with store.engine.connect() as conn:
            return listings.generation(conn)

    app.add_middleware(ResponseCache, size=cache, generation=generation)
    app.add_middleware(_Guarded, timeout=timeout)  # outside the cache: a kept answer gets the headers too

    def error(request: Request, status: int, detail: str):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": detail}, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"status": status, "detail": detail},
                                          status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException):
        return error(request, exc.status_code, exc.detail)

    @app.exception_handler(OperationalError)
    async def too_long(request: Request, exc: OperationalError):
        if "interrupted" in str(exc) or "statement timeout" in str(exc):
            return error(request, 503, f"This took longer than {timeout:g} seconds; try a narrower request.")
        raise exc

    def page_of(request: Request, template: str, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    # ---- pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str = "", page: str = ""):
        number = _page_number(page)
        with Dossier.reading(store) as data:
            if q.strip():
                results = data.search(q, _window(number, None, "results"))
                return page_of(request, "results.html", q=q, results=results,
                               more=_more("/", {"q": q}, results["articles"]))
            cases = data.case_list(_window(number, None, "cases"))
            return page_of(request, "home.html", cases=cases["items"], overview=data.overview(),
                           more=_more("/", {}, cases))

    # Before /person/{name}, which would take the whole path for a name.
    @app.get("/person/{name:path}/events/{seq}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, name: str, seq: str, page: str = ""):
        with Dossier.reading(store) as data:
            event, listing = data.event_sources(name, int(seq), _window(_page_number(page), None, "sources")) \
                if seq.isdigit() else (None, {})
        if event is None:
            raise HTTPException(404, f"No event {seq} in a case of “{name}”.")
        return page_of(request, "event.html", person=name, event=event, sources=listing["items"],
                       more=_more(f"/person/{quote(name, safe='')}/events/{seq}", {}, listing))

    @app.get("/person/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, name: str, page: str = ""):
        with Dossier.reading(store) as data:
            person = data.person(name)
            if person is None:
                raise HTTPException(404, f"Nobody called “{name}” in this dossier.")
            rows = data.case(person["name"]) if person["has_case"] else []
            first = Window(1, 5)
            articles = data.articles_naming(person["entity"], _window(_page_number(page), None, "articles"))
            return page_of(request, "person.html", person=person, rows=rows,
                           timeline=charts.timeline(rows) if rows else None,
                           said=data.statements(first, speaker=person["name"]),
                           about=data.statements(first, about=person["name"]), articles=articles,
                           more=_more(f"/person/{quote(person['name'], safe='')}", {}, articles),
                           types=[t for t in charts.LABELS if any(r["type"] == t for r in rows)])

    @app.get("/exchanges", response_class=HTMLResponse, include_in_schema=False)
    def exchanges_page(request: Request, page: str = ""):
        with Dossier.reading(store) as data:
            listing = data.exchanges(_window(_page_number(page), None, "exchanges"))
        return page_of(request, "exchanges.html", exchanges=listing["items"], more=_more("/exchanges", {}, listing))

    @app.get("/statements", response_class=HTMLResponse, include_in_schema=False)
    def statements_page(request: Request, speaker: str = "", outlet: str = "", year: str = "", about: str = "",
                        page: str = ""):
        with Dossier.reading(store) as data:
            chart = charts.bars(data.statement_years(speaker or None, outlet or None), selected=year or None)
            if chart:
                for bar in chart["bars"]:
                    bar["url"] = "/statements?" + urlencode({k: v for k, v in (
                        ("speaker", speaker), ("outlet", outlet), ("about", about),
                        ("year", "" if bar["selected"] else bar["label"])) if v})
            listing = data.statements(_window(_page_number(page), None, "statements"), speaker, outlet, year, about)
            filters = data.statement_filters()
        return page_of(request, "statements.html", rows=listing["items"], total=listing["total"], speaker=speaker,
                       outlet=outlet, year=year, about=about, chart=chart, filters=filters,
                       more=_more("/statements", {"speaker": speaker, "outlet": outlet, "year": year,
                                                  "about": about}, listing))

    def framing_groups(by: str, person: str, fact_type: str, window: Window) -> dict:
        if by not in GROUPINGS:
            raise HTTPException(422, f"by must be one of {', '.join(GROUPINGS)}")
        with Dossier.reading(store) as data:
            named = data.person(person) if person else None
            if person and named is None:
                raise HTTPException(404, f"Nobody called “{person}” in this dossier.")
            return data.framing(by, named, fact_type or None, window)

    @app.get("/framing", response_class=HTMLResponse, include_in_schema=False)
    def framing_page(request: Request, by: str = "speaker", person: str = "", type: str = "", page: str = ""):
        listing = framing_groups(by, person, type, _window(_page_number(page), None, "framing"))
        charted = []
        for group in listing["items"]:
            years: dict[str | None, int] = {}
            for term in group["terms"]:
                for year, count in term["years"].items():
                    years[year or None] = years.get(year or None, 0) + count
            charted.append({"name": group["group"], "terms": group["terms"], "chart": charts.bars(years)})
        return page_of(request, "framing.html", groups=charted, by=by, person=person, fact_type=type,
                       groupings=GROUPINGS, types=list(FACT_TYPES),
                       more=_more("/framing", {"by": by, "person": person, "type": type}, listing))

    @app.get("/article/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, doc_id: str, start: str = "", end: str = "", sentence: str = "", q: str = ""):
        with Dossier.reading(store) as data:
            article = data.article(doc_id)
        if article is None:
            raise HTTPException(404, f"No article “{doc_id}” in this dossier.")
        # A link from an older build may carry offsets that no longer fit: shown as a notice, not an error.
        offsets = (int(start), int(end)) if start.isdigit() and end.isdigit() else (None, None)
        span = locate(article["body"], *offsets, sentence)
        wanted = bool(start or sentence)
        return page_of(request, "article.html", article=article, span=span, missing=wanted and span is None,
                       text=paragraphs(article["body"], span, search.query_words(q)), q=q)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        spec = app.openapi()
        return page_of(request, "api.html", spec=spec, endpoints=_endpoints(spec))

    # ---- JSON API

    page_number = Query(1, ge=1, le=1_000_000, description="Which page, from 1")

    def page_size(kind: str):
        return Query(PAGE_SIZE[kind], ge=1, le=MAX_LIMIT, description="How many a page holds")

    @app.get("/api/overview", tags=["search"], response_model=models.Overview)
    def api_overview():
        """How many articles, outlets, cases, exchanges and statements the dossier holds."""
        with Dossier.reading(store) as data:
            return data.overview()

    @app.get("/api/search", tags=["search"], response_model=models.SearchResult)
    def api_search(q: str = Query(..., description="A name in any spelling, an outlet, or words of an article"),
                   page: int = page_number, limit: int = page_size("results")):
        """People, organisations and outlets matching the query, and the articles holding every word of it
        (in any case, with or without accents), newest first."""
        with Dossier.reading(store) as data:
            return data.search(q, Window(page, limit))

    @app.get("/api/cases", tags=["cases"], response_model=models.CasePage)
    def api_cases(page: int = page_number, limit: int = page_size("cases")):
        """One entry per person with a case, by name: nationality, status and date of the latest event."""
        with Dossier.reading(store) as data:
            return data.case_list(Window(page, limit))

    # Before /api/cases/{name}, which would take the whole path for a name.
    @app.get("/api/cases/{name:path}/events/{seq}/sources", tags=["cases"], response_model=models.SourcePage,
             responses={404: {"description": "No such case or event"}})
    def api_event_sources(name: str = PathParam(description="The person's name in any spelling"),
                          seq: int = PathParam(description="The event's place in the case's events, from 0"),
                          page: int = page_number, limit: int = page_size("sources")):
        """Every source of one event of a case, in order: the article, its outlet, the evidence sentence."""
        with Dossier.reading(store) as data:
            person = data.person(name)
            event, listing = data.event_sources(person["name"], seq, Window(page, limit)) if person else (None, {})
        if event is None:
            raise HTTPException(404, f"no event {seq} in a case of {name}")
        return listing

    @app.get("/api/cases/{name:path}", tags=["cases"], response_model=models.Case, response_model_exclude_unset=True,
             responses={404: {"description": "No person by that name"}})
    def api_case(name: str = PathParam(description="The person's name in any spelling")):
        """A person (any spelling) and their events in date order: each with its type, date and arguments
        (a term as an ISO 8601 duration, a fine as amount and currency), its sources with the evidence
        sentence, and the versions its sources disagree on."""
        with Dossier.reading(store) as data:
            person = data.person(name)
            if person is None or not person["has_case"]:
                raise HTTPException(404, f"no case for {name}")
            return {"person": person, "events": data.case(person["name"])}

    @app.get("/api/people/{name:path}/articles", tags=["cases"], response_model=models.ArticlePage,
             responses={404: {"description": "No one by that name"}})
    def api_person_articles(name: str = PathParam(description="A person or organisation, any spelling"),
                            page: int = page_number, limit: int = page_size("articles")):
        """The articles that name someone, newest first."""
        with Dossier.reading(store) as data:
            person = data.person(name)
            if person is None:
                raise HTTPException(404, f"nobody called {name}")
            return data.articles_naming(person["entity"], Window(page, limit))

    @app.get("/api/exchanges", tags=["cases"], response_model=models.ExchangePage)
    def api_exchanges(page: int = page_number, limit: int = page_size("exchanges")):
        """Each prisoner swap with its date, place, both sides and its sources, by date."""
        with Dossier.reading(store) as data:
            return data.exchanges(Window(page, limit))

    @app.get("/api/statements", tags=["statements"], response_model=models.StatementPage)
    def api_statements(speaker: str | None = Query(None, description="Speaker, any spelling"),
                       outlet: str | None = Query(None, description="Outlet that carried it"),
                       year: str | None = Query(None, description="Year, or 'undated'"),
                       about: str | None = Query(None, description="A person the statement is about"),
                       page: int = page_number, limit: int = page_size("statements")):
        """Who said what, when, on which channel, carried by which outlets; by year."""
        with Dossier.reading(store) as data:
            return data.statements(Window(page, limit), speaker, outlet, year, about)

    @app.get("/api/framing", tags=["statements"], response_model=models.FramingPage)
    def api_framing(by: str = Query("speaker", description="outlet, speaker or country"),
                    person: str | None = Query(None, description="Only the facts about this person, any spelling"),
                    type: str | None = Query(None, description="Only facts of this type (arrest, statement, ...)"),
                    page: int = page_number, limit: int = page_size("framing")):
        """The words for acts, people and in quotations distinctive of each outlet, speaker or country, with
        their first uses and their sentences; groups by name, a page of them."""
        return framing_groups(by, person or "", type or "", Window(page, limit))

    @app.get("/api/articles/{doc_id:path}", tags=["articles"], response_model=models.Article,
             responses={404: {"description": "No such article"}})
    def api_article(doc_id: str = PathParam(description="Document id: the file name without extension, or the JSON Lines id")):
        """An article's metadata, cleaned text, removed furniture and extracted facts with their offsets."""
        with Dossier.reading(store) as data:
            article = data.article(doc_id)
        if article is None:
            raise HTTPException(404, f"no article {doc_id}")
        return article

    app.state.store = store
    return app


def app_from_environment() -> FastAPI:
    """The app for each worker process of `dossier serve --workers N`, which finds its database in the
    environment."""
    return create_app(os.environ["DOSSIER_DB"], float(os.environ.get("DOSSIER_TIMEOUT", REQUEST_TIMEOUT)),
                      int(os.environ.get("DOSSIER_CACHE", CACHE)))


class ImmediateHTTP(AutoHTTPProtocol):
    """uvicorn's HTTP with each response sent at once. The socket uvicorn binds for several workers is not
    marked as TCP, so asyncio leaves Nagle's algorithm on and the end of a response waits for the client's
    delayed acknowledgement, some 40 ms."""

    def connection_made(self, transport):
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
