"""Which of a page's lines are photo captions."""
from __future__ import annotations

from . import furniture

_CAPTION_MAX_WORDS = 12


def caption_lines(lines: list[str]) -> set[int]:
    """Indices of photo captions: credit lines, and the short lines that repeat the caption of a credit line or
    sit between two of them. A caption known only by its shape stays: it often tells what the story does."""
    credits = {i for i, line in enumerate(lines) if furniture.is_credit(line)}
    captions = set(credits)
    for i, line in enumerate(lines):
        if i in credits or len(furniture.words(line)) > _CAPTION_MAX_WORDS:
            continue
        near = [j for j in credits if abs(j - i) <= 2]
        if any(furniture.norm(line) in furniture.norm(lines[j]) for j in near) or (
                i - 1 in credits and i + 1 in credits and not furniture.ends_like_sentence(line)):
            captions.add(i)
    return captions
