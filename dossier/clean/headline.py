"""Finding a page's headline among the lines above its article."""
from __future__ import annotations

import re

from . import furniture
from .captions import caption_lines
from .dateline import parse_dateline

_TITLE_MAX_WORDS = 30
_BODY_MIN_WORDS = 20  # a line this long that ends like a sentence is a paragraph, not a headline
_SENTENCE_MIN_WORDS = 10  # a line longer than this that ends with a full stop is a sentence
_HEADER_SCAN = 12  # lines searched for the headline
_MINOR_WORDS = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at"}
WELCOME = re.compile(r"^\W*welcome to (?:the )?(?P<name>[\w .&'’-]{2,60}?)\W*$", re.I)


def could_be_title(line: str) -> bool:
    n = len(furniture.words(line))
    if n < 3 or n > _TITLE_MAX_WORDS:
        return False
    if furniture.is_chrome(line) or furniture.is_credit(line) or furniture.is_caption(line) \
            or furniture.is_teaser(line) or furniture.is_byline(line):
        return False
    if furniture.is_date_line(line) or WELCOME.match(line) or parse_dateline(line):
        return False
    # A headline does not end with a full stop after a long sentence.
    return not (line.endswith(".") and n > _SENTENCE_MIN_WORDS)


def _opens_body(line: str) -> bool:
    """A line only an article's own text has: a dateline, or a long sentence."""
    return parse_dateline(line) is not None or (
        len(furniture.words(line)) >= _BODY_MIN_WORDS and furniture.ends_like_sentence(line))


def looks_like_site_name(line: str) -> bool:
    """A short name in title case ("The Detention Desk") printed above a page's headline."""
    names = furniture.words(line)
    return len(names) <= 4 and all(w[0].isupper() or w in _MINOR_WORDS for w in names)


def find_title(lines: list[str], given: str | None) -> int | None:
    """The index of the headline among a page's lines, None where the page prints none."""
    if given:
        key = furniture.norm(given).casefold()
        for i, line in enumerate(lines[:_HEADER_SCAN * 2]):
            if furniture.norm(line).casefold() == key:
                return i
        return None
    # The headline comes before the article's first paragraph: a line below a dateline or a long sentence
    # is the article's own text ("Novak was imprisoned on ... charges."), whatever its length.
    opening = next((i for i, line in enumerate(lines[:_HEADER_SCAN]) if _opens_body(line)), _HEADER_SCAN)
    captions = caption_lines(lines[:opening + 2])
    candidates = [i for i, line in enumerate(lines[:opening]) if i not in captions and could_be_title(line)]
    if len(candidates) > 1 and candidates[1] - candidates[0] <= 2 and looks_like_site_name(lines[candidates[0]]):
        return candidates[1]
    return candidates[0] if candidates else None
