"""Builds spread over worker processes or a Ray cluster store the same dossier as a one-process build,
and a dossier that grows by a few articles ends with the entities and cases a full rebuild gives."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cases.ledger import ledger
from dossier.cases.records import Event, Source
from dossier.cli import app
from dossier.resolve import Candidate, resolve
from dossier.resolve.keys import name_keys
from dossier.resolve.region import Previous, update
from dossier.store import listings as listing_rows

runner = CliRunner()

FIRST = ["Pavel", "Olga", "Marek", "Yusuf", "Ines", "Tomas", "Leila", "Arman"]
SURNAMES = ["Dvornikov", "Halloran", "Szabo", "Karimov", "Lindqvist", "Okafor", "Reyes", "Mahmoudi", "Brandt",
            "Novak", "Takeda", "Ferreira", "Oyelaran", "Quist", "Vasquez", "Zelenko"]
PLACES = [("Warsaw", "Poland"), ("Bangkok", "Thailand"), ("Tbilisi", "Georgia"), ("Nicosia", "Cyprus"),
          ("Lisbon", "Portugal"), ("Prague", "Czech Republic")]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def story(i: int) -> str:
    """A short wire story about one of 128 people, arrested, extradited or sentenced, with a quotation."""
    first, surname = FIRST[i % 8], SURNAMES[(i // 8) % 16]
    city, country = PLACES[i % 6]
    month, day, year = MONTHS[i % 6], 1 + i % 27, 2015 + i % 9
    lead = [f"{first} {surname}, a businessman, was arrested in {city} on {month} {day}, {year}, at the request "
            f"of the United States, police in {country} said.",
            f"{first} {surname} was extradited from {country} to the United States on {month} {day}, {year}.",
            f"A federal court in New York sentenced {first} {surname} to {3 + i % 9} years in prison on "
            f"{month} {day}, {year}."][i % 3]
    return (f"{city.upper()}, {month} {day + 1} (Reuters) — {lead}\n"
            f"{surname} denies the charges of wire fraud and money laundering, his lawyer said.\n"
            f"\"My client is the victim of a political hunt and he will fight this case,\" lawyer Anna "
            f"Kowalczyk told reporters outside the court in {city}.\n"
            f"The embassy said consular officers were in contact with {surname}.\n")


def write_corpus(folder: Path, numbers: range) -> Path:
    folder.mkdir(exist_ok=True)
    for i in numbers:
        (folder / f"wire-{i:04d}.txt").write_text(story(i), encoding="utf-8")
    return folder


def dossier_rows(db: Path) -> dict[str, list[tuple]]:
    """Everything a build stores and lists, but the moments it stored it and the numbers it gave entities and
    statements."""
    queries = {
        "documents": "SELECT id, content_hash, title, outlet, published, dateline, body FROM documents ORDER BY id",
        "sentences": "SELECT * FROM sentences ORDER BY doc_id, idx",
        "mentions": "SELECT * FROM mentions ORDER BY doc_id, idx",
        "doc_entities": "SELECT d.doc_id, d.idx, d.name, d.type, d.role, d.aliases, e.name, e.type FROM doc_entities d "
                        "LEFT JOIN entities e ON e.id = d.entity_id ORDER BY d.doc_id, d.idx",
        "entities": "SELECT name, type, aliases FROM entities ORDER BY name, type, aliases",
        "facts": "SELECT * FROM facts ORDER BY doc_id, idx",
        "cases": "SELECT person, fingerprint, nationality, status, latest, events FROM cases ORDER BY person",
        "statements": "SELECT s.speaker, s.quote, s.date, s.year, s.channel, s.reports, s.outlets, s.sort_key, "
                      "n, doc_id, outlet, published, evidence, claimed_by, start_char, end_char FROM statements s "
                      "JOIN statement_sources ON statement = s.id ORDER BY s.speaker, s.sort_key, s.quote, n",
        "statement_speakers": "SELECT * FROM statement_speakers ORDER BY speaker",
        "entity_index": "SELECT e.name, e.type, i.articles, i.spellings FROM entities e "
                        "LEFT JOIN entity_index i ON i.entity_id = e.id ORDER BY e.name, e.type, i.spellings",
        "entity_keys": "SELECT e.name, e.type, k.key FROM entity_keys k LEFT JOIN entities e ON e.id = k.entity_id "
                       "ORDER BY e.name, e.type, k.key",
        "nationalities": "SELECT * FROM person_nationalities ORDER BY person",
        "framing": "SELECT * FROM framing_terms ORDER BY grouping, fact_type, group_name, rank",
    }
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(query).fetchall() for table, query in queries.items()}


def build(folder: Path, db: Path, *options: str) -> None:
    result = runner.invoke(app, ["build", str(folder), "--db", str(db), "--quiet", *options])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> tuple[Path, dict[str, list[tuple]]]:
    """A corpus of 240 stories and the dossier one process builds from it."""
    root = tmp_path_factory.mktemp("scale")
    folder = write_corpus(root / "corpus", range(240))
    build(folder, root / "plain.db", "--workers", "1")
    return folder, dossier_rows(root / "plain.db")


def test_the_plain_build_finds_the_people_and_their_cases(plain):
    _, rows = plain
    assert len(rows["documents"]) == 240
    people = {name for name, type_, _ in rows["entities"] if type_ == "PERSON"}
    assert {"Pavel Dvornikov", "Olga Dvornikov", "Arman Zelenko", "Anna Kowalczyk"} <= people
    cases = {person: events for person, _, _, _, _, events in rows["cases"]}
    assert '"type": "arrest"' in cases["Pavel Dvornikov"] and '"Poland"' in cases["Pavel Dvornikov"]
    assert '"type": "transfer"' in cases["Olga Dvornikov"] and '"type": "sentence"' in cases["Marek Dvornikov"]


def test_worker_processes_store_the_same_dossier_as_one_process(plain, tmp_path):
    folder, expected = plain
    build(folder, tmp_path / "workers.db", "--workers", "2")
    assert dossier_rows(tmp_path / "workers.db") == expected


def test_a_local_ray_cluster_stores_the_same_dossier_as_one_process(plain, tmp_path):
    pytest.importorskip("ray", reason='the ray engine is installed with "dossier[ray]"')
    folder, expected = plain
    build(folder, tmp_path / "ray.db", "--engine", "ray", "--workers", "2")
    assert dossier_rows(tmp_path / "ray.db") == expected


def test_articles_added_to_a_dossier_give_the_entities_and_cases_of_a_full_rebuild(plain, tmp_path):
    folder, expected = plain
    grown = write_corpus(tmp_path / "grown", range(200))
    build(grown, tmp_path / "grown.db", "--workers", "1")
    write_corpus(grown, range(200, 240))
    build(grown, tmp_path / "grown.db", "--workers", "1")
    assert dossier_rows(tmp_path / "grown.db") == expected


def test_an_article_rewritten_about_someone_else_leaves_the_dossier_a_full_rebuild_gives(plain, tmp_path):
    folder, _ = plain
    db = tmp_path / "edited.db"
    edited = write_corpus(tmp_path / "edited", range(240))
    (edited / "wire-0000.txt").unlink()  # not in the way: the article that follows is rewritten instead
    build(edited, db, "--workers", "1")
    # Pavel Dvornikov's only arrest report now tells of a new person; his other articles stay.
    (edited / "wire-0128.txt").write_text(story(0).replace("Dvornikov", "Dvornikova"), encoding="utf-8")
    build(edited, db, "--workers", "1")
    build(edited, tmp_path / "fresh.db", "--workers", "1")
    assert dossier_rows(db) == dossier_rows(tmp_path / "fresh.db")


def test_a_name_misspelt_in_a_new_article_joins_its_person_as_a_full_rebuild_would(tmp_path):
    folder = write_corpus(tmp_path / "corpus", range(60))
    db = tmp_path / "grown.db"
    build(folder, db, "--workers", "1")
    # One slip in the surname, none in the given name: the same man, in an article added later.
    (folder / "wire-late.txt").write_text(story(0).replace("Dvornikov", "Dvornkov"), encoding="utf-8")
    build(folder, db, "--workers", "1")
    build(folder, tmp_path / "fresh.db", "--workers", "1")
    grown = dossier_rows(db)
    assert grown == dossier_rows(tmp_path / "fresh.db")
    [dvornikov] = [aliases for _, _, aliases in grown["entities"] if '"Pavel Dvornikov"' in aliases]
    assert '"Pavel Dvornkov"' in dvornikov


def test_an_article_added_lists_again_only_what_it_touches_and_lists_what_a_rebuild_lists(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "corpus", range(60))
    db = tmp_path / "grown.db"
    build(folder, db, "--workers", "1")
    statements_read, filed = [], []
    read, file = listing_rows.statement_fact_rows, listing_rows.file_entities
    monkeypatch.setattr(listing_rows, "statement_fact_rows",
                        lambda conn, speakers=None: statements_read.append(speakers) or read(conn, speakers))
    monkeypatch.setattr(listing_rows, "file_entities",
                        lambda conn, spellings, keys: filed.append(len(keys)) or file(conn, spellings, keys))
    # A new man, defended by a lawyer no other article quotes.
    (folder / "wire-late.txt").write_text(story(1000).replace("Anna Kowalczyk", "Rafael Montero"), encoding="utf-8")
    build(folder, db, "--workers", "1")
    monkeypatch.undo()
    build(folder, tmp_path / "fresh.db", "--workers", "1")
    grown = dossier_rows(db)
    assert grown == dossier_rows(tmp_path / "fresh.db")
    # The statements of the one lawyer quoted sixty times before are not read again, nor most entities filed.
    assert statements_read == [{"Rafael Montero"}]
    assert {"Rafael Montero", "Anna Kowalczyk"} <= {speaker for speaker, *_ in grown["statements"]}
    assert 0 < filed[0] < len(grown["entities"]) / 2


class ListedCorpus:
    """Document entities held in memory, resolved once as a dossier keeps them (``region.Corpus``)."""

    def __init__(self, stored: list[Candidate], new: list[Candidate]):
        self.all = stored + new
        self.before = {}
        for n, entity in enumerate(resolve([_copy(c) for c in stored])):
            self.before.update({member: Previous(n, entity.name, entity.type) for member in entity.members})

    def with_keys(self, keys):
        return [_copy(c) for c in self.all if name_keys(c.name) & keys]

    def names_in(self, buckets):
        return {key: {(c.name, c.type) for c in self.all if key in name_keys(c.name)} for key in buckets}

    def of_documents(self, docs):
        return [_copy(c) for c in self.all if c.doc_id in docs]

    def previous(self, members):
        return {m: self.before[m] for m in members if m in self.before}

    def context(self, docs, region):
        return [c for c in self.of_documents(docs) if (c.doc_id, c.idx) not in region]


def _copy(c: Candidate) -> Candidate:
    return Candidate(c.doc_id, c.idx, c.name, c.type, list(c.aliases), c.role)


def _entities(stored: list[Candidate], new: list[Candidate]) -> tuple[list[Candidate], dict[tuple, tuple]]:
    """The region an update of ``stored`` by ``new`` resolves, and what it gives each of its entities."""
    result = update([_copy(c) for c in new], ListedCorpus(stored, new))
    return result.region, {member: (entity.name, entity.type, tuple(sorted(entity.members)))
                           for entity in result.resolved for member in entity.members}


def _full(candidates: list[Candidate]) -> dict[tuple, tuple]:
    return {member: (entity.name, entity.type, tuple(sorted(entity.members)))
            for entity in resolve([_copy(c) for c in candidates]) for member in entity.members}


def _person(doc: str, idx: int, name: str, type_: str = "PERSON") -> Candidate:
    return Candidate(doc, idx, name, type_, [name])


STORED = [
    _person("wire-1", 0, "Pavel Dvornikov"), _person("wire-1", 1, "United States", "GPE"),
    _person("wire-1", 2, "Anna Kowalczyk"),
    _person("wire-2", 0, "Pavel Novak"), _person("wire-2", 1, "Olga Novak"), _person("wire-2", 2, "Novak"),
    _person("wire-3", 0, "Tom States"), _person("wire-3", 1, "Olga Reyes"), _person("wire-3", 2, "Lisbon", "GPE"),
    _person("wire-4", 0, "Marek Szabo"), _person("wire-4", 1, "Prague", "GPE"),
]


def test_an_update_reaches_the_namesakes_and_places_of_the_new_article_and_no_one_else():
    new = [_person("wire-9", 0, "Pavel Dvornikov"), _person("wire-9", 1, "United States", "GPE"),
           _person("wire-8", 0, "Dvornikov")]
    region, entities = _entities(STORED, new)
    reached = {c.name for c in region}
    assert {"Pavel Dvornikov", "United States", "Dvornikov"} <= reached
    # A shared given name, a surname that is a word of a place's name: neither can change what they resolve to.
    assert not reached & {"Pavel Novak", "Olga Novak", "Novak", "Tom States", "Olga Reyes", "Marek Szabo"}
    full = _full(STORED + new)
    assert all(full[member] == resolved for member, resolved in entities.items())
    assert entities[("wire-8", 0)][0] == "Pavel Dvornikov"


def test_a_bare_given_name_no_surname_claims_is_weighed_against_every_full_name_as_a_rebuild_does():
    # "Marek" alone: no one is surnamed so; the one Marek of the corpus is in an article that shares its names.
    new = [_person("wire-9", 0, "Marek"), _person("wire-9", 1, "Prague", "GPE"),
           _person("wire-9", 2, "Olga Reyes")]
    region, entities = _entities(STORED, new)
    assert "Marek Szabo" in {c.name for c in region}
    full = _full(STORED + new)
    assert all(full[member] == resolved for member, resolved in entities.items())
    # A bare name some full name bears as its surname never asks after given names.
    region, _ = _entities(STORED, [_person("wire-9", 0, "Novak"), _person("wire-9", 1, "Pavel Dvornikov")])
    assert "Marek Szabo" not in {c.name for c in region}


def test_an_exchange_reported_hundreds_of_times_is_one_swap_in_the_ledger():
    def report(n: int, subject: str, date: str, **args) -> Event:
        source = Source(doc_id=f"wire-{n}", outlet="Wire", published="2024-08-02", evidence="sentence",
                        story=f"wire-{n}")
        return Event("exchange", subject, {"date": date, **args}, [source])

    events = []
    for n in range(600):  # one swap told by many articles, some without the year; another swap apart
        events.append(report(n, ["Ana Petrova", "Jan Novak"][n % 2], "2024-08-01" if n % 3 else "XXXX-08-01",
                             counterpart=[["Jan Novak", "Ana Petrova"][n % 2]]))
        events.append(report(n, "Ivan Orlov", "2022-12-08", counterpart=["Mark Hale"]))
    events.append(report(600, "Lena Berg", "2019-08-02"))
    swaps = ledger(events)
    assert [(x.date, x.sides, x.unplaced, len(x.sources)) for x in swaps] == [
        ("2019-08-02", ([], []), ["Lena Berg"], 1),
        ("2022-12-08", (["Ivan Orlov"], ["Mark Hale"]), [], 600),
        ("2024-08-01", (["Ana Petrova"], ["Jan Novak"]), [], 600),
    ]
