"""The benchmark export: documents.jsonl, entities.jsonl and facts.jsonl in one folder."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..store import Store


def _write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def document_rows(store: Store) -> Iterable[dict]:
    for doc in store.documents():
        yield {"doc": doc["id"], "outlet": doc["outlet"], "published": doc["published"], "title": doc["title"],
               "dateline": doc["dateline"], "language": doc["language"], "url": doc["url"], "body": doc["body"]}


def entity_rows(store: Store) -> Iterable[dict]:
    for row in store.entity_rows():
        yield {"id": f"e{row['id']}", "name": row["name"], "type": row["type"], "aliases": row["aliases"],
               "docs": row["docs"]}


def fact_rows(store: Store) -> Iterable[dict]:
    for row in store.fact_rows():
        yield {key: row[key] for key in ("doc", "type", "subject", "args", "evidence", "claimed_by")}


def export(store: Store, out: Path) -> dict[str, int]:
    """Write the three files; returns how many lines each got."""
    out.mkdir(parents=True, exist_ok=True)
    return {
        "documents.jsonl": _write_jsonl(out / "documents.jsonl", document_rows(store)),
        "entities.jsonl": _write_jsonl(out / "entities.jsonl", entity_rows(store)),
        "facts.jsonl": _write_jsonl(out / "facts.jsonl", fact_rows(store)),
    }
