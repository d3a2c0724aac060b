"""Which language an article is read as."""
from __future__ import annotations

import babel

from ..records import Article

# Shorter texts do not tell their language reliably: they are read as the default language.
_LANGUAGE_MIN_CHARS = 200
DEFAULT_LANGUAGE = "en"


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isascii() for c in letters) * 2 >= len(letters)


def language_of(article: Article) -> str:
    """The language an article is read as: the one detected, unless the text is too short to tell (a short
    text in another script than the default language's tells it by its letters)."""
    if not article.language or (len(article.body) < _LANGUAGE_MIN_CHARS and _mostly_latin(article.body)):
        return DEFAULT_LANGUAGE
    return article.language


def language_name(code: str) -> str:
    try:
        name = babel.Locale.parse(code).english_name
    except (ValueError, babel.UnknownLocaleError):
        return code
    return f"{name} ({code})"
