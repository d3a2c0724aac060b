"""People named the way news names them: in bylines and credits, with honorifics, after a nationality, in
lists of foreign names the tagger reads only in part."""
from __future__ import annotations

import json

import pytest

from conftest import build_and_export

ARTICLES = {
    "swap.txt": "Ukraine brings home commanders in prisoner swap\nPublished: 22 September 2022\nBy Maria Lindqvist\n"
                "Ukraine said on Thursday it had brought home 215 fighters, including regiment commanders "
                "Denys Hrytsenko and Mykola Bondar, in exchange for 55 Russian prisoners.\n"
                "Freeing Hrytsenko was a priority for Kyiv, an adviser to the president said.\n"
                "Reporting by Tomas Berg; Editing by Anna Kowal\n",
    "aid.txt": "Swedish aid worker freed after two years\nPublished: 3 May 2024\nBy Staff Reporter\n"
               "Swedish aid worker Johan Ekholm was released from prison in Tehran on Friday, his family said. "
               "Mr Ekholm had been held since 2022 on spying charges.\n"
               "The club, coached by Italian Marco Bellandi, said it was delighted by the news. "
               "Mr Ekholm is expected to land in Stockholm on Saturday.\n",
    "expert.txt": "Kazakhstan weighs extradition of Russian engineer\nPublished: 30 June 2024\n"
                  "The detainee, Arkady Zelintsev, works for a Russian software company. He was detained in "
                  "Almaty on June 20 at the request of Moscow.\n"
                  "Prosecutors will decide whether to send Zelintsev to Russia or to the United States, a "
                  "spokesman said. Zelintsev denies any wrongdoing.\n",
}


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    _, out = build_and_export(tmp_path_factory.mktemp("people"), ARTICLES)
    rows = [json.loads(line) for line in (out / "entities.jsonl").read_text().splitlines()]
    return [r for r in rows if r["type"] == "PERSON"], rows


def _holding(people, alias: str) -> list[dict]:
    return [p for p in people if alias in p["aliases"]]


def test_writers_and_editors_in_the_credits_are_people(people):
    persons, _ = people
    for name in ("Maria Lindqvist", "Tomas Berg", "Anna Kowal"):
        assert _holding(persons, name), name
    assert not [p for p in persons if "Staff" in p["name"] or "Reporter" in p["name"]]


def test_a_name_with_its_honorific_is_an_alias_of_the_person(people):
    persons, _ = people
    [ekholm] = _holding(persons, "Johan Ekholm")
    assert "Mr Ekholm" in ekholm["aliases"]
    assert ekholm["name"] == "Johan Ekholm"


def test_a_given_name_the_tagger_left_out_is_part_of_the_name(people):
    persons, _ = people
    [commander] = _holding(persons, "Denys Hrytsenko")
    assert "Hrytsenko" in commander["aliases"]
    assert not [p for p in persons if p["name"] in ("Denys", "Freeing Hrytsenko")]


def test_a_nationality_before_a_full_name_is_not_part_of_it(people):
    persons, everything = people
    assert _holding(persons, "Marco Bellandi")
    assert not [e for e in everything if e["name"].startswith("Italian Marco")]


def test_a_surname_alone_is_the_person_named_in_full_before_whatever_the_tagger_called_it(people):
    persons, everything = people
    [engineer] = _holding(persons, "Arkady Zelintsev")
    assert "Zelintsev" in engineer["aliases"]
    assert [e for e in everything if "Zelintsev" in e["aliases"]] == [engineer]
