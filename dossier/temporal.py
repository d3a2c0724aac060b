"""Dates at the precision the text supports.

A partial date is an ISO 8601 string cut to its precision ("2008", "2014-07",
"2017-04-21"), with X for digits the text does not give ("XXXX-04-06" for a
date line "April 6" with no year). dateparser does the parsing; deciding the
precision and refusing to invent a year is done here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
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
_CYRILLIC = re.compile(r"[а-яё]", re.I)
# Russian month names in any case and their abbreviations ("14 дек"), with the English name of each.
_RU_MONTH = re.compile(r"\b(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
                       r"янв|фев|мар|апр|авг|сент?|окт|ноя|дек)[а-я]*\b\.?", re.I)
_RU_MONTHS = {stem: n for n, stems in enumerate((
    ("январ", "янв"), ("феврал", "фев"), ("март", "мар"), ("апрел", "апр"), ("май", "мая", "мае"), ("июн",),
    ("июл",), ("август", "авг"), ("сентябр", "сен", "сент"), ("октябр", "окт"), ("ноябр", "ноя"),
    ("декабр", "дек")), 1) for stem in stems}
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?", re.I)


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
    })


def has_time(text: str) -> bool:
    return bool(_TIME.search(text))


# The line of a newspaper's print issue: "Газета «Коммерсантъ» №235 от 20.12.2024, стр. 5" appeared that day.
_ISSUE = re.compile(r"№\s*\d+\s+от\s+(?P<date>[^,]+?)(?:,\s*стр\.?\s*\d+)?\s*$", re.I)


def has_label(text: str) -> bool:
    return bool(_LABEL.match(text) or _ISSUE.search(text))


def looks_like_date(text: str) -> bool:
    """Whether a short text names a calendar date (not only a year or a time)."""
    return bool(_HAS_MONTH_NAME.search(text) or _NUMERIC_DATE.search(text) or _RU_MONTH.search(text))


def parse_calendar_date(text: str) -> str | None:
    """A date written out in full or in part ("2.8.2024 - 11:37", "April 6", "August 2016"); an aside in
    brackets ("(обновлено: 15:02)") is no part of it."""
    issue = _ISSUE.search(text)
    text = re.sub(r"\([^)]*\)", " ", issue.group("date") if issue else text)
    core = _LABEL.sub("", _russian_words(text) if _CYRILLIC.search(text) else text)
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


# ---------------------------------------------------------------- anchored on a publication date

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1, "half": 0.5})
_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D"}


@dataclass(frozen=True)
class Anchor:
    """The publication date that relative expressions are read against; any part may be unknown."""

    year: int | None
    month: int | None
    day: int | None

    @classmethod
    def of(cls, published: str | None) -> "Anchor":
        match = re.match(r"^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?", published or "")
        if not match:
            return cls(None, None, None)
        year, month, day = match.groups()
        year, month, day = None if year == "XXXX" else int(year), int(month) if month else None, int(day) if day else None
        if year is not None and not 1 <= year <= 9999:
            year = None
        # "2020-13-01", "2023-02-30": only the parts that are real are read
        if month is not None and not 1 <= month <= 12:
            return cls(year, None, None)
        if day is not None and not _is_day(year or 2000, month, day):
            return cls(year, month, None)
        return cls(year, month, day)

    @property
    def known_day(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def real_part(iso: str) -> str | None:
    """The part of an ISO date that is a real date: "2023-02-30" -> "2023-02", "2020-13-01" -> "2020";
    None for a year outside 1-9999."""
    anchor = Anchor.of(iso)
    return _fmt(anchor.year, anchor.month, anchor.day) if anchor.year else None


def _fmt(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """A partial ISO date; None for a year outside 1-9999, which no article's event is in."""
    if year is not None and not 1 <= year <= 9999:
        return None
    text = f"{year:04d}" if year else "XXXX"
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text


def _month_number(word: str) -> int | None:
    word = word.casefold().rstrip(".")
    for i, name in enumerate(MONTHS, 1):
        if name.startswith(word) and len(word) >= 3:
            return i
    return None


def resolve_date(expression: str, anchor: Anchor) -> str | None:
    """A date expression of the text as a partial ISO date, read against the publication date.

    "in August 2016" -> 2016-08; "last December" in January 2023 -> 2022-12; "on Thursday"
    in an article of Friday 2 August 2024 -> 2024-08-01. What the anchor cannot settle is
    written with X digits ("last December" in an article of unknown year -> XXXX-12), and
    what cannot be placed at all gives None.
    """
    if _CYRILLIC.search(expression):
        return _resolve_russian(expression, anchor)
    text = " ".join(expression.casefold().replace(",", " ").replace("mid-", "mid ").split())
    # Words that place a day or a part of a period without changing which one: "in early 2020",
    # "late on Thursday", "the summer of 2019", "earlier this month", "the end of May".
    text = re.sub(r"^(?:(?:on|in|at|since|from|by|of|during|early|earlier|late|later|mid|the|end|beginning|start|"
                  r"middle|spring|summer|autumn|fall|winter)\s+)+", "", text)
    if text in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return _fmt(anchor.year, anchor.month, anchor.day) if anchor.month else None
    text = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", text)
    if text == "yesterday":
        return _shift(anchor, days=-1)
    if text in _WEEKDAYS or (text.startswith("last ") and text[5:] in _WEEKDAYS):
        return _weekday(text.split()[-1], anchor)
    match = re.fullmatch(r"(last|this|next) (year|month|week)", text)
    if match:
        step = {"last": -1, "this": 0, "next": 1}[match.group(1)]
        if match.group(2) == "year":
            return _fmt(anchor.year + step) if anchor.year else None
        if match.group(2) == "month" and anchor.month:
            month, year = anchor.month + step, anchor.year
            if month < 1:
                month, year = 12, year - 1 if year else None
            elif month > 12:
                month, year = 1, year + 1 if year else None
            return _fmt(year, month)
        return None
    match = re.fullmatch(r"(last|this|next) ([a-z]+)", text)
    if match and (month := _month_number(match.group(2))):
        return _relative_month(match.group(1), month, anchor)
    match = re.fullmatch(r"(\d+|[a-z]+) (year|month|week|day)s? ago", text)
    if match:
        count = _count(match.group(1))
        if count is None:
            return None
        if match.group(2) == "year":
            return _fmt(anchor.year - int(count)) if anchor.year else None
        days = {"month": 30, "week": 7, "day": 1}[match.group(2)] * count
        shifted = _shift(anchor, days=-int(days))
        return shifted[:7] if match.group(2) == "month" and shifted else shifted
    absolute = parse_calendar_date(text)
    if absolute and absolute.startswith("XXXX") and anchor.year:
        # "April 21" in an article of 2017: the latest such day not after publication.
        month, day = int(absolute[5:7]), int(absolute[8:10]) if len(absolute) == 10 else None
        year = anchor.year if (month, day or 1) <= (anchor.month or 12, anchor.day or 31) else anchor.year - 1
        return _fmt(year, month, day)
    return absolute


_MAX_COUNT_DIGITS = 6  # "1000000 days ago" is the most a text can mean; longer numbers are noise


def _count(word: str) -> float | None:
    if word.isdigit():
        return int(word) if len(word) <= _MAX_COUNT_DIGITS else None
    return _NUMBER_WORDS.get(word)


def _shift(anchor: Anchor, days: int) -> str | None:
    if anchor.known_day:
        try:
            moved = anchor.known_day + timedelta(days=days)
        except OverflowError:  # before year 1 or after 9999
            return None
        return _fmt(moved.year, moved.month, moved.day)
    return None


def _weekday(name: str, anchor: Anchor) -> str | None:
    """The most recent such weekday on or before publication (news tells the past)."""
    if not anchor.known_day:
        return None
    back = (anchor.known_day.weekday() - _WEEKDAYS.index(name)) % 7
    return _shift(anchor, -back)


def _relative_month(which: str, month: int, anchor: Anchor) -> str | None:
    if not anchor.month:
        return _fmt(None, month) if which == "last" else None
    if which == "last":
        year = anchor.year if month < anchor.month else (anchor.year - 1 if anchor.year else None)
    elif which == "next":
        year = anchor.year if month > anchor.month else (anchor.year + 1 if anchor.year else None)
    else:
        year = anchor.year
    return _fmt(year, month)


# ---------------------------------------------------------------- durations and money

# Digit runs longer than any term or sum: dropped before the patterns are tried, which would otherwise
# backtrack through them at a cost that grows with the square of their length.
_LONG_NUMBER = re.compile(r"\d{16,}")


def parse_duration(text: str) -> str | None:
    """"27 years" -> P27Y, "nine years" -> P9Y, "18 months" -> P18M, "two and a half years" -> P2.5Y."""
    text = " ".join(_LONG_NUMBER.sub(" ", text).casefold().replace("-", " ").split())
    match = re.search(r"(\d+(?:\.\d+)?|[a-z]+)(?: and a half)? (year|month|week|day)s?\b"
                      r"(?:,? and (\d+|[a-z]+) months?\b)?", text)  # "eight years and eight months"
    if not match:
        return None
    months = _count(match.group(3)) if match.group(3) and match.group(2) == "year" else None
    count = _count(match.group(1)) if not match.group(1).replace(".", "").isdigit() else float(match.group(1))
    if count is None or not 0 < count < 10_000:  # no term is zero or longer than a lifetime many times over
        return None
    if "and a half" in match.group(0):
        count += 0.5
    value = int(count) if float(count).is_integer() else round(count, 2)
    if value and isinstance(value, int) and months and float(months).is_integer() and 0 < months < 12:
        return f"P{value}Y{int(months)}M"
    return f"P{value}{_UNITS[match.group(2)]}" if value else None


_CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
               "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
               "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "yuan": "CNY", "yen": "JPY",
               "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB"}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
           "bln": 1e9, "bn": 1e9, "b": 1e9}
_MONEY = re.compile(
    r"(?P<pre>us\$|\$|€|£|¥|₽|usd|eur|gbp|rub)?\s?(?P<amount>\d[\d,]*(?:\.\d+)?)\s?"
    r"(?P<scale>thousand|million|mln|mn|billion|bln|bn|k|m|b)?\b\.?\s?"
    r"(?P<post>dollars?|euros?|pounds?|roubles?|rubles?|yuan|yen|usd|eur|gbp|rub)?", re.I)


@lru_cache(maxsize=1)
def _currency_names() -> dict[str, str]:
    """Every current currency by its English names, one and many: "belarusian rubles" -> BYN."""
    from babel import Locale
    from babel.numbers import get_currency_name

    names = {}
    for code, name in Locale("en").currencies.items():
        if "(" not in name:  # "Belarusian Ruble (2000–2016)": a currency no longer in use
            for count in (1, 2):
                names[get_currency_name(code, count=count, locale="en").casefold()] = code
    return names


def _named_currency(after: str) -> str | None:
    """The currency a text names right after an amount: "175,000 Belarusian rubles", "a 5,000 Iranian rial"."""
    words = re.findall(r"[^\W\d]+", after.casefold())[:3]
    for size in (3, 2):
        code = _currency_names().get(" ".join(words[:size]))
        if code:
            return code
    return None


_SPELLED_AMOUNT = re.compile(r"\b([a-z]+) (thousand|million|billion)\b", re.I)


def parse_money(text: str) -> str | None:
    """"$170 mln" -> "170000000 USD", "one million dollars" -> "1000000 USD", "175,000 Belarusian rubles" ->
    "175000 BYN"; None without a currency."""
    text = _SPELLED_AMOUNT.sub(lambda m: f"{n:g} {m.group(2)}" if isinstance(n := _NUMBER_WORDS.get(
        m.group(1).casefold()), int) and n > 0 else m.group(0), _LONG_NUMBER.sub(" ", text))
    for match in _MONEY.finditer(text):
        code = _CURRENCIES[currency.lower()] if (currency := match.group("pre") or match.group("post")) else \
            _named_currency(text[match.end():])
        if not code:
            continue
        amount = float(match.group("amount").replace(",", "")) * _SCALES.get((match.group("scale") or "").lower(), 1)
        if not 0 < amount < 1e15:  # no fine is nothing, nor more than the world's money
            continue
        return f"{amount:.0f} {code}"
    return None


def year_floor(published: str | None, body: str) -> int | None:
    """For a page dated without its year: the earliest year it can have been written in.

    An article speaks of its past: it is no older than the latest year it names, and a
    year younger still when it names a later day of that year than its own date
    ("April 6" telling of a verdict "on April 21, 2017" was written in 2018 or after).
    """
    anchor = Anchor.of(published)
    if anchor.year or not anchor.month:
        return None
    years = [int(y) for y in _YEAR.findall(body)]
    if not years:
        return None
    latest = max(years)
    for match in re.finditer(rf"({_MONTH_NAME})\s+(\d{{1,2}}),?\s+{latest}\b", body, re.I):
        month = _month_number(match.group(1))
        if month and (month, int(match.group(2))) > (anchor.month, anchor.day or 31):
            return latest + 1
    return latest


_LEAD_WEEKDAY = re.compile(r"\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def infer_anchor(published: str | None, body: str) -> Anchor:
    """The publication date, with its year inferred when the page gives only day and month.

    A wire story datelined "February 1" that says something happened "on Thursday"
    and speaks of 2017 as past was written in the first year from 2017 on in which
    1 February is a Thursday. Without both clues the year stays unknown.
    """
    anchor = Anchor.of(published)
    if anchor.year or not (anchor.month and anchor.day):
        return anchor
    lead = body.split("\n")[:3]
    weekdays = {m.group(1).casefold() for line in lead for m in _LEAD_WEEKDAY.finditer(line)}
    years = [int(y) for y in _YEAR.findall(body)]
    if len(weekdays) != 1 or not years:
        return anchor
    wanted = _WEEKDAYS.index(weekdays.pop())
    for year in range(max(years), max(years) + 8):
        try:
            if date(year, anchor.month, anchor.day).weekday() == wanted:
                return Anchor(year, anchor.month, anchor.day)
        except ValueError:
            return anchor
    return anchor


# ---------------------------------------------------------------- dates written in Russian

_RU_WEEKDAYS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен")
_RU_LAST = r"(?:прошл|минувш|предыдущ)\w*"
_RU_THIS = r"(?:это|текущ|нынешн|сего)\w*"
_RU_NEXT = r"(?:следующ|будущ)\w*"
_RU_UNITS = {"год": "year", "лет": "year", "месяц": "month", "недел": "week", "ден": "day", "дн": "day"}
_RU_NUMBERS = {"один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
               "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "пол": 0.5, "полтора": 1.5, "полгода": 0.5}


def _ru_month(word: str) -> int | None:
    word = word.casefold().rstrip(".")
    for stem, number in _RU_MONTHS.items():
        if word.startswith(stem) and (len(stem) >= 4 or len(word) <= 4 or stem == "мая"):
            return number
    return None


def _russian_words(text: str) -> str:
    """A Russian calendar date in English words: "14 декабря 2014 года" -> "14 December 2014"."""
    text = _RU_MONTH.sub(lambda m: MONTHS[_ru_month(m.group(0)) - 1] if _ru_month(m.group(0)) else m.group(0), text)
    return re.sub(r"\b(?:года?|году|г\.?)(?=\s|$|[,.])", " ", text, flags=re.I)


def _resolve_russian(expression: str, anchor: Anchor) -> str | None:
    """"в декабре прошлого года" in a 2023 article -> 2022-12; "в минувшую пятницу", "вчера", "три года
    назад", "в прошлом году", "14 декабря" -> that day of the latest December 14 up to publication."""
    text = " ".join(expression.casefold().replace("ё", "е").replace(",", " ").split())
    # Words that place a day within a period without changing which: "в начале декабря", "весной 2019 года".
    text = re.sub(r"^(?:(?:в|во|с|со|на|к|до|по|от|начале|конце|середине|начала|конца|середины|"
                  r"весной|летом|осенью|зимой|утром|днем|вечером|ночью)\s+)+", "", text)
    if text in ("сегодня", "сегодня утром", "сегодня вечером"):
        return _fmt(anchor.year, anchor.month, anchor.day) if anchor.month else None
    if text in ("вчера", "накануне"):
        return _shift(anchor, days=-1)
    if text == "позавчера":
        return _shift(anchor, days=-2)
    match = re.fullmatch(rf"(?:(?:{_RU_LAST}|эт[уо]т?)\s+)?(\w+)", text)
    if match and any(match.group(1).startswith(day) for day in _RU_WEEKDAYS):
        number = next(n for n, day in enumerate(_RU_WEEKDAYS) if match.group(1).startswith(day))
        return _weekday(_WEEKDAYS[number], anchor)
    for words, step in ((_RU_LAST, -1), (_RU_THIS, 0), (_RU_NEXT, 1)):
        if re.fullmatch(rf"{words}\s+год\w*", text):
            return _fmt(anchor.year + step) if anchor.year else None
        if re.fullmatch(rf"{words}\s+месяц\w*", text):
            return resolve_date(f"{('last', 'this', 'next')[step + 1]} month", anchor)
        month = re.fullmatch(rf"(\w+)\s+{words}\s+год\w*", text)
        if month and _ru_month(month.group(1)):
            return _fmt(anchor.year + step, _ru_month(month.group(1))) if anchor.year else \
                (_fmt(None, _ru_month(month.group(1))) if step == -1 else None)
    match = re.fullmatch(r"(\d+|[а-я]+)?\s*(год|лет|месяц|недел|дн|ден)\w*\s+назад", text)
    if match:
        count = _RU_NUMBERS.get(match.group(1) or "один") if not (match.group(1) or "").isdigit() \
            else int(match.group(1))
        if count is None:
            return None
        unit = next(v for k, v in _RU_UNITS.items() if match.group(2).startswith(k))
        return resolve_date(f"{count:g} {unit}s ago", anchor) if float(count).is_integer() else None
    return resolve_date(_russian_words(text), anchor) if not _CYRILLIC.search(_russian_words(text)) else None
