"""One real person, one entity, however the articles spell them; two people, two entities."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import build_and_export
from dossier.cli import app
from dossier.resolve.names import name_key, same_person_name, same_spelling

runner = CliRunner()

ARTICLES = {
    "a.txt": "Opposition leader held\nPublished: 2 March 2021\n"
             "Russian opposition leader Alexei Navalny was jailed in Moscow on Tuesday. Navalny's lawyers "
             "said they would appeal. Reporter Evan Gershkovich covered the hearing.\n",
    "b.txt": "Court upholds verdict\nPublished: 20 May 2021\n"
             "A court upheld the sentence of Aleksei Nawalny on Monday, his spokeswoman said. "
             "Anna Petrova, a lawyer, criticised the ruling.\n",
    "c.txt": "Hunger strike ends\nPublished: 24 April 2021\n"
             "Alexey Navalnyy ended his hunger strike, according to his doctors. Olga Petrova, a physician, "
             "said he remained weak. Journalist Evan Gerhskovich reported from the prison gates.\n",
    "d.txt": "Two detained in Minsk\nPublished: 4 July 2022\n"
             "Belarusian police detained Lithuanian reporter Tomas Karalius and his colleague Ivan Petrov in "
             "Minsk on Friday. Karalius was later released, but Petrov remains in custody.\n",
}


@pytest.fixture(scope="module")
def entities(tmp_path_factory):
    db, out = build_and_export(tmp_path_factory.mktemp("entities"), ARTICLES)
    rows = [json.loads(line) for line in (out / "entities.jsonl").read_text().splitlines()]
    return db, [r for r in rows if r["type"] == "PERSON"]


def _holding(people, alias: str) -> list[dict]:
    return [p for p in people if alias in p["aliases"]]


def test_other_transliterations_of_one_name_are_one_person(entities):
    _, people = entities
    [navalny] = _holding(people, "Alexei Navalny")
    assert {"Aleksei Nawalny", "Alexey Navalnyy", "Navalny"} <= set(navalny["aliases"])
    assert navalny["docs"] == ["a", "b", "c"]
    assert not _holding(people, "Anna Petrova") or "Alexei Navalny" not in _holding(people, "Anna Petrova")[0]["aliases"]


def test_people_who_share_a_surname_stay_apart(entities):
    _, people = entities
    [anna], [olga], [ivan] = (_holding(people, n) for n in ("Anna Petrova", "Olga Petrova", "Ivan Petrov"))
    assert len({id(anna), id(olga), id(ivan)}) == 3
    assert "Olga Petrova" not in anna["aliases"] and "Ivan Petrov" not in olga["aliases"]


def test_a_surname_after_a_full_name_is_the_same_person(entities):
    _, people = entities
    [karalius] = _holding(people, "Tomas Karalius")
    assert "Karalius" in karalius["aliases"]
    [petrov] = _holding(people, "Ivan Petrov")
    assert "Petrov" in petrov["aliases"] and petrov["docs"] == ["d"]


def test_a_typo_in_a_surname_still_finds_the_person(entities):
    _, people = entities
    [reporter] = _holding(people, "Evan Gershkovich")
    assert "Evan Gerhskovich" in reporter["aliases"] and reporter["docs"] == ["a", "c"]


def test_looking_up_any_spelling_prints_the_person(entities):
    db, _ = entities
    result = runner.invoke(app, ["entity", "Nawalny", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0
    [found] = json.loads(result.stdout)
    assert found["name"] in ("Alexei Navalny", "Aleksei Nawalny", "Alexey Navalnyy")
    assert found["documents"] == ["a", "b", "c"]
    assert runner.invoke(app, ["entity", "Nobody Atall", "--db", str(db)]).exit_code == 1


@pytest.mark.parametrize("a, b, same", [
    ("Roman Seleznev", "Roman Zelesnyov", True), ("Vadim Krasikov", "Vadim Krassikov", True),
    ("Dmitry Medvedev", "Dmitri Medwedew", True), ("Sergei Lavrov", "Sergey Lawrow", True),
    ("Oleksandr Hrytsenko", "Oleksandr Gritsenko", True), ("Pieter van Aalst", "Van Aalst", True),
    ("Anna Petrova", "Anna Petrov", False), ("Ivan Petrov", "Oleg Petrov", False),
    ("Yulia Navalnaya", "Alexei Navalny", False), ("Maria Kowalska", "Maria Kowalski", False),
])
def test_name_matching_folds_spellings_but_not_people(a, b, same):
    assert same_person_name(a, b) is same


def test_name_keys_fold_the_common_romanisations():
    assert name_key("Seleznyov") == name_key("Seleznev") == name_key("Zelesnyov")
    assert name_key("Konoshchyonok") == name_key("Konoshchenok")
    assert same_spelling("Jaroschenko", "Yaroshenko")  # the German reading of j and sch
    assert not same_spelling("Yaroshenko", "Yarosenko")


def test_a_spelling_seen_only_in_a_photo_caption_is_an_alias(tmp_path):
    _, out = build_and_export(tmp_path, {"court.txt": (
        "Court extends arrest of Belarusian blogger\nPublished: 9 September 2025\n"
        "Nikolay Sorokin arrives at the court in Minsk. Photo: Olga Ivanova/Minsk Wire\n"
        "A court in Minsk extended the arrest of blogger Nikolai Sorokin by three months on Tuesday. "
        "Sorokin denies the charges.\n")})
    people = [json.loads(line) for line in (out / "entities.jsonl").read_text().splitlines()]
    [sorokin] = [p for p in people if "Nikolai Sorokin" in p["aliases"]]
    assert {"Nikolay Sorokin", "Sorokin"} <= set(sorokin["aliases"])
    assert not [p for p in people if "Olga Ivanova" in p["aliases"]]  # the photographer's credit is no mention
