"""Quotation marks paired per paragraph into the spans of the quoted words.

A closing mark with no opening mark opens the quotation at the paragraph's start (a page that lost the
opening mark), a short quotation inside a longer one is part of it, and text split by "he said," is one
quotation on each side.
"""
from __future__ import annotations

import re

MIN_WORDS = 4
_OPEN = "“„«"
_CLOSE = "”»"
_STRAIGHT = '"'


def _is_opening(text: str, i: int, open_straight: bool) -> bool:
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char in _OPEN:
        return True
    if char in _CLOSE:  # a closing mark set where an opening one belongs: "... he said. ”That is ..."
        return before.isspace() and after.isalnum()
    if before in ".!?" and after.isalnum():  # marks run into the sentences: 'said."While ...' or '..."Then'
        return not open_straight
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


# Single quotation marks, in a paragraph that has no double ones: an opening mark starts a word, a closing
# mark ends one, so the apostrophes of "Russia's" and "don't" are neither.
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[^\s’'])(.+?)(?<=[^\s‘'])[’'](?![\w‘’'])")


# A single-quoted passage that opens its paragraph, or follows "X said:", and is not closed there: the
# paragraph is the first or a middle one of a quotation that runs over several, each opening with the mark.
_RUNNING_SINGLE = re.compile(r"(?:^|:\s+)[‘'](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s‘'])[’'](?![\w‘’'])")


# The author's words open after the quotation's own comma, "!" or "?" and a dash; a dash with none before it is
# the quotation's own ("Мой клиент — инженер, а не контрабандист, — сказал Нолан").
_AUTHOR = re.compile(r"[,!?…]\s+[—–]\s+[^—–«»„“”]{3,120}?[.,:]?\s+[—–]\s+(?=\w)")


def _interrupted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A quotation cut where the author's words stand between two dashes inside it."""
    if text[start - 1:start] not in ("«", "„"):
        return [(start, end)]
    pieces, at = [], start
    for match in _AUTHOR.finditer(text, start, end):
        pieces.append((at, match.start()))
        at = match.end()
    return [*pieces, (at, end)]


def quote_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each top-level quotation in one paragraph, offsets into the body."""
    marks = [i for i, c in enumerate(text) if c in _OPEN + _CLOSE + _STRAIGHT]
    if not marks:
        found = [(m.start(1), m.end(1)) for m in _SINGLE.finditer(text)]
        running = _RUNNING_SINGLE.search(text)
        if running and not any(a <= running.end() < b for a, b in found) and not _SINGLE_CLOSE.search(
                text, running.end()):
            found.append((running.end(), len(text.rstrip())))
        return [(offset + a, offset + a + len(text[a:b].rstrip(","))) for a, b in found
                if len(re.findall(r"\w+", text[a:b])) >= MIN_WORDS]
    spans, stack = [], []
    for i in marks:
        closes_low = text[i] == "“" and bool(stack) and text[stack[-1]] == "„"  # „so“, as Russian pairs them
        if _is_opening(text, i, any(text[j] == _STRAIGHT for j in stack)) and not closes_low:
            stack.append(i)
            continue
        if not stack:  # a closing mark whose opening mark the page lost
            spans.append((0, i))
            continue
        start = stack.pop()
        following = text[i + 1:].lstrip()
        # "... American "justice." "There are ..." : the close before a new quotation ends them all.
        if stack and (not following or following[0] in _OPEN + _STRAIGHT):
            start = stack[0]
            stack.clear()
        if not stack:
            spans.append((start + 1, i))
    if stack:
        spans.append((stack[0] + 1, len(text)))
    # «Мой клиент — инженер, — сказал Нолан журналистам. — Мы подадим апелляцию»: the author's words between
    # dashes inside one pair of marks make two quotations.
    spans = [piece for start, end in spans for piece in _interrupted(text, start, end)]
    out = []
    for start, end in spans:
        inner = text[start:end]
        lead = len(inner) - len(inner.lstrip())
        inner = inner.strip().rstrip(",")
        if len(re.findall(r"\w+", inner)) >= MIN_WORDS:
            out.append((offset + start + lead, offset + start + lead + len(inner)))
    return out

