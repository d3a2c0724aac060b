"""Statements phrased the ways wire copy and newspapers phrase them, in sentences written for these tests:
who a quotation speaks of when it names no one, who says it, on which channel and on which day.

Each test gives what must be found, and the near misses that must give nothing.
"""
from __future__ import annotations

import pytest

from conftest import statements

HELD = "Lena Fischer, a German teacher, was arrested in Minsk in March and charged with espionage. She denies it.\n\n"


# ---------------------------------------------------------------- about: the people a quotation speaks of


@pytest.mark.parametrize("quote", [
    '"She is innocent and we will appeal," her lawyer Jan Weber said.',
    '"The verdict is a travesty of justice," Jan Weber said.',
    '"My client has done nothing wrong at all," Jan Weber told reporters.',
    '"The German teacher must be freed at once," Jan Weber said.',
])
def test_a_quotation_that_refers_to_the_detainee_without_her_name_is_about_her(facts, quote):
    [(speaker, args, _claim)] = statements(facts(HELD + quote, published="2024-05-10"))
    assert (speaker, args["about"]) == ("Jan Weber", ["Lena Fischer"])


@pytest.mark.parametrize("quote", [
    '"The weather in the capital has been very cold this week," Jan Weber said.',
    '"He has been a fine minister for many years," Jan Weber said of the departing foreign minister.',
])
def test_a_quotation_that_refers_to_no_one_or_to_someone_else_is_about_no_one(facts, quote):
    [(_speaker, args, _claim)] = statements(facts(HELD + quote, published="2024-05-10"))
    assert "about" not in args


def test_a_counted_plural_speaks_of_as_many_detainees(facts):
    text = ("Lena Fischer was arrested in Minsk in March. Tomas Berger was arrested in Minsk in April.\n\n"
            '"These two people have gone through a terrible ordeal," Jan Weber said.')
    [(_speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert sorted(args["about"]) == ["Lena Fischer", "Tomas Berger"]


def test_speakers_of_their_own_case_do_not_speak_about_someone_else(facts):
    text = ("Tomas Berger was arrested in Minsk in April. Berger was charged with fraud. Lena Fischer was arrested "
            'in Minsk in March.\n\n"My arrest is outrageous and the charges are false," Berger said.')
    [(speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert speaker == "Tomas Berger" and "about" not in args


def test_an_acronym_the_tagger_took_for_a_person_is_no_one_spoken_of(facts):
    text = HELD + '"The FBI has worked on this case with our partners abroad," Jan Weber said of the NKVD.'
    [(_speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert not any(name.isupper() for name in args.get("about", []))


def test_the_subject_of_the_clause_a_short_quotation_completes_is_spoken_of(facts):
    text = HELD + 'The ministry spokesman Jan Weber said she had been "caught in the act of photographing a base".'
    [(_speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert args["about"] == ["Lena Fischer"]


def test_a_reference_is_to_the_detainee_named_just_before_not_the_one_told_of_most(facts):
    text = ("Tomas Berger was arrested in Minsk in April. Berger was charged with fraud. Berger was jailed.\n\n"
            "Jan Weber dismissed claims that the arrest of Lena Fischer was staged. "
            'He said the woman had been "found carrying secret files in her bag".')
    [(_speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert args["about"] == ["Lena Fischer"]


@pytest.mark.parametrize("frame", [
    '"She is innocent and must be freed now," Jan Weber told Carla Mendes.',
    'Jan Weber thanked Carla Mendes "for all her efforts to free our daughter".',
])
def test_the_person_spoken_to_is_not_spoken_of(facts, frame):
    [(_speaker, args, _claim)] = statements(facts(HELD + frame, published="2024-05-10"))
    assert "Carla Mendes" not in args.get("about", [])


def test_speakers_under_a_part_of_a_double_surname_do_not_speak_of_themselves(facts):
    text = ("Anna Kovac-Weber was released from prison in Minsk after two years.\n\n"
            '"Knowing you were all behind me kept me going," Kovac-Weber said. '
            '"I am so happy that she is home again," Weber said.')
    found = statements(facts(text, published="2024-05-10"))
    assert all("about" not in args for _speaker, args, _claim in found)


# ---------------------------------------------------------------- speakers


def test_a_family_speaks_as_one_and_its_statement_stays_its_own(facts):
    text = ("Tomas Berger was released from a prison in Minsk on Monday.\n\n"
            'In a statement, the Berger family thanked the government "for never giving up on our son".\n\n'
            '"We cannot wait to hold him in our arms again," the statement read.')
    found = statements(facts(text, published="2024-05-10"))
    assert [speaker for speaker, _args, _claim in found] == ["Berger family", "Berger family"]
    assert all(args["about"] == ["Tomas Berger"] for _speaker, args, _claim in found)


def test_the_family_of_the_person_the_article_is_about_and_what_it_denounced(facts):
    text = ("Tomas Berger was sentenced to five years in prison in Minsk on Monday. Berger denies the charges.\n\n"
            'The family said Berger was innocent and denounced the verdict as "a mockery of justice and law".')
    [(speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert (speaker, args["quote"]) == ("Berger family", "a mockery of justice and law")


def test_a_title_without_a_holder_is_the_person_just_quoted(facts):
    text = ('Jana Novak said she was "deeply troubled by the sentence" handed to Tomas Berger.\n\n'
            '"We will raise this case at the highest level," the prime minister told lawmakers.')
    found = statements(facts(text, published="2024-05-10"))
    assert [speaker for speaker, _args, _claim in found] == ["Jana Novak", "Jana Novak"]


def test_a_qualified_title_is_not_someone_with_another_title(facts):
    text = ('Foreign Minister Karel Dvorak met Tomas Berger in Minsk. Dvorak said the visit was "a useful first '
            'step towards his release".\n\n"We will raise this case at the highest level," the prime minister said.')
    found = statements(facts(text, published="2024-05-10"))
    assert [speaker for speaker, _args, _claim in found] == ["Karel Dvorak"]


def test_words_under_a_verb_of_saying_are_the_sayers_own(facts):
    text = ("Lena Varga was sentenced to seven years in a penal colony in Vitebsk.\n\n"
            'Ambassador Jana Novak said her country rejected "with the utmost firmness" the verdict.')
    [(speaker, _args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert speaker == "Jana Novak"


# ---------------------------------------------------------------- the day of the saying


@pytest.mark.parametrize("frame, date", [
    ('Speaking to reporters in Vienna on Wednesday, her lawyer Jan Weber said the case was "a disgrace to the rule of law".', "2024-05-08"),
    ('"The case is a disgrace to the rule of law," Jan Weber told a news conference Thursday.', "2024-05-09"),
    ('"The case is a disgrace to the rule of law," Jan Weber said on Tuesday.', "2024-05-07"),
])
def test_the_day_of_the_saying_is_read_from_its_own_phrase(facts, frame, date):
    [(_speaker, args, _claim)] = statements(facts(HELD + frame, published="2024-05-10"))
    assert args["date"] == date


def test_a_day_in_a_clause_of_its_own_is_not_the_day_of_the_saying(facts):
    text = HELD + '"The case is a disgrace to the rule of law," Jan Weber said after she was charged on Tuesday.'
    [(_speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert "date" not in args


def test_the_channel_and_day_of_a_speaker_hold_for_their_other_quotations(facts):
    text = (HELD + '"She is a teacher, not a spy at all," Jan Weber told reporters in Minsk on Tuesday.\n\n'
            "Weber has represented Fischer since her arrest.\n\n"
            '"We will appeal the verdict within ten days," Jan Weber said.')
    found = statements(facts(text, published="2024-05-10"))
    assert [(args.get("channel"), args.get("date")) for _speaker, args, _claim in found] == \
        [("reporters", "2024-05-07")] * 2


NEWS = "Lena Fischer, a German teacher held in Minsk since March, was sentenced to six years in prison {when}.\n\n"
REACTION = '"We will keep pressing for her release at every level," Foreign Minister Karel Dvorak told lawmakers.'


@pytest.mark.parametrize("when, day", [("on Wednesday", "2024-05-08"), ("this morning", "2024-05-09")])
def test_reactions_to_the_news_are_of_the_day_the_report_dates_it(facts, when, day):
    text = NEWS.format(when=when) + REACTION + '\n\n"This sentence is a grave injustice," he said.'
    found = statements(facts(text, published="2024-05-09"))
    assert [args.get("date") for _speaker, args, _claim in found] == [day, day]


@pytest.mark.parametrize("when, reaction", [
    ("on April 20", REACTION),  # the report looks back on older news
    ("on Wednesday", REACTION.replace("told", "had told")),  # said before the news
    ("in the spring", REACTION),  # no day
])
def test_reactions_get_no_day_the_report_does_not_give_them(facts, when, reaction):
    [(_speaker, args, _claim)] = statements(facts(NEWS.format(when=when) + reaction, published="2024-05-09"))
    assert "date" not in args


def test_a_planned_event_does_not_date_the_news(facts):
    text = ("Lena Fischer, a German teacher held in Minsk since March, is due to be released on Wednesday.\n\n"
            + REACTION)
    [(_speaker, args, _claim)] = statements(facts(text, published="2024-05-09"))
    assert "date" not in args


def test_a_dateline_dates_the_saying_of_its_own_paragraph_only(facts):
    text = ("GENEVA, June 9. /TASS/. Swiss police have arrested Tomas Berger under a request from the United "
            "States, spokeswoman Karin Hofer said.\n\n"
            '"He was detained at a hotel near the lake," she said.\n\n'
            'The embassy confirmed "the arrest of this citizen under an extradition request in March".')
    found = statements(facts(text))
    assert [(speaker, args.get("date")) for speaker, args, _claim in found] == [
        ("Karin Hofer", "XXXX-06-09"), ("embassy", None)]


# ---------------------------------------------------------------- quotations over several paragraphs


def test_a_single_quoted_passage_over_several_paragraphs_is_one_quotation_each(facts):
    text = (HELD + "Her husband Peter Fischer said: ‘Lena’s attorney was asked to return on Thursday. "
            "Still nothing about bail.\n\n‘The judge announced this morning that the trial would take place in private.\n\n"
            "‘We are still waiting for any word from the embassy.’")
    found = statements(facts(text, published="2024-05-10"))
    assert [(speaker, args["quote"]) for speaker, args, _claim in found] == [
        ("Peter Fischer", "Lena’s attorney was asked to return on Thursday. Still nothing about bail."),
        ("Peter Fischer", "The judge announced this morning that the trial would take place in private."),
        ("Peter Fischer", "We are still waiting for any word from the embassy."),
    ]


def test_quotation_marks_run_into_the_sentences_still_pair(facts):
    text = ('Lena Fischer was freed on Monday. Her sister Anna Fischer wrote on Twitter: "Welcome home".'
            '"She will be home with us tonight, after two long years," Karel Dvorak told reporters in Minsk.')
    [(speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert (speaker, args["quote"]) == ("Karel Dvorak", "She will be home with us tonight, after two long years")


def test_a_closing_mark_set_for_an_opening_one_opens_a_quotation(facts):
    text = ('“We last spoke to her in March,” said her brother Anna Fischer. ”Since then there has been nothing '
            'but silence from the prison.”')
    found = statements(facts(text, published="2024-05-10"))
    assert [args["quote"] for _speaker, args, _claim in found] == [
        "We last spoke to her in March", "Since then there has been nothing but silence from the prison."]


def test_a_short_quotation_the_page_cuts_off_is_no_statement(facts):
    text = HELD + '"We will appeal the verdict," Jan Weber said.\n\n"I have always believed that the court and I'
    found = statements(facts(text, published="2024-05-10"))
    assert [args["quote"] for _speaker, args, _claim in found] == ["We will appeal the verdict"]


@pytest.mark.parametrize("text", [
    "Lena Fischer’s brother said the ’90s were the best years of her life in the city.",
    "The court’s ruling on Fischer’s appeal is expected in June, officials said.",
])
def test_apostrophes_open_no_quotation(facts, text):
    assert statements(facts(text, published="2024-05-10")) == []


# ---------------------------------------------------------------- the speaker across paragraphs


def test_a_pronoun_that_opens_a_paragraph_is_who_the_last_one_reported_speaking(facts):
    text = ("VIENNA, May 9. Austrian diplomats will seek access to Tomas Berger, who was arrested in Minsk last "
            "week, Austrian Consul General in Minsk Karin Hofer told reporters after talks with officials led by "
            "Deputy Minister Igor Petrov.\n\n"
            '"The authorities informed us on Friday that our citizen had been detained," she said.')
    [(speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert speaker == "Karin Hofer" and args["about"] == ["Tomas Berger"]


def test_the_person_named_right_before_the_verb_of_a_long_subject_speaks(facts):
    text = ("Border guards arrested the businessman, Tomas Berger, Interior Ministry spokeswoman Karin Hofer said "
            "after a meeting with Deputy Minister Igor Petrov.\n\n"
            '"He was carrying documents that he could not explain," she said.')
    [(speaker, _args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert speaker == "Karin Hofer"


def test_a_verb_of_saying_inside_reported_words_gives_no_speaker(facts):
    text = ("Karin Hofer, the Austrian consul, also added that the Belarusian authorities have not denied her "
            "meetings with Tomas Berger.\n\n"
            '"I will be careful. So far we have not been refused a single visit," she said.')
    [(speaker, _args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert speaker == "Karin Hofer"


def test_a_pronoun_subject_stands_for_the_subject_of_the_sentence_before(facts):
    text = ("Tomas Berger was detained in Minsk in December.\n\n"
            "During a televised briefing, Interior Minister Karel Dvorak rejected the rumours about Berger. "
            'He stressed that the man had been "found carrying stolen files in his car".')
    [(speaker, _args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert speaker == "Karel Dvorak"


def test_an_institution_named_by_its_kind_speaks(facts):
    text = ('"Lena Varga was extradited from Romania to Canada on Friday," the embassy said in a '
            "statement.")
    [(speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert (speaker, args["channel"], args["about"]) == ("embassy", "statement", ["Lena Varga"])


def test_a_consul_general_is_the_person_given_that_title(facts):
    text = ("Austrian Consul General Karin Hofer said Tomas Berger had been moved to a prison in Minsk.\n\n"
            'The consul general stressed: "We will seek a visit to him as soon as possible."')
    found = statements(facts(text, published="2024-05-10"))
    assert [speaker for speaker, _args, _claim in found] == ["Karin Hofer"]


def test_a_quotation_a_page_repeats_is_one_statement(facts):
    paragraph = ('Lena Varga’s sister Ilse Varga said on Twitter that she "seems to have been moved to a penal colony '
                 'far from Gomel."')
    found = statements(facts(paragraph + "\n\n" + paragraph, published="2024-05-10"))
    assert [speaker for speaker, _args, _claim in found] == ["Ilse Varga"]


def test_a_surname_the_tagger_takes_for_a_common_noun_still_speaks(facts):
    text = ('"We would gladly trade him for our prisoners of war," Zelenskyy said in his evening video message. '
            '"Every step the law requires in his case has been completed."')
    found = statements(facts(text, published="2024-05-10"))
    assert [speaker for speaker, _args, _claim in found] == ["Zelenskyy", "Zelenskyy"]


@pytest.mark.parametrize("text", [
    '"We will appeal the verdict as soon as possible," Relatives said.',
    '"We will appeal the verdict as soon as possible," Friends of the family said.',
])
def test_a_capitalised_common_noun_is_no_one(facts, text):
    assert all(speaker not in ("Relatives", "Friends") for speaker, _args, _claim in statements(facts(text)))


# ---------------------------------------------------------------- channels


def test_telling_an_outlet_on_a_day_is_an_interview_for_all_the_speakers_quotations(facts):
    text = ("GENEVA, June 9. Swiss police have arrested Tomas Berger, Federal Office of Justice spokeswoman "
            "Karin Hofer told TASS Wednesday.\n\n"
            '"He was arrested under a request from the United States," she said. "We will seek a telephone '
            'contact with the court soon," Hofer added.')
    found = statements(facts(text, published="2024-05-10"))
    assert [(speaker, args.get("channel")) for speaker, args, _claim in found] == [
        ("Karin Hofer", "interview"), ("Karin Hofer", "interview")]


def test_the_case_named_in_the_frame_makes_a_short_quotation_about_the_detainee(facts):
    text = HELD + 'Jana Novak said she was "deeply troubled and saddened" about the case.'
    [(speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert (speaker, args["about"]) == ("Jana Novak", ["Lena Fischer"])


def test_a_channel_word_in_a_sentence_that_is_no_saying_is_no_channel(facts):
    text = ("ROME, September 14. Consular staff are doing everything required as they handle the arrest of the Telegram "
            "blogger Tomas Berger, ministry spokeswoman Karin Hofer said.\n\n"
            '"We requested a visit to him immediately," she said at a news conference. "We are well acquainted '
            'with how the Italian authorities work."')
    found = statements(facts(text, published="2024-09-14"))
    assert [args.get("channel") for _speaker, args, _claim in found] == ["press_conference"] * 2


def test_a_quotation_that_goes_on_from_the_speakers_last_is_said_on_the_same_channel(facts):
    text = (HELD + 'Jan Weber earlier wrote on Twitter that he would fly to Minsk.\n\n'
            '"My client is innocent and the charges are invented," Jan Weber said in a statement. '
            '"We will fight this verdict in every court there is."')
    found = statements(facts(text, published="2024-05-10"))
    assert [args.get("channel") for _speaker, args, _claim in found] == ["statement", "statement"]


@pytest.mark.parametrize("frame, channel", [
    ("Jan Weber said in a series of interviews on Tuesday", "interview"),
    ("Jan Weber told the media after the hearing", "reporters"),
])
def test_interviews_and_the_media_are_channels(facts, frame, channel):
    text = HELD + f'{frame} that "the court has ignored every piece of evidence we gave it".'
    [(_speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert args.get("channel") == channel


def test_a_plural_name_is_no_one_spoken_of(facts):
    text = HELD + ('"We had a useful exchange of views before the meeting of the Foreign Ministers," Jan Weber '
                   "told reporters.")
    [(_speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert "Foreign Ministers" not in args.get("about", [])


def test_a_statement_is_of_whom_its_own_phrase_names(facts):
    text = ("Lena Varga fainted during the race on Sunday and was rushed to a clinic.\n\n"
            "A statement released on Hartfield United’s website read: “Our thoughts are with our striker, who "
            "is conscious and receiving care.”")
    [(speaker, args, _claim)] = statements(facts(text, published="2024-05-10"))
    assert (speaker, args["channel"]) == ("Hartfield United", "website")
