"""Dossiers of invented articles for the tests, written into the tables directly: what the pages must show is
known exactly, whatever the extractor would make of the text.

A spec is {"documents": [...]}; each document has an id, outlet, published, title, body (paragraphs),
removed lines, entities ({name, type, forms}) and facts ({type, subject, args, evidence, claimed_by}), where
an argument {"entity": name} names an entity of the document and the evidence is a sentence of the body.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select, update

from dossier.casefile import assemble_cases
from dossier.listings import refresh
from dossier.store import Store
from dossier.store.schema import doc_entities, documents, entities, facts, mentions


def _entity_refs(value, index: dict[str, int]):
    if isinstance(value, dict) and "entity" in value:
        return {"entity": index[value["entity"]]}
    if isinstance(value, list):
        return [_entity_refs(v, index) for v in value]
    return value


def write_dossier(target: str | Path, spec: dict) -> str | Path:
    """A dossier (SQLite file or database URL) holding the spec's documents, entities and facts, its cases
    assembled and its listings made, as a build would leave them."""
    store = Store(target)
    add_documents(store, spec)
    refresh(store, assemble_cases(store))
    store.close()
    return target


def add_documents(store: Store, spec: dict) -> None:
    """Store the spec's documents; an entity is the one of the same name already stored, else a new one."""
    with store.engine.connect() as conn:
        canonical = {r.name: {"id": r.id, "type": r.type, "aliases": set(r.aliases), "stored": True}
                     for r in conn.execute(select(entities))}
    first = max((e["id"] for e in canonical.values()), default=0)
    rows: dict[str, list[dict]] = {"documents": [], "doc_entities": [], "mentions": [], "facts": []}
    for doc in spec["documents"]:
        doc_id, body = doc["id"], "\n".join(doc["body"])
        rows["documents"].append({
            "id": doc_id, "origin": f"{doc_id}.txt", "content_hash": doc_id, "pipeline": "fixture",
            "url": doc.get("url"), "title": doc.get("title"), "outlet": doc.get("outlet"),
            "published": doc.get("published"), "dateline": doc.get("dateline"), "language": "en",
            "raw": "\n".join([doc.get("title") or "", *doc.get("removed", []), body]), "body": body,
            "removed": doc.get("removed", []), "captions": doc.get("captions", []),
            "processed_at": datetime.now(UTC)})
        index = {e["name"]: i for i, e in enumerate(doc["entities"])}
        taken: list[tuple[int, int]] = []
        for i, e in enumerate(doc["entities"]):
            forms = e.get("forms", [e["name"]])
            added = sum(not c.get("stored") for c in canonical.values())
            entry = canonical.setdefault(e["name"], {"id": first + 1 + added, "type": e["type"], "aliases": set()})
            entry["aliases"].update(forms)
            rows["doc_entities"].append({"doc_id": doc_id, "idx": i, "name": e["name"], "type": e["type"],
                                         "role": None, "aliases": [], "entity_id": entry["id"]})
            for form in sorted(forms, key=len, reverse=True):
                for m in re.finditer(re.escape(form), body):
                    if any(m.start() < end and start < m.end() for start, end in taken):
                        continue
                    taken.append(m.span())
                    rows["mentions"].append({"doc_id": doc_id, "start_char": m.start(), "end_char": m.end(),
                                             "text": form, "type": e["type"], "sentence": 0, "doc_entity": i})
        for i, f in enumerate(doc["facts"]):
            start = body.index(f["evidence"])
            rows["facts"].append({
                "doc_id": doc_id, "idx": i, "type": f["type"], "subject": index[f["subject"]],
                "args": {k: _entity_refs(v, index) for k, v in f["args"].items()},
                "claimed_by": index[f["claimed_by"]] if f.get("claimed_by") else None,
                "sentence": i, "start_char": start, "end_char": start + len(f["evidence"])})
    for n, row in enumerate(rows["mentions"]):
        row["idx"] = n
    with store.engine.begin() as conn:
        for name, e in canonical.items():
            values = {"name": name, "type": e["type"], "aliases": sorted(e["aliases"])}
            if e.get("stored"):
                conn.execute(update(entities).where(entities.c.id == e["id"]).values(**values))
            else:
                conn.execute(insert(entities).values(id=e["id"], **values))
        for table in (documents, doc_entities, mentions, facts):
            if rows[table.name]:
                conn.execute(insert(table), rows[table.name])
