"""The web view, driven in a real Chromium as a journalist would use it, and its JSON API."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import FIXTURES, REPO, SEEDS
from dossier.cli import app as cli
from dossier.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "tests" / "screenshots"
HOSTILE = ("Prisoner freed after appeal\nPublished: 3 May 2024\n"
           "Lawyer Nadia Karim said <script>window.__injected = 'script'</script> her client Omar Said was freed "
           "on Friday. <img src=x onerror=\"window.__injected = 'handler'\"> He had been held for two years.\n")
runner = CliRunner()


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    corpus = folder / "corpus"
    corpus.mkdir()
    if SEEDS.exists():
        for article in SEEDS.iterdir():
            shutil.copy(article, corpus)
    shutil.copy(FIXTURES / "cases" / "hrytsenko.jsonl", corpus)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.db"
    result = runner.invoke(cli, ["build", str(corpus), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def server(database):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(create_app(str(database)), host="127.0.0.1", port=port,
                                             log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
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
    yield context.new_page()
    context.close()


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed corpus is not beside the project")
def test_search_to_a_person_to_the_evidence_in_its_article(server, page):
    page.goto(server)
    page.fill("input[name=q]", "Zelesnyov")
    page.click("button[type=submit]")
    page.click(".hit.person a")
    assert page.locator("h1").inner_text() == "Roman Seleznyov"
    headlines = page.locator(".event h3").all_inner_texts()
    assert headlines[0].startswith("Transferred from Maldives to United States by abduction")
    assert any(h.startswith("Sentenced to 27 years") for h in headlines)
    assert headlines[-1].startswith("Exchanged")
    assert page.locator(".event.claimed .claim").first.inner_text().startswith("Claimed by Russian Foreign Ministry")
    assert page.locator(".timeline circle").count() == len(headlines)
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / "case-file.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"case-file screenshot: {shot}")

    source = page.locator(".event", has_text="Sentenced to 27 years").locator(".sources li", has_text="27 years")
    outlet = source.first.locator("a.source").inner_text()
    source.first.locator("a.source").click()
    evidence = page.locator("mark#evidence")
    assert evidence.is_visible() and "27 years" in evidence.inner_text()
    assert outlet in page.locator(".meta").inner_text()
    assert page.locator("aside h2", has_text="Removed as site furniture").is_visible()


def test_article_text_and_queries_cannot_run_script(server, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{server}/article/hostile")
    assert "<script>window.__injected = 'script'</script>" in page.locator(".text").inner_text()
    assert page.evaluate("window.__injected") is None
    assert page.locator("article img").count() == 0
    page.goto(f"{server}/?q=" + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert page.evaluate("window.__injected") is None and dialogs == []
    assert "<img src=x onerror=alert(1)>" in page.locator("h1").inner_text()


def test_exchange_ledger_and_statements_pages(server, page):
    page.goto(f"{server}/exchanges")
    rows = page.locator("table.ledger tbody tr").all_inner_texts()
    if SEEDS.exists():
        assert any("Brittney Griner" in r and "Viktor Bout" in r for r in rows)
        assert any("Trevor Reed" in r and "Konstantin Yaroshenko" in r for r in rows)
        page.goto(f"{server}/statements?speaker=Antonov")
        quotes = page.locator(".statement").all_inner_texts()
        assert quotes and all("Anatoly Antonov" in q for q in quotes)
        assert page.locator(".chart rect").count() >= 1


def test_json_api_is_described_and_serves_cases(database):
    client = TestClient(create_app(str(database)))
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/cases", "/api/cases/{name}", "/api/exchanges", "/api/statements",
            "/api/articles/{doc_id}"} <= set(spec["paths"])
    case = client.get("/api/cases/Gritsenko").json()
    assert case["person"] == "Oleksandr Hrytsenko"
    assert [e["event"] for e in case["events"]] == ["arrest", "release", "arrest", "sentence"]
    assert client.get("/api/cases/Nobody").status_code == 404
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_serving_beyond_loopback_needs_an_explicit_flag(database):
    result = runner.invoke(cli, ["serve", str(database), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--allow-remote" in result.output
