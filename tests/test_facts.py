"""Facts from sentences written for these tests: each type, each grammatical pattern, claims and quotes."""
from __future__ import annotations

import pytest

from dossier.annotate import Annotator
from dossier.clean import clean
from dossier.records import EntityRef, SourceItem
from dossier.settings import Settings


@pytest.fixture(scope="module")
def annotator():
    settings = Settings()
    return Annotator(settings.model, settings.components)


@pytest.fixture
def facts(annotator):
    """Facts of a text as {type, subject, args, claimed_by}, entity references by their names."""
    def run(text: str, published: str | None = None, title: str = "Headline of the story") -> list[dict]:
        item = SourceItem(doc_id="t", origin="t.txt", format="text", content=text, content_hash="h",
                          published=published, title=title)
        [(annotation, _)] = list(annotator.annotate([clean(item)]))
        name = lambda ref: annotation.entities[ref.entity].name  # noqa: E731

        def value(v):
            if isinstance(v, EntityRef):
                return name(v)
            return [value(x) for x in v] if isinstance(v, list) else v

        return [{"type": f.type, "subject": name(f.subject), "args": {k: value(v) for k, v in f.args.items()},
                 "claimed_by": name(f.claimed_by) if f.claimed_by else None,
                 "evidence": annotation.article.body[f.start:f.end]} for f in annotation.facts]
    return run


def only(found: list[dict], type_: str) -> list[dict]:
    return [{k: v for k, v in f.items() if k != "evidence"} for f in found if f["type"] == type_]


def test_arrest_in_an_apposition_with_agent_place_and_date(facts):
    found = facts("Ivan Petrov, a Russian programmer arrested by Spanish police in Barcelona in 2019, "
                  "was extradited to the United States last year.", published="2021-06-01")
    assert only(found, "arrest") == [{"type": "arrest", "subject": "Ivan Petrov", "claimed_by": None, "args": {
        "date": "2019", "place": "Barcelona", "country": "Spain", "by": "Spain"}}]
    assert only(found, "transfer") == [{"type": "transfer", "subject": "Ivan Petrov", "claimed_by": None, "args": {
        "date": "2020", "to": "United States", "manner": "extradition"}}]


def test_active_arrest_at_a_states_request_on_a_weekday(facts):
    found = facts("Georgian police detained Levan Kapanadze at Tbilisi airport on Tuesday at the request of "
                  "Turkey, officials said.", published="2024-03-08")
    [arrest] = only(found, "arrest")
    assert arrest["subject"] == "Levan Kapanadze"
    assert arrest["args"]["date"] == "2024-03-05"
    assert arrest["args"]["requested_by"] == "Turkey" and arrest["args"]["by"] == "Georgia"


def test_abduction_in_a_relative_clause_with_a_coordinated_move(facts):
    found = facts("The same happened to Karl Moser, who was abducted in Yemen in May 2013 and taken to Saudi "
                  "Arabia, and to Omar Haddad, whom foreign agents kidnapped from Kenya in March 2011 and flew to "
                  "Israel.", published="2015-01-01")
    transfers = {f["subject"]: f["args"] for f in only(found, "transfer")}
    assert transfers == {
        "Karl Moser": {"date": "2013-05", "from": "Yemen", "to": "Saudi Arabia", "manner": "abduction"},
        "Omar Haddad": {"date": "2011-03", "from": "Kenya", "to": "Israel", "manner": "abduction"},
    }


def test_charge_conviction_and_sentence(facts):
    found = facts("Maria Lopez, who was charged with money laundering, denies wrongdoing.\n"
                  "A jury found Tom Baker guilty of fraud in June 2021.\n"
                  "On March 3, 2022, a Moscow court sentenced Jane Doe to nine years in prison and a fine of "
                  "$2 million.")
    assert only(found, "charge") == [{"type": "charge", "subject": "Maria Lopez", "claimed_by": None,
                                      "args": {"charge": "money laundering"}}]
    assert only(found, "conviction") == [{"type": "conviction", "subject": "Tom Baker", "claimed_by": None,
                                          "args": {"date": "2021-06", "charge": "fraud"}}]
    [sentence] = only(found, "sentence")
    assert sentence["subject"] == "Jane Doe"
    assert sentence["args"] == {"date": "2022-03-03", "term": "P9Y", "fine": "2000000 USD",
                                "court": "Moscow court", "country": "Russia"}


def test_custody_is_a_present_state_and_a_past_detention_is_an_arrest(facts):
    found = facts("Ahmed Salem, who is held in Evin prison in Tehran, was detained in Shiraz in 2022.",
                  published="2024-02-02")
    assert only(found, "custody") == [{"type": "custody", "subject": "Ahmed Salem", "claimed_by": None,
                                       "args": {"facility": "Evin prison in Tehran", "place": "Tehran",
                                                "country": "Iran"}}]
    assert [f["args"] for f in only(found, "arrest")] == [{"date": "2022", "place": "Shiraz", "country": "Iran"}]


def test_release_by_pardon(facts):
    found = facts("French tourist Paul Marchand was pardoned and released on Friday.", published="2024-05-10")
    releases = only(found, "release")
    assert {(f["subject"], f["args"].get("manner")) for f in releases} == {("Paul Marchand", "pardon")}
    assert all(f["args"].get("date") == "2024-05-10" for f in releases)


def test_exchange_gives_the_swap_both_ways(facts):
    found = facts("Dmitri Orlov was swapped for American journalist Sarah Kent in Ankara last month.",
                  published="2024-09-15")
    swaps = sorted((f["subject"], f["args"]["counterpart"], f["args"]["date"], f["args"]["place"])
                   for f in only(found, "exchange"))
    assert swaps == [("Dmitri Orlov", ["Sarah Kent"], "2024-08", "Ankara"),
                     ("Sarah Kent", ["Dmitri Orlov"], "2024-08", "Ankara")]


def test_visit_names_the_visitor(facts):
    found = facts("Ambassador Laura Smith told reporters after visiting Canadian citizen Mark Chen, who is held "
                  "in Beijing.")
    [visit] = only(found, "visit")
    assert (visit["subject"], visit["args"]["visitor"], visit["args"]["place"]) == ("Mark Chen", "Laura Smith",
                                                                                    "Beijing")


@pytest.mark.parametrize("text", [
    "The central bank said it would arrest the decline of the currency.",
    "The two ministers exchanged views on trade with Peter Hall on Monday.",
    "The transfer of funds to Anna Berg was completed on Monday.",
    "There is no chance of Ivan Petrov being released early.",
    "If Ivan Petrov is exchanged, he will return home.",
    "Police could arrest Ivan Petrov at any time, his lawyer fears.",
])
def test_other_senses_and_unreal_events_give_no_case_fact(facts, text):
    assert [f for f in facts(text) if f["type"] != "statement"] == []


def test_what_a_ministry_says_is_claimed_by_it(facts):
    found = facts("The German Foreign Ministry said that Karl Moser was kidnapped in Yemen in 2013.")
    [transfer] = only(found, "transfer")
    assert transfer["claimed_by"] == "German Foreign Ministry"
    assert transfer["args"]["from"] == "Yemen"


def test_facts_inside_a_quotation_are_claimed_by_its_speaker(facts):
    found = facts('Foreign Minister Jan Novak spoke on Telegram.\n"Our citizen Eva Horak was abducted in Belarus '
                  'in 2021 and taken to Russia," Novak said.')
    [transfer] = only(found, "transfer")
    assert (transfer["subject"], transfer["claimed_by"]) == ("Eva Horak", "Jan Novak")
    assert transfer["args"] == {"date": "2021", "from": "Belarus", "to": "Russia", "manner": "abduction"}


def test_quotes_split_by_said_are_two_statements_of_one_speaker(facts):
    found = facts('"We will appeal this verdict," lawyer Anna Weber said, "because it ignores all the evidence."')
    assert [(f["subject"], f["args"]["quote"]) for f in only(found, "statement")] == [
        ("Anna Weber", "We will appeal this verdict"), ("Anna Weber", "because it ignores all the evidence.")]


def test_a_quote_without_its_opening_mark_and_a_speaker_named_before(facts):
    found = facts("Foreign Minister Jan Novak spoke to reporters in Prague on Monday.\n"
                  "The decision is a disgrace to the rule of law,” the minister said.\n"
                  '"Our citizens must come home soon."', published="2025-06-04")
    statements = only(found, "statement")
    assert [(s["subject"], s["args"]["quote"]) for s in statements] == [
        ("Jan Novak", "The decision is a disgrace to the rule of law"),
        ("Jan Novak", "Our citizens must come home soon."),
    ]
    assert {s["args"].get("channel") for s in statements} == {"reporters"}


def test_every_evidence_is_a_sentence_of_the_text(facts):
    text = ("Ivan Petrov, a Russian programmer arrested by Spanish police in Barcelona in 2019, was extradited "
            "to the United States last year. \"He is innocent,\" his lawyer Anna Weber told reporters.")
    for fact in facts(text, published="2021-06-01"):
        assert fact["evidence"] and fact["evidence"] in text
