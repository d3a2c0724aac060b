"""Separating an article's own lines from the furniture printed among them, noting the metadata seen."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..temporal import has_label, has_time
from . import furniture, outlets
from .headline import WELCOME

_CAPTION_MAX_WORDS = 12


@dataclass
class Findings:
    """Metadata candidates seen while reading the page's lines."""

    dates: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def read_header(header: list[str], found: Findings) -> None:
    for line in header:
        welcome = WELCOME.match(line)
        if welcome:
            found.outlets.append(welcome.group("name").strip())
        elif outlets.by_name(line.strip("| ")):
            found.outlets.append(outlets.canonical(line.strip("| ")))
        # An unlabelled date above the headline is the site's "today", not the article's date.
        elif furniture.is_date_line(line) and (has_label(line) or has_time(line)):
            found.dates.append(furniture.date_of_line(line))


def _caption_lines(lines: list[str]) -> set[int]:
    """Indices of photo captions: credit lines and the short lines that repeat or sit between them."""
    credits = {i for i, line in enumerate(lines) if furniture.is_credit(line)}
    captions = set(credits)
    for i, line in enumerate(lines):
        if i in credits or furniture.ends_like_sentence(line):
            continue
        if len(furniture.words(line)) > _CAPTION_MAX_WORDS:
            continue
        near = [j for j in credits if abs(j - i) <= 2]
        if any(furniture.norm(line) in furniture.norm(lines[j]) for j in near) or (
                i - 1 in credits and i + 1 in credits):
            captions.add(i)
    return captions


def split_extracted(lines: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """Lines an extractor already chose as the article: only teasers and photo credits go, and the headline."""
    body: list[str] = []
    removed: list[str] = []
    title_key = furniture.norm(title).casefold() if title else None
    for line in lines:
        if furniture.norm(line).casefold() == title_key or furniture.is_teaser(line) or furniture.is_credit(line):
            removed.append(line)
        else:
            body.append(line)
    return body, removed


def split_body(lines: list[str], title: str | None, found: Findings) -> tuple[list[str], list[str]]:
    """The article's lines and the furniture's, from the lines below a page's headline."""
    body: list[str] = []
    removed: list[str] = []
    captions = _caption_lines(lines)
    seen = {furniture.norm(title).casefold()} if title else set()
    for i, line in enumerate(lines):
        key = furniture.norm(line).casefold()
        if furniture.opens_tail(line):
            if body:
                removed.extend(lines[i:])
                break
            removed.append(line)  # "0 comments" under a headline: the article is still to come
            continue
        if furniture.is_date_line(line):
            found.dates.append(furniture.date_of_line(line))
            removed.append(line)
        elif key in seen or i in captions or furniture.is_teaser(line) or furniture.is_chrome(line):
            if i in captions and key not in seen:
                found.captions.append(line)
            removed.append(line)
        elif furniture.is_label(line) or furniture.is_byline(line):
            if outlets.by_name(line):
                found.outlets.append(outlets.canonical(line))
            removed.append(line)
        else:
            body.append(line)
        seen.add(key)
    return body, removed
