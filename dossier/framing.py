"""Framing: which words for acts, people and in quotations are distinctive of an outlet, a speaker or a
country's voices, measured, with the term uses behind every number.

The statistic is the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
Quinn, "Fightin' Words", 2008): for a group against everything else the dossier says (other groups and the
articles' own voice), the difference of the log-odds of a term, each smoothed by the term's count in the
whole dossier, divided by its standard error. A z-score
above about 2 says the group uses the word more than the others do, beyond what chance and rarity explain.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from . import places

GROUPINGS = ("outlet", "speaker", "country")


@dataclass
class Use:
    """One use of a term: where it is, in which fact, said by or reported by whom."""

    doc_id: str
    start: int  # the term's offsets in the article's body
    end: int
    sentence_start: int  # the evidence sentence's
    sentence_end: int
    fact_type: str
    subject: str | None
    outlet: str | None
    published: str | None


@dataclass
class Distinctive:
    group: str
    term: str
    z: float  # the weighted log-odds ratio over its standard error
    log_odds: float
    count: int  # uses by the group
    elsewhere: int  # uses by every other group
    uses: list[Use] = field(default_factory=list)


def _speaker(row: dict) -> str | None:
    """Who speaks in a fact: a statement's speaker, or who the article says asserts an event."""
    return row["subject"] if row["type"] == "statement" else row["claimed_by"]


@lru_cache(maxsize=65536)
def _country_named(speaker: str) -> str | None:
    """The country a speaker's own name names: "the Russian Foreign Ministry" is one of Russia's voices."""
    named = [c for word in speaker.replace("'s", "").split() if (c := places.country(word))]
    return named[0] if named else None


def group_of(row: dict, by: str, nationality: dict[str, str]) -> str | None:
    if by == "outlet":
        return row["outlet"]
    speaker = _speaker(row)
    if by == "speaker" or speaker is None:
        return speaker
    # a country's voices: "the Russian Foreign Ministry", or a person of that nationality
    return _country_named(speaker) or nationality.get(speaker)


def _use(row: dict) -> Use:
    return Use(row["doc_id"], row["start_char"], row["end_char"], row["sentence_start"], row["sentence_end"],
               row["type"], row["subject"], row["outlet"], row["published"])


def distinctive(rows: list[dict], by: str, nationality: dict[str, str] | None = None, top: int = 10,
                person: str | None = None, fact_type: str | None = None,
                min_count: int = 3) -> dict[str, list[Distinctive]]:
    """Each group's most distinctive terms, best first: those a group uses at least ``min_count`` times (a
    word used once or twice tells nothing of a habit) with a positive z-score, at most ``top``."""
    if by not in GROUPINGS:
        raise ValueError(f"--by must be one of {', '.join(GROUPINGS)}")
    nationality = nationality or {}
    counts: dict[str, Counter] = defaultdict(Counter)
    prior: Counter = Counter()
    rows_of: dict[tuple[str, str], list[dict]] = defaultdict(list)  # made uses only for the terms kept
    for row in rows:
        if fact_type and row["type"] != fact_type:
            continue
        if person and person not in (row["subject"], row["claimed_by"]):
            continue
        group = group_of(row, by, nationality)
        prior[row["term"]] += 1  # everything the dossier says, its own voice included, is the background
        if not group:
            continue
        counts[group][row["term"]] += 1
        rows_of[group, row["term"]].append(row)
    prior_total = sum(prior.values())
    found = {}
    for group, mine in counts.items():
        own_total = sum(mine.values())
        rest_total = prior_total - own_total
        scored = []
        for term, count in mine.items():
            if count < min_count:
                continue
            alpha, elsewhere = prior[term], prior[term] - count
            other_words, others_other_words = own_total + prior_total - count - alpha, \
                rest_total + prior_total - elsewhere - alpha
            if other_words <= 0 or others_other_words <= 0:
                continue  # a dossier of this one word: there is nothing to weigh it against
            log_odds = (math.log((count + alpha) / other_words)
                        - math.log((elsewhere + alpha) / others_other_words))
            z = log_odds / math.sqrt(1 / (count + alpha) + 1 / (elsewhere + alpha))
            if z > 0:
                scored.append(Distinctive(group, term, round(z, 3), round(log_odds, 4), count, elsewhere))
        scored.sort(key=lambda d: (-d.z, d.term))
        if scored:
            found[group] = scored[:top]
            for term in found[group]:
                term.uses = [_use(row) for row in rows_of[group, term.term]]
    return dict(sorted(found.items()))


def over_time(terms: list[Distinctive]) -> dict[str | None, int]:
    """How often a group used its distinctive terms, by year of publication (None: undated)."""
    years: Counter = Counter()
    for item in terms:
        for use in item.uses:
            year = use.published[:4] if use.published and use.published[:4].isdigit() else None
            years[year] += 1
    return dict(years)
