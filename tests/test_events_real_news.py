"""Case events as news prose tells them: charges an arrest is made on, custody as a state, visits to
detainees, terms in words, and who asserts what the article only reports.

Each test gives the facts expected, and the near misses that must give none.
"""
from __future__ import annotations

import pytest

from conftest import case


def _of_type(found: list[dict], kind: str) -> list[tuple]:
    return [row for row in case(found) if row[0] == kind]


# ---------------------------------------------------------------- charges told with another event


@pytest.mark.parametrize("text, offence, country", [
    ("Omar Haddad was arrested in Cyprus in May at the request of the United States on charges of "
     "smuggling rifle parts.", "smuggling rifle parts", "United States"),
    ("Security officers detained Omar Haddad in Minsk on espionage charges last week.", "espionage", "Belarus"),
])
def test_an_arrest_on_charges_is_also_a_charge(facts, text, offence, country):
    [(_, person, args, claimed)] = _of_type(facts(text, published="2024-06-12"), "charge")
    assert (person, args, claimed) == ("Omar Haddad", {"charge": offence, "country": country}, None)


def test_an_arrest_for_a_reason_is_no_charge(facts):
    found = facts("Omar Haddad was arrested at the airport in Minsk for filming a border post.")
    assert _of_type(found, "arrest") and not _of_type(found, "charge")
