"""The dossier in a browser: search, case files with timelines, the exchange ledger, statements, articles.

Pages are rendered on the server with Jinja2 (autoescaped: article text is untrusted
input) and served with a Content-Security-Policy that allows no inline script at all.
The same data is served as JSON under /api/, described at /openapi.json.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..store import Store
from .data import Dossier

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
TIMELINE_WIDTH, TIMELINE_MARGIN = 900, 40


def _timeline(rows: list[dict]) -> list[dict]:
    """x positions on a time axis for the case-file picture; years in between are ticks."""
    if not rows:
        return []
    days = [(y if y != 9999 else rows[-1]["position"][0]) * 372 + (m if m != 13 else 6) * 31 + (d if d != 32 else 15)
            for y, m, d in (r["position"] for r in rows)]
    low, high = min(days), max(days)
    span = max(high - low, 1)
    points = []
    for i, (row, day) in enumerate(zip(rows, days)):
        x = TIMELINE_MARGIN + (day - low) / span * (TIMELINE_WIDTH - 2 * TIMELINE_MARGIN)
        points.append({"x": round(x, 1), "y": 60 + (i % 3) * 26, "index": i, "row": row})
    return points


def create_app(db: str) -> FastAPI:
    store = Store(db, create=False, read_only=True)
    app = FastAPI(title="dossier", version=__version__,
                  description="Detention cases built from news articles, every fact with its source.")
    environment = Environment(loader=FileSystemLoader(HERE / "templates"),
                              autoescape=select_autoescape(default=True, default_for_string=True))
    templates = Jinja2Templates(env=environment)
    environment.filters["urlpart"] = lambda value: quote(str(value), safe="")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    def dossier() -> Dossier:
        return Dossier(store)

    def page(request: Request, template: str, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    # ---- pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str = ""):
        data = dossier()
        return page(request, "search.html", q=q, results=data.search(q) if q else None, cases=data.cases())

    @app.get("/person/{name}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, name: str):
        data = dossier()
        person = data.person(name)
        if person is None:
            raise HTTPException(404, f"no case for {name}")
        rows = data.case(person)
        return page(request, "person.html", person=person, rows=rows, points=_timeline(rows),
                    width=TIMELINE_WIDTH)

    @app.get("/exchanges", response_class=HTMLResponse, include_in_schema=False)
    def exchanges_page(request: Request):
        return page(request, "exchanges.html", exchanges=dossier().exchanges())

    @app.get("/statements", response_class=HTMLResponse, include_in_schema=False)
    def statements_page(request: Request, speaker: str = "", outlet: str = "", year: str = ""):
        data = dossier()
        rows = data.statements(speaker or None, outlet or None, year or None)
        bars = data.statements_by_year(rows)
        tallest = max((n for _, n in bars), default=1)
        return page(request, "statements.html", rows=rows, speaker=speaker, outlet=outlet, year=year,
                    bars=[{"label": label, "count": n, "height": round(120 * n / tallest)} for label, n in bars])

    @app.get("/article/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, doc_id: str, sentence: str = ""):
        article = dossier().article(doc_id)
        if article is None:
            raise HTTPException(404, f"no article {doc_id}")
        body = article["body"]
        start = body.find(sentence) if sentence else -1
        # The evidence sentence is cut out and marked; every part is still escaped by the template.
        parts = (body[:start], sentence, body[start + len(sentence):]) if start >= 0 else (body, "", "")
        return page(request, "article.html", article=article, before=parts[0], marked=parts[1], after=parts[2])

    # ---- JSON API

    @app.get("/api/search", tags=["search"])
    def api_search(q: str = Query(..., description="A name, an outlet or words of an article")):
        """People, organisations, outlets and articles matching the query."""
        return dossier().search(q)

    @app.get("/api/cases", tags=["cases"])
    def api_cases():
        """One entry per person with a case: status and date of the latest event."""
        return dossier().cases()

    @app.get("/api/cases/{name}", tags=["cases"])
    def api_case(name: str):
        """A person's events in date order, each with its sources and conflicts."""
        data = dossier()
        person = data.person(name)
        if person is None:
            raise HTTPException(404, f"no case for {name}")
        return {"person": person, "events": [{k: v for k, v in r.items() if k != "position"} for r in data.case(person)]}

    @app.get("/api/exchanges", tags=["cases"])
    def api_exchanges():
        """Each prisoner swap with its date, place and both sides."""
        return dossier().exchanges()

    @app.get("/api/statements", tags=["statements"])
    def api_statements(speaker: str | None = None, outlet: str | None = None, year: str | None = None):
        """Who said what, when, on which channel, carried by which outlets."""
        return dossier().statements(speaker, outlet, year)

    @app.get("/api/articles/{doc_id}", tags=["articles"])
    def api_article(doc_id: str):
        """An article's metadata, cleaned body, removed furniture and extracted facts."""
        article = dossier().article(doc_id)
        if article is None:
            raise HTTPException(404, f"no article {doc_id}")
        return {k: (str(v) if k == "processed_at" else v) for k, v in article.items() if k != "raw"}

    return app
