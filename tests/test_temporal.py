"""Dates at their precision, relative dates read against the publication date, terms and fines."""
from __future__ import annotations

import pytest

from dossier.temporal import Anchor, parse_calendar_date, parse_duration, parse_money, resolve_date


@pytest.mark.parametrize("expression, published, expected", [
    ("in August 2016", "2023-01-15", "2016-08"),
    ("in 2008", "2023-01-15", "2008"),
    ("On April 21, 2017", None, "2017-04-21"),
    ("last December", "2023-01-15", "2022-12"),
    ("last December", "2023-12-20", "2022-12"),
    ("on Thursday", "2024-08-02", "2024-08-01"),  # a Friday's article
    ("on Friday", "2024-08-02", "2024-08-02"),
    ("Thursday evening", "2024-08-02", "2024-08-01"),
    ("last year", "2022-05-01", "2021"),
    ("last month", "2024-01-10", "2023-12"),
    ("yesterday", "2024-03-01", "2024-02-29"),
    ("two years ago", "2024-03-01", "2022"),
    ("on April 4", "2023-04-06", "2023-04-04"),
    ("on December 30", "2024-01-03", "2023-12-30"),  # the latest such day before publication
    ("in early 2020", "2024-08-02", "2020"),
    ("the summer of 2019", "2024-08-02", "2019"),
    ("mid-2021", "2024-08-02", "2021"),
    ("earlier this month", "2024-08-02", "2024-08"),
    ("late on Thursday", "2024-08-02", "2024-08-01"),
    ("late last year", "2024-08-02", "2023"),
    ("the beginning of May", "2024-08-02", "2024-05"),
])
def test_relative_and_absolute_dates_resolve_against_publication(expression, published, expected):
    assert resolve_date(expression, Anchor.of(published)) == expected


@pytest.mark.parametrize("expression, published, expected", [
    ("last December", "XXXX-02-01", "XXXX-12"),  # the month is known, the year is not
    ("on April 4", "XXXX-04-06", "XXXX-04-04"),
    ("on Thursday", "XXXX-02-01", None),  # no weekday without a year
    ("last year", None, None),
    ("on Thursday", None, None),
    ("last year", "XXXX-04-06", None),
    ("this week", "2024-08-02", None),  # no precision between a month and a day
    ("days later", "2024-08-02", None),
])
def test_without_a_known_anchor_nothing_is_guessed(expression, published, expected):
    assert resolve_date(expression, Anchor.of(published)) == expected


@pytest.mark.parametrize("line, expected", [
    ("2.8.2024 - 11:37", "2024-08-02"), ("April 6", "XXXX-04-06"), ("Published: 12 March 2021, 10:45 GMT",
                                                                    "2021-03-12"),
    ("Monday, January 20, 2025", "2025-01-20"), ("August 2016", "2016-08"), ("Updated at:", None),
])
def test_page_date_lines(line, expected):
    assert parse_calendar_date(line) == expected


@pytest.mark.parametrize("text, expected", [
    ("27 years of imprisonment", "P27Y"), ("nine years in prison", "P9Y"), ("18 months", "P18M"),
    ("a 16-year sentence", "P16Y"), ("two and a half years", "P2.5Y"), ("life", None),
])
def test_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("a penalty of $170 mln", "170000000 USD"), ("a fine of 500,000 euros", "500000 EUR"),
    ("£2.5 million", "2500000 GBP"), ("27 years", None),
])
def test_money(text, expected):
    assert parse_money(text) == expected
