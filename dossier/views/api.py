"""The typed records that the JSON API and the command line's ``--format json`` give, alike.

Made from the listing rows (dossier/store/listings.py). A case event carries its type, its date and each
argument as a field of its own (a term as an ISO 8601 duration, a fine as amount and currency, the place,
the court, the counterparts...), beside the sentence a person reads; its conflicts; and its sources, each
with the evidence sentence and where it is in its article.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, urlencode

from ..extract.schema import FACT_TYPES


@lru_cache(maxsize=65536)
def _part(text: str) -> str:
    return quote(text, safe="")


def person_url(name: str) -> str:
    return f"/person/{_part(name)}"


def article_url(doc_id: str, query: str | None = None) -> str:
    return f"/article/{_part(doc_id)}" + (f"?{urlencode({'q': query})}" if query else "")


def evidence_url(doc_id: str, start: int | None, end: int | None, sentence: str | None = None) -> str:
    """The article page with the evidence marked: by offsets when known, else by the sentence's text."""
    if start is not None and end is not None:
        return f"/article/{_part(doc_id)}?start={int(start)}&end={int(end)}#evidence"
    return f"/article/{_part(doc_id)}?{urlencode({'sentence': sentence or ''})}#evidence"


def source_record(row: dict) -> dict:
    start, end = row["start_char"], row["end_char"]
    return {"doc": row["doc_id"], "outlet": row["outlet"] or row["doc_id"], "published": row["published"],
            "evidence": row["evidence"], "claimed_by": row["claimed_by"], "start": start, "end": end,
            "url": evidence_url(row["doc_id"], start, end, row["evidence"])}


SOURCES_SHOWN = 10  # sources of an event, a statement or an exchange given with it; "reports" counts them all


def event_record(row: dict) -> dict:
    """Every argument of the event's type is given, null where no source tells it."""
    told = FACT_TYPES[row["type"]].arguments if row["type"] in FACT_TYPES else {}
    arguments = {**{arg: None for arg in told if arg != "date"}, **row["arguments"]}
    return {"type": row["type"], "date": row["date"], "when": row["reported"], "headline": row["headline"],
            "arguments": arguments, "claimed": bool(row["claimed_by"]), "claimed_by": row["claimed_by"],
            "independent_sources": row["independent_sources"], "outlets": row["outlets"],
            "conflicts": row["conflicts"], "reports": row["reports"],
            "sources": [source_record(s) for s in row["sources"]]}


def case_record(row: dict) -> dict:
    return {"person": row["person"], "nationality": row["nationality"], "status": row["status"],
            "latest": row["latest"], "events": row["events"], "articles": row["articles"],
            "independent_sources": row["independent_sources"], "url": person_url(row["person"])}


def statement_record(row: dict) -> dict:
    return {"speaker": row["speaker"], "speaker_url": person_url(row["speaker"]), "quote": row["quote"],
            "date": row["date"], "year": row["year"], "channel": row["channel"],
            "about": [{"name": name, "url": person_url(name)} for name in row["about"]],
            "outlets": row["outlets"], "reports": row["reports"], "sources": [source_record(s) for s in row["sources"]]}


def exchange_record(row: dict) -> dict:
    return {"date": row["date"], "place": row["place"], "side_a": row["side_a"], "side_b": row["side_b"],
            "side_unknown": row["side_unknown"], "outlets": row["outlets"], "reports": row["reports"],
            "sources": [source_record(s) for s in row["sources"]]}
