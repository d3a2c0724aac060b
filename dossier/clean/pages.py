"""Page extractors: from a source's own format to text lines plus the metadata the format carries.

A plain-text page is its lines, furniture and all. An HTML page goes through
trafilatura for its main text and metadata and htmldate for its publication date.
Register another extractor under a format name to support a new markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..registry import page_extractors


@dataclass
class Page:
    lines: list[str]
    # True when the lines still carry the page header (navigation, headline) above the article.
    has_header: bool
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    removed: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


@page_extractors.register("text")
def text_page(content: str) -> Page:
    return Page(lines=content.splitlines(), has_header=True)


@page_extractors.register("html")
def html_page(content: str) -> Page:
    from .html import extract_html

    return extract_html(content)
