"""Reader for JSON Lines corpora: one article per line, ``text`` or ``html`` with optional metadata."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..records import ReadProblem, SourceItem
from ..registry import readers
from .decode import DecodeError, decode
from .files import content_hash, doc_id_for


def _optional_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    return str(value).strip() or None if value is not None else None


def _encodable(value: object) -> bool:
    try:
        str(value).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_record(record: object, origin: str, fallback_id: str) -> SourceItem | ReadProblem:
    if not isinstance(record, dict):
        return ReadProblem(origin, "expected a JSON object per line")
    for fmt, key in (("text", "text"), ("html", "html")):
        body = record.get(key)
        if isinstance(body, str) and body.strip():
            break
    else:
        return ReadProblem(origin, 'no "text" or "html" field with content')
    if not all(_encodable(v) for v in (body, *(record.get(k) for k in ("id", "url", "published", "title")))):
        return ReadProblem(origin, "text with an unpaired surrogate (\\ud800-\\udfff), which no encoding can store")
    doc_id = _optional_str(record, "id") or fallback_id
    published, url, title = (_optional_str(record, k) for k in ("published", "url", "title"))
    fingerprint = json.dumps([body, url, published, title], ensure_ascii=False)
    return SourceItem(doc_id=doc_id, origin=origin, format=fmt, content=body,
                      content_hash=content_hash(fingerprint), url=url, published=published, title=title)


@readers.register(".jsonl")
def read_jsonl(path: Path) -> Iterator[SourceItem | ReadProblem]:
    try:
        text, _ = decode(path.read_bytes())
    except DecodeError as err:
        yield ReadProblem(str(path), str(err))
        return
    stem = doc_id_for(path)
    # Lines end at "\n" only: JSON leaves U+2028 and the like unescaped inside strings.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield ReadProblem(origin, f"malformed JSON ({err.msg} at column {err.colno})")
            continue
        except (ValueError, RecursionError) as err:  # a number of thousands of digits, nesting thousands deep
            yield ReadProblem(origin, f"unreadable JSON ({type(err).__name__}: {str(err)[:80]})")
            continue
        yield parse_record(record, origin, f"{stem}-{number}")



