"""Hostile, broken and huge input: the build never dies, every good article is stored, each bad one is named,
and a build killed while it resolves entities or assembles cases is finished by the next one."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from dossier.cli import app

runner = CliRunner()

STORY = ("{city}, May {day} (Harbour Wire) - Police in {city} arrested a foreign national identified as "
         "{first} {name} on Tuesday at the request of the United States, officials said.\n\n"
         "{name} was extradited to the United States in June and sentenced to {years} years in prison.\n\n"
         "\"We acted on a warrant,\" police spokesman Anton Weller told reporters.\n")
CITIES = ["LISBON", "ATHENS", "VIENNA", "OSLO", "DUBLIN", "PRAGUE"]
FIRST = ["Oleg", "Ivan", "Pavel", "Artem", "Denis", "Yuri"]
SURNAMES = ["Karasev", "Lebedev", "Morozov", "Volkov", "Sokolov", "Orlov", "Zaitsev", "Belov"]


def _story(i: int) -> str:
    return STORY.format(city=CITIES[i % 6], day=1 + i % 28, first=FIRST[i % 6], name=SURNAMES[i % 8],
                        years=2 + i % 9)


def _documents(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]


def test_an_odd_folder_builds_every_good_article_and_names_each_bad_one(corpus, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    # A runaway page of about 10 million characters: a whole archive in one file, every paragraph its own.
    runaway = _story(7) + "".join(f"\n\nThe hearing in case {i} was postponed again until the autumn session of "
                                  f"the regional court, the clerk said, citing new filings by the prosecutors."
                                  for i in range(70_000))
    folder = corpus({
        "good.txt": _story(1),
        "utf16.txt": _story(2).encode("utf-16"),  # with its byte-order mark, as editors write it
        "utf32.txt": _story(3).encode("utf-32"),
        "runaway.txt": runaway,
        "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(200),
        "lines.jsonl": json.dumps({"id": "line-ok", "text": _story(4)}) + "\n[1, 2\n",
    })
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["build", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert _documents(db) == ["good", "line-ok", "runaway", "utf16", "utf32"]
    lines = result.output.splitlines()
    for name, reason in [("binary.txt", "binary data"), ("lines.jsonl:2", "malformed JSON"),
                         ("passwd.txt", "outside the corpus folder"), ("dangling.txt", "link to nothing"),
                         ("runaway.txt", "only its first 99,")]:
        assert any(name in line and reason in line for line in lines), (name, lines)
    with sqlite3.connect(db) as conn:
        body = conn.execute("SELECT body FROM documents WHERE id = 'runaway'").fetchone()[0]
        raw = conn.execute("SELECT length(raw) FROM documents WHERE id = 'runaway'").fetchone()[0]
        arrested = conn.execute("SELECT count(*) FROM facts WHERE doc_id = 'utf16' AND type = 'arrest'").fetchone()
    assert len(body) <= 100_000 and raw == len(runaway)  # the page is kept whole, its text read in part
    assert arrested == (1,)


def test_links_out_of_the_corpus_are_read_when_asked(corpus, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "linked.txt").write_text(_story(5), encoding="utf-8")
    folder = corpus({"good.txt": _story(1)})
    (folder / "more").symlink_to(outside, target_is_directory=True)
    db = tmp_path / "d.db"
    assert runner.invoke(app, ["build", str(folder), "--db", str(db)]).exit_code == 1
    assert _documents(db) == ["good"]
    assert runner.invoke(app, ["build", str(folder), "--db", str(db), "--follow-links"]).exit_code == 0
    assert _documents(db) == ["good", "linked"]


def test_a_link_inside_the_corpus_is_read(corpus, tmp_path):
    folder = corpus({"good.txt": _story(1)})
    (folder / "alias").symlink_to(folder, target_is_directory=True)  # a loop back to the corpus itself
    db = tmp_path / "d.db"
    assert runner.invoke(app, ["build", str(folder), "--db", str(db)]).exit_code == 0
    assert _documents(db) == ["good"]


# A build run in another process that kills itself with SIGKILL on entering one stage of the build.
_KILLED_IN = """
import os, signal, sys
import dossier.pipeline as pipeline
target = sys.argv[1]
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if target == "resolve":
    pipeline.resolve = die
else:
    import dossier.store.cases as kept
    saved, calls = kept.save_case, []
    def save_then_die(*args, **kwargs):
        saved(*args, **kwargs)
        calls.append(1)
        if len(calls) == 2:
            die()
    kept.save_case = save_then_die
from dossier.cli import app
app(sys.argv[2:])
"""


def _cases(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT person, status, latest, events FROM cases ORDER BY person").fetchall()


def _killed_then_finished(folder: Path, db: Path, stage: str) -> None:
    build = ["build", str(folder), "--db", str(db), "--quiet"]
    killed = subprocess.run([sys.executable, "-c", _KILLED_IN, stage, *build], capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    finished = subprocess.run([sys.executable, "-m", "dossier", *build], capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr


def test_a_build_killed_while_resolving_or_assembling_is_finished_by_the_next(corpus, tmp_path):
    folder = corpus({f"story-{i:02d}.txt": _story(i) for i in range(6)})
    whole = tmp_path / "whole.db"
    assert runner.invoke(app, ["build", str(folder), "--db", str(whole), "--quiet"]).exit_code == 0
    expected = _cases(whole)
    assert len(expected) >= 6
    for stage in ("resolve", "assemble"):
        db = tmp_path / f"{stage}.db"
        _killed_then_finished(folder, db, stage)
        assert _documents(db) == [f"story-{i:02d}" for i in range(6)]
        assert _cases(db) == expected, stage


def test_an_article_in_a_language_without_a_pipeline_is_stored_and_named_not_misread(corpus, tmp_path):
    german = ("Festnahme am Flughafen\n\nDie Polizei hat am Dienstag am Flughafen Wien einen russischen Staatsbürger "
              "festgenommen, teilte die Staatsanwaltschaft mit. Der Mann soll auf Antrag der Vereinigten Staaten "
              "ausgeliefert werden, zum Ziel z.B. eines Verfahrens wegen Betrugs. Sein Anwalt kündigte an, gegen "
              "die Auslieferung vorzugehen.\n")
    folder = corpus({"english.txt": _story(1), "german.txt": german})
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["build", str(folder), "--db", str(db)])
    assert result.exit_code == 0
    assert any("german.txt" in line and "German (de)" in line and "not annotated" in line
               for line in result.output.splitlines()), result.output
    assert _documents(db) == ["english", "german"]
    with sqlite3.connect(db) as conn:
        named = conn.execute("SELECT doc_id, count(*) FROM doc_entities GROUP BY doc_id").fetchall()
        problems = conn.execute("SELECT message FROM build_problems").fetchall()
    assert [doc for doc, _ in named] == ["english"]  # no "people" read out of the German text
    assert any("German" in message for (message,) in problems)
