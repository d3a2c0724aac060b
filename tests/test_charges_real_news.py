"""Charges, convictions and sentences told the ways news tells them, in sentences written for these tests:
charges named by their noun ("wanted on drug charges", "his trial on charges of spying"), who a charge is
against when a pronoun tells it, offences cut where the offence ends, and the terms and fines of sentences.

Each test gives the facts expected, and the near misses that must give none.
"""
from __future__ import annotations

import pytest

from conftest import case


def _charges(found: list[dict]) -> list[tuple]:
    return [(person, args) for kind, person, args, _claim in case(found) if kind == "charge"]


# ---------------------------------------------------------------- charges told by their noun


@pytest.mark.parametrize("text, expected", [
    ("Lukas Brenner is wanted in the United States on drug trafficking and other charges.",
     [("Lukas Brenner", {"charge": "drug trafficking and other charges", "country": "United States"})]),
    ("Lukas Brenner, a banker wanted in Germany for fraud, was arrested in Madrid on Monday.",
     [("Lukas Brenner", {"charge": "fraud", "country": "Germany"})]),
    ("Lukas Brenner was tried behind closed doors on national security charges.",
     [("Lukas Brenner", {"charge": "national security"})]),
    ("Lukas Brenner is being held in a jail in Miami, awaiting trial on a charge of arms smuggling.",
     [("Lukas Brenner", {"charge": "arms smuggling", "country": "United States"})]),
    ("Lukas Brenner was detained in March. His trial opened in Iran last December on charges of spying for Israel.",
     [("Lukas Brenner", {"charge": "spying for Israel", "country": "Iran"})]),
    ("Lukas Brenner is awaiting an extradition hearing in Vancouver on U.S. fraud charges.",
     [("Lukas Brenner", {"charge": "U.S. fraud", "country": "United States"})]),
    ("Lukas Brenner was detained in Moscow. The espionage charges against him are baseless, his lawyer said.",
     [("Lukas Brenner", {"charge": "espionage", "country": "Russia"})]),
    ("Lukas Brenner pleaded not guilty to charges that he committed bank fraud.",
     [("Lukas Brenner", {"charge": "committed bank fraud"})]),
    ("Judges decided Lukas Brenner may be extradited to the US to face bribery charges.",
     [("Lukas Brenner", {"charge": "bribery", "country": "United States"})]),
    ("Lukas Brenner, a key accused in the 2008 bombing of the embassy, was extradited to India.",
     [("Lukas Brenner", {"charge": "2008 bombing of the embassy", "country": "India"})]),
])
def test_a_charge_told_by_its_noun(facts, text, expected):
    assert _charges(facts(text, published="2024-05-10")) == expected


@pytest.mark.parametrize("text", [
    "Lukas Brenner could be tried on espionage charges.",
    "Lukas Brenner is wanted for questioning by police.",
    "There are no charges against Lukas Brenner.",
    "Lukas Brenner denies the charges against him.",
    "Lukas Brenner pleaded guilty to charges of fraud.",
    "Lukas Brenner was sentenced to eight years in prison on drug charges.",
    "Lukas Brenner could face charges of fraud.",
])
def test_charges_only_supposed_unnamed_or_of_another_event_are_no_charge_of_their_own(facts, text):
    assert _charges(facts(text, published="2024-05-10")) == []


def test_they_in_a_clause_stands_for_the_names_the_subject_lists(facts):
    text = ("The three aid workers – Lukas Brenner, Oskar Lindqvist and Pavel Dvorak – were jailed in 2019, "
            "after being summoned to a meeting in Tehran, where they were charged with espionage.")
    charged = _charges(facts(text, published="2024-05-10"))
    assert [person for person, _ in charged] == ["Lukas Brenner", "Oskar Lindqvist", "Pavel Dvorak"]
    assert all(args["charge"] == "espionage" for _, args in charged)


# ---------------------------------------------------------------- offences of sentences


def test_a_gerund_the_parser_reads_as_a_verb_of_the_charges_is_the_offence(facts):
    [(kind, _person, args, _claim)] = case(facts(
        "Lukas Brenner had lately been sentenced to 16 years in a high-security jail on spying charges."))
    assert (kind, args) == ("sentence", {"term": "P16Y", "charge": "spying"})


@pytest.mark.parametrize("text, offence", [
    ("Anna Berg was freed in exchange for convicted arms dealer Lukas Brenner.", "arms dealer"),
    ("Anna Berg was freed in exchange for Lukas Brenner, a convicted spy.", "spy"),
    ("Anna Berg was freed in exchange for Lukas Brenner, a convicted Russian businessman.", None),
])
def test_a_convicted_offender_is_convicted_of_what_the_noun_names(facts, text, offence):
    [conviction] = [args for kind, person, args, _ in case(facts(text)) if kind == "conviction"]
    assert conviction.get("charge") == offence


def test_a_charge_told_with_the_second_of_two_verbs(facts):
    text = "Lukas Brenner was detained in May 2019 and tried behind closed doors on national security charges."
    assert _charges(facts(text, published="2024-05-10")) == [("Lukas Brenner", {"charge": "national security"})]


# ---------------------------------------------------------------- terms and fines


@pytest.mark.parametrize("text, expected", [
    ("Lukas Brenner was sentenced to eight years and eight months in prison.", {"term": "P8Y8M"}),
    ("Lukas Brenner was sentenced in Minsk to seven and a half years in a penal colony.",
     {"term": "P7.5Y", "country": "Belarus"}),
    ("Lukas Brenner was also fined one million dollars.", {"fine": "1000000 USD"}),
    ("Lukas Brenner was fined 175,000 Belarusian rubles by a court in Minsk.",
     {"fine": "175000 BYN", "court": "court in Minsk", "country": "Belarus"}),
])
def test_the_term_and_fine_of_a_sentence(facts, text, expected):
    [(kind, _person, args, _claim)] = case(facts(text, published="2024-05-10"))
    assert (kind, args) == ("sentence", expected)


def test_a_sentence_to_life_or_death_has_no_term(facts):
    [(kind, _person, args, _claim)] = case(facts("Lukas Brenner was sentenced to death for drug smuggling."))
    assert (kind, args) == ("sentence", {"charge": "drug smuggling"})


def test_whose_arrest_the_noun_tells_is_no_offence(facts):
    found = case(facts("Lukas Brenner, a telecom executive, is being held in Vancouver. The arrest last month of the "
                       "executive of a leading phone maker angered Beijing.", published="2024-05-10"))
    assert [(kind, args.get("charge")) for kind, _person, args, _ in found] == [("arrest", None), ("custody", None)]


# ---------------------------------------------------------------- where an offence is cut


@pytest.mark.parametrize("text, offence", [
    ('Lukas Brenner is suspected of "engaging in hostile activities that harm state security".',
     "engaging in hostile activities that harm state security"),
    ('Lukas Brenner was charged with failing to declare his lobbying as a "foreign agent," an offence punished by '
     'up to five years.', "failing to declare his lobbying as a foreign agent"),
    ("Lukas Brenner was accused of illegally exporting microchips.", "illegally exporting microchips"),
    ("Lukas Brenner was charged with espionage and treason for passing secrets to Britain.", "espionage and treason"),
])
def test_an_offence_ends_where_the_deed_does(facts, text, offence):
    assert _charges(facts(text, published="2024-05-10")) == [("Lukas Brenner", {"charge": offence})]


def test_who_stands_for_the_person_named_before_it_not_the_thing_the_parser_hung_it_on(facts):
    text = ("State security took measures against Lukas Brenner, who is suspected of endangering national "
            "security, the ministry said.")
    assert [person for person, _ in _charges(facts(text))] == ["Lukas Brenner"]
