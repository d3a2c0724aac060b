"""Who a pronoun stands for, in sentences written for these tests the way news copy is written: the person the
passage is about rather than the last name mentioned, a person of the pronoun's gender, and in a quotation
someone other than the one quoted.
"""
from __future__ import annotations

from conftest import case


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
