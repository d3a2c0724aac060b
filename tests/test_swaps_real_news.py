"""Prisoner swaps told the ways news reports tell them, in sentences written for these tests: rosters broken
by the parser, swaps recalled in passing, sides by nationality and by numbered groups.

Each test gives the swaps expected, and the near misses that must give none.
"""
from __future__ import annotations

from conftest import case


def _swaps(found: list[dict]) -> dict[str, tuple]:
    return {f["subject"]: (f["args"].get("date"), f["args"].get("place"), sorted(f["args"].get("counterpart", [])))
            for f in found if f["type"] == "exchange"}


def test_a_roster_with_a_relative_clause_keeps_the_names_after_it(facts):
    found = facts("Canadians freed from prison in swap with Oman\n"
                  "Four Canadians held for years in Oman are on their way home after a swap brokered by Qatar.\n"
                  "The Canadians include engineer Marc Tremblay, 48, who spent six years in the central prison "
                  "of Muscat, as well as teacher Julie Gagnon, 52, and pilot Luc Bouchard, 61.\n"
                  "Three Omanis imprisoned in Canada for fraud were granted clemency as part of the deal. "
                  "They were named by Oman as Said Al Harthy and Khalid Al Balushi.", published="2024-05-10")
    canadians, omanis = ["Julie Gagnon", "Luc Bouchard", "Marc Tremblay"], ["Khalid Al Balushi", "Said Al Harthy"]
    assert _swaps(found) == {**{p: (None, None, omanis) for p in canadians},
                             **{p: (None, None, canadians) for p in omanis}}


def test_a_swap_recalled_in_a_when_clause_happened(facts):
    found = facts("Washington has long pressed for the release of Tom Hale. Officials tried for months to bring "
                  "him home, as they did in 2021 when the pilot Mark Dorsey was released in exchange for the "
                  "smuggler Arkady Belov.", published="2024-05-10")
    assert _swaps(found) == {"Mark Dorsey": ("2021", None, ["Arkady Belov"]),
                             "Arkady Belov": ("2021", None, ["Mark Dorsey"])}


def test_an_earlier_swap_recalled_keeps_its_own_date_not_the_one_reported(facts):
    found = facts("Russia and the United States completed a prisoner exchange in Ankara on Thursday.\n"
                  "Among those freed by Moscow was the journalist Kevin Doyle.\n"
                  "In return, the West released Viktor Ross, who was convicted of murder in 2019.\n"
                  "Washington had tried before, as in 2021 when the pilot Mark Dorsey was released in exchange for "
                  "the smuggler Arkady Belov.", published="2024-05-10")
    assert _swaps(found) == {"Kevin Doyle": ("2024-05-09", "Ankara", ["Viktor Ross"]),
                             "Viktor Ross": ("2024-05-09", "Ankara", ["Kevin Doyle"]),
                             "Mark Dorsey": ("2021", None, ["Arkady Belov"]),
                             "Arkady Belov": ("2021", None, ["Mark Dorsey"])}


def test_a_swap_hoped_for_in_a_when_clause_did_not_happen(facts):
    found = facts("Officials hope to bring Tom Hale home when he is released in exchange for Arkady Belov.",
                  published="2024-05-10")
    assert _swaps(found) == {}
    assert [f for f in case(found) if f[0] == "release"] == []
