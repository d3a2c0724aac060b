"""HTML pages of our own writing, read and cleaned as a user's corpus would be.

Each page carries what real sites print around an article: menus, sidebars,
comments, captions with photo credits, teasers to other stories, a header with
the day's date. The body must be the article's paragraphs and nothing else.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from conftest import FIXTURES
from dossier.clean import clean
from dossier.read import read_corpus
from dossier.records import Article, SourceItem

PAGES = FIXTURES / "html"


def _article(path: Path) -> Article:
    [item] = read_corpus(path)
    assert isinstance(item, SourceItem) and item.format == "html"
    return clean(item)


@pytest.fixture(scope="module")
def blog() -> Article:
    return _article(PAGES / "wordpress-extradition.html")


@pytest.fixture(scope="module")
def wire() -> Article:
    return _article(PAGES / "wire-detention.html")


@pytest.fixture(scope="module")
def photos() -> Article:
    return _article(PAGES / "photo-feature.html")


# --- a WordPress post: comments, reply form, sidebar, menu, related posts ---

BLOG_PARAGRAPHS = [
    ("A regional court in Vilnius on Friday approved the extradition of Timur Abenov, a Kazakh businessman who has "
     "been held in a Lithuanian remand prison since his arrest at the city’s airport last September."),
    ("Kazakh prosecutors accuse Abenov, 52, of embezzling state funds through a road-building contract in the "
     "Karaganda region. His lawyers say the case was opened only after he financed an opposition newspaper in Almaty."),
    ("“The court accepted written assurances from Astana that he will not be tortured, although the same assurances "
     "were broken in two earlier cases,” said his lawyer, Dovile Sakalauskiene, after the hearing."),
    ("The ruling can be appealed to the Court of Appeal of Lithuania within fourteen days, and the final decision "
     "rests with the justice minister. Abenov will remain in custody until then."),
    "Two human rights groups urged the ministry to refuse the request, citing the risk of an unfair trial.",
]


def test_blog_post_body_is_exactly_its_paragraphs(blog):
    assert blog.body.splitlines() == BLOG_PARAGRAPHS


def test_blog_comments_and_reply_form_stay_out_of_the_body(blog):
    for comment in ("Shameful decision.", "His family in Almaty has not been allowed",
                    "Does anyone know if the appeal has been filed yet?"):
        assert comment not in blog.body
        assert any(comment in line for line in blog.removed)
    for furniture in ("Leave a Reply", "Your email address will not be published", "Post Comment", "says:"):
        assert furniture not in blog.body


def test_blog_menus_sidebar_and_related_posts_stay_out_of_the_body(blog):
    for furniture in ("Support our work", "Recent Posts", "Tallinn grants asylum", "Archives",
                      "Riga hearing on Uzbek blogger", "What diplomatic assurances are worth", "Share this",
                      "Minsk court jails three cyclists", "Proudly powered by WordPress"):
        assert furniture not in blog.body, furniture


def test_blog_metadata(blog):
    # <title> and og:title end in " – Baltic Rights Monitor"; the headline is the <h1>.
    assert blog.title == "Vilnius court clears extradition of Kazakh businessman"
    assert blog.outlet == "Baltic Rights Monitor"
    # Published, not the update of 19 February nor a comment's date.
    assert blog.published == "2024-02-16"
    assert blog.dateline is None
    assert blog.language == "en"


# --- an agency wire page: dateline, header with today's date, meta published date ---

WIRE_PARAGRAPHS = [
    ("ANKARA, March 3 (Meridian Wire) - Turkish police have detained a Georgian lorry driver at the Sarp border "
     "crossing on an Interpol notice issued by Azerbaijan, his employer said on Sunday, and a court in Ankara will "
        "decide within 40 days whether to hand him over."),
    ("Levan Beridze, 38, was stopped on Friday while driving a load of hazelnuts towards Batumi. Azerbaijani "
     "prosecutors want him on smuggling charges dating from 2019, which he denies."),
    ("“He has crossed this border every week for six years and nobody ever stopped him,” said Nino Kapanadze, who "
     "runs the haulage firm in Kutaisi. “We learned about the warrant from the Turkish police.”"),
    ("Georgia's foreign ministry said its consul had visited Beridze in a detention centre in Artvin and that he was "
     "in good health. The ministry asked Turkish authorities to release him pending the hearing."),
    ("Turkey and Azerbaijan signed an extradition treaty in 1992. Lawyers for Beridze said they would argue that the "
     "charges are past the statute of limitations."),
]


def test_wire_body_is_exactly_its_paragraphs(wire):
    assert wire.body.splitlines() == WIRE_PARAGRAPHS


def test_wire_furniture_stays_out_of_the_body(wire):
    for furniture in ("Thursday, March 14, 2024", "Markets:", "Advertisement", "Tweet", "More from World",
                      "Greek coastguard rescues", "Trending", "Trust Principles", "All rights reserved",
                      "Topics:", "By Selin Aydemir"):
        assert furniture not in wire.body, furniture
    assert "Thursday, March 14, 2024" in wire.removed


def test_wire_date_is_the_article_s_not_the_header_s_today(wire):
    assert wire.published == "2024-03-03"


def test_wire_dateline_outlet_and_title(wire):
    assert wire.dateline == "Ankara"
    assert wire.outlet == "Meridian Wire"
    assert wire.title == "Turkey detains Georgian lorry driver sought by Azerbaijan"


def test_gzipped_page_reads_the_same(tmp_path, wire):
    path = tmp_path / "wire-detention.html.gz"
    path.write_bytes(gzip.compress((PAGES / "wire-detention.html").read_bytes()))
    again = _article(path)
    assert (again.doc_id, again.body, again.published, again.dateline) == (
        "wire-detention", wire.body, wire.published, wire.dateline)


# --- a photo feature: figures with captions and credits, a "Read more:" teaser in the body ---

PHOTO_PARAGRAPHS = [
    ("Every morning since the arrests, Manana Tsereteli has taken the first bus to the police station where her son "
     "is held, hoping to hand him a bag of clean clothes and a letter."),
    ("Her son, Giorgi, a 20-year-old history student, was one of eleven young people detained on April 30 after a "
     "sit-in at the university library. Police say the students damaged property; their lawyers say the sit-in was "
        "peaceful."),
    ("Under Georgian law, suspects can be held for up to 72 hours before a judge must rule on their detention. "
     "Lawyers for the students say the court extended the detention twice without hearing the defence."),
    ("“We are not asking for favours, only for a hearing where our children can speak,” said Tsereteli, standing "
     "beside a row of parents holding photographs of their children."),
    ("The interior ministry did not respond to a request for comment. A hearing on the students’ appeal is scheduled "
     "for May 28."),
]


def test_photo_feature_body_is_exactly_its_paragraphs(photos):
    assert photos.body.splitlines() == PHOTO_PARAGRAPHS


def test_captions_credits_and_teasers_stay_out_of_the_body(photos):
    for furniture in ("Photo:", "Jane Doe", "Caucasus Photo Agency", "Letters written by parents",
                      "hold a vigil outside the district court", "The district court where the detention hearings",
                      "Read more", "How a library sit-in turned into a mass arrest", "In pictures",
                      "Spring floods", "Sign up", "morning briefing"):
        assert furniture not in photos.body, furniture
    assert "Read more: How a library sit-in turned into a mass arrest" in photos.removed


def test_photo_feature_metadata(photos):
    # og:title ends in " | The Northern Ledger"; the page was modified on 23 May.
    assert photos.title == "Families wait for news of detained students"
    assert photos.outlet == "The Northern Ledger"
    assert photos.published == "2024-05-21"
    assert photos.dateline is None


# --- an old page laid out with a table ---

def test_table_layout_page_keeps_its_paragraphs_apart():
    article = _article(PAGES / "table-layout.html")
    assert article.body.splitlines() == [
        ("A district court in Kyzyl on Monday sentenced two herders from Mongolia to eight months in a penal colony "
         "for crossing the border while searching for lost horses, their lawyer said."),
        ("The men, Batbayar Gantulga and Tserendorj Enkhbold, were detained by border guards in July about four "
         "kilometres inside Russian territory with eleven horses."),
        ("Their lawyer, Aldyn Kuular, said he would appeal, arguing that the border in that valley is not marked and "
         "that the men had crossed it in fog."),
        "The Mongolian consulate in Kyzyl has asked for the sentence to be replaced by a fine and deportation.",
    ]
    assert (article.title, article.outlet, article.published) == (
        "Court sentences two herders over border crossing", "Steppe Courier", "2023-10-09")
    assert "Contacts" in article.removed and "Friday" not in article.body
