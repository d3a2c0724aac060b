"""Stage 2, clean: from a SourceItem to an Article with its body and metadata.

The page extractor for the item's format gives text lines; the lines above the
headline are the page header (navigation, the day's date, the site's name), the
lines after it are the article mixed with furniture (captions, teasers, forms),
which ``furniture`` recognises line by line. Metadata comes from, in order of
trust: the source's own fields, the page's markup, the article's furniture and
dateline.
"""
from __future__ import annotations

import re

import py3langid

from ..records import Article, SourceItem
from ..registry import page_extractors
from ..temporal import has_label, has_time, parse_calendar_date, real_part
from . import furniture, outlets
from .dateline import parse_dateline
from .pages import Page

_TITLE_MAX_WORDS = 30
_BODY_MIN_WORDS = 20  # a line this long that ends like a sentence is a paragraph, not a headline
_HEADER_SCAN = 12  # lines searched for the headline
_DATE_LINE_MAX_WORDS = 9
_CAPTION_MAX_WORDS = 12
_WELCOME = re.compile(r"^\W*welcome to (?:the )?(?P<name>[\w .&'’-]{2,60}?)\W*$", re.I)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and|&).*)?$")
# "© 2024 The Harbour Times. All rights reserved." names the site that printed the page.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<name>[A-Z][\w&'’ .-]{1,50}?)"
                        r"\s*(?:[.,|]|all rights|$)", re.I)
_MINOR_WORDS = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at"}
_ISO_GIVEN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def _without_byline(line: str) -> str:
    return re.sub(r"\s+by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$", "", line)


def _is_date_line(line: str) -> bool:
    line = _without_byline(line)
    return len(furniture.words(line)) <= _DATE_LINE_MAX_WORDS and parse_calendar_date(line) is not None


def _date_of_line(line: str) -> str | None:
    return parse_calendar_date(_without_byline(line))


def _could_be_title(line: str) -> bool:
    n = len(furniture.words(line))
    if n < 3 or n > _TITLE_MAX_WORDS:
        return False
    if furniture.is_chrome(line) or furniture.is_credit(line) or furniture.is_teaser(line):
        return False
    if _is_date_line(line) or _WELCOME.match(line) or parse_dateline(line):
        return False
    # A headline does not end with a full stop after a long sentence.
    return not (line.endswith(".") and n > 15)


def _opens_body(line: str) -> bool:
    """A line only an article's own text has: a dateline, or a long sentence."""
    return parse_dateline(line) is not None or (
        len(furniture.words(line)) >= _BODY_MIN_WORDS and furniture.ends_like_sentence(line))


def _looks_like_site_name(line: str) -> bool:
    """A short name in title case ("The Detention Desk") printed above a page's headline."""
    names = furniture.words(line)
    return len(names) <= 4 and all(w[0].isupper() or w in _MINOR_WORDS for w in names)


def _find_title(lines: list[str], given: str | None) -> int | None:
    if given:
        key = _norm(given).casefold()
        for i, line in enumerate(lines[:_HEADER_SCAN * 2]):
            if _norm(line).casefold() == key:
                return i
        return None
    # The headline comes before the article's first paragraph: a line below a dateline or a long sentence
    # is the article's own text ("Azizi was imprisoned on ... charges."), whatever its length.
    opening = next((i for i, line in enumerate(lines[:_HEADER_SCAN]) if _opens_body(line)), _HEADER_SCAN)
    candidates = [i for i, line in enumerate(lines[:opening]) if _could_be_title(line)]
    if len(candidates) > 1 and candidates[1] - candidates[0] <= 2 and _looks_like_site_name(lines[candidates[0]]):
        return candidates[1]
    return candidates[0] if candidates else None


class _Findings:
    """Metadata candidates seen while reading the page's lines."""

    def __init__(self) -> None:
        self.dates: list[str] = []
        self.outlets: list[str] = []
        self.captions: list[str] = []


def _read_header(header: list[str], found: _Findings) -> None:
    for line in header:
        welcome = _WELCOME.match(line)
        if welcome:
            found.outlets.append(welcome.group("name").strip())
        elif outlets.by_name(line.strip("| ")):
            found.outlets.append(outlets.canonical(line.strip("| ")))
        # An unlabelled date above the headline is the site's "today", not the article's date.
        elif _is_date_line(line) and (has_label(line) or has_time(line)):
            found.dates.append(_date_of_line(line))


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
        if any(_norm(line) in _norm(lines[j]) for j in near) or (i - 1 in credits and i + 1 in credits):
            captions.add(i)
    return captions


def _split_extracted(lines: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """Lines an extractor already chose as the article: only teasers and photo credits go, and the headline."""
    body: list[str] = []
    removed: list[str] = []
    title_key = _norm(title).casefold() if title else None
    for line in lines:
        if _norm(line).casefold() == title_key or furniture.is_teaser(line) or furniture.is_credit(line):
            removed.append(line)
        else:
            body.append(line)
    return body, removed


def _split_body(lines: list[str], title: str | None, found: _Findings) -> tuple[list[str], list[str]]:
    body: list[str] = []
    removed: list[str] = []
    captions = _caption_lines(lines)
    seen = {_norm(title).casefold()} if title else set()
    for i, line in enumerate(lines):
        key = _norm(line).casefold()
        if furniture.opens_tail(line):
            if body:
                removed.extend(lines[i:])
                break
            removed.append(line)  # "0 comments" under a headline: the article is still to come
            continue
        if _is_date_line(line):
            found.dates.append(_date_of_line(line))
            removed.append(line)
        elif key in seen or i in captions or furniture.is_teaser(line) or furniture.is_chrome(line):
            if i in captions and key not in seen:
                found.captions.append(line)
            removed.append(line)
        elif furniture.is_label(line) or _BYLINE.match(line):
            if outlets.by_name(line):
                found.outlets.append(outlets.canonical(line))
            removed.append(line)
        else:
            body.append(line)
        seen.add(key)
    return body, removed


_CREDIT_START = re.compile(r"(?i:\b(?:photo|image|picture|credit)s?\s*:)|©|\b[A-Z][\w.'-]+ [A-Z][\w.'-]+/[A-Z]")


def _without_credit(caption: str) -> str:
    """"X greets Y at the airport. Photo: Jane Doe/Agency" -> the caption's own words."""
    return _CREDIT_START.split(caption, maxsplit=1)[0].strip(" .-–—")


def _copyright_holder(lines: list[str]) -> str | None:
    """The site's name from its copyright line, not from a photo's credit."""
    for line in lines:
        match = _COPYRIGHT.search(line)
        if match and not furniture.is_credit(line.replace("©", "", 1)) and "/" not in line:
            return outlets.canonical(match.group("name").strip(" .-"))
    return None


def _language(body: str) -> str | None:
    if len(body) < 20:
        return None
    language, _ = py3langid.classify(body[:2000])  # the opening tells the language; the rest only costs time
    return language


def _given_date(published: str | None) -> str | None:
    if not published:
        return None
    match = _ISO_GIVEN.match(published.strip())
    return real_part(match.group(0)) if match else parse_calendar_date(published)


def clean(item: SourceItem) -> Article:
    page: Page = page_extractors.get(item.format)(item.content)
    lines = [_norm(line) for line in page.lines if line.strip()]
    found = _Findings()
    header: list[str] = []
    title = item.title or page.title
    if page.has_header:
        index = _find_title(lines, item.title)
        # A text that is a single paragraph has no headline to take away.
        if index is not None and len(lines) > index + 1:
            header, title, lines = lines[:index], title or lines[index], lines[index + 1:]
        _read_header(header, found)
        found.outlets.extend(line for line in header if _could_be_title(line) and _looks_like_site_name(line))
    if page.has_header:
        body_lines, removed = _split_body(lines, title, found)
    else:
        body_lines, removed = _split_extracted(lines, title)
    # The dateline opens the first paragraph, which may follow a standfirst or two.
    dateline = next((d for d in map(parse_dateline, body_lines[:3]) if d), None)
    outlet = (outlets.by_url(item.url)
              or (outlets.canonical(dateline.agency) if dateline and dateline.agency else None)
              or (found.outlets[0] if found.outlets else None)
              or page.outlet or _copyright_holder([*header, *page.removed, *removed]) or outlets.host_of(item.url))
    published = (_given_date(item.published) or page.published or (found.dates[0] if found.dates else None)
                 or (dateline.date if dateline else None))
    body = "\n".join(body_lines)
    return Article(
        doc_id=item.doc_id, origin=item.origin, content_hash=item.content_hash, raw=item.content,
        body=body, removed=[*header, *page.removed, *removed], url=item.url, title=title, outlet=outlet,
        captions=list(dict.fromkeys(c for c in map(_without_credit, [*page.captions, *found.captions]) if c)),
        published=published, dateline=dateline.place if dateline else None, language=_language(body),
    )
