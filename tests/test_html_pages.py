"""HTML pages of our own making, read as a user's corpus would be."""
from __future__ import annotations

from conftest import FIXTURES, REPO
from dossier.clean import clean
from dossier.read import read_corpus


def _article(path):
    [item] = read_corpus(path)
    return clean(item)


def test_wordpress_post_keeps_the_story_and_drops_comments_forms_captions_and_teasers():
    article = _article(FIXTURES / "html_pages" / "wordpress-comments.html")
    assert article.title == "Activist freed after two years in Azerbaijani jail"
    assert article.body.splitlines() == [
        "Rights activist Elnur Mammadli walked out of a prison near Baku on Monday after serving two years of a "
        "four-year sentence, his wife said.",
        "Mammadli was arrested in Ganja in October 2023 and convicted of hooliganism, a charge his supporters say "
        "was invented to silence him.",
        "“I am grateful to everyone who wrote letters,” Mammadli told reporters at the gate.",
        "Two other activists arrested with him remain in custody.",
    ]
    assert (article.outlet, article.published) == ("Caspian Notes", "2025-11-04")
    assert any("Finally some good news" in line for line in article.removed)


def test_news_page_date_comes_from_its_metadata_not_the_header_and_the_dateline_is_read():
    article = _article(REPO / "examples" / "sample" / "court-sentence.html")
    assert article.published == "2026-09-18"  # not the header's "Sunday, 22 November 2026"
    assert (article.outlet, article.dateline) == ("The Harbour Times", "Seoul")
    assert not any("Photo:" in line or "Read more" in line for line in article.body.splitlines())
    assert article.body.splitlines()[1].startswith("SEOUL, Sept 18 — The Seoul Central District Court")
