"""Framing: the words each outlet or speaker uses for the same events, measured and traced to sentences."""
from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

from conftest import SEEDS, build_and_export
from dossier.cli import app

runner = CliRunner()

# Two outlets tell the same three events, each in its own words: hostages kidnapped, or suspects extradited.
PEOPLE = [("Jan Novak", "Estonia", "March"), ("Eva Horak", "Latvia", "May"), ("Karl Moser", "Finland", "June")]
HARBOUR = {f"harbour-{i}.txt": f"{name} taken to Russia\n\n{name}, a hostage, was kidnapped from {country} and "
                                f"taken to Russia in {month} 2021, the family said.\n\nThe family said {name}, "
                                f"a hostage, was kidnapped at dawn.\n"
           for i, (name, country, month) in enumerate(PEOPLE)}
WIRE = {f"wire-{i}.txt": f"{name} sent to Russia\n\n{name}, a suspect, was extradited from {country} to Russia in "
                         f"{month} 2021, prosecutors said.\n\nProsecutors said {name}, a suspect, was extradited "
                         f"under a treaty.\n"
        for i, (name, country, month) in enumerate(PEOPLE)}


def _framing(db, *options) -> list[dict]:
    result = runner.invoke(app, ["framing", "--db", str(db), *options, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_two_outlets_telling_the_same_events_in_different_words_are_told_apart(tmp_path):
    db, _ = build_and_export(tmp_path, {**HARBOUR, **WIRE})
    with sqlite3.connect(db) as conn:  # give each file its outlet, as a page's address would
        conn.execute("UPDATE documents SET outlet = CASE WHEN id LIKE 'harbour%' THEN 'Harbour Times' "
                     "ELSE 'Wire Service' END")
    rows = _framing(db, "--by", "outlet", "--min-count", "2")
    terms = {(r["group"], r["term"]) for r in rows}
    assert {("Harbour Times", "kidnap"), ("Harbour Times", "hostage")} <= terms
    assert {("Wire Service", "extradite"), ("Wire Service", "suspect")} <= terms
    assert not {("Harbour Times", "extradite"), ("Wire Service", "kidnap"), ("Wire Service", "hostage")} & terms

    # every number leads to its sentences: each use is the word itself, inside the fact's evidence sentence
    with sqlite3.connect(db) as conn:
        bodies = dict(conn.execute("SELECT id, body FROM documents"))
    for row in rows:
        assert row["uses"] == len(row["sentences"])
        for use in row["sentences"]:
            body = bodies[use["doc"]]
            word = body[use["start"]:use["end"]].casefold()
            assert word.startswith(row["term"][:5])
            assert use["sentence_start"] <= use["start"] < use["end"] <= use["sentence_end"]


def test_a_dossier_of_one_word_has_nothing_distinctive():
    from dossier.framing import distinctive

    rows = [{"type": "arrest", "term": "arrest", "subject": "A", "claimed_by": None, "outlet": outlet,
             "doc_id": f"d{i}", "start_char": 0, "end_char": 6, "sentence_start": 0, "sentence_end": 9,
             "published": "2020"} for i, outlet in enumerate(["Wire"] * 3 + ["Ledger"] * 3)]
    assert distinctive(rows, "outlet") == {}
    assert distinctive(rows[:3], "outlet") == {}


def test_on_the_seeds_hunt_is_a_russian_officials_word(tmp_path):
    db, _ = build_and_export(tmp_path, {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))})
    rows = _framing(db, "--by", "speaker")
    assert ("Anatoly Antonov", "hunt") in {(r["group"], r["term"]) for r in rows}
    by_country = _framing(db, "--by", "country")  # Russia's voices against the articles' own
    assert ("Russia", "hunt") in {(r["group"], r["term"]) for r in by_country}
