"""Cutting untrusted article text into plain and marked pieces for the templates to escape.

Nothing here produces HTML: the templates get (text, kind) pieces and escape every one,
so a highlight can never let markup from an article through.
"""
from __future__ import annotations

from ..cases.merge import date_parts
from ..store.search import hit_spans

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SNIPPET = 90  # characters of context either side of a search hit

Piece = tuple[str, str]  # (text, kind): kind is "", "evidence" or "hit"


def human_date(value: str | None) -> str:
    """"2024-08-01" -> "1 Aug 2024", "2016-08" -> "Aug 2016", "XXXX-04-06" -> "6 Apr, year unknown"."""
    parts = date_parts(value)
    if not parts:
        return value or ""
    year, month, day = parts
    text = " ".join(p for p in (str(day) if day else "", MONTHS[month - 1] if month else "") if p)
    if year:
        return f"{text} {year}".strip()
    return f"{text}, year unknown" if text else "year unknown"


def pieces(text: str, spans: list[tuple[int, int]], kind: str) -> list[Piece]:
    out: list[Piece] = []
    at = 0
    for start, end in spans:
        if start > at:
            out.append((text[at:start], ""))
        out.append((text[start:end], kind))
        at = end
    if at < len(text):
        out.append((text[at:], ""))
    return out


def paragraphs(body: str, evidence: tuple[int, int] | None = None, words: list[str] | None = None
               ) -> list[list[Piece]]:
    """The body as paragraphs of pieces: the evidence span marked, else the words searched for (folded)."""
    if evidence:
        start, end = evidence
        flat = pieces(body, [(start, end)], "evidence")
    else:
        flat = pieces(body, hit_spans(body, words or []), "hit")
    result: list[list[Piece]] = [[]]
    for text, kind in flat:
        for i, line in enumerate(text.split("\n")):
            if i:
                result.append([])
            if line:
                result[-1].append((line, kind))
    return [p for p in result if p]


def snippet(body: str, words: list[str]) -> list[Piece]:
    """A window of the body around the first word searched for (folded), the words marked."""
    found = hit_spans(body, words, first=True)
    if not found:
        return [(body[:2 * SNIPPET].replace("\n", " ") + ("…" if len(body) > 2 * SNIPPET else ""), "")]
    [(first, first_end)] = found
    start = max(0, first - SNIPPET)
    end = min(len(body), first_end + SNIPPET)
    # Whole words at the edges.
    if start > 0:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    if end < len(body):
        space = body.rfind(" ", first_end, end)
        end = space if space > 0 else end
    window = body[start:end].replace("\n", " ")
    inside = [(s - start, e - start) for s, e in hit_spans(body, words, start, end)]
    out = pieces(window, inside, "hit")
    if start > 0:
        out.insert(0, ("…", ""))
    if end < len(body):
        out.append(("…", ""))
    return out


def locate(body: str, start: int | None, end: int | None, sentence: str | None) -> tuple[int, int] | None:
    """The evidence span asked for: character offsets when they fit the body, else the sentence's text."""
    if start is not None and end is not None and 0 <= start < end <= len(body):
        return start, end
    if sentence:
        at = body.find(sentence)
        if at >= 0:
            return at, at + len(sentence)
    return None
