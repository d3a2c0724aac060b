"""Cleaning plain-text pages: the article's own lines stay, the site's furniture goes, metadata is found."""
from __future__ import annotations


import pytest

from dossier.clean import clean
from dossier.read import read_corpus
from dossier.records import SourceItem

from conftest import FIXTURES


def _article(name: str):
    [item] = read_corpus(FIXTURES / "text" / name)
    return clean(item)


def _item(text: str, **meta) -> SourceItem:
    return SourceItem(doc_id="doc", origin="doc.txt", format="text", content=text, content_hash="h", **meta)


def test_wordpress_post_keeps_the_story_and_drops_menus_tags_and_comments():
    article = _article("wordpress-post.txt")
    assert article.title == "Teacher detained in Tehran has been moved to Evin prison, family says"
    assert article.body.splitlines() == [
        "A French teacher detained in Iran since last summer has been transferred to Evin prison in Tehran, "
        "her brother said on Monday.",
        "Marie Lefort, 41, was arrested in Shiraz in July while travelling with a tour group. Iranian authorities "
        "have accused her of espionage, a charge her family rejects.",
        '"We have not been allowed to speak to her for three weeks," her brother Antoine Lefort said in a video '
        "posted online.",
        "The French foreign ministry said its consul had been able to visit her once, in December.",
    ]
    assert "Thinking of her family tonight." in article.removed
    assert article.published == "2026-02-09"  # the "Posted on" line, not the comment's date
    assert article.outlet == "The Borderline Blog"
    assert article.language == "en"


def test_agency_wire_keeps_standfirst_and_dateline_and_drops_photo_credits():
    article = _article("agency-wire.txt")
    assert article.title == "Kyrgyz court jails Kazakh activist for five years"
    lines = article.body.splitlines()
    assert lines[0] == "The activist's lawyer said he would appeal the verdict"
    assert lines[1].startswith("BISHKEK, October 14. /NORTHWIRE/. A court in Bishkek on Tuesday sentenced")
    assert len(lines) == 4
    assert not any("Temirov" in line or "Read also" in line for line in lines)
    assert (article.outlet, article.dateline, article.published) == ("NORTHWIRE", "Bishkek", "XXXX-10-14")


def test_captions_and_agency_credits_are_removed_and_subheadings_kept():
    article = _article("captions-page.txt")
    assert article.title == "Georgian opposition figure released after 14 months in custody"
    assert article.body.splitlines() == [
        "Levan Beridze, a Georgian opposition politician, walked free on Monday after a court in Tbilisi "
        "commuted his sentence, his party said.",
        "Beridze had been arrested in January 2024 during protests in the capital and was later convicted of "
        "organising violence.",
        "A long way home",
        "His release came hours after the president signed a decree, the party said in a statement.",
    ]
    assert article.published == "2025-03-17"  # "17.3.2025 - 09:05": day first, as the page writes it


def test_the_sites_date_of_today_above_the_headline_is_not_the_publication_date():
    article = clean(_item("Home | World | Business\nSaturday, 21 November 2026\n"
                          "Court frees Dutch sailor held in Venezuela\n"
                          "A Dutch sailor held in Caracas for eight months was freed on Friday, his family said."))
    assert article.title == "Court frees Dutch sailor held in Venezuela"
    assert article.published is None


def test_a_timestamped_date_above_the_headline_is_the_publication_date():
    article = clean(_item("Published: 12 March 2021, 10:45 GMT\nCourt frees Dutch sailor held in Venezuela\n"
                          "A Dutch sailor held in Caracas for eight months was freed on Friday, his family said."))
    assert article.published == "2021-03-12"


@pytest.mark.parametrize("opening, place, agency, date", [
    ("WASHINGTON (AP) — The State Department said", "Washington", "Associated Press", None),
    ("KYIV, Ukraine (Reuters) - Ukraine said on Monday", "Kyiv", "Reuters", None),
    ("BEIRUT, March 3 (AFP) - Lebanese authorities", "Beirut", "Agence France-Presse", "XXXX-03-03"),
    ("NEW DELHI, 5 June 2024 (PTI) - India has", "New Delhi", "Press Trust of India", "2024-06-05"),
])
def test_wire_datelines_give_place_outlet_and_date(opening, place, agency, date):
    article = clean(_item(f"Minister says talks will go on\n{opening} talks would resume next week, officials said."))
    assert (article.dateline, article.outlet, article.published) == (place, agency, date)


def test_an_ordinary_opening_is_not_a_dateline():
    article = clean(_item("Talks go on\nTHE government said on Monday that talks would resume."))
    assert article.dateline is None


def test_given_metadata_wins_over_what_the_page_suggests():
    article = clean(_item("MOSCOW, February 1. /TASS/. A court extended the arrest of a US citizen.",
                          url="https://www.reuters.com/world/x", published="2019-02-01T10:00:00Z",
                          title="Court extends arrest"))
    assert (article.outlet, article.published, article.title) == ("Reuters", "2019-02-01", "Court extends arrest")
    assert article.body == "MOSCOW, February 1. /TASS/. A court extended the arrest of a US citizen."


def test_an_unknown_site_is_named_by_the_name_in_its_address_not_by_its_host():
    article = clean(_item("A court extended the arrest of a US citizen on Monday.",
                          url="https://news.example.org/2024/court"))
    assert article.outlet == "Example"


def test_an_unknown_site_is_named_as_its_page_prints_the_name_its_address_runs_together():
    article = clean(_item("A court extended the arrest of a US citizen on Monday, the Harbour Herald has learned.",
                          url="https://www.harbourherald.com/2024/court"))
    assert article.outlet == "Harbour Herald"


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://www.denverdailynews.com/local/court", "Denver Daily News"),
    ("https://clearwatertribune.com/2024/court", "Clearwater Tribune"),
    ("https://www.theoaklandpost.com/court", "The Oakland Post"),
    ("https://www.timesofmalta.com/articles/court", "Times of Malta"),
    # Letters that do not split wholly into words of mastheads and places stay as they are.
    ("https://www.quillbeat.com/court", "Quillbeat"),
    # An address under no public suffix is named by its host.
    ("https://news.courtwatch.example/court", "news.courtwatch.example"),
])
def test_an_address_is_split_into_the_words_of_a_masthead(url, outlet):
    article = clean(_item("A court extended the arrest of a US citizen on Monday.", url=url))
    assert article.outlet == outlet


def test_agency_copy_filed_under_a_wire_folder_is_credited_to_the_agency():
    article = clean(_item("A court extended the arrest of a US citizen on Monday.",
                          url="https://www.somepaper.co.uk/wires/reuters/article-123/court.html"))
    assert article.outlet == "Reuters"


def test_a_row_of_agency_place_and_time_is_metadata_and_an_initialism_opening_the_headline_no_dateline():
    article = clean(_item("U.S. hands jailed Russian programmer to Moscow -agency\n"
                          "Reuters | Moscow | Updated: 12-03-2024 10:15 IST\n"
                          "The United States has handed a Russian programmer jailed for fraud to Russia, the "
                          "Interior Ministry said on Tuesday."))
    assert article.title == "U.S. hands jailed Russian programmer to Moscow -agency"
    assert (article.outlet, article.dateline) == ("Reuters", "Moscow")
    assert article.body.startswith("The United States has handed")


def test_bylines_are_not_headlines_and_go_with_the_writers_title():
    article = clean(_item("By Jane Roe\n\nMarch 3, 2024\n\n"
                          "A court in Minsk jailed a Polish journalist for eight years on Monday, his lawyer said, in "
                          "a case Warsaw called political.\nThe journalist denied the charges."))
    assert article.title is None
    assert article.body.startswith("A court in Minsk jailed")
    article = clean(_item("Poland protests as Belarus jails journalist\n"
                          "• By Jane Roe\n• Chief Europe Correspondent\n"
                          "A court in Minsk jailed a Polish journalist for eight years on Monday, his lawyer said.\n"
                          "By Monday evening, Warsaw had summoned the Belarusian envoy."))
    assert article.title == "Poland protests as Belarus jails journalist"
    assert article.body.splitlines() == [
        "A court in Minsk jailed a Polish journalist for eight years on Monday, his lawyer said.",
        "By Monday evening, Warsaw had summoned the Belarusian envoy."]


def test_a_photo_caption_is_not_the_headline_and_a_credited_one_not_the_body():
    article = clean(_item("Skip to main contentSkip to navigation\n"
                          "Andrei Sokolov (L) leaves the court with his wife in Moscow (Picture: Agency)\n"
                          "Court frees Russian scientist held for treason\n"
                          "A court freed the physicist Andrei Sokolov on Friday after two years in custody.\n"
                          "Andrei Sokolov and his lawyer in 2019.\n"
                          "Andrei Sokolov and his lawyer in 2019. Photograph: Jane Roe/Agency\n"
                          "His lawyer said the case had been closed."))
    assert article.title == "Court frees Russian scientist held for treason"
    assert article.body.splitlines() == [
        "A court freed the physicist Andrei Sokolov on Friday after two years in custody.",
        "His lawyer said the case had been closed."]
    assert "Andrei Sokolov and his lawyer in 2019" in article.captions


def test_a_headline_is_not_a_long_sentence_ending_with_a_full_stop():
    article = clean(_item("The club said on its website that the defender had signed a three-year contract.\n"
                          "The fee was not disclosed."))
    assert article.title is None


def test_notices_credits_and_follow_prompts_are_not_the_article():
    article = clean(_item("Court jails opposition activist in Minsk\n"
                          "This article is more than 3 years old\n"
                          "A court in Minsk jailed an opposition activist for five years on Tuesday.\n"
                          "For all our coverage of Belarus, click here.\n"
                          "Her supporters said they would appeal. pic.twitter.com/AbC123xyz\n"
                          "Her lawyer said she would appeal.\n"
                          "Reporting by Jane Roe; Editing by John Doe\n"
                          "With files from John Doe\n"
                          "Follow The Minsk Desk on Twitter\n"
                          "Article Comments\n"
                          "Please keep your comments respectful."))
    assert article.body.splitlines() == [
        "A court in Minsk jailed an opposition activist for five years on Tuesday.",
        "Her lawyer said she would appeal."]


def test_read_more_teasers_and_comment_forms_are_removed():
    article = clean(_item("Swap brings home two reporters\nTwo reporters returned home on Friday in a swap.\n"
                          "Read more: Prices rise again\nThe exchange took place in Ankara.\n"
                          "Leave a Reply\nYour email address will not be published."))
    assert article.body.splitlines() == ["Two reporters returned home on Friday in a swap.",
                                         "The exchange took place in Ankara."]


def test_the_copyright_line_names_the_site_when_nothing_else_does():
    article = clean(_item("Court frees Dutch sailor held in Venezuela\n"
                          "A Dutch sailor held in Caracas for eight months was freed on Friday, his family said.\n"
                          "© 2024 The Harbour Times. All rights reserved."))
    assert article.outlet == "The Harbour Times"
    assert "All rights reserved" not in article.body


def test_a_page_without_a_headline_keeps_every_paragraph():
    text = ("Two aid workers held for a year were freed on Friday in an exchange brokered by Qatar, the foreign "
            "ministry said in a statement.\n\n"
            "Officials said the handover took place at the airport in Doha late in the evening.\n\n"
            "Both men were flown home on a government plane.\n")
    article = clean(_item(text))
    assert article.title is None
    assert article.body.splitlines() == [line for line in text.splitlines() if line]


def test_the_headline_is_not_sought_below_a_dateline():
    text = ("Former official freed in a swap for two Swedish citizens, weeks after a court upheld his sentence.\n\n"
            "Tehran, Iran – Iran and Sweden have completed a prisoner swap brokered by Oman, officials said on "
            "Saturday.\n\n"
            "Tobias Lind was imprisoned on security charges.\n\n"
            "The deal was announced by both governments.\n")
    article = clean(_item(text))
    assert article.title is None
    assert "Tobias Lind was imprisoned on security charges." in article.body.splitlines()
    assert article.body.splitlines()[0].startswith("Former official freed")


def test_a_comment_count_under_the_headline_does_not_end_the_article():
    text = ("Americans freed from prison in swap\n\nby Desk\n0 comment\n\n"
            "Five Americans imprisoned for years are on their way home after a deal between the two governments.\n\n"
            "They landed in Doha on Monday.\n")
    article = clean(_item(text))
    assert article.title == "Americans freed from prison in swap"
    assert article.body.splitlines()[-2:] == [
        "Five Americans imprisoned for years are on their way home after a deal between the two governments.",
        "They landed in Doha on Monday."]


@pytest.mark.parametrize("opening, place, agency", [
    ("Tehran, Iran – Iran and Sweden completed a swap on Saturday.", "Tehran", None),
    ("ROME (City News / Sputnik - 21st March, 2023) The appeals court approved the extradition.", "Rome", "Sputnik"),
    ("KYIV, Ukraine (AP) — Two men were detained.", "Kyiv", "Associated Press"),
])
def test_datelines_with_a_country_or_a_carrier_and_its_source(opening, place, agency):
    article = clean(_item(f"Court rules on extradition\n\n{opening}\n\nThe ruling can be appealed.\n"))
    assert article.dateline == place
    assert (article.outlet == agency) if agency else article.outlet is None


def test_a_name_and_a_surname_before_a_dash_are_no_dateline():
    article = clean(_item("Court rules on extradition\n\nSmith, Jones – the lawyers – appealed the ruling.\n"))
    assert article.dateline is None


def test_a_dateline_with_an_ordinal_day_and_a_lower_case_agency_tag():
    article = clean(_item("Consulate seeks access to detained Russian\n"
                          "NEW YORK, March 3rd. /tass/. The Russian consulate has asked to visit a Russian citizen "
                          "held in a federal jail."))
    assert (article.dateline, article.outlet, article.published) == ("New York", "TASS", "XXXX-03-03")


def test_the_staff_credit_closing_a_wire_story_names_its_people_and_stays_with_the_paragraph():
    article = clean(_item("Court jails opposition activist in Minsk\n"
                          "A court in Minsk jailed an opposition activist for five years on Tuesday. (Reporting by "
                          "Jane Roe; Writing by John Doe; Editing by Ann Smith)"))
    assert article.credits == ["Jane Roe", "John Doe", "Ann Smith"]
    assert article.body.endswith("(Reporting by Jane Roe; Writing by John Doe; Editing by Ann Smith)")
    assert clean(_item("Court jails activist\nA court in Minsk jailed an activist (his third arrest by police) "
                       "on Tuesday.")).credits == []
