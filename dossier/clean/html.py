"""HTML pages: trafilatura for the main text and metadata, htmldate for the publication date."""
from __future__ import annotations

import logging

import htmldate
import trafilatura
from lxml import html as lxml_html

from .pages import Page

# trafilatura and htmldate log every page they find hard; dossier reports its own problems.
for _name in ("trafilatura", "htmldate", "readability", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def _visible_lines(content: str) -> list[str]:
    try:
        tree = lxml_html.fromstring(content)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    text = tree.text_content()
    return [line.strip() for line in text.splitlines() if line.strip()]


def extract_html(content: str) -> Page:
    document = trafilatura.bare_extraction(
        content, include_comments=False, include_tables=True, with_metadata=True, favor_precision=False,
    )
    body = (document.text if document is not None else "") or ""
    lines = [line for line in body.splitlines() if line.strip()]
    title = document.title if document is not None else None
    outlet = document.sitename if document is not None else None
    published = htmldate.find_date(content, original_date=True, extensive_search=False,
                                   outputformat="%Y-%m-%d")
    kept = set(lines)
    removed = [line for line in _visible_lines(content) if line not in kept] if lines else []
    return Page(lines=lines, has_header=False, title=title, outlet=outlet, published=published, removed=removed)
