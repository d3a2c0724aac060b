"""From stored rows to the records assembly works on: each fact with its article as a Source, and the
nationality the articles attach to each person."""
from __future__ import annotations

import re
from collections import Counter

from .. import places
from ..temporal import year_floor
from .records import CaseFact, Source
from .stories import shingles, stories


def case_facts(fact_rows: list[dict], documents: list[dict]) -> list[CaseFact]:
    """Every fact with its subject's canonical name and its article as a Source (``documents``: id, outlet,
    published, body). Articles that re-publish one story are found among the articles about the same
    person, so a person's sources do not depend on what the rest of the corpus holds."""
    docs = {d["id"]: d for d in documents}
    floors = {doc_id: year_floor(d["published"], d["body"]) for doc_id, d in docs.items()}
    docs_of: dict[str, set[str]] = {}
    for row in fact_rows:
        if row["subject"]:
            docs_of.setdefault(row["subject"], set()).add(row["doc"])
    shingled = {doc_id: shingles(docs[doc_id]["body"]) for ids in docs_of.values() for doc_id in ids}
    story = {person: stories({doc_id: shingled[doc_id] for doc_id in ids}) for person, ids in docs_of.items()}
    facts = []
    for row in fact_rows:
        if not row["subject"]:
            continue
        doc = docs[row["doc"]]
        source = Source(doc_id=row["doc"], outlet=doc["outlet"], published=doc["published"],
                        evidence=row["evidence"], story=story[row["subject"]][row["doc"]],
                        claimed_by=row["claimed_by"], year_floor=floors[row["doc"]])
        facts.append(CaseFact(type=row["type"], subject=row["subject"], args=row["args"], source=source))
    return facts


_BEFORE = re.compile(r"((?:[\w.’-]+\s+){1,3})$")  # "Russian businessman ", "US marine "
_AFTER = re.compile(r"^,\s+(?:an?|the)\s+(?:former\s+|\w+-born\s+)?([A-Z][\w.]+)")  # ", a Russian businessman"


def nationalities(person_mentions: list[dict], bodies: dict[str, str]) -> dict[str, str]:
    """The country the articles most often attach to each person: "Russian businessman X", "X, a US marine".
    ``person_mentions``: the canonical name, document and offsets of each mention of a person."""
    votes: dict[str, Counter] = {}
    for row in person_mentions:
        body = bodies[row["doc_id"]]
        words = []
        before = _BEFORE.search(body[max(0, row["start"] - 40):row["start"]].split("\n")[-1])
        if before:
            words += before.group(1).split()
        after = _AFTER.match(body[row["end"]:row["end"] + 60])
        if after:
            words.append(after.group(1))
        for word in words:
            country = places.country_of_demonym(word) or (places.country_named(word) if word.isupper() else None)
            if country:
                votes.setdefault(row["name"], Counter())[country] += 1
    return {name: counts.most_common(1)[0][0] for name, counts in votes.items()}
