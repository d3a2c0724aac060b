"""Dates at the precision the text supports.

A partial date is an ISO 8601 string cut to its precision ("2008", "2014-07",
"2017-04-21"), with X for digits the text does not give ("XXXX-04-06" for a
date line "April 6" with no year). dateparser does the parsing; deciding the
precision and refusing to invent a year is done here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dateparser.date import DateDataParser

MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|20\d{2})(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})(?!\d)")
_HAS_MONTH_NAME = re.compile(rf"\b{_MONTH_NAME}", re.I)
# "11:37", "10:45:03 GMT", "10.45 am"; a dotted time needs its am/pm, so "2.8.2024" stays a date.
_TIME = re.compile(
    r"(?<![\d.])\d{1,2}(?::\d{2}(?::\d{2})?(?!\d)\s*(?:[ap]\.?m\.?)?|\.\d{2}\s*[ap]\.?m\.?)"
    r"(?:\s*(?:GMT|UTC|[A-Z]{2,4}T)\b)?", re.I)
_LABEL = re.compile(
    r"^\s*(?:last\s+)?(?:published|posted|updated|modified|first published|date|dated|created)"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?", re.I)


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
    })


def has_time(text: str) -> bool:
    return bool(_TIME.search(text))


def has_label(text: str) -> bool:
    return bool(_LABEL.match(text))


def looks_like_date(text: str) -> bool:
    """Whether a short text names a calendar date (not only a year or a time)."""
    return bool(_HAS_MONTH_NAME.search(text) or _NUMERIC_DATE.search(text))


def parse_calendar_date(text: str) -> str | None:
    """A date written out in full or in part ("2.8.2024 - 11:37", "April 6", "August 2016")."""
    core = _LABEL.sub("", text)
    core = _WEEKDAY.sub(" ", core)
    core = _TIME.sub(" ", core)
    core = re.sub(r"\s+[-–—|]\s*$|^\s*[-–—|,]\s*", " ", core).strip(" ,.-–—|")
    if not core or not (looks_like_date(core) or _YEAR.fullmatch(core)):
        return None
    data = _parser().get_date_data(core)
    if data.date_obj is None:
        return None
    when, period = data.date_obj, data.period
    year = f"{when.year:04d}" if _YEAR.search(core) else "XXXX"
    if period == "year":
        return None if year == "XXXX" else year
    if period == "month":
        return f"{year}-{when.month:02d}"
    return f"{year}-{when.month:02d}-{when.day:02d}"


def precision(partial: str | None) -> int:
    """How many of year, month, day a partial date gives (0 for None)."""
    return 0 if not partial else len(partial.split("-"))
