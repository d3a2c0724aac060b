"""The typed records that the JSON API and the command line's ``--format json`` give, alike.

Made from the listing rows (dossier/store/listings.py). A case event carries its type, its date and each
argument as a field of its own (a term as an ISO 8601 duration, a fine as amount and currency, the place,
the court, the counterparts...), beside the sentence a person reads; its conflicts; and its sources, each
with the evidence sentence and where it is in its article.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode

from ..extract.schema import FACT_TYPES


def person_url(name: str) -> str:
    return f"/person/{quote(name, safe='')}"


def article_url(doc_id: str, query: str | None = None) -> str:
    return f"/article/{quote(doc_id, safe='')}" + (f"?{urlencode({'q': query})}" if query else "")


def evidence_url(doc_id: str, start: int | None, end: int | None, sentence: str | None = None) -> str:
    """The article page with the evidence marked: by offsets when known, else by the sentence's text."""
    query = {"start": start, "end": end} if start is not None and end is not None else {"sentence": sentence or ""}
    return f"/article/{quote(doc_id, safe='')}?{urlencode(query)}#evidence"


def source_record(row: dict) -> dict:
    start, end = row["start_char"], row["end_char"]
    return {"doc": row["doc_id"], "outlet": row["outlet"] or row["doc_id"], "published": row["published"],
            "evidence": row["evidence"], "claimed_by": row["claimed_by"], "start": start, "end": end,
            "url": evidence_url(row["doc_id"], start, end, row["evidence"])}


def _outlets(sources: list[dict]) -> list[str]:
    return sorted({s["outlet"] or s["doc_id"] for s in sources})


def event_record(row: dict) -> dict:
    """Every argument of the event's type is given, null where no source tells it."""
    told = FACT_TYPES[row["type"]].arguments if row["type"] in FACT_TYPES else {}
    arguments = {**{arg: None for arg in told if arg != "date"}, **row["arguments"]}
    return {"type": row["type"], "date": row["date"], "when": row["reported"], "headline": row["headline"],
            "arguments": arguments, "claimed": bool(row["claimed_by"]), "claimed_by": row["claimed_by"],
            "independent_sources": row["independent_sources"], "outlets": _outlets(row["sources"]),
            "conflicts": row["conflicts"], "sources": [source_record(s) for s in row["sources"]]}


def case_record(row: dict) -> dict:
    return {"person": row["person"], "nationality": row["nationality"], "status": row["status"],
            "latest": row["latest"], "events": row["events"], "articles": row["articles"],
            "independent_sources": row["independent_sources"], "url": person_url(row["person"])}


def statement_record(row: dict) -> dict:
    return {"speaker": row["speaker"], "speaker_url": person_url(row["speaker"]), "quote": row["quote"],
            "date": row["date"], "year": row["year"], "channel": row["channel"],
            "about": [{"name": name, "url": person_url(name)} for name in row["about"]],
            "outlets": _outlets(row["sources"]), "sources": [source_record(s) for s in row["sources"]]}


def exchange_record(row: dict) -> dict:
    return {"date": row["date"], "place": row["place"], "side_a": row["side_a"], "side_b": row["side_b"],
            "side_unknown": row["side_unknown"], "outlets": row["outlets"],
            "sources": [source_record(s) for s in row["sources"]]}
