"""Separating an article's own lines from the furniture printed among them, noting the metadata seen."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import places
from ..temporal import has_label, has_time
from . import furniture, outlets
from .captions import caption_lines
from .headline import WELCOME

@dataclass
class Findings:
    """Metadata candidates seen while reading the page's lines."""

    dates: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # where an agency's row of metadata says the story is from


def read_header(header: list[str], found: Findings) -> None:
    for line in header:
        if furniture.is_byline(line):
            found.credits.extend(furniture.credited_names(line))
        welcome = WELCOME.match(line)
        if welcome:
            found.outlets.append(welcome.group("name").strip())
        elif outlets.by_name(line.strip("| ")):
            found.outlets.append(outlets.canonical(line.strip("| ")))
        # An unlabelled date above the headline is the site's "today", not the article's date.
        elif furniture.is_date_line(line) and (has_label(line) or has_time(line)):
            found.dates.append(furniture.date_of_line(line))


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
    captions = caption_lines(lines)
    seen = {furniture.norm(title).casefold()} if title else set()
    for i, line in enumerate(lines):
        key = furniture.norm(line).casefold()
        if furniture.opens_tail(line):
            if body:
                removed.extend(lines[i:])
                break
            removed.append(line)  # "0 comments" under a headline: the article is still to come
            continue
        if furniture.is_byline(line) or furniture.is_staff_credit(line):
            found.credits.extend(furniture.credited_names(line))
        elif i > 0 and lines[i - 1].strip().casefold() == "by":  # "By" on a line of its own, the name below
            found.credits.extend(furniture.credited_names(f"By {line}"))
        if furniture.is_date_line(line):
            found.dates.append(furniture.date_of_line(line))
            removed.append(line)
        elif key in seen or i in captions or furniture.is_teaser(line) or furniture.is_chrome(line):
            if i in captions and key not in seen:
                found.captions.append(line)
            # "Reuters | Moscow | Updated: 28-09-2021": a row of the story's metadata, the agency's dateline in it
            parts = furniture.menu_parts(line)
            credited = [outlets.canonical(part) for part in parts if outlets.by_name(part)]
            found.outlets.extend(credited)
            if credited:
                found.places.extend(part for part in parts if places.country_of_place(part))
            removed.append(line)
        elif furniture.is_label(line) or furniture.is_byline(line) or (
                removed and removed[-1] == lines[i - 1] and furniture.is_byline(lines[i - 1])
                and furniture.is_role(line)):
            if outlets.by_name(line):
                found.outlets.append(outlets.canonical(line))
            removed.append(line)
        else:
            body.append(line)
            found.credits.extend(furniture.credited_names(furniture.closing_credit(line) or ""))
        seen.add(key)
    return body, removed
