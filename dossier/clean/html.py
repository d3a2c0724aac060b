"""HTML pages: trafilatura for the main text and metadata, htmldate for the publication date.

The page is parsed once; the metadata readers, htmldate and the extractor all work
on that tree (each copies it before changing it), and the lines left out of the
article are read from it last.
"""
from __future__ import annotations

import contextlib
import logging
import re
from html import unescape

import htmldate
import trafilatura
from rapidfuzz import fuzz
from trafilatura import metadata as _meta
from trafilatura.utils import load_html

from .pages import Page

# trafilatura and htmldate log every page they find hard; dossier reports its own problems.
for _name in ("trafilatura", "htmldate", "readability", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# Without comments. The fast mode (no readability/justext second opinion) is tried first:
# it is quicker and keeps fewer link lists, but on a page its main extractor cannot read
# it returns nothing or the whole page (see _is_menu_dump); the full mode is tried then.
_EXTRACTION = {"include_comments": False, "include_tables": True, "with_metadata": False}
_MENU_LABEL_WORDS = 4
_MENU_SHARE = 0.75
_INVISIBLE = ("head", "script", "style", "noscript", "template")
# Elements that start a new line on screen; text_content() would run their texts together.
_BLOCKS = ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
           "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
           "pre", "section", "table", "td", "th", "tr", "ul")
_WORD = re.compile(r"\w+")
_PART_OF_KEPT = 40  # characters: a shorter line ("Share", "Home") may occur inside the article by chance
# What sites put between a headline and their own name in <title> and og:title.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·»/:]{1,2}\s+|\s*[|·»]\s*|:\s+")
_SAME_HEADLINE = 85  # rapidfuzz ratio of two forms of one headline ("HS Roundup" / "High School Roundup")
_HEADLINE_MAX_WORDS = 40


def _norm(line: str) -> str:
    return " ".join(line.split())


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _trim(value: str | None) -> str | None:
    if not value:
        return None
    return _norm(unescape(value[:10000])) or None


def _site_name(found, tree) -> str | None:
    site = found.sitename or _meta.extract_sitename(tree)
    if site:
        site = site.lstrip("@")
        if site and "." not in site and not site[0].isupper():
            site = site.title()
        return _trim(site)
    url = found.url or _meta.extract_url(tree)
    match = _meta.META_URL.match(url) if url else None
    return match[1] if match else None


def _is_site(part: str, site: str, exact: bool = False) -> bool:
    """A piece of a page title that names the site: "Inexhibit" for "Inexhibit magazine", "Site.com" for "Site"."""
    part_key, site_key = _key(part).replace(" ", ""), _key(site).replace(" ", "")
    if not part_key or not site_key:
        return False
    return part_key == site_key or not exact and (
        (len(part_key) >= 4 and site_key.startswith(part_key))
        or (part_key.startswith(site_key) and len(part_key) - len(site_key) <= 4))


def _without_site(title: str, site: str | None) -> str:
    """The page title without the site's name before or after it ("Headline | Site")."""
    if not site:
        return title
    separators = list(_TITLE_SEPARATOR.finditer(title))
    for match in separators:  # the longest tail first: a site's name may hold a separator
        if _is_site(title[match.end():], site) and _key(title[:match.start()]):
            return title[:match.start()].strip()
    for match in reversed(separators):
        # "Amnesty: ..." on Amnesty International's site is a headline quoting it, not the site's name.
        exact = match.group().strip() == ":"
        if _is_site(title[:match.start()], site, exact) and _key(title[match.end():]):
            return title[match.end():].strip()
    return title


def _is_headline(line: str, title: str, site: str | None) -> bool:
    """A line printing the page's title, whole or as one part of it, or reworded a little."""
    line_key, title_key = _key(line), _key(title)
    if not line_key or len(line_key.split()) > _HEADLINE_MAX_WORDS:
        return False
    if line_key == title_key or fuzz.ratio(line_key, title_key) >= _SAME_HEADLINE:
        return True
    # One part of "Section | Headline | Site": the part must be most of the title, not a label.
    parts = [p for p in _TITLE_SEPARATOR.split(title) if _key(p)]
    return (len(parts) > 1 and any(_key(p) == line_key for p in parts)
            and not (site and _is_site(line, site)) and len(line_key) >= 0.4 * len(title_key))


def _headline(tree, title: str | None, site: str | None) -> str | None:
    """The headline as the page prints it: the <h1> that repeats the page title, else the title.

    <title> and og:title often carry the site's or the section's name as well.
    """
    if not title:
        return None
    for h1 in tree.iter("h1"):
        text = _norm(h1.text_content())
        if text and _is_headline(text, title, site):
            return text
    return _without_site(title, site)


def _title_and_site(tree) -> tuple[str | None, str | None]:
    """The headline and the site's name, read by trafilatura's metadata functions.

    Only these two fields are read: authors, categories, tags and licence cost up to
    a third of the extraction time and dossier has no use for them.
    """
    found = _meta.examine_meta(tree)
    with contextlib.suppress(Exception):  # a page's broken JSON-LD must not lose its text
        found = _meta.extract_meta_json(tree, found)
    site = _site_name(found, tree)
    title = _trim(found.title or _meta.extract_title(tree))
    return _headline(tree, title, site), site


def _unwrap_layout_tables(tree) -> None:
    """Turn tables used for page layout into plain blocks.

    A table holding paragraphs is the page's layout, not data: extracted as a table,
    each cell comes out as one line, its paragraphs run together between "|" marks.
    """
    for table in tree.xpath("//table[.//p]"):
        for part in table.xpath("./thead|./tbody|./tfoot|./tr|./*/tr|./tr/td|./tr/th|./*/tr/td|./*/tr/th"):
            part.tag = "div"
        table.tag = "div"


def _is_menu_dump(lines: list[str]) -> bool:
    """Text made mostly of short labels: the site's menus taken for the article."""
    total = sum(len(line) for line in lines)
    labels = sum(len(line) for line in lines if len(_WORD.findall(line)) <= _MENU_LABEL_WORDS)
    return total > 0 and labels >= _MENU_SHARE * total


def _article_lines(tree) -> list[str]:
    lines: list[str] = []
    for fast in (True, False):
        document = trafilatura.bare_extraction(tree, fast=fast, **_EXTRACTION)
        text = (document.text if document is not None else "") or ""
        # A line without a word is a table's rule ("|---|---|") or an ornament.
        lines = [line for line in text.splitlines() if _WORD.search(line)]
        if lines and not _is_menu_dump(lines):
            break
    return lines


def _removed_lines(tree, kept: list[str]) -> list[str]:
    """The page's visible lines that the article does not keep, in page order."""
    for element in list(tree.iter(*_INVISIBLE)):
        element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    kept_lines = {_norm(line) for line in kept}
    kept_text = "\n".join(kept_lines)
    removed = []
    for line in tree.text_content().splitlines():
        if not line or line.isspace():
            continue
        line = _norm(line)
        # A list item or a line broken by <br> comes out of the extractor joined to its neighbours.
        if line not in kept_lines and not (len(line) >= _PART_OF_KEPT and line in kept_text):
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
    try:
        published = htmldate.find_date(tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (AssertionError, ValueError):  # a page that is one <svg> or <video>: htmldate removes its root
        published = None
    _unwrap_layout_tables(tree)
    lines = _article_lines(tree)
    # The extractor sometimes keeps the headline, in a form a little different from the title.
    if lines and title and _is_headline(lines[0], title, outlet):
        lines = lines[1:]
    captions = [text for text in (_norm(c.text_content()) for c in tree.iter("figcaption")) if text]
    removed = _removed_lines(tree, lines) if lines else []
    return Page(lines=lines, has_header=False, title=title, outlet=outlet, published=published, removed=removed,
                captions=captions)
