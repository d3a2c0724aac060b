"""HTML pages: trafilatura for the main text and metadata, htmldate for the publication date.

The page is parsed once; the extractor, the metadata readers and htmldate all work
on that tree (each copies it before changing it), and the lines left out of the
article are read from it last.
"""
from __future__ import annotations

import logging
import re

import htmldate
import trafilatura
from trafilatura import metadata as _meta
from trafilatura.utils import load_html

from .pages import Page

# trafilatura and htmldate log every page they find hard; dossier reports its own problems.
for _name in ("trafilatura", "htmldate", "readability", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# fast: no readability/justext second opinion. On the 181-page extraction benchmark it is
# both more precise (menus and link lists the fallbacks bring back stay out) and quicker.
_EXTRACTION = dict(include_comments=False, include_tables=True, fast=True, with_metadata=False)
_INVISIBLE = ("script", "style", "noscript", "template")
_SPACES = re.compile(r"\s+")


def _norm(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _title_and_site(tree) -> tuple[str | None, str | None]:
    """The headline and the site's name, as trafilatura's metadata reader finds them.

    Only these two fields are read: authors, categories, tags and licence cost a
    third of the extraction time and dossier has no use for them.
    """
    found = _meta.examine_meta(tree)
    try:
        found = _meta.extract_meta_json(tree, found)
    except Exception:  # a page's broken JSON-LD must not lose its text
        pass
    title = found.title or _meta.extract_title(tree)
    site = found.sitename or _meta.extract_sitename(tree)
    if site:
        site = site.lstrip("@")
        if site and "." not in site and not site[0].isupper():
            site = site.title()
    else:
        url = found.url or _meta.extract_url(tree)
        match = _meta.META_URL.match(url) if url else None
        site = match[1] if match else None
    return _trim(title), _trim(site)


def _trim(value: str | None) -> str | None:
    if not value:
        return None
    return _norm(_meta.unescape(value[:10000])) or None


def _removed_lines(tree, kept: set[str]) -> list[str]:
    """The page's visible lines that the article does not keep, in page order."""
    for element in list(tree.iter(*_INVISIBLE)):
        element.drop_tree()
    removed = []
    for line in tree.text_content().splitlines():
        line = _norm(line)
        if line and line not in kept:
            removed.append(line)
    return removed


def extract_html(content: str) -> Page:
    try:
        tree = load_html(content)
    except (TypeError, ValueError):
        tree = None
    if tree is None:
        return Page(lines=[], has_header=False)
    title, outlet = _title_and_site(tree)
    published = htmldate.find_date(tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    document = trafilatura.bare_extraction(tree, **_EXTRACTION)
    body = (document.text if document is not None else "") or ""
    lines = [line for line in body.splitlines() if line.strip()]
    removed = _removed_lines(tree, {_norm(line) for line in lines}) if lines else []
    return Page(lines=lines, has_header=False, title=title, outlet=outlet, published=published, removed=removed)
