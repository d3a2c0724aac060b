"""A site's name from its web address, for sites the outlet gazetteer does not know.

The address's registered name ("bostonherald" in www.bostonherald.com) is the
site's name run together. It is given back as the page prints it where the page
does ("Boston Herald"), else split into the words of news mastheads and places
where it splits wholly into them ("daytondailynews" -> "Dayton Daily News"),
else as it is ("Devdiscourse").
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from urllib.parse import urlsplit

from tld import get_tld

from .. import places
from . import outlets

# Words news sites name themselves with, besides those of the outlets in the gazetteer.
_MASTHEAD_WORDS = (
    "Bulletin Chronicle Courier Daily Dispatch Enquirer Examiner Express Gazette Herald Inquirer Journal Leader "
    "Mail Mirror Monitor News Observer Post Press Record Recorder Register Report Review Sentinel Standard Star "
    "Sun Telegraph Times Today Tribune Week Weekly World").split()
_JOINING_WORDS = {"the", "of", "and"}  # "timesofisrael" -> "Times of Israel"
_MIN_PLACE_LETTERS = 4  # shorter city names ("Ely", "Al") would split any address into syllables
_CAPITALISED_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:of|and|the|[A-Z][\w&'’.-]*))*")
# Where an aggregator files the agencies' copy it re-publishes: /wires/afp/..., /wire/reuters/...
_WIRE_FOLDERS = {"wire", "wires", "agencies", "agency"}


def registered_name(url: str | None) -> str | None:
    """The name a site registered, without "www." and the public suffix: "bbc" for news.bbc.co.uk."""
    if not url:
        return None
    try:
        found = get_tld(url if "//" in url else f"//{url}", as_object=True, fail_silently=True, fix_protocol=True)
    except ValueError:  # "http://[", a host that is no name
        return None
    return found.domain.lower() if found and found.domain else None


def wire_of(url: str | None) -> str | None:
    """The agency whose copy an address files under its wire folder."""
    if not url:
        return None
    try:
        folders = [part for part in urlsplit(url if "//" in url else f"//{url}").path.split("/") if part]
    except ValueError:
        return None
    for folder, inner in zip(folders, folders[1:]):
        outlet = outlets.by_name(inner.upper() if len(inner) <= 3 else inner) if folder.lower() in _WIRE_FOLDERS else None
        if outlet:
            return outlet.name
    return None


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _printed(stem: str, texts: list[str]) -> str | None:
    """The site's name as a page prints it: a run of capitalised words whose letters spell the address."""
    key = _letters(stem)
    for text in texts:
        if key not in _letters(text):
            continue
        for match in _CAPITALISED_RUN.finditer(text):
            words = match.group().split()
            for start in range(len(words)):
                for end in range(start + 1, len(words) + 1):
                    if _letters(" ".join(words[start:end])) == key:
                        return " ".join(words[start:end]).strip(".")
    return None


@lru_cache(maxsize=1)
def _masthead_words() -> dict[str, str]:
    found = {word.casefold(): word for word in _MASTHEAD_WORDS}
    for outlet in outlets.gazetteer():
        for name in (outlet.name, *outlet.aliases):
            for word in re.findall(r"[^\W\d_]{3,}", name):
                if word[0].isupper() and not word.isupper() and word.casefold() not in _JOINING_WORDS:
                    found.setdefault(word.casefold(), word)
    return found


def _place_word(piece: str) -> str | None:
    if places.country_named(piece):  # "us", "uk": an abbreviation is written in capitals
        return piece.upper() if len(piece) <= 3 else piece.capitalize()
    if len(piece) >= _MIN_PLACE_LETTERS and places.country_of_place(piece):
        return piece.capitalize()
    return None


def _split(stem: str) -> list[str] | None:
    """The fewest words of mastheads and places the letters split into, one of them a masthead's word."""
    mastheads = _masthead_words()

    @cache
    def best(start: int) -> tuple[tuple[str, ...], bool] | None:
        if start == len(stem):
            return (), False
        options = []
        for end in range(len(stem), start + 1, -1):
            piece = stem[start:end]
            word, is_masthead = mastheads.get(piece), True
            if word is None:
                word, is_masthead = (piece if piece in _JOINING_WORDS else _place_word(piece)), False
            rest = best(end) if word else None
            if rest is not None:
                options.append(((word, *rest[0]), is_masthead or rest[1]))
        return min(options, key=lambda option: len(option[0])) if options else None

    found = best(0)
    if not (found and found[1] and len(found[0]) > 1):
        return None
    first, *rest = found[0]
    return [first[0].upper() + first[1:], *rest]


def site_name(url: str | None, texts: list[str]) -> str | None:
    """The name of the site at ``url``, read from its address and the page's own ``texts``."""
    stem = registered_name(url)
    if not stem:  # an address under no public suffix ("intranet.local") is its own name
        return outlets.host_of(url)
    printed = _printed(stem, texts)
    if printed:
        return printed
    words = _split(stem.replace("-", ""))
    if words:
        return " ".join(words)
    return stem.upper() if len(stem) <= 3 else stem.capitalize()
