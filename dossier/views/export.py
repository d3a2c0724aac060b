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


def export(store: Store, out: Path) -> dict[str, int]:
    """Write the three files; returns how many lines each got."""
    out.mkdir(parents=True, exist_ok=True)
    return {
        "documents.jsonl": _write_jsonl(out / "documents.jsonl", document_rows(store)),
        "entities.jsonl": _write_jsonl(out / "entities.jsonl", []),
        "facts.jsonl": _write_jsonl(out / "facts.jsonl", []),
    }
