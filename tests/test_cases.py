"""Case files built from a corpus of our own: one event per happening, every source, conflicts shown."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from dossier.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cases")
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "cases" / "hrytsenko.jsonl", corpus)
    db = folder / "cases.db"
    result = runner.invoke(app, ["build", str(corpus), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return corpus, db


def _case(db: Path, name: str) -> list[dict]:
    result = runner.invoke(app, ["case", name, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_one_arrest_told_by_three_outlets_and_a_reprint_is_one_event(built):
    _, db = built
    arrests = [e for e in _case(db, "Hrytsenko") if e["type"] == "arrest"]
    recent = [e for e in arrests if e["date"].startswith("2023")]
    assert len(recent) == 1
    [event] = recent
    # The wire and its reprint are one story: four articles, three independent sources.
    assert sorted(s["doc"] for s in event["sources"]) == ["alpine-post-arrest", "daily-ledger-hrytsenko",
                                                          "harbour-wire-0314", "reprint-of-wire"]
    assert event["independent_sources"] == 3
    assert event["date"] == "2023-03-14"  # the most precise date that agrees with "March 2023" and "2023"
    assert event["arguments"]["place"] == "Vienna" and event["arguments"]["requested_by"] == "United States"
    assert "in Vienna" in event["headline"] and "at the request of United States" in event["headline"]


def test_an_arrest_years_earlier_is_another_event(built):
    _, db = built
    arrests = [e for e in _case(db, "Oleksandr Gritsenko") if e["type"] == "arrest"]
    assert [e["date"] for e in arrests] == ["2016-05", "2023-03-14"]


def test_two_terms_for_one_sentence_are_shown_with_their_sources(built):
    _, db = built
    [sentence] = [e for e in _case(db, "Hrytsenko") if e["type"] == "sentence"]
    assert sentence["date"] == "2025-05-08"
    assert sentence["conflicts"] == {"term": [{"value": "P12Y", "text": "12 years", "outlets": ["courtwatch.example"]},
                                              {"value": "P10Y", "text": "10 years", "outlets": ["newsdesk.example"]}]}


def test_the_timeline_is_in_date_order_and_the_case_list_gives_the_status(built):
    _, db = built
    events = _case(db, "Hrytsenko")
    assert [e["type"] for e in events] == ["arrest", "release", "arrest", "charge", "sentence"]
    cases = json.loads(runner.invoke(app, ["cases", "--db", str(db), "--format", "json"]).stdout)
    assert {c["person"]: (c["nationality"], c["status"], c["latest"]) for c in cases}["Oleksandr Hrytsenko"] == (
        "Ukraine", "convicted", "2025-05-08")


def test_adding_an_article_reassembles_only_the_cases_it_touches(built, tmp_path):
    corpus, db = built
    copy = tmp_path / "cases.db"
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        before = dict(conn.execute("SELECT person, assembled_at FROM cases").fetchall())
    (corpus / "new.txt").write_text("Swap frees two sailors\nPublished: 2 February 2026\n"
                                    "Greek sailor Nikos Andreou was exchanged for Turkish sailor Emre Kaya at the "
                                    "border on Saturday, officials said.\n", encoding="utf-8")
    try:
        result = runner.invoke(app, ["build", str(corpus), "--db", str(copy), "--quiet"])
    finally:
        (corpus / "new.txt").unlink()
    assert result.exit_code == 0, result.output
    with sqlite3.connect(copy) as conn:
        after = dict(conn.execute("SELECT person, assembled_at FROM cases").fetchall())
    assert after["Oleksandr Hrytsenko"] == before["Oleksandr Hrytsenko"]
    assert {"Nikos Andreou", "Emre Kaya"} <= set(after) - set(before)
    swaps = json.loads(runner.invoke(app, ["exchanges", "--db", str(copy), "--format", "json"]).stdout)
    assert [(s["date"], sorted([*s["side_a"], *s["side_b"]])) for s in swaps] == [
        ("2026-01-31", ["Emre Kaya", "Nikos Andreou"])]


def test_timelinejs_export_has_one_slide_per_dated_event(built, tmp_path):
    _, db = built
    out = tmp_path / "timeline.json"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "timelinejs", "--person", "Hrytsenko",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    timeline = json.loads(out.read_text())
    assert timeline["title"]["text"]["headline"] == "Oleksandr Hrytsenko"
    starts = [slide["start_date"] for slide in timeline["events"]]
    assert {"year": "2025", "month": "5", "day": "8"} in starts and {"year": "2016", "month": "5"} in starts
