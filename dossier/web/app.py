"""The dossier in a browser: search, case files with timelines, the exchange ledger, statements, articles.

Pages are rendered on the server with Jinja2, autoescaped: article text is untrusted
input and reaches a page only as escaped text. Every response carries a
Content-Security-Policy that allows no inline script, as a second line of defence.
The same data is served as JSON under /api/, described at /openapi.json and /docs.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..casefile import framing
from ..extract.schema import FACT_TYPES
from ..framing import GROUPINGS, over_time
from ..store import Store
from . import charts, models
from .data import Dossier, evidence_url
from .text import human_date, locate, paragraphs, terms

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
DESCRIPTION = ("Detention cases built from news articles: people, their case files, prisoner exchanges and "
               "statements, every fact with the article and the sentence it comes from. Read-only.")


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


def create_app(db: str) -> FastAPI:
    store = Store(db, create=False, read_only=True)
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

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)

    def page(request: Request, template: str, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    # ---- pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str = ""):
        data = Dossier(store)
        if q.strip():
            return page(request, "results.html", q=q, results=data.search(q))
        return page(request, "home.html", cases=data.case_list(), overview=data.overview())

    @app.get("/person/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, name: str):
        data = Dossier(store)
        person = data.person(name)
        if person is None:
            raise HTTPException(404, f"Nobody called “{name}” in this dossier.")
        rows = data.case(person["name"]) if person["has_case"] else []
        return page(request, "person.html", person=person, rows=rows, timeline=charts.timeline(rows) if rows else None,
                    said=data.statements(speaker=person["name"]), about=data.statements(about=person["name"]),
                    articles=data.articles(person["articles"]),
                    types=[t for t in charts.LABELS if any(r["event"] == t for r in rows)])

    @app.get("/exchanges", response_class=HTMLResponse, include_in_schema=False)
    def exchanges_page(request: Request):
        return page(request, "exchanges.html", exchanges=Dossier(store).exchanges())

    @app.get("/statements", response_class=HTMLResponse, include_in_schema=False)
    def statements_page(request: Request, speaker: str = "", outlet: str = "", year: str = ""):
        data = Dossier(store)
        everything = data.statements(speaker or None, outlet or None, None)
        counts: dict[str | None, int] = {}
        for row in everything:
            counts[row["year"]] = counts.get(row["year"], 0) + 1
        chart = charts.bars(counts, selected=year or None)
        if chart:
            for bar in chart["bars"]:
                bar["url"] = "/statements?" + urlencode({k: v for k, v in (
                    ("speaker", speaker), ("outlet", outlet), ("year", "" if bar["selected"] else bar["label"])) if v})
        rows = [r for r in everything if not year or (r["year"] or "undated") == year]
        return page(request, "statements.html", rows=rows, speaker=speaker, outlet=outlet, year=year, chart=chart,
                    filters=data.statement_filters())

    def framing_rows(by: str, person: str, fact_type: str) -> list[dict]:
        if by not in GROUPINGS:
            raise HTTPException(422, f"by must be one of {', '.join(GROUPINGS)}")
        data = Dossier(store)
        named = data.person(person) if person else None
        if person and named is None:
            raise HTTPException(404, f"Nobody called “{person}” in this dossier.")
        groups = framing(store, by, named["name"] if named else None, fact_type or None)
        return [{"group": group, "term": d.term, "z": d.z, "log_odds": d.log_odds, "uses": d.count,
                 "elsewhere": d.elsewhere, "years": over_time([d]),
                 "sentences": [{"doc": u.doc_id, "start": u.start, "end": u.end, "sentence_start": u.sentence_start,
                                "sentence_end": u.sentence_end, "fact": u.fact_type, "outlet": u.outlet,
                                "url": evidence_url(u.doc_id, u.sentence_start, u.sentence_end)} for u in d.uses]}
                for group, terms in groups.items() for d in terms]

    @app.get("/framing", response_class=HTMLResponse, include_in_schema=False)
    def framing_page(request: Request, by: str = "speaker", person: str = "", type: str = ""):
        rows = framing_rows(by, person, type)
        groups: dict[str, list[dict]] = {}
        for row in rows:
            groups.setdefault(row["group"], []).append(row)
        charted = []
        for group, distinctive in groups.items():
            years: dict[str | None, int] = {}
            for row in distinctive:
                for year, count in row["years"].items():
                    years[year] = years.get(year, 0) + count
            charted.append({"name": group, "terms": distinctive, "chart": charts.bars(years)})
        return page(request, "framing.html", groups=charted, by=by, person=person, fact_type=type,
                    groupings=GROUPINGS, types=list(FACT_TYPES))

    @app.get("/article/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, doc_id: str, start: str = "", end: str = "", sentence: str = "", q: str = ""):
        article = Dossier(store).article(doc_id)
        if article is None:
            raise HTTPException(404, f"No article “{doc_id}” in this dossier.")
        # A link from an older build may carry offsets that no longer fit: shown as a notice, not an error.
        offsets = (int(start), int(end)) if start.isdigit() and end.isdigit() else (None, None)
        span = locate(article["body"], *offsets, sentence)
        wanted = bool(start or sentence)
        return page(request, "article.html", article=article, span=span, missing=wanted and span is None,
                    text=paragraphs(article["body"], span, terms(q)), q=q)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        spec = app.openapi()
        return page(request, "api.html", spec=spec, endpoints=_endpoints(spec))

    # ---- JSON API

    @app.get("/api/overview", tags=["search"], response_model=models.Overview)
    def api_overview():
        """How many articles, outlets, cases, exchanges and statements the dossier holds."""
        return Dossier(store).overview()

    @app.get("/api/search", tags=["search"], response_model=models.SearchResult)
    def api_search(q: str = Query(..., description="A name in any spelling, an outlet, or words of an article")):
        """People, organisations, outlets and articles matching the query (articles: every word must occur)."""
        return Dossier(store).search(q)

    @app.get("/api/cases", tags=["cases"], response_model=list[models.CaseSummary])
    def api_cases():
        """One entry per person with a case: nationality, status and date of the latest event."""
        return Dossier(store).case_list()

    @app.get("/api/cases/{name:path}", tags=["cases"], response_model=models.Case,
             responses={404: {"description": "No person by that name"}})
    def api_case(name: str = PathParam(description="The person's name in any spelling")):
        """A person (any spelling) and their events in date order, each with its sources and conflicts."""
        data = Dossier(store)
        person = data.person(name)
        if person is None or not person["has_case"]:
            raise HTTPException(404, f"no case for {name}")
        return {"person": person, "events": data.case(person["name"])}

    @app.get("/api/exchanges", tags=["cases"], response_model=list[models.Exchange])
    def api_exchanges():
        """Each prisoner swap with its date, place, both sides and its sources."""
        return Dossier(store).exchanges()

    @app.get("/api/statements", tags=["statements"], response_model=list[models.Statement])
    def api_statements(speaker: str | None = Query(None, description="Speaker, any spelling"),
                       outlet: str | None = Query(None, description="Outlet that carried it"),
                       year: str | None = Query(None, description="Year, or 'undated'"),
                       about: str | None = Query(None, description="A person the statement is about")):
        """Who said what, when, on which channel, carried by which outlets."""
        return Dossier(store).statements(speaker, outlet, year, about)

    @app.get("/api/framing", tags=["statements"], response_model=list[models.DistinctiveTerm])
    def api_framing(by: str = Query("speaker", description="outlet, speaker or country"),
                    person: str | None = Query(None, description="Only the facts about this person, any spelling"),
                    type: str | None = Query(None, description="Only facts of this type (arrest, statement, ...)")):
        """The words for acts, people and in quotations distinctive of each outlet, speaker or country, with
        every use and its sentence."""
        return framing_rows(by, person or "", type or "")

    @app.get("/api/articles/{doc_id:path}", tags=["articles"], response_model=models.Article,
             responses={404: {"description": "No such article"}})
    def api_article(doc_id: str = PathParam(description="Document id: the file name without extension, or the JSON Lines id")):
        """An article's metadata, cleaned text, removed furniture and extracted facts with their offsets."""
        article = Dossier(store).article(doc_id)
        if article is None:
            raise HTTPException(404, f"no article {doc_id}")
        return article

    app.state.store = store
    return app
