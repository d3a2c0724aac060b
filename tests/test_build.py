"""Building a dossier: twice, after a change, after being killed, and with bad inputs among good ones."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from dossier.cli import app

runner = CliRunner()

STORY = ("{city}, May {day} (Harbour Wire) - Police in {city} arrested a foreign national identified as "
         "Mr {name} on {weekday}, acting on an extradition request, officials said.\n\n"
         "\"We acted on a warrant,\" a police spokesman told reporters. {name} denies the charges.\n")
CITIES = ["LISBON", "ATHENS", "VIENNA", "OSLO", "DUBLIN", "PRAGUE"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _story(i: int) -> str:
    return STORY.format(city=CITIES[i % len(CITIES)], day=1 + i % 28, name=f"Person{i:04d}",
                        weekday=WEEKDAYS[i % len(WEEKDAYS)])


def _documents(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, content_hash FROM documents ORDER BY id").fetchall()


def _build(corpus: Path, db: Path, *extra: str):
    return runner.invoke(app, ["build", str(corpus), "--db", str(db), *extra])


def test_building_twice_stores_nothing_twice_and_a_changed_file_is_redone(corpus, tmp_path):
    folder = corpus({f"story-{i}.txt": _story(i) for i in range(3)})
    db = tmp_path / "d.db"
    first = _build(folder, db)
    assert first.exit_code == 0, first.output
    stored = _documents(db)
    assert [doc for doc, _ in stored] == ["story-0", "story-1", "story-2"]
    with sqlite3.connect(db) as conn:
        told = conn.execute("SELECT count(*) FROM sentences WHERE doc_id = 'story-1'").fetchone()[0]

    again = _build(folder, db)
    assert again.exit_code == 0
    assert "unchanged" in again.output and _documents(db) == stored

    (folder / "story-1.txt").write_text(_story(1).replace("denies", "rejects"), encoding="utf-8")
    changed = _build(folder, db)
    assert changed.exit_code == 0
    after = dict(_documents(db))
    assert len(after) == 3 and after["story-0"] == dict(stored)["story-0"]
    assert after["story-1"] != dict(stored)["story-1"]
    with sqlite3.connect(db) as conn:
        body = conn.execute("SELECT body FROM documents WHERE id = 'story-1'").fetchone()[0]
        sentences = conn.execute("SELECT count(*) FROM sentences WHERE doc_id = 'story-1'").fetchone()[0]
    assert "rejects the charges" in body
    assert sentences == told  # the old document's sentences were replaced, not added to


def test_a_killed_build_is_finished_by_the_next_one_with_every_document_once(corpus, tmp_path):
    total = 400
    folder = corpus({f"story-{i:04d}.txt": _story(i) for i in range(total)})
    db = tmp_path / "d.db"
    command = [sys.executable, "-m", "dossier", "build", str(folder), "--db", str(db), "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if _documents(db):
                    break
            except sqlite3.OperationalError:  # the table is not there yet
                pass
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    interrupted = _documents(db)
    assert 0 < len(interrupted) < total, "the build was not caught mid-way"

    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    stored = [doc for doc, _ in _documents(db)]
    assert stored == [f"story-{i:04d}" for i in range(total)]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        per_doc = conn.execute("SELECT doc_id, count(*) FROM sentences GROUP BY doc_id").fetchall()
    # Each story's dateline, lead, quotation and denial, once.
    assert len(per_doc) == total and {count for _, count in per_doc} == {4}


def test_bad_inputs_are_named_skipped_and_give_exit_status_1(corpus, tmp_path):
    folder = corpus({
        "good.txt": _story(1),
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "empty.txt": "",
        "garbled.txt": bytes(range(0x80, 0xC0)) * 3,
        "broken.html": "<html><body><div><script>var a = 1;</script><p></b></div",
        "lines.jsonl": json.dumps({"id": "line-ok", "text": _story(2)}) + "\n{not json}\n",
    })
    db = tmp_path / "d.db"
    result = _build(folder, db)
    assert result.exit_code == 1
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 5
    for name, problem in [("image.txt", "binary data"), ("empty.txt", "empty file"),
                          ("garbled.txt", "not valid UTF-8"), ("broken.html", "no article text found"),
                          ("lines.jsonl:2", "malformed JSON")]:
        assert any(f"{name}: {problem}" in line for line in skipped), (name, skipped)
    assert [doc for doc, _ in _documents(db)] == ["good", "line-ok"]


def test_broken_but_readable_html_is_still_read(corpus, tmp_path):
    page = ("<html><head><title>Swap at the border</title><body><div class=story><p>Two prisoners were "
            "exchanged at a border crossing on Friday, officials in both capitals said, after months of talks "
            "<p>The men were driven to the crossing in separate convoys and handed over at noon, a witness "
            "said.<div></body>")
    result = _build(corpus({"swap.html": page}), tmp_path / "d.db")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(tmp_path / "d.db") as conn:
        body = conn.execute("SELECT body FROM documents").fetchone()[0]
    assert "exchanged at a border crossing on Friday" in body and "handed over at noon" in body


def test_usage_errors_exit_with_status_2(tmp_path):
    assert runner.invoke(app, ["build", str(tmp_path / "missing")]).exit_code == 2
    assert runner.invoke(app, ["build", str(tmp_path), "--db", "nosuchdriver://x"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "missing.db")]).exit_code == 2


def test_export_writes_the_three_benchmark_files(corpus, tmp_path):
    db = tmp_path / "d.db"
    assert _build(corpus({"story-7.txt": _story(7)}), db).exit_code == 0
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    [document] = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert document["doc"] == "story-7"
    assert (document["outlet"], document["dateline"], document["published"]) == ("Harbour Wire", "Athens",
                                                                                 "XXXX-05-08")
    assert document["body"].splitlines()[0].startswith("ATHENS, May 8 (Harbour Wire) - Police in ATHENS")
    assert (out / "entities.jsonl").exists() and (out / "facts.jsonl").exists()


def test_documents_lists_what_was_stored_for_people_and_scripts(corpus, tmp_path):
    db = tmp_path / "d.db"
    assert _build(corpus({"story-3.txt": _story(3), "story-4.txt": _story(4)}), db).exit_code == 0
    as_json = runner.invoke(app, ["documents", "--db", str(db), "--format", "json"])
    assert as_json.exit_code == 0
    assert [(d["id"], d["dateline"], d["published"]) for d in json.loads(as_json.stdout)] == [
        ("story-3", "Oslo", "XXXX-05-04"), ("story-4", "Dublin", "XXXX-05-05")]
    as_csv = runner.invoke(app, ["documents", "--db", str(db), "--format", "csv"]).stdout.splitlines()
    assert as_csv[0] == "id,outlet,published,dateline,title"
    assert as_csv[1].startswith("story-3,Harbour Wire,XXXX-05-04,Oslo,")


def test_a_component_that_fails_on_one_article_is_reported_and_the_build_goes_on(corpus, tmp_path):
    from dossier.registry import components

    original = components.get("facts")

    def fragile(annotation, doc):
        if "Person0002" in annotation.article.body:
            raise ValueError("unexpected parse")
        original(annotation, doc)

    components.register("facts", func=fragile)
    try:
        result = _build(corpus({f"story-{i}.txt": _story(i) for i in range(3)}), tmp_path / "d.db")
    finally:
        components.register("facts", func=original)
    assert result.exit_code == 1
    assert "story-2.txt: facts failed (ValueError: unexpected parse); stored without it" in result.output
    assert [doc for doc, _ in _documents(tmp_path / "d.db")] == ["story-0", "story-1", "story-2"]
