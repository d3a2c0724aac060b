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


# ---------------------------------------------------------------- forms of one name, and two names kept apart

FORMS = {
    "cartel.txt": "Mexico sends cartel boss to the United States\nPublished: 12 March 2021\n"
                  "Mexico on Friday extradited cartel boss Ramiro \"El Zorro\" Quintanilla to the United States, "
                  "where he faces drug trafficking charges. El Zorro had escaped from prison twice.\n"
                  "Quintanilla's lawyers said they would appeal.\n",
    "academic.txt": "Scholar freed from Iranian prison\nPublished: 26 November 2020\n"
                    "Fiona Hart-Lennox, a lecturer at a British university, was freed on Thursday in exchange for "
                    "three prisoners. Dr Lennox-Hart had spent two years in Evin prison.\n"
                    "\"I am grateful to everyone who stood by me,\" Dr Hart-Lennox said in a statement.\n",
    "parents.txt": "Parents of jailed reporter plead for his release\nPublished: 4 April 2023\n"
                   "Reporter Daniel Lisitsyn was detained in Yekaterinburg last week. \"Anton and Vera Lisitsyn "
                   "have not slept since,\" their lawyer said. Canadians Michael Novak and Michael Brandt were "
                   "detained in the same month.\n",
    "officials.txt": "US charges Kazakh banker\nPublished: 9 June 2022\n"
                     "Deputy Attorney General Karen J. Whitfield said the banker had laundered millions. Al Jazeera's "
                     "Tomasz Wielgosz said the arrest had surprised the banker's colleagues. Secretary of State "
                     "Michael Harlan called it a warning to others.\n"
                     "Pastor Holloway, who runs a church in the city, said he had prayed for the banker.\n",
    "harlan.txt": "Harlan meets Kazakh minister\nPublished: 10 June 2022\n"
                  "US Secretary of State Mike Harlan met the Kazakh foreign minister on Friday. Harlan said the "
                  "case of the detained banker had been raised.\n",
    "surveyor.txt": "British surveyor detained in the Gulf\nPublished: 2 May 2019\n"
                    "Thomas Bridges, a British surveyor, was detained at the airport in Doha. Mr Bridge's family "
                    "said he was innocent and had been working on a hotel project.\n",
}


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    _, out = build_and_export(tmp_path_factory.mktemp("forms"), FORMS)
    rows = [json.loads(line) for line in (out / "entities.jsonl").read_text().splitlines()]
    return [r for r in rows if r["type"] == "PERSON"]


def test_a_quoted_nickname_is_part_of_one_name_and_an_alias_of_it(forms):
    [boss] = _holding(forms, "Ramiro Quintanilla")
    assert {"El Zorro", "Quintanilla"} <= set(boss["aliases"])
    assert not _holding(forms, "Ramiro")
    assert not [p for p in forms if p is not boss and "El Zorro" in p["aliases"]]


def test_a_double_surname_written_either_way_round_is_one_person(forms):
    [scholar] = _holding(forms, "Fiona Hart-Lennox")
    assert {"Dr Lennox-Hart", "Dr Hart-Lennox"} <= set(scholar["aliases"])
    assert not [p for p in forms if p is not scholar and "Lennox" in p["name"]]


def test_a_given_name_shares_the_surname_of_the_name_it_is_joined_to(forms):
    [father] = _holding(forms, "Anton Lisitsyn")
    assert "Vera Lisitsyn" not in father["aliases"]
    assert _holding(forms, "Vera Lisitsyn") != [father]
    # Two full names joined by "and" stay as written: no "Novak Brandt".
    assert _holding(forms, "Michael Novak") and _holding(forms, "Michael Brandt")
    assert not [p for p in forms if "Novak Brandt" in p["aliases"]]


def test_a_name_is_also_known_without_its_middle_initial(forms):
    [official] = _holding(forms, "Karen J. Whitfield")
    assert "Karen Whitfield" in official["aliases"]


def test_an_outlets_reporter_is_a_person_apart_from_the_outlet(forms):
    [reporter] = _holding(forms, "Tomasz Wielgosz")
    assert not [a for a in reporter["aliases"] if "Jazeera" in a]


def test_a_short_form_of_a_given_name_is_the_same_person_across_articles(forms):
    [secretary] = _holding(forms, "Michael Harlan")
    assert "Mike Harlan" in secretary["aliases"]


def test_a_pastor_is_named_with_his_title(forms):
    assert _holding(forms, "Pastor Holloway")


def test_an_apostrophe_slipped_into_a_surname_still_names_its_person(forms):
    [surveyor] = _holding(forms, "Thomas Bridges")
    assert "Bridge" in surveyor["aliases"]
    assert not [p for p in forms if p["name"] in ("Bridge", "Mr Bridge")]
