"""Article metadata read from what the page prints: the copyright holder, captions, dates, the language."""
from __future__ import annotations

import re

import py3langid

from ..temporal import parse_calendar_date, real_part
from . import furniture, outlets

# "© 2024 The Harbour Times. All rights reserved." names the site that printed the page.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<name>[A-Z][\w&'’ .-]{1,50}?)"
                        r"\s*(?:[.,|]|all rights|$)", re.I)
_ISO_GIVEN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
_CREDIT_START = re.compile(r"(?i:\b(?:photo|image|picture|credit)s?\s*:)|©|\b[A-Z][\w.'-]+ [A-Z][\w.'-]+/[A-Z]")


def without_credit(caption: str) -> str:
    """"X greets Y at the airport. Photo: Jane Doe/Agency" -> the caption's own words."""
    return _CREDIT_START.split(caption, maxsplit=1)[0].strip(" .-–—")


def copyright_holder(lines: list[str]) -> str | None:
    """The site's name from its copyright line, not from a photo's credit."""
    for line in lines:
        match = _COPYRIGHT.search(line)
        if match and not furniture.is_credit(line.replace("©", "", 1)) and "/" not in line:
            return outlets.canonical(match.group("name").strip(" .-"))
    return None


def language(body: str) -> str | None:
    if len(body) < 20:
        return None
    code, _ = py3langid.classify(body[:2000])  # the opening tells the language; the rest only costs time
    return code


def given_date(published: str | None) -> str | None:
    """The source's own publication date, as a partial ISO date."""
    if not published:
        return None
    match = _ISO_GIVEN.match(published.strip())
    return real_part(match.group(0)) if match else parse_calendar_date(published)
