"""Case events as news prose tells them: charges an arrest is made on, custody as a state, visits to
detainees, terms in words, and who asserts what the article only reports.

Each test gives the facts expected, and the near misses that must give none.
"""
from __future__ import annotations

import pytest
from conftest import case


def _of_type(found: list[dict], kind: str) -> list[tuple]:
    return [row for row in case(found) if row[0] == kind]


# ---------------------------------------------------------------- charges told with another event


@pytest.mark.parametrize("text, offence, country", [
    (("Omar Haddad was arrested in Cyprus in May at the request of the United States on charges of "
      "smuggling rifle parts."), "smuggling rifle parts", "United States"),
    ("Security officers detained Omar Haddad in Minsk on espionage charges last week.", "espionage", "Belarus"),
])
def test_an_arrest_on_charges_is_also_a_charge(facts, text, offence, country):
    [(_, person, args, claimed)] = _of_type(facts(text, published="2024-06-12"), "charge")
    assert (person, args, claimed) == ("Omar Haddad", {"charge": offence, "country": country}, None)


def test_an_arrest_for_a_reason_is_no_charge(facts):
    found = facts("Omar Haddad was arrested at the airport in Minsk for filming a border post.")
    assert _of_type(found, "arrest") and not _of_type(found, "charge")


# ---------------------------------------------------------------- custody as a state


@pytest.mark.parametrize("text, expected", [
    ("Ivo Novak, another Czech detained in Iran, was left out of the deal.", {"country": "Iran"}),
    ("Tehran freed Ivo Novak, the engineer previously detained in Iran.", {"country": "Iran"}),
    ("Ivo Novak was released from Tehran's Evin prison on Monday.",
     {"facility": "Tehran's Evin prison", "place": "Tehran", "country": "Iran"}),
    ("Ivo Novak was held by the rebels for three months.", {}),
])
def test_where_someone_was_held_is_custody(facts, text, expected):
    [(_, person, args, _claim)] = _of_type(facts(text, published="2024-06-12"), "custody")
    assert (person, args) == ("Ivo Novak", expected)


def test_a_detention_with_a_day_is_an_arrest_not_custody(facts):
    found = facts("Ivo Novak, an engineer detained in Iran on March 3, was left out of the deal.",
                  published="2024-06-12")
    assert _of_type(found, "arrest") and not _of_type(found, "custody")


def test_the_prison_of_a_release_is_of_the_subject_not_of_the_last_name_before_it(facts):
    found = facts("Ivo Novak was swapped for Lena Berg at the border this morning following his release "
                  "from a Texas prison.", published="2024-06-12")
    assert [(row[1], row[2]["facility"]) for row in _of_type(found, "custody")] == [("Ivo Novak", "Texas prison")]


@pytest.mark.parametrize("text", [
    "Ivo Novak was released from jail on Monday.",  # no prison named
    "Ivo Novak held the national record for three years.",
])
def test_no_custody_without_a_prison_or_a_person_held(facts, text):
    assert not _of_type(facts(text, published="2024-06-12"), "custody")


# ---------------------------------------------------------------- visits


@pytest.mark.parametrize("text", [
    "The consul met Tom Mayer in prison on Tuesday.",
    "Tom Mayer was granted consular access on Tuesday.",
])
def test_a_consular_visit_told_without_the_word_visit(facts, text):
    [(_, person, args, _claim)] = _of_type(facts(text, published="2024-05-10"), "visit")
    assert (person, args.get("date")) == ("Tom Mayer", "2024-05-07")


@pytest.mark.parametrize("text", [
    "Tom Mayer was granted access to his lawyer on Tuesday.",
    "Ambassador John Reed met Tom Mayer in Minsk.",
])
def test_meeting_someone_free_or_seeing_a_lawyer_is_no_visit(facts, text):
    assert not _of_type(facts(text, published="2024-05-10"), "visit")


# ---------------------------------------------------------------- who else it befell


def test_people_arrested_or_charged_along_with_the_subject_share_the_event(facts):
    found = facts("Omar Haddad was indicted alongside his associates Lina Sabo and Karl Wendt on May 4, 2021.\n"
                  "Ruth Keller was arrested in Minsk along with Canadian Tom Mayer on espionage charges.",
                  published="2024-06-12")
    assert {(row[0], row[1]) for row in case(found)} == {
        ("charge", "Omar Haddad"), ("charge", "Lina Sabo"), ("charge", "Karl Wendt"),
        ("arrest", "Ruth Keller"), ("arrest", "Tom Mayer"), ("charge", "Ruth Keller"), ("charge", "Tom Mayer")}


def test_someone_arrested_with_a_relative_is_not_charged_with_the_relative(facts):
    found = facts("Omar Haddad was arrested together with his brother at the airport in Minsk.")
    assert [(row[0], row[1], row[2].get("charge")) for row in case(found)] == [("arrest", "Omar Haddad", None)]


def test_a_participle_set_off_after_a_name_describes_that_name(facts):
    found = facts("The embassy was told of the extradition from Cyprus to the United States of Omar Haddad, "
                  "accused of smuggling rifle parts to Iran.")
    assert [(row[1], row[2]["charge"]) for row in _of_type(found, "charge")] == [
        ("Omar Haddad", "smuggling rifle parts to Iran")]


# ---------------------------------------------------------------- verdicts


def test_a_sentence_and_the_conviction_it_follows_share_offence_and_country(facts):
    found = facts("Omar Haddad, who had been sentenced in Norway to 12 years in prison after being convicted of "
                  "arson and fraud, has been freed.")
    verdicts = {row[0]: row[2] for row in case(found) if row[0] in ("conviction", "sentence")}
    assert verdicts == {"conviction": {"charge": "arson and fraud", "country": "Norway"},
                        "sentence": {"term": "P12Y", "charge": "arson and fraud", "country": "Norway"}}


def test_they_of_a_clause_inside_the_sentence_are_its_named_subjects(facts):
    found = facts("Lina Sabo and Karl Wendt were arrested in Haiti in 2015, then flown to Miami where they were "
                  "convicted of drug charges.")
    assert sorted(row[1] for row in _of_type(found, "conviction")) == ["Karl Wendt", "Lina Sabo"]


def test_they_of_a_sentence_about_one_person_is_no_one(facts):
    found = facts("Karl Wendt was arrested in Haiti in 2015 after his partners said they were convicted of fraud.")
    assert not _of_type(found, "conviction")


@pytest.mark.parametrize("text", [
    "Artem Volkov has pleaded not guilty and rejected extradition to the United States.",
    "Artem Volkov was found not guilty of fraud by a court in Milan.",
])
def test_a_plea_or_verdict_of_not_guilty_is_no_conviction(facts, text):
    assert not _of_type(facts(text), "conviction")


def test_a_guilty_plea_to_charges_is_a_conviction_for_them(facts):
    [(_, _, args, _)] = _of_type(facts("Artem Volkov pleaded guilty to money laundering charges."), "conviction")
    assert args == {"charge": "money laundering"}


# ---------------------------------------------------------------- who "he" is, who asserts it


def test_he_of_a_clause_goes_on_with_the_subject_not_the_last_name(facts):
    found = facts("Omar Haddad wrote to the consul Karl Wendt that he had been arrested in Minsk in May.",
                  published="2024-06-12")
    assert {row[1] for row in _of_type(found, "arrest")} == {"Omar Haddad"}


def test_one_event_two_sources_assert_is_one_fact(facts):
    found = facts("Omar Haddad was extradited to the United States, his lawyer Karl Wendt said.\n"
                  "Omar Haddad had been extradited to the United States, the Justice Department said on Friday.",
                  published="2024-06-12")
    assert len(_of_type(found, "transfer")) == 1


def test_a_relative_clause_inside_reported_speech_is_the_articles_own_background(facts):
    found = facts("The judiciary's spokesman Ali Sadri said on Monday that Omar Haddad, who had been sentenced "
                  "in Sweden to 12 years in prison, has been released.", published="2024-06-12")
    claims = {row[0]: row[3] for row in case(found)}
    assert claims == {"sentence": None, "release": "Ali Sadri"}


def test_what_a_source_says_happened_in_a_place_stays_its_claim(facts):
    found = facts("According to his lawyer Karl Wendt, Omar Haddad was flown to Amsterdam where he was detained.")
    assert [(row[1], row[3]) for row in _of_type(found, "arrest")] == [("Omar Haddad", "Karl Wendt")]


@pytest.mark.parametrize("text, expected", [
    (("Ivo Novak and Lena Berg have landed in Australia after spending almost 700 days in "
      "detention in Vietnam."), [("Ivo Novak", {"country": "Vietnam"}), ("Lena Berg", {"country": "Vietnam"})]),
    ("The court rejected the appeal, instead assigning Lena Berg to a detention center until December 5.",
     [("Lena Berg", {"facility": "detention center"})]),
    ("Ivo Novak was moved from a prison cell to house arrest.", [("Ivo Novak", {"facility": "house arrest"})]),
    ("The detainee, Ivo Novak, works as a surveyor in Ostrava.", [("Ivo Novak", {})]),
    ("Political prisoner Lena Berg faces another week in limbo.", [("Lena Berg", {})]),
])
def test_custody_told_by_where_a_person_was_put_or_what_they_are_called(facts, text, expected):
    assert sorted((row[1], row[2]) for row in _of_type(facts(text, published="2024-06-12"), "custody")) == \
        sorted(expected)


@pytest.mark.parametrize("text", [
    "Former prisoner Ivo Novak spoke to reporters in Berlin.",
    "Ivo Novak, a hostage negotiator, spoke to reporters.",
    "Ivo Novak was taken to a hospital in Minsk.",
    "The prisoner swap was agreed by Lena Berg.",
])
def test_a_free_person_or_a_move_to_no_prison_is_no_custody(facts, text):
    assert not _of_type(facts(text, published="2024-06-12"), "custody")


def test_jailed_on_charges_is_held_while_charged_and_jailed_for_a_crime_a_sentence(facts):
    found = facts("Dana Levi, an Israeli woman jailed in Russia on drug charges, spoke to her mother.\n"
                  "Kevin Doyle was jailed in Russia for tax offences.")
    assert case(found) == [
        ("charge", "Dana Levi", {"charge": "drug", "country": "Russia"}, None),
        ("custody", "Dana Levi", {"country": "Russia"}, None),
        ("sentence", "Kevin Doyle", {"charge": "tax offences", "country": "Russia"}, None)]


@pytest.mark.parametrize("text, offence", [
    ("Pierre Morel was convicted on baseless charges of spying.", "spying"),
    ("Pierre Morel was held on trumped-up espionage charges.", "espionage"),
    ("Pierre Morel was convicted on national security charges.", "national security"),
])
def test_an_offence_is_what_the_charge_is_not_what_the_speaker_thinks_of_it(facts, text, offence):
    assert {row[2].get("charge") for row in case(facts(text))} == {offence}


def test_an_arrest_on_charges_leaves_them_to_the_charge(facts):
    found = facts("Pierre Morel was arrested in Minsk on espionage charges.")
    assert case(found) == [("arrest", "Pierre Morel", {"place": "Minsk", "country": "Belarus"}, None),
                           ("charge", "Pierre Morel", {"charge": "espionage", "country": "Belarus"}, None)]


@pytest.mark.parametrize("text", [
    "Lena Varga told the court that she is against being extradited to Canada.",
    "Lena Varga protested against her extradition to Canada.",
    "Omar Haddad is held in a Cyprus jail pending extradition to the United States.",
])
def test_an_extradition_opposed_or_awaited_is_no_transfer(facts, text):
    assert not _of_type(facts(text), "transfer")


def test_a_statement_released_before_a_quotation_frees_no_one_it_names(facts):
    found = facts('Tomas Brandt fainted during the race. A statement released on the club\'s website read: '
                  '"Our thoughts are with our striker Tomas Brandt, who is now in a clinic."')
    assert not _of_type(found, "release")


def test_a_roster_after_a_colon_still_names_the_people_freed(facts):
    found = facts("Belarus freed three prisoners: Ivo Novak; Lena Berg; and Karl Wendt.")
    assert sorted(row[1] for row in _of_type(found, "release")) == ["Ivo Novak", "Karl Wendt", "Lena Berg"]


# ---------------------------------------------------------------- arrests, releases and custody told in other words


def test_a_rearrest_is_an_arrest_with_its_day_and_who_made_it(facts):
    [(_, person, args, _claim)] = _of_type(
        facts("Lena Berg was rearrested by prosecutors in Tokyo on Thursday.", published="2024-06-12"), "arrest")
    assert (person, args["date"], args["by"]) == ("Lena Berg", "2024-06-06", "prosecutors")


def test_a_recapture_only_tried_is_no_arrest(facts):
    assert not _of_type(facts("Police tried to recapture Lena Berg after her escape."), "arrest")


def test_an_arrest_is_dated_by_the_day_its_when_clause_hangs_on(facts):
    found = facts("Omar Haddad has been jailed in Iran since June 2021, when police arrested him near the border.",
                  published="2024-06-12")
    assert [row[2].get("date") for row in _of_type(found, "arrest")] == ["2021-06"]
    found = facts("Omar Haddad, who was arrested near the border, has been jailed in Iran since June 2021.",
                  published="2024-06-12")
    assert [row[2].get("date") for row in _of_type(found, "arrest")] == [None]


def test_an_arrest_told_with_its_place_before_the_person(facts):
    found = facts("The protests followed the arrest in Vancouver of Lena Berg, a senior executive of the bank.")
    assert [(row[1], row[2].get("place")) for row in _of_type(found, "arrest")] == [("Lena Berg", "Vancouver")]
    assert not _of_type(facts("Protesters gathered after an arrest in the city of Dandong last week."), "arrest")


def test_people_arrested_with_the_subject_are_found_by_the_names_they_are_given(facts):
    found = facts("Omar Haddad was detained in December along with two colleagues, the cameraman Ivo Novak "
                  "and a local producer, Samir Aziz.", published="2024-06-12")
    assert sorted(row[1] for row in _of_type(found, "arrest")) == ["Ivo Novak", "Omar Haddad", "Samir Aziz"]


@pytest.mark.parametrize("text", [
    "Omar Haddad was able to leave prison on Friday.",
    "Omar Haddad left prison on Friday in a wheelchair.",
])
def test_leaving_prison_is_a_release(facts, text):
    [(_, person, args, _claim)] = _of_type(facts(text, published="2024-06-12"), "release")
    assert (person, args.get("date")) == ("Omar Haddad", "2024-06-07")


@pytest.mark.parametrize("text", [
    "Omar Haddad hopes to leave prison soon.",
    "Omar Haddad was not able to leave prison.",
])
def test_leaving_prison_only_hoped_or_denied_is_no_release(facts, text):
    assert not _of_type(facts(text), "release")


def test_moving_from_prison_to_house_arrest_is_custody_of_the_one_who_moved(facts):
    found = facts("Omar Haddad, a pastor on trial in Turkey, moved from jail to house arrest on Wednesday.")
    assert [(row[1], row[2].get("facility")) for row in _of_type(found, "custody")] == [
        ("Omar Haddad", "house arrest")]
    assert not _of_type(facts("Judge Ivo Novak moved the hearing to Wednesday."), "custody")


def test_someone_imprisoned_on_charges_is_in_custody(facts):
    found = facts("Lena Berg was imprisoned on espionage charges.")
    assert [row[1] for row in _of_type(found, "custody")] == ["Lena Berg"]


def test_a_description_after_a_name_is_that_names_not_the_noun_before(facts):
    found = facts("Mira Berg flew home on Monday. The mother of Lena Berg, a teacher jailed in Iran on spying "
                  "charges, said she was hopeful.")
    assert [row[1] for row in _of_type(found, "custody")] == ["Lena Berg"]


def test_consular_access_granted_to_a_mission_is_a_visit_to_the_detainee(facts):
    found = facts("The Canadian embassy was granted consular access to Omar Haddad, who is held in China.")
    assert [row[1] for row in _of_type(found, "visit")] == ["Omar Haddad"]


@pytest.mark.parametrize("text", [
    ("Lena Berg and her husband, Ivo Novak, were on a flight to Vilnius in May. The couple were detained upon "
     "landing in Minsk."),
    ("Lena Berg and Ivo Novak flew to Tehran in May. The two men met officials there. The two journalists were "
     "arrested a day later."),
])
def test_the_couple_or_the_two_are_the_people_just_named_together(facts, text):
    assert sorted(row[1] for row in _of_type(facts(text), "arrest")) == ["Ivo Novak", "Lena Berg"]


@pytest.mark.parametrize("text", [
    "Lena Berg and Ivo Novak flew to Tehran in May. The three journalists were arrested a day later.",
    "Lena Berg and Ivo Novak sailed to Bandar Abbas in May. The two ships were seized by Iran a day later.",
])
def test_a_group_of_another_size_or_kind_is_not_the_people_named(facts, text):
    assert not _of_type(facts(text), "arrest")



def test_an_arrest_is_dated_by_what_went_on_while_it_happened_not_by_what_came_before(facts):
    found = facts("Omar Haddad was arrested while waiting for his flight on June 2 at the airport.",
                  published="2024-06-12")
    assert [row[2].get("date") for row in _of_type(found, "arrest")] == ["2024-06-02"]
    found = facts("Omar Haddad was arrested after he had posted a video on June 2.", published="2024-06-12")
    assert [row[2].get("date") for row in _of_type(found, "arrest")] == [None]


def test_the_names_listed_after_a_group_are_its_members(facts):
    found = facts("The charges resemble those brought against the two Canadian men who were detained in "
                  "December, the diplomat Ivo Novak and the businessman Karl Wendt.", published="2024-06-12")
    assert sorted(row[1] for row in _of_type(found, "arrest")) == ["Ivo Novak", "Karl Wendt"]
    found = facts("The charges resemble those brought against the three Canadian men who were detained in "
                  "December, the diplomat Ivo Novak and the businessman Karl Wendt.", published="2024-06-12")
    assert not _of_type(found, "arrest")


@pytest.mark.parametrize("text", [
    "The jailed journalist Omar Haddad wrote to his wife.",
    "Omar Haddad, a detained American teacher, wrote to the president.",
])
def test_a_jailed_or_detained_person_before_the_name_is_held_not_arrested(facts, text):
    found = facts(text)
    assert [row[1] for row in _of_type(found, "custody")] == ["Omar Haddad"]
    assert not _of_type(found, "arrest") and not _of_type(found, "sentence")


def test_detained_for_a_while_is_held_and_was_arrested(facts):
    found = facts("Omar Haddad has been detained in China for over a year.")
    assert [(row[1], row[2].get("country")) for row in _of_type(found, "custody")] == [("Omar Haddad", "China")]
    assert [row[1] for row in _of_type(found, "arrest")] == ["Omar Haddad"]
    found = facts("Omar Haddad is detained in China.")
    assert _of_type(found, "custody") and not _of_type(found, "arrest")


def test_an_extradition_told_with_its_countries_before_the_person(facts):
    found = facts("The consulate was notified of the extradition from Cyprus to the United States of Omar Haddad, "
                  "a businessman accused of fraud.")
    assert [(row[1], row[2].get("from"), row[2].get("to")) for row in _of_type(found, "transfer")] == [
        ("Omar Haddad", "Cyprus", "United States")]
    assert not _of_type(facts("The consulate was told of an extradition from the city of Larnaca last week."),
                        "transfer")


def test_jailed_for_years_stays_a_sentence_not_custody(facts):
    found = facts("Omar Haddad has been jailed for 16 years for spying.")
    assert [row[2].get("term") for row in _of_type(found, "sentence")] == ["P16Y"]
    assert not _of_type(found, "custody")
