"""Facts phrased the ways wire copy and newspapers phrase them, in sentences written for these tests:
custody as a state with its place, channels of statements, rosters of swaps, implied countries.

Each test gives the exact facts expected, and the near misses that must give none.
"""
from __future__ import annotations

import sqlite3

import pytest

from conftest import build_and_export, case, statements

# ---------------------------------------------------------------- custody


@pytest.mark.parametrize("text, expected", [
    ("Tomas Berger has spent 300 days in a prison in Baku.",
     {"facility": "prison in Baku", "place": "Baku", "country": "Azerbaijan"}),
    ("Greta Holm remains behind bars in Minsk.", {"place": "Minsk", "country": "Belarus"}),
    ("Paul Renner was placed under house arrest in Moscow in March.",
     {"facility": "house arrest", "place": "Moscow", "country": "Russia"}),
    ("Mira Lund has been languishing in a cell in Ankara since January.",
     {"place": "Ankara", "country": "Turkey"}),
    ("Daniel Marsh is being held at a detention centre outside Bangkok, his family said.",
     {"facility": "detention centre outside Bangkok", "place": "Bangkok", "country": "Thailand"}),
])
def test_custody_as_a_state_with_its_place(facts, text, expected):
    [(kind, _person, args, _claim)] = case(facts(text, published="2024-05-10"))
    assert (kind, args) == ("custody", expected)


@pytest.mark.parametrize("text, expected", [
    ("Also freed was Rico Brandt, a mechanic who was imprisoned in Belarus.",
     [("custody", "Rico Brandt", {"country": "Belarus"}, None), ("release", "Rico Brandt", {}, None)]),
    ("Viktor Ross had been imprisoned by the United States until the swap.",
     [("custody", "Viktor Ross", {"country": "United States"}, None)]),
    ("Lena Varga, who was held for two years in Iranian prisons, arrived in Vienna.",
     [("custody", "Lena Varga", {"country": "Iran"}, None)]),
    ("Kevin Doyle was jailed for 16 years in 2023.", [("sentence", "Kevin Doyle", {"date": "2023", "term": "P16Y"},
                                                         None)]),
    ("Kevin Doyle was jailed in June 2020 for running a fraud website.",
     [("sentence", "Kevin Doyle", {"date": "2020-06", "charge": "running a fraud website"}, None)]),
])
def test_where_someone_was_held_is_custody_and_a_term_a_sentence(facts, text, expected):
    assert case(facts(text, published="2024-08-02")) == expected


@pytest.mark.parametrize("text", [
    "Ruth Keller spent three weeks in a hotel in Vienna.",
    "The suspect's assets were placed under arrest by the court, said Ruth Keller.",
    "Ruth Keller remains in the running for the prize.",
])
def test_a_stay_that_is_no_detention_is_no_custody(facts, text):
    assert [f for f in case(facts(text)) if f[0] == "custody"] == []


# ---------------------------------------------------------------- statements: channels


@pytest.mark.parametrize("frame, channel", [
    ('Foreign Minister Helga Brandt wrote on X: "We will not rest until he is home with his family."',
     "social_media"),
    ('"We will not rest until he is home with his family," Senator Mark Ellery tweeted.', "social_media"),
    ('The State Department said in a statement: "We will not rest until he is home with his family."',
     "statement"),
    ('"We will not rest until he is home with his family," Vera Sokolova said in a post on Telegram.',
     "telegram"),
    ('"We will not rest until he is home with his family," Helga Brandt told a news conference.',
     "press_conference"),
    ('"We will not rest until he is home with his family," Helga Brandt told reporters.', "reporters"),
    ('"We will not rest until he is home with his family," Helga Brandt said in an interview with a '
     'radio station.', "interview"),
])
def test_the_channel_of_a_statement(facts, frame, channel):
    [(_speaker, args, _claim)] = statements(facts(frame, published="2024-05-10"))
    assert args["channel"] == channel


# ---------------------------------------------------------------- swaps told as rosters


def _swaps(found: list[dict]) -> dict[str, tuple]:
    return {f["subject"]: (f["args"].get("date"), f["args"].get("place"), sorted(f["args"].get("counterpart", [])))
            for f in found if f["type"] == "exchange"}


def test_a_roster_of_each_side_pairs_every_freed_person_with_the_other_side(facts):
    found = facts("Russia and the United States completed a prisoner exchange in Ankara on Thursday.\n"
                  "Among those freed by Moscow were journalist Kevin Doyle, former marine Tom Hale and activist "
                  "Lena Fischer.\n"
                  "In return, the West released Viktor Ross, who had been convicted of murder in Germany, and "
                  "Arkady Belov.", published="2024-05-10")
    russia_freed, west_freed = ["Kevin Doyle", "Lena Fischer", "Tom Hale"], ["Arkady Belov", "Viktor Ross"]
    assert _swaps(found) == {
        **{p: ("2024-05-09", "Ankara", west_freed) for p in russia_freed},
        **{p: ("2024-05-09", "Ankara", russia_freed) for p in west_freed},
    }


def test_sides_named_by_the_states_that_freed_them(facts):
    found = facts("Belarus freed Marta Kowal and Jonas Keller on Tuesday as part of a prisoner swap with Poland, "
                  "which released Pavel Sidorov.", published="2024-05-10")
    assert _swaps(found) == {"Marta Kowal": ("2024-05-07", None, ["Pavel Sidorov"]),
                             "Jonas Keller": ("2024-05-07", None, ["Pavel Sidorov"]),
                             "Pavel Sidorov": ("2024-05-07", None, ["Jonas Keller", "Marta Kowal"])}


def test_people_freed_by_one_side_only_get_no_guessed_counterparts(facts):
    found = facts("Iran released five Americans, including Siamak Tehrani and Emad Rahimi, in exchange for the "
                  "release of five Iranians held in the US.", published="2024-05-10")
    assert _swaps(found) == {"Siamak Tehrani": (None, None, []), "Emad Rahimi": (None, None, [])}


def test_releases_in_an_article_with_no_swap_stay_releases(facts):
    found = facts("Belarus freed Marta Kowal on Tuesday. Poland released Pavel Sidorov on bail a week later.",
                  published="2024-05-10")
    assert [f["type"] for f in found] == ["release", "release"]


# ---------------------------------------------------------------- evidence of merged facts


def test_a_fact_told_twice_shows_the_sentence_that_states_its_values(facts):
    first = "Consular officers visited Ivan Sokol, who is serving a sentence in a prison in Ohio."
    second = "On April 21, 2017, a federal court in Seattle sentenced Ivan Sokol to 27 years in prison."
    found = facts(f"{first}\n{second}", published="2019-03-01")
    [sentence] = [f for f in found if f["type"] == "sentence"]
    assert sentence["args"]["date"] == "2017-04-21" and sentence["args"]["term"] == "P27Y"
    assert sentence["evidence"] == second


def test_a_merged_fact_keeps_every_sentence_that_tells_it(tmp_path):
    first = "Consular officers visited Ivan Sokol, who is serving a sentence in a prison in Ohio."
    second = "On April 21, 2017, a federal court in Seattle sentenced Ivan Sokol to 27 years in prison."
    db, _ = build_and_export(tmp_path, {"a.txt": f"Russian hacker visited in US prison\n\n{first}\n\n{second}\n"})
    rows = sqlite3.connect(db).execute(
        "select x.argument, s.text from facts f join fact_sentences x on x.doc_id = f.doc_id and x.fact = f.idx "
        "join sentences s on s.doc_id = x.doc_id and s.idx = x.sentence where f.type = 'sentence'").fetchall()
    # the country is read from the prison in Ohio; the first sentence also tells of the sentence
    assert sorted(rows, key=str) == [("country", first), (None, first)]


def test_a_speaker_who_told_an_outlet_on_a_day_gives_later_quotes_that_day_and_channel(facts):
    found = facts("LISBON, March 4. /TASS/. Russian citizen Oleg Varin has been detained in Portugal at the US "
                  "request, his lawyer Pavel Grachev told TASS on Friday.\n"
                  '"He did nothing wrong and he will fight the extradition in every court," Grachev said.\n'
                  "Officials in Washington, who commented on Monday, gave no details.",
                  published="2023-03-04")
    [(speaker, args, _claim)] = statements(found)
    assert speaker == "Pavel Grachev"
    assert (args["channel"], args["date"]) == ("interview", "2023-03-03")


# ---------------------------------------------------------------- implied countries


def test_a_charge_is_of_the_country_a_person_was_extradited_to(facts):
    found = facts("Oleg Varin was extradited from Portugal to the United States on Monday. "
                  "He was charged with wire fraud and money laundering.", published="2024-05-10")
    [charge] = [f for f in case(found) if f[0] == "charge"]
    assert charge[2]["country"] == "United States"


def test_a_charge_gets_no_country_where_the_article_names_two(facts):
    found = facts("Oleg Varin was extradited from Portugal to the United States on Monday. "
                  "A court in Lisbon sentenced Oleg Varin to two years in 2019. "
                  "He was charged with wire fraud.", published="2024-05-10")
    [charge] = [f for f in case(found) if f[0] == "charge"]
    assert "country" not in charge[2]


def test_swap_sides_by_the_nation_of_the_groups_the_article_lists(facts):
    found = facts("Canadians freed from prison in swap with Oman\n"
                  "Four Canadians held for years in Oman are on their way home after a swap brokered by Qatar.\n"
                  "The Canadians include engineer Marc Tremblay and teacher Julie Gagnon.\n"
                  "Three Omanis imprisoned in Canada for fraud were granted clemency as part of the deal. "
                  "They were named by Oman as Said Al Harthy and Khalid Al Balushi.\n"
                  "Canadian prisons hold many others, officials said.", published="2024-05-10")
    canadians, omanis = ["Julie Gagnon", "Marc Tremblay"], ["Khalid Al Balushi", "Said Al Harthy"]
    assert _swaps(found) == {**{p: (None, None, omanis) for p in canadians},
                             **{p: (None, None, canadians) for p in omanis}}


# ---------------------------------------------------------------- offences


@pytest.mark.parametrize("text, kind, offence", [
    ("Oleg Varin was convicted for computer hacks that cost banks millions of dollars.", "conviction",
     "computer hacks"),
    ("Oleg Varin faces charges of money laundering and sanctions evasion in the United States.", "charge",
     "money laundering and sanctions evasion"),
    ("Oleg Varin was convicted of treason for passing secrets to a foreign state.", "conviction",
     "treason for passing secrets to a foreign state"),
    ("Oleg Varin was found guilty of espionage by a Moscow court on Monday.", "conviction", "espionage"),
])
def test_an_offence_is_its_words_not_the_clause_about_it_nor_where_it_was_tried(facts, text, kind, offence):
    [(found_kind, _person, args, _claim)] = case(facts(text, published="2024-05-10"))
    assert (found_kind, args["charge"]) == (kind, offence)


# ---------------------------------------------------------------- allegations


def test_a_fact_the_article_also_states_in_its_own_voice_is_not_claimed(facts):
    found = facts('"Oleg Varin was detained in Lisbon on Tuesday," the ministry said in a statement.\n'
                  "Varin was detained in Lisbon on Tuesday at the request of the United States.",
                  published="2024-05-10")
    assert [(kind, claimant) for kind, _, _, claimant in case(found)] == [("arrest", None)]


def test_a_fact_given_only_as_someones_word_is_claimed_by_them(facts):
    found = facts("According to the Justice Department, Oleg Varin was arrested in Cyprus in August.",
                  published="2024-05-10")
    assert [(kind, claimant) for kind, _, _, claimant in case(found)] == [("arrest", "Justice Department")]


# ---------------------------------------------------------------- speakers


@pytest.mark.parametrize("text", [
    "Prime Minister Helga Brandt said the ruling had left her very upset.\n"
    '"Our diplomats are supporting his relatives every day," the prime minister told lawmakers.\n'
    "She said Foreign Secretary Tomas Weil hoped to speak soon with Foreign Minister Omar Zayed.",
    "Helga Brandt, the prime minister, said she was upset. Foreign Minister Omar Zayed gave no comment.\n"
    '"Our diplomats are supporting his relatives every day," the prime minister told lawmakers.',
])
def test_the_prime_minister_is_not_the_foreign_minister(facts, text):
    [(speaker, _args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert speaker == "Helga Brandt"


# ---------------------------------------------------------------- datelines

@pytest.mark.parametrize("text, expected", [
    ("BANGKOK, March 3 (Reuters) — Olga Brandt was extradited from Thailand to the United States on Friday.",
     ("transfer", "Olga Brandt")),
    ("TBILISI, Georgia (AP) -- Pavel Sokol, a businessman, was arrested in Tbilisi on Tuesday.",
     ("arrest", "Pavel Sokol")),
])
def test_a_dateline_is_not_the_subject_of_the_lead(facts, text, expected):
    assert [(kind, person) for kind, person, _args, _claim in case(facts(text, published="2023-03-03"))] == [expected]


def test_capitals_before_a_dash_with_a_verb_are_a_sentence_not_a_dateline(annotator):
    from dossier.records import Article
    text = "US officials say - and the court agreed - that Karl Weber was arrested in Vienna in May."
    [(annotation, _doc)] = annotator.annotate([Article("d", "d", "h", text, text, language="en")])
    assert len(annotation.sentences) == 1
