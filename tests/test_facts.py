"""Facts from sentences written for these tests: each type, each grammatical pattern, claims and quotes.

Every test states the exact facts expected of its text, so a missing, extra or
wrong argument fails it.
"""
from __future__ import annotations

import pytest
from conftest import case, statements

# ---------------------------------------------------------------- arrests and transfers

def test_passive_arrest_with_agent_place_and_month(facts):
    found = facts("Lena Fischer was arrested by Belarusian security officers in Minsk in August 2016.",
                  published="2017-03-01")
    assert case(found) == [("arrest", "Lena Fischer", {"date": "2016-08", "place": "Minsk", "country": "Belarus",
                                                       "by": "Belarusian security officers"}, None)]


def test_arrest_in_an_apposition_and_a_transfer_last_year(facts):
    found = facts("Ivan Petrov, a Russian programmer arrested by Spanish police in Barcelona in 2019, "
                  "was extradited to the United States last year.", published="2021-06-01")
    assert case(found) == [
        ("arrest", "Ivan Petrov", {"date": "2019", "place": "Barcelona", "country": "Spain", "by": "Spanish police"},
         None),
        ("transfer", "Ivan Petrov", {"date": "2020", "to": "United States", "manner": "extradition", "from": "Spain"},
         None),
    ]


def test_active_arrest_at_a_states_request_on_a_weekday(facts):
    found = facts("Georgian police detained Levan Kapanadze at Tbilisi airport on Tuesday at the request of "
                  "Turkey.", published="2024-03-08")
    assert case(found) == [("arrest", "Levan Kapanadze", {
        "date": "2024-03-05", "place": "Tbilisi airport", "country": "Georgia", "by": "Georgian police",
        "requested_by": "Turkey"}, None)]


def test_relative_clauses_coordinated_with_as_well_as(facts):
    found = facts("The same happened to Karl Moser, who was abducted in Yemen in May 2013 and taken to Saudi "
                  "Arabia, as well as to Omar Haddad, whom foreign agents kidnapped from Kenya in March 2011 and "
                  "flew to Israel.", published="2015-01-01")
    assert case(found) == [
        ("transfer", "Karl Moser", {"date": "2013-05", "from": "Yemen", "to": "Saudi Arabia",
                                    "manner": "abduction"}, None),
        ("transfer", "Omar Haddad", {"date": "2011-03", "from": "Kenya", "to": "Israel", "manner": "abduction"},
         None),
    ]


def test_deportation_by_a_states_police_comes_from_that_state(facts):
    found = facts("Thai police deported Mikko Laine, a Finnish national, to Finland on Monday.",
                  published="2019-02-06")
    assert case(found) == [("transfer", "Mikko Laine", {"date": "2019-02-04", "from": "Thailand", "to": "Finland",
                                                        "manner": "deportation"}, None)]


def test_a_lead_names_its_person_in_the_next_sentence(facts):
    found = facts("A Chilean man wanted for fraud was extradited to Argentina on Friday.\n"
                  "Pablo Rojas, 44, was arrested in Santiago in March.", published="2022-10-08")
    assert case(found) == [
        ("arrest", "Pablo Rojas", {"date": "2022-03", "place": "Santiago", "country": "Chile"}, None),
        ("charge", "Pablo Rojas", {"charge": "fraud", "country": "Argentina"}, None),
        ("transfer", "Pablo Rojas", {"date": "2022-10-07", "to": "Argentina", "manner": "extradition",
                                     "from": "Chile"}, None),
    ]


# ---------------------------------------------------------------- charges, verdicts, sentences

def test_charge_in_a_relative_clause_and_charges_faced(facts):
    found = facts("Maria Lopez, who was charged with money laundering, denies wrongdoing.\n"
                  "Tomas Ruiz faces charges of arms trafficking in Peru.")
    assert case(found) == [
        ("charge", "Maria Lopez", {"charge": "money laundering"}, None),
        ("charge", "Tomas Ruiz", {"charge": "arms trafficking", "country": "Peru"}, None),
    ]


def test_found_guilty_and_convicted_after_a_subjectless_clause(facts):
    found = facts("A jury found Tom Baker guilty of fraud in June 2021.\n"
                  "Ana Silva has been in jail since 2015 after being convicted in 2014 of smuggling diamonds.",
                  published="2022-01-10")
    assert case(found) == [
        ("conviction", "Ana Silva", {"date": "2014", "charge": "smuggling diamonds"}, None),
        ("conviction", "Tom Baker", {"date": "2021-06", "charge": "fraud"}, None),
        ("custody", "Ana Silva", {}, None),
    ]


def test_sentence_with_term_fine_court_and_full_date(facts):
    found = facts("On March 3, 2022, a Moscow court sentenced Jane Doe to nine years in prison and a fine of "
                  "$2 million.")
    assert case(found) == [("sentence", "Jane Doe", {"date": "2022-03-03", "term": "P9Y", "fine": "2000000 USD",
                                                     "court": "Moscow court", "country": "Russia"}, None)]


def test_sentence_handed_down_and_a_fine_on_its_own(facts):
    found = facts("A court in Almaty handed blogger Dana Serik a five-year prison sentence for extremism.\n"
                  "Serik was also fined 50,000 euros.")
    assert case(found) == [("sentence", "Dana Serik", {"term": "P5Y", "court": "court in Almaty",
                                                       "country": "Kazakhstan", "charge": "extremism",
                                                       "fine": "50000 EUR"}, None)]


def test_serving_a_sentence_is_a_sentence_and_while_it_lasts_custody(facts):
    found = facts("Olav Berg is serving an 18-month sentence in Norway for espionage.\n"
                  "Piet Claes had been serving a 12-year term in Belgium for fraud.", published="2023-05-05")
    assert case(found) == [
        ("custody", "Olav Berg", {"country": "Norway"}, None),
        ("sentence", "Olav Berg", {"term": "P18M", "charge": "espionage", "country": "Norway"}, None),
        ("sentence", "Piet Claes", {"term": "P12Y", "charge": "fraud", "country": "Belgium"}, None),
    ]


# ---------------------------------------------------------------- custody, release, swaps, visits

def test_custody_is_a_present_state_and_a_past_detention_is_an_arrest(facts):
    found = facts("Ahmed Salem, who is held in Evin prison in Tehran, was detained in Shiraz in 2022.",
                  published="2024-02-02")
    assert case(found) == [
        ("arrest", "Ahmed Salem", {"date": "2022", "place": "Shiraz", "country": "Iran"}, None),
        ("custody", "Ahmed Salem", {"facility": "Evin prison in Tehran", "place": "Tehran", "country": "Iran"},
         None),
    ]


def test_remaining_in_custody(facts):
    found = facts("Jorge Molina remains in custody in a military prison outside Caracas.")
    assert case(found) == [("custody", "Jorge Molina", {"facility": "military prison outside Caracas",
                                                        "place": "Caracas", "country": "Venezuela"}, None)]


def test_release_by_pardon_on_a_weekday(facts):
    found = facts("French tourist Paul Marchand was pardoned on Friday.", published="2024-05-10")
    assert case(found) == [("release", "Paul Marchand", {"date": "2024-05-10", "manner": "pardon"}, None)]


def test_release_on_bail(facts):
    found = facts("Swedish student Anna Lind was released on bail on Wednesday.", published="2018-01-05")
    assert case(found) == [("release", "Anna Lind", {"date": "2018-01-03", "manner": "bail"}, None)]


def test_swapped_for_gives_the_exchange_both_ways(facts):
    found = facts("Dmitri Orlov was swapped for American journalist Sarah Kent in Ankara last month.",
                  published="2024-09-15")
    assert case(found) == [
        ("exchange", "Dmitri Orlov", {"date": "2024-08", "place": "Ankara", "counterpart": ["Sarah Kent"]}, None),
        ("exchange", "Sarah Kent", {"date": "2024-08", "place": "Ankara", "counterpart": ["Dmitri Orlov"]}, None),
    ]


def test_released_in_exchange_for_is_one_swap_with_the_release_date(facts):
    found = facts("Iran on Friday released Belgian aid worker Luc Vermeer in exchange for Iranian diplomat "
                  "Hamid Karimi.", published="2023-03-17")
    assert case(found) == [
        ("exchange", "Hamid Karimi", {"counterpart": ["Luc Vermeer"], "date": "2023-03-17"}, None),
        ("exchange", "Luc Vermeer", {"counterpart": ["Hamid Karimi"], "date": "2023-03-17"}, None),
    ]


def test_coordinated_people_exchanged_are_each_others_counterpart(facts):
    found = facts("Trevor Marsh and Viktor Sokol were exchanged at the border on Sunday.", published="2022-04-28")
    assert case(found) == [
        ("exchange", "Trevor Marsh", {"date": "2022-04-24", "counterpart": ["Viktor Sokol"]}, None),
        ("exchange", "Viktor Sokol", {"date": "2022-04-24", "counterpart": ["Trevor Marsh"]}, None),
    ]


def test_people_among_those_freed_in_a_prisoner_swap(facts):
    found = facts("Reporter Nina Gold and engineer Tom Hale were among 12 people freed by Iran on Thursday "
                  "in a prisoner swap.", published="2024-08-02")
    assert case(found) == [("exchange", "Nina Gold", {"date": "2024-08-01"}, None),
                           ("exchange", "Tom Hale", {"date": "2024-08-01"}, None)]


def test_consular_visit_names_visitor_and_place(facts):
    found = facts("Ambassador Laura Smith told reporters after visiting Canadian citizen Mark Chen, who is held "
                  "in Beijing.")
    assert case(found) == [
        ("custody", "Mark Chen", {"place": "Beijing", "country": "China"}, None),
        ("visit", "Mark Chen", {"visitor": "Laura Smith", "place": "Beijing"}, None),
    ]


def test_a_visit_that_is_only_the_occasion_of_an_arrest_is_no_visit(facts):
    found = facts("Henri Dubois was detained in Tehran in June while visiting his partner, Sara Amini, who "
                  "remains in custody.", published="2019-03-15")
    assert case(found) == [("arrest", "Henri Dubois", {"date": "2018-06", "place": "Tehran", "country": "Iran"},
                            None),
                           ("custody", "Sara Amini", {}, None)]


# ---------------------------------------------------------------- other senses, unreal events

@pytest.mark.parametrize("text", [
    "The central bank said it would act to arrest the decline of the currency.",
    "The two ministers exchanged views on trade with Peter Hall on Monday.",
    "The transfer of funds to Anna Berg was completed on Monday.",
    "Analysts said the last sentence of the report by Mark Dunn was unclear.",
    "Shares of the company founded by Carla Diaz were released from a trading halt.",
    "Striker Leo Santos was transferred to Chelsea for a record fee.",
    "There is no chance of Ivan Petrov being released early.",
    "If Ivan Petrov is exchanged, he will return home.",
    "Police could arrest Ivan Petrov at any time, his lawyer fears.",
    "Canberra has repeatedly called for the release of Yang Wei.",
    "A Dutch court approved the extradition of Rui Costa to Spain.",
    "Senator Jane Holt accused the minister Tom Reed of lying.",
    "The Lakers traded guard Marcus Hill to the Boston Celtics in exchange for forward Derek Stone.",
    "Coach Tim Brady was fined $25,000 by the league for criticizing referees.",
    "Coach Tim Brady was charged with a technical foul in the fourth quarter.",
    "Officials said the suspect, Ali Khan, was held responsible for the delays.",
])
def test_other_senses_and_unreal_events_give_no_case_fact(facts, text):
    assert case(facts(text)) == []


# ---------------------------------------------------------------- claims

def test_what_a_ministry_says_is_claimed_by_it(facts):
    found = facts("The German Foreign Ministry said that Karl Moser was kidnapped in Yemen in 2013.")
    assert case(found) == [("transfer", "Karl Moser", {"date": "2013", "from": "Yemen", "manner": "abduction"},
                            "German Foreign Ministry")]


def test_facts_inside_a_quotation_are_claimed_by_its_speaker(facts):
    found = facts('Foreign Minister Jan Novak spoke on Telegram.\n"Our citizen Eva Horak was abducted in Belarus '
                  'in 2021 and taken to Russia," Novak said.')
    assert case(found) == [("transfer", "Eva Horak", {"date": "2021", "from": "Belarus", "to": "Russia",
                                                      "manner": "abduction"}, "Jan Novak")]


# ---------------------------------------------------------------- quotations

def test_quotes_split_by_said_are_two_statements_of_one_speaker(facts):
    found = facts('"We will appeal this verdict," lawyer Anna Weber said, "because it ignores all the evidence."')
    assert statements(found) == [
        ("Anna Weber", {"quote": "We will appeal this verdict"}, None),
        ("Anna Weber", {"quote": "because it ignores all the evidence."}, None),
    ]


def test_a_quote_without_its_opening_mark_by_a_speaker_named_by_title(facts):
    found = facts("Foreign Minister Jan Novak spoke to reporters in Prague on Monday.\n"
                  "The decision is a disgrace to the rule of law,” the minister said.\n"
                  '"Our citizens must come home soon."', published="2025-06-04")
    assert statements(found) == [
        # the day he spoke to reporters is the day of what he said to them
        ("Jan Novak", {"quote": "The decision is a disgrace to the rule of law", "channel": "reporters",
                       "date": "2025-06-02"}, None),
        ("Jan Novak", {"quote": "Our citizens must come home soon.", "channel": "reporters", "date": "2025-06-02"},
         None),
    ]


def test_an_institution_quoted_then_called_it(facts):
    found = facts("The Omani foreign ministry said the talks had ended.\n"
                  '"Both sides showed great flexibility today," the ministry added on its website.\n'
                  '"We thank everyone who helped," it said.', published="2023-03-17")
    assert statements(found) == [
        ("Omani foreign ministry", {"quote": "Both sides showed great flexibility today", "channel": "website"},
         None),
        ("Omani foreign ministry", {"quote": "We thank everyone who helped", "channel": "website"}, None),
    ]


def test_statement_channel_date_and_the_people_it_is_about(facts):
    found = facts('"Kurt Vogel must be freed at once," Senator Mia Brandt wrote on Telegram on Thursday.',
                  published="2024-08-02")
    assert statements(found) == [("Mia Brandt", {"quote": "Kurt Vogel must be freed at once", "channel": "telegram",
                                                 "date": "2024-08-01", "about": ["Kurt Vogel"]}, None)]


def test_a_quote_with_no_speaker_to_be_found_is_no_statement(facts):
    found = facts('The room fell silent.\n"Nobody expected this outcome at all," someone whispered.')
    assert statements(found) == []


def test_short_quotes_are_not_statements(facts):
    found = facts('The minister Jan Novak called the ruling "a disgrace" on Monday.')
    assert statements(found) == []


def test_every_evidence_is_a_sentence_of_the_text(facts):
    text = ("Ivan Petrov, a Russian programmer arrested by Spanish police in Barcelona in 2019, was extradited "
            "to the United States last year. \"He is innocent of all charges,\" his lawyer Anna Weber told "
            "reporters.")
    found = facts(text, published="2021-06-01")
    assert {f["type"] for f in found} == {"arrest", "transfer", "statement"}
    for fact in found:
        assert fact["evidence"] in (
            "Ivan Petrov, a Russian programmer arrested by Spanish police in Barcelona in 2019, was extradited "
            "to the United States last year.",
            "\"He is innocent of all charges,\" his lawyer Anna Weber told reporters.")


# ---------------------------------------------------------------- more grammar: relatives, appositions, lists

def test_whose_arrest_and_a_release_at_the_end_of_a_term(facts):
    found = facts("Tomasz Wrobel, whose arrest in 2020 sparked protests, was released after serving his "
                  "full sentence.", published="2023-09-20")
    assert case(found) == [
        ("arrest", "Tomasz Wrobel", {"date": "2020"}, None),
        ("release", "Tomasz Wrobel", {"manner": "end_of_term"}, None),
        ("sentence", "Tomasz Wrobel", {}, None),
    ]


def test_names_in_apposition_to_a_noun_and_their_conjuncts(facts):
    found = facts("A court in Grodno convicted activists Ales Bialy and Maria Lenko of organising protests.\n"
                  "Myanmar released Japanese filmmaker Kenji Ota in a swap for two Myanmar nationals, Aung Min and "
                  "Zaw Htet.")
    assert case(found) == [
        ("conviction", "Ales Bialy", {"charge": "organising protests", "court": "court in Grodno",
                                      "country": "Belarus"}, None),
        ("conviction", "Maria Lenko", {"charge": "organising protests", "court": "court in Grodno",
                                       "country": "Belarus"}, None),
        ("exchange", "Aung Min", {"counterpart": ["Kenji Ota"]}, None),
        ("exchange", "Kenji Ota", {"counterpart": ["Aung Min", "Zaw Htet"]}, None),
        ("exchange", "Zaw Htet", {"counterpart": ["Kenji Ota"]}, None),
    ]


def test_a_date_name_that_runs_on_is_read_to_its_date(facts):
    found = facts("Nora Lind was detained in October 2019, weeks after her brother fled the country.",
                  published="2020-02-02")
    assert case(found) == [("arrest", "Nora Lind", {"date": "2019-10"}, None)]


def test_claims_by_according_to_and_by_a_trailing_reporting_clause(facts):
    found = facts("According to the Kenyan foreign ministry, Omar Said was abducted in Somalia in 2019.\n"
                  "Luis Vega was arrested in Quito last month, the Peruvian embassy said.", published="2020-01-15")
    assert case(found) == [
        ("arrest", "Luis Vega", {"date": "2019-12", "place": "Quito", "country": "Ecuador"}, "Peruvian embassy"),
        ("transfer", "Omar Said", {"date": "2019", "from": "Somalia", "manner": "abduction"},
         "Kenyan foreign ministry"),
    ]


def test_a_nameless_spokesperson_speaks_for_the_institution(facts):
    found = facts('"We welcome the release of all three prisoners today," a spokesperson for the National '
                  'Security Council said.')
    assert statements(found) == [("National Security Council",
                                  {"quote": "We welcome the release of all three prisoners today"}, None)]


# ---------------------------------------------------------------- dates in context

def test_an_event_that_occasions_a_statement_shares_its_date(facts):
    found = facts('"He is in good spirits despite everything," Ambassador Laura Smith told reporters on Monday '
                  "after visiting Mark Chen, who is held in Beijing.", published="2024-03-08")
    assert case(found) == [
        ("custody", "Mark Chen", {"place": "Beijing", "country": "China"}, None),
        ("visit", "Mark Chen", {"date": "2024-03-04", "visitor": "Laura Smith", "place": "Beijing"}, None),
    ]
    assert statements(found) == [("Laura Smith", {"quote": "He is in good spirits despite everything",
                                                  "channel": "reporters", "date": "2024-03-04",
                                                  "about": ["Mark Chen"]}, None)]


def test_last_december_in_a_january_article(facts):
    found = facts("Marta Kowalska was freed last December.", published="2023-01-20")
    assert case(found) == [("release", "Marta Kowalska", {"date": "2022-12"}, None)]


def test_a_year_less_publication_date_leaves_the_year_unknown(facts):
    found = facts("Sergei Popov was detained on April 4 and charged on Thursday with spying.",
                  published="XXXX-04-06")
    assert case(found) == [("arrest", "Sergei Popov", {"date": "XXXX-04-04"}, None),
                           ("charge", "Sergei Popov", {"charge": "spying"}, None)]


def test_a_quotation_paragraph_whose_speaker_the_paragraph_before_names(facts):
    found = facts("Foreign Minister Eva Lind spoke on Telegram on Monday about the detained sailors.\n"
                  '"We will not abandon our citizens abroad, whatever it takes."', published="2024-03-06")
    assert statements(found) == [("Eva Lind", {"quote": "We will not abandon our citizens abroad, whatever it takes.",
                                               "channel": "telegram", "date": "2024-03-04"}, None)]
