"""The web view, driven in Debian's Chromium as a journalist would use it, and its JSON API.

Most tests run on a dossier of invented articles whose facts are written straight into
the tables (tests/fixtures/web/corpus.json), so what the pages must show is known
exactly. One test builds the seed corpus and photographs a real case file.
"""
from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from conftest import FIXTURES, REPO, SEEDS
from dossier.cli import app as cli
from dossier.store.schema import documents
from dossier.web.app import create_app
from dossier.web.charts import timeline
from dossier.web.text import human_date
from dossiers import write_dossier

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "tests" / "screenshots"
CORPUS = FIXTURES / "web" / "corpus.json"
runner = CliRunner()


# ---- a dossier of invented articles (tests/fixtures/web/corpus.json)

def build_fixture_dossier(path: Path) -> Path:
    return write_dossier(path, json.loads(CORPUS.read_text(encoding="utf-8")))


def _evidence(doc_id: str, start: int) -> str:
    spec = json.loads(CORPUS.read_text(encoding="utf-8"))
    return next(f["evidence"] for d in spec["documents"] if d["id"] == doc_id for f in d["facts"]
                if "\n".join(d["body"]).index(f["evidence"]) == start)


@contextmanager
def serving(db: Path):
    """The app on a free loopback port, in a thread, for as long as the block runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the web server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def dossier_db(tmp_path_factory) -> Path:
    return build_fixture_dossier(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def site(dossier_db):
    with serving(dossier_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


# ---- in the browser

def test_search_to_a_person_to_the_evidence_in_its_article(site, page):
    page.goto(site)
    row = page.locator("table.cases tr", has_text="Marek Novak")
    assert "Czech" in row.inner_text() and row.locator(".status").inner_text() == "exchanged"

    page.fill("input[name=q]", "novak")
    page.click("header button[type=submit]")
    assert page.locator("h1").inner_text() == "Results for “novak”"
    assert "Czech reporter detained in Baku" in page.locator(".hit.article").first.inner_text() or \
        page.locator(".hit.article", has_text="Czech reporter detained in Baku").count() == 1
    page.locator(".hit.person a", has_text="Marek Novak").click()

    assert page.locator("h1").inner_text() == "Marek Novak"
    assert "exchanged" in page.locator(".facts-line").inner_text()
    kinds = page.locator(".event .type").all_inner_texts()
    assert [k.lower() for k in kinds] == ["arrested", "transferred", "charged", "sentenced", "held", "visited",
                                         "exchanged"]
    headlines = page.locator(".event h3").all_inner_texts()
    assert headlines[0].startswith("Arrested at the request of Turkey in Baku")
    assert headlines[3].startswith("Sentenced to 6 years for espionage")
    # The timeline: one mark per event, the claimed one hollow, the two disputed ones flagged.
    assert page.locator(".timeline circle.dot").count() == 7
    assert page.locator(".timeline circle.dot.claimed").count() == 1
    assert page.locator(".timeline .conflict-badge").count() == 2
    assert page.locator(".timeline .tick").all_text_contents()[:3] == ["2021", "2022", "2023"]
    held = page.locator(".event", has_text="Silivri prison").filter(has=page.locator(".claim"))
    assert held.locator(".claim").inner_text().startswith("Claimed by Czech Foreign Ministry")
    arrest = page.locator(".event").first
    disagreement = arrest.locator(".conflicts").inner_text()
    assert "14 Mar 2021 (Harbour Wire)" in disagreement and "12 Mar 2021 (Daily Ledger)" in disagreement
    assert "2 independent sources" in arrest.inner_text()
    sentence = page.locator(".event").nth(3).locator(".conflicts").inner_text()
    assert "6 years (Courtwatch)" in sentence and "5 years (Prague Courier)" in sentence

    # A source opens its article with the evidence sentence highlighted and in view.
    arrest.locator("a.source", has_text="Daily Ledger").click()
    assert page.locator(".kicker").inner_text() == "DAILY LEDGER"
    evidence = page.locator("mark#evidence")
    assert evidence.inner_text() == ("Marek Novak, a Czech reporter, was detained in Baku on 12 March, "
                                     "his editor told the Daily Ledger.")
    assert evidence.is_visible() and evidence.evaluate("e => e.getBoundingClientRect().top < window.innerHeight")
    assert page.locator("aside .removed").all_inner_texts() == ["Most read", "Sign up for our newsletter"]
    assert "Marek Novak" in page.locator("aside .fact.current").inner_text()


def test_injected_markup_is_shown_as_text_and_never_runs(site, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = ["/article/hostile", "/person/Omar%20Said", "/statements?speaker=Nadia%20Karim", "/?q=Omar",
             "/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E", "/"]
    for path in pages:
        page.goto(site + path)
        page.locator("main").hover()  # would fire an injected mouseover handler
        assert page.evaluate("window.__injected") is None, path
        assert page.locator("script").count() == 0, path  # the pages carry no script at all
        assert page.locator("[onerror], [onload], [onmouseover]").count() == 0, path
        assert page.locator("main img, main svg [onload]").count() == 0, path
    assert dialogs == []

    page.goto(site + "/article/hostile")
    assert "Prisoner freed <script>window.__injected='title'</script>" == page.locator("h1").inner_text()
    text = page.locator(".text").inner_text()
    assert "<script>window.__injected = 'script'</script>" in text and "onerror=" in text
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("aside .removed").first.inner_text().startswith("<img src=x onerror=")
    page.goto(site + "/person/Omar%20Said")
    assert "<script>window.__injected = 'script'</script>" in page.locator(".sources").inner_text()
    page.goto(site + "/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert page.locator("h1").inner_text() == "Results for “<img src=x onerror=alert(1)>”"

    # Escaped by the templates, not only blocked by the Content-Security-Policy.
    html = httpx.get(site + "/article/hostile").text
    assert "&lt;script&gt;window.__injected = &#39;script&#39;&lt;/script&gt;" in html
    assert "<script" not in html and "<img" not in html and "<b>" not in html


def test_statements_filtered_and_charted_and_the_exchange_ledger(site, page):
    page.goto(site + "/statements")
    assert page.locator("blockquote.statement").count() == 5
    page.fill("input[name=speaker]", "Petra Sykora")
    page.click("form.filters button")
    quotes = page.locator("blockquote.statement")
    assert quotes.count() == 3 and all("Petra Sykora" in q for q in quotes.all_inner_texts())
    bars = page.locator(".chart .bar-link")
    assert [b.text_content().split(":")[0].strip() for b in bars.all()] == ["2021", "2022", "2023"]
    page.locator(".chart .bar-link", has_text="2022").click()
    assert page.locator("select[name=year]").input_value() == "2022"
    [quote] = page.locator("blockquote.statement").all_inner_texts()
    assert "This verdict is a travesty and we will appeal" in quote and "Courtwatch" in quote
    page.select_option("select[name=year]", "")
    page.select_option("select[name=outlet]", "Harbour Wire")
    page.click("form.filters button")
    assert len(page.locator("blockquote.statement").all_inner_texts()) == 2

    page.goto(site + "/exchanges")
    swap = page.locator("article.swap")
    assert swap.count() == 1
    assert swap.locator(".swap-date").inner_text() == "1 Aug 2023"
    assert sorted(swap.locator(".side a.person").all_inner_texts()) == ["Emre Aksoy", "Marek Novak"]
    swap.locator("summary").click()
    swap.locator("a.source").first.click()
    assert "in exchange for Turkish businessman Emre Aksoy" in page.locator("mark#evidence").inner_text()


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed corpus is not beside the project")
def test_a_seed_case_file_in_the_browser(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    corpus = folder / "corpus"
    shutil.copytree(SEEDS, corpus)
    db = folder / "seeds.db"
    result = runner.invoke(cli, ["build", str(corpus), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    with serving(db) as url:
        cases = httpx.get(url + "/api/cases").json()["items"]
        if not cases:
            pytest.skip("the seed build produced no case")
        chosen = max(cases, key=lambda c: (c["events"], c["independent_sources"]))
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            page.goto(url)
            page.locator("table.cases a.person", has_text=chosen["person"]).click()
            assert page.locator("h1").inner_text() == chosen["person"]
            events = page.locator("ol.events > li")
            assert events.count() == chosen["events"] == page.locator(".timeline circle.dot").count()
            assert all(e.locator("a.source").count() >= 1 for e in events.all())
            SCREENSHOTS.mkdir(exist_ok=True)
            shot = SCREENSHOTS / "case-file.png"
            page.screenshot(path=str(shot), full_page=True)
            print(f"\ncase-file screenshot: {shot}")

            source = events.first.locator(".sources li").first
            quoted = source.locator("q.evidence").inner_text()
            source.locator("a.source").click()
            assert page.locator("mark#evidence").inner_text().split() == quoted.split()
        finally:
            context.close()


def test_framing_page_shows_a_speakers_words_and_opens_their_sentences(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("framing")
    corpus = folder / "corpus"
    shutil.copytree(SEEDS, corpus)
    db = folder / "seeds.db"
    assert runner.invoke(cli, ["build", str(corpus), "--db", str(db), "--quiet"]).exit_code == 0
    with serving(db) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            page.goto(url + "/")
            page.locator("nav a", has_text="Framing").click()
            page.locator("select[name=by]").select_option("speaker")
            page.locator("form.filters button").click()
            group = page.locator("section.framing-group", has=page.locator("h2", has_text="Anatoly Antonov"))
            row = group.locator("tr", has=page.locator("td.term", has_text="hunt"))
            assert row.count() == 1
            uses = int(row.locator("td").nth(2).inner_text())
            assert row.locator("a.use").count() == uses
            assert group.locator("figure.chart svg rect.bar").count() >= 1
            row.locator("a.use").first.click()
            assert "hunt" in page.locator("mark#evidence").inner_text().casefold()
        finally:
            context.close()


def test_a_long_case_list_is_read_page_by_page(browser, tmp_path):
    names = [f"{given} {surname}" for surname in ("Aalto", "Berger", "Costa", "Dumas", "Eklund", "Faber")
             for given in ("Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivo", "Jo", "Kai", "Lu", "Max", "Ned",
                           "Ola", "Pia", "Quin", "Rex", "Sol", "Tom")]
    spec = {"documents": [{"id": f"held-{i}", "outlet": "Harbour Wire", "published": "2022-05-01", "title": name,
                           "body": [f"{name} was detained in Oslo, police said."],
                           "entities": [{"name": name, "type": "PERSON"}],
                           "facts": [{"type": "arrest", "subject": name, "args": {"place": "Oslo"},
                                      "evidence": f"{name} was detained in Oslo, police said."}]}
                          for i, name in enumerate(names)]}
    with serving(write_dossier(tmp_path / "long.db", spec)) as url:
        page = browser.new_page()
        try:
            page.goto(url)
            first = page.locator("table.cases a.person").all_inner_texts()
            assert len(first) == 100 and first == sorted(first)
            page.locator("nav.more a[rel=next]").click()
            rest = page.locator("table.cases a.person").all_inner_texts()
            assert len(rest) == 20 and sorted(first + rest) == sorted(names) and first[-1] < rest[0]
            assert page.locator("nav.more").inner_text().count("page 2 of 2") == 1
            page.locator("nav.more a[rel=prev]").click()
            assert page.locator("table.cases a.person").all_inner_texts() == first
        finally:
            page.close()


# ---- over HTTP, without a browser

def test_timeline_puts_events_on_a_time_axis_and_the_yearless_apart():
    def row(event, date, when=None, claimed=False):
        return {"type": event, "date": date, "when": when or date, "claimed": claimed, "conflicts": {},
                "headline": event}

    rows = [row("arrest", "2019-02-10"), row("charge", "2019-02"), row("sentence", "2021-11-30", claimed=True),
            row("custody", None, "XXXX-05-02"), row("visit", "XXXX-05-01")]
    drawn = timeline(rows)
    x = {m["index"]: m["x"] for m in drawn["markers"]}
    assert x[0] < x[1] < x[2] < drawn["zone"]["x0"] < x[3] and x[4] > drawn["zone"]["x0"]
    assert [t["label"] for t in drawn["ticks"]][:3] == ["2019", "2020", "2021"]
    assert [m["sub"] for m in drawn["markers"]][:3] == ["10 Feb 2019", "Feb 2019", "30 Nov 2021"]
    # Labels of one lane never overlap.
    for a in drawn["markers"]:
        for b in drawn["markers"]:
            if a is not b and a["lane"] == b["lane"]:
                assert abs(a["x"] - b["x"]) > 60
    assert human_date("XXXX-05-01") == "1 May, year unknown" and human_date("2016") == "2016"


def test_json_api_is_described_and_serves_what_the_pages_show(site):
    spec = httpx.get(site + "/openapi.json").json()
    assert {"/api/search", "/api/cases", "/api/cases/{name}", "/api/exchanges", "/api/statements",
            "/api/articles/{doc_id}", "/api/overview"} <= set(spec["paths"])
    assert "Event" in spec["components"]["schemas"] and "SourceLink" in spec["components"]["schemas"]

    case = httpx.get(site + "/api/cases/novak").json()
    assert case["person"]["name"] == "Marek Novak" and case["person"]["status"] == "exchanged"
    assert [e["type"] for e in case["events"]] == ["arrest", "transfer", "charge", "sentence", "custody", "visit",
                                                  "exchange"]
    arrest = case["events"][0]
    assert sorted((v["value"], v["outlets"]) for v in arrest["conflicts"]["date"]) == [
        ("2021-03-12", ["Daily Ledger"]), ("2021-03-14", ["Harbour Wire"])]
    for source in arrest["sources"]:
        assert _evidence(source["doc"], source["start"]) == source["evidence"]
        article = httpx.get(f"{site}/api/articles/{source['doc']}").json()
        assert article["body"][source["start"]:source["end"]] == source["evidence"]
    assert httpx.get(site + "/api/cases/Nobody%20Atall").status_code == 404

    found = httpx.get(site + "/api/search", params={"q": "Baku pipeline"}).json()
    assert [a["id"] for a in found["articles"]["items"]] == ["harbour-wire-novak-arrest"]
    assert ("Baku", "hit") in [tuple(p) for p in found["articles"]["items"][0]["snippet"]]
    assert httpx.get(site + "/api/search", params={"q": "100%_"}).json()["articles"]["items"] == []
    said = httpx.get(site + "/api/statements", params={"speaker": "Sykora", "year": "2023"}).json()["items"]
    assert [s["quote"] for s in said] == ["Marek is home, and we thank our Austrian friends."]
    [swap] = httpx.get(site + "/api/exchanges").json()["items"]
    assert {tuple(swap["side_a"]), tuple(swap["side_b"])} == {("Emre Aksoy",), ("Marek Novak",)}


def test_pages_answer_people_and_machines_properly(site):
    docs = httpx.get(site + "/docs")
    assert docs.status_code == 200 and "/api/cases/{name}" in docs.text and "<script" not in docs.text
    missing = httpx.get(site + "/person/Nobody%20Atall")
    assert missing.status_code == 404 and "Nobody called “Nobody Atall”" in missing.text
    assert httpx.get(site + "/api/articles/nothing").json() == {"detail": "no article nothing"}
    stale = httpx.get(site + "/article/daily-ledger-novak", params={"start": 5000, "end": 5010})
    assert stale.status_code == 200 and "no longer in this article" in stale.text
    garbled = httpx.get(site + "/article/daily-ledger-novak", params={"start": "abc", "end": "1"})
    assert garbled.status_code == 200 and "<mark" not in garbled.text
    headers = httpx.get(site + "/").headers
    assert "script-src 'self'" in headers["content-security-policy"] and headers["x-content-type-options"] == "nosniff"
    # A speaker that is an organisation has a page too, with what it said.
    ministry = httpx.get(site + "/person/Czech%20Foreign%20Ministry").text
    assert "organisation" in ministry and "No detention case" in ministry


def test_the_database_is_opened_read_only(dossier_db):
    app = create_app(str(dossier_db))
    with pytest.raises(OperationalError, match="readonly"), app.state.store.engine.begin() as conn:
        conn.execute(documents.delete())
    app.state.store.close()


def test_serving_beyond_loopback_needs_an_explicit_flag(dossier_db, monkeypatch):
    result = runner.invoke(cli, ["serve", "--db", str(dossier_db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--allow-remote" in result.output
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(options))
    result = runner.invoke(cli, ["serve", "--db", str(dossier_db), "--host", "0.0.0.0", "--allow-remote", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert started["host"] == "0.0.0.0" and started["port"] == 8123
    assert runner.invoke(cli, ["serve", "--db", str(dossier_db.parent / "absent.db")]).exit_code == 2
