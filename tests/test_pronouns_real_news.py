"""Who a pronoun stands for, in sentences written for these tests the way news copy is written: the person the
passage is about rather than the last name mentioned, a person of the pronoun's gender, and in a quotation
someone other than the one quoted.
"""
from __future__ import annotations

from conftest import case
from dossier.clean import clean
from dossier.extract.gender import genders
from dossier.records import SourceItem


def test_he_in_the_next_sentence_is_the_subject_not_the_last_name(facts):
    found = case(facts("Luca Moretti told a judge, Pablo Ruiz, on Tuesday that guards had beaten him in prison. "
                       "He was arrested in Cairo in 2021.", published="2024-03-01"))
    arrests = [(kind, person) for kind, person, _args, _claim in found if kind == "arrest"]
    assert arrests == [("arrest", "Luca Moretti")]


def test_she_is_the_woman_the_article_names(facts):
    found = case(facts("Ms Anna Kovacs has been held in Belarus since 2022. On Monday the consul Peter Lang met "
                       "the prosecutor, Ivan Sokolov. She was sentenced to six years in 2023.",
                       published="2024-03-01"))
    sentenced = [person for kind, person, _args, _claim in found if kind == "sentence"]
    assert sentenced == ["Anna Kovacs"]


def test_he_in_a_quotation_is_not_the_speaker(facts):
    found = case(facts("Jonas Reed has been held in Iran since March. His lawyer, Mark Bauer, told reporters: "
                       "\"He was arrested at the airport in Tehran without a warrant.\"", published="2024-06-01"))
    arrests = [(person, claim) for kind, person, _args, claim in found if kind == "arrest"]
    assert arrests == [("Jonas Reed", "Mark Bauer")]


def test_he_in_a_quotation_with_no_one_else_named_credits_no_one(facts):
    found = case(facts("Mark Bauer spoke to reporters outside the court on Friday. \"He was arrested at the airport "
                       "without a warrant,\" Mark Bauer said.", published="2024-06-01"))
    assert [person for kind, person, _args, _claim in found if kind == "arrest"] == []


def test_he_in_what_a_relative_says_is_the_person_whose_relative_they_are(facts):
    found = case(facts("Tomas Brandt has been held in Russia since 2022. Tomas Brandt's brother Erik said on "
                       "Monday that he had been transferred to a prison colony in Mordovia.",
                       published="2024-03-01"))
    custody = [person for kind, person, _args, _claim in found if kind == "custody"]
    assert custody and set(custody) == {"Tomas Brandt"}


def test_a_full_name_the_tagger_missed_is_not_a_namesake_with_another_given_name(annotator):
    # The tagger reads only part of the second nephew's name; the facts find the rest of it.
    text = ("Under the deal, the government freed two nephews of the minister's wife, Lucia Serrano.\n"
            "Mateo Serrano and Ignacio Javier Ruiz Serrano had been detained in Panama in 2016 and later "
            "flown to Miami, where a jury convicted them of money laundering.")
    item = SourceItem(doc_id="t", origin="t.txt", format="text", content=text, content_hash="h",
                      published="2022-10-02", title="Headline of the story")
    [(annotation, _)] = list(annotator.annotate([clean(item)]))
    forms = {e.name: {annotation.mentions[m].text for m in e.mentions} for e in annotation.entities
             if e.label == "PERSON"}
    assert forms["Lucia Serrano"] == {"Lucia Serrano"}
    assert "Ignacio Javier Ruiz Serrano" in {form for found in forms.values() for form in found}


def test_a_possessive_in_her_own_clause_tells_her_gender_and_a_reported_she_tells_none(annotator):
    text = ("Maria Lind has arrived in Stockholm and been reunited with her two children, Prime Minister Olof "
            "Berg said on Wednesday.\nBerg said she had been freed after months of talks.")
    item = SourceItem(doc_id="t", origin="t.txt", format="text", content=text, content_hash="h",
                      published="2023-06-14", title="Headline of the story")
    [(annotation, doc)] = list(annotator.annotate([clean(item)]))
    names = {i: e.name for i, e in enumerate(annotation.entities)}
    people = genders(annotation, doc, lambda i: annotation.entities[i].label == "PERSON")
    found = {names[i]: gender for i, gender in people.items()}
    assert found == {"Maria Lind": "f"}
