"""A dossier too large to show at once: listings a page at a time in a stable order, full-text search that
takes any query as data, typed case events alike in the API and on the command line, views that name things
for SQL users, and listings kept up to date with the articles. On SQLite, and on PostgreSQL where the
postgres_db fixture can start a server."""
from __future__ import annotations

import json
import os
import sqlite3

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from conftest import FIXTURES
from dossier.casefile import assemble_cases
from dossier.cli import app as cli
from dossier.listings import refresh
from dossier.store import Store
from dossier.web.app import create_app
from dossiers import add_documents, write_dossier

runner = CliRunner()
GIVEN = ["Alma", "Boris", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kaya", "Lena",
         "Milan"]
PEOPLE = [f"{g} {s}" for s in ["Abbott", "Brandt", "Castellano", "Dufresne", "Eriksen", "Fontaine", "Gallagher",
                               "Holmqvist", "Ivanescu", "Jansson"] for g in GIVEN]  # 130
LAWYERS = [f"{g} {s}" for s in ["Kowalczyk", "Lindgren", "Moreau", "Novotny", "Okafor", "Pellegrini", "Quarshie",
                                "Rautio", "Sandoval", "Takahashi"] for g in GIVEN]
OUTLETS = ["Harbour Wire", "Daily Ledger", "Courtwatch"]
HOSTILE = ["%", "_", '"', "'", '"unclosed', "NEAR(", "NEAR(a b", "*", "a*", "-x", "^x", "OR AND NOT", "x:y",
           "body:vienna", "'; DROP TABLE documents; --", "\\", "%%%_%", "\x00", "<script>", "x" * 5000,
           "vienna " * 800]


def _arrest(i: int) -> dict:
    """One article: a person arrested in Vienna, their lawyer's statement about them."""
    person, lawyer = PEOPLE[i], LAWYERS[i]
    arrest = f"{person} was arrested in Vienna on {1 + i % 28} March 2020, police said."
    said = f'"My client is innocent of every charge number {i}," said {lawyer}.'
    return {"id": f"arrest-{i:03d}", "outlet": OUTLETS[i % 3], "published": f"{2019 + i % 3}-04-{1 + i % 28:02d}",
            "title": f"{person} held in Vienna", "body": [arrest, said],
            "entities": [{"name": person, "type": "PERSON"}, {"name": lawyer, "type": "PERSON"}],
            "facts": [{"type": "arrest", "subject": person, "evidence": arrest,
                       "args": {"date": f"2020-03-{1 + i % 28:02d}", "place": "Vienna", "country": "Austria"}},
                      {"type": "statement", "subject": lawyer, "evidence": said,
                       "args": {"quote": f"My client is innocent of every charge number {i}",
                                "about": [{"entity": person}]}}]}


ACCENTS = {"id": "cafe-zoe", "outlet": "Harbour Wire", "published": "2023-01-05", "title": "A café in Graz",
           "body": ["Zoë Quist, who runs the café, met the consul about the pipeline.",
                    "Nothing else happened; the 100% sure thing_of the day."],
           "entities": [{"name": "Zoë Quist", "type": "PERSON"}], "facts": []}


def _spec(people: range) -> dict:
    return {"documents": [_arrest(i) for i in people] + [ACCENTS]}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> str:
    """Where a dossier is written: a SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "listings.db")
    try:
        return request.getfixturevalue("postgres_db")
    except pytest.FixtureLookupError:
        pytest.skip("no postgres_db fixture to start a PostgreSQL server with")


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> str:
    return str(write_dossier(tmp_path_factory.mktemp("big") / "big.db", _spec(range(len(PEOPLE)))))


@pytest.fixture(scope="module")
def api(big):
    app = create_app(big)
    with TestClient(app) as client:
        yield client
    app.state.store.close()


def _all_pages(api, path: str, limit: int, **params) -> tuple[list[list[dict]], int]:
    pages, page = [], 1
    while True:
        answer = api.get(path, params={**params, "page": page, "limit": limit}).json()
        if not answer["items"]:
            return pages, answer["total"]
        assert answer["page"] == page and answer["limit"] == limit
        pages.append(answer["items"])
        page += 1


# ---- pages

def test_the_case_list_comes_page_by_page_each_case_once_by_name(api):
    pages, total = _all_pages(api, "/api/cases", 40)
    assert total == len(PEOPLE) and [len(p) for p in pages] == [40, 40, 40, 10]
    people = [c["person"] for page in pages for c in page]
    assert people == sorted(PEOPLE)
    assert api.get("/api/cases", params={"page": 2, "limit": 40}).json()["items"] == pages[1]  # the same again
    [first] = api.get("/api/cases", params={"limit": 1}).json()["items"]
    assert first == {"person": "Alma Abbott", "nationality": None, "status": "detained", "latest": "2020-03-01",
                     "events": 1, "articles": 1, "independent_sources": 1, "url": "/person/Alma%20Abbott"}


def test_statements_come_page_by_page_in_the_logs_order_and_filter_alike(api):
    pages, total = _all_pages(api, "/api/statements", 7)
    said = [s for page in pages for s in page]
    assert total == len(said) == len(PEOPLE)
    assert len({s["quote"] for s in said}) == len(said)
    assert [s["year"] for s in said] == sorted(s["year"] for s in said)  # said in 2020, reported 2019 to 2021
    in_2019, total_2019 = _all_pages(api, "/api/statements", 10, year="2019")
    assert [s for page in in_2019 for s in page] == [s for s in said if s["year"] == "2019"]
    assert total_2019 == len([i for i in range(130) if i % 3 == 0])
    [by] = api.get("/api/statements", params={"speaker": "BORIS LINDGREN"}).json()["items"]
    assert by["speaker"] == "Boris Lindgren" and by["about"] == [{"name": "Boris Brandt",
                                                                  "url": "/person/Boris%20Brandt"}]
    [about] = api.get("/api/statements", params={"about": "Boris Brandt"}).json()["items"]
    assert about == by and about["reports"] == 1 and about["sources"][0]["outlet"] == OUTLETS[14 % 3]
    carried = api.get("/api/statements", params={"outlet": "Courtwatch", "limit": 500}).json()
    assert carried["total"] == len([i for i in range(130) if i % 3 == 2])
    assert all(s["outlets"] == ["Courtwatch"] for s in carried["items"])


def test_pages_link_to_the_next_and_the_previous_page(api):
    first = api.get("/").text
    assert first.count('class="person"') == 100 and 'rel="next" href="/?page=2"' in first
    assert 'rel="prev"' not in first
    second = api.get("/", params={"page": 2}).text
    assert second.count('class="person"') == 30 and 'rel="prev" href="/?page=1"' in second
    assert 'rel="next"' not in second and "page 2 of 2" in second
    assert api.get("/", params={"page": "two"}).text.count('class="person"') == 100  # a garbled link: page 1
    statements = api.get("/statements", params={"outlet": "Daily Ledger"}).text
    assert "43 statements" in statements and statements.count('class="statement"') == 43
    assert api.get("/statements", params={"outlet": "Daily Ledger", "page": 2}).text.count(
        'class="statement"') == 0


def test_a_request_that_reads_too_long_is_answered_503(big):
    app = create_app(big, timeout=1e-9)  # every read that takes any time at all is past the deadline
    with TestClient(app) as hurried:
        slow = hurried.get("/api/search", params={"q": "vienna police"})
        page = hurried.get("/", params={"q": "vienna police"})
    app.state.store.close()
    assert slow.status_code == 503 and "took longer than" in slow.json()["detail"]
    assert page.status_code == 503 and "took longer than" in page.text


def test_answers_are_given_again_until_the_dossier_changes(tmp_path, monkeypatch):
    from dossier.web import cache

    monkeypatch.setattr(cache, "CHECK_EVERY", 0)  # the generation read before every answer
    db = tmp_path / "kept.db"
    write_dossier(db, _spec(range(4)))
    app = create_app(str(db))
    with TestClient(app) as client, sqlite3.connect(db) as conn:
        assert client.get("/api/overview").json()["cases"] == 4
        conn.execute("UPDATE counts SET value = 40 WHERE name = 'cases'")
        conn.commit()
        assert client.get("/api/overview").json()["cases"] == 4  # the answer kept
        assert client.get("/api/overview?again").json()["cases"] == 40  # another request: read afresh
        conn.execute("UPDATE counts SET value = value + 1 WHERE name = 'generation'")  # as a build does
        conn.commit()
        assert client.get("/api/overview").json()["cases"] == 40
        uncached = create_app(str(db), cache=0)
        with TestClient(uncached) as fresh:
            conn.execute("UPDATE counts SET value = 41 WHERE name = 'cases'")
            conn.commit()
            assert fresh.get("/api/overview").json()["cases"] == 41
        uncached.state.store.close()
    app.state.store.close()


def test_a_page_is_at_most_500_long_and_numbered_from_1(api):
    for params in ({"limit": 0}, {"limit": 501}, {"page": 0}, {"page": "x"}):
        assert api.get("/api/cases", params=params).status_code == 422
    assert len(api.get("/api/statements", params={"limit": 500}).json()["items"]) == 130


# ---- search

@pytest.fixture
def searched(backend):
    write_dossier(backend, _spec(range(30)))
    app = create_app(backend)
    with TestClient(app) as client:
        yield client
    app.state.store.close()


def test_search_finds_every_word_in_any_case_and_accent_and_marks_it(searched):
    for query in ("zoe", "ZOË", "Zoe cafe", "café PIPELINE"):
        found = searched.get("/api/search", params={"q": query}).json()["articles"]
        assert [a["id"] for a in found["items"]] == ["cafe-zoe"], query
    snippet = found["items"][0]["snippet"]
    assert [p for p, kind in snippet if kind == "hit"] == ["café", "pipeline"]
    assert searched.get("/api/search", params={"q": "zoe nowhere"}).json()["articles"]["total"] == 0
    # Whole words: "vienn" is no word of any article, "thing" and "of" are words of "thing_of".
    assert searched.get("/api/search", params={"q": "vienn"}).json()["articles"]["total"] == 0
    assert searched.get("/api/search", params={"q": "thing of"}).json()["articles"]["total"] == 1
    html = searched.get("/", params={"q": "Zoe"}).text
    assert "<mark>Zoë</mark>" in html and "A café in Graz" in html


def test_search_results_come_newest_first_a_page_at_a_time(searched):
    pages, total = _all_pages_of_search(searched, "arrested vienna", 8)
    ids = [a["id"] for page in pages for a in page]
    assert total == 30 and len(ids) == len(set(ids)) == 30
    published = [a["published"] for page in pages for a in page]
    assert published == sorted(published, reverse=True)


def _all_pages_of_search(api, query: str, limit: int) -> tuple[list[list[dict]], int]:
    pages, page = [], 1
    while True:
        found = api.get("/api/search", params={"q": query, "page": page, "limit": limit}).json()["articles"]
        if not found["items"]:
            return pages, found["total"]
        pages.append(found["items"])
        page += 1


def test_any_query_is_read_as_words_never_as_syntax(searched):
    for query in HOSTILE:
        answer = searched.get("/api/search", params={"q": query})
        assert answer.status_code == 200, query
        assert set(answer.json()) == {"query", "people", "organisations", "outlets", "articles"}, query
        page = searched.get("/", params={"q": query})
        assert page.status_code == 200, query
    # Syntax characters are no words: what is left of the query is searched.
    assert searched.get("/api/search", params={"q": 'police* "Vienna" ('}).json()["articles"]["total"] == 30
    assert searched.get("/api/search", params={"q": "vienna*"}).json()["articles"]["total"] == 30
    assert searched.get("/api/search", params={"q": "100%"}).json()["articles"]["total"] == 1
    outlets = searched.get("/api/search", params={"q": "%"}).json()["outlets"]
    assert outlets == []  # % is a character to find in an outlet's name, not a wildcard


# ---- typed case events

ORLOV = {
    "courtwatch-orlov.txt": "Russian hacker jailed for 27 years in Seattle\n\nPublished: 22 April 2017\n\n"
                            "SEATTLE, April 21 (Courtwatch) - A federal court in Seattle on Friday sentenced Russian "
                            "hacker Pavel Orlov to 27 years in prison and a fine of $170 million for stealing credit "
                            "card numbers, prosecutors said.\n\nOrlov was arrested in the Maldives in July 2014 at "
                            "the request of the United States.\n",
    "ledger-orlov.txt": "Hacker's lawyer to appeal\n\nPublished: 25 April 2017\n\nPavel Orlov was sentenced to 25 "
                        "years in prison by the Seattle court on 21 April, his lawyer told the Daily Ledger.\n",
    "wire-swap.txt": "Prisoners swapped in Ankara\n\nPublished: 2 August 2024\n\nANKARA, Aug 1 (Harbour Wire) - "
                     "Russian hacker Pavel Orlov was exchanged for American journalist Mark Dunn in Ankara on "
                     "Thursday, officials said.\n",
}


@pytest.fixture(scope="module")
def orlov(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("orlov")
    (folder / "corpus").mkdir()
    for name, content in ORLOV.items():
        (folder / "corpus" / name).write_text(content, encoding="utf-8")
    db = str(folder / "orlov.db")
    built = runner.invoke(cli, ["build", str(folder / "corpus"), "--db", db, "--quiet"])
    assert built.exit_code == 0, built.output
    return db


def test_a_case_event_gives_each_argument_typed_alike_in_the_api_and_the_command_line(orlov):
    result = runner.invoke(cli, ["case", "Orlov", "--db", orlov, "--format", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    app = create_app(orlov)
    with TestClient(app) as client:
        case = client.get("/api/cases/Pavel Orlov").json()
        bodies = {e["doc"]: client.get(f"/api/articles/{e['doc']}").json()["body"]
                  for event in events for e in event["sources"]}
    app.state.store.close()
    assert case["events"] == events
    by_type = {e["type"]: e for e in events}
    sentence = by_type["sentence"]
    assert sentence["date"] == "2017-04-21"
    assert sentence["arguments"]["term"] == "P27Y"
    assert sentence["arguments"]["fine"] == {"amount": 170000000, "currency": "USD"}
    assert "Seattle" in sentence["arguments"]["court"]
    assert sentence["headline"].startswith("sentenced to 27 years and a fine of 170,000,000 USD")
    assert sentence["conflicts"]["term"] == [{"value": "P27Y", "text": "27 years", "outlets": ["Courtwatch"]},
                                             {"value": "P25Y", "text": "25 years", "outlets": ["ledger-orlov"]}]
    assert sentence["reports"] == 2 and sentence["independent_sources"] == 2
    for source in (s for event in events for s in event["sources"]):  # each with its sentence, where it is
        assert bodies[source["doc"]][source["start"]:source["end"]] == source["evidence"]
        assert source["url"] == f"/article/{source['doc']}?start={source['start']}&end={source['end']}#evidence"
    swap = by_type["exchange"]
    assert swap["arguments"] == {"place": "Ankara", "counterpart": ["Mark Dunn"]}
    assert swap["date"] == "2024-08-01"
    arrest = by_type["arrest"]
    assert arrest["arguments"]["requested_by"] == "United States" and arrest["arguments"]["by"] is None
    assert "requested_by" in case["events"][0]["arguments"]  # every argument of the type, null when untold


def test_every_source_of_an_event_is_listed_a_page_at_a_time(orlov):
    app = create_app(orlov)
    with TestClient(app) as client:
        events = client.get("/api/cases/Orlov").json()["events"]
        seq = next(i for i, e in enumerate(events) if e["type"] == "sentence")
        first = client.get(f"/api/cases/Orlov/events/{seq}/sources", params={"limit": 1}).json()
        second = client.get(f"/api/cases/Orlov/events/{seq}/sources", params={"limit": 1, "page": 2}).json()
        page = client.get(f"/person/Pavel%20Orlov/events/{seq}").text
        missing = client.get("/api/cases/Orlov/events/99/sources")
    app.state.store.close()
    assert first["total"] == 2 and first["items"] + second["items"] == events[seq]["sources"]
    assert page.count('class="source"') == 2 and "Sentenced to 27 years" in page
    assert missing.status_code == 404


# ---- the views, for SQL users

def test_views_name_each_fact_and_each_events_sources(backend):
    write_dossier(backend, _spec(range(3)))
    store = Store(backend, create=False)
    with store.engine.connect() as conn:
        facts = conn.execute(text("SELECT doc_id, person, type, date, arguments, outlet, published, evidence, "
                                  "claimed_by FROM fact_details ORDER BY doc_id, fact")).all()
        sources = conn.execute(text("SELECT person, type, date, headline, outlet, evidence FROM case_event_sources "
                                    "ORDER BY person")).all()
        reports = conn.execute(text("SELECT speaker, quote, outlet, evidence FROM statement_reports "
                                    "ORDER BY speaker")).all()
    store.close()
    arrest, said = facts[0], facts[1]
    assert (arrest.doc_id, arrest.person, arrest.type, arrest.date, arrest.outlet, arrest.published) == (
        "arrest-000", "Alma Abbott", "arrest", "2020-03-01", "Harbour Wire", "2019-04-01")
    assert arrest.evidence == "Alma Abbott was arrested in Vienna on 1 March 2020, police said."
    assert _json(arrest.arguments) == {"date": "2020-03-01", "place": "Vienna", "country": "Austria"}
    assert said.person == "Alma Kowalczyk" and said.claimed_by is None
    assert _json(said.arguments)["about"] == ["Alma Abbott"]  # an entity by its name, not its index
    assert [(s.person, s.type, s.date, s.outlet) for s in sources] == [
        ("Alma Abbott", "arrest", "2020-03-01", "Harbour Wire"), ("Boris Abbott", "arrest", "2020-03-02",
                                                                  "Daily Ledger"),
        ("Chiara Abbott", "arrest", "2020-03-03", "Courtwatch")]
    assert sources[0].headline == "arrested in Vienna in Austria" and sources[0].evidence == arrest.evidence
    assert [(r.speaker, r.outlet) for r in reports][0] == ("Alma Kowalczyk", "Harbour Wire")


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


# ---- kept up to date

def test_a_new_article_redoes_only_the_listings_it_touches(tmp_path):
    db = tmp_path / "growing.db"
    write_dossier(db, _spec(range(10)))
    store = Store(db)
    more = _arrest(3) | {"id": "second-report", "outlet": "Daily Ledger", "published": "2020-03-09"}
    more["facts"] = more["facts"][:1]
    add_documents(store, {"documents": [more, _arrest(40)]})
    report = refresh(store, assemble_cases(store))
    assert report.cases == sorted([PEOPLE[3], PEOPLE[40]]) and report.dropped == []
    assert report.speakers == [LAWYERS[40]] and report.articles == 2 and report.framing
    assert report.filed == 2  # the two new people filed for lookups by name; the others' spellings are as they were
    unchanged = refresh(store, assemble_cases(store))
    assert (unchanged.cases, unchanged.speakers, unchanged.articles, unchanged.framing, unchanged.filed) == (
        [], [], 0, False, 0)
    store.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT articles FROM case_summaries WHERE person = ?", (PEOPLE[3],)).fetchone() == (2,)
        assert conn.execute("SELECT value FROM counts WHERE name = 'cases'").fetchone() == (11,)
        assert conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH 'Vienna'").fetchone() == (12,)


def test_a_killed_refresh_is_made_good_by_the_next(tmp_path):
    db = tmp_path / "cut.db"
    write_dossier(db, _spec(range(5)))
    with sqlite3.connect(db) as conn:  # as if the build stopped between assembling and listing the cases
        conn.execute("UPDATE cases SET fingerprint = 'new' WHERE person = ?", (PEOPLE[2],))
    store = Store(db)
    assert refresh(store).cases == [PEOPLE[2]]
    store.close()


# ---- the command line

def test_every_command_reads_the_dossier_named_by_db_or_the_environment(big, monkeypatch):
    listed = json.loads(runner.invoke(cli, ["cases", "--db", big, "--format", "json"]).stdout)
    assert len(listed) == len(PEOPLE) and listed[0]["person"] == "Alma Abbott"
    monkeypatch.setenv("DOSSIER_DB", big)
    for command in (["cases"], ["exchanges"], ["statements", "--speaker", "Lindgren"], ["documents"],
                    ["entity", "Alma Abbott"], ["case", "Alma Abbott"], ["framing"]):
        result = runner.invoke(cli, [*command, "--format", "json"])
        assert result.exit_code == 0, (command, result.output)
    said = json.loads(runner.invoke(cli, ["statements", "--speaker", "Lindgren", "--format", "json"]).stdout)
    assert {s["speaker"] for s in said} == {f"{g} Lindgren" for g in GIVEN}
    assert runner.invoke(cli, ["cases", big]).exit_code == 2  # the database is an option, not an argument
    helped = runner.invoke(cli, ["statements", "--help"]).output
    assert "--db" in helped and "DOSSIER_DB" in helped and "Example" in helped


def test_serve_runs_several_workers_each_finding_the_dossier_in_the_environment(big, monkeypatch):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(app=app, **options))
    for name in ("DOSSIER_DB", "DOSSIER_TIMEOUT", "DOSSIER_CACHE"):  # gone again after the test
        monkeypatch.delenv(name, raising=False)
    result = runner.invoke(cli, ["serve", "--db", big, "--workers", "3", "--timeout", "5"])
    assert result.exit_code == 0, result.output
    assert started["app"] == "dossier.web.app:app_from_environment" and started["factory"]
    assert started["workers"] == 3 and started["timeout_keep_alive"] > 0
    assert os.environ["DOSSIER_DB"] == big and os.environ["DOSSIER_TIMEOUT"] == "5.0"


def test_a_dossier_of_an_earlier_release_is_not_served_until_built_again(tmp_path):
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.executescript((FIXTURES / "releases" / "dossier-0.1.0.sql").read_text(encoding="utf-8"))
    for command in (["serve", "--db", str(db)], ["cases", "--db", str(db)]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 2 and "earlier release of dossier; `dossier build" in " ".join(result.output.split())
