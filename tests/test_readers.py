"""Each reader, and each kind of bad input, as a user meets them."""
from __future__ import annotations

import json
from pathlib import Path

from dossier.read import read_corpus
from dossier.records import ReadProblem, SourceItem

ARTICLE = ("MADRID, May 2 (Iberia Wire) - Spanish police arrested a Ukrainian citizen wanted by Kyiv "
           "on fraud charges, the interior ministry said on Friday.\n\nHe is due before a judge next week.\n")


def _read(path: Path) -> tuple[list[SourceItem], list[ReadProblem]]:
    entries = list(read_corpus(path))
    return ([e for e in entries if isinstance(e, SourceItem)], [e for e in entries if isinstance(e, ReadProblem)])


def test_text_file_is_read_with_its_stem_as_id(corpus):
    items, problems = _read(corpus({"2025-05-02_madrid.txt": ARTICLE}))
    assert problems == []
    [item] = items
    assert (item.doc_id, item.format) == ("2025-05-02_madrid", "text")
    assert item.content == ARTICLE


def test_html_file_is_read_as_html(corpus):
    page = f"<html><head><title>Arrest in Madrid</title></head><body><p>{ARTICLE}</p></body></html>"
    [item], problems = _read(corpus({"madrid.html": page}))
    assert problems == [] and item.format == "html" and item.doc_id == "madrid"


def test_legacy_encodings_are_decoded(corpus):
    text = ("Le journaliste français a été libéré jeudi après onze mois de détention à Téhéran, "
            "a annoncé le ministère des Affaires étrangères à Paris.")
    [item], problems = _read(corpus({"latin.txt": text.encode("cp1252")}))
    assert problems == []
    assert "libéré jeudi après onze mois de détention à Téhéran" in item.content


def test_html_charset_declaration_is_honoured(corpus):
    page = ('<html><head><meta charset="windows-1251"></head><body><p>Суд в Москве арестовал гражданина '
            'Франции по обвинению в шпионаже.</p></body></html>')
    [item], _ = _read(corpus({"ru.html": page.encode("cp1251")}))
    assert "арестовал гражданина Франции" in item.content


def test_jsonl_lines_become_documents_with_their_metadata(corpus):
    lines = [
        {"id": "wire-1", "url": "https://apnews.com/article/x", "published": "2025-05-02", "title": "Arrest",
         "text": ARTICLE},
        {"id": "page-2", "html": f"<p>{ARTICLE}</p>", "url": None, "published": None, "title": None},
    ]
    path = corpus({"batch.jsonl": "\n".join(json.dumps(line) for line in lines) + "\n"}) / "batch.jsonl"
    items, problems = _read(path)
    assert problems == []
    assert [(i.doc_id, i.format, i.url, i.published, i.title) for i in items] == [
        ("wire-1", "text", "https://apnews.com/article/x", "2025-05-02", "Arrest"),
        ("page-2", "html", None, None, None),
    ]


def test_each_bad_input_is_named_and_the_rest_is_read(corpus):
    folder = corpus({
        "good.txt": ARTICLE,
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "empty.txt": "",
        "blank.txt": "  \n\n ",
        "garbled.txt": bytes(range(0x80, 0xC0)) * 3,
        "notes.docx": b"PK\x03\x04",
        "wires.jsonl": json.dumps({"id": "ok", "text": ARTICLE}) + "\n{\"id\": \"broken\", \"text\": \n"
                       + json.dumps(["not", "an", "object"]) + "\n" + json.dumps({"id": "no-text"}) + "\n",
    })
    items, problems = _read(folder)
    assert sorted(i.doc_id for i in items) == ["good", "ok"]
    messages = {Path(p.origin).name: p.message for p in problems}
    assert messages["photo.txt"] == "binary data, not text"
    assert messages["empty.txt"] == "empty file"
    assert messages["blank.txt"] == "empty file"
    assert messages["garbled.txt"].startswith("not valid UTF-8 (byte 0x80 at offset 0)")
    assert messages["notes.docx"].startswith("unsupported file type")
    assert messages["wires.jsonl:2"].startswith("malformed JSON")
    assert messages["wires.jsonl:3"] == "expected a JSON object per line"
    assert messages["wires.jsonl:4"] == 'no "text" or "html" field with content'
