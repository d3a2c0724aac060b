"""Arguments of case facts as news copy gives them, in sentences written for these tests: the country an
event's place, court, prosecutors or state imply, the one a person's other events share, and who detained.

Each test states what must be found and what must not.
"""
from __future__ import annotations

import pytest
from conftest import case


def _args(found: list[dict], kind: str) -> dict:
    [args] = [f[2] for f in case(found) if f[0] == kind]
    return args


# ---------------------------------------------------------------- the country a clause implies


@pytest.mark.parametrize("text, kind, country", [
    ("Iran sentenced Anna Berg to eight years in prison after convicting her of espionage.", "sentence", "Iran"),
    ("Iran sentenced Anna Berg to eight years in prison after convicting her of espionage.", "conviction", "Iran"),
    ("Karl Weber was detained at Kazan airport on June 2.", "arrest", "Russia"),
    ("Lena Varga was detained at a Russian airport in 2017.", "arrest", "Russia"),
    ("Tomas Brandt was arrested at the Beauvais airport outside Paris on Tuesday.", "arrest", "France"),
    ("The Gomel Regional Court found Lena Varga guilty of tax evasion.", "conviction", "Belarus"),
    ("Peter Lang was jailed in May for running a fraud website, the U.S. Department of Justice said.",
     "sentence", "United States"),
    ("Ilya Sorokin arrived in Germany on Friday, where he faces fraud charges.", "charge", "Germany"),
    ("Former chief executive Carl Moss was rearrested by Osaka prosecutors on Thursday.", "arrest", "Japan"),
])
def test_the_country_of_an_event_is_read_from_what_its_sentence_implies(facts, text, kind, country):
    assert _args(facts(text, published="2024-05-10"), kind)["country"] == country


def test_a_place_in_a_region_of_a_country_is_that_region_and_the_country_that_of_its_adjective(facts):
    args = _args(facts("Tomas Brandt was arrested on October 3 in the Swiss canton of Ticino.",
                       published="2024-05-10"), "arrest")
    assert (args["place"], args["country"]) == ("Ticino", "Switzerland")


@pytest.mark.parametrize("text, kind", [
    ("Tom Hale was detained in the North after crossing the border.", "arrest"),
    ("Olga Petrova was sentenced to six years, the Russian Foreign Ministry said.", "sentence"),
])
def test_a_word_that_only_looks_like_a_place_or_a_ministry_that_judges_nothing_gives_no_country(
        facts, text, kind):
    assert "country" not in _args(facts(text, published="2024-05-10"), kind)


def test_a_court_named_only_by_its_nationality_gives_the_country_but_names_no_court(facts):
    args = _args(facts("A Russian court sentenced Mark Dale to nine years in prison.", published="2024-05-10"),
                 "sentence")
    assert args["country"] == "Russia"
    assert "court" not in args


@pytest.mark.parametrize("text, kind, country", [
    ("Anna Berg spent two years in Iranian custody.", "custody", "Iran"),
    ("Peter Lang is in U.S. custody after his handover on Friday.", "custody", "United States"),
    ("The pilot Ravi Menon, who spent 60 hours in Pakistan captivity, came home on Friday.", "custody", "Pakistan"),
    ("Tom Hale, who faces U.S. charges of fraud, was arrested in Oslo.", "charge", "United States"),
])
def test_the_state_an_event_noun_names_is_its_country(facts, text, kind, country):
    assert _args(facts(text, published="2024-05-10"), kind)["country"] == country


def test_a_nationality_that_owns_the_event_noun_is_a_person_not_its_country(facts):
    found = facts("Tom Hale was arrested in Oslo on Friday. The American's arrest angered his family.",
                  published="2024-05-10")
    assert {args.get("country") for kind, _p, args, _c in case(found) if kind == "arrest"} == {"Norway"}


def test_the_place_of_what_a_person_was_doing_when_arrested_is_where_they_were_arrested(facts):
    args = _args(facts("Anna Berg was detained while waiting for her flight at Kazan's airport.",
                       published="2024-05-10"), "arrest")
    assert (args["place"], args["country"]) == ("Kazan airport", "Russia")
    args = _args(facts("Mark Dale was arrested while he was travelling through Vancouver's airport.",
                       published="2024-05-10"), "arrest")
    assert args["place"] == "Vancouver airport"


def test_an_arrest_from_a_place_was_made_there_but_not_one_after_coming_from_it(facts):
    found = facts("Commander Ravi Menon was arrested on March 3 from Lahore.", published="2024-05-10")
    assert _args(found, "arrest")["place"] == "Lahore"
    found = facts("Karl Weber was arrested on March 3 after he returned from Lahore.", published="2024-05-10")
    assert "place" not in _args(found, "arrest")


def test_where_someone_else_was_meanwhile_is_not_where_the_arrest_was(facts):
    args = _args(facts("Karl Weber was detained while his wife stayed in Berlin.", published="2024-05-10"),
                 "arrest")
    assert "place" not in args


def test_the_north_of_an_article_about_a_divided_country_is_that_country_but_no_place(facts):
    found = facts("Travis Cole crossed into North Korea in July. The crossing led to his detention in the North.",
                  published="2024-05-10")
    args = _args(found, "arrest")
    assert args["country"] == "North Korea"
    assert "place" not in args


def test_a_member_of_a_group_held_by_a_state_was_detained_by_that_state(facts):
    found = facts("Lee is among the dozen Britons now jailed by Russia, including the singer Anna Berg, "
                  "who was detained in February.", published="2024-05-10")
    assert _args(found, "arrest")["country"] == "Russia"


def test_a_group_told_in_the_sentence_before_its_members_are_listed(facts):
    found = facts("London wants back the British nationals jailed by Moscow. They include the teacher Anna Berg, "
                  "who is facing charges of smuggling.", published="2024-05-10")
    assert _args(found, "charge")["country"] == "Russia"
    found = facts("London wants back the British nationals who travelled to Moscow. They include the teacher "
                  "Anna Berg, who is facing charges of smuggling.", published="2024-05-10")
    assert "country" not in _args(found, "charge")


def test_a_member_s_own_place_outweighs_the_group_s(facts):
    found = facts("Several Americans are held by Russia, including Anna Berg, who was detained in Minsk "
                  "in February.", published="2024-05-10")
    assert _args(found, "arrest")["country"] == "Belarus"


# ---------------------------------------------------------------- the country a person's events share


def test_a_verdict_and_sentence_are_of_the_country_where_a_person_who_never_left_was_arrested(facts):
    found = facts("Pavel Kral was arrested in Kazan in November 2017. "
                  "He was convicted in April and sentenced to 13 years in prison.", published="2020-08-01")
    assert _args(found, "conviction")["country"] == "Russia"
    assert _args(found, "sentence")["country"] == "Russia"


def test_a_verdict_and_the_sentence_told_with_it_share_their_date(facts):
    found = facts("Pavel Kral was convicted in April and sentenced to 13 years in prison. "
                  "He was arrested in November 2017.", published="2020-08-01")
    assert _args(found, "conviction")["date"] == _args(found, "sentence")["date"] == "2020-04"
    assert _args(found, "arrest")["date"] == "2017-11"


def test_the_country_of_an_arrest_before_an_extradition_is_not_the_trials(facts):
    found = facts("Mark Dale was arrested in Spain in 2018. He was extradited to the United States in 2019. "
                  "He was convicted in June.", published="2020-08-01")
    assert _args(found, "arrest")["country"] == "Spain"
    assert _args(found, "conviction").get("country") != "Spain"


def test_a_person_held_in_one_country_was_moved_from_there(facts):
    found = facts("Lena Varga has been held in Tehran's Evin jail since 2021. "
                  "She was transferred to Qatar on Monday.", published="2024-05-10")
    assert _args(found, "transfer")["from"] == "Iran"


def test_a_charge_is_of_the_state_that_asked_for_the_arrest(facts):
    found = facts("Ivan Orlov was detained in Italy at the request of the United States. "
                  "He is accused of smuggling military technology.", published="2024-05-10")
    assert _args(found, "arrest")["country"] == "Italy"
    assert _args(found, "charge")["country"] == "United States"


def test_people_indicted_together_are_charged_by_one_state(facts):
    found = facts("Anna Berg was extradited to the U.S. in 2021. Berg was indicted alongside Paul Lang and "
                  "Karl Weber in 2020. Olga Petrova was charged in Russia with treason.", published="2024-05-10")
    charged = {person: args.get("country") for kind, person, args, _c in case(found) if kind == "charge"}
    assert charged == {"Anna Berg": "United States", "Paul Lang": "United States", "Karl Weber": "United States",
                       "Olga Petrova": "Russia"}


@pytest.mark.parametrize("text, country", [
    ("Anna Berg was released by Tehran on Saturday. Berg had spent over two years in detention.", "Iran"),
    ("Karl Weber was freed by Russia in a prisoner swap. Weber had been held for a year.", "Russia"),
    ("Karl Weber was released by his captors on Saturday. Weber had been held for a year.", None),
])
def test_a_person_was_held_by_the_state_that_freed_them(facts, text, country):
    [held] = [args for kind, _p, args, _c in case(facts(text, published="2024-05-10")) if kind == "custody"]
    assert held.get("country") == country


@pytest.mark.parametrize("text", [
    ("Karl Weber, who could get 20 years behind bars if he is extradited to the United States, is accused of laundering money. "
     "He was arrested in Greece in July."),
    ("Karl Weber was arrested in Greece in July. He is accused of laundering money and is fighting extradition to "
     "the United States."),
])
def test_a_charge_is_of_the_state_a_person_would_be_extradited_to_not_where_they_were_arrested(facts, text):
    found = facts(text, published="2024-05-10")
    assert _args(found, "charge")["country"] == "United States"
    assert _args(found, "arrest")["country"] == "Greece"


def test_another_person_s_extradition_gives_no_country_to_a_charge(facts):
    found = facts("Anna Berg is accused of fraud, while Karl Weber was extradited to Germany last year.",
                  published="2024-05-10")
    assert "country" not in _args(found, "charge")


@pytest.mark.parametrize("text", [
    "Lena Vogel was arrested at Vancouver airport in December on behalf of the United States.",
    "Lena Vogel was arrested at Vancouver airport in December at Washington's request.",
])
def test_the_state_that_asked_for_an_arrest(facts, text):
    args = _args(facts(text, published="2024-05-10"), "arrest")
    assert (args["requested_by"], args["country"]) == ("United States", "Canada")


def test_an_arrest_told_twice_keeps_the_town_rather_than_the_country(facts):
    found = facts("Tomas Brandt has been detained in Belgium at the US request, according to his attorney. "
                  "A local daily wrote that Brandt had been detained in Antwerp on Friday.", published="2024-05-10")
    args = _args(found, "arrest")
    assert (args["place"], args["country"]) == ("Antwerp", "Belgium")


# ---------------------------------------------------------------- who detained


@pytest.mark.parametrize("text, by", [
    ("Swiss police arrested Ivan Orlov at a ski resort on Monday.", "Swiss police"),
    ("Ivan Orlov was arrested by the FSB in Moscow on Monday.", "FSB"),
    ("Ivan Orlov was detained by Russia in March.", "Russia"),
])
def test_who_detained_is_named_as_the_text_names_them(facts, text, by):
    assert _args(facts(text, published="2024-05-10"), "arrest")["by"] == by


def test_a_person_who_seized_someone_is_no_detaining_authority(facts):
    found = facts("Ivan Orlov was seized by Anna Berg outside the embassy.", published="2024-05-10")
    assert all("by" not in args for kind, _person, args, _claim in case(found) if kind == "arrest")


def test_an_arrest_on_charges_tells_the_charge_as_a_fact_of_its_own(facts):
    found = facts("Ivan Orlov was arrested in Cyprus on August 26 on charges of smuggling microchips.",
                  published="2024-05-10")
    assert _args(found, "charge")["charge"] == "smuggling microchips"
    assert "charge" not in _args(found, "arrest")


# ---------------------------------------------------------------- where a person is held


@pytest.mark.parametrize("text, expected", [
    ("Nadia Kern has been held in Tehran's notorious Evin prison since 2022.",
     {"facility": "Tehran's notorious Evin prison", "place": "Tehran", "country": "Iran"}),
    ("Lena Varga has been held under strict house arrest in Minsk since March.",
     {"facility": "strict house arrest", "place": "Minsk", "country": "Belarus"}),
])
def test_the_facility_and_the_town_a_person_is_held_in(facts, text, expected):
    assert _args(facts(text, published="2024-05-10"), "custody") == expected


def test_the_town_a_prison_is_near_is_where_a_person_is_held_but_a_country_is_no_town(facts):
    args = _args(facts("Joaquin Perez is jailed in a prison outside the city of Ciudad Juarez.",
                       published="2024-05-10"), "custody")
    assert (args["place"], args["country"]) == ("Ciudad Juarez", "Mexico")
    args = _args(facts("Anna Berg is held in a prison near the border with Mexico.", published="2024-05-10"),
                 "custody")
    assert "place" not in args


def test_a_country_s_prisons_are_no_facility_but_give_the_country(facts):
    args = _args(facts("Anna Berg spent months in Russian prisons for drug offences.", published="2024-05-10"),
                 "custody")
    assert args == {"country": "Russia"}
    args = _args(facts("Karl Weber is held in a Russian penal colony.", published="2024-05-10"), "custody")
    assert args["facility"] == "Russian penal colony"


@pytest.mark.parametrize("text, expected", [
    ("A Moscow court placed Tom Hale under house arrest.",
     {"facility": "house arrest", "place": "Moscow", "country": "Russia"}),
    (("The Leninsky District Court of Kazan rejected the lawyer's request, instead assigning Anna Berg to a "
     "detention centre until December 5."),
     {"facility": "detention centre", "place": "Kazan", "country": "Russia"}),
    ("A Russian court sent Karl Weber to a detention centre in June.",
     {"facility": "detention centre", "country": "Russia"}),
])
def test_a_court_holds_a_person_in_its_own_town(facts, text, expected):
    assert _args(facts(text, published="2024-05-10"), "custody") == expected


def test_a_facility_ends_where_the_sentence_goes_on_to_other_people(facts):
    found = facts("Nadia Kern spent four years in the Evin prison in Tehran, as well as engineer Omar Haddad.",
                  published="2024-05-10")
    [args] = [f[2] for f in case(found) if f[0] == "custody" and f[1] == "Nadia Kern"]
    assert args["facility"] == "Evin prison in Tehran"


def test_a_place_of_another_clause_is_not_where_a_person_is_held(facts):
    found = facts("Lena Varga and Tomas Brandt were jailed three years ago, after being summoned to a hearing in "
                  "Managua.", published="2024-05-10")
    held = [args for kind, _person, args, _claim in case(found) if kind == "custody"]
    assert held and all("place" not in args for args in held)


# ---------------------------------------------------------------- offences


def test_a_conviction_naming_no_offence_is_for_the_one_the_person_was_charged_with(facts):
    found = facts("Pavel Kral was charged with treason in 2018. He was convicted in April and sentenced to 13 years "
                  "in prison.", published="2020-08-01")
    assert _args(found, "conviction")["charge"] == "treason"


def test_a_conviction_takes_no_offence_where_the_article_names_two(facts):
    found = facts("Mark Dale was charged with espionage in 2019. He was later accused of bribery. "
                  "He was convicted in June.", published="2020-08-01")
    assert "charge" not in _args(found, "conviction")


def test_what_is_said_of_the_charges_is_no_offence(facts):
    found = facts("Mark Dale was convicted on baseless charges in June.", published="2020-08-01")
    assert "charge" not in _args(found, "conviction")


# ---------------------------------------------------------------- the court of a person's verdicts


def test_a_sentence_told_apart_from_the_conviction_is_by_the_same_court(facts):
    found = facts("Pavel Kral was convicted of treason by the Grodno Regional Court in June. "
                  "In October he was sentenced to nine years in prison.", published="2024-12-10")
    assert _args(found, "sentence")["court"] == "Grodno Regional Court"
    assert _args(found, "sentence")["country"] == "Belarus"


def test_one_person_s_court_is_not_another_s(facts):
    found = facts("Pavel Kral was convicted of treason by the Grodno Regional Court in June. "
                  "Mark Dale was sentenced to nine years in prison in October.", published="2024-12-10")
    assert "court" not in _args(found, "sentence")
