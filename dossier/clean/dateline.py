"""Wire-style datelines that open an article's first paragraph.

    MOSCOW, February 1. /TASS/. ...
    KYIV, Ukraine (AP) — ...
    BEIRUT, March 3 (Reuters) - ...
    Ankara, 12 May (AFP) – ...
    LONDON — ...
    Tehran, Iran – ...
    ROME (UrduPoint News / Sputnik - 21st March, 2023) ...
    МОСКВА, 14 декабря. /ТАСС/. ...
    МОСКВА, 14 дек — РИА Новости. ...
    Москва. 11 июня. INTERFAX.RU - ...

The place is written in capitals, or in any case when an agency tag or its country follows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import places
from ..temporal import parse_calendar_date

_UPPER = "A-ZА-ЯЁ"
_PLACE_CAPS = rf"[{_UPPER}][{_UPPER}'.\-]+(?: [{_UPPER}][{_UPPER}'.\-]+){{0,3}}"
_PLACE_ANY = rf"[{_UPPER}][\w'.\-]+(?: [{_UPPER}][\w'.\-]+){{0,3}}"
_REGION = r"(?:\s*/(?P<region>[^/\n]{2,40})/|,\s*(?P<region2>[A-Z][\w.]+(?: [A-Z][\w.]+){0,2})(?=[,(/\s]))?"
# A Russian date is written day first, its month in lower case: "14 декабря", "14 дек".
_DATE = (r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}|"
         r"\d{1,2} [а-я]{3,8}\.?)(?:,? \d{4})?))?")
_AGENCY = (rf"(?:\s*\.?\s*/(?P<agency>[^\W\d_][\w\-. ]{{1,40}})/\.?|\s*\((?P<agency2>[{_UPPER}][^()\n]{{1,60}})\)|"
           # "МОСКВА, 14 дек — РИА Новости.": the agency after a dash, where a date tells it is a dateline
           rf"(?<=\w)\s+[—–-]\s+(?P<agency3>[{_UPPER}][\w]+(?: [{_UPPER}][\w]+){{0,2}})(?=\.))")
_END = r"\s*(?:[.:\-–—]+\s+|(?<=[/.)])\s+)"

_WITH_AGENCY = re.compile(rf"^(?P<place>{_PLACE_ANY}){_REGION}{_DATE}{_AGENCY}{_END}")
_CAPS_ONLY = re.compile(rf"^(?P<place>{_PLACE_CAPS}){_REGION}{_DATE}\s*(?:[.:]\s+|\s[-–—]\s+)")
# "Москва. 11 июня. INTERFAX.RU - ...": place, date and the agency's site, each closed by a full stop.
_SITE = re.compile(rf"^(?P<place>{_PLACE_ANY})\.\s+(?P<date>\d{{1,2}} [а-я]{{3,8}})\.\s+"
                   rf"(?P<agency>[{_UPPER}][\w\-]+)(?:\.[A-Za-z]{{2,3}})?\s+[-–—]\s+")
# "Tehran, Iran – ...": a place in any case, known as such by its country.
_WITH_COUNTRY = re.compile(rf"^(?P<place>{_PLACE_ANY}),\s*(?P<region2>[A-Z][\w.]+(?: [A-Z][\w.]+){{0,2}})\s+[-–—]\s+")
_INITIALISM = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")


@dataclass(frozen=True)
class Dateline:
    place: str
    region: str | None
    date: str | None  # partial ISO date, year often unknown
    agency: str | None


def _title_case(place: str) -> str:
    if place.isupper() and len(place) > 3:
        return " ".join(w.capitalize() if len(w) > 2 else w for w in place.split())
    return place


def parse_dateline(paragraph: str) -> Dateline | None:
    match = _WITH_AGENCY.match(paragraph) or _CAPS_ONLY.match(paragraph) or _SITE.match(paragraph)
    if not match:
        match = _WITH_COUNTRY.match(paragraph)
        if not match or not places.country(match.group("region2")):
            return None
    place = match.group("place").strip(" .")
    # A capitalised sentence opening ("THE US said ...") is not a place: require few words. Nor is an
    # initialism with full stops ("U.S. extradites ..."): a dateline names a city.
    if len(place.split()) > 3 or (match.re is _CAPS_ONLY and (
            len(place.replace(" ", "")) < 3 or _INITIALISM.match(match.group("place")))):
        return None
    groups = match.groupdict()
    if groups.get("agency3") and not groups.get("date"):
        return None
    agency = groups.get("agency") or groups.get("agency2") or groups.get("agency3")
    if agency:  # "(UrduPoint News / Sputnik - 21st March, 2023)": the last carrier named is the source
        agency = re.split(r"\s[-–—]\s", agency)[0].split("/")[-1]
        # "/Корр. ТАСС Иван Лебедев/": a correspondent's line names the agency after the word for one
        agency = re.sub(r"^(?:Корр\.|Корреспондент)\s+(\S+).*", r"\1", agency)
    date = parse_calendar_date(groups["date"]) if groups.get("date") else None
    return Dateline(place=_title_case(place), region=groups.get("region") or groups.get("region2"),
                    date=date, agency=agency.strip() if agency else None)
