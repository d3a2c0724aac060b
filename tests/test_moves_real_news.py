"""Transfers, releases and visits told the ways news copy tells them, in sentences written for these tests:
a carrying verb after an arrest abroad, a visit named by a noun, and the plans, approvals and prospects
that report no event.

Each test gives the facts expected, and the near misses that must give none.
"""
from __future__ import annotations

import pytest
from conftest import case


def _of_type(found: list[dict], kind: str) -> list[tuple]:
    return [(person, args) for type_, person, args, _claim in case(found) if type_ == kind]


@pytest.mark.parametrize("text, expected", [
    ("Pedro Alvarez was arrested in Haiti in 2012, then taken to New York, where he stood trial for bribery.",
     [("Pedro Alvarez", {"from": "Haiti", "to": "United States"})]),
    ("Tom Reyes was arrested at the airport in Bangkok and flown to Los Angeles to stand trial.",
     [("Tom Reyes", {"from": "Thailand", "to": "United States"})]),
])
def test_carried_abroad_after_an_arrest_is_a_transfer(facts, text, expected):
    assert _of_type(facts(text), "transfer") == expected


@pytest.mark.parametrize("text", [
    "Omar Haddad was arrested in Cairo and taken to a police station.",
    "Marta Klein was arrested in Moscow and flown to St Petersburg.",
    "Police arrested Ali Karim after the protest and took him to hospital.",
])
def test_carried_within_a_country_or_nowhere_is_no_transfer(facts, text):
    assert _of_type(facts(text), "transfer") == []


def test_handed_over_to_us_names_no_country(facts):
    found = facts("Pilot Raj Singh has just been handed over to us, the defence minister of India said.")
    assert all("United States" not in args.values() for _person, args in _of_type(found, "transfer"))


@pytest.mark.parametrize("text", [
    "A court in Lisbon last month approved the extradition of Jan Novak to Spain.",
    "Ana Ruiz, an activist who says she was kidnapped in a US jail for three years, landed in Caracas.",
])
def test_an_approved_or_figurative_move_is_no_transfer(facts, text):
    assert _of_type(facts(text), "transfer") == []


@pytest.mark.parametrize("text", [
    "Officials said Lena Ross was set to walk free within days.",
    "“Next month we’ll learn when Lena Ross is released,” her mother said.",
])
def test_a_release_only_expected_is_no_release(facts, text):
    assert _of_type(facts(text), "release") == []


def test_a_release_that_happened_is_one(facts):
    assert _of_type(facts("Lena Ross was set free on Monday, her mother said.", published="2024-05-10"),
                    "release") == [("Lena Ross", {"date": "2024-05-06"})]


def test_a_consular_visit_to_a_detainee_is_a_visit(facts):
    found = facts("Embassy staff made a consular visit to Lars Berg, who is detained in China, on Friday.",
                  published="2024-05-10")
    assert [person for person, _args in _of_type(found, "visit")] == ["Lars Berg"]


def test_a_state_visit_is_no_visit_to_a_detainee(facts):
    found = facts("Prime Minister Olaf Kern's visit to Beijing ended on Monday, a week after Lars Berg was "
                  "detained there.")
    assert _of_type(found, "visit") == []


@pytest.mark.parametrize("text, expected", [
    ("Nadia Karimi was freed from Evin prison on Monday.", "Evin prison"),
    ("Kylie Moore was released from Iran on Thursday.", "Iran"),
])
def test_where_someone_was_freed_from_is_the_place_of_the_release(facts, text, expected):
    [(_person, args)] = _of_type(facts(text, published="2024-05-10"), "release")
    assert args["place"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Sgt. Dale Rivers has been transferred out of North Korea, officials said.",
     [("Dale Rivers", {"from": "North Korea"})]),
    ("Paul Renner was transferred out of his cell on Monday.", []),
])
def test_taken_out_of_a_country_is_a_transfer_from_it(facts, text, expected):
    assert _of_type(facts(text), "transfer") == expected


@pytest.mark.parametrize("text, seen", [
    ("Omar Haddad has been held in Evin prison since May. Consular officials saw him on Tuesday, the ministry said.",
     ["Omar Haddad"]),
    ("Lena Ross, who is detained in Minsk, has not been charged. Her lawyer met her on Monday.", ["Lena Ross"]),
    ("Omar Haddad has been held in Evin prison since May. His lawyer has not seen him since March.", []),
    ("The ambassador met Sergei Lavrov on Monday to discuss trade.", []),
])
def test_a_diplomat_or_lawyer_seeing_a_detainee_is_a_visit(facts, text, seen):
    assert [person for person, _args in _of_type(facts(text, published="2024-05-10"), "visit")] == seen


@pytest.mark.parametrize("text", [
    "His lawyers are fighting Ivan Petrov's extradition to the United States.",
    "Ivan Petrov is battling extradition to the United States, where he faces fraud charges.",
])
def test_an_extradition_fought_is_no_transfer(facts, text):
    assert _of_type(facts(text), "transfer") == []


@pytest.mark.parametrize("text, expected", [
    ("Ivan Petrov was denied entry to Mexico last spring and was sent to Amsterdam on the next flight.",
     [("Ivan Petrov", {"from": "Mexico", "to": "Netherlands", "manner": "deportation"})]),
    ("Ivan Petrov was denied entry to Mexico and was sent back to the airport.", []),
])
def test_turned_away_at_a_border_and_sent_abroad_is_a_deportation(facts, text, expected):
    assert _of_type(facts(text), "transfer") == expected


@pytest.mark.parametrize("text, seen", [
    ("Consular officials were allowed to see Ales Novik, who is held in Minsk, on Friday.", ["Ales Novik"]),
    ("Consular officials were not allowed to see Ales Novik, who is held in Minsk.", []),
    ("Ales Novik, who is held in Minsk, will be allowed to see his lawyer next week.", []),
])
def test_a_visit_allowed_and_made_is_a_visit(facts, text, seen):
    assert [person for person, _args in _of_type(facts(text, published="2024-05-10"), "visit")] == seen


@pytest.mark.parametrize("text, freed", [
    ("Maria Kovac and Ivo Horvat returned to Zagreb after release from a prison in Tehran.",
     ["Ivo Horvat", "Maria Kovac"]),
    ("Maria Kovac spoke to reporters after the release of the report.", []),
])
def test_a_release_after_which_people_travel_is_theirs(facts, text, freed):
    assert sorted(person for person, _args in _of_type(facts(text), "release")) == freed
